/**
 * Random streams. Every random decision kind has its own stream, keyed by a stable name
 * (e.g. `run 17 / region Stockholm / retirement`), so that:
 *  - run r gets the same draws whatever worker runs it, in whatever order (Mesa's lesson);
 *  - adding a draw in one flow never moves the draws of another (Starsim's lesson);
 *  - two scenarios run on the same seed share their random numbers wherever they share
 *    structure ("common random numbers").
 *
 * The uniform generator is seedrandom's Alea. Its 96-bit state is set directly from a hash
 * of the stream key (much faster than seeding Alea from a string, which matters because a
 * 21-county Monte Carlo creates ~150 streams per run).
 */
import seedrandom from 'seedrandom';

export type Uniform = () => number;

/** cyrb53: a fast, well-mixed 53-bit string hash (public domain, bryc). Returns two 32-bit halves. */
function cyrb53(str: string, seed: number): [number, number] {
  let h1 = 0xdeadbeef ^ seed;
  let h2 = 0x41c6ce57 ^ seed;
  for (let i = 0; i < str.length; i++) {
    const ch = str.charCodeAt(i);
    h1 = Math.imul(h1 ^ ch, 2654435761);
    h2 = Math.imul(h2 ^ ch, 1597334677);
  }
  h1 = Math.imul(h1 ^ (h1 >>> 16), 2246822507);
  h1 ^= Math.imul(h2 ^ (h2 >>> 13), 3266489909);
  h2 = Math.imul(h2 ^ (h2 >>> 16), 2246822507);
  h2 ^= Math.imul(h1 ^ (h1 >>> 13), 3266489909);
  return [h1 >>> 0, h2 >>> 0];
}

/** splitmix32 step: expands a hash into further well-mixed 32-bit words. */
function splitmix32(x: number): number {
  x = (x + 0x9e3779b9) | 0;
  let z = x;
  z = Math.imul(z ^ (z >>> 16), 0x85ebca6b);
  z = Math.imul(z ^ (z >>> 13), 0xc2b2ae35);
  return (z ^ (z >>> 16)) >>> 0;
}

const TWO_M32 = 2.3283064365386963e-10; // 2^-32

/**
 * A uniform [0, 1) stream for `key` under the user's `seed`. Deterministic: the same
 * (seed, key) always gives the same sequence, on any machine.
 */
export function stream(seed: number, key: string): Uniform {
  const [s0, s1, s2, c] = streamState(seed, key);
  const rng = seedrandom.alea('', { state: { s0, s1, s2, c } } as unknown as { state: true });
  // A few warm-up draws decorrelate streams whose keys differ in one character.
  rng(); rng(); rng();
  return rng;
}

function streamState(seed: number, key: string): [number, number, number, number] {
  const [a, b] = cyrb53(key, seed >>> 0);
  const c = cyrb53(key, (seed / 4294967296) >>> 0 ^ 0x5bd1e995)[0];
  const w1 = splitmix32(a ^ c);
  const w2 = splitmix32(b + w1);
  const w3 = splitmix32(w2 ^ a);
  return [w1 * TWO_M32, w2 * TWO_M32, w3 * TWO_M32, 1 + (b % 2091638)];
}

/** The first number of `stream(seed, key)` without building the stream (one parameter draw per run). */
export function firstUniform(seed: number, key: string): number {
  const [s0, s1, s2, c] = streamState(seed, key);
  scratch.set(s0, s1, s2, c);
  scratch.next(); scratch.next(); scratch.next();
  return scratch.next();
}

// ---------------------------------------------------------------------------------------------
// The Monte Carlo's hot path: the same hashes of the per-run keys `run:<run><a><b><c>` (eventsKey,
// paramKey, a walk's key), computed character by character without building the string, into
// scratch slots instead of arrays. Same bytes as the string versions (a test checks).

/** Running cyrb53 states (h1, h2) for the two hash seeds of streamState, and the result (a0, b0, c0). */
const S = new Int32Array(4);
const H = new Float64Array(3);
function mixString(str: string): void {
  let h1a = S[0], h2a = S[1], h1b = S[2], h2b = S[3];
  for (let i = 0; i < str.length; i++) {
    const ch = str.charCodeAt(i);
    h1a = Math.imul(h1a ^ ch, 2654435761); h2a = Math.imul(h2a ^ ch, 1597334677);
    h1b = Math.imul(h1b ^ ch, 2654435761); h2b = Math.imul(h2b ^ ch, 1597334677);
  }
  S[0] = h1a; S[1] = h2a; S[2] = h1b; S[3] = h2b;
}
/** The decimal digits of `run` (a whole number ≥ 0), most significant first, as String(run) writes them. */
function mixDigits(run: number): void {
  let h1a = S[0], h2a = S[1], h1b = S[2], h2b = S[3];
  let p = 1;
  while (p * 10 <= run) p *= 10;
  for (; p >= 1; p /= 10) {
    const ch = 48 + (Math.floor(run / p) % 10);
    h1a = Math.imul(h1a ^ ch, 2654435761); h2a = Math.imul(h2a ^ ch, 1597334677);
    h1b = Math.imul(h1b ^ ch, 2654435761); h2b = Math.imul(h2b ^ ch, 1597334677);
  }
  S[0] = h1a; S[1] = h2a; S[2] = h1b; S[3] = h2b;
}
const RUN_PREFIX = 'run:';
/** cyrb53 of `run:<run>` + a + b + c under the two hash seeds of streamState, into H. */
function hashRunKey(seed: number, run: number, a: string, b: string, c: string): void {
  const s2 = (seed / 4294967296) >>> 0 ^ 0x5bd1e995;
  S[0] = 0xdeadbeef ^ (seed >>> 0); S[1] = 0x41c6ce57 ^ (seed >>> 0);
  S[2] = 0xdeadbeef ^ s2; S[3] = 0x41c6ce57 ^ s2;
  mixString(RUN_PREFIX); mixDigits(run); mixString(a); mixString(b); mixString(c);
  const h1a = S[0], h2a = S[1], h1b = S[2], h2b = S[3];
  let x1 = Math.imul(h1a ^ (h1a >>> 16), 2246822507);
  x1 ^= Math.imul(h2a ^ (h2a >>> 13), 3266489909);
  let x2 = Math.imul(h2a ^ (h2a >>> 16), 2246822507);
  x2 ^= Math.imul(x1 ^ (x1 >>> 13), 3266489909);
  let y1 = Math.imul(h1b ^ (h1b >>> 16), 2246822507);
  y1 ^= Math.imul(h2b ^ (h2b >>> 13), 3266489909);
  H[0] = x1 >>> 0; H[1] = x2 >>> 0; H[2] = y1 >>> 0;
}

/** Sets `s` to `stream(seed, "run:<run>" + a + b + c)` after its warm-up draws. */
export function seedRunStream(s: AleaStream, seed: number, run: number, a: string, b: string, c: string): void {
  hashRunKey(seed, run, a, b, c);
  const ha = H[0], hb = H[1], hc = H[2];
  const w1 = splitmix32(ha ^ hc);
  const w2 = splitmix32(hb + w1);
  const w3 = splitmix32(w2 ^ ha);
  s.set(w1 * TWO_M32, w2 * TWO_M32, w3 * TWO_M32, 1 + (hb % 2091638));
  s.next(); s.next(); s.next();
}

/** `firstUniform(seed, paramKey(run, key))` without the string: a parameter's draw in run `run`. */
export function paramUniform(seed: number, run: number, key: string): number {
  seedRunStream(scratch, seed, run, PARAM_MID, key, '');
  return scratch.next();
}
const PARAM_MID = '|param:';
export const WALK_SUFFIX = '.walk';
/** `stream(seed, paramKey(run, key + WALK_SUFFIX))` re-seeded into `s` (a series' random walk). */
export function seedWalkStream(s: AleaStream, seed: number, run: number, key: string): void {
  seedRunStream(s, seed, run, PARAM_MID, key, WALK_SUFFIX);
}

/**
 * Several streams under one key, one per name (the kinds of event of one region in one run):
 * the key is hashed once and each stream's state mixes in a constant hash of its name, which
 * is ~3× cheaper than hashing `key|name` for every stream.
 */
export function streams<K extends string>(seed: number, key: string, names: readonly K[]): Record<K, Uniform> {
  const out = {} as Record<K, Uniform>;
  forEachState(seed, key, names, (name, s0, s1, s2, c) => {
    const rng = seedrandom.alea('', { state: { s0, s1, s2, c } } as unknown as { state: true });
    rng(); rng(); rng();
    out[name] = rng;
  });
  return out;
}

/** The Alea states of `streams(seed, key, names)`, before their warm-up draws. */
function forEachState<K extends string>(seed: number, key: string, names: readonly K[], f: (name: K, s0: number, s1: number, s2: number, c: number) => void): void {
  const [a, b] = cyrb53(key, seed >>> 0);
  const c = cyrb53(key, (seed / 4294967296) >>> 0 ^ 0x5bd1e995)[0];
  for (const name of names) {
    const salt = saltOf(name);
    const w1 = splitmix32(a ^ c ^ salt);
    const w2 = splitmix32((b + w1) ^ salt);
    const w3 = splitmix32(w2 ^ a);
    f(name, w1 * TWO_M32, w2 * TWO_M32, w3 * TWO_M32, 1 + ((b ^ salt) >>> 0) % 2091638);
  }
}

/** Sets `s` to the named stream `salt` of the key hashed into H (forEachState's mixing), after its warm-up. */
function setSalted(s: AleaStream, salt: number): void {
  const a = H[0], b = H[1], c = H[2];
  const w1 = splitmix32(a ^ c ^ salt);
  const w2 = splitmix32((b + w1) ^ salt);
  const w3 = splitmix32(w2 ^ a);
  s.set(w1 * TWO_M32, w2 * TWO_M32, w3 * TWO_M32, 1 + ((b ^ salt) >>> 0) % 2091638);
  s.next(); s.next(); s.next();
}

/**
 * One stream whose state is set again for every run instead of being built anew: the same
 * generator as seedrandom's `alea` (Baagøe's Alea; a test checks the two give the same
 * sequence from the same state). seedrandom builds a new generator with several closures for
 * every stream (about 2 kB); a Monte Carlo needs four event streams per region and run, so the
 * hot path re-seeds these instead. `next` is a method (one call target for every stream), so
 * the engine's calls can be inlined.
 */
export class AleaStream implements RandomSource {
  private s0 = 0;
  private s1 = 0;
  private s2 = 0;
  private c = 1;
  next(): number {
    const t = 2091639 * this.s0 + this.c * TWO_M32;
    this.s0 = this.s1;
    this.s1 = this.s2;
    return (this.s2 = t - (this.c = t | 0));
  }
  /** `next` as a function (the `Uniform` shape). */
  readonly fn: Uniform = () => this.next();
  set(s0: number, s1: number, s2: number, c: number): void {
    this.s0 = s0; this.s1 = s1; this.s2 = s2; this.c = c;
  }
}

/** A source of uniforms on [0, 1) (the engine's event streams). */
export interface RandomSource { next(): number }

/** Reusable streams with the sequences of `streams(seed, key, names)`. */
export class ReusableStreams<K extends string> {
  private readonly byName = new Map<K, AleaStream>();
  /** The streams' `next` functions by name (the same functions after every `reseed`). */
  readonly uniforms: Record<K, Uniform>;
  /** The streams themselves by name (the same objects after every reseed). */
  readonly sources: Record<K, AleaStream>;
  private readonly list: AleaStream[] = [];
  private readonly saltList: number[] = [];
  constructor(readonly names: readonly K[]) {
    this.uniforms = {} as Record<K, Uniform>;
    this.sources = {} as Record<K, AleaStream>;
    for (const n of names) {
      const s = new AleaStream();
      this.byName.set(n, s); this.uniforms[n] = s.fn; this.sources[n] = s;
      this.list.push(s); this.saltList.push(saltOf(n));
    }
  }
  reseed(seed: number, key: string): Record<K, Uniform> {
    forEachState(seed, key, this.names, (name, s0, s1, s2, c) => {
      const s = this.byName.get(name)!;
      s.set(s0, s1, s2, c);
      s.next(); s.next(); s.next();
    });
    return this.uniforms;
  }
  /** The streams of `reseed(seed, eventsKey(run, region))` without building the key (the Monte Carlo's hot path). */
  reseedEvents(seed: number, run: number, region: string): Record<K, AleaStream> {
    hashRunKey(seed, run, REGION_MID, region, EVENTS_SUFFIX);
    for (let i = 0; i < this.list.length; i++) setSalted(this.list[i], this.saltList[i]);
    return this.sources;
  }
}
const REGION_MID = '|region:', EVENTS_SUFFIX = '|events';

const scratch = new AleaStream();

const salts = new Map<string, number>();
function saltOf(name: string): number {
  let v = salts.get(name);
  if (v === undefined) { v = cyrb53(name, 0x9e3779b9)[0]; salts.set(name, v); }
  return v;
}

/** Stable key of the event streams of one region in one run. */
export function eventsKey(run: number, region: string): string {
  return `${RUN_PREFIX}${run}${REGION_MID}${region}${EVENTS_SUFFIX}`;
}


/** Stable key for a per-run parameter stream (one per declared uncertain parameter). */
export function paramKey(run: number, param: string): string {
  return `${RUN_PREFIX}${run}${PARAM_MID}${param}`;
}
