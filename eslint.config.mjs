// Self-lint: typescript-eslint for the code, eslint-plugin-eslint-plugin for the rules and their tests.
import js from '@eslint/js';
import eslintPlugin from 'eslint-plugin-eslint-plugin';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  { ignores: ['dist/', 'node_modules/', 'examples/', 'tests/fixtures/', '.bench/', 'coverage/'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    files: ['src/rules/*.ts'],
    ...eslintPlugin.configs.rules,
  },
  {
    // Rules are made with typescript-eslint's RuleCreator (createRule): it adds `meta.docs.url`,
    // `meta.docs.recommended` is our config name, and defaults live in `defaultOptions`.
    files: ['src/rules/*.ts'],
    rules: {
      'eslint-plugin/require-meta-docs-url': 'off',
      'eslint-plugin/require-meta-docs-recommended': 'off',
      'eslint-plugin/require-meta-default-options': 'off',
      'eslint-plugin/require-meta-languages': 'off',
      'eslint-plugin/require-meta-docs-description': ['error', { pattern: '^(Enforce|Require|Disallow)' }],
    },
  },
  {
    files: ['scripts/**/*.mjs'],
    languageOptions: { globals: { process: 'readonly', console: 'readonly' } },
  },
  {
    files: ['tests/rules/*.ts'],
    ...eslintPlugin.configs.tests,
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
