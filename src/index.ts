import type { TSESLint } from '@typescript-eslint/utils';
import { configRules, PLUGIN_NAMESPACE, type ConfigName } from './configs';
import { rules } from './rules';

// Read at run time so the version always matches the installed package.json.
// eslint-disable-next-line @typescript-eslint/no-require-imports
const pkg = require('../package.json') as { name: string; version: string };

interface Plugin {
  meta: { name: string; version: string; namespace: string };
  rules: typeof rules;
  configs: Record<ConfigName, TSESLint.FlatConfig.Config>;
}

const plugin: Plugin = {
  meta: { name: pkg.name, version: pkg.version, namespace: PLUGIN_NAMESPACE },
  rules,
  configs: {} as Plugin['configs'],
};

// Each config registers the plugin itself, so `[asyncPitfalls.configs.recommended]` is a complete setup.
for (const name of ['recommended', 'strict', 'all'] as const) {
  plugin.configs[name] = {
    name: `${PLUGIN_NAMESPACE}/${name}`,
    plugins: { [PLUGIN_NAMESPACE]: plugin as unknown as TSESLint.FlatConfig.Plugin },
    rules: configRules(rules, name),
  };
}

export = plugin;
