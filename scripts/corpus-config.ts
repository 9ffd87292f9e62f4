/**
 * ESLint flat configs for linting the corpus of `corpus.ts` with the plugin's rules, the way
 * users run them: espree for JavaScript, typescript-eslint's parser for TypeScript (untyped), or
 * typescript-eslint's parser with a project service for everything (typed).
 */
import type { Linter } from 'eslint';
import * as tsParser from '@typescript-eslint/parser';
import type sourcePlugin from '../src/index';
import { PLUGIN_NAMESPACE } from '../src/configs';
import { jsSourceTypeByGroup, type CorpusFile } from './corpus';

export type OptionsLevel = 'default' | 'strict';

type Plugin = typeof sourcePlugin;
let loaded: Plugin | undefined;

/**
 * The plugin under test: its TypeScript sources, or the build users run (`dist/`, after
 * `npm run build`) when `ASYNC_PITFALLS_PLUGIN=dist`. The bench measures the build: through tsx,
 * every cross-module call goes through an export getter and every function is renamed as it is
 * created, costs the shipped JavaScript does not have.
 */
function plugin(): Plugin {
  /* eslint-disable @typescript-eslint/no-require-imports */
  // `src/index.ts` ends in `export =`, so both forms are the plugin object itself.
  loaded ??= (process.env.ASYNC_PITFALLS_PLUGIN === 'dist' ? require('../dist/index') : require('../src/index')) as Plugin;
  /* eslint-enable @typescript-eslint/no-require-imports */
  return loaded;
}

interface RuleDocs {
  strictOptions?: readonly unknown[];
}

/** The plugin's rules as ESLint sees them. */
export function pluginRules(): Record<string, { meta?: { hasSuggestions?: boolean; fixable?: string; docs?: unknown } }> {
  return plugin().rules;
}

/** `async-pitfalls/<name>` for every rule of the plugin. */
export function pluginRuleIds(): string[] {
  return Object.keys(plugin().rules).map((name) => `${PLUGIN_NAMESPACE}/${name}`);
}

/**
 * Every rule of the plugin at `error`: with its default options, or with its strictest options
 * (`meta.docs.strictOptions`, the defaults when a rule declares none).
 */
export function pluginRuleEntries(level: OptionsLevel): Record<string, Linter.RuleEntry> {
  const entries: Record<string, Linter.RuleEntry> = {};
  for (const [name, rule] of Object.entries(plugin().rules)) {
    const strictOptions = (rule.meta.docs as RuleDocs | undefined)?.strictOptions;
    entries[`${PLUGIN_NAMESPACE}/${name}`] =
      level === 'strict' && strictOptions ? ['error', ...(strictOptions as unknown[])] : 'error';
  }
  return entries;
}

export interface CorpusConfigOptions {
  /** Rules to turn on (ids with their entries); the plugin is always registered. */
  rules: Record<string, Linter.RuleEntry>;
  /** Extra plugins the rules need (e.g. typescript-eslint for its rules in the bench). */
  plugins?: Record<string, unknown>;
  /** Typed mode: the folder holding the corpus `tsconfig.json` (see `writeCorpus`). */
  tsconfigRootDir?: string;
}

/**
 * The override config for `new ESLint({ overrideConfigFile: true, overrideConfig })`:
 * `.js` files of CommonJS packages are `commonjs`, `.jsx` files get JSX, TypeScript files the
 * TypeScript parser; in typed mode every file goes through the project service.
 */
export function corpusConfig(files: readonly CorpusFile[], options: CorpusConfigOptions): Linter.Config[] {
  // `.js` files take their group's usual source type by a glob; the few others are listed by path.
  const groupTypes = jsSourceTypeByGroup(files);
  const commonjsGroups = [...groupTypes].filter(([, type]) => type === 'commonjs').map(([group]) => group);
  const exceptions = files.filter((file) => file.path.endsWith('.js') && file.sourceType !== groupTypes.get(file.group));
  const configs: Linter.Config[] = [
    {
      files: ['**/*.js', '**/*.mjs', '**/*.cjs', '**/*.jsx'],
      languageOptions: { ecmaVersion: 'latest' },
    },
    { files: ['**/*.jsx'], languageOptions: { parserOptions: { ecmaFeatures: { jsx: true } } } },
  ];
  if (commonjsGroups.length > 0) {
    configs.push({
      files: commonjsGroups.map((group) => `${group}/**/*.js`),
      languageOptions: { sourceType: 'commonjs' },
    });
  }
  for (const sourceType of ['module', 'commonjs'] as const) {
    const paths = exceptions.filter((file) => file.sourceType === sourceType).map((file) => file.path);
    if (paths.length > 0) configs.push({ files: paths, languageOptions: { sourceType } });
  }
  if (options.tsconfigRootDir) {
    configs.push({
      files: ['**/*.js', '**/*.mjs', '**/*.cjs', '**/*.jsx', '**/*.ts', '**/*.mts', '**/*.cts', '**/*.tsx'],
      languageOptions: {
        parser: tsParser as Linter.Parser,
        parserOptions: { projectService: true, tsconfigRootDir: options.tsconfigRootDir },
      },
    });
  } else {
    configs.push({
      files: ['**/*.ts', '**/*.mts', '**/*.cts', '**/*.tsx'],
      languageOptions: { parser: tsParser as Linter.Parser },
    });
  }
  configs.push({
    plugins: { [PLUGIN_NAMESPACE]: plugin() as never, ...(options.plugins as Record<string, never>) },
    // Package files carry `eslint-disable` comments for their own rules: ignore them all.
    linterOptions: { noInlineConfig: true, reportUnusedDisableDirectives: 'off' },
    rules: options.rules,
  });
  return configs;
}
