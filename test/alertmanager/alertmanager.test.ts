// Alertmanager: configuration problems, routing (as amtool config routes
// test), and the notification simulation (group_wait, group_interval,
// repeat_interval, resolved notifications, inhibition, time intervals),
// table-driven over small alert timelines.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { loadAlertmanagerConfig, type AlertmanagerConfig } from '../../src/alertmanager/config.js';
import { matchRoutes, groupLabels } from '../../src/alertmanager/route.js';
import { NotificationSimulator, type AmAlert } from '../../src/alertmanager/simulate.js';
import { intervalContains, parseRanges, parseTimes } from '../../src/alertmanager/time-intervals.js';

function config(text: string): AlertmanagerConfig {
  const { config, problems } = loadAlertmanagerConfig(text);
  assert.deepEqual(problems, []);
  return config!;
}

const TREE = `
route:
  receiver: default
  group_by: [alertname]
  routes:
    - matchers: ['severity="page"']
      receiver: pager
      continue: true
    - match: { team: db }
      receiver: db
      group_by: ['...']
      routes:
        - match_re: { service: 'mysql|postgres' }
          receiver: db-sql
    - matchers: ['severity=~"page|ticket"', 'env!="dev"']
      receiver: tickets
receivers: [{ name: default }, { name: pager }, { name: db }, { name: db-sql }, { name: tickets }]
`;

test('routing: first match wins, continue goes on, nested routes, match/match_re', () => {
  const cfg = config(TREE);
  const cases: Array<[Record<string, string>, string[]]> = [
    [{ alertname: 'A' }, ['default']],
    [{ alertname: 'A', severity: 'page' }, ['pager', 'tickets']],
    [{ alertname: 'A', severity: 'page', env: 'dev' }, ['pager']], // a continue route matched: not the default
    [{ alertname: 'A', team: 'db' }, ['db']],
    [{ alertname: 'A', team: 'db', service: 'postgres' }, ['db-sql']],
    [{ alertname: 'A', team: 'db', service: 'postgresql' }, ['db']],
    [{ alertname: 'A', severity: 'ticket' }, ['tickets']],
    [{ alertname: 'A', severity: 'page', team: 'db' }, ['pager', 'db']],
  ];
  for (const [labels, want] of cases)
    assert.deepEqual(
      matchRoutes(cfg.route, labels).map((r) => r.receiver),
      want,
      JSON.stringify(labels),
    );
  const db = matchRoutes(cfg.route, { alertname: 'A', team: 'db', x: '1' })[0]!;
  assert.deepEqual(
    groupLabels(db, { alertname: 'A', team: 'db', x: '1' }),
    { alertname: 'A', team: 'db', x: '1' },
    "group_by ['...'] groups by all labels",
  );
  const sqlRoute = matchRoutes(cfg.route, { alertname: 'A', team: 'db', service: 'mysql' })[0]!;
  assert.equal(sqlRoute.groupByAll, true, 'group_by is inherited');
  assert.equal(sqlRoute.groupWaitMs, 30_000);
  assert.equal(sqlRoute.repeatIntervalMs, 4 * 3600_000);
});

test('configuration problems with line:col', () => {
  const cases: Array<[string, RegExp]> = [
    ['route:\n  group_by: [a]\nreceivers: []\n', /^2:3: root route must specify a default receiver$/],
    ['route:\n  receiver: x\nreceivers: [{ name: y }]\n', /undefined receiver "x" used in route/],
    [
      'route:\n  receiver: x\n  routes:\n    - matchers: ["sev=~"]\n      receivr: x\nreceivers: [{ name: x }]\n',
      /field receivr not found in type config.Route/,
    ],
    [
      'route:\n  receiver: x\n  routes:\n    - matchers: ["severity page"]\nreceivers: [{ name: x }]\n',
      /^4:18: bad matcher format: severity page$/,
    ],
    ['route:\n  receiver: x\n  group_wait: 30x\nreceivers: [{ name: x }]\n', /^3:15: not a valid duration string: "30x"$/],
    [
      'route:\n  receiver: x\n  routes:\n    - receiver: x\n      mute_time_intervals: [nights]\nreceivers: [{ name: x }]\n',
      /undefined time interval "nights" used in route/,
    ],
    ['route:\n  receiver: x\nreceivers: [{ name: x }, { name: x }]\n', /notification config name "x" is not unique/],
    ['route: [\n', /^\d+:\d+: yaml: /],
  ];
  for (const [text, re] of cases) {
    const { problems } = loadAlertmanagerConfig(text);
    assert.ok(problems.length > 0, text);
    assert.ok(
      problems.some((p) => re.test(`${p.line}:${p.col}: ${p.message}`) || re.test(p.message)),
      `${text}\n${JSON.stringify(problems)}`,
    );
  }
});

const M = 60_000;
const alert = (labels: Record<string, string>, startMin: number, endMin?: number): AmAlert => ({
  labels,
  annotations: {},
  startsAtMs: startMin * M,
  endsAtMs: endMin === undefined ? undefined : endMin * M,
});

function simulate(cfgText: string, alerts: AmAlert[], endMin: number): string[] {
  const sim = new NotificationSimulator(config(cfgText));
  sim.run(alerts, endMin * M);
  return [
    ...sim.notifications.map(
      (n) =>
        `${n.tMs / M} ${n.receiver} ${n.reason} firing=${n.firing.map((a) => a.labels.alertname + (a.labels.i ?? '')).join(',')} resolved=${n.resolved.map((a) => a.labels.alertname + (a.labels.i ?? '')).join(',')}${n.sent ? '' : ' (not sent)'}`,
    ),
    ...sim.suppressions.map((s) => `${s.tMs / M} ${s.receiver} ${s.kind} ${s.alerts.map((a) => a.labels.alertname).join(',')}`),
  ];
}

const BASE = (extra = '', receiver = 'webhook_configs: [{ url: "http://x" }]') => `
route:
  receiver: r
  group_by: [alertname]
  group_wait: 1m
  group_interval: 5m
  repeat_interval: 1h
${extra}
receivers:
  - name: r
    ${receiver}
`;

test('notifications: group_wait, group_interval, repeat_interval, resolved', () => {
  const cases: Array<{ name: string; cfg: string; alerts: AmAlert[]; end: number; want: string[] }> = [
    {
      name: 'first after group_wait, resolved at the next group_interval',
      cfg: BASE(),
      alerts: [alert({ alertname: 'A' }, 10, 13)],
      end: 60,
      want: ['11 r first firing=A resolved=', '16 r all resolved firing= resolved=A'],
    },
    {
      name: 'repeat after repeat_interval (at the first flush after it)',
      cfg: BASE(),
      alerts: [alert({ alertname: 'A' }, 0)],
      end: 130,
      want: ['1 r first firing=A resolved=', '66 r repeat firing=A resolved=', '131 r repeat firing=A resolved='].filter(
        (l) => Number(l.split(' ')[0]) <= 130,
      ),
    },
    {
      name: 'a second alert in the group waits for group_interval',
      cfg: BASE(),
      alerts: [alert({ alertname: 'A', i: '1' }, 0), alert({ alertname: 'A', i: '2' }, 2)],
      end: 10,
      want: ['1 r first firing=A1 resolved=', '6 r new alerts firing=A1,A2 resolved='],
    },
    {
      name: 'one of two resolves: sent with send_resolved',
      cfg: BASE(),
      alerts: [alert({ alertname: 'A', i: '1' }, 0), alert({ alertname: 'A', i: '2' }, 0, 3)],
      end: 10,
      want: ['1 r first firing=A1,A2 resolved=', '6 r resolved firing=A1 resolved=A2'],
    },
    {
      name: 'one of two resolves: nothing without send_resolved',
      cfg: BASE('', 'email_configs: [{ to: a@b.c }]'),
      alerts: [alert({ alertname: 'A', i: '1' }, 0), alert({ alertname: 'A', i: '2' }, 0, 3)],
      end: 10,
      want: ['1 r first firing=A1,A2 resolved='],
    },
    {
      name: 'all resolved without send_resolved: logged, not sent',
      cfg: BASE('', 'slack_configs: [{ channel: "#x", api_url: "http://x" }]'),
      alerts: [alert({ alertname: 'A' }, 0, 3)],
      end: 10,
      want: ['1 r first firing=A resolved=', '6 r all resolved firing= resolved= (not sent)'],
    },
    { name: 'fired and resolved within group_wait: nothing', cfg: BASE(), alerts: [alert({ alertname: 'A' }, 0, 0.5)], end: 10, want: [] },
    {
      name: 'groups by alertname: two groups',
      cfg: BASE(),
      alerts: [alert({ alertname: 'A' }, 0), alert({ alertname: 'B' }, 0)],
      end: 3,
      want: ['1 r first firing=A resolved=', '1 r first firing=B resolved='],
    },
  ];
  for (const c of cases) assert.deepEqual(simulate(c.cfg, c.alerts, c.end), c.want, c.name);
});

test('notifications: inhibition and time intervals', () => {
  const inhibit = BASE(
    `inhibit_rules:\n  - source_matchers: ['severity="page"']\n    target_matchers: ['severity="ticket"']\n    equal: [job]`,
  );
  assert.deepEqual(
    simulate(
      inhibit,
      [
        alert({ alertname: 'Page', severity: 'page', job: 'a' }, 0, 20),
        alert({ alertname: 'Ticket', severity: 'ticket', job: 'a' }, 0),
        alert({ alertname: 'Other', severity: 'ticket', job: 'b' }, 0),
      ],
      23,
    ),
    [
      '1 r first firing=Page resolved=',
      '1 r first firing=Other resolved=',
      '21 r all resolved firing= resolved=Page',
      '21 r first firing=Ticket resolved=',
      '1 r inhibited Ticket',
      '6 r inhibited Ticket',
      '11 r inhibited Ticket',
      '16 r inhibited Ticket',
    ],
  );
  const muted = `
route:
  receiver: r
  group_wait: 1m
  group_interval: 5m
  routes:
    - receiver: r
      mute_time_intervals: [lunch]
time_intervals:
  - name: lunch
    time_intervals:
      - times: [{ start_time: "00:00", end_time: "00:10" }]
receivers: [{ name: r, webhook_configs: [{ url: "http://x" }] }]
`;
  assert.deepEqual(simulate(muted, [alert({ alertname: 'A' }, 0)], 12), ['11 r first firing=A resolved=', '1 r muted A', '6 r muted A']);
});

test('time intervals: weekdays, days of month (negative), months, times, location', () => {
  const t = Date.parse('2026-01-15T10:30:00Z'); // a Thursday
  assert.equal(intervalContains({ weekdays: parseRanges(['monday:friday'], 'weekdays') }, t), true);
  assert.equal(intervalContains({ weekdays: parseRanges(['saturday', 'sunday'], 'weekdays') }, t), false);
  assert.equal(intervalContains({ daysOfMonth: parseRanges(['-17:-1'], 'days_of_month') }, t), true);
  assert.equal(intervalContains({ months: parseRanges(['january'], 'months'), years: parseRanges(['2026'], 'years') }, t), true);
  assert.equal(intervalContains({ times: parseTimes([{ start_time: '09:00', end_time: '17:00' }]) }, t), true);
  assert.equal(
    intervalContains({ times: parseTimes([{ start_time: '09:00', end_time: '17:00' }]), location: 'Asia/Tokyo' }, t),
    false,
    '19:30 in Tokyo',
  );
  assert.throws(() => parseTimes([{ start_time: '10:00', end_time: '09:00' }]), /start time cannot be equal or greater than end time/);
});
