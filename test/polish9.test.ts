/**
 * What a new user looks at (the review of 6 Dec 2026, P1–P10): each example reproduced here
 * first, asserting on the output a user sees, then fixed.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { afterAll, describe, expect, it } from 'vitest';
import { cliInProcess, removeSandboxes, ROOT, sandbox } from './helpers.js';
import { leverValueText, leverWritten } from '../web/lever-text.js';
import type { LeverDef } from '../web/levers.js';
import { texts } from '../viz/texts/index.js';

const dir = sandbox({}, 'riktvarde-polish9-');
afterAll(removeSandboxes);

const run = (...args: string[]) => cliInProcess(ROOT, ...args, '--workers', '1');

async function workbook(name: string, ...args: string[]): Promise<ExcelJS.Workbook> {
  const x = join(dir, `${name}.xlsx`);
  const r = await run('run', ...args, '--format', 'xlsx', '--out', x);
  expect(r.code, r.stderr).toBe(0);
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(x);
  return wb;
}

/** Every row of every sheet whose cells name a yes/no field, with the cells after the label. */
function flagCells(wb: ExcelJS.Workbook, unit: string): unknown[] {
  const cells: unknown[] = [];
  wb.eachSheet((ws) => ws.eachRow((row) => {
    const v = (row.values as unknown[]).slice(1);
    const i = v.findIndex((c) => typeof c === 'string' && c.includes(unit));
    if (i >= 0) cells.push(...v.slice(i + 1).filter((c) => c !== undefined && c !== null));
  }));
  return cells;
}

describe('P6: the workbook shows yes/no flags as yes/no, not 0/1', () => {
  for (const [lang, yes, no, unit] of [['en', 'yes', 'no', 'yes/no'], ['sv', 'ja', 'nej', 'ja/nej']] as const) {
    it(`deterministic and Monte Carlo, every sheet (${lang})`, async () => {
      for (const mc of [[], ['--runs', '100', '--seed', '3']]) {
        const wb = await workbook(`flags-${lang}-${mc.length}`, 'scenarios/varmland-1500-then-1100.yaml', '--lang', lang, ...mc);
        const cells = flagCells(wb, unit);
        expect(cells.length).toBeGreaterThan(10);
        for (const c of cells) expect([yes, no]).toContain(c);
        expect(cells).toContain(yes); // the interim norm is met in the base year
        expect(cells).toContain(no);
      }
    });
  }
});

/** The texts of a chart's SVG, one per line of text (tspans included), as a reader sees them. */
async function chartTexts(name: string, scenario: string, chart: string, ...args: string[]): Promise<string[]> {
  const out = join(dir, name);
  const r = await run('chart', scenario, '--format', 'svg', '--out', out, ...args);
  expect(r.code, r.stderr).toBe(0);
  const svg = readFileSync(join(out, `${chart}.svg`), 'utf8');
  return [...svg.matchAll(/<(?:text|tspan)[^>]*>([^<]+)</g)].map((m) => m[1].replace(/&amp;/g, '&').replace(/&#x27;|&#39;/g, "'"));
}

describe('P1: the chart marks a target reached and then lost as lost, as the verdict says', () => {
  it('Värmland, Monte Carlo: reached 2019 (median), not held from 2020, and how often it holds in 2034; sv and en', async () => {
    const en = await chartTexts('p1-en', 'scenarios/varmland-1500-then-1100.yaml', '1-inhabitants-per-doctor', '--runs', '300', '--seed', '1');
    expect(en).toContain('Target reached 2019 (median)');
    expect(en.some((t) => /not held from 2020/.test(t) && /2034.* 0%/.test(t)), en.join('\n')).toBe(true);
    const sv = await chartTexts('p1-sv', 'scenarios/varmland-1500-then-1100.yaml', '1-inhabitants-per-doctor', '--runs', '300', '--seed', '1', '--lang', 'sv');
    expect(sv).toContain('Riktvärdet nås 2019 (median)');
    expect(sv.some((t) => /håller inte från 2020/.test(t) && /2034.* 0 %/.test(t)), sv.join('\n')).toBe(true);
  });

  it('Halland-like plan that holds: the marker says nothing of losing it', async () => {
    const t = await chartTexts('p1-hold', 'scenarios/halland.yaml', '1-inhabitants-per-doctor', '--runs', '100', '--seed', '1', '--set', 'st.intake=60', '--set', 'st.targetHeadcount=null');
    expect(t.join('\n')).not.toMatch(/not held/);
  });
});

describe('P3: cost is shown with its price base', () => {
  it('the run table, the workbook and the cost chart name fixed prices of the price base year; sv and en', async () => {
    const en = await run('run', 'scenarios/halland.yaml');
    expect(en.stdout).toMatch(/^Cost \(fixed 2023 prices\)$/m);
    const sv = await run('run', 'scenarios/halland.yaml', '--lang', 'sv', '--runs', '100', '--seed', '1');
    expect(sv.stdout).toMatch(/^Kostnad \(fasta priser 2023\)$/m);
    const wb = await workbook('p3', 'scenarios/stockholm-handlingsplan.yaml', '--lang', 'sv');
    const a = (wb.worksheets[0].getSheetValues() as unknown[][]).flat();
    expect(a).toContain('Kostnad (fasta priser 2024)');
    const chart = await chartTexts('p3-chart', 'scenarios/halland.yaml', '6-cost', '--runs', '50', '--lang', 'sv');
    expect(chart.join(' ')).toContain('fasta priser 2023');
  });

  it('with wage growth the prices are not fixed: the year and the growth are named', async () => {
    const set = ['--set', 'costs.wageGrowth=0.02'];
    const en = await run('run', 'scenarios/halland.yaml', ...set);
    expect(en.code, en.stderr).toBe(0);
    expect(en.stdout).toMatch(/^Cost \(2023 prices with wage growth 2\.0% a year from 2023\)$/m);
    const chart = await chartTexts('p3-wage', 'scenarios/halland.yaml', '6-cost', '--runs', '50', '--lang', 'sv', ...set);
    expect(chart.join(' ')).toContain('2023 års priser med löneökning 2,0 % per år från 2023');
    expect(chart.join(' ')).not.toContain('fasta priser');
  });
});

/** Text elements of a chart's SVG with their translate position. */
function svgTextPositions(file: string): { text: string; x: number; y: number; mark: boolean }[] {
  const svg = readFileSync(file, 'utf8');
  // Labels vega hid for overlapping (opacity 0) are not seen.
  return [...svg.matchAll(/<text([^>]*?)(?:\/>|>(.*?)<\/text>)/g)].filter((m) => m[2] !== undefined && !m[1].includes('opacity="0"')).flatMap((m) => {
    const t = /translate\(([-\d.]+),([-\d.]+)\)/.exec(m[1]);
    const lines = m[2].includes('<tspan') ? [...m[2].matchAll(/<tspan[^>]*>([^<]*)<\/tspan>/g)].map((l) => l[1]) : [m[2]];
    return lines.map((text) => ({ text, x: t ? Number(t[1]) : NaN, y: t ? Number(t[2]) : NaN, mark: m[1].includes('text mark') }));
  });
}

describe('P5: chart labels do not run into each other', () => {
  const chart = async (name: string, scenario: string, ...args: string[]) => {
    const out = join(dir, name);
    const r = await run('chart', scenario, '--format', 'svg', '--out', out, '--runs', '200', '--seed', '1', ...args);
    expect(r.code, r.stderr).toBe(0);
    return out;
  };

  it('probability chart: a label at 100 % stays inside the plot, clear of the key above it (Värmland)', async () => {
    const out = await chart('p5-prob', 'scenarios/varmland-1500-then-1100.yaml');
    const labels = svgTextPositions(join(out, '2-probability-reached.svg')).filter((t) => t.mark && /%$/.test(t.text));
    expect(labels.length).toBeGreaterThan(0);
    for (const l of labels) expect(l.y, `${l.text} at ${l.x}`).toBeGreaterThanOrEqual(0);
  });

  it('year-reached chart: the last year and "Inte t.o.m. 2034" have room between them (sv)', async () => {
    const out = await chart('p5-year', 'scenarios/halland.yaml', '--lang', 'sv');
    const t = svgTextPositions(join(out, '3-year-reached.svg'));
    const last = t.find((x) => x.text === '2034' && !x.mark)!, never = t.find((x) => x.text === 'Inte t.o.m.')!;
    // Half of each label (about 7.5 px a character at 12 px) plus a gap.
    expect(never.x - last.x).toBeGreaterThan((11 * 7.5) / 2 + (4 * 7.5) / 2 + 6);
  });

  it('cost chart: the horizon year is labelled in both panels, every other year counted from it', async () => {
    const out = await chart('p5-cost', 'scenarios/halland.yaml', '--lang', 'sv');
    const years = svgTextPositions(join(out, '6-cost.svg')).filter((x) => !x.mark && /^20\d\d$/.test(x.text)).map((x) => Number(x.text));
    expect(years.filter((y) => y === 2034)).toHaveLength(2);
    expect(years).not.toContain(2023);
    for (const y of years) expect((2034 - y) % 2).toBe(0);
  });
});

describe('P2: solve with no answer says so in its table', () => {
  it('Stockholm at 80 % by 2034: no "Level, solved" row of the search limit; the posts the capacity fills instead; sv and en', async () => {
    const args = ['solve', 'scenarios/stockholm-handlingsplan.yaml', '--target-year', '2034', '--probability', '0.8', '--runs', '100', '--seed', '7'];
    const en = await run(...args);
    expect(en.code, en.stderr).toBe(0);
    expect(en.stdout).toMatch(/^Answer: not reachable with 7,897 posts/m);
    expect(en.stdout).not.toMatch(/Level, solved/);
    const row = en.stdout.split('\n').find((l) => l.startsWith('No answer: '))!;
    expect(row).toMatch(/posts filled of 7,897 \(per year\)/);
    const cells = row.replace(/^.*\)/, '').trim().split(/\s+/).filter((c) => c !== '–').map((c) => Number(c.replace(/,/g, '')));
    expect(cells.length).toBeGreaterThan(3);
    for (const c of cells) expect(c).toBeLessThan(7897);
    expect(en.stdout).toMatch(/^Cost above base year, at the limit/m);
    const sv = await run(...args, '--lang', 'sv');
    expect(sv.stdout).not.toMatch(/Nivå, löst/);
    expect(sv.stdout).toMatch(/^Inget svar: fyllda av 7 897 platser \(per år\)/m);
  });

  it('Halland under a cap of 45 rising 5 a year: the row is the schedule at the cap, said so (not "filled of 45")', async () => {
    const r = await run('solve', 'scenarios/halland.yaml', '--target-year', '2030', '--max-intake', '45', '--max-step', '5', '--runs', '100', '--seed', '7');
    expect(r.stdout).toMatch(/^No answer: the level at the cap \(per year\) +– +27 +32 /m);
    expect(r.stdout).not.toMatch(/filled of/);
  });
});

describe('P7: sensitivity values say when they are capped, over full time, and in what unit', () => {
  it('Stockholm: a clamped +10 % is marked capped, FTE 1.10 is over full time, headcounts alike, salaries in kr/month; sv and en', async () => {
    const en = (await run('sensitivity', 'scenarios/stockholm-handlingsplan.yaml', '--runs', '100', '--seed', '7')).stdout;
    const block = (name: string) => { const i = en.indexOf(name); return en.slice(i, en.indexOf('swing', i)); };
    expect(block('Share of the population to cover')).toMatch(/10% higher, capped +100\.0%/);
    expect(block('ST posts filled (share)')).toMatch(/10% higher, capped +100\.0%/);
    expect(block('Care-need index')).toMatch(/10% higher +1\.10/); // not clamped: no mark
    expect(block('FTE per ST trainee')).toMatch(/10% higher, > full time +1\.10/);
    expect(block('GP specialists at the start')).toMatch(/10% lower +972 .*\n.*10% higher +1,188 /);
    expect(block('Monthly salary, specialist (kr)')).toMatch(/79,200 .*\n.*96,800 /);
    expect(block('Overhead per employee (kr/year)')).toMatch(/135,000 /);
    const sv = (await run('sensitivity', 'scenarios/stockholm-handlingsplan.yaml', '--runs', '100', '--seed', '7', '--lang', 'sv')).stdout;
    expect(sv).toMatch(/10 % högre, vid gräns +100,0 %/);
    expect(sv).toMatch(/10 % högre, > heltid +1,10/);
    expect(sv).toMatch(/Månadslön, specialist \(kr\)/);
  });
});

describe('P10: smaller words', () => {
  it('the Swedish CSV names probabilityHolds for what it is: the share of runs where the target holds that year', async () => {
    const r = await run('run', 'scenarios/halland.yaml', '--runs', '50', '--seed', '1', '--format', 'csv', '--lang', 'sv');
    expect(r.stdout).toContain('Sannolikhet att riktvärdet håller året');
    expect(r.stdout).not.toContain('håller från året');
  });

  it('the Swedish workbook says Gemensamma kostnader, not Overhead', async () => {
    const wb = await workbook('p10', 'scenarios/halland.yaml', '--lang', 'sv');
    const text: string[] = [];
    wb.eachSheet((ws) => ws.eachRow((row) => (row.values as unknown[]).forEach((v) => { if (typeof v === 'string') text.push(v); })));
    expect(text.filter((s) => /Overhead/.test(s))).toEqual([]);
    expect(text.some((s) => /^Gemensamma kostnader per anställd/.test(s))).toBe(true);
  });

  it('the backtest total row is Total / Totalt, not Σ', async () => {
    const en = await run('backtest', 'scenarios/backtest-riket.yaml', '--runs', '50', '--seed', '1');
    expect(en.code, en.stderr).toBe(0);
    expect(en.stdout).toMatch(/^Total +\d/m);
    expect(en.stdout).not.toContain('Σ');
    const sv = await run('backtest', 'scenarios/backtest-riket.yaml', '--runs', '50', '--seed', '1', '--lang', 'sv');
    expect(sv.stdout).toMatch(/^Totalt +\d/m);
  });

  it('a scenario without observed figures is refused without the --help hint (the command line was right)', async () => {
    for (const cmd of ['backtest', 'calibrate']) {
      const r = await cliInProcess(ROOT, cmd, 'scenarios/halland.yaml');
      expect(r.code).toBe(2);
      expect(r.stderr).toMatch(/has no observed figures/);
      expect(r.stderr).not.toMatch(/--help/);
    }
  });
});

describe('P8: the what-if page describes a lever in its own unit', () => {
  const lever = (display: LeverDef['display'], written: string, value = 0.842): LeverDef =>
    ({ id: 'retention', path: 'st.retention', prefix: '', value, min: 0, max: 1, step: 0.01, display, written, source: null });
  it('a share lever shows the scenario\'s distribution in percent, as its value is shown; sv and en', () => {
    const sv = texts('sv'), en = texts('en');
    expect(leverValueText(lever('share', 'PERT(0.7, 0.85, 0.95)'), 0.842, sv)).toBe('84,2 %');
    expect(leverWritten(lever('share', 'PERT(0.7, 0.85, 0.95)'), sv)).toBe('PERT(70 %; 85 %; 95 %)');
    expect(leverWritten(lever('share', 'PERT(0.7, 0.85, 0.95)'), en)).toBe('PERT(70%; 85%; 95%)');
    expect(leverWritten(lever('year', '2028'), sv)).toBe('2028');
    expect(leverWritten(lever('share', 'normal(mean 0.035, sd 0.005)'), sv)).toBe('normal(medelvärde 3,5 %; sd 0,5 %)');
    expect(leverWritten(lever('num', 'PERT(0.7, 0.85, 0.95)'), sv)).toBe('PERT(0,7; 0,85; 0,95)');
  });
  it('recruitment is people: whole numbers without decimals', () => {
    const sv = texts('sv');
    const l = { ...lever('count', '3'), id: 'recruitment' as const };
    expect(leverValueText(l, 3, sv)).toBe('3');
    expect(leverValueText(l, 2.5, sv)).toBe('2,5');
  });
});
