/**
 * `report --out x.pdf`: the HTML report printed to PDF by the packaged Chromium (cli/browser.ts),
 * on A4 as the report's own `@page` rules say (portrait; the year table on landscape pages).
 * The page is loaded offline from a string (no file, no network), the charts are awaited, and
 * the PDF's dates are not stamped with the clock (Chromium writes CreationDate/ModDate: they are
 * overwritten with a fixed date so that the same command gives the same bytes).
 */
import type { Page } from 'playwright-core';
import { launchBrowser } from './browser.js';
import { InterruptedError, SIGNAL_EXIT } from './usage.js';

/** How long the charts may take to draw before the print is refused (ms). */
const CHART_TIMEOUT = 60_000;

export async function htmlToPdf(html: string): Promise<Uint8Array> {
  // Playwright closes its browser on SIGINT, SIGTERM and SIGHUP (and exits on SIGINT only): the
  // print then failed with "Target page … has been closed", reported as an internal error (exit 1;
  // with the message before 130 for ^C). The signal is noted here, and the failure it causes is
  // the signal's exit (130, 143, 129) with "stopped".
  let stopped: keyof typeof SIGNAL_EXIT | null = null;
  const notes = (Object.keys(SIGNAL_EXIT) as (keyof typeof SIGNAL_EXIT)[]).map((s) => [s, () => { stopped ??= s; }] as const);
  for (const [s, note] of notes) process.on(s, note);
  try {
    return await print(html);
  } catch (e) {
    if (stopped !== null) throw new InterruptedError(stopped);
    throw e;
  } finally {
    for (const [s, note] of notes) process.off(s, note);
  }
}

async function print(html: string): Promise<Uint8Array> {
  const browser = await launchBrowser();
  try {
    const context = await browser.newContext({ offline: true });
    const page = await context.newPage();
    await page.setContent(html, { waitUntil: 'load' });
    await page.waitForFunction(() => [...document.querySelectorAll('.chart')].every((e) => e.getAttribute('data-rendered') === 'true' || (e.textContent ?? '') !== ''), null, { timeout: CHART_TIMEOUT });
    await page.emulateMedia({ media: 'print' });
    await fitPages(page);
    const pdf = await page.pdf({ format: 'A4', preferCSSPageSize: true, printBackground: true, tagged: true, outline: true });
    return fixedDates(new Uint8Array(pdf));
  } finally {
    await browser.close();
  }
}

/**
 * The printed report's page plan (viz/report-css.ts): every section that starts a page begins a
 * group, and each group is made to fit one A4 page — the answer, the charts, the assumptions with
 * the sources and how to reproduce (landscape), the year table (landscape). A group that is too
 * tall is scaled down as a whole (CSS zoom; the charts' box narrowed instead, since a chart keeps
 * its aspect ratio), like a spreadsheet's "fit to page", never below MIN_SCALE: below that the
 * group flows on to a second page rather than become unreadable. Measured at each orientation's
 * content width (A4 less the `@page` margins) in CSS px.
 */
export const MIN_SCALE = 0.8;
const MM = 96 / 25.4;
const CONTENT = { portrait: { width: 182 * MM, height: 267 * MM }, wide: { width: 281 * MM, height: 200 * MM } } as const;

async function fitPages(page: Page): Promise<void> {
  for (const orientation of ['portrait', 'wide'] as const) {
    const box = CONTENT[orientation];
    await page.setViewportSize({ width: Math.floor(box.width), height: Math.floor(box.height) });
    // A few passes: a scale changes the line wrapping, so the next pass corrects it (up or down).
    // The last passes only shrink, so the result is one that was measured to fit. A pass that
    // changes no style leaves the layout as it was, so the next pass of the same kind would
    // change nothing either: skip to the next kind (the same result in fewer page round trips).
    for (let pass = 0; pass < 6; pass++) {
      const changed = await page.evaluate(({ orientation, height, minScale, grow }) => {
        const sections = [...document.querySelectorAll<HTMLElement>('body > section')];
        // (No named function in here: the bundler would wrap it in a helper this page does not have.)
        const before = sections.map((s) => s.style.cssText + [...s.querySelectorAll<HTMLElement>('figure')].map((f) => f.style.cssText).join('|')).join('\n');
        const groups: HTMLElement[][] = [];
        for (const s of sections) {
          const cs = getComputedStyle(s);
          const starts = cs.breakBefore === 'page' || groups.length === 0;
          if (starts) groups.push([s]); else groups[groups.length - 1].push(s);
        }
        for (const g of groups) {
          const wide = getComputedStyle(g[0]).getPropertyValue('page') === 'wide';
          if (wide !== (orientation === 'wide')) continue;
          const top = g[0].getBoundingClientRect().top + window.scrollY;
                    // A floated chart may reach below the last section: the lowest of the sections and their figures.
          const bottom = Math.max(...g.flatMap((s) => [s, ...s.querySelectorAll('figure')]).map((e) => e.getBoundingClientRect().bottom)) + window.scrollY;
          const h = bottom - top;
          const need = Math.min(grow ? Infinity : 1, (height * 0.97) / h);
          if (need >= 1 && !g.some((s) => s.style.zoom || s.style.width)) continue;
          for (const s of g) {
            if (s.classList.contains('charts')) {
              const w = parseFloat(s.style.width || '100') / 100;
              const next = Math.min(1, Math.max(minScale, w * need));
              s.style.width = `${(next * 100).toFixed(2)}%`;
              s.style.marginLeft = s.style.marginRight = 'auto';
            } else {
              const z = Math.min(1, Math.max(minScale, parseFloat(s.style.zoom || '1') * need));
              s.style.zoom = String(z);
              // A chart fills its box's width whatever the zoom: narrow the box by the same factor.
              for (const f of s.querySelectorAll<HTMLElement>('figure')) {
                f.style.width = `${(z * 100).toFixed(2)}%`;
                f.style.marginLeft = f.style.marginRight = 'auto';
              }
            }
          }
        }
        return sections.map((s) => s.style.cssText + [...s.querySelectorAll<HTMLElement>('figure')].map((f) => f.style.cssText).join('|')).join('\n') !== before;
      }, { orientation, height: box.height, minScale: MIN_SCALE, grow: pass < 3 });
      if (!changed) { if (pass < 3) pass = 2; else break; }
    }
  }
}

/** Replaces the 14 digits of the PDF's CreationDate and ModDate with 2000-01-01 00:00:00 (same length: no offset moves). */
function fixedDates(pdf: Uint8Array): Uint8Array {
  const s = Buffer.from(pdf).toString('latin1');
  return new Uint8Array(Buffer.from(s.replace(/\/(CreationDate|ModDate) ?\(D:\d{14}/g, (m) => m.slice(0, -14) + '20000101000000'), 'latin1'));
}
