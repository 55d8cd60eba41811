/**
 * The what-if page (bundled by esbuild into the HTML file `riktvarde explore` writes).
 *
 *   lever input ─setsFor─▶ --set list ─Web Worker (api/core: scenarioParser, monteCarloOutput)─▶ McRunOutput
 *     ─viz/charts (Vega-Lite specs) ─vega-lite, vega (inlined)─▶ SVG charts; verdict sentence
 *
 * Each change is computed with each of `runSteps` runs in turn (a quick answer, 1 000 runs, then
 * refined; the same seed: the numbers shown are `riktvarde run --runs N …` for the N shown). A
 * change cancels what the worker was computing, so the newest setting is always the one worked
 * on. With A pinned, A is kept at the runs of B, so A and B always share their random numbers.
 */
import type { McRegionOutput, McRunOutput } from '../model/mcresults.js';
import type { CompareResult } from '../model/compare.js';
import { compareChart } from '../viz/compare-charts.js';
import { compareLines } from '../viz/compare.js';
import { costChart, perDoctorChart, probabilityChart, yearReachedChart, type VlSpec } from '../viz/charts.js';
import { normForSentences } from '../viz/table.js';
import { inLang } from '../viz/assumptions.js';
import { mcReachedInfo, texts, type Locale } from '../viz/texts/index.js';
import { commandFor, defaultSettings, fieldText, overlayFor, parseField, setsFor, type LeverDef, type PageData, type Settings } from './levers.js';
import type { WorkReply, WorkRequest, WorkTimes } from './worker.js';
import { leverValueText, leverWritten } from './lever-text.js';
import type { Started } from './start.js';

declare const vega: { View: new (rt: unknown, o: unknown) => { runAsync(): Promise<unknown>; finalize(): void }; parse(spec: unknown): unknown };
declare const vegaLite: { compile(spec: unknown): { spec: unknown } };

interface Result { gen: number; runs: number; sets: string[]; out: McRunOutput; setA?: string[]; outA?: McRunOutput; compare?: CompareResult; times: WorkTimes; receivedAt: number }
interface Timing { gen: number; runs: number; receivedMs: number; firstChartMs: number; allChartsMs: number; worker: WorkTimes }

const $ = <T extends HTMLElement>(id: string) => document.getElementById(id) as T;
const el = (tag: string, attrs: Record<string, string> = {}, text?: string): HTMLElement => {
  const e = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) e.setAttribute(k, v);
  if (text !== undefined) e.textContent = text;
  return e;
};

const data = JSON.parse($('riktvarde-data').textContent!) as PageData;
const loc: Locale = texts(data.lang);
const m = data.model;
const T = loc.explore;
let settings: Settings = defaultSettings(m);

// ------------------------------------------------------------------ worker and scheduling

// One worker for the page's life, started by web/start.ts before the charting code loaded, with the
// scenario as written as request 1: it parses the scenario once and keeps results (web/worker.ts).
const started = (window as unknown as { riktvardeStart: Started }).riktvardeStart;
const worker = started.worker;
let gen = 0;
let current: Result | null = null;
let pinned: { sets: string[] } | null = null;
/** Per setting (gen): when the lever moved. */
const changedAt = new Map<number, number>();
/** For the benchmark: per shown result, ms from the lever change to its fan chart, and the worker's times. */
const timings: Timing[] = [];
let lastError: string | null = null;
/** Results arrive in order; one is drawn at a time, and only the newest waiting one. */
let drawing = false;
let waitingResult: Result | null = null;

function received(r: WorkReply): void {
  if (r.gen !== gen) return; // a setting already replaced
  if ('error' in r) {
    lastError = r.error;
    $('status').textContent = T.failed(r.error);
    return;
  }
  lastError = null;
  const res: Result = { gen: r.gen, runs: r.runs, sets: sentSets, out: r.out, setA: sentSetA, outA: r.outA, compare: r.compare as CompareResult | undefined, times: r.times, receivedAt: performance.now() };
  if (drawing) { waitingResult = res; return; }
  void showAll(res);
}

// A worker that fails to load or throws outside a request (not a scenario problem): say so.
worker.onerror = (e: ErrorEvent) => {
  lastError = e.message || 'worker error';
  $('status').textContent = T.failed(lastError);
};

let sentSets: string[] = [];
let sentSetA: string[] | undefined;

/** A new setting: the worker drops what it was computing and starts on this one at once. */
function recompute(): void {
  gen++;
  changedAt.set(gen, performance.now());
  sentSets = setsFor(m, settings);
  sentSetA = pinned?.sets;
  $('status').textContent = T.computing();
  worker.postMessage({ kind: 'run', gen, set: sentSets, setA: sentSetA, steps: data.runSteps } satisfies WorkRequest);
}

async function showAll(res: Result): Promise<void> {
  drawing = true;
  try {
    for (let r: Result | null = res; r; r = waitingResult, waitingResult = null) {
      if (r.gen === gen) { current = r; await show(r); }
    }
  } finally {
    drawing = false;
  }
}

// ------------------------------------------------------------------ results

const views = new Map<string, { finalize(): void }>();

/**
 * A chart: its title and subtitle as HTML above it (text that wraps at any width and reads as
 * text), the rest drawn by Vega into an SVG no wider than the page's column.
 */
async function draw(id: string, spec: VlSpec | null): Promise<void> {
  const box = $(id);
  views.get(id)?.finalize();
  views.delete(id);
  box.hidden = spec === null;
  if (!spec) { box.replaceChildren(); return; }
  const { fitted, title, subtitle } = fitSpec(spec, narrow());
  const caption = el('figcaption');
  caption.append(el('h3', {}, title));
  if (subtitle) caption.append(el('p', {}, subtitle));
  const plot = el('div', { class: 'plot', role: 'img', 'aria-label': title });
  box.replaceChildren(caption, plot);
  const view = new vega.View(vega.parse(vegaLite.compile(fitted).spec), { renderer: 'svg', container: plot, hover: true });
  views.set(id, view);
  await view.runAsync();
}

/** A phone's width: one column, panels stacked. */
const narrow = (): boolean => $('results').clientWidth < 600;

type Title = string | string[] | { text?: string | string[]; subtitle?: string | string[] } | undefined;
const line = (t: string | string[] | undefined): string => keepNumbers((Array.isArray(t) ? t.join(' ') : t ?? '').replace(/\s+/g, ' ').trim());
/** `1 100`, `5 000` and `50 %` kept on one line. */
const keepNumbers = (v: string): string => v.replace(/(\d) (?=%|\d{3}(?!\d))/g, '$1\u00a0');

/**
 * The spec without its top title (shown as HTML instead); on a narrow screen, side-by-side panels
 * stacked at the full width, and year labels along a crowded axis turned upright.
 */
function fitSpec(spec: VlSpec, isNarrow: boolean): { fitted: VlSpec; title: string; subtitle: string } {
  const { title: t, ...rest } = spec as VlSpec & { title?: Title };
  const title = typeof t === 'object' && !Array.isArray(t) ? line(t.text) : line(t);
  const subtitle = typeof t === 'object' && !Array.isArray(t) ? line(t.subtitle) : '';
  let fitted = rest as VlSpec & { hconcat?: { width?: number }[]; vconcat?: unknown[] };
  if (isNarrow) {
    if (fitted.hconcat) {
      const { hconcat, ...others } = fitted;
      fitted = { ...others, vconcat: hconcat.map((p) => ({ ...p, width: chartWidth() })) } as typeof fitted;
    }
    fitted = JSON.parse(JSON.stringify(fitted), (k, v) => (k === 'axis' && v && typeof v === 'object' && v.labelAngle === 0 ? { ...v, labelAngle: -90, labelAlign: 'right', labelBaseline: 'middle' } : v)) as typeof fitted;
  }
  return { fitted: fitted as VlSpec, title, subtitle };
}

const regionOf = (out: McRunOutput): McRegionOutput => out.total ?? out.regions[0];
const verdictOf = (out: McRunOutput): string => loc.report.headline(mcReachedInfo(regionOf(out), out.endYear, normForSentences(out)), regionOf(out).name);
const chartWidth = (): number => Math.max(200, Math.min(640, $('results').clientWidth - (narrow() ? 100 : 150)));
const lastSpecs: Record<string, VlSpec | null> = {};

async function show(res: Result): Promise<void> {
  const out = res.out;
  const opts = { loc, width: chartWidth() };
  $('verdict').textContent = verdictOf(out);
  const fan = perDoctorChart(out, opts)?.spec ?? null;
  lastSpecs['chart-fan'] = fan;
  const refining = res.runs < data.runSteps[data.runSteps.length - 1];
  $('status').textContent = T.status(loc.fmt.int(res.runs), m.seed, refining);
  $('command').textContent = commandFor(m, res.sets, res.runs, m.seed, data.lang);
  $('overlay').textContent = overlayFor(m, res.sets, `${m.name} – ${res.sets.length ? 'what if' : T.unchanged()}`);
  if (quick?.gen === res.gen && res.runs === data.runSteps[1]) nextStepMs = res.receivedAt - quick.receivedAt;
  cancelDeferred();
  await draw('chart-fan', fan);
  const t0 = changedAt.get(res.gen) ?? NaN;
  const firstChartMs = performance.now() - t0;
  // The quick answer of a setting that has more steps coming: the other charts wait for the next
  // step (see `deferred`), so the worker computing it has the machine to itself.
  const defer = res.runs === data.runSteps[0] && data.runSteps.length > 1;
  if (defer) {
    quick = res;
    deferred = { res, timer: setTimeout(() => void drawDeferred(), Math.max(DEFER_MS, 1.5 * nextStepMs)) };
  }
  for (const id of SECONDARY) $(id).classList.toggle('stale', defer);
  await Promise.all([defer ? Promise.resolve() : drawSecondary(out), showCompare()]);
  timings.push({ gen: res.gen, runs: res.runs, receivedMs: res.receivedAt - t0, firstChartMs, allChartsMs: performance.now() - t0, worker: res.times });
  document.body.dataset.shown = String(res.gen) + ':' + res.runs;
}

/** The charts drawn after the fan chart. */
const SECONDARY = ['chart-probability', 'chart-year', 'chart-cost'];

function drawSecondary(out: McRunOutput): Promise<unknown> {
  const opts = { loc, width: chartWidth() };
  const specs: Record<string, VlSpec | null> = {
    'chart-probability': probabilityChart(out, opts)?.spec ?? null,
    'chart-year': yearReachedChart(out, opts)?.spec ?? null,
    'chart-cost': costChart(out, opts)?.spec ?? null,
  };
  Object.assign(lastSpecs, specs);
  return Promise.all(SECONDARY.map((id) => draw(id, specs[id])));
}

/**
 * The quick answer's other charts, not yet drawn. Drawing them (~100 ms of the main thread,
 * which Chromium runs at a higher priority than the worker) would slow the worker computing the
 * next step by as much; that step's result draws them instead. If it is not there within
 * 0.3 s, or 1.5 times what the last update's next step took (a slow or busy machine), the quick
 * answer's are drawn after all.
 */
let deferred: { res: Result; timer: ReturnType<typeof setTimeout> } | null = null;
const DEFER_MS = 300;
/** The last quick answer shown, and the time from it to its next step (as received, ms). */
let quick: Result | null = null;
let nextStepMs = 0;

function cancelDeferred(): void {
  if (deferred) clearTimeout(deferred.timer);
  deferred = null;
}

async function drawDeferred(): Promise<void> {
  const d = deferred;
  deferred = null;
  if (!d || d.res !== current) return;
  // Still drawing the quick answer itself (e.g. the compare chart): a moment later.
  if (drawing) { deferred = { res: d.res, timer: setTimeout(() => void drawDeferred(), 50) }; return; }
  drawing = true;
  try {
    for (const id of SECONDARY) $(id).classList.remove('stale');
    await drawSecondary(d.res.out);
  } finally {
    drawing = false;
  }
  // A result that came while these were drawn.
  if (waitingResult) { const r = waitingResult; waitingResult = null; void showAll(r); }
}

/** A table cell: numbers kept on one line, the interval on a line of its own. */
const cell = (v: string): string => keepNumbers(v).replace(/ \(/, '\n(');

/** A against B: both verdicts, the compare table's rows (as `riktvarde compare`), the overlay chart. */
function showCompare(): Promise<void> {
  const box = $('compare');
  const res = current;
  box.hidden = pinned === null;
  $('pin').textContent = pinned ? T.unpinA() : T.pinA();
  $('pin').setAttribute('aria-pressed', String(pinned !== null));
  const rows = $('compare-rows');
  rows.replaceChildren();
  if (!pinned || !res?.compare || !res.outA) return draw('chart-compare', null);
  rows.append(el('p', { class: 'ab' }, `${T.compareLabel('A')}: ${verdictOf(res.outA)}`));
  rows.append(el('p', { class: 'ab' }, `${T.compareLabel('B')}: ${verdictOf(res.out)}`));
  const table = el('table', { class: 'cmp' });
  const head = el('tr');
  head.append(el('th', {}, ''), el('th', {}, 'A'), el('th', {}, 'B'), el('th', {}, 'B − A'));
  table.append(head);
  for (const line of compareLines(res.compare, loc)) {
    const tr = el('tr');
    tr.append(el('th', { scope: 'row' }, line.label), ...[...line.values, ...line.diffs].map((v) => el('td', {}, cell(v))));
    table.append(tr);
  }
  rows.append(table);
  return draw('chart-compare', compareChart(res.compare, loc));
}

// ------------------------------------------------------------------ levers

function fmtValue(l: LeverDef, v: number): string {
  if (l.noCapAtMax && v >= l.max) return T.noCap();
  return leverValueText(l, v, loc);
}

/** A lever's value in its number field and back: shares as percentages. */
const toField = (l: LeverDef, v: number): number => (l.display === 'share' ? Number((v * 100).toFixed(6)) : v);
const fromField = (l: LeverDef, v: number): number => (l.display === 'share' ? Number((v / 100).toFixed(8)) : v);

const leverInputs = new Map<string, { range: HTMLInputElement; num: HTMLInputElement; shown: HTMLElement }>();

function setLever(id: string, v: number): void {
  const l = m.levers.find((x) => x.id === id)!;
  if (!Number.isFinite(v)) return;
  v = Math.min(l.max, Math.max(l.min, v));
  settings = { ...settings, values: { ...settings.values, [id]: v } };
  syncInputs();
  recompute();
}

function syncInputs(): void {
  for (const l of m.levers) {
    const i = leverInputs.get(l.id)!;
    const v = settings.values[l.id];
    i.range.value = String(v);
    if (document.activeElement !== i.num) i.num.value = fieldText(toField(l, v), data.lang);
    i.num.setAttribute('aria-valuenow', String(toField(l, v)));
    i.num.setAttribute('aria-valuetext', fmtValue(l, v));
    i.shown.textContent = fmtValue(l, v);
  }
  ($('intake-shape') as HTMLSelectElement).value = settings.intakeShape.kind;
  ($('intake-from') as HTMLInputElement).value = String(settings.intakeFrom);
  ($('intake-step') as HTMLInputElement).value = String(settings.intakeShape.kind === 'ramp' ? settings.intakeShape.step : 5);
  $('intake-step-row').hidden = settings.intakeShape.kind !== 'ramp';
}

function leverBlock(l: LeverDef): HTMLElement {
  const box = el('div', { class: 'lever', id: `lever-${l.id}` });
  const head = el('div', { class: 'lever-head' });
  head.append(el('label', { for: `in-${l.id}` }, loc.explore.lever(l.id)), el('output', { id: `shown-${l.id}`, for: `in-${l.id}` }));
  const row = el('div', { class: 'row' });
  const attrs = { min: String(l.min), max: String(l.max), step: String(l.step) };
  const range = el('input', { type: 'range', id: `in-${l.id}`, ...attrs, 'aria-describedby': `meta-${l.id}` }) as HTMLInputElement;
  // A share is typed as a percentage (84,2 rather than 0.842), as it is shown.
  const pct = l.display === 'share';
  // Text, not type=number: the field shows the page's decimal mark (see fieldText).
  // As a spin button (ARIA's pattern): its range and value are read out, the arrow keys step.
  const num = el('input', {
    type: 'text', role: 'spinbutton', id: `num-${l.id}`, 'aria-label': loc.explore.lever(l.id) + (pct ? ' (%)' : ''),
    'aria-valuemin': String(toField(l, l.min)), 'aria-valuemax': String(toField(l, l.max)), inputmode: 'decimal', autocomplete: 'off', spellcheck: 'false',
  }) as HTMLInputElement;
  const reset = el('button', { type: 'button', class: 'reset', id: `reset-${l.id}`, 'aria-label': `${T.reset()}: ${loc.explore.lever(l.id)}` }, T.reset());
  range.addEventListener('input', () => setLever(l.id, Number(range.value)));
  num.addEventListener('keydown', (e) => {
    if (e.key !== 'ArrowUp' && e.key !== 'ArrowDown') return;
    e.preventDefault();
    setLever(l.id, Number((settings.values[l.id] + (e.key === 'ArrowUp' ? l.step : -l.step)).toFixed(10)));
    num.value = fieldText(toField(l, settings.values[l.id]), data.lang);
  });
  num.addEventListener('change', () => {
    const typed = parseField(num.value, data.lang);
    if (typed === null) num.value = fieldText(toField(l, settings.values[l.id]), data.lang);
    else setLever(l.id, fromField(l, typed));
    // What was used (clamped to the lever's range), in the page's format, also while focused.
    num.value = fieldText(toField(l, settings.values[l.id]), data.lang);
  });
  reset.addEventListener('click', () => {
    if (l.id === 'intake') settings = { ...settings, intakeFrom: m.startYear + 1, intakeShape: { kind: 'constant' } };
    setLever(l.id, l.value);
  });
  row.append(range, num, reset);
  const meta = el('p', { class: 'meta', id: `meta-${l.id}` });
  meta.append(el('span', {}, `${loc.explore.leverHelp(l.id)}. ${T.scenarioValue(l.noCapAtMax ? T.noCap() : leverWritten(l, loc))}. `), el('span', {}, l.source ? T.source(inLang(loc, l.source, l.sourceSv)) : T.noSource()));
  box.append(head, row);
  if (l.id === 'intake') box.append(intakeExtras());
  box.append(meta);
  leverInputs.set(l.id, { range, num, shown: head.querySelector('output')! });
  return box;
}

function intakeExtras(): HTMLElement {
  const box = el('div', { class: 'row extras' });
  const shape = el('select', { id: 'intake-shape', 'aria-label': `${T.constant()} / ${T.ramp()}` }) as HTMLSelectElement;
  shape.append(el('option', { value: 'constant' }, T.constant()), el('option', { value: 'ramp' }, T.ramp()));
  const from = el('input', { type: 'number', id: 'intake-from', min: String(m.startYear + 1), max: String(m.endYear), step: '1' }) as HTMLInputElement;
  const step = el('input', { type: 'number', id: 'intake-step', min: '1', max: '100', step: '1' }) as HTMLInputElement;
  const fromLabel = el('label', { for: 'intake-from' }, T.fromYear());
  const stepRow = el('span', { id: 'intake-step-row' });
  stepRow.append(el('label', { for: 'intake-step' }, T.rampStep()), step);
  const update = () => {
    const f = Math.min(m.endYear, Math.max(m.startYear + 1, Math.round(Number(from.value)) || m.startYear + 1));
    settings = { ...settings, intakeFrom: f, intakeShape: shape.value === 'ramp' ? { kind: 'ramp', step: Math.max(1, Number(step.value) || 5) } : { kind: 'constant' } };
    syncInputs();
    recompute();
  };
  shape.addEventListener('change', update);
  from.addEventListener('change', update);
  step.addEventListener('change', update);
  box.append(shape, fromLabel, from, stepRow);
  return box;
}

function copyButton(id: string, target: string): void {
  $(id).addEventListener('click', () => {
    const text = $(target).textContent ?? '';
    const done = () => { $(id).textContent = T.copied(); setTimeout(() => { $(id).textContent = T.copy(); }, 1500); };
    navigator.clipboard?.writeText(text).then(done, () => selectText(target));
  });
}

function selectText(id: string): void {
  const r = document.createRange();
  r.selectNodeContents($(id));
  const s = getSelection();
  s?.removeAllRanges();
  s?.addRange(r);
}

function init(): void {
  const list = $('levers');
  for (const l of m.levers) list.append(leverBlock(l));
  $('reset-all').addEventListener('click', () => { settings = defaultSettings(m); syncInputs(); recompute(); });
  $('pin').addEventListener('click', () => {
    pinned = pinned ? null : current ? { sets: current.sets } : null;
    recompute();
  });
  copyButton('copy-command', 'command');
  copyButton('copy-overlay', 'overlay');
  syncInputs();
  // Request 1 (the levers as they start) went out with the worker; take over its replies.
  gen = 1;
  changedAt.set(1, started.at);
  sentSets = setsFor(m, settings);
  $('status').textContent = T.computing();
  worker.onmessage = (e: MessageEvent<WorkReply>) => received(e.data);
  for (const r of started.early.splice(0)) received(r);
  if (JSON.stringify(sentSets) !== JSON.stringify(started.sets)) recompute();
}

/** For tests and the benchmark: the state of the page. */
(window as unknown as Record<string, unknown>).riktvardeExplore = {
  state: () => ({
    gen, shown: current && { gen: current.gen, runs: current.runs, sets: current.sets, out: current.out },
    verdict: $('verdict').textContent, command: $('command').textContent, overlay: $('overlay').textContent,
    specs: lastSpecs, timings, error: lastError, pinned: pinned?.sets ?? null,
    compare: current?.compare ? { outA: current.outA, setA: current.setA, result: current.compare } : null,
  }),
  setLever,
};

init();
