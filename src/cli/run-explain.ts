// Running `explain`: open the backend, take the query apart at the time the
// flags give, print the tree (or JSON). Loaded only when `explain` runs.

import { t } from '../util/messages/index.js';
import { ExitError, UsageError } from '../errors.js';
import { PLAIN } from '../util/style.js';
import { parseTimeoutArg, parseTimeArg } from '../util/time.js';
import { withBackend, type CommandDeps } from './deps.js';
import type { ExplainCommandOptions } from './explain.js';
import { applyGrafana, cancellable, defaultTime } from './run-query.js';
import { withSpinner } from '../util/spinner.js';

export async function runExplain(pasted: string, opts: ExplainCommandOptions, deps: CommandDeps): Promise<void> {
  const expr = applyGrafana(pasted, opts, deps.io);
  const io = deps.io;
  if (expr.trim() === '')
    throw new UsageError(
      t('usage.emptyExpression'),
      t('usage.giveQuery', { command: 'explain', example: 'rate(http_requests_total[5m])' }),
    );
  if (opts.series !== undefined && !opts.samples) throw new UsageError(t('usage.seriesNeedsSamples'), t('usage.seriesNeedsSamples.hint'));
  const width = opts.width !== undefined ? Number(opts.width) : io.columns;
  if (!Number.isInteger(width) || width < 40)
    throw new UsageError(t('usage.wholeNumberAtLeast', { flag: '--width', value: String(opts.width), min: 40 }));
  const timeoutMs = parseTimeoutArg(opts.timeout ?? '2m');
  const [{ explain, renderExplanation }, { parseSeriesFilter }] = await Promise.all([
    import('../explain/index.js'),
    import('../explain/walkthrough.js'),
  ]);
  if (opts.series !== undefined) parseSeriesFilter(opts.series);
  await withBackend(deps, opts, async (backend) => {
    const info = await backend.info();
    const ref = defaultTime(info, deps.clock());
    const time = opts.time !== undefined ? parseTimeArg(opts.time, ref) : ref;
    const x = await withSpinner(io, t('note.explaining'), () =>
      cancellable((signal) => explain(backend, expr, { time, signal, timeoutMs, info, samples: opts.samples, series: opts.series })),
    );
    if (opts.output === 'json') io.out(JSON.stringify(x, null, 2) + '\n');
    else io.out(renderExplanation(x, { columns: width, style: opts.color === false ? PLAIN : io.style }));
    // The query's own failure (many-to-many, say) is explained above, and still an error.
    // The tree shows the error: only the exit code is left to give.
    if (x.root.error) throw new ExitError(1);
  });
}
