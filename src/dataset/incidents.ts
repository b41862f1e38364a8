// WHAT the incidents are (which service or instance, and when) as one plain
// object the generator reads. The sample dataset uses SAMPLE_INCIDENTS (the
// constants of timeline.ts, which lessons and docs name). The tutorial's judge
// also builds a VARIANT world from VARIANT_INCIDENTS: the same generator with
// every incident moved to another service, instance and time, so an answer
// that hard-codes the culprit (`job="checkout"`) or relies on one series
// never resetting is told apart from a general one. See docs/dataset.md.

import {
  DEPLOY_TIME,
  ERROR_BURST_END,
  ERROR_BURST_START,
  GAP_END,
  GAP_INSTANCE,
  GAP_START,
  LEAK_INSTANCE,
  RESTART_INSTANCE,
  RESTART_TIME,
} from './timeline.js';

export interface IncidentPlan {
  /** Crashes: the instance's process restarts at `time` (unix s), its counters reset. */
  restarts: { instance: string; time: number }[];
  /** Scrapes of `instance` fail in [start, end) (unix s). */
  gap: { instance: string; start: number; end: number };
  /** A rolling deploy of `job` (new app and Node versions, instance N restarts N-1 minutes after `time`) that makes `route` slow. */
  deploy: { job: string; route: string; time: number };
  /** The 5xx share of every route of `job` rises to ~6% in [start, end). */
  errorBurst: { job: string; start: number; end: number };
  /** This instance's heap grows ~50 MiB per hour (its process started 48 minutes before the window). */
  leak: { instance: string };
}

export const SAMPLE_INCIDENTS: IncidentPlan = {
  restarts: [{ instance: RESTART_INSTANCE, time: RESTART_TIME }],
  gap: { instance: GAP_INSTANCE, start: GAP_START, end: GAP_END },
  deploy: { job: 'api', route: '/api/products', time: DEPLOY_TIME },
  errorBurst: { job: 'checkout', start: ERROR_BURST_START, end: ERROR_BURST_END },
  leak: { instance: LEAK_INSTANCE },
};

const utc = (hhmmss: string) => Date.parse(`2026-01-15T${hhmmss}Z`) / 1000;

/** The judge's second world: every incident elsewhere and at another time. Never shown to learners. */
export const VARIANT_INCIDENTS: IncidentPlan = {
  restarts: [
    { instance: 'checkout-2:8080', time: utc('10:12:30') },
    { instance: 'api-3:8080', time: utc('11:21:30') },
  ],
  gap: { instance: 'frontend-3:3000', start: utc('09:40:00'), end: utc('09:53:00') },
  deploy: { job: 'frontend', route: '/products', time: utc('08:20:00') },
  errorBurst: { job: 'api', start: utc('07:35:00'), end: utc('07:55:00') },
  leak: { instance: 'api-2:8080' },
};
