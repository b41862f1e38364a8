// `promlearn alerts route --config alertmanager.yml RULES.yml...`: evaluate
// the rules as `rules eval` does, then show where each alert goes (as
// `amtool config routes test`) and what Alertmanager would send over time.

import { readFileSync } from 'node:fs';
import { Option, type Command } from 'commander';
import { ExitError, UsageError } from '../errors.js';
import { PLAIN } from '../util/style.js';
import { addBackendOptions } from './backend-flags.js';
import type { CommandDeps } from './deps.js';
import type { TimelineFlags } from './rules-runtime.js';

interface RouteFlags extends TimelineFlags {
  config: string;
  output?: 'table' | 'json';
  color?: boolean;
}

function collect(value: string, previous: string[] = []): string[] {
  return [...previous, value];
}

async function runRoute(ruleFiles: string[], flags: RouteFlags, deps: CommandDeps): Promise<void> {
  const { io } = deps;
  const { loadAlertmanagerConfig } = await import('../alertmanager/config.js');
  let text: string;
  try {
    text = readFileSync(flags.config, 'utf8');
  } catch (e) {
    throw new UsageError(
      `cannot read ${flags.config}: ${(e as NodeJS.ErrnoException).code === 'ENOENT' ? 'no such file' : (e as Error).message}`,
      'pass your alertmanager.yml with --config',
    );
  }
  const { config, problems } = loadAlertmanagerConfig(text);
  if (!config || problems.length) {
    for (const p of problems) io.err(io.errStyle.error(`${flags.config}:${p.line}:${p.col}: ${p.message}`) + '\n');
    io.err(io.errStyle.dim(`${problems.length} problem${problems.length === 1 ? '' : 's'} in ${flags.config}; nothing was evaluated\n`));
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
    io.err(io.errStyle.error('INCOMPLETE: some rule evaluations failed, so some alerts may be missing above') + '\n');
    io.err(renderErrors(report, io.errStyle));
    throw new ExitError(1);
  }
}

export function register(program: Command, deps: CommandDeps): void {
  const alerts = program.command('alerts').description('what Alertmanager does with the alerts your rules produce');
  const route = alerts
    .command('route')
    .description('route the alerts of rule files through an Alertmanager configuration and simulate its notifications')
    .argument('<rules...>', 'rule files (YAML)')
    .requiredOption('-c, --config <file>', 'Alertmanager configuration (alertmanager.yml)')
    .option('--start <time>', 'first rule evaluation (default: start of the data)')
    .option('--end <time>', 'last rule evaluation (default: end of the data)')
    .option('--interval <duration>', 'interval of rule groups that set none', '1m')
    .option('--external-url <url>', 'what {{ externalURL }} gives', 'http://localhost:9090')
    .option('--external-label <name=value>', 'external label (repeatable)', collect)
    .addOption(new Option('-o, --output <format>', 'output format').choices(['table', 'json']).default('table'))
    .option('--no-color', 'no colours');
  addBackendOptions(route);
  route.addHelpText(
    'after',
    `
Examples:
  $ promlearn alerts route --config alertmanager.yml rules.yml
  $ promlearn alerts route -c alertmanager.yml rules.yml --start 2026-01-15T09:00:00Z -o json

First the receivers each alert reaches (as \`amtool config routes test\`),
then the notifications over the timeline: group_wait before the first,
group_interval between updates, repeat_interval for reminders, resolved
notifications (receivers with send_resolved), inhibitions and time intervals.
Exit codes: 0 ok, 1 a problem in a file or a failed evaluation, 2 usage error.`,
  );
  route.action(async (files: string[], flags: RouteFlags) => runRoute(files, flags, deps));
}
