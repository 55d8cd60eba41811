// One YAML file -> plain JS value, plus the file:line:col of every value and key so later
// validation can point at the exact spot in the user's file.
import { Composer, LineCounter, Parser, YAMLParseError, isAlias, type Alias, isMap, isPair, isScalar, isSeq, visit, type CST, type Document, type DocumentOptions, type ParseOptions, type SchemaOptions } from 'yaml';
import { ScenarioError, formatPath, type Origin, type Problem } from './errors.js';
import { msg } from './errors.js';
import { cloneTree, dropOrigins, isPlainObject, pathKey, type OriginMaps, type Path } from './doc.js';

// Passed to toJS: caps alias expansion ("billion laughs").
const MAX_ALIAS_COUNT = 100;
// Our walk expands aliases too (to record origins inside them); toJS's cap
// normally bounds it, this is the backstop when toJS cannot run.
const MAX_WALK_NODES = 100_000;
/**
 * The deepest nesting of mappings and lists a scenario (or a --set value, or a --set path) may
 * have; the shipped ones need 6. `a: [[[[…]]]]` 1 000 levels deep (a 2 KB file) overflowed the
 * stack of the yaml library's composer and of our recursive walks, and in the built CLI killed the
 * process with a V8 fatal error. The syntax tree is measured without recursion before composing.
 */
export const MAX_DEPTH = 64;

/** The text a nesting deeper than MAX_DEPTH starts at: `{ tooDeep: offset }`, or the parsed document. */
export function parseBounded(src: string, options: DocumentOptions & ParseOptions & SchemaOptions & { lineCounter?: LineCounter }): { doc: Document } | { tooDeep: number } {
  // parseDocument's own steps (yaml's public-api.ts), with the depth measured between them.
  const tokens = Array.from(new Parser(options.lineCounter?.addNewLine).parse(src));
  const deep = deepestOffset(tokens);
  if (deep !== null) return { tooDeep: deep };
  let doc: Document | null = null;
  for (const d of new Composer(options).compose(tokens, true, src.length)) {
    if (!doc) doc = d;
    else {
      doc.errors.push(new YAMLParseError(d.range.slice(0, 2) as [number, number], 'MULTIPLE_DOCS', 'Source contains multiple documents; please use YAML.parseAllDocuments()'));
      break;
    }
  }
  return { doc: doc! };
}

/** Where the first collection nested deeper than MAX_DEPTH starts, or null (an explicit stack: no recursion). */
function deepestOffset(tokens: CST.Token[]): number | null {
  const stack: [CST.Token, number][] = tokens.map((t) => [t, 0]);
  const push = (t: CST.Token | null | undefined, depth: number) => { if (t) stack.push([t, depth]); };
  while (stack.length > 0) {
    const [t, depth] = stack.pop()!;
    if (t.type === 'document') push(t.value, depth);
    else if (t.type === 'block-map' || t.type === 'block-seq' || t.type === 'flow-collection') {
      if (depth + 1 > MAX_DEPTH) return t.offset;
      for (const item of t.items as { key?: CST.Token | null; value?: CST.Token }[]) {
        push(item.key, depth + 1);
        push(item.value, depth + 1);
      }
    }
  }
  return null;
}

export interface ParsedFile extends OriginMaps {
  value: Record<string, unknown>;
  extends?: { ref: string; origin: Origin };
}

/** Unicode spaces YAML does not take as indentation (a line's leading blanks), with where each is. */
function unicodeIndents(src: string): { offset: number; code: number }[] {
  const found: { offset: number; code: number }[] = [];
  for (const m of src.matchAll(/^[ \t]*([\u00a0\u1680\u2000-\u200b\u202f\u205f\u3000])/gm)) found.push({ offset: m.index + m[0].length - 1, code: m[1].charCodeAt(0) });
  return found;
}

export function parseFile(file: string, src: string): ParsedFile {
  const lineCounter = new LineCounter();
  // logLevel 'error': yaml would console.warn about collection keys; we report those ourselves.
  const parsed = parseBounded(src, { lineCounter, uniqueKeys: true, prettyErrors: false, logLevel: 'error' });
  const at = (offset: number): Origin => {
    const { line, col } = lineCounter.linePos(offset);
    // linePos reports line 0 before the first newline is known (e.g. one-line files).
    return line === 0 ? { file, line: 1, col: offset + 1 } : { file, line, col };
  };
  if ('tooDeep' in parsed) throw new ScenarioError([{ ...at(parsed.tooDeep), path: '', message: msg.tooDeep(MAX_DEPTH) }]);
  const { doc } = parsed;
  const problems: Problem[] = [];
  // A non-breaking (or other Unicode) space in the indentation, as a copy from a web page or Word
  // brings: yaml only says "bad indentation" at a line that looks right. Named instead, where it is.
  const spaces = doc.errors.length > 0 ? unicodeIndents(src) : [];
  if (spaces.length > 0) throw new ScenarioError(spaces.map(({ offset, code }) => ({ ...at(offset), path: '', message: msg.indentSpace(code) })));
  for (const e of [...doc.errors, ...doc.warnings]) {
    // Our walk reports duplicates itself, with the key and its path.
    if (e.code === 'DUPLICATE_KEY') continue;
    const detail = e.message.split('\n')[0];
    const opener = unclosedBefore(doc, src, e.pos[0], detail);
    const o = opener ? at(opener.offset) : undefined;
    const note = opener && o ? msg.yamlUnclosed(opener.open, o.line, o.col) : undefined;
    problems.push({
      ...at(e.pos[0]),
      path: '',
      message: e.name === 'YAMLWarning' ? msg.yamlWarning(detail, e.code, note) : msg.yamlSyntax(detail, e.code, note),
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

export const BOMB = Symbol('alias bomb');

/** doc.toJS with the alias cap. The result shares objects between anchor and aliases and may be cyclic. */
export function toJSCapped(doc: Document): unknown {
  try {
    return doc.toJS({ maxAliasCount: MAX_ALIAS_COUNT });
  } catch (e) {
    if (e instanceof ReferenceError && /excessive alias count/i.test(e.message)) return BOMB;
    throw e;
  }
}

/** Aliases as written (not expanded), in document order. */
export function literalAliases(root: unknown): Alias[] {
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
export function walkNode(
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
    // Aliases can nest an anchor in itself again and again: deeper than the text is.
    if (path.length - rootPath.length > MAX_DEPTH) {
      report(doc, offset, path.slice(0, rootPath.length + 1), msg.tooDeep(MAX_DEPTH)); // the key it is under: the full path is 64 long
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

