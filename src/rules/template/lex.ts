// The lexer of Go's text/template, as far as Prometheus's alert templates use
/* eslint-disable @typescript-eslint/no-unused-expressions -- the lexer's one-line branches push a token and advance as one comma expression */
// it: text, {{actions}} with trim markers, comments, and the tokens inside an
// action (fields, variables, identifiers, strings, numbers, pipes, parens).
//
// Errors are TemplateParseError with Go's wording ("unclosed action",
// "unterminated quoted string"), so messages read like Prometheus's.

export class TemplateParseError extends Error {
  constructor(
    readonly templateName: string,
    readonly line: number,
    readonly detail: string,
  ) {
    super(`template: ${templateName}:${line}: ${detail}`);
  }
}

export type ActionTokenType =
  | 'field' // .Labels (value without the dot)
  | 'variable' // $labels or $ (value with the dollar)
  | 'identifier' // humanize, if, end, true
  | 'dot' // .
  | 'string' // value unquoted
  | 'number' // value as written
  | 'char' // 'a'
  | 'pipe'
  | 'lparen'
  | 'rparen'
  | 'declare' // :=
  | 'assign' // =
  | 'comma';

export interface ActionToken {
  type: ActionTokenType;
  value: string;
  /** Byte offset in the template text, for error positions. */
  pos: number;
}

export type Piece = { kind: 'text'; text: string; pos: number } | { kind: 'action'; tokens: ActionToken[]; pos: number };

/** 1-based line of a character offset. */
export function lineOf(text: string, pos: number): number {
  let line = 1;
  for (let i = 0; i < pos && i < text.length; i++) if (text.charCodeAt(i) === 10) line++;
  return line;
}

const SPACE = /[ \t\r\n]/;

/** Splits the template into text and actions, applying {{- and -}} trimming; comments vanish. */
export function lexTemplate(text: string, name: string): Piece[] {
  const pieces: Piece[] = [];
  let i = 0;
  let trimNext = false;
  const fail = (pos: number, msg: string): never => {
    throw new TemplateParseError(name, lineOf(text, pos), msg);
  };
  while (i < text.length) {
    const open = text.indexOf('{{', i);
    let chunk = open < 0 ? text.slice(i) : text.slice(i, open);
    const leftTrim = (open >= 0 && text.startsWith('{{- ', open)) || (open >= 0 && /^\{\{-[\t\r\n]/.test(text.slice(open, open + 4)));
    if (trimNext) chunk = chunk.replace(/^[ \t\r\n]+/, '');
    if (leftTrim) chunk = chunk.replace(/[ \t\r\n]+$/, '');
    if (chunk) pieces.push({ kind: 'text', text: chunk, pos: i });
    if (open < 0) break;
    const p = open + (leftTrim ? 3 : 2);
    // A comment: {{/* ... */}}, possibly with trim markers.
    const afterSpace = text.slice(p).match(/^[ \t\r\n]*/)![0].length;
    if (text.startsWith('/*', p + afterSpace)) {
      const end = text.indexOf('*/', p + afterSpace + 2);
      if (end < 0) fail(open, 'unclosed comment');
      let q = end + 2;
      const m = text.slice(q).match(/^( -)?\}\}/) ?? text.slice(q).match(/^[ \t\r\n]*(-)?\}\}/);
      if (!m) fail(open, 'comment ends before closing delimiter');
      trimNext = Boolean(m![1]);
      q += m![0].length;
      i = q;
      continue;
    }
    const { tokens, end, rightTrim } = lexAction(text, p, name);
    pieces.push({ kind: 'action', tokens, pos: open });
    trimNext = rightTrim;
    i = end;
  }
  return pieces;
}

function lexAction(text: string, start: number, name: string): { tokens: ActionToken[]; end: number; rightTrim: boolean } {
  const tokens: ActionToken[] = [];
  let i = start;
  const fail = (msg: string): never => {
    throw new TemplateParseError(name, lineOf(text, i), msg);
  };
  let parenDepth = 0;
  for (;;) {
    if (i >= text.length) fail('unclosed action');
    const c = text[i]!;
    if (SPACE.test(c)) {
      // " -}}" closes with right trim.
      if (text.startsWith(' -}}', i) || /^[\t\r\n]-\}\}/.test(text.slice(i, i + 4))) return { tokens, end: i + 4, rightTrim: true };
      i++;
      continue;
    }
    if (text.startsWith('}}', i)) {
      if (parenDepth > 0) fail('unclosed left paren');
      return { tokens, end: i + 2, rightTrim: false };
    }
    const pos = i;
    if (c === '|') (tokens.push({ type: 'pipe', value: c, pos }), i++);
    else if (c === '(') (tokens.push({ type: 'lparen', value: c, pos }), i++, parenDepth++);
    else if (c === ')') {
      if (parenDepth === 0) fail('unexpected right paren');
      (tokens.push({ type: 'rparen', value: c, pos }), i++, parenDepth--);
    } else if (c === ',') (tokens.push({ type: 'comma', value: c, pos }), i++);
    else if (text.startsWith(':=', i)) (tokens.push({ type: 'declare', value: ':=', pos }), (i += 2));
    else if (c === '=') (tokens.push({ type: 'assign', value: c, pos }), i++);
    else if (c === '"') {
      let j = i + 1;
      while (j < text.length && text[j] !== '"') {
        if (text[j] === '\\') j++;
        if (text[j] === '\n' || j >= text.length) fail('unterminated quoted string');
        j++;
      }
      if (j >= text.length) fail('unterminated quoted string');
      tokens.push({ type: 'string', value: unquoteGo(text.slice(i, j + 1)), pos });
      i = j + 1;
    } else if (c === '`') {
      const j = text.indexOf('`', i + 1);
      if (j < 0) fail('unterminated raw quoted string');
      tokens.push({ type: 'string', value: text.slice(i + 1, j), pos });
      i = j + 1;
    } else if (c === "'") {
      const m = /^'(\\.|[^\\'])'/.exec(text.slice(i));
      if (!m) fail('unterminated character constant');
      tokens.push({ type: 'char', value: unquoteGo(`"${m![1]}"`), pos });
      i += m![0].length;
    } else if (c === '$') {
      const m = /^\$[A-Za-z0-9_]*/.exec(text.slice(i))!;
      tokens.push({ type: 'variable', value: m[0], pos });
      i += m[0].length;
    } else if (c === '.') {
      const m = /^\.[A-Za-z_][A-Za-z0-9_]*/.exec(text.slice(i));
      if (m) (tokens.push({ type: 'field', value: m[0].slice(1), pos }), (i += m[0].length));
      else if (/^\.\d/.test(text.slice(i))) i = lexNumber(text, i, tokens);
      else (tokens.push({ type: 'dot', value: '.', pos }), i++);
    } else if (/[0-9+-]/.test(c)) {
      i = lexNumber(text, i, tokens);
      if (i === pos) fail(`bad character ${JSON.stringify(c)}`);
    } else if (/[A-Za-z_]/.test(c)) {
      const m = /^[A-Za-z_][A-Za-z0-9_]*/.exec(text.slice(i))!;
      tokens.push({ type: 'identifier', value: m[0], pos });
      i += m[0].length;
    } else fail(`unexpected ${JSON.stringify(c)} in command`);
  }
}

function lexNumber(text: string, i: number, tokens: ActionToken[]): number {
  const m = /^[+-]?(0[xX][0-9a-fA-F_]+|0[bB][01_]+|0[oO][0-7_]+|(\d[\d_]*)?\.?\d*([eE][+-]?\d+)?)/.exec(text.slice(i));
  const s = m ? m[0] : '';
  if (!s || s === '+' || s === '-' || s === '.') return i;
  tokens.push({ type: 'number', value: s, pos: i });
  return i + s.length;
}

/** Go's strconv.Unquote for double-quoted strings (the escapes JSON does not have included). */
export function unquoteGo(s: string): string {
  const body = s.slice(1, -1);
  return body.replace(/\\(x[0-9a-fA-F]{2}|u[0-9a-fA-F]{4}|U[0-9a-fA-F]{8}|[0-7]{3}|.)/g, (_m, e: string) => {
    switch (e[0]) {
      case 'n':
        return '\n';
      case 't':
        return '\t';
      case 'r':
        return '\r';
      case 'a':
        return '\x07';
      case 'b':
        return '\b';
      case 'f':
        return '\f';
      case 'v':
        return '\v';
      case 'x':
        return String.fromCharCode(parseInt(e.slice(1), 16));
      case 'u':
      case 'U':
        return String.fromCodePoint(parseInt(e.slice(1), 16));
      default:
        if (/^[0-7]{3}$/.test(e)) return String.fromCharCode(parseInt(e, 8));
        return e;
    }
  });
}
