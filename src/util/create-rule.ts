import { ESLintUtils } from '@typescript-eslint/utils';

/** Which of the plugin's shared configs turns a rule on; `all` always includes every rule. */
export type RecommendedLevel = 'recommended' | 'strict';

/** Extra `meta.docs` fields every rule of this plugin declares. */
export interface AsyncPitfallsRuleDocs {
  /** The first config that enables the rule (`recommended` rules are in `strict` too). */
  recommended?: RecommendedLevel;
  /** True when the rule needs type information; ours never do, they only improve with it. */
  requiresTypeChecking?: boolean;
  /** Options the `strict` config uses instead of the defaults (JSON, like all options). */
  strictOptions?: readonly unknown[];
}

const REPO_URL = 'https://github.com/async-pitfalls/eslint-plugin-async-pitfalls';

/** The one rule factory of the plugin: every rule's docs URL points at its page in the repository. */
export const createRule = ESLintUtils.RuleCreator<AsyncPitfallsRuleDocs>(
  (name) => `${REPO_URL}/blob/main/docs/rules/${name}.md`,
);
