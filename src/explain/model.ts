// The explanation as data: what `promlearn explain --output json` prints and
// what the text renderer, the REPL and the tutorial read. Plain,
// JSON-serialisable objects only.

import type { HistogramJSON } from '../model/histogram.js';
import type { Metric, QueryData, QueryResult } from '../model/result.js';
import type { Expr, ValueType } from '../promql/ast.js';
import type { SelectorDiagnosis } from './selectors.js';

/** How a node was evaluated: the query sent to the backend and when. */
export interface NodeEvaluation {
  /** The sub-expression as the canonical printer writes it: what was run. */
  query: string;
  /** Evaluation time, unix seconds. Differs from the root's inside a subquery. */
  time: number;
  /** Why the time differs, or how the node is evaluated ("inside a subquery: ..."). */
  note?: string;
  /** Not sent to the backend (a literal: its value is known). */
  literal?: boolean;
}

/** One series of a node's result, as shown. */
export interface SeriesPreview {
  metric: Metric;
  /** Instant vector: the sample value as the API returns it (absent for a native histogram). */
  value?: string;
  /** Instant vector: the native histogram, when the sample is one. */
  histogram?: HistogramJSON;
  /** Range vector: its samples are native histograms, and first/last are their counts. */
  histograms?: boolean;
  /** Range vector: how many samples, first and last timestamp (seconds) and value. */
  samples?: number;
  first?: [number, string];
  last?: [number, string];
}

/** A node's result at its evaluation time, summarised. */
export interface ResultSummary {
  resultType: 'vector' | 'matrix' | 'scalar' | 'string';
  /** Vector and matrix: number of series. */
  seriesCount: number;
  /** Matrix: samples over all series. */
  sampleCount?: number;
  /** Label names whose values differ between series (the metric name as `__name__`). */
  varyingLabels: string[];
  /** Labels every series has with the same value. */
  commonLabels: Metric;
  /** Scalar or string: the value. */
  value?: string;
  /** The first series (sorted as `query` shows them), at most PREVIEW_SERIES. */
  series: SeriesPreview[];
}

export interface NodeError {
  message: string;
  hint?: string;
  /** The error comes from a child; this node could not be evaluated because of it. */
  inherited?: boolean;
}

/** Binary operator diagnosis (point 3 of issue 13). */
export interface BinaryDiagnosis {
  /** 'vector-vector', 'vector-scalar', 'scalar-vector' or 'scalar-scalar'. */
  operands: string;
  /** The matching in effect, in words: "on (job)", "ignoring (code)", "all labels except the metric name". */
  matching?: string;
  /** The label names compared when matching. */
  card?: string;
  leftCount: number;
  rightCount: number;
  /** Left series with a partner on the right. */
  matchedPairs?: number;
  /** Series without a partner, each with the labels that kept it apart from its nearest partner. */
  leftOnly?: UnmatchedSeries[];
  rightOnly?: UnmatchedSeries[];
  leftOnlyCount?: number;
  rightOnlyCount?: number;
  /** A matching error (many-to-one, many-to-many): the duplicated group and what to add. */
  duplicate?: {
    side: 'left' | 'right';
    /** The label set both series share on the matching labels. */
    group: Metric;
    series: Metric[];
    /** The labels that differ between the duplicates: add one to on(...) or use group_left/right. */
    differingLabels: string[];
    advice: string;
  };
  /** Comparisons without `bool`: how many series the filter dropped, and the `bool` form. */
  filterDropped?: number;
  boolAlternative?: string;
}

export interface UnmatchedSeries {
  metric: Metric;
  /** Labels whose values differ from (or are missing on) the closest series of the other side. */
  apart: string[];
}

/** Aggregation diagnosis (point 4 of issue 13). */
export interface AggregationDiagnosis {
  inputCount: number;
  groupCount: number;
  /** The grouping in words: "by (job)", "without (instance)", "all series into one". */
  grouping: string;
  /** The first groups with their input counts (at most 10). */
  groups: Array<{ labels: Metric; inputs: number }>;
  /** Input label names that do not survive (the metric name as `__name__`). */
  droppedLabels: string[];
}

/** One node of the tree. */
export interface ExplainNode {
  /** Preorder index, 0 = root. */
  id: number;
  kind: Expr['type'];
  /** Short head for the tree: `sum by (job)`, `rate()`, `/ on (job)`, `http_requests_total[5m]`. */
  head: string;
  /** Role within the parent, when useful: "left", "right", "parameter". */
  role?: string;
  type: ValueType;
  /** One plain sentence: what this node does with this query's arguments. */
  sentence: string;
  evaluation: NodeEvaluation;
  result?: ResultSummary;
  /** The root only: the whole result, exactly as `query -o json` prints it (the API's "data"). */
  data?: QueryData;
  error?: NodeError;
  /** Annotations this node raises (not its children), without the PromQL prefix and position. */
  warnings: string[];
  infos: string[];
  selector?: SelectorDiagnosis;
  binary?: BinaryDiagnosis;
  aggregation?: AggregationDiagnosis;
  children: ExplainNode[];
}

/** A sample-by-sample walk-through (--samples). */
export interface Walkthrough {
  /** The node walked through (id in the tree) and its function. */
  nodeId: number;
  func: string;
  /** The series walked through. */
  series: Metric;
  /** Lines of the walk-through, plain text. */
  lines: string[];
  /** The number the arithmetic ends in. */
  computed: number;
  /** What the query returned for this series (the API's string), when it returned one. */
  queryValue?: string;
  /** computed formats exactly as queryValue. */
  agrees: boolean;
}

export interface Explanation {
  query: string;
  /** Evaluation time, unix seconds. */
  time: number;
  backend: { name: string; kind: 'local' | 'remote' };
  /** How sub-expressions were evaluated, in one sentence. */
  method: string;
  root: ExplainNode;
  walkthroughs: Walkthrough[];
  /** Queries sent to the backend (after de-duplication). */
  queriesRun: number;
}

/** What the evaluation keeps per node for the diagnoses (not part of the JSON). */
export interface NodeOutcome {
  result?: QueryResult;
  error?: unknown;
}

export const PREVIEW_SERIES = 5;
