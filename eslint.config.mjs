// ESLint flat config: typescript-eslint's recommended rules everywhere, lit's and wc's recommended rules on the
// elements. Run by `npm run lint` and by the test command (scripts/test/run.mjs).
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
    // A few type-aware promise rules on the shipped code and the demo (the whole typed recommended set reports
    // chai's thenable assertions in every test, and more findings than this change could fix).
    files: ['src/**/*.ts', 'demo/**/*.ts'],
    ignores: ['**/*.test.ts', 'src/test-support/**'],
    languageOptions: { parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname } },
    rules: {
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/no-misused-promises': 'error',
      '@typescript-eslint/await-thenable': 'error',
    },
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
