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

export function checkFinite(outputs: Output[]): void {
  for (const o of outputs) {
    // By what the output is, not only by its name: `report --out r.txt` (or `--out report`) found
    // "NaN" in the inlined chart library and refused the report as "not finite".
    if (typeof o.data !== 'string' || o.markup || (o.path !== undefined && NOT_TEXT.test(o.path))) continue;
    const m = /\bNaN\b|-?\bInfinity\b|∞/.exec(o.data);
    if (m) throw new NonFiniteError(messages.notFinite(o.path ?? 'stdout', m[0]));
  }
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
