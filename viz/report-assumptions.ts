/**
 * The report's assumptions appendix: every number the projection rests on, compact enough for one
 * A4 page (issue 14) with readable columns.
 *
 * - One table: parameter, value, source (its kind as a badge over the source id), note.
 * - Several regions: a number the same in every region (value, kind, source, note) is one row for
 *   all of them; a number that differs by region but shares its kind, source and note becomes a
 *   column of a second table with one row per region (Tabell 1's 21 counties: 21 short rows, not
 *   21 × 10 long ones); anything else stays a row per region with the region's name.
 * - The source list follows (id, title, publisher, year, link, note); on paper numbered, and the
 *   table cites the number instead of the id (a narrower column).
 * - For B, C, … of a comparison only what they change from A, and only the sources those cite.
 */
import { assumptionRow, changedAssumptions, inLang, type AssumptionRow, type ReportAssumption } from './assumptions.js';
import { MISSING } from './format.js';
import { esc } from './report-html.js';
import type { Locale } from './texts/index.js';

/** A source as listed under `sources` in a scenario (scenario/normalize.ts SourceEntry). */
export interface ReportSource { title: string; publisher?: string; year?: string | number; url?: string; kind?: string; note?: string; titleSv?: string; noteSv?: string }

/** A number that differs by region: one column of the per-region table. */
interface RegionColumn { label: string; path: string; kind: string; source: string | null; note: string; values: Map<string, string> }

/** The rows of the main table (`region` null: no region column needed) and the per-region columns. */
export function groupAssumptions(list: readonly ReportAssumption[], loc: Locale): { rows: AssumptionRow[]; regionColumn: boolean; regions: string[]; columns: RegionColumn[] } {
  const regions = [...new Set(list.map((a) => a.region).filter((r): r is string => r !== null))];
  const all = loc.report.allRegions();
  const rows: AssumptionRow[] = [];
  const columns: RegionColumn[] = [];
  const byPath = new Map<string, AssumptionRow[]>();
  for (const a of list) {
    const r = assumptionRow(a, loc);
    const g = byPath.get(a.path);
    if (g) g.push(r); else byPath.set(a.path, [r]);
  }
  const same = (a: AssumptionRow, b: AssumptionRow) => a.kind === b.kind && a.source === b.source && a.note === b.note;
  for (const group of byPath.values()) {
    const regional = group.filter((r) => r.region !== all);
    rows.push(...group.filter((r) => r.region === all));
    if (regional.length === 0) continue;
    const [first] = regional;
    const uniform = regional.every((r) => same(r, first));
    if (regions.length > 1 && uniform && regional.length === regions.length && regional.every((r) => r.value === first.value)) {
      rows.push({ ...first, region: all });
    } else if (regions.length > 1 && uniform && regional.length > 1) {
      columns.push({ label: first.label, path: first.path, kind: first.kind, source: first.source, note: first.note, values: new Map(regional.map((r) => [r.region, r.value])) });
    } else {
      rows.push(...regional);
    }
  }
  // With one named region its name adds nothing on every row.
  return { rows, regionColumn: regions.length > 1 && rows.some((r) => r.region !== all), regions, columns };
}

const kindBadge = (kind: string, loc: Locale) => `<span class="kind kind-${kind.replace(/[^a-z]/g, '')}">${esc(loc.report.kind(kind))}</span>`;

/** A source: its kind as a badge and its id, a link to its entry in the source list below. */
function sourceCell(kind: string, id: string | null, sources: Readonly<Record<string, ReportSource>>, loc: Locale, numbers?: ReadonlyMap<string, number>): string {
  // On paper a listed source is cited by its number in the list (a narrower column), on screen by its id.
  const n = id === null ? undefined : numbers?.get(id);
  const label = n === undefined ? esc(id ?? '') : `<span class="screen-only">${esc(id ?? '')}</span><span class="print-only">[${n}]</span>`;
  const ref = id === null ? MISSING : sources[id] ? `<a href="#src-${esc(id)}">${label}</a>` : esc(id);
  return `${kindBadge(kind, loc)} <span class="src">${ref}</span>`;
}

function regionTable(regions: string[], columns: RegionColumn[], sources: Readonly<Record<string, ReportSource>>, loc: Locale, numbers: ReadonlyMap<string, number>): string {
  if (columns.length === 0) return '';
  const head = `<tr><th>${esc(loc.tables.colRegion())}</th>${columns.map((c) => `<th title="${esc(c.path)}">${esc(c.label)}<span class="sub">${sourceCell(c.kind, c.source, sources, loc, numbers)}</span></th>`).join('')}</tr>`;
  const body = regions.map((r) => `<tr><th>${esc(r)}</th>${columns.map((c) => `<td>${esc(c.values.get(r) ?? MISSING)}</td>`).join('')}</tr>`);
  const notes = columns.filter((c) => c.note).map((c) => `<p class="small note">${esc(loc.assumptions.columnNote(c.label, c.note))}</p>`);
  return `<p class="small">${esc(loc.assumptions.byRegion())}</p>
<div class="by-region-wrap"><table class="list by-region"><thead>${head}</thead>
<tbody>${body.join('\n')}</tbody></table></div>
${notes.join('\n')}`;
}

/**
 * The assumptions appendix of one scenario, then its source list. For the second and later
 * scenarios of a comparison only what they change from the first (`base`), and only the sources
 * those rows cite.
 */
export function assumptionsSection(s: { assumptions: readonly ReportAssumption[]; sources: Readonly<Record<string, ReportSource>> }, loc: Locale, base?: { label: string; baseLabel: string; assumptions: readonly ReportAssumption[] }): string {
  const list = base ? changedAssumptions(base.assumptions, s.assumptions) : s.assumptions;
  const { rows, regionColumn, regions, columns } = groupAssumptions(list, loc);
  const cited = new Set(list.map((a) => a.source).filter((x): x is string => x !== null));
  const sources = Object.entries(s.sources).filter(([id]) => !base || cited.has(id));
  const numbers = new Map(sources.map(([id], i) => [id, i + 1]));
  const body = rows.map((r) => `<tr>${regionColumn ? `<td>${esc(r.region)}</td>` : ''}<td title="${esc(r.path)}">${esc(r.label)}</td><td>${esc(r.value)}</td><td class="cite">${sourceCell(r.kind, r.source, s.sources, loc, numbers)}</td><td>${esc(r.note)}</td></tr>`);
  const srcItems = sources.map(([id, src], i) => `<li id="src-${esc(id)}"><code class="screen-only">${esc(id)}</code><b class="print-only">${i + 1}</b> ${esc([inLang(loc, src.title, src.titleSv), src.publisher, src.year === undefined ? undefined : String(src.year)].filter((x) => !!x).join(', '))}${src.url ? ` <a href="${esc(src.url)}">${esc(src.url)}</a>` : ''}${src.note || src.noteSv ? ` <span class="note">${esc(inLang(loc, src.note ?? '', src.noteSv))}</span>` : ''}</li>`);
  const intro = base ? `<p class="small">${esc(list.length ? loc.assumptions.changedOnly(base.label, base.baseLabel) : loc.assumptions.noneChanged(base.label, base.baseLabel))}</p>` : '';
  const table = rows.length === 0 ? '' : `<table class="list assumptions-list${regionColumn ? ' with-region' : ''}"><colgroup>${regionColumn ? '<col class="c-region">' : ''}<col class="c-param"><col class="c-value"><col class="c-source"><col class="c-note"></colgroup>
<thead><tr>${regionColumn ? `<th>${esc(loc.tables.colRegion())}</th>` : ''}<th>${esc(loc.report.colParameter())}</th><th>${esc(loc.report.colValue())}</th><th>${esc(loc.report.colSource())}</th><th>${esc(loc.report.colNote())}</th></tr></thead>
<tbody>${body.join('\n')}</tbody></table>`;
  const srcList = sources.length === 0 ? '' : `<div class="sources"><h3>${esc(loc.report.sourcesTitle())}</h3>
<ul class="sources-list">${srcItems.join('\n')}</ul></div>`;
  return `<section class="assumptions">
<h2>${esc(loc.report.sectionAssumptions())}</h2>
${intro}<p class="small">${esc(loc.report.kindsNote())}</p>
${table}
${regionTable(regions, columns, s.sources, loc, numbers)}
${srcList}
</section>`;
}
