/** Small helpers shared by the output tests. */

/** Minimal RFC 4180 parser (quoted fields, doubled quotes, embedded commas and newlines). */
export function parseCsv(s: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [], field = '', i = 0, quoted = false;
  while (i < s.length) {
    const c = s[i];
    if (quoted) {
      if (c === '"' && s[i + 1] === '"') { field += '"'; i += 2; continue; }
      if (c === '"') { quoted = false; i++; continue; }
      field += c; i++; continue;
    }
    if (c === '"') { quoted = true; i++; continue; }
    if (c === ',') { row.push(field); field = ''; i++; continue; }
    if (c === '\n') { row.push(field); rows.push(row); row = []; field = ''; i++; continue; }
    field += c; i++;
  }
  if (field !== '' || row.length > 0) { row.push(field); rows.push(row); }
  return rows;
}

/** Lines that break the layout rules: too wide, trailing spaces, control characters. */
export function layoutProblems(s: string, width = 120): string[] {
  return s.split('\n').filter((l) => [...l].length > width || /[ \t]$/.test(l) || /[\u0000-\u0009\u000b-\u001f\u007f]/.test(l));
}

/** Header lines of year blocks (start with spaces and contain only years). */
export function yearHeaders(s: string): number[][] {
  return s.split('\n').filter((l) => /^\s+\d{4}(\s+\d{4})*$/.test(l)).map((l) => l.trim().split(/\s+/).map(Number));
}
