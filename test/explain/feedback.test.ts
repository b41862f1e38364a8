// explainForFeedback: what the tutorial shows under a wrong answer.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { explainForFeedback } from '../../src/explain/index.js';
import { SAMPLE_END } from '../../src/dataset/index.js';
import { sampleBackend } from './sample.js';

test('an answer that matches nothing starts with why', async () => {
  const text = await explainForFeedback(
    await sampleBackend(),
    'sum(rate(http_requests_total{job="frontend", instance="frontend-1"}[5m]))',
    SAMPLE_END,
    { columns: 80 },
  );
  const lines = text.split('\n');
  assert.equal(lines[0], 'http_requests_total{instance="frontend-1",job="frontend"}[5m] matches no series:');
  assert.match(lines[1]!, /^ {2}no series has instance="frontend-1"; instance values are "frontend-1:3000",/);
  assert.match(text, /hint: instance values are compared whole/);
  assert.match(text, /^sum +instant vector, 0 series$/m);
  assert.doesNotMatch(text, /each sub-expression was evaluated/);
  for (const l of lines) assert.ok([...l].length <= 80, l);
});

test('an answer that does not parse gives the error with its caret, not an exception', async () => {
  const text = await explainForFeedback(await sampleBackend(), 'rate(http_requests_total)', SAMPLE_END, { columns: 80 });
  assert.match(
    text,
    /^error: 1:6: parse error: expected type range vector in call to function "rate", got instant vector\n {2}rate\(http_requests_total\)\n {7}\^~+/,
  );
});

test('an answer that works is explained without a diagnosis header', async () => {
  const text = await explainForFeedback(await sampleBackend(), 'sum by (job) (up)', SAMPLE_END, { columns: 100 });
  assert.match(text, /^sum by \(job\) +instant vector, 4 series\n/);
});
