// Parser benchmark: a realistic ~10 kB query (a long `or` chain of sums of
// rates with matchers, offsets and vector matching) parsed N times.
//
//   node dist/scripts/bench-parse.js [iterations]

import { parse, printExpr } from '../src/promql/index.js';

function buildQuery(targetBytes: number): string {
  const parts: string[] = [];
  let i = 0;
  let size = 0;
  while (size < targetBytes) {
    const p = [
      `sum by (job, instance) (rate(http_requests_total{job="api-${i}",code=~"5..",method!="OPTIONS"}[5m]))`,
      `/ on (job, instance) group_left (version) sum by (job, instance) (rate(http_requests_total{job="api-${i}"}[5m] offset 1h))`,
      `> bool 0.05 * ${i + 1}`,
    ].join(' ');
    parts.push(`(${p})`);
    size += p.length + 6;
    i++;
  }
  return parts.join(' or\n');
}

const iterations = Number(process.argv[2] ?? 200);
const query = buildQuery(10 * 1024);
const kb = Buffer.byteLength(query) / 1024;
// Warm up the JIT and the regex cache, and check the query is valid.
for (let i = 0; i < 20; i++) parse(query);
const t0 = performance.now();
for (let i = 0; i < iterations; i++) parse(query);
const ms = (performance.now() - t0) / iterations;
console.log(`query: ${kb.toFixed(1)} kB, ${query.split('\n').length} or-branches; canonical form ${printExpr(parse(query)).length} bytes`);
console.log(`${iterations} parses: ${ms.toFixed(3)} ms per parse, ${(ms / kb).toFixed(4)} ms per kB`);
