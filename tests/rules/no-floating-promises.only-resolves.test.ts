import type { InvalidTestCase, ValidTestCase } from '@typescript-eslint/rule-tester';
import rule, { type MessageIds, type Options } from '../../src/rules/no-floating-promises';
import { ruleTester } from '../rule-tester';

/**
 * Promises that only ever resolve, found on real code (blind sets 10 and 11): a deferred whose `reject`
 * the code never takes (`const { promise, resolve } = Promise.withResolvers()`, resolved by a
 * timer), and a `new Promise` whose `reject` is only the `.catch` of a loop that awaits a local
 * list of promises each pushed with its own `.catch`. A `.then`/`.finally` listener on either loses
 * nothing. Next to each, the look-alike that can still reject.
 */

const timedDeferred = `export class Racepoints {
  register(id, ms) {
    const { promise, resolve } = Promise.withResolvers();
    this.points[id] = promise;
    setTimeout(() => resolve(), ms);
    promise.then(() => {
      delete this.points[id];
    });
  }
}`;

const deferredHelper = `function deferred() {
  let open;
  const promise = new Promise((resolve) => {
    open = resolve;
  });
  return { promise, resolve: open };
}
`;

const helperDeferred = `${deferredHelper}export function register(points, id, ms) {
  const { promise: ready, resolve: open } = deferred();
  points[id] = ready;
  setTimeout(open, ms);
  ready.then(() => {
    delete points[id];
  });
}`;

/** The same shape from a helper of another module: its body is not seen, so nothing is assumed. */
const importedDeferred = `import { deferred } from './deferred';
export function register(points, id, ms) {
  const { promise: ready, resolve: open } = deferred();
  points[id] = ready;
  setTimeout(open, ms);
  ready.then(() => {
    delete points[id];
  });
}`;

/** A pending-request table: the entry taken apart is one the socket's error reply rejects. */
const pendingEntry = `export class Calls {
  constructor(socket) {
    this.waiting = new Map();
    socket.on('reply', (reply) => this.finish(reply));
  }
  finish(reply) {
    const call = this.waiting.get(reply.id);
    if (reply.failed) call.reject(new Error(reply.failed));
    else call.resolve(reply.value);
  }
  whenFinished(id, render) {
    const { promise, resolve } = this.waiting.get(id);
    promise.then((value) => render(value));
  }
}`;

/** A helper that hands out `reject` too. */
const helperWithReject = `function deferred() {
  let resolve;
  let reject;
  const promise = new Promise((ok, fail) => {
    resolve = ok;
    reject = fail;
  });
  return { promise, resolve, reject };
}
export function register(points, id, ms) {
  const { promise, resolve } = deferred();
  setTimeout(resolve, ms);
  promise.then(() => {
    delete points[id];
  });
}`;

const deferredWithReject = `export function register(points, id, ms) {
  const { promise, resolve, reject } = Promise.withResolvers();
  points[id] = { resolve, reject };
  setTimeout(resolve, ms);
  promise.then(() => {
    delete points[id];
  });
}`;

const drainedParts = (pushed: string): string => `export function writer(execute, controller) {
  const pending = [];
  const result = execute({
    merge(source) {
      pending.push(
        (async () => {
          for await (const part of source) controller.enqueue(part);
        })().catch((error) => console.error(error)),
      );
    },
  });
  if (result) pending.push(${pushed});
  const drained = new Promise((resolve, reject) => {
    (async () => {
      while (pending.length > 0) {
        await pending.shift();
      }
      resolve();
    })().catch(reject);
  });
  drained.finally(() => {
    try {
      controller.close();
    } catch {
      // already closed
    }
  });
  return controller;
}`;

const handledParts = drainedParts('result.catch((error) => console.error(error))');
const unhandledPart = drainedParts('result');

/**
 * A promise built only to hand out its resolver (blind set 11: a timer wrapper that keeps
 * `resolve` for the timer's callback). The executor stores `resolve` and calls nothing, so the
 * dropped promise cannot reject; the statement holds a resolver, it starts no task.
 */
const capturedResolver = `export function deferredTimeout(callback, ms) {
  let release;
  new Promise((resolve) => {
    release = resolve;
  });
  return setTimeout(() => {
    callback();
    release();
  }, ms);
}`;

const capturedOnThis = `export class Gate {
  close() {
    new Promise((open) => (this.open = open));
  }
}`;

/** The executor keeps `reject` too: a later `this.fail(error)` rejects a promise nobody handles. */
const capturedBoth = `export class Gate {
  close() {
    new Promise((open, fail) => {
      this.open = open;
      this.fail = fail;
    });
  }
}`;

/** The executor hands `resolve` to a listener: nobody receives the promise, a forgotten `return`. */
const forgottenReturn = `export function exited(child) {
  new Promise((resolve) => child.once('exit', resolve));
}`;

/**
 * A socket writer whose only await is a promisified `'drain'` event (blind set 11). The
 * `promisify-event` package rejects only when the event it waits for is `'error'`; for `'drain'`
 * the promise only resolves, so the writer cannot reject.
 */
const drainWriter = (event: string): string => `import promisifyEvent from 'promisify-event';
export class Link {
  constructor(socket) {
    this.socket = socket;
    this.queue = Promise.resolve();
  }
  async write(text) {
    if (!this.socket.write(text)) await promisifyEvent(this.socket, '${event}');
  }
  send(payload) {
    this.queue = this.queue.then(async () => {
      this.write(JSON.stringify(payload));
    });
    return this.queue;
  }
}`;

/**
 * A start-up step that waits for some shards to come online, or for a timer, whichever is first
 * (blind set 23): a gather over a spread of mapped waits plus one more wait, each from a helper
 * that only resolves (`Promise.resolve()`, or a `new Promise` whose executor takes no `reject`).
 * Spreading the mapped list into the array gathers the same promises as passing it whole, so the
 * `.then` that clears the timer loses nothing.
 */
const shardWait = (mapped: string): string => `function online(shard) {
  if (cluster.ready.has(shard)) return Promise.resolve();
  return new Promise((resolve) => {
    cluster.on('shardReady', (id) => {
      if (id === shard) resolve();
    });
  });
}
async function probe(shard) {
  const reply = await fetch(shard);
  return reply.json();
}
export function whenOnline(shards, primary) {
  return new Promise((resolve) => {
    const timer = setTimeout(resolve, 10000);
    Promise.all([...${mapped}, online(primary)]).then(() => {
      clearTimeout(timer);
      resolve();
    });
  });
}`;

/**
 * A config loader whose wrapper only resolves, but whose executor reads and parses a file
 * synchronously: a missing or corrupt file throws there, and the throw rejects the promise.
 */
const configLoader = (gathered: string): string => `import fs from 'node:fs';
function readConf(file) {
  return new Promise((resolve) => { resolve(JSON.parse(fs.readFileSync(file, 'utf8'))); });
}
export function loadAll(files, main) {
  Promise.all(${gathered}).then((all) => use(all));
}`;

const valid: ValidTestCase<Options>[] = [
  // a spread of waits mapped by a helper that only resolves, gathered with another such wait
  { code: shardWait('shards.map((shard) => online(shard))') },
  { code: shardWait('shards.map(online)') },
  // an await of a promisified event other than 'error' only resolves
  { code: drainWriter('drain') },
  // a promise that only holds its resolver
  { code: capturedResolver },
  { code: capturedOnThis },
  // a deferred resolved by a timer, its reject never taken (from the global `Promise` or a helper
  // of the same file whose executor leaves `reject` unused)
  { code: timedDeferred },
  { code: helperDeferred },
  // every part is handled before it is awaited, so the drain only resolves
  { code: handledParts },
];

const invalid: InvalidTestCase<MessageIds, Options>[] = [
  // a resolve-only wrapper whose executor reads a file and parses it synchronously can reject,
  // gathered through a spread or whole
  ...['[...files.map(readConf), readConf(main)]', 'files.map(readConf)'].map((gathered) => ({
    code: configLoader(gathered),
    errors: [
      {
        messageId: 'floatingChain' as const,
        data: { method: 'then' },
        line: 6,
        column: 3,
        suggestions: [{ messageId: 'suggestVoid' as const, output: configLoader(gathered).replace('  Promise.all(', '  void Promise.all(') }],
      },
    ],
  })),
  // the spread list is mapped by a call that can reject, or is not a mapped list at all: reported
  ...['shards.map((shard) => probe(shard))', 'pending'].map((mapped) => ({
    code: shardWait(mapped),
    errors: [
      {
        messageId: 'floatingChain' as const,
        data: { method: 'then' },
        line: 16,
        column: 5,
        suggestions: [{ messageId: 'suggestVoid' as const, output: shardWait(mapped).replace('    Promise.all(', '    void Promise.all(') }],
      },
    ],
  })),
  // `reject` is handed out: someone may reject the deferred
  {
    code: deferredWithReject,
    errors: [
      {
        messageId: 'floatingChain',
        data: { method: 'then' },
        line: 5,
        column: 3,
        suggestions: [{ messageId: 'suggestVoid', output: deferredWithReject.replace('  promise.then(', '  void promise.then(') }],
      },
    ],
  },
  // a deferred from another module's helper, an entry of a pending-request table, or a same-file
  // helper that hands out `reject`: someone else may reject it
  ...(
    [
      [importedDeferred, '  ready.then(', 6, 3],
      [pendingEntry, '    promise.then(', 13, 5],
      [helperWithReject, '  promise.then(', 13, 3],
    ] as const
  ).map(([code, line, at, column]) => ({
    code,
    errors: [{ messageId: 'floatingChain' as const, data: { method: 'then' }, line: at, column, suggestions: [{ messageId: 'suggestVoid' as const, output: code.replace(line, line.replace(/\S/, (first) => `void ${first}`)) }] }],
  })),
  // one part is pushed without its own `.catch`: the drain rejects with it, and `.finally` passes it on
  {
    code: unhandledPart,
    errors: [
      {
        messageId: 'floating',
        line: 21,
        column: 3,
        suggestions: [{ messageId: 'suggestVoid', output: unhandledPart.replace('  drained.finally(', '  void drained.finally(') }],
      },
    ],
  },
  // waiting for the 'error' event rejects with the error
  {
    code: drainWriter('error'),
    errors: [
      {
        messageId: 'floating',
        line: 12,
        column: 7,
        suggestions: [
          { messageId: 'suggestAwait', output: drainWriter('error').replace('      this.write(', '      await this.write(') },
          { messageId: 'suggestVoid', output: drainWriter('error').replace('      this.write(', '      void this.write(') },
        ],
      },
    ],
  },
  // a kept `reject`, or an executor that calls something: still reported
  ...(
    [
      [capturedBoth, '    new Promise(', 3, 5],
      [forgottenReturn, '  new Promise(', 2, 3],
    ] as const
  ).map(([code, line, at, column]) => ({
    code,
    errors: [{ messageId: 'floating' as const, line: at, column, suggestions: [{ messageId: 'suggestVoid' as const, output: code.replace(line, line.replace(/\S/, (first) => `void ${first}`)) }] }],
  })),
  // checkCannotReject (strict) still marks them
  {
    code: capturedResolver,
    options: [{ checkCannotReject: true }],
    errors: [{ messageId: 'floating', line: 3, column: 3, suggestions: [{ messageId: 'suggestVoid', output: capturedResolver.replace('  new Promise(', '  void new Promise(') }] }],
  },
  {
    code: timedDeferred,
    options: [{ checkCannotReject: true }],
    errors: [
      {
        messageId: 'floatingChain',
        data: { method: 'then' },
        line: 6,
        column: 5,
        suggestions: [{ messageId: 'suggestVoid', output: timedDeferred.replace('    promise.then(', '    void promise.then(') }],
      },
    ],
  },
];

ruleTester.run<MessageIds, Options>('no-floating-promises (only resolves)', rule as never, { valid, invalid });
