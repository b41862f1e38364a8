// Rule-evaluation benchmark: one group of 20 rules (12 recording, 8
// alerting; typical expressions over the sample's HTTP, histogram, Node.js
// and node_exporter metrics), every 30 s over the 6-hour sample (721
// evaluations of each rule), through the local Backend as `rules eval` runs.
// Prints the time of the rule-by-rule mode (range queries) and, with
// --step-by-step, of Prometheus's own order (one instant query per rule per
// evaluation) for comparison. Target: under 5 s.
//
//   npm run bench:rules [-- --runs 3 --step-by-step]

import { generateSampleStore } from '../src/dataset/index.js';
import { createLocalBackend } from '../src/backends/local.js';
import { SAMPLE_BACKEND_OPTIONS } from '../src/backends/open.js';
import { loadRuleText } from '../src/rules/load.js';
import { RuleEvaluator } from '../src/rules/evaluate.js';
import { backendQuerier, backendRangeQuerier, storeWriter } from '../src/rules/querier.js';
import { runTimeline } from '../src/rules/timeline.js';

const RECORDS: Array<[string, string]> = [
  ['job:http_requests:rate5m', 'sum by (job) (rate(http_requests_total[5m]))'],
  ['job:http_errors:rate5m', 'sum by (job) (rate(http_requests_total{status_code=~"5.."}[5m]))'],
  ['job:http_errors:ratio_rate5m', 'job:http_errors:rate5m / job:http_requests:rate5m'],
  ['job_route:http_requests:rate5m', 'sum by (job, route) (rate(http_requests_total[5m]))'],
  [
    'job_route:latency_seconds:p99_5m',
    'histogram_quantile(0.99, sum by (job, route, le) (rate(http_request_duration_seconds_bucket[5m])))',
  ],
  ['job:latency_seconds:p50_5m', 'histogram_quantile(0.5, sum by (job, le) (rate(http_request_duration_seconds_bucket[5m])))'],
  [
    'job:latency_seconds:avg_5m',
    'sum by (job) (rate(http_request_duration_seconds_sum[5m])) / sum by (job) (rate(http_request_duration_seconds_count[5m]))',
  ],
  ['instance:node_cpu:utilisation_rate5m', '1 - avg by (instance) (rate(node_cpu_seconds_total{mode="idle"}[5m]))'],
  ['instance:node_memory:available_ratio', 'node_memory_MemAvailable_bytes / node_memory_MemTotal_bytes'],
  ['instance:nodejs_heap:used_ratio', 'nodejs_heap_size_used_bytes / nodejs_heap_size_total_bytes'],
  ['job:up:avg', 'avg by (job) (up)'],
  ['instance:eventloop_lag:max10m', 'max_over_time(nodejs_eventloop_lag_seconds[10m])'],
];

const ALERTS: Array<[string, string, string]> = [
  ['HighErrorRate', 'job:http_errors:ratio_rate5m > 0.01', '5m'],
  ['SlowRoute', 'job_route:latency_seconds:p99_5m > 0.5', '10m'],
  ['TargetDown', 'up == 0', '1m'],
  ['HighCPU', 'instance:node_cpu:utilisation_rate5m > 0.8', '5m'],
  ['LowMemory', 'instance:node_memory:available_ratio < 0.1', '5m'],
  ['HeapAlmostFull', 'instance:nodejs_heap:used_ratio > 0.9', '10m'],
  ['FilesystemFilling', 'predict_linear(node_filesystem_avail_bytes[1h], 4 * 3600) < 0', '30m'],
  ['ProcessRestarted', 'changes(process_start_time_seconds[10m]) > 0', '0s'],
];

function ruleFile(): string {
  const lines = ['groups:', '  - name: bench', '    interval: 30s', '    rules:'];
  for (const [record, expr] of RECORDS) lines.push(`      - record: ${record}`, `        expr: '${expr}'`);
  for (const [alert, expr, forDur] of ALERTS) {
    lines.push(
      `      - alert: ${alert}`,
      `        expr: '${expr}'`,
      `        for: ${forDur}`,
      '        annotations:',
      `          summary: '{{ $labels.instance }}{{ $labels.job }}: {{ $value | humanize }}'`,
    );
  }
  return lines.join('\n') + '\n';
}

async function once(stepByStep: boolean): Promise<{ ms: number; evaluations: number; transitions: number; errors: number }> {
  const { file, problems } = loadRuleText('bench.yml', ruleFile());
  if (problems.length) throw new Error(JSON.stringify(problems));
  const store = generateSampleStore();
  const backend = createLocalBackend(store, SAMPLE_BACKEND_OPTIONS);
  const ev = new RuleEvaluator(file.groups, backendQuerier(backend), { defaultIntervalMs: 60_000, writer: storeWriter(store) });
  const { start, end } = SAMPLE_BACKEND_OPTIONS.dataRange!;
  const t0 = performance.now();
  await runTimeline(ev, { startMs: start * 1000, endMs: end * 1000, range: stepByStep ? undefined : backendRangeQuerier(backend) });
  return { ms: performance.now() - t0, evaluations: ev.evaluations, transitions: ev.transitions.length, errors: ev.errors.length };
}

async function main(): Promise<void> {
  const args = process.argv.slice(2);
  const runs = Number(args[args.indexOf('--runs') + 1]) || 3;
  console.log(`20 rules (${RECORDS.length} recording, ${ALERTS.length} alerting), every 30s over the 6-hour sample`);
  const times: number[] = [];
  let last;
  for (let i = 0; i < runs; i++) {
    last = await once(false);
    times.push(last.ms);
  }
  times.sort((a, b) => a - b);
  const median = times[Math.floor(times.length / 2)]!;
  console.log(
    `rule by rule:  median ${(median / 1000).toFixed(2)} s of ${runs} runs (${times.map((t) => (t / 1000).toFixed(2)).join(', ')}); ${last!.evaluations} rule evaluations, ${last!.transitions} alert transitions, ${last!.errors} errors`,
  );
  console.log(median < 5000 ? 'target (< 5 s): met' : 'target (< 5 s): MISSED');
  if (args.includes('--step-by-step')) {
    const s = await once(true);
    console.log(`step by step:  ${(s.ms / 1000).toFixed(2)} s; ${s.evaluations} rule evaluations, ${s.transitions} alert transitions`);
  }
}

await main();
