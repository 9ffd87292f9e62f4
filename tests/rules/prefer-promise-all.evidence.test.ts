import path from 'node:path';
import type { InvalidTestCase } from '@typescript-eslint/rule-tester';
import rule, { type MessageIds, type Options } from '../../src/rules/prefer-promise-all';
import { assertSuggestionsParse } from '../gather-suggestions-parse';
import { FIXTURES_DIR, ruleTester } from '../rule-tester';
import { gatheredPair } from './gathered-reports';

/**
 * Positive evidence of remote waits: a group is reported only when one of its calls is shown to
 * wait on another machine (a client of a network package, `fetch`, a field typed as a client or
 * repository, a project module's client imported by its name, a gather of such calls; in a request
 * or job handler, any call not shown to be local) and another call waits too. Calls of unknown
 * functions elsewhere, a local read or CPU work leave nothing worth overlapping, and a call told to
 * answer from its cache waits on nothing. `requireEvidence: false` reports them as before.
 */

// @typescript-eslint/rule-tester pins its own copy of utils; the rule is the same object at run time.
const testedRule = rule as unknown as Parameters<typeof ruleTester.run<MessageIds, Options>>[1];

type Invalid = InvalidTestCase<MessageIds, Options>;

/** Beside `fixtures/remote-evidence/`: helpers that ask servers (`probes.ts`) or query the project's pool (`accounts.ts`). */
const probesFilename = path.join(FIXTURES_DIR, 'remote-evidence', 'file.ts');

const unknownHelpers = `
export async function summary(id) {
  const profile = await loadProfile(id);
  const stats = await computeStats(id);
  return { profile, stats };
}`;

const invalid: Invalid[] = [
  // two queries through the project's Prisma client, imported by its name from an aliased module
  {
    code: `
import { prisma } from '@/server/prisma';

export async function orderPage(id) {
  const order = await prisma.order.findUnique({ where: { id } });
  const lines = await prisma.orderLine.findMany({ where: { orderId: id } });
  return { order, lines };
}`,
    errors: [
      gatheredPair(5, 17, `
import { prisma } from '@/server/prisma';

export async function orderPage(id) {
  const [order, lines] = await Promise.all([
    prisma.order.findUnique({ where: { id } }),
    prisma.orderLine.findMany({ where: { orderId: id } }),
  ]);
  return { order, lines };
}`),
    ],
  },
  // a gather of repository reads counts as a remote wait beside a client request
  {
    code: `
class Digest {
  constructor(private readonly members: Repository<Member>, private readonly mailClient: MailClient) {}

  async prepare(ids: string[]) {
    const people = await Promise.all(ids.map((id) => this.members.findOneBy({ id })));
    const quota = await this.mailClient.remainingQuota();
    return { people, quota };
  }
}`,
    errors: [
      gatheredPair(6, 20, `
class Digest {
  constructor(private readonly members: Repository<Member>, private readonly mailClient: MailClient) {}

  async prepare(ids: string[]) {
    const [people, quota] = await Promise.all([
      Promise.all(ids.map((id) => this.members.findOneBy({ id }))),
      this.mailClient.remainingQuota(),
    ]);
    return { people, quota };
  }
}`),
    ],
  },
  // helpers of another module whose bodies ask servers (`https.get`, `fetch`)
  {
    filename: probesFilename,
    code: `
import { latestRelease, pingServer } from './probes';

export async function status(channel: string) {
  const online = await pingServer('https://status.example.com');
  const release = await latestRelease(channel);
  return { online, release };
}`,
    errors: [
      gatheredPair(5, 18, `
import { latestRelease, pingServer } from './probes';

export async function status(channel: string) {
  const [online, release] = await Promise.all([
    pingServer('https://status.example.com'),
    latestRelease(channel),
  ]);
  return { online, release };
}`),
    ],
  },
  // in a route handler, calls of the project's services: someone waits for their answers
  {
    code: `
import express from 'express';
import { accounts, settings } from './services';

const router = express.Router();
router.get('/badge/:id', async (req, res) => {
  const account = await accounts.byId(req.params.id);
  const prefs = await settings.forUser(req.params.id);
  res.json({ account, prefs });
});`,
    errors: [
      gatheredPair(7, 19, `
import express from 'express';
import { accounts, settings } from './services';

const router = express.Router();
router.get('/badge/:id', async (req, res) => {
  const [account, prefs] = await Promise.all([
    accounts.byId(req.params.id),
    settings.forUser(req.params.id),
  ]);
  res.json({ account, prefs });
});`),
    ],
  },
  // one query beside a call of unknown work: the query is the remote wait that gathering overlaps
  {
    code: `
import { prisma } from '@/server/prisma';

export async function welcome(userId, templates) {
  const user = await prisma.user.findUnique({ where: { id: userId } });
  const html = await templates.render('welcome', { userId });
  return { user, html };
}`,
    errors: [
      gatheredPair(5, 16, `
import { prisma } from '@/server/prisma';

export async function welcome(userId, templates) {
  const [user, html] = await Promise.all([
    prisma.user.findUnique({ where: { id: userId } }),
    templates.render('welcome', { userId }),
  ]);
  return { user, html };
}`),
    ],
  },
  // helpers of another module that query through the project's pool, imported by its name
  {
    filename: probesFilename,
    code: `
import { accountById, openInvoices } from './accounts';

export async function statement(id: string) {
  const account = await accountById(id);
  const invoices = await openInvoices(id);
  return { account, invoices };
}`,
    errors: [
      gatheredPair(5, 19, `
import { accountById, openInvoices } from './accounts';

export async function statement(id: string) {
  const [account, invoices] = await Promise.all([accountById(id), openInvoices(id)]);
  return { account, invoices };
}`),
    ],
  },
  // functions of another module written inside a wrapper (React's cache) that query the
  // project's Prisma client: the wrapped function is the one called
  {
    filename: probesFilename,
    code: `
import { getComments, getPost } from './posts';

export default async function PostPage({ params }) {
  const post = await getPost(params.id);
  const comments = await getComments(params.id);
  return { post, comments };
}`,
    errors: [
      gatheredPair(5, 16, `
import { getComments, getPost } from './posts';

export default async function PostPage({ params }) {
  const [post, comments] = await Promise.all([getPost(params.id), getComments(params.id)]);
  return { post, comments };
}`),
    ],
  },
  // a function of a module over axios whose body the linter does not find (made by a call
  // handed a function declared elsewhere): the module's imports speak for it
  {
    filename: probesFilename,
    code: `
import { ownerById, teamById } from './owners';

export async function ownership(ownerId: string, teamId: string) {
  const owner = await ownerById(ownerId);
  const team = await teamById(teamId);
  return { owner, team };
}`,
    errors: [
      gatheredPair(5, 17, `
import { ownerById, teamById } from './owners';

export async function ownership(ownerId: string, teamId: string) {
  const [owner, team] = await Promise.all([ownerById(ownerId), teamById(teamId)]);
  return { owner, team };
}`),
    ],
  },
  // functions of another module whose query is a tagged template of a remote SQL client
  {
    filename: probesFilename,
    code: `
import { getCustomer, getInvoice } from './queries';

export async function invoicePage(id: string, customerId: string) {
  const invoice = await getInvoice(id);
  const customer = await getCustomer(customerId);
  return { invoice, customer };
}`,
    errors: [
      gatheredPair(5, 19, `
import { getCustomer, getInvoice } from './queries';

export async function invoicePage(id: string, customerId: string) {
  const [invoice, customer] = await Promise.all([getInvoice(id), getCustomer(customerId)]);
  return { invoice, customer };
}`),
    ],
  },
  // helpers of this file that await a query written as a template of a client made by postgres()
  {
    code: `
import postgres from 'postgres';

const sql = postgres(process.env.DATABASE_URL);

async function userById(id) {
  const [user] = await sql\`select * from users where id = \${id}\`;
  return user;
}

async function ordersOf(id) {
  return sql\`select * from orders where user_id = \${id}\`;
}

export async function stats(id) {
  const user = await userById(id);
  const orders = await ordersOf(id);
  return { user, orders };
}`,
    errors: [
      gatheredPair(16, 16, `
import postgres from 'postgres';

const sql = postgres(process.env.DATABASE_URL);

async function userById(id) {
  const [user] = await sql\`select * from users where id = \${id}\`;
  return user;
}

async function ordersOf(id) {
  return sql\`select * from orders where user_id = \${id}\`;
}

export async function stats(id) {
  const [user, orders] = await Promise.all([userById(id), ordersOf(id)]);
  return { user, orders };
}`),
    ],
  },
  // functions of a (workspace or generated) package named as an API client
  {
    code: `
import { fetchOrders, fetchUser } from '@acme/api-client';

export async function loadProfile(id) {
  const user = await fetchUser(id);
  const orders = await fetchOrders(id);
  return { user, orders };
}`,
    errors: [
      gatheredPair(5, 16, `
import { fetchOrders, fetchUser } from '@acme/api-client';

export async function loadProfile(id) {
  const [user, orders] = await Promise.all([fetchUser(id), fetchOrders(id)]);
  return { user, orders };
}`),
    ],
  },
  // an object made from an imported class named as a client, of an SDK outside the catalogue
  {
    code: `
import { Client } from '@notionhq/client';

const notion = new Client({ auth: process.env.NOTION_TOKEN });

export async function load(pageId, databaseId) {
  const page = await notion.pages.retrieve({ page_id: pageId });
  const rows = await notion.databases.query({ database_id: databaseId });
  return { page, rows };
}`,
    errors: [
      gatheredPair(7, 16, `
import { Client } from '@notionhq/client';

const notion = new Client({ auth: process.env.NOTION_TOKEN });

export async function load(pageId, databaseId) {
  const [page, rows] = await Promise.all([
    notion.pages.retrieve({ page_id: pageId }),
    notion.databases.query({ database_id: databaseId }),
  ]);
  return { page, rows };
}`),
    ],
  },
  // the same made in the constructor of a class, as its field
  {
    code: `
import { WebClient } from 'chat-sdk-lite';

export class Notifier {
  constructor(token) {
    this.chat = new WebClient(token);
  }

  async presence(userId, channelId) {
    const user = await this.chat.users.info({ user: userId });
    const channel = await this.chat.conversations.info({ channel: channelId });
    return { user, channel };
  }
}`,
    errors: [
      gatheredPair(10, 18, `
import { WebClient } from 'chat-sdk-lite';

export class Notifier {
  constructor(token) {
    this.chat = new WebClient(token);
  }

  async presence(userId, channelId) {
    const [user, channel] = await Promise.all([
      this.chat.users.info({ user: userId }),
      this.chat.conversations.info({ channel: channelId }),
    ]);
    return { user, channel };
  }
}`),
    ],
  },
  // without requiring evidence, calls of unknown functions are reported as before
  {
    code: unknownHelpers,
    options: [{ requireEvidence: false }],
    errors: [
      gatheredPair(3, 19, `
export async function summary(id) {
  const [profile, stats] = await Promise.all([loadProfile(id), computeStats(id)]);
  return { profile, stats };
}`),
    ],
  },
  // an await written inside Promise.all defeats the gather whatever the calls wait on
  {
    code: `
export async function pair(a, b) {
  return Promise.all([await resize(a), resize(b)]);
}`,
    errors: [{ messageId: 'awaitInGather', line: 3, column: 23, suggestions: [{ messageId: 'removeAwait', data: { method: 'all' }, output: `
export async function pair(a, b) {
  return Promise.all([resize(a), resize(b)]);
}` }] }],
  },
  // a call on the bridge a desktop app's preload puts on \`window\` beside a request: the request
  // is the remote wait, the bridge call waits too
  {
    code: `
export async function openDetails(id: string) {
  const info = await window.api.getGameInfo(id);
  const news = await fetch('https://news.example.com/' + id);
  return { info, news };
}`,
    errors: [
      gatheredPair(3, 16, `
export async function openDetails(id: string) {
  const [info, news] = await Promise.all([
    window.api.getGameInfo(id),
    fetch('https://news.example.com/' + id),
  ]);
  return { info, news };
}`),
    ],
  },
  // a method that hands out a client beside a request on a client imported by its name: the
  // request is the remote wait
  {
    code: `
import { graphqlClient } from './graphql';

class Inspector {
  async snapshot(id: string) {
    const client = await this.getActiveClient();
    const saved = await graphqlClient.request(id);
    return { client, saved };
  }
}`,
    errors: [
      gatheredPair(6, 20, `
import { graphqlClient } from './graphql';

class Inspector {
  async snapshot(id: string) {
    const [client, saved] = await Promise.all([this.getActiveClient(), graphqlClient.request(id)]);
    return { client, saved };
  }
}`),
    ],
  },
  // a method named for an API it asks (\`getProductApi\`), not for handing out a client: still
  // named as a remote call
  {
    code: `
class StoreLibrary {
  async details(id: string) {
    const product = await this.getProductApi(id);
    const tab = await firstTab(id);
    return { product, tab };
  }
}`,
    errors: [
      gatheredPair(4, 21, `
class StoreLibrary {
  async details(id: string) {
    const [product, tab] = await Promise.all([this.getProductApi(id), firstTab(id)]);
    return { product, tab };
  }
}`),
    ],
  },
];

ruleTester.run('prefer-promise-all (evidence of remote waits)', testedRule, {
  valid: [
    // two calls of functions nothing shows to wait on another machine
    unknownHelpers,
    // one query beside a call told to answer from its cache: only the query waits
    `
import { prisma } from '@/server/prisma';

export async function header(userId, locales) {
  const user = await prisma.user.findUnique({ where: { id: userId } });
  const languages = await locales.list({ cache: true });
  return { user, languages };
}`,
    // two service calls outside a request or job handler: nothing shows they reach further
    // (`./services` is not in the fixture tree: this pins an unknown module, not a module read and
    // found local)
    `
import { accounts, settings } from './services';

export async function refreshBadge(userId) {
  const account = await accounts.byId(userId);
  const prefs = await settings.forUser(userId);
  return { account, prefs };
}`,
    // a tagged template that builds a fragment for another query is not itself a query: the
    // helpers hand it to a store nothing shows to be remote
    `
import { sql } from 'drizzle-orm';

async function countLive(store, table) {
  return store.count(table, sql\`deleted_at is null\`);
}

export async function totals(store) {
  const users = await countLive(store, 'users');
  const teams = await countLive(store, 'teams');
  return { users, teams };
}`,
    // a package whose name says nothing about a remote API
    `
import { formatUser, loadIcons } from '@acme/ui-kit';

export async function header(id) {
  const label = await formatUser(id);
  const icons = await loadIcons();
  return { label, icons };
}`,
    // a desktop shell's API package talks to the app's own backend process, not to another machine
    `
import { invoke } from '@tauri-apps/api/core';

export async function restoreWindow() {
  const settings = await invoke('read_settings');
  const windows = await invoke('list_windows');
  return { settings, windows };
}`,
    // an object made from an imported class whose name says nothing of a client, or from a test
    // double named as one
    `
import { Renderer } from 'page-kit';
import { MockClient } from 'test-doubles';

const renderer = new Renderer({ theme: 'dark' });
const client = new MockClient();

export async function preview(id) {
  const page = await renderer.render(id);
  const assets = await renderer.collectAssets(id);
  const fakeUser = await client.users.get(id);
  const fakeTeam = await client.teams.get(id);
  return { page, assets, fakeUser, fakeTeam };
}`,
    // a helper called directly is judged by its own body, not by what else its module imports:
    // these resize images in this process although the module also asks servers over `https`
    {
      filename: probesFilename,
      code: `
import { thumbnail } from './probes';

export async function previews(image: Buffer) {
  const small = await thumbnail(image, 64);
  const large = await thumbnail(image, 512);
  return { small, large };
}`,
    },
    // calls on the bridge a desktop app's preload puts on \`window\` (\`window.api\`): messages to the
    // app's own process, whatever the bridge is named
    `
export async function openUninstall(id: string, runner: string) {
  const info = await window.api.getGameInfo(id, runner);
  const native = await window.api.isNative({ id, runner });
  return { info, native };
}`,
    // a method named for handing out a client (\`getActiveClient\`) is judged by its body, not its
    // name: here it connects to the browser this program drives, through a package nothing shows
    // to be remote, beside a lookup nothing shows to be remote either
    `
import { connectDevtools, listTargets } from 'devtools-connection';
import { firstTab } from './tabs';

class BrowserSession {
  constructor(private readonly port: number) {}
  async getActiveClient() {
    const targets = await listTargets({ port: this.port });
    return connectDevtools({ port: this.port, target: targets[0] });
  }
  async maximize(port: number) {
    const tab = await firstTab(port);
    const client = await this.getActiveClient();
    return { tab, client };
  }
}`,
  ],
  invalid,
});

assertSuggestionsParse('prefer-promise-all', invalid);
