// Vector selectors: `name`, `name{...}`, `{...}` with =, !=, =~, !~ matchers,
// quoted UTF-8 names (Prometheus 3), and matcher regexes validated as Go
// validates them. The parser (./parser.ts) calls parseSelector.

import type { LabelMatcher, MatchOp, VectorSelector } from './ast.js';
import type { Token } from './lexer.js';
import type { Parser } from './parser.js';
import { compileMatcherRegex, RegexSyntaxError } from './regex.js';
import { unquote } from './strings.js';
import { matchOp } from './syntax.js';

export function parseSelector(p: Parser, nameTok: Token | undefined): VectorSelector {
  const matchers: LabelMatcher[] = [];
  let start = nameTok?.start ?? 0;
  let end = nameTok?.end ?? 0;
  if (p.peek().type === 'LEFT_BRACE') {
    const open = p.next();
    if (!nameTok) start = open.start;
    parseMatchers(p, matchers);
    end = p.lastClosing;
  }
  const vs: VectorSelector = { type: 'VectorSelector', matchers, offsetMs: 0, pos: { start, end } };
  if (nameTok) {
    vs.name = nameTok.val;
    matchers.push({ name: '__name__', op: '=', value: nameTok.val });
  }
  return vs;
}

function parseMatchers(p: Parser, out: LabelMatcher[]): void {
  if (p.cur().type === 'RIGHT_BRACE') {
    p.next();
    return;
  }
  for (;;) {
    const t = p.cur();
    if (t.type === 'IDENTIFIER' || t.type === 'STRING') {
      p.next();
      const name = t.type === 'STRING' ? unquote(t.val) : t.val;
      const opTok = p.cur();
      const op = matchOp(opTok);
      if (op) {
        p.next();
        const v = p.cur();
        if (v.type !== 'STRING') p.unexpected('label matching', 'string');
        p.next();
        out.push(newMatcher(p, t, name, op, v));
      } else if (t.type === 'STRING') {
        out.push({ name: '__name__', op: '=', value: name });
      } else {
        p.unexpected('label matching', 'label matching operator');
      }
    } else {
      p.unexpected('label matching', 'identifier or "}"');
    }
    const sep = p.cur();
    if (sep.type === 'COMMA') {
      p.next();
      if (p.cur().type === 'RIGHT_BRACE') {
        p.next();
        return;
      }
      continue;
    }
    if (sep.type === 'RIGHT_BRACE') {
      p.next();
      return;
    }
    p.unexpected('label matching', '"," or "}"');
  }
}

function newMatcher(p: Parser, nameTok: Token, name: string, op: MatchOp, valueTok: Token): LabelMatcher {
  const value = unquote(valueTok.val);
  if (op === '=~' || op === '!~') {
    try {
      compileMatcherRegex(value);
    } catch (e) {
      if (!(e instanceof RegexSyntaxError)) throw e;
      p.fail({ start: nameTok.start, end: valueTok.end }, e.message);
    }
  }
  return { name, op, value };
}
