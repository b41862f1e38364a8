// Secrets must never reach errors, logs, history or --verbose output: these
// helpers redact credentials in URLs and headers; scrubbing known secret
// values out of text lives in src/util/secrets.ts (the REPL's history uses it too).

import { redactUrlText } from '../../util/secrets.js';

export { scrub, scrubAndCut } from '../../util/secrets.js';

/** Headers promlearn itself sets; every other header came from the user (-H, auth) and may be a secret. */
const OWN_HEADERS = new Set(['accept', 'content-type', 'user-agent']);

/** The URL with any user info and query parameter values replaced, for messages. */
export function redactUrl(url: string | URL): string {
  return redactUrlText(String(url));
}

/** A copy of the headers safe to print: only promlearn's own are shown; a user's (-H, auth) by length alone. */
export function redactHeaders(headers: Record<string, string>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [name, value] of Object.entries(headers)) {
    out[name] = OWN_HEADERS.has(name.toLowerCase()) ? value : `<redacted ${value.length} chars>`;
  }
  return out;
}
