/**
 * Every shipped scenario validates, runs, and leaves its input unchanged (Vega-Lite's
 * examples-as-tests); the 2019 base year of riket-2019 reproduces Socialstyrelsen's Tabell 1.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadScenarioFile } from '../api/load.js';
import { expectedRun } from '../model/params.js';
import { project } from '../model/project.js';
import { toOutput } from '../model/results.js';
import { tabell1Rows } from '../viz/tabell1.js';

const dir = join(import.meta.dirname, '..', 'scenarios');
const files = readdirSync(dir).filter((f) => f.endsWith('.yaml')).sort();

const snapshot = (v: unknown) => JSON.stringify(v, (_k, x) => (ArrayBuffer.isView(x) ? Array.from(x as Float64Array) : x));

describe('shipped scenarios', () => {
  it('are there', () => {
    expect(files).toEqual(expect.arrayContaining(['halland.yaml', 'riket-2019.yaml', 'stockholm-handlingsplan.yaml']));
  });

  for (const f of files) {
    it(`${f} validates, runs, and leaves its input unchanged`, () => {
      const path = join(dir, f);
      const bytes = readFileSync(path);
      const sc = loadScenarioFile(path);
      const inputBefore = snapshot(sc.input);
      const cfg = expectedRun(sc.input);
      const cfgBefore = snapshot(cfg);
      const p = project(cfg, sc.input.total);
      const out = toOutput(p, { name: sc.meta.name, description: '', countBasis: sc.meta.countBasis }, 'test');
      expect(snapshot(sc.input)).toBe(inputBefore);
      expect(snapshot(cfg)).toBe(cfgBefore);
      expect(readFileSync(path).equals(bytes)).toBe(true);
      for (const r of out.regions) {
        expect(r.years.length).toBe(sc.input.endYear - sc.input.startYear + 1);
        for (const y of r.years) {
          for (const k of ['population', 'specialists', 'st', 'capacity', 'inhabitantsPerDoctor'] as const) {
            expect(Number.isFinite(y[k]), `${r.name} ${y.year} ${k}`).toBe(true);
            expect(y[k]!).toBeGreaterThan(0);
          }
        }
      }
    });

    it(`${f}: every number names a source (or is a documented default)`, () => {
      const sc = loadScenarioFile(join(dir, f));
      const unsourced = sc.meta.assumptions.filter((a) => a.kind === 'unsourced').map((a) => `${a.region ?? '*'} ${a.path}`);
      expect(unsourced).toEqual([]);
    });
  }
});

// Socialstyrelsen, Nationellt riktvärde för fast läkarkontakt (2022), Tabell 1, as published:
// county, count (specialists incl. available ST), population 1 Nov 2019, inhabitants per
// specialist, difference to 1100, 55 % column.
const TABELL_1: [string, number, number, number, number, number][] = [
  ['Stockholms län', 1882, 2374550, 1262, 162, 694],
  ['Uppsala län', 277, 383044, 1383, 283, 761],
  ['Södermanlands län', 201, 297169, 1478, 378, 813],
  ['Östergötlands län', 355, 465214, 1310, 210, 721],
  ['Jönköpings län', 305, 363351, 1191, 91, 655],
  ['Kronobergs län', 155, 201290, 1299, 199, 714],
  ['Kalmar län', 183, 245415, 1341, 241, 738],
  ['Gotlands län', 42, 59636, 1420, 320, 781],
  ['Blekinge län', 99, 159748, 1614, 514, 887],
  ['Skåne län', 1090, 1376659, 1263, 163, 695],
  ['Hallands län', 268, 333202, 1243, 143, 684],
  ['Västra Götalands län', 1288, 1724529, 1339, 239, 736],
  ['Värmlands län', 206, 282342, 1371, 271, 754],
  ['Örebro län', 215, 304634, 1417, 317, 779],
  ['Västmanlands län', 190, 275634, 1451, 351, 798],
  ['Dalarnas län', 221, 287795, 1302, 202, 716],
  ['Gävleborgs län', 225, 287333, 1277, 177, 702],
  ['Västernorrlands län', 136, 245380, 1804, 704, 992],
  ['Jämtlands län', 132, 130697, 990, -110, 545],
  ['Västerbottens län', 224, 271621, 1213, 113, 667],
  ['Norrbottens län', 171, 250230, 1463, 363, 805],
];
const RIKET: [number, number, number, number, number] = [7855, 10319473, 1314, 214, 723];

describe('Tabell 1 (riket-2019, base year 2019)', () => {
  const sc = loadScenarioFile(join(dir, 'riket-2019.yaml'));
  const out = toOutput(project(expectedRun(sc.input), sc.input.total), { name: sc.meta.name, description: '', countBasis: sc.meta.countBasis }, 'test');
  const base = { ...out, regions: out.regions.map((r) => ({ ...r, years: r.years.slice(0, 1) })), total: out.total && { ...out.total, years: out.total.years.slice(0, 1) } };
  const rows = tabell1Rows(base, sc.meta.totalReported);

  it('has all 21 counties in the published order', () => {
    expect(out.regions.map((r) => r.name)).toEqual(TABELL_1.map((r) => r[0]));
  });

  it.each(TABELL_1)('%s: count %i, population %i → %i, %i, %i', (name, count, pop, per, diff, c55) => {
    const row = rows.find((r) => r.name === name)!;
    expect(row.population).toBe(pop);
    expect(row.count).toBeCloseTo(count, 9);
    expect([row.perSpecialist, row.diff1100, row.col55]).toEqual([per, diff, c55]);
    // The model's own measure agrees: inhabitants per doctor = population / (specialists + listable ST).
    const y = out.regions.find((r) => r.name === name)!.years[0];
    expect(Math.round(y.inhabitantsPerDoctor!)).toBe(per);
  });

  it('national row (published count 7 855) → 1314, 214, 723', () => {
    const row = rows.find((r) => r.kind === 'published')!;
    expect([row.count, row.population, row.perSpecialist, row.diff1100, row.col55]).toEqual(RIKET);
  });

  it('the computed sum of the counties is 7 865 (the published row says 7 855)', () => {
    const row = rows.find((r) => r.kind === 'total')!;
    expect(Math.round(row.count)).toBe(7865);
    expect(row.population).toBe(RIKET[1]);
  });
});
