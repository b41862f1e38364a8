// The histogram_quantile walk-through for one histogram (the buckets that
// share every label but `le`): the buckets with their cumulative counts, the
// repairs Prometheus makes (duplicate bounds merged, tiny float errors and
// non-monotonic counts fixed), the rank q × count, the bucket it falls in and
// the linear interpolation inside it, with the special cases. Follows
// Prometheus 3's promql/quantile.go bucketQuantile step by step.

import { t as msg } from '../util/messages/index.js';
import { padStart } from '../util/width.js';
import { num, type WalkResult } from './rate-walk.js';

export interface BucketInput {
  /** The `le` label as written ("0.005", "+Inf"). */
  le: string;
  count: number;
}

interface Bucket {
  upperBound: number;
  count: number;
}

/** The `le` value as Go's strconv.ParseFloat reads it (what Prometheus uses). */
export function parseLe(s: string): number | undefined {
  if (s === '') return undefined;
  if (/^[+-]?(inf|infinity)$/i.test(s)) return s.startsWith('-') ? -Infinity : Infinity;
  if (/^[+-]?nan$/i.test(s)) return NaN;
  if (/^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/.test(s)) return Number(s);
  if (/^[+-]?0[xX][0-9a-fA-F]+$/.test(s)) return Number(s.replace(/^([+-]?)0[xX]/, '$10x')) * 1;
  return undefined;
}

function bucketTable(buckets: Bucket[], mark: Map<number, string>): string[] {
  const les = buckets.map((b) => (b.upperBound === Infinity ? '+Inf' : num(b.upperBound)));
  const lw = Math.max(2, ...les.map((s) => s.length));
  const counts = buckets.map((b) => num(b.count));
  const cw = Math.max(16, ...counts.map((s) => s.length));
  const rows = [`    ${'le'.padStart(lw)}  ${padStart(msg('walk.cumulative'), cw)}`];
  buckets.forEach((_, i) => rows.push(`    ${les[i]!.padStart(lw)}  ${counts[i]!.padStart(cw)}${mark.has(i) ? `   ${mark.get(i)}` : ''}`));
  return rows;
}

/** Sorted, merged and repaired buckets, as bucketQuantile prepares them; `done` when the result is already known. */
function prepare(
  input: BucketInput[],
  lines: string[],
): { buckets: Bucket[]; repairs: Map<number, string>; forced: boolean } | { done: number } {
  const parsed: Bucket[] = [];
  for (const b of input) {
    const ub = parseLe(b.le);
    if (ub === undefined) lines.push(`  ${msg('walk.leNotNumber', { le: b.le })}`);
    else parsed.push({ upperBound: ub, count: b.count });
  }
  parsed.sort((a, b) => (a.upperBound < b.upperBound ? -1 : a.upperBound > b.upperBound ? 1 : 0));
  lines.push(`  ${msg(parsed.length === 1 ? 'walk.bucket1' : 'walk.buckets', { n: parsed.length })}`);
  if (parsed.length === 0 || parsed[parsed.length - 1]!.upperBound !== Infinity) {
    lines.push(...bucketTable(parsed, new Map()), `  ${msg('walk.noInf')}`);
    return { done: NaN };
  }
  const buckets: Bucket[] = [];
  for (const b of parsed) {
    const last = buckets[buckets.length - 1];
    if (last && last.upperBound === b.upperBound) last.count += b.count;
    else buckets.push({ ...b });
  }
  if (buckets.length < parsed.length) lines.push(`  ${msg('walk.sameBound')}`);
  const repairs = new Map<number, string>();
  let prev = buckets[0]!.count;
  for (let i = 1; i < buckets.length; i++) {
    const curr = buckets[i]!.count;
    const delta = Math.abs(curr - prev);
    if (delta === 0) continue;
    if (delta / curr <= 1e-12) {
      repairs.set(i, msg('walk.floatError', { was: num(curr), to: num(prev) }));
      buckets[i]!.count = prev;
    } else prev = curr;
  }
  let max = buckets[0]!.count;
  let forced = false;
  for (let i = 1; i < buckets.length; i++) {
    if (buckets[i]!.count > max) max = buckets[i]!.count;
    else if (buckets[i]!.count < max) {
      repairs.set(i, msg('walk.raised', { was: num(buckets[i]!.count), to: num(max) }));
      buckets[i]!.count = max;
      forced = true;
    }
  }
  if (buckets.length < 2) {
    lines.push(...bucketTable(buckets, repairs), `  ${msg('walk.fewBuckets')}`);
    return { done: NaN };
  }
  if (buckets[buckets.length - 1]!.count === 0) {
    lines.push(...bucketTable(buckets, repairs), `  ${msg('walk.noObservations')}`);
    return { done: NaN };
  }
  return { buckets, repairs, forced };
}

export function walkHistogramQuantile(q: number, input: BucketInput[]): WalkResult {
  if (Number.isNaN(q)) return { lines: [`  ${msg('walk.qNaN')}`], value: NaN };
  if (q < 0) return { lines: [`  ${msg('walk.qBelow', { q: num(q) })}`], value: -Infinity };
  if (q > 1) return { lines: [`  ${msg('walk.qAbove', { q: num(q) })}`], value: Infinity };
  const lines: string[] = [];
  const prep = prepare(input, lines);
  if ('done' in prep) return { lines, value: prep.done };
  const { buckets, repairs, forced } = prep;
  const total = buckets[buckets.length - 1]!.count;
  let rank = q * total;
  let b = 0;
  let hi = buckets.length - 1;
  while (b < hi) {
    const mid = (b + hi) >>> 1;
    if (!(buckets[mid]!.count >= rank)) b = mid + 1;
    else hi = mid;
  }
  const marks = new Map(repairs);
  marks.set(b, `${marks.has(b) ? marks.get(b) + '; ' : ''}${msg('walk.rankHere', { rank: num(rank) })}`);
  lines.push(...bucketTable(buckets, marks));
  if (forced) lines.push(`  ${msg('walk.forced')}`);
  lines.push(`  ${msg('walk.rank', { total: num(total), q: num(q), rank: num(rank) })}`);
  const le = buckets[b]!.upperBound === Infinity ? '+Inf' : num(buckets[b]!.upperBound);
  lines.push(`  ${msg('walk.firstBucket', { rank: num(rank), le })}`);
  if (b === buckets.length - 1) {
    const value = buckets[buckets.length - 2]!.upperBound;
    lines.push(`  ${msg('walk.infBucket', { v: num(value) })}`);
    return { lines, value };
  }
  if (b === 0 && buckets[0]!.upperBound <= 0) {
    const value = buckets[0]!.upperBound;
    lines.push(`  ${msg('walk.lowestNonPositive', { v: num(value) })}`);
    return { lines, value };
  }
  let bucketStart = 0;
  const bucketEnd = buckets[b]!.upperBound;
  let count = buckets[b]!.count;
  if (b > 0) {
    bucketStart = buckets[b - 1]!.upperBound;
    const below = buckets[b - 1]!.count;
    const [c0, r0] = [count, rank];
    count -= below;
    rank -= below;
    const inside = { lo: num(bucketStart), hi: num(bucketEnd), c0: num(c0), below: num(below), c: num(count) };
    lines.push(`  ${msg('walk.inside', inside)}`);
    lines.push(`  ${msg('walk.rankInside', { r0: num(r0), below: num(below), r: num(rank) })}`);
  } else {
    lines.push(`  ${msg('walk.lowest', { hi: num(bucketEnd), c: num(count) })}`);
  }
  const value = bucketStart + (bucketEnd - bucketStart) * (rank / count);
  lines.push(
    `  ${msg('walk.interpolation', { lo: num(bucketStart), hi: num(bucketEnd), rank: num(rank), count: num(count), v: num(value) })}`,
  );
  return { lines, value };
}
