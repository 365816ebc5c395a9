// Worker entry when running from the TypeScript sources (tsx, vitest): registers tsx in this thread,
// then loads the real entry. The electron-vite build uses the bundled search-worker.ts instead.
import { register } from 'tsx/esm/api';

register();
await import('./search-worker.ts');
