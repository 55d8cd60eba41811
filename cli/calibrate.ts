/**
 * `riktvarde calibrate SCENARIO --out overlay.yaml`: fits the identifiable parameters to the
 * scenario's observed figures (model/calibrate.ts), prints the fit and writes a YAML overlay that
 * `extends` the scenario (scenario/overlay.ts). The scenario file is only read, never written; an
 * existing --out is never replaced without --force.
 */
import { dirname, relative, resolve, sep } from 'node:path';
import { calibrate, CALIBRATION_PARAMS } from '../model/calibrate.js';
import { overlayYaml } from '../scenario/overlay.js';
import type { Lang } from '../viz/format.js';
import { texts } from '../viz/texts/index.js';
import { renderCalibration } from '../viz/calibrate.js';
import { textOutput, type Output } from './files.js';
import { pipeline } from './pipeline.js';
import { ScenarioUnfitError, UsageError } from './usage.js';
import { messages } from './messages.js';

export interface CalibrateArgs { scenario: string; set: string[]; lang: Lang; out?: string; force: boolean; format: 'table' | 'json' }

export async function calibrateCommand(a: CalibrateArgs): Promise<number> {
  return pipeline({
    scenarios: [a.scenario], set: [], targets: [{ path: a.out, name: messages.outFileName('calibrated', 'yaml') }], force: a.force, monteCarlo: null,
    check: () => { if (a.set.length) throw new UsageError(messages.calibrateNoSet()); },
  }, async ([sc]) => {
  const outputs: Output[] = [];
  if (sc.input.regions.length !== 1) throw new UsageError(messages.calibrateOneRegion());
  const usable = sc.meta.observed.filter((o) => o.year > sc.input.startYear && o.quantity !== 'namedDoctorShare');
  if (usable.length === 0) throw new ScenarioUnfitError(messages.noObservedForCalibrate(a.scenario, sc.input.startYear));
  const res = calibrate(sc.input, sc.meta.observed);
  const regionScoped = res.fitted.filter((p) => p.key.startsWith('regions['));
  if (regionScoped.length) throw new UsageError(messages.calibrateRegionScoped(regionScoped.map((p) => p.key)));

  const loc = texts(a.lang);
  const what = [...new Set(res.points.map((p) => `${p.quantity} ${p.year}`))].join(', ');
  if (a.out && res.fitted.length) {
    const rel = relative(dirname(resolve(a.out)), resolve(a.scenario)).split(sep).join('/');
    const params = res.fitted.map((f) => {
      const p = CALIBRATION_PARAMS.find((c) => c.name === f.name)!.get(sc.input)!;
      return { key: f.key, dist: p.dist, domain: p.domain, value: f.after, note: `calibrated to observed ${what}; was ${+f.before.toPrecision(6)} (mean)${f.atBound ? '; at the bound of its search range' : ''}` };
    });
    const text = overlayYaml({
      extendsPath: rel,
      name: `${sc.meta.name} (calibrated)`,
      params,
      sourceId: 'calibrated-observed',
      sourceTitle: `calibrated to observed ${what} by riktvarde calibrate (${res.method})`,
      header: [
        `Written by riktvarde calibrate from ${a.scenario}; the scenario file itself was not changed.`,
        `Fitted: ${res.fitted.map((f) => f.name).join(', ')}. Sum of squared relative residuals ${+res.sseBefore.toPrecision(4)} before, ${+res.sseAfter.toPrecision(4)} after.`,
        ...(res.notIdentified.length ? [`Not fitted (the observed figures do not move them): ${res.notIdentified.join(', ')}.`] : []),
      ],
    });
    outputs.push({ path: a.out, data: text });
  }
  if (a.format === 'json') outputs.push(textOutput(JSON.stringify({ scenario: a.scenario, overlay: a.out ?? null, ...res }, null, 2) + '\n', undefined));
  else {
    let text = renderCalibration(res, sc.meta.name, loc);
    if (a.out && res.fitted.length) text += loc.observed.overlayWritten(a.out) + '\n';
    outputs.push(textOutput(text, undefined));
  }
  return outputs;
  });
}
