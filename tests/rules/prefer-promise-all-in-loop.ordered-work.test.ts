import assert from 'node:assert/strict';
import { it } from 'node:test';
import { Linter } from 'eslint';
import type { InvalidTestCase } from '@typescript-eslint/rule-tester';
import { withoutEvidenceGate } from './loop-evidence-gate';
import rule, { type MessageIds, type Options } from '../../src/rules/prefer-promise-all-in-loop';
import { assertSuggestionsParse } from '../gather-suggestions-parse';
import { ruleTester } from '../rule-tester';

/**
 * Ordered work that the loop body does not show at its own level: steps moved into a function
 * handed to a wrapper, a transaction opened by a decorator, an ORM handle handed to a helper, a
 * test file's code evaluated into the runner, a spinner drawn per item. Each silent case has a
 * near shape that stays reported.
 */

type Invalid = InvalidTestCase<MessageIds, Options>;

const invalid: Invalid[] = [
  // a retry wrapper around a plain request per item: nothing in it is a lifecycle step
  {
    code: `
async function fetchReports(ids) {
  for (const id of ids) {
    await withTimeout(async () => {
      const response = await http.get('/reports/' + id);
      return response.data;
    }, 3000);
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
async function fetchReports(ids) {
  await Promise.all(Array.from(ids, async (id) => {
    await withTimeout(async () => {
      const response = await http.get('/reports/' + id);
      return response.data;
    }, 3000);
  }));
}`,
          },
        ],
      },
    ],
  },
  // a per-item wait helper handed the client inside a wrapper: N independent waits
  {
    code: `
async function awaitJobs(jobIds, client) {
  for (const jobId of jobIds) {
    await withTimeout(() => waitForJob(client, jobId), 60000);
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
async function awaitJobs(jobIds, client) {
  await Promise.all(Array.from(jobIds, async (jobId) => {
    await withTimeout(() => waitForJob(client, jobId), 60000);
  }));
}`,
          },
        ],
      },
    ],
  },
  // a decorator that is not a transaction: the method's queries are independent
  {
    code: `
class InvoiceService {
  @Traced()
  async refreshAll(customerIds) {
    for (const customerId of customerIds) {
      await this.billingApi.refresh(customerId);
    }
  }
}`,
    errors: [
      {
        messageId: 'awaitInLoop',
        line: 6,
        column: 7,
        suggestions: [
          {
            messageId: 'useGatherMap',
            output: `
class InvoiceService {
  @Traced()
  async refreshAll(customerIds) {
    await Promise.all(Array.from(customerIds, async (customerId) => {
      await this.billingApi.refresh(customerId);
    }));
  }
}`,
          },
        ],
      },
    ],
  },
  // the item's own manager (one per tenant) is not one shared handle
  {
    code: `
async function purgeTenants(tenants) {
  for (const tenant of tenants) {
    await purgeArchived(tenant.manager, tenant.cutoff);
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
async function purgeTenants(tenants) {
  await Promise.all(Array.from(tenants, async (tenant) => {
    await purgeArchived(tenant.manager, tenant.cutoff);
  }));
}`,
          },
        ],
      },
    ],
  },
  // a compile of each file's text without a file name: a transform, not a module run
  {
    code: `
async function minifyAll(sources, compiler) {
  const out = [];
  for (const source of sources) {
    out.push(await compiler.minify(source));
  }
  return out;
}`,
    errors: [{ messageId: 'awaitInLoop', line: 5, column: 14 }],
  },
  // an expansion of each item's own records: nothing shared is filled in
  {
    code: `
async function expandOrders(orders) {
  const expanded = [];
  for (const order of orders) {
    expanded.push(await expandRelations({ items: order.lines, relations: ['product'] }));
  }
  return expanded;
}`,
    errors: [{ messageId: 'awaitInLoop', line: 5, column: 19, suggestions: [] }],
  },
  // a local read, then an upload of what was read: the upload is network I/O
  {
    code: `
import { readFile } from 'node:fs/promises';
async function shipLogs(files) {
  for (const file of files) {
    const body = await readFile(file);
    await bucket.put(file, body);
  }
}`,
    errors: [
      {
        messageId: 'awaitInLoop',
        line: 5,
        column: 18,
        suggestions: [
          {
            messageId: 'useGatherMap',
            output: `
import { readFile } from 'node:fs/promises';
async function shipLogs(files) {
  await Promise.all(Array.from(files, async (file) => {
    const body = await readFile(file);
    await bucket.put(file, body);
  }));
}`,
          },
        ],
      },
    ],
  },
  // a render (it may fetch what it shows) beside a network send
  {
    code: `
async function mailAll(context, users) {
  for (const user of users) {
    const html = await context.render(user.template);
    await mailer.deliver(user.email, html);
  }
}`,
    errors: [
      {
        messageId: 'awaitInLoop',
        line: 4,
        column: 18,
        suggestions: [
          {
            messageId: 'useGatherMap',
            output: `
async function mailAll(context, users) {
  await Promise.all(Array.from(users, async (user) => {
    const html = await context.render(user.template);
    await mailer.deliver(user.email, html);
  }));
}`,
          },
        ],
      },
    ],
  },
  // a helper that logs one line before its upload (no spinner settled after it)
  {
    code: `
async function publishAssets(files) {
  for (const file of files) {
    await publishOne(file);
  }
}
async function publishOne(file) {
  console.log('publishing ' + file.name);
  await storage.put(file.name, file.body);
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
async function publishAssets(files) {
  await Promise.all(Array.from(files, async (file) => {
    await publishOne(file);
  }));
}
async function publishOne(file) {
  console.log('publishing ' + file.name);
  await storage.put(file.name, file.body);
}`,
          },
        ],
      },
    ],
  },
];

ruleTester.run<MessageIds, Options>('prefer-promise-all-in-loop (ordered work one level down)', withoutEvidenceGate(rule as never), {
  valid: [
    // devices booted inside a retry wrapper: each boot takes ports and machine resources in turn
    `async function bootSimulators(count, env) {
      for (let n = 0; n < count; n++) {
        const name = 'sim-' + (n + 1);
        await retryAsync(async () => {
          await SimulatorTools.cloneAsync({ source: 'base', target: name, env });
          const { udid } = await SimulatorTools.startAsync({ name, env });
          await SimulatorTools.waitForBootAsync({ udid, env });
        }, { retries: 2 });
      }
    }`,
    // the wrapper's arrow is itself the ordered step
    `async function connectAll(shards) {
      for (const shard of shards) {
        await withTimeout(() => shard.pool.connect(), 5000);
      }
    }`,
    // an ORM entity manager handed to a helper per entity: one unit of work on one connection
    `async function softDeleteAll(em, entities, when) {
      for (const entity of entities) {
        await cascadeSoftDelete(em, entity, when);
      }
    }`,
    // each test file's code evaluated into the runner: its tests register in load order
    `class TestCompiler {
      async collect(files) {
        const tests = [];
        for (const info of files) tests.push(await this.load(info));
        return tests;
      }
      async load({ runner, code, filename }) {
        return await runner.execute(code, filename);
      }
    }`,
    `async function runScripts(scripts, context) {
      for (const { source, file } of scripts) {
        await sandbox.evaluate(source, { filename: file });
      }
    }`,
    // a helper that draws a terminal spinner around its upload: two at once draw over each other
    `async function syncSets(sets) {
      for (const set of sets) {
        await syncSet(set);
      }
    }
    async function syncSet(set) {
      const remote = await logAsync(() => api.createSet(set.name), { pending: 'Creating ' + set.name, success: 'Created' });
      return remote;
    }`,
    `async function deployAll(sites) {
      for (const site of sites) {
        await deployWithSpinner(site);
      }
    }
    async function deployWithSpinner(site) {
      const spinner = ora('Deploying ' + site.name).start();
      await hosting.deploy(site.id);
      spinner.succeed('Deployed ' + site.name);
    }`,
    // nested expansions of one result tree: each level reads what its parent's expansion attached
    `class Joiner {
      async expandAll(items, expansions) {
        for (const [path, spec] of expansions) {
          let level = items;
          for (const key of path.split('.').slice(1, -1)) level = level.flatMap((item) => item[key] ?? []);
          await this.expandRelation({ items: level, spec });
        }
      }
    }`,
    // an async function that only computes (a minimum over the item's levels): nothing waits
    `async function deliverable({ links }) {
      const counts = links.map((link) => Math.floor(link.available / link.required));
      return counts.length ? Math.min(...counts) : 0;
    }
    async function annotate(variants, linksById) {
      for (const variant of variants) {
        variant.quantity = await deliverable({ links: linksById.get(variant.id) ?? [] });
      }
    }`,
    // the progress wrapper awaited directly in the body
    `async function uploadAll(files) {
      for (const file of files) {
        await withSpinner('Uploading ' + file.name, () => bucket.upload(file.path));
      }
    }`,
  ],
  invalid,
});

assertSuggestionsParse('prefer-promise-all-in-loop', invalid);

// Plain JavaScript parsed by espree: a method there has no `decorators` list at all.
it('prefer-promise-all-in-loop: a class method parsed as plain JavaScript (espree)', () => {
  const linter = new Linter({ configType: 'flat' });
  const messages = linter.verify(
    'class Users {\n  async refresh(ids) {\n    for (const id of ids) {\n      await http.get(\'/users/\' + id);\n    }\n  }\n}\n',
    {
      files: ['**/*.js'],
      languageOptions: { sourceType: 'module' },
      plugins: { 'async-pitfalls': { rules: { 'prefer-promise-all-in-loop': rule as never } } },
      rules: { 'async-pitfalls/prefer-promise-all-in-loop': 'error' },
    },
    'file.js',
  );
  assert.deepEqual(
    messages.map((message) => `${message.line}:${message.column} ${message.ruleId ?? message.message}`),
    ['4:7 async-pitfalls/prefer-promise-all-in-loop'],
  );
});
