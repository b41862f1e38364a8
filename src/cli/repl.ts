// The `repl` command (also what `promlearn` alone runs in a terminal).
import { Writable } from 'node:stream';
import type { Command } from 'commander';
import type { BackendOptions } from '../backends/options.js';
import { addBackendOptions } from './backend-flags.js';
import { withBackend, type CommandDeps } from './deps.js';

export function register(program: Command, deps: CommandDeps): void {
  const cmd = program
    .command('repl')
    .description('interactive PromQL session with completion, history and charts (.help inside for commands)')
    .addHelpText(
      'after',
      `
Examples:
  $ promlearn                                   # the same as promlearn repl, in a terminal
  $ promlearn repl --server http://localhost:9090
  $ echo 'sum by (job) (up)' | promlearn repl   # piped: run each query and exit

Queries run when Enter completes them; unclosed brackets continue on the next line.
Tab completes functions, metrics, labels and values; Ctrl-R searches the history;
Ctrl-C cancels a running query. Inside, .help lists the meta-commands
(.range 1h, .instant, .at -2h, .step 1m, .output csv, .metrics, .lesson, .quit).
Piped input exits with status 1 if any query failed.`,
    );
  addBackendOptions(cmd).action(async (opts: BackendOptions) => {
    const { io } = deps;
    const { startRepl } = await import('../repl/repl.js');
    const terminal = io.stdinIsTTY && io.isTTY;
    await withBackend(deps, opts, async (backend) => {
      const code = await startRepl({
        input: io.stdin,
        // A terminal needs the real stream (size, resize events); piped output goes through io.out.
        output: terminal ? io.stdout : new Writable({ write: (chunk, _enc, done) => (io.out(String(chunk)), done()) }),
        terminal,
        backend,
        io,
        // `.sample` must not fall back to PROMETHEUS_URL: it asks for the local dataset.
        openBackend: (server) => deps.openBackend({ ...opts, server, dataset: undefined, local: server === undefined }),
      });
      // main() takes the exit code from here; the failures were already shown one by one.
      if (code !== 0) process.exitCode = code;
    });
  });
}
