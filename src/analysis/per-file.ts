import type { TSESLint } from '@typescript-eslint/utils';

/** What every per-file analysis is computed from: the rule context of any rule of the plugin. */
export type AnyRuleContext = Readonly<TSESLint.RuleContext<string, readonly unknown[]>>;

/**
 * Makes `compute` a per-file question: the first rule of the plugin that asks it for a file
 * computes the answer, every later rule (and every later call of the same rule) gets the same
 * object back.
 *
 * The cache is a module-level `WeakMap` keyed by the file's AST root (`sourceCode.ast`):
 * - every host builds a new `Program` node per linted file and hands the same one to every rule, so
 *   the key is exactly "this file". The `SourceCode` object is not a key to rely on: ESLint creates one
 *   per file, but oxlint's JS plugin host hands every file the same frozen `SourceCode` object, whose
 *   getters read the current file. oxlint 1.x replaces the global `WeakMap` with a subclass that
 *   forgets that one key after each file, so a `WeakMap` keyed by it happens to work there; any other
 *   cache keyed by it (a `Map`, a `WeakMap` built before the patch, another host) would hand every
 *   file the first file's answers. The AST root needs no such help;
 * - with `--concurrency`, every worker thread loads its own copy of this module, so no two threads
 *   share a map;
 * - the entry goes when the host drops the file's AST.
 *
 * `compute` must depend on nothing but the file (its `SourceCode`, filename, parser services,
 * language options and shared `settings`): never on one rule's options, because the rule that
 * happens to ask first would decide the answer for all. Answers should themselves be lazy
 * (compute on first question), so a file where nothing can match costs almost nothing.
 */
export function perFile<T>(compute: (context: AnyRuleContext) => T): (context: AnyRuleContext) => T {
  const cache = new WeakMap<object, T>();
  return (context) => {
    const key = context.sourceCode.ast;
    // One lookup for the usual case (an answer that is not `undefined`).
    const cached = cache.get(key);
    if (cached !== undefined || cache.has(key)) return cached as T;
    const value = compute(context);
    cache.set(key, value);
    return value;
  };
}
