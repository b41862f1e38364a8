// /api/v1/format_query as Prometheus prettifies: long expressions split over
// lines. Checked against the real Prometheus's own endpoint.
import { after, test } from 'node:test';
import assert from 'node:assert/strict';
import { parse } from '../../src/promql/index.js';
import { prettyExpr } from '../../src/promql/pretty.js';
import { requirePrometheus, startPrometheus, type PrometheusServer } from '../helpers/prometheus.js';

const QUERIES = [
  'sum(rate(http_requests_total[5m]))by(job)',
  'sum by (job, instance) (rate(http_requests_total{job="api", status_code=~"5.."}[5m])) / ignoring (status_code) group_left sum by (job, instance) (rate(http_requests_total{job="api"}[5m]))',
  'histogram_quantile(0.99, sum by (le, route) (rate(http_request_duration_seconds_bucket{route="/api/products/:id"}[5m]))) > 0.5',
  'topk(5, max_over_time(rate(process_cpu_seconds_total{job="frontend", instance=~"frontend-.*"}[5m])[1h:1m]) * 100 - (avg(node_load1) or vector(0)))',
  '-(sum without (instance, pod, container) (rate(container_cpu_usage_seconds_total{namespace="production", container!=""}[5m])) > bool 0.8)',
  'label_replace(sum by (route) (rate(http_requests_total{job="checkout", route!~"/health|/metrics"}[5m])), "path", "$1", "route", "(.*)")',
];

let prom: PrometheusServer | undefined;
after(() => prom?.stop());

test('format_query prettifies long expressions exactly as Prometheus does', async (t) => {
  if (!requirePrometheus(t)) return;
  prom = await startPrometheus({});
  for (const q of QUERIES) {
    const res = await fetch(`${prom.url}/api/v1/format_query?${new URLSearchParams({ query: q })}`);
    const body = (await res.json()) as { data: string };
    // Prometheus 2.42 and 3 both write matchers as {a="b",c="d"} (printer_test.go).
    assert.equal(prettyExpr(parse(q)), body.data, q);
  }
});
