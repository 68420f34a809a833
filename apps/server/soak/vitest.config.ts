import { defineConfig } from 'vitest/config';

// `pnpm test:soak`: long runs that kill processes, never part of `pnpm test` or CI. Files are
// named *.soak.ts so the server project (which includes **/*.test.ts) never picks them up.
export default defineConfig({
  test: {
    name: 'soak',
    root: new URL('..', import.meta.url).pathname,
    include: ['soak/**/*.soak.ts'],
    // the three files side by side (calls on PGlite, the cluster, the fuzz): each mostly waits on
    // processes, sockets and timers, and together they fit in 10 minutes on a 2-core box
    maxWorkers: 3,
    testTimeout: 600_000,
    hookTimeout: 120_000,
  },
});
