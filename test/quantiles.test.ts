import { describe, expect, it } from 'vitest';
import { PROBS, summarizeColumn } from '../model/quantiles.js';
import { stream } from '../model/rng.js';

/** Reference: type 7 on a fully sorted copy. */
function reference(x: number[]): number[] {
  const s = [...x].sort((a, b) => a - b);
  const n = s.length;
  return [x.reduce((a, b) => a + b, 0) / n, ...PROBS.map((p) => { const h = (n - 1) * p, f = Math.floor(h); return s[f] + (h - f) * ((s[f + 1] ?? s[f]) - s[f]); })];
}

describe('quantiles (Hyndman–Fan type 7)', () => {
  const u = stream(1, 'test:quantiles');
  const cases: [string, () => number][] = [
    ['continuous', () => 1000 + 500 * u()],
    ['whole numbers with many ties (counting path)', () => Math.floor(40 + 20 * u())],
    ['whole numbers, wide range (selection path)', () => Math.floor(1e6 * u())],
    ['two values', () => (u() < 0.3 ? 5 : 9)],
    ['negative fractions', () => -3 + u()],
    ['heavy tail: nearly all values in one bucket (bucket path)', () => (u() < 0.995 ? u() : 1e9 * u())],
    ['few distinct fractions (bucket path)', () => [0.87, 1.74, 2.61][Math.floor(3 * u())]],
    ['some infinite values (selection fallback)', () => (u() < 0.02 ? Infinity : u())],
  ];
  for (const [name, gen] of cases) {
    for (const n of [1, 2, 7, 100, 255, 256, 10001]) {
      it(`${name}, n = ${n}: equals the sorted reference exactly`, () => {
        const x = Array.from({ length: n }, gen);
        const out = new Float64Array(8);
        summarizeColumn(Float64Array.from(x), out, 0);
        const ref = reference(x);
        expect(out[0]).toBeCloseTo(ref[0], 9);
        expect(Array.from(out.subarray(1))).toEqual(ref.slice(1));
      });
    }
  }
  it('ignores NaN and gives NaN for an all-NaN column', () => {
    const out = new Float64Array(8);
    summarizeColumn(Float64Array.from([NaN, 1, 2, 3, NaN]), out, 0);
    expect(out[4]).toBe(2);
    summarizeColumn(Float64Array.from([NaN, NaN]), out, 0);
    expect(Array.from(out).every(Number.isNaN)).toBe(true);
  });
});
