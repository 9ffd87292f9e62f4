import path from 'node:path';
import type { InvalidTestCase, ValidTestCase } from '@typescript-eslint/rule-tester';
import rule, { type MessageIds, type Options } from '../../src/rules/no-floating-promises';
import { FIXTURES_DIR, ruleTester, typedRuleTester } from '../rule-tester';

// @typescript-eslint/rule-tester pins its own copy of utils; the rule is the same object at run time.
const testedRule = rule as unknown as Parameters<typeof typedRuleTester.run<MessageIds, Options>>[1];

/** A file of the fixture program, under this repository's package.json (its `dependencies` are "installed with" it). */
const FILE = path.join(FIXTURES_DIR, 'file.ts');

/**
 * A lazily loaded converter: an async function that awaits `import()` of a package the program
 * depends on, then returns what a synchronous function of it answers (the checker knows it is no
 * promise). `directive` makes the file page code (`'use client'`) or leaves it a server module.
 */
function lazyConverter(directive: string): string {
  return `${directive}let converted = false;
export function preview(text: string) {
  const convert = async (value: any) => {
    const { ASTUtils } = await import('@typescript-eslint/utils');
    return ASTUtils.isIdentifier(value);
  };
  try {
    convert(text).then((done) => {
      converted = done;
    });
  } catch (error) {
    console.error(error);
  }
}`;
}

const PAGE_CONVERTER = lazyConverter("'use client';\n");
const pageConverterReport: InvalidTestCase<MessageIds, Options> = {
  filename: FILE,
  code: PAGE_CONVERTER,
  errors: [{ messageId: 'floatingChain', line: 9, column: 5, suggestions: [{ messageId: 'suggestVoid', output: PAGE_CONVERTER.replace('convert(text)', 'void convert(text)') }] }],
};

/** A stream reader whose options carry an error handler, and a chat client that takes one too. */
const STREAMING_API = `declare function streamEvents(url: string, init: { onmessage(data: string): void; onerror?(err: unknown): void }): Promise<void>;
interface ChatClient { chat(options: { prompt: string; onError?: (error: Error) => void }): Promise<void> }
declare function show(message: string): void;
`;

const valid: ValidTestCase<Options>[] = [
  // page code loads a package by `import()` as a chunk it fetches when the call runs: the
  // converter's promise can reject (below); a server module's dependency is installed with it, and
  // the checker knows the call after it returns no promise: nothing left to reject
  { filename: FILE, code: lazyConverter('') },
  // the options object hands failures to a handler written in place that reads the error: the
  // API reports them there (even when the handler rethrows to stop retrying), the caller chose it
  {
    filename: FILE,
    code: `${STREAMING_API}export function follow(url: string) {
  streamEvents(url, {
    onmessage(data) { show(data); },
    onerror(err) {
      show(String(err));
      throw err;
    },
  });
}`,
  },
  {
    filename: FILE,
    code: `${STREAMING_API}export function ask(client: ChatClient, prompt: string) {
  client.chat({ prompt, onError: (error) => show(error.message) });
}`,
  },
];

const IGNORING_HANDLER = `${STREAMING_API}export function ask(client: ChatClient, prompt: string) {
  client.chat({ prompt, onError() { show('failed'); } });
}`;

const invalid: InvalidTestCase<MessageIds, Options>[] = [
  // typed is at least as strict as untyped: the lazily loaded chunk of page code may fail to load
  pageConverterReport,
  // a handler that ignores the error it is handed does not take the failure
  {
    filename: FILE,
    code: IGNORING_HANDLER,
    errors: [{ messageId: 'floating', line: 5, column: 3, suggestions: [{ messageId: 'suggestVoid', output: IGNORING_HANDLER.replace('client.chat(', 'void client.chat(') }] }],
  },
];

typedRuleTester.run('no-floating-promises (typed: lazy chunks of page code, error handlers in options)', testedRule, { valid, invalid });
ruleTester.run('no-floating-promises (untyped: the lazy chunk of page code)', testedRule, { valid: [], invalid: [pageConverterReport] });
