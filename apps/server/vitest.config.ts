import { configDefaults, defineProject } from 'vitest/config';

// integration tests start real servers, databases and sockets: generous limits on a shared box.
// Files share their worker's module cache (isolate: false): each file used to load the server's
// whole graph (drizzle, PGlite, Socket.IO, werift) again, about a minute of CI's wall time. The
// server keeps no module-level state (metrics have a registry an app, timers are per app) and
// every test that fakes timers restores them, so files cannot see one another.
export default defineProject({
  test: {
    name: '@ringside/server',
    // the production build (dist/, pnpm build) is generated: never a place to look for tests
    exclude: [...configDefaults.exclude, 'dist/**'],
    isolate: false,
    testTimeout: 30_000,
    hookTimeout: 120_000,
    globalSetup: [
      './src/testing/postgres-global-setup.ts',
      './src/testing/pglite-image-global-setup.ts',
    ],
  },
});
