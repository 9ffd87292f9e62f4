import path from 'node:path';
import { FIXTURES_DIR, ruleTester } from '../rule-tester';
import type { Options } from '../../src/rules/no-blocking-in-async';
import { commonjs, error, fsError, IN_EXPORTED, REPLACEMENT, testedRule, twin } from './no-blocking-in-async.errors';

// Where the code runs (analysis/where-it-runs.ts): with default options (`reportIn: 'concurrent'`)
// the rule stays silent where blocking costs nothing and says why it hurts where it reports.
const ALL: Options = [{ reportIn: 'all' }];

ruleTester.run('no-blocking-in-async where the code runs', testedRule, {
  valid: [
    // one-shot scripts: a shebang, an async main started once, an async IIFE
    `#!/usr/bin/env node
import { readFileSync, writeFileSync } from 'node:fs';
export async function build(out) { writeFileSync(out, readFileSync('in.txt')); await publish(out); }`,
    `import { execSync } from 'node:child_process';
async function release() { execSync('npm test'); await tag(); }
async function main() { await release(); }
main().catch((error) => { console.error(error); process.exitCode = 1; });`,
    `import fs from 'node:fs';
(async () => { const config = JSON.parse(fs.readFileSync('config.json', 'utf8')); await deploy(config); })();`,

    // CLI command handlers
    `import { Command } from 'commander';
import { mkdirSync } from 'node:fs';
new Command().command('init').action(async (dir) => { mkdirSync(dir); await scaffold(dir); });`,
    `import { Command } from 'clipanion';
import { rmSync } from 'node:fs';
export class CleanCommand extends Command { async execute() { rmSync('dist', { recursive: true }); await this.report(); } }`,

    // build hooks that a bundler or framework calls once per build
    `import fs from 'node:fs';
export default function adapter() {
  return { name: 'static', async adapt(builder) { fs.rmSync('build', { recursive: true }); await builder.prerender(); } };
}`,

    // a step of a database migration: the runner runs one step at a time, before the app serves
    {
      code: `const { execFileSync } = require('node:child_process');
module.exports = {
  async up(queryInterface) {
    if (process.env.SKIP_BACKFILL) return;
    execFileSync('node', ['build/scripts/backfill-slugs.js'], { stdio: 'inherit' });
  },
  async down() {},
};`,
      filename: 'server/migrations/20240101000000-backfill-slugs.js',
      languageOptions: commonjs({ require: 'readonly', module: 'writable', process: 'readonly' }),
    },
    {
      code: `import { readFileSync } from 'node:fs';
export class SeedCountries1712000000000 {
  async up(runner) { await runner.query(readFileSync('sql/countries.sql', 'utf8')); }
}`,
      filename: 'src/database/migrations/SeedCountries.ts',
    },

    // start-up work in a listener of an event that fires once, and the private method it calls
    `import { readdirSync } from 'node:fs';
export class Bot {
  constructor(client) { client.on('ready', () => { this.loadCommands(); }); }
  private async loadCommands() { for (const file of readdirSync('commands')) await this.register(file); }
}`,

    // a routine the program runs once when it starts, named so and handed nothing but the app
    `import { readFileSync } from 'node:fs';
export async function bootstrap(app) {
  const tls = { key: readFileSync('certs/server.key'), cert: readFileSync('certs/server.crt') };
  await app.listen({ port: 443, tls });
}`,

    // a build tool's configuration: its dev-server middleware serves one developer's browser
    {
      code: `import fs from 'node:fs';
export default {
  plugins: [{
    name: 'report',
    configureServer(server) {
      server.middlewares.use(async (req, res, next) => {
        if (req.url === '/report.json') return res.end(fs.readFileSync('out/report.json'));
        await next();
      });
    },
  }],
};`,
      filename: 'vite.config.ts',
    },

    // one person's desktop app (its package depends on Electron): its main process reads that
    // person's local files
    {
      code: `import { readFileSync } from 'node:fs';
export async function loadSettings(file) { const settings = JSON.parse(readFileSync(file, 'utf8')); await apply(settings); }`,
      filename: path.join(FIXTURES_DIR, 'run-contexts', 'desktop-app', 'src', 'settings.ts'),
    },

    // a worker thread exists to run blocking work off the main thread
    `import { parentPort } from 'node:worker_threads';
import { gunzipSync } from 'node:zlib';
async function unpack(buffer) { return gunzipSync(buffer); }
parentPort.on('message', (buffer) => { unpack(buffer).then((out) => parentPort.postMessage(out)); });`,

    // a final hand-off to a child process whose exit status is passed on
    `import { spawnSync } from 'node:child_process';
export async function run(args) {
  await prepare();
  const child = spawnSync('node', args, { stdio: 'inherit' });
  process.exit(child.status ?? 1);
}`,
    `import spawn from 'cross-spawn';
export async function runBin(bin, args) {
  await check(bin);
  const { status, error } = spawn.sync(bin, args, { stdio: 'inherit' });
  if (error) throw error;
  return { exitCode: status ?? 1 };
}`,

    // a child with inherited stdio as the function's last step: it ends when the child does
    `import { execFileSync } from 'node:child_process';
export async function up() {
  if (process.env.SKIP_BACKFILL) return;
  execFileSync('node', ['tools/backfill.js'], { stdio: 'inherit' });
}`,

    // a one-time initialisation behind a done-flag that the guarded block sets
    `import { readFileSync } from 'node:fs';
let codecReady = false;
export async function encode(text) {
  if (!codecReady) {
    await loadCodec(readFileSync(CODEC_PATH));
    codecReady = true;
  }
  return codec(text);
}`,
    `import { execSync } from 'node:child_process';
export class Probe {
  async ticks() {
    if (!Probe.checked) {
      Probe.rate = Number(execSync('getconf CLK_TCK'));
      Probe.checked = true;
    }
    return await readTicks(Probe.rate);
  }
}`,

    // a file read on a failure path, just before throwing
    `import { readFileSync } from 'node:fs';
export async function compile(file) {
  const result = await run(file);
  if (result.code !== 0) {
    const log = readFileSync(result.logFile, 'utf8');
    throw new Error(log);
  }
  return result;
}`,

    // one or two cheap metadata checks beside otherwise asynchronous I/O
    `import { existsSync } from 'node:fs';
import { mkdir } from 'node:fs/promises';
export async function ensureDir(dir) { if (!existsSync(dir)) await mkdir(dir, { recursive: true }); }`,
    `import fs from 'node:fs';
const hasLockfile = (dir) => fs.existsSync(dir + '/pnpm-lock.yaml');
export async function status(dir) { return hasLockfile(dir) ? await readLock(dir) : 'open'; }`,
    `import fs from 'node:fs';
export async function serveStatic(req, res) { const file = resolve(req.url); if (fs.existsSync(file) && fs.statSync(file).isFile()) await send(res, file); }`,
    // up to three: a link resolved, a parent directory created as mkdir -p, a marker file probed
    `import fs from 'node:fs';
import path from 'node:path';
const linkTarget = (link) => path.resolve(path.dirname(link), fs.readlinkSync(link));
export async function relink(link, into) {
  fs.mkdirSync(path.dirname(into), { recursive: true });
  if (fs.existsSync(path.join(into, '.stale'))) return;
  await fs.promises.symlink(linkTarget(link), into);
}`,
    `import { statfsSync } from 'node:fs';
export async function trimCacheIfFull(dir) {
  const before = statfsSync(dir);
  if (before.bavail * before.bsize > 1e9) return;
  await pruneOldest(dir);
  return statfsSync(dir).bavail;
}`,
    // a probe whose promise is memoised in module state runs once per process, whatever awaits it
    `import { readFileSync, writeFileSync } from 'node:fs';
let socketName;
export function socketPath(cacheFile) {
  socketName ??= detectSocket(cacheFile);
  return socketName;
}
async function detectSocket(cacheFile) {
  const known = readFileSync(cacheFile, 'utf8');
  if (known) return known;
  const found = await askDaemon();
  writeFileSync(cacheFile, found);
  return found;
}`,
    `import { execFileSync } from 'node:child_process';
export class Toolchain {
  version() {
    if (!this.pending) this.pending = this.#detect();
    return this.pending;
  }
  async #detect() { return parse(execFileSync('rustc', ['--version']).toString(), await this.channel()); }
}`,

    // the exported task of a module that a worker pool loads: one task at a time per worker
    {
      code: `import { readFileSync } from 'node:fs';
import { createHash } from 'node:crypto';
export async function worker({ file }) {
  const content = readFileSync(file, 'utf8');
  return { hash: createHash('sha1').update(content).digest('hex'), deps: await extract(content) };
}`,
      filename: 'src/worker.ts',
    },

    // the async twin of a synchronous API shares its small file-system steps with it
    `import fs from 'node:fs';
function readEntry(file) { return fs.readFileSync(file, 'utf8'); }
export class Compiler {
  compile(file) {
    const cached = readEntry(this.cachePath(file));
    return cached ?? this.build(fs.readFileSync(file, 'utf8'));
  }
  async compileAsync(file) {
    const cached = readEntry(this.cachePath(file));
    return cached ?? this.build(await this.transformer.run(fs.readFileSync(file, 'utf8')));
  }
}`,
    // the program's result goes to a file or to the terminal: written once, at the end of the run
    `import fs from 'node:fs';
export async function runAll(tests, options) {
  const results = await execute(tests);
  const json = JSON.stringify(results);
  if (options.outputFile) {
    fs.writeFileSync(options.outputFile, json);
  } else {
    process.stdout.write(json + '\\n');
  }
  return results;
}`,
    `import { writeFileSync } from 'node:fs';
export async function listTests(config) {
  const paths = await collect(config);
  return config.outputFile ? writeFileSync(config.outputFile, paths.join('\\n')) : console.log(paths.join('\\n'));
}`,
    // the other work may be a returned promise instead of an await
    `import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
export class SnapshotStore {
  async read(file) {
    if (!existsSync(file)) return null;
    return readFile(file, 'utf8');
  }
}`,
  ],
  invalid: [
    // reportIn: 'all' reports them all, as the strict config does
    {
      code: `#!/usr/bin/env node
import { execSync } from 'node:child_process';
async function main() { await run(execSync('ls')); }`,
      options: ALL,
      errors: [error('blockingProcess', 'child_process.execSync', REPLACEMENT.childProcess, 3, 35)],
    },
    {
      code: `import { existsSync } from 'node:fs';
import { mkdir } from 'node:fs/promises';
export async function ensureDir(dir) { if (!existsSync(dir)) await mkdir(dir, { recursive: true }); }`,
      options: ALL,
      errors: [fsError('fs.existsSync', REPLACEMENT.existsSync, 3, 45, [], IN_EXPORTED)],
    },

    // an init() of an object made per request is that request's work, not the program's start-up
    {
      code: `import { readFileSync } from 'node:fs';
export class Visit {
  constructor(visitor) { this.visitor = visitor; }
  async init() {
    this.badge = readFileSync('badges/' + this.visitor.level + '.svg');
    this.history = await loadHistory(this.visitor.id);
  }
}`,
      errors: [fsError('fs.readFileSync', REPLACEMENT.readFile, 5, 18, [twin('readFile', `import { readFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
export class Visit {
  constructor(visitor) { this.visitor = visitor; }
  async init() {
    this.badge = await readFile('badges/' + this.visitor.level + '.svg');
    this.history = await loadHistory(this.visitor.id);
  }
}`)], 'inside this async function, which is exported: callers may run it beside other work')],
    },

    // a script that starts its tasks together is concurrent: each task blocks the others
    {
      code: `#!/usr/bin/env node
import { gunzipSync } from 'node:zlib';
async function unpack(file) { const data = gunzipSync(await download(file)); await save(file, data); }
async function main(files) { await Promise.all([unpack('a'), unpack('b')]); }
main(process.argv.slice(2));`,
      errors: [
        error('blockingCompression', 'zlib.gunzipSync', REPLACEMENT.zlib, 3, 44, [], 'inside this async function, which Promise.all() runs beside other tasks'),
      ],
    },
    {
      code: `import { gunzipSync } from 'node:zlib';
async function main(files) {
  await Promise.all(files.map(async (file) => upload(gunzipSync(file))));
}
main(['a', 'b']);`,
      errors: [
        error('blockingCompression', 'zlib.gunzipSync', REPLACEMENT.zlib, 3, 54, [], 'inside this async function, which .map() runs once per item, all at the same time'),
      ],
    },

    // request handlers, and what they await
    {
      code: `import express from 'express';
import { execFileSync } from 'node:child_process';
const app = express();
async function revision() { return execFileSync('git', ['rev-parse', 'HEAD']).toString(); }
app.get('/version', async (req, res) => { res.json({ revision: await revision() }); });`,
      errors: [
        error('blockingProcess', 'child_process.execFileSync', REPLACEMENT.childProcess, 4, 36, [],
          "inside this async function, awaited in code that handles requests (.get()) while other requests wait"),
      ],
    },

    // a private method runs where the class's own calls run it: here, per request
    {
      code: `import { gunzipSync } from 'node:zlib';
export class Replays {
  constructor(app) { app.get('/replays/:id', async (req, res) => { res.json(await this.#load(req.params.id)); }); }
  async #load(id) { return JSON.parse(gunzipSync(await this.store.get(id)).toString()); }
}`,
      errors: [
        error('blockingCompression', 'zlib.gunzipSync', REPLACEMENT.zlib, 4, 39, [],
          'inside this async function, awaited in code that handles requests (.get()) while other requests wait'),
      ],
    },

    // a concurrency limiter
    {
      code: `import pLimit from 'p-limit';
import { createHash } from 'node:crypto';
import { gunzipSync } from 'node:zlib';
const limit = pLimit(8);
export const hashAll = (files) => Promise.all(files.map((file) => limit(async () => hash(gunzipSync(file)))));`,
      errors: [
        error('blockingCompression', 'zlib.gunzipSync', REPLACEMENT.zlib, 5, 90, [], 'inside this async function, which p-limit runs beside other tasks'),
      ],
    },

    // the quiet classes are not quiet when the function does more blocking work
    {
      code: `import fs from 'node:fs';
import { execSync } from 'node:child_process';
export async function load(dir) {
  if (fs.existsSync(dir)) execSync('make', { cwd: dir });
  return await fetchDefault();
}`,
      errors: [
        fsError('fs.existsSync', REPLACEMENT.existsSync, 4, 7, [], IN_EXPORTED),
        error('blockingProcess', 'child_process.execSync', REPLACEMENT.childProcess, 4, 27, [], IN_EXPORTED),
      ],
    },
    // an up() outside a migrations folder is an ordinary export
    {
      code: `import { readFileSync } from 'node:fs';
export async function up(runner) { await runner.query(readFileSync('sql/countries.sql', 'utf8')); }`,
      filename: 'src/database/scale.ts',
      errors: [
        fsError('fs.readFileSync', REPLACEMENT.readFile, 2, 55, [
          twin('readFile', `import { readFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
export async function up(runner) { await runner.query(await readFile('sql/countries.sql', 'utf8')); }`),
        ], IN_EXPORTED),
      ],
    },
    // a mkdirSync without recursive, four metadata calls, or only a blocking call returned: not cheap enough
    {
      code: `import fs from 'node:fs';
export async function claim(dir) { fs.mkdirSync(dir); await writeLock(dir); }`,
      errors: [fsError('fs.mkdirSync', "'await mkdir()' from 'node:fs/promises'", 2, 36, [
        twin('mkdir', `import fs from 'node:fs';
import { mkdir } from 'node:fs/promises';
export async function claim(dir) { await mkdir(dir); await writeLock(dir); }`),
      ], IN_EXPORTED)],
    },
    {
      code: `import { existsSync } from 'node:fs';
export async function detect(dir) {
  const found = [existsSync(dir + '/a'), existsSync(dir + '/b'), existsSync(dir + '/c'), existsSync(dir + '/d')];
  return await report(found);
}`,
      errors: [18, 42, 66, 90].map((column) => fsError('fs.existsSync', REPLACEMENT.existsSync, 3, column, [], IN_EXPORTED)),
    },
    {
      code: `import { existsSync } from 'node:fs';
export async function has(file) { return existsSync(file); }`,
      errors: [fsError('fs.existsSync', REPLACEMENT.existsSync, 2, 42, [], IN_EXPORTED)],
    },
    // a flag local to the call is set anew each time
    {
      code: `import { execSync } from 'node:child_process';
export async function version(tool) {
  let known = false;
  if (!known) {
    execSync(tool + ' --version');
    known = true;
  }
  return await lookup(tool);
}`,
      errors: [error('blockingProcess', 'child_process.execSync', REPLACEMENT.childProcess, 5, 5, [], IN_EXPORTED)],
    },
    // the last step, but the child's output is captured: no hand-off
    {
      code: `import { execFileSync } from 'node:child_process';
export async function up() {
  await prepare();
  execFileSync('node', ['tools/backfill.js']);
}`,
      errors: [error('blockingProcess', 'child_process.execFileSync', REPLACEMENT.childProcess, 4, 3, [], IN_EXPORTED)],
    },
    // no exit status passed on: the child runs while the caller's other work waits
    {
      code: `import { spawnSync } from 'node:child_process';
export async function lint(files) { spawnSync('eslint', files, { stdio: 'inherit' }); await report(files); }`,
      errors: [error('blockingProcess', 'child_process.spawnSync', REPLACEMENT.childProcess, 2, 37, [], IN_EXPORTED)],
    },
    // a memoised probe that is also started per item: every item blocks the others
    {
      code: `import { readFileSync } from 'node:fs';
let first;
async function load(file) { return parse(readFileSync(file, 'utf8'), await schema()); }
export function loadFirst(file) { first ??= load(file); return first; }
export async function loadAll(files) { return Promise.all(files.map((file) => load(file))); }`,
      errors: [
        fsError('fs.readFileSync', REPLACEMENT.readFile, 3, 42, [
          twin('readFile', `import { readFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
let first;
async function load(file) { return parse(await readFile(file, 'utf8'), await schema()); }
export function loadFirst(file) { first ??= load(file); return first; }
export async function loadAll(files) { return Promise.all(files.map((file) => load(file))); }`),
        ], 'inside this async function, which .map() runs once per item, all at the same time'),
      ],
    },
    // a cache keyed per value fills once per key: each new key blocks
    {
      code: `import { readFileSync } from 'node:fs';
const templates = {};
async function compile(name) { return render(readFileSync(name, 'utf8'), await partials()); }
export function template(name) { templates[name] ??= compile(name); return templates[name]; }`,
      errors: [
        fsError('fs.readFileSync', REPLACEMENT.readFile, 3, 46, [
          twin('readFile', `import { readFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
const templates = {};
async function compile(name) { return render(await readFile(name, 'utf8'), await partials()); }
export function template(name) { templates[name] ??= compile(name); return templates[name]; }`),
        ], 'inside this async function, which is started without await and runs beside other work'),
      ],
    },
    // a worker module still reports tasks it starts together
    {
      code: `import { readFileSync } from 'node:fs';
export async function worker({ files }) {
  return Promise.all(files.map(async (file) => digest(readFileSync(file), await salt())));
}`,
      filename: 'src/worker.ts',
      errors: [
        fsError('fs.readFileSync', REPLACEMENT.readFile, 3, 55, [
          twin('readFile', `import { readFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
export async function worker({ files }) {
  return Promise.all(files.map(async (file) => digest(await readFile(file), await salt())));
}`),
        ], 'inside this async function, which .map() runs once per item, all at the same time'),
      ],
    },
    // an async twin's own blocking step, or slow cryptography, is not a shared small step
    {
      code: `import fs from 'node:fs';
import crypto from 'node:crypto';
export class Vault {
  seal(secret) { return crypto.scryptSync(secret, this.salt, 64); }
  async sealAsync(secret) {
    fs.writeFileSync(this.journal, secret);
    return crypto.scryptSync(secret, this.salt, 64);
  }
}`,
      errors: [
        fsError('fs.writeFileSync', REPLACEMENT.writeFile, 6, 5, [
          twin('writeFile', `import fs from 'node:fs';
import crypto from 'node:crypto';
import { writeFile } from 'node:fs/promises';
export class Vault {
  seal(secret) { return crypto.scryptSync(secret, this.salt, 64); }
  async sealAsync(secret) {
    await writeFile(this.journal, secret);
    return crypto.scryptSync(secret, this.salt, 64);
  }
}`),
        ], IN_EXPORTED),
        error('blockingCrypto', 'crypto.scryptSync', "'promisify(crypto.scrypt)'", 7, 12, [], IN_EXPORTED),
      ],
    },
    // a file write with no terminal alternative, or a read beside one, is not the program's output
    {
      code: `import fs from 'node:fs';
export async function saveReport(req, res) {
  const report = await build(req.query);
  if (req.query.archive) {
    fs.writeFileSync(archivePath(report), JSON.stringify(report));
  }
  res.json(report);
}`,
      errors: [
        fsError('fs.writeFileSync', REPLACEMENT.writeFile, 5, 5, [
          twin('writeFile', `import fs from 'node:fs';
import { writeFile } from 'node:fs/promises';
export async function saveReport(req, res) {
  const report = await build(req.query);
  if (req.query.archive) {
    await writeFile(archivePath(report), JSON.stringify(report));
  }
  res.json(report);
}`),
        ], IN_EXPORTED),
      ],
    },
    {
      code: `import fs from 'node:fs';
export async function show(file) {
  if (file) console.log(fs.readFileSync(file, 'utf8'));
  else console.log(await fetchDefault());
}`,
      errors: [
        fsError('fs.readFileSync', REPLACEMENT.readFile, 3, 25, [
          twin('readFile', `import fs from 'node:fs';
import { readFile } from 'node:fs/promises';
export async function show(file) {
  if (file) console.log(await readFile(file, 'utf8'));
  else console.log(await fetchDefault());
}`),
        ], IN_EXPORTED),
      ],
    },
  ],
});
