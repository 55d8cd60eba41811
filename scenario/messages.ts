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

/**
 * Keys a planner would guess for a scenario key, in English and Swedish (compared without case,
 * `_`, `-`, spaces and with å/ä → a, ö → o, é → e): a guess names every key it may mean, the first one allowed where it
 * stands wins (`startYear` is `horizon` at the top and `start` inside `horizon`). Only real keys
 * of the schema (test/faults9.test.ts checks every target against it).
 */
export const KEY_SYNONYMS: Readonly<Record<string, readonly string[]>> = {
  // horizon and its years
  startyear: ['start', 'horizon'], firstyear: ['start', 'horizon'], fromyear: ['start', 'horizon'], startar: ['start', 'horizon'], forstaar: ['start', 'horizon'],
  endyear: ['end', 'horizon'], lastyear: ['end', 'horizon'], toyear: ['end', 'horizon'], slutar: ['end', 'horizon'], sistaar: ['end', 'horizon'],
  from: ['start', 'horizon'], fran: ['start', 'horizon'], first: ['start'], begin: ['start'], to: ['end', 'horizon'], till: ['end', 'horizon'], last: ['end'], until: ['end'], slut: ['end'],
  start: ['horizon'], end: ['horizon'], years: ['horizon'], ar: ['horizon'], period: ['horizon'], horisont: ['horizon'], tidshorisont: ['horizon'], timespan: ['horizon'], timeframe: ['horizon'], projection: ['horizon'],
  // blocks
  befolkning: ['population'], invanare: ['population'], inhabitants: ['population'], folkmangd: ['population'],
  specialister: ['specialists'], specialistlakare: ['specialists'], allmanlakare: ['specialists'], lakare: ['specialists'], doctors: ['specialists'], gps: ['specialists'], gp: ['specialists'], physicians: ['specialists'],
  stlakare: ['st'], trainees: ['st'], sttrainees: ['st'], strainees: ['st'], utbildningslakare: ['st'],
  kostnader: ['costs'], kostnad: ['costs'], cost: ['costs'], budget: ['costs'], ekonomi: ['costs'],
  riktvarde: ['norms'], riktvarden: ['norms'], norm: ['norms'], target: ['norms'], targets: ['norms'], guideline: ['norms'],
  regioner: ['regions'], counties: ['regions'], lan: ['regions'],
  namn: ['name'], titel: ['name'], title: ['name'], beskrivning: ['description'], kallor: ['sources'], kalla: ['sources'], references: ['sources'],
  ovrigaspecialister: ['otherSpecialists'], simulering: ['monteCarlo'], simulation: ['monteCarlo'], observerat: ['observed'], utfall: ['observed'],
  // inside the blocks
  tillvaxt: ['growth'], antal: ['headcount'], count: ['headcount'], intag: ['intake'], antagning: ['intake'], antagna: ['intake'], pension: ['retirement'], pensionering: ['retirement'],
  lon: ['salaryPerMonth'], manadslon: ['salaryPerMonth'], salary: ['salaryPerMonth'], salaries: ['salaryPerMonth'],
};

const plainKey = (key: string) => key.toLowerCase().normalize('NFD').replace(/[\u0300-\u036f]/g, '').replace(/[\s_-]+/g, '');

/**
 * A number written the Swedish way (`0,58`, `343 746`, `1 100,5`) as YAML wants it (`0.58`,
 * `343746`), or null. YAML reads such a value as text, and a text where a number may be a formula
 * gave "syntax error: unexpected operator ,".
 */
export function plainNumber(text: string): string | null {
  const t = text.trim().replace(/^\u2212/, '-');
  if (!/^[-+]?(\d{1,3}([ \u00a0\u202f]\d{3})+(,\d+)?|\d+,\d+)$/.test(t)) return null;
  return t.replace(/[ \u00a0\u202f]/g, '').replace(',', '.');
}

export function closest(key: string, allowed: readonly string[]): string | null {
  const plain = plainKey(key);
  const meant = Object.hasOwn(KEY_SYNONYMS, plain) ? KEY_SYNONYMS[plain].find((k) => allowed.includes(k)) : undefined;
  if (meant !== undefined) return meant;
  let best: string | null = null, bd = Infinity;
  for (const k of allowed) {
    const dd = distance(key.toLowerCase(), k.toLowerCase());
    if (dd < bd) { bd = dd; best = k; }
  }
  return best !== null && bd <= Math.max(2, Math.floor(key.length / 3)) ? best : null;
}

/** A type's name in "expected …" (zod's `expected`, plus `int`). */
const TYPE_WORDS: Record<string, string> = { number: 'a number', int: 'a whole number', string: 'text', object: 'a mapping (key: value, …)', record: 'a mapping (key: value, …)', array: 'a list', boolean: 'true or false' };

export const vmsg = {
  /** What a value of type `kind` is called after "expected" (unknown kinds as they are). */
  typeWord: (kind: string) => TYPE_WORDS[kind] ?? kind,
  /** Alternatives after "expected": `a number or text`. */
  either: (words: readonly string[]) => words.join(' or '),
  /** How a value is shown after "got". */
  describeValue: (v: unknown): string => {
    if (v === null) return 'an empty value';
    if (Array.isArray(v)) return 'a list';
    if (typeof v === 'object') return 'a mapping';
    if (typeof v === 'string') {
      const p = plainNumber(v);
      return `the text "${v.length > 40 ? v.slice(0, 37) + '…' : v}"${p === null ? '' : ` (write the number as ${p}: a point for decimals, no spaces)`}`;
    }
    // 1e400 reads as Infinity, .nan as NaN: say what the file's number became.
    if (typeof v === 'number' && Number.isNaN(v)) return 'NaN (not a number: .nan)';
    if (typeof v === 'number' && !Number.isFinite(v)) return `${v > 0 ? '' : '-'}infinity (.inf, or a number too large to hold such as 1e400)`;
    return `${typeof v} ${String(v)}`;
  },
  /** A key's description (the schema's, in English) in the message language; undefined: none to show. */
  about: (description: string | undefined): string | undefined => description,
  /** A parameter's range in words, for the bounds of a distribution (`dom` as in scenario/normalize). */
  rangeWords: (dom: string, minAge: number, maxAge: number) =>
    dom === 'share' ? 'a share between 0 and 1' : dom === 'age' ? `an age between ${minAge} and ${maxAge}` : dom === 'rate' ? 'a rate of at least -1' : 'zero or more',
  badUrl: () => 'expected a web address starting with https:// or http:// (the report makes it a link)',
  blankName: () => 'a name of spaces only: give it a visible character (it names the scenario or region in every table and chart)',
  controlChar: (code: number, index: number) => `a control character (U+${code.toString(16).toUpperCase().padStart(4, '0')}) at character ${index}: texts may hold tabs and line breaks, not control characters (a terminal would run them as commands)`,
  unknownKey: (key: string, allowed: readonly string[]) => {
    const hint = closest(key, allowed);
    return `unknown key '${key}'${hint ? ` (did you mean '${hint}'?)` : ''}; allowed here: ${list(allowed)}`;
  },
  /** A required key is missing; `path` is the full path of the key, `about` what it means or an example. */
  missing: (path: string, about?: string) => {
    const what = vmsg.about(about);
    return `required: ${path}${what ? ` (${what})` : ''}`;
  },
  expected: (what: string, got: string) => `expected ${what}, got ${got}`,
  atLeast: (min: number, v: number) => `must be at least ${min}, got ${v}`,
  atMost: (max: number, v: number) => `must be at most ${max}, got ${v}`,
  greaterThan: (min: number, v: number) => `must be greater than ${min}, got ${v}`,
  lessThan: (max: number, v: number) => `must be less than ${max}, got ${v}`,
  emptyText: () => `must not be empty`,
  tooFewItems: (min: number) => `must list at least ${min} ${min === 1 ? 'item' : 'items'}`,
  tooManyItems: (max: number) => `must list at most ${max} ${max === 1 ? 'item' : 'items'}`,
  tooShort: (min: number) => `must be at least ${min} characters long`,
  tooLong: (max: number) => `must be at most ${max} characters long`,
  oneOfValues: (values: readonly unknown[], got: string) => `expected one of ${list(values.map(String))}, got ${got}`,
  year: (v: number, lo: number, hi: number) => `must be a year between ${lo} and ${hi}, got ${v}`,
  countBasis: (got: string, raw?: unknown) => {
    const hint = typeof raw === 'string' ? closest(raw, ['health-centres', 'all-sectors']) : null;
    return `expected 'health-centres' (GP specialists at health centres who can list patients, as in Stockholm's plan) or 'all-sectors' (every GP specialist in health care, as in Tabell 1), got ${got}${hint ? ` (did you mean '${hint}'?)` : ''}`;
  },
  share: (v: number) => `must be a share between 0 and 1, got ${v}`,
  nonNegative: (v: number) => `must not be negative, got ${v}`,
  positive: (v: number) => `must be greater than 0, got ${v}`,
  integer: (v: number) => `must be a whole number, got ${v}`,
  age: (v: number, lo: number, hi: number) => `must be an age between ${lo} and ${hi}, got ${v}`,
  rate: (v: number) => `must be a rate of at least -1 (-100 %), got ${v}`,
  /** `what`: e.g. "a share between 0 and 1"; min and max of a distribution outside the parameter's range. */
  distRange: (what: string, min: number, max: number) => `min and max must both be ${what}; got min ${min}, max ${max}`,
  distOrder: () => `needs min ≤ mode ≤ max`,
  distMinMax: () => `needs min < max`,
  distEmpty: () => `truncation bounds leave no values (min must be below max and inside the parameter's range)`,
  /** A normal with sd 0 (lognormal with sigma 0) is the single value `what`; `detail` says why that is out of range. */
  beyondLimit: (lo: number, hi: number, v: number) => `must be between ${lo} and ${hi} (a value beyond that means nothing here), got ${v}`,
  distCentre: (what: 'mean' | 'median', detail: string) => `the ${what} must lie in the parameter's range: it ${detail}`,
  distSpread: (what: 'sd' | 'sigma', v: number, max: number) => `${what} ${v} is wider than the parameter's whole range (at most ${max})`,
  distPoint: (what: 'mean' | 'median', detail: string) => `with no spread the ${what} is the value, and it ${detail}`,
  lognormalDomain: () => `a lognormal is only allowed for parameters that cannot be negative`,
  unknownDist: (got: unknown, allowed: readonly string[]) => `unknown distribution '${String(got)}'; use one of ${list(allowed)}`,
  distMissing: (allowed: readonly string[]) => `a distribution needs 'dist:', one of ${list(allowed)}`,
  sumToOne: (sum: number) => `shares must sum to 1, they sum to ${+sum.toFixed(6)}`,
  yearsOrder: (start: number, end: number) => `horizon.end (${end}) must be after horizon.start (${start})`,
  yearKey: (key: string) => `'${key}' is not a year (expected four digits, e.g. 2025)`,
  tableMissesYears: (years: number[], from: number, to: number) =>
    `table misses ${years.length === 1 ? 'year' : 'years'} ${compactYears(years)}; it needs a value for every year ${from}–${to}`,
  tableOutside: (years: number[], start: number, end: number) => `table has ${years.length === 1 ? 'year' : 'years'} ${compactYears(years)} outside the horizon ${start}–${end}`,
  tableNotFromStart: (first: number, start: number) => `table must start at the horizon's start year ${start}, starts at ${first}`,
  scheduleEmpty: (start: number) => `a schedule needs at least one year, starting with ${start}, e.g. {${start}: 1500, ${start + 4}: 1100}`,
  scheduleStart: (first: number, start: number) => `a schedule must say what applies in the start year ${start}; its first year is ${first}`,
  tableGapNeedsGrowth: (last: number) => `required: population.growth (population.table ends at ${last}; growth carries it on from there)`,
  startNeedsGrowth: (start: number, end: number) => `required: population.growth (population.start gives ${start} only; growth carries it to ${end})`,
  populationStartFixed: () => `must be a plain number: put population uncertainty on population.growth`,
  trainingYearKey: (key: string) => `'${key}' is not a training year (expected 1, 2, …)`,
  oneOf: (a: string, b: string) => `give either '${a}' or '${b}', not both`,
  setOverriddenByRegions: (path: string, where: string) => `every region gives its own ${path} (the first at ${where}), so this --set changes nothing; set a region's own instead: --set regions[0].${path}=…`,
  needOneOf: (a: string, b: string) => `give '${a}' or '${b}'`,
  ageBand: (key: string) => `'${key}' is not an age band (expected e.g. '30-39' or '65')`,
  ageBandRange: (key: string, lo: number, hi: number) => `age band '${key}' must lie within ages ${lo}–${hi}`,
  ageBandOverlap: (key: string, other: string) => `age band '${key}' overlaps '${other}'`,
  ageKeysOrder: () => `ages must be listed in increasing order`,
  lengthKey: (key: string) => `'${key}' is not a training length in years (expected a whole number 1–15)`,
  trainingYearBeyondLength: (j: number, maxLen: number) => `training year ${j} is beyond the longest training length (${maxLen} years)`,
  listableTooLong: (n: number, minLen: number) => `lastYears (${n}) must be shorter than the shortest training length (${minLen})`,
  formula: (formula: string, detail: string, col: number) => {
    const p = plainNumber(formula);
    if (p !== null) return `${JSON.stringify(formula)} is a number with a decimal comma or spaces: write it as ${p} (a point for decimals, no spaces)`;
    return `bad formula ${JSON.stringify(formula.length > 60 ? formula.slice(0, 57) + '…' : formula)} at character ${col}: ${detail}`;
  },
  formulaValue: (year: number, v: number) => `formula gives ${v} for ${year}; expected a finite number`,
  /** `detail` is one of the range messages above, e.g. nonNegative(v). */
  formulaRange: (year: number, detail: string) => `formula gives a bad value for ${year}: ${detail}`,
  seriesForm: () => `a number, a per-year table (e.g. {2025: 150, 2026: 160}), a formula in 'year' (e.g. "min(150, 100 + 10*(year-2024))"), or {values: …, multiplier: …, randomWalk: …}`,
  normForm: () => `a number of inhabitants per full-time doctor, or a schedule {year: value, …} (e.g. {2024: 1500, 2028: 1100})`,
  scalarForm: () => `a number, {value: n, source: id} or a distribution {dist: normal|lognormal|uniform|triangular|pert|fixed, …}`,
  retirementForm: () => `{meanAge, sd} or {byAge: {age: share, …}}`,
  listableForm: () => `{lastYears: n} or {share: s}`,
  byTrainingYearForm: () => `a list of shares [0.2, 0.2, …] or a table {1: 0.2, 2: 0.2, …}`,
  unknownSource: (id: string, known: readonly string[]) => `source '${id}' is not listed under 'sources'${known.length ? `; known: ${list(known)}` : ''}`,
  duplicateRegion: (name: string) => `region name '${name}' is used twice`,
  regionLikeTotal: (name: string) => `the total is called '${name}', like a region: give the total (total.name) or the region another name`,
  correlationParam: (key: string) => `'${key}' is not an uncertain parameter of this scenario (it must name a parameter given as a distribution, e.g. 'specialists.attrition')`,
  correlationPd: () => `the correlations cannot all hold at once (the correlation matrix is not positive definite); weaken some of them`,
  correlationSelf: (key: string) => `a parameter cannot be correlated with itself ('${key}')`,
  correlationTwice: (a: string, b: string) => `the correlation between '${a}' and '${b}' is given twice`,
  inclNeedsFixed: () => `headcountInclListableSt needs st.headcount as a plain number`,
  inclTooSmall: (incl: number, listable: number) => `headcountInclListableSt (${incl}) is smaller than the listable ST it includes (${+listable.toFixed(2)})`,
  observedYear: (year: number, start: number, end: number) => `observed year ${year} is outside the horizon ${start}–${end}`,
  observedNoSource: () => `an observed value needs a source: write {value: n, source: id} (or put 'source:' on the quantity's block)`,
  noRegions: () => `regions must list at least one region`,
  // --- demand by age (issue 12) ---
  ageGroupLabel: (key: string) => `'${key}' is not an age group (expected e.g. '0-17', '80+' or '37')`,
  ageGroupOverlap: (key: string, other: string) => `age group '${key}' overlaps '${other}'`,
  ageGroupGap: (from: number, to: number) => `no age group covers ${from === to ? `age ${from}` : `ages ${from}–${to}`}; the groups must cover every age from 0`,
  ageGroupOpen: (last: number) => `the oldest group must be open-ended (e.g. '${last}+'), so that every age is covered`,
  ageGroupsOrTotal: () => `give the population either as a total (start or table) or by age group (ageGroups), not both`,
  needsAgeGroups: (what: string) => `${what} needs the population by age group (population.ageGroups or population.ageCsv)`,
  groupStraddlesBands: (group: string, bands: string[]) => `age group '${group}' lies across the weight bands ${bands.map((b) => `'${b}'`).join(' and ')}; each group must lie inside one band`,
  rangeCutsGroup: (range: string, group: string) => `ageRange '${range}' cuts through age group '${group}'; it must start and end at group boundaries`,
  mixBands: (missing: string[], extra: string[]) =>
    `referenceMix must have the same bands as weights${missing.length ? `; missing ${missing.map((x) => `'${x}'`).join(', ')}` : ''}${extra.length ? `; not a weight band: ${extra.map((x) => `'${x}'`).join(', ')}` : ''}`,
  interpolateNeedsTable: () => `interpolate fills the years between the points of a per-year table {year: value, …}; the values here are not a table`,
  pathStart: (first: number, needed: number) => `the first point is ${first}; the path needs a value for ${needed} (add a point at or before it)`,
  needOneOfThree: (a: string, b: string, c: string) => `give one of '${a}', '${b}' or '${c}'`,
  oneOfThree: (a: string, b: string, c: string) => `give only one of '${a}', '${b}' and '${c}'`,
  recruitmentMaxNeedsPath: () => `recruitment.max limits the recruitment a specialist path needs: give specialists.targetHeadcount, or remove it`,
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
