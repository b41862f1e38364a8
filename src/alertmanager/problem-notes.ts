// What Alertmanager's words about a configuration mean, in the learner's
// language. `alerts route` prints Alertmanager's own English text (config.go,
// labels/parse.go, timeinterval.go) as amtool would; when the learner reads
// another language, a line beside each problem says what it means. The YAML,
// field, type and duration problems it shares with rule files are explained
// by src/rules/problem-notes.ts.

import { t } from '../util/messages/index.js';
import { problemNote } from '../rules/problem-notes.js';

const NOTES: ReadonlyArray<readonly [RegExp, (m: RegExpMatchArray) => string]> = [
  [/^undefined receiver "(.*)" used in route$/, (m) => t('alerts.note.undefinedReceiver', { name: m[1]! })],
  [/^undefined time interval "(.*)" used in route$/, (m) => t('alerts.note.undefinedInterval', { name: m[1]! })],
  [/^root route must specify a default receiver$/, () => t('alerts.note.rootReceiver')],
  [
    /^root route must not have any matchers$|^cannot have continue in root route$|^root route must not have any mute time intervals$/,
    () => t('alerts.note.root'),
  ],
  [/^no routes provided$/, () => t('alerts.note.noRoute')],
  [/^(\w+) cannot be zero$/, (m) => t('alerts.note.zero', { field: m[1]! })],
  [/^cannot have wildcard group_by/, () => t('alerts.note.groupByAll')],
  [/is not unique$/, () => t('alerts.note.notUnique')],
  [/^bad matcher format: |^invalid regular expression /, () => t('alerts.note.matcher')],
  [/^unknown time zone /, () => t('alerts.note.zone')],
  [/^start time cannot be equal or greater than end time$/, () => t('alerts.note.startAfterEnd')],
  [/time|weekday|month|day of the month|invalid range|invalid \w+ value/, () => t('alerts.note.timeInterval')],
];

/** What a problem in an Alertmanager configuration means, in this run's language; undefined for a text we do not know. */
export function alertmanagerNote(message: string): string | undefined {
  const rule = NOTES.find(([re]) => re.test(message));
  return rule ? rule[1](message.match(rule[0])!) : problemNote(message);
}
