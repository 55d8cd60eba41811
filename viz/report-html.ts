/** HTML text helpers shared by the report's sections (viz/report.ts, viz/report-assumptions.ts). */

/** HTML text, escaped as is (commands and paths: copied verbatim). */
export const escRaw = (s: string): string => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
/** HTML text: escaped, and numbers kept on one line (`1 100`, `58 %` get no-break spaces). */
export const esc = (s: string): string => escRaw(s)
  .replace(/(\d) (?=\d{3}(?!\d))/g, '$1\u00a0').replace(/(\d) %/g, '$1\u00a0%');
