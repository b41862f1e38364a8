// A node:test reporter that writes one JSON line at the end: the counts
// (tests, pass, fail, cancelled, skipped, todo), counted as node's own summary
// counts them, the CPU seconds the process used, and the seconds each test
// file's top-level tests took (`files`), so that scripts/run-tests.mjs can add
// up the processes it runs and list the slow files (--times).
import { readFileSync } from 'node:fs';

/** CPU seconds of this process and of the child processes it has waited for (promtool, npm, ...). */
function cpuSeconds() {
  try {
    // /proc/self/stat fields 14-17: utime, stime, cutime, cstime in clock ticks (100 per second on Linux).
    const stat = readFileSync('/proc/self/stat', 'utf8');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return fields.slice(11, 15).reduce((sum, ticks) => sum + Number(ticks), 0) / 100;
  } catch {
    const { user, system } = process.cpuUsage(); // elsewhere: this process only
    return (user + system) / 1e6;
  }
}

export default async function* countsReporter(source) {
  const counts = { tests: 0, pass: 0, fail: 0, cancelled: 0, skipped: 0, todo: 0 };
  const files = {};
  for await (const event of source) {
    if (event.type !== 'test:pass' && event.type !== 'test:fail') continue;
    if (event.data.nesting === 0 && event.data.file) {
      files[event.data.file] = (files[event.data.file] ?? 0) + (event.data.details?.duration_ms ?? 0) / 1000;
    }
    if (event.data.details?.type === 'suite') continue;
    counts.tests++;
    if (event.data.skip) counts.skipped++;
    else if (event.data.todo) counts.todo++;
    else if (event.type === 'test:pass') counts.pass++;
    else if (event.data.details?.error?.failureType === 'cancelledByParent') counts.cancelled++;
    else counts.fail++;
  }
  yield JSON.stringify({ ...counts, cpu: cpuSeconds(), files }) + '\n';
}
