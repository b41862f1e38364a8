// Meta-commands: lines starting with a dot (`.help`, `.range 1h`, ...).

import { t, type MessageKey } from '../util/messages/index.js';
import type { Backend } from '../backends/backend.js';
import type { TargetSource } from '../scrape/live.js';
import { UsageError } from '../errors.js';
import { formatError } from '../render/error.js';
import { visibleWidth, wrap } from '../render/text.js';
import { formatTimeUtc, humanDuration, parseDurationArg, parseTimeArg, parseZoneArg, setDisplayZone, zoneName } from '../util/time.js';
import type { Session } from './session.js';
import { ALL_FEATURES, parse, printExpr } from '../promql/index.js';
import { editDistance } from '../util/edit-distance.js';

export interface MetaHost {
  session: Session;
  /** Clears the screen (terminal) and any half-typed multi-line query. */
  clear(): void;
  /** Runs `fn` with the REPL's hold on the terminal released (for the lessons' own prompts). */
  suspend<T>(fn: () => Promise<T>): Promise<T>;
}

type MetaOutcome = 'ok' | 'failed' | 'quit';

interface Command {
  name: string;
  args: string;
  help: MessageKey;
  run(arg: string, host: MetaHost): Promise<void | 'quit'> | void | 'quit';
}

/** A line is a meta-command when it starts with `.` and a letter (`.5` is a number). */
export function isMetaCommand(line: string): boolean {
  return /^\s*\.[A-Za-z]/.test(line);
}

const OUTPUTS = ['table', 'json', 'csv'] as const;

const COMMANDS: Command[] = [
  { name: 'help', args: '', help: 'repl.cmd.help', run: (_a, h) => h.session.env.out(helpText(h.session.env.columns())) },
  {
    name: 'range',
    args: '<duration>',
    help: 'repl.cmd.range',
    run: (a, h) => {
      const s = h.session;
      if (a) s.rangeMs = positive(parseDurationArg(a), t('repl.what.range'));
      s.mode = 'range';
      s.env.out(t('repl.rangeMode', { range: humanDuration(s.rangeMs), step: stepText(s) }) + '\n');
    },
  },
  {
    name: 'instant',
    args: '',
    help: 'repl.cmd.instant',
    run: (_a, h) => {
      h.session.mode = 'instant';
      h.session.env.out(t('repl.instantMode') + '\n');
    },
  },
  { name: 'at', args: '<time>', help: 'repl.cmd.at', run: runAt },
  { name: 'tz', args: '<zone>', help: 'repl.cmd.tz', run: runTz },
  {
    name: 'step',
    args: '<duration>|auto',
    help: 'repl.cmd.step',
    run: (a, h) => {
      const s = h.session;
      if (!a) throw new UsageError(t('repl.stepNeeds'), t('repl.stepExample'));
      s.stepMs = a === 'auto' ? undefined : positive(parseDurationArg(a), t('repl.what.step'));
      s.env.out(t('repl.stepIs', { step: stepText(s) }) + '\n');
    },
  },
  {
    name: 'output',
    args: 'table|json|csv',
    help: 'repl.cmd.output',
    run: (a, h) => {
      if (!(OUTPUTS as readonly string[]).includes(a)) throw new UsageError(t('repl.unknownOutput', { format: a }), t('repl.useOutput'));
      h.session.output = a as (typeof OUTPUTS)[number];
      h.session.env.out(t('repl.outputIs', { format: a }) + '\n');
    },
  },
  {
    name: 'limit',
    args: '<n>|auto',
    help: 'repl.cmd.limit',
    run: (a, h) => {
      if (a !== 'auto' && !/^\d+$/.test(a)) throw new UsageError(t('repl.invalidLimit', { limit: a }), t('repl.useLimit'));
      h.session.limit = a === 'auto' ? undefined : Number(a);
      h.session.env.out((a === 'auto' ? t('repl.limitAuto') : t('repl.limit', { limit: a === '0' ? t('repl.limitNone') : a })) + '\n');
    },
  },
  {
    name: 'var',
    args: '[name=value]',
    help: 'repl.cmd.var',
    run: setVar,
  },
  { name: 'server', args: '<url>', help: 'repl.cmd.server', run: (a, h) => switchBackend(a, h) },
  { name: 'sample', args: '', help: 'repl.cmd.sample', run: (_a, h) => switchBackend(undefined, h) },
  { name: 'targets', args: '', help: 'repl.cmd.targets', run: listTargets },
  { name: 'metrics', args: '[filter]', help: 'repl.cmd.metrics', run: listMetrics },
  { name: 'labels', args: '[name]', help: 'repl.cmd.labels', run: listLabels },
  { name: 'fmt', args: '<expr>', help: 'repl.cmd.fmt', run: fmt },
  {
    name: 'explain',
    args: '[--samples [--series {…}]] <expr>',
    help: 'repl.cmd.explain',
    run: explainQuery,
  },
  { name: 'lesson', args: '', help: 'repl.cmd.lesson', run: lesson },
  { name: 'clear', args: '', help: 'repl.cmd.clear', run: (_a, h) => h.clear() },
  { name: 'quit', args: '', help: 'repl.cmd.quit', run: () => 'quit' },
];

/** `.var job=api` sets, `.var job=` unsets, `.var` lists the Grafana variables queries are given. */
function setVar(arg: string, h: MetaHost): void {
  const s = h.session;
  if (arg === '') {
    const names = Object.keys(s.vars).sort();
    s.env.out(names.length === 0 ? t('repl.noVars') + '\n' : names.map((n) => `$${n} = ${s.vars[n]!.join(', ')}\n`).join(''));
    return;
  }
  const m = /^\$?([A-Za-z_]\w*)=(.*)$/s.exec(arg);
  if (!m) throw new UsageError(t('repl.invalidVar', { arg }), t('repl.varExample'));
  const [, name, value] = m as unknown as [string, string, string];
  if (value === '') delete s.vars[name];
  else s.vars[name] = [value];
  s.env.out(value === '' ? t('repl.varUnset', { name }) + '\n' : `$${name} = ${value}\n`);
}

/** Column where the commands' descriptions start: two spaces, the dot, 24 for name and arguments, a space. */
const HELP_INDENT = 28;

/**
 * `.help` fitted to the terminal, in columns (Korean takes two a syllable):
 * descriptions wrap under themselves, a command too long for its column puts
 * its description on the next line, and the keys hang under their label.
 */
function helpText(columns: number): string {
  const width = Math.max(40, columns);
  const hang = (text: string, indent: number) => wrap(text, width - indent).map((l, i) => (i === 0 ? l : ' '.repeat(indent) + l));
  const rows = COMMANDS.flatMap((c) => {
    const name = `  .${`${c.name} ${c.args}`.trim()}`;
    const help = hang(t(c.help as 'repl.cmd.help'), HELP_INDENT);
    if (name.length >= HELP_INDENT) return [name, ...help.map((l, i) => (i === 0 ? ' '.repeat(HELP_INDENT) + l : l))];
    return [name.padEnd(HELP_INDENT) + help[0], ...help.slice(1)];
  });
  const label = t('repl.helpKeys') + ' ';
  const keyIndent = visibleWidth(label);
  // One key per item; an item's own continuation lines indented two more, so the items stand out.
  const keys = (['repl.helpKeys1', 'repl.helpKeys2', 'repl.helpKeys3', 'repl.helpKeys4'] as const).flatMap((k, i) =>
    hang(t(k), keyIndent + 2).map((l, j) => (j > 0 ? l : (i === 0 ? label : ' '.repeat(keyIndent)) + l)),
  );
  return [...wrap(t('repl.helpIntro'), width), '', ...rows, '', ...keys, ''].join('\n');
}

function positive(ms: number, what: string): number {
  if (!(ms > 0)) throw new UsageError(t('repl.mustBePositive', { what }));
  return ms;
}

function stepText(s: Session): string {
  return s.stepMs === undefined ? `auto (${humanDuration(s.stepSec() * 1000)})` : humanDuration(s.stepMs);
}

/** `.tz`: the display zone (src/util/time.ts) for the rest of the session; without an argument, the current one. */
function runTz(a: string, h: MetaHost): void {
  if (a !== '') setDisplayZone(parseZoneArg(a, '.tz'));
  const now = h.session.evalTime();
  h.session.env.out(t('repl.tzNow', { zone: zoneName(), time: formatTimeUtc(now) }) + '\n');
}

function runAt(a: string, h: MetaHost): void {
  const s = h.session;
  if (a === 'reset' || a === '') {
    if (a === 'reset') s.atSec = undefined;
  } else {
    s.atSec = parseTimeArg(a, s.info.dataRange?.end ?? s.env.now());
  }
  const live = s.atSec === undefined && !s.info.dataRange;
  s.env.out((live ? t('repl.evalNow') : t('repl.evalAt', { time: formatTimeUtc(s.evalTime()) })) + '\n');
}

async function switchBackend(url: string | undefined, h: MetaHost): Promise<void> {
  const s = h.session;
  if (url === '') throw new UsageError(t('repl.serverNeeds'), t('repl.serverExample'));
  await s.switchTo(await s.env.openBackend(url));
  s.env.out(t('repl.nowUsing', { name: s.info.description || s.info.name }) + '\n');
}

async function listMetrics(filter: string, h: MetaHost): Promise<void> {
  const s = h.session;
  const names = (await s.backend.labelValues('__name__')).filter((n) => n.includes(filter));
  if (names.length === 0) {
    s.env.out((filter ? t('repl.noMetricsContain', { filter }) : t('repl.noMetrics')) + '\n');
    return;
  }
  let meta: Record<string, { type: string; help: string }[]> = {};
  try {
    meta = await s.backend.metadata();
  } catch {
    // Metadata only decorates the list.
  }
  const width = Math.min(48, Math.max(...names.map((n) => n.length)));
  const lines = names.map((n) => {
    const m = meta[n]?.[0] ?? meta[n.replace(/_(bucket|count|sum|total|created)$/, '')]?.[0];
    const info = m ? `${m.type.padEnd(9)} ${m.help}` : '';
    return `${n.padEnd(width)}  ${s.env.style.dim(info)}`.trimEnd();
  });
  s.env.out(lines.join('\n') + `\n${s.env.style.dim(t('repl.metricCount', { n: names.length }))}\n`);
}

/** `.targets`: the live store's targets, like Prometheus's /targets page, and how big the store has grown. */
async function listTargets(_a: string, h: MetaHost): Promise<void> {
  const s = h.session;
  const live = s.backend as Partial<TargetSource> & { scraper?: { store: { numSeries: number; numSamples: number } } };
  if (typeof live.targets !== 'function') {
    s.env.out(t('repl.noTargets') + '\n');
    return;
  }
  const { formatTargets } = await import('../scrape/status.js');
  s.env.out(formatTargets(live.targets(), s.env.style));
  const store = live.scraper?.store;
  if (store) s.env.out(s.env.style.dim(t('repl.liveStore', { series: store.numSeries, samples: store.numSamples })) + '\n');
}

async function listLabels(name: string, h: MetaHost): Promise<void> {
  const s = h.session;
  const list = name ? await s.backend.labelValues(name) : await s.backend.labelNames();
  if (list.length === 0) s.env.out((name ? t('repl.labelNoValues', { name }) : t('repl.noLabels')) + '\n');
  else s.env.out(list.join('\n') + '\n');
}

async function fmt(expr: string, h: MetaHost): Promise<void> {
  if (!expr) throw new UsageError(t('repl.fmtNeeds'), t('repl.fmtExample'));
  // All syntax on: formatting should not depend on feature flags; parse errors show the caret.
  h.session.env.out(printExpr(parse(expr, ALL_FEATURES)) + '\n');
}

/** `.explain [--samples] [--series {...}] <expr>` at the session's evaluation time. */
async function explainQuery(arg: string, h: MetaHost): Promise<void> {
  const s = h.session;
  let rest = arg;
  let samples = false;
  let series: string | undefined;
  for (;;) {
    const flag = /^--samples\b\s*/.exec(rest) ?? /^--series\s+(\{[^}]*\})\s*/.exec(rest);
    if (!flag) break;
    if (flag[1] !== undefined) series = flag[1];
    else samples = true;
    rest = rest.slice(flag[0].length);
  }
  if (!rest) throw new UsageError(t('repl.explainNeeds'), t('repl.explainExample'));
  if (series !== undefined && !samples) throw new UsageError(t('repl.seriesHint'), t('repl.seriesExample'));
  const { explain, renderExplanation } = await import('../explain/index.js');
  const x = await explain(s.backend, s.substituteGrafana(rest), { time: s.evalTime(), info: s.info, samples, series });
  if (x.root.error) s.failures++;
  s.env.out(renderExplanation(x, { columns: s.env.columns(), style: s.env.style }));
}

interface LessonsModule {
  openCurrentExercise?: (io: unknown, backend: Backend) => Promise<unknown>;
}

async function lesson(_a: string, h: MetaHost): Promise<void> {
  const s = h.session;
  if (!s.env.terminal) throw new UsageError(t('repl.lessonNeedsTerminal'), t('repl.runLearn'));
  const mod = (await import('../lessons/index.js').catch(() => undefined)) as LessonsModule | undefined;
  const open = mod?.openCurrentExercise;
  if (typeof open !== 'function') {
    s.env.out(t('repl.noLessons') + '\n');
    return;
  }
  await h.suspend(() => open(s.env.io, s.backend));
}

/** Runs a meta-command line; errors are shown, never thrown. */
export async function runMeta(line: string, host: MetaHost): Promise<MetaOutcome> {
  const m = /^\s*\.(\w+)\s*(.*?)\s*$/s.exec(line);
  const name = m?.[1] ?? '';
  const arg = m?.[2] ?? '';
  const env = host.session.env;
  const cmd = COMMANDS.find((c) => c.name === name) ?? (name === 'exit' ? COMMANDS.find((c) => c.name === 'quit') : undefined);
  try {
    if (!cmd) {
      const near = COMMANDS.filter((c) => c.name.startsWith(name.slice(0, 2)) || editDistance(c.name, name) <= 2).map((c) => `.${c.name}`);
      throw new UsageError(
        t('repl.unknownCommand', { name }),
        near.length ? t('repl.didYouMean', { names: near.join(t('sel.or')) }) : t('repl.typeHelp'),
      );
    }
    return (await cmd.run(arg, host)) === 'quit' ? 'quit' : 'ok';
  } catch (e) {
    host.session.failures++;
    env.err(formatError(e, env.style) + '\n');
    return 'failed';
  }
}

/** Names for completing meta-commands (`.ra` → `.range`). */
export const META_NAMES: readonly string[] = [...COMMANDS.map((c) => `.${c.name}`), '.exit'];
