// How deeply an expression may nest. Parsing, checking, printing and
// evaluating all recurse over the syntax tree, so a tree deeper than the
// thread's stack would end in "Maximum call stack size exceeded". Queries run
// on the query worker, whose stack is sized for MAX_NESTING levels
// (backends/worker.ts); a query that could be deeper is refused up front with
// a parse error. Prometheus itself answers 50,000 nested parentheses, and so
// does promlearn (README.md, "How it works").

import type { Token } from './lexer.js';

/** The deepest syntax tree promlearn accepts (documented in README.md). */
export const MAX_NESTING = 100_000;

/** Stack the query worker gets for MAX_NESTING levels, with room to spare (measured: 50,000 levels fit in 64 MB). */
export const DEEP_STACK_MB = 256;

/**
 * An upper bound of the tree depth the tokens can build: each level of the
 * tree needs an open bracket around it or an operator (binary or unary) or a
 * `[` of a range or subquery. Returns the first token at which the bound
 * passes `limit`, or undefined.
 */
export function tooDeepAt(tokens: readonly Token[], limit = MAX_NESTING): Token | undefined {
  let open = 0;
  let maxOpen = 0;
  let levels = 0;
  for (const t of tokens) {
    switch (t.type) {
      case 'LEFT_PAREN':
      case 'LEFT_BRACE':
        open++;
        if (open > maxOpen) maxOpen = open;
        break;
      case 'RIGHT_PAREN':
      case 'RIGHT_BRACE':
        open--;
        break;
      case 'LEFT_BRACKET':
      case 'OP':
        levels++;
        break;
      default:
        continue;
    }
    if (maxOpen + levels > limit) return t;
  }
  return undefined;
}

/** The parse error's text. */
export function tooDeepMessage(limit = MAX_NESTING): string {
  return `expression nested too deeply (limit ${limit})`;
}
