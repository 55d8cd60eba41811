/**
 * `riktvarde sensitivity` as text (a table for a planner, at most `width` columns) and CSV.
 * Pure: a `SensitivityOutput` in, a string out.
 *
 * Layout:
 * 1. Title, then "one parameter at a time": a base line (every parameter at its median), then per
 *    parameter three lines — at its 10th percentile, at its 90th, and the swing — with the
 *    parameter's value and the three outcomes. Parameters in the order of the model (largest
 *    swing in inhabitants per doctor first).
 * 2. "All parameters at once": PRCC and SRC of each parameter with each outcome, and the R² of
 *    the linear fit, sorted by |PRCC| on inhabitants per doctor.
 * 3. The parameters with their distribution and source (the scenario's own note and source).
 *
 * Numbers: years as years ("efter 2034" / "after 2034" when not reached); inhabitants per doctor
 * whole; costs in mnkr with one decimal; swings signed, with ≥ / ≤ when one side is not reached
 * (the swing is then a bound); coefficients with two decimals. A parameter's value is shown as a
 * percentage when it is a share or a rate.
 */
import type { Dist, Domain } from '../model/dist.js';
import { OUTCOMES, type OutcomeKey, type Outcomes, type SensitivityOutput, type Swing } from '../model/sensitivity.js';
import { csvField, csvNumber } from './csv.js';
import { fmtInt, fmtNum, fmtPct, fmtSigned, MISSING, trimLines, wrapText, type Lang } from './format.js';
import { paramLabel, sensText as st } from './labels.js';
import { DEFAULT_WIDTH, renderGrid, type GridRow } from './table.js';

/** A parameter's value: % for shares and rates, else a number with sensible decimals. */
export function fmtParamValue(v: number, domain: Domain, lang: Lang): string {
  if (!Number.isFinite(v)) return MISSING;
  if (domain.lo === 0 && domain.hi === 1) return fmtPct(v, lang, Math.abs(v) < 0.1 ? 2 : 1);
  if (domain.lo === -1) return fmtPct(v, lang, 2);
  const a = Math.abs(v);
  return fmtNum(v, lang, a >= 1000 ? 0 : a >= 10 ? 1 : 2);
}

/** A distribution in words, numbers in the language's format. */
export function distText(d: Dist, lang: Lang): string {
  const n = (x: number) => fmtNum(x, lang, Math.min(6, decimalsOf(x)));
  const sep = lang === 'sv' ? '; ' : ', ';
  const w = lang === 'sv'
    ? { mean: 'medel', sd: 'sd', median: 'median', sigma: 'sigma', mode: 'typvärde' }
    : { mean: 'mean', sd: 'sd', median: 'median', sigma: 'sigma', mode: 'mode' };
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

const fmtCost = (kr: number, lang: Lang) => (Number.isFinite(kr) ? fmtNum(kr / 1e6, lang, 1) : MISSING);

/** A swing in years: signed, ≥ / ≤ when censored, – when neither side reaches the target. */
export function fmtYearSwing(s: Swing, lang: Lang): string {
  if (s.firstYearReached === null) return MISSING;
  const v = fmtSigned(s.firstYearReached, lang, 0);
  if (!s.censored) return v;
  return s.firstYearReached >= 0 ? `\u2265 ${v}` : `\u2264 ${v}`;
}

function outcomeCells(o: Outcomes, end: number, lang: Lang): string[] {
  return [st.year(o.firstYearReached, end, lang), fmtInt(o.inhabitantsPerDoctor, lang), fmtCost(o.cumulativeCost, lang)];
}

const fmtCoef = (x: number | null, lang: Lang) => (x === null ? MISSING : fmtNum(x, lang, 2));

/** Section 1: one parameter at a time. */
export function renderOat(out: SensitivityOutput, lang: Lang, width = DEFAULT_WIDTH): string[] {
  const end = out.endYear;
  const oat = out.oneAtATime;
  const domainOf = new Map(out.parameters.map((p) => [p.key, p.domain]));
  const rows: GridRow[] = [[st.allAtMedian(lang), '', '', ...outcomeCells(oat.base, end, lang)], 'rule'];
  oat.rows.forEach((r, i) => {
    const dom = domainOf.get(r.key) ?? { lo: -Infinity, hi: Infinity };
    if (i > 0) rows.push(['', '', '', '', '', '']);
    rows.push([paramLabel(r.key, lang), st.atLow(lang), fmtParamValue(r.low, dom, lang), ...outcomeCells(r.atLow, end, lang)]);
    rows.push(['', st.atHigh(lang), fmtParamValue(r.high, dom, lang), ...outcomeCells(r.atHigh, end, lang)]);
    rows.push(['', st.swing(lang), '', fmtYearSwing(r.swing, lang), fmtSigned(r.swing.inhabitantsPerDoctor, lang, 0),
      Number.isFinite(r.swing.cumulativeCost) ? fmtSigned(r.swing.cumulativeCost / 1e6, lang, 1) : MISSING]);
  });
  const headings = [st.colParameter(lang), st.colAt(lang), st.colValue(lang), st.outcomeYear(out.norm, lang), st.outcomePerDoctor(end, lang), st.outcomeCost(end, lang)];
  const lines = [
    ...wrapText(st.oatHeading(lang), width),
    ...wrapText(st.oatIntro(lang), width),
    '',
    ...renderGrid(headings, rows, ['l', 'l', 'r', 'r', 'r', 'r'], width, 16),
    '',
    ...wrapText(st.oatNote(end, lang), width),
  ];
  const yearMoves = oat.rows.some((r) => r.swing.firstYearReached !== null && r.swing.firstYearReached !== 0);
  if (!yearMoves && oat.rows.length > 0) lines.push(...wrapText(st.noYearEffect(end, lang), width));
  return lines;
}

/** Section 2: PRCC and SRC from the Monte Carlo. */
export function renderGlobal(out: SensitivityOutput, lang: Lang, width = DEFAULT_WIDTH): string[] {
  const end = out.endYear;
  const g = out.global;
  const short: Record<OutcomeKey, string> = {
    firstYearReached: st.shortYear(lang),
    inhabitantsPerDoctor: st.shortPerDoctor(end, lang),
    cumulativeCost: st.shortCost(end, lang),
  };
  const headings = [st.colParameter(lang), ...OUTCOMES.map((o) => st.colPrcc(short[o], lang)), ...OUTCOMES.map((o) => st.colSrc(short[o], lang))];
  const rows: GridRow[] = g.rows.map((r) => [paramLabel(r.key, lang), ...OUTCOMES.map((o) => fmtCoef(r.prcc[o], lang)), ...OUTCOMES.map((o) => fmtCoef(r.src[o], lang))]);
  rows.push('rule', [st.r2Row(lang), '', '', '', ...OUTCOMES.map((o) => fmtCoef(g.r2[o], lang))]);
  return [
    ...wrapText(st.globalHeading(lang), width),
    ...wrapText(st.globalIntro(g.runs, g.seed, g.eventNoise, lang), width),
    '',
    ...renderGrid(headings, rows, ['l', 'r', 'r', 'r', 'r', 'r', 'r'], width, 14),
    '',
    ...wrapText(st.globalNote(g.prccNoise, g.runs, end, lang), width),
  ];
}

/** Section 3: each parameter's distribution and source. */
export function renderParameters(out: SensitivityOutput, lang: Lang, width = DEFAULT_WIDTH): string[] {
  const lines = wrapText(st.parametersHeading(lang), width);
  for (const p of out.parameters) {
    const line = st.parameterLine(paramLabel(p.key, lang), p.key, distText(p.dist, lang), p.source?.title ?? p.source?.id ?? null, p.source?.kind ?? null, p.note, lang);
    const wrapped = wrapText(line, width - 2);
    lines.push(...wrapped.map((l, i) => (i === 0 ? `- ${l}` : `  ${l}`)));
  }
  return lines;
}

/** The whole report as text (no trailing newline). */
export function renderSensitivityTable(out: SensitivityOutput, lang: Lang, opts: { width?: number } = {}): string {
  const width = opts.width ?? DEFAULT_WIDTH;
  const sections = [
    wrapText(st.title(out.scenario.name, out.unit, lang), width),
    renderOat(out, lang, width),
    renderGlobal(out, lang, width),
    renderParameters(out, lang, width),
  ];
  return sections.map((s) => trimLines(s).join('\n')).join('\n\n');
}

export const SENSITIVITY_CSV_HEADER: readonly string[] = [
  'parameter', 'low', 'median', 'high',
  'firstYearReached_low', 'firstYearReached_high', 'firstYearReached_swing', 'firstYearReached_swingCensored',
  'inhabitantsPerDoctor_low', 'inhabitantsPerDoctor_high', 'inhabitantsPerDoctor_swing',
  'cumulativeCost_low', 'cumulativeCost_high', 'cumulativeCost_swing',
  'firstYearReached_base', 'inhabitantsPerDoctor_base', 'cumulativeCost_base',
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
      csvField(r.key), csvNumber(r.low), csvNumber(r.median), csvNumber(r.high),
      csvNumber(r.atLow.firstYearReached), csvNumber(r.atHigh.firstYearReached), csvNumber(r.swing.firstYearReached), r.swing.censored ? '1' : '0',
      csvNumber(r.atLow.inhabitantsPerDoctor), csvNumber(r.atHigh.inhabitantsPerDoctor), csvNumber(r.swing.inhabitantsPerDoctor),
      csvNumber(r.atLow.cumulativeCost), csvNumber(r.atHigh.cumulativeCost), csvNumber(r.swing.cumulativeCost),
      csvNumber(b.firstYearReached), csvNumber(b.inhabitantsPerDoctor), csvNumber(b.cumulativeCost),
      ...OUTCOMES.map((o) => csvNumber(g?.prcc[o])), ...OUTCOMES.map((o) => csvNumber(g?.src[o])), ...OUTCOMES.map((o) => csvNumber(out.global.r2[o])),
    ].join(','));
  }
  return lines.join('\n') + '\n';
}
