/**
 * The loop rule's tests of its order checks (what must stay sequential, what is independent) run
 * with the evidence gate off (`requireEvidence: false`), so each case tests the check it was written
 * for whatever its snippet says about the cost of an iteration. The gate itself is tested at the
 * default options in `prefer-promise-all-in-loop.evidence.test.ts`.
 */
import type { TSESLint } from '@typescript-eslint/utils';

type AnyRule = { create: (context: never) => unknown };

/** `rule` with `requireEvidence: false` added to the options of every case (its other options kept). */
export function withoutEvidenceGate<T>(rule: T): T {
  const inner = rule as unknown as AnyRule;
  return {
    ...(rule as object),
    create(context: TSESLint.RuleContext<string, readonly unknown[]>) {
      const given = (context.options[0] ?? {}) as Record<string, unknown>;
      const options = [{ requireEvidence: false, ...given }, ...context.options.slice(1)];
      return inner.create(Object.create(context, { options: { value: options } }) as never);
    },
  } as T;
}
