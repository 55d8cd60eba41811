/**
 * The scenario file format, as zod schemas. Shapes, types and ranges are checked here; checks
 * that need the horizon (tables covering every year, schedules starting in time) are made in
 * `normalize.ts`. Every object is strict: an unknown key is an error listing the allowed keys.
 *
 * Numbers that are parameters accept three spellings:
 *   attrition: 0.03
 *   attrition: { value: 0.03, source: kohort-2019, note: "12 % left within 4 years" }
 *   attrition: { dist: pert, min: 0.02, mode: 0.03, max: 0.05, source: … }
 * Per-year series (intake, recruitment, target headcount, growth) also accept a per-year table,
 * a formula in `year`, or `{ values: …, multiplier: <dist>, randomWalk: { sd } }`.
 */
import { z } from 'zod';
import { vmsg } from './messages.js';

export const MIN_AGE = 25;
export const MAX_AGE = 80;

// --- building blocks ---------------------------------------------------------------------------

const note = { source: z.string().optional().describe('id of an entry under `sources`'), note: z.string().optional() };

/**
 * Separates the per-key messages of one unknown-keys issue; `validate.ts` splits on it so that each
 * unknown key is reported at its own line.
 */
export const KEY_MESSAGE_SEPARATOR = '\n';

/** A strict object whose unknown-key error lists the allowed keys (one message per unknown key). */
export function strict<T extends z.ZodRawShape>(shape: T, description?: string) {
  const allowed = Object.keys(shape);
  const s = z.strictObject(shape, {
    error: (iss) => (iss.code === 'unrecognized_keys' ? iss.keys.map((k) => vmsg.unknownKey(k, allowed)).join(KEY_MESSAGE_SEPARATOR) : undefined),
  });
  return description ? s.describe(description) : s;
}

// Only the type error is ours here: range checks (.min, .int, …) get their messages from the error
// map in validate.ts, and a missing value is reported as a missing key.
const num = z.number({
  error: (iss) => (iss.code === 'invalid_type' && iss.expected === 'number' && iss.input !== undefined ? vmsg.expected('a number', describe(iss.input)) : undefined),
});
const share = num.min(0, { error: (iss) => vmsg.share(iss.input as number) }).max(1, { error: (iss) => vmsg.share(iss.input as number) });
const year = num.int({ error: (iss) => vmsg.year(iss.input as number, 1900, 2200) })
  .min(1900, { error: (iss) => vmsg.year(iss.input as number, 1900, 2200) })
  .max(2200, { error: (iss) => vmsg.year(iss.input as number, 1900, 2200) });

/** How a value is shown after "got" in messages. */
export function describe(v: unknown): string {
  if (v === null) return 'an empty value';
  if (Array.isArray(v)) return 'a list';
  if (typeof v === 'object') return 'a mapping';
  if (typeof v === 'string') return `the text "${v.length > 40 ? v.slice(0, 37) + '…' : v}"`;
  return `${typeof v} ${String(v)}`;
}

export const DIST_NAMES = ['fixed', 'normal', 'lognormal', 'uniform', 'triangular', 'pert'] as const;

export const DistSchema = z.discriminatedUnion(
  'dist',
  [
    strict({ dist: z.literal('fixed'), value: num, ...note }),
    strict({ dist: z.literal('normal'), mean: num, sd: num.min(0), min: num.optional(), max: num.optional(), ...note }),
    strict({ dist: z.literal('lognormal'), median: num.gt(0), sigma: num.min(0), min: num.optional(), max: num.optional(), ...note }),
    strict({ dist: z.literal('uniform'), min: num, max: num, ...note }),
    strict({ dist: z.literal('triangular'), min: num, mode: num, max: num, ...note }),
    strict({ dist: z.literal('pert'), min: num, mode: num, max: num, ...note }),
  ],
  {
    error: (iss) => {
      if (iss.code !== 'invalid_union') return undefined;
      const d = (iss.input as { dist?: unknown } | undefined)?.dist;
      return d === undefined || d === null ? vmsg.distMissing(DIST_NAMES) : vmsg.unknownDist(d, DIST_NAMES);
    },
  },
).describe('a distribution: {dist: normal|lognormal|uniform|triangular|pert|fixed, …}');

export const SourcedValue = strict({ value: num, ...note }).describe('a number with its source: {value, source, note}');

/** What a parameter may be; checked on the parsed value. */
export type DomainName = 'share' | 'nonneg' | 'positive' | 'any' | 'age' | 'rate';

/** A scalar parameter: number, {value, source}, or a distribution. */
export const Scalar = z.union([num, SourcedValue, DistSchema]).describe('a number, {value: n, source: id}, or a distribution {dist: …}');
export type ScalarIn = z.infer<typeof Scalar>;

const YEAR = /^\d{4}$/;
export const YearTable = z.record(z.string().regex(YEAR, { error: (iss) => vmsg.yearKey(String(iss.input)) }), num).describe('a per-year table {2025: 150, 2026: 160, …}');

export const RandomWalk = strict({ sd: num.min(0).describe('standard deviation of the yearly step (relative for counts, absolute for rates)') });

export const SeriesWrapper = strict({
  values: z.union([num, z.string(), SourcedValue, DistSchema, YearTable]),
  multiplier: Scalar.optional().describe('whole-path multiplier, drawn once per run (e.g. {dist: lognormal, median: 1, sigma: 0.1})'),
  randomWalk: RandomWalk.optional(),
  ...note,
});

/** A per-year series: number, {value}, distribution (one draw per run), table, formula, or wrapper. */
export const Series = z
  .union([num, z.string().describe('a formula in `year`'), SourcedValue, DistSchema, SeriesWrapper, YearTable])
  .describe('a number, a per-year table, a formula in `year`, or {values, multiplier, randomWalk}');
export type SeriesIn = z.infer<typeof Series>;

/** A norm: inhabitants per full-time doctor, constant or a step schedule {fromYear: value}. */
export const Norm = z.union([num, SourcedValue, DistSchema, strict({ schedule: YearTable, ...note }), YearTable]);
export type NormIn = z.infer<typeof Norm>;

/**
 * A lever that may change over time (issue 12): one value (number, {value, source} or a
 * distribution — one draw per run), a step schedule `{2024: 0.85, 2030: 0.9}` (each value holds
 * from its year until the next, as norms do), `{schedule, multiplier, randomWalk}` for a schedule
 * with uncertainty, or a formula in `year`.
 */
export const Lever = z.union([
  num, SourcedValue, DistSchema,
  strict({
    schedule: YearTable,
    interpolate: z.enum(['step', 'linear']).optional().describe('step (default: each value holds until the next year given) or linear (a straight line between the years given, held after the last)'),
    multiplier: Scalar.optional().describe('whole-path multiplier, drawn once per run'),
    randomWalk: RandomWalk.optional(),
    ...note,
  }),
  YearTable,
  z.string().describe('a formula in `year`'),
]).describe('a number, a distribution, a step schedule {2024: 0.85, 2030: 0.9}, {schedule, multiplier, randomWalk}, or a formula in `year`');
export type LeverIn = z.infer<typeof Lever>;

/** A table of shares keyed by age band / training year / length; may carry its own source and note. */
export const ShareTable = z.object({ ...note }).catchall(num);

// --- region parameters -------------------------------------------------------------------------

/** One age group of the population: like the total, a start value or a table, and a growth. */
export const AgeGroup = strict({
  start: Scalar.optional().describe('inhabitants of this age group in the start year'),
  table: YearTable.optional().describe('inhabitants of this age group per year from the start year; growth applies after its last year'),
  growth: Series.optional().describe('growth per year of this age group, as a share (default: population.growth)'),
  ...note,
});

/** A CSV file in the long layout statistics offices publish. */
export const PopulationCsv = strict({
  file: z.string().min(1).describe('path of the CSV file, relative to the scenario file that names it'),
  region: z.string().optional().describe("the file's name for this region (default: the region's own name); rows of other regions are skipped"),
  ...note,
});

export const CareNeedByAge = strict({
  weights: z.record(z.string(), Lever).describe("relative care need per age band, e.g. {'0-17': 0.56, '18-64': 1.04, '65-79': 1.28, '80+': 1.52}"),
  referenceMix: ShareTable.optional()
    .describe('shares of the reference (national) population per weight band; the weights are rescaled so that this mix has weight 1 in the start year'),
  ...note,
});

export const Population = strict({
  start: Scalar.optional().describe('inhabitants in the start year'),
  table: YearTable.optional().describe('inhabitants per year from the start year (a forecast); growth applies after its last year'),
  growth: Series.optional().describe('growth per year as a share (0.008 = 0.8 %/year)'),
  ageGroups: z.record(z.string(), AgeGroup).optional()
    .describe("the population by age group instead of a total, e.g. {'0-17': {start: 485687, growth: 0.005}, '80+': {…}}; groups cover every age from 0, without overlap"),
  ageCsv: PopulationCsv.optional().describe('population by age or age group per year from a CSV file (columns region, age or age_group, year, count)'),
  careNeedByAge: CareNeedByAge.optional().describe('care-need weights by age band: the population to cover is Σ inhabitants × weight'),
  coverageShare: Lever.optional().describe('share of the population to be covered by a named doctor (default 1.0)'),
  careNeedIndex: Lever.optional().describe('care-need weight on the population to cover (default 1.0)'),
  ...note,
});

export const Retirement = z.union([
  strict({ meanAge: Scalar.describe('mean retirement age'), sd: Scalar.describe('spread of retirement age, years'), ...note }),
  strict({ byAge: ShareTable.describe('share leaving per year by age at the start of the year, e.g. {62: 0.05, 65: 0.2, 70: 1}'), ...note }),
]);

export const Recruitment = strict({
  perYear: Series.describe('net recruitment from elsewhere, persons per year'),
  entryAge: Scalar.optional().describe('age of recruits (default 45)'),
  ...note,
});

export const Specialists = strict({
  headcount: Scalar.optional().describe('GP specialists in the start year (persons), counted as `countBasis` says'),
  headcountInclListableSt: Scalar.optional().describe("Tabell 1's count: specialists plus listable ST in the start year"),
  fte: Lever.optional().describe('average FTE per specialist (default 1.0)'),
  ageBands: ShareTable.optional().describe("share of specialists by age band, e.g. {'30-39': 0.2, …}; sums to 1"),
  ageCsv: strict({ file: z.string().min(1).describe('path of the CSV file, relative to the scenario file that names it'), ...note }).optional()
    .describe('the age pyramid from a CSV file (columns age or birth_year, and count), instead of ageBands; gives the headcount when none is written'),
  retirement: Retirement.optional(),
  attrition: Lever.optional().describe('other exits from primary care, share per year'),
  recruitment: Recruitment.optional(),
  ...note,
});

export const ListableRuleSchema = z.union([
  strict({ lastYears: num.int().min(1).describe('only trainees with at most this many years left may have listed patients'), ...note }),
  strict({ share: share.describe('share of all trainees counted as listable (Tabell 1: 0.5)'), ...note }),
]);
export const Listable = z.union([
  ListableRuleSchema,
  strict({
    schedule: z.record(z.string().regex(YEAR, { error: (iss) => vmsg.yearKey(String(iss.input)) }), ListableRuleSchema)
      .describe('the rule from each year on, e.g. {2024: {lastYears: 2}, 2028: {share: 0.5}}'),
    ...note,
  }),
]);

export const TrainingCapacity = strict({
  maxTraineesPerSpecialistFte: Scalar.optional().describe('at most this many ST trainees per specialist FTE (supervisors)'),
  maxTotal: Series.optional().describe('at most this many ST trainees in total per year'),
  supervisionHoursPerWeek: Scalar.optional().describe('supervision time per trainee, hours per week, taken from specialist capacity'),
  hoursPerFte: num.gt(0).optional().describe('hours per week of one FTE (default 40)'),
  ...note,
});

export const St = strict({
  headcount: Scalar.optional().describe('ST trainees in general practice in the start year (persons)'),
  byTrainingYear: z.union([z.array(num), ShareTable]).optional().describe('share of trainees in training year 1, 2, … at the start; sums to 1'),
  intake: Series.optional().describe('advertised ST posts per year (new starts before the fill rate)'),
  targetHeadcount: Series.optional().describe('target ST headcount per year; the intake follows'),
  trainingLength: ShareTable.optional().describe('calendar years of training and their shares, e.g. {5: 0.2, 6: 0.5, 7: 0.3}'),
  dropout: Lever.optional().describe('share of trainees leaving ST per year'),
  retention: Lever.optional().describe("share of completers who stay in the region's primary care"),
  fillRate: Scalar.optional().describe('share of advertised posts filled (default 1.0)'),
  fte: Lever.optional().describe('average FTE per trainee (default 1.0)'),
  completionAge: Scalar.optional().describe('age at specialist certification'),
  listable: Listable.optional().describe('which trainees may have listed patients (default: half of all, as in Tabell 1)'),
  trainingCapacity: TrainingCapacity.optional(),
  ...note,
});

export const OtherGroup = strict({
  name: z.string().min(1),
  headcount: Scalar.describe('persons in the start year'),
  fte: Scalar.optional().describe('average FTE per person (default 1.0)'),
  attrition: Scalar.optional().describe('exits per year, share (default 0)'),
  recruitment: Series.optional().describe('new per year, persons (default 0)'),
  norm: Norm.optional().describe('inhabitants per full-time doctor (default: the specialist norm)'),
  salaryPerMonth: Scalar.optional().describe('kr per month at full time; leave out to keep the group out of the cost'),
  ageRange: z.union([z.string(), strict({ ages: z.string(), ...note })]).optional()
    .describe("the ages the group may serve, e.g. '0-17' (paediatricians) or '65+' (geriatricians); its capacity counts only against that part of the need"),
  ...note,
});

export const Norms = strict({
  specialist: Norm.optional().describe('inhabitants per full-time GP specialist (default 1100)'),
  st: Norm.optional().describe('inhabitants per full-time listable ST trainee (default 550)'),
  ...note,
});

export const Costs = strict({
  priceBaseYear: num.int().optional().describe('year of the price level (default: horizon.start)'),
  wageGrowth: Scalar.optional().describe('wage growth per year above the price base, share (0 = fixed prices, the default)'),
  employerContributions: Scalar.optional().describe('employer contributions and pension (PO) as a share of salary'),
  overheadPerEmployee: Scalar.optional().describe('premises, administration, IT: kr per employee per year'),
  salaryPerMonth: strict({ specialist: Scalar.optional(), st: Scalar.optional(), ...note }).optional().describe('kr per month at full time'),
  stTrainingCostPerYear: Scalar.optional().describe('supervision and courses, kr per ST trainee per year'),
  ...note,
});

export const regionShape = {
  population: Population.optional(),
  norms: Norms.optional(),
  specialists: Specialists.optional(),
  st: St.optional(),
  otherSpecialists: z.array(OtherGroup).optional().describe('other listable specialists (e.g. geriatricians)'),
  costs: Costs.optional(),
};
export const REGION_KEYS = Object.keys(regionShape) as (keyof typeof regionShape)[];

export const Region = strict({ name: z.string().min(1).describe('region name'), ...regionShape });

export const Source = strict({
  title: z.string().min(1),
  publisher: z.string().optional(),
  year: z.union([num, z.string()]).optional(),
  url: z.string().optional(),
  kind: z.enum(['published', 'assumption', 'derived']).optional().describe('published figure, our assumption, or derived from published figures'),
  note: z.string().optional(),
});

export const ScenarioSchema = strict({
  name: z.string().min(1).describe('scenario name, shown in every output'),
  description: z.string().optional(),
  region: z.string().optional().describe('region name for a single-region scenario (default: name)'),
  horizon: strict({ start: year.describe('first year of the projection (the year the start values describe)'), end: year.describe('last projected year') })
    .describe('the years to project: {start: 2024, end: 2034}'),
  countBasis: z.enum(['health-centres', 'all-sectors'], { error: (iss) => (iss.input === undefined ? undefined : vmsg.countBasis(describe(iss.input), iss.input)) })
    .describe('which specialist count the scenario starts from'),
  sources: z.record(z.string(), Source).optional(),
  correlations: z.array(strict({ params: z.tuple([z.string(), z.string()]), rho: num.min(-1).max(1), ...note })).optional(),
  monteCarlo: strict({ runs: num.int().min(1).optional(), seed: num.int().min(0).optional(), eventNoise: z.boolean().optional() }).optional(),
  total: strict({
    name: z.string().optional(),
    reported: strict({ headcountInclListableSt: num.min(0).optional(), population: num.min(0).optional(), ...note }).optional()
      .describe('published totals that differ from the sum of the regions (shown beside the computed total)'),
  }).optional(),
  regions: z.array(Region).min(1, { error: vmsg.noRegions() }).optional(),
  ...regionShape,
});

export type ScenarioIn = z.infer<typeof ScenarioSchema>;
export type RegionIn = z.infer<typeof Region>;
export { YEAR };

// --- looking up the schema of a path (for messages) -------------------------------------------

type AnySchema = z.core.$ZodType;
interface Def { type: string; shape?: Record<string, AnySchema>; catchall?: AnySchema; innerType?: AnySchema; element?: AnySchema; valueType?: AnySchema; options?: AnySchema[]; discriminator?: string; items?: AnySchema[] }
const defOf = (s: AnySchema) => s._zod.def as unknown as Def;
const descriptionOf = (s: AnySchema): string | undefined => (s as { description?: string }).description;

/**
 * The schema at `path` below `root` (the whole scenario schema by default), with the description nearest to it.
 * `data` is the document at `root`, used to choose between union members; without it the first
 * member that has the next key is taken. Returns null when the path leaves the schema.
 */
export function schemaAt(path: readonly (string | number)[], data?: unknown, root: AnySchema = ScenarioSchema): { schema: AnySchema; description?: string } | null {
  let cur: AnySchema = root;
  let value = data;
  let description = descriptionOf(cur);
  for (let i = 0; ; ) {
    const d = defOf(cur);
    if (d.type === 'optional' || d.type === 'nullable' || d.type === 'default') { cur = d.innerType!; description ??= descriptionOf(cur); continue; }
    if (d.type === 'union') {
      const next = path[i];
      const opts = d.options ?? [];
      let pick: AnySchema | undefined;
      if (d.discriminator !== undefined && value !== null && typeof value === 'object') {
        const tag = (value as Record<string, unknown>)[d.discriminator];
        pick = opts.find((o) => (defOf(o).shape?.[d.discriminator!]?._zod.def as { values?: unknown[] } | undefined)?.values?.includes(tag));
      }
      pick ??= opts.find((o) => {
        const od = defOf(o);
        if (next === undefined) return false;
        if (od.type === 'object') return typeof next === 'string' && od.shape![next] !== undefined;
        if (od.type === 'union') return schemaAt([next], undefined, o) !== null;
        return od.type === 'record' || od.type === 'array';
      });
      if (!pick) return i === path.length ? { schema: cur, description } : null;
      cur = pick;
      description ??= descriptionOf(cur);
      continue;
    }
    if (i === path.length) return { schema: cur, description };
    const key = path[i++];
    value = value !== null && typeof value === 'object' ? (value as Record<string, unknown>)[key as string] : undefined;
    let child: AnySchema | undefined;
    if (d.type === 'object') child = (typeof key === 'string' ? d.shape![key] : undefined) ?? d.catchall;
    else if (d.type === 'array') child = d.element;
    else if (d.type === 'record') child = d.valueType;
    else if (d.type === 'tuple') child = typeof key === 'number' ? d.items?.[key] : undefined;
    if (!child) return null;
    cur = child;
    description = descriptionOf(cur);
  }
}

/** The description of the parameter at `path` inside a region (e.g. ['st', 'dropout']). */
export function describeRegionKey(path: readonly (string | number)[]): string | undefined {
  return schemaAt(path, undefined, Region)?.description;
}
