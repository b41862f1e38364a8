// The tokens of the PromQL lexer (./lexer.ts).

export type TokenType =
  | 'EOF'
  | 'ERROR'
  | 'COMMENT'
  | 'IDENTIFIER'
  | 'METRIC_IDENTIFIER'
  | 'NUMBER'
  | 'DURATION'
  | 'STRING'
  | 'LEFT_PAREN'
  | 'RIGHT_PAREN'
  | 'LEFT_BRACE'
  | 'RIGHT_BRACE'
  | 'LEFT_BRACKET'
  | 'RIGHT_BRACKET'
  | 'COMMA'
  | 'COLON'
  | 'EQL'
  | 'EQL_REGEX'
  | 'NEQ_REGEX'
  | 'OP' // arithmetic, comparison and set operators, `@`
  | 'AGGR' // sum, avg, ...
  | 'KEYWORD'; // by, without, on, ignoring, group_left, group_right, bool, offset, anchored, smoothed, start, end, step, range

export interface Token {
  type: TokenType;
  /** Source text (for STRING: with quotes; for ERROR: the message). */
  val: string;
  /** Lower-cased word for AGGR / KEYWORD / word operators (matching is case-insensitive). */
  kw?: string;
  /** Byte offsets [start, end) (character indices in the tolerant mode). */
  start: number;
  end: number;
  /** Tolerant mode: a string whose closing quote has not been typed yet. */
  unterminated?: boolean;
}
