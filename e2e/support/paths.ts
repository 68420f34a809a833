import { fileURLToPath } from 'node:url';

/** `e2e/` */
export const E2E_DIR = fileURLToPath(new URL('..', import.meta.url));
/** the monorepo's root */
export const REPO_ROOT = fileURLToPath(new URL('../..', import.meta.url));
/** the built console the server serves (`pnpm --filter @ringside/console build`) */
export const CONSOLE_DIST = fileURLToPath(new URL('../../apps/console/dist', import.meta.url));
/** screenshots of each state (gitignored) */
export const ARTIFACTS_DIR = fileURLToPath(new URL('../artifacts', import.meta.url));
/** the one screenshot the README shows */
export const README_SCREENSHOT = fileURLToPath(new URL('../../docs/console.png', import.meta.url));
