/**
 * Close variants of the fault hunt's fixes (docs/faults.md) that the review of 6 Dec 2026 found
 * still open: each reproduced here first, then fixed.
 */
import { chmodSync, existsSync, mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { cliInProcess, refused, removeSandboxes, sandbox, scenarioPath } from './helpers.js';

afterAll(removeSandboxes);

const HALLAND = readFileSync(scenarioPath('halland.yaml'), 'utf8');

describe('control characters from a scenario file never reach the terminal raw', () => {
  it('a key holding one: the problem names it escaped (the path printed the key as it was)', async () => {
    const dir = sandbox({ 'k.yaml': `${HALLAND}\nfo\u001bo: 1\n` });
    const r = await cliInProcess(dir, 'validate', 'k.yaml');
    refused(r, 2, /k\.yaml:\d+:1 {2}\["fo\\u001bo"\] {2}a control character \(U\+001B\) at character 3/);
    expect(r.stderr).not.toContain('\u001b');
  });

  it('an alias or a directive holding one: the YAML messages escape it, sv+en', async () => {
    const dir = sandbox({ 'a.yaml': 'name: &a x\nregion: *a\u001b[31m\n', 'd.yaml': '%YAML\u001b[31m 1.2\n---\nname: a\n' });
    for (const file of ['a.yaml', 'd.yaml']) {
      for (const lang of ['en', 'sv']) {
        const r = await cliInProcess(dir, 'validate', file, '--lang', lang);
        // Escaped where the text is quoted (the Swedish directive message names no text at all).
        refused(r, 2, lang === 'sv' && file === 'd.yaml' ? /felaktigt direktiv/ : /\\u001b/);
        expect(r.stderr).not.toContain('\u001b');
      }
    }
  });
});

describe('folders made for an output are removed when a deeper one cannot be made', () => {
  it('--out a/b/<name too long>/x.csv: exit 4 and neither a nor a/b is left (makeFolders left them)', async () => {
    const dir = sandbox({ 'halland.yaml': HALLAND });
    const r = await cliInProcess(dir, 'run', 'halland.yaml', '--format', 'csv', '--out', `a/b/${'x'.repeat(300)}/x.csv`);
    refused(r, 4, /ENAMETOOLONG/);
    expect(existsSync(join(dir, 'a'))).toBe(false);
  });
});

describe('RIKTVARDE_CHROMIUM naming something that is not a program', () => {
  it('a folder or a file that cannot be run is a setup error (exit 2), not "internal error" with the browser\'s log', async () => {
    const dir = sandbox({ 'halland.yaml': HALLAND, 'not-a-browser': 'text\n' });
    chmodSync(join(dir, 'not-a-browser'), 0o644);
    mkdirSync(join(dir, 'folder'));
    const saved = process.env.RIKTVARDE_CHROMIUM;
    try {
      for (const target of ['folder', 'not-a-browser']) {
        process.env.RIKTVARDE_CHROMIUM = join(dir, target);
        const r = await cliInProcess(dir, 'report', 'halland.yaml', '--runs', '20', '--out', 'r.pdf');
        refused(r, 2, /RIKTVARDE_CHROMIUM is .*, which is not a program/);
        expect(existsSync(join(dir, 'r.pdf'))).toBe(false);
      }
      process.env.RIKTVARDE_CHROMIUM = join(dir, 'folder');
      refused(await cliInProcess(dir, 'report', 'halland.yaml', '--runs', '20', '--out', 'r.pdf', '--lang', 'sv'), 2, /RIKTVARDE_CHROMIUM är .*, som inte är ett program/);
    } finally {
      if (saved === undefined) delete process.env.RIKTVARDE_CHROMIUM;
      else process.env.RIKTVARDE_CHROMIUM = saved;
    }
  });
});

describe('the user\'s own words are not numbers that are not finite', () => {
  it('a name or region with "Infinity"/"NaN", and report --out NaN.html (its name printed), are written', async () => {
    const dir = sandbox({ 'halland.yaml': HALLAND });
    for (const args of [
      ['run', 'halland.yaml', '--set', 'name="Plan Infinity"'],
      ['run', 'halland.yaml', '--set', 'name="Plan Infinity"', '--format', 'json'],
      ['run', 'halland.yaml', '--set', 'region="NaN"', '--format', 'csv'],
      ['report', 'halland.yaml', '--runs', '20', '--out', 'NaN.html'],
    ]) {
      const r = await cliInProcess(dir, ...args);
      expect(r.code, `${args.join(' ')}: ${r.stderr}`).toBe(0);
    }
    expect(existsSync(join(dir, 'NaN.html'))).toBe(true);
  });

  it('a number that is not finite is still refused beside such a word', async () => {
    const { checkFinite } = await import('../cli/finite.js');
    expect(() => checkFinite([{ data: 'Plan Infinity  12  NaN\n' }], () => ['Plan Infinity'])).toThrow(/NaN in stdout/);
    expect(() => checkFinite([{ data: 'Plan Infinity  12  -Infinity\n' }], () => ['Plan NaN'])).toThrow(/Infinity in stdout/);
    expect(() => checkFinite([{ data: 'Plan Infinity  12\n' }], () => ['Plan Infinity'])).not.toThrow();
  });
});

describe('compare/report list every file\'s problems at once, each once', () => {
  it('two scenarios extending the same broken base: its problem is listed once (it was listed per file)', async () => {
    const dir = sandbox({
      'base.yaml': HALLAND.replace(/^name: .*$/m, 'name: [not, a, text]'),
      'a.yaml': 'extends: base.yaml\ndescription: a\n',
      'b.yaml': 'extends: base.yaml\ndescription: b\n',
    });
    const r = await cliInProcess(dir, 'compare', 'a.yaml', 'b.yaml', '--runs', '20');
    refused(r, 2, /^base\.yaml:\d+:\d+ {2}name {2}/m);
    expect(r.stderr.match(/^base\.yaml:/gm)).toHaveLength(1);
    expect(r.stderr).toMatch(/^1 problem; nothing was written\.$/m);
  });
});

describe('an output named as a folder (a trailing slash)', () => {
  it('--out newdir/ is refused as a folder (exit 2), not "a part of the path is a file (ENOTDIR)" (exit 4); chart --out newdir/ still writes', async () => {
    const dir = sandbox({ 'halland.yaml': HALLAND });
    refused(await cliInProcess(dir, 'run', 'halland.yaml', '--format', 'csv', '--out', 'newdir/'), 2, /^riktvarde: newdir\/ is a folder; give a file name, e\.g\. newdir\/result\.csv/m);
    expect(existsSync(join(dir, 'newdir'))).toBe(false);
    const r = await cliInProcess(dir, 'chart', 'halland.yaml', '--runs', '20', '--format', 'svg', '--out', 'charts/');
    expect(r.code, r.stderr).toBe(0);
    expect(existsSync(join(dir, 'charts', '1-inhabitants-per-doctor.svg'))).toBe(true);
  });
});
