import type { InvalidTestCase } from '@typescript-eslint/rule-tester';
import rule, { type MessageIds, type Options } from '../../src/rules/prefer-promise-all';
import { assertSuggestionsParse } from '../gather-suggestions-parse';
import { ruleTester } from '../rule-tester';
import { gatheredPair } from './gathered-reports';

/**
 * A client whose `getUser` starts with `first` and whose `getOrgs` starts with `second` (bookkeeping
 * on members of `this`), and whose `load` awaits both in turn, or, `gathered`, in one `Promise.all`.
 */
function bookkeepingClient(first: string, second: string, gathered: boolean): string {
  const load = gathered
    ? '    const [user, orgs] = await Promise.all([this.getUser(), this.getOrgs()]);'
    : '    const user = await this.getUser();\n    const orgs = await this.getOrgs();';
  return `export class Client {
  calls = 0;
  log = [];
  async getUser() {
    ${first}
    const response = await fetch('/user');
    return response.json();
  }
  async getOrgs() {
    ${second}
    const response = await fetch('/orgs');
    return response.json();
  }
  async load() {
${load}
    return { user, orgs };
  }
}`;
}

/** An indexer whose `scan` stores a list on `this.pending` and whose `process` runs `processBody`; `refresh` awaits both in turn. */
function storedThenSent(processBody: string): string {
  return `export class Indexer {
  pending = [];
  async scan() {
    const r = await fetch('/list');
    this.pending = await r.json();
  }
  async process() {
${processBody}
  }
  async refresh() {
    const a = await this.scan();
    const b = await this.process();
    return [a, b];
  }
}`;
}

/**
 * State of one object, one call deep: a method of the object fills a member (a queue, a map of
 * pending work, a task queue) and the next method of the same object reads or drains it. The
 * awaits look independent at the call site; the second needs what the first left on `this`
 * (`FileEffects.thisMembersReadBy` against the first call's `this` writes).
 */
const invalid: InvalidTestCase<MessageIds, Options>[] = [
  // a gather of calls on another object after a step on the page: the page is not theirs
  {
    code: `
async function inspect(page, api) {
  const found = await page.evaluate(collectLinks);
  const [quota, plan] = await Promise.all([api.quota(), api.plan()]);
  return { found, quota, plan };
}`,
    errors: [
      gatheredPair(3, 17, `
async function inspect(page, api) {
  const [found, [quota, plan]] = await Promise.all([
    page.evaluate(collectLinks),
    Promise.all([api.quota(), api.plan()]),
  ]);
  return { found, quota, plan };
}`),
    ],
  },
  // the first step fills `this.pending`; the second reads only `this.base`: still independent
  {
    code: `export class Indexer {
  pending = new Map();
  base = '/api';
  async scan() {
    const response = await fetch('/list');
    for (const name of await response.json()) this.pending.set(name, name);
  }
  async status() {
    const response = await fetch(this.base + '/status');
    return response.json();
  }
  async refresh() {
    const scanned = await this.scan();
    const status = await this.status();
    return [scanned, status];
  }
}`,
    errors: [gatheredPair(13, 21, `export class Indexer {
  pending = new Map();
  base = '/api';
  async scan() {
    const response = await fetch('/list');
    for (const name of await response.json()) this.pending.set(name, name);
  }
  async status() {
    const response = await fetch(this.base + '/status');
    return response.json();
  }
  async refresh() {
    const [scanned, status] = await Promise.all([this.scan(), this.status()]);
    return [scanned, status];
  }
}`)],
  },
  // bookkeeping the first method writes and the second only logs: a counter's value
  {
    code: bookkeepingClient('this.calls++;', "console.debug('calls', this.calls);", false),
    errors: [gatheredPair(15, 18, bookkeepingClient('this.calls++;', "console.debug('calls', this.calls);", true))],
  },
  // ...or a size check of a log the first method pushes onto
  {
    code: bookkeepingClient("this.log.push('user');", "if (this.log.length > 100) console.warn('busy');", false),
    errors: [gatheredPair(15, 18, bookkeepingClient("this.log.push('user');", "if (this.log.length > 100) console.warn('busy');", true))],
  },
];

ruleTester.run<MessageIds, Options>('prefer-promise-all (state of one object)', rule as never, {
  valid: [
    // a gather of calls on the page a step before it used (also under a condition): one page
    // serves one step at a time, and what the gather reads is the page after that step
    `async function inspect(page, options) {
      const found = await page.evaluate(collectLinks);
      const [html, cookies] = await Promise.all([options.html ? page.content() : null, page.cookies()]);
      return { found, html, cookies };
    }`,
    // a step fills a map of pending work (inside a callback), the next step drains it
    `export class Indexer {
  pending = new Map();
  async scan() {
    const response = await fetch('/list');
    const names = await response.json();
    names.forEach((name) => this.pending.set(name, name));
  }
  async process() {
    for (const [name] of this.pending) await fetch('/index/' + name);
  }
  async refresh() {
    const scanned = await this.scan();
    const processed = await this.process();
    return [scanned, processed];
  }
}`,
    // a step adds jobs to the object's task queue, the next waits until the queue is idle
    `import PQueue from 'p-queue';
export class Crawler {
  tasks = new PQueue({ concurrency: 4 });
  async enqueuePages() {
    const response = await fetch('/sitemap');
    for (const url of await response.json()) this.tasks.add(() => fetch(url));
  }
  async settle() {
    await this.tasks.onIdle();
  }
  async crawl() {
    const queued = await this.enqueuePages();
    const done = await this.settle();
    return [queued, done];
  }
}`,
    // a step queues jobs on the object, the next takes them out one by one
    `export class Mailer {
  outbox = [];
  async compose(users) {
    const response = await fetch('/templates/welcome');
    const template = await response.text();
    for (const user of users) this.outbox.push({ to: user.email, body: template });
  }
  async flush() {
    while (this.outbox.length > 0) await send(this.outbox.shift());
  }
  async welcome(users) {
    const composed = await this.compose(users);
    const flushed = await this.flush();
    return [composed, flushed];
  }
}`,
    // a step stores a list on the object, the next hands it to another call...
    storedThenSent("    await fetch('/batch', { method: 'POST', body: JSON.stringify(this.pending) });"),
    // ...or copies it into a local first
    storedThenSent("    const names = this.pending;\n    await fetch('/batch', { method: 'POST', body: JSON.stringify(names) });"),
    // a step hands \`this\` on: any member may be read
    `export class Session {
  events = [];
  async record(kind) {
    const response = await fetch('/clock');
    this.events.push({ kind, at: await response.text() });
  }
  async upload() {
    await sendAll(this);
  }
  async close() {
    const recorded = await this.record('close');
    const uploaded = await this.upload();
    return [recorded, uploaded];
  }
}`,
  ],
  invalid,
});

assertSuggestionsParse('prefer-promise-all', invalid);
