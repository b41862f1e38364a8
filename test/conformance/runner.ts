// Runs one PromQL test script against an engine and judges every eval as
// Prometheus's Go runner does (FORMAT.md §5–§10, §13): fail expectations,
// then annotations, then the result; plus, for instant evals, the `@` re-runs
// and the range-mode check.

import type { EngineResult, EngineSample, EngineValue } from '../../src/engine/result.js';
import type { Expr } from '../../src/promql/ast.js';
import { isUserError } from '../../src/errors.js';
import { atRerunTimes, pinToTime } from './ast-walk.js';
import { type EngineBinding, type EngineOptions, type QueryEngine, suiteEngineOptions } from './binding.js';
import { Judge, matrixSortError } from './compare.js';
import { goRegex } from './goregex.js';
import { type AnnotationExpectation, type Dialect, type EvalCmd, parseScript } from './script.js';
import { ScriptState } from './state.js';

type CaseStatus = 'pass' | 'fail' | 'skip';

interface CaseResult {
  file: string;
  line: number;
  expr: string;
  status: CaseStatus;
  /** Skip reason or failure message. */
  reason?: string;
}

export interface FileResult {
  file: string;
  passed: number;
  failed: number;
  skipped: number;
  cases: CaseResult[];
}

export interface RunnerOptions {
  dialect?: Dialect;
  /** The `@` re-runs of §10.1 (on by default; off helps debugging). */
  atReruns?: boolean;
  /** The range-mode check of §10.2 (on by default). */
  rangeCheck?: boolean;
  engineOptions?: EngineOptions;
}

interface Run {
  query: string | Expr;
  timeMs: number;
  label: string;
}

const JS_ERRORS = new Set(['Error', 'TypeError', 'RangeError', 'ReferenceError', 'SyntaxError', 'EvalError', 'URIError', 'AggregateError']);

/** A thrown value that is a query error (the engine's answer), not an engine crash. */
function isQueryFailure(e: unknown): e is Error {
  return isUserError(e) || (e instanceof Error && !JS_ERRORS.has(e.constructor.name));
}

export class ScriptRunner {
  private readonly dialect: Dialect;
  private readonly opts: Required<Omit<RunnerOptions, 'dialect'>>;
  private readonly state = new ScriptState();
  private engine?: QueryEngine;

  constructor(
    private readonly binding: EngineBinding,
    opts: RunnerOptions = {},
  ) {
    this.dialect = opts.dialect ?? 'v3';
    this.opts = {
      atReruns: opts.atReruns ?? true,
      rangeCheck: opts.rangeCheck ?? true,
      engineOptions: opts.engineOptions ?? suiteEngineOptions(this.dialect),
    };
  }

  run(file: string, text: string): FileResult {
    const res: FileResult = { file, passed: 0, failed: 0, skipped: 0, cases: [] };
    const add = (c: Omit<CaseResult, 'file'>) => {
      res.cases.push({ file, ...c });
      if (c.status === 'pass') res.passed++;
      else if (c.status === 'fail') res.failed++;
      else res.skipped++;
    };
    const script = parseScript(text, this.dialect);
    if (script.fatal) {
      add({ line: script.fatal.line, expr: '', status: 'fail', reason: `file rejected: ${script.fatal.message}` });
      return res;
    }
    this.state.clear();
    this.engine = undefined;
    let loadError: string | undefined;
    for (const cmd of script.commands) {
      if (cmd.kind === 'clear') {
        this.state.clear();
        this.engine = undefined;
      } else if (cmd.kind === 'load') {
        if (loadError) continue;
        try {
          this.state.load(cmd);
          this.engine = undefined;
        } catch (e) {
          loadError = `load at line ${cmd.line} failed: ${(e as Error).message}`;
        }
      } else if (loadError) {
        add({ line: cmd.line, expr: cmd.expr, status: 'fail', reason: loadError });
      } else {
        add({ line: cmd.line, expr: cmd.expr, ...this.runEval(cmd) });
      }
    }
    return res;
  }

  private getEngine(): QueryEngine {
    this.engine ??= this.binding.create(this.state.store, this.opts.engineOptions);
    return this.engine;
  }

  private runEval(cmd: EvalCmd): { status: CaseStatus; reason?: string } {
    if (cmd.error) return { status: 'fail', reason: `parse error in test: ${cmd.error}` };
    let ast: Expr;
    try {
      ast = this.binding.parse(cmd.expr);
    } catch (e) {
      return { status: 'fail', reason: `expression does not parse: ${(e as Error).message}` };
    }
    const skip = this.state.skipReason(ast, this.binding.supportsStartTimestamps);
    if (skip) return { status: 'skip', reason: skip };
    let err: string | undefined;
    try {
      err = cmd.range ? this.runRange(cmd) : this.runInstantAll(cmd, ast);
    } catch (e) {
      err = `runner error: ${(e as Error).stack ?? e}`;
    }
    return err ? { status: 'fail', reason: err } : { status: 'pass' };
  }

  private runRange(cmd: EvalCmd): string | undefined {
    const r = cmd.range!;
    const judge = new Judge(cmd, this.dialect);
    const out = this.exec(cmd, () => this.getEngine().rangeQuery(cmd.expr, r.startMs, r.endMs, r.stepMs));
    if (typeof out === 'string' || out === undefined) return out;
    return this.checkAnnotations(cmd, out) ?? judge.compare(out.value);
  }

  private runInstantAll(cmd: EvalCmd, ast: Expr): string | undefined {
    const runs: Run[] = [{ query: cmd.expr, timeMs: cmd.timeMs, label: '' }];
    const pinned = this.opts.atReruns ? pinToTime(ast, cmd.timeMs) : undefined;
    if (pinned) {
      for (const t of atRerunTimes(cmd.timeMs)) runs.push({ query: pinned, timeMs: t, label: `[@ ${cmd.timeMs} run at ${t}] ` });
    }
    for (const run of runs) {
      const err = this.runInstant(cmd, run);
      if (err) return run.label + err;
    }
    return undefined;
  }

  /**
   * Run a query under the fail expectation: a string is a verdict (failure
   * text), undefined a correct expected failure, a result goes on to be judged.
   */
  private exec(cmd: EvalCmd, q: () => EngineResult): EngineResult | string | undefined {
    let res: EngineResult;
    try {
      res = q();
    } catch (e) {
      if (!isQueryFailure(e)) return `engine crashed: ${(e as Error)?.stack ?? e}`;
      if (!cmd.fail) return `error evaluating query: ${e.message}`;
      return this.checkFailMessage(cmd, e.message);
    }
    if (cmd.fail) return 'expected error evaluating query but got none';
    return res;
  }

  private checkFailMessage(cmd: EvalCmd, msg: string): string | undefined {
    if (cmd.failMsg !== undefined && cmd.failMsg !== msg)
      return `expected error ${JSON.stringify(cmd.failMsg)} but got ${JSON.stringify(msg)}`;
    if (cmd.failRegex !== undefined && !goRegex(cmd.failRegex).test(msg))
      return `expected error matching /${cmd.failRegex}/ but got ${JSON.stringify(msg)}`;
    return undefined;
  }

  private runInstant(cmd: EvalCmd, run: Run): string | undefined {
    const judge = new Judge(cmd, this.dialect);
    const out = this.exec(cmd, () => this.getEngine().instantQuery(run.query, run.timeMs));
    if (typeof out === 'string' || out === undefined) return out;
    const err = this.checkAnnotations(cmd, out) ?? judge.compare(out.value);
    if (err) return err;
    return this.rangeModeCheck(cmd, run, out.value, judge);
  }

  /** §10.2: the same expression as a range query around T must give the same answer at T. */
  private rangeModeCheck(cmd: EvalCmd, run: Run, instant: EngineValue, judge: Judge): string | undefined {
    if (!this.opts.rangeCheck) return undefined;
    if (this.dialect === 'v3') {
      if (cmd.expectString !== undefined || cmd.rangeVector) return undefined;
      if (['start()', 'end()', 'range()', 'step()'].some((f) => cmd.expr.includes(f))) return undefined;
    }
    const t = run.timeMs;
    let res: EngineResult;
    try {
      res = this.getEngine().rangeQuery(run.query, t - 60_000, t + 60_000, 60_000);
    } catch (e) {
      return `error evaluating query in range mode: ${(e as Error).message}`;
    }
    if (cmd.ordered) return undefined;
    if (res.value.type !== 'matrix') return `range mode: expected a matrix, got ${res.value.type}`;
    const unsorted = matrixSortError(res.value.series);
    if (unsorted) return `range mode: ${unsorted}`;
    const vec: EngineSample[] = [];
    for (const s of res.value.series) {
      for (let i = 0; i < s.t.length; i++) {
        if (s.t[i] === t) {
          vec.push({ metric: s.metric, t, v: s.v[i], h: s.h?.[i] });
          break;
        }
      }
    }
    let err: string | undefined;
    if (instant.type === 'scalar') {
      err = vec.length === 0 ? 'no point at T in range mode for a scalar result' : judge.compare({ type: 'scalar', t, v: vec[0].v });
    } else err = judge.compareVector(vec);
    return err ? `in range mode: ${err}` : undefined;
  }

  private checkAnnotations(cmd: EvalCmd, res: EngineResult): string | undefined {
    if (this.dialect === 'v2') return undefined;
    const warnings = new Set<string>();
    const infos = new Set<string>();
    for (const a of res.annotations) (a.kind === 'warning' ? warnings : infos).add(this.binding.formatAnnotation(a, cmd.expr));
    if (cmd.anyWarn && warnings.size === 0) return 'expected warnings but got none';
    if (cmd.anyInfo && infos.size === 0) return 'expected info annotations but got none';
    return (
      validateAnnotations(cmd.warn, cmd.noWarn, [...warnings], 'warn') ?? validateAnnotations(cmd.info, cmd.noInfo, [...infos], 'info')
    );
  }
}

function validateAnnotations(exps: AnnotationExpectation[], none: boolean, actual: string[], kind: string): string | undefined {
  if (none && actual.length > 0) return `unexpected ${kind} annotations: ${actual.join('; ')}`;
  if (exps.length === 0) return undefined;
  if (actual.length === 0) return `expected ${kind} annotations but none were found`;
  const matches = (e: AnnotationExpectation, a: string) =>
    e.msg !== undefined ? a === e.msg : e.regex !== undefined ? goRegex(e.regex).test(a) : true;
  for (const e of exps) {
    if (!actual.some((a) => matches(e, a)))
      return `expected ${kind} annotation ${e.msg !== undefined ? `msg: ${e.msg}` : `regex: ${e.regex}`} but got: ${actual.join('; ')}`;
  }
  for (const a of actual) if (!exps.some((e) => matches(e, a))) return `unexpected ${kind} annotation ${a}`;
  return undefined;
}
