// Every example of every lesson as the tutorial shows it, at 80 columns
// without colour (as when piped): range examples are charts, tables sort le
// numerically, nothing advises CLI flags. Regenerate with
//   UPDATE_GOLDEN=1 node --test dist/test/lessons/examples-golden.test.js
// and review the diff.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { bufferIO } from '../../src/util/io.js';
import { openLocalDataset } from '../../src/backends/open.js';
import { QUIET_HOST } from '../../src/backends/options.js';
import { defaultLessonsDir, loadCourse } from '../../src/lessons/load.js';
import { runAndRender } from '../../src/lessons/show.js';
import { lessonBackend } from '../../src/lessons/dataset.js';

const DIR = fileURLToPath(new URL('../../../test/golden/lessons/', import.meta.url));
const UPDATE = process.env.UPDATE_GOLDEN === '1';
const backend = await openLocalDataset({ inProcess: true }, QUIET_HOST);
const io = bufferIO({ columns: 80, rows: 24 });

for (const lesson of loadCourse(defaultLessonsDir()).lessons) {
  test(`lesson ${lesson.number}: every example rendered at 80 columns`, async () => {
    const parts: string[] = [];
    // A lesson with a `dataset:` header is shown on its recording, as the tutorial shows it.
    const own = await lessonBackend(backend, lesson);
    for (const step of lesson.steps) {
      for (const b of step.blocks) {
        if (b.kind !== 'example') continue;
        const attrs = [b.at && `at=${b.at}`, b.range && `range=${b.range}`, b.focus && `focus=${b.focus}`].filter(Boolean).join(' ');
        const text = await runAndRender(io, own, b.query, b);
        for (const line of text.split('\n')) assert.ok(line.length <= 80, `${lesson.file}:${b.line}: a line of ${line.length} columns`);
        assert.doesNotMatch(text, /--limit|--output|promlearn /, `${lesson.file}:${b.line}: CLI advice inside the tutorial`);
        parts.push(`── ${lesson.file}:${b.line} ${attrs}\n${b.query}\n\n${text}`);
      }
    }
    const file = `${DIR}${String(lesson.number).padStart(2, '0')}-${lesson.id}.txt`;
    const got = parts.join('\n');
    if (UPDATE || !existsSync(file)) {
      writeFileSync(file, got);
      // A missing golden is written for review, never passed silently.
      if (!UPDATE) assert.fail(`wrote new golden file ${file}; review it and rerun`);
      return;
    }
    assert.equal(got, readFileSync(file, 'utf8'));
  });
}
