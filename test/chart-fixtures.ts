/**
 * Hand-made outputs for chart, report and workbook tests: stable numbers (they do not move when
 * the engine changes), Monte Carlo quantiles widening with the years, a target reached in 2032
 * (median) in the single-region case.
 */
import { FIELD_DEF, FIELD_KEYS } from '../model/fields.js';
import type { McRegionOutput, McRunOutput, McYearRow, ReachedSummary, Stats } from '../model/mcresults.js';
import type { RegionOutput, RunOutput, YearRow } from '../model/results.js';

const Z = { p5: -1.6449, p10: -1.2816, p25: -0.6745, p75: 0.6745, p90: 1.2816, p95: 1.6449 } as const;

function stats(m: number | null, sd: number): Stats {
  if (m === null) return { mean: null, p5: null, p10: null, p25: null, p50: null, p75: null, p90: null, p95: null };
  return { mean: m, p5: m + Z.p5 * sd, p10: m + Z.p10 * sd, p25: m + Z.p25 * sd, p50: m, p75: m + Z.p75 * sd, p90: m + Z.p90 * sd, p95: m + Z.p95 * sd };
}

function summary(years: number[], prob: (y: number) => number): ReachedSummary {
  const probabilityBy: Record<string, number> = {};
  const distribution: Record<string, number> = {};
  let prev = 0;
  for (const y of years) { const p = prob(y); probabilityBy[y] = p; distribution[y] = p - prev; prev = p; }
  distribution.never = 1 - prev;
  const q = (p: number) => years.find((y) => probabilityBy[y] >= p - 1e-12) ?? null;
  return { median: q(0.5), p10: q(0.1), p90: q(0.9), probabilityBy, distribution };
}

const steps = (table: Record<number, number>) => (year: number): number => {
  let p = 0;
  for (const [y, v] of Object.entries(table)) if (Number(y) <= year) p = v;
  return p;
};

export interface RegionSpec {
  name: string;
  pop0?: number;
  spec0?: number;
  specGrowth?: number;
  st0?: number;
  costs?: boolean;
  reached?: Record<number, number>;
}

/** Expected values of one region, 2024–2034. */
function rows(s: RegionSpec): YearRow[] {
  const out: YearRow[] = [];
  const pop0 = s.pop0 ?? 350_000, spec0 = s.spec0 ?? 250, dSpec = s.specGrowth ?? 12, st0 = s.st0 ?? 100;
  let cost0 = 0, prevCost = 0, cum = 0;
  for (let t = 0; t < 11; t++) {
    const row = { year: 2024 + t } as YearRow;
    for (const k of FIELD_KEYS) row[k] = null;
    const population = pop0 * Math.pow(1.006, t);
    const specialists = spec0 + dSpec * t, st = st0 + 2 * t, listableSt = st / 2;
    const capSpec = specialists * 1100, capSt = listableSt * 550, capacity = capSpec + capSt;
    Object.assign(row, {
      population, populationToCover: population, specialists, specialistsFte: specialists, otherSpecialists: 0, otherSpecialistsFte: 0,
      st, listableSt, listableStFte: listableSt, supervisionFte: 0, normSpecialist: 1100, normSt: 550,
      capacitySpecialists: capSpec, capacitySt: capSt, capacityOther: 0, capacity, coverage: capacity / population,
      inhabitantsPerDoctor: population / (specialists + listableSt), inhabitantsPerSpecialistFte: population / specialists,
      specialistGap: Math.max(0, population - capacity) / 1100, reached: capacity >= population ? 1 : 0, reachedSpecialistsOnly: capSpec >= population ? 1 : 0,
    });
    if (t > 0) {
      const p = out[t - 1];
      Object.assign(row, {
        stPosts: 26, stStarts: 25.4, stUnfilledByCap: 0, stDropouts: 2.2, stCompletions: 15.1, newSpecialistsStaying: 13.2, recruitment: 3,
        retirements: 7.5, otherExits: 2.4, netIncreaseSpecialists: specialists - (p.specialists as number), netIncreaseOtherSpecialists: 0,
        netIncreaseSt: st - (p.st as number), netIncreaseListableSt: listableSt - (p.listableSt as number),
      });
    }
    if (s.costs ?? true) {
      const cost = (specialists * 12 * 88_000 + st * 12 * 58_000) * 1.52;
      if (t === 0) cost0 = cost;
      const inc = cost - cost0;
      cum += t > 0 ? inc : 0;
      Object.assign(row, { cost, costIncrease: inc, netCostIncrease: t > 0 ? cost - prevCost : null, cumulativeCost: cum });
      prevCost = cost;
    }
    out.push(row);
  }
  return out;
}

function mcRegion(s: RegionSpec): McRegionOutput {
  const base = rows(s);
  const years = base.map((r) => r.year);
  const ys: McYearRow[] = base.map((r, t) => {
    const row = { ...r, quantiles: {} } as McYearRow;
    for (const k of FIELD_KEYS) {
      if (FIELD_DEF[k].unit === 'flag') continue;
      const v = r[k];
      const fixed = k === 'normSpecialist' || k === 'normSt';
      row.quantiles[k] = stats(v, fixed || v === null ? 0 : Math.abs(v) * 0.012 * t + (k.startsWith('netIncrease') ? 2 : 0));
    }
    return row;
  });
  const main = summary(years, steps(s.reached ?? { 2030: 0.12, 2031: 0.3, 2032: 0.5, 2033: 0.62, 2034: 0.7 }));
  const spec = summary(years, steps({ 2034: 0.04 }));
  const holds: Record<string, number> = {};
  for (const y of years) holds[y] = main.probabilityBy[y] * 0.95;
  return {
    name: s.name,
    reachedYear: main.median,
    sustainedFrom: main.median,
    reachedYearSpecialistsOnly: spec.median,
    sustainedFromSpecialistsOnly: null,
    probabilityReachedBy: main.probabilityBy,
    reachedYearDistribution: main.distribution,
    reachedYearInterval80: { p10: main.p10, p90: main.p90 },
    specialistsOnly: spec,
    probabilityHolds: holds,
    years: ys,
  };
}

const SCENARIO = { name: 'Testregion – plan 2024–2034', description: 'A test scenario <b>with</b> markup & a </script> tag.', countBasis: 'health-centres' };

export function mcOutput(regions: RegionSpec[] = [{ name: 'Testregion' }], total?: string): McRunOutput {
  const rs = regions.map(mcRegion);
  const out: McRunOutput = {
    scenario: SCENARIO,
    version: '0.0.0-test',
    mode: 'monte-carlo',
    runs: 5000,
    seed: 7,
    eventNoise: true,
    quantileDefinition: 'type 7',
    startYear: 2024,
    endYear: 2034,
    regions: rs,
  };
  if (total) {
    const t = mcRegion({ name: total, pop0: 350_000 * regions.length, spec0: 250 * regions.length, st0: 100 * regions.length, specGrowth: 12 * regions.length });
    for (const y of t.years) { y.normSpecialist = null; y.normSt = null; }
    out.total = t;
  }
  return out;
}

export function detOutput(regions: RegionSpec[] = [{ name: 'Testregion' }]): RunOutput {
  const rs: RegionOutput[] = regions.map((s) => {
    const ys = rows(s);
    const first = ys.find((y) => y.reached === 1)?.year ?? null;
    return { name: s.name, reachedYear: first, sustainedFrom: first, reachedYearSpecialistsOnly: null, sustainedFromSpecialistsOnly: null, years: ys };
  });
  return { scenario: SCENARIO, version: '0.0.0-test', mode: 'deterministic', startYear: 2024, endYear: 2034, regions: rs };
}

/** Three regions and a total, one of them already under 1100. */
export const MULTI: RegionSpec[] = [
  { name: 'Norra länet', pop0: 250_000, spec0: 160 },
  { name: 'Södra länet', pop0: 420_000, spec0: 390, reached: { 2024: 0.6, 2025: 0.8 } },
  { name: 'Östra länet', pop0: 300_000, spec0: 230, reached: {} },
];
