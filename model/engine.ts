/**
 * The cohort stock-flow engine: one region, one run, year by year.
 *
 * The same step functions serve the deterministic run and every Monte Carlo run. They take an
 * `EventStreams` argument: `null` means expected values (n·p, fractional people allowed); a set of
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
 *      not exposed to exit in the year they join. With a specialist path (a target headcount
 *      per year) the recruitment is what the path still needs after the survivors and the
 *      completers who stay — max(0, target − both), at most the recruitment ceiling if there
 *      is one (a random run recruits the whole person: the need rounded up).
 *   4. ST intake. Advertised posts (the intake, what the target headcount requires, or what a
 *      completions path requires a training length ahead: `pathIntake`) are filled at the fill
 *      rate, limited by the training capacity rule if there is one; each new trainee draws a
 *      training length.
 *   5. Other listable specialists (e.g. geriatricians): attrition, then recruitment.
 *   6. Population moves to the year's value: the total, and with age groups the inhabitants per
 *      group and the need-weighted population Σ inhabitants × care-need weight (resolved before
 *      the run, `params.ts`).
 *   7. Derived measures: FTE, capacity against the norms, coverage, gap, cost, and each plan
 *      path's gap (target − outcome) and whether it is met (gap ≤ PATH_TOLERANCE, measures.ts).
 *      Population to cover = need-weighted population × coverage share × care-need index. A
 *      group of other listable specialists restricted to an age range counts at most the need
 *      of that range; GP specialists and listable ST carry the rest.
 *
 * Levers that may change over time (FTE, attrition, retention, ST dropout, coverage share,
 * care-need index, the listable-ST rule) are read for the year being computed: year t's value
 * governs the flows from t−1 to t and the stocks at the end of t.
 *
 * A trainee who starts in year t with training length D is a trainee at the end of years
 * t … t+D−1 and a specialist at the end of year t+D (domain.md).
 */
import * as B from './binomial.js';
const arg = B.arg;
import { F, NFIELDS } from './fields.js';
import { isListableCell } from './listable.js';
import { count, pathRecruitment, roundSystematic, sum } from './counts.js';
import { writeCapacity, writeCostIncreases, writeMeasures } from './measures.js';
import type { RandomSource } from './rng.js';
import type { RegionRun } from './types.js';

/** The age grid of specialists (single years, MIN_AGE … MAX_AGE − 1): the one place the age limits are set (the scenario layer checks ages against it). */
export const MIN_AGE = 25;
/** Specialists leave at this age at the latest (counted as retirement). */
export const MAX_AGE = 80;
export const NAGES = MAX_AGE - MIN_AGE;

/** Random streams of one region in one run, one per kind of decision. */
export interface EventStreams {
  /** Rounding of fractional initial stocks. */
  init: RandomSource;
  /** One uniform per age and year: how many leave, then (from the same uniform) how many of them retire. */
  exits: RandomSource;
  /** ST dropout per training cell and year. */
  stDropout: RandomSource;
  /** Everything else, a fixed number of draws per year: ST posts filled and training lengths,
   *  completers who stay, recruitment, other listable specialists. */
  flows: RandomSource;
}
export const EVENT_KINDS = ['init', 'exits', 'stDropout', 'flows'] as const;

/**
 * The state of one region during one run: stocks, this year's flows, and per-run constants.
 * Reused across runs of the same region (never shared between threads). Each step below reads
 * and writes it; keeping the steps as small functions lets V8 optimize each of them early.
 */
export class Workspace {
  spec = new Float64Array(NAGES);
  st = new Float64Array(0);
  /** stepProgression's copy of one training year's cells before they are overwritten (L values). */
  carry = new Float64Array(0);
  mask = new Uint8Array(0);
  others = new Float64Array(0);
  /** Per age: probability of leaving (retirement or other exit), its log(1 − p) (above 1/2 its log(p), the search's argument), and the share
   *  of leavers who retire (with its log the same way); a log is NaN until first used in a run (`leaveLn`, `retireLn`). */
  pLeave = new Float64Array(NAGES);
  lnLeave = new Float64Array(NAGES);
  retireShare = new Float64Array(NAGES);
  lnRetire = new Float64Array(NAGES);
  /** The binomial search's log argument per call site, remembered with the p it is for (`lnFor`; slots: `MEMO_*`, then one per training length, then one per other group). */
  lnMemo = new Float64Array(0);
  cells = 0;
  L = 0;
  /** The specialists summed by stepIntake this year (NaN: not summed), for writeYear. */
  specSum = NaN;
  /** Whether the run is random (every stock a whole number: see `sum`). */
  whole = false;
  lowAge = 0;
  listableShare = 0;
  /** The listable rule the mask was built for, and the attrition the exit probabilities were built for. */
  rule: object | null = null;
  attrUsed = NaN;
  // This year's flows (NaN in the first year, which has none).
  completions = NaN; dropouts = NaN; retirements = NaN; exits = NaN; staying = NaN; recruited = NaN;
  posts = NaN; starts = NaN; unfilled = NaN;
  // Last year's totals, for net increases (the cost increases are read from the run's rows: writeCostIncreases).
  prevSpec = NaN; prevSt = NaN; prevListable = NaN; prevOthers = NaN;
  size(cells: number, nOthers: number, L: number): void {
    if (this.st.length !== cells) { this.st = new Float64Array(cells); this.mask = new Uint8Array(cells); }
    if (this.carry.length !== L) this.carry = new Float64Array(L);
    if (this.others.length !== nOthers) this.others = new Float64Array(nOthers);
    const memo = 2 * (MEMO_LENGTHS + L + nOthers);
    if (this.lnMemo.length !== memo) this.lnMemo = new Float64Array(memo).fill(NaN);
  }
}

const MEMO_RETENTION = 0, MEMO_FILL = 1, MEMO_DROPOUT = 2, MEMO_COMPLETION_AGE = 3, MEMO_RECRUITMENT_AGE = 4, MEMO_LENGTHS = 5; // lnMemo's slots

/** log(1 − p) for p ≤ 1/2, log(p) above (the search's third argument), kept per call site with its p (memo[2i]): most
 *  are the same every year, so `Math.log1p` — a call V8 does not inline — runs once instead of each year. */
function lnFor(p: number, memo: Float64Array, i: number): number {
  if (memo[2 * i] !== p) { memo[2 * i] = p; memo[2 * i + 1] = p > 0.5 ? Math.log1p(p - 1) : Math.log1p(-p); }
  return memo[2 * i + 1];
}

/** Successes among n with probability p: expected value, or one binomial draw (log argument from memo slot `i`, see lnFor). */
function binom(s: RandomSource | null, n: number, p: number, memo: Float64Array, i: number): number {
  if (s === null) return n * p;
  const u = s.next(); // always consumed, so draw i of a stream is the same uniform in every scenario
  if (n === 0 || p === 0) return 0;
  arg[0] = u; arg[1] = p; arg[2] = lnFor(p, memo, i);
  return B.binomialInvArg(n);
}

/** Result block of one region-run: NFIELDS × nYears, index field·nYears + yearIndex. */
export function newBlock(nYears: number): Float64Array {
  return new Float64Array(NFIELDS * nYears);
}

/** Adds `x` people of (possibly fractional) age `age` to `byAge`. */
function addAtAge(byAge: Float64Array, age: number, x: number, s: RandomSource | null, memo: Float64Array, i: number): void {
  const a = Math.min(Math.max(age, MIN_AGE), MAX_AGE - 1) - MIN_AGE;
  const lo = Math.floor(a);
  const w = a - lo;
  if (w === 0 || lo + 1 >= NAGES) {
    byAge[lo] += x;
  } else if (s === null) {
    byAge[lo] += x * (1 - w);
    byAge[lo + 1] += x * w;
  } else {
    arg[0] = s.next(); arg[1] = w; arg[2] = lnFor(w, memo, i);
    const up = B.binomialInvArg(x);
    byAge[lo] += x - up;
    byAge[lo + 1] += up;
  }
}

/**
 * Runs one region over the horizon and writes every field into `out` (see `newBlock`).
 * Reads `cfg`, never writes it. `untilReached`: stop after the first year the target is reached
 * (`F.reached`), the later years of `out` left as they were — for a search that reads only the
 * first year reached; the years simulated are the same (a run's streams are drawn year by year).
 */
export function simulateRegion(cfg: RegionRun, nYears: number, startYear: number, events: EventStreams | null, out: Float64Array, ws: Workspace = new Workspace(), untilReached = false): void {
  initRun(cfg, ws, events);
  writeYear(cfg, ws, 0, nYears, startYear, out);
  if (untilReached && out[F.reached * nYears] === 1) return;
  const sExit = events && events.exits, sDrop = events && events.stDropout, sFlow = events && events.flows;
  for (let t = 1; t < nYears; t++) {
    stepProgression(cfg, ws, t, sDrop); //    1
    stepExits(cfg, ws, t, sExit); //          2
    stepInflows(cfg, ws, t, sFlow); //        3
    stepIntake(cfg, ws, t, sFlow); //         4
    stepOthers(cfg, ws, t, sFlow); //         5
    writeYear(cfg, ws, t, nYears, startYear, out); // 6 and 7
    if (untilReached && out[F.reached * nYears + t] === 1) return;
  }
}

/** Initial stocks and per-run constants. */
function initRun(cfg: RegionRun, ws: Workspace, events: EventStreams | null): void {
  const ST = cfg.st, SP = cfg.spec;
  const L = ST.lengths.length;
  const J = ST.init.length / L;
  const cells = Math.max(J, ST.lengths[L - 1]);
  const nOthers = cfg.others.length;
  ws.size(cells * L, nOthers, L);
  ws.cells = cells; ws.L = L;
  const sInit = events && events.init;
  // Below the youngest starting age and the entry ages nobody is ever present (people only age
  // upwards), so those ages need no exit events and add nothing to a sum (each is +0 throughout).
  let lowAge = Math.max(0, Math.floor(Math.min(ST.completionAge, SP.recruitmentAge)) - MIN_AGE);
  for (let a = 0; a < lowAge; a++) if (SP.initByAge[a] > 0) { lowAge = a; break; }
  ws.lowAge = lowAge;
  ws.attrUsed = NaN;
  ws.specSum = NaN;
  ws.whole = events !== null;

  // Initial stocks (integer in a random run: systematic rounding keeps each cell unbiased
  // and the total exact, so a run starts from the scenario's own headcounts).
  roundSystematic(SP.initByAge, ws.spec, NAGES, sInit);
  ws.st.fill(0);
  roundSystematic(ST.init, ws.st, ST.init.length, sInit);
  for (let g = 0; g < nOthers; g++) ws.others[g] = count(sInit, cfg.others[g].headcount);

  ws.rule = null;
  ws.completions = NaN; ws.dropouts = NaN; ws.retirements = NaN; ws.exits = NaN; ws.staying = NaN; ws.recruited = NaN;
  ws.posts = NaN; ws.starts = NaN; ws.unfilled = NaN;
  ws.prevSpec = NaN; ws.prevSt = NaN; ws.prevListable = NaN; ws.prevOthers = NaN;
}

/** Which cells may have listed patients under `rule` (lastYears), or a flat share of all trainees. */
function setListable(cfg: RegionRun, ws: Workspace, rule: RegionRun['st']['listable'][number]): void {
  const mask = ws.mask, cells = ws.cells, L = ws.L;
  mask.fill(0);
  ws.listableShare = 'share' in rule ? rule.share : 0;
  if ('lastYears' in rule) {
    const n = rule.lastYears;
    for (let j = 1; j <= cells; j++) for (let d = 0; d < L; d++) mask[(j - 1) * L + d] = isListableCell(j, cfg.st.lengths[d], n) ? 1 : 0;
  }
  ws.rule = rule;
}

/**
 * Per age, for random exits: the probability of leaving at attrition `attrition` and the retiring
 * share of leavers; their logs (the search's argument, see `lnFor`) are left NaN for `leaveLn` and
 * `retireLn` to compute on first use in the run — most ages of a small county have nobody, and the
 * retiring share's log is only needed when two or more leave (Math.log1p is a call V8 does not inline;
 * computed for every age, the logs were ~2 % of a 21-county Monte Carlo).
 */
function setLeaveProbs(cfg: RegionRun, ws: Workspace, attrition: number): void {
  const hazard = cfg.spec.hazardByAge;
  // Below the retirement ages the hazard is 0: the probability is the attrition, its log the same
  // for every such age, and nobody retires (log1p(−0) is −0).
  const lnAttr = attrition <= 0.5 ? Math.log1p(-attrition) : NaN;
  for (let a = ws.lowAge; a < NAGES; a++) { // (stepExits reads no younger age)
    const pl = hazard[a] + (1 - hazard[a]) * attrition;
    ws.pLeave[a] = pl;
    ws.lnLeave[a] = pl === attrition && pl <= 0.5 ? lnAttr : NaN;
    const share = pl > 0 ? hazard[a] / pl : 0;
    ws.retireShare[a] = share;
    ws.lnRetire[a] = share === 0 ? -0 : NaN;
  }
  ws.attrUsed = attrition;
}

/** log(1 − p) for p ≤ 1/2, log(p) above, of the leaving probability at age index a (computed once per run and age). */
function leaveLn(ws: Workspace, a: number): number {
  const p = ws.pLeave[a];
  return (ws.lnLeave[a] = p > 0.5 ? Math.log1p(p - 1) : Math.log1p(-p));
}

/** The same for the retiring share of leavers at age index a. */
function retireLn(ws: Workspace, a: number): number {
  const ln = ws.lnRetire[a];
  if (ln === ln) return ln;
  const share = ws.retireShare[a];
  return (ws.lnRetire[a] = share > 0.5 ? Math.log1p(share - 1) : Math.log1p(-share));
}

/** 1. ST progression: final-year trainees complete; others drop out or advance. */
function stepProgression(cfg: RegionRun, ws: Workspace, t: number, sDrop: RandomSource | null): void {
  const lengths = cfg.st.lengths, dropout = cfg.st.dropout[t];
  const L = ws.L, cells = ws.cells, st = ws.st, carry = ws.carry;
  const small = dropout > 0 && dropout <= 0.5, lnDrop = small ? lnFor(dropout, ws.lnMemo, MEMO_DROPOUT) : NaN;
  let completions = 0, dropouts = 0;
  // In place, training year by training year: year j's cells move to year j + 1 (at `row`), whose
  // own values are first copied to `carry` for the next j; training year 1 is left empty for the intake.
  for (let d = 0; d < L; d++) { carry[d] = st[d]; st[d] = 0; }
  for (let j = 1; j <= cells; j++) {
    const row = j * L, last = j === cells;
    for (let d = 0; d < L; d++) {
      const n = carry[d];
      if (!last) carry[d] = st[row + d];
      if (j >= lengths[d]) { completions += n; if (!last) st[row + d] = 0; continue; }
      let gone: number;
      if (sDrop === null) gone = n * dropout;
      else if (small) {
        const u = sDrop.next();
        if (n === 0 || B.zeroByBound(u, n * lnDrop)) gone = 0;
        else { arg[0] = u; arg[1] = dropout; arg[2] = lnDrop; gone = B.binomialInvSmallArg(n); }
      }
      else gone = binom(sDrop, n, dropout, ws.lnMemo, MEMO_DROPOUT);
      dropouts += gone;
      st[row + d] = 0 + (n - gone); // (j < lengths[d] ≤ cells: never the last year; 0 + x as the sum into a zeroed cell gave)
    }
  }
  ws.completions = completions; ws.dropouts = dropouts;
}

/** 2. Specialist exits by age (retirement, then other exits); survivors age one year. */
function stepExits(cfg: RegionRun, ws: Workspace, t: number, sExit: RandomSource | null): void {
  const hazard = cfg.spec.hazardByAge, attrition = cfg.spec.attrition[t];
  if (sExit !== null && attrition !== ws.attrUsed) setLeaveProbs(cfg, ws, attrition);
  const spec = ws.spec, lowAge = ws.lowAge, pLeaveByAge = ws.pLeave, lnLeave = ws.lnLeave, retireShare = ws.retireShare;
  let retirements = 0, exits = 0;
  for (let a = NAGES - 1; a >= lowAge; a--) {
    const n = spec[a];
    const h = hazard[a];
    let r: number, o: number;
    if (sExit === null) {
      r = n * h;
      o = (n - r) * attrition;
    } else {
      // Competing exits: leave with probability pLeave; of those who leave, a share h/pLeave
      // retire — drawn from where the same uniform fell (the residual), not a new draw.
      const u = sExit.next();
      const pLeave = pLeaveByAge[a];
      let e = 0;
      if (n !== 0 && pLeave !== 0) {
        const ln0 = lnLeave[a], ln = ln0 === ln0 ? ln0 : leaveLn(ws, a); // (computed once per run and age)
        if (pLeave <= 0.5) {
          if (!B.zeroByBound(u, n * ln)) { arg[0] = u; arg[1] = pLeave; arg[2] = ln; e = B.binomialInvSmallArg(n); }
        } else { arg[0] = u; arg[1] = pLeave; arg[2] = ln; e = B.binomialInvArg(n); }
      }
      // (One leaver is the common case: a Bernoulli, the same as binomialInv with n = 1.)
      if (e === 0 || h === 0) r = 0;
      else if (e === 1) r = B.lastResidual() >= 1 - retireShare[a] ? 1 : 0;
      else { arg[0] = B.lastResidual(); arg[1] = retireShare[a]; arg[2] = retireLn(ws, a); r = B.binomialInvArg(e); }
      o = e - r;
    }
    retirements += r; exits += o;
    const survivors = n - r - o;
    if (a === NAGES - 1) { retirements += survivors; spec[a] = 0; }
    else spec[a + 1] = survivors;
  }
  spec[lowAge] = 0;
  ws.retirements = retirements; ws.exits = exits;
}

/** 3. Specialist inflows: completers who stay, and net recruitment (or what the path needs). */
function stepInflows(cfg: RegionRun, ws: Workspace, t: number, s: RandomSource | null): void {
  const SP = cfg.spec;
  const staying = binom(s, ws.completions, cfg.st.retention[t], ws.lnMemo, MEMO_RETENTION);
  addAtAge(ws.spec, cfg.st.completionAge, staying, s, ws.lnMemo, MEMO_COMPLETION_AGE);
  const recruited = SP.target === null ? count(s, SP.recruitment[t]) : pathRecruitment(SP.target[t], SP.recruitmentMax === null ? Infinity : SP.recruitmentMax[t], ws.spec, s);
  addAtAge(ws.spec, SP.recruitmentAge, recruited, s, ws.lnMemo, MEMO_RECRUITMENT_AGE);
  ws.staying = staying; ws.recruited = recruited;
}

/**
 * Posts a completions path needs in year t. Completions in year t come from the starts of
 * years t − L (L a training length, probability p_L, surviving dropout L − 1 times). The posts
 * of year t are the path read a training length ahead, weighted by the completion-tilted length
 * distribution π_L = p_L (1 − q)^(L−1) / S and divided by S = Σ p_L (1 − q)^(L−1), the share of
 * starters who complete: a constant path is met exactly in the steady state, and a straight-line
 * path too (the completions are the path smoothed by a kernel with mean zero). Exact inversion of
 * the length mixture is unstable (it oscillates), so it is not used. The path holds its last value
 * beyond the horizon.
 */
export function pathIntake(path: Float64Array, t: number, lengths: Int32Array, probs: Float64Array, dropout: number): number {
  const last = path.length - 1;
  let S = 0, w = 0;
  for (let d = 0; d < lengths.length; d++) {
    const k = probs[d] * Math.pow(1 - dropout, lengths[d] - 1);
    S += k;
    w += k * path[Math.min(t + lengths[d], last)];
  }
  return S > 0 ? w / (S * S) : 0;
}

/** 4. ST intake: posts filled at the fill rate, limited by training capacity; lengths drawn. */
function stepIntake(cfg: RegionRun, ws: Workspace, t: number, s: RandomSource | null): void {
  const ST = cfg.st, st = ws.st, L = ws.L;
  const stNow = sum(st, 0, st.length, s !== null);
  let posts = ST.target ? Math.max(0, ST.target[t] - stNow)
    : ST.targetCompletions ? pathIntake(ST.targetCompletions, t, ST.lengths, ST.lengthProbs, ST.dropout[t])
    : ST.intake![t];
  posts = count(s, posts);
  const wanted = binom(s, posts, ST.fillRate, ws.lnMemo, MEMO_FILL);
  let allowed = Infinity;
  if (ST.capTotal) allowed = Math.min(allowed, ST.capTotal[t] - stNow);
  if (ST.capPerSpecialistFte < Infinity) {
    const specNow = sum(ws.spec, ws.lowAge, NAGES, s !== null); // (nobody below lowAge: see initRun)
    allowed = Math.min(allowed, ST.capPerSpecialistFte * specNow * cfg.spec.fte[t] - stNow);
    ws.specSum = specNow; // the year's specialists: nothing changes them before writeYear
  }
  allowed = Math.max(0, s !== null ? Math.floor(allowed) : allowed);
  const starts = Math.min(wanted, allowed);
  let rest = starts, restP = 1;
  for (let d = 0; d < L; d++) {
    const p = ST.lengthProbs[d];
    const x = d === L - 1 ? rest : binom(s, rest, restP > 0 ? Math.min(1, p / restP) : 0, ws.lnMemo, MEMO_LENGTHS + d);
    st[d] += x; // training year 1, length index d
    rest -= x; restP -= p;
  }
  ws.posts = posts; ws.starts = starts; ws.unfilled = wanted - starts;
}

/** 5. Other listable specialists: attrition, then recruitment. */
function stepOthers(cfg: RegionRun, ws: Workspace, t: number, s: RandomSource | null): void {
  const others = ws.others;
  for (let g = 0; g < others.length; g++) {
    const o = cfg.others[g];
    others[g] -= binom(s, others[g], o.attrition, ws.lnMemo, MEMO_LENGTHS + ws.L + g);
    others[g] += count(s, o.recruitment[t]);
  }
}

/** 6. Population, and 7. derived measures: FTE, capacity against the norms, coverage, gap, cost. */
function writeYear(cfg: RegionRun, ws: Workspace, t: number, Y: number, startYear: number, out: Float64Array): void {
  const ST = cfg.st, SP = cfg.spec, spec = ws.spec, st = ws.st, mask = ws.mask, others = ws.others;
  const population = cfg.population[t];
  const coverNeed = cfg.coverageShare[t] * cfg.careNeedIndex[t];
  const populationToCover = cfg.needWeighted[t] * coverNeed;
  if (ST.listable[t] !== ws.rule) setListable(cfg, ws, ST.listable[t]);

  // stepIntake's sum when it made one (the same sum: nothing changes the specialists in between).
  let specialists = ws.specSum;
  ws.specSum = NaN;
  if (specialists !== specialists) specialists = sum(spec, ws.lowAge, NAGES, ws.whole); // (nobody below lowAge: see initRun)
  const stAll = sum(st, 0, st.length, ws.whole);
  let listable = 0;
  if (ws.listableShare > 0) listable = stAll * ws.listableShare;
  else for (let i = 0; i < st.length; i++) if (mask[i] === 1) listable += st[i];
  let othersHead = 0, othersFte = 0, capOther = 0, othersCost = 0, othersCostedHead = 0;
  for (let g = 0; g < others.length; g++) {
    const o = cfg.others[g];
    othersHead += others[g];
    othersFte += others[g] * o.fte;
    const cap = others[g] * o.fte * o.norm[t];
    // A group restricted to an age range covers at most that range's need.
    capOther += o.rangeNeed === null ? cap : Math.min(cap, o.rangeNeed[t] * coverNeed);
    if (!Number.isNaN(o.salaryPerMonth)) { othersCost += others[g] * o.fte * 12 * o.salaryPerMonth; othersCostedHead += others[g]; }
  }
  const supervisionFte = stAll * ST.supervisionFtePerTrainee;
  const specialistsFte = specialists * SP.fte[t];
  const stFte = ST.fte[t];
  const listableFte = listable * stFte;
  const normS = cfg.normSpecialist[t];
  const capSt = listableFte * cfg.normSt[t];

  out[F.population * Y + t] = population;
  out[F.populationToCover * Y + t] = populationToCover;
  out[F.needWeightedPopulation * Y + t] = cfg.needWeighted[t];
  out[F.specialists * Y + t] = specialists;
  out[F.specialistsFte * Y + t] = specialistsFte;
  out[F.otherSpecialists * Y + t] = othersHead;
  out[F.otherSpecialistsFte * Y + t] = othersFte;
  out[F.st * Y + t] = stAll;
  out[F.listableSt * Y + t] = listable;
  out[F.listableStFte * Y + t] = listableFte;
  out[F.supervisionFte * Y + t] = supervisionFte;
  out[F.stPosts * Y + t] = ws.posts;
  out[F.stStarts * Y + t] = ws.starts;
  out[F.stUnfilledByCap * Y + t] = ws.unfilled;
  out[F.stDropouts * Y + t] = ws.dropouts;
  out[F.stCompletions * Y + t] = ws.completions;
  out[F.newSpecialistsStaying * Y + t] = ws.staying;
  out[F.recruitment * Y + t] = ws.recruited;
  out[F.retirements * Y + t] = ws.retirements;
  out[F.otherExits * Y + t] = ws.exits;
  out[F.netIncreaseSpecialists * Y + t] = specialists - ws.prevSpec;
  out[F.netIncreaseOtherSpecialists * Y + t] = othersHead - ws.prevOthers;
  out[F.netIncreaseSt * Y + t] = stAll - ws.prevSt;
  out[F.netIncreaseListableSt * Y + t] = listable - ws.prevListable;
  out[F.normSpecialist * Y + t] = normS;
  out[F.normSt * Y + t] = cfg.normSt[t];
  out[F.capacitySt * Y + t] = capSt;
  out[F.capacityOther * Y + t] = capOther;
  writeCapacity(out, Y, t); // the specialists' capacity and the whole, from the fields above
  // Plan paths from the base year's successor on (the base year's stocks are the scenario's).
  const pathS = SP.target, pathC = ST.targetCompletions;
  out[F.specialistPath * Y + t] = pathS !== null && t > 0 ? pathS[t] : NaN;
  out[F.specialistPathGap * Y + t] = pathS !== null && t > 0 ? pathS[t] - specialists : NaN;
  out[F.completionsPath * Y + t] = pathC !== null && t > 0 ? pathC[t] : NaN;
  out[F.completionsPathGap * Y + t] = pathC !== null && t > 0 ? pathC[t] - ws.completions : NaN;
  writeMeasures(out, Y, t, normS);

  const c = cfg.costs;
  if (c) {
    const wage = c.wageGrowth === 0 ? 1 : Math.pow(1 + c.wageGrowth, startYear + t - c.priceBaseYear);
    const po = 1 + c.employerContributions;
    const salaries = (specialistsFte * 12 * c.salarySpecialist + stAll * stFte * 12 * c.salarySt + othersCost) * po * wage;
    out[F.cost * Y + t] = salaries + c.overheadPerEmployee * (specialists + stAll + othersCostedHead) + c.stTrainingCost * stAll;
  } else {
    out[F.cost * Y + t] = NaN;
  }
  writeCostIncreases(out, Y, t, t, 1); // from this year's cost and the years' before (all NaN without costs)
  ws.prevSpec = specialists; ws.prevSt = stAll; ws.prevListable = listable; ws.prevOthers = othersHead;
}
