import rule, { type MessageIds, type Options } from '../../src/rules/no-misused-async-callback';
import { ruleTester, typedRuleTester } from '../rule-tester';

/**
 * A callback that awaits only a promisified timer of Node (`promisify(process.nextTick)()`,
 * `promisify(setImmediate)()`, `promisify(setTimeout)(ms)` with `util`'s `promisify`): the timer
 * calls back with no error, so the wait only resolves, and a callback whose other work cannot
 * reject cannot reject either (`FileEffects.isDelay`). On a judged client library, a stream's async
 * `'error'` listener that waits a tick, logs the error and re-emits it on its own stream was not
 * worth a change.
 */

// @typescript-eslint/rule-tester pins its own copy of utils; the rule is the same object at run time.
const testedRule = rule as unknown as Parameters<typeof ruleTester.run<MessageIds, Options>>[1];

/** A combined stream that forwards the errors of the streams it reads, a tick later. */
const forwardErrors = (wait: string): string => `import { PassThrough, Duplex } from 'node:stream';
import { promisify } from 'node:util';
declare const log: { error(...args: unknown[]): void };
declare function reopen(index: number): Promise<void>;
export class Combined extends PassThrough {
  attach(index: number, source: Duplex): void {
    source.on('error', (err: Error) => this.forward(index, err));
  }
  private async forward(index: number, err: Error): Promise<void> {
    ${wait};
    log.error('stream %i failed: %o', index, err);
    if (index > 0) this.emit('error', err);
  }
}`;

ruleTester.run('no-misused-async-callback (promisified timers)', testedRule, {
  valid: [
    // each row is drawn a macrotask later, after the I/O callbacks already queued
    {
      code: "import { promisify } from 'util';\nconst nextMacrotask = promisify(setImmediate);\nexport function drawAll(rows, draw) {\n  rows.forEach(async (row) => {\n    await nextMacrotask();\n    draw(row);\n  });\n}",
    },
  ],
  invalid: [
    // a promisified file read can fail
    {
      code: "import { promisify } from 'util';\nimport { readFile } from 'fs';\nconst read = promisify(readFile);\nexport function drawAll(rows, draw) {\n  rows.forEach(async (row) => {\n    draw(await read(row.path));\n  });\n}",
      errors: [{ messageId: 'ignoredCallback', data: { method: 'forEach' }, line: 5, column: 16, suggestions: [] }],
    },
    // a copy of promisify does not know setTimeout's custom form: it calls setTimeout(50, cb), which
    // throws, so every wait rejects
    {
      code: "import { promisify } from '@google-cloud/promisify';\nconst wait = promisify(setTimeout);\nexport function drawAll(rows, draw) {\n  rows.forEach(async (row) => {\n    await wait(50);\n    draw(row);\n  });\n}",
      errors: [{ messageId: 'ignoredCallback', data: { method: 'forEach' }, line: 4, column: 16, suggestions: [] }],
    },
    // util's timer with an options object that may carry an abort signal rejects when it fires
    {
      code: "import { promisify } from 'node:util';\nconst wait = promisify(setTimeout);\nexport function drawAll(rows, draw, signal) {\n  rows.forEach(async (row) => {\n    await wait(50, undefined, { signal });\n    draw(row);\n  });\n}",
      errors: [{ messageId: 'ignoredCallback', data: { method: 'forEach' }, line: 4, column: 16, suggestions: [] }],
    },
    // a promisified nextTick handed an argument calls nextTick(row, cb), which throws: it rejects
    {
      code: "import { promisify } from 'util';\nconst tick = promisify(process.nextTick);\nexport function drawAll(rows, draw) {\n  rows.forEach(async (row) => {\n    await tick(row);\n    draw(row);\n  });\n}",
      errors: [{ messageId: 'ignoredCallback', data: { method: 'forEach' }, line: 4, column: 16, suggestions: [] }],
    },
  ],
});

typedRuleTester.run('no-misused-async-callback (typed, promisified timers)', testedRule, {
  valid: [
    { filename: 'file.ts', code: forwardErrors('await promisify(process.nextTick)()') },
    { filename: 'file.ts', code: forwardErrors('await promisify(setTimeout)(10)') },
    // the same `promisify` of a package that copies util's
    { filename: 'file.ts', code: forwardErrors('await promisify(process.nextTick)()').replace("from 'node:util'", "from '@google-cloud/promisify'") },
  ],
  invalid: [
    // the listener reopens the stream first, which can fail: its rejection is unhandled
    {
      filename: 'file.ts',
      code: forwardErrors('await reopen(index)'),
      errors: [{ messageId: 'voidReturn', data: { callee: 'source.on' }, line: 7, column: 24 }],
    },
  ],
});
