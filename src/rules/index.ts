import type { TSESLint } from '@typescript-eslint/utils';
import noBlockingInAsync from './no-blocking-in-async';

/**
 * Every rule of the plugin, by name. The configs are computed from each rule's
 * `meta.docs.recommended`, so adding a rule here is all a new rule needs.
 */
export const rules: Record<string, TSESLint.RuleModule<string, readonly unknown[]>> = {
  'no-blocking-in-async': noBlockingInAsync,
};
