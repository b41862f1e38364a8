// What a command needs from the outside world, passed in so that tests can
// give it a fake backend and a fixed clock:
//
//   register(program, deps)   // every src/cli/<command>.ts
//
// The real opener loads the backend code only when a command opens one, so
// `promlearn fmt` never loads the engine or the sample dataset.

import type { Backend } from '../backends/backend.js';
import type { BackendOptions } from '../backends/options.js';
import type { IO } from '../util/io.js';

export interface OpenBackendOptions extends BackendOptions {
  /** Open the local dataset even when PROMETHEUS_URL is set (the REPL's `.sample`). */
  local?: boolean;
}

export interface CommandDeps {
  io: IO;
  /** Opens the backend the flags choose; the caller closes it (see withBackend). */
  openBackend(opts: OpenBackendOptions): Promise<Backend>;
  /** Now, in unix seconds (relative times on a server count from here). */
  clock(): number;
}

/** The real dependencies: process IO, the backend the flags choose, the system clock. */
export function defaultDeps(io: IO): CommandDeps {
  return {
    io,
    openBackend: async (opts) => {
      const [{ openBackend }, { hostFromIO }] = await Promise.all([import('../backends/open.js'), import('../backends/options.js')]);
      const host = hostFromIO(io);
      return openBackend(opts, opts.local ? { ...host, env: { ...host.env, PROMETHEUS_URL: undefined } } : host);
    },
    clock: () => Date.now() / 1000,
  };
}

/** Opens the backend the options choose, runs `fn` with it, and always closes it. */
export async function withBackend<T>(deps: CommandDeps, opts: OpenBackendOptions, fn: (b: Backend) => Promise<T>): Promise<T> {
  const backend = await deps.openBackend(opts);
  try {
    return await fn(backend);
  } finally {
    await backend.close?.();
  }
}
