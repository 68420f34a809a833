import { defineProject } from 'vitest/config';
// node loads this file natively: the extension is needed here
import { i18nCatalogs } from './i18n-catalog-plugin.ts';

// no react plugin here: unit tests cover plain classes, stores and pure helpers in node; the
// catalogs plugin compiles a locale's messages as the build does, and every test starts in English
export default defineProject({
  plugins: [i18nCatalogs()],
  test: {
    setupFiles: ['src/i18n/test-setup.ts'],
    name: '@ringside/console',
    environment: 'node',
    include: ['src/**/*.test.ts', 'src/**/*.test.tsx', '*.test.ts'],
  },
});
