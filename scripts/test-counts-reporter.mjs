// A node:test reporter that writes one JSON line of counts at the end (tests,
// pass, fail, cancelled, skipped, todo), counted as node's own summary counts
// them, and the CPU seconds the process used (not its child processes), so
// scripts/run-tests.mjs can add up the processes it runs.
export default async function* countsReporter(source) {
  const counts = { tests: 0, pass: 0, fail: 0, cancelled: 0, skipped: 0, todo: 0 };
  for await (const event of source) {
    if (event.type !== 'test:pass' && event.type !== 'test:fail') continue;
    if (event.data.details?.type === 'suite') continue;
    counts.tests++;
    if (event.data.skip) counts.skipped++;
    else if (event.data.todo) counts.todo++;
    else if (event.type === 'test:pass') counts.pass++;
    else if (event.data.details?.error?.failureType === 'cancelledByParent') counts.cancelled++;
    else counts.fail++;
  }
  const { user, system } = process.cpuUsage();
  yield JSON.stringify({ ...counts, cpu: (user + system) / 1e6 }) + '\n';
}
