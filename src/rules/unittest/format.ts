// promtool's texts for failed tests: Go's labels.Labels.String()
// ({alertname="X", job="api"}), its alert list layout, and sample values as
// strconv.FormatFloat(v, 'E', -1, 64) ("1E+00", "5.5E-02").

import type { Metric } from '../../model/result.js';

export interface LabelsAndAnnotations {
  labels: Record<string, string>;
  annotations: Record<string, string>;
}

const LEGACY_NAME = /^[a-zA-Z_:][a-zA-Z0-9_:]*$/;

/** Go's strconv.Quote for the common cases (JSON's escapes, \x7f as Go writes it). */
function goQuote(s: string): string {
  return JSON.stringify(s).replace(/\\u007f/g, '\\x7f');
}

export function labelsString(ls: Record<string, string>): string {
  const keys = Object.keys(ls).sort(compareStrings);
  return '{' + keys.map((k) => `${LEGACY_NAME.test(k) ? k : goQuote(k)}=${goQuote(ls[k]!)}`).join(', ') + '}';
}

function compareStrings(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** labels.Compare: by sorted names then values, then length. */
export function compareLabels(a: Record<string, string>, b: Record<string, string>): number {
  const ka = Object.keys(a).sort(compareStrings);
  const kb = Object.keys(b).sort(compareStrings);
  for (let i = 0; i < Math.min(ka.length, kb.length); i++) {
    const c = compareStrings(ka[i]!, kb[i]!) || compareStrings(a[ka[i]!]!, b[kb[i]!]!);
    if (c) return c;
  }
  return ka.length - kb.length;
}

function indentLines(text: string, indent: string): string {
  return text
    .split('\n')
    .map((l, i) => (i > 0 ? indent + l : l))
    .join('\n');
}

/** labelsAndAnnotations.String(), indented as promtool prints exp/got. */
export function alertsString(list: LabelsAndAnnotations[], indent: string): string {
  if (list.length === 0) return '[]';
  const one = (la: LabelsAndAnnotations) => `Labels:${labelsString(la.labels)}\nAnnotations:${labelsString(la.annotations)}`;
  let s = '[\n0:' + indentLines('\n' + one(list[0]!), '  ');
  list.slice(1).forEach((la, i) => (s += `,\n${i + 1}:` + indentLines('\n' + one(la), '  ')));
  s += '\n]';
  return indentLines(s, indent);
}

/** strconv.FormatFloat(v, 'E', -1, 64) */
export function formatFloatE(v: number): string {
  if (Number.isNaN(v)) return 'NaN';
  if (v === Infinity) return '+Inf';
  if (v === -Infinity) return '-Inf';
  const [m, e] = v.toExponential().split('e');
  const exp = Number(e);
  const ae = Math.abs(exp);
  return `${m}E${exp < 0 ? '-' : '+'}${ae < 10 ? '0' + ae : ae}`;
}

export function samplesString(samples: Array<{ labels: Metric; value: number }>): string {
  if (samples.length === 0) return 'nil';
  return samples.map((s) => `${labelsString(s.labels)} ${formatFloatE(s.value)}`).join(', ');
}
