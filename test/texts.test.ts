import { describe, expect, it } from 'vitest';
import { texts } from '../viz/texts/index.js';

/** Every key path of a catalogue (functions are leaves). */
function keys(o: object, prefix = ''): string[] {
  return Object.entries(o).flatMap(([k, v]) => (v && typeof v === 'object' && !Array.isArray(v) ? keys(v, `${prefix}${k}.`) : [`${prefix}${k}`])).sort();
}

describe('texts(lang)', () => {
  it('the Swedish and English catalogues have exactly the same texts', () => {
    const sv = keys(texts('sv')).filter((k) => k !== 'lang');
    expect(sv.length).toBeGreaterThan(200);
    expect(sv).toEqual(keys(texts('en')).filter((k) => k !== 'lang'));
  });
  it('binds the language once: words and number format follow it', () => {
    const sv = texts('sv'), en = texts('en');
    expect(sv.lang).toBe('sv');
    expect(sv.fmt.int(1100000)).toBe('1 100 000');
    expect(en.fmt.int(1100000)).toBe('1,100,000');
    expect(sv.fields.rowLabel('cumulativeCost')).toBe('Ackumulerad merkostnad (mnkr)');
    expect(en.fields.rowLabel('cumulativeCost')).toBe('Cumulative cost above base year (SEK m)');
    expect(sv.analysis.sensitivity.param('regions[Skåne].st.dropout')).toBe('Avbrutna ST (andel per år) (Skåne)');
    expect(en.analysis.sensitivity.param('st.intake.multiplier')).toBe('ST intake (per year) (multiplier)');
    expect(texts('sv')).toBe(sv);
  });
  it('the command line messages are in the language of --lang (as the validation messages are)', () => {
    expect(texts('sv').messages.stderrHorizon(['2024–2034', '2022–2027'])).toContain('olika tidshorisonter');
    expect(texts('en').messages.stderrHorizon(['2024–2034', '2022–2027'])).toContain('different horizons');
    expect(texts('sv').messages.problems(2)).toBe('2 problem; ingenting skrevs.');
  });
});
