// Builds the sample dataset into a MemoryStore: every service instance and
// node_exporter host is a scrape target; each module writes its series.

import { MemoryStore } from '../storage/store.js';
import { emitAppMetrics } from './app.js';
import { SAMPLE_INCIDENTS, type IncidentPlan } from './incidents.js';
import { SAMPLE_METADATA } from './metadata.js';
import { addNhcbSeries, findClassicHistograms } from './nhcb.js';
import { emitNodeExporter, hostBootTime, NODE_HOSTS } from './node-exporter.js';
import { emitNodejsMetrics } from './nodejs.js';
import { SERVICES, targetSpec } from './services.js';
import { Emitter, makeTarget } from './target.js';

/**
 * Classic histograms the sample also holds as native histograms with custom
 * buckets under their base name, as Prometheus 3 does with
 * convert_classic_histograms_to_nhcb and always_scrape_classic_histograms.
 */
const NHCB_HISTOGRAMS = new Set(['http_request_duration_seconds']);

/** The sample dataset; with another incident plan, the same shop with its incidents elsewhere (the judge's variant world). */
export function generateSampleStore(plan: IncidentPlan = SAMPLE_INCIDENTS): MemoryStore {
  const store = new MemoryStore();
  for (const svc of SERVICES) {
    for (let index = 0; index < svc.instances; index++) {
      const em = new Emitter(store, makeTarget(targetSpec(svc, index, plan)));
      em.emitUp();
      const requests = emitAppMetrics(em, svc, index, plan);
      emitNodejsMetrics(em, svc, requests, plan.leak.instance);
    }
  }
  NODE_HOSTS.forEach((host, hostIndex) => {
    const run = { start: hostBootTime(host), appVersion: '', nodeVersion: '' };
    const em = new Emitter(store, makeTarget({ job: 'node', instance: host, runs: [run] }));
    em.emitUp();
    emitNodeExporter(em, hostIndex);
  });
  for (const [name, meta] of SAMPLE_METADATA) store.setMetadata(name, meta);
  store.finish();
  // Last, so the snapshot can rebuild them after the series they come from (./snapshot.ts).
  addNhcbSeries(
    store,
    findClassicHistograms(store, (base) => NHCB_HISTOGRAMS.has(base)),
  );
  return store;
}
