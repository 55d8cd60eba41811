/**
 * `riktvarde chart`: files per chart, all-or-nothing, no overwrite without --force. The first test
 * runs the built CLI end to end; the others call its `main` in-process on one thread.
 */
import { existsSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { cli as spawnCli, cliInProcess, removeSandboxes, ROOT, sandbox } from './helpers.js';

const dir = sandbox({}, 'riktvarde-chart-');
afterAll(removeSandboxes);
/** In the shape of spawnSync's result: `status` is the exit code. */
const cli = async (...args: string[]) => { const r = await cliInProcess(ROOT, ...args, '--workers', '1'); return { ...r, status: r.code }; };
const e2e = async (...args: string[]) => { const r = await spawnCli(ROOT, ...args); return { ...r, status: r.code }; };

describe('riktvarde chart', () => {
  it('writes one PNG per chart into a new folder and lists them (built CLI)', async () => {
    const out = join(dir, 'png');
    const r = await e2e('chart', 'scenarios/halland.yaml', '--runs', '100', '--seed', '1', '--out', out, '--lang', 'sv');
    expect(r.status, r.stderr).toBe(0);
    const files = r.stdout.trim().split('\n');
    expect(files.map((f) => f.slice(out.length + 1))).toEqual(['1-inhabitants-per-doctor.png', '2-probability-reached.png', '3-year-reached.png', '4-workforce.png', '5-flows.png', '6-cost.png']);
    for (const f of files) expect(readFileSync(f).subarray(1, 4).toString()).toBe('PNG');
  });

  it('PNG: the same bytes with --workers 1 and 2 (built CLI)', async () => {
    const outs = [join(dir, 'png-w1'), join(dir, 'png-w2')];
    for (const [i, w] of ['1', '2'].entries()) {
      const r = await e2e('chart', 'scenarios/stockholm-handlingsplan.yaml', '--runs', '100', '--seed', '3', '--out', outs[i], '--workers', w);
      expect(r.status, r.stderr).toBe(0);
    }
    const names = readdirSync(outs[0]);
    expect(readdirSync(outs[1])).toEqual(names);
    expect(names).toHaveLength(6);
    for (const n of names) expect(readFileSync(join(outs[1], n)).equals(readFileSync(join(outs[0], n))), n).toBe(true);
  });

  it('refuses to replace files without --force and writes nothing; --force replaces', async () => {
    const out = join(dir, 'svg');
    expect((await cli('chart', 'scenarios/halland.yaml', '--runs', '50', '--out', out, '--format', 'svg')).status).toBe(0);
    const before = Object.fromEntries(readdirSync(out).map((f) => [f, statSync(join(out, f)).mtimeMs]));
    const again = await cli('chart', 'scenarios/halland.yaml', '--runs', '50', '--out', out, '--format', 'svg');
    expect(again.status).toBe(3);
    expect(again.stderr).toContain('already exists');
    expect(Object.fromEntries(readdirSync(out).map((f) => [f, statSync(join(out, f)).mtimeMs]))).toEqual(before);
    expect((await cli('chart', 'scenarios/halland.yaml', '--runs', '50', '--out', out, '--format', 'svg', '--force')).status).toBe(0);
  });

  it('vl.json: the Vega-Lite specs, with the regions chart for a multi-region scenario', async () => {
    const out = join(dir, 'vl');
    const r = await cli('chart', 'scenarios/riket-2019.yaml', '--runs', '50', '--out', out, '--format', 'vl.json');
    expect(r.status, r.stderr).toBe(0);
    const spec = JSON.parse(readFileSync(join(out, '7-regions.vl.json'), 'utf8'));
    expect(spec.$schema).toMatch(/vega-lite/);
    expect(existsSync(join(out, '1-inhabitants-per-doctor.vl.json'))).toBe(true);
  });

  it('--out that is a file, and an unknown --region, are usage errors', async () => {
    const f = join(dir, 'afile');
    writeFileSync(f, 'x');
    expect((await cli('chart', 'scenarios/halland.yaml', '--out', f)).status).toBe(2);
    const r = await cli('chart', 'scenarios/halland.yaml', '--out', join(dir, 'x'), '--region', 'Skåne');
    expect(r.status).toBe(2);
    expect(r.stderr).toContain('Halland');
  });
});
