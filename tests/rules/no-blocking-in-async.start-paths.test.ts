import path from 'node:path';
import { FIXTURES_DIR, ruleTester } from '../rule-tester';
import { commonjs, error, type ExpectedError, IN_EXPORTED, REPLACEMENT, testedRule, twin } from './no-blocking-in-async.errors';

// Paths that run once per process or per person (a server's start before it exists, a build tool's
// plugin, a step a command-line tool's library starts without waiting), and sleeps in a thread
// worker that handles messages: each silence next to the nearest report that stays.
const CONTEXTS = path.join(FIXTURES_DIR, 'run-contexts');
const IN_NOT_AWAITED = 'inside this async function, which is started without await and runs beside other work';
const IN_PER_ITEM = 'inside this async function, which .map() runs once per item, all at the same time';
/**
 * A file-system report with its suggestion: `code` with `from` replaced by `to` and the
 * `node:fs/promises` import of `twinName` added after the last import.
 */
function fsError(code: string, twinName: string, from: string, to: string, line: number, column: number, where: string): ExpectedError {
  const lines = code.split('\n');
  const last = lines.reduce((found, text, index) => (text.startsWith('import ') ? index : found), -1);
  lines.splice(last + 1, 0, `import { ${twinName} } from 'node:fs/promises';`);
  const output = lines.join('\n').replace(from, to);
  const name = `fs.${twinName}Sync`;
  const replacement = `'await ${twinName}()' from 'node:fs/promises'`;
  return { messageId: 'blockingFileSystem', data: { name, replacement, where }, line, column, suggestions: [twin(twinName, output)] };
}

const IN_REQUEST = 'inside this async function, which handles requests (http.createServer) while other requests wait';

const IN_ROUTE = 'inside this async function, which handles requests (.post()) while other requests wait';

const SERVING_START = `import fs from 'node:fs';
import http from 'node:http';
export async function start(port) {
  const server = http.createServer(async (req, res) => {
    res.end(fs.readFileSync('page.html'));
    await audit(req);
  });
  server.listen(port);
  const banner = fs.readFileSync('banner.txt', 'utf8');
  await announce(banner);
}`;

const LOCAL_FACTORY = `import fs from 'node:fs';
function createServer(options) { return { options }; }
export async function connect(paths) {
  const key = fs.readFileSync(paths.key);
  await ready();
  return createServer({ key });
}`;

const PLUGIN_GATHERS = `import fs from 'node:fs';
export async function hashAssets(files) {
  return Promise.all(files.map(async (file) => digest(fs.readFileSync(file), await salt())));
}`;

const PLUGIN_LISTENER = `import fs from 'node:fs';
import http from 'node:http';
export function preview(port) {
  http.createServer(async (req, res) => {
    const manifest = JSON.parse(fs.readFileSync('dist/manifest.json', 'utf8'));
    res.end(await render(req.url, manifest));
  }).listen(port);
}`;

const PLUGIN_RUNTIME = `import fs from 'node:fs';
export async function renderPage(url) {
  const template = fs.readFileSync('dist/client/index.html', 'utf8');
  return template.replace('<!--app-->', await loadApp(url));
}`;

const UNPINNED_PLUGIN = `import fs from 'node:fs';
export async function resolveOptions(ctx) {
  const pkg = JSON.parse(fs.readFileSync('package.json', 'utf8'));
  return { name: pkg.name, ...(await ctx.loadUserOptions()) };
}`;

const LIBRARY_LOGIN = `import fs from 'node:fs';
async function loginAndSave(name) {
  const cookies = await fetchCookies(name);
  fs.writeFileSync(name + '_session.json', JSON.stringify(cookies));
}
export function login(name) {
  const pending = loginAndSave(name);
  track(name);
  return pending;
}`;

const BIN_EXPRESS_LOOP = `import fs from 'node:fs';
import express from 'express';
async function pullLoop(dir) {
  for (;;) {
    const index = JSON.parse(fs.readFileSync(dir + '/index.json', 'utf8'));
    await reloadPages(dir, index);
    await sleep(60_000);
  }
}
export async function serve(dir, port) {
  pullLoop(dir);
  express().use(express.static(dir)).listen(port);
}`;

const BIN_HTTP_LOOP = `import fs from 'node:fs';
import http from 'node:http';
async function syncLoop(dir) {
  for (;;) {
    const index = JSON.parse(fs.readFileSync(dir + '/index.json', 'utf8'));
    await upload(index);
    await sleep(5000);
  }
}
export async function start(dir, port) {
  syncLoop(dir);
  http.createServer((req, res) => res.end('ok')).listen(port);
}`;

const EXCLUSIVE_SERVE = `import fs from 'node:fs';
import net from 'node:net';
export async function onCommand(msg) {
  if (msg.type === 'read') {
    return fs.readFileSync(msg.path, 'utf8');
  }
  if (msg.type === 'serve') {
    await prepare(msg);
    net.createServer(handle).listen(msg.port);
  }
}`;

const UNBRACED_SERVE = `import fs from 'node:fs';
import net from 'node:net';
export async function onCommand(msg) {
  if (msg.type === 'read') return fs.readFileSync(msg.path, 'utf8');
  await prepare(msg);
  if (msg.type === 'serve') net.createServer(handle).listen(msg.port);
}`;

const GUARDED_SERVE = `import fs from 'node:fs';
import net from 'node:net';
export async function onCommand(msg) {
  if (msg.type === 'read') return fs.readFileSync(msg.path, 'utf8');
  if (msg.type !== 'serve') return null;
  await prepare(msg);
  net.createServer(handle).listen(msg.port);
}`;

const FALLBACK_IN_CATCH = `import fs from 'node:fs';
import net from 'node:net';
export async function onCommand(msg) {
  try {
    await prepare(msg);
  } catch {
    return fs.readFileSync(msg.fallback, 'utf8');
  }
  net.createServer(handle).listen(msg.port);
}`;

const SITE_ROUTE = `import fs from 'node:fs';
import https from 'node:https';
import express from 'express';
const app = express();
app.post('/sites', async (req, res) => {
  const cert = fs.readFileSync(req.body.certPath);
  await register(req.body.host);
  https.createServer({ cert }, proxy).listen(req.body.port);
  res.sendStatus(201);
});`;

const SEED_ELSEWHERE = `import { readFileSync } from 'node:fs';
export async function seed(db, accountId) {
  await db.insert('notes', { accountId, content: readFileSync('./notes/welcome.md', 'utf8') });
}`;

ruleTester.run('no-blocking-in-async on start paths and in thread workers', testedRule, {
  valid: [
    // a server's start: the TLS key and certificate are read once, before the server it creates
    // exists, so no request of it can be waiting
    {
      code: `const fs = require('node:fs');
const https = require('node:https');
module.exports = {
  async startHttps(config, app) {
    await prepareCertificates(config);
    const options = { key: fs.readFileSync(config.keyFile), cert: fs.readFileSync(config.certFile) };
    const server = https.createServer(options, app);
    server.listen(config.port);
    return server;
  },
};`,
      languageOptions: commonjs({ require: 'readonly', module: 'writable' }),
    },
    `import { readFileSync } from 'node:fs';
import http2 from 'node:http2';
export async function serve(app, paths) {
  const ca = readFileSync(paths.ca);
  await warmUp(app);
  return http2.createSecureServer({ ca, key: readFileSync(paths.key) }, app).listen(8443);
}`,

    // a read in a branch that runs before the server is created still comes before it
    `import fs from 'node:fs';
import https from 'node:https';
export async function listen(config, app) {
  let tls = {};
  if (config.tls) {
    tls = { key: fs.readFileSync(config.tls.key), cert: fs.readFileSync(config.tls.cert) };
  }
  await app.ready();
  https.createServer(tls, app).listen(config.port);
}`,
    // an earlier if whose path goes on to the server (a certificate made when missing) comes before it
    `import fs from 'node:fs';
import https from 'node:https';
export async function listen(config, app) {
  if (!fs.existsSync(config.cert)) await makeCert(config);
  const key = fs.readFileSync(config.key);
  https.createServer({ key, cert: fs.readFileSync(config.cert) }, app).listen(config.port);
}`,
    // a try whose catch gives up on a failed read (exit, return) still goes on to the server when the read succeeds
    `import fs from 'node:fs';
import https from 'node:https';
export async function listen(config, app) {
  const tls = {};
  try {
    tls.key = fs.readFileSync(config.key);
  } catch (error) {
    console.error(error);
    return process.exit(1);
  }
  https.createServer(tls, app).listen(config.port);
}`,
    // one server per site, created at start-up right after its page is read
    `import fs from 'node:fs';
import http from 'node:http';
export async function startAll(sites) {
  for (const site of sites) {
    const body = fs.readFileSync(site.page);
    await check(site);
    http.createServer((req, res) => res.end(body)).listen(site.port);
  }
}`,

    // a build tool's plugin package (its name says vite, and vite is its peer): the options are
    // resolved once per build or dev-server start, in one developer's process
    {
      code: `import fs from 'node:fs';
export async function resolveOptions(ctx) {
  const pkg = fs.existsSync('package.json') ? JSON.parse(fs.readFileSync('package.json', 'utf8')) : {};
  return { name: pkg.name, ...(await ctx.loadUserOptions()) };
}`,
      filename: path.join(CONTEXTS, 'vite-plugin-demo', 'src', 'options.ts'),
    },
    // the plugin's own entry (the package's root export) in a package that also exports a runtime
    {
      code: `import fs from 'node:fs';
export async function loadTemplate(root) {
  const html = fs.readFileSync(root + '/index.html', 'utf8');
  return inject(html, await collectEntries(root));
}`,
      filename: path.join(CONTEXTS, 'vite-plugin-runtime', 'src', 'index.ts'),
    },

    // a command-line tool that also exports a library (a test runner): a download saved without
    // waiting for it, or a session file written by a login started on its own, costs a moment of
    // one person's run
    {
      code: `import fs from 'node:fs';
export class Browser {
  async handleDownloads(target) {
    this.page.waitForEvent('download').then(async (download) => {
      fs.copyFileSync(await download.path(), target);
      await this.log('saved');
    });
  }
}`,
      filename: path.join(CONTEXTS, 'library', 'src', 'browser.ts'),
    },
    {
      code: LIBRARY_LOGIN,
      filename: path.join(CONTEXTS, 'library', 'src', 'login.ts'),
    },

    // a seed file that a seed runner (knex) calls by its `seed` export, one file at a time, while a
    // developer seeds a database
    {
      code: `import { readFileSync } from 'node:fs';
export async function seed(knex) {
  await knex('notes').del();
  await knex('notes').insert({ content: readFileSync('./notes/welcome.md', 'utf8') });
}`,
      filename: 'backend/src/database/seeds/03_note.ts',
    },

    // a thread worker's blocking work (what the worker is for) is not a sleep
    {
      code: `const { parentPort } = require('node:worker_threads');
const { randomFillSync } = require('node:crypto');
const fs = require('node:fs');
async function handleJob(job) {
  const nonce = randomFillSync(Buffer.alloc(16));
  const input = fs.readFileSync(job.file);
  await report(job.id, nonce, input.length);
}
parentPort.on('message', (job) => { handleJob(job).then(() => parentPort.postMessage(job.id)); });`,
      languageOptions: commonjs({ require: 'readonly', Buffer: 'readonly' }),
    },
    // a pool's worker module runs one task at a time: its sleep holds up nothing else
    {
      code: `export async function retryUpload(file) {
  const until = Date.now() + 200;
  while (Date.now() < until) {}
  await upload(file);
}`,
      filename: 'src/upload.worker.ts',
    },
  ],
  invalid: [
    // after the server is created it serves: a read there, or in its request listener, waits
    // with requests
    {
      code: SERVING_START,
      errors: [
        fsError(SERVING_START, 'readFile', "res.end(fs.readFileSync('page.html'))", "res.end(await readFile('page.html'))", 5, 13, IN_REQUEST),
        fsError(SERVING_START, 'readFile', "fs.readFileSync('banner.txt', 'utf8')", "await readFile('banner.txt', 'utf8')", 9, 18, IN_EXPORTED),
      ],
    },
    // a `createServer` the file defines itself is no server of Node's
    {
      code: LOCAL_FACTORY,
      errors: [fsError(LOCAL_FACTORY, 'readFile', 'fs.readFileSync(paths.key)', 'await readFile(paths.key)', 4, 15, IN_EXPORTED)],
    },

    // a server created in another branch (a daemon's `serve` command) does not follow a read of
    // its `read` command: each message runs one branch
    {
      code: EXCLUSIVE_SERVE,
      errors: [fsError(EXCLUSIVE_SERVE, 'readFile', 'return fs.readFileSync(', 'return await readFile(', 5, 12, IN_EXPORTED)],
    },
    // the same without braces: the serve branch's lone statement runs in that branch only
    {
      code: UNBRACED_SERVE,
      errors: [fsError(UNBRACED_SERVE, 'readFile', 'return fs.readFileSync(', 'return await readFile(', 4, 35, IN_EXPORTED)],
    },
    // a guard clause that returns with the read never reaches the server created further down
    {
      code: GUARDED_SERVE,
      errors: [fsError(GUARDED_SERVE, 'readFile', 'return fs.readFileSync(', 'return await readFile(', 4, 35, IN_EXPORTED)],
    },
    // a catch that answers with the read and returns never reaches the server (the catch holds the read)
    {
      code: FALLBACK_IN_CATCH,
      errors: [fsError(FALLBACK_IN_CATCH, 'readFile', 'return fs.readFileSync(', 'return await readFile(', 7, 12, IN_EXPORTED)],
    },
    // a route that creates a server per request reads per request
    {
      code: SITE_ROUTE,
      errors: [fsError(SITE_ROUTE, 'readFile', 'fs.readFileSync(', 'await readFile(', 6, 16, IN_ROUTE)],
    },

    // a build tool's plugin that reads every file of a list at once still blocks those tasks
    {
      code: PLUGIN_GATHERS,
      filename: path.join(CONTEXTS, 'vite-plugin-demo', 'src', 'assets.ts'),
      errors: [fsError(PLUGIN_GATHERS, 'readFile', 'fs.readFileSync(file)', 'await readFile(file)', 3, 55, IN_PER_ITEM)],
    },
    // a request listener in a plugin package serves requests (an SSR plugin's production server)
    {
      code: PLUGIN_LISTENER,
      filename: path.join(CONTEXTS, 'vite-plugin-demo', 'src', 'preview.ts'),
      errors: [fsError(PLUGIN_LISTENER, 'readFile', 'fs.readFileSync(', 'await readFile(', 5, 33, IN_REQUEST)],
    },
    // a module the plugin package exports under a subpath of its own (`./server`) is a runtime that
    // applications import, not the plugin's build-time code
    {
      code: PLUGIN_RUNTIME,
      filename: path.join(CONTEXTS, 'vite-plugin-runtime', 'src', 'server.ts'),
      errors: [fsError(PLUGIN_RUNTIME, 'readFile', 'fs.readFileSync(', 'await readFile(', 3, 20, IN_EXPORTED)],
    },
    // a name alone (no vite among its dependencies or peers) says nothing
    {
      code: UNPINNED_PLUGIN,
      filename: path.join(CONTEXTS, 'vite-plugin-unpinned', 'src', 'options.ts'),
      errors: [fsError(UNPINNED_PLUGIN, 'readFile', "fs.readFileSync('package.json', 'utf8')", "await readFile('package.json', 'utf8')", 3, 26, IN_EXPORTED)],
    },

    // the same un-awaited login in a library without a command stays reported
    {
      code: LIBRARY_LOGIN,
      filename: path.join(CONTEXTS, 'service', 'src', 'login.ts'),
      errors: [fsError(LIBRARY_LOGIN, 'writeFile', 'fs.writeFileSync(', 'await writeFile(', 4, 3, IN_NOT_AWAITED)],
    },

    // a server started from the command line (its package has a bin and depends on a server
    // framework, or the file creates a server): a loop started without await runs beside its requests
    {
      code: BIN_EXPRESS_LOOP,
      filename: path.join(CONTEXTS, 'npx-server', 'src', 'serve.ts'),
      errors: [fsError(BIN_EXPRESS_LOOP, 'readFile', 'fs.readFileSync(', 'await readFile(', 5, 30, IN_NOT_AWAITED)],
    },
    {
      code: BIN_HTTP_LOOP,
      filename: path.join(CONTEXTS, 'library', 'src', 'daemon.ts'),
      errors: [fsError(BIN_HTTP_LOOP, 'readFile', 'fs.readFileSync(', 'await readFile(', 5, 30, IN_NOT_AWAITED)],
    },

    // a `seed` exported outside a seeds folder may be what a sign-up calls for each new account
    {
      code: SEED_ELSEWHERE,
      filename: 'src/accounts/seed.ts',
      errors: [fsError(SEED_ELSEWHERE, 'readFile', 'readFileSync(', 'await readFile(', 3, 50, IN_EXPORTED)],
    },

    // a thread worker whose messages run as they come: a sleep idles the thread while they wait
    {
      code: `const { parentPort, workerData } = require('node:worker_threads');
const shared = new Int32Array(workerData.buffer);
async function handleJob(job) {
  Atomics.wait(shared, 0, 1, 50);
  const started = Date.now();
  while (Date.now() - started < 5) {}
  await record(job);
}
parentPort.on('message', (job) => { handleJob(job).then(() => parentPort.postMessage(job.id)); });`,
      languageOptions: commonjs({ require: 'readonly', Atomics: 'readonly', Int32Array: 'readonly' }),
      errors: [
        error('blockingSleep', 'Atomics.wait', "'await Atomics.waitAsync(...).value'", 4, 3),
        error('blockingSleep', 'busy-wait loop on Date.now()', REPLACEMENT.busyWait, 6, 3),
      ],
    },
  ],
});
