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

const namedRule = ESLintUtils.RuleCreator<AsyncPitfallsRuleDocs>((name) => `${REPO_URL}/blob/main/docs/rules/${name}.md`);

/**
 * The one rule factory of the plugin: every rule's docs URL points at its page in the repository.
 *
 * typescript-eslint's factory applies the default options for every file it lints (a
 * `structuredClone` of the defaults, then a deep merge), which costs about as much as a small
 * file's whole analysis. Here the options with defaults are computed once per distinct
 * configuration (the last one seen, compared by its JSON) and the same object is handed to every
 * file linted with it: rules read their options and never modify them.
 */
export function createRule<Options extends readonly unknown[], MessageIds extends string>(
  spec: Readonly<ESLintUtils.RuleWithMetaAndName<Options, MessageIds, AsyncPitfallsRuleDocs>>,
): ReturnType<typeof namedRule<Options, MessageIds>> {
  const rule = namedRule(spec);
  const defaults: Readonly<Options> = spec.meta.defaultOptions ?? spec.defaultOptions ?? ([] as unknown as Options);
  let lastKey: string | null = null;
  let lastOptions: Readonly<Options> = defaults;
  return {
    ...rule,
    create(context) {
      const key = JSON.stringify(context.options);
      if (key !== lastKey) {
        lastOptions = ESLintUtils.applyDefault(defaults, context.options);
        lastKey = key;
      }
      return spec.create(context, lastOptions);
    },
  };
}
