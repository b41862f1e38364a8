// Every text of promtool's (and Prometheus's rule evaluation) that promlearn
// prints has a meaning in Korean beside it: a new entry in promtool-words.ts
// without a note fails here. And the notes are only for other languages.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { PROMTOOL } from '../../src/rules/promtool-words.js';
import { evalErrorNote, failureNote, problemNote } from '../../src/rules/problem-notes.js';
import { setLang } from '../../src/util/messages/index.js';

/** Arguments as promlearn passes them, where 'x' would not do. */
const ARGS: Record<string, unknown[]> = { cannotUnmarshal: ['!!str', 'int'], alertLimit: [10, 12], seriesLimit: [10, 12] };

/** Each text as promlearn prints it: a rule-file problem, a unit-test failure or a rule evaluation error. */
function examples(): Array<[name: string, text: string]> {
  return Object.entries(PROMTOOL).map(([name, v]) => {
    const text = typeof v === 'string' ? v : (v as (...a: unknown[]) => string)(...(ARGS[name] ?? ['x', 'y']));
    return [name, text];
  });
}

test('every promtool text has a Korean meaning', () => {
  setLang('ko');
  try {
    const missing = examples().filter(([, text]) => {
      const note = problemNote(text) ?? failureNote(text) ?? evalErrorNote(text) ?? problemNote(`group "g", rule 1, "r": ${text}`);
      return !note || !/[\uAC00-\uD7A3]/.test(note);
    });
    assert.deepEqual(missing, []);
  } finally {
    setLang('en');
  }
});

test('unit-test failures in promtool layout are recognised', () => {
  setLang('ko');
  try {
    const alert = '    alertname: InstanceDown, time: 3m, \n        exp:[], \n        got:[]';
    assert.match(failureNote(alert)!, /^3m 시점에 firing 상태인 InstanceDown 알림이 exp_alerts와 달라요/);
    const named = `    name: my test,\n${alert}`;
    assert.match(failureNote(named)!, /InstanceDown/);
    const expr = '    expr: "up", time: 1m,\n        exp: nil\n        got: nil';
    assert.match(failureNote(expr)!, /^1m 시점에 "up"의 결과가 exp_samples와 달라요/);
    const evalErr = '    rule: Dup, time: 0s, err: found duplicate series for the match group {job="a"} on the right hand-side';
    assert.match(failureNote(evalErr)!, /^0s 시점에 규칙 Dup의 평가가 실패했어요/);
    assert.equal(failureNote('something promtool never says'), undefined);
  } finally {
    setLang('en');
  }
});
