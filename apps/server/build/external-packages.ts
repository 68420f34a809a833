import { existsSync, mkdirSync, realpathSync, rmSync, symlinkSync } from 'node:fs';
import { builtinModules } from 'node:module';
import { dirname, join, relative } from 'node:path';
import type { Plugin } from 'esbuild';

/** the packages a bundle leaves to Node: name → the directories of the files that import it */
export type ExternalImports = Map<string, Set<string>>;

/** what the bundle inlines: the workspace's own packages, TypeScript source that Node cannot run */
const INLINED = /^@ringside\//;
const BUILTINS = new Set(builtinModules);

/**
 * An esbuild plugin that leaves every npm package out of the bundle (native and WASM files,
 * pino's worker threads and PGlite's data files load from their own folders, as they expect) and
 * inlines the workspace packages. It notes who imports each package, for {@link linkExternals}.
 */
export function externalPackages(imports: ExternalImports): Plugin {
  return {
    name: 'ringside-external-packages',
    setup(build) {
      build.onResolve({ filter: /^[^./]/ }, (args) => {
        if (INLINED.test(args.path)) return undefined;
        const name = packageName(args.path);
        if (args.path.startsWith('node:') || BUILTINS.has(name)) return { external: true };
        const importers = imports.get(name) ?? new Set<string>();
        importers.add(args.resolveDir);
        imports.set(name, importers);
        return { external: true };
      });
    },
  };
}

/**
 * Links each package the bundle imports into `<outDir>/node_modules`, pointing at the very copy
 * its importer resolves to. With pnpm a workspace package's dependencies (the simulator's werift,
 * say) sit in that package's node_modules, out of reach of a bundle in apps/server; the links
 * put them where Node looks first. Fails when two importers see different copies of one package,
 * which one bundle cannot honour. Returns the names linked.
 */
export function linkExternals(outDir: string, imports: ExternalImports): string[] {
  const modules = join(outDir, 'node_modules');
  rmSync(modules, { recursive: true, force: true });
  const names = [...imports.keys()].sort();
  for (const name of names) {
    const copies = [
      ...new Set([...(imports.get(name) ?? [])].map((from) => packageDir(from, name))),
    ];
    const [target] = copies;
    if (target === undefined || copies.length > 1)
      throw new Error(
        `${name}: the bundled code imports ${copies.length} copies (${copies.join(', ')})`,
      );
    const link = join(modules, name);
    mkdirSync(dirname(link), { recursive: true });
    symlinkSync(relative(dirname(link), target), link, 'dir');
  }
  return names;
}

/** `pino` → pino, `@socket.io/redis-streams-adapter/x` → @socket.io/redis-streams-adapter */
function packageName(specifier: string): string {
  const parts = specifier.replace(/^node:/, '').split('/');
  return (specifier.startsWith('@') ? parts.slice(0, 2) : parts.slice(0, 1)).join('/');
}

/** the real folder of `name` as Node finds it from `fromDir`: the nearest node_modules up */
function packageDir(fromDir: string, name: string): string {
  for (let dir = fromDir; ; dir = dirname(dir)) {
    const candidate = join(dir, 'node_modules', name);
    if (existsSync(join(candidate, 'package.json'))) return realpathSync(candidate);
    if (dirname(dir) === dir) throw new Error(`${name}: not installed where ${fromDir} can see it`);
  }
}
