/**
 * The cohort stock-flow engine: one region, one run, year by year.
 *
 * The same step functions serve the deterministic run and every Monte Carlo run. They take a
 * `Draws` argument: `null` means expected values (n·p, fractional people allowed); a set of
 * random streams means each flow is a binomial draw (event noise) with one uniform per draw.
 *
 * Step order for year t−1 → t (the order changes the numbers; review changes to it):
 *
 *   1. ST progression. Trainees in their final training year complete; the rest drop out
 *      (rate per year) or advance one training year.
 *   2. Specialist exits. By single-year age: retirement (hazard by age), then other exits
 *      (rate per year) among those who did not retire; survivors age one year. Reaching
 *      MAX_AGE counts as retirement.
 *   3. Specialist inflows. Completers who stay in the region's primary care (retention share)
 *      join at the completion age; net recruitment joins at its entry age. New specialists are
 *      not exposed to exit in the year they join.
 *   4. ST intake. Advertised posts (the intake, or what the target headcount requires) are
 *      filled at the fill rate, limited by the training capacity rule if there is one; each
 *      new trainee draws a training length.
 *   5. Other listable specialists (e.g. geriatricians): attrition, then recruitment.
 *   6. Population moves to the year's value.
 *   7. Derived measures: FTE, capacity against the norms, coverage, gap, cost.
 *
 * A trainee who starts in year t with training length D is a trainee at the end of years
 * t … t+D−1 and a specialist at the end of year t+D (domain.md).
 */
import { binomialInv } from './binomial.js';
import { F, NFIELDS } from './fields.js';
import type { Uniform } from './rng.js';
import type { RegionRun } from './types.js';

export const MIN_AGE = 25;
/** Specialists leave at this age at the latest (counted as retirement). */
export const MAX_AGE = 80;
export const NAGES = MAX_AGE - MIN_AGE;

/** Random streams of one region in one run, one per kind of decision. */
export interface Draws {
  init: Uniform;
  retirement: Uniform;
  attrition: Uniform;
  stDropout: Uniform;
  stLength: Uniform;
  stFill: Uniform;
  retention: Uniform;
  recruitment: Uniform;
  others: Uniform;
}
export const DRAW_KINDS = ['init', 'retirement', 'attrition', 'stDropout', 'stLength', 'stFill', 'retention', 'recruitment', 'others'] as const;

/** Successes among n with probability p: expected value, or one binomial draw. */
function binom(s: Uniform | null, n: number, p: number): number {
  return s === null ? n * p : binomialInv(s(), n, p);
}

/** A count that may be fractional in the scenario: itself, or unbiased stochastic rounding. */
function count(s: Uniform | null, x: number): number {
  if (s === null) return x;
  const fl = Math.floor(x);
  return fl + (s() < x - fl ? 1 : 0);
}

/** Result block of one region-run: NFIELDS × nYears, index field·nYears + yearIndex. */
export function newBlock(nYears: number): Float64Array {
  return new Float64Array(NFIELDS * nYears);
}

/** Adds `x` people of (possibly fractional) age `age` to `byAge`. */
function addAtAge(byAge: Float64Array, age: number, x: number, s: Uniform | null): void {
  const a = Math.min(Math.max(age, MIN_AGE), MAX_AGE - 1) - MIN_AGE;
  const lo = Math.floor(a);
  const w = a - lo;
  if (w === 0 || lo + 1 >= NAGES) {
    byAge[lo] += x;
  } else if (s === null) {
    byAge[lo] += x * (1 - w);
    byAge[lo + 1] += x * w;
  } else {
    const up = binomialInv(s(), x, w);
    byAge[lo] += x - up;
    byAge[lo + 1] += up;
  }
}

/**
 * Runs one region over the horizon and writes every field into `out` (see `newBlock`).
 * Reads `cfg`, never writes it.
 */
export function simulateRegion(cfg: RegionRun, nYears: number, startYear: number, draws: Draws | null, out: Float64Array): void {
  const Y = nYears;
  const put = (field: number, t: number, v: number) => { out[field * Y + t] = v; };
  const L = cfg.st.lengths.length;
  const J = cfg.st.init.length / L;
  const maxLen = cfg.st.lengths[L - 1];
  const cells = Math.max(J, maxLen);

  // --- Initial stocks (integer in a random run: unbiased rounding per cell).
  const spec = new Float64Array(NAGES);
  for (let a = 0; a < NAGES; a++) spec[a] = count(draws && draws.init, cfg.spec.initByAge[a]);
  const st = new Float64Array(cells * L); // index (j−1)·L + d
  for (let i = 0; i < cfg.st.init.length; i++) st[i] = count(draws && draws.init, cfg.st.init[i]);
  const others = cfg.others.map((o) => count(draws && draws.init, o.headcount));
  const next = new Float64Array(cells * L);

  const isListable = (j: number, d: number): boolean =>
    'lastYears' in cfg.st.listable ? j > cfg.st.lengths[d] - cfg.st.listable.lastYears : false;
  const listableShare = 'share' in cfg.st.listable ? cfg.st.listable.share : 0;

  let prevSpec = NaN, prevSt = NaN, prevListable = NaN, prevOthers = NaN, cost0 = NaN, prevCost = NaN, cumCost = 0;

  for (let t = 0; t < Y; t++) {
    let completions = NaN, dropouts = NaN, retirements = NaN, exits = NaN, staying = NaN, recruited = NaN;
    let posts = NaN, starts = NaN, unfilled = NaN;

    if (t > 0) {
      // 1. ST progression: final-year trainees complete; others drop out or advance.
      completions = 0; dropouts = 0;
      next.fill(0);
      for (let j = 1; j <= cells; j++) {
        for (let d = 0; d < L; d++) {
          const n = st[(j - 1) * L + d];
          if (j >= cfg.st.lengths[d]) { completions += n; continue; }
          const out1 = binom(draws && draws.stDropout, n, cfg.st.dropout);
          dropouts += out1;
          next[j * L + d] += n - out1;
        }
      }
      st.set(next);

      // 2. Specialist exits by age; survivors age one year.
      retirements = 0; exits = 0;
      const h = cfg.spec.hazardByAge;
      for (let a = NAGES - 1; a >= 0; a--) {
        const n = spec[a];
        const r = h[a] > 0 ? binom(draws && draws.retirement, n, h[a]) : 0;
        const o = binom(draws && draws.attrition, n - r, cfg.spec.attrition);
        retirements += r; exits += o;
        const survivors = n - r - o;
        if (a === NAGES - 1) { retirements += survivors; spec[a] = 0; }
        else spec[a + 1] = survivors;
      }
      spec[0] = 0;

      // 3. Specialist inflows: completers who stay, and net recruitment.
      staying = binom(draws && draws.retention, completions, cfg.st.retention);
      addAtAge(spec, cfg.st.completionAge, staying, draws && draws.retention);
      recruited = count(draws && draws.recruitment, cfg.spec.recruitment[t]);
      addAtAge(spec, cfg.spec.recruitmentAge, recruited, draws && draws.recruitment);

      // 4. ST intake, limited by training capacity.
      let stNow = 0;
      for (let i = 0; i < st.length; i++) stNow += st[i];
      posts = cfg.st.target
        ? Math.max(0, cfg.st.target[t] - stNow)
        : cfg.st.intake![t];
      posts = count(draws && draws.stFill, posts);
      const wanted = binom(draws && draws.stFill, posts, cfg.st.fillRate);
      let allowed = Infinity;
      if (cfg.st.capTotal) allowed = Math.min(allowed, cfg.st.capTotal[t] - stNow);
      if (cfg.st.capPerSpecialistFte < Infinity) {
        let specNow = 0;
        for (let a = 0; a < NAGES; a++) specNow += spec[a];
        allowed = Math.min(allowed, cfg.st.capPerSpecialistFte * specNow * cfg.spec.fte - stNow);
      }
      allowed = Math.max(0, draws ? Math.floor(allowed) : allowed);
      starts = Math.min(wanted, allowed);
      unfilled = wanted - starts;
      let rest = starts, restP = 1;
      for (let d = 0; d < L; d++) {
        const p = cfg.st.lengthProbs[d];
        const x = d === L - 1 ? rest : binom(draws && draws.stLength, rest, restP > 0 ? Math.min(1, p / restP) : 0);
        st[d] += x; // training year 1, length index d
        rest -= x; restP -= p;
      }

      // 5. Other listable specialists.
      for (let g = 0; g < others.length; g++) {
        const o = cfg.others[g];
        others[g] -= binom(draws && draws.others, others[g], o.attrition);
        others[g] += count(draws && draws.others, o.recruitment[t]);
      }
    }

    // 6. Population.
    const population = cfg.population[t];
    const populationToCover = population * cfg.coverageShare * cfg.careNeedIndex;

    // 7. Derived measures.
    let specialists = 0;
    for (let a = 0; a < NAGES; a++) specialists += spec[a];
    let stAll = 0, listable = 0;
    for (let j = 1; j <= cells; j++) {
      for (let d = 0; d < L; d++) {
        const n = st[(j - 1) * L + d];
        stAll += n;
        if (isListable(j, d)) listable += n;
      }
    }
    if (listableShare > 0) listable = stAll * listableShare;
    let othersHead = 0, othersFte = 0, capOther = 0, othersCost = 0, othersCostedHead = 0;
    for (let g = 0; g < others.length; g++) {
      const o = cfg.others[g];
      othersHead += others[g];
      othersFte += others[g] * o.fte;
      capOther += others[g] * o.fte * o.norm[t];
      if (!Number.isNaN(o.salaryPerMonth)) { othersCost += others[g] * o.fte * 12 * o.salaryPerMonth; othersCostedHead += others[g]; }
    }
    const supervisionFte = stAll * cfg.st.supervisionFtePerTrainee;
    const specialistsFte = specialists * cfg.spec.fte;
    const listableFte = listable * cfg.st.fte;
    const capSpec = Math.max(0, specialistsFte - supervisionFte) * cfg.normSpecialist[t];
    const capSt = listableFte * cfg.normSt[t];
    const capacity = capSpec + capSt + capOther;

    put(F.population, t, population);
    put(F.populationToCover, t, populationToCover);
    put(F.specialists, t, specialists);
    put(F.specialistsFte, t, specialistsFte);
    put(F.otherSpecialists, t, othersHead);
    put(F.otherSpecialistsFte, t, othersFte);
    put(F.st, t, stAll);
    put(F.listableSt, t, listable);
    put(F.listableStFte, t, listableFte);
    put(F.supervisionFte, t, supervisionFte);
    put(F.stPosts, t, posts);
    put(F.stStarts, t, starts);
    put(F.stUnfilledByCap, t, unfilled);
    put(F.stDropouts, t, dropouts);
    put(F.stCompletions, t, completions);
    put(F.newSpecialistsStaying, t, staying);
    put(F.recruitment, t, recruited);
    put(F.retirements, t, retirements);
    put(F.otherExits, t, exits);
    put(F.netIncreaseSpecialists, t, specialists - prevSpec);
    put(F.netIncreaseOtherSpecialists, t, othersHead - prevOthers);
    put(F.netIncreaseSt, t, stAll - prevSt);
    put(F.netIncreaseListableSt, t, listable - prevListable);
    put(F.normSpecialist, t, cfg.normSpecialist[t]);
    put(F.normSt, t, cfg.normSt[t]);
    put(F.capacitySpecialists, t, capSpec);
    put(F.capacitySt, t, capSt);
    put(F.capacityOther, t, capOther);
    put(F.capacity, t, capacity);
    put(F.coverage, t, capacity / populationToCover);
    put(F.inhabitantsPerDoctor, t, population / (specialists + listable));
    put(F.inhabitantsPerSpecialistFte, t, populationToCover / specialistsFte);
    put(F.specialistGap, t, Math.max(0, populationToCover - capacity) / cfg.normSpecialist[t]);
    put(F.reached, t, capacity >= populationToCover ? 1 : 0);
    put(F.reachedSpecialistsOnly, t, capSpec >= populationToCover ? 1 : 0);

    const c = cfg.costs;
    if (c) {
      const wage = Math.pow(1 + c.wageGrowth, startYear + t - c.priceBaseYear);
      const po = 1 + c.employerContributions;
      const salaries = (specialistsFte * 12 * c.salarySpecialist + stAll * cfg.st.fte * 12 * c.salarySt + othersCost) * po * wage;
      const cost = salaries + c.overheadPerEmployee * (specialists + stAll + othersCostedHead) + c.stTrainingCost * stAll;
      if (t === 0) cost0 = cost;
      const inc = cost - cost0;
      cumCost += t > 0 ? inc : 0;
      put(F.cost, t, cost);
      put(F.costIncrease, t, inc);
      put(F.netCostIncrease, t, cost - prevCost);
      put(F.cumulativeCost, t, cumCost);
      prevCost = cost;
    } else {
      put(F.cost, t, NaN); put(F.costIncrease, t, NaN); put(F.netCostIncrease, t, NaN); put(F.cumulativeCost, t, NaN);
    }
    prevSpec = specialists; prevSt = stAll; prevListable = listable; prevOthers = othersHead;
  }
}
