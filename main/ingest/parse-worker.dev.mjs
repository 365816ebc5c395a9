// Parse-worker entry when running from the TypeScript sources (tsx, vitest): registers tsx in this
// thread, then loads the real entry. The electron-vite build runs the bundled parse-worker.js instead.
import { register } from 'tsx/esm/api';

register();
await import('./parse-worker.ts');
