// The histogram_quantile walk-through for one histogram (the buckets that
// share every label but `le`): the buckets with their cumulative counts, the
// repairs Prometheus makes (duplicate bounds merged, tiny float errors and
// non-monotonic counts fixed), the rank q × count, the bucket it falls in and
// the linear interpolation inside it, with the special cases. Follows
// Prometheus 3's promql/quantile.go bucketQuantile step by step.

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
  const rows = [`    ${'le'.padStart(lw)}  ${'CUMULATIVE COUNT'.padStart(cw)}`];
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
    if (ub === undefined) lines.push(`  le="${b.le}" is not a number: that series is ignored`);
    else parsed.push({ upperBound: ub, count: b.count });
  }
  parsed.sort((a, b) => (a.upperBound < b.upperBound ? -1 : a.upperBound > b.upperBound ? 1 : 0));
  lines.push(`  ${parsed.length} bucket${parsed.length === 1 ? '' : 's'}, sorted by le:`);
  if (parsed.length === 0 || parsed[parsed.length - 1]!.upperBound !== Infinity) {
    lines.push(...bucketTable(parsed, new Map()), '  there is no le="+Inf" bucket: the result is NaN');
    return { done: NaN };
  }
  const buckets: Bucket[] = [];
  for (const b of parsed) {
    const last = buckets[buckets.length - 1];
    if (last && last.upperBound === b.upperBound) last.count += b.count;
    else buckets.push({ ...b });
  }
  if (buckets.length < parsed.length) lines.push('  buckets with the same bound (e.g. le="1" and le="1.0") are added together');
  const repairs = new Map<number, string>();
  let prev = buckets[0]!.count;
  for (let i = 1; i < buckets.length; i++) {
    const curr = buckets[i]!.count;
    const delta = Math.abs(curr - prev);
    if (delta === 0) continue;
    if (delta / curr <= 1e-12) {
      repairs.set(i, `was ${num(curr)} (float error, set to ${num(prev)})`);
      buckets[i]!.count = prev;
    } else prev = curr;
  }
  let max = buckets[0]!.count;
  let forced = false;
  for (let i = 1; i < buckets.length; i++) {
    if (buckets[i]!.count > max) max = buckets[i]!.count;
    else if (buckets[i]!.count < max) {
      repairs.set(i, `was ${num(buckets[i]!.count)}: less than a lower bucket, raised to ${num(max)}`);
      buckets[i]!.count = max;
      forced = true;
    }
  }
  if (buckets.length < 2) {
    lines.push(...bucketTable(buckets, repairs), '  fewer than two buckets: no interpolation is possible, the result is NaN');
    return { done: NaN };
  }
  if (buckets[buckets.length - 1]!.count === 0) {
    lines.push(...bucketTable(buckets, repairs), '  no observations (the +Inf bucket is 0): the result is NaN');
    return { done: NaN };
  }
  return { buckets, repairs, forced };
}

export function walkHistogramQuantile(q: number, input: BucketInput[]): WalkResult {
  if (Number.isNaN(q)) return { lines: ['  q is NaN: the result is NaN'], value: NaN };
  if (q < 0) return { lines: [`  q = ${num(q)} < 0: the result is -Inf`], value: -Infinity };
  if (q > 1) return { lines: [`  q = ${num(q)} > 1: the result is +Inf`], value: Infinity };
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
  marks.set(b, `${marks.has(b) ? marks.get(b) + '; ' : ''}← rank ${num(rank)} falls here`);
  lines.push(...bucketTable(buckets, marks));
  if (forced) lines.push('  the counts were not monotonic and were fixed (Prometheus adds an info annotation)');
  lines.push(`  observations: ${num(total)} (the +Inf bucket); rank = q × count = ${num(q)} × ${num(total)} = ${num(rank)}`);
  lines.push(
    `  the first bucket whose cumulative count is ≥ ${num(rank)}: le="${buckets[b]!.upperBound === Infinity ? '+Inf' : num(buckets[b]!.upperBound)}"`,
  );
  if (b === buckets.length - 1) {
    const value = buckets[buckets.length - 2]!.upperBound;
    lines.push(`  that is the +Inf bucket: nothing to interpolate, the result is the highest finite bound, ${num(value)}`);
    return { lines, value };
  }
  if (b === 0 && buckets[0]!.upperBound <= 0) {
    const value = buckets[0]!.upperBound;
    lines.push(`  the lowest bucket has a bound ≤ 0: the result is that bound, ${num(value)}`);
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
    lines.push(`  observations inside the bucket (${num(bucketStart)}, ${num(bucketEnd)}]: ${num(c0)} − ${num(below)} = ${num(count)}`);
    lines.push(`  rank inside the bucket: ${num(r0)} − ${num(below)} = ${num(rank)}`);
  } else {
    lines.push(`  the lowest bucket: assumed to start at 0, (0, ${num(bucketEnd)}], ${num(count)} observations`);
  }
  const value = bucketStart + (bucketEnd - bucketStart) * (rank / count);
  lines.push(
    `  linear interpolation: ${num(bucketStart)} + (${num(bucketEnd)} − ${num(bucketStart)}) × ${num(rank)} / ${num(count)} = ${num(value)}`,
  );
  return { lines, value };
}
