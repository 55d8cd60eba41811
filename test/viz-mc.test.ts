import { describe, expect, it } from 'vitest';
import { FIELD_KEYS, outputFields, type FieldKey } from '../model/fields.js';
import type { McRegionOutput, McRunOutput, McYearRow, Stats } from '../model/mcresults.js';
import { STAT_NAMES } from '../model/quantiles.js';
import { fmtProb, MINUS } from '../viz/format.js';
import { mcReachedInfo, texts } from '../viz/texts/index.js';
import { mcCsvHeader, renderMcCsv } from '../viz/mccsv.js';
import { formatMcCell, mcDefaultFields, renderMcTable } from '../viz/mctable.js';
import { mcRegionOf, steps, type McSpec } from './fixtures.js';
import { parseCsv, layoutProblems, yearHeaders } from './helpers.js';

// ---------------------------------------------------------------- fixtures

/**
 * A hand-made Monte Carlo region, Stockholm-like: consistent medians, quantiles widening with the
 * years, shaped by the real builder (model/mcresults.ts unitOutput) from its summary.
 */
function makeMcRegion(s: Partial<McSpec> & { norm?: number } = {}): McRegionOutput {
  return mcRegionOf({
    name: 'Region Stockholm', pop0: 2473307, popGrowth: 0.008, spec0: 1080.4, specGrowth: 45.3, st0: 706, stGrowth: 20.6, fte: 0.9, stPerListable: 3,
    flows: { stPosts: 140, stStarts: 131.7, stUnfilledByCap: 0, stDropouts: 0, stCompletions: 111.1, newSpecialistsStaying: 99.99, recruitment: 0, retirements: 40.2, otherExits: 14.49 },
    runs: 10000, spread: 0.012, meanShift: 0.01, holdsFactor: 0.9,
    fixed: ['population', 'populationToCover', 'stPosts'],
    netIncreaseSd: (t, v) => (v !== 0 ? 4 * Math.sqrt(t) : 0),
    reached: steps({ 2030: 0.12, 2031: 0.3, 2032: 0.5, 2033: 0.55, 2034: 0.58 }),
    reachedSpec: steps({ 2033: 0.04, 2034: 0.09 }),
    ...s,
    normSpecialist: s.norm ?? 1100,
  });
}

function makeMcOutput(regions: McRegionOutput[], total?: McRegionOutput, over: Partial<McRunOutput> = {}): McRunOutput {
  const ys = regions[0].years;
  return {
    scenario: { name: 'Stockholms handlingsplan', description: 'test', countBasis: 'health-centres' },
    version: '0.2.0-test',
    mode: 'monte-carlo',
    runs: 10000,
    seed: 7,
    eventNoise: true,
    quantileDefinition: 'type 7',
    startYear: ys[0].year,
    endYear: ys[ys.length - 1].year,
    regions,
    ...(total ? { total } : {}),
    ...over,
  };
}

const flat = (s: string) => s.replace(/\n/g, ' ');
const lineOf = (s: string, start: string) => s.split('\n').find((l) => l.startsWith(start));

/** A one-year row with chosen median and interval for one field. */
function cellRow(key: FieldKey, median: number | null, q: Partial<Stats>): McYearRow {
  const row = { year: 2030, quantiles: {} } as McYearRow;
  for (const k of FIELD_KEYS) row[k] = null;
  row[key] = median;
  row.quantiles[key] = { mean: median, p5: null, p10: null, p25: null, p50: median, p75: null, p90: null, p95: null, ...q };
  return row;
}

// ---------------------------------------------------------------- cells

describe('formatMcCell', () => {
  it('shows median and 80 % interval in Swedish and English number format', () => {
    const r = cellRow('specialists', 1312.4, { p10: 1240.2, p90: 1389.7 });
    expect(formatMcCell('specialists', r, texts('sv'))).toBe('1 312 (1 240–1 390)');
    expect(formatMcCell('specialists', r, texts('en'))).toBe('1,312 (1,240–1,390)');
    const pop = cellRow('population', 2473307, { p10: 2450000, p90: 2501234.6 });
    expect(formatMcCell('population', pop, texts('sv'))).toBe('2 473 307 (2 450 000–2 501 235)');
  });

  it('formats percent cells with a decimal comma and costs in mnkr', () => {
    const cov = cellRow('coverage', 0.5214, { p10: 0.5031, p90: 0.5377 });
    expect(formatMcCell('coverage', cov, texts('sv'))).toBe('52,1 (50,3–53,8)');
    expect(formatMcCell('coverage', cov, texts('en'))).toBe('52.1 (50.3–53.8)');
    const cost = cellRow('costIncrease', 12_345_678, { p10: 10_050_000, p90: 14_640_000 });
    expect(formatMcCell('costIncrease', cost, texts('sv'))).toBe('12,3 (10,1–14,6)');
    const net = cellRow('netCostIncrease', 2_500_000, { p10: -1_200_000, p90: 6_000_000 });
    expect(formatMcCell('netCostIncrease', net, texts('sv'))).toBe(`+2,5 (${MINUS}1,2 – +6,0)`);
    expect(formatMcCell('netCostIncrease', net, texts('en'))).toBe('+2.5 (-1.2 – +6.0)');
  });

  it('spaces the dash when the bounds carry a sign', () => {
    const r = cellRow('netIncreaseSpecialists', 45.2, { p10: 30.1, p90: 60.4 });
    expect(formatMcCell('netIncreaseSpecialists', r, texts('sv'))).toBe('+45 (+30 – +60)');
    const neg = cellRow('netIncreaseSpecialists', -3.2, { p10: -9.6, p90: 2.8 });
    expect(formatMcCell('netIncreaseSpecialists', neg, texts('sv'))).toBe(`${MINUS}3 (${MINUS}10 – +3)`);
  });

  it('shows just the value without uncertainty (bounds equal, or equal when rounded)', () => {
    expect(formatMcCell('specialists', cellRow('specialists', 1312, { p10: 1312, p90: 1312 }), texts('sv'))).toBe('1 312');
    expect(formatMcCell('specialists', cellRow('specialists', 1312.2, { p10: 1312.1, p90: 1312.4 }), texts('sv'))).toBe('1 312');
    expect(formatMcCell('coverage', cellRow('coverage', 0.52, { p10: 0.52, p90: 0.52 }), texts('sv'))).toBe('52,0');
    // missing quantiles or missing median
    const noQ = cellRow('specialists', 1312, {});
    expect(formatMcCell('specialists', noQ, texts('en'))).toBe('1,312');
    expect(formatMcCell('stStarts', cellRow('stStarts', null, { p10: 1, p90: 2 }), texts('sv'))).toBe('–');
    const flag = cellRow('reached', 1, {});
    delete flag.quantiles.reached;
    expect(formatMcCell('reached', flag, texts('sv'))).toBe('ja');
  });

  it('uses p25–p75 for a 50 % and p5–p95 for a 90 % interval', () => {
    const r = cellRow('specialists', 1312, { p5: 1200, p10: 1240, p25: 1290, p75: 1330, p90: 1390, p95: 1420 });
    expect(formatMcCell('specialists', r, texts('sv'), 50)).toBe('1 312 (1 290–1 330)');
    expect(formatMcCell('specialists', r, texts('sv'), 80)).toBe('1 312 (1 240–1 390)');
    expect(formatMcCell('specialists', r, texts('sv'), 90)).toBe('1 312 (1 200–1 420)');
  });

  it('formats probabilities without false certainty', () => {
    expect(fmtProb(0, 'sv')).toBe('0 %');
    expect(fmtProb(1, 'sv')).toBe('100 %');
    expect(fmtProb(0.58, 'sv')).toBe('58 %');
    expect(fmtProb(0.58, 'en')).toBe('58%');
    expect(fmtProb(0.003, 'sv')).toBe('<1 %');
    expect(fmtProb(0.997, 'sv')).toBe('>99 %');
    expect(fmtProb(0.997, 'en')).toBe('>99%');
    expect(fmtProb(null, 'en')).toBe('–');
  });
});

// ---------------------------------------------------------------- table layout

describe('renderMcTable layout', () => {
  for (const lang of ['sv', 'en'] as const) {
    for (const n of [11, 16]) {
      it(`fits 120 columns for ${n} years (${lang}), every block repeating the label column`, () => {
        const s = renderMcTable(makeMcOutput([makeMcRegion({ years: n })]), texts(lang));
        expect(layoutProblems(s)).toEqual([]);
        const blocks = yearHeaders(s);
        expect(blocks.flat()).toEqual(Array.from({ length: n }, (_, i) => 2024 + i));
        expect(blocks.length).toBeGreaterThan(1);
        const lab = lang === 'sv' ? /^ {2}Befolkning att täcka {2}/ : /^ {2}Population to cover {2}/;
        expect(s.split('\n').filter((l) => lab.test(l)).length).toBe(blocks.length);
        const covLab = `  ${texts(lang).fields.rowLabel('coverage')}  `;
        expect(s.split('\n').filter((l) => l.startsWith(covLab)).length).toBe(blocks.length);
        // capacity in inhabitants is left out of Monte Carlo tables (coverage carries it)
        expect(s.split('\n').filter((l) => l.startsWith(`  ${texts(lang).fields.rowLabel('capacity')}  `)).length).toBe(0);
        // the widest line actually uses the room (not one year per block)
        expect(Math.max(...s.split('\n').map((l) => [...l].length))).toBeGreaterThan(100);
      });
    }
  }

  it('fits narrower widths too', () => {
    for (const width of [100, 72]) {
      const s = renderMcTable(makeMcOutput([makeMcRegion({ years: 16 })]), texts('sv'), { width });
      expect(layoutProblems(s, width)).toEqual([]);
      expect(yearHeaders(s).flat().length).toBe(16);
    }
  });

  it('names the interval, runs and seed under the title, and the footer', () => {
    const sv = renderMcTable(makeMcOutput([makeMcRegion()]), texts('sv'));
    const svLines = sv.split('\n');
    expect(svLines[0]).toBe('Stockholms handlingsplan — Region Stockholm — värden från Monte Carlo-körning');
    expect(svLines[1]).toBe('median (80 %-intervall), 10 000 körningar, frö 7');
    expect(sv).toContain('Monte Carlo: 10 000 körningar, frö 7, slumpvariation i händelser på.');
    expect(sv).toContain('Modellversion: 0.2.0-test');
    expect(sv).toContain(texts('sv').tables.countBasis('health-centres'));
    expect(flat(sv)).toContain('(10:e–90:e percentilen)');
    const en = renderMcTable(makeMcOutput([makeMcRegion()], undefined, { eventNoise: false, runs: 2500, seed: 123456 }), texts('en'));
    expect(en.split('\n')[1]).toBe('median (80% interval), 2,500 runs, seed 123456');
    expect(en).toContain('Monte Carlo: 2,500 runs, seed 123456, event noise off.');
    expect(en).toContain('Model version: 0.2.0-test');
    const fifty = renderMcTable(makeMcOutput([makeMcRegion()]), texts('en'), { interval: 50 });
    expect(fifty.split('\n')[1]).toBe('median (50% interval), 10,000 runs, seed 7');
    expect(flat(fifty)).toContain('(25th–75th percentile)');
  });

  it('shows Swedish cells with intervals, a single value in the base year, and costs in mnkr', () => {
    const r = makeMcRegion();
    const s = renderMcTable(makeMcOutput([r]), texts('sv'));
    const spec = lineOf(s, '  Specialister i allmänmedicin (antal)')!;
    // base year: no uncertainty → the value alone; later years: median (p10–p90)
    const y0 = r.years[0], y1 = r.years[1];
    expect(spec).toMatch(/^ {2}Specialister i allmänmedicin \(antal\)\s+1 080 {2}/);
    const q1 = y1.quantiles.specialists!;
    const expected1 = `${Math.round(y1.specialists!)} (${Math.round(q1.p10!)}–${Math.round(q1.p90!)})`;
    expect(spec).toContain(expected1.replace(/\B(?=(\d{3})+(?!\d))/g, ' '));
    expect(y0.specialists).toBe(1080.4);
    const pop = lineOf(s, '  Befolkning  ')!;
    expect(pop).toContain('2 473 307');
    expect(pop).not.toContain('(');
    const cov = lineOf(s, '  Täckningsgrad (%)')!;
    expect(cov).toMatch(/\d+,\d \(\d+,\d–\d+,\d\)/);
    const cost = lineOf(s, '  Merkostnad mot basåret (mnkr)')!;
    expect(cost).toMatch(/\d+,\d \(\d+,\d–\d+,\d\)/);
    const net = lineOf(s, '  Nettoökning specialister (antal/år)')!;
    expect(net).toMatch(/^ {2}Nettoökning specialister \(antal\/år\)\s+– {2}/);
    expect(net).toMatch(/\+\d+ \(\+\d+ – \+\d+\)/);
    expect(s.slice(0, s.indexOf('Modellversion'))).not.toMatch(/\d\.\d/); // no decimal points in Swedish
    const en = renderMcTable(makeMcOutput([r]), texts('en'));
    expect(lineOf(en, '  Population  ')).toContain('2,473,307');
    expect(lineOf(en, '  Coverage (%)')).toMatch(/\d+\.\d \(\d+\.\d–\d+\.\d\)/);
  });

  it('keeps rows whose median is 0 but whose interval is not, and drops rows that are always 0', () => {
    const always0 = makeMcRegion();
    expect(mcDefaultFields(always0)).not.toContain('stDropouts');
    expect(renderMcTable(makeMcOutput([always0]), texts('sv'))).not.toContain('Avbrutna ST');
    const hidden = makeMcRegion({ dropouts: { median: 0, sd: 2 } });
    expect(mcDefaultFields(hidden)).toContain('stDropouts');
    const s = renderMcTable(makeMcOutput([hidden]), texts('sv'));
    expect(lineOf(s, '  Avbrutna ST (antal/år)')).toMatch(/ 0 \(\u22123 – 3\)$/);
  });

  it('leaves out the cost group, with a note, when costs are missing', () => {
    const s = renderMcTable(makeMcOutput([makeMcRegion({ costs: false })]), texts('sv'));
    expect(s.split('\n')).not.toContain('Kostnad');
    expect(s).toContain('Kostnader visas inte: scenariot saknar kostnadsantaganden.');
  });
});

// ---------------------------------------------------------------- sentences

describe('renderMcTable sentences', () => {
  it('reached with an interval that runs past the horizon', () => {
    const out = makeMcOutput([makeMcRegion()]);
    expect(out.regions[0].reachedYear).toBe(2032);
    expect(out.regions[0].reachedYearInterval80).toEqual({ p10: 2030, p90: null });
    const en = flat(renderMcTable(out, texts('en')));
    expect(en).toContain('1100/550 reached: median 2032; 80% interval 2030 – not by 2034; probability by 2034: 58%.');
    expect(en).toContain('Probability reached by: 2024 0% · 2026 0% · 2028 0% · 2030 12% · 2032 50% · 2034 58%');
    expect(en).toContain('1100 with specialists alone: median: not by 2034; probability by 2034: 9%.');
    const sv = flat(renderMcTable(out, texts('sv')));
    expect(sv).toContain('1100/550 nås: median 2032; 80 %-intervall 2030 – inte till och med 2034; sannolikhet till och med 2034: 58 %.');
    expect(sv).toContain('Sannolikhet att det nås till och med: 2024 0 % · 2026 0 % · 2028 0 % · 2030 12 % · 2032 50 % · 2034 58 %');
    expect(sv).toContain('1100 med enbart specialister: median: inte till och med 2034; sannolikhet till och med 2034: 9 %.');
  });

  it('not reached in the median', () => {
    const r = makeMcRegion({ reached: steps({ 2032: 0.05, 2033: 0.15, 2034: 0.3 }) });
    expect(r.reachedYear).toBeNull();
    const out = makeMcOutput([r]);
    expect(flat(renderMcTable(out, texts('en')))).toContain('1100/550 reached: median: not by 2034; 80% interval 2033 – not by 2034; probability by 2034: 30%.');
    expect(flat(renderMcTable(out, texts('sv')))).toContain('1100/550 nås: median: inte till och med 2034; 80 %-intervall 2033 – inte till och med 2034; sannolikhet till och med 2034: 30 %.');
  });

  it('reached in every run', () => {
    const r = makeMcRegion({ reached: steps({ 2026: 0.2, 2027: 0.6, 2028: 1 }), reachedSpec: steps({ 2030: 1 }) });
    const out = makeMcOutput([r]);
    const en = flat(renderMcTable(out, texts('en')));
    expect(en).toContain('1100/550 reached: median 2027; 80% interval 2026 – 2028; probability by 2034: 100%.');
    expect(en).toContain('1100 with specialists alone: median 2030; 80% interval 2030; probability by 2034: 100%.');
    const sv = flat(renderMcTable(out, texts('sv')));
    expect(sv).toContain('1100/550 nås: median 2027; 80 %-intervall 2026 – 2028; sannolikhet till och med 2034: 100 %.');
    expect(sv).toContain('1100 med enbart specialister: median 2030; 80 %-intervall 2030; sannolikhet till och med 2034: 100 %.');
  });

  it('nearly never and nearly always: no false 0 % or 100 %', () => {
    const r = makeMcRegion({ reached: steps({ 2034: 0.0004 }), reachedSpec: steps({ 2025: 0.3, 2026: 0.9996 }) });
    const sv = flat(renderMcTable(makeMcOutput([r]), texts('sv')));
    expect(sv).toContain('1100/550 nås: median: inte till och med 2034; sannolikhet till och med 2034: <1 %.');
    expect(sv).toContain('1100 med enbart specialister: median 2026; 80 %-intervall 2025 – 2026; sannolikhet till och med 2034: >99 %.');
  });

  it('reached in the median run but lost by the horizon: the sentence and the headline say it does not hold', () => {
    // An interim norm met in the first years and then lost (Värmland's 1500 before 1100): every run
    // has reached it by 2034, but it holds in 2034 in only 10 % of them.
    const lost = makeMcRegion({ reached: steps({ 2025: 1 }), holdsFactor: 0.1 });
    const out = makeMcOutput([lost]);
    const info = mcReachedInfo(lost, out.endYear, { specialist: 1100, st: 550 });
    expect(info.holdsAtEnd).toBeCloseTo(0.1, 10);
    expect(flat(renderMcTable(out, texts('en')))).toContain('1100/550 reached: median 2025; 80% interval 2025; probability by 2034: 100%, but it holds in 2034 in only 10% of the runs.');
    expect(flat(renderMcTable(out, texts('sv')))).toContain('1100/550 nås: median 2025; 80 %-intervall 2025; sannolikhet till och med 2034: 100 %, men 2034 håller det bara i 10 % av körningarna.');
    expect(texts('en').report.headline(info, 'Värmland')).toBe("Värmland: with the scenario's assumptions, 1100/550 is reached in 2025 (median); 80% interval 2025; probability of reaching it by 2034: 100%. It does not last: in 2034 it holds in only 10% of the runs.");
    expect(texts('sv').report.headline(info, 'Värmland')).toBe('Värmland: med scenariots antaganden nås 1100/550 år 2025 (median); 80 %-intervall 2025; sannolikhet att det nås till och med 2034: 100 %. Det består inte: 2034 håller det bara i 10 % av körningarna.');
    // Held in at least half of the runs, or not reached in the median run: the sentences stay as they were.
    const held = makeMcRegion({ reached: steps({ 2025: 1 }), holdsFactor: 0.5 });
    expect(flat(renderMcTable(makeMcOutput([held]), texts('en')))).toContain('probability by 2034: 100%.');
    expect(texts('en').report.headline(mcReachedInfo(held, out.endYear, null), 'X')).not.toContain('does not last');
    const never = makeMcRegion({ reached: steps({ 2034: 0.3 }), holdsFactor: 0.1 });
    expect(flat(renderMcTable(makeMcOutput([never]), texts('en')))).toContain('probability by 2034: 30%.');
  });

  it('uses the norms from the data, or "the target" when they differ', () => {
    const v = makeMcOutput([makeMcRegion({ norm: 1500 })]);
    expect(flat(renderMcTable(v, texts('en')))).toContain('1500/550 reached: median 2032;');
    expect(flat(renderMcTable(v, texts('sv')))).toContain('1500 med enbart specialister: median');
    const mixed = makeMcOutput([makeMcRegion(), makeMcRegion({ name: 'Region Värmland', norm: 1500 })]);
    expect(flat(renderMcTable(mixed, texts('sv')))).toContain('Riktvärdet nås: median 2032;');
    expect(flat(renderMcTable(mixed, texts('en')))).toContain('Target with specialists alone: median');
  });

  it('shows every year in the milestone line when they fit', () => {
    const s = renderMcTable(makeMcOutput([makeMcRegion({ years: 5, startYear: 2030 })]), texts('en'));
    expect(s).toContain('Probability reached by: 2030 12% · 2031 30% · 2032 50% · 2033 55% · 2034 58%');
  });
});

// ---------------------------------------------------------------- regions

describe('renderMcTable with several regions', () => {
  it('renders the total (the headline answer), then each region, for up to 4 regions', () => {
    const a = makeMcRegion(), b = makeMcRegion({ name: 'Region Halland', pop0: 343746, spec0: 190, specGrowth: 8, st0: 120, stGrowth: 3 });
    const tot = makeMcRegion({ name: 'Totalt', pop0: 2473307 + 343746, spec0: 1270.4, st0: 826 });
    const s = renderMcTable(makeMcOutput([a, b], tot), texts('sv'));
    expect(layoutProblems(s)).toEqual([]);
    expect(s.split('\n').filter((l) => l.startsWith('Stockholms handlingsplan — '))).toEqual([
      'Stockholms handlingsplan — Totalt — värden från Monte Carlo-körning',
      'Stockholms handlingsplan — Region Stockholm — värden från Monte Carlo-körning',
      'Stockholms handlingsplan — Region Halland — värden från Monte Carlo-körning',
    ]);
    expect(s.split('\n').filter((l) => l.startsWith('1100/550 nås: ')).length).toBe(3);
  });

  it('renders an overview plus the total in full for more than 4 regions', () => {
    const names = ['Stockholm', 'Uppsala', 'Södermanland', 'Östergötland', 'Jönköping', 'Kronoberg'];
    const regions = names.map((n, i) => makeMcRegion({
      name: `Region ${n}`, pop0: 300000 + 20000 * i, spec0: 200, st0: 100,
      reached: i === 0 ? steps({ 2031: 0.6, 2034: 0.8 }) : steps({ 2034: 0.2 }),
    }));
    const tot = makeMcRegion({ name: 'Riket' });
    for (const lang of ['sv', 'en'] as const) {
      const s = renderMcTable(makeMcOutput(regions, tot), texts(lang));
      expect(layoutProblems(s)).toEqual([]);
      const lines = s.split('\n');
      for (const r of regions) expect(lines.filter((l) => l.startsWith(r.name + ' ')).length, r.name).toBe(1);
      expect(lines.filter((l) => l.startsWith('Stockholms handlingsplan — ')).length).toBe(2); // overview + total
      expect(s.indexOf(lang === 'sv' ? 'översikt per region' : 'overview by region')).toBeLessThan(s.indexOf('— Riket —'));
      const sthlm = lines.find((l) => l.startsWith('Region Stockholm '))!;
      expect(sthlm).toMatch(lang === 'sv' ? /\d \(\d[\d ]*–\d[\d ]*\)\s+80 %\s+2031$/ : /\d \(\d[\d,]*–\d[\d,]*\)\s+80%\s+2031$/);
      const upp = lines.find((l) => l.startsWith('Region Uppsala '))!;
      expect(upp).toMatch(lang === 'sv' ? /20 %\s+–$/ : /20%\s+–$/);
      expect(lines.find((l) => l.startsWith('Riket '))).toBeTruthy();
      expect(yearHeaders(s).flat()).toEqual(Array.from({ length: 11 }, (_, i) => 2024 + i)); // only the total in full
    }
  });
});

// ---------------------------------------------------------------- CSV

describe('renderMcCsv', () => {
  const a = makeMcRegion({ years: 3 });
  const b = makeMcRegion({ years: 3, name: 'Västra Götaland, "VGR"', costs: false, spec0: 1 / 3 });
  const tot = makeMcRegion({ years: 3, name: 'Totalt' });
  const out = makeMcOutput([a, b], tot);
  const csv = renderMcCsv(out);
  const rows = parseCsv(csv);

  it('has the header region,year, then per field the median and its stats, then the probabilities', () => {
    const header = csv.slice(0, csv.indexOf('\n')).split(',');
    expect(header.slice(0, 2 + 9)).toEqual(['region', 'year', 'population', 'population_mean', 'population_p5', 'population_p10', 'population_p25', 'population_p50', 'population_p75', 'population_p90', 'population_p95']);
    const keys = outputFields(false).map((d) => d.key); // no age-structured demand: no age-only fields
    expect(header.length).toBe(2 + keys.length * 9 + 3);
    expect(header.slice(-3)).toEqual(['probabilityReachedBy', 'probabilityHolds', 'probabilityReachedBySpecialistsOnly']);
    expect(header).toEqual([...mcCsvHeader()]);
    // fields in fields.ts order
    expect(header.filter((h) => (FIELD_KEYS as readonly string[]).includes(h))).toEqual(keys);
    expect(header.indexOf('specialists_p90')).toBe(header.indexOf('specialists') + 7);
  });

  it('has one row per region and year, total last, \\n line ends, quoted names', () => {
    expect(csv.endsWith('\n')).toBe(true);
    expect(csv).not.toContain('\r');
    expect(rows.length).toBe(1 + 9);
    for (const r of rows) expect(r.length).toBe(mcCsvHeader().length);
    expect(rows.slice(1).map((r) => [r[0], r[1]])).toEqual([
      ['Region Stockholm', '2024'], ['Region Stockholm', '2025'], ['Region Stockholm', '2026'],
      [b.name, '2024'], [b.name, '2025'], [b.name, '2026'],
      ['Totalt', '2024'], ['Totalt', '2025'], ['Totalt', '2026'],
    ]);
    expect(csv).toContain('\n"Västra Götaland, ""VGR""",2024,');
  });

  it('round-trips every number at full precision; missing values are empty cells', () => {
    const all = [a, b, tot].flatMap((r) => r.years.map((y) => ({ r, y })));
    const col = (name: string) => mcCsvHeader().indexOf(name);
    let checked = 0;
    rows.slice(1).forEach((cells, i) => {
      const { r, y } = all[i];
      expect(Number(cells[1])).toBe(y.year);
      for (const k of outputFields(false).map((d) => d.key)) {
        const v = y[k];
        expect(cells[col(k)], k).toBe(v === null ? '' : String(v));
        if (v !== null) expect(Number(cells[col(k)])).toBe(v);
        for (const s of STAT_NAMES) {
          const q = y.quantiles[k]?.[s] ?? null;
          const cell = cells[col(`${k}_${s}`)];
          if (q === null) expect(cell, `${k}_${s}`).toBe('');
          else { expect(Number(cell), `${k}_${s}`).toBe(q); checked++; }
        }
      }
      expect(Number(cells[col('probabilityReachedBy')])).toBe(r.probabilityReachedBy[y.year]);
      expect(Number(cells[col('probabilityHolds')])).toBe(r.probabilityHolds[y.year]);
      expect(Number(cells[col('probabilityReachedBySpecialistsOnly')])).toBe(r.specialistsOnly.probabilityBy[y.year]);
    });
    expect(checked).toBeGreaterThan(500);
    // spot checks: an awkward fraction, flags without quantiles, missing costs
    const bRow = rows[4 + 1];
    expect(bRow[col('specialists')]).toBe(String(1 / 3 + 45.3));
    expect(bRow[col('reached')]).toMatch(/^[01]$/);
    expect(bRow[col('reached_p50')]).toBe('');
    expect(bRow[col('cost')]).toBe('');
    expect(bRow[col('cost_p90')]).toBe('');
    expect(rows[1][col('stStarts')]).toBe('');
    for (const r of rows.slice(1)) for (const c of r.slice(1)) expect(c).toMatch(/^(-?\d+(\.\d+)?(e[-+]\d+)?)?$/);
  });

  it('works without a total', () => {
    expect(parseCsv(renderMcCsv(makeMcOutput([a]))).length).toBe(4);
  });
});
