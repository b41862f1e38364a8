// promtool's unit-test format without promtool: expanding notation, verdicts
// and failure texts (promtool.test.ts compares them with the real promtool).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { fileURLToPath } from 'node:url';
import { expandValues, seriesLabels } from '../../src/rules/unittest/series.js';
import { runTestFile } from '../../src/rules/unittest/run.js';
import { isStaleNaN } from '../../src/storage/store.js';
import { main } from '../../src/cli/main.js';
import { bufferIO } from '../../src/util/io.js';

const FIX = fileURLToPath(new URL('../../../test/rules/fixtures/', import.meta.url));

const show = (s: string) => expandValues(s).map((v) => (v.kind === 'value' ? String(v.v) : v.kind === 'missing' ? '_' : 'stale'));

test('expanding notation', () => {
  const cases: Array<[string, string[]]> = [
    ['-2+4x3', ['-2', '2', '6', '10']],
    ['1-2x4', ['1', '-1', '-3', '-5', '-7']],
    ['1x4', ['1', '1', '1', '1', '1']],
    ['1 _x3 stale', ['1', '_', '_', '_', 'stale']],
    ['0x20', Array(21).fill('0')],
    ['1.5 Inf -Inf', ['1.5', 'Infinity', '-Infinity']],
    ['  ', []],
  ];
  for (const [s, want] of cases) assert.deepEqual(show(s), want, s);
  assert.equal(isStaleNaN(NaN), false);
  assert.throws(() => expandValues('1+x3'), /invalid value "1\+x3"/);
  assert.throws(() => expandValues('{{schema:1 sum:2}}'), /invalid value|native histogram/);
  assert.deepEqual(seriesLabels('up{job="api", instance="a:1"}'), { __name__: 'up', job: 'api', instance: 'a:1' });
  assert.throws(() => seriesLabels('up{job=~"a"}'), /labels must be written with =/);
});

test('verdicts of the fixture test files', async () => {
  assert.deepEqual((await runTestFile(`${FIX}basic-pass.test.yml`)).ok, true);
  assert.deepEqual((await runTestFile(`${FIX}order.test.yml`)).ok, true);
  const fail = await runTestFile(`${FIX}basic-fail.test.yml`);
  assert.equal(fail.ok, false);
  assert.equal(fail.errors.length, 5);
  assert.match(fail.errors[4]!, /^    alertname: InstanceDown, time: 5m, /);
  assert.match(
    fail.errors[0]!,
    /^    name: wrong expectations,\n    alertname: HighErrors, time: 3m, \n        exp:\[\n            0:\n              Labels:\{alertname="HighErrors", job="web", severity="page", team="web"\}/,
  );
  assert.match(
    fail.errors[2]!,
    /expr: "job:errors:ratio", time: 10m,\n        exp: \{__name__="job:errors:ratio", job="web"\} 2\.5E-01\n        got: \{__name__="job:errors:ratio", job="web"\} 2E-01/,
  );
  const evalErr = await runTestFile(`${FIX}evalerror.test.yml`);
  assert.match(evalErr.errors[0]!, /^    rule: Dup, time: 0s, err: found duplicate series/);
  const run = await runTestFile(`${FIX}basic-fail.test.yml`, { run: ['^nothing$'] });
  assert.equal(run.ok, true);
});

test('rules test CLI: exit codes, JSON, strict fields', async () => {
  const cli = async (args: string[]) => {
    const io = bufferIO();
    const code = await main(['node', 'promlearn', 'rules', 'test', ...args], io);
    return { code, out: io.output.out, err: io.output.err };
  };
  const ok = await cli([`${FIX}basic-pass.test.yml`, '-o', 'json']);
  assert.equal(ok.code, 0, ok.err + ok.out);
  assert.deepEqual(JSON.parse(ok.out)[0].groups, [{ name: 'errors fire after for, keep firing, then resolve', ok: true }]);
  const bad = await cli([`${FIX}basic-fail.test.yml`]);
  assert.equal(bad.code, 1);
  assert.match(bad.err, /FAILED:/);
  const { mkdtempSync, writeFileSync, rmSync } = await import('node:fs');
  const { tmpdir } = await import('node:os');
  const dir = mkdtempSync(`${tmpdir()}/promlearn-ut-`);
  try {
    writeFileSync(`${dir}/t.yml`, 'rule_files: []\ntests:\n  - input_series: []\n    inputs: 1\n');
    const strict = await cli([`${dir}/t.yml`]);
    assert.equal(strict.code, 1);
    assert.match(strict.err, /t\.yml:4:5: field inputs not found in type main\.testGroup/);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
