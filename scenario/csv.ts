/**
 * Data files named by a scenario, read into the document before validation (issue 12):
 *
 *   population.ageCsv: {file, region?}  long layout (region, age or age_group, year, count), as
 *                                       statistics offices publish → population.ageGroups.<group>.table
 *   specialists.ageCsv: {file}           the age pyramid (age or birth_year, count), as an HR system
 *                                       exports → specialists.ageBands (shares) and, when none is
 *                                       written, specialists.headcount
 *
 * Every value taken from a CSV file keeps its position (file:line:col of its cell), so a problem
 * the scenario checks find later (a year missing, a count of 0, overlapping age groups) points at
 * the row and column in the CSV. Problems of the file itself (syntax, a count that is not a number,
 * a year outside the horizon, a region unknown to the scenario, a row given twice) are thrown here,
 * all at once. The file is read through the injected `FileAccess`; nothing is written.
 */
import { parse } from 'csv-parse/sync';
import { NotUtf8, cloneTree, isPlainObject, pathKey, type FileAccess, type LoadedDoc, type Path } from './doc.js';
import { msg, ScenarioError, type Origin, type Problem } from './errors.js';
import { formatPath } from './errors.js';

type Obj = Record<string, unknown>;

interface Cell { text: string; at: Origin }
interface Row { line: number; cells: Map<string, Cell> }

/** Reads a CSV file into rows of named cells with their positions; problems are added to `problems`. */
export function readCsv(file: string, text: string, problems: Problem[], path = ''): { header: string[]; rows: Row[] } {
  let records: { record: string[]; info: { lines: number }; raw: string }[];
  // Swedish Excel saves "CSV" with semicolons and decimal commas (and so does `--format csv --lang
  // sv`): said plainly, instead of a header of one column or "expect 1, got 2 on line 2".
  const first = text.replace(/^\uFEFF/, '').split(/\r?\n/, 1)[0];
  if (count(first, ';') > count(first, ',')) {
    problems.push({ file, line: 1, col: first.indexOf(';') + 1, path, message: msg.csvSemicolons() });
    return { header: [], rows: [] };
  }
  try {
    records = parse(text, { bom: true, info: true, raw: true, skip_empty_lines: true, relax_column_count: false }) as never;
  } catch (e) {
    const err = e as Error & { lines?: number };
    problems.push({ file, line: err.lines ?? 1, col: 1, path, message: msg.csvSyntax(err.message.replace(/^Invalid Record Length: /, '')) });
    return { header: [], rows: [] };
  }
  if (records.length === 0) return { header: [], rows: [] };
  const header = records[0].record.map((h) => h.trim().toLowerCase());
  const rows = records.slice(1).map((r) => {
    // The record ends on info.lines; records here never span lines, so that is the row's line.
    const line = r.info.lines;
    const offsets = fieldOffsets(r.raw.replace(/\r?\n$/, ''));
    const cells = new Map<string, Cell>();
    header.forEach((h, k) => cells.set(h, { text: (r.record[k] ?? '').trim(), at: { file, line, col: (offsets[k] ?? 0) + 1 } }));
    return { line, cells };
  });
  return { header, rows };
}

const count = (s: string, ch: string): number => s.split(ch).length - 1;

/** Character offset where each comma-separated field of one CSV line starts (quotes respected). */
function fieldOffsets(line: string): number[] {
  const out = [0];
  let quoted = false;
  for (let i = 0; i < line.length; i++) {
    const ch = line[i];
    if (ch === '"') quoted = !quoted;
    else if (ch === ',' && !quoted) out.push(i + 1);
  }
  return out;
}

/** Sets `value` at `path` in `root`, creating mappings on the way, and records where it came from. */
function put(doc: LoadedDoc, path: Path, value: unknown, at: Origin): void {
  let cur = doc.value as Obj;
  for (let n = 0; n < path.length - 1; n++) {
    const k = path[n] as string;
    if (!isPlainObject(cur[k]) && !Array.isArray(cur[k])) {
      cur[k] = {};
      if (!doc.origins.has(pathKey(path.slice(0, n + 1)))) doc.origins.set(pathKey(path.slice(0, n + 1)), at);
    }
    cur = cur[k] as Obj;
  }
  cur[path[path.length - 1] as string] = value;
  doc.origins.set(pathKey(path), at);
  doc.keyOrigins?.set(pathKey(path), at);
}

const getIn = (v: unknown, path: Path): unknown => path.reduce<unknown>((o, k) => (isPlainObject(o) || Array.isArray(o) ? (o as Obj)[k as string] : undefined), v);

interface Horizon { start: number; end: number }
function horizonOf(doc: LoadedDoc): Horizon | null {
  const h = (doc.value as Obj).horizon as Obj | undefined;
  return h && typeof h.start === 'number' && typeof h.end === 'number' ? { start: h.start, end: h.end } : null;
}

/** Parses a number cell, or reports it. */
function numberCell(c: Cell, column: string, problems: Problem[], path: string): number | null {
  const x = c.text === '' ? NaN : Number(c.text.replace(/\s/g, ''));
  if (!Number.isFinite(x)) { problems.push({ ...c.at, path, message: msg.csvNumber(column, c.text) }); return null; }
  return x;
}

const AGE_LABEL = /^\s*(\d+\s*[-–]\s*\d+|\d+\s*\+|\d+)\s*$/;

/** population.ageCsv at `base` ([] or ['regions', i]) → population.ageGroups of each target region. */
/** The `ageCsv` block at `specPath`, its file read and parsed; null when absent or unreadable (reported). */
function openCsv(doc: LoadedDoc, specPath: Path, files: FileAccess, problems: Problem[]) {
  const spec = getIn(doc.value, specPath);
  if (!isPlainObject(spec) || typeof spec.file !== 'string') return null; // the schema reports a bad block
  const P = formatPath(specPath);
  const where = doc.origins.get(pathKey([...specPath, 'file'])) ?? doc.origins.get(pathKey(specPath));
  const fromFile = where?.file ?? doc.files[doc.files.length - 1];
  const file = files.resolve(fromFile, spec.file);
  let text: string;
  try { text = files.read(file); } catch (e) { problems.push({ ...(where ?? { file: fromFile, line: 1, col: 1 }), path: formatPath([...specPath, 'file']), message: e instanceof NotUtf8 ? e.message : msg.csvNotFound(file) }); return null; }
  const before = problems.length;
  const { header, rows } = readCsv(file, text, problems, P);
  if (problems.length > before) return null;
  return { spec, P, where, file, header, rows };
}

function inlinePopulation(doc: LoadedDoc, base: Path, files: FileAccess, problems: Problem[]): void {
  const specPath = [...base, 'population', 'ageCsv'];
  const csv = openCsv(doc, specPath, files, problems);
  if (!csv) return;
  const { spec, P, where, file, header, rows } = csv;
  const ageCol = header.includes('age_group') ? 'age_group' : header.includes('age') ? 'age' : null;
  if (!ageCol || !header.includes('year') || !header.includes('count') || !header.includes('region')) {
    problems.push({ file, line: 1, col: 1, path: P, message: msg.csvColumns(msg.csvPopulationColumns(), header) });
    return;
  }
  if (rows.length === 0) { problems.push({ file, line: 1, col: 1, path: P, message: msg.csvEmpty() }); return; }
  // Which scenario regions this file feeds, and under which name in the file.
  const v = doc.value as Obj;
  const regionsList = Array.isArray(v.regions) ? (v.regions as Obj[]) : null;
  const targets: { name: string; fileName: string; dest: Path }[] = [];
  if (base.length) {
    const name = String((getIn(v, [...base, 'name']) ?? ''));
    targets.push({ name, fileName: typeof spec.region === 'string' ? spec.region : name, dest: [...base, 'population', 'ageGroups'] });
  } else if (regionsList) {
    regionsList.forEach((r, i) => {
      // A region without a name (e.g. made by `--set regions[0]…` on a scenario without a list) is the schema's problem to report, not a CSV region "undefined".
      if (isPlainObject(r) && typeof r.name === 'string' && getIn(r, ['population', 'ageCsv']) === undefined) targets.push({ name: String(r.name), fileName: String(r.name), dest: ['regions', i, 'population', 'ageGroups'] });
    });
  } else {
    const name = String(v.region ?? v.name ?? '');
    targets.push({ name, fileName: typeof spec.region === 'string' ? spec.region : name, dest: ['population', 'ageGroups'] });
  }
  const filtered = typeof spec.region === 'string';
  const H = horizonOf(doc);
  const seen = new Map<string, number>();
  const got = new Set<string>();
  for (const row of rows) {
    const reg = row.cells.get('region')!, ageC = row.cells.get(ageCol)!, yearC = row.cells.get('year')!, countC = row.cells.get('count')!;
    const target = targets.find((t) => t.fileName === reg.text);
    if (!target) {
      if (!filtered) problems.push({ ...reg.at, path: P, message: msg.csvRegion(reg.text, targets.map((t) => t.fileName)) });
      continue;
    }
    let ok = true;
    if (ageC.text.toLowerCase() === 'total') { problems.push({ ...ageC.at, path: P, message: msg.csvTotal() }); ok = false; }
    else if (!AGE_LABEL.test(ageC.text)) { problems.push({ ...ageC.at, path: P, message: msg.csvAge(ageC.text) }); ok = false; }
    const year = /^\d{4}$/.test(yearC.text) ? Number(yearC.text) : NaN;
    if (Number.isNaN(year)) { problems.push({ ...yearC.at, path: P, message: msg.csvYear(yearC.text) }); ok = false; }
    else if (H && (year < H.start || year > H.end)) { problems.push({ ...yearC.at, path: P, message: msg.csvYearOutside(year, H.start, H.end) }); ok = false; }
    const count = numberCell(countC, 'count', problems, P);
    if (count === null) ok = false;
    if (!ok) continue;
    const label = ageC.text.replace(/\s/g, '');
    const key = `${target.name}|${label}|${year}`;
    const prev = seen.get(key);
    if (prev !== undefined) { problems.push({ ...ageC.at, path: P, message: msg.csvDuplicate(`${target.fileName}, ${label}, ${year}`, prev) }); continue; }
    seen.set(key, row.line);
    got.add(target.name);
    const groupPath = [...target.dest, label];
    const tableAt = doc.origins.get(pathKey([...groupPath, 'table']));
    if (getIn(v, [...groupPath, 'table']) !== undefined && tableAt?.file !== file) {
      problems.push({ ...ageC.at, path: formatPath(groupPath), message: msg.csvAlsoInYaml(`${formatPath(groupPath)}.table`) });
      continue;
    }
    // The group and its table point at the group's first row; each value at its count cell, its year key at the year cell.
    put(doc, [...groupPath, 'table', String(year)], count, countC.at);
    doc.keyOrigins?.set(pathKey([...groupPath, 'table', String(year)]), yearC.at);
  }
  for (const t of targets) if (!got.has(t.name)) problems.push({ ...(where ?? { file, line: 1, col: 1 }), path: formatPath(specPath), message: msg.csvNoRows(t.fileName) });
}

/** specialists.ageCsv at `base` → specialists.ageBands (shares by one-year age) and, if absent, specialists.headcount. */
function inlinePyramid(doc: LoadedDoc, base: Path, files: FileAccess, problems: Problem[]): void {
  const specPath = [...base, 'specialists', 'ageCsv'];
  const csv = openCsv(doc, specPath, files, problems);
  if (!csv) return;
  const { spec, P, where, file, header, rows } = csv;
  const ageCol = header.includes('age') ? 'age' : header.includes('birth_year') ? 'birth_year' : null;
  if (!ageCol || !header.includes('count')) { problems.push({ file, line: 1, col: 1, path: P, message: msg.csvColumns(msg.csvPyramidColumns(), header) }); return; }
  if (rows.length === 0) { problems.push({ file, line: 1, col: 1, path: P, message: msg.csvEmpty() }); return; }
  const bandsPath = [...base, 'specialists', 'ageBands'];
  if (getIn(doc.value, bandsPath) !== undefined) { problems.push({ ...(where ?? { file, line: 1, col: 1 }), path: formatPath(specPath), message: msg.csvAlsoInYaml(formatPath(bandsPath)) }); return; }
  const H = horizonOf(doc);
  const counts: { age: number; count: number; at: Origin; keyAt: Origin }[] = [];
  const seen = new Map<number, number>();
  for (const row of rows) {
    const a = row.cells.get(ageCol)!, c = row.cells.get('count')!;
    const x = numberCell(a, ageCol, problems, P);
    const n = numberCell(c, 'count', problems, P);
    if (x === null || n === null) continue;
    if (!Number.isInteger(x)) { problems.push({ ...a.at, path: P, message: msg.csvNumber(ageCol === 'age' ? msg.csvAgeWholeYears() : 'birth_year', a.text) }); continue; }
    if (n < 0) { problems.push({ ...c.at, path: P, message: msg.csvCount(n) }); continue; }
    const age = ageCol === 'age' ? x : H ? H.start - x : NaN;
    if (Number.isNaN(age)) continue; // no horizon: the schema reports it
    const prev = seen.get(age);
    if (prev !== undefined) { problems.push({ ...a.at, path: P, message: msg.csvDuplicate(msg.csvAgeRow(age), prev) }); continue; }
    seen.set(age, row.line);
    counts.push({ age, count: n, at: c.at, keyAt: a.at });
  }
  const total = counts.reduce((s, x) => s + x.count, 0);
  if (total <= 0 && counts.length) { problems.push({ ...counts[0].at, path: P, message: msg.csvCount(total) }); return; }
  const first = rows[0].cells.get(ageCol)!.at;
  put(doc, bandsPath, {}, first);
  if (typeof spec.source === 'string') put(doc, [...bandsPath, 'source'], spec.source, where ?? first);
  if (typeof spec.note === 'string') put(doc, [...bandsPath, 'note'], spec.note, where ?? first);
  if (typeof spec.noteSv === 'string') put(doc, [...bandsPath, 'noteSv'], spec.noteSv, where ?? first);
  for (const x of counts) {
    put(doc, [...bandsPath, String(x.age)], x.count / total, x.at);
    doc.keyOrigins?.set(pathKey([...bandsPath, String(x.age)]), x.keyAt);
  }
  const headPath = [...base, 'specialists', 'headcount'];
  if (getIn(doc.value, headPath) === undefined && getIn(doc.value, [...base, 'specialists', 'headcountInclListableSt']) === undefined) {
    put(doc, headPath, typeof spec.source === 'string' ? { value: total, source: spec.source } : total, first);
  }
}

/**
 * The document with the data of every `ageCsv` written in, at the top level and in each region.
 * Throws a ScenarioError listing every problem of the files; `doc` itself is never changed.
 */
export function inlineCsvData(doc: LoadedDoc, files: FileAccess): LoadedDoc {
  const v = doc.value as Obj;
  const bases: Path[] = [[]];
  if (Array.isArray(v.regions)) v.regions.forEach((_, i) => bases.push(['regions', i]));
  const has = bases.some((b) => getIn(v, [...b, 'population', 'ageCsv']) !== undefined || getIn(v, [...b, 'specialists', 'ageCsv']) !== undefined);
  if (!has) return doc;
  const out: LoadedDoc = { ...doc, value: cloneTree(doc.value) as Obj, origins: new Map(doc.origins), keyOrigins: new Map(doc.keyOrigins ?? []) };
  const problems: Problem[] = [];
  for (const b of bases) {
    inlinePopulation(out, b, files, problems);
    inlinePyramid(out, b, files, problems);
  }
  if (problems.length) throw new ScenarioError(problems);
  return out;
}
