import type { InvalidTestCase } from '@typescript-eslint/rule-tester';
import rule, { type MessageIds, type Options } from '../../src/rules/prefer-promise-all';
import { testDocsExamples } from '../docs-examples';
import { assertSuggestionsParse } from '../gather-suggestions-parse';
import { ruleTester } from '../rule-tester';
import { gatheredGroup, gatheredPair } from './gathered-reports';

type Invalid = InvalidTestCase<MessageIds, Options>;

/** Two query builder chains that only select: independent reads. */
const selectPair: Invalid = {
  code: `
async function counts(ctx, labelId) {
  const tagged = await ctx.db.select({ id: labelled.itemId }).from(labelled).where(eq(labelled.labelId, labelId));
  const label = await ctx.db.select().from(labels).where(eq(labels.id, labelId));
  return { tagged, label };
}`,
  errors: [
    gatheredPair(3, 18, `
async function counts(ctx, labelId) {
  const [tagged, label] = await Promise.all([
    ctx.db.select({ id: labelled.itemId }).from(labelled).where(eq(labelled.labelId, labelId)),
    ctx.db.select().from(labels).where(eq(labels.id, labelId)),
  ]);
  return { tagged, label };
}`),
  ],
};

const invalid: Invalid[] = [
  selectPair,
  // test code with checkTestCode (on in strict): checked as anywhere else
  { ...selectPair, filename: 'src/__tests__/counts.ts', options: [{ checkTestCode: true }] },
  // a start-up name does not hide awaits a request handler waits on
  {
    code: `
async function setup() {
  const plans = await fetchPlans();
  const regions = await fetchRegions();
  return { plans, regions };
}
app.get('/pricing', async (req, res) => res.json(await setup()));`,
    errors: [
      gatheredPair(3, 17, `
async function setup() {
  const [plans, regions] = await Promise.all([fetchPlans(), fetchRegions()]);
  return { plans, regions };
}
app.get('/pricing', async (req, res) => res.json(await setup()));`),
    ],
  },
  // the pitfall: independent requests one after another
  {
    code: `
async function load(id) {
  const user = await getUser(id);
  const posts = await getPosts(id);
  return { user, posts };
}`,
    options: [{ requireEvidence: false }],
    errors: [
      {
        messageId: 'sequentialAwaits',
        data: { count: 2 },
        line: 3,
        column: 16,
        endLine: 4,
        endColumn: 36,
        suggestions: [
          {
            messageId: 'useGather',
            data: { count: 2 },
            output: `
async function load(id) {
  const [user, posts] = await Promise.all([getUser(id), getPosts(id)]);
  return { user, posts };
}`,
          },
        ],
      },
    ],
  },
  {
    code: `
const handler = async (req) => {
  let a = await fetchA(req.id);
  let b = await fetchB(req.id);
  let c = await fetchC();
  return [a, b, c];
};`,
    options: [{ requireEvidence: false }],
    errors: [
      gatheredGroup(3, 3, 11, `
const handler = async (req) => {
  let [a, b, c] = await Promise.all([fetchA(req.id), fetchB(req.id), fetchC()]);
  return [a, b, c];
};`),
    ],
  },
  // different receivers are different resources
  {
    code: `
class Service {
  async dashboard(id) {
    const user = await this.users.findById(id);
    const orders = await this.orders.findByUser(id);
    return { user, orders };
  }
}`,
    options: [{ requireEvidence: false }],
    errors: [
      gatheredPair(4, 18, `
class Service {
  async dashboard(id) {
    const [user, orders] = await Promise.all([this.users.findById(id), this.orders.findByUser(id)]);
    return { user, orders };
  }
}`),
    ],
  },
  // destructuring patterns are kept inside the array pattern
  {
    code: `
async function f() {
  const { data } = await axiosLike.get('/a');
  const [first] = await other.list();
}`,
    options: [{ requireEvidence: false }],
    errors: [
      gatheredPair(3, 20, `
async function f() {
  const [{ data }, [first]] = await Promise.all([axiosLike.get('/a'), other.list()]);
}`),
    ],
  },
  // TypeScript annotations become a tuple type
  {
    code: `
async function f(): Promise<void> {
  const user: User = await getUser();
  const { items }: Page<Item> = await getPage(1);
}`,
    options: [{ requireEvidence: false }],
    errors: [
      gatheredPair(3, 22, `
async function f(): Promise<void> {
  const [user, { items }]: [User, Page<Item>] = await Promise.all([getUser(), getPage(1)]);
}`),
    ],
  },
  // comments between the statements are carried into the array
  {
    code: `
async function f() {
  const config = await loadConfig(); // from disk
  // the remote flags
  const flags = await fetchFlags();
}`,
    options: [{ requireEvidence: false }],
    errors: [
      gatheredPair(3, 18, `
async function f() {
  const [config, flags] = await Promise.all([
    loadConfig(), // from disk
    // the remote flags
    fetchFlags(),
  ]);
}`),
    ],
  },
  // comments inside a call are copied with it; multi-line calls use one element per line
  {
    code: `
async function f() {
  const a = await getA({
    id: 1, // the first
  });
  const b = await getB();
}`,
    options: [{ requireEvidence: false }],
    errors: [
      gatheredPair(3, 13, `
async function f() {
  const [a, b] = await Promise.all([
    getA({
    id: 1, // the first
  }),
    getB(),
  ]);
}`),
    ],
  },
  // a group ends where a statement depends on it; the next group starts there
  {
    code: `
async function f(id) {
  const user = await getUser(id);
  const posts = await getPosts(user.id);
  const likes = await getLikes(user.id);
}`,
    options: [{ requireEvidence: false }],
    errors: [
      gatheredPair(4, 17, `
async function f(id) {
  const user = await getUser(id);
  const [posts, likes] = await Promise.all([getPosts(user.id), getLikes(user.id)]);
}`),
    ],
  },
  // independent synchronous statements in between: reported, no exact rewrite
  {
    code: `
async function f(id) {
  const user = await getUser(id);
  const key = 'posts:' + id;
  const posts = await cache.get(key);
}`,
    options: [{ requireEvidence: false }],
    errors: [{ messageId: 'sequentialAwaits', data: { count: 2 }, line: 3, column: 16, suggestions: [] }],
  },
  {
    code: `
async function f(id) {
  const user = await getUser(id);
  const name = user.name;
  const label = name + '!';
  const posts = await getPosts(id);
}`,
    options: [{ requireEvidence: false }],
    errors: [{ messageId: 'sequentialAwaits', data: { count: 2 }, line: 3, column: 16, suggestions: [] }],
  },
  // assignments, var and mixed kinds: reported without a suggestion
  {
    code: `
async function f() {
  let a, b;
  a = await getA();
  b = await getB();
  return a + b;
}`,
    options: [{ requireEvidence: false }],
    errors: [{ messageId: 'sequentialAwaits', data: { count: 2 }, line: 4, column: 7, suggestions: [] }],
  },
  {
    code: `
async function f() {
  var a = await getA();
  var b = await getB();
}`,
    options: [{ requireEvidence: false }],
    errors: [{ messageId: 'sequentialAwaits', data: { count: 2 }, line: 3, column: 11, suggestions: [] }],
  },
  {
    code: `
async function f() {
  const a = await getA();
  let b = await getB();
}`,
    options: [{ requireEvidence: false }],
    errors: [{ messageId: 'sequentialAwaits', data: { count: 2 }, line: 3, column: 13, suggestions: [] }],
  },
  {
    code: `
async function f() {
  const a = (await getA()) as A;
  const b = await getB();
}`,
    options: [{ requireEvidence: false }],
    errors: [{ messageId: 'sequentialAwaits', data: { count: 2 }, line: 3, column: 14, suggestions: [] }],
  },
  // annotations on some declarations only: no exact tuple type
  {
    code: `
async function f() {
  const a: A = await getA();
  const b = await getB();
}`,
    options: [{ requireEvidence: false }],
    errors: [{ messageId: 'sequentialAwaits', data: { count: 2 }, line: 3, column: 16, suggestions: [] }],
  },
  // a comment inside a declaration's pattern cannot be carried
  {
    code: `
async function f() {
  const a /* first */ = await getA();
  const b = await getB();
}`,
    options: [{ requireEvidence: false }],
    errors: [{ messageId: 'sequentialAwaits', data: { count: 2 }, line: 3, column: 25, suggestions: [] }],
  },
  // `this.x = await ...` members: calls on other receivers cannot see `this.x`
  {
    code: `
class Page {
  async load() {
    this.user = await api.getUser();
    this.stats = await statsClient.fetch();
  }
}`,
    errors: [{ messageId: 'sequentialAwaits', data: { count: 2 }, line: 4, column: 17, suggestions: [] }],
  },
  // calls on different sub-resources of one object: collections, tables, models
  {
    code: `
async function f(store) {
  const user = await store.collection('users').findOne({ id });
  const team = await store.collection('teams').findOne({ id });
}`,
    options: [{ requireEvidence: false }],
    errors: [gatheredPair(3, 16, `
async function f(store) {
  const [user, team] = await Promise.all([
    store.collection('users').findOne({ id }),
    store.collection('teams').findOne({ id }),
  ]);
}`)],
  },
  // AWS SDK v3 read commands
  {
    code: `
async function handler(event) {
  const object = await s3.send(new GetObjectCommand({ Bucket: 'b', Key: event.key }));
  const parameter = await ssm.send(new GetParameterCommand({ Name: 'config' }));
  return { object, parameter };
}`,
    errors: [gatheredPair(3, 18, `
async function handler(event) {
  const [object, parameter] = await Promise.all([
    s3.send(new GetObjectCommand({ Bucket: 'b', Key: event.key })),
    ssm.send(new GetParameterCommand({ Name: 'config' })),
  ]);
  return { object, parameter };
}`)],
  },
  // the same imported module (or undeclared global) is a module of functions, not one object
  {
    code: `
import * as api from './api';
async function f(id) {
  const profile = await api.getProfile(id);
  const activity = await api.getActivity(id);
  return { profile, activity };
}`,
    errors: [gatheredPair(4, 19, `
import * as api from './api';
async function f(id) {
  const [profile, activity] = await Promise.all([api.getProfile(id), api.getActivity(id)]);
  return { profile, activity };
}`)],
  },
  {
    code: `
async function loadPage(slug) {
  const page = await cms.getPage(slug);
  const nav = await cms.getNavigation();
  return { page, nav };
}`,
    options: [{ requireEvidence: false }],
    errors: [gatheredPair(3, 16, `
async function loadPage(slug) {
  const [page, nav] = await Promise.all([cms.getPage(slug), cms.getNavigation()]);
  return { page, nav };
}`)],
  },
  // local functions that only read are independent
  {
    code: `
async function fetchUser(id) {
  const response = await fetch('/users/' + id);
  return response.json();
}
async function fetchPosts(id) {
  const response = await fetch('/posts?user=' + id);
  return response.json();
}
async function main() {
  const user = await fetchUser(1);
  const posts = await fetchPosts(1);
}`,
    errors: [
      gatheredPair(11, 16, `
async function fetchUser(id) {
  const response = await fetch('/users/' + id);
  return response.json();
}
async function fetchPosts(id) {
  const response = await fetch('/posts?user=' + id);
  return response.json();
}
async function main() {
  const [user, posts] = await Promise.all([fetchUser(1), fetchPosts(1)]);
}`),
    ],
  },
  // stateless modules: HTTP clients may be called together
  {
    code: `
const axios = require('axios');
async function f() {
  const users = await axios.get('/users');
  const teams = await axios.get('/teams');
}`,
    errors: [gatheredPair(4, 17, `
const axios = require('axios');
async function f() {
  const [users, teams] = await Promise.all([axios.get('/users'), axios.get('/teams')]);
}`)],
  },
  // inside a loop body: each iteration's awaits are still sequential
  {
    code: `
async function f(ids) {
  for (const id of ids) {
    const user = await getUser(id);
    const posts = await getPosts(id);
    render(user, posts);
  }
}`,
    options: [{ requireEvidence: false }],
    errors: [
      gatheredPair(4, 18, `
async function f(ids) {
  for (const id of ids) {
    const [user, posts] = await Promise.all([getUser(id), getPosts(id)]);
    render(user, posts);
  }
}`),
    ],
  },
  // inside one try block
  {
    code: `
async function f() {
  try {
    const a = await getA();
    const b = await getB();
  } catch (error) {
    report(error);
  }
}`,
    options: [{ requireEvidence: false }],
    errors: [
      gatheredPair(4, 15, `
async function f() {
  try {
    const [a, b] = await Promise.all([getA(), getB()]);
  } catch (error) {
    report(error);
  }
}`),
    ],
  },
  // top-level await in a module
  {
    code: `
const config = await loadConfig();
const schema = await loadSchema();`,
    options: [{ requireEvidence: false }],
    errors: [
      gatheredPair(2, 16, `
const [config, schema] = await Promise.all([loadConfig(), loadSchema()]);`),
    ],
  },
  // checkExpressionStatements: bare awaits join a group
  {
    code: `
async function f() {
  await warmCacheA();
  await warmCacheB();
}`,
    options: [{ requireEvidence: false, checkExpressionStatements: true }],
    errors: [
      gatheredPair(3, 3, `
async function f() {
  await Promise.all([warmCacheA(), warmCacheB()]);
}`),
    ],
  },
  {
    code: `
async function f() {
  const a = await getA();
  await ping();
  const c = await getC();
}`,
    options: [{ requireEvidence: false, checkExpressionStatements: true }],
    errors: [
      gatheredGroup(3, 3, 13, `
async function f() {
  const [a, , c] = await Promise.all([getA(), ping(), getC()]);
}`),
    ],
  },
  {
    code: `
async function f() {
  const a: A = await getA();
  await ping();
  const c: C = await getC();
}`,
    options: [{ requireEvidence: false, checkExpressionStatements: true }],
    errors: [
      gatheredGroup(3, 3, 16, `
async function f() {
  const [a, , c]: [A, unknown, C] = await Promise.all([getA(), ping(), getC()]);
}`),
    ],
  },
  // a shadowed Promise: reported, no rewrite
  {
    code: `
import Promise from 'bluebird';
async function f() {
  const a = await getA();
  const b = await getB();
  return [a, b];
}`,
    options: [{ requireEvidence: false }],
    errors: [{ messageId: 'sequentialAwaits', data: { count: 2 }, line: 4, column: 13, suggestions: [] }],
  },
  // minGroupSize
  {
    code: `
async function f() {
  const a = await getA();
  const b = await getB();
  const c = await getC();
}`,
    options: [{ requireEvidence: false, minGroupSize: 3 }],
    errors: [
      gatheredGroup(3, 3, 13, `
async function f() {
  const [a, b, c] = await Promise.all([getA(), getB(), getC()]);
}`),
    ],
  },
  // an `await` inside the gather's own array
  {
    code: `
async function f() {
  const [a, b] = await Promise.all([await getA(), getB()]);
}`,
    errors: [
      {
        messageId: 'awaitInGather',
        data: { method: 'all' },
        line: 3,
        column: 37,
        suggestions: [
          {
            messageId: 'removeAwait',
            data: { method: 'all' },
            output: `
async function f() {
  const [a, b] = await Promise.all([getA(), getB()]);
}`,
          },
        ],
      },
    ],
  },
  // every element awaited: the last element leaves no pending promise behind (the one before it
  // is settled already); its message says what it does instead: it adds its call to the serial waits
  {
    code: `
async function f() {
  await Promise.allSettled([await a(), await b()]);
}`,
    errors: [
      {
        messageId: 'awaitInGather',
        data: { method: 'allSettled' },
        line: 3,
        column: 29,
        suggestions: [{ messageId: 'removeAwait', data: { method: 'allSettled' }, output: `
async function f() {
  await Promise.allSettled([a(), await b()]);
}` }],
      },
      {
        messageId: 'awaitAfterAwaitsInGather',
        data: { method: 'allSettled' },
        line: 3,
        column: 40,
        suggestions: [{ messageId: 'removeAwait', data: { method: 'allSettled' }, output: `
async function f() {
  await Promise.allSettled([await a(), b()]);
}` }],
      },
    ],
  },
  // the last one delays no promise of the array, but leaves those before it unhandled meanwhile
  {
    code: `
async function f() {
  await Promise.allSettled([a(), await b()]);
}`,
    errors: [
      {
        messageId: 'awaitLastInGather',
        data: { method: 'allSettled' },
        line: 3,
        column: 34,
        suggestions: [{ messageId: 'removeAwait', data: { method: 'allSettled' }, output: `
async function f() {
  await Promise.allSettled([a(), b()]);
}` }],
      },
    ],
  },
  {
    code: `
async function f() {
  return Promise.race([await fetchFast(), timeout(100)]);
}`,
    errors: [
      {
        messageId: 'awaitInGather',
        data: { method: 'race' },
        line: 3,
        column: 24,
        suggestions: [{ messageId: 'removeAwait', data: { method: 'race' }, output: `
async function f() {
  return Promise.race([fetchFast(), timeout(100)]);
}` }],
      },
    ],
  },
  {
    code: `
async function f() {
  return Promise.any([await mirrorA.get(), mirrorB.get()]);
}`,
    errors: [
      {
        messageId: 'awaitInGather',
        data: { method: 'any' },
        line: 3,
        column: 23,
        suggestions: [{ messageId: 'removeAwait', data: { method: 'any' }, output: `
async function f() {
  return Promise.any([mirrorA.get(), mirrorB.get()]);
}` }],
      },
    ],
  },
];

// The rule tester bundles its own copy of @typescript-eslint/utils; the cast bridges the two identical types.
ruleTester.run<MessageIds, Options>('prefer-promise-all', rule as never, {
  valid: [
    // test code: a test's steps run in the order written on purpose (the first changes what the second reads)
    { filename: 'src/__tests__/counts.ts', code: selectPair.code },
    // start-up: a registry brought in line with the installed folders, once at boot
    `module.exports = class Widgets {
      static async refreshWidgetsFromDisk() {
        const known = await db.widgets.findAll();
        const folders = await fs.readdir(WIDGETS_DIR);
        return reconcile(known, folders);
      }
    }`,
    // a later call needs an earlier result
    `async function f(id) {
      const user = await getUser(id);
      const posts = await getPosts(user.id);
    }`,
    `async function f(id) {
      const { orgId } = await getUser(id);
      const org = await getOrg(orgId);
    }`,
    `async function f(id) {
      const [first] = await list();
      const detail = await load(first);
    }`,
    // through a synchronous statement computed from the result (transitively)
    `async function f(id) {
      const user = await getUser(id);
      const key = user.id;
      const ref = key + ':posts';
      const posts = await getPosts(ref);
    }`,
    // a closure that reads the result
    `async function f(id) {
      const token = await getToken();
      const data = await retry(() => fetchData(token));
    }`,
    // members written by one, read by the next
    `async function f() {
      this.config = await loadConfig();
      const db = await openDb(this.config);
    }`,
    `async function f(state) {
      state.user = await getUser();
      const posts = await getPosts(state);
    }`,
    // a method on \`this\` may read what the previous statement stored on \`this\`
    `class A {
      async init() {
        this.user = await getUser();
        this.posts = await this.loadPosts();
      }
    }`,
    // an outer variable written by one may be read by any later call
    `let current;
    async function f() {
      current = await getUser();
      const posts = await getPosts();
    }`,
    // branching, returning or throwing on an earlier result
    `async function f(id) {
      const user = await getUser(id);
      if (!user) return null;
      const posts = await getPosts(id);
    }`,
    `async function f(id) {
      const user = await getUser(id);
      if (!user) throw new Error('missing');
      const posts = await getPosts(id);
    }`,
    `async function f(id) {
      const user = await getUser(id);
      assertFound(user);
      const posts = await getPosts(id);
    }`,
    `async function f(id) {
      const user = await getUser(id);
      const parsed = schema.parse(user);
      const posts = await getPosts(id);
    }`,
    // a call in between may check a result, measure time or change what the next call reads
    `async function f(id) {
      const user = await getUser(id);
      logger.info('loading posts');
      const posts = await getPosts(id);
    }`,
    `async function f() {
      const start = Date.now();
      const a = await fetchA();
      const elapsed = Date.now() - start;
      const b = await fetchB();
    }`,
    // a statement in between overwrites what an earlier call read
    `async function f() {
      let page = 1;
      const a = await load(page);
      page = 2;
      const b = await load(page);
    }`,
    // the same receiver object: one connection, page or repository often serializes or needs order
    `import { db } from './db';
    async function f() {
      const users = await db.select('users');
      const teams = await db.select('teams');
    }`,
    `async function f(api) {
      const profile = await api.getProfile();
      const activity = await api.getActivity();
    }`,
    `async function f() {
      const client = new ApiClient();
      const profile = await client.getProfile();
      const activity = await client.getActivity();
    }`,
    `async function f(db) {
      const users = await db.query('select * from users');
      const teams = await db.query('select * from teams');
    }`,
    `async function f(page) {
      const title = await page.title();
      const url = await page.url();
    }`,
    `class A {
      async f() {
        const a = await this.repo.findA();
        const b = await this.repo.findB();
      }
    }`,
    `class A {
      async f() {
        const a = await this.getA();
        const b = await this.getB();
      }
    }`,
    `class A {
      async f() {
        const a = await this.getA();
        const b = await this.repo.findB();
      }
    }`,
    `async function f(db) {
      const a = await db.collection('users').findOne();
      const b = await db.collection('users').countDocuments();
    }`,
    `async function f(db) {
      const a = await db.query('select 1');
      const b = await db.collection('teams').findOne();
    }`,
    `import request from 'supertest';
    async function f(app) {
      const created = await request(app).post('/users').send({ name: 'a' });
      const list = await request(app).get('/users');
    }`,
    // AWS SDK v3 commands: two writes
    `async function f(s3, sns) {
      const put = await s3.send(new PutObjectCommand({ Bucket: 'b', Key: 'k' }));
      const sent = await sns.send(new PublishCommand({ TopicArn: 't' }));
    }`,
    // one ordered resource: all parts of a transaction, connection or page are the same receiver
    `async function f(prisma) {
      await prisma.$transaction(async (tx) => {
        const user = await tx.user.findUnique({ where: { id: 1 } });
        const posts = await tx.post.findMany();
        return [user, posts];
      });
    }`,
    `async function f(page) {
      const title = await page.locator('h1').textContent();
      const price = await page.locator('.price').textContent();
    }`,
    // the same call twice: the next value of a sequence, an iterator, a reader
    `async function f() {
      const first = await nextId();
      const second = await nextId();
    }`,
    `async function f(lines) {
      const header = await lines.next();
      const row = await lines.next();
    }`,
    `async function f() {
      const a = await iterator.next();
      const b = await iterator.next();
    }`,
    // a write is never grouped: the order may matter (do not charge when creating the order
    // failed; a read after a write expects to see it)
    `async function f(cart) {
      const order = await createOrder(cart);
      const rates = await fetchRates();
    }`,
    `async function f(api, user) {
      const before = await api.getBalance(user);
      const deposit = await api.deposit(user, 10);
    }`,
    `async function checkout(cart, card) {
      const order = await orders.createOrder(cart);
      const payment = await payments.chargeCard(card);
    }`,
    `async function f(a, b) {
      const first = await saveDraft(a);
      const second = await sendEmail(b);
    }`,
    // a query builder's chain that a statement verb starts is a write, whatever method finishes it:
    // the rows read first must be read before the delete (which may cascade to them)
    `async function removeLabel(ctx, labelId) {
      const tagged = await ctx.db.select({ id: labelled.itemId }).from(labelled).where(eq(labelled.labelId, labelId));
      const result = await ctx.db.delete(labels).where(eq(labels.id, labelId));
      return { tagged, result };
    }`,
    `async function rename(id, title) {
      const previous = await supabase.from('notes').select('title').eq('id', id);
      const updated = await supabase.from('notes').update({ title }).eq('id', id);
      return { previous, updated };
    }`,
    // bare awaits are ordered by intent (default)
    `async function f(dir, file) {
      await mkdir(dir);
      await writeFile(file, 'x');
    }`,
    `async function f(page) {
      await page.click('#submit');
      await page.fill('#name', 'x');
    }`,
    `async function f(db) {
      await db.connect();
      const rows = await db.query('select 1');
    }`,
    // a bare await between two declarations ends the group
    `async function f() {
      const a = await getA();
      await saveA(x);
      const b = await getB();
    }`,
    // ordered calls: delays, locks, transactions, connections
    `async function f() {
      const a = await getA();
      await sleep(100);
      const b = await getB();
    }`,
    `async function f() {
      const start = await delay(100);
      const b = await getB();
    }`,
    `import { setTimeout } from 'node:timers/promises';
    async function f() {
      const a = await setTimeout(100, 'a');
      const b = await getB();
    }`,
    `async function f() {
      const a = await new Promise((resolve) => setTimeout(resolve, 100));
      const b = await getB();
    }`,
    `async function f(mutex) {
      const release = await mutex.acquire();
      const value = await readShared();
    }`,
    `async function f(knex) {
      const trx = await knex.transaction();
      const users = await load();
    }`,
    `async function f(pool) {
      const client = await pool.connect();
      const config = await loadConfig();
    }`,
    `async function f(server) {
      const stats = await collectStats();
      const closed = await server.close();
    }`,
    // local functions that change outer state take effect in call order
    `async function build() {
      const rules = {};
      async function merge(name) {
        Object.assign(rules, await load(name));
      }
      const a = await merge('base');
      const b = await merge('overrides');
    }`,
    `let counter = 0;
    async function next() { counter += 1; return counter; }
    async function f() {
      const a = await next();
      const b = await next();
    }`,
    // UI waits: each waits for what the previous step made appear
    `test('shows the form', async () => {
      const heading = await screen.findByRole('heading');
      const button = await screen.findByText('Send');
      expect(heading).toBeTruthy();
    });`,
    // orderedFunctions extends the list
    {
      code: `async function f() {
        const a = await step1();
        const b = await step2();
      }`,
      options: [{ orderedFunctions: ['step1'] }],
    },
    // different blocks, branches and try boundaries
    `async function f(flag) {
      if (flag) {
        const a = await getA();
      } else {
        const b = await getB();
      }
    }`,
    `async function f() {
      const a = await getA();
      try {
        const b = await getB();
      } finally {
        cleanup();
      }
    }`,
    `async function f() {
      try {
        const a = await getA();
      } catch {}
      const b = await getB();
    }`,
    `async function f(kind) {
      switch (kind) {
        case 1: {
          const a = await getA();
          break;
        }
        case 2:
          const b = await getB();
      }
    }`,
    // awaits of values that are not calls: already-started promises
    `async function f() {
      const pa = getA();
      const pb = getB();
      const a = await pa;
      const b = await pb;
    }`,
    // a statement that awaits twice
    `async function f() {
      const a = await getA(await token());
      const b = await getB();
    }`,
    // compound assignment and multiple declarators
    `async function f() {
      let total = 0;
      total += await countA();
      total += await countB();
    }`,
    `async function f() {
      const a = await getA(), b = await getB();
    }`,
    // the same binding written twice
    `async function f() {
      let v = await getA();
      v = await getB();
    }`,
    // one await is not a group; minGroupSize
    `async function f() {
      const a = await getA();
      return a;
    }`,
    {
      code: `async function f() {
        const a = await getA();
        const b = await getB();
      }`,
      options: [{ minGroupSize: 3 }],
    },
    // awaits inside nested functions belong to them
    `async function f() {
      const a = await getA();
      const g = async () => { const b = await getB(); };
    }`,
    // export declarations between
    `const a = await getA();
    export const b = await getB();`,
    // Promise.all with promises, not awaits; a shadowed Promise
    `async function f() {
      const [a, b] = await Promise.all([getA(), getB()]);
    }`,
    `async function f(p) {
      await Promise.all([await p, other()]);
    }`,
    `import Promise from 'bluebird';
    async function f() {
      await Promise.all([await a(), b()]);
    }`,
    `async function f() {
      await Promise.all([...(await list()), b()]);
    }`,
  ],
  invalid,
});

assertSuggestionsParse('prefer-promise-all', invalid);
testDocsExamples('prefer-promise-all', rule);
