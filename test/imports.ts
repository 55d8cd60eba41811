/** A small import-graph walker over the project's .ts sources (static and dynamic imports). */
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';

export const ROOT = join(dirname(new URL(import.meta.url).pathname), '..');

/** Module specifiers of a source file: `import … from 'x'`, `export … from 'x'`, `import('x')`, `import 'x'`. */
export function specifiers(src: string): string[] {
  const code = src.replace(/\/\*[\s\S]*?\*\//g, '').replace(/^\s*\/\/.*$/gm, '');
  const out: string[] = [];
  for (const m of code.matchAll(/(?:^|[;\s])(?:import|export)\s[^'"`;]*?from\s*['"]([^'"]+)['"]/gm)) out.push(m[1]);
  for (const m of code.matchAll(/(?:^|[;\s])import\s*['"]([^'"]+)['"]/gm)) out.push(m[1]);
  for (const m of code.matchAll(/\bimport\(\s*['"]([^'"]+)['"]\s*\)/g)) out.push(m[1]);
  return out;
}

/** Resolves a relative `./x.js` specifier to its .ts source (repo-relative), or null for a package. */
export function resolveLocal(fromFile: string, spec: string): string | null {
  if (!spec.startsWith('.')) return null;
  const abs = join(ROOT, dirname(fromFile), spec).replace(/\.js$/, '.ts');
  if (!existsSync(abs)) throw new Error(`${fromFile}: cannot resolve ${spec}`);
  return relative(ROOT, abs);
}

/** Every local module reachable from `entry` (repo-relative .ts paths), with its imports. */
export function importGraph(entries: string[]): Map<string, { local: string[]; external: string[] }> {
  const graph = new Map<string, { local: string[]; external: string[] }>();
  const todo = [...entries];
  while (todo.length) {
    const f = todo.pop()!;
    if (graph.has(f)) continue;
    const local: string[] = [], external: string[] = [];
    for (const s of specifiers(readFileSync(join(ROOT, f), 'utf8'))) {
      const r = resolveLocal(f, s);
      if (r === null) external.push(s);
      else { local.push(r); todo.push(r); }
    }
    graph.set(f, { local, external });
  }
  return graph;
}

/** The import cycles of a graph, each as a list of files (empty: none). */
export function cycles(graph: Map<string, { local: string[] }>): string[][] {
  const found: string[][] = [];
  const state = new Map<string, 'open' | 'done'>();
  const stack: string[] = [];
  const visit = (f: string) => {
    state.set(f, 'open');
    stack.push(f);
    for (const g of graph.get(f)?.local ?? []) {
      if (state.get(g) === 'open') found.push([...stack.slice(stack.indexOf(g)), g]);
      else if (!state.has(g)) visit(g);
    }
    stack.pop();
    state.set(f, 'done');
  };
  for (const f of [...graph.keys()].sort()) if (!state.has(f)) visit(f);
  return found;
}
