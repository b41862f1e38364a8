// `promlearn alerts route` end to end on the sample with the example files.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { fileURLToPath } from 'node:url';
import { main } from '../../src/cli/main.js';
import { bufferIO } from '../../src/util/io.js';

const EX = fileURLToPath(new URL('../../../examples/rules/', import.meta.url));

async function cli(args: string[]) {
  const io = bufferIO({ columns: 160 });
  const code = await main(['node', 'promlearn', ...args], io);
  return { code, out: io.output.out, err: io.output.err };
}

test('alerts route: receivers, notifications, inhibitions over the sample', async () => {
  const r = await cli(['alerts', 'route', '--config', `${EX}alertmanager.yml`, `${EX}shop-rules.yml`, '-o', 'json']);
  assert.equal(r.code, 0, r.err);
  const j = JSON.parse(r.out);
  const routing = Object.fromEntries(
    j.routing.map((x: { labels: { alertname: string }; receivers: string[] }) => [x.labels.alertname, x.receivers]),
  );
  assert.deepEqual(routing, { SlowProducts: ['tickets'], HighErrorRate: ['pager', 'tickets'] });
  const sent = j.notifications.map(
    (n: { time: string; receiver: string; reason: string }) => `${n.time.slice(11, 19)} ${n.receiver} ${n.reason}`,
  );
  assert.deepEqual(sent, [
    '09:44:00 tickets first',
    '10:46:00 pager first',
    '10:46:00 tickets first',
    '11:09:00 tickets repeat',
    '11:11:00 pager all resolved',
    '11:11:00 tickets all resolved',
  ]);
  assert.equal(j.heldBack.filter((h: { kind: string }) => h.kind === 'inhibited').length, 4);
});

test('alerts route: a bad Alertmanager file is reported with file:line:col, exit 1; a missing one is a usage error', async () => {
  const { mkdtempSync, writeFileSync, rmSync } = await import('node:fs');
  const { tmpdir } = await import('node:os');
  const dir = mkdtempSync(`${tmpdir()}/promlearn-am-`);
  try {
    writeFileSync(`${dir}/am.yml`, 'route:\n  receiver: nobody\nreceivers: [{ name: x }]\n');
    const r = await cli(['alerts', 'route', '-c', `${dir}/am.yml`, `${EX}shop-rules.yml`]);
    assert.equal(r.code, 1);
    assert.match(r.err, /am\.yml:2:13: undefined receiver "nobody" used in route/);
    assert.equal(r.out, '');
    const missing = await cli(['alerts', 'route', '-c', `${dir}/nope.yml`, `${EX}shop-rules.yml`]);
    assert.equal(missing.code, 2);
    const noConfig = await cli(['alerts', 'route', `${EX}shop-rules.yml`]);
    assert.equal(noConfig.code, 2);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
