/**
 * The headline measure agrees with the verdict (issue 10, part 1): inhabitants per doctor
 * equivalent ≤ the specialist norm ⇔ the target is reached, in every year of every region and
 * total — of every shipped scenario and of generated variants of them, deterministically and in
 * every single Monte Carlo run. Also: doctor equivalents are capacity ÷ norm, built from the
 * documented parts, and Tabell 1's measure can disagree with the verdict (why the headline moved).
 */
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import seedrandom from 'seedrandom';
import { describe, expect, it } from 'vitest';
import { fileAccess, loadScenarioFile } from '../api/load.js';
import { loadDocument } from '../scenario/extends.js';
import { sampleRun } from '../model/draws.js';
import { F } from '../model/fields.js';
import { expectedRun } from '../model/params.js';
import { project, regionEvents, type Projection } from '../model/project.js';
import { simulate } from '../api/index.js';
import type { RunOutput } from '../model/results.js';
import type { McRunOutput } from '../model/mcresults.js';
import type { LoadedScenario } from '../scenario/types.js';
import { ROOT } from './imports.js';

const SCENARIOS = readdirSync(join(ROOT, 'scenarios')).filter((f) => f.endsWith('.yaml')).map((f) => join('scenarios', f));

/**
 * Every year of every unit of one run: `ipde ≤ norm` ⇔ `reached`. The total's norm is the
 * regions' population-weighted mean norm (measures.ts), recomputed here from the regions.
 */
function disagreements(p: Projection): string[] {
  const Y = p.years.length, bad: string[] = [];
  const check = (name: string, b: Float64Array, norm: (t: number) => number) => {
    for (let t = 0; t < Y; t++) {
      const ipde = b[F.inhabitantsPerDoctorEquivalent * Y + t], reached = b[F.reached * Y + t] === 1;
      const n = norm(t);
      if ((ipde <= n) !== reached) bad.push(`${name} ${p.years[t]}: ${ipde} vs norm ${n}, reached ${reached}`);
      const de = b[F.doctorEquivalents * Y + t];
      if (Math.abs(de * n - b[F.capacity * Y + t]) > 1e-6 * b[F.capacity * Y + t]) bad.push(`${name} ${p.years[t]}: doctor equivalents × norm ≠ capacity`);
    }
  };
  for (const r of p.regions) check(r.name, r.block, (t) => r.block[F.normSpecialist * Y + t]);
  if (p.total) {
    const tb = p.total.block;
    check(p.total.name, tb, (t) => {
      let w = 0;
      for (const r of p.regions) w += r.block[F.normSpecialist * Y + t] * r.block[F.populationToCover * Y + t];
      return w / tb[F.populationToCover * Y + t];
    });
  }
  return bad;
}

function checkScenario(sc: LoadedScenario, runs: number, seed: number): { years: number; reached: number } {
  const totalName = sc.input.regions.length > 1 ? 'Total' : null;
  const det = project(expectedRun(sc.input), totalName);
  expect(disagreements(det), `${sc.file} deterministic`).toEqual([]);
  let years = 0, reached = 0;
  for (let run = 0; run < runs; run++) {
    const p = project(sampleRun(sc.input, seed, run, null), totalName, (region) => regionEvents(seed, run, region));
    expect(disagreements(p), `${sc.file} run ${run}`).toEqual([]);
    for (const r of p.regions) for (let t = 0; t < p.years.length; t++) { years++; reached += r.block[F.reached * p.years.length + t]; }
  }
  return { years, reached };
}

describe('inhabitants per doctor equivalent ≤ norm exactly when the target is reached', () => {
  it.each(SCENARIOS)('%s: every year, deterministic and 40 Monte Carlo runs', (file) => {
    checkScenario(loadScenarioFile(join(ROOT, file)), 40, 11);
  });

  it('generated variants of the shipped scenarios (norms, schedules, FTE, coverage, care need, intake, supervision)', () => {
    const rng = seedrandom('measure-property');
    const pick = <T>(xs: T[]): T => xs[Math.floor(rng() * xs.length)];
    const bases = SCENARIOS.filter((f) => !f.includes('riket'));
    let years = 0, reached = 0;
    for (let i = 0; i < 24; i++) {
      const file = pick(bases);
      const ns = pick([900, 1000, 1100, 1250, 1500]);
      const sets = [
        rng() < 0.5 ? `norms.specialist=${ns}` : `norms.specialist={schedule: {2000: ${ns}, ${2026 + Math.floor(rng() * 5)}: ${pick([1000, 1100])}}}`,
        `norms.st=${pick([400, 550, 700])}`,
        `specialists.fte=${(0.7 + rng() * 0.3).toFixed(3)}`,
        `population.coverageShare=${(0.6 + rng() * 0.4).toFixed(3)}`,
        `population.careNeedIndex=${(0.8 + rng() * 0.4).toFixed(3)}`,
        'st.targetHeadcount=null',
        'st.targetCompletions=null', // a plan path (stockholm-bilaga.yaml) excludes an intake too
        // A scenario with a `regions:` list gives its region's own intake: set that one (a default
        // the region overrides is refused, test/set-regions.test.ts).
        `${Array.isArray(loadDocument(join(ROOT, file), fileAccess).value.regions) ? 'regions[0].' : ''}st.intake=${Math.round(rng() * 400)}`,
      ];
      if (rng() < 0.5) sets.push(`st.trainingCapacity={maxTraineesPerSpecialistFte: ${(0.3 + rng()).toFixed(2)}, supervisionHoursPerWeek: ${Math.round(rng() * 8)}}`);
      let sc: LoadedScenario;
      try { sc = loadScenarioFile(join(ROOT, file), sets); } catch (e) { throw new Error(`${file} ${sets.join(' ')}: ${(e as Error).message}`); }
      const r = checkScenario(sc, 8, 100 + i);
      years += r.years; reached += r.reached;
    }
    // The variants must exercise both sides of the norm, or the property says little.
    expect(reached).toBeGreaterThan(0.1 * years);
    expect(reached).toBeLessThan(0.9 * years);
  });
});

describe('the headline in the output', () => {
  it('JSON: every year, region and total has doctorEquivalents and inhabitantsPerDoctorEquivalent, with quantiles in a Monte Carlo', async () => {
    const sc = loadScenarioFile(join(ROOT, 'scenarios/riket-2019.yaml'));
    const det = (await simulate(sc)) as RunOutput;
    const mc = (await simulate(sc, { runs: 60, seed: 3, workers: 1 })) as McRunOutput;
    for (const u of [...det.regions, det.total!]) for (const y of u.years) {
      expect(y.inhabitantsPerDoctorEquivalent).toBeGreaterThan(0);
      expect(y.doctorEquivalents! * (y.inhabitantsPerDoctorEquivalent as number)).toBeCloseTo(y.populationToCover as number, 3);
    }
    for (const u of [...mc.regions, mc.total!]) for (const y of u.years) {
      const q = y.quantiles.inhabitantsPerDoctorEquivalent!;
      expect(q.p10).toBeLessThanOrEqual(q.p50!);
      expect(q.p50).toBe(y.inhabitantsPerDoctorEquivalent);
      expect(y.quantiles.doctorEquivalents!.p50).toBe(y.doctorEquivalents);
    }
  });

  it('Halland 2034: Tabell 1’s measure is under 1100 while the target is not reached; the headline is over it', async () => {
    const out = (await simulate(loadScenarioFile(join(ROOT, 'scenarios/halland.yaml')))) as RunOutput;
    const last = out.regions[0].years.at(-1)!;
    expect(last.reached).toBe(0);
    expect(last.inhabitantsPerDoctor).toBeLessThan(1100);
    expect(last.inhabitantsPerDoctorEquivalent).toBeGreaterThan(1100);
    // doctor equivalents from the documented parts: specialist FTE less supervision, listable ST × 550/1100, others × their norm/1100
    const parts = Math.max(0, last.specialistsFte! - last.supervisionFte!) + last.listableStFte! * (last.normSt! / last.normSpecialist!) + last.capacityOther! / last.normSpecialist!;
    expect(last.doctorEquivalents).toBeCloseTo(parts, 9);
  });
});
