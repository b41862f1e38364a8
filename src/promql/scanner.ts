// The character-level half of the PromQL lexer (./lexer.ts): positions,
// token emission, and the scanning of strings, escapes, numbers and durations,
// after Prometheus's promql/parser/lex.go. The lexer's modes build on it.

import type { Token, TokenType } from './tokens.js';

export const isDigit = (c: string) => c >= '0' && c <= '9';
export const isAlpha = (c: string) => c === '_' || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
export const isAlphaNumeric = (c: string) => isAlpha(c) || isDigit(c);
export const isSpace = (c: string) => c === ' ' || c === '\t' || c === '\n' || c === '\r';

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

export class LexError extends Error {
  constructor(
    message: string,
    readonly at: number,
  ) {
    super(message);
  }
}

/** Input, position and tokens of one lexer run, and the scanning every mode shares. */
export class Scanner {
  protected pos = 0;
  protected start = 0;
  protected readonly tokens: Token[] = [];
  private readonly byteAt?: Uint32Array;

  constructor(
    protected readonly input: string,
    protected readonly tolerant: boolean,
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

  protected b(i: number): number {
    return this.byteAt ? this.byteAt[i] : i;
  }

  protected emit(type: TokenType, val?: string, kw?: string): void {
    const tok: Token = { type, val: val ?? this.input.slice(this.start, this.pos), start: this.b(this.start), end: this.b(this.pos) };
    if (kw !== undefined) tok.kw = kw;
    this.tokens.push(tok);
    this.start = this.pos;
  }

  protected peek(): string {
    return this.input[this.pos] ?? '';
  }

  protected error(message: string): never {
    throw new LexError(message, this.start);
  }

  protected skipComment(): void {
    while (this.pos < this.input.length && this.input[this.pos] !== '\n') this.pos++;
    this.emit('COMMENT');
  }

  protected lexString(quote: string): void {
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

  protected lexEscape(quote: string): void {
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
  protected lexTolerantString(quote: string): void {
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

  protected lexRawString(): void {
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
  protected lexNumberOrDuration(): void {
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

  protected accept(set: string): boolean {
    const c = this.input[this.pos];
    if (c !== undefined && set.includes(c)) {
      this.pos++;
      return true;
    }
    return false;
  }

  protected acceptRun(set: string): void {
    while (this.accept(set));
  }

  protected scanNumber(): boolean {
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

  protected acceptRemainingDuration(): boolean {
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
