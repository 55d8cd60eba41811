/**
 * The summary baseline (Starsim's tests/baseline.yaml habit): a few fixed-seed Monte Carlo
 * summaries of shipped scenarios, rounded to 6 significant digits and checked into
 * test/baseline.yaml. `test/baseline.test.ts` recomputes them and prints what moved;
 * `npm run baseline:update` rewrites the file on purpose.
 *
 * The numbers come from the same path as `riktvarde run --runs N --format json` (the in-process
 * Monte Carlo the worker pool must match byte for byte) and `riktvarde run` (deterministic).
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import YAML from 'yaml';
import { loadScenarioFile } from '../api/load.js';
import { monteCarloSync as monteCarlo } from '../model/mc-run.js';
import { toMcOutput, type McRegionOutput } from '../model/mcresults.js';
import { expectedRun } from '../model/params.js';
import { project } from '../model/project.js';
import { toOutput, type RegionOutput } from '../model/results.js';
import type { FieldKey } from '../model/fields.js';

export const BASELINE_FILE = fileURLToPath(new URL('./baseline.yaml', import.meta.url));
const ROOT = fileURLToPath(new URL('..', import.meta.url));

/**
 * What the baseline covers: scenario, runs, seed (event noise as the scenario says), and which
 * units: every region, or only the total (riket-2019's 21 regions would bury the diff).
 */
export const BASELINE_CASES = [
  { file: 'scenarios/stockholm-handlingsplan.yaml', runs: 1000, seed: 7, units: 'regions' },
  { file: 'scenarios/halland.yaml', runs: 1000, seed: 7, units: 'regions' },
  { file: 'scenarios/riket-2019.yaml', runs: 1000, seed: 7, units: 'total' },
] as const;

/**
 * The series summarized: p10/p50/p90 in the first year the series has a value (flows such as
 * retirements start in the second year) and in the last year.
 */
export const BASELINE_SERIES: readonly FieldKey[] = [
  'population', 'specialists', 'st', 'listableSt', 'capacity', 'coverage',
  'inhabitantsPerDoctor', 'retirements', 'stCompletions', 'cumulativeCost',
];

type Num = number | null;
export interface UnitBaseline {
  deterministicReachedYear: Num;
  reachedYearMedian: Num;
  reachedYearP10: Num;
  reachedYearP90: Num;
  series: Record<string, Record<string, { p10: Num; p50: Num; p90: Num }>>;
  probabilityReachedBy: Record<string, Num>;
}
export interface CaseBaseline { file: string; runs: number; seed: number; eventNoise: boolean; units: Record<string, UnitBaseline> }
export type Baseline = Record<string, CaseBaseline>;

/** 6 significant digits: small enough to review, far below any real change. */
export const round6 = (v: number | null): Num => (v === null || !Number.isFinite(v) ? null : Number(v.toPrecision(6)));

function unitBaseline(mc: McRegionOutput, det: RegionOutput): UnitBaseline {
  const last = mc.years[mc.years.length - 1];
  const series: UnitBaseline['series'] = {};
  for (const key of BASELINE_SERIES) {
    series[key] = {};
    const first = mc.years.find((row) => row.quantiles[key]?.p50 != null) ?? mc.years[0];
    for (const row of [first, last]) {
      const q = row.quantiles[key];
      series[key][row.year] = { p10: round6(q?.p10 ?? null), p50: round6(q?.p50 ?? null), p90: round6(q?.p90 ?? null) };
    }
  }
  const probabilityReachedBy: Record<string, Num> = {};
  for (const [y, p] of Object.entries(mc.probabilityReachedBy)) probabilityReachedBy[y] = round6(p);
  return {
    deterministicReachedYear: det.reachedYear,
    reachedYearMedian: mc.reachedYear,
    reachedYearP10: mc.reachedYearInterval80.p10,
    reachedYearP90: mc.reachedYearInterval80.p90,
    series,
    probabilityReachedBy,
  };
}

/** Recomputes the whole baseline (a few seconds: 3 × 1 000 runs in-process). */
export function computeBaseline(): Baseline {
  const out: Baseline = {};
  for (const c of BASELINE_CASES) {
    const sc = loadScenarioFile(ROOT + c.file);
    const info = { name: sc.meta.name, description: sc.meta.description, countBasis: sc.meta.countBasis, file: c.file };
    const eventNoise = sc.meta.monteCarlo.eventNoise;
    const mc = toMcOutput(monteCarlo(sc.input, { runs: c.runs, seed: c.seed, eventNoise }), info, 'baseline');
    const det = toOutput(project(expectedRun(sc.input), sc.input.total), info, 'baseline');
    const units: Record<string, UnitBaseline> = {};
    if (c.units === 'regions') mc.regions.forEach((r, i) => { units[r.name] = unitBaseline(r, det.regions[i]); });
    if (mc.total && det.total) units[mc.total.name] = unitBaseline(mc.total, det.total);
    const name = c.file.replace(/^scenarios\//, '').replace(/\.yaml$/, '');
    out[name] = { file: c.file, runs: c.runs, seed: c.seed, eventNoise, units };
  }
  return out;
}

const HEADER = `# Summary baseline: fixed-seed Monte Carlo summaries of shipped scenarios, 6 significant digits.
# Checked by test/baseline.test.ts. Do not edit by hand: when a change is meant to move these
# numbers, run \`npm run baseline:update\` and review the diff like code.
`;

/** YAML with one line per (series, year) and per probability map: a reviewable diff. */
export function formatBaseline(b: Baseline): string {
  const doc = new YAML.Document(b);
  YAML.visit(doc, {
    Map(_, node, path) {
      const parent = path[path.length - 1];
      const key = YAML.isPair(parent) && YAML.isScalar(parent.key) ? String(parent.key.value) : '';
      if (key === 'probabilityReachedBy' || /^\d{4}$/.test(key)) node.flow = true;
    },
  });
  return HEADER + doc.toString({ lineWidth: 0 });
}

export function readBaseline(): Baseline | null {
  try {
    return YAML.parse(readFileSync(BASELINE_FILE, 'utf8')) as Baseline;
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw e;
  }
}

export function writeBaseline(b: Baseline): void {
  writeFileSync(BASELINE_FILE, formatBaseline(b));
}

/** Every leaf as "path → value", for the diff (the grouping keys `units` and `series` left out). */
function flatten(v: unknown, path: string[], out: Map<string, unknown>): void {
  if (v !== null && typeof v === 'object') {
    for (const [k, x] of Object.entries(v)) flatten(x, k === 'units' || k === 'series' ? path : [...path, k], out);
  } else out.set(path.join(' / '), v);
}

const show = (v: unknown): string => (v === undefined ? '(absent)' : v === null ? 'null' : String(v));

/** What moved, one readable line each: "scenario / unit / series / year / statistic: old → new". */
export function diffBaseline(old: Baseline, now: Baseline): string[] {
  const a = new Map<string, unknown>(), b = new Map<string, unknown>();
  flatten(old, [], a);
  flatten(now, [], b);
  const lines: string[] = [];
  for (const k of new Set([...a.keys(), ...b.keys()])) {
    if (a.get(k) !== b.get(k)) lines.push(`${k}: ${show(a.get(k))} → ${show(b.get(k))}`);
  }
  return lines;
}

/** The diff for a person: at most `max` lines, then how many more. */
export function showDiff(lines: string[], max = 40): string {
  const shown = lines.slice(0, max).map((l) => `  ${l}`);
  if (lines.length > max) shown.push(`  … and ${lines.length - max} more`);
  return shown.join('\n');
}
