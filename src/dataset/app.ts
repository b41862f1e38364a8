// Application metrics of one service instance, as an Express app instrumented
// with prom-client would expose them: request counters and latency
// histograms per route, database query summaries, checkout orders and cart
// sessions.

import { emitHistogram, emitSummary, HTTP_BUCKETS } from './histogram.js';
import { Rng } from './random.js';
import type { IncidentPlan } from './incidents.js';
import { routeLatency, statusShare, type RouteSpec, type ServiceSpec } from './services.js';
import { cumulate, initialUptime, poissonIncrements, type Emitter, type Target } from './target.js';

/** Requests per second of one status of a route at each scrape. */
function statusRate(t: Target, svc: ServiceSpec, r: RouteSpec, code: string, scale: number, plan: IncidentPlan): Float64Array {
  const errors = r.statuses.slice(1);
  const own = errors.find((s) => s.code === code);
  const out = new Float64Array(t.n);
  for (let i = 0; i < t.n; i++) {
    let share = 1;
    if (own) share = statusShare(svc.job, own, t.times[i], plan);
    else for (const s of errors) share -= statusShare(svc.job, s, t.times[i], plan);
    out[i] = r.rps * scale * t.traffic[i] * share;
  }
  return out;
}

/**
 * Writes http_requests_total, http_request_duration_seconds, the db summary
 * and business metrics. Returns the instance's requests per scrape (all
 * routes), which drives CPU, GC and handles.
 */
export function emitAppMetrics(em: Emitter, svc: ServiceSpec, index: number, plan: IncidentPlan): Float64Array {
  const t = em.target;
  const total = new Float64Array(t.n);
  const uptime = initialUptime(t);
  // Load balancing is not perfectly even.
  const scale = 1 + 0.06 * new Rng(`scale/${t.instance}`).gauss();
  for (const r of svc.routes) {
    const routeIncs = new Float64Array(t.n);
    const labels = { method: r.method, route: r.route };
    let routeInitial = 0;
    for (const s of r.statuses) {
      const rate = statusRate(t, svc, r, s.code, scale, plan);
      const incs = poissonIncrements(t, new Rng(`http/${t.instance}/${r.method}/${r.route}/${s.code}`), rate);
      const initial = Math.round(rate[0] * uptime);
      routeInitial += initial;
      for (let i = 0; i < t.n; i++) routeIncs[i] += incs[i];
      em.emit('http_requests_total', { ...labels, status_code: s.code }, cumulate(t, incs, initial));
      if (s.code === r.statuses[0].code && svc.job === 'checkout' && r.route === '/api/checkout') emitOrders(em, incs, initial);
    }
    for (let i = 0; i < t.n; i++) total[i] += routeIncs[i];
    const latency = (i: number) => routeLatency(svc.job, r, index, t.times[i], plan);
    emitHistogram(em, 'http_request_duration_seconds', labels, HTTP_BUCKETS, routeIncs, routeInitial, latency);
  }
  for (const op of svc.dbOperations) {
    const rng = new Rng(`db/${t.instance}/${op.operation}`);
    const rate = t.traffic.map((f) => op.rps * scale * f);
    const incs = poissonIncrements(t, rng, rate);
    emitSummary(em, 'db_query_duration_seconds', { operation: op.operation }, incs, Math.round(rate[0] * uptime), () => op, rng);
  }
  if (svc.job === 'frontend') emitCartSessions(em);
  return total;
}

const PAYMENT_METHODS: [string, number][] = [
  ['card', 0.68],
  ['paypal', 0.9],
  ['apple_pay', 1],
];

/** checkout_orders_total{payment_method}: each successful checkout is one order. */
function emitOrders(em: Emitter, successes: Float64Array, initial: number): void {
  const t = em.target;
  const rng = new Rng(`orders/${t.instance}`);
  const incs = PAYMENT_METHODS.map(() => new Float64Array(t.n));
  for (let i = 0; i < t.n; i++) {
    for (let k = 0; k < successes[i]; k++) {
      const u = rng.next();
      incs[PAYMENT_METHODS.findIndex(([, cut]) => u < cut)][i]++;
    }
  }
  let prevCut = 0;
  PAYMENT_METHODS.forEach(([method, cut], m) => {
    em.emit('checkout_orders_total', { payment_method: method }, cumulate(t, incs[m], Math.round(initial * (cut - prevCut))));
    prevCut = cut;
  });
}

/** shop_cart_active_sessions: a gauge following traffic. */
function emitCartSessions(em: Emitter): void {
  const t = em.target;
  const rng = new Rng(`sessions/${t.instance}`);
  const v = new Float64Array(t.n);
  let drift = 0;
  for (let i = 0; i < t.n; i++) {
    drift = 0.95 * drift + 4 * rng.gauss();
    v[i] = Math.max(0, Math.round(140 * t.traffic[i] + drift));
  }
  em.emit('shop_cart_active_sessions', {}, v);
}
