import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { afterEach, describe, expect, it } from 'vitest';
import { entryScripts, measureInitialJs, staticImports } from './initial-js';

const VITE_INDEX = `<!doctype html><html><head>
<script>var inline = 1;</script>
<script type="module" crossorigin src="/assets/index-AB12.js"></script>
<link rel="modulepreload" crossorigin href="/assets/react-CD34.js">
<link rel="stylesheet" crossorigin href="/assets/index-EF56.css">
</head><body><div id="root"></div></body></html>`;

describe('entryScripts', () => {
  it('finds the module entry and the preloaded chunks, not inline scripts or styles', () => {
    expect(entryScripts(VITE_INDEX)).toEqual(['/assets/index-AB12.js', '/assets/react-CD34.js']);
  });

  it('finds nothing in a page without module scripts', () => {
    expect(entryScripts('<html><script src="/classic.js"></script></html>')).toEqual([]);
    expect(entryScripts('')).toEqual([]);
  });
});

describe('staticImports', () => {
  it('follows static imports and re-exports, not dynamic imports or packages', () => {
    const chunk = [
      'import{a as b}from"./react-1.js";',
      'import "./side-effect.js";',
      'export { c } from "./shared.js";',
      'import x from "react";',
      'const lazy = () => import("./HistoryView-9.js");',
    ].join('\n');
    expect(staticImports(chunk)).toEqual(['./react-1.js', './side-effect.js', './shared.js']);
  });
});

describe('measureInitialJs', () => {
  let dist = '';
  afterEach(() => rmSync(dist, { recursive: true, force: true }));

  function build(files: Record<string, string>): string {
    dist = mkdtempSync(join(tmpdir(), 'initial-js-'));
    for (const [path, text] of Object.entries(files)) {
      mkdirSync(join(dist, path, '..'), { recursive: true });
      writeFileSync(join(dist, path), text);
    }
    return dist;
  }

  it('adds up the entry and its static imports gzipped, leaving lazy chunks out', () => {
    const entry = 'import{r}from"./react-CD34.js";r();const h=()=>import("./lazy-1.js");';
    const react = `export const r = () => ${JSON.stringify('x'.repeat(2000))};`;
    build({
      'index.html': VITE_INDEX,
      'assets/index-AB12.js': entry,
      'assets/react-CD34.js': react,
      'assets/lazy-1.js': 'y'.repeat(50_000),
    });
    const measured = measureInitialJs(dist);
    expect(measured.files.map((f) => f.replace(dist, ''))).toEqual([
      '/assets/index-AB12.js',
      '/assets/react-CD34.js',
    ]);
    expect(measured.rawBytes).toBe(entry.length + react.length);
    const gzipped = [entry, react].reduce((n, t) => n + gzipSync(t, { level: 9 }).length, 0);
    expect(measured.gzipBytes).toBe(gzipped);
  });

  it('adds the chunks the page fetches itself, with their static imports, by name', () => {
    const entry = 'const c=()=>import("./en.first.catalog-1.js");';
    const catalog = 'import{x}from"./shared-2.js";export const messages={};';
    const shared = 'export const x = 1;';
    build({
      'index.html': VITE_INDEX,
      'assets/index-AB12.js': entry,
      'assets/react-CD34.js': '',
      'assets/en.first.catalog-1.js': catalog,
      'assets/shared-2.js': shared,
      'assets/es.first.catalog-3.js': 'z'.repeat(9_000),
    });
    const measured = measureInitialJs(dist, { fetched: [/^en\.first\.catalog-/] });
    expect(measured.files.map((f) => f.replace(dist, ''))).toEqual([
      '/assets/index-AB12.js',
      '/assets/react-CD34.js',
      '/assets/en.first.catalog-1.js',
      '/assets/shared-2.js',
    ]);
    expect(measured.rawBytes).toBe(entry.length + catalog.length + shared.length);
    expect(() => measureInitialJs(dist, { fetched: [/\.first\.catalog-/] })).toThrow(
      /expected one chunk matching .* found 2/,
    );
  });

  it('says plainly when there is no built console, or it loads no module', () => {
    dist = mkdtempSync(join(tmpdir(), 'initial-js-'));
    expect(() => measureInitialJs(join(dist, 'missing'))).toThrow(/no built console/);
    build({ 'index.html': '<html><body>static</body></html>' });
    expect(() => measureInitialJs(dist)).toThrow(/loads no module script/);
  });
});
