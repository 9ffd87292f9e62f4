import type { InvalidTestCase } from '@typescript-eslint/rule-tester';
import { withoutEvidenceGate } from './loop-evidence-gate';
import rule, { type MessageIds, type Options } from '../../src/rules/prefer-promise-all-in-loop';
import { testDocsExamples } from '../docs-examples';
import { assertSuggestionsParse } from '../gather-suggestions-parse';
import { ruleTester } from '../rule-tester';

type Invalid = InvalidTestCase<MessageIds, Options>;

/** The rule's first example, reported in any file it checks. */
const notifyAll: Invalid = {
  code: `
async function notifyAll(users) {
  for (const user of users) {
    await sendEmail(user.email);
  }
}`,
  errors: [
    {
      messageId: 'awaitInLoop',
      line: 4,
      column: 5,
      suggestions: [
        {
          messageId: 'useGatherMap',
          output: `
async function notifyAll(users) {
  await Promise.all(Array.from(users, async (user) => {
    await sendEmail(user.email);
  }));
}`,
        },
      ],
    },
  ],
};

const invalid: Invalid[] = [
  // for...of with independent iterations: suggestion
  notifyAll,
  // test code with checkTestCode (on in strict): checked as anywhere else
  { ...notifyAll, filename: 'notify.test.ts', options: [{ checkTestCode: true }] },
  // several awaits per iteration, a body-local value derived from the item; reported once
  {
    code: `
async function sync(ids) {
  for (const id of ids) {
    const remote = await api.fetchRecord(id);
    const local = toLocal(remote);
    await store.save(local);
  }
}`,
    errors: [
      {
        messageId: 'awaitInLoop',
        line: 4,
        column: 20,
        suggestions: [
          {
            messageId: 'useGatherMap',
            output: `
async function sync(ids) {
  await Promise.all(Array.from(ids, async (id) => {
    const remote = await api.fetchRecord(id);
    const local = toLocal(remote);
    await store.save(local);
  }));
}`,
          },
        ],
      },
    ],
  },
  // destructuring, a statement body, `continue` becomes `return`
  {
    code: `
async function f(map) {
  for (const [key, value] of Object.entries(map)) await put(key, value);
}`,
    errors: [
      {
        messageId: 'awaitInLoop',
        line: 3,
        column: 51,
        suggestions: [
          {
            messageId: 'useGatherMap',
            output: `
async function f(map) {
  await Promise.all(Array.from(Object.entries(map), async ([key, value]) => { await put(key, value); }));
}`,
          },
        ],
      },
    ],
  },
  {
    code: `
async function f(files) {
  for (const file of files) {
    if (file.skip) continue;
    await upload(file);
  }
}`,
    errors: [
      {
        messageId: 'awaitInLoop',
        line: 5,
        column: 5,
        suggestions: [
          {
            messageId: 'useGatherMap',
            output: `
async function f(files) {
  await Promise.all(Array.from(files, async (file) => {
    if (file.skip) return;
    await upload(file);
  }));
}`,
          },
        ],
      },
    ],
  },
  // `this` is kept by the arrow callback
  {
    code: `
class Importer {
  async run(rows) {
    for (const row of rows) {
      await this.search.index(row);
    }
  }
}`,
    errors: [
      {
        messageId: 'awaitInLoop',
        line: 5,
        column: 7,
        suggestions: [
          {
            messageId: 'useGatherMap',
            output: `
class Importer {
  async run(rows) {
    await Promise.all(Array.from(rows, async (row) => {
      await this.search.index(row);
    }));
  }
}`,
          },
        ],
      },
    ],
  },
  // results.push(await f(x)) is independent, but the rewrite would push in completion order
  {
    code: `
async function load(ids) {
  const users = [];
  for (const id of ids) {
    users.push(await getUser(id));
  }
  return users;
}`,
    errors: [{ messageId: 'awaitInLoop', line: 5, column: 16, suggestions: [] }],
  },
  {
    code: `
async function load(ids) {
  const byId = {};
  for (const id of ids) {
    byId[id] = await getUser(id);
  }
  return byId;
}`,
    errors: [{ messageId: 'awaitInLoop', line: 5, column: 16, suggestions: [] }],
  },
  {
    code: `
async function f(items) {
  for (const item of items) {
    console.log(await render(item));
  }
}`,
    errors: [{ messageId: 'awaitInLoop', line: 4, column: 17, suggestions: [] }],
  },
  // the iteration feeds a call earlier in the chain; a value derived from the item is used after
  {
    code: `
async function f(urls) {
  for (const url of urls) {
    const response = await fetch(url);
    const body = await response.json();
    await store(body);
  }
}`,
    errors: [
      {
        messageId: 'awaitInLoop',
        line: 4,
        column: 22,
        suggestions: [
          {
            messageId: 'useGatherMap',
            output: `
async function f(urls) {
  await Promise.all(Array.from(urls, async (url) => {
    const response = await fetch(url);
    const body = await response.json();
    await store(body);
  }));
}`,
          },
        ],
      },
    ],
  },
  {
    code: `
async function f(images) {
  for (const image of images) {
    await sharp(image.path).resize(200).toFile(image.out);
  }
}`,
    errors: [
      {
        messageId: 'awaitInLoop',
        line: 4,
        column: 5,
        suggestions: [
          {
            messageId: 'useGatherMap',
            output: `
async function f(images) {
  await Promise.all(Array.from(images, async (image) => {
    await sharp(image.path).resize(200).toFile(image.out);
  }));
}`,
          },
        ],
      },
    ],
  },
  // words inside other words do not name ordered lists
  {
    code: `
async function f(webhooks) {
  for (const webhook of webhooks) {
    await deliver(webhook.url);
  }
}`,
    errors: [
      {
        messageId: 'awaitInLoop',
        line: 4,
        column: 5,
        suggestions: [
          {
            messageId: 'useGatherMap',
            output: `
async function f(webhooks) {
  await Promise.all(Array.from(webhooks, async (webhook) => {
    await deliver(webhook.url);
  }));
}`,
          },
        ],
      },
    ],
  },
  // pure methods and imported helpers do not make iterations depend on each other
  {
    code: `
import path from 'node:path';
async function f(dir, names, cache) {
  for (const name of names) {
    const file = path.join(dir, name.trim());
    if (cache.has(file)) continue;
    await compile(file);
  }
}`,
    errors: [
      {
        messageId: 'awaitInLoop',
        line: 7,
        column: 5,
        suggestions: [
          {
            messageId: 'useGatherMap',
            output: `
import path from 'node:path';
async function f(dir, names, cache) {
  await Promise.all(Array.from(names, async (name) => {
    const file = path.join(dir, name.trim());
    if (cache.has(file)) return;
    await compile(file);
  }));
}`,
          },
        ],
      },
    ],
  },
  // classic for and for...in: reported without a suggestion
  {
    code: `
async function f(urls) {
  for (let i = 0; i < urls.length; i++) {
    await download(urls[i]);
  }
}`,
    errors: [{ messageId: 'awaitInLoop', line: 4, column: 5, suggestions: [] }],
  },
  {
    code: `
async function f(settings) {
  for (const key in settings) {
    if (!settings.hasOwnProperty(key)) continue;
    await saveSetting(key, settings[key]);
  }
}`,
    errors: [{ messageId: 'awaitInLoop', line: 5, column: 5, suggestions: [] }],
  },
  // a labelled loop, `var` or `arguments` in the body: no exact callback
  {
    code: `
async function f(items) {
  outer: for (const item of items) {
    await process(item);
  }
}`,
    errors: [{ messageId: 'awaitInLoop', line: 4, column: 5, suggestions: [] }],
  },
  {
    code: `
async function f(items) {
  for (const item of items) {
    var result = await process(item);
  }
}`,
    errors: [{ messageId: 'awaitInLoop', line: 4, column: 18, suggestions: [] }],
  },
  // a nested loop: the await is reported for the innermost loop only
  {
    code: `
async function f(users) {
  for (const user of users) {
    for (const post of user.posts) {
      await index(post);
    }
  }
}`,
    errors: [
      {
        messageId: 'awaitInLoop',
        line: 5,
        column: 7,
        suggestions: [
          {
            messageId: 'useGatherMap',
            output: `
async function f(users) {
  for (const user of users) {
    await Promise.all(Array.from(user.posts, async (post) => {
      await index(post);
    }));
  }
}`,
          },
        ],
      },
    ],
  },
  // a `break` inside a nested switch targets the switch
  {
    code: `
async function f(events) {
  for (const event of events) {
    switch (event.type) {
      case 'a':
        await handleA(event);
        break;
      default:
        await handleOther(event);
    }
  }
}`,
    errors: [
      {
        messageId: 'awaitInLoop',
        line: 6,
        column: 9,
        suggestions: [
          {
            messageId: 'useGatherMap',
            output: `
async function f(events) {
  await Promise.all(Array.from(events, async (event) => {
    switch (event.type) {
      case 'a':
        await handleA(event);
        break;
      default:
        await handleOther(event);
    }
  }));
}`,
          },
        ],
      },
    ],
  },
  // start-up names do not hide a loop that serves requests, takes an item, or runs for the life of the process
  {
    code: `
async function setup() {
  for (const tenant of tenants) {
    await warmCache(tenant.id);
  }
}
app.post('/admin/setup', async (req, res) => {
  await setup();
  res.sendStatus(204);
});`,
    errors: [
      {
        messageId: 'awaitInLoop',
        line: 4,
        column: 5,
        suggestions: [
          {
            messageId: 'useGatherMap',
            output: `
async function setup() {
  await Promise.all(Array.from(tenants, async (tenant) => {
    await warmCache(tenant.id);
  }));
}
app.post('/admin/setup', async (req, res) => {
  await setup();
  res.sendStatus(204);
});`,
          },
        ],
      },
    ],
  },
  {
    code: `
export async function initRates(items) {
  for (const item of items) {
    await fetchRate(item.sku);
  }
}`,
    errors: [
      {
        messageId: 'awaitInLoop',
        line: 4,
        column: 5,
        suggestions: [
          {
            messageId: 'useGatherMap',
            output: `
export async function initRates(items) {
  await Promise.all(Array.from(items, async (item) => {
    await fetchRate(item.sku);
  }));
}`,
          },
        ],
      },
    ],
  },
  {
    code: `
export class Dispatcher {
  async start() {
    while (!this.stopped) {
      const tenants = await this.nextTenants();
      for (const tenant of tenants) {
        await loadCapacity(tenant);
      }
    }
  }
}`,
    errors: [
      {
        messageId: 'awaitInLoop',
        line: 7,
        column: 9,
        suggestions: [
          {
            messageId: 'useGatherMap',
            output: `
export class Dispatcher {
  async start() {
    while (!this.stopped) {
      const tenants = await this.nextTenants();
      await Promise.all(Array.from(tenants, async (tenant) => {
        await loadCapacity(tenant);
      }));
    }
  }
}`,
          },
        ],
      },
    ],
  },
  // the set-up of an object made per request, and an init inside a component's effect, are not the program's start-up
  {
    code: `
export class Basket {
  constructor(shopper) { this.shopper = shopper; this.prices = []; }
  async init() {
    for (const sku of this.shopper.savedSkus) {
      this.prices.push(await fetchPrice(sku));
    }
  }
}`,
    errors: [{ messageId: 'awaitInLoop', line: 6, column: 24, suggestions: [] }],
  },
  {
    code: `
import { useEffect } from 'react';
export function Gallery({ photoIds, onLoaded }) {
  useEffect(() => {
    async function init() {
      for (const id of photoIds) {
        onLoaded(await fetchPhoto(id));
      }
    }
    init();
  }, [photoIds]);
  return null;
}`,
    errors: [
      {
        messageId: 'awaitInLoop',
        line: 7,
        column: 18,
        suggestions: [
          {
            messageId: 'useGatherMap',
            output: `
import { useEffect } from 'react';
export function Gallery({ photoIds, onLoaded }) {
  useEffect(() => {
    async function init() {
      await Promise.all(Array.from(photoIds, async (id) => {
        onLoaded(await fetchPhoto(id));
      }));
    }
    init();
  }, [photoIds]);
  return null;
}`,
          },
        ],
      },
    ],
  },
  // a store delete in one branch and updates of each other item: each item is its own record, reported
  {
    code: `
export async function remindAll(db, push, reminders, message) {
  for (const reminder of reminders) {
    if (reminder.cancelled) {
      await db.deleteReminder(reminder.id);
      continue;
    }
    await push.deliver(reminder, message);
    await db.updateReminder(reminder.id, { sentAt: Date.now() });
  }
}`,
    errors: [
      {
        messageId: 'awaitInLoop',
        line: 5,
        column: 7,
        suggestions: [{ messageId: 'useGatherMap', output: `
export async function remindAll(db, push, reminders, message) {
  await Promise.all(Array.from(reminders, async (reminder) => {
    if (reminder.cancelled) {
      await db.deleteReminder(reminder.id);
      return;
    }
    await push.deliver(reminder, message);
    await db.updateReminder(reminder.id, { sentAt: Date.now() });
  }));
}` }],
      },
    ],
  },
  // an item's own file removed in one branch, the others processed: reported
  {
    code: `
export async function handleUploads(files) {
  for (const file of files) {
    if (file.size === 0) {
      await unlink(file.path);
      continue;
    }
    await processImage(file.path);
  }
}`,
    errors: [
      {
        messageId: 'awaitInLoop',
        line: 5,
        column: 7,
        suggestions: [
          {
            messageId: 'useGatherMap',
            output: `
export async function handleUploads(files) {
  await Promise.all(Array.from(files, async (file) => {
    if (file.size === 0) {
      await unlink(file.path);
      return;
    }
    await processImage(file.path);
  }));
}`,
          },
        ],
      },
    ],
  },
  // prefixes that only read, folders that are not each other's ancestors, a delete of each item's own temporary file: reported
  {
    code: `
export async function statParents(remote, target) {
  const parts = target.split('/').slice(0, -1);
  for (let depth = 1; depth <= parts.length; depth++) {
    await remote.stat(parts.slice(0, depth).join('/'));
  }
}
export async function makeFolders(remote, folders) {
  for (let i = 0; i < folders.length; i++) {
    await remote.mkdir(folders[i]);
  }
}`,
    errors: [
      { messageId: 'awaitInLoop', line: 5, column: 5, suggestions: [] },
      { messageId: 'awaitInLoop', line: 10, column: 5, suggestions: [] },
    ],
  },
  // a prefix cut from each item (an extension stripped, a title shortened) and an upload or a save
  // of that item: no item is the ancestor of another, reported
  {
    code: `
export async function uploadThumbnails(bucket, images) {
  for (let i = 0; i < images.length; i++) {
    const key = images[i].name.substring(0, images[i].name.lastIndexOf('.')) + '.webp';
    await bucket.putObject({ key, body: images[i].body });
  }
}
export async function makeArchiveFolders(remote, names) {
  for (let i = 0; i < names.length; i++) {
    await remote.mkdir(names[i].slice(0, names[i].indexOf('-')));
  }
}
export async function importNotes(api, notes) {
  for (let i = 1; i <= notes.length; i++) {
    await api.saveNote(notes.slice(0, i).join('/'));
  }
}`,
    errors: [
      { messageId: 'awaitInLoop', line: 5, column: 5, suggestions: [] },
      { messageId: 'awaitInLoop', line: 10, column: 5, suggestions: [] },
      { messageId: 'awaitInLoop', line: 15, column: 5, suggestions: [] },
    ],
  },
  {
    code: `
export async function publishAll(drafts) {
  for (const draft of drafts) {
    await cms.importArticle(draft);
    await tmp.deleteFile(draft.tempPath);
  }
}`,
    errors: [
      {
        messageId: 'awaitInLoop',
        line: 4,
        column: 5,
        suggestions: [
          {
            messageId: 'useGatherMap',
            output: `
export async function publishAll(drafts) {
  await Promise.all(Array.from(drafts, async (draft) => {
    await cms.importArticle(draft);
    await tmp.deleteFile(draft.tempPath);
  }));
}`,
          },
        ],
      },
    ],
  },
];

// The rule tester bundles its own copy of @typescript-eslint/utils; the cast bridges the two identical types.
ruleTester.run<MessageIds, Options>('prefer-promise-all-in-loop', withoutEvidenceGate(rule as never), {
  valid: [
    // test code: a test's steps run in the order written on purpose (a seeded table, a mock's call order)
    {
      filename: 'notify.test.ts',
      code: 'async function notifyAll(users) { for (const user of users) { await sendEmail(user.email); } }',
    },
    {
      filename: 'test/stats.ts',
      code: "import { expect } from 'chai';\nasync function seed(db, rows) { for (const row of rows) { await db.insert(row); } }",
    },
    // loop-carried state: a cursor, an accumulator, an outer flag
    `async function f() {
      let cursor = null;
      for (const page of pages) {
        cursor = await fetchPage(page, cursor);
      }
    }`,
    `async function f(items) {
      let total = 0;
      for (const item of items) {
        total += await price(item);
      }
    }`,
    `async function f(items, state) {
      for (const item of items) {
        state.last = await save(item);
      }
    }`,
    `async function f(items) {
      for (const item of items) {
        this.processed = await save(item);
      }
    }`,
    `async function f(items) {
      let last;
      for (const item of items) {
        await save(item);
        items.forEach((other) => { last = other; });
      }
    }`,
    // merging into outer state in order: Object.assign, a local function that writes outer state
    `async function f(files) {
      const merged = {};
      for (const file of files) {
        Object.assign(merged, await readConfig(file));
      }
    }`,
    `async function f(configs) {
      const scoped = {};
      const unscoped = {};
      for (const config of configs) {
        Object.assign(config.files ? scoped : unscoped, await resolveRules(config));
      }
    }`,
    `async function resolve(configs) {
      const rules = {};
      async function merge(config) {
        Object.assign(rules, await load(config));
      }
      for (const config of configs) {
        await merge(config);
      }
      return rules;
    }`,
    `const seen = [];
    const record = async (event) => { seen.push(await encode(event)); };
    async function f(events) {
      for (const event of events) await record(event);
    }`,
    // an unknown method of this function's own object, fed with the iteration, accumulates in order
    `import { createHash } from 'node:crypto';
    async function f(files) {
      const hash = createHash('sha256');
      for (const file of files) {
        const content = await readFile(file);
        hash.update(content);
      }
      return hash.digest('hex');
    }`,
    `class Builder {
      async build(parts) {
        for (const part of parts) {
          this.add(await render(part));
        }
      }
    }`,
    // the body grows or shrinks what the loop iterates
    `async function crawl(queue) {
      for (const url of queue) {
        const links = await fetchLinks(url);
        queue.push(...links);
      }
    }`,
    `async function crawl(queue) {
      for (let i = 0; i < queue.length; i++) {
        const links = await fetchLinks(queue[i]);
        queue.push(...links);
      }
    }`,
    // early exits: break, return, throw, labelled jumps
    `async function find(ids) {
      for (const id of ids) {
        const user = await getUser(id);
        if (user.admin) break;
      }
    }`,
    `async function find(ids) {
      for (const id of ids) {
        const user = await getUser(id);
        if (user) return user;
      }
    }`,
    `async function check(files) {
      for (const file of files) {
        const ok = await verify(file);
        if (!ok) throw new Error(file);
      }
    }`,
    `async function f(groups) {
      outer: for (const group of groups) {
        for (const item of group) {
          if (await isDone(item)) continue outer;
        }
      }
    }`,
    // for await consumes a stream in order
    `async function f(stream) {
      for await (const chunk of stream) {
        await handle(chunk);
      }
    }`,
    `async function f(sources) {
      for (const source of sources) {
        for await (const chunk of source) handle(chunk);
        await close2(source);
      }
    }`,
    // pacing and ordered calls
    `async function f(urls) {
      for (const url of urls) {
        await fetch(url);
        await sleep(200);
      }
    }`,
    `async function f(urls) {
      for (const url of urls) {
        await new Promise((resolve) => setTimeout(resolve, 100));
        await fetch(url);
      }
    }`,
    `async function f(jobs, limiter) {
      for (const job of jobs) {
        await limiter.schedule(() => run(job));
      }
    }`,
    `async function f(items, mutex) {
      for (const item of items) {
        const release = await mutex.acquire();
        await write(item);
        release();
      }
    }`,
    {
      code: `async function f(steps) {
        for (const step of steps) await runStep(step);
      }`,
      options: [{ orderedFunctions: ['runStep'] }],
    },
    // order-sensitive writes to one stream, socket or file
    `async function f(rows, out) {
      for (const row of rows) {
        out.write(await format(row));
      }
    }`,
    `import fs from 'node:fs/promises';
    async function f(lines) {
      for (const line of lines) {
        await fs.appendFile('log.txt', await render(line));
      }
    }`,
    `async function f(messages, socket) {
      for (const message of messages) {
        socket.send(await encode(message));
      }
    }`,
    // one ordered resource: a browser page, a transaction, a connection
    `async function f(urls, page) {
      for (const url of urls) {
        await page.goto(url);
      }
    }`,
    `async function f(rows, trx) {
      for (const row of rows) {
        await trx.insert(row);
      }
    }`,
    `async function f(statements, client) {
      for (const sql of statements) {
        await client.query(sql);
      }
    }`,
    // ... also when the resource is handed to a helper
    `async function sendFrames(socket, messages) {
      for (const message of messages) {
        const body = Buffer.from(JSON.stringify(message));
        await writeFrame(socket, body);
      }
    }`,
    `async function apply(client, pending) {
      for (const name of pending) {
        const applied = await applyFile(client, name);
        log(applied);
      }
    }`,
    // the awaited function is named as an ordered step
    `async function migrate(pending, db) {
      for (const name of pending) {
        if (!dryRun) await runMigration(db, name);
      }
    }`,
    // a comment says the order is intended
    `async function main(ordered) {
      // Dependencies must be built before dependents: sequential on purpose.
      for (const m of ordered) {
        await buildPackage(m);
      }
    }`,
    `async function notify(users) {
      for (const user of users) {
        await sendEmail(user.email); // one at a time: the provider rejects bursts
      }
    }`,
    // node:test subtests report in order
    `import { test } from 'node:test';
    test('rejects invalid payloads', async (t) => {
      for (const payload of [{}, { items: [] }]) {
        await t.test(JSON.stringify(payload), async () => { await post(payload); });
      }
    });`,
    // the awaited call does not use the iteration: polling, retries, repeated steps
    `async function f(items) {
      for (const item of items) {
        await refresh();
      }
    }`,
    `async function f(migrations) {
      for (const migration of migrations) {
        await migration.up();
      }
    }`,
    `async function f(plugins, app) {
      for (const plugin of plugins) {
        await plugin.register(app);
      }
    }`,
    // each item is a step: the item itself or its method is what runs
    `async function f(migrations, db) {
      for (const migration of migrations) {
        await migration.up(db);
        await db.insert('migrations', { name: migration.name });
      }
    }`,
    `async function f(hooks, ctx) {
      for (const hook of hooks) {
        await hook(ctx, hook.name);
      }
    }`,
    `async function f(users) {
      for (const user of users) {
        await user.save({ touched: user.id });
      }
    }`,
    // lists that name ordered steps: migrations, hooks, pipeline stages, retries
    `async function f(db) {
      for (const file of pendingMigrations) {
        await applyFile(db, file);
      }
    }`,
    `async function f(config, ctx) {
      for (const name of config.beforeHooks) {
        await runNamed(name, ctx);
      }
    }`,
    `async function f(input) {
      for (const step of pipeline) {
        input = await transform(step, input);
      }
    }`,
    `async function f(url) {
      for (let attempt = 0; attempt < 3; attempt++) {
        await tryFetch(url, attempt);
      }
    }`,
    // child processes and prompts stay one at a time
    `async function f(packages) {
      for (const name of packages) {
        await exec('npm install ' + name);
      }
    }`,
    `async function f(questions) {
      const answers = {};
      for (const question of questions) {
        answers[question.name] = await inquirer.prompt(question);
      }
    }`,
    // batches: each iteration already gathers its own part, one batch at a time on purpose
    `async function f(items) {
      for (let i = 0; i < items.length; i += 10) {
        const batch = items.slice(i, i + 10);
        await Promise.all(batch.map((item) => upload(item)));
      }
    }`,
    `async function f(batches) {
      for (const batch of batches) {
        await Promise.allSettled(batch.map(send2));
      }
    }`,
    // while and do...while carry their condition's state
    `async function f() {
      while (!done) {
        await poll();
      }
    }`,
    `async function f(queue) {
      while (queue.length > 0) {
        await handle(queue.shift());
      }
    }`,
    `async function f() {
      let page = 0;
      do {
        await load(page);
        page++;
      } while (page < 10);
    }`,
    // a for loop whose counter the body changes, or without a test or update
    `async function f(items) {
      for (let i = 0; i < items.length; i++) {
        await save(items[i]);
        if (items[i].twice) i++;
      }
    }`,
    `async function f(items) {
      for (let i = 0; ; i++) {
        await save(items[i]);
      }
    }`,
    `async function f(items) {
      let i = 0;
      for (; i < items.length; i++) {
        await save(items[i]);
      }
    }`,
    // the loop variable is an outer variable
    `async function f(items) {
      let item;
      for (item of items) {
        await save(item);
      }
    }`,
    // awaiting already-started promises
    `async function f(promises) {
      const results = [];
      for (const promise of promises) {
        results.push(await promise);
      }
    }`,
    // awaits inside callbacks belong to the callback
    `async function f(items) {
      for (const item of items) {
        queueJob(async () => { await save(item); });
      }
    }`,
    // no await in the loop
    `async function f(items) {
      for (const item of items) {
        save(item);
      }
    }`,
    // start-up: a registry of modules brought in line with the folder, once at boot
    `module.exports = class Themes {
      static async refreshThemesFromDisk() {
        const folders = await fs.readdir(THEMES_DIR);
        for (const folder of folders) {
          const manifest = await fs.readFile(path.join(THEMES_DIR, folder, 'theme.json'), 'utf8');
          registry.add(JSON.parse(manifest));
        }
      }
    }`,
    // ... and a helper only such a routine awaits, and a start-up hook handed the app
    `async function insertMissing(rows) {
      for (const row of rows) {
        await db.table('plugins').insert(row);
      }
    }
    export async function init() {
      await insertMissing(await listPlugins());
    }
    export async function bootstrap(app) {
      const names = await listEnabledPlugins();
      for (const name of names) {
        await fetchManifest(app.registryUrl, name);
      }
    }`,
    // each ancestor of a path made in turn: a deeper directory needs its parent first
    `export async function makeParents(remote, target) {
      const parts = target.split('/').slice(0, -1);
      for (let depth = 1; depth <= parts.length; depth++) {
        await remote.mkdir(parts.slice(0, depth).join('/'));
      }
    }`,
    // a generator that yields per item
    `async function* f(items) {
      for (const item of items) {
        yield await load(item);
      }
    }`,
  ],
  invalid,
});

assertSuggestionsParse('prefer-promise-all-in-loop', invalid);
testDocsExamples('prefer-promise-all-in-loop', rule);
