import { availableParallelism } from 'node:os';
import { defineConfig } from 'vitest/config';

// every workspace folder with tests is a project; `pnpm test` runs them all. Two files at a time
// even on a 2-core box (vitest's default there is one): most files wait on sockets, databases and
// timers, not the CPU. The browser specs (e2e) run after everything else, one file at a time.
export default defineConfig({
  test: {
    projects: ['packages/*', 'apps/*', 'e2e'],
    maxWorkers: Math.max(2, availableParallelism() - 1),
    passWithNoTests: false,
  },
});
