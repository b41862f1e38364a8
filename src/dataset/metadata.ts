// HELP, TYPE and UNIT of every metric family in the sample dataset, keyed as
// Prometheus's /api/v1/metadata keys them for prom-client and node_exporter
// targets (the exposed name, e.g. http_requests_total).

import type { MetricMetadata } from '../model/result.js';

type Row = [name: string, type: string, unit: string, help: string];

const ROWS: Row[] = [
  ['up', 'gauge', '', 'Whether the last scrape of the target succeeded (1) or failed (0). Written by Prometheus.'],
  // prom-client collectDefaultMetrics()
  ['process_cpu_user_seconds_total', 'counter', 'seconds', 'Total user CPU time spent in seconds.'],
  ['process_cpu_system_seconds_total', 'counter', 'seconds', 'Total system CPU time spent in seconds.'],
  ['process_cpu_seconds_total', 'counter', 'seconds', 'Total user and system CPU time spent in seconds.'],
  ['process_resident_memory_bytes', 'gauge', 'bytes', 'Resident memory size in bytes.'],
  ['process_start_time_seconds', 'gauge', 'seconds', 'Start time of the process since unix epoch in seconds.'],
  ['nodejs_eventloop_lag_seconds', 'gauge', 'seconds', 'Lag of event loop in seconds.'],
  ['nodejs_heap_size_used_bytes', 'gauge', 'bytes', 'Process heap size used from Node.js in bytes.'],
  ['nodejs_heap_size_total_bytes', 'gauge', 'bytes', 'Process heap size from Node.js in bytes.'],
  ['nodejs_active_handles', 'gauge', '', 'Number of active libuv handles grouped by handle type. Every handle type is C++ class name.'],
  [
    'nodejs_gc_duration_seconds',
    'histogram',
    'seconds',
    'Garbage collection duration by kind, one of major, minor, incremental or weakcb.',
  ],
  ['nodejs_version_info', 'gauge', '', 'Node.js version info.'],
  // The shop's own instrumentation
  ['shop_build_info', 'gauge', '', 'Version and git revision of the running shop service (always 1).'],
  ['http_requests_total', 'counter', '', 'Total number of HTTP requests, by method, route and status code.'],
  ['http_request_duration_seconds', 'histogram', 'seconds', 'Duration of HTTP requests in seconds, by method and route.'],
  ['db_query_duration_seconds', 'summary', 'seconds', 'Duration of database queries in seconds (quantiles over the last 10 minutes).'],
  ['checkout_orders_total', 'counter', '', 'Orders placed, by payment method.'],
  ['shop_cart_active_sessions', 'gauge', '', 'Shopping sessions with a non-empty cart.'],
  // node_exporter
  ['node_cpu_seconds_total', 'counter', 'seconds', 'Seconds the CPUs spent in each mode.'],
  ['node_memory_MemTotal_bytes', 'gauge', 'bytes', 'Memory information field MemTotal_bytes.'],
  ['node_memory_MemAvailable_bytes', 'gauge', 'bytes', 'Memory information field MemAvailable_bytes.'],
  ['node_filesystem_size_bytes', 'gauge', 'bytes', 'Filesystem size in bytes.'],
  ['node_filesystem_avail_bytes', 'gauge', 'bytes', 'Filesystem space available to non-root users in bytes.'],
  ['node_network_receive_bytes_total', 'counter', 'bytes', 'Network device statistic receive_bytes.'],
  ['node_network_transmit_bytes_total', 'counter', 'bytes', 'Network device statistic transmit_bytes.'],
];

export const SAMPLE_METADATA: ReadonlyMap<string, MetricMetadata> = new Map(
  ROWS.map(([name, type, unit, help]) => [name, { type, unit, help }]),
);
