// Exercises that ask for a form (uses:/avoids:): which metrics a query reads,
// and the feedback for right numbers in the other form.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { metricUseProblem, metricsRead } from '../../src/lessons/metric-use.js';
import { parseLesson } from '../../src/lessons/parse.js';

test('metricsRead: names from selectors, written either way', () => {
  assert.deepEqual([...metricsRead('sum(rate(a_total[5m])) / on() {__name__="b"} + c offset 5m')].sort(), ['a_total', 'b', 'c']);
  assert.deepEqual([...metricsRead('sum(')], []);
});

test('uses/avoids: right numbers in the wrong form are told what to read', () => {
  const ex = { uses: ['h'], avoids: ['h_bucket'] };
  assert.equal(metricUseProblem(ex, 'histogram_quantile(0.9, sum by (le) (rate(h_bucket[5m])))')?.includes('`h`'), true);
  assert.match(metricUseProblem(ex, 'histogram_quantile(0.9, sum(rate(h[5m]))) + 0 * sum(h_bucket)') ?? '', /not to use/);
  assert.equal(metricUseProblem(ex, 'histogram_quantile(0.9, sum(rate(h[5m])))'), undefined);
  assert.equal(metricUseProblem({}, 'anything'), undefined);
});

test('the fields parse, and a bad metric name is a problem at its line', () => {
  const lesson = (fields: string) =>
    parseLesson(
      `# T\n\nsummary: s\n\n## Step {#s}\n\ntext\n\n\`\`\`exercise\nid: e\ntask: t\nhint: a\nhint: ___\nanswer: x\n${fields}wrong: y\nfeedback: f\nwrong: z\nfeedback: g\n\`\`\`\n`,
      '01-t.md',
    );
  const ok = lesson('uses: a, b\navoids: c\n');
  const ex = ok.lesson?.steps[0].blocks.find((b) => b.kind === 'exercise');
  assert.deepEqual(ex && 'uses' in ex ? [ex.uses, ex.avoids] : undefined, [['a', 'b'], ['c']]);
  assert.match(lesson('uses: a b\n').problems.map((p) => p.message).join(), /metric names, got "a b"/);
});
