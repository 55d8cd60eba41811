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
import { Worker } from 'node:worker_threads';
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
 * A thread that draws SVG text as PNG bytes with resvg (`new Resvg(svg, options).render().asPng()`,
 * exactly what `svgToPng` does), one request at a time, in order. Both the drawing and the PNG
 * encoding run there, so this thread only lays out charts (the encoding alone was ~40 ms of this
 * thread per chart). CommonJS evaluated as a string: no file of its own to find or bundle.
 */
const PNG_THREAD = `
const { parentPort, workerData } = require('node:worker_threads');
const { Resvg } = require(workerData.resvg);
parentPort.on('message', (m) => {
  let reply;
  try { reply = { png: new Resvg(m.svg, m.options).render().asPng() }; } catch (e) { reply = { error: e instanceof Error ? e.message : String(e) }; }
  parentPort.postMessage(reply);
});`;

class PngThread {
  private readonly worker = new Worker(PNG_THREAD, { eval: true, workerData: { resvg: require.resolve('@resvg/resvg-js') } });
  private readonly waiting: { resolve: (b: Buffer) => void; reject: (e: Error) => void }[] = [];
  constructor() {
    this.worker.on('message', (m: { png: Uint8Array } | { error: string }) => {
      const w = this.waiting.shift()!;
      if ('error' in m) w.reject(new Error(m.error));
      else w.resolve(Buffer.from(m.png.buffer, m.png.byteOffset, m.png.byteLength));
    });
    const fail = (e: Error) => { for (const w of this.waiting.splice(0)) w.reject(e); };
    this.worker.on('error', fail);
    this.worker.on('exit', (code) => fail(new Error(`the PNG thread stopped (exit code ${code})`)));
  }
  draw(svg: string, options: ResvgRenderOptions): Promise<Buffer> {
    return new Promise((resolve, reject) => {
      this.waiting.push({ resolve, reject });
      this.worker.postMessage({ svg, options });
    });
  }
  async end(): Promise<void> { await this.worker.terminate(); }
}

/**
 * Several charts in one format, in order. PNG: a thread of its own (`PngThread`) draws and encodes
 * each chart while this one lays out the next — the same bytes as one after another. (Drawing
 * one at a time was measured 0.3 s slower on a quiet two-core machine: docs/decisions.md; the
 * encoding on the drawing thread too: docs/speed-findings.md §9.warm.)
 */
export async function renderCharts(specs: VlSpec[], format: ChartFormat): Promise<(string | Buffer)[]> {
  if (format !== 'png') {
    const out: (string | Buffer)[] = [];
    for (const spec of specs) out.push(await renderChart(spec, format));
    return out;
  }
  const png = new PngThread(); // starts while the first chart is laid out
  const out: Promise<Buffer>[] = [];
  try {
    for (const spec of specs) out.push(png.draw(await renderSvg(spec), resvgOptions({})));
    return await Promise.all(out);
  } finally {
    // A failure is reported once: by the Promise.all above, or by the throw of a later chart's layout.
    for (const p of out) p.catch(() => {});
    await png.end();
  }
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
