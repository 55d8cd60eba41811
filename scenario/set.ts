// `--set path=value` overrides applied to a loaded document (value = one YAML flow value).
import { isMap, isSeq } from 'yaml';
import { ScenarioError, formatPath, msg, type Origin, type Problem } from './errors.js';
import { BOMB, MAX_DEPTH, literalAliases, parseBounded, toJSCapped, walkNode } from './yaml.js';
import { SV_TWIN, cloneTree, dropOrigins, getOwn, isPlainObject, linePosIn, pathKey, putOwn, type LoadedDoc, type OriginMaps, type Path } from './doc.js';

// ---------------------------------------------------------------- --set

interface SetExpr {
  expr: string;
  file: string;
  path: Path; // keys as strings, explicit [n] as numbers
  pathCol: number;
  value: unknown;
  origins: Map<string, Origin>; // keyed by path relative to the value ('' = the value itself)
  keyOrigins: Map<string, Origin>; // keys inside the value, relative likewise
}

class SetError extends Error {
  constructor(readonly problem: Problem) {
    super(problem.message);
  }
}

/**
 * Applies `path=value` overrides (value = one YAML flow value). `null` deletes
 * a key, consistent with `extends`. Pure: returns a new doc.
 */
export function applySets(doc: LoadedDoc, sets: string[]): LoadedDoc {
  const value = cloneTree(doc.value) as Record<string, unknown>;
  const maps: OriginMaps = { origins: new Map(doc.origins), keyOrigins: new Map(doc.keyOrigins) };
  const problems: Problem[] = [];
  for (const expr of sets) {
    try {
      applySet(value, maps, parseSet(expr));
    } catch (e) {
      if (e instanceof SetError) problems.push(e.problem);
      else if (e instanceof ScenarioError) problems.push(...e.problems);
      else throw e;
    }
  }
  if (problems.length > 0) throw new ScenarioError(problems);
  return { value, ...maps, files: [...doc.files] };
}

function parseSet(expr: string): SetExpr {
  const file = `--set ${expr}`;
  const fail = (offset: number, reason: string, path = ''): never => {
    const { line, col } = linePosIn(expr, offset);
    throw new SetError({ file, line, col, path, message: msg.badSet(expr, reason) });
  };

  // Node decodes the command line as UTF-8: a byte that is not (`$(printf '\xff')`, a Latin-1 "ä")
  // arrives as U+FFFD, which would be taken silently; files that are not UTF-8 are refused too.
  const bad = expr.indexOf('\uFFFD');
  const eq = expr.indexOf('=');
  if (bad >= 0) {
    const path = eq >= 0 && bad > eq ? expr.slice(0, eq).trim() : '';
    return fail(bad, msg.setNotUtf8([...expr.slice(0, bad)].length + 1), path);
  }
  if (eq < 0) return fail(0, msg.setNoEquals());
  const rawPath = expr.slice(0, eq);
  const pathStart = rawPath.length - rawPath.trimStart().length;
  const pathText = rawPath.trim();
  if (pathText === '') return fail(0, msg.setEmptyPath());
  const path = parseSetPath(pathText, (i, detail) => fail(pathStart + i, msg.setBadPath(detail)));
  if (path.length > MAX_DEPTH) return fail(pathStart, msg.setPathTooLong(path.length, MAX_DEPTH));
  const shown = formatPath(path);

  const rawValue = expr.slice(eq + 1);
  const valueStart = eq + 1 + (rawValue.length - rawValue.trimStart().length);
  const valueText = rawValue.trim();
  if (valueText === '') return fail(eq + 1, msg.setEmptyValue(), shown);

  const parsed = parseBounded(valueText, { uniqueKeys: true, prettyErrors: false, logLevel: 'error' });
  if ('tooDeep' in parsed) return fail(valueStart + parsed.tooDeep, msg.tooDeep(MAX_DEPTH), shown);
  const { doc } = parsed;
  const err = doc.errors.find((e) => e.code !== 'DUPLICATE_KEY') ?? doc.warnings[0];
  if (err) return fail(valueStart + err.pos[0], msg.setValueSyntax(err.message.split('\n')[0]), shown);
  const node = doc.contents;
  if (node === null) return fail(valueStart, msg.setEmptyValue(), shown); // e.g. only a comment
  if ((isMap(node) || isSeq(node)) && !node.flow) return fail(valueStart, msg.setBlockValue(), shown);

  const at = (offset: number): Origin => ({ file, ...linePosIn(expr, valueStart + offset) });
  for (const a of literalAliases(node)) {
    if (a.resolve(doc) === undefined) return fail(valueStart + (a.range?.[0] ?? 0), msg.unknownAlias(a.source), shown);
  }
  const raw = toJSCapped(doc);
  if (raw === BOMB) return fail(valueStart, msg.aliasBomb(), shown);
  const origins = new Map<string, Origin>();
  const keyOrigins = new Map<string, Origin>();
  const problems: Problem[] = [];
  walkNode(doc, at, { origins, keyOrigins }, problems, node, [], node.range?.[0] ?? 0);
  if (problems.length > 0) {
    // Walk paths are relative to the value: show them under the target path.
    throw new ScenarioError(
      problems.map((p) => ({ ...p, path: shown + suffixJoin(p.path), message: msg.badSet(expr, p.message) })),
    );
  }
  const value = cloneTree(raw);
  return { expr, file, path, pathCol: pathStart, value, origins, keyOrigins };
}

/** `a.b[0].c` -> ['a', 'b', 0, 'c']; numeric keys stay strings until we know the container is a list. */
function parseSetPath(text: string, bad: (index: number, detail: string) => never): Path {
  const out: Path = [];
  let i = 0;
  for (;;) {
    const start = i;
    while (i < text.length && text[i] !== '.' && text[i] !== '[' && text[i] !== ']') i++;
    if (i === start) return bad(i, msg.setPathEmptyKey(i + 1));
    out.push(text.slice(start, i));
    while (text[i] === '[') {
      const close = text.indexOf(']', i);
      const inside = close < 0 ? text.slice(i + 1) : text.slice(i + 1, close);
      if (close < 0 || !/^\d+$/.test(inside)) return bad(i, msg.setPathBadIndex(text.slice(i, close < 0 ? text.length : close + 1)));
      out.push(Number(inside));
      i = close + 1;
    }
    if (i === text.length) return out;
    if (text[i] !== '.') return bad(i, msg.setPathUnexpected(text[i]));
    i++;
  }
}

function applySet(root: Record<string, unknown>, maps: OriginMaps, set: SetExpr): void {
  const origin: Origin = { file: set.file, ...linePosIn(set.expr, set.pathCol) };
  const fail = (path: Path, reason: string): never => {
    throw new SetError({ ...origin, path: formatPath(path), message: msg.badSet(set.expr, reason) });
  };

  let container: unknown = root;
  const done: Path = [];
  for (let s = 0; s < set.path.length; s++) {
    const last = s === set.path.length - 1;
    const seg = resolveSegment(container, set.path[s], done, fail);
    const here: Path = [...done, seg];
    const c = container as Record<string | number, unknown>;
    if (last) {
      const old = typeof seg === 'number' ? c[seg] : getOwn(c as Record<string, unknown>, seg);
      // A text set or deleted on its own (`…note=…`, `description=…`): its Swedish twin, written
      // for the old text, goes with it (as when an `extends` layer rewrites the text).
      const twin = typeof seg === 'string' && Object.hasOwn(SV_TWIN, seg) ? SV_TWIN[seg] : undefined;
      if (twin !== undefined && getOwn(c as Record<string, unknown>, twin) !== undefined) {
        dropOrigins(maps, getOwn(c as Record<string, unknown>, twin), [...done, twin]);
        delete c[twin];
      }
      if (set.value === null) {
        if (typeof seg === 'number') return fail(here, msg.setDeleteListItem());
        dropOrigins(maps, old, here);
        delete c[seg];
        return;
      }
      dropOrigins(maps, old, here);
      if (typeof seg === 'number') c[seg] = set.value;
      else {
        putOwn(c as Record<string, unknown>, seg, set.value);
        maps.keyOrigins.set(pathKey(here), origin);
      }
      for (const [k, o] of set.origins) maps.origins.set(pathKey(here) + suffixJoin(k), o);
      for (const [k, o] of set.keyOrigins) maps.keyOrigins.set(pathKey(here) + suffixJoin(k), o);
      return;
    }
    let next = typeof seg === 'number' ? c[seg] : getOwn(c as Record<string, unknown>, seg);
    if (next === undefined || next === null) {
      // Create the missing intermediate; its kind follows the next segment.
      next = typeof set.path[s + 1] === 'number' ? [] : {};
      if (typeof seg === 'number') c[seg] = next;
      else {
        putOwn(c as Record<string, unknown>, seg, next);
        maps.keyOrigins.set(pathKey(here), origin);
      }
      maps.origins.set(pathKey(here), origin);
    }
    container = next;
    done.push(seg);
  }
}

// Origins of the set value were recorded relative to the value; re-root them.
function suffixJoin(relKey: string): string {
  if (relKey === '' || relKey.startsWith('[')) return relKey;
  return `.${relKey}`;
}

function resolveSegment(container: unknown, seg: string | number, done: Path, fail: (p: Path, r: string) => never): string | number {
  if (Array.isArray(container)) {
    const index = typeof seg === 'number' ? seg : /^\d+$/.test(seg) ? Number(seg) : undefined;
    if (index === undefined) return fail(done, msg.setNotAMapping(formatPath(done)));
    if (index > container.length) return fail([...done, index], msg.setIndexOutOfRange(index, container.length));
    return index;
  }
  if (!isPlainObject(container)) return fail(done, msg.setNotAMapping(formatPath(done)));
  if (typeof seg === 'number') return fail(done, msg.setNotAList(formatPath(done)));
  return seg;
}

