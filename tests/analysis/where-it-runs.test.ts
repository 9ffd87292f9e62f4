import assert from 'node:assert/strict';
import path from 'node:path';
import { describe, it } from 'node:test';
import type { TSESTree } from '@typescript-eslint/utils';
import { getWhereItRuns, type RunContext } from '../../src/analysis/where-it-runs';
import { Linter } from 'eslint';
import * as tsParser from '@typescript-eslint/parser';
import { runOnCode } from './run-on-code';

/** A run context as a short label: `concurrent:gathered`, `alone:main`, `alone:script:shebang`, `worker-thread`, `unknown`. */
function label(context: RunContext): string {
  switch (context.kind) {
    case 'concurrent':
      return `concurrent:${context.evidence.kind}${context.caller === null ? '' : `<-${context.caller || '(anonymous)'}`}`;
    case 'alone':
      return context.evidence.kind === 'script' ? `alone:script:${context.evidence.script}` : `alone:${context.evidence.kind}`;
    case 'once':
      return `once`;
    default:
      return context.kind;
  }
}

/** Where each call of `probe()` runs, in source order. */
function where(code: string, options: { filename?: string; sourceType?: 'module' | 'commonjs'; cwd?: string } = {}): string[] {
  return runOnCode<string>(
    code,
    (context, collect) => ({
      'CallExpression[callee.name="probe"]'(node: TSESTree.CallExpression) {
        collect(label(getWhereItRuns(context).ofNode(node)));
      },
    }),
    {
      ...(options.sourceType ? { sourceType: options.sourceType } : {}),
      ...(options.filename ? { filename: options.filename } : {}),
      ...(options.cwd ? { cwd: options.cwd } : {}),
    },
  );
}

describe('where-it-runs: started beside other work (concurrent)', () => {
  it('sees Promise combinators, per-item callbacks and promises that are not awaited at once', () => {
    assert.deepEqual(
      where(`async function a() { probe(); }
async function b() { probe(); }
async function c() { probe(); }
async function d() { probe(); }
async function run(items) {
  await Promise.all([a(), other()]);
  await Promise.race([b(), timeout()]);
  const pending = c();
  d();
  await pending;
  await Promise.all(items.map(async (item) => { probe(); }));
}
await run([]);`),
      ['concurrent:gathered', 'concurrent:gathered', 'concurrent:not-awaited', 'concurrent:not-awaited', 'concurrent:per-item'],
    );
  });

  it('sees promises returned by a synchronous per-item callback: every call starts before any is awaited', () => {
    assert.deepEqual(
      where(`async function fetchOne(url) { probe(); }
async function main(urls) { await Promise.all(urls.map((url) => fetchOne(url))); }
main([]);`),
      ['concurrent:per-item'],
    );
  });

  it('sees concurrency limiters and what they create', () => {
    assert.deepEqual(
      where(`import pLimit from 'p-limit';
import PQueue from 'p-queue';
import pMap from 'p-map';
import async from 'async';
const limit = pLimit(4);
const queue = new PQueue({ concurrency: 2 });
limit(async () => { probe(); });
queue.add(async () => { probe(); });
pMap([], async () => { probe(); });
async.eachLimit([], 3, async () => { probe(); });
async.eachSeries([], async () => { probe(); });`),
      ['concurrent:limiter', 'concurrent:limiter', 'concurrent:limiter', 'concurrent:limiter', 'unknown'],
    );
  });

  it('sees request, queue and event handlers', () => {
    assert.deepEqual(
      where(`import http from 'node:http';
import express from 'express';
import { Worker } from 'bullmq';
const app = express();
http.createServer(async (req, res) => { probe(); });
app.get('/orders/:id', async (req, res) => { probe(); });
app.use(async (req, res, next) => { probe(); });
new Worker('emails', async (job) => { probe(); });
consumer.run({ eachMessage: async ({ message }) => { probe(); } });
bus.on('order.created', async (order) => { probe(); });`),
      [
        'concurrent:request-handler',
        'concurrent:request-handler',
        'concurrent:request-handler',
        'concurrent:queue-consumer',
        'concurrent:queue-consumer',
        'concurrent:event-handler',
      ],
    );
  });

  it('assumes concurrency for the exports of a library module, and names request-handler exports', () => {
    assert.deepEqual(
      where(`export async function load(id) { probe(); }
export const save = async () => { probe(); };
export async function GET(request) { probe(); }
async function helper() { probe(); }
export { helper };
module.exports.legacy = async function () { probe(); };`),
      ['concurrent:exported', 'concurrent:exported', 'concurrent:request-handler', 'concurrent:exported', 'concurrent:exported'],
    );
  });

  it('propagates through same-file callers that only await the function', () => {
    assert.deepEqual(
      where(`import express from 'express';
const app = express();
async function parse(text) { probe(); }
async function load(id) { return parse(await fetchText(id)); }
app.post('/import', async (req, res) => { res.json(await load(req.body.id)); });`),
      ['concurrent:request-handler<-load'],
    );
  });
});

describe('where-it-runs: alone', () => {
  it('sees an async main started once at the top level and what it awaits in sequence', () => {
    assert.deepEqual(
      where(`async function step() { probe(); }
async function main() { probe(); await step(); await step(); }
main().catch((error) => { console.error(error); process.exitCode = 1; });`),
      ['alone:main', 'alone:main'],
    );
  });

  it('sees an async IIFE and a top-level await', () => {
    assert.deepEqual(where(`(async () => { probe(); })();`), ['alone:main']);
    assert.deepEqual(where(`async function once() { probe(); }\nawait once();`), ['alone:main']);
  });

  it('takes a module that starts its main for a script, so its exports are not library code', () => {
    assert.deepEqual(
      where(`export async function build() { probe(); }
async function main() { await build(); }
if (require.main === module) main();`),
      ['alone:script:starts-main'],
    );
  });

  it('sees CLI command handlers of the common libraries', () => {
    assert.deepEqual(
      where(`import { Command } from 'commander';
const program = new Command();
program.command('init').action(async (options) => { probe(); });`),
      ['alone:cli-command'],
    );
    assert.deepEqual(
      where(`import { Command } from 'clipanion';
export class InitCommand extends Command { async execute() { probe(); } }`),
      ['alone:cli-command'],
    );
    assert.deepEqual(
      where(`import { Command } from '@oclif/core';
export default class Deploy extends Command { async run() { probe(); } async other() { probe(); } }`),
      ['alone:cli-command', 'alone:script:script-import'],
    );
  });

  it('sees a shebang', () => {
    assert.deepEqual(where(`#!/usr/bin/env node\nexport async function build() { probe(); }`), ['alone:script:shebang']);
  });

  it('stays concurrent when a script starts tasks together', () => {
    assert.deepEqual(
      where(`#!/usr/bin/env node
async function task(name) { probe(); await tick(); }
async function main() { await Promise.all([task('a'), task('b')]); }
main();`),
      ['concurrent:gathered'],
    );
  });

  it('treats a function started twice at the top level as concurrent', () => {
    assert.deepEqual(where(`async function job(n) { probe(); }\njob(1);\njob(2);`), ['concurrent:not-awaited']);
  });
});

describe('where-it-runs: package.json bin targets and script folders', () => {
  const root = path.join(__dirname, '..', 'fixtures', 'run-contexts');
  it('takes a build tool plugin package (its name and the tool as a peer) for one developer\'s build', () => {
    const code = 'export async function resolveOptions() { probe(); }';
    assert.deepEqual(where(code, { filename: path.join(root, 'vite-plugin-demo', 'src', 'options.ts') }), ['alone:build-tool-plugin']);
    assert.deepEqual(where(code, { filename: path.join(root, 'vite-plugin-unpinned', 'src', 'options.ts') }), ['concurrent:exported']);
    const middleware = `import http from 'node:http';\nhttp.createServer(async () => { probe(); });`;
    assert.deepEqual(where(middleware, { filename: path.join(root, 'vite-plugin-demo', 'src', 'preview.ts') }), ['concurrent:request-handler']);
    assert.deepEqual(where(code, { filename: path.join(root, 'vite-plugin-runtime', 'src', 'server.ts') }), ['concurrent:exported']);
    assert.deepEqual(where(code, { filename: path.join(root, 'vite-plugin-runtime', 'src', 'index.ts') }), ['alone:build-tool-plugin']);
  });
  it('does not take a step started without await in a package with a bin for concurrency', () => {
    const code = 'async function save() { probe(); }\nexport async function run() { save(); await report(); }';
    assert.deepEqual(where(code, { filename: path.join(root, 'library', 'src', 'index.ts') }), ['alone:script:bin-package']);
    assert.deepEqual(where(code, { filename: path.join(root, 'service', 'src', 'index.ts') }), ['concurrent:not-awaited']);
  });
  it('sees a bin target, its source file, and files of a scripts folder', () => {
    const code = 'export async function run() { probe(); }';
    assert.deepEqual(where(code, { filename: path.join(root, 'library', 'src', 'cli.ts') }), ['alone:script:bin']);
    assert.deepEqual(where(code, { filename: path.join(root, 'library', 'src', 'index.ts') }), ['alone:script:bin-package']);
    assert.deepEqual(where(code, { filename: path.join(root, 'commands', 'lib', 'index.ts') }), ['alone:script:script-folder']);
    assert.deepEqual(where(code, { filename: path.join(root, 'service', 'src', 'index.ts') }), ['concurrent:exported']);
    assert.deepEqual(
      where(`import express from 'express';\nexpress().get('/', async () => { probe(); });`, { filename: path.join(root, 'library', 'src', 'server.ts') }),
      ['concurrent:request-handler'],
    );
    assert.deepEqual(where(code, { filename: path.join(root, 'library', 'scripts', 'release.ts') }), ['alone:script:script-folder']);
    assert.deepEqual(where(code, { filename: path.join(root, 'create-app', 'src', 'steps.ts') }), ['alone:script:cli-package']);
    assert.deepEqual(where(code, { filename: path.join(root, 'commands', 'src', 'install.ts') }), ['alone:script:script-folder']);
  });

  it('counts a package whose only export is its bin target as a command-line program', () => {
    // `bin` and `exports` both name `dist/esm/index.js` (as tshy publishes a CLI): no library beside it
    const code = 'export async function run() { probe(); }';
    assert.deepEqual(where(code, { filename: path.join(root, 'deploy-cli', 'src', 'utilities', 'git-meta.ts') }), ['alone:script:cli-package']);
    // the same shape for a server started by name (`npx npx-server`, it depends on express): no CLI
    assert.deepEqual(where(code, { filename: path.join(root, 'npx-server', 'lib', 'pages.ts') }), ['alone:script:bin-package']);
  });
});

describe('where-it-runs: a project with no package.json above the file', () => {
  // a project that keeps its manifest in another folder (copied into place at install time)
  const project = path.join(path.parse(__dirname).root, 'no-manifest-project');
  const code = 'export async function upgrade() { probe(); }';
  it('counts script folders below the lint root', () => {
    assert.deepEqual(where(code, { filename: path.join(project, 'src', 'cli', 'upgrade.ts'), cwd: project }), ['alone:script:script-folder']);
  });

  it('does not count the folders above the lint root', () => {
    assert.deepEqual(where(code, { filename: path.join(project, 'src', 'routes', 'upgrade.ts'), cwd: project }), ['concurrent:exported']);
    const underScripts = path.join(path.parse(__dirname).root, 'scripts', 'service');
    assert.deepEqual(where(code, { filename: path.join(underScripts, 'src', 'upgrade.ts'), cwd: underScripts }), ['concurrent:exported']);
    const root = path.parse(__dirname).root;
    assert.deepEqual(where(code, { filename: path.join(root, 'scripts', 'service', 'upgrade.ts'), cwd: root }), ['concurrent:exported']);
  });
});

describe('where-it-runs: a desktop app', () => {
  const root = path.join(__dirname, '..', 'fixtures', 'run-contexts');
  it("takes the code of a package that depends on Electron for one person's app", () => {
    const code = 'export async function saveSettings(settings) { probe(); }';
    assert.deepEqual(where(code, { filename: path.join(root, 'desktop-app', 'src', 'settings.ts') }), ['alone:desktop-app']);
    assert.deepEqual(where(code, { filename: path.join(root, 'service', 'src', 'settings.ts') }), ['concurrent:exported']);
  });

  it('also when the package only pins the Electron version it runs on (a workspace installs it)', () => {
    const code = 'export async function saveSettings(settings) { probe(); }';
    assert.deepEqual(where(code, { filename: path.join(root, 'pinned-desktop-app', 'src', 'settings.ts') }), ['alone:desktop-app']);
  });

  it('takes a plugin package inside the app folder (its engines name the app) for part of the app', () => {
    const code = 'export async function exportMailbox(folder) { probe(); }';
    assert.deepEqual(where(code, { filename: path.join(root, 'pinned-desktop-app', 'plugins', 'sidebar', 'lib', 'main.ts') }), ['alone:desktop-app']);
    // the same plugin shape inside a server's folder runs where the server runs
    assert.deepEqual(where(code, { filename: path.join(root, 'service', 'plugins', 'audit', 'index.ts') }), ['concurrent:exported']);
  });

  it('still sees work started together there', () => {
    assert.deepEqual(
      where(`async function readCollection(dir) { probe(); }
export async function readAll(dirs) { return Promise.all(dirs.map((dir) => readCollection(dir))); }`, {
        filename: path.join(root, 'desktop-app', 'src', 'collections.ts'),
      }),
      ['concurrent:per-item'],
    );
  });
});

describe('where-it-runs: a configuration package', () => {
  const root = path.join(__dirname, '..', 'fixtures', 'run-contexts');
  it('takes the exported loaders of a package named for configuration for start-up code', () => {
    const code = 'export default async function normalize(options) { probe(); }';
    assert.deepEqual(where(code, { filename: path.join(root, 'runner-config', 'src', 'normalize.ts') }), ['alone:config-package']);
    assert.deepEqual(where(code, { filename: path.join(root, 'service', 'src', 'config.ts') }), ['concurrent:exported']);
  });

  it('still sees loaders started together there', () => {
    assert.deepEqual(
      where(`async function readProject(dir) { probe(); }
export async function readProjects(dirs) { return Promise.all(dirs.map((dir) => readProject(dir))); }`, {
        filename: path.join(root, 'runner-config', 'src', 'projects.ts'),
      }),
      ['concurrent:per-item'],
    );
  });
});

describe('where-it-runs: once per process', () => {
  it('sees an async function whose promise is memoised in module state or on the instance', () => {
    assert.deepEqual(
      where(`let socket;
let version;
let features;
let paths;
async function detectSocket() { probe(); }
async function detectVersion() { probe(); }
async function detectFeatures() { probe(); }
async function detectPaths() { probe(); }
export function getSocket() { socket ??= detectSocket(); return socket; }
export function getVersion() { return version ?? (version = detectVersion().then((v) => v.trim())); }
export function getFeatures() { if (!features) features = detectFeatures(); return features; }
export async function getPaths() {
  if (paths !== undefined) return paths;
  paths = detectPaths();
  return paths;
}
export class Client {
  #ready;
  async #connect() { probe(); }
  ready() { return (this.#ready ||= this.#connect()); }
}`),
      ['once', 'once', 'once', 'once', 'once'],
    );
  });

  it('follows what the memoised function awaits', () => {
    assert.deepEqual(
      where(`let probing;
async function runProbe() { probe(); }
async function detect() { return await runProbe(); }
export const available = () => (probing ??= detect());`),
      ['once'],
    );
  });

  it('does not take a cache keyed per value, a local, or a second unguarded call for once', () => {
    assert.deepEqual(
      where(`const byKey = new Map();
const byName = {};
let shared;
async function load(key) { probe(); }
async function read(name) { probe(); }
async function fetchAll() { probe(); }
export function get(key) { return byKey.get(key) ?? byKey.set(key, load(key)).get(key); }
export function named(name) { byName[name] ??= read(name); return byName[name]; }
export function all() {
  let local;
  local ??= fetchAll();
  shared = fetchAll();
  return [local, shared];
}`),
      ['concurrent:not-awaited', 'concurrent:not-awaited', 'concurrent:not-awaited'],
    );
  });

  it('keeps the strongest evidence when the memoised function is also started beside other work', () => {
    assert.deepEqual(
      where(`let cached;
async function scan(dir) { probe(); }
export function scanOnce(dir) { cached ??= scan(dir); return cached; }
export async function scanAll(dirs) { await Promise.all(dirs.map((dir) => scan(dir))); }`),
      ['concurrent:per-item'],
    );
  });
});

describe('where-it-runs: database migrations', () => {
  const root = path.join(__dirname, '..', 'fixtures', 'run-contexts', 'service');
  it('sees the up/down steps a module of a migrations folder exports, and what they await', () => {
    const inMigrations = { filename: path.join(root, 'db', 'migrations', '0007-split-names.ts'), sourceType: 'commonjs' as const };
    assert.deepEqual(
      where(`module.exports = { async up(db) { probe(); }, async down(db) { probe(); } };`, inMigrations),
      ['alone:migration', 'alone:migration'],
    );
    assert.deepEqual(
      where(`async function copyRows(db) { probe(); }\nexports.up = async function (db) { await copyRows(db); };`, inMigrations),
      ['alone:migration'],
    );
    assert.deepEqual(
      where(`export class AddIndex1700000000000 { async up(runner) { probe(); } }\nexport async function down() { probe(); }`, {
        filename: path.join(root, 'src', 'migration', 'AddIndex.ts'),
      }),
      ['alone:migration', 'alone:migration'],
    );
  });

  it('needs both the folder and the step name', () => {
    assert.deepEqual(
      where(`module.exports = { async up(db) { probe(); } };`, { filename: path.join(root, 'src', 'scale.ts'), sourceType: 'commonjs' }),
      ['concurrent:exported'],
    );
    assert.deepEqual(
      where(`module.exports = { async backfill(db) { probe(); } };`, {
        filename: path.join(root, 'db', 'migrations', 'helpers.ts'),
        sourceType: 'commonjs',
      }),
      ['concurrent:exported'],
    );
  });
});

describe('where-it-runs: private methods and start-up events', () => {
  it('runs a private method where the class\'s own this.name() calls run it', () => {
    assert.deepEqual(
      where(`export class Bot {
  constructor(client) {
    client.on('ready', () => { this.registerCommands(); });
    client.on('message', async (message) => { await this.#reply(message); });
  }
  private async registerCommands() { probe(); }
  async #reply(message) { probe(); }
  private async unused() { probe(); }
  async publicMethod() { probe(); }
}`),
      ['alone:startup-event', 'concurrent:event-handler<-(anonymous)', 'unknown', 'concurrent:exported'],
    );
  });

  it('sees listeners of start-up events', () => {
    assert.deepEqual(
      where(`export function start(server, client) {
  server.once('listening', async () => { probe(); });
  client.on('ready', async () => { probe(); });
  client.on('reconnect', async () => { probe(); });
}`),
      ['alone:startup-event', 'alone:startup-event', 'concurrent:event-handler'],
    );
  });
});

describe('where-it-runs: routines a program runs once when it starts', () => {
  it('sees start-up routines by name, also through a weak export, and the helpers only they await', () => {
    assert.deepEqual(
      where(`export class Plugins {
  static async refreshPluginsFromDisk() { probe(); await loadManifests(); }
  static async reloadThemesFromFolder() { probe(); }
}
async function loadManifests() { probe(); }
export async function init() { probe(); }
export async function bootstrap(app) { probe(); }
export async function setupRoutes({ prefix } = {}) { probe(); }
export const onModuleInit = async () => { probe(); };`),
      ['alone:start-up', 'alone:start-up', 'alone:start-up', 'alone:start-up', 'alone:start-up', 'alone:start-up', 'alone:start-up'],
    );
  });

  it('does not take a name for start-up when the routine is handed an item, serves for the life of the process, or serves requests', () => {
    assert.deepEqual(
      where(`export async function initPayment(order) { probe(); }
export async function startJob() { probe(); }
export async function start() {
  while (!stopped) { probe(); await next(); }
}
async function setup() { probe(); }
app.post('/setup', async (req, res) => { await setup(); res.end(); });
export async function syncFromRemote() { probe(); }`),
      ['concurrent:exported', 'concurrent:exported', 'concurrent:exported', 'concurrent:request-handler<-(anonymous)', 'concurrent:exported'],
    );
  });

  it('does not take the set-up of a per-request object, a page, a component or a nested function for the program start-up', () => {
    assert.deepEqual(
      where(`export class Cart {
  constructor(customer) { this.customer = customer; }
  async init() { probe(); }
}
export class Mailer {
  constructor(options) { this.options = options; }
  async init() { probe(); }
}
export class SearchService {
  constructor(private readonly index: Index) {}
  async onModuleInit() { probe(); }
}
export function render(items) {
  async function setup() { probe(); }
  return setup();
}`),
      ['concurrent:exported', 'concurrent:exported', 'alone:start-up', 'concurrent:exported<-render'],
    );
    assert.deepEqual(where(`import { onMounted } from 'vue';\nexport async function init() { probe(); }`), ['concurrent:exported']);
  });

  it('keeps a helper that a start-up routine and other code both await as the other code says', () => {
    assert.deepEqual(
      where(`async function readDefinitions() { probe(); }
export async function init() { await readDefinitions(); }
export async function render(page) { await readDefinitions(); }`),
      ['concurrent:exported<-render'],
    );
  });
});

describe('where-it-runs: configuration files of build and development tools', () => {
  it('runs a dev-server middleware of a tool config alone, but not tasks started together', () => {
    const code = `export default {
  plugins: [{ configureServer(server) { server.middlewares.use(async (req, res) => { probe(); }); } }],
  build: { async onEnd(files) { await Promise.all(files.map(async (file) => { probe(); })); } },
};
export async function helper() { probe(); }`;
    assert.deepEqual(where(code, { filename: 'vite.config.ts' }), ['alone:tool-config', 'concurrent:per-item', 'alone:tool-config']);
    assert.deepEqual(where(code, { filename: 'webpack.config.prod.ts' }), ['alone:tool-config', 'concurrent:per-item', 'alone:tool-config']);
    assert.deepEqual(where(code, { filename: 'auth.config.ts' }), ['concurrent:request-handler', 'concurrent:per-item', 'concurrent:exported']);
  });
});

describe('where-it-runs: worker threads', () => {
  it('sees the code of a worker file', () => {
    assert.deepEqual(
      where(`import { parentPort } from 'node:worker_threads';
async function handle(job) { probe(); }
parentPort.on('message', (job) => { handle(job).then((result) => parentPort.postMessage(result)); });`),
      ['worker-thread'],
    );
  });

  it('does not take a file that also starts workers for a worker', () => {
    assert.deepEqual(
      where(`import { Worker, isMainThread, parentPort } from 'node:worker_threads';
export async function run() { probe(); }`),
      ['concurrent:exported'],
    );
  });
});

describe('where-it-runs: a worker pool\'s module', () => {
  it('takes the exported functions of a module named for a worker for worker code', () => {
    const code = 'export async function worker(data) { probe(); }\nexport async function getSha1(data) { probe(); }';
    assert.deepEqual(where(code, { filename: 'src/worker.ts' }), ['worker-thread', 'worker-thread']);
    assert.deepEqual(where(code, { filename: 'src/testWorker.ts' }), ['worker-thread', 'worker-thread']);
    assert.deepEqual(where(code, { filename: 'src/hash.worker.ts' }), ['worker-thread', 'worker-thread']);
  });

  it('does not take a queue consumer, a pool owner or a file merely mentioning workers for one', () => {
    const code = 'export async function run(job) { probe(); }';
    assert.deepEqual(where(`import { Queue } from 'bullmq';\n${code}`, { filename: 'src/email-worker.ts' }), ['concurrent:exported']);
    assert.deepEqual(where(`${code}\nconst pool = new Worker('./task.js');`, { filename: 'src/worker.ts' }), ['concurrent:exported']);
    assert.deepEqual(where(code, { filename: 'src/workers.ts' }), ['concurrent:exported']);
    assert.deepEqual(where(code, { filename: 'src/networker.ts' }), ['concurrent:exported']);
  });

  it('still sees tasks started together inside the worker', () => {
    assert.deepEqual(
      where(`async function hashOne(file) { probe(); }
export async function worker(files) { return Promise.all(files.map((file) => hashOne(file))); }`, { filename: 'src/worker.ts' }),
      ['concurrent:per-item'],
    );
  });
});

describe('where-it-runs: unknown', () => {
  it('has no evidence for a private function nobody calls, or one stored elsewhere', () => {
    assert.deepEqual(
      where(`async function unused() { probe(); }
const handlers = { save: async () => { probe(); } };`),
      ['unknown', 'unknown'],
    );
  });
});

describe('where-it-runs: a program entry module', () => {
  /** `isProgramEntry()` of a file. */
  function isEntry(code: string, filename: string): boolean {
    const [answer] = runOnCode<boolean>(code, (context, collect) => ({ Program: () => collect(getWhereItRuns(context).isProgramEntry()) }), { filename });
    return answer === true;
  }
  const starts = 'async function bootstrap() { await listen(3000); }\nbootstrap();';

  it('is an entry-named module that starts its own async function and exports nothing', () => {
    assert.equal(isEntry(starts, 'src/main.ts'), true);
    assert.equal(isEntry(starts, 'app/server.ts'), true);
    // a worker process's entry, which the application's start file spawns
    assert.equal(isEntry('async function init() { await migrate(); poll(); }\ninit();', 'apps/worker/worker.ts'), true);
  });

  it('is not a module with other names, or one that exports a value', () => {
    assert.equal(isEntry(starts, 'src/users.ts'), false);
    assert.equal(isEntry(`${starts}\nexport const port = 3000;`, 'src/main.ts'), false);
    assert.equal(isEntry(`${starts}\nexports.port = 3000;`, 'src/index.ts'), false);
    assert.equal(isEntry(`${starts}\nexport const queue = [];`, 'src/worker.ts'), false);
    assert.equal(isEntry('async function bootstrap() {}\nexport default bootstrap;', 'src/main.ts'), false);
  });
});

describe('where-it-runs: browser UI files', () => {
  /** `runsInUi()` of a file. */
  function ui(code: string, filename = 'file.ts'): boolean {
    const [answer] = runOnCode<boolean>(code, (context, collect) => ({ Program: () => collect(getWhereItRuns(context).runsInUi()) }), { filename });
    return answer ?? false;
  }

  it('sees UI framework imports, client directives and UI folders', () => {
    assert.equal(ui(`import { useState } from 'react';\nexport const x = 1;`), true);
    assert.equal(ui(`import { Component } from '@angular/core';\nexport const x = 1;`), true);
    assert.equal(ui(`'use client';\nexport const x = 1;`), true);
    assert.equal(ui('export const x = 1;', path.join('app', 'composables', 'timeline.ts')), true);
  });

  it('sees browser scripts without a framework: AMD modules, jQuery, page scripts of a static folder', () => {
    assert.equal(ui(`define(['api', 'alerts'], function (api, alerts) {\n  return { init() {} };\n});`), true);
    assert.equal(ui(`define('forum/page', ['api'], (api) => ({}));`), true);
    assert.equal(ui(`import $ from 'jquery';\nexport const x = 1;`), true);
    const page = path.join('site', 'public', 'src', 'admin', 'rules.ts');
    assert.equal(ui(`export function init() { document.querySelector('#rules').focus(); }`, page), true);
    assert.equal(ui(`export function init() { $('#rules').on('click', save); }`, page), true);
  });

  it('typed: sees a program compiled as a page bundle (DOM lib, a bundler\'s client types, no Node types)', () => {
    /** The parser's services with a program whose compiler options are `options` (only those are read). */
    const compiledWith = (options: { types?: string[]; lib?: string[] }): Linter.Parser => ({
      parseForESLint(code: string, parserOptions: unknown) {
        const parsed = tsParser.parseForESLint(code, parserOptions as never);
        return { ...parsed, services: { ...parsed.services, program: { getCompilerOptions: () => options } } } as never;
      },
    });
    const uiWith = (options: { types?: string[]; lib?: string[] }): boolean =>
      runOnCode<boolean>('export const x = 1;', (context, collect) => ({ Program: () => collect(getWhereItRuns(context).runsInUi()) }), { parser: compiledWith(options) })[0] ?? false;
    assert.equal(uiWith({ types: ['vite/client'], lib: ['lib.dom.d.ts', 'lib.esnext.d.ts'] }), true);
    // Node's types beside them, no DOM lib, no bundler types, or no types list at all: not a page
    assert.equal(uiWith({ types: ['vite/client', 'node'], lib: ['lib.dom.d.ts'] }), false);
    assert.equal(uiWith({ types: ['vite/client'], lib: ['lib.es2022.d.ts'] }), false);
    assert.equal(uiWith({ types: [], lib: ['lib.dom.d.ts'] }), false);
    assert.equal(uiWith({ lib: ['lib.dom.d.ts'] }), false);
  });

  it('does not take a local define(), or a static-folder file that does not touch the page, for UI', () => {
    assert.equal(ui(`function define(name, factory) { registry[name] = factory(); }\ndefine('a', function () { return 1; });`), false);
    assert.equal(ui(`export const routes = ['/a', '/b'];`, path.join('site', 'public', 'routes.ts')), false);
    assert.equal(ui(`export function init() { document.querySelector('#x'); }`, path.join('site', 'src', 'init.ts')), false);
  });

  it('does not take server code, server actions or a .tsx file without JSX for UI', () => {
    assert.equal(ui(`import express from 'express';\nexport const x = 1;`), false);
    assert.equal(ui(`'use server';\nimport { cache } from 'react';\nexport const x = 1;`), false);
    assert.equal(ui('export const x = 1;', 'util.tsx'), false);
  });
});

describe('where-it-runs: a rejection at the top level ends a program', () => {
  /** `topLevelRejectionEndsProgram()` of a file. */
  function endsProgram(code: string, filename: string): boolean {
    const [answer] = runOnCode<boolean>(code, (context, collect) => ({ Program: () => collect(getWhereItRuns(context).topLevelRejectionEndsProgram()) }), { filename });
    return answer ?? false;
  }
  const start = 'async function main() { await run(); }\nmain();';

  it('in a script by its path, a shebang file, or an entry module starting its own async function', () => {
    assert.equal(endsProgram('export const x = 1;', path.join('tools', 'scripts', 'seed.ts')), true);
    assert.equal(endsProgram('export const x = 1;', path.join('src', 'cli-upload.ts')), true);
    assert.equal(endsProgram(`#!/usr/bin/env node\n${start}`, path.join('src', 'tool.ts')), true);
    assert.equal(endsProgram(start, path.join('src', 'main.ts')), true);
  });

  it('not in a library module that starts an async function on import', () => {
    assert.equal(endsProgram(start, path.join('src', 'cache.ts')), false);
    assert.equal(endsProgram('export const x = 1;', path.join('src', 'cache.ts')), false);
  });
});

describe('where-it-runs: test code', () => {
  const gathered = 'async function step() { probe(); }\nexport async function setUp() { await Promise.all([step(), step()]); }';
  it('takes test files, test folders and test helper folders for test code, even for tasks started together', () => {
    assert.deepEqual(where(gathered, { filename: path.join('src', 'orders', 'orders.service.spec.ts') }), ['alone:test-code']);
    assert.deepEqual(where(gathered, { filename: path.join('packages', 'engine', '__tests__', 'helpers', 'fixture.ts') }), ['alone:test-code']);
    assert.deepEqual(where(gathered, { filename: path.join('libs', 'test-helpers', 'src', 'repo.ts') }), ['alone:test-code']);
  });

  it('takes a file that imports a test framework or declares suites with its globals for test code', () => {
    assert.deepEqual(where(`import sinon from 'sinon';\n${gathered}`), ['alone:test-code']);
    assert.deepEqual(where(`${gathered}\ndescribe('orders', () => {});`), ['alone:test-code']);
  });

  it('does not take a sample project inside a test folder, a test runner or a local describe for test code', () => {
    assert.deepEqual(where(gathered, { filename: path.join('test', 'fixtures', 'app', 'src', 'setup.ts') }), ['concurrent:gathered']);
    assert.deepEqual(where(gathered, { filename: path.join('packages', 'test-runner', 'src', 'setup.ts') }), ['concurrent:gathered']);
    // a plain tests/ folder also holds sample servers and labelled corpora: its files say by themselves when they are tests
    assert.deepEqual(where(gathered, { filename: path.join('tests', 'realistic', 'corpus', 'setup.ts') }), ['concurrent:gathered']);
    assert.deepEqual(where(`function describe(name) { return name; }\n${gathered}\ndescribe('x');`), ['concurrent:gathered']);
  });
});

describe('where-it-runs: an editor extension', () => {
  const root = path.join(__dirname, '..', 'fixtures', 'run-contexts');
  it("takes the code of an editor extension for one person's editor, also work started without waiting", () => {
    const code = 'export async function install(tool) { probe(); }\nexport async function onCommand(tool) { install(tool); await report(tool); }';
    assert.deepEqual(where(code, { filename: path.join(root, 'editor-extension', 'src', 'install.ts') }), ['alone:editor-extension']);
    assert.deepEqual(where(code, { filename: path.join(root, 'service', 'src', 'install.ts') }), ['concurrent:not-awaited']);
  });

  it('still sees work started together there', () => {
    const code = 'async function version(tool) { probe(); }\nexport async function versions(tools) { return Promise.all(tools.map((tool) => version(tool))); }';
    assert.deepEqual(where(code, { filename: path.join(root, 'editor-extension', 'src', 'versions.ts') }), ['concurrent:per-item']);
  });
});

describe('where-it-runs: modules that are always there to load', () => {
  /** `alwaysLoads(specifier)` asked in a file of the given package folder under the fixtures. */
  function loads(specifier: string, packageFolder: string): boolean {
    const filename = path.join(__dirname, '..', 'fixtures', 'run-contexts', packageFolder, 'src', 'load.ts');
    const [answer] = runOnCode<boolean>('export const x = 1;', (context, collect) => ({ Program: () => collect(getWhereItRuns(context).alwaysLoads(specifier)) }), { filename });
    return answer ?? false;
  }

  it('a Node built-in, with or without its prefix, and a package listed under dependencies (also a subpath)', () => {
    assert.equal(loads('node:http', 'service'), true);
    assert.equal(loads('fs/promises', 'service'), true);
    assert.equal(loads('pg', 'synced-app'), true);
    assert.equal(loads('pg/lib/client', 'synced-app'), true);
  });

  it('not a dev dependency, an undeclared package, a relative module or an unknown node: name', () => {
    assert.equal(loads('electron', 'desktop-app'), false);
    assert.equal(loads('got', 'synced-app'), false);
    assert.equal(loads('./pg', 'synced-app'), false);
    assert.equal(loads('node:pg', 'synced-app'), false);
  });
});

describe('where-it-runs: the main process of an Electron app, read from its package', () => {
  const root = path.join(__dirname, '..', 'fixtures', 'run-contexts');
  /** `hostLogsRejections()`, `inElectronAppMain()` and `inElectronAppWindow()` for `code` linted as `file`. */
  function host(code: string, file: string): [boolean, boolean, boolean] {
    const [answer] = runOnCode<[boolean, boolean, boolean]>(
      code,
      (context, collect) => ({
        Program() {
          const where = getWhereItRuns(context);
          collect([where.hostLogsRejections(), where.inElectronAppMain(), where.inElectronAppWindow()]);
        },
      }),
      { filename: file },
    );
    return answer ?? [false, false, false];
  }
  const app = path.join(root, 'packaged-desktop-app');
  const backend = 'import { spawn } from "node:child_process";\nexport async function download(url) { return spawn("curl", [url]); }';

  it('takes a back-end module of a packaged app (electron, a packager and a main) for the main process', () => {
    assert.deepEqual(host(backend, path.join(app, 'src', 'main', 'downloads.ts')), [true, true, false]);
  });

  it('not a package that only tests against Electron, nor a plain Node package', () => {
    // electron as a dev dependency and a main, but nothing that packages an app
    assert.deepEqual(host(backend, path.join(root, 'desktop-app', 'src', 'downloads.ts')), [false, false, false]);
    assert.deepEqual(host(backend, path.join(root, 'service', 'src', 'downloads.ts')), [false, false, false]);
  });

  it("a window's module is the app's window, not its main process; not the app's child programs, servers, scripts, tests or end-to-end helpers", () => {
    const file = path.join(app, 'src', 'main', 'other.ts');
    // a page's globals: a window's module, whose host (the window) logs a lost rejection too; a
    // local variable named like one is no page
    assert.deepEqual(host(`${backend}\nexport const width = window.innerWidth;`, file), [true, false, true]);
    assert.deepEqual(host(`${backend}\nexport function place(window) { return window.bounds; }`, file), [true, true, false]);
    // a child or utility process, a program with its own rejection handler, a framework server
    assert.deepEqual(host(`${backend}\nprocess.on('message', (job) => download(job.url));`, file), [false, false, false]);
    assert.deepEqual(host(`${backend}\nprocess.parentPort.on('message', (e) => download(e.data));`, file), [false, false, false]);
    assert.deepEqual(host(`${backend}\nprocess.on('unhandledRejection', (e) => console.error(e));`, file), [false, false, false]);
    assert.deepEqual(host(`import express from 'express';\n${backend}`, file), [false, false, false]);
    // the app's release script and its tests run under plain Node
    assert.deepEqual(host(backend, path.join(app, 'scripts', 'release.ts')), [false, false, false]);
    assert.deepEqual(host(backend, path.join(app, 'src', 'main', 'downloads.test.ts')), [false, false, false]);
    // its end-to-end helpers (by their folder, or by a browser automation import) drive it from
    // plain Node, though the functions they hand the page read its globals
    const e2e = `import { _electron as electron } from 'playwright';\nexport async function reset(page) { await page.evaluate(() => window.localStorage.clear()); }`;
    assert.deepEqual(host(e2e, path.join(app, 'e2e', 'helpers.ts')), [false, false, false]);
    assert.deepEqual(host(e2e.replace('playwright', './driver'), path.join(app, 'e2e', 'helpers.ts')), [false, false, false]);
    assert.deepEqual(host(e2e, path.join(app, 'src', 'smoke', 'launch.ts')), [false, false, false]);
    assert.deepEqual(host(e2e.replace('playwright', './driver'), path.join(app, 'src', 'smoke', 'launch.ts')), [true, false, true]);
  });
});

describe('where-it-runs: functions of a platform that hands each instance one event at a time', () => {
  const root = path.join(__dirname, '..', 'fixtures', 'run-contexts');
  const code = 'export async function resize(event) { probe(); }';
  it('takes every module of a Serverless Framework service for AWS, or of a SAM project, for Lambda code', () => {
    assert.deepEqual(where(code, { filename: path.join(root, 'lambda-service', 'src', 'handler.ts') }), ['alone:function-host']);
    assert.deepEqual(where(code, { filename: path.join(root, 'lambda-service', 'src', 'lib', 'images.ts') }), ['alone:function-host']);
    assert.deepEqual(where(code, { filename: path.join(root, 'sam-app', 'export-orders', 'app.ts') }), ['alone:function-host']);
  });

  it('takes a file that imports the Lambda or Netlify function types, or lies in a Netlify functions folder', () => {
    const typed = `import type { S3Handler } from 'aws-lambda';\nexport const handler: S3Handler = async (event) => { probe(); };`;
    assert.deepEqual(where(typed, { filename: path.join(root, 'service', 'src', 'on-upload.ts') }), ['alone:function-host']);
    const netlify = `import type { Handler } from '@netlify/functions';\nexport const handler: Handler = async (event) => { probe(); };`;
    assert.deepEqual(where(netlify, { filename: path.join(root, 'service', 'src', 'hello.ts') }), ['alone:function-host']);
    assert.deepEqual(where(code, { filename: path.join(root, 'service', 'netlify', 'functions', 'resize.ts') }), ['alone:function-host']);
    assert.deepEqual(where(code, { filename: path.join(root, 'functions-site', 'netlify-custom', 'fns', 'resize.ts') }), ['alone:function-host']);
    assert.deepEqual(where(code, { filename: path.join(root, 'functions-site', 'src', 'resize.ts') }), ['concurrent:exported']);
  });

  it("takes a Vercel project's api/ files only when its vercel.json turns fluid compute off", () => {
    assert.deepEqual(where(code, { filename: path.join(root, 'vercel-nonfluid-app', 'api', 'resize.ts') }), ['alone:function-host']);
    assert.deepEqual(where(code, { filename: path.join(root, 'vercel-nonfluid-app', 'lib', 'resize.ts') }), ['concurrent:exported']);
    // Fluid compute (several invocations per instance) is on by default and set in the dashboard:
    // a vercel.json that does not say `"fluid": false` says nothing about it.
    assert.deepEqual(where(code, { filename: path.join(root, 'vercel-app', 'api', 'resize.ts') }), ['concurrent:exported']);
    assert.deepEqual(where(code, { filename: path.join(root, 'vercel-fluid-app', 'api', 'resize.ts') }), ['concurrent:exported']);
  });

  it('does not take platforms whose instances serve several requests at once', () => {
    assert.deepEqual(where(code, { filename: path.join(root, 'azure-service', 'src', 'handler.ts') }), ['concurrent:exported']);
  });

  it('still sees work started together inside one event, and a route of a server', () => {
    const gathered = `async function resizeOne(key) { probe(); }
export async function resize(event) { await Promise.all(event.Records.map((record) => resizeOne(record.key))); }`;
    assert.deepEqual(where(gathered, { filename: path.join(root, 'lambda-service', 'src', 'handler.ts') }), ['concurrent:per-item']);
    assert.deepEqual(
      where(`import express from 'express';\nexpress().get('/resize', async () => { probe(); });`, { filename: path.join(root, 'lambda-service', 'src', 'app.ts') }),
      ['concurrent:request-handler'],
    );
  });
});

describe('where-it-runs: seed and migration programs', () => {
  const root = path.join(__dirname, '..', 'fixtures', 'run-contexts');
  /** `isOneShotTask()` and `runsInMigration()` (at the top level) of a file. */
  function task(code: string, filename: string): [boolean, boolean] {
    const [answer] = runOnCode<[boolean, boolean]>(code, (context, collect) => ({
      Program: (node) => collect([getWhereItRuns(context).isOneShotTask(), getWhereItRuns(context).runsInMigration(node)]),
    }), { filename });
    return answer ?? [false, false];
  }
  const program = 'async function main() { await db.product.createMany({ data: products }); }\nmain();';
  const seedModule = 'export async function seedWorkspace(db, workspaceId) { await db.insert(workspaceId); }';

  it('takes a program that a seed or migrate step of the package scripts runs (or Prisma\'s seed command) for one', () => {
    assert.deepEqual(task(program, path.join(root, 'seeded-app', 'src', 'fixtures', 'load-demo-data.ts')), [true, true]);
    assert.deepEqual(task(program, path.join(root, 'seeded-app', 'tools', 'apply-schema.ts')), [true, true]);
    assert.deepEqual(task(program, path.join(root, 'seeded-app', 'src', 'demo', 'catalog.ts')), [true, true]);
  });

  it('not a file that the script of a step only runs beside the application, nor one that starts the application', () => {
    // `start:migrate`, `dev:seed`: named for starting the application, which runs after the step
    assert.deepEqual(task(program, path.join(root, 'seeded-app', 'src', 'reports.ts')), [false, false]);
    assert.deepEqual(task(program, path.join(root, 'seeded-app', 'src', 'demo', 'sample-shop.ts')), [false, false]);
    // `migrate:deploy` names the server, which `start` and the package's main name too
    assert.deepEqual(task(program, path.join(root, 'seeded-app', 'src', 'server.ts')), [false, false]);
  });

  it('not the application that a script named for production or a variant of start runs, when a migrate step starts it too', () => {
    // `prod`, `start-worker` start the application; `db:migrate` and `migrate` run it after migrating
    assert.deepEqual(task(program, path.join(root, 'prod-started-app', 'src', 'index.ts')), [false, false]);
    assert.deepEqual(task(program, path.join(root, 'prod-started-app', 'src', 'worker.ts')), [false, false]);
    // the seed program of the same package is still one
    assert.deepEqual(task(program, path.join(root, 'prod-started-app', 'src', 'seed.ts')), [true, true]);
  });

  it('a program that a start variant named for a seed or migrate step runs as its step: still a seed or migration program', () => {
    // `prod:seed`, `dev-seed` run the seed itself; `start:migrate` runs the migration, then the server
    assert.deepEqual(task(program, path.join(root, 'seed-variant-app', 'src', 'load-rota.ts')), [true, true]);
    assert.deepEqual(task(program, path.join(root, 'seed-variant-app', 'scripts', 'demo-data.ts')), [true, true]);
    assert.deepEqual(task(program, path.join(root, 'seed-variant-app', 'src', 'apply-schema.ts')), [true, true]);
    // what `start:migrate` runs after the step starts the application, though `migrate` names it too
    assert.deepEqual(task(program, path.join(root, 'seed-variant-app', 'src', 'server.ts')), [false, false]);
  });

  it('not a module that a step hands to its tool, nor one that exports its seeding, whatever its name and place', () => {
    // `typeorm migration:run -d src/data-source.ts`: the application's shared data source
    assert.deepEqual(task('export const source = new DataSource(options);', path.join(root, 'seeded-app', 'src', 'data-source.ts')), [false, false]);
    // a database script's file that only exports: it is called, perhaps per request, not run
    assert.deepEqual(task(seedModule, path.join(root, 'seeded-app', 'src', 'fixtures', 'load-demo-data.ts')), [false, false]);
    // demo data seeded per sign-up, kept in the application's db folder
    assert.deepEqual(task(seedModule, path.join(root, 'service', 'src', 'db', 'seed.ts')), [false, false]);
    assert.deepEqual(where('export async function seedWorkspace(db, workspaceId) { probe(); }', { filename: path.join(root, 'service', 'src', 'db', 'seed.ts') }), ['concurrent:exported']);
  });

  it('takes a program named for the task, or in a folder of seeds, that starts its own work and exports nothing', () => {
    assert.deepEqual(task(program, path.join(root, 'service', 'prisma', 'seed.ts')), [true, true]);
    assert.deepEqual(task(program, path.join(root, 'service', 'src', 'db', 'seeds', 'products.ts')), [true, true]);
    // its functions run alone as any program's that starts its own work
    assert.deepEqual(where('async function main() { probe(); }\nmain();', { filename: path.join(root, 'service', 'prisma', 'seed.ts') }), ['alone:main']);
  });
});

describe('where-it-runs: a plugin of a command-line tool', () => {
  const root = path.join(__dirname, '..', 'fixtures', 'run-contexts');
  it("takes a class that hooks the tool's lifecycle events (a Serverless Framework plugin) for the tool's one-shot steps", () => {
    const plugin = `class SyncPlugin {
  constructor(serverless, options) {
    this.hooks = { 'after:deploy:deploy': this.sync.bind(this) };
  }
  async sync() { probe(); }
}
module.exports = SyncPlugin;`;
    assert.deepEqual(where(plugin, { filename: path.join(root, 'service', 'plugins', 'sync', 'index.ts'), sourceType: 'commonjs' }), ['alone:script:cli-plugin']);
    // hooks keyed by plain names are no lifecycle events (a component's or a library's hooks)
    const named = `export class Store {
  constructor() { this.hooks = { save: [] }; }
  async save() { probe(); }
}`;
    assert.deepEqual(where(named, { filename: path.join(root, 'service', 'src', 'store.ts') }), ['concurrent:exported']);
    // an event-keyed hook table of a server: `'message:send'` runs per message, and nothing says the
    // tool is the Serverless Framework (no `serverless` handed in, no `before:`/`after:` step)
    const chat = `export class ChatServer {
  constructor(io) { this.hooks = { 'message:send': (m) => this.onSend(m) }; }
  async onSend(m) { probe(); }
}`;
    assert.deepEqual(where(chat, { filename: path.join(root, 'service', 'src', 'chat.ts') }), ['concurrent:exported']);
    // an ORM's or an event host's hooks keyed `before:save`, `after:create`: run per record, not
    // a step of a command (a Serverless step names the command and its event)
    const model = `export class Ledger {
  constructor(db) { this.hooks = { 'before:save': (row) => this.stamp(row), 'after:create': (row) => this.audit(row) }; }
  async audit(row) { probe(); }
}`;
    assert.deepEqual(where(model, { filename: path.join(root, 'service', 'src', 'ledger.ts') }), ['concurrent:exported']);
    // a hook that runs after a step of a command is the tool's lifecycle, whatever the constructor takes
    const after = `export class Notify {
  constructor(sls) { this.hooks = { 'after:deploy:deploy': () => this.send() }; }
  async send() { probe(); }
}`;
    assert.deepEqual(where(after, { filename: path.join(root, 'service', 'plugins', 'notify.ts') }), ['alone:script:cli-plugin']);
    // where its functions run, and nothing else: the tool loads the module, which is no program of
    // its own whose top-level rejection ends it
    const [ends] = runOnCode<boolean>(`${after}\nwarmUp();`, (context, collect) => ({ Program: () => collect(getWhereItRuns(context).topLevelRejectionEndsProgram()) }), {
      filename: path.join(root, 'service', 'plugins', 'notify.ts'),
    });
    assert.equal(ends, false);
  });
});

describe("where-it-runs: an editor extension's activation", () => {
  const root = path.join(__dirname, '..', 'fixtures', 'run-contexts');
  it('takes the module-level activate of an editor extension for its start-up, whatever it is handed', () => {
    const code = 'export async function activate(context) { probe(); }';
    assert.deepEqual(where(code, { filename: path.join(root, 'editor-extension', 'src', 'extension.ts') }), ['alone:start-up']);
    // the same name elsewhere activates an item (an account, a licence)
    assert.deepEqual(where(code, { filename: path.join(root, 'service', 'src', 'accounts.ts') }), ['concurrent:exported']);
    // a method named so is an object's own step
    assert.deepEqual(
      where('export class Licence { async activate(key) { probe(); } }', { filename: path.join(root, 'editor-extension', 'src', 'licence.ts') }),
      ['alone:editor-extension'],
    );
  });

  it("takes only the activate the editor calls: the main module's export, or one handed the extension's context", () => {
    // exported from the module the package's main names (out/extension.js, from src/extension.ts)
    assert.deepEqual(where('export async function activate(host) { probe(); }', { filename: path.join(root, 'editor-extension', 'src', 'extension.ts') }), ['alone:start-up']);
    // typed as the extension's context, in another module
    assert.deepEqual(
      where("import type { ExtensionContext } from 'vscode';\nexport async function activate(host: ExtensionContext) { probe(); }", { filename: path.join(root, 'editor-extension', 'src', 'boot.ts') }),
      ['alone:start-up'],
    );
    // handed a \`context\` in another module that uses the editor's API: the extension's context
    assert.deepEqual(
      where("import * as vscode from 'vscode';\nexport async function activate(context) { probe(); }", { filename: path.join(root, 'editor-extension', 'src', 'startup.ts') }),
      ['alone:start-up'],
    );
    // a \`context\` typed as something else, or named so in a module that never touches the editor's API:
    // an item's activation (a view's row, a tree item)
    assert.deepEqual(
      where("import { window } from 'vscode';\nexport async function activate(context: ItemContext) { probe(); }", { filename: path.join(root, 'editor-extension', 'src', 'views', 'items.ts') }),
      ['alone:editor-extension'],
    );
    assert.deepEqual(
      where("import { loadRow } from './rows';\nexport async function activate(context) { probe(); }", { filename: path.join(root, 'editor-extension', 'src', 'views', 'rows.ts') }),
      ['alone:editor-extension'],
    );
    // a per-item activate of another module, run from a command per click
    const perItem = `import { commands } from 'vscode';
export async function activate(account) { probe(); }
commands.registerCommand('accounts.activate', (account) => activate(account));`;
    assert.deepEqual(where(perItem, { filename: path.join(root, 'editor-extension', 'src', 'views', 'accounts.ts') }), ['alone:editor-extension']);
  });
});

describe('where-it-runs: a program run by hand, once', () => {
  const APP = path.join(__dirname, '..', 'fixtures', 'run-contexts', 'hand-run-app');
  const ADMIN = path.join(__dirname, '..', 'fixtures', 'run-contexts', 'admin-scripts', 'bin');
  /** `oneShotProgram()` of a file (named `.ts`: `.js` targets of the manifest match by their name without the extension). */
  function oneShot(code: string, filename: string): string | null {
    const [answer] = runOnCode<string | null>(code, (context, collect) => ({ Program: () => collect(getWhereItRuns(context).oneShotProgram()) }), { filename });
    return answer ?? null;
  }
  const run = 'async function main() { await fetch(process.argv[2]); }\nmain();';

  it('is an example, an admin or maintainer script, a task runner, a build-time plugin', () => {
    assert.equal(oneShot(run, path.join(APP, 'Example', 'bot.ts')), 'example');
    assert.equal(oneShot('export const sample = 1;', path.join(APP, 'examples', 'upload', 'helpers.ts')), 'example');
    assert.equal(oneShot(run, path.join(APP, 'scripts', 'reindex.ts')), 'hand-run-folder');
    assert.equal(oneShot(run, path.join(APP, 'bin', 'repair-notes.ts')), 'hand-run-folder');
    assert.equal(oneShot(run, path.join(ADMIN, 'repair.ts')), 'hand-run-folder');
    assert.equal(oneShot(run, path.join(APP, 'devtools', 'pin.ts')), 'hand-run-folder');
    assert.equal(oneShot('module.exports = { async docs() {} };', path.join(APP, 'tasks.ts')), 'task-runner');
    assert.equal(oneShot(`#!/usr/bin/env node\n${run}`, path.join(APP, 'release.ts')), 'task-runner');
    assert.equal(oneShot("const { withDangerousMod } = require('@expo/config-plugins');", path.join(APP, 'plugins', 'with-config.ts')), 'build-time');
  });

  it('is not the application, a published command, a start file, test code, nor a program that keeps running', () => {
    assert.equal(oneShot(run, path.join(APP, 'src', 'lib', 'sync.ts')), null);
    assert.equal(oneShot(run, path.join(APP, 'cli', 'notes.ts')), null);
    assert.equal(oneShot(run, path.join(APP, 'cli', 'export.ts')), null);
    assert.equal(oneShot(run, path.join(APP, 'preview.ts')), null);
    assert.equal(oneShot(run, path.join(APP, 'housekeeping.ts')), null);
    assert.equal(oneShot(run, path.join(APP, 'scripts', 'reindex.test.ts')), null);
    assert.equal(oneShot('export const pin = 1;', path.join(APP, 'devtools', 'pin.ts')), null);
    assert.equal(oneShot('export const retries = 3;', path.join(APP, 'scripts', 'settings.ts')), null);
    assert.equal(oneShot(`${run}\nrequire('node:http').createServer(handle).listen(8080);`, path.join(APP, 'bin', 'serve.ts')), null);
    assert.equal(oneShot(`import express from 'express';\n${run}`, path.join(APP, 'scripts', 'dev-server.ts')), null);
    assert.equal(oneShot(`${run}\nsetInterval(main, 60_000);`, path.join(APP, 'scripts', 'poll.ts')), null);
    assert.equal(oneShot(`#!/usr/bin/env node\n${run}\nrequire('node:http').createServer(handle).listen(8080);`, path.join(APP, 'serve.ts')), null);
  });
});
