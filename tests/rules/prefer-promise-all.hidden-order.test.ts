import path from 'node:path';
import type { InvalidTestCase } from '@typescript-eslint/rule-tester';
import rule, { type MessageIds, type Options } from '../../src/rules/prefer-promise-all';
import { assertSuggestionsParse } from '../gather-suggestions-parse';
import { FIXTURES_DIR, ruleTester } from '../rule-tester';
import { gatheredPair } from './gathered-reports';

/**
 * Classes found on spent real-code sets (session 16): awaits that only look independent.
 * - Nothing to overlap, read from another module's declaration: a static method of an imported
 *   class that hashes in memory through its own helper (`this.hexOf(...)`), written without
 *   semicolons and with comments after its statements; an `async` helper that only returns what
 *   `os` says about the host (`fixtures/sixteen/fingerprints.js`).
 * - A folder a child process writes, then read: the process is handed the folder inside its
 *   argument list (`['-xf', archive, '-C', targetDir]`).
 * - Functions handed in by the caller that close over one shared object: a step may fill in
 *   what the next one reads (a choice asked once).
 * - An editor's input box or picker asks a person, also inside a helper of another module called
 *   with type arguments (`tree.showItemPicker<T>(...)`).
 * - Awaits after a check that returns a value the function keeps once (`if (cached) return
 *   cached;` ... `cached = info`): they run once per process.
 * - A step that may ask the person, read from another module: a call handed the text of a question
 *   (`ui.confirm(\`Deploy ${branch}?\`)`), a method of a class there that asks
 *   (`chooser.choose(...)` then `this.askFor(...)`); and a call of an authentication hook
 *   (`callOnAuth(...)`), which refuses a client before the work after it.
 * - A one-shot command's helpers of another module, loaded late (`await import('../git-info.js')`),
 *   that run a command (`shell.cmdinfo('git', [...])`): a moment of one run.
 */
const filename = path.join(FIXTURES_DIR, 'sixteen', 'file.js');
const tsFilename = path.join(FIXTURES_DIR, 'sixteen', 'file.ts');
/** A command of a command-line tool (a `commands/` folder: a one-shot program). */
const commandFilename = path.join(FIXTURES_DIR, 'sixteen', 'commands', 'start.js');

// @typescript-eslint/rule-tester pins its own copy of utils; the rule is the same object at run time.
const testedRule = rule as unknown as Parameters<typeof ruleTester.run<MessageIds, Options>>[1];

type Invalid = InvalidTestCase<MessageIds, Options>;

const invalid: Invalid[] = [
  // control: the same class's method that fetches is real work, twice
  {
    filename,
    code: `import Fingerprint from './fingerprints.js';
export async function compareSites(a, b) {
  const left = await Fingerprint.ofUrl(a);
  const right = await Fingerprint.ofUrl(b);
  return left === right;
}`,
    errors: [
      gatheredPair(3, 16, `import Fingerprint from './fingerprints.js';
export async function compareSites(a, b) {
  const [left, right] = await Promise.all([Fingerprint.ofUrl(a), Fingerprint.ofUrl(b)]);
  return left === right;
}`),
    ],
  },
  // control: a process that unpacks into a folder, beside a request that reads no folder
  {
    filename,
    code: `import { callTool } from './tools.js';
import { fetchRelease } from './releases.js';
export async function unpack(archive, targetDir, version) {
  const result = await callTool('tar', ['-xf', archive, '-C', targetDir]);
  const release = await fetchRelease(version);
  return { result, release };
}`,
    options: [{ requireEvidence: false }],
    errors: [
      gatheredPair(4, 18, `import { callTool } from './tools.js';
import { fetchRelease } from './releases.js';
export async function unpack(archive, targetDir, version) {
  const [result, release] = await Promise.all([
    callTool('tar', ['-xf', archive, '-C', targetDir]),
    fetchRelease(version),
  ]);
  return { result, release };
}`),
    ],
  },
  // control: handed functions that share nothing of the caller's
  {
    filename,
    code: `import { loadPlans, loadInvoices } from './billing.js';
async function both(first, second) {
  const plans = await first();
  const invoices = await second();
  return { plans, invoices };
}
export function overview(account, region) {
  return both(() => loadPlans(account), () => loadInvoices(region));
}`,
    options: [{ requireEvidence: false }],
    errors: [
      gatheredPair(3, 17, `import { loadPlans, loadInvoices } from './billing.js';
async function both(first, second) {
  const [plans, invoices] = await Promise.all([first(), second()]);
  return { plans, invoices };
}
export function overview(account, region) {
  return both(() => loadPlans(account), () => loadInvoices(region));
}`),
    ],
  },
  // control: a value returned early that the function never keeps itself (a test override): the
  // awaits run on every call
  {
    filename,
    code: `import { memoryInfo, graphicsInfo } from './probes.js';
let override = null;
export function overrideInfo(info) { override = info; }
export async function systemInfo() {
  if (override) return override;
  const memory = await memoryInfo();
  const graphics = await graphicsInfo();
  return { memory, graphics };
}`,
    options: [{ requireEvidence: false }],
    errors: [
      gatheredPair(6, 18, `import { memoryInfo, graphicsInfo } from './probes.js';
let override = null;
export function overrideInfo(info) { override = info; }
export async function systemInfo() {
  if (override) return override;
  const [memory, graphics] = await Promise.all([memoryInfo(), graphicsInfo()]);
  return { memory, graphics };
}`),
    ],
  },
  // control: a member of \`this\` is kept once per instance; a request context is made per request
  {
    filename,
    code: `import { users, billing } from './clients.js';
export class RequestContext {
  async profile(id) {
    if (this.profile_) return this.profile_;
    const user = await users.fetchUser(id);
    const invoices = await billing.fetchInvoices(id);
    this.profile_ = { user, invoices };
    return this.profile_;
  }
}`,
    errors: [
      {
        messageId: 'sequentialAwaits',
        data: { count: 2 },
        line: 5,
        column: 18,
        // reported; no exact rewrite is offered here
        suggestions: [],
      },
    ],
  },
  // control: handed functions that only call methods of one client share no object handed on
  {
    filename,
    code: `import { createClient } from './http.js';
async function loadBoth(getUsers, getOrders) {
  const users = await getUsers();
  const orders = await getOrders();
  return { users, orders };
}
export function dashboard(token) {
  const client = createClient(token);
  return loadBoth(() => client.get('/users'), () => client.get('/orders'));
}`,
    options: [{ requireEvidence: false }],
    errors: [
      gatheredPair(3, 17, `import { createClient } from './http.js';
async function loadBoth(getUsers, getOrders) {
  const [users, orders] = await Promise.all([getUsers(), getOrders()]);
  return { users, orders };
}
export function dashboard(token) {
  const client = createClient(token);
  return loadBoth(() => client.get('/users'), () => client.get('/orders'));
}`),
    ],
  },
];

ruleTester.run('prefer-promise-all (hidden order, nothing to overlap)', testedRule, {
  valid: [
    // two hashes through a static method of an imported class: computed in memory
    {
      filename,
      code: `import Fingerprint from './fingerprints.js';
export async function sameTitle(oldTitle, newTitle) {
  const before = await Fingerprint.ofText(oldTitle);
  const after = await Fingerprint.ofText(newTitle);
  return before === after;
}`,
    },
    // an async helper that only returns what the host says (\`os.arch()\`) beside a real call
    {
      filename,
      code: `import { machineKind } from './fingerprints.js';
import { loadImageList } from './registry.js';
export async function pickImage(name) {
  const kind = await machineKind();
  const images = await loadImageList(name);
  return images.find((image) => image.arch === kind);
}`,
    },
    // a child process unpacks into the folder that is listed next
    {
      filename,
      code: `import { readdir } from 'node:fs/promises';
import { callTool } from './tools.js';
export async function unpack(archive, installPath) {
  const result = await callTool('tar', ['-xf', archive, '-C', installPath]);
  const entries = await readdir(installPath);
  return { result, entries };
}`,
    },
    // the caller's steps share one options object: the first may fill in what the others read
    {
      filename,
      code: `import { debugSteps, buildSteps, runSteps } from './scaffold.js';
class Scaffolder {
  async setUpNode(context, options) {
    await this.setUp(
      () => debugSteps.provide(context, options),
      () => buildSteps.provide(context),
      () => runSteps.provide(context, options),
    );
  }
  async setUp(provideDebug, provideBuild, provideRun) {
    const build = await provideBuild();
    const run = await provideRun();
    const debug = await provideDebug();
    return { build, run, debug };
  }
}
export default Scaffolder;`,
    },
    // a helper of another module that may show a picker (called with type arguments there)
    {
      filename: tsFilename,
      code: `import { chooseItems, type ItemTree } from './pickers';
import { connectRuntime } from './runtime';
export async function pullImages(tree: ItemTree, given?: string[]): Promise<unknown> {
  const images = await chooseItems(tree, 'image', given);
  const client = await connectRuntime();
  return { images, client };
}`,
    },
    // a probe that keeps its result in a module variable: the awaits run once per process
    {
      filename,
      code: `import { memoryInfo, graphicsInfo } from './probes.js';
let cachedInfo = null;
export async function systemInfo(useCache = true) {
  if (useCache && cachedInfo) return cachedInfo;
  const memory = await memoryInfo();
  const graphics = await graphicsInfo();
  cachedInfo = { memory, graphics };
  return cachedInfo;
}`,
    },
    // a command's git probes, through helpers loaded late from another module
    {
      filename: commandFilename,
      code: `export async function start(env) {
  const { hasGit, repositoryRoot } = await import('../git-info.js');
  const installed = await hasGit(env);
  const root = await repositoryRoot(env);
  return { installed, root };
}`,
    },
    // a call of an authentication hook refuses unauthorised clients: the lookup waits for it
    {
      filename,
      code: `import { callOnAuth, findRoom } from './rooms.js';
export async function join(roomName, options) {
  const auth = await callOnAuth(roomName, options);
  const room = await findRoom(roomName, options);
  return { auth, room };
}`,
    },
    // a helper of another module that hands a call the text of a question (\`Deploy ...?\`)
    {
      filename,
      code: `import { deploySettings } from './setup-steps.js';
import { loadRepository } from './github.js';
export async function setUp(auto, name) {
  const settings = await deploySettings(auto, 'main');
  const repository = await loadRepository(name);
  return { settings, repository };
}`,
    },
    // a helper of another module whose class's method asks through a prompt package
    {
      filename,
      code: `import { chooseTarget } from './setup-steps.js';
import { fetchCommit } from './commits.js';
export async function run(name, api) {
  const target = await chooseTarget(name, api);
  const commit = await fetchCommit(api, name);
  return { target, commit };
}`,
    },
    // an editor input box asks a person; the lookup beside it saves nothing
    {
      filename: tsFilename,
      code: `import { window } from 'vscode';
import { loadNetworkKinds } from './networks';
export async function createNetwork(): Promise<unknown> {
  const name = await window.showInputBox({ prompt: 'Name of the network' });
  const kinds = await loadNetworkKinds();
  return { name, kinds };
}`,
    },
  ],
  invalid,
});

assertSuggestionsParse('prefer-promise-all', invalid);
