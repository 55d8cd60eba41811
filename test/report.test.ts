/**
 * The HTML report: self-contained and safe (unit tests on viz/report.ts), and — in the Chromium
 * that ships in the npm package @sparticuz/chromium (cli/browser.ts, the CLI's own launcher),
 * driven by playwright-core in an offline context — every chart draws its
 * marks, nothing is logged as an error and nothing but the file itself is requested. The
 * screenshot stays in test-artifacts/ (gitignored).
 *
 * With several scenarios the report opens with their comparison: the table of `riktvarde compare`
 * (same rows and cells) and its overlay chart, every scenario on the same seed and runs.
 *
 * No system browser is needed: `npm ci` brings the browser, and the browser tests always run.
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chromiumPath, launchBrowser, packagedChromium } from '../cli/browser.js';
import { loadScenarioFile } from '../api/load.js';
import { comparedUnit, compareScenarios, type CompareResult } from '../model/compare.js';
import { monteCarloSync as monteCarlo } from '../model/mc-run.js';
import { toMcOutput } from '../model/mcresults.js';
import { compareLines } from '../viz/compare.js';
import { fmtProb, fmtSigned } from '../viz/format.js';
import { vegaBrowserBuild, vegaVersion } from '../viz/render.js';
import { renderReport, scriptJson, scriptSource, type ReportScenario } from '../viz/report.js';
import { mcOutput, MULTI } from './fixtures.js';
import { cli, cliInProcess } from './helpers.js';
import { texts } from '../viz/texts/index.js';

/** `s` as a literal inside a RegExp. */
const re = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
const ROOT = fileURLToPath(new URL('..', import.meta.url));
const ARTIFACTS = join(ROOT, 'test-artifacts');

const item = (out = mcOutput()): ReportScenario => ({
  out,
  assumptions: [
    { region: null, path: 'norms.specialist', value: '1100', source: 'sos', kind: 'published' },
    { region: 'Testregion', path: 'st.dropout', value: 'PERT(0.01, 0.02, 0.04)', source: 'guess', kind: 'assumption', note: 'no published figure' },
    { region: null, path: 'st.fte', value: '1', source: null, kind: 'default', note: 'the riktvärde assumes full time' },
  ],
  sources: {
    sos: { title: 'Nationellt riktvärde för fast läkarkontakt', publisher: 'Socialstyrelsen', year: 2022, kind: 'published', url: 'https://example.org/riktvarde' },
    guess: { title: 'ST dropout per year', kind: 'assumption' },
  },
  file: 'scenarios/test.yaml',
});

const opts = { loc: texts('sv' as const), command: 'npx riktvarde report scenarios/test.yaml --runs 5000 --seed 7 --lang sv --out test.html', vegaJs: vegaBrowserBuild(), vegaVersion: vegaVersion() };

describe('renderReport (HTML)', () => {
  const html = renderReport([item()], opts);
  const plain = html.replace(/\u00a0/g, ' '); // numbers are kept on one line with no-break spaces

  it('is one file: vega inlined, no external script, style, image or font', () => {
    expect(html.startsWith('<!DOCTYPE html>')).toBe(true);
    const markup = html.replace(/<script\b[^>]*>[\s\S]*?<\/script>/g, '<script></script>');
    expect(markup).not.toMatch(/<script[^>]*\ssrc=/i);
    expect(markup).not.toMatch(/<link\b/i);
    expect(markup).not.toMatch(/<img\b/i);
    expect(markup).not.toMatch(/@import|url\(/i);
    expect(html).toContain(vegaVersion());
    expect(html.length).toBeGreaterThan(400_000);
  });

  it('escapes text and embedded JSON (a scenario text with </script> cannot end a script)', () => {
    expect(html.match(/<script\b/g)?.length).toBe(3);
    expect(html.match(/<\/script>/g)?.length).toBe(3);
    expect(html).toContain('A test scenario &lt;b&gt;with&lt;/b&gt; markup &amp; a &lt;/script&gt; tag.');
    expect(scriptJson({ a: '</script><!--' })).toBe('{"a":"\\u003c/script>\\u003c!--"}');
    expect(scriptSource('x="</script>";y="<!--"')).toBe('x="<\\/script>";y="<\\!--"');
  });

  it('has the answer in words, the appendix, the assumptions with kinds and sources, and the command', () => {
    expect(html).toContain('70\u00a0%');
    expect(plain).toContain('Testregion: med scenariots antaganden nås 1100/550 år 2032 (median); 80 %-intervall 2030 – inte till och med 2034; sannolikhet att det nås till och med 2034: 70 %.');
    expect(html).toContain('Bilaga: år för år');
    expect(html).toContain('<th>Befolkning</th>');
    expect(html).toContain('Publicerad');
    expect(html).toContain('Antagande');
    expect(html).toContain('Standardvärde');
    expect(plain).toContain('Nationellt riktvärde för fast läkarkontakt, Socialstyrelsen, 2022');
    expect(html).toContain(opts.command);
    expect(html).toMatch(/@page\s*\{\s*size:\s*A4/);
    expect(html).toContain('break-before: page');
  });

  it('cites a source by its id on screen and by its number in the list on paper', () => {
    expect(html).toContain('<a href="#src-sos"><span class="screen-only">sos</span><span class="print-only">[1]</span></a>');
    expect(html).toContain('<a href="#src-guess"><span class="screen-only">guess</span><span class="print-only">[2]</span></a>');
    expect(html).toContain('<li id="src-guess"><code class="screen-only">guess</code><b class="print-only">2</b> ST dropout per year');
    expect(html).toMatch(/@media print \{[\s\S]*\.screen-only \{ display: none; \}/);
  });

  it('English report and a multi-region scenario', () => {
    const en = renderReport([item(mcOutput(MULTI, 'Hela regionen'))], { ...opts, loc: texts('en') });
    expect(en.replace(/\u00a0/g, ' ')).toContain("Hela regionen: with the scenario's assumptions");
    expect(en).toContain('chart-1-7-regions');
    expect(en).toContain('Appendix: year by year');
  });

  it('the same inputs give the same bytes (no clock in the file)', () => {
    expect(renderReport([item()], opts)).toBe(html);
  });
});

/** Shipped scenarios run in-process on one seed and number of runs: report items and their comparison. */
function scenariosCompared(files: string[], runs: number, seed: number): { items: ReportScenario[]; res: CompareResult } {
  const runsOf = files.map((f) => {
    const sc = loadScenarioFile(join(ROOT, 'scenarios', f));
    const mc = monteCarlo(sc.input, { runs, seed, eventNoise: true });
    const out = toMcOutput(mc, { name: sc.meta.name, description: sc.meta.description, countBasis: sc.meta.countBasis }, 'test');
    return { sc, mc, out, file: `scenarios/${f}` };
  });
  return {
    items: runsOf.map(({ sc, out, file }) => ({ out, assumptions: sc.meta.assumptions, sources: sc.meta.sources, file })),
    res: compareScenarios(runsOf.map(({ mc, out, file }) => ({ out, unit: comparedUnit(mc), file })), 'test'),
  };
}

/** An element's text without tags and entities' no-break spaces. */
const textOf = (html: string) => html.replace(/<[^>]+>/g, '').replace(/\u00a0/g, ' ').replace(/&amp;/g, '&').replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"');

describe('renderReport with several scenarios (the comparison at the top)', () => {
  const { items, res } = scenariosCompared(['halland.yaml', 'halland-motion-1100.yaml'], 200, 11);
  const html = renderReport(items, { ...opts, comparison: res });
  const plain = textOf(html);

  it('opens with the comparison, then each scenario headed A: …, B: …', () => {
    const at = (s: string) => html.indexOf(s);
    expect(at('<section class="comparison"')).toBeGreaterThan(0);
    expect(at('<section class="comparison"')).toBeLessThan(at('<section class="answer"'));
    expect(html.match(/<section class="comparison"/g)).toHaveLength(1);
    expect(html).toContain('<h1>Jämförelse av scenarier</h1>');
    expect(html).toContain('<section class="answer" id="scenario-1">');
    expect(html).toContain('<section class="answer" id="scenario-2">');
    expect(plain).toContain('A: Region Halland – ST-satsningen 2022–2027');
    expect(plain).toContain('B: Region Halland – motionen 1100/550 till 2030');
    expect(plain).toContain('A = Region Halland – ST-satsningen 2022–2027 (scenarios/halland.yaml)');
    expect(html).toContain('href="#scenario-2"');
  });

  it('says in words how B differs from A', () => {
    const [A, B] = res.scenarios;
    expect(B.reachedYear.median).not.toBeNull();
    const head = textOf(html.match(/<div class="headline">([\s\S]*?)<\/div>/)![1]);
    expect(head).toMatch(new RegExp(`^Med B nås 1100/550 ${B.reachedYear.median} \\(median\\) i stället för ${A.reachedYear.median ?? 'efter 2034'} med A; sannolikhet till och med 2034: ${re(fmtProb(B.probabilityReachedByEnd, 'sv'))} mot ${re(fmtProb(A.probabilityReachedByEnd, 'sv'))}; ST-läkarna är som flest [\\d ]+ år \\d{4} i stället för [\\d ]+ år \\d{4}; merkostnaden per år är som högst [\\d ]+ mnkr år \\d{4} i stället för [\\d ]+ mnkr år \\d{4}; merkostnad till och med 2034: \\+[\\d ]+ mnkr\\.$`));
    expect(head).toContain(`merkostnad till och med 2034: ${fmtSigned(res.differences[0].cumulativeCost.ofMedians! / 1e6, 'sv', 0)} mnkr.`);
  });

  it('the table has the rows and cells of `riktvarde compare`, intervals on a line of their own', () => {
    const table = html.match(/<table class="compare">[\s\S]*?<\/table>/)![0];
    expect(textOf(table.match(/<thead>[\s\S]*?<\/thead>/)![0])).toBe('ABB − A');
    const rows = [...table.matchAll(/<tbody>([\s\S]*)<\/tbody>/g)][0][1].split('\n');
    const lines = compareLines(res, texts('sv'));
    expect(rows).toHaveLength(lines.length);
    lines.forEach((l, i) => {
      const cells = [...rows[i].matchAll(/<t[hd][^>]*>([\s\S]*?)<\/t[hd]>/g)].map((m) => textOf(m[1].replace('<span class="iv">', ' ')));
      expect(cells).toEqual([l.label, ...l.values, ...l.diffs]);
    });
    expect(table).toContain('<span class="iv">(');
    expect(plain).toContain('Merkostnad per år per tillkommen invånare 2034 (kr/år)');
    expect(plain).toContain('200 körningar, frö 11');
  });

  it('embeds the overlay chart compiled for the browser, next to every scenario\'s own charts', () => {
    const specs = JSON.parse(html.match(/<script type="application\/json" id="riktvarde-specs">([\s\S]*?)<\/script>/)![1]) as Record<string, unknown>;
    expect(Object.keys(specs)[0]).toBe('chart-compare');
    expect(Object.keys(specs).filter((k) => k.startsWith('chart-1-')).length).toBeGreaterThanOrEqual(6);
    expect(Object.keys(specs).filter((k) => k.startsWith('chart-2-')).length).toBeGreaterThanOrEqual(6);
    expect(html).toContain('<div class="chart" id="chart-compare"');
    expect(JSON.stringify(specs['chart-compare'])).toContain('DejaVu Sans');
  });

  it('English; one scenario has no comparison; a comparison of other scenarios is refused', () => {
    const en = textOf(renderReport(items, { ...opts, loc: texts('en'), comparison: res }));
    const [A, B] = res.scenarios;
    expect(en).toMatch(new RegExp(`With B, 1100/550 is reached in \\d{4} \\(median\\) instead of (in \\d{4}|after 2034) with A; probability by 2034: ${re(fmtProb(B.probabilityReachedByEnd, 'en'))} against ${re(fmtProb(A.probabilityReachedByEnd, 'en'))}; ST trainees peak at [\\d,]+ in \\d{4} instead of [\\d,]+ in \\d{4}; the extra cost per year peaks at SEK [\\d,]+ m in \\d{4} instead of SEK [\\d,]+ m in \\d{4}; extra cost to 2034: SEK \\+[\\d,]+ m\\.`));
    expect(en).toContain('The scenarios side by side');
    const one = renderReport([items[0]], { ...opts, comparison: res });
    expect(one).not.toContain('class="comparison"');
    expect(one).not.toContain('chart-compare');
    expect(one).toContain('<section class="answer">');
    expect(() => renderReport([items[0], items[1], items[0]], { ...opts, comparison: res })).toThrow(RangeError);
  });
});

describe('report in a browser (packaged Chromium, offline)', () => {
  let browser: Browser | null = null;
  let file = '';
  let compareFile = '';

  beforeAll(async () => {
    mkdirSync(ARTIFACTS, { recursive: true });
    file = join(ARTIFACTS, 'report-halland.html');
    compareFile = join(ARTIFACTS, 'report-halland-compare.html');
    // The real pipeline: the built CLI on a shipped scenario; two scenarios (the comparison at the
    // top) through the same `main` in-process on one thread; the browser starting meanwhile.
    const [r, c, b] = await Promise.all([
      cli(ROOT, 'report', 'scenarios/halland.yaml', '--runs', '300', '--seed', '3', '--lang', 'sv', '--out', file, '--force'),
      cliInProcess(ROOT, 'report', 'scenarios/halland.yaml', 'scenarios/halland-motion-1100.yaml', '--runs', '300', '--seed', '3', '--lang', 'sv', '--out', compareFile, '--force', '--workers', '1'),
      launchBrowser(),
    ]);
    browser = b;
    if (r.code !== 0) throw new Error(`report failed (${r.code}): ${r.stderr}`);
    expect(r.stdout.trim()).toBe(file);
    if (c.code !== 0) throw new Error(`report of two scenarios failed (${c.code}): ${c.stderr}`);
    expect(c.stdout.trim()).toBe(compareFile);
    writeFileSync(join(ARTIFACTS, 'report-fixture.html'), renderReport([item(mcOutput(MULTI, 'Hela regionen'))], opts));
  });

  it('is the Chromium from the npm package (no system browser), unless RIKTVARDE_CHROMIUM names another', async () => {
    const path = await chromiumPath();
    const override = process.env.RIKTVARDE_CHROMIUM;
    if (override) {
      expect(path).toBe(override);
    } else {
      expect(path).toBe(join(tmpdir(), `riktvarde-chromium-${packagedChromium().version}`, 'chromium'));
      expect(browser!.version().split('.')[0]).toBe(packagedChromium().version.split('.')[0]);
    }
  });

  afterAll(async () => {
    await browser?.close();
  });

  for (const name of ['report-halland.html', 'report-fixture.html', 'report-halland-compare.html']) {
    it(`${name}: every chart has marks; no console errors; no request but the file`, async () => {
      const path = resolve(ARTIFACTS, name);
      const ctx = await browser!.newContext({ offline: true, viewport: { width: 1200, height: 900 } });
      const page = await ctx.newPage();
      const requests: string[] = [];
      const problems: string[] = [];
      page.on('request', (r) => requests.push(r.url()));
      page.on('console', (m) => { if (m.type() === 'error' || m.type() === 'warning') problems.push(`${m.type()}: ${m.text()}`); });
      page.on('pageerror', (e) => problems.push(`page error: ${e.message}`));
      page.on('requestfailed', (r) => problems.push(`request failed: ${r.url()}`));
      await page.goto(pathToFileURL(path).href, { waitUntil: 'load' });
      await page.waitForFunction(() => [...document.querySelectorAll('.chart')].every((e) => e.getAttribute('data-rendered') === 'true'), null, { timeout: 20_000 });
      const charts = await page.$$eval('.chart', (els) => els.map((e) => ({
        id: e.id,
        marks: e.querySelectorAll('svg .mark-line path, svg .mark-area path, svg .mark-rect path, svg .mark-symbol path, svg .mark-rule line').length,
        texts: [...e.querySelectorAll('svg text')].filter((t) => (t.textContent ?? '').trim().length > 0).length,
        width: e.querySelector('svg')?.getBoundingClientRect().width ?? 0,
      })));
      expect(charts.length).toBeGreaterThanOrEqual(6);
      for (const c of charts) {
        expect(c.marks, c.id).toBeGreaterThan(3);
        expect(c.texts, c.id).toBeGreaterThan(10);
        expect(c.width, c.id).toBeGreaterThan(300);
      }
      expect(problems).toEqual([]);
      expect(requests).toEqual([pathToFileURL(path).href]);
      await page.screenshot({ path: join(ARTIFACTS, name.replace('.html', '.png')), fullPage: true });
      await ctx.close();
    });
  }

  it('two scenarios: the comparison table and the overlay chart drawn; the table fits A4 portrait in print', async () => {
    const ctx = await browser!.newContext({ offline: true, viewport: { width: 1200, height: 900 } });
    const page = await ctx.newPage();
    const problems: string[] = [];
    page.on('console', (m) => { if (m.type() === 'error' || m.type() === 'warning') problems.push(`${m.type()}: ${m.text()}`); });
    page.on('pageerror', (e) => problems.push(`page error: ${e.message}`));
    await page.goto(pathToFileURL(compareFile).href, { waitUntil: 'load' });
    await page.waitForFunction(() => document.getElementById('chart-compare')?.getAttribute('data-rendered') === 'true', null, { timeout: 20_000 });
    const got = await page.evaluate(() => {
      const chart = document.getElementById('chart-compare')!;
      const section = document.querySelector('section.comparison')!;
      return {
        first: document.querySelector('section')?.className,
        rows: section.querySelectorAll('table.compare tbody tr').length,
        heads: [...section.querySelectorAll('table.compare thead th')].map((t) => t.textContent),
        lines: chart.querySelectorAll('svg .mark-line path').length,
        areas: chart.querySelectorAll('svg .mark-area path').length,
        legend: [...chart.querySelectorAll('svg .role-legend text')].map((t) => t.textContent),
        headline: section.querySelector('.headline')?.textContent ?? '',
      };
    });
    expect(got.first).toBe('comparison');
    expect(got.rows).toBe(19);
    expect(got.heads).toEqual(['', 'A', 'B', 'B − A']);
    expect(got.lines).toBeGreaterThanOrEqual(2);
    expect(got.areas).toBeGreaterThanOrEqual(2);
    expect(got.legend.join('|')).toContain('B: Region Halland – motionen 1100/550 till 2030');
    expect(got.headline).toMatch(/^Med B nås 1100\/550 /);
    await (await page.$('section.comparison'))!.screenshot({ path: join(ARTIFACTS, 'report-compare.png') });
    // Print: A4 portrait less 14 mm side margins is 182 mm = 688 CSS px.
    await page.setViewportSize({ width: 688, height: 1000 });
    await page.emulateMedia({ media: 'print' });
    const printed = await page.evaluate(() => ({
      table: document.querySelector('table.compare')!.scrollWidth,
      section: Math.max(...[...document.querySelectorAll('section.comparison > *')].map((e) => e.getBoundingClientRect().right)),
    }));
    expect(printed.table).toBeLessThanOrEqual(688);
    expect(printed.section).toBeLessThanOrEqual(689);
    await (await page.$('section.comparison'))!.screenshot({ path: join(ARTIFACTS, 'report-compare-print.png') });
    expect(problems).toEqual([]);
    await ctx.close();
  });

  it('two scenarios run on the first one\'s seed (common random numbers), with a warning when count bases differ', async () => {
    const out = join(ARTIFACTS, 'report-mixed.html');
    const r = await cliInProcess(ROOT, 'report', 'scenarios/halland.yaml', 'scenarios/stockholm-handlingsplan.yaml', '--runs', '50', '--lang', 'sv', '--out', out, '--force', '--workers', '1');
    expect(r.code, r.stderr).toBe(0);
    // Under --lang sv the warning is Swedish (it was English before the CLI messages followed --lang).
    expect(r.stderr).toContain(texts('sv').messages.stderrCountBasis(['all-sectors', 'health-centres']));
    const html = readFileSync(out, 'utf8').replace(/\u00a0/g, ' ');
    expect(html).toContain('50 körningar, frö 2023'); // halland.yaml's seed…
    expect(html).not.toContain('frö 2024'); // …not stockholm-handlingsplan.yaml's
    expect(html).toContain('Obs: scenarierna utgår från olika räknebas');
    expect(html).toContain('npx riktvarde report scenarios/halland.yaml scenarios/stockholm-handlingsplan.yaml --runs 50 --seed 2023 --lang sv --out');
  });

  it('the report file is self-contained and about the expected size', () => {
    const html = readFileSync(file, 'utf8');
    expect(html.length).toBeLessThan(1_500_000);
    expect(html).toContain('npx riktvarde report scenarios/halland.yaml --runs 300 --seed 3 --lang sv --out');
  });
});
