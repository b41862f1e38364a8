// A fuzz of the remote client: a local server answers with random JSON shapes
// (most of them close to the API's, so the checks deep inside are reached),
// random bytes and random statuses. Every call must either succeed, and its
// result render, or fail with a user error (PromlearnError): never an
// internal one. Seeded; PROMLEARN_FUZZ_TRIES sets how many (default 10,000).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { ServerResponse } from 'node:http';
import { isUserError } from '../../src/errors.js';
import { createRemoteBackend } from '../../src/backends/remote.js';
import { QUIET_HOST } from '../../src/backends/options.js';
import type { Backend } from '../../src/backends/backend.js';
import { renderResult } from '../../src/render/index.js';
import { PLAIN } from '../../src/util/style.js';
import { fakeServer } from '../helpers/fake-server.js';
import { mulberry32 } from '../../src/dataset/random.js';

const TRIES = Number(process.env.PROMLEARN_FUZZ_TRIES ?? 10_000);
const SEED = Number(process.env.PROMLEARN_FUZZ_SEED ?? 15);

class Gen {
  constructor(readonly r: () => number) {}
  int(n: number): number {
    return Math.floor(this.r() * n);
  }
  pick<T>(xs: readonly T[]): T {
    return xs[this.int(xs.length)]!;
  }
  chance(p: number): boolean {
    return this.r() < p;
  }
  /** Any JSON value, nested up to `depth`. */
  any(depth = 2): unknown {
    const k = this.int(depth > 0 ? 9 : 6);
    switch (k) {
      case 0:
        return null;
      case 1:
        return this.chance(0.5);
      case 2:
        return this.pick([0, -1, 1.5, 1e308, -1e-300, 2 ** 53, NaN, 1700000000]);
      case 3:
        return this.pick(['', '1', 'NaN', '+Inf', '-Inf', 'x', '1e400', '\u0000', 'é', '0x10']);
      case 4:
        return this.pick([[], {}]);
      case 5:
        return this.str();
      case 6:
      case 7:
        return Array.from({ length: this.int(4) }, () => this.any(depth - 1));
      default:
        return Object.fromEntries(Array.from({ length: this.int(4) }, () => [this.str(), this.any(depth - 1)]));
    }
  }
  str(): string {
    return this.pick(['metric', 'value', 'values', '__name__', 'job', 'a\nb', '', 'le', 'histogram', 'x'.repeat(this.int(50))]);
  }
  /** Sometimes right, sometimes a mutation of right. */
  maybe<T>(good: () => T): unknown {
    return this.chance(0.8) ? good() : this.any();
  }
  pair(): unknown {
    return this.maybe(() => [
      this.maybe(() => this.pick([1700000000, 1.5, 0, -5])),
      this.maybe(() => this.pick(['1', 'NaN', '+Inf', '-0', '1e-300', 'abc'])),
    ]);
  }
  metric(): unknown {
    return this.maybe(() => Object.fromEntries(Array.from({ length: this.int(4) }, () => [this.str(), this.maybe(() => this.str())])));
  }
  /** `data` of a query answer. */
  queryData(): unknown {
    const type = this.maybe(() => this.pick(['vector', 'matrix', 'scalar', 'string']));
    const n = this.int(5);
    let result: unknown;
    if (type === 'vector')
      result = this.maybe(() => Array.from({ length: n }, () => this.maybe(() => ({ metric: this.metric(), value: this.pair() }))));
    else if (type === 'matrix') {
      result = this.maybe(() =>
        Array.from({ length: n }, () =>
          this.maybe(() => ({ metric: this.metric(), values: this.maybe(() => Array.from({ length: this.int(6) }, () => this.pair())) })),
        ),
      );
    } else result = this.pair();
    const data: Record<string, unknown> = { resultType: type, result };
    if (this.chance(0.2)) data.stats = this.any();
    return this.maybe(() => data);
  }
  /** A whole response: body bytes, status, content type. */
  response(path: string): { status: number; type: string; body: Buffer } {
    const status = this.chance(0.8) ? 200 : this.pick([200, 204, 301, 400, 401, 403, 404, 422, 429, 500, 503, 599]);
    const type = this.pick(['application/json', 'text/plain', 'text/html', '']);
    if (this.chance(0.1)) return { status, type, body: Buffer.from(Array.from({ length: this.int(300) }, () => this.int(256))) };
    let data: unknown;
    if (path.startsWith('/api/v1/query')) data = this.queryData();
    else if (path.startsWith('/api/v1/series')) data = this.maybe(() => Array.from({ length: this.int(4) }, () => this.metric()));
    else if (path.startsWith('/api/v1/metadata'))
      data = this.maybe(() => ({ m: this.maybe(() => [this.maybe(() => ({ type: this.any(0), help: this.any(0), unit: this.any(0) }))]) }));
    else data = this.maybe(() => Array.from({ length: this.int(4) }, () => this.maybe(() => this.str())));
    const envelope: Record<string, unknown> = this.chance(0.85)
      ? { status: 'success', data }
      : { status: this.pick(['error', 'success', 'weird', 3]), errorType: this.any(0), error: this.any(1), data };
    if (this.chance(0.2)) envelope.warnings = this.any();
    if (this.chance(0.1)) envelope.infos = this.any();
    const text = this.chance(0.05)
      ? JSON.stringify(envelope).slice(0, this.int(60))
      : JSON.stringify(this.chance(0.97) ? envelope : this.any());
    return { status, type, body: Buffer.from(text ?? 'null') };
  }
}

/** The calls, each carrying its try number so the server answers try i the same way in any order. */
const CALLS: [string, (b: Backend, i: number) => Promise<unknown>][] = [
  ['instant', (b, i) => b.instantQuery(`up # ${i}`, 1700000000)],
  ['range', (b, i) => b.rangeQuery(`up # ${i}`, 1700000000, 1700000600, 60)],
  ['series', (b, i) => b.series({ match: [`up{try="${i}"}`] })],
  ['labelNames', (b, i) => b.labelNames({ match: [`up{try="${i}"}`] })],
  ['labelValues', (b, i) => b.labelValues(`try_${i}`)],
  ['metadata', (b, i) => b.metadata(`try_${i}`)],
];

/** Calls in flight at once: the answers are cheap, the round trips are what takes time. */
const IN_FLIGHT = 16;

/** The try number a request carries (see CALLS). */
function tryOf(url: string, body: string): number {
  const m = /(?:%23\+|# |try%3D%22|try="|try_)(\d+)/.exec(decodeURIComponent(url) + ' ' + body + ' ' + url);
  return m ? Number(m[1]) : -1;
}

test(`remote client fuzz: ${TRIES} random answers, no internal error (seed ${SEED})`, { timeout: 600_000 }, async () => {
  const untagged: string[] = [];
  const srv = await fakeServer((req, res: ServerResponse, body) => {
    const n = tryOf(req.url ?? '', body);
    if (n < 0) untagged.push(`${req.url} ${body}`);
    const gen = new Gen(mulberry32(SEED * 1_000_003 + n));
    const r = gen.response(req.url ?? '/');
    const headers: Record<string, string> = r.type ? { 'content-type': r.type } : {};
    res.writeHead(r.status, headers);
    res.end(r.body);
  });
  const backend = await createRemoteBackend({ server: srv.url, timeout: '10s' }, QUIET_HOST);
  const outcomes = { ok: 0, userError: 0 };
  const one = async (i: number): Promise<void> => {
    const [name, call] = CALLS[i % CALLS.length]!;
    let value: unknown;
    try {
      value = await call(backend, i);
    } catch (e) {
      // The message only on failure: reading .stack formats a trace, and most tries end here.
      if (!isUserError(e)) assert.fail(`try ${i} (${name}): internal error ${(e as Error)?.stack ?? String(e)}`);
      outcomes.userError++;
      return;
    }
    outcomes.ok++;
    if (name === 'instant' || name === 'range') {
      const opts = { format: 'table' as const, style: PLAIN, columns: 80, rows: 24, query: 'up' };
      const range = name === 'range' ? { start: 1700000000, end: 1700000600, step: 60 } : undefined;
      for (const format of ['table', 'json', 'csv'] as const) {
        try {
          renderResult(value as never, { ...opts, format, range });
        } catch (e) {
          assert.fail(`try ${i} (${name}, ${format}) threw ${(e as Error)?.stack ?? String(e)}: ${JSON.stringify(value)}`);
        }
      }
    }
  };
  try {
    let next = 0;
    const worker = async (): Promise<void> => {
      while (next < TRIES) await one(next++);
    };
    await Promise.all(Array.from({ length: IN_FLIGHT }, worker));
  } finally {
    await backend.close?.();
    await srv.close();
  }
  assert.deepEqual(untagged.slice(0, 3), [], 'every request carries its try number, so a seed replays it');
  // The generator must reach both ends: answers that pass the checks and answers that do not.
  assert.ok(outcomes.ok > TRIES / 20, JSON.stringify(outcomes));
  assert.ok(outcomes.userError > TRIES / 20, JSON.stringify(outcomes));
});
