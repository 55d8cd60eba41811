/** English texts: observed figures beside the model, `calibrate` and `backtest`. */
import type { ObservedTexts } from '../types.js';
import { fmt } from './common.js';

const Q: Record<string, string> = {
  specialists: 'GP specialists',
  st: 'ST trainees',
  completions: 'ST completions',
  newSpecialistsStaying: 'New specialists staying',
  retirements: 'Retirements',
  otherExits: 'Other exits',
  population: 'Population',
  namedDoctorShare: 'Share with a named doctor',
};

export const observed: ObservedTexts = {
  title: (region) => `Observed beside the model — ${region}`,
  quantity: (q) => Q[q] ?? q,
  colQuantity: () => 'Quantity',
  totalRow: () => 'Total',
  colYear: () => 'Year',
  colObserved: () => 'Observed',
  colModelled: (mode) => (mode === 'deterministic' ? 'Modelled' : 'Modelled (median)'),
  colDifference: () => 'Difference',
  colInterval80: () => '80% interval',
  colSource: () => 'Source',
  footnote: (mode, namedDoctor) =>
    `Difference = modelled − observed (in % of observed).${mode === 'monte-carlo' ? ' * = observed outside the 80% interval.' : ''}${namedDoctor ? ' The share with a named doctor has no modelled counterpart and is shown for reference.' : ''}`,
  calibrateTitle: (scenario) => `Calibration — ${scenario}`,
  colParameter: () => 'Parameter',
  colBefore: () => 'Before',
  colAfter: () => 'After',
  colResidualBefore: () => 'Residual before',
  colResidualAfter: () => 'Residual after',
  calibrateFit: (before, after) => `Sum of squared relative residuals: ${before} before, ${after} after (least squares on relative residuals; bounded coordinate descent with golden-section line searches on the deterministic model).`,
  notIdentified: (params) => `Not fitted (the observed figures do not move them): ${params.join(', ')}.`,
  atBound: () => '! = at a bound of the search range: the observed figures would push it further; read it as a limit, not an estimate.',
  overlayWritten: (file) => `Overlay written to ${file}; your scenario file was not changed.`,
  backtestTitle: (scenario, base, runs) => `Backtest — ${scenario}, from base year ${base}, ${fmt.int(runs)} runs`,
  colPoints: () => 'Points',
  colMape: () => 'MAPE',
  colBias: () => 'Bias',
  colInside50: () => 'Inside 50%',
  colInside80: () => 'Inside 80%',
  tooNarrow: (quantity, inside80, n) =>
    `Warning: the 80% intervals for ${quantity} held only ${inside80} of ${n} observed figures — the model's intervals are too narrow for what happened; read its intervals as a lower bound on the uncertainty.`,
  allWithin: () => 'The intervals held what happened about as often as they claim (no quantity flagged).',
  backtestNote: () => 'MAPE: mean absolute error of the median in % of observed; bias: mean signed error (negative = the model underestimates); inside: share of observed figures inside the interval.',
  chartTitle: () => 'Backtest: observed figures against the model (median, 50% and 80% intervals)',
};
