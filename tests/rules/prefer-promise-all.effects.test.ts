import type { InvalidTestCase } from '@typescript-eslint/rule-tester';
import rule, { type MessageIds, type Options } from '../../src/rules/prefer-promise-all';
import { assertSuggestionsParse } from '../gather-suggestions-parse';
import path from 'node:path';
import { FIXTURES_DIR, ruleTester } from '../rule-tester';
import { gatheredGroup, gatheredPair } from './gathered-reports';

/** Cases decided by what the called functions do (effect summaries, `analysis/effects.ts`). */

type Invalid = InvalidTestCase<MessageIds, Options>;

/** A module of a package whose only database is SQLite (`sqlite3`), and of one that also uses Postgres. */
const SQLITE_APP_MODULE = path.join(FIXTURES_DIR, 'run-contexts', 'notes-app', 'src', 'stats.ts');
const MIXED_APP_MODULE = path.join(FIXTURES_DIR, 'run-contexts', 'synced-app', 'src', 'stats.ts');
/**
 * A module of a workspace package whose data goes through the workspace's own SQLite-only package
 * (`@bookmarks/db` on better-sqlite3), and of one that also depends on the workspace's Postgres package.
 */
const SQLITE_WORKSPACE_MODULE = path.join(FIXTURES_DIR, 'sqlite-workspace', 'packages', 'api', 'src', 'usage.ts');
const HOSTED_WORKSPACE_MODULE = path.join(FIXTURES_DIR, 'sqlite-workspace', 'packages', 'hosted-api', 'src', 'usage.ts');
const USAGE_COUNTS = `
async function usage(ctx, ownerId) {
  const [{ saved }] = await ctx.db.select({ saved: count() }).from(links).where(eq(links.ownerId, ownerId));
  const [{ bytes }] = await ctx.db.select({ bytes: sum(files.size) }).from(files).where(eq(files.ownerId, ownerId));
  return { saved, bytes };
}`;
const COUNT_BOTH = `
async function totals() {
  const notes = await Note.count();
  const folders = await Folder.count();
  return { notes, folders };
}`;

const invalid: Invalid[] = [
  // a local helper also called outside the transaction is no transaction step
  {
    code: `
async function reconcileAll(db, shares) {
  const reconcile = async (shareId) => {
    const total = await countItems(shareId);
    const perUser = await countItemsPerUser(shareId);
    return { total, perUser };
  };
  await db.withTransaction(async () => reconcile(shares[0]));
  return reconcile(shares[1]);
}`,
    options: [{ requireEvidence: false }],
    errors: [
      gatheredPair(4, 19, `
async function reconcileAll(db, shares) {
  const reconcile = async (shareId) => {
    const [total, perUser] = await Promise.all([countItems(shareId), countItemsPerUser(shareId)]);
    return { total, perUser };
  };
  await db.withTransaction(async () => reconcile(shares[0]));
  return reconcile(shares[1]);
}`),
    ],
  },
  // a package that also talks to a networked database: its models may run on a pool
  {
    code: COUNT_BOTH,
    filename: MIXED_APP_MODULE,
    options: [{ requireEvidence: false }],
    errors: [
      gatheredPair(3, 17, `
async function totals() {
  const [notes, folders] = await Promise.all([Note.count(), Folder.count()]);
  return { notes, folders };
}`),
    ],
  },
  // a workspace package whose data may also go through the workspace's Postgres package: a pool
  {
    code: USAGE_COUNTS,
    filename: HOSTED_WORKSPACE_MODULE,
    errors: [
      gatheredPair(3, 23, `
async function usage(ctx, ownerId) {
  const [[{ saved }], [{ bytes }]] = await Promise.all([
    ctx.db.select({ saved: count() }).from(links).where(eq(links.ownerId, ownerId)),
    ctx.db.select({ bytes: sum(files.size) }).from(files).where(eq(files.ownerId, ownerId)),
  ]);
  return { saved, bytes };
}`),
    ],
  },
  // in a package on the workspace's SQLite package, a client of another npm package (a payments
  // SDK) sends requests to its service: its calls overlap, whatever the database
  {
    code: `
import Stripe from 'stripe';
const stripe = new Stripe(process.env.STRIPE_KEY);
async function billingSummary(customerId) {
  const customer = await stripe.customers.retrieve(customerId);
  const invoices = await stripe.invoices.list({ customer: customerId });
  return { customer, invoices };
}`,
    filename: SQLITE_WORKSPACE_MODULE,
    errors: [
      gatheredPair(5, 20, `
import Stripe from 'stripe';
const stripe = new Stripe(process.env.STRIPE_KEY);
async function billingSummary(customerId) {
  const [customer, invoices] = await Promise.all([
    stripe.customers.retrieve(customerId),
    stripe.invoices.list({ customer: customerId }),
  ]);
  return { customer, invoices };
}`),
    ],
  },
  // in a SQLite-only package, a call that reaches the network still overlaps with a query
  {
    code: `
async function sync(remote) {
  const notes = await Note.count();
  const response = await fetch(remote);
  return { notes, response };
}`,
    filename: SQLITE_APP_MODULE,
    errors: [
      gatheredPair(3, 17, `
async function sync(remote) {
  const [notes, response] = await Promise.all([Note.count(), fetch(remote)]);
  return { notes, response };
}`),
    ],
  },
  // a lookup that throws when the record is missing beside another read: no write waits on it
  {
    code: `
async function show(prisma, body) {
  const team = await prisma.team.findUniqueOrThrow({ where: { id: body.teamId } });
  const plan = await prisma.plan.findFirst({ where: { active: true } });
  return { team, plan };
}`,
    errors: [
      gatheredPair(3, 16, `
async function show(prisma, body) {
  const [team, plan] = await Promise.all([
    prisma.team.findUniqueOrThrow({ where: { id: body.teamId } }),
    prisma.plan.findFirst({ where: { active: true } }),
  ]);
  return { team, plan };
}`),
    ],
  },
  // one hook run beside a read; rate-limit tokens and a record created when missing, with no
  // throwing lookup before them; a method picked from names only ever given as literals
  {
    code: `
import { plugins } from './plugins';
async function menu(uid) {
  const data = await plugins.hooks.fire('filter:menu', { uid });
  const slug = await users.getField(uid, 'slug');
  return { data, slug };
}`,
    options: [{ requireEvidence: false }],
    errors: [
      gatheredPair(4, 16, `
import { plugins } from './plugins';
async function menu(uid) {
  const [data, slug] = await Promise.all([
    plugins.hooks.fire('filter:menu', { uid }),
    users.getField(uid, 'slug'),
  ]);
  return { data, slug };
}`),
    ],
  },
  {
    code: `
async function invite(teamId, email) {
  const perTeam = await ratelimit(5, '1 m').limit(teamId);
  const perEmail = await ratelimit(2, '2 h').limit(email);
  const contact = await crm.getOrCreateContact(email);
  return { perTeam, perEmail, contact };
}`,
    options: [{ requireEvidence: false }],
    errors: [
      gatheredGroup(3, 3, 19, `
async function invite(teamId, email) {
  const [perTeam, perEmail, contact] = await Promise.all([
    ratelimit(5, '1 m').limit(teamId),
    ratelimit(2, '2 h').limit(email),
    crm.getOrCreateContact(email),
  ]);
  return { perTeam, perEmail, contact };
}`),
    ],
  },
  {
    code: `
async function traffic(daily) {
  let method = 'hourlyStats';
  if (daily) method = 'dailyStats';
  const incoming = await analytics[method]('in');
  const outgoing = await analytics[method]('out');
  return { incoming, outgoing };
}`,
    options: [{ requireEvidence: false }],
    errors: [
      gatheredPair(5, 20, `
async function traffic(daily) {
  let method = 'hourlyStats';
  if (daily) method = 'dailyStats';
  const [incoming, outgoing] = await Promise.all([
    analytics[method]('in'),
    analytics[method]('out'),
  ]);
  return { incoming, outgoing };
}`),
    ],
  },
  // a session fetched for a request without the adapter's own state: a real lookup
  {
    code: `
import { getSession } from './auth';
async function page(req) {
  const session = await getSession({ req });
  const posts = await loadPosts(req.query.page);
  return { session, posts };
}`,
    options: [{ requireEvidence: false }],
    errors: [
      gatheredPair(4, 19, `
import { getSession } from './auth';
async function page(req) {
  const [session, posts] = await Promise.all([getSession({ req }), loadPosts(req.query.page)]);
  return { session, posts };
}`),
    ],
  },
  // a setting read by a key computed at run time, and a data loader named like a migration target
  {
    code: `
async function prefs(userKey) {
  const value = await getSetting(userKey);
  const migrations = await listMigrations();
  return { value, migrations };
}`,
    options: [{ requireEvidence: false }],
    errors: [
      gatheredPair(3, 17, `
async function prefs(userKey) {
  const [value, migrations] = await Promise.all([getSetting(userKey), listMigrations()]);
  return { value, migrations };
}`),
    ],
  },
  // a one-shot command with two remote lookups: still worth gathering
  {
    code: `#!/usr/bin/env node
import { registryInfo, releases } from './remote';
export async function status(pkg) {
  const published = await registryInfo(pkg);
  const tags = await releases(pkg);
  return { published, tags };
}`,
    options: [{ requireEvidence: false }],
    errors: [
      gatheredPair(4, 21, `#!/usr/bin/env node
import { registryInfo, releases } from './remote';
export async function status(pkg) {
  const [published, tags] = await Promise.all([registryInfo(pkg), releases(pkg)]);
  return { published, tags };
}`),
    ],
  },
  // a read named for an expiry, a GET request, a method picked from read-only names
  {
    code: `
async function status(store, key, newest) {
  const expiry = await cache.getExpiry(key);
  const info = await fetch(INFO_URL, { method: 'GET' });
  const method = newest ? 'rangeDesc' : 'rangeAsc';
  const items = await store[method](key);
  return { expiry, info, items };
}`,
    errors: [
      {
        messageId: 'sequentialAwaits',
        data: { count: 3 },
        line: 3,
        column: 18,
        suggestions: [],
      },
    ],
  },
  // two read-only methods of a service class: `this` is not one ordered resource
  {
    code: `
class ReportService {
  async fetchSales(id) { return this.api.get('/sales/' + id); }
  async fetchStock(id) { return this.store.query('stock', id); }
  async build(id) {
    const sales = await this.fetchSales(id);
    const stock = await this.fetchStock(id);
    return { sales, stock };
  }
}`,
    errors: [
      gatheredPair(6, 19, `
class ReportService {
  async fetchSales(id) { return this.api.get('/sales/' + id); }
  async fetchStock(id) { return this.store.query('stock', id); }
  async build(id) {
    const [sales, stock] = await Promise.all([this.fetchSales(id), this.fetchStock(id)]);
    return { sales, stock };
  }
}`),
    ],
  },
  // reads through two different fields of the class (an HTTP client and a pool)
  {
    code: `
class Catalog {
  async page(id) {
    const item = await this.http.get('/items/' + id);
    const rows = await this.pool.query('select 1', [id]);
    return [item, rows];
  }
}`,
    errors: [
      gatheredPair(4, 18, `
class Catalog {
  async page(id) {
    const [item, rows] = await Promise.all([
      this.http.get('/items/' + id),
      this.pool.query('select 1', [id]),
    ]);
    return [item, rows];
  }
}`),
    ],
  },
  // a file write followed by a network call: the network call does not read files
  {
    code: `
import { writeFile } from 'node:fs/promises';
async function persist(dir, id) {
  const written = await renderReport(dir, id);
  const remote = await fetchRemote(id);
  return [written, remote];
}
async function renderReport(dir, id) { const body = await fetchTemplate(id); await writeFile(dir + '/' + id, body); return id; }`,
    options: [{ requireEvidence: false }],
    errors: [gatheredPair(4, 19, `
import { writeFile } from 'node:fs/promises';
async function persist(dir, id) {
  const [written, remote] = await Promise.all([renderReport(dir, id), fetchRemote(id)]);
  return [written, remote];
}
async function renderReport(dir, id) { const body = await fetchTemplate(id); await writeFile(dir + '/' + id, body); return id; }`)],
  },
  // an SQL placeholder is not a question
  {
    code: `
async function pair(pool, a, b) {
  const left = await pool.query('select * from items where id = ?', [a]);
  const right = await remote.query('select * from items where id = ?', [b]);
  return [left, right];
}`,
    errors: [gatheredPair(3, 16, `
async function pair(pool, a, b) {
  const [left, right] = await Promise.all([
    pool.query('select * from items where id = ?', [a]),
    remote.query('select * from items where id = ?', [b]),
  ]);
  return [left, right];
}`)],
  },
  // a latency stamp around one call is not a benchmark
  {
    code: `
async function probeDb(db) { const t = Date.now(); await db.ping(); return Date.now() - t; }
async function probeCache(cache) { const t = Date.now(); await cache.ping(); return Date.now() - t; }
async function health(a, b) {
  const dbMs = await probeDb(a);
  const cacheMs = await probeCache(b);
  return { dbMs, cacheMs };
}`,
    errors: [gatheredPair(5, 16, `
async function probeDb(db) { const t = Date.now(); await db.ping(); return Date.now() - t; }
async function probeCache(cache) { const t = Date.now(); await cache.ping(); return Date.now() - t; }
async function health(a, b) {
  const [dbMs, cacheMs] = await Promise.all([probeDb(a), probeCache(b)]);
  return { dbMs, cacheMs };
}`)],
  },
  // a reader of a path first: the later call cannot depend on what a read produced
  {
    code: `
async function compare(localFile, url, mirror) {
  const local = await readChecksum(localFile);
  const remote = await remoteChecksum(url, localFile);
  const mirrored = await mirrorChecksum(mirror);
  return local === remote && remote === mirrored;
}`,
    options: [{ requireEvidence: false }],
    errors: [
      gatheredGroup(3, 3, 17, `
async function compare(localFile, url, mirror) {
  const [local, remote, mirrored] = await Promise.all([
    readChecksum(localFile),
    remoteChecksum(url, localFile),
    mirrorChecksum(mirror),
  ]);
  return local === remote && remote === mirrored;
}`),
    ],
  },
  // two reads keyed by a field of the session: the session is no connection they share
  {
    code: `
async function dashboard(session) {
  const orders = await loadOrders(session.userId);
  const profile = await loadProfile(session.userId);
  return { orders, profile };
}`,
    options: [{ requireEvidence: false }],
    errors: [
      gatheredPair(3, 18, `
async function dashboard(session) {
  const [orders, profile] = await Promise.all([
    loadOrders(session.userId),
    loadProfile(session.userId),
  ]);
  return { orders, profile };
}`),
    ],
  },
  // a gather that starts its calls (a mapper that calls) is real work beside the call before it
  {
    code: `
async function openTabs(tabs) {
  const remote = await listRemoteTabs();
  const details = await Promise.all(tabs.map((tab) => describeTab(tab)));
  return { remote, details };
}`,
    options: [{ requireEvidence: false }],
    errors: [
      gatheredPair(3, 18, `
async function openTabs(tabs) {
  const [remote, details] = await Promise.all([
    listRemoteTabs(),
    Promise.all(tabs.map((tab) => describeTab(tab))),
  ]);
  return { remote, details };
}`),
    ],
  },
  // a method reading the same setting twice around a lookup switches nothing
  {
    code: `
class Helper {
  async locate(selector) {
    const before = await this.browser.timeouts().getImplicitWait();
    const found = await this.browser.findElements(selector);
    const after = await this.browser.timeouts().getImplicitWait(true);
    return { before, found, after };
  }
  async pair(source, target) {
    const from = await this.locate(source);
    const to = await this.locate(target);
    return [from, to];
  }
}`,
    options: [{ requireEvidence: false }],
    errors: [
      gatheredPair(10, 18, `
class Helper {
  async locate(selector) {
    const before = await this.browser.timeouts().getImplicitWait();
    const found = await this.browser.findElements(selector);
    const after = await this.browser.timeouts().getImplicitWait(true);
    return { before, found, after };
  }
  async pair(source, target) {
    const [from, to] = await Promise.all([this.locate(source), this.locate(target)]);
    return [from, to];
  }
}`),
    ],
  },
  // `open` as an adjective and `connection` as a noun are no lifecycle steps; a comment that
  // only says what the calls load gives no reason for their order
  {
    code: `
async function summary(id) {
  // load what the page shows
  const tickets = await openTickets(id);
  const count = await connectionCount(id);
  return { tickets, count };
}`,
    options: [{ requireEvidence: false }],
    errors: [
      gatheredPair(4, 19, `
async function summary(id) {
  // load what the page shows
  const [tickets, count] = await Promise.all([openTickets(id), connectionCount(id)]);
  return { tickets, count };
}`),
    ],
  },
  // a helper that checks its input and then loads every time keeps nothing: still gathered
  {
    code: `
async function loadRoom(code) {
  if (!isRoomCode(code)) throw new Error('bad room code');
  const response = await fetch('/rooms/' + code);
  return response.json();
}
async function lobby(code, player) {
  const room = await loadRoom(code);
  const stats = await fetchStats(player);
  return { room, stats };
}`,
    errors: [
      gatheredPair(8, 16, `
async function loadRoom(code) {
  if (!isRoomCode(code)) throw new Error('bad room code');
  const response = await fetch('/rooms/' + code);
  return response.json();
}
async function lobby(code, player) {
  const [room, stats] = await Promise.all([loadRoom(code), fetchStats(player)]);
  return { room, stats };
}`),
    ],
  },
  // a comment that says the call is not cached, or wishes it were, is no reason to stay quiet
  {
    code: `
async function header(user) {
  // not cached: asks the server each time
  const profile = await fetchProfile(user);
  const inbox = await fetchInbox(user); // TODO should be cached
  return { profile, inbox };
}`,
    options: [{ requireEvidence: false }],
    errors: [
      gatheredPair(4, 19, `
async function header(user) {
  // not cached: asks the server each time
  const [profile, inbox] = await Promise.all([fetchProfile(user), fetchInbox(user)]); // TODO should be cached
  return { profile, inbox };
}`),
    ],
  },
  // a result kept on `this` between two requests of an imported client: the client cannot read
  // it, the requests still overlap
  {
    code: `
import { api } from './api';
export class Page {
  async load(id) {
    const profile = await api.getProfile(id);
    this.profile = profile;
    const orders = await api.getOrders(id);
    return orders;
  }
}`,
    errors: [{ messageId: 'sequentialAwaits', data: { count: 2 }, line: 5, column: 21, suggestions: [] }],
  },
  // a note about caching that is not about these calls answering from memory
  {
    code: `
import { api } from './api';
export async function load(id) {
  // both answers are stored in the browser afterwards, cached for the next visit
  const profile = await api.getProfile(id);
  const orders = await api.getOrders(id);
  return { profile, orders };
}`,
    errors: [
      gatheredPair(5, 19, `
import { api } from './api';
export async function load(id) {
  // both answers are stored in the browser afterwards, cached for the next visit
  const [profile, orders] = await Promise.all([api.getProfile(id), api.getOrders(id)]);
  return { profile, orders };
}`),
    ],
  },
  // a value written between the awaits that is not computed from an earlier result, or written
  // to a variable of the function itself, changes nothing a later call could read
  {
    code: `
async function prepare(job) {
  const folder = await makeFolder(job);
  const label = folder.name + '-out';
  const ticket = await reserveTicket(job);
  return { label, ticket };
}`,
    options: [{ requireEvidence: false }],
    errors: [{ messageId: 'sequentialAwaits', data: { count: 2 }, line: 3, column: 18, suggestions: [] }],
  },
];

ruleTester.run<MessageIds, Options>('prefer-promise-all (effects)', rule as never, {
  valid: [
    // a read of what a cache holds (named for it) beside a lookup: nothing to overlap
    `async function loader(request) {
      const user = await loadUser(request.userId);
      const license = await licenses.getCachedLicense();
      return { user, license };
    }`,
    // a poll until a condition holds is the precondition of the read after it
    `async function switchTo(frameId) {
      const found = await waitUntil(() => frameExists(frameId));
      const tree = await readContextTree();
      return { found, tree };
    }`,
    // inside a transaction's callback: its statements share one connection, in order
    `class Shares {
      async reconcile(shareId) {
        await this.withTransaction(async () => {
          const total = await countItems(shareId);
          const perUser = await countItemsPerUser(shareId);
          await repair(total, perUser);
        });
      }
    }`,
    // a local helper defined beside the transaction and only called inside it
    `class Shares {
      async reconcileAll(shares) {
        const reconcile = async (shareId) => {
          const total = await countItems(shareId);
          const perUser = await countItemsPerUser(shareId);
          return { total, perUser };
        };
        await this.withTransaction(async () => {
          for (const share of shares) await reconcile(share.id);
        });
      }
    }`,
    // a package whose only database is one local SQLite file: two model queries queue on its one
    // connection, so gathering them overlaps nothing
    { code: COUNT_BOTH, filename: SQLITE_APP_MODULE },
    // so does a workspace package whose queries go through the workspace's own SQLite-only package
    // (`@bookmarks/db`, which depends on better-sqlite3): one local connection, one query at a time
    { code: USAGE_COUNTS, filename: SQLITE_WORKSPACE_MODULE },
    // the handle imported from the workspace's SQLite package itself
    {
      code: `import { db } from '@bookmarks/db';
      async function usage(ownerId) {
        const saved = await db.select().from(links).where(eq(links.ownerId, ownerId));
        const shared = await db.select().from(shares).where(eq(shares.ownerId, ownerId));
        return { saved, shared };
      }`,
      filename: SQLITE_WORKSPACE_MODULE,
    },
    // two statements on an SQLite handle, by the driver this file imports or the producer's name
    `import sqlite3 from 'sqlite3';
    async function counts(db) {
      const pages = await db.get('select count(*) as n from pages');
      const links = await db.get('select count(*) as n from links');
      return { pages, links };
    }`,
    `async function counts(store) {
      const db = await LocalSqliteStore.open(store);
      const pages = await db.all('select * from pages');
      const links = await db.all('select * from links');
      return { pages, links };
    }`,
    // nothing real to overlap: an in-memory lookup, sync code wrapped in async, Promise.resolve
    `const table = new Map();
    async function lookup(key) { return table.get(key); }
    async function f(id) {
      const user = await getUser(id);
      const label = await lookup(id);
      return [user, label];
    }`,
    `const later = (v) => Promise.resolve(v);
    async function f(id) {
      const user = await getUser(id);
      const extra = await later(id);
      return [user, extra];
    }`,
    // a gather of promises started earlier (held in a list, fields, or each element's field):
    // they already run beside the call before it
    `async function openTabs(session, tabs) {
      const remote = await session.listTabs();
      const ids = await Promise.all(tabs.map((tab) => tab.idPromise));
      return remote.filter((entry) => ids.includes(entry.id));
    }`,
    `async function settle(client, pending) {
      const status = await client.fetchStatus();
      const results = await Promise.all(pending);
      return { status, results };
    }`,
    `async function ready(service) {
      const config = await loadConfig();
      await Promise.all([service.connected, service.warmedUp]);
      return config;
    }`,
    // one browser session whose helper switches a session-wide wait around each lookup: two
    // lookups at once would reset each other's setting midway
    `class Helper {
      async locate(selector) {
        return this.withPatience(() => this.browser.findElements(selector));
      }
      async withPatience(find) {
        await this.browser.timeouts().implicitlyWait(this.options.patience);
        const found = await find();
        await this.browser.timeouts().implicitlyWait(0);
        return found;
      }
      async dragAndDrop(source, target) {
        const from = await this.locate(source);
        const to = await this.locate(target);
        return this.browser.drag(from, to);
      }
    }`,
    // two helpers handed parts of one driver (its session, its page context) act on one page
    `async function describePage(driver) {
      const version = await readBrowserVersion(driver.defaultSession);
      const ratio = await readPixelRatio(driver.executionContext);
      return { version, ratio };
    }`,
    // the page is measured before a helper handed the same driver prepares it (emulation,
    // throttling): the measurement must see the unprepared page
    `async function setUp(config, driver) {
      const baseline = await measureBaseline(config, driver);
      const prepared = await prepareForThrottledRun(driver, config.settings);
      return { baseline, prepared };
    }`,
    // two reads of one element, each with a handler chained on: one object, as without the chain
    `async function fieldKind(element) {
      const tag = await element.getProperty('tagName').then((value) => value.jsonValue());
      const kind = await element.getProperty('type').then((value) => value.jsonValue());
      return { tag, kind };
    }`,
    // a benchmark of the machine (named for it, in another module) runs alone
    `import { getBenchmarkIndex } from './benchmark';
    async function baseline(context, session) {
      const score = await getBenchmarkIndex(context);
      const version = await readBrowserVersion(session);
      return { score, version };
    }`,
    // a phase that switches the APIs on, then a call that uses one of them
    `async function prepare(projectId, options) {
      const enabled = await Promise.all([
        ensureApi.ensure(projectId, 'functions'),
        ensureApi.check(projectId, 'runtimeconfig'),
        ensureBuilds.cloudBuildEnabled(projectId),
      ]);
      const config = await runtimeConfig.fetchFor(options);
      return { enabled, config };
    }`,
    // a request accessor (Next.js): reads the current request, waits for nothing
    `import { cookies, headers } from 'next/headers';
    async function f() {
      const jar = await cookies();
      const list = await headers();
      return [jar, list];
    }`,
    // a memo behind a check of the input: the id is validated (a throw), then a kept value is
    // answered from the map; a kept module value checked one `if` deeper, after a lookup of
    // which tool to ask. After the first call neither waits for anything.
    `const rooms = new Map();
    async function openRoom(code, options) {
      if (!isRoomCode(code)) throw new Error('bad room code');
      if (options != null) {
        if (typeof options !== 'object') throw new TypeError('options must be an object');
      }
      let room = rooms.get(code);
      if (room != null) return room;
      room = await fetchRoom(code);
      rooms.set(code, room);
      return room;
    }
    async function lobby(code, player) {
      const room = await openRoom(code);
      const stats = await fetchStats(player);
      return { room, stats };
    }`,
    `let knownVersion;
    let knownTool;
    async function serviceVersion(tool) {
      const name = tool ?? pickTool();
      const warn = (text) => console.warn(text);
      if (!name) throw new Error('no region');
      if (knownTool === name && knownVersion) {
        if (knownVersion.ok) return knownVersion;
        warn('kept version looks wrong, asking again');
      }
      knownVersion = await askVersion(name);
      knownTool = name;
      return knownVersion;
    }
    async function about(user) {
      const account = await fetchAccount(user);
      const version = await serviceVersion();
      return { account, version };
    }`,
    // the author says by the call that calling it again costs nothing (another module keeps the
    // session it resolved): nothing to overlap
    `import { resolveSession } from 'session-kit';
    async function copyBetween(app, from, to) {
      const source = await resolveSession(app, { place: from });
      const target = await resolveSession(app, { place: to }); // makes no further requests when called again
      return { source, target };
    }`,
    `async function reread(app, key) {
      const first = await readSetting(app, key);
      // served from the cache the first read filled
      const again = await readSetting(app, key + '.fallback');
      return first ?? again;
    }`,
    // a result written to state outside the function between the awaits (the environment, a
    // module variable): the later call may read it there
    `async function workInTemp(tmp) {
      const base = await tmp.makeFolder();
      process.env.SCRATCH_DIR = base;
      const file = await tmp.makeFile({ suffix: '.log' });
      return { base, file };
    }`,
    `let currentRegion;
    async function createBucket(app) { return callCloud('bucket', { app, region: currentRegion }); }
    async function deploy(cloud, app) {
      const region = await cloud.pickRegion();
      currentRegion = region.name;
      const bucket = await createBucket(app);
      return { region, bucket };
    }`,
    // a memoised client: after the first call it waits for nothing
    `class Store {
      async client() { if (this.conn) return this.conn; this.conn = await connectTo(); return this.conn; }
      async run(id) {
        const client = await this.client();
        const row = await fetchRow(id);
        return [client, row];
      }
    }`,
    // a cache of this file that answers a hit with Promise.resolve, and a memoised promise behind
    // a helper: both are in memory after the first call, nothing worth overlapping
    `class Remember {
      constructor() { this.kept = new Map(); }
      get(key, load) {
        const entry = this.kept.get(key);
        if (entry && entry.fresh) return Promise.resolve(entry.value);
        return load().then((value) => { this.kept.set(key, { value, fresh: true }); return value; });
      }
    }
    const prices = new Remember();
    const regions = new Remember();
    async function quote(id) {
      const price = await prices.get(id, () => fetchPrice(id));
      const region = await regions.get(id, () => fetchRegion(id));
      return { price, region };
    }`,
    `const layouts = new Map();
    function layoutOf(name) {
      let layout = layouts.get(name);
      if (!layout) {
        layout = fetchLayout(name);
        layouts.set(name, layout);
      }
      return layout;
    }
    async function page(name, user) {
      const layout = await layoutOf(name);
      const profile = await fetchProfile(user);
      return { layout, profile };
    }`,
    // a call handed an output path, then a call reading that path (also from an options object)
    `async function merge(parts, outPath) {
      const result = await joinParts(parts, outPath);
      const size = await sizeOnDisk(outPath);
      return { result, size };
    }`,
    `async function merge(parts, outFile) {
      const result = await joinParts({ parts, outFile, overwrite: true });
      const size = await readSize(outFile);
      return { result, size };
    }`,
    // write-then-read through the file system: links written to a folder, then the folder listed
    `import fs from 'node:fs/promises';
    async function linkAll(dir, items) { for (const item of items) await fs.symlink(item, dir + '/' + item); }
    async function listDir(dir) { return fs.readdir(dir); }
    async function f(dir, items) {
      const linked = await linkAll(dir, items);
      const names = await listDir(dir);
      return [linked, names];
    }`,
    // a started daemon writes a session file the next call loads
    `import { spawn } from 'node:child_process';
    import { readFile } from 'node:fs/promises';
    async function startDaemon() { spawn('agent', ['--detach']); return waitReady(); }
    async function loadSession(file) { return readFile(file, 'utf8'); }
    async function f(file) {
      const daemon = await startDaemon();
      const session = await loadSession(file);
      return [daemon, session];
    }`,
    // two config loaders that apply the environment in order
    `async function loadBase() { process.env.LEVEL = await readBase(); return 1; }
    async function loadLocal() { return process.env.LEVEL ?? fetchDefault(); }
    async function f() {
      const base = await loadBase();
      const local = await loadLocal();
      return [base, local];
    }`,
    // setup through a shared argument: the helper sets req.tx, the next call runs in it
    `async function openTx(req) { req.tx = await pool.connectTx(); return req.tx; }
    async function handler(req) {
      const tx = await openTx(req);
      const user = await loadUser(req);
      return [tx, user];
    }`,
    // interactive prompts, also through a local helper that takes the readline interface
    `function ask(rl, text) { return new Promise((resolve) => rl.question(text, resolve)); }
    async function f(rl) {
      const name = await ask(rl, 'Name? ');
      const mail = await ask2(rl, 'Mail? ');
      return [name, mail];
    }
    function ask2(rl, text) { return ask(rl, text); }`,
    `import { input, password } from '@inquirer/prompts';
    async function f() {
      const user = await input({ message: 'User' });
      const secret = await password({ message: 'Password' });
      return [user, secret];
    }`,
    // a validation that may throw comes before the password prompt
    `import { password } from '@inquirer/prompts';
    async function f(name) {
      const ok = await checkAccount(name);
      const secret = await password({ message: 'Password' });
      return [ok, secret];
    }`,
    // a method that writes to `this` is still ordered with the next call on `this`
    `class Session {
      async refresh() { this.token = await renewToken(); return this.token; }
      async run() {
        const token = await this.refresh();
        const data = await this.fetchData();
        return [token, data];
      }
    }`,
    // a class that is itself the connection
    `class MysqlConnection {
      async readOne(sql) { return this.raw(sql); }
      async both() {
        const a = await this.readOne('a');
        const b = await this.readOne('b');
        return [a, b];
      }
    }`,
    // benchmarks: each measures throughput against the clock and must run alone
    `async function bench(run, seconds) {
      const until = Date.now() + seconds * 1000;
      let n = 0;
      while (Date.now() < until) { await run(); n++; }
      return n;
    }
    async function serial(query) { return bench(() => send(query), 1); }
    async function main() {
      const simple = await serial('a');
      const named = await serial('b');
      return [simple, named];
    }`,
    // a step of a transaction runs before what follows it in the transaction
    `async function commitAfter(body, trx) {
      const result = await body(trx);
      const check = await verifyConstraints(conn);
      return [result, check];
    }`,
    // two helpers given the same connection use it one statement at a time
    `async function migrate(client) {
      const current = await readSchemaVersion(client);
      const minimum = await readMinimumVersion(client);
      return [current, minimum];
    }`,
    // two file-system metadata lookups: correct to gather, not worth a change
    `async function f(target, dir) {
      const stats = await lstatIfExists(target);
      const real = await realpathIfExists(dir);
      return [stats, real];
    }`,
    // links written, then read back (names say so across files)
    `async function f(root) {
      const linked = await linkDirectDeps(root);
      const present = await readLinkedDeps(root.modulesDir);
      return [linked, present];
    }`,
    // a server started first: the next network call connects to it
    `function startApp(port) {
      return new Promise((resolve) => { const server = makeServer(); server.listen(port, () => resolve(server)); });
    }
    async function f(port) {
      const app = await startApp(port);
      const response = await fetchPage(port);
      return [app, response];
    }`,
    // unknown code handed a resource, then a check through the same resource
    `async function run(body, db) {
      const result = await body(db);
      const problems = await checkConstraints(db);
      return [result, problems];
    }`,
    // a catch that cleans up would race with calls still writing under a fail-fast Promise.all
    `async function swap(dir, backup, link) {
      try {
        const moved = await moveAside(dir, backup);
        const target = await readTarget(link);
        return [moved, target];
      } catch (error) {
        await removeDir(backup);
        throw error;
      }
    }`,
    // prompts through the project's own helper module, named for asking the user
    `import * as ask from './ask-user.js';
    async function signUp(defaults) {
      const login = await ask.login('Login:', defaults.login);
      const secret = await ask.secret('Secret:', defaults.secret);
      return { login, secret };
    }`,
    `import * as questions from '../cli/questions.js';
    async function changeSecret() {
      const current = await questions.secret('Current secret: ');
      const next = await askTwice();
      return { current, next };
      async function askTwice() {
        const first = await questions.secret('New secret: ');
        const again = await questions.secret('Repeat: ');
        return first === again ? first : askTwice();
      }
    }`,
    // npm's `read` package asks on the terminal
    `import { read } from 'read';
    async function login() {
      const user = await read({ prompt: 'User: ' });
      const pass = await read({ prompt: 'Pass: ', silent: true });
      return { user, pass };
    }`,
    // one connection (and transaction) handed to every `this.` helper: one statement at a time
    `class CatalogReader extends SqlHelperBase {
      async load(model, connection, tables, ctx) {
        const fields = await this.readFields(connection, tables, ctx);
        const keys = await this.readKeys(connection, tables, ctx);
        model.fill(fields, keys);
      }
      async readKeys(connection, tables, ctx) {
        return connection.execute('select 2', [], ctx);
      }
    }`,
    // the environment is loaded before the config module is evaluated
    `import { loadEnvFile } from './env-tools';
    class Settings {
      static async resolve(paths) {
        const env = await this.loadEnv();
        const file = await this.loadConfigModule(paths);
        return { env, file };
      }
      static async loadEnv() {
        const values = loadEnvFile();
        values.extra ??= await import('./defaults.js');
        return values;
      }
      static async loadConfigModule(paths) {
        for (const path of paths) {
          if (await exists(path)) return loader.dynamicImport(path);
        }
        return null;
      }
    }`,
    `async function boot(file) {
      const env = await loadEnvironment();
      const settings = await modules.dynamicImport(file);
      return [env, settings];
    }`,
    // only the local disk to overlap: two small files read through helpers of another module
    // that are named for it and given a folder; saving a millisecond is not worth a change
    `import { readCurrentState, readLedger } from './ledger';
    async function status(workspaceDir, stateDir) {
      const state = await readCurrentState(stateDir);
      const ledger = await readLedger(workspaceDir);
      return { state, ledger };
    }`,
    `import { loadManifestFile, readSettingsJson } from '@acme/files';
    async function summary(opts) {
      const manifest = await loadManifestFile(opts.root);
      const settings = await readSettingsJson(opts.root);
      return [manifest, settings];
    }`,
    // ...and through a helper of this file that only calls fs, next to fs itself
    `import fs from 'node:fs/promises';
    async function resolveTarget(link) {
      try { return await fs.realpath(link); } catch { return null; }
    }
    async function prune(folder, link) {
      const target = await resolveTarget(link);
      const entries = await fs.readdir(folder);
      return entries.filter((entry) => entry !== target);
    }`,
    // a check that may refuse the request comes before the work it guards
    `import { getRouteAccess, loadFilters } from './access';
    async function removeAll(list, ctx) {
      const allowed = await getRouteAccess(list, ctx, 'delete');
      const filters = await loadFilters(list, ctx, 'delete');
      return { allowed, filters };
    }`,
    `async function search(input, ctx) {
      const token = await verifySession(ctx.cookie);
      const hits = await searchIndex(input);
      return { token, hits };
    }`,
    // ...also when a helper of this file awaits the check before its own work
    `async function resolveSort(order, ctx) {
      await checkFieldAccess(Object.keys(order), ctx);
      return order;
    }
    async function list(order, where, ctx) {
      const sort = await resolveSort(order, ctx);
      const filter = await resolveFilter(where, ctx);
      return ctx.db.find({ sort, filter });
    }`,
    // two gathers through the same memoised method of this object: entries are created (and
    // numbered) in turn
    `class Planner {
      async assign(node, out) {
        out.local = await Promise.all(node.localDeps.map(this.proxyMemo));
        out.remote = await Promise.all(node.remoteDeps.map(this.proxyMemo));
      }
    }`,
    // a module is loaded (and registered under its URL), then looked up by that URL
    `async function resolveEntry(url) {
      const module = await loadModule(url);
      const node = await server.moduleGraph.getModuleByUrl(url);
      return { module, node };
    }
    async function loadModule(url) { return runner.import(url); }`,
    // a transaction handed in an options object, or a context made with it: one connection
    `async function move(sequelize, userId, collectionId) {
      return sequelize.transaction(async (t) => {
        const user = await User.findByPk(userId, { lock: true, transaction: t });
        const collection = await Collection.findByPk(collectionId, { transaction: t });
        return [user, collection];
      });
    }`,
    `async function handler(ctx) {
      const { transaction } = ctx.state;
      const user = await User.findByPk(ctx.userId, { transaction });
      const team = await Team.findByPk(ctx.teamId, { transaction });
      return { user, team };
    }`,
    // a comment says why the calls run in turn
    `async function load(db, id) {
      // both run on the request's single connection, so sequential rather than Promise.all
      const user = await loadUser(db, id);
      const team = await loadTeam(db, id);
      return { user, team };
    }`,
    // ...in other phrasings: a reason before the group, or after a member on its line
    `async function seed(rows) {
      // parent rows first because of the foreign keys
      const teams = await seedRows('teams', rows.teams);
      const people = await seedRows('people', rows.people);
      return teams + people;
    }`,
    `async function seed(rows) {
      // accounts before invoices before payments
      const a = await seedRows('accounts', rows.a);
      const b = await seedRows('invoices', rows.b);
      const c = await seedRows('payments', rows.c);
      return a + b + c;
    }`,
    `async function setUp(settings) {
      // bring each backend up one after the other, so the log names the one that failed
      const store = await attachStore(settings.store);
      const bus = await attachBus(settings.bus);
      return { store, bus };
    }`,
    `async function prepare(id) {
      const schema = await defineSchema(id); // must come first: the table below references it
      const table = await fillTable(id);
      return [schema, table];
    }`,
    // start-up steps named by a lifecycle verb inside a longer name
    `async function boot(settings) {
      const db = await connectDatabase(settings.databaseUrl);
      const cache = await connectCache(settings.cacheUrl);
      return { db, cache };
    }`,
    `async function boot(settings) {
      const browser = await openBrowser(settings.headless);
      const server = await startServer(settings.port);
      return { browser, server };
    }`,
    `async function boot(settings) {
      const search = await searchInit(settings.search);
      const queue = await queueConnect(settings.queue);
      return { search, queue };
    }`,
    // prompts through the project's own helpers, by name or by the question they show
    `import * as cli from './utils/terminal';
    async function setup() {
      const publish = await cli.askConfirm('Publish these packages?');
      const access = await cli.askList('Which access level', ['public', 'restricted']);
      return { publish, access };
    }`,
    `import { choose } from './utils/terminal';
    async function setup(name) {
      const keep = await choose(\`Keep \${name}?\`);
      const mode = await choose('Which mode?');
      return { keep, mode };
    }`,
    // a step named for making a precondition hold (a signed-in client, a session): the call
    // beside it goes through what it sets up
    `async function submitReview(store, remote, body) {
      const pending = await store.pendingReviewId(body.pr);
      const { client } = await remote.ensure();
      return client.send({ pending, body });
    }`,
    // prompts through a CLI client's own input object, shown an options object with a message
    `async function addRule(client, api) {
      const plan = await api.fetchPlan();
      const name = await client.input.text({ message: 'Rule name:' });
      const note = await client.input.text({ message: \`Note for \${plan.name}:\` });
      return { name, note };
    }`,
    // a pluggable strategy's sort: async in name only
    `async function plan(files, sequencer) {
      const sorted = await sequencer.sort(files);
      const options = await readOptions(files);
      return { sorted, options };
    }`,
    // a lookup that throws when the record is missing, then a write keyed by the same id: in
    // parallel the write happens (a rate-limit token is spent, a row is created) for a request
    // the lookup refuses
    `async function submit(db, limiter, appId, teamId) {
      const app = await db.app.findFirstOrThrow({ where: { id: appId, teamId } });
      const { ok } = await limiter(3, '1 h').limit(\`submit:\${appId}\`);
      return { app, ok };
    }`,
    `async function enroll(input) {
      const team = await loadTeamOrThrow({ teamId: input.teamId });
      const { member } = await getOrCreateMember({ email: input.email });
      return { team, member };
    }`,
    `import { loginLimiter } from './limits';
    async function spend(ip) {
      const account = await accounts.getByIpOrThrow(ip);
      const left = await loginLimiter.limit(ip);
      return { account, left };
    }`,
    // a step that may throw (a size limit) before a request that creates something on a server
    `async function share(scene, attachments) {
      const encoded = await packAttachments({ attachments, maxBytes: 1e6 });
      const response = await fetch(SHARE_URL, { method: 'POST', body: scene });
      return { encoded, response };
    }`,
    // a maintenance step stores or drops what the next read lists
    `import { feeds } from './feeds';
    async function reload(url) {
      const added = await feeds.refresh(url);
      const all = await feeds.list();
      return { added, all };
    }`,
    `async function pinnedFirst(store, sets) {
      let pinned = await store.range('pinned');
      pinned = await board.admin.dropPinExpiry(pinned);
      const rest = await store.range(sets);
      return pinned.concat(rest);
    }`,
    // a method chosen at run time may write or delete what was just read
    `import * as posts from './posts';
    async function act(id, action) {
      const { title } = await posts.fields(id, ['title']);
      const result = await posts.actions[action](id);
      return { title, result };
    }`,
    // hooks of a plugin host: extensions' listeners run in the host's order
    `import { host } from './plugins';
    async function page(req) {
      const built = await host.hooks.fire('filter:page.build', { req });
      const shown = await host.hooks.fire('filter:page.show', { req });
      return { built, shown };
    }`,
    // only the local disk: handlers chained on fs calls, exists checks through a project's wrapper
    `import { readFile, stat } from 'node:fs/promises';
    async function ownerOf(lockPath) {
      const owner = await readFile(lockPath, 'utf8').then((raw) => JSON.parse(raw)).catch(() => undefined);
      const info = await stat(lockPath).catch(() => undefined);
      return { owner, info };
    }`,
    `import { fsExists } from './utils/fs';
    async function markers(paths) {
      const pending = await fsExists(paths.pending);
      const applied = await fsExists(paths.applied);
      return { pending, applied };
    }`,
    // nothing to overlap: the adapter's own record of the request's session, a memoised framework
    // instance, a request's headers, a wrapper whose only wait is loading a bundled module
    `import { lookupQuery } from './queries';
    import { getSession } from './session';
    export async function findMany(where, req) {
      const query = await lookupQuery({ adapter: this, where });
      const session = await getSession(this, req);
      return this.model.find(query, { session });
    }`,
    // a getter shaped like a memoised instance (an i18n instance built once per language)
    `import { renderEmail } from './render';
    import { getI18nInstance } from './i18n';
    export async function sendReset(user, template, mailer) {
      const html = await renderEmail(template);
      const i18n = await getI18nInstance(user.locale);
      return mailer.send({ to: user.email, subject: i18n.t('reset'), html });
    }`,
    `import { getPayload } from 'payload';
    export async function signOut({ config, adapter }) {
      const payload = await getPayload({ config });
      const headers = await adapter.getHeaders();
      return payload.auth({ headers });
    }`,
    `const snapshotOf = async (modules) => {
      const { prepare } = await import('./prepare.js');
      return { tables: Object.keys(prepare(modules)) };
    };
    export async function diff(modules, db) {
      const next = await snapshotOf(modules);
      const current = await db.introspect('public');
      return { next, current };
    }`,
    // one-time migration code: a file of a migrations folder, a function named for migrating
    {
      code: `export async function rollback({ payload }) {
        const files = await readMigrationFiles({ payload });
        const { applied } = await listApplied({ payload });
        return { files, applied };
      }`,
      filename: 'src/database/migrations/rollback.ts',
    },
    `class Schema {
      static async migrateLegacyPages() {
        const title = await loadTitle();
        const pages = await Page.findAll();
        return { title, pages };
      }
    }`,
    // configuration values by a literal key: the settings store answers from its cache
    `async function pushKeys() {
      const publicKey = await setting('pushPublicKey');
      const privateKey = await setting('pushPrivateKey');
      return { publicKey, privateKey };
    }`,
    `import { codec } from 'key-codec';
    class Sender {
      async privateKey(text) { const { data } = await codec.decode(text); return data; }
      async publicKey(text) { const { data } = await codec.decode(text); return data; }
      async send(note) {
        const from = await this.privateKey(note.sender);
        const to = await this.publicKey(note.recipient);
        return { from, to };
      }
    }`,
    `import { isPublic } from './access';
    import { UptimeMeter } from './uptime';
    async function badge(id) {
      const visible = await isPublic(id);
      const meter = await UptimeMeter.getUptimeMeter(id);
      return { visible, meter };
    }`,
    `import translator from './translator';
    async function inviteSubject(uid, lang) {
      const name = await users.getField(uid, 'username');
      const subject = await translator.translate('[[email:invite]]', lang);
      return { name, subject };
    }`,
    `import { Settings } from './settings';
    async function saveGeneral(data) {
      const browser = await Settings.get('browserPath');
      const cache = await Settings.get('dnsCache');
      return { browser, cache, data };
    }`,
    // a one-shot command that probes the local machine beside one request: a moment of one run
    `#!/usr/bin/env node
    import { detectManager, latestVersion } from './lib';
    export async function upgrade(projectDir) {
      const manager = await detectManager({ projectDir });
      const latest = await latestVersion('framework');
      return { manager, latest };
    }`,
    // work in the background after the response: nobody waits for it
    `export async function POST(req) {
      waitUntil((async () => {
        const owners = await prisma.owner.findMany({ where: { active: true } });
        const guests = await prisma.guest.findMany({ where: { active: true } });
        await notifyAll(owners, guests);
      })());
      return new Response('ok');
    }`,
  ],
  invalid,
});

assertSuggestionsParse('prefer-promise-all', invalid);
