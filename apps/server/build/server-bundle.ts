import { rmSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import { externalPackages, linkExternals, type ExternalImports } from './external-packages';
import { sourceUrls } from './source-urls';

/** the server's package folder (apps/server) */
export const SERVER_DIR = fileURLToPath(new URL('..', import.meta.url));
/** where `pnpm --filter @ringside/server build` writes, and `start` runs from */
export const DIST_DIR = join(SERVER_DIR, 'dist');

export interface ServerBundle {
  /** the file to run with plain `node` */
  entry: string;
  bytes: number;
  /** the npm packages it imports at run time, linked beside it */
  externals: string[];
  buildMs: number;
}

/**
 * Compiles the server (src/main.ts) and the workspace packages it runs — contracts, calls, sdp
 * and the Meta simulator — into one ES module, `<outDir>/main.mjs`, with a source map. npm
 * packages stay out of it and load from node_modules as they do under tsx (see
 * {@link externalPackages}); each module's import.meta.url still names its source file, so the
 * migrations and the built console are found from the bundle as from the source (see
 * {@link sourceUrls}).
 *
 * @example
 * const { entry } = await buildServer(DIST_DIR); // then: node --enable-source-maps dist/main.mjs
 */
export async function buildServer(outDir: string): Promise<ServerBundle> {
  const started = performance.now();
  const entry = join(outDir, 'main.mjs');
  rmSync(entry, { force: true });
  rmSync(`${entry}.map`, { force: true });
  const imports: ExternalImports = new Map();
  await build({
    entryPoints: [join(SERVER_DIR, 'src', 'main.ts')],
    outfile: entry,
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20.19',
    sourcemap: 'linked',
    // class and function names stay as written: they show in logs and errors
    keepNames: true,
    logLevel: 'warning',
    plugins: [externalPackages(imports), sourceUrls(outDir)],
  });
  const externals = linkExternals(outDir, imports);
  return {
    entry,
    bytes: statSync(entry).size,
    externals,
    buildMs: performance.now() - started,
  };
}
