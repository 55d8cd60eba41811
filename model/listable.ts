/**
 * The listable-ST rule, in one place: which trainees may have listed patients. Either a flat share
 * of all trainees (Tabell 1: half) or only those with at most `lastYears` years of training left
 * (Stockholm's plan). Used by the engine (each run) and by the scenario layer (Tabell 1's count
 * "specialists incl. listable ST" at the start).
 */
import type { ListableRule } from './types.js';

/** Whether a trainee in training year `j` (1-based) of a `length`-year training is listable under `lastYears`. */
export function isListableCell(j: number, length: number, lastYears: number): boolean {
  return j > length - lastYears;
}

/**
 * Expected listable trainees among `headcount` trainees at the start: spread over training years by
 * `byTrainingYear` and, within a year j, over the lengths still in training (length ≥ j).
 */
export function listableAtStart(headcount: number, rule: ListableRule, byTrainingYear: readonly number[], lengths: readonly number[], lengthProbs: readonly number[]): number {
  if ('share' in rule) return headcount * rule.share;
  let listable = 0;
  const n = rule.lastYears;
  byTrainingYear.forEach((share, j0) => {
    const j = j0 + 1;
    let tail = 0;
    lengths.forEach((L, d) => { if (L >= j) tail += lengthProbs[d]; });
    lengths.forEach((L, d) => { if (L >= j && isListableCell(j, L, n) && tail > 0) listable += (headcount * share * lengthProbs[d]) / tail; });
  });
  return listable;
}

/**
 * The split of ST trainees over training years in the steady state of a constant intake, with
 * dropout: a cohort of intake I with length d has I·(1 − dropout)^(j−1) trainees in training year
 * j ≤ d (the final year completes, the others drop out or advance), so the share in year j is
 * ∝ Σ_d P(d)·[d ≥ j]·(1 − dropout)^(j−1). With dropout 0 it is ∝ P(length ≥ j).
 */
export function steadyStateSplit(lengths: readonly number[], lengthProbs: readonly number[], dropout: number): number[] {
  return Array.from(steadyStateSplitInto(lengths, lengthProbs, dropout, new Float64Array(Math.max(...lengths))));
}

/** steadyStateSplit into `out` (length: the longest training), without allocating (each Monte Carlo run's dropout). */
export function steadyStateSplitInto(lengths: readonly number[], lengthProbs: readonly number[], dropout: number, out: Float64Array): Float64Array {
  const maxLen = out.length;
  let sw = 0;
  for (let j = 0; j < maxLen; j++) {
    let s = 0;
    for (let d = 0; d < lengths.length; d++) s = s + (lengths[d] >= j + 1 ? lengthProbs[d] : 0);
    out[j] = s * (1 - dropout) ** j;
    sw = sw + out[j];
  }
  for (let j = 0; j < maxLen; j++) out[j] = out[j] / sw;
  return out;
}
