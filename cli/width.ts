/**
 * The width of every text table the CLI prints (run, solve, sensitivity, compare): the wide layout
 * (120 columns) in a file, with --wide, or when the width is unknown (a pipe: the stable layout);
 * on a terminal, its width (at least 60), so that tables split their years into blocks that fit.
 */
import { DEFAULT_WIDTH } from '../viz/table.js';
import { terminalColumns } from './stdout.js';

export function tableWidth(a: { wide?: boolean; out?: string }, columns: number | undefined = terminalColumns()): number {
  if (a.wide || a.out !== undefined || !columns) return DEFAULT_WIDTH;
  return Math.max(60, Math.min(DEFAULT_WIDTH, columns));
}
