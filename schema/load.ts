// YAML scenario text -> merged plain JS value, plus the file:line:col of every
// value so later validation can point at the exact spot in the user's file.
import { LineCounter, isAlias, type Alias, isMap, isPair, isScalar, isSeq, parseDocument, visit, type Document } from 'yaml';
import { ScenarioError, formatPath, msg, type Origin, type Problem } from './errors.js';

/** Injected so this module never touches the file system itself. */
export interface FileAccess {
  read(path: string): string;
  /** Path of `ref` relative to `fromFile`; should be normalized, since cycles are found by comparing paths. */
  resolve(fromFile: string, ref: string): string;
}

export interface LoadedDoc {
  value: Record<string, unknown>;
  /** Keyed by pathKey(path); '' is the root. */
  origins: Map<string, Origin>;
  /**
   * Where the key of each mapping entry was written (same keys as `origins`; none for the root or
   * list items). Always set by this module; optional for hand-made documents.
   */
  keyOrigins?: Map<string, Origin>;
  /** Every file involved, base first, entry last. */
  files: string[];
}

type Path = (string | number)[];

/** Key used in `origins`. */
export function pathKey(path: readonly (string | number)[]): string {
  return formatPath(path);
}

// Passed to toJS: caps alias expansion ("billion laughs").
const MAX_ALIAS_COUNT = 100;
// Our walk expands aliases too (to record origins inside them); toJS's cap
// normally bounds it, this is the backstop when toJS cannot run.
const MAX_WALK_NODES = 100_000;

// ---------------------------------------------------------------- loading

/** Loads `entry` and its `extends` chain; throws ScenarioError listing every problem found. */
export function loadScenario(entry: string, fa: FileAccess): LoadedDoc {
  return loadFile(entry, fa, [], undefined);
}

/** `chain`: files currently extending something, outermost first; `from`: where the `extends` naming `file` was written. */
function loadFile(file: string, fa: FileAccess, chain: string[], from: Origin | undefined): LoadedDoc {
  let src: string;
  try {
    src = fa.read(file);
  } catch {
    throw new ScenarioError([
      from
        ? { ...from, path: 'extends', message: msg.extendsNotFound(file) }
        : { file, line: 1, col: 1, path: '', message: msg.fileNotFound(file) },
    ]);
  }
  const own = parseFile(file, src);
  if (own.extends === undefined) return { value: own.value, origins: own.origins, keyOrigins: own.keyOrigins, files: [file] };

  const { ref, origin } = own.extends;
  let baseFile: string;
  try {
    baseFile = fa.resolve(file, ref);
  } catch {
    throw new ScenarioError([{ ...origin, path: 'extends', message: msg.extendsNotFound(ref) }]);
  }
  const here = [...chain, file];
  const seen = here.indexOf(baseFile);
  if (seen >= 0) {
    throw new ScenarioError([
      { ...origin, path: 'extends', message: msg.extendsCycle([...here.slice(seen), baseFile]) },
    ]);
  }
  const base = loadFile(baseFile, fa, here, origin);
  const merged = mergeDocs({ ...base, keyOrigins: base.keyOrigins ?? new Map() }, own);
  return { ...merged, files: [...base.files, file] };
}

interface ParsedFile extends OriginMaps {
  value: Record<string, unknown>;
  extends?: { ref: string; origin: Origin };
}

function parseFile(file: string, src: string): ParsedFile {
  const lineCounter = new LineCounter();
  // logLevel 'error': yaml would console.warn about collection keys; we report those ourselves.
  const doc = parseDocument(src, { lineCounter, uniqueKeys: true, prettyErrors: false, logLevel: 'error' });
  const at = (offset: number): Origin => {
    const { line, col } = lineCounter.linePos(offset);
    // linePos reports line 0 before the first newline is known (e.g. one-line files).
    return line === 0 ? { file, line: 1, col: offset + 1 } : { file, line, col };
  };
  const problems: Problem[] = [];
  for (const e of [...doc.errors, ...doc.warnings]) {
    // Our walk reports duplicates itself, with the key and its path.
    if (e.code === 'DUPLICATE_KEY') continue;
    let detail = e.message.split('\n')[0];
    const opener = unclosedBefore(doc, src, e.pos[0], detail);
    if (opener) {
      const o = at(opener.offset);
      detail += ` (${msg.yamlUnclosed(opener.open, o.line, o.col)})`;
    }
    problems.push({
      ...at(e.pos[0]),
      path: '',
      message: e.name === 'YAMLWarning' ? msg.yamlWarning(detail) : msg.yamlSyntax(detail),
    });
  }
  if (!isMap(doc.contents)) {
    problems.push({ file, line: 1, col: 1, path: '', message: msg.topNotMapping() });
    throw new ScenarioError(sortProblems(problems));
  }

  // toJS throws on an alias without anchor (yaml does not report it at parse time).
  const aliases = literalAliases(doc.contents);
  const unknown = aliases.filter((a) => a.resolve(doc) === undefined);
  for (const a of unknown) problems.push({ ...at(a.range?.[0] ?? 0), path: '', message: msg.unknownAlias(a.source) });
  // toJS before our walk: its alias cap rejects a "billion laughs" before the
  // walk (which also expands aliases) could spend time on it. If toJS cannot
  // run (unknown alias), the walk's own budget is the guard.
  const raw = unknown.length === 0 ? toJSCapped(doc) : undefined;
  if (raw === BOMB) {
    problems.push({ ...at(aliases[0]?.range?.[0] ?? 0), path: '', message: msg.aliasBomb() });
    throw new ScenarioError(sortProblems(problems));
  }
  const origins = new Map<string, Origin>();
  const keyOrigins = new Map<string, Origin>();
  walkNode(doc, at, { origins, keyOrigins }, problems, doc.contents, [], doc.contents.range?.[0] ?? 0);
  if (problems.length > 0) throw new ScenarioError(sortProblems(problems));
  // Only now is the value known to be acyclic.
  const value = cloneTree(raw);
  if (!isPlainObject(value)) throw new Error('unreachable: mapping converted to a non-object');

  const out: ParsedFile = { value, origins, keyOrigins };
  if (Object.hasOwn(value, 'extends')) {
    const ref = value.extends;
    const origin = origins.get('extends') ?? at(0);
    if (typeof ref !== 'string' || ref.trim() === '') {
      throw new ScenarioError([{ ...origin, path: 'extends', message: msg.extendsNotString() }]);
    }
    dropOrigins(out, ref, ['extends']);
    delete value.extends;
    out.extends = { ref: ref.trim(), origin };
  }
  return out;
}

/**
 * yaml notices an unclosed `{`, `[` or quote only where the text after it stops making sense,
 * often the next line. Finds the innermost flow collection or quoted scalar that starts before
 * `pos` and does not end with its closing character.
 */
function unclosedBefore(doc: Document, src: string, pos: number, detail: string): { open: string; offset: number } | null {
  if (!/^(Flow map|Flow sequence|Missing closing)/.test(detail)) return null;
  let best: { open: string; offset: number } | null = null;
  visit(doc, (_key, node) => {
    const range = (node as { range?: number[] }).range;
    if (!range || range[0] >= pos || range[1] < pos) return;
    const text = src.slice(range[0], range[1]).trimEnd();
    let open: string | null = null, close = '';
    if ((isMap(node) || isSeq(node)) && node.flow) { open = isMap(node) ? '{' : '['; close = isMap(node) ? '}' : ']'; }
    else if (isScalar(node) && (node.type === 'QUOTE_DOUBLE' || node.type === 'QUOTE_SINGLE')) { open = node.type === 'QUOTE_DOUBLE' ? '"' : "'"; close = open; }
    if (open === null || src[range[0]] !== open || (text.length > 1 && text.endsWith(close))) return;
    if (!best || range[0] > best.offset) best = { open: open === '"' || open === "'" ? `quote ${open}` : `'${open}'`, offset: range[0] };
  });
  return best;
}

const BOMB = Symbol('alias bomb');

/** doc.toJS with the alias cap. The result shares objects between anchor and aliases and may be cyclic. */
function toJSCapped(doc: Document): unknown {
  try {
    return doc.toJS({ maxAliasCount: MAX_ALIAS_COUNT });
  } catch (e) {
    if (e instanceof ReferenceError && /excessive alias count/i.test(e.message)) return BOMB;
    throw e;
  }
}

/** Aliases as written (not expanded), in document order. */
function literalAliases(root: unknown): Alias[] {
  const out: Alias[] = [];
  const search = (n: unknown): void => {
    if (isAlias(n)) out.push(n);
    else if (isPair(n)) {
      search(n.key);
      search(n.value);
    } else if (isMap(n) || isSeq(n)) for (const item of n.items as unknown[]) search(item);
  };
  search(root);
  return out;
}

function sortProblems(ps: Problem[]): Problem[] {
  return [...ps].sort((a, b) => a.line - b.line || a.col - b.col);
}

// ---------------------------------------------------------------- AST walk

/**
 * Records the origin of every value under `node` (following aliases, so values
 * inside an alias point at the anchored text) and reports duplicate keys (also
 * 2025 vs "2025", which collapse in JS), non-scalar keys and circular aliases.
 */
function walkNode(
  doc: Document,
  at: (offset: number) => Origin,
  { origins, keyOrigins }: OriginMaps,
  problems: Problem[],
  root: unknown,
  rootPath: Path,
  rootOffset: number,
): void {
  const onPath = new Set<unknown>(); // collections being walked, to catch circular aliases
  const reported = new Set<unknown>();
  let budget = MAX_WALK_NODES;
  let aliasDepth = 0; // key checks only on literal text, so an alias used twice reports once

  const report = (node: unknown, offset: number, path: Path, message: string): void => {
    if (reported.has(node)) return;
    reported.add(node);
    problems.push({ ...at(offset), path: formatPath(path), message });
  };

  const visit = (node: unknown, path: Path, offset: number): boolean => {
    if (--budget < 0) {
      report(doc, offset, path, msg.aliasBomb());
      return false;
    }
    origins.set(pathKey(path), at(offset));
    return inner(node, path);
  };

  const inner = (node: unknown, path: Path): boolean => {
    if (isAlias(node)) {
      const target = node.resolve(doc);
      if (target === undefined) return true; // unknown anchor: reported before the walk
      if (onPath.has(target)) {
        report(node, node.range?.[0] ?? 0, path, msg.circularAlias(node.source));
        return true;
      }
      aliasDepth++;
      const ok = inner(target, path);
      aliasDepth--;
      return ok;
    }
    if (isMap(node)) {
      onPath.add(node);
      const seen = new Set<string>();
      for (const pair of node.items) {
        const keyNode = isAlias(pair.key) ? pair.key.resolve(doc) : pair.key;
        const keyOffset = (pair.key as { range?: number[] } | null)?.range?.[0] ?? 0;
        let key: string;
        if (keyNode === null || keyNode === undefined) key = '';
        else if (isScalar(keyNode)) key = keyNode.value === null ? '' : String(keyNode.value);
        else {
          if (aliasDepth === 0) report(pair, keyOffset, path, msg.complexKey());
          continue;
        }
        const childPath = [...path, key];
        if (seen.has(key)) {
          if (aliasDepth === 0) report(pair, keyOffset, childPath, msg.duplicateKey(key));
          continue;
        }
        seen.add(key);
        keyOrigins.set(pathKey(childPath), at(keyOffset));
        if (!visit(pair.value, childPath, valueOffset(pair.value, keyOffset))) return false;
      }
      onPath.delete(node);
    } else if (isSeq(node)) {
      onPath.add(node);
      let i = 0;
      for (const item of node.items) {
        const offset = (item as { range?: number[] } | null)?.range?.[0] ?? 0;
        // A `key: value` inside a flow sequence is a single-pair map in the JS value.
        const ok = isPair(item) ? visitPairAsMap(item, [...path, i], offset) : visit(item, [...path, i], offset);
        if (!ok) return false;
        i++;
      }
      onPath.delete(node);
    }
    return true;
  };

  const visitPairAsMap = (pair: { key: unknown; value: unknown }, path: Path, offset: number): boolean => {
    origins.set(pathKey(path), at(offset));
    const k = isScalar(pair.key) ? (pair.key.value === null ? '' : String(pair.key.value)) : null;
    if (k === null) {
      if (aliasDepth === 0) report(pair, offset, path, msg.complexKey());
      return true;
    }
    keyOrigins.set(pathKey([...path, k]), at(offset));
    return visit(pair.value, [...path, k], valueOffset(pair.value, offset));
  };

  visit(root, rootPath, rootOffset);
}

// An empty value (`key:`) has a zero-width node after the colon; the key is a
// more useful place to point at.
function valueOffset(value: unknown, keyOffset: number): number {
  const range = (value as { range?: number[] } | null)?.range;
  if (!range || range[0] === range[1]) return keyOffset;
  return range[0];
}

// ---------------------------------------------------------------- merging

/**
 * JSON-merge-patch semantics (RFC 7396): mappings merge key by key, lists and
 * scalars replace wholesale (merging lists by index would silently mix
 * regions of two scenarios), and `null` in the overriding file deletes the key.
 */
function mergeDocs(
  base: OriginMaps & { value: Record<string, unknown> },
  over: OriginMaps & { value: Record<string, unknown> },
): OriginMaps & { value: Record<string, unknown> } {
  const maps: OriginMaps = { origins: new Map(base.origins), keyOrigins: new Map(base.keyOrigins) };
  const value = mergeValue(cloneTree(base.value), over.value, [], maps, over);
  return { value: value as Record<string, unknown>, ...maps };
}

function mergeValue(base: unknown, over: unknown, path: Path, origins: OriginMaps, overOrigins: OriginMaps): unknown {
  if (!isPlainObject(over)) {
    dropOrigins(origins, base, path);
    copyOrigins(overOrigins, origins, over, path);
    return cloneTree(over);
  }
  let out: Record<string, unknown>;
  if (isPlainObject(base)) out = base;
  else {
    dropOrigins(origins, base, path);
    out = {};
  }
  const own = overOrigins.origins.get(pathKey(path));
  if (own) origins.origins.set(pathKey(path), own);
  const ownKey = overOrigins.keyOrigins.get(pathKey(path));
  if (ownKey) origins.keyOrigins.set(pathKey(path), ownKey);
  for (const k of Object.keys(over)) {
    const child = [...path, k];
    const v = over[k];
    const old = getOwn(out, k);
    if (v === null) {
      dropOrigins(origins, old, child);
      delete out[k];
    } else {
      putOwn(out, k, mergeValue(old, v, child, origins, overOrigins));
    }
  }
  return out;
}

/** Where values and keys were written; kept in step by every operation below. */
interface OriginMaps {
  origins: Map<string, Origin>;
  keyOrigins: Map<string, Origin>;
}

/** Removes the origins of `value` (at `path`) and everything below it. */
function dropOrigins(maps: OriginMaps, value: unknown, path: Path): void {
  if (value === undefined) return;
  forEachNode(value, path, (p) => {
    maps.origins.delete(pathKey(p));
    maps.keyOrigins.delete(pathKey(p));
  });
}

function copyOrigins(from: OriginMaps, to: OriginMaps, value: unknown, path: Path): void {
  forEachNode(value, path, (p) => {
    const o = from.origins.get(pathKey(p));
    if (o) to.origins.set(pathKey(p), o);
    const k = from.keyOrigins.get(pathKey(p));
    if (k) to.keyOrigins.set(pathKey(p), k);
  });
}

function forEachNode(value: unknown, path: Path, fn: (path: Path) => void): void {
  fn(path);
  if (Array.isArray(value)) value.forEach((v, i) => forEachNode(v, [...path, i], fn));
  else if (isPlainObject(value)) for (const k of Object.keys(value)) forEachNode(value[k], [...path, k], fn);
}

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

  const eq = expr.indexOf('=');
  if (eq < 0) return fail(0, msg.setNoEquals());
  const rawPath = expr.slice(0, eq);
  const pathStart = rawPath.length - rawPath.trimStart().length;
  const pathText = rawPath.trim();
  if (pathText === '') return fail(0, msg.setEmptyPath());
  const path = parseSetPath(pathText, (i, detail) => fail(pathStart + i, msg.setBadPath(detail)));
  const shown = formatPath(path);

  const rawValue = expr.slice(eq + 1);
  const valueStart = eq + 1 + (rawValue.length - rawValue.trimStart().length);
  const valueText = rawValue.trim();
  if (valueText === '') return fail(eq + 1, msg.setEmptyValue(), shown);

  const doc = parseDocument(valueText, { uniqueKeys: true, prettyErrors: false, logLevel: 'error' });
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

// ---------------------------------------------------------------- locate

/**
 * Where to point for a problem with the key at `path` (an unknown or misplaced key): the key
 * itself, else its value. A path that is not in the document (a required key that is missing)
 * points at the key of its deepest existing ancestor, e.g. `horizon:` when `horizon.end` is missing.
 */
export function locateKey(doc: LoadedDoc, path: readonly (string | number)[]): Origin {
  for (let n = path.length; n >= 0; n--) {
    const k = pathKey(path.slice(0, n));
    const o = doc.keyOrigins?.get(k) ?? doc.origins.get(k);
    if (o) return o;
  }
  return locate(doc, path);
}

/** Origin of the deepest prefix of `path` that has one (the entry file's 1:1 if none). */
export function locate(doc: LoadedDoc, path: readonly (string | number)[]): Origin {
  for (let n = path.length; n >= 0; n--) {
    const o = doc.origins.get(pathKey(path.slice(0, n)));
    if (o) return o;
  }
  return { file: doc.files[doc.files.length - 1] ?? '', line: 1, col: 1 };
}

// ---------------------------------------------------------------- helpers

function isPlainObject(v: unknown): v is Record<string, unknown> {
  if (v === null || typeof v !== 'object' || Array.isArray(v)) return false;
  const proto = Object.getPrototypeOf(v);
  return proto === Object.prototype || proto === null;
}

// A YAML key `__proto__` must stay an own data property, never reach the prototype.
function getOwn(o: Record<string, unknown>, k: string): unknown {
  return Object.hasOwn(o, k) ? o[k] : undefined;
}

function putOwn(o: Record<string, unknown>, k: string, v: unknown): void {
  Object.defineProperty(o, k, { value: v, writable: true, enumerable: true, configurable: true });
}

/** Deep copy of plain objects and arrays; shared references become separate copies. */
function cloneTree(v: unknown): unknown {
  if (Array.isArray(v)) return v.map(cloneTree);
  if (isPlainObject(v)) {
    const out: Record<string, unknown> = {};
    for (const k of Object.keys(v)) putOwn(out, k, cloneTree(v[k]));
    return out;
  }
  return v;
}

function linePosIn(text: string, offset: number): { line: number; col: number } {
  let line = 1;
  let start = 0;
  for (let i = 0; i < offset && i < text.length; i++) {
    if (text[i] === '\n') {
      line++;
      start = i + 1;
    }
  }
  return { line, col: offset - start + 1 };
}
