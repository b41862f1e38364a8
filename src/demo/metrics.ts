// The demo app's instrumentation, written as a learner would write it with
// prom-client: default Node.js metrics, a request counter and a latency
// histogram labelled by method, route and status code, a gauge and a summary.
// A fresh registry per "process life": a crash and restart starts every
// counter again from zero, as a real restart does.

import client from 'prom-client';

export const TEXT_CONTENT_TYPE = client.Registry.PROMETHEUS_CONTENT_TYPE;
export const OPENMETRICS_CONTENT_TYPE = client.Registry.OPENMETRICS_CONTENT_TYPE;

export interface DemoMetrics {
  registry: client.Registry;
  requests: client.Counter<'method' | 'route' | 'status_code'>;
  duration: client.Histogram<'method' | 'route' | 'status_code'>;
  inFlight: client.Gauge;
  leakedBytes: client.Gauge;
  responseSize: client.Summary<'route'>;
  /** The exposition for an Accept header: OpenMetrics when asked for, else the text format. */
  render(accept: string | undefined): Promise<{ contentType: string; body: string }>;
}

/** Does the Accept header prefer OpenMetrics (with a q above the text format's)? */
export function wantsOpenMetrics(accept: string | undefined): boolean {
  if (!accept) return false;
  let om = -1;
  let text = -1;
  for (const part of accept.split(',')) {
    const [type, ...params] = part
      .trim()
      .split(';')
      .map((s) => s.trim());
    const qp = params.find((p) => p.startsWith('q='));
    const q = qp ? Number(qp.slice(2)) : 1;
    if (type === 'application/openmetrics-text') om = Math.max(om, q);
    else if (type === 'text/plain') text = Math.max(text, q);
  }
  return om > 0 && om >= text;
}

/**
 * `startTimeSec`: for a restarted app, its new start time (prom-client's own is fixed when it loads).
 * `machineFree` (recorded sessions): of the default metrics only process_start_time_seconds (CPU, memory,
 * GC and event-loop figures describe the machine doing the recording, not the simulated app), and the
 * summary without its sliding time window (which follows the wall clock).
 */
export function createDemoMetrics(startTimeSec?: number, machineFree = false): DemoMetrics {
  const registry = new client.Registry();
  client.collectDefaultMetrics({ register: registry });
  if (machineFree) {
    for (const m of registry.getMetricsAsArray()) {
      const name = (m as unknown as { name: string }).name;
      if (name !== 'process_start_time_seconds') registry.removeSingleMetric(name);
    }
  }
  const start = registry.getSingleMetric('process_start_time_seconds') as client.Gauge | undefined;
  if (start && startTimeSec !== undefined) {
    // A restart is a new process: changes(process_start_time_seconds[1h]) and uptime must see it.
    (start as unknown as { collect: () => void }).collect = () => start.set(startTimeSec);
  }
  const requests = new client.Counter({
    name: 'http_requests_total',
    help: 'Total HTTP requests handled, by method, route template and status code.',
    labelNames: ['method', 'route', 'status_code'] as const,
    registers: [registry],
  });
  const duration = new client.Histogram({
    name: 'http_request_duration_seconds',
    help: 'HTTP request latency in seconds, by method, route template and status code.',
    labelNames: ['method', 'route', 'status_code'] as const,
    buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5],
    registers: [registry],
  });
  const inFlight = new client.Gauge({
    name: 'http_requests_in_flight',
    help: 'HTTP requests being served right now.',
    registers: [registry],
  });
  const leakedBytes = new client.Gauge({
    name: 'demo_leaked_bytes',
    help: 'Bytes held by the simulated memory leak.',
    registers: [registry],
  });
  const responseSize = new client.Summary({
    name: 'http_response_size_bytes',
    help: 'HTTP response body size in bytes, by route template.',
    labelNames: ['route'] as const,
    percentiles: [0.5, 0.9, 0.99],
    ...(machineFree ? {} : { maxAgeSeconds: 600, ageBuckets: 5 }),
    registers: [registry],
  });
  // prom-client renames counters in place (drops `_total`) when it writes
  // OpenMetrics; restore the names before writing the text format again.
  const names = new Map(registry.getMetricsAsArray().map((m) => [m, (m as unknown as { name: string }).name]));
  let queue: Promise<unknown> = Promise.resolve();
  const render = (accept: string | undefined) => {
    const om = wantsOpenMetrics(accept);
    const job = queue.then(async () => {
      if (!om) for (const [m, name] of names) (m as unknown as { name: string }).name = name;
      registry.setContentType((om ? OPENMETRICS_CONTENT_TYPE : TEXT_CONTENT_TYPE) as typeof registry.contentType);
      return { contentType: registry.contentType as string, body: await registry.metrics() };
    });
    queue = job.catch(() => undefined);
    return job;
  };
  return { registry, requests, duration, inFlight, leakedBytes, responseSize, render };
}
