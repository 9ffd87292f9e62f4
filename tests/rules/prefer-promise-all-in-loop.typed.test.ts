import rule, { type MessageIds, type Options } from '../../src/rules/prefer-promise-all-in-loop';
import { typedRuleTester } from '../rule-tester';
import { withoutEvidenceGate } from './loop-evidence-gate';

// With type information, a loop over an array is rewritten with `.map`; other iterables keep `Array.from`.
// The rule tester bundles its own copy of @typescript-eslint/utils; the cast bridges the two identical types.
typedRuleTester.run<MessageIds, Options>('prefer-promise-all-in-loop (typed)', withoutEvidenceGate(rule as never), {
  valid: [],
  invalid: [
    {
      code: `
declare function save(id: string): Promise<void>;
export async function f(ids: string[]) {
  for (const id of ids) {
    await save(id);
  }
}`,
      filename: 'file.ts',
      errors: [
        {
          messageId: 'awaitInLoop',
          line: 5,
          column: 5,
          suggestions: [
            {
              messageId: 'useGatherMap',
              output: `
declare function save(id: string): Promise<void>;
export async function f(ids: string[]) {
  await Promise.all(ids.map(async (id) => {
    await save(id);
  }));
}`,
            },
          ],
        },
      ],
    },
    {
      code: `
declare function save(id: string): Promise<void>;
export async function f(ids: Set<string>) {
  for (const id of ids) {
    await save(id);
  }
}`,
      filename: 'file.ts',
      errors: [
        {
          messageId: 'awaitInLoop',
          line: 5,
          column: 5,
          suggestions: [
            {
              messageId: 'useGatherMap',
              output: `
declare function save(id: string): Promise<void>;
export async function f(ids: Set<string>) {
  await Promise.all(Array.from(ids, async (id) => {
    await save(id);
  }));
}`,
            },
          ],
        },
      ],
    },
    {
      code: `
declare function save(id: string): Promise<void>;
export async function f(a: string[], b: string[] | undefined) {
  for (const id of b ?? a) {
    await save(id);
  }
}`,
      filename: 'file.ts',
      errors: [
        {
          messageId: 'awaitInLoop',
          line: 5,
          column: 5,
          suggestions: [
            {
              messageId: 'useGatherMap',
              output: `
declare function save(id: string): Promise<void>;
export async function f(a: string[], b: string[] | undefined) {
  await Promise.all((b ?? a).map(async (id) => {
    await save(id);
  }));
}`,
            },
          ],
        },
      ],
    },
  ],
});
