// The `repl` command (also what `promlearn` alone runs in a terminal).
import { Writable } from 'node:stream';
import type { Command } from 'commander';
import { startRepl } from '../repl/repl.js';
import { addBackendOptions, openBackend, type BackendOptions } from './context.js';
import type { IO } from './io.js';

export function register(program: Command, io: IO): void {
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
  $ promlearn repl --rules rules.yml            # recording-rule series and ALERTS queryable

Queries run when Enter completes them; unclosed brackets continue on the next line.
Tab completes functions, metrics, labels and values; Ctrl-R searches the history;
Ctrl-C cancels a running query. Inside, .help lists the meta-commands
(.range 1h, .instant, .at -2h, .step 1m, .output csv, .metrics, .lesson, .quit).
Piped input exits with status 1 if any query failed.`,
    );
  cmd.option('--rules <files...>', 'evaluate these rule files over the data first: recorded series and ALERTS become queryable (local data only)');
  addBackendOptions(cmd).action(async (opts: BackendOptions & { rules?: string[] }) => {
    const backend = opts.rules?.length
      ? await (await import('./rules-runtime.js')).openBackendWithRules(opts.rules, opts, io)
      : await openBackend(opts, io);
    const terminal = io.stdinIsTTY && io.isTTY;
    // `.sample` must not fall back to PROMETHEUS_URL: hide it from openBackend.
    const sampleIO: IO = { ...io, env: { ...io.env, PROMETHEUS_URL: undefined } };
    try {
      const code = await startRepl({
        input: io.stdin,
        // A terminal needs the real stream (size, resize events); piped output goes through io.out.
        output: terminal ? io.stdout : new Writable({ write: (chunk, _enc, done) => (io.out(String(chunk)), done()) }),
        terminal,
        backend,
        io,
        openBackend: (server) =>
          server === undefined ? openBackend({ ...opts, server: undefined, dataset: undefined }, sampleIO) : openBackend({ ...opts, server, dataset: undefined }, io),
      });
      // main() takes the exit code from here; the failures were already shown one by one.
      if (code !== 0) process.exitCode = code;
    } finally {
      await backend.close?.().catch(() => undefined);
    }
  });
}
