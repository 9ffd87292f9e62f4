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

/**
 * A stream follower whose error handler reports the error, then rethrows it to stop the retries:
 * the rethrown error rejects the dropped promise. `directive` makes the file page code.
 */
function rethrowingFollower(directive: string): string {
  return `${directive}${STREAMING_API}export function follow(url: string) {
  try {
    streamEvents(url, {
      onmessage(data) { show(data); },
      onerror(err) {
        show(String(err));
        throw err;
      },
    });
  } catch (error) {
    show(String(error));
  }
}`;
}

/**
 * A helper of the program that takes `{ onError }`; `guarded` puts its every await in a `try`
 * whose `catch` hands the error to the option (and rethrows it with `rethrow`), else only a bad
 * answer goes there and a failed write rejects the promise the caller drops. The caller drops
 * the helper's promise inside a `try` of its own. `directive` makes the file page code.
 */
function reportSender(guarded: boolean, rethrow = false, directive = ''): string {
  const body = `const answer = await post(JSON.stringify(report));
  if (!answer.ok) {
    onError(new Error(answer.statusText));
    return;
  }
  await markSent(report.id);`;
  return `${directive}declare function post(body: string): Promise<{ ok: boolean; statusText: string }>;
declare function markSent(id: string): Promise<void>;
declare const logger: { warn(error: unknown): void };
async function sendReport(report: { id: string }, { onError }: { onError: (error: Error) => void }) {
  ${guarded ? `try {\n    ${body.replace(/\n/g, '\n  ')}\n  } catch (error) {\n    onError(error as Error);${rethrow ? '\n    throw error;' : ''}\n  }` : body}
}
export function onJobDone(report: { id: string }) {
  try {
    sendReport(report, { onError: (err) => logger.warn(err) });
  } catch {
    logger.warn('not sent');
  }
}`;
}

const NODE_FOLLOWER = rethrowingFollower('');
const UNGUARDED_SENDER = reportSender(false);
const NODE_RETHROWING_SENDER = reportSender(true, true);
const senderReport: InvalidTestCase<MessageIds, Options> = {
  filename: FILE,
  code: UNGUARDED_SENDER,
  errors: [{ messageId: 'floating', line: 14, column: 5, suggestions: [{ messageId: 'suggestVoid', output: UNGUARDED_SENDER.replace('    sendReport(', '    void sendReport(') }] }],
};

const valid: ValidTestCase<Options>[] = [
  // page code loads a package by `import()` as a chunk it fetches when the call runs: the
  // converter's promise can reject (below); a server module's dependency is installed with it, and
  // the checker knows the call after it returns no promise: nothing left to reject
  { filename: FILE, code: lazyConverter('') },
  // the options object hands failures to a handler written in place that reads the error: the
  // API reports them there, the caller chose it; in page code also when the handler rethrows to
  // stop retrying (the page logs the second rejection), even inside a guarded `try`
  { filename: FILE, code: rethrowingFollower("'use client';\n") },
  {
    filename: FILE,
    code: `${STREAMING_API}export function ask(client: ChatClient, prompt: string) {
  client.chat({ prompt, onError: (error) => show(error.message) });
}`,
  },
  // a helper of the program whose every await lies in a `try` whose `catch` hands the error on
  // (its promise cannot reject either); in page code also when that `catch` rethrows after
  { filename: FILE, code: reportSender(true) },
  { filename: FILE, code: reportSender(true, true, "'use client';\n") },
];

const IGNORING_HANDLER = `${STREAMING_API}export function ask(client: ChatClient, prompt: string) {
  client.chat({ prompt, onError() { show('failed'); } });
}`;

const BY_NAME_HANDLER = `${STREAMING_API}declare function report(error: Error): void;
export function ask(client: ChatClient, prompt: string) {
  client.chat({ prompt, onError: report });
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
  // a handler passed by name: what it does with the error is not seen here
  {
    filename: FILE,
    code: BY_NAME_HANDLER,
    errors: [{ messageId: 'floating', line: 6, column: 3, suggestions: [{ messageId: 'suggestVoid', output: BY_NAME_HANDLER.replace('client.chat(', 'void client.chat(') }] }],
  },
  // outside a host that logs rejections, a handler that rethrows leaves the promise rejecting with
  // nobody to handle it: in a Node module that ends the process
  {
    filename: FILE,
    code: NODE_FOLLOWER,
    errors: [{ messageId: 'floating', line: 6, column: 5, suggestions: [{ messageId: 'suggestVoid', output: NODE_FOLLOWER.replace('    streamEvents(', '    void streamEvents(') }] }],
  },
  // a helper of the program whose body shows that only a bad answer reaches `onError`
  senderReport,
  // outside page code, the helper's rethrow rejects the dropped promise with nobody to handle it
  {
    filename: FILE,
    code: NODE_RETHROWING_SENDER,
    errors: [{ messageId: 'floating', line: 19, column: 5, suggestions: [{ messageId: 'suggestVoid', output: NODE_RETHROWING_SENDER.replace('    sendReport(', '    void sendReport(') }] }],
  },
];

typedRuleTester.run('no-floating-promises (typed: lazy chunks of page code, error handlers in options)', testedRule, { valid, invalid });
ruleTester.run('no-floating-promises (untyped: the lazy chunk of page code, a helper of the program with onError)', testedRule, { valid: [{ filename: FILE, code: reportSender(true) }], invalid: [pageConverterReport, senderReport] });
