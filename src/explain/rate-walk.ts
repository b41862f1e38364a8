// Walk-throughs of rate, increase, delta, irate, idelta and deriv on one
// series: the raw samples of the window, resets and their corrections, the
// sampled interval, the extrapolation to each edge and which rule applied,
// and the final arithmetic. The arithmetic follows Prometheus 3's
// promql/functions.go (extrapolatedRate, instantValue, linearRegression)
// operation by operation, so it ends in the number the query returns.
// Prometheus 3 windows are left-open: a sample at exactly t - range is out.

import type { SamplePair } from '../model/result.js';
import { parseSampleValue } from '../model/result.js';
import { regressionSums } from '../engine/rangefns.js';
import { clock } from '../render/samples.js';
import { t as msg } from '../util/messages/index.js';
import { visibleWidth } from '../util/width.js';

export const WALKABLE_RANGE_FUNCTIONS = new Set(['rate', 'increase', 'delta', 'irate', 'idelta', 'deriv']);

/** The window and the samples of one series. */
export interface RangeWindow {
  /** Window bounds in ms: samples are in (startMs, endMs]. */
  startMs: number;
  endMs: number;
  rangeMs: number;
  /** Samples as the API returns them (seconds, value strings). */
  samples: SamplePair[];
}

export interface WalkResult {
  lines: string[];
  /** The final number; undefined when the function gives no result (too few samples). */
  value?: number;
}

/** Shortest exact text of a number (what JavaScript and Go's 'g' -1 both print). */
export const num = (v: number): string => (Object.is(v, -0) ? '-0' : String(v));
/** Seconds with at most millisecond digits: 3.412 s */
const secs = (v: number): string => msg('walk.seconds', { n: Number(v.toFixed(3)) });

const HEAD_ROWS = 6;
const TAIL_ROWS = 4;

/** The sample table, eliding the middle of long windows but never a marked row. */
function sampleRows(t: number[], v: number[], marks: Map<number, string>): string[] {
  const w = String(t.length).length;
  const values = v.map(num);
  const vw = Math.max(5, ...values.map((s) => s.length));
  const rows: string[] = [`    ${'#'.padStart(w)}  ${'TIME'.padEnd(12)}  ${'VALUE'.padStart(vw)}`];
  let skipped = 0;
  for (let i = 0; i < t.length; i++) {
    const show = i < HEAD_ROWS || i >= t.length - TAIL_ROWS || marks.has(i);
    if (!show) {
      skipped++;
      continue;
    }
    if (skipped) rows.push(`    ${' '.repeat(w)}  ${msg(skipped > 1 ? 'walk.moreSamples' : 'walk.moreSample', { n: skipped })}`);
    skipped = 0;
    const mark = marks.get(i);
    rows.push(`    ${String(i + 1).padStart(w)}  ${clock(t[i]! / 1000).padEnd(12)}  ${values[i]!.padStart(vw)}${mark ? `   ${mark}` : ''}`);
  }
  return rows;
}

function windowLine(win: RangeWindow, n: number): string {
  return `  ${msg(n === 1 ? 'walk.window1' : 'walk.window', { start: clock(win.startMs / 1000), end: clock(win.endMs / 1000), n })}`;
}

export function walkRange(func: string, win: RangeWindow): WalkResult {
  const t = win.samples.map(([s]) => Math.round(s * 1000));
  const v = win.samples.map(([, x]) => parseSampleValue(x));
  switch (func) {
    case 'rate':
    case 'increase':
    case 'delta':
      return extrapolated(func, win, t, v);
    case 'irate':
    case 'idelta':
      return instant(func, win, t, v);
    default:
      return deriv(win, t, v);
  }
}

function extrapolated(func: string, win: RangeWindow, t: number[], v: number[]): WalkResult {
  const isCounter = func !== 'delta';
  const isRate = func === 'rate';
  const n = t.length;
  const marks = new Map<number, string>();
  let add = 0;
  let resets = 0;
  if (isCounter) {
    for (let i = 1; i < n; i++) {
      if (v[i]! < v[i - 1]!) {
        add += v[i - 1]!;
        resets++;
        marks.set(i, msg('walk.resetMark', { v: num(v[i]!), prev: num(v[i - 1]!) }));
        if (!marks.has(i - 1)) marks.set(i - 1, msg('walk.beforeReset'));
      }
    }
  }
  const lines = [windowLine(win, n), ...sampleRows(t, v, marks)];
  if (n < 2) {
    lines.push(`  ${msg('walk.needTwo', { f: func })}`);
    return { lines };
  }
  const first = v[0]!;
  const last = v[n - 1]!;
  let result = last - first;
  lines.push(`  ${msg('walk.lastMinusFirst', { last: num(last), first: num(first), r: num(result) })}`);
  if (isCounter && resets > 0) {
    const before = result;
    result += add;
    const params = { n: resets, add: num(add), before: num(before), r: num(result) };
    lines.push(`  ${msg(resets > 1 ? 'walk.resets' : 'walk.reset1', params)}`);
  } else if (isCounter) {
    lines.push(`  ${msg('walk.noResets')}`);
  }
  const { sampled, toStart, toEnd } = edges(win, t, v, result, isCounter, lines);
  let factor = sampled !== 0 ? (sampled + toStart + toEnd) / sampled : 1;
  const range = win.rangeMs / 1000;
  if (isRate) factor /= range;
  const value = result * factor;
  const what = func === 'rate' ? 'rate' : func === 'increase' ? 'increase' : 'delta';
  const perSecond = isRate ? ` / ${secs(range)}` : '';
  lines.push(
    `  ${what} = ${num(result)} × (${num(sampled)} + ${num(toStart)} + ${num(toEnd)}) / ${num(sampled)}${perSecond} = ${num(value)}`,
  );
  return { lines, value };
}

/** The sampled interval and the extrapolation to each edge, with the rule that applied (extrapolatedRate). */
function edges(
  win: RangeWindow,
  t: number[],
  v: number[],
  result: number,
  isCounter: boolean,
  lines: string[],
): { sampled: number; toStart: number; toEnd: number } {
  const n = t.length;
  const first = v[0]!;
  const firstT = t[0]!;
  const lastT = t[n - 1]!;
  let toStart = (firstT - win.startMs) / 1000;
  let toEnd = (win.endMs - lastT) / 1000;
  const sampled = (lastT - firstT) / 1000;
  const avg = sampled / (n - 1);
  const threshold = avg * 1.1;
  const gaps = n - 1;
  const sampledParams = { last: clock(lastT / 1000), first: clock(firstT / 1000), sampled: secs(sampled), gaps, avg: secs(avg) };
  lines.push(`  ${msg('walk.sampled', { ...sampledParams, threshold: secs(threshold) })}`);
  const startLabel = `  ${msg('walk.startLabel')}`;
  // The zero-limit line continues the start line, indented under its text.
  const under = ' '.repeat(visibleWidth(startLabel));
  const startGap = toStart;
  const startParams = { gap: secs(startGap), threshold: secs(threshold) };
  if (toStart >= threshold) {
    toStart = avg / 2;
    lines.push(startLabel + msg('walk.startHalf', { ...startParams, to: secs(toStart) }));
  } else {
    lines.push(startLabel + msg('walk.startAll', { ...startParams, to: secs(toStart) }));
  }
  if (isCounter) {
    let toZero = toStart;
    if (result > 0 && first >= 0) toZero = sampled * (first / result);
    if (toZero < toStart) {
      lines.push(under + msg('walk.zeroLimit', { z: secs(toZero) }));
      toStart = toZero;
    } else if (result > 0 && first >= 0) {
      lines.push(under + msg('walk.zeroNoLimit', { z: secs(toZero) }));
    }
  }
  const endLabel = `  ${msg('walk.endLabel')}`;
  const endGap = toEnd;
  const endParams = { gap: secs(endGap), threshold: secs(threshold) };
  if (toEnd >= threshold) {
    toEnd = avg / 2;
    lines.push(endLabel + msg('walk.endHalf', { ...endParams, to: secs(toEnd) }));
  } else {
    lines.push(endLabel + msg('walk.endAll', { ...endParams, to: secs(toEnd) }));
  }
  return { sampled, toStart, toEnd };
}

function instant(func: string, win: RangeWindow, t: number[], v: number[]): WalkResult {
  const n = t.length;
  const marks = new Map<number, string>();
  if (n >= 2) {
    marks.set(n - 2, msg('walk.secondToLast'));
    marks.set(n - 1, msg('walk.last'));
  }
  const lines = [windowLine(win, n), ...sampleRows(t, v, marks)];
  if (n < 2) {
    lines.push(`  ${msg('walk.needTwo', { f: func })}`);
    return { lines };
  }
  const [t0, t1, v0, v1] = [t[n - 2]!, t[n - 1]!, v[n - 2]!, v[n - 1]!];
  const interval = t1 - t0;
  if (interval === 0) {
    lines.push(`  ${msg('walk.sameTimestamp')}`);
    return { lines };
  }
  const isRate = func === 'irate';
  const reset = isRate && v1 < v0;
  let r: number;
  if (reset) {
    r = v1;
    lines.push(`  ${msg('walk.instantReset', { v1: num(v1), v0: num(v0) })}`);
  } else {
    r = v1 - v0;
    lines.push(`  ${msg('walk.difference', { v1: num(v1), v0: num(v0), r: num(r) })}`);
  }
  if (!isRate) return { lines, value: r };
  const value = r / (interval / 1000);
  lines.push(`  irate = ${num(r)} / ${secs(interval / 1000)} (${clock(t1 / 1000)} − ${clock(t0 / 1000)}) = ${num(value)}`);
  return { lines, value };
}

function deriv(win: RangeWindow, t: number[], v: number[]): WalkResult {
  const n = t.length;
  const lines = [windowLine(win, n), ...sampleRows(t, v, new Map())];
  if (n < 2) {
    lines.push(`  ${msg('walk.needTwo', { f: 'deriv' })}`);
    return { lines };
  }
  const t0 = t[0]!;
  if (v.every((y) => y === v[0])) {
    const value = v[0] === Infinity || v[0] === -Infinity ? NaN : 0;
    lines.push(`  ${msg('walk.flat', { v: num(value) })}`);
    return { lines, value };
  }
  const { sumX, sumY, sumXY, sumX2 } = regressionSums(t, v, 0, n, t0);
  const covXY = sumXY - (sumX * sumY) / n;
  const varX = sumX2 - (sumX * sumX) / n;
  const value = covXY / varX;
  lines.push(`  ${msg('walk.regression', { t0: clock(t0 / 1000), n })}`);
  lines.push(`    Σx = ${num(sumX)}, Σy = ${num(sumY)}, Σxy = ${num(sumXY)}, Σx² = ${num(sumX2)}`);
  lines.push(`    cov(x,y) = Σxy − Σx·Σy/n = ${num(covXY)}`);
  lines.push(`    var(x)   = Σx² − (Σx)²/n = ${num(varX)}`);
  lines.push(`  ${msg('walk.derivResult', { cov: num(covXY), var: num(varX), v: num(value) })}`);
  return { lines, value };
}
