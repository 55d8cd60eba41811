/** Issue 11: the `observed:` block, `calibrate` and `backtest`. */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { existsSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { deterministicOutput, monteCarloSync, parseScenario, ScenarioError, toMcOutput, type Problem } from '../api/core.js';
import { calibrate, CALIBRATION_METHOD } from '../model/calibrate.js';
import { renderCalibration } from '../viz/calibrate.js';
import { backtest } from '../model/backtest.js';
import { OBSERVED_FIELD, withObserved, type ObservedInput, type ObservedQuantityName } from '../model/observed.js';
import { mean } from '../model/dist.js';
import type { ScalarParam } from '../model/types.js';
import { renderObserved } from '../viz/observed.js';
import type { ObservedRow } from '../model/observed-row.js';
import type { RegionOutput } from '../model/results.js';
import { texts } from '../viz/texts/index.js';
import { cliInProcess, scenarioPath } from './helpers.js';

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
    // The child's observed figures merge into the base's (Stockholm ships its own).
    expect(sc.meta.observed.map((p) => [p.quantity, p.year, p.value, p.source])).toEqual(expect.arrayContaining([
      ['completions', 2025, 130, 'mitti-2024'], ['retirements', 2025, 36, 'mitti-2024'], ['namedDoctorShare', 2026, 0.65, 'rs-plan-2024'],
    ]));
    expect(sc.meta.observed.find((p) => p.quantity === 'retirements')!.note).toBe("2024's figure");
    const out = deterministicOutput(sc, 'test');
    const all = out.regions[0].observed!;
    const rows = ['completions', 'retirements', 'namedDoctorShare'].map((q) => all.find((o) => o.quantity === q)!);
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
    const out = deterministicOutput(withBase('observed: null\n'), 'test');
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

/** Observed points taken from a model output (region 0): `quantities` at `years`. */
function pointsFrom(out: { regions: { name: string; years: Record<string, unknown>[] }[] }, quantities: ObservedQuantityName[], years: number[]): ObservedInput[] {
  const r = out.regions[0];
  return quantities.flatMap((q) => years.map((year) => {
    const y = r.years.find((x) => x.year === year)!;
    return { region: r.name, quantity: q, year, value: y[OBSERVED_FIELD[q]!] as number, source: 'model' };
  }));
}

describe('calibrate', () => {
  const TRUE = { 'specialists.retirement.meanAge': 64.5, 'specialists.attrition': 0.045, 'st.dropout': 0.035, 'st.retention': 0.8 };
  const setOf = (v: Record<string, number>) => Object.entries(v).map(([k, x]) => `${k}=${x}`);
  const load = (set: string[]) => parseScenario(baseText, { file: BASE, set });

  it('recovers the parameters that generated the observed series (relative tolerance 1e-3)', () => {
    const truth = deterministicOutput(load(setOf(TRUE)), 'test');
    const observed = pointsFrom(truth, ['retirements', 'otherExits', 'completions', 'newSpecialistsStaying', 'specialists'], [2026, 2028, 2030, 2032, 2034]);
    const res = calibrate(load([]).input, observed);
    expect(res.notIdentified).toEqual([]);
    for (const f of res.fitted) expect(Math.abs(f.after / TRUE[f.name as keyof typeof TRUE] - 1), f.name).toBeLessThan(1e-3);
    expect(res.sseAfter).toBeLessThan(1e-8);
    expect(res.sseBefore).toBeGreaterThan(1e-3);
  });

  it('names what the observed figures cannot identify and leaves it alone', () => {
    const truth = deterministicOutput(load(setOf(TRUE)), 'test');
    // Retirements in the first year depend on the retirement age alone (exits come after retirement).
    const res = calibrate(load([]).input, pointsFrom(truth, ['retirements'], [2025]));
    expect(res.fitted.map((f) => f.name)).toEqual(['specialists.retirement.meanAge']);
    expect(res.notIdentified).toEqual(['specialists.attrition', 'st.dropout', 'st.retention']);
    // Specialists alone, one year: four parameters move it, one number can fit only one of them.
    const one = calibrate(load([]).input, pointsFrom(truth, ['specialists'], [2030]));
    expect(one.fitted).toHaveLength(1);
    expect(one.notIdentified).toHaveLength(3);
  });

  it('prints its method in the reader\'s language (the English is the model\'s CALIBRATION_METHOD)', () => {
    const truth = deterministicOutput(load(setOf(TRUE)), 'test');
    const res = calibrate(load([]).input, pointsFrom(truth, ['retirements'], [2025]));
    const flat = (s: string) => s.replace(/\n/g, ' ');
    expect(flat(renderCalibration(res, 'S', texts('en'), 1000))).toContain(`(${CALIBRATION_METHOD}).`);
    const sv = flat(renderCalibration(res, 'S', texts('sv'), 1000));
    expect(sv).toContain('(minsta kvadrat-anpassning av relativa residualer;');
    expect(sv).not.toMatch(/least squares|coordinate descent|golden-section|deterministic model/);
  });

  it('explains the ! of a parameter at a bound of its search range, sv and en, and only then', () => {
    // 130 completions in 2025 against a model's 107: even no dropout at all cannot reach it.
    const res = calibrate(load([]).input, [{ region: 'Stockholm', quantity: 'completions', year: 2025, value: 130, source: 'test' }]);
    const atBound = res.fitted.filter((f) => f.atBound);
    expect(atBound.map((f) => f.name)).toContain('st.dropout');
    const en = renderCalibration(res, 'S', texts('en'), 1000);
    expect(en).toMatch(/0\.0000 !/);
    expect(en).toContain(texts('en').observed.atBound());
    expect(renderCalibration(res, 'S', texts('sv'), 1000)).toContain(texts('sv').observed.atBound());
    const inside = calibrate(load([]).input, pointsFrom(deterministicOutput(load(setOf(TRUE)), 'test'), ['retirements'], [2025]));
    expect(inside.fitted.some((f) => f.atBound)).toBe(false);
    expect(renderCalibration(inside, 'S', texts('en'), 1000)).not.toContain('! =');
  });

  it('writes an overlay that extends the scenario, reproduces the fit, and never replaces a file without --force', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'riktvarde-cal-'));
    writeFileSync(join(dir, BASE), baseText);
    const truth = deterministicOutput(load(setOf(TRUE)), 'test');
    const obs = pointsFrom(truth, ['retirements', 'otherExits'], [2026, 2030]);
    const block = `observed:\n${['retirements', 'otherExits'].map((q) => `  ${q}:\n    source: rs-plan-2024\n${obs.filter((o) => o.quantity === q).map((o) => `    ${o.year}: ${o.value}`).join('\n')}`).join('\n')}\n`;
    // Without the base's own observed figures: only the series generated here.
    writeFileSync(join(dir, 'plain.yaml'), `extends: ${BASE}\nobserved: null\n`);
    writeFileSync(join(dir, 'obs.yaml'), `extends: plain.yaml\n${block}`);
    const before = readFileSync(join(dir, 'obs.yaml'), 'utf8');
    const r1 = await cliInProcess(dir, 'calibrate', 'obs.yaml', '--out', 'cal.yaml');
    expect(r1.code, r1.stderr).toBe(0);
    expect(r1.stdout).toContain('specialists.attrition');
    expect(readFileSync(join(dir, 'obs.yaml'), 'utf8')).toBe(before);
    const overlay = readFileSync(join(dir, 'cal.yaml'), 'utf8');
    expect(overlay).toMatch(/^extends: obs\.yaml$/m);
    expect(overlay).toContain('source: calibrated-observed');
    const files = { [BASE]: baseText, 'plain.yaml': `extends: ${BASE}\nobserved: null\n`, 'obs.yaml': before };
    const cal = parseScenario(overlay, { file: 'cal.yaml', files });
    const reg = cal.input.regions[0].specialists;
    const meanAge = reg.retirement.kind === 'normal' ? mean(reg.retirement.meanAge.dist, reg.retirement.meanAge.domain) : NaN;
    expect(meanAge).toBeCloseTo(64.5, 2);
    const att = reg.attrition;
    if (!('dist' in att)) throw new Error('attrition should stay a scalar parameter after calibration');
    expect(mean(att.dist, att.domain)).toBeCloseTo(0.045, 4);
    expect(att.dist.dist).toBe('pert'); // the distribution's shape is kept, shifted
    const r2 = await cliInProcess(dir, 'calibrate', 'obs.yaml', '--out', 'cal.yaml');
    expect(r2.code).toBe(3);
    expect(readFileSync(join(dir, 'cal.yaml'), 'utf8')).toBe(overlay);
    expect((await cliInProcess(dir, 'calibrate', 'obs.yaml', '--out', 'cal.yaml', '--force')).code).toBe(0);
    expect(existsSync(join(dir, 'cal.yaml'))).toBe(true);
  }, 120_000);
});

describe('backtest title', () => {
  it('writes the number of runs in the reader\'s number format', () => {
    expect(texts('en').observed.backtestTitle('S', 2005, 2000)).toBe('Backtest — S, from base year 2005, 2,000 runs');
    expect(texts('sv').observed.backtestTitle('S', 2005, 10000)).toBe('Efterhandstest — S, från basåret 2005, 10 000 körningar');
  });
});

describe('backtest', () => {
  const sc = parseScenario(baseText, { file: BASE });
  const QS: ObservedQuantityName[] = ['specialists', 'retirements', 'completions', 'otherExits'];
  const YEARS = [2026, 2028, 2030, 2032, 2034];
  /** Backtests `model` against truths drawn from the full model (one run each, other seeds). */
  function coverage(model: typeof sc.input, eventNoise: boolean, truths: number) {
    const results = [];
    for (let k = 0; k < truths; k++) {
      const truth = toMcOutput(monteCarloSync(sc.input, { runs: 1, seed: 5000 + k, eventNoise: true }), { name: 't', description: '', countBasis: 'health-centres' }, 'test');
      const points = pointsFrom(truth, QS, YEARS);
      const out = withObserved(toMcOutput(monteCarloSync(model, { runs: 300, seed: 11 + k, eventNoise }), { name: 'm', description: '', countBasis: 'health-centres' }, 'test'), points);
      results.push(backtest(out));
    }
    const n = results.reduce((s, r) => s + r.all.n, 0);
    return { n, inside80: results.reduce((s, r) => s + r.all.inside80 * r.all.n, 0) / n, inside50: results.reduce((s, r) => s + r.all.inside50 * r.all.n, 0) / n, results };
  }

  it('on data generated by the model, the 80 % intervals cover 70–90 % of many points', () => {
    const c = coverage(sc.input, true, 30);
    expect(c.n).toBe(30 * QS.length * YEARS.length);
    expect(c.inside80).toBeGreaterThanOrEqual(0.7);
    expect(c.inside80).toBeLessThanOrEqual(0.9);
    expect(c.inside50).toBeGreaterThanOrEqual(0.35);
    expect(c.inside50).toBeLessThanOrEqual(0.65);
  }, 300_000);

  it('flags intervals too narrow for what happened (parameters fixed, no event noise)', () => {
    const fixed = parseScenario(baseText, { file: BASE, set: [
      'specialists.attrition=0.031', 'specialists.retirement.meanAge=66', 'st.dropout=0.02', 'st.retention=0.87',
    ] });
    const c = coverage(fixed.input, false, 6);
    expect(c.inside80).toBeLessThan(0.5);
    expect(c.results.filter((r) => r.all.tooNarrow).length).toBeGreaterThanOrEqual(5);
  }, 300_000);
});

describe('the observed table\'s footnote', () => {
  const row = (quantity: 'specialists' | 'namedDoctorShare', observed: number, modelled: number | null) =>
    ({ quantity, field: quantity === 'specialists' ? 'specialists' : null, year: 2024, observed, source: 's', modelled, difference: modelled === null ? null : modelled - observed, relativeDifference: null }) as ObservedRow;
  const out = (rows: ObservedRow[]) => ({ mode: 'deterministic' as const, regions: [{ name: 'R', observed: rows } as unknown as RegionOutput] });
  it('mentions the share with a named doctor only when the table shows it, sv and en', () => {
    expect(renderObserved(out([row('specialists', 100, 100)]), texts('en'))).not.toMatch(/named doctor/);
    expect(renderObserved(out([row('specialists', 100, 100), row('namedDoctorShare', 0.6, null)]), texts('en'))).toMatch(/The share with a named doctor has no modelled\s+counterpart/);
    expect(renderObserved(out([row('specialists', 100, 100)]), texts('sv'))).not.toMatch(/fast läkarkontakt/);
    expect(renderObserved(out([row('namedDoctorShare', 0.6, null)]), texts('sv'))).toMatch(/fast läkarkontakt har ingen/);
  });
});
