// What a budget official sees when LibreOffice opens riktvarde's CSV (headless; docs/decisions.md,
// "CSV formula injection"): a region named as a formula must arrive as text (with its leading
// apostrophe), never as a formula, and the numbers as numbers (negative ones too), in the machine
// CSV and in the Swedish one (read with Swedish settings). Usage: node .ci/lo-csv.mjs <work folder>
import { execFileSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import ExcelJS from 'exceljs';

const dir = process.argv[2];
const name = '=HYPERLINK("http://example.com","y")';
let bad = 0;
for (const [lang, filter] of [['en', 'CSV:44,34,76,1'], ['sv', 'CSV:59,34,76,1,,1053']]) {
  const csv = join(dir, `lo-${lang}.csv`);
  writeFileSync(csv, execFileSync(process.execPath, ['dist/cli/main.cjs', 'run', 'scenarios/halland.yaml', '--set', `region='${name}'`, '--format', 'csv', '--lang', lang]));
  execFileSync('soffice', ['--headless', `--infilter=${filter}`, '--convert-to', 'xlsx', '--outdir', dir, csv], { stdio: 'ignore' });
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(csv.replace(/\.csv$/, '.xlsx'));
  const ws = wb.worksheets[0];
  let formulas = 0, negatives = 0;
  ws.eachRow((row) => row.eachCell((c) => {
    if (c.type === ExcelJS.ValueType.Formula) formulas++;
    if (typeof c.value === 'number' && c.value < 0) negatives++;
  }));
  const a2 = ws.getCell('A2').value;
  const ok = formulas === 0 && a2 === `'${name}` && negatives > 0;
  if (!ok) bad++;
  console.log(`${lang}: A2 ${JSON.stringify(a2)}, ${formulas} formulas, ${negatives} negative numbers: ${ok ? 'as expected' : 'WRONG'}`);
}
process.exit(bad === 0 ? 0 : 1);
