import path from 'node:path';
import rule, { type MessageIds, type Options } from '../../src/rules/prefer-promise-all-in-loop';
import { FIXTURES_DIR, ruleTester } from '../rule-tester';

const ROUTE = path.join(FIXTURES_DIR, 'loop-evidence', 'routes', 'invoices.js');

// The evidence gate at the default options: a loop is reported only with evidence that running its
// iterations together pays (src/analysis/iteration-evidence.ts).
const testedRule = rule as unknown as Parameters<typeof ruleTester.run<MessageIds, Options>>[1];
const reported = [{ messageId: 'awaitInLoop' as const }];

ruleTester.run('prefer-promise-all-in-loop (evidence that gathering pays)', testedRule, {
  valid: [
    // a few local files of the program's own list: nothing waits on another machine
    `
import { readFile } from 'node:fs/promises';
export async function readManifests(folders) {
  const out = [];
  for (const folder of folders) {
    out.push(JSON.parse(await readFile(folder + '/manifest.json', 'utf8')));
  }
  return out;
}`,
    // a helper of another module that nothing says is remote, over a list the program wrote
    `
import { applyTheme } from './themes';
const THEMES = ['light', 'dark', 'contrast'];
export async function prepareThemes(target) {
  for (const theme of THEMES) {
    await applyTheme(target, theme);
  }
}`,
    // an editor-style settings write per key: an object of the program, no client behind it
    `
export async function saveSettings(workspace, changes) {
  for (const key of Object.keys(changes)) {
    await workspace.configuration.update(key, changes[key]);
  }
}`,
    // a helper of this file that only touches the local disk
    `
import { stat, chmod } from 'node:fs/promises';
async function makeExecutable(file) {
  const info = await stat(file);
  if (!(info.mode & 0o111)) await chmod(file, 0o755);
}
export async function fixBinaries(files) {
  for (const file of files) {
    await makeExecutable(file);
  }
}`,
    // a progress word in a log line is no progress display
    `
import { convert } from './convert';
export async function convertAll(names, log) {
  for (const name of names) {
    log.info('progress: converting ' + name);
    await convert(name);
  }
}`,
    // a helper of a project module that imports nothing that leaves the process
    {
      filename: ROUTE,
      code: `
const { labelFor } = require('../models/format');
exports.labels = async (files) => {
  const labels = [];
  for (const file of files) labels.push(await labelFor(file));
  return labels;
};`,
    },
  ],
  invalid: [
    // a model of a project module that requires a database package, looked up per id of a request
    {
      filename: ROUTE,
      code: `
const Invoice = require('../models/Invoice');
exports.totals = async (req, res) => {
  const totals = [];
  for (const id of req.body.ids) {
    const invoice = await Invoice.findById(id);
    totals.push(invoice ? invoice.totalCents : 0);
  }
  res.json(totals);
};`,
      errors: reported,
    },
    // the global fetch per item
    {
      code: `
export async function pricesOf(skus) {
  const prices = [];
  for (const sku of skus) {
    prices.push(await fetch('https://prices.example/' + sku).then((r) => r.json()));
  }
  return prices;
}`,
      errors: reported,
    },
    // a pool made from a database driver's import, queried per id in a helper of this file
    {
      code: `
import { Pool } from 'pg';
const pool = new Pool();
async function accountOf(id) {
  const { rows } = await pool.query('select * from accounts where id = $1', [id]);
  return rows[0];
}
export async function accountsOf(ids) {
  const accounts = [];
  for (const id of ids) accounts.push(await accountOf(id));
  return accounts;
}`,
      errors: reported,
    },
    // a field named as a Redis client
    {
      code: `
export class Sessions {
  async loadAll(keys) {
    const found = [];
    for (const key of keys) {
      found.push(await this.redisClient.get(key));
    }
    return found;
  }
}`,
      errors: reported,
    },
    // an import from the project's module of clients
    {
      code: `
import { inventory } from '../services/clients';
export async function stockOf(items) {
  const counts = [];
  for (const item of items) {
    counts.push(await inventory.countFor(item.sku));
  }
  return counts;
}`,
      errors: reported,
    },
    // a parameter typed with a class of this file whose method sends a request
    {
      code: `
class BlobStore {
  constructor(base) { this.base = base; }
  async put(key, body) {
    const response = await fetch(this.base + '/' + key, { method: 'PUT', body });
    return response.ok;
  }
}
export async function publish(store: BlobStore, files: string[]) {
  const done: boolean[] = [];
  for (const file of files) {
    done.push(await store.put(file, file));
  }
  return done;
}`,
      errors: reported,
    },
    // a field made in the constructor with a connection option
    {
      code: `
import { Limiter } from './limiter';
export class Dispatcher {
  constructor(options) {
    this.limits = new Limiter({ redis: options.redis });
  }
  async open(tenants) {
    const open = [];
    for (const tenant of tenants) {
      const full = await this.limits.isFull(tenant.id);
      if (!full) open.push(tenant);
    }
    return open;
  }
}`,
      errors: reported,
    },
    // a client handed to a helper in an options object
    {
      code: `
import { logsOf } from './logs';
export async function summarise(graphqlClient, jobs) {
  const lines = [];
  for (const job of jobs) {
    lines.push(await logsOf({ graphqlClient }, job));
  }
  return lines;
}`,
      errors: reported,
    },
    // the per-item helper already gathers its own steps
    {
      code: `
async function renderSizes(source) {
  await Promise.all([64, 128, 256].map((size) => resize(source, size)));
  return source;
}
export async function renderAll(sources) {
  const rendered = [];
  for (const source of sources) {
    rendered.push(await renderSizes(source));
  }
  return rendered;
}`,
      errors: reported,
    },
    // the per-item helper streams a whole file through compression
    {
      code: `
import { pipeline } from 'node:stream/promises';
import { createReadStream, createWriteStream } from 'node:fs';
import { createGzip } from 'node:zlib';
async function compress(file) {
  await pipeline(createReadStream(file), createGzip(), createWriteStream(file + '.gz'));
}
export async function compressAll(files, log) {
  for (const file of files) {
    await compress(file);
    log.info('compressed', file);
  }
}`,
      errors: reported,
    },
    // the function gathers the next step over the same items: this loop is the one left in series
    {
      code: `
import { loadPrefs } from './prefs';
export async function greetMembers(members) {
  const inboxes = [];
  for (const member of members) {
    const prefs = await loadPrefs(member.id);
    if (prefs.greet) inboxes.push(member.inbox);
  }
  await Promise.allSettled(inboxes.map((inbox) => inbox.post('welcome')));
}`,
      errors: reported,
    },
    // the list is rows fetched from a database client
    {
      code: `
import { renderCard } from './cards';
export class Cards {
  constructor(prisma) { this.prisma = prisma; }
  async weekly() {
    const teams = await this.prisma.team.findMany();
    const cards = {};
    for (const team of teams) {
      cards[team.id] = await renderCard(team);
    }
    return cards;
  }
}`,
      errors: reported,
    },
    // the list is filled from rows of a Redis answer, reordered by a helper of this file
    {
      code: `
import { checkQuota } from './quota';
export class Picker {
  constructor(redis) { this.redis = redis; }
  async entries(key) {
    return this.redis.zrange(key, 0, -1);
  }
  rotate(list, start) {
    return [...list.slice(start), ...list.slice(0, start)];
  }
  async pick(key, start) {
    const owners = [];
    for (const entry of await this.entries(key)) owners.push(entry.split(':')[0]);
    const eligible = [];
    for (const owner of this.rotate(owners, start)) {
      const ok = await checkQuota(owner);
      if (ok) eligible.push(owner);
    }
    return eligible;
  }
}`,
      errors: reported,
    },
    // a request handler over ids of the request body, waiting on a helper not shown to be local
    {
      code: `
import express from 'express';
import { priceOf } from './pricing';
const app = express();
app.post('/quote', async (req, res) => {
  const prices = [];
  for (const sku of req.body.skus) prices.push(await priceOf(sku));
  res.json(prices);
});`,
      errors: reported,
    },
    // a framework's global fetch
    {
      code: `
export async function quotes(symbols) {
  const out = [];
  for (const symbol of symbols) out.push(await $fetch('https://quotes.example/' + symbol));
  return out;
}`,
      errors: reported,
    },
    // a database handle kept on the instance
    {
      code: `
export class Accounts {
  constructor(db) { this.db = db; }
  async byIds(ids) {
    const found = [];
    for (const id of ids) found.push(await this.db.collection('accounts').findOne({ _id: id }));
    return found;
  }
}`,
      errors: reported,
    },
    // a progress bar ticks per item: the author expects a long loop
    {
      code: `
import { lookupEngines } from './engines';
export async function enginesOf(names, bar) {
  const result = {};
  for (const name of names) {
    result[name] = await lookupEngines(name);
    bar.tick();
  }
  return result;
}`,
      errors: reported,
    },
    // with the gate off, a local loop is reported as before
    {
      code: `
import { readFile } from 'node:fs/promises';
export async function readManifests(folders) {
  const out = [];
  for (const folder of folders) {
    out.push(JSON.parse(await readFile(folder + '/manifest.json', 'utf8')));
  }
  return out;
}`,
      options: [{ requireEvidence: false }],
      errors: reported,
    },
    // finding 10: the word "upsert" in a log line is no find-or-create
    {
      code: `
export async function fetchItems(ids, log) {
  const results = [];
  for (const id of ids) {
    const response = await fetch('https://items.example/' + id);
    results.push(await response.json());
    log.debug('stored; a later pass may upsert', id);
  }
  return results;
}`,
      errors: reported,
    },
    // finding 10: a get then a save on an HTTP client updates each item's own record
    {
      code: `
export async function touchUsers(api, ids) {
  const saved = [];
  for (const id of ids) {
    const user = await api.getUser(id);
    saved.push(await api.save({ ...user, seenAt: Date.now() }));
  }
  return saved;
}`,
      errors: reported,
    },
    // a function of a module over axios written inside a wrapper (`withTimeout(async (id) => ...)`)
    {
      filename: path.join(FIXTURES_DIR, 'remote-evidence', 'file.ts'),
      code: `
import { ownerById } from './owners';
export async function owners(ids) {
  const out = [];
  for (const id of ids) out.push(await ownerById(id));
  return out;
}`,
      errors: reported,
    },
    // the same module's function made by a call handed a function declared elsewhere: its body is
    // not found, and the module's import of axios speaks for it
    {
      filename: path.join(FIXTURES_DIR, 'remote-evidence', 'file.ts'),
      code: `
import { teamById } from './owners';
export async function teams(ids) {
  const out = [];
  for (const id of ids) out.push(await teamById(id));
  return out;
}`,
      errors: reported,
    },
    // a function of another module whose query is a tagged template of @vercel/postgres, per id
    {
      filename: path.join(FIXTURES_DIR, 'remote-evidence', 'file.ts'),
      code: `
import { getInvoice } from './queries';
export async function invoices(ids) {
  const out = [];
  for (const id of ids) out.push(await getInvoice(id));
  return out;
}`,
      errors: reported,
    },
    // a function of a package named as an API client, per id
    {
      code: `
import { fetchUser } from '@acme/api-client';
export async function users(ids) {
  const out = [];
  for (const id of ids) out.push(await fetchUser(id));
  return out;
}`,
      errors: reported,
    },
    // an object made from an imported class named as a client (an SDK outside the catalogue), per id
    {
      code: `
import { Client } from 'discord.js';
const bot = new Client({ intents: [] });
export async function members(ids) {
  const out = [];
  for (const id of ids) out.push(await bot.users.fetch(id));
  return out;
}`,
      errors: reported,
    },
    // finding 10: a product feature living in a folder named migration (no timestamp, no up/down)
    {
      filename: '/app/src/features/migration/importBoards.ts',
      code: `
export async function importBoards(boardIds, token) {
  const boards = [];
  for (const id of boardIds) {
    boards.push(await fetch('https://boards.example/' + id, { headers: { authorization: token } }).then((r) => r.json()));
  }
  return boards;
}`,
      errors: reported,
    },
  ],
});

ruleTester.run('prefer-promise-all-in-loop (migrations by shape, find-or-create by calls)', testedRule, {
  valid: [
    // a timestamped migration file: runs once per deploy
    {
      filename: '/app/db/migrations/20240105093000-backfill-avatars.ts',
      code: `
export async function backfill(users) {
  for (const user of users) {
    const response = await fetch(user.avatarUrl);
    await store(user.id, await response.arrayBuffer());
  }
}`,
    },
    // a migration module that exports its up step
    {
      filename: '/app/db/migrations/add-slugs.js',
      code: `
export async function up(db, ids) {
  for (const id of ids) {
    const row = await fetch('https://legacy.example/' + id).then((r) => r.json());
    await db.insert(row);
  }
}`,
    },
    // a nested connectOrCreate in the data of a create: two items may name one tag
    `
import { PrismaClient } from '@prisma/client';
const prisma = new PrismaClient();
export async function importBookmarks(bookmarks) {
  for (const bookmark of bookmarks) {
    await prisma.bookmark.create({
      data: { url: bookmark.url, tags: { connectOrCreate: bookmark.tags.map((name) => ({ where: { name }, create: { name } })) } },
    });
  }
}`,
    // a find and then a create on the same model
    `
import { PrismaClient } from '@prisma/client';
const prisma = new PrismaClient();
export async function ensureLabels(names) {
  for (const name of names) {
    const found = await prisma.label.findFirst({ where: { name } });
    if (!found) await prisma.label.create({ data: { name } });
  }
}`,
  ],
  invalid: [],
});
