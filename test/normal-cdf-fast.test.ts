/**
 * The fast Φ of the retirement hazards (model/dist.ts `stdNormalCdfFastInto`): within 1e-13 of the
 * exact normal CDF on the grid's range, exactly 0 and 1 beyond it and at ±Infinity, NaN for NaN.
 */
import { describe, expect, it } from 'vitest';
import { stdNormalCdfFastInto } from '../model/dist.js';
import { normalCdf } from '../model/special.js';

describe('stdNormalCdfFastInto', () => {
  it('agrees with the normal CDF and keeps the tails exact', () => {
    const zs = Float64Array.from([-Infinity, -9, -8.5, -3.21, -0.7, 0, 1e-9, 0.5, 2.345, 8.29, 8.5, 12, Infinity, NaN]);
    const out = new Float64Array(zs.length).fill(-1);
    stdNormalCdfFastInto(zs, out, zs.length - 1); // the last value is left alone
    expect(out[zs.length - 1]).toBe(-1);
    expect([out[0], out[1], out[2]]).toEqual([0, 0, 0]);
    expect([out[10], out[11], out[12]]).toEqual([1, 1, 1]);
    for (let j = 3; j < 10; j++) expect(Math.abs(out[j] - normalCdf(zs[j], 0, 1))).toBeLessThan(1e-13);
    stdNormalCdfFastInto(zs.subarray(13), out, 1);
    expect(out[0]).toBeNaN();
  });
});
