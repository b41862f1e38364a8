// The flags `query` and `range` share (output, range) and their parsing. Kept
// apart from the code that runs queries so that declaring the commands loads
// nothing heavy.

import { t } from '../util/messages/index.js';
import { Option, type Command } from 'commander';
import type { BackendOptions } from '../backends/options.js';
import { UsageError } from '../errors.js';
import type { OutputFormat } from '../render/index.js';

export interface OutputOptions {
  output?: OutputFormat;
  limit?: string;
  stats?: boolean;
  height?: string;
  width?: string;
  /** false with --no-color (NO_COLOR and non-TTY output are already plain). */
  color?: boolean;
}

/** Grafana variables in pasted queries (src/promql/grafana.ts). */
export interface GrafanaOptions {
  /** `--var name=value`, repeatable. */
  var?: string[];
  scrapeInterval?: string;
}

export interface QueryCommandOptions extends BackendOptions, OutputOptions, GrafanaOptions {
  time?: string;
  range?: string;
  step?: string;
  start?: string;
  end?: string;
  /** `query --buckets`: each native histogram as a bar chart of its buckets. */
  buckets?: boolean;
}

/** A non-negative integer flag, or undefined when not given. */
export function parseCount(flag: string, s: string | undefined, min = 0): number | undefined {
  if (s === undefined) return undefined;
  if (!/^\d+$/.test(s.trim()) || Number(s) < min) {
    throw new UsageError(
      min > 0 ? t('usage.wholeNumberAtLeast', { flag, value: s, min }) : t('usage.wholeNumber', { flag, value: s }),
      t('usage.eg', { example: `${flag} ${min > 0 ? 20 : 0}` }),
    );
  }
  return Number(s);
}

/** --output, --limit, --stats, --height, --width: shared with `range`. */
export function addOutputOptions(cmd: Command): Command {
  return cmd
    .addOption(new Option('-o, --output <format>', t('cli.opt.output')).choices(['table', 'json', 'csv']).default('table'))
    .option('--limit <n>', t('cli.opt.limit'))
    .option('--stats', t('cli.opt.stats'))
    .option('--height <rows>', t('cli.opt.height'))
    .option('--width <columns>', t('cli.opt.width'))
    .option('--no-color', t('cli.opt.noColor'));
}

/** --start, --end, --range, --step: shared with `range`. */
export function addRangeOptions(cmd: Command, rangeDefault: string): Command {
  return cmd
    .option('--range <duration>', t('cli.opt.range', { rangeDefault }))
    .option('--start <time>', t('cli.opt.start'))
    .option('--end <time>', t('cli.opt.end'))
    .option('--step <duration>', t('cli.opt.step'));
}

/** --var and --scrape-interval: values for Grafana's template variables in a pasted query. */
export function addGrafanaOptions(cmd: Command): Command {
  return cmd
    .option('--var <name=value>', t('cli.opt.var'), (v: string, prev: string[] = []) => [...prev, v])
    .option('--scrape-interval <duration>', t('cli.opt.scrapeInterval'));
}

/** `--var a=b --var a=c --var x=y` as { a: ['b', 'c'], x: ['y'] }. */
export function parseVarFlags(flags: string[] | undefined, flag = '--var'): Record<string, string[]> {
  const vars: Record<string, string[]> = {};
  for (const f of flags ?? []) {
    const m = /^\s*\$?([A-Za-z_]\w*)=(.*)$/s.exec(f);
    if (!m) throw new UsageError(t('usage.nameValue', { flag, value: f }), t('usage.eg', { example: `${flag} job=api` }));
    (vars[m[1]!] ??= []).push(m[2]!);
  }
  return vars;
}
