// What promtool's words mean, in the learner's language. `rules check` and
// `rules test` print promtool's own English text (the same as promtool 2.42 and
// 3.x, so a learner can search for it and compare with the real tool); when the
// learner reads another language, a line beside each problem says what it
// means and how to fix it. Matched on the text, as src/promql/annotation-hints.ts
// does for Prometheus's annotations, so the texts themselves stay promtool's.

import { runtimeErrorHint } from '../promql/hints.js';
import { t } from '../util/messages/index.js';
import { GROUP_FIELDS, RULE_FIELDS } from './load.js';
import { PROMTOOL } from './promtool-words.js';

/** The fields of promtool's Go types where we know them (rule files). */
const FIELDS_OF: Record<string, readonly string[]> = {
  'rulefmt.RuleGroups': ['groups'],
  'rulefmt.RuleGroup': GROUP_FIELDS,
  'rulefmt.Rule': RULE_FIELDS,
};

/** A YAML kind (!!map …) or a Go type (map[string]string, []rulefmt.Rule, string …) as a learner names it. */
function kindName(kind: string): string {
  if (kind === '!!map' || /^map\[|^rulefmt\.RuleGroups?$|^rulefmt\.Rule$|^main\.\w+$/.test(kind)) return t('rules.kind.map');
  if (kind === '!!seq' || kind.startsWith('[]')) return t('rules.kind.list');
  if (kind === '!!str' || kind === 'string') return t('rules.kind.string');
  if (kind === '!!int' || kind === '!!float' || kind === 'int' || kind === 'float64') return t('rules.kind.number');
  if (kind === '!!bool' || kind === 'bool') return t('rules.kind.bool');
  if (kind === '!!null') return t('rules.kind.null');
  return kind;
}

type Note = (m: RegExpMatchArray) => string;

/** A rule-file problem's message (after FILE:LINE:COL, maybe after `group "g", rule 1, "name": `) → what it means. */
const PROBLEMS: ReadonlyArray<readonly [RegExp, Note]> = [
  [/^yaml: /, () => t('rules.note.yaml')],
  [
    /field (\S+) not found in type (\S+)$/,
    (m) => {
      const fields = FIELDS_OF[m[2]!];
      return fields
        ? t('rules.note.unknownFieldKnown', { field: m[1]!, type: m[2]!, fields: fields.join(', ') })
        : t('rules.note.unknownField', { field: m[1]!, type: m[2]! });
    },
  ],
  [/cannot unmarshal (!!\w+)(?: `[^`]*`)? into (\S+)$/, (m) => t('rules.note.wrongKind', { want: kindName(m[2]!), got: kindName(m[1]!) })],
  [/^Groupname must not be empty$/, () => t('rules.note.emptyGroupName')],
  [/^groupname: "(.*)" is repeated in the same file$/, (m) => t('rules.note.repeatedGroup', { name: m[1]! })],
  [/only one of 'record' and 'alert' must be set$/, () => t('rules.note.recordAndAlert')],
  [/one of 'record' or 'alert' must be set$/, () => t('rules.note.noRecordOrAlert')],
  [/field 'expr' must be set in rule$/, () => t('rules.note.noExpr')],
  [/could not parse expression: /, () => t('rules.note.parse')],
  [/invalid field '(\w+)' in recording rule$/, (m) => t('rules.note.recordingField', { field: m[1]! })],
  [/invalid recording rule name: /, () => t('rules.note.recordName')],
  [/braces present in the recording rule name/, () => t('rules.note.recordBraces')],
  [/invalid label name: /, () => t('rules.note.labelName')],
  [/invalid annotation name: /, () => t('rules.note.annotationName')],
  [
    /(label|annotation) "([^"]*)": template: /,
    (m) => t('rules.note.template', { kind: t(m[1] === 'label' ? 'rules.kind.label' : 'rules.kind.annotation'), name: m[2]! }),
  ],
  [/not a valid duration string: |empty duration string$/, () => t('rules.note.duration')],
  [/to a valid timestamp$/, () => t('rules.note.timestamp')],
];

/** What a rule-file problem means, in this run's language; undefined for a text we do not know. */
export function problemNote(message: string): string | undefined {
  for (const [re, note] of PROBLEMS) {
    const m = message.match(re);
    if (m) return note(m);
  }
  return undefined;
}

/** What a failed rule evaluation's error (Prometheus's text, or the query engine's) means; undefined if we cannot say. */
export function evalErrorNote(message: string): string | undefined {
  if (/^exceeded limit of \d+ with \d+ (series|alerts)$/.test(message)) return t('rules.note.limit');
  if (/^vector contains metrics with the same labelset after applying (alert|rule) labels$/.test(message))
    return t('rules.note.sameLabelset');
  if (message === PROMTOOL.notVectorOrScalar) return t('rules.note.notVector');
  return runtimeErrorHint(message);
}

/** A failure `rules test` prints (promtool's text) → what it means. */
const FAILURES: ReadonlyArray<readonly [RegExp, Note]> = [
  [/^(?: {4}name: .*,\n)? {4}alertname: (.*), time: (\S+), \n/, (m) => t('rules.note.alertMismatch', { alert: m[1]!, time: m[2]! })],
  [/^ {4}expr: (".*"), time: (\S+),\n/, (m) => t('rules.note.exprMismatch', { expr: m[1]!, time: m[2]! })],
  [/^ {4}expr: ".*", time: \S+, err: /, () => t('rules.note.exprError')],
  [
    /^ {4}rule: (.*), time: (\S+), err: (.*)$/,
    (m) => [t('rules.note.ruleError', { rule: m[1]!, time: m[2]! }), evalErrorNote(m[3]!)].filter(Boolean).join(' '),
  ],
  [/^open .*: /, () => t('rules.note.open')],
  [/misses required attribute alertname/, () => t('rules.note.noAlertname')],
  [/^group name repeated in evaluation order: /, () => t('rules.note.evalOrder')],
  [/^no file match pattern /, () => t('rules.note.noFileMatch')],
  // A problem in the test file or a rule file: FILE:LINE:COL: message.
  [/^\S+:\d+:\d+: (.*)$/, (m) => problemNote(m[1]!) ?? ''],
];

/** What one line (or block) of `rules test` output means; undefined for a text we do not know. */
export function failureNote(text: string): string | undefined {
  for (const [re, note] of FAILURES) {
    const m = text.match(re);
    if (m) return note(m) || undefined;
  }
  return undefined;
}
