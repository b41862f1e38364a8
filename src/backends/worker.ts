// The local backend in a worker thread, so a running query can be cancelled:
// evaluation is synchronous, and Ctrl-C (an AbortSignal on the main thread)
// could not interrupt it in the same thread. The worker builds the store
// itself (the sample dataset or a file) and answers Backend calls sent as
// messages; each call carries a shared Int32Array flag that the engine polls.
//
//   const backend = await createWorkerBackend({ kind: 'sample' }, { name: 'sample', description: '…' });
//   await backend.instantQuery('up', t, { signal });   // Ctrl-C -> QueryError 'canceled'
//   await backend.close?.();
//
// The worker is unref'd while idle, so it never keeps the process alive.

import { DEEP_STACK_MB } from '../promql/depth.js';
import { Worker } from 'node:worker_threads';
import type { Backend, BackendInfo, QueryOptions, SeriesQuery, TracedNode } from './backend.js';
import type { LocalBackendOptions } from './local.js';
import type { Metric, MetricMetadata, QueryResult } from '../model/result.js';
import { QueryError } from '../errors.js';
import { deserializeError } from './worker-errors.js';
import { currentLang, t } from '../util/messages/index.js';
import type { CallMessage, MainMessage, ReplyMessage, WorkerInit, WorkerSource } from './worker-thread.js';

interface WorkerBackendHooks {
  /** Loading progress of a file dataset (lines done, total when known). */
  onProgress?: (done: number, total: number | undefined) => void;
}

interface Pending {
  resolve: (v: unknown) => void;
  reject: (e: Error) => void;
}

function canceled(): QueryError {
  return new QueryError(t('conn.canceled'), { errorType: 'canceled' });
}

/** Starts the worker and resolves once its store is loaded (load errors reject, with their class). */
export function createWorkerBackend(source: WorkerSource, opts: LocalBackendOptions, hooks: WorkerBackendHooks = {}): Promise<Backend> {
  const init: WorkerInit = { source, opts, lang: currentLang() };
  // No inherited node flags: some are per-process only and make the Worker
  // constructor throw (e.g. those Node 24's test runner passes to its children).
  // A stack for MAX_NESTING levels of nesting: parse, check and evaluation recurse over the tree.
  // Named from the folder above so that the CLI bundle (dist/src/bundle/, as deep as this folder) finds it too.
  const worker = new Worker(new URL('../backends/worker-thread.js', import.meta.url), {
    workerData: init,
    execArgv: [],
    resourceLimits: { stackSizeMb: DEEP_STACK_MB },
  });
  return new Promise<Backend>((resolve, reject) => {
    const client = new WorkerClient(worker);
    worker.on('message', (m: ReplyMessage) => {
      if (m.kind === 'ready') {
        worker.unref();
        resolve(client.backend());
      } else if (m.kind === 'load-error') {
        void worker.terminate();
        reject(deserializeError(m.error));
      } else if (m.kind === 'progress') hooks.onProgress?.(m.done, m.total);
      else client.settle(m);
    });
    worker.on('error', (e) => {
      client.fail(e);
      reject(e);
    });
    worker.on('exit', () => client.fail(new Error(t('worker.exited'))));
  });
}

class WorkerClient {
  private nextId = 1;
  private readonly pending = new Map<number, Pending>();
  private dead?: Error;
  private exited = false;
  private closing?: Promise<void>;

  constructor(private readonly worker: Worker) {
    worker.once('exit', () => (this.exited = true));
  }

  /** Sends one call; the signal, if any, cancels it (flag for the engine, rejection right away). */
  call<T>(method: keyof Backend, args: unknown[], signal?: AbortSignal): Promise<T> {
    if (this.dead) return Promise.reject(this.dead);
    if (signal?.aborted) return Promise.reject(canceled());
    const id = this.nextId++;
    const cancel = new Int32Array(new SharedArrayBuffer(4));
    return new Promise<T>((resolve, reject) => {
      const onAbort = (): void => {
        Atomics.store(cancel, 0, 1);
        this.forget(id);
        reject(canceled());
      };
      signal?.addEventListener('abort', onAbort, { once: true });
      this.pending.set(id, {
        resolve: (v) => {
          signal?.removeEventListener('abort', onAbort);
          resolve(v as T);
        },
        reject: (e) => {
          signal?.removeEventListener('abort', onAbort);
          reject(e);
        },
      });
      // Hold the process open only while an answer is awaited.
      if (this.pending.size === 1) this.worker.ref();
      const msg: CallMessage = { id, method, args, cancel };
      this.worker.postMessage(msg);
    });
  }

  settle(m: Extract<ReplyMessage, { kind: 'reply' }>): void {
    const p = this.pending.get(m.id);
    if (!p) return; // cancelled: the late answer is dropped
    this.forget(m.id);
    if (m.ok) p.resolve(m.value);
    else p.reject(deserializeError(m.error));
  }

  fail(e: Error): void {
    this.dead ??= e;
    for (const [id, p] of this.pending) {
      this.forget(id);
      p.reject(new QueryError(t('worker.failed', { detail: e.message }), { errorType: 'internal' }));
    }
  }

  private forget(id: number): void {
    this.pending.delete(id);
    if (this.pending.size === 0) this.worker.unref();
  }

  /**
   * Asks the worker to finish and waits for it to exit by itself.
   * worker.terminate() is only the fallback: terminating an isolate while V8
   * compiles in the background can abort the whole process (a Node bug).
   */
  private async shutdown(): Promise<void> {
    this.fail(new Error(t('worker.closed')));
    if (this.exited) return;
    const exited = new Promise<void>((resolve) => this.worker.once('exit', () => resolve()));
    this.worker.ref();
    const close: MainMessage = { kind: 'close' };
    this.worker.postMessage(close);
    const fallback = setTimeout(() => void this.worker.terminate(), 5000);
    await exited;
    clearTimeout(fallback);
  }

  backend(): Backend {
    const strip = <T extends { signal?: AbortSignal }>(o: T | undefined): Omit<T, 'signal'> | undefined => {
      if (!o) return undefined;
      const { signal: _signal, ...rest } = o;
      return rest;
    };
    return {
      info: (signal?: AbortSignal) => this.call<BackendInfo>('info', [], signal),
      instantQuery: (query: string, time: number, qo?: QueryOptions) =>
        this.call<QueryResult>('instantQuery', [query, time, strip(qo)], qo?.signal),
      traceInstantQuery: (query: string, time: number, qo?: QueryOptions) =>
        this.call<{ nodes: TracedNode[] }>('traceInstantQuery', [query, time, strip(qo)], qo?.signal),
      rangeQuery: (query: string, start: number, end: number, step: number, qo?: QueryOptions) =>
        this.call<QueryResult>('rangeQuery', [query, start, end, step, strip(qo)], qo?.signal),
      series: (q: SeriesQuery) => this.call<Metric[]>('series', [strip(q)], q.signal),
      labelNames: (q?: SeriesQuery) => this.call<string[]>('labelNames', [strip(q)], q?.signal),
      labelValues: (name: string, q?: SeriesQuery) => this.call<string[]>('labelValues', [name, strip(q)], q?.signal),
      metadata: (metric?: string, signal?: AbortSignal) => this.call<Record<string, MetricMetadata[]>>('metadata', [metric], signal),
      close: () => (this.closing ??= this.shutdown()),
    };
  }
}
