import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { Linter } from 'eslint';
import * as tsParser from '@typescript-eslint/parser';
import rule from '../../src/rules/no-blocking-in-async';
import { ruleTester } from '../rule-tester';
import { error, helperError, IN_EXPORTED, REPLACEMENT, testedRule, twin } from './no-blocking-in-async.errors';

// Same-file helpers that block, busy-wait loops, synchronous XMLHttpRequest.
ruleTester.run('no-blocking-in-async patterns', testedRule, {
  valid: [
    // helpers: the blocking call only runs later, or the helper is not what the call resolves to
    `import fs from 'fs';
function watch(p) { setTimeout(() => fs.readFileSync(p), 10); }
async function main() { watch('a'); }`,
    `import fs from 'fs';
function makeLoader(p) { return () => fs.readFileSync(p); }
async function main() { makeLoader('a'); }`,
    `import fs from 'fs';
let load = () => fs.readFileSync('a');
load = () => 'cached';
async function main() { load(); }`,
    `import fs from 'fs';
function load() { return fs.readFileSync('a'); }
load = () => 'cached';
async function main() { load(); }`,
    `import fs from 'fs';
function* lines() { yield fs.readFileSync('a'); }
async function main() { lines(); }`,
    `import fs from 'fs';
function load() { return fs.readFileSync('a'); }
async function main(load) { load(); }`,
    `import fs from 'fs';
function load() { return fs.readFileSync('a'); }
async function main() { setTimeout(() => load(), 10); }`,
    `import { load } from './config';
async function main() { load(); }`,
    // a helper passed to something that calls it later
    `import fs from 'fs';
function parse(file) { return JSON.parse(fs.readFileSync(file, 'utf8')); }
async function main(files) { return files.then(parse); }`,
    `async function f(end) { while (new Date().getFullYear() < end) {} }`,
    // a helper that blocks only on some path is not reported at its calls (one that fills a cache is: see invalid)
    `import { readFileSync } from 'node:fs';
const templates = new Map();
function template(name) {
  if (process.env.RELOAD) templates.set(name, readFileSync(name, 'utf8'));
  return templates.get(name);
}
async function render(name) { return template(name); }`,
    `import fs from 'fs';
function debug(msg) { if (process.env.DEBUG) fs.appendFileSync('debug.log', msg); }
function trace(msg) { return process.env.TRACE && fs.appendFileSync('trace.log', msg); }
function fallback(p) { try { return JSON.parse(p); } catch { return fs.readFileSync('default.json'); } }
function pick(kind) { switch (kind) { case 'a': return fs.readFileSync('a'); default: return null; } }
async function main() { debug('x'); trace('y'); fallback('{}'); pick('b'); }`,
    `import fs from 'fs';
function inner() { return fs.readFileSync('a'); }
function outer(flag) { if (flag) inner(); }
async function main() { outer(false); }`,
    // this.name(): only a sync method or function-valued field of the class that encloses the call
    `import fs from 'fs';
class Cache { async read() { return fs.promises.readFile('a'); } async warm() { await this.read(); } }`,
    `import fs from 'fs';
function load() { return fs.readFileSync('a'); }
class Repo { load() { return null; } async find() { return this.load(); } }`,
    `import fs from 'fs';
class Settings { get raw() { return fs.readFileSync('a'); } async value() { return this.raw(); } }`,
    `import fs from 'fs';
class Jobs { static load() { return fs.readFileSync('a'); } async run() { return this.load(); } }`,
    `import fs from 'fs';
class Views { render() { return fs.readFileSync('v.html'); } }
export async function show(view) { return view.render(); }`,
    `import fs from 'fs';
class Loader {
  load() { return fs.readFileSync('a'); }
  async start() { return [1, 2].map(function () { return this.load(); }); }
}`,
    // a one-time step (a done flag or a cache that outlives the call, checked and filled around
    // the blocking call): start-up cost, paid once per process, instance or key
    `const fs = require('fs');
let cached;
function config() { if (!cached) cached = fs.readFileSync('c.json', 'utf8'); return cached; }
module.exports = async function handle() { return config(); };`,
    `import fs from 'fs';
let cache;
function config() {
  if (cache) return cache;
  cache = JSON.parse(fs.readFileSync('c.json', 'utf8'));
  return cache;
}
export async function handle() { return config(); }`,
    `import { readFileSync } from 'node:fs';
const templates = new Map();
function template(name) {
  if (!templates.has(name)) templates.set(name, readFileSync(\`views/\${name}.html\`, 'utf8'));
  return templates.get(name);
}
export async function render(name, data) { return fill(template(name), await data); }`,
    `import { execFileSync } from 'node:child_process';
let tickRate;
let probed = false;
function probeTicks() { return Number(execFileSync('getconf', ['CLK_TCK'])); }
export async function cpuSample() {
  if (!probed) {
    tickRate = probeTicks();
    probed = true;
  }
  return readStat(await openStat(), tickRate);
}`,
    `import fs from 'node:fs';
let ready = false;
export async function highlight(code) {
  if (ready === false) {
    await loadGrammar(fs.readFileSync(require.resolve('grammars/ts.wasm')));
    ready = true;
  }
  return render(code);
}`,
    `import { readFileSync } from 'node:fs';
export class Mailer {
  async send(to, body) {
    this.layout ??= readFileSync('mail/layout.html', 'utf8');
    if (this.footer === undefined) {
      this.footer = readFileSync('mail/footer.html', 'utf8');
    }
    await this.transport.send(to, this.layout + body + this.footer);
  }
}`,
    // deeper than three helpers is not followed
    `import fs from 'fs';
function d() { return fs.readFileSync('a'); }
function c() { return d(); }
function b() { return c(); }
function a() { return b(); }
async function main() { a(); }`,
    // recursion without a blocking call terminates and reports nothing
    `function walk(n) { return n ? walk(n - 1) : 0; }
async function main() { walk(3); }`,
    // allowed APIs do not make a helper blocking
    {
      code: `import fs from 'fs';
function hasConfig() { return fs.existsSync('c.json'); }
async function main() { hasConfig(); }`,
      options: [{ allow: [{ module: 'fs', names: ['existsSync'] }] }],
    },

    // busy-wait: loops that await, do work, or do not spin on a clock
    `async function poll(deadline) { while (Date.now() < deadline) { await new Promise((r) => setTimeout(r, 10)); } }`,
    `async function drain(queue, deadline) { while (Date.now() < deadline && queue.length) { run(queue.shift()); } }`,
    `async function f(end) { if (Date.now() < end) { return; } }`,
    `async function f(items) { while (items.length > 0) items.pop(); }`,
    `async function f(end) { for (let i = 0; i < 10; i++) { if (Date.now() > end) break; } }`,
    `function sleepSync(ms) { const end = Date.now() + ms; while (Date.now() < end) {} }`,
    `const Date = { now: () => 0 };
async function f(end) { while (Date.now() < end) {} }`,
    `async function f(end) { while (Date.now() !== end) {} }`,

    // loops that break on a deadline but do work, or wait on something else
    `async function f(end, queue) { while (true) { if (Date.now() > end) break; run(queue.shift()); } }`,
    `async function f(end) { while (ready()) { if (Date.now() > end) break; } }`,
    `async function f(end) { while (true) { if (Date.now() > end) break; else continue; } }`,
    `async function f(end, now) { while (now < end) { now = Date.now(); log(now); } }`,
    `async function f(end, now, other) { while (other < end) { now = Date.now(); } }`,

    // sync XHR: async requests, other objects, reassigned bindings
    `async function f(url) { const xhr = new XMLHttpRequest(); xhr.open('GET', url); xhr.send(); }`,
    `async function f(url) { const xhr = new XMLHttpRequest(); xhr.open('GET', url, true); }`,
    `async function f(url, socket) { socket.open('GET', url, false); }`,
    `async function f(url, other) { let xhr = new XMLHttpRequest(); xhr = other; xhr.open('GET', url, false); }`,
    `function f(url) { const xhr = new XMLHttpRequest(); xhr.open('GET', url, false); }`,
  ],
  invalid: [
    // a helper that blocks on its first call, to fill a cache: that first call still blocks
    // (reportIn: 'all'; by default such a one-time step is left out, see the valid cases)
    {
      code: `const fs = require('fs');
let cached;
function config() { if (!cached) cached = fs.readFileSync('c.json', 'utf8'); return cached; }
module.exports = async function handle() { return config(); };`,
      options: [{ reportIn: 'all' }],
      errors: [
        helperError('config', 'config() -> fs.readFileSync, on its first call', REPLACEMENT.readFile, 4, 51, IN_EXPORTED),
      ],
    },
    {
      code: `import fs from 'fs';
let cache;
function config() {
  if (cache) return cache;
  cache = JSON.parse(fs.readFileSync('c.json', 'utf8'));
  return cache;
}
async function handle() { return config(); }`,
      options: [{ reportIn: 'all' }],
      errors: [helperError('config', 'config() -> fs.readFileSync, on its first call', REPLACEMENT.readFile, 8, 34)],
    },
    {
      code: `import fs from 'fs';
let cache;
const config = () => (cache ??= fs.readFileSync('c.json', 'utf8'));
async function handle() { return config(); }`,
      options: [{ reportIn: 'all' }],
      errors: [helperError('config', 'config() -> fs.readFileSync, on its first call', REPLACEMENT.readFile, 4, 34)],
    },
    {
      code: `import { readFileSync } from 'node:fs';
const templates = new Map();
function template(name) {
  if (!templates.has(name)) templates.set(name, readFileSync(\`views/\${name}.html\`, 'utf8'));
  return templates.get(name);
}
export async function render(name, data) { return fill(template(name), await data); }`,
      options: [{ reportIn: 'all' }],
      errors: [
        helperError('template', 'template() -> fs.readFileSync, on its first call', REPLACEMENT.readFile, 7, 56, IN_EXPORTED),
      ],
    },
    // not one-time: the guard is a local or a parameter, or the flag is never set where it is tested
    {
      code: `import fs from 'fs';
export async function page(user) {
  if (!user) {
    user = JSON.parse(fs.readFileSync('guest.json', 'utf8'));
  }
  return render(user, await session());
}`,
      errors: [
        error('blockingFileSystem', 'fs.readFileSync', REPLACEMENT.readFile, 4, 23, [
          twin('readFile', `import fs from 'fs';
import { readFile } from 'node:fs/promises';
export async function page(user) {
  if (!user) {
    user = JSON.parse(await readFile('guest.json', 'utf8'));
  }
  return render(user, await session());
}`),
        ], IN_EXPORTED),
      ],
    },
    {
      code: `import fs from 'fs';
let loaded = false;
export async function page() {
  if (!loaded) {
    await warm(fs.readFileSync('warm.json'));
  }
  loaded = true;
}`,
      errors: [
        error('blockingFileSystem', 'fs.readFileSync', REPLACEMENT.readFile, 5, 16, [
          twin('readFile', `import fs from 'fs';
import { readFile } from 'node:fs/promises';
let loaded = false;
export async function page() {
  if (!loaded) {
    await warm(await readFile('warm.json'));
  }
  loaded = true;
}`),
        ], IN_EXPORTED),
      ],
    },
    // one level further: a same-file sync helper that blocks
    {
      code: `import fs from 'fs';
function loadConfig() { return JSON.parse(fs.readFileSync('config.json', 'utf8')); }
async function main() { const config = loadConfig(); }`,
      errors: [helperError('loadConfig', 'loadConfig() -> fs.readFileSync', REPLACEMENT.readFile, 3, 40)],
    },
    {
      code: `import { execSync } from 'child_process';
const git = (args) => execSync(\`git \${args}\`).toString();
const head = function () { return git('rev-parse HEAD'); };
export const handler = async () => ({ head: head() });`,
      errors: [
        helperError('head', 'head() -> git() -> child_process.execSync', REPLACEMENT.childProcess, 4, 45, IN_EXPORTED),
      ],
    },
    // a method of the same class reached through this: the class's own definition runs
    {
      code: `import { pbkdf2Sync } from 'node:crypto';
class TokenStore {
  rounds = 200000;
  async lookup(token) {
    const digest = this.digest(token);
    return db.tokens.findOne({ digest });
  }
  digest(token) { return pbkdf2Sync(token, 'pepper', this.rounds, 64, 'sha512').toString('hex'); }
}`,
      errors: [helperError('this.digest', "this.digest() -> crypto.pbkdf2Sync", "'promisify(crypto.pbkdf2)'", 5, 25)],
    },
    {
      code: `import zlib from 'zlib';
import fs from 'fs';
class Archive {
  #pack = (data) => zlib.deflateSync(data);
  static checksum(file) { return fs.readFileSync(file); }
  #prepare(data) { return this.#pack(JSON.stringify(data)); }
  async save(data) { await upload(this.#prepare(data)); }
  static async verify(file) { return compare(this.checksum(file)); }
}`,
      errors: [
        helperError('this.#prepare', 'this.#prepare() -> this.#pack() -> zlib.deflateSync', REPLACEMENT.zlib, 7, 40),
        helperError('this.checksum', 'this.checksum() -> fs.readFileSync', REPLACEMENT.readFile, 8, 51),
      ],
    },
    {
      code: `import fs from 'fs';
class Store { load() { return fs.readFileSync('a'); } async init(items) { return items.map(() => this.load()); } }`,
      errors: [helperError('this.load', 'this.load() -> fs.readFileSync', REPLACEMENT.readFile, 2, 103)],
    },
    // three helpers deep is followed
    {
      code: `import fs from 'fs';
function c() { return fs.statSync('a'); }
function b() { return c(); }
function a() { return b(); }
async function main() { a(); b(); }`,
      errors: [
        helperError('a', 'a() -> b() -> c() -> fs.statSync', REPLACEMENT.stat, 5, 25),
        helperError('b', 'b() -> c() -> fs.statSync', REPLACEMENT.stat, 5, 30),
      ],
    },
    // blocking inside an inline callback of the helper still runs when the helper runs
    {
      code: `import fs from 'fs';
function readAll(files) { return files.map((file) => fs.readFileSync(file, 'utf8')); }
class Loader { async load(files) { return readAll(files); } }`,
      errors: [helperError('readAll', 'readAll() -> fs.readFileSync', REPLACEMENT.readFile, 3, 43)],
    },
    // a blocking call in a loop, a try block or an if condition runs whenever the helper runs
    {
      code: `import fs from 'fs';
function loadAll(files) { const out = []; for (const f of files) { try { out.push(fs.readFileSync(f)); } catch {} } return out; }
function readOptional(p) { if (!fs.existsSync(p)) return {}; return {}; }
async function main(files) { loadAll(files); readOptional('a'); }`,
      errors: [
        helperError('loadAll', 'loadAll() -> fs.readFileSync', REPLACEMENT.readFile, 4, 30),
        helperError('readOptional', 'readOptional() -> fs.existsSync', REPLACEMENT.existsSync, 4, 46),
      ],
    },
    // helpers declared inside the async function, and inline callbacks of it calling them
    {
      code: `import zlib from 'zlib';
async function pack(buffers) {
  const gzip = (b) => zlib.gzipSync(b);
  return buffers.map((b) => gzip(b));
}`,
      errors: [helperError('gzip', 'gzip() -> zlib.gzipSync', REPLACEMENT.zlib, 4, 29)],
    },
    // a helper passed by name to an inline callback method runs right there
    {
      code: `import fs from 'fs';
function parse(file) { return JSON.parse(fs.readFileSync(file, 'utf8')); }
async function main(files) { return files.map(parse); }`,
      errors: [helperError('parse', 'parse() -> fs.readFileSync', REPLACEMENT.readFile, 3, 47)],
    },
    // a recursive helper that blocks
    {
      code: `import fs from 'fs';
function walk(dir) { for (const entry of fs.readdirSync(dir)) walk(entry); }
async function main() { walk('.'); }`,
      errors: [helperError('walk', "walk() -> fs.readdirSync", "'await readdir()' from 'node:fs/promises'", 3, 25)],
    },
    // a helper that busy-waits
    {
      code: `function sleepSync(ms) { const end = Date.now() + ms; while (Date.now() < end) {} }
async function retry() { sleepSync(100); }`,
      errors: [helperError('sleepSync', 'sleepSync() -> busy-wait loop on Date.now()', REPLACEMENT.busyWait, 2, 26)],
    },
    // top-level calls of a blocking helper, when top-level await is checked
    {
      code: `import fs from 'fs';
function load() { return fs.readFileSync('a'); }
const data = load();
await start(data);`,
      options: [{ checkTopLevelAwait: true }],
      errors: [helperError('load', 'load() -> fs.readFileSync', REPLACEMENT.readFile, 3, 14)],
    },

    // busy-wait loops on a clock
    {
      code: `async function f(ms) {
  const end = Date.now() + ms;
  while (Date.now() < end) {}
  const start = performance.now();
  while (performance.now() - start < ms);
  do { spins++; } while (Date.now() <= end);
  for (const t = process.hrtime.bigint(); process.hrtime.bigint() - t < BigInt(ms) * 1000000n; ) {}
}`,
      errors: [
        error('blockingSleep', 'busy-wait loop on Date.now()', REPLACEMENT.busyWait, 3, 3),
        error('blockingSleep', 'busy-wait loop on performance.now()', REPLACEMENT.busyWait, 5, 3),
        error('blockingSleep', 'busy-wait loop on Date.now()', REPLACEMENT.busyWait, 6, 3),
        error('blockingSleep', 'busy-wait loop on process.hrtime.bigint()', REPLACEMENT.busyWait, 7, 3),
      ],
    },
    {
      code: `import { performance } from 'node:perf_hooks';
async function f(deadline) { while (deadline > performance.now()) { /* spin */ } }`,
      errors: [error('blockingSleep', 'busy-wait loop on perf_hooks.performance.now()', REPLACEMENT.busyWait, 2, 30)],
    },
    {
      code: `async function f(seconds) { const start = process.hrtime(); while (process.hrtime(start)[0] < seconds) {} }`,
      errors: [error('blockingSleep', 'busy-wait loop on process.hrtime()', REPLACEMENT.busyWait, 1, 61)],
    },

    {
      code: `async function f(end) {
  while (new Date().getTime() < end) {}
  while (new Date() < end) {}
  while (+new Date() - start < ms) {}
}`,
      errors: [
        error('blockingSleep', 'busy-wait loop on new Date()', REPLACEMENT.busyWait, 2, 3),
        error('blockingSleep', 'busy-wait loop on new Date()', REPLACEMENT.busyWait, 3, 3),
        error('blockingSleep', 'busy-wait loop on new Date()', REPLACEMENT.busyWait, 4, 3),
      ],
    },

    // the other shapes of a sleep loop
    {
      code: `async function f(ms) {
  const start = Date.now();
  while (true) { if (Date.now() - start >= ms) break; }
  for (;;) if (Date.now() > start + ms) { break; }
  let now = Date.now();
  while (now < start + ms) { now = Date.now(); }
  do { now = performance.now(); } while (now - start < ms);
}`,
      errors: [
        error('blockingSleep', 'busy-wait loop on Date.now()', REPLACEMENT.busyWait, 3, 3),
        error('blockingSleep', 'busy-wait loop on Date.now()', REPLACEMENT.busyWait, 4, 3),
        error('blockingSleep', 'busy-wait loop on Date.now()', REPLACEMENT.busyWait, 6, 3),
        error('blockingSleep', 'busy-wait loop on performance.now()', REPLACEMENT.busyWait, 7, 3),
      ],
    },
    // synchronous XMLHttpRequest
    {
      code: `async function load(url) {
  const xhr = new XMLHttpRequest();
  xhr.open('GET', url, false);
  xhr.send();
  return xhr.responseText;
}`,
      errors: [error('blockingSyncXhr', 'XMLHttpRequest.open(..., false)', REPLACEMENT.syncXhr, 3, 3)],
    },
  ],
});

// Invalid options get ESLint's schema error.
describe('no-blocking-in-async options schema', () => {
  const lint = (options: unknown): Linter.LintMessage[] =>
    new Linter({ configType: 'flat' }).verify('async function f() {}', {
      files: ['**/*.ts'],
      languageOptions: { parser: tsParser as Linter.Parser },
      plugins: { 'async-pitfalls': { rules: { 'no-blocking-in-async': rule as never } } },
      rules: { 'async-pitfalls/no-blocking-in-async': ['error', options] },
    }, 'file.ts');

  for (const [label, options] of [
    ['unknown option', { allowed: [] }],
    ['allow entry without names', { allow: [{ module: 'fs' }] }],
    ['allow entry with module and global', { allow: [{ module: 'fs', global: 'Bun', names: ['x'] }] }],
    ['empty names', { additionalBlockingApis: [{ module: 'x', names: [] }] }],
    ['names not strings', { additionalBlockingApis: [{ module: 'x', names: [1] }] }],
    ['checkTopLevelAwait not boolean', { checkTopLevelAwait: 'yes' }],
  ] as const) {
    it(`rejects ${label}`, () => {
      assert.throws(() => lint(options), /Key "async-pitfalls\/no-blocking-in-async"/);
    });
  }

  it('accepts valid options', () => {
    assert.deepEqual(
      lint({
        allow: [{ module: 'fs', names: ['existsSync'] }, { global: 'Atomics', names: ['wait'] }],
        additionalBlockingApis: [{ module: '@acme/io', names: ['readSync', 'default'] }],
        checkTopLevelAwait: true,
      }),
      [],
    );
  });
});
