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
import { ANY, NONNEG, SHARE, type Domain } from '../model/dist.js';
import { vmsg } from './messages.js';

import { MAX_AGE, MIN_AGE } from '../model/engine.js';

/**
 * The range of each parameter, in one place: every parameter below names its range (`param`,
 * `seriesParam`, `Norm`), `normalize.ts` checks values against it and `riktvarde schema` writes
 * it into the JSON Schema (`jsonschema.ts`). `age` and `rate` are named for messages.
 */
export type Dom = 'share' | 'nonneg' | 'positive' | 'age' | 'rate' | 'any';
export const DOMAINS: Record<Dom, Domain> = {
  share: SHARE, nonneg: NONNEG, positive: NONNEG, age: { lo: MIN_AGE, hi: MAX_AGE - 1 }, rate: { lo: -1, hi: Infinity }, any: ANY,
};
/** Which range a parameter has, and which kind of value it is (a scalar, a series or a norm). */
export type ParamKind = 'scalar' | 'series' | 'norm' | 'lever';
export const paramDomains = z.registry<{ domain: Dom; kind: ParamKind }>();
/** The ranged twins declared so far, in the order declared (built only when the JSON Schema is made). */
const rangedTwins: [string, () => z.ZodType][] = [];
let rangedBuilt: Map<string, z.ZodType> | undefined;
/**
 * `<kind>-<domain>` → that kind of value kept to that range: the JSON Schema's definitions of the
 * parameters. Built on first use (only `riktvarde schema` needs them): every other command would
 * spend start-up time building schemas it never checks against.
 */
export function rangedParamSchemas(): Map<string, z.ZodType> {
  if (!rangedBuilt) {
    rangedBuilt = new Map();
    for (const [id, make] of rangedTwins) rangedBuilt.set(id, make());
  }
  return rangedBuilt;
}

/** Declares the range of a parameter's schema (and, for the JSON Schema, its ranged twin). */
function withDomain<T extends z.ZodType>(schema: T, domain: Dom, kind: ParamKind): T {
  const make = { scalar: scalarSchema, series: seriesSchema, norm: normSchema, lever: leverSchema }[kind];
  rangedTwins.push([`${kind}-${domain}`, () => make(domain)]);
  paramDomains.add(schema as z.ZodType, { domain, kind });
  return schema;
}

// --- building blocks ---------------------------------------------------------------------------

const note = {
  source: z.string().optional().describe('id of an entry under `sources`'),
  note: z.string().optional(),
  noteSv: z.string().optional().describe('the note in Swedish: shown instead of `note` in Swedish output (--lang sv)'),
};

/**
 * Separates the per-key messages of one unknown-keys issue; `validate.ts` splits on it so that each
 * unknown key is reported at its own line.
 */
export const KEY_MESSAGE_SEPARATOR = '\n';

/** A strict object whose unknown-key error lists the allowed keys (one message per unknown key). */
const NEVER = z.never();
export function strict<T extends z.ZodRawShape>(shape: T, description?: string) {
  const allowed = Object.keys(shape);
  const error: z.core.$ZodErrorMap = (iss) => (iss.code === 'unrecognized_keys' ? iss.keys.map((k) => vmsg.unknownKey(k, allowed)).join(KEY_MESSAGE_SEPARATOR) : undefined);
  // `z.strictObject(shape, { error })` itself, with one `never` catchall shared by every strict
  // object instead of one each (41): zod reads only its type (an unknown key is an issue; the JSON
  // Schema's additionalProperties: false), and each schema made costs start-up time (issue 15).
  const s = new z.ZodObject({ type: 'object', shape, catchall: NEVER, error } as z.core.$ZodObjectDef) as ReturnType<typeof z.strictObject<T>>;
  return description ? s.describe(description) : s;
}

// Only the type error is ours here: range checks (.min, .int, …) get their messages from the error
// map in validate.ts, and a missing value is reported as a missing key.
const num = z.number({
  error: (iss) => (iss.code === 'invalid_type' && iss.expected === 'number' && iss.input !== undefined ? vmsg.expected(vmsg.typeWord('number'), describe(iss.input)) : undefined),
});
/** A number in the range `dom` (no range without one): the ranges only go into the JSON Schema. */
function ranged(dom?: Dom, exclusiveZero = false) {
  if (!dom) return num;
  const { lo, hi } = DOMAINS[dom];
  let n = num;
  if (dom === 'positive' && exclusiveZero) n = n.gt(0);
  else if (Number.isFinite(lo)) n = n.min(lo);
  if (Number.isFinite(hi)) n = n.max(hi);
  return n;
}

/** `f(dom)` built once per range; a ranged one is named `<name>-<dom>` among the JSON Schema's definitions. */
function perDomain<T extends z.ZodType>(name: string, f: (dom?: Dom) => T): (dom?: Dom) => T {
  const made = new Map<string, T>();
  return (dom) => {
    let v = made.get(dom ?? '');
    if (v === undefined) made.set(dom ?? '', (v = dom ? f(dom).meta({ id: `${name}-${dom}` }) : f(dom)));
    return v;
  };
}

const share = num.min(0, { error: (iss) => vmsg.share(iss.input as number) }).max(1, { error: (iss) => vmsg.share(iss.input as number) });
const year = num.int({ error: (iss) => vmsg.year(iss.input as number, 1900, 2200) })
  .min(1900, { error: (iss) => vmsg.year(iss.input as number, 1900, 2200) })
  .max(2200, { error: (iss) => vmsg.year(iss.input as number, 1900, 2200) });

/** How a value is shown after "got" in messages. */
export function describe(v: unknown): string {
  return vmsg.describeValue(v);
}

export const DIST_NAMES = ['fixed', 'normal', 'lognormal', 'uniform', 'triangular', 'pert'] as const;

/** A distribution; with `dom`, its value and bounds are kept to that range (JSON Schema only). */
export const distSchema = perDomain('distribution', (dom) => z.discriminatedUnion(
  'dist',
  [
    strict({ dist: z.literal('fixed'), value: ranged(dom, true), ...note }),
    strict({ dist: z.literal('normal'), mean: num, sd: num.min(0), min: ranged(dom).optional(), max: ranged(dom).optional(), ...note }),
    strict({ dist: z.literal('lognormal'), median: num.gt(0), sigma: num.min(0), min: ranged(dom).optional(), max: ranged(dom).optional(), ...note }),
    strict({ dist: z.literal('uniform'), min: ranged(dom), max: ranged(dom), ...note }),
    strict({ dist: z.literal('triangular'), min: ranged(dom), mode: ranged(dom), max: ranged(dom), ...note }),
    strict({ dist: z.literal('pert'), min: ranged(dom), mode: ranged(dom), max: ranged(dom), ...note }),
  ],
  {
    error: (iss) => {
      if (iss.code !== 'invalid_union') return undefined;
      const d = (iss.input as { dist?: unknown } | undefined)?.dist;
      return d === undefined || d === null ? vmsg.distMissing(DIST_NAMES) : vmsg.unknownDist(d, DIST_NAMES);
    },
  },
).describe('a distribution: {dist: normal|lognormal|uniform|triangular|pert|fixed, …}'));
export const DistSchema = distSchema();

const sourcedValue = perDomain('sourced-value', (dom) => strict({ value: ranged(dom, true), ...note }).describe('a number with its source: {value, source, note}'));
export const SourcedValue = sourcedValue();

/** A scalar parameter: number, {value, source}, or a distribution. */
export const scalarSchema = perDomain('scalar', (dom) => z.union([ranged(dom, true), sourcedValue(dom), distSchema(dom)]).describe('a number, {value: n, source: id}, or a distribution {dist: …}'));
export const Scalar = scalarSchema();
export type ScalarIn = z.infer<typeof Scalar>;

/** A scalar parameter with its range and description. */
const param = (dom: Dom, description: string) => withDomain(Scalar.describe(description), dom, 'scalar');

const YEAR = /^\d{4}$/;
const yearTable = perDomain('year-table', (dom) => z.record(z.string().regex(YEAR, { error: (iss) => vmsg.yearKey(String(iss.input)) }), ranged(dom)).describe('a per-year table {2025: 150, 2026: 160, …}'));
export const YearTable = yearTable();

export const RandomWalk = strict({ sd: num.min(0).describe('standard deviation of the yearly step (relative for counts, absolute for rates)') });

const seriesWrapper = perDomain('series-wrapper', (dom) => strict({
  values: z.union([ranged(dom), z.string(), sourcedValue(dom), distSchema(dom), yearTable(dom)]),
  multiplier: scalarSchema(dom && 'nonneg').optional().describe('whole-path multiplier, drawn once per run (e.g. {dist: lognormal, median: 1, sigma: 0.1})'),
  randomWalk: RandomWalk.optional(),
  interpolate: z.enum(['linear', 'step']).optional()
    .describe('with a per-year table: fill the years between its points (linear, or each value held until the next, like a norm schedule); the last value holds after the last point'),
  ...note,
}));
export const SeriesWrapper = seriesWrapper();

/** A per-year series: number, {value}, distribution (one draw per run), table, formula, or wrapper. */
export const seriesSchema = perDomain('series', (dom) => z
  .union([ranged(dom), z.string().describe('a formula in `year`'), sourcedValue(dom), distSchema(dom), seriesWrapper(dom), yearTable(dom)])
  .describe('a number, a per-year table, a formula in `year`, or {values, multiplier, randomWalk}'));
export const Series = seriesSchema();
export type SeriesIn = z.infer<typeof Series>;

/** A series parameter with its range and description. */
const seriesParam = (dom: Dom, description: string) => withDomain(Series.describe(description), dom, 'series');

/**
 * A lever that may change over time (issue 12): one value (number, {value, source} or a
 * distribution — one draw per run), a step schedule `{2024: 0.85, 2030: 0.9}` (each value holds
 * from its year until the next, as norms do), `{schedule, interpolate, multiplier, randomWalk}`
 * for a schedule that is linear in between and/or uncertain, or a formula in `year`.
 */
export const leverSchema = perDomain('lever', (dom) => z.union([
  ranged(dom, true), sourcedValue(dom), distSchema(dom),
  strict({
    schedule: yearTable(dom),
    interpolate: z.enum(['step', 'linear']).optional()
      .describe('step (default: each value holds until the next year given) or linear (a straight line between the years given, held after the last)'),
    multiplier: scalarSchema(dom && 'nonneg').optional().describe('whole-path multiplier, drawn once per run'),
    randomWalk: RandomWalk.optional(),
    ...note,
  }),
  yearTable(dom),
  z.string().describe('a formula in `year`'),
]).describe('a number, a distribution, a step schedule {2024: 0.85, 2030: 0.9}, {schedule, interpolate, multiplier, randomWalk}, or a formula in `year`'));
export const Lever = leverSchema();
export type LeverIn = z.infer<typeof Lever>;

/** A lever parameter with its range and description. */
const leverParam = (dom: Dom, description: string) => withDomain(Lever.describe(description), dom, 'lever');

/** A norm: inhabitants per full-time doctor, constant or a step schedule {fromYear: value}. */
export const normSchema = perDomain('norm', (dom) => z.union([ranged(dom, true), sourcedValue(dom), distSchema(dom), strict({ schedule: yearTable(dom), ...note }), yearTable(dom)]));
export const Norm = withDomain(normSchema(), 'positive', 'norm');
export type NormIn = z.infer<typeof Norm>;

/** A table of shares keyed by age band / training year / length; may carry its own source and note. */
export const ShareTable = z.object({ ...note }).catchall(num);

// --- region parameters -------------------------------------------------------------------------

/** One age group of the population: like the total, a start value or a table, and a growth. */
export const AgeGroup = strict({
  start: param('positive', 'inhabitants of this age group in the start year').optional(),
  table: YearTable.optional().describe('inhabitants of this age group per year from the start year; growth applies after its last year'),
  growth: seriesParam('rate', 'growth per year of this age group, as a share (default: population.growth)').optional(),
  ...note,
});

/** A CSV file in the long layout statistics offices publish. */
export const PopulationCsv = strict({
  file: z.string().min(1).describe('path of the CSV file, relative to the scenario file that names it'),
  region: z.string().optional().describe("the file's name for this region (default: the region's own name); rows of other regions are skipped"),
  ...note,
});

export const CareNeedByAge = strict({
  weights: z.record(z.string(), leverParam('positive', 'relative care need of the age band'))
    .describe("relative care need per age band, e.g. {'0-17': 0.56, '18-64': 1.04, '65-79': 1.28, '80+': 1.52}"),
  referenceMix: ShareTable.optional()
    .describe('shares of the reference (national) population per weight band; the weights are rescaled so that this mix has weight 1 in the start year'),
  ...note,
});

export const Population = strict({
  start: param('positive', 'inhabitants in the start year').optional(),
  table: YearTable.optional().describe('inhabitants per year from the start year (a forecast); growth applies after its last year'),
  growth: seriesParam('rate', 'growth per year as a share (0.008 = 0.8 %/year)').optional(),
  ageGroups: z.record(z.string(), AgeGroup).optional()
    .describe("the population by age group instead of a total, e.g. {'0-17': {start: 485687, growth: 0.005}, '80+': {…}}; groups cover every age from 0, without overlap"),
  ageCsv: PopulationCsv.optional().describe('population by age or age group per year from a CSV file (columns region, age or age_group, year, count)'),
  careNeedByAge: CareNeedByAge.optional().describe('care-need weights by age band: the population to cover is Σ inhabitants × weight'),
  coverageShare: leverParam('share', 'share of the population to be covered by a named doctor (default 1.0)').optional(),
  careNeedIndex: leverParam('positive', 'care-need weight on the population to cover (default 1.0)').optional(),
  ...note,
}).describe('inhabitants: {start, growth} or {table, growth}');

export const Retirement = z.union([
  strict({ meanAge: param('age', 'mean retirement age'), sd: param('positive', 'spread of retirement age, years'), ...note }),
  strict({ byAge: ShareTable.describe('share leaving per year by age at the start of the year, e.g. {62: 0.05, 65: 0.2, 70: 1}'), ...note }),
]).describe('{meanAge, sd} or {byAge: {age: share, …}}');

export const Recruitment = strict({
  perYear: seriesParam('nonneg', 'net recruitment from elsewhere, persons per year (default 0; with specialists.targetHeadcount the path sets it)').optional(),
  max: seriesParam('nonneg', 'with specialists.targetHeadcount: at most this many recruited per year (the pool the path can draw on)').optional(),
  entryAge: param('age', 'age of recruits (default 45)').optional(),
  ...note,
});

export const Specialists = strict({
  headcount: param('nonneg', 'GP specialists in the start year (persons), counted as `countBasis` says').optional(),
  headcountInclListableSt: param('nonneg', "Tabell 1's count: specialists plus listable ST in the start year").optional(),
  targetHeadcount: seriesParam('nonneg', 'a plan path: target GP specialist headcount per year; the recruitment it needs follows (after the completers who stay)').optional(),
  fte: leverParam('positive', 'average FTE per specialist (default 1.0)').optional(),
  ageBands: ShareTable.optional().describe("share of specialists by age band, e.g. {'30-39': 0.2, …}; sums to 1"),
  ageCsv: strict({ file: z.string().min(1).describe('path of the CSV file, relative to the scenario file that names it'), ...note }).optional()
    .describe('the age pyramid from a CSV file (columns age or birth_year, and count), instead of ageBands; gives the headcount when none is written'),
  retirement: Retirement.optional(),
  attrition: leverParam('share', 'other exits from primary care, share per year').optional(),
  recruitment: Recruitment.optional(),
  ...note,
}).describe('GP specialists: headcount, ageBands, retirement, attrition');

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
  maxTraineesPerSpecialistFte: param('nonneg', 'at most this many ST trainees per specialist FTE (supervisors)').optional(),
  maxTotal: seriesParam('nonneg', 'at most this many ST trainees in total per year').optional(),
  supervisionHoursPerWeek: param('nonneg', 'supervision time per trainee, hours per week, taken from specialist capacity').optional(),
  hoursPerFte: num.gt(0).max(80).optional().describe('hours per week of one FTE (default 40)'),
  ...note,
});

export const St = strict({
  headcount: param('nonneg', 'ST trainees in general practice in the start year (persons)').optional(),
  byTrainingYear: z.union([z.array(num), ShareTable]).optional().describe('share of trainees in training year 1, 2, … at the start; sums to 1'),
  intake: seriesParam('nonneg', 'advertised ST posts per year (new starts before the fill rate)').optional(),
  targetHeadcount: seriesParam('nonneg', 'target ST headcount per year; the intake follows').optional(),
  targetCompletions: seriesParam('nonneg', 'a plan path: ST completions per year; the intake follows, a training length earlier').optional(),
  trainingLength: ShareTable.optional().describe('calendar years of training and their shares, e.g. {5: 0.2, 6: 0.5, 7: 0.3}'),
  dropout: leverParam('share', 'share of trainees leaving ST per year').optional(),
  retention: leverParam('share', "share of completers who stay in the region's primary care").optional(),
  fillRate: param('share', 'share of advertised posts filled (default 1.0)').optional(),
  fte: leverParam('positive', 'average FTE per trainee (default 1.0)').optional(),
  completionAge: param('age', 'age at specialist certification').optional(),
  listable: Listable.optional().describe('which trainees may have listed patients (default: half of all, as in Tabell 1)'),
  trainingCapacity: TrainingCapacity.optional(),
  ...note,
}).describe('ST trainees in general practice');

export const OtherGroup = strict({
  name: z.string().min(1),
  headcount: param('nonneg', 'persons in the start year'),
  fte: param('positive', 'average FTE per person (default 1.0)').optional(),
  attrition: param('share', 'exits per year, share (default 0)').optional(),
  recruitment: seriesParam('nonneg', 'new per year, persons (default 0)').optional(),
  norm: Norm.optional().describe('inhabitants per full-time doctor (default: the specialist norm)'),
  salaryPerMonth: param('nonneg', 'kr per month at full time; leave out to keep the group out of the cost').optional(),
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
  wageGrowth: param('rate', 'wage growth per year above the price base, share (0 = fixed prices, the default)').optional(),
  employerContributions: param('nonneg', 'employer contributions and pension (PO) as a share of salary').optional(),
  overheadPerEmployee: param('nonneg', 'premises, administration, IT: kr per employee per year').optional(),
  salaryPerMonth: strict({ specialist: param('nonneg', 'kr per month for a GP specialist').optional(), st: param('nonneg', 'kr per month for an ST trainee').optional(), ...note }).optional().describe('kr per month at full time'),
  stTrainingCostPerYear: param('nonneg', 'supervision and courses, kr per ST trainee per year').optional(),
  ...note,
});

/** The quantities an `observed:` block can hold; `model/observed.ts` maps each to an output field. */
export const OBSERVED_QUANTITIES = ['specialists', 'st', 'completions', 'newSpecialistsStaying', 'retirements', 'otherExits', 'population', 'namedDoctorShare'] as const;
export type ObservedQuantity = (typeof OBSERVED_QUANTITIES)[number];

/** One observed figure: a number with its source (required, here or on its quantity's block). */
const ObservedValue = z.union([num, strict({ value: num, ...note })]);
/** Observed figures of one quantity by year: {2011: {value: 5974, source: id}, …}; `source` here applies to every year. */
const ObservedSeriesSchema = z.object({ ...note }).catchall(ObservedValue).describe('observed values by year, each {value, source}, e.g. {2024: {value: 130, source: mitti-2024}}').meta({ id: 'observed-series' });
export const Observed = strict(
  Object.fromEntries(OBSERVED_QUANTITIES.map((q) => [q, ObservedSeriesSchema.optional()])) as Record<ObservedQuantity, z.ZodOptional<typeof ObservedSeriesSchema>>,
  'published figures to set beside the model (run, report, charts), to calibrate to and to backtest against',
).meta({ id: 'observed' });
export type ObservedIn = z.infer<typeof Observed>;

export const regionShape = {
  population: Population.optional(),
  norms: Norms.optional(),
  specialists: Specialists.optional(),
  st: St.optional(),
  otherSpecialists: z.array(OtherGroup).optional().describe('other listable specialists (e.g. geriatricians)'),
  costs: Costs.optional(),
  observed: Observed.optional(),
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
  titleSv: z.string().min(1).optional().describe('the title in Swedish: shown instead of `title` in Swedish output (--lang sv)'),
  noteSv: z.string().optional().describe('the note in Swedish: shown instead of `note` in Swedish output (--lang sv)'),
});

export const ScenarioSchema = strict({
  name: z.string().min(1).describe('scenario name, shown in every output'),
  description: z.string().optional(),
  descriptionSv: z.string().optional().describe('the description in Swedish: shown instead of `description` in Swedish output (--lang sv)'),
  region: z.string().optional().describe('region name for a single-region scenario (default: name)'),
  horizon: strict({ start: year.describe('first year of the projection (the year the start values describe)'), end: year.describe('last projected year') })
    .describe('the years to project: {start: 2024, end: 2034}'),
  countBasis: z.enum(['health-centres', 'all-sectors'], { error: (iss) => (iss.input === undefined ? undefined : vmsg.countBasis(describe(iss.input), iss.input)) })
    .describe('which specialist count the scenario starts from'),
  sources: z.record(z.string(), Source).optional(),
  correlations: z.array(strict({ params: z.tuple([z.string(), z.string()]), rho: num.min(-1).max(1), ...note })).optional(),
  monteCarlo: strict({ runs: num.int().min(1).optional(), seed: num.int().min(0).optional(), eventNoise: z.boolean().optional() }).optional(),
  output: strict({
    layout: z.enum(['full', 'bilaga']).optional()
      .describe("the table `run` prints: 'full' (every row, the default) or 'bilaga' (the rows of Region Stockholm's appendix: specialists, other specialists, listable ST, their net increases, population, net cost increase per year and accumulated, and the plan path)"),
  }).optional().describe('how `run` prints this scenario unless the command line says otherwise'),
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
