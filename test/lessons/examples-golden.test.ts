// Every example of every lesson as the tutorial shows it, at 80 columns
// without colour (as when piped): range examples are charts, tables sort le
// numerically, nothing advises CLI flags. The Korean lessons (lessons/ko/)
// run the same examples, so their golden files are the whole walk-through
// instead (test/golden/lessons/ko/): prose wrapped at 80 columns, examples,
// predictions and exercise tasks, every exercise skipped. Regenerate with
//   UPDATE_GOLDEN=1 node --test dist/test/lessons/examples-golden.test.js
// and review the diff.
import { setLang } from '../../src/util/messages/index.js';
import { visibleWidth } from '../../src/util/width.js';
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { bufferIO } from '../../src/util/io.js';
import { openLocalDataset } from '../../src/backends/open.js';
import { QUIET_HOST } from '../../src/backends/options.js';
import { defaultLessonsDir, lessonsDirFor, loadCourse } from '../../src/lessons/load.js';
import { emptyProgress } from '../../src/lessons/progress.js';
import { linePrompter } from '../../src/lessons/prompter.js';
import { runLesson } from '../../src/lessons/tutorial.js';
import { runAndRender } from '../../src/lessons/show.js';
import { lessonBackend } from '../../src/lessons/dataset.js';

const DIR = fileURLToPath(new URL('../../../test/golden/lessons/', import.meta.url));
const UPDATE = process.env.UPDATE_GOLDEN === '1';
const backend = await openLocalDataset({ inProcess: true }, QUIET_HOST);
const io = bufferIO({ columns: 80, rows: 24 });

for (const lesson of loadCourse(defaultLessonsDir()).lessons) {
  test(`lesson ${lesson.number}: every example rendered at 80 columns`, async () => {
    const parts: string[] = [];
    // English, whatever an earlier file in this test process left set.
    setLang('en');
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
    compareGolden(`${DIR}${String(lesson.number).padStart(2, '0')}-${lesson.id}.txt`, parts.join('\n'));
  });
}

const root = defaultLessonsDir();
for (const lesson of loadCourse(lessonsDirFor(root, 'ko'), root).lessons) {
  test(`lesson ${lesson.number} in Korean: the walk-through at 80 columns`, async (t) => {
    const out = bufferIO({ columns: 80, rows: 24 });
    // One line per exercise: skip each (the judge's verdicts are the English course's tests).
    const prompter = linePrompter(out, async () => '.skip', () => {}, 'answers');
    // The tutorial's own messages in Korean too, as `learn --lang ko` shows them.
    setLang('ko');
    t.after(() => setLang('en'));
    const ending = await runLesson({ io: out, backend: await lessonBackend(backend, lesson), prompter, progress: emptyProgress() }, lesson);
    assert.equal(ending, 'finished');
    const text = out.output.out;
    // Wrapped text and results fit in terminal columns (Hangul takes two). Example queries and code blocks are shown verbatim, indented.
    for (const line of text.split('\n').filter((l) => !l.startsWith('  '))) {
      assert.ok(visibleWidth(line) <= 80, `${lesson.file}: a line of ${visibleWidth(line)} columns: ${line}`);
    }
    assert.doesNotMatch(text, /--limit|--output/, `${lesson.file}: CLI advice inside the tutorial`);
    compareGolden(`${DIR}ko/${String(lesson.number).padStart(2, '0')}-${lesson.id}.txt`, text);
  });
}

function compareGolden(file: string, got: string): void {
  if (UPDATE || !existsSync(file)) {
    mkdirSync(file.replace(/[^/]+$/, ''), { recursive: true });
    writeFileSync(file, got);
    // A missing golden is written for review, never passed silently.
    if (!UPDATE) assert.fail(`wrote new golden file ${file}; review it and rerun`);
    return;
  }
  assert.equal(got, readFileSync(file, 'utf8'));
}
