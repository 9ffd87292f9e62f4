import path from 'node:path';
import { after, describe, it } from 'node:test';
import { RuleTester } from '@typescript-eslint/rule-tester';

// @typescript-eslint/rule-tester runs on node:test through these hooks.
RuleTester.afterAll = after;
RuleTester.describe = describe;
RuleTester.it = it;
RuleTester.itOnly = it.only;

export const FIXTURES_DIR = path.join(__dirname, 'fixtures');

/** Untyped mode: the TypeScript parser without a program, as most JS users run the rules. */
export const ruleTester = new RuleTester({
  languageOptions: {
    parserOptions: { ecmaFeatures: { jsx: true } },
  },
});

/**
 * Typed mode: a real program from `tests/fixtures/tsconfig.json`. Cases use
 * `filename: 'file.ts'` (or another file in the fixture folder) so the project contains them.
 */
export const typedRuleTester = new RuleTester({
  languageOptions: {
    parserOptions: {
      // `.ts` files in the fixture folder belong to its tsconfig (allowing them as default-project
      // files too is a parsing error). `file.tsx` shares `file.ts`'s base name, so TypeScript leaves
      // it out of the project: it gets the default project.
      projectService: { allowDefaultProject: ['*.tsx'], defaultProject: 'tsconfig.json' },
      tsconfigRootDir: FIXTURES_DIR,
    },
  },
});
