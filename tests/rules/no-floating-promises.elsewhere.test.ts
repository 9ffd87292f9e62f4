import path from 'node:path';
import rule, { type MessageIds, type Options } from '../../src/rules/no-floating-promises';
import { FIXTURES_DIR, ruleTester } from '../rule-tester';

// @typescript-eslint/rule-tester pins its own copy of utils; the rule is the same object at run time.
const testedRule = rule as unknown as Parameters<typeof ruleTester.run<MessageIds, Options>>[1];

/**
 * "Can the head of this dropped chain reject at all?", answered through other modules: a file
 * beside `tests/fixtures/stores/`, whose modules hold an interface with an in-memory and a remote
 * implementation, in-memory classes reached through fields and return types, a shell helper that
 * catches everything, a resolve-only dialog and a guard that refuses bad input.
 */
const filename = path.join(FIXTURES_DIR, 'file.ts');

/** The error of a `.then` chain at `line` of `code` in a sync function, whose statement starts with `start`: only `void` is suggested. */
const chain = (code: string, line: number, start: string) => ({
  messageId: 'floatingChain' as const,
  line,
  suggestions: [{ messageId: 'suggestVoid' as const, output: code.replace(start, `void ${start}`) }],
});
const call = (line: number) => ({ messageId: 'floating' as const, line });

const remoteGet =
  "import type { SessionStore } from './stores/store';\nexport class Api {\n  constructor(private store: SessionStore) {}\n  show(id: string): void {\n    this.store.get(id).then((session) => console.log(session));\n  }\n}";
const calledReject =
  "export class Requests {\n  private pending = new Map<string, { resolve: Function; reject: Function }>();\n  private ask(id: string, resolve: Function, reject: Function): void {\n    this.pending.set(id, { resolve, reject });\n  }\n  fail(id: string, error: Error): void {\n    this.pending.get(id)?.reject(error);\n  }\n  count(id: string): Promise<number> {\n    return new Promise((resolve, reject) => {\n      this.ask(id, resolve, reject);\n    });\n  }\n  show(id: string): void {\n    this.count(id).then((n) => console.log(n));\n  }\n}";
const failingEach =
  "import async from 'async';\nexport function closeAll(sockets: Array<{ close(): void }>): void {\n  async.each(sockets, (socket, done) => {\n    try {\n      socket.close();\n      done();\n    } catch (error) {\n      done(error);\n    }\n  }).then(() => console.log('closed'));\n}";
const handsOn =
  "import { QuietLimiter } from './stores/limiter';\nexport class Routes {\n  limiter = new QuietLimiter();\n  limit(res: object, next: (error: Error | null, res: object) => void): void {\n    this.limiter.take('read').then(() => next(null, res));\n  }\n}";
const abstractRun =
  "import type { Worker } from './stores/limiter';\nexport function start(worker: Worker): void {\n  worker.run('job').then(() => console.log('done'));\n}";

ruleTester.run('no-floating-promises (can the head reject, across modules)', testedRule, {
  valid: [
    // a field declared as a class of another module, whose method returns an in-memory member
    // set; the return type of `space(id)` names that class
    {
      filename,
      code: "import { Registry } from './stores/registry';\nexport class Handler {\n  constructor(private registry: Registry) {}\n  onLeave(id: string): void {\n    this.registry.space(id).members().then((ids) => console.log(ids.size));\n  }\n}",
    },
    // ...an async method there that only returns such a promise
    {
      filename,
      code: "import { Registry } from './stores/registry';\nexport class Handler {\n  registry = new Registry();\n  onLeave(id: string): void {\n    this.registry.members(id).then((ids) => console.log(ids.size));\n  }\n}",
    },
    // a method of the class this one extends, reached through `super`: the base class answers
    // from memory
    {
      filename,
      code: "import { Registry } from './stores/registry';\nexport class Cluster extends Registry {\n  async members(id: string): Promise<Set<string>> {\n    super.members(id).then((ids) => console.log(ids.size));\n    return new Set();\n  }\n}",
    },
    // a field declared as an interface: every class of its folder that implements it (in memory,
    // and a remote one inheriting the in-memory count) answers without rejecting
    {
      filename,
      code: "import type { SessionStore } from './stores/store';\nexport class Api {\n  store!: SessionStore;\n  ping(): void {\n    this.store.localCount().then((count) => console.log(count));\n  }\n}",
    },
    // an element of a tuple-typed parameter
    {
      filename,
      code: "import type { Space } from './stores/space';\nexport function report(entries: Array<[string, Space]>): void {\n  entries.forEach(([name, space]: [string, Space]) => {\n    space.members().then((ids) => console.log(name, ids.size));\n  });\n}",
    },
    // a promise wrapper whose `reject` is only kept in a table that nothing ever calls it from
    {
      filename,
      code: "export class Requests {\n  private pending = new Map<string, { resolve: Function; reject: Function }>();\n  private ask(id: string, resolve: Function, reject: Function): void {\n    this.pending.set(id, { resolve, reject });\n  }\n  answer(id: string, value: unknown): void {\n    this.pending.get(id)?.resolve(value);\n  }\n  count(id: string): Promise<number> {\n    return new Promise((resolve, reject) => {\n      this.ask(id, resolve, reject);\n    });\n  }\n  show(id: string): void {\n    this.count(id).then((n) => console.log(n));\n  }\n}",
    },
    // ...dropped itself in a method declared to return nothing
    {
      filename,
      code: "export class Requests {\n  private pending = new Map<string, { resolve: Function; reject: Function }>();\n  private ask(id: string, resolve: Function, reject: Function): void {\n    this.pending.set(id, { resolve, reject });\n  }\n  evict(id: string): void {\n    new Promise((resolve, reject) => {\n      this.ask(id, resolve, reject);\n    });\n  }\n}",
    },
    // a callback library's each-loop whose iteratee only ever signals completion
    {
      filename,
      code: "import async from 'async';\nexport function closeAll(sockets: Array<{ close(): void }>): void {\n  async.each(sockets, (socket, done) => {\n    socket.close();\n    done();\n  }).then(() => console.log('closed'));\n}",
    },
    // a chain on a helper two modules away that catches every failure of the command it runs
    {
      filename,
      code: "import { toolVersion } from './stores/tool';\nexport function show(): void {\n  toolVersion().then((version) => console.log(version));\n}",
    },
    // a dialog whose promise only resolves with the person's answer
    {
      filename,
      code: "import { confirmAction } from './stores/dialogs';\nexport function onReset(reset: () => void): void {\n  confirmAction('Reset?').then((yes) => {\n    if (yes) reset();\n  });\n}",
    },
  ],
  invalid: [
    // a kept `reject` in a table other modules reach (exported, or a protected field a subclass
    // fails on close): the module that receives the replies may call it
    {
      filename,
      code: "export const pending = new Map<string, { resolve: Function; reject: Function }>();\nexport function call(id: string): Promise<string> {\n  return new Promise((resolve, reject) => {\n    pending.set(id, { resolve, reject });\n  });\n}\nexport function show(id: string): void {\n  call(id).then((text) => console.log(text));\n}",
      errors: [chain("export const pending = new Map<string, { resolve: Function; reject: Function }>();\nexport function call(id: string): Promise<string> {\n  return new Promise((resolve, reject) => {\n    pending.set(id, { resolve, reject });\n  });\n}\nexport function show(id: string): void {\n  call(id).then((text) => console.log(text));\n}", 8, 'call(id)')],
    },
    {
      filename,
      code: "export class Client {\n  protected waiting = new Map<string, { ok: Function; fail: Function }>();\n  request(id: string): Promise<string> {\n    return new Promise((resolve, reject) => {\n      this.waiting.set(id, { ok: resolve, fail: reject });\n    });\n  }\n  ping(): void {\n    this.request('ping').then((text) => console.log(text));\n  }\n}",
      errors: [chain("export class Client {\n  protected waiting = new Map<string, { ok: Function; fail: Function }>();\n  request(id: string): Promise<string> {\n    return new Promise((resolve, reject) => {\n      this.waiting.set(id, { ok: resolve, fail: reject });\n    });\n  }\n  ping(): void {\n    this.request('ping').then((text) => console.log(text));\n  }\n}", 9, "this.request('ping')")],
    },
    // the same interface injected through the constructor: the caller may plug in an
    // implementation kept anywhere (another folder, another package), so the chain may reject
    {
      filename,
      code: "import type { SessionStore } from './stores/store';\nexport class Api {\n  constructor(private store: SessionStore) {}\n  ping(): void {\n    this.store.localCount().then((count) => console.log(count));\n  }\n}",
      errors: [chain("import type { SessionStore } from './stores/store';\nexport class Api {\n  constructor(private store: SessionStore) {}\n  ping(): void {\n    this.store.localCount().then((count) => console.log(count));\n  }\n}", 5, 'this.store.localCount()')],
    },
    // one class behind the interface fetches over a client: the chain can reject
    {
      filename,
      code: remoteGet,
      errors: [chain(remoteGet, 5, 'this.store.get(id)')],
    },
    // the kept `reject` is called from the table elsewhere in the file
    {
      filename,
      code: calledReject,
      errors: [chain(calledReject, 15, 'this.count(id)')],
    },
    // an iteratee that hands an error to its callback
    {
      filename,
      code: failingEach,
      errors: [chain(failingEach, 3, 'async.each(')],
    },
    // the head catches everything, but the callback hands the request on to the caller's next
    // step, which then runs inside the chain
    {
      filename,
      code: handsOn,
      errors: [chain(handsOn, 5, 'this.limiter.take(')],
    },
    // an async function of another module that refuses bad input rejects by design
    {
      filename,
      code: "import { applyCode } from './stores/codes';\nexport async function onSubmit(code: string): Promise<void> {\n  applyCode(code);\n}",
      errors: [{ ...call(3), suggestions: [{ messageId: 'suggestAwait', output: "import { applyCode } from './stores/codes';\nexport async function onSubmit(code: string): Promise<void> {\n  await applyCode(code);\n}" }, { messageId: 'suggestVoid', output: "import { applyCode } from './stores/codes';\nexport async function onSubmit(code: string): Promise<void> {\n  void applyCode(code);\n}" }] }],
    },
    // an abstract method: which class runs it is not known
    {
      filename,
      code: abstractRun,
      errors: [chain(abstractRun, 3, 'worker.run(')],
    },
  ],
});
