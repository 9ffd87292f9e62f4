import path from 'node:path';
import type { InvalidTestCase } from '@typescript-eslint/rule-tester';
import rule, { type MessageIds, type Options } from '../../src/rules/prefer-promise-all';
import { assertSuggestionsParse } from '../gather-suggestions-parse';
import { FIXTURES_DIR, ruleTester } from '../rule-tester';
import { gatheredPair } from './gathered-reports';

/**
 * Classes of awaits found on real code (held-out review, blind set 8), decided by what the called
 * functions do (`analysis/effects.ts`, `analysis/module-functions.ts`): silent where there is
 * nothing to overlap or an order the code relies on, reported where a near shape is still two
 * independent waits. Cases with a `filename` sit beside `fixtures/local-helpers.ts`.
 */

const filename = path.join(FIXTURES_DIR, 'file.ts');

// @typescript-eslint/rule-tester pins its own copy of utils; the rule is the same object at run time.
const testedRule = rule as unknown as Parameters<typeof ruleTester.run<MessageIds, Options>>[1];

type Invalid = InvalidTestCase<MessageIds, Options>;

/** The one report of a group of two adjacent `const` declarations starting at `line`, `column`. */

const invalid: Invalid[] = [
  // a gather whose mappers fetch is real work beside the next request
  {
    code: `
async function overview(ids) {
  const users = await Promise.all(ids.map(async (id) => api.user(id)));
  const teams = await api.teams();
  return { users, teams };
}`,
    errors: [
      gatheredPair(
        3,
        17,
        `
async function overview(ids) {
  const [users, teams] = await Promise.all([
    Promise.all(ids.map(async (id) => api.user(id))),
    api.teams(),
  ]);
  return { users, teams };
}`,
      ),
    ],
  },
  // a method that reads through a network client, then one computing a label in place: the
  // label helper calls an unknown function, so it may wait
  {
    code: `
class Share {
  async provide(item) {
    const link = await this.api.permalink(item.id);
    const text = await this.caption(item);
    return [link, text];
  }
  async caption(item) {
    return describe(item.path);
  }
}`,
    errors: [
      gatheredPair(
        4,
        18,
        `
class Share {
  async provide(item) {
    const [link, text] = await Promise.all([this.api.permalink(item.id), this.caption(item)]);
    return [link, text];
  }
  async caption(item) {
    return describe(item.path);
  }
}`,
      ),
    ],
  },
  // an optional receiver is no optional hook: the methods of two imported clients, called in turn
  {
    code: `
import { accounts, billing } from './clients';
async function profile(id) {
  const user = await accounts?.user(id);
  const invoices = await billing.invoices(id);
  return { user, invoices };
}`,
    errors: [
      gatheredPair(
        4,
        16,
        `
import { accounts, billing } from './clients';
async function profile(id) {
  const [user, invoices] = await Promise.all([accounts?.user(id), billing.invoices(id)]);
  return { user, invoices };
}`,
      ),
    ],
  },
  // a step of another module that does not finalise anything, after plugins were loaded
  {
    filename,
    code: `import { openRemoteReader } from './local-helpers';
import { loadPlugins } from './plugins';
export async function start(home, url) {
  const plugins = await loadPlugins(home);
  const reader = await openRemoteReader(url);
  return { plugins, reader };
}`,
    errors: [
      gatheredPair(
        4,
        19,
        `import { openRemoteReader } from './local-helpers';
import { loadPlugins } from './plugins';
export async function start(home, url) {
  const [plugins, reader] = await Promise.all([loadPlugins(home), openRemoteReader(url)]);
  return { plugins, reader };
}`,
      ),
    ],
  },
];

ruleTester.run('prefer-promise-all (classes of real code)', testedRule, {
  valid: [
    // nothing to overlap: a gather of async mappers that only build objects from data at hand
    `
async function changes(status) {
  const untracked = await Promise.all(
    status.files.filter((file) => file.index === '?').map(async (file) => {
      return { path: file.path, kind: 'untracked' };
    }),
  );
  const moved = await Promise.all(status.moved.map(async (file) => ({ from: file.from, to: file.to })) || []);
  return { untracked, moved };
}`,
    // the same beside a real request: the gather waits on nothing, so nothing overlaps
    `
async function changesWithRemote(status, remote) {
  const staged = await Promise.all(status.staged.map(async (file) => ({ path: file.path })));
  const ahead = await remote.countAhead(status.branch);
  return { staged, ahead };
}`,
    // async in name only: a method returning a value computed by the path module
    `
import path from 'node:path';
class Share {
  async provide(item) {
    const link = await this.api.permalink(item.id);
    const text = await this.caption(item);
    return [link, text];
  }
  async caption(item) {
    return path.basename(item.path);
  }
}`,
    `
const { relative } = require('path');
async function entry(root, file, store) {
  const label = await shortName(root, file);
  const size = await store.sizeOf(file);
  return { label, size };
}
async function shortName(root, file) {
  return relative(root, file);
}`,
    // ... and a function of another module whose declaration does the same
    {
      filename,
      code: `import { documentTitle } from './local-helpers';
export async function card(doc, store) {
  const title = await documentTitle(doc);
  const views = await store.views(doc.id);
  return { title, views };
}`,
    },
    // user-supplied hooks, optional or with a default: often synchronous, run in the documented order
    `
function cached(fn, opts) {
  return async (...args) => {
    const key = await (opts.getKey || defaultKey)(...args);
    const stale = await opts.shouldInvalidate?.(...args);
    return stale ? fn(...args) : lookup(key);
  };
}`,
    `
async function save(doc, hooks) {
  const checked = await hooks.beforeValidate?.(doc);
  const prepared = await hooks.beforeSave?.(doc);
  return store.put(doc, checked, prepared);
}`,
    // a step that finalises what the steps before it registered (module state of another module)
    {
      filename,
      code: `import { openReader } from './local-helpers';
import { loadPlugins } from './plugins';
export async function start(home) {
  const plugins = await loadPlugins(home);
  const reader = await openReader(true);
  return { plugins, reader };
}`,
    },
    // ... also through a method of this file that calls it
    {
      filename,
      code: `import { openReader } from './local-helpers';
import { loadPlugins } from './plugins';
export class Boot {
  async run(home, args) {
    const plugins = await loadPlugins(home);
    const options = await this.parseOptions(args);
    return { plugins, options };
  }
  async parseOptions(args) {
    const reader = await openReader(args.strict);
    return reader;
  }
}`,
    },
    // ... and a call named for it
    `
async function boot(app) {
  const routes = await app.registerRoutes();
  const router = await app.router.finalize();
  return { routes, router };
}`,
  ],
  invalid,
});

assertSuggestionsParse('prefer-promise-all', invalid);
