// Option declarations more than one command shares (besides the backend
// flags of backend-flags.ts). Declaring only: commands are declared at every
// start, so nothing heavy is imported here.

import { t } from '../util/messages/index.js';
import type { Command } from 'commander';

/** commander's accumulator for a repeatable option (`-H a -H b` -> ['a', 'b']). */
export function collect(value: string, previous: string[] = []): string[] {
  return [...previous, value];
}

/**
 * The evaluation window and template context of a rule timeline
 * (cli/rules-runtime.ts reads them): `rules eval` and `alerts route` take the
 * same options, each described in its own words.
 */
export function addTimelineOptions(cmd: Command, area: 'cli.rules.eval' | 'cli.alerts.route'): Command {
  return cmd
    .option('--start <time>', t(`${area}.start`))
    .option('--end <time>', t(`${area}.end`))
    .option('--interval <duration>', t(`${area}.interval`), '1m')
    .option('--external-url <url>', t(`${area}.externalUrl`), 'http://localhost:9090')
    .option('--external-label <name=value>', t(`${area}.externalLabel`), collect);
}
