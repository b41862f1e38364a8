// Running promtool's unit tests (cmd/promtool/unittest.go, testGroup.test):
// load the input series, evaluate every group (in group_eval_order) at each
// evaluation_interval from the start up to the last eval_time, compare the
// firing alerts at each alert_rule_test's eval_time (the state after the
// last evaluation at or before it), then run each promql_expr_test against
// the input plus everything the rules wrote. Failure texts follow promtool's.

import { readFileSync } from 'node:fs';
import { createLocalBackend } from '../../backends/local.js';
import type { Metric } from '../../model/result.js';
import { MemoryStore } from '../../storage/store.js';
import { appendRuleSample } from '../../storage/rule-output.js';
import { RuleEvaluator } from '../evaluate.js';
import { formatModelDuration } from '../duration.js';
import { checkRuleFile, RuleFileReadError } from '../files.js';
import type { GroupDef } from '../model.js';
import { backendQuerier } from '../querier.js';
import { readTestFile, type AlertTestCase, type TestFile, type TestGroup } from './file.js';
import { alertsString, compareLabels, labelsString, samplesString, type LabelsAndAnnotations } from './format.js';
import { appendSeriesSamples, expandValues, seriesLabels, type SeriesValue } from './series.js';
import { t } from '../../util/messages/index.js';
import { PROMTOOL } from '../promtool-words.js';

export interface TestFileResult {
  path: string;
  ok: boolean;
  /** promtool's failure texts, in order. */
  errors: string[];
  warnings: string[];
  groups: Array<{ name: string; ok: boolean }>;
  /** Our hints (not promtool's) for some errors, by their text: what `query` says under a PromQL error in a rule file. */
  hints: Map<string, string>;
}

export interface RunOptions {
  /** Regexes: only test groups whose name matches one (promtool --run). */
  run?: string[];
}

export async function runTestFiles(paths: string[], opts: RunOptions = {}): Promise<TestFileResult[]> {
  const out: TestFileResult[] = [];
  for (const p of paths) out.push(await runTestFile(p, opts));
  return out;
}

export async function runTestFile(path: string, opts: RunOptions = {}): Promise<TestFileResult> {
  const res: TestFileResult = { path, ok: true, errors: [], warnings: [], groups: [], hints: new Map() };
  const fail = (e: string) => {
    res.ok = false;
    res.errors.push(e);
    return res;
  };
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (e) {
    return fail(`open ${path}: ${(e as NodeJS.ErrnoException).code === 'ENOENT' ? 'no such file or directory' : (e as Error).message}`);
  }
  const { file, problems } = readTestFile(path, text);
  if (!file || problems.length) return fail(problems.map((p) => `${path}:${p.line}:${p.col}: ${p.message}`).join('\n'));
  for (const u of file.unmatched) res.warnings.push(PROMTOOL.noFileMatch(u));
  const order = new Map<string, number>();
  for (const [i, g] of file.groupEvalOrder.entries()) {
    if (order.has(g)) return fail(PROMTOOL.evalOrderRepeated(g));
    order.set(g, i);
  }
  const run = opts.run?.length ? new RegExp(opts.run.join('|')) : undefined;
  for (const [i, tg] of file.tests.entries()) {
    if (run && !run.test(tg.name)) continue;
    const errs = await runGroup(tg, file, order, res.hints);
    res.groups.push({ name: tg.name || `unnamed#${i}`, ok: errs.length === 0 });
    for (const e of errs) fail(e);
  }
  return res;
}

/** Loads the rule files as the rule manager's LoadGroups does: every problem is an error. */
function loadGroups(
  file: TestFile,
  tg: TestGroup,
  order: Map<string, number>,
  hints: Map<string, string>,
): { groups: GroupDef[]; errors: string[] } {
  const groups: GroupDef[] = [];
  const errors: string[] = [];
  for (const path of file.ruleFiles) {
    try {
      const f = checkRuleFile(path);
      for (const p of f.problems) {
        const text = `${path}:${p.line}:${p.col}: ${p.message}`;
        errors.push(text);
        if (p.hint) hints.set(text, p.hint);
      }
      for (const g of f.file.groups) groups.push({ ...g, intervalMs: g.intervalMs ?? tg.intervalMs });
    } catch (e) {
      if (e instanceof RuleFileReadError) errors.push(e.message);
      else throw e;
    }
  }
  // Groups not named in group_eval_order come first (order 0), as in promtool; ties keep file order.
  groups.sort((a, b) => (order.get(a.name) ?? 0) - (order.get(b.name) ?? 0));
  return { groups, errors };
}

function loadInput(tg: TestGroup): MemoryStore {
  const store = new MemoryStore();
  for (const s of tg.inputSeries) {
    let labels: Metric;
    let values: SeriesValue[];
    try {
      labels = seriesLabels(s.series);
      values = expandValues(s.values);
    } catch (e) {
      throw new Error(t('rules.test.inputSeries', { line: s.line, detail: (e as Error).message }));
    }
    const id = store.getOrCreateSeries(labels);
    appendSeriesSamples((tMs, v) => store.append(id, tMs, v), values, tg.startMs, tg.intervalMs);
  }
  return store;
}

function maxEvalTime(tg: TestGroup): number {
  return Math.max(0, ...tg.alertTests.map((a) => a.evalTimeMs), ...tg.promqlTests.map((p) => p.evalTimeMs));
}

async function runGroup(tg: TestGroup, file: TestFile, order: Map<string, number>, hints: Map<string, string>): Promise<string[]> {
  let store: MemoryStore;
  try {
    store = loadInput(tg);
  } catch (e) {
    return [(e as Error).message];
  }
  const { groups, errors } = loadGroups(file, tg, order, hints);
  if (errors.length) return errors;
  for (const a of tg.alertTests) {
    if (a.alertname === '') {
      const where = tg.name ? ` (in TestGroup ${tg.name})` : '';
      return [PROMTOOL.noAlertname(formatModelDuration(a.evalTimeMs), where)];
    }
  }
  const backend = createLocalBackend(store, { name: 'test', description: 'promtool test' });
  const querier = backendQuerier(backend);
  const ev = new RuleEvaluator(groups, querier, {
    defaultIntervalMs: tg.intervalMs,
    externalLabels: tg.externalLabels,
    externalURL: tg.externalURL,
    writer: { append: (l, tMs, v) => appendRuleSample(store, l, tMs, v) },
  });
  const errs: string[] = [];
  const alertTimes = [...new Set(tg.alertTests.map((a) => a.evalTimeMs))].sort((a, b) => a - b);
  let curr = 0;
  const mint = tg.startMs;
  const maxt = mint + maxEvalTime(tg);
  for (let ts = mint; ts <= maxt; ts += file.evaluationIntervalMs) {
    const evalErrs: string[] = [];
    for (const g of groups) {
      for (const e of await ev.evalGroup(g, ts)) evalErrs.push(`    rule: ${e.rule}, time: ${formatGoDurationMs(ts)}, err: ${e.message}`);
    }
    if (evalErrs.length) return [...errs, ...evalErrs];
    while (curr < alertTimes.length && ts - mint <= alertTimes[curr]! && alertTimes[curr]! < ts + file.evaluationIntervalMs - mint) {
      const at = alertTimes[curr]!;
      for (const tc of tg.alertTests.filter((a) => a.evalTimeMs === at)) {
        const e = compareAlerts(ev, tc, tg.name, file.fuzzyCompare);
        if (e) errs.push(e);
      }
      curr++;
    }
  }
  for (const pt of tg.promqlTests) {
    const e = await comparePromql(querier, pt, mint, tg.name, file.fuzzyCompare);
    if (e) errs.push(e);
  }
  return errs;
}

/** Go's time.Duration String for a test time: 0s, 5m0s, 1h0m0s. */
export function formatGoDurationMs(ms: number): string {
  if (ms === 0) return '0s';
  const h = Math.floor(ms / 3600_000);
  const m = Math.floor((ms % 3600_000) / 60_000);
  const s = (ms % 60_000) / 1000;
  if (h > 0) return `${h}h${m}m${s}s`;
  if (m > 0) return `${m}m${s}s`;
  return ms < 1000 ? `${ms}ms` : `${s}s`;
}

function floatsEqual(a: number, b: number, fuzzy: boolean): boolean {
  if (a === b) return true;
  if (!fuzzy) return false;
  // math.Nextafter in either direction: one ulp apart.
  const buf = new Float64Array([a]);
  const bits = new BigInt64Array(buf.buffer);
  for (const d of [1n, -1n]) {
    const x = new BigInt64Array([bits[0]! + d]);
    if (new Float64Array(x.buffer)[0] === b) return true;
  }
  return false;
}

function compareAlerts(ev: RuleEvaluator, tc: AlertTestCase, groupName: string, fuzzy: boolean): string | undefined {
  const got: LabelsAndAnnotations[] = [];
  for (const [rule, state] of ev.alerting) {
    if (rule.name !== tc.alertname) continue;
    for (const a of state.alertsIn('firing')) got.push({ labels: a.labels, annotations: a.annotations });
  }
  const exp: LabelsAndAnnotations[] = tc.expAlerts.map((a) => ({
    labels: { ...a.labels, alertname: tc.alertname },
    annotations: a.annotations,
  }));
  const sort = (x: LabelsAndAnnotations[]) =>
    x.sort((a, b) => compareLabels(a.labels, b.labels) || compareLabels(a.annotations, b.annotations));
  sort(got);
  sort(exp);
  const same =
    got.length === exp.length &&
    got.every(
      (g, i) =>
        labelsString(g.labels) === labelsString(exp[i]!.labels) && labelsString(g.annotations) === labelsString(exp[i]!.annotations),
    );
  void fuzzy;
  if (same) return undefined;
  const name = groupName ? `    name: ${groupName},\n` : '';
  return `${name}    alertname: ${tc.alertname}, time: ${formatModelDuration(tc.evalTimeMs)}, \n        exp:${alertsString(exp, '            ')}, \n        got:${alertsString(got, '            ')}`;
}

async function comparePromql(
  querier: ReturnType<typeof backendQuerier>,
  pt: TestGroup['promqlTests'][number],
  mint: number,
  _groupName: string,
  fuzzy: boolean,
): Promise<string | undefined> {
  const head = `    expr: ${JSON.stringify(pt.expr)}, time: ${formatModelDuration(pt.evalTimeMs)}`;
  let got;
  try {
    got = await querier.query(pt.expr, mint + pt.evalTimeMs);
  } catch (e) {
    return `${head}, err: ${(e as Error).message}`;
  }
  const exp: Array<{ labels: Metric; value: number }> = [];
  for (const s of pt.expSamples) {
    if (s.histogram) return t('rules.test.histogramSamples', { head, labels: JSON.stringify(s.labels) });
    try {
      // parser.ParseMetric: '{}' (or nothing) is the empty label set.
      exp.push({ labels: /^\s*(\{\s*\})?\s*$/.test(s.labels) ? {} : seriesLabels(s.labels), value: s.value });
    } catch (e) {
      return `${head}, err: labels ${JSON.stringify(s.labels)}: ${(e as Error).message}`;
    }
  }
  const byLabels = (a: { labels: Metric }, b: { labels: Metric }) => compareLabels(a.labels, b.labels);
  exp.sort(byLabels);
  const gotSorted = [...got].sort(byLabels);
  const same =
    exp.length === gotSorted.length &&
    exp.every((e, i) => labelsString(e.labels) === labelsString(gotSorted[i]!.labels) && floatsEqual(e.value, gotSorted[i]!.value, fuzzy));
  if (same) return undefined;
  return `${head},\n        exp: ${samplesString(exp)}\n        got: ${samplesString(gotSorted)}`;
}
