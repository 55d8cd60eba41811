/**
 * The what-if page parses its scenario once and applies each setting's `--set` list to the parsed
 * document (`scenarioParser`, web/worker.ts). This must give exactly what the command line gets
 * from the same `--set` list: checked here for the lists the page makes from its levers, on one
 * parser reused across settings (so one setting cannot leak into the next).
 */
import { readFileSync } from 'node:fs';
import { basename } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseScenario, scenarioParser } from '../api/core.js';
import { loadScenarioFile, programVersion } from '../api/load.js';
import { deterministic } from '../cli/mc.js';
import { defaultSettings, exploreModel, setsFor, type Settings } from '../web/levers.js';
import { scenarioPath } from './helpers.js';

/** Settings the page can be in: the scenario as written, single levers moved, several with a ramp. */
function settingsOf(m: ReturnType<typeof exploreModel>): Settings[] {
  const d = defaultSettings(m);
  const lever = (id: string) => m.levers.find((l) => l.id === id)!;
  const out: Settings[] = [d];
  for (const l of m.levers) out.push({ ...d, values: { ...d.values, [l.id]: l.value === l.max ? l.min : l.max } });
  out.push({
    intakeFrom: m.startYear + 3, intakeShape: { kind: 'ramp', step: 4 },
    values: { ...d.values, intake: lever('intake').value + 20, retention: 0.9, attrition: 0.03, norm: 1300, normYear: m.startYear + 5, trainingCapacity: lever('trainingCapacity').min + 5 },
  });
  out.push(d);
  return out;
}

describe('explore: one parse, many settings', () => {
  for (const file of ['halland.yaml', 'halland-motion-1100.yaml', 'stockholm-handlingsplan.yaml', 'varmland-1500-then-1100.yaml']) {
    it(`${file}: each setting's --set list on the parsed document equals parsing it with the list (and the CLI's loading)`, () => {
      const path = scenarioPath(file);
      const sc = loadScenarioFile(path);
      const files: Record<string, string> = {};
      for (const f of sc.files) files[basename(f)] = readFileSync(f, 'utf8');
      const m = exploreModel(sc, deterministic(sc), path, file, programVersion());
      const parser = scenarioParser(files[file], { file, files });
      const lists = settingsOf(m).map((s) => setsFor(m, s));
      expect(new Set(lists.map((l) => JSON.stringify(l))).size).toBeGreaterThan(m.levers.length);
      for (const set of lists) {
        const once = parser(set);
        expect(once, set.join(' ')).toEqual(parseScenario(files[file], { file, files, set }));
        expect(once.input, set.join(' ')).toEqual(loadScenarioFile(path, set).input);
      }
    });
  }
});

describe('explore: the levers\' scenario values', () => {
  it('"norm applies from" shows the year the final norm applies from, not the norm (Värmland: 1100 from 2028)', () => {
    const path = scenarioPath('varmland-1500-then-1100.yaml');
    const sc = loadScenarioFile(path);
    const m = exploreModel(sc, deterministic(sc), path, 'varmland-1500-then-1100.yaml', programVersion());
    const byId = new Map(m.levers.map((l) => [l.id, l]));
    expect(byId.get('normYear')!.written).toBe('2028');
    expect(byId.get('normYear')!.value).toBe(2028);
    expect(byId.get('norm')!.written).toMatch(/1100/);
  });
});
