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

export function fieldTexts(table: Record<FieldKey, FieldText>, groups: Record<FieldGroup, string>): FieldTexts {
  const tableUnit = (key: FieldKey) => table[key].tableUnit ?? table[key].unit;
  return {
    label: (key) => table[key].label,
    unit: (key) => table[key].unit,
    tableUnit,
    rowLabel(key) {
      const u = tableUnit(key);
      return u ? `${table[key].label} (${u})` : table[key].label;
    },
    groupTitle: (group) => groups[group],
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
