import { describe, expect, it } from 'vitest';
import { FIELD_KEYS, type FieldKey } from '../model/fields.js';
import type { RegionOutput, RunOutput } from '../model/results.js';
import { fmtInt, fmtMkr, fmtNum, fmtPct, fmtSigned, MINUS, wrapText } from '../viz/format.js';
import { texts } from '../viz/texts/index.js';
import { renderTable } from '../viz/table.js';
import { renderTabell1, tabell1Rows } from '../viz/tabell1.js';
import { regionOf, totalOf, type PathSpec } from './fixtures.js';
import { layoutProblems, yearHeaders } from './helpers.js';

// ---------------------------------------------------------------- fixtures

/** Stockholm-like: consistent stocks, fractional expected values, null flows in the base year. */
const STOCKHOLM: PathSpec = {
  name: 'Region Stockholm', pop0: 2473307, popGrowth: 0.008, spec0: 1080.4, specGrowth: 45.3, st0: 706, stGrowth: 20.6, fte: 0.9, stPerListable: 3,
  flows: { stPosts: 140, stStarts: 131.7, stUnfilledByCap: 0, stDropouts: 0, stCompletions: 111.1, newSpecialistsStaying: 99.99, recruitment: 0, retirements: 40.2, otherExits: 14.49 },
};
type RegionSpec = Partial<PathSpec>;
/** A region built by the real output builder (model/results.ts regionOutput). */
const makeRegion = (s: RegionSpec = {}): RegionOutput => regionOf({ ...STOCKHOLM, ...s });
/** A total as model/project.ts forms it. */
const sumRegions = totalOf;

function makeOutput(regions: RegionOutput[], total?: RegionOutput): RunOutput {
  const ys = regions[0].years;
  return {
    scenario: { name: 'Stockholms handlingsplan', description: 'test', countBasis: 'health-centres' },
    version: '0.1.0-test',
    mode: 'deterministic',
    startYear: ys[0].year,
    endYear: ys[ys.length - 1].year,
    regions,
    ...(total ? { total } : {}),
  };
}

const small = (over: RegionSpec = {}) => makeRegion({ name: 'Region Gotland', pop0: 61000, popGrowth: 0, spec0: 40, specGrowth: 1.5, st0: 30, stGrowth: 0, fte: 1, ...over });

// ---------------------------------------------------------------- format

describe('format', () => {
  it('formats whole numbers with sv space / en comma thousands', () => {
    expect(fmtInt(1100, 'sv')).toBe('1 100');
    expect(fmtInt(1100, 'en')).toBe('1,100');
    expect(fmtInt(2374550, 'sv')).toBe('2 374 550');
    expect(fmtInt(10319473, 'en')).toBe('10,319,473');
    expect(fmtInt(999.5, 'sv')).toBe('1 000');
    expect(fmtInt(12, 'sv')).toBe('12');
  });

  it('uses a decimal comma in sv and a point in en', () => {
    expect(fmtNum(0.87, 'sv', 2)).toBe('0,87');
    expect(fmtNum(0.87, 'en', 2)).toBe('0.87');
    expect(fmtNum(1234.56, 'sv', 1)).toBe('1 234,6');
    expect(fmtNum(1234.56, 'en', 1)).toBe('1,234.6');
  });

  it('formats percents, million kronor and signed numbers', () => {
    expect(fmtPct(0.125, 'sv', 1)).toBe('12,5 %');
    expect(fmtPct(0.58, 'sv')).toBe('58 %');
    expect(fmtPct(0.58, 'en')).toBe('58%');
    expect(fmtMkr(12_345_678, 'sv')).toBe('12,3 mnkr');
    expect(fmtMkr(12_345_678, 'en')).toBe('SEK 12.3 m');
    expect(fmtMkr(-2_500_000, 'sv')).toBe(`${MINUS}2,5 mnkr`);
    expect(fmtSigned(12, 'sv')).toBe('+12');
    expect(fmtSigned(-3, 'sv')).toBe('\u22123');
    expect(fmtSigned(-3, 'en')).toBe('-3');
    expect(fmtSigned(-1234.4, 'sv')).toBe('\u22121 234');
    expect(fmtNum(-3.25, 'sv', 1)).toBe('\u22123,3');
  });

  it('prints missing values as an en dash and never a negative zero', () => {
    for (const lang of ['sv', 'en'] as const) {
      expect(fmtInt(null, lang)).toBe('–');
      expect(fmtNum(NaN, lang, 2)).toBe('–');
      expect(fmtNum(Infinity, lang)).toBe('–');
      expect(fmtPct(undefined, lang)).toBe('–');
      expect(fmtMkr(null, lang)).toBe('–');
      expect(fmtSigned(null, lang)).toBe('–');
      expect(fmtInt(-0, lang)).toBe('0');
      expect(fmtInt(-0.4, lang)).toBe('0');
      expect(fmtNum(-0.04, lang, 1)).toBe(lang === 'sv' ? '0,0' : '0.0');
      expect(fmtSigned(-0.2, lang)).toBe('0');
      expect(fmtSigned(0, lang)).toBe('0');
    }
  });

  it('wraps text without exceeding the width', () => {
    const lines = wrapText('Riktvärdet 1100/550 (kapacitet ≥ befolkning att täcka) nås första gången 2031 och håller från 2031 till 2034.', 40);
    expect(lines.length).toBeGreaterThan(1);
    for (const l of lines) expect([...l].length).toBeLessThanOrEqual(40);
    expect(lines.join(' ')).toContain('håller från 2031 till 2034.');
  });
});

// ---------------------------------------------------------------- labels

describe('labels', () => {
  it('has a label and a unit for every field in both languages', () => {
    for (const k of FIELD_KEYS) {
      for (const lang of ['sv', 'en'] as const) {
        expect(texts(lang).fields.label(k).length, `${k} ${lang}`).toBeGreaterThan(0);
        expect(texts(lang).fields.unit(k).length, `${k} ${lang}`).toBeGreaterThan(0);
      }
    }
    expect(texts('sv').fields.label('populationToCover')).toBe('Befolkning att täcka');
    expect(texts('sv').fields.label('listableSt')).toBe('Listningsbara ST-läkare');
    expect(texts('sv').fields.rowLabel('costIncrease')).toBe('Merkostnad mot basåret (mnkr)');
    expect(texts('en').fields.rowLabel('costIncrease')).toBe('Cost above base year (SEK m)');
    expect(texts('sv').fields.rowLabel('specialists')).toBe('Specialister i allmänmedicin (antal)');
    expect(texts('sv').fields.rowLabel('specialistGap')).toBe('Specialistunderskott (heltider)');
    expect(texts('sv').fields.groupTitle('workforce')).toBe('Bemanning');
    expect(texts('sv').fields.groupTitle('flows')).toBe('Flöden');
  });

  const norm = { specialist: 1100, st: 550 };
  it('writes the reached sentences (reached and held / reached, not held / never)', () => {
    expect(texts('en').tables.reached({ reachedYear: 2031, sustainedFrom: 2031, endYear: 2034, norm }))
      .toBe('The 1100/550 target (capacity ≥ population to cover) is first reached in 2031 and holds from 2031 to 2034.');
    expect(texts('sv').tables.reached({ reachedYear: 2031, sustainedFrom: 2031, endYear: 2034, norm }))
      .toBe('Riktvärdet 1100/550 (kapacitet ≥ befolkning att täcka) nås första gången 2031 och håller från 2031 till 2034.');
    expect(texts('en').tables.reached({ reachedYear: 2029, sustainedFrom: null, endYear: 2034, norm }))
      .toBe('The 1100/550 target (capacity ≥ population to cover) is reached in 2029 but does not hold to 2034.');
    expect(texts('sv').tables.reached({ reachedYear: 2029, sustainedFrom: null, endYear: 2034, norm }))
      .toBe('Riktvärdet 1100/550 (kapacitet ≥ befolkning att täcka) nås 2029 men håller inte till och med 2034.');
    expect(texts('en').tables.reached({ reachedYear: null, sustainedFrom: null, endYear: 2034, norm }))
      .toBe('The 1100/550 target (capacity ≥ population to cover) is not reached by 2034.');
    expect(texts('sv').tables.reached({ reachedYear: null, sustainedFrom: null, endYear: 2034, norm }))
      .toBe('Riktvärdet 1100/550 (kapacitet ≥ befolkning att täcka) nås inte till och med 2034.');
    expect(texts('en').tables.reached({ reachedYear: 2027, sustainedFrom: 2030, endYear: 2034, norm: { specialist: 1500, st: 750 } }))
      .toBe('The 1500/750 target (capacity ≥ population to cover) is first reached in 2027 and holds from 2030 to 2034.');
    expect(texts('en').tables.reached({ reachedYear: null, sustainedFrom: null, endYear: 2034, norm: null }))
      .toBe('The norm (capacity ≥ population to cover) is not reached by 2034.');
  });

  it('writes the specialists-only sentences', () => {
    expect(texts('sv').tables.reachedSpecialistsOnly({ reachedYear: 2033, sustainedFrom: 2033, endYear: 2034, norm }))
      .toBe('Riktvärdet 1100 med enbart specialister (specialisternas kapacitet ≥ befolkning att täcka) nås första gången 2033 och håller från 2033 till 2034.');
    expect(texts('en').tables.reachedSpecialistsOnly({ reachedYear: null, sustainedFrom: null, endYear: 2034, norm }))
      .toBe('The 1100 target with specialists alone (specialist capacity ≥ population to cover) is not reached by 2034.');
  });
});

// ---------------------------------------------------------------- table

describe('renderTable', () => {
  for (const lang of ['sv', 'en'] as const) {
    it(`fits 120 columns for an 11-year horizon (${lang})`, () => {
      const s = renderTable(makeOutput([makeRegion()]), texts(lang));
      expect(layoutProblems(s)).toEqual([]);
      const blocks = yearHeaders(s);
      expect(blocks.flat()).toEqual(Array.from({ length: 11 }, (_, i) => 2024 + i));
      expect(s).toContain(lang === 'sv' ? 'förväntade värden (deterministisk)' : 'expected values (deterministic)');
      expect(s).toContain(lang === 'sv' ? 'Modellversion: 0.1.0-test' : 'Model version: 0.1.0-test');
    });

    it(`splits a 30-year horizon into stacked blocks within 120 columns (${lang})`, () => {
      const s = renderTable(makeOutput([makeRegion({ years: 30 })]), texts(lang));
      expect(layoutProblems(s)).toEqual([]);
      const blocks = yearHeaders(s);
      expect(blocks.length).toBeGreaterThan(1);
      expect(blocks.flat()).toEqual(Array.from({ length: 30 }, (_, i) => 2024 + i));
      // each block repeats the label column
      const lab = lang === 'sv' ? /^ {2}Befolkning att täcka {2}/ : /^ {2}Population to cover {2}/;
      expect(s.split('\n').filter((l) => lab.test(l)).length).toBe(blocks.length);
      // blocks are balanced
      const sizes = blocks.map((b) => b.length);
      expect(Math.max(...sizes) - Math.min(...sizes)).toBeLessThanOrEqual(1);
    });
  }

  it('also fits a narrow width', () => {
    const s = renderTable(makeOutput([makeRegion({ years: 30 })]), texts('sv'), { width: 72 });
    expect(layoutProblems(s, 72)).toEqual([]);
    expect(yearHeaders(s).flat().length).toBe(30);
  });

  it('formats cells in Swedish: thousands space, minus sign, en dash in the base year', () => {
    const r = makeRegion({ specGrowth: -3.2, stGrowth: -2 });
    const s = renderTable(makeOutput([r]), texts('sv'));
    const line = (start: string) => s.split('\n').find((l) => l.startsWith(start))!;
    expect(line('  Befolkning  ')).toMatch(/ 2 473 307 /);
    expect(line('  Nettoökning specialister')).toMatch(/^ {2}Nettoökning specialister \(antal\/år\)\s+– {2}/);
    expect(line('  Nettoökning specialister')).toContain('\u22123');
    expect(line('  Täckningsgrad (%)')).toMatch(/\d+,\d/);
    expect(line('  Nettokostnadsökning (mnkr)')).toMatch(/–\s+\u2212\d/);
    expect(s).not.toMatch(/\u001b/);
  });

  it('writes the reached sentences under the table, with norms from the data', () => {
    const reached = small(); // 40·1100 + 10·550 = 49 500 < 61 000, +1.5·1100 per year → reached in 2031
    expect(reached.reachedYear).toBe(2031);
    const s = renderTable(makeOutput([reached]), texts('en'));
    expect(s).toContain('The 1100/550 target (capacity ≥ population to cover) is first reached in 2031 and holds from 2031 to 2034.');
    expect(s).toContain('The 1100 target with specialists alone (specialist capacity ≥ population to cover) is not reached by 2034.');

    const never = renderTable(makeOutput([makeRegion()]), texts('sv'));
    expect(never.replace(/\n/g, ' ')).toContain('Riktvärdet 1100/550 (kapacitet ≥ befolkning att täcka) nås inte till och med 2034.');

    const dip = small();
    dip.years[9].reached = 0; // reached 2031, lost 2033, back 2034
    Object.assign(dip, { reachedYear: 2031, sustainedFrom: 2034 });
    expect(renderTable(makeOutput([dip]), texts('en'))).toContain('is first reached in 2031 and holds from 2034 to 2034.');
    Object.assign(dip, { reachedYear: 2031, sustainedFrom: null });
    expect(renderTable(makeOutput([dip]), texts('sv')).replace(/\n/g, ' ')).toContain('nås 2031 men håller inte till och med 2034.');

    const stepped = small({ normSpecialist: (t) => (t < 5 ? 1500 : 1100) });
    expect(renderTable(makeOutput([stepped]), texts('en'))).toContain('The norm (capacity ≥ population to cover)');
    const other = makeOutput([small(), small({ name: 'Region Värmland', normSpecialist: 1500 })]);
    expect(renderTable(other, texts('sv'))).toContain('Riktvärdet (kapacitet ≥ befolkning att täcka)');
  });

  it('leaves out the cost group, with a note, when costs are missing', () => {
    const without = renderTable(makeOutput([makeRegion({ costs: false })]), texts('sv'));
    expect(without.split('\n')).not.toContain('Kostnad');
    expect(without).not.toContain('Merkostnad');
    expect(without).toContain('Kostnader visas inte: scenariot saknar kostnadsantaganden.');
    const withCosts = renderTable(makeOutput([makeRegion()]), texts('sv'));
    expect(withCosts.split('\n')).toContain('Kostnad');
    expect(withCosts).toContain('Merkostnad mot basåret (mnkr)');
    expect(withCosts).toContain('Ackumulerad merkostnad (mnkr)');
    expect(withCosts).not.toContain('Kostnader visas inte');
    const en = renderTable(makeOutput([makeRegion({ costs: false })]), texts('en'));
    expect(en).toContain('Costs are not shown');
  });

  it('shows other listable specialists only when there are any', () => {
    expect(renderTable(makeOutput([makeRegion()]), texts('sv'))).not.toContain('Övriga listningsbara specialister');
    expect(renderTable(makeOutput([makeRegion({ others: 12 })]), texts('sv'))).toContain('Övriga listningsbara specialister (antal)');
  });

  it('shows the default groups in order and honours a field list', () => {
    const s = renderTable(makeOutput([makeRegion()]), texts('sv'));
    const titles = s.split('\n').filter((l) => ['Befolkning', 'Bemanning', 'Flöden', 'Kapacitet', 'Kostnad'].includes(l));
    expect(titles).toEqual(['Befolkning', 'Bemanning', 'Flöden', 'Kapacitet', 'Kostnad', 'Befolkning', 'Bemanning', 'Flöden', 'Kapacitet', 'Kostnad']);
    for (const k of ['population', 'specialists', 'st', 'listableSt', 'stStarts', 'stCompletions', 'newSpecialistsStaying', 'retirements', 'otherExits', 'capacity', 'coverage', 'inhabitantsPerDoctor', 'specialistGap', 'cumulativeCost'] as FieldKey[]) {
      expect(s, k).toContain(texts('sv').fields.rowLabel(k));
    }
    const only = renderTable(makeOutput([makeRegion()]), texts('en'), { fields: ['inhabitantsPerDoctor', 'population'] });
    const rows = only.split('\n').filter((l) => l.startsWith('  '));
    expect(rows.every((l) => l.startsWith('  Population') || l.startsWith('  Inhabitants per doctor') || /^\s+\d{4}/.test(l))).toBe(true);
    expect(only.split('\n').filter((l) => l === 'Population' || l === 'Capacity').length).toBe(4); // 2 blocks × 2 groups
  });

  it('renders the total first (the headline answer), then each region, for up to 4 regions', () => {
    const a = makeRegion({ name: 'Region Stockholm' }), b = small({ name: 'Region Halland', pop0: 343746 });
    const s = renderTable(makeOutput([a, b], sumRegions('Totalt', [a, b])), texts('sv'));
    expect(layoutProblems(s)).toEqual([]);
    const titles = s.split('\n').filter((l) => l.startsWith('Stockholms handlingsplan — '));
    expect(titles).toEqual([
      'Stockholms handlingsplan — Totalt — förväntade värden (deterministisk)',
      'Stockholms handlingsplan — Region Stockholm — förväntade värden (deterministisk)',
      'Stockholms handlingsplan — Region Halland — förväntade värden (deterministisk)',
    ]);
    expect(s).toContain('\n\nStockholms handlingsplan — Region Halland');
    // the total's population is the sum
    const totalPart = s.slice(s.indexOf('— Totalt —'), s.indexOf('— Region Stockholm —'));
    expect(totalPart).toContain(fmtInt(2473307 + 343746, 'sv'));
  });

  it('renders an overview plus the total in full for more than 4 regions', () => {
    const regions = ['Stockholm', 'Uppsala', 'Södermanland', 'Östergötland', 'Jönköping', 'Kronoberg'].map((n, i) =>
      small({ name: `Region ${n}`, pop0: 60000 + 5000 * i }));
    const s = renderTable(makeOutput(regions, sumRegions('Riket', regions)), texts('en'));
    expect(layoutProblems(s)).toEqual([]);
    const lines = s.split('\n');
    for (const r of regions) expect(lines.filter((l) => l.startsWith(r.name + ' ')).length, r.name).toBe(1);
    expect(lines.filter((l) => l.startsWith('Stockholms handlingsplan — ') && l.includes('expected values')).length).toBe(2); // overview + total
    expect(s).toContain('Stockholms handlingsplan — Riket — expected values (deterministic)');
    expect(s.indexOf('overview by region')).toBeLessThan(s.indexOf('— Riket —'));
    const gotland = lines.find((l) => l.startsWith('Region Stockholm '))!;
    expect(gotland).toMatch(/2031\s+2031$/);
    expect(lines.find((l) => l.startsWith('Riket '))).toBeTruthy();
  });
});

// ---------------------------------------------------------------- Tabell 1

describe('Tabell 1', () => {
  /** A one-year region with given count (specialists + listable ST) and population. */
  const t1 = (name: string, count: number, population: number): RegionOutput => {
    const r = makeRegion({ name, years: 1, startYear: 2019, pop0: population, spec0: count * 0.75, st0: count * 0.75 });
    return r; // listableSt = st/3 = count/4, specialists = 3·count/4
  };
  const stockholm = t1('Stockholms län', 1882, 2374550);
  const jamtland = t1('Jämtlands län', 132, 130697);
  const out = makeOutput([stockholm, jamtland]);
  const reported = { headcountInclListableSt: 7855, population: 10319473 };

  it('reproduces real Tabell 1 rows', () => {
    const rows = tabell1Rows(out, reported);
    const byName = Object.fromEntries(rows.map((r) => [r.name, r]));
    expect(byName['Stockholms län']).toMatchObject({ count: 1882, population: 2374550, perSpecialist: 1262, diff1100: 162, col55: 694 });
    expect(byName['Jämtlands län']).toMatchObject({ count: 132, population: 130697, perSpecialist: 990, diff1100: -110, col55: 545 });
    expect(byName['Riket (publicerat)']).toMatchObject({ count: 7855, population: 10319473, perSpecialist: 1314, diff1100: 214, col55: 723, kind: 'published' });
    expect(byName['Summa']).toMatchObject({ count: 2014, population: 2374550 + 130697, kind: 'total' });
    expect(rows.map((r) => r.kind)).toEqual(['region', 'region', 'total', 'published']);
    expect(tabell1Rows(out, null).map((r) => r.kind)).toEqual(['region', 'region', 'total']);
  });

  it('uses the output total and names the published row in English', () => {
    const o = makeOutput([stockholm, jamtland], sumRegions('Riket', [stockholm, jamtland]));
    const rows = tabell1Rows(o, { headcountInclListableSt: 7855 }, texts('en'));
    expect(rows.map((r) => r.name)).toEqual(['Stockholms län', 'Jämtlands län', 'Riket (sum)', 'National (published)']);
    expect(rows[3].population).toBe(2374550 + 130697);
    expect(tabell1Rows(o, null).map((r) => r.name)).toEqual(['Stockholms län', 'Jämtlands län', 'Riket']);
  });

  it('renders the table with headings, the published row and the note', () => {
    const s = renderTabell1(out, texts('sv'), reported);
    expect(layoutProblems(s)).toEqual([]);
    const flat = s.replace(/\s+/g, ' ');
    const head = s.split('\n').slice(0, s.split('\n').findIndex((l) => l.startsWith('---'))).join(' ').split(/\s+/);
    for (const h of ['Region', 'Antal specialister i allmänmedicin (inkl. tillgängliga ST-läkare)', 'Befolkning', 'Antal invånare per specialist', 'Differens riktvärde (1100)', '55 procent av antalet invånare per specialist']) {
      for (const w of h.split(' ')) expect(head, h).toContain(w);
    }
    const line = (start: string) => s.split('\n').find((l) => l.startsWith(start))!;
    expect(line('Stockholms län').split(/\s{2,}/)).toEqual(['Stockholms län', '1 882', '2 374 550', '1 262', '162', '694']);
    expect(line('Jämtlands län').split(/\s{2,}/)).toEqual(['Jämtlands län', '132', '130 697', '990', '\u2212110', '545']);
    expect(line('Riket (publicerat)').split(/\s{2,}/)).toEqual(['Riket (publicerat)', '7 855', '10 319 473', '1 314', '214', '723']);
    expect(flat).toContain('regionerna summerar till 2 014 specialister');
    expect(flat).toContain('anger 7 855');
    const en = renderTabell1(out, texts('en'), reported);
    expect(layoutProblems(en)).toEqual([]);
    expect(en).toContain('National (published)');
    expect(en.replace(/\s+/g, ' ')).toContain('the regions sum to 2,014 specialists');
    expect(renderTabell1(out, texts('sv'))).not.toContain('publicerat');
  });
});
