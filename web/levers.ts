/**
 * The what-if page's levers: what each one starts at (the scenario's value, its source), and the
 * `--set` list a setting of the levers means. Pure (bundled into the page; the CLI builds the
 * lever list from the loaded scenario). The page runs exactly `parseScenario(text, { set })` with
 * that list, as `riktvarde run --set …` does, so the page and the CLI compute the same numbers.
 *
 * A lever left at the scenario's value adds nothing to the list (the scenario as written, with its
 * uncertainty). A moved lever replaces the parameter by a fixed value, as `solve` does.
 * Multi-region scenarios: levers set the top-level value (every region that does not override it).
 * A scenario of one region written as a `regions:` list whose region writes the value itself
 * (e.g. värmland.yaml): the lever sets `regions[0].…`, else the region's own value would win.
 */
import type { LoadedScenario } from '../scenario/types.js';
import type { RunOutput } from '../model/results.js';
import { expectedRun } from '../model/params.js';
import { LEVER_IDS, type LeverId } from '../viz/texts/explore-levers.js';
import type { Lang } from '../viz/format.js';

export { LEVER_IDS, type LeverId };

/** How a lever's value is shown: a share in percent, whole posts, people (`count`: decimals only when not whole), a number, a year. */
export type Display = 'share' | 'int' | 'count' | 'num' | 'year';

export interface LeverDef {
  id: LeverId;
  /** The scenario key the lever stands for (also where its source is looked up). */
  path: string;
  /** What `--set` writes before `path`: `regions[0].` when the one region writes the value itself, else empty. */
  prefix: string;
  /** The scenario's value (its expected value for a distribution). */
  value: number;
  min: number;
  max: number;
  step: number;
  display: Display;
  /** The scenario's value as written (`PERT(0.7, 0.85, 0.95)`), and its source's title. */
  written: string;
  source: string | null;
  /** The source's title in Swedish, when the scenario gives one (`titleSv`). */
  sourceSv?: string;
  /** Training capacity without a cap in the scenario: the slider's maximum means "no cap". */
  noCapAtMax?: boolean;
}

export interface ExploreModel {
  name: string;
  /** The scenario file as the command line names it (for the command and the overlay). */
  file: string;
  /** The name `extends:` should use in the overlay (the file's base name). */
  extendsName: string;
  startYear: number;
  endYear: number;
  levers: LeverDef[];
  /** ST posts per year start…end as planned: the intake series, or the expected posts of a target headcount (rounded). */
  planIntake: number[];
  /** The plan gives target headcounts (the intake lever removes them). */
  hasTarget: boolean;
  /** The specialist norm per year start…end. */
  normSchedule: number[];
  seed: number;
  version: string;
  /** `--set` given to `riktvarde explore`: part of the scenario, first in every list. */
  baseSets: string[];
}

/** What the page is given (JSON in the HTML file). */
export interface PageData {
  lang: Lang;
  model: ExploreModel;
  /** The scenario's text, its name for messages, and the texts of its `extends` chain. */
  text: string;
  file: string;
  files: Record<string, string>;
  /** Runs per update, in order: the quick first answer, at least 1 000, the refined one. */
  runSteps: number[];
}

export type IntakeShape = { kind: 'constant' } | { kind: 'ramp'; step: number };

export interface Settings {
  values: Record<LeverId, number>;
  intakeFrom: number;
  intakeShape: IntakeShape;
}

const round = (x: number, d: number): number => Number(x.toFixed(d));

/** The lever list and what the page needs of a loaded scenario and its deterministic run. */
export function exploreModel(sc: LoadedScenario, det: RunOutput, file: string, extendsName: string, version: string, baseSets: readonly string[] = []): ExploreModel {
  const input = sc.input;
  const r = input.regions[0];
  const run = expectedRun(input).regions[0];
  const { startYear, endYear } = input;
  const region0 = det.regions[0];
  const sources = sc.meta.sources as Record<string, { title: string; titleSv?: string }>;
  const find = (path: string) => sc.meta.assumptions.find((a) => a.path === path && (a.region === null || a.region === r.name))
    ?? sc.meta.assumptions.find((a) => a.path === path);
  const lever = (id: LeverId, path: string, value: number, min: number, max: number, step: number, display: Display, extra: Partial<LeverDef> = {}): LeverDef => {
    // `extra` may replace what the scenario wrote (the intake lever shows posts, not target headcounts).
    const a = find(path);
    const src = a?.source ? sources[a.source]?.title ?? a.source : null;
    const srcSv = a?.source ? sources[a.source]?.titleSv : undefined;
    const prefix = input.regions.length === 1 && a?.region ? 'regions[0].' : '';
    return { id, path, prefix, value, min: Math.min(min, value), max: Math.max(max, value), step, display, written: a?.value ?? String(value), source: src, ...(srcSv !== undefined ? { sourceSv: srcSv } : {}), ...extra };
  };
  const planIntake = r.st.intake
    ? r.st.intake.base.map((v) => round(v, 2))
    : region0.years.map((y) => Math.max(0, Math.round(y.stPosts ?? 0)));
  const next = Math.min(1, planIntake.length - 1);
  const normSchedule = [...r.normSpecialist.base];
  const finalNorm = normSchedule[normSchedule.length - 1];
  let normFrom = endYear;
  while (normFrom > startYear && normSchedule[normFrom - 1 - startYear] === finalNorm) normFrom--;
  const stHead = run.st.init.reduce((s, v) => s + v, 0);
  const cap = r.st.capacity?.maxTotal?.base[next];
  const capMax = Math.max(10, Math.ceil(stHead * 2.5));
  const recruit = run.spec.recruitment[next] ?? 0;
  const intake = planIntake[next] ?? 0;
  const levers: LeverDef[] = [
    // With target headcounts, the plan's posts are what the targets imply in the expected run.
    lever('intake', r.st.intake ? 'st.intake' : 'st.targetHeadcount', Math.round(intake), 0, Math.max(50, Math.ceil(intake * 3)), 1, 'int',
      { written: planIntake.slice(1).map((v, t) => `${startYear + 1 + t}: ${v}`).join(', ') }),
    lever('retention', 'st.retention', round(run.st.retention[next], 3), 0, 1, 0.01, 'share'),
    lever('attrition', 'specialists.attrition', round(run.spec.attrition[next], 4), 0, 0.15, 0.001, 'share'),
    lever('fte', 'specialists.fte', round(run.spec.fte[next], 3), 0.5, 1, 0.01, 'num'),
    lever('recruitment', 'specialists.recruitment.perYear', round(recruit, 2), 0, Math.max(20, Math.ceil(recruit * 3)), 1, 'count'),
    lever('coverageShare', 'population.coverageShare', round(run.coverageShare[next], 3), 0.5, 1, 0.01, 'share'),
    lever('careNeed', 'population.careNeedIndex', round(run.careNeedIndex[next], 3), 0.8, 1.5, 0.01, 'num'),
    lever('norm', 'norms.specialist', finalNorm, 800, 2000, 50, 'int'),
    // Its scenario value is the year the final norm applies from (the norm's own assumption is its value: 1100).
    lever('normYear', 'norms.specialist', normFrom, startYear, endYear, 1, 'year', { written: String(normFrom) }),
    cap === undefined
      ? lever('trainingCapacity', 'st.trainingCapacity', capMax, 0, capMax, 1, 'int', { noCapAtMax: true })
      : lever('trainingCapacity', 'st.trainingCapacity.maxTotal', cap, 0, capMax, 1, 'int'),
  ];
  return {
    name: sc.meta.name, file, extendsName, startYear, endYear, levers, planIntake, hasTarget: r.st.target !== null,
    normSchedule, seed: sc.meta.monteCarlo.seed, version, baseSets: [...baseSets],
  };
}

/** The levers at the scenario's values. */
export function defaultSettings(m: ExploreModel): Settings {
  const values = Object.fromEntries(m.levers.map((l) => [l.id, l.value])) as Record<LeverId, number>;
  return { values, intakeFrom: m.startYear + 1, intakeShape: { kind: 'constant' } };
}

const yearMap = (start: number, values: number[]): string => `{${values.map((v, t) => `${start + t}: ${v}`).join(', ')}}`;

/** The intake per year start…end for a setting: the plan before `from`, then constant or a ramp. */
export function intakeSchedule(m: ExploreModel, s: Settings): number[] {
  const level = s.values.intake;
  const shape = s.intakeShape;
  const base = m.planIntake[s.intakeFrom - m.startYear] ?? level;
  return m.planIntake.map((plan, t) => {
    const y = m.startYear + t;
    if (y < s.intakeFrom) return plan;
    if (shape.kind === 'constant') return level;
    const up = base + shape.step * (y - s.intakeFrom + 1);
    return level >= base ? Math.min(level, up) : level;
  });
}

/** The `--set` list that a setting of the levers means (empty: the scenario as written). */
export function setsFor(m: ExploreModel, s: Settings): string[] {
  const d = defaultSettings(m);
  const moved = (id: LeverId) => s.values[id] !== d.values[id];
  const at = (id: LeverId) => m.levers.find((l) => l.id === id)!;
  const sets: string[] = [...m.baseSets];
  if (moved('intake') || s.intakeFrom !== d.intakeFrom || s.intakeShape.kind !== 'constant') {
    const pre = at('intake').prefix;
    if (m.hasTarget) sets.push(`${pre}st.targetHeadcount=null`);
    // The intake of the first projected year on: the start year's is never used (and may be unknown).
    sets.push(`${pre}st.intake=${yearMap(m.startYear + 1, intakeSchedule(m, s).slice(1))}`);
  }
  const scalar: LeverId[] = ['retention', 'attrition', 'fte', 'recruitment', 'coverageShare', 'careNeed'];
  for (const id of scalar) if (moved(id)) sets.push(`${at(id).prefix}${at(id).path}=${s.values[id]}`);
  if (moved('norm') || moved('normYear')) {
    const from = s.values.normYear, first = m.normSchedule[0], pre = at('norm').prefix;
    sets.push(from <= m.startYear || first === s.values.norm
      ? `${pre}norms.specialist=${s.values.norm}`
      : `${pre}norms.specialist={${m.startYear}: ${first}, ${from}: ${s.values.norm}}`);
  }
  const cap = at('trainingCapacity');
  if (moved('trainingCapacity') && !(cap.noCapAtMax && s.values.trainingCapacity >= cap.max)) {
    sets.push(`${cap.prefix}st.trainingCapacity.maxTotal=${s.values.trainingCapacity}`);
  }
  return sets;
}

/** A shell word, quoted only when needed. */
/**
 * A lever's number field is text in the page's language (a browser's `type=number` field shows
 * its own locale's decimal point: "84.2" beside the label "84,2 %" on a Swedish page). Written
 * with the language's decimal mark, no grouping, so it can be edited as shown.
 */
export const fieldText = (x: number, lang: string): string => (lang === 'sv' ? String(x).replace('.', ',').replace('-', '\u2212') : String(x));

/**
 * What a planner typed into a lever's field: decimal comma or point, spaces (also no-break and
 * thin) as thousands separators, a Unicode minus; null when it is not one plain number ("1,2,3",
 * "12 %" and "" are refused, the field then shows the lever's value again). On an English page
 * (`lang` 'en') commas between groups of three digits are grouping ("1,100" is 1100, not 1.1),
 * unless the first group is 0 ("0,842" is 0.842: no number is written with a leading 0 group).
 */
export function parseField(text: string, lang = 'sv'): number | null {
  let t = text.replace(/[\s\u00a0\u202f]/g, '').replace('\u2212', '-');
  if (lang === 'en' && /^-?[1-9]\d{0,2}(,\d{3})+(\.\d*)?$/.test(t)) t = t.replace(/,/g, '');
  if (!/^-?(\d+([.,]\d*)?|[.,]\d+)$/.test(t)) return null;
  const v = Number(t.replace(',', '.'));
  return Number.isFinite(v) ? v : null;
}

export const shellWord = (s: string): string => (/^[\w@%+=:,./-]+$/.test(s) ? s : `'${s.replace(/'/g, `'\\''`)}'`);

/** The command that prints exactly the page's numbers. */
export function commandFor(m: ExploreModel, sets: readonly string[], runs: number, seed: number, lang: string): string {
  return ['npx', 'riktvarde', 'run', shellWord(m.file), '--runs', String(runs), '--seed', String(seed), '--lang', lang, ...sets.flatMap((s) => ['--set', shellWord(s)])].join(' ');
}

/**
 * A YAML overlay that `extends` the scenario with the same changes as the `--set` list. A change
 * inside a `regions:` list cannot be written so (an overlay's list replaces the whole list): it is
 * listed in a comment as the `--set` it is.
 */
export function overlayFor(m: ExploreModel, sets: readonly string[], title: string): string {
  const tree = new Map<string, unknown>();
  const inList = sets.filter((s) => s.startsWith('regions['));
  for (const s of sets) {
    if (inList.includes(s)) continue;
    const eq = s.indexOf('=');
    const path = s.slice(0, eq).split('.');
    let node = tree;
    for (const k of path.slice(0, -1)) {
      if (!(node.get(k) instanceof Map)) node.set(k, new Map());
      node = node.get(k) as Map<string, unknown>;
    }
    node.set(path[path.length - 1], s.slice(eq + 1));
  }
  const lines = [`extends: ${m.extendsName}`, `name: ${JSON.stringify(title)}`];
  const emit = (node: Map<string, unknown>, indent: string) => {
    for (const [k, v] of node) {
      if (v instanceof Map) { lines.push(`${indent}${k}:`); emit(v, indent + '  '); }
      else lines.push(`${indent}${k}: ${v}`);
    }
  };
  emit(tree, '');
  if (inList.length) lines.push('# Changes to the region of the `regions:` list (an overlay cannot change one list item): run with', ...inList.map((s) => `#   --set ${shellWord(s)}`));
  return lines.join('\n') + '\n';
}
