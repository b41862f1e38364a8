// The numbers of a common sample line, read straight from its bytes: after
// the series text, ` value timestamp\n` with a plain decimal value and a
// timestamp in seconds (OpenMetrics) or milliseconds (text format). Anything
// else (exponents, NaN, exemplars, odd blanks) is left to the text parser,
// which reads and reports it.

const NL = 10;
const SPACE = 32;
const DOT = 46;
const MINUS = 45;

/** 10^k for k <= 22 is exact in float64, so m / 10^k is correctly rounded, as Number() is. */
const POW10 = Array.from({ length: 23 }, (_, k) => 10 ** k);

export class SampleNumbers {
  /** The line's [timestamp ms, value], as the store takes them (see MemoryStore.appendSample). */
  readonly sample = new Float64Array(2);
  private numValue = 0;
  private numEnd = 0;
  /** readInteger's result, and the first eight digits it read last as two ints with their value (-1: none yet). */
  private intValue = 0;
  private intEnd = 0;
  private head0 = 0;
  private head1 = 0;
  private headValue = -1;

  constructor(private readonly om: boolean) {}

  /**
   * Reads ` value timestamp\n` from b[at] (the blank after the series text)
   * into `sample`; returns the newline's index, or -1 for any other shape.
   * Every read is bounded: a byte past the end (undefined) would deoptimise the caller.
   */
  read(b: Uint8Array, view: DataView, at: number): number {
    const e = b.length;
    if (at >= e || b[at] !== SPACE || !this.readDecimal(b, at + 1) || this.numEnd >= e || b[this.numEnd] !== SPACE) return -1;
    const nl = this.om ? this.readSecondsTs(b, view, this.numEnd + 1) : this.readMsTs(b, view, this.numEnd + 1);
    if (nl >= 0) this.sample[1] = this.numValue;
    return nl;
  }

  /** `-?digits[.digits]` with at most 15 digits (exact in float64) into numValue/numEnd. */
  private readDecimal(b: Uint8Array, at: number): boolean {
    const e = b.length;
    let i = at;
    if (i >= e) return false;
    const neg = b[i] === MINUS;
    if (neg) i++;
    let m = 0;
    let digits = 0;
    let frac = -1;
    for (; i < e; i++) {
      const c = b[i];
      if (c >= 48 && c <= 57) {
        m = m * 10 + (c - 48);
        digits++;
        if (frac >= 0) frac++;
      } else if (c === DOT && frac < 0) frac = 0;
      else break;
    }
    if (digits === 0 || digits > 15) return false;
    const v = frac > 0 ? m / POW10[frac] : m;
    this.numValue = neg ? -v : v;
    this.numEnd = i;
    return true;
  }

  /**
   * The digits at b[at…] as an integer into intValue, their end into
   * intEnd. Timestamps of neighbouring lines mostly share their first eight
   * digits: those are compared as two ints with the last ones read and not
   * parsed again.
   */
  private readInteger(b: Uint8Array, view: DataView, at: number): void {
    const e = b.length;
    let i = at;
    let v = 0;
    if (this.headValue >= 0 && at + 8 <= e && view.getInt32(at, true) === this.head0 && view.getInt32(at + 4, true) === this.head1) {
      v = this.headValue;
      i = at + 8;
    } else {
      for (; i < e && i < at + 8; i++) {
        const c = b[i] - 48;
        if (c < 0 || c > 9) break;
        v = v * 10 + c;
      }
      if (i === at + 8) {
        this.head0 = view.getInt32(at, true);
        this.head1 = view.getInt32(at + 4, true);
        this.headValue = v;
      }
    }
    for (; i < e; i++) {
      const c = b[i] - 48;
      if (c < 0 || c > 9) break;
      v = v * 10 + c;
    }
    this.intValue = v;
    this.intEnd = i;
  }

  /** OpenMetrics `seconds[.fraction]` to ms in sample[0] (sub-ms digits truncated, as the text path); the newline's index or -1. */
  private readSecondsTs(b: Uint8Array, view: DataView, at: number): number {
    const e = b.length;
    this.readInteger(b, view, at);
    let i = this.intEnd;
    if (i === at || i - at > 12) return -1;
    let ms = 0;
    if (i < e && b[i] === DOT) {
      let k = 0;
      for (i++; i < e && b[i] >= 48 && b[i] <= 57; i++, k++) if (k < 3) ms = ms * 10 + (b[i] - 48);
      for (; k < 3; k++) ms *= 10;
    }
    if (i >= e || b[i] !== NL) return -1;
    this.sample[0] = this.intValue * 1000 + ms;
    return i;
  }

  /** Text-format integer milliseconds into sample[0]; the newline's index or -1. */
  private readMsTs(b: Uint8Array, view: DataView, at: number): number {
    const e = b.length;
    this.readInteger(b, view, at);
    const i = this.intEnd;
    if (i === at || i - at > 15 || i >= e || b[i] !== NL) return -1;
    this.sample[0] = this.intValue;
    return i;
  }
}
