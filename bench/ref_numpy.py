"""ref_numpy.py — riktvarde's Monte Carlo as a plain vectorised NumPy script (issue 15).

What a planner's analyst would write in an afternoon: the same model and the same work as
`riktvarde run <scenario> --runs N` for one region (model/engine.ts), vectorised over runs.

- Per run, each uncertain scalar parameter is drawn once by inverse CDF (PERT through
  scipy.special.betaincinv, truncated normal through ndtr/ndtri).
- The retirement hazard by single-year age 25-79 is computed for every run from its drawn mean
  retirement age; exits compete with other exits (leavers ~ Binomial(n, pLeave), retirements
  among leavers ~ Binomial(leavers, share)).
- Binomial event noise with NumPy's own sampler (`Generator.binomial`), which is what an analyst
  uses: it is not inversion with one uniform per draw (riktvarde's and ref.c's contract for
  common random numbers), but it draws from the same distributions.
- The year loop: ST progression over (training year x length) cells, exits by age, inflows,
  target-headcount (or intake) posts filled at the fill rate with lengths as sequential
  conditional binomials, other listable specialists, population, FTE, capacity, cost — all 39
  output fields for every year.
- Mean and type-7 quantiles (NumPy's default 'linear' method) of every non-flag field and year;
  probability reached by each year.

Input: the flat text file written by bench/ref-input.ts from the normalized scenario.
Usage: python3 ref_numpy.py <input.txt> <runs> <seed>
Prints the same lines as ref.c: `time_ms`, `stat field year mean p5 … p95`, `reachedBy …`.
Needs numpy and scipy (scipy.special for the PERT and normal inverse CDFs).
"""
import sys
import time

import numpy as np
from scipy.special import betaincinv, ndtr, ndtri

MIN_AGE, MAX_AGE = 25, 80
NAGES = MAX_AGE - MIN_AGE
FIELDS = [
    "population", "populationToCover", "specialists", "specialistsFte", "otherSpecialists",
    "otherSpecialistsFte", "st", "listableSt", "listableStFte", "supervisionFte", "stPosts",
    "stStarts", "stUnfilledByCap", "stDropouts", "stCompletions", "newSpecialistsStaying",
    "recruitment", "retirements", "otherExits", "netIncreaseSpecialists",
    "netIncreaseOtherSpecialists", "netIncreaseSt", "netIncreaseListableSt", "normSpecialist",
    "normSt", "capacitySpecialists", "capacitySt", "capacityOther", "capacity", "coverage",
    "inhabitantsPerDoctor", "inhabitantsPerSpecialistFte", "specialistGap", "reached",
    "reachedSpecialistsOnly", "cost", "costIncrease", "netCostIncrease", "cumulativeCost",
]
F = {k: i for i, k in enumerate(FIELDS)}
PROBS = [0.05, 0.1, 0.25, 0.5, 0.75, 0.9, 0.95]


def load(path):
    sc, others = {}, []
    for line in open(path):
        if not line.strip() or line.startswith("#"):
            continue
        name, *vals = line.split()
        if name == "other":
            others.append({})
            continue
        target = others[-1] if name.startswith("other.") else sc
        key = name[6:] if name.startswith("other.") else name
        if vals and vals[0] in ("fixed", "uniform", "triangular", "pert", "normal"):
            target[key] = (vals[0], *map(float, vals[1:]))
        else:
            target[key] = np.array([float(v) for v in vals])
    sc["others"] = others
    return sc


def draw(p, runs, rng):
    """One value per run: inverse CDF of one uniform (a constant array for a fixed value)."""
    kind, a, b, c, lo, hi = p
    if kind == "fixed":
        return np.full(runs, a)
    u = rng.random(runs)
    if kind == "uniform":
        return a + u * (b - a)
    if kind == "triangular":
        fc = (b - a) / (c - a)
        return np.where(u < fc, a + np.sqrt(u * (c - a) * (b - a)), c - np.sqrt((1 - u) * (c - a) * (c - b)))
    if kind == "pert":
        al, be = 1 + 4 * (b - a) / (c - a), 1 + 4 * (c - b) / (c - a)
        return a + (c - a) * betaincinv(al, be, u)
    if kind == "normal":
        flo, fhi = ndtr((lo - a) / b), ndtr((hi - a) / b)
        return np.clip(a + b * ndtri(flo + u * (fhi - flo)), lo, hi)
    raise ValueError(kind)


def stoch_round(x, rng):
    fl = np.floor(x)
    return fl + (rng.random(np.shape(x)) < x - fl)


def add_at_age(spec, age, x, rng):
    """Adds x people (per run) at a possibly fractional age (per run)."""
    a = np.clip(age, MIN_AGE, MAX_AGE - 1) - MIN_AGE
    lo = np.floor(a).astype(int)
    w = a - lo
    up = np.where((w > 0) & (lo + 1 < NAGES), rng.binomial(x.astype(np.int64), np.clip(w, 0, 1)), 0)
    idx = np.arange(len(x))
    spec[idx, lo] += x - up
    spec[idx, np.minimum(lo + 1, NAGES - 1)] += up


def main():
    path, runs, seed = sys.argv[1], int(sys.argv[2]), int(sys.argv[3])
    sc = load(path)
    t0 = time.perf_counter()
    rng = np.random.default_rng(seed)
    R, Y = runs, int(sc["nYears"][0])
    start_year = int(sc["startYear"][0])

    # 1. Parameter draws, one per run.
    P = {k: draw(v, R, rng) for k, v in sc.items() if isinstance(v, tuple)}
    others = [{k: draw(v, R, rng) if isinstance(v, tuple) else v for k, v in o.items()} for o in sc["others"]]
    # Retirement hazard by age, per run: retirement age ~ Normal(mean, sd).
    ages = np.arange(MIN_AGE, MAX_AGE + 1)
    sd = np.maximum(P["retireSd"], 1e-9)
    surv = ndtr((P["retireMean"][:, None] - ages[None, :]) / sd[:, None])
    with np.errstate(divide="ignore", invalid="ignore"):
        hazard = np.where(surv[:, :-1] <= 0, 1.0, np.clip((surv[:, :-1] - surv[:, 1:]) / surv[:, :-1], 0, 1))
    hazard[hazard < 1e-12] = 0
    hazard[:, -1] = 1
    att = P["specAttrition"][:, None]
    p_leave = hazard + (1 - hazard) * att
    with np.errstate(divide="ignore", invalid="ignore"):
        retire_share = np.where(p_leave > 0, hazard / p_leave, 0)

    # 2. Initial stocks, integer by systematic rounding (unbiased per cell, exact total).
    def systematic(x):
        u = rng.random(R)[:, None]
        c = np.floor(np.cumsum(x, axis=1) + u)
        return np.diff(c, axis=1, prepend=np.floor(u))

    spec = systematic(sc["ageShares"][None, :] * P["specHeadcount"][:, None])
    lengths = sc["lengths"].astype(int)
    lprobs = sc["lengthProbs"]
    L, J = len(lengths), len(sc["byTrainingYear"])
    cells = max(J, lengths[-1])
    init = np.zeros((R, J, L))
    if sc.get("steadyState", np.array([0.0]))[0]:
        # Steady state of a constant intake under each run's dropout (model/listable.ts).
        tails = np.array([lprobs[lengths >= j].sum() for j in range(1, J + 1)])
        d0 = P["dropout"] if "dropout" in P else np.full(R, sc["dropout"][0])
        split = tails[None, :] * (1 - d0[:, None]) ** np.arange(J)[None, :]
        split /= split.sum(axis=1, keepdims=True)
    else:
        split = np.broadcast_to(sc["byTrainingYear"][None, :], (R, J))
    for j in range(1, J + 1):
        ok = lengths >= j
        tail = lprobs[ok].sum()
        if tail > 0:
            init[:, j - 1, ok] = (P["stHeadcount"] * split[:, j - 1])[:, None] * lprobs[ok] / tail
    st = np.zeros((R, cells, L))
    st[:, :J, :] = systematic(init.reshape(R, J * L)).reshape(R, J, L)
    oth = np.array([stoch_round(o["headcount"], rng) for o in others]).reshape(len(others), R)
    j_idx = np.arange(1, cells + 1)[:, None]
    completing = j_idx >= lengths[None, :]  # cells whose trainees complete this year
    if "listableLastYears" in sc:
        mask = j_idx > lengths[None, :] - sc["listableLastYears"][0]
        share = None
    else:
        mask, share = None, sc["listableShare"][0]

    out = np.full((len(FIELDS), Y, R), np.nan)
    prev = {}
    cum_cost = np.zeros(R)
    cost0 = None
    flows = {k: np.full(R, np.nan) for k in ("completions", "dropouts", "retirements", "exits", "staying", "recruited", "posts", "starts", "unfilled")}
    for t in range(Y):
        if t > 0:
            # 1. ST progression.
            n = st.astype(np.int64)
            flows["completions"] = (st * completing).sum(axis=(1, 2))
            gone = rng.binomial(n, P["dropout"][:, None, None]) * ~completing
            flows["dropouts"] = gone.sum(axis=(1, 2))
            stay = (st - gone) * ~completing
            st = np.zeros_like(st)
            st[:, 1:, :] = stay[:, :-1, :]
            # 2. Exits by age: leavers, retirements among them; survivors age one year.
            leave = rng.binomial(spec.astype(np.int64), p_leave)
            ret = rng.binomial(leave, retire_share)
            surv_n = spec - leave
            flows["retirements"] = ret.sum(axis=1) + surv_n[:, -1]
            flows["exits"] = (leave - ret).sum(axis=1)
            spec = np.concatenate([np.zeros((R, 1)), surv_n[:, :-1]], axis=1)
            # 3. Inflows: completers who stay, recruitment.
            staying = rng.binomial(flows["completions"].astype(np.int64), P["retention"]).astype(float)
            add_at_age(spec, P["completionAge"], staying, rng)
            recruited = stoch_round(np.full(R, sc["recruitment"][t]), rng)
            add_at_age(spec, P["recruitmentAge"], recruited, rng)
            flows["staying"], flows["recruited"] = staying, recruited
            # 4. ST intake: posts for the target headcount, filled, lengths drawn.
            st_now = st.sum(axis=(1, 2))
            posts = np.maximum(0, sc["target"][t] - st_now) if "target" in sc else np.full(R, sc["intake"][t])
            posts = stoch_round(posts, rng)
            wanted = rng.binomial(posts.astype(np.int64), P["fillRate"]).astype(float)
            rest, rest_p = wanted.copy(), 1.0
            for d in range(L):
                x = rest if d == L - 1 else rng.binomial(rest.astype(np.int64), min(1.0, lprobs[d] / rest_p) if rest_p > 0 else 0.0)
                st[:, 0, d] += x
                rest = rest - x
                rest_p -= lprobs[d]
            flows["posts"], flows["starts"], flows["unfilled"] = posts, wanted, wanted - wanted
            # 5. Other listable specialists.
            for g, o in enumerate(others):
                oth[g] -= rng.binomial(oth[g].astype(np.int64), o["attrition"])
                oth[g] += stoch_round(np.full(R, o["recruitment"][t]), rng)
        # 6. and 7. Population and derived measures.
        population = sc["population"][t]
        to_cover = population * P["coverageShare"] * P["careNeedIndex"]
        specialists = spec.sum(axis=1)
        st_all = st.sum(axis=(1, 2))
        listable = (st * mask).sum(axis=(1, 2)) if mask is not None else st_all * share
        o_head = oth.sum(axis=0)
        o_fte = sum(oth[g] * o["fte"] for g, o in enumerate(others)) if others else np.zeros(R)
        cap_other = sum(oth[g] * o["fte"] * o["norm"][t] for g, o in enumerate(others)) if others else np.zeros(R)
        costed = [(g, o) for g, o in enumerate(others) if not np.isnan(o["salary"]).all()]
        o_cost = sum(oth[g] * o["fte"] * 12 * o["salary"] for g, o in costed) if costed else np.zeros(R)
        o_costed_head = sum(oth[g] for g, _ in costed) if costed else np.zeros(R)
        spec_fte = specialists * P["specFte"]
        listable_fte = listable * P["stFte"]
        norm_s = sc["normSpecialist"][t]
        cap_spec = np.maximum(0, spec_fte) * norm_s
        cap_st = listable_fte * sc["normSt"][t]
        capacity = cap_spec + cap_st + cap_other
        o = out[:, t, :]
        o[F["population"]] = population
        o[F["populationToCover"]] = to_cover
        o[F["specialists"]] = specialists
        o[F["specialistsFte"]] = spec_fte
        o[F["otherSpecialists"]] = o_head
        o[F["otherSpecialistsFte"]] = o_fte
        o[F["st"]] = st_all
        o[F["listableSt"]] = listable
        o[F["listableStFte"]] = listable_fte
        o[F["supervisionFte"]] = 0
        o[F["stPosts"]] = flows["posts"]
        o[F["stStarts"]] = flows["starts"]
        o[F["stUnfilledByCap"]] = flows["unfilled"]
        o[F["stDropouts"]] = flows["dropouts"]
        o[F["stCompletions"]] = flows["completions"]
        o[F["newSpecialistsStaying"]] = flows["staying"]
        o[F["recruitment"]] = flows["recruited"]
        o[F["retirements"]] = flows["retirements"]
        o[F["otherExits"]] = flows["exits"]
        o[F["netIncreaseSpecialists"]] = specialists - prev.get("spec", np.nan)
        o[F["netIncreaseOtherSpecialists"]] = o_head - prev.get("others", np.nan)
        o[F["netIncreaseSt"]] = st_all - prev.get("st", np.nan)
        o[F["netIncreaseListableSt"]] = listable - prev.get("listable", np.nan)
        o[F["normSpecialist"]] = norm_s
        o[F["normSt"]] = sc["normSt"][t]
        o[F["capacitySpecialists"]] = cap_spec
        o[F["capacitySt"]] = cap_st
        o[F["capacityOther"]] = cap_other
        o[F["capacity"]] = capacity
        o[F["coverage"]] = capacity / to_cover
        o[F["inhabitantsPerDoctor"]] = population / (specialists + listable)
        o[F["inhabitantsPerSpecialistFte"]] = to_cover / spec_fte
        o[F["specialistGap"]] = np.maximum(0, to_cover - capacity) / norm_s
        o[F["reached"]] = capacity >= to_cover
        o[F["reachedSpecialistsOnly"]] = cap_spec >= to_cover
        if "costs" in sc:
            wage = (1 + P["wageGrowth"]) ** (start_year + t - sc["costs"][0])
            salaries = (spec_fte * 12 * P["salarySpecialist"] + st_all * P["stFte"] * 12 * P["salarySt"] + o_cost) * (1 + P["employerContributions"]) * wage
            cost = salaries + P["overheadPerEmployee"] * (specialists + st_all + o_costed_head) + P["stTrainingCost"] * st_all
            if t == 0:
                cost0 = cost
            inc = cost - cost0
            if t > 0:
                cum_cost = cum_cost + inc
            o[F["cost"]] = cost
            o[F["costIncrease"]] = inc
            o[F["netCostIncrease"]] = cost - prev.get("cost", np.nan)
            o[F["cumulativeCost"]] = cum_cost
            prev["cost"] = cost
        prev.update(spec=specialists, others=o_head, st=st_all, listable=listable)

    # Summaries: mean and type-7 quantiles of every non-flag field and year.
    flags = [F["reached"], F["reachedSpecialistsOnly"]]
    keep = [f for f in range(len(FIELDS)) if f not in flags]
    vals = out[keep]
    with np.errstate(invalid="ignore"):
        q = np.quantile(vals, PROBS, axis=2)  # all-NaN columns (base-year flows) give NaN
    means = vals.mean(axis=2)
    reached = out[F["reached"]]  # Y x R
    reached_spec = out[F["reachedSpecialistsOnly"]]
    first = np.where(reached.any(axis=0), reached.argmax(axis=0), -1)
    first_spec = np.where(reached_spec.any(axis=0), reached_spec.argmax(axis=0), -1)
    tail_ok = np.cumprod(reached[::-1] == 1, axis=0)[::-1]
    sustained = np.where(tail_ok.any(axis=0), tail_ok.argmax(axis=0), -1)
    reached_by = np.array([((first >= 0) & (first <= t)).mean() for t in range(Y)])
    reached_by_spec = np.array([((first_spec >= 0) & (first_spec <= t)).mean() for t in range(Y)])
    holds = reached.mean(axis=1)
    t1 = time.perf_counter()

    lines = [f"time_ms {(t1 - t0) * 1000:.1f}"]
    for i, f in enumerate(keep):
        for t in range(Y):
            lines.append(f"stat {FIELDS[f]} {t} {means[i, t]:.10g} " + " ".join(f"{q[s, i, t]:.10g}" for s in range(len(PROBS))))
    for t in range(Y):
        lines.append(f"reachedBy {t} {reached_by[t]:.6f} {reached_by_spec[t]:.6f} {holds[t]:.6f}")
    lines.append(f"checksum {sustained.sum() + first.sum() + first_spec.sum()}")
    print("\n".join(lines))


if __name__ == "__main__":
    main()
