import type { ValidTestCase } from '@typescript-eslint/rule-tester';
import rule, { type MessageIds, type Options } from '../../src/rules/no-floating-promises';
import { ruleTester } from '../rule-tester';
import { dropped } from './floating-reports';

/**
 * Steps of a stream or an upload that started unawaited, whose failures cannot reach the dropped
 * promise: every error is caught and handed to the stream's own error channel (`destroy(err)`,
 * `emit('error', err)`), also by returning that call from the `catch`; and a pump that iterates
 * with `for await` over an async generator of the same file that only reads buffered chunks, or
 * over an in-memory channel the file defines (a class whose `async *[Symbol.asyncIterator]()` does). A
 * stream's `'error'` listeners see the failure; the promise itself always resolves. Still
 * reported: a `catch` that returns new work that may fail, and an iteration over a generator that
 * fetches or yields a request.
 */

const FILE = 'src/uploads/chunk-sender.ts';

/** Shared by every case: a stream class that sends the chunks written to it. */
const head = `import { Writable } from 'node:stream';

export class ChunkSender extends Writable {
  pending = [];
  finished = false;
  async send(chunk) {
    await fetch(this.url, { method: 'PUT', body: chunk });
  }
`;

const sender = (methods: string, start: string): string => `${head}${methods}
  begin(chunk) {
    ${start};
  }
}`;

const returnsDestroy = sender(
  `  async sendOne(chunk) {
    try {
      await this.send(chunk);
    } catch (err) {
      return this.destroy(err);
    }
  }`,
  'this.sendOne(chunk)',
);

const returnsErrorEvent = sender(
  `  async sendOne(chunk) {
    try {
      await this.send(chunk);
    } catch (error) {
      return this.emit('error', error);
    }
  }`,
  'this.sendOne(chunk)',
);

/** A pump over a generator of buffered chunks: each step waits for a chunk, which only resolves. */
const bufferedPump = sender(
  `  nextChunkReady() {
    return new Promise((resolve) => {
      if (this.pending.length > 0 || this.finished) resolve(this.pending.length > 0);
      else this.once('chunk', () => resolve(true));
    });
  }
  async *buffered() {
    while (await this.nextChunkReady()) {
      const chunk = this.pending.shift();
      if (chunk) yield chunk;
    }
  }
  async drain() {
    for await (const chunk of this.buffered()) {
      this.emit('progress', chunk.length);
    }
  }`,
  'this.drain()',
);

const returnsRetry = sender(
  `  async retryLater(chunk) {
    await new Promise((resolve) => setTimeout(resolve, 100));
    await this.send(chunk);
  }
  async sendOne(chunk) {
    try {
      await this.send(chunk);
    } catch (err) {
      return this.retryLater(chunk, err);
    }
  }`,
  'this.sendOne(chunk)',
);

/** A `catch` that returns a database transaction's `abort(err)`: async work of another object, which may fail in turn. */
const returnsTransactionAbort = sender(
  `  async sendOne(tx, chunk) {
    try {
      await this.send(chunk);
      await tx.commit();
    } catch (err) {
      return tx.abort(err);
    }
  }`,
  'this.sendOne(this.tx, chunk)',
);

/** A stream the method builds itself, destroyed with the error. */
const returnsOwnStreamDestroy = sender(
  `  async sendOne(chunk) {
    const copy = new PassThrough();
    try {
      await this.send(chunk);
    } catch (err) {
      return copy.destroy(err);
    }
  }`,
  'this.sendOne(chunk)',
);

/** A session class (no stream, no emitter) whose own `abort(err)` rolls back on the server. */
const sessionAbort = `import { DatabaseSession } from './db';

export class Upload extends DatabaseSession {
  async send(chunk) {
    await this.insert('chunks', chunk);
  }
  async sendOne(chunk) {
    try {
      await this.send(chunk);
    } catch (err) {
      return this.abort(err);
    }
  }
  begin(chunk) {
    this.sendOne(chunk);
  }
}`;

/** An emitter subclass has no `destroy` of its own to forward to: the class's `destroy(err)` is its own work, which may fail. */
const emitterDestroy = `import { EventEmitter } from 'node:events';

export class Upload extends EventEmitter {
  async send(chunk) {
    await fetch('/chunks', { method: 'PUT', body: chunk });
  }
  async destroy(err) {
    await fetch('/uploads/cancel', { method: 'POST', body: String(err) });
  }
  async sendOne(chunk) {
    try {
      await this.send(chunk);
    } catch (err) {
      return this.destroy(err);
    }
  }
  begin(chunk) {
    this.sendOne(chunk);
  }
}`;

const fetchingPump = sender(
  `  async *remoteChunks() {
    const response = await fetch(this.url);
    yield await response.arrayBuffer();
  }
  async drain() {
    for await (const chunk of this.remoteChunks()) {
      this.emit('progress', chunk.byteLength);
    }
  }`,
  'this.drain()',
);

const yieldsRequest = sender(
  `  async *parts() {
    for (const chunk of this.pending) yield this.send(chunk);
  }
  async drain() {
    for await (const sent of this.parts()) {
      this.emit('progress', sent);
    }
  }`,
  'this.drain()',
);

/** An in-memory channel of this file: a job waits in its array, or the reader waits for the next push. */
const channel = (iterate: string): string => `class Mailbox {
  items = [];
  readers = [];
  push(item) {
    const reader = this.readers.shift();
    if (reader) reader(item);
    else this.items.push(item);
  }
  async *[Symbol.asyncIterator]() {
    for (;;) {
      yield this.items.length > 0 ? this.items.shift() : await new Promise((resolve) => this.readers.push(resolve));
    }
  }
}

export class Dispatcher {
  inbox = new Mailbox();
  async pump() {
    for await (const job of ${iterate}) {
      this.emit('job', job);
    }
  }
  start() {
    this.pump();
  }
}`;

/** The same pump over a socket's messages: an iterator of another object, which may fail. */
const socketPump = channel('this.socket.messages()');

/** The line and column of the statement `begin` drops (the same in every case, counted from the end). */
const startAt = (code: string): [number, number] => [code.split('\n').length - 2, 5];

const valid: ValidTestCase<Options>[] = [
  // a `catch` that returns the stream's `destroy(err)` or `emit('error', err)`: the stream reports it
  { code: returnsDestroy, filename: FILE },
  { code: returnsErrorEvent, filename: FILE },
  { code: returnsDestroy.replace('return this.destroy(err);', 'return this.destroy(err as Error);'), filename: FILE },
  { code: returnsOwnStreamDestroy.replace("import { Writable } from 'node:stream';", "import { PassThrough, Writable } from 'node:stream';"), filename: FILE },
  // a pump over buffered chunks: nothing in the iteration can fail
  { code: bufferedPump, filename: FILE },
  // a pump over an in-memory channel the file defines (its `async *[Symbol.asyncIterator]()` reads memory)
  { code: channel('this.inbox'), filename: FILE },
  { code: channel('mailbox').replace('  async pump() {', '  async pump() {\n    const mailbox = new Mailbox();'), filename: FILE },
];

ruleTester.run<MessageIds, Options>('no-floating-promises (error channels and in-memory pumps)', rule as never, {
  valid,
  invalid: [
    // a `catch` that returns new work (a retry that sends again) hands on a promise that may reject
    dropped(returnsRetry, FILE, ...startAt(returnsRetry), false),
    // `destroy`/`abort` of an object that is no stream (a transaction, a session class) is async work that may fail
    dropped(returnsTransactionAbort, FILE, ...startAt(returnsTransactionAbort), false),
    dropped(sessionAbort, FILE, ...startAt(sessionAbort), false),
    dropped(emitterDestroy, FILE, ...startAt(emitterDestroy), false),
    // a generator that fetches, or yields a request, fails the step that waits for it
    dropped(fetchingPump, FILE, ...startAt(fetchingPump), false),
    dropped(yieldsRequest, FILE, ...startAt(yieldsRequest), false),
    // a pump over another object's iterator (a socket's messages)
    dropped(socketPump, FILE, socketPump.split('\n').length - 2, 5, false),
  ],
});
