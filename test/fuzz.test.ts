/**
 * Property test: mutated shipped scenarios never crash the CLI. Each case takes a shipped scenario,
 * applies one to three seeded mutations (drop a key, change a value's type, an extreme or negative
 * number, a NaN-ish string or YAML's .nan/.inf, a wrong year), runs it in-process and asserts:
 * exit code 0 or 2, no stack trace, no NaN or Infinity in any output, nothing written on error.
 * Seeded and bounded (CASES), so it is the same test every time and keeps the suite fast.
 */
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { parse, stringify } from 'yaml';
import { cliInProcess, removeSandboxes, sandbox, scenarioPath } from './helpers.js';

afterAll(removeSandboxes);

const CASES = 150;
const SEED = 20261205;

/** mulberry32: a small seeded generator (the test must be the same every run). */
function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

type Json = null | boolean | number | string | Json[] | { [k: string]: Json };
type Path = (string | number)[];

/** Every path in the document (objects, lists and leaves), the root aside. */
function paths(v: Json, at: Path = []): Path[] {
  const out: Path[] = at.length ? [at] : [];
  if (Array.isArray(v)) v.forEach((x, i) => out.push(...paths(x, [...at, i])));
  else if (v !== null && typeof v === 'object') for (const k of Object.keys(v)) out.push(...paths(v[k], [...at, k]));
  return out;
}

const getIn = (v: Json, p: Path): Json => p.reduce<Json>((o, k) => (o as Record<string | number, Json>)[k], v);

const SHIPPED = readdirSync(join(scenarioPath(''), '.')).filter((f) => f.endsWith('.yaml')).sort();
const TEXTS = Object.fromEntries(SHIPPED.map((f) => [f, readFileSync(scenarioPath(f), 'utf8')]));

const EXTREMES: Json[] = [1e308, -1e308, 1e12, -1, -0.5, 0, 1e-300, 2 ** 53, 5, 1000, 0.999999];
const NANISH = ['NaN', '.nan', '.inf', '-.inf', 'Infinity', '', '1e999', '10k', '__proto__'];

/** One mutation of `doc` (in place); returns what it did, for the failure message. */
function mutate(doc: Json, r: () => number): string {
  const all = paths(doc);
  const p = all[Math.floor(r() * all.length)];
  const parent = getIn(doc, p.slice(0, -1)) as Record<string | number, Json>;
  const key = p[p.length - 1];
  const old = parent[key];
  const pick = <T,>(xs: T[]): T => xs[Math.floor(r() * xs.length)];
  const kind = Math.floor(r() * 6);
  switch (kind) {
    case 0:
      if (Array.isArray(parent)) parent.splice(key as number, 1); else delete parent[key];
      return `drop ${p.join('.')}`;
    case 1: {
      const v = pick<Json>(['text', 5, [1, 2], { a: 1 }, null, true]);
      parent[key] = v;
      return `type ${p.join('.')} = ${JSON.stringify(v)}`;
    }
    case 2: {
      const v = typeof old === 'number' ? pick([old * 1e6, -old, old * -1e300, old + 1e9]) : pick(EXTREMES);
      parent[key] = v;
      return `number ${p.join('.')} = ${v}`;
    }
    case 3: {
      const v = pick(NANISH);
      parent[key] = v === '.nan' ? NaN : v === '.inf' ? Infinity : v === '-.inf' ? -Infinity : v;
      return `nanish ${p.join('.')} = ${v}`;
    }
    case 4: {
      // Wrong years: shift a year-keyed table, or the horizon.
      if (old !== null && typeof old === 'object' && !Array.isArray(old) && Object.keys(old).some((k) => /^\d{4}$/.test(k))) {
        const shift = pick([-30, 15, 100, -1]);
        parent[key] = Object.fromEntries(Object.entries(old).map(([k, v]) => [/^\d{4}$/.test(k) ? String(Number(k) + shift) : k, v]));
        return `years ${p.join('.')} shifted ${shift}`;
      }
      const h = (doc as Record<string, Json>).horizon as Record<string, number> | undefined;
      if (h && typeof h === 'object') { h[pick(['start', 'end'])] = pick([1800, 2500, 2019, 2100, 2024.5]); return `horizon ${JSON.stringify(h)}`; }
      return 'none';
    }
    default:
      parent[key] = typeof old === 'number' ? -Math.abs(old) - 1 : pick(EXTREMES);
      return `negative ${p.join('.')} = ${JSON.stringify(parent[key])}`;
  }
}

/** YAML text for a mutated document (NaN and ±Infinity as YAML's .nan/.inf). */
const yamlOf = (doc: Json): string => stringify(doc, { lineWidth: 0 });

describe(`fuzz: ${CASES} mutated shipped scenarios`, () => {
  it('exit 0 or 2, no stack trace, no NaN/Infinity, nothing written on error', async () => {
    const r = rng(SEED);
    const dir = sandbox(TEXTS);
    const outcomes = { ok: 0, invalid: 0 };
    for (let n = 0; n < CASES; n++) {
      const file = SHIPPED[Math.floor(r() * SHIPPED.length)];
      const doc = parse(TEXTS[file]) as Json;
      const did: string[] = [];
      const k = 1 + Math.floor(r() * 3);
      for (let i = 0; i < k; i++) did.push(mutate(doc, r));
      const name = `case${n}.yaml`;
      writeFileSync(join(dir, name), yamlOf(doc));
      const mc = n % 5 === 0;
      const format = mc ? 'json' : n % 2 ? 'csv' : 'table';
      const out = `out${n}.${format === 'table' ? 'txt' : format}`;
      const args = ['run', name, '--format', format, '--out', out, ...(mc ? ['--runs', '20', '--seed', '1', '--workers', '1'] : [])];
      const before = readdirSync(dir).sort();
      const res = await cliInProcess(dir, ...args);
      const what = `case ${n} (${file}: ${did.join('; ')}): exit ${res.code}\n${res.stderr}`;
      expect([0, 2], what).toContain(res.code);
      expect(res.stderr, what).not.toMatch(/internal error|^\s+at .+:\d+:\d+\)?$/m);
      const after = readdirSync(dir).sort();
      if (res.code === 0) {
        outcomes.ok++;
        const text = readFileSync(join(dir, out), 'utf8');
        expect(text, what).not.toMatch(/\bNaN\b|Infinity|∞/);
        if (format === 'json') expect(() => JSON.parse(text), what).not.toThrow();
        expect(after, what).toEqual([...before, out].sort());
      } else {
        outcomes.invalid++;
        expect(after, what).toEqual(before); // nothing written, no temp file
        expect(res.stdout, what).toBe('');
      }
    }
    // Both kinds happen: the mutations are neither all harmless nor all fatal.
    expect(outcomes.ok).toBeGreaterThan(5);
    expect(outcomes.invalid).toBeGreaterThan(5);
  }, 600_000);
});
