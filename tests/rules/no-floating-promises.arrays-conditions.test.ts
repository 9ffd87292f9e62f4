// Untyped: arrays of promises that nobody waits for, and promise calls used as conditions.
import rule, { type MessageIds, type Options } from '../../src/rules/no-floating-promises';
import { ruleTester } from '../rule-tester';

// @typescript-eslint/rule-tester pins its own copy of utils; the rule is the same object at run time.
const testedRule = rule as unknown as Parameters<typeof ruleTester.run<MessageIds, Options>>[1];

const SAVE = 'async function save(x) { return x; }\n';

ruleTester.run('no-floating-promises (arrays and conditions)', testedRule, {
  valid: [
    // arrays of promises that are awaited, returned, passed on or read later
    `${SAVE}async function f() { await Promise.all([save(1), save(2)]); }`,
    `${SAVE}function f() { return [save(1), save(2)]; }`,
    `${SAVE}async function f() { const all = [save(1), save(2)]; await Promise.all(all); }`,
    // arrays without a known promise
    `${SAVE}[load(1), load(2)];`,
    `${SAVE}[1, 2];`,
    // a variable caching a promise is tested for presence on purpose
    `${SAVE}let pending;\nfunction f() { if (pending) return pending; pending = save(1); return pending; }`,
    `${SAVE}const ready = save(1);\nexport const value = ready ? 1 : 2;`,
    // awaited calls, sync calls and unknown calls in conditions
    `${SAVE}async function f() { if (await save(1)) return 1; return 0; }`,
    `${SAVE}function check() { return true; }\nif (check()) run();`,
    'if (isAllowed(user)) run();',
    // a chain as a condition is not a forgotten await of a call
    `${SAVE}if (save(1).then(Boolean)) run();`,
  ],
  invalid: [
    // an array of promises dropped as a statement
    {
      code: `${SAVE}async function f() {\n  [save(1), save(2)];\n}`,
      errors: [
        {
          messageId: 'floatingArray',
          line: 3,
          column: 3,
          suggestions: [{ messageId: 'suggestAwaitAll', output: `${SAVE}async function f() {\n  await Promise.all([save(1), save(2)]);\n}` }],
        },
      ],
    },
    // outside an async function: no suggestion
    {
      code: `${SAVE}[save(1), 2];`,
      errors: [{ messageId: 'floatingArray', line: 2, column: 1, suggestions: [] }],
    },
    // stored in a local variable that is never read
    {
      code: `${SAVE}function f() {\n  const all = [save(1), save(2)];\n}`,
      errors: [{ messageId: 'dangling', data: { name: 'all' }, line: 3, column: 9 }],
    },
    // a promise call as a condition: a forgotten await
    {
      code: `${SAVE}async function f(user) {\n  if (save(user)) return 1;\n  return 0;\n}`,
      errors: [
        {
          messageId: 'conditional',
          data: { name: 'save' },
          line: 3,
          column: 7,
          suggestions: [{ messageId: 'suggestAwait', output: `${SAVE}async function f(user) {\n  if ((await save(user))) return 1;\n  return 0;\n}` }],
        },
      ],
    },
    {
      code: `${SAVE}function f(user) {\n  while (!save(user)) break;\n  return user && save(user) ? 1 : 2;\n}`,
      errors: [
        { messageId: 'conditional', data: { name: 'save' }, line: 3, column: 11, suggestions: [] },
        { messageId: 'conditional', data: { name: 'save' }, line: 4, column: 18, suggestions: [] },
      ],
    },
    {
      code: 'if (fetch("/ok")) run();',
      errors: [{ messageId: 'conditional', data: { name: 'fetch' }, line: 1, column: 5, suggestions: [] }],
    },
  ],
});
