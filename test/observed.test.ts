/** Issue 11: the `observed:` block, `calibrate` and `backtest`. */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { deterministicOutput, parseScenario, ScenarioError, type Problem } from '../api/core.js';
import { renderObserved } from '../viz/observed.js';
import { texts } from '../viz/texts/index.js';
import { scenarioPath } from './helpers.js';

const BASE = 'stockholm-handlingsplan.yaml';
const baseText = readFileSync(scenarioPath(BASE), 'utf8');
const withBase = (text: string) => parseScenario(`extends: ${BASE}\n${text}`, { file: 'obs.yaml', files: { [BASE]: baseText } });
function problems(text: string): Problem[] {
  try { withBase(text); } catch (e) { if (e instanceof ScenarioError) return e.problems; throw e; }
  throw new Error('expected problems');
}

describe('observed: block', () => {
  it('is read with its sources and shown beside the model with the difference', () => {
    const sc = withBase(`observed:
  retirements:
    2025: { value: 36, source: mitti-2024, note: "2024's figure" }
  completions:
    source: mitti-2024
    2025: 130
  namedDoctorShare:
    2026: { value: 0.65, source: rs-plan-2024 }
`);
    expect(sc.meta.observed.map((p) => [p.quantity, p.year, p.value, p.source])).toEqual([
      ['completions', 2025, 130, 'mitti-2024'], ['retirements', 2025, 36, 'mitti-2024'], ['namedDoctorShare', 2026, 0.65, 'rs-plan-2024'],
    ]);
    const out = deterministicOutput(sc, 'test');
    const rows = out.regions[0].observed!;
    const y2025 = out.regions[0].years.find((y) => y.year === 2025)!;
    expect(rows[0]).toMatchObject({ quantity: 'completions', field: 'stCompletions', observed: 130, modelled: y2025.stCompletions });
    expect(rows[0].difference).toBeCloseTo(y2025.stCompletions! - 130, 9);
    expect(rows[2]).toMatchObject({ quantity: 'namedDoctorShare', modelled: null, difference: null });
    const table = renderObserved(out, texts('sv'));
    expect(table).toContain('Färdiga ST-läkare');
    expect(table).toContain('mitti-2024');
    expect(table).toMatch(/−\d+ \(−\d+,\d %\)/);
  });

  it('leaves the output of a scenario without observed figures unchanged', () => {
    const out = deterministicOutput(withBase(''), 'test');
    expect('observed' in out.regions[0]).toBe(false);
  });

  it('reports a year outside the horizon, a negative count, an unknown quantity and a missing source at file:line:col', () => {
    const ps = problems(`observed:
  retirements:
    2040: { value: 36, source: mitti-2024 }
    2025: { value: -3, source: mitti-2024 }
  completion:
    2025: 130
  specialists:
    2026: 1100
  namedDoctorShare:
    2026: { value: 1.5, source: nowhere }
`);
    const at = (p: Problem) => `${p.file}:${p.line}:${p.col} ${p.path} ${p.message}`;
    const lines = ps.map(at);
    expect(lines).toContainEqual(expect.stringMatching(/^obs\.yaml:4:\d+ observed\.retirements\.2040 observed year 2040 is outside the horizon 2024–2034$/));
    expect(lines).toContainEqual(expect.stringMatching(/^obs\.yaml:5:\d+ observed\.retirements\.2025\.value must not be negative, got -3$/));
    expect(lines).toContainEqual(expect.stringMatching(/^obs\.yaml:6:3 observed\.completion unknown key 'completion' \(did you mean 'completions'\?\)/));
    expect(lines).toContainEqual(expect.stringMatching(/^obs\.yaml:9:\d+ observed\.specialists\.2026 an observed value needs a source/));
    expect(lines).toContainEqual(expect.stringMatching(/^obs\.yaml:11:\d+ observed\.namedDoctorShare\.2026\.value must be a share between 0 and 1/));
    expect(lines).toContainEqual(expect.stringMatching(/^obs\.yaml:11:\d+ observed\.namedDoctorShare\.2026\.source source 'nowhere' is not listed/));
    expect(ps).toHaveLength(6);
  });
});

describe('the starting ST split is the steady state of a constant intake, dropout included', () => {
  it('keeps every ST stock and flow constant under the steady-state intake', () => {
    const d = 0.02, lengths: [number, number][] = [[5, 0.2], [6, 0.45], [7, 0.25], [8, 0.1]];
    // A cohort of 1 contributes Σ_{j≤L} (1−d)^(j−1) trainee-years over its length L.
    const perIntake = lengths.reduce((s, [L, p]) => s + p * Array.from({ length: L }, (_, j) => (1 - d) ** j).reduce((a, b) => a + b, 0), 0);
    const intake = 706 / perIntake;
    const sc = withBase('');
    const set = parseScenario(`extends: ${BASE}\nst:\n  targetHeadcount: null\n  intake: ${intake}\n  dropout: ${d}\n`, { file: 'ss.yaml', files: { [BASE]: baseText } });
    expect(sc.input.regions[0].st.steadyState).toBe(true);
    const ys = deterministicOutput(set, 'test').regions[0].years;
    for (const y of ys.slice(1)) {
      expect(y.st).toBeCloseTo(706, 6);
      expect(y.listableSt).toBeCloseTo(ys[0].listableSt!, 6);
      expect(y.stCompletions).toBeCloseTo(ys[1].stCompletions!, 6);
    }
    // Completions equal the intake that survives to the final year.
    const completing = lengths.reduce((s, [L, p]) => s + p * (1 - d) ** (L - 1), 0) * intake;
    expect(ys[1].stCompletions).toBeCloseTo(completing, 6);
  });
});
