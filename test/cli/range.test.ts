// `promlearn range` end to end on the sample dataset: several expressions,
// --legend, --when, and --help examples that use the dataset's own labels.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { main } from '../../src/cli/main.js';
import { bufferIO } from '../../src/util/io.js';
import { sampleDeps } from '../helpers/sample-backend.js';
import { GAP_END, GAP_INSTANCE, GAP_START } from '../../src/dataset/timeline.js';
import { openLocalDataset } from '../../src/backends/open.js';
import { QUIET_HOST } from '../../src/backends/options.js';
import { legendsFor } from '../../src/cli/range-run.js';

async function run(...args: string[]) {
  const io = bufferIO({ columns: 80, rows: 24 });
  const code = await main(['node', 'promlearn', ...args], io, sampleDeps(io));
  return { code, out: io.output.out, err: io.output.err };
}

const ERRORS = 'sum(rate(http_requests_total{status_code=~"5.."}[5m]))';
const ALL = 'sum(rate(http_requests_total[5m]))';

test('range with two expressions: one chart, series tagged #1/#2, the tags listed with their expressions', async () => {
  const r = await run('range', ERRORS, ALL, '--range', '6h');
  assert.equal(r.code, 0, r.err);
  assert.ok(r.out.includes(`#1  ${ERRORS}\n`), r.out);
  assert.ok(r.out.includes(`#2  ${ALL}\n`), r.out);
  assert.match(r.out, /^A #1 +[\d.]+\/s/m);
  assert.match(r.out, /^B #2 +[\d.]+\/s/m);
  for (const line of r.out.split('\n')) assert.ok(line.length <= 80, line);
});

test('range with two expressions -o json: an array, one data object per expression with its expr', async () => {
  const r = await run('range', ERRORS, ALL, '--range', '1h', '-o', 'json');
  assert.equal(r.code, 0, r.err);
  const data = JSON.parse(r.out);
  assert.deepEqual(
    data.map((d: { expr: string; resultType: string }) => [d.expr, d.resultType]),
    [
      [ERRORS, 'matrix'],
      [ALL, 'matrix'],
    ],
  );
  assert.equal(data[0].result[0].values.length, 121);
  const one = JSON.parse((await run('range', ALL, '--range', '1h', '-o', 'json')).out);
  assert.equal(one.resultType, 'matrix', 'one expression: the API data object, as before');
});

test('range with two expressions -o csv: an expr column first', async () => {
  const r = await run('range', 'up{instance="api-1:8080"}', 'up{instance="api-2:8080"}', '--range', '10m', '--step', '1m', '-o', 'csv');
  assert.equal(r.code, 0, r.err);
  const lines = r.out.trimEnd().split('\n');
  assert.equal(lines[0], 'expr,__name__,instance,job,timestamp,value');
  assert.equal(lines.length, 1 + 2 * 11);
  assert.match(lines[1]!, /^"up\{instance=""api-1:8080""\}",up,api-1:8080,api,\d+,1$/);
  assert.match(lines[12]!, /^"up\{instance=""api-2:8080""\}",up,api-2:8080,api,/);
});

test('range --legend: Grafana legend format names the series', async () => {
  const r = await run(
    'range',
    'sum by (route, status_code) (rate(http_requests_total{job="api"}[5m]))',
    '--legend',
    '{{route}} {{status_code}}',
  );
  assert.equal(r.code, 0, r.err);
  assert.match(r.out, /^A \/api\/products\/:id 200 +/m);
  assert.doesNotMatch(r.out, /route=/);
});

test('legendsFor: one for all, one each, or a usage error', () => {
  assert.deepEqual(legendsFor(['a', 'b'], undefined), [undefined, undefined]);
  assert.deepEqual(legendsFor(['a', 'b'], ['{{x}}']), ['{{x}}', '{{x}}']);
  assert.deepEqual(legendsFor(['a', 'b'], ['{{x}}', '']), ['{{x}}', '']);
  assert.throws(() => legendsFor(['a', 'b', 'c'], ['1', '2']), /2 --legend formats for 3 expressions/);
});

test('range --legend given twice for one expression is a usage error (exit 2)', async () => {
  const r = await run('range', 'up', '--legend', '{{job}}', '--legend', '{{instance}}');
  assert.equal(r.code, 2);
  assert.match(r.err, /2 --legend formats for 1 expressions/);
});

test('range: a query error in the second expression says which one', async () => {
  const r = await run('range', 'up', 'rate(up)');
  assert.equal(r.code, 1);
  assert.match(r.err, /expression #2: /);
});

test('range --when: the scrape gap of the sample, as up == 0', async () => {
  const r = await run('range', '--when', 'up == 0', '--range', '6h', '-o', 'json');
  assert.equal(r.code, 0, r.err);
  const when = JSON.parse(r.out);
  assert.equal(when.expr, 'up == 0');
  assert.equal(when.series.length, 1);
  assert.equal(when.series[0].metric.instance, GAP_INSTANCE);
  const [interval] = when.series[0].intervals;
  // Resolution is the step (2m for 6h) and a scrape interval: the gap is in there.
  assert.ok(interval.start >= GAP_START && interval.start <= GAP_START + 120 + 15, JSON.stringify(interval));
  assert.ok(interval.end >= GAP_END && interval.end <= GAP_END + 120 + 15, JSON.stringify(interval));
  assert.equal(interval.duration, interval.end - interval.start);
  assert.equal(interval.openStart || interval.openEnd, false);

  const table = await run('range', 'up == 0', '--when', '--range', '6h');
  assert.equal(table.code, 0, table.err);
  assert.match(table.out, /^1 interval in 1 series between 2026-01-15 06:00 and 12:00 UTC \(step 2m\)$/m);
  assert.match(table.out, new RegExp(`^up\\{instance="${GAP_INSTANCE}", job="api"\\} +08:0\\d +08:\\d\\d +1\\dm +0$`, 'm'));
});

test('range --when: the checkout error burst as a ratio above 2%', async () => {
  const expr = 'sum by (job) (rate(http_requests_total{status_code=~"5.."}[5m])) / sum by (job) (rate(http_requests_total[5m])) > 0.02';
  const r = await run('range', '--when', expr, '--range', '6h', '-o', 'csv');
  assert.equal(r.code, 0, r.err);
  const lines = r.out.trimEnd().split('\n');
  assert.equal(lines[0], 'job,start,end,duration_seconds,max,open_start,open_end');
  assert.equal(lines.length, 2, r.out);
  assert.match(lines[1]!, /^checkout,/);
});

test('range --when with nothing returned says so', async () => {
  const r = await run('range', '--when', 'up > 1', '--range', '1h');
  assert.equal(r.code, 0, r.err);
  assert.match(r.out, /`up > 1` returned no data between/);
});

test('range --help: every example uses labels and metrics the sample dataset has', async () => {
  const r = await run('range', '--help');
  assert.equal(r.code, 0);
  const backend = await openLocalDataset({ inProcess: true }, QUIET_HOST);
  const labels = new Set(await backend.labelNames());
  const metrics = new Set(await backend.labelValues('__name__'));
  // The Examples section: from its heading to the first blank line.
  const examples = r.out.slice(r.out.indexOf('Examples:')).split('\n\n')[0]!;
  assert.match(examples, /--when/);
  assert.match(examples, /--legend/);
  const used = new Set<string>();
  for (const m of examples.matchAll(/\b(\w+)\s*(?:=~|!=|!~|=)\s*"/g)) used.add(m[1]!);
  for (const m of examples.matchAll(/\bby \(([^)]*)\)/g)) for (const l of m[1]!.split(',')) used.add(l.trim());
  for (const m of examples.matchAll(/\{\{\s*(\w+)\s*\}\}/g)) used.add(m[1]!);
  for (const l of ['status_code', 'route', 'instance', 'job']) assert.ok(used.has(l), `${l} in ${[...used].join(' ')}`);
  for (const l of used) assert.ok(labels.has(l), `the example label ${l} is not in the dataset`);
  for (const m of examples.matchAll(/\b([a-z_]+_(?:total|bytes|seconds|bucket))\b/g)) assert.ok(metrics.has(m[1]!), m[1]);
  await backend.close?.();
});

test('range --when written to a pipe is never cut (whole label values for grep)', async () => {
  const r = await run('range', '--when', 'shop_build_info{job="api"} > 0', '--range', '6h');
  assert.equal(r.code, 0, r.err);
  assert.doesNotMatch(r.out, /…/);
  assert.ok(
    r.out.split('\n').some((l) => l.length > 80),
    r.out,
  );
  assert.match(r.out, /\{instance="api-1:8080", revision="[0-9a-f]+", version="[\d.]+"\}/);
});

/** Words of a shell command line with single quotes (all the help examples use). */
function shellWords(line: string): string[] {
  return [...line.matchAll(/'([^']*)'|(\S+)/g)].map((m) => m[1] ?? m[2]!);
}

test('range --help: every example runs on the sample and finds something', async () => {
  const help = (await run('range', '--help')).out;
  const examples = help
    .slice(help.indexOf('Examples:'))
    .split('\n\n')[0]!
    .replace(/ \\\n\s+/g, ' ')
    .split('\n')
    .filter((l) => l.trim().startsWith('$ promlearn range '));
  assert.ok(examples.length >= 6, examples.join('\n'));
  for (const example of examples) {
    const words = shellWords(example.replace(/^\s*\$ promlearn /, '').replace(/ > [\w.-]+$/, ''));
    const r = await run(...words);
    assert.equal(r.code, 0, `${example}\n${r.err}`);
    assert.doesNotMatch(r.out, /returned no data|no data points|empty result/, example);
    assert.ok(r.out.trim().split('\n').length >= 2, `${example}\n${r.out}`);
  }
});
