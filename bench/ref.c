/*
 * ref.c — a tight C reference of riktvarde's Monte Carlo, for `npm run bench` (issue 15).
 *
 * The SAME model and the SAME work as `riktvarde run <scenario> --runs N` for one region
 * (model/engine.ts, model/params.ts, model/binomial.ts, model/montecarlo.ts, model/quantiles.ts):
 *
 *   - per run, every uncertain scalar parameter drawn once by inverse CDF from one uniform of its
 *     own stream (PERT through the inverse regularized incomplete beta function, ported from
 *     jStat's ibetainv as riktvarde uses it; truncated normal through erfcinv);
 *   - the retirement hazard by single-year age 25–79 recomputed every run from the drawn mean
 *     retirement age (Normal(mean, sd) retirement age), competing with other exits;
 *   - four event streams per run (init, exits, stDropout, flows), each seeded from (seed, run,
 *     kind) so runs are independent of order; binomial events by inversion with exactly one
 *     uniform per draw (sequential search, log-gamma start for large n), retirement split from
 *     the residual of the exits uniform, as model/binomial.ts does — with its shortcuts: the
 *     Taylor lower bound that decides a 0 without e^x, the residual divided out only when the
 *     exits ask for it, the retirement share's log precomputed per age;
 *   - the year loop of model/engine.ts: ST progression over (training year × length) cells,
 *     exits by age, inflows (completers who stay, recruitment), target-headcount or intake ST
 *     posts filled at the fill rate with training lengths drawn as sequential conditional
 *     binomials, other listable specialists (attrition, recruitment), population, FTE,
 *     capacity, coverage, gap, cost — every one of the 39 output fields for every year;
 *   - results in column layout (each field-year's runs contiguous) through a 32-run tile;
 *   - mean and type-7 quantiles (5, 10, 25, 50, 75, 90, 95 %) of every non-flag field and
 *     year (NaN ignored), by selection of the needed order statistics (quickselect);
 *   - per run the first year reached, the year it holds from, and the same for the
 *     specialists-only view; probability reached by each year, distribution of the first year,
 *     share holding in each year.
 *
 * It need not give the same random numbers as riktvarde (its generator is SplitMix64, one
 * stream per (seed, run, kind) from a 64-bit hash of integers rather than of a string key), but
 * it draws the same number of uniforms and does the same arithmetic per run.
 *
 * Parameters come from a small flat text file that `bench/ref-input.ts` writes from the
 * normalized scenario (the same ModelInput riktvarde runs), so nothing here is hard-coded.
 * Features the reference does not implement (several regions, training capacity, random walks,
 * multipliers, correlations, retirement tables, lognormal parameters) are refused by the
 * exporter, never silently ignored.
 *
 * Build: cc -O2 -o ref bench/ref.c -lm      (the bench uses exactly these flags)
 * Usage: ref <input.txt> <runs> <seed>
 * Prints `time_ms <ms>` (Monte Carlo: parameter draws, simulation, summaries; reading the input
 * excluded), then `stat <field> <yearIndex> mean p5 p10 p25 p50 p75 p90 p95` per field and year,
 * then `reachedBy <yearIndex> <probability>`.
 */
#include <math.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#define MIN_AGE 25
#define MAX_AGE 80
#define NAGES (MAX_AGE - MIN_AGE)
#define MAXY 64
#define MAXL 16
#define MAXJ 16
#define MAXO 8
#define MAXP 64
#define TILE 32

/* ---- output fields: the order of model/fields.ts ---------------------------------------- */
enum {
  F_population, F_populationToCover, F_specialists, F_specialistsFte, F_otherSpecialists,
  F_otherSpecialistsFte, F_st, F_listableSt, F_listableStFte, F_supervisionFte, F_stPosts,
  F_stStarts, F_stUnfilledByCap, F_stDropouts, F_stCompletions, F_newSpecialistsStaying,
  F_recruitment, F_retirements, F_otherExits, F_netIncreaseSpecialists,
  F_netIncreaseOtherSpecialists, F_netIncreaseSt, F_netIncreaseListableSt, F_normSpecialist,
  F_normSt, F_capacitySpecialists, F_capacitySt, F_capacityOther, F_capacity, F_coverage,
  F_inhabitantsPerDoctor, F_inhabitantsPerSpecialistFte, F_specialistGap, F_reached,
  F_reachedSpecialistsOnly, F_cost, F_costIncrease, F_netCostIncrease, F_cumulativeCost, NFIELDS
};
static const char *FIELD_NAMES[NFIELDS] = {
  "population", "populationToCover", "specialists", "specialistsFte", "otherSpecialists",
  "otherSpecialistsFte", "st", "listableSt", "listableStFte", "supervisionFte", "stPosts",
  "stStarts", "stUnfilledByCap", "stDropouts", "stCompletions", "newSpecialistsStaying",
  "recruitment", "retirements", "otherExits", "netIncreaseSpecialists",
  "netIncreaseOtherSpecialists", "netIncreaseSt", "netIncreaseListableSt", "normSpecialist",
  "normSt", "capacitySpecialists", "capacitySt", "capacityOther", "capacity", "coverage",
  "inhabitantsPerDoctor", "inhabitantsPerSpecialistFte", "specialistGap", "reached",
  "reachedSpecialistsOnly", "cost", "costIncrease", "netCostIncrease", "cumulativeCost"};

/* ---- random numbers ---------------------------------------------------------------------- */
static inline uint64_t mix64(uint64_t z) {
  z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ULL;
  z = (z ^ (z >> 27)) * 0x94d049bb133111ebULL;
  return z ^ (z >> 31);
}
typedef struct { uint64_t s; } Rng;
static inline void rng_seed(Rng *r, uint64_t seed, uint64_t run, uint64_t kind) {
  r->s = mix64(mix64(mix64(seed ^ 0x5851f42d4c957f2dULL) + run) + kind * 0x9e3779b97f4a7c15ULL);
}
static inline double unif(Rng *r) {
  r->s += 0x9e3779b97f4a7c15ULL;
  return (double)(mix64(r->s) >> 11) * 0x1.0p-53;
}

/* ---- special functions (ported from jStat, which riktvarde uses) -------------------------- */
static double gammaln(double x) {
  static const double cof[6] = {76.18009172947146, -86.50532032941677, 24.01409824083091,
                                -1.231739572450155, 0.1208650973866179e-2, -0.5395239384953e-5};
  double ser = 1.000000000190015, y = x, tmp = x + 5.5;
  tmp -= (x + 0.5) * log(tmp);
  for (int j = 0; j < 6; j++) ser += cof[j] / ++y;
  return log(2.5066282746310005 * ser / x) - tmp;
}
static double jerf(double x) {
  static const double cof[28] = {-1.3026537197817094, 6.4196979235649026e-1, 1.9476473204185836e-2,
    -9.561514786808631e-3, -9.46595344482036e-4, 3.66839497852761e-4, 4.2523324806907e-5,
    -2.0278578112534e-5, -1.624290004647e-6, 1.303655835580e-6, 1.5626441722e-8, -8.5238095915e-8,
    6.529054439e-9, 5.059343495e-9, -9.91364156e-10, -2.27365122e-10, 9.6467911e-11, 2.394038e-12,
    -6.886027e-12, 8.94487e-13, 3.13092e-13, -1.12708e-13, 3.81e-16, 7.106e-15, -1.523e-15,
    -9.4e-17, 1.21e-16, -2.8e-17};
  int neg = x < 0;
  if (neg) x = -x;
  double t = 2 / (2 + x), ty = 4 * t - 2, d = 0, dd = 0;
  for (int j = 27; j > 0; j--) { double tmp = d; d = ty * d - dd + cof[j]; dd = tmp; }
  double res = t * exp(-x * x + 0.5 * (cof[0] + ty * d) - dd);
  return neg ? res - 1 : 1 - res;
}
static double jerfc(double x) { return 1 - jerf(x); }
static double erfcinv(double p) {
  if (p >= 2) return -100;
  if (p <= 0) return 100;
  double pp = p < 1 ? p : 2 - p, t = sqrt(-2 * log(pp / 2));
  double x = -0.70711 * ((2.30753 + t * 0.27061) / (1 + t * (0.99229 + t * 0.04481)) - t);
  for (int j = 0; j < 2; j++) {
    double err = jerfc(x) - pp;
    x += err / (1.12837916709551257 * exp(-x * x) - x * err);
  }
  return p < 1 ? x : -x;
}
static double Phi(double z) { return isinf(z) ? (z > 0 ? 1 : 0) : 0.5 * (1 + jerf(z / sqrt(2.0))); }
static double PhiInv(double u) { return -1.41421356237309505 * erfcinv(2 * u); }
static double betacf(double x, double a, double b) {
  const double fpmin = 1e-30;
  double qab = a + b, qap = a + 1, qam = a - 1, c = 1, d = 1 - qab * x / qap, h;
  if (fabs(d) < fpmin) d = fpmin;
  d = 1 / d; h = d;
  for (int m = 1; m <= 100; m++) {
    int m2 = 2 * m;
    double aa = m * (b - m) * x / ((qam + m2) * (a + m2));
    d = 1 + aa * d; if (fabs(d) < fpmin) d = fpmin;
    c = 1 + aa / c; if (fabs(c) < fpmin) c = fpmin;
    d = 1 / d; h *= d * c;
    aa = -(a + m) * (qab + m) * x / ((a + m2) * (qap + m2));
    d = 1 + aa * d; if (fabs(d) < fpmin) d = fpmin;
    c = 1 + aa / c; if (fabs(c) < fpmin) c = fpmin;
    d = 1 / d;
    double del = d * c;
    h *= del;
    if (fabs(del - 1.0) < 3e-7) break;
  }
  return h;
}
static double ibeta(double x, double a, double b) {
  double bt = (x == 0 || x == 1) ? 0 : exp(gammaln(a + b) - gammaln(a) - gammaln(b) + a * log(x) + b * log(1 - x));
  if (x < (a + 1) / (a + b + 2)) return bt * betacf(x, a, b) / a;
  return 1 - bt * betacf(1 - x, b, a) / b;
}
static double ibetainv(double p, double a, double b) {
  const double EPS = 1e-8;
  double a1 = a - 1, b1 = b - 1, x, t, u, w;
  if (p <= 0) return 0;
  if (p >= 1) return 1;
  if (a >= 1 && b >= 1) {
    double pp = p < 0.5 ? p : 1 - p;
    t = sqrt(-2 * log(pp));
    x = (2.30753 + t * 0.27061) / (1 + t * (0.99229 + t * 0.04481)) - t;
    if (p < 0.5) x = -x;
    double al = (x * x - 3) / 6, h = 2 / (1 / (2 * a - 1) + 1 / (2 * b - 1));
    w = (x * sqrt(al + h) / h) - (1 / (2 * b - 1) - 1 / (2 * a - 1)) * (al + 5.0 / 6 - 2 / (3 * h));
    x = a / (a + b * exp(2 * w));
  } else {
    double lna = log(a / (a + b)), lnb = log(b / (a + b));
    t = exp(a * lna) / a; u = exp(b * lnb) / b; w = t + u;
    x = p < t / w ? pow(a * w * p, 1 / a) : 1 - pow(b * w * (1 - p), 1 / b);
  }
  double afac = -gammaln(a) - gammaln(b) + gammaln(a + b);
  for (int j = 0; j < 10; j++) {
    if (x == 0 || x == 1) return x;
    double err = ibeta(x, a, b) - p;
    t = exp(a1 * log(x) + b1 * log(1 - x) + afac);
    u = err / t;
    x -= (t = u / (1 - 0.5 * fmin(1, u * (a1 / x - b1 / (1 - x)))));
    if (x <= 0) x = 0.5 * (x + t);
    if (x >= 1) x = 0.5 * (x + t + 1);
    if (fabs(t) < EPS * x && j > 0) break;
  }
  return x;
}

/* ---- parameters ---------------------------------------------------------------------------- */
enum { D_FIXED, D_UNIFORM, D_TRIANGULAR, D_PERT, D_NORMAL };
typedef struct { int dist; double a, b, c, lo, hi; int slot; /* index among uncertain, or −1 */ } Param;

static double dist_quantile(const Param *p, double u) {
  switch (p->dist) {
    case D_UNIFORM: return p->a + u * (p->b - p->a);
    case D_TRIANGULAR: {
      double a = p->a, c = p->b, b = p->c;
      if (b == a) return a;
      double fc = (c - a) / (b - a);
      return u < fc ? a + sqrt(u * (b - a) * (c - a)) : b - sqrt((1 - u) * (b - a) * (b - c));
    }
    case D_PERT: {
      double a = p->a, m = p->b, b = p->c;
      if (b == a) return a;
      double al = 1 + 4 * (m - a) / (b - a), be = 1 + 4 * (b - m) / (b - a);
      return a + (b - a) * ibetainv(u, al, be);
    }
    case D_NORMAL: {
      double mu = p->a, sd = p->b;
      if (sd == 0) return mu;
      double flo = Phi((p->lo - mu) / sd), fhi = Phi((p->hi - mu) / sd);
      double x = mu + sd * PhiInv(flo + u * (fhi - flo));
      return fmin(p->hi, fmax(p->lo, x));
    }
    default: return p->a;
  }
}
/* Expected value, for parameters that are not drawn (fixed). */
static double dist_fixed(const Param *p) { return p->a; }

/* ---- the scenario (one region) ------------------------------------------------------------- */
typedef struct {
  Param headcount, fte, attrition, salary;
  double recruitment[MAXY], norm[MAXY];
} Other;
typedef struct {
  int nYears, startYear;
  double population[MAXY], normSpecialist[MAXY], normSt[MAXY], recruitment[MAXY], target[MAXY];
  int hasTarget;
  Param coverageShare, careNeedIndex, specHeadcount, retireMean, retireSd, specAttrition,
    recruitmentAge, specFte, stHeadcount, dropout, retention, fillRate, stFte, completionAge;
  double ageShares[NAGES];
  int J, L, lengths[MAXL], steadyState;
  double byTrainingYear[MAXJ], lengthProbs[MAXL];
  int listableLastYears; double listableShare;
  int nOthers; Other others[MAXO];
  int hasCosts; double priceBaseYear;
  Param wageGrowth, employerContributions, overhead, salarySpecialist, salarySt, stTrainingCost;
  Param *uncertain[MAXP]; int K;
} Scenario;

static void die(const char *msg, const char *what) { fprintf(stderr, "ref: %s%s\n", msg, what ? what : ""); exit(2); }

/* Input: one item per line, `name values…`; see bench/ref-input.ts. */
static char *next_line(FILE *f, char *buf, size_t n) {
  while (fgets(buf, (int)n, f)) if (buf[0] != '#' && buf[0] != '\n') return buf;
  return NULL;
}
static void read_scalar(Param *p, const char *s) {
  char kind[32];
  double v[5] = {0, 0, 0, -INFINITY, INFINITY};
  if (sscanf(s, "%31s %lf %lf %lf %lf %lf", kind, &v[0], &v[1], &v[2], &v[3], &v[4]) < 2) die("bad scalar: ", s);
  p->a = v[0]; p->b = v[1]; p->c = v[2]; p->lo = v[3]; p->hi = v[4]; p->slot = -1;
  if (!strcmp(kind, "fixed")) p->dist = D_FIXED;
  else if (!strcmp(kind, "uniform")) p->dist = D_UNIFORM;
  else if (!strcmp(kind, "triangular")) p->dist = D_TRIANGULAR;
  else if (!strcmp(kind, "pert")) p->dist = D_PERT;
  else if (!strcmp(kind, "normal")) p->dist = D_NORMAL;
  else die("unknown distribution: ", kind);
}
static int read_numbers(const char *s, double *out, int max) {
  int n = 0, used;
  double x;
  while (n < max && sscanf(s, "%lf%n", &x, &used) == 1) { out[n++] = x; s += used; }
  return n;
}
static void load(Scenario *sc, const char *path) {
  FILE *f = fopen(path, "r");
  if (!f) die("cannot open ", path);
  static char buf[1 << 16];
  memset(sc, 0, sizeof *sc);
  sc->listableShare = -1;
  int oi = -1;
  while (next_line(f, buf, sizeof buf)) {
    char name[64];
    int used;
    if (sscanf(buf, "%63s%n", name, &used) != 1) continue;
    const char *rest = buf + used;
    double tmp[MAXY];
    Other *o = oi >= 0 ? &sc->others[oi] : NULL;
#define SCALAR(key, field) else if (!strcmp(name, key)) read_scalar(&sc->field, rest)
#define SERIES(key, arr) else if (!strcmp(name, key)) { if (read_numbers(rest, arr, MAXY) != sc->nYears) die("wrong length: ", key); }
    if (!strcmp(name, "startYear")) sc->startYear = atoi(rest);
    else if (!strcmp(name, "nYears")) { sc->nYears = atoi(rest); if (sc->nYears < 1 || sc->nYears > MAXY) die("nYears out of range", NULL); }
    SERIES("population", sc->population)
    SERIES("normSpecialist", sc->normSpecialist)
    SERIES("normSt", sc->normSt)
    SERIES("recruitment", sc->recruitment)
    else if (!strcmp(name, "target") || !strcmp(name, "intake")) {
      if (read_numbers(rest, sc->target, MAXY) != sc->nYears) die("wrong length: ", name);
      sc->hasTarget = !strcmp(name, "target");
    }
    SCALAR("coverageShare", coverageShare); SCALAR("careNeedIndex", careNeedIndex);
    SCALAR("specHeadcount", specHeadcount); SCALAR("retireMean", retireMean); SCALAR("retireSd", retireSd);
    SCALAR("specAttrition", specAttrition); SCALAR("recruitmentAge", recruitmentAge); SCALAR("specFte", specFte);
    SCALAR("stHeadcount", stHeadcount); SCALAR("dropout", dropout); SCALAR("retention", retention);
    SCALAR("fillRate", fillRate); SCALAR("stFte", stFte); SCALAR("completionAge", completionAge);
    SCALAR("wageGrowth", wageGrowth); SCALAR("employerContributions", employerContributions);
    SCALAR("overheadPerEmployee", overhead); SCALAR("salarySpecialist", salarySpecialist);
    SCALAR("salarySt", salarySt); SCALAR("stTrainingCost", stTrainingCost);
    else if (!strcmp(name, "ageShares")) { if (read_numbers(rest, sc->ageShares, NAGES) != NAGES) die("ageShares needs 55 values", NULL); }
    else if (!strcmp(name, "byTrainingYear")) sc->J = read_numbers(rest, sc->byTrainingYear, MAXJ);
    else if (!strcmp(name, "steadyState")) sc->steadyState = atoi(rest);
    else if (!strcmp(name, "lengths")) { sc->L = read_numbers(rest, tmp, MAXL); for (int d = 0; d < sc->L; d++) sc->lengths[d] = (int)tmp[d]; }
    else if (!strcmp(name, "lengthProbs")) { if (read_numbers(rest, sc->lengthProbs, MAXL) != sc->L) die("lengthProbs length", NULL); }
    else if (!strcmp(name, "listableLastYears")) sc->listableLastYears = atoi(rest);
    else if (!strcmp(name, "listableShare")) sc->listableShare = atof(rest);
    else if (!strcmp(name, "costs")) { sc->hasCosts = 1; sc->priceBaseYear = atof(rest); }
    else if (!strcmp(name, "other")) { if (++oi >= MAXO) die("too many other groups", NULL); sc->nOthers = oi + 1; }
    else if (o && !strcmp(name, "other.headcount")) read_scalar(&o->headcount, rest);
    else if (o && !strcmp(name, "other.fte")) read_scalar(&o->fte, rest);
    else if (o && !strcmp(name, "other.attrition")) read_scalar(&o->attrition, rest);
    else if (o && !strcmp(name, "other.salary")) read_scalar(&o->salary, rest);
    else if (o && !strcmp(name, "other.recruitment")) { if (read_numbers(rest, o->recruitment, MAXY) != sc->nYears) die("wrong length: ", name); }
    else if (o && !strcmp(name, "other.norm")) { if (read_numbers(rest, o->norm, MAXY) != sc->nYears) die("wrong length: ", name); }
    else die("unknown input line: ", name);
#undef SCALAR
#undef SERIES
  }
  fclose(f);
  if (sc->L < 1 || sc->J < 1 || sc->nYears < 1) die("incomplete input", NULL);
  if (sc->lengths[sc->L - 1] > MAXJ) die("training length too long", NULL);
  /* Uncertain parameters, in a stable order (each has its own stream). */
  Param *all[] = {&sc->coverageShare, &sc->careNeedIndex, &sc->specHeadcount, &sc->retireMean, &sc->retireSd,
                  &sc->specAttrition, &sc->recruitmentAge, &sc->specFte, &sc->stHeadcount, &sc->dropout,
                  &sc->retention, &sc->fillRate, &sc->stFte, &sc->completionAge, &sc->wageGrowth,
                  &sc->employerContributions, &sc->overhead, &sc->salarySpecialist, &sc->salarySt, &sc->stTrainingCost};
  for (size_t i = 0; i < sizeof all / sizeof *all; i++)
    if (all[i]->dist != D_FIXED) { all[i]->slot = sc->K; sc->uncertain[sc->K++] = all[i]; }
  for (int g = 0; g < sc->nOthers; g++) {
    Param *op[] = {&sc->others[g].headcount, &sc->others[g].fte, &sc->others[g].attrition, &sc->others[g].salary};
    for (int i = 0; i < 4; i++) if (op[i]->dist != D_FIXED) { op[i]->slot = sc->K; sc->uncertain[sc->K++] = op[i]; }
  }
}

/* ---- binomial by inversion, one uniform per draw (model/binomial.ts) ----------------------- */
/* The residual of the last draw, computed only when asked (last_residual), as binomial.ts does:
 * the search leaves u, the CDF and the pmf at its answer; `direct` when residual itself holds it. */
static double residual, last_u, last_cdf, last_pmf;
static int last_mirrored, last_direct;
static double last_residual(void) {
  if (last_direct) return residual;
  double r = last_pmf > 0 ? (last_u - (last_cdf - last_pmf)) / last_pmf : 0;
  double v = r < 0 ? 0 : r >= 1 ? 1 - 1e-16 : r;
  return last_mirrored ? 1 - v : v;
}
static double search_up(double u, double n, double p, double lnq, int strict) {
  double x = n * lnq;
  /* binomial.ts's shortcut: for -2 < x <= 0, e^x >= 1 + x + x^2/2 + x^3/6, so below that bound
   * (less 1e-12) the answer is 0 without computing e^x. */
  if (!strict && x > -2 && u < 1 + x * (1 + x * (0.5 + x / 6)) - 1e-12) { residual = NAN; last_direct = 1; return 0; }
  double q = 1 - p, k = 0, pmf;
  if (-x < 600) pmf = exp(x);
  else {
    double mean = n * p;
    k = fmax(0, floor(mean - 12 * sqrt(mean * q)));
    pmf = exp(gammaln(n + 1) - gammaln(k + 1) - gammaln(n - k + 1) + k * log(p) + (n - k) * lnq);
  }
  double cdf = pmf, ratio = p / q;
  if (strict) {
    while (u > cdf && k < n) { pmf *= ratio * (n - k) / (k + 1); k++; cdf += pmf; }
  } else {
    while (u >= cdf && k < n) {
      pmf *= ratio * (n - k) / (k + 1); k++; cdf += pmf;
      if (pmf < 1e-300 && k > n * p) break;
    }
  }
  last_u = u; last_cdf = cdf; last_pmf = pmf; last_mirrored = 0; last_direct = 0;
  return k;
}
/* binomialInv with log(1 - p) (p <= 1/2) or log(p) (p > 1/2) given. */
static double binomial_inv_ln(double u, double n, double p, double ln) {
  if (n <= 0 || p <= 0) { residual = u; last_direct = 1; return 0; }
  if (p >= 1) { residual = u; last_direct = 1; return n; }
  if (p > 0.5) {
    double m = search_up(1 - u, n, 1 - p, ln, 1);
    last_mirrored = 1;
    return n - m;
  }
  return search_up(u, n, p, ln, 0);
}
static double binomial_inv(double u, double n, double p) {
  return binomial_inv_ln(u, n, p, p > 0.5 ? log1p(p - 1) : log1p(-p));
}
static inline double binomial_inv_small(double u, double n, double p, double lnq) {
  if (n <= 0) { residual = u; last_direct = 1; return 0; }
  return search_up(u, n, p, lnq, 0);
}
/* One draw: the uniform is always consumed, as in engine.ts. */
static inline double binom(Rng *s, double n, double p) {
  double u = unif(s);
  return n == 0 || p == 0 ? 0 : binomial_inv(u, n, p);
}
static inline double count(Rng *s, double x) {
  double fl = floor(x);
  return fl + (unif(s) < x - fl ? 1 : 0);
}
static void round_systematic(const double *x, double *out, int n, Rng *s) {
  double u = unif(s), c = 0, prev = floor(u);
  for (int i = 0; i < n; i++) { c += x[i]; double cur = floor(c + u); out[i] = cur - prev; prev = cur; }
}
static void add_at_age(double *byAge, double age, double x, Rng *s) {
  double a = fmin(fmax(age, MIN_AGE), MAX_AGE - 1) - MIN_AGE;
  int lo = (int)floor(a);
  double w = a - lo;
  if (w == 0 || lo + 1 >= NAGES) byAge[lo] += x;
  else { double up = binomial_inv(unif(s), x, w); byAge[lo] += x - up; byAge[lo + 1] += up; }
}

/* ---- one run (model/engine.ts) ------------------------------------------------------------- */
typedef struct {
  /* per-run resolved parameters */
  double coverageShare, careNeedIndex, specAttrition, recruitmentAge, specFte, dropout, retention,
    fillRate, stFte, completionAge, wageGrowth, po, overhead, salSpec, salSt, stTraining;
  double oHead[MAXO], oFte[MAXO], oAttr[MAXO], oSal[MAXO];
  double hazard[NAGES], pLeave[NAGES], lnLeave[NAGES], retireShare[NAGES], lnRetire[NAGES];
  double initByAge[NAGES], stInit[MAXJ * MAXL];
  /* state */
  double spec[NAGES], st[MAXJ * MAXL], next[MAXJ * MAXL], others[MAXO];
  unsigned char mask[MAXJ * MAXL];
  int cells, lowAge;
  double completions, dropouts, retirements, exits, staying, recruited, posts, starts, unfilled;
  double prevSpec, prevSt, prevListable, prevOthers, cost0, prevCost, cumCost;
} Run;

static double value_of(const Param *p, const double *row) { return p->slot >= 0 ? row[p->slot] : dist_fixed(p); }

/* Retirement age ~ Normal(mu, sd): hazard by age from the survival function (params.ts). */
static void normal_hazard(double mu, double sd, double *h) {
  double Sb;
  { double z = (mu - MIN_AGE) / sd; Sb = z < -8.3 ? 0 : z > 8.3 ? 1 : 0.5 * erfc(-z / M_SQRT2); }
  for (int i = 0; i < NAGES; i++) {
    double Sa = Sb, z = (mu - (MIN_AGE + i + 1)) / sd;
    Sb = z < -8.3 ? 0 : z > 8.3 ? 1 : 0.5 * erfc(-z / M_SQRT2);
    double hi = Sa <= 0 ? 1 : fmin(1, fmax(0, (Sa - Sb) / Sa));
    h[i] = hi < 1e-12 ? 0 : hi;
  }
  h[NAGES - 1] = 1;
}

static void resolve(const Scenario *sc, const double *row, Run *w) {
  w->coverageShare = value_of(&sc->coverageShare, row);
  w->careNeedIndex = value_of(&sc->careNeedIndex, row);
  w->specAttrition = value_of(&sc->specAttrition, row);
  w->recruitmentAge = value_of(&sc->recruitmentAge, row);
  w->specFte = value_of(&sc->specFte, row);
  w->dropout = value_of(&sc->dropout, row);
  w->retention = value_of(&sc->retention, row);
  w->fillRate = value_of(&sc->fillRate, row);
  w->stFte = value_of(&sc->stFte, row);
  w->completionAge = value_of(&sc->completionAge, row);
  if (sc->hasCosts) {
    w->wageGrowth = value_of(&sc->wageGrowth, row);
    w->po = 1 + value_of(&sc->employerContributions, row);
    w->overhead = value_of(&sc->overhead, row);
    w->salSpec = value_of(&sc->salarySpecialist, row);
    w->salSt = value_of(&sc->salarySt, row);
    w->stTraining = value_of(&sc->stTrainingCost, row);
  }
  for (int g = 0; g < sc->nOthers; g++) {
    const Other *o = &sc->others[g];
    w->oHead[g] = value_of(&o->headcount, row);
    w->oFte[g] = value_of(&o->fte, row);
    w->oAttr[g] = value_of(&o->attrition, row);
    w->oSal[g] = value_of(&o->salary, row);
  }
  normal_hazard(value_of(&sc->retireMean, row), fmax(value_of(&sc->retireSd, row), 1e-9), w->hazard);
  double head = value_of(&sc->specHeadcount, row);
  for (int a = 0; a < NAGES; a++) w->initByAge[a] = sc->ageShares[a] * head;
  double stHead = value_of(&sc->stHeadcount, row);
  int L = sc->L;
  // The starting split over training years: as given, or the steady state of a constant intake
  // under this run's dropout (model/listable.ts steadyStateSplit).
  double split[MAXJ], sw = 0;
  for (int j = 1; j <= sc->J; j++) {
    if (!sc->steadyState) { split[j - 1] = sc->byTrainingYear[j - 1]; continue; }
    double t = 0;
    for (int d = 0; d < L; d++) if (sc->lengths[d] >= j) t += sc->lengthProbs[d];
    split[j - 1] = t * pow(1 - w->dropout, j - 1);
    sw += split[j - 1];
  }
  if (sc->steadyState) for (int j = 1; j <= sc->J; j++) split[j - 1] /= sw;
  for (int j = 1; j <= sc->J; j++) {
    double tail = 0;
    for (int d = 0; d < L; d++) if (sc->lengths[d] >= j) tail += sc->lengthProbs[d];
    for (int d = 0; d < L; d++)
      w->stInit[(j - 1) * L + d] = sc->lengths[d] >= j && tail > 0 ? stHead * split[j - 1] * sc->lengthProbs[d] / tail : 0;
  }
}

static void init_run(const Scenario *sc, Run *w, Rng *sInit) {
  int L = sc->L, cells = sc->J > sc->lengths[L - 1] ? sc->J : sc->lengths[L - 1];
  w->cells = cells;
  int lowAge = (int)floor(fmin(w->completionAge, w->recruitmentAge)) - MIN_AGE;
  if (lowAge < 0) lowAge = 0;
  for (int a = 0; a < lowAge; a++) if (w->initByAge[a] > 0) { lowAge = a; break; }
  w->lowAge = lowAge;
  for (int a = 0; a < NAGES; a++) {
    double h = w->hazard[a], pl = h + (1 - h) * w->specAttrition;
    w->pLeave[a] = pl;
    w->lnLeave[a] = pl <= 0.5 ? log1p(-pl) : NAN;
    double share = pl > 0 ? h / pl : 0;
    w->retireShare[a] = share;
    w->lnRetire[a] = share > 0.5 ? log1p(share - 1) : log1p(-share);
  }
  round_systematic(w->initByAge, w->spec, NAGES, sInit);
  memset(w->st, 0, sizeof w->st);
  round_systematic(w->stInit, w->st, sc->J * L, sInit);
  for (int g = 0; g < sc->nOthers; g++) w->others[g] = count(sInit, w->oHead[g]);
  memset(w->mask, 0, sizeof w->mask);
  if (sc->listableShare < 0)
    for (int j = 1; j <= cells; j++) for (int d = 0; d < L; d++) w->mask[(j - 1) * L + d] = j > sc->lengths[d] - sc->listableLastYears;
  w->completions = w->dropouts = w->retirements = w->exits = w->staying = w->recruited = NAN;
  w->posts = w->starts = w->unfilled = NAN;
  w->prevSpec = w->prevSt = w->prevListable = w->prevOthers = w->cost0 = w->prevCost = NAN;
  w->cumCost = 0;
}

static void step_progression(const Scenario *sc, Run *w, Rng *s) {
  int L = sc->L, cells = w->cells;
  double dropout = w->dropout, lnDrop = log1p(-dropout), completions = 0, dropouts = 0;
  int small = dropout > 0 && dropout <= 0.5;
  memset(w->next, 0, sizeof(double) * cells * L);
  for (int j = 1; j <= cells; j++) {
    int row = (j - 1) * L;
    for (int d = 0; d < L; d++) {
      double n = w->st[row + d];
      if (j >= sc->lengths[d]) { completions += n; continue; }
      double gone;
      if (small) { double u = unif(s); gone = n == 0 ? 0 : binomial_inv_small(u, n, dropout, lnDrop); }
      else gone = binom(s, n, dropout);
      dropouts += gone;
      w->next[row + L + d] += n - gone;
    }
  }
  memcpy(w->st, w->next, sizeof(double) * cells * L);
  w->completions = completions; w->dropouts = dropouts;
}

static void step_exits(Run *w, Rng *s) {
  double retirements = 0, exits = 0;
  for (int a = NAGES - 1; a >= w->lowAge; a--) {
    double n = w->spec[a], h = w->hazard[a], u = unif(s), pl = w->pLeave[a];
    double e = n == 0 || pl == 0 ? 0 : pl <= 0.5 ? binomial_inv_small(u, n, pl, w->lnLeave[a]) : binomial_inv(u, n, pl);
    double r = e == 0 || h == 0 ? 0 : e == 1 ? (last_residual() >= 1 - w->retireShare[a] ? 1 : 0) : binomial_inv_ln(last_residual(), e, w->retireShare[a], w->lnRetire[a]);
    double o = e - r;
    retirements += r; exits += o;
    double survivors = n - r - o;
    if (a == NAGES - 1) { retirements += survivors; w->spec[a] = 0; }
    else w->spec[a + 1] = survivors;
  }
  w->spec[w->lowAge] = 0;
  w->retirements = retirements; w->exits = exits;
}

static void step_inflows(const Scenario *sc, Run *w, int t, Rng *s) {
  double staying = binom(s, w->completions, w->retention);
  add_at_age(w->spec, w->completionAge, staying, s);
  double recruited = count(s, sc->recruitment[t]);
  add_at_age(w->spec, w->recruitmentAge, recruited, s);
  w->staying = staying; w->recruited = recruited;
}

static void step_intake(const Scenario *sc, Run *w, int t, Rng *s) {
  int L = sc->L, n = w->cells * L;
  double stNow = 0;
  for (int i = 0; i < n; i++) stNow += w->st[i];
  double posts = sc->hasTarget ? fmax(0, sc->target[t] - stNow) : sc->target[t];
  posts = count(s, posts);
  double wanted = binom(s, posts, w->fillRate);
  double starts = wanted; /* no training-capacity rule: the exporter refuses one */
  double rest = starts, restP = 1;
  for (int d = 0; d < L; d++) {
    double p = sc->lengthProbs[d];
    double x = d == L - 1 ? rest : binom(s, rest, restP > 0 ? fmin(1, p / restP) : 0);
    w->st[d] += x;
    rest -= x; restP -= p;
  }
  w->posts = posts; w->starts = starts; w->unfilled = wanted - starts;
}

static void step_others(const Scenario *sc, Run *w, int t, Rng *s) {
  for (int g = 0; g < sc->nOthers; g++) {
    w->others[g] -= binom(s, w->others[g], w->oAttr[g]);
    w->others[g] += count(s, sc->others[g].recruitment[t]);
  }
}

static void write_year(const Scenario *sc, Run *w, int t, int Y, double *out) {
  double population = sc->population[t];
  double toCover = population * w->coverageShare * w->careNeedIndex;
  double specialists = 0, stAll = 0, listable = 0;
  for (int a = 0; a < NAGES; a++) specialists += w->spec[a];
  int n = w->cells * sc->L;
  for (int i = 0; i < n; i++) { stAll += w->st[i]; if (w->mask[i]) listable += w->st[i]; }
  if (sc->listableShare >= 0) listable = stAll * sc->listableShare;
  double othersHead = 0, othersFte = 0, capOther = 0, othersCost = 0, othersCostedHead = 0;
  for (int g = 0; g < sc->nOthers; g++) {
    double x = w->others[g];
    othersHead += x; othersFte += x * w->oFte[g]; capOther += x * w->oFte[g] * sc->others[g].norm[t];
    if (!isnan(w->oSal[g])) { othersCost += x * w->oFte[g] * 12 * w->oSal[g]; othersCostedHead += x; }
  }
  double supervisionFte = 0; /* no training-capacity rule */
  double specialistsFte = specialists * w->specFte, listableFte = listable * w->stFte;
  double normS = sc->normSpecialist[t];
  double capSpec = fmax(0, specialistsFte - supervisionFte) * normS, capSt = listableFte * sc->normSt[t];
  double capacity = capSpec + capSt + capOther;
#define OUT(f, v) out[(f) * Y + t] = (v)
  OUT(F_population, population); OUT(F_populationToCover, toCover);
  OUT(F_specialists, specialists); OUT(F_specialistsFte, specialistsFte);
  OUT(F_otherSpecialists, othersHead); OUT(F_otherSpecialistsFte, othersFte);
  OUT(F_st, stAll); OUT(F_listableSt, listable); OUT(F_listableStFte, listableFte);
  OUT(F_supervisionFte, supervisionFte); OUT(F_stPosts, w->posts); OUT(F_stStarts, w->starts);
  OUT(F_stUnfilledByCap, w->unfilled); OUT(F_stDropouts, w->dropouts); OUT(F_stCompletions, w->completions);
  OUT(F_newSpecialistsStaying, w->staying); OUT(F_recruitment, w->recruited);
  OUT(F_retirements, w->retirements); OUT(F_otherExits, w->exits);
  OUT(F_netIncreaseSpecialists, specialists - w->prevSpec);
  OUT(F_netIncreaseOtherSpecialists, othersHead - w->prevOthers);
  OUT(F_netIncreaseSt, stAll - w->prevSt); OUT(F_netIncreaseListableSt, listable - w->prevListable);
  OUT(F_normSpecialist, normS); OUT(F_normSt, sc->normSt[t]);
  OUT(F_capacitySpecialists, capSpec); OUT(F_capacitySt, capSt); OUT(F_capacityOther, capOther);
  OUT(F_capacity, capacity); OUT(F_coverage, capacity / toCover);
  OUT(F_inhabitantsPerDoctor, population / (specialists + listable));
  OUT(F_inhabitantsPerSpecialistFte, toCover / specialistsFte);
  OUT(F_specialistGap, fmax(0, toCover - capacity) / normS);
  OUT(F_reached, capacity >= toCover ? 1 : 0);
  OUT(F_reachedSpecialistsOnly, capSpec >= toCover ? 1 : 0);
  if (sc->hasCosts) {
    double wage = w->wageGrowth == 0 ? 1 : pow(1 + w->wageGrowth, sc->startYear + t - sc->priceBaseYear);
    double salaries = (specialistsFte * 12 * w->salSpec + stAll * w->stFte * 12 * w->salSt + othersCost) * w->po * wage;
    double cost = salaries + w->overhead * (specialists + stAll + othersCostedHead) + w->stTraining * stAll;
    if (t == 0) w->cost0 = cost;
    double inc = cost - w->cost0;
    if (t > 0) w->cumCost += inc;
    OUT(F_cost, cost); OUT(F_costIncrease, inc); OUT(F_netCostIncrease, cost - w->prevCost);
    OUT(F_cumulativeCost, w->cumCost);
    w->prevCost = cost;
  } else {
    OUT(F_cost, NAN); OUT(F_costIncrease, NAN); OUT(F_netCostIncrease, NAN); OUT(F_cumulativeCost, NAN);
  }
#undef OUT
  w->prevSpec = specialists; w->prevSt = stAll; w->prevListable = listable; w->prevOthers = othersHead;
}

enum { S_INIT = 1, S_EXITS, S_DROPOUT, S_FLOWS, S_PARAM = 100 };

static void simulate(const Scenario *sc, const double *row, uint64_t seed, uint64_t run, Run *w, double *out) {
  Rng sInit, sExit, sDrop, sFlow;
  rng_seed(&sInit, seed, run, S_INIT); rng_seed(&sExit, seed, run, S_EXITS);
  rng_seed(&sDrop, seed, run, S_DROPOUT); rng_seed(&sFlow, seed, run, S_FLOWS);
  int Y = sc->nYears;
  resolve(sc, row, w);
  init_run(sc, w, &sInit);
  write_year(sc, w, 0, Y, out);
  for (int t = 1; t < Y; t++) {
    step_progression(sc, w, &sDrop);
    step_exits(w, &sExit);
    step_inflows(sc, w, t, &sFlow);
    step_intake(sc, w, t, &sFlow);
    step_others(sc, w, t, &sFlow);
    write_year(sc, w, t, Y, out);
  }
}

/* ---- summaries (model/quantiles.ts, model/montecarlo.ts) ----------------------------------- */
static const double PROBS[7] = {0.05, 0.1, 0.25, 0.5, 0.75, 0.9, 0.95};
#define NSTATS 8

static inline void swap(double *a, long i, long j) { double t = a[i]; a[i] = a[j]; a[j] = t; }
static void select_k(double *a, long lo, long hi, long k) {
  while (hi > lo) {
    long mid = (lo + hi) >> 1;
    if (a[mid] < a[lo]) swap(a, mid, lo);
    if (a[hi] < a[lo]) swap(a, hi, lo);
    if (a[hi] < a[mid]) swap(a, hi, mid);
    double pivot = a[mid];
    long i = lo, j = hi;
    while (i <= j) {
      while (a[i] < pivot) i++;
      while (a[j] > pivot) j--;
      if (i <= j) { swap(a, i, j); i++; j--; }
    }
    if (k <= j) hi = j;
    else if (k >= i) lo = i;
    else return;
  }
}
static void multi_select(double *a, long lo, long hi, const long *ks, int kl, int kh) {
  if (kl > kh || lo >= hi) return;
  int km = (kl + kh) >> 1;
  long k = ks[km];
  select_k(a, lo, hi, k);
  multi_select(a, lo, k - 1, ks, kl, km - 1);
  multi_select(a, k + 1, hi, ks, km + 1, kh);
}
static void summarize_column(const double *v, long runs, double *scratch, double *out) {
  long n = 0;
  double sum = 0, mn = INFINITY, mx = -INFINITY;
  for (long i = 0; i < runs; i++) {
    double x = v[i];
    if (x == x) { scratch[n++] = x; sum += x; if (x < mn) mn = x; if (x > mx) mx = x; }
  }
  if (n == 0) { for (int s = 0; s < NSTATS; s++) out[s] = NAN; return; }
  out[0] = sum / n;
  if (mn == mx) { for (int s = 1; s < NSTATS; s++) out[s] = mn; return; }
  long ks[14];
  int nk = 0;
  for (int s = 0; s < 7; s++) {
    long f = (long)floor((n - 1) * PROBS[s]);
    if (nk == 0 || ks[nk - 1] != f) ks[nk++] = f;
    if (f + 1 < n && ks[nk - 1] != f + 1) ks[nk++] = f + 1;
  }
  multi_select(scratch, 0, n - 1, ks, 0, nk - 1);
  for (int s = 0; s < 7; s++) {
    double h = (n - 1) * PROBS[s];
    long f = (long)floor(h);
    double lo = scratch[f], hi = f + 1 < n ? scratch[f + 1] : lo;
    out[1 + s] = lo + (h - f) * (hi - lo);
  }
}

static double now_ms(void) {
  struct timespec ts;
  clock_gettime(CLOCK_MONOTONIC, &ts);
  return ts.tv_sec * 1e3 + ts.tv_nsec / 1e6;
}

int main(int argc, char **argv) {
  if (argc < 4) { fprintf(stderr, "usage: ref <input.txt> <runs> <seed>\n"); return 2; }
  static Scenario sc;
  load(&sc, argv[1]);
  long runs = atol(argv[2]);
  uint64_t seed = strtoull(argv[3], NULL, 10);
  if (runs < 1) die("runs must be ≥ 1", NULL);
  int Y = sc.nYears, K = sc.K;
  long size = (long)NFIELDS * Y;

  double t0 = now_ms();
  /* 1. Parameter draws: one uniform per uncertain parameter and run, from its own stream. */
  double *params = malloc(sizeof(double) * (K > 0 ? K : 1) * runs);
  for (long r = 0; r < runs; r++)
    for (int k = 0; k < K; k++) {
      Rng s;
      rng_seed(&s, seed, (uint64_t)r, S_PARAM + k);
      params[r * K + k] = dist_quantile(sc.uncertain[k], unif(&s));
    }
  /* 2. Simulation, run by run into a tile, then into the column layout. */
  double *cols = malloc(sizeof(double) * size * runs);
  double *tile = malloc(sizeof(double) * size * TILE);
  if (!params || !cols || !tile) die("out of memory", NULL);
  Run *w = calloc(1, sizeof(Run));
  for (long r0 = 0; r0 < runs; r0 += TILE) {
    long r1 = r0 + TILE < runs ? r0 + TILE : runs;
    for (long r = r0; r < r1; r++) simulate(&sc, params + r * K, seed, (uint64_t)r, w, tile + (r - r0) * size);
    for (long c = 0; c < size; c++) {
      double *dst = cols + c * runs + r0;
      for (long i = 0; i < r1 - r0; i++) dst[i] = tile[i * size + c];
    }
  }
  /* 3. Mean and quantiles of every non-flag column. */
  double *stats = malloc(sizeof(double) * size * NSTATS), *scratch = malloc(sizeof(double) * runs);
  for (long c = 0; c < size; c++) {
    int f = (int)(c / Y);
    if (f == F_reached || f == F_reachedSpecialistsOnly) { for (int s = 0; s < NSTATS; s++) stats[c * NSTATS + s] = NAN; continue; }
    summarize_column(cols + c * runs, runs, scratch, stats + c * NSTATS);
  }
  /* 4. Years reached: first year, sustained-from year, specialists-only; shares by year. */
  short *firstR = malloc(sizeof(short) * runs), *sust = malloc(sizeof(short) * runs), *firstS = malloc(sizeof(short) * runs);
  double holds[MAXY] = {0}, holdsSpec[MAXY] = {0}, cntR[MAXY + 1] = {0}, cntS[MAXY + 1] = {0}, reachedBy[MAXY], reachedBySpec[MAXY];
  double *lastIpd = malloc(sizeof(double) * runs), *lastCum = malloc(sizeof(double) * runs);
#define AT(f, t, r) cols[((long)(f) * Y + (t)) * runs + (r)]
  for (long r = 0; r < runs; r++) {
    short fr = -1, fs = -1, su = -1;
    for (int t = 0; t < Y; t++) {
      double a = AT(F_reached, t, r), b = AT(F_reachedSpecialistsOnly, t, r);
      if (fr < 0 && a == 1) fr = (short)t;
      if (fs < 0 && b == 1) fs = (short)t;
      holds[t] += a; holdsSpec[t] += b;
    }
    for (int t = Y - 1; t >= 0 && AT(F_reached, t, r) == 1; t--) su = (short)t;
    firstR[r] = fr; firstS[r] = fs; sust[r] = su;
    cntR[fr < 0 ? Y : fr]++; cntS[fs < 0 ? Y : fs]++;
    lastIpd[r] = AT(F_inhabitantsPerDoctor, Y - 1, r);
    lastCum[r] = AT(F_cumulativeCost, Y - 1, r);
  }
  double cr = 0, cs = 0;
  for (int t = 0; t < Y; t++) {
    holds[t] /= runs; holdsSpec[t] /= runs;
    cr += cntR[t]; cs += cntS[t];
    reachedBy[t] = cr / runs; reachedBySpec[t] = cs / runs;
  }
  double t1 = now_ms();

  printf("time_ms %.1f\n", t1 - t0);
  for (int f = 0; f < NFIELDS; f++)
    for (int t = 0; t < Y; t++) {
      const double *s = stats + ((long)f * Y + t) * NSTATS;
      printf("stat %s %d %.10g %.10g %.10g %.10g %.10g %.10g %.10g %.10g\n", FIELD_NAMES[f], t, s[0], s[1], s[2], s[3], s[4], s[5], s[6], s[7]);
    }
  for (int t = 0; t < Y; t++) printf("reachedBy %d %.6f %.6f %.6f\n", t, reachedBy[t], reachedBySpec[t], holds[t]);
  /* Keep the per-run outcomes observable, so no part of the work can be optimized away. */
  double chk = 0;
  for (long r = 0; r < runs; r++) chk += firstR[r] + sust[r] + firstS[r] + lastIpd[r] * 1e-9 + lastCum[r] * 1e-15 + holdsSpec[0];
  printf("checksum %.6g\n", chk);
  free(params); free(cols); free(tile); free(stats); free(scratch); free(w);
  free(firstR); free(sust); free(firstS); free(lastIpd); free(lastCum);
  return 0;
}
