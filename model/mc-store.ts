/**
 * The Monte Carlo's per-run results of one region, kept small and exact (issue 15: 100 000 runs
 * within 300 MB, 1 000 000 within 2 GB; every summary the same to the bit as from full columns).
 *
 * Runs are simulated in chunks of `chunk` consecutive runs, one task each. The engine writes each
 * run's block (NFIELDS × nYears doubles, `simulateRun`) into a per-thread stage; then every column
 * of the chunk (column c = field·nYears + year index) is kept in the narrowest form that gives each
 * value back to the bit, decided from the chunk's values themselves:
 *
 *   constant       one value, in the directory (most columns that do not vary between runs);
 *   whole numbers  the offset from the chunk's smallest value in 1, 2 or 4 bytes (counts of
 *                  people under event noise; never −0, NaN or ±Infinity);
 *   product        a field the engine computes as another kept field times a factor (FTE from
 *                  head counts, one other group's capacity from its FTE), when one factor gives
 *                  every value of the chunk exactly: the factor, in the directory;
 *   Float32        when every value is a float32 exactly (NaN and −0 included);
 *   Float64        otherwise (FTE, capacities, costs).
 *
 * The fields `writeMeasures` derives (coverage, the per-doctor ratios, the gap, the reached and
 * path-met flags; model/measures.ts) are not kept at all: reading them derives them again from
 * their kept inputs with that same function, so they are the engine's values to the bit.
 *
 * The values live in an arena of growable buffers (shared between threads when more than one
 * computes), bump-allocated through an atomic counter, so any thread may store any chunk; the
 * directory says where each chunk-column went. Only the bytes used are ever touched, so the
 * resident memory is what the chunks needed, whatever the reserved maximum.
 */
import { F, NFIELDS } from './fields.js';
import {
  CAPACITY_INPUTS, CAPACITY_OUTPUTS, COST_OUTPUTS, MEASURE_INPUTS, MEASURE_OUTPUTS, REACHED_INPUTS,
  writeCapacity, writeCostIncreases, writeMeasures, writeReached,
} from './measures.js';
import { BYTES, CONST, encoding, F32, productOf, PROD, timesFactor, U16, U32, U8 } from './mc-encoding.js';

/**
 * A kept field that the engine computes as another kept field of the same year times a factor (a
 * head count times FTE per head; one other group's FTE times its norm): where a chunk's values are
 * exactly partner × one factor, only the factor is kept (PROD). -1: none.
 */
const PARTNER = new Int8Array(NFIELDS).fill(-1);
PARTNER[F.specialistsFte] = F.specialists;
PARTNER[F.otherSpecialistsFte] = F.otherSpecialists;
PARTNER[F.capacityOther] = F.otherSpecialistsFte;
/** Directory entry: kind, base (the constant, or the whole numbers' offset), byte offset in the arena. */
const ENTRY = 3;

/** The fields derived on reading from a store: `writeCapacity`'s, `writeMeasures`' and `writeCostIncreases`' outputs. */
export const DERIVED_FIELDS: readonly number[] = [...CAPACITY_OUTPUTS, ...MEASURE_OUTPUTS, ...COST_OUTPUTS];
/** Fields derived on reading: 1 from the year's own fields (capacity, measures), 2 from the years before too (cost increases); 0 kept. */
const DERIVED = new Uint8Array(NFIELDS);
for (const f of [...CAPACITY_OUTPUTS, ...MEASURE_OUTPUTS]) DERIVED[f] = 1;
for (const f of COST_OUTPUTS) DERIVED[f] = 2;
// A product's partner is read back as kept (a derived partner would need its own inputs first).
for (let f = 0; f < NFIELDS; f++) if (PARTNER[f] >= 0 && DERIVED[PARTNER[f]] !== 0) throw new Error(`mc-store: the partner of field ${f} is derived`);
const isCapacity = (f: number): boolean => f === F.capacity || f === F.capacitySpecialists;
const isFlag = (f: number): boolean => f === F.reached || f === F.reachedSpecialistsOnly;
/**
 * The kept fields a year's derived fields are computed from: the capacity's parts; with the reached
 * flags' or all measures' other inputs (the region's specialist norm, `gapNorm`, is one of the capacity's).
 */
const CAPACITY_IN: readonly number[] = [...CAPACITY_INPUTS];
const REACHED_IN: readonly number[] = [...CAPACITY_INPUTS, ...REACHED_INPUTS.filter((f) => !isCapacity(f))];
const MEASURES_IN: readonly number[] = [...CAPACITY_INPUTS, ...MEASURE_INPUTS.filter((f) => !isCapacity(f))];
/** Fields kept per run (every field less the derived ones). */
export const KEPT_FIELDS = NFIELDS - DERIVED_FIELDS.length;

/** Largest chunk (runs simulated and stored together by one task). */
export const MAX_CHUNK = 1024;
/** One arena segment at most (Node 20 allows growable buffers up to 4 GiB). */
const SEGMENT = 2 ** 30;
/** A segment grows by at least this much at a time (growing commits address space; only touched pages become resident). */
const GROW_STEP = 32 * 2 ** 20;

/** Chunk length for `runs` runs on `threads` threads: about 16 tasks per thread, at most MAX_CHUNK runs each. */
export const chunkLength = (runs: number, threads: number): number => Math.max(1, Math.min(MAX_CHUNK, Math.ceil(runs / (threads * 16))));

/** The buffers of one store (plain data: posted to worker threads as is). */
export interface StoreRef {
  runs: number;
  nYears: number;
  chunk: number;
  /** nChunks × size × ENTRY doubles. */
  dir: ArrayBufferLike;
  /** One Int32: arena bytes handed out, in units of 8. */
  head: ArrayBufferLike;
  segments: ArrayBufferLike[];
}

type GrowableCtor = new (length: number, options: { maxByteLength: number }) => ArrayBufferLike;
type Growable = ArrayBufferLike & { grow?(n: number): void; resize?(n: number): void };

/** The largest arena a store of `runs` runs can need: every kept value in 8 bytes (bytes). */
export const storeMaxBytes = (runs: number, nYears: number): number => 8 * runs * KEPT_FIELDS * nYears;

/** A new, empty store; `shared`: its buffers are shared between threads. */
export function newStore(runs: number, nYears: number, chunk: number, shared: boolean): StoreRef {
  const size = NFIELDS * nYears;
  const nChunks = Math.ceil(runs / chunk);
  const plain = (bytes: number) => (shared ? new SharedArrayBuffer(bytes) : new ArrayBuffer(bytes));
  // A chunk-column that would straddle a segment's end goes to the next segment: allow one per segment.
  const worst = storeMaxBytes(runs, nYears);
  if (worst / 8 >= 2 ** 31) throw new RangeError(`a Monte Carlo store of ${runs} runs × ${nYears} years is beyond this program's limit`);
  const nSeg = worst + 8 <= SEGMENT ? 1 : Math.ceil(worst / (SEGMENT - 8 * chunk));
  const Growable = (shared ? SharedArrayBuffer : ArrayBuffer) as unknown as GrowableCtor;
  const segments = nSeg === 1 ? [takeSpare(shared, worst + 8) ?? new Growable(0, { maxByteLength: worst + 8 })]
    : Array.from({ length: nSeg }, () => new Growable(0, { maxByteLength: SEGMENT }));
  return { runs, nYears, chunk, dir: plain(nChunks * size * ENTRY * 8), head: plain(4), segments };
}

/**
 * Arenas of released stores (`releaseStore`), for the next store that fits: a 21-county Monte Carlo
 * makes a store per county, and writing into fresh memory costs a page fault per 4 kB (~10 µs on
 * this machine's virtual CPUs: ~0.4 s of a 10 000-run riket, about as much as the encoding). A reused
 * arena is written over from its start; a store reads only what its own directory points to. At most
 * SPARES arenas of at most SPARE_BYTES each are kept (address space; what stays resident is what the stores touched).
 */
const spares: { shared: boolean; seg: Growable }[] = [];
const SPARES = 3, SPARE_BYTES = 64 * 2 ** 20;

function takeSpare(shared: boolean, maxBytes: number): Growable | null {
  const i = spares.findIndex((x) => x.shared === shared && (x.seg as unknown as { maxByteLength: number }).maxByteLength >= maxBytes);
  return i < 0 ? null : spares.splice(i, 1)[0].seg;
}

/** Gives a store's arena for reuse by a later store; the store must not be read or written after this. */
export function releaseStore(ref: StoreRef): void {
  if (ref.segments.length !== 1 || ref.segments[0].byteLength > SPARE_BYTES || spares.length >= SPARES) return;
  // (A web page that is not cross-origin isolated has no SharedArrayBuffer at all.)
  const shared = typeof SharedArrayBuffer !== 'undefined' && ref.segments[0] instanceof SharedArrayBuffer;
  spares.push({ shared, seg: ref.segments[0] as Growable });
}

/** Per-run columns of one unit, read whole: a store, or the plain values of the multi-region total (`DenseColumns`). */
export interface Columns {
  readonly runs: number;
  readonly nYears: number;
  /** Column c's value in every run into dst[0 … runs − 1]. */
  column(c: number, dst: Float64Array): void;
  /** Several fields of year index t at once: fields[q]'s values into dsts[q]. */
  fields(t: number, fields: readonly number[], dsts: Float64Array[]): void;
  /** Whether field f is derived on reading (then it is cheapest read with the year's other derived fields). */
  derived(f: number): boolean;
}

/** Values run by run (run r's block of NFIELDS × nYears at r·size, field·nYears + year index within it): the multi-region total's sums (project.ts `TotalAccumulator`). */
export class DenseColumns implements Columns {
  private readonly size: number;
  constructor(readonly data: Float64Array, readonly runs: number, readonly nYears: number) { this.size = NFIELDS * nYears; }
  column(c: number, dst: Float64Array): void {
    const data = this.data, size = this.size, runs = this.runs;
    for (let r = 0, i = c; r < runs; r++, i += size) dst[r] = data[i];
  }
  fields(t: number, fields: readonly number[], dsts: Float64Array[]): void {
    for (let q = 0; q < fields.length; q++) this.column(fields[q] * this.nYears + t, dsts[q]);
  }
  derived(): boolean { return false; }
}

// Per-thread scratch (each thread has its own module instance).
let stage = new Float64Array(0);
/** Columns transposed together by writeChunk (TILE × chunk doubles: 256 kB at 1 024 runs). */
const TILE = 32;
let tileBuf = new Float64Array(0);
/** `fields`' block of NFIELDS rows of `chunk` values (reused while the chunk length is the same). */
let rowsBuf = new Float64Array(0);
const derivedRows = (chunk: number): Float64Array => (rowsBuf.length === NFIELDS * chunk ? rowsBuf : (rowsBuf = new Float64Array(NFIELDS * chunk)));
/**
 * `deriveCosts`' block: every field's rows of nYears × `chunk` values (field f, year τ, run i at
 * (f·nYears + τ)·chunk + i); only the cost fields' rows are ever written, the rest never touched (so
 * never resident).
 */
let costBuf = new Float64Array(0);
const costRows = (nYears: number, chunk: number): Float64Array => (costBuf.length === NFIELDS * nYears * chunk ? costBuf : (costBuf = new Float64Array(NFIELDS * nYears * chunk)));
// One plain buffer the narrow forms are converted in (`keep`, `readChunk`), viewed as each form: an
// element access to a view of the arena (a growable buffer) is several times slower in V8 than one to
// a plain typed array, so the arena is only copied to and from, byte for byte (`set` on one
// `Uint8Array` view of it: a memory copy; one kind of view instead of one per form keeps the code V8
// compiles for these functions small).
const plainBuf = new ArrayBuffer(8 * MAX_CHUNK);
const plainBytes = new Uint8Array(plainBuf), plainU16 = new Uint16Array(plainBuf), plainU32 = new Uint32Array(plainBuf);
const plainF32 = new Float32Array(plainBuf), plainF64 = new Float64Array(plainBuf);
const ENC = new Float64Array(2); // kind, base

/** The stage of this thread for `n` run blocks of `size` values (reused). */
export function stageFor(n: number, size: number): Float64Array {
  if (stage.length < n * size) stage = new Float64Array(n * size);
  return stage;
}

/** This thread's view of a store. */
export class ChunkStore implements Columns {
  readonly runs: number;
  readonly nYears: number;
  readonly size: number;
  readonly chunk: number;
  readonly nChunks: number;
  private readonly dir: Float64Array;
  private readonly head: Int32Array;
  private readonly segments: Growable[];
  /** Per column (field·nYears + year index): 1 when its field is derived on reading. */
  private readonly derivedCol: Uint8Array;
  /** Per column: its partner field's column in the same year (PARTNER), or -1. */
  private readonly partnerCol: Int32Array;

  constructor(readonly ref: StoreRef) {
    this.runs = ref.runs;
    this.nYears = ref.nYears;
    this.size = NFIELDS * ref.nYears;
    this.chunk = ref.chunk;
    this.nChunks = Math.ceil(ref.runs / ref.chunk);
    this.dir = new Float64Array(ref.dir);
    this.head = new Int32Array(ref.head);
    this.segments = ref.segments as Growable[];
    this.derivedCol = new Uint8Array(this.size);
    this.partnerCol = new Int32Array(this.size);
    for (let c = 0; c < this.size; c++) {
      const f = Math.floor(c / ref.nYears);
      this.derivedCol[c] = DERIVED[f] === 0 ? 0 : 1;
      this.partnerCol[c] = PARTNER[f] < 0 ? -1 : PARTNER[f] * ref.nYears + (c - f * ref.nYears);
    }
  }

  /** Arena bytes in use. */
  bytesUsed(): number { return Atomics.load(this.head, 0) * 8; }

  /**
   * Stores chunk k from `blocks`: its n runs one after another, each a block of `size` values
   * (index field·nYears + year index, as the engine writes them).
   */
  writeChunk(k: number, blocks: Float64Array, n: number): void {
    const size = this.size, dir = this.dir, derivedCol = this.derivedCol;
    if (tileBuf.length < TILE * n) tileBuf = new Float64Array(TILE * n);
    const tile = tileBuf;
    // The transposition in tiles of TILE columns: each run's TILE values are one contiguous read
    // (a column at a time would read one value per run at a stride of a whole block, some kB,
    // touching every page of the stage once per column).
    for (let c0 = 0; c0 < size; c0 += TILE) {
      const w = Math.min(TILE, size - c0);
      transposeTile(blocks, size, c0, w, n, tile);
      for (let j = 0; j < w; j++) {
        const c = c0 + j;
        const e = (k * size + c) * ENTRY;
        if (derivedCol[c] === 1) { dir[e] = CONST; dir[e + 1] = NaN; continue; }
        this.keep(e, tile.subarray(j * n, (j + 1) * n), n, blocks, this.partnerCol[c]);
      }
    }
  }

  /**
   * Keeps one chunk-column col[0 … n − 1] (directory entry at e) in its narrowest exact form; `pc`:
   * the column of its partner field (PARTNER), whose values are blocks[i·size + pc], or -1.
   */
  private keep(e: number, col: Float64Array, n: number, blocks: Float64Array, pc: number): void {
    encoding(col, n, ENC);
    if (pc >= 0 && ENC[0] !== CONST && productOf(col, n, blocks, this.size, pc, ENC)) ENC[0] = PROD;
    const kind = ENC[0], base = ENC[1];
    this.dir[e] = kind;
    this.dir[e + 1] = base;
    if (kind === CONST || kind === PROD) return;
    if (kind === U8) { for (let i = 0; i < n; i++) plainBytes[i] = col[i] - base; }
    else if (kind === U16) { for (let i = 0; i < n; i++) plainU16[i] = col[i] - base; }
    else if (kind === U32) { for (let i = 0; i < n; i++) plainU32[i] = col[i] - base; }
    else if (kind === F32) { for (let i = 0; i < n; i++) plainF32[i] = col[i]; }
    else plainF64.set(col);
    const bytes = n * BYTES[kind], off = this.alloc(bytes);
    this.dir[e + 2] = off;
    new Uint8Array(this.segments[Math.floor(off / SEGMENT)], off % SEGMENT, bytes).set(plainBytes.subarray(0, bytes));
  }

  /** Chunk k of column c (a kept field) into dst[at …]. */
  private readChunk(k: number, c: number, dst: Float64Array, at: number): void {
    const e = (k * this.size + c) * ENTRY;
    const kind = this.dir[e], base = this.dir[e + 1];
    const n = Math.min(this.chunk, this.runs - k * this.chunk);
    if (kind === CONST) { dst.fill(base, at, at + n); return; }
    if (kind === PROD) { this.readChunk(k, this.partnerCol[c], dst, at); timesFactor(dst, at, n, base); return; }
    const off = this.dir[e + 2];
    plainBytes.set(new Uint8Array(this.segments[Math.floor(off / SEGMENT)], off % SEGMENT, n * BYTES[kind]));
    if (kind === U8) { for (let i = 0; i < n; i++) dst[at + i] = base + plainBytes[i]; }
    else if (kind === U16) { for (let i = 0; i < n; i++) dst[at + i] = base + plainU16[i]; }
    else if (kind === U32) { for (let i = 0; i < n; i++) dst[at + i] = base + plainU32[i]; }
    else if (kind === F32) { for (let i = 0; i < n; i++) dst[at + i] = plainF32[i]; }
    else dst.set(plainF64.subarray(0, n), at);
  }

  derived(f: number): boolean { return DERIVED[f] !== 0; }

  column(c: number, dst: Float64Array): void {
    const f = Math.floor(c / this.nYears);
    if (DERIVED[f] !== 0) { this.fields(c - f * this.nYears, [f], [dst]); return; }
    for (let k = 0; k < this.nChunks; k++) this.readChunk(k, c, dst, k * this.chunk);
  }

  fields(t: number, fields: readonly number[], dsts: Float64Array[]): void {
    const Y = this.nYears;
    // What the derived ones of `fields` need: from the year's own fields the capacity alone, the reached flags or every measure; the cost increases.
    let need = NEED_NONE, costs = false;
    for (let q = 0; q < fields.length; q++) {
      const f = fields[q], d = DERIVED[f];
      if (d === 0) this.column(f * Y + t, dsts[q]);
      else if (d === 2) costs = true;
      else need = Math.max(need, isCapacity(f) ? NEED_CAPACITY : isFlag(f) ? NEED_FLAGS : NEED_MEASURES);
    }
    if (need !== NEED_NONE) this.derive(t, fields, dsts, need);
    if (costs) this.deriveCosts(t, fields, dsts);
  }

  /**
   * The ones of `fields` derived from year index t's own fields into their dsts (`need`: the capacity
   * alone, with the reached flags — the per-run outcomes — or every measure). A method of its own:
   * `fields` runs a few times per unit, this loop over every run, and V8 compiles only this loop's
   * code (not `column` with it).
   *
   * The chunk's inputs are rows of a field-major block (field f's value of run i at f·chunk + i), so
   * that `writeCapacity`, then `writeMeasures` (`writeReached` for the flags alone) derive run i's
   * fields in place with stride `chunk` and index i — the engine's functions, the engine's values to
   * the bit — and each derived row is then copied out whole.
   */
  private derive(t: number, fields: readonly number[], dsts: Float64Array[], need: number): void {
    const Y = this.nYears, inputs = need === NEED_CAPACITY ? CAPACITY_IN : need === NEED_FLAGS ? REACHED_IN : MEASURES_IN;
    const m = this.chunk, rows = derivedRows(m);
    for (let k = 0; k < this.nChunks; k++) {
      const from = k * m, n = Math.min(m, this.runs - from);
      for (let j = 0; j < inputs.length; j++) this.readChunk(k, inputs[j] * Y + t, rows, inputs[j] * m);
      // One call per chunk (at most MAX_CHUNK runs): short enough that V8 compiles it once, not on the stack first.
      yearOfChunk(rows, m, n, need);
      for (let q = 0; q < fields.length; q++) {
        const f = fields[q];
        if (DERIVED[f] === 1) dsts[q].set(rows.subarray(f * m, f * m + n), from);
      }
    }
  }

  /**
   * The cost increases among `fields` in year index t into their dsts: each chunk's costs of years
   * 0 … t read into a field-major block of every year (`costRows`) and `writeCostIncreases` run over
   * them year after year, as the engine did.
   */
  private deriveCosts(t: number, fields: readonly number[], dsts: Float64Array[]): void {
    const Y = this.nYears, m = this.chunk, rows = costRows(Y, m), S = Y * m;
    for (let k = 0; k < this.nChunks; k++) {
      const from = k * m, n = Math.min(m, this.runs - from);
      for (let tau = 0; tau <= t; tau++) this.readChunk(k, F.cost * Y + tau, rows, F.cost * S + tau * m);
      costsOfChunk(rows, S, m, n, t);
      for (let q = 0; q < fields.length; q++) {
        const f = fields[q];
        if (DERIVED[f] === 2) dsts[q].set(rows.subarray(f * S + t * m, f * S + t * m + n), from);
      }
    }
  }

  /** `bytes` of arena (rounded up to 8): its byte offset, the segment grown to hold it. */
  private alloc(bytes: number): number {
    const units = Math.ceil(bytes / 8);
    for (;;) {
      const off = Atomics.add(this.head, 0, units) * 8;
      const s = Math.floor(off / SEGMENT), end = off % SEGMENT + units * 8;
      if (end > SEGMENT) continue; // would straddle the segment's end: take the next segment
      if (s >= this.segments.length) throw new Error('Monte Carlo result store is full');
      ensureLength(this.segments[s], end);
      return off;
    }
  }
}

/** What a year's derived fields need (`ChunkStore.fields`). */
const NEED_NONE = 0, NEED_CAPACITY = 1, NEED_FLAGS = 2, NEED_MEASURES = 3;

/** `writeCapacity`, then `writeReached` or `writeMeasures` (`need`), of runs 0 … n − 1 of a field-major block with rows of m values (`ChunkStore.derive`). */
function yearOfChunk(rows: Float64Array, m: number, n: number, need: number): void {
  for (let i = 0; i < n; i++) writeCapacity(rows, m, i);
  // As the engine: the region's specialist norm that year is the gap's norm.
  if (need === NEED_MEASURES) for (let i = 0; i < n; i++) writeMeasures(rows, m, i, rows[F.normSpecialist * m + i]);
  else if (need === NEED_FLAGS) for (let i = 0; i < n; i++) writeReached(rows, m, i);
}

/** `writeCostIncreases` of runs 0 … n − 1 in years 0 … t of a block with rows of S values, year τ's at τ·m (`ChunkStore.deriveCosts`). */
function costsOfChunk(rows: Float64Array, S: number, m: number, n: number, t: number): void {
  for (let tau = 0; tau <= t; tau++) {
    for (let i = 0; i < n; i++) writeCostIncreases(rows, S, tau * m + i, tau, m);
  }
}

/**
 * Columns c0 … c0 + w − 1 of n run blocks of `size` values into tile (column j's n values at j·n). A
 * function of its own, small: its loop is the first long loop of a fresh thread's first chunk, and V8
 * compiles it on the stack (OSR) in a few milliseconds, where inside `writeChunk` it waited for all of
 * `writeChunk` and what it inlines (`keep`, `encoding`, …), tens of milliseconds, running in the
 * interpreter meanwhile.
 */
function transposeTile(blocks: Float64Array, size: number, c0: number, w: number, n: number, tile: Float64Array): void {
  for (let i = 0; i < n; i++) {
    const from = i * size + c0;
    for (let j = 0; j < w; j++) tile[j * n + i] = blocks[from + j];
  }
}

/** Grows a segment to at least `need` bytes (any thread may have grown it meanwhile). */
function ensureLength(seg: Growable, need: number): void {
  if (seg.byteLength >= need) return;
  const max = (seg as unknown as { maxByteLength: number }).maxByteLength;
  const to = Math.min(max, Math.max(need, seg.byteLength + GROW_STEP));
  try {
    if (seg.grow) seg.grow(to); else seg.resize!(to);
  } catch (e) {
    // Another thread grew it past `to` first (a shared buffer never shrinks); anything else is an error.
    if (seg.byteLength < need) throw e;
  }
}

/**
 * A tiny store written and read once before a thread's first Monte Carlo task (a few hundred values, in the
 * interpreter, well under a millisecond), so that every branch of the store has type feedback before
 * V8 optimizes it. Without it V8 compiled `writeChunk`, `keep`, `encoding` and `readChunk` during
 * their first long calls, before the rarer forms (a −0 or NaN column, 2- and 4-byte counts, the
 * derived fields) had been met; each such form then deoptimized the code and V8 compiled it again
 * (25 deoptimizations and `writeChunk` compiled 3–5 times in a fresh Stockholm Monte Carlo). The
 * values cover every form of `encoding` and both kinds of read in `fields`; nothing of it is kept.
 */
function warmUp(shared: boolean): void {
  const store = warmStore(shared), runs = store.runs;
  const dst = new Float64Array(runs);
  for (let c = 0; c < store.size; c++) store.column(c, dst);
  for (let t = 0; t < store.nYears; t++) {
    store.fields(t, [F.reached, F.reachedSpecialistsOnly], [dst, new Float64Array(runs)]);
    store.fields(t, [F.capacity, F.coverage, F.specialistGap, F.cumulativeCost], [dst, new Float64Array(runs), new Float64Array(runs), new Float64Array(runs)]);
  }
}

/** A new tiny store (8 runs, two years: the cost increases' year before) holding every form `encoding` tells apart: for warming up its readers (mc-summary.ts). */
export function warmStore(shared: boolean): ChunkStore {
  const runs = 8, size = 2 * NFIELDS;
  const store = new ChunkStore(newStore(runs, 2, runs, shared));
  const blocks = new Float64Array(runs * size);
  for (let r = 0; r < runs; r++) {
    for (let c = 0; c < size; c++) blocks[r * size + c] = WARM_FORMS[c % WARM_FORMS.length](r);
    // Products of their partners (PROD) in the second year; the first year's values stay as above (not products).
    const at = (f: number) => r * size + f * 2 + 1;
    blocks[at(F.specialists)] = 40 + r; blocks[at(F.specialistsFte)] = (40 + r) * 0.87;
    blocks[at(F.otherSpecialists)] = 3 + r; blocks[at(F.otherSpecialistsFte)] = (3 + r) * 0.8;
    blocks[at(F.capacityOther)] = blocks[at(F.otherSpecialistsFte)] * 1100;
  }
  store.writeChunk(0, blocks, runs);
  return store;
}
/** Run r's value of a warm-up column: each form `encoding` tells apart. */
const WARM_FORMS: ((r: number) => number)[] = [
  () => 5, () => 0, (r) => (r % 2 ? 0 : -0), () => NaN, (r) => (r % 2 ? NaN : 1), (r) => 3 * r, (r) => 1000 * r,
  (r) => 100000 * r, (r) => 1e10 * r, (r) => r + 0.5, (r) => r + 0.1, (r) => 2000 - 300 * r,
];
let storeWarm = false;
/** The store's warm-up (`warmUp`), once per thread: by the first Monte Carlo task (mc-tasks.ts), not when the module loads, so a command without a Monte Carlo never pays it. */
export function warmUpStore(): void {
  if (storeWarm) return;
  storeWarm = true;
  for (let rep = 0; rep < 2; rep++) {
    warmUp(false);
    if (typeof SharedArrayBuffer !== 'undefined') warmUp(true);
  }
}
