import rule from '../../src/rules/no-blocking-in-async';
import { testDocsExamples } from '../docs-examples';
import { ruleTester } from '../rule-tester';
import { commonjs, error, fsError, IN_EXPORTED, REPLACEMENT, testedRule } from './no-blocking-in-async.errors';

// Import forms, categories and execution contexts. Suggestions: no-blocking-in-async.suggestions.test.ts;
// same-file helpers, busy-waits, sync XHR: no-blocking-in-async.patterns.test.ts; typed mode: .typed.test.ts.
ruleTester.run('no-blocking-in-async', testedRule, {
  valid: [
    // promise APIs are never blocking
    `import fs from 'fs';
async function f() { await fs.promises.readFile('a'); }`,
    `import { readFile } from 'fs/promises';
async function f() { await readFile('a'); }`,
    `import * as fsp from 'node:fs/promises';
async function f() { await fsp.stat('a'); }`,
    `import { promises as fs } from 'fs';
async function f() { await fs.readFile('a'); }`,
    `const fs = require('fs').promises;
async function f() { await fs.readFile('a'); }`,
    `import fs from 'fs';
async function f() { fs.readFile('a', () => {}); fs.createReadStream('a'); }`,

    // names alone never match: local functions and shadowed modules
    `function readFileSync(p: string) { return p; }
async function f() { readFileSync('a'); }`,
    `const fs = { readFileSync: (p: string) => p };
async function f() { fs.readFileSync('a'); }`,
    `import fs from 'fs';
async function f(fs: { readFileSync(p: string): string }) { fs.readFileSync('a'); }`,
    `async function f(require: (m: string) => any) { require('fs').readFileSync('a'); }`,
    `import { readFileSync } from './my-fs';
async function f() { readFileSync('a'); }`,
    `import { execSync } from 'some-other-lib';
async function f() { execSync('ls'); }`,
    `const Atomics = { wait() {} };
async function f() { Atomics.wait(); }`,
    `import crypto from 'crypto';
async function f() { crypto.randomUUID(); crypto.createHash('sha256').update('x').digest('hex'); }`,
    `import { gzip } from 'zlib';
async function f() { gzip('a', () => {}); }`,

    // writing to stdout/stderr by descriptor is what console.log does
    `import fs from 'fs';
async function f(msg) { fs.writeSync(1, msg); fs.writeSync(process.stderr.fd, msg); fs.fsyncSync(2); }`,

    // sync functions and module top level are not async executions
    `import fs from 'fs';
function f() { return fs.readFileSync('a'); }`,
    `import fs from 'fs';
const config = fs.readFileSync('config.json', 'utf8');`,
    `import fs from 'fs';
class A { load() { return fs.readFileSync('a'); } }`,
    `import fs from 'fs';
function* g() { yield fs.readFileSync('a'); }`,

    // deferred callbacks are not inside the async function
    `import fs from 'fs';
async function f() { setTimeout(() => fs.readFileSync('a'), 10); }`,
    `import fs from 'fs';
async function f(emitter) { emitter.on('data', () => { fs.writeFileSync('log', 'x'); }); }`,
    `import fs from 'fs';
async function f() { return () => fs.readFileSync('a'); }`,
    `import fs from 'fs';
async function f() { process.on('exit', function () { fs.rmSync('tmp', { recursive: true }); }); }`,
    `import fs from 'fs';
async function f(p) { return p.then(() => fs.readFileSync('a')); }`,
    `import fs from 'fs';
async function f() { const load = () => fs.readFileSync('a'); return load; }`,

    // class field initializers run at construction, not in an async function
    `import fs from 'fs';
async function f() { return class { data = fs.readFileSync('a'); }; }`,

    // top-level await: off by default (start-up code of a script)
    `import fs from 'fs';
const config = JSON.parse(fs.readFileSync('config.json', 'utf8'));
await start(config);`,
    // checkTopLevelAwait without any top-level await
    {
      code: `import fs from 'fs';
const config = fs.readFileSync('config.json', 'utf8');`,
      options: [{ checkTopLevelAwait: true }],
    },
    // checkTopLevelAwait: await only inside functions
    {
      code: `import fs from 'fs';
const config = fs.readFileSync('config.json', 'utf8');
async function main() { await start(config); }`,
      options: [{ checkTopLevelAwait: true }],
    },

    // async test and hook callbacks: reading fixtures synchronously blocks nobody who waits
    `import fs from 'fs';
it('reads', async () => { fs.readFileSync('fixture.json'); });
test.only('x', async function () { fs.existsSync('b'); });
beforeEach(async () => { fs.rmSync('tmp', { recursive: true, force: true }); });`,
    `import fs from 'fs';
import { test as vt, beforeAll } from 'vitest';
import nodeTest, { it as nodeIt } from 'node:test';
vt('y', async () => { fs.existsSync('d'); });
beforeAll(async () => { fs.mkdirSync('tmp'); });
nodeTest('z', async () => { fs.existsSync('e'); });
nodeIt('w', async () => { fs.existsSync('f'); });`,

    // allow option and settings
    {
      code: `import fs from 'fs';
async function f() { if (!fs.existsSync('dir')) await fs.promises.mkdir('dir'); }`,
      options: [{ allow: [{ module: 'fs', names: ['existsSync'] }] }],
    },
    {
      code: `import { existsSync } from 'node:fs';
async function f() { return existsSync('dir'); }`,
      options: [{ allow: [{ module: 'node:fs', names: ['existsSync'] }] }],
    },
    {
      code: `import fs from 'fs';
async function f() { return fs.existsSync('dir'); }`,
      settings: { 'async-pitfalls': { allowBlocking: [{ module: 'fs', names: ['existsSync'] }] } },
    },
    {
      code: `async function f() { Atomics.wait(view, 0, 0); }`,
      options: [{ allow: [{ global: 'Atomics', names: ['wait'] }] }],
    },
    // malformed settings are ignored, not fatal
    {
      code: `import fs from 'fs';
async function f() { await fs.promises.readFile('a'); }`,
      settings: { 'async-pitfalls': { blockingApis: [{ module: 'x' }, 'nope', { global: 1, names: ['a'] }], allowBlocking: 3 } },
    },
  ],
  invalid: [
    // ES module import forms
    {
      code: `import fs from 'fs';
async function f() { fs.existsSync('a'); }`,
      errors: [fsError('fs.existsSync', REPLACEMENT.existsSync, 2, 22)],
    },
    {
      code: `import * as fs from 'node:fs';
async function f() { fs.existsSync('a'); }`,
      errors: [fsError('fs.existsSync', REPLACEMENT.existsSync, 2, 22)],
    },
    {
      code: `import { existsSync } from 'fs';
async function f() { existsSync('a'); }`,
      errors: [fsError('fs.existsSync', REPLACEMENT.existsSync, 2, 22)],
    },
    {
      code: `import { existsSync as exists } from 'node:fs';
async function f() { exists('a'); }`,
      errors: [fsError('fs.existsSync', REPLACEMENT.existsSync, 2, 22)],
    },
    {
      code: `import fs from 'fs';
const { existsSync: exists } = fs;
async function f() { exists('a'); }`,
      errors: [fsError('fs.existsSync', REPLACEMENT.existsSync, 3, 22)],
    },
    {
      code: `import fs = require('fs');
async function f() { fs.existsSync('a'); }`,
      errors: [fsError('fs.existsSync', REPLACEMENT.existsSync, 2, 22)],
    },

    {
      code: `const { existsSync } = await import('fs');
const fs = await import('node:fs');
async function f() { existsSync('a'); fs.existsSync('b'); }`,
      errors: [
        fsError('fs.existsSync', REPLACEMENT.existsSync, 3, 22),
        fsError('fs.existsSync', REPLACEMENT.existsSync, 3, 39),
      ],
    },
    // require() forms
    {
      code: `const fs = require('fs');
async function f() { fs.existsSync('a'); }`,
      errors: [fsError('fs.existsSync', REPLACEMENT.existsSync, 2, 22)],
    },
    {
      code: `const { existsSync, openSync: open } = require('node:fs');
async function f() { existsSync('a'); open('b'); }`,
      errors: [
        fsError('fs.existsSync', REPLACEMENT.existsSync, 2, 22),
        fsError('fs.openSync', REPLACEMENT.fsPromiseApi, 2, 39),
      ],
    },
    {
      code: `async function f() { require('fs').existsSync('a'); }`,
      errors: [fsError('fs.existsSync', REPLACEMENT.existsSync, 1, 22)],
    },
    {
      code: `const fs = require('fs');
async function f() { const { existsSync: exists } = fs; exists('a'); }`,
      errors: [fsError('fs.existsSync', REPLACEMENT.existsSync, 2, 57)],
    },
    {
      code: `const fs = require('fs');
async function f() { fs.realpathSync.native('a'); }`,
      errors: [fsError('fs.realpathSync.native', REPLACEMENT.fsPromiseApi, 2, 22)],
    },
    {
      code: `const fs = require('fs');
module.exports = async function load() { return fs.existsSync('a'); };`,
      languageOptions: commonjs({ require: 'readonly', module: 'writable' }),
      errors: [fsError('fs.existsSync', REPLACEMENT.existsSync, 2, 49, [], IN_EXPORTED)],
    },

    // fs-extra and graceful-fs
    {
      code: `import fse from 'fs-extra';
async function f() { fse.readJsonSync('a.json'); fse.existsSync('b'); }`,
      errors: [
        fsError('fs-extra.readJsonSync', REPLACEMENT.fsExtra, 2, 22),
        fsError('fs-extra.existsSync', REPLACEMENT.fsExtra, 2, 50),
      ],
    },
    {
      code: `const gfs = require('graceful-fs');
async function f() { gfs.existsSync('a'); }`,
      errors: [fsError('graceful-fs.existsSync', REPLACEMENT.existsSync, 2, 22)],
    },

    // glob libraries
    {
      code: `import glob from 'glob';
import { globSync } from 'glob';
import fg from 'fast-glob';
import { globbySync } from 'globby';
async function f() { glob.sync('*.js'); globSync('*.js'); fg.sync('*.js'); globbySync('*.js'); }`,
      errors: [
        fsError('glob.sync', "'await glob()'", 5, 22),
        fsError('glob.globSync', "'await glob()'", 5, 41),
        fsError('fast-glob.sync', "'await fg()' (fast-glob's promise API)", 5, 59),
        fsError('globby.globbySync', "'await globby()'", 5, 76),
      ],
    },

    // other well-known file-system helpers
    {
      code: `import { globSync } from 'tinyglobby';
import { rimrafSync } from 'rimraf';
import { mkdirp } from 'mkdirp';
import { deleteSync } from 'del';
const jsonfile = require('jsonfile');
async function f() { globSync('*'); rimrafSync('a'); mkdirp.sync('b'); deleteSync('c'); jsonfile.readFileSync('d'); }`,
      errors: [
        fsError('tinyglobby.globSync', "'await glob()' from 'tinyglobby'", 6, 22),
        fsError('rimraf.rimrafSync', "'await rm(p, { recursive: true, force: true })' from 'node:fs/promises'", 6, 37),
        fsError('mkdirp.mkdirp.sync', "'await mkdir(p, { recursive: true })' from 'node:fs/promises'", 6, 54),
        fsError('del.deleteSync', "'await deleteAsync()'", 6, 72),
        fsError('jsonfile.readFileSync', "the promise API of 'jsonfile' ('await readFile()', 'writeFile()')", 6, 89),
      ],
    },

    // child processes
    {
      code: `import { execSync, execFileSync, spawnSync } from 'node:child_process';
async function f() { execSync('ls'); execFileSync('ls'); spawnSync('ls'); }`,
      errors: [
        error('blockingProcess', 'child_process.execSync', REPLACEMENT.childProcess, 2, 22),
        error('blockingProcess', 'child_process.execFileSync', REPLACEMENT.childProcess, 2, 38),
        error('blockingProcess', 'child_process.spawnSync', REPLACEMENT.childProcess, 2, 58),
      ],
    },
    {
      code: `import { execaSync, execaCommandSync } from 'execa';
const execa = require('execa');
async function f() { execaSync('ls'); execaCommandSync('ls -l'); execa.sync('ls'); }`,
      errors: [
        error('blockingProcess', 'execa.execaSync', "'await execa()' (execa's promise API)", 3, 22),
        error('blockingProcess', 'execa.execaCommandSync', "'await execa()' (execa's promise API)", 3, 39),
        error('blockingProcess', 'execa.sync', "'await execa()' (execa's promise API)", 3, 66),
      ],
    },
    {
      code: `const spawn = require('cross-spawn');
async function f() { spawn.sync('npm', ['install']); }`,
      errors: [error('blockingProcess', 'cross-spawn.sync', "'spawn()' from 'cross-spawn' with its 'close' event", 2, 22)],
    },
    {
      code: `import readlineSync from 'readline-sync';
async function f() { return readlineSync.question('Name? '); }`,
      errors: [error('blockingProcess', 'readline-sync.question', "'question()' from 'node:readline/promises'", 2, 29)],
    },
    {
      code: `async function f() { Bun.spawnSync(['ls']); }`,
      errors: [error('blockingProcess', 'Bun.spawnSync', "'Bun.spawn()'", 1, 22)],
    },

    // crypto
    {
      code: `import crypto from 'node:crypto';
import { scryptSync } from 'crypto';
async function hash(pw, salt) { crypto.pbkdf2Sync(pw, salt, 1e5, 64, 'sha512'); return scryptSync(pw, salt, 64); }`,
      errors: [
        error('blockingCrypto', 'crypto.pbkdf2Sync', "'promisify(crypto.pbkdf2)'", 3, 33),
        error('blockingCrypto', 'crypto.scryptSync', "'promisify(crypto.scrypt)'", 3, 88),
      ],
    },
    {
      code: `const crypto = require('crypto');
async function keys() { return crypto.generateKeyPairSync('rsa', { modulusLength: 4096 }); }`,
      errors: [error('blockingCrypto', 'crypto.generateKeyPairSync', "'promisify(crypto.generateKeyPair)'", 2, 32)],
    },
    {
      code: `import bcrypt from 'bcrypt';
import { compareSync } from 'bcryptjs';
async function login(pw, hash) { return bcrypt.hashSync(pw, 10) && compareSync(pw, hash); }`,
      errors: [
        error('blockingCrypto', 'bcrypt.hashSync', "the promise API ('await bcrypt.hash()', 'compare()', 'genSalt()')", 3, 41),
        error('blockingCrypto', 'bcryptjs.compareSync', "the promise API ('await bcrypt.hash()', 'compare()', 'genSalt()')", 3, 68),
      ],
    },

    // compression
    {
      code: `import zlib from 'zlib';
import { gunzipSync } from 'node:zlib';
async function f(buf) { return gunzipSync(zlib.gzipSync(buf)); }`,
      errors: [
        error('blockingCompression', 'zlib.gunzipSync', REPLACEMENT.zlib, 3, 32),
        error('blockingCompression', 'zlib.gzipSync', REPLACEMENT.zlib, 3, 43),
      ],
    },

    // sleep
    {
      code: `async function f(view) { Atomics.wait(view, 0, 0, 100); }`,
      errors: [error('blockingSleep', 'Atomics.wait', "'await Atomics.waitAsync(...).value'", 1, 26)],
    },
    {
      code: `async function f() { Bun.sleepSync(100); }`,
      errors: [error('blockingSleep', 'Bun.sleepSync', "'await Bun.sleep()'", 1, 22)],
    },
    {
      code: `import deasync from 'deasync';
async function f() { deasync.sleep(100); }`,
      errors: [
        error('blockingSleep', 'deasync.sleep', "'await' on a promise ('setTimeout' from 'node:timers/promises' for a delay)", 2, 22),
      ],
    },

    // synchronous HTTP
    {
      code: `import request from 'sync-request';
async function f() { return request('GET', 'https://example.com'); }`,
      errors: [error('blockingSyncXhr', 'sync-request', "'await fetch()'", 2, 29)],
    },

    // Deno
    {
      code: `async function f() { return Deno.readTextFileSync('a.txt'); }`,
      errors: [
        fsError('Deno.readTextFileSync', "the matching Deno API without 'Sync' (it returns a promise)", 1, 29),
      ],
    },

    // every kind of async function
    {
      code: `import { existsSync } from 'fs';
const f = async () => existsSync('a');
const g = async function () { existsSync('b'); };
class A { async m() { existsSync('c'); } static async s() { existsSync('d'); } }
const o = { async m() { existsSync('e'); } };
async function* gen() { yield existsSync('f'); }
export default async function () { existsSync('g'); }`,
      errors: [
        fsError('fs.existsSync', REPLACEMENT.existsSync, 2, 23),
        fsError('fs.existsSync', REPLACEMENT.existsSync, 3, 31),
        fsError('fs.existsSync', REPLACEMENT.existsSync, 4, 23),
        fsError('fs.existsSync', REPLACEMENT.existsSync, 4, 61),
        fsError('fs.existsSync', REPLACEMENT.existsSync, 5, 25),
        fsError('fs.existsSync', REPLACEMENT.existsSync, 6, 31),
        fsError('fs.existsSync', REPLACEMENT.existsSync, 7, 36, [], IN_EXPORTED),
      ],
    },
    // async callbacks, even when deferred, are async functions themselves
    {
      code: `import { existsSync } from 'fs';
setTimeout(async () => { existsSync('a'); });
app.get('/', async (req, res) => { res.send(existsSync('b')); });`,
      errors: [
        fsError('fs.existsSync', REPLACEMENT.existsSync, 2, 26, [], 'inside this async function, which setTimeout() runs later, beside other work'),
        fsError('fs.existsSync', REPLACEMENT.existsSync, 3, 45, [], 'inside this async function, which handles requests (.get()) while other requests wait'),
      ],
    },

    // nested blocks and inline callbacks run inside the async function
    {
      code: `import { existsSync } from 'fs';
async function f(files) {
  for (const file of files) { if (file) { try { existsSync(file); } catch {} } }
  files.forEach((file) => existsSync(file));
  files.map(function (file) { return existsSync(file); });
  (() => existsSync('iife'))();
  new Promise((resolve) => resolve(existsSync('executor')));
}`,
      errors: [
        fsError('fs.existsSync', REPLACEMENT.existsSync, 3, 49),
        fsError('fs.existsSync', REPLACEMENT.existsSync, 4, 27),
        fsError('fs.existsSync', REPLACEMENT.existsSync, 5, 38),
        fsError('fs.existsSync', REPLACEMENT.existsSync, 6, 10),
        fsError('fs.existsSync', REPLACEMENT.existsSync, 7, 36),
      ],
    },

    // top-level await, opted in
    {
      code: `import fs from 'fs';
const config = fs.existsSync('config.json');
await start(config);`,
      options: [{ checkTopLevelAwait: true }],
      errors: [fsError('fs.existsSync', REPLACEMENT.existsSync, 2, 16)],
    },
    {
      code: `import fs from 'fs';
for await (const line of lines()) fs.appendFileSync('log', line);`,
      options: [{ checkTopLevelAwait: true }],
      errors: [
        fsError('fs.appendFileSync', "'await appendFile()' from 'node:fs/promises'", 2, 35, [
          {
            messageId: 'useAsyncTwin',
            data: { twin: 'appendFile' },
            output: `import fs from 'fs';
import { appendFile } from 'node:fs/promises';
for await (const line of lines()) await appendFile('log', line);`,
          },
        ]),
      ],
    },

    // test callbacks: async functions nested in them are still async functions (by default the
    // rest of a test file is test code, left out: see no-blocking-in-async.quiet-places.test.ts);
    // checkTestCallbacks reports them all
    {
      code: `import fs from 'fs';
it('x', async () => { const load = async () => fs.existsSync('a'); await load(); });`,
      options: [{ reportIn: 'all' }],
      errors: [fsError('fs.existsSync', REPLACEMENT.existsSync, 2, 48)],
    },
    {
      code: `import fs from 'fs';
it('x', async () => { fs.existsSync('a'); });`,
      options: [{ checkTestCallbacks: true }],
      errors: [fsError('fs.existsSync', REPLACEMENT.existsSync, 2, 23)],
    },
    // a local function named like a test function is not a test
    {
      code: `import fs from 'fs';
function it(name, fn) { return fn(); }
it('x', async () => { fs.existsSync('a'); });`,
      errors: [fsError('fs.existsSync', REPLACEMENT.existsSync, 3, 23)],
    },

    // options and settings: more blocking APIs
    {
      code: `import { loadSync } from '@acme/config';
import acme from '@acme/config';
async function f() { loadSync(); acme.loadSync(); }`,
      options: [{ additionalBlockingApis: [{ module: '@acme/config', names: ['loadSync'] }] }],
      errors: [
        error('blockingCall', '@acme/config.loadSync', REPLACEMENT.other, 3, 22),
        error('blockingCall', '@acme/config.loadSync', REPLACEMENT.other, 3, 34),
      ],
    },
    {
      code: `const legacy = require('legacy-db');
async function f() { legacy.query.sync('select 1'); legacy('x'); }`,
      settings: {
        'async-pitfalls': { blockingApis: [{ module: 'legacy-db', names: ['query.sync', 'default'] }] },
      },
      errors: [
        error('blockingCall', 'legacy-db.query.sync', REPLACEMENT.other, 2, 22),
        error('blockingCall', 'legacy-db', REPLACEMENT.other, 2, 53),
      ],
    },
    {
      code: `async function f() { MyRuntime.sleepSync(10); }`,
      options: [{ additionalBlockingApis: [{ global: 'MyRuntime', names: ['sleepSync'] }] }],
      errors: [error('blockingCall', 'MyRuntime.sleepSync', REPLACEMENT.other, 1, 22)],
    },
    // other descriptors are files
    {
      code: `import fs from 'fs';
async function f(fd, msg) { fs.writeSync(fd, msg); }`,
      errors: [fsError('fs.writeSync', REPLACEMENT.fsPromiseApi, 2, 29)],
    },
    // allow one name, not the others
    {
      code: `import fs from 'fs';
async function f() { fs.existsSync('a'); fs.openSync('a'); }`,
      options: [{ allow: [{ module: 'fs', names: ['existsSync'] }] }],
      errors: [fsError('fs.openSync', REPLACEMENT.fsPromiseApi, 2, 42)],
    },
  ],
});

testDocsExamples('no-blocking-in-async', rule);
