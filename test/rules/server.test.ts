// `rules eval --server` against a real Prometheus (Debian's 2.42, started
// here on 127.0.0.1) gives the same alert timeline as the same data loaded
// with --dataset; rules that read other rules' output are refused with a
// clear message (a server cannot store recorded series). CI=true: fails,
// not skips, when Prometheus is missing.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { main } from '../../src/cli/main.js';
import { bufferIO } from '../../src/util/io.js';
import { requirePrometheus, startPrometheus } from '../helpers/prometheus.js';

const START = 1_767_225_600; // 2026-01-01T00:00:00Z

/** One hour at 15 s (with a few ms of jitter, see PROMETHEUS.md): errors at 10% from minute 20 to 35. */
function openMetrics(): string {
  const lines = ['# TYPE req counter', '# TYPE err counter'];
  let req = 0;
  let err = 0;
  const reqs: string[] = [];
  const errs: string[] = [];
  for (let i = 0; i <= 240; i++) {
    const t = (START + i * 15 + 0.003).toFixed(3);
    req += 150;
    if (i >= 80 && i < 140) err += 15;
    reqs.push(`req_total{job="api"} ${req} ${t}`);
    errs.push(`err_total{job="api"} ${err} ${t}`);
  }
  return [...lines.slice(0, 1), ...reqs, lines[1]!, ...errs, '# EOF'].join('\n') + '\n';
}

const RULES = `groups:
  - name: g
    interval: 30s
    rules:
      - alert: Errors
        expr: sum by (job) (rate(err_total[5m])) / sum by (job) (rate(req_total[5m])) > 0.05
        for: 2m
        annotations:
          summary: "{{ $value | humanizePercentage }}"
`;

test('rules eval --server gives the timeline of --dataset on the same data', async (t) => {
  if (!requirePrometheus(t)) return;
  const dir = mkdtempSync(join(tmpdir(), 'promlearn-rules-server-'));
  const text = openMetrics();
  const prom = await startPrometheus({ openMetrics: text });
  try {
    writeFileSync(join(dir, 'rules.yml'), RULES);
    writeFileSync(join(dir, 'data.om'), text);
    const range = ['--start', String(START + 60), '--end', String(START + 3600)];
    const run = async (args: string[]) => {
      const io = bufferIO();
      const code = await main(['node', 'promlearn', 'rules', 'eval', join(dir, 'rules.yml'), ...range, '-o', 'json', ...args], io);
      assert.equal(code, 0, io.output.err);
      return JSON.parse(io.output.out) as { alerts: unknown; transitions: unknown };
    };
    const remote = await run(['--server', prom.url]);
    const local = await run(['--dataset', join(dir, 'data.om')]);
    assert.deepEqual(remote.alerts, local.alerts);
    assert.ok(JSON.stringify(local.alerts).includes('"state":"resolved"'));
    // A chain: the alert reads a recording rule's output.
    writeFileSync(
      join(dir, 'chain.yml'),
      'groups:\n  - name: g\n    rules:\n      - record: job:err:rate5m\n        expr: sum by (job) (rate(err_total[5m]))\n      - alert: E\n        expr: job:err:rate5m > 1\n',
    );
    const io = bufferIO();
    const code = await main(['node', 'promlearn', 'rules', 'eval', join(dir, 'chain.yml'), '--server', prom.url, ...range], io);
    assert.equal(code, 1);
    assert.match(
      io.output.err,
      /rule "E" reads job:err:rate5m, which rule "job:err:rate5m" writes; promlearn cannot write recorded series .* to a Prometheus server/,
    );
    assert.equal(io.output.out, '');
  } finally {
    await prom.stop();
    rmSync(dir, { recursive: true, force: true });
  }
});
