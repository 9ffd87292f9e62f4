// Self-lint: typescript-eslint for the code, eslint-plugin-eslint-plugin for the rules and their tests.
import js from '@eslint/js';
import eslintPlugin from 'eslint-plugin-eslint-plugin';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  { ignores: ['dist/', 'node_modules/', 'examples/', 'tests/fixtures/', 'tests/realistic/corpus-*/', '.bench/', 'coverage/'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    files: ['src/rules/*.ts'],
    ...eslintPlugin.configs.rules,
  },
  {
    // Rules are built with typescript-eslint's RuleCreator (src/util/create-rule.ts): it adds
    // `docs.url` and keeps `defaultOptions` beside `meta`; `recommended` names a config; the
    // description starts with a capital, as in typescript-eslint.
    files: ['src/rules/*.ts'],
    rules: {
      'eslint-plugin/require-meta-docs-url': 'off',
      'eslint-plugin/require-meta-default-options': 'off',
      'eslint-plugin/require-meta-languages': 'off',
      'eslint-plugin/require-meta-docs-recommended': ['error', { allowNonBoolean: true }],
      'eslint-plugin/require-meta-docs-description': ['error', { pattern: '^(Enforce|Require|Disallow)' }],
    },
  },
  {
    files: ['tests/rules/*.ts'],
    ...eslintPlugin.configs.tests,
  },
  {
    // Node scripts (scripts/create-rule.mjs, scripts/demo.mjs).
    files: ['scripts/**/*.mjs'],
    languageOptions: { globals: { console: 'readonly', process: 'readonly' } },
  },
  {
    files: ['**/*.js', '**/*.cjs'],
    languageOptions: { sourceType: 'commonjs', globals: { module: 'writable', require: 'readonly' } },
  },
  {
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
    },
  },
);
