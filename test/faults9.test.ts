/**
 * The fault hunt's leftovers (docs/faults.md, "left alone"), fixed on branch fault9: each
 * reproduced here first. In-process where that shows the fault; the built CLI where only a real
 * process has it (stderr as a device, a terminal).
 */
import { spawn, spawnSync } from 'node:child_process';
import { readFileSync, readdirSync, mkdirSync, symlinkSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { CLI, cliInProcess, parseCsv, refused, removeSandboxes, sandbox, scenarioPath } from './helpers.js';
import { csvField, spreadsheetCsv } from '../viz/csv.js';
import { texts } from '../viz/texts/index.js';
import { progressLine } from '../cli/progress.js';

afterAll(removeSandboxes);

const HALLAND = readFileSync(scenarioPath('halland.yaml'), 'utf8');
const FORMULA = '=HYPERLINK("http://x","y")';
/** The environment of a terminal session: CI unset (the progress bar and solve's lines are off under CI, as .ci/run sets). */
const TERMINAL_ENV = { ...process.env, CI: '' };

describe('CSV formula injection: a text cell that a spreadsheet would run as a formula', () => {
  it('csvField prefixes = + - @ tab and CR with an apostrophe, and leaves numbers and other text alone', () => {
    expect(csvField('=1+1')).toBe("'=1+1");
    expect(csvField('+1+1')).toBe("'+1+1");
    expect(csvField('-1+cmd')).toBe("'-1+cmd");
    expect(csvField('@SUM(A1)')).toBe("'@SUM(A1)");
    expect(csvField('\t=1')).toBe("'\t=1");
    expect(csvField('\r=1')).toBe(`"'\r=1"`);
    expect(csvField(FORMULA)).toBe(`"'=HYPERLINK(""http://x"",""y"")"`);
    // A number written as text is a number to a spreadsheet, not a formula: left as it is.
    for (const n of ['-12.5', '-3', '+5', '-0.25', '1e-5', '-1.5E+3']) expect(csvField(n)).toBe(n);
    for (const s of ['Halland', 'Region Stockholm – plan', 'a=b', '']) expect(csvField(s)).toBe(s);
  });

  it('the Swedish dialect too, and its numbers (-12,5) stay numbers', () => {
    const sv = spreadsheetCsv(texts('sv'));
    expect(sv.field('=1+1')).toBe("'=1+1");
    expect(sv.field('-12,5')).toBe('-12,5');
    expect(sv.number(-12.5, 'specialists')).toBe('-12,5');
  });

  it('run --format csv (machine and Swedish) with a region named as a formula', async () => {
    const dir = sandbox({ 'h.yaml': HALLAND });
    const en = await cliInProcess(dir, 'run', 'h.yaml', '--set', `region=${JSON.stringify(FORMULA)}`, '--format', 'csv');
    expect(en.code, en.stderr).toBe(0);
    const rows = parseCsv(en.stdout);
    expect(rows[1][0]).toBe(`'${FORMULA}`);
    // Numbers are untouched: a negative net increase stays a plain negative number.
    const col = rows[0].indexOf('netIncreaseSpecialists');
    expect(rows.slice(1).some((r) => /^-\d/.test(r[col]))).toBe(true);
    const sv = await cliInProcess(dir, 'run', 'h.yaml', '--set', 'region="-1+1"', '--format', 'csv', '--lang', 'sv');
    expect(sv.code, sv.stderr).toBe(0);
    expect(sv.stdout.split('\n')[1]).toMatch(/^'-1\+1;2023;/);
    expect(sv.stdout).toMatch(/;-\d+,\d/); // a negative number with a decimal comma, no apostrophe
  });

  it('runs-out, sensitivity and compare CSV: the region names in headers and cells', async () => {
    const dir = sandbox({ 'h.yaml': HALLAND, '=b.yaml': HALLAND });
    const r = await cliInProcess(dir, 'run', 'h.yaml', '--set', 'region="@x"', '--runs', '20', '--seed', '1', '--format', 'csv', '--runs-out', 'runs.csv');
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout.split('\n')[1]).toMatch(/^'@x,/);
    const runs = parseCsv(readFileSync(join(dir, 'runs.csv'), 'utf8'));
    expect(runs[0].filter((h) => h.includes('@x')).every((h) => h.startsWith("'@x:"))).toBe(true);
    const c = await cliInProcess(dir, 'compare', 'h.yaml', '=b.yaml', '--runs', '20', '--seed', '1', '--format', 'csv');
    expect(c.code, c.stderr).toBe(0);
    const cells = parseCsv(c.stdout).flat();
    expect(cells).toContain("'=b.yaml");
    expect(cells).not.toContain('=b.yaml');
  });

  it('the workbook writes such a name as text, never as a formula', async () => {
    const dir = sandbox({ 'h.yaml': HALLAND });
    const r = await cliInProcess(dir, 'run', 'h.yaml', '--set', 'region="=1+1"', '--format', 'xlsx', '--out', 'x.xlsx');
    expect(r.code, r.stderr).toBe(0);
    const ExcelJS = (await import('exceljs')).default;
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(join(dir, 'x.xlsx'));
    let seen = 0;
    wb.eachSheet((ws) => ws.eachRow((row) => row.eachCell((cell) => {
      if (cell.type === ExcelJS.ValueType.Formula) expect(String((cell.value as { formula: string }).formula)).not.toContain('1+1');
      if (cell.value === '=1+1') seen++;
    })));
    expect(seen).toBeGreaterThan(0);
  });
});

describe('standard error that cannot be written', () => {
  // stderr to /dev/full: the message cannot be shown, and the exit code was 1 ("a bug") instead of 2.
  const run = (...args: string[]) => {
    const dir = sandbox({ 'h.yaml': HALLAND });
    return spawnSync('sh', ['-c', `exec "${process.execPath}" "${CLI}" "$@" 2>/dev/full`, 'sh', ...args], { cwd: dir, encoding: 'utf8', timeout: 20000, killSignal: 'SIGKILL' });
  };
  it('keeps the exit code of what happened', () => {
    expect(run('validate', 'h.yaml', '--set', 'nope=1').status).toBe(2);
    expect(run('run', 'nothere.yaml').status).toBe(2);
    expect(run('run', 'h.yaml', '--runs', 'x').status).toBe(2);
    expect(run('run', 'h.yaml', '--out', 'h.yaml').status).toBe(3);
    const ok = run('run', 'h.yaml', '--format', 'json');
    expect(ok.status).toBe(0);
    expect(JSON.parse(ok.stdout).regions.length).toBe(1);
  });
});

describe('standard output closed (`>&-`)', () => {
  // Node reopens a closed fd 1 as /dev/null read-write before any code runs: the result went nowhere, exit 0, silently.
  const hasScript = spawnSync('sh', ['-c', 'command -v script']).status === 0;
  it('a warning on the terminal; the exit code stays 0 (a program discarding stdout looks the same)', () => {
    expect(hasScript).toBe(true);
    const dir = sandbox({ 'h.yaml': HALLAND });
    const tty = spawnSync('script', ['-qec', `"${process.execPath}" "${CLI}" run h.yaml >&-`, '/dev/null'], { cwd: dir, encoding: 'utf8', timeout: 20000, killSignal: 'SIGKILL' });
    expect(tty.status).toBe(0);
    expect(tty.stdout).toMatch(/standard output is closed/);
    const sv = spawnSync('script', ['-qec', `"${process.execPath}" "${CLI}" run h.yaml --lang sv >&-`, '/dev/null'], { cwd: dir, encoding: 'utf8', timeout: 20000, killSignal: 'SIGKILL' });
    expect(sv.stdout).toMatch(/standard ut är stängd/);
    // Into /dev/null on purpose, or a program's stdio 'ignore' with stderr read by that program: no warning.
    const shell = spawnSync('script', ['-qec', `"${process.execPath}" "${CLI}" run h.yaml >/dev/null`, '/dev/null'], { cwd: dir, encoding: 'utf8', timeout: 20000, killSignal: 'SIGKILL' });
    expect(shell.stdout).not.toMatch(/standard output/);
    const ignored = spawnSync(process.execPath, [CLI, 'run', 'h.yaml'], { cwd: dir, encoding: 'utf8', stdio: ['ignore', 'ignore', 'pipe'], timeout: 20000, killSignal: 'SIGKILL' });
    expect(ignored.status).toBe(0);
    expect(ignored.stderr).toBe('');
  });
});

describe('the progress bar fits the terminal', () => {
  it('never wider than the terminal less one column; shorter bars, then no bar, then clipped', () => {
    for (const cols of [5, 12, 20, 40, 59, 80, 200]) {
      for (const p of [0, 0.5, 1]) {
        const line = progressLine('Region Halland: 2000 runs', p, 83, cols, 'en');
        expect([...line].length, `${cols} columns: ${line}`).toBeLessThanOrEqual(cols - 1);
      }
    }
    expect(progressLine('Halland: 200 runs', 0.5, 83, 120, 'en')).toBe(`Halland: 200 runs [${'█'.repeat(15)}${'░'.repeat(15)}] 50% | 1m23s left`);
    expect(progressLine('Halland: 200 runs', 0.5, 83, 60, 'en')).toMatch(/^Halland: 200 runs \[█{10}░{10}\] 50% \| 1m23s left$/);
    expect(progressLine('Halland: 200 runs', 0.5, 83, 40, 'en')).toBe('Halland: 200 runs 50% | 1m23s left');
    expect(progressLine('Halland: 200 runs', 0.5, 83, 5, 'en')).toBe('Hal…');
    expect(progressLine('Halland: 200 körningar', 0.25, 5, 120, 'sv')).toMatch(/25 % \| 5 s kvar$/);
  });
});

describe('invalid UTF-8 in a --set value', () => {
  // `--set "region=$(printf '\xff')"`: Node decodes argv, the byte became U+FFFD silently.
  it('is refused with where and why, in both languages', async () => {
    const dir = sandbox({ 'h.yaml': HALLAND });
    const en = await cliInProcess(dir, 'validate', 'h.yaml', '--set', 'region=a\uFFFDb');
    refused(en, 2, /--set region=a\uFFFDb:1:9 {2}region {2}cannot apply --set .*: not UTF-8 text: .*U\+FFFD.*Latin-1 or Windows-1252/);
    const sv = await cliInProcess(dir, 'validate', 'h.yaml', '--set', 'region=a\uFFFDb', '--lang', 'sv');
    refused(sv, 2, /inte UTF-8-text/);
  });
  it('from a real command line with the byte 0xFF', () => {
    const dir = sandbox({ 'h.yaml': HALLAND });
    const r = spawnSync('sh', ['-c', `exec "${process.execPath}" "${CLI}" run h.yaml --set "region=a$(printf '\\377')b"`], { cwd: dir, encoding: 'utf8', timeout: 20000, killSignal: 'SIGKILL' });
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/not UTF-8 text/);
    expect(r.stdout).toBe('');
  });
});

describe('--out naming a folder suggests a file of the right kind', () => {
  it('per command and format', async () => {
    const dir = sandbox({ 'h.yaml': HALLAND });
    mkdirSync(join(dir, 'od'));
    const cases: [string[], string][] = [
      [['run', 'h.yaml', '--format', 'json', '--out', 'od'], 'od/result.json'],
      [['run', 'h.yaml', '--format', 'xlsx', '--out', 'od/'], 'od/result.xlsx'],
      [['run', 'h.yaml', '--format', 'csv', '--out', 'od'], 'od/result.csv'],
      [['run', 'h.yaml', '--out', 'od'], 'od/result.txt'],
      [['run', 'h.yaml', '--runs', '5', '--runs-out', 'od'], 'od/runs.csv'],
      [['report', 'h.yaml', '--out', 'od'], 'od/h.html'],
      [['explore', 'h.yaml', '--out', 'od'], 'od/h-whatif.html'],
      [['solve', 'h.yaml', '--target-year', '2030', '--format', 'json', '--out', 'od'], 'od/result.json'],
      [['calibrate', 'h.yaml', '--out', 'od'], 'od/calibrated.yaml'],
      [['compare', 'h.yaml', 'h.yaml', '--format', 'csv', '--out', 'od'], 'od/result.csv'],
    ];
    for (const [args, name] of cases) {
      const r = await cliInProcess(dir, ...args);
      refused(r, 2, new RegExp(`is a folder; give a file name, e.g. ${name.replace(/\./g, '\\.')}$`, 'm'));
    }
    const sv = await cliInProcess(dir, 'run', 'h.yaml', '--format', 'json', '--out', 'od', '--lang', 'sv');
    refused(sv, 2, /t\.ex\. od\/resultat\.json/);
  });
});

describe('unknown keys a planner would guess', () => {
  const guess = async (find: string, replace: string, lang = 'en') => {
    const dir = sandbox({ 'k.yaml': HALLAND.replace(find, replace) });
    return cliInProcess(dir, 'validate', 'k.yaml', '--lang', lang);
  };
  it('startYear, start_year, horisont, period for horizon', async () => {
    for (const k of ['startYear', 'start_year', 'horisont', 'period', 'years']) {
      const r = await guess('horizon: {', `${k}: {`);
      refused(r, 2, new RegExp(`unknown key '${k}' \\(did you mean 'horizon'\\?\\)`));
      // Reported once, not also as a missing horizon.
      expect(r.stderr).not.toMatch(/required: horizon/);
    }
    const sv = await guess('horizon: {', 'tidshorisont: {', 'sv');
    refused(sv, 2, /okänd nyckel 'tidshorisont' \(menade du 'horizon'\?\)/);
  });
  it('Swedish and English words for the blocks', async () => {
    const pairs: [string, string][] = [['population:', 'befolkning:'], ['specialists:', 'specialister:'], ['costs:', 'kostnader:'], ['norms:', 'riktvarde:'], ['horizon: { start: 2023', 'horizon: { from: 2023'], ['end: 2034 }', 'slut: 2034 }']];
    for (const [find, replace] of pairs) {
      const r = await guess(find, replace);
      const key = replace.replace(/^horizon: \{ /, '').split(':')[0];
      const want = find.replace(/^horizon: \{ /, '').split(':')[0];
      refused(r, 2, new RegExp(`unknown key '${key}' \\(did you mean '${want}'\\?\\)`));
    }
  });
});

describe('the synonym list names only real keys', () => {
  it('every target is a key of the scenario schema; odd keys do not break the lookup', async () => {
    const { KEY_SYNONYMS, closest } = await import('../scenario/messages.js');
    const { scenarioJsonSchema } = await import('../scenario/jsonschema.js');
    const keys = new Set<string>();
    const walk = (x: unknown): void => {
      if (Array.isArray(x)) { x.forEach(walk); return; }
      if (x === null || typeof x !== 'object') return;
      const o = x as Record<string, unknown>;
      if (o.properties && typeof o.properties === 'object') for (const k of Object.keys(o.properties)) keys.add(k);
      Object.values(o).forEach(walk);
    };
    walk(scenarioJsonSchema());
    for (const targets of Object.values(KEY_SYNONYMS)) for (const t of targets) expect(keys, t).toContain(t);
    for (const k of ['constructor', '__proto__', 'toString', 'hasOwnProperty']) expect(closest(k, ['horizon', 'name'])).toBeNull();
    expect(closest('Start_Year', ['horizon', 'name'])).toBe('horizon');
    expect(closest('startÅr', ['start', 'end'])).toBe('start');
  });
});

describe('schema --lang', () => {
  // `riktvarde schema --lang sv` was exit 2 "Okänt argument: lang, sv": the one command without --lang.
  it('accepts --lang; Swedish gives every description in Swedish, English is the same bytes as before', async () => {
    const dir = sandbox();
    const plain = await cliInProcess(dir, 'schema');
    const en = await cliInProcess(dir, 'schema', '--lang', 'en');
    expect(en.code, en.stderr).toBe(0);
    expect(en.stdout).toBe(plain.stdout);
    const sv = await cliInProcess(dir, 'schema', '--lang', 'sv');
    expect(sv.code, sv.stderr).toBe(0);
    const descriptions = (x: unknown, out: string[] = []): string[] => {
      if (Array.isArray(x)) x.forEach((y) => descriptions(y, out));
      else if (x !== null && typeof x === 'object') for (const [k, v] of Object.entries(x)) { if (k === 'description' && typeof v === 'string') out.push(v); else descriptions(v, out); }
      return out;
    };
    const [a, b] = [descriptions(JSON.parse(plain.stdout)), descriptions(JSON.parse(sv.stdout))];
    expect(b.length).toBe(a.length);
    expect(b.filter((d, i) => d === a[i])).toEqual([]);
    // Only descriptions change: the same keys and values otherwise.
    const strip = (s: string) => s.replace(/"description": "(?:[^"\\]|\\.)*"/g, '');
    expect(strip(sv.stdout)).toBe(strip(plain.stdout));
  });
});

describe('Swedish help and messages found by the hunt', () => {
  it('the program\'s usage line is Swedish under --lang sv', async () => {
    const sv = await cliInProcess(sandbox(), '--help', '--lang', 'sv');
    expect(sv.stdout.split('\n')[0]).toBe('riktvarde <kommando> [flaggor]');
    const en = await cliInProcess(sandbox(), '--help');
    expect(en.stdout.split('\n')[0]).toBe('riktvarde <command> [options]');
  });

  it('validate says ok in Swedish; English as before', async () => {
    const dir = sandbox({ 'h.yaml': HALLAND });
    const sv = await cliInProcess(dir, 'validate', 'h.yaml', '--lang', 'sv');
    expect(sv.stdout).toBe('ok  h.yaml: Region Halland – ST-satsningen 2022–2027 (1 region, 2023–2034, 5 osäkra parametrar)\n');
    const en = await cliInProcess(dir, 'validate', 'h.yaml');
    expect(en.stdout).toBe('ok  h.yaml: Region Halland – ST-satsningen 2022–2027 (1 region, 2023–2034, 5 uncertain parameters)\n');
  });

  it('calibrate names its method in Swedish', async () => {
    const sv = await cliInProcess(sandbox(), 'calibrate', scenarioPath('stockholm-handlingsplan.yaml'), '--lang', 'sv');
    expect(sv.code, sv.stderr).toBe(0);
    expect(sv.stdout).toMatch(/minsta kvadrat-anpassning av relativa\s+residualer/);
    expect(sv.stdout).not.toMatch(/least squares|golden-section/);
    const en = await cliInProcess(sandbox(), 'calibrate', scenarioPath('stockholm-handlingsplan.yaml'));
    expect(en.stdout).toMatch(/least squares on relative residuals;\s+bounded\s+coordinate\s+descent/);
  });

  it('a share given as a percent says how to write it', async () => {
    const dir = sandbox({ 'h.yaml': HALLAND });
    refused(await cliInProcess(dir, 'solve', 'h.yaml', '--target-year', '2030', '--probability', '80'), 2, /--probability must be a number > 0 and ≤ 1, got 80 \(a share: for 80 % write 0\.8\)$/m);
    refused(await cliInProcess(dir, 'solve', 'h.yaml', '--target-year', '2030', '--lever', 'retention', '--max', '90', '--lang', 'sv'), 2, /fick 90 \(en andel: för 90 % skriv 0\.9\)$/m);
    refused(await cliInProcess(dir, 'solve', 'h.yaml', '--target-year', '2030', '--probability', '800'), 2, /got 800$/m);
  });

  it('option bounds grouped in Swedish (≤ 100 000), English as before', async () => {
    const dir = sandbox({ 'h.yaml': HALLAND });
    refused(await cliInProcess(dir, 'explore', 'h.yaml', '--steps', '1000000000', '--lang', 'sv'), 2, /--steps måste vara ett heltal ≥ 1 och ≤ 100 000, fick 1000000000/);
    refused(await cliInProcess(dir, 'run', 'h.yaml', '--seed', '-1', '--lang', 'sv'), 2, /≤ 9 007 199 254 740 991, fick -1/);
    refused(await cliInProcess(dir, 'explore', 'h.yaml', '--steps', '1000000000'), 2, /≤ 100000, got 1000000000/);
  });

  it('--runs over the memory: numbers grouped as the language writes them, the count that fits rounded', async () => {
    const dir = sandbox({ 'h.yaml': HALLAND });
    const sv = await cliInProcess(dir, 'run', 'h.yaml', '--runs', '1000000000000', '--workers', '1', '--lang', 'sv');
    refused(sv, 2, /^riktvarde: 1 000 000 000 000 körningar skulle behöva omkring \d{1,3}( \d{3})*,\d GB minne, .* \(\d{1,3}( \d{3})*,\d GB\); högst omkring [\d ]+ körningar får plats$/m);
    const fits = Number(/omkring ([\d ]+) körningar får/.exec(sv.stderr)![1].replace(/ /g, ''));
    expect(String(fits)).toMatch(/^[1-9]\d?0*$/); // two significant digits
    const en = await cliInProcess(dir, 'run', 'h.yaml', '--runs', '1000000000000', '--workers', '1');
    refused(en, 2, /^riktvarde: 1,000,000,000,000 runs would need about \d{1,3}(,\d{3})*\.\d GB of memory, .*; at most about [\d,]+ runs fit$/m);
  });
});

describe('the user\'s own words echoed in usage errors', () => {
  // docs/faults.md left "the echo of the user's own command line … printed as typed, control
  // characters included": `--years $'\e]0;x\a'` set the terminal's title.
  it('control characters are written as \\u001b, in every kind of message', async () => {
    const dir = sandbox({ 'h.yaml': HALLAND });
    const cases: [string[], number][] = [
      [['run', 'h.yaml', '--bo\u001b[31mgus'], 2],
      [['run', 'h.yaml', '--years', '20\u001b]0;x\u000730'], 2],
      [['solve', 'h.yaml', '--target-year', '2030', '--region', '\u001b[2J'], 2],
      [['run', 'h.yaml', '--out', 'o\u001b[31m/'], 2],
    ];
    for (const [args, code] of cases) {
      const r = await cliInProcess(dir, ...args);
      refused(r, code, /\\u001b/);
      expect(r.stderr).not.toMatch(/[\u001b\u0007]/);
    }
  });
});

describe('other command-line words that are not UTF-8', () => {
  // `--out $'r\xe4.csv'` wrote a file named r\uFFFD.csv (not the name typed); a Latin-1 scenario
  // file name was "does not exist (check the name …)" although the file is there.
  it('an output path or a scenario file name with U+FFFD is refused, sv and en', async () => {
    const dir = sandbox({ 'h.yaml': HALLAND });
    refused(await cliInProcess(dir, 'run', 'h.yaml', '--out', 'r\uFFFD.csv'), 2, /--out 'r\uFFFD\.csv' is not UTF-8 text: .*U\+FFFD/);
    refused(await cliInProcess(dir, 'chart', 'h.yaml', '--out', 'c\uFFFD', '--lang', 'sv'), 2, /--out 'c\uFFFD' är inte UTF-8-text/);
    refused(await cliInProcess(dir, 'run', 'h\uFFFD.yaml'), 2, /the file name 'h\uFFFD\.yaml' is not UTF-8 text/);
    expect(readdirSync(dir)).toEqual(['h.yaml']);
  });
  it('from a real command line with a Latin-1 file name', () => {
    const dir = sandbox({ 'h.yaml': HALLAND });
    const r = spawnSync('sh', ['-c', `exec "${process.execPath}" "${CLI}" run h.yaml --format csv --out "r$(printf '\\344').csv"`], { cwd: dir, encoding: 'utf8', timeout: 20000, killSignal: 'SIGKILL' });
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/is not UTF-8 text/);
    expect(readdirSync(dir)).toEqual(['h.yaml']);
  });
});

describe('solve on a terminal under --lang sv', () => {
  // Its line before the last Monte Carlo runs was English: "intake 42: the Monte Carlo at the answer …".
  it('says it in Swedish', () => {
    const dir = sandbox({ 'h.yaml': HALLAND });
    const r = spawnSync('script', ['-qec', `"${process.execPath}" "${CLI}" solve h.yaml --target-year 2030 --runs 50 --lang sv >/dev/null`, '/dev/null'], { cwd: dir, encoding: 'utf8', env: TERMINAL_ENV, timeout: 60000, killSignal: 'SIGKILL' });
    expect(r.status).toBe(0);
    expect(r.stdout).toMatch(/intake \d+(,\d+)?: Monte Carlo vid svaret/);
    expect(r.stdout).not.toMatch(/the Monte Carlo/);
  });
});

describe('no progress bar on a dumb terminal', () => {
  // TERM=dumb (Emacs's shell, a serial console) prints cursor movements as text.
  it('TERM=dumb: no escape codes on stderr', () => {
    const dir = sandbox({ 'h.yaml': HALLAND });
    const r = spawnSync('script', ['-qec', `"${process.execPath}" "${CLI}" run h.yaml --runs 2000 --seed 1 --format json >/dev/null`, '/dev/null'], { cwd: dir, encoding: 'utf8', env: { ...TERMINAL_ENV, TERM: 'dumb' }, timeout: 60000, killSignal: 'SIGKILL' });
    expect(r.status).toBe(0);
    expect(r.stdout).not.toMatch(/\u001b|runs/);
  });
});

describe('Ctrl-C during the progress bar leaves the terminal as it was', () => {
  // The bar hid the cursor and turned autowrap off; SIGINT ends the process by its default action,
  // so nothing turned them back on: no cursor and no line wrapping in the user's terminal after.
  it('no terminal mode is changed that a signal would leave changed', async () => {
    const dir = sandbox({ 'h.yaml': HALLAND });
    // A terminal (script's pty) where Ctrl-C is typed once the bar shows, as a user would.
    const child = spawn('script', ['-qfec', `"${process.execPath}" "${CLI}" run h.yaml --runs 300000 --seed 1 --format json >/dev/null`, '/dev/null'], { cwd: dir, env: TERMINAL_ENV, stdio: ['pipe', 'pipe', 'ignore'] });
    let out = '', typed = false;
    const guard = setTimeout(() => child.kill('SIGKILL'), 50000);
    child.stdout.setEncoding('utf8').on('data', (d: string) => {
      out += d;
      if (!typed && /300000 runs \d+%/.test(out)) { typed = true; child.stdin.write('\x03'); }
    });
    const code = await new Promise<number | null>((resolve) => child.on('close', resolve));
    clearTimeout(guard);
    expect(typed, out).toBe(true);
    expect(code).toBe(130);
    const count = (re: RegExp) => (out.match(re) ?? []).length;
    expect(count(/\u001b\[\?25l/g), 'cursor hidden').toBeLessThanOrEqual(count(/\u001b\[\?25h/g));
    expect(count(/\u001b\[\?7l/g), 'autowrap off').toBeLessThanOrEqual(count(/\u001b\[\?7h/g));
  }, 60000);
});

describe('scenario names and files found by the hunt', () => {
  it('a name of spaces only is refused (it left a blank where the region\'s name belongs)', async () => {
    const dir = sandbox({ 'h.yaml': HALLAND });
    refused(await cliInProcess(dir, 'run', 'h.yaml', '--set', 'region="   "'), 2, /^--set region="   ":1:8 {2}region {2}a name of spaces only/m);
    refused(await cliInProcess(dir, 'validate', 'h.yaml', '--set', 'name=" "', '--lang', 'sv'), 2, /name {2}ett namn av bara mellanslag/);
    const ok = await cliInProcess(dir, 'validate', 'h.yaml', '--set', 'region=" Halland "');
    expect(ok.code, ok.stderr).toBe(0);
  });
  it('a scenario file that cannot be read says why (a symbolic link to itself: ELOOP)', async () => {
    const dir = sandbox({ 'h.yaml': HALLAND.replace(/^name:/m, 'extends: loop.yaml\nname:') });
    symlinkSync('loop.yaml', join(dir, 'loop.yaml'));
    refused(await cliInProcess(dir, 'validate', 'loop.yaml'), 2, /cannot read scenario file "loop\.yaml" \(symbolic links that point in a circle: ELOOP\)/);
    refused(await cliInProcess(dir, 'validate', 'h.yaml', '--lang', 'sv'), 2, /extends {2}filen "loop\.yaml" som scenariot bygger på \(extends\) kan inte läsas \(symboliska länkar som pekar i en cirkel: ELOOP\)/);
  });
});

describe('--out -', () => {
  // Wrote a file named "-" (exit 0) where most tools mean standard output.
  it('is refused for every output option, with how to get either', async () => {
    const dir = sandbox({ 'h.yaml': HALLAND });
    refused(await cliInProcess(dir, 'run', 'h.yaml', '--out', '-'), 2, /--out - would write a file named "-", not to standard output: .*\.\/- for a file named -/);
    refused(await cliInProcess(dir, 'run', 'h.yaml', '--runs', '5', '--runs-out', '-'), 2, /--runs-out - would write/);
    refused(await cliInProcess(dir, 'chart', 'h.yaml', '--out', '-', '--lang', 'sv'), 2, /--out - skulle skriva en fil som heter "-"/);
    refused(await cliInProcess(dir, 'report', 'h.yaml', '--out', '-'), 2, /--out - would write/);
    expect(readdirSync(dir)).toEqual(['h.yaml']);
    const ok = await cliInProcess(dir, 'run', 'h.yaml', '--format', 'json', '--out', './-');
    expect(ok.code, ok.stderr).toBe(0);
    expect(readdirSync(dir).sort()).toEqual(['-', 'h.yaml']);
  });
});

describe('a failed unpack of the PDF browser leaves no empty cache folder', () => {
  // docs/faults.md left: with TMPDIR full, the empty riktvarde-chromium-<version> folder stayed.
  // The disk is made full by a preload that fails the unpack's file stream with ENOSPC.
  const PRELOAD = `import fs from 'node:fs';
import { Writable } from 'node:stream';
fs.createWriteStream = () => new Writable({ write(_c, _e, cb) { cb(Object.assign(new Error('ENOSPC: simulated'), { code: 'ENOSPC' })); } });
`;
  it('exit 4 and TMPDIR as it was', () => {
    const dir = sandbox({ 'h.yaml': HALLAND, 'preload.mjs': PRELOAD });
    mkdirSync(join(dir, 'tmp'));
    const env = { ...process.env, TMPDIR: join(dir, 'tmp'), RIKTVARDE_CHROMIUM: '' };
    const r = spawnSync(process.execPath, ['--import', './preload.mjs', CLI, 'report', 'h.yaml', '--runs', '20', '--out', 'r.pdf'], { cwd: dir, encoding: 'utf8', env, timeout: 60000, killSignal: 'SIGKILL' });
    refused({ code: r.status, stdout: '', stderr: r.stderr }, 4, /cannot unpack the PDF browser \(Chromium\) into .*: the disk is full \(ENOSPC\)/);
    expect(readdirSync(join(dir, 'tmp'))).toEqual([]);
    expect(readdirSync(dir).sort()).toEqual(['h.yaml', 'preload.mjs', 'tmp']);
  });
});

describe('sensitivity, compare and backtest CSV under --lang sv', () => {
  // They were the machine CSV (`,`, decimal point) in Swedish too: Swedish Excel reads `0.1` as text
  // or a date. Now `;`, decimal commas and a BOM like run's Swedish CSV; English unchanged.
  it('Swedish Excel dialect; the same cells otherwise', async () => {
    const dir = sandbox({ 'h.yaml': HALLAND });
    const en = await cliInProcess(dir, 'compare', 'h.yaml', 'h.yaml', '--runs', '30', '--seed', '1', '--format', 'csv');
    const sv = await cliInProcess(dir, 'compare', 'h.yaml', 'h.yaml', '--runs', '30', '--seed', '1', '--format', 'csv', '--lang', 'sv');
    expect(sv.code, sv.stderr).toBe(0);
    expect(sv.stdout.startsWith('\uFEFFlabel;scenario;file;')).toBe(true);
    const a = parseCsv(en.stdout), b = sv.stdout.slice(1).trimEnd().split('\n').map((l) => l.split(';'));
    expect(b.length).toBe(a.length);
    a.forEach((row, i) => row.forEach((c, j) => expect(b[i][j], `${i},${j}`).toBe(/^-?\d+\.\d+(e[-+]?\d+)?$/i.test(c) ? c.replace('.', ',') : c)));
    expect(sv.stdout).toMatch(/;\d+,\d+/);
    const s = await cliInProcess(dir, 'sensitivity', 'h.yaml', '--runs', '100', '--seed', '1', '--format', 'csv', '--lang', 'sv');
    expect(s.code, s.stderr).toBe(0);
    expect(s.stdout).toMatch(/^\uFEFFparameter;kind;low;median;high;/);
    expect(s.stdout).not.toMatch(/\d\.\d/);
  });
});

describe('a number written the Swedish way', () => {
  // `coverageShare: 0,58` (a decimal comma) said "bad formula … syntax error: unexpected operator ,";
  // `start: 343 746` said only "got the text".
  it('says how to write it, in a file and in --set, sv and en', async () => {
    const dir = sandbox({ 'h.yaml': HALLAND, 'c.yaml': HALLAND.replace('value: 1.0\n    source: socialstyrelsen-2022', 'value: 0,58\n    source: socialstyrelsen-2022') });
    refused(await cliInProcess(dir, 'validate', 'c.yaml'), 2, /^c\.yaml:\d+:\d+ {2}population\.coverageShare(\.value)? {2}.*"0,58".*0\.58:? \(?a point for decimals, no spaces\)/m);
    refused(await cliInProcess(dir, 'validate', 'h.yaml', '--set', 'st.intake=40,5', '--lang', 'sv'), 2, /"40,5" är ett tal med decimalkomma eller mellanrum: skriv det som 40\.5/);
    refused(await cliInProcess(dir, 'validate', 'h.yaml', '--set', 'population.start=343 746'), 2, /got the text "343 746" \(write the number as 343746: a point for decimals, no spaces\)/);
    // In a CSV data file too (an Excel export with thousands separators).
    const { msg } = await import('../scenario/errors.js');
    expect(msg.csvNumber('count', '1 234')).toBe('count must be a number, got "1 234" (write it as 1234: a point for decimals, no spaces; Excel: save without thousands separators)');
    expect(msg.csvNumber('count', 'abc')).toBe('count must be a number, got "abc"');
    // A real formula error is worded as before.
    refused(await cliInProcess(dir, 'validate', 'h.yaml', '--set', 'st.intake=1,2,3'), 2, /bad formula "1,2,3" at character 2/);
  });
});

describe('a signal while the PDF is printed', () => {
  // Playwright closes its browser on SIGINT/SIGTERM/SIGHUP; the print then failed with "Target page
  // … has been closed": "internal error … This is a bug", exit 1 (SIGTERM, SIGHUP).
  const stopWhilePrinting = async (signal: 'SIGTERM' | 'SIGHUP') => {
    const dir = sandbox({ 'h.yaml': HALLAND });
    const child = spawn(process.execPath, [CLI, 'report', 'h.yaml', '--runs', '20', '--out', 'r.pdf'], { cwd: dir, env: { ...process.env, NO_COLOR: '1' } });
    let stderr = '';
    child.stderr.setEncoding('utf8').on('data', (d: string) => { stderr += d; });
    const closed = new Promise<number | null>((resolve) => child.on('close', resolve));
    const guard = setTimeout(() => child.kill('SIGKILL'), 60000);
    // Wait for the browser to start (a chromium child process), then signal.
    let browser = false;
    for (let i = 0; i < 200 && !browser && child.exitCode === null; i++) {
      await new Promise((r) => setTimeout(r, 200));
      browser = /chrom/.test(spawnSync('ps', ['-o', 'comm=', '--ppid', String(child.pid)], { encoding: 'utf8' }).stdout);
    }
    await new Promise((r) => setTimeout(r, 300));
    child.kill(signal);
    const code = await closed;
    clearTimeout(guard);
    return { browser, code, stderr, files: readdirSync(dir) };
  };
  it('SIGTERM: exit 143, "stopped", nothing written', async () => {
    const r = await stopWhilePrinting('SIGTERM');
    expect(r.browser).toBe(true);
    refused({ code: r.code, stdout: '', stderr: r.stderr }, 143, /^riktvarde: stopped \(SIGTERM\)/m);
    expect(r.files).toEqual(['h.yaml']);
  }, 70000);
  it('SIGHUP: exit 129', async () => {
    const r = await stopWhilePrinting('SIGHUP');
    refused({ code: r.code, stdout: '', stderr: r.stderr }, 129, /^riktvarde: stopped \(SIGHUP\)/m);
    expect(r.files).toEqual(['h.yaml']);
  }, 70000);
});

describe('a non-breaking space in the indentation', () => {
  // A scenario copied from a web page or Word: yaml said "bad indentation" at a line that looks right.
  it('is named where it is, sv and en; a valid file with one in a text is untouched', async () => {
    const dir = sandbox({
      'n.yaml': HALLAND.replace('\n  start: { value: 343746', '\n\u00a0 start: { value: 343746'),
      't.yaml': HALLAND.replace('name: Region Halland', 'name: Region\u00a0Halland'),
    });
    const en = await cliInProcess(dir, 'validate', 'n.yaml');
    refused(en, 2, /^n\.yaml:\d+:1 {2}\(top\) {2}a non-breaking space \(U\+00A0\) in the indentation: YAML indents with ordinary spaces only/m);
    expect(en.stderr).toMatch(/^1 problem;/m);
    refused(await cliInProcess(dir, 'validate', 'n.yaml', '--lang', 'sv'), 2, /ett hårt mellanslag \(U\+00A0\) i indraget/);
    const ok = await cliInProcess(dir, 'validate', 't.yaml');
    expect(ok.code, ok.stderr).toBe(0);
  });
});
