/**
 * `riktvarde report … --out x.pdf`: the HTML report printed by the packaged Chromium. The PDF is
 * read with pdf-lib (an independent reader): pages, their size, and the outline Chromium writes
 * from the report's headings (its text is searchable there; the page text itself is in subset
 * glyph codes). The PNGs of the pages were looked at by hand (docs/decisions.md).
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { PDFArray, PDFDict, PDFDocument, PDFHexString, PDFName, PDFString } from 'pdf-lib';
import type { Browser } from 'playwright-core';
import { afterAll, describe, expect, it, vi } from 'vitest';
import { cliInProcess, removeSandboxes, sandbox } from './helpers.js';
import { texts } from '../viz/texts/index.js';

const ROOT = resolve(import.meta.dirname, '..');

// One browser for every print: the CLI's own launcher (cli/browser.ts) starts it once; the
// command closes what it was given, so the shared one ignores close() until afterAll.
const shared = vi.hoisted(() => ({ browser: null as Promise<Browser> | null, asked: 0, printed: 0 }));
vi.mock('../cli/browser.js', async (importOriginal) => {
  const real = await importOriginal<typeof import('../cli/browser.js')>();
  const keepOpen = (b: Browser) => new Proxy(b, { get: (t, k) => (k === 'close' ? async () => {} : typeof Reflect.get(t, k) === 'function' ? (Reflect.get(t, k) as (...a: unknown[]) => unknown).bind(t) : Reflect.get(t, k)) });
  return { ...real, launchBrowser: async () => { shared.asked++; return keepOpen(await (shared.browser ??= real.launchBrowser())); } };
});
afterAll(async () => {
  await (await shared.browser)?.close();
  removeSandboxes();
  expect(shared.printed).toBeGreaterThan(1);
  expect(shared.asked, 'every print asked the (shared) launcher for its browser').toBe(shared.printed);
});

/** The titles of the PDF's outline (bookmarks), depth first. */
function outlineTitles(pdf: PDFDocument): string[] {
  const titles: string[] = [];
  const outlines = pdf.catalog.lookupMaybe(PDFName.of('Outlines'), PDFDict);
  const walk = (node: PDFDict | undefined) => {
    for (let n = node; n; n = n.lookupMaybe(PDFName.of('Next'), PDFDict)) {
      const t = n.lookup(PDFName.of('Title'));
      if (t instanceof PDFString || t instanceof PDFHexString) titles.push(t.decodeText());
      walk(n.lookupMaybe(PDFName.of('First'), PDFDict));
    }
  };
  walk(outlines?.lookupMaybe(PDFName.of('First'), PDFDict));
  return titles;
}

const A4 = [595, 842];
const isA4 = (w: number, h: number) => [Math.round(Math.min(w, h)), Math.round(Math.max(w, h))].every((x, i) => Math.abs(x - A4[i]) <= 1);

async function printReport(args: string[]): Promise<{ pdf: PDFDocument; bytes: Buffer }> {
  const dir = sandbox();
  const out = join(dir, 'report.pdf');
  shared.printed++;
  const r = await cliInProcess(ROOT, 'report', ...args, '--out', out);
  expect(r.stderr).toBe('');
  expect(r.code).toBe(0);
  const bytes = readFileSync(out);
  expect(bytes.subarray(0, 5).toString('latin1')).toBe('%PDF-');
  return { pdf: await PDFDocument.load(bytes, { updateMetadata: false }), bytes };
}

/** Each outline entry's title, page index and the height of its top above the page's foot (pt). */
function outlineSpots(pdf: PDFDocument): { title: string; page: number; y: number }[] {
  const refs = pdf.getPages().map((p) => p.ref.toString());
  const spots: { title: string; page: number; y: number }[] = [];
  const walk = (node: PDFDict | undefined) => {
    for (let n = node; n; n = n.lookupMaybe(PDFName.of('Next'), PDFDict)) {
      const t = n.lookup(PDFName.of('Title'));
      const d = n.lookupMaybe(PDFName.of('Dest'), PDFArray);
      if ((t instanceof PDFString || t instanceof PDFHexString) && d) {
        spots.push({ title: t.decodeText(), page: refs.indexOf(d.get(0).toString()), y: (d.lookup(3) as unknown as { asNumber(): number }).asNumber() });
      }
      walk(n.lookupMaybe(PDFName.of('First'), PDFDict));
    }
  };
  walk(pdf.catalog.lookupMaybe(PDFName.of('Outlines'), PDFDict)?.lookupMaybe(PDFName.of('First'), PDFDict));
  return spots;
}

/**
 * Every shipped scenario alone: at most four A4 pages (answer; charts and how to reproduce;
 * assumptions and sources, landscape; year table, landscape), each page group fitted to its page
 * no smaller than cli/pdf.ts MIN_SCALE (docs/decisions.md: the age-structured scenarios' seventh
 * chart beside how to reproduce, sources cited by number, Tabell 1's counties in two columns and
 * the total's year table alone on paper).
 */
const SHIPPED = readdirSync(join(ROOT, 'scenarios')).filter((f) => f.endsWith('.yaml')).sort();

describe('report --out x.pdf', () => {
  SHIPPED.forEach((f, i) => {
    const lang = i % 2 === 0 ? 'sv' : 'en';
    it(`prints ${f} (--lang ${lang}) on at most 4 A4 pages, with its headings, none alone at a page foot`, async () => {
      const { pdf, bytes } = await printReport([`scenarios/${f}`, '--runs', '50', '--seed', '5', '--lang', lang]);
      const pages = pdf.getPages();
      expect(pages.length).toBeGreaterThanOrEqual(4);
      expect(pages.length).toBeLessThanOrEqual(4);
      for (const p of pages) expect(isA4(p.getWidth(), p.getHeight())).toBe(true);
      // The answer and the charts portrait, the assumptions and the year table landscape.
      expect(pages[0].getWidth()).toBeLessThan(pages[0].getHeight());
      expect(pages[1].getWidth()).toBeLessThan(pages[1].getHeight());
      expect(pages[pages.length - 1].getWidth()).toBeGreaterThan(pages[pages.length - 1].getHeight());
      const loc = texts(lang);
      const titles = outlineTitles(pdf);
      for (const h of [loc.report.sectionCharts(), loc.report.sectionAssumptions(), loc.report.sourcesTitle(), loc.report.sectionReproduce(), loc.report.sectionAppendix()]) expect(titles).toContain(h);
      const spot = (t: string) => outlineSpots(pdf).find((x) => x.title === t)!;
      expect(spot(loc.report.sectionCharts()).page).toBe(1);
      expect(spot(loc.report.sectionReproduce()).page).toBe(1);
      expect(spot(loc.report.sectionAssumptions()).page).toBe(2);
      expect(spot(loc.report.sourcesTitle()).page).toBe(2);
      expect(spot(loc.report.sectionAppendix()).page).toBe(3);
      // No heading at a page's foot: at least ~4 lines of the page (60 pt) under every heading's top, margin included.
      for (const s of outlineSpots(pdf)) expect(s.y, s.title).toBeGreaterThan(60);
      // No clock in the file.
      expect(bytes.toString('latin1')).not.toMatch(/\/CreationDate ?\(D:(?!20000101000000)/);
    }, 180_000);
  });

  it('prints a comparison with only what B changes in its assumptions', async () => {
    const { pdf } = await printReport(['scenarios/halland.yaml', 'scenarios/halland-motion-1100.yaml', '--runs', '100', '--lang', 'en']);
    // The comparison with how to reproduce (2 pages), then A on 3, B (its changes under its charts) on 2, the two year tables.
    expect(pdf.getPageCount()).toBeLessThanOrEqual(9);
    const titles = outlineTitles(pdf);
    expect(titles.filter((t) => t === texts('en').report.sectionAssumptions()).length).toBe(2);
  }, 180_000);
});
