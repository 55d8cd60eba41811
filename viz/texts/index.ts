/**
 * `texts(lang)`: the one place a language code becomes words. The command line calls it once
 * with `--lang` and passes the `Locale` down; tables, charts, the report and the analyses take
 * the locale (or the part they need), never a language code.
 */
import { numberFormat, type Lang } from '../format.js';
import { en } from './en/index.js';
import { sv } from './sv/index.js';
import type { Locale, Texts } from './types.js';

export type { Lang } from '../format.js';
export type * from './types.js';
export type * from './info.js';
export { mcReachedInfo, reachedButLost } from './info.js';

const locale = (lang: Lang, t: Texts): Locale => ({ ...t, lang, fmt: numberFormat(lang) });
const LOCALES: Record<Lang, Locale> = { en: locale('en', en), sv: locale('sv', sv) };

/** The catalogue and number format of one language. */
export function texts(lang: Lang): Locale {
  return LOCALES[lang];
}
