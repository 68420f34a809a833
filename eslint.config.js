// @ts-check
import js from '@eslint/js';
import prettier from 'eslint-config-prettier';
import globals from 'globals';
import tseslint from 'typescript-eslint';

const appImports = {
  group: [
    '@ringside/server',
    '@ringside/server/*',
    '@ringside/console',
    '@ringside/console/*',
    '**/apps/**',
  ],
  message: 'packages never import apps: dependencies point apps → packages',
};

// rtc/ does media only: it neither talks to the server nor knows the views
const rtcStaysMedia = {
  signaling: {
    group: ['**/signaling', '**/signaling/**'],
    message: 'rtc/ does media only: the call objects (calls/) send and receive signaling',
  },
  views: {
    group: ['**/views', '**/views/**'],
    message: 'rtc/ does media only and never imports views',
  },
};

export default tseslint.config(
  {
    ignores: [
      '**/node_modules/**',
      '**/dist/**',
      '**/data/**',
      '**/artifacts/**',
      '**/test-results/**',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node } },
    rules: {
      '@typescript-eslint/consistent-type-imports': 'error',
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_' },
      ],
      'no-console': 'off',
    },
  },
  {
    files: ['packages/**/*.{ts,tsx,js,mjs}'],
    rules: { 'no-restricted-imports': ['error', { patterns: [appImports] }] },
  },
  {
    files: ['apps/console/**/*.{ts,tsx}'],
    languageOptions: { globals: { ...globals.browser } },
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: [
                '@ringside/server',
                '@ringside/server/*',
                '**/apps/server/**',
                '../server/**',
                // however many ../ it takes to climb out of the console
                '**/server/src/**',
                '**/meta-sim/src/**',
                '@ringside/meta-sim',
                '@ringside/meta-sim/*',
              ],
              message:
                'the console imports only types and pure code from packages, never server code',
            },
          ],
        },
      ],
    },
  },
  // layers inside the apps. Their own rule (the typescript-eslint twin of no-restricted-imports),
  // so they add to the app-wide restrictions above instead of replacing them.
  {
    files: ['apps/console/src/rtc/**/*.{ts,tsx}'],
    rules: {
      '@typescript-eslint/no-restricted-imports': [
        'error',
        { patterns: [rtcStaysMedia.signaling, rtcStaysMedia.views] },
      ],
    },
  },
  {
    files: ['apps/console/src/views/**/*.{ts,tsx}'],
    rules: {
      '@typescript-eslint/no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['**/api/*-api', '**/api/rest-client'],
              importNamePattern: '^(?:[A-Z]\\w*Api|RestClient)$',
              allowTypeImports: true,
              message:
                'views do not build API clients: the wiring (app/, e.g. AdminRoute.tsx or useServices()) hands them over; import their types only',
            },
          ],
        },
      ],
    },
  },
  // the server's production code never reaches into its test helpers (testing/) or the test
  // runner. The core rule, so it adds to the layer rules below instead of replacing them.
  {
    files: ['apps/server/src/**/*.ts'],
    ignores: ['apps/server/src/**/*.test.ts', 'apps/server/src/testing/**'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [{ name: 'vitest', message: 'vitest is for tests and testing/ only' }],
          patterns: [
            {
              group: ['**/testing', '**/testing/**'],
              message:
                'production code does not import test helpers: testing/ is for tests, e2e and the benches',
            },
          ],
        },
      ],
    },
  },
  {
    files: ['apps/server/src/calls/**/*.ts'],
    rules: {
      '@typescript-eslint/no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['**/sockets', '**/sockets/**'],
              message:
                'calls/ does not know about sockets: it tells agents and supervisors through the notifications port that sockets/ implements',
            },
          ],
        },
      ],
    },
  },
  {
    files: ['e2e/**/*.ts'],
    rules: {
      '@typescript-eslint/no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              // anything of the server's but that one file (a group cannot re-include a file
              // inside a folder it excludes, so a regex)
              regex:
                '(?:^|/)(?:apps/server|@ringside/server)(?:/(?!src/testing/e2e-entry(?:\\.ts)?$)|$)',
              message:
                'e2e reaches the server through apps/server/src/testing/e2e-entry.ts only: add what a spec needs there',
            },
          ],
        },
      ],
    },
  },
  prettier,
);
