/** The module structure: no import cycle anywhere, and the layers depend in one direction only. */
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT, cycles, importGraph, specifiers } from './imports.js';

const DIRS = ['model', 'scenario', 'viz', 'api', 'threads', 'web', 'cli', 'bench'];
const sources = DIRS.flatMap((d) => readdirSync(join(ROOT, d), { recursive: true, encoding: 'utf8' }).filter((f) => f.endsWith('.ts') && !f.endsWith('.d.ts')).map((f) => `${d}/${f}`));
const graph = importGraph(sources);

/** Which folders each folder may import (engine ← scenario layer ← outputs ← CLI). */
const ALLOWED: Record<string, string[]> = {
  model: ['model'],
  scenario: ['scenario', 'model'],
  viz: ['viz', 'model', 'scenario'],
  threads: ['threads', 'model'],
  api: ['api', 'model', 'scenario', 'threads'],
  web: ['web', 'api', 'viz', 'model', 'scenario'],
  cli: ['cli', 'api', 'model', 'scenario', 'viz', 'threads', 'web'],
  bench: ['bench', 'api', 'model', 'scenario', 'threads', 'cli'],
};

describe('architecture', () => {
  it('the walker sees static, type-only and dynamic imports', () => {
    expect(specifiers("import a from './a.js';\nimport type { B } from './b.js';\nexport { c } from './c.js';\nconst d = await import('./d.js');\nimport './e.js';")).toEqual(['./a.js', './b.js', './c.js', './e.js', './d.js']);
    expect(cycles(new Map([['a', { local: ['b'] }], ['b', { local: ['a'] }]]))).toEqual([['a', 'b', 'a']]);
  });

  it('has no import cycle', () => {
    expect(graph.size).toBeGreaterThan(60);
    expect(cycles(graph)).toEqual([]);
  });

  it('depends in one direction: engine ← scenario layer ← outputs ← CLI', () => {
    const wrong: string[] = [];
    for (const [f, { local }] of graph) {
      const from = f.split('/')[0];
      for (const g of local) if (!ALLOWED[from].includes(g.split('/')[0])) wrong.push(`${f} → ${g}`);
    }
    expect(wrong).toEqual([]);
  });
});

describe('file size', () => {
  // No exceptions now; a file named here must also be named, with the reason, in the README (module map).
  const EXCEPT = new Set<string>([]);
  it('no source file is over 500 lines', () => {
    const long = sources.filter((f) => !EXCEPT.has(f)).map((f) => [f, readFileSync(join(ROOT, f), 'utf8').split('\n').length] as const).filter(([, n]) => n > 500);
    expect(long).toEqual([]);
  });
});
