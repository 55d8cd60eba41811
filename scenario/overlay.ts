/**
 * The YAML overlay `calibrate` writes: `extends:` the user's scenario and sets each fitted
 * parameter, keeping its distribution's shape (shifted so that its mean — what the deterministic
 * run uses — is the fitted value) and naming the calibration as its source. Pure (text in, text out).
 */
import { stringify } from 'yaml';
import { mean, type Dist, type Domain } from '../model/dist.js';

export interface OverlayParam { key: string; dist: Dist; domain: Domain; value: number; note: string }

/** Round for the file: enough digits that the mean survives, no floating-point noise. */
const r = (x: number) => Number(x.toPrecision(10));

/** `d` moved (or, for a fixed value, set) so that its mean within `dom` is `target`. */
export function shiftedTo(d: Dist, dom: Domain, target: number): Dist {
  const clip = (x: number) => Math.min(dom.hi, Math.max(dom.lo, x));
  const move = (s: number): Dist => {
    switch (d.dist) {
      case 'fixed': return { dist: 'fixed', value: target };
      case 'normal': return { ...d, mean: d.mean + s };
      case 'lognormal': return { ...d, median: Math.max(1e-12, d.median + s) };
      case 'uniform': return { ...d, min: clip(d.min + s), max: clip(d.max + s) };
      case 'triangular': case 'pert': return { ...d, min: clip(d.min + s), mode: clip(d.mode + s), max: clip(d.max + s) };
    }
  };
  let s = 0;
  for (let k = 0; k < 50; k++) {
    const err = target - mean(move(s), dom);
    if (Math.abs(err) < 1e-12 * Math.max(1, Math.abs(target))) break;
    s += err;
  }
  return move(s);
}

/** The keys of the written value: a fixed value as {value}, a distribution as the keys that moved. */
function written(d: Dist): Record<string, number> {
  switch (d.dist) {
    case 'fixed': return { value: r(d.value) };
    case 'normal': return { mean: r(d.mean) };
    case 'lognormal': return { median: r(d.median) };
    case 'uniform': return { min: r(d.min), max: r(d.max) };
    case 'triangular': case 'pert': return { min: r(d.min), mode: r(d.mode), max: r(d.max) };
  }
}

/**
 * The overlay's text. `extendsPath`: the scenario as seen from the overlay's folder; `sourceId`
 * and `sourceTitle`: the source entry every fitted value names.
 */
export function overlayYaml(o: { extendsPath: string; name: string; params: OverlayParam[]; sourceId: string; sourceTitle: string; header: string[] }): string {
  const doc: Record<string, unknown> = { extends: o.extendsPath, name: o.name };
  for (const p of o.params) {
    const path = p.key.split('.');
    let cur = doc;
    for (const k of path.slice(0, -1)) cur = (cur[k] ??= {}) as Record<string, unknown>;
    cur[path[path.length - 1]] = { ...written(shiftedTo(p.dist, p.domain, p.value)), source: o.sourceId, note: p.note };
  }
  doc.sources = { [o.sourceId]: { title: o.sourceTitle, kind: 'derived' } };
  return o.header.map((l) => `# ${l}`).join('\n') + '\n' + stringify(doc, { lineWidth: 0 });
}
