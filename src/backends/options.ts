// What opening a backend needs: the user's choices (the CLI's --server,
// --dataset and connection flags, the REPL's .server) and the few things of
// the outside world a backend may touch — the environment, whether a password
// prompt is possible, and where to write diagnostics. Backends never see the
// CLI's IO: they log through these callbacks.

import type { IO } from '../util/io.js';

/** The user's backend choices, as the CLI flags spell them. */
export interface BackendOptions {
  server?: string;
  dataset?: string;
  /** --nhcb: the --dataset file's classic histograms also as native histograms with custom buckets. */
  nhcb?: boolean;
  bearerTokenFile?: string;
  user?: string;
  header?: string[];
  caFile?: string;
  insecureSkipVerify?: boolean;
  /** Query timeout as a duration (30s, 2m). */
  timeout?: string;
  verbose?: boolean;
  /** The embedded engine's sample limit (--max-samples); a server has its own. */
  maxSamples?: number;
}

/** The outside world as a backend may use it. */
export interface BackendHost {
  /** PROMETHEUS_URL, PROMETHEUS_PASSWORD, PROMETHEUS_BEARER_TOKEN are read from here. */
  env: Readonly<Record<string, string | undefined>>;
  /** A password may be prompted for (stdin is a terminal). */
  canPrompt: boolean;
  /** One diagnostic line for the user (warnings, --verbose request logs); no trailing newline. */
  log(line: string): void;
  /**
   * A transient status line (loading progress) for a terminal; '' clears it.
   * Absent where nobody watches (stderr piped, tests).
   */
  status?(line: string): void;
}

/** A host that logs nowhere and has an empty environment (tests, library use). */
export const QUIET_HOST: BackendHost = { env: {}, canPrompt: false, log: () => {} };

/** The host for a command's IO: diagnostics dimmed on stderr, progress only where stderr is a terminal. */
export function hostFromIO(io: IO): BackendHost {
  return {
    env: io.env,
    canPrompt: io.stdinIsTTY,
    log: (line) => io.err(io.errStyle.dim(line) + '\n'),
    status: io.stderrIsTTY ? (line) => io.err(line ? `\r${line}` : '\r\x1b[K') : undefined,
  };
}
