// Parses a PromQL test script (FORMAT.md §1, §3–§6, §9) into commands.
// Parse errors of a load reject the file; parse errors of an eval are kept on
// the eval (reported as that eval's failure) so one bad line costs one case.

import type { Metric } from '../../src/model/result.js';
import { labelsKey } from '../../src/storage/store.js';
import { ScriptSyntaxError, parseDuration, parseGoNumber, readStringLiteral } from './lex.js';
import { type SeriesLine, type Slot, parseSeriesLine } from './series.js';

export type Dialect = 'v3' | 'v2';

interface ClearCmd {
  kind: 'clear';
  line: number;
}

export interface LoadCmd {
  kind: 'load';
  line: number;
  intervalMs: number;
  nhcb: boolean;
  /** Series in first-seen order; a repeated series replaces the earlier line. */
  series: SeriesLine[];
  /** Label sets that have `@st` lines. */
  stSeries: Metric[];
  /** Start-timestamp offsets (ms, relative to each sample) by labelsKey of the series. */
  stSlots: Map<string, Slot[]>;
}

export interface AnnotationExpectation {
  /** Exact text (msg:) or regex source (regex:); neither for a plain line. */
  msg?: string;
  regex?: string;
}

interface ExpectedSeries {
  labels: Metric;
  slots: Slot[];
  /** 1-based position among result lines, for `ordered`. */
  pos: number;
}

export interface EvalCmd {
  kind: 'eval';
  line: number;
  expr: string;
  range?: { startMs: number; endMs: number; stepMs: number };
  /** Instant evaluation time (ms). */
  timeMs: number;
  fail: boolean;
  failMsg?: string;
  failRegex?: string;
  ordered: boolean;
  /** From deprecated eval_warn / eval_info: at least one. */
  anyWarn: boolean;
  anyInfo: boolean;
  warn: AnnotationExpectation[];
  info: AnnotationExpectation[];
  noWarn: boolean;
  noInfo: boolean;
  expected: Map<string, ExpectedSeries>;
  expectedScalar?: number;
  rangeVector?: { startMs: number; endMs: number; stepMs: number };
  expectString?: string;
  /** Why this eval cannot run (a parse error in its header or body). */
  error?: string;
}

export type Command = ClearCmd | LoadCmd | EvalCmd;

export interface Script {
  commands: Command[];
  /** A parse error that rejects the whole file (in a load, or an unknown command). */
  fatal?: { line: number; message: string };
}

/** §1: trimmed lines, comments turned into empty lines. */
function scriptLines(text: string): string[] {
  return text.split('\n').map((l) => {
    const t = l.replace(/^[ \t\r]+|[ \t\r]+$/g, '');
    return t.startsWith('#') ? '' : t;
  });
}

export function parseScript(text: string, dialect: Dialect = 'v3'): Script {
  const lines = scriptLines(text);
  const commands: Command[] = [];
  for (let i = 0; i < lines.length; i++) {
    const l = lines[i];
    if (l === '') continue;
    const word = l.split(/[\t ]+/, 1)[0].toLowerCase();
    try {
      if (word === 'clear') commands.push({ kind: 'clear', line: i + 1 });
      else if (word.startsWith('load')) {
        const r = parseLoad(lines, i, dialect);
        commands.push(r.cmd);
        i = r.last;
      } else if (word.startsWith('eval')) {
        const r = parseEval(lines, i, dialect);
        commands.push(r.cmd);
        i = r.last;
      } else throw new ScriptSyntaxError(`invalid command "${l}"`);
    } catch (e) {
      if (!(e instanceof ScriptSyntaxError)) throw e;
      return { commands, fatal: { line: i + 1, message: e.message } };
    }
  }
  return { commands };
}

/** Index of the last body line of the block starting at `i`. */
function blockEnd(lines: string[], i: number): number {
  let j = i;
  while (j + 1 < lines.length && lines[j + 1] !== '') j++;
  return j;
}

function parseLoad(lines: string[], i: number, dialect: Dialect): { cmd: LoadCmd; last: number } {
  const re = dialect === 'v2' ? /^load\s+(.+?)\s*$/ : /^load(_with_nhcb)?\s+(.+?)\s*$/;
  const m = re.exec(lines[i]);
  if (!m) throw new ScriptSyntaxError(`invalid load command "${lines[i]}"`);
  const cmd: LoadCmd = {
    kind: 'load',
    line: i + 1,
    intervalMs: parseDuration(dialect === 'v2' ? m[1] : m[2]),
    nhcb: dialect === 'v3' && m[1] !== undefined,
    series: [],
    stSeries: [],
    stSlots: new Map(),
  };
  const byKey = new Map<string, number>();
  const last = blockEnd(lines, i);
  for (let j = i + 1; j <= last; j++) {
    let s: SeriesLine;
    try {
      s = parseSeriesLine(lines[j]);
    } catch (e) {
      throw new ScriptSyntaxError(`line ${j + 1}: ${(e as Error).message}`);
    }
    if (s.st) {
      checkStPair(lines, j, last, s);
      cmd.stSeries.push(s.labels);
      cmd.stSlots.set(labelsKey(s.labels), s.slots);
      continue;
    }
    if (dialect === 'v2' && s.hasHistogram)
      throw new ScriptSyntaxError(`line ${j + 1}: histogram literals are not part of the v2.42 dialect`);
    const key = labelsKey(s.labels);
    const at = byKey.get(key);
    if (at === undefined) {
      byKey.set(key, cmd.series.length);
      cmd.series.push(s);
    } else cmd.series[at] = s; // the later line replaces the earlier one completely
  }
  return { cmd, last };
}

/** An `@st` line must be followed by the same series with as many items. */
function checkStPair(lines: string[], j: number, last: number, st: SeriesLine): void {
  const next = j + 1 <= last ? parseSeriesLine(lines[j + 1]) : undefined;
  if (!next || next.st || labelsKey(next.labels) !== labelsKey(st.labels) || next.slots.length !== st.slots.length) {
    throw new ScriptSyntaxError(`line ${j + 1}: @st line must be followed by the same series with as many values`);
  }
}

const INSTANT_RE = /^eval(?:_(fail|warn|ordered|info))?\s+instant\s+(?:at\s+(.+?))?\s+(.+)$/;
const RANGE_RE = /^eval(?:_(fail|warn|info))?\s+range\s+from\s+(\S+)\s+to\s+(\S+)\s+step\s+(\S+?)\s+(.+)$/;
const INSTANT_V2_RE = /^eval(?:_(fail|ordered))?\s+instant\s+(?:at\s+(.+?))?\s+(.+)$/;

function newEval(line: number, expr: string, suffix: string | undefined): EvalCmd {
  return {
    kind: 'eval',
    line,
    expr,
    timeMs: 0,
    fail: suffix === 'fail',
    ordered: suffix === 'ordered',
    anyWarn: suffix === 'warn',
    anyInfo: suffix === 'info',
    warn: [],
    info: [],
    noWarn: false,
    noInfo: false,
    expected: new Map(),
  };
}

function parseEval(lines: string[], i: number, dialect: Dialect): { cmd: EvalCmd; last: number } {
  const header = lines[i];
  let cmd: EvalCmd;
  const mi = (dialect === 'v2' ? INSTANT_V2_RE : INSTANT_RE).exec(header);
  const mr = dialect === 'v3' ? RANGE_RE.exec(header) : null;
  if (mi) {
    cmd = newEval(i + 1, mi[3], mi[1]);
    cmd.timeMs = parseDuration(mi[2] ?? '');
  } else if (mr) {
    cmd = newEval(i + 1, mr[5], mr[1]);
    const r = { startMs: parseDuration(mr[2]), endMs: parseDuration(mr[3]), stepMs: parseDuration(mr[4]) };
    if (r.endMs < r.startMs)
      throw new ScriptSyntaxError(`invalid test definition, end timestamp (${mr[3]}) is before start timestamp (${mr[2]})`);
    cmd.range = r;
  } else {
    throw new ScriptSyntaxError(`invalid eval command "${header}"`);
  }
  let j = i;
  let pos = 0;
  while (j + 1 < lines.length && lines[j + 1] !== '') {
    j++;
    pos++;
    try {
      const r = parseEvalLine(cmd, lines[j], pos, dialect);
      if (r === 'expect') pos--;
      if (r === 'end') break;
    } catch (e) {
      if (!(e instanceof ScriptSyntaxError)) throw e;
      cmd.error ??= `line ${j + 1}: ${e.message}`;
    }
  }
  return { cmd, last: j };
}

const EXPECT_RE = /^expect\s+(ordered|fail|warn|no_warn|info|no_info)(?:\s+(regex|msg):(.*))?$/;

/** Classify one eval body line (§5.2). 'end' ends the block; 'expect' does not count as a position. */
function parseEvalLine(cmd: EvalCmd, line: string, pos: number, dialect: Dialect): 'end' | 'expect' | 'ok' {
  if (cmd.fail && /^expected_fail_(message|regexp)/.test(line)) {
    const m = /^expected_fail_(message|regexp)\s*(.*)$/.exec(line)!;
    if (m[1] === 'message') cmd.failMsg = m[2].trim();
    else cmd.failRegex = m[2].trim();
    return 'end';
  }
  if (dialect === 'v3' && line.startsWith('expect range vector')) {
    const m = /^expect range vector\s+from\s+(\S+)\s+to\s+(\S+)\s+step\s+(\S+)$/.exec(line);
    if (!m) throw new ScriptSyntaxError(`invalid range vector definition "${line}"`);
    if (cmd.range) throw new ScriptSyntaxError('expect range vector is only valid on instant evals');
    cmd.rangeVector = { startMs: parseDuration(m[1]), endMs: parseDuration(m[2]), stepMs: parseDuration(m[3]) };
    cmd.timeMs = cmd.rangeVector.endMs; // the evaluation time becomes `to`
    return 'ok';
  }
  if (dialect === 'v3' && line.startsWith('expect string')) {
    const rest = line.slice('expect string'.length).trim();
    if (rest === '') throw new ScriptSyntaxError('expect string needs an argument');
    const lit = readStringLiteral(rest, 0);
    if (lit.end !== rest.length) throw new ScriptSyntaxError(`invalid expect string "${rest}"`);
    cmd.expectString = lit.value;
    return 'ok';
  }
  if (line.split(' ', 1)[0] === 'expect') {
    if (dialect === 'v2') throw new ScriptSyntaxError('expect lines are not part of the v2.42 dialect');
    parseExpectLine(cmd, line);
    return 'expect';
  }
  const scalar = parseGoNumber(line);
  if (scalar !== undefined) {
    cmd.expectedScalar = scalar;
    return 'end';
  }
  const s = parseSeriesLine(line);
  if (s.st) throw new ScriptSyntaxError('@st lines are only valid in load blocks');
  if (!cmd.range && !cmd.rangeVector && s.slots.length !== 1) {
    throw new ScriptSyntaxError(`expected 1 value for instant eval, got ${s.slots.length}`);
  }
  cmd.expected.set(labelsKey(s.labels), { labels: s.labels, slots: s.slots, pos });
  return 'ok';
}

function parseExpectLine(cmd: EvalCmd, line: string): void {
  const m = EXPECT_RE.exec(line);
  if (!m) throw new ScriptSyntaxError(`invalid expect statement "${line}"`);
  const kind = m[1];
  let exp: AnnotationExpectation = {};
  if (m[2] !== undefined) {
    const text = m[3].trim();
    if (text === '') throw new ScriptSyntaxError(`expect ${kind} ${m[2]}: needs a non-empty argument`);
    if (kind === 'ordered' || kind === 'no_warn' || kind === 'no_info') throw new ScriptSyntaxError(`expect ${kind} takes no ${m[2]}:`);
    exp = m[2] === 'msg' ? { msg: text } : { regex: text };
  }
  switch (kind) {
    case 'ordered':
      if (cmd.range) throw new ScriptSyntaxError('expect ordered is not valid for range evals');
      cmd.ordered = true;
      break;
    case 'fail':
      if (cmd.failMsg !== undefined || cmd.failRegex !== undefined) throw new ScriptSyntaxError('only one expect fail line per eval');
      cmd.fail = true;
      cmd.failMsg = exp.msg;
      cmd.failRegex = exp.regex;
      break;
    case 'warn':
      cmd.warn.push(exp);
      break;
    case 'info':
      cmd.info.push(exp);
      break;
    case 'no_warn':
      cmd.noWarn = true;
      break;
    case 'no_info':
      cmd.noInfo = true;
      break;
  }
  if ((cmd.noWarn && cmd.warn.length > 0) || (cmd.noInfo && cmd.info.length > 0)) {
    throw new ScriptSyntaxError(`expect no_${kind.replace('no_', '')} cannot be combined with expect ${kind.replace('no_', '')}`);
  }
}
