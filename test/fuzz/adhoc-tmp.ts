import { startFuzzPrometheus } from '../../test/fuzz/run.js';
import { createLocalBackend } from '../../src/backends/local.js';
import { fuzzStore } from '../../test/fuzz/sample.js';
const qs = process.argv.slice(2);
const server = await startFuzzPrometheus();
const local = createLocalBackend(fuzzStore(), { name: 'f', description: 'f' });
for (const line of qs) {
  const [q, t] = line.split(' @@ ');
  const res = await fetch(`${server.url}/api/v1/query`, { method: 'POST', body: new URLSearchParams({ query: q, time: t }) });
  const j: any = await res.json();
  let l: any; try { l = (await local.instantQuery(q, Number(t))).data; } catch (e) { l = String(e); }
  console.log(q, '\n  prom :', JSON.stringify(j.data?.result ?? j.error).slice(0, 400), '\n  local:', JSON.stringify(l.result ?? l).slice(0, 400));
}
await server.stop();
