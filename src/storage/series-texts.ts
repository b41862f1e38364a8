// The series texts (`name{labels}` as written in a file) the byte parser has
// met, as bytes in blocks of 1 MiB (filled in turn, never copied: a file of a
// million series has tens of MB of them), each with its series id and the
// entry that came after it last time: a file that repeats the same scrape of
// many series (time-major order) finds a line's series by one compare with
// the predicted text, without reading its labels or looking anything up. (A
// line that is not predicted is read as labels, and the store finds their
// series.)

const BLOCK_BITS = 20;
const BLOCK = 1 << BLOCK_BITS;
/** Entries are found by an int32 position (block * BLOCK + offset): at most this many blocks. */
const MAX_BLOCKS = 2047;

export class SeriesTexts {
  private readonly blocks: Uint8Array[] = [];
  private readonly views: DataView[] = [];
  /** The block being filled (the last of blocks) and how much of it is used. */
  private bytes = new Uint8Array(0);
  private view = new DataView(this.bytes.buffer);
  private used = 0;
  /**
   * Per entry: where its bytes are, how many, its series id, the entry read
   * after it last time (-1: none), and another entry of the same series
   * (-1: none; a series may be written with its labels in another order).
   */
  private start = new Int32Array(1024);
  private length = new Int32Array(1024);
  private ids = new Int32Array(1024);
  private next = new Int32Array(1024);
  private sibling = new Int32Array(1024);
  private count = 0;
  /** Per series id: its newest entry + 1 (0: none). */
  private bySeries = new Int32Array(1024);

  /** Series id of an entry. */
  seriesId(k: number): number {
    return this.ids[k];
  }

  /** Length in bytes of an entry's text. */
  textLength(k: number): number {
    return this.length[k];
  }

  /** The entry that followed entry k last time, -1 if none. */
  predicted(k: number): number {
    return k < 0 ? -1 : this.next[k];
  }

  /** Entry `then` was read after entry k. */
  follows(k: number, then: number): void {
    if (k >= 0) this.next[k] = then;
  }

  /** The entry of series `id` written as b[s, e): one it has, or a new one; -1 when there is no room (a text over 1 MiB, 2 GiB of texts). */
  entry(id: number, view: DataView, b: Uint8Array, s: number, e: number): number {
    if (id >= this.bySeries.length) this.bySeries = grown(this.bySeries, id + 1);
    const first = this.bySeries[id] - 1;
    for (let k = first; k >= 0; k = this.sibling[k]) if (this.same(k, view, b, s, e - s)) return k;
    const k = this.add(view, b, s, e, id);
    if (k < 0) return -1;
    this.sibling[k] = first;
    this.bySeries[id] = k + 1;
    return k;
  }

  private add(view: DataView, b: Uint8Array, s: number, e: number, id: number): number {
    const n = e - s;
    if (this.used + n > this.bytes.length) {
      if (n > BLOCK || this.blocks.length === MAX_BLOCKS) return -1;
      this.bytes = new Uint8Array(BLOCK);
      this.view = new DataView(this.bytes.buffer);
      this.blocks.push(this.bytes);
      this.views.push(this.view);
      this.used = 0;
    }
    if (this.count === this.ids.length) {
      this.start = grown(this.start);
      this.length = grown(this.length);
      this.ids = grown(this.ids);
      this.next = grown(this.next);
      this.sibling = grown(this.sibling);
    }
    const k = this.count++;
    copyBytes(view, b, s, e, this.view, this.used);
    this.start[k] = (this.blocks.length - 1) * BLOCK + this.used;
    this.length[k] = n;
    this.ids[k] = id;
    this.next[k] = -1;
    this.used += n;
    return k;
  }

  /** Whether the n bytes at b[s] are entry k's text (four bytes a step, from the end: series of a family differ last). */
  same(k: number, view: DataView, b: Uint8Array, s: number, n: number): boolean {
    if (this.length[k] !== n) return false;
    const pos = this.start[k];
    const block = pos >>> BLOCK_BITS;
    const at = pos & (BLOCK - 1);
    const mine = this.views[block];
    let q = n - 4;
    for (; q >= 0; q -= 4) if (view.getInt32(s + q) !== mine.getInt32(at + q)) return false;
    const bytes = this.blocks[block];
    for (q += 3; q >= 0; q--) if (b[s + q] !== bytes[at + q]) return false;
    return true;
  }
}

/** b[s, e) to out at `at`, four bytes a step (Buffer.copy costs more per call than the few dozen bytes of a series). */
function copyBytes(view: DataView, b: Uint8Array, s: number, e: number, out: DataView, at: number): void {
  const n = e - s;
  let q = 0;
  for (; q + 4 <= n; q += 4) out.setInt32(at + q, view.getInt32(s + q));
  for (; q < n; q++) out.setUint8(at + q, b[s + q]);
}

function grown(a: Int32Array, atLeast = 0): Int32Array<ArrayBuffer> {
  const out = new Int32Array(Math.max(atLeast, a.length * 2));
  out.set(a);
  return out;
}
