// An Alertmanager configuration (alertmanager.yml): the route tree with its
// inherited timings, receivers (only their names and send_resolved matter
// here: nothing is sent), inhibit rules and time intervals. Problems are
// collected with line:column, in Alertmanager's words where it has them
// ("undefined receiver "x" used in route").

import type { Node, Pair } from 'yaml';
import { isScalar } from 'yaml';
import { parseModelDuration } from '../rules/duration.js';
import { YamlReader, type Problem } from '../rules/yaml-nodes.js';
import { makeMatcher, parseMatcher, type Matcher } from './matchers.js';
import { parseRanges, parseTimes, validZone, type TimeInterval } from './time-intervals.js';

export interface Route {
  /** Position in the tree, e.g. "root", "root.0", "root.0.1". */
  id: string;
  receiver: string;
  matchers: Matcher[];
  /** Label names, or ['...'] for "group by all labels". */
  groupBy: string[];
  groupByAll: boolean;
  groupWaitMs: number;
  groupIntervalMs: number;
  repeatIntervalMs: number;
  continue: boolean;
  muteTimeIntervals: string[];
  activeTimeIntervals: string[];
  routes: Route[];
  line: number;
  /** Where `receiver:` is written in this route (undefined: inherited). */
  receiverPos?: { line: number; col: number };
}

export interface Receiver {
  name: string;
  /** Whether this receiver is told about resolved alerts (any integration with send_resolved). */
  sendResolved: boolean;
  integrations: string[];
}

export interface InhibitRule {
  source: Matcher[];
  target: Matcher[];
  equal: string[];
  line: number;
}

export interface AlertmanagerConfig {
  route: Route;
  receivers: Map<string, Receiver>;
  inhibitRules: InhibitRule[];
  timeIntervals: Map<string, TimeInterval[]>;
}

/** Alertmanager's defaults for send_resolved, per integration. */
const SEND_RESOLVED_DEFAULT: Record<string, boolean> = {
  email_configs: false,
  slack_configs: false,
  wechat_configs: false,
  pagerduty_configs: true,
  webhook_configs: true,
  opsgenie_configs: true,
  pushover_configs: true,
  victorops_configs: true,
  sns_configs: true,
  telegram_configs: true,
  discord_configs: true,
  webex_configs: true,
  msteams_configs: true,
  msteamsv2_configs: true,
  jira_configs: true,
  rocketchat_configs: true,
  incidentio_configs: true,
};

const ROUTE_FIELDS = [
  'receiver',
  'group_by',
  'continue',
  'matchers',
  'match',
  'match_re',
  'group_wait',
  'group_interval',
  'repeat_interval',
  'mute_time_intervals',
  'active_time_intervals',
  'routes',
];

type Fields = Map<string, Pair<Node, Node | null>>;

class ConfigReader {
  constructor(readonly r: YamlReader) {}

  strings(f: Fields, key: string): string[] {
    return this.r.seq(f.get(key)?.value, '[]string').map((n) => (isScalar(n) ? String(n.value) : ''));
  }

  duration(f: Fields, key: string, inherited: number): number {
    const s = this.r.str(f.get(key));
    if (s === undefined) return inherited;
    try {
      const ms = parseModelDuration(s);
      if (ms === 0 && key !== 'group_wait') this.r.add(f.get(key)!.value, `${key} cannot be zero`);
      return ms;
    } catch (e) {
      this.r.add(f.get(key)!.value, (e as Error).message);
      return inherited;
    }
  }

  matchers(f: Fields, prefix = ''): Matcher[] {
    const out: Matcher[] = [];
    const pair = f.get(`${prefix}matchers`);
    for (const n of this.r.seq(pair?.value, '[]string')) {
      try {
        out.push(parseMatcher(isScalar(n) ? String(n.value) : ''));
      } catch (e) {
        this.r.add(n, (e as Error).message);
      }
    }
    for (const [key, type] of [
      [`${prefix}match`, '='],
      [`${prefix}match_re`, '=~'],
    ] as const) {
      for (const [name, { value, node }] of this.r.stringMap(f.get(key))) {
        try {
          out.push(makeMatcher(name, type, value));
        } catch (e) {
          this.r.add(node, (e as Error).message);
        }
      }
    }
    return out;
  }

  route(node: Node, id: string, parent: Route | undefined): Route {
    const f = this.r.fields(node, 'config.Route', ROUTE_FIELDS);
    const inherited = parent ? (parent.groupByAll ? ['...'] : parent.groupBy) : [];
    const groupBy = f.has('group_by') ? this.strings(f, 'group_by') : inherited;
    const groupByAll = groupBy.includes('...');
    if (groupByAll && groupBy.length > 1)
      this.r.add(f.get('group_by')!.value, 'cannot have wildcard group_by (`...`) and other other labels at the same time');
    const route: Route = {
      id,
      receiver: this.r.str(f.get('receiver')) ?? parent?.receiver ?? '',
      matchers: this.matchers(f),
      groupBy: groupByAll ? [] : groupBy,
      groupByAll,
      groupWaitMs: this.duration(f, 'group_wait', parent?.groupWaitMs ?? 30_000),
      groupIntervalMs: this.duration(f, 'group_interval', parent?.groupIntervalMs ?? 300_000),
      repeatIntervalMs: this.duration(f, 'repeat_interval', parent?.repeatIntervalMs ?? 4 * 3600_000),
      continue: this.r.bool(f.get('continue')) ?? false,
      muteTimeIntervals: this.strings(f, 'mute_time_intervals'),
      activeTimeIntervals: this.strings(f, 'active_time_intervals'),
      routes: [],
      line: this.r.pos(node).line,
      receiverPos: f.get('receiver')?.value ? this.r.pos(f.get('receiver')!.value) : undefined,
    };
    if (!parent) {
      if (!route.receiver) this.r.add(node, 'root route must specify a default receiver');
      if (route.matchers.length) this.r.add(node, 'root route must not have any matchers');
      if (route.continue) this.r.add(node, 'cannot have continue in root route');
      if (route.muteTimeIntervals.length || route.activeTimeIntervals.length)
        this.r.add(node, 'root route must not have any mute time intervals');
    }
    this.r.seq(f.get('routes')?.value, '[]*config.Route').forEach((child, i) => route.routes.push(this.route(child, `${id}.${i}`, route)));
    return route;
  }

  receiver(node: Node): Receiver {
    const f = this.r.fields(node, 'config.Receiver', ['name', ...Object.keys(SEND_RESOLVED_DEFAULT)]);
    const integrations: string[] = [];
    let sendResolved = false;
    for (const [key, pair] of f) {
      if (key === 'name') continue;
      for (const item of this.r.seq(pair.value, `[]*config.${key}`)) {
        integrations.push(key.replace(/_configs$/, ''));
        const sr = this.r.bool(
          this.r.fields(item, `config.${key}`, Object.keys((item as { toJSON(): object }).toJSON?.() ?? {})).get('send_resolved'),
        );
        sendResolved ||= sr ?? SEND_RESOLVED_DEFAULT[key]!;
      }
    }
    return { name: this.r.str(f.get('name')) ?? '', sendResolved, integrations };
  }

  timeInterval(node: Node): { name: string; intervals: TimeInterval[] } {
    const f = this.r.fields(node, 'config.TimeInterval', ['name', 'time_intervals']);
    const intervals: TimeInterval[] = [];
    for (const item of this.r.seq(f.get('time_intervals')?.value, '[]timeinterval.TimeInterval')) {
      const g = this.r.fields(item, 'timeinterval.TimeInterval', ['times', 'weekdays', 'days_of_month', 'months', 'years', 'location']);
      const ti: TimeInterval = {};
      try {
        if (g.has('times')) ti.times = parseTimes((g.get('times')!.value as { toJSON(): [] }).toJSON());
        if (g.has('weekdays')) ti.weekdays = parseRanges(this.strings(g, 'weekdays'), 'weekdays');
        if (g.has('days_of_month')) ti.daysOfMonth = parseRanges(this.strings(g, 'days_of_month'), 'days_of_month');
        if (g.has('months')) ti.months = parseRanges(this.strings(g, 'months'), 'months');
        if (g.has('years')) ti.years = parseRanges(this.strings(g, 'years'), 'years');
        const loc = this.r.str(g.get('location'));
        if (loc !== undefined) {
          if (!validZone(loc === 'Local' ? 'UTC' : loc)) throw new Error(`unknown time zone ${loc}`);
          ti.location = loc === 'Local' ? undefined : loc;
        }
      } catch (e) {
        this.r.add(item, (e as Error).message);
      }
      intervals.push(ti);
    }
    return { name: this.r.str(f.get('name')) ?? '', intervals };
  }
}

function checkReferences(c: ConfigReader, route: Route, cfg: AlertmanagerConfig, node: Node): void {
  const walk = (r: Route) => {
    if (r.receiver && r.receiverPos && !cfg.receivers.has(r.receiver))
      c.r.problems.push({ ...r.receiverPos, message: `undefined receiver "${r.receiver}" used in route` });
    for (const name of [...r.muteTimeIntervals, ...r.activeTimeIntervals]) {
      if (!cfg.timeIntervals.has(name))
        c.r.problems.push({ line: r.line, col: 1, message: `undefined time interval "${name}" used in route` });
    }
    r.routes.forEach(walk);
  };
  walk(route);
  void node;
}

/** Reads alertmanager.yml text; problems carry line:col (none means the config is usable). */
export function loadAlertmanagerConfig(text: string): { config?: AlertmanagerConfig; problems: Problem[] } {
  const r = new YamlReader(text);
  if (!r.ok) return { problems: r.problems };
  const c = new ConfigReader(r);
  const top = r.fields(r.doc.contents, 'config.Config', [
    'global',
    'route',
    'receivers',
    'inhibit_rules',
    'templates',
    'time_intervals',
    'mute_time_intervals',
  ]);
  const routeNode = top.get('route')?.value;
  if (!routeNode) {
    r.add(r.doc.contents as Node, 'no routes provided');
    return { problems: r.problems };
  }
  const receivers = new Map<string, Receiver>();
  for (const n of r.seq(top.get('receivers')?.value, '[]config.Receiver')) {
    const rec = c.receiver(n);
    if (receivers.has(rec.name)) r.add(n, `notification config name "${rec.name}" is not unique`);
    receivers.set(rec.name, rec);
  }
  const timeIntervals = new Map<string, TimeInterval[]>();
  for (const key of ['time_intervals', 'mute_time_intervals']) {
    for (const n of r.seq(top.get(key)?.value, '[]config.TimeInterval')) {
      const ti = c.timeInterval(n);
      if (timeIntervals.has(ti.name)) r.add(n, `time interval "${ti.name}" is not unique`);
      timeIntervals.set(ti.name, ti.intervals);
    }
  }
  const inhibitRules: InhibitRule[] = r.seq(top.get('inhibit_rules')?.value, '[]config.InhibitRule').map((n) => {
    const f = r.fields(n, 'config.InhibitRule', [
      'source_matchers',
      'target_matchers',
      'source_match',
      'source_match_re',
      'target_match',
      'target_match_re',
      'equal',
    ]);
    return { source: c.matchers(f, 'source_'), target: c.matchers(f, 'target_'), equal: c.strings(f, 'equal'), line: r.pos(n).line };
  });
  const route = c.route(routeNode, 'root', undefined);
  const config: AlertmanagerConfig = { route, receivers, inhibitRules, timeIntervals };
  checkReferences(c, route, config, routeNode);
  return { config, problems: r.problems };
}
