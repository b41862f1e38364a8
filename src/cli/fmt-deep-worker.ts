// The worker thread of `promlearn fmt` on deeply nested input (fmt-deep.ts
// starts it with a stack for MAX_NESTING levels): formats the job it is given
// and posts the text, or the parse error.

import { parentPort, workerData } from 'node:worker_threads';
import { formatNow, send, type FmtJob } from './fmt-deep.js';

try {
  parentPort!.postMessage({ text: formatNow(workerData as FmtJob) });
} catch (e) {
  parentPort!.postMessage({ error: send(e) });
}
