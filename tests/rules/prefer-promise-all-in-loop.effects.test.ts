import type { InvalidTestCase } from '@typescript-eslint/rule-tester';
import { withoutEvidenceGate } from './loop-evidence-gate';
import rule, { type MessageIds, type Options } from '../../src/rules/prefer-promise-all-in-loop';
import { assertSuggestionsParse } from '../gather-suggestions-parse';
import { RuleTester } from '@typescript-eslint/rule-tester';
import path from 'node:path';
import { FIXTURES_DIR, ruleTester } from '../rule-tester';

/** The core rule is not configured here, so its disable comments would count as unused directives. */
const coreDisableTester = new RuleTester({ linterOptions: { reportUnusedDisableDirectives: 'off' } });

/** Cases decided by what the called functions do (effect summaries) and by what the code says. */

type Invalid = InvalidTestCase<MessageIds, Options>;

/** A module of a package whose only database is SQLite (`sqlite3`), and of one that also uses Postgres. */
const SQLITE_APP_MODULE = path.join(FIXTURES_DIR, 'run-contexts', 'notes-app', 'src', 'import.ts');
const MIXED_APP_MODULE = path.join(FIXTURES_DIR, 'run-contexts', 'synced-app', 'src', 'import.ts');
/** A module of a workspace package whose data goes through the workspace's SQLite-only package, and of one that also reaches its Postgres package. */
const SQLITE_WORKSPACE_MODULE = path.join(FIXTURES_DIR, 'sqlite-workspace', 'packages', 'api', 'src', 'import.ts');
const HOSTED_WORKSPACE_MODULE = path.join(FIXTURES_DIR, 'sqlite-workspace', 'packages', 'hosted-api', 'src', 'import.ts');
const SYNC_EACH = `
async function importNotes(notes) {
  for (const note of notes) {
    await Note.sync(note);
  }
}`;
const FETCH_EACH = `
async function refresh(feeds) {
  for (const feed of feeds) {
    await fetch(feed.url);
  }
}`;

const invalid: Invalid[] = [
  // the same template handed to every iteration, but no document held in memory: each call may wait
  {
    code: `
async function stampAll(bytes, fields) {
  const template = await loadTemplate(bytes);
  for (const field of fields) {
    await drawField(template, field);
  }
}`,
    errors: [{ messageId: 'awaitInLoop', line: 5, column: 5, suggestions: [{ messageId: 'useGatherMap', output: `
async function stampAll(bytes, fields) {
  const template = await loadTemplate(bytes);
  await Promise.all(Array.from(fields, async (field) => {
    await drawField(template, field);
  }));
}` }] }],
  },
  // a package that also talks to a networked database: its models may run on a pool
  {
    code: SYNC_EACH,
    filename: MIXED_APP_MODULE,
    errors: [{ messageId: 'awaitInLoop', line: 4, column: 5, suggestions: [{ messageId: 'useGatherMap', output: `
async function importNotes(notes) {
  await Promise.all(Array.from(notes, async (note) => {
    await Note.sync(note);
  }));
}` }] }],
  },
  // a workspace package that also reaches the workspace's Postgres package: its models may run on a pool
  {
    code: SYNC_EACH,
    filename: HOSTED_WORKSPACE_MODULE,
    errors: [{ messageId: 'awaitInLoop', line: 4, column: 5, suggestions: [{ messageId: 'useGatherMap', output: `
async function importNotes(notes) {
  await Promise.all(Array.from(notes, async (note) => {
    await Note.sync(note);
  }));
}` }] }],
  },
  // in a package on the workspace's SQLite package, a client of another npm package (an AI SDK)
  // sends a request per iteration: they overlap, whatever the database
  {
    code: `
import OpenAI from 'openai';
const openai = new OpenAI();
async function embedAll(docs) {
  const out = [];
  for (const doc of docs) {
    out.push(await openai.embeddings.create({ model: 'small', input: doc.text }));
  }
  return out;
}`,
    filename: SQLITE_WORKSPACE_MODULE,
    errors: [{ messageId: 'awaitInLoop', line: 7, column: 14, suggestions: [] }],
  },
  // in a SQLite-only package, an iteration that reaches the network still overlaps
  {
    code: FETCH_EACH,
    filename: SQLITE_APP_MODULE,
    errors: [{ messageId: 'awaitInLoop', line: 4, column: 5, suggestions: [{ messageId: 'useGatherMap', output: `
async function refresh(feeds) {
  await Promise.all(Array.from(feeds, async (feed) => {
    await fetch(feed.url);
  }));
}` }] }],
  },
  // a counter that no awaited call reads: increments commute
  {
    code: `
async function f(items) {
  let done = 0;
  for (const item of items) {
    await upload(item);
    done++;
  }
  return done;
}`,
    errors: [{ messageId: 'awaitInLoop', line: 5, column: 5, suggestions: [{ messageId: 'useGatherMap', output: `
async function f(items) {
  let done = 0;
  await Promise.all(Array.from(items, async (item) => {
    await upload(item);
    done++;
  }));
  return done;
}` }] }],
  },
  // a number added up (declared with a number): the additions commute
  {
    code: `
async function sizeOf(paths) {
  let bytes = 0;
  for (const p of paths) {
    const info = await stat(p);
    bytes += info.size;
  }
  return bytes;
}`,
    errors: [{ messageId: 'awaitInLoop', line: 5, column: 18, suggestions: [{ messageId: 'useGatherMap', output: `
async function sizeOf(paths) {
  let bytes = 0;
  await Promise.all(Array.from(paths, async (p) => {
    const info = await stat(p);
    bytes += info.size;
  }));
  return bytes;
}` }] }],
  },
  // promisify of a function that is not a process starter: a request per item
  {
    code: `
import { promisify } from 'node:util';
import { lookup } from 'node:dns';
const lookupAsync = promisify(lookup);
async function resolveAll(hosts) {
  for (const host of hosts) {
    await lookupAsync(host);
  }
}`,
    errors: [{ messageId: 'awaitInLoop', line: 7, column: 5, suggestions: [{ messageId: 'useGatherMap', output: `
import { promisify } from 'node:util';
import { lookup } from 'node:dns';
const lookupAsync = promisify(lookup);
async function resolveAll(hosts) {
  await Promise.all(Array.from(hosts, async (host) => {
    await lookupAsync(host);
  }));
}` }] }],
  },
  // an await guarded by a test on the item, calling the item's own method
  {
    code: `
async function flush(records) {
  for (const record of records) {
    if (record.dirty) await record.persist();
  }
}`,
    errors: [{ messageId: 'awaitInLoop', line: 4, column: 23, suggestions: [{ messageId: 'useGatherMap', output: `
async function flush(records) {
  await Promise.all(Array.from(records, async (record) => {
    if (record.dirty) await record.persist();
  }));
}` }] }],
  },
  // render, then write the item's own file, then collect: per-item work
  {
    code: `
import fs from 'node:fs/promises';
async function build(pages, out) {
  const written = [];
  for (const page of pages) {
    const html = await render(page);
    await fs.writeFile(out + '/' + page.slug + '.html', html);
    written.push(page.slug);
  }
  return written;
}`,
    errors: [{ messageId: 'awaitInLoop', line: 6, column: 18, suggestions: [] }],
  },
  // waiting for N things one by one, through one shared client, is still N independent waits
  {
    code: `
async function settle(client, ids) {
  for (const id of ids) {
    await waitForInstance(client, id);
  }
}`,
    errors: [{ messageId: 'awaitInLoop', line: 4, column: 5, suggestions: [{ messageId: 'useGatherMap', output: `
async function settle(client, ids) {
  await Promise.all(Array.from(ids, async (id) => {
    await waitForInstance(client, id);
  }));
}` }] }],
  },
  // a helper that only writes a member of its own argument (the item): independent
  {
    code: `
async function inline(item) { item.data = await (await fetch(item.url)).text(); }
async function f(attachments) {
  for (const attachment of attachments) await inline(attachment);
}`,
    errors: [{ messageId: 'awaitInLoop', line: 4, column: 41, suggestions: [{ messageId: 'useGatherMap', output: `
async function inline(item) { item.data = await (await fetch(item.url)).text(); }
async function f(attachments) {
  await Promise.all(Array.from(attachments, async (attachment) => { await inline(attachment); }));
}` }] }],
  },
  // a method inherited from a base class of this file is seen: its fetch is real I/O
  {
    code: `
class Base { async load(id) { return fetch('/items/' + id); } }
class Items extends Base {
  async all(ids) {
    for (const id of ids) await this.load(id);
  }
}`,
    errors: [{ messageId: 'awaitInLoop', line: 5, column: 27, endLine: 5, endColumn: 46, suggestions: [{ messageId: 'useGatherMap', output: `
class Base { async load(id) { return fetch('/items/' + id); } }
class Items extends Base {
  async all(ids) {
    await Promise.all(Array.from(ids, async (id) => { await this.load(id); }));
  }
}` }] }],
  },
  // a dedupe set filled before the first await: the loop is order-free
  {
    code: `
async function notifyOnce(ids) {
  const seen = new Set();
  for (const id of ids) {
    if (seen.has(id)) continue;
    seen.add(id);
    await sendDigest(id);
  }
}`,
    errors: [{ messageId: 'awaitInLoop', line: 7, column: 5, endLine: 7, endColumn: 25, suggestions: [] }],
  },
  // a recursive walk whose only per-child wait is the recursion: reported at that level
  {
    code: `
async function collectIds(id) {
  const children = await db.children(id);
  const ids = [id];
  for (const child of children) ids.push(...(await collectIds(child.id)));
  return ids;
}`,
    errors: [{ messageId: 'awaitInLoop', line: 5, column: 46, endLine: 5, endColumn: 72, suggestions: [] }],
  },
  // ...also when the loop awaits the recursion and a read per child: that loop is no leaf loop
  {
    code: `
async function tree(parentId) {
  const out = [];
  for (const node of await db.children(parentId)) {
    out.push({ id: node.id, folders: await tree(node.id), files: await db.files(node.id) });
  }
  return out;
}`,
    errors: [{ messageId: 'awaitInLoop', line: 5, column: 38, endLine: 5, endColumn: 57, suggestions: [] }],
  },
  // a recursive walk: the loop at the leaves carries the report, not each level of the walk
  {
    code: `
async function walk(node) {
  for (const child of node.children) await walk(child);
  for (const file of node.files) await upload(file.path);
}`,
    errors: [{ messageId: 'awaitInLoop', line: 4, column: 34, endLine: 4, endColumn: 57, suggestions: [{ messageId: 'useGatherMap', output: `
async function walk(node) {
  for (const child of node.children) await walk(child);
  await Promise.all(Array.from(node.files, async (file) => { await upload(file.path); }));
}` }] }],
  },
  // a receiver named like a client that is this file's own stateless class: each request is its own fetch
  {
    code: `
class Rest {
  constructor(base) { this.base = base; }
  async fetchJson(path) { const res = await fetch(this.base + path); return res.json(); }
}
async function getAll(client: Rest, paths) {
  const out = [];
  for (const path of paths) out.push(await client.fetchJson(path));
  return out;
}`,
    errors: [{ messageId: 'awaitInLoop', line: 8, column: 38, suggestions: [] }],
  },
  // a setter given a key of each item's own writes a different entry per item
  {
    code: `
async function warm(cache, users) {
  for (const user of users) {
    await cache.setEntry(\`user:\${user.id}\`, user);
  }
}`,
    errors: [{ messageId: 'awaitInLoop', line: 4, column: 5, suggestions: [{ messageId: 'useGatherMap', output: `
async function warm(cache, users) {
  await Promise.all(Array.from(users, async (user) => {
    await cache.setEntry(\`user:\${user.id}\`, user);
  }));
}` }] }],
  },
  // a per-item function that opens a memoised handle once and then works on the item's own keys
  {
    code: `
let handle;
function open() {
  handle ??= connectLocalStore();
  return handle;
}
async function refresh(id) {
  const store = await open();
  const fresh = await fetchItem(id);
  await store.save(id, fresh);
}
async function refreshAll(ids) {
  for (const id of ids) {
    await refresh(id);
  }
}`,
    errors: [{ messageId: 'awaitInLoop', line: 14, column: 5, suggestions: [{ messageId: 'useGatherMap', output: `
let handle;
function open() {
  handle ??= connectLocalStore();
  return handle;
}
async function refresh(id) {
  const store = await open();
  const fresh = await fetchItem(id);
  await store.save(id, fresh);
}
async function refreshAll(ids) {
  await Promise.all(Array.from(ids, async (id) => {
    await refresh(id);
  }));
}` }] }],
  },
];

ruleTester.run<MessageIds, Options>('prefer-promise-all-in-loop (effects)', withoutEvidenceGate(rule as never), {
  valid: [
    // every field drawn into the same PDF document held in memory: one object, drawn in order
    `async function stamp(bytes, fields) {
      const pdfDoc = await PDFDocument.load(bytes);
      for (const field of fields) {
        await drawField(pdfDoc, field);
      }
      return pdfDoc.save();
    }`,
    `async function overlay(bytes, pages) {
      const pdf = await PDF.load(bytes);
      for (const page of pages) {
        await renderOverlay({ pdf, page, label: 'signed' });
      }
    }`,
    // a local helper only called inside a transaction's callback: its loop runs on that connection
    `class Shares {
      async apply(changes) {
        const addMembers = async (share, userIds) => {
          for (const userId of userIds) {
            await this.addMember(share.id, userId);
          }
        };
        await this.withTransaction(async () => {
          for (const change of changes) await addMembers(change.share, change.userIds);
        });
      }
    }`,
    // a helper of a relative module that is async in name only (its text awaits nothing)
    {
      filename: path.join(FIXTURES_DIR, 'file.ts'),
      code: `import { makeBadgeLabel } from './local-helpers';
export async function labelAll(people) {
  const labels = [];
  for (const person of people) {
    labels.push(await makeBadgeLabel(person.team, 4));
  }
  return labels;
}`,
    },
    // a statement per item on an SQLite handle: one local connection runs them one after another
    `import { open } from 'sqlite';
    async function saveRows(db, rows) {
      for (const row of rows) {
        await db.run('insert into rows (id, body) values (?, ?)', row.id, row.body);
      }
    }`,
    `async function indexFiles(files) {
      const db = await SqliteIndex.get();
      for (const file of files) {
        await db.run('replace into files (path) values (?)', file.path);
      }
    }`,
    // a package whose only database is one local SQLite file: every model call queues on its one
    // connection, so gathering the iterations overlaps nothing
    { code: SYNC_EACH, filename: SQLITE_APP_MODULE },
    // so does one whose data goes through its workspace's own SQLite-only package (`@bookmarks/db`)
    { code: SYNC_EACH, filename: SQLITE_WORKSPACE_MODULE },
    // test code that asserts the order its awaited calls built on one shared object
    `describe('basket', () => {
      it('keeps the order of arrival', async () => {
        const basket = makeBasket();
        for (const line of lines) {
          await basket.addLine(line.sku, line.count);
        }
        expect(basket.lines()).toEqual(lines);
      });
    });`,
    // each item applied whole to one shared object: two items may set the same entry
    `async function applyHeaders(jar, headers, url) {
      for (const header of headers) {
        await jar.setCookie(header, url);
      }
    }`,
    // a client class of this file that keeps a socket: one connection, requests in turn
    `class Wire {
      constructor(url) { this.socket = openSocket(url); }
      async fetchJson(path) { return this.socket.request(path); }
    }
    async function getAll(client: Wire, paths) {
      const out = [];
      for (const path of paths) out.push(await client.fetchJson(path));
      return out;
    }`,
    // code the function does not know, run per item: a callback or an injected function
    `async function inTurn(items, step) {
      const out = [];
      for (const item of items) out.push(await step(item));
      return out;
    }`,
    `async function mirror(names, { fetchListing = defaultListing } = {}) {
      for (const name of names) await fetchListing(name);
    }`,
    `async function resolveKeys(input, schema, ctx) {
      const out = {};
      for (const key in input) {
        const convert = schema.fields[key].convert;
        out[key] = await convert(input[key], ctx);
      }
      return out;
    }`,
    // the transaction travels in an options object, or in a context made with it
    `async function notifyAll(sequelize, users, event) {
      await sequelize.transaction(async (transaction) => {
        for (const user of users) await Notification.create({ userId: user.id, event }, { transaction });
      });
    }`,
    `async function copyAll(docs, user, transaction) {
      const context = createContext({ user, transaction });
      for (const doc of docs) await Document.createWithCtx(context, { title: doc.title });
    }`,
    // a prompt per item through a helper of this file
    `import * as cli from './utils/terminal';
    async function confirmOne(pkg) {
      return cli.askConfirm(\`Include \${pkg.name}?\`);
    }
    async function pick(packages) {
      const chosen = [];
      for (const pkg of packages) if (await confirmOne(pkg)) chosen.push(pkg);
      return chosen;
    }`,
    // a dedupe list checked before the first await and filled after it
    `async function notifyMentions(mentions, event) {
      const notified = [];
      for (const mention of mentions) {
        if (notified.includes(mention.userId)) continue;
        const user = await findUser(mention.userId);
        if (!user) continue;
        await createNotification(user, event);
        notified.push(user.id);
      }
    }`,
    `async function notifyOnce(ids) {
      const seen = new Set();
      for (const id of ids) {
        if (seen.has(id)) continue;
        await sendDigest(id);
        seen.add(id);
      }
    }`,
    // batches and pages bound the load on purpose
    `async function detach(ids) {
      for (const batch of chunk(ids, 100)) await Documents.update({ parentId: null }, { where: { id: batch } });
    }`,
    `async function readAll(count, query) {
      const rows = [];
      for (let offset = 0; offset < count; offset += PAGE_SIZE) {
        rows.push(...(await fetchRange({ ...query, skip: offset, take: PAGE_SIZE })));
      }
      return rows;
    }`,
    // creates that race on a key other iterations may share
    `async function importAll(activities) {
      for (const activity of activities) {
        await createActivity({ ...activity, profile: { connectOrCreate: { where: { symbol: activity.symbol } } } });
      }
    }`,
    `async function saveTags(names) {
      for (const name of names) await Tag.findOrCreate({ where: { name } });
    }`,
    // schema statements in SQL text
    `async function dropStale(tables, sql) {
      for (const table of tables) await sql.query(\`DROP TABLE IF EXISTS "\${table}"\`);
    }`,
    // loading modules runs their top-level code, in load order
    `async function loadSpecs(files, registry) {
      for (const file of files) {
        const mod = await registry.dynamicImport(file);
        register(mod);
      }
    }`,
    // something told in turn around the await: a header, then the result
    `async function bumpAll(folders, out) {
      for (const folder of folders) {
        out.print(folder);
        const version = await bumpVersion(folder);
        out.print(version);
      }
    }`,
    // events told to reporters, one file's before the next file's
    `class Replay {
      async run(files) {
        for (const file of files) await this._reportFile(file);
        for (const file of files) await this.run.enqueued(file);
        for (const line of files) await this.baseLog(line);
      }
    }`,
    // schema changes by name, whatever the receiver
    `async function ensureIndexes(model, specs) {
      for (const spec of specs) await model.createSearchIndex(spec);
    }`,
    // a recursive walk: each level would report the same change again
    `async function walk(node) {
      for (const child of node.children) await walk(child);
      for (const file of node.files) {
        // one at a time: the uploads share a bandwidth budget
        await upload(file.path);
      }
    }
    async function walkAll(roots) {
      for (const root of roots) await walk(root);
    }`,
    // a list of two or three items written out: little to gain
    `async function bump(dir, version) {
      const lockFiles = [dir + '/package-lock.json', dir + '/npm-shrinkwrap.json'];
      for (const file of lockFiles) await rewriteVersion(file, version);
    }`,
    `async function warm() {
      for (const url of [primaryUrl, mirrorUrl]) await ping(url);
    }`,
    // a function that fills in the objects it is given, handed the same objects each time
    `async function populateAll(docs, paths) {
      for (const path of paths) await populate(docs, path);
    }`,
    // the class is the connection: \`this\` runs one statement at a time
    `class PostgresQueryRunner {
      async dropColumns(table, columns) {
        for (const column of columns) await this.dropColumn(table, column);
      }
      async run(statements) { for (const s of statements) await this.query(s.sql); }
    }`,
    // a field created from a connection
    `class Builder {
      constructor(connection) { this.runner = connection.createQueryRunner(); }
      async apply(tables) { for (const t of tables) await this.runner.execute(t.ddl); }
    }`,
    // a class that defines query and transaction methods is a connection, whatever its name
    `class Adapter {
      async query(sql) { return this.raw(sql); }
      async startTransaction() {}
      async release() {}
      async clear(names) { for (const n of names) await this.query('DELETE FROM ' + n); }
    }`,
    // the called function writes one shared file, or reads and rewrites it
    `import fs from 'node:fs/promises';
    async function record(entry) { await fs.appendFile('/var/log/app.log', entry.line); }
    async function f(entries) { for (const entry of entries) await record(entry); }`,
    `import fs from 'node:fs/promises';
    async function bump(file, key) {
      const data = JSON.parse(await fs.readFile(file, 'utf8'));
      data[key] = (data[key] ?? 0) + 1;
      await fs.writeFile(file, JSON.stringify(data));
    }
    async function f(file, keys) { for (const key of keys) await bump(file, key); }`,
    // a visited set shared by the iterations of a recursive walk
    `async function visit(node, seen) {
      if (seen.has(node.id)) return;
      seen.add(node.id);
      await loadChildren(node);
    }
    async function walk(nodes, seen) { for (const node of nodes) await visit(node, seen); }`,
    // a cache in module state that later iterations read
    `const resolved = new Map();
    async function resolveOne(name) { const r = await lookup(name); resolved.set(name, r); return r; }
    async function f(names) { for (const name of names) await resolveOne(name); }`,
    // a child process one call deep (a fixed container name)
    `import { execa } from 'execa';
    async function runIn(image) { await execa('docker', ['run', '--name', 'ci-box', image]); }
    async function f(images) { for (const image of images) await runIn(image); }`,
    // the comment says why the order matters
    `async function f(client, rows) {
      // avoid concurrent queries on the same client
      for (const row of rows) await insertRow(client, row);
    }`,
    `async function f(files) {
      // these files must not be written concurrently
      for (const file of files) await persist(file);
    }`,
    `async function f(events) {
      // consumers rely on delivery order
      for (const event of events) await deliver(event);
    }`,
    // the same reason typed with a typographic apostrophe (can\u2019t)
    `async function f(jobs) {
      // we can\u2019t run these in parallel: they share one lock file
      for (const job of jobs) await runJob(job);
    }`,
    `async function f(entries) {
      // replays keep the original order: receivers apply them as they were recorded
      for (const entry of entries) await replay(entry);
    }`,
    // the other branch gathers: the code chose sequential here
    `async function f(items, single) {
      if (single) {
        for (const item of items) await handle(item);
      } else {
        await Promise.all(items.map(handle));
      }
    }`,
    // sorted just before: the order is the point
    `async function f(logs, run) {
      logs.sort((a, b) => a.time - b.time);
      for (const log of logs) await upload(log);
    }`,
    // ordered output and reporter events
    `async function f(notes, out) { for (const note of notes) await out.log(note.text); }`,
    `async function f(files, reporters) { for (const file of files) await reporters.onFileDone(file); }`,
    // suites, tests and lifecycle scripts run in turn
    `async function f(suites) { for (const suite of suites) await runSuite(suite); }`,
    `async function f(projects) { for (const p of projects) await runLifecycleScripts(p, ['pre', 'post']); }`,
    // async in name only: nothing real behind the await
    `async function label(item) { return item.name.toUpperCase(); }
    async function f(items) { const out = []; for (const item of items) out.push(await label(item)); return out; }`,
    // a list whose order was chosen: a commit order, a sorted or reversed list
    `class UnitOfWork { async commit(groups, commitOrder) { for (const meta of commitOrder) await this.flushGroup(groups.get(meta)); } }`,
    `class Generator { async clear() { for (const meta of this.getOrderedTables().reverse()) await this.driver.drop(meta.name); } }`,
    // events dispatched to listeners, and handlers of an object, in turn
    `async function f(em, rows) { for (const row of rows) await em.events.dispatchEvent('beforeSave', row); }`,
    `class Collector { async onBulk(messages) { for (const message of messages) await this.handleDispose(message); } }`,
    // a parameter of a transaction callback is the transaction
    `function insertAll(chunks) {
      return runInTransaction(async (tr) => {
        const results = [];
        for (const rows of chunks) results.push(await tr('items').insert(rows));
        return results;
      });
    }`,
    // a step of a Redis MULTI block, or named as part of a transaction
    `async function f(client, entries) {
      const multi = client.multi();
      for (const entry of entries) await this.addJob(multi, entry);
    }`,
    `async function f(entries, queue) { for (const entry of entries) await queue.addToTransaction(entry); }`,
    // a user's callback per item
    `async function f(shards, options) { for (const shard of shards) await options.shardCallback(shard); }`,
    // an accumulator that reads itself across the pause loses updates when concurrent
    `async function f(items) {
      let total = 0;
      for (const item of items) total += await price(item);
      return total;
    }`,
    // text appended in iteration order: the later file's lines must come after the earlier's
    `async function readProxyConfig(paths) {
      let merged = '';
      for (const p of paths) {
        const text = await readFile(p, 'utf8');
        merged += text + '\\n';
      }
      return merged;
    }`,
    // a script published one package after another through a promisified execFile
    `import { execFile } from 'node:child_process';
    import { promisify } from 'node:util';
    const execFileAsync = promisify(execFile);
    async function publishAll(dirs) {
      for (const dir of dirs) {
        await publishOne(dir);
      }
    }
    async function publishOne(dir) {
      await execFileAsync('npm', ['publish', dir]);
    }`,
    // ORM handles that are one connection: a local query runner made by a factory
    `class Cleaner {
      async wipe(source, names) {
        const runner = source.createQueryRunner();
        for (const name of names) await runner.dropDatabase(name);
      }
    }`,
    // ...a runner field of a helper class, also down a chain through its manager
    `class TreeUpdater {
      constructor(queryRunner) { this.queryRunner = queryRunner; }
      async move(nodes) {
        for (const node of nodes) await this.queryRunner.manager.builder().update(node.id).run();
      }
      async shift(sqls) { for (const sql of sqls) await this.queryRunner.query(sql); }
    }`,
    // ...an entity manager handed in, through a loader it returns
    `async function loadChildren(em, parents) {
      for (const parent of parents) await em.getLoader().loadChildren(parent.id);
    }`,
    // ...schema changes through a query-interface field
    `class ColumnSync {
      async add(table, columns) {
        for (const column of columns) await this.queryInterface.addColumn(table, column.name, column.spec);
      }
    }`,
    // ...a schema generator or a persister class: its own methods run statements in turn
    `class ShopSchemaGenerator extends BaseSchemaGenerator {
      async create(statements) { for (const sql of statements) await this.execute(sql); }
    }`,
    `class ChangeSetPersister {
      async persistAll(meta, sets, options) {
        for (const set of sets) await this.persistOne(meta, set, options);
      }
      async persistOne(meta, set, options) { return this.driver.insert(meta.table, set.payload, options); }
    }`,
    // the code already chose: one branch returns after a loop, the statement after the `if` gathers
    `async function loadAll(kind, loaders) {
      if (kind === 'single-client') {
        const out = [];
        for (const loader of loaders) out.push(await runLoader(loader));
        return out;
      }
      return Promise.all(loaders.map(runLoader));
    }`,
    // an async method inherited from a class in another file: what it waits for is unknown
    `import { Mapper } from './mapper';
    class IndexMapper extends Mapper {
      async mapAll(groups) {
        const out = {};
        for (const key of Object.keys(groups)) out[key] = await this.mapIndexes(groups[key]);
        return out;
      }
    }`,
  ],
  invalid,
});

assertSuggestionsParse('prefer-promise-all-in-loop', invalid);

coreDisableTester.run<MessageIds, Options>('prefer-promise-all-in-loop (core rule disabled)', withoutEvidenceGate(rule as never), {
  valid: [
    // the author already opted out of the core no-await-in-loop rule
    `async function f(packages) {
      for (const pkg of packages) {
        await publish(pkg.dir); // eslint-disable-line no-await-in-loop
      }
    }`,
    `async function f(packages) {
      for (const pkg of packages) {
        // eslint-disable-next-line no-await-in-loop
        await pack(pkg.dir);
      }
    }`,
    `/* eslint-disable no-await-in-loop */
    async function f(packages) {
      for (const pkg of packages) await pack(pkg.dir);
    }`,
  ],
  invalid: [
    // a disable comment for another rule says nothing
    {
      code: `
async function f(packages) {
  for (const pkg of packages) {
    await pack(pkg.dir); // eslint-disable-line no-console
  }
}`,
      errors: [{ messageId: 'awaitInLoop', line: 4, column: 5, endLine: 4, endColumn: 24, suggestions: [{ messageId: 'useGatherMap', output: `
async function f(packages) {
  await Promise.all(Array.from(packages, async (pkg) => {
    await pack(pkg.dir); // eslint-disable-line no-console
  }));
}` }] }],
    },
  ],
});
