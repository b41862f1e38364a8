// Compact, exact encodings of sample columns, for the prebuilt sample
// snapshot (dataset/snapshot.ts): about 1.3 bytes a sample instead of 16.
//
// Timestamps and values are integers, or decimals with a few digits (a value
// v is r / 10^k for an integer r): each column is written as zigzag varints
// of the second differences of those integers (scrapes every 15 s with a few
// ms of jitter: one byte each). Values that do not fit (NaN such as stale
// markers, infinities, -0) are listed apart with their exact bits. A column
// no scale fits is written raw. Every encoding is checked by decoding it.

const MAX_SCALE = 9;
/** Second differences stay below 2^50, so zigzag values are exact doubles. */
const MAX_DD = 2 ** 50;

export class ByteWriter {
  private buf = new Uint8Array(1 << 16);
  length = 0;

  private room(n: number): void {
    if (this.length + n <= this.buf.length) return;
    const b = new Uint8Array(Math.max(this.buf.length * 2, this.length + n));
    b.set(this.buf.subarray(0, this.length));
    this.buf = b;
  }

  byte(x: number): void {
    this.room(1);
    this.buf[this.length++] = x;
  }

  /** Unsigned integer below 2^53, 7 bits a byte. */
  varint(x: number): void {
    this.room(8);
    while (x >= 128) {
      this.buf[this.length++] = (x % 128) | 128;
      x = Math.floor(x / 128);
    }
    this.buf[this.length++] = x;
  }

  /** The 8 bytes of v[i], exactly (a NaN's payload included: no JS number in between). */
  float64Of(v: Float64Array, i: number): void {
    this.room(8);
    this.buf.set(new Uint8Array(v.buffer, v.byteOffset + i * 8, 8), this.length);
    this.length += 8;
  }

  /** The written bytes from `from` (for checking an encoding). */
  view(from: number): Uint8Array {
    return this.buf.subarray(from, this.length);
  }

  bytes(): Uint8Array {
    return this.buf.slice(0, this.length);
  }
}

export class ByteReader {
  pos: number;
  constructor(
    readonly buf: Uint8Array,
    at = 0,
  ) {
    this.pos = at;
  }

  byte(): number {
    return this.buf[this.pos++];
  }

  varint(): number {
    const b = this.buf;
    let x = 0;
    let mul = 1;
    for (;;) {
      const c = b[this.pos++];
      x += (c & 127) * mul;
      if (c < 128) return x;
      mul *= 128;
    }
  }

  /** 8 bytes into out[i], exactly. */
  float64Into(out: Float64Array, i: number): void {
    new Uint8Array(out.buffer, out.byteOffset + i * 8, 8).set(this.buf.subarray(this.pos, this.pos + 8));
    this.pos += 8;
  }
}

/** The smallest k with every regular value an integer r / 10^k, or -1. */
function findScale(v: Float64Array): number {
  for (let k = 0; k <= MAX_SCALE; k++) {
    const p = 10 ** k;
    let ok = true;
    for (let i = 0; i < v.length && ok; i++) {
      const x = v[i];
      if (isSpecial(x)) continue;
      const r = Math.round(x * p);
      ok = Number.isSafeInteger(r) && r / p === x;
    }
    if (ok) return k;
  }
  return -1;
}

/** Values kept apart with their bits: NaN (any payload), infinities, -0. */
function isSpecial(x: number): boolean {
  return x !== x || x === Infinity || x === -Infinity || Object.is(x, -0);
}

const RAW = 255;

/** Writes a column: scale byte, specials, then second differences (or RAW and the float64s). */
export function encodeColumn(w: ByteWriter, v: Float64Array): void {
  const k = findScale(v);
  const start = w.length;
  if (k >= 0 && tryScaled(w, v, k) && sameColumn(decodeColumn(new ByteReader(w.view(start)), v.length), v)) return;
  w.length = start;
  w.byte(RAW);
  for (let i = 0; i < v.length; i++) w.float64Of(v, i);
}

function tryScaled(w: ByteWriter, v: Float64Array, k: number): boolean {
  const p = 10 ** k;
  w.byte(k);
  const specials: number[] = [];
  for (let i = 0; i < v.length; i++) if (isSpecial(v[i])) specials.push(i);
  w.varint(specials.length);
  let prevIdx = 0;
  for (const i of specials) {
    w.varint(i - prevIdx);
    prevIdx = i;
    w.float64Of(v, i);
  }
  let prev = 0;
  let prevD = 0;
  for (let i = 0; i < v.length; i++) {
    if (isSpecial(v[i])) continue;
    const r = Math.round(v[i] * p);
    const d = r - prev;
    const dd = d - prevD;
    if (!(Math.abs(dd) < MAX_DD)) return false;
    w.varint(dd < 0 ? -2 * dd - 1 : 2 * dd);
    prev = r;
    prevD = d;
  }
  return true;
}

/** Reads a column of `n` values written by encodeColumn. */
export function decodeColumn(r: ByteReader, n: number): Float64Array {
  const out = new Float64Array(n);
  const k = r.byte();
  if (k === RAW) {
    for (let i = 0; i < n; i++) r.float64Into(out, i);
    return out;
  }
  const p = 10 ** k;
  const nSpecial = r.varint();
  const special = new Uint8Array(nSpecial > 0 ? n : 0);
  let idx = 0;
  for (let j = 0; j < nSpecial; j++) {
    idx += r.varint();
    special[idx] = 1;
    r.float64Into(out, idx);
  }
  // The varint read is written out here (not r.varint()): this loop runs once
  // a sample when a command starts, mostly before the JIT has compiled it.
  const b = r.buf;
  let pos = r.pos;
  let prev = 0;
  let prevD = 0;
  for (let i = 0; i < n; i++) {
    if (nSpecial > 0 && special[i] === 1) continue;
    let z = b[pos++];
    if (z >= 128) {
      z &= 127;
      let mul = 128;
      for (;;) {
        const c = b[pos++];
        z += (c & 127) * mul;
        if (c < 128) break;
        mul *= 128;
      }
    }
    prevD += z % 2 === 1 ? -(z + 1) / 2 : z / 2;
    prev += prevD;
    out[i] = k === 0 ? prev : prev / p;
  }
  r.pos = pos;
  return out;
}

/** Same length and bits (NaN payloads and -0 included). */
export function sameColumn(a: Float64Array, b: Float64Array): boolean {
  if (a.length !== b.length) return false;
  const x = new Uint32Array(a.buffer, a.byteOffset, a.length * 2);
  const y = new Uint32Array(b.buffer, b.byteOffset, b.length * 2);
  for (let i = 0; i < x.length; i++) if (x[i] !== y[i]) return false;
  return true;
}
