// Turns the CLI's backend options into connection settings: the base URL
// (path prefixes kept, credentials moved out of it), auth and extra headers,
// TLS trust, and the timeout. All user mistakes here are UsageErrors.

import { X509Certificate } from 'node:crypto';
import { readFileSync } from 'node:fs';
import type { BackendHost, BackendOptions } from '../options.js';
import { UsageError } from '../../errors.js';
import { parseTimeoutArg } from '../../util/time.js';
import { redactUrl } from './redact.js';
import { secretParts } from '../../util/secrets.js';
import { t } from '../../util/messages/index.js';

export interface Connection {
  /** e.g. https://host/prometheus — no trailing slash, no userinfo. */
  baseUrl: string;
  /** Headers sent on every request (auth included). */
  headers: Record<string, string>;
  /** Secret values to scrub from anything shown. */
  secrets: string[];
  tls: { ca?: string; rejectUnauthorized: boolean };
  timeoutMs: number;
  verbose: boolean;
}

export type RemoteOptions = BackendOptions & {
  server: string;
  /** Cap on a response body (default 64 MiB). */
  maxBodyBytes?: number;
  /** Password prompt, replaceable in tests. */
  promptPassword?: (message: string) => Promise<string>;
};

/** Parses --server / PROMETHEUS_URL; `localhost:9090` means http://localhost:9090. */
export function parseServerUrl(server: string): URL {
  const text = server.trim();
  const withScheme = /^[a-z][a-z0-9+.-]*:\/\//i.test(text) ? text : `http://${text}`;
  let url: URL;
  try {
    url = new URL(withScheme);
  } catch {
    throw new UsageError(t('backend.badUrl', { url: redactUrl(text) }), t('backend.badUrlHint'));
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    throw new UsageError(t('backend.badScheme', { scheme: url.protocol }), t('backend.badSchemeHint'));
  }
  if (url.search || url.hash) {
    throw new UsageError(t('backend.queryString'), t('backend.queryStringHint'));
  }
  return url;
}

function readSecretFile(file: string, flag: string): string {
  try {
    return readFileSync(file, 'utf8').trim();
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    throw new UsageError(t('backend.cannotRead', { flag, file, code: code ? ` (${code})` : '' }), t('backend.cannotReadHint'));
  }
}

/** --ca-file: one or more PEM certificates, checked now, so garbage is not mistaken later for an untrusted server. */
function readCaFile(file: string): string {
  const text = readSecretFile(file, '--ca-file');
  const blocks = text.match(/-----BEGIN CERTIFICATE-----[\s\S]*?-----END CERTIFICATE-----/g) ?? [];
  const bad =
    blocks.length === 0 ||
    blocks.some((b) => {
      try {
        new X509Certificate(b);
        return false;
      } catch {
        return true;
      }
    });
  if (bad) {
    throw new UsageError(t('backend.badCa', { file }), t('backend.badCaHint'));
  }
  return text;
}

/** "Name: value" → [name, value]. */
export function parseHeader(h: string): [string, string] {
  const i = h.indexOf(':');
  const name = i > 0 ? h.slice(0, i).trim() : '';
  if (!name || !/^[!#$%&\x27*+.^_\x60|~0-9A-Za-z-]+$/.test(name)) {
    // Never echo the value: it may be a secret.
    throw new UsageError(t('backend.badHeader', { name: name ? ` "${name}"` : '' }), t('backend.badHeaderHint'));
  }
  return [name, h.slice(i + 1).trim()];
}

async function defaultPrompt(message: string): Promise<string> {
  const { password } = await import('@inquirer/prompts');
  try {
    // Prompt on stderr so stdout stays clean for piping.
    return await password({ message, mask: '*' }, { output: process.stderr });
  } catch (e) {
    if ((e as Error).name === 'ExitPromptError') throw new UsageError(t('backend.promptCanceled'));
    throw e;
  }
}

async function basicAuth(user: string, where: string, opts: RemoteOptions, host: BackendHost): Promise<string> {
  let pass = host.env.PROMETHEUS_PASSWORD;
  if (pass === undefined) {
    if (!host.canPrompt && !opts.promptPassword) {
      throw new UsageError(t('backend.noPassword', { user }), t('backend.noPasswordHint'));
    }
    pass = await (opts.promptPassword ?? defaultPrompt)(t('backend.passwordPrompt', { user, where }));
  }
  return pass;
}

/** Resolves options + env into connection settings (may prompt for a password). */
export async function resolveConnection(opts: RemoteOptions, host: BackendHost): Promise<Connection> {
  const url = parseServerUrl(opts.server);
  const secrets: string[] = [];
  const headers: Record<string, string> = {};

  for (const h of opts.header ?? []) {
    const [name, value] = parseHeader(h);
    headers[name] = value;
    // Every -H value is a secret, whole and its credential part (`Bearer X` -> X).
    secrets.push(...secretParts(value));
  }

  // Credentials in the URL become basic auth and leave the URL.
  let user = opts.user;
  let urlPass: string | undefined;
  if (url.username || url.password) {
    user ??= decodeURIComponent(url.username);
    urlPass = decodeURIComponent(url.password);
    url.username = '';
    url.password = '';
  }
  const baseUrl = url.toString().replace(/\/+$/, '');

  const token = opts.bearerTokenFile ? readSecretFile(opts.bearerTokenFile, '--bearer-token-file') : host.env.PROMETHEUS_BEARER_TOKEN;
  if (opts.bearerTokenFile && !token) throw new UsageError(t('backend.tokenEmpty', { file: opts.bearerTokenFile }));
  if (token && user) {
    throw new UsageError(t('backend.tokenAndBasic'), t('backend.tokenAndBasicHint'));
  }
  if (token) {
    headers.Authorization = `Bearer ${token}`;
    secrets.push(token);
  } else if (user) {
    const pass = urlPass || (await basicAuth(user, baseUrl, opts, host));
    const encoded = Buffer.from(`${user}:${pass}`).toString('base64');
    headers.Authorization = `Basic ${encoded}`;
    secrets.push(pass, encoded, `${user}:${pass}`);
  }

  const tls = {
    ca: opts.caFile ? readCaFile(opts.caFile) : undefined,
    rejectUnauthorized: !opts.insecureSkipVerify,
  };
  if (opts.insecureSkipVerify && url.protocol === 'https:') {
    host.log(t('backend.insecure'));
  }

  return {
    baseUrl,
    headers,
    secrets,
    tls,
    timeoutMs: parseTimeoutArg(opts.timeout ?? '2m'),
    verbose: Boolean(opts.verbose),
  };
}
