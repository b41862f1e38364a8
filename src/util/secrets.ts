// Secrets never reach what promlearn shows or saves: errors, --verbose logs,
// REPL history. What counts as one: a bearer token, a password, every -H value
// (and the credential inside an `Authorization: Scheme credential` value),
// a URL's user info and its query parameters. Scrubbing happens before any
// truncation, so a cut never leaves part of a secret behind.

/** Shorter values are not scrubbed out of text: a 1- or 2-character "secret" would blank out ordinary words and numbers. */
const MIN_SECRET_LENGTH = 3;

/** What stands in for a secret. */
export const REDACTED = '<redacted>';

/**
 * The values to scrub for one secret header value: the whole value, the
 * credential after an auth scheme (`Bearer X` -> X), and for Basic auth the
 * decoded `user:password` and the password.
 */
export function secretParts(value: string): string[] {
  const parts = [value];
  const m = /^([A-Za-z][\w-]*)\s+(\S.*)$/.exec(value.trim());
  if (m) {
    parts.push(m[2]!);
    if (m[1]!.toLowerCase() === 'basic') {
      const decoded = Buffer.from(m[2]!, 'base64').toString('utf8');
      const colon = decoded.indexOf(':');
      if (colon >= 0 && Buffer.from(decoded, 'utf8').toString('base64').replace(/=+$/, '') === m[2]!.replace(/=+$/, '')) {
        parts.push(decoded, decoded.slice(colon + 1));
      }
    }
  }
  return parts;
}

/** The forms a value may take in a server's text: as is, JSON-escaped, Go's HTML-safe JSON, URL-encoded. */
function encodings(secret: string): string[] {
  const json = JSON.stringify(secret).slice(1, -1);
  const goJson = json.replace(/</g, '\\u003c').replace(/>/g, '\\u003e').replace(/&/g, '\\u0026');
  const forms = new Set([secret, json, goJson, encodeURIComponent(secret), json.replace(/\//g, '\\/')]);
  return [...forms];
}

/**
 * Replaces every occurrence of each secret (in any of its usual encodings) in
 * `text`. Longest first, so a secret that contains another goes whole.
 */
export function scrub(text: string, secrets: readonly string[]): string {
  const all = new Set<string>();
  for (const s of secrets) if (s.length >= MIN_SECRET_LENGTH) for (const f of encodings(s)) all.add(f);
  let out = text;
  for (const s of [...all].sort((a, b) => b.length - a.length)) {
    if (out.includes(s)) out = out.split(s).join(REDACTED);
  }
  return out;
}

/** Cuts scrubbed text to `max` characters: scrub first, then cut, so no part of a secret survives. */
export function scrubAndCut(text: string, secrets: readonly string[], max: number): string {
  const clean = scrub(text, secrets);
  return clean.length > max ? clean.slice(0, max) : clean;
}

/**
 * A URL (or something meant as one) safe to show: the user info becomes `***`
 * and every query parameter's value `***`. The user info runs to the LAST `@`
 * (so `user:pa@ss@host`, `user:pa ss@host` and `user:pa/ss@host` go whole):
 * a path with an `@` in it is redacted too, which errs on the safe side.
 */
export function redactUrlText(url: string): string {
  const scheme = /^\s*(?:[a-z][a-z0-9+.-]*:)?\/\//i.exec(url);
  const start = scheme ? scheme[0].length : 0;
  const at = url.lastIndexOf('@');
  const hostStart = at >= start ? at + 1 : start;
  const hostLen = url.slice(hostStart).search(/[/?#]/);
  const hostEnd = hostLen < 0 ? url.length : hostStart + hostLen;
  const userinfo = at >= start ? '***@' : '';
  return url.slice(0, start) + userinfo + url.slice(hostStart, hostEnd) + redactQuery(url.slice(hostEnd));
}

/** `/path?a=1&b=2#f` -> `/path?a=***&b=***#f`. */
function redactQuery(rest: string): string {
  const q = rest.indexOf('?');
  if (q < 0) return rest;
  const hash = rest.indexOf('#', q);
  const query = rest.slice(q + 1, hash < 0 ? undefined : hash);
  const redacted = query
    .split('&')
    .map((kv) => (kv === '' ? kv : kv.includes('=') ? `${kv.slice(0, kv.indexOf('='))}=***` : '***'))
    .join('&');
  return `${rest.slice(0, q)}?${redacted}${hash < 0 ? '' : rest.slice(hash)}`;
}

/**
 * A REPL entry safe to keep in the history: `.server ARG` has its whole
 * argument treated as one URL (a password may contain spaces); elsewhere every
 * `scheme://...` word is redacted.
 */
export function redactEntry(entry: string): string {
  const server = /^(\s*\.server\s+)(\S.*)$/s.exec(entry);
  if (server) return server[1]! + redactUrlText(server[2]!.trimEnd());
  return entry.replace(/[a-z][a-z0-9+.-]*:\/\/\S*/gi, (u) => redactUrlText(u));
}
