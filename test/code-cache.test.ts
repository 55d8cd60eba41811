/**
 * cli/code-cache.ts, the built CLI's loader of its command code (dist/cli/handlers.cjs): a file
 * written inside its function by the build or a plain CommonJS file, ASCII or UTF-8, with a code
 * cache or a cache V8 rejects, gives the same exports.
 */
import { spawnSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { loadWithCodeCache, WRAPPER_HEAD, WRAPPER_TAIL } from '../cli/code-cache.js';
import { CLI, removeSandboxes, sandbox, scenarioPath } from './helpers.js';

afterAll(removeSandboxes);

const resolve = (s: string) => s;

describe('loadWithCodeCache', () => {
  it('runs a plain CommonJS file and one the build wrote inside the function alike, UTF-8 text intact', () => {
    const body = "exports.text = 'Läkare – 1\u00a0100 ∞'; exports.dir = __dirname; exports.resolved = __importMetaResolve('x');";
    const dir = sandbox({ 'plain.cjs': body, 'wrapped.cjs': `${WRAPPER_HEAD}${body}${WRAPPER_TAIL}` });
    const plain = loadWithCodeCache(join(dir, 'plain.cjs'), resolve) as Record<string, string>;
    const wrapped = loadWithCodeCache(join(dir, 'wrapped.cjs'), resolve) as Record<string, string>;
    expect(plain).toEqual({ text: 'Läkare – 1\u00a0100 ∞', dir, resolved: 'x' });
    expect(wrapped).toEqual(plain);
  });

  it('an ASCII file with a cache V8 rejects (longer or shorter than the file) is compiled as usual', () => {
    const dir = sandbox({ 'a.cjs': `${WRAPPER_HEAD}exports.n = 1 + 1; exports.s = 'plain ascii';${WRAPPER_TAIL}`, 'b.cjs': "exports.m = require('./a.cjs').n * 2;" });
    writeFileSync(join(dir, 'a.cjs.cache'), Buffer.alloc(4096, 7)); // longer than the file: read through the same buffer
    writeFileSync(join(dir, 'b.cjs.cache'), Buffer.alloc(3, 1));
    expect(loadWithCodeCache(join(dir, 'b.cjs'), resolve)).toEqual({ m: 4 });
    expect(loadWithCodeCache(join(dir, 'a.cjs'), resolve)).toEqual({ n: 2, s: 'plain ascii' });
  });
});

describe('the built CLI', () => {
  it("sets its V8 flags for a deterministic run without loading node:v8 and without printing a warning", () => {
    // Node's own modules the process loaded, written to stderr at exit by a preload.
    const dir = sandbox({ 'loaded.cjs': "process.on('exit', () => require('fs').writeSync(2, 'LOADED ' + JSON.stringify(process.moduleLoadList)));" });
    const r = spawnSync(process.execPath, ['-r', join(dir, 'loaded.cjs'), CLI, 'run', scenarioPath('stockholm-handlingsplan.yaml')], { encoding: 'utf8' });
    expect(r.status).toBe(0);
    expect(r.stdout).toContain('Stockholm');
    const [before, loaded] = r.stderr.split('LOADED ');
    expect(before).toBe(''); // no DeprecationWarning (DEP0111) or anything else
    const modules = JSON.parse(loaded) as string[];
    expect(modules).toContain('NativeModule vm'); // the list is Node's own: the command code was loaded through vm
    expect(modules).not.toContain('NativeModule v8');
    expect(modules).not.toContain('NativeModule stream');
  });
});
