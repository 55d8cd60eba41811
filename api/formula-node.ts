/**
 * Formulas in Node: mathjs loaded on the first formula only (most scenarios have none, and the CLI
 * starts ~0.5 s faster), and only its parser taken. Imported for this effect by api/load.ts.
 */
import { createRequire } from 'node:module';
import type { MathNode } from 'mathjs';
import { useFormulaParser } from '../scenario/formula.js';

let parse: ((e: string) => MathNode) | null = null;
useFormulaParser((expr) => {
  parse ??= (createRequire(import.meta.url)('mathjs') as { parse: (e: string) => MathNode }).parse;
  return parse(expr);
});
