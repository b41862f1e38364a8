// `promlearn fmt` for deeply nested expressions: parsing and printing recurse
// over the syntax tree, and the main thread's stack holds a few thousand
// levels, so an expression that may nest deeper is formatted on a worker
// thread with a stack for MAX_NESTING levels (promql/depth.ts).

import { ALL_FEATURES, DEEP_STACK_MB, exprType, formatTree, parse, printExpr } from '../promql/index.js';
import { translateAst } from '../serve/parse-query.js';
import { ParseError } from '../promql/errors.js';
import type { PositionRange } from '../promql/ast.js';

export interface FmtJob {
  expr: string;
  tree: boolean;
  experimental: boolean;
  /** JSON: the query, its canonical form and type, and with `tree` the syntax tree as /api/v1/parse_query gives it. */
  json?: boolean;
}

/** The formatted text of job, computed here (on the worker) or thrown as the parse error. */
export function formatNow(job: FmtJob): string {
  const ast = parse(job.expr, job.experimental ? ALL_FEATURES : undefined);
  if (job.json) {
    const out = { query: job.expr, formatted: printExpr(ast), type: exprType(ast), ...(job.tree ? { tree: translateAst(ast) } : {}) };
    return JSON.stringify(out);
  }
  return job.tree ? formatTree(ast) : printExpr(ast);
}

/** What crosses the thread boundary of a parse error (a class does not). */
export interface SentError {
  message: string;
  parse?: { query: string; position: PositionRange; detail: string; hint?: string };
}

/** A thrown error as it crosses to the main thread (fmt-deep-worker.ts sends it). */
export function send(e: unknown): SentError {
  if (e instanceof ParseError)
    return { message: e.message, parse: { query: e.query!, position: e.position!, detail: e.detail, hint: e.hint } };
  return { message: e instanceof Error ? e.message : String(e) };
}

function receive(s: SentError): Error {
  return s.parse ? new ParseError(s.parse.query, s.parse.position, s.parse.detail, s.parse.hint) : new Error(s.message);
}

/** formatNow on a worker with a deep stack (worker_threads is loaded only then: most queries are shallow). */
export async function formatOnDeepStack(job: FmtJob): Promise<string> {
  const { Worker } = await import('node:worker_threads');
  return new Promise((resolve, reject) => {
    // Named from the folder above so that the CLI bundle (dist/src/bundle/, as deep as this folder) finds it too.
    const w = new Worker(new URL('../cli/fmt-deep-worker.js', import.meta.url), {
      workerData: job,
      execArgv: [],
      resourceLimits: { stackSizeMb: DEEP_STACK_MB },
    });
    w.once('message', (m: { text?: string; error?: SentError }) => (m.error !== undefined ? reject(receive(m.error)) : resolve(m.text!)));
    w.once('error', reject);
  });
}
