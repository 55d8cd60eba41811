/**
 * What every block normaliser shares: the problem list, the assumptions and uncertain parameters
 * found so far, and the readers of one scalar, series or norm with their range checks.
 */
import { NONNEG, isFixed, support, type Dist, type Domain } from '../../model/dist.js';
import type { ScalarParam, SeriesParam } from '../../model/types.js';
import { compileFormula } from '../formula.js';
import { defaultKeyOf } from '../defaults.js';
import { vmsg } from '../messages.js';
import { formatPath } from '../errors.js';
import { MAX_AGE, MIN_AGE } from '../../model/engine.js';
import { DOMAINS, Region, YEAR, describeRegionKey, paramDomains, schemaAt, type Dom, type NormIn, type RegionIn, type ScalarIn, type ScenarioIn, type SeriesIn } from '../schema.js';
import type { Assumption, Path, PathProblem, SourceEntry } from '../types.js';

export type { Path };
export type ScenarioRegions = ScenarioIn & { regions: RegionIn[] };
/** A source and note as written on a value or its block. */
export type SrcNote = { source?: string; note?: string };

/** Entries of a share table without its `source` and `note`. */
export function shareEntries(t: Record<string, unknown>): [string, number][] {
  return Object.entries(t).filter(([k]) => k !== 'source' && k !== 'note') as [string, number][];
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
      ...(isDefault !== undefined && defaultKeyOf(isDefault) ? { defaultReason: defaultKeyOf(isDefault) } : {}),
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
    } else if (wrapper?.interpolate !== undefined) {
      const pts = interpolatedTable(vp, values as Record<string, number>, wrapper.interpolate, start + firstIdx);
      for (const [y, x] of pts.points) if (x < DOMAINS[dom].lo || x > DOMAINS[dom].hi) add([...vp, String(y)], rangeMessage(dom === 'positive' ? 'nonneg' : dom, x));
      for (let t = firstIdx; t < nYears; t++) base[t] = pts.at(start + t);
      text = pts.points.map(([y, x]) => `${y}: ${x}`).join(', ') + ` (${wrapper.interpolate === 'linear' ? 'linear in between' : 'each held until the next'})`;
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

  /** Blocks (st, specialists, …) missing from the current region: reported once, not per parameter. */
  const absent = new Set<string>();
  const keyOf = (i: number, path: Path): string => ctx.keyOf(i, path);
  return { keyOf, problems, add, start, end, nYears, sources, assumptions, uncertain, absent, checkSource, record, distText, checkDist, asDist, srcOf, withParent, scalar, series, norm, sumCheck, yearTable };
}
