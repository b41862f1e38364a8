// Regex matcher benchmark: compiles common label-matcher shapes and times
// matching them against 100,000 realistic label values (instances, jobs,
// paths). Prints nanoseconds per match. Part of `npm run bench`; alone:
//
//   node dist/scripts/bench-regex.js

import { pathToFileURL } from 'node:url';
import { compileMatcherRegex } from '../src/promql/regex.js';

const PATTERNS = [
  'api', // literal
  'job1|job2|job3', // alternation of literals: a set
  'host1.*', // prefix
  '.*:9100', // suffix
  '.*prod.*', // contains
  '.*', // anything
  '.+', // non-empty
  '(?i)API-SERVER', // case-insensitive literal
  'host[0-9]+:9100', // a real regex
  '(get|post)_/api/v[12]/.*', // alternation + prefix + wildcard
  '(a+)+b', // catastrophic for a backtracking engine
];

function values(n: number): string[] {
  const out: string[] = [];
  for (let i = 0; i < n; i++) {
    switch (i % 5) {
      case 0:
        out.push(`host${i}:9100`);
        break;
      case 1:
        out.push(`job${i % 13}`);
        break;
      case 2:
        out.push(`${i % 2 ? 'get' : 'post'}_/api/v${(i % 3) + 1}/orders/${i}`);
        break;
      case 3:
        out.push(i % 7 ? 'api-server' : 'API-Server');
        break;
      default:
        out.push(`eu-west-${i % 4}-prod-${i}`);
    }
  }
  return out;
}

export function benchRegex(): void {
  const vals = values(100_000);
  console.log('regex matcher | ns/match | matches');
  for (const p of PATTERNS) {
    const re = compileMatcherRegex(p);
    let hits = 0;
    for (const v of vals) if (re.test(v)) hits++; // warm up
    const runs: number[] = [];
    for (let r = 0; r < 5; r++) {
      const t0 = process.cpuUsage();
      for (const v of vals) if (re.test(v)) hits++;
      runs.push((process.cpuUsage(t0).user * 1000) / vals.length);
    }
    runs.sort((a, b) => a - b);
    console.log(`${p} | ${runs[2].toFixed(1)} | ${hits / 6}`);
  }
}

if (import.meta.url === pathToFileURL(process.argv[1]).href) benchRegex();
