/**
 * cli/code-cache.ts, the built CLI's loader of its command code (dist/cli/handlers.cjs): a file
 * written inside its function by the build or a plain CommonJS file, ASCII or UTF-8, with a code
 * cache or a cache V8 rejects, gives the same exports.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { loadWithCodeCache, WRAPPER_HEAD, WRAPPER_TAIL } from '../cli/code-cache.js';
import { removeSandboxes, sandbox } from './helpers.js';

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
