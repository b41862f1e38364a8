// Lesson 11's predictions are facts of the rule timeline, not prose: the
// rules are taken from the lesson's own YAML, evaluated over the sample, and
// each prediction's answer is checked against what happened.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { freshSampleStore } from '../../src/dataset/index.js';
import { createLocalBackend } from '../../src/backends/local.js';
import { SAMPLE_BACKEND_OPTIONS } from '../../src/backends/open.js';
import { loadRuleText } from '../../src/rules/load.js';
import { RuleEvaluator } from '../../src/rules/evaluate.js';
import { backendQuerier, backendRangeQuerier, storeWriter } from '../../src/rules/querier.js';
import { runTimeline } from '../../src/rules/timeline.js';
import { alertTimelines } from '../../src/rules/report.js';
import { loadAlertmanagerConfig } from '../../src/alertmanager/config.js';
import { matchRoutes } from '../../src/alertmanager/route.js';

const ROOT = fileURLToPath(new URL('../../../', import.meta.url));
const LESSON = readFileSync(`${ROOT}lessons/11-rules-and-alerts.md`, 'utf8');

function yamlBlock(startsWith: string): string {
  const blocks = [...LESSON.matchAll(/```yaml\n([\s\S]*?)```/g)].map((m) => m[1]!);
  const b = blocks.find((x) => x.startsWith(startsWith));
  assert.ok(b, `a yaml block starting with ${startsWith}`);
  return b!;
}

function predictAnswer(questionPart: string): string {
  const m = [...LESSON.matchAll(/```predict\n([\s\S]*?)```/g)].map((x) => x[1]!).find((b) => b.includes(questionPart));
  assert.ok(m, questionPart);
  return /^answer: (.*)$/m.exec(m!)![1]!;
}

const { start, end } = SAMPLE_BACKEND_OPTIONS.dataRange!;

async function episodes(rulesYaml: string) {
  const { file, problems } = loadRuleText('lesson.yml', rulesYaml);
  assert.deepEqual(problems, []);
  // A fresh store per run: recorded series must not leak between variants.
  const s = freshSampleStore();
  const b = createLocalBackend(s, SAMPLE_BACKEND_OPTIONS);
  const ev = new RuleEvaluator(file.groups, backendQuerier(b), { defaultIntervalMs: 60_000, writer: storeWriter(s) });
  await runTimeline(ev, { startMs: start * 1000, endMs: end * 1000, range: backendRangeQuerier(b) });
  return alertTimelines(ev.transitions)
    .filter((a) => a.alertname === 'HighErrorRate' && a.labels.job === 'checkout')
    .flatMap((a) => a.episodes);
}

const hhmmss = (ms: number) => new Date(ms).toISOString().slice(11, 19);

test('lesson 11: the alert fires when the lesson says, and resolves after keep_firing_for', async () => {
  const rules = yamlBlock('groups:');
  const eps = await episodes(rules);
  assert.equal(eps.length, 1);
  assert.equal(hhmmss(eps[0]!.pendingAtMs), '10:40:30');
  assert.equal(hhmmss(eps[0]!.firingAtMs!), predictAnswer('When does HighErrorRate fire?'));
  assert.equal(hhmmss(eps[0]!.endedAtMs!), '11:06:30');
  assert.match(LESSON, /resolves at 11:06:30/);
  const withoutKeep = await episodes(rules.replace(/ *keep_firing_for: 2m\n/, ''));
  assert.equal(hhmmss(withoutKeep[0]!.endedAtMs!), '11:04:30');
  assert.match(LESSON, /falls under 1% at 11:04:30/);
});

test('lesson 11: for: 5m turns 7 firings at 0.4% into the one the lesson predicts', async () => {
  const at04 = yamlBlock('groups:')
    .replace('> 0.01', '> 0.004')
    .replace(/ *keep_firing_for: 2m\n/, '');
  const instant = await episodes(at04.replace('for: 5m', 'for: 0s'));
  assert.equal(instant.filter((e) => e.firingAtMs !== undefined).length, 7);
  assert.match(LESSON, /fires 7 times over the sample day/);
  const held = await episodes(at04);
  assert.equal(String(held.filter((e) => e.firingAtMs !== undefined).length), predictAnswer('How many times does HighErrorRate fire'));
});

test('lesson 11: the routing prediction is what the route tree does', () => {
  const yaml = yamlBlock('route:') + 'receivers: [{ name: team-email }, { name: pager }, { name: tickets }]\n';
  const { config, problems } = loadAlertmanagerConfig(yaml);
  assert.deepEqual(problems, []);
  const receivers = matchRoutes(config!.route, { alertname: 'HighErrorRate', job: 'checkout', severity: 'page' }).map((r) => r.receiver);
  assert.equal(receivers.join(' and '), predictAnswer('Which receivers get it'));
});
