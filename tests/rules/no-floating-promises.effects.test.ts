import type { InvalidTestCase } from '@typescript-eslint/rule-tester';
import rule, { type MessageIds, type Options } from '../../src/rules/no-floating-promises';
import path from 'node:path';
import { RuleTester } from '@typescript-eslint/rule-tester';
import { FIXTURES_DIR, ruleTester } from '../rule-tester';

/** A module of a package whose package.json has a `bin` (and a library `main`). */
const TOOL_MODULE = path.join(FIXTURES_DIR, 'run-contexts', 'library', 'src', 'tool.ts');

/** Promises that cannot reject, deliberate fire-and-forget, scripts, and the chains that still lose a rejection. */

type Invalid = InvalidTestCase<MessageIds, Options>;

const catchesAll = `async function report(event) {
  try {
    await send(event);
  } catch (error) {
    console.error(error);
  }
}
`;

/** A getter of a channel to the page's service worker, and a statement that starts listening through it. */
const serviceWorkerChannel = `export class Channel {
  async worker() {
    if (this.held) return Promise.resolve(this.held);
    return navigator.serviceWorker.ready.then((registration) => ({ post: (m) => registration.active.postMessage(m) }));
  }
  watch(listener) {
    this.worker().then((w) => { this.current = w; this.listener = listener; });
  }
}`;

const invalid: Invalid[] = [
  // a registry of the project's own, not the browser's
  {
    code: "import { customElements } from './registry';\nexport function upgradeLater(tag) {\n  customElements.whenDefined(tag).then(() => markDefined(tag));\n}",
    errors: [{ messageId: 'floatingChain', line: 3, column: 3, suggestions: [{ messageId: 'suggestVoid', output: "import { customElements } from './registry';\nexport function upgradeLater(tag) {\n  void customElements.whenDefined(tag).then(() => markDefined(tag));\n}" }] }],
  },
  // a \`navigator\` of the project's own, not the browser's
  {
    code: `import { navigator } from './routes';\n${serviceWorkerChannel}`,
    errors: [{ messageId: 'floatingChain', line: 8, column: 5, suggestions: [{ messageId: 'suggestVoid', output: `import { navigator } from './routes';\n${serviceWorkerChannel.replace('    this.worker()', '    void this.worker()')}` }] }],
  },
  // checkCannotReject (the strict config) marks every promise, even one that cannot reject
  {
    code: `${catchesAll}function onClick(event) {\n  report(event);\n}`,
    options: [{ checkCannotReject: true }],
    errors: [{ messageId: 'floating', line: 9, column: 3, suggestions: [{ messageId: 'suggestVoid', output: `${catchesAll}function onClick(event) {\n  void report(event);\n}` }] }],
  },
  // a routine named `start` that a connection listener calls starts its loop once per connection
  {
    code: "async function relay() {\n  for (;;) {\n    const job = await queue.next();\n    current.send(job);\n  }\n}\nfunction start() {\n  relay();\n}\nwss.on('connection', (socket) => {\n  current = socket;\n  start();\n});",
    errors: [{ messageId: 'floating', line: 8, column: 3, suggestions: [{ messageId: 'suggestVoid', output: "async function relay() {\n  for (;;) {\n    const job = await queue.next();\n    current.send(job);\n  }\n}\nfunction start() {\n  void relay();\n}\nwss.on('connection', (socket) => {\n  current = socket;\n  start();\n});" }] }],
  },
  // an endless loop started per connection: a rejection there ends the server for every client
  {
    code: "async function pump(socket) {\n  for (;;) {\n    const job = await queue.next(socket.id);\n    socket.send(job);\n  }\n}\nwss.on('connection', (socket) => {\n  pump(socket);\n});",
    errors: [{ messageId: 'floating', line: 8, column: 3, suggestions: [{ messageId: 'suggestVoid', output: "async function pump(socket) {\n  for (;;) {\n    const job = await queue.next(socket.id);\n    socket.send(job);\n  }\n}\nwss.on('connection', (socket) => {\n  void pump(socket);\n});" }] }],
  },
  // a loop with a way out returns: its caller may need to wait for it
  {
    code: "async function drain() {\n  for (;;) {\n    const job = await next();\n    if (!job) return;\n  }\n}\nasync function start() {\n  drain();\n}",
    errors: [{ messageId: 'floating', line: 8, column: 3, suggestions: [{ messageId: 'suggestAwait', output: "async function drain() {\n  for (;;) {\n    const job = await next();\n    if (!job) return;\n  }\n}\nasync function start() {\n  await drain();\n}" }, { messageId: 'suggestVoid', output: "async function drain() {\n  for (;;) {\n    const job = await next();\n    if (!job) return;\n  }\n}\nasync function start() {\n  void drain();\n}" }] }],
  },
  // a guarded body that still rethrows can reject
  {
    code: 'async function save(x) {\n  try { await put(x); } catch (e) { log(e); throw e; }\n}\nfunction f(x) {\n  save(x);\n}',
    errors: [{ messageId: 'floating', line: 5, column: 3, suggestions: [{ messageId: 'suggestVoid', output: 'async function save(x) {\n  try { await put(x); } catch (e) { log(e); throw e; }\n}\nfunction f(x) {\n  void save(x);\n}' }] }],
  },
  // a comment that only mentions a missing await (a note about a bug) is no statement of intent
  {
    code: 'async function save(x) { await put(x); }\nfunction f(x) {\n  save(x); // BUG: no await here\n}',
    errors: [{ messageId: 'floating', line: 3, column: 3, suggestions: [{ messageId: 'suggestVoid', output: 'async function save(x) { await put(x); }\nfunction f(x) {\n  void save(x); // BUG: no await here\n}' }] }],
  },
  // .finally(cb) passes the rejection on
  {
    code: 'function f() {\n  loadData().finally(() => setLoading(false));\n}',
    errors: [{ messageId: 'floating', line: 2, column: 3, suggestions: [{ messageId: 'suggestVoid', output: 'function f() {\n  void loadData().finally(() => setLoading(false));\n}' }] }],
  },
  // .then(namedFn) on a call chain at the module's top level
  {
    code: 'import { build } from "./build";\nbuild(options).then(print);',
    errors: [{ messageId: 'floatingChain', data: { method: 'then' }, line: 2, column: 1, suggestions: [{ messageId: 'suggestVoid', output: 'import { build } from "./build";\nvoid build(options).then(print);' }] }],
  },
  // a comment that names the rule is not a statement of intent; only a disable directive is
  {
    code: 'async function save(x) { await put(x); }\nfunction f(x) {\n  save(x); // see no-floating-promises\n}',
    errors: [{ messageId: 'floating', line: 3, column: 3, suggestions: [{ messageId: 'suggestVoid', output: 'async function save(x) { await put(x); }\nfunction f(x) {\n  void save(x); // see no-floating-promises\n}' }] }],
  },
  // a module that starts its own async function at the top level is not a script on that account
  {
    code: 'async function init() { await connect(); }\ninit();',
    errors: [{ messageId: 'floating', line: 2, column: 1, suggestions: [{ messageId: 'suggestVoid', output: 'async function init() { await connect(); }\nvoid init();' }] }],
  },
  // a callback whose first parameter is not an error is no error-first callback
  {
    code: 'async function get(key, callback) { return fetchValue(key); }\nfunction check(done) {\n  get("a", (value) => done(value));\n}',
    errors: [{ messageId: 'floating', line: 3, column: 3, suggestions: [{ messageId: 'suggestVoid', output: 'async function get(key, callback) { return fetchValue(key); }\nfunction check(done) {\n  void get("a", (value) => done(value));\n}' }] }],
  },
  // ...nor is an entry-named module that exports something: importing it starts the work
  {
    code: 'export const app = createApp();\nasync function start() { await app.listen(3000); }\nstart();',
    filename: 'src/server.ts',
    errors: [{ messageId: 'floating', line: 3, column: 1, suggestions: [{ messageId: 'suggestVoid', output: 'export const app = createApp();\nasync function start() { await app.listen(3000); }\nvoid start();' }] }],
  },
  {
    code: 'async function start() { await listen(3000); }\nstart();\nmodule.exports = { stop };',
    filename: 'src/server.js',
    errors: [{ messageId: 'floating', line: 2, column: 1, suggestions: [{ messageId: 'suggestVoid', output: 'async function start() { await listen(3000); }\nvoid start();\nmodule.exports = { stop };' }] }],
  },
  // ...and a migration module that exports its step: the program that imports it runs it
  {
    code: 'export async function migrate(db) { await db.schema.createTable("tags"); }\nmigrate(db);',
    filename: 'src/db/migrate.ts',
    errors: [{ messageId: 'floating', line: 2, column: 1, suggestions: [{ messageId: 'suggestVoid', output: 'export async function migrate(db) { await db.schema.createTable("tags"); }\nvoid migrate(db);' }] }],
  },
  // a comment that says nothing about intent
  {
    code: 'async function save(x) { await put(x); }\nfunction f(x) {\n  // save the draft\n  save(x);\n}',
    errors: [{ messageId: 'floating', line: 4, column: 3, suggestions: [{ messageId: 'suggestVoid', output: 'async function save(x) { await put(x); }\nfunction f(x) {\n  // save the draft\n  void save(x);\n}' }] }],
  },
  // a promise returned from inside the try is not caught by its catch (only `return await` is)
  {
    code: 'async function refresh(list) {\n  try { return fetchPage(list.next); } catch (e) { log(e); }\n}\nfunction onScroll(list) {\n  refresh(list);\n}',
    errors: [{ messageId: 'floating', line: 5, column: 3, suggestions: [{ messageId: 'suggestVoid', output: 'async function refresh(list) {\n  try { return fetchPage(list.next); } catch (e) { log(e); }\n}\nfunction onScroll(list) {\n  void refresh(list);\n}' }] }],
  },
  // a same-file helper that throws, called before the try: that throw rejects the promise
  {
    code: "function requireId(job) { if (!job.id) throw new Error('no id'); }\nasync function run(job) {\n  requireId(job);\n  try { await job.exec(); } catch (e) { log(e); }\n}\nfunction tick(job) {\n  run(job);\n}",
    errors: [{ messageId: 'floating', line: 7, column: 3, suggestions: [{ messageId: 'suggestVoid', output: "function requireId(job) { if (!job.id) throw new Error('no id'); }\nasync function run(job) {\n  requireId(job);\n  try { await job.exec(); } catch (e) { log(e); }\n}\nfunction tick(job) {\n  void run(job);\n}" }] }],
  },
  // Promise.all over callbacks that can reject
  {
    code: 'async function warm(keys) {\n  await Promise.all(keys.map((key) => cache.load(key)));\n}\nfunction start(keys) {\n  warm(keys);\n}',
    errors: [{ messageId: 'floating', line: 5, column: 3, suggestions: [{ messageId: 'suggestVoid', output: 'async function warm(keys) {\n  await Promise.all(keys.map((key) => cache.load(key)));\n}\nfunction start(keys) {\n  void warm(keys);\n}' }] }],
  },
  // browser UI code is judged when checkUiCode is on (the strict config)
  {
    code: "import { useEffect } from 'react';\nasync function loadPrefs() { return (await fetch('/prefs')).json(); }\nexport function usePrefs() {\n  useEffect(() => {\n    loadPrefs();\n  }, []);\n}",
    options: [{ checkUiCode: true }],
    errors: [{ messageId: 'floating', line: 5, column: 5, suggestions: [{ messageId: 'suggestVoid', output: "import { useEffect } from 'react';\nasync function loadPrefs() { return (await fetch('/prefs')).json(); }\nexport function usePrefs() {\n  useEffect(() => {\n    void loadPrefs();\n  }, []);\n}" }] }],
  },
  // browser UI code: a dropped promise inside a try whose catch handles errors was meant to be handled
  {
    code: "define(['api', 'alerts'], function (api, alerts) {\n  async function save(url, data) { await api.put(url, data); }\n  async function refresh(url) {\n    try {\n      const data = await api.post(url);\n      show(data);\n      save(url, data);\n    } catch (e) {\n      alerts.error(e);\n    }\n  }\n  return { refresh };\n});",
    errors: [{ messageId: 'floating', line: 7, column: 7, suggestions: [
      { messageId: 'suggestAwait', output: "define(['api', 'alerts'], function (api, alerts) {\n  async function save(url, data) { await api.put(url, data); }\n  async function refresh(url) {\n    try {\n      const data = await api.post(url);\n      show(data);\n      await save(url, data);\n    } catch (e) {\n      alerts.error(e);\n    }\n  }\n  return { refresh };\n});" },
      { messageId: 'suggestVoid', output: "define(['api', 'alerts'], function (api, alerts) {\n  async function save(url, data) { await api.put(url, data); }\n  async function refresh(url) {\n    try {\n      const data = await api.post(url);\n      show(data);\n      void save(url, data);\n    } catch (e) {\n      alerts.error(e);\n    }\n  }\n  return { refresh };\n});" },
    ] }],
  },
  // a callback passed beyond the parameters of a promise-returning function: it never runs, even
  // though the promise (resolve-only) cannot reject
  {
    code: 'function confirmInstall(id) {\n  return new Promise((resolve) => dialog.confirm(id, resolve));\n}\nfunction onUpgrade(id) {\n  confirmInstall(id, (ok) => { if (ok) upgrade(id); });\n}',
    errors: [{ messageId: 'floating', line: 5, column: 3, suggestions: [{ messageId: 'suggestVoid', output: 'function confirmInstall(id) {\n  return new Promise((resolve) => dialog.confirm(id, resolve));\n}\nfunction onUpgrade(id) {\n  void confirmInstall(id, (ok) => { if (ok) upgrade(id); });\n}' }] }],
  },
  // ...but not when the class also fills the field with a promise that can reject
  {
    code: 'class Worker {\n  constructor() {\n    this.exited = new Promise((resolve) => { this.onExit = resolve; });\n  }\n  restart() {\n    this.exited = fetch("/restart");\n  }\n  forceExit() {\n    this.exited.then(() => clearTimeout(this.timer));\n  }\n}',
    errors: [{ messageId: 'floatingChain', data: { method: 'then' }, line: 9, column: 5, suggestions: [{ messageId: 'suggestVoid', output: 'class Worker {\n  constructor() {\n    this.exited = new Promise((resolve) => { this.onExit = resolve; });\n  }\n  restart() {\n    this.exited = fetch("/restart");\n  }\n  forceExit() {\n    void this.exited.then(() => clearTimeout(this.timer));\n  }\n}' }] }],
  },
  // a .tsx file without JSX is not a component on that account
  {
    filename: 'queue.tsx',
    code: 'async function flush(q) { await q.send(); }\nexport function onIdle(q) {\n  flush(q);\n}',
    errors: [{ messageId: 'floating', line: 3, column: 3, suggestions: [{ messageId: 'suggestVoid', output: 'async function flush(q) { await q.send(); }\nexport function onIdle(q) {\n  void flush(q);\n}' }] }],
  },
  // server actions ('use server') are not browser code
  {
    filename: 'actions.tsx',
    code: "'use server';\nimport { useId } from 'react';\nasync function audit(id) { await db.insert(id); }\nexport async function save(id) {\n  audit(id);\n}",
    errors: [{ messageId: 'floating', line: 5, column: 3, suggestions: [
      { messageId: 'suggestAwait', output: "'use server';\nimport { useId } from 'react';\nasync function audit(id) { await db.insert(id); }\nexport async function save(id) {\n  await audit(id);\n}" },
      { messageId: 'suggestVoid', output: "'use server';\nimport { useId } from 'react';\nasync function audit(id) { await db.insert(id); }\nexport async function save(id) {\n  void audit(id);\n}" },
    ] }],
  },
  // the same package's library module dropping a promise inside a function is still reported
  {
    filename: TOOL_MODULE,
    code: 'async function sync(dir) { await copy(dir); }\nexport function watch(dir) {\n  sync(dir);\n}',
    errors: [{ messageId: 'floating', line: 3, column: 3, suggestions: [{ messageId: 'suggestVoid', output: 'async function sync(dir) { await copy(dir); }\nexport function watch(dir) {\n  void sync(dir);\n}' }] }],
  },
  // a dropped delay is a forgotten await, also when the function of this file only returns one
  {
    code: 'function pause(ms) {\n  return new Promise((resolve) => setTimeout(resolve, ms));\n}\nasync function step() {\n  pause(50);\n  render();\n}',
    errors: [{ messageId: 'floating', line: 5, column: 3, suggestions: [
      { messageId: 'suggestAwait', output: 'function pause(ms) {\n  return new Promise((resolve) => setTimeout(resolve, ms));\n}\nasync function step() {\n  await pause(50);\n  render();\n}' },
      { messageId: 'suggestVoid', output: 'function pause(ms) {\n  return new Promise((resolve) => setTimeout(resolve, ms));\n}\nasync function step() {\n  void pause(50);\n  render();\n}' },
    ] }],
  },
  // a promise timer given an abort signal rejects when it is aborted
  {
    code: "import { setTimeout as pause } from 'node:timers/promises';\nasync function poll(signal) {\n  await pause(1000, undefined, { signal });\n  try { await check(); } catch (err) { log(err); }\n}\nexport function start(signal) {\n  poll(signal);\n}",
    errors: [{ messageId: 'floating', line: 7, column: 3, suggestions: [{ messageId: 'suggestVoid', output: "import { setTimeout as pause } from 'node:timers/promises';\nasync function poll(signal) {\n  await pause(1000, undefined, { signal });\n  try { await check(); } catch (err) { log(err); }\n}\nexport function start(signal) {\n  void poll(signal);\n}" }] }],
  },
  // a guard whose test calls something checks more than the function's own state
  {
    code: 'class Refresher {\n  async refresh() {\n    if (!this.auth.isValid()) throw new Error("expired");\n    try { await this.pull(); } catch (err) { this.onError(err); }\n  }\n  tick() {\n    this.refresh();\n  }\n}',
    errors: [{ messageId: 'floating', line: 7, column: 5, suggestions: [{ messageId: 'suggestVoid', output: 'class Refresher {\n  async refresh() {\n    if (!this.auth.isValid()) throw new Error("expired");\n    try { await this.pull(); } catch (err) { this.onError(err); }\n  }\n  tick() {\n    void this.refresh();\n  }\n}' }] }],
  },
  // ...and a throw after an await answers what was awaited: a failure of the work, not a guard
  {
    code: 'class Refresher {\n  async refresh() {\n    const token = await this.pull();\n    if (!token) throw new Error("no token");\n    try { await this.apply(token); } catch (err) { this.onError(err); }\n  }\n  tick() {\n    this.refresh();\n  }\n}',
    errors: [{ messageId: 'floating', line: 8, column: 5, suggestions: [{ messageId: 'suggestVoid', output: 'class Refresher {\n  async refresh() {\n    const token = await this.pull();\n    if (!token) throw new Error("no token");\n    try { await this.apply(token); } catch (err) { this.onError(err); }\n  }\n  tick() {\n    void this.refresh();\n  }\n}' }] }],
  },
  // a subclass that fills the inherited field with a promise that can reject
  {
    code: 'class Base {\n  constructor() {\n    this.exited = new Promise((resolve) => { this.onExit = resolve; });\n  }\n}\nclass Child extends Base {\n  restart() {\n    this.exited = this.spawn();\n  }\n  forceExit() {\n    this.exited.then(() => clearTimeout(this.timer));\n  }\n}',
    errors: [{ messageId: 'floatingChain', data: { method: 'then' }, line: 11, column: 5, suggestions: [{ messageId: 'suggestVoid', output: 'class Base {\n  constructor() {\n    this.exited = new Promise((resolve) => { this.onExit = resolve; });\n  }\n}\nclass Child extends Base {\n  restart() {\n    this.exited = this.spawn();\n  }\n  forceExit() {\n    void this.exited.then(() => clearTimeout(this.timer));\n  }\n}' }] }],
  },
  // a catch that awaits other new work (not a rollback, not handed the error) may reject
  {
    code: 'async function sync(job) {\n  try { await job.run(); } catch (err) { await job.retryLater(); }\n}\nexport function onTick(job) {\n  sync(job);\n}',
    errors: [{ messageId: 'floating', line: 5, column: 3, suggestions: [{ messageId: 'suggestVoid', output: 'async function sync(job) {\n  try { await job.run(); } catch (err) { await job.retryLater(); }\n}\nexport function onTick(job) {\n  void sync(job);\n}' }] }],
  },
  // a function passed for a parameter the called function never calls is no completion callback
  {
    code: 'async function addRow(user, format) {\n  const html = await render(user, format);\n  table.append(html);\n}\nfunction onPick(user) {\n  addRow(user, (u) => u.name);\n}',
    errors: [{ messageId: 'floating', line: 6, column: 3, suggestions: [{ messageId: 'suggestVoid', output: 'async function addRow(user, format) {\n  const html = await render(user, format);\n  table.append(html);\n}\nfunction onPick(user) {\n  void addRow(user, (u) => u.name);\n}' }] }],
  },
  // an array collected with one push that can reject
  {
    code: 'function reinstall(mods, retry) {\n  const pending = [];\n  for (const m of mods) {\n    pending.push(install(m).catch(() => retry.push(m)));\n    pending.push(audit(m));\n  }\n  Promise.all(pending).then(() => schedule(retry));\n}',
    errors: [{ messageId: 'floatingChain', data: { method: 'then' }, line: 7, column: 3, suggestions: [{ messageId: 'suggestVoid', output: 'function reinstall(mods, retry) {\n  const pending = [];\n  for (const m of mods) {\n    pending.push(install(m).catch(() => retry.push(m)));\n    pending.push(audit(m));\n  }\n  void Promise.all(pending).then(() => schedule(retry));\n}' }] }],
  },
  // a page script that also loads modules the Node way is not a classic page script
  {
    code: "const api = require('./api');\nasync function suggest(q) { show(await api.search(q)); }\ndocument.querySelector('#q').addEventListener('input', (e) => {\n  suggest(e.target.value);\n});",
    errors: [{ messageId: 'floating', line: 4, column: 3, suggestions: [{ messageId: 'suggestVoid', output: "const api = require('./api');\nasync function suggest(q) { show(await api.search(q)); }\ndocument.querySelector('#q').addEventListener('input', (e) => {\n  void suggest(e.target.value);\n});" }] }],
  },
  // .finally on a field of this class that nothing shows cannot reject
  {
    code: 'class Pool {\n  track(worker) {\n    this.current = worker.start();\n    this.current.finally(() => this.remove(worker));\n  }\n}',
    errors: [{ messageId: 'floating', line: 4, column: 5, suggestions: [{ messageId: 'suggestVoid', output: 'class Pool {\n  track(worker) {\n    this.current = worker.start();\n    void this.current.finally(() => this.remove(worker));\n  }\n}' }] }],
  },
  // a deferral whose callback does I/O is no deferral: the chain adopts the callback's promise
  {
    code: 'async function save() { await fetch(\'/x\'); }\nexport function later() {\n  Promise.resolve().then(() => save());\n}',
    errors: [{ messageId: 'floatingChain', data: { method: 'then' }, line: 3, column: 3, suggestions: [{ messageId: 'suggestVoid', output: 'async function save() { await fetch(\'/x\'); }\nexport function later() {\n  void Promise.resolve().then(() => save());\n}' }] }],
  },
  {
    code: 'async function save() { await fetch(\'/x\'); }\nexport function later() {\n  Promise.resolve().then(async () => { await save(); });\n}',
    errors: [{ messageId: 'floatingChain', data: { method: 'then' }, line: 3, column: 3, suggestions: [{ messageId: 'suggestVoid', output: 'async function save() { await fetch(\'/x\'); }\nexport function later() {\n  void Promise.resolve().then(async () => { await save(); });\n}' }] }],
  },
];

ruleTester.run<MessageIds, Options>('no-floating-promises (effects)', rule as never, {
  valid: [
    // a start-up routine that a once-only listener calls (the client is ready) starts its loop once
    "async function drainOutbox() {\n  for (;;) {\n    await outbox.sendNext();\n  }\n}\nfunction init() {\n  drainOutbox();\n}\nclient.once(Events.ClientReady, () => {\n  init();\n});",
    // the same routine called from a listener registered with { once: true } (the first message only)
    "async function drainOutbox() {\n  for (;;) {\n    await outbox.sendNext();\n  }\n}\nfunction init() {\n  drainOutbox();\n}\nsocket.addEventListener('message', () => init(), { once: true });",
    // the same resolve-only helper called with its declared parameters only: nothing to lose
    'function confirmInstall(id) {\n  return new Promise((resolve) => dialog.confirm(id, resolve));\n}\nfunction onUpgrade(id) {\n  confirmInstall(id);\n}',
    // the called function returns a promise whose executor only ever resolves: nothing to lose
    'function rendered(el, data) {\n  return new Promise((resolve) => {\n    render(el, data, (html) => { el.append(html); resolve(html); });\n  });\n}\nasync function addItem(el) {\n  const data = await load();\n  rendered(el, data);\n}',
    // a field its class only ever fills with a resolve-only promise: the chain on it cannot reject
    'class Worker {\n  constructor() {\n    this.exited = new Promise((resolve) => { this.onExit = resolve; });\n  }\n  forceExit() {\n    const timer = setTimeout(() => this.kill(), 500);\n    this.exited.then(() => clearTimeout(timer));\n  }\n}',
    // the called function catches everything: a dropped promise loses no error
    `${catchesAll}function onClick(event) {\n  report(event);\n}`,
    // synchronous setup around a try whose catch hands the error on: only a bug could throw there
    `class Panel {\n  async reload(filter) {\n    this.busy = true;\n    clearTimeout(this.spinner);\n    this.spinner = setTimeout(() => this.showSpinner(), 200);\n    try {\n      this.rows = await api.list(filter);\n    } catch (err) {\n      this.notify('could not load', err);\n    } finally {\n      this.busy = false;\n    }\n  }\n  onFilter(filter) {\n    this.reload(filter);\n  }\n}`,
    // guarded tries inside branches, handing the error to a callback
    `async function runStep(step, next) {\n  if (step.length === 1) {\n    try { step(next); } catch (err) { next(err); }\n    return;\n  }\n  try {\n    await step();\n    next();\n  } catch (err) {\n    next(err);\n  }\n}\nfunction advance(steps, next) {\n  runStep(steps.shift(), next);\n}`,
    // the only awaits are of Promise.all over a callback that cannot reject
    `class Feeder {\n  async fillOne(name) {\n    try { await this.store.claim(name); } catch (err) { this.emit('error', err); }\n  }\n  async fillAll() {\n    await Promise.all(this.names.map(async (name) => { await this.fillOne(name); }));\n  }\n  constructor() {\n    this.fillAll();\n  }\n}`,
    // a catch that awaits the report of the error it caught
    `async function push(item) {\n  try { await queue.add(item); } catch (error) { await audit.record(error); }\n}\nfunction onItem(item) {\n  push(item);\n}`,
    // a recursive retry inside the catch has the function's own answer
    `class Mailbox {\n  async drain() {\n    if (this.stopped) return;\n    try {\n      await this.deliver(this.queue.shift());\n    } catch (err) {\n      this.log(err);\n      return this.drain();\n    }\n  }\n  push(item) {\n    this.queue.push(item);\n    this.drain();\n  }\n}`,
    // a finally that ends the process: no rejection is ever observed
    `process.on('SIGTERM', () => {\n  shutdown().finally(() => process.exit(0));\n});`,
    // the after-render promise of a UI framework never rejects
    `import { nextTick } from 'vue';\nfunction onSaved() {\n  nextTick().then(() => scrollToBottom());\n}`,
    // finally on a variable holding Promise.allSettled
    `function stopAll(tasks) {\n  const settled = Promise.allSettled(tasks);\n  settled.finally(() => tasks.clear());\n}`,
    // browser UI code: an effect or handler starting an async action; a rejection reaches the console
    "import { useEffect } from 'react';\nasync function loadPrefs() { return (await fetch('/prefs')).json(); }\nexport function usePrefs() {\n  useEffect(() => {\n    loadPrefs();\n  }, []);\n}",
    { filename: 'Toolbar.tsx', code: "async function exportFile(doc) { await save(doc); }\nexport const Toolbar = ({ doc }) => <button onClick={() => { exportFile(doc); }}>Export</button>;" },
    { filename: 'Dialog.vue.ts', code: "import { ref } from 'vue';\nasync function confirmClose() { await dialogs.ask('Close?'); }\nexport function useDialog() {\n  const open = ref(false);\n  return { close: () => { confirmClose(); } };\n}" },
    "'use client';\nasync function track(event) { await fetch('/t', { method: 'POST', body: event }); }\nexport function onNavigate(event) {\n  track(event);\n}",
    // browser scripts without a framework: an AMD module, a page script of a static folder
    "define(['benchpress'], function (Benchpress) {\n  async function renderList(items) { $('#list').html(await Benchpress.render('list', { items })); }\n  $('#reload').on('click', function () {\n    renderList(items);\n  });\n});",
    { filename: 'site/public/src/client/topic.js', code: "import { get } from 'api';\nexport function init() {\n  document.querySelector('#more').addEventListener('click', () => {\n    get('/topics').then((topics) => show(topics));\n  });\n}" },
    // an async IIFE whose body catches everything
    `(async () => {\n  try { await build(); } catch (e) { console.error(e); process.exitCode = 1; }\n})();`,
    // a send-and-log-failure helper: its chain ends in .catch
    `const notify = (message) => post('/hook', message).catch((e) => log.warn(e));\nfunction f(m) {\n  notify(m);\n}`,
    // Promise.allSettled never rejects; a deferral to the next tick
    `function f(tasks) {\n  Promise.allSettled(tasks).then((results) => record(results));\n}`,
    // ...also over a list built by a synchronous mapper outside an async function: a throw while
    // the list is built leaves the call synchronously, before any promise exists
    // the browser's element registry: waiting for a definition rejects only for an invalid name
    `function upgradeLater(tag, done) {\n  customElements.whenDefined(tag).then(() => done());\n}`,
    `function upgradeLater(tag) {\n  window.customElements.whenDefined(tag).then(() => markDefined(tag));\n}`,
    // the browser's service-worker registration (\`ready\` waits for an active worker and never
    // rejects), through an async getter whose other path returns a held value
    serviceWorkerChannel,
    `exports.askAll = function (workers, question, reply) {\n  Promise.allSettled(workers.map((worker) => worker.ask(question))).then((answers) => reply(answers));\n};`,
    `class Emitter {\n  start() {\n    Promise.resolve().then(() => this.emit('ready'));\n  }\n}`,
    // a rejection already handled through a variable
    `function f(x) {\n  const p = load(x).catch(handle);\n  p.then(render);\n}`,
    // a loop that never returns, started on purpose: awaiting it would block the caller for good
    `async function pollInbox() {\n  while (true) {\n    await fetchMail();\n    await sleep(5000);\n  }\n}\nasync function start() {\n  await connect();\n  pollInbox();\n  serve();\n}`,
    // a comment says the promise is left alone on purpose
    `async function save(x) { await put(x); }\nfunction f(x) {\n  // fire and forget: the queue retries on its own\n  save(x);\n}`,
    `async function save(x) { await put(x); }\nfunction f(x) {\n  save(x); // no need to await, errors are picked up by the process listeners\n}`,
    // the same words typed with a typographic apostrophe (editors write don\u2019t)
    `async function save(x) { await put(x); }\nfunction f(x) {\n  // don\u2019t await: the watcher queues the next run\n  save(x);\n}`,
    // a script's entry call at the top level: Node prints the rejection and exits with 1
    { code: `#!/usr/bin/env node\nasync function main() { await run(); }\nmain();`, filename: 'tool.ts' },
    { code: `async function main() { await run(); }\nmain();`, filename: 'scripts/generate.ts' },
    { code: `import { build } from "./build";\nbuild(options).then(print);`, filename: 'bin/cli.ts' },
    `async function add(x) { await put(x); }\nfunction f(items) {\n  // queued synchronously, so we do not need to await each call\n  for (const item of items) {\n    add(item);\n  }\n}`,
    { code: 'async function main() { await run(); }\nmain();', filename: 'src/bin.ts' },
    // a module of a command-line tool's package that starts its own async function: the tool's entry
    { code: 'async function runTool() { await main(process.argv); }\n(async () => {\n  await runTool();\n})();', filename: TOOL_MODULE },
    // a module named main.* that starts its own async function: a server's entry point
    { code: "async function bootstrap() {\n  const app = await createApp();\n  await app.listen(3000);\n}\nbootstrap();", filename: 'src/main.ts' },
    { code: "async function bootstrap() {\n  const app = await createApp();\n  await app.listen(3000);\n}\nif (!process.env.EMIT_SCHEMA) {\n  bootstrap();\n} else {\n  emitSchema();\n}", filename: 'apps/api/src/main.ts' },
    // a one-shot task's program (a seed or migrate script, a module of a seeds or migrations folder):
    // it starts its own async function and exports nothing; a rejection ends the task with the error
    { code: 'import { PrismaClient } from "@prisma/client";\nconst prisma = new PrismaClient();\nasync function main() { await prisma.user.create({ data: { name: "Ada" } }); }\nmain();', filename: 'prisma/seed.ts' },
    { code: 'async function run() { await migrator.latest(); }\nrun();', filename: 'src/db/migrate.ts' },
    { code: 'async function seedTags() { await db.insert("tags", defaults); }\nseedTags();', filename: 'src/db/seeds/tags.ts' },
    // a file that imports a CLI library is a command-line program (see where-it-runs)
    { code: 'import { program } from "commander";\nasync function main() { await run(); }\nmain();', filename: 'src/tool.ts' },
    // a Node-style callback written at the call: the API hands the failure to it
    'async function get(key, callback) { return fetchValue(key); }\nfunction check(done) {\n  get("a", (err, value) => done(err, value));\n}',
    'async function get(key, callback) { return fetchValue(key); }\nfunction check(done) {\n  get("a", function (error) { done(error); });\n}',
    'async function get(key, callback) { return fetchValue(key); }\nfunction check(callback) {\n  get("a", callback);\n}',
    // a program's entry module: named like one, starts its own async function, exports nothing
    { code: 'import { NestFactory } from "@nestjs/core";\nasync function bootstrap() {\n  const app = await NestFactory.create(AppModule);\n  await app.listen(3000);\n}\nbootstrap();', filename: 'src/main.ts' },
    { code: 'const { Client } = require("discord.js");\nconst client = new Client();\nasync function start() { await client.login(token); }\nstart();', filename: 'bot/index.js' },
    { code: 'resolve({ name: "x" }).then(print);', filename: 'packages/resolver/example.js' },
    // a background loop whose only unguarded await is a delay: waiting cannot reject
    'const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));\nclass Poller {\n  async loop() {\n    while (this.running) {\n      try { await this.db.poll(); } catch (err) { console.error(err); }\n      await sleep(1000);\n    }\n  }\n  start() {\n    this.running = true;\n    this.loop();\n  }\n}',
    "import { setTimeout as pause } from 'node:timers/promises';\nasync function retryLater(job) {\n  await pause(500);\n  try { await job.run(); } catch (err) { job.fail(err); }\n}\nexport function onFailure(job) {\n  retryLater(job);\n}",
    'async function warmUp(cache) {\n  await new Promise((resolve) => setTimeout(resolve, 100));\n  try { await cache.fill(); } catch (err) { cache.log(err); }\n}\nexport function boot(cache) {\n  warmUp(cache);\n}',
    // a catch that rolls the transaction back: the error handled is the work's
    'async function save(db, row) {\n  const tx = await db.begin().catch(() => null);\n  if (!tx) return;\n  try { await tx.insert(row); await tx.commit(); } catch (err) { await tx.rollback(); log(err); }\n}\nexport function onRow(db, row) {\n  save(db, row);\n}',
    // a guard on the function's own state before a try/catch that covers the rest: only misuse throws
    'class Refresher {\n  async refresh() {\n    if (!this.listener) {\n      throw new Error("not started");\n    }\n    try {\n      this.listener.next(await this.provider.token());\n    } catch (err) {\n      this.onError(err);\n    }\n  }\n  schedule(delay) {\n    if (delay === 0) this.refresh();\n    else this.timer = setTimeout(() => this.refresh(), delay);\n  }\n}',
    // a field a class of this file that it extends fills only with a resolve-only promise
    'class Base {\n  constructor() {\n    this.exited = new Promise((resolve) => { this.onExit = resolve; });\n  }\n}\nclass Child extends Base {\n  forceExit() {\n    const timer = setTimeout(() => this.kill(), 500);\n    this.exited.then(() => clearTimeout(timer));\n  }\n}',
    // an async function that also takes a completion callback and calls it: the caller waits through it
    'async function addRow(user, done) {\n  done = done || function () {};\n  const html = await render(user);\n  table.append(html);\n  done();\n}\nfunction onPick(user, modal) {\n  addRow(user, function () {\n    modal.hide();\n  });\n}',
    // Promise.all over elements that each end in .catch: mapped, or pushed into a local array
    'async function subscribe(name) { await fetch(`/sub/${name}`); }\nexport function resubscribeAll(names, failed) {\n  Promise.all(names.map((n) => subscribe(n).catch(() => failed.push(n)))).then(() => report(failed));\n}',
    'function reinstall(mods, retry) {\n  const pending = [];\n  for (const m of mods) {\n    pending.push(install(m).then((r) => emit(r)).catch(() => retry.push(m)));\n  }\n  if (pending.length > 0) Promise.all(pending).then(() => schedule(retry));\n}',
    // a classic page script (no module system at all) that works on the page is browser UI code
    "async function suggest(q) { show(await api.search(q)); }\ndocument.querySelector('#q').addEventListener('input', (e) => {\n  suggest(e.target.value);\n});",
    // .finally on a lifecycle promise another object exposes: built elsewhere, often resolve-only
    'export function track(pool, fork) {\n  pool.add(fork);\n  fork.exited.finally(() => pool.delete(fork));\n}',
    // a command dispatch of a script: every branch of the top-level else-if chain is the entry call
    { code: 'async function run(args) { await serve(args); }\nconst [cmd] = process.argv.slice(2);\nif (cmd === "version") {\n  console.log("1.0.0");\n} else if (cmd === "run") {\n  run(process.argv.slice(3));\n} else {\n  console.log("usage");\n}', filename: 'src/bin/tool.ts' },
    // the handled chain's .finally
    'async function f() { await g(); }\nf().catch(() => {}).finally(() => {});',
  ],
  invalid,
});

/** Another linter's floating-promise rule disabled on the line: not configured here, so its directive would count as unused. */
const otherLinterTester = new RuleTester({ linterOptions: { reportUnusedDisableDirectives: 'off' } });

otherLinterTester.run<MessageIds, Options>('no-floating-promises (another linter disabled on the line)', rule as never, {
  valid: [
    // oxlint's floating-promise rule turned off for the statement: the author decided (ESLint
    // would reject a directive naming a rule it does not know, so the eslint spelling is not shown)
    'async function save(x) { await put(x); }\nfunction f(x) {\n  // oxlint-disable-next-line typescript/no-floating-promises\n  save(x);\n}',
  ],
  invalid: [],
});
