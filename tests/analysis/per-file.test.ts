import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { Linter } from 'eslint';
import type { TSESLint } from '@typescript-eslint/utils';
import { perFile, type AnyRuleContext } from '../../src/analysis/per-file';

/** Lints `code` with two probe rules that both ask `question`, returns what each got per file. */
function askFromTwoRules<T>(question: (context: AnyRuleContext) => T, codes: string[]): T[][] {
  const answers: T[][] = [];
  const probe = (): TSESLint.RuleModule<string, []> => ({
    defaultOptions: [],
    meta: { type: 'problem', messages: {}, schema: [] },
    create: (context) => ({ Program: () => void answers.at(-1)?.push(question(context)) }),
  });
  const linter = new Linter({ configType: 'flat' });
  for (const code of codes) {
    answers.push([]);
    linter.verify(code, {
      plugins: { test: { rules: { a: probe() as never, b: probe() as never } } },
      rules: { 'test/a': 'error', 'test/b': 'error' },
    });
  }
  return answers;
}

describe('perFile', () => {
  it('computes once per file and hands every rule the same answer', () => {
    let computed = 0;
    const question = perFile(() => ({ id: ++computed }));
    const [first, second] = askFromTwoRules(question, ['a;', 'b;']);
    assert.equal(computed, 2);
    assert.equal(first?.[0], first?.[1]);
    assert.equal(second?.[0], second?.[1]);
    assert.notEqual(first?.[0], second?.[0]);
  });

  it('keys on the file, not on the SourceCode object (oxlint hands every file the same one)', () => {
    // oxlint's JS plugin host: one frozen SourceCode whose getters read the file being linted.
    let ast = { type: 'Program' };
    const sourceCode = {
      get ast() {
        return ast;
      },
    };
    const context = { sourceCode } as unknown as AnyRuleContext;
    let computed = 0;
    const question = perFile(() => ({ id: ++computed }));
    const first = question(context);
    assert.equal(question(context), first);
    ast = { type: 'Program' };
    const second = question(context);
    assert.notEqual(second, first);
    assert.equal(question(context), second);
    assert.equal(computed, 2);
  });
});
