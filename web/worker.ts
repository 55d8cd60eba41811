/**
 * The what-if page's Web Worker: the scenario text and a `--set` list in, the object
 * `riktvarde run --runs N --seed S --set … --format json` prints out — through the pure library
 * entry (api/core.ts), so the page computes exactly what the command line computes.
 */
import { parseScenario, simulateWith, ScenarioError, formatProblem } from '../api/core.js';

export interface WorkRequest {
  id: number;
  text: string;
  file: string;
  files: Record<string, string>;
  set: string[];
  runs: number;
  seed: number;
  version: string;
}
export type WorkReply = { id: number; out: unknown; ms: number } | { id: number; error: string };

const post = (m: WorkReply) => (self as unknown as { postMessage(m: unknown): void }).postMessage(m);

self.onmessage = async (e: MessageEvent<WorkRequest>) => {
  const q = e.data;
  try {
    const t0 = performance.now();
    const sc = parseScenario(q.text, { file: q.file, set: q.set, files: q.files });
    const out = await simulateWith(sc, { runs: q.runs, seed: q.seed }, q.version);
    post({ id: q.id, out, ms: performance.now() - t0 });
  } catch (err) {
    post({ id: q.id, error: err instanceof ScenarioError ? err.problems.map(formatProblem).join('\n') : String((err as Error)?.message ?? err) });
  }
};
