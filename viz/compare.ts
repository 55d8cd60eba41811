/**
 * `riktvarde compare` as text (a side-by-side table, at most `width` columns) and CSV. Pure.
 *
 * Layout: title and subtitle (runs, seed, same random numbers); one line per scenario naming it
 * (A = …, B = …); then a table with one row per measure and one column per scenario, followed by
 * the differences against A (B − A, C − A, …). When that is wider than `width`, the differences
 * become a second table under the first. Notes under it define inhabitants per doctor, the
 * differences and the cost per additional inhabitant, and warn when count bases or horizons differ.
 *
 * Cells: `median (p10–p90)` (the median alone when both bounds format alike); years reached
 * "efter 2034" / "after 2034" when not by the horizon; probabilities as whole percent that never
 * round to 0 or 100 unless exact; differences signed, probabilities in percentage points,
 * years as ≤ / ≥ bounds when one side is not reached; costs in mnkr with one decimal, the cost per
 * additional inhabitant in whole kronor; costs in whole mnkr (one decimal in `run`: here the
 * columns must fit side by side); coverage in whole percent, its difference in percentage points.
 */
import type { Band, CompareResult, CompareScenario, NormPair, ValueDifference, YearDifference, YearValue } from '../model/compare.js';
import { csvField, csvNumber } from './csv.js';
import { MISSING, textWidth, trimLines, wrapText } from './format.js';
import type { Locale, NormPair as TextNormPair } from './texts/index.js';
import { DEFAULT_WIDTH, formatCell, GAP, renderGrid, type GridRow } from './table.js';

type Fmt = (v: number) => string;

const SIGNED = /^[+\u2212-]/;

/** `median (lo–hi)`; the dash is spaced when a bound is signed or a word. */
function bandText(b: Band, f: Fmt, missing = MISSING): string {
  if (b.median === null) return missing;
  const med = f(b.median);
  if (b.p10 === null || b.p90 === null) return med;
  const lo = f(b.p10), hi = f(b.p90);
  if (lo === hi) return med;
  const dash = SIGNED.test(lo) || SIGNED.test(hi) ? ' \u2013 ' : '\u2013';
  return `${med} (${lo}${dash}${hi})`;
}

function normText(norm: CompareScenario['normAsWritten'], loc: Locale): string {
  // As the riktvärde is written: no thousands separator (`1100/550`).
  const n = (x: number | null) => (x === null ? MISSING : loc.analysis.compare.normNum(x));
  const one = (p: NormPair) => `${n(p.specialist)}/${n(p.st)}`;
  const a = one(norm.first), b = one(norm.last);
  return a === b ? a : `${a} \u2192 ${b}`;
}

function reachedText(s: CompareScenario, loc: Locale): string {
  const y = (v: number | null) => loc.analysis.compare.year(v, s.endYear);
  const r = s.reachedYear;
  const med = y(r.median);
  if (r.p10 === r.p90 && r.p10 === r.median) return med;
  const lo = y(r.p10), hi = y(r.p90);
  if (lo === hi) return med;
  const dash = /\D/.test(lo + hi) ? ' \u2013 ' : '\u2013';
  return `${med} (${lo}${dash}${hi})`;
}

/** A difference in years; when one side is not reached by its horizon, says so in words ("A never"). */
function yearDiffText(d: YearDifference, a: string, b: string, loc: Locale): string {
  if (d.value === null) return loc.analysis.compare.bothNever();
  if (d.bound === 'atMost') return loc.analysis.compare.onlyNever(a);
  if (d.bound === 'atLeast') return loc.analysis.compare.onlyNever(b);
  return loc.fmt.signed(d.value, 0);
}

/** `260 (2028)` */
function peakText(p: YearValue | null, f: Fmt): string {
  return p === null ? MISSING : `${f(p.value)} (${p.year})`;
}

function valueDiffText(d: ValueDifference, f: Fmt): string {
  if (d.ofMedians === null) return MISSING;
  const med = f(d.ofMedians);
  if (!d.paired || d.paired.p10 === null || d.paired.p90 === null) return med;
  const lo = f(d.paired.p10), hi = f(d.paired.p90);
  if (lo === hi) return med;
  return `${med} (${lo} \u2013 ${hi})`;
}

interface Line { label: string; values: string[]; diffs: string[] }

/** The scenario's norm pair when the measures use one pair throughout, else null. */
export function constantNorm(s: CompareScenario): TextNormPair | null {
  const a = s.norm.first, b = s.norm.last;
  return a.specialist !== null && a.st !== null && a.specialist === b.specialist && a.st === b.st ? { specialist: a.specialist, st: a.st } : null;
}

/** Every scenario against the first, one plain sentence each: when it is reached, peak ST, peak yearly cost, probability. */
export function compareHeadlines(res: CompareResult, loc: Locale): string[] {
  const A = res.scenarios[0];
  return res.differences.map((d) => {
    const B = res.scenarios[d.scenario];
    const na = constantNorm(A), nb = constantNorm(B);
    return loc.report.compareHeadline({
      a: A.label,
      b: B.label,
      norm: na && nb && na.specialist === nb.specialist && na.st === nb.st ? na : null,
      yearA: A.reachedYear.median,
      yearB: B.reachedYear.median,
      endA: A.endYear,
      endB: B.endYear,
      probA: A.probabilityReachedByEnd,
      probB: B.probabilityReachedByEnd,
      end: A.endYear === B.endYear ? A.endYear : null,
      costDiff: d.cumulativeCost.ofMedians,
      peakStA: A.path.peakSt,
      peakStB: B.path.peakSt,
      peakCostA: A.path.peakCostIncrease,
      peakCostB: B.path.peakCostIncrease,
    });
  });
}

/** The rows of the comparison: a label, one cell per scenario, one per difference. */
export function compareLines(res: CompareResult, loc: Locale): Line[] {
  const S = res.scenarios, D = res.differences;
  const sameEnd = new Set(S.map((s) => s.endYear)).size === 1 ? S[0].endYear : null;
  const int: Fmt = (v) => loc.fmt.int(v);
  const ipde: Fmt = (v) => formatCell('inhabitantsPerDoctorEquivalent', v, loc);
  const mkr: Fmt = (v) => loc.fmt.num(v / 1e6, 0);
  const pct: Fmt = (v) => loc.fmt.num(v * 100, 0);
  const sInt: Fmt = (v) => loc.fmt.signed(v, 0);
  const sMkr: Fmt = (v) => loc.fmt.signed(v / 1e6, 0);
  const none = D.map(() => '');
  const anySchedule = S.some((s) => s.path.normSchedule);
  const lines: Line[] = [
    { label: loc.analysis.compare.rowHorizon(), values: S.map((s) => `${s.startYear}\u2013${s.endYear}`), diffs: none },
    { label: loc.analysis.compare.rowUnit(), values: S.map((s) => s.unit), diffs: none },
    { label: loc.analysis.compare.rowCountBasis(), values: S.map((s) => loc.analysis.compare.countBasisShort(s.countBasis)), diffs: none },
    { label: loc.analysis.compare.rowNorm(), values: S.map((s) => normText(s.normAsWritten, loc)), diffs: none },
    ...(anySchedule ? [{ label: loc.analysis.compare.rowReachedAgainst(), values: S.map((s) => loc.analysis.compare.reachedAgainstCell(res.reachedAgainst, s.path.normSchedule)), diffs: none }] : []),
    { label: loc.analysis.compare.rowReached(), values: S.map((s) => reachedText(s, loc)), diffs: D.map((d) => yearDiffText(d.reachedYear, S[d.reference].label, S[d.scenario].label, loc)) },
    { label: loc.analysis.compare.rowSustained(), values: S.map((s) => (s.sustainedFrom === null ? loc.analysis.compare.never() : String(s.sustainedFrom))), diffs: D.map((d) => yearDiffText(d.sustainedFrom, S[d.reference].label, S[d.scenario].label, loc)) },
    { label: loc.analysis.compare.rowYearsUnderNorm(), values: S.map((s) => String(s.path.yearsUnderNorm)), diffs: D.map((d) => loc.fmt.signed(d.yearsUnderNorm, 0)) },
    { label: loc.analysis.compare.rowProbReached(sameEnd), values: S.map((s) => loc.fmt.prob(s.probabilityReachedByEnd)), diffs: D.map((d) => loc.analysis.compare.points(d.probabilityReachedByEnd)) },
    { label: loc.analysis.compare.rowProbHolds(sameEnd), values: S.map((s) => loc.fmt.prob(s.probabilityHoldsAtEnd)), diffs: D.map((d) => loc.analysis.compare.points(d.probabilityHoldsAtEnd)) },
    { label: loc.analysis.compare.rowPerDoctorEquivalent(sameEnd), values: S.map((s) => bandText(s.last.inhabitantsPerDoctorEquivalent, ipde)), diffs: D.map((d) => valueDiffText(d.inhabitantsPerDoctorEquivalent, sInt)) },
    { label: loc.analysis.compare.rowCoverage(sameEnd), values: S.map((s) => bandText(s.last.coverage, pct)), diffs: D.map((d) => (d.coverage.ofMedians === null ? MISSING : loc.analysis.compare.points(d.coverage.ofMedians))) },
    { label: loc.analysis.compare.rowPerDoctor(sameEnd), values: S.map((s) => bandText(s.last.inhabitantsPerDoctor, int)), diffs: D.map((d) => valueDiffText(d.inhabitantsPerDoctor, sInt)) },
    { label: loc.analysis.compare.rowSpecialists(sameEnd), values: S.map((s) => bandText(s.last.specialists, int)), diffs: D.map((d) => valueDiffText(d.specialists, sInt)) },
    { label: loc.analysis.compare.rowSt(sameEnd), values: S.map((s) => bandText(s.last.st, int)), diffs: D.map((d) => valueDiffText(d.st, sInt)) },
    { label: loc.analysis.compare.rowPeakSt(), values: S.map((s) => peakText(s.path.peakSt, int)), diffs: D.map((d) => (d.peakSt === null ? MISSING : sInt(d.peakSt))) },
    { label: loc.analysis.compare.rowGap(sameEnd), values: S.map((s) => bandText(s.last.specialistGap, int)), diffs: D.map((d) => valueDiffText(d.specialistGap, sInt)) },
    { label: loc.analysis.compare.rowCost(sameEnd), values: S.map((s) => bandText(s.last.cumulativeCost, mkr)), diffs: D.map((d) => valueDiffText(d.cumulativeCost, sMkr)) },
    { label: loc.analysis.compare.rowPeakCost(), values: S.map((s) => peakText(s.path.peakCostIncrease, mkr)), diffs: D.map((d) => (d.peakCostIncrease === null ? MISSING : sMkr(d.peakCostIncrease))) },
    { label: loc.analysis.compare.rowCostPerInhabitant(sameEnd), values: S.map(() => ''), diffs: D.map((d) => (d.costPerAdditionalInhabitantPerYear === null ? MISSING : loc.fmt.int(d.costPerAdditionalInhabitantPerYear))) },
  ];
  return lines;
}

const longestWord = (s: string) => Math.max(0, ...s.split(/\s+/).map(textWidth));

/** Width the grid needs without truncating any cell (headings may wrap at spaces). */
function naturalWidth(headings: string[], rows: string[][]): number {
  return headings.reduce((sum, h, c) => sum + Math.max(longestWord(h), ...rows.map((r) => textWidth(r[c] ?? ''))), 0) + GAP * (headings.length - 1);
}

/** The comparison as printable text (no trailing newline). */
export function renderCompareTable(res: CompareResult, loc: Locale, opts: { width?: number } = {}): string {
  const width = opts.width ?? DEFAULT_WIDTH;
  const lines = compareLines(res, loc);
  const S = res.scenarios, D = res.differences;
  const head = [...wrapText(loc.analysis.compare.title(), width), ...wrapText(loc.analysis.compare.subtitle(res.runs, res.seed, res.eventNoise), width), ''];
  for (const s of S) head.push(...wrapText(loc.analysis.compare.legend(s.label, s.name, s.file), width));
  head.push('');
  for (const h of compareHeadlines(res, loc)) head.push(...wrapText(h, width));
  if (D.length) head.push('');
  const all = lines.map((l) => [l.label, ...l.values, ...l.diffs]);
  const allHead = ['', ...S.map((s) => s.label), ...D.map((d) => d.label)];
  const align = (n: number) => ['l', ...new Array(n - 1).fill('r')] as ('l' | 'r')[];
  const tables: string[] = [];
  if (naturalWidth(allHead, all) <= width || D.length === 0) {
    tables.push(...renderGrid(allHead, all as GridRow[], align(allHead.length), width));
  } else {
    const vHead = ['', ...S.map((s) => s.label)];
    const vRows = lines.filter((l) => l.values.some((x) => x !== '')).map((l) => [l.label, ...l.values]);
    tables.push(...renderGrid(vHead, vRows, align(vHead.length), width));
    tables.push('');
    const dHead = ['', ...D.map((d) => d.label)];
    const dRows = lines.filter((l) => l.diffs.some((x) => x !== '')).map((l) => [l.label, ...l.diffs]);
    tables.push(...renderGrid(dHead, dRows, align(dHead.length), width));
  }
  const notes: string[] = [];
  if (res.warnings.countBasisDiffers) notes.push(...wrapText(loc.analysis.compare.warnCountBasis(), width));
  if (res.warnings.horizonDiffers) notes.push(...wrapText(loc.analysis.compare.warnHorizon(), width));
  if (S.some((s) => s.path.normSchedule)) notes.push(...wrapText(loc.analysis.compare.normChanges(res.reachedAgainst), width));
  notes.push(...wrapText(loc.analysis.compare.perDoctorNote(), width));
  if (D.length) {
    notes.push(...wrapText(loc.analysis.compare.diffNote(), width));
    notes.push(...wrapText(loc.analysis.compare.costPerInhabitantNote(), width));
  }
  if (!res.warnings.countBasisDiffers) notes.push(...wrapText(loc.tables.countBasis(S[0].countBasis), width));
  notes.push(...wrapText(loc.tables.footer(res.version), width));
  return trimLines([...head, ...tables, '', ...notes]).join('\n');
}

const BANDS = ['median', 'p10', 'p90'] as const;
const bandCols = (name: string) => BANDS.map((b) => `${name}_${b}`);
const bandCells = (b: Band) => BANDS.map((k) => csvNumber(b[k]));

export const COMPARE_CSV_HEADER: readonly string[] = [
  'label', 'scenario', 'file', 'countBasis', 'unit', 'startYear', 'endYear',
  'normSpecialistFirst', 'normStFirst', 'normSpecialistLast', 'normStLast',
  ...bandCols('reachedYear'), 'sustainedFrom', 'probabilityReachedByEnd', 'probabilityHoldsAtEnd',
  ...bandCols('inhabitantsPerDoctorEquivalent'), ...bandCols('inhabitantsPerDoctor'), ...bandCols('specialists'), ...bandCols('st'), ...bandCols('specialistGap'), ...bandCols('coverage'), ...bandCols('cumulativeCost'),
  'diff_reachedYear', 'diff_reachedYear_bound', 'diff_sustainedFrom', 'diff_sustainedFrom_bound',
  'diff_probabilityReachedByEnd', 'diff_probabilityHoldsAtEnd',
  'diff_inhabitantsPerDoctorEquivalent', 'diff_inhabitantsPerDoctorEquivalent_pairedP10', 'diff_inhabitantsPerDoctorEquivalent_pairedP90',
  'diff_inhabitantsPerDoctor', 'diff_inhabitantsPerDoctor_pairedP10', 'diff_inhabitantsPerDoctor_pairedP90',
  'diff_specialists', 'diff_st', 'diff_specialistGap', 'diff_coverage',
  'diff_cumulativeCost', 'diff_cumulativeCost_pairedP10', 'diff_cumulativeCost_pairedP90',
  'extraCapacity', 'extraCumulativeCost', 'extraYearlyCost', 'costPerAdditionalInhabitantPerYear',
  'peakSt', 'peakStYear', 'peakCostIncrease', 'peakCostIncreaseYear', 'yearsUnderNorm', 'normSchedule', 'reachedAgainst',
  'diff_peakSt', 'diff_peakCostIncrease', 'diff_yearsUnderNorm',
];

/** The `diff_*` … `costPerAdditionalInhabitantPerYear` columns, empty in A's row. */
const DIFF_COLUMNS = COMPARE_CSV_HEADER.indexOf('peakSt') - COMPARE_CSV_HEADER.indexOf('diff_reachedYear');

/**
 * One row per scenario (conventions of csv.ts); the `diff_*` columns are against the first
 * scenario and empty in its own row. A year not reached is empty; see `diff_*_bound`.
 */
export function renderCompareCsv(res: CompareResult): string {
  const lines = [COMPARE_CSV_HEADER.map(csvField).join(',')];
  res.scenarios.forEach((s, i) => {
    const d = i === 0 ? null : res.differences[i - 1];
    const cells = [
      csvField(s.label), csvField(s.name), csvField(s.file ?? ''), csvField(s.countBasis), csvField(s.unit), String(s.startYear), String(s.endYear),
      csvNumber(s.norm.first.specialist), csvNumber(s.norm.first.st), csvNumber(s.norm.last.specialist), csvNumber(s.norm.last.st),
      ...bandCells(s.reachedYear), csvNumber(s.sustainedFrom), csvNumber(s.probabilityReachedByEnd), csvNumber(s.probabilityHoldsAtEnd),
      ...bandCells(s.last.inhabitantsPerDoctorEquivalent), ...bandCells(s.last.inhabitantsPerDoctor), ...bandCells(s.last.specialists), ...bandCells(s.last.st), ...bandCells(s.last.specialistGap), ...bandCells(s.last.coverage), ...bandCells(s.last.cumulativeCost),
    ];
    if (d) {
      cells.push(
        csvNumber(d.reachedYear.value), d.reachedYear.value === null ? '' : d.reachedYear.bound,
        csvNumber(d.sustainedFrom.value), d.sustainedFrom.value === null ? '' : d.sustainedFrom.bound,
        csvNumber(d.probabilityReachedByEnd), csvNumber(d.probabilityHoldsAtEnd),
        csvNumber(d.inhabitantsPerDoctorEquivalent.ofMedians), csvNumber(d.inhabitantsPerDoctorEquivalent.paired?.p10), csvNumber(d.inhabitantsPerDoctorEquivalent.paired?.p90),
        csvNumber(d.inhabitantsPerDoctor.ofMedians), csvNumber(d.inhabitantsPerDoctor.paired?.p10), csvNumber(d.inhabitantsPerDoctor.paired?.p90),
        csvNumber(d.specialists.ofMedians), csvNumber(d.st.ofMedians), csvNumber(d.specialistGap.ofMedians), csvNumber(d.coverage.ofMedians),
        csvNumber(d.cumulativeCost.ofMedians), csvNumber(d.cumulativeCost.paired?.p10), csvNumber(d.cumulativeCost.paired?.p90),
        csvNumber(d.extraCapacity), csvNumber(d.extraCumulativeCost), csvNumber(d.extraYearlyCost), csvNumber(d.costPerAdditionalInhabitantPerYear),
      );
    } else cells.push(...new Array(DIFF_COLUMNS).fill(''));
    cells.push(
      csvNumber(s.path.peakSt?.value ?? null), csvNumber(s.path.peakSt?.year ?? null),
      csvNumber(s.path.peakCostIncrease?.value ?? null), csvNumber(s.path.peakCostIncrease?.year ?? null),
      String(s.path.yearsUnderNorm), s.path.normSchedule ? '1' : '0', res.reachedAgainst,
    );
    if (d) cells.push(csvNumber(d.peakSt), csvNumber(d.peakCostIncrease), String(d.yearsUnderNorm));
    else cells.push('', '', '');
    lines.push(cells.join(','));
  });
  return lines.join('\n') + '\n';
}
