// For every example of the lessons, the root of explain's tree is exactly the
// result `query` gets (same data, or the same error), at the example's time.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseTimeArg } from '../../src/util/time.js';
import { SAMPLE_END } from '../../src/dataset/index.js';
import { explain } from '../../src/explain/index.js';
import { defaultLessonsDir, loadCourse } from '../../src/lessons/load.js';
import type { ExampleBlock, Lesson } from '../../src/lessons/model.js';
import { lessonBackend } from '../../src/lessons/dataset.js';
import { sampleBackend } from './sample.js';

const course = loadCourse(defaultLessonsDir());
const examples: Array<{ where: string; block: ExampleBlock; lesson: Lesson }> = [];
for (const lesson of course.lessons) {
  for (const step of lesson.steps) {
    for (const b of step.blocks) if (b.kind === 'example') examples.push({ where: `${lesson.file}:${b.line}`, block: b, lesson });
  }
}

test('the lessons have examples to check', () => {
  assert.ok(examples.length >= 20, `only ${examples.length} examples found`);
});

for (const { where, block, lesson } of examples) {
  test(`explain's root equals query's: ${where} ${block.query}`, async () => {
    // A lesson with a `dataset:` header runs on its recording.
    const backend = await lessonBackend(await sampleBackend(), lesson);
    const end = (await backend.info()).dataRange?.end ?? SAMPLE_END;
    // A range example is explained at its last instant (explain works at one instant).
    const time = block.at ? parseTimeArg(block.at, end) : end;
    let expected: unknown;
    let expectedError: string | undefined;
    try {
      expected = (await backend.instantQuery(block.query, time)).data;
    } catch (e) {
      expectedError = (e as Error).message;
    }
    if (expectedError !== undefined) {
      // Refused as a whole (thrown, as `query` does), or run and failing at the root.
      let failed;
      try {
        failed = await explain(backend, block.query, { time });
      } catch (e) {
        assert.equal((e as Error).message, expectedError);
        return;
      }
      assert.equal(failed.root.error?.message, expectedError);
      return;
    }
    const x = await explain(backend, block.query, { time });
    assert.equal(x.root.error, undefined);
    assert.deepEqual(x.root.data, expected);
  });
}
