import type { InvalidTestCase, ValidTestCase } from '@typescript-eslint/rule-tester';
import rule, { type MessageIds, type Options } from '../../src/rules/no-floating-promises';
import { ruleTester } from '../rule-tester';

/**
 * A chain started inside a callback of another chain: the outer `.catch` sees only what the
 * callback returns or throws. A chain the callback starts and drops is outside it (session 19
 * tuning trees: a bot that queues the picked songs from a menu's callback, a realtime transport
 * that reads a stream's first message from its ready callback; both judged worth changing: the
 * rejection escapes the handler the author wrote). Pinned so that no later silence takes them;
 * returning the inner chain is the fix and is not reported.
 */

/** A menu whose choice queues songs; `inner` is the body of the choice callback. */
const menu = (inner: string): string => `async function play(id) {
  await player.enqueue(id);
}
export function choose(prompt) {
  prompt
    .waitForChoice()
    .then((choice) => {
${inner}
    })
    .catch(console.error);
}`;

/** A transport that reads the first message once its session is ready; `inner` is the stream callback's body. */
const transport = (inner: string): string => `export function open(session, onFirst) {
  session.ready
    .then(() =>
      session.openStream().then((stream) => {
        const reader = stream.getReader();
${inner}
      }),
    )
    .catch((error) => console.log('open failed', error));
}`;

const valid: ValidTestCase<Options>[] = [
  // returned: the outer .catch sees the inner chain's rejection
  menu('      return play(choice.first).then(() => console.log("queued"));'),
  transport('        return reader.read().then((chunk) => onFirst(chunk.value));'),
].map((code) => ({ code }));

/** The inner chain at `line` reported as a `.then` without a rejection handler, with its `void` suggestion. */
function chainAt(code: string, line: number): InvalidTestCase<MessageIds, Options> {
  const lines = code.split('\n');
  const text = lines[line - 1] ?? '';
  const column = text.length - text.trimStart().length + 1;
  lines[line - 1] = `${text.slice(0, column - 1)}void ${text.slice(column - 1)}`;
  const suggestions = [{ messageId: 'suggestVoid' as const, output: lines.join('\n') }];
  return { code, errors: [{ messageId: 'floatingChain', data: { method: 'then' }, line, column, suggestions }] };
}

const invalid: InvalidTestCase<MessageIds, Options>[] = [
  // a call of an async function of the file, chained and dropped in the callback
  chainAt(menu('      play(choice.first).then(() => console.log("queued"));'), 8),
  // a reader's read() chained and dropped in the callback
  chainAt(transport('        reader.read().then((chunk) => onFirst(chunk.value));'), 6),
];

ruleTester.run<MessageIds, Options>('no-floating-promises (a chain dropped inside a handled chain)', rule as never, { valid, invalid });
