// A fake in-memory Backend and stream drivers for the REPL tests.
import { PassThrough } from 'node:stream';
import type { Backend, BackendInfo, QueryOptions, SeriesQuery } from '../../src/backends/backend.js';
import { QueryError } from '../../src/errors.js';
import type { Metric, QueryResult } from '../../src/model/result.js';
import { bufferIO } from '../../src/util/io.js';
import { startRepl, type ReplOptions } from '../../src/repl/repl.js';

export const END = Date.UTC(2026, 0, 15, 12, 0) / 1000;

export const SERIES: Metric[] = [
  { __name__: 'http_requests_total', job: 'api', instance: 'a:1', code: '200' },
  { __name__: 'http_requests_total', job: 'api', instance: 'a:1', code: '500' },
  { __name__: 'http_requests_total', job: 'web', instance: 'w:1', code: '200' },
  { __name__: 'http_request_duration_seconds_bucket', job: 'api', le: '0.1' },
  { __name__: 'up', job: 'api', instance: 'a:1' },
  { __name__: 'up', job: 'web', instance: 'w:1' },
];

export interface Call {
  kind: 'instant' | 'range' | 'labelNames' | 'labelValues';
  query?: string;
  args: unknown[];
}

function selects(m: Metric, match?: string[]): boolean {
  if (!match || match.length === 0) return true;
  // Enough for tests: `name`, `name{}`, `name{l="v",...}` and `{l="v"}`.
  return match.some((sel) => {
    const r = /^([A-Za-z_:][\w:]*)?(?:\{(.*)\})?$/.exec(sel);
    if (!r) return false;
    if (r[1] && m.__name__ !== r[1]) return false;
    for (const part of (r[2] ?? '').split(',').filter(Boolean)) {
      const [, l, v] = /^(\w+)="(.*)"$/.exec(part) ?? [];
      if (l && m[l] !== v) return false;
    }
    return true;
  });
}

export class FakeBackend implements Backend {
  calls: Call[] = [];
  /** Queries containing this word wait until aborted. */
  slowWord = 'slow';
  down = false;
  closed = false;
  constructor(
    readonly infoValue: BackendInfo = {
      name: 'sample',
      description: 'fake dataset',
      kind: 'local',
      dataRange: { start: END - 6 * 3600, end: END },
    },
  ) {}

  async info(): Promise<BackendInfo> {
    return this.infoValue;
  }

  private async evaluate(query: string, t: number, opts?: QueryOptions): Promise<QueryResult> {
    if (this.down) throw new QueryError('cannot reach the server', { errorType: 'unavailable', hint: 'is it running?' });
    if (query.includes(this.slowWord)) {
      await new Promise<void>((_resolve, reject) => {
        opts?.signal?.addEventListener('abort', () => reject(new QueryError('query cancelled', { errorType: 'canceled' })));
      });
    }
    if (query.includes('(((') || query.trim().startsWith(')')) {
      throw new QueryError('1:1: parse error: unexpected', { errorType: 'bad_data', query, position: { start: 0, end: 1 } });
    }
    const name = /^\s*([A-Za-z_:][\w:]*)/.exec(query)?.[1];
    const hits = SERIES.filter((m) => m.__name__ === name);
    return { data: { resultType: 'vector', result: hits.map((metric, i) => ({ metric, value: [t, String(i + 1)] })) } };
  }

  instantQuery(query: string, time: number, opts?: QueryOptions): Promise<QueryResult> {
    this.calls.push({ kind: 'instant', query, args: [time] });
    return this.evaluate(query, time, opts);
  }

  async rangeQuery(query: string, start: number, end: number, step: number, opts?: QueryOptions): Promise<QueryResult> {
    this.calls.push({ kind: 'range', query, args: [start, end, step] });
    const v = await this.evaluate(query, end, opts);
    const result = (v.data.result as { metric: Metric }[]).map((s, i) => ({
      metric: s.metric,
      values: [0, 1, 2].map((k): [number, string] => [start + k * step, String(i + k)]),
    }));
    return { data: { resultType: 'matrix', result } };
  }

  async series(q: SeriesQuery): Promise<Metric[]> {
    return SERIES.filter((m) => selects(m, q.match));
  }

  async labelNames(q?: SeriesQuery): Promise<string[]> {
    this.calls.push({ kind: 'labelNames', args: [q?.match] });
    return [...new Set(SERIES.filter((m) => selects(m, q?.match)).flatMap((m) => Object.keys(m)))].sort();
  }

  async labelValues(name: string, q?: SeriesQuery): Promise<string[]> {
    this.calls.push({ kind: 'labelValues', args: [name, q?.match] });
    const vals = SERIES.filter((m) => selects(m, q?.match))
      .map((m) => m[name])
      .filter((v) => v !== undefined);
    return [...new Set(vals)].sort();
  }

  async metadata() {
    return { http_requests_total: [{ type: 'counter', help: 'Requests served.', unit: '' }] };
  }

  async close(): Promise<void> {
    this.closed = true;
  }
}

/** A REPL on streams. `type()` writes keys; `output()` is everything printed so far. */
export function drive(opts: Partial<ReplOptions> & { backend?: Backend } = {}) {
  const input = new PassThrough();
  const output = new PassThrough();
  let text = '';
  output.on('data', (c: Buffer) => (text += c.toString('utf8')));
  const io = bufferIO({ env: {} });
  const backend = opts.backend ?? new FakeBackend();
  const done = startRepl({ input, output, terminal: true, backend, io, stateDir: null, now: () => END + 86400, ...opts });
  return {
    io,
    backend,
    done,
    output: () => text,
    type(s: string) {
      input.write(s);
    },
    end() {
      input.end();
    },
    /** Waits until the output contains `s` (or fails after a while). */
    async waitFor(s: string | RegExp, from = 0): Promise<void> {
      for (let i = 0; i < 2000; i++) {
        const t = text.slice(from);
        if (typeof s === 'string' ? t.includes(s) : s.test(t)) return;
        await new Promise((r) => setTimeout(r, 5));
      }
      throw new Error(`timed out waiting for ${String(s)}; output was:\n${text}`);
    },
  };
}

/** Runs the REPL on piped input; returns code, stdout and stderr. */
export async function piped(lines: string, opts: Partial<ReplOptions> = {}) {
  const input = new PassThrough();
  const output = new PassThrough();
  let out = '';
  output.on('data', (c: Buffer) => (out += c.toString('utf8')));
  const io = bufferIO({ env: {} });
  input.end(lines);
  const code = await startRepl({ input, output, terminal: false, backend: new FakeBackend(), io, stateDir: null, ...opts });
  return { code, out, err: io.output.err };
}
