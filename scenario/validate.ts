/**
 * Loaded YAML → validated, normalized scenario, or every problem in it at once.
 *
 *   LoadedDoc ─expand regions─▶ document with full regions ─zod─▶ typed ─normalize─▶ Scenario
 *
 * Region parameters written at the top level are defaults for every region; a region's own
 * block overrides them key by key. A problem inside an inherited value is reported once, at the
 * place it was written.
 */
import type { z } from 'zod';
import { CONTROL_CHARS as CONTROL, formatPath, ScenarioError, type Origin, type Problem } from './errors.js';
import { locate, locateKey, pathKey, staleTwins, type LoadedDoc } from './doc.js';
import { normalize } from './normalize.js';
import type { Path, PathProblem, Scenario } from './types.js';
import { KEY_MESSAGE_SEPARATOR, REGION_KEYS, ScenarioSchema, describe, schemaAt, type RegionIn, type ScenarioIn } from './schema.js';
import { closest, vmsg } from './messages.js';

type Obj = Record<string, unknown>;
const isObj = (v: unknown): v is Obj => v !== null && typeof v === 'object' && !Array.isArray(v);

/** Objects merge key by key; arrays and scalars replace; null deletes (same rule as `extends`). */
export function deepMerge(base: unknown, over: unknown): unknown {
  if (over === undefined) return base;
  if (!isObj(base) || !isObj(over)) return over;
  const out: Obj = { ...base };
  for (const twin of staleTwins(over)) delete out[twin];
  for (const [k, v] of Object.entries(over)) {
    if (v === null) delete out[k];
    else out[k] = deepMerge(base[k], v);
  }
  return out;
}

function getIn(v: unknown, path: readonly (string | number)[]): unknown {
  let cur = v;
  for (const p of path) {
    if (cur === null || typeof cur !== 'object') return undefined;
    cur = (cur as Obj)[p as string];
  }
  return cur;
}

export interface Expanded {
  doc: Obj;
  /** Where a path of the expanded document was written (its value, or its key), and how to show it. */
  where(path: readonly (string | number)[], at?: 'value' | 'key'): { origin: Origin; shown: string; declared: string };
}

/**
 * Keys that exclude each other. When both are present and were written in different layers
 * (a base file, the file extending it, --set on the command line), the later layer wins and the
 * earlier key is dropped — so `--set st.intake=40` works on a scenario that gives a target
 * headcount. Both in the same layer stays an error.
 */
const EXCLUSIVE: [string[], string, string][] = [
  [['st'], 'intake', 'targetHeadcount'],
  [['population'], 'start', 'table'],
  [['specialists'], 'headcount', 'headcountInclListableSt'],
  [['st', 'listable'], 'lastYears', 'share'],
];

function layerOf(loaded: LoadedDoc, path: (string | number)[]): number {
  const file = locate(loaded, path).file;
  const i = loaded.files.indexOf(file);
  return i >= 0 ? i : loaded.files.length + (file.startsWith('--set') ? 1 : 0);
}

function dropOverridden(loaded: LoadedDoc): LoadedDoc {
  // Which twin of each pair to drop, found on the document as read; it is copied only when one is
  // dropped (the usual scenario has none: copying every value of it, year tables as dictionaries,
  // was ~0.5 MB of fresh memory in every command — start-up, issue 15).
  const drops: (string | number)[][] = [];
  const bases: (string | number)[][] = [[]];
  const raw = loaded.value;
  if (Array.isArray(raw.regions)) raw.regions.forEach((_, i) => bases.push(['regions', i]));
  for (const base of bases) {
    for (const [block, a, b] of EXCLUSIVE) {
      const parent = getIn(raw, [...base, ...block]);
      if (!isObj(parent) || parent[a] === undefined || parent[b] === undefined) continue;
      const la = layerOf(loaded, [...base, ...block, a]), lb = layerOf(loaded, [...base, ...block, b]);
      if (la > lb) drops.push([...base, ...block, b]);
      else if (lb > la) drops.push([...base, ...block, a]);
    }
  }
  if (drops.length === 0) return loaded;
  const value = structuredClone(raw) as Obj;
  for (const path of drops) delete (getIn(value, path.slice(0, -1)) as Obj)[path[path.length - 1] as string];
  return { ...loaded, value };
}

export function expandRegions(input: LoadedDoc): Expanded {
  const loaded = dropOverridden(input);
  const raw = loaded.value;
  const top: Obj = {};
  const globals: Obj = {};
  for (const [k, v] of Object.entries(raw)) {
    if ((REGION_KEYS as string[]).includes(k)) top[k] = v;
    else if (k !== 'regions' && k !== 'region') globals[k] = v;
  }
  const list = Array.isArray(raw.regions) ? (raw.regions as unknown[]) : null;
  const regions = list
    ? list.map((r) => (isObj(r) ? deepMerge(top, r) : r))
    // Without a name the scenario is invalid anyway; '?' keeps it from being reported twice.
    : [{ name: (raw.region as string | undefined) ?? raw.name ?? '?', ...top }];
  const doc: Obj = { ...globals, regions: raw.regions !== undefined && !list ? raw.regions : regions };
  if (raw.region !== undefined) doc.region = raw.region;

  // A value's own position, or (at: 'key', or a path not in the file: a missing key) its key's.
  const pos = (path: readonly (string | number)[], at: At) =>
    at === 'value' && loaded.origins.has(pathKey(path)) ? locate(loaded, path) : locateKey(loaded, path);
  // The origin found when read: normalisation asks `where` for a key's declared name for every
  // parameter (`keyOf`), and only a problem needs its place (start-up, issue 15).
  const placed = (path: readonly (string | number)[], at: At, shown: string, declared: string) => ({
    get origin() { return pos(path, at); },
    shown,
    declared,
  });

  const where = (path: readonly (string | number)[], at: At = 'value') => {
    if (path[0] === 'regions' && typeof path[1] === 'number') {
      const i = path[1];
      const rest = path.slice(2);
      const name = String(getIn(regions[i], ['name']) ?? i);
      if (list) {
        const declared = `regions[${name}]${rest.length ? '.' + formatPath(rest) : ''}`;
        // Stream keys: declared in the region itself, or inherited from the top.
        const ownKey = getIn(list[i], rest) !== undefined || getIn(top, rest) === undefined;
        // Messages: a value is the region's own if the region wrote it; a missing key is reported
        // once, at the top-level block when there is one (adding it there fixes every region).
        let n = rest.length;
        while (n > 0 && getIn(regions[i], rest.slice(0, n)) === undefined) n--;
        const prefix = rest.slice(0, n);
        const own = n === 0 || (n === rest.length ? getIn(list[i], prefix) !== undefined : getIn(top, prefix) === undefined);
        const d = ownKey ? declared : formatPath(rest);
        if (own) return placed(['regions', i, ...rest], at, formatPath(['regions', i, ...rest]), d);
        return placed(rest, at, formatPath(rest), d);
      } else if (rest.length === 0 || (rest[0] === 'name' && rest.length === 1)) {
        return placed(raw.region !== undefined ? ['region'] : ['name'], at, raw.region !== undefined ? 'region' : 'name', formatPath(rest));
      }
      return placed(rest, at, formatPath(rest), formatPath(rest));
    }
    return placed(path, at, formatPath(path), formatPath(path));
  };
  return { doc, where };
}

/** Where a problem points: at the value, or at its key (unknown keys, missing keys). */
type At = 'value' | 'key';

/** One problem before it is located; `missing`: a required key is absent (message made later). */
interface Flat {
  path: (string | number)[];
  message: string;
  at: At;
  missing?: boolean;
  /** The whole value the problem is in (a parameter given as a union, e.g. a distribution). */
  cut?: (string | number)[];
}

type Issue = z.core.$ZodIssue & { input?: unknown; note?: string; keys?: string[]; issues?: z.core.$ZodIssue[] };

/** Keys that only a distribution has: a mapping with them but without `dist` meant a distribution. */
const DIST_KEYS = ['mean', 'sd', 'median', 'sigma', 'min', 'max', 'mode'];

/**
 * Our wording for zod's own checks (ranges, whole numbers, enums, types), so that no default
 * English text ("Too small: expected number to be >=0") reaches users. Messages set in the
 * schema itself take precedence.
 */
export function zodMessage(iss: z.core.$ZodRawIssue): string | undefined {
  const i = iss as unknown as { code: string; input?: unknown; expected?: string; origin?: string; minimum?: number | bigint; maximum?: number | bigint; inclusive?: boolean; values?: unknown[] };
  const v = i.input as number;
  switch (i.code) {
    case 'invalid_type': {
      if (i.input === undefined) return undefined; // reported as a missing key
      if (i.expected === 'int') return typeof i.input === 'number' ? vmsg.integer(v) : vmsg.expected(vmsg.typeWord('int'), describe(i.input));
      return vmsg.expected(vmsg.typeWord(String(i.expected)), describe(i.input));
    }
    case 'too_small': {
      const min = Number(i.minimum);
      if (i.origin === 'string') return min <= 1 ? vmsg.emptyText() : vmsg.tooShort(min);
      if (i.origin === 'array') return vmsg.tooFewItems(min);
      if (min === 0) return i.inclusive ? vmsg.nonNegative(v) : vmsg.positive(v);
      return i.inclusive ? vmsg.atLeast(min, v) : vmsg.greaterThan(min, v);
    }
    case 'too_big': {
      const max = Number(i.maximum);
      if (i.origin === 'array') return vmsg.tooManyItems(max);
      if (i.origin === 'string') return vmsg.tooLong(max);
      return i.inclusive ? vmsg.atMost(max, v) : vmsg.lessThan(max, v);
    }
    case 'invalid_value':
      return i.input === undefined ? undefined : vmsg.oneOfValues(i.values ?? [], describe(i.input));
    default:
      return undefined;
  }
}

/** How well a failed union branch fits the input: lower is better, Infinity is the wrong type. */
function branchScore(branch: readonly Issue[], input: unknown): number {
  let unknown = 0, missing = 0, other = 0;
  for (const b of branch) {
    if (b.code === 'invalid_union' && b.note === 'No matching discriminator') {
      // A distribution without a (valid) `dist`: the user meant one only if the keys say so.
      const keys = isObj(input) ? Object.keys(input) : [];
      if (!keys.includes('dist') && !keys.some((k) => DIST_KEYS.includes(k))) return Infinity;
      other++;
    } else if (b.path.length === 0 && b.code === 'invalid_type') return Infinity;
    else if (b.path.length === 0 && b.code === 'invalid_union') {
      const inner = (b as { errors?: Issue[][] }).errors ?? [];
      const best = Math.min(...inner.map((e) => branchScore(e, input)));
      if (best === Infinity) return Infinity;
      other += best;
    } else if (b.path.length === 0 && b.code === 'unrecognized_keys') unknown += b.keys?.length ?? 1;
    else if (b.path.length === 1 && b.code === 'invalid_key') unknown++;
    else if (b.path.length === 1 && b.input === undefined) missing++;
    else other++;
  }
  return unknown * 100 + missing * 10 + other;
}

/** Flattens zod issues into located problems, picking the branch of a failed union the user meant. */
function flattenIssues(issues: readonly Issue[], base: (string | number)[] = [], union?: (string | number)[]): Flat[] {
  const out: Flat[] = [];
  const push = (f: Flat) => out.push({ ...f, cut: union ?? f.path });
  for (const iss of issues) {
    const path = [...base, ...iss.path.map((x) => (typeof x === 'symbol' ? String(x) : x))];
    const input = iss.input;
    if (input === undefined && path.length > 0 && ['invalid_type', 'invalid_union', 'invalid_value'].includes(iss.code)) {
      push({ path, message: '', at: 'key', missing: true });
    } else if (iss.code === 'unrecognized_keys') {
      const keys = iss.keys ?? [];
      const parts = iss.message.split(KEY_MESSAGE_SEPARATOR);
      keys.forEach((k, j) => push({ path: [...path, k], message: parts.length === keys.length ? parts[j] : iss.message, at: 'key' }));
    } else if (iss.code === 'invalid_key') {
      push({ path, message: iss.issues?.[0]?.message ?? iss.message, at: 'key' });
    } else if (iss.code === 'invalid_union' && iss.note !== 'No matching discriminator') {
      const branches = ((iss as { errors?: Issue[][] }).errors ?? []);
      let best: Issue[] | null = null, bestScore = Infinity;
      for (const branch of branches) {
        const score = branchScore(branch, input);
        if (score < bestScore) { bestScore = score; best = branch; }
      }
      const clash = best ? exclusiveKeys(best, branches) : null;
      if (clash) push({ path, message: vmsg.oneOf(clash[0], clash[1]), at: 'value' });
      else if (best) out.push(...flattenIssues(best, path, union ?? path));
      else push({ path, message: vmsg.expected(unionExpectation(path, branches), describe(input)), at: 'value' });
    } else {
      push({ path, message: iss.message, at: 'value' });
    }
  }
  // A misspelt key also shows up as a missing one: report only the misspelling.
  const dropped = new Set<Flat>();
  for (const u of out) {
    if (u.missing || u.at !== 'key' || u.path.length === 0) continue;
    const parent = formatPath(u.path.slice(0, -1));
    const siblings = out.filter((m) => m.missing && m.path.length === u.path.length && formatPath(m.path.slice(0, -1)) === parent);
    const hint = closest(String(u.path[u.path.length - 1]), siblings.map((m) => String(m.path[m.path.length - 1])));
    if (hint !== null) siblings.filter((m) => String(m.path[m.path.length - 1]) === hint).forEach((m) => dropped.add(m));
  }
  return out.filter((f) => !dropped.has(f));
}

/**
 * Two alternatives given at once ({lastYears, share}, {meanAge, sd, byAge}, {value, dist}): the
 * best branch and another one each reject only the other's keys. Returns [their key, our key].
 */
function exclusiveKeys(best: readonly Issue[], branches: readonly (readonly Issue[])[]): [string, string] | null {
  const onlyUnknown = (b: readonly Issue[]) => b.length === 1 && b[0].code === 'unrecognized_keys' && b[0].path.length === 0 ? (b[0].keys ?? []) : null;
  const mine = onlyUnknown(best);
  if (!mine?.length) return null;
  for (const other of branches) {
    const theirs = other === best ? null : onlyUnknown(other);
    if (theirs?.length && !theirs.some((k) => mine.includes(k))) return [theirs[0], mine[0]];
  }
  return null;
}

function unionExpectation(path: (string | number)[], branches: readonly (readonly Issue[])[]): string {
  // A union of plain types (number or text): name them.
  const simple = new Set(['number', 'string', 'boolean']);
  const types = branches.map((b) => (b.length === 1 && b[0].code === 'invalid_type' && b[0].path.length === 0 ? (b[0] as { expected?: string }).expected : undefined));
  if (types.length > 0 && types.every((t) => t !== undefined && simple.has(t))) return vmsg.either([...new Set(types as string[])].map(vmsg.typeWord));
  const last = String(path[path.length - 1] ?? '');
  if (['intake', 'targetHeadcount', 'growth', 'perYear', 'recruitment', 'maxTotal'].includes(last)) return vmsg.seriesForm();
  if (['specialist', 'st', 'norm'].includes(last) && (path.includes('norms') || last === 'norm')) return vmsg.normForm();
  if (last === 'retirement') return vmsg.retirementForm();
  if (last === 'listable') return vmsg.listableForm();
  if (last === 'byTrainingYear') return vmsg.byTrainingYearForm();
  return vmsg.scalarForm();
}

/**
 * The checks of `normalize` (ranges, sums, tables against the horizon) run only on a document
 * the schema accepts. So that a file's problems are all reported in one round, they also run on
 * the document without the values the schema rejected, and report what does not follow from
 * those (a removed value is not also "required", a misspelt key not also missing).
 */
function laterProblems(doc: Obj, flat: readonly Flat[], keyOf: (i: number, path: Path) => string): Flat[] {
  const cut: (string | number)[][] = [];
  const pruned = structuredClone(doc);
  let issues = flat;
  let again = null;
  // A removed value may leave its parent invalid (a distribution without `dist`): a few rounds.
  for (let round = 0; round < 4; round++) {
    for (const f of issues) {
      // Keys the later checks do not look at: any valid stand-in will do.
      if (f.path.length === 1 && (f.path[0] === 'name' || f.path[0] === 'countBasis')) {
        pruned[f.path[0]] = f.path[0] === 'name' ? '?' : 'health-centres';
        continue;
      }
      // A missing key: without the object that lacks it (or the parameter it is part of).
      let p = f.missing && (f.cut ?? f.path).length === f.path.length ? f.path.slice(0, -1) : (f.cut ?? f.path);
      while (p.length > 0 && Array.isArray(getIn(pruned, p.slice(0, -1)))) p = p.slice(0, -1); // drop whole lists
      if (p.length === 0 || (p[0] === 'regions' && p.length <= 2)) return [];
      const parent = getIn(pruned, p.slice(0, -1));
      if (isObj(parent)) delete parent[p[p.length - 1] as string];
      cut.push(p);
    }
    again = ScenarioSchema.safeParse(pruned, PARSE);
    if (again.success) break;
    issues = flattenIssues(again.error.issues as Issue[]);
  }
  if (!again?.success) return [];
  let found: PathProblem[];
  try {
    found = normalize(again.data as ScenarioIn & { regions: RegionIn[] }, { keyOf }).problems;
  } catch {
    return []; // the problems found so far stand on their own
  }
  const prefix = (a: readonly (string | number)[], b: readonly (string | number)[]) => a.length <= b.length && a.every((x, i) => x === b[i]);
  // A misspelt top-level block (`specialsts:`) stays at the top; what it should have been is
  // looked for in every region.
  const misspelt = (c: readonly (string | number)[], p: readonly (string | number)[]) => {
    if (c.length === 1 && p[0] === 'regions' && p.length === 3) p = p.slice(2);
    return c.length === p.length && prefix(c.slice(0, -1), p) && closest(String(c[c.length - 1]), [String(p[p.length - 1])]) !== null;
  };
  return found
    .filter((p) => !cut.some((c) => prefix(c, p.path) || prefix(p.path, c) || misspelt(c, p.path)))
    .map((p) => ({ path: p.path, message: p.message, at: 'value' as const }));
}

/**
 * How the schema is applied: every issue with its input, in our words. `jitless`: a scenario is
 * checked once or twice per process, and zod's generated object checkers (code made with
 * `new Function`, compiled anew in every process) cost more start-up time than they save (issue 15).
 */
const PARSE = { reportInput: true, error: zodMessage, jitless: true } as const;

export interface ValidateResult { scenario: Scenario | null; problems: Problem[] }

/**
 * Every `__proto__` key (from the file or --set), with its path. Copying objects key by key would
 * turn such a key into a prototype and drop it silently; it is an unknown key like any other.
 */
function protoKeys(v: unknown, path: (string | number)[] = []): (string | number)[][] {
  if (Array.isArray(v)) return v.flatMap((x, i) => protoKeys(x, [...path, i]));
  if (!isObj(v)) return [];
  return Object.keys(v).flatMap((k) => (k === '__proto__' ? [[...path, k]] : protoKeys(v[k], [...path, k])));
}

/**
 * Control characters in a text or a key: C0 other than tab and line breaks, DEL, and C1. A scenario
 * name with `ESC [ 31 m` (a file mailed from elsewhere, or a --set) was printed as it was: a
 * terminal ran it as a command (colours, the window title, worse on some terminals).
 */
function controlChars(v: unknown, path: (string | number)[] = []): { path: (string | number)[]; key: boolean; code: number; index: number }[] {
  const found = (s: string, key: boolean) => {
    const m = CONTROL.exec(s);
    return m ? [{ path, key, code: m[0].charCodeAt(0), index: m.index + 1 }] : [];
  };
  if (typeof v === 'string') return found(v, false);
  if (Array.isArray(v)) return v.flatMap((x, i) => controlChars(x, [...path, i]));
  if (!isObj(v)) return [];
  return Object.keys(v).flatMap((k) => {
    const inKey = CONTROL.exec(k);
    return inKey ? [{ path: [...path, k], key: true, code: inKey[0].charCodeAt(0), index: inKey.index + 1 }] : controlChars(v[k], [...path, k]);
  });
}

/**
 * Paths of `sources.<id>.url` values that are not http(s) addresses. The report makes each a link:
 * `javascript:alert(1)` in a scenario mailed from elsewhere would run in the reader's browser on a click.
 */
function badUrls(v: Record<string, unknown>): (string | number)[][] {
  const sources = v.sources;
  if (!isObj(sources)) return [];
  return Object.entries(sources).flatMap(([id, s]) => (isObj(s) && typeof s.url === 'string' && !/^https?:\/\/[^\s]+$/i.test(s.url.trim()) ? [['sources', id, 'url']] : []));
}

/**
 * Paths of names made of spaces only (`name`, `region`, `total.name`, `regions[i].name`): the schema
 * asks for at least one character, and `region: "  "` passed, leaving tables and charts with a blank
 * where the region's name belongs.
 */
function blankNames(v: Record<string, unknown>): (string | number)[][] {
  const blank = (x: unknown) => typeof x === 'string' && x.length > 0 && x.trim() === '';
  const paths: (string | number)[][] = [];
  if (blank(v.name)) paths.push(['name']);
  if (blank(v.region)) paths.push(['region']);
  if (isObj(v.total) && blank(v.total.name)) paths.push(['total', 'name']);
  if (Array.isArray(v.regions)) v.regions.forEach((r, i) => { if (isObj(r) && blank(r.name)) paths.push(['regions', i, 'name']); });
  return paths;
}

/** The keys a mapping at `path` may have (for the unknown-key message). */
function allowedAt(path: readonly (string | number)[], doc: unknown): string[] {
  const shape = (schemaAt(path, doc)?.schema as { shape?: Record<string, unknown> } | undefined)?.shape;
  return shape ? Object.keys(shape) : [];
}

/**
 * A `--set` of a top-level (default) region key that every region gives itself changes nothing:
 * a problem at the --set that names the region's own key to set instead (the region's value and
 * the default are not merged into one, so this is the whole answer, reported before the rest).
 */
function setsEveryRegionOverrides(loaded: LoadedDoc): Problem[] {
  const raw = loaded.value;
  const list = Array.isArray(raw.regions) ? (raw.regions as unknown[]) : null;
  if (!list || list.length === 0) return [];
  const problems: Problem[] = [];
  const walk = (v: unknown, path: (string | number)[]): void => {
    const o = loaded.origins.get(pathKey(path));
    if (o && o.file.startsWith('--set')) {
      if (list.every((r) => getIn(r, path) !== undefined)) {
        const first = locate(loaded, ['regions', 0, ...path]);
        problems.push({ ...o, path: formatPath(path), message: vmsg.setOverriddenByRegions(formatPath(path), `${first.file}:${first.line}:${first.col}`) });
      }
      return;
    }
    if (isObj(v)) for (const [k, c] of Object.entries(v)) walk(c, [...path, k]);
  };
  for (const k of REGION_KEYS as string[]) if (raw[k] !== undefined) walk(raw[k], [k]);
  return problems;
}

export function validate(loaded: LoadedDoc): ValidateResult {
  const protos = protoKeys(loaded.value);
  if (protos.length > 0) {
    const problems = protos.map((p): Problem => ({ ...locateKey(loaded, p), path: formatPath(p), message: vmsg.unknownKey('__proto__', allowedAt(p.slice(0, -1), loaded.value)) }));
    return { scenario: null, problems };
  }
  const controls = controlChars(loaded.value);
  if (controls.length > 0) {
    return { scenario: null, problems: controls.map((c): Problem => ({ ...(c.key ? locateKey : locate)(loaded, c.path), path: formatPath(c.path), message: vmsg.controlChar(c.code, c.index) })) };
  }
  const urls = badUrls(loaded.value);
  if (urls.length > 0) return { scenario: null, problems: urls.map((p): Problem => ({ ...locate(loaded, p), path: formatPath(p), message: vmsg.badUrl() })) };
  const blanks = blankNames(loaded.value);
  if (blanks.length > 0) return { scenario: null, problems: blanks.map((p): Problem => ({ ...locate(loaded, p), path: formatPath(p), message: vmsg.blankName() })) };
  const overridden = setsEveryRegionOverrides(loaded);
  if (overridden.length > 0) return { scenario: null, problems: overridden };
  const ex = expandRegions(loaded);
  const toProblem = (f: Flat): Problem => {
    const w = ex.where(f.path, f.at);
    // Like normalize's messages, name a region's key without the regions[i] prefix.
    const inRegion = f.path[0] === 'regions' && typeof f.path[1] === 'number' && f.path.length > 2;
    const message = f.missing ? vmsg.missing(formatPath(inRegion ? f.path.slice(2) : f.path), schemaAt(f.path, ex.doc)?.description) : f.message;
    return { ...w.origin, path: w.shown, message };
  };
  const keyOf = (i: number, path: Path) => ex.where(['regions', i, ...path]).declared;
  const parsed = ScenarioSchema.safeParse(ex.doc, PARSE);
  let problems: Problem[];
  let scenario: Scenario | null = null;
  if (!parsed.success) {
    const flat = flattenIssues(parsed.error.issues as Issue[]);
    problems = flat.map(toProblem);
    problems.push(...laterProblems(ex.doc, flat, keyOf).map(toProblem));
  } else {
    const s = parsed.data as ScenarioIn & { regions: RegionIn[] };
    const res = normalize(s, { keyOf });
    problems = res.problems.map((p) => toProblem({ path: p.path, message: p.message, at: 'value' }));
    scenario = res.scenario;
  }
  // One problem per place and message (an inherited value is checked in every region).
  const seen = new Set<string>();
  problems = problems.filter((p) => {
    const k = `${p.file}:${p.line}:${p.col}|${p.path}|${p.message}`;
    if (seen.has(k)) return false;
    seen.add(k);
    return true;
  });
  // Files in the order they were read (base first), then --set expressions; by line within each.
  const rank = (file: string) => { const r = loaded.files.indexOf(file); return r < 0 ? loaded.files.length : r; };
  problems.sort((a, b) => rank(a.file) - rank(b.file) || (a.file < b.file ? -1 : a.file > b.file ? 1 : 0) || a.line - b.line || a.col - b.col);
  return { scenario: problems.length ? null : scenario, problems };
}

/** Validates or throws a ScenarioError listing every problem. */
export function validateOrThrow(loaded: LoadedDoc): Scenario {
  const r = validate(loaded);
  if (!r.scenario) throw new ScenarioError(r.problems);
  return r.scenario;
}

export { pathKey };
