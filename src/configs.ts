import type { TSESLint } from '@typescript-eslint/utils';
import type { AsyncPitfallsRuleDocs } from './util/create-rule';

export const PLUGIN_NAMESPACE = 'async-pitfalls';

export type ConfigName = 'recommended' | 'strict' | 'all';

type AnyRule = TSESLint.RuleModule<string, readonly unknown[]>;
type RuleEntry = TSESLint.SharedConfig.RuleEntry;

function docsOf(rule: AnyRule): AsyncPitfallsRuleDocs {
  return (rule.meta.docs ?? {}) as AsyncPitfallsRuleDocs;
}

/**
 * Which rules each config turns on, at `error` so a CI gate fails on a finding:
 * - `recommended`: rules whose `meta.docs.recommended` is `'recommended'`, default options;
 * - `strict`: every rule marked `recommended` or `strict`, each with its `meta.docs.strictOptions`;
 * - `all`: every rule, default options.
 */
export function configRules(rules: Record<string, AnyRule>, config: ConfigName): Record<string, RuleEntry> {
  const entries: Record<string, RuleEntry> = {};
  for (const [name, rule] of Object.entries(rules)) {
    const docs = docsOf(rule);
    if (rule.meta.deprecated) continue;
    const id = `${PLUGIN_NAMESPACE}/${name}`;
    if (config === 'all') entries[id] = 'error';
    else if (config === 'recommended' && docs.recommended === 'recommended') entries[id] = 'error';
    else if (config === 'strict' && docs.recommended) {
      entries[id] = docs.strictOptions ? ['error', ...docs.strictOptions] : 'error';
    }
  }
  return entries;
}
