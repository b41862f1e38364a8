// Series lines of the test-script language (FORMAT.md §3.1–§3.4):
// `name{label="value", ...} <values>` in load blocks and expected results.

import type { Metric } from '../../src/model/result.js';
import { type HistogramSlot, expandHistogramItem } from './histogram-literal.js';
import { ScriptSyntaxError, UNSIGNED_NUM, parsePromNumber, parseSignedDuration, readStringLiteral } from './lex.js';

/**
 * One slot of a series: a float, an omitted slot, a staleness marker, or a
 * native histogram. The marker is a symbol because V8 rewrites NaN payloads
 * in arrays of plain numbers, which would lose the stale bits.
 */
export type Slot = number | undefined | HistogramSlot | typeof STALE;
export const STALE: unique symbol = Symbol('stale');

export function isHistogramSlot(s: Slot): s is HistogramSlot {
  return typeof s === 'object';
}

export interface SeriesLine {
  labels: Metric;
  slots: Slot[];
  /** The series text ended in `@st`: the slots are start-timestamp offsets. */
  st: boolean;
  hasHistogram: boolean;
}

const NAME_RE = /[a-zA-Z_:][a-zA-Z0-9_:]*/y;
const LABEL_RE = /[a-zA-Z_][a-zA-Z0-9_]*/y;

/** Parse the series text at the start of `line`; returns labels and where the values start. */
function parseSeriesDesc(line: string): { labels: Metric; end: number; st: boolean } {
  const labels: Metric = {};
  let i = 0;
  NAME_RE.lastIndex = 0;
  const m = NAME_RE.exec(line);
  if (m) {
    labels.__name__ = m[0];
    i = m[0].length;
  }
  if (line[i] === '{' && line[i + 1] !== '{') i = parseLabelSet(line, i + 1, labels);
  else if (!m) throw new ScriptSyntaxError(`unexpected character in series description: ${JSON.stringify(line.slice(0, 20))}`);
  let st = false;
  if (line.startsWith('@st', i)) {
    st = true;
    i += 3;
  }
  if (i < line.length && !/\s/.test(line[i])) throw new ScriptSyntaxError(`unexpected ${JSON.stringify(line[i])} after series description`);
  return { labels, end: i, st };
}

/** Parse `label="v", ...}` (the `{` already consumed); returns the index after `}`. */
function parseLabelSet(s: string, at: number, labels: Metric): number {
  let i = skipSpace(s, at);
  while (s[i] !== '}') {
    if (i >= s.length) throw new ScriptSyntaxError('unterminated label set');
    let name: string;
    if (s[i] === '"' || s[i] === "'" || s[i] === '`') {
      const lit = readStringLiteral(s, i);
      i = skipSpace(s, lit.end);
      if (s[i] === ',' || s[i] === '}') {
        // A lone quoted string is the metric name.
        setLabel(labels, '__name__', lit.value);
        i = afterLabel(s, i);
        continue;
      }
      name = lit.value;
    } else {
      LABEL_RE.lastIndex = i;
      const m = LABEL_RE.exec(s);
      if (!m) throw new ScriptSyntaxError(`unexpected character in label set: ${JSON.stringify(s[i])}`);
      name = m[0];
      i = skipSpace(s, i + name.length);
    }
    if (s[i] !== '=' || s[i + 1] === '~') throw new ScriptSyntaxError(`only "=" is allowed in series label "${name}"`);
    i = skipSpace(s, i + 1);
    const val = readStringLiteral(s, i);
    setLabel(labels, name, val.value);
    i = afterLabel(s, skipSpace(s, val.end));
  }
  return i + 1;
}

function setLabel(labels: Metric, name: string, value: string): void {
  if (name in labels && name !== '__name__') throw new ScriptSyntaxError(`duplicate label name "${name}"`);
  labels[name] = value;
}

function afterLabel(s: string, i: number): number {
  if (s[i] === ',') return skipSpace(s, i + 1);
  if (s[i] === '}') return i;
  throw new ScriptSyntaxError(`expected "," or "}" in label set, got ${JSON.stringify(s[i] ?? 'end of line')}`);
}

function skipSpace(s: string, i: number): number {
  while (s[i] === ' ' || s[i] === '\t') i++;
  return i;
}

/** Split the value part into items: whitespace-free words, or `{{...}}` histogram items. */
function splitItems(s: string): string[] {
  const items: string[] = [];
  let i = 0;
  for (;;) {
    i = skipSpace(s, i);
    if (i >= s.length) return items;
    let j: number;
    if (s.startsWith('{{', i)) {
      j = closeHist(s, i);
      if (/^[+-]\{\{/.test(s.slice(j, j + 3))) j = closeHist(s, j + 1);
      while (j < s.length && !/\s/.test(s[j])) j++;
    } else {
      j = i;
      while (j < s.length && !/\s/.test(s[j])) j++;
    }
    items.push(s.slice(i, j));
    i = j;
  }
}

function closeHist(s: string, i: number): number {
  const end = s.indexOf('}}', i + 2);
  if (end < 0) throw new ScriptSyntaxError('unterminated histogram literal');
  return end + 2;
}

const NUM = `[+-]?${UNSIGNED_NUM}`;
const VALUE_RE = new RegExp(`^(${NUM})$`);
const REPEAT_RE = new RegExp(`^(${NUM})x(\\d+)$`);
const SEQ_RE = new RegExp(`^(${NUM})([+-])(${UNSIGNED_NUM})x(\\d+)$`);
const HIST_RE = /^\{\{[^]*\}\}(?:[+-]\{\{[^]*\}\})?(?:x(\d+))?$/;

/** Expand one value item into slots (FORMAT.md §3.2). */
function expandItem(item: string, out: Slot[]): void {
  let m: RegExpExecArray | null;
  if (item === '_') out.push(undefined);
  else if ((m = /^_x(\d+)$/.exec(item))) for (let k = Number(m[1]); k > 0; k--) out.push(undefined);
  else if (item === 'stale') out.push(STALE);
  else if ((m = VALUE_RE.exec(item))) out.push(parsePromNumber(m[1]));
  else if ((m = REPEAT_RE.exec(item)) && !/[a-z]/i.test(m[1])) {
    const v = parsePromNumber(m[1]);
    for (let k = Number(m[2]); k >= 0; k--) out.push(v);
  } else if ((m = SEQ_RE.exec(item)) && !/[a-z]/i.test(m[1] + m[3])) {
    // Repeated addition, as the Go parser does: rounding errors accumulate.
    let v = parsePromNumber(m[1]);
    const step = parsePromNumber(m[2] + m[3]);
    for (let k = Number(m[4]); k >= 0; k--) {
      out.push(v);
      v += step;
    }
  } else if (HIST_RE.test(item)) {
    for (const h of expandHistogramItem(item)) out.push(h);
  } else throw new ScriptSyntaxError(`invalid series value ${JSON.stringify(item)}`);
}

/** Expand one `@st` item (offsets relative to each sample), validating its syntax. */
function expandStItem(item: string, out: Slot[]): void {
  let m: RegExpExecArray | null;
  const DUR = '[+-]?(?:0|(?:\\d+[a-z]+)+)';
  if (item === '_') out.push(undefined);
  else if ((m = /^_x(\d+)$/.exec(item))) for (let k = Number(m[1]); k > 0; k--) out.push(undefined);
  else if ((m = new RegExp(`^(${DUR})(?:x(\\d+))?$`).exec(item))) {
    const v = parseSignedDuration(m[1]);
    for (let k = Number(m[2] ?? 0); k >= 0; k--) out.push(v);
  } else if ((m = new RegExp(`^(${DUR})([+-])(${DUR})x(\\d+)$`).exec(item))) {
    let v = parseSignedDuration(m[1]);
    const step = parseSignedDuration(m[3]) * (m[2] === '-' ? -1 : 1);
    for (let k = Number(m[4]); k >= 0; k--) {
      out.push(v);
      v += step;
    }
  } else throw new ScriptSyntaxError(`invalid start-timestamp item ${JSON.stringify(item)}`);
}

/** Parse a whole series line: description plus expanded values. */
export function parseSeriesLine(line: string): SeriesLine {
  const desc = parseSeriesDesc(line);
  const slots: Slot[] = [];
  const items = splitItems(line.slice(desc.end));
  for (const item of items) (desc.st ? expandStItem : expandItem)(item, slots);
  return { labels: desc.labels, slots, st: desc.st, hasHistogram: !desc.st && slots.some(isHistogramSlot) };
}
