/**
 * `riktvarde sensitivity` as text (a table for a planner, at most `width` columns) and CSV.
 * Pure: a `SensitivityOutput` in, a string out.
 *
 * Layout:
 * 1. Title, then "one parameter at a time": a base line (every parameter at its median), then per
 *    parameter three lines — at its 10th percentile, at its 90th (a fixed parameter, marked as
 *    such: 10 % lower and higher), and the swing — with the parameter's value and the three
 *    outcomes. Parameters in the order of the model (largest swing in coverage first).
 * 2. "All parameters at once": PRCC and SRC of each uncertain parameter with each outcome, and
 *    the R² of the linear fit, sorted by |PRCC| on coverage.
 * 3. The parameters with their distribution and source (the scenario's own note and source).
 *
 * Numbers: years as years ("efter 2034" / "after 2034" when not reached); coverage in % with one
 * decimal, its swing in percentage points; costs in mnkr with one decimal; swings signed, with ≥ / ≤ when one side is not reached
 * (the swing is then a bound); coefficients with two decimals. A parameter's value is shown as a
 * percentage when it is a share or a rate.
 */
import type { DefaultKey } from '../scenario/defaults.js';
import type { Dist, Domain } from '../model/dist.js';
import { OUTCOMES, type OutcomeKey, type Outcomes, type SensitivityOutput, type Swing } from '../model/sensitivity.js';
import { csvField, csvNumber } from './csv.js';
import { inLang } from './assumptions.js';
import { MISSING, trimLines, wrapText } from './format.js';
import type { Locale } from './texts/index.js';
import { DEFAULT_WIDTH, renderGrid, type GridRow } from './table.js';

/** A parameter's value: % for shares and rates, else a number with sensible decimals. */
export function fmtParamValue(v: number, domain: Domain, loc: Locale): string {
  if (!Number.isFinite(v)) return MISSING;
  if (domain.lo === 0 && domain.hi === 1) return loc.fmt.pct(v, Math.abs(v) < 0.1 ? 2 : 1);
  if (domain.lo === -1) return loc.fmt.pct(v, 2);
  const a = Math.abs(v);
  // Whole numbers without decimals at any size (a headcount of 972 beside 1 188, not 972,0).
  const whole = Math.abs(v - Math.round(v)) < 1e-9 * Math.max(1, a); // 88 000 × 1.1 is 96 800.00000000001
  return loc.fmt.num(v, a >= 10 && whole ? 0 : a >= 10 ? 1 : 2);
}

/** A swung fixed value's note: clamped to the parameter's range (not the full ±10 %), or an FTE above full time. */
function swungNote(v: number, factor: number, key: string, out: SensitivityOutput): 'capped' | 'overFullTime' | undefined {
  const p = out.parameters.find((x) => x.key === key);
  const value = p?.dist?.dist === 'fixed' ? p.dist.value : null;
  if (value !== null && Math.abs(v - value * factor) > 1e-9 * Math.max(1, Math.abs(value))) return 'capped';
  return /(^|\.)fte$/.test(key) && v > 1 + 1e-12 ? 'overFullTime' : undefined;
}

/** A distribution in words, numbers in the language's format. */
export function distText(d: Dist, loc: Locale): string {
  const n = (x: number) => loc.fmt.num(x, Math.min(6, decimalsOf(x)));
  const w = loc.analysis.sensitivity.distWords();
  const sep = w.sep;
  const bounds = (x: { min?: number; max?: number }) => `${x.min !== undefined ? `${sep}min ${n(x.min)}` : ''}${x.max !== undefined ? `${sep}max ${n(x.max)}` : ''}`;
  switch (d.dist) {
    case 'fixed': return n(d.value);
    case 'normal': return `normal(${w.mean} ${n(d.mean)}${sep}${w.sd} ${n(d.sd)}${bounds(d)})`;
    case 'lognormal': return `lognormal(${w.median} ${n(d.median)}${sep}${w.sigma} ${n(d.sigma)}${bounds(d)})`;
    case 'uniform': return `uniform(${n(d.min)}–${n(d.max)})`;
    case 'triangular': return `triangular(min ${n(d.min)}${sep}${w.mode} ${n(d.mode)}${sep}max ${n(d.max)})`;
    case 'pert': return `PERT(min ${n(d.min)}${sep}${w.mode} ${n(d.mode)}${sep}max ${n(d.max)})`;
  }
}

function decimalsOf(x: number): number {
  const s = String(x);
  const i = s.indexOf('.');
  return i < 0 || /e/i.test(s) ? 0 : s.length - i - 1;
}

const fmtCost = (kr: number, loc: Locale) => (Number.isFinite(kr) ? loc.fmt.num(kr / 1e6, 1) : MISSING);

/** A swing in years: signed, ≥ / ≤ when censored, – when neither side reaches the target. */
export function fmtYearSwing(s: Swing, loc: Locale): string {
  if (s.firstYearReached === null) return MISSING;
  const v = loc.fmt.signed(s.firstYearReached, 0);
  if (!s.censored) return v;
  return s.firstYearReached >= 0 ? `\u2265 ${v}` : `\u2264 ${v}`;
}

function outcomeCells(o: Outcomes, end: number, loc: Locale): string[] {
  return [loc.analysis.sensitivity.year(o.firstYearReached, end), fmtCoverage(o.coverage, loc), fmtCost(o.cumulativeCost, loc)];
}

/** Coverage in % with one decimal (99,6 % is not 100 %). */
const fmtCoverage = (share: number, loc: Locale) => (Number.isFinite(share) ? loc.fmt.num(share * 100, 1) : MISSING);

/** A parameter's name; a fixed one marked as swung ±10 %. */
export function paramName(r: { key: string; kind: 'uncertain' | 'fixed' }, fixedSwing: number, loc: Locale): string {
  return loc.analysis.sensitivity.param(r.key) + (r.kind === 'fixed' ? loc.analysis.sensitivity.fixedMark(Math.round(fixedSwing * 100)) : '');
}

/** The value a row was swung to: the parameter's value, or for a fixed series the factor on its path (`× 0,9`). */
export function fmtSwungValue(v: number, key: string, out: SensitivityOutput, loc: Locale): string {
  const p = out.parameters.find((x) => x.key === key);
  if (p && p.kind === 'fixed' && p.dist === null) return `\u00d7 ${loc.fmt.num(v, 1)}`;
  return fmtParamValue(v, p?.domain ?? { lo: -Infinity, hi: Infinity }, loc);
}

const fmtCoef = (x: number | null, loc: Locale) => (x === null ? MISSING : loc.fmt.num(x, 2));

/** Section 1: one parameter at a time. */
export function renderOat(out: SensitivityOutput, loc: Locale, width = DEFAULT_WIDTH): string[] {
  const end = out.endYear;
  const oat = out.oneAtATime;
  const pct = Math.round(oat.fixedSwing * 100);
  const rows: GridRow[] = [[loc.analysis.sensitivity.allAtMedian(), '', '', ...outcomeCells(oat.base, end, loc)], 'rule'];
  oat.rows.forEach((r, i) => {
    const fixed = r.kind === 'fixed';
    if (i > 0) rows.push(['', '', '', '', '', '']);
    rows.push([paramName(r, oat.fixedSwing, loc), fixed ? loc.analysis.sensitivity.atLowFixed(pct, swungNote(r.low, 1 - oat.fixedSwing, r.key, out)) : loc.analysis.sensitivity.atLow(), fmtSwungValue(r.low, r.key, out, loc), ...outcomeCells(r.atLow, end, loc)]);
    rows.push(['', fixed ? loc.analysis.sensitivity.atHighFixed(pct, swungNote(r.high, 1 + oat.fixedSwing, r.key, out)) : loc.analysis.sensitivity.atHigh(), fmtSwungValue(r.high, r.key, out, loc), ...outcomeCells(r.atHigh, end, loc)]);
    rows.push(['', loc.analysis.sensitivity.swing(), '', fmtYearSwing(r.swing, loc), Number.isFinite(r.swing.coverage) ? loc.fmt.signed(r.swing.coverage * 100, 1) : MISSING,
      Number.isFinite(r.swing.cumulativeCost) ? loc.fmt.signed(r.swing.cumulativeCost / 1e6, 1) : MISSING]);
  });
  const headings = [loc.analysis.sensitivity.colParameter(), loc.analysis.sensitivity.colAt(), loc.analysis.sensitivity.colValue(), loc.analysis.sensitivity.outcomeYear(out.norm), loc.analysis.sensitivity.outcomeCoverage(end), loc.analysis.sensitivity.outcomeCost(end)];
  const lines = [
    ...wrapText(loc.analysis.sensitivity.oatHeading(), width),
    ...wrapText(loc.analysis.sensitivity.oatIntro(), width),
    '',
    ...renderGrid(headings, rows, ['l', 'l', 'r', 'r', 'r', 'r'], width, 16),
    '',
    ...wrapText(loc.analysis.sensitivity.oatNote(end), width),
  ];
  const yearMoves = oat.rows.some((r) => r.swing.firstYearReached !== null && r.swing.firstYearReached !== 0);
  if (!yearMoves && oat.rows.length > 0) lines.push(...wrapText(loc.analysis.sensitivity.noYearEffect(end), width));
  return lines;
}

/** Section 2: PRCC and SRC from the Monte Carlo. */
export function renderGlobal(out: SensitivityOutput, loc: Locale, width = DEFAULT_WIDTH): string[] {
  const end = out.endYear;
  const g = out.global;
  const short: Record<OutcomeKey, string> = {
    firstYearReached: loc.analysis.sensitivity.shortYear(),
    coverage: loc.analysis.sensitivity.shortCoverage(end),
    cumulativeCost: loc.analysis.sensitivity.shortCost(end),
  };
  const headings = [loc.analysis.sensitivity.colParameter(), ...OUTCOMES.map((o) => loc.analysis.sensitivity.colPrcc(short[o])), ...OUTCOMES.map((o) => loc.analysis.sensitivity.colSrc(short[o]))];
  const rows: GridRow[] = g.rows.map((r) => [loc.analysis.sensitivity.param(r.key), ...OUTCOMES.map((o) => fmtCoef(r.prcc[o], loc)), ...OUTCOMES.map((o) => fmtCoef(r.src[o], loc))]);
  rows.push('rule', [loc.analysis.sensitivity.r2Row(), '', '', '', ...OUTCOMES.map((o) => fmtCoef(g.r2[o], loc))]);
  return [
    ...wrapText(loc.analysis.sensitivity.globalHeading(), width),
    ...wrapText(loc.analysis.sensitivity.globalIntro(g.runs, g.seed, g.eventNoise), width),
    '',
    ...renderGrid(headings, rows, ['l', 'r', 'r', 'r', 'r', 'r', 'r'], width, 14),
    '',
    ...wrapText(loc.analysis.sensitivity.globalNote(g.prccNoise, g.runs, end), width),
  ];
}

/** Section 3: each parameter's distribution and source. */
export function renderParameters(out: SensitivityOutput, loc: Locale, width = DEFAULT_WIDTH): string[] {
  const lines = wrapText(loc.analysis.sensitivity.parametersHeading(), width);
  for (const p of out.parameters) {
    const line = loc.analysis.sensitivity.parameterLine(paramName(p, out.oneAtATime.fixedSwing, loc), p.key, p.dist === null ? loc.analysis.sensitivity.seriesDist() : distText(p.dist, loc), p.source ? inLang(loc, p.source.title, p.source.titleSv) : null, p.source?.kind ?? null, p.defaultReason !== undefined ? loc.assumptions.defaultReason(p.defaultReason as DefaultKey) : p.note === null ? null : inLang(loc, p.note, p.noteSv));
    const wrapped = wrapText(line, width - 2);
    lines.push(...wrapped.map((l, i) => (i === 0 ? `- ${l}` : `  ${l}`)));
  }
  return lines;
}

/** The whole report as text (no trailing newline). */
export function renderSensitivityTable(out: SensitivityOutput, loc: Locale, opts: { width?: number } = {}): string {
  const width = opts.width ?? DEFAULT_WIDTH;
  const sections = [
    wrapText(loc.analysis.sensitivity.title(out.scenario.name, out.unit), width),
    renderOat(out, loc, width),
    renderGlobal(out, loc, width),
    renderParameters(out, loc, width),
  ];
  return sections.map((s) => trimLines(s).join('\n')).join('\n\n');
}

export const SENSITIVITY_CSV_HEADER: readonly string[] = [
  'parameter', 'kind', 'low', 'median', 'high',
  'firstYearReached_low', 'firstYearReached_high', 'firstYearReached_swing', 'firstYearReached_swingCensored',
  'coverage_low', 'coverage_high', 'coverage_swing',
  'cumulativeCost_low', 'cumulativeCost_high', 'cumulativeCost_swing',
  'firstYearReached_base', 'coverage_base', 'cumulativeCost_base',
  ...OUTCOMES.map((o) => `${o}_prcc`), ...OUTCOMES.map((o) => `${o}_src`), ...OUTCOMES.map((o) => `${o}_r2`),
];

/**
 * One row per parameter, in the one-at-a-time order, with the conventions of `csv.ts` (machine
 * names, `.` decimal, full precision, empty cell when missing). A year not reached is empty in
 * the `_low`/`_high`/`_base` columns; the swing counts it as endYear + 1 and says so in
 * `firstYearReached_swingCensored` (1/0).
 */
export function renderSensitivityCsv(out: SensitivityOutput): string {
  const glob = new Map(out.global.rows.map((r) => [r.key, r]));
  const b = out.oneAtATime.base;
  const lines = [SENSITIVITY_CSV_HEADER.map(csvField).join(',')];
  for (const r of out.oneAtATime.rows) {
    const g = glob.get(r.key);
    lines.push([
      csvField(r.key), r.kind, csvNumber(r.low), csvNumber(r.median), csvNumber(r.high),
      csvNumber(r.atLow.firstYearReached), csvNumber(r.atHigh.firstYearReached), csvNumber(r.swing.firstYearReached), r.swing.censored ? '1' : '0',
      csvNumber(r.atLow.coverage), csvNumber(r.atHigh.coverage), csvNumber(r.swing.coverage),
      csvNumber(r.atLow.cumulativeCost), csvNumber(r.atHigh.cumulativeCost), csvNumber(r.swing.cumulativeCost),
      csvNumber(b.firstYearReached), csvNumber(b.coverage), csvNumber(b.cumulativeCost),
      ...OUTCOMES.map((o) => csvNumber(g?.prcc[o])), ...OUTCOMES.map((o) => csvNumber(g?.src[o])), ...OUTCOMES.map((o) => csvNumber(out.global.r2[o])),
    ].join(','));
  }
  return lines.join('\n') + '\n';
}
