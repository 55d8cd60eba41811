/**
 * The JSON Schema of a scenario file (draft 2020-12), for editors and other validators, made from
 * the zod schema in `schema.ts` (nothing is written twice):
 *
 * 1. Each parameter becomes a reference to the definition of its kind and range
 *    (`scalar-share`, `series-nonneg`, `norm-positive`, …): the ranges that `normalize.ts` checks.
 * 2. Shared parts are definitions (`$defs`), referenced wherever they occur.
 * 3. A file with `extends` is a merge patch on its base (RFC 7396): nothing is required, any key
 *    may be `null` (it deletes the key of the base) and a mapping may hold only the keys it
 *    changes. Each definition gets a `-patch` twin for that; lists replace wholesale, so their
 *    items stay whole.
 *
 * What only the program checks: the horizon (tables covering every year), that shares sum to 1,
 * formulas, sources that exist, and distributions whose bounds are in order.
 */
import { z } from 'zod';
import { AgeGroup, CareNeedByAge, Costs, ListableRuleSchema, PopulationCsv, RandomWalk, Norms, OtherGroup, Population, Region, ScenarioSchema, Source, Specialists, St, rangedParamSchemas, paramDomains } from './schema.js';

type Json = Record<string, unknown>;
const REF = '#/$defs/';

/** The region blocks, named so that the top level and `regions` share one definition. */
const NAMED: [z.ZodType, string][] = [
  [ScenarioSchema, 'scenario'], [Region, 'region'], [Population, 'population'], [Norms, 'norms'], [Specialists, 'specialists'],
  [St, 'st'], [OtherGroup, 'other-group'], [Costs, 'costs'], [Source, 'source'],
  [AgeGroup, 'age-group'], [CareNeedByAge, 'care-need-by-age'], [ListableRuleSchema, 'listable-rule'], [PopulationCsv, 'population-csv'], [RandomWalk, 'random-walk'],
];
for (const [s, id] of NAMED) z.globalRegistry.add(s, { ...z.globalRegistry.get(s), id });

export function scenarioJsonSchema(): Json {
  // Generated in one go: the named blocks and the ranged parameter definitions.
  const holder = z.object(Object.fromEntries([...NAMED.map(([s, id]) => [id, s]), ...rangedParamSchemas()]));
  const generated = z.toJSONSchema(holder, {
    target: 'draft-2020-12',
    io: 'input',
    unrepresentable: 'any',
    reused: 'inline',
    // 1. A parameter is a reference to its ranged definition (keeping its own description).
    override: (ctx) => {
      const p = paramDomains.get(ctx.zodSchema);
      if (!p) return;
      const js = ctx.jsonSchema as Json;
      const description = js.description;
      for (const k of Object.keys(js)) delete js[k];
      js.$ref = `${REF}${p.kind}-${p.domain}`;
      if (description !== undefined) js.description = description;
    },
  }) as Json & { $defs: Record<string, Json>; properties: Record<string, Json> };
  // 2. The ranged definitions are the holder's properties: move them among the definitions.
  const defs: Record<string, Json> = { ...generated.$defs };
  for (const [id, js] of Object.entries(generated.properties)) if (js.$ref !== `${REF}${id}`) defs[id] = js;
  const scenario = defs.scenario;
  // `extends` is only read by the loader; the zod schema never sees it.
  scenario.properties = { extends: { type: 'string', description: 'base scenario file (relative path); this file is deep-merged on top of it' }, ...(scenario.properties as Json) };
  const full = { ...scenario, properties: { ...(scenario.properties as Json) } };
  delete (full.properties as Json).extends;
  defs.scenario = full;
  // 3. The merge-patch twins, made on demand from the definitions they reference.
  const patch = patcher(defs);
  const extending = patch({ ...scenario, properties: scenario.properties });
  defs['scenario-patch'] = { ...extending, required: ['extends'] };
  return {
    $schema: 'https://json-schema.org/draft/2020-12/schema',
    title: 'riktvarde scenario',
    description: 'A riktvarde scenario file (YAML). With `extends`, a merge patch on the base file.',
    type: 'object',
    if: { type: 'object', properties: { extends: true }, required: ['extends'] },
    then: { $ref: `${REF}scenario-patch` },
    else: { $ref: `${REF}scenario` },
    $defs: Object.fromEntries(Object.entries(defs).sort(([a], [b]) => a.localeCompare(b))),
  };
}

/** `patch(schema)`: what a merge patch may write where `schema` holds (adds `-patch` twins to `defs`). */
function patcher(defs: Record<string, Json>): (node: Json) => Json {
  const nullable = (js: Json): Json => ({ anyOf: [js, { type: 'null' }] });
  const patch = (node: Json): Json => {
    if (typeof node.$ref === 'string') {
      const id = node.$ref.slice(REF.length);
      const twin = `${id}-patch`;
      if (!(twin in defs)) {
        defs[twin] = {}; // placeholder while it is being made
        defs[twin] = patch(defs[id]);
      }
      return { ...node, $ref: `${REF}${twin}` };
    }
    const out: Json = { ...node };
    for (const k of ['anyOf', 'oneOf'] as const) {
      if (!Array.isArray(node[k])) continue;
      delete out[k];
      // Partial members can match more than one alternative: any of them will do.
      out.anyOf = (node[k] as Json[]).map(patch);
    }
    if (node.type === 'object') {
      delete out.required;
      if (node.properties) out.properties = Object.fromEntries(Object.entries(node.properties as Json).map(([k, v]) => [k, nullable(patch(v as Json))]));
      const extra = node.additionalProperties;
      // `null` deletes a key of the base: allowed even where the base's member (of a union) had it.
      out.additionalProperties = extra === false || extra === undefined ? { type: 'null' } : extra === true ? true : nullable(patch(extra as Json));
    }
    return out;
  };
  return patch;
}
