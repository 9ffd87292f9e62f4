import path from 'node:path';
import type { InvalidTestCase, ValidTestCase } from '@typescript-eslint/rule-tester';
import rule, { type MessageIds, type Options } from '../../src/rules/no-floating-promises';
import { FIXTURES_DIR, ruleTester, typedRuleTester } from '../rule-tester';
import { floatingAt } from './floating-reports';

/**
 * Dropped promises that settle anyway, found on real code (blind sets 8 and 9, session 10): the
 * called function's only unguarded wait loads a module that is always installed, a `.then` chain
 * on a delay is a timer, an async method of an in-memory store updates a `Map` field, and an API
 * that takes both styles is handed a Node-style callback before its trailing options, and a `catch`
 * that rethrows sits inside an outer `try` whose `catch` keeps the error. Next to each,
 * the look-alike that still loses a failure.
 */

/** A module of a package whose `package.json` lists `pg` and `sqlite3` under `dependencies`. */
const APP_MODULE = path.join(FIXTURES_DIR, 'run-contexts', 'synced-app', 'src', 'report.ts');

const reporter = (specifier: string): string => `export class Reporter {
  async send(url, body) {
    const { Client } = await import('${specifier}');
    try {
      await new Client(url).post(body);
    } catch (error) {
      this.failures += 1;
    }
  }
  finish(done) {
    this.send(this.url, this.summary);
    done();
  }
}`;

const optionalLoad = `let driver;
import('pg').then((loaded) => {
  driver = loaded;
});`;

const delayTimer = `function sleep(ms) {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
export function waitForEvent(emitter, name, ms) {
  const task = makeTask();
  emitter.once(name, task.finish);
  sleep(ms).then(() => {
    if (!task.done) task.cancel(new Error(\`no \${name} within \${ms} ms\`));
  });
  return task.promise;
}`;

const delayThenWork = `function sleep(ms) {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
export function retryLater(job) {
  sleep(500).then(async () => {
    await job.run();
  });
}`;

const delayThenCall = `function sleep(ms) {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
export function refreshLater(api) {
  sleep(500).then(() => api.refresh());
}`;

const loadThenConnect = `export function connectLater(url) {
  import('pg').then(({ Client }) => new Client(url).connect());
}`;

const memoryStore = `export class MemoryStore {
  entries = new Map();
  put = async (key, value) => this.entries.set(key, value);
  putAll = async (pairs) => {
    pairs.forEach(([key, value]) => {
      this.put(key, value);
    });
  };
}`;

const cacheStore = `export class CacheStore {
  entries = new Map();
  constructor(remote) { this.remote = remote; }
  put = async (key, value) => this.remote.write(key, value);
  putAll = async (pairs) => {
    pairs.forEach(([key, value]) => {
      this.put(key, value);
    });
  };
}`;

/** A file beside `promise-jobs.cjs`, whose `runJob` export is async (untyped: read from its text). */
const JOBS_CLIENT = path.join(FIXTURES_DIR, 'file.ts');

const callbackBeforeOptions = `const jobs = require('./promise-jobs.cjs');
export function start(name, done) {
  jobs.runJob(name, (err, output) => done(err, output), { retries: 2 });
}`;

const elementCallbackBeforeOptions = `const jobs = require('./promise-jobs.cjs');
export function start(names) {
  jobs.runJob(names, (e, i) => report(e, i), { retries: 2 });
}`;

const predicateBeforeOptions = `const jobs = require('./promise-jobs.cjs');
export function start(name) {
  jobs.runJob(name, (err) => err.code === 'ETIMEDOUT', { retries: 2 });
}`;

const nestedRethrow = (outerTry: boolean): string => `export class FilterWatcher {
  async poll() {
${outerTry ? '    try {\n' : ''}      let id = null;
      try {
        id = await this.subscription;
      } catch (error) {
        if (!isUnsupported(error)) throw error;
      }
      if (id === null) return;
      await this.fetchChanges(id);
${outerTry ? "    } catch (error) {\n      console.log('poll failed', error);\n    }\n" : ''}    this.events.once('tick', () => this.poll());
  }
  start() {
    this.poll();
  }
}`;

/** A warm-up timer held in a module constant: once it fires, a setting is lowered. */
const heldTimer = `const warmUp = new Promise((resolve) => setTimeout(resolve, 30000));
let limit = 5;
warmUp.then(() => (limit = 1));
export function currentLimit() {
  return limit;
}`;

/** A module of a Nuxt application (its `package.json` installs `nuxt`, which auto-imports Vue's `nextTick`). */
const NUXT_MODULE = path.join(FIXTURES_DIR, 'run-contexts', 'nuxt-site', 'app', 'plugins', 'lifecycle.client.ts');

/** A draft flushed by a function of the file after Vue's next DOM update; `onBlur` drops the flush. */
const flushAfterTick = (tick: string): string => `async function saveDraft(draft) {
  const response = await fetch('/api/drafts', { method: 'POST', body: draft });
  if (!response.ok) throw new Error('draft not saved');
}
async function flushDraft(draft) {
  ${tick}
  return draft;
}
export function onBlur(draft) {
  flushDraft(draft);
}`;

/** A page reloaded after Vue's next DOM update, with `nextTick` auto-imported (declared nowhere in the file). */
const reloadAfterTick = (then: string): string => `export function onResume(state) {
  state.frozen = false;
  nextTick().then(${then});
}`;

const valid: ValidTestCase<Options>[] = [
  // Nuxt auto-imports Vue's \`nextTick\`: the next DOM update never rejects, and a callback that
  // returns no promise adds nothing that could
  { code: reloadAfterTick('() => window.location.reload()'), filename: NUXT_MODULE },
  // a function that awaits only the next DOM update cannot reject
  { code: flushAfterTick('await nextTick();'), filename: NUXT_MODULE },
  // the only unguarded wait loads a package listed under `dependencies`, or a Node built-in
  { code: reporter('pg'), filename: APP_MODULE },
  { code: reporter('node:http'), filename: APP_MODULE },
  // ... also as the receiver of a chain at module level
  { code: optionalLoad, filename: APP_MODULE },
  // a `.then` callback on a delay that cannot reject: a timer written as a promise
  { code: delayTimer },
  // ... also held in a \`const\` first: its callback only assigns
  { code: heldTimer },
  // an async method of an in-memory store that only updates a `Map` field
  { code: memoryStore },
  // a `catch` that rethrows inside an outer `try` whose `catch` keeps the error
  { code: nestedRethrow(true) },
  // a Node-style callback handed over before trailing options receives the error
  { code: callbackBeforeOptions, filename: JOBS_CLIENT },
];

const reporterInvalid = (specifier: string, filename: string): InvalidTestCase<MessageIds, Options> => {
  const code = reporter(specifier);
  return {
    code,
    filename,
    errors: [
      {
        messageId: 'floating',
        line: 11,
        column: 5,
        suggestions: [{ messageId: 'suggestVoid', output: code.replace('    this.send(this.url', '    void this.send(this.url') }],
      },
    ],
  };
};

const invalid: InvalidTestCase<MessageIds, Options>[] = [
  // ...but outside a Nuxt package an undeclared \`nextTick\` is unknown, and inside one a callback
  // that returns a call of an async function adopts its rejection
  {
    code: reloadAfterTick('() => window.location.reload()'),
    filename: APP_MODULE,
    errors: [{ messageId: 'floatingChain', data: { method: 'then' }, line: 3, column: 3, suggestions: [{ messageId: 'suggestVoid', output: reloadAfterTick('() => window.location.reload()').replace('  nextTick()', '  void nextTick()') }] }],
  },
  {
    code: `async function save(state) {\n  await fetch('/state', { method: 'POST', body: state });\n}\n${reloadAfterTick('() => save(state)')}`,
    filename: NUXT_MODULE,
    errors: [{ messageId: 'floatingChain', data: { method: 'then' }, line: 6, column: 3, suggestions: [{ messageId: 'suggestVoid', output: `async function save(state) {\n  await fetch('/state', { method: 'POST', body: state });\n}\n${reloadAfterTick('() => save(state)').replace('  nextTick()', '  void nextTick()')}` }] }],
  },
  // ...but one that awaits \`nextTick(fn)\`, the next update's \`.then(fn)\`, rejects when \`fn\` does
  floatingAt(flushAfterTick('await nextTick(() => saveDraft(draft));'), 10, { filename: NUXT_MODULE }),
  // a package the file's package does not declare may be missing: its load can reject
  reporterInvalid('got', APP_MODULE),
  // a relative module runs its own top-level code when loaded
  reporterInvalid('./transport', APP_MODULE),
  // the `.then` callback on the delay starts work that may reject
  {
    code: delayThenWork,
    errors: [
      {
        messageId: 'floatingChain',
        data: { method: 'then' },
        line: 5,
        column: 3,
        suggestions: [{ messageId: 'suggestVoid', output: delayThenWork.replace('  sleep(500)', '  void sleep(500)') }],
      },
    ],
  },
  // a callback returning a call on the delay: the chain adopts what the call returns, which may reject
  {
    code: delayThenCall,
    errors: [
      {
        messageId: 'floatingChain',
        data: { method: 'then' },
        line: 5,
        column: 3,
        suggestions: [{ messageId: 'suggestVoid', output: delayThenCall.replace('  sleep(500)', '  void sleep(500)') }],
      },
    ],
  },
  // the load of an installed package settles, but the connection the callback returns may fail
  {
    code: loadThenConnect,
    filename: APP_MODULE,
    errors: [
      {
        messageId: 'floatingChain',
        data: { method: 'then' },
        line: 2,
        column: 3,
        suggestions: [{ messageId: 'suggestVoid', output: loadThenConnect.replace("  import('pg')", "  void import('pg')") }],
      },
    ],
  },
  // the store's method writes through another object: its promise may reject
  {
    code: cacheStore,
    errors: [
      {
        messageId: 'floating',
        line: 7,
        column: 7,
        suggestions: [{ messageId: 'suggestVoid', output: cacheStore.replace('      this.put(key, value);', '      void this.put(key, value);') }],
      },
    ],
  },
  // without the outer `try`, the rethrown error rejects the dropped promise
  (() => {
    const code = nestedRethrow(false);
    return {
      code,
      errors: [
        {
          messageId: 'floating' as const,
          line: 14,
          column: 5,
          suggestions: [{ messageId: 'suggestVoid' as const, output: code.replace('    this.poll();\n  }\n}', '    void this.poll();\n  }\n}') }],
        },
      ],
    };
  })(),
  // before the options, a short `(e, i)` is as likely an element and its index: the job's failure would be lost
  {
    code: elementCallbackBeforeOptions,
    filename: JOBS_CLIENT,
    errors: [
      {
        messageId: 'floating',
        line: 3,
        column: 3,
        suggestions: [{ messageId: 'suggestVoid', output: elementCallbackBeforeOptions.replace('  jobs.runJob', '  void jobs.runJob') }],
      },
    ],
  },
  // a one-parameter function taking an error before the options is a predicate, not the callback
  {
    code: predicateBeforeOptions,
    filename: JOBS_CLIENT,
    errors: [
      {
        messageId: 'floating',
        line: 3,
        column: 3,
        suggestions: [{ messageId: 'suggestVoid', output: predicateBeforeOptions.replace('  jobs.runJob', '  void jobs.runJob') }],
      },
    ],
  },
  // checkCannotReject (strict) still marks a dropped promise that cannot reject
  {
    code: memoryStore,
    options: [{ checkCannotReject: true }],
    errors: [
      {
        messageId: 'floating',
        line: 6,
        column: 7,
        suggestions: [{ messageId: 'suggestVoid', output: memoryStore.replace('      this.put(key, value);', '      void this.put(key, value);') }],
      },
    ],
  },
];

ruleTester.run<MessageIds, Options>('no-floating-promises (settles anyway)', rule as never, { valid, invalid });

/**
 * A Nuxt plugin with the build's auto-import declarations (`types/imports.d.ts`): typed, the checker
 * knows `nextTick` returns a promise.
 */
const NUXT_PLUGIN = path.join(FIXTURES_DIR, 'run-contexts', 'nuxt-site', 'app', 'plugins', 'autosave.ts');

/** A draft saved after Vue's next DOM update, `tick` being how `nextTick` is called. */
const autosave = (tick: string, header = ''): string => `${header}async function saveDraft(draft: string): Promise<void> {
  const response = await fetch('/api/drafts', { method: 'POST', body: draft });
  if (!response.ok) throw new Error('draft not saved');
}
export function onBlur(draft: string): void {
  ${tick}
}`;

typedRuleTester.run<MessageIds, Options>('no-floating-promises (settles anyway, typed Nuxt)', rule as never, {
  valid: [
    // the next DOM update alone never rejects
    { code: autosave('nextTick();'), filename: NUXT_PLUGIN },
    { code: autosave('nextTick();', "import { nextTick } from '#imports';\n"), filename: NUXT_PLUGIN },
  ],
  invalid: [
    // ...but \`nextTick(fn)\` is the next update's \`.then(fn)\`: it rejects when \`fn\` throws or
    // returns a promise that rejects, here the save's failure
    floatingAt(autosave('nextTick(async () => { await saveDraft(draft); });'), 6, { filename: NUXT_PLUGIN }),
    floatingAt(autosave('nextTick(() => saveDraft(draft));'), 6, { filename: NUXT_PLUGIN }),
  ],
});
