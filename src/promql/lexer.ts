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
import type { Token } from './tokens.js';
import { isAlpha, isAlphaNumeric, isDigit, isSpace, LexError, quoteRune, Scanner } from './scanner.js';
import { KEYWORDS } from './keywords.js';

export type { Token } from './tokens.js';

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

class Lexer extends Scanner {
  private parenDepth = 0;
  private braceOpen = false;
  private bracketOpen = false;
  private gotColon = false;

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

  /** Paren depth inside a duration expression, to find its `]`. */
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
    this.error(
      `unexpected character in duration expression: ${quoteRune(String.fromCodePoint(this.input.codePointAt(this.pos - 1) ?? 0))}`,
    );
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
}
