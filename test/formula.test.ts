import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import '../api/formula-node.js';
import { msg } from '../scenario/errors.js';
import { FORMULA_ALLOWED, FORMULA_FUNCTIONS, compileFormula, type Formula } from '../scenario/formula.js';

const YEARS = [2023, 2024, 2025, 2026, 2027, 2030];

function fn(src: string): Formula {
  const r = compileFormula(src);
  if (!r.ok) throw new Error(`${src}: ${r.message} at ${r.index}`);
  return r.fn;
}
const values = (src: string, years = YEARS) => years.map(fn(src));
const notAllowed = (what: string, index: number) => ({ ok: false, message: msg.formulaNotAllowed(what, FORMULA_ALLOWED), index });
const W = msg.formulaWhat;

describe('compileFormula: values', () => {
  it('evaluates planners’ intake formulas per year', () => {
    expect(values('min(150, 100 + 10*(year-2024))')).toEqual([90, 100, 110, 120, 130, 150]);
    expect(values('year < 2027 ? 700 : 800')).toEqual([700, 700, 700, 700, 800, 800]);
    expect(values('max(0, 40 - 2 * (year - 2024))')).toEqual([42, 40, 38, 36, 34, 28]);
    expect(values('120')).toEqual([120, 120, 120, 120, 120, 120]);
    expect(values('year')).toEqual(YEARS);
    expect(values('  (year - 2024) / 4 * 3 - 2 + 1  # a comment')).toEqual([-1.75, -1, -0.25, 0.5, 1.25, 3.5]);
  });

  it('follows mathjs precedence', () => {
    expect(values('-2^2', [0])).toEqual([-4]);
    expect(values('2^3^2', [0])).toEqual([512]);
    expect(values('2^-1', [0])).toEqual([0.5]);
    expect(values('1 + 2 * 3 - 4 / 2', [0])).toEqual([5]);
    expect(values('- - 3', [0])).toEqual([3]);
    expect(values('+year', [7])).toEqual([7]);
  });

  it('treats comparisons and logic as 1/0', () => {
    expect(values('year >= 2025')).toEqual([0, 0, 1, 1, 1, 1]);
    expect(values('year == 2025')).toEqual([0, 0, 1, 0, 0, 0]);
    expect(values('year != 2025')).toEqual([1, 1, 0, 1, 1, 1]);
    expect(values('year <= 2024 or year > 2026')).toEqual([1, 1, 0, 0, 1, 1]);
    expect(values('year > 2023 and year < 2026')).toEqual([0, 1, 1, 0, 0, 0]);
    expect(values('not (year > 2025)')).toEqual([1, 1, 1, 0, 0, 0]);
    // Chained comparisons are mathjs RelationalNodes: a < b < c means a < b and b < c.
    expect(values('2025 <= year < 2027 ? 1 : 0')).toEqual([0, 0, 1, 1, 0, 0]);
    expect(values('year < 2025 ? 10 : (year < 2027 ? 20 : 30)')).toEqual([10, 10, 20, 20, 30, 30]);
    expect(values('year < 2025 ? 10 : year < 2027 ? 20 : 30')).toEqual([10, 10, 20, 20, 30, 30]);
  });

  it('has the whitelisted functions with mathjs semantics', () => {
    expect(FORMULA_FUNCTIONS).toEqual(['min', 'max', 'round', 'floor', 'ceil', 'abs']);
    expect(values('min(year)', [5])).toEqual([5]);
    expect(values('max(1, 7, 3, year)', [2, 9])).toEqual([7, 9]);
    expect(values('min(4, 2, 8)', [0])).toEqual([2]);
    // mathjs rounds half away from zero (Math.round would give -2).
    expect(values('round(year / 2)', [-5, -3, 3, 5])).toEqual([-3, -2, 2, 3]);
    expect(values('floor(year / 4)', [-5, 5])).toEqual([-2, 1]);
    expect(values('ceil(year / 4)', [-5, 5])).toEqual([-1, 2]);
    expect(values('abs(2025 - year)')).toEqual([2, 1, 0, 1, 2, 5]);
  });

  it('returns the trimmed source as text and is quick to call', () => {
    const r = compileFormula('  min(150, 100 + 10*(year-2024)) ');
    expect(r.ok && r.text).toBe('min(150, 100 + 10*(year-2024))');
    const f = fn('min(150, 100 + 10*(year-2024))');
    let sum = 0;
    const t0 = performance.now();
    for (let i = 0; i < 200_000; i++) sum += f(2024 + (i % 30));
    expect(performance.now() - t0).toBeLessThan(1000);
    // 6666 full cycles of 30 years (100..140, then 25 x 150) plus 20 years.
    expect(sum).toBe(6666 * 4350 + 2850);
  });
});

describe('compileFormula: rejected input', () => {
  it('names what is not allowed and where', () => {
    const cases: [string, string, number][] = [
      ['100 + x', W.name('x'), 6],
      ['pi * year', W.name('pi'), 0],
      ['year + e', W.name('e'), 7],
      ['cos(year)', W.fn('cos'), 0],
      ['1 + sqrt(year)', W.fn('sqrt'), 4],
      ['2 year', W.implicitMultiplication(), 2],
      ['2year', W.implicitMultiplication(), 1],
      ['min(year)(2)', W.implicitMultiplication(), 9],
      ['5 cm', W.implicitMultiplication(), 2],
      ['"a"', W.text(), 0],
      ["1 + 'a'", W.text(), 4],
      ['true', W.constant('true'), 0],
      ['year + null', W.constant('null'), 7],
      ['1e400', W.nonFinite('1e400'), 0],
      ['year * Infinity', W.nonFinite('Infinity'), 7],
      ['3 mod 2', W.operator('mod'), 2],
      ['year % 2', W.operator('%'), 5],
      ['50%', W.percent(), 2],
      ['year xor 1', W.operator('xor'), 5],
      ['2 & 3', W.operator('&'), 2],
      ['~year', W.operator('~'), 0],
      ['year!', W.operator('!'), 4],
      ["year'", W.operator("'"), 4],
      ['x = 3', W.assignment(), 0],
      ['f(x) = 1', W.functionDefinition(), 0],
      ['[1, 2]', W.matrix(), 0],
      ['1 + [1, 2]', W.matrix(), 4],
      ['{a: 1}', W.object(), 0],
      ['a.b', W.access(), 0],
      ['year[1]', W.access(), 0],
      ['x.y(2)', W.indirectCall(), 0],
      ['1:3', W.range(), 0],
      ['year; 1', W.block(), 4],
      ['year\n+ 1', W.block(), 4],
      ['import({})', W.fn('import'), 0],
      ['evaluate("1")', W.fn('evaluate'), 0],
      ['createUnit("x")', W.fn('createUnit'), 0],
      ['min(1, cos(2))', W.fn('cos'), 7],
      ['year < 2027 ? x : 800', W.name('x'), 14],
    ];
    for (const [src, what, index] of cases) {
      expect({ src, ...compileFormula(src) }).toEqual({ src, ...notAllowed(what, index) });
    }
  });

  it('checks the number of arguments', () => {
    expect(compileFormula('min()')).toEqual({ ok: false, message: msg.formulaArity('min', msg.formulaAtLeastOneArg()), index: 0 });
    expect(compileFormula('1 + round(1, 2)')).toEqual({ ok: false, message: msg.formulaArity('round', msg.formulaOneArg()), index: 4 });
    expect(compileFormula('abs()')).toEqual({ ok: false, message: msg.formulaArity('abs', msg.formulaOneArg()), index: 0 });
  });

  it('reports mathjs syntax errors with the character index', () => {
    const syntax = (src: string, index: number) => {
      const r = compileFormula(src);
      expect(r.ok).toBe(false);
      if (r.ok) return;
      expect({ src, index: r.index, prefix: r.message.startsWith(msg.formulaSyntax('')) }).toEqual({ src, index, prefix: true });
      expect(r.message).not.toMatch(/\(char \d+\)/);
    };
    syntax('min(1,', 6);
    syntax('1 +', 3);
    syntax(')', 0);
    syntax('1, 2', 1);
    syntax('year < 2027 ? 700', 17);
    syntax('"open', 5);
    syntax('1.5.2', 3);
  });

  it('rejects empty and overlong formulas', () => {
    expect(compileFormula('')).toEqual({ ok: false, message: msg.formulaEmpty(), index: 0 });
    expect(compileFormula('  # only a comment')).toEqual({ ok: false, message: msg.formulaEmpty(), index: 0 });
    expect(compileFormula('1+'.repeat(600) + '1')).toEqual({ ok: false, message: msg.formulaTooLong(1000), index: 1000 });
  });

  it('never throws, and indexes stay inside the source', () => {
    const junk = ['(((', ')))', '?:', 'year ? :', '#', '\\', '$', '@', 'min(,)', 'year..2', '0x', '1e', "'", '"', '((year))((year))',
      'a?.b', '1 to cm', 'year in 2', 'end', 'f(x)', '[', '{', '=', '==', 'not', 'and', 'year and', '5!!'];
    for (const src of junk) {
      const r = compileFormula(src);
      if (!r.ok) {
        expect(r.index, src).toBeGreaterThanOrEqual(0);
        expect(r.index, src).toBeLessThanOrEqual(src.length);
      }
    }
    expect(compileFormula('('.repeat(100) + 'year' + ')'.repeat(100)).ok).toBe(true);
    // Deeper nesting overflows mathjs's recursive parser: still a clean result.
    expect(compileFormula('('.repeat(490) + 'year' + ')'.repeat(490))).toEqual({ ok: false, message: msg.formulaTooDeep(), index: 0 });
  });
});

describe('formula module boundaries', () => {
  it('uses mathjs only to parse', () => {
    const src = readFileSync(new URL('../scenario/formula.ts', import.meta.url), 'utf8');
    // mathjs is loaded lazily (in Node by api/formula-node.ts), and only its parser is taken from it.
    expect(readFileSync(new URL('../api/formula-node.ts', import.meta.url), 'utf8')).toMatch(/createRequire\(import\.meta\.url\)\('mathjs'\) as \{ parse:/);
    const code = src.replace(/\/\/.*$/gm, '');
    expect(code).not.toMatch(/\bevaluate\b|\bcompile\(|\beval\(|new Function/);
  });

  it('is not imported from model/ (mathjs costs ~0.5 s to load)', () => {
    const dir = new URL('../model/', import.meta.url);
    const files = readdirSync(dir, { recursive: true, encoding: 'utf8' }).filter((f) => f.endsWith('.ts'));
    for (const f of files) {
      const text = readFileSync(join(dir.pathname, f), 'utf8');
      expect(text, f).not.toMatch(/from ['"][^'"]*schema\/formula(\.js)?['"]|from ['"]mathjs['"]/);
    }
  });
});
