// The PromQL abstract syntax tree.
//
// This file is a contract between the parser (src/promql), the engine
// (src/engine), the REPL and the lessons. Change it additively only.
//
// Every node carries `pos`: byte offsets [start, end) into the query text, as
// Prometheus's PositionRange does. Offsets become line:col only when a
// message is shown (see src/promql/errors.ts).

export interface PositionRange {
  start: number;
  end: number;
}

/** Static types of PromQL expressions, named as Prometheus names them in messages. */
import type { AggregationName } from './aggregations.js';

export type ValueType = 'scalar' | 'vector' | 'matrix' | 'string' | 'none';

/** Words used in error messages: "instant vector", "range vector", ... */
export function documentedType(t: ValueType): string {
  switch (t) {
    case 'vector':
      return 'instant vector';
    case 'matrix':
      return 'range vector';
    default:
      return t;
  }
}

export type MatchOp = '=' | '!=' | '=~' | '!~';

export interface LabelMatcher {
  name: string;
  op: MatchOp;
  value: string;
}

export type BinaryOp =
  | '+'
  | '-'
  | '*'
  | '/'
  | '%'
  | '^'
  | 'atan2'
  | '=='
  | '!='
  | '>'
  | '<'
  | '>='
  | '<='
  | 'and'
  | 'or'
  | 'unless'
  /** Native-histogram trim operators (Prometheus 3): keep observations below / above a value. */
  | '</'
  | '>/';

/** An aggregation operator: a row of src/promql/aggregations.ts. */
export type AggregateOp = AggregationName;

/** `@ <time>`, `@ start()` or `@ end()`. */
export type AtModifier = { kind: 'time'; timestampMs: number } | { kind: 'start' } | { kind: 'end' };

interface NodeBase {
  pos: PositionRange;
}

export interface NumberLiteral extends NodeBase {
  type: 'NumberLiteral';
  value: number;
  /** Durations written as numbers (e.g. in `[5m]` duration expressions) keep their text. */
  text?: string;
  /** Written as a duration (`5m`): printed back as one. */
  duration?: boolean;
}

export interface StringLiteral extends NodeBase {
  type: 'StringLiteral';
  value: string;
}

export interface VectorSelector extends NodeBase {
  type: 'VectorSelector';
  /** Metric name when written outside the braces (or as a lone quoted string inside them). */
  name?: string;
  /** All matchers, including the implied `__name__="name"` matcher when `name` is set. */
  matchers: LabelMatcher[];
  /** Offset in milliseconds (negative allowed). 0 when absent. */
  offsetMs: number;
  /** Offset given as a duration expression (`offset (1m*2)`); evaluated by the engine. */
  offsetExpr?: Expr;
  at?: AtModifier;
  /** Prometheus 3 extended selectors on an instant selector (`metric smoothed`). */
  anchored?: boolean;
  smoothed?: boolean;
}

export interface MatrixSelector extends NodeBase {
  type: 'MatrixSelector';
  /** The selector; its offset/@ live on the inner VectorSelector, as in Prometheus. */
  vector: VectorSelector;
  rangeMs: number;
  /** Range given as a duration expression (`[2m*15]`). */
  rangeExpr?: Expr;
  /** Prometheus 3 extended range selectors (`anchored`, `smoothed`). */
  anchored?: boolean;
  smoothed?: boolean;
}

export interface SubqueryExpr extends NodeBase {
  type: 'SubqueryExpr';
  expr: Expr;
  rangeMs: number;
  rangeExpr?: Expr;
  /** 0 means "not given": the engine's default evaluation interval (1m). */
  stepMs: number;
  stepExpr?: Expr;
  offsetMs: number;
  offsetExpr?: Expr;
  at?: AtModifier;
}

export interface VectorMatching {
  /** one-to-one, many-to-one (group_left) or one-to-many (group_right); many-to-many for set operators. */
  card: 'one-to-one' | 'many-to-one' | 'one-to-many' | 'many-to-many';
  /** The labels of `on (...)` or `ignoring (...)`. */
  matchingLabels: string[];
  /** true for `on`, false for `ignoring` (or neither). */
  on: boolean;
  /** Whether `on`/`ignoring` was written at all (needed by the printer: `on ()` differs from nothing). */
  explicit?: boolean;
  /** Extra labels of `group_left(...)` / `group_right(...)`. */
  include: string[];
  /** Binary-operator fill modifiers (experimental). */
  fillLeft?: number;
  fillRight?: number;
}

export interface BinaryExpr extends NodeBase {
  type: 'BinaryExpr';
  op: BinaryOp;
  lhs: Expr;
  rhs: Expr;
  /** `bool` modifier on a comparison. */
  returnBool: boolean;
  /** Present when both sides are vectors (Prometheus sets it for every vector/vector operation). */
  matching?: VectorMatching;
}

export interface UnaryExpr extends NodeBase {
  type: 'UnaryExpr';
  op: '-' | '+';
  expr: Expr;
}

export interface ParenExpr extends NodeBase {
  type: 'ParenExpr';
  expr: Expr;
}

export interface Call extends NodeBase {
  type: 'Call';
  /** Name, a key of FUNCTIONS in src/promql/functions.ts. */
  func: string;
  args: Expr[];
}

export interface AggregateExpr extends NodeBase {
  type: 'AggregateExpr';
  op: AggregateOp;
  expr: Expr;
  /** The parameter of topk/bottomk/quantile/count_values/limitk/limit_ratio. */
  param?: Expr;
  grouping: string[];
  /** true for `without`, false for `by` or no clause. */
  without: boolean;
  /** Whether `by`/`without` was written (`sum by () (x)` prints differently from `sum(x)`). */
  explicitGrouping?: boolean;
}

/** `step()` / `range()` and the like inside duration expressions. */
export interface DurationExpr extends NodeBase {
  type: 'DurationExpr';
  op: '+' | '-' | '*' | '/' | '%' | '^' | 'step' | 'range' | 'min' | 'max';
  lhs?: Expr;
  rhs?: Expr;
  wrapped?: boolean;
}

export type Expr =
  | NumberLiteral
  | StringLiteral
  | VectorSelector
  | MatrixSelector
  | SubqueryExpr
  | BinaryExpr
  | UnaryExpr
  | ParenExpr
  | Call
  | AggregateExpr
  | DurationExpr;
