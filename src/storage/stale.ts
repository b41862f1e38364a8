// Prometheus's staleness marker: a NaN with one exact bit pattern. Typed
// arrays keep a NaN's payload; arithmetic and JS arrays of numbers do not.

export const STALE_NAN_BITS_HI = 0x7ff00000;
export const STALE_NAN_BITS_LO = 0x00000002;

const f64 = new Float64Array(1);
const u32 = new Uint32Array(f64.buffer);
// Little-endian: word 0 is the low half.
u32[0] = STALE_NAN_BITS_LO;
u32[1] = STALE_NAN_BITS_HI;
/** The stale marker as a JS number. Typed arrays preserve its payload; arithmetic does not. */
export const STALE_NAN: number = f64[0];

export function isStaleNaN(v: number): boolean {
  if (v === v) return false;
  f64[0] = v;
  return u32[0] === STALE_NAN_BITS_LO && u32[1] === STALE_NAN_BITS_HI;
}

/**
 * Where a series holds a native histogram sample, its value column holds this
 * NaN (another payload than the stale marker's) and the series' histogram
 * column the histogram: float readers take the NaN branch they already have
 * for stale markers, and only there look for a histogram.
 */
u32[0] = 0x00000003;
u32[1] = STALE_NAN_BITS_HI;
export const HISTOGRAM_MARK: number = f64[0];

export function isHistogramMark(v: number): boolean {
  if (v === v) return false;
  f64[0] = v;
  return u32[0] === 0x00000003 && u32[1] === STALE_NAN_BITS_HI;
}
