import rule, { type MessageIds, type Options } from '../../src/rules/no-floating-promises';
import { testDocsExamples } from '../docs-examples';
import { ruleTester } from '../rule-tester';

// @typescript-eslint/rule-tester pins its own copy of utils; the rule is the same object at run time.
const testedRule = rule as unknown as Parameters<typeof ruleTester.run<MessageIds, Options>>[1];

const floating = 'floating' as const;

/** A function of the file that builds one object literal and returns it: its methods are read from the literal. */
const madeApi = `function createApi(base) {
  const api = { async save(item) { const response = await fetch(base, { method: 'POST', body: item }); if (!response.ok) throw new Error('save failed'); }, describe() { return base; } };
  return api;
}
const api = createApi('/items');
`;

ruleTester.run('no-floating-promises', testedRule, {
  valid: [
    // test code: a chain whose callbacks do the test's work hands a rejection to the runner,
    // which fails the run (a callback-style test whose chain calls done())
    {
      filename: 'store.spec.js',
      code: "it('saves', (done) => {\n  store.save(item).then(() => {\n    expect(store.size).toBe(1);\n    done();\n  });\n});",
    },
    {
      filename: 'src/store-check.ts',
      code: "import { it } from 'vitest';\nit('flushes', () => { queue.flush().finally(onFlushed); });",
    },
    // ...and a drop outside the test's own callbacks: a compile-only type test's top-level IIFE, a
    // helper of the test file
    {
      filename: 'types/pool.test.ts',
      code: "async function connect() { return pool.getConnection(); }\n(async () => { const conn = await connect(); conn.release(); })();",
    },
    {
      filename: 'src/__tests__/store.ts',
      code: "async function seed() { await db.insert(row); }\nexport function prepare() { seed(); }",
    },
    // ...nor a drop nested in another function inside a test (an async IIFE, a listener), nor one
    // in a callback-style test, which ends when it calls `done`: the test's end waits for none
    {
      filename: 'test/relay.spec.ts',
      code: "it('relays', (done) => {\n  (async () => {\n    const id = await connect();\n    expect(await read(id)).toBe('hi');\n    done();\n  })();\n});",
    },
    {
      filename: 'test/pool.test.js',
      code: "async function drain() { await pool.end(); }\nit('emits ready', function () {\n  pool.on('ready', () => { drain(); });\n  pool.open();\n});",
    },
    {
      filename: 'test/feed.test.js',
      code: "async function refresh() { await feed.load(); }\nit('refreshes', (done) => {\n  feed.once('loaded', () => done());\n  refresh();\n});",
    },
    // handled: awaited, returned, yielded, voided
    'async function f() {} async function g() { await f(); }',
    'async function f() {} function g() { return f(); }',
    'async function f() {} const g = () => f();',
    'async function f() {} async function* g() { yield f(); }',
    'async function f() {} void f();',
    'async function f() {} async function g() { const x = await f(); return x; }',

    // a made object's method that is not async and returns no promise
    `${madeApi}export function onClick() {\n  api.describe();\n}`,

    // handled: rejection handlers
    'async function f() {} f().catch(() => {});',
    'async function f() {} f().then(() => {}, () => {});',
    'async function f() {} f().then(() => {}).catch((error) => console.error(error));',
    'async function f() {} f().catch(() => {}).finally(() => {});',
    'fetch("/x").then((r) => r.json()).catch(console.error);',
    // a local function that returns an already handled chain loses no error
    'async function warmAll() {} const tick = () => warmAll().catch(report); tick();',
    'async function sync() {} function start() { log("start"); return sync().then(done, report); } start();',
    // an earlier link handles the chain's rejections; only the last callback could still throw
    'fetch("/x").catch(handle).then(render);',
    'pending.catch(() => undefined).then(() => tasks.delete(pending));',

    // handled: passed on, stored on an object
    'async function f() {} track(f());',
    'async function f() {} Promise.all([f(), f()]).catch(console.error);',
    'async function f() {} async function g() { await Promise.all([f(), f()]); }',
    'async function f() {} this.pending = f();',
    'async function f() {} const state = {}; state.pending = f();',
    'async function f() {} class A { pending = f(); }',
    'async function f() {} const tasks = []; tasks.push(f());',

    // untyped mode does not guess by name
    'save(); fetchData(); loadUsers();',
    'api.save(); this.db.query("x"); client.send();',
    // `.then` on an unknown receiver needs a callback to count, and Cypress chains are not promises
    'api.then(handler); api.then();',
    "cy.get('button').then(($el) => $el.click());",
    "cy.get('form').find('input').then(($input) => { $input.val(''); });",
    'async function f() {} obj.f();',
    // a local `fetch` or `Promise` is not the global
    'function fetch() {} fetch("/x");',
    'const Promise = { resolve() {} }; Promise.resolve(1);',
    'import { fetch } from "./http"; fetch("/x");',
    'import { useMemo } from "react"; function P() { const load = useMemo(async () => {}, []); load(); }',
    'function P() { const load = useCallback(async () => {}, []); load(); }',
    // sync functions, async generators
    'function f() { return 1; } f();',
    'async function* gen() {} gen();',
    'function g() { if (x) return 1; return fetch("/y"); } g();',
    'let f = async () => {}; f = () => {}; f();',
    // a method of another class or a shadowed `this`
    'class A { async save() {} } class B { save() {} run() { this.save(); } }',
    'class A { async save() {} run() { function inner() { this.save(); } inner(); } }',
    'class A { static async load() {} run() { this.load(); } }',
    // object literal with a spread may override the method
    'const o = { async m() {}, ...other }; o.m();',

    // directives and non-promise statements
    '"use strict"; foo;',
    'async function f() {} let p; p = f();',

    // options: ignoreIIFE
    { code: '(async () => { await work(); })();', options: [{ ignoreIIFE: true }] },
    { code: '(async function () { await work(); })();', options: [{ ignoreIIFE: true }] },

    // the node:test runner handles the promises of test(), it(), describe()
    'import { test } from "node:test"; test("x", async () => {});',
    'import { describe, it } from "node:test"; describe("x", () => { it("y", async () => {}); });',
    'import test from "node:test"; test("x", async () => {}); test.describe("y", () => {});',
    'const { it } = require("node:test"); it.only("x", async () => {});',
    {
      code: 'it("x", async () => {});',
      options: [{ allowList: [{ name: 'it' }] }],
    },
    {
      code: 'import { run } from "./runner"; async function run2() {} run("x");',
      options: [{ allowList: [{ name: 'run', module: './runner' }] }],
    },

    // dangling promises: read somewhere, exported, reassigned, underscore, top level of a script
    'async function f() {} async function g() { const p = f(); await p; }',
    'async function f() {} function g() { const p = f(); return p; }',
    'async function f() {} function g() { const p = f(); register(p); }',
    'async function f() {} function g() { const p = f(); p.catch(() => {}); }',
    'async function f() {} export const ready = f();',
    'async function f() {} function g() { let p = f(); p = null; }',
    'async function f() {} function g() { const _p = f(); }',
    'async function f() {} function g() { const p = compute(); }',
    {
      code: 'async function f() {} const p = f();',
      languageOptions: { parserOptions: { sourceType: 'script' } },
    },
    // fs-extra with a callback hands its error to the callback and returns nothing
    "import fse from 'fs-extra';\nexport function publish(dir) {\n  fse.copy('LICENSE', dir, (err) => { if (err) report(err); });\n}",
  ],
  invalid: [
    // fs-extra's functions return a promise when no callback is passed
    {
      code: "import fse from 'fs-extra';\nexport function publish(dir) {\n  fse.copy('LICENSE', dir);\n}",
      errors: [{ messageId: floating, line: 3, column: 3, suggestions: [{ messageId: 'suggestVoid', output: "import fse from 'fs-extra';\nexport function publish(dir) {\n  void fse.copy('LICENSE', dir);\n}" }] }],
    },
    {
      code: "import { outputJson } from 'fs-extra';\nexport async function save(file, data) {\n  outputJson(file, data);\n}",
      errors: [
        {
          messageId: floating,
          line: 3,
          column: 3,
          suggestions: [
            { messageId: 'suggestAwait', output: "import { outputJson } from 'fs-extra';\nexport async function save(file, data) {\n  await outputJson(file, data);\n}" },
            { messageId: 'suggestVoid', output: "import { outputJson } from 'fs-extra';\nexport async function save(file, data) {\n  void outputJson(file, data);\n}" },
          ],
        },
      ],
    },
    // test code with checkTestCode (on in strict)
    {
      filename: 'store.spec.js',
      options: [{ checkTestCode: true }],
      code: "it('saves', (done) => {\n  store.save(item).then(() => {\n    expect(store.size).toBe(1);\n    done();\n  });\n});",
      errors: [{ messageId: 'floatingChain', data: { method: 'then' }, line: 2, column: 3, suggestions: [{ messageId: 'suggestVoid', output: "it('saves', (done) => {\n  void store.save(item).then(() => {\n    expect(store.size).toBe(1);\n    done();\n  });\n});" }] }],
    },
    // ...a call dropped in a test is reported either way: the test goes on without waiting for it
    {
      filename: 'src/store-check.ts',
      code: "import { it } from 'vitest';\nasync function seed() { await db.insert(row); }\nit('seeds', () => { seed(); });",
      errors: [{ messageId: floating, line: 3, column: 21, suggestions: [{ messageId: 'suggestVoid', output: "import { it } from 'vitest';\nasync function seed() { await db.insert(row); }\nit('seeds', () => { void seed(); });" }] }],
    },
    // node:test's context parameter is not a `done`: the test is still promise-style
    {
      filename: 'test/seed.test.mjs',
      code: "import { test } from 'node:test';\nasync function seed() { await db.insert(row); }\ntest('seeds', async (t) => { seed(); t.diagnostic('seeded'); });",
      errors: [
        {
          messageId: floating,
          line: 3,
          column: 30,
          suggestions: [
            { messageId: 'suggestAwait', output: "import { test } from 'node:test';\nasync function seed() { await db.insert(row); }\ntest('seeds', async (t) => { await seed(); t.diagnostic('seeded'); });" },
            { messageId: 'suggestVoid', output: "import { test } from 'node:test';\nasync function seed() { await db.insert(row); }\ntest('seeds', async (t) => { void seed(); t.diagnostic('seeded'); });" },
          ],
        },
      ],
    },
    // functions declared async in this file
    {
      code: 'async function f() {}\nf();',
      errors: [
        {
          messageId: floating,
          line: 2,
          column: 1,
          endColumn: 4,
          suggestions: [{ messageId: 'suggestVoid', output: 'async function f() {}\nvoid f();' }],
        },
      ],
    },
    {
      code: 'const f = async () => {};\nasync function main() {\n  f();\n}',
      errors: [
        {
          messageId: floating,
          line: 3,
          column: 3,
          suggestions: [
            { messageId: 'suggestAwait', output: 'const f = async () => {};\nasync function main() {\n  await f();\n}' },
            { messageId: 'suggestVoid', output: 'const f = async () => {};\nasync function main() {\n  void f();\n}' },
          ],
        },
      ],
    },
    {
      code: 'const f = async function () {};\nf();',
      errors: [
        {
          messageId: floating,
          line: 2,
          column: 1,
          suggestions: [{ messageId: 'suggestVoid', output: 'const f = async function () {};\nvoid f();' }],
        },
      ],
    },
    // methods: this.m() in the same class, static methods, instances of a local class, object literals
    {
      code: 'class A {\n  async save() {}\n  run() { this.save(); }\n}',
      errors: [
        {
          messageId: floating,
          line: 3,
          column: 11,
          suggestions: [{ messageId: 'suggestVoid', output: 'class A {\n  async save() {}\n  run() { void this.save(); }\n}' }],
        },
      ],
    },
    {
      code: 'class A {\n  save = async () => {};\n  async run() { this.save(); }\n}',
      errors: [
        {
          messageId: floating,
          line: 3,
          column: 17,
          suggestions: [
            { messageId: 'suggestAwait', output: 'class A {\n  save = async () => {};\n  async run() { await this.save(); }\n}' },
            { messageId: 'suggestVoid', output: 'class A {\n  save = async () => {};\n  async run() { void this.save(); }\n}' },
          ],
        },
      ],
    },
    {
      code: 'class A {\n  async save() {}\n  onClick = () => { this.save(); };\n}',
      errors: [
        {
          messageId: floating,
          line: 3,
          column: 21,
          suggestions: [{ messageId: 'suggestVoid', output: 'class A {\n  async save() {}\n  onClick = () => { void this.save(); };\n}' }],
        },
      ],
    },
    {
      code: 'class A { static async load() {} }\nA.load();',
      errors: [{ messageId: floating, line: 2, column: 1, suggestions: [{ messageId: 'suggestVoid', output: 'class A { static async load() {} }\nvoid A.load();' }] }],
    },
    {
      code: 'class Repo { async save() {} }\nconst repo = new Repo();\nrepo.save();',
      errors: [
        {
          messageId: floating,
          line: 3,
          column: 1,
          suggestions: [{ messageId: 'suggestVoid', output: 'class Repo { async save() {} }\nconst repo = new Repo();\nvoid repo.save();' }],
        },
      ],
    },
    {
      code: 'const api = {\n  async load() {},\n  refresh() { this.load(); },\n};\napi.load();',
      errors: [
        {
          messageId: floating,
          line: 3,
          column: 15,
          suggestions: [{ messageId: 'suggestVoid', output: 'const api = {\n  async load() {},\n  refresh() { void this.load(); },\n};\napi.load();' }],
        },
        {
          messageId: floating,
          line: 5,
          column: 1,
          suggestions: [{ messageId: 'suggestVoid', output: 'const api = {\n  async load() {},\n  refresh() { this.load(); },\n};\nvoid api.load();' }],
        },
      ],
    },
    // a method of the one object a function of this file builds and returns
    {
      code: `${madeApi}export function onClick(item) {\n  api.save(item);\n}`,
      errors: [{ messageId: floating, line: 7, column: 3, suggestions: [{ messageId: 'suggestVoid', output: `${madeApi}export function onClick(item) {\n  void api.save(item);\n}` }] }],
    },
    // functions whose every return is a promise
    {
      code: 'async function f() {}\nfunction g(x) { if (x) return f(); return fetch("/y"); }\ng(1);',
      errors: [{ messageId: floating, line: 3, column: 1, suggestions: [{ messageId: 'suggestVoid', output: 'async function f() {}\nfunction g(x) { if (x) return f(); return fetch("/y"); }\nvoid g(1);' }] }],
    },
    {
      code: 'const delay = (ms) => new Promise((resolve) => setTimeout(resolve, ms));\ndelay(10);',
      errors: [{ messageId: floating, line: 2, column: 1, suggestions: [{ messageId: 'suggestVoid', output: 'const delay = (ms) => new Promise((resolve) => setTimeout(resolve, ms));\nvoid delay(10);' }] }],
    },

    // global promise APIs
    {
      code: 'fetch("/api");',
      errors: [{ messageId: floating, line: 1, column: 1, suggestions: [{ messageId: 'suggestVoid', output: 'void fetch("/api");' }] }],
    },
    {
      code: 'new Promise((resolve) => setTimeout(resolve, 10));',
      errors: [{ messageId: floating, line: 1, column: 1, suggestions: [{ messageId: 'suggestVoid', output: 'void new Promise((resolve) => setTimeout(resolve, 10));' }] }],
    },
    {
      code: 'async function main(a, b) {\n  Promise.all([a, b]);\n  Promise.resolve(a.then(check));\n  Promise.race([a]);\n  Promise.any([a]);\n  Promise.reject(new Error("x"));\n}',
      errors: [2, 3, 4, 5, 6].map((line) => ({ messageId: floating, line, column: 3 })).map((error) => ({
        ...error,
        suggestions: [
          { messageId: 'suggestAwait' as const, output: awaitLine(error.line) },
          { messageId: 'suggestVoid' as const, output: voidLine(error.line) },
        ],
      })),
    },

    // module promise APIs through every import form
    {
      code: 'import { readFile } from "fs/promises";\nreadFile("a");',
      errors: [{ messageId: floating, line: 2, column: 1, suggestions: [{ messageId: 'suggestVoid', output: 'import { readFile } from "fs/promises";\nvoid readFile("a");' }] }],
    },
    {
      code: 'import fs from "node:fs";\nfs.promises.writeFile("a", "b");',
      errors: [{ messageId: floating, line: 2, column: 1, suggestions: [{ messageId: 'suggestVoid', output: 'import fs from "node:fs";\nvoid fs.promises.writeFile("a", "b");' }] }],
    },
    {
      code: 'const { setTimeout: sleep } = require("node:timers/promises");\nsleep(100);',
      errors: [{ messageId: floating, line: 2, column: 1, suggestions: [{ messageId: 'suggestVoid', output: 'const { setTimeout: sleep } = require("node:timers/promises");\nvoid sleep(100);' }] }],
    },
    {
      code: 'import { pipeline } from "stream/promises";\nimport * as dns from "dns/promises";\npipeline(a, b);\ndns.lookup("x");',
      errors: [
        { messageId: floating, line: 3, column: 1, suggestions: [{ messageId: 'suggestVoid', output: 'import { pipeline } from "stream/promises";\nimport * as dns from "dns/promises";\nvoid pipeline(a, b);\ndns.lookup("x");' }] },
        { messageId: floating, line: 4, column: 1, suggestions: [{ messageId: 'suggestVoid', output: 'import { pipeline } from "stream/promises";\nimport * as dns from "dns/promises";\npipeline(a, b);\nvoid dns.lookup("x");' }] },
      ],
    },

    // objects whose methods return promises: readline/promises interfaces, fs/promises file handles
    {
      code: 'import { open } from "node:fs/promises";\nasync function read(path) {\n  const handle = await open(path);\n  handle.close();\n}',
      errors: [
        {
          messageId: floating,
          line: 4,
          column: 3,
          suggestions: [
            { messageId: 'suggestAwait', output: 'import { open } from "node:fs/promises";\nasync function read(path) {\n  const handle = await open(path);\n  await handle.close();\n}' },
            { messageId: 'suggestVoid', output: 'import { open } from "node:fs/promises";\nasync function read(path) {\n  const handle = await open(path);\n  void handle.close();\n}' },
          ],
        },
      ],
    },
    {
      code: 'import readline from "readline/promises";\nconst rl = readline.createInterface({ input: process.stdin });\nrl.question("name? ");',
      errors: [{ messageId: floating, line: 3, column: 1, suggestions: [{ messageId: 'suggestVoid', output: 'import readline from "readline/promises";\nconst rl = readline.createInterface({ input: process.stdin });\nvoid rl.question("name? ");' }] }],
    },
    // functions made by util.promisify
    {
      code: 'import { promisify } from "node:util";\nimport { exec } from "node:child_process";\nconst run = promisify(exec);\nrun("ls");',
      errors: [{ messageId: floating, line: 4, column: 1, suggestions: [{ messageId: 'suggestVoid', output: 'import { promisify } from "node:util";\nimport { exec } from "node:child_process";\nconst run = promisify(exec);\nvoid run("ls");' }] }],
    },
    // React: useCallback returns the function it is given (UI code is judged with checkUiCode)
    {
      code: 'import { useCallback, useEffect } from "react";\nfunction Page() {\n  const load = useCallback(async () => {}, []);\n  useEffect(() => { load(); }, [load]);\n}',
      options: [{ checkUiCode: true }],
      errors: [{ messageId: floating, line: 4, column: 21, suggestions: [{ messageId: 'suggestVoid', output: 'import { useCallback, useEffect } from "react";\nfunction Page() {\n  const load = useCallback(async () => {}, []);\n  useEffect(() => { void load(); }, [load]);\n}' }] }],
    },
    // methods inherited from a class declared in the file
    {
      code: 'class Base { async save() {} }\nclass User extends Base {\n  rename() { this.save(); }\n}',
      errors: [{ messageId: floating, line: 3, column: 14, suggestions: [{ messageId: 'suggestVoid', output: 'class Base { async save() {} }\nclass User extends Base {\n  rename() { void this.save(); }\n}' }] }],
    },

    // async IIFEs
    {
      code: '(async () => {\n  await work();\n})();',
      errors: [{ messageId: floating, line: 1, column: 1, suggestions: [{ messageId: 'suggestVoid', output: 'void (async () => {\n  await work();\n})();' }] }],
    },

    // promise chains without a rejection handler
    {
      code: 'fetch("/x").then((r) => r.json());',
      errors: [
        {
          messageId: 'floatingChain',
          data: { method: 'then' },
          line: 1,
          column: 1,
          suggestions: [{ messageId: 'suggestVoid', output: 'void fetch("/x").then((r) => r.json());' }],
        },
      ],
    },
    // `.then(callback)` shows an unknown receiver is a thenable
    {
      code: 'this.redis.del(key).then(() => this.emit("invalidated", key));',
      errors: [{ messageId: 'floatingChain', data: { method: 'then' }, line: 1, column: 1, suggestions: [{ messageId: 'suggestVoid', output: 'void this.redis.del(key).then(() => this.emit("invalidated", key));' }] }],
    },
    {
      code: 'async function t() {\n  request(app).get("/health").then((res) => { expect(res.status).toBe(200); });\n}',
      errors: [
        {
          messageId: 'floatingChain',
          data: { method: 'then' },
          line: 2,
          column: 3,
          suggestions: [
            { messageId: 'suggestAwait', output: 'async function t() {\n  await request(app).get("/health").then((res) => { expect(res.status).toBe(200); });\n}' },
            { messageId: 'suggestVoid', output: 'async function t() {\n  void request(app).get("/health").then((res) => { expect(res.status).toBe(200); });\n}' },
          ],
        },
      ],
    },
    {
      code: 'fetch("/x").finally(done);',
      errors: [{ messageId: floating, line: 1, column: 1, suggestions: [{ messageId: 'suggestVoid', output: 'void fetch("/x").finally(done);' }] }],
    },
    {
      code: 'fetch("/x").catch();',
      errors: [{ messageId: floating, line: 1, column: 1, suggestions: [{ messageId: 'suggestVoid', output: 'void fetch("/x").catch();' }] }],
    },
    // With every promise marked (`checkCannotReject`), a `.finally(callback)` whose receiver is no
    // known promise is still the evidence of one, judged on its own: asking it whether its receiver
    // stands must not ask it again (it overflowed the stack).
    {
      code: 'function refresh() {\n  loadSettings().finally(() => render());\n}',
      options: [{ checkCannotReject: true }],
      errors: [{ messageId: floating, line: 2, column: 3, suggestions: [{ messageId: 'suggestVoid', output: 'function refresh() {\n  void loadSettings().finally(() => render());\n}' }] }],
    },
    {
      code: 'function close(conn) {\n  conn.finally(() => log("closed"));\n}',
      options: [{ checkCannotReject: true, checkUiCode: true, checkUnderGlobalHandler: true }],
      errors: [{ messageId: floating, line: 2, column: 3, suggestions: [{ messageId: 'suggestVoid', output: 'function close(conn) {\n  void conn.finally(() => log("closed"));\n}' }] }],
    },
    {
      code: 'fetch("/x").then(ok, undefined);',
      errors: [{ messageId: 'floatingChain', data: { method: 'then' }, line: 1, column: 1, suggestions: [{ messageId: 'suggestVoid', output: 'void fetch("/x").then(ok, undefined);' }] }],
    },
    {
      code: 'const p = fetch("/x");\np.then(render);',
      errors: [{ messageId: 'floatingChain', data: { method: 'then' }, line: 2, column: 1, suggestions: [{ messageId: 'suggestVoid', output: 'const p = fetch("/x");\nvoid p.then(render);' }] }],
    },

    // branches of logical, conditional and sequence expressions
    {
      code: 'async function main() {\n  ready && fetch("/x");\n}',
      errors: [
        {
          messageId: floating,
          line: 2,
          column: 3,
          suggestions: [
            { messageId: 'suggestAwait', output: 'async function main() {\n  await (ready && fetch("/x"));\n}' },
            { messageId: 'suggestVoid', output: 'async function main() {\n  void (ready && fetch("/x"));\n}' },
          ],
        },
      ],
    },
    {
      code: 'cond ? fetch("/a") : null;',
      errors: [{ messageId: floating, line: 1, column: 1, suggestions: [{ messageId: 'suggestVoid', output: 'void (cond ? fetch("/a") : null);' }] }],
    },
    {
      code: 'log("x"), fetch("/a");',
      errors: [{ messageId: floating, line: 1, column: 1, suggestions: [] }],
    },

    // TypeScript wrappers and optional calls
    {
      code: 'async function f() {}\n(f() as Promise<void>);',
      errors: [{ messageId: floating, line: 2, column: 2, suggestions: [{ messageId: 'suggestVoid', output: 'async function f() {}\n(void (f() as Promise<void>));' }] }],
    },
    {
      code: 'const api = { async load() {} };\napi.load?.();',
      errors: [{ messageId: floating, line: 2, column: 1, suggestions: [{ messageId: 'suggestVoid', output: 'const api = { async load() {} };\nvoid api.load?.();' }] }],
    },

    // no await suggestion in sync callbacks (inline or later: `await` would not parse there), or at the top level
    {
      code: 'async function main() {\n  setTimeout(() => { fetch("/x"); });\n}',
      errors: [{ messageId: floating, line: 2, column: 22, suggestions: [{ messageId: 'suggestVoid', output: 'async function main() {\n  setTimeout(() => { void fetch("/x"); });\n}' }] }],
    },
    {
      code: 'async function main(items) {\n  items.forEach((item) => { fetch(item); });\n}',
      errors: [
        {
          messageId: floating,
          line: 2,
          column: 29,
          suggestions: [
            { messageId: 'suggestVoid', output: 'async function main(items) {\n  items.forEach((item) => { void fetch(item); });\n}' },
          ],
        },
      ],
    },

    // option ignoreVoid: false
    {
      code: 'void fetch("/x");',
      options: [{ ignoreVoid: false }],
      errors: [{ messageId: 'floatingNoVoid', line: 1, column: 1, suggestions: [] }],
    },
    {
      code: 'async function main() {\n  fetch("/x");\n}',
      options: [{ ignoreVoid: false }],
      errors: [
        {
          messageId: 'floatingNoVoid',
          line: 2,
          column: 3,
          suggestions: [{ messageId: 'suggestAwait', output: 'async function main() {\n  await fetch("/x");\n}' }],
        },
      ],
    },
    // option allowList replaces the default: node:test is then reported like any promise
    {
      code: 'import { test } from "node:test";\nasync function run() {}\nrun();',
      options: [{ allowList: [{ name: 'run', module: './runner' }], checkTestCode: true }],
      errors: [{ messageId: floating, line: 3, column: 1, suggestions: [{ messageId: 'suggestVoid', output: 'import { test } from "node:test";\nasync function run() {}\nvoid run();' }] }],
    },

    // dangling promises: stored in a variable nobody reads
    {
      code: 'async function f() {}\nasync function main() {\n  const pending = f();\n}',
      errors: [{ messageId: 'dangling', data: { name: 'pending' }, line: 3, column: 9, endColumn: 16 }],
    },
    {
      code: 'function main() {\n  let request = fetch("/x");\n}',
      errors: [{ messageId: 'dangling', data: { name: 'request' }, line: 2, column: 7 }],
    },
    {
      code: 'import { readFile } from "node:fs/promises";\nconst config = readFile("config.json");',
      errors: [{ messageId: 'dangling', data: { name: 'config' }, line: 2, column: 7 }],
    },
  ],
});

function awaitLine(line: number): string {
  return editLine(line, 'await ');
}

function voidLine(line: number): string {
  return editLine(line, 'void ');
}

function editLine(line: number, prefix: string): string {
  const lines = [
    'async function main(a, b) {',
    '  Promise.all([a, b]);',
    '  Promise.resolve(a.then(check));',
    '  Promise.race([a]);',
    '  Promise.any([a]);',
    '  Promise.reject(new Error("x"));',
    '}',
  ];
  return lines.map((text, index) => (index === line - 1 ? `  ${prefix}${text.trimStart()}` : text)).join('\n');
}

testDocsExamples('no-floating-promises', rule as never);
