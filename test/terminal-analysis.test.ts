/**
 * solve, sensitivity, compare (and backtest) print their tables at the width `run` does
 * (cli/width.ts): 80 columns on an 80-column terminal (years in blocks, sentences wrapped), the
 * 120-column layout with --wide, in a file or through a pipe.
 */
import { describe, expect, it } from 'vitest';
import { renderCompareTable } from '../viz/compare.js';
import { renderSensitivityTable } from '../viz/sensitivity.js';
import { renderSolve } from '../viz/solvetext.js';
import { DEFAULT_WIDTH } from '../viz/table.js';
import { texts } from '../viz/texts/index.js';
import { cliInProcess, layoutProblems, ROOT } from './helpers.js';

async function json<T>(...args: string[]): Promise<T> {
  const r = await cliInProcess(ROOT, ...args, '--format', 'json', '--workers', '1');
  expect(r.code, r.stderr).toBe(0);
  return JSON.parse(r.stdout) as T;
}

const widest = (s: string) => Math.max(...s.split('\n').map((l) => [...l].length));

describe('analysis tables follow the terminal width', () => {
  it('solve: sentences wrapped, years in blocks, within 80 columns; 120 as before', async () => {
    const report = await json<Parameters<typeof renderSolve>[0]>('solve', 'scenarios/halland.yaml', '--target-year', '2030', '--runs', '100', '--seed', '3');
    for (const lang of ['en', 'sv'] as const) {
      const narrow = renderSolve(report, texts(lang), 80);
      expect(layoutProblems(narrow, 80)).toEqual([]);
      const wide = renderSolve(report, texts(lang), DEFAULT_WIDTH);
      expect(layoutProblems(wide, DEFAULT_WIDTH)).toEqual([]);
      expect(widest(wide)).toBeGreaterThan(80);
      // Every year of the cost table is shown, in more blocks when narrow.
      const headers = (s: string) => s.split('\n').filter((l) => /^\s+\d{4}(\s+\d{4})*$/.test(l));
      expect(headers(narrow).length).toBeGreaterThan(headers(wide).length);
      expect(headers(narrow).join(' ').match(/\d{4}/g)).toEqual(headers(wide).join(' ').match(/\d{4}/g));
    }
  }, 60_000);

  it('sensitivity and compare: within 80 columns', async () => {
    const sens = await json<Parameters<typeof renderSensitivityTable>[0]>('sensitivity', 'scenarios/halland.yaml', '--runs', '100', '--seed', '3');
    const cmp = await json<Parameters<typeof renderCompareTable>[0]>('compare', 'scenarios/halland.yaml', 'scenarios/halland-motion-1100.yaml', '--runs', '100', '--seed', '3');
    for (const lang of ['en', 'sv'] as const) {
      expect(layoutProblems(renderSensitivityTable(sens, texts(lang), { width: 80 }), 80)).toEqual([]);
      expect(layoutProblems(renderCompareTable(cmp, texts(lang), { width: 80 }), 80)).toEqual([]);
      expect(widest(renderCompareTable(cmp, texts(lang), { width: DEFAULT_WIDTH }))).toBeGreaterThan(80);
    }
  }, 120_000);

  it('--wide is an option of solve, sensitivity, compare and backtest (a pipe prints the wide layout either way)', async () => {
    for (const args of [
      ['solve', 'scenarios/halland.yaml', '--target-year', '2030', '--runs', '50'],
      ['sensitivity', 'scenarios/halland.yaml', '--runs', '50'],
      ['compare', 'scenarios/halland.yaml', 'scenarios/halland-motion-1100.yaml', '--runs', '50'],
      ['backtest', 'scenarios/backtest-riket.yaml', '--runs', '50'],
    ]) {
      const plain = await cliInProcess(ROOT, ...args, '--seed', '3', '--workers', '1');
      const wide = await cliInProcess(ROOT, ...args, '--seed', '3', '--workers', '1', '--wide');
      expect(wide.code, wide.stderr).toBe(0);
      expect(wide.stdout).toBe(plain.stdout);
      expect(layoutProblems(wide.stdout, DEFAULT_WIDTH)).toEqual([]);
    }
  }, 180_000);
});
