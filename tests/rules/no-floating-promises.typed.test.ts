import path from 'node:path';
import rule, { type MessageIds, type Options } from '../../src/rules/no-floating-promises';
import { FIXTURES_DIR, typedRuleTester } from '../rule-tester';

// @typescript-eslint/rule-tester pins its own copy of utils; the rule is the same object at run time.
const testedRule = rule as unknown as Parameters<typeof typedRuleTester.run<MessageIds, Options>>[1];

const IMPORT = "import { saveUser, loadLater, syncValue, untyped, client, thenable } from './promise-api';\n";

typedRuleTester.run('no-floating-promises (typed)', testedRule, {
  valid: [
    // a hook parameter declared \`() => void | Promise<void>\`: its declaration says the promise may be ignored
    { filename: 'file.ts', code: "export function stop(onAbort?: () => void | Promise<void>): never {\n  onAbort?.();\n  throw new Error('aborted');\n}" },
    // a generic function that hands back the argument it is given (`<T>(o: T) => T`) makes no new
    // promise from a name, a member or a literal (`Object.defineProperty(holder, ...)`)
    { filename: 'file.ts', code: "declare function hold<T>(value: T, label: string): T;\ndeclare const pending: Promise<void>;\nexport const holder = {};\nObject.defineProperty(holder, 'ready', { value: true });\nhold(pending, 'kept');" },
    // `Object.assign(pending, extras)` answers with the promise held in `pending`, returned below:
    // nothing new is dropped
    { filename: 'file.ts', code: "declare function request(path: string): Promise<string>;\nexport function withCancel(path: string) {\n  const pending = request(path);\n  Object.assign(pending, { cancel() {} });\n  return pending;\n}" },
    // the helpers TypeScript emits into compiled JavaScript are module plumbing, whatever is declared
    { filename: 'file.ts', code: "declare function __exportStar(from: unknown, to: unknown): Promise<void>;\ndeclare const target: object;\n__exportStar({}, target);" },
    // re-running a method that hands out the promise its object keeps (`return this.done` as its
    // last statement): the object's promise was created, and is awaited or handled, by whoever
    // started the work; found through a function assigned to the class's prototype (a hoisted
    // function declaration after the return is no statement run), or a method
    { filename: 'file.ts', code: "interface Commands { flush(): Promise<string[]> }\nexport class Batch {\n  done: Promise<string[]> = Promise.resolve([]);\n  redirect(): void {\n    const batch = this;\n    setTimeout(() => { batch.flush(); }, 10);\n  }\n}\nexport interface Batch extends Commands {}\nBatch.prototype.flush = function (this: Batch) {\n  if (this.done === undefined) throw new Error('closed');\n  return this.done;\n  function unused(): void {}\n};" },
    { filename: 'file.ts', code: "export class Upload {\n  private finished: Promise<void> = Promise.resolve();\n  send(): Promise<void> {\n    this.startParts();\n    return this.finished;\n  }\n  private startParts(): void {}\n  onRetry(other: Upload): void {\n    other.send();\n  }\n}" },
    // a dropped call inside a try whose async callee makes every call inside its own try: nothing
    // the outer catch was meant for can escape as a rejection
    { filename: 'file.ts', code: "declare function unlisten(): Promise<void>;\ndeclare function report(error: unknown): void;\nexport function stop(): void {\n  try {\n    close();\n  } catch (error) {\n    report(error);\n  }\n}\nasync function close() {\n  try {\n    await unlisten();\n    report('closed');\n  } catch (error) {\n    report(error);\n  }\n}" },
    // the disposable idiom: a teardown (\`list.dispose()\`, async because of its items) dropped in a
    // function that is not async, which its own callers cannot wait for either
    { filename: 'file.ts', code: "interface Disposables { dispose(): Promise<void> }\nexport class Panel {\n  constructor(private readonly owned: Disposables) {}\n  dispose(): void {\n    this.owned.dispose();\n  }\n}\nexport const close = (panel: { owned: Disposables }) => { panel.owned.dispose(); };" },
    // a comment on the line saying there is no await on purpose
    { filename: 'file.ts', code: `${IMPORT}export function f() {\n  saveUser('a'); // no await: the cache refreshes in the background\n}` },
    // a request to the editor (VS Code's API returns its Thenable) from a handler that is not
    // async: the extension host logs a failure and goes on; also through a helper returning one
    { filename: 'file.ts', code: "import * as vscode from 'vscode';\nexport function onToggle(state: vscode.Memento, on: boolean) {\n  vscode.commands.executeCommand('setContext', 'demo.enabled', on);\n  state.update('enabled', on);\n}\nconst setKey = (on: boolean) => vscode.commands.executeCommand('setContext', 'demo.on', on);\nexport function onStart() { setKey(true); }" },
    // handled forms
    { filename: 'file.ts', code: `${IMPORT}export async function f() { await saveUser('a'); }` },
    { filename: 'file.ts', code: `${IMPORT}export function f() { return loadLater(); }` },
    { filename: 'file.ts', code: `${IMPORT}void saveUser('a');` },
    { filename: 'file.ts', code: `${IMPORT}saveUser('a').catch(() => undefined);` },
    { filename: 'file.ts', code: `${IMPORT}loadLater().then(() => undefined, () => undefined);` },
    { filename: 'file.ts', code: `${IMPORT}export const all = Promise.all([saveUser('a'), loadLater()]);` },
    // a package's method or function whose compiled JavaScript, beside the declaration file the
    // checker names, is async and catches every error of its body (a gauge refresh that logs a
    // failed source): nothing to lose
    { filename: 'file.ts', code: "import { Gauges, flushQuietly } from './compiled/gauges.js';\nexport function tick(gauges: Gauges) {\n  gauges.refresh();\n  flushQuietly();\n}" },
    // a function of another module that catches every error of its body: nothing to lose
    // (also after a member read of its argument before the try: a synchronous TypeError there is a
    // bug whichever way it surfaces, as the effect summaries of this file's functions take it; the
    // checker names the declaration, and the same summary judges it)
    { filename: 'file.ts', code: "import { notifyNamed } from './notify';\nexport async function f() { notifyNamed({ name: 'a' }); }" },
    { filename: 'file.ts', code: "import { notifyQuietly, pingQuietly } from './notify';\nexport async function f() { notifyQuietly('saved'); pingQuietly(); }" },
    // ...also after declarations that cannot throw (`const startedAt = Date.now();`)
    { filename: 'file.ts', code: "import { notifyTimed } from './notify';\nexport async function f() { notifyTimed('saved'); }" },
    // an emitter of another module whose dispatch keeps each listener's failure, and its `once`
    { filename: 'file.ts', code: "import { Feed } from './notify';\nexport function f(feed: Feed) { feed.emit('saved', 1); feed.once('saved', () => {}); }" },
    // not promises: sync functions, any, unknown
    { filename: 'file.ts', code: `${IMPORT}syncValue();` },
    { filename: 'file.ts', code: `${IMPORT}untyped();` },
    { filename: 'file.ts', code: 'declare const value: unknown; (value as unknown);' },
    { filename: 'file.ts', code: 'declare function anything(): any; anything();' },
    { filename: 'file.ts', code: 'declare const legacy: any;\nlegacy.jobs.fetchAll();\ndeclare const run: unknown;\nexport { run };' },
    { filename: 'file.ts', code: `${IMPORT}client.close();` },
    // an array of promises passed on, or read later
    { filename: 'file.ts', code: `${IMPORT}export async function f() { await Promise.all([saveUser('a'), loadLater()]); }` },
    { filename: 'file.ts', code: `${IMPORT}export async function f() { const all = [saveUser('a')]; await Promise.all(all); }` },
    // an array without promises, or only spreads (not judged)
    { filename: 'file.ts', code: `${IMPORT}[syncValue(), 2];` },
    { filename: 'file.ts', code: `declare const ps: Promise<void>[];\n[...ps];` },
    // a callback API called with its callback returns nothing (typed \`Promise | undefined\`)
    {
      filename: 'file.ts',
      code: 'declare function query(sql: string, done?: (error: Error | null) => void): Promise<void> | undefined;\nquery(\'a\', (error) => { void error; });\nfunction done(error: Error | null) { void error; }\nquery(\'b\', done);',
    },
    // a Node-style callback wrapped before it is passed (typed as taking an error first): the API
    // hands the failure to it
    {
      filename: 'file.ts',
      code: 'declare function withTimeout<T>(run: T, ms: number): T;\ndeclare function slots(name: string, done?: (failure: Error | null, reply?: string) => void): Promise<string>;\nslots(\'SLOTS\', withTimeout((failure: Error | null) => { void failure; }, 100));\ndeclare const onReply: (err: unknown) => void;\nslots(\'INFO\', onReply);',
    },
    // a lazy query builder (a thenable whose methods return the same builder) configured through a
    // name the code keeps: nothing starts until the builder is awaited, and the builder is still held
    { filename: 'file.ts', code: "interface Query<R> extends PromiseLike<R[]> {\n  where(column: string, value: unknown): Query<R>;\n  select(...columns: string[]): Query<R>;\n  first(): Query<R>;\n}\ndeclare function table<R>(name: string): Query<R>;\nexport async function find(id: string, fields?: string[]) {\n  const query = table<{ id: string }>('users');\n  if (fields) query.select(...fields);\n  query.where('id', id);\n  return query;\n}" },
    { filename: 'file.ts', code: "interface Query<R> extends PromiseLike<R[]> {\n  where(column: string, value: unknown): Query<R>;\n  select(...columns: string[]): Query<R>;\n  first(): Query<R>;\n}\ndeclare function table<R>(name: string): Query<R>;\nexport class Finder {\n  private query = table<{ id: string }>('users');\n  narrow(id: string): void {\n    this.query.where('id', id).first();\n  }\n}" },
    { filename: 'file.ts', code: "interface Query<R> extends PromiseLike<R[]> {\n  where(column: string, value: unknown): Query<R>;\n}\ndeclare function table<R>(name: string): Query<R>;\ndeclare function applyFilters<R>(query: Query<R>, filters: object): Query<R>;\nexport function find(filters: object) {\n  const query = table<{ id: string }>('users');\n  applyFilters(query, filters);\n  return query;\n}" },
    // conditions: a variable or property caching a promise is tested for presence
    {
      filename: 'file.ts',
      code: `${IMPORT}let pending: Promise<string> | undefined;\nexport function f() {\n  if (pending) return pending;\n  pending = saveUser('a');\n  return pending;\n}`,
    },
    { filename: 'file.ts', code: 'export function f(api: { ready?: Promise<void> }) { return api.ready ? 1 : 2; }' },
    // a call returning a cached promise or nothing is tested for presence
    { filename: 'file.ts', code: 'declare function pendingLoad(): Promise<void> | undefined;\nexport function f() { if (pendingLoad()) return 1; return 0; }' },
    // an awaited call, or a sync one, in a condition
    { filename: 'file.ts', code: `${IMPORT}export async function f() { if (await saveUser('a')) return 1; while (syncValue()) break; return 0; }` },
    // a `.then` on a receiver the checker knows is not a promise (a chain API typed without `catch`)
    {
      filename: 'file.ts',
      code: 'declare const chain: { then(run: (value: number) => void): void };\nchain.then((value) => { void value; });',
    },
    // a command queue whose `then` takes one step (or options, then a step) and never a rejection
    // handler (an end-to-end test runner's chain): nothing is handed a failure, nothing is lost
    { filename: 'file.ts', code: "interface Steps<T> {\n  then<R>(step: (value: T) => R): Steps<R>;\n  then<R>(options: { timeout: number }, step: (value: T) => R): Steps<R>;\n  open(path: string): Steps<void>;\n  find(selector: string): Steps<string>;\n}\ndeclare const steps: Steps<void>;\nsteps.open('/');\nsteps.find('#name').then((text) => { void text; });\nexport function visit() {\n  steps.open('/home').find('h1');\n}" },
    // node:test runs its own promises
    { filename: 'file.ts', code: "import { test, describe, it } from 'node:test';\ntest('a', async () => {});\ndescribe('b', () => { it('c', async () => {}); });" },
    { filename: 'file.ts', code: "import test from 'node:test';\ntest('a', async () => {});\ntest.describe('b', () => {});" },
    { filename: 'file.ts', code: "import * as nodeTest from 'node:test';\nnodeTest.describe('a', () => {});\nnodeTest.it.skip('b', async () => {});" },
    // options: ignoreIIFE, a custom allow list
    { filename: 'file.ts', code: '(async () => {})();', options: [{ ignoreIIFE: true }] },
    {
      filename: 'file.ts',
      code: `${IMPORT}saveUser('a');`,
      options: [{ allowList: [{ name: 'saveUser', module: './promise-api' }] }],
    },
    // a local variable read later
    { filename: 'file.ts', code: `${IMPORT}export async function f() { const p = saveUser('a'); await p; }` },
    // a typed `any` variable is not a promise
    { filename: 'file.ts', code: `${IMPORT}export function f() { const p = untyped(); }` },
    // an async function of another project file whose body catches everything cannot reject
    { filename: 'file.ts', code: "import { recordQuietly } from './promise-api';\nexport function f() {\n  recordQuietly('a');\n}" },
  ],
  invalid: [
    // ...the same package's method and function whose compiled bodies await outside any try
    // (also a try that returns an unawaited call, a handler that returns one or emits 'error', and
    // a body async in name only that writes a file synchronously: each can still reject)
    ...(['gauges.publish()', 'flush()', 'gauges.sync()', 'gauges.retry()', 'gauges.reconnect()', 'gauges.save()'] as const).map((dropped) => {
      const code = `import { Gauges, flush } from './compiled/gauges.js';\nexport function tick(gauges: Gauges) {\n  ${dropped};\n  return flush;\n}`;
      return { filename: 'file.ts', code, errors: [{ messageId: 'floating' as const, line: 3, column: 3, suggestions: [{ messageId: 'suggestVoid' as const, output: code.replace(`  ${dropped};`, `  void ${dropped};`) }] }] };
    }),
    // ...but a thenable whose `then` also takes a rejection handler, optional or through a rest
    // parameter, is a promise: dropped, its failure is lost
    {
      filename: 'file.ts',
      code: "interface Job { then(done: (value: number) => void, failed?: (reason: unknown) => void): void }\ndeclare function start(): Job;\nstart();",
      errors: [{ messageId: 'floating', line: 3, column: 1, suggestions: [{ messageId: 'suggestVoid', output: "interface Job { then(done: (value: number) => void, failed?: (reason: unknown) => void): void }\ndeclare function start(): Job;\nvoid start();" }] }],
    },
    {
      filename: 'file.ts',
      code: "interface Job { then(...handlers: Array<(value: unknown) => void>): void }\ndeclare function start(): Job;\nstart();",
      errors: [{ messageId: 'floating', line: 3, column: 1, suggestions: [{ messageId: 'suggestVoid', output: "interface Job { then(...handlers: Array<(value: unknown) => void>): void }\ndeclare function start(): Job;\nvoid start();" }] }],
    },
    // (handlers typed with the global `Function` interface, as older declaration files write them)
    {
      filename: 'file.ts',
      code: "interface Job { then(done: Function, failed?: Function): Job }\ndeclare function start(): Job;\nstart();",
      errors: [{ messageId: 'floating', line: 3, column: 1, suggestions: [{ messageId: 'suggestVoid', output: "interface Job { then(done: Function, failed?: Function): Job }\ndeclare function start(): Job;\nvoid start();" }] }],
    },
    // a fresh promise decorated and dropped at once is still lost
    {
      filename: 'file.ts',
      code: "declare function request(path: string): Promise<string>;\nexport function withCancel(path: string) {\n  Object.assign(request(path), { cancel() {} });\n}",
      errors: [{ messageId: 'floating', line: 3, column: 3, suggestions: [
        { messageId: 'suggestVoid', output: "declare function request(path: string): Promise<string>;\nexport function withCancel(path: string) {\n  void Object.assign(request(path), { cancel() {} });\n}" },
      ] }],
    },
    // ...but inside an async function, or a promise of the program's own, is still reported
    // ...nor a chain on one: its callback is the program's own work
    {
      filename: 'file.ts',
      code: `${IMPORT}import * as vscode from 'vscode';\nexport function onPick() {\n  vscode.commands.executeCommand<string>('demo.pick').then(async (name) => { await saveUser(name); });\n}`,
      errors: [{ messageId: 'floatingChain', data: { method: 'then' }, line: 4, column: 3, suggestions: [
        { messageId: 'suggestVoid', output: `${IMPORT}import * as vscode from 'vscode';\nexport function onPick() {\n  void vscode.commands.executeCommand<string>('demo.pick').then(async (name) => { await saveUser(name); });\n}` },
      ] }],
    },
    {
      filename: 'file.ts',
      code: "import * as vscode from 'vscode';\nexport async function reload() {\n  vscode.commands.executeCommand('workbench.action.reloadWindow');\n}",
      errors: [{ messageId: 'floating', line: 3, column: 3, suggestions: [
        { messageId: 'suggestAwait', output: "import * as vscode from 'vscode';\nexport async function reload() {\n  await vscode.commands.executeCommand('workbench.action.reloadWindow');\n}" },
        { messageId: 'suggestVoid', output: "import * as vscode from 'vscode';\nexport async function reload() {\n  void vscode.commands.executeCommand('workbench.action.reloadWindow');\n}" },
      ] }],
    },
    {
      filename: 'file.ts',
      code: `${IMPORT}import * as vscode from 'vscode';\nexport function onSave(on: boolean) {\n  vscode.commands.executeCommand('setContext', 'demo.saving', on);\n  saveUser('a');\n}`,
      errors: [{ messageId: 'floating', line: 5, column: 3, suggestions: [
        { messageId: 'suggestVoid', output: `${IMPORT}import * as vscode from 'vscode';\nexport function onSave(on: boolean) {\n  vscode.commands.executeCommand('setContext', 'demo.saving', on);\n  void saveUser('a');\n}` },
      ] }],
    },
    // ...but a teardown dropped inside an async function is a forgotten await
    {
      filename: 'file.ts',
      code: "interface Disposables { dispose(): Promise<void> }\nexport async function shutdown(owned: Disposables) {\n  owned.dispose();\n}",
      errors: [{ messageId: 'floating', line: 3, column: 3, suggestions: [
        { messageId: 'suggestAwait', output: "interface Disposables { dispose(): Promise<void> }\nexport async function shutdown(owned: Disposables) {\n  await owned.dispose();\n}" },
        { messageId: 'suggestVoid', output: "interface Disposables { dispose(): Promise<void> }\nexport async function shutdown(owned: Disposables) {\n  void owned.dispose();\n}" },
      ] }],
    },
    // \`.then(callback)\` through an optional chain on a promise the checker knows: the \`undefined\` of
    // \`?.\` does not make it a callback API that returns nothing (the untyped report is kept)
    {
      filename: 'file.ts',
      code: "interface Server { close(): void }\nexport class Host {\n  server?: Promise<{ server: Server }>;\n  dispose(): void {\n    this.server?.then((s) => s.server.close());\n    this.server = undefined;\n  }\n}",
      errors: [{ messageId: 'floatingChain', data: { method: 'then' }, line: 5, column: 5, suggestions: [{ messageId: 'suggestVoid', output: "interface Server { close(): void }\nexport class Host {\n  server?: Promise<{ server: Server }>;\n  dispose(): void {\n    void this.server?.then((s) => s.server.close());\n    this.server = undefined;\n  }\n}" }] }],
    },
    // a helper that hands back a new promise for a held one (a timeout race) can reject: reported
    {
      filename: 'file.ts',
      code: "declare function withTimeout<T>(pending: Promise<T>, ms: number): Promise<T>;\nexport function watch(pending: Promise<void>) {\n  withTimeout(pending, 100);\n}",
      errors: [{ messageId: 'floating', line: 3, column: 3, suggestions: [{ messageId: 'suggestVoid', output: "declare function withTimeout<T>(pending: Promise<T>, ms: number): Promise<T>;\nexport function watch(pending: Promise<void>) {\n  void withTimeout(pending, 100);\n}" }] }],
    },
    // ...but a builder made and dropped in one statement is a query that never runs (a forgotten
    // \`await\`), and a real promise's own method is no builder step
    {
      filename: 'file.ts',
      code: "interface Query<R> extends PromiseLike<R[]> {\n  where(column: string, value: unknown): Query<R>;\n  select(...columns: string[]): Query<R>;\n  first(): Query<R>;\n}\ndeclare function table<R>(name: string): Query<R>;\nexport async function remove(id: string) {\n  table('users').where('id', id);\n}",
      errors: [{ messageId: 'floating', line: 8, column: 3, suggestions: [{ messageId: 'suggestAwait', output: "interface Query<R> extends PromiseLike<R[]> {\n  where(column: string, value: unknown): Query<R>;\n  select(...columns: string[]): Query<R>;\n  first(): Query<R>;\n}\ndeclare function table<R>(name: string): Query<R>;\nexport async function remove(id: string) {\n  await table('users').where('id', id);\n}" }, { messageId: 'suggestVoid', output: "interface Query<R> extends PromiseLike<R[]> {\n  where(column: string, value: unknown): Query<R>;\n  select(...columns: string[]): Query<R>;\n  first(): Query<R>;\n}\ndeclare function table<R>(name: string): Query<R>;\nexport async function remove(id: string) {\n  void table('users').where('id', id);\n}" }] }],
    },
    // ...but not one declared to return only a promise
    {
      filename: 'file.ts',
      code: "export function stop(onAbort: () => Promise<void>): never {\n  onAbort();\n  throw new Error('aborted');\n}",
      errors: [{ messageId: 'floating', line: 2, column: 3, suggestions: [{ messageId: 'suggestVoid', output: "export function stop(onAbort: () => Promise<void>): never {\n  void onAbort();\n  throw new Error('aborted');\n}" }] }],
    },
    // ...nor one declared `void | Promise<void>` but called inside an async function, which could
    // await it: a forgotten `await` of a hook that may be async
    {
      filename: 'file.ts',
      code: "export async function runHooks(beforeRun: () => void | Promise<void>): Promise<void> {\n  beforeRun();\n}",
      errors: [
        {
          messageId: 'floating',
          line: 2,
          column: 3,
          suggestions: [
            { messageId: 'suggestAwait', output: "export async function runHooks(beforeRun: () => void | Promise<void>): Promise<void> {\n  await beforeRun();\n}" },
            { messageId: 'suggestVoid', output: "export async function runHooks(beforeRun: () => void | Promise<void>): Promise<void> {\n  void beforeRun();\n}" },
          ],
        },
      ],
    },
    // ...but a call handed to it is judged by the call's type
    {
      filename: 'file.ts',
      code: "declare function hold<T>(value: T, label: string): T;\ndeclare function save(): Promise<void>;\nhold(save(), 'new');",
      errors: [{ messageId: 'floating', line: 3, column: 1, suggestions: [{ messageId: 'suggestVoid', output: "declare function hold<T>(value: T, label: string): T;\ndeclare function save(): Promise<void>;\nvoid hold(save(), 'new');" }] }],
    },
    // every member of a name declared `any` is unknown to the checker: the untyped evidence
    // (`.then(callback)` without a rejection handler) still decides
    {
      filename: 'file.ts',
      code: "export function run(api: any) {\n  api.save();\n  api.jobs.flush();\n  api.load().then((rows: unknown) => rows);\n}",
      errors: [{ messageId: 'floatingChain', data: { method: 'then' }, line: 4, column: 3, suggestions: [{ messageId: 'suggestVoid', output: "export function run(api: any) {\n  api.save();\n  api.jobs.flush();\n  void api.load().then((rows: unknown) => rows);\n}" }] }],
    },
    // ...and so does `.finally(cleanup)` on a call the checker types `any` (a client of a package
    // without types): the chain passes the rejection on, and nothing receives it
    {
      filename: 'file.ts',
      code: "export function refresh(cache: any) {\n  cache.reload().finally(() => console.log('reloaded'));\n}",
      errors: [{ messageId: 'floating', line: 2, column: 3, suggestions: [{ messageId: 'suggestVoid', output: "export function refresh(cache: any) {\n  void cache.reload().finally(() => console.log('reloaded'));\n}" }] }],
    },
    // ...but not a method whose last statement returns a new promise (a call), nor an async one
    // (its own promise adopts the field's and rejects unhandled with it)
    {
      filename: 'file.ts',
      code: "export class Upload {\n  send(): Promise<void> {\n    return this.startParts();\n  }\n  private async startParts(): Promise<void> {}\n  onRetry(other: Upload): void {\n    other.send();\n  }\n}",
      errors: [{ messageId: 'floating', line: 7, column: 5, suggestions: [{ messageId: 'suggestVoid', output: "export class Upload {\n  send(): Promise<void> {\n    return this.startParts();\n  }\n  private async startParts(): Promise<void> {}\n  onRetry(other: Upload): void {\n    void other.send();\n  }\n}" }] }],
    },
    {
      filename: 'file.ts',
      code: "export class Upload {\n  private finished: Promise<void> = Promise.resolve();\n  async send(): Promise<void> {\n    return this.finished;\n  }\n  onRetry(other: Upload): void {\n    other.send();\n  }\n}",
      errors: [{ messageId: 'floating', line: 7, column: 5, suggestions: [{ messageId: 'suggestVoid', output: "export class Upload {\n  private finished: Promise<void> = Promise.resolve();\n  async send(): Promise<void> {\n    return this.finished;\n  }\n  onRetry(other: Upload): void {\n    void other.send();\n  }\n}" }] }],
    },
    // a dropped call of a local async function inside a try whose catch is meant for it: its
    // synchronous calls (`client.off`, `return releaseClient()`) throw into its promise, not into
    // that catch, although the checker proves they return no promise (untyped reports it too)
    {
      filename: 'file.ts',
      code: "interface Client { query(sql: string): Promise<void>; off(event: string): void }\ndeclare function report(error: unknown): void;\nexport function watch(client: Client, releaseClient: () => void): void {\n  function onError(): void {\n    try {\n      release();\n    } catch (error) {\n      report(error);\n    }\n  }\n  async function release() {\n    client.off('error');\n    try {\n      await client.query('UNLISTEN *');\n    } catch (error) {\n      report(error);\n    }\n    return releaseClient();\n  }\n  onError();\n}",
      errors: [{ messageId: 'floating', line: 6, column: 7, suggestions: [{ messageId: 'suggestVoid', output: "interface Client { query(sql: string): Promise<void>; off(event: string): void }\ndeclare function report(error: unknown): void;\nexport function watch(client: Client, releaseClient: () => void): void {\n  function onError(): void {\n    try {\n      void release();\n    } catch (error) {\n      report(error);\n    }\n  }\n  async function release() {\n    client.off('error');\n    try {\n      await client.query('UNLISTEN *');\n    } catch (error) {\n      report(error);\n    }\n    return releaseClient();\n  }\n  onError();\n}" }] }],
    },
    // ...but one whose catch rethrows can, and with checkCannotReject the quiet one is reported too
    {
      filename: 'file.ts',
      code: "import { recordOrFail } from './promise-api';\nexport function f() {\n  recordOrFail('a');\n}",
      errors: [{ messageId: 'floating', line: 3, column: 3, suggestions: [{ messageId: 'suggestVoid', output: "import { recordOrFail } from './promise-api';\nexport function f() {\n  void recordOrFail('a');\n}" }] }],
    },
    {
      filename: 'file.ts',
      code: "import { recordQuietly } from './promise-api';\nexport function f() {\n  recordQuietly('a');\n}",
      options: [{ checkCannotReject: true }],
      errors: [{ messageId: 'floating', line: 3, column: 3, suggestions: [{ messageId: 'suggestVoid', output: "import { recordQuietly } from './promise-api';\nexport function f() {\n  void recordQuietly('a');\n}" }] }],
    },
    // a function of another module whose handler rethrows still rejects
    // ... not a dispatch whose listener can throw
    {
      filename: 'file.ts',
      code: "import { Feed } from './notify';\nexport function f(feed: Feed) { feed.broadcast('saved'); }",
      errors: [
        {
          messageId: 'floating',
          line: 2,
          column: 33,
          suggestions: [{ messageId: 'suggestVoid', output: "import { Feed } from './notify';\nexport function f(feed: Feed) { void feed.broadcast('saved'); }" }],
        },
      ],
    },
    {
      filename: 'file.ts',
      code: "import { notifyLoudly } from './notify';\nexport async function f() { notifyLoudly('saved'); }",
      errors: [
        {
          messageId: 'floating',
          line: 2,
          column: 29,
          suggestions: [
            { messageId: 'suggestAwait', output: "import { notifyLoudly } from './notify';\nexport async function f() { await notifyLoudly('saved'); }" },
            { messageId: 'suggestVoid', output: "import { notifyLoudly } from './notify';\nexport async function f() { void notifyLoudly('saved'); }" },
          ],
        },
      ],
    },
    // calls of functions imported from other modules
    {
      filename: 'file.ts',
      code: `${IMPORT}export async function register() {\n  saveUser('a');\n}`,
      errors: [
        {
          messageId: 'floating',
          line: 3,
          column: 3,
          suggestions: [
            { messageId: 'suggestAwait', output: `${IMPORT}export async function register() {\n  await saveUser('a');\n}` },
            { messageId: 'suggestVoid', output: `${IMPORT}export async function register() {\n  void saveUser('a');\n}` },
          ],
        },
      ],
    },
    {
      filename: 'file.ts',
      code: `${IMPORT}loadLater();`,
      errors: [{ messageId: 'floating', line: 2, column: 1, suggestions: [{ messageId: 'suggestVoid', output: `${IMPORT}void loadLater();` }] }],
    },
    // method of an imported object, a custom thenable
    {
      filename: 'file.ts',
      code: `${IMPORT}client.send('x');`,
      errors: [{ messageId: 'floating', line: 2, column: 1, suggestions: [{ messageId: 'suggestVoid', output: `${IMPORT}void client.send('x');` }] }],
    },
    {
      filename: 'file.ts',
      code: `${IMPORT}thenable();`,
      errors: [{ messageId: 'floating', line: 2, column: 1, suggestions: [{ messageId: 'suggestVoid', output: `${IMPORT}void thenable();` }] }],
    },
    // .d.ts declarations: node's fs/promises through a parameter type
    {
      filename: 'file.ts',
      code: "import type { FileHandle } from 'node:fs/promises';\nexport function close(handle: FileHandle) {\n  handle.close();\n}",
      errors: [
        {
          messageId: 'floating',
          line: 3,
          column: 3,
          suggestions: [{ messageId: 'suggestVoid', output: "import type { FileHandle } from 'node:fs/promises';\nexport function close(handle: FileHandle) {\n  void handle.close();\n}" }],
        },
      ],
    },
    // promise-typed values and properties
    {
      filename: 'file.ts',
      code: 'export function f(ready: Promise<void>) {\n  ready;\n}',
      errors: [{ messageId: 'floating', line: 2, column: 3, suggestions: [{ messageId: 'suggestVoid', output: 'export function f(ready: Promise<void>) {\n  void ready;\n}' }] }],
    },
    {
      filename: 'file.ts',
      code: 'export function f(api: { load(): Promise<string> } | undefined) {\n  api?.load();\n}',
      errors: [{ messageId: 'floating', line: 2, column: 3, suggestions: [{ messageId: 'suggestVoid', output: 'export function f(api: { load(): Promise<string> } | undefined) {\n  void api?.load();\n}' }] }],
    },
    // chains without a rejection handler
    {
      filename: 'file.ts',
      code: `${IMPORT}saveUser('a').then((name) => name.length);`,
      errors: [{ messageId: 'floatingChain', data: { method: 'then' }, line: 2, column: 1, suggestions: [{ messageId: 'suggestVoid', output: `${IMPORT}void saveUser('a').then((name) => name.length);` }] }],
    },
    // branches
    {
      filename: 'file.ts',
      code: `${IMPORT}export function f(flag: boolean) {\n  flag ? saveUser('a') : syncValue();\n}`,
      errors: [{ messageId: 'floating', line: 3, column: 3, suggestions: [{ messageId: 'suggestVoid', output: `${IMPORT}export function f(flag: boolean) {\n  void (flag ? saveUser('a') : syncValue());\n}` }] }],
    },
    // node:test subtests are not in the allow list: the parent test must await them
    {
      filename: 'file.ts',
      code: "import { test } from 'node:test';\ntest('a', async (t) => {\n  t.test('b', () => {});\n});",
      errors: [
        {
          messageId: 'floating',
          line: 3,
          column: 3,
          suggestions: [
            { messageId: 'suggestAwait', output: "import { test } from 'node:test';\ntest('a', async (t) => {\n  await t.test('b', () => {});\n});" },
            { messageId: 'suggestVoid', output: "import { test } from 'node:test';\ntest('a', async (t) => {\n  void t.test('b', () => {});\n});" },
          ],
        },
      ],
    },
    // the default allow list is replaced by a custom one
    {
      filename: 'file.ts',
      code: "import { test } from 'node:test';\ntest('a', () => {});",
      options: [{ allowList: [], checkTestCode: true }],
      errors: [{ messageId: 'floating', line: 2, column: 1, suggestions: [{ messageId: 'suggestVoid', output: "import { test } from 'node:test';\nvoid test('a', () => {});" }] }],
    },
    // async IIFEs by type, and `void` when ignoreVoid is off
    {
      filename: 'file.ts',
      code: '(async () => {})();',
      errors: [{ messageId: 'floating', line: 1, column: 1, suggestions: [{ messageId: 'suggestVoid', output: 'void (async () => {})();' }] }],
    },
    {
      filename: 'file.ts',
      code: `${IMPORT}void saveUser('a');`,
      options: [{ ignoreVoid: false }],
      errors: [{ messageId: 'floatingNoVoid', line: 2, column: 1, suggestions: [] }],
    },
    // .tsx: an event handler that drops a promise (UI code is judged with checkUiCode)
    {
      filename: 'file.tsx',
      options: [{ checkUiCode: true }],
      code: `${IMPORT}export const Save = () => <button onClick={() => { saveUser('a'); }} />;`,
      errors: [{ messageId: 'floating', line: 2, column: 52, suggestions: [{ messageId: 'suggestVoid', output: `${IMPORT}export const Save = () => <button onClick={() => { void saveUser('a'); }} />;` }] }],
    },
    // dangling promise variables
    {
      filename: 'file.ts',
      code: `${IMPORT}export function f() {\n  const saved = saveUser('a');\n}`,
      errors: [{ messageId: 'dangling', data: { name: 'saved' }, line: 3, column: 9 }],
    },
    // an array of promises dropped as a statement, or stored and never read
    {
      filename: 'file.ts',
      code: `${IMPORT}export async function f() {\n  [saveUser('a'), loadLater()];\n}`,
      errors: [
        {
          messageId: 'floatingArray',
          line: 3,
          column: 3,
          suggestions: [{ messageId: 'suggestAwaitAll', output: `${IMPORT}export async function f() {\n  await Promise.all([saveUser('a'), loadLater()]);\n}` }],
        },
      ],
    },
    {
      filename: 'file.ts',
      code: `${IMPORT}export function f() {\n  const all = [saveUser('a'), loadLater()];\n}`,
      errors: [{ messageId: 'dangling', data: { name: 'all' }, line: 3, column: 9 }],
    },
    // a callback API called without its callback returns a promise
    {
      filename: 'file.ts',
      code: 'declare function query(sql: string, done?: (error: Error | null) => void): Promise<void> | undefined;\nquery(\'a\');',
      errors: [{ messageId: 'floating', line: 2, column: 1, suggestions: [{ messageId: 'suggestVoid', output: 'declare function query(sql: string, done?: (error: Error | null) => void): Promise<void> | undefined;\nvoid query(\'a\');' }] }],
    },
    // a promise-returning call as a condition: a forgotten await
    {
      filename: 'file.ts',
      code: `${IMPORT}export async function f() {\n  if (saveUser('a')) return 1;\n  return 0;\n}`,
      errors: [
        {
          messageId: 'conditional',
          data: { name: 'saveUser' },
          line: 3,
          column: 7,
          suggestions: [{ messageId: 'suggestAwait', output: `${IMPORT}export async function f() {\n  if ((await saveUser('a'))) return 1;\n  return 0;\n}` }],
        },
      ],
    },
    {
      filename: 'file.ts',
      code: `${IMPORT}export function f(ok: boolean) {\n  return ok && !client.send('x') ? 1 : 2;\n}`,
      errors: [{ messageId: 'conditional', data: { name: 'client.send' }, line: 3, column: 17, suggestions: [] }],
    },
    // \`.finally(cb)\` passes the rejection on
    {
      filename: 'file.ts',
      code: `${IMPORT}saveUser('a').finally(() => undefined);`,
      errors: [{ messageId: 'floating', line: 2, column: 1, suggestions: [{ messageId: 'suggestVoid', output: `${IMPORT}void saveUser('a').finally(() => undefined);` }] }],
    },
    // a \`.then(callback)\` on an \`any\` receiver (an unresolved package) keeps the untyped evidence
    {
      filename: 'file.ts',
      code: "import { request } from 'not-installed-client';\nrequest('/a').then((response: unknown) => response);",
      errors: [{ messageId: 'floatingChain', data: { method: 'then' }, line: 2, column: 1, suggestions: [{ messageId: 'suggestVoid', output: "import { request } from 'not-installed-client';\nvoid request('/a').then((response: unknown) => response);" }] }],
    },
    // an unresolved module types as `any`: the import-based evidence still decides
    {
      filename: 'file.ts',
      code: "import got from 'got';\ngot('https://example.com/hook');",
      errors: [{ messageId: 'floating', line: 2, column: 1, suggestions: [{ messageId: 'suggestVoid', output: "import got from 'got';\nvoid got('https://example.com/hook');" }] }],
    },
    // a member of an \`any\` object (the checker knows no symbol, the call is \`any\` too): the
    // untyped evidence (a \`.then\` with a callback and no rejection handler) still decides
    {
      filename: 'file.ts',
      code: "declare const legacy: any;\nlegacy.jobs.fetchAll().then((rows: unknown) => rows);",
      errors: [{ messageId: 'floatingChain', data: { method: 'then' }, line: 2, column: 1, suggestions: [{ messageId: 'suggestVoid', output: "declare const legacy: any;\nvoid legacy.jobs.fetchAll().then((rows: unknown) => rows);" }] }],
    },
    // the same callee twice in a file (its declared type is read once): both calls reported
    {
      filename: 'file.ts',
      code: `${IMPORT}client.send('a');\nclient.send('b');`,
      errors: [
        { messageId: 'floating', line: 2, column: 1, suggestions: [{ messageId: 'suggestVoid', output: `${IMPORT}void client.send('a');\nclient.send('b');` }] },
        { messageId: 'floating', line: 3, column: 1, suggestions: [{ messageId: 'suggestVoid', output: `${IMPORT}client.send('a');\nvoid client.send('b');` }] },
      ],
    },
    // a member of a union narrowed two ways: each call judged by its own narrowed type
    {
      filename: 'file.ts',
      code: "type Local = { kind: 'local'; run(): void };\ntype Remote = { kind: 'remote'; run(): Promise<void> };\nexport function go(task: Local | Remote) {\n  if (task.kind === 'local') task.run();\n  else task.run();\n}",
      errors: [{ messageId: 'floating', line: 5, column: 8, suggestions: [{ messageId: 'suggestVoid', output: "type Local = { kind: 'local'; run(): void };\ntype Remote = { kind: 'remote'; run(): Promise<void> };\nexport function go(task: Local | Remote) {\n  if (task.kind === 'local') task.run();\n  else void task.run();\n}" }] }],
    },
    // a wrapped function that takes a value first is no Node-style callback
    {
      filename: 'file.ts',
      code: 'declare function withTimeout<T>(run: T, ms: number): T;\ndeclare function fetchRows(done: (rows: string[]) => void): Promise<void>;\nfetchRows(withTimeout((rows: string[]) => { void rows; }, 100));',
      errors: [{ messageId: 'floating', line: 3, column: 1, suggestions: [{ messageId: 'suggestVoid', output: 'declare function withTimeout<T>(run: T, ms: number): T;\ndeclare function fetchRows(done: (rows: string[]) => void): Promise<void>;\nvoid fetchRows(withTimeout((rows: string[]) => { void rows; }, 100));' }] }],
    },
    // a member found through an index signature has no symbol of its own, yet a type
    {
      filename: 'file.ts',
      code: 'declare const handlers: { [name: string]: () => Promise<void> };\nhandlers.save();',
      errors: [{ messageId: 'floating', line: 2, column: 1, suggestions: [{ messageId: 'suggestVoid', output: 'declare const handlers: { [name: string]: () => Promise<void> };\nvoid handlers.save();' }] }],
    },
    // a cast callee: the cast's type decides, not the declared type of the name under it
    {
      filename: 'file.ts',
      code: 'declare function later(): void;\n(later as unknown as () => Promise<void>)();',
      errors: [{ messageId: 'floating', line: 2, column: 1, suggestions: [{ messageId: 'suggestVoid', output: 'declare function later(): void;\nvoid (later as unknown as () => Promise<void>)();' }] }],
    },
  ],
});

/** A file of an editor extension (`engines.vscode` in its package.json) that a typed program holds. */
const EXTENSION_FILE = path.join(FIXTURES_DIR, 'run-contexts', 'editor-extension', 'extension.ts');

typedRuleTester.run('no-floating-promises (typed, editor extension)', testedRule, {
  valid: [
    // a call dropped at the top level of an extension's module: no enclosing function (the typed
    // editor-host check once crashed on the program node's missing parent)
    { filename: EXTENSION_FILE, code: "async function main(): Promise<void> {\n  await fetch('/ping');\n}\nmain();" },
  ],
  invalid: [
    // inside an async function, a dropped call of a same-file async function that throws
    {
      filename: EXTENSION_FILE,
      code: "async function save(text: string): Promise<void> {\n  if (!text) throw new Error('empty');\n  await fetch('/save', { method: 'POST', body: text });\n}\nexport async function onCommand(text: string): Promise<void> {\n  save(text);\n  await fetch('/done');\n}",
      errors: [
        {
          messageId: 'floating',
          line: 6,
          column: 3,
          suggestions: [
            { messageId: 'suggestAwait', output: "async function save(text: string): Promise<void> {\n  if (!text) throw new Error('empty');\n  await fetch('/save', { method: 'POST', body: text });\n}\nexport async function onCommand(text: string): Promise<void> {\n  await save(text);\n  await fetch('/done');\n}" },
            { messageId: 'suggestVoid', output: "async function save(text: string): Promise<void> {\n  if (!text) throw new Error('empty');\n  await fetch('/save', { method: 'POST', body: text });\n}\nexport async function onCommand(text: string): Promise<void> {\n  void save(text);\n  await fetch('/done');\n}" },
          ],
        },
      ],
    },
  ],
});

/** A logger whose methods may be async: `void | Promise<void>` so that callers never have to wait. */
const ASYNC_LOGGER =
  "interface Logger {\n  info(message: string): void | Promise<void>;\n  error(message: string): void | Promise<void>;\n  flush(): Promise<void>;\n}\ndeclare function store(id: string): Promise<void>;\n";

typedRuleTester.run('no-floating-promises (typed, log writes)', testedRule, {
  valid: [
    // a log line written without waiting for it, also from an async function and through a
    // logger held in a field: the promise is dropped by design, and what a failure loses is the line
    { filename: 'file.ts', code: `${ASYNC_LOGGER}export class Worker {\n  constructor(private readonly logger: Logger) {}\n  async run(id: string): Promise<void> {\n    this.logger.info('starting ' + id);\n    await store(id);\n  }\n}` },
    { filename: 'file.ts', code: `${ASYNC_LOGGER}export function onFailure(requestLogger: Logger, reason: string): void {\n  requestLogger.error(reason);\n}` },
    // a log writer whose methods are named for their level
    { filename: 'file.ts', code: "declare const logWriter: { logWarning(parts: string[]): Promise<void>; writeString(text: string): Promise<void> };\nexport async function launch(reason: string): Promise<void> {\n  logWriter.logWarning(['aborted:', reason]);\n  logWriter.writeString(reason);\n}" },
    // the same log lines in other spellings: a level picked at run time (`logger[level](...)`), a
    // colour the console logger prints in, a field kept under an underscore name, and a logger
    // handed out by a factory call on the spot
    {
      filename: 'file.ts',
      code: `${ASYNC_LOGGER}type Level = 'info' | 'error';\nexport class Pump {\n  constructor(private readonly logger: Logger & { green(message: string): void | Promise<void> }, private readonly _logger: Logger) {}\n  async retry(level: Level, attempt: number): Promise<void> {\n    this.logger[level]('retry ' + attempt);\n    this.logger.green('reconnected');\n    this._logger.error('gave up');\n    await store(String(attempt));\n  }\n}`,
    },
    {
      filename: 'file.ts',
      code: `${ASYNC_LOGGER}declare const settings: { logger(scope: string): Logger };\nexport function warnOld(version: string): void {\n  settings.logger('startup').info('old engine ' + version);\n}`,
    },
  ],
  invalid: [
    // the same logger's flush before the process ends is no log line: the lines still buffered are lost
    {
      filename: 'file.ts',
      code: `${ASYNC_LOGGER}export async function finish(logger: Logger): Promise<void> {\n  logger.flush();\n  process.exitCode = 0;\n}`,
      errors: [
        {
          messageId: 'floating',
          line: 8,
          suggestions: [
            { messageId: 'suggestAwait', output: `${ASYNC_LOGGER}export async function finish(logger: Logger): Promise<void> {\n  await logger.flush();\n  process.exitCode = 0;\n}` },
            { messageId: 'suggestVoid', output: `${ASYNC_LOGGER}export async function finish(logger: Logger): Promise<void> {\n  void logger.flush();\n  process.exitCode = 0;\n}` },
          ],
        },
      ],
    },
    // an audit trail is no logger: its entries are often rows of the app's database
    {
      filename: 'file.ts',
      code: "declare const auditLog: { log(entry: object): Promise<void> };\nexport async function close(id: string): Promise<void> {\n  auditLog.log({ action: 'close', id });\n}",
      errors: [
        {
          messageId: 'floating',
          line: 3,
          suggestions: [
            { messageId: 'suggestAwait', output: "declare const auditLog: { log(entry: object): Promise<void> };\nexport async function close(id: string): Promise<void> {\n  await auditLog.log({ action: 'close', id });\n}" },
            { messageId: 'suggestVoid', output: "declare const auditLog: { log(entry: object): Promise<void> };\nexport async function close(id: string): Promise<void> {\n  void auditLog.log({ action: 'close', id });\n}" },
          ],
        },
      ],
    },
    // a factory that is not named for a logger hands out no logger: its `info` may be a query
    {
      filename: 'file.ts',
      code: "declare const registry: { service(name: string): { info(id: string): Promise<string> } };\nexport async function probe(id: string): Promise<void> {\n  registry.service('users').info(id);\n}",
      errors: [
        {
          messageId: 'floating',
          line: 3,
          suggestions: [
            { messageId: 'suggestAwait', output: "declare const registry: { service(name: string): { info(id: string): Promise<string> } };\nexport async function probe(id: string): Promise<void> {\n  await registry.service('users').info(id);\n}" },
            { messageId: 'suggestVoid', output: "declare const registry: { service(name: string): { info(id: string): Promise<string> } };\nexport async function probe(id: string): Promise<void> {\n  void registry.service('users').info(id);\n}" },
          ],
        },
      ],
    },
    // work beside the logger is still work: a dropped store in the same function
    {
      filename: 'file.ts',
      code: `${ASYNC_LOGGER}export async function record(logger: Logger, id: string): Promise<void> {\n  logger.info(id);\n  store(id);\n}`,
      errors: [
        {
          messageId: 'floating',
          line: 9,
          suggestions: [
            { messageId: 'suggestAwait', output: `${ASYNC_LOGGER}export async function record(logger: Logger, id: string): Promise<void> {\n  logger.info(id);\n  await store(id);\n}` },
            { messageId: 'suggestVoid', output: `${ASYNC_LOGGER}export async function record(logger: Logger, id: string): Promise<void> {\n  logger.info(id);\n  void store(id);\n}` },
          ],
        },
      ],
    },
  ],
});

// SWR's cache revalidations (`tests/fixtures/swr.d.ts`): `mutate` and `setSize` without data, or
// with plain data, start a refetch whose failure SWR keeps in the hook's `error` state; their
// promise only resolves, so a dropped one loses nothing, also inside a `try` meant for the await
// before it. With a promise or a function as the data, `mutate` hands back that work's failure.
const SWR = "import useSWR, { useSWRConfig, mutate as mutateAll } from 'swr';\nimport useSWRInfinite from 'swr/infinite';\nimport { saveUser } from './promise-api';\n";
const SWR_HOOKS = "  const { data, mutate: reload } = useSWR('/api/user', (key) => saveUser(key));\n  const { mutate } = useSWRConfig();\n  const { size, setSize } = useSWRInfinite((index) => `/api/users?page=${index}`, (key) => saveUser(key));\n";

typedRuleTester.run('no-floating-promises (typed, cache revalidation)', testedRule, {
  valid: [
    {
      filename: 'file.ts',
      code: `${SWR}export async function rename(name: string) {\n${SWR_HOOKS}  try {\n    await saveUser(name);\n    reload();\n    reload(data ?? 'none', false);\n    mutate('/api/users');\n    mutateAll('/api/users/count');\n    setSize(size + 1);\n  } catch (error) {\n    console.error(error);\n  }\n}`,
    },
  ],
  invalid: [
    // ...but new data that is itself work: a promise, or a function that makes one
    {
      filename: 'file.ts',
      code: `${SWR}export async function rename(name: string) {\n${SWR_HOOKS}  mutate('/api/users', saveUser(name));\n  reload(async () => saveUser(name));\n}`,
      errors: [
        {
          messageId: 'floating',
          line: 8,
          column: 3,
          suggestions: [
            { messageId: 'suggestAwait', output: `${SWR}export async function rename(name: string) {\n${SWR_HOOKS}  await mutate('/api/users', saveUser(name));\n  reload(async () => saveUser(name));\n}` },
            { messageId: 'suggestVoid', output: `${SWR}export async function rename(name: string) {\n${SWR_HOOKS}  void mutate('/api/users', saveUser(name));\n  reload(async () => saveUser(name));\n}` },
          ],
        },
        {
          messageId: 'floating',
          line: 9,
          column: 3,
          suggestions: [
            { messageId: 'suggestAwait', output: `${SWR}export async function rename(name: string) {\n${SWR_HOOKS}  mutate('/api/users', saveUser(name));\n  await reload(async () => saveUser(name));\n}` },
            { messageId: 'suggestVoid', output: `${SWR}export async function rename(name: string) {\n${SWR_HOOKS}  mutate('/api/users', saveUser(name));\n  void reload(async () => saveUser(name));\n}` },
          ],
        },
      ],
    },
  ],
});
