/**
 * `--set` on a scenario with `regions:`: a top-level (default) key that every region gives itself
 * is a problem at the --set, naming the region's own key (before, `--set st.intake=20` on
 * värmland changed nothing without a word, and a table `{values: …}` was merged key by key
 * with the region's `{value: …}` into a confusing "give either 'value' or 'values'").
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { loadScenarioFile } from '../api/load.js';
import { ScenarioError, type Problem } from '../scenario/errors.js';

const VARMLAND = 'scenarios/varmland.yaml';
/** Where the region's own `intake:` key is (line:column, 1-based). */
const intakeAt = (() => {
  const lines = readFileSync(VARMLAND, 'utf8').split('\n');
  const i = lines.findIndex((l) => /^\s+intake:/.test(l));
  return `${i + 1}:${lines[i].indexOf('intake:') + 1 + 'intake: '.length}`;
})();

function problems(file: string, sets: string[]): Problem[] {
  try {
    loadScenarioFile(file, sets);
  } catch (e) {
    if (e instanceof ScenarioError) return e.problems;
    throw e;
  }
  throw new Error('expected a ScenarioError');
}

describe('--set of a default that every region overrides', () => {
  for (const set of ['st.intake=20', 'st.intake={values: {2025: 20, 2030: 30}}', 'st.intake.value=20']) {
    it(`${set}: one problem at the --set, naming regions[0].st.intake`, () => {
      const p = problems(VARMLAND, [set]);
      expect(p).toHaveLength(1);
      expect(p[0].file).toBe(`--set ${set}`);
      expect(p[0].message).toContain(`every region gives its own st.intake (the first at scenarios/varmland.yaml:${intakeAt})`);
      expect(p[0].message).toContain('--set regions[0].st.intake=');
    });
  }
  it('a region\'s own key, and a default no region overrides, are applied', () => {
    const json = (sets: string[]) => JSON.stringify(loadScenarioFile(VARMLAND, sets).input);
    const base = json([]);
    expect(json(['regions[0].st.intake=20'])).not.toBe(base);
    expect(json(['st.dropout=0.05'])).not.toBe(base);
  });
});

describe('--set of regions[0]… on a scenario without a regions list', () => {
  it('names the missing region name, not a CSV region "undefined" (the age CSV is inherited by every region)', () => {
    const p = problems('scenarios/riket-ageing.yaml', ['regions[0].st.intake=40']);
    expect(p.map((x) => x.message).join('\n')).not.toContain('undefined');
    expect(p.some((x) => x.path === 'regions[0].name')).toBe(true);
  });
});
