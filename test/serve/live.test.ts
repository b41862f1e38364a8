// `promlearn serve --scrape`: the live store behind the API, /targets as Prometheus lists them.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { Scraper } from '../../src/scrape/scraper.js';
import { targetsFromUrls } from '../../src/scrape/config.js';
import { createLiveBackend } from '../../src/scrape/live.js';
import { startFakeTarget } from '../scrape/fake-target.js';
import { serveBackend, getJson } from './serve-helper.js';

test('serve over a live scraped store: queries at now, /targets with health and errors', async () => {
  const good = await startFakeTarget({ body: 'hits_total 5\n' });
  const bad = await startFakeTarget({ body: 'hits_total{ 5\n' });
  const scraper = new Scraper(targetsFromUrls([good.url, bad.url], { job: 'shop', intervalMs: 5000 }));
  const live = createLiveBackend(scraper);
  const served = await serveBackend(live, { targets: live });
  try {
    await scraper.scrapeAll();
    const up = await getJson(`${served.url}/api/v1/query?query=up`);
    const result = (up.body.data as { result: { metric: Record<string, string>; value: [number, string] }[] }).result;
    assert.deepEqual(
      result.map((r) => [r.metric.instance, r.value[1]]).sort(),
      [
        [bad.address, '0'],
        [good.address, '1'],
      ].sort(),
    );
    assert.ok(Math.abs(result[0].value[0] - Date.now() / 1000) < 5, 'evaluated at now');
    const t = await getJson(`${served.url}/api/v1/targets`);
    const active = (t.body.data as { activeTargets: Record<string, unknown>[] }).activeTargets;
    assert.equal(active.length, 2);
    const [g, b] = active;
    assert.deepEqual(g.labels, { instance: good.address, job: 'shop' });
    assert.equal(g.health, 'up');
    assert.equal(g.scrapeInterval, '5s');
    assert.equal(g.scrapeTimeout, '5s');
    assert.equal(b.health, 'down');
    assert.match(String(b.lastError), /^line 1: /);
    assert.match(String(g.lastScrape), /^\d{4}-\d\d-\d\dT/);
    const pool = await getJson(`${served.url}/api/v1/targets?scrapePool=nope`);
    assert.deepEqual((pool.body.data as { activeTargets: unknown[] }).activeTargets, []);
  } finally {
    await served.close();
    await live.close?.();
    await good.close();
    await bad.close();
  }
});
