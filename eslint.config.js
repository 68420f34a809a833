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
  prettier,
);
