// `promlearn labels [name]`: label names, or the values of one label, like
// Prometheus's /api/v1/labels and /api/v1/label/<name>/values.

import { t } from '../util/messages/index.js';
import type { Command } from 'commander';
import { UsageError } from '../errors.js';
import type { BackendOptions } from '../backends/options.js';
import { addBackendOptions } from './backend-flags.js';
import { withBackend, type CommandDeps } from './deps.js';
import { withSpinner } from '../util/spinner.js';
import { addFormatOption, timeWindow, writeListing, type ListFormat } from './metrics.js';
import { collect } from './flags.js';

interface LabelsOptions extends BackendOptions {
  output: ListFormat;
  match?: string[];
  start?: string;
  end?: string;
}

/** A value as is, or quoted with Go-style escapes when it holds control characters. */
function printable(v: string): string {
  // eslint-disable-next-line no-control-regex -- control characters are what it looks for
  return /[\u0000-\u001f\u007f-\u009f\u2028\u2029]/.test(v) ? JSON.stringify(v) : v;
}

async function runLabels(name: string | undefined, opts: LabelsOptions, deps: CommandDeps): Promise<void> {
  const { io } = deps;
  if (name === '') throw new UsageError(t('usage.emptyLabelName'), t('usage.emptyLabelName.hint'));
  await withBackend(deps, opts, async (backend) => {
    const info = await backend.info();
    const q = { match: opts.match, ...timeWindow(info, opts, deps.clock()) };
    const list = await withSpinner(io, t('note.listingLabels'), () =>
      name === undefined ? backend.labelNames(q) : backend.labelValues(name, q),
    );
    const header = name === undefined ? 'LABEL' : name.toUpperCase();
    // Control characters and newlines in a value would forge lines: quoted and escaped, as `series` shows them.
    if (opts.output === 'table') for (const v of list) io.out(printable(v) + '\n');
    else
      writeListing(
        io,
        opts.output,
        [{ header, align: 'left' }],
        list.map((v) => [v]),
        list,
      );
    if (list.length === 0) {
      const what = name === undefined ? t('note.noLabels') : t('note.noLabelValues', { name });
      const where = opts.match ? t('note.onSeriesMatching', { selectors: opts.match.join(t('note.or')) }) : '';
      io.err(io.errStyle.dim(`${what}${where}\n`));
    }
  });
}

export function register(program: Command, deps: CommandDeps): void {
  const cmd = program.command('labels').description(t('cli.labels.description')).argument('[name]', t('cli.labels.name'));
  addFormatOption(cmd)
    .option('-m, --match <selector>', t('cli.labels.match'), collect)
    .option('--start <time>', t('cli.opt.seriesAfter'))
    .option('--end <time>', t('cli.opt.seriesBefore'));
  addBackendOptions(cmd).addHelpText('after', t('cli.labels.help'));
  cmd.action(async (name: string | undefined, opts: LabelsOptions) => runLabels(name, opts, deps));
}
