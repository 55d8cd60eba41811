/**
 * `report --out x.pdf`: the HTML report printed to PDF by the packaged Chromium (cli/browser.ts),
 * on A4 as the report's own `@page` rules say (portrait; the year table on landscape pages).
 * The page is loaded offline from a string (no file, no network), the charts are awaited, and
 * the PDF's dates are not stamped with the clock (Chromium writes CreationDate/ModDate: they are
 * overwritten with a fixed date so that the same command gives the same bytes).
 */
import { launchBrowser } from './browser.js';

/** How long the charts may take to draw before the print is refused (ms). */
const CHART_TIMEOUT = 60_000;

export async function htmlToPdf(html: string): Promise<Uint8Array> {
  const browser = await launchBrowser();
  try {
    const context = await browser.newContext({ offline: true });
    const page = await context.newPage();
    await page.setContent(html, { waitUntil: 'load' });
    await page.waitForFunction(() => [...document.querySelectorAll('.chart')].every((e) => e.getAttribute('data-rendered') === 'true' || (e.textContent ?? '') !== ''), null, { timeout: CHART_TIMEOUT });
    await page.emulateMedia({ media: 'print' });
    const pdf = await page.pdf({ format: 'A4', preferCSSPageSize: true, printBackground: true, tagged: true, outline: true });
    return fixedDates(new Uint8Array(pdf));
  } finally {
    await browser.close();
  }
}

/** Replaces the 14 digits of the PDF's CreationDate and ModDate with 2000-01-01 00:00:00 (same length: no offset moves). */
function fixedDates(pdf: Uint8Array): Uint8Array {
  const s = Buffer.from(pdf).toString('latin1');
  return new Uint8Array(Buffer.from(s.replace(/\/(CreationDate|ModDate) ?\(D:\d{14}/g, (m) => m.slice(0, -14) + '20000101000000'), 'latin1'));
}
