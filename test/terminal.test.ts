/**
 * The terminal (issue 14, part 7): the verdict before the table, the total before its regions,
 * tables that fit 80 columns (years split into blocks), --wide for the 120-column layout.
 */
import { readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { loadScenario, simulate, type McRunOutput, type RunOutput } from '../api/index.js';
import { tableWidth } from '../cli/commands.js';
import { renderMcTable } from '../viz/mctable.js';
import { DEFAULT_WIDTH, renderTable } from '../viz/table.js';
import { texts } from '../viz/texts/index.js';
import { layoutProblems, scenarioPath, yearHeaders } from './helpers.js';

const SHIPPED = readdirSync(scenarioPath('')).filter((f) => f.endsWith('.yaml')).sort();

describe('table width', () => {
  it('a terminal\'s width (at least 60), else the wide layout', () => {
    expect(tableWidth({}, 80)).toBe(80);
    expect(tableWidth({}, 40)).toBe(60);
    expect(tableWidth({}, 200)).toBe(DEFAULT_WIDTH);
    expect(tableWidth({}, undefined)).toBe(DEFAULT_WIDTH); // a pipe: the stable wide layout
    expect(tableWidth({ wide: true }, 80)).toBe(DEFAULT_WIDTH);
    expect(tableWidth({ out: 'plan.txt' }, 80)).toBe(DEFAULT_WIDTH);
  });

  it.each(SHIPPED)('%s fits 80 columns, deterministic and Monte Carlo, in both languages', async (file) => {
    const sc = loadScenario(scenarioPath(file));
    const det = (await simulate(sc)) as RunOutput;
    const mc = (await simulate(sc, { runs: 20, seed: 1, workers: 1 })) as McRunOutput;
    for (const lang of ['en', 'sv'] as const) {
      const a = renderTable(det, texts(lang), { width: 80 });
      const b = renderMcTable(mc, texts(lang), { width: 80 });
      expect(layoutProblems(a, 80)).toEqual([]);
      expect(layoutProblems(b, 80)).toEqual([]);
      // Years split into blocks, every year shown once per table.
      expect(yearHeaders(a).length).toBeGreaterThan(1);
    }
  }, 60_000);
});

describe('verdict first', () => {
  it('the reached sentence comes before the first year header; the total before the regions', async () => {
    const sc = loadScenario(scenarioPath('stockholm-handlingsplan.yaml'));
    const det = (await simulate(sc)) as RunOutput;
    const text = renderTable(det, texts('en'));
    const firstHeader = text.split('\n').findIndex((l) => /^\s+\d{4}(\s+\d{4})*$/.test(l));
    const verdict = text.split('\n').findIndex((l) => /1100\/550 target/.test(l));
    expect(verdict).toBeGreaterThan(-1);
    expect(verdict).toBeLessThan(firstHeader);
    // Two regions inheriting the top-level values, and their total: the total's section first.
    const two = (await simulate(loadScenario(scenarioPath('halland.yaml'), { set: ['regions=[{name: Norra}, {name: Södra}]'] }))) as RunOutput;
    const titles = renderTable(two, texts('en')).split('\n').filter((l) => l.startsWith(two.scenario.name));
    expect(titles.map((t) => t.split(' — ')[1])).toEqual([two.total!.name, 'Norra', 'Södra']);
    const mc = (await simulate(sc, { runs: 20, seed: 1, workers: 1 })) as McRunOutput;
    const mtext = renderMcTable(mc, texts('en')).split('\n');
    const mHeader = mtext.findIndex((l) => /^\s+\d{4}(\s+\d{4})*$/.test(l));
    const mVerdict = mtext.findIndex((l) => /1100\/550/.test(l) && /reached|Probability|probability/.test(l));
    expect(mVerdict).toBeGreaterThan(-1);
    expect(mVerdict).toBeLessThan(mHeader);
  });
});
