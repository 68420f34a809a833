import { compileMessageOrThrow } from '@lingui/message-utils/compileMessage';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Plugin } from 'vite';

const PREFIX = 'virtual:ringside-catalog/';

/**
 * The parts a locale's catalog is split into, by message id: `first` holds what shows before
 * anyone signs in (the login page, the loading line), `console` everything else, which loads
 * while the console signs in (see `src/i18n/load-catalog.ts`).
 */
export const CATALOG_PARTS = ['first', 'console'] as const;
export type CatalogPart = (typeof CATALOG_PARTS)[number];

/**
 * Which part of the catalog a message id belongs to.
 *
 * @example
 * catalogPart('login.submit'); // 'first'
 * catalogPart('shell.signOut'); // 'console'
 */
export function catalogPart(key: string): CatalogPart {
  return key.startsWith('login.') || key.startsWith('app.') ? 'first' : 'console';
}

/**
 * Compiles a locale's catalog (`src/i18n/catalogs/<locale>.json`, ICU MessageFormat) into
 * Lingui's compiled form at build time, so the browser never ships a message parser. Imported
 * as `virtual:ringside-catalog/<locale>/<part>` (a part of {@link CATALOG_PARTS}), each locale's
 * part is a chunk of its own (`<locale>.<part>.catalog-<hash>.js`) that loads only when that language
 * and part are used; `virtual:ringside-catalog/<locale>` is the whole catalog (for tests). A
 * message that does not parse fails the build, naming the key.
 *
 * @example
 * plugins: [react(), tailwindcss(), i18nCatalogs()]
 */
export function i18nCatalogs(
  catalogDir = resolve(import.meta.dirname, 'src/i18n/catalogs'),
): Plugin {
  const moduleId = (locale: string, part: string) =>
    resolve(catalogDir, `${locale}.${part}.catalog.js`);
  return {
    name: 'ringside-i18n-catalogs',
    enforce: 'pre',
    resolveId(source) {
      if (!source.startsWith(PREFIX)) return null;
      const match = /^([a-zA-Z]{2,3}(?:-[A-Z]{2})?)(?:\/([a-z]+))?$/.exec(
        source.slice(PREFIX.length),
      );
      const [, locale, part = 'all'] = match ?? [];
      if (!locale || (part !== 'all' && !(CATALOG_PARTS as readonly string[]).includes(part))) {
        return null;
      }
      return moduleId(locale, part);
    },
    load(id) {
      const match = /([^/\\.]+)\.([a-z]+)\.catalog\.js$/.exec(id);
      const [, locale, part] = match ?? [];
      if (!locale || !part || id !== moduleId(locale, part)) return null;
      const file = resolve(catalogDir, `${locale}.json`);
      this.addWatchFile(file);
      const source = JSON.parse(readFileSync(file, 'utf8')) as Record<string, string>;
      const compiled: Record<string, unknown> = {};
      for (const [key, message] of Object.entries(source)) {
        if (part !== 'all' && catalogPart(key) !== part) continue;
        try {
          compiled[key] = compileMessageOrThrow(message);
        } catch (error) {
          throw new Error(`${locale}.json: "${key}" is not valid ICU MessageFormat`, {
            cause: error,
          });
        }
      }
      return `export const messages = JSON.parse(${JSON.stringify(JSON.stringify(compiled))});`;
    },
  };
}
