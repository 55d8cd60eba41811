/**
 * Plan paths (issue 10, part 4): a specialist headcount path is met by recruitment after the
 * completers who stay, up to a ceiling, and flagged where it cannot be; a completions path sets
 * the ST intake a training length ahead. Closed-form checks on hand-built configurations.
 */
import { copyFileSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadScenarioFile } from '../api/load.js';
import { ScenarioError } from '../scenario/errors.js';
import { vmsg } from '../scenario/messages.js';
import { expectedRun } from '../model/params.js';
import { withLever, type SolveSpec } from '../model/solve.js';
import { F, PATH_TOLERANCE } from '../model/fields.js';
import { pathIntake } from '../model/engine.js';
import { project, regionEvents } from '../model/project.js';
import { mini } from './fixtures.js';

const series = (block: Float64Array, field: number, Y: number) => Array.from(block.subarray(field * Y, field * Y + Y));
const linear = (Y: number, from: number, step: number) => Array.from({ length: Y }, (_, t) => from + step * t);

describe('specialist path', () => {
  const Y = 11;
  // 100 specialists aged 40, 4 % other exits, 20 trainees completing in 2027 (3 years in, length 5).
  const base = { years: Y, specialists: 100, attrition: 0.04, st: 20, stYear: 3, length: 5, retention: 0.8 };

  it('is met exactly in expected values: recruitment = target − survivors − completers staying', () => {
    const path = linear(Y, 100, 12);
    const p = project(mini({ ...base, specialistPath: path }), null);
    const b = p.regions[0].block;
    const spec = series(b, F.specialists, Y), rec = series(b, F.recruitment, Y), stay = series(b, F.newSpecialistsStaying, Y);
    for (let t = 1; t < Y; t++) {
      expect(spec[t], `headcount ${2024 + t}`).toBeCloseTo(path[t], 9);
      expect(b[F.specialistPathMet * Y + t]).toBe(1);
      expect(b[F.specialistPathGap * Y + t]).toBeCloseTo(0, 9);
      expect(b[F.specialistPath * Y + t]).toBe(path[t]);
      // Needed inflow: the path's rise plus this year's exits, less the completers who stay.
      expect(rec[t]).toBeCloseTo(Math.max(0, path[t] - spec[t - 1] * (1 - 0.04) - stay[t]), 9);
    }
    // The completers of 2027 (16 staying) cover most of that year's need, so less is recruited.
    expect(stay[3]).toBeCloseTo(16, 9);
    expect(rec[3]).toBeLessThan(rec[2]);
    // The base year's stocks are the scenario's: no path value there.
    expect(Number.isNaN(b[F.specialistPath * Y])).toBe(true);
  });

  it('is flagged in the years it rises faster than the pipeline plus the recruitment ceiling allow', () => {
    const path = linear(Y, 100, 30); // +30 a year, against at most 10 recruited and 4 % exits
    const p = project(mini({ ...base, specialistPath: path, recruitmentMax: 10 }), null);
    const b = p.regions[0].block;
    const spec = series(b, F.specialists, Y), rec = series(b, F.recruitment, Y), stay = series(b, F.newSpecialistsStaying, Y);
    const met = series(b, F.specialistPathMet, Y).slice(1);
    for (let t = 1; t < Y; t++) {
      expect(rec[t]).toBeLessThanOrEqual(10 + 1e-9);
      expect(spec[t]).toBeCloseTo(spec[t - 1] * 0.96 + stay[t] + rec[t], 9);
      expect(b[F.specialistPathGap * Y + t]).toBeCloseTo(path[t] - spec[t], 9);
    }
    // Every year falls short, by more each year.
    expect(met).toEqual(new Array(Y - 1).fill(0));
    const gap = series(b, F.specialistPathGap, Y);
    for (let t = 2; t < Y; t++) expect(gap[t]).toBeGreaterThan(gap[t - 1]);
    // The same path with no ceiling is met every year.
    const free = project(mini({ ...base, specialistPath: path }), null).regions[0].block;
    expect(series(free, F.specialistPathMet, Y).slice(1)).toEqual(new Array(Y - 1).fill(1));
  });

  it('above the path (more completers than it needs) recruits nobody and counts as met, with a negative gap', () => {
    const path = new Array(Y).fill(90); // below the survivors + 16 completers of 2027
    const b = project(mini({ ...base, specialistPath: path }), null).regions[0].block;
    // 2025–2027: the survivors and the completers are above 90; later exits bring it under again.
    expect(series(b, F.recruitment, Y).slice(1, 4)).toEqual([0, 0, 0]);
    expect(b[F.specialistPathGap * Y + 3]).toBeLessThan(-10);
    expect(b[F.specialistPathMet * Y + 3]).toBe(1);
  });

  it('in a random run (event noise) each year ends at the target, rounded up to whole persons', () => {
    const path = linear(Y, 100.3, 11.7);
    const cfg = mini({ ...base, specialistPath: path });
    for (let run = 0; run < 50; run++) {
      const b = project(cfg, null, (r) => regionEvents(9, run, r)).regions[0].block;
      for (let t = 1; t < Y; t++) {
        const s = b[F.specialists * Y + t];
        expect(Number.isInteger(s)).toBe(true);
        expect(s).toBeGreaterThanOrEqual(path[t] - 1e-9);
        // Recruited to the target (rounded up) unless the completers alone overshoot it.
        if (b[F.recruitment * Y + t] > 0) expect(s).toBeLessThan(path[t] + 1);
        expect(b[F.specialistPathGap * Y + t]).toBeLessThanOrEqual(PATH_TOLERANCE);
      }
    }
  });

  it('a path uses the same random numbers as a fixed recruitment (common random numbers)', () => {
    // Same seed and run: the ST dropouts and exits drawn before the recruitment are identical.
    const withPath = project(mini({ ...base, specialistPath: linear(Y, 100, 5) }), null, (r) => regionEvents(3, 1, r)).regions[0].block;
    const fixed = project(mini({ ...base, recruitment: 5 }), null, (r) => regionEvents(3, 1, r)).regions[0].block;
    expect(withPath[F.otherExits * Y + 1]).toBe(fixed[F.otherExits * Y + 1]);
    expect(series(withPath, F.stCompletions, Y)).toEqual(series(fixed, F.stCompletions, Y));
  });
});

describe('completions path', () => {
  const lengths: [number, number][] = [[5, 0.2], [6, 0.45], [7, 0.25], [8, 0.1]];
  const q = 0.02;

  it('a constant path is met exactly once the starts it sets complete (after the longest training)', () => {
    const Y = 16;
    const path = new Array(Y).fill(30);
    const b = project(mini({ years: Y, specialists: 100, lengths, dropout: q, completionsPath: path }), null).regions[0].block;
    const comp = series(b, F.stCompletions, Y);
    for (let t = 1 + 8; t < Y; t++) {
      expect(comp[t], `completions ${2024 + t}`).toBeCloseTo(30, 9);
      expect(b[F.completionsPathMet * Y + t]).toBe(1);
    }
    // Before the first starts complete (2025–2029) completions are the empty pipeline's: flagged.
    for (let t = 1; t <= 5; t++) {
      expect(comp[t]).toBe(0);
      expect(b[F.completionsPathMet * Y + t]).toBe(0);
      expect(b[F.completionsPathGap * Y + t]).toBe(30);
    }
    // The posts are the path over the share of starters who complete.
    const S = lengths.reduce((s, [L, p]) => s + p * (1 - q) ** (L - 1), 0);
    expect(b[F.stPosts * Y + 1]).toBeCloseTo(30 / S, 9);
  });

  it('a straight-line path is met exactly too (the smoothing kernel has mean zero)', () => {
    const Y = 22;
    const path = linear(Y, 20, 3);
    const b = project(mini({ years: Y, specialists: 100, lengths, dropout: q, completionsPath: path }), null).regions[0].block;
    const comp = series(b, F.stCompletions, Y);
    // Completions in t come from starts in t−8 … t−5, which read the path at t−3 … t+3: all on
    // the line while t + 3 ≤ Y − 1 (beyond it the path holds its last value).
    for (let t = 9; t + 3 <= Y - 1; t++) expect(comp[t], `completions ${2024 + t}`).toBeCloseTo(path[t], 9);
  });

  it('with one training length the intake is the path D years ahead over the survival', () => {
    const path = Float64Array.from([0, 10, 20, 30, 40, 50, 60, 70, 80]);
    const x = pathIntake(path, 2, Int32Array.from([5]), Float64Array.from([1]), 0.1);
    expect(x).toBeCloseTo(path[7] / 0.9 ** 4, 9);
    // Beyond the horizon the path holds its last value.
    expect(pathIntake(path, 6, Int32Array.from([5]), Float64Array.from([1]), 0.1)).toBeCloseTo(80 / 0.9 ** 4, 9);
  });

  it('a fill rate below 1 leaves the path short, and the years are flagged', () => {
    const Y = 16;
    const b = project(mini({ years: Y, specialists: 100, lengths, dropout: q, fillRate: 0.9, completionsPath: new Array(Y).fill(30) }), null).regions[0].block;
    for (let t = 9; t < Y; t++) {
      expect(b[F.stCompletions * Y + t]).toBeCloseTo(27, 9);
      expect(b[F.completionsPathMet * Y + t]).toBe(0);
    }
  });
});

describe('plan paths in YAML', () => {
  // Each case: the extending file, and the problems expected as `line:col  path  message`.
  const dir = mkdtempSync(join(tmpdir(), 'riktvarde-paths-'));
  copyFileSync(join(import.meta.dirname, '..', 'scenarios', 'stockholm-handlingsplan.yaml'), join(dir, 'base.yaml'));
  const problems = (name: string, body: string): string[] => {
    const file = join(dir, name);
    writeFileSync(file, `extends: base.yaml\n${body}`);
    try {
      loadScenarioFile(file);
    } catch (e) {
      if (e instanceof ScenarioError) return e.problems.map((p) => `${p.file === file ? '' : p.file}${p.line}:${p.col}  ${p.path}  ${p.message}`);
      throw e;
    }
    return [];
  };

  it('a specialist path replaces the fixed recruitment; giving both is an error at the path', () => {
    expect(problems('both.yaml', 'specialists:\n  targetHeadcount: { 2025: 1100, 2026: 1200, 2027: 1300, 2028: 1400, 2029: 1500, 2030: 1600, 2031: 1700, 2032: 1800, 2033: 1900, 2034: 2000 }\n'))
      .toEqual([`3:20  specialists.targetHeadcount  ${vmsg.oneOf('recruitment.perYear', 'targetHeadcount')}`]);
  });

  it('a table without interpolate must cover every year; with it, a point is needed by the first year', () => {
    expect(problems('gaps.yaml', 'specialists:\n  recruitment: { perYear: null }\n  targetHeadcount: { 2025: 1100, 2034: 2200 }\n'))
      .toEqual([`4:20  specialists.targetHeadcount  ${vmsg.tableMissesYears([2026, 2027, 2028, 2029, 2030, 2031, 2032, 2033], 2025, 2034)}`]);
    expect(problems('late.yaml', 'specialists:\n  recruitment: { perYear: null }\n  targetHeadcount:\n    values: { 2027: 1300, 2034: 2200 }\n    interpolate: linear\n'))
      .toEqual([`5:13  specialists.targetHeadcount.values  ${vmsg.pathStart(2027, 2025)}`]);
  });

  it('bad values are reported where they are written', () => {
    expect(problems('neg.yaml', 'specialists:\n  recruitment: { perYear: null }\n  targetHeadcount:\n    values: { 2024: 1080, 2034: -5 }\n    interpolate: linear\n'))
      .toEqual([`5:33  specialists.targetHeadcount.values.2034  ${vmsg.nonNegative(-5)}`]);
    expect(problems('formula.yaml', 'specialists:\n  recruitment: { perYear: null }\n  targetHeadcount:\n    values: "1080 + 112*(year-2024)"\n    interpolate: step\n'))
      .toEqual([`6:18  specialists.targetHeadcount.interpolate  ${vmsg.interpolateNeedsTable()}`]);
    const bad = problems('cubic.yaml', 'specialists:\n  recruitment: { perYear: null }\n  targetHeadcount:\n    values: { 2024: 1080, 2034: 2200 }\n    interpolate: cubic\n');
    expect(bad).toHaveLength(1);
    expect(bad[0]).toMatch(/^6:18 {2}specialists\.targetHeadcount\.interpolate {2}.*'linear'.*'step'/);
  });

  it('a completions path excludes an intake or ST target; a recruitment ceiling needs a path', () => {
    expect(problems('two.yaml', 'st:\n  targetCompletions: 150\n'))
      .toEqual([`3:22  st.targetCompletions  ${vmsg.oneOfThree('intake', 'targetHeadcount', 'targetCompletions')}`]);
    expect(problems('max.yaml', 'specialists:\n  recruitment: { max: 30 }\n'))
      .toEqual([`3:23  specialists.recruitment.max  ${vmsg.recruitmentMaxNeedsPath()}`]);
  });

  it('interpolate fills a series linearly or by steps, and holds the last point', () => {
    const write = (name: string, how: string) => {
      writeFileSync(join(dir, name), `extends: base.yaml\nspecialists:\n  recruitment: { perYear: null }\n  targetHeadcount:\n    values: { 2024: 1000, 2028: 1400, 2030: 1500 }\n    interpolate: ${how}\n`);
      return loadScenarioFile(join(dir, name)).input.regions[0].specialists.target!.base;
    };
    expect(write('lin.yaml', 'linear').slice(1)).toEqual([1100, 1200, 1300, 1400, 1450, 1500, 1500, 1500, 1500, 1500]);
    expect(write('step.yaml', 'step').slice(1)).toEqual([1000, 1000, 1000, 1400, 1400, 1500, 1500, 1500, 1500, 1500]);
  });
});

describe('solve on a scenario with plan paths', () => {
  it('the intake lever replaces a completions path, the recruitment lever a specialist path', () => {
    const sc = loadScenarioFile(join(import.meta.dirname, '..', 'scenarios', 'stockholm-bilaga.yaml'));
    const n = sc.input.endYear - sc.input.startYear + 1;
    const spec = { lever: 'intake', region: 0, targetYear: 2034, probability: 0.5 } as const;
    const byIntake = withLever(sc.input, spec as unknown as SolveSpec, new Array(n).fill(200)).regions[0];
    expect(byIntake.st.targetCompletions).toBeNull();
    expect(byIntake.st.intake!.base.slice(1)).toEqual(new Array(n - 1).fill(200));
    const byRecruitment = withLever(sc.input, { ...spec, lever: 'recruitment' } as unknown as SolveSpec, new Array(n).fill(50)).regions[0];
    expect(byRecruitment.specialists.target).toBeNull();
    // The lever's recruitment is what the engine then uses.
    const cfg = expectedRun({ ...sc.input, regions: [byRecruitment] });
    const b = project(cfg, null).regions[0].block;
    expect(b[F.recruitment * n + 3]).toBe(50);
    expect(Number.isNaN(b[F.specialistPath * n + 3])).toBe(true);
  });
});
