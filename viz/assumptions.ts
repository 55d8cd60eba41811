/**
 * The scenario's assumptions as the report and the workbook list them: a readable parameter
 * name, the value in the reader's language and number format, and the note — for a program
 * default its reason in the reader's language (the scenario's own notes are shown as written).
 */
import type { DefaultKey } from '../scenario/defaults.js';
import type { Locale } from './texts/index.js';

export interface ReportAssumption { region: string | null; path: string; value: string; source: string | null; kind: string; defaultReason?: DefaultKey; note?: string; noteSv?: string }

/**
 * A scenario text in the reader's language: its Swedish twin (`noteSv`, `titleSv`,
 * `descriptionSv`) for a Swedish reader when the scenario gives one, else the text as written.
 */
export const inLang = (loc: Pick<Locale, 'lang'>, text: string, sv: string | undefined): string => (loc.lang === 'sv' && sv !== undefined ? sv : text);


export interface AssumptionRow {
  /** Region name, or the catalogue's "all regions". */
  region: string;
  label: string;
  /** The parameter's path, as `--set` takes it. */
  path: string;
  value: string;
  kind: string;
  source: string | null;
  note: string;
}

export function assumptionRow(a: ReportAssumption, loc: Locale): AssumptionRow {
  return {
    region: a.region ?? loc.report.allRegions(),
    label: loc.assumptions.paramLabel(a.path),
    path: a.path,
    value: loc.assumptions.value(a.value),
    kind: a.kind,
    source: a.source,
    note: a.defaultReason !== undefined ? loc.assumptions.defaultReason(a.defaultReason) : inLang(loc, a.note ?? '', a.noteSv),
  };
}

/** What `list` (scenario B) changes from `base` (A): assumptions new in B or with another value, source or kind. */
export function changedAssumptions(base: readonly ReportAssumption[], list: readonly ReportAssumption[]): ReportAssumption[] {
  const id = (a: ReportAssumption) => `${a.region ?? '*'}|${a.path}`;
  const inBase = new Map(base.map((a) => [id(a), a]));
  return list.filter((a) => {
    const b = inBase.get(id(a));
    return !b || b.value !== a.value || b.source !== a.source || b.kind !== a.kind;
  });
}
