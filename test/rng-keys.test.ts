/** The Monte Carlo's string-free stream seeding gives exactly the streams of the string keys. */
import { describe, expect, it } from 'vitest';
import { AleaStream, eventsKey, firstUniform, paramKey, paramUniform, ReusableStreams, seedWalkStream, stream, streams } from '../model/rng.js';

const kinds = ['init', 'exits', 'stDropout', 'flows'] as const;
const cases: [number, number, string][] = [[7, 0, 'Halland'], [7, 9, 'Stockholm'], [2 ** 40 + 3, 9999, 'Västra Götaland'], [0, 10, ''], [4294967295, 123456789, 'Örebro län'], [1, 100, 'x|y']];

describe('per-run keys hashed without strings', () => {
  it('event streams: reseedEvents(seed, run, region) = streams(seed, eventsKey(run, region))', () => {
    const reuse = new ReusableStreams(kinds);
    for (const [seed, run, region] of cases) {
      const fresh = streams(seed, eventsKey(run, region), kinds);
      const again = reuse.reseedEvents(seed, run, region);
      for (const k of kinds) for (let i = 0; i < 50; i++) expect(again[k].next()).toBe(fresh[k]());
    }
  });
  it('parameter draws and random walks: the same first uniform and the same walk stream', () => {
    const s = new AleaStream();
    for (const [seed, run, key] of cases) {
      expect(paramUniform(seed, run, key)).toBe(firstUniform(seed, paramKey(run, key)));
      const ref = stream(seed, paramKey(run, key + '.walk'));
      seedWalkStream(s, seed, run, key);
      for (let i = 0; i < 20; i++) expect(s.next()).toBe(ref());
    }
  });
});
