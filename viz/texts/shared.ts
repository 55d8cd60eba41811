/**
 * The language-neutral logic of the catalogues, given each language's words: the field-label
 * lookups and a parameter's name from its stream key.
 */
import type { FieldGroup, FieldKey } from '../../model/fields.js';
import type { FieldTexts } from './types.js';

/** A field's label, its unit as stored, and (when different) the unit shown in a table row label. */
export interface FieldText {
  label: string;
  unit: string;
  tableUnit?: string;
}

export function fieldTexts(table: Record<FieldKey, FieldText>, groups: Record<FieldGroup, string>, priceBase: (pb: { year: number; wageGrowth: number }) => string): FieldTexts {
  const tableUnit = (key: FieldKey) => table[key].tableUnit ?? table[key].unit;
  return {
    label: (key) => table[key].label,
    unit: (key) => table[key].unit,
    tableUnit,
    rowLabel(key) {
      const u = tableUnit(key);
      return u ? `${table[key].label} (${u})` : table[key].label;
    },
    groupTitle: (group, pb) => (group === 'cost' && pb ? `${groups[group]} (${priceBase(pb)})` : groups[group]),
  };
}

/**
 * A parameter's name for people, from its stream key: `regions[Skåne].st.dropout` → `Avbrutna ST
 * (andel per år) (Skåne)`; a series' whole-path multiplier adds `multiplier` (` (multiplikator)`).
 * Unknown keys are shown as they are.
 */
export function paramLabelWith(names: Record<string, string>, multiplier: string): (key: string) => string {
  return (key) => {
    let path = key;
    let region: string | null = null;
    const m = /^regions\[([^\]]*)\]\.(.*)$/.exec(path);
    if (m) { region = m[1]; path = m[2]; }
    let suffix = '';
    // Other listable specialists are keyed by their place in the list: `otherSpecialists[0].fte` → the name of `otherSpecialists.fte` (1).
    const g = /^otherSpecialists\[(\d+)\]\.(.*)$/.exec(path);
    if (g && names[`otherSpecialists.${g[2]}`] !== undefined) { path = `otherSpecialists.${g[2]}`; suffix = ` (${Number(g[1]) + 1})`; }
    if (path.endsWith('.multiplier')) { path = path.slice(0, -'.multiplier'.length); suffix = multiplier; }
    else if (path.endsWith('.values')) path = path.slice(0, -'.values'.length);
    return `${names[path] ?? path}${suffix}${region !== null ? ` (${region})` : ''}`;
  };
}

/** `otherSpecialists[0].fte` → `otherSpecialists[].fte`: the key parameter names are listed under. */
export const paramPathKey = (path: string): string => path.replace(/\[\d+\]/g, '[]');

/**
 * A parameter's name from a fixed list (`labels`, by `paramPathKey`) or, for keys that carry a
 * name of the scenario's own (an age group: `population.ageGroups.80+.growth`), from patterns
 * (`$1` is that name); unknown keys as they are.
 */
export function paramLabelFrom(labels: Record<string, string>, patterns: readonly (readonly [RegExp, string])[]): (path: string) => string {
  return (path) => {
    const fixed = labels[paramPathKey(path)];
    if (fixed !== undefined) return fixed;
    for (const [re, text] of patterns) if (re.test(path)) return path.replace(re, text);
    return path;
  };
}

/**
 * A value text of the scenario layer (`.` decimals, lists joined by `, `, numbers as written) in a
 * language: lists joined by `; ` (a decimal comma would make `, ` ambiguous), numbers in the
 * language's format with the decimals they were written with, keys (`2025:`, `30-39:`, `5 …:`)
 * and years after `from` left alone, then the language's `words` replaced. A formula (in quotes)
 * is shown as written.
 */
export function valueTextWith(num: (x: number, decimals: number) => string, words: [RegExp, string][]): (text: string) => string {
  return (text) => {
    const q = text.indexOf('"');
    if (q >= 0) {
      const end = text.lastIndexOf('"');
      return valueTextWith(num, words)(text.slice(0, q)) + text.slice(q, end + 1) + valueTextWith(num, words)(text.slice(end + 1));
    }
    let s = text.replace(/, /g, '; ');
    s = s.replace(/\d+(?:\.\d+)?/g, (n: string, off: number, all: string) => {
      const before = all.slice(0, off), after = all.slice(off + n.length);
      const key = /^( years)?:/.test(after) || /^-\d/.test(after) || /\d-$/.test(before);
      if (key || /from $/.test(before) || /^e/i.test(after) || /e[+-]?$/i.test(before)) return n;
      return num(Number(n), n.includes('.') ? n.split('.')[1].length : 0);
    });
    for (const [re, to] of words) s = s.replace(re, to);
    return s;
  };
}
