import { availableParallelism } from 'node:os';
import { defineConfig } from 'vitest/config';

// every workspace folder with tests is a project; `pnpm test` runs them all. Three files at a
// time even on a 2-core box (vitest's default there is one): most files wait on sockets,
// databases, child processes and timers, not the CPU (measured 2026-12-07 on the CI box: the
// non-browser projects took 588 s with two, 502 s with three, all green). The browser specs
// (e2e) run after everything else, one file at a time.
export default defineConfig({
  test: {
    projects: ['packages/*', 'apps/*', 'e2e'],
    maxWorkers: Math.max(3, availableParallelism() - 1),
    passWithNoTests: false,
  },
});
