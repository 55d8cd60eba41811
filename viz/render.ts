/**
 * Vega-Lite spec → Vega spec → SVG (vega's headless view, `renderer: 'none'`, no canvas
 * package) → PNG (@resvg/resvg-js). Presentation, not engine: this module may read files (the
 * bundled DejaVu fonts and vega's browser builds for the HTML report).
 *
 * Same bytes on every machine:
 * - resvg gets exactly the shipped DejaVu Sans files and no system fonts
 *   (`loadSystemFonts: false`). Without a matching font resvg silently draws no text at all,
 *   so the charts name DejaVu Sans and the tests check that text is drawn.
 * - Vega measures text (for layout: axis label space, title bounds, autosize) with the real
 *   advance widths of those same font files instead of its rough `0.8 × font size` per
 *   character estimate (used when no canvas is installed), so the layout fits the rendered text.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Resvg, renderAsync, type ResvgRenderOptions } from '@resvg/resvg-js';
import * as vega from 'vega';
import * as vl from 'vega-lite';
import type { VlSpec } from './charts.js';

const require = createRequire(import.meta.url);

/** The bundled fonts given to resvg (regular and bold: the charts use nothing else). */
export function fontFiles(): { regular: string; bold: string } {
  const dir = join(dirname(require.resolve('dejavu-fonts-ttf/package.json')), 'ttf');
  return { regular: join(dir, 'DejaVuSans.ttf'), bold: join(dir, 'DejaVuSans-Bold.ttf') };
}

// ---------------------------------------------------------------- font metrics

/** Text widths in one font: the sum of its glyphs' advance widths (fontkit; no kerning: a few tenths of a pixel at most). */
interface FontMetrics { width(s: string, size: number): number }

/**
 * The DejaVu metrics, read with fontkit's core and its TrueType reader only (loaded on first use:
 * the full `fontkit` entry point also loads the shapers and WOFF2's brotli, twice the start-up).
 */
async function loadFontMetrics(): Promise<{ regular: FontMetrics; bold: FontMetrics }> {
  const [fontkit, { TTFFont }] = await Promise.all([import('fontkit/core'), import('fontkit/formats/TTFFont')]);
  fontkit.registerFormat(TTFFont);
  const metricsOf = (file: string): FontMetrics => {
    const font = fontkit.create(readFileSync(file));
    const em = new Map<number, number>();
    const advance = (cp: number): number => {
      let w = em.get(cp);
      if (w === undefined) em.set(cp, (w = font.glyphForCodePoint(cp).advanceWidth / font.unitsPerEm));
      return w;
    };
    return {
      width: (s, size) => {
        let sum = 0;
        for (const ch of s) sum += advance(ch.codePointAt(0)!);
        return sum * size;
      },
    };
  };
  const f = fontFiles();
  return { regular: metricsOf(f.regular), bold: metricsOf(f.bold) };
}

let metrics: Promise<{ regular: FontMetrics; bold: FontMetrics }> | null = null;

interface TextItem { fontSize?: number; fontWeight?: string | number }

/**
 * Makes vega measure text with the DejaVu metrics (process-wide; idempotent). Returns the raw
 * width: vega itself cuts text that is longer than a mark's `limit`, asking this function.
 */
export async function useDejaVuMetrics(): Promise<void> {
  const m = await (metrics ??= loadFontMetrics());
  const tm = (vega as unknown as { textMetrics: { width: (item: TextItem, text?: unknown) => number } }).textMetrics;
  tm.width = (item: TextItem, text?: unknown) => {
    const s = text == null ? '' : String(text).trim();
    const size = item.fontSize ?? 11;
    const w = item.fontWeight;
    const bold = w === 'bold' || w === 'bolder' || (typeof w === 'number' && w >= 600) || (typeof w === 'string' && Number(w) >= 600);
    return (bold ? m.bold : m.regular).width(s, size);
  };
}

// ---------------------------------------------------------------- compile and render

export class ChartCompileError extends Error {}

/** Vega-Lite → Vega; warnings are errors here (a chart that warns is a bug in charts.ts). */
export function compileSpec(spec: VlSpec): Record<string, unknown> {
  const problems: string[] = [];
  const logger = {
    level(this: unknown, l?: number) { return l === undefined ? 2 : this; },
    error: (...a: unknown[]) => { problems.push(a.map(String).join(' ')); return logger; },
    warn: (...a: unknown[]) => { problems.push(a.map(String).join(' ')); return logger; },
    info: () => logger,
    debug: () => logger,
  };
  const out = vl.compile(spec as unknown as vl.TopLevelSpec, { logger: logger as never }).spec as unknown as Record<string, unknown>;
  if (problems.length) throw new ChartCompileError(`chart spec has problems: ${problems.join('; ')}`);
  return out;
}

/** A Vega-Lite spec as SVG text (headless; text laid out with DejaVu Sans metrics). */
export async function renderSvg(spec: VlSpec): Promise<string> {
  await useDejaVuMetrics();
  const view = new vega.View(vega.parse(compileSpec(spec) as vega.Spec), { renderer: 'none' });
  try {
    return await view.toSVG();
  } finally {
    view.finalize();
  }
}

export interface PngOptions {
  /** Pixels per SVG pixel (default 2: sharp on slides and in print). */
  scale?: number;
  /** Font files to use (default the bundled DejaVu Sans); `[]` renders no text (for tests). */
  fontFiles?: string[];
}

/** resvg's options: the bundled fonts only, white background, `opts.scale` pixels per SVG pixel. */
function resvgOptions(opts: PngOptions): ResvgRenderOptions {
  const f = fontFiles();
  return {
    fitTo: { mode: 'zoom', value: opts.scale ?? 2 },
    background: 'white',
    font: { loadSystemFonts: false, fontFiles: opts.fontFiles ?? [f.regular, f.bold], defaultFontFamily: 'DejaVu Sans' },
  };
}

/** SVG text → raster with resvg and the bundled fonts only: PNG bytes and raw RGBA pixels. */
export function rasterize(svg: string, opts: PngOptions = {}): { png: Buffer; width: number; height: number; pixels: Buffer } {
  const img = new Resvg(svg, resvgOptions(opts)).render();
  return { png: img.asPng(), width: img.width, height: img.height, pixels: img.pixels };
}

/** SVG text → PNG bytes with resvg and the bundled fonts only. */
export function svgToPng(svg: string, opts: PngOptions = {}): Buffer {
  return rasterize(svg, opts).png;
}

/**
 * The same PNG bytes as `svgToPng`, but parsed and drawn on libuv's thread pool (resvg's
 * `renderAsync`), so this thread can lay out the next chart meanwhile; only the PNG encoding
 * (`asPng`) runs here.
 */
export async function svgToPngAsync(svg: string, opts: PngOptions = {}): Promise<Buffer> {
  return (await renderAsync(svg, resvgOptions(opts))).asPng();
}

/** A Vega-Lite spec as PNG bytes. */
export async function renderPng(spec: VlSpec, opts: PngOptions = {}): Promise<Buffer> {
  return svgToPngAsync(await renderSvg(spec), opts);
}

export type ChartFormat = 'png' | 'svg' | 'vl.json';

/** A chart in one output format (`vl.json`: the Vega-Lite spec itself, for restyling). */
export async function renderChart(spec: VlSpec, format: ChartFormat): Promise<string | Buffer> {
  if (format === 'vl.json') return JSON.stringify(spec, null, 2) + '\n';
  if (format === 'svg') return await renderSvg(spec);
  return await renderPng(spec);
}

/**
 * Several charts in one format, in order. PNG: each chart's SVG is laid out on this thread and
 * handed to the thread pool at once, so the drawings of the earlier charts run while the later
 * ones are laid out — the same bytes as one after another. (Drawing one at a time was measured
 * 0.3 s slower on a quiet two-core machine: docs/decisions.md.)
 */
export async function renderCharts(specs: VlSpec[], format: ChartFormat): Promise<(string | Buffer)[]> {
  const out: Promise<string | Buffer>[] = [];
  try {
    for (const spec of specs) {
      if (format !== 'png') { out.push(Promise.resolve(await renderChart(spec, format))); continue; }
      out.push(svgToPngAsync(await renderSvg(spec)));
    }
  } finally {
    // A failure is reported once: by the Promise.all below, or by the throw of a later chart's layout.
    for (const p of out) p.catch(() => {});
  }
  return Promise.all(out);
}

// ---------------------------------------------------------------- browser builds (HTML report)

/** vega's browser build (`build/vega.min.js`), found despite the package's exports map. */
export function vegaBrowserBuild(): string {
  const dir = dirname(fileURLToPath(import.meta.resolve('vega')));
  return readFileSync(join(dir, 'vega.min.js'), 'utf8');
}

/** vega's version (shown in the report's colophon). */
export function vegaVersion(): string {
  return (vega as unknown as { version: string }).version;
}
