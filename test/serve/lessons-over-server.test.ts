// `promlearn --server <promlearn serve>` gives the results the embedded engine
// gives locally, on every example of every lesson: the HTTP API carries
// results, warnings and errors without changing them.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import type { Backend } from '../../src/backends/backend.js';
import { createRemoteBackend } from '../../src/backends/remote.js';
import { openLocalDataset } from '../../src/backends/open.js';
import { QUIET_HOST } from '../../src/backends/options.js';
import { defaultLessonsDir, loadCourse } from '../../src/lessons/load.js';
import { parseDuration, parseRelative } from '../../src/lessons/time.js';
import { lessonBackend } from '../../src/lessons/dataset.js';
import { serveBackend, type Served } from './serve-helper.js';

let local: Backend;
let remote: Backend;
let served: Served;

before(async () => {
  local = await openLocalDataset({ inProcess: true }, QUIET_HOST);
  served = await serveBackend(local);
  remote = await createRemoteBackend({ server: served.url }, QUIET_HOST);
});
after(async () => {
  await remote.close?.();
  await served.close();
});

async function outcome(b: Backend, query: string, time: number, range: number) {
  try {
    return range
      ? await b.rangeQuery(query, time - range, time, Math.max(60, Math.round(range / 3600) * 60))
      : await b.instantQuery(query, time);
  } catch (e) {
    return { error: (e as Error).message };
  }
}

test('every lesson example: the same results through promlearn serve as from the embedded engine', async () => {
  const { lessons, problems } = loadCourse(defaultLessonsDir());
  assert.deepEqual(problems, []);
  let n = 0;
  for (const lesson of lessons) {
    // A lesson on its own recording is compared on that recording, served the same way.
    const own = await lessonBackend(local, lesson);
    const served2 = own === local ? undefined : await serveBackend(own);
    const lessonRemote = served2 ? await createRemoteBackend({ server: served2.url }, QUIET_HOST) : remote;
    const end = (await own.info()).dataRange!.end;
    for (const step of lesson.steps) {
      for (const b of step.blocks) {
        if (b.kind !== 'example') continue;
        const time = end + (parseRelative(b.at ?? '0') ?? 0) / 1000;
        const range = b.range ? (parseDuration(b.range) ?? 0) / 1000 : 0;
        const want = await outcome(own, b.query, time, range);
        const got = await outcome(lessonRemote, b.query, time, range);
        assert.deepEqual(got, want, `${lesson.file}:${b.line}: ${b.query}`);
        n++;
      }
    }
    if (served2) {
      await lessonRemote.close?.();
      await served2.close();
    }
  }
  assert.ok(n >= 40, `${n} examples`);
});
