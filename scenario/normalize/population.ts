/** The population block: start value or forecast table, growth, coverage share and care-need index. */
import { vmsg } from '../messages.js';
import { YEAR, type RegionIn } from '../schema.js';
import { DEFAULTS } from '../defaults.js';
import type { RegionInput, SeriesParam } from '../../model/types.js';
import type { Path } from '../types.js';
import { DOMAINS, missingParam, type NormCtx } from './context.js';

export function normalizePopulation(c: NormCtx, i: number, r: RegionIn): Pick<RegionInput, 'population' | 'coverageShare' | 'careNeedIndex'> {
  const { keyOf, add, start, end, nYears, checkSource, record, asDist, srcOf, withParent, scalar, series, yearTable } = c;
  const rp = (...p: Path): Path => ['regions', i, ...p];
  const P = r.population;
  const table = new Array<number>(nYears).fill(NaN);
  let growth: SeriesParam = { key: keyOf(i, ['population', 'growth']), base: new Array(nYears).fill(NaN), multiplier: null, walk: null, domain: DOMAINS.rate };
  if (!P) add(rp('population'), missingParam(['population'], 'inhabitants: {start, growth} or {table, growth}'));
  else {
    checkSource(rp('population'), P.source);
    if (P.start !== undefined && P.table !== undefined) add(rp('population', 'table'), vmsg.oneOf('start', 'table'));
    else if (P.start === undefined && P.table === undefined) add(rp('population'), vmsg.needOneOf('start', 'table'));
    let last = start;
    if (P.start !== undefined) {
      const d = asDist(P.start);
      if (d.dist !== 'fixed') add(rp('population', 'start'), vmsg.populationStartFixed());
      else if (!(d.value > 0)) add(rp('population', 'start'), vmsg.positive(d.value));
      table[0] = d.dist === 'fixed' ? d.value : NaN;
      checkSource(rp('population', 'start'), srcOf(P.start)?.source);
      record(i, ['population', 'start'], keyOf(i, ['population', 'start']), String(table[0]), withParent(srcOf(P.start), P));
    } else if (P.table !== undefined) {
      const years = Object.keys(P.table).filter((k) => YEAR.test(k)).map(Number).sort((a, b) => a - b);
      if (years.length && years[0] !== start) add(rp('population', 'table'), vmsg.tableNotFromStart(years[0], start));
      else if (years.length) {
        last = years[years.length - 1];
        const tab = yearTable(rp('population', 'table'), P.table, { from: start, requireFrom: start, to: Math.min(last, end) });
        for (const [y, x] of tab) {
          if (!(x > 0)) add(rp('population', 'table', String(y)), vmsg.positive(x));
          if (y - start < nYears) table[y - start] = x;
        }
      }
      record(i, ['population', 'table'], keyOf(i, ['population', 'table']), years.map((y) => `${y}: ${P.table![String(y)]}`).join(', '), P);
    }
    if (last < end || P.growth !== undefined) {
      if (P.growth === undefined) add(rp('population', 'growth'), P.table !== undefined ? vmsg.tableGapNeedsGrowth(last) : vmsg.startNeedsGrowth(start, end));
      else growth = series(i, ['population', 'growth'], P.growth, 1, 'additive', undefined, P);
    }
  }
  const coverageShare = scalar(i, ['population', 'coverageShare'], P?.coverageShare, DEFAULTS.coverageShare);
  const careNeedIndex = scalar(i, ['population', 'careNeedIndex'], P?.careNeedIndex, DEFAULTS.careNeedIndex);

  return { population: { table, growth }, coverageShare, careNeedIndex };
}
