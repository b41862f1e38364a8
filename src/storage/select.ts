// Series selection by label matchers, on the postings alone (Prometheus's
// tsdb/querier.go PostingsForMatchers): no series' labels are read.
//
// A matcher on label l accepts a set of l's values, "" standing for series
// without l. One that cannot match "" selects the union of its values'
// posting lists, to intersect; one that matches "" rejects the union of the
// values it does not accept, to subtract (so `job!~"job[0-4]"` costs the
// postings of five values, not a test of every series). A finite matcher
// (`=`, `!=`, a regex with a `set` such as `a|b` or `job[0-4]`) looks its
// values up; any other regex is tested once per distinct value of the label.
// The smallest list is intersected first, subtractions come last, and with
// nothing to intersect the selection starts from every series.

import type { LabelMatcher } from '../promql/ast.js';
import { compileMatcherRegex, type MatcherRegex } from '../promql/regex.js';
import type { Postings } from './postings.js';
import type { StringTable } from './strings.js';

/** Ascending series ids. */
type Ids = ArrayLike<number>;

/** What one matcher does to the selection: keep only `ids`, or take them out. */
interface Step {
  keep: boolean;
  ids: Ids;
}

const NONE: Ids = new Int32Array(0);
/** A matcher no series passes. */
const NOTHING: Step = { keep: true, ids: NONE };
/** `l=""` and `l!=""` as a test of values. */
const EMPTY_VALUE: MatcherRegex = { test: (s) => s === '', set: [''] };

/**
 * The ids of series [0, total) matching every matcher, ascending. `check` is
 * called as the work goes on (a query's timeout or Ctrl-C can stop it).
 */
export function selectSeries(
  postings: Postings,
  strings: StringTable,
  total: number,
  matchers: readonly LabelMatcher[],
  check?: () => void,
): number[] {
  const keep: Ids[] = [];
  const drop: Ids[] = [];
  for (const m of matchers) {
    check?.();
    const step = matcherStep(postings, strings, m, check);
    if (!step) continue;
    if (!step.keep) drop.push(step.ids);
    else if (step.ids.length === 0) return [];
    else keep.push(step.ids);
  }
  keep.sort((a, b) => a.length - b.length);
  let ids: Ids = keep.length > 0 ? keep[0] : allIds(total);
  for (let k = 1; k < keep.length && ids.length > 0; k++) ids = intersect(ids, keep[k]);
  for (let k = 0; k < drop.length && ids.length > 0; k++) ids = subtract(ids, drop[k]);
  return Array.from(ids);
}

/**
 * The matcher as a list to keep or to drop; undefined when every series
 * passes. `accepted(v)` is test(v) === want, and "" stands for a missing label.
 */
function matcherStep(postings: Postings, strings: StringTable, m: LabelMatcher, check?: () => void): Step | undefined {
  const want = m.op === '=' || m.op === '=~';
  const re = m.op === '=~' || m.op === '!~' ? compileMatcherRegex(m.value) : m.value === '' ? EMPTY_VALUE : literal(m.value);
  if (re.any) return want ? undefined : NOTHING;
  const emptyOk = re.test('') === want;
  const nameId = strings.find(m.name);
  if (nameId < 0 || !postings.hasName(nameId)) return emptyOk ? undefined : NOTHING;
  const set = re.set;
  if (set && want !== emptyOk) {
    // `=` and `=~` keeping a finite set of values, or `!=` and `!~` dropping one: look the values up.
    const lists: Ids[] = [];
    // "" is not in the set here: want !== emptyOk means the pattern does not match "".
    for (const v of set) lists.push(valuePostings(postings, strings, nameId, v));
    return { keep: want, ids: union(lists) };
  }
  // Keep the values it accepts, or (when it accepts "") drop the ones it does not.
  return { keep: !emptyOk, ids: union(postings.listsWhere(nameId, strings, re, emptyOk ? !want : want, check)) };
}

function literal(value: string): MatcherRegex {
  return { test: (s) => s === value, set: [value] };
}

/** The posting list of label nameId = value (empty when the value is unknown). */
function valuePostings(postings: Postings, strings: StringTable, nameId: number, value: string): Ids {
  const valueId = strings.find(value);
  return valueId < 0 ? NONE : postings.seriesWith(nameId, valueId);
}

function allIds(total: number): Int32Array {
  const ids = new Int32Array(total);
  for (let i = 0; i < total; i++) ids[i] = i;
  return ids;
}

/**
 * The ascending union of posting lists of one label's values, which share no
 * id (a series has one value a label): sorted when small, else marked in a
 * byte per series up to the largest id.
 */
function union(lists: Ids[]): Ids {
  if (lists.length === 0) return NONE;
  if (lists.length === 1) return lists[0];
  let size = 0;
  let max = -1;
  for (const l of lists) {
    size += l.length;
    if (l.length > 0 && l[l.length - 1] > max) max = l[l.length - 1];
  }
  if (size * 16 < max) {
    const out = new Int32Array(size);
    let k = 0;
    for (const l of lists) for (let i = 0; i < l.length; i++) out[k++] = l[i];
    return out.sort();
  }
  const marks = new Uint8Array(max + 1);
  for (const l of lists) for (let i = 0; i < l.length; i++) marks[l[i]] = 1;
  const out = new Int32Array(size);
  let k = 0;
  for (let id = 0; id <= max; id++) if (marks[id]) out[k++] = id;
  return out;
}

/** The ids in both ascending lists. */
function intersect(a: Ids, b: Ids): Int32Array {
  const out = new Int32Array(Math.min(a.length, b.length));
  let k = 0;
  let i = 0;
  let j = 0;
  while (i < a.length && j < b.length) {
    const x = a[i];
    const y = b[j];
    if (x === y) {
      out[k++] = x;
      i++;
      j++;
    } else if (x < y) i++;
    else j++;
  }
  return out.subarray(0, k);
}

/** The ids of ascending list a that are not in ascending list b. */
function subtract(a: Ids, b: Ids): Int32Array {
  const out = new Int32Array(a.length);
  let k = 0;
  let j = 0;
  for (let i = 0; i < a.length; i++) {
    const x = a[i];
    while (j < b.length && b[j] < x) j++;
    if (j < b.length && b[j] === x) continue;
    out[k++] = x;
  }
  return out.subarray(0, k);
}
