import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts', 'test/**/*.test.tsx'],
    environment: 'node',
    // Each file gets its own process: native sqlite3 handles and browsers never leak across files.
    pool: 'forks',
    testTimeout: 30_000,
    hookTimeout: 60_000,
  },
});
