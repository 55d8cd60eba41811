// The workbook recomputed by LibreOffice (headless): raise the specialist salary on the inputs
// sheet by 10 000 kr a month, drop every cached formula result, let LibreOffice compute the
// appendix sheet (converted to CSV), and check its cost rows against riktvarde's JSON costs plus
// specialist FTE × 12 × 10 000 × (1 + PO). Usage: node .ci/lo-recalc.mjs <work folder>
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import ExcelJS from 'exceljs';

const dir = process.argv[2];
const scenario = 'scenarios/halland.yaml';
const json = JSON.parse(execFileSync(process.execPath, ['dist/cli/main.cjs', 'run', scenario, '--format', 'json'], { encoding: 'utf8' }));
const xlsx = join(dir, 'lo.xlsx');
execFileSync(process.execPath, ['dist/cli/main.cjs', 'run', scenario, '--format', 'xlsx', '--out', xlsx, '--force']);
const wb = new ExcelJS.Workbook();
await wb.xlsx.readFile(xlsx);
const inputs = wb.getWorksheet('Inputs');
const salary = inputs.getCell('B5');
salary.value = salary.value + 10_000;
const po = inputs.getCell('B7').value;
for (const ws of wb.worksheets) ws.eachRow((row) => row.eachCell((c) => { if (c.formula) c.value = { formula: c.formula }; }));
await wb.xlsx.writeFile(xlsx);
execFileSync('soffice', ['--headless', '--calc', '--convert-to', 'csv', '--outdir', dir, xlsx], { stdio: 'inherit' });
const rows = readFileSync(join(dir, 'lo.csv'), 'utf8').split('\n').map((l) => l.split(','));
const row = (label) => rows.find((r) => r[0] === `  ${label}`);
const region = json.regions[0];
let checked = 0, bad = 0;
const costRow = row('Workforce cost (SEK m)');
if (!costRow) { console.error('no cost row in LibreOffice\'s CSV'); process.exit(1); }
region.years.forEach((y, t) => {
  const expected = (y.cost + y.specialistsFte * 12 * 10_000 * (1 + po)) / 1e6;
  const got = Number(costRow[t + 1]);
  checked++;
  if (!(Math.abs(got - expected) < 0.05)) { bad++; console.error(`${y.year}: LibreOffice ${got}, expected ${expected.toFixed(2)}`); }
});
console.log(`LibreOffice recomputed ${checked} cost cells after a salary change: ${bad === 0 ? 'all as expected' : `${bad} wrong`}`);
process.exit(bad === 0 ? 0 : 1);
