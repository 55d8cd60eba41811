/**
 * The compact per-run store of the Monte Carlo (model/mc-store.ts): every column read back is the
 * engine's value to the bit — kept columns in whatever narrow form each chunk chose, derived
 * measures recomputed by writeMeasures from their kept inputs — on every shipped scenario, with
 * and without event noise; and the encodings keep −0, NaN, ±Infinity and large whole numbers.
 */
import { readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { loadScenarioFile } from '../api/load.js';
import { prepareCopula } from '../model/copula.js';
import { drawParamsInto, uncertainKeys } from '../model/draws.js';
import { F, FIELDS, NFIELDS } from '../model/fields.js';
import { ChunkStore, DERIVED_FIELDS, newStore, releaseStore } from '../model/mc-store.js';
import { simulateChunk } from '../model/mc-tasks.js';
import { CAPACITY_INPUTS, CAPACITY_OUTPUTS, COST_OUTPUTS, MEASURE_INPUTS, MEASURE_OUTPUTS, writeCapacity, writeCostIncreases, writeMeasures } from '../model/measures.js';
import { McContext, simulateRange, valueAt } from '../model/montecarlo.js';
import { scenarioPath } from './helpers.js';

const shipped = readdirSync(scenarioPath('')).filter((f) => f.endsWith('.yaml'));
const same = (a: number, b: number) => Object.is(a, b);

describe('compact per-run store', () => {
  for (const file of shipped) {
    for (const eventNoise of [true, false]) {
      it(`${file}${eventNoise ? '' : ' (no event noise)'}: every column of every region reads back bit for bit`, () => {
        const input = loadScenarioFile(scenarioPath(file), []).input;
        const runs = 45;
        const opts = { runs, seed: 11, eventNoise };
        const params = new Float64Array(runs * uncertainKeys(input).length);
        const ctx = new McContext(input, opts, params, prepareCopula(input));
        drawParamsInto(input, opts.seed, 0, runs, ctx.copula, params);
        const Y = ctx.nYears, size = ctx.size;
        for (let region = 0; region < Math.min(2, input.regions.length); region++) {
          const dense = new Float64Array(runs * size);
          simulateRange(ctx, region, 0, runs, dense, null);
          // Uneven chunks (16, 16, 13) as a Monte Carlo on several threads cuts them.
          const store = new ChunkStore(newStore(runs, Y, 16, false));
          for (let k = 0; k * 16 < runs; k++) simulateChunk(ctx, region, k, k * 16, Math.min(runs, k * 16 + 16), store, null);
          const col = new Float64Array(runs);
          let bad = 0;
          for (let c = 0; c < size; c++) {
            store.column(c, col);
            for (let r = 0; r < runs; r++) if (!same(col[r], valueAt(dense, runs, c, r))) bad++;
          }
          expect(bad).toBe(0);
          // Several fields of one year at once, derived and kept mixed.
          const fields = [F.reached, F.specialists, F.coverage, F.cumulativeCost];
          const dsts = fields.map(() => new Float64Array(runs));
          store.fields(Y - 1, fields, dsts);
          fields.forEach((f, q) => { for (let r = 0; r < runs; r++) expect(same(dsts[q][r], valueAt(dense, runs, f * Y + Y - 1, r))).toBe(true); });
          // Far smaller than full columns of doubles.
          expect(store.bytesUsed()).toBeLessThan(runs * size * 8 * 0.6);
        }
      });
    }
  }

  /** `write` (of one year's fields, Y = 1) writes only `outputs`, and changing any field outside `inputs` changes no output. */
  const readsOnly = (write: (b: Float64Array) => void, inputs: Set<number>, outputs: Set<number>, b: Float64Array) => {
    const before = Float64Array.from(b);
    write(b);
    FIELDS.forEach((d, f) => { if (!outputs.has(f)) expect(b[f], d.key).toBe(before[f]); });
    for (let f = 0; f < NFIELDS; f++) {
      if (inputs.has(f) || outputs.has(f)) continue;
      const c = Float64Array.from(before);
      c[f] = -12345.5;
      write(c);
      for (const o of outputs) expect(same(c[o], b[o]), `${FIELDS[f].key} → ${FIELDS[o].key}`).toBe(true);
    }
  };

  it('writeMeasures reads only MEASURE_INPUTS (and gapNorm) and writes only MEASURE_OUTPUTS', () => {
    const b = new Float64Array(NFIELDS).map((_, f) => 1000 + 37 * f);
    b[F.capacity] = 5e5; b[F.populationToCover] = 6e5; b[F.specialistPathGap] = 0.3; b[F.completionsPathGap] = 2;
    readsOnly((x) => writeMeasures(x, 1, 0, 1100), new Set(MEASURE_INPUTS), new Set(MEASURE_OUTPUTS), b);
  });

  it('writeCapacity reads only CAPACITY_INPUTS and writes only CAPACITY_OUTPUTS; writeCostIncreases reads only the costs and earlier increases', () => {
    readsOnly((x) => writeCapacity(x, 1, 0), new Set(CAPACITY_INPUTS), new Set(CAPACITY_OUTPUTS), new Float64Array(NFIELDS).map((_, f) => 1000 + 37 * f));
    // Three years of one run (Y = 3, index t): the first year's increase 0, no net increase, then running sums.
    const y = new Float64Array(NFIELDS * 3).fill(77);
    [100, 130, 125].forEach((cost, t) => { y[F.cost * 3 + t] = cost; });
    for (let t = 0; t < 3; t++) writeCostIncreases(y, 3, t, t, 1);
    expect([0, 1, 2].map((t) => y[F.costIncrease * 3 + t])).toEqual([0, 30, 25]);
    expect([0, 1, 2].map((t) => y[F.netCostIncrease * 3 + t])).toEqual([NaN, 30, -5]);
    expect([0, 1, 2].map((t) => y[F.cumulativeCost * 3 + t])).toEqual([0, 30, 55]);
    const costs = new Set<number>([F.cost, ...COST_OUTPUTS]);
    y.forEach((v, i) => { if (!costs.has(Math.floor(i / 3))) expect(v).toBe(77); });
  });

  it('keeps −0, NaN, ±Infinity, fractions and large or negative whole numbers exactly', () => {
    const runs = 40, Y = 1, size = NFIELDS;
    const columns: number[][] = [
      Array(runs).fill(-0),
      Array.from({ length: runs }, (_, r) => (r === 7 ? -0 : r)),
      Array(runs).fill(NaN),
      Array.from({ length: runs }, (_, r) => (r % 3 === 0 ? NaN : r)),
      Array.from({ length: runs }, (_, r) => (r === 5 ? Infinity : r === 6 ? -Infinity : 2 * r)),
      Array.from({ length: runs }, (_, r) => 2 ** 40 + r * 70000),
      Array.from({ length: runs }, (_, r) => -5e9 + r * 3e8),
      Array.from({ length: runs }, (_, r) => r / 3),
      Array.from({ length: runs }, (_, r) => r / 4),
      Array.from({ length: runs }, (_, r) => 1e300 * (r % 2 ? 1 : -1)),
      // Equal but for the last value (the constant pass stops there), and all-equal ones.
      Array.from({ length: runs }, (_, r) => (r === runs - 1 ? -0 : 0)),
      Array.from({ length: runs }, (_, r) => (r === runs - 1 ? NaN : 3.5)),
      Array.from({ length: runs }, (_, r) => (r === runs - 1 ? 2 : NaN)),
      Array(runs).fill(7),
      Array(runs).fill(0),
      // Not whole from the first value, not a float32 from the second.
      Array.from({ length: runs }, (_, r) => (r === 0 ? 0.5 : 2 ** 24 + 1)),
    ];
    const kept = FIELDS.map((_, f) => f).filter((f) => !DERIVED_FIELDS.includes(f));
    const blocks = new Float64Array(runs * size);
    columns.forEach((vals, i) => { for (let r = 0; r < runs; r++) blocks[r * size + kept[i]] = vals[r]; });
    const store = new ChunkStore(newStore(runs, Y, runs, false));
    store.writeChunk(0, blocks, runs);
    const col = new Float64Array(runs);
    columns.forEach((vals, i) => {
      store.column(kept[i], col);
      for (let r = 0; r < runs; r++) expect(same(col[r], vals[r]), `column ${i} run ${r}`).toBe(true);
    });
  });

  it('keeps a field that is its partner times one factor as the factor alone, and falls back when no factor fits', () => {
    const runs = 32, size = NFIELDS;
    const blocks = new Float64Array(runs * size);
    for (let r = 0; r < runs; r++) {
      const b = r * size;
      blocks[b + F.specialists] = r % 5 === 0 ? 0 : 100 + 7 * r;
      blocks[b + F.specialistsFte] = blocks[b + F.specialists] * 0.87;
      blocks[b + F.otherSpecialists] = r === 3 ? NaN : 2 + r;
      blocks[b + F.otherSpecialistsFte] = blocks[b + F.otherSpecialists] * 0.8;
      blocks[b + F.capacityOther] = blocks[b + F.otherSpecialistsFte] * 1100;
    }
    // The second chunk's specialists' FTE is one ulp off the product in one run: kept as doubles.
    const odd = 21 * size + F.specialistsFte;
    blocks[odd] = blocks[odd] * (1 + 2 ** -52);
    const store = new ChunkStore(newStore(runs, 1, 16, false));
    store.writeChunk(0, blocks, 16);
    const first = store.bytesUsed();
    store.writeChunk(1, blocks.subarray(16 * size), 16);
    // Chunk 0: the partners' own values only (16 one-byte counts, 16 float32s with the NaN); chunk 1: 16
    // two-byte and 16 one-byte counts, and the odd column's 16 doubles.
    expect(first).toBe(16 + 64);
    expect(store.bytesUsed() - first).toBe(32 + 16 + 128);
    const col = new Float64Array(runs);
    for (const f of [F.specialists, F.specialistsFte, F.otherSpecialists, F.otherSpecialistsFte, F.capacityOther]) {
      store.column(f, col);
      for (let r = 0; r < runs; r++) expect(same(col[r], blocks[r * size + f]), `${FIELDS[f].key} run ${r}`).toBe(true);
    }
  });

  it('a released store\'s arena is reused by the next store that fits, which reads back its own values only', () => {
    const runs = 40, Y = 2, size = NFIELDS * Y;
    const fill = (k: number) => Float64Array.from({ length: runs * size }, (_, i) => ((i * 7 + k) % 13) + (k % 2 ? 0.25 : 0));
    // Test files share a worker's modules (isolate: false): an in-process compare before this file
    // leaves spare arenas (one per scenario), and the first that fits would be handed out here
    // instead of `first`'s. Taken first, so the pool starts empty (at most 3 of each kind are kept).
    for (const shared of [false, true]) for (let i = 0; i < 3; i++) newStore(runs, Y, 16, shared);
    const first = newStore(runs, Y, 16, false);
    const a = new ChunkStore(first);
    for (let k = 0; k * 16 < runs; k++) a.writeChunk(k, fill(1).subarray(k * 16 * size), Math.min(16, runs - k * 16));
    releaseStore(first);
    const second = newStore(runs, Y, 16, false);
    expect(second.segments[0]).toBe(first.segments[0]);
    const b = new ChunkStore(second);
    const blocks = fill(2);
    for (let k = 0; k * 16 < runs; k++) b.writeChunk(k, blocks.subarray(k * 16 * size), Math.min(16, runs - k * 16));
    const col = new Float64Array(runs);
    for (let c = 0; c < size; c++) {
      if (b.derived(Math.floor(c / Y))) continue;
      b.column(c, col);
      for (let r = 0; r < runs; r++) expect(same(col[r], blocks[r * size + c]), `column ${c} run ${r}`).toBe(true);
    }
    // A store whose arena could not hold the next one's is not handed out.
    releaseStore(second);
    expect(newStore(runs * 100, Y, 16, false).segments[0]).not.toBe(first.segments[0]);
  });
});
