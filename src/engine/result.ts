// The engine's own result values (numbers, ms timestamps), before they are
// turned into the HTTP API model (src/model/result.ts) by the local backend.
// Contract between the engine, the local backend and the conformance runner.

import type { PositionRange } from '../promql/ast.js';
import type { Metric } from '../model/result.js';
import type { FloatHistogram } from '../histogram/histogram.js';

export interface EngineSample {
  metric: Metric;
  /** ms */
  t: number;
  /** The float value; meaningless when `h` is set. */
  v: number;
  /** A native histogram sample instead of a float. */
  h?: FloatHistogram;
}

export interface EngineSeries {
  metric: Metric;
  /** ms, ascending; same length as v */
  t: ArrayLike<number>;
  v: ArrayLike<number>;
  /** Present when the series has native histogram points: h[i] is the point at t[i] (then v[i] is meaningless). */
  h?: ArrayLike<FloatHistogram | undefined>;
}

export type EngineValue =
  | { type: 'vector'; samples: EngineSample[] }
  | { type: 'matrix'; series: EngineSeries[] }
  | { type: 'scalar'; t: number; v: number }
  | { type: 'string'; t: number; v: string };

export interface Annotation {
  kind: 'warning' | 'info';
  /** Text without the "PromQL warning: " prefix or position suffix. */
  text: string;
  /** Sub-expression the annotation refers to. */
  pos?: PositionRange;
}

interface EngineStats {
  /** Wall time of evaluation, seconds. */
  evalTotalTime: number;
  /** Counted as Prometheus counts them for stats=all. */
  totalQueryableSamples: number;
  peakSamples: number;
}

export interface EngineResult {
  value: EngineValue;
  annotations: Annotation[];
  stats: EngineStats;
}
