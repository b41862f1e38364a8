// Korean at 80 columns for rule files: `rules check` and `rules test` print
// promtool's English words (as promtool does) and, under each problem or
// failure, our hint for a PromQL error and a line saying what it means. The
// fixture paths are shown relative to test/rules/fixtures/. Regenerate with
// UPDATE_GOLDEN=1 after a deliberate change, and read the diff.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { main } from '../../src/cli/main.js';
import { bufferIO } from '../../src/util/io.js';
import { visibleWidth } from '../../src/util/width.js';
import { compareGolden } from '../helpers/golden.js';

const ROOT = join(import.meta.dirname, '..', '..', '..');
const FIXTURES = join(ROOT, 'test', 'rules', 'fixtures');
const DIR = join(ROOT, 'test', 'golden', 'ko');

/** stdout and stderr interleaved, as a terminal shows them. */
async function run(args: string[], lang: string): Promise<{ code: number; text: string }> {
  const io = bufferIO({ env: { PROMLEARN_LANG: lang }, columns: 80, rows: 24 });
  let text = '';
  const terminal = { ...io, out: (s: string) => void (text += s), err: (s: string) => void (text += s) };
  const code = await main(['node', 'promlearn', ...args], terminal);
  return { code, text: text.replaceAll(FIXTURES + '/', '') };
}

const CASES: Array<[golden: string, args: string[]]> = [
  ['rules-check-80.txt', ['rules', 'check', ...['ko-bad-rules.yml', 'ko-dup-rules.yml', 'ko-bad-yaml.yml'].map((f) => join(FIXTURES, f))]],
  ['rules-test-80.txt', ['rules', 'test', ...['ko-fail.test.yml', 'ko-bad-rules.test.yml'].map((f) => join(FIXTURES, f))]],
];

for (const [golden, args] of CASES) {
  test(`Korean at 80 columns: promlearn ${args.slice(0, 2).join(' ')} (${golden})`, async () => {
    const r = await run(args, 'ko');
    assert.equal(r.code, 1, r.text);
    compareGolden(join(DIR, golden), r.text, golden);
    // Every problem or failure in promtool's English has a line in Korean under it (ours are Korean
    // already), and our lines fit in 80 columns.
    const meanings = r.text.split('\n').filter((l) => l.startsWith('  설명: '));
    const problems = r.text
      .split('\n')
      .filter((l) => /^(\S+\.yml:\d+:\d+: |    (alertname|expr): )/.test(l) && !/[\uAC00-\uD7A3]/.test(l));
    assert.equal(meanings.length, problems.length, r.text);
    for (const l of r.text.split('\n').filter((x) => /[\uAC00-\uD7A3]/.test(x) && !/^\S+\.yml:/.test(x))) {
      assert.ok(visibleWidth(l) <= 80, l);
    }
  });

  test(`English stays promtool's text with no meaning lines: promlearn ${args.slice(0, 2).join(' ')}`, async () => {
    const r = await run(args, 'en');
    assert.equal(r.code, 1);
    assert.doesNotMatch(r.text, /[\uAC00-\uD7A3]|meaning:/);
  });
}

const EXAMPLES = join(ROOT, 'examples', 'rules');

test('Korean at 80 columns: promlearn rules eval and alerts route over the sample (the reports are ours)', async () => {
  const rules = join(EXAMPLES, 'shop-rules.yml');
  const evalRun = await run(['rules', 'eval', rules], 'ko');
  assert.equal(evalRun.code, 0, evalRun.text);
  compareGolden(join(DIR, 'rules-eval-80.txt'), evalRun.text, 'rules-eval-80.txt');
  const route = await run(['alerts', 'route', '-c', join(EXAMPLES, 'alertmanager.yml'), rules], 'ko');
  assert.equal(route.code, 0, route.text);
  compareGolden(join(DIR, 'alerts-route-80.txt'), route.text, 'alerts-route-80.txt');
});

test('a PromQL error in a rule file gets the hint `query` gives, in English too', async () => {
  const r = await run(['rules', 'check', join(FIXTURES, 'ko-bad-rules.yml')], 'en');
  const query = bufferIO({ env: { PROMLEARN_LANG: 'en' } });
  await main(['node', 'promlearn', 'query', 'sum by (job) (rate(http_requests_total[5m])'], query);
  const hint = query.output.err.split('\n').find((l) => l.startsWith('hint: '));
  assert.ok(hint, query.output.err);
  assert.ok(r.text.includes(`\n  ${hint}\n`), r.text);
});
