/**
 * `riktvarde report … --out x.pdf`: the HTML report printed by the packaged Chromium. The PDF is
 * read with pdf-lib (an independent reader): pages, their size, and the outline Chromium writes
 * from the report's headings (its text is searchable there; the page text itself is in subset
 * glyph codes). The PNGs of the pages were looked at by hand (docs/decisions.md).
 */
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { PDFArray, PDFDict, PDFDocument, PDFHexString, PDFName, PDFString } from 'pdf-lib';
import type { Browser } from 'playwright-core';
import { afterAll, describe, expect, it, vi } from 'vitest';
import { cliInProcess, removeSandboxes, sandbox } from './helpers.js';
import { texts } from '../viz/texts/index.js';

const ROOT = resolve(import.meta.dirname, '..');

// One browser for every print: the CLI's own launcher (cli/browser.ts) starts it once; the
// command closes what it was given, so the shared one ignores close() until afterAll.
const shared = vi.hoisted(() => ({ browser: null as Promise<Browser> | null, asked: 0 }));
vi.mock('../cli/browser.js', async (importOriginal) => {
  const real = await importOriginal<typeof import('../cli/browser.js')>();
  const keepOpen = (b: Browser) => new Proxy(b, { get: (t, k) => (k === 'close' ? async () => {} : typeof Reflect.get(t, k) === 'function' ? (Reflect.get(t, k) as (...a: unknown[]) => unknown).bind(t) : Reflect.get(t, k)) });
  return { ...real, launchBrowser: async () => { shared.asked++; return keepOpen(await (shared.browser ??= real.launchBrowser())); } };
});
afterAll(async () => {
  await (await shared.browser)?.close();
  removeSandboxes();
  expect(shared.asked, 'every print asked the (shared) launcher for its browser').toBe(4);
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
  const r = await cliInProcess(ROOT, 'report', ...args, '--out', out);
  expect(r.stderr).toBe('');
  expect(r.code).toBe(0);
  const bytes = readFileSync(out);
  expect(bytes.subarray(0, 5).toString('latin1')).toBe('%PDF-');
  return { pdf: await PDFDocument.load(bytes, { updateMetadata: false }), bytes };
}

describe('report --out x.pdf', () => {
  for (const [file, lang] of [['scenarios/halland.yaml', 'sv'], ['scenarios/stockholm-handlingsplan.yaml', 'en'], ['scenarios/stockholm-dlf.yaml', 'sv']] as const) {
    it(`prints ${file} (--lang ${lang}) on at most six A4 pages (target four), with its headings`, async () => {
      const { pdf, bytes } = await printReport([file, '--runs', '200', '--seed', '5', '--lang', lang]);
      const pages = pdf.getPages();
      expect(pages.length).toBeGreaterThanOrEqual(3);
      // The target is four pages (it held before main's "what it would take" text and plan-path
      // rows landed); now the answer fills page 1 and the year table can spill: 5–6 pages.
      expect(pages.length).toBeLessThanOrEqual(6);
      for (const p of pages) expect(isA4(p.getWidth(), p.getHeight())).toBe(true);
      // The year table is on a landscape page, the rest portrait.
      expect(pages.some((p) => p.getWidth() > p.getHeight())).toBe(true);
      expect(pages[0].getWidth()).toBeLessThan(pages[0].getHeight());
      const loc = texts(lang);
      const titles = outlineTitles(pdf);
      for (const h of [loc.report.sectionCharts(), loc.report.sectionAssumptions(), loc.report.sourcesTitle(), loc.report.sectionReproduce(), loc.report.sectionAppendix()]) expect(titles).toContain(h);
      // No clock in the file.
      expect(bytes.toString('latin1')).not.toMatch(/\/CreationDate ?\(D:(?!20000101000000)/);
    }, 180_000);
  }

  it('prints a comparison with only what B changes in its assumptions', async () => {
    const { pdf } = await printReport(['scenarios/halland.yaml', 'scenarios/halland-motion-1100.yaml', '--runs', '100', '--lang', 'en']);
    expect(pdf.getPageCount()).toBeLessThanOrEqual(10);
    const titles = outlineTitles(pdf);
    expect(titles.filter((t) => t === texts('en').report.sectionAssumptions()).length).toBe(2);
  }, 180_000);
});
