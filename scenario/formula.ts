// Safe per-year formulas such as `min(150, 100 + 10*(year-2024))`.
//
// mathjs is used ONLY to parse. Evaluating with mathjs would expose its whole
// function library (import, createUnit, …) to scenario files, and is ~100x
// slower than plain closures. We walk the AST against a whitelist and compile
// it to nested closures ourselves.
//
// Importing mathjs costs ~0.5 s: never import this module from model/ (workers and the engine
// must stay light). The parser is given once at the edge, so this module stays pure (no node:
// import): in Node, api/formula-node.ts loads mathjs on the first formula; a web page passes
// mathjs's `parse` to useFormulaParser.
import type { MathNode } from 'mathjs';
import { msg } from './errors.js';

/** mathjs's `parse` (only the parser is ever taken from mathjs). */
export type FormulaParser = (expr: string) => MathNode;
let mathjsParse: FormulaParser | null = null;

/** Sets the parser every formula is read with. */
export function useFormulaParser(parse: FormulaParser): void {
  mathjsParse = parse;
}

function parser(): FormulaParser {
  if (!mathjsParse) throw new Error("no formula parser: call useFormulaParser(parse) with mathjs's parse first");
  return mathjsParse;
}

export type Formula = (year: number) => number;

export type CompileResult = { ok: true; fn: Formula; text: string } | { ok: false; message: string; index: number };

export const FORMULA_FUNCTIONS: readonly string[] = Object.freeze(['min', 'max', 'round', 'floor', 'ceil', 'abs']);

/** What a formula may contain, for error messages and docs. */
export const FORMULA_ALLOWED =
  'numbers, year, + - * / ^, < <= > >= == !=, and or not, cond ? a : b, parentheses, ' +
  FORMULA_FUNCTIONS.map((f) => `${f}()`).join(' ');

const MAX_LENGTH = 1000;

/** Compiles `src`; never throws. `index` is the 0-based offset of the problem in `src`. */
export function compileFormula(src: string): CompileResult {
  compiled++;
  const cached = cache.get(src);
  if (cached) return cached;
  const result = compileUncached(src);
  if (cache.size >= CACHE_SIZE) cache.delete(cache.keys().next().value as string);
  cache.set(src, result);
  return result;
}

// Scenarios repeat the same few formulas across runs and tests; parsing dominates the cost.
const CACHE_SIZE = 500;
const cache = new Map<string, CompileResult>();
let compiled = 0;
/** How many formulas were compiled in this process, cached or not (`explore` asks whether a scenario has any). */
export const formulasCompiled = (): number => compiled;

function compileUncached(src: string): CompileResult {
  if (src.length > MAX_LENGTH) return { ok: false, message: msg.formulaTooLong(MAX_LENGTH), index: MAX_LENGTH };
  let root: MathNode;
  const parse = parser();
  try {
    root = parse(src);
  } catch (e) {
    // mathjs's parser is recursive: deep nesting overflows the stack.
    if (e instanceof RangeError) return { ok: false, message: msg.formulaTooDeep(), index: 0 };
    // mathjs reports "(char N)" with N 1-based.
    const text = e instanceof Error ? e.message : String(e);
    const m = /\s*\(char (\d+)\)\s*$/.exec(text);
    const index = m ? Math.min(Math.max(Number(m[1]) - 1, 0), src.length) : 0;
    return { ok: false, message: msg.formulaSyntax(m ? text.slice(0, m.index) : text), index };
  }
  if (root.type === 'ConstantNode' && (root as unknown as { value: unknown }).value === undefined) {
    return { ok: false, message: msg.formulaEmpty(), index: 0 };
  }
  const cursor = new Cursor(src);
  try {
    const fn = build(root, cursor);
    return { ok: true, fn, text: src.trim() };
  } catch (e) {
    if (e instanceof Reject) return { ok: false, message: e.message, index: e.index };
    throw e;
  }
}

class Reject extends Error {
  constructor(
    message: string,
    readonly index: number,
  ) {
    super(message);
  }
}

const notAllowed = (what: string, index: number): Reject => new Reject(msg.formulaNotAllowed(what, FORMULA_ALLOWED), index);

// ---------------------------------------------------------------- positions

// Made when a formula is first read: a Unicode property class costs ~0.4 ms to build cold, in
// every command that loads this module (start-up, issue 15).
let identChar: RegExp | undefined;
const IDENT_CHAR = (): RegExp => (identChar ??= /[\p{L}\p{N}_$]/u);
const NUMBER = /0[xX][0-9a-fA-F]+|0[bB][01]+|0[oO][0-7]+|(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?/y;

/**
 * mathjs nodes carry no source positions, so we re-scan the source in step
 * with the AST walk (which visits nodes in source order) to know where each
 * node starts. If the scan ever disagrees with the AST we stop trusting it and
 * fall back to searching for the token, or to 0.
 */
class Cursor {
  pos = 0;
  lost = false;
  constructor(readonly src: string) {}

  /** Index of the next significant character (skips spaces and # comments). */
  next(): number {
    const s = this.src;
    let p = this.pos;
    for (;;) {
      while (p < s.length && /\s/.test(s[p])) p++;
      if (s[p] !== '#') break;
      while (p < s.length && s[p] !== '\n') p++;
    }
    return p;
  }

  /** Where the node about to be visited starts; `word` helps if we lost track. */
  here(word?: string): number {
    if (!this.lost) return Math.min(this.next(), this.src.length);
    if (word) {
      const m = new RegExp(`(?<![\\p{L}\\p{N}_$])${escapeRe(word)}(?![\\p{L}\\p{N}_$])`, 'u').exec(this.src);
      if (m) return m.index;
    }
    return 0;
  }

  /** Consumes `text` (an operator, bracket or name) if it is next. */
  take(text: string): void {
    if (this.lost) return;
    const p = this.next();
    const word = IDENT_CHAR().test(text[text.length - 1]);
    if (this.src.startsWith(text, p) && !(word && IDENT_CHAR().test(this.src[p + text.length] ?? ''))) {
      this.pos = p + text.length;
    } else this.lost = true;
  }

  /** Consumes a number literal (or the names Infinity/NaN) and returns its text. */
  takeNumber(): string {
    if (this.lost) return '';
    const p = this.next();
    for (const w of ['Infinity', 'NaN']) {
      if (this.src.startsWith(w, p)) {
        this.take(w);
        return w;
      }
    }
    NUMBER.lastIndex = p;
    const m = NUMBER.exec(this.src);
    if (!m) {
      this.lost = true;
      return '';
    }
    this.pos = p + m[0].length;
    return m[0];
  }
}

function escapeRe(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

// ---------------------------------------------------------------- AST -> closures

// Structural views of the mathjs node types we accept (their .d.ts generics are awkward).
interface AnyNode {
  type: string;
  value?: unknown;
  name?: string;
  op?: string;
  fn?: AnyNode | string;
  args?: AnyNode[];
  implicit?: boolean;
  isPercentage?: boolean;
  content?: AnyNode;
  condition?: AnyNode;
  trueExpr?: AnyNode;
  falseExpr?: AnyNode;
  params?: AnyNode[];
  conditionals?: string[];
  blocks?: { node: AnyNode }[];
}

type Num = (year: number) => number;

const BINARY: Record<string, (a: Num, b: Num) => Num> = {
  '+': (a, b) => (y) => a(y) + b(y),
  '-': (a, b) => (y) => a(y) - b(y),
  '*': (a, b) => (y) => a(y) * b(y),
  '/': (a, b) => (y) => a(y) / b(y),
  '^': (a, b) => (y) => a(y) ** b(y),
  '<': (a, b) => (y) => (a(y) < b(y) ? 1 : 0),
  '<=': (a, b) => (y) => (a(y) <= b(y) ? 1 : 0),
  '>': (a, b) => (y) => (a(y) > b(y) ? 1 : 0),
  '>=': (a, b) => (y) => (a(y) >= b(y) ? 1 : 0),
  '==': (a, b) => (y) => (a(y) === b(y) ? 1 : 0),
  '!=': (a, b) => (y) => (a(y) !== b(y) ? 1 : 0),
  and: (a, b) => (y) => (a(y) !== 0 && b(y) !== 0 ? 1 : 0),
  or: (a, b) => (y) => (a(y) !== 0 || b(y) !== 0 ? 1 : 0),
};

const UNARY: Record<string, (a: Num) => Num> = {
  '-': (a) => (y) => -a(y),
  '+': (a) => a,
  not: (a) => (y) => (a(y) === 0 ? 1 : 0),
};

const POSTFIX = new Set(['!', "'"]);

// RelationalNode (chained comparison `2025 <= year < 2030`) names its operators by function.
const RELATIONAL: Record<string, string> = {
  smaller: '<',
  smallerEq: '<=',
  larger: '>',
  largerEq: '>=',
  equal: '==',
  unequal: '!=',
};

// Half away from zero, like mathjs's round (Math.round rounds -2.5 to -2).
const roundHalfAway = (x: number): number => (x < 0 ? -Math.round(-x) : Math.round(x));

const UNARY_FN: Record<string, (x: number) => number> = {
  round: roundHalfAway,
  floor: Math.floor,
  ceil: Math.ceil,
  abs: Math.abs,
};

function build(n: MathNode | AnyNode, cur: Cursor): Num {
  const node = n as AnyNode;
  switch (node.type) {
    case 'ConstantNode': {
      const at = cur.here();
      const v = node.value;
      if (typeof v === 'number') {
        const literal = cur.takeNumber();
        if (!Number.isFinite(v)) throw notAllowed(msg.formulaWhat.nonFinite(literal || String(v)), at);
        return () => v;
      }
      if (typeof v === 'string') throw notAllowed(msg.formulaWhat.text(), cur.lost ? quoteIndex(cur.src) : at);
      throw notAllowed(msg.formulaWhat.constant(String(v)), cur.here(String(v)));
    }

    case 'SymbolNode': {
      const name = node.name ?? '';
      const at = cur.here(name);
      if (name !== 'year') throw notAllowed(msg.formulaWhat.name(name), at);
      cur.take(name);
      return (y) => y;
    }

    case 'ParenthesisNode': {
      cur.take('(');
      const inner = build(node.content as AnyNode, cur);
      cur.take(')');
      return inner;
    }

    case 'FunctionNode':
      return buildCall(node, cur);

    case 'OperatorNode':
      return buildOperator(node, cur);

    case 'ConditionalNode': {
      const c = build(node.condition as AnyNode, cur);
      cur.take('?');
      const t = build(node.trueExpr as AnyNode, cur);
      cur.take(':');
      const f = build(node.falseExpr as AnyNode, cur);
      return (y) => (c(y) !== 0 ? t(y) : f(y));
    }

    case 'RelationalNode': {
      const params = node.params ?? [];
      const ops = node.conditionals ?? [];
      let prev = build(params[0], cur);
      let all: Num | undefined;
      for (let i = 0; i < ops.length; i++) {
        const op = RELATIONAL[ops[i]];
        if (op === undefined) throw notAllowed(msg.formulaWhat.operator(ops[i]), cur.here());
        cur.take(op);
        const right = build(params[i + 1], cur);
        const cmp = BINARY[op](prev, right);
        all = all === undefined ? cmp : BINARY.and(all, cmp);
        prev = right;
      }
      return all ?? prev;
    }

    case 'BlockNode': {
      // Point at the separator after the first expression.
      const first = node.blocks?.[0]?.node;
      if (first) build(first, cur);
      const sep = /[;\n]/.exec(cur.src.slice(cur.pos));
      throw notAllowed(msg.formulaWhat.block(), cur.lost || !sep ? 0 : cur.pos + sep.index);
    }

    default:
      throw notAllowed(describe(node.type), cur.here());
  }
}

function buildCall(node: AnyNode, cur: Cursor): Num {
  const fnNode = node.fn;
  if (typeof fnNode !== 'object' || fnNode.type !== 'SymbolNode') throw notAllowed(msg.formulaWhat.indirectCall(), cur.here());
  const name = fnNode.name ?? '';
  const at = cur.here(name);
  if (!FORMULA_FUNCTIONS.includes(name)) throw notAllowed(msg.formulaWhat.fn(name), at);
  const argNodes = node.args ?? [];
  const variadic = name === 'min' || name === 'max';
  if (variadic ? argNodes.length < 1 : argNodes.length !== 1) {
    return fail(msg.formulaArity(name, variadic ? msg.formulaAtLeastOneArg() : msg.formulaOneArg()), at);
  }
  cur.take(name);
  cur.take('(');
  const args = argNodes.map((a, i) => {
    if (i > 0) cur.take(',');
    return build(a, cur);
  });
  cur.take(')');

  if (!variadic) {
    const f = UNARY_FN[name];
    const a = args[0];
    return (y) => f(a(y));
  }
  const pick = name === 'min' ? Math.min : Math.max;
  if (args.length === 1) return args[0];
  if (args.length === 2) {
    const [a, b] = args;
    return (y) => pick(a(y), b(y));
  }
  return (y) => {
    let r = args[0](y);
    for (let i = 1; i < args.length; i++) r = pick(r, args[i](y));
    return r;
  };
}

function buildOperator(node: AnyNode, cur: Cursor): Num {
  const op = node.op ?? '';
  const args = node.args ?? [];

  if (args.length === 1) {
    if (POSTFIX.has(op)) {
      build(args[0], cur);
      throw notAllowed(msg.formulaWhat.operator(op), cur.lost ? cur.src.lastIndexOf(op) : cur.next());
    }
    const at = cur.here(op);
    const make = UNARY[op];
    if (make === undefined) throw notAllowed(msg.formulaWhat.operator(op), at);
    cur.take(op);
    return make(build(args[0], cur));
  }

  const left = build(args[0], cur);
  // Operators that have no text of their own: point at where the right operand starts.
  if (node.isPercentage) throw notAllowed(msg.formulaWhat.percent(), cur.lost ? Math.max(cur.src.indexOf('%'), 0) : cur.next());
  if (node.implicit) throw notAllowed(msg.formulaWhat.implicitMultiplication(), cur.lost ? 0 : cur.next());
  const at = cur.here(op);
  const make = BINARY[op];
  if (make === undefined) throw notAllowed(msg.formulaWhat.operator(op), at);
  cur.take(op);
  const right = build(args[1], cur);
  return make(left, right);
}

function fail(message: string, index: number): never {
  throw new Reject(message, index);
}

function quoteIndex(src: string): number {
  const m = /["']/.exec(src);
  return m ? m.index : 0;
}

function describe(type: string): string {
  switch (type) {
    case 'AssignmentNode':
      return msg.formulaWhat.assignment();
    case 'FunctionAssignmentNode':
      return msg.formulaWhat.functionDefinition();
    case 'ArrayNode':
      return msg.formulaWhat.matrix();
    case 'ObjectNode':
      return msg.formulaWhat.object();
    case 'AccessorNode':
    case 'IndexNode':
      return msg.formulaWhat.access();
    case 'RangeNode':
      return msg.formulaWhat.range();
    default:
      return msg.formulaWhat.construct(type);
  }
}
