import { defineProject } from 'vitest/config';

// a real server, simulator and Chromium per file: one file at a time on a shared 2-core box
export default defineProject({
  test: {
    name: '@ringside/e2e',
    include: ['*.spec.ts', 'support/**/*.test.ts', 'bench/**/*.test.ts'],
    fileParallelism: false,
    testTimeout: 60_000,
    hookTimeout: 120_000,
    globalSetup: ['./support/build-console.ts'],
  },
});
