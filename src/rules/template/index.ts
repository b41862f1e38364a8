// Alert templates as Prometheus expands them (rules/alerting.go): the
// template text gets the convenience variables prepended on the same line,
//
//   {{$labels := .Labels}}{{$externalLabels := .ExternalLabels}}{{$externalURL := .ExternalURL}}{{$value := .Value}}
//
// and runs with missingkey=zero. A failed expansion becomes the text
// "<error expanding template: ...>", exactly as Prometheus stores it.

import { executeTemplate, TemplateExecError } from './exec.js';
import { templateFunctions, TEMPLATE_FUNCTION_NAMES, type TemplateEnv } from './functions.js';
import { TemplateParseError } from './lex.js';
import { parseTemplate, type ParsedTemplate } from './parse.js';
import { GoMap } from './values.js';

export type { TemplateEnv } from './functions.js';

const DEFS = '{{$labels := .Labels}}{{$externalLabels := .ExternalLabels}}{{$externalURL := .ExternalURL}}{{$value := .Value}}';

const cache = new Map<string, ParsedTemplate>();

/** Parses an alert template; throws TemplateParseError ("template: __alert_X:1: function "y" not defined"). */
export function parseAlertTemplate(text: string, alertName: string): ParsedTemplate {
  const name = `__alert_${alertName}`;
  const key = `${name}\u0000${text}`;
  let t = cache.get(key);
  if (!t) {
    t = parseTemplate(DEFS + text, name, (n) => TEMPLATE_FUNCTION_NAMES.has(n));
    if (cache.size > 5000) cache.clear();
    cache.set(key, t);
  }
  return t;
}

/** Checks a template as `promtool check rules` does; returns the error message or undefined. */
export function checkAlertTemplate(text: string, alertName: string): string | undefined {
  try {
    parseAlertTemplate(text, alertName);
    return undefined;
  } catch (e) {
    if (e instanceof TemplateParseError) return e.message;
    throw e;
  }
}

export interface AlertTemplateData {
  labels: Record<string, string>;
  externalLabels: Record<string, string>;
  externalURL: string;
  value: number;
}

/** Expands one label or annotation value; errors become Prometheus's "<error expanding template: …>". */
export async function expandAlertTemplate(text: string, alertName: string, data: AlertTemplateData, env: TemplateEnv): Promise<string> {
  // Most values are plain text: nothing to run.
  if (!text.includes('{{')) return text;
  try {
    const tmpl = parseAlertTemplate(text, alertName);
    const dot = {
      Labels: GoMap.ofLabels(data.labels),
      ExternalLabels: GoMap.ofLabels(data.externalLabels),
      ExternalURL: data.externalURL,
      Value: data.value,
    };
    return await executeTemplate(tmpl, dot, templateFunctions(env));
  } catch (e) {
    // Expander.Expand wraps execution errors: "error executing template NAME: …".
    if (e instanceof TemplateExecError) return `<error expanding template: error executing template __alert_${alertName}: ${e.message}>`;
    if (e instanceof TemplateParseError) return `<error expanding template: error parsing template __alert_${alertName}: ${e.message}>`;
    throw e;
  }
}
