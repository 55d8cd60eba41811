/**
 * The what-if page's Web Worker: the scenario text and a `--set` list in, the object
 * `riktvarde run --runs N --seed S --set … --format json` prints out — through the pure library
 * entry (api/core.ts), so the page computes exactly what the command line computes.
 */
import { mcSettings, monteCarloOutput, parseScenario, ScenarioError, formatProblem, type LoadedScenario } from '../api/core.js';
import { comparedUnit, compareScenarios } from '../model/compare.js';

export interface WorkRequest {
  id: number;
  text: string;
  file: string;
  files: Record<string, string>;
  set: string[];
  /** With A pinned: A's `--set` list, run on the same runs and seed, and compared (A, B). */
  setA?: string[];
  runs: number;
  seed: number;
  version: string;
}
export type WorkReply = { id: number; out: unknown; ms: number; outA?: unknown; compare?: unknown } | { id: number; error: string };

/** Parsed scenarios by `--set` list: the refinement and a pinned A need no second parse. */
const parsed = new Map<string, LoadedScenario>();
function parse(q: WorkRequest, set: string[]): LoadedScenario {
  const key = JSON.stringify(set);
  let sc = parsed.get(key);
  if (!sc) {
    sc = parseScenario(q.text, { file: q.file, set, files: q.files });
    if (parsed.size >= 8) parsed.delete(parsed.keys().next().value!);
    parsed.set(key, sc);
  }
  return sc;
}

const post = (m: WorkReply) => (self as unknown as { postMessage(m: unknown): void }).postMessage(m);

self.onmessage = async (e: MessageEvent<WorkRequest>) => {
  const q = e.data;
  try {
    const t0 = performance.now();
    const run = async (set: string[]) => {
      const sc = parse(q, set);
      return monteCarloOutput(sc, mcSettings(sc, { runs: q.runs, seed: q.seed }), q.version);
    };
    const b = await run(q.set);
    if (!q.setA) { post({ id: q.id, out: b.out, ms: performance.now() - t0 }); return; }
    const a = await run(q.setA);
    const compare = compareScenarios([{ out: a.out, unit: comparedUnit(a.mc), file: null }, { out: b.out, unit: comparedUnit(b.mc), file: null }], q.version);
    post({ id: q.id, out: b.out, outA: a.out, compare, ms: performance.now() - t0 });
  } catch (err) {
    post({ id: q.id, error: err instanceof ScenarioError ? err.problems.map(formatProblem).join('\n') : String((err as Error)?.message ?? err) });
  }
};
