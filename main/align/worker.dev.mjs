// Worker entry when running from the TypeScript sources (tsx, vitest): registers tsx in this thread, then
// loads the real entry. (A worker's execArgv `--import tsx` does not reach its main module on Node 20.)
// The electron-vite build uses the bundled align-worker.js instead.
import { register } from 'tsx/esm/api';

register();
await import('./worker.ts');
