// ESLint flat config: typescript-eslint's recommended rules everywhere (its type-checked set on the TypeScript),
// lit's and wc's recommended rules on the elements. Run by `npm run lint` and by the test command (scripts/test/run.mjs).
import js from '@eslint/js';
import lit from 'eslint-plugin-lit';
import wc from 'eslint-plugin-wc';
import globals from 'globals';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  {
    ignores: ['**/dist/', '**/node_modules/', '**/coverage/', '**/.cache/', 'src/gen/', 'scripts/bench/peers/', 'scripts/**/*.tmp.mjs', 'scripts/**/*.tmp.ts'],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: {
      ecmaVersion: 2022,
      sourceType: 'module',
      globals: { ...globals.browser, ...globals.node },
    },
    linterOptions: { reportUnusedDisableDirectives: 'error' },
    rules: {
      // `catch {}` marks a read that may fail (a missing file) and is deliberately ignored.
      'no-empty': ['error', { allowEmptyCatch: true }],
      // A leading `_` names a parameter kept for a signature (lit's Directive.render), as tsc's noUnusedParameters allows.
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrorsIgnorePattern: '^_' }],
    },
  },
  {
    // typescript-eslint's whole type-checked recommended set on the source, its tests, the demo and the scripts; each
    // file is typed by the nearest tsconfig.json (the root one, or scripts/tsconfig.json for scripts/). The consumer
    // projects are apps built against the packed package by the consumer tests, each with its own tsconfig (or none).
    files: ['src/**/*.ts', 'demo/**/*.ts', 'scripts/**/*.ts'],
    ignores: ['scripts/test/consumers/projects/**'],
    extends: [tseslint.configs.recommendedTypeChecked],
    languageOptions: { parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname } },
  },
  {
    files: ['src/elements/**/*.ts'],
    rules: {
      // Each element merges an interface into its class to type addEventListener from its own events (event-maps.ts).
      '@typescript-eslint/no-unsafe-declaration-merging': 'off',
    },
  },
  {
    files: ['**/*.test.ts'],
    rules: {
      // Chai's property assertions (`expect(x).to.exist`, `.to.be.true`) are expressions by design.
      '@typescript-eslint/no-unused-expressions': 'off',
      // @open-wc/semantic-dom-diff types every chai `.equal()` (its Equal interface) as returning a Promise, but the call
      // is synchronous at runtime; real thenable assertions (`.accessible()`, fixtures) are still to be awaited.
      '@typescript-eslint/no-floating-promises': ['error', { allowForKnownSafeCalls: [{ from: 'package', name: 'Equal', package: '@open-wc/semantic-dom-diff' }] }],
    },
  },
  {
    files: ['src/elements/**/*.ts'],
    ...lit.configs['flat/recommended'],
  },
  {
    files: ['src/elements/**/*.ts'],
    ...wc.configs['flat/recommended'],
  },
);
