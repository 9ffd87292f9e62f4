import path from 'node:path';
import rule, { type MessageIds, type Options } from '../../src/rules/no-misused-async-callback';
import { testDocsExamples } from '../docs-examples';
import { FIXTURES_DIR, ruleTester } from '../rule-tester';

// @typescript-eslint/rule-tester pins its own copy of utils; the rule is the same object at run time.
const testedRule = rule as unknown as Parameters<typeof ruleTester.run<MessageIds, Options>>[1];

ruleTester.run('no-misused-async-callback', testedRule, {
  valid: [
    // an async executor in test code: the runner reports the lost rejection and the test that
    // awaits the wrapper times out, so the failure is seen
    {
      filename: 'sync.test.ts',
      code: "test('syncs', async (t) => {\n  await new Promise(async (resolve) => {\n    await connect({ onSynced: () => resolve() });\n  });\n});",
    },
    {
      filename: 'src/__tests__/sync.ts',
      code: 'const p = new Promise(async (resolve, reject) => {\n  resolve(await load());\n});',
    },
    // synchronous callbacks
    'items.forEach((item) => console.log(item));',
    'items.filter((item) => item.ok);',
    'items.sort((a, b) => a - b);',
    // async callbacks where the caller waits for them
    'async function f(items) { await Promise.all(items.map(async (item) => save(item))); }',
    'function f(items) { return items.map(async (item) => save(item)); }',
    'async function f(items) { const tasks = items.map(async (item) => save(item)); await Promise.all(tasks); }',
    'function f(items) { track(items.map(async (item) => save(item))); }',
    'void items.map(async (item) => save(item));',
    'export const uploads = files.map(async (file) => upload(file));',
    'function f(files) { const _ignored = files.map(async (file) => upload(file)); }',
    // streams and async iterator helpers await their callbacks (result awaited or iterated)
    'async function f(stream) { await stream.forEach(async (chunk) => write(chunk)); }',
    'async function f(stream) { const kept = await stream.filter(async (chunk) => check(chunk)).toArray(); }',
    'async function f(stream) { for await (const x of stream.map(async (chunk) => parse(chunk))) use(x); }',
    // async reducers that await the accumulator, chain on it, pass it on, or never read it
    'items.reduce(async (acc, item) => { const list = await acc; list.push(item); return list; }, Promise.resolve([]));',
    'items.reduce(async (acc, item) => acc.then((list) => [...list, item]), Promise.resolve([]));',
    'items.reduce(async (acc, item) => { await acc; await save(item); }, Promise.resolve());',
    'items.reduce(async (acc, item) => merge(acc, item), {});',
    'items.reduce(async (_, item) => save(item), null);',
    // not a function declared async; untyped mode does not guess from names
    'items.forEach(save);',
    'items.forEach(this.save);',
    'items.forEach((item) => saveAsync(item));',
    // the executor of a local Promise class, or a sync executor
    'class Promise { constructor(fn) {} } new Promise(async () => {});',
    'new Promise((resolve) => setTimeout(resolve, 10));',
    'async function load() {} new Promise((resolve, reject) => load().then(resolve, reject));',
    // the classic sequential reducer chains on the accumulator
    'async function run(x) {} items.reduce((chain, item) => chain.then(() => run(item)), Promise.resolve());',
    // async generators are not promise-returning
    'items.forEach(async function* (item) { yield item; });',
    // typed-only checks are off without type information
    'setTimeout(async () => { await work(); }, 10);',
    'emitter.on("data", async (chunk) => { await write(chunk); });',
  ],
  invalid: [
    // forEach: suggestions only when the receiver is known to be an array and we run inside an async function
    {
      code: 'async function main(users) {\n  users.forEach(async (user) => {\n    await notify(user);\n  });\n}',
      errors: [{ messageId: 'ignoredCallback', data: { method: 'forEach' }, line: 2, column: 17, suggestions: [] }],
    },
    {
      code: 'async function main() {\n  const ids = [1, 2, 3];\n  ids.forEach(async (id) => {\n    await remove(id);\n  });\n}',
      errors: [
        {
          messageId: 'ignoredCallback',
          data: { method: 'forEach' },
          line: 3,
          column: 15,
          suggestions: [
            {
              messageId: 'suggestForOf',
              output: 'async function main() {\n  const ids = [1, 2, 3];\n  for (const id of ids) {\n    await remove(id);\n  }\n}',
            },
            {
              messageId: 'suggestPromiseAll',
              output: 'async function main() {\n  const ids = [1, 2, 3];\n  await Promise.all(ids.map(async (id) => {\n    await remove(id);\n  }));\n}',
            },
          ],
        },
      ],
    },
    {
      code: 'async function main(config) {\n  Object.entries(config).forEach(async ([key, value]) => save(key, value));\n}',
      errors: [
        {
          messageId: 'ignoredCallback',
          data: { method: 'forEach' },
          line: 2,
          column: 34,
          suggestions: [
            {
              messageId: 'suggestForOf',
              output: 'async function main(config) {\n  for (const [key, value] of Object.entries(config)) await save(key, value);\n}',
            },
            {
              messageId: 'suggestPromiseAll',
              output: 'async function main(config) {\n  await Promise.all(Object.entries(config).map(async ([key, value]) => save(key, value)));\n}',
            },
          ],
        },
      ],
    },
    // no for...of when a return, a `var`, an index parameter or a shadowing name would change the meaning
    {
      code: 'async function main() {\n  [1, 2].forEach(async (n) => {\n    if (n) return;\n    await save(n);\n  });\n}',
      errors: [
        {
          messageId: 'ignoredCallback',
          line: 2,
          column: 18,
          suggestions: [
            {
              messageId: 'suggestPromiseAll',
              output: 'async function main() {\n  await Promise.all([1, 2].map(async (n) => {\n    if (n) return;\n    await save(n);\n  }));\n}',
            },
          ],
        },
      ],
    },
    {
      code: 'async function main() {\n  [1, 2].forEach(async (n, i) => { await save(n, i); });\n}',
      errors: [
        {
          messageId: 'ignoredCallback',
          line: 2,
          column: 18,
          suggestions: [
            {
              messageId: 'suggestPromiseAll',
              output: 'async function main() {\n  await Promise.all([1, 2].map(async (n, i) => { await save(n, i); }));\n}',
            },
          ],
        },
      ],
    },
    {
      code: 'async function main() {\n  const n = [1];\n  n.forEach(async (n) => { await save(n); });\n}',
      errors: [
        {
          messageId: 'ignoredCallback',
          line: 3,
          column: 13,
          suggestions: [
            {
              messageId: 'suggestPromiseAll',
              output: 'async function main() {\n  const n = [1];\n  await Promise.all(n.map(async (n) => { await save(n); }));\n}',
            },
          ],
        },
      ],
    },
    {
      code: 'async function main() {\n  [1].forEach(async (n) => { var x = await save(n); });\n}',
      errors: [
        {
          messageId: 'ignoredCallback',
          line: 2,
          column: 15,
          suggestions: [
            {
              messageId: 'suggestPromiseAll',
              output: 'async function main() {\n  await Promise.all([1].map(async (n) => { var x = await save(n); }));\n}',
            },
          ],
        },
      ],
    },
    // no suggestion outside an async function
    {
      code: 'function main() {\n  [1, 2].forEach(async (n) => { await save(n); });\n}',
      errors: [{ messageId: 'ignoredCallback', line: 2, column: 18, suggestions: [] }],
    },
    // named async functions and non-async functions returning promises
    {
      code: 'async function notify(user) {}\nusers.forEach(notify);',
      errors: [{ messageId: 'ignoredCallback', data: { method: 'forEach' }, line: 2, column: 15 }],
    },
    {
      code: 'const notify = async (user) => {};\nusers.forEach((user) => notify(user));',
      errors: [{ messageId: 'ignoredPromiseCallback', data: { method: 'forEach' }, line: 2, column: 15 }],
    },
    {
      code: 'users.forEach(async function (user) { await notify(user); });',
      errors: [{ messageId: 'ignoredCallback', data: { method: 'forEach' }, line: 1, column: 15 }],
    },
    {
      code: 'map.forEach(async (value, key) => { await save(key, value); });',
      errors: [{ messageId: 'ignoredCallback', data: { method: 'forEach' }, line: 1, column: 13 }],
    },

    // predicates: a promise is always truthy
    {
      code: 'const active = users.filter(async (user) => await isActive(user));',
      errors: [{ messageId: 'predicateCallback', data: { method: 'filter' }, line: 1, column: 29 }],
    },
    ...['some', 'every', 'find', 'findIndex', 'findLast', 'findLastIndex'].map((method) => ({
      code: `const found = users.${method}(async (user) => check(user));`,
      errors: [{ messageId: 'predicateCallback' as const, data: { method }, line: 1, column: 22 + method.length }],
    })),
    {
      code: 'async function isAdmin(user) { return (await roles(user)).includes("admin"); }\nif (users.some(isAdmin)) grant();',
      errors: [{ messageId: 'predicateCallback', data: { method: 'some' }, line: 2, column: 16 }],
    },
    // comparators: a promise is NaN
    {
      code: 'items.sort(async (a, b) => (await rank(a)) - (await rank(b)));',
      errors: [{ messageId: 'comparatorCallback', data: { method: 'sort' }, line: 1, column: 12 }],
    },
    {
      code: 'const sorted = items.toSorted(async (a, b) => compare(a, b));',
      errors: [{ messageId: 'comparatorCallback', data: { method: 'toSorted' }, line: 1, column: 31 }],
    },

    // map whose promises are dropped
    {
      code: 'async function main(files) {\n  files.map(async (file) => upload(file));\n}',
      errors: [
        {
          messageId: 'mapDropped',
          data: { method: 'map' },
          line: 2,
          column: 13,
          suggestions: [
            {
              messageId: 'suggestPromiseAll',
              output: 'async function main(files) {\n  await Promise.all(files.map(async (file) => upload(file)));\n}',
            },
          ],
        },
      ],
    },
    {
      code: 'async function main(files) {\n  const uploads = files.map(async (file) => upload(file));\n}',
      errors: [{ messageId: 'mapDropped', data: { method: 'map' }, line: 2, column: 29, suggestions: [] }],
    },
    {
      code: 'function main(groups) {\n  groups.flatMap(async (group) => upload(group));\n}',
      errors: [{ messageId: 'mapDropped', data: { method: 'flatMap' }, line: 2, column: 18, suggestions: [] }],
    },
    {
      code: 'function main(files) {\n  files.map(async (file) => upload(file));\n}',
      errors: [{ messageId: 'mapDropped', data: { method: 'map' }, line: 2, column: 13, suggestions: [] }],
    },

    // async reducers using the accumulator without awaiting it
    {
      code: 'const byId = items.reduce(async (acc, item) => {\n  acc[item.id] = await load(item);\n  return acc;\n}, {});',
      errors: [{ messageId: 'accumulatorNotAwaited', data: { method: 'reduce', name: 'acc' }, line: 1, column: 27 }],
    },
    {
      code: 'const all = items.reduceRight(async (list, item) => [...list, await load(item)], []);',
      errors: [{ messageId: 'accumulatorNotAwaited', data: { method: 'reduceRight', name: 'list' }, line: 1, column: 31 }],
    },
    {
      code: 'const total = items.reduce(async (sum, item) => sum + (await price(item)), 0);',
      errors: [{ messageId: 'accumulatorNotAwaited', data: { method: 'reduce', name: 'sum' }, line: 1, column: 28 }],
    },

    // async Promise executors
    {
      code: 'const p = new Promise(async (resolve, reject) => {\n  resolve(await load());\n});',
      errors: [{ messageId: 'promiseExecutor', line: 1, column: 23 }],
    },
    {
      code: 'const p = new Promise(async function (resolve) { resolve(await load()); });',
      errors: [{ messageId: 'promiseExecutor', line: 1, column: 23 }],
    },
    // ...in test code with checkTestCode (on in strict)
    {
      filename: 'sync.test.ts',
      options: [{ checkTestCode: true }],
      code: "test('syncs', async (t) => {\n  await new Promise(async (resolve) => {\n    await connect({ onSynced: () => resolve() });\n  });\n});",
      errors: [{ messageId: 'promiseExecutor', line: 2, column: 21 }],
    },
    // other callbacks are reported in test code either way: the test stops waiting before they run
    {
      filename: 'sync.test.ts',
      code: "test('saves all', async () => {\n  users.forEach(async (user) => {\n    await save(user);\n  });\n});",
      errors: [{ messageId: 'ignoredCallback', data: { method: 'forEach' }, line: 2, column: 17, suggestions: [] }],
    },
  ],
});

// Untyped mode reads relative modules' text for async exports: lint as a file beside the fixtures.
const filename = path.join(FIXTURES_DIR, 'file.ts');

ruleTester.run('no-misused-async-callback (untyped, across modules)', testedRule, {
  valid: [{ filename, code: "import { syncValue } from './promise-api';\n[1].forEach(syncValue);" }],
  invalid: [
    {
      filename,
      code: "import { saveUser } from './promise-api';\nexport function f(names: string[]) {\n  names.forEach(saveUser);\n}",
      errors: [{ messageId: 'ignoredCallback', data: { method: 'forEach' }, line: 3, column: 17, suggestions: [] }],
    },
  ],
});

testDocsExamples('no-misused-async-callback', rule as never);
