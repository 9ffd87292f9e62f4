/**
 * no-late-promise-handling and no-floating-promises split the "promise without a handler" mistakes
 * between them: one mistake, one report, whichever shape it takes.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { Linter } from 'eslint';
import * as tsParser from '@typescript-eslint/parser';
import noFloatingPromises from '../../src/rules/no-floating-promises';
import noLatePromiseHandling from '../../src/rules/no-late-promise-handling';

// Both helpers do real I/O, so their promises can reject (one that cannot is no-floating-promises' exception).
const PRELUDE = "async function load() { return fetch('/load'); }\nasync function other() { return fetch('/other'); }\n";

function reportsOf(code: string): string[] {
  const linter = new Linter({ configType: 'flat' });
  const messages = linter.verify(
    PRELUDE + code,
    {
      files: ['**/*.ts'],
      languageOptions: { parser: tsParser as Linter.Parser, sourceType: 'module' },
      plugins: {
        'async-pitfalls': {
          rules: { 'no-floating-promises': noFloatingPromises as never, 'no-late-promise-handling': noLatePromiseHandling as never },
        },
      },
      rules: { 'async-pitfalls/no-floating-promises': 'error', 'async-pitfalls/no-late-promise-handling': 'error' },
    },
    'file.ts',
  );
  assert.equal(messages.find((message) => message.fatal), undefined);
  return messages.map((message) => `${message.line - 2} ${message.ruleId ?? ''}`);
}

describe('no-late-promise-handling and no-floating-promises: one report per mistake', () => {
  const shapes: { name: string; code: string; expected: string }[] = [
    {
      name: 'stored and never read: no-floating-promises',
      code: 'export async function f() {\n  const p = load();\n  await other();\n}',
      expected: '2 async-pitfalls/no-floating-promises',
    },
    {
      name: 'handled only after another await: no-late-promise-handling',
      code: 'export async function f() {\n  const p = load();\n  await other();\n  return await p;\n}',
      expected: '2 async-pitfalls/no-late-promise-handling',
    },
    {
      name: 'abandoned by an early return: no-late-promise-handling',
      code: 'export async function f(x: boolean) {\n  const p = load();\n  if (x) return 0;\n  return await p;\n}',
      expected: '2 async-pitfalls/no-late-promise-handling',
    },
    {
      name: 'chained without a handler after the await: no-floating-promises, at the chain',
      code: 'export async function f() {\n  const p = load();\n  await other();\n  p.then((value) => console.log(value));\n}',
      expected: '4 async-pitfalls/no-floating-promises',
    },
    {
      name: 'an array awaited one by one: no-late-promise-handling',
      code: 'export async function f(ids: number[]) {\n  const pending = ids.map(() => load());\n  for (const p of pending) await p;\n}',
      expected: '2 async-pitfalls/no-late-promise-handling',
    },
  ];
  for (const shape of shapes) {
    it(shape.name, () => {
      assert.deepEqual(reportsOf(shape.code), [shape.expected]);
    });
  }
});
