/**
 * The population block: the total (start value or forecast table, growth) or the population by
 * age group with care-need weights by age (issue 12), and the coverage share and care-need index.
 */
import { vmsg } from '../messages.js';
import { YEAR, type RegionIn, type ScalarIn, type SeriesIn } from '../schema.js';
import { DEFAULTS } from '../defaults.js';
import type { AgeGroupInput, DemandInput, LeverParam, RegionInput, SeriesParam, WeightBandInput } from '../../model/types.js';
import type { Path } from '../types.js';
import { DOMAINS, missingParam, shareEntries, type NormCtx, type SrcNote } from './context.js';

/** A population given as start or table, with growth (the total, or one age group). */
interface PopIn extends SrcNote { start?: ScalarIn; table?: Record<string, number>; growth?: SeriesIn }

/**
 * Inhabitants per year index (NaN where growth applies) and the growth series of `P`, written at
 * `path` in region i. `what` names the block in messages ("population" or an age group).
 */
function populationSeries(c: NormCtx, i: number, path: Path, P: PopIn, fallbackGrowth?: { v: SeriesIn; src: SrcNote }): { table: number[]; growth: SeriesParam } {
  const { keyOf, add, start, end, nYears, checkSource, record, asDist, srcOf, withParent, series, yearTable } = c;
  const rp = (...p: Path): Path => ['regions', i, ...path, ...p];
  const table = new Array<number>(nYears).fill(NaN);
  let growth: SeriesParam = { key: keyOf(i, [...path, 'growth']), base: new Array(nYears).fill(NaN), multiplier: null, walk: null, domain: DOMAINS.rate };
  checkSource(rp(), P.source);
  if (P.start !== undefined && P.table !== undefined) add(rp('table'), vmsg.oneOf('start', 'table'));
  else if (P.start === undefined && P.table === undefined) add(rp(), vmsg.needOneOf('start', 'table'));
  let last = start;
  if (P.start !== undefined) {
    const d = asDist(P.start);
    if (d.dist !== 'fixed') add(rp('start'), vmsg.populationStartFixed());
    else if (!(d.value > 0)) add(rp('start'), vmsg.positive(d.value));
    table[0] = d.dist === 'fixed' ? d.value : NaN;
    checkSource(rp('start'), srcOf(P.start)?.source);
    record(i, [...path, 'start'], keyOf(i, [...path, 'start']), String(table[0]), withParent(srcOf(P.start), P));
  } else if (P.table !== undefined) {
    const years = Object.keys(P.table).filter((k) => YEAR.test(k)).map(Number).sort((a, b) => a - b);
    if (years.length && years[0] !== start) add(rp('table'), vmsg.tableNotFromStart(years[0], start));
    else if (years.length) {
      last = years[years.length - 1];
      const tab = yearTable(rp('table'), P.table, { from: start, requireFrom: start, to: Math.min(last, end) });
      for (const [y, x] of tab) {
        if (!(x > 0)) add(rp('table', String(y)), vmsg.positive(x));
        if (y - start < nYears) table[y - start] = x;
      }
    }
    record(i, [...path, 'table'], keyOf(i, [...path, 'table']), years.map((y) => `${y}: ${P.table![String(y)]}`).join(', '), P);
  }
  if (last < end || P.growth !== undefined) {
    if (P.growth !== undefined) growth = series(i, [...path, 'growth'], P.growth, 1, 'additive', undefined, P);
    else if (fallbackGrowth) growth = series(i, [...path, 'growth'], fallbackGrowth.v, 1, 'additive', undefined, fallbackGrowth.src);
    else add(rp('growth'), P.table !== undefined ? vmsg.tableGapNeedsGrowth(last) : vmsg.startNeedsGrowth(start, end));
  }
  return { table, growth };
}

/** An age-group or weight-band label: '0-17' → [0, 17], '80+' → [80, ∞), '37' → [37, 37]; null if not one. */
export function parseAgeLabel(k: string): { lo: number; hi: number } | null {
  let m = /^\s*(\d+)\s*[-–]\s*(\d+)\s*$/.exec(k);
  if (m) return Number(m[1]) <= Number(m[2]) ? { lo: Number(m[1]), hi: Number(m[2]) } : null;
  m = /^\s*(\d+)\s*\+\s*$/.exec(k);
  if (m) return { lo: Number(m[1]), hi: Infinity };
  m = /^\s*(\d+)\s*$/.exec(k);
  return m ? { lo: Number(m[1]), hi: Number(m[1]) } : null;
}

/** Labels of `keys` with their ranges, sorted by age; checks that they cover every age from 0 once. */
function agePartition(c: NormCtx, at: Path, keys: string[]): { label: string; lo: number; hi: number }[] {
  const out: { label: string; lo: number; hi: number }[] = [];
  for (const k of keys) {
    const r = parseAgeLabel(k);
    if (!r) c.add([...at, k], vmsg.ageGroupLabel(k));
    else out.push({ label: k, ...r });
  }
  out.sort((a, b) => a.lo - b.lo || a.hi - b.hi);
  let next = 0;
  for (let g = 0; g < out.length; g++) {
    const x = out[g];
    if (x.lo < next && g > 0) c.add([...at, x.label], vmsg.ageGroupOverlap(x.label, out[g - 1].label));
    else if (x.lo > next) c.add(at, vmsg.ageGroupGap(next, x.lo - 1));
    next = Math.max(next, x.hi + 1);
  }
  if (out.length && next !== Infinity) c.add(at, vmsg.ageGroupOpen(next));
  return out;
}

function normalizeDemand(c: NormCtx, i: number, r: RegionIn): DemandInput | null {
  const { add, checkSource, lever, record, keyOf, sumCheck, srcOf, withParent } = c;
  const P = r.population;
  const rp = (...p: Path): Path => ['regions', i, 'population', ...p];
  if (!P) return null;
  const CW = P.careNeedByAge;
  if (P.ageGroups === undefined) {
    if (CW) add(rp('careNeedByAge'), vmsg.needsAgeGroups('population.careNeedByAge'));
    return null;
  }
  checkSource(rp(), P.source);
  if (P.start !== undefined || P.table !== undefined) add(rp(P.start !== undefined ? 'start' : 'table'), vmsg.ageGroupsOrTotal());
  if (P.ageCsv) checkSource(rp('ageCsv'), P.ageCsv.source);
  const parts = agePartition(c, rp('ageGroups'), Object.keys(P.ageGroups));
  const fallback = P.growth !== undefined ? { v: P.growth, src: P as SrcNote } : undefined;
  const groups: AgeGroupInput[] = parts.map((g) => {
    const G = P.ageGroups![g.label];
    const src = { source: G.source ?? P.ageCsv?.source ?? P.source, note: G.note, noteSv: G.noteSv } as SrcNote;
    return { ...g, ...populationSeries(c, i, ['population', 'ageGroups', g.label], { ...G, source: src.source }, fallback) };
  });
  // Care-need weight bands (one band of weight 1 without careNeedByAge).
  let bands: WeightBandInput[];
  let referenceMix: number[] | null = null;
  if (!CW) {
    const weight: LeverParam = { key: keyOf(i, ['population', 'careNeedByAge']), dist: { dist: 'fixed', value: 1 }, domain: DOMAINS.positive };
    record(i, ['population', 'careNeedByAge'], keyOf(i, ['population', 'careNeedByAge']), '1 for every age', null, DEFAULTS.careNeedByAge.why);
    bands = [{ label: '0+', lo: 0, hi: Infinity, weight }];
  } else {
    checkSource(rp('careNeedByAge'), CW.source);
    bands = agePartition(c, rp('careNeedByAge', 'weights'), Object.keys(CW.weights)).map((b) => ({
      ...b, weight: lever(i, ['population', 'careNeedByAge', 'weights', b.label], CW.weights[b.label], undefined, CW),
    }));
    if (CW.referenceMix) {
      const mix = Object.fromEntries(shareEntries(CW.referenceMix));
      const mixKeys = Object.keys(mix);
      const missing = bands.map((b) => b.label).filter((k) => !mixKeys.includes(k));
      const extra = mixKeys.filter((k) => !bands.some((b) => b.label === k));
      if (missing.length || extra.length) add(rp('careNeedByAge', 'referenceMix'), vmsg.mixBands(missing, extra));
      else {
        referenceMix = bands.map((b) => mix[b.label]);
        sumCheck(rp('careNeedByAge', 'referenceMix'), referenceMix);
        record(i, ['population', 'careNeedByAge', 'referenceMix'], keyOf(i, ['population', 'careNeedByAge', 'referenceMix']),
          bands.map((b) => `${b.label}: ${mix[b.label]}`).join(', '), withParent(srcOf(CW.referenceMix), CW));
      }
    }
  }
  const bandOf = groups.map((g) => {
    const k = bands.findIndex((b) => g.lo >= b.lo && g.hi <= b.hi);
    if (k < 0) {
      const across = bands.filter((b) => b.hi >= g.lo && b.lo <= g.hi).map((b) => b.label);
      add(rp('ageGroups', g.label), vmsg.groupStraddlesBands(g.label, across));
    }
    return Math.max(0, k);
  });
  return { groups, bands, bandOf, referenceMix };
}

/** Checks each other-listable group's age range against the population's age groups. */
export function checkAgeRanges(c: NormCtx, i: number, r: RegionIn, demand: DemandInput | null, ranges: ({ lo: number; hi: number } | null)[]): void {
  ranges.forEach((rg, g) => {
    if (!rg) return;
    const raw = r.otherSpecialists![g].ageRange!;
    const range = { ...rg, text: typeof raw === 'string' ? raw : raw.ages };
    const at: Path = ['regions', i, 'otherSpecialists', g, 'ageRange'];
    if (!demand) { c.add(at, vmsg.needsAgeGroups(`otherSpecialists[${g}].ageRange`)); return; }
    for (const grp of demand.groups) {
      const inside = grp.lo >= range.lo && grp.hi <= range.hi, outside = grp.hi < range.lo || grp.lo > range.hi;
      if (!inside && !outside) { c.add(at, vmsg.rangeCutsGroup(range.text, grp.label)); return; }
    }
  });
}

export function normalizePopulation(c: NormCtx, i: number, r: RegionIn): Pick<RegionInput, 'population' | 'demand' | 'coverageShare' | 'careNeedIndex'> {
  const { add, nYears, lever, keyOf } = c;
  const P = r.population;
  let population: RegionInput['population'] = {
    table: new Array<number>(nYears).fill(NaN),
    growth: { key: keyOf(i, ['population', 'growth']), base: new Array(nYears).fill(NaN), multiplier: null, walk: null, domain: DOMAINS.rate },
  };
  let demand: DemandInput | null = null;
  if (!P) add(['regions', i, 'population'], missingParam(['population']));
  else if (P.ageGroups !== undefined || P.careNeedByAge !== undefined) demand = normalizeDemand(c, i, r);
  else population = populationSeries(c, i, ['population'], P);
  const coverageShare = lever(i, ['population', 'coverageShare'], P?.coverageShare, DEFAULTS.coverageShare);
  const careNeedIndex = lever(i, ['population', 'careNeedIndex'], P?.careNeedIndex, DEFAULTS.careNeedIndex);
  return { population, demand, coverageShare, careNeedIndex };
}
