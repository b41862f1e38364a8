// `alerts route` prints Alertmanager's words for a bad configuration; in
// Korean each problem has a line saying what it means.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { loadAlertmanagerConfig } from '../../src/alertmanager/config.js';
import { alertmanagerNote } from '../../src/alertmanager/problem-notes.js';
import { setLang } from '../../src/util/messages/index.js';

const BAD = `route:
  receiver: pager
  group_interval: 0s
  group_by: ['...', job]
  matchers: ['severity="page"']
  routes:
    - receiver: nobody
      matchers: ['severity=~"(page"']
      mute_time_intervals: [night]
    - receiver: pager
      matchers: ['severity page']
receivers:
  - name: pager
  - name: pager
    webhook_configs: 3
time_intervals:
  - name: day
    time_intervals:
      - times:
          - start_time: '18:00'
            end_time: '09:00'
        location: Mars/Olympus
  - name: day
    time_intervals:
      - days_of_month: ['40']
`;

test('every problem in a bad Alertmanager configuration has a Korean meaning', () => {
  const { problems } = loadAlertmanagerConfig(BAD);
  assert.ok(problems.length >= 10, problems.map((p) => p.message).join('\n'));
  setLang('ko');
  try {
    const missing = problems.filter((p) => !/[\uAC00-\uD7A3]/.test(alertmanagerNote(p.message) ?? '')).map((p) => p.message);
    assert.deepEqual(missing, []);
  } finally {
    setLang('en');
  }
});
