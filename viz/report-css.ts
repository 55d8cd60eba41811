/** The report's stylesheet: screen and A4 print (split from report.ts to keep files short). */
export const BROWSER_FONT = '"DejaVu Sans", Verdana, "Segoe UI", Arial, sans-serif';
export const CSS = `
@page { size: A4; margin: 15mm 14mm; }
@page wide { size: A4 landscape; margin: 5mm 8mm; }
* { box-sizing: border-box; }
html { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
body { font-family: ${BROWSER_FONT}; color: #1a1a1a; background: #fff; max-width: 1060px; margin: 0 auto; padding: 24px 28px 48px; font-size: 15px; line-height: 1.45; }
h1 { font-size: 26px; margin: 4px 0 8px; } h2 { font-size: 20px; margin: 28px 0 10px; border-bottom: 2px solid #1a1a1a; padding-bottom: 4px; } h3 { font-size: 16px; margin: 20px 0 6px; }
.kicker { color: #444; margin: 0; font-size: 14px; text-transform: uppercase; letter-spacing: .04em; }
.description { color: #333; margin: 0 0 12px; }
.headline { font-size: 20px; font-weight: bold; border-left: 6px solid #0b3c73; padding: 10px 14px; background: #f2f5f9; margin: 16px 0; }
.figures li { margin: 3px 0; }
.headline p { margin: 0; } .headline p + p { margin-top: 8px; }
.take p { margin: 4px 0; }
.comparison .headline { font-size: 18px; }
ul.legend { list-style: none; padding: 0; margin: 8px 0; font-size: 14px; } ul.legend li { margin: 3px 0; }
ul.legend a { color: inherit; text-decoration: none; } ul.legend a:hover { text-decoration: underline; }
.key { display: inline-block; width: 22px; height: 6px; margin: 0 8px 2px 0; vertical-align: middle; border-radius: 1px; }
table.compare { font-size: 13px; }
table.compare thead th { text-align: right; border-bottom: 1.5px solid #1a1a1a; padding-top: 0; }
table.compare tbody th { text-align: left; font-weight: normal; border-bottom: 1px solid #e2e2e2; padding-right: 24px; }
table.compare td { text-align: right; border-bottom: 1px solid #e2e2e2; min-width: 96px; padding-left: 14px; }
table.compare .diff { background: #f4f4f4; }
table.compare .first { border-left: 1.5px solid #999; }
table.compare .iv { font-size: 11px; }
.note { margin: 4px 0; }
figure.compare-chart { margin-top: 20px; }
.small { font-size: 12.5px; color: #333; }
.warn { border: 1px solid #888; padding: 8px; }
.print-only { display: none; }
section { break-before: page; page-break-before: always; }
section:first-of-type { break-before: auto; page-break-before: auto; }
figure { margin: 0 0 28px; break-inside: avoid; page-break-inside: avoid; }
.chart { min-height: 200px; }
.chart svg { max-width: 100%; height: auto; display: block; }
table { border-collapse: collapse; font-variant-numeric: tabular-nums; margin: 6px 0 10px; }
thead { display: table-header-group; }
tr { break-inside: avoid; page-break-inside: avoid; }
th, td { padding: 3px 6px; vertical-align: top; }
table.years { font-size: 11.5px; width: 100%; }
table.years thead th { text-align: right; border-bottom: 1.5px solid #1a1a1a; }
table.years td { text-align: right; white-space: nowrap; border-bottom: 1px solid #e2e2e2; }
table.years tbody th { text-align: left; font-weight: normal; padding-left: 14px; border-bottom: 1px solid #e2e2e2; }
table.years tr.group th { font-weight: bold; padding-left: 4px; padding-top: 8px; border-bottom: 1px solid #999; }
table.years tr.prob td, table.years tr.prob th { font-weight: bold; }
.iv { display: block; font-size: 10px; color: #555; }
.scroll { overflow-x: auto; }
.m, .iv > span { white-space: nowrap; }
table.years tbody th { min-width: 210px; }
table.overview { font-size: 12.5px; } table.overview td { text-align: right; border-bottom: 1px solid #e2e2e2; } table.overview th { text-align: left; border-bottom: 1px solid #e2e2e2; }
table.overview tr.total th, table.overview tr.total td { font-weight: bold; border-top: 1.5px solid #1a1a1a; }
table.list { font-size: 12px; width: 100%; table-layout: fixed; } table.list th { text-align: left; border-bottom: 1.5px solid #1a1a1a; } table.list td { border-bottom: 1px solid #e2e2e2; overflow-wrap: anywhere; }
col.c-param { width: 26%; } col.c-value { width: 20%; } col.c-source { width: 19%; } col.c-note { width: 35%; }
.with-region col.c-region { width: 11%; } .with-region col.c-param { width: 23%; } .with-region col.c-value { width: 17%; } .with-region col.c-note { width: 30%; }
table.list .src { white-space: nowrap; } table.list .sub { display: block; font-weight: normal; font-size: 90%; }
table.by-region { width: auto; table-layout: auto; } table.by-region td { text-align: right; padding-left: 14px; } table.by-region thead th { text-align: right; vertical-align: bottom; } table.by-region tbody th { font-weight: normal; border-bottom: 1px solid #e2e2e2; }
ul.sources-list { list-style: none; padding: 0; margin: 4px 0; font-size: 12px; } ul.sources-list li { margin: 2px 0; padding-left: 1.5em; text-indent: -1.5em; break-inside: avoid; page-break-inside: avoid; }
ul.sources-list .note { color: #444; }
h2, h3, h4 { break-after: avoid; page-break-after: avoid; }
.keep, .headline, p.small { break-inside: avoid; page-break-inside: avoid; }
code { font-size: 11.5px; }
.id { color: #666; font-size: 11px; }
.kind { display: inline-block; padding: 0 5px; border-radius: 3px; font-size: 11px; border: 1px solid #555; white-space: nowrap; }
.kind-published { background: #1a1a1a; color: #fff; border-color: #1a1a1a; }
.kind-assumption { background: #fff; color: #1a1a1a; }
.kind-derived { background: #d9d9d9; color: #1a1a1a; }
.kind-default { background: #fff; color: #1a1a1a; border-style: dashed; }
.kind-unsourced { background: #fff; color: #1a1a1a; border-style: dotted; font-style: italic; }
pre.command { background: #f4f4f4; border: 1px solid #ccc; padding: 10px; white-space: pre-wrap; overflow-wrap: anywhere; font-size: 13px; }
dl { display: grid; grid-template-columns: max-content 1fr; gap: 4px 16px; font-size: 13px; } dt { font-weight: bold; } dd { margin: 0; }
a { color: #0b3c73; }
@media print {
  /* One scenario on at most four A4 pages: the answer and the first two charts; the other four
     charts two by two; the year table on one landscape page; the assumptions and sources. */
  body { max-width: none; padding: 0; font-size: 10pt; line-height: 1.35; }
  section { break-before: auto; page-break-before: auto; }
  section.appendix, section.comparison ~ section.answer { break-before: page; page-break-before: always; }
  section.charts > h2 { margin-top: 12px; }
  section.charts > figure { display: inline-block; width: 49.5%; vertical-align: top; margin: 0 0 6px; }
  .chart { min-height: 0; }
  h1 { font-size: 17pt; } h2 { font-size: 13pt; margin: 14px 0 6px; } h3 { font-size: 11pt; margin: 10px 0 4px; }
  .headline { font-size: 11.5pt; padding: 5px 10px; margin: 8px 0; } .description { font-size: 9pt; margin-bottom: 6px; }
  .figures { font-size: 8.5pt; margin: 4px 0; columns: 2; column-gap: 18px; } .figures li { margin: 0; break-inside: avoid; }
  .small { font-size: 8pt; }
  table.list { font-size: 7.2pt; line-height: 1.2; margin: 4px 0 6px; }
  table.list th, table.list td { padding: 1px 4px; } .kind { line-height: 1.15; }
  ul.sources-list { font-size: 7pt; line-height: 1.2; columns: 2; column-gap: 16px; margin: 2px 0; } ul.sources-list li { margin: 0 0 1px; }
  .kind { font-size: 6.5pt; padding: 0 3px; }
  .id { font-size: 6.5pt; }
  code { font-size: 7pt; }
  table.years { line-height: 1.1; margin: 2px 0; }
  section.reproduce p { margin: 2px 0; font-size: 8pt; } pre.command { font-size: 7.5pt; padding: 2px 6px; margin: 2px 0; }
  dl { font-size: 7.5pt; gap: 0 12px; margin: 4px 0; grid-template-columns: max-content 1fr max-content 1fr; }
  .appendix, section.assumptions { page: wide; }
  section.assumptions, section.charts { break-before: page; page-break-before: always; }
  /* A comparison: B's (C's, …) assumptions are only what it changes: under its charts, portrait. */
  section.assumptions ~ section.assumptions { break-before: auto; page-break-before: auto; page: auto; }
  section.assumptions > h2 { margin-top: 0; }
  section.assumptions col.c-param { width: 19%; } section.assumptions col.c-value { width: 24%; } section.assumptions col.c-source { width: 9%; } section.assumptions col.c-note { width: 48%; }
  ul.sources-list { columns: 4; column-gap: 12px; }
  section.assumptions table.list { line-height: 1.1; font-size: 7.5pt; } section.assumptions table.list th, section.assumptions table.list td { padding: 0.5px 4px 0; }
  section.assumptions .kind { display: inline; line-height: 1; padding: 0 2px; } section.assumptions td.cite { white-space: nowrap; } section.assumptions table.list tbody tr:first-child > * { padding-top: 2px; } section.assumptions ul.sources-list { line-height: 1.06; } section.assumptions ul.sources-list li { margin: 0; }
  /* Many regions' per-region values (Tabell 1's 21 counties): the table runs on in two columns. */
  section.assumptions .by-region-wrap { columns: 2; column-gap: 24px; } section.assumptions .by-region-wrap table { margin-top: 0; }
  section.assumptions h3 { margin: 4px 0 1px; } section.assumptions p.small { margin: 2px 0; }
  section.reproduce h2 { font-size: 11pt; margin: 8px 0 3px; padding-bottom: 1px; }
  section.reproduce dl { display: block; } section.reproduce dt, section.reproduce dd { display: inline; }
  section.reproduce dt::after { content: ": "; } section.reproduce dd::after { content: " · "; } section.reproduce dd:last-child::after { content: ""; }
  .scroll { overflow: visible; }
  table.years { font-size: 6.1pt; }
  section.appendix h2 { margin-top: 0; } section.appendix h3 { margin: 2px 0; } section.appendix > p.small { margin: 2px 0; }
  table.years thead th { padding: 1px 2px; } table.years tbody th { padding: 1px 2px 1px 8px; }
  table.years tr.group th { padding-top: 3px; }
  .comparison .headline { font-size: 13pt; }
  table.compare { font-size: 9pt; }
  table.compare .iv { font-size: 7.5pt; }
  table.compare th, table.compare td { padding: 2px 4px; }
  table.years td { white-space: normal; padding: 1px 2px; }
  table.years tbody th { min-width: 0; width: 205px; }
  section.appendix table.observed { font-size: 6.5pt; width: auto; table-layout: auto; margin: 2px 0; } section.appendix table.observed td, section.appendix table.observed th { padding: 0 8px 0 2px; }
  section.appendix h4 { margin: 4px 0 2px; font-size: 8pt; }
  .iv { font-size: 5pt; line-height: 1.05; }
  a { color: inherit; text-decoration: none; }
  .headline { background: none; }
  .print-only { display: inline; } p.print-only { display: block; } .screen-only { display: none; }
  /* An odd last chart (the seventh: population by age, or by region) stands at the left and how
     to reproduce goes beside it (a block formatting context narrows beside a float). */
  section.charts > figure:last-of-type:nth-of-type(odd) { float: left; }
  section.charts + section.reproduce { display: flow-root; }
  section.charts + section.reproduce > h2 { margin-top: 12px; }
  tr.median-only .iv { display: none; }
}
`;

