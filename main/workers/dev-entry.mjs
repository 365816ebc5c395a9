// Worker entry when running from the TypeScript sources (tsx, vitest): registers tsx in this thread, then
// loads the real entry, passed as the last argv item by workerEntry() (a worker's execArgv `--import tsx`
// does not reach its main module on Node 20). The electron-vite build runs the bundled workers instead.
import { register } from 'tsx/esm/api';

register();
await import(process.argv.at(-1));
