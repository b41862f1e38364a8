// Templates through Go's real text/template: every case of the template
// table that does not need `query` (promtool's test storage differs from the
// fake) becomes an annotation of one alert, with promlearn's expansion as the
// expected text; `promtool test rules` (Prometheus 2.42) must pass. Left out
// where 2.42 differs from 3.x: functions it lacks (toDuration, now,
// urlQueryEscape) and negative durations in parseDuration (3.x allows them).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { stringify } from 'yaml';
import { requirePrometheus } from '../helpers/prometheus.js';
import { expandAlertTemplate } from '../../src/rules/template/index.js';
import { CASES } from './template-cases.js';

const NOT_IN_242 = /\b(toDuration|now|urlQueryEscape)\b/;

test('templates expand exactly as Go text/template in promtool', async (t) => {
  if (!requirePrometheus(t)) return;
  const cases = CASES.map(([tmpl]) => tmpl).filter((tmpl) => !tmpl.includes('query') && !NOT_IN_242.test(tmpl) && !tmpl.includes('"-30s"'));
  cases.push('{{ parseDuration "1h5m" }}');
  cases.push('{{ humanize "abc" }}', '{{ if gt $value 1 }}x{{ end }}', '{{ printf "%d %s" $value }}', '{{ .Nope }}');
  const labels = { job: 'checkout', instance: 'checkout-1:3000', severity: 'page' };
  // $labels is the sample's metric (with its name), not the rule's labels.
  const data = {
    labels: { __name__: 'x', job: 'checkout', instance: 'checkout-1:3000' },
    externalLabels: { cluster: 'eu1' },
    externalURL: 'http://prom.example.com:9090/prometheus',
    value: 0.0523,
  };
  const env = { nowMs: 0, externalURL: data.externalURL, query: async () => [] };
  const annotations: Record<string, string> = {};
  const expected: Record<string, string> = {};
  for (const [i, tmpl] of cases.entries()) {
    annotations[`a${i}`] = tmpl;
    expected[`a${i}`] = await expandAlertTemplate(tmpl, 'T', data, env);
  }
  const dir = mkdtempSync(join(tmpdir(), 'promlearn-tmpl-'));
  try {
    writeFileSync(
      join(dir, 'rules.yml'),
      stringify({ groups: [{ name: 'g', rules: [{ alert: 'T', expr: 'x', labels: { severity: 'page' }, annotations }] }] }),
    );
    writeFileSync(
      join(dir, 'test.yml'),
      stringify({
        rule_files: ['rules.yml'],
        tests: [
          {
            external_labels: data.externalLabels,
            external_url: data.externalURL,
            input_series: [{ series: 'x{job="checkout", instance="checkout-1:3000"}', values: '0.0523x5' }],
            alert_rule_test: [{ eval_time: '1m', alertname: 'T', exp_alerts: [{ exp_labels: labels, exp_annotations: expected }] }],
          },
        ],
      }),
    );
    const r = spawnSync('promtool', ['test', 'rules', join(dir, 'test.yml')], { encoding: 'utf8' });
    assert.equal(r.status, 0, r.stderr);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
