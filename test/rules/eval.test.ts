// `rules eval` end to end on the sample: golden output for the example rule
// file (the checkout burst and the api deploy regression), JSON shape, and
// the two evaluation modes (step by step, rule by rule) agreeing.
// Regenerate goldens with UPDATE_GOLDEN=1 and review the diff.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { main } from '../../src/cli/main.js';
import { bufferIO } from '../../src/util/io.js';
import { freshSampleStore } from '../../src/dataset/index.js';
import { createLocalBackend } from '../../src/backends/local.js';
import { SAMPLE_BACKEND_OPTIONS } from '../../src/backends/open.js';
import { loadRuleText } from '../../src/rules/load.js';
import { RuleEvaluator } from '../../src/rules/evaluate.js';
import { backendQuerier, backendRangeQuerier, storeWriter } from '../../src/rules/querier.js';
import { runTimeline } from '../../src/rules/timeline.js';
import { canEvaluateRuleByRule } from '../../src/rules/dependencies.js';

const ROOT = fileURLToPath(new URL('../../../', import.meta.url));
const GOLDEN = `${ROOT}test/rules/golden/`;
const RULES = `${ROOT}examples/rules/shop-rules.yml`;
const UPDATE = process.env.UPDATE_GOLDEN === '1';

function golden(name: string, actual: string): void {
  const path = GOLDEN + name;
  if (UPDATE || !existsSync(path)) writeFileSync(path, actual);
  assert.equal(actual, readFileSync(path, 'utf8'), `golden ${name} differs (UPDATE_GOLDEN=1 to regenerate)`);
}

async function cli(args: string[]) {
  const io = bufferIO({ columns: 120 });
  const code = await main(['node', 'promlearn', ...args], io);
  return { code, out: io.output.out, err: io.output.err };
}

test('rules eval: the example rules over the sample (golden timeline)', async () => {
  const r = await cli(['rules', 'eval', RULES]);
  assert.equal(r.code, 0, r.err);
  golden('shop-eval.txt', r.out);
  // The facts the lesson teaches: the burst goes pending at 10:40:30, fires 5 minutes later, resolves after keep_firing_for.
  assert.match(r.out, /HighErrorRate\{job="checkout", severity="page"\}\n +pending 10:40:30 +firing 10:45:30 +resolved 11:06:30/);
  assert.match(r.out, /SlowProducts\{job="api", route="\/api\/products", severity="ticket"\}\n +pending 09:33:30 +firing 09:43:30/);
});

test('rules eval -o json: episodes, transitions, recorded series', async () => {
  const r = await cli(['rules', 'eval', RULES, '--start', '2026-01-15T10:30:00Z', '--end', '2026-01-15T11:30:00Z', '-o', 'json']);
  assert.equal(r.code, 0, r.err);
  const j = JSON.parse(r.out);
  assert.equal(j.complete, true);
  const burst = j.alerts.find((a: { alertname: string }) => a.alertname === 'HighErrorRate');
  assert.deepEqual(
    burst.episodes.map((e: { pendingAt: string; firingAt: string; endedAt: string; state: string }) => [
      e.pendingAt,
      e.firingAt,
      e.endedAt,
      e.state,
    ]),
    [['2026-01-15T10:40:30.000Z', '2026-01-15T10:45:30.000Z', '2026-01-15T11:06:30.000Z', 'resolved']],
  );
  assert.deepEqual(
    j.transitions.filter((t: { alertname: string }) => t.alertname === 'HighErrorRate').map((t: { to: string }) => t.to),
    ['pending', 'firing', 'inactive'],
  );
  assert.equal(j.recording.find((x: { record: string }) => x.record === 'job:http_errors:ratio_rate5m').series, 3);
});

test('step by step and rule by rule give the same timeline', async () => {
  const text = readFileSync(RULES, 'utf8')
    .replace(/\n      - record: job_route[\s\S]*?(?=\n\n)/, '')
    .replace(/\n      - alert: SlowProducts[\s\S]*$/, '\n');
  const { file, problems } = loadRuleText('x.yml', text);
  assert.deepEqual(problems, []);
  assert.equal(canEvaluateRuleByRule(file.groups), true);
  const startMs = Date.parse('2026-01-15T10:35:00Z');
  const endMs = Date.parse('2026-01-15T11:10:00Z');
  const results = [];
  for (const byRule of [false, true]) {
    const store = freshSampleStore();
    const backend = createLocalBackend(store, SAMPLE_BACKEND_OPTIONS);
    const ev = new RuleEvaluator(file.groups, backendQuerier(backend), { defaultIntervalMs: 60_000, writer: storeWriter(store) });
    const mode = await runTimeline(ev, { startMs, endMs, range: byRule ? backendRangeQuerier(backend) : undefined });
    assert.equal(mode, byRule ? 'rule-by-rule' : 'step-by-step');
    const recorded = await backend.rangeQuery('job:http_errors:ratio_rate5m', startMs / 1000, endMs / 1000, 30);
    results.push({ transitions: ev.transitions, errors: ev.errors, recorded: recorded.data });
  }
  assert.deepEqual(results[1], results[0]);
  assert.ok(results[0]!.transitions.length >= 3);
});

test('a rule reading a later rule, or ALERTS from an alert after it, is evaluated step by step', () => {
  const later = loadRuleText(
    'x.yml',
    'groups:\n  - name: g\n    rules:\n      - record: b\n        expr: a * 2\n      - record: a\n        expr: up\n',
  );
  assert.equal(canEvaluateRuleByRule(later.file.groups), false);
  const alerts = loadRuleText(
    'x.yml',
    'groups:\n  - name: g\n    rules:\n      - record: n\n        expr: count(ALERTS)\n      - alert: A\n        expr: up == 0\n',
  );
  assert.equal(canEvaluateRuleByRule(alerts.file.groups), false);
  const at = loadRuleText('x.yml', 'groups:\n  - name: g\n    rules:\n      - record: n\n        expr: up offset -5m\n');
  assert.equal(canEvaluateRuleByRule(at.file.groups), false);
});

test('rules eval: bad input is reported with file:line:col, exit 1, nothing evaluated', async () => {
  const cases: Array<[string, RegExp]> = [
    [
      'groups:\n  - name: a\n    rules:\n      - record: x\n        expr: sum(rate(foo[5m])\n',
      /:5:15: group "a", rule 1, "x": could not parse expression: 1:18: parse error: unclosed left parenthesis\n  sum\(rate\(foo\[5m\]\)\n {19}\^/,
    ],
    [
      'groups:\n  - name: a\n    rules:\n      - record: x\n        expr: foo\n        severity: page\n',
      /:6:9: field severity not found in type rulefmt.Rule/,
    ],
    ['groups:\n  - name: a\n    rules:\n      - record: x\n       expr: foo\n', /:5:1: yaml: /],
    [
      'groups:\n  - name: a\n    rules:\n      - alert: X\n        expr: up == 0\n      - alert: X\n        expr: up == 0\n',
      /:6:9: duplicate rule: "X" is already defined at line 4/,
    ],
    [
      'groups:\n  - name: a\n    rules:\n      - alert: X\n        expr: up == 0\n        annotations:\n          s: "{{ $value | humanise }}"\n',
      /:7:14: group "a", rule 1, "X": annotation "s": template: __alert_X:1: function "humanise" not defined/,
    ],
  ];
  const { mkdtempSync, rmSync } = await import('node:fs');
  const { tmpdir } = await import('node:os');
  const dir = mkdtempSync(`${tmpdir()}/promlearn-rules-`);
  try {
    for (const [text, re] of cases) {
      const f = `${dir}/r.yml`;
      writeFileSync(f, text);
      const r = await cli(['rules', 'eval', f]);
      assert.equal(r.code, 1, text);
      assert.equal(r.out, '', 'no partial output');
      assert.match(r.err, re);
      assert.match(r.err, /nothing was evaluated/);
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('rules eval: failing evaluations make the output INCOMPLETE and exit 1', async () => {
  const { mkdtempSync, rmSync } = await import('node:fs');
  const { tmpdir } = await import('node:os');
  const dir = mkdtempSync(`${tmpdir()}/promlearn-rules-`);
  try {
    writeFileSync(`${dir}/r.yml`, 'groups:\n  - name: a\n    rules:\n      - record: x\n        expr: up * on() group_left up\n');
    const r = await cli(['rules', 'eval', `${dir}/r.yml`, '--start', '-5m']);
    assert.equal(r.code, 1);
    assert.match(r.out, /INCOMPLETE: 6 rule evaluations failed/);
    assert.match(r.err, /error: group "a", rule "x": found duplicate series for the match group \{\} on the right hand-side/);
    const missing = await cli(['rules', 'eval', `${dir}/nope.yml`]);
    assert.equal(missing.code, 2);
    assert.match(missing.err, /nope\.yml: no such file/);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
