import type { InvalidTestCase } from '@typescript-eslint/rule-tester';
import rule, { type MessageIds, type Options } from '../../src/rules/no-floating-promises';
import { ruleTester, typedRuleTester } from '../rule-tester';

/**
 * A `.then(callback)` hung on a promise an object holds for an event of its life (closed,
 * stopped, ready) registers a listener; it starts no work. Measured on six judged sets of real
 * code (session 7): 38 of 42 such reports were judged pointless or wrong (the held promise only
 * ever resolves, often with the error as its value). Silent by default, reported with
 * `checkCannotReject`; a promise the class itself fills with new work is still reported.
 */

type Invalid = InvalidTestCase<MessageIds, Options>;

/** The one report of a `.then` chain statement in a function that is not async, with its `void` suggestion. */
function thenReport(code: string, line: number, column: number, statement: string): Invalid['errors'][number] {
  return {
    messageId: 'floatingChain',
    data: { method: 'then' },
    line,
    column,
    suggestions: [{ messageId: 'suggestVoid', output: code.replace(statement, `void ${statement}`) }],
  };
}

const sessionWatcher = `export class Watcher {
  watch(session) {
    session.closed.then(() => this.forget(session));
  }
}`;

const restartable = `export class Worker {
  start(url) {
    this.running = fetch(url);
  }
  stop() {
    this.running.then(() => this.report('stopped'));
  }
}`;

const guardedFetch = `export class Loader {
  constructor(url) {
    this.pending = url ? fetch(url) : null;
  }
  show() {
    this.pending.then((response) => this.render(response));
  }
}`;

const lazyFetch = `export class Profile {
  load(url) {
    this.loading ??= fetch(url);
    this.loading.then((response) => this.render(response));
  }
}`;

const privateField = `export class Feed {
  #latest;
  refresh(url) {
    this.#latest = fetch(url);
  }
  show() {
    this.#latest.then((response) => this.render(response));
  }
}`;

const closingClient = `export function shutdown(client) {
  client.close().then(() => console.log('closed'));
}`;

const startingServer = `export function boot(app) {
  app.ready().then(() => app.listen({ port: 3000 }));
}`;

const invalid: Invalid[] = [
  // teams that want every promise marked still get the listener reported
  {
    code: sessionWatcher,
    options: [{ checkCannotReject: true }],
    errors: [thenReport(sessionWatcher, 3, 5, 'session.closed.then(() => this.forget(session));')],
  },
  // a field the class fills with new work (`this.running = fetch(url)`) holds that work's promise
  {
    code: restartable,
    errors: [thenReport(restartable, 6, 5, "this.running.then(() => this.report('stopped'));")],
  },
  // ...also as a branch of a condition, through a logical assignment, or in a private field
  {
    code: guardedFetch,
    errors: [thenReport(guardedFetch, 6, 5, 'this.pending.then((response) => this.render(response));')],
  },
  {
    code: lazyFetch,
    errors: [thenReport(lazyFetch, 4, 5, 'this.loading.then((response) => this.render(response));')],
  },
  {
    code: privateField,
    errors: [thenReport(privateField, 7, 5, 'this.#latest.then((response) => this.render(response));')],
  },
  // a call named for an action (`close()`), not a state, starts the work it waits for
  {
    code: closingClient,
    errors: [thenReport(closingClient, 2, 3, "client.close().then(() => console.log('closed'));")],
  },
  // `ready()` of a server is its start-up (plugins load, and can fail), not a held state
  {
    code: startingServer,
    errors: [thenReport(startingServer, 2, 3, 'app.ready().then(() => app.listen({ port: 3000 }));')],
  },
];

ruleTester.run<MessageIds, Options>('no-floating-promises (listeners on held promises)', rule as never, {
  valid: [
    // a property of another object: the session's own closed promise
    sessionWatcher,
    // down a chain of fields, with a result handed to the listener
    'export class Launcher {\n  attach() {\n    this.program.stopped.then((result) => this.onExit(result));\n  }\n}',
    // a field the class never assigns here (set by a base class of another file, or a caller)
    'export class Pool extends Base {\n  drain() {\n    this.drained.then(() => this.emit("drained"));\n  }\n}',
    // a field the class fills with a resolve-only promise (an exit signal)
    'export class Child {\n  constructor() {\n    this.exited = new Promise((resolve) => { this.onExit = resolve; });\n  }\n  kill() {\n    this.exited.then(() => clearTimeout(this.timer));\n  }\n}',
    // a method without arguments named for a state hands out the promise the object keeps
    'export function follow(iterator, release) {\n  iterator.closed().then(() => release());\n}',
    // the same in an async function, and through more than one link
    'export async function watch(feed) {\n  await feed.start();\n  feed.iter.closed().then((err) => err && log(err)).then(() => feed.stop());\n}',
    // an optional chain on a field that may be unset
    'export class Host {\n  dispose() {\n    this.server?.then((s) => s.close());\n  }\n}',
  ],
  invalid,
});

/** A listener on a promise whose type the checker knows: a parameter declared with a `Promise` field. */
const typedSession = `export function watch(session: { closed: Promise<void> }) {
  session.closed.then(() => console.log('closed'));
}`;

// With the checker: a held promise it cannot type (`any`: an untyped parameter, a package without
// types) is judged as without types, so the typed run keeps the silence above; a held promise whose
// type the checker knows is the checker's to judge, and a field filled with new work stays reported.
typedRuleTester.run<MessageIds, Options>('no-floating-promises (typed: listeners on held promises)', rule as never, {
  valid: [
    { filename: 'file.ts', code: sessionWatcher },
    { filename: 'file.ts', code: 'export function follow(iterator: any, release: () => void) {\n  iterator.closed().then(() => release());\n}' },
  ],
  invalid: [
    { filename: 'file.ts', code: typedSession, errors: [thenReport(typedSession, 2, 3, "session.closed.then(() => console.log('closed'));")] },
    { filename: 'file.ts', code: restartable, errors: [thenReport(restartable, 6, 5, "this.running.then(() => this.report('stopped'));")] },
  ],
});
