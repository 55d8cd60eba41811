/**
 * What every block normaliser shares: the problem list, the assumptions
 * found so far, and the readers of one scalar, series or norm with their range checks.
 */
import { NONNEG, support, type Dist, type Domain } from '../../model/dist.js';
import type { LeverParam, ScalarParam, SeriesParam } from '../../model/types.js';
import { compileFormula } from '../formula.js';
import { defaultKeyOf } from '../defaults.js';
import { vmsg } from '../messages.js';
import { formatPath } from '../errors.js';
import { MAX_AGE, MIN_AGE } from '../../model/engine.js';
import { DOMAINS, Region, YEAR, describeRegionKey, paramDomains, schemaAt, type Dom, type LeverIn, type NormIn, type RegionIn, type ScalarIn, type ScenarioIn, type SeriesIn } from '../schema.js';
import type { Assumption, Path, PathProblem, SourceEntry } from '../types.js';

export type { Path };
export type ScenarioRegions = ScenarioIn & { regions: RegionIn[] };
/** A source and note as written on a value or its block. */
export type SrcNote = { source?: string; note?: string; noteSv?: string };

/** Entries of a share table without its `source` and `note`. */
export function shareEntries(t: Record<string, unknown>): [string, number][] {
  return Object.entries(t).filter(([k]) => k !== 'source' && k !== 'note' && k !== 'noteSv') as [string, number][];
}


export { DOMAINS, type Dom };

/** The range of the parameter at `path` inside a region, as the schema declares it (scenario/schema.ts). */
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

/**
 * Bounds beyond which a value means nothing whatever its range allows (and the projection would
 * overflow to Infinity or NaN): counts, money and inhabitants up to a billion, a yearly rate
 * between -50 % and +50 %. Validation only: the ranges distributions are truncated to stay DOMAINS.
 */
const SANE: Record<Dom, Domain> = {
  share: DOMAINS.share, age: DOMAINS.age, nonneg: { lo: 0, hi: 1e9 }, positive: { lo: 0, hi: 1e9 },
  rate: { lo: -0.5, hi: 0.5 }, any: { lo: -1e9, hi: 1e9 },
};
/** Parameters with an upper bound of their own: FTE per person, supervision hours per trainee and week. */
const UPPER: [RegExp, number][] = [[/(^|\.)fte$/, 2], [/supervisionHoursPerWeek$/, 60]];

/** The values a parameter at `path` (region space, or with the regions[i] prefix) may take: its range and the bounds above. */
export function limitOf(path: Path, dom: Dom): Domain {
  const own = path[0] === 'regions' && typeof path[1] === 'number' ? path.slice(2) : path;
  const key = formatPath(own.filter((x) => x !== 'values' && x !== 'multiplier'));
  const upper = UPPER.find(([re]) => re.test(key))?.[1] ?? Infinity;
  return { lo: Math.max(DOMAINS[dom].lo, SANE[dom].lo), hi: Math.min(DOMAINS[dom].hi, SANE[dom].hi, upper) };
}

/** Why `v` is outside what the parameter may take: its range, or the bounds of `limitOf`. */
function limitMessage(dom: Dom, lim: Domain, v: number): string {
  const D = DOMAINS[dom];
  return v < D.lo || v > D.hi || Number.isNaN(v) ? rangeMessage(dom, v) : vmsg.beyondLimit(lim.lo, lim.hi, v);
}

/** The range `dom` in words, for the bounds of a distribution (in the message language). */
const rangeWords = (dom: Dom): string => vmsg.rangeWords(dom, MIN_AGE, MAX_AGE - 1);

/** "required: <path> (<what it is>)" for a parameter inside a region. */
export const missingParam = (path: Path, about?: string) => vmsg.missing(formatPath(path), about ?? describeRegionKey(path));

export interface ExpandCtx {
  /** Stream key of the parameter at `path` inside region `i` (depends on where it was declared). */
  keyOf(i: number, path: Path): string;
}


export type NormCtx = ReturnType<typeof createContext>;

/** The shared state and readers of one normalisation. */
export function createContext(s: ScenarioRegions, ctx: ExpandCtx) {
  const problems: PathProblem[] = [];
  const add = (path: Path, message: string) => problems.push({ path, message });
  const start = s.horizon.start, end = s.horizon.end;
  if (end <= start) add(['horizon', 'end'], vmsg.yearsOrder(start, end));
  const nYears = Math.max(1, end - start + 1);
  const sources: Record<string, SourceEntry> = (s.sources ?? {}) as Record<string, SourceEntry>;
  const assumptions: Assumption[] = [];
  const seenAssumption = new Set<string>();

  const checkSource = (path: Path, id: string | undefined) => {
    if (id !== undefined && !(id in sources)) add([...path, 'source'], vmsg.unknownSource(id, Object.keys(sources)));
  };
  const record = (i: number, path: Path, key: string, value: string, src: SrcNote | null, isDefault?: string) => {
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
      ...(isDefault !== undefined && defaultKeyOf(isDefault) ? { defaultReason: defaultKeyOf(isDefault) } : {}),
      note: isDefault ?? src?.note,
      ...(isDefault === undefined && src?.noteSv !== undefined ? { noteSv: src.noteSv } : {}),
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
    const L = limitOf(path, dom);
    const inD = (v: number) => v >= L.lo && v <= L.hi;
    switch (d.dist) {
      case 'fixed': {
        const v = d.value;
        if (dom === 'positive' && v <= 0) add(path, rangeMessage(dom, v));
        else if (!inD(v)) add(path, limitMessage(dom, L, v));
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
        else if (d.sd === 0 && !inD(d.mean)) add(path, vmsg.distPoint('mean', limitMessage(dom, L, d.mean)));
        // A mean outside the range leaves the draws in a sliver of the tail (or none: NaN).
        else if (!inD(d.mean) || d.mean < lo || d.mean > hi) add(path, vmsg.distCentre('mean', limitMessage(dom, { lo: Math.max(lo, L.lo), hi: Math.min(hi, L.hi) }, d.mean)));
        else if (!(d.sd <= L.hi - L.lo) && Number.isFinite(L.hi - L.lo)) add(path, vmsg.distSpread('sd', d.sd, L.hi - L.lo));
        return;
      }
      case 'lognormal': {
        if (D.lo < 0) { add(path, vmsg.lognormalDomain()); return; }
        const [lo, hi] = support(d, D);
        if (!(lo < hi) && d.sigma > 0) add(path, vmsg.distEmpty());
        else if (d.sigma === 0 && !inD(d.median)) add(path, vmsg.distPoint('median', limitMessage(dom, L, d.median)));
        else if (!inD(d.median) || d.median < lo || d.median > hi) add(path, vmsg.distCentre('median', limitMessage(dom, { lo: Math.max(lo, L.lo), hi: Math.min(hi, L.hi) }, d.median)));
        else if (!(d.sigma <= 5)) add(path, vmsg.distSpread('sigma', d.sigma, 5));
        return;
      }
    }
  };

  const asDist = (v: ScalarIn): Dist => {
    if (typeof v === 'number') return { dist: 'fixed', value: v };
    if ('dist' in v) {
      const { source: _s, note: _n, noteSv: _ns, ...rest } = v as Dist & SrcNote;
      return rest as Dist;
    }
    return { dist: 'fixed', value: v.value };
  };
  const srcOf = (v: unknown): SrcNote | null =>
    v !== null && typeof v === 'object' && !Array.isArray(v) ? (v as SrcNote) : null;
  /**
   * A value's own source and note, falling back to those of the block it sits in. The note and
   * its Swedish twin come as a pair from one place: the value's own when it writes either, none
   * when it names its own source without a note, else the block's.
   */
  const withParent = (own: SrcNote | null, parent: SrcNote | null | undefined): SrcNote | null => {
    if (!own && !parent) return null;
    const from = own && (own.note !== undefined || own.noteSv !== undefined) ? own : own?.source ? null : parent;
    return { source: own?.source ?? parent?.source, note: from?.note, ...(from?.noteSv !== undefined ? { noteSv: from.noteSv } : {}) };
  };

  /** A scalar parameter of region i at `path` (in region space), or its default. */
  function scalar(i: number, path: Path, v: ScalarIn | undefined, def?: { value: number; why: string }, parentSrc?: SrcNote | null): ScalarParam {
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
    return p;
  }

  /** Year-table check: keys are years; returns value per year index or reports problems. */
  function yearTable(rp: Path, table: Record<string, number>, opts: { from: number; requireFrom: number; to: number; laterUnused?: boolean }): Map<number, number> {
    const out = new Map<number, number>();
    const before: number[] = [];
    for (const [k, v] of Object.entries(table)) {
      if (!YEAR.test(k)) continue; // reported by the schema
      const y = Number(k);
      // A year before the start, or a series year after the end (`laterUnused`), would be silently
      // unused (after `extends` changed the horizon, say): reported. A population forecast may
      // run past the horizon.
      if (y < opts.from || (opts.laterUnused && y > end)) before.push(y);
      else out.set(y, v);
    }
    if (before.length) add(rp, vmsg.tableOutside(before.sort((a, b) => a - b), opts.from, end));
    const missing: number[] = [];
    for (let y = opts.requireFrom; y <= opts.to; y++) if (!out.has(y)) missing.push(y);
    if (missing.length) add(rp, vmsg.tableMissesYears(missing, opts.requireFrom, opts.to));
    return out;
  }

  /** A series' whole-path multiplier and random walk from its wrapper, set on `out`; returns their text. */
  function pathUncertainty(out: SeriesParam, rp: Path, wrapper: { multiplier?: ScalarIn; randomWalk?: { sd: number } } | null, walkMode: 'relative' | 'additive'): string {
    let text = '';
    if (wrapper?.multiplier !== undefined) {
      const d = asDist(wrapper.multiplier);
      checkDist([...rp, 'multiplier'], d, 'nonneg');
      out.multiplier = { key: out.key + '.multiplier', dist: d, domain: NONNEG };
      text += ` × ${distText(d)}`;
    }
    if (wrapper?.randomWalk) {
      out.walk = { sd: wrapper.randomWalk.sd, mode: walkMode };
      text += ` with random walk (sd ${wrapper.randomWalk.sd}/year)`;
    }
    return text;
  }

  /**
   * A table of points {year: value} filled in between (linearly, or each value held until the
   * next) and held after its last point. The first point must be at or before `firstYear`.
   */
  function interpolatedTable(rp: Path, table: Record<string, number>, how: 'linear' | 'step', firstYear: number): { points: [number, number][]; at: (year: number) => number } {
    const points = Object.entries(table).filter(([k]) => YEAR.test(k)).map(([k, x]) => [Number(k), x] as [number, number]).sort((a, b) => a[0] - b[0]);
    const before = points.filter(([y]) => y < start).map(([y]) => y);
    if (before.length) add(rp, vmsg.tableOutside(before, start, end));
    if (points.length === 0) add(rp, vmsg.scheduleEmpty(start));
    else if (points[0][0] > firstYear) add(rp, vmsg.pathStart(points[0][0], firstYear));
    const at = (year: number): number => {
      if (points.length === 0 || year < points[0][0]) return NaN;
      let k = 0;
      while (k + 1 < points.length && points[k + 1][0] <= year) k++;
      const [y0, x0] = points[k];
      if (how === 'step' || k + 1 === points.length || y0 === year) return x0;
      const [y1, x1] = points[k + 1];
      return x0 + ((x1 - x0) * (year - y0)) / (y1 - y0);
    };
    return { points, at };
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
    type Wrapper = { multiplier?: ScalarIn; randomWalk?: { sd: number }; interpolate?: 'linear' | 'step'; source?: string; note?: string };
    let wrapper: Wrapper | null = null;
    if (typeof v === 'object' && v !== null && 'values' in v) {
      wrapper = v as unknown as Wrapper;
      values = (v as { values: unknown }).values;
      checkSource(rp, wrapper!.source);
    }
    const vp: Path = wrapper ? [...rp, 'values'] : rp;
    const isTable = typeof values === 'object' && values !== null && !('value' in values) && !('dist' in values);
    if (wrapper?.interpolate !== undefined && !isTable) add([...rp, 'interpolate'], vmsg.interpolateNeedsTable());
    let text: string;
    if (typeof values === 'number' || (typeof values === 'object' && values !== null && ('value' in values || 'dist' in values))) {
      const d = asDist(values as ScalarIn);
      checkDist(vp, d, dom);
      checkSource(vp, srcOf(values)?.source);
      if (d.dist === 'fixed') fill(d.value);
      else {
        fill(1);
        out.multiplier = { key: key + '.values', dist: d, domain: DOMAINS[dom] };
      }
      text = distText(d);
    } else if (typeof values === 'string') {
      const c = compileFormula(values);
      if (!c.ok) { add(vp, vmsg.formula(values, c.message, c.index + 1)); return out; }
      for (let t = firstIdx; t < nYears; t++) {
        const y = start + t;
        const x = c.fn(y);
        if (!Number.isFinite(x)) { add(vp, vmsg.formulaValue(y, x)); break; }
        const lim = limitOf(path, dom);
        if (x < lim.lo || x > lim.hi) { add(vp, vmsg.formulaRange(y, limitMessage(dom === 'positive' ? 'nonneg' : dom, lim, x))); break; }
        base[t] = x;
      }
      text = `"${values}"`;
    } else if (wrapper?.interpolate !== undefined) {
      const pts = interpolatedTable(vp, values as Record<string, number>, wrapper.interpolate, start + firstIdx);
      for (const [y, x] of pts.points) if (x < DOMAINS[dom].lo || x > DOMAINS[dom].hi) add([...vp, String(y)], rangeMessage(dom === 'positive' ? 'nonneg' : dom, x));
      for (let t = firstIdx; t < nYears; t++) base[t] = pts.at(start + t);
      text = pts.points.map(([y, x]) => `${y}: ${x}`).join(', ') + ` (${wrapper.interpolate === 'linear' ? 'linear in between' : 'each held until the next'})`;
    } else {
      const tab = yearTable(vp, values as Record<string, number>, { from: start, requireFrom: start + firstIdx, to: end, laterUnused: true });
      for (const [y, x] of tab) {
        const t = y - start;
        if (t >= nYears) continue;
        const lim = limitOf(path, dom);
        if (x < lim.lo || x > lim.hi) add([...vp, String(y)], limitMessage(dom === 'positive' ? 'nonneg' : dom, lim, x));
        if (t >= firstIdx) base[t] = x;
      }
      text = Object.entries(values as Record<string, number>).map(([k, x]) => `${k}: ${x}`).join(', ');
    }
    text += pathUncertainty(out, rp, wrapper, walkMode);
    record(i, path, key, text, withParent(wrapper ?? srcOf(values), parentSrc));
    return out;
  }

  /**
   * A step schedule {fromYear: value} at `sp`: the value per year index (each holds from its year
   * until the next), with every value checked by `ok`. The first step must be at or before the start.
   */
  function stepSchedule<T>(sp: Path, table: Record<string, T>, ok: (x: T, at: Path) => void): { base: (T | undefined)[]; steps: (readonly [number, T])[] } {
    const steps = Object.entries(table).filter(([k]) => YEAR.test(k)).map(([k, x]) => [Number(k), x] as const).sort((a, b) => a[0] - b[0]);
    if (steps.length === 0) add(sp, vmsg.scheduleEmpty(start));
    else if (steps[0][0] > start) add(sp, vmsg.scheduleStart(steps[0][0], start));
    for (const [y, x] of steps) ok(x, [...sp, String(y)]);
    const base: (T | undefined)[] = [];
    for (let t = 0; t < nYears; t++) {
      let cur: T | undefined;
      for (const [y, x] of steps) if (y <= start + t) cur = x;
      base.push(cur);
    }
    return { base, steps };
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
    const { base, steps } = stepSchedule(sp, table, (x, at) => { if (!(x > 0)) add(at, vmsg.positive(x)); });
    record(i, path, key, steps.map(([y, x]) => `${x} from ${y}`).join(', '), wrapped ?? null);
    return { key, base: base.map((x) => x ?? NaN), multiplier: null, walk: null, domain: NONNEG };
  }

  /**
   * A lever that may change over time: a scalar form gives a scalar parameter (the same stream key
   * as before levers could change, so scenarios with one value keep their random numbers); a step
   * schedule (optionally linear in between), `{schedule, multiplier, randomWalk}` or a formula gives
   * a series over every year. Its range is the schema's (`leverParam` in schema.ts).
   */
  function lever(i: number, path: Path, v: LeverIn | undefined, def?: { value: number; why: string }, parentSrc?: SrcNote | null): LeverParam {
    if (v === undefined || typeof v === 'number' || (typeof v === 'object' && ('value' in v || 'dist' in v))) return scalar(i, path, v as ScalarIn | undefined, def, parentSrc);
    if (typeof v === 'string') return series(i, path, v, 0, 'additive', undefined, parentSrc);
    const key = ctx.keyOf(i, path);
    const rp: Path = ['regions', i, ...path];
    const dom = domainOf(path);
    type Wrapped = { schedule: Record<string, number>; interpolate?: 'step' | 'linear'; multiplier?: ScalarIn; randomWalk?: { sd: number }; source?: string; note?: string };
    const wrapped = 'schedule' in v ? (v as Wrapped) : null;
    const table = (wrapped ? wrapped.schedule : v) as Record<string, number>;
    const sp: Path = wrapped ? [...rp, 'schedule'] : rp;
    if (wrapped) checkSource(rp, wrapped.source);
    const D = DOMAINS[dom];
    const { base, steps } = stepSchedule(sp, table, (x, at) => {
      if (x < D.lo || x > D.hi || (dom === 'positive' && !(x > 0))) add(at, rangeMessage(dom, x));
    });
    const out: SeriesParam = { key, base: base.map((x) => x ?? NaN), multiplier: null, walk: null, domain: D };
    let text = steps.map(([y, x]) => `${x} from ${y}`).join(', ');
    if (wrapped?.interpolate === 'linear') {
      // A straight line between consecutive years given; the last value holds after its year.
      for (let t = 0; t < nYears; t++) {
        const y = start + t;
        const k = steps.findIndex(([y1]) => y1 > y);
        if (k > 0) { const [y0, x0] = steps[k - 1], [y1, x1] = steps[k]; out.base[t] = x0 + ((x1 - x0) * (y - y0)) / (y1 - y0); }
      }
      text = steps.map(([y, x]) => `${y}: ${x}`).join(', ') + ', linear in between';
    }
    text += pathUncertainty(out, rp, wrapped, 'additive');
    record(i, path, key, text, withParent(wrapped, parentSrc));
    return out;
  }

  /** Shares that must sum to 1 (tolerance 1e-6). */
  const sumCheck = (rp: Path, xs: number[]) => {
    const sum = xs.reduce((a, b) => a + b, 0);
    if (Math.abs(sum - 1) > 1e-6) add(rp, vmsg.sumToOne(sum));
    xs.forEach((x) => { if (x < 0 || x > 1) add(rp, vmsg.share(x)); });
  };

  /** Blocks (st, specialists, …) missing from the current region: reported once, not per parameter. */
  const absent = new Set<string>();
  const keyOf = (i: number, path: Path): string => ctx.keyOf(i, path);
  return { keyOf, problems, add, start, end, nYears, sources, assumptions, absent, checkSource, record, distText, checkDist, asDist, srcOf, withParent, scalar, series, norm, lever, stepSchedule, sumCheck, yearTable };
}
