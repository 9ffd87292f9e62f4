import type { InvalidTestCase } from '@typescript-eslint/rule-tester';
import { withoutEvidenceGate } from './loop-evidence-gate';
import rule, { type MessageIds, type Options } from '../../src/rules/prefer-promise-all-in-loop';
import { assertSuggestionsParse } from '../gather-suggestions-parse';
import { ruleTester } from '../rule-tester';

/**
 * Two readings of loops that gain nothing from running together:
 * - a function that times a loop repeating one operation a set number of times (a benchmark): its
 *   counted loops are sequential on purpose, warm-up rounds included;
 * - a list written out of a few constants (up to six names the program lists itself), outside a
 *   request or job handler.
 */
type Invalid = InvalidTestCase<MessageIds, Options>;

const invalid: Invalid[] = [
  // control: a counted loop over a list's length is the list's items, timed or not
  {
    code: `
async function refreshAll(stores) {
  const started = Date.now();
  for (let n = 0; n < stores.length; n++) {
    await stores[n].refresh(n);
  }
  log(Date.now() - started);
}`,
    errors: [{ messageId: 'awaitInLoop', line: 5, column: 5, suggestions: [] }],
  },
  // control: a counted loop without a clock read around any loop of the function
  {
    code: `
export async function fetchPages(base, pageCount) {
  for (let page = 0; page < pageCount; page++) {
    await fetch(\`\${base}?page=\${page}\`);
  }
}`,
    errors: [{ messageId: 'awaitInLoop', line: 4, column: 5, suggestions: [] }],
  },
  // control: the clock is read around a loop over items, not a repetition; the counted loop stays reported
  {
    code: `
async function syncAccounts(api, accounts, rounds) {
  const t0 = performance.now();
  for (const account of accounts) {
    await api.sync(account.id);
  }
  report(performance.now() - t0);
  for (let round = 0; round < rounds; round++) {
    await api.ping({ round });
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
async function syncAccounts(api, accounts, rounds) {
  const t0 = performance.now();
  await Promise.all(Array.from(accounts, async (account) => {
    await api.sync(account.id);
  }));
  report(performance.now() - t0);
  for (let round = 0; round < rounds; round++) {
    await api.ping({ round });
  }
}`,
          },
        ],
      },
      { messageId: 'awaitInLoop', line: 9, column: 5, suggestions: [] },
    ],
  },
  // control: seven constants are no longer few
  {
    code: `
async function probeRegions(cloud) {
  const regions = ['north', 'south', 'east', 'west', 'central', 'coast', 'islands'];
  for (const region of regions) {
    await cloud.describe(region);
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
async function probeRegions(cloud) {
  const regions = ['north', 'south', 'east', 'west', 'central', 'coast', 'islands'];
  await Promise.all(Array.from(regions, async (region) => {
    await cloud.describe(region);
  }));
}`,
          },
        ],
      },
    ],
  },
  // control: in a request handler every request pays each round trip, constants or not
  {
    code: `
import express from 'express';
const app = express();
app.get('/health', async (req, res) => {
  const states = {};
  for (const service of ['auth', 'billing', 'search', 'mail', 'files']) {
    states[service] = await fetch(\`http://\${service}.internal/health\`);
  }
  res.json(states);
});`,
    errors: [{ messageId: 'awaitInLoop', line: 7, column: 23, suggestions: [] }],
  },
  // control: four items that are values of the program's data, not constants it names
  {
    code: `
async function saveParts(store, header, body, footer, extra) {
  for (const part of [header, body, footer, extra]) {
    await store.put(part.key, part);
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
async function saveParts(store, header, body, footer, extra) {
  await Promise.all(Array.from([header, body, footer, extra], async (part) => {
    await store.put(part.key, part);
  }));
}`,
          },
        ],
      },
    ],
  },
];

ruleTester.run<MessageIds, Options>('prefer-promise-all-in-loop (measured repetitions, a few constants)', withoutEvidenceGate(rule as never), {
  valid: [
    // a benchmark: a warm-up loop, then a counted loop between two clock reads
    `
const { MongoClient } = require('mongodb');
async function measureUpdates(url, id, rounds) {
  const client = new MongoClient(url);
  const items = client.db().collection('items');
  for (let i = 0; i < 1000; ++i) {
    await items.findOneAndUpdate({ _id: id }, { $set: fields(\`warm \${i}\`) });
  }
  const begin = Date.now();
  for (let i = 0; i < rounds; ++i) {
    for (let j = 0; j < 10; ++j) {
      await items.findOneAndUpdate({ _id: id }, { $set: fields(\`run \${i}-\${j}\`) });
    }
  }
  const end = Date.now();
  print((end - begin) / rounds);
}`,
    // the same with a named timer of the console
    `
const { MongoClient } = require('mongodb');
async function timeInserts(url, count) {
  const db = new MongoClient(url).db();
  console.time('insert');
  for (let k = 0; k < count; k++) {
    await db.collection('rows').insertOne({ k });
  }
  console.timeEnd('insert');
}`,
    // five tool names the program lists itself, each looked up in turn
    `
export async function missingTools(mirror) {
  const tools = ['tar', 'unzip', 'curl', 'git', 'make'];
  const missing = [];
  for (const tool of tools) {
    const response = await fetch(\`\${mirror}/\${tool}.json\`);
    if (!response.ok) missing.push(tool);
  }
  return missing;
}`,
    // numbers written out are constants too
    `
export async function pingPorts(host) {
  for (const port of [8080, 8081, 8443, 9000]) {
    await fetch(\`http://\${host}:\${port}/health\`);
  }
}`,
  ],
  invalid,
});

assertSuggestionsParse('prefer-promise-all-in-loop', invalid);
