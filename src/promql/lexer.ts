// The PromQL lexer, a hand-written modal scanner after Prometheus's
// promql/parser/lex.go: top level, inside `{...}` (label matchers) and inside
// `[...]` (durations and duration expressions). It turns the whole query into
// tokens up front; a lexical error becomes a final ERROR token, so the parser
// reports it exactly when Prometheus's lazy lexer would.
//
// Positions are BYTE offsets into the UTF-8 query, as Prometheus counts them.
//
// The tolerant mode (lexTolerant) reads unfinished input for the REPL and the
// renderers: it never stops at an error, an unclosed `(`, `{` or `[` simply
// ends, an unclosed string is marked `unterminated`, and positions are
// character indices into the JS string (what an editor's cursor counts).

import { AGGREGATIONS } from './aggregations.js';
import { KEYWORDS } from './keywords.js';

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

const isDigit = (c: string) => c >= '0' && c <= '9';
const isAlpha = (c: string) => c === '_' || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
const isAlphaNumeric = (c: string) => isAlpha(c) || isDigit(c);
const isSpace = (c: string) => c === ' ' || c === '\t' || c === '\n' || c === '\r';

/** Go's %q for a rune, as lex.go's error messages print characters. */
export function quoteRune(c: string): string {
  if (c === "'") return "'\\''";
  if (c === '\\') return "'\\\\'";
  if (c === '\n') return "'\\n'";
  if (c === '\t') return "'\\t'";
  if (c === '\r') return "'\\r'";
  const cp = c.codePointAt(0) ?? 0;
  if (cp < 0x20 || cp === 0x7f) return `'\\x${cp.toString(16).padStart(2, '0')}'`;
  return `'${c}'`;
}

/** Go's %#U: U+0071 'q' (the character only when printable). */
function goU(c: string): string {
  const cp = c.codePointAt(0) ?? 0;
  const u = 'U+' + cp.toString(16).toUpperCase().padStart(4, '0');
  return cp >= 0x20 && cp !== 0x7f && !(cp >= 0x80 && cp < 0xa0) ? `${u} '${c}'` : u;
}

class LexError extends Error {
  constructor(
    message: string,
    readonly at: number,
  ) {
    super(message);
  }
}

/** Tokenises a query. Never throws: a lexical error ends the list with an ERROR token. */
export function lex(input: string): Token[] {
  return new Lexer(input, false).run();
}

/**
 * Tokenises unfinished or invalid input, as an editor must: a lexical error
 * becomes an ERROR token for the offending text and lexing goes on; unclosed
 * brackets end at the end of input; an unclosed string (which may span lines
 * here) is a STRING token marked `unterminated`. Positions are character
 * indices. Comments are included as COMMENT tokens.
 */
export function lexTolerant(input: string): Token[] {
  return new Lexer(input, true).run();
}

class Lexer {
  private pos = 0;
  private start = 0;
  private parenDepth = 0;
  private braceOpen = false;
  private bracketOpen = false;
  private gotColon = false;
  /** Paren depth inside a duration expression, to find its `]`. */
  private readonly tokens: Token[] = [];
  private readonly byteAt?: Uint32Array;

  constructor(
    private readonly input: string,
    private readonly tolerant: boolean,
  ) {
    // Fast path: ASCII queries have byte offset = char index.
    // eslint-disable-next-line no-control-regex
    if (!tolerant && !/^[\x00-\x7f]*$/.test(input)) {
      const table = new Uint32Array(input.length + 1);
      let b = 0;
      for (let i = 0; i < input.length; i++) {
        table[i] = b;
        const cp = input.charCodeAt(i);
        if (cp < 0x80) b += 1;
        else if (cp < 0x800) b += 2;
        else if (cp >= 0xd800 && cp <= 0xdbff) {
          // Surrogate pair: 4 bytes for both halves.
          table[++i] = b + 2;
          b += 4;
        } else b += 3;
      }
      table[input.length] = b;
      this.byteAt = table;
    }
  }

  private b(i: number): number {
    return this.byteAt ? this.byteAt[i] : i;
  }

  private emit(type: TokenType, val?: string, kw?: string): void {
    const tok: Token = { type, val: val ?? this.input.slice(this.start, this.pos), start: this.b(this.start), end: this.b(this.pos) };
    if (kw !== undefined) tok.kw = kw;
    this.tokens.push(tok);
    this.start = this.pos;
  }

  private peek(): string {
    return this.input[this.pos] ?? '';
  }

  private error(message: string): never {
    throw new LexError(message, this.start);
  }

  run(): Token[] {
    for (;;) {
      try {
        if (!this.lexNext()) break;
      } catch (e) {
        if (!(e instanceof LexError)) throw e;
        if (this.tolerant) {
          this.skipError(e);
          continue;
        }
        const at = this.b(e.at);
        this.tokens.push({ type: 'ERROR', val: e.message, start: at, end: at + Buffer.byteLength(e.message) });
        break;
      }
    }
    return this.tokens;
  }

  /** One token in the current mode; false at the end of input. */
  private lexNext(): boolean {
    if (this.tolerant && this.pos >= this.input.length) {
      this.start = this.pos;
      this.emit('EOF', '');
      return false;
    }
    if (this.braceOpen) this.lexInsideBraces();
    else if (this.bracketOpen) this.lexDuration();
    else return this.lexStatement();
    return true;
  }

  /** Tolerant mode: the text of a lexical error becomes an ERROR token (at least one character) and lexing goes on. */
  private skipError(e: LexError): void {
    const start = Math.min(e.at, this.input.length);
    this.pos = Math.min(this.input.length, Math.max(this.pos, start + 1));
    this.tokens.push({ type: 'ERROR', val: this.input.slice(start, this.pos), start, end: this.pos });
    this.start = this.pos;
  }

  private skipComment(): void {
    while (this.pos < this.input.length && this.input[this.pos] !== '\n') this.pos++;
    this.emit('COMMENT');
  }

  /** One top-level token; false at the end of input. */
  private lexStatement(): boolean {
    const c = this.input[this.pos];
    this.start = this.pos;
    if (c === undefined) {
      if (this.parenDepth !== 0) this.error('unclosed left parenthesis');
      this.emit('EOF', '');
      return false;
    }
    if (c === '#') {
      this.skipComment();
      return true;
    }
    this.pos++;
    if (this.lexPunctuation(c)) return true;
    if (isSpace(c)) {
      while (isSpace(this.peek())) this.pos++;
      this.start = this.pos;
      return true;
    }
    if (isDigit(c) || (c === '.' && isDigit(this.peek()))) {
      this.pos--;
      this.lexNumberOrDuration();
      return true;
    }
    if (isAlpha(c) || c === ':') {
      this.lexWord();
      return true;
    }
    this.error(`unexpected character: ${quoteRune(String.fromCodePoint(this.input.codePointAt(this.pos - 1) ?? 0))}`);
  }

  /** Operators, strings and brackets at the top level (c is consumed); false when c is none of them. */
  private lexPunctuation(c: string): boolean {
    switch (c) {
      case ',':
        this.emit('COMMA');
        return true;
      case '*':
      case '/':
      case '%':
      case '+':
      case '-':
      case '^':
      case '@':
        this.emit('OP');
        return true;
      case '=':
      case '!':
      case '<':
      case '>':
        this.lexComparison(c);
        return true;
      case '"':
      case "'":
        this.lexString(c);
        return true;
      case '`':
        this.lexRawString();
        return true;
      case '(':
        this.emit('LEFT_PAREN');
        this.parenDepth++;
        return true;
      case ')':
        this.lexRightParen();
        return true;
      case '{':
        this.emit('LEFT_BRACE');
        this.braceOpen = true;
        return true;
      case '[':
        this.emit('LEFT_BRACKET');
        this.bracketOpen = true;
        this.gotColon = false;
        this.durationParens = 0;
        return true;
      case ']':
        if (this.tolerant) {
          this.emit('RIGHT_BRACKET');
          return true;
        }
        this.error(`unexpected right bracket ${quoteRune(']')}`);
    }
    return false;
  }

  /** `=`, `==`, `!=`, `<`, `<=`, `>`, `>=` and the histogram trim operators `</`, `>/` (c is consumed). */
  private lexComparison(c: string): void {
    if (c === '=') {
      if (this.peek() === '=') {
        this.pos++;
        this.emit('OP');
      } else if (this.peek() === '~') {
        this.error(`unexpected character after '=': ${quoteRune('~')}`);
      } else this.emit('EQL');
    } else if (c === '!') {
      const n = this.input[this.pos++] ?? '';
      if (n === '=') this.emit('OP');
      else this.error(`unexpected character after '!': ${n === '' ? "'\\x00'" : quoteRune(n)}`);
    } else {
      if (this.peek() === '=' || this.peek() === '/') this.pos++;
      this.emit('OP');
    }
  }

  private lexRightParen(): void {
    if (--this.parenDepth < 0) {
      if (this.tolerant) this.parenDepth = 0;
      else {
        // Prometheus's lexer replaces the `)` by the error, positioned after it.
        this.start = this.pos;
        this.error(`unexpected right parenthesis ${quoteRune(')')}`);
      }
    }
    this.emit('RIGHT_PAREN');
  }

  private lexWord(): void {
    while (isAlphaNumeric(this.peek()) || this.peek() === ':') this.pos++;
    const word = this.input.slice(this.start, this.pos);
    const lower = word.toLowerCase();
    if (lower === 'inf' || lower === 'nan') this.emit('NUMBER');
    else if (AGGREGATIONS.has(lower)) this.emit('AGGR', word, lower);
    else if (KEYWORDS.has(lower)) this.emit(KEYWORDS.get(lower)!.token, word, lower);
    else if (word.includes(':')) this.emit('METRIC_IDENTIFIER');
    else this.emit('IDENTIFIER');
  }

  private durationParens = 0;

  /**
   * Starts a token inside [] or {}: the end of input is an error there;
   * a comment or a run of spaces is consumed whole (undefined is returned);
   * otherwise the character is consumed and returned.
   */
  private beginToken(eofMessage: string): string | undefined {
    this.start = this.pos;
    const c = this.input[this.pos];
    if (c === undefined) this.error(eofMessage);
    if (c === '#') {
      this.skipComment();
      return undefined;
    }
    this.pos++;
    if (isSpace(c)) {
      while (isSpace(this.peek())) this.pos++;
      this.start = this.pos;
      return undefined;
    }
    return c;
  }

  /** Inside `[...]`: durations, numbers, duration arithmetic, step()/range()/min_of()/max_of(), `:`. */
  private lexDuration(): void {
    const c = this.beginToken('unclosed left bracket');
    if (c === undefined) return;
    switch (c) {
      case ']':
        this.emit('RIGHT_BRACKET');
        this.bracketOpen = false;
        return;
      case ':':
        if (this.gotColon) this.error(`unexpected colon ${quoteRune(':')}`);
        this.gotColon = true;
        this.emit('COLON');
        return;
      case '+':
      case '-':
      case '*':
      case '/':
      case '%':
      case '^':
        this.emit('OP');
        return;
      case ',':
        this.emit('COMMA');
        return;
      case '(':
        this.durationParens++;
        this.emit('LEFT_PAREN');
        return;
      case ')':
        if (--this.durationParens < 0 && !this.tolerant) {
          this.start = this.pos;
          this.error(`unexpected right parenthesis ${quoteRune(')')}`);
        }
        this.emit('RIGHT_PAREN');
        return;
      case '[':
        this.error(`unexpected left bracket ${quoteRune('[')}`);
    }
    if (isDigit(c) || (c === '.' && isDigit(this.peek()))) {
      this.pos--;
      this.lexNumberOrDuration();
      return;
    }
    if (isAlpha(c)) {
      this.lexWord();
      return;
    }
    this.error(`unexpected character in duration expression: ${quoteRune(String.fromCodePoint(this.input.codePointAt(this.pos - 1) ?? 0))}`);
  }

  private lexInsideBraces(): void {
    const c = this.beginToken('unexpected end of input inside braces');
    if (c === undefined) return;
    if (isAlpha(c)) {
      while (isAlphaNumeric(this.peek())) this.pos++;
      this.emit('IDENTIFIER');
      return;
    }
    switch (c) {
      case ',':
        this.emit('COMMA');
        return;
      case '"':
      case "'":
        this.lexString(c);
        return;
      case '`':
        this.lexRawString();
        return;
      case '=':
        if (this.peek() === '~') {
          this.pos++;
          this.emit('EQL_REGEX');
        } else this.emit('EQL');
        return;
      case '!': {
        const n = this.input[this.pos++] ?? '';
        if (n === '~') this.emit('NEQ_REGEX');
        else if (n === '=') this.emit('OP');
        else this.error(`unexpected character after '!' inside braces: ${n === '' ? "'\\x00'" : quoteRune(n)}`);
        return;
      }
      case '{':
        this.error(`unexpected left brace ${quoteRune('{')}`);
      // falls through (error throws)
      case '}':
        this.emit('RIGHT_BRACE');
        this.braceOpen = false;
        return;
    }
    this.error(`unexpected character inside braces: ${quoteRune(String.fromCodePoint(this.input.codePointAt(this.pos - 1) ?? 0))}`);
  }

  private lexString(quote: string): void {
    if (this.tolerant) {
      this.lexTolerantString(quote);
      return;
    }
    for (;;) {
      const c = this.input[this.pos++];
      if (c === undefined || c === '\n') {
        this.pos--;
        this.error('unterminated quoted string');
      }
      if (c === '\\') {
        this.lexEscape(quote);
        continue;
      }
      if (c === quote) break;
    }
    this.emit('STRING');
  }

  private lexEscape(quote: string): void {
    const c = this.input[this.pos++];
    if (c === undefined) {
      this.pos--;
      this.error('escape sequence not terminated');
    }
    let n: number;
    let base: number;
    let max: number;
    if ('abfnrtv\\'.includes(c) || c === quote) return;
    if (c >= '0' && c <= '7') {
      [n, base, max] = [3, 8, 255];
      this.pos--;
    } else if (c === 'x') [n, base, max] = [2, 16, 255];
    else if (c === 'u') [n, base, max] = [4, 16, 0x10ffff];
    else if (c === 'U') [n, base, max] = [8, 16, 0x10ffff];
    else if (c === '\n') this.error('escape sequence not terminated');
    else this.error(`unknown escape sequence ${goU(c)}`);
    let x = 0;
    for (; n > 0; n--) {
      const d = this.input[this.pos];
      const v = d === undefined ? NaN : parseInt(d, 16);
      if (Number.isNaN(v) || v >= base) {
        if (d === undefined || d === '\n') this.error('escape sequence not terminated');
        this.error(`illegal character ${goU(d)} in escape sequence`);
      }
      x = x * base + v;
      this.pos++;
    }
    if (x > max || (base === 16 && max > 255 && x >= 0xd800 && x < 0xe000)) {
      this.error(`escape sequence is invalid Unicode code point ${goU(String.fromCodePoint(Math.min(x, 0x10ffff)))}`);
    }
  }

  /** Tolerant mode: escapes are not checked, newlines are allowed, and the end of input leaves it unterminated. */
  private lexTolerantString(quote: string): void {
    while (this.pos < this.input.length) {
      const c = this.input[this.pos++];
      if (c === '\\' && quote !== '`') this.pos++;
      else if (c === quote) {
        this.emit('STRING');
        return;
      }
    }
    this.pos = this.input.length;
    this.emit('STRING');
    this.tokens[this.tokens.length - 1].unterminated = true;
  }

  private lexRawString(): void {
    if (this.tolerant) {
      this.lexTolerantString('`');
      return;
    }
    for (;;) {
      const c = this.input[this.pos++];
      if (c === undefined) {
        this.pos--;
        this.error('unterminated raw string');
      }
      if (c === '`') break;
    }
    this.emit('STRING');
  }

  /** Numbers (decimal, hex, exponents, `_` separators) and durations (1h30m). */
  private lexNumberOrDuration(): void {
    if (this.scanNumber()) {
      this.emit('NUMBER');
      return;
    }
    if (this.acceptRemainingDuration()) {
      this.emit('DURATION');
      return;
    }
    if (this.tolerant) {
      // A half-typed number or duration (`1h3`): one NUMBER token up to the next delimiter.
      while (isAlphaNumeric(this.peek()) || this.peek() === '.') this.pos++;
      this.emit('NUMBER');
      return;
    }
    this.error(`bad number or duration syntax: ${JSON.stringify(this.input.slice(this.start, this.pos))}`);
  }

  private accept(set: string): boolean {
    const c = this.input[this.pos];
    if (c !== undefined && set.includes(c)) {
      this.pos++;
      return true;
    }
    return false;
  }

  private acceptRun(set: string): void {
    while (this.accept(set));
  }

  private scanNumber(): boolean {
    let digits = '0123456789_';
    if (this.accept('0') && this.accept('xX')) {
      digits = '0123456789abcdefABCDEF_';
      this.acceptRun(digits);
    } else {
      this.acceptRun(digits);
      if (this.accept('.')) this.acceptRun(digits);
      if (this.accept('eE')) {
        this.accept('+-');
        this.acceptRun('0123456789_');
      }
    }
    return !isAlphaNumeric(this.peek());
  }

  private acceptRemainingDuration(): boolean {
    if (!this.accept('smhdwy')) return false;
    this.accept('s');
    while (this.accept('0123456789')) {
      this.acceptRun('0123456789');
      if (!this.accept('smhdw')) return false;
      this.accept('s');
    }
    const next = this.peek();
    if (isAlphaNumeric(next)) {
      this.pos++;
      return false;
    }
    return true;
  }
}
