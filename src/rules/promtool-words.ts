// promtool's and Prometheus's own words for rule files, rule evaluation and
// unit tests (Go's YAML decoder, model/rulefmt/rulefmt.go, rules/manager.go, recording.go and
// alerting.go, model.ParseDuration, cmd/promtool/unittest.go), kept
// exactly as they print them: `rules check` and `rules test` give the same
// text as promtool 2.42 and 3.x in every language, so it can be searched for
// and compared with the real tool. What each means, in the learner's language,
// is src/rules/problem-notes.ts; our own sentences are in the message catalog.

export const PROMTOOL = {
  // Go's YAML decoder (gopkg.in/yaml, strict), as promtool reports a file's fields and types
  unknownField: (field: string, type: string) => `field ${field} not found in type ${type}`,
  cannotUnmarshal: (kind: string, type: string) => `cannot unmarshal ${kind} into ${type}`,
  emptyGroupName: 'Groupname must not be empty',
  repeatedGroup: (name: string) => `groupname: "${name}" is repeated in the same file`,
  invalidLabelName: (name: string) => `invalid label name: ${name}`,
  invalidAnnotationName: (name: string) => `invalid annotation name: ${name}`,
  recordAndAlert: "only one of 'record' and 'alert' must be set",
  noRecordOrAlert: "one of 'record' or 'alert' must be set",
  noExpr: "field 'expr' must be set in rule",
  cannotParse: (error: string) => `could not parse expression: ${error}`,
  recordingField: (field: string) => `invalid field '${field}' in recording rule`,
  recordName: (name: string) => `invalid recording rule name: ${name}`,
  recordBraces: (name: string) => `braces present in the recording rule name; should it be in expr?: ${name}`,
  noFileMatch: (pattern: string) => `no file match pattern ${pattern}`,
  evalOrderRepeated: (group: string) => `group name repeated in evaluation order: ${group}`,
  noAlertname: (evalTime: string, where: string) =>
    `an item under alert_rule_test misses required attribute alertname at eval_time ${evalTime}${where}`,
  notVectorOrScalar: 'rule result is not a vector or scalar',
  sameLabelset: (what: 'alert' | 'rule') => `vector contains metrics with the same labelset after applying ${what} labels`,
  alertLimit: (limit: number, n: number) => `exceeded limit of ${limit} with ${n} alerts`,
  seriesLimit: (limit: number, n: number) => `exceeded limit of ${limit} with ${n} series`,
  emptyDuration: 'empty duration string',
  badDuration: (text: string) => `not a valid duration string: ${JSON.stringify(text)}`,
  badTimestamp: (text: string) => `cannot parse "${text}" to a valid timestamp`,
} as const;
