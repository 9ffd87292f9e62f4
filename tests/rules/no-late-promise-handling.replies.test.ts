import type { InvalidTestCase } from '@typescript-eslint/rule-tester';
import rule, { type MessageIds, type Options } from '../../src/rules/no-late-promise-handling';
import { assertSuggestionsParse } from '../gather-suggestions-parse';
import { ruleTester } from '../rule-tester';

// @typescript-eslint/rule-tester pins its own copy of utils; the rule is the same object at run time.
const testedRule = rule as unknown as Parameters<typeof ruleTester.run<MessageIds, Options>>[1];

/**
 * A waiter for the answer to a message: a promise whose executor only listens for an object's
 * `'message'` event, then a message sent to that object (`send`, `postMessage`). The answer, and
 * the error it may carry, can only come after the message was sent, so the wait for the send is no
 * window; a wait after it, another listener (`'exit'`, `'error'`), or another use of the object
 * first is.
 */
type Invalid = InvalidTestCase<MessageIds, Options>;

const invalid: Invalid[] = [
  // an 'exit' listener can reject it while the function waits for the send
  {
    code: `
export async function startChild(child, file) {
  const ready = new Promise((resolve, reject) => {
    child.on('message', (message) => (message.kind === 'ready' ? resolve() : reject(message.error)));
    child.on('exit', () => reject(new Error('exited')));
  });
  await new Promise((resolve) => child.send({ kind: 'start', file }, resolve));
  await ready;
}`,
    errors: [
      {
        messageId: 'lateHandling',
        data: { name: 'ready', line: 7, handledLine: 8 },
        line: 3,
        column: 17,
        suggestions: [
          {
            messageId: 'suggestCatch',
            data: { name: 'ready' },
            output: `
export async function startChild(child, file) {
  const ready = new Promise((resolve, reject) => {
    child.on('message', (message) => (message.kind === 'ready' ? resolve() : reject(message.error)));
    child.on('exit', () => reject(new Error('exited')));
  });
  ready.catch(() => {});
  await new Promise((resolve) => child.send({ kind: 'start', file }, resolve));
  await ready;
}`,
          },
        ],
      },
    ],
  },
  // a wait after the message was sent: the answer may come meanwhile
  {
    code: `
export async function startChild(child, file) {
  const ready = new Promise((resolve, reject) => {
    child.on('message', (message) => (message.kind === 'ready' ? resolve() : reject(message.error)));
  });
  child.send({ kind: 'start', file });
  await prepare(file);
  await ready;
}`,
    errors: [
      {
        messageId: 'lateHandling',
        data: { name: 'ready', line: 7, handledLine: 8 },
        line: 3,
        column: 17,
        suggestions: [
          {
            messageId: 'suggestCatch',
            data: { name: 'ready' },
            output: `
export async function startChild(child, file) {
  const ready = new Promise((resolve, reject) => {
    child.on('message', (message) => (message.kind === 'ready' ? resolve() : reject(message.error)));
  });
  ready.catch(() => {});
  child.send({ kind: 'start', file });
  await prepare(file);
  await ready;
}`,
          },
        ],
      },
    ],
  },
  // another use of the object comes first (it may be answering already)
  {
    code: `
export async function startChild(child, file) {
  const ready = new Promise((resolve, reject) => {
    child.on('message', (message) => (message.kind === 'ready' ? resolve() : reject(message.error)));
  });
  await child.ready();
  child.send({ kind: 'start', file });
  await ready;
}`,
    errors: [
      {
        messageId: 'lateHandling',
        data: { name: 'ready', line: 6, handledLine: 8 },
        line: 3,
        column: 17,
        suggestions: [
          {
            messageId: 'suggestCatch',
            data: { name: 'ready' },
            output: `
export async function startChild(child, file) {
  const ready = new Promise((resolve, reject) => {
    child.on('message', (message) => (message.kind === 'ready' ? resolve() : reject(message.error)));
  });
  ready.catch(() => {});
  await child.ready();
  child.send({ kind: 'start', file });
  await ready;
}`,
          },
        ],
      },
    ],
  },
];

ruleTester.run('no-late-promise-handling (a waiter for the answer to a message sent next)', testedRule, {
  valid: [
    // the waiter listens first, then the function waits for the send's callback, then for the answer
    `
export async function startChild(child, file) {
  const ready = new Promise((resolve, reject) => {
    const onReply = (message) => {
      if (message.kind === 'ready') resolve();
      else if (message.kind === 'failed') reject(message.error);
      child.off('message', onReply);
    };
    child.on('message', onReply);
  });
  await new Promise((resolve) => child.send({ kind: 'start', file }, resolve));
  await ready;
}`,
    // nothing can settle it before the send, so a wait before the send is no window either
    `
export async function startChild(child, file) {
  const ready = new Promise((resolve, reject) => {
    child.on('message', (message) => (message.kind === 'ready' ? resolve() : reject(message.error)));
  });
  await prepare(file);
  child.send({ kind: 'start', file });
  await ready;
}`,
  ],
  invalid,
});

assertSuggestionsParse('no-late-promise-handling', invalid);
