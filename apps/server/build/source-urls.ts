import { readFile } from 'node:fs/promises';
import { relative, sep } from 'node:path';
import type { Plugin } from 'esbuild';

const IMPORT_META_URL = /\bimport\.meta\.url\b/g;

/**
 * An esbuild plugin that keeps each bundled module's `import.meta.url` its own source file's URL,
 * written relative to the bundle. One bundle has one URL, but the code finds its files from where
 * its module sits: `src/db/open-database.ts` finds `../../drizzle`, `src/main.ts` finds
 * `../../console/dist`, the simulator's opus loader resolves `opusscript` from `packages/meta-sim`.
 * The bundle so finds the same files as the source does, as long as it is built beside them (the
 * source files themselves are not read at run time). Files in node_modules are left as they are.
 *
 * @example
 * await build({ entryPoints: ['src/main.ts'], bundle: true, outdir: 'dist', plugins: [sourceUrls('dist')] });
 * // in dist/main.mjs, open-database.ts's import.meta.url is
 * // new URL("../src/db/open-database.ts", import.meta.url).href
 */
export function sourceUrls(outDir: string): Plugin {
  return {
    name: 'ringside-source-urls',
    setup(build) {
      build.onLoad({ filter: /\.ts$/ }, async (args) => {
        if (args.path.includes(`${sep}node_modules${sep}`)) return undefined;
        const text = await readFile(args.path, 'utf8');
        if (!text.includes('import.meta.url')) return undefined;
        const fromBundle = relative(outDir, args.path).split(sep).join('/');
        const url = `new URL(${JSON.stringify(fromBundle)}, import.meta.url).href`;
        return { contents: text.replace(IMPORT_META_URL, url), loader: 'ts' };
      });
    },
  };
}
