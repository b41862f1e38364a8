// `promlearn alerts route --config alertmanager.yml RULES.yml...`: evaluate
// the rules as `rules eval` does, then show where each alert goes (as
// `amtool config routes test`) and what Alertmanager would send over time.

import { t } from '../util/messages/index.js';
import { readFileSync } from 'node:fs';
import { Option, type Command } from 'commander';
import { ExitError, UsageError } from '../errors.js';
import { PLAIN } from '../util/style.js';
import { addBackendOptions } from './backend-flags.js';
import type { CommandDeps } from './deps.js';
import type { TimelineFlags } from './rules-runtime.js';
import { addTimelineOptions } from './flags.js';

interface RouteFlags extends TimelineFlags {
  config: string;
  output?: 'table' | 'json';
  color?: boolean;
}

async function runRoute(ruleFiles: string[], flags: RouteFlags, deps: CommandDeps): Promise<void> {
  const { io } = deps;
  const { loadAlertmanagerConfig } = await import('../alertmanager/config.js');
  let text: string;
  try {
    text = readFileSync(flags.config, 'utf8');
  } catch (e) {
    const detail = (e as NodeJS.ErrnoException).code === 'ENOENT' ? t('usage.noSuchFile') : (e as Error).message;
    throw new UsageError(t('usage.cannotRead', { file: flags.config, detail }), t('usage.alertmanagerConfig.hint'));
  }
  const { config, problems } = loadAlertmanagerConfig(text);
  if (!config || problems.length) {
    const { formatProblem } = await import('../rules/files.js');
    const { alertmanagerNote } = await import('../alertmanager/problem-notes.js');
    for (const p of problems) io.err(formatProblem(flags.config, p, io.errStyle, io.columns, alertmanagerNote) + '\n');
    const found = { n: problems.length, files: flags.config };
    io.err(io.errStyle.dim((found.n === 1 ? t('rules.problems.one', found) : t('rules.problems.many', found)) + '\n'));
    throw new ExitError(1);
  }
  const { loadCheckedRules, runRulesTimeline } = await import('./rules-runtime.js');
  const { groups } = loadCheckedRules(ruleFiles, io);
  const { report } = await runRulesTimeline(groups, flags, deps);
  const { NotificationSimulator } = await import('../alertmanager/simulate.js');
  const { alertsFromReport, routingTable, renderRouteReport, routeReportJSON } = await import('../alertmanager/report.js');
  const sim = new NotificationSimulator(config);
  sim.run(alertsFromReport(report), report.endMs);
  const rep = { routing: routingTable(report, config), notifications: sim.notifications, suppressions: sim.suppressions };
  if (flags.output === 'json') io.out(JSON.stringify({ complete: report.complete, ...(routeReportJSON(rep) as object) }, null, 2) + '\n');
  else io.out(renderRouteReport(rep, report, flags.color === false ? PLAIN : io.style));
  if (!report.complete) {
    const { renderErrors } = await import('../rules/report.js');
    io.err(io.errStyle.error(t('rules.incomplete')) + '\n');
    io.err(renderErrors(report, io.errStyle, io.columns));
    throw new ExitError(1);
  }
}

export function register(program: Command, deps: CommandDeps): void {
  const alerts = program.command('alerts').description(t('cli.alerts.description'));
  const route = addTimelineOptions(
    alerts
      .command('route')
      .description(t('cli.alerts.route.description'))
      .argument('<rules...>', t('cli.rules.files'))
      .requiredOption('-c, --config <file>', t('cli.alerts.route.config')),
    'cli.alerts.route',
  )
    .addOption(new Option('-o, --output <format>', t('cli.opt.output')).choices(['table', 'json']).default('table'))
    .option('--no-color', t('cli.opt.noColors'));
  addBackendOptions(route);
  route.addHelpText('after', t('cli.alerts.route.help'));
  route.action(async (files: string[], flags: RouteFlags) => runRoute(files, flags, deps));
}
