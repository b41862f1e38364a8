// The result-based judge: a learner's query is right when its results equal
// the reference's over the whole dataset (a range query at a fixed step) or at
// the exercise's chosen instants — never by comparing the query text.
// When wrong, the feedback names the difference; when the results equal those
// of a wrong answer the lesson lists, that answer's own feedback comes first.

import type { Backend } from '../backends/backend.js';
import { PromlearnError } from '../errors.js';
import { formatError } from '../render/error.js';
import { diffObservations } from './diff.js';
import type { ExerciseBlock, WrongAnswer } from './model.js';
import { observe, rangePlan, type Outcome, type Plan } from './observe.js';
import { parseRelative } from './time.js';

export interface Verdict {
  correct: boolean;
  /** What differs, most useful first; empty when correct. */
  messages: string[];
  /** The learner's query failed (parse error, type error, ...). */
  error?: PromlearnError;
  /** The listed wrong answer whose results the learner's equal. */
  matchedWrong?: WrongAnswer;
}

/** The reference query itself failed: a mistake in the lesson (or the engine), not the learner's. */
export class ReferenceQueryError extends PromlearnError {
  constructor(
    readonly query: string,
    readonly failure: PromlearnError,
  ) {
    super(`the expected query \`${query}\` failed: ${failure.message}`, failure.exitCode, failure.hint);
  }
}

/** The data's time range (unix s): the dataset's, or the last hour of a live server. */
export async function dataRange(backend: Backend): Promise<{ start: number; end: number }> {
  const info = await backend.info();
  if (info.dataRange) return info.dataRange;
  const end = Math.floor(Date.now() / 1000);
  return { start: end - 3600, end };
}

/** Where an exercise is judged: its `at:` instants, else the whole data range. */
export async function planFor(backend: Backend, exercise?: Pick<ExerciseBlock, 'at'>): Promise<Plan> {
  const range = await dataRange(backend);
  if (exercise?.at?.length) {
    return { kind: 'instant', times: exercise.at.map((s) => range.end + (parseRelative(s) ?? 0) / 1000) };
  }
  return rangePlan(range.start, range.end);
}

/** Runs and compares queries over one plan, remembering each query's results. */
export class Judge {
  private readonly cache = new Map<string, Promise<Outcome>>();
  constructor(
    readonly backend: Backend,
    readonly plan: Plan,
  ) {}

  outcome(query: string): Promise<Outcome> {
    const key = query.trim();
    let o = this.cache.get(key);
    if (!o) this.cache.set(key, (o = observe(this.backend, key, this.plan)));
    return o;
  }

  /** Whether `actual` gives the same results as `expected`; throws ReferenceQueryError if `expected` fails. */
  async compare(expected: string, actual: string): Promise<Verdict> {
    const exp = await this.outcome(expected);
    if (!exp.ok) throw new ReferenceQueryError(expected, exp.error);
    const act = await this.outcome(actual);
    if (!act.ok) return { correct: false, messages: [formatError(act.error)], error: act.error };
    const messages = diffObservations(exp.obs, act.obs);
    return { correct: messages.length === 0, messages };
  }

  /** Judges a learner's answer to an exercise, preferring a listed wrong answer's feedback. */
  async judge(exercise: ExerciseBlock, answer: string): Promise<Verdict> {
    const verdict = await this.compare(exercise.answer, answer);
    if (verdict.correct || verdict.error) return verdict;
    const wrong = await this.matchWrong(exercise, answer);
    if (wrong) return { ...verdict, matchedWrong: wrong, messages: [wrong.feedback, ...verdict.messages] };
    return verdict;
  }

  private async matchWrong(exercise: ExerciseBlock, answer: string): Promise<WrongAnswer | undefined> {
    const text = normalize(answer);
    const byText = exercise.wrong.find((w) => normalize(w.query) === text);
    if (byText) return byText;
    const act = await this.outcome(answer);
    if (!act.ok) return undefined;
    for (const w of exercise.wrong) {
      const o = await this.outcome(w.query);
      if (o.ok && diffObservations(o.obs, act.obs).length === 0) return w;
    }
    return undefined;
  }
}

function normalize(q: string): string {
  return q.replace(/\s+/g, '');
}

/** A short verdict for people: "Right!" or the differences, one per line. */
export function formatVerdict(v: Verdict): string {
  if (v.correct) return 'Right: your results match the expected ones.';
  return v.messages.join('\n');
}
