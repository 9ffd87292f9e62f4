import path from 'node:path';
import type { InvalidTestCase, ValidTestCase } from '@typescript-eslint/rule-tester';
import rule, { type MessageIds, type Options } from '../../src/rules/no-floating-promises';
import { FIXTURES_DIR, ruleTester } from '../rule-tester';

/**
 * The code of a `worker_threads` worker: an unhandled rejection there ends the worker, and Node
 * hands the error to the parent as the `Worker`'s `'error'` event. Where the program's parent
 * starts this file and listens for that event, a promise dropped where nothing could await it (a
 * message listener) reaches that listener, as it would a process-wide reporter. Still reported:
 * where no parent listens (the parent's process crashes), a worker the parent starts beside the one
 * it listens to, a parent listener that only logs (the thread dies and its jobs hang), a forgotten `await` inside an async
 * function, a drop inside a `try` meant to catch it, and a drop in the same code outside a worker.
 */

const WATCHED = path.join(FIXTURES_DIR, 'run-contexts', 'thread-pool', 'src', 'resize-worker.mts');
const UNWATCHED = path.join(FIXTURES_DIR, 'run-contexts', 'thread-pool-unwatched', 'src', 'resize-worker.mts');
const NOT_STARTED = path.join(FIXTURES_DIR, 'run-contexts', 'thread-pool', 'src', 'thumb-worker.mts');
// one parent starts two workers and hands only the first one's errors on
const MIXED_WATCHED = path.join(FIXTURES_DIR, 'run-contexts', 'thread-pool-mixed', 'src', 'thumb-worker.js');
const MIXED_UNWATCHED = path.join(FIXTURES_DIR, 'run-contexts', 'thread-pool-mixed', 'src', 'search-worker.js');
// the parent's 'error' listener only logs: the thread dies and its jobs never settle
const LOGGED = path.join(FIXTURES_DIR, 'run-contexts', 'thread-pool-logged', 'src', 'thumb-worker.js');
// ... or logs through the app's logger and sends the error to error tracking
const REPORTED = path.join(FIXTURES_DIR, 'run-contexts', 'thread-pool-logged', 'src', 'report-worker.js');

/** A worker that resizes the image each message names and posts the result back. */
function worker(listener: string, asyncListener = false): string {
  return `import { readFile } from 'node:fs/promises';
import { parentPort } from 'node:worker_threads';

async function resize(job) {
  const image = await readFile(job.path);
  return { id: job.id, size: image.length / job.scale };
}

parentPort.on('message', ${asyncListener ? 'async ' : ''}(job) => {
${listener}
});`;
}

const DROPPED = worker('  resize(job).then((result) => parentPort.postMessage(result));');
const GUARDED = worker('  try {\n    resize(job).then((result) => parentPort.postMessage(result));\n  } catch (error) {\n    parentPort.postMessage({ id: job.id, error: String(error) });\n  }');
const AWAITABLE = worker('  resize(job);\n  parentPort.postMessage({ id: job.id, queued: true });', true);

const VOID_DROPPED = [{ messageId: 'suggestVoid' as const, output: DROPPED.replace('  resize(job).then', '  void resize(job).then') }];

const valid: ValidTestCase<Options>[] = [
  // the parent starts this worker and listens for its 'error' event
  { code: DROPPED, filename: WATCHED },
  { code: DROPPED, filename: MIXED_WATCHED },
];

const invalid: InvalidTestCase<MessageIds, Options>[] = [
  // no parent listens for 'error': the rejection crashes the parent's process
  { code: DROPPED, filename: UNWATCHED, errors: [{ messageId: 'floatingChain', line: 10, suggestions: VOID_DROPPED }] },
  // the parent listens for another worker's errors, not this file's
  { code: DROPPED, filename: NOT_STARTED, errors: [{ messageId: 'floatingChain', line: 10, suggestions: VOID_DROPPED }] },
  // the same parent starts this worker too, but listens for the other one's errors only
  { code: DROPPED, filename: MIXED_UNWATCHED, errors: [{ messageId: 'floatingChain', line: 10, suggestions: VOID_DROPPED }] },
  // the parent's listener only logs: no reporter for a long-lived worker, whose pending jobs hang
  { code: DROPPED, filename: LOGGED, errors: [{ messageId: 'floatingChain', line: 10, suggestions: VOID_DROPPED }] },
  { code: DROPPED, filename: REPORTED, errors: [{ messageId: 'floatingChain', line: 10, suggestions: VOID_DROPPED }] },
  // a try meant to catch the failure: the author wanted to handle it here
  { code: GUARDED, filename: WATCHED, errors: [{ messageId: 'floatingChain', line: 11, suggestions: [{ messageId: 'suggestVoid', output: GUARDED.replace('    resize(job).then', '    void resize(job).then') }] }] },
  // a forgotten await inside an async listener
  {
    code: AWAITABLE,
    filename: WATCHED,
    errors: [
      {
        messageId: 'floating',
        line: 10,
        suggestions: [
          { messageId: 'suggestAwait', output: AWAITABLE.replace('  resize(job);', '  await resize(job);') },
          { messageId: 'suggestVoid', output: AWAITABLE.replace('  resize(job);', '  void resize(job);') },
        ],
      },
    ],
  },
];

// @typescript-eslint/rule-tester pins its own copy of utils; the rule is the same object at run time.
const testedRule = rule as unknown as Parameters<typeof ruleTester.run<MessageIds, Options>>[1];

ruleTester.run('no-floating-promises (a worker thread whose parent hears its errors)', testedRule, { valid, invalid });
