// The flags `query` and `range` share (output, range) and their parsing. Kept
// apart from the code that runs queries so that declaring the commands loads
// nothing heavy.

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
      `invalid ${flag} "${s}": expected a whole number${min > 0 ? ` of at least ${min}` : ''}`,
      `e.g. ${flag} ${min > 0 ? 20 : 0}`,
    );
  }
  return Number(s);
}

/** --output, --limit, --stats, --height, --width: shared with `range`. */
export function addOutputOptions(cmd: Command): Command {
  return cmd
    .addOption(new Option('-o, --output <format>', 'output format').choices(['table', 'json', 'csv']).default('table'))
    .option(
      '--limit <n>',
      'show at most n table rows or chart series (0 = all; default: fit the terminal, all rows when piped, 8 chart series)',
    )
    .option('--stats', 'print evaluation time and samples read (to stderr)')
    .option('--height <rows>', 'chart height in rows (default: fit the screen)')
    .option('--width <columns>', 'chart width in columns (default: the terminal width)')
    .option('--no-color', 'no colours (also: NO_COLOR=1; output that is not a terminal is never coloured)');
}

/** --start, --end, --range, --step: shared with `range`. */
export function addRangeOptions(cmd: Command, rangeDefault: string): Command {
  return cmd
    .option('--range <duration>', `length of the range, e.g. 30m, 6h (${rangeDefault})`)
    .option('--start <time>', 'range start: RFC 3339, unix seconds, or relative such as -2h')
    .option('--end <time>', 'range end (default: the end of the sample data, or now for --server)')
    .option('--step <duration>', 'resolution, e.g. 15s, 1m or seconds (default: about 200 points over the range)');
}

/** --var and --scrape-interval: values for Grafana's template variables in a pasted query. */
export function addGrafanaOptions(cmd: Command): Command {
  return cmd
    .option(
      '--var <name=value>',
      'value of a Grafana variable ($name, ${name}, [[name]]) in the query; repeat for more, or for a multi-value one',
      (v: string, prev: string[] = []) => [...prev, v],
    )
    .option(
      '--scrape-interval <duration>',
      "scrape interval behind Grafana's $__interval and $__rate_interval (default 15s: the sample's, and Grafana's default)",
    );
}

/** `--var a=b --var a=c --var x=y` as { a: ['b', 'c'], x: ['y'] }. */
export function parseVarFlags(flags: string[] | undefined, flag = '--var'): Record<string, string[]> {
  const vars: Record<string, string[]> = {};
  for (const f of flags ?? []) {
    const m = /^\s*\$?([A-Za-z_]\w*)=(.*)$/s.exec(f);
    if (!m) throw new UsageError(`invalid ${flag} "${f}": expected name=value`, `e.g. ${flag} job=api`);
    (vars[m[1]!] ??= []).push(m[2]!);
  }
  return vars;
}
