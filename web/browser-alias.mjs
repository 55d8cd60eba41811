// Packages whose Node entry uses Node's globals (Buffer, process), mapped to their browser builds
// with the same API: for every browser bundle of the core (web/bundle.mjs, test/core-bundle.test.ts).
// csv-parse's Node entry uses Buffer; its browser build bundles the polyfills it needs.
export const browserAlias = { 'csv-parse/sync': 'csv-parse/browser/esm/sync' };
