// The shop's Node.js services: which routes they serve, how busy and how
// fast they are, and the incidents that change that. Pure data plus small
// functions of time, so the metric writers stay generic.

import { SAMPLE_INCIDENTS, type IncidentPlan } from './incidents.js';
import { SAMPLE_START } from './timeline.js';
import type { ProcessRun, TargetSpec } from './target.js';

interface StatusSpec {
  code: string;
  /** Share of the route's requests (5xx shares may be raised by an incident). */
  share: number;
}

export interface RouteSpec {
  method: string;
  route: string;
  /** Requests per second per instance at traffic factor 1. */
  rps: number;
  /** Non-2xx statuses; the first status is the success code and takes the rest. */
  statuses: StatusSpec[];
  /** Log-normal latency: median seconds and log-sigma. */
  median: number;
  sigma: number;
}

export interface ServiceSpec {
  job: string;
  port: number;
  instances: number;
  routes: RouteSpec[];
  /** Heap in use at rest, bytes. */
  heapBase: number;
  /** CPU seconds per request. */
  cpuPerRequest: number;
  /** Database query summaries (api, checkout). */
  dbOperations: { operation: string; rps: number; median: number; sigma: number }[];
}

const MiB = 1024 * 1024;

function ok(code: string, ...errors: StatusSpec[]): StatusSpec[] {
  return [{ code, share: 0 }, ...errors];
}

export const SERVICES: readonly ServiceSpec[] = [
  {
    job: 'frontend',
    port: 3000,
    instances: 3,
    heapBase: 70 * MiB,
    cpuPerRequest: 0.004,
    dbOperations: [],
    routes: [
      { method: 'GET', route: '/', rps: 6, statuses: ok('200', { code: '304', share: 0.2 }), median: 0.012, sigma: 0.5 },
      { method: 'GET', route: '/products', rps: 4, statuses: ok('200', { code: '500', share: 0.0005 }), median: 0.045, sigma: 0.45 },
      {
        method: 'GET',
        route: '/products/:id',
        rps: 7,
        statuses: ok('200', { code: '404', share: 0.02 }, { code: '500', share: 0.0005 }),
        median: 0.03,
        sigma: 0.5,
      },
      { method: 'GET', route: '/cart', rps: 2, statuses: ok('200'), median: 0.02, sigma: 0.4 },
      { method: 'POST', route: '/cart/items', rps: 1, statuses: ok('201', { code: '400', share: 0.01 }), median: 0.035, sigma: 0.4 },
    ],
  },
  {
    job: 'api',
    port: 8080,
    instances: 3,
    heapBase: 110 * MiB,
    cpuPerRequest: 0.003,
    dbOperations: [
      { operation: 'select', rps: 14, median: 0.004, sigma: 0.6 },
      { operation: 'update', rps: 1.5, median: 0.009, sigma: 0.5 },
    ],
    routes: [
      { method: 'GET', route: '/api/products', rps: 5, statuses: ok('200', { code: '500', share: 0.001 }), median: 0.035, sigma: 0.45 },
      {
        method: 'GET',
        route: '/api/products/:id',
        rps: 7,
        statuses: ok('200', { code: '404', share: 0.02 }, { code: '500', share: 0.001 }),
        median: 0.015,
        sigma: 0.5,
      },
      { method: 'GET', route: '/api/search', rps: 2, statuses: ok('200', { code: '400', share: 0.01 }), median: 0.08, sigma: 0.6 },
      { method: 'POST', route: '/api/cart', rps: 1, statuses: ok('200', { code: '500', share: 0.001 }), median: 0.025, sigma: 0.4 },
    ],
  },
  {
    job: 'checkout',
    port: 8080,
    instances: 2,
    heapBase: 90 * MiB,
    cpuPerRequest: 0.008,
    dbOperations: [
      { operation: 'select', rps: 5, median: 0.003, sigma: 0.5 },
      { operation: 'insert', rps: 1.2, median: 0.012, sigma: 0.5 },
    ],
    routes: [
      {
        method: 'POST',
        route: '/api/checkout',
        rps: 0.8,
        statuses: ok('201', { code: '500', share: 0.0015 }, { code: '503', share: 0.0005 }),
        median: 0.25,
        sigma: 0.4,
      },
      {
        method: 'GET',
        route: '/api/orders/:id',
        rps: 1.6,
        statuses: ok('200', { code: '500', share: 0.0015 }, { code: '503', share: 0.0005 }),
        median: 0.02,
        sigma: 0.45,
      },
      {
        method: 'POST',
        route: '/api/payments/webhook',
        rps: 0.6,
        statuses: ok('200', { code: '500', share: 0.0015 }, { code: '503', share: 0.0005 }),
        median: 0.06,
        sigma: 0.4,
      },
    ],
  },
];

const APP_VERSION = '2.3.1';
const NEW_APP_VERSION = '2.4.0';
const NODE_VERSION = 'v20.18.1';
const NEW_NODE_VERSION = 'v22.12.0';

/** The 5xx share of a route at time t (ms): raised during the error burst (checkout's, in the sample). */
export function statusShare(job: string, s: StatusSpec, tMs: number, plan: IncidentPlan = SAMPLE_INCIDENTS): number {
  const b = plan.errorBurst;
  const burst = job === b.job && tMs >= b.start * 1000 && tMs < b.end * 1000;
  if (!burst) return s.share;
  if (s.code === '500') return 0.045;
  if (s.code === '503') return 0.015;
  return s.share;
}

/** Latency of a route at time t: the deployed route (/api/products, in the sample) is slow from the 2.4.0 deploy on. */
export function routeLatency(
  job: string,
  r: RouteSpec,
  instanceIndex: number,
  tMs: number,
  plan: IncidentPlan = SAMPLE_INCIDENTS,
): { median: number; sigma: number } {
  const d = plan.deploy;
  if (job === d.job && r.route === d.route && tMs >= deployTime(instanceIndex, plan) * 1000) return SLOW_PRODUCTS;
  return r;
}

const SLOW_PRODUCTS = { median: 0.19, sigma: 0.5 };

/** api-N (the deployed job's instance N) restarts N-1 minutes after the deploy starts (a rolling deploy). */
function deployTime(instanceIndex: number, plan: IncidentPlan): number {
  return plan.deploy.time + 60 * instanceIndex + 7;
}

/** Process runs of a service instance (index from 0) and its scrape gap, if any. */
export function targetSpec(svc: ServiceSpec, index: number, plan: IncidentPlan = SAMPLE_INCIDENTS): TargetSpec {
  const instance = `${svc.job}-${index + 1}:${svc.port}`;
  // Processes started some hours to days before the window, at whole seconds.
  const firstStart = SAMPLE_START - 3600 * (5 + ((index * 7 + svc.port) % 40)) - 613 * (index + 1);
  const runs: ProcessRun[] = [{ start: firstStart, appVersion: APP_VERSION, nodeVersion: NODE_VERSION }];
  if (instance === plan.leak.instance) runs[0].start = SAMPLE_START - 48 * 60 - 17; // the leaking process
  if (svc.job === plan.deploy.job)
    runs.push({ start: deployTime(index, plan), appVersion: NEW_APP_VERSION, nodeVersion: NEW_NODE_VERSION });
  // A crash restarts the versions that were running.
  for (const r of plan.restarts) {
    if (r.instance !== instance) continue;
    const before = runs.filter((run) => run.start < r.time).pop() ?? runs[0];
    runs.push({ ...before, start: r.time });
  }
  runs.sort((a, b) => a.start - b.start);
  const g = plan.gap;
  const gap: [number, number] | undefined = instance === g.instance ? [g.start, g.end] : undefined;
  return { job: svc.job, instance, runs, gap };
}
