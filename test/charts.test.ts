/**
 * Charts (viz/charts.ts) and their rendering (viz/render.ts): every spec is valid Vega-Lite (JSON
 * schema) and compiles without warnings; data are inline; text renders in PNGs; SVG snapshots
 * (numbers rounded, as Observable Plot's tests do) for two charts.
 */
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Ajv } from 'ajv';
import { describe, expect, it } from 'vitest';
import { allCharts, CHART_NAMES, perDoctorChart, yearReachedChart, type AnyOutput, type Chart } from '../viz/charts.js';
import { compileSpec, rasterize, renderChart, renderCharts, renderSvg } from '../viz/render.js';
import { detOutput, mcOutput, MULTI } from './fixtures.js';
import { texts } from '../viz/texts/index.js';

const schemaPath = join(dirname(fileURLToPath(import.meta.resolve('vega-lite'))), 'vega-lite-schema.json');
const ajv = new Ajv({ allErrors: false, strict: false, allowUnionTypes: true });
const validate = ajv.compile(JSON.parse(readFileSync(schemaPath, 'utf8')));

const CASES: [string, AnyOutput][] = [
  ['Monte Carlo, one region', mcOutput()],
  ['Monte Carlo, three regions and a total', mcOutput(MULTI, 'Hela regionen')],
  ['Monte Carlo, no costs', mcOutput([{ name: 'Utan kostnad', costs: false }])],
  ['deterministic, one region', detOutput()],
  ['deterministic, three regions', detOutput(MULTI)],
];

/** Every `url` key anywhere in a spec (data must be inline). */
function urls(x: unknown): string[] {
  if (Array.isArray(x)) return x.flatMap(urls);
  if (x && typeof x === 'object') return Object.entries(x).flatMap(([k, v]) => (k === 'url' ? [String(v)] : urls(v)));
  return [];
}

/** Observable Plot's snapshot normalisation: numbers with decimals rounded to 2. */
const roundNumbers = (svg: string): string => svg.replace(/\d+\.\d+/g, (d) => String(+(+d).toFixed(2)));

describe.each(CASES)('charts for %s', (_, out) => {
  for (const lang of ['sv', 'en'] as const) {
    const before = JSON.stringify(out);
    const charts = allCharts(out, { loc: texts(lang) });

    it(`(${lang}) are valid Vega-Lite, compile without warnings, keep data inline, leave the input unchanged`, () => {
      expect(charts.length).toBeGreaterThanOrEqual(3);
      for (const c of charts) {
        const ok = validate(c.spec);
        expect(ok, `${c.name}: ${JSON.stringify(validate.errors?.slice(0, 3))}`).toBe(true);
        expect(() => compileSpec(c.spec), c.name).not.toThrow();
        expect(urls(c.spec), c.name).toEqual([]);
        expect(JSON.parse(JSON.stringify(c.spec))).toEqual(c.spec);
        expect(CHART_NAMES).toContain(c.name);
      }
      expect(new Set(charts.map((c) => c.name)).size).toBe(charts.length);
      expect(JSON.stringify(out)).toBe(before);
    });
  }
});

describe('which charts', () => {
  const names = (cs: Chart[]) => cs.map((c) => c.name);
  it('Monte Carlo: all single-region charts; the regions chart only with several regions', () => {
    expect(names(allCharts(mcOutput(), { loc: texts('sv') }))).toEqual(['1-inhabitants-per-doctor', '2-probability-reached', '3-year-reached', '4-workforce', '5-flows', '6-cost']);
    expect(names(allCharts(mcOutput(MULTI, 'Hela regionen'), { loc: texts('sv') }))).toContain('7-regions');
  });
  it('deterministic: no probability or distribution charts (they need runs)', () => {
    expect(names(allCharts(detOutput(), { loc: texts('en') }))).toEqual(['1-inhabitants-per-doctor', '4-workforce', '5-flows', '6-cost']);
  });
  it('no cost chart without costs', () => {
    expect(names(allCharts(mcOutput([{ name: 'X', costs: false }]), { loc: texts('en') }))).not.toContain('6-cost');
  });
  it('a named region is charted; an unknown one is an error naming the choices', () => {
    const c = perDoctorChart(mcOutput(MULTI, 'Hela regionen'), { loc: texts('sv'), region: 'Södra länet' })!;
    expect(JSON.stringify(c.spec.title)).toContain('Södra länet');
    expect(() => perDoctorChart(mcOutput(MULTI, 'Hela regionen'), { loc: texts('sv'), region: 'Västra' })).toThrow(/Norra länet, Södra länet, Östra länet, Hela regionen/);
  });
});

describe('text in the charts', () => {
  it('titles and subtitles say what is shown, the answer, runs and seed, in the chosen language', () => {
    const flat = (t: unknown) => { const x = t as { text: string; subtitle: string[] }; return `${x.text}\n${x.subtitle.join(' ')}`; };
    const sv = flat(perDoctorChart(mcOutput(), { loc: texts('sv') })!.spec.title);
    expect(sv).toContain('Invånare per läkarekvivalent mot riktvärdet 1100 — Testregion');
    expect(sv).toContain('Täckningsgrad 2034:');
    expect(sv).toContain('1100/550 nås: median 2032');
    expect(sv).toContain('5 000 körningar, frö 7');
    const en = flat(perDoctorChart(mcOutput(), { loc: texts('en') })!.spec.title);
    expect(en).toContain('Inhabitants per doctor equivalent against the 1100 norm');
    expect(en).toContain('at or below the norm exactly when the target is reached');
    expect(en).toContain('5,000 runs, seed 7');
  });

  it('Swedish SVG: space as thousands separator, years without one, the median year marked', async () => {
    const svg = await renderSvg(perDoctorChart(mcOutput(), { loc: texts('sv') })!.spec);
    expect(svg).toMatch(/>1\u00a0\d00</); // y axis: 1 100, 1 200 …
    expect(svg).not.toMatch(/>1,\d00</);
    expect(svg).toContain('>2024<');
    expect(svg).toContain('>2034<');
    expect(svg).not.toMatch(/>2\u00a00\d\d</);
    expect(svg).toContain('1100/550 nås 2032 (median)');
    expect(svg).toContain('font-family="DejaVu Sans"');
  });

  it('English SVG: comma thousands separator', async () => {
    const svg = await renderSvg(perDoctorChart(mcOutput(), { loc: texts('en') })!.spec);
    expect(svg).toMatch(/>1,\d00</);
  });

  it('the year-reached chart has a "not by 2034" bar', async () => {
    const svg = await renderSvg(yearReachedChart(mcOutput(), { loc: texts('sv') })!.spec);
    expect(svg).toContain('Inte t.o.m.');
    expect(svg).toContain('30 %'); // share of runs not reaching it by 2034
  });
});

describe('rendering', () => {
  const spec = perDoctorChart(mcOutput(), { loc: texts('sv') })!.spec;

  it('PNG has text: the title area is dark with the bundled font and blank without any font', async () => {
    const svg = await renderSvg(spec);
    const withText = rasterize(svg);
    const noText = rasterize(svg, { fontFiles: [] }); // resvg silently drops text without a font
    /** Share of non-white pixels in the top band (the title), and their variance. */
    const ink = (r: ReturnType<typeof rasterize>) => {
      const rows = Math.round(r.height * 0.06);
      let dark = 0;
      for (let i = 0; i < r.width * rows; i++) if (r.pixels[4 * i] < 128) dark++;
      return dark / (r.width * rows);
    };
    expect(withText.png.subarray(1, 4).toString()).toBe('PNG');
    expect(ink(withText)).toBeGreaterThan(0.02);
    expect(ink(noText)).toBe(0);
    expect(withText.width).toBe(noText.width);
  });

  it('PNG bytes are the same on every render (bundled fonts only)', async () => {
    const a = await renderChart(spec, 'png');
    const b = await renderChart(spec, 'png');
    expect(Buffer.compare(a as Buffer, b as Buffer)).toBe(0);
  });

  it('several charts: drawn on the thread pool, in order, the same bytes as one by one inline', async () => {
    const specs = allCharts(mcOutput(), { loc: texts('sv') }).slice(0, 3).map((c) => c.spec);
    const together = await renderCharts(specs, 'png');
    expect(together).toHaveLength(3);
    for (let i = 0; i < specs.length; i++) {
      expect(Buffer.compare(together[i] as Buffer, rasterize(await renderSvg(specs[i])).png)).toBe(0);
    }
    expect(await renderCharts(specs, 'svg')).toEqual(await Promise.all(specs.map((s) => renderSvg(s))));
  });

  it('vl.json is the Vega-Lite spec itself', async () => {
    const j = JSON.parse(String(await renderChart(spec, 'vl.json')));
    expect(j.$schema).toMatch(/vega-lite\/v6/);
    expect(j).toEqual(JSON.parse(JSON.stringify(spec)));
  });

  it('SVG snapshot: inhabitants per doctor (sv)', async () => {
    await expect(roundNumbers(await renderSvg(spec))).toMatchFileSnapshot('__snapshots__/chart-inhabitants-per-doctor.sv.svg');
  });

  it('SVG snapshot: first year reached (en)', async () => {
    const s = yearReachedChart(mcOutput(), { loc: texts('en') })!.spec;
    await expect(roundNumbers(await renderSvg(s))).toMatchFileSnapshot('__snapshots__/chart-year-reached.en.svg');
  });
});
