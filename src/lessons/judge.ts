// The result-based judge: a learner's query is right when its results equal
// the reference's over the whole dataset (a range query at a fixed step) or at
// the exercise's chosen instants — never by comparing the query text.
//
// On the sample dataset every exercise is judged in two worlds: the sample and
// a variant with the incidents moved elsewhere (./worlds.ts), so an answer that
// hard-codes the culprit is wrong. When wrong, the feedback names the most
// informative difference; a listed wrong answer's own feedback comes first
// when the learner's results equal it (on a non-empty result, or the same error).

import { t } from '../util/messages/index.js';
import type { Backend } from '../backends/backend.js';
import { PromlearnError } from '../errors.js';
import { formatError } from '../render/error.js';
import { diffObservations, dropConstantLabels, isEmpty, type DiffContext } from './diff.js';
import type { ExerciseBlock, WrongAnswer } from './model.js';
import { diagnoseNoData, type NoDataDiagnosis } from './nodata.js';
import { observe, pointTime, rangePlan, type Observation, type Outcome, type Plan } from './observe.js';
import { canonicalQuery, longestWindowSeconds, shapeHints } from './query-shape.js';
import { parseRelative } from './time.js';
import { metricUseProblem } from './metric-use.js';

export interface Verdict {
  correct: boolean;
  /** What differs, most useful first; empty when correct. */
  messages: string[];
  /** Said even when right (e.g. a constant label kept). */
  notes?: string[];
  /** The learner's query failed (parse error, type error, ...). */
  error?: PromlearnError;
  /** The listed wrong answer whose results the learner's equal. */
  matchedWrong?: WrongAnswer;
  /** Right on the sample, wrong in the variant world: the answer depends on where the incident is. */
  notGeneral?: boolean;
}

/** The reference query itself failed: a mistake in the lesson (or the engine), not the learner's. */
export class ReferenceQueryError extends PromlearnError {
  constructor(
    readonly query: string,
    readonly failure: PromlearnError,
  ) {
    super(t('judge.referenceFailed', { query, message: failure.message }), failure.exitCode, failure.hint);
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

/** One place answers are evaluated: a backend and where in its time range. */
export interface World {
  backend: Backend;
  plan: Plan;
}


/** Runs and compares queries in one or two worlds, remembering each query's results. */
export class Judge {
  private readonly caches = new Map<World, Map<string, Promise<Outcome>>>();
  readonly main: World;

  constructor(
    readonly backend: Backend,
    readonly plan: Plan,
    /** The variant world (incidents moved), when judging on the sample. */
    readonly variant?: World,
    private readonly diagnose: NoDataDiagnosis = diagnoseNoData,
  ) {
    this.main = { backend, plan };
  }

  outcome(query: string, world: World = this.main): Promise<Outcome> {
    let cache = this.caches.get(world);
    if (!cache) this.caches.set(world, (cache = new Map()));
    const key = query.trim();
    let o = cache.get(key);
    if (!o) cache.set(key, (o = observe(world.backend, key, world.plan)));
    return o;
  }

  /** Whether `actual` gives the same results as `expected` (in the main world); throws ReferenceQueryError if `expected` fails. */
  async compare(expected: string, actual: string, world: World = this.main): Promise<Verdict> {
    const exp = await this.outcome(expected, world);
    if (!exp.ok) throw new ReferenceQueryError(expected, exp.error);
    const act = await this.outcome(actual, world);
    if (!act.ok) return { correct: false, messages: [formatError(act.error)], error: act.error };
    const ctx: DiffContext = { actualQuery: actual, warmupEnd: warmupEnd(world.plan, expected, actual) };
    const messages = diffObservations(exp.obs, act.obs, ctx);
    if (messages.length === 0) return { correct: true, messages };
    // Labels the same on every series of the answer (job="api" after sum by (job)) may be kept.
    const relaxed = dropConstantLabels(exp.obs, act.obs);
    if (relaxed && diffObservations(exp.obs, relaxed.obs, ctx).length === 0) {
      const kept = relaxed.dropped.map((l) => `\`${l}\``).join(', ');
      return { correct: true, messages: [], notes: [t('judge.keptConstant', { labels: kept })] };
    }
    return { correct: false, messages: [...messages, ...shapeHints(expected, actual), ...engineNotes(exp.obs, act.obs)] };
  }

  /** Judges a learner's answer to an exercise in every world, preferring a listed wrong answer's feedback. */
  async judge(exercise: ExerciseBlock, answer: string): Promise<Verdict> {
    const verdict = await this.compare(exercise.answer, answer);
    if (verdict.correct && this.variant) {
      const v = await this.compare(exercise.answer, answer, this.variant);
      if (!v.correct) {
        const wrong = await this.matchWrong(exercise, answer);
        return { correct: false, notGeneral: true, matchedWrong: wrong, messages: wrong ? [wrong.feedback, t('judge.notGeneral')] : [t('judge.notGeneral')] };
      }
    }
    if (verdict.correct) {
      // Right numbers in the form the task asks (uses:/avoids:), or a listed wrong answer's feedback, or the form's.
      const form = metricUseProblem(exercise, answer);
      if (!form) return verdict;
      const wrong = await this.matchWrong(exercise, answer);
      return { correct: false, matchedWrong: wrong, messages: wrong ? [wrong.feedback, form] : [form] };
    }
    const wrong = await this.matchWrong(exercise, answer, verdict.error);
    let messages = verdict.error ? verdict.messages : await this.explainEmpty(exercise.answer, answer, verdict.messages);
    if (!wrong) return { ...verdict, messages };
    // The lesson's own feedback says it better than a guess from the query text.
    const guesses = new Set(shapeHints(exercise.answer, answer));
    messages = messages.filter((m) => !guesses.has(m));
    return { ...verdict, matchedWrong: wrong, messages: [wrong.feedback, ...messages] };
  }

  /** For an empty answer, which matcher removed the last series (and what exists) replaces the generic message. */
  private async explainEmpty(expected: string, actual: string, messages: string[]): Promise<string[]> {
    const [exp, act] = [await this.outcome(expected), await this.outcome(actual)];
    if (!exp.ok || !act.ok || !isEmpty(act.obs) || isEmpty(exp.obs)) return messages;
    const found = await this.diagnose(this.backend, actual, lastPointTime(exp.obs) ?? (await dataRange(this.backend)).end).catch(() => [] as string[]);
    return found.length > 0 ? [t('judge.noData'), ...found, ...messages.slice(1)] : messages;
  }

  /**
   * The listed wrong answer the learner gave: the same text (after formatting),
   * or the same results in every world with data in at least one of them, or
   * the same error. An empty result matches nothing: a typo is not "> 1 never fires".
   */
  async matchWrong(exercise: ExerciseBlock, answer: string, error?: PromlearnError): Promise<WrongAnswer | undefined> {
    const text = canonicalQuery(answer);
    const byText = exercise.wrong.find((w) => canonicalQuery(w.query) === text);
    if (byText) return byText;
    return this.matchWrongByResults(exercise.wrong, answer, error);
  }

  /** The first of `wrong` whose results (or error) equal the answer's; see matchWrong. */
  async matchWrongByResults(wrong: WrongAnswer[], answer: string, error?: PromlearnError): Promise<WrongAnswer | undefined> {
    if (error) {
      for (const w of wrong) {
        const o = await this.outcome(w.query);
        if (!o.ok && o.error.message === error.message) return w;
      }
      return undefined;
    }
    const worlds = this.variant ? [this.main, this.variant] : [this.main];
    for (const w of wrong) {
      let same = true;
      let data = false;
      for (const world of worlds) {
        const [o, a] = [await this.outcome(w.query, world), await this.outcome(answer, world)];
        if (!o.ok || !a.ok || diffObservations(o.obs, a.obs).length > 0) {
          same = false;
          break;
        }
        data ||= !isEmpty(o.obs);
      }
      if (same && data) return w;
    }
    return undefined;
  }
}

/** The end of the longest window's warm-up at the start of a range plan (differences there matter least). */
function warmupEnd(plan: Plan, expected: string, actual: string): number | undefined {
  if (plan.kind !== 'range') return undefined;
  return plan.start + Math.max(longestWindowSeconds(expected), longestWindowSeconds(actual));
}

/** The latest evaluation time at which `obs` has a point (where the expected answer shows something to find). */
function lastPointTime(obs: Observation): number | undefined {
  let last: number | undefined;
  for (const s of obs.series.values()) for (const k of s.points.keys()) last = Math.max(last ?? -Infinity, pointTime(k));
  return last;
}

/** The engine's warnings and infos about the learner's query that the reference does not get. */
function engineNotes(exp: Observation, act: Observation): string[] {
  return act.notes.filter((n) => !exp.notes.includes(n)).map((note) => t('judge.engineSays', { note }));
}

/** A short verdict for people: "Right!" or the differences, one per line. */
export function formatVerdict(v: Verdict): string {
  if (v.correct) return [t('judge.right'), ...(v.notes ?? [])].join('\n');
  return v.messages.join('\n');
}
