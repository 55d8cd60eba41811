/**
 * The narrow forms of the Monte Carlo's result store (model/mc-store.ts): how one chunk-column of
 * values is kept exactly, decided from the values themselves (the kinds are described there).
 */

export const CONST = 0, U8 = 1, U16 = 2, U32 = 3, F32 = 4, F64 = 5, PROD = 6;
/** Arena bytes per value of each kind. */
export const BYTES = [0, 1, 2, 4, 4, 8, 0];

/**
 * How to keep col[0 … n − 1]: out[0] the kind, out[1] its base (the kinds: model/mc-store.ts). Decided in
 * passes that each stop at the first value that rules their form out: equal to the first value (most
 * columns that do not vary); whole numbers (counts); Float32 — so a column costs about one pass.
 */
export function encoding(col: Float64Array, n: number, out: Float64Array): void {
  const v0 = col[0];
  out[1] = 0;
  let i = 1;
  if (v0 === v0) while (i < n && col[i] === v0) i++;
  else while (i < n && col[i] !== col[i]) i++;
  // All the same by ===; a zero column is constant only if every zero has the first one's sign.
  if (i === n && (v0 !== 0 || sameZeros(col, n, 1 / v0))) { out[0] = CONST; out[1] = v0; return; }
  if (wholeRange(col, n, ENC_RANGE)) {
    const min = ENC_RANGE[0], range = ENC_RANGE[1] - min;
    if (range <= 0xffffffff) {
      out[1] = min;
      out[0] = range <= 0xff ? U8 : range <= 0xffff ? U16 : U32;
      return;
    }
  }
  out[0] = isFloat32(col, n) ? F32 : F64;
}
const ENC_RANGE = new Float64Array(2);

/**
 * Whether one factor gives every value of col as its partner's value (blocks[i·size + pc]) times it,
 * to the bit (−0 and NaN included); then the factor into out[1]. Tried: x / p of the first run with a
 * finite non-zero partner value and value, and the doubles next to it (the quotient can be an ulp off
 * the engine's factor); otherwise the column is kept in another form.
 */
export function productOf(col: Float64Array, n: number, blocks: Float64Array, size: number, pc: number, out: Float64Array): boolean {
  FACTOR[0] = NaN;
  for (let i = 0; i < n; i++) {
    const p = blocks[i * size + pc], x = col[i];
    if (p !== 0 && x !== 0 && Number.isFinite(p) && Number.isFinite(x)) { FACTOR[0] = x / p; break; }
  }
  const f = FACTOR[0];
  if (f !== f) return false;
  for (let step = 0; step < 3; step++) {
    // The factor, then the doubles one unit in the last place either side (its low word ± 1).
    FACTOR[0] = f;
    if (step > 0) FACTOR_LOW[0] += step === 1 ? 1 : -1;
    if (timesGives(col, n, blocks, size, pc, FACTOR[0])) { out[1] = FACTOR[0]; return true; }
  }
  return false;
}
const FACTOR = new Float64Array(1), FACTOR_LOW = new Uint32Array(FACTOR.buffer, 0, 1);

/** Whether blocks[i·size + pc] · f is col[i] to the bit (−0 and NaN included) for every i < n. */
function timesGives(col: Float64Array, n: number, blocks: Float64Array, size: number, pc: number, f: number): boolean {
  for (let i = 0; i < n; i++) {
    const v = blocks[i * size + pc] * f, x = col[i];
    if (v === x ? v === 0 && 1 / v !== 1 / x : v === v || x === x) return false;
  }
  return true;
}

/** dst[at … at + n − 1] times f (a PROD chunk-column from its partner's values). */
export function timesFactor(dst: Float64Array, at: number, n: number, f: number): void {
  for (let i = 0; i < n; i++) dst[at + i] = dst[at + i] * f;
}

/** Whether every value of col (all ±0) has the sign whose reciprocal is `inv`. */
function sameZeros(col: Float64Array, n: number, inv: number): boolean {
  for (let i = 0; i < n; i++) if (1 / col[i] !== inv) return false;
  return true;
}

/** Whether every value is a whole number (not NaN, ±Infinity or −0, which would come back as +0); then min and max into out. */
function wholeRange(col: Float64Array, n: number, out: Float64Array): boolean {
  let min = Infinity, max = -Infinity;
  for (let i = 0; i < n; i++) {
    const x = col[i];
    if (x - Math.floor(x) !== 0 || (x === 0 && 1 / x < 0)) return false; // a fraction, NaN, ±Infinity (NaN − NaN), −0
    if (x < min) min = x;
    if (x > max) max = x;
  }
  out[0] = min; out[1] = max;
  return true;
}

/** Whether every value is a float32 exactly (NaN and −0 are). */
function isFloat32(col: Float64Array, n: number): boolean {
  for (let i = 0; i < n; i++) {
    const x = col[i];
    if (Math.fround(x) !== x && x === x) return false;
  }
  return true;
}
