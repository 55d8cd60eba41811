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
import { formatPath, ScenarioError, type Origin, type Problem } from './errors.js';
import { locate, pathKey, type LoadedDoc } from './load.js';
import { normalize, type Path, type Scenario } from './normalize.js';
import { REGION_KEYS, Scenario as ScenarioSchema, describe, type RegionIn, type ScenarioIn } from './schema.js';
import { vmsg } from './messages.js';

type Obj = Record<string, unknown>;
const isObj = (v: unknown): v is Obj => v !== null && typeof v === 'object' && !Array.isArray(v);

/** Objects merge key by key; arrays and scalars replace; null deletes (same rule as `extends`). */
export function deepMerge(base: unknown, over: unknown): unknown {
  if (over === undefined) return base;
  if (!isObj(base) || !isObj(over)) return over;
  const out: Obj = { ...base };
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
  /** Where a path of the expanded document was written, and how to show it. */
  where(path: readonly (string | number)[]): { origin: Origin; shown: string; declared: string };
}

export function expandRegions(loaded: LoadedDoc): Expanded {
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
    : [{ name: (raw.region as string | undefined) ?? raw.name, ...top }];
  const doc: Obj = { ...globals, regions: raw.regions !== undefined && !list ? raw.regions : regions };
  if (raw.region !== undefined) doc.region = raw.region;

  const where = (path: readonly (string | number)[]) => {
    if (path[0] === 'regions' && typeof path[1] === 'number') {
      const i = path[1];
      const rest = path.slice(2);
      const name = String(getIn(regions[i], ['name']) ?? i);
      if (list) {
        // Declared in the region itself (deepest defined prefix there), or inherited from the top.
        const own = getIn(list[i], rest) !== undefined || getIn(top, rest) === undefined;
        if (own) return { origin: locate(loaded, ['regions', i, ...rest]), shown: formatPath(['regions', i, ...rest]), declared: `regions[${name}]${rest.length ? '.' + formatPath(rest) : ''}` };
      } else if (rest.length === 0 || (rest[0] === 'name' && rest.length === 1)) {
        return { origin: locate(loaded, raw.region !== undefined ? ['region'] : ['name']), shown: raw.region !== undefined ? 'region' : 'name', declared: formatPath(rest) };
      }
      return { origin: locate(loaded, rest), shown: formatPath(rest), declared: formatPath(rest) };
    }
    return { origin: locate(loaded, path), shown: formatPath(path), declared: formatPath(path) };
  };
  return { doc, where };
}

/** Picks the most relevant branch of a failed union, so messages stay precise. */
function flattenIssues(issues: readonly z.core.$ZodIssue[], base: PropertyKey[] = []): { path: PropertyKey[]; message: string }[] {
  const out: { path: PropertyKey[]; message: string }[] = [];
  for (const iss of issues) {
    const path = [...base, ...iss.path];
    if (iss.code === 'invalid_union' && 'errors' in iss && iss.errors.length > 0) {
      // Score each branch by how badly its shape mismatches at the union's own level.
      let best: readonly z.core.$ZodIssue[] | null = null, bestScore = Infinity;
      for (const branch of iss.errors) {
        const rootMismatch = branch.filter((b) => b.path.length === 0 && (b.code === 'invalid_type' || b.code === 'unrecognized_keys' || (b.code === 'invalid_union' && b.path.length === 0)));
        const missing = branch.filter((b) => b.code === 'invalid_type' && b.path.length === 1 && (b as { input?: unknown }).input === undefined);
        const score = rootMismatch.length * 1000 + missing.length * 10 + branch.length;
        if (score < bestScore) { bestScore = score; best = branch; }
      }
      if (best && bestScore < 1000) out.push(...flattenIssues(best, path));
      else {
        const input = (iss as { input?: unknown }).input;
        const disc = best?.find((b) => b.code === 'invalid_union' && b.path.length === 1 && b.path[0] === 'dist');
        out.push({ path, message: disc ? disc.message : `expected ${unionExpectation(path)}, got ${describe(input)}` });
      }
    } else if (iss.code === 'invalid_type' && (iss as { input?: unknown }).input === undefined) {
      out.push({ path, message: vmsg.missing(String(path[path.length - 1] ?? '')) });
    } else {
      out.push({ path, message: iss.message });
    }
  }
  return out;
}

function unionExpectation(path: PropertyKey[]): string {
  const last = String(path[path.length - 1] ?? '');
  if (['intake', 'targetHeadcount', 'growth', 'perYear', 'recruitment', 'maxTotal'].includes(last)) return vmsg.seriesForm().replace(/^expected /, '');
  if (['specialist', 'st', 'norm'].includes(last) && path.includes('norms')) return vmsg.normForm().replace(/^expected /, '');
  if (last === 'retirement') return '{meanAge, sd} or {byAge: {age: share, …}}';
  if (last === 'listable') return '{lastYears: n} or {share: s}';
  return 'a number, {value: n, source: id} or a distribution {dist: normal|lognormal|uniform|triangular|pert, …}';
}

export interface ValidateResult { scenario: Scenario | null; problems: Problem[] }

export function validate(loaded: LoadedDoc): ValidateResult {
  const ex = expandRegions(loaded);
  const toProblem = (path: readonly PropertyKey[], message: string): Problem => {
    const p = path.map((x) => (typeof x === 'symbol' ? String(x) : x)) as (string | number)[];
    const w = ex.where(p);
    return { ...w.origin, path: w.shown, message };
  };
  const parsed = ScenarioSchema.safeParse(ex.doc, { reportInput: true });
  let problems: Problem[];
  let scenario: Scenario | null = null;
  if (!parsed.success) {
    problems = flattenIssues(parsed.error.issues).map((i) => toProblem(i.path, i.message));
  } else {
    const s = parsed.data as ScenarioIn & { regions: RegionIn[] };
    const res = normalize(s, { keyOf: (i: number, path: Path) => ex.where(['regions', i, ...path]).declared });
    problems = res.problems.map((p) => toProblem(p.path, p.message));
    scenario = res.scenario;
  }
  // One problem per place and message (an inherited value is checked in every region).
  const seen = new Set<string>();
  problems = problems.filter((p) => {
    const k = `${p.file}:${p.line}:${p.col}|${p.message}`;
    if (seen.has(k)) return false;
    seen.add(k);
    return true;
  });
  problems.sort((a, b) => (a.file === b.file ? a.line - b.line || a.col - b.col : a.file < b.file ? -1 : 1));
  return { scenario: problems.length ? null : scenario, problems };
}

/** Validates or throws a ScenarioError listing every problem. */
export function validateOrThrow(loaded: LoadedDoc): Scenario {
  const r = validate(loaded);
  if (!r.scenario) throw new ScenarioError(r.problems);
  return r.scenario;
}

export { pathKey };
