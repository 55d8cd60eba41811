/**
 * The JSON Schema of `riktvarde schema`, checked by an independent validator (ajv, draft 2020-12,
 * strict): every shipped scenario passes, partial files that `extends` another and their `null`
 * deletions pass, and the ranges, enums and unknown keys the program rejects are rejected.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { Ajv2020 } from 'ajv/dist/2020.js';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import { scenarioJsonSchema } from '../scenario/jsonschema.js';
import { DOMAINS } from '../scenario/schema.js';

const schema = scenarioJsonSchema();
// Strict: no unknown keywords or ignored constraints; `type: [number, string]` is plain draft 2020-12.
const validate = new Ajv2020({ allErrors: true, strict: true, allowUnionTypes: true }).compile(schema);
const dir = new URL('../scenarios/', import.meta.url);
const shipped = readdirSync(dir).filter((f) => f.endsWith('.yaml')).sort();
const load = (f: string) => parse(readFileSync(new URL(f, dir), 'utf8')) as Record<string, unknown>;

/** The ajv errors of `doc`, as "path: message" lines ([] when valid). */
function errors(doc: unknown): string[] {
  return validate(doc) ? [] : (validate.errors ?? []).map((e) => `${e.instancePath}: ${e.message}`);
}

const BASE = load('halland.yaml');
const clone = <T>(x: T): T => structuredClone(x);
const withSt = (st: Record<string, unknown>) => ({ ...clone(BASE), st: { ...(BASE.st as object), ...st } });

describe('JSON Schema of scenario files (ajv, draft 2020-12)', () => {
  it('accepts every shipped scenario (with and without extends, with null deletions)', () => {
    expect(shipped.length).toBeGreaterThanOrEqual(8);
    for (const f of shipped) expect(errors(load(f)), f).toEqual([]);
    // The shipped files do use what the issue found rejected.
    const texts = shipped.map((f) => readFileSync(new URL(f, dir), 'utf8')).join('\n');
    expect(texts).toMatch(/^extends: /m);
    expect(texts).toMatch(/^total: null/m);
    expect(texts).toMatch(/targetHeadcount: null/);
  });

  it('a partial file that extends another needs no key but extends; null deletes a key anywhere', () => {
    expect(errors({ extends: 'halland.yaml', st: { dropout: 0.05 } })).toEqual([]);
    expect(errors({ extends: 'halland.yaml', horizon: { end: 2040 } })).toEqual([]);
    expect(errors({ extends: 'halland.yaml', specialists: { retirement: { meanAge: 66 } } })).toEqual([]);
    expect(errors({ extends: 'halland.yaml', norms: { specialist: { value: null, schedule: { 2024: 1500, 2028: 1100 } } }, total: null })).toEqual([]);
    // Without extends the file is whole: the required keys are required, null is no value.
    expect(errors({ st: { dropout: 0.05 } }).join('\n')).toMatch(/must have required property 'horizon'/);
    expect(errors({ ...clone(BASE), total: null })).not.toEqual([]);
  });

  it('rejects a value outside its range (from the same ranges the program checks)', () => {
    expect(errors(withSt({ dropout: 0.05 }))).toEqual([]);
    expect(errors(withSt({ dropout: 1.5 })).join('\n')).toMatch(/\/st\/dropout: must be <= 1/);
    expect(errors(withSt({ dropout: { value: -0.1, source: 'x' } })).join('\n')).toMatch(/\/st\/dropout\/value: must be >= 0/);
    expect(errors(withSt({ dropout: { dist: 'pert', min: 0.01, mode: 0.02, max: 1.2 } })).join('\n')).toMatch(/\/st\/dropout\/max: must be <= 1/);
    expect(errors(withSt({ completionAge: DOMAINS.age.hi + 1 })).join('\n')).toMatch(new RegExp(`/st/completionAge: must be <= ${DOMAINS.age.hi}`));
    expect(errors(withSt({ intake: { 2025: 30, 2026: -4 } })).join('\n')).toMatch(/\/st\/intake\/2026: must be >= 0/);
    expect(errors(withSt({ fte: 0 })).join('\n')).toMatch(/\/st\/fte: must be > 0/);
    // In a partial file too.
    expect(errors({ extends: 'halland.yaml', st: { dropout: 1.5 } }).join('\n')).toMatch(/\/st\/dropout: must be <= 1/);
  });

  it('rejects unknown keys and values outside an enum, with or without extends', () => {
    expect(errors(withSt({ dropuot: 0.05 })).join('\n')).toMatch(/\/st: must NOT have additional properties/);
    expect(errors({ extends: 'halland.yaml', st: { dropuot: 0.05 } })).not.toEqual([]);
    expect(errors({ ...clone(BASE), countBasis: 'hospitals' }).join('\n')).toMatch(/\/countBasis: must be equal to one of the allowed values/);
    expect(errors(withSt({ dropout: { dist: 'poisson', mean: 0.02 } }))).not.toEqual([]);
    expect(errors({ extends: 'halland.yaml', countBasis: 'hospitals' })).not.toEqual([]);
  });

  it('is small: shared definitions, no repeated region blocks', () => {
    const text = JSON.stringify(schema, null, 2);
    // It was 875 kB with every block inlined, 162 kB shared; issues 10 and 12 added training capacity,
    // plan paths (targetHeadcount, targetCompletions) and demand by age (≈ 204 kB): still shared.
    expect(text.length).toBeLessThan(250_000);
    const defs = schema.$defs as Record<string, unknown>;
    for (const id of ['scenario', 'scenario-patch', 'region', 'st', 'scalar-share', 'series-nonneg', 'norm-positive', 'distribution-share']) expect(defs, id).toHaveProperty(id);
    // Every reference resolves, and every definition is used.
    const refs = new Set((text.match(/"#\/\$defs\/[^"]+"/g) ?? []).map((r) => r.slice(9, -1)));
    for (const ref of refs) expect(defs, ref).toHaveProperty(ref);
    expect(Object.keys(defs).filter((id) => !refs.has(id))).toEqual([]);
  });
});
