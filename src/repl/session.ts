// The REPL's state (backend, mode, evaluation time, step, output format) and
// running one query with it. No readline here: ./repl.ts does the terminal.

import { t } from '../util/messages/index.js';
import type { Backend, BackendInfo } from '../backends/backend.js';
import type { IO } from '../util/io.js';
import { MAX_RANGE_POINTS, type QueryResult } from '../model/result.js';
import { UsageError } from '../errors.js';
import { formatError } from '../render/error.js';
import { REPL_ADVICE, renderResult, type ChartRange, type OutputFormat } from '../render/index.js';
import type { Style } from '../util/style.js';
import { formatTime, humanDuration } from '../util/time.js';
import { CompletionSource } from './cache.js';
import { describeSubstitutions, substituteGrafana } from '../promql/grafana.js';
import { serverDataNote, type TimeAdvice } from '../backends/data-note.js';

/** The REPL moves a query in time with `.at`. */
const REPL_TIME_ADVICE: TimeAdvice = { time: '.at', end: '.at', start: '.at' };

export interface SessionEnv {
  io: IO;
  style: Style;
  /** Interactive terminal: prompts, screen-fitted output. */
  terminal: boolean;
  /** Results and messages. */
  out(text: string): void;
  /** Errors (stderr when piped, the terminal otherwise). */
  err(text: string): void;
  columns(): number;
  rows(): number;
  /** Unix seconds. */
  now(): number;
  /** Opens a backend for `.server URL` (a URL) or `.sample` (undefined). */
  openBackend(server: string | undefined): Promise<Backend>;
  completionTtlMs?: number;
}

/** Points a range query aims for when no `.step` is set. */
const AUTO_POINTS = 120;

export class Session {
  mode: 'instant' | 'range' = 'instant';
  rangeMs = 3600_000;
  /** undefined = automatic. */
  stepMs?: number;
  /** Evaluation time (unix s); undefined = the dataset's end, or now on a server. */
  atSec?: number;
  output: OutputFormat = 'table';
  /** Max rows / series shown; undefined = fitted to the screen (terminal) or all (piped). */
  limit?: number;
  /** Queries (and commands) that failed: piped mode exits 1 if any did. */
  failures = 0;
  source: CompletionSource;
  /** Grafana variables for pasted queries (`.var name=value`). */
  vars: Record<string, string[]> = {};
  /** Behind Grafana's $__interval and $__rate_interval: the sample's, and Grafana's default. */
  scrapeIntervalMs = 15_000;
  private running?: AbortController;
  /** Whether the REPL opened the current backend (`.server`/`.sample`) and so must close it. */
  ownsBackend = false;

  private constructor(
    public backend: Backend,
    public info: BackendInfo,
    readonly env: SessionEnv,
  ) {
    this.source = new CompletionSource(backend, { ttlMs: env.completionTtlMs });
  }

  static async open(backend: Backend, env: SessionEnv): Promise<Session> {
    return new Session(backend, await describe(backend, env), env);
  }

  /** Replaces the backend (closing the old one); completion data starts afresh. */
  async switchTo(backend: Backend): Promise<void> {
    let info: BackendInfo;
    try {
      info = await backend.info(AbortSignal.timeout(10_000));
    } catch (e) {
      // Unreachable: keep working with the backend we have.
      await backend.close?.().catch(() => undefined);
      throw e;
    }
    const old = this.backend;
    this.backend = backend;
    this.info = info;
    this.atSec = undefined;
    this.source = new CompletionSource(backend, { ttlMs: this.env.completionTtlMs });
    if (this.ownsBackend) await old.close?.().catch(() => undefined);
    this.ownsBackend = true;
  }

  evalTime(): number {
    return this.atSec ?? this.info.dataRange?.end ?? this.env.now();
  }

  /** Step in seconds: `.step`, else the range split into about AUTO_POINTS points. */
  stepSec(): number {
    if (this.stepMs !== undefined) return this.stepMs / 1000;
    return Math.max(1, Math.ceil(this.rangeMs / 1000 / AUTO_POINTS));
  }

  /** `sample@2026-01-15 12:00> `, `prod> `, `sample[1h]@2026-01-15 12:00> ` in range mode. */
  prompt(): string {
    const s = this.env.style;
    const range = this.mode === 'range' ? `[${humanDuration(this.rangeMs)}]` : '';
    // A live server without `.at` evaluates at "now": no time in the prompt.
    const live = this.atSec === undefined && !this.info.dataRange;
    const at = live ? '' : `@${formatTime(this.evalTime())}`;
    return `${s.info(this.info.name)}${range}${s.dim(at)}> `;
  }

  /** Cancels the running query; false when none runs. */
  cancel(): boolean {
    if (!this.running) return false;
    this.running.abort();
    return true;
  }

  get busy(): boolean {
    return this.running !== undefined;
  }

  /** Runs and renders one query; errors are shown, never thrown. Returns success. */
  async run(text: string): Promise<boolean> {
    const ac = new AbortController();
    this.running = ac;
    try {
      const grid = this.grid();
      const query = this.substituteGrafana(text, grid);
      const result = await this.execute(query, grid, ac.signal);
      this.env.out(await this.render(result, query, grid));
      if (!grid && isEmptyVector(result)) {
        // A server whose data ended before "now" (backfilled, stopped): where it ends, and the .at to use.
        const note = await serverDataNote(this.backend, query, { end: this.evalTime() }, ac.signal, REPL_TIME_ADVICE);
        if (note) this.env.err(this.env.style.dim(note) + '\n');
      }
      return true;
    } catch (e) {
      this.failures++;
      if (ac.signal.aborted) this.env.err(this.env.style.warn(t('repl.cancelled')) + '\n');
      else this.env.err(formatError(e, this.env.style) + '\n');
      return false;
    } finally {
      this.running = undefined;
    }
  }

  /** Grafana's variables replaced (src/promql/grafana.ts), with a note saying what was replaced. */
  substituteGrafana(text: string, grid?: ChartRange): string {
    const range = grid && { stepMs: grid.step * 1000, rangeMs: (grid.end - grid.start) * 1000 };
    const { query, substitutions } = substituteGrafana(text, { scrapeIntervalMs: this.scrapeIntervalMs, range, vars: this.vars });
    if (substitutions.length > 0)
      this.env.err(
        this.env.style.dim(
          describeSubstitutions(substitutions, this.scrapeIntervalMs).replace('--scrape-interval', '`repl --scrape-interval`'),
        ) + '\n',
      );
    return query;
  }

  /** The range query's grid, in range mode. */
  private grid(): ChartRange | undefined {
    if (this.mode !== 'range') return undefined;
    const end = this.evalTime();
    const step = this.stepSec();
    // The CLI's limit (Prometheus's): a huge range at a small .step would draw for minutes.
    const points = Math.floor(this.rangeMs / 1000 / step) + 1;
    if (points > MAX_RANGE_POINTS) {
      throw new UsageError(
        t('repl.tooManyPoints', { points, max: MAX_RANGE_POINTS }),
        t('repl.largerStep', { step: humanDuration(Math.ceil(this.rangeMs / 1000 / AUTO_POINTS) * 1000) }),
      );
    }
    return { start: end - this.rangeMs / 1000, end, step };
  }

  private execute(query: string, grid: ChartRange | undefined, signal: AbortSignal): Promise<QueryResult> {
    if (!grid) return this.backend.instantQuery(query, this.evalTime(), { signal });
    return this.backend.rangeQuery(query, grid.start, grid.end, grid.step, { signal });
  }

  private async render(result: QueryResult, query: string, range: ChartRange | undefined): Promise<string> {
    const empty = Array.isArray(result.data.result) && result.data.result.length === 0 && result.data.resultType !== 'scalar';
    // Metric names for "did you mean", only when nothing matched (it may cost a request).
    const knownMetrics = empty ? await this.source.metricNames().catch(() => undefined) : undefined;
    const text = renderResult(result, {
      format: this.output,
      style: this.env.style,
      columns: this.env.columns(),
      rows: this.env.rows(),
      // On a terminal the renderer fits the output to the screen and says what it left out.
      limit: this.limit ?? (this.env.terminal ? undefined : 0),
      query,
      knownMetrics,
      range,
      advice: REPL_ADVICE,
    });
    return text.endsWith('\n') || text === '' ? text : text + '\n';
  }
}

function isEmptyVector(r: QueryResult): boolean {
  return r.data.resultType === 'vector' && r.data.result.length === 0;
}

async function describe(backend: Backend, env: SessionEnv): Promise<BackendInfo> {
  try {
    return await backend.info(AbortSignal.timeout(5000));
  } catch (e) {
    // A server that is down now may be up by the first query: keep going.
    env.err(formatError(e, env.style) + '\n');
    return { name: 'server', description: t('repl.unreachable'), kind: 'remote' };
  }
}
