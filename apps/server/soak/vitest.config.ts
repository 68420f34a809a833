import { defineConfig } from 'vitest/config';

// `pnpm test:soak`: long runs that kill processes, never part of `pnpm test` or CI. Files are
// named *.soak.ts so the server project (which includes **/*.test.ts) never picks them up.
export default defineConfig({
  test: {
    name: 'soak',
    root: new URL('..', import.meta.url).pathname,
    include: ['soak/**/*.soak.ts'],
    // one file at a time: each starts its own server process and loads it hard
    fileParallelism: false,
    testTimeout: 600_000,
    hookTimeout: 120_000,
  },
});
