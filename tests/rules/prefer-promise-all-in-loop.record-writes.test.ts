import rule, { type MessageIds, type Options } from '../../src/rules/prefer-promise-all-in-loop';
import { assertSuggestionsParse } from '../gather-suggestions-parse';
import path from 'node:path';
import { FIXTURES_DIR, ruleTester } from '../rule-tester';
import { withoutEvidenceGate } from './loop-evidence-gate';

/**
 * Loops whose iterations only write database records, iterations that find or create records,
 * and one-time migration code: left in order. Loops that read per item, requests of SDK and HTTP
 * clients, and local files (listed by a glob or handed in) stay reported.
 */

// @typescript-eslint/rule-tester pins its own copy of utils; the rule is the same object at run time.
/** A package whose `db:seed` script runs `src/fixtures/load-demo-data.ts` (see the where-it-runs tests). */
const SEEDED_APP = path.join(FIXTURES_DIR, 'run-contexts', 'seeded-app');

const testedRule = rule as unknown as Parameters<typeof ruleTester.run<MessageIds, Options>>[1];

const invalid = [
  // an HTTP client held in a field of the class (`this.http`): a request per item, not a row write
  {
    code: "export class Items {\n  async removeAll(items) {\n    for (const item of items) {\n      await this.http.delete('/items/' + item.id);\n    }\n  }\n}",
    errors: [{ messageId: 'awaitInLoop' as const, line: 4, column: 7, suggestions: [{ messageId: 'useGatherMap' as const, output: "export class Items {\n  async removeAll(items) {\n    await Promise.all(Array.from(items, async (item) => {\n      await this.http.delete('/items/' + item.id);\n    }));\n  }\n}" }] }],
  },
  // a query per item whose answers the loop gathers: a read, still worth running together
  {
    code: `
async function ownersOf(orders) {
  const owners = [];
  for (const order of orders) {
    owners.push(await prisma.customer.findUnique({ where: { id: order.customerId } }));
  }
  return owners;
}`,
    errors: [{ messageId: 'awaitInLoop' as const, line: 5, column: 17, suggestions: [] }],
  },
  // an iteration that fetches a page and then stores it: the fetch is a read per item
  {
    code: `
async function refreshPreviews(bookmarks) {
  for (const bookmark of bookmarks) {
    const response = await fetch(bookmark.url);
    await db.preview.update({ where: { id: bookmark.id }, data: { html: await response.text() } });
  }
}`,
    errors: [
      {
        messageId: 'awaitInLoop' as const,
        line: 4,
        column: 22,
        suggestions: [
          {
            messageId: 'useGatherMap' as const,
            output: `
async function refreshPreviews(bookmarks) {
  await Promise.all(Array.from(bookmarks, async (bookmark) => {
    const response = await fetch(bookmark.url);
    await db.preview.update({ where: { id: bookmark.id }, data: { html: await response.text() } });
  }));
}`,
          },
        ],
      },
    ],
  },
  // a helper that only reads per item is not a find-or-create
  {
    code: `
async function statusOf(repo) {
  const row = await db.build.findFirst({ where: { repo } });
  return row?.status;
}
async function statuses(repos) {
  const result = {};
  for (const repo of repos) {
    result[repo] = await statusOf(repo);
  }
  return result;
}`,
    errors: [{ messageId: 'awaitInLoop' as const, line: 9, column: 20, suggestions: [] }],
  },
  // local copies of every file a glob found: as many as the data makes
  {
    code: `import { copy } from 'fs-extra';
import fg from 'fast-glob';
export async function stageIcons(root: string, out: string) {
  const icons = await fg('**/*.svg', { cwd: root });
  for (const icon of icons) {
    await copy(\`\${root}/\${icon}\`, \`\${out}/\${icon}\`);
  }
}`,
    errors: [
      {
        messageId: 'awaitInLoop' as const,
        line: 6,
        column: 5,
        suggestions: [
          {
            messageId: 'useGatherMap' as const,
            output: `import { copy } from 'fs-extra';
import fg from 'fast-glob';
export async function stageIcons(root: string, out: string) {
  const icons = await fg('**/*.svg', { cwd: root });
  await Promise.all(Array.from(icons, async (icon) => {
    await copy(\`\${root}/\${icon}\`, \`\${out}/\${icon}\`);
  }));
}`,
          },
        ],
      },
    ],
  },
  // local files handed in by the caller: the caller decides how many
  {
    code: `import { stat } from 'node:fs/promises';
export async function largest(paths: string[]) {
  const sizes: number[] = [];
  for (const file of paths) {
    sizes.push((await stat(file)).size);
  }
  return Math.max(...sizes);
}`,
    errors: [{ messageId: 'awaitInLoop' as const, line: 5, column: 17, suggestions: [] }],
  },
  // an SDK's create per item is a request, not a row write
  {
    code: `
async function summarise(docs) {
  const out = [];
  for (const doc of docs) {
    const reply = await openai.chat.completions.create({ model: 'small', messages: [{ role: 'user', content: doc.text }] });
    out.push(reply.choices[0].message.content);
  }
  return out;
}`,
    errors: [{ messageId: 'awaitInLoop' as const, line: 5, column: 19, suggestions: [] }],
  },
  // an HTTP client's delete per item (an axios instance, a service's http field)
  {
    code: `
const api = axios.create({ baseURL: '/api' });
async function removeTodos(ids) {
  for (const id of ids) {
    await api.delete('/todos/' + id);
  }
}`,
    errors: [
      {
        messageId: 'awaitInLoop' as const,
        line: 5,
        column: 5,
        suggestions: [
          {
            messageId: 'useGatherMap' as const,
            output: `
const api = axios.create({ baseURL: '/api' });
async function removeTodos(ids) {
  await Promise.all(Array.from(ids, async (id) => {
    await api.delete('/todos/' + id);
  }));
}`,
          },
        ],
      },
    ],
  },
  // a payment provider's update per customer
  {
    code: `
async function syncPlans(users) {
  for (const user of users) {
    await stripe.customers.update(user.stripeId, { metadata: { plan: user.plan } });
  }
}`,
    errors: [
      {
        messageId: 'awaitInLoop' as const,
        line: 4,
        column: 5,
        suggestions: [
          {
            messageId: 'useGatherMap' as const,
            output: `
async function syncPlans(users) {
  await Promise.all(Array.from(users, async (user) => {
    await stripe.customers.update(user.stripeId, { metadata: { plan: user.plan } });
  }));
}`,
          },
        ],
      },
    ],
  },
  // a seed module of the application's db folder that exports its seeding (demo data per sign-up):
  // its name and place say nothing about who calls it, so its loops are judged as any module's
  {
    filename: '/project/src/db/seed.ts',
    code: `
export async function seedWorkspace(template, workspaceId) {
  for (const row of template.rows) {
    const response = await fetch(row.imageUrl);
    images.set(workspaceId + row.id, await response.arrayBuffer());
  }
}`,
    errors: [{ messageId: 'awaitInLoop' as const, line: 4, column: 22, suggestions: [] }],
  },
];

ruleTester.run('prefer-promise-all-in-loop (record writes, find-or-create, migrations)', withoutEvidenceGate(testedRule), {
  valid: [
    // maintenance over every link of a user: a clean-up and a row update per link
    `
import { rm } from 'node:fs/promises';
async function purgeArchives(userId) {
  const links = await prisma.link.findMany({ where: { ownerId: userId } });
  for (const link of links) {
    await rm(\`archives/\${link.id}.pdf\`, { force: true });
    await prisma.link.update({ where: { id: link.id }, data: { archivedAt: null } });
  }
}`,
    // a settings form saved one row per key through a query builder
    `
async function saveSettings(changes) {
  for (const [key, value] of Object.entries(changes)) {
    await Setting.query().patch({ value }).where('key', key);
  }
}`,
    // provider rows patched one by one, each followed by dropping the cached copy
    `
async function updateProviders(providers) {
  for (const provider of providers) {
    await models.providers.query().patch({ isEnabled: provider.isEnabled }).where('key', provider.key);
    await app.cache.del('providers');
  }
}`,
    // rows deleted one by one through a driver's collection
    `
import { MongoClient } from 'mongodb';
async function dropExpired(sessions) {
  for (const session of sessions) {
    await MongoClient.sessions.deleteOne({ _id: session._id });
  }
}`,
    // each folder finds or creates its collection in a helper of this file: two folders may share a name
    `
async function collectionFor(ownerId, name) {
  const existing = await prisma.collection.findFirst({ where: { ownerId, name } });
  if (existing) return existing.id;
  const created = await prisma.collection.create({ data: { ownerId, name } });
  return created.id;
}
async function importFolder(ownerId, folder) {
  const collectionId = await collectionFor(ownerId, folder.title);
  await fetchIcon(folder.icon, collectionId);
}
async function importAll(ownerId, folders) {
  for (const folder of folders) {
    await importFolder(ownerId, folder);
  }
}`,
    // tags connected or created per bookmark: the same tag name may come twice
    `
async function saveBookmarks(userId, bookmarks) {
  for (const bookmark of bookmarks) {
    await client.bookmark.create({
      data: {
        url: bookmark.url,
        tags: { connectOrCreate: bookmark.tags.map((name) => ({ where: { name }, create: { name, userId } })) },
      },
    });
  }
}`,
    // a one-time data migration in a migrations folder: fetched per row, once per deploy
    {
      filename: '/project/scripts/migration/v3/index.ts',
      code: `
async function backfillAvatars(users) {
  for (const user of users) {
    const response = await fetch(user.avatarUrl);
    avatars.set(user.id, await response.arrayBuffer());
  }
}`,
    },
    // seed data, once per environment
    {
      filename: '/project/db/seeds/customers.ts',
      code: `
export async function loadCustomers(rows) {
  for (const row of rows) {
    await api.post('/customers', row);
  }
}`,
    },
    // a seed program that the package's `db:seed` script runs (it starts its own work and exports
    // nothing): like a migration, it runs once per environment and its order is its plan
    {
      filename: path.join(SEEDED_APP, 'src', 'fixtures', 'load-demo-data.ts'),
      code: `
async function loadImages() {
  for (const row of demo.rows) {
    const response = await fetch(row.imageUrl);
    images.set(row.id, await response.arrayBuffer());
  }
}
loadImages();`,
    },
    // a function named for migrating
    `
async function migrateLegacyIds(ids) {
  for (const id of ids) {
    const record = await legacyApi.get(id);
    output.push(record.newId);
  }
}`,
  ],
  invalid,
});

assertSuggestionsParse('prefer-promise-all-in-loop record-writes suggestions', invalid);
