import type { InvalidTestCase } from '@typescript-eslint/rule-tester';
import { withoutEvidenceGate } from './loop-evidence-gate';
import rule, { type MessageIds, type Options } from '../../src/rules/prefer-promise-all-in-loop';
import { assertSuggestionsParse } from '../gather-suggestions-parse';
import { ruleTester, typedRuleTester } from '../rule-tester';

/**
 * Cases decided by what a called function of the file does with what the loop hands it: the
 * caller's own callback that it waits for, a count kept in a store that it reads and writes
 * back, a process started through the project's own wrapper package, a key it computes from its
 * arguments alone; and by a reason for the order given above the loop's set-up.
 */

type Invalid = InvalidTestCase<MessageIds, Options>;

/** Every iteration hands the relay's caller's turn handler on; `Handler` is a named function type. */
const HANDED_NAMED_TYPE = `
type Handler = (turn: { from: string; body: string }) => Promise<void>;
declare const pipeline: { run(turn: { from: string; body: string }, handler: Handler): Promise<void> };
export class Relay {
  async receive(inbox: Array<{ from: string; text: string }>, onTurn: Handler) {
    for (const envelope of inbox) {
      await this.deliver(envelope, onTurn);
    }
  }
  private async deliver(envelope: { from: string; text: string }, onTurn: Handler) {
    await pipeline.run({ from: envelope.from, body: envelope.text }, onTurn);
  }
}`;

/** Each download hands the caller's progress callback to an awaited transfer: a `void` callback. */
const PROGRESS_HANDED_ON = `
import { fetchWithProgress } from './transfer';
async function download(url: string, onProgress: (bytes: number) => void) {
  const body = await fetchWithProgress(url, onProgress);
  return body;
}
export async function downloadAll(urls: string[], onProgress: (bytes: number) => void) {
  const files: unknown[] = [];
  for (const url of urls) {
    files.push(await download(url, onProgress));
  }
  return files;
}`;

const invalid: Invalid[] = [
  // the handed value is the caller's options, not code: each delivery is independent
  {
    code: `
class Relay {
  async receive(inbox: Envelope[], options: DeliveryOptions) {
    for (const envelope of inbox) {
      await this.deliver(envelope, options);
    }
  }
  private async deliver(envelope: Envelope, options: DeliveryOptions) {
    await this.transport.post(envelope, options);
  }
}`,
    errors: [{ messageId: 'awaitInLoop', line: 5, column: 7, suggestions: [{ messageId: 'useGatherMap', output: `
class Relay {
  async receive(inbox: Envelope[], options: DeliveryOptions) {
    await Promise.all(Array.from(inbox, async (envelope) => {
      await this.deliver(envelope, options);
    }));
  }
  private async deliver(envelope: Envelope, options: DeliveryOptions) {
    await this.transport.post(envelope, options);
  }
}` }] }],
  },
  // a progress callback that the called function only calls, without waiting for it
  {
    code: `
async function uploadAll(files: string[], onProgress: (done: number) => void) {
  for (const file of files) {
    await upload(file, onProgress);
  }
}
async function upload(file: string, onProgress: (done: number) => void) {
  const response = await fetch(\`/files/\${file}\`, { method: 'PUT' });
  onProgress(response.status);
}`,
    errors: [{ messageId: 'awaitInLoop', line: 4, column: 5, suggestions: [{ messageId: 'useGatherMap', output: `
async function uploadAll(files: string[], onProgress: (done: number) => void) {
  await Promise.all(Array.from(files, async (file) => {
    await upload(file, onProgress);
  }));
}
async function upload(file: string, onProgress: (done: number) => void) {
  const response = await fetch(\`/files/\${file}\`, { method: 'PUT' });
  onProgress(response.status);
}` }] }],
  },
  // a progress callback handed on to an awaited call is no turn of the caller's code: it returns nothing to wait for
  {
    code: PROGRESS_HANDED_ON,
    errors: [{ messageId: 'awaitInLoop', line: 10, column: 16 }],
  },
  // without types, a named function type says nothing about the parameter
  {
    code: HANDED_NAMED_TYPE,
    errors: [{ messageId: 'awaitInLoop', line: 7, column: 7, suggestions: [{ messageId: 'useGatherMap', output: `
type Handler = (turn: { from: string; body: string }) => Promise<void>;
declare const pipeline: { run(turn: { from: string; body: string }, handler: Handler): Promise<void> };
export class Relay {
  async receive(inbox: Array<{ from: string; text: string }>, onTurn: Handler) {
    await Promise.all(Array.from(inbox, async (envelope) => {
      await this.deliver(envelope, onTurn);
    }));
  }
  private async deliver(envelope: { from: string; text: string }, onTurn: Handler) {
    await pipeline.run({ from: envelope.from, body: envelope.text }, onTurn);
  }
}` }] }],
  },
  // a function of this file run through Promise.resolve(...).then(...): a lookup per name, reported
  {
    code: `
async function pinVersions(names) {
  const pinned = new Map();
  const latest = (name) => fetch(\`https://registry.example/\${name}\`).then((response) => response.json());
  for (const name of names) {
    const manifest = await Promise.resolve(name).then(latest);
    pinned.set(name, manifest.version);
  }
  return pinned;
}`,
    errors: [{ messageId: 'awaitInLoop', line: 6, column: 22, suggestions: [] }],
  },
  // the project's HTTP helper package has an \`exec\` too: it starts no process
  {
    code: `
import * as remote from '@acme/http-client';
async function runRemote(jobs) {
  const runOne = (id) => remote.exec('/jobs', id);
  for (const job of jobs) {
    await runOne(job.id);
  }
}`,
    errors: [{ messageId: 'awaitInLoop', line: 6, column: 5, suggestions: [{ messageId: 'useGatherMap', output: `
import * as remote from '@acme/http-client';
async function runRemote(jobs) {
  const runOne = (id) => remote.exec('/jobs', id);
  await Promise.all(Array.from(jobs, async (job) => {
    await runOne(job.id);
  }));
}` }] }],
  },
  // each call reads and writes back its own entry (the key is the item's): nothing shared
  {
    code: `
class Shelf {
  async touchAll(keys) {
    for (const key of keys) {
      await this.touch(key);
    }
  }
  async touch(key) {
    const raw = await this.store.getItem(key);
    await this.store.setItem(key, JSON.stringify({ ...JSON.parse(raw), seen: Date.now() }));
  }
}`,
    errors: [{ messageId: 'awaitInLoop', line: 5, column: 7, suggestions: [{ messageId: 'useGatherMap', output: `
class Shelf {
  async touchAll(keys) {
    await Promise.all(Array.from(keys, async (key) => {
      await this.touch(key);
    }));
  }
  async touch(key) {
    const raw = await this.store.getItem(key);
    await this.store.setItem(key, JSON.stringify({ ...JSON.parse(raw), seen: Date.now() }));
  }
}` }] }],
  },
  // a token kept in a store, fetched when missing: a memo, not an update; each request is its own
  {
    code: `
const TOKEN_KEY = 'api:token';
async function token() {
  const kept = await storage.getItem(TOKEN_KEY);
  if (kept) return kept;
  const fresh = await login();
  await storage.setItem(TOKEN_KEY, fresh);
  return fresh;
}
async function getOrder(id) {
  const auth = await token();
  return fetch(\`/orders/\${id}\`, { headers: { authorization: auth } });
}
async function getOrders(ids) {
  const orders = [];
  for (const id of ids) {
    orders.push(await getOrder(id));
  }
  return orders;
}`,
    errors: [{ messageId: 'awaitInLoop', line: 17, column: 17, suggestions: [] }],
  },
  // the key is computed from the stamp the helper is handed, not from what it fetched: one key per item
  {
    code: `
class Calendar {
  async dayAt(stamp) {
    const day = Math.floor(stamp / 86400000);
    const events = await this.db.list(\`day:\${day}\`);
    return { events, day };
  }
  async everyDay(stamps) {
    const byDay = {};
    for (const stamp of stamps) {
      const { events, day } = await this.dayAt(stamp);
      byDay[day] = events;
    }
    return byDay;
  }
}`,
    errors: [{ messageId: 'awaitInLoop', line: 11, column: 31, suggestions: [] }],
  },
  // a comment above the set-up that gives no reason for the order
  {
    code: `
async function importAll(profiles) {
  // count what we import, for the summary
  let imported = 0;
  for (const profile of profiles) {
    await saveProfile(profile);
    imported++;
  }
  return imported;
}`,
    errors: [{ messageId: 'awaitInLoop', line: 6, column: 5, suggestions: [{ messageId: 'useGatherMap', output: `
async function importAll(profiles) {
  // count what we import, for the summary
  let imported = 0;
  await Promise.all(Array.from(profiles, async (profile) => {
    await saveProfile(profile);
    imported++;
  }));
  return imported;
}` }] }],
  },
];

assertSuggestionsParse('prefer-promise-all-in-loop', invalid);

ruleTester.run<MessageIds, Options>('prefer-promise-all-in-loop (what a called function does with what it is handed)', withoutEvidenceGate(rule as never), {
  valid: [
    // the caller's turn handler handed to every message and waited for: messages handled in arrival order
    `
class Relay {
  async receive(inbox: Envelope[], onTurn: (turn: Turn) => Promise<void>) {
    for (const envelope of inbox) {
      await this.deliver(envelope, onTurn);
    }
  }
  private async deliver(envelope: Envelope, onTurn: (turn: Turn) => Promise<void>) {
    const turn = { author: envelope.from, body: envelope.text };
    await this.pipeline.run(turn, onTurn);
  }
}`,
    // the same, the handler called directly by the helper
    `
async function replayAll(events: Event[], apply: (state: Event) => Promise<void>) {
  for (const event of events) {
    await replayOne(event, apply);
  }
}
async function replayOne(event: Event, apply: (state: Event) => Promise<void>) {
  await apply({ ...event, replayed: true });
}`,
    // a question or choice supplied by the caller, run through Promise.resolve: one at a time
    `
async function collectTags(nodes, pickTag) {
  const tags = new Map();
  for (const node of nodes) {
    const tag = await Promise.resolve(pickTag(node));
    tags.set(node.name, tag);
  }
  return tags;
}`,
    `
async function collectTags(nodes, pickTag) {
  const tags = new Map();
  for (const node of nodes) {
    const tag = await Promise.resolve(node).then(pickTag);
    tags.set(node.name, tag);
  }
  return tags;
}`,
    // commits replayed through the project's own child-process package: one git command at a time
    `
import * as proc from '@acme/child-process';
async function replay(shas) {
  const applyOne = (sha) => proc.exec('git', ['cherry-pick', sha]);
  for (const sha of shas) {
    await applyOne(sha);
  }
}`,
    // every eviction lowers one stored total (read, then written back): concurrent evictions lose updates
    `
const TOTAL_KEY = 'shelf:total';
class Shelf {
  async evictAll(keys) {
    for (const key of keys) {
      await this.evict(key);
    }
  }
  async evict(key) {
    const raw = await this.store.getItem(key);
    await this.shrinkTotal(JSON.parse(raw).bytes);
    await this.store.removeItem(key);
  }
  async shrinkTotal(bytes) {
    const total = Number(await this.store.getItem(TOTAL_KEY));
    await this.store.setItem(TOTAL_KEY, String(total - bytes));
  }
}`,
    // the total read through a helper of the class, then written back lowered
    `
class Shelf {
  async evictAll(keys) {
    for (const key of keys) {
      await this.evict(key);
    }
  }
  async evict(key) {
    await this.lowerTotal(await this.bytesOf(key));
    await this.store.removeItem(key);
  }
  async currentTotal() {
    const raw = await this.store.getItem(this.totalKey);
    return raw ? Number(raw) : 0;
  }
  async lowerTotal(bytes) {
    const total = await this.currentTotal();
    await this.store.setItem(this.totalKey, String(total - bytes));
  }
}`,
    // the key comes from what the helper fetched: two items may give one key, the later must win
    `
class Settings {
  async readLine(line) {
    const parsed = await this.parser.parse(line);
    return { key: parsed.name, value: parsed.value };
  }
  async load(lines) {
    const settings = {};
    for (const line of lines) {
      const { key, value } = await this.readLine(line);
      settings[key] = value;
    }
    return settings;
  }
}`,
    // the reason for the order is given above the declarations that set the loop up
    `
async function importAll(profiles) {
  // one at a time, so that each name check sees the profiles imported before it
  let imported = 0;
  for (const profile of profiles) {
    await saveProfile(profile);
    imported++;
  }
  return imported;
}`,
  ],
  invalid,
});

// With the checker, a parameter of a named function type is code too.
typedRuleTester.run<MessageIds, Options>('prefer-promise-all-in-loop (typed: handed code)', withoutEvidenceGate(rule as never), {
  valid: [{ code: HANDED_NAMED_TYPE, filename: 'file.ts' }],
  // the checker sees a callback that returns `void`: nothing of the caller's is waited for
  invalid: [{ code: PROGRESS_HANDED_ON, filename: 'file.ts', errors: [{ messageId: 'awaitInLoop', line: 10, column: 16 }] }],
});
