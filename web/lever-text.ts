/**
 * A lever's value and the scenario's value beside it, in the lever's unit (pure; the page and
 * the tests use it): a share lever shows percent, its distribution too (`PERT(70 %; 85 %; 95 %)`,
 * not `PERT(0,7; 0,85; 0,95)` under a lever reading 84,2 %); a count of people has no decimals
 * when whole.
 */
import type { Locale } from '../viz/texts/index.js';
import type { LeverDef } from './levers.js';

/** The lever's value as its heading shows it. */
export function leverValueText(l: LeverDef, v: number, loc: Locale): string {
  switch (l.display) {
    case 'share': return loc.fmt.pct(v, 1);
    case 'int': return loc.fmt.int(v);
    case 'year': return String(v);
    case 'count': return loc.fmt.num(v, Number.isInteger(v) ? 0 : 1);
    default: return loc.fmt.num(v, 2);
  }
}

/** A marker no number or word of a written value contains: where a percent sign goes. */
const PCT = '\u2063pct\u2063';

/** The scenario's value as written, in the reader's language and the lever's unit. */
export function leverWritten(l: LeverDef, loc: Locale): string {
  if (l.display === 'year') return l.written; // a year has no thousands separator (2028, not 2 028)
  if (l.display !== 'share') return loc.assumptions.value(l.written);
  const sign = loc.fmt.pct(0.5, 0).replace('50', ''); // '%' or ' %'
  const asPercent = l.written.replace(/\d+(?:\.\d+)?/g, (n) => `${Number((Number(n) * 100).toFixed(6))}${PCT}`);
  return loc.assumptions.value(asPercent).split(PCT).join(sign);
}
