import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { parse } from '@typescript-eslint/parser';

interface CaseWithSuggestions {
  code: string;
  errors: ReadonlyArray<{ suggestions?: ReadonlyArray<{ output: string }> | null }>;
}

/**
 * Asserts that every suggestion output asserted in `cases` parses as a TypeScript module (the
 * rule tester checks the text; this checks the text is a program). Kept by the gathering rules'
 * tests until a shared helper exists.
 */
export function assertSuggestionsParse(ruleName: string, cases: readonly CaseWithSuggestions[]): void {
  describe(`${ruleName} suggestion outputs parse`, () => {
    cases.forEach((testCase, index) => {
      const outputs = testCase.errors.flatMap((error) => (error.suggestions ?? []).map((suggestion) => suggestion.output));
      if (outputs.length === 0) return;
      it(`case ${index + 1}`, () => {
        for (const output of outputs) {
          assert.doesNotThrow(() => parse(output, { sourceType: 'module', ecmaFeatures: { jsx: true } }), output);
        }
      });
    });
  });
}
