import { defineProject } from 'vitest/config';

// a real server, simulator and Chromium per file: one file at a time, after every other project
// has finished (their parallel files would starve the audio timing of a 2-core box). The files
// share one module cache (isolate: false), so the server, simulator and Playwright load once,
// not once a file; each file still starts its own stack and Chromium (support/e2e-suite.ts).
export default defineProject({
  test: {
    name: '@ringside/e2e',
    isolate: false,
    include: ['*.spec.ts', 'support/**/*.test.ts', 'bench/**/*.test.ts'],
    fileParallelism: false,
    sequence: { groupOrder: 1 },
    testTimeout: 60_000,
    hookTimeout: 120_000,
    globalSetup: [
      './support/build-console.ts',
      '../apps/server/src/testing/pglite-image-global-setup.ts',
    ],
  },
});
