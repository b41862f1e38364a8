// `explain`: a query taken apart, node by node, down to the samples.
//
//   const x = await explain(backend, 'sum by (job) (rate(http_requests_total[5m]))', { time });
//   renderExplanation(x, { columns: 80, style })   -> text for a terminal
//   JSON.stringify(x)                              -> the same tree as data
//   explainForFeedback(backend, answer, time, ...) -> short text for the tutorial
//
// Every sub-expression is evaluated through the Backend interface (see
// ./evaluate.ts), so it works the same against the embedded engine and a
// remote Prometheus. Selector diagnosis lives in ./selectors.ts, binary and
// aggregation diagnoses in ./binary.ts and ./aggregate.ts, the --samples
// walk-throughs in ./walkthrough.ts.

// Only what callers outside src/explain/ use; the rest is imported from its module.
export type { ExplainNode } from './model.js';
export { explain } from './explain.js';
export { selectorDiagnosisLines } from './selectors.js';
export { renderExplanation } from './render.js';
export { explainForFeedback } from './feedback.js';
