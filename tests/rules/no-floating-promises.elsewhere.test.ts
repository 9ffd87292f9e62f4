import path from 'node:path';
import rule, { type MessageIds, type Options } from '../../src/rules/no-floating-promises';
import { FIXTURES_DIR, ruleTester, typedRuleTester } from '../rule-tester';

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
const barrelDefault = "import clock from './stores/timekeeping';\nexport function onTick(): void {\n  clock.now().then((time) => console.log(time));\n}";
const queuePush = "const queue = require('./stores/queue.cjs');\nexport function add(job: object): void {\n  queue.push(job).then(() => console.log('queued'));\n}";
const optionalCache =
  "import { MemoryPriceCache } from './stores/cache';\nexport class Prices {\n  constructor(options) {\n    this.cache = options.cache || new MemoryPriceCache();\n  }\n  keep(sku, price) {\n    this.cache.remember(sku, price).then(() => console.log('kept', sku));\n  }\n}";
const runNamed = "import { commands } from './stores/commands';\nexport function onBuild(): void {\n  commands.runNamed('make').then((out) => console.log(out));\n}";
const presenceAnnounce = "import presence from './stores/presence';\nexport function onStart(): void {\n  presence.announce().then(() => console.log('online'));\n}";
const presenceRefresh = "import presence from './stores/presence';\nexport function onTick(): void {\n  presence.refresh().then(() => console.log('fresh'));\n}";
const retry = "import { commands } from './stores/commands';\nexport function onBuild(): void {\n  commands.retry('make').then((out) => console.log(out));\n}";
const publicCache =
  "import { MemoryPriceCache, type PriceCache } from './stores/cache';\nexport class Prices {\n  cache: PriceCache = new MemoryPriceCache();\n  keep(sku: string, price: number): void {\n    this.cache.remember(sku, price).then(() => console.log('kept', sku));\n  }\n}";
const upload = "import { Preferences } from './stores/preferences';\nexport function onSave(): void {\n  Preferences.upload().then(() => console.log('saved'));\n}";
const synchronise = "import clock from './stores/clock';\nexport function onWake(): void {\n  clock.synchronise().then(() => console.log('in time'));\n}";
const runStrict = "import { commands } from './stores/commands';\nexport function onBuild(): void {\n  commands.runStrict('make').then((out) => console.log(out));\n}";
const checkStrict = "const status = require('./stores/status.cjs');\nexport function onTick(names: string[]): void {\n  status.checkStrict(names).then((all) => console.log(all));\n}";
const injectedCache =
  "import type { PriceCache } from './stores/cache';\nexport class Prices {\n  private cache: PriceCache;\n  constructor(cache: PriceCache) {\n    this.cache = cache;\n  }\n  keep(sku: string, price: number): void {\n    this.cache.remember(sku, price).then(() => console.log('kept', sku));\n  }\n}";
const swappableCache =
  "import { MemoryPriceCache, type PriceCache } from './stores/cache';\nexport class Prices {\n  private cache: PriceCache = new MemoryPriceCache();\n  useCache(cache: PriceCache): void {\n    this.cache = cache;\n  }\n  keep(sku: string, price: number): void {\n    this.cache.remember(sku, price).then(() => console.log('kept', sku));\n  }\n}";
const unsetStore =
  "import type { SessionStore } from './stores/store';\nexport class Api {\n  store!: SessionStore;\n  ping(): void {\n    this.store.localCount().then((count) => console.log(count));\n  }\n}";
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
    // a value declared as an interface by a function's return type: every class of its folder
    // that implements it (in memory, and a remote one inheriting the in-memory count) answers
    // without rejecting
    {
      filename,
      code: "import { currentStore } from './stores/current';\nexport function ping(): void {\n  currentStore().localCount().then((count) => console.log(count));\n}",
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
    // a static method of an imported class, which reads a storage area through a wrapper that only
    // resolves; also inherited by a subclass
    {
      filename,
      code: "import { Preferences } from './stores/preferences';\nexport function onOpen(): void {\n  Preferences.load().then((prefs) => console.log(prefs));\n}",
    },
    {
      filename,
      code: "import { SitePreferences } from './stores/preferences';\nexport function onOpen(): void {\n  SitePreferences.load().then((prefs) => console.log(prefs));\n}",
    },
    // the one instance a module makes when it loads, imported by name or as its default
    {
      filename,
      code: "import clock from './stores/clock';\nexport function onTick(): void {\n  clock.now().then((time) => console.log(time));\n}",
    },
    {
      filename,
      code: "import { clock } from './stores/clock';\nexport function onTick(): void {\n  clock.now().then((time) => console.log(time));\n}",
    },
    // ...also through a barrel's `export *`
    {
      filename,
      code: "import { clock } from './stores/timekeeping';\nexport function onTick(): void {\n  clock.now().then((time) => console.log(time));\n}",
    },
    // a helper held by an exported object literal, which catches every failure of its command
    {
      filename,
      code: "import { commands } from './stores/commands';\nexport function onStatus(): void {\n  commands.run('git status').then((out) => console.log(out));\n}",
    },
    // a shorthand property of a module's default export names the module's own function, which
    // catches every failure
    {
      filename,
      code: "import presence from './stores/presence';\nexport function onQuit(): void {\n  presence.withdraw().then(() => console.log('offline'));\n}",
    },
    // a CommonJS export that catches every failure
    {
      filename,
      code: "const queue = require('./stores/queue.cjs');\nexport function add(job: object): void {\n  queue.pushLocal(job).then(() => console.log('queued'));\n}",
    },
    {
      filename,
      code: "const status = require('./stores/status.cjs');\nexport function onTick(names: string[]): void {\n  status.checkAll(names).then((ok) => console.log(ok));\n}",
    },
    // a field declared as an interface whose every value is made here with `new` (its initialiser,
    // or the constructor), reached through `this` or, for a static field, the class's name
    {
      filename,
      code: "import { MemoryPriceCache, type PriceCache } from './stores/cache';\nexport class Prices {\n  private cache: PriceCache;\n  constructor() {\n    this.cache = new MemoryPriceCache();\n  }\n  keep(sku: string, price: number): void {\n    this.cache.remember(sku, price).then(() => console.log('kept', sku));\n  }\n}",
    },
    // ...a private one only ever gets the in-memory cache its class makes
    {
      filename,
      code: "import { MemoryPriceCache, type PriceCache } from './stores/cache';\nexport class Prices {\n  private cache: PriceCache = new MemoryPriceCache();\n  keep(sku: string, price: number): void {\n    this.cache.remember(sku, price).then(() => console.log('kept', sku));\n  }\n}",
    },
    // plain JavaScript: a field only ever given a `new` in the constructor, never declared
    {
      filename,
      code: "import { MemoryPriceCache } from './stores/cache';\nexport class Prices {\n  constructor() {\n    this.cache = new MemoryPriceCache();\n  }\n  keep(sku, price) {\n    this.cache.remember(sku, price).then(() => console.log('kept', sku));\n  }\n}",
    },
    {
      filename,
      code: "import { MemoryPriceCache, type PriceCache } from './stores/cache';\nexport class Prices {\n  private static cache: PriceCache = new MemoryPriceCache();\n  static keep(sku: string, price: number): void {\n    Prices.cache.remember(sku, price).then(() => console.log('kept', sku));\n    this.cache.remember(sku, price).then(() => console.log('kept', sku));\n  }\n}",
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
    // the other static method, the singleton's other method, the object's other helper and the
    // CommonJS module's other export do reach the network or let a failure through
    { filename, code: upload, errors: [chain(upload, 3, 'Preferences.upload()')] },
    // `export *` does not pass a default on: what a default import of the barrel is stays unknown
    { filename, code: barrelDefault, errors: [chain(barrelDefault, 3, 'clock.now()')] },
    { filename, code: synchronise, errors: [chain(synchronise, 3, 'clock.synchronise()')] },
    { filename, code: runStrict, errors: [chain(runStrict, 3, 'commands.runStrict(')] },
    // ...and its helper held by name, or a method its module replaces: set-up code may swap them
    { filename, code: runNamed, errors: [chain(runNamed, 3, 'commands.runNamed(')] },
    { filename, code: retry, errors: [chain(retry, 3, 'commands.retry(')] },
    // the same default export's function that lets its failure through, and one that set-up code replaces
    { filename, code: presenceAnnounce, errors: [chain(presenceAnnounce, 3, 'presence.announce(')] },
    { filename, code: presenceRefresh, errors: [chain(presenceRefresh, 3, 'presence.refresh(')] },
    // a public field given an in-memory cache here may be given another by a subclass or by
    // set-up code: every class of the interface's folder counts, and the remote one can reject
    { filename, code: publicCache, errors: [chain(publicCache, 5, 'this.cache.remember(')] },
    { filename, code: checkStrict, errors: [chain(checkStrict, 3, 'status.checkStrict(')] },
    // a CommonJS module that exports a client made elsewhere: a helper of the same name written in
    // it, not exported, is not what runs
    { filename, code: queuePush, errors: [chain(queuePush, 3, 'queue.push(')] },
    // a field declared as an interface and given a constructor's parameter, or given one through
    // a setter besides its in-memory default, or never given a value here (filled from outside):
    // any implementation may be behind it, kept anywhere
    { filename, code: injectedCache, errors: [chain(injectedCache, 8, 'this.cache.remember(')] },
    { filename, code: swappableCache, errors: [chain(swappableCache, 8, 'this.cache.remember(')] },
    { filename, code: unsetStore, errors: [chain(unsetStore, 5, 'this.store.localCount()')] },
    // plain JavaScript: a field given an option or a default is whatever the caller passes
    { filename, code: optionalCache, errors: [chain(optionalCache, 7, 'this.cache.remember(')] },
    // an abstract method: which class runs it is not known
    {
      filename,
      code: abstractRun,
      errors: [chain(abstractRun, 3, 'worker.run(')],
    },
  ],
});

// With the checker, which names the literal's function behind `commands.runNamed` or
// `presence.refresh`: a member set-up code may replace (a property holding a function under
// another name or an arrow, or one its module assigns) is as unknown as without types, so those
// drops stay reported; a method or gathered function nothing replaces is judged by its body.
typedRuleTester.run('no-floating-promises (typed: members of another module that set-up code may replace)', testedRule, {
  valid: [
    { filename, code: "import { commands } from './stores/commands';\nexport function onStatus(): void {\n  commands.run('git status').then((out) => console.log(out));\n}" },
    { filename, code: "import presence from './stores/presence';\nexport function onQuit(): void {\n  presence.withdraw().then(() => console.log('offline'));\n}" },
  ],
  invalid: [
    { filename, code: runNamed, errors: [chain(runNamed, 3, 'commands.runNamed(')] },
    { filename, code: retry, errors: [chain(retry, 3, 'commands.retry(')] },
    { filename, code: presenceRefresh, errors: [chain(presenceRefresh, 3, 'presence.refresh(')] },
  ],
});
