/** The program's version (Node): on its own so that `--version` loads nothing else. */
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';

/** The program's version, from package.json. */
export function programVersion(): string {
  let dir = dirname(new URL(import.meta.url).pathname);
  for (let i = 0; i < 5; i++) {
    const p = join(dir, 'package.json');
    if (existsSync(p)) {
      const pkg = JSON.parse(readFileSync(p, 'utf8')) as { name?: string; version?: string };
      if (pkg.name === 'riktvarde') return pkg.version ?? '0.0.0';
    }
    dir = dirname(dir);
  }
  return '0.0.0';
}

