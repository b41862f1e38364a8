// A small OpenMetrics fixture for the live tests: two api instances scraped
// every 15 s for one hour from FIXTURE_START, with a few ms of jitter so that
// no sample sits exactly on a range boundary (2.42 vs 3.x left edge).

/** 2026-01-01T00:00:00Z */
export const FIXTURE_START = 1767225600;
export const FIXTURE_END = FIXTURE_START + 3600;
const STEP = 15;

const INSTANCES = ['api-1:3000', 'api-2:3000'];
const ROUTES = ['/', '/api/products'];

function ts(i: number, salt: number): string {
  const jitterMs = ((i * 7 + salt * 13) % 9) + 1;
  return (FIXTURE_START + i * STEP + jitterMs / 1000).toFixed(3);
}

/** The fixture as OpenMetrics text, as promtool 2.42 accepts it. */
export function fixtureOpenMetrics(): string {
  const n = 3600 / STEP + 1;
  const lines: string[] = [];
  lines.push('# HELP up Whether the target is up.', '# TYPE up gauge');
  INSTANCES.forEach((inst, k) => {
    for (let i = 0; i < n; i++) lines.push(`up{job="api",instance="${inst}"} 1 ${ts(i, k)}`);
  });
  lines.push('# HELP http_requests_total Requests served.', '# TYPE http_requests_total counter');
  INSTANCES.forEach((inst, k) => {
    ROUTES.forEach((route, r) => {
      let v = 0;
      for (let i = 0; i < n; i++) {
        v += 10 * (k + 1) + r * 3 + (i % 4);
        lines.push(`http_requests_total{job="api",instance="${inst}",route="${route}"} ${v} ${ts(i, k)}`);
      }
    });
  });
  lines.push('# HELP temperature_celsius A gauge.', '# TYPE temperature_celsius gauge');
  for (let i = 0; i < n; i++) lines.push(`temperature_celsius{room="lab"} ${20 + Math.sin(i / 10)} ${ts(i, 5)}`);
  lines.push('# EOF');
  return lines.join('\n') + '\n';
}
