// The demo app scraped at the same time by promlearn's scraper and by the real
// Prometheus (Debian's 2.42), both every second for about ten seconds: the
// same series (names and label sets), the same `up`, and request rates that
// agree within what the different scrape instants allow.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { DemoApp } from '../../src/demo/app.js';
import { TrafficGenerator } from '../../src/demo/traffic.js';
import { Scraper } from '../../src/scrape/scraper.js';
import { targetsFromUrls } from '../../src/scrape/config.js';
import { createLiveBackend } from '../../src/scrape/live.js';
import { compareMetrics } from '../../src/model/labels.js';
import type { Metric } from '../../src/model/result.js';
import { requirePrometheus, startPrometheus } from '../helpers/prometheus.js';

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

async function promApi(base: string, path: string, params: Record<string, string>): Promise<unknown> {
  const res = await fetch(`${base}/api/v1/${path}?${new URLSearchParams(params)}`);
  const body = (await res.json()) as { status: string; data: unknown; error?: string };
  assert.equal(body.status, 'success', body.error);
  return body.data;
}

const key = (m: Metric) => JSON.stringify(Object.entries(m).sort());

test('promlearn and Prometheus scraping the demo app see the same series, up and rates', async (t) => {
  if (!requirePrometheus(t)) return;
  const app = new DemoApp({ host: '127.0.0.1', port: 0 });
  await app.start();
  const traffic = new TrafficGenerator({ url: app.url, rps: 40 });
  const address = new URL(app.url).host;
  const prom = await startPrometheus({
    configYaml: `global:\n  scrape_interval: 1s\n  scrape_timeout: 1s\nscrape_configs:\n  - job_name: demo\n    static_configs:\n      - targets: ['${address}']\n`,
  });
  const scraper = new Scraper(targetsFromUrls([`${app.url}/metrics`], { job: 'demo', intervalMs: 1000, timeoutMs: 1000 }));
  const live = createLiveBackend(scraper);
  try {
    traffic.start();
    // Prometheus's discovery hands targets over after up to 5 s: start ours at its first scrape, so both windows match.
    const deadline = Date.now() + 30_000;
    while (((await promApi(prom.url, 'query', { query: 'up' })) as { result: unknown[] }).result.length === 0) {
      assert.ok(Date.now() < deadline, 'Prometheus never scraped the demo app');
      await sleep(100);
    }
    scraper.start();
    await sleep(10_000);

    // Rates while traffic flows, at the same instant on both.
    const at = Date.now() / 1000 - 1;
    const q = 'sum(rate(http_requests_total[1m]))';
    const theirs = (await promApi(prom.url, 'query', { query: q, time: String(at) })) as { result: { value: [number, string] }[] };
    const ours = await live.instantQuery(q, at);
    const a = Number(theirs.result[0].value[1]);
    const b = Number((ours.data.result as { value: [number, string] }[])[0].value[1]);
    assert.ok(a > 2 && b > 2, `both see traffic: prometheus ${a}/s, promlearn ${b}/s`);
    assert.ok(Math.abs(a - b) / a < 0.25, `rates within the scrape jitter: prometheus ${a}/s, promlearn ${b}/s`);

    // Series: stop the traffic, let both scrape the settled app, compare every label set present at the same instant
    // (Node's nodejs_active_* gauges come and go with open handles: series seen only between two scrapes went stale on both).
    traffic.stop();
    await sleep(2500);
    const end = Date.now() / 1000;
    const sel = '{job="demo"}';
    const promSeries = (
      (await promApi(prom.url, 'query', { query: sel, time: String(end) })) as { result: { metric: Metric }[] }
    ).result.map((r) => r.metric);
    const ourSeries = ((await live.instantQuery(sel, end)).data.result as { metric: Metric }[]).map((r) => r.metric);
    const names = (l: Metric[]) => [...new Set(l.map((m) => m.__name__))].sort();
    assert.deepEqual(names(ourSeries), names(promSeries));
    const onlyProm = promSeries.filter((m) => !ourSeries.some((o) => key(o) === key(m)));
    const onlyOurs = ourSeries.filter((m) => !promSeries.some((o) => key(o) === key(m)));
    assert.deepEqual({ onlyProm, onlyOurs }, { onlyProm: [], onlyOurs: [] });
    assert.ok(ourSeries.length > 50, `${ourSeries.length} series`);
    for (const name of [
      'up',
      'scrape_duration_seconds',
      'scrape_samples_scraped',
      'scrape_samples_post_metric_relabeling',
      'scrape_series_added',
    ]) {
      assert.ok(
        ourSeries.some((m) => m.__name__ === name),
        name,
      );
    }

    // up: 1 on both, with the same labels.
    const promUp = (await promApi(prom.url, 'query', { query: 'up', time: String(end) })) as {
      result: { metric: Metric; value: [number, string] }[];
    };
    const ourUp = await live.instantQuery('up', end);
    const simplify = (r: { metric: Metric; value: [number, string] }[]) =>
      r.map((s) => ({ metric: s.metric, v: s.value[1] })).sort((x, y) => compareMetrics(x.metric, y.metric));
    assert.deepEqual(simplify(ourUp.data.result as { metric: Metric; value: [number, string] }[]), simplify(promUp.result));
    assert.deepEqual(simplify(promUp.result), [{ metric: { __name__: 'up', instance: address, job: 'demo' }, v: '1' }]);

    // The samples scraped agree too (the same body size, give or take a GC series).
    const count = 'scrape_samples_scraped';
    const pc = Number(
      ((await promApi(prom.url, 'query', { query: count, time: String(end) })) as { result: { value: [number, string] }[] }).result[0]
        .value[1],
    );
    const oc = Number(((await live.instantQuery(count, end)).data.result as { value: [number, string] }[])[0].value[1]);
    assert.ok(Math.abs(pc - oc) <= 10, `scrape_samples_scraped: prometheus ${pc}, promlearn ${oc}`);
  } finally {
    traffic.stop();
    await scraper.stop();
    await prom.stop();
    await app.stop();
  }
});
