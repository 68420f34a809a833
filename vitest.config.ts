import { defineConfig } from 'vitest/config';

// every workspace folder with tests is a project; `pnpm test` runs them all
export default defineConfig({
  test: {
    projects: ['packages/*', 'apps/*', 'e2e'],
    passWithNoTests: false,
  },
});
