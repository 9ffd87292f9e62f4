import path from 'node:path';
import type { InvalidTestCase } from '@typescript-eslint/rule-tester';
import rule, { type MessageIds, type Options } from '../../src/rules/no-late-promise-handling';
import { testDocsExamples } from '../docs-examples';
import { assertSuggestionsParse } from '../gather-suggestions-parse';
import { FIXTURES_DIR, ruleTester } from '../rule-tester';

// @typescript-eslint/rule-tester pins its own copy of utils; the rule is the same object at run time.
const testedRule = rule as unknown as Parameters<typeof ruleTester.run<MessageIds, Options>>[1];

type Invalid = InvalidTestCase<MessageIds, Options>;

const invalid: Invalid[] = [
  // the pitfall: started early, handled only after another await
  {
    code: `
async function load(id) {
  const ordersPromise = fetchOrders(id);
  const user = await fetchUser(id);
  const orders = await ordersPromise;
  return { user, orders };
}`,
    errors: [
      {
        messageId: 'lateHandling',
        data: { name: 'ordersPromise', line: 4, handledLine: 5 },
        line: 3,
        column: 25,
        suggestions: [
          {
            messageId: 'suggestGather',
            output: `
async function load(id) {
  const [orders, user] = await Promise.all([fetchOrders(id), fetchUser(id)]);
  return { user, orders };
}`,
          },
          {
            messageId: 'suggestCatch',
            data: { name: 'ordersPromise' },
            output: `
async function load(id) {
  const ordersPromise = fetchOrders(id);
  ordersPromise.catch(() => {});
  const user = await fetchUser(id);
  const orders = await ordersPromise;
  return { user, orders };
}`,
          },
        ],
      },
    ],
  },
  // `.then` on a builder starts its query: from then on it runs, and may reject unseen
  {
    code: `
async function page(builder) {
  const total = builder.clone().count('id as n').then(([row]) => row.n);
  const rows = await builder;
  return { rows, total: await total };
}`,
    errors: [
      {
        messageId: 'lateHandling',
        data: { name: 'total', line: 4, handledLine: 5 },
        line: 3,
        column: 17,
        suggestions: [
          {
            messageId: 'suggestCatch',
            data: { name: 'total' },
            output: `
async function page(builder) {
  const total = builder.clone().count('id as n').then(([row]) => row.n);
  total.catch(() => {});
  const rows = await builder;
  return { rows, total: await total };
}`,
          },
        ],
      },
    ],
  },
  // a local async function is a promise whatever comes later; the later use is a return
  {
    code: `
async function fetchOrders(id) { return db.orders(id); }
async function load(id) {
  const pending = fetchOrders(id);
  await audit(id);
  return pending;
}`,
    errors: [
      {
        messageId: 'lateHandling',
        data: { name: 'pending', line: 5, handledLine: 6 },
        line: 4,
        column: 19,
        suggestions: [
          {
            messageId: 'suggestCatch',
            data: { name: 'pending' },
            output: `
async function fetchOrders(id) { return db.orders(id); }
async function load(id) {
  const pending = fetchOrders(id);
  pending.catch(() => {});
  await audit(id);
  return pending;
}`,
          },
        ],
      },
    ],
  },
  // gathering keeps what the statements bind: an await whose value is not kept
  {
    code: `
async function sync() {
  const remote = pull();
  await flushLocal();
  const changes = await remote;
  return changes;
}`,
    errors: [
      {
        messageId: 'lateHandling',
        data: { name: 'remote', line: 4, handledLine: 5 },
        line: 3,
        column: 18,
        suggestions: [
          {
            messageId: 'suggestGather',
            output: `
async function sync() {
  const [changes] = await Promise.all([pull(), flushLocal()]);
  return changes;
}`,
          },
          {
            messageId: 'suggestCatch',
            data: { name: 'remote' },
            output: `
async function sync() {
  const remote = pull();
  remote.catch(() => {});
  await flushLocal();
  const changes = await remote;
  return changes;
}`,
          },
        ],
      },
    ],
  },
  {
    code: `
async function warm() {
  const cache = loadCache();
  const config = await readConfig();
  await cache;
  return config;
}`,
    errors: [
      {
        messageId: 'lateHandling',
        data: { name: 'cache', line: 4, handledLine: 5 },
        line: 3,
        column: 17,
        suggestions: [
          {
            messageId: 'suggestGather',
            output: `
async function warm() {
  const [, config] = await Promise.all([loadCache(), readConfig()]);
  return config;
}`,
          },
          {
            messageId: 'suggestCatch',
            data: { name: 'cache' },
            output: `
async function warm() {
  const cache = loadCache();
  cache.catch(() => {});
  const config = await readConfig();
  await cache;
  return config;
}`,
          },
        ],
      },
    ],
  },
  // handled by Promise.all, but only after another await; statements in between: no gathering
  {
    code: `
async function report(id) {
  const totals = computeTotals(id);
  log('computing');
  await saveDraft(id);
  const [sum] = await Promise.all([totals]);
  return sum;
}`,
    errors: [
      {
        messageId: 'lateHandling',
        data: { name: 'totals', line: 5, handledLine: 6 },
        line: 3,
        column: 18,
        suggestions: [
          {
            messageId: 'suggestCatch',
            data: { name: 'totals' },
            output: `
async function report(id) {
  const totals = computeTotals(id);
  totals.catch(() => {});
  log('computing');
  await saveDraft(id);
  const [sum] = await Promise.all([totals]);
  return sum;
}`,
          },
        ],
      },
    ],
  },
  // a rejection handler attached only after the await
  {
    code: `
async function start() {
  const ready = connect();
  await migrate();
  ready.catch(report);
}`,
    errors: [
      {
        messageId: 'lateHandling',
        data: { name: 'ready', line: 4, handledLine: 5 },
        line: 3,
        column: 17,
        suggestions: [
          {
            messageId: 'suggestCatch',
            data: { name: 'ready' },
            output: `
async function start() {
  const ready = connect();
  ready.catch(() => {});
  await migrate();
  ready.catch(report);
}`,
          },
        ],
      },
    ],
  },

  // a same-file helper that may reject
  {
    code: `
function readJson(file) { return readFile(file).then(JSON.parse); }
async function f(file) {
  const data = readJson(file);
  await lock();
  return await data;
}`,
    errors: [
      {
        messageId: 'lateHandling',
        data: { name: 'data', line: 5, handledLine: 6 },
        line: 4,
        column: 16,
        suggestions: [
          {
            messageId: 'suggestCatch',
            data: { name: 'data' },
            output: `
function readJson(file) { return readFile(file).then(JSON.parse); }
async function f(file) {
  const data = readJson(file);
  data.catch(() => {});
  await lock();
  return await data;
}`,
          },
        ],
      },
    ],
  },
  // either of two calls
  {
    code: `
async function read(remote) {
  const source = remote ? download() : readLocal();
  await lock();
  return await source;
}`,
    errors: [
      {
        messageId: 'lateHandling',
        data: { name: 'source', line: 4, handledLine: 5 },
        line: 3,
        column: 18,
        suggestions: [
          {
            messageId: 'suggestCatch',
            data: { name: 'source' },
            output: `
async function read(remote) {
  const source = remote ? download() : readLocal();
  source.catch(() => {});
  await lock();
  return await source;
}`,
          },
        ],
      },
    ],
  },

  // destructured names: the second waits while the first is awaited
  {
    code: `
async function both() {
  const [a, b] = [loadA(), loadB()];
  const first = await a;
  const second = await b;
  return first + second;
}`,
    errors: [
      {
        messageId: 'lateHandling',
        data: { name: 'b', line: 4, handledLine: 5 },
        line: 3,
        column: 28,
        suggestions: [
          {
            messageId: 'suggestCatch',
            data: { name: 'b' },
            output: `
async function both() {
  const [a, b] = [loadA(), loadB()];
  b.catch(() => {});
  const first = await a;
  const second = await b;
  return first + second;
}`,
          },
        ],
      },
    ],
  },

  // other suspensions: a suspension inside a branch or a loop, for await, yield in an async generator
  {
    code: `
async function f(force) {
  const data = load();
  if (force) {
    await clear();
  }
  return await data;
}`,
    errors: [
      {
        messageId: 'lateHandling',
        data: { name: 'data', line: 5, handledLine: 7 },
        line: 3,
        column: 16,
        suggestions: [
          {
            messageId: 'suggestCatch',
            data: { name: 'data' },
            output: `
async function f(force) {
  const data = load();
  data.catch(() => {});
  if (force) {
    await clear();
  }
  return await data;
}`,
          },
        ],
      },
    ],
  },
  {
    code: `
async function f(items) {
  const data = load();
  for (const item of items) await save(item);
  return await data;
}`,
    errors: [
      {
        messageId: 'lateHandling',
        data: { name: 'data', line: 4, handledLine: 5 },
        line: 3,
        column: 16,
        suggestions: [
          {
            messageId: 'suggestCatch',
            data: { name: 'data' },
            output: `
async function f(items) {
  const data = load();
  data.catch(() => {});
  for (const item of items) await save(item);
  return await data;
}`,
          },
        ],
      },
    ],
  },
  {
    code: `
async function f(stream) {
  const data = load();
  for await (const chunk of stream) use(chunk);
  return await data;
}`,
    errors: [
      {
        messageId: 'lateHandling',
        data: { name: 'data', line: 4, handledLine: 5 },
        line: 3,
        column: 16,
        suggestions: [
          {
            messageId: 'suggestCatch',
            data: { name: 'data' },
            output: `
async function f(stream) {
  const data = load();
  data.catch(() => {});
  for await (const chunk of stream) use(chunk);
  return await data;
}`,
          },
        ],
      },
    ],
  },
  {
    code: `
async function* pages() {
  const next = fetchPage(2);
  yield await fetchPage(1);
  yield await next;
}`,
    errors: [
      {
        messageId: 'lateHandling',
        data: { name: 'next', line: 4, handledLine: 5 },
        line: 3,
        column: 16,
        suggestions: [
          {
            messageId: 'suggestCatch',
            data: { name: 'next' },
            output: `
async function* pages() {
  const next = fetchPage(2);
  next.catch(() => {});
  yield await fetchPage(1);
  yield await next;
}`,
          },
        ],
      },
    ],
  },
  // an executor that rejects from an event handler can reject during the other await
  {
    code: `
async function init(child) {
  const ready = new Promise((resolve, reject) => {
    child.once('close', () => reject(new Error('closed')));
    child.once('ready', resolve);
  });
  await child.send('init');
  await ready;
}`,
    errors: [
      {
        messageId: 'lateHandling',
        data: { name: 'ready', line: 7, handledLine: 8 },
        line: 3,
        column: 17,
        suggestions: [
          {
            messageId: 'suggestCatch',
            data: { name: 'ready' },
            output: `
async function init(child) {
  const ready = new Promise((resolve, reject) => {
    child.once('close', () => reject(new Error('closed')));
    child.once('ready', resolve);
  });
  ready.catch(() => {});
  await child.send('init');
  await ready;
}`,
          },
        ],
      },
    ],
  },
  // the first read comes after the await, whatever it is: nothing can have handled it during the await
  {
    code: `
async function check(dir) {
  const lockfile = readLockfile(dir);
  const stats = await stat(dir);
  const readIt = async () => (await lockfile) ?? fail(dir);
  return stats ? readIt() : null;
}`,
    errors: [
      {
        messageId: 'lateHandling',
        data: { name: 'lockfile', line: 4, handledLine: 5 },
        line: 3,
        column: 20,
        suggestions: [
          {
            messageId: 'suggestCatch',
            data: { name: 'lockfile' },
            output: `
async function check(dir) {
  const lockfile = readLockfile(dir);
  lockfile.catch(() => {});
  const stats = await stat(dir);
  const readIt = async () => (await lockfile) ?? fail(dir);
  return stats ? readIt() : null;
}`,
          },
        ],
      },
    ],
  },
  {
    code: `
async function loadUser(id) { return db.user(id); }
async function page(id) {
  const user = loadUser(id);
  await audit(id);
  render({ user });
}`,
    errors: [
      {
        messageId: 'lateHandling',
        data: { name: 'user', line: 5, handledLine: 6 },
        line: 4,
        column: 16,
        suggestions: [
          {
            messageId: 'suggestCatch',
            data: { name: 'user' },
            output: `
async function loadUser(id) { return db.user(id); }
async function page(id) {
  const user = loadUser(id);
  user.catch(() => {});
  await audit(id);
  render({ user });
}`,
          },
        ],
      },
    ],
  },
  // top-level await in a module
  {
    code: `
const server = startServer();
await runMigrations();
await server;`,
    errors: [
      {
        messageId: 'lateHandling',
        data: { name: 'server', line: 3, handledLine: 4 },
        line: 2,
        column: 16,
        suggestions: [
          {
            messageId: 'suggestGather',
            output: `
await Promise.all([startServer(), runMigrations()]);
`,
          },
          {
            messageId: 'suggestCatch',
            data: { name: 'server' },
            output: `
const server = startServer();
server.catch(() => {});
await runMigrations();
await server;`,
          },
        ],
      },
    ],
  },

  // a path that leaves before the promise is handled abandons it
  {
    code: `
async function status(id) {
  const details = fetchDetails(id);
  if (!id) return null;
  return await details;
}`,
    errors: [
      {
        messageId: 'abandoned',
        data: { name: 'details', exit: 'return', line: 4 },
        line: 3,
        column: 19,
        suggestions: [
          {
            messageId: 'suggestCatch',
            data: { name: 'details' },
            output: `
async function status(id) {
  const details = fetchDetails(id);
  details.catch(() => {});
  if (!id) return null;
  return await details;
}`,
          },
        ],
      },
    ],
  },
  {
    code: `
async function check(user) {
  const quota = readQuota(user);
  if (!user.active) throw new Error('inactive');
  return (await quota) > 0;
}`,
    errors: [
      {
        messageId: 'abandoned',
        data: { name: 'quota', exit: 'throw', line: 4 },
        line: 3,
        column: 17,
        suggestions: [
          {
            messageId: 'suggestCatch',
            data: { name: 'quota' },
            output: `
async function check(user) {
  const quota = readQuota(user);
  quota.catch(() => {});
  if (!user.active) throw new Error('inactive');
  return (await quota) > 0;
}`,
          },
        ],
      },
    ],
  },
  {
    code: `
async function all(jobs) {
  for (const job of jobs) {
    const result = run(job);
    if (job.skip) continue;
    await result;
  }
}`,
    errors: [
      {
        messageId: 'abandoned',
        data: { name: 'result', exit: 'continue', line: 5 },
        line: 4,
        column: 20,
        suggestions: [
          {
            messageId: 'suggestCatch',
            data: { name: 'result' },
            output: `
async function all(jobs) {
  for (const job of jobs) {
    const result = run(job);
    result.catch(() => {});
    if (job.skip) continue;
    await result;
  }
}`,
          },
        ],
      },
    ],
  },

  // a promise timer given an abort signal rejects when it is aborted
  {
    code: `
import { setTimeout as pause } from 'node:timers/promises';
async function f(id, signal) {
  const floor = pause(200, undefined, { signal });
  const row = await fetchRow(id);
  await floor;
  return row;
}`,
    errors: [
      {
        messageId: 'lateHandling',
        data: { name: 'floor', handledLine: 6, line: 5 },
        line: 4,
        column: 17,
        suggestions: [
          {
            messageId: 'suggestGather',
            output: `
import { setTimeout as pause } from 'node:timers/promises';
async function f(id, signal) {
  const [, row] = await Promise.all([pause(200, undefined, { signal }), fetchRow(id)]);
  return row;
}`,
          },
          {
            messageId: 'suggestCatch',
            data: { name: 'floor' },
            output: `
import { setTimeout as pause } from 'node:timers/promises';
async function f(id, signal) {
  const floor = pause(200, undefined, { signal });
  floor.catch(() => {});
  const row = await fetchRow(id);
  await floor;
  return row;
}`,
          },
        ],
      },
    ],
  },
  // arrays of promises awaited one by one
  // ...through the entries of the array, index and element destructured
  {
    code: `
async function sizes(names) {
  const pending = names.map((name) => statOf(name));
  const out = {};
  for (const [index, promise] of pending.entries()) {
    out[names[index]] = (await promise).size;
  }
  return out;
}`,
    errors: [
      {
        messageId: 'oneByOne',
        data: { name: 'pending', line: 6 },
        line: 3,
        column: 19,
        suggestions: [
          {
            messageId: 'suggestAll',
            data: { name: 'pending' },
            output: `
async function sizes(names) {
  const pending = names.map((name) => statOf(name));
  const out = {};
  await Promise.all(pending);
  for (const [index, promise] of pending.entries()) {
    out[names[index]] = (await promise).size;
  }
  return out;
}`,
          },
        ],
      },
    ],
  },
  {
    code: `
async function loadAll(ids) {
  const pending = ids.map((id) => load(id));
  const results = [];
  for (const promise of pending) {
    results.push(await promise);
  }
  return results;
}`,
    errors: [
      {
        messageId: 'oneByOne',
        data: { name: 'pending', line: 6 },
        line: 3,
        column: 19,
        suggestions: [
          {
            messageId: 'suggestAll',
            data: { name: 'pending' },
            output: `
async function loadAll(ids) {
  const pending = ids.map((id) => load(id));
  const results = [];
  await Promise.all(pending);
  for (const promise of pending) {
    results.push(await promise);
  }
  return results;
}`,
          },
        ],
      },
    ],
  },
  {
    code: `
async function loadAll(ids) {
  const pending = Array.from(ids, fetchOne);
  for await (const item of pending) use(item);
}`,
    errors: [
      {
        messageId: 'oneByOne',
        data: { name: 'pending', line: 4 },
        line: 3,
        column: 19,
        suggestions: [
          {
            messageId: 'suggestAll',
            data: { name: 'pending' },
            output: `
async function loadAll(ids) {
  const pending = Array.from(ids, fetchOne);
  await Promise.all(pending);
  for await (const item of pending) use(item);
}`,
          },
        ],
      },
    ],
  },
  {
    code: `
async function loadAll(ids) {
  const pending = ids.map(load);
  const results = [];
  for (let i = 0; i < pending.length; i++) {
    results.push(await pending[i]);
  }
  return results;
}`,
    errors: [
      {
        messageId: 'oneByOne',
        data: { name: 'pending', line: 6 },
        line: 3,
        column: 19,
        suggestions: [
          {
            messageId: 'suggestAll',
            data: { name: 'pending' },
            output: `
async function loadAll(ids) {
  const pending = ids.map(load);
  const results = [];
  await Promise.all(pending);
  for (let i = 0; i < pending.length; i++) {
    results.push(await pending[i]);
  }
  return results;
}`,
          },
        ],
      },
    ],
  },
  // an array handled by Promise.all only after another await
  {
    code: `
async function loadAll(ids) {
  const pending = ids.map(async (id) => load(id));
  await prepare();
  return Promise.all(pending);
}`,
    errors: [{ messageId: 'lateHandling', data: { name: 'pending', line: 4, handledLine: 5 }, line: 3, column: 19, suggestions: [] }],
  },
  // test code with checkTestCode (on in strict): reported as anywhere else
  {
    filename: 'bridge.spec.ts',
    options: [{ checkTestCode: true }],
    code: 'it("relays", async () => { const relayed = whenRelayed("room"); await send("hi"); await relayed; });',
    errors: [
      {
        messageId: 'lateHandling',
        data: { name: 'relayed', line: 1, handledLine: 1 },
        line: 1,
        column: 44,
        suggestions: [
          { messageId: 'suggestGather', output: 'it("relays", async () => {  await Promise.all([whenRelayed("room"), send("hi")]);  });' },
          { messageId: 'suggestCatch', output: 'it("relays", async () => { const relayed = whenRelayed("room");\nrelayed.catch(() => {}); await send("hi"); await relayed; });' },
        ],
      },
    ],
  },
  // ...nor a fixture app inside a test folder, even one named like a test, nor a regular
  // expression's .test('...') in a helper there
  ...['test/fixtures/app/pool-tests.js', 'test/lib/pool.js'].map((filename): Invalid => ({
    filename,
    code: 'export async function drain(pool) { if (/^a/.test("abc")) return; const first = pool.enqueue("a"); await tick(); await first; }',
    errors: [
      {
        messageId: 'lateHandling',
        data: { name: 'first', line: 1, handledLine: 1 },
        line: 1,
        column: 81,
        suggestions: [
          { messageId: 'suggestGather', output: 'export async function drain(pool) { if (/^a/.test("abc")) return;  await Promise.all([pool.enqueue("a"), tick()]);  }' },
          { messageId: 'suggestCatch', output: 'export async function drain(pool) { if (/^a/.test("abc")) return; const first = pool.enqueue("a");\nfirst.catch(() => {}); await tick(); await first; }' },
        ],
      },
    ],
  })),
  // a plain \`test/\` folder without test evidence in the file is not test code
  {
    filename: 'test/pool-helper.ts',
    code: 'export async function drain(pool) { const first = pool.enqueue("a"); await tick(); await first; }',
    errors: [
      {
        messageId: 'lateHandling',
        data: { name: 'first', line: 1, handledLine: 1 },
        line: 1,
        column: 51,
        suggestions: [
          { messageId: 'suggestGather', output: 'export async function drain(pool) {  await Promise.all([pool.enqueue("a"), tick()]);  }' },
          { messageId: 'suggestCatch', output: 'export async function drain(pool) { const first = pool.enqueue("a");\nfirst.catch(() => {}); await tick(); await first; }' },
        ],
      },
    ],
  },
  // a function of another module whose handler rethrows can still reject while the function waits
  {
    filename: path.join(FIXTURES_DIR, 'file.ts'),
    code: "import { notifyLoudly } from './notify';\nexport async function f() { const sent = notifyLoudly('x'); await work(); await sent; }",
    errors: [
      {
        messageId: 'lateHandling',
        data: { name: 'sent', line: 2, handledLine: 2 },
        line: 2,
        column: 42,
        suggestions: [
          { messageId: 'suggestGather', output: "import { notifyLoudly } from './notify';\nexport async function f() {  await Promise.all([notifyLoudly('x'), work()]);  }" },
          { messageId: 'suggestCatch', output: "import { notifyLoudly } from './notify';\nexport async function f() { const sent = notifyLoudly('x');\nsent.catch(() => {}); await work(); await sent; }" },
        ],
      },
    ],
  },
  // a dynamic import of a package is a real wait: its module may be read and run only now
  {
    code: "async function main(argv) { const running = runCommand(argv); const { report } = await import('telemetry-kit'); await Promise.all([report(), running]); }",
    errors: [
      {
        messageId: 'lateHandling',
        data: { name: 'running', line: 1, handledLine: 1 },
        line: 1,
        column: 45,
        suggestions: [
          {
            messageId: 'suggestCatch',
            output:
              "async function main(argv) { const running = runCommand(argv);\nrunning.catch(() => {}); const { report } = await import('telemetry-kit'); await Promise.all([report(), running]); }",
          },
        ],
      },
    ],
  },
];

ruleTester.run<MessageIds, Options>('no-late-promise-handling', testedRule, {
  valid: [
    // test code: the runner reports a rejection during the wait as a failure of the run
    {
      filename: 'bridge.spec.ts',
      code: 'it("relays", async () => { const relayed = whenRelayed("room"); await send("hi"); await relayed; });',
    },
    {
      filename: 'src/queue/__tests__/pool.ts',
      code: 'it("drains", async () => { const first = pool.enqueue("a"); await tick(); await first; });',
    },
    {
      filename: 'src/queue/pool-check.ts',
      code: "import { it } from 'vitest';\nit('drains', async () => { const first = pool.enqueue('a'); await tick(); await first; });",
    },
    // ...below a plain test folder, a file that says so by its name or by registering tests at any depth
    {
      filename: 'test/integration/pool-tests.js',
      code: 'suite.test("drains", async () => { const first = pool.enqueue("a"); await tick(); await first; });',
    },
    {
      filename: 'test/helper/shared-behaviour.js',
      code: 'module.exports = function (pool) { describe("pool", () => { it("drains", async () => { const first = pool.enqueue("a"); await tick(); await first; }); }); };',
    },
    {
      filename: 'test/shared/test-utils.ts',
      code: 'export async function drain(pool) { const first = pool.enqueue("a"); await tick(); await first; }',
    },
    {
      filename: 'test/functional/pool.ts',
      code: 'describe("pool", () => { it("drains", async () => { const first = pool.enqueue("a"); await tick(); await first; }); });',
    },
    // handled before anything else runs
    'async function f(id) { const p = fetchOrders(id); const orders = await p; const user = await fetchUser(id); return [user, orders]; }',
    'async function f(id) { const a = fetchA(id); const b = fetchB(id); return Promise.all([a, b]); }',
    'async function f(id) { const [a, b] = await Promise.all([fetchA(id), fetchB(id)]); return a + b; }',
    // a query builder starts its query only when awaited: made early, it was not running meanwhile
    `async function page(builder, limit) {
      const countBuilder = builder.clone().clearSelect().count('id as total');
      if (limit) builder.limit(limit);
      const rows = await builder;
      const [{ total }] = await countBuilder;
      return { rows, total };
    }`,
    // a handler attached at once: the start-early idiom
    'async function f(id) { const p = fetchOrders(id).catch(handle); await fetchUser(id); await p; }',
    'async function f(id) { const p = fetchOrders(id); p.catch(() => {}); await fetchUser(id); return await p; }',
    'async function f(id) { const p = fetchOrders(id).then(use, report); await fetchUser(id); await p; }',
    'async function f(id) { const p = fetchOrders(id).catch(handle).then(use); await fetchUser(id); await p; }',
    // promises that cannot reject
    // ...a promise timer without an abort signal (any local name)
    `import { setTimeout as pause } from 'node:timers/promises';
    async function f(id) { const floor = pause(200); const row = await fetchRow(id); await floor; return row; }`,
    `import { setTimeout } from 'timers/promises';
    async function f(id) { const floor = setTimeout(200, undefined, { ref: false }); const row = await fetchRow(id); await floor; return row; }`,
    'async function f() { const delay = new Promise((resolve) => setTimeout(resolve, 100)); await work(); await delay; }',
    'async function f(server) { const up = new Promise((resolve) => { server.once("listening", resolve); }); await other(); await up; }',
    'async function f() { const done = Promise.resolve(); await work(); await done; }',
    // ...also a function of another module whose body catches every error
    {
      filename: path.join(FIXTURES_DIR, 'file.ts'),
      code: "import { notifyQuietly } from './notify';\nexport async function f() { const sent = notifyQuietly('x'); await work(); await sent; }",
    },
    // ...a delay of another module that takes an optional abort signal, started without one
    {
      filename: path.join(FIXTURES_DIR, 'run-contexts', 'restarting-listener', 'src', 'pool.ts'),
      code: "import sleep from './sleep';\nexport async function f() { const pause = sleep(1500); await work(); await pause; }",
    },
    // an executor that never uses \`reject\`: only a synchronous throw could reject it, at once
    'async function f(stream, data) { const written = new Promise((resolve) => { stream.write(data, () => resolve()); }); if (!data) return; await written; }',
    'async function f() { let open; const opened = new Promise((resolve) => { open = resolve; }); await setup(open); await opened; }',
    // a deferred: the stored \`reject\` is called by other code, at a time this function does not show
    'async function f() { let fail; const done = new Promise((resolve, reject) => { fail = reject; }); await start(fail); await done; }',
    // same-file helpers that return promises which cannot reject, and Promise.all of them
    'const delay = (ms) => new Promise((resolve) => setTimeout(resolve, ms)); async function f() { const d = delay(100); await work(); await d; }',
    'function ended(stream) { if (stream.readableEnded) return Promise.resolve(); return new Promise((resolve) => { stream.once("end", resolve); }); } async function f(a, b) { const both = Promise.all([ended(a), ended(b)]); await stop(); await both; }',
    // an async helper whose body catches everything: its promise cannot reject (effect summaries)
    'async function probeQuietly(name) { try { return await probe(name); } catch { return { name, ok: false }; } } async function f() { const b = probeQuietly("b"); const a = await probeQuietly("a"); return [a, await b]; }',
    // ...also an async IIFE whose body is one try/catch/finally that stores the outcome
    'class Runner { stop() { if (this.state !== "RUNNING") throw new Error("not running"); this.state = "STOPPING"; try { this.native.stop(); } catch (error) { this.fail(error); } } async runUntil(work) { const running = this.run(); let outcome; const inner = (async () => { try { outcome = { ok: await work() }; } catch (err) { outcome = { err }; } finally { if (this.state === "RUNNING") this.stop(); } })(); try { await running; } catch (err) { this.log(err); } await inner; return outcome; } }',
    // an array made by an async callback whose body catches everything: no element rejects
    'async function removeAll(docs, remove) { const errors = []; const pending = docs.map(async (doc) => { try { return await remove(doc.id); } catch (error) { errors.push(error); } return null; }); const results = []; for (const p of pending) results.push(await p); return { results, errors }; }',
    // ...also when its catch rolls the item's transaction back: the work's error is the one handled
    'async function removeAll(docs, remove, req) { const errors = []; const pending = docs.map(async (doc) => { try { await beginTransaction(req); return await remove(doc.id); } catch (error) { await killTransaction(req); errors.push(error); } return null; }); const results = []; for (const p of pending) results.push(await p); return { results, errors }; }',
    // ...`Promise.allSettled` settles with each outcome as a value
    'async function shutdown(pools) { const closing = Promise.allSettled(pools.map((pool) => pool.end())); await flushLogs(); return await closing; }',
    // a suspension that does not let a rejection be reported
    'async function f() { const p = load(); await null; await p; }',
    // ...a dynamic import of a module of this program by a relative path: loaded already, or read from the local disk
    "async function main(argv) { const running = runCommand(argv); const { report } = await import('./telemetry'); await Promise.all([report(), running]); }",
    // awaits in nested functions do not suspend this one
    'async function f() { const p = load(); setTimeout(async () => { await other(); }, 0); await p; }',
    'async function f() { const p = load(); const run = async () => { await other(); }; await p; return run; }',
    // sync functions and scripts never suspend
    'function f() { const p = load(); other(); return p; }',
    // never read: no-floating-promises reports a promise nobody handles
    'async function f() { const p = load(); await other(); }',
    // passed on or stored before the await: someone else handles it
    'async function f() { const p = load(); track(p); await other(); await p; }',
    'async function f() { const p = load(); this.pending = p; await other(); await p; }',
    'async function f() { const p = load(); const state = { p }; await other(); await state.p; }',
    // passed on after the await, with no sign that it is a promise
    'async function f() { const p = load(); await other(); track(p); }',
    // dropped after the await: never handled, which is no-floating-promises' report
    'async function f() { const p = load(); await other(); p.then(use); }',
    'async function f() { const p = load(); await other(); void p; }',
    // an early exit before a first use that passes it on: where it goes, it may be handled
    'async function load() {} async function f(x) { const p = load(); if (x) return; track(p); }',
    // first read inside a closure: when it runs is unknown
    'async function f() { const p = load(); await other(); return () => p; }',
    // a conditional that may hold no promise at all
    'async function f(c) { const p = c ? load() : null; await other(); if (p) await p; }',
    // reassigned: which promise a read sees depends on the path
    'async function f() { let p = load(); if (x) p = other(); await wait(); await p; }',
    // the handling and the suspension are in different arms of one branch
    'async function f(c) { const p = load(); if (c) { await other(); } else { await p; } }',
    'async function f(c) { const p = load(); switch (c) { case 1: await other(); break; default: await p; } }',
    // an exit that does not leave the binding's scope
    'async function f(xs) { const p = load(); for (const x of xs) { if (x) break; } await p; }',
    'async function f(xs) { const p = load(); try { if (xs) throw new Error("x"); } catch {} await p; }',
    // a chain without a handler moves the question to the chain
    'async function f() { const p = load(); const q = p.then((x) => x + 1); return q; }',
    // arrays: awaited together, or not an array of promises
    'async function f(ids) { const pending = ids.map(load); return Promise.all(pending); }',
    'async function f(ids) { const pending = ids.map(load); await Promise.allSettled(pending); }',
    'async function f(ids) { const names = ids.map((id) => id.name); for (const n of names) await save(n); }',
    'async function f(ids) { const [only] = [load()]; await only; }',
    // reportAbandoned: false leaves early exits alone
    {
      code: 'async function f(id) { const p = load(id); if (!id) return null; return await p; }',
      options: [{ reportAbandoned: false }],
    },
    // indexed reads that are not awaited, or an array first read outside the loop that awaits it
    'async function f(ids) { const pending = ids.map(load); for (let i = 0; i < pending.length; i++) track(pending[i]); }',
    'async function f(ids) { const pending = ids.map(load); register(pending); for (let i = 0; i < ids.length; i++) await pending[i]; }',
    // the elements are read but not awaited in the loop
    'async function f(ids) { const pending = ids.map(load); for (const p of pending) track(p); await other(); }',
  ],
  invalid,
});

assertSuggestionsParse('no-late-promise-handling', invalid);
testDocsExamples('no-late-promise-handling', rule);
