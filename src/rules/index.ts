import type { TSESLint } from '@typescript-eslint/utils';
import noBlockingInAsync from './no-blocking-in-async';
import noFloatingPromises from './no-floating-promises';
import noLatePromiseHandling from './no-late-promise-handling';
import noMisusedAsyncCallback from './no-misused-async-callback';
import preferPromiseAll from './prefer-promise-all';
import preferPromiseAllInLoop from './prefer-promise-all-in-loop';

/**
 * Every rule of the plugin, by name. The configs are computed from each rule's
 * `meta.docs.recommended`, so adding a rule here is all a new rule needs.
 */
export const rules: Record<string, TSESLint.RuleModule<string, readonly unknown[]>> = {
  'no-blocking-in-async': noBlockingInAsync,
  'no-floating-promises': noFloatingPromises as TSESLint.RuleModule<string, readonly unknown[]>,
  'no-late-promise-handling': noLatePromiseHandling as TSESLint.RuleModule<string, readonly unknown[]>,
  'no-misused-async-callback': noMisusedAsyncCallback as TSESLint.RuleModule<string, readonly unknown[]>,
  'prefer-promise-all': preferPromiseAll,
  'prefer-promise-all-in-loop': preferPromiseAllInLoop,
};
