// Lets the TypeScript worker run under tsx (tests, `npx tsx`): registers tsx, then loads it.
import { register } from 'tsx/esm/api';
register();
await import('./worker.ts');
