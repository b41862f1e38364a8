// Step columns for the evaluator's series (VSeries.v and .p). A query can
// build 100,000 series of a few hundred steps each; one ArrayBuffer per
// column makes the garbage collector track 200,000 buffers, so short columns
// are cut from shared blocks instead (a view costs a small heap object). A
// block lives as long as any column cut from it: at most a few MiB kept.

/** Columns up to this many steps share blocks; longer ones get their own buffer. */
const SHARED_MAX = 2048;
/** Steps per block (a block of floats is 8 times as many bytes). */
const BLOCK = 1 << 16;

let floats = new Float64Array(0);
let floatsUsed = 0;
let flags = new Uint8Array(0);
let flagsUsed = 0;

/** A zeroed column of n values. */
export function floatColumn(n: number): Float64Array {
  if (n > SHARED_MAX) return new Float64Array(n);
  if (floatsUsed + n > floats.length) {
    floats = new Float64Array(BLOCK);
    floatsUsed = 0;
  }
  const col = floats.subarray(floatsUsed, floatsUsed + n);
  floatsUsed += n;
  return col;
}

/** A zeroed column of n presence flags. */
export function flagColumn(n: number): Uint8Array {
  if (n > SHARED_MAX) return new Uint8Array(n);
  if (flagsUsed + n > flags.length) {
    flags = new Uint8Array(BLOCK);
    flagsUsed = 0;
  }
  const col = flags.subarray(flagsUsed, flagsUsed + n);
  flagsUsed += n;
  return col;
}
