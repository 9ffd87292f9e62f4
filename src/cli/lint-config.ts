import type { Linter } from 'eslint';
import { createRequire } from 'node:module';
import path from 'node:path';
import plugin from '../index';
import type { ConfigName } from '../configs';
import { UsageError } from './args';
import { readGitignorePatterns } from './gitignore';

export const JS_FILES = ['**/*.js', '**/*.mjs', '**/*.cjs', '**/*.jsx'];
export const TS_FILES = ['**/*.ts', '**/*.mts', '**/*.cts', '**/*.tsx'];

/** Message of the stand-in parser used when `typescript` is missing; the CLI turns it into exit code 2. */
export const MISSING_TYPESCRIPT = 'async-pitfalls: the "typescript" package is needed to lint TypeScript files';

export interface LintSetup {
  config: ConfigName;
  typed: boolean;
  cwd: string;
}

/**
 * Resolves `typescript` the way `@typescript-eslint/parser` will (from the parser's own location,
 * which sees the user's project when the package is installed there). Returns false when absent.
 */
export function isTypeScriptAvailable(): boolean {
  try {
    const parserRequire = createRequire(require.resolve('@typescript-eslint/parser'));
    parserRequire.resolve('typescript');
    return true;
  } catch {
    return false;
  }
}

/** A parser that fails every file with one clear message: used for TS files when `typescript` is absent. */
const missingTypeScriptParser: Linter.Parser = {
  meta: { name: 'async-pitfalls/missing-typescript' },
  parse() {
    throw new Error(MISSING_TYPESCRIPT);
  },
};

/** What typescript-eslint's project service says about a file no `tsconfig.json` includes. */
const NOT_IN_A_PROJECT = 'was not found by the project service';

/**
 * `@typescript-eslint/parser`, loaded at the first TypeScript file: it loads `typescript` (about a
 * second), which a run over JavaScript files does not need. In typed mode, a file that no
 * `tsconfig.json` includes (a tool's config file, a script folder the tsconfig leaves out) is
 * parsed again without the project service: it is linted untyped instead of failing to parse, so
 * `--typed` never loses what an untyped run finds there.
 */
const lazyTypeScriptParser = {
  meta: { name: 'async-pitfalls/lazy-typescript-parser' },
  parseForESLint(code: string, options?: Record<string, unknown>): Linter.ESLintParseResult {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const parser = require('@typescript-eslint/parser') as {
      parseForESLint(code: string, options?: unknown): Linter.ESLintParseResult;
    };
    try {
      return parser.parseForESLint(code, options);
    } catch (error) {
      if (!options?.projectService || !(error instanceof Error) || !error.message.includes(NOT_IN_A_PROJECT)) throw error;
      const { projectService: _typed, ...untyped } = options;
      return parser.parseForESLint(code, untyped);
    }
  },
} satisfies Linter.Parser;

/**
 * The whole flat config of a zero-config run, relative to `cwd`:
 * the plugin's chosen config, espree for JavaScript (JSX enabled in every JS extension, so React
 * projects that keep JSX in `.js` parse), `@typescript-eslint/parser` for TypeScript (with
 * `projectService` in typed mode), the project's `.gitignore`, and no reports about other tools'
 * inline comments (unused disable directives are off; unknown rule ids are filtered by the caller).
 */
export function buildLintConfig(setup: LintSetup): Linter.Config[] {
  const pluginConfig = plugin.configs[setup.config] as unknown as Linter.Config;
  const tsAvailable = isTypeScriptAvailable();
  if (setup.typed && !tsAvailable) {
    throw new UsageError('--typed needs the "typescript" package: install it in this project (npm i -D typescript).');
  }

  const tsParser = tsAvailable ? lazyTypeScriptParser : missingTypeScriptParser;

  const gitignore = readGitignorePatterns(setup.cwd);
  const configs: Linter.Config[] = [];
  if (gitignore.length > 0) {
    configs.push({ name: 'async-pitfalls-cli/gitignore', ignores: gitignore });
  }
  configs.push(
    {
      name: 'async-pitfalls-cli/javascript',
      files: JS_FILES,
      languageOptions: {
        ecmaVersion: 'latest',
        parserOptions: { ecmaFeatures: { jsx: true } },
      },
    },
    {
      name: 'async-pitfalls-cli/typescript',
      files: TS_FILES,
      languageOptions: {
        parser: tsParser,
        parserOptions: setup.typed
          ? { projectService: true, tsconfigRootDir: path.resolve(setup.cwd) }
          : {},
      },
    },
    { ...pluginConfig, name: `async-pitfalls-cli/${setup.config}`, files: [...JS_FILES, ...TS_FILES] },
    {
      name: 'async-pitfalls-cli/linter-options',
      linterOptions: { reportUnusedDisableDirectives: 'off' },
    },
  );
  return configs;
}
