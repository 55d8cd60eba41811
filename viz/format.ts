/**
 * Number and text formatting for tables and sentences, in Swedish or English. Pure functions.
 *
 * Decisions (the same everywhere in `viz/`):
 * - Swedish: thousands separator is a plain space U+0020 (not the no-break space U+00A0 that
 *   `Intl` uses): terminal tables are padded by character count, and a plain space copies
 *   cleanly into documents. Decimal comma. Negative numbers use the real minus sign U+2212
 *   (`−3`), as Swedish typography does. Percent with a space: `58 %`.
 * - English: `,` thousands, `.` decimal, ASCII hyphen-minus for negatives (`-3`), `58%`.
 * - Million kronor: sv `12,3 mnkr`, en `SEK 12.3 m` (negative: `−12,3 mnkr`, `SEK -12.3 m`).
 * - Missing values (null, undefined, NaN, ±Infinity) print as an en dash `–`.
 * - A value that rounds to zero prints without a sign (no `−0`, no `+0`).
 * - Rounding is half away from zero (`Number.prototype.toFixed` on the magnitude).
 * - Years are not numbers for this purpose: print them with `String(year)` (no separator).
 */

export type Lang = 'sv' | 'en';

/** Printed for a missing value. */
export const MISSING = '\u2013'; // en dash
/** Real minus sign, used in Swedish. */
export const MINUS = '\u2212';

const SEP: Record<Lang, { thousands: string; decimal: string; minus: string }> = {
  sv: { thousands: ' ', decimal: ',', minus: MINUS },
  en: { thousands: ',', decimal: '.', minus: '-' },
};

type Num = number | null | undefined;

const ok = (x: Num): x is number => typeof x === 'number' && Number.isFinite(x);

/** Magnitude of `x` with `decimals` decimals, grouped; and whether it is non-zero after rounding. */
function magnitude(x: number, lang: Lang, decimals: number): { s: string; zero: boolean } {
  const d = Math.min(20, Math.max(0, Math.trunc(decimals)));
  const abs = Math.abs(x);
  if (abs >= 1e21) return { s: String(abs), zero: false };
  const fixed = abs.toFixed(d);
  const [int, frac] = fixed.split('.');
  const grouped = int.replace(/\B(?=(\d{3})+(?!\d))/g, SEP[lang].thousands);
  const s = frac === undefined ? grouped : grouped + SEP[lang].decimal + frac;
  return { s, zero: Number(fixed) === 0 };
}

/** A number with `decimals` decimals: sv `1 234,5`, en `1,234.5`; missing → `–`. */
export function fmtNum(x: Num, lang: Lang, decimals = 0): string {
  if (!ok(x)) return MISSING;
  const m = magnitude(x, lang, decimals);
  return x < 0 && !m.zero ? SEP[lang].minus + m.s : m.s;
}

/** A whole number: sv `1 100`, en `1,100`. */
export function fmtInt(x: Num, lang: Lang): string {
  return fmtNum(x, lang, 0);
}

/** A share as a percent: 0.58 → sv `58 %`, en `58%`. */
export function fmtPct(share: Num, lang: Lang, decimals = 0): string {
  if (!ok(share)) return MISSING;
  const n = fmtNum(share * 100, lang, decimals);
  return lang === 'sv' ? `${n} %` : `${n}%`;
}

/**
 * A probability (share of runs) as a whole percent that never rounds to certainty or to
 * impossibility: 0 → `0 %`, 1 → `100 %`, but 0.003 → sv `<1 %` / en `<1%` and 0.997 →
 * sv `>99 %` / en `>99%`.
 */
export function fmtProb(share: Num, lang: Lang): string {
  if (!ok(share)) return MISSING;
  if (share > 0 && share < 0.005) return '<' + fmtPct(0.01, lang);
  if (share < 1 && share >= 0.995) return '>' + fmtPct(0.99, lang);
  return fmtPct(share, lang);
}

/** Kronor as million kronor: 12 345 678 → sv `12,3 mnkr`, en `SEK 12.3 m`. */
export function fmtMkr(kr: Num, lang: Lang, decimals = 1): string {
  if (!ok(kr)) return MISSING;
  const n = fmtNum(kr / 1e6, lang, decimals);
  return lang === 'sv' ? `${n} mnkr` : `SEK ${n} m`;
}

/** With an explicit sign: `+12`, sv `−3` / en `-3`, `0` for anything that rounds to zero. */
export function fmtSigned(x: Num, lang: Lang, decimals = 0): string {
  if (!ok(x)) return MISSING;
  const m = magnitude(x, lang, decimals);
  if (m.zero) return m.s;
  return (x < 0 ? SEP[lang].minus : '+') + m.s;
}

/** The formats above with the language chosen once (`texts(lang).fmt`). */
export interface NumberFormat {
  int(x: Num): string;
  num(x: Num, decimals?: number): string;
  pct(share: Num, decimals?: number): string;
  prob(share: Num): string;
  mkr(kr: Num, decimals?: number): string;
  signed(x: Num, decimals?: number): string;
}

export function numberFormat(lang: Lang): NumberFormat {
  return {
    int: (x) => fmtInt(x, lang),
    num: (x, decimals = 0) => fmtNum(x, lang, decimals),
    pct: (share, decimals = 0) => fmtPct(share, lang, decimals),
    prob: (share) => fmtProb(share, lang),
    mkr: (kr, decimals = 1) => fmtMkr(kr, lang, decimals),
    signed: (x, decimals = 0) => fmtSigned(x, lang, decimals),
  };
}

// --- Plain-text layout helpers (terminal tables: one code point = one column) ---

/** A UTF-16 surrogate: without one, a string's code points are its length. */
const SURROGATE = /[\uD800-\uDFFF]/;

/** Display width in columns: code points (all characters used here are single-width). */
export function textWidth(s: string): number {
  if (!SURROGATE.test(s)) return s.length; // the common case, without iterating (start-up, issue 15)
  let n = 0;
  for (const _ of s) n++;
  return n;
}

export function padLeft(s: string, w: number): string {
  const n = textWidth(s);
  return n >= w ? s : ' '.repeat(w - n) + s;
}

export function padRight(s: string, w: number): string {
  const n = textWidth(s);
  return n >= w ? s : s + ' '.repeat(w - n);
}

/** Cuts `s` to at most `w` columns, ending in `…` when cut. */
export function truncate(s: string, w: number): string {
  if (textWidth(s) <= w) return s;
  if (w <= 0) return '';
  return [...s].slice(0, w - 1).join('') + '\u2026';
}

/**
 * Greedy word wrap to lines of at most `w` columns (a single word longer than `w` is cut with
 * `…`). Does not break inside a Swedish-grouped number (`7 855`) or before `%`. Never returns
 * trailing spaces.
 */
export function wrapText(text: string, w: number): string[] {
  // Keep numbers whole: no break inside `7 855` (sv thousands space) or before `%`.
  const glue = text.replace(/(\d) (?=\d{3}(?!\d))/g, '$1\u0000').replace(/(\d) (?=%)/g, '$1\u0000');
  const words = glue.split(/\s+/).filter((x) => x.length > 0).map((x) => x.replace(/\u0000/g, ' '));
  const lines: string[] = [];
  let line = '';
  for (const word0 of words) {
    const word = truncate(word0, w);
    if (line === '') line = word;
    else if (textWidth(line) + 1 + textWidth(word) <= w) line += ' ' + word;
    else { lines.push(line); line = word; }
  }
  if (line !== '' || lines.length === 0) lines.push(line);
  return lines;
}

/** Removes trailing spaces from every line. */
export function trimLines(lines: string[]): string[] {
  return lines.map((l) => l.replace(/[ \t]+$/, ''));
}
