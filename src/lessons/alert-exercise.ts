// Exercises judged on the alert timeline ("when does it fire?"): the learner
// writes an alerting rule as `EXPR for DURATION`; promlearn evaluates it and
// the reference as Prometheus would (every 30 s over the whole dataset, the
// pending/firing state machine of src/rules) and compares the firing
// episodes: which label sets fire, when they start, when they resolve.
//
//   ```alert-exercise
//   id: page-once
//   task: …
//   hint: …
//   answer: sum by (job) (…) > 0.004 for 5m
//   wrong: sum by (job) (…) > 0.004
//   feedback: …
//   ```

import type { Backend } from '../backends/backend.js';
import { PromlearnError } from '../errors.js';
import { parse } from '../promql/index.js';
import type { Metric } from '../model/result.js';
import { parseModelDuration, formatModelDuration } from '../rules/duration.js';
import { RuleEvaluator } from '../rules/evaluate.js';
import type { GroupDef } from '../rules/model.js';
import { backendQuerier, backendRangeQuerier } from '../rules/querier.js';
import { alertTimelines } from '../rules/report.js';
import { runTimeline } from '../rules/timeline.js';
import { labelsKey } from '../storage/store.js';
import type { AlertExerciseBlock, WrongAnswer } from './model.js';
import { zonedIso } from '../util/time.js';
import { t } from '../util/messages/index.js';

/** The parts of the lesson parser this block uses (src/lessons/parse.ts). */
interface FieldParser {
  fields(lines: string[], firstLine: number, known: readonly string[]): Array<{ key: string; value: string; line: number }>;
  single(fields: Array<{ key: string; value: string; line: number }>, key: string, blockLine: number): { value: string; line: number } | undefined;
  wrongAnswers(fields: Array<{ key: string; value: string; line: number }>): WrongAnswer[];
  problem(line: number, message: string): void;
}

export function parseAlertExercise(p: FieldParser, body: string[], line: number): AlertExerciseBlock {
  const fields = p.fields(body, line + 1, ['id', 'task', 'hint', 'answer', 'wrong', 'feedback']);
  const answer = p.single(fields, 'answer', line);
  const ex: AlertExerciseBlock = {
    kind: 'alert-exercise',
    line,
    id: p.single(fields, 'id', line)?.value ?? '',
    task: p.single(fields, 'task', line)?.value ?? '',
    hints: fields.filter((f) => f.key === 'hint').map((f) => f.value),
    answer: answer?.value ?? '',
    answerLine: answer?.line ?? line,
    wrong: p.wrongAnswers(fields),
  };
  for (const [text, at] of [[ex.answer, ex.answerLine], ...ex.wrong.map((w) => [w.query, w.line] as const)] as const) {
    try {
      splitRule(text);
    } catch (e) {
      p.problem(at, t('validate.alertProblem', { id: ex.id, message: (e as Error).message }));
    }
  }
  if (ex.hints.length === 0) p.problem(line, t('validate.noHint', { id: ex.id }));
  if (ex.wrong.length === 0) p.problem(line, t('validate.noWrong', { id: ex.id }));
  return ex;
}

/** `EXPR for 5m` -> expression and hold duration (ms); `for` is optional. */
export function splitRule(text: string): { expr: string; forMs: number } {
  const m = /^([\s\S]*?)\s+for\s+(\S+)\s*$/.exec(text.trim());
  const expr = (m ? m[1]! : text).trim();
  let forMs = 0;
  if (m) {
    try {
      forMs = parseModelDuration(m[2]!);
    } catch (e) {
      throw new Error(t('alert.writeAsFor', { message: (e as Error).message }));
    }
  }
  parse(expr);
  return { expr, forMs };
}

interface Firing {
  labels: Metric;
  startMs: number;
  endMs?: number;
}

const INTERVAL_MS = 30_000;

/** Evaluates one alerting rule over the backend's data range; the firing episodes, in time order. */
export async function firings(backend: Backend, text: string): Promise<Firing[]> {
  const { expr, forMs } = splitRule(text);
  const info = await backend.info();
  const range = info.dataRange ?? { start: Date.now() / 1000 - 6 * 3600, end: Date.now() / 1000 };
  const group: GroupDef = { name: 'exercise', file: 'exercise', intervalMs: INTERVAL_MS, limit: 0, labels: {}, pos: { line: 1, col: 1 }, rules: [] };
  group.rules.push({ kind: 'alerting', name: 'Exercise', expr, ast: parse(expr), forMs, keepFiringForMs: 0, labels: {}, annotations: {}, index: 1, pos: { line: 1, col: 1 }, exprPos: { line: 1, col: 1 } });
  const ev = new RuleEvaluator([group], backendQuerier(backend), { defaultIntervalMs: INTERVAL_MS });
  await runTimeline(ev, { startMs: range.start * 1000, endMs: range.end * 1000, range: backendRangeQuerier(backend) });
  if (ev.errors.length) throw new Error(ev.errors[0]!.message);
  const out: Firing[] = [];
  for (const tl of alertTimelines(ev.transitions)) {
    for (const e of tl.episodes) if (e.firingAtMs !== undefined) out.push({ labels: tl.labels, startMs: e.firingAtMs, endMs: e.endedAtMs });
  }
  return out.sort((a, b) => a.startMs - b.startMs);
}

const hhmm = (ms: number) => zonedIso(ms / 1000).slice(11, 19);
const labelsText = (l: Metric) => `{${Object.entries(l).filter(([k]) => k !== 'alertname').map(([k, v]) => `${k}="${v}"`).join(', ')}}`;

function describe(f: Firing[]): string {
  if (f.length === 0) return t('alert.neverFires');
  const first = t('alert.firstAt', { labels: labelsText(f[0]!.labels), time: hhmm(f[0]!.startMs) });
  if (f.length > 1) return t('alert.firesTimes', { n: f.length, first });
  return t('alert.firesOnce', { first, resolved: f[0]!.endMs ? t('alert.resolvedAt', { time: hhmm(f[0]!.endMs) }) : '' });
}

export interface AlertVerdict {
  correct: boolean;
  message: string;
}

/** Same firings (label sets, start and end times) as the reference? With feedback naming the first difference. */
export function compareFirings(ref: Firing[], got: Firing[]): AlertVerdict {
  const key = (f: Firing) => `${labelsKey(f.labels)}@${f.startMs}-${f.endMs ?? ''}`;
  if (ref.length === got.length && ref.every((f, i) => key(f) === key(got[i]!))) return { correct: true, message: t('alert.right', { what: describe(got) }) };
  let hint = '';
  if (got.length > ref.length) hint = t('alert.tooOften');
  else if (got.length === ref.length && got.length > 0 && got[0]!.startMs < ref[0]!.startMs) hint = t('alert.tooEarly', { by: formatModelDuration(ref[0]!.startMs - got[0]!.startMs) });
  else if (got.length === ref.length && got.length > 0 && got[0]!.startMs > ref[0]!.startMs) hint = t('alert.tooLate', { by: formatModelDuration(got[0]!.startMs - ref[0]!.startMs) });
  return { correct: false, message: t('alert.wrong', { got: describe(got), ref: describe(ref), hint }) };
}

/** Judges an answer; errors (bad PromQL, a failing evaluation) are feedback, not crashes. */
export async function judgeAlertExercise(backend: Backend, ex: AlertExerciseBlock, answer: string): Promise<AlertVerdict> {
  const ref = await firings(backend, ex.answer);
  let got: Firing[];
  try {
    got = await firings(backend, answer);
  } catch (e) {
    if (e instanceof PromlearnError || e instanceof Error) return { correct: false, message: e.message };
    throw e;
  }
  const wrong = ex.wrong.find((w) => w.query.replace(/\s+/g, '') === answer.replace(/\s+/g, ''));
  const v = compareFirings(ref, got);
  return wrong && !v.correct ? { correct: false, message: `${wrong.feedback} ${v.message}` } : v;
}

/** For the course validator: the reference fires and is right; every wrong answer is wrong. */
export async function checkAlertExercise(backend: Backend, ex: AlertExerciseBlock): Promise<Array<{ line: number; message: string }>> {
  const out: Array<{ line: number; message: string }> = [];
  const ref = await firings(backend, ex.answer);
  if (ref.length === 0) out.push({ line: ex.answerLine, message: t('validate.alertNeverFires', { id: ex.id }) });
  for (const w of ex.wrong) {
    const got = await firings(backend, w.query).catch(() => undefined);
    if (got && compareFirings(ref, got).correct) out.push({ line: w.line, message: t('validate.alertWrongFiresAsAnswer', { id: ex.id, query: w.query }) });
  }
  return out;
}

/** What the tutorial needs to run the exercise (src/lessons/tutorial.ts passes its own prompt and progress). */
export interface AlertExerciseRunner {
  backend: Backend;
  ask(message: string): Promise<string>;
  say(text: string): void;
  solved(): void;
  skipped(): void;
}

export async function runAlertExercise(r: AlertExerciseRunner, ex: AlertExerciseBlock): Promise<void> {
  r.say(t('alert.intro', { id: ex.id, task: ex.task }));
  let hintsShown = 0;
  for (;;) {
    const line = (await r.ask(t('alert.ask'))).trim();
    if (line === '') continue;
    if (line === '.hint')
      r.say(hintsShown < ex.hints.length ? t('exercise.hint', { n: hintsShown + 1, total: ex.hints.length, hint: ex.hints[hintsShown++]! }) : t('exercise.noMoreHints'));
    else if (line === '.skip' || line === '.answer') {
      if (line === '.answer') r.say(t('exercise.oneAnswer', { answer: ex.answer }));
      r.skipped();
      return;
    } else {
      const v = await judgeAlertExercise(r.backend, ex, line);
      r.say(v.correct ? v.message : t('exercise.notYet') + v.message);
      if (v.correct) {
        r.solved();
        return;
      }
    }
  }
}
