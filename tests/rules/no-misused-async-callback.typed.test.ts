import path from 'node:path';
import rule, { type MessageIds, type Options } from '../../src/rules/no-misused-async-callback';
import { FIXTURES_DIR, typedRuleTester } from '../rule-tester';

// @typescript-eslint/rule-tester pins its own copy of utils; the rule is the same object at run time.
const testedRule = rule as unknown as Parameters<typeof typedRuleTester.run<MessageIds, Options>>[1];

const IMPORT = "import { saveUser, syncValue } from './promise-api';\n";

/** Helpers of a page: a keyboard shortcut run from a DOM listener and a debounce run from a timer, both typed `void`. */
const SHORTCUT_AND_DEBOUNCE =
  "function useShortcut(key: string, run: () => void): void {\n  window.addEventListener('keydown', (event) => { if (event.metaKey && event.key === key) run(); });\n}\n" +
  'function debounceCall(run: (...args: string[]) => void, wait: number): (...args: string[]) => void {\n  let timer: ReturnType<typeof setTimeout> | undefined;\n  return (...args) => {\n    clearTimeout(timer);\n    timer = setTimeout(() => run(...args), wait);\n  };\n}\n';

/** The same helpers in browser UI code (the file imports a UI framework). */
const UI_PREAMBLE = `${IMPORT}import { useState } from 'react';\nexport const use = useState;\n${SHORTCUT_AND_DEBOUNCE}`;

typedRuleTester.run('no-misused-async-callback (typed)', testedRule, {
  valid: [
    // a forEach whose callback returns the promise of a service method that only publishes on an
    // in-memory bus (graphql-subscriptions' \`PubSub\`): it cannot reject, so nothing is lost
    { filename: 'file.ts', code: "import { Broadcasts } from './broadcasts';\nexport function archive(broadcasts: Broadcasts, ids: string[]): void {\n  ids.forEach((id) => broadcasts.announce('board/' + id, { archived: true }));\n}" },
    // a parameter declared \`() => void | Promise<void>\` handed on where \`() => void\` is expected:
    // its own declaration already says its promise may be ignored
    { filename: 'file.ts', code: "declare function assertOpen(signal: AbortSignal, beforeThrow?: () => void): void;\nexport function check(signal: AbortSignal, onAbort?: () => void | Promise<void>): void {\n  assertOpen(signal, onAbort);\n}" },
    // a timer callback whose one await runs work through a runner declared to settle with what the
    // function it is handed returns (`trace<T>(run: () => Promise<T>): Promise<T>`), when that
    // function catches everything: the author made it the boundary of its errors
    { filename: 'file.ts', code: "interface Span { end(): void }\ninterface Tasks {\n  trace<T>(name: string, run: (span?: Span) => Promise<T> | T): Promise<T> | T;\n  extend(ids: string[]): Promise<string[]>;\n  emit(event: string, value: unknown): boolean;\n}\nexport class Renewer {\n  timer?: NodeJS.Timeout;\n  constructor(private tasks: Tasks) {}\n  private async renew(ids: string[]): Promise<void> {\n    await this.tasks.trace('renew', async (span?: Span) => {\n      try {\n        const failed = await this.tasks.extend(ids);\n        this.tasks.emit('failed', failed);\n      } catch (error) {\n        this.tasks.emit('error', error);\n      }\n      span?.end();\n    });\n  }\n  schedule(ids: string[]): void {\n    this.timer = setTimeout(async () => {\n      if (ids.length > 0) await this.renew(ids);\n      this.schedule(ids);\n    }, 1000);\n  }\n}" },
    // an overload takes a promise-returning function there: the API awaits it, whichever signature the checker picked
    { filename: 'file.ts', code: "interface Job { id: string }\ndeclare function define(name: string, handler: (job: Job, done: (error?: Error) => void) => void): void;\ndeclare function define(name: string, handler: (job: Job) => Promise<void>): void;\ndeclare function work(job: Job): Promise<void>;\ndefine('send', async (job: Job) => { await work(job); });" },
    // synchronous callbacks, including ones that call sync functions
    { filename: 'file.ts', code: `${IMPORT}['a'].forEach((name) => syncValue());` },
    // streams and async iterator helpers await their callbacks
    {
      filename: 'file.ts',
      code: "import { Readable } from 'node:stream';\nexport async function f(stream: Readable) {\n  await stream.forEach(async (chunk) => { void chunk; });\n  stream.map(async (chunk) => chunk);\n}",
    },
    // a parameter whose type allows a promise
    {
      filename: 'file.ts',
      code: `${IMPORT}declare function run(task: () => void | Promise<void>): void;\nrun(async () => { await saveUser('a'); });`,
    },
    {
      filename: 'file.ts',
      code: "import { test } from 'node:test';\ntest('a', async () => {});",
    },
    // event listeners are accepted by default
    {
      filename: 'file.ts',
      code: "import { EventEmitter } from 'node:events';\nconst emitter = new EventEmitter();\nemitter.on('data', async () => {});\nemitter.once('end', async () => {});",
    },
    // a collection whose forEach is declared to take async callbacks
    {
      filename: 'file.ts',
      code: 'declare const jobs: { forEach(run: (job: string) => Promise<void>): void };\njobs.forEach(async (job) => { void job; });',
    },
    // promise.finally waits for a promise its callback returns
    {
      filename: 'file.ts',
      code: `${IMPORT}export const done = saveUser('a').finally(async () => { await saveUser('b'); });`,
    },
    // an async function that catches everything does not reject
    {
      filename: 'file.ts',
      code: `${IMPORT}setTimeout(async () => {\n  try {\n    await saveUser('a');\n  } catch (error) {\n    console.error(error);\n  }\n}, 10);`,
    },
    // a sync Promise executor that adapts another promise
    {
      filename: 'file.ts',
      code: `${IMPORT}export const p = new Promise<string>((resolve, reject) => saveUser('a').then(resolve, reject));`,
    },
    // a parameter typed `any` or returning `unknown`
    { filename: 'file.ts', code: 'declare function run(task: any): void;\nrun(async () => {});' },
    { filename: 'file.ts', code: 'declare function run(task: () => unknown): void;\nrun(async () => {});' },
    // a listener passed to off/removeListener/removeEventListener is never called
    {
      filename: 'file.ts',
      code: "import { EventEmitter } from 'node:events';\nconst emitter = new EventEmitter();\nconst onData = async () => {};\nemitter.off('data', onData);\nemitter.removeListener('data', onData);",
      options: [{ allowEventListeners: false }],
    },
    { filename: 'file.ts', code: 'declare const target: EventTarget;\nconst onPing = async () => {};\ntarget.removeEventListener(\'ping\', onPing);', options: [{ allowEventListeners: false }] },
    // a callback API called with its callback (typed \`Promise | undefined\`) returns nothing
    {
      filename: 'file.ts',
      code: 'declare function query(sql: string, done?: (error: Error | null) => void): Promise<void> | undefined;\nsetTimeout(() => query(\'a\', (error) => { void error; }), 10);',
    },
    // callbacks that already handle their rejection: an inline .catch, a body inside try/catch
    { filename: 'file.ts', code: `${IMPORT}setTimeout(() => saveUser('a').catch(() => undefined), 10);` },
    { filename: 'file.ts', code: `${IMPORT}setTimeout(() => { return saveUser('a').then(() => 1, () => 0); }, 10);` },
    { filename: 'file.ts', code: `${IMPORT}setTimeout(async () => { await saveUser('a').catch(() => undefined); }, 10);` },
    {
      filename: 'file.ts',
      code: `${IMPORT}declare function report(error: unknown): Promise<void>;\nsetTimeout(async () => {\n  const name = 'a';\n  try {\n    await saveUser(name);\n  } catch (error) {\n    await report(error);\n  }\n}, 10);`,
    },
    // emitter listeners accepted by default: one that guards its await, one that runs while the
    // process shuts down, a DOM listener (a rejection there is logged and the page goes on)
    {
      filename: 'file.ts',
      code: "import { EventEmitter } from 'node:events';\nimport { saveUser } from './promise-api';\nconst emitter = new EventEmitter();\nemitter.on('close', async () => {\n  try {\n    await saveUser('a');\n  } catch (error) {\n    console.error(error);\n  }\n});",
    },
    { filename: 'file.ts', code: `${IMPORT}process.on('SIGTERM', async () => {\n  await saveUser('shutdown');\n  process.exit(0);\n});` },
    { filename: 'file.ts', code: `${IMPORT}declare const button: HTMLButtonElement;\nbutton.addEventListener('click', async () => { await saveUser('a'); });` },
    // a listener fully inside try/catch whose early return hands back no promise
    {
      filename: 'file.ts',
      code: "import { parentPort } from 'node:worker_threads';\nimport { saveUser } from './promise-api';\nparentPort?.on('message', async (name: string) => {\n  try {\n    if (!name) return parentPort?.close();\n    parentPort?.postMessage(await saveUser(name));\n  } catch (error) {\n    parentPort?.postMessage({ error: String(error) });\n  }\n});",
    },
    // a named local function that already handles its rejection
    { filename: 'file.ts', code: `${IMPORT}const tick = () => saveUser('a').catch(() => undefined);\nsetInterval(tick, 1000);` },
    {
      filename: 'file.ts',
      code: `${IMPORT}async function refresh() {\n  try {\n    await saveUser('a');\n  } catch {\n    console.error('refresh failed');\n  }\n}\nsetInterval(refresh, 1000);`,
    },
    // named arguments that cannot be functions are not asked about: literals, objects, members
    // of other objects, parameters typed as data
    { filename: 'file.ts', code: `${IMPORT}const limit = 10;\nconst options = { limit };\nexport function f(names: string[], label: string) {\n  setTimeout(console.log, limit, options, names, label);\n}` },
    // an async callback with nothing to await cannot reject; sync code around a guarded await
    { filename: 'file.ts', code: 'setTimeout(async () => { console.log(1); }, 10);' },
    {
      filename: 'file.ts',
      code: `${IMPORT}export class Client {\n  timer: unknown = null;\n  closing = false;\n  reconnect() {\n    this.timer = setTimeout(async () => {\n      this.timer = null;\n      if (this.closing) return;\n      try {\n        await saveUser('a');\n      } catch {\n        this.closing = true;\n      }\n    }, 10);\n  }\n}`,
    },
    // a replying listener that handles its rejection
    {
      filename: 'file.ts',
      code: "import { parentPort } from 'node:worker_threads';\nimport { saveUser } from './promise-api';\nparentPort?.on('message', async (name: string) => {\n  try {\n    parentPort?.postMessage(await saveUser(name));\n  } catch (error) {\n    parentPort?.postMessage({ error: String(error) });\n  }\n});",
    },
    // async overrides: a base method that may return a promise, or a body that handles its errors
    {
      filename: 'file.ts',
      code: `${IMPORT}class Base { run(): Promise<void> | void {} }\nexport class Job extends Base { async run() { await saveUser('a'); } }`,
    },
    {
      filename: 'file.ts',
      code: "import { Readable } from 'node:stream';\nimport { saveUser } from './promise-api';\nexport class Names extends Readable {\n  async _read() {\n    try {\n      this.push(await saveUser('a'));\n    } catch (error) {\n      this.destroy(error as Error);\n    }\n  }\n}",
    },
    // an options-object hook that handles its errors, or an option that may return a promise
    {
      filename: 'file.ts',
      code: "import { Readable } from 'node:stream';\nimport { saveUser } from './promise-api';\nexport const names = new Readable({\n  async read() {\n    try {\n      this.push(await saveUser('a'));\n    } catch (error) {\n      this.destroy(error as Error);\n    }\n  },\n});",
    },
    { filename: 'file.ts', code: `${IMPORT}declare function job(options: { run(): Promise<void> }): void;\njob({ async run() { await saveUser('a'); } });` },
    // a handler of another module declared with a type that allows a promise, whose own function is
    // synchronous: the annotation allows a promise, the function never makes one
    { filename: 'file.ts', code: "import { clearHeaders } from './middleware';\ndeclare const app: { use(handler: (path: string, next: () => void) => void): void };\napp.use(clearHeaders);" },
    // an interface only declares a shape
    { filename: 'file.ts', code: `${IMPORT}interface Hook { start(): void }\nexport class Job implements Hook { async start() { await saveUser('a'); } }` },
    // a generic callee whose return type is inferred from the callback says nothing about waiting,
    // but a map whose promises are returned is fine
    { filename: 'file.ts', code: `${IMPORT}export function f(names: string[]) { return names.map(async (name) => saveUser(name)); }` },
    // a wrapper of this program that types its callback \`() => void\` but only hands it to an API
    // taking any return value (a command registry that awaits the handler and reports its failure):
    // the \`void\` is the wrapper's shorthand, not a promise ignored; also through a second wrapper,
    // a class method, and for a named async function
    {
      filename: 'file.ts',
      code: `${IMPORT}declare const registry: { add(id: string, handler: (...args: unknown[]) => unknown): { dispose(): void } };\nconst addHandler = (id: string, handler: () => void) => registry.add(id, handler);\naddHandler('save', async () => { await saveUser('a'); });`,
    },
    {
      filename: 'file.ts',
      code: `${IMPORT}declare const registry: { add(id: string, handler: (...args: any[]) => any): void };\nfunction addHandler(id: string, handler: (name: string) => void): void {\n  registry.add(id, (handler));\n}\nexport function addSaveHandler(id: string, handler: (name: string) => void) {\n  addHandler(id, handler);\n}\naddSaveHandler('save', saveUser);`,
    },
    {
      filename: 'file.ts',
      code: `${IMPORT}interface Thenable<T> { then<R>(done: (value: T) => R): Thenable<R> }\ndeclare const registry: { add(id: string, handler: () => Thenable<unknown> | undefined): void };\nexport class Commands {\n  register(id: string, handler: () => void): void {\n    registry.add(id, handler as () => undefined);\n  }\n}\nnew Commands().register('save', async () => { await saveUser('a'); });`,
    },
    // a helper of this program that types its callback \`(item) => void\` but waits for what the
    // callback returns (awaits it, returns it, handles its rejection, or awaits the value it kept):
    // the promise is not ignored, whatever the parameter's type says; in this file or another
    {
      filename: 'file.ts',
      code: `${IMPORT}async function eachInTurn<T>(items: T[], visit: (item: T) => void): Promise<void> {\n  for (const item of items) {\n    await visit(item);\n  }\n}\nexport async function saveAll(names: string[]) {\n  await eachInTurn(names, async (name) => { await saveUser(name); });\n}`,
    },
    {
      filename: 'file.ts',
      code: `${IMPORT}function settled(run: () => void): Promise<void> {\n  return Promise.resolve(run()).catch(() => undefined);\n}\nconst started = (run: () => void): Promise<unknown> => Promise.resolve(run());\nexport async function save() {\n  await settled(async () => { await saveUser('a'); });\n  await started(async () => { await saveUser('b'); });\n}`,
    },
    {
      filename: 'file.ts',
      code: `${IMPORT}async function timed(run: (started: number) => void): Promise<number> {\n  const started = Date.now();\n  const pending = run(started);\n  await pending;\n  return Date.now() - started;\n}\nexport const took = timed(async () => { await saveUser('a'); });`,
    },
    {
      filename: 'file.ts',
      code: "import { eachInTurn } from './in-turn';\nimport { saveUser } from './promise-api';\nexport async function saveAll(names: string[]) {\n  await eachInTurn(names, async (name) => { await saveUser(name); });\n}",
    },
    // typescript-eslint's no-misused-promises disabled for the handler's line: the author saw the
    // ignored promise and kept it (oxlint's spelling here: ESLint's rule tester rejects a directive
    // naming a rule it does not know)
    {
      filename: 'file.ts',
      code: `${IMPORT}declare const app: { get(path: string, handler: (request: { url: string }) => void): void };\n// oxlint-disable-next-line typescript/no-misused-promises -- a development server\napp.get('/', async (request) => { await saveUser(request.url); });`,
    },
    // ...and for an async override of a void base method under the same disable
    {
      filename: 'file.ts',
      code: `${IMPORT}class Component { componentDidMount(): void {} }\nexport class Page extends Component {\n  // oxlint-disable-next-line typescript/no-misused-promises\n  async componentDidMount() {\n    await saveUser('a');\n  }\n}`,
    },
    // an emitter's async listener in browser UI code (here a file importing a UI framework): a
    // rejection reaches the console, as for addEventListener (by default, allowEventListeners)
    {
      filename: 'file.ts',
      code: `${IMPORT}import { useState } from 'react';\nimport { EventEmitter } from 'node:events';\nexport const socket = new EventEmitter();\nexport const use = useState;\nsocket.on('user:renamed', async (name: string) => { await saveUser(name); });`,
    },
    // browser UI code (a file importing a UI framework): an async action handed to a void-typed
    // keyboard-shortcut helper or to a debounce helper. The page logs a rejection, as it does for
    // the same action as a click handler; the braces form (`() => { saveUser('a'); }`) is a drop
    // no-floating-promises leaves alone there
    {
      filename: 'file.ts',
      code: `${UI_PREAMBLE}useShortcut('n', () => saveUser('new'));\nexport const checkName = debounceCall(async (name: string) => {\n  const taken = await saveUser(name);\n  console.log(taken);\n}, 300);`,
    },
    // ...and so is one handed to a helper the program only declares (a library's hotkey hook), or
    // to a helper of the program whose try wraps only the registration of a listener that runs it
    {
      filename: 'file.ts',
      code: `${UI_PREAMBLE}declare function useHotkey(key: string, run: () => void): void;\nfunction onKey(key: string, run: () => void): void {\n  try {\n    window.addEventListener('keydown', (event) => { if (event.key === key) run(); });\n  } catch (error) {\n    console.error(error);\n  }\n}\nuseHotkey('o', async () => { await saveUser('o'); });\nonKey('p', async () => { await saveUser('p'); });`,
    },
    // a teardown handed to an event: \`() => list.dispose()\` whose dispose is async because of its items
    {
      filename: 'file.ts',
      code: "interface Disposables { dispose(): Promise<void> }\ndeclare function onDisconnect(listener: () => void): void;\nexport function watch(owned: Disposables) {\n  onDisconnect(() => owned.dispose());\n}",
    },
    // option checksVoidReturn: false
    {
      filename: 'file.ts',
      code: 'setTimeout(async () => {}, 10);',
      options: [{ checksVoidReturn: false }],
    },
  ],
  invalid: [
    // the same keyboard-shortcut and debounce helpers outside UI code: still reported
    {
      filename: 'file.ts',
      code: `${IMPORT}${SHORTCUT_AND_DEBOUNCE}useShortcut('n', () => saveUser('new'));\nexport const checkName = debounceCall(async (name: string) => {\n  const taken = await saveUser(name);\n  console.log(taken);\n}, 300);`,
      errors: [
        { messageId: 'voidReturn', data: { callee: 'useShortcut' }, line: 12, column: 18 },
        { messageId: 'voidReturn', data: { callee: 'debounceCall' }, line: 13, column: 39 },
      ],
    },
    // in browser UI code, a helper of the program that owns the callback's outcome: it runs the
    // callback inside a try (a catch that shows the error, a finally that stops a spinner). An async
    // callback's rejection escapes the catch, and the finally runs before its work ends
    {
      filename: 'file.ts',
      code: `${UI_PREAMBLE}declare function showToast(message: string): void;\ndeclare function setBusy(busy: boolean): void;\nfunction withErrorToast(run: () => void): void {\n  try { run(); } catch (error) { showToast(String(error)); }\n}\nfunction withBusy(run: () => void): void {\n  setBusy(true);\n  try { run(); } finally { setBusy(false); }\n}\nwithErrorToast(async () => { await saveUser('a'); });\nwithBusy(async () => { await saveUser('b'); });`,
      errors: [
        { messageId: 'voidReturn', data: { callee: 'withErrorToast' }, line: 23, column: 16 },
        { messageId: 'voidReturn', data: { callee: 'withBusy' }, line: 24, column: 10 },
      ],
    },
    {
      // The helper goes on with its own work right after the call: the spinner stops before the save ends.
      code: `${UI_PREAMBLE}declare function setLoading(loading: boolean): void;\nfunction withLoading(run: () => void): void {\n  setLoading(true);\n  run();\n  setLoading(false);\n}\nwithLoading(async () => { await saveUser('a'); });`,
      errors: [{ messageId: 'voidReturn', data: { callee: 'withLoading' } }],
    },
    // in browser UI code, an async hook passed in an options object stays reported (the UI silence
    // covers positional callbacks only)
    {
      filename: 'file.ts',
      code: `${UI_PREAMBLE}function useShortcutOptions(options: { key: string; run: () => void }): void {\n  useShortcut(options.key, options.run);\n}\nuseShortcutOptions({ key: 'o', run: async () => { await saveUser('o'); } });`,
      errors: [{ messageId: 'voidReturn', data: { callee: 'useShortcutOptions' }, line: 17, column: 32 }],
    },
    // ...and in browser UI code with allowEventListeners off, as a UI emitter's listener is
    {
      filename: 'file.ts',
      code: `${UI_PREAMBLE}useShortcut('n', () => saveUser('new'));`,
      options: [{ allowEventListeners: false }],
      errors: [{ messageId: 'voidReturn', data: { callee: 'useShortcut' }, line: 14, column: 18 }],
    },
    // in browser UI code, a page's listener for messages that must reply is still judged
    {
      filename: 'file.ts',
      code: `${UI_PREAMBLE}window.addEventListener('message', async (event: MessageEvent) => {\n  await saveUser(String(event.data));\n});`,
      errors: [{ messageId: 'voidReturn', data: { callee: 'window.addEventListener' }, line: 14, column: 36 }],
    },
    // in browser UI code, a predicate and a Promise executor still misread the promise
    {
      filename: 'file.ts',
      code: `${UI_PREAMBLE}export const kept = (names: string[]) => names.filter(async (name) => (await saveUser(name)) !== '');\nexport const saved = new Promise<string>(async (resolve) => {\n  resolve(await saveUser('a'));\n});`,
      errors: [
        { messageId: 'predicateCallback', data: { method: 'filter' }, line: 14, column: 55 },
        { messageId: 'promiseExecutor', line: 15, column: 42 },
      ],
    },
    // a component test in a UI project (imports React and a test runner): an async describe body
    // is still reported, the runner collects no test defined after its first await
    {
      filename: 'file.ts',
      code: `${IMPORT}import { useState } from 'react';\nimport { expect } from 'vitest';\nexport const use = useState;\ndeclare function describe(name: string, body: () => void): void;\ndeclare function it(name: string, body: () => void): void;\ndescribe('profile form', async () => {\n  const saved = await saveUser('fixture');\n  it('shows the saved name', () => { expect(saved).toBe('fixture'); });\n});`,
      errors: [{ messageId: 'voidReturn', data: { callee: 'describe' }, line: 7, column: 26 }],
    },
    // ...and so does an async forEach callback, whose awaits forEach does not wait for
    {
      filename: 'file.ts',
      code: `${UI_PREAMBLE}export const saveAll = (names: string[]) => names.forEach(async (name) => {\n  await saveUser(name);\n});`,
      errors: [{ messageId: 'ignoredCallback', data: { method: 'forEach' }, line: 14, column: 59 }],
    },
    // ...but not one declared to return only a promise
    {
      filename: 'file.ts',
      code: "declare function assertOpen(signal: AbortSignal, beforeThrow?: () => void): void;\nexport function check(signal: AbortSignal, onAbort: () => Promise<void>): void {\n  assertOpen(signal, onAbort);\n}",
      errors: [{ messageId: 'voidReturn', line: 3, column: 22 }],
    },
    // ...but not a call that only registers the function (no type parameter shared with it: its
    // promise is its own), nor a runner handed a function that can reject
    {
      filename: 'file.ts',
      code: "interface Span { end(): void }\ninterface Tasks {\n  trace(name: string, run: (span?: Span) => Promise<void>): Promise<void>;\n  extend(ids: string[]): Promise<string[]>;\n  emit(event: string, value: unknown): boolean;\n}\nexport class Renewer {\n  timer?: NodeJS.Timeout;\n  constructor(private tasks: Tasks) {}\n  private async renew(ids: string[]): Promise<void> {\n    await this.tasks.trace('renew', async (span?: Span) => {\n      try {\n        const failed = await this.tasks.extend(ids);\n        this.tasks.emit('failed', failed);\n      } catch (error) {\n        this.tasks.emit('error', error);\n      }\n      span?.end();\n    });\n  }\n  schedule(ids: string[]): void {\n    this.timer = setTimeout(async () => {\n      if (ids.length > 0) await this.renew(ids);\n      this.schedule(ids);\n    }, 1000);\n  }\n}",
      errors: [{ messageId: 'voidReturn', line: 22, column: 29 }],
    },
    {
      filename: 'file.ts',
      code: "interface Span { end(): void }\ninterface Tasks {\n  trace<T>(name: string, run: (span?: Span) => Promise<T> | T): Promise<T> | T;\n  extend(ids: string[]): Promise<string[]>;\n  emit(event: string, value: unknown): boolean;\n}\nexport class Renewer {\n  timer?: NodeJS.Timeout;\n  constructor(private tasks: Tasks) {}\n  private async renew(ids: string[]): Promise<void> {\n    await this.tasks.trace('renew', async (span?: Span) => {\n      const failed = await this.tasks.extend(ids);\n      this.tasks.emit('failed', failed);\n      span?.end();\n    });\n  }\n  schedule(ids: string[]): void {\n    this.timer = setTimeout(async () => {\n      if (ids.length > 0) await this.renew(ids);\n      this.schedule(ids);\n    }, 1000);\n  }\n}",
      errors: [{ messageId: 'voidReturn', line: 18, column: 29 }],
    },
    // no overload takes a promise-returning function there
    {
      filename: 'file.ts',
      code: "interface Job { id: string }\ndeclare function define(name: string, handler: (job: Job) => void): void;\ndeclare function define(name: string, handler: (job: Job, done: () => void) => void, priority: number): void;\ndeclare function work(job: Job): Promise<void>;\ndefine('send', async (job: Job) => { await work(job); });",
      errors: [{ messageId: 'voidReturn', line: 5, column: 16 }],
    },
    // promise-returning callbacks recognized by type
    {
      filename: 'file.ts',
      code: `${IMPORT}export function f(names: string[]) {\n  names.forEach((name) => saveUser(name));\n}`,
      errors: [{ messageId: 'ignoredPromiseCallback', data: { method: 'forEach' }, line: 3, column: 17, suggestions: [] }],
    },
    {
      filename: 'file.ts',
      code: `${IMPORT}export function f(names: string[]) {\n  names.forEach(saveUser);\n}`,
      errors: [{ messageId: 'ignoredCallback', data: { method: 'forEach' }, line: 3, column: 17, suggestions: [] }],
    },
    {
      filename: 'file.ts',
      code: `${IMPORT}export const kept = ['a'].filter(saveUser);`,
      errors: [{ messageId: 'predicateCallback', data: { method: 'filter' }, line: 2, column: 34 }],
    },
    // suggestions need an array type
    {
      filename: 'file.ts',
      code: `${IMPORT}export async function f(names: string[]) {\n  names.forEach(async (name) => {\n    await saveUser(name);\n  });\n}`,
      errors: [
        {
          messageId: 'ignoredCallback',
          data: { method: 'forEach' },
          line: 3,
          column: 17,
          suggestions: [
            {
              messageId: 'suggestForOf',
              output: `${IMPORT}export async function f(names: string[]) {\n  for (const name of names) {\n    await saveUser(name);\n  }\n}`,
            },
            {
              messageId: 'suggestPromiseAll',
              output: `${IMPORT}export async function f(names: string[]) {\n  await Promise.all(names.map(async (name) => {\n    await saveUser(name);\n  }));\n}`,
            },
          ],
        },
      ],
    },
    {
      filename: 'file.ts',
      code: `${IMPORT}export async function f(names: Set<string>) {\n  names.forEach(async (name) => {\n    await saveUser(name);\n  });\n}`,
      errors: [{ messageId: 'ignoredCallback', data: { method: 'forEach' }, line: 3, column: 17, suggestions: [] }],
    },
    // an async forEach callback stays reported under a no-misused-promises disable: the callbacks
    // run unwaited whatever the other rule is told
    {
      code: `${IMPORT}export async function f(names: Set<string>) {\n  // oxlint-disable-next-line typescript/no-misused-promises\n  names.forEach(async (name) => {\n    await saveUser(name);\n  });\n}`,
      errors: [{ messageId: 'ignoredCallback', data: { method: 'forEach' }, line: 4, column: 17, suggestions: [] }],
    },
    // void-returning parameters
    // ...but the same alias on an async handler that awaits a store is reported
    {
      filename: 'file.ts',
      code: "import { loadUser } from './middleware';\ndeclare const app: { use(handler: (path: string, next: () => void) => void): void };\napp.use(loadUser);",
      errors: [{ messageId: 'voidReturn', data: { callee: 'app.use' }, line: 3, column: 9 }],
    },
    // ...and so is a sync initialiser of a `let` that its module later replaces with an async one:
    // the initialiser says nothing about the value handed over
    {
      filename: 'file.ts',
      code: "import { onPath } from './middleware';\ndeclare const app: { use(handler: (path: string, next: () => void) => void): void };\napp.use(onPath);",
      errors: [{ messageId: 'voidReturn', data: { callee: 'app.use' }, line: 3, column: 9 }],
    },
    // ...and so is a sync one whose own return type is any or unknown: no proof that it makes no
    // promise (an untyped client's call hands back whatever it returns, at run time a promise)
    {
      filename: 'file.ts',
      code: "type Handler = (path: string, next: () => void) => Promise<void> | void;\ndeclare const app: { use(handler: (path: string, next: () => void) => void): void };\ndeclare const legacy: any;\nconst savePath: Handler = (path, next) => legacy.save(path).then(next);\napp.use(savePath);",
      errors: [{ messageId: 'voidReturn', data: { callee: 'app.use' }, line: 5, column: 9 }],
    },
    {
      filename: 'file.ts',
      code: "type Handler = (path: string, next: () => void) => Promise<void> | void;\ndeclare const app: { use(handler: (path: string, next: () => void) => void): void };\ndeclare const legacy: { save(path: string): unknown };\nconst savePath: Handler = (path) => legacy.save(path);\napp.use(savePath);",
      errors: [{ messageId: 'voidReturn', data: { callee: 'app.use' }, line: 5, column: 9 }],
    },
    {
      filename: 'file.ts',
      code: "type Handler = (path: string, next: () => void) => Promise<void> | void;\ndeclare const app: { use(handler: (path: string, next: () => void) => void): void };\ndeclare function pass<T>(value: T): T;\nconst savePath: Handler = <T,>(path: T) => pass(path);\napp.use(savePath);",
      errors: [{ messageId: 'voidReturn', data: { callee: 'app.use' }, line: 5, column: 9 }],
    },
    {
      filename: 'file.ts',
      code: `${IMPORT}setTimeout(async () => {\n  await saveUser('a');\n}, 10);`,
      errors: [{ messageId: 'voidReturn', data: { callee: 'setTimeout' }, line: 2, column: 12 }],
    },
    {
      filename: 'file.ts',
      code: `${IMPORT}declare function onChange(listener: (value: string) => void): void;\nonChange(saveUser);`,
      errors: [{ messageId: 'voidReturn', data: { callee: 'onChange' }, line: 3, column: 10 }],
    },
    {
      filename: 'file.ts',
      code: `${IMPORT}declare const server: { listen(port: number, done?: () => void): void };\nserver.listen(80, async () => { await saveUser('a'); });`,
      errors: [{ messageId: 'voidReturn', data: { callee: 'server.listen' }, line: 3, column: 19 }],
    },
    // ...but a wrapper that calls the callback itself, hands it to a sink typed \`void\` too, or
    // only declares its signature, ignores the promise as its type says
    {
      filename: 'file.ts',
      code: `${IMPORT}declare const registry: { add(id: string, handler: (...args: unknown[]) => unknown): void };\nconst addHandler = (id: string, handler: () => void) => {\n  registry.add(id, handler);\n  handler();\n};\naddHandler('save', async () => { await saveUser('a'); });`,
      errors: [{ messageId: 'voidReturn', data: { callee: 'addHandler' }, line: 7, column: 20 }],
    },
    // ...nor one whose wait is inside a function of its own that nobody waits for, or that
    // discards the promise with \`void\`
    {
      filename: 'file.ts',
      code: `${IMPORT}function eachLater<T>(items: T[], visit: (item: T) => void): void {\n  items.forEach(async (item) => {\n    await visit(item);\n  });\n}\neachLater(['a'], async (name) => { await saveUser(name); });`,
      errors: [
        { messageId: 'ignoredCallback', data: { method: 'forEach' }, line: 3, column: 17 },
        { messageId: 'voidReturn', data: { callee: 'eachLater' }, line: 7, column: 18 },
      ],
    },
    {
      filename: 'file.ts',
      code: `${IMPORT}function start(run: () => void): void {\n  void run();\n}\nstart(async () => { await saveUser('a'); });`,
      errors: [{ messageId: 'voidReturn', data: { callee: 'start' }, line: 5, column: 7 }],
    },
    // ...nor one that returns the callback's result while its own type says \`void\`: its callers
    // see no promise to wait for
    {
      filename: 'file.ts',
      code: `${IMPORT}const startNow = (run: () => void) => run();\nstartNow(async () => { await saveUser('a'); });`,
      errors: [{ messageId: 'voidReturn', data: { callee: 'startNow' }, line: 3, column: 10 }],
    },
    // ...nor one that hands the rejection on from its \`.catch\` into a chain nobody keeps
    {
      filename: 'file.ts',
      code: `${IMPORT}function startLogged(run: () => void): void {\n  run().catch((error: unknown) => {\n    console.warn(error);\n    throw error;\n  });\n}\nstartLogged(async () => { await saveUser('a'); });`,
      errors: [{ messageId: 'voidReturn', data: { callee: 'startLogged' }, line: 8, column: 13 }],
    },
    // a wrapper that also stores the callback in a shorthand property (\`{ run }\`): a read the
    // checker gives the property's symbol, still a use the wrapper may drop
    {
      filename: 'file.ts',
      code: `${IMPORT}declare const registry: { add(id: string, handler: (...args: unknown[]) => unknown): void };\nconst queue: { run: () => void }[] = [];\nconst addHandler = (id: string, run: () => void) => {\n  registry.add(id, run);\n  queue.push({ run });\n};\naddHandler('save', async () => { await saveUser('a'); });`,
      errors: [{ messageId: 'voidReturn', data: { callee: 'addHandler' }, line: 8, column: 20 }],
    },
    // a wrapper that also hands its arguments on unnamed (\`...arguments\`): a use the walk cannot follow
    {
      filename: 'file.ts',
      code: `${IMPORT}declare const registry: { add(id: string, handler: (...args: unknown[]) => unknown): void };\ndeclare function audit(...values: unknown[]): void;\nfunction addHandler(id: string, handler: () => void) {\n  registry.add(id, handler);\n  audit(...arguments);\n}\naddHandler('save', async () => { await saveUser('a'); });`,
      errors: [{ messageId: 'voidReturn', data: { callee: 'addHandler' }, line: 8, column: 20 }],
    },
    {
      filename: 'file.ts',
      code: `${IMPORT}const later = (handler: () => void) => setTimeout(handler, 10);\nlater(async () => { await saveUser('a'); });`,
      errors: [{ messageId: 'voidReturn', data: { callee: 'later' }, line: 3, column: 7 }],
    },
    {
      filename: 'file.ts',
      code: `${IMPORT}declare function addHandler(id: string, handler: () => void): void;\naddHandler('save', async () => { await saveUser('a'); });`,
      errors: [{ messageId: 'voidReturn', data: { callee: 'addHandler' }, line: 3, column: 20 }],
    },
    // a catch block that rethrows, or a finally block, can still reject
    {
      filename: 'file.ts',
      code: `${IMPORT}setTimeout(async () => {\n  try {\n    await saveUser('a');\n  } catch (error) {\n    throw new Error('failed', { cause: error });\n  }\n}, 10);`,
      errors: [{ messageId: 'voidReturn', data: { callee: 'setTimeout' }, line: 2, column: 12 }],
    },
    {
      filename: 'file.ts',
      code: `${IMPORT}setTimeout(async () => {\n  try {\n    await saveUser('a');\n  } catch {\n    console.error('x');\n  } finally {\n    await saveUser('b');\n  }\n}, 10);`,
      errors: [{ messageId: 'voidReturn', data: { callee: 'setTimeout' }, line: 2, column: 12 }],
    },
    // a variable holding a wrapped async function is asked about
    {
      filename: 'file.ts',
      code: `${IMPORT}declare function once<F extends (...args: never[]) => unknown>(fn: F): F;\nconst save = once(async () => { await saveUser('a'); });\nsetTimeout(save, 10);`,
      errors: [{ messageId: 'voidReturn', data: { callee: 'setTimeout' }, line: 4, column: 12 }],
    },
    // a Node emitter ignores what its listener returns: an await that can reject there is an
    // unhandled rejection, whatever the event (also listener types declared per event)
    {
      filename: 'file.ts',
      code: "import { EventEmitter } from 'node:events';\nimport { saveUser } from './promise-api';\nconst emitter = new EventEmitter();\nemitter.on('close', async () => { await saveUser('a'); });",
      errors: [{ messageId: 'voidReturn', data: { callee: 'emitter.on' }, line: 4, column: 21 }],
    },
    {
      filename: 'file.ts',
      code: `${IMPORT}declare class Queue {\n  on(event: 'failed', listener: (job: string | undefined, error: Error) => void): this;\n  on(event: 'drained', listener: () => void): this;\n}\ndeclare const queue: Queue;\nqueue.on('failed', async (job) => {\n  if (!job) return;\n  await saveUser(job);\n});`,
      errors: [{ messageId: 'voidReturn', data: { callee: 'queue.on' }, line: 7, column: 20 }],
    },
    // an async handler with nothing to await that does file-system I/O: a missing file throws,
    // and inside an async function that is a rejection nobody handles (the request hangs)
    {
      filename: 'file.ts',
      code: "import { readFileSync } from 'node:fs';\ninterface Res { send(body: string): void }\ndeclare const router: { get(path: string, ...handlers: Array<(req: { path: string }, res: Res) => void>): void };\nrouter.get('/page', async (req, res) => {\n  res.send(readFileSync(req.path, 'utf8'));\n});",
      errors: [{ messageId: 'voidReturn', data: { callee: 'router.get' }, line: 4, column: 21 }],
    },
    // event listeners when allowEventListeners is off
    {
      filename: 'file.ts',
      code: "import { EventEmitter } from 'node:events';\nimport { saveUser } from './promise-api';\nconst emitter = new EventEmitter();\nemitter.on('data', async () => { await saveUser('a'); });",
      options: [{ allowEventListeners: false }],
      errors: [{ messageId: 'voidReturn', data: { callee: 'emitter.on' }, line: 4, column: 20 }],
    },
    // the promises of a map dropped as a statement (generic \`map<U>\` is no evidence of waiting)
    {
      filename: 'file.ts',
      code: `${IMPORT}export function f(names: string[]) {\n  names.map(async (name) => { await saveUser(name); });\n}`,
      errors: [{ messageId: 'mapDropped', data: { method: 'map' }, line: 3, column: 13, suggestions: [] }],
    },
    {
      filename: 'file.ts',
      code: `${IMPORT}export function f(names: string[]) {\n  names.map(saveUser);\n}`,
      errors: [{ messageId: 'mapDropped', data: { method: 'map' }, line: 3, column: 13, suggestions: [] }],
    },
    // a forEach on an \`any\` receiver keeps the untyped evidence
    {
      filename: 'file.ts',
      code: "import { rows } from 'not-installed-db';\nimport { saveUser } from './promise-api';\nrows.forEach(async (row: string) => { await saveUser(row); });",
      errors: [{ messageId: 'ignoredCallback', data: { method: 'forEach' }, line: 3, column: 14, suggestions: [] }],
    },
    // a callback API called without its callback, as the callback's value
    {
      filename: 'file.ts',
      code: 'declare function query(sql: string, done?: (error: Error | null) => void): Promise<void> | undefined;\nsetTimeout(() => query(\'a\'), 10);',
      errors: [{ messageId: 'voidReturn', data: { callee: 'setTimeout' }, line: 2, column: 12 }],
    },
    // a chain without a rejection handler is not handled
    {
      filename: 'file.ts',
      code: `${IMPORT}setTimeout(() => saveUser('a').then(() => undefined), 10);`,
      errors: [{ messageId: 'voidReturn', data: { callee: 'setTimeout' }, line: 2, column: 12 }],
    },
    // statements outside the try can reject
    {
      filename: 'file.ts',
      code: `${IMPORT}setTimeout(async () => {\n  await saveUser('x');\n  try {\n    await saveUser('a');\n  } catch {}\n}, 10);`,
      errors: [{ messageId: 'voidReturn', data: { callee: 'setTimeout' }, line: 2, column: 12 }],
    },
    // async handlers of requests and messages with no rejection handling, even with allowEventListeners
    {
      filename: 'file.ts',
      code: "import { createServer } from 'node:http';\nimport { saveUser } from './promise-api';\nexport const server = createServer(async (request, response) => {\n  response.end(await saveUser(String(request.url)));\n});",
      errors: [{ messageId: 'voidReturn', data: { callee: 'createServer' }, line: 3, column: 36 }],
    },
    {
      filename: 'file.ts',
      code: "import { createServer } from 'node:http';\nimport { saveUser } from './promise-api';\nconst server = createServer();\nserver.on('request', async (request, response) => {\n  response.end(await saveUser(String(request.url)));\n});",
      errors: [{ messageId: 'voidReturn', data: { callee: 'server.on' }, line: 4, column: 22 }],
    },
    {
      filename: 'file.ts',
      code: "import { parentPort } from 'node:worker_threads';\nimport { saveUser } from './promise-api';\nparentPort?.on('message', async (name: string) => {\n  parentPort?.postMessage(await saveUser(name));\n});",
      errors: [{ messageId: 'voidReturn', data: { callee: 'parentPort?.on' }, line: 3, column: 27 }],
    },
    {
      filename: 'file.ts',
      code: `${IMPORT}window.addEventListener('message', async (event) => {\n  window.parent.postMessage(await saveUser(String(event.data)), '*');\n});`,
      errors: [{ messageId: 'voidReturn', data: { callee: 'window.addEventListener' }, line: 2, column: 36 }],
    },
    // async overrides of void base methods: stream hooks, lifecycle methods
    {
      filename: 'file.ts',
      code: "import { Readable } from 'node:stream';\nimport { saveUser } from './promise-api';\nexport class Names extends Readable {\n  async _read() {\n    this.push(await saveUser('a'));\n  }\n}",
      errors: [{ messageId: 'voidOverride', data: { name: '_read', base: 'Readable' }, line: 4, column: 9 }],
    },
    {
      filename: 'file.ts',
      code: `${IMPORT}class Component { componentDidMount(): void {} }\nexport class Page extends Component {\n  async componentDidMount() {\n    await saveUser('a');\n  }\n}`,
      errors: [{ messageId: 'voidOverride', data: { name: 'componentDidMount', base: 'Component' }, line: 4, column: 9 }],
    },
    // stream hooks passed in an options object
    {
      filename: 'file.ts',
      code: "import { Readable } from 'node:stream';\nimport { saveUser } from './promise-api';\nexport const names = new Readable({\n  objectMode: true,\n  async read() {\n    this.push(await saveUser('a'));\n  },\n});",
      errors: [{ messageId: 'voidReturn', data: { callee: 'Readable' }, line: 5, column: 9 }],
    },
    // async executors are reported once, not also as void-returning
    {
      filename: 'file.ts',
      code: 'export const p = new Promise<void>(async (resolve) => { resolve(); });',
      errors: [{ messageId: 'promiseExecutor', line: 1, column: 36 }],
    },
  ],
});

/** A file of an editor extension (`engines.vscode` in its package.json) that a typed program holds. */
const EXTENSION_FILE = path.join(FIXTURES_DIR, 'run-contexts', 'editor-extension', 'extension.ts');
const pickThenRun = (file: string): { filename: string; code: string } => ({
  filename: file,
  code: "declare function withPickedChart(run: (chart: string) => void): void;\nexport function installChart(): void {\n  withPickedChart(async (chart) => {\n    await fetch('/install/' + chart);\n  });\n}",
});

typedRuleTester.run('no-misused-async-callback (typed, editor extension)', testedRule, {
  valid: [
    // the extension host logs a rejection of an extension's callback and goes on, as it does for a
    // promise dropped there: a callback handed to a `void`-typed parameter is not reported
    pickThenRun(EXTENSION_FILE),
    { filename: EXTENSION_FILE, code: "declare function open(options: { onPick: () => void }): void;\nexport function f(): void {\n  open({ onPick: async () => { await fetch('/pick'); } });\n}" },
  ],
  invalid: [
    // the same callback in a program of its own: a rejection there is unhandled
    { ...pickThenRun('file.ts'), errors: [{ messageId: 'voidReturn', line: 3, column: 19 }] },
  ],
});

/** A file of a terminal UI (`ink` among its package's dependencies): React components a Node process renders. */
const TERMINAL_UI_FILE = path.join(FIXTURES_DIR, 'run-contexts', 'terminal-ui', 'cli.ts');

typedRuleTester.run('no-misused-async-callback (typed, terminal UI)', testedRule, {
  valid: [],
  invalid: [
    // a key handler of an Ink CLI: its rejection is unhandled in a Node process, not a page's
    // console line, though the file imports React
    {
      filename: TERMINAL_UI_FILE,
      code: "import { useState } from 'react';\nexport const use = useState;\ndeclare function useInput(handler: (input: string) => void): void;\nuseInput(async (input) => { await fetch('/todo/' + input); });",
      errors: [{ messageId: 'voidReturn', data: { callee: 'useInput' }, line: 4, column: 10 }],
    },
  ],
});

/**
 * A listener that only waits on a call whose promise reports its outcome as the value (Electron's
 * `shell.openPath`, declared in `tests/fixtures/electron.d.ts`), reached through a local wrapper one
 * level down: the wrapper's summary carries "cannot reject", so the listener loses nothing. A
 * wrapper that can also take a path that rejects (`shell.trashItem`) is still reported.
 */
const listenerThrough = (wrapper: string): string => `import { shell } from 'electron';
declare function addListener(channel: string, listener: (event: unknown, value: string) => void): void;
async function ${wrapper}
addListener('show', async (_event, target) => reveal(target));
addListener('show-config', async () => reveal('/etc/app/config.json'));`;

typedRuleTester.run('no-misused-async-callback (typed, a local wrapper of a status-resolving call)', testedRule, {
  valid: [
    { filename: 'file.ts', code: listenerThrough('reveal(target: string): Promise<string> {\n  return shell.openPath(target);\n}') },
    { filename: 'file.ts', code: listenerThrough('reveal(target: string): Promise<string> {\n  const problem = await shell.openPath(target);\n  if (problem) console.warn(problem);\n  return problem;\n}') },
  ],
  invalid: [
    {
      filename: 'file.ts',
      code: listenerThrough("reveal(target: string): Promise<string | void> {\n  if (target.endsWith('.tmp')) return shell.trashItem(target);\n  return shell.openPath(target);\n}"),
      errors: [
        { messageId: 'voidReturn', line: 7, column: 21 },
        { messageId: 'voidReturn', line: 8, column: 28 },
      ],
    },
  ],
});
