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

export type { Explanation, ExplainNode, Walkthrough, ResultSummary, BinaryDiagnosis, AggregationDiagnosis } from './model.js';
export { explain, type ExplainOptions } from './explain.js';
export { diagnoseSelector, selectorDiagnosisLines, selectorCulpritLines, selectorStepsLine, type SelectorDiagnosis, type MatcherStep, type SelectorCulprit } from './selectors.js';
export { renderExplanation, type ExplainRenderOptions } from './render.js';
export { explainForFeedback, type FeedbackOptions } from './feedback.js';
