import { compileMessageOrThrow } from '@lingui/message-utils/compileMessage';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Plugin } from 'vite';

const PREFIX = 'virtual:ringside-catalog/';

/**
 * Compiles a locale's catalog (`src/i18n/catalogs/<locale>.json`, ICU MessageFormat) into
 * Lingui's compiled form at build time, so the browser never ships a message parser. Imported
 * as `virtual:ringside-catalog/<locale>`, each locale is a chunk of its own
 * (`<locale>.catalog-<hash>.js`) that loads only when that language is used. A message that
 * does not parse fails the build, naming the key.
 *
 * @example
 * plugins: [react(), tailwindcss(), i18nCatalogs()]
 */
export function i18nCatalogs(
  catalogDir = resolve(import.meta.dirname, 'src/i18n/catalogs'),
): Plugin {
  const moduleId = (locale: string) => resolve(catalogDir, `${locale}.catalog.js`);
  return {
    name: 'ringside-i18n-catalogs',
    enforce: 'pre',
    resolveId(source) {
      if (!source.startsWith(PREFIX)) return null;
      const locale = source.slice(PREFIX.length);
      if (!/^[a-zA-Z]{2,3}(-[A-Z]{2})?$/.test(locale)) return null;
      return moduleId(locale);
    },
    load(id) {
      const match = /([^/\\]+)\.catalog\.js$/.exec(id);
      if (!match?.[1] || id !== moduleId(match[1])) return null;
      const file = resolve(catalogDir, `${match[1]}.json`);
      this.addWatchFile(file);
      const source = JSON.parse(readFileSync(file, 'utf8')) as Record<string, string>;
      const compiled: Record<string, unknown> = {};
      for (const [key, message] of Object.entries(source)) {
        try {
          compiled[key] = compileMessageOrThrow(message);
        } catch (error) {
          throw new Error(`${match[1]}.json: "${key}" is not valid ICU MessageFormat`, {
            cause: error,
          });
        }
      }
      return `export const messages = JSON.parse(${JSON.stringify(JSON.stringify(compiled))});`;
    },
  };
}
