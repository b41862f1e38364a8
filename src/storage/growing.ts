// Int32 tables that grow while a file is read (ids, offsets, hash slots).
//
// Why "written": the kernel gives a new array's memory on first touch. A
// page that is read before it is written is mapped to the shared zero page
// first, and the write that follows has to replace that mapping: a second
// fault, and — while another thread of this process runs on another core (a
// big file's tokenizer, dataset/tokenize-worker.ts) — a TLB flush sent to
// that core. A hash table probed as it is filled, or a per-id count read
// before it is set, does that for every page. Writing the new part at once
// (a memset) makes each page one plain fault: loading the 1,000,000-series
// bench file took ~10,000 faults and most of its TLB-flush interrupts fewer.
// Arrays that are only ever written first (appended to) do not need it: their
// unused tail then stays untouched.

/** A copy of `a` in an array of max(atLeast, 2 × a.length) ints; `written`: its new part written now (see above). */
export function grownInt32(a: Int32Array, atLeast = 0, written = false): Int32Array<ArrayBuffer> {
  const out = new Int32Array(Math.max(atLeast, a.length * 2));
  out.set(a);
  if (written) out.fill(0, a.length);
  return out;
}

/** n zero ints, written now (see above). */
export function writtenInt32(n: number): Int32Array<ArrayBuffer> {
  return new Int32Array(n).fill(0);
}
