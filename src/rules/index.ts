import type { TSESLint } from '@typescript-eslint/utils';
import preferPromiseAll from './prefer-promise-all';
import preferPromiseAllInLoop from './prefer-promise-all-in-loop';

/**
 * Every rule of the plugin, by name. The configs are computed from each rule's
 * `meta.docs.recommended`, so adding a rule here is all a new rule needs.
 */
export const rules: Record<string, TSESLint.RuleModule<string, readonly unknown[]>> = {
  'prefer-promise-all': preferPromiseAll,
  'prefer-promise-all-in-loop': preferPromiseAllInLoop,
};
