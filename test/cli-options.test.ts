/** Every option of every command has help text (options are declared once, in cli/options.ts). */
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT } from './imports.js';

const CLI = join(ROOT, 'dist', 'cli', 'main.cjs');
const COMMANDS = ['run', 'validate', 'solve', 'chart', 'report', 'explore', 'sensitivity', 'compare'];

describe('command-line help', () => {
  it.each(COMMANDS)('every option of %s has a description', (cmd) => {
    const r = spawnSync(process.execPath, [CLI, cmd, '--help'], { encoding: 'utf8', env: { ...process.env, NO_COLOR: '1', COLUMNS: '200' } });
    expect(r.status).toBe(0);
    const options = r.stdout.split('\n').filter((l) => /^ {2}--[a-z-]+/.test(l));
    expect(options.length).toBeGreaterThan(2);
    // An option line without help has only its type/default annotations after the name.
    const bare = options.filter((l) => /^ {2}--[a-z-]+\s+(\[[^\]]*\]\s*)*$/.test(l));
    expect(bare).toEqual([]);
  });
});
