// The worker-thread side of the worker backend (./worker.ts): builds the
// store, runs a local backend over it, and answers the main thread's calls.
// A query is cancelled through its shared Int32Array flag, which the engine
// polls while it evaluates (this thread cannot see messages meanwhile).

import { parentPort, workerData } from 'node:worker_threads';
import type { Backend } from './backend.js';
import { createLocalBackend, type LocalBackendOptions } from './local.js';
import { serializeError } from './worker-errors.js';
import type { MemoryStore } from '../storage/store.js';
import type { Lang } from '../util/lang.js';
import { setLang } from '../util/messages/index.js';

export type WorkerSource = { kind: 'sample' } | { kind: 'file'; path: string; nhcb?: boolean };

export interface WorkerInit {
  source: WorkerSource;
  opts: LocalBackendOptions;
  /** The run's language: the engine's hints are written in this thread. */
  lang: Lang;
}

/** main -> worker */
export interface CallMessage {
  id: number;
  method: keyof Backend;
  args: unknown[];
  /** Int32Array over a SharedArrayBuffer; [0] becomes 1 when the caller gives up. */
  cancel: Int32Array;
}

/** main -> worker: a call, or "finish": close the port so this thread exits by itself. */
export type MainMessage = CallMessage | { kind: 'close' };

/** worker -> main */
export type ReplyMessage =
  | { kind: 'ready' }
  | { kind: 'load-error'; error: ReturnType<typeof serializeError> }
  | { kind: 'progress'; done: number; total?: number }
  | { kind: 'reply'; id: number; ok: true; value: unknown }
  | { kind: 'reply'; id: number; ok: false; error: ReturnType<typeof serializeError> };

async function buildStore(source: WorkerSource, post: (m: ReplyMessage) => void): Promise<MemoryStore> {
  if (source.kind === 'sample') {
    const { openSampleStore } = await import('../dataset/sample.js');
    return openSampleStore();
  }
  const { loadDatasetFile } = await import('../dataset/load-file.js');
  const store = await loadDatasetFile(source.path, (done, total) => post({ kind: 'progress', done, total }));
  if (source.nhcb) (await import('../dataset/nhcb.js')).addNhcbForAll(store);
  return store;
}

async function main(): Promise<void> {
  const port = parentPort;
  if (!port) return;
  const init = workerData as WorkerInit;
  setLang(init.lang);
  const post = (m: ReplyMessage): void => port.postMessage(m);
  let backend: Backend;
  try {
    backend = createLocalBackend(await buildStore(init.source, post), init.opts);
  } catch (e) {
    post({ kind: 'load-error', error: serializeError(e) });
    return;
  }
  port.on('message', (m: MainMessage) => {
    if ('kind' in m) port.close();
    else void answer(backend, m, post);
  });
  post({ kind: 'ready' });
}

async function answer(backend: Backend, m: CallMessage, post: (m: ReplyMessage) => void): Promise<void> {
  const shouldAbort = (): boolean => Atomics.load(m.cancel, 0) !== 0;
  try {
    const fn = backend[m.method] as (...a: unknown[]) => Promise<unknown>;
    const args = [...m.args];
    // The query options (last argument of the query calls) get the shared-flag check.
    if (m.method === 'instantQuery' || m.method === 'traceInstantQuery' || m.method === 'rangeQuery') {
      const i = m.method === 'rangeQuery' ? 4 : 2;
      args[i] = { ...(args[i] as object | undefined), shouldAbort };
    }
    const value = await fn.apply(backend, args);
    post({ kind: 'reply', id: m.id, ok: true, value });
  } catch (e) {
    post({ kind: 'reply', id: m.id, ok: false, error: serializeError(e) });
  }
}

void main();
