// vitest globalSetup: one migrated PGlite image, which every in-memory test database starts from
// (see db/pglite-image.ts): initdb and the migrations run once, not once per test file
import type { TestProject } from 'vitest/node';
import { pgliteImageFile } from './pglite-image';

declare module 'vitest' {
  export interface ProvidedContext {
    /** the file holding the migrated image, when this setup ran */
    ringsidePgliteImage: string | undefined;
  }
}

export default async function setup(project: TestProject): Promise<void> {
  project.provide('ringsidePgliteImage', await pgliteImageFile());
}
