/**
 * `--lang sv` is Swedish in every output: the report (HTML), the workbook and the table hold none
 * of the program's own English texts (its default reasons, distribution words, the quantile line,
 * value words), numbers are Swedish-formatted, and validation messages are Swedish. The shipped
 * scenarios' own notes and source titles are shown as their authors wrote them (some are English)
 * and are not checked.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { afterAll, describe, expect, it } from 'vitest';
import { DEFAULTS } from '../scenario/defaults.js';
import { cliInProcess, removeSandboxes, ROOT, sandbox } from './helpers.js';

const dir = sandbox({}, 'riktvarde-sv-');
afterAll(removeSandboxes);

/** English phrases only the program writes (never a shipped scenario's own text). */
const ENGLISH = [
  DEFAULTS.careNeedIndex.why, DEFAULTS.fillRate.why, DEFAULTS.byTrainingYear.why, DEFAULTS.fte.why, DEFAULTS.listable.why,
  'no care-need weighting', 'every advertised post is filled', 'steady state of a constant intake',
  'per-year quantiles', 'Hyndman–Fan type 7 (as R', 'of all trainees', 'years of training', '5 years: 0', 'normal(mean', ' from 20',
  'All regions', 'Published', 'Assumption', 'Default', 'Monthly salary, specialist', 'Training cost per ST trainee',
];

async function run(...args: string[]): Promise<string> {
  const r = await cliInProcess(ROOT, ...args, '--lang', 'sv', '--workers', '1');
  expect(r.code, r.stderr).toBe(0);
  return r.stdout;
}

/** The text a reader sees in the HTML (tags, the inlined chart library and the chart specs dropped). */
const visibleText = (html: string) => html.replace(/<script[\s\S]*?<\/script>/g, '').replace(/<style[\s\S]*?<\/style>/g, '').replace(/<[^>]+>/g, ' ').replace(/&amp;/g, '&').replace(/\u00a0/g, ' '); // no-break spaces keep numbers whole

function noEnglish(text: string, where: string) {
  for (const p of ENGLISH) expect(text.includes(p), `${where} contains '${p}'`).toBe(false);
}

describe('--lang sv: Swedish in every output', () => {
  it('the HTML report', async () => {
    const out = join(dir, 'h.html');
    await run('report', 'scenarios/halland.yaml', '--runs', '50', '--seed', '1', '--out', out);
    const text = visibleText(readFileSync(out, 'utf8'));
    noEnglish(text, 'report');
    // Values in Swedish format: the population as 343 746, the PO share as 0,52, parameter names as labels.
    expect(text).toContain('343 746');
    expect(text).not.toMatch(/\b343746\b/);
    expect(text).toContain('ingen viktning för vårdbehov');
    expect(text).toContain('Befolkning vid start');
    expect(text).not.toMatch(/>\s*population\.start\s*</);
    expect(text).toMatch(/PERT\(0,\d+; 0,\d+; 0,\d+\)/);
    expect(text).toContain('Hyndman–Fan typ 7');
  });

  it('the workbook', async () => {
    const out = join(dir, 's.xlsx');
    await run('run', 'scenarios/stockholm-handlingsplan.yaml', '--runs', '50', '--seed', '1', '--format', 'xlsx', '--out', out);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(out);
    const cells: string[] = [];
    for (const ws of wb.worksheets) ws.eachRow((row) => row.eachCell((c) => { if (typeof c.value === 'string') cells.push(c.value); }));
    const text = cells.join('\n');
    // Field keys in the long table (a machine column) and parameter keys (for --set) are the file format's own words.
    noEnglish(text.replace(/^[a-z][\w.[\]]*$/gm, ''), 'workbook');
    expect(text).toContain('PERT(0,02; 0,031; 0,045)');
    expect(text).toContain('Månadslön, specialist (kr, heltid)');
    expect(text).toContain('jämviktsläge vid konstant intag');
  });

  it('the table and the validation messages', async () => {
    noEnglish(await run('run', 'scenarios/halland.yaml'), 'table');
    const bad = sandbox({ 'bad.yaml': 'name: x\nhorizon: {start: 2024, end: 2030}\ncountBasis: all-sectors\nst:\n  dropout: 1.5\n' });
    const r = await cliInProcess(bad, 'validate', 'bad.yaml', '--lang', 'sv');
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('st.dropout  måste vara en andel mellan 0 och 1, är 1,5');
    expect(r.stderr).toMatch(/\d+ problem; ingenting skrevs\.\n$/);
    expect(r.stderr).not.toContain('must be');
    // Back to English with --lang en (the language is chosen per command).
    const e = await cliInProcess(bad, 'validate', 'bad.yaml');
    expect(e.stderr).toContain('must be a share between 0 and 1, got 1.5');
  });
  it('the CSV, deterministic and Monte Carlo: the Swedish dialect, only the fields the output has', async () => {
    for (const extra of [[], ['--runs', '20', '--seed', '1']]) {
      const csv = await run('run', 'scenarios/halland.yaml', '--format', 'csv', ...extra);
      expect(csv.startsWith('\uFEFFRegion;År;')).toBe(true);
      expect(csv).not.toContain('needWeightedPopulation');
      expect(csv).not.toContain('Behovsviktad');
      noEnglish(csv, 'CSV');
    }
  });
});
