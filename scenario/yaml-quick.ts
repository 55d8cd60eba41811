/**
 * A quick read of a scenario file, without source positions (issue 15: start-up of a command).
 *
 * The `yaml` package (scenario/yaml.ts) keeps a syntax tree with the position of every key and
 * value so that a problem can be shown at its file:line:col; building that tree is several times
 * slower than reading the same text with js-yaml, which keeps no positions. A command that reads
 * a good scenario never shows a position, so `loadScenarioFile` (api/load.ts) reads with this
 * first and, when anything at all goes wrong (a problem in the file, or a file this reader does
 * not vouch for), reads everything again with positions: every message is made by the full
 * reader, as before.
 *
 * It gives exactly the value `yaml` gives, or declines (null):
 * - Scalars are resolved by yaml's own YAML 1.2 core schema rules (the tests below are copied
 *   from `yaml`'s schema/core), not by js-yaml's.
 * - It declines text with what the two readers could treat differently or `yaml` reports as a
 *   problem (then the full reader decides): anchors, aliases and tags (`&`, `*`, `!`), directives
 *   (`%`), tabs, explicit keys (`? `), a flow collection closed at the start of a line (yaml warns)
 *   or used as a key (`[a]: 1`), `__proto__`, a null key (`~: 1`, which yaml reads as "" and js-yaml as "null"), a top level that
 *   is not a mapping; and js-yaml's own errors (duplicate keys, several documents, syntax).
 * test/yaml-quick.test.ts checks the values against `yaml` on every shipped scenario and on a
 * list of awkward texts.
 */
import { FAILSAFE_SCHEMA, Type, load } from 'js-yaml';
import type { Origin } from './errors.js';
import { isPlainObject, pathKey, type Path } from './doc.js';
import type { ParsedFile } from './yaml.js';

/**
 * A plain scalar resolved as `yaml`'s core schema resolves it (the first matching test wins). Each
 * rule has its own tag name (js-yaml keeps one type per tag); explicit tags are declined anyway.
 */
const core = (name: string, test: RegExp, construct: (s: string) => unknown) =>
  new Type(`tag:riktvarde,2026:core-${name}`, { kind: 'scalar', resolve: (s: string | null) => test.test(s ?? ''), construct: (s: string | null) => construct(s ?? '') });

const CORE = FAILSAFE_SCHEMA.extend({
  implicit: [
    core('null', /^(?:~|[Nn]ull|NULL)?$/, () => null),
    core('bool', /^(?:[Tt]rue|TRUE|[Ff]alse|FALSE)$/, (s) => s[0] === 't' || s[0] === 'T'),
    core('int-oct', /^0o[0-7]+$/, (s) => parseInt(s.substring(2), 8)),
    core('int', /^[-+]?[0-9]+$/, (s) => parseInt(s, 10)),
    core('int-hex', /^0x[0-9a-fA-F]+$/, (s) => parseInt(s.substring(2), 16)),
    core('float-nan', /^(?:[-+]?\.(?:inf|Inf|INF)|\.nan|\.NaN|\.NAN)$/, (s) => (s.slice(-3).toLowerCase() === 'nan' ? NaN : s[0] === '-' ? Number.NEGATIVE_INFINITY : Number.POSITIVE_INFINITY)),
    core('float-exp', /^[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)[eE][-+]?[0-9]+$/, (s) => parseFloat(s)),
    core('float', /^[-+]?(?:\.[0-9]+|[0-9]+\.[0-9]*)$/, (s) => parseFloat(s)),
  ],
});

/**
 * Text the quick reader leaves to the full one: an anchor, alias or tag at the start of a token,
 * an explicit key (`? `), a directive, a tab, a flow collection closed at the start of a line or
 * used as a key, a `__proto__` key. Comments are not told apart: a `*` or `?` there only means the
 * full reader reads the file.
 */
const DECLINE = /(?:^|[\s[\]{},:-])(?:[&*][^\s[\]{},]|!)|(?:^|[\s[{,])\?(?:[ ]|$)|^%|\t|^[ ]*[\]}]|[\]}][ ]*:(?:[ ]|$)|__proto__/m;

/** Longer keys are declined: their text (with escapes up to 6 characters a character) could exceed yaml's 1024. */
const MAX_KEY = 128;

/** Where a value read quickly was written: its file only (no position is known or ever shown). */
export const unplaced = (file: string): Origin => ({ file, line: 0, col: 0 });

/**
 * `file`'s value with the origin of every key and value set to its file (`unplaced`), in the shape
 * `parseFile` returns; or null when this reader declines the text (see above).
 */
export function parseFileQuick(file: string, src: string): ParsedFile | null {
  if (DECLINE.test(src)) return null;
  let value: unknown;
  try {
    value = load(src, { schema: CORE, filename: file });
  } catch {
    return null;
  }
  if (!isPlainObject(value)) return null;
  // What `yaml` reads differently: declined (a key `~`/`null`, which yaml reads as ""; a key longer
  // than yaml allows).
  const declined = (v: unknown): boolean => {
    if (Array.isArray(v)) return v.some(declined);
    if (!isPlainObject(v)) return false;
    for (const k of Object.keys(v)) if (k === 'null' || k.length > MAX_KEY || declined(v[k])) return true;
    return false;
  };
  if (declined(value)) return null;
  const at = unplaced(file);
  // The same keys scenario/yaml.ts's walk records — every value, and every key of a mapping — all at
  // `at`. Recorded when the maps are first used: a command reading a good scenario never asks where
  // a value was written unless it extends another file or reads a CSV file beside it, and the walk
  // made ~0.5 MB of path keys in every `run` (start-up, issue 15).
  const fill = (origin: (key: string) => void, keyOrigin: (key: string) => void): void => {
    const walk = (v: unknown, path: Path): void => {
      origin(pathKey(path));
      if (Array.isArray(v)) v.forEach((x, i) => walk(x, [...path, i]));
      else if (isPlainObject(v)) {
        for (const k of Object.keys(v)) {
          keyOrigin(pathKey([...path, k]));
          walk(v[k], [...path, k]);
        }
      }
    };
    walk(value, []);
  };
  const [origins, keyOrigins] = filledOnUse(at, fill);
  const out: ParsedFile = { value, origins, keyOrigins };
  if (Object.hasOwn(value, 'extends')) {
    const ref = value.extends;
    if (typeof ref !== 'string' || ref.trim() === '') return null; // the full reader reports it
    origins.delete('extends');
    keyOrigins.delete('extends');
    delete value.extends;
    out.extends = { ref: ref.trim(), origin: at };
  }
  return out;
}

/**
 * Two maps filled together by `fill` (each key it names gets `value`) when either is first used
 * (read, written, copied or iterated), from the document as it is then. The quick reader's value
 * is only changed in place after its maps have been used: `extends` is removed through them, and a
 * CSV file's data goes into a copy made with copies of them (scenario/csv.ts).
 */
function filledOnUse<V>(value: V, fill: (a: (key: string) => void, b: (key: string) => void) => void): [Map<string, V>, Map<string, V>] {
  let pending = true;
  const use = (): void => {
    if (!pending) return;
    pending = false;
    // The maps' own `set`, not the override below.
    fill((k) => Map.prototype.set.call(a, k, value), (k) => Map.prototype.set.call(b, k, value));
  };
  class OnUse extends Map<string, V> {
    override get(k: string) { use(); return super.get(k); }
    override has(k: string) { use(); return super.has(k); }
    override set(k: string, v: V) { use(); return super.set(k, v); }
    override delete(k: string) { use(); return super.delete(k); }
    override clear() { use(); super.clear(); }
    override forEach(f: (v: V, k: string, m: Map<string, V>) => void, self?: unknown) { use(); super.forEach(f, self); }
    override keys() { use(); return super.keys(); }
    override values() { use(); return super.values(); }
    override entries() { use(); return super.entries(); }
    override [Symbol.iterator]() { use(); return super[Symbol.iterator](); }
    override get size() { use(); return super.size; }
  }
  const a = new OnUse(), b = new OnUse();
  return [a, b];
}
