import { plainNumber } from './messages.js';
// Problems in scenario input, reported with file:line:col so planners can fix
// their YAML without reading a stack trace.

/** A position in an input file; line and col are 1-based. */
export interface Origin {
  file: string;
  line: number;
  col: number;
}

/** One thing wrong with the input. `path` is formatPath() of the offending value. */
export interface Problem extends Origin {
  path: string;
  message: string;
}

/** Thrown with every problem found, so the user can fix them all in one round. */
export class ScenarioError extends Error {
  readonly problems: Problem[];
  constructor(problems: Problem[]) {
    super(problems.map(formatProblem).join('\n'));
    this.name = 'ScenarioError';
    this.problems = problems;
  }
}

export function formatProblem(p: Problem): string {
  return visible(`${p.file}:${p.line}:${p.col}  ${p.path === '' ? '(top)' : p.path}  ${p.message}`);
}

/** C0 control characters other than tab and line breaks, DEL and C1: what a terminal would act on. */
export const CONTROL_CHARS = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f]/;
const CONTROL_ALL = new RegExp(CONTROL_CHARS.source, 'g');

/**
 * `s` with every control character written as `\u001b`: problems quote the file's own text (an
 * alias name, a YAML directive, yaml's messages), which validation has not seen yet, and a
 * terminal would run an escape sequence in it.
 */
export function visible(s: string): string {
  return s.replace(CONTROL_ALL, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

// Keys that would make the path ambiguous or unreadable are quoted, so the
// path stays an injective key for origin maps.
const PLAIN_KEY = /^[^.[\]"\s](?:[^.[\]"]*[^.[\]"\s])?$/;
// A key with a control character is quoted too (JSON escapes it): it is printed in messages.
const plainKey = (k: string): boolean => PLAIN_KEY.test(k) && !CONTROL_CHARS.test(k);

/** ['regions', 2, 'st'] -> 'regions[2].st'. */
export function formatPath(path: readonly (string | number)[]): string {
  let out = '';
  for (const seg of path) {
    if (typeof seg === 'number') out += `[${seg}]`;
    else if (plainKey(seg)) out += out === '' ? seg : `.${seg}`;
    else out += `[${JSON.stringify(seg)}]`;
  }
  return out;
}

const quote = (s: string): string => JSON.stringify(s);

/**
 * Every user-facing message of scenario/, in one place so wording stays
 * consistent and tests can compare against the same functions.
 */
/** Why a file could not be read, by its error code (the reason and the code; just the code when unknown). */
export const readWhy = (code: string | undefined, why: Readonly<Record<string, string>>): string =>
  code === undefined ? '' : ` (${why[code] ? `${why[code]}: ` : ''}${code})`;
const READ_WHY_EN: Readonly<Record<string, string>> = {
  ELOOP: 'symbolic links that point in a circle', EACCES: 'no permission to read it', EPERM: 'no permission to read it', EIO: 'the disk could not be read', ENAMETOOLONG: 'the name is too long',
};

export const msg = {
  // --- files and YAML ---
  fileNotFound: (file: string, code?: string) => `cannot read scenario file ${quote(file)}${readWhy(code, READ_WHY_EN)}`,
  fileMissing: (file: string) => `scenario file ${quote(file)} does not exist (check the name and the folder)`,
  notRegularFile: (file: string) => `${quote(file)} is not a regular file (a device, a folder or a pipe); a scenario is a YAML file`,
  noStdin: () => 'a scenario is read from a file, not from standard input (-): save it to a file and give its name (its extends and CSV files are found beside it)',
  utf16: (file: string) => `${quote(file)} is UTF-16 text; save it as UTF-8`,
  notUtf8: (file: string, byte: number, line: number, col: number) => `${quote(file)} is not UTF-8 text (byte 0x${byte.toString(16).toUpperCase().padStart(2, '0')} at line ${line}, column ${col}: ${byte === 0 ? 'not a text file?' : 'Latin-1 or Windows-1252?'}); save it as UTF-8`,
  fileTooLarge: (file: string, bytes: number, max: number) => `${quote(file)} is ${(bytes / 2 ** 20).toFixed(1)} MB; a scenario file may be at most ${max / 2 ** 20} MB`,
  /** yaml's own message (`detail`, English), its error code, and where an unclosed bracket opened. */
  yamlSyntax: (detail: string, code?: string, opener?: string) => `YAML syntax error: ${detail}${opener ? ` (${opener})` : ''}`,
  indentSpace: (code: number) => `${code === 0xa0 ? 'a non-breaking space (U+00A0)' : `a Unicode space (U+${code.toString(16).toUpperCase().padStart(4, '0')})`} in the indentation: YAML indents with ordinary spaces only (copied from a web page or a word processor?); replace it with a space`,
  /** Added to a syntax error found after an unclosed bracket or quote, which is where the fix goes. */
  yamlUnclosed: (open: string, line: number, col: number) => `the ${open} at line ${line}, column ${col} is not closed`,
  yamlWarning: (detail: string, code?: string, opener?: string) => `YAML problem: ${detail}${opener ? ` (${opener})` : ''}`,
  duplicateKey: (key: string) => `duplicate key ${quote(key)} (each key may appear only once in a mapping)`,
  complexKey: () => 'keys must be plain scalars (names or numbers), not lists or mappings',
  topNotMapping: () => 'a scenario file must be a mapping of keys to values at the top level',
  circularAlias: (alias: string) => `alias *${alias} refers to a node that contains it (circular reference)`,
  unknownAlias: (alias: string) => `alias *${alias} has no matching anchor &${alias} earlier in the file`,
  aliasBomb: () => 'too many alias expansions (possible "billion laughs" document); use fewer aliases',
  tooDeep: (max: number) => `the YAML is nested more than ${max} levels deep (lists and mappings inside each other); a scenario needs fewer than 10`,
  setPathTooLong: (keys: number, max: number) => `the path has ${keys} keys; at most ${max}`,

  // --- extends ---
  extendsNotString: () => '`extends` must be the name of another scenario file',
  extendsNotFound: (file: string, code?: string) => `extended file ${quote(file)} cannot be read${readWhy(code, READ_WHY_EN)}`,
  extendsMissing: (file: string) => `extended file ${quote(file)} does not exist (a path in extends is relative to this file's folder)`,
  extendsCycle: (chain: readonly string[]) => `circular extends: ${chain.join(' → ')}`,

  // --- --set ---
  badSet: (expr: string, reason: string) => `cannot apply --set ${quote(expr)}: ${reason}`,
  setNoEquals: () => 'expected path=value, e.g. st.intake=40',
  setEmptyPath: () => 'the path before "=" is empty',
  setBadPath: (detail: string) => `malformed path (${detail}); use dots between keys and [n] for list items, e.g. regions[0].name`,
  setPathEmptyKey: (position: number) => `empty key at character ${position}`,
  setPathBadIndex: (text: string) => `bad list index ${text}`,
  setPathUnexpected: (ch: string) => `unexpected ${quote(ch)}`,
  setEmptyValue: () => 'the value after "=" is empty (write null to remove a key)',
  setNotUtf8: (index: number) => `not UTF-8 text: character ${index} is U+FFFD, what a byte that is not UTF-8 becomes (Latin-1 or Windows-1252 from the shell or a script?); give the value in UTF-8`,
  setValueSyntax: (detail: string) => `the value is not valid YAML: ${detail}`,
  setBlockValue: () => 'the value must be a single YAML flow value such as 40, "text", [1, 2] or {2024: 1500}',
  setNotAMapping: (path: string) => `${path || '(top)'} is not a mapping, so it has no keys to set`,
  setNotAList: (path: string) => `${path || '(top)'} is not a list, so it cannot be indexed`,
  setIndexOutOfRange: (index: number, length: number) =>
    `index ${index} is out of range (the list has ${length} item${length === 1 ? '' : 's'}; use [${length}] to append)`,
  setDeleteListItem: () => 'null cannot remove a list item; set the whole list instead',

  // --- CSV data files (population by age, the specialists' age pyramid) ---
  csvNotFound: (file: string) => `cannot read the CSV file ${quote(file)}`,
  csvSyntax: (detail: string) => `CSV syntax error: ${detail}`,
  csvSemicolons: () => 'the columns are separated by semicolons (as Swedish Excel saves CSV); riktvarde reads comma-separated CSV with a decimal point: save as "CSV UTF-8 (comma delimited)" with English number settings, or replace the semicolons by commas and decimal commas by points',
  csvColumns: (need: string, got: readonly string[]) => `the CSV needs the columns ${need}; its header has ${got.map(quote).join(', ') || 'nothing'}`,
  csvNumber: (column: string, got: string) => {
    const p = plainNumber(got);
    return `${column} must be a number, got ${quote(got)}${p === null ? '' : ` (write it as ${p}: a point for decimals, no spaces; Excel: save without thousands separators)`}`;
  },
  csvCount: (got: number) => `count must be zero or more, got ${got}`,
  csvYear: (got: string) => `year must be a whole year such as 2024, got ${quote(got)}`,
  csvYearOutside: (year: number, start: number, end: number) => `year ${year} is outside the horizon ${start}–${end}`,
  csvAge: (got: string) => `${quote(got)} is not an age or age group (expected e.g. 37, '0-17' or '80+')`,
  csvTotal: () => `a total is not an age group: give the total as population.table, or only age groups here`,
  csvDuplicate: (what: string, line: number) => `${what} is given twice (also on line ${line})`,
  csvRegion: (region: string, known: readonly string[]) => `region ${quote(region)} is not a region of this scenario (${known.map(quote).join(', ')}); set ageCsv.region to read one region of a larger file`,
  csvNoRows: (region: string) => `the CSV has no rows for region ${quote(region)}`,
  csvEmpty: () => `the CSV has no data rows`,
  csvAlsoInYaml: (what: string) => `${what} is given both in the CSV file and in the scenario; give it in one place`,
  /** The columns a population CSV needs, and an age-pyramid CSV (for csvColumns). */
  csvPopulationColumns: () => 'region, age (or age_group), year and count',
  csvPyramidColumns: () => 'age (or birth_year) and count',
  /** An age column's name for csvNumber, and an age as a row's label for csvDuplicate. */
  csvAgeWholeYears: () => 'age (whole years)',
  csvAgeRow: (age: number) => `age ${age}`,

  // --- command line ---
  cliMissingScenario: () => 'give a scenario file, e.g. scenarios/stockholm-handlingsplan.yaml',
  outIsFolder: (path: string, name?: string) => `${path} is a folder; give a file name, e.g. ${path.replace(/[\\/]+$/, '')}/${name ?? 'result.csv'}`,

  // --- formulas ---
  formulaEmpty: () => 'the formula is empty',
  formulaTooLong: (max: number) => `the formula is longer than ${max} characters`,
  formulaTooDeep: () => 'the formula is nested too deeply',
  formulaSyntax: (detail: string) => `syntax error: ${detail}`,
  formulaNotAllowed: (what: string, allowed: string) => `${what} is not allowed in a formula (allowed: ${allowed})`,
  formulaArity: (fn: string, expected: string) => `${fn}() takes ${expected}`,
  formulaOneArg: () => 'exactly one argument',
  formulaAtLeastOneArg: () => 'at least one argument',
  // The `what` of formulaNotAllowed.
  formulaWhat: {
    name: (name: string) => `the name ${quote(name)} (the only variable is year)`,
    fn: (name: string) => `the function ${quote(name)}`,
    operator: (op: string) => `the operator ${quote(op)}`,
    implicitMultiplication: () => 'implicit multiplication (write 2 * year, not 2 year)',
    percent: () => 'the percent sign',
    text: () => 'text in quotes',
    constant: (value: string) => `the constant ${value}`,
    nonFinite: (literal: string) => `the number ${literal} (not finite)`,
    assignment: () => 'assignment (=)',
    functionDefinition: () => 'defining a function',
    matrix: () => 'a list or matrix ([…])',
    object: () => 'an object ({…})',
    access: () => 'property access or indexing (. or […])',
    block: () => 'more than one expression (separated by ; or a new line)',
    range: () => 'a range (a:b)',
    indirectCall: () => 'calling anything but a named function',
    construct: (type: string) => `the construct ${type}`,
  },
} as const;
