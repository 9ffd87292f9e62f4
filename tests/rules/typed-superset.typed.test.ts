// Typed results must be a superset of untyped ones: every case of the untyped rule tests (valid and
// invalid) is linted both ways, and every untyped report must also come out typed, unless listed
// below with the type that proves the untyped guess wrong. The untyped test files register their
// cases through `ruleTester.run`; this file collects them instead of running them.
import assert from 'node:assert/strict';
import path from 'node:path';
import { describe, it } from 'node:test';
import * as parser from '@typescript-eslint/parser';
import type { RunTests } from '@typescript-eslint/rule-tester';
import { Linter } from 'eslint';
import { FIXTURES_DIR, ruleTester } from '../rule-tester';

type Collected = { name: string; rule: unknown; tests: RunTests<string, readonly unknown[]> };
const collected: Collected[] = [];
const originalRun = ruleTester.run.bind(ruleTester);
ruleTester.run = ((name: string, rule: unknown, tests: RunTests<string, readonly unknown[]>) => {
  collected.push({ name, rule, tests });
}) as typeof ruleTester.run;

/**
 * Untyped reports the checker proves wrong, by rule and code excerpt, with the reason.
 * Empty today: every untyped report is also a typed one.
 */
const PROVEN_WRONG: readonly { rule: string; excerpt: string; reason: string }[] = [];

type Case = { code: string; options?: readonly unknown[]; filename?: string };

function lint(linter: Linter, rule: unknown, item: Case, typed: boolean): string[] {
  const jsx = item.filename?.endsWith('x') === true || /<[A-Za-z][^>]*\/?>/.test(item.code);
  const filename = path.join(FIXTURES_DIR, jsx ? 'file.tsx' : 'file.ts');
  const messages = linter.verify(
    item.code,
    [
      {
        files: ['**/*.ts', '**/*.tsx'],
        languageOptions: {
          parser: parser as Linter.Parser,
          parserOptions: typed
            ? { projectService: { allowDefaultProject: ['*.tsx'], defaultProject: 'tsconfig.json' }, tsconfigRootDir: FIXTURES_DIR, ecmaFeatures: { jsx: true } }
            : { ecmaFeatures: { jsx: true } },
        },
        plugins: { t: { rules: { rule: rule as never } } },
        rules: { 't/rule': ['error', ...(item.options ?? [])] },
      },
    ],
    { filename },
  );
  return messages.map((message) =>
    message.ruleId === 't/rule' ? `${message.messageId ?? '?'}@${message.line}:${message.column}` : `fatal: ${message.message}`,
  );
}

describe('typed results are a superset of untyped ones', async () => {
  const runs: { file: string; collected: Collected[] }[] = [];
  for (const file of ['./no-floating-promises.test.ts', './no-misused-async-callback.test.ts']) {
    collected.length = 0;
    await import(file);
    runs.push({ file, collected: [...collected] });
  }
  ruleTester.run = originalRun;
  const linter = new Linter({ configType: 'flat', cwd: FIXTURES_DIR });
  const callbackRule = runs[1]?.collected[0]?.rule;

  it('the typed run has type information (a typed-only report appears)', () => {
    const code = 'setTimeout(async () => { await fetch("/x"); }, 1);';
    assert.deepEqual(lint(linter, callbackRule, { code }, false), []);
    assert.deepEqual(lint(linter, callbackRule, { code }, true), ['voidReturn@1:12']);
  });

  for (const { file, collected: found } of runs) {
    for (const { name, rule, tests } of found) {
      const cases: Case[] = [...tests.valid, ...tests.invalid].map((item) => (typeof item === 'string' ? { code: item } : item));
      it(`${file} › ${name}: ${cases.length} cases`, () => {
        const failures: string[] = [];
        for (const item of cases) {
          // Cases about other files' text (relative modules) keep their own tests.
          if (item.filename && !item.filename.startsWith(FIXTURES_DIR)) continue;
          const untyped = lint(linter, rule, item, false);
          if (untyped.some((message) => message.startsWith('fatal'))) continue;
          const typed = new Set(lint(linter, rule, item, true));
          for (const message of untyped) {
            if (typed.has(message)) continue;
            if (PROVEN_WRONG.some((entry) => name.startsWith(entry.rule) && item.code.includes(entry.excerpt))) continue;
            failures.push(`${message} missing typed in:\n${item.code}\n(typed: ${[...typed].join(', ') || 'nothing'})`);
          }
        }
        assert.deepEqual(failures, []);
      });
    }
  }
});
