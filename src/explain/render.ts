// The explanation as text for a terminal: an indented tree, one block per
// node (head, type and size; the sentence; the result; annotations;
// diagnoses), every line fitted to the width; then the walk-throughs.
//
//   sum by (job)                                        instant vector, 4 series
//   │ adds up the input series that share the same `job`, one output series per job
//   │ 4 series; job varies
//   │   {job="api"}   12.3/s
//   └─ rate()                                           instant vector, 75 series

import { parseSampleValue, type Metric } from '../model/result.js';
import { documentedType, type ValueType } from '../promql/ast.js';
import { formatNumber, hasHumanColumn, humanize } from '../render/format.js';
import { countAndSum } from '../render/histogram.js';
import type { HistogramJSON } from '../model/histogram.js';
import { formatTimestamp } from '../util/time.js';
import { inferQueryUnit } from '../render/query-text.js';
import { PLAIN, type Style } from '../util/style.js';
import { formatLabels, formatSeries, padEnd, padStart, sliceColumns, truncate, visibleWidth } from '../render/text.js';
import { rowUnit } from '../render/vector.js';
import type { AggregationDiagnosis, BinaryDiagnosis, ExplainNode, Explanation, ResultSummary, Walkthrough } from './model.js';
import { isHintLine, selectorCulpritLines, selectorStepsLine } from './selectors.js';
import { noValueLine, verdictLines } from './walkthrough.js';
import { currentLang, t as msg, type MessageKey } from '../util/messages/index.js';
import { annotationHint } from '../promql/annotation-hints.js';

export interface ExplainRenderOptions {
  /** Terminal width (80 when unknown or piped). */
  columns: number;
  style?: Style;
  /** Leave out the header (query, time, method): the tutorial shows its own. */
  bare?: boolean;
}

/** Narrowest text column we wrap to, however deep the tree. */
const MIN_TEXT = 32;

interface Line {
  text: string;
  paint?: (s: string) => string;
  /** Already fitted to the width (series previews): cut, never wrapped. */
  fitted?: boolean;
}

export function renderExplanation(x: Explanation, opts: ExplainRenderOptions): string {
  const style = opts.style ?? PLAIN;
  const width = Math.max(40, opts.columns);
  const out: string[] = [];
  if (!opts.bare) {
    out.push(...wrapText(x.query, width).map((l) => style.bold(l)));
    out.push(...wrapText(msg('explain.header', { time: formatTimestamp(x.time), method: x.method }), width).map((l) => style.dim(l)));
    out.push('');
  }
  renderNode(x.root, '', '', true, width, style, out);
  for (const w of x.walkthroughs) out.push('', ...renderWalkthrough(w, width, style));
  return out.join('\n') + '\n';
}

/** Head on the left, type and size on the right when both fit. */
function headLine(n: ExplainNode, lead: string, contLead: string, width: number, style: Style): string[] {
  const role = n.role ? `${roleText(n.role)}: ` : '';
  const right = style.dim(sizeText(n));
  const gap = width - visibleWidth(lead) - visibleWidth(role + n.head) - visibleWidth(right);
  if (gap >= 2) return [lead + style.dim(role) + style.name(n.head) + ' '.repeat(gap) + right];
  const headLines = wrapText(role + n.head, Math.max(MIN_TEXT, width - visibleWidth(lead))).map(
    (l, i) => (i === 0 ? lead : style.dim(contLead)) + style.name(l),
  );
  return [...headLines, style.dim(contLead) + right];
}

/** A child's role (data: left, right, parameter) in the learner's language. */
function roleText(role: string): string {
  return role === 'left'
    ? msg('explain.bin.left')
    : role === 'right'
      ? msg('explain.bin.right')
      : role === 'parameter'
        ? msg('explain.role.parameter')
        : role;
}

/** The node's type as the PromQL docs name it, in the learner's language. */
function typeText(type: ValueType): string {
  const key = TYPE_WORDS[type];
  return key ? msg(key as 'explain.type.vector') : documentedType(type);
}

const TYPE_WORDS: Partial<Record<ValueType, MessageKey>> = {
  vector: 'explain.type.vector',
  matrix: 'explain.type.matrix',
  scalar: 'explain.type.scalar',
  string: 'explain.type.string',
};

function sizeText(n: ExplainNode): string {
  const t = typeText(n.type);
  if (n.error) return msg('explain.size.error', { type: t });
  const r = n.result;
  if (!r) return t;
  if (r.resultType === 'scalar' || r.resultType === 'string') return t;
  return r.resultType === 'matrix'
    ? msg('explain.size.matrix', { type: t, n: r.seriesCount, samples: r.sampleCount ?? 0 })
    : msg('explain.size.series', { type: t, n: r.seriesCount });
}

function renderNode(n: ExplainNode, lead: string, childLead: string, isRoot: boolean, width: number, style: Style, out: string[]): void {
  const bar = n.children.length > 0 ? '│ ' : '  ';
  const bodyLead = childLead + bar;
  out.push(...headLine(n, lead, bodyLead, width, style));
  const textWidth = Math.max(MIN_TEXT, width - visibleWidth(bodyLead));
  for (const line of nodeBody(n, textWidth, style, isRoot)) {
    const wrapped = line.fitted ? [truncate(line.text, textWidth)] : wrapKeepingIndent(line.text, textWidth);
    for (const w of wrapped) out.push(style.dim(bodyLead) + (line.paint ? line.paint(w) : w));
  }
  n.children.forEach((c, i) => {
    const last = i === n.children.length - 1;
    renderNode(c, childLead + (last ? '└─ ' : '├─ '), childLead + (last ? '   ' : '│  '), false, width, style, out);
  });
}

function nodeBody(n: ExplainNode, width: number, style: Style, isRoot: boolean): Line[] {
  const lines: Line[] = [{ text: n.sentence }];
  if (n.evaluation.note) lines.push({ text: n.evaluation.note, paint: style.dim });
  if (n.error) {
    const message = n.error.message;
    lines.push({
      text: n.error.inherited ? msg('explain.errorBelow', { message }) : msg('explain.error', { message }),
      paint: style.error,
    });
    if (n.error.hint && !n.error.inherited) lines.push({ text: msg('explain.hint', { hint: n.error.hint }), paint: style.dim });
  }
  if (n.result)
    lines.push(
      ...resultLines(n, n.result, width, style, isRoot ? PREVIEW_ROOT : n.result.resultType === 'matrix' ? PREVIEW_MATRIX : PREVIEW_NODE),
    );
  for (const w of n.warnings) lines.push({ text: msg('explain.warning', { text: w }), paint: style.warn }, ...meaning(w, style));
  for (const i of n.infos) lines.push({ text: msg('explain.info', { text: i }), paint: style.info }, ...meaning(i, style));
  if (n.selector) {
    lines.push({ text: msg('explain.matcherSteps', { steps: selectorStepsLine(n.selector) }), paint: style.dim });
    for (const l of selectorCulpritLines(n.selector)) lines.push({ text: l, paint: isHintLine(l) ? style.dim : style.warn });
  }
  if (n.binary) lines.push(...binaryLines(n.binary, style));
  if (n.aggregation) lines.push(...aggregationLines(n.aggregation));
  return lines;
}

/** Beside Prometheus's English annotation, what it means, when the learner reads another language. */
function meaning(annotation: string, style: Style): Line[] {
  const hint = currentLang() !== 'en' ? annotationHint(annotation) : undefined;
  return hint ? [{ text: msg('annotation.meaning', { text: hint }), paint: style.dim }] : [];
}

function valueText(metric: Metric, raw: string, query: string): string {
  const unit = rowUnit(metric, inferQueryUnit(query));
  const v = parseSampleValue(raw);
  const h = humanize(v, unit);
  return formatNumber(v, 5) + (unit === 'per-second' ? '/s' : '') + (h && hasHumanColumn(unit) ? ` (${h})` : '');
}

/** A native histogram in a preview line: its count and sum (the buckets are the table's job). */
function histogramText(h: HistogramJSON): string {
  const { count, sum } = countAndSum(h, 4);
  return `histogram: count ${count}, sum ${sum}`;
}

const short = (raw: string): string => formatNumber(parseSampleValue(raw), 5);

function seriesLabel(metric: Metric, r: ResultSummary): string {
  if (r.seriesCount === 1) return formatSeries(metric) || '{}';
  const keys = r.varyingLabels.filter((k) => k !== '__name__' && metric[k] !== undefined);
  const name = r.varyingLabels.includes('__name__') ? (metric.__name__ ?? '') : '';
  return name + formatLabels(metric, keys);
}

/** Series shown per node: more at the root (the answer), fewer below. */
const PREVIEW_ROOT = 5;
const PREVIEW_NODE = 3;
const PREVIEW_MATRIX = 2;

function resultLines(n: ExplainNode, r: ResultSummary, width: number, style: Style, shown: number): Line[] {
  const q = n.evaluation.query;
  if (r.resultType === 'scalar') {
    return n.evaluation.literal ? [] : [{ text: `= ${valueText({}, r.value ?? 'NaN', q)}`, paint: style.value }];
  }
  if (r.resultType === 'string') return n.evaluation.literal ? [] : [{ text: `= ${JSON.stringify(r.value)}` }];
  if (r.seriesCount === 0) return [{ text: msg('explain.noSeries'), paint: style.warn }];
  const lines: Line[] = [];
  const commonKeys = Object.keys(r.commonLabels);
  const common =
    commonKeys.length === 0 || r.seriesCount < 2
      ? ''
      : commonKeys.length === 1 && commonKeys[0] === '__name__'
        ? msg('explain.allNamed', { name: r.commonLabels.__name__! })
        : msg('explain.allWith', { labels: formatSeries(r.commonLabels) });
  const varying = r.varyingLabels.map((k) => (k === '__name__' ? msg('explain.theMetricName') : k));
  const vary = varying.length ? msg(varying.length === 1 ? 'explain.varies' : 'explain.vary', { labels: varying.join(', ') }) : '';
  lines.push({ text: msg('explain.seriesCount', { n: r.seriesCount, vary, common }), paint: style.dim });
  const series = r.series.slice(0, shown);
  const labels = series.map((s) => seriesLabel(s.metric, r));
  const values = series.map((s) =>
    r.resultType === 'vector'
      ? s.histogram
        ? histogramText(s.histogram)
        : valueText(s.metric, s.value ?? 'NaN', q)
      : `${msg(s.samples === 1 ? 'explain.sample' : 'explain.samples', { n: s.samples ?? 0 })}${s.histograms ? msg('explain.histogramCounts') : ''}${s.first && s.last && s.samples! > 1 ? `, ${short(s.first[1])} → ${short(s.last[1])}` : s.first ? `, ${short(s.first[1])}` : ''}`,
  );
  const valueWidth = Math.max(...values.map((v) => visibleWidth(v)));
  // Labels are cut (with …) rather than wrapped so each series stays on one line with its value.
  const labelWidth = Math.min(Math.max(...labels.map((l) => visibleWidth(l))), Math.max(12, width - 4 - valueWidth));
  series.forEach((_, i) => {
    const label = padEnd(truncate(labels[i]!, labelWidth), labelWidth);
    lines.push({ text: `  ${label}  ${r.resultType === 'vector' ? padStart(values[i]!, valueWidth) : values[i]}`, fitted: true });
  });
  if (r.seriesCount > series.length)
    lines.push({ text: '  ' + msg('explain.more', { n: r.seriesCount - series.length }), paint: style.dim, fitted: true });
  return lines;
}

function seriesList(xs: Array<{ metric: Metric; apart: string[] }>, total: number, side: string): Line[] {
  const lines: Line[] = xs.map((x) => ({
    text:
      '  ' +
      msg('explain.sideOnly', { side, series: formatSeries(x.metric) || '{}' }) +
      (x.apart.length ? msg('explain.apartBy', { labels: x.apart.join(', ') }) : ''),
  }));
  if (total > xs.length) lines.push({ text: '  ' + msg('explain.moreSideOnly', { n: total - xs.length, side }) });
  return lines;
}

function binaryLines(b: BinaryDiagnosis, style: Style): Line[] {
  const lines: Line[] = [];
  if (b.matching) {
    const unmatched = [
      b.leftOnlyCount ? msg('explain.leftUnmatched', { n: b.leftOnlyCount }) : '',
      b.rightOnlyCount ? msg('explain.rightUnmatched', { n: b.rightOnlyCount }) : '',
    ]
      .filter(Boolean)
      .join(', ');
    lines.push({
      text: msg('explain.matching', {
        matching: b.matching,
        card: b.card ?? '',
        left: b.leftCount ?? 0,
        right: b.rightCount ?? 0,
        pairs: b.matchedPairs ?? 0,
        unmatched: unmatched ? `; ${unmatched}` : '',
      }),
    });
    lines.push(
      ...seriesList(b.leftOnly ?? [], b.leftOnlyCount ?? 0, msg('explain.bin.left')),
      ...seriesList(b.rightOnly ?? [], b.rightOnlyCount ?? 0, msg('explain.bin.right')),
    );
  }
  if (b.duplicate) {
    const d = b.duplicate;
    lines.push({
      text: msg('explain.duplicate', {
        group: formatSeries(d.group) || '{}',
        n: d.series.length,
        side: msg(d.side === 'left' ? 'explain.bin.left' : 'explain.bin.right'),
        labels: d.differingLabels.join(', ') || msg('explain.nothingButName'),
      }),
      paint: style.warn,
    });
    for (const m of d.series) lines.push({ text: `  ${formatSeries(m)}` });
    lines.push({ text: msg('explain.hint', { hint: d.advice }), paint: style.dim });
  }
  if (b.filterDropped !== undefined) {
    lines.push({
      text: msg('explain.filterDropped', { n: b.filterDropped, alt: b.boolAlternative ?? '' }),
    });
  }
  return lines;
}

const SHOWN_GROUPS = 4;

function aggregationLines(a: AggregationDiagnosis): Line[] {
  if (a.inputCount === 0) return [{ text: msg('explain.agg.noInput', { grouping: a.grouping }) }];
  const counts = new Set(a.groups.map((g) => g.inputs));
  const uniform = counts.size === 1 && a.groups.length === a.groupCount;
  const shown = a.groups.slice(0, SHOWN_GROUPS);
  const groups = shown.map((g) => `${formatSeries(g.labels) || '{}'} ${g.inputs}`).join(', ');
  const more = a.groupCount > shown.length ? msg('explain.agg.moreGroups', { n: a.groupCount - shown.length }) : '';
  const per =
    a.groupCount === 1 ? '' : uniform ? msg('explain.agg.inEach', { n: [...counts][0]! }) : msg('explain.agg.perGroup', { groups, more });
  const dropped = a.droppedLabels.map((l) => (l === '__name__' ? msg('explain.theMetricName') : l));
  return [
    {
      text:
        a.groupCount === 1
          ? msg('explain.agg.oneGroup', { grouping: a.grouping, n: a.inputCount })
          : msg('explain.agg.groups', { groups: a.groupCount, grouping: a.grouping, n: a.inputCount, per }),
    },
    ...(dropped.length ? [{ text: msg('explain.agg.dropped', { labels: dropped.join(', ') }) }] : []),
  ];
}

/**
 * Wraps plain text at spaces to `width`; continuation lines get `cont` in
 * front; a word longer than a line (a long selector) is cut after a comma, or
 * where it must be.
 */
export function wrapText(s: string, width: number, cont = '  '): string[] {
  const lines: string[] = [];
  let line = '';
  const limit = () => (lines.length === 0 ? width : Math.max(8, width - visibleWidth(cont)));
  for (let word of s.split(' ')) {
    const candidate = line === '' ? word : `${line} ${word}`;
    if (visibleWidth(candidate) <= limit()) {
      line = candidate;
      continue;
    }
    if (line !== '') lines.push(line);
    while (visibleWidth(word) > limit()) {
      // Canonical selectors have no spaces ({a="x",b="y"}): cut after a comma when one fits.
      const head = sliceColumns(word, 0, limit());
      const comma = head.lastIndexOf(',');
      const piece = comma > 0 ? head.slice(0, comma + 1) : head || [...word][0]!;
      lines.push(piece);
      word = word.slice(piece.length);
    }
    line = word;
  }
  if (line !== '' || lines.length === 0) lines.push(line);
  return lines.map((l, i) => (i === 0 ? l : cont + l));
}

/** Wraps at spaces, keeping the line's own indentation and indenting continuation lines two more. */
export function wrapKeepingIndent(line: string, width: number): string[] {
  const indent = line.match(/^ */)![0];
  const body = line.slice(indent.length);
  const avail = Math.max(MIN_TEXT / 2, width - indent.length);
  return wrapText(body, avail).map((l) => indent + l);
}

function renderWalkthrough(w: Walkthrough, width: number, style: Style): string[] {
  const out: string[] = [];
  const verdict = w.queryValue !== undefined ? verdictLines(w.queryValue, w.computed) : undefined;
  const isVerdict = (l: string) => l === verdict?.same || l === verdict?.differs || l === noValueLine();
  w.lines.forEach((l, i) => {
    const paint = i === 0 ? style.bold : isVerdict(l) ? (w.agrees ? style.ok : style.error) : (s: string) => s;
    for (const part of wrapKeepingIndent(l, width)) out.push(paint(part));
  });
  return out;
}
