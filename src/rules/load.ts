// Loading and validating Prometheus rule files, as `promtool check rules`
// does (model/rulefmt/rulefmt.go, cmd/promtool/main.go): strict fields,
// record xor alert, a parseable expression, no annotations/for on recording
// rules, valid names, alert templates that parse, distinct group names, and
// promtool's duplicate-rule lint. Messages use promtool's words; positions
// are the file's line:column.
//
// Names are validated as Prometheus 3 does (UTF-8 names allowed);
// Prometheus 2.42 still required legacy names ([a-zA-Z_:][a-zA-Z0-9_:]*).

import type { Node, Pair } from 'yaml';
import { parse } from '../promql/index.js';
import { ParseError } from '../promql/errors.js';
import { checkAlertTemplate } from './template/index.js';
import { parseModelDuration } from './duration.js';
import type { GroupDef, RuleDef, RuleFile } from './model.js';
import { ruleIdentity } from './model.js';
import { YamlReader, type Problem } from './yaml-nodes.js';
import { t } from '../util/messages/index.js';
import { PROMTOOL } from './promtool-words.js';

const GROUPS_FIELDS = ['groups'];
/** The fields of a group and of a rule (rulefmt.RuleGroup, rulefmt.Rule); any other is a problem. */
export const GROUP_FIELDS = ['name', 'interval', 'query_offset', 'limit', 'rules', 'labels'];
export const RULE_FIELDS = ['record', 'alert', 'expr', 'for', 'keep_firing_for', 'labels', 'annotations'];

export interface LoadResult {
  file: RuleFile;
  problems: Problem[];
  /** promtool's lint findings (duplicate rules); promlearn treats them as errors. */
  lint: Problem[];
}

function duration(r: YamlReader, pair: Pair<Node, Node | null> | undefined): number | undefined {
  const s = r.str(pair);
  if (s === undefined) return undefined;
  try {
    return parseModelDuration(s);
  } catch (e) {
    r.add(pair!.value, (e as Error).message);
    return undefined;
  }
}

function validLabelName(k: string): boolean {
  return k.length > 0 && k !== '__name__' && !k.includes('\uFFFD');
}

/** Loads one rule file's text. Never throws for the file's mistakes: they are problems. */
export function loadRuleText(path: string, text: string): LoadResult {
  const r = new YamlReader(text);
  const file: RuleFile = { path, groups: [] };
  if (!r.ok) return { file, problems: r.problems, lint: [] };
  const top = r.fields(r.doc.contents, 'rulefmt.RuleGroups', GROUPS_FIELDS);
  const seen = new Set<string>();
  for (const gNode of r.seq(top.get('groups')?.value, '[]rulefmt.RuleGroup')) {
    const g = readGroup(r, gNode, path);
    if (!g) continue;
    if (g.name === '') r.add(gNode, PROMTOOL.emptyGroupName);
    if (seen.has(g.name)) r.add(gNode, PROMTOOL.repeatedGroup(g.name));
    seen.add(g.name);
    file.groups.push(g);
  }
  return { file, problems: r.problems, lint: r.problems.length ? [] : duplicates(file) };
}

function readGroup(r: YamlReader, node: Node, path: string): GroupDef | undefined {
  const f = r.fields(node, 'rulefmt.RuleGroup', GROUP_FIELDS);
  const labels: Record<string, string> = {};
  for (const [k, { value, node: vn }] of r.stringMap(f.get('labels'))) {
    if (!validLabelName(k)) r.add(vn, PROMTOOL.invalidLabelName(k));
    labels[k] = value;
  }
  const g: GroupDef = {
    name: r.str(f.get('name')) ?? '',
    file: path,
    intervalMs: duration(r, f.get('interval')),
    queryOffsetMs: duration(r, f.get('query_offset')),
    limit: r.int(f.get('limit')) ?? 0,
    labels,
    rules: [],
    pos: r.pos(node),
  };
  if (g.intervalMs === 0) g.intervalMs = undefined;
  r.seq(f.get('rules')?.value, '[]rulefmt.Rule').forEach((ruleNode, i) => {
    const rule = readRule(r, ruleNode, g, i + 1);
    if (rule) g.rules.push(rule);
  });
  return g;
}

function readRule(r: YamlReader, node: Node, g: GroupDef, index: number): RuleDef | undefined {
  const f = r.fields(node, 'rulefmt.Rule', RULE_FIELDS);
  const record = r.str(f.get('record')) ?? '';
  const alert = r.str(f.get('alert')) ?? '';
  const expr = r.str(f.get('expr')) ?? '';
  const name = alert || record;
  const where = `group "${g.name}", rule ${index}, "${name}"`;
  const err = (at: Node | Pair | null | undefined, msg: string, query?: Problem['query'], hint?: string) =>
    r.add(at ?? node, `${where}: ${msg}`, query, hint);
  const recordNode = (f.get('record') ?? f.get('alert'))?.value;
  if (record && alert) {
    // promtool names both places: "L:C: L:C: group …" (record's, then alert's).
    const alt = r.pos(f.get('alert')!.value);
    r.add(f.get('record')!.value, `${alt.line}:${alt.col}: ${where}: ${PROMTOOL.recordAndAlert}`);
  }
  if (!record && !alert) err(node, PROMTOOL.noRecordOrAlert);
  let ast;
  const exprNode = f.get('expr')?.value;
  if (expr === '') err(f.get('expr') ?? node, PROMTOOL.noExpr);
  else {
    try {
      ast = parse(expr);
    } catch (e) {
      if (!(e instanceof ParseError)) throw e;
      err(exprNode, PROMTOOL.cannotParse(e.message), { text: expr, start: e.position!.start, end: e.position!.end }, e.hint);
    }
  }
  const forMs = duration(r, f.get('for')) ?? 0;
  const keepFiringForMs = duration(r, f.get('keep_firing_for')) ?? 0;
  const ruleLabels = r.stringMap(f.get('labels'));
  const annotations = r.stringMap(f.get('annotations'));
  if (record) {
    if (annotations.size > 0) err(recordNode, PROMTOOL.recordingField('annotations'));
    if (forMs) err(recordNode, PROMTOOL.recordingField('for'));
    if (keepFiringForMs) err(recordNode, PROMTOOL.recordingField('keep_firing_for'));
    if (record.includes('\uFFFD')) err(recordNode, PROMTOOL.recordName(record));
    if (record.includes('{') || record.includes('}')) err(recordNode, PROMTOOL.recordBraces(record));
  }
  for (const [k, { node: vn }] of ruleLabels) if (!validLabelName(k)) err(vn, PROMTOOL.invalidLabelName(k));
  for (const [k, { node: vn }] of annotations) if (!validLabelName(k) || k === '__name__') err(vn, PROMTOOL.invalidAnnotationName(k));
  if (alert) {
    for (const [kind, map] of [
      ['label', ruleLabels],
      ['annotation', annotations],
    ] as const) {
      for (const [k, { value, node: vn }] of map) {
        const msg = checkAlertTemplate(value, alert);
        if (msg) err(vn, `${kind} "${k}": ${msg}`);
      }
    }
  }
  if (!ast || !name) return undefined;
  const labels: Record<string, string> = { ...g.labels };
  for (const [k, { value }] of ruleLabels) labels[k] = value;
  return {
    kind: alert ? 'alerting' : 'recording',
    name,
    expr,
    ast,
    forMs,
    keepFiringForMs,
    labels,
    annotations: Object.fromEntries([...annotations].map(([k, { value }]) => [k, value])),
    index,
    pos: r.pos(node),
    exprPos: r.pos(exprNode),
  };
}

/** promtool's duplicate-rules lint: same name and same labels (group labels included) anywhere in the file. */
function duplicates(file: RuleFile): Problem[] {
  const first = new Map<string, RuleDef>();
  const out: Problem[] = [];
  for (const g of file.groups) {
    for (const rule of g.rules) {
      const id = ruleIdentity(rule);
      const prev = first.get(id);
      if (!prev) {
        first.set(id, rule);
        continue;
      }
      const labels = Object.keys(rule.labels)
        .sort()
        .map((k) => `${k}: ${rule.labels[k]}`);
      out.push({
        ...rule.pos,
        message: t('rules.duplicate', {
          name: rule.name,
          labels: labels.length ? t('rules.duplicateLabels', { labels: labels.join(', ') }) : '',
          line: prev.pos.line,
          group: g.name,
          index: rule.index,
        }),
      });
    }
  }
  return out;
}
