import { describe, expect, it } from 'vitest';
import { sum } from '../model/counts.js';
import { F } from '../model/fields.js';
import { project } from '../model/project.js';
import { mini } from './fixtures.js';

const series = (block: Float64Array, field: number, Y: number) => Array.from(block.subarray(field * Y, field * Y + Y));

describe('closed forms', () => {
  it('constant recruitment R and attrition q: S_t = S0(1−q)^t + R(1−(1−q)^t)/q', () => {
    const S0 = 500, q = 0.04, R = 25, Y = 21;
    const p = project(mini({ years: Y, specialists: S0, age: 30, attrition: q, recruitment: R }), null);
    const s = series(p.regions[0].block, F.specialists, Y);
    s.forEach((v, t) => {
      const expected = S0 * (1 - q) ** t + (R * (1 - (1 - q) ** t)) / q;
      expect(v).toBeCloseTo(expected, 9);
    });
  });

  it('an ST cohort with fixed length D and no dropout becomes specialists exactly at year t+D', () => {
    for (const D of [5, 6, 7]) {
      const Y = 12;
      // 40 trainees in training year 1 at the end of the base year 2024 (they started in 2024).
      const p = project(mini({ years: Y, specialists: 0, st: 40, stYear: 1, length: D }), null);
      const b = p.regions[0].block;
      const spec = series(b, F.specialists, Y), st = series(b, F.st, Y), comp = series(b, F.stCompletions, Y);
      for (let t = 0; t < Y; t++) {
        expect(st[t], `trainees at end of ${2024 + t}`).toBeCloseTo(t <= D - 1 ? 40 : 0, 12);
        expect(spec[t], `specialists at end of ${2024 + t}`).toBeCloseTo(t >= D ? 40 : 0, 12);
        if (t > 0) expect(comp[t]).toBeCloseTo(t === D ? 40 : 0, 12);
      }
    }
  });

  it('listable ST with lastYears: 2 are the trainees in their last two training years', () => {
    const Y = 8;
    const p = project(mini({ years: Y, specialists: 0, st: 30, stYear: 1, length: 6, listable: { lastYears: 2 } }), null);
    const l = series(p.regions[0].block, F.listableSt, Y);
    // Training year j at end of 2024 + (j − 1); listable in years 5 and 6.
    expect(l).toEqual([0, 0, 0, 0, 30, 30, 0, 0]);
  });

  it('conserves stocks every year: stock(t) = stock(t−1) + in − out', () => {
    const Y = 11;
    const cfg = mini({ years: Y, specialists: 800, age: 55, attrition: 0.03, recruitment: 12, retirementAge: 63, st: 300, stYear: 2, lengths: [[5, 0.3], [6, 0.5], [7, 0.2]], intake: 70, dropout: 0.03, retention: 0.8, fillRate: 0.9 });
    const b = project(cfg, null).regions[0].block;
    const g = (f: number, t: number) => b[f * Y + t];
    for (let t = 1; t < Y; t++) {
      expect(g(F.specialists, t)).toBeCloseTo(g(F.specialists, t - 1) + g(F.newSpecialistsStaying, t) + g(F.recruitment, t) - g(F.retirements, t) - g(F.otherExits, t), 8);
      expect(g(F.st, t)).toBeCloseTo(g(F.st, t - 1) + g(F.stStarts, t) - g(F.stCompletions, t) - g(F.stDropouts, t), 8);
      expect(g(F.netIncreaseSpecialists, t)).toBeCloseTo(g(F.specialists, t) - g(F.specialists, t - 1), 8);
      expect(g(F.stStarts, t)).toBeCloseTo(70 * 0.9, 10);
    }
  });

  it('target headcount mode fills posts up to the target', () => {
    const Y = 6;
    const b = project(mini({ years: Y, specialists: 100, st: 60, stYear: 1, length: 6, target: 90, dropout: 0.05 }), null).regions[0].block;
    for (let t = 1; t < Y; t++) expect(b[F.st * Y + t]).toBeCloseTo(90, 9);
  });

  it('capacity, coverage, gap and reached follow the rules in domain.md', () => {
    const Y = 3;
    const b = project(mini({ years: Y, specialists: 80, st: 40, population: 110000 }), null).regions[0].block;
    // 80 × 1100 + 20 (half of 40 listable) × 550 = 99 000
    expect(b[F.capacity * Y]).toBe(99000);
    expect(b[F.coverage * Y]).toBeCloseTo(0.9, 12);
    expect(b[F.specialistGap * Y]).toBeCloseTo(10, 12);
    expect(b[F.inhabitantsPerDoctor * Y]).toBeCloseTo(110000 / 100, 12);
    expect(b[F.reached * Y]).toBe(0);
  });

  it('does not mutate its input', () => {
    const cfg = mini({ specialists: 300, attrition: 0.05, st: 50, intake: 20 });
    const before = JSON.stringify(cfg, (_k, v) => (ArrayBuffer.isView(v) ? Array.from(v as Float64Array) : v));
    project(cfg, null);
    expect(JSON.stringify(cfg, (_k, v) => (ArrayBuffer.isView(v) ? Array.from(v as Float64Array) : v))).toBe(before);
  });
});

describe('direction of effects', () => {
  const reachedYear = (intake: number) => {
    const Y = 20;
    const b = project(mini({ years: Y, specialists: 60, age: 50, attrition: 0.03, st: 20, intake, length: 6, population: 120000 }), null).regions[0].block;
    for (let t = 0; t < Y; t++) if (b[F.reached * Y + t] === 1) return t;
    return Infinity;
  };
  it('more intake never reaches the target later', () => {
    let prev = Infinity;
    for (const intake of [0, 5, 10, 15, 20, 30, 40]) {
      const y = reachedYear(intake);
      expect(y, `intake ${intake} reached later than a smaller intake`).toBeLessThanOrEqual(prev);
      prev = y;
    }
    expect(prev).toBeLessThan(Infinity);
  });
  it('higher attrition never increases specialists', () => {
    const Y = 11;
    let prev: number[] | null = null;
    for (const q of [0, 0.01, 0.03, 0.06, 0.1]) {
      const b = project(mini({ years: Y, specialists: 400, attrition: q, st: 100, intake: 30, recruitment: 5 }), null).regions[0].block;
      const s = series(b, F.specialists, Y);
      if (prev) s.forEach((v, t) => expect(v, `attrition ${q}, year ${t}`).toBeLessThanOrEqual(prev![t] + 1e-9));
      prev = s;
    }
  });
});

describe('training capacity', () => {
  it('caps ST starts at k trainees per specialist FTE and counts the unfilled posts', () => {
    const Y = 6;
    const cfg = mini({ years: Y, specialists: 100, st: 40, stYear: 1, length: 6, intake: 30 });
    cfg.regions[0].st.capPerSpecialistFte = 0.6; // at most 60 trainees with 100 FTE
    const b = project(cfg, null).regions[0].block;
    const g = (f: number, t: number) => b[f * Y + t];
    expect(g(F.stStarts, 1)).toBeCloseTo(20, 9); // 60 − 40 already in training
    expect(g(F.stUnfilledByCap, 1)).toBeCloseTo(10, 9);
    for (let t = 1; t < Y; t++) {
      expect(g(F.st, t)).toBeLessThanOrEqual(60 + 1e-9);
      expect(g(F.stStarts, t) + g(F.stUnfilledByCap, t)).toBeCloseTo(30, 9);
    }
  });
  it('caps the yearly ST total', () => {
    const Y = 4;
    const cfg = mini({ years: Y, specialists: 100, st: 40, stYear: 1, length: 6, intake: 30 });
    cfg.regions[0].st.capTotal = new Float64Array(Y).fill(50);
    const b = project(cfg, null).regions[0].block;
    for (let t = 1; t < Y; t++) expect(b[F.st * Y + t]).toBeCloseTo(50, 9);
  });
  it('takes supervision time from specialist capacity (hours per week → FTE)', () => {
    const Y = 2;
    const cfg = mini({ years: Y, specialists: 80, st: 40, population: 110000 });
    cfg.regions[0].st.supervisionFtePerTrainee = 4 / 40; // 4 hours a week of a 40-hour FTE
    const b = project(cfg, null).regions[0].block;
    expect(b[F.supervisionFte * Y]).toBeCloseTo(4, 12);
    expect(b[F.capacitySpecialists * Y]).toBeCloseTo((80 - 4) * 1100, 9);
  });
});

describe('exact sums (model/counts.ts)', () => {
  it('whole numbers summed in four partial sums give the ordered sum to the bit; other values are summed in order', () => {
    let seed = 12345;
    const rand = () => { seed = (Math.imul(seed, 1103515245) + 12345) | 0; return (seed >>> 0) / 2 ** 32; };
    for (let k = 0; k < 200; k++) {
      const n = 1 + Math.floor(rand() * 60), from = Math.floor(rand() * 5);
      const whole = Float64Array.from({ length: n + from }, () => Math.floor(rand() * (k % 2 ? 3 : 5e6)));
      const frac = Float64Array.from({ length: n + from }, () => rand() * 1e3);
      let w = 0, f = 0;
      for (let i = from; i < whole.length; i++) { w += whole[i]; f += frac[i]; }
      expect(sum(whole, from, whole.length, true)).toBe(w);
      expect(sum(frac, from, frac.length, false)).toBe(f);
    }
  });
});
