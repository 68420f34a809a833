import { defineProject } from 'vitest/config';

// integration tests start real servers, databases and sockets: generous limits on a shared box
export default defineProject({
  test: {
    name: '@ringside/server',
    testTimeout: 30_000,
    hookTimeout: 120_000,
    globalSetup: [
      './src/testing/postgres-global-setup.ts',
      './src/testing/pglite-image-global-setup.ts',
    ],
  },
});
