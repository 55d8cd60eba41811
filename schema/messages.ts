/**
 * Validation messages of the scenario schema, in one catalogue (Vega-Lite's `log/message.ts`
 * style): tests compare against these functions, so rewording a message does not break them.
 */
const list = (xs: readonly string[]) => xs.map((x) => `'${x}'`).join(', ');

/** Levenshtein distance, for "did you mean" hints on misspelt keys. */
function distance(a: string, b: string): number {
  const d = Array.from({ length: a.length + 1 }, (_, i) => [i, ...Array(b.length).fill(0)]);
  for (let j = 1; j <= b.length; j++) d[0][j] = j;
  for (let i = 1; i <= a.length; i++)
    for (let j = 1; j <= b.length; j++)
      d[i][j] = Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1, d[i - 1][j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1));
  return d[a.length][b.length];
}

export function closest(key: string, allowed: readonly string[]): string | null {
  let best: string | null = null, bd = Infinity;
  for (const k of allowed) {
    const dd = distance(key.toLowerCase(), k.toLowerCase());
    if (dd < bd) { bd = dd; best = k; }
  }
  return best !== null && bd <= Math.max(2, Math.floor(key.length / 3)) ? best : null;
}

export const vmsg = {
  unknownKey: (key: string, allowed: readonly string[]) => {
    const hint = closest(key, allowed);
    return `unknown key '${key}'${hint ? ` (did you mean '${hint}'?)` : ''}; allowed here: ${list(allowed)}`;
  },
  missing: (what: string) => `required: ${what}`,
  expected: (what: string, got: string) => `expected ${what}, got ${got}`,
  share: (v: number) => `must be a share between 0 and 1, got ${v}`,
  nonNegative: (v: number) => `must not be negative, got ${v}`,
  positive: (v: number) => `must be greater than 0, got ${v}`,
  integer: (v: number) => `must be a whole number, got ${v}`,
  age: (v: number, lo: number, hi: number) => `must be an age between ${lo} and ${hi}, got ${v}`,
  outOfDomain: (lo: number, hi: number, what: string) => `${what} must lie within ${lo}–${hi}`,
  distOrder: () => `needs min ≤ mode ≤ max`,
  distMinMax: () => `needs min < max`,
  distEmpty: () => `truncation bounds leave no values (min must be below max and inside the parameter's range)`,
  lognormalDomain: () => `a lognormal is only allowed for parameters that cannot be negative`,
  unknownDist: (got: unknown, allowed: readonly string[]) => `unknown distribution '${String(got)}'; use one of ${list(allowed)}`,
  sumToOne: (sum: number) => `shares must sum to 1, they sum to ${+sum.toFixed(6)}`,
  yearsOrder: (start: number, end: number) => `horizon.end (${end}) must be after horizon.start (${start})`,
  yearKey: (key: string) => `'${key}' is not a year (expected four digits, e.g. 2025)`,
  tableMissesYears: (years: number[]) => `table misses ${years.length === 1 ? 'year' : 'years'} ${compactYears(years)}`,
  tableOutside: (years: number[], start: number, end: number) => `table has ${years.length === 1 ? 'year' : 'years'} ${compactYears(years)} outside the horizon ${start}–${end}`,
  tableNotFromStart: (first: number, start: number) => `table must start at the horizon's start year ${start}, starts at ${first}`,
  scheduleStart: (first: number, start: number) => `a schedule must say what applies in the start year ${start}; its first year is ${first}`,
  tableGapNeedsGrowth: (last: number) => `population table ends at ${last}: give population.growth for the years after`,
  oneOf: (a: string, b: string) => `give either '${a}' or '${b}', not both`,
  needOneOf: (a: string, b: string) => `give '${a}' or '${b}'`,
  ageBand: (key: string) => `'${key}' is not an age band (expected e.g. '30-39' or '65')`,
  ageBandRange: (key: string, lo: number, hi: number) => `age band '${key}' must lie within ages ${lo}–${hi}`,
  ageBandOverlap: (key: string) => `age band '${key}' overlaps another band`,
  ageKeysOrder: () => `ages must be listed in increasing order`,
  lengthKey: (key: string) => `'${key}' is not a training length in years (expected a whole number 1–15)`,
  trainingYearBeyondLength: (j: number, maxLen: number) => `training year ${j} is beyond the longest training length (${maxLen} years)`,
  listableTooLong: (n: number, minLen: number) => `lastYears (${n}) must be shorter than the shortest training length (${minLen})`,
  formula: (detail: string, col: number) => `bad formula at character ${col}: ${detail}`,
  formulaValue: (year: number, v: number) => `formula gives ${v} for ${year}; expected a finite number`,
  seriesValue: (year: number, detail: string) => `value for ${year} ${detail}`,
  seriesForm: () => `expected a number, a per-year table (e.g. {2025: 150, 2026: 160}), a formula in 'year' (e.g. "min(150, 100 + 10*(year-2024))"), or {values: …, multiplier: …, randomWalk: …}`,
  normForm: () => `expected a number of inhabitants per full-time doctor, or a schedule {year: value, …} (e.g. {2024: 1500, 2028: 1100})`,
  unknownSource: (id: string, known: readonly string[]) => `source '${id}' is not listed under 'sources'${known.length ? `; known: ${list(known)}` : ''}`,
  duplicateRegion: (name: string) => `region name '${name}' is used twice`,
  correlationParam: (key: string) => `'${key}' is not an uncertain parameter of this scenario (it must name a parameter given as a distribution, e.g. 'specialists.attrition')`,
  correlationPd: () => `the correlations do not form a valid correlation matrix (not positive definite)`,
  inclNeedsFixed: () => `headcountInclListableSt needs st.headcount as a plain number`,
  inclTooSmall: (incl: number, listable: number) => `headcountInclListableSt (${incl}) is smaller than the listable ST it includes (${+listable.toFixed(2)})`,
  noRegions: () => `regions must list at least one region`,
};

export function compactYears(years: number[]): string {
  const parts: string[] = [];
  for (let i = 0; i < years.length; ) {
    let j = i;
    while (j + 1 < years.length && years[j + 1] === years[j] + 1) j++;
    parts.push(i === j ? String(years[i]) : `${years[i]}–${years[j]}`);
    i = j + 1;
  }
  return parts.join(', ');
}
