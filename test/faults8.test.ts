/**
 * Faults found by the fault hunt of 6 Dec 2026 (docs/faults.md has the whole record): each one
 * reproduced here first, then fixed. In-process where that shows the fault; a real process where
 * only the built CLI has it (a V8 crash, stdout as a file descriptor, a full device).
 */
import { spawnSync } from 'node:child_process';
import { existsSync, lstatSync, mkdirSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { CLI, cli, cliInProcess, refused, removeSandboxes, sandbox, scenarioPath } from './helpers.js';
import { mcMemoryBytes } from '../model/mc-run.js';
import { loadScenarioFile } from '../api/load.js';
import { maxRunsFitting } from '../cli/limits.js';

afterAll(removeSandboxes);

const HALLAND = readFileSync(scenarioPath('halland.yaml'), 'utf8');

describe('deeply nested YAML: a clear error, never a crash', () => {
  // `a: [[[[…]]]]` 1 000 levels deep (2 KB) killed the built CLI with a V8 fatal error (out of
  // memory in the regular-expression compiler, exit 134, a native stack trace).
  const deep = (n: number) => `${HALLAND}\nx: ${'['.repeat(n)}${']'.repeat(n)}\n`;

  it('flow collections 1 000 deep in a scenario file (built CLI)', async () => {
    const dir = sandbox({ 'deep.yaml': deep(1000) });
    const r = await cli(dir, 'validate', 'deep.yaml');
    refused(r, 2, /deep\.yaml:\d+:\d+ {2}\(top\) {2}the YAML is nested more than 64 levels deep/);
  });

  it('block mappings nested deeper than the bound, in Swedish', async () => {
    const block = Array.from({ length: 100 }, (_, i) => `${'  '.repeat(i)}k${i}:`).join('\n') + ` 1\n`;
    const dir = sandbox({ 'deep.yaml': `${HALLAND}\n${block}` });
    const r = await cliInProcess(dir, 'validate', 'deep.yaml', '--lang', 'sv');
    refused(r, 2, /deep\.yaml:\d+:\d+ {2}\(top\) {2}YAML-texten är nästlad i mer än 64 nivåer/);
  });

  it('aliases that nest an anchor inside itself again and again', async () => {
    // Each anchor 20 deep holding the one before: 4 × 20 = 80 levels once expanded, 20 as written.
    const lv = (i: number) => `l${i}: &l${i} ${'['.repeat(19)}${i === 0 ? '1' : `*l${i - 1}`}${']'.repeat(19)}`;
    const dir = sandbox({ 'alias.yaml': `${HALLAND}\n${Array.from({ length: 4 }, (_, i) => lv(i)).join('\n')}\n` });
    const r = await cli(dir, 'validate', 'alias.yaml');
    refused(r, 2, /nested more than 64 levels deep/);
  });

  it('a --set value nested 3 000 deep, and a --set path of 3 000 keys', async () => {
    const dir = sandbox({ 'halland.yaml': HALLAND });
    const v = await cliInProcess(dir, 'validate', 'halland.yaml', '--set', `x=${'['.repeat(3000)}${']'.repeat(3000)}`);
    refused(v, 2, /nested more than 64 levels deep/);
    const p = await cliInProcess(dir, 'validate', 'halland.yaml', '--set', `${Array(3000).fill('k').join('.')}=1`);
    refused(p, 2, /--set .*: the path has 3000 keys; at most 64/);
  });

  it('a shipped scenario is far from the bound', () => {
    for (const f of ['riket-2019.yaml', 'stockholm-ageing.yaml', 'stockholm-bilaga.yaml']) expect(() => loadScenarioFile(scenarioPath(f))).not.toThrow();
  });
});

describe('--out onto something that is not a regular file', () => {
  // `--out /dev/null --force` as root replaced /dev/null by a regular file (temp file + rename).
  it('a FIFO named by --out is refused even with --force, and stays a FIFO', async () => {
    const dir = sandbox({ 'halland.yaml': HALLAND });
    const fifo = join(dir, 'pipe');
    expect(spawnSync('mkfifo', [fifo]).status).toBe(0);
    for (const args of [['run', 'halland.yaml', '--out', 'pipe', '--force'], ['explore', 'halland.yaml', '--out', 'pipe', '--force'], ['run', 'halland.yaml', '--runs', '20', '--workers', '1', '--runs-out', 'pipe', '--force']]) {
      const r = await cliInProcess(dir, ...args);
      refused(r, 2, /pipe is not a regular file \(a device or a pipe\): give the name of a file/);
      expect(lstatSync(fifo).isFIFO()).toBe(true);
    }
  });

  it('in Swedish', async () => {
    const dir = sandbox({ 'halland.yaml': HALLAND });
    expect(spawnSync('mkfifo', [join(dir, 'rör')]).status).toBe(0);
    refused(await cliInProcess(dir, 'run', 'halland.yaml', '--out', 'rör', '--force', '--lang', 'sv'), 2, /rör är ingen vanlig fil \(en enhet eller en pipe\)/);
  });
});

describe('standard output that cannot be written', () => {
  it.skipIf(!existsSync('/dev/full'))('stdout to /dev/full: exit 4 and a message, no stack trace (built CLI)', async () => {
    for (const args of [['validate', scenarioPath('halland.yaml')], ['run', scenarioPath('halland.yaml')], ['--help']]) {
      const r = spawnSync(process.execPath, [CLI, ...args], { stdio: ['ignore', 'pipe', 'pipe'], encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' } });
      expect(r.status).toBe(0);
      const full = spawnSync('sh', ['-c', `"${process.execPath}" "${CLI}" ${args.map((a) => `'${a}'`).join(' ')} > /dev/full`], { encoding: 'utf8' });
      refused({ code: full.status, stdout: '', stderr: full.stderr }, 4, /^riktvarde: cannot write to standard output: the disk is full \(ENOSPC\); the output is incomplete$/m);
    }
  });

  it('stdout into a file that cannot take it (ENOSPC from the write): exit 4 (built CLI)', async () => {
    const dir = sandbox({ 'halland.yaml': HALLAND });
    // Fails every write to file descriptor 1 as a full disk does.
    writeFileSync(join(dir, 'full.mjs'), `import fs from 'node:fs'; import { syncBuiltinESMExports } from 'node:module';
const w = fs.writeSync; fs.writeSync = function (fd, ...rest) { if (fd === 1) throw Object.assign(new Error('ENOSPC: simulated'), { code: 'ENOSPC' }); return w.call(this, fd, ...rest); };
syncBuiltinESMExports();`);
    const r = spawnSync(process.execPath, ['--import', join(dir, 'full.mjs'), CLI, 'run', 'halland.yaml', '--lang', 'sv'], { cwd: dir, encoding: 'utf8' });
    refused({ code: r.status, stdout: '', stderr: r.stderr }, 4, /^riktvarde: kan inte skriva till standard ut: disken är full \(ENOSPC\); utdata är ofullständiga$/m);
  });
});

describe('a region with no ST trainees today', () => {
  // `st.headcount: 0` made "what it would take" divide by zero (stPeakRatio Infinity): `run
  // --format json` refused the result with exit 2, "some value is far outside any sensible range".
  it('run --format json and table work, the ratio is null and not printed', async () => {
    const dir = sandbox({ 'halland.yaml': HALLAND });
    const j = await cliInProcess(dir, 'run', 'halland.yaml', '--set', 'st.headcount=0', '--format', 'json');
    expect(j.code, j.stderr).toBe(0);
    const region = JSON.parse(j.stdout).regions[0];
    expect(region.whatItWouldTake.answers[0].feasibility.stToday).toBe(0);
    expect(region.whatItWouldTake.answers[0].feasibility.stPeakRatio).toBeNull();
    for (const lang of ['en', 'sv']) {
      const t = await cliInProcess(dir, 'run', 'halland.yaml', '--set', 'st.headcount=0', '--lang', lang);
      expect(t.code, t.stderr).toBe(0);
      expect(t.stdout).toMatch(lang === 'en' ? /\(today 0\)/ : /\(i dag 0\)/);
      expect(t.stdout).not.toMatch(/–×|– gånger/);
    }
  });

  it('solve --format json too', async () => {
    const dir = sandbox({ 'halland.yaml': HALLAND });
    const r = await cliInProcess(dir, 'solve', 'halland.yaml', '--set', 'st.headcount=0', '--target-year', '2034', '--format', 'json');
    expect(r.code, r.stderr).toBe(0);
  });
});

describe('--runs over the memory: how many would fit', () => {
  // The message said "at most about 349 runs fit" on a machine where millions fit: it divided the
  // budget by the estimate for one run, which includes the fixed 64 MB.
  it('the number given is the largest that fits the budget', () => {
    const { input } = loadScenarioFile(scenarioPath('stockholm-handlingsplan.yaml'));
    for (const budget of [2 ** 30, 23 * 2 ** 30, 100 * 2 ** 20]) {
      const n = maxRunsFitting(input, budget);
      expect(mcMemoryBytes(input, n)).toBeLessThanOrEqual(budget);
      expect(mcMemoryBytes(input, n + 1)).toBeGreaterThan(budget);
    }
    expect(maxRunsFitting(input, 2 ** 30)).toBeGreaterThan(100_000);
  });
});

describe('files that are not UTF-8', () => {
  const utf16 = (s: string) => Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(s, 'utf16le')]);

  it('a scenario saved as UTF-16 (with its byte-order mark)', async () => {
    const dir = sandbox();
    writeFileSync(join(dir, 'u16.yaml'), utf16(HALLAND));
    refused(await cliInProcess(dir, 'validate', 'u16.yaml'), 2, /^u16\.yaml:1:1 {2}\(top\) {2}"u16\.yaml" is UTF-16 text; save it as UTF-8$/m);
    refused(await cliInProcess(dir, 'validate', 'u16.yaml', '--lang', 'sv'), 2, /"u16\.yaml" är UTF-16-text; spara den som UTF-8/);
  });

  it('UTF-16 without a byte-order mark, also when all ASCII (valid UTF-8 with a NUL in every other byte)', async () => {
    const dir = sandbox();
    writeFileSync(join(dir, 'le.yaml'), Buffer.from(HALLAND, 'utf16le'));
    writeFileSync(join(dir, 'ascii.yaml'), Buffer.from('name: x\nhorizon: {start: 2024, end: 2030}\n', 'utf16le'));
    for (const f of ['le.yaml', 'ascii.yaml']) refused(await cliInProcess(dir, 'validate', f), 2, new RegExp(`"${f.replace('.', '\\.')}" is UTF-16 text; save it as UTF-8`));
  });

  it('a NUL byte in UTF-8 text: not a text file, at its line and column', async () => {
    const dir = sandbox();
    writeFileSync(join(dir, 'nul.yaml'), Buffer.concat([Buffer.from(HALLAND), Buffer.from('# x\u0000y\n')]));
    refused(await cliInProcess(dir, 'validate', 'nul.yaml'), 2, new RegExp(`^nul\\.yaml:${HALLAND.split('\n').length}:4 {2}\\(top\\) {2}"nul\\.yaml" is not UTF-8 text \\(byte 0x00 at line \\d+, column 4: not a text file\\?\\)`, 'm'));
  });

  it('a line in Latin-1 (Windows-1252) after UTF-8 text: the line and column of the first byte that is not UTF-8', async () => {
    const dir = sandbox();
    // HALLAND is UTF-8 with Swedish letters; a comment then saved by an editor in Latin-1.
    writeFileSync(join(dir, 'latin1.yaml'), Buffer.concat([Buffer.from(HALLAND, 'utf8'), Buffer.from('# Hallands läkare\n', 'latin1')]));
    const line = HALLAND.split('\n').length, col = '# Hallands l'.length + 1;
    refused(await cliInProcess(dir, 'validate', 'latin1.yaml'), 2, new RegExp(`^latin1\\.yaml:${line}:${col} {2}\\(top\\) {2}"latin1\\.yaml" is not UTF-8 text \\(byte 0xE4 at line ${line}, column ${col}: Latin-1 or Windows-1252\\?\\); save it as UTF-8$`, 'm'));
  });

  it('a CSV file saved as UTF-16', async () => {
    const dir = sandbox({ 'a.yaml': readFileSync(scenarioPath('stockholm-ageing.yaml'), 'utf8'), 'stockholm-handlingsplan.yaml': readFileSync(scenarioPath('stockholm-handlingsplan.yaml'), 'utf8') });
    spawnSync('mkdir', [join(dir, 'data')]);
    writeFileSync(join(dir, 'data', 'population-stockholm-by-age-2024.csv'), utf16(readFileSync(scenarioPath('data/population-stockholm-by-age-2024.csv'), 'utf8')));
    refused(await cliInProcess(dir, 'validate', 'a.yaml'), 2, /population\.ageCsv\.file {2}"data\/population-stockholm-by-age-2024\.csv" is UTF-16 text; save it as UTF-8/);
  });
});

describe('options that were taken without a word', () => {
  it('solve --region naming no region of a one-region scenario is refused (it was ignored)', async () => {
    const dir = sandbox({ 'halland.yaml': HALLAND });
    refused(await cliInProcess(dir, 'solve', 'halland.yaml', '--target-year', '2034', '--region', 'Hallands län'), 2, /no region 'Hallands län' in this scenario; regions: Halland/);
    const ok = await cliInProcess(dir, 'solve', 'halland.yaml', '--target-year', '2034', '--region', 'Halland', '--runs', '50');
    expect(ok.code, ok.stderr).toBe(0);
  });

  it('explore --steps has an upper bound (1e9 runs per update wrote a page that would exhaust the browser)', async () => {
    const dir = sandbox({ 'halland.yaml': HALLAND });
    refused(await cliInProcess(dir, 'explore', 'halland.yaml', '--steps', '100,1e9', '--out', 'p.html'), 2, /--steps must be a whole number ≥ 1 and ≤ 100000, got 1000000000/);
    expect(existsSync(join(dir, 'p.html'))).toBe(false);
  });

  it('no command: the message names every command, not three of them', async () => {
    const r = await cliInProcess(sandbox(), '--lang', 'sv');
    expect(r.code).toBe(2);
    for (const c of ['run', 'validate', 'solve', 'chart', 'report', 'explore', 'sensitivity', 'compare', 'calibrate', 'backtest', 'schema']) expect(r.stderr).toContain(c);
  });

  it('a folder given to --runs-out is not called --out', async () => {
    const dir = sandbox({ 'halland.yaml': HALLAND });
    const r = await cliInProcess(dir, 'run', 'halland.yaml', '--runs', '20', '--workers', '1', '--runs-out', '.', '--force');
    refused(r, 2, /^riktvarde: \. is a folder; give a file name, e\.g\. \.\/runs\.csv$/m);
    expect(r.stderr).not.toMatch(/--out/);
  });
});

describe('an empty value', () => {
  it("--out '' (and --runs-out, --chart-out, --region, --years) is a usage error, nothing written", async () => {
    const dir = sandbox({ 'halland.yaml': HALLAND });
    for (const [args, opt] of [[['run', 'halland.yaml', '--out', ''], 'out'], [['chart', 'halland.yaml', '--runs', '20', '--out', ' '], 'out'], [['run', 'halland.yaml', '--runs', '20', '--runs-out='], 'runs-out'], [['sensitivity', 'halland.yaml', '--chart-out', ''], 'chart-out'], [['run', 'halland.yaml', '--years', ''], 'years'], [['report', 'halland.yaml', '--region', ''], 'region']] as const) {
      refused(await cliInProcess(dir, ...args), 2, new RegExp(`^riktvarde: --${opt} is empty; give a value$`, 'm'));
    }
    refused(await cliInProcess(dir, 'run', 'halland.yaml', '--out', '', '--lang', 'sv'), 2, /^riktvarde: --out är tomt; ange ett värde$/m);
    expect(readdirSync(dir)).toEqual(['halland.yaml']);
  });
});

describe('extends naming a folder', () => {
  it("'extends: .' says the folder is not a scenario file (it said 'extended file \"\" does not exist')", async () => {
    const dir = sandbox({ 'e.yaml': 'extends: .\nname: x\n' });
    refused(await cliInProcess(dir, 'validate', 'e.yaml'), 2, /^e\.yaml:1:10 {2}extends {2}"\." is not a regular file \(a device, a folder or a pipe\)/m);
  });
});

describe('a CSV file as Swedish Excel saves it', () => {
  it('semicolons and decimal commas: said plainly (was a one-column header, or "expect 1, got 2 on line 2")', async () => {
    const csv = readFileSync(scenarioPath('data/population-stockholm-by-age-2024.csv'), 'utf8').split('\n').map((l) => l.split(',').join(';')).join('\n').replace(';538331;', ';538331,5;');
    const dir = sandbox({ 'a.yaml': readFileSync(scenarioPath('stockholm-ageing.yaml'), 'utf8'), 'stockholm-handlingsplan.yaml': readFileSync(scenarioPath('stockholm-handlingsplan.yaml'), 'utf8') });
    mkdirSync(join(dir, 'data'));
    writeFileSync(join(dir, 'data', 'population-stockholm-by-age-2024.csv'), csv);
    refused(await cliInProcess(dir, 'validate', 'a.yaml'), 2, /^data\/population-stockholm-by-age-2024\.csv:1:7 {2}population\.ageCsv {2}the columns are separated by semicolons \(as Swedish Excel saves CSV\)/m);
    refused(await cliInProcess(dir, 'validate', 'a.yaml', '--lang', 'sv'), 2, /kolumnerna skiljs med semikolon/);
  });
});

describe('standard input as the scenario', () => {
  it("'-' says that a scenario is read from a file (it said 'scenario file \"-\" does not exist')", async () => {
    const dir = sandbox();
    refused(await cliInProcess(dir, 'validate', '-'), 2, /^-:1:1 {2}\(top\) {2}a scenario is read from a file, not from standard input \(-\)/m);
    refused(await cliInProcess(dir, 'run', '-', '--lang', 'sv'), 2, /ett scenario läses från en fil, inte från standard in/);
  });
});

describe('control characters in scenario texts', () => {
  it('a name with a terminal escape sequence is refused where it is written (file and --set), sv+en', async () => {
    const dir = sandbox({ 'esc.yaml': HALLAND.replace(/^name: .*$/m, 'name: "Halland \\e[31mröd\\e]0;titel\\a"') });
    const line = HALLAND.split('\n').findIndex((l) => l.startsWith('name: ')) + 1;
    const r = await cliInProcess(dir, 'run', 'esc.yaml');
    refused(r, 2, new RegExp(`^esc\\.yaml:${line}:7 {2}name {2}a control character \\(U\\+001B\\) at character 9: texts may hold tabs and line breaks`, 'm'));
    expect(r.stderr).not.toContain('\u001b');
    const dir2 = sandbox({ 'halland.yaml': HALLAND });
    refused(await cliInProcess(dir2, 'run', 'halland.yaml', '--set', 'st.intake.note="\\x9b31m"', '--lang', 'sv'), 2, /^--set st\.intake\.note="\\x9b31m":1:\d+ {2}st\.intake\.note {2}ett styrtecken \(U\+009B\) vid tecken 1/m);
  });

  it('tabs and line breaks in a note stay allowed', async () => {
    const dir = sandbox({ 'halland.yaml': HALLAND });
    const r = await cliInProcess(dir, 'validate', 'halland.yaml', '--set', 'description="two\\nlines\\tand a tab"');
    expect(r.code, r.stderr).toBe(0);
  });
});

describe('--years written backwards', () => {
  it("says so (it said the range was outside the horizon, which it is not)", async () => {
    const dir = sandbox({ 'halland.yaml': HALLAND });
    refused(await cliInProcess(dir, 'run', 'halland.yaml', '--years', '2030-2025'), 2, /^riktvarde: --years 2030-2025 runs backwards; write the earlier year first: --years 2025-2030$/m);
    refused(await cliInProcess(dir, 'run', 'halland.yaml', '--years', '2030-2025', '--lang', 'sv'), 2, /går baklänges; skriv det tidigare året först: --years 2025-2030/);
  });
});

describe('numbers the YAML turns into Infinity or NaN', () => {
  it('1e400 is named as too large (it said "got number Infinity"), .nan as not a number', async () => {
    const dir = sandbox({ 'halland.yaml': HALLAND });
    refused(await cliInProcess(dir, 'validate', 'halland.yaml', '--set', 'st.headcount=1e400'), 2, /got infinity \(\.inf, or a number too large to hold such as 1e400\)$/m);
    refused(await cliInProcess(dir, 'validate', 'halland.yaml', '--set', 'st.headcount=-.inf', '--lang', 'sv'), 2, /fick minus oändligheten \(\.inf, eller ett tal för stort att hålla som 1e400\)$/m);
    refused(await cliInProcess(dir, 'validate', 'halland.yaml', '--set', 'st.headcount=.nan'), 2, /got NaN \(not a number: \.nan\)$/m);
  });
});

describe('report --out x.pdf when the browser cannot be unpacked or found', () => {
  // The packaged Chromium is unpacked into the temp folder on first use: a read-only or full temp
  // folder said "internal error … This is a bug" (exit 1); so did RIKTVARDE_CHROMIUM naming nothing.
  const env = (extra: Record<string, string>) => ({ ...process.env, NO_COLOR: '1', ...extra });
  it('a temp folder under a file (ENOTDIR): exit 4, what failed and what to do, nothing written', async () => {
    const dir = sandbox({ 'halland.yaml': HALLAND, 'afile': 'x' });
    const r = spawnSync(process.execPath, [CLI, 'report', 'halland.yaml', '--runs', '20', '--out', 'r.pdf'], { cwd: dir, encoding: 'utf8', env: env({ TMPDIR: join(dir, 'afile') }) });
    refused({ code: r.status, stdout: '', stderr: r.stderr }, 4, /^riktvarde: cannot unpack the PDF browser \(Chromium\) into .*afile\/riktvarde-chromium-[\d.]+: a part of the path is a file, not a folder \(E(NOTDIR|EXIST)\); set TMPDIR to a folder with about 200 MB free, or RIKTVARDE_CHROMIUM to a Chrome or Chromium; nothing was written$/m);
    expect(readdirSync(dir).sort()).toEqual(['afile', 'halland.yaml']);
  });

  it('RIKTVARDE_CHROMIUM naming no file: exit 2, in Swedish too', async () => {
    const dir = sandbox({ 'halland.yaml': HALLAND });
    const r = spawnSync(process.execPath, [CLI, 'report', 'halland.yaml', '--runs', '20', '--out', 'r.pdf', '--lang', 'sv'], { cwd: dir, encoding: 'utf8', env: env({ RIKTVARDE_CHROMIUM: join(dir, 'nope') }) });
    refused({ code: r.status, stdout: '', stderr: r.stderr }, 2, /^riktvarde: RIKTVARDE_CHROMIUM är .*nope, som inte finns; ange sökvägen till en Chrome eller Chromium, eller ta bort variabeln för att använda den som följer med riktvarde; ingenting skrevs$/m);
    expect(readdirSync(dir)).toEqual(['halland.yaml']);
  });
});

describe('a source url that is not a web address', () => {
  it("javascript: (a link in the report that would run on a click) is refused at the url, sv+en; https stays", async () => {
    const dir = sandbox({ 'halland.yaml': HALLAND });
    refused(await cliInProcess(dir, 'report', 'halland.yaml', '--out', 'r.html', '--set', 'sources.halland-2023.url="javascript:alert(3)"'), 2, /^--set sources\.halland-2023\.url="javascript:alert\(3\)":1:\d+ {2}sources\.halland-2023\.url {2}expected a web address starting with https:\/\/ or http:\/\//m);
    refused(await cliInProcess(dir, 'validate', 'halland.yaml', '--set', 'sources.halland-2023.url=data:text/html,x', '--lang', 'sv'), 2, /väntade en webbadress som börjar med https:\/\//);
    expect(readdirSync(dir)).toEqual(['halland.yaml']);
    const ok = await cliInProcess(dir, 'validate', 'halland.yaml', '--set', 'sources.halland-2023.url=https://www.regionhalland.se/x');
    expect(ok.code, ok.stderr).toBe(0);
  });
});

describe('several scenarios, several of them wrong', () => {
  it("compare and report list every file's problems at once (only the first file's were shown)", async () => {
    const dir = sandbox({ 'a.yaml': 'name: a\n', 'b.yaml': 'name: b\nhorizon: {start: 2024, end: 2030}\n' });
    for (const args of [['compare', 'a.yaml', 'b.yaml'], ['report', 'a.yaml', 'b.yaml', '--out', 'r.html']]) {
      const r = await cliInProcess(dir, ...args);
      refused(r, 2, /^a\.yaml:1:1 {2}horizon {2}required/m);
      expect(r.stderr).toMatch(/^b\.yaml:1:1 {2}countBasis {2}required/m);
    }
    expect(readdirSync(dir).sort()).toEqual(['a.yaml', 'b.yaml']);
  });
});

describe('report --out with a name that does not end in .html', () => {
  it('is written (the NaN guard found "NaN" in the inlined chart library and said the result was not finite)', async () => {
    const dir = sandbox({ 'halland.yaml': HALLAND });
    for (const out of ['r.txt', 'report', 'r.htm']) {
      const r = await cliInProcess(dir, 'report', 'halland.yaml', '--runs', '20', '--workers', '1', '--out', out);
      expect(r.code, r.stderr).toBe(0);
      expect(readFileSync(join(dir, out), 'utf8')).toMatch(/^<!doctype html>/i);
    }
  });
});
