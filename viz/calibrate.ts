/** The text of `calibrate`: the fitted parameters (before → after) and the residuals at every observed point. Pure. */
import { CALIBRATION_METHOD, type CalibrationResult } from '../model/calibrate.js';
import { wrapText } from './format.js';
import { DEFAULT_WIDTH, renderGrid } from './table.js';
import type { Locale } from './texts/index.js';
import { observedValue, signedPct } from './observed.js';

const val = (x: number, loc: Locale) => (Math.abs(x) < 1 ? loc.fmt.num(x, 4) : loc.fmt.num(x, 2));

export function renderCalibration(res: CalibrationResult, scenario: string, loc: Locale, width = DEFAULT_WIDTH): string {
  const t = loc.observed;
  const lines: string[] = [t.calibrateTitle(scenario)];
  if (res.fitted.length) {
    lines.push(...renderGrid([t.colParameter(), t.colBefore(), t.colAfter()], res.fitted.map((p) => [p.name, val(p.before, loc), `${val(p.after, loc)}${p.atBound ? ' !' : ''}`]), ['l', 'r', 'r'], width), '');
  }
  const rel = (m: number, o: number) => `${loc.fmt.signed(m - o, 0)} (${signedPct((m - o) / o, loc)})`;
  lines.push(...renderGrid(
    [t.colQuantity(), t.colYear(), t.colObserved(), t.colResidualBefore(), t.colResidualAfter()],
    res.points.map((p) => [t.quantity(p.quantity), String(p.year), observedValue(p.quantity, p.observed, loc), rel(p.before, p.observed), rel(p.after, p.observed)]),
    ['l', 'r', 'r', 'r', 'r'], width,
  ));
  const method = res.method === CALIBRATION_METHOD ? t.calibrationMethod ?? res.method : res.method;
  lines.push(...wrapText(t.calibrateFit(loc.fmt.num(res.sseBefore, 4), loc.fmt.num(res.sseAfter, 4), method), width));
  if (res.notIdentified.length) lines.push(...wrapText(t.notIdentified(res.notIdentified), width));
  return lines.join('\n') + '\n';
}
