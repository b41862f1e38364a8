// The scraper against targets whose answers the tests choose: target labels,
// synthetic series, scrape timestamps, staleness, and every way a scrape fails.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createServer } from 'node:net';
import { Scraper } from '../../src/scrape/scraper.js';
import { targetsFromUrls } from '../../src/scrape/config.js';
import { createLiveBackend } from '../../src/scrape/live.js';
import { SCRAPE_ACCEPT } from '../../src/scrape/fetch.js';
import { isStaleNaN } from '../../src/storage/store.js';
import { startFakeTarget } from './fake-target.js';

const BODY = `# HELP http_requests_total Requests.
# TYPE http_requests_total counter
http_requests_total{route="/a",code="200"} 10
http_requests_total{route="/b",code="200"} 5
# TYPE temperature gauge
temperature 21.5
`;

function clock(startMs: number) {
  const c = { t: startMs, now: () => c.t };
  return c;
}

async function instant(scraper: Scraper, q: string, tSec: number) {
  const b = createLiveBackend(scraper);
  const r = await b.instantQuery(q, tSec);
  assert.equal(r.data.resultType, 'vector');
  return (r.data.result as { metric: Record<string, string>; value: [number, string] }[]).map((s) => ({
    metric: s.metric,
    value: s.value[1],
  }));
}

test('a scrape adds job and instance, stamps samples with the scrape time and writes the synthetic series', async () => {
  const target = await startFakeTarget({ body: BODY });
  const c = clock(1_700_000_000_000);
  const scraper = new Scraper(targetsFromUrls([target.url], { intervalMs: 15_000 }), { now: c.now });
  try {
    const [status] = await scraper.scrapeAll();
    assert.equal(status.health, 'up');
    assert.equal(status.lastError, '');
    assert.equal(status.lastScrape, c.t);
    assert.equal(target.lastHeaders?.accept, SCRAPE_ACCEPT);
    assert.equal(target.lastHeaders?.['x-prometheus-scrape-timeout-seconds'], '10');
    const reqs = await instant(scraper, 'http_requests_total', c.t / 1000);
    assert.deepEqual(
      reqs.map((s) => s.metric),
      [
        { __name__: 'http_requests_total', code: '200', instance: target.address, job: 'promlearn', route: '/a' },
        { __name__: 'http_requests_total', code: '200', instance: target.address, job: 'promlearn', route: '/b' },
      ],
    );
    const id = scraper.store.select([{ name: '__name__', op: '=', value: 'temperature' }])[0];
    assert.deepEqual([...scraper.store.samples(id).t.subarray(0, 1)], [c.t]);
    const report = async (name: string) => (await instant(scraper, name, c.t / 1000))[0];
    assert.deepEqual((await report('up')).metric, { __name__: 'up', instance: target.address, job: 'promlearn' });
    assert.equal((await report('up')).value, '1');
    assert.equal((await report('scrape_samples_scraped')).value, '3');
    assert.equal((await report('scrape_samples_post_metric_relabeling')).value, '3');
    assert.equal((await report('scrape_series_added')).value, '3');
    assert.ok(Number((await report('scrape_duration_seconds')).value) >= 0);
    c.t += 15_000;
    await scraper.scrapeAll();
    assert.equal((await report('scrape_series_added')).value, '0');
    assert.deepEqual(scraper.store.getMetadata('http_requests_total'), { type: 'counter', help: 'Requests.', unit: '' });
  } finally {
    await target.close();
  }
});

test('a series that disappears gets a staleness marker at the next scrape', async () => {
  const target = await startFakeTarget({ body: BODY });
  const c = clock(1_700_000_000_000);
  const scraper = new Scraper(targetsFromUrls([target.url]), { now: c.now });
  try {
    await scraper.scrapeAll();
    target.reply = { body: BODY.replace(/.*route="\/b".*\n/, '') };
    c.t += 15_000;
    await scraper.scrapeAll();
    // Without the marker /b would linger for the 5 minute lookback.
    const after = await instant(scraper, 'http_requests_total', c.t / 1000 + 1);
    assert.deepEqual(
      after.map((s) => s.metric.route),
      ['/a'],
    );
    const before = await instant(scraper, 'http_requests_total', c.t / 1000 - 1);
    assert.deepEqual(
      before.map((s) => s.metric.route),
      ['/a', '/b'],
    );
    const id = scraper.store.select([{ name: 'route', op: '=', value: '/b' }])[0];
    const s = scraper.store.samples(id);
    assert.equal(s.length, 2);
    assert.ok(isStaleNaN(s.v[1]));
    assert.equal(s.t[1], c.t);
  } finally {
    await target.close();
  }
});

test('a target that goes down: up 0 with the error, and all its series go stale', async () => {
  const target = await startFakeTarget({ body: BODY });
  const c = clock(1_700_000_000_000);
  const scraper = new Scraper(targetsFromUrls([target.url]), { now: c.now });
  await scraper.scrapeAll();
  await target.close();
  c.t += 15_000;
  const [status] = await scraper.scrapeAll();
  assert.equal(status.health, 'down');
  assert.equal(status.lastError, `Get "${target.url}": dial tcp ${target.address}: connect: connection refused`);
  assert.deepEqual(await instant(scraper, 'http_requests_total or temperature', c.t / 1000 + 1), []);
  const up = await instant(scraper, 'up', c.t / 1000);
  assert.equal(up[0].value, '0');
  assert.equal((await instant(scraper, 'scrape_samples_scraped', c.t / 1000))[0].value, '0');
});

test('an unreachable host or a non-metrics answer never throws: up 0 and the reason', async () => {
  // A port nothing listens on.
  const port = await new Promise<number>((resolve) => {
    const s = createServer().listen(0, '127.0.0.1', () => {
      const a = s.address();
      s.close(() => resolve(typeof a === 'object' && a ? a.port : 0));
    });
  });
  const html = await startFakeTarget({ body: '<html><body>hello</body></html>\n', contentType: 'text/html' });
  const err500 = await startFakeTarget({ body: 'oops', status: 500 });
  try {
    const scraper = new Scraper(targetsFromUrls([`http://127.0.0.1:${port}/metrics`, html.url, err500.url]));
    const [refused, notMetrics, failed] = await scraper.scrapeAll();
    assert.match(refused.lastError, /connection refused/);
    assert.equal(notMetrics.health, 'down');
    assert.match(notMetrics.lastError, /^line 1: /);
    assert.equal(failed.lastError, 'server returned HTTP status 500 Internal Server Error');
    assert.deepEqual(
      (await instant(scraper, 'up', Date.now() / 1000)).map((s) => s.value),
      ['0', '0', '0'],
    );
  } finally {
    await html.close();
    await err500.close();
  }
});

test('a malformed body fails the scrape with the parser error and its line number, appending nothing', async () => {
  const target = await startFakeTarget({ body: 'good 1\nalso_good{a="b"} 2\nbad{a="b" 3\n' });
  const scraper = new Scraper(targetsFromUrls([target.url]));
  try {
    const [s] = await scraper.scrapeAll();
    assert.equal(s.health, 'down');
    assert.match(s.lastError, /^line 3: /);
    assert.equal(scraper.store.select([{ name: '__name__', op: '=', value: 'good' }]).length, 0);
  } finally {
    await target.close();
  }
});

test('a body over --body-size-limit is refused as Prometheus refuses it', async () => {
  const target = await startFakeTarget({ body: BODY });
  try {
    const scraper = new Scraper(targetsFromUrls([target.url], { bodySizeLimit: 100 }));
    const [s] = await scraper.scrapeAll();
    assert.equal(s.health, 'down');
    assert.equal(s.lastError, 'body size limit exceeded');
    const ok = new Scraper(targetsFromUrls([target.url], { bodySizeLimit: 10_000 }));
    assert.equal((await ok.scrapeAll())[0].health, 'up');
  } finally {
    await target.close();
  }
});

test('a slow target times out with the deadline error', async () => {
  const target = await startFakeTarget({ body: BODY, delayMs: 2000 });
  try {
    const scraper = new Scraper(targetsFromUrls([target.url], { intervalMs: 1000, timeoutMs: 200 }));
    const [s] = await scraper.scrapeAll();
    assert.equal(s.lastError, `Get "${target.url}": context deadline exceeded`);
  } finally {
    await target.close();
  }
});

test('OpenMetrics bodies are parsed as OpenMetrics (counter families, # EOF)', async () => {
  const om = '# TYPE http_requests counter\nhttp_requests_total{route="/a"} 7\n# EOF\n';
  const target = await startFakeTarget({ body: om, contentType: 'application/openmetrics-text; version=1.0.0; charset=utf-8' });
  try {
    const scraper = new Scraper(targetsFromUrls([target.url]));
    const [s] = await scraper.scrapeAll();
    assert.equal(s.health, 'up', s.lastError);
    assert.equal(s.lastSamples, 1);
    assert.equal(scraper.store.getMetadata('http_requests')?.type, 'counter');
  } finally {
    await target.close();
  }
});

test('honor_labels: the target keeps its own job; otherwise it moves to exported_job', async () => {
  const body = 'm{job="from-target",instance="x"} 1\n';
  const target = await startFakeTarget({ body });
  try {
    const plain = new Scraper(targetsFromUrls([target.url], { job: 'scraper' }));
    await plain.scrapeAll();
    assert.deepEqual((await instant(plain, 'm', Date.now() / 1000))[0].metric, {
      __name__: 'm',
      exported_instance: 'x',
      exported_job: 'from-target',
      instance: target.address,
      job: 'scraper',
    });
    const honor = new Scraper(targetsFromUrls([target.url], { job: 'scraper', honorLabels: true }));
    await honor.scrapeAll();
    assert.deepEqual((await instant(honor, 'm', Date.now() / 1000))[0].metric, { __name__: 'm', instance: 'x', job: 'from-target' });
  } finally {
    await target.close();
  }
});

test('stop() ends every series of every target with a staleness marker', async () => {
  const target = await startFakeTarget({ body: BODY });
  const c = clock(1_700_000_000_000);
  const scraper = new Scraper(targetsFromUrls([target.url]), { now: c.now });
  try {
    await scraper.scrapeAll();
    c.t += 1000;
    await scraper.stop();
    assert.deepEqual(await instant(scraper, '{job="promlearn"}', c.t / 1000 + 1), []);
  } finally {
    await target.close();
  }
});

test('the loop scrapes on its interval until stopped', async () => {
  const target = await startFakeTarget({ body: BODY });
  const scraper = new Scraper(targetsFromUrls([target.url], { intervalMs: 100 }));
  try {
    // Five scrapes, then stop (events, not a length of time: a loaded machine cannot fail it).
    let n = 0;
    let fifth!: () => void;
    const fiveScrapes = new Promise<void>((r) => (fifth = r));
    scraper.onScrape = () => {
      if (++n === 5) fifth();
    };
    scraper.start();
    await fiveScrapes;
    await scraper.stop();
    const atStop = n;
    await new Promise((r) => setTimeout(r, 300));
    assert.equal(n, atStop, 'no scrape after stop()');
    const up = scraper.store.samples(scraper.store.select([{ name: '__name__', op: '=', value: 'up' }])[0]);
    // On the interval grid: never two scrapes in one interval (a late timer is caught up, not doubled). The last sample is stop()'s marker.
    const slots = [...up.t.subarray(0, up.length - 1)].map((t) => Math.floor((t - up.t[0] + 10) / 100));
    for (let i = 1; i < slots.length; i++)
      assert.ok(slots[i] > slots[i - 1], `scrapes at ${[...up.t.subarray(0, up.length)].map((t) => t - up.t[0])}`);
    // A timer never fires early: five scrapes on a 100 ms interval span at least four intervals.
    assert.ok(up.t[4] - up.t[0] >= 390, `five scrapes within ${up.t[4] - up.t[0]} ms`);
  } finally {
    await target.close();
  }
});
