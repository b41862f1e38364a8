// Secrets must never reach errors, logs, history or --verbose output: these
// helpers redact credentials in URLs and headers, and scrub known secret
// values out of any text before it is shown.

const SECRET_HEADER = /authorization|token|secret|password|passwd|api[-_]?key|cookie|credential|session|auth/i;

/** Does a header's name suggest its value is a secret? */
function isSecretHeader(name: string): boolean {
  return SECRET_HEADER.test(name);
}

/** The URL with any user:password@ replaced, for messages. */
export function redactUrl(url: string | URL): string {
  let u: URL;
  try {
    u = new URL(String(url));
  } catch {
    // Not a URL: drop anything that looks like userinfo.
    return String(url).replace(/\/\/[^/@\s]*@/, '//***@');
  }
  if (u.username || u.password) {
    u.username = '***';
    u.password = '';
  }
  return u.toString();
}

/** A copy of the headers safe to print. */
export function redactHeaders(headers: Record<string, string>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [name, value] of Object.entries(headers)) {
    out[name] = isSecretHeader(name) ? `<redacted ${value.length} chars>` : value;
  }
  return out;
}

/**
 * Replaces every occurrence of the given secret values in `text` (a server
 * may echo a header or token back in its error body).
 */
export function scrub(text: string, secrets: readonly string[]): string {
  let out = text;
  for (const s of secrets) {
    if (s.length >= 3) out = out.split(s).join('<redacted>');
  }
  return out;
}
