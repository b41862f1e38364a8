// Selector diagnosis: why a vector (or range) selector returns what it
// returns, matcher by matcher.
//
//   const d = await diagnoseSelector(backend, 'http_requests_total{instance="frontend-1"}', t);
//   d.steps      -> per matcher, how many series remain after it
//   d.culprit    -> when nothing is left: the matcher that removed the last
//                   series, the closest existing values, and hints
//   selectorDiagnosisLines(d) -> plain sentences for the CLI, REPL and tutorial
//
// Backend-agnostic on purpose: the candidate series are those the backend
// returns for the selector reduced to its first non-empty matcher, evaluated
// at the same time with the same offset/@ (so lookback and staleness are the
// backend's own); the remaining matchers are then applied here, one by one.
// Against a remote Prometheus this is one instant query plus, when nothing is
// left, a few label lookups.

import type { Backend } from '../backends/backend.js';
import { QueryError } from '../errors.js';
import type { Metric, QueryResult } from '../model/result.js';
import type { LabelMatcher, MatrixSelector, VectorSelector } from '../promql/ast.js';
import { parse, printExpr } from '../promql/index.js';
import { compileMatcherRegex, type MatcherRegex } from '../promql/regex.js';
import { goQuote } from '../promql/strings.js';
import { suggestMetrics } from '../render/empty.js';
import { matcherTest } from '../storage/store.js';
import { editDistance } from '../util/edit-distance.js';
import { t } from '../util/messages/index.js';

/** One matcher of the selector and what it did to the candidate series. */
export interface MatcherStep {
  matcher: LabelMatcher;
  /** The matcher as written in PromQL: `instance="frontend-1"`, `__name__="up"` for a metric name. */
  text: string;
  /** Series left after this matcher and all the ones before it. */
  remaining: number;
  /** Series this matcher removed (remaining before it minus remaining after it). */
  removed: number;
}

/** Why the selector returns nothing: the matcher that removed the last series. */
export interface SelectorCulprit {
  /** Index into `steps`. */
  step: number;
  matcher: LabelMatcher;
  /** How many series were left just before this matcher. */
  before: number;
  /** No series left before it has this label at all. */
  labelMissing: boolean;
  /** Label names of the series left before it, closest to the matcher's name first (when `labelMissing`). */
  closestLabels: string[];
  /** Distinct values of the matcher's label among the series left before it, closest to the matcher's value first (at most 5). */
  closestValues: string[];
  /** How many distinct values that label has among those series. */
  valueCount: number;
  /** Extra advice: "regexes match the whole value", case, `=` vs `=~`, values that exist only at other times. */
  hints: string[];
}

/** The whole diagnosis: plain data, JSON-serialisable. */
export interface SelectorDiagnosis {
  /** The selector in canonical form (as `fmt` prints it). */
  selector: string;
  /** Evaluation time, unix seconds. */
  time: number;
  /** The metric name, when the selector has one. */
  metric?: string;
  /**
   * The query that produced the candidate series: the selector reduced to its
   * first matcher that does not match the empty string (the metric name when
   * there is one), with the same range, offset and @.
   */
  candidatesQuery: string;
  /** Series the candidates query returned at `time`. */
  candidates: number;
  /** The matchers in the order they were applied (metric name first, then as written) with the series left after each. */
  steps: MatcherStep[];
  /** Series the whole selector returns at `time` (the last step's `remaining`). */
  matched: number;
  /** Set when `matched` is 0 because a matcher removed the last series. */
  culprit?: SelectorCulprit;
  /**
   * Set when the candidates query itself returned nothing: whether series
   * with that matcher exist at other times (`existsElsewhere`) and, for a
   * metric name, the closest known names.
   */
  noCandidates?: { existsElsewhere: boolean; closestMetrics: string[] };
}

export interface DiagnoseOptions {
  signal?: AbortSignal;
  /** Runs the instant query (explain passes its cache); default: backend.instantQuery. */
  run?: (query: string, time: number) => Promise<QueryResult>;
}

type AnySelector = VectorSelector | MatrixSelector;

/**
 * Diagnoses one selector at `time` (unix seconds). `selector` is PromQL text
 * (`up{job="api"}`, `x[5m]`) or a parsed VectorSelector / MatrixSelector node.
 * Throws a QueryError (bad_data) when the text is not a selector; backend
 * errors pass through.
 */
export async function diagnoseSelector(
  backend: Backend,
  selector: string | AnySelector,
  time: number,
  opts: DiagnoseOptions = {},
): Promise<SelectorDiagnosis> {
  const node = typeof selector === 'string' ? parseSelectorText(selector) : selector;
  const vs = node.type === 'MatrixSelector' ? node.vector : node;
  const ordered = orderMatchers(vs);
  const anchor = ordered[0]!;
  const candidatesQuery = printExpr(withMatchers(node, [anchor]));
  const result = await (opts.run ? opts.run(candidatesQuery, time) : backend.instantQuery(candidatesQuery, time, { signal: opts.signal }));
  const series = resultMetrics(result.data);

  const steps: MatcherStep[] = [];
  let left = series;
  let culprit: SelectorCulprit | undefined;
  for (const [i, m] of ordered.entries()) {
    const before = i === 0 ? undefined : left;
    if (i > 0) left = left.filter(matcherTest(m));
    steps.push({ matcher: m, text: matcherText(m), remaining: left.length, removed: before ? before.length - left.length : 0 });
    if (before && before.length > 0 && left.length === 0 && !culprit) {
      culprit = await findCulprit(backend, i, m, before, vs, opts.signal);
    }
  }
  const d: SelectorDiagnosis = {
    selector: printExpr(node),
    time,
    metric: vs.name,
    candidatesQuery,
    candidates: series.length,
    steps,
    matched: left.length,
    culprit,
  };
  if (series.length === 0) d.noCandidates = await whyNoCandidates(backend, anchor, opts.signal);
  return d;
}

function parseSelectorText(text: string): AnySelector {
  const e = parse(text, { durationExpressions: true });
  const inner = e.type === 'ParenExpr' ? e.expr : e;
  if (inner.type !== 'VectorSelector' && inner.type !== 'MatrixSelector') {
    throw new QueryError(t('explain.notASelector', { text: JSON.stringify(text) }), { errorType: 'bad_data' });
  }
  return inner;
}

/** Metric name first (that is how people read a selector), then the matchers as written; the anchor must not match "". */
function orderMatchers(vs: VectorSelector): LabelMatcher[] {
  const name = vs.matchers.filter((m) => m.name === '__name__' && m.op === '=' && m.value === vs.name);
  const rest = vs.matchers.filter((m) => !name.includes(m));
  const all = [...name, ...rest];
  const anchorAt = all.findIndex((m) => !matcherTest(m)({}));
  // The parser guarantees one non-empty matcher; keep the order otherwise.
  if (anchorAt > 0) all.unshift(...all.splice(anchorAt, 1));
  return all;
}

function withMatchers(node: AnySelector, matchers: LabelMatcher[]): AnySelector {
  const strip = (v: VectorSelector): VectorSelector => {
    const keepName = matchers.some((m) => m.name === '__name__' && m.op === '=' && m.value === v.name);
    return { ...v, name: keepName ? v.name : undefined, matchers };
  };
  return node.type === 'MatrixSelector' ? { ...node, vector: strip(node.vector) } : strip(node);
}

function resultMetrics(data: { resultType: string; result: unknown }): Metric[] {
  if (data.resultType !== 'vector' && data.resultType !== 'matrix') return [];
  return (data.result as Array<{ metric: Metric }>).map((s) => s.metric);
}

/** `job="api"`, `__name__=~"http_.*"`, as PromQL writes a matcher. */
export function matcherText(m: LabelMatcher): string {
  const name = /^[a-zA-Z_][a-zA-Z0-9_]*$/.test(m.name) ? m.name : goQuote(m.name);
  return `${name}${m.op}${goQuote(m.value)}`;
}

async function findCulprit(
  backend: Backend,
  step: number,
  m: LabelMatcher,
  before: Metric[],
  vs: VectorSelector,
  signal: AbortSignal | undefined,
): Promise<SelectorCulprit> {
  const values = [...new Set(before.map((s) => s[m.name]).filter((v): v is string => v !== undefined))];
  const labelMissing = values.length === 0;
  const labelNames = [...new Set(before.flatMap((s) => Object.keys(s)))].filter((n) => n !== '__name__').sort();
  const closestLabels = labelMissing
    ? [...labelNames].sort((a, b) => editDistance(m.name, a) - editDistance(m.name, b) || (a < b ? -1 : 1))
    : [];
  const closestValues = [...values].sort((a, b) => closeness(m.value, a) - closeness(m.value, b) || (a < b ? -1 : 1)).slice(0, 5);
  const hints = valueHints(m, values);
  if (!labelMissing && (m.op === '=' || m.op === '=~')) {
    const elsewhere = await existsAtOtherTimes(backend, vs, m, signal);
    if (elsewhere) hints.push(t('sel.staleElsewhere', { matcher: matcherText(m) }));
  }
  return { step, matcher: m, before: before.length, labelMissing, closestLabels, closestValues, valueCount: values.length, hints };
}

/** Edit distance, with prefix/substring relations counted as close ("frontend-1" vs "frontend-1:3000"). */
function closeness(wanted: string, value: string): number {
  if (value.startsWith(wanted) || wanted.startsWith(value)) return Math.min(1, editDistance(wanted, value));
  if (value.toLowerCase() === wanted.toLowerCase()) return 1;
  return editDistance(wanted, value);
}

function valueHints(m: LabelMatcher, values: string[]): string[] {
  const hints: string[] = [];
  if (values.length === 0) return hints;
  if (m.op === '=~') {
    const loose = unanchored(m.value);
    const partial = loose ? values.filter((v) => loose.test(v)) : [];
    if (partial.length > 0) {
      hints.push(
        t('sel.regexWhole', { value: goQuote(partial[0]!), re: goQuote(m.value), fix: `${m.name}=~${goQuote(`.*${m.value}.*`)}` }),
      );
    }
  }
  if (m.op === '=') {
    const prefixed = values.filter((v) => v.startsWith(m.value) && v !== m.value);
    if (prefixed.length > 0)
      hints.push(
        t('sel.comparedWhole', {
          label: m.name,
          value: goQuote(prefixed[0]!),
          wanted: goQuote(m.value),
          fix: `${m.name}=~${goQuote(`${m.value}.*`)}`,
        }),
      );
    if (/[.*+|()[\]]/.test(m.value) && safeCompile(m.value) && values.some((v) => safeCompile(m.value)!.test(v))) {
      hints.push(t('sel.looksLikeRegex', { value: goQuote(m.value), fix: `${m.name}=~${goQuote(m.value)}` }));
    }
  }
  if ((m.op === '=' || m.op === '=~') && values.some((v) => v.toLowerCase() === m.value.toLowerCase())) {
    hints.push(m.op === '=~' ? t('sel.caseSensitiveRegex') : t('sel.caseSensitive'));
  }
  return hints;
}

/** A test for "contains a match of pattern" (RE2, like the matcher itself). */
function unanchored(pattern: string): MatcherRegex | undefined {
  try {
    compileMatcherRegex(pattern);
    return compileMatcherRegex(`.*(?:${pattern}).*`);
  } catch {
    return undefined;
  }
}

function safeCompile(pattern: string): MatcherRegex | undefined {
  try {
    return compileMatcherRegex(pattern);
  } catch {
    return undefined;
  }
}

/** Whether series with the selector's name (if any) and this matcher exist in the data at all. */
async function existsAtOtherTimes(backend: Backend, vs: VectorSelector, m: LabelMatcher, signal?: AbortSignal): Promise<boolean> {
  const matchers = vs.name !== undefined ? [{ name: '__name__', op: '=' as const, value: vs.name }, m] : [m];
  try {
    const found = await backend.series({
      match: [printExpr({ ...vs, name: undefined, matchers, offsetMs: 0, offsetExpr: undefined, at: undefined })],
      limit: 1,
      signal,
    });
    return found.length > 0;
  } catch {
    return false;
  }
}

async function whyNoCandidates(backend: Backend, anchor: LabelMatcher, signal?: AbortSignal): Promise<SelectorDiagnosis['noCandidates']> {
  const sel = `{${matcherText(anchor)}}`;
  let existsElsewhere: boolean;
  try {
    existsElsewhere = (await backend.series({ match: [sel], limit: 1, signal })).length > 0;
  } catch {
    existsElsewhere = false;
  }
  let closestMetrics: string[] = [];
  if (!existsElsewhere && anchor.name === '__name__' && anchor.op === '=') {
    const known = await backend.labelValues('__name__', { signal }).catch(() => [] as string[]);
    closestMetrics = suggestMetrics(anchor.value, known);
  }
  return { existsElsewhere, closestMetrics };
}

const list = (xs: string[], n = 5): string => {
  const shown = xs.slice(0, n).map((x) => goQuote(x));
  return xs.length > n ? `${shown.join(', ')}, ...` : shown.join(', ');
};

/** One line: the series left after each matcher, e.g. `http_requests_total 75, job="api" 30, instance="x" 0`. */
export function selectorStepsLine(d: SelectorDiagnosis): string {
  return d.steps
    .map((s, i) =>
      i === 0 && s.matcher.name === '__name__' && s.matcher.op === '=' && s.matcher.value === d.metric
        ? `${d.metric} ${s.remaining}`
        : `${s.text} ${s.remaining}`,
    )
    .join(' → ');
}

/** Whether the diagnosis already says that regexes match the whole value (so the tutorial need not add it). */
export function hasWholeValueHint(d: SelectorDiagnosis): boolean {
  const lead = t('sel.regexWhole', { value: '', re: '', fix: '' }).split(':')[0]!;
  return (d.culprit?.hints ?? []).some((h) => h.startsWith(lead));
}

/** Whether a line of `selectorCulpritLines` is a hint (shown dimmer), in either language. */
export function isHintLine(line: string): boolean {
  return line.startsWith(t('sel.hintPrefix'));
}

/** Why nothing matched, in plain sentences (empty when series matched). */
export function selectorCulpritLines(d: SelectorDiagnosis): string[] {
  const lines: string[] = [];
  if (d.noCandidates) {
    const what = d.steps[0]!.text;
    if (d.noCandidates.existsElsewhere) lines.push(t('sel.noSampleNow', { what }));
    else if (d.metric !== undefined) {
      const dym = d.noCandidates.closestMetrics.length
        ? t('sel.didYouMean', { names: d.noCandidates.closestMetrics.map((x) => `\`${x}\``).join(t('sel.or')) })
        : '';
      lines.push(t('sel.noMetric', { metric: d.metric, dym }));
    } else lines.push(t('sel.noSeriesWith', { what }));
    return lines;
  }
  const c = d.culprit;
  if (!c) return lines;
  const m = c.matcher;
  if (c.labelMissing && (m.op === '=' || m.op === '=~')) {
    const dym =
      c.closestLabels.length && editDistance(m.name, c.closestLabels[0]!) <= 3
        ? t('sel.didYouMean', { names: `\`${c.closestLabels[0]}\`` })
        : '';
    lines.push(t('sel.labelMissing', { n: c.before, label: m.name, dym, labels: c.closestLabels.slice().sort().join(', ') }));
  } else if (m.op === '=' || m.op === '=~') {
    const all = c.valueCount > c.closestValues.length ? t('sel.inAll', { n: c.valueCount }) : '';
    lines.push(t('sel.valuesAre', { matcher: matcherText(m), label: m.name, values: list(c.closestValues), all }));
  } else {
    const how = m.op === '!=' ? `= ${goQuote(m.value)}` : t('sel.matching', { re: goQuote(m.value) });
    lines.push(t('sel.removedLast', { matcher: matcherText(m), n: c.before, label: m.name, how }));
  }
  for (const h of c.hints) lines.push(t('sel.hintPrefix') + h);
  return lines;
}

/**
 * Plain sentences (no colour, no trailing newline) saying what the diagnosis
 * found, for the CLI, the REPL and the tutorial's "no data" feedback: the
 * series left after each matcher (always with `verbose`, else only when
 * nothing matched), then why nothing matched.
 */
export function selectorDiagnosisLines(d: SelectorDiagnosis, verbose = false): string[] {
  const lines: string[] = [];
  if (!d.noCandidates && (verbose || d.culprit)) {
    for (const s of d.steps)
      lines.push(
        s === d.steps[0]
          ? t('sel.firstStep', { text: s.text, n: s.remaining })
          : t('sel.step', { text: s.text, n: s.remaining, removed: s.removed }),
      );
  }
  return [...lines, ...selectorCulpritLines(d)];
}
