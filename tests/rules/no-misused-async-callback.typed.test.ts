import rule, { type MessageIds, type Options } from '../../src/rules/no-misused-async-callback';
import { typedRuleTester } from '../rule-tester';

// @typescript-eslint/rule-tester pins its own copy of utils; the rule is the same object at run time.
const testedRule = rule as unknown as Parameters<typeof typedRuleTester.run<MessageIds, Options>>[1];

const IMPORT = "import { saveUser, syncValue } from './promise-api';\n";

typedRuleTester.run('no-misused-async-callback (typed)', testedRule, {
  valid: [
    // synchronous callbacks, including ones that call sync functions
    { filename: 'file.ts', code: `${IMPORT}['a'].forEach((name) => syncValue());` },
    // streams and async iterator helpers await their callbacks
    {
      filename: 'file.ts',
      code: "import { Readable } from 'node:stream';\nexport async function f(stream: Readable) {\n  await stream.forEach(async (chunk) => { void chunk; });\n  stream.map(async (chunk) => chunk);\n}",
    },
    // a parameter whose type allows a promise
    {
      filename: 'file.ts',
      code: `${IMPORT}declare function run(task: () => void | Promise<void>): void;\nrun(async () => { await saveUser('a'); });`,
    },
    {
      filename: 'file.ts',
      code: "import { test } from 'node:test';\ntest('a', async () => {});",
    },
    // event listeners are accepted by default
    {
      filename: 'file.ts',
      code: "import { EventEmitter } from 'node:events';\nconst emitter = new EventEmitter();\nemitter.on('data', async () => {});\nemitter.once('end', async () => {});",
    },
    // a collection whose forEach is declared to take async callbacks
    {
      filename: 'file.ts',
      code: 'declare const jobs: { forEach(run: (job: string) => Promise<void>): void };\njobs.forEach(async (job) => { void job; });',
    },
    // promise.finally waits for a promise its callback returns
    {
      filename: 'file.ts',
      code: `${IMPORT}export const done = saveUser('a').finally(async () => { await saveUser('b'); });`,
    },
    // an async function that catches everything does not reject
    {
      filename: 'file.ts',
      code: `${IMPORT}setTimeout(async () => {\n  try {\n    await saveUser('a');\n  } catch (error) {\n    console.error(error);\n  }\n}, 10);`,
    },
    // a sync Promise executor that adapts another promise
    {
      filename: 'file.ts',
      code: `${IMPORT}export const p = new Promise<string>((resolve, reject) => saveUser('a').then(resolve, reject));`,
    },
    // a parameter typed `any` or returning `unknown`
    { filename: 'file.ts', code: 'declare function run(task: any): void;\nrun(async () => {});' },
    { filename: 'file.ts', code: 'declare function run(task: () => unknown): void;\nrun(async () => {});' },
    // option checksVoidReturn: false
    {
      filename: 'file.ts',
      code: 'setTimeout(async () => {}, 10);',
      options: [{ checksVoidReturn: false }],
    },
  ],
  invalid: [
    // promise-returning callbacks recognized by type
    {
      filename: 'file.ts',
      code: `${IMPORT}export function f(names: string[]) {\n  names.forEach((name) => saveUser(name));\n}`,
      errors: [{ messageId: 'ignoredPromiseCallback', data: { method: 'forEach' }, line: 3, column: 17, suggestions: [] }],
    },
    {
      filename: 'file.ts',
      code: `${IMPORT}export function f(names: string[]) {\n  names.forEach(saveUser);\n}`,
      errors: [{ messageId: 'ignoredCallback', data: { method: 'forEach' }, line: 3, column: 17, suggestions: [] }],
    },
    {
      filename: 'file.ts',
      code: `${IMPORT}export const kept = ['a'].filter(saveUser);`,
      errors: [{ messageId: 'predicateCallback', data: { method: 'filter' }, line: 2, column: 34 }],
    },
    // suggestions need an array type
    {
      filename: 'file.ts',
      code: `${IMPORT}export async function f(names: string[]) {\n  names.forEach(async (name) => {\n    await saveUser(name);\n  });\n}`,
      errors: [
        {
          messageId: 'ignoredCallback',
          data: { method: 'forEach' },
          line: 3,
          column: 17,
          suggestions: [
            {
              messageId: 'suggestForOf',
              output: `${IMPORT}export async function f(names: string[]) {\n  for (const name of names) {\n    await saveUser(name);\n  }\n}`,
            },
            {
              messageId: 'suggestPromiseAll',
              output: `${IMPORT}export async function f(names: string[]) {\n  await Promise.all(names.map(async (name) => {\n    await saveUser(name);\n  }));\n}`,
            },
          ],
        },
      ],
    },
    {
      filename: 'file.ts',
      code: `${IMPORT}export async function f(names: Set<string>) {\n  names.forEach(async (name) => {\n    await saveUser(name);\n  });\n}`,
      errors: [{ messageId: 'ignoredCallback', data: { method: 'forEach' }, line: 3, column: 17, suggestions: [] }],
    },
    // void-returning parameters
    {
      filename: 'file.ts',
      code: `${IMPORT}setTimeout(async () => {\n  await saveUser('a');\n}, 10);`,
      errors: [{ messageId: 'voidReturn', data: { callee: 'setTimeout' }, line: 2, column: 12 }],
    },
    {
      filename: 'file.ts',
      code: `${IMPORT}declare function onChange(listener: (value: string) => void): void;\nonChange(saveUser);`,
      errors: [{ messageId: 'voidReturn', data: { callee: 'onChange' }, line: 3, column: 10 }],
    },
    {
      filename: 'file.ts',
      code: `${IMPORT}declare const server: { listen(port: number, done?: () => void): void };\nserver.listen(80, async () => { await saveUser('a'); });`,
      errors: [{ messageId: 'voidReturn', data: { callee: 'server.listen' }, line: 3, column: 19 }],
    },
    // a catch block that rethrows, or a finally block, can still reject
    {
      filename: 'file.ts',
      code: `${IMPORT}setTimeout(async () => {\n  try {\n    await saveUser('a');\n  } catch (error) {\n    throw new Error('failed', { cause: error });\n  }\n}, 10);`,
      errors: [{ messageId: 'voidReturn', data: { callee: 'setTimeout' }, line: 2, column: 12 }],
    },
    {
      filename: 'file.ts',
      code: `${IMPORT}setTimeout(async () => {\n  try {\n    await saveUser('a');\n  } catch {\n    console.error('x');\n  } finally {\n    await saveUser('b');\n  }\n}, 10);`,
      errors: [{ messageId: 'voidReturn', data: { callee: 'setTimeout' }, line: 2, column: 12 }],
    },
    // event listeners when allowEventListeners is off
    {
      filename: 'file.ts',
      code: "import { EventEmitter } from 'node:events';\nconst emitter = new EventEmitter();\nemitter.on('data', async () => {});",
      options: [{ allowEventListeners: false }],
      errors: [{ messageId: 'voidReturn', data: { callee: 'emitter.on' }, line: 3, column: 20 }],
    },
    // async executors are reported once, not also as void-returning
    {
      filename: 'file.ts',
      code: 'export const p = new Promise<void>(async (resolve) => { resolve(); });',
      errors: [{ messageId: 'promiseExecutor', line: 1, column: 36 }],
    },
  ],
});
