/**
 * The summary baseline: fixed-seed Monte Carlo summaries of shipped scenarios must not move
 * unless a change means them to. When one does, the failure lists what moved, one line each;
 * rewrite the file on purpose with `npm run baseline:update` and review its diff.
 */
import { describe, expect, it } from 'vitest';
import { computeBaseline, diffBaseline, formatBaseline, readBaseline, round6, showDiff, type Baseline } from './baseline.js';

describe('summary baseline (test/baseline.yaml)', () => {
  it('the recomputed summaries equal the checked-in baseline', () => {
    const stored = readBaseline();
    expect(stored, 'test/baseline.yaml is missing: run `npm run baseline:update`').not.toBeNull();
    const moved = diffBaseline(stored!, computeBaseline());
    if (moved.length > 0) {
      throw new Error(`${moved.length} baseline number(s) moved (scenario / unit / series / year / statistic: old → new):\n` +
        showDiff(moved) + '\nIf this change is intended, run `npm run baseline:update` and commit test/baseline.yaml.');
    }
  });

  it('the diff names the series, year and statistic that moved, and only those', () => {
    const unit = (p50: number) => ({
      deterministicReachedYear: 2031, reachedYearMedian: 2031, reachedYearP10: 2030, reachedYearP90: null,
      series: { coverage: { '2024': { p10: 0.8, p50, p90: 0.9 } } }, probabilityReachedBy: { '2024': 0 },
    });
    const b = (p50: number): Baseline => ({ s: { file: 'f', runs: 10, seed: 7, eventNoise: true, units: { U: unit(p50) } } });
    expect(diffBaseline(b(0.85), b(0.85))).toEqual([]);
    expect(diffBaseline(b(0.85), b(0.86))).toEqual(['s / U / coverage / 2024 / p50: 0.85 → 0.86']);
    const gone = b(0.85);
    delete (gone.s.units.U.series as Record<string, unknown>).coverage;
    expect(diffBaseline(b(0.85), gone)).toEqual(['s / U / coverage / 2024 / p10: 0.8 → (absent)',
      's / U / coverage / 2024 / p50: 0.85 → (absent)', 's / U / coverage / 2024 / p90: 0.9 → (absent)']);
  });

  it('the file format is one line per series and year, and reads back to the same values', () => {
    const stored = readBaseline()!;
    const text = formatBaseline(stored);
    expect(text).toMatch(/^ +"?\d{4}"?: \{ p10: [^,]+, p50: [^,]+, p90: [^}]+ \}$/m);
    expect(diffBaseline(stored, stored)).toEqual([]);
    expect(round6(1234567.89)).toBe(1234570);
    expect(round6(Number.NaN)).toBeNull();
    expect(showDiff(['a', 'b', 'c'], 2)).toBe('  a\n  b\n  … and 1 more');
  });
});
