// Korean messages as a learner sees them at 80 columns: an explain tree, a
// judge verdict, a parse error with its hint, and `query --help`. Regenerate
// with UPDATE_GOLDEN=1 after a deliberate change, and read the diff.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { main } from '../../src/cli/main.js';
import { bufferIO } from '../../src/util/io.js';
import { sampleDeps } from '../helpers/sample-backend.js';
import { compareGolden } from '../helpers/golden.js';

const DIR = join(import.meta.dirname, '..', '..', '..', 'test', 'golden', 'ko');

async function run(args: string[]): Promise<{ code: number; text: string }> {
  const env = { PROMLEARN_STATE_DIR: mkdtempSync(join(tmpdir(), 'promlearn-ko-')), LANG: 'ko_KR.UTF-8' };
  const io = bufferIO({ env, columns: 80, rows: 24 });
  const code = await main(['node', 'promlearn', ...args], io, sampleDeps(io));
  return { code, text: io.output.out + io.output.err };
}

function compareNamed(name: string, got: string): void {
  compareGolden(join(DIR, name), got, name);
}

const CASES: Array<[name: string, args: string[], code: number]> = [
  ['explain-error-ratio.txt', ['explain', 'sum by (job) (rate(http_requests_total{status_code=~"5.."}[5m])) / on (job) sum by (job) (rate(http_requests_total[5m]))'], 0],
  ['judge-wrong.txt', ['learn', 'check', 'aggregation', '1', 'sum(rate(http_requests_total[5m]))'], 1],
  ['judge-right.txt', ['learn', 'check', '6', 'rps-per-job', 'sum by (job) (rate(http_requests_total[5m]))'], 0],
  ['parse-error.txt', ['query', 'rate(http_requests_total)'], 1],
  ['parse-error-aggregation.txt', ['query', 'sum by(job) rate(up[5m])'], 1],
  ['query-help.txt', ['query', '--help'], 0],
];

for (const [name, args, code] of CASES) {
  test(`Korean at 80 columns: promlearn ${args.join(' ')}`, async () => {
    const r = await run(args);
    assert.equal(r.code, code, r.text);
    assert.match(r.text, /[\uAC00-\uD7A3]/, 'the output is in Korean');
    compareNamed(name, r.text);
  });
}
