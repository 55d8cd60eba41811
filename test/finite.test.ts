/**
 * The JSON guard (cli/finite.ts): jsonText refuses ±Infinity but a range's bounds; the last check
 * searches the text it made, so a string that prints NaN, Infinity or ∞ (a name, a key) is refused
 * as well, as JSON prints it (escaped).
 */
import { describe, expect, it } from 'vitest';
import { checkFinite, jsonText } from '../cli/finite.js';

/** What the pipeline does: jsonText, then the last check on the output it makes. */
function guarded(value: unknown, path?: string): string {
  const text = jsonText(value);
  checkFinite([{ path, data: text }]);
  return text;
}

describe('the JSON guard', () => {
  it('refuses ±Infinity but a range\'s bounds, naming the key', () => {
    expect(() => jsonText({ a: { b: 1, c: Infinity } })).toThrow(/Infinity in c\)/);
    expect(() => jsonText([1, 2, -Infinity])).toThrow(/-Infinity in 2\)/);
    expect(() => jsonText(Infinity)).toThrow(/Infinity in result\)/);
    expect(jsonText({ range: { lo: -Infinity, hi: Infinity } })).toBe('{\n  "range": {\n    "lo": null,\n    "hi": null\n  }\n}\n');
  });

  it('refuses a string that prints NaN, Infinity or ∞ (a name, a key), as the search of the text did', () => {
    expect(() => guarded({ name: 'Region NaN' })).toThrow(/\(NaN in stdout\)/);
    expect(() => guarded({ note: 'up to ∞' }, 'o.json')).toThrow(/\(∞ in o\.json\)/);
    expect(() => guarded({ 'x -Infinity': 1 })).toThrow(/\(-Infinity in stdout\)/);
    expect(() => guarded({ name: 'NaNa', n: 'Infinityx' })).not.toThrow(); // no whole word
    // Printed escaped: "\nNaN" is `\nNaN` in the text, where NaN is no whole word; "\tNaN" the same.
    expect(guarded({ name: 'a\nNaN' })).toBe('{\n  "name": "a\\nNaN"\n}\n');
    expect(() => guarded({ name: 'a\u0001NaN' })).not.toThrow(); // `\u0001NaN`: 1 and N are both word characters
    expect(() => guarded({ name: 'a"NaN' })).toThrow(/NaN in stdout/); // `\"NaN`: a quote before it
    // A value JSON leaves out leaves its key out: nothing printed, nothing refused.
    expect(guarded({ 'NaN': undefined, f: () => 1 })).toBe('{}\n');
    // toJSON's value is what is printed and checked.
    expect(() => guarded({ d: { toJSON: () => 'NaN' } })).toThrow(/NaN in stdout/);
    expect(() => guarded({ d: { toJSON: () => Infinity } })).toThrow(/Infinity in d\)/);
    // The file types in which Infinity is legitimate are not searched.
    expect(() => guarded({ name: 'NaN' }, 'c.vl.json')).not.toThrow();
  });

  it('every text output is searched, each in its own name', () => {
    const made = jsonText({ a: 1 });
    expect(() => checkFinite([{ data: made }, { data: 'x NaN\n' }])).toThrow(/NaN in stdout/);
    expect(() => checkFinite([{ data: made.replace('1', 'NaN') }])).toThrow(/NaN in stdout/);
  });
});
