import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { gzipSync } from 'node:zlib';

/**
 * The scripts a page loads before it can run: module entry scripts and modulepreload links,
 * as the paths the HTML names. Inline scripts and dynamic chunks are not in it.
 *
 * @example
 * entryScripts('<script type="module" src="/assets/index-1.js"></script>'); // ['/assets/index-1.js']
 */
export function entryScripts(html: string): string[] {
  const found: string[] = [];
  for (const tag of html.match(/<(script|link)\b[^>]*>/gi) ?? []) {
    const isModule = /^<script/i.test(tag) && /\btype=["']?module["']?/i.test(tag);
    const isPreload = /^<link/i.test(tag) && /\brel=["']?modulepreload["']?/i.test(tag);
    const url = /\b(?:src|href)=["']([^"']+)["']/i.exec(tag)?.[1];
    if ((isModule || isPreload) && url !== undefined && !found.includes(url)) found.push(url);
  }
  return found;
}

/**
 * The relative modules a chunk imports statically (`import … from './x.js'`, `import './x.js'`,
 * `export … from './x.js'`); dynamic `import('./x.js')` loads later and is left out.
 *
 * @example
 * staticImports('import{a as b}from"./react-1.js";const v=import("./lazy.js");'); // ['./react-1.js']
 */
export function staticImports(js: string): string[] {
  const found = new Set<string>();
  const pattern =
    /(?:^|[;}\n])\s*(?:import|export)\s*(?:[\w*{}\s,$]*?\s*from\s*)?["'](\.{1,2}\/[^"']+)["']/g;
  for (const match of js.matchAll(pattern)) if (match[1] !== undefined) found.add(match[1]);
  return [...found];
}

/** the console's initial JavaScript: which files, and their size raw and gzipped */
export interface InitialJs {
  files: string[];
  rawBytes: number;
  gzipBytes: number;
}

export interface MeasureOptions {
  /**
   * chunks the page fetches itself before the screen measured (dynamic imports, e.g. the
   * language's first catalog part), each a pattern matching exactly one file in `assets/`;
   * their static imports count too
   */
  fetched?: readonly RegExp[];
}

/**
 * Measures the JavaScript a built console loads before a screen: the entry scripts of
 * `index.html`, the chunks named in `fetched`, and everything they import statically, each
 * file gzipped on its own (level 9, as a server would precompress it).
 *
 * @example
 * const { gzipBytes } = measureInitialJs('apps/console/dist', { fetched: [/^en\.first\.catalog-/] });
 */
export function measureInitialJs(distDir: string, options: MeasureOptions = {}): InitialJs {
  const index = join(distDir, 'index.html');
  if (!existsSync(index)) throw new Error(`no built console at ${distDir}`);
  const queue = entryScripts(readFileSync(index, 'utf8')).map((url) =>
    join(distDir, url.replace(/^\//, '')),
  );
  if (queue.length === 0) throw new Error(`${index} loads no module script`);
  queue.push(...(options.fetched ?? []).map((pattern) => onlyChunk(distDir, pattern)));
  const seen = new Set<string>();
  let rawBytes = 0;
  let gzipBytes = 0;
  for (let file = queue.shift(); file !== undefined; file = queue.shift()) {
    if (seen.has(file)) continue;
    seen.add(file);
    const bytes = readFileSync(file);
    rawBytes += bytes.length;
    gzipBytes += gzipSync(bytes, { level: 9 }).length;
    for (const specifier of staticImports(bytes.toString('utf8'))) {
      queue.push(resolve(dirname(file), specifier));
    }
  }
  return { files: [...seen], rawBytes, gzipBytes };
}

// the one JavaScript file of assets/ whose name matches: a build that renamed or split it
// would otherwise be measured without it
function onlyChunk(distDir: string, pattern: RegExp): string {
  const assets = join(distDir, 'assets');
  const found = readdirSync(assets).filter((name) => name.endsWith('.js') && pattern.test(name));
  if (found.length !== 1) {
    throw new Error(
      `expected one chunk matching ${String(pattern)} in ${assets}, found ${found.length}`,
    );
  }
  return join(assets, found[0] ?? '');
}
