import { describe, expect, it } from 'vitest';
import { FIELD_KEYS } from '../model/fields.js';
import type { RegionOutput, RunOutput, YearRow } from '../model/results.js';
import { csvField, renderCsv, spreadsheetCsv } from '../viz/csv.js';
import { texts } from '../viz/texts/index.js';
import { parseCsv } from './helpers.js';

/** A region whose every field has a distinct awkward value; flows and costs null in the base year. */
function region(name: string, years: number[], seed: number, costs = true): RegionOutput {
  const rows = years.map((year, t) => {
    const row = { year } as YearRow;
    FIELD_KEYS.forEach((k, i) => {
      row[k] = (seed + i + t) / 7 * 1234.5678 + (i % 3 === 0 ? 1e-9 : 0);
    });
    row.reached = t % 2;
    row.reachedSpecialistsOnly = 0;
    row.netIncreaseSpecialists = t === 0 ? null : -(0.1 + 0.2) * t;
    row.stStarts = t === 0 ? null : 1 / 3;
    row.specialistGap = -0; // prints as 0
    row.population = 2374550;
    if (!costs) row.cost = row.costIncrease = row.netCostIncrease = row.cumulativeCost = null;
    return row;
  });
  return { name, reachedYear: null, sustainedFrom: null, reachedYearSpecialistsOnly: null, sustainedFromSpecialistsOnly: null, years: rows };
}

function output(regions: RegionOutput[], total?: RegionOutput): RunOutput {
  return {
    scenario: { name: 's', description: '', countBasis: 'all-sectors' },
    version: '0.1.0', mode: 'deterministic', startYear: 2024, endYear: 2026, regions, ...(total ? { total } : {}),
  };
}

const YEARS = [2024, 2025, 2026];

describe('renderCsv', () => {
  const a = region('Region Stockholm', YEARS, 1);
  const b = region('Västra Götaland, "VGR"\nväst', YEARS, 50, false);
  const tot = region('Totalt', YEARS, 99);
  const out = output([a, b], tot);
  const csv = renderCsv(out);

  it('has the header region,year,<every field key in fields.ts order>', () => {
    const header = csv.slice(0, csv.indexOf('\n'));
    expect(header).toBe(['region', 'year', ...FIELD_KEYS].join(','));
    expect(header.split(',').length).toBe(2 + FIELD_KEYS.length);
  });

  it('has one row per region and year, then the total, with \\n line ends', () => {
    expect(csv.endsWith('\n')).toBe(true);
    expect(csv).not.toContain('\r');
    const rows = parseCsv(csv);
    expect(rows.length).toBe(1 + 3 * 3);
    for (const r of rows) expect(r.length).toBe(2 + FIELD_KEYS.length);
    expect(rows.slice(1).map((r) => [r[0], r[1]])).toEqual([
      ['Region Stockholm', '2024'], ['Region Stockholm', '2025'], ['Region Stockholm', '2026'],
      [b.name, '2024'], [b.name, '2025'], [b.name, '2026'],
      ['Totalt', '2024'], ['Totalt', '2025'], ['Totalt', '2026'],
    ]);
  });

  it('quotes values with commas, quotes and newlines', () => {
    expect(csvField('plain')).toBe('plain');
    expect(csvField('a,b')).toBe('"a,b"');
    expect(csvField('say "hi"')).toBe('"say ""hi"""');
    expect(csvField('two\nlines')).toBe('"two\nlines"');
    expect(csv).toContain('\n"Västra Götaland, ""VGR""\nväst",2024,');
  });

  it('round-trips every number at full precision; null is an empty cell', () => {
    const rows = parseCsv(csv).slice(1);
    const all = [a, b, tot].flatMap((r) => r.years);
    expect(rows.length).toBe(all.length);
    rows.forEach((r, i) => {
      expect(Number(r[1])).toBe(all[i].year);
      FIELD_KEYS.forEach((k, j) => {
        const v = all[i][k];
        const cell = r[2 + j];
        if (v === null) expect(cell, k).toBe('');
        else expect(Number(cell), k).toBe(v === 0 ? 0 : v); // -0 is written as 0
      });
    });
  });

  it('writes machine-readable numbers: point decimal, no separators, flags 1/0, no negative zero', () => {
    const rows = parseCsv(csv).slice(1);
    const col = (k: string) => 2 + FIELD_KEYS.indexOf(k as (typeof FIELD_KEYS)[number]);
    expect(rows.map((r) => r[col('reached')])).toEqual(['0', '1', '0', '0', '1', '0', '0', '1', '0']);
    expect(rows[0][col('population')]).toBe('2374550');
    expect(rows[0][col('stStarts')]).toBe('');
    expect(rows[0][col('netIncreaseSpecialists')]).toBe('');
    expect(rows[1][col('stStarts')]).toBe(String(1 / 3));
    expect(rows[2][col('netIncreaseSpecialists')]).toBe(String(-(0.1 + 0.2) * 2));
    expect(rows[0][col('specialistGap')]).toBe('0');
    expect(rows[3][col('cost')]).toBe('');
    expect(rows[3][col('cumulativeCost')]).toBe('');
    for (const r of rows) for (const c of r.slice(1)) expect(c).toMatch(/^(-?\d+(\.\d+)?(e[-+]\d+)?)?$/);
  });

  it('works without a total and for an empty output', () => {
    const one = renderCsv(output([a]));
    expect(parseCsv(one).length).toBe(4);
    expect(renderCsv(output([]))).toBe(['region', 'year', ...FIELD_KEYS].join(',') + '\n');
  });
});

describe('renderCsv for Swedish Excel (spreadsheetCsv)', () => {
  const a = region('Region Stockholm; norr', YEARS, 1);
  const csv = renderCsv(output([a]), spreadsheetCsv(texts('sv')));
  const lines = csv.slice(1).trimEnd().split('\n');
  const cells = (l: string) => l.split(/;(?=(?:[^"]*"[^"]*")*[^"]*$)/);

  it('starts with a byte-order mark and separates cells with semicolons', () => {
    expect(csv.charCodeAt(0)).toBe(0xfeff);
    expect(cells(lines[0]).length).toBe(2 + FIELD_KEYS.length);
    expect(cells(lines[1]).length).toBe(2 + FIELD_KEYS.length);
    expect(cells(lines[1])[0]).toBe('"Region Stockholm; norr"');
  });

  it('has Swedish headers and no English field keys', () => {
    expect(cells(lines[0]).slice(0, 3)).toEqual(['Region', 'År', `${texts('sv').fields.label('population')} (${texts('sv').fields.unit('population')})`]);
    for (const k of ['population', 'specialistsFte', 'cumulativeCost']) expect(lines[0]).not.toMatch(new RegExp(`(^|;)${k}(;|$)`));
  });

  it('writes decimal commas, rounded by unit (people 1 decimal, shares 4, kronor whole)', () => {
    const row = cells(lines[2]);
    const at = (k: (typeof FIELD_KEYS)[number]) => row[2 + FIELD_KEYS.indexOf(k)];
    expect(csv).not.toMatch(/\d\.\d/);
    expect(at('population')).toBe('2374550,0');
    expect(at('specialists')).toMatch(/^\d+,\d$/);
    expect(at('coverage')).toMatch(/^\d+,\d{4}$/);
    expect(at('cost')).toMatch(/^\d+$/);
    expect(at('specialistGap')).toBe('0,0'); // -0 prints without a sign
    expect(Number(at('specialists').replace(',', '.'))).toBeCloseTo(a.years[1].specialists as number, 1);
  });

  it('leaves English CSV the machine format', () => {
    expect(renderCsv(output([a]), spreadsheetCsv(texts('en')))).toBe(renderCsv(output([a])));
  });
});
