/** `npm run baseline:update`: recomputes test/baseline.yaml on purpose and says what moved. */
import { BASELINE_FILE, computeBaseline, diffBaseline, readBaseline, showDiff, writeBaseline } from './baseline.js';

const old = readBaseline();
const now = computeBaseline();
writeBaseline(now);
const moved = old ? diffBaseline(old, now) : [];
process.stdout.write(old === null ? `wrote ${BASELINE_FILE}\n`
  : moved.length === 0 ? `${BASELINE_FILE}: nothing moved\n`
  : `${BASELINE_FILE}: ${moved.length} number(s) moved:\n${showDiff(moved, 200)}\n`);
