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

  // one record per file holds every question's answer
  it('keeps each question its own answer for the same file', () => {
    const context = { sourceCode: { ast: { type: 'Program' } } } as unknown as AnyRuleContext;
    const size = perFile(() => 'size');
    const kind = perFile(() => 'kind');
    assert.equal(size(context), 'size');
    assert.equal(kind(context), 'kind');
    assert.equal(size(context), 'size');
  });

  it('computes an undefined or null answer only once', () => {
    const context = { sourceCode: { ast: { type: 'Program' } } } as unknown as AnyRuleContext;
    let computed = 0;
    const nothing = perFile(() => {
      computed += 1;
      return undefined;
    });
    const none = perFile(() => {
      computed += 1;
      return null;
    });
    assert.equal(nothing(context), undefined);
    assert.equal(nothing(context), undefined);
    assert.equal(none(context), null);
    assert.equal(none(context), null);
    assert.equal(computed, 2);
  });

  it('keeps both answers when one question asks another while it computes', () => {
    const context = { sourceCode: { ast: { type: 'Program' } } } as unknown as AnyRuleContext;
    let innerComputed = 0;
    // Made after the outer question, so its slot comes later in the record.
    let inner: (context: AnyRuleContext) => { n: number } = () => ({ n: -1 });
    const outer = perFile((asked) => ({ inner: inner(asked) }));
    inner = perFile(() => ({ n: ++innerComputed }));
    const first = outer(context);
    assert.equal(first.inner, inner(context));
    assert.equal(outer(context), first);
    assert.equal(innerComputed, 1);
  });
});
