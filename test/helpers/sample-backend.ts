// One in-process sample backend per test process, for command tests: the
// sample dataset is generated once (loadSampleStore caches it) instead of in a
// fresh worker thread for every command run through main().

import type { Backend } from '../../src/backends/backend.js';
import { openLocalDataset } from '../../src/backends/open.js';
import { QUIET_HOST } from '../../src/backends/options.js';
import { defaultDeps, type CommandDeps, type OpenBackendOptions } from '../../src/cli/deps.js';
import type { IO } from '../../src/util/io.js';

let shared: Promise<Backend> | undefined;

/** The sample dataset's backend, shared by every test in this process (it has nothing to close). */
function sharedSampleBackend(): Promise<Backend> {
  shared ??= openLocalDataset({ inProcess: true }, QUIET_HOST);
  return shared;
}

/**
 * Dependencies for main(argv, io, deps): the shared sample where a command
 * would open the sample; --server, --dataset and PROMETHEUS_URL still open the
 * real thing.
 */
export function sampleDeps(io: IO): Pick<CommandDeps, 'openBackend'> {
  const real = defaultDeps(io);
  return {
    openBackend: (opts: OpenBackendOptions) => {
      const remote = opts.server ?? (opts.local ? undefined : io.env.PROMETHEUS_URL);
      return remote || opts.dataset ? real.openBackend(opts) : sharedSampleBackend();
    },
  };
}
