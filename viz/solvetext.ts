/**
 * Text output of `riktvarde solve`. Pure: the report object in, a string out; the words are the
 * locale's (`loc.analysis.solve`).
 */
import type { Locale } from './texts/index.js';
import { wrapText } from './format.js';
import { renderGrid, splitEven } from './table.js';

export type { SolveReport } from './texts/info.js';
import type { SolveHeadline, SolveReport } from './texts/info.js';

/** Median inhabitants per doctor equivalent and coverage at the solved level and in the plan as written. */
export function solveHeadline(r: SolveReport): SolveHeadline {
  const at = (u: SolveReport['result'], year: number) => {
    const y = u.years.find((x) => x.year === year);
    return { perDoctorEquivalent: y?.inhabitantsPerDoctorEquivalent ?? null, coverage: y?.coverage ?? null };
  };
  return { targetYear: r.targetYear, horizon: r.horizon, solvedTarget: at(r.result, r.targetYear), solvedHorizon: at(r.result, r.horizon), plan: at(r.base, r.horizon) };
}

export function renderSolve(r: SolveReport, loc: Locale, width = 120): string {
  const t = loc.analysis.solve, fmt = loc.fmt;
  const lines: string[] = [];
  // Sentences wrap at the table's width (as under `run`): readable at 80 columns on a terminal.
  const out = { push: (...xs: string[]) => { for (const x of xs) lines.push(...(x === '' ? [''] : wrapText(x, width))); } };
  out.push(t.title(r));
  out.push(r.budget ? t.budgetQuestion(r) : t.question(r));
  out.push('');
  out.push(r.budget ? t.budgetAnswer(r) : t.answer(r));
  if (r.budget) {
    // The plan's own largest yearly cost above the base year: a budget official asks "what does X buy"
    // as if X came on top of the plan; it is the whole cost above the base year.
    const plan = r.costs.filter((c) => Number.isFinite(c.asWritten));
    const peak = plan.length ? plan.reduce((a, c) => (c.asWritten > a.asWritten ? c : a)) : null;
    const s = t.budgetVsPlan(peak && { value: peak.asWritten, year: peak.year }, r.budget.mnkr);
    if (s !== null) out.push(s);
  }
  out.push(t.atThatLevel(r));
  out.push(t.specialists(r));
  out.push(t.headline(solveHeadline(r)));
  if (r.asWrittenValue !== null) out.push(t.planAsWritten(r, r.asWrittenValue));
  if (!r.budget) out.push(t.budgetNeeded(r));
  out.push(t.feasibility(r));
  out.push('');

  // Per-year table: the schedule (if any) and the extra cost.
  const years = r.costs.map((c) => c.year);
  const rows: { label: string; cells: string[] }[] = [];
  // No level reaches the target: the level shown would be the search's limit, which looks like an
  // answer; for the intake, the posts the training capacity fills of it are what the limit buys.
  const none = !r.feasible && !r.budget;
  const unfilled = new Map(r.feasibility.years.map((y) => [y.year, y.unfilledByCap]));
  const filled = none && r.max === null && r.lever === 'intake' && r.feasibility.years.some((y) => y.unfilledByCap !== null);
  if (r.schedule) {
    const level = (s: { year: number; value: number }) => (filled ? Math.max(0, s.value - (unfilled.get(s.year) ?? 0)) : s.value);
    rows.push({ label: t.rowLevelSolved(none ? { limit: r.level, filled, cap: r.max !== null } : undefined), cells: r.schedule.map((s) => (s.value === null ? '–' : fmt.int(level(s as { year: number; value: number })))) });
    rows.push({ label: t.rowLevelPlan(), cells: r.schedule.map((s) => (s.asWritten === null ? '–' : fmt.int(s.asWritten))) });
  }
  const mkr = (x: number) => (Number.isFinite(x) ? fmt.num(x / 1e6, 1) : '–');
  rows.push({ label: t.rowCostSolved(none), cells: r.costs.map((c) => mkr(c.solved)) });
  rows.push({ label: t.rowCostPlan(), cells: r.costs.map((c) => mkr(c.asWritten)) });
  const f = r.feasibility.years;
  const num = (x: number | null) => (x === null || !Number.isFinite(x) ? '–' : fmt.int(x));
  rows.push({ label: t.rowSt(), cells: f.map((y) => num(y.st)) });
  if (r.feasibility.supervisorsNeededPeak !== null) rows.push({ label: t.rowSupervisors(), cells: f.map((y) => num(y.supervisorsNeeded)) });
  rows.push({ label: t.rowCompletions(), cells: f.map((y) => num(y.completions)) });
  const labelW = Math.max(...rows.map((x) => x.label.length));
  // As many years per block as their widest cell allows (two spaces between columns).
  const cellW = Math.max(4, ...rows.flatMap((x) => x.cells.map((c) => c.length)));
  const perBlock = Math.max(1, Math.floor((width - labelW) / (cellW + 2)));
  for (const block of splitEven(years.map((_, i) => i), perBlock)) {
    const a = block[0], b = block[block.length - 1] + 1;
    lines.push(...renderGrid(['', ...years.slice(a, b).map(String)], rows.map((x) => [x.label, ...x.cells.slice(a, b)]), ['l', ...years.slice(a, b).map(() => 'r' as const)], width), '');
  }
  const diff = r.cumulativeCost.solved - r.cumulativeCost.asWritten;
  out.push(t.accumulated(r, years[0], diff));
  if (r.unfilledByCap > 0.5) out.push(t.unfilledByCap(r));
  out.push(t.method(r));
  return lines.join('\n');
}
