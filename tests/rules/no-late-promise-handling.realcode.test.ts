import path from 'node:path';
import type { InvalidTestCase } from '@typescript-eslint/rule-tester';
import rule, { type MessageIds, type Options } from '../../src/rules/no-late-promise-handling';
import { FIXTURES_DIR, ruleTester } from '../rule-tester';

/**
 * Classes of early-started promises found on real code (held-out review, blind set 8): silent where
 * nothing can reject the promise while the function waits (its settlers are not working yet, or it
 * only ever resolves), reported where a near shape can.
 */

const filename = path.join(FIXTURES_DIR, 'file.ts');
/** A file of an editor extension (its package.json has `engines.vscode`). */
const extensionFile = path.join(FIXTURES_DIR, 'run-contexts', 'editor-extension', 'src', 'panel.ts');
/**
 * A main-process module of a packaged Electron app that imports nothing from `electron` (its
 * package names `electron`, `electron-builder` and a `main`): Electron logs a rejection there.
 */
const desktopBackendFile = path.join(FIXTURES_DIR, 'run-contexts', 'packaged-desktop-app', 'src', 'main', 'panel-data.ts');

/** A module of a bot whose entry module logs the errors it recognises and exits on the others (its own rejection policy). */
const policyBotFile = path.join(FIXTURES_DIR, 'run-contexts', 'policy-bot', 'src', 'commands', 'panel.ts');

/** A route of that bot's dashboard that starts a query early and answers with both results. */
const ROUTE_PREFETCH = `
export function mount(app) {
  app.get('/stats', async (req, res) => {
    const totals = loadTotals();
    const users = await loadUsers();
    res.json({ users, totals: await totals });
  });
}`;

/** A template lookup started early, then another wait: the shape the UI and editor-host cases share. */
const PREFETCH = `
export async function openPanel(repo, view) {
  const template = repo.loadTemplate();
  const branches = await repo.listBranches();
  view.show(branches, await template);
}`;

// @typescript-eslint/rule-tester pins its own copy of utils; the rule is the same object at run time.
const testedRule = rule as unknown as Parameters<typeof ruleTester.run<MessageIds, Options>>[1];

type Invalid = InvalidTestCase<MessageIds, Options>;

/** The one report of `name` (declared at `line`, `column`), waited past at `waitLine`, handled at `handledLine`, with the catch suggestion. */
function lateReport(name: string, line: number, column: number, waitLine: number, handledLine: number, output: string): Invalid['errors'][number] {
  return {
    messageId: 'lateHandling',
    data: { name, line: waitLine, handledLine },
    line,
    column,
    suggestions: [{ messageId: 'suggestCatch', data: { name }, output }],
  };
}

const invalid: Invalid[] = [
  // the archive is started (piped) before the function waits for it to finish writing
  {
    code: `
async function pack(source, sink, Archive) {
  const archive = new Archive({ level: 9 });
  const packed = new Promise((resolve, reject) => {
    archive.once('end', resolve);
    archive.once('error', reject);
  });
  archive.pipe(sink);
  await checkSpace(sink);
  await archive.finalize();
  await packed;
}`,
    errors: [
      lateReport(
        'packed',
        4,
        18,
        9,
        11,
        `
async function pack(source, sink, Archive) {
  const archive = new Archive({ level: 9 });
  const packed = new Promise((resolve, reject) => {
    archive.once('end', resolve);
    archive.once('error', reject);
  });
  packed.catch(() => {});
  archive.pipe(sink);
  await checkSpace(sink);
  await archive.finalize();
  await packed;
}`,
      ),
    ],
  },
  // a stream handed in may already be flowing: its error can come during the wait
  {
    code: `
async function upload(body, target) {
  const finished = new Promise((resolve, reject) => {
    body.once('error', reject);
    body.once('end', resolve);
  });
  await target.open();
  body.pipe(target);
  await finished;
}`,
    errors: [
      lateReport(
        'finished',
        3,
        20,
        7,
        9,
        `
async function upload(body, target) {
  const finished = new Promise((resolve, reject) => {
    body.once('error', reject);
    body.once('end', resolve);
  });
  finished.catch(() => {});
  await target.open();
  body.pipe(target);
  await finished;
}`,
      ),
    ],
  },
  // a worker starts as it is made: its error can come during the wait
  {
    code: `
async function run(file, job) {
  const worker = new Worker(file);
  const result = new Promise((resolve, reject) => {
    worker.once('message', resolve);
    worker.once('error', reject);
  });
  await job.prepare();
  worker.postMessage(job.data);
  return await result;
}`,
    errors: [
      lateReport(
        'result',
        4,
        18,
        8,
        10,
        `
async function run(file, job) {
  const worker = new Worker(file);
  const result = new Promise((resolve, reject) => {
    worker.once('message', resolve);
    worker.once('error', reject);
  });
  result.catch(() => {});
  await job.prepare();
  worker.postMessage(job.data);
  return await result;
}`,
      ),
    ],
  },
  // an ioredis client connects as it is made: its connection error can come during the wait
  {
    code: `
const Redis = require('ioredis');
async function start(url) {
  const redis = new Redis(url);
  const ready = new Promise((resolve, reject) => {
    redis.once('ready', resolve);
    redis.once('error', reject);
  });
  const config = await loadConfig();
  await ready;
  return { redis, config };
}`,
    errors: [
      lateReport(
        'ready',
        5,
        17,
        9,
        10,
        `
const Redis = require('ioredis');
async function start(url) {
  const redis = new Redis(url);
  const ready = new Promise((resolve, reject) => {
    redis.once('ready', resolve);
    redis.once('error', reject);
  });
  ready.catch(() => {});
  const config = await loadConfig();
  await ready;
  return { redis, config };
}`,
      ),
    ],
  },
  // an executor that rejects from a listener on a live object (the running child itself)
  {
    code: `
class Child {
  async init() {
    const ready = new Promise((resolve, reject) => {
      this.on('message', (message) => (message.ok ? resolve() : reject(new Error(message.error))));
      this.on('close', () => reject(new Error('closed')));
    });
    await this.send({ cmd: 'init' });
    await ready;
  }
}`,
    errors: [
      lateReport(
        'ready',
        4,
        19,
        8,
        9,
        `
class Child {
  async init() {
    const ready = new Promise((resolve, reject) => {
      this.on('message', (message) => (message.ok ? resolve() : reject(new Error(message.error))));
      this.on('close', () => reject(new Error('closed')));
    });
    ready.catch(() => {});
    await this.send({ cmd: 'init' });
    await ready;
  }
}`,
      ),
    ],
  },
  // an event wait of another module that only chains a log on the promise it returns: its rejection is still unhandled
  {
    filename,
    code: `const { waitLogged } = require('./event-waits');
async function enchant(bot, table) {
  const levelUp = waitLogged(bot, 'experience');
  await table.apply();
  return { level: await levelUp };
}`,
    errors: [
      lateReport(
        'levelUp',
        3,
        19,
        4,
        5,
        `const { waitLogged } = require('./event-waits');
async function enchant(bot, table) {
  const levelUp = waitLogged(bot, 'experience');
  levelUp.catch(() => {});
  await table.apply();
  return { level: await levelUp };
}`,
      ),
    ],
  },
  // a maker whose last `return` belongs to a nested callback: the promise it returns is not read as handled
  {
    filename,
    code: `function handledWait(job) {
  job.promise.catch(() => {});
  return job.promise;
}
async function settleSoon(job, queue) {
  await queue.ready();
  queue.onIdle(() => { return handledWait(job); });
}
async function run(job, queue, other) {
  const done = settleSoon(job, queue);
  await other.prepare();
  return { done: await done };
}`,
    errors: [
      lateReport(
        'done',
        10,
        16,
        11,
        12,
        `function handledWait(job) {
  job.promise.catch(() => {});
  return job.promise;
}
async function settleSoon(job, queue) {
  await queue.ready();
  queue.onIdle(() => { return handledWait(job); });
}
async function run(job, queue, other) {
  const done = settleSoon(job, queue);
  done.catch(() => {});
  await other.prepare();
  return { done: await done };
}`,
      ),
    ],
  },
  // a promise-returning helper of another module that can reject, with a handler chained on
  {
    filename,
    code: `import { loadForecast } from './local-helpers';
export async function page(city, render) {
  const forecast = loadForecast(city).then((data) => data.today);
  await render.prepare();
  return { today: await forecast };
}`,
    errors: [
      lateReport(
        'forecast',
        3,
        20,
        4,
        5,
        `import { loadForecast } from './local-helpers';
export async function page(city, render) {
  const forecast = loadForecast(city).then((data) => data.today);
  forecast.catch(() => {});
  await render.prepare();
  return { today: await forecast };
}`,
      ),
    ],
  },
  // under a program's own rejection policy, a request handler still loses its answer
  {
    filename: policyBotFile,
    code: ROUTE_PREFETCH,
    errors: [
      lateReport(
        'totals',
        4,
        20,
        5,
        6,
        `
export function mount(app) {
  app.get('/stats', async (req, res) => {
    const totals = loadTotals();
    totals.catch(() => {});
    const users = await loadUsers();
    res.json({ users, totals: await totals });
  });
}`,
      ),
    ],
  },
  // with checkUiCode, an editor extension's early start is reported as anywhere else
  {
    filename: extensionFile,
    code: PREFETCH,
    options: [{ checkUiCode: true }],
    errors: [
      lateReport(
        'template',
        3,
        20,
        4,
        5,
        `
export async function openPanel(repo, view) {
  const template = repo.loadTemplate();
  template.catch(() => {});
  const branches = await repo.listBranches();
  view.show(branches, await template);
}`,
      ),
    ],
  },
];

ruleTester.run('no-late-promise-handling (classes of real code)', testedRule, {
  valid: [
    // an editor extension's host logs a rejection during the wait, and the later await still sees
    // it: a deliberate prefetch there costs a log line at most; so does browser UI code
    { filename: extensionFile, code: PREFETCH },
    // so does the main process of an Electron app, known from its package: the same question
    // (`WhereItRuns.hostLogsRejections`) that no-floating-promises asks
    { filename: desktopBackendFile, code: PREFETCH },
    // and so does a program whose entry module logs the errors it recognises and exits on the
    // others (see no-floating-promises): the rejection reaches its policy
    { filename: policyBotFile, code: PREFETCH },
    // an event wait of another module that put its own `.catch` on the promise it returns (and one
    // that returns such a wait): held across another await, its rejection is never unhandled
    {
      filename,
      code: `const { waitForEvent, waitOnce } = require('./event-waits');
async function enchant(bot, table) {
  const levelUp = bot.creative ? Promise.resolve() : waitOnce(bot, 'experience');
  const closed = waitForEvent(table, 'close', { timeout: 5000 });
  await table.apply();
  await levelUp;
  await closed;
}`,
    },
    // the same shape declared in this file
    {
      filename,
      code: `function settleLater(job) {
  job.promise.catch(() => {}).finally(() => job.release());
  return job.promise;
}
async function run(job, other) {
  const done = settleLater(job);
  await other.prepare();
  await done;
}`,
    },
    {
      filename: 'BranchPicker.tsx',
      code: `
export function BranchPicker({ repo }) {
  const open = async () => {
    const template = repo.loadTemplate();
    const branches = await repo.listBranches();
    show(branches, await template);
  };
  return <button onClick={open}>Pick</button>;
}`,
    },
    // settled only by listeners on streams this function made and starts after the wait
    `
import { Writable } from 'node:stream';
import { stat } from 'node:fs/promises';
async function pack(source, Archive) {
  const chunks = [];
  const sink = new Writable({
    write(chunk, _encoding, next) {
      chunks.push(chunk);
      next();
    },
  });
  const archive = new Archive({ level: 9 });
  const written = new Promise((resolve, reject) => {
    sink.once('error', reject);
    sink.once('finish', resolve);
  });
  const packed = new Promise((resolve, reject) => {
    archive.once('end', resolve);
    archive.once('error', (error) => reject(new Error('packing failed: ' + error.message)));
  });
  if ((await stat(source)).isDirectory()) archive.directory(source);
  else archive.file(source);
  archive.pipe(sink);
  await Promise.all([archive.finalize(), packed, written]);
  return chunks;
}`,
    // settled by the reply to a request sent after the waits: its settlers are kept for the reply handler
    `
class Connection {
  async request(message) {
    const reply = new Promise((resolve, reject) => {
      this.inflight.set(message.id, { message, resolve, reject });
    });
    await this.connected();
    await this.transport.write(JSON.stringify(message));
    return await reply;
  }
}`,
    `
async function enqueue(queue, job) {
  const done = new Promise((resolve, reject) => {
    queue.waiting.push({ id: job.id, resolve, reject });
  });
  await queue.save(job);
  return done;
}`,
    // a UI event turned into a promise that only resolves, by a helper of another module
    {
      filename,
      code: `import { nextValueOf } from './local-helpers';
export async function pickBranch(picker, loadBranches) {
  picker.show();
  const accepted = nextValueOf(picker.onDidAccept).then(() => picker.selectedItems[0]?.name);
  const hidden = nextValueOf(picker.onDidHide);
  picker.items = await loadBranches();
  return Promise.race([accepted, hidden]);
}`,
    },
  ],
  invalid,
});
