// Expected-error builders shared by the no-blocking-in-async test files.
import type { InvalidTestCase } from '@typescript-eslint/rule-tester';
import rule, { type MessageIds, type Options } from '../../src/rules/no-blocking-in-async';
import { ruleTester } from '../rule-tester';

export type Invalid = InvalidTestCase<MessageIds, Options>;
export type ExpectedError = Invalid['errors'][number];

/** The advice of the messages, as users read it. */
export const REPLACEMENT = {
  readFile: "'await readFile()' from 'node:fs/promises'",
  writeFile: "'await writeFile()' from 'node:fs/promises'",
  stat: "'await stat()' from 'node:fs/promises'",
  existsSync: "'await access()' from 'node:fs/promises' in a try/catch, or just attempt the operation",
  fsPromiseApi: "the promise API of 'node:fs/promises'",
  fsExtra: "the promise API of 'fs-extra' (its methods return promises without a callback)",
  childProcess: "'execFile' or 'spawn' (e.g. 'promisify(execFile)' from 'node:util')",
  zlib: "the callback API through 'promisify' (e.g. 'promisify(zlib.gzip)')",
  busyWait: "'await setTimeout(ms)' from 'node:timers/promises'",
  syncXhr: "'await fetch()' or an asynchronous XMLHttpRequest",
  other: 'an asynchronous alternative',
} as const;

/** Where the message places a call whose function has no evidence of concurrency (or with `reportIn: 'all'`). */
export const IN_ASYNC_FUNCTION = 'inside this async function';

/** Where the message places a call in an exported async function of a module that is not a script. */
export const IN_EXPORTED = 'inside this async function, which is exported: callers may run it beside other work';

/** A direct report: `messageId` for the category, `name` as the message shows it. */
export function error(
  messageId: MessageIds,
  name: string,
  replacement: string,
  line: number,
  column: number,
  suggestions: ExpectedError['suggestions'] = [],
  where: string = IN_ASYNC_FUNCTION,
): ExpectedError {
  return { messageId, data: { name, replacement, where }, line, column, suggestions };
}

/** A file-system report. */
export function fsError(
  name: string,
  replacement: string,
  line: number,
  column: number,
  suggestions: ExpectedError['suggestions'] = [],
  where: string = IN_ASYNC_FUNCTION,
): ExpectedError {
  return error('blockingFileSystem', name, replacement, line, column, suggestions, where);
}

/** The suggestion that swaps in the `node:fs/promises` twin. */
export function twin(name: string, output: string): NonNullable<ExpectedError['suggestions']>[number] {
  return { messageId: 'useAsyncTwin', data: { twin: name }, output };
}

/** A report at a call of a same-file helper that blocks. */
export function helperError(
  helper: string,
  chain: string,
  replacement: string,
  line: number,
  column: number,
  where: string = IN_ASYNC_FUNCTION,
): ExpectedError {
  return { messageId: 'blockingHelper', data: { helper, chain, replacement, where }, line, column };
}

/**
 * The rule as the RuleTester's own copy of `@typescript-eslint/utils` types it (rule-tester 8.72
 * nests utils 8.72 while the plugin builds on 8.73: same runtime objects, distinct private types).
 */
export const testedRule = rule as unknown as Parameters<typeof ruleTester.run<MessageIds, Options>>[1];

/**
 * `languageOptions` of a CommonJS file. ESLint reads `sourceType` from flat-config language
 * options at run time; the rule tester's `TestLanguageOptions` type does not list it.
 */
export function commonjs(globals: Record<string, 'readonly' | 'writable'> = {}): NonNullable<Invalid['languageOptions']> {
  return { sourceType: 'commonjs', globals } as NonNullable<Invalid['languageOptions']>;
}
