// promtool's unit-test file (cmd/promtool/unittest.go), read strictly as
// promtool does (yaml.UnmarshalStrict: unknown fields are errors, named with
// promtool's Go types, e.g. "field foo not found in type main.testGroup").

import { readdirSync } from 'node:fs';
import { dirname, isAbsolute, join, basename } from 'node:path';
import type { Node, Pair } from 'yaml';
import { parseModelDuration } from '../duration.js';
import { YamlReader, type Problem } from '../yaml-nodes.js';
import { PROMTOOL } from '../promtool-words.js';

export interface InputSeries {
  series: string;
  values: string;
  line: number;
}

export interface AlertTestCase {
  evalTimeMs: number;
  alertname: string;
  expAlerts: Array<{ labels: Record<string, string>; annotations: Record<string, string> }>;
}

export interface PromqlTestCase {
  expr: string;
  evalTimeMs: number;
  expSamples: Array<{ labels: string; value: number; histogram?: string }>;
}

export interface TestGroup {
  name: string;
  intervalMs: number;
  inputSeries: InputSeries[];
  alertTests: AlertTestCase[];
  promqlTests: PromqlTestCase[];
  externalLabels: Record<string, string>;
  externalURL: string;
  startMs: number;
}

export interface TestFile {
  ruleFiles: string[];
  /** rule_files patterns that matched nothing (promtool warns). */
  unmatched: string[];
  evaluationIntervalMs: number;
  groupEvalOrder: string[];
  tests: TestGroup[];
  fuzzyCompare: boolean;
}

type Fields = Map<string, Pair<Node, Node | null>>;

function dur(r: YamlReader, f: Fields, key: string): number | undefined {
  const s = r.str(f.get(key));
  if (s === undefined) return undefined;
  try {
    return parseModelDuration(s);
  } catch (e) {
    r.add(f.get(key)!.value, (e as Error).message);
    return undefined;
  }
}

function strings(r: YamlReader, f: Fields, key: string): string[] {
  return r.seq(f.get(key)?.value, '[]string').map((n) => r.str({ value: n } as Pair<Node, Node | null>) ?? '');
}

/** Glob with `*` and `?` in the last path element (what rule_files usually need). */
function glob(pattern: string): string[] {
  const base = basename(pattern);
  if (!/[*?[]/.test(base)) {
    try {
      return readdirSync(dirname(pattern)).includes(base) ? [pattern] : [];
    } catch {
      return [];
    }
  }
  const re = new RegExp(
    '^' +
      base
        .replace(/[.+^${}()|\\]/g, '\\$&')
        .replace(/\*/g, '[^/]*')
        .replace(/\?/g, '[^/]') +
      '$',
  );
  try {
    return readdirSync(dirname(pattern))
      .filter((n) => re.test(n))
      .sort()
      .map((n) => join(dirname(pattern), n));
  } catch {
    return [];
  }
}

function parseStartTimestamp(s: string): number {
  if (/^-?\d+(\.\d+)?$/.test(s)) return Math.round(Number(s) * 1000);
  const t = Date.parse(s);
  if (Number.isNaN(t) || !/^\d{4}-\d{2}-\d{2}T/.test(s)) throw new Error(PROMTOOL.badTimestamp(s));
  return t;
}

function readGroup(r: YamlReader, node: Node, file: { evaluationIntervalMs: number }): TestGroup {
  const f = r.fields(node, 'main.testGroup', [
    'interval',
    'input_series',
    'alert_rule_test',
    'promql_expr_test',
    'external_labels',
    'external_url',
    'name',
    'start_timestamp',
  ]);
  const inputSeries = r.seq(f.get('input_series')?.value, '[]main.series').map((n) => {
    const s = r.fields(n, 'main.series', ['series', 'values']);
    return { series: r.str(s.get('series')) ?? '', values: r.str(s.get('values')) ?? '', line: r.pos(n).line };
  });
  const alertTests = r.seq(f.get('alert_rule_test')?.value, '[]main.alertTestCase').map((n) => {
    const a = r.fields(n, 'main.alertTestCase', ['eval_time', 'alertname', 'exp_alerts']);
    return {
      evalTimeMs: dur(r, a, 'eval_time') ?? 0,
      alertname: r.str(a.get('alertname')) ?? '',
      expAlerts: r.seq(a.get('exp_alerts')?.value, '[]main.alert').map((e) => {
        const x = r.fields(e, 'main.alert', ['exp_labels', 'exp_annotations']);
        const map = (k: string) => Object.fromEntries([...r.stringMap(x.get(k))].map(([key, v]) => [key, v.value]));
        return { labels: map('exp_labels'), annotations: map('exp_annotations') };
      }),
    };
  });
  const promqlTests = r.seq(f.get('promql_expr_test')?.value, '[]main.promqlTestCase').map((n) => {
    const p = r.fields(n, 'main.promqlTestCase', ['expr', 'eval_time', 'exp_samples']);
    return {
      expr: r.str(p.get('expr')) ?? '',
      evalTimeMs: dur(r, p, 'eval_time') ?? 0,
      expSamples: r.seq(p.get('exp_samples')?.value, '[]main.sample').map((sn) => {
        const s = r.fields(sn, 'main.sample', ['labels', 'value', 'histogram']);
        const v = r.str(s.get('value'));
        const value =
          v === undefined
            ? 0
            : /^[+-]?\.?inf$/i.test(v)
              ? v.startsWith('-')
                ? -Infinity
                : Infinity
              : /^\.?nan$/i.test(v)
                ? NaN
                : Number(v);
        if (Number.isNaN(value) && v !== undefined && !/nan/i.test(v))
          r.add(s.get('value')!.value, PROMTOOL.cannotUnmarshal(`!!str \`${v}\``, 'float64'));
        return { labels: r.str(s.get('labels')) ?? '', value, histogram: r.str(s.get('histogram')) };
      }),
    };
  });
  let startMs = 0;
  const st = r.str(f.get('start_timestamp'));
  if (st !== undefined) {
    try {
      startMs = parseStartTimestamp(st);
    } catch (e) {
      r.add(f.get('start_timestamp')!.value, (e as Error).message);
    }
  }
  return {
    name: r.str(f.get('name')) ?? '',
    intervalMs: dur(r, f, 'interval') || file.evaluationIntervalMs,
    inputSeries,
    alertTests,
    promqlTests,
    externalLabels: Object.fromEntries([...r.stringMap(f.get('external_labels'))].map(([k, v]) => [k, v.value])),
    externalURL: r.str(f.get('external_url')) ?? '',
    startMs,
  };
}

/** Reads a test file's text; problems carry line:col. `path` resolves rule_files. */
export function readTestFile(path: string, text: string): { file?: TestFile; problems: Problem[] } {
  const r = new YamlReader(text);
  if (!r.ok) return { problems: r.problems };
  const f = r.fields(r.doc.contents, 'main.unitTestFile', [
    'rule_files',
    'evaluation_interval',
    'group_eval_order',
    'tests',
    'fuzzy_compare',
  ]);
  const evaluationIntervalMs = dur(r, f, 'evaluation_interval') || 60_000;
  const patterns = strings(r, f, 'rule_files').map((p) => (p && !isAbsolute(p) ? join(dirname(path), p) : p));
  const ruleFiles: string[] = [];
  const unmatched: string[] = [];
  for (const p of patterns) {
    const m = glob(p);
    if (m.length === 0) unmatched.push(p);
    ruleFiles.push(...m);
  }
  const file: TestFile = {
    ruleFiles,
    unmatched,
    evaluationIntervalMs,
    groupEvalOrder: strings(r, f, 'group_eval_order'),
    tests: [],
    fuzzyCompare: r.bool(f.get('fuzzy_compare')) ?? false,
  };
  file.tests = r.seq(f.get('tests')?.value, '[]main.testGroup').map((n) => readGroup(r, n, file));
  return { file, problems: r.problems };
}
