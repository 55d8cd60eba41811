/**
 * Validated scenario (zod output, regions expanded) → `ModelInput` for the engine, plus the
 * scenario's metadata and its list of assumptions with sources. Checks that need the horizon
 * happen here: per-year tables must cover every projected year, schedules must start in time,
 * shares must sum to 1, and every parameter must lie in its range. Problems are collected (not
 * thrown) so that every problem in a file is reported at once.
 */
import { NONNEG, isFixed, mean, support, type Dist, type Domain } from '../model/dist.js';
import type { ListableRule, ModelInput, RegionInput, Retirement, ScalarParam, SeriesParam, OtherGroupInput, CostInput, TrainingCapacityInput } from '../model/types.js';
import { compileFormula } from './formula.js';
import { prepareCopula } from '../model/draws.js';
import { vmsg } from './messages.js';
import { formatPath } from './errors.js';
import { DOMAINS, MAX_AGE, MIN_AGE, YEAR, describeRegionKey, paramDomains, schemaAt, Region, type Dom, type NormIn, type RegionIn, type ScalarIn, type ScenarioIn, type SeriesIn } from './schema.js';

export type Path = (string | number)[];
export interface PathProblem { path: Path; message: string }

export type SourceKind = 'published' | 'assumption' | 'derived';
export interface SourceEntry { title: string; publisher?: string; year?: string | number; url?: string; kind?: SourceKind; note?: string }

/** One number the projection rests on, with where it came from (for reports). */
export interface Assumption {
  region: string | null; // null: shared by all regions
  path: string;
  value: string;
  source: string | null; // id under `sources`, or null
  kind: SourceKind | 'default' | 'unsourced';
  note?: string;
}

export interface ScenarioMeta {
  name: string;
  description: string;
  countBasis: 'health-centres' | 'all-sectors';
  sources: Record<string, SourceEntry>;
  monteCarlo: { runs: number; seed: number; eventNoise: boolean };
  assumptions: Assumption[];
  totalReported: { headcountInclListableSt?: number; population?: number; source?: string; note?: string } | null;
  /** Names of the uncertain parameters (their stream keys), for sensitivity analysis. */
  uncertain: { key: string; dist: Dist; domain: Domain }[];
}

export interface Scenario { meta: ScenarioMeta; input: ModelInput }

/** Entries of a share table without its `source` and `note`. */
function shareEntries(t: Record<string, unknown>): [string, number][] {
  return Object.entries(t).filter(([k]) => k !== 'source' && k !== 'note') as [string, number][];
}

/** Built-in defaults and why they are what they are. */
export const DEFAULTS = {
  normSpecialist: { value: 1100, why: 'Socialstyrelsen, Nationellt riktvärde för fast läkarkontakt (2022): 1100 inhabitants per full-time GP specialist' },
  normSt: { value: 550, why: 'Socialstyrelsen (2022): 550 inhabitants per ST trainee in general practice' },
  coverageShare: { value: 1, why: 'the riktvärde covers every inhabitant' },
  careNeedIndex: { value: 1, why: 'no care-need weighting unless the scenario gives one' },
  fte: { value: 1, why: 'the riktvärde assumes full time' },
  fillRate: { value: 1, why: 'every advertised post is filled unless the scenario says otherwise' },
  listable: { value: { share: 0.5 }, why: 'Tabell 1 (Socialstyrelsen 2022) counts half of all ST trainees as available' },
  recruitment: { value: 0, why: 'no net recruitment from elsewhere unless the scenario gives one' },
  recruitmentAge: { value: 45, why: 'riktvarde default; only matters for when recruits retire' },
  wageGrowth: { value: 0, why: 'fixed prices, as in Region Stockholm’s plan' },
  otherAttrition: { value: 0, why: 'no exits unless the scenario gives a rate' },
  hoursPerFte: { value: 40, why: 'full-time week, hours' },
  monteCarlo: { runs: 1000, seed: 1, eventNoise: true },
} as const;

/** The range of the parameter at `path` inside a region, as the schema declares it. */
function domainOf(path: Path): Dom {
  const at = schemaAt(path, undefined, Region);
  const dom = at && paramDomains.get(at.schema)?.domain;
  if (!dom) throw new Error(`no range declared in the schema for ${formatPath(path)}`);
  return dom;
}

/** Why `v` is outside the range `dom`. */
function rangeMessage(dom: Dom, v: number): string {
  switch (dom) {
    case 'share': return vmsg.share(v);
    case 'age': return vmsg.age(v, MIN_AGE, MAX_AGE - 1);
    case 'positive': return vmsg.positive(v);
    case 'rate': return vmsg.rate(v);
    default: return vmsg.nonNegative(v);
  }
}

/** The range `dom` in words, for the bounds of a distribution. */
function rangeWords(dom: Dom): string {
  switch (dom) {
    case 'share': return 'a share between 0 and 1';
    case 'age': return `an age between ${MIN_AGE} and ${MAX_AGE - 1}`;
    case 'rate': return 'a rate of at least -1';
    default: return 'zero or more';
  }
}

/** "required: <path> (<what it is>)" for a parameter inside a region. */
const missingParam = (path: Path, about?: string) => vmsg.missing(formatPath(path), about ?? describeRegionKey(path));

export interface ExpandCtx {
  /** Stream key of the parameter at `path` inside region `i` (depends on where it was declared). */
  keyOf(i: number, path: Path): string;
}

export function normalize(s: ScenarioIn & { regions: RegionIn[] }, ctx: ExpandCtx): { scenario: Scenario | null; problems: PathProblem[] } {
  const problems: PathProblem[] = [];
  const add = (path: Path, message: string) => problems.push({ path, message });
  const start = s.horizon.start, end = s.horizon.end;
  if (end <= start) add(['horizon', 'end'], vmsg.yearsOrder(start, end));
  const nYears = Math.max(1, end - start + 1);
  const sources: Record<string, SourceEntry> = (s.sources ?? {}) as Record<string, SourceEntry>;
  const assumptions: Assumption[] = [];
  const seenAssumption = new Set<string>();
  const uncertain = new Map<string, { key: string; dist: Dist; domain: Domain }>();

  const checkSource = (path: Path, id: string | undefined) => {
    if (id !== undefined && !(id in sources)) add([...path, 'source'], vmsg.unknownSource(id, Object.keys(sources)));
  };
  const record = (i: number, path: Path, key: string, value: string, src: { source?: string; note?: string } | null, isDefault?: string) => {
    const regionScoped = key.startsWith('regions[');
    const id = `${regionScoped ? i : '*'}|${key}`;
    if (seenAssumption.has(id)) return;
    seenAssumption.add(id);
    const source = src?.source ?? null;
    assumptions.push({
      region: regionScoped ? s.regions[i].name : null,
      path: key.replace(/^regions\[[^\]]*\]\./, ''),
      value,
      source,
      kind: isDefault !== undefined ? 'default' : source ? (sources[source]?.kind ?? 'published') : 'unsourced',
      note: isDefault ?? src?.note,
    });
  };

  const distText = (d: Dist): string => {
    switch (d.dist) {
      case 'fixed': return String(d.value);
      case 'normal': return `normal(mean ${d.mean}, sd ${d.sd}${d.min !== undefined ? `, min ${d.min}` : ''}${d.max !== undefined ? `, max ${d.max}` : ''})`;
      case 'lognormal': return `lognormal(median ${d.median}, sigma ${d.sigma})`;
      case 'uniform': return `uniform(${d.min}–${d.max})`;
      case 'triangular': return `triangular(${d.min}, ${d.mode}, ${d.max})`;
      case 'pert': return `PERT(${d.min}, ${d.mode}, ${d.max})`;
    }
  };

  /** Checks a distribution against a range; returns problems at `path`. */
  const checkDist = (path: Path, d: Dist, dom: Dom) => {
    const D = DOMAINS[dom];
    const inD = (v: number) => v >= D.lo && v <= D.hi;
    switch (d.dist) {
      case 'fixed': {
        const v = d.value;
        if (!inD(v) || (dom === 'positive' && v <= 0)) {
          add(path, rangeMessage(dom, v));
        }
        return;
      }
      case 'uniform':
        if (!(d.min < d.max)) add(path, vmsg.distMinMax());
        else if (!inD(d.min) || !inD(d.max)) add(path, vmsg.distRange(rangeWords(dom), d.min, d.max));
        return;
      case 'triangular':
      case 'pert':
        if (!(d.min <= d.mode && d.mode <= d.max && d.min < d.max)) add(path, vmsg.distOrder());
        else if (!inD(d.min) || !inD(d.max)) add(path, vmsg.distRange(rangeWords(dom), d.min, d.max));
        return;
      case 'normal': {
        const [lo, hi] = support(d, D);
        if (!(lo < hi) && d.sd > 0) add(path, vmsg.distEmpty());
        else if (d.sd === 0 && !inD(d.mean)) add(path, vmsg.distPoint('mean', rangeMessage(dom, d.mean)));
        return;
      }
      case 'lognormal': {
        if (D.lo < 0) { add(path, vmsg.lognormalDomain()); return; }
        const [lo, hi] = support(d, D);
        if (!(lo < hi) && d.sigma > 0) add(path, vmsg.distEmpty());
        else if (d.sigma === 0 && !inD(d.median)) add(path, vmsg.distPoint('median', rangeMessage(dom, d.median)));
        return;
      }
    }
  };

  const asDist = (v: ScalarIn): Dist => {
    if (typeof v === 'number') return { dist: 'fixed', value: v };
    if ('dist' in v) {
      const { source: _s, note: _n, ...rest } = v as Dist & { source?: string; note?: string };
      return rest as Dist;
    }
    return { dist: 'fixed', value: v.value };
  };
  const srcOf = (v: unknown): { source?: string; note?: string } | null =>
    v !== null && typeof v === 'object' && !Array.isArray(v) ? (v as { source?: string; note?: string }) : null;
  /** A value's own source and note, falling back to those of the block it sits in. */
  const withParent = (own: { source?: string; note?: string } | null, parent: { source?: string; note?: string } | null | undefined) =>
    own || parent ? { source: own?.source ?? parent?.source, note: own?.note ?? (own?.source ? undefined : parent?.note) } : null;

  /** A scalar parameter of region i at `path` (in region space), or its default. */
  function scalar(i: number, path: Path, v: ScalarIn | undefined, def?: { value: number; why: string }, parentSrc?: { source?: string; note?: string } | null): ScalarParam {
    const key = ctx.keyOf(i, path);
    const rp: Path = ['regions', i, ...path];
    const dom = domainOf(path);
    if (v === undefined) {
      if (def === undefined) { if (!absent.has(String(path[0]))) add(rp, missingParam(path)); return { key, dist: { dist: 'fixed', value: NaN }, domain: DOMAINS[dom] }; }
      record(i, path, key, String(def.value), null, def.why);
      return { key, dist: { dist: 'fixed', value: def.value }, domain: DOMAINS[dom] };
    }
    const d = asDist(v);
    checkDist(rp, d, dom);
    checkSource(rp, srcOf(v)?.source);
    record(i, path, key, distText(d), withParent(srcOf(v), parentSrc));
    const p: ScalarParam = { key, dist: d, domain: DOMAINS[dom] };
    if (!isFixed(d)) uncertain.set(key, { key, dist: d, domain: DOMAINS[dom] });
    return p;
  }

  /** Year-table check: keys are years; returns value per year index or reports problems. */
  function yearTable(rp: Path, table: Record<string, number>, opts: { from: number; requireFrom: number; to: number }): Map<number, number> {
    const out = new Map<number, number>();
    const before: number[] = [];
    for (const [k, v] of Object.entries(table)) {
      if (!YEAR.test(k)) continue; // reported by the schema
      const y = Number(k);
      if (y < opts.from) before.push(y);
      else out.set(y, v);
    }
    if (before.length) add(rp, vmsg.tableOutside(before.sort((a, b) => a - b), opts.from, end));
    const missing: number[] = [];
    for (let y = opts.requireFrom; y <= opts.to; y++) if (!out.has(y)) missing.push(y);
    if (missing.length) add(rp, vmsg.tableMissesYears(missing, opts.requireFrom, opts.to));
    return out;
  }

  /**
   * A per-year series. `firstYear` is the first year index it applies to (1 for flows, 0 for
   * stocks and norms); earlier entries are NaN.
   */
  function series(i: number, path: Path, v: SeriesIn | undefined, firstIdx: number, walkMode: 'relative' | 'additive', def?: { value: number; why: string }, parentSrc?: { source?: string; note?: string } | null): SeriesParam {
    const key = ctx.keyOf(i, path);
    const rp: Path = ['regions', i, ...path];
    const dom = domainOf(path);
    const base = new Array<number>(nYears).fill(NaN);
    const out: SeriesParam = { key, base, multiplier: null, walk: null, domain: DOMAINS[dom] };
    const fill = (x: number) => { for (let t = firstIdx; t < nYears; t++) base[t] = x; };
    if (v === undefined) {
      if (!def) { if (!absent.has(String(path[0]))) add(rp, missingParam(path)); return out; }
      record(i, path, key, String(def.value), null, def.why);
      fill(def.value);
      return out;
    }
    let values: unknown = v;
    type Wrapper = { multiplier?: ScalarIn; randomWalk?: { sd: number }; source?: string; note?: string };
    let wrapper: Wrapper | null = null;
    if (typeof v === 'object' && v !== null && 'values' in v) {
      wrapper = v as unknown as Wrapper;
      values = (v as { values: unknown }).values;
      checkSource(rp, wrapper!.source);
    }
    const vp: Path = wrapper ? [...rp, 'values'] : rp;
    let text: string;
    if (typeof values === 'number' || (typeof values === 'object' && values !== null && ('value' in values || 'dist' in values))) {
      const d = asDist(values as ScalarIn);
      checkDist(vp, d, dom);
      checkSource(vp, srcOf(values)?.source);
      if (d.dist === 'fixed') fill(d.value);
      else {
        fill(1);
        out.multiplier = { key: key + '.values', dist: d, domain: DOMAINS[dom] };
        uncertain.set(out.multiplier.key, { key: out.multiplier.key, dist: d, domain: DOMAINS[dom] });
      }
      text = distText(d);
    } else if (typeof values === 'string') {
      const c = compileFormula(values);
      if (!c.ok) { add(vp, vmsg.formula(values, c.message, c.index + 1)); return out; }
      for (let t = firstIdx; t < nYears; t++) {
        const y = start + t;
        const x = c.fn(y);
        if (!Number.isFinite(x)) { add(vp, vmsg.formulaValue(y, x)); break; }
        if (x < DOMAINS[dom].lo || x > DOMAINS[dom].hi) { add(vp, vmsg.formulaRange(y, rangeMessage(dom === 'positive' ? 'nonneg' : dom, x))); break; }
        base[t] = x;
      }
      text = `"${values}"`;
    } else {
      const tab = yearTable(vp, values as Record<string, number>, { from: start, requireFrom: start + firstIdx, to: end });
      for (const [y, x] of tab) {
        const t = y - start;
        if (t >= nYears) continue;
        if (x < DOMAINS[dom].lo || x > DOMAINS[dom].hi) add([...vp, String(y)], rangeMessage(dom === 'positive' ? 'nonneg' : dom, x));
        if (t >= firstIdx) base[t] = x;
      }
      text = Object.entries(values as Record<string, number>).map(([k, x]) => `${k}: ${x}`).join(', ');
    }
    if (wrapper?.multiplier !== undefined) {
      const d = asDist(wrapper.multiplier);
      checkDist([...rp, 'multiplier'], d, 'nonneg');
      out.multiplier = { key: key + '.multiplier', dist: d, domain: NONNEG };
      if (!isFixed(d)) uncertain.set(out.multiplier.key, { key: out.multiplier.key, dist: d, domain: NONNEG });
      text += ` × ${distText(d)}`;
    }
    if (wrapper?.randomWalk) {
      out.walk = { sd: wrapper.randomWalk.sd, mode: walkMode };
      text += ` with random walk (sd ${wrapper.randomWalk.sd}/year)`;
    }
    record(i, path, key, text, withParent(wrapper ?? srcOf(values), parentSrc));
    return out;
  }

  /** A norm: constant, distribution, or a step schedule {fromYear: value}. */
  function norm(i: number, path: Path, v: NormIn | undefined, def: { value: number; why: string }): SeriesParam {
    const rp: Path = ['regions', i, ...path];
    const isSchedule = v !== undefined && typeof v === 'object' && !('value' in v) && !('dist' in v);
    if (!isSchedule) return series(i, path, v as SeriesIn | undefined, 0, 'relative', def);
    const key = ctx.keyOf(i, path);
    const wrapped = 'schedule' in (v as object) ? (v as { schedule: Record<string, number>; source?: string; note?: string }) : null;
    const table = (wrapped ? wrapped.schedule : v) as Record<string, number>;
    const sp: Path = wrapped ? [...rp, 'schedule'] : rp;
    if (wrapped) checkSource(rp, wrapped.source);
    const steps = Object.entries(table).filter(([k]) => YEAR.test(k)).map(([k, x]) => [Number(k), x] as const).sort((a, b) => a[0] - b[0]);
    const base = new Array<number>(nYears).fill(NaN);
    if (steps.length === 0) add(sp, vmsg.scheduleEmpty(start));
    else if (steps[0][0] > start) add(sp, vmsg.scheduleStart(steps[0][0], start));
    for (const [y, x] of steps) if (!(x > 0)) add([...sp, String(y)], vmsg.positive(x));
    for (let t = 0; t < nYears; t++) {
      let cur = NaN;
      for (const [y, x] of steps) if (y <= start + t) cur = x;
      base[t] = cur;
    }
    record(i, path, key, steps.map(([y, x]) => `${x} from ${y}`).join(', '), wrapped ?? null);
    return { key, base, multiplier: null, walk: null, domain: NONNEG };
  }

  /** Shares that must sum to 1 (tolerance 1e-6). */
  const sumCheck = (rp: Path, xs: number[]) => {
    const sum = xs.reduce((a, b) => a + b, 0);
    if (Math.abs(sum - 1) > 1e-6) add(rp, vmsg.sumToOne(sum));
    xs.forEach((x) => { if (x < 0 || x > 1) add(rp, vmsg.share(x)); });
  };

  const regions: RegionInput[] = [];
  const names = new Set<string>();
  /** Blocks (st, specialists, …) missing from the current region: reported once, not per parameter. */
  const absent = new Set<string>();
  s.regions.forEach((r, i) => {
    absent.clear();
    for (const k of ['population', 'st', 'specialists'] as const) if (r[k] === undefined) absent.add(k);
    if (names.has(r.name)) add(['regions', i, 'name'], vmsg.duplicateRegion(r.name));
    names.add(r.name);
    const rp = (...p: Path): Path => ['regions', i, ...p];

    // Population
    const P = r.population;
    const table = new Array<number>(nYears).fill(NaN);
    let growth: SeriesParam = { key: ctx.keyOf(i, ['population', 'growth']), base: new Array(nYears).fill(NaN), multiplier: null, walk: null, domain: DOMAINS.rate };
    if (!P) add(rp('population'), missingParam(['population'], 'inhabitants: {start, growth} or {table, growth}'));
    else {
      checkSource(rp('population'), P.source);
      if (P.start !== undefined && P.table !== undefined) add(rp('population', 'table'), vmsg.oneOf('start', 'table'));
      else if (P.start === undefined && P.table === undefined) add(rp('population'), vmsg.needOneOf('start', 'table'));
      let last = start;
      if (P.start !== undefined) {
        const d = asDist(P.start);
        if (d.dist !== 'fixed') add(rp('population', 'start'), vmsg.populationStartFixed());
        else if (!(d.value > 0)) add(rp('population', 'start'), vmsg.positive(d.value));
        table[0] = d.dist === 'fixed' ? d.value : NaN;
        checkSource(rp('population', 'start'), srcOf(P.start)?.source);
        record(i, ['population', 'start'], ctx.keyOf(i, ['population', 'start']), String(table[0]), withParent(srcOf(P.start), P));
      } else if (P.table !== undefined) {
        const years = Object.keys(P.table).filter((k) => YEAR.test(k)).map(Number).sort((a, b) => a - b);
        if (years.length && years[0] !== start) add(rp('population', 'table'), vmsg.tableNotFromStart(years[0], start));
        else if (years.length) {
          last = years[years.length - 1];
          const tab = yearTable(rp('population', 'table'), P.table, { from: start, requireFrom: start, to: Math.min(last, end) });
          for (const [y, x] of tab) {
            if (!(x > 0)) add(rp('population', 'table', String(y)), vmsg.positive(x));
            if (y - start < nYears) table[y - start] = x;
          }
        }
        record(i, ['population', 'table'], ctx.keyOf(i, ['population', 'table']), years.map((y) => `${y}: ${P.table![String(y)]}`).join(', '), P);
      }
      if (last < end || P.growth !== undefined) {
        if (P.growth === undefined) add(rp('population', 'growth'), P.table !== undefined ? vmsg.tableGapNeedsGrowth(last) : vmsg.startNeedsGrowth(start, end));
        else growth = series(i, ['population', 'growth'], P.growth, 1, 'additive', undefined, P);
      }
    }
    const coverageShare = scalar(i, ['population', 'coverageShare'], P?.coverageShare, DEFAULTS.coverageShare);
    const careNeedIndex = scalar(i, ['population', 'careNeedIndex'], P?.careNeedIndex, DEFAULTS.careNeedIndex);

    // Norms
    checkSource(rp('norms'), r.norms?.source);
    const normSpecialist = norm(i, ['norms', 'specialist'], r.norms?.specialist, DEFAULTS.normSpecialist);
    const normSt = norm(i, ['norms', 'st'], r.norms?.st, DEFAULTS.normSt);

    // ST (before specialists: headcountInclListableSt needs the listable ST)
    const T = r.st ?? {};
    if (!r.st) add(rp('st'), missingParam(['st'], 'ST trainees in general practice'));
    checkSource(rp('st'), T.source);
    const lengths: number[] = [], lengthProbs: number[] = [];
    if (T.trainingLength === undefined) { if (r.st) add(rp('st', 'trainingLength'), missingParam(['st', 'trainingLength'])); }
    else {
      const entries = shareEntries(T.trainingLength);
      for (const [k, x] of entries) {
        if (!/^\d+$/.test(k) || Number(k) < 1 || Number(k) > 15) add(rp('st', 'trainingLength', k), vmsg.lengthKey(k));
        else { lengths.push(Number(k)); lengthProbs.push(x); }
      }
      sumCheck(rp('st', 'trainingLength'), entries.map(([, x]) => x));
      const order = lengths.map((_, j) => j).sort((a, b) => lengths[a] - lengths[b]);
      const l2 = order.map((j) => lengths[j]), p2 = order.map((j) => lengthProbs[j]);
      lengths.splice(0, lengths.length, ...l2); lengthProbs.splice(0, lengthProbs.length, ...p2);
      checkSource(rp('st', 'trainingLength'), (T.trainingLength as { source?: string }).source);
      record(i, ['st', 'trainingLength'], ctx.keyOf(i, ['st', 'trainingLength']), entries.map(([k, x]) => `${k} years: ${x}`).join(', '), withParent(srcOf(T.trainingLength), T));
    }
    if (lengths.length === 0) { lengths.push(6); lengthProbs.push(1); }
    const maxLen = lengths[lengths.length - 1];
    let byTrainingYear: number[];
    if (T.byTrainingYear === undefined) {
      // Steady state of a constant intake: the share in year j ∝ P(length ≥ j).
      const w = Array.from({ length: maxLen }, (_, j) => lengths.reduce((s2, L, d) => s2 + (L >= j + 1 ? lengthProbs[d] : 0), 0));
      const sw = w.reduce((a, b) => a + b, 0);
      byTrainingYear = w.map((x) => x / sw);
      record(i, ['st', 'byTrainingYear'], ctx.keyOf(i, ['st', 'byTrainingYear']), byTrainingYear.map((x) => x.toFixed(3)).join(', '), null,
        'steady state of a constant intake: the share in training year j is proportional to the share of lengths ≥ j');
    } else {
      const arr = Array.isArray(T.byTrainingYear) ? T.byTrainingYear : (() => {
        const o = Object.fromEntries(shareEntries(T.byTrainingYear as Record<string, unknown>));
        const ks = Object.keys(o);
        const bad = ks.filter((k) => !/^\d+$/.test(k) || Number(k) < 1);
        bad.forEach((k) => add(rp('st', 'byTrainingYear', k), vmsg.trainingYearKey(k)));
        const n = Math.max(0, ...ks.filter((k) => !bad.includes(k)).map(Number));
        return Array.from({ length: n }, (_, j) => o[String(j + 1)] ?? 0);
      })();
      sumCheck(rp('st', 'byTrainingYear'), arr);
      if (arr.length > maxLen) add(rp('st', 'byTrainingYear'), vmsg.trainingYearBeyondLength(arr.length, maxLen));
      byTrainingYear = arr.slice(0, maxLen);
      record(i, ['st', 'byTrainingYear'], ctx.keyOf(i, ['st', 'byTrainingYear']), arr.join(', '), withParent(Array.isArray(T.byTrainingYear) ? null : srcOf(T.byTrainingYear), T));
    }
    let listable: ListableRule;
    if (T.listable === undefined) {
      listable = DEFAULTS.listable.value;
      record(i, ['st', 'listable'], ctx.keyOf(i, ['st', 'listable']), 'half of all trainees', null, DEFAULTS.listable.why);
    } else {
      checkSource(rp('st', 'listable'), T.listable.source);
      listable = 'lastYears' in T.listable ? { lastYears: T.listable.lastYears } : { share: T.listable.share };
      if ('lastYears' in listable && listable.lastYears >= lengths[0]) add(rp('st', 'listable', 'lastYears'), vmsg.listableTooLong(listable.lastYears, lengths[0]));
      record(i, ['st', 'listable'], ctx.keyOf(i, ['st', 'listable']), 'lastYears' in listable ? `the last ${listable.lastYears} years of training` : `${listable.share} of all trainees`, T.listable);
    }
    const stHeadcount = scalar(i, ['st', 'headcount'], T.headcount, undefined, T);
    if (T.intake !== undefined && T.targetHeadcount !== undefined) add(rp('st', 'targetHeadcount'), vmsg.oneOf('intake', 'targetHeadcount'));
    if (T.intake === undefined && T.targetHeadcount === undefined && r.st) add(rp('st'), vmsg.needOneOf('intake', 'targetHeadcount'));
    const intake = T.intake !== undefined ? series(i, ['st', 'intake'], T.intake, 1, 'relative', undefined, T) : null;
    const target = T.intake === undefined && T.targetHeadcount !== undefined ? series(i, ['st', 'targetHeadcount'], T.targetHeadcount, 1, 'relative', undefined, T) : null;
    let capacity: TrainingCapacityInput | null = null;
    if (T.trainingCapacity) {
      const C = T.trainingCapacity;
      checkSource(rp('st', 'trainingCapacity'), C.source);
      capacity = {
        perSpecialistFte: C.maxTraineesPerSpecialistFte !== undefined ? scalar(i, ['st', 'trainingCapacity', 'maxTraineesPerSpecialistFte'], C.maxTraineesPerSpecialistFte, undefined, C) : null,
        maxTotal: C.maxTotal !== undefined ? series(i, ['st', 'trainingCapacity', 'maxTotal'], C.maxTotal, 1, 'relative') : null,
        supervisionHoursPerWeek: C.supervisionHoursPerWeek !== undefined ? scalar(i, ['st', 'trainingCapacity', 'supervisionHoursPerWeek'], C.supervisionHoursPerWeek, undefined, C) : null,
        hoursPerFte: C.hoursPerFte ?? DEFAULTS.hoursPerFte.value,
      };
    }
    const st: RegionInput['st'] = {
      headcount: stHeadcount,
      byTrainingYear,
      intake,
      target,
      lengths,
      lengthProbs,
      dropout: scalar(i, ['st', 'dropout'], T.dropout, undefined, T),
      retention: scalar(i, ['st', 'retention'], T.retention, undefined, T),
      fillRate: scalar(i, ['st', 'fillRate'], T.fillRate, DEFAULTS.fillRate, T),
      fte: scalar(i, ['st', 'fte'], T.fte, DEFAULTS.fte, T),
      completionAge: scalar(i, ['st', 'completionAge'], T.completionAge, undefined, T),
      listable,
      capacity,
    };

    // Specialists
    const S = r.specialists ?? {};
    if (!r.specialists) add(rp('specialists'), missingParam(['specialists'], 'GP specialists: headcount, ageBands, retirement, attrition'));
    checkSource(rp('specialists'), S.source);
    let headcount: ScalarParam;
    if (S.headcount !== undefined && S.headcountInclListableSt !== undefined) {
      add(rp('specialists', 'headcountInclListableSt'), vmsg.oneOf('headcount', 'headcountInclListableSt'));
      headcount = scalar(i, ['specialists', 'headcount'], S.headcount, undefined, S);
    } else if (S.headcountInclListableSt !== undefined) {
      // Tabell 1's count includes the listable ST: subtract them (expected value at the start).
      const incl = scalar(i, ['specialists', 'headcountInclListableSt'], S.headcountInclListableSt, undefined, S);
      let listableNow = NaN;
      if (!isFixed(stHeadcount.dist) || !isFixed(incl.dist)) add(rp('specialists', 'headcountInclListableSt'), vmsg.inclNeedsFixed());
      else {
        const stN = mean(stHeadcount.dist);
        if ('share' in listable) listableNow = stN * listable.share;
        else {
          listableNow = 0;
          const n = listable.lastYears;
          byTrainingYear.forEach((share, j0) => {
            const j = j0 + 1;
            let tail = 0;
            lengths.forEach((L, d) => { if (L >= j) tail += lengthProbs[d]; });
            lengths.forEach((L, d) => { if (L >= j && j > L - n && tail > 0) listableNow += (stN * share * lengthProbs[d]) / tail; });
          });
        }
        const inclN = mean(incl.dist);
        if (inclN < listableNow) add(rp('specialists', 'headcountInclListableSt'), vmsg.inclTooSmall(inclN, listableNow));
      }
      headcount = { key: ctx.keyOf(i, ['specialists', 'headcount']), dist: { dist: 'fixed', value: isFixed(incl.dist) ? mean(incl.dist) - listableNow : NaN }, domain: NONNEG };
    } else {
      headcount = scalar(i, ['specialists', 'headcount'], S.headcount, undefined, S);
    }
    const ageShares = new Array<number>(MAX_AGE - MIN_AGE).fill(0);
    if (S.ageBands === undefined) { if (r.specialists) add(rp('specialists', 'ageBands'), missingParam(['specialists', 'ageBands'])); }
    else {
      const taken = new Array<string | null>(MAX_AGE - MIN_AGE).fill(null);
      const entries = shareEntries(S.ageBands);
      for (const [k, share] of entries) {
        const m = /^\s*(\d+)\s*(?:[-–]\s*(\d+))?\s*$/.exec(k);
        if (!m) { add(rp('specialists', 'ageBands', k), vmsg.ageBand(k)); continue; }
        const lo = Number(m[1]), hi = m[2] !== undefined ? Number(m[2]) : lo;
        if (lo > hi || lo < MIN_AGE || hi > MAX_AGE - 1) { add(rp('specialists', 'ageBands', k), vmsg.ageBandRange(k, MIN_AGE, MAX_AGE - 1)); continue; }
        let overlap: string | null = null;
        for (let a = lo; a <= hi; a++) { overlap ??= taken[a - MIN_AGE]; taken[a - MIN_AGE] = k; ageShares[a - MIN_AGE] += share / (hi - lo + 1); }
        if (overlap !== null) add(rp('specialists', 'ageBands', k), vmsg.ageBandOverlap(k, overlap));
      }
      sumCheck(rp('specialists', 'ageBands'), entries.map(([, x]) => x));
      checkSource(rp('specialists', 'ageBands'), (S.ageBands as { source?: string }).source);
      record(i, ['specialists', 'ageBands'], ctx.keyOf(i, ['specialists', 'ageBands']), entries.map(([k, x]) => `${k}: ${x}`).join(', '), withParent(srcOf(S.ageBands), S));
    }
    let retirement: Retirement;
    const Rt = S.retirement;
    if (Rt === undefined) {
      if (r.specialists) add(rp('specialists', 'retirement'), missingParam(['specialists', 'retirement'], '{meanAge, sd} or {byAge: {age: share, …}}'));
      retirement = { kind: 'table', hazardByAge: new Array(MAX_AGE - MIN_AGE).fill(0) };
    } else if ('meanAge' in Rt) {
      checkSource(rp('specialists', 'retirement'), Rt.source);
      retirement = {
        kind: 'normal',
        meanAge: scalar(i, ['specialists', 'retirement', 'meanAge'], Rt.meanAge, undefined, Rt),
        sd: scalar(i, ['specialists', 'retirement', 'sd'], Rt.sd, undefined, Rt),
      };
    } else {
      checkSource(rp('specialists', 'retirement'), Rt.source);
      const ages = shareEntries(Rt.byAge).map(([k]) => k);
      const h = new Array<number>(MAX_AGE - MIN_AGE).fill(0);
      const pts: [number, number][] = [];
      for (const k of ages) {
        const a = Number(k);
        if (!/^\d+$/.test(k) || a < MIN_AGE || a > MAX_AGE - 1) { add(rp('specialists', 'retirement', 'byAge', k), vmsg.age(a, MIN_AGE, MAX_AGE - 1)); continue; }
        const x = Rt.byAge[k] as number;
        if (x < 0 || x > 1) add(rp('specialists', 'retirement', 'byAge', k), vmsg.share(x));
        pts.push([a, x]);
      }
      pts.sort((a, b) => a[0] - b[0]);
      for (const [a, x] of pts) for (let b = a; b < MAX_AGE; b++) h[b - MIN_AGE] = x;
      retirement = { kind: 'table', hazardByAge: h };
      record(i, ['specialists', 'retirement', 'byAge'], ctx.keyOf(i, ['specialists', 'retirement', 'byAge']), pts.map(([a, x]) => `${a}: ${x}`).join(', '), withParent(srcOf(Rt.byAge), Rt));
    }
    const Rc = S.recruitment;
    if (Rc) checkSource(rp('specialists', 'recruitment'), Rc.source);
    const specialists: RegionInput['specialists'] = {
      headcount,
      ageShares,
      retirement,
      attrition: scalar(i, ['specialists', 'attrition'], S.attrition, undefined, S),
      recruitment: series(i, ['specialists', 'recruitment', 'perYear'], Rc?.perYear, 1, 'relative', DEFAULTS.recruitment, Rc ?? S),
      recruitmentAge: scalar(i, ['specialists', 'recruitment', 'entryAge'], Rc?.entryAge, DEFAULTS.recruitmentAge, Rc),
      fte: scalar(i, ['specialists', 'fte'], S.fte, DEFAULTS.fte, S),
    };

    // Other listable specialists
    const others: OtherGroupInput[] = (r.otherSpecialists ?? []).map((o, g) => {
      const p = (...x: Path): Path => ['otherSpecialists', g, ...x];
      checkSource(rp(...p()), o.source);
      return {
        name: o.name,
        headcount: scalar(i, p('headcount'), o.headcount, undefined, o),
        fte: scalar(i, p('fte'), o.fte, DEFAULTS.fte, o),
        attrition: scalar(i, p('attrition'), o.attrition, DEFAULTS.otherAttrition, o),
        recruitment: series(i, p('recruitment'), o.recruitment, 1, 'relative', DEFAULTS.recruitment, o),
        norm: o.norm === undefined ? normSpecialist : norm(i, p('norm'), o.norm, DEFAULTS.normSpecialist),
        salaryPerMonth: o.salaryPerMonth !== undefined ? scalar(i, p('salaryPerMonth'), o.salaryPerMonth, undefined, o) : null,
      };
    });

    // Costs
    let costs: CostInput | null = null;
    if (r.costs) {
      const C = r.costs;
      checkSource(rp('costs'), C.source);
      if (C.salaryPerMonth) checkSource(rp('costs', 'salaryPerMonth'), C.salaryPerMonth.source);
      costs = {
        priceBaseYear: C.priceBaseYear ?? start,
        wageGrowth: scalar(i, ['costs', 'wageGrowth'], C.wageGrowth, DEFAULTS.wageGrowth, C),
        employerContributions: scalar(i, ['costs', 'employerContributions'], C.employerContributions, undefined, C),
        overheadPerEmployee: scalar(i, ['costs', 'overheadPerEmployee'], C.overheadPerEmployee, undefined, C),
        salarySpecialist: scalar(i, ['costs', 'salaryPerMonth', 'specialist'], C.salaryPerMonth?.specialist, undefined, C.salaryPerMonth ?? C),
        salarySt: scalar(i, ['costs', 'salaryPerMonth', 'st'], C.salaryPerMonth?.st, undefined, C.salaryPerMonth ?? C),
        stTrainingCost: scalar(i, ['costs', 'stTrainingCostPerYear'], C.stTrainingCostPerYear, undefined, C),
      };
    }

    regions.push({
      name: r.name,
      population: { table, growth },
      coverageShare,
      careNeedIndex,
      normSpecialist,
      normSt,
      specialists,
      st,
      others,
      costs,
    });
  });

  // Correlations between named uncertain parameters.
  const correlations = (s.correlations ?? []).map((c, k) => {
    c.params.forEach((p, j) => { if (!uncertain.has(p)) add(['correlations', k, 'params', j], vmsg.correlationParam(p)); });
    checkSource(['correlations', k], c.source);
    if (c.params[0] === c.params[1]) add(['correlations', k, 'params'], vmsg.correlationSelf(c.params[0]));
    return { a: c.params[0], b: c.params[1], rho: c.rho };
  });
  const seenPairs = new Set<string>();
  correlations.forEach((c, k) => {
    const pair = [c.a, c.b].sort().join('|');
    if (seenPairs.has(pair)) add(['correlations', k, 'params'], vmsg.correlationTwice(c.a, c.b));
    seenPairs.add(pair);
  });
  if (correlations.length && !problems.length) {
    try { prepareCopula({ startYear: start, endYear: end, regions: [], total: null, correlations }); }
    catch { add(['correlations'], vmsg.correlationPd()); }
  }

  if (problems.length) return { scenario: null, problems };
  const meta: ScenarioMeta = {
    name: s.name,
    description: s.description ?? '',
    countBasis: s.countBasis,
    sources,
    monteCarlo: {
      runs: s.monteCarlo?.runs ?? DEFAULTS.monteCarlo.runs,
      seed: s.monteCarlo?.seed ?? DEFAULTS.monteCarlo.seed,
      eventNoise: s.monteCarlo?.eventNoise ?? DEFAULTS.monteCarlo.eventNoise,
    },
    assumptions,
    totalReported: s.total?.reported ?? null,
    uncertain: [...uncertain.values()],
  };
  const input: ModelInput = {
    startYear: start,
    endYear: end,
    regions,
    total: s.regions.length > 1 ? (s.total?.name ?? 'Total') : null,
    correlations,
  };
  return { scenario: { meta, input }, problems };
}
