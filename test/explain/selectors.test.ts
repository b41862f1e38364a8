// The selector diagnosis on the sample dataset: counts per matcher, the
// matcher that removed the last series, closest values and hints.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { bufferIO } from '../../src/util/io.js';
import { openLocalDataset } from '../../src/backends/open.js';
import { hostFromIO } from '../../src/backends/options.js';
import { GAP_START, SAMPLE_END } from '../../src/dataset/index.js';
import { diagnoseSelector, selectorDiagnosisLines } from '../../src/explain/selectors.js';
import type { Backend } from '../../src/backends/backend.js';

let backendPromise: Promise<Backend> | undefined;
const backend = () => (backendPromise ??= openLocalDataset({ inProcess: true }, hostFromIO(bufferIO())));

test('counts the series left after each matcher, metric name first', async () => {
  const d = await diagnoseSelector(await backend(), 'up{job="api", instance!="api-1:8080"}', SAMPLE_END);
  assert.deepEqual(
    d.steps.map((s) => [s.text, s.remaining, s.removed]),
    [
      ['__name__="up"', 11, 0],
      ['job="api"', 3, 8],
      ['instance!="api-1:8080"', 2, 1],
    ],
  );
  assert.equal(d.matched, 2);
  assert.equal(d.culprit, undefined);
  assert.equal(d.candidatesQuery, 'up');
});

test('a value without the port: the culprit, the closest values and the prefix hint', async () => {
  const d = await diagnoseSelector(await backend(), 'http_requests_total{job="frontend", instance="frontend-1"}', SAMPLE_END);
  assert.equal(d.matched, 0);
  assert.ok(d.culprit);
  assert.equal(d.culprit.matcher.name, 'instance');
  assert.equal(d.culprit.closestValues[0], 'frontend-1:3000');
  assert.equal(d.culprit.labelMissing, false);
  const text = selectorDiagnosisLines(d).join('\n');
  assert.match(text, /no series has instance="frontend-1"; instance values are "frontend-1:3000"/);
  assert.match(text, /starts with "frontend-1"/);
});

test('a regex that matches only part of a value: regexes match the whole value', async () => {
  const d = await diagnoseSelector(await backend(), 'up{instance=~"frontend"}', SAMPLE_END);
  assert.equal(d.matched, 0);
  assert.match(selectorDiagnosisLines(d).join('\n'), /regexes match the whole value/);
});

test('a misspelt label name: the label is missing, did you mean', async () => {
  const d = await diagnoseSelector(await backend(), 'up{instnce="api-1:8080"}', SAMPLE_END);
  assert.equal(d.culprit?.labelMissing, true);
  assert.match(selectorDiagnosisLines(d).join('\n'), /did you mean `instance`/);
});

test('a misspelt metric name: did you mean', async () => {
  const d = await diagnoseSelector(await backend(), 'http_request_total{job="api"}', SAMPLE_END);
  assert.equal(d.candidates, 0);
  assert.deepEqual(d.noCandidates?.existsElsewhere, false);
  assert.match(selectorDiagnosisLines(d).join('\n'), /did you mean `http_requests_total`/);
});

test('a series that exists only at other times (the api-2 scrape gap)', async () => {
  const d = await diagnoseSelector(await backend(), 'nodejs_heap_size_used_bytes{instance="api-2:8080"}', GAP_START + 300);
  assert.equal(d.matched, 0);
  assert.equal(d.culprit?.matcher.name, 'instance');
  assert.match(selectorDiagnosisLines(d).join('\n'), /exist, but none has a sample in the lookback window/);
});

test('a negative matcher that removes everything says what every series has', async () => {
  const d = await diagnoseSelector(await backend(), 'shop_cart_active_sessions{job!="frontend"}', SAMPLE_END);
  assert.equal(d.matched, 0);
  assert.match(selectorDiagnosisLines(d).join('\n'), /every one has job = "frontend"/);
});

test('range selectors and parsed nodes are accepted; other expressions are not', async () => {
  const d = await diagnoseSelector(await backend(), 'up{job="node"}[5m]', SAMPLE_END);
  assert.equal(d.matched, 3);
  assert.equal(d.candidatesQuery, 'up[5m]');
  await assert.rejects(diagnoseSelector(await backend(), 'sum(up)', SAMPLE_END), /expected a selector/);
});
