/**
 * The one command pipeline every scenario command runs through:
 *
 *   check options → prestart threads → load scenario(s) → run + render (the handler) → write
 *
 * The handler only computes and renders: it returns the outputs (files and stdout text). Everything
 * that protects the user lives here, once: targets refused before any work (existing without
 * --force, a folder, the same file twice, an input scenario or any of its `extends` bases), the
 * Monte Carlo limits (workers before threads start, runs against the machine's memory after the
 * scenario is read), a final guard that no NaN or Infinity is printed, and all-or-nothing atomic
 * writes whose failures (disk full, read-only, permissions) become a clean message.
 */
import { defaultWorkers } from '../threads/pool.js';
import { loadScenarioFile, type LoadedScenario } from '../api/load.js';
import { checkTargets, checkNotInputs, writeOutputs, type Output, type Target } from './files.js';
import { ScenarioError, formatProblem, type Problem } from '../scenario/errors.js';
import { checkRunsMemory, checkWorkers } from './limits.js';
import { checkFinite, textsIn } from './finite.js';
import { startThreadsEarly, type McArgs } from './mc.js';

export type { Output };

export interface PipelineSpec {
  /** Scenario files to load, in order. */
  scenarios: string[];
  /** --set overrides applied to each. */
  set: string[];
  /**
   * Output files known before any work (undefined entries are ignored: stdout), each with the
   * file name to suggest when it names a folder (`{ path: a.out, name: 'result.json' }`).
   */
  targets: (string | Partial<Target> | undefined)[];
  force: boolean;
  /** The Monte Carlo options when the command runs one (threads are started early), else null. */
  monteCarlo: McArgs | null;
  /** Runs used when neither --runs nor the scenario says (solve: at most 2 000). */
  runsOf?: (sc: LoadedScenario) => number;
  /** The command's own option checks, before anything starts. */
  check?: () => void;
  /** Checks that need the loaded scenarios (a --region name); may name more targets to refuse early. */
  afterLoad?: (loaded: LoadedScenario[]) => string[] | void;
}

/** Runs one command: see the module comment. `body` computes and renders; it writes nothing. */
export async function pipeline(spec: PipelineSpec, body: (loaded: LoadedScenario[]) => Promise<Output[]>): Promise<number> {
  // 1. Options, before anything starts or is read.
  spec.check?.();
  const named = spec.targets.flatMap((t): Target[] => (typeof t === 'string' ? [{ path: t }] : t?.path === undefined ? [] : [{ path: t.path, name: t.name }]));
  const targets = named.map((t) => t.path);
  checkTargets(named, spec.force);
  checkNotInputs(targets, spec.scenarios);
  if (spec.monteCarlo) {
    checkWorkers(spec.monteCarlo.workers ?? defaultWorkers());
    // 2. Threads load while the scenario is read.
    startThreadsEarly(spec.monteCarlo);
  }
  // 3. Load.
  // Every file's problems at once (compare, report): the second file's were shown only after the
  // first was fixed.
  const loaded: LoadedScenario[] = [], problems: Problem[] = [];
  for (const f of spec.scenarios) {
    try {
      loaded.push(loadScenarioFile(f, spec.set));
    } catch (e) {
      if (!(e instanceof ScenarioError)) throw e;
      problems.push(...e.problems);
    }
  }
  // Once each: two scenarios extending the same broken base (or one file given twice) would list it per file.
  if (problems.length > 0) throw new ScenarioError([...new Map(problems.map((p) => [formatProblem(p), p])).values()]);
  const more = spec.afterLoad?.(loaded) ?? [];
  checkTargets(more, spec.force);
  checkNotInputs([...targets, ...more], loaded.flatMap((sc) => sc.files));
  if (spec.monteCarlo) {
    for (const sc of loaded) checkRunsMemory(sc.input, spec.monteCarlo.runs ?? spec.runsOf?.(sc) ?? sc.meta.monteCarlo.runs);
  }
  // 4. Run and render.
  const outputs = await body(loaded);
  // 5. Never print NaN or Infinity; then write everything or nothing.
  checkFinite(outputs, () => [...spec.scenarios, ...textsIn(loaded)]);
  checkNotInputs(outputs.flatMap((o) => (o.path === undefined ? [] : [o.path])), loaded.flatMap((sc) => sc.files));
  await writeOutputs(outputs, spec.force);
  return 0;
}
