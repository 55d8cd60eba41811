/**
 * The HTML report: self-contained and safe (unit tests on viz/report.ts), and — in Debian's
 * headless Chromium driven by playwright-core, in an offline context — every chart draws its
 * marks, nothing is logged as an error and nothing but the file itself is requested. The
 * screenshot stays in test-artifacts/ (gitignored).
 *
 * Chromium is required: without it the browser test FAILS (CI installs it with apt-get).
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { chromium, type Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { vegaBrowserBuild, vegaVersion } from '../viz/render.js';
import { renderReport, scriptJson, scriptSource, type ReportScenario } from '../viz/report.js';
import { mcOutput, MULTI } from './chart-fixtures.js';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const CLI = join(ROOT, 'dist/cli/main.js');
const ARTIFACTS = join(ROOT, 'test-artifacts');
const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run', '--disable-quic'];

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

const opts = { lang: 'sv' as const, command: 'npx riktvarde report scenarios/test.yaml --runs 5000 --seed 7 --lang sv --out test.html', vegaJs: vegaBrowserBuild(), vegaVersion: vegaVersion() };

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

  it('English report and a multi-region scenario', () => {
    const en = renderReport([item(mcOutput(MULTI, 'Hela regionen'))], { ...opts, lang: 'en' });
    expect(en.replace(/\u00a0/g, ' ')).toContain("Hela regionen: with the scenario's assumptions");
    expect(en).toContain('chart-1-7-regions');
    expect(en).toContain('Appendix: year by year');
  });

  it('the same inputs give the same bytes (no clock in the file)', () => {
    expect(renderReport([item()], opts)).toBe(html);
  });
});

describe('report in a browser (Debian Chromium, offline)', () => {
  let browser: Browser | null = null;
  let file = '';

  beforeAll(async () => {
    if (!existsSync(CHROMIUM)) {
      throw new Error(`Chromium is needed for the report's browser test but ${CHROMIUM} does not exist. Install it with: apt-get update && apt-get install -y chromium (.ci/run does this).`);
    }
    mkdirSync(ARTIFACTS, { recursive: true });
    file = join(ARTIFACTS, 'report-halland.html');
    // The real pipeline: the built CLI on a shipped scenario.
    const r = spawnSync(process.execPath, [CLI, 'report', 'scenarios/halland.yaml', '--runs', '300', '--seed', '3', '--lang', 'sv', '--out', file, '--force'], { cwd: ROOT, encoding: 'utf8' });
    if (r.status !== 0) throw new Error(`report failed (${r.status}): ${r.stderr}`);
    expect(r.stdout.trim()).toBe(file);
    writeFileSync(join(ARTIFACTS, 'report-fixture.html'), renderReport([item(mcOutput(MULTI, 'Hela regionen'))], opts));
    browser = await chromium.launch({ executablePath: CHROMIUM, args: ARGS });
  });

  afterAll(async () => {
    await browser?.close();
  });

  for (const name of ['report-halland.html', 'report-fixture.html']) {
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

  it('the report file is self-contained and about the expected size', () => {
    const html = readFileSync(file, 'utf8');
    expect(html.length).toBeLessThan(1_500_000);
    expect(html).toContain('npx riktvarde report scenarios/halland.yaml --runs 300 --seed 3 --lang sv --out');
  });
});
