// optional vitest globalSetup: one PostgreSQL for the whole run instead of one per test file
// (wire it with `test.globalSetup` in apps/server's vitest config)
import type { TestProject } from 'vitest/node';
import { startTestPostgres } from './postgres';

declare module 'vitest' {
  export interface ProvidedContext {
    /** the shared test server's maintenance-database URL, when this setup ran */
    ringsidePostgresAdminUrl: string | undefined;
  }
}

export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const server = await startTestPostgres();
  project.provide('ringsidePostgresAdminUrl', server.adminUrl);
  return () => server.stop();
}
