/** The what-if page's lever fields: written in the page's language, read leniently but exactly. */
import { describe, expect, it } from 'vitest';
import { fieldText, parseField } from '../web/levers.js';

describe('lever number fields', () => {
  it('are written with the page language\'s decimal mark and no grouping', () => {
    expect(fieldText(84.2, 'sv')).toBe('84,2');
    expect(fieldText(84.2, 'en')).toBe('84.2');
    expect(fieldText(1100, 'sv')).toBe('1100');
    expect(fieldText(-0.5, 'sv')).toBe('\u22120,5');
  });

  it('read a decimal comma or point, spaces as grouping and a Unicode minus', () => {
    expect(parseField('84,2')).toBe(84.2);
    expect(parseField(' 84.2 ')).toBe(84.2);
    expect(parseField('1 100')).toBe(1100);
    expect(parseField('1\u00a0100,5')).toBe(1100.5);
    expect(parseField('\u22120,5')).toBe(-0.5);
    expect(parseField(',5')).toBe(0.5);
    expect(parseField('37')).toBe(37);
  });

  it('refuse anything that is not one plain number', () => {
    for (const t of ['', ' ', '1,2,3', '1.2.3', '12 %', 'abc', '1e3', '--1', '0x10', 'Infinity', '.']) expect(parseField(t), t).toBeNull();
  });

  it('read an English page\'s thousands comma as grouping, not as a decimal mark', () => {
    // "1,100" typed on an English page (the norm lever, 800–2000) was read as 1.1 and clamped to 800.
    expect(parseField('1,100', 'en')).toBe(1100);
    expect(parseField('12,000', 'en')).toBe(12000);
    expect(parseField('1,100.5', 'en')).toBe(1100.5);
    expect(parseField('1,234,567', 'en')).toBe(1234567);
    expect(parseField('1,5', 'en')).toBe(1.5);
    expect(parseField('84,2', 'en')).toBe(84.2);
    expect(parseField('0,842', 'en')).toBe(0.842); // a leading 0 is never a thousands group
    // On a Swedish page the comma is the decimal mark.
    expect(parseField('1,100', 'sv')).toBe(1.1);
    expect(parseField('1,100')).toBe(1.1);
  });

  it('give back what they wrote, in both languages', () => {
    for (const x of [0, 0.1, 5, 37, 84.2, 99.95, 1100, 2.345678, -3.5]) {
      expect(parseField(fieldText(x, 'sv'))).toBe(x);
      expect(parseField(fieldText(x, 'en'), 'en')).toBe(x);
      expect(parseField(fieldText(x, 'sv'), 'sv')).toBe(x);
    }
  });
});
