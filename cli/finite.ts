/**
 * The last guard before anything is written: no NaN or Infinity is ever printed. Text outputs
 * (tables, CSV) are searched; JSON is built by `jsonText`, which refuses an infinite number
 * (NaN in JSON is `null`, the documented "not applicable"). A scenario whose numbers overflow gets
 * a clear error (exit 2) instead of a result.
 *
 * Cost (issue 15, docs/speed-findings.md §11.tail6): for the 5 MB JSON of 21 counties the replacer
 * adds ~10 ms to JSON.stringify and the search ~2–3 ms; the ~35 ms the search seemed to take is
 * V8 flattening the text (a rope of parts) into one string, which writing it needs anyway. A walk
 * of the value instead of the replacer and the search was tried: 20–30 ms, slower.
 */
import { messages } from './messages.js';
import type { Output } from './files.js';

/** Results that are not finite numbers: invalid input (exit 2), nothing written. */
export class NonFiniteError extends Error {}

/** Files that carry code or markup in which "Infinity" is legitimate (the report's Vega, SVG, binaries). */
const NOT_TEXT = /\.(html?|svg|png|xlsx|vl\.json|pdf)$/i;

const NOT_FINITE = /\bNaN\b|-?\bInfinity\b|∞/g;

/**
 * `userTexts`: what the user wrote (the scenarios' texts, file names), asked for only when a match
 * is found. A word of theirs is not a number: `name: Plan Infinity`, a region "NaN" or `report --out
 * NaN.html` (whose name the command prints) were refused as "not finite".
 */
export function checkFinite(outputs: Output[], userTexts: () => Iterable<string> = () => []): void {
  let theirs: Set<string> | undefined;
  for (const o of outputs) {
    // By what the output is, not only by its name: `report --out r.txt` (or `--out report`) found
    // "NaN" in the inlined chart library and refused the report as "not finite".
    if (typeof o.data !== 'string' || o.markup || (o.path !== undefined && NOT_TEXT.test(o.path))) continue;
    for (const m of o.data.matchAll(NOT_FINITE)) {
      theirs ??= new Set([...userTexts(), ...outputs.flatMap((x) => (x.path === undefined ? [] : [x.path]))].flatMap((t) => [...t.matchAll(NOT_FINITE)].map(word)));
      if (!theirs.has(word(m))) throw new NonFiniteError(messages.notFinite(o.path ?? 'stdout', m[0]));
    }
  }
}

const word = (m: RegExpMatchArray): string => m[0].replace(/^-/, '');

/** Every text in `v` (loaded scenarios: names, notes, sources; 64 levels deep at most), each object visited once. */
export function textsIn(v: unknown, out: string[] = [], seen = new WeakSet<object>()): string[] {
  if (typeof v === 'string') out.push(v);
  else if (v !== null && typeof v === 'object' && !ArrayBuffer.isView(v) && !seen.has(v)) {
    seen.add(v);
    for (const x of Array.isArray(v) ? v : Object.values(v)) textsIn(x, out, seen);
  }
  return out;
}

/** Keys whose ±Infinity means "unbounded" (a parameter's range, `domain: {lo, hi}`), written as null. */
const UNBOUNDED_KEYS = new Set(['lo', 'hi']);

/** `JSON.stringify(value, null, 2) + '\n'`, refusing ±Infinity anywhere in it but a range's bounds. */
export function jsonText(value: unknown): string {
  return JSON.stringify(value, (key, v: unknown) => {
    if ((v === Infinity || v === -Infinity) && !UNBOUNDED_KEYS.has(key)) throw new NonFiniteError(messages.notFinite(key || 'result', String(v)));
    return v;
  }, 2) + '\n';
}
