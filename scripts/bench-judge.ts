// Judge benchmark: judging one learner answer to an exercise, in both worlds
// (the sample and the variant with its incidents moved), with a fresh judge
// each time as the tutorial does. Dataset generation (once per process) is
// measured apart. Target (issue 12): at most 300 ms per answer on the sample.
//
//   node dist/scripts/bench-judge.js [rounds]

import { openLocalDataset } from '../src/backends/open.js';
import { QUIET_HOST } from '../src/backends/options.js';
import { defaultLessonsDir, findLesson, loadCourse } from '../src/lessons/load.js';
import { findExercise } from '../src/lessons/index.js';
import { judgeFor, variantBackend } from '../src/lessons/worlds.js';

const rounds = Number(process.argv[2] ?? 5);
let t = performance.now();
const backend = await openLocalDataset({ inProcess: true }, QUIET_HOST);
await backend.instantQuery('up', 0);
const sampleMs = performance.now() - t;
t = performance.now();
await variantBackend(backend);
console.log(`setup: sample ${sampleMs.toFixed(0)} ms, variant world ${(performance.now() - t).toFixed(0)} ms (once per process)`);

const lessons = loadCourse(defaultLessonsDir()).lessons;
// A right answer, a listed wrong one, an unlisted wrong one (matched against every listed answer), a hard-coded one.
const CASES: [lesson: string, exercise: string, answer: string][] = [
  ['6', 'rps-per-job', 'sum without (instance, method, route, status_code) (rate(http_requests_total[5m]))'],
  ['6', 'rps-per-job', 'sum(rate(http_requests_total[5m]))'],
  ['8', 'p99-api', 'histogram_quantile(0.95, sum by (le) (rate(http_request_duration_seconds_bucket{job="api"}[5m])))'],
  ['9', 'target-down', 'up{instance="api-2:8080"} == 0'],
  [
    '7',
    'route-share-of-traffic',
    'sum by (job, route) (rate(http_requests_total[5m])) / on (job) group_left sum by (job) (rate(http_requests_total[5m]))',
  ],
];

let worst = 0;
for (const [l, e, answer] of CASES) {
  const ex = findExercise(findLesson(lessons, l), e);
  const times: number[] = [];
  let verdict = '';
  for (let r = 0; r < rounds; r++) {
    const t0 = performance.now();
    const v = await (await judgeFor(backend, ex)).judge(ex, answer);
    times.push(performance.now() - t0);
    verdict = v.correct ? 'right' : v.notGeneral ? 'not general' : 'wrong';
  }
  times.sort((a, b) => a - b);
  const median = times[Math.floor(times.length / 2)];
  worst = Math.max(worst, median);
  console.log(
    `${`lesson ${l} ${e}`.padEnd(36)} ${verdict.padEnd(12)} median ${median.toFixed(0).padStart(4)} ms  (min ${times[0].toFixed(0)}, max ${times[times.length - 1].toFixed(0)})`,
  );
}
console.log(`worst median: ${worst.toFixed(0)} ms per answer, both worlds (target <= 300 ms)`);
