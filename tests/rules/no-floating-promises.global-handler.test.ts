import path from 'node:path';
import type { InvalidTestCase, ValidTestCase } from '@typescript-eslint/rule-tester';
import rule, { type MessageIds, type Options } from '../../src/rules/no-floating-promises';
import { FIXTURES_DIR, ruleTester } from '../rule-tester';

/**
 * A program that installs its own unhandled-rejection reporter (`process.on('unhandledRejection',
 * ...)`, `window.addEventListener('unhandledrejection', ...)`, ...) somewhere in its package. A
 * promise dropped where nothing could await it (a listener, an action handler, a constructor, a
 * timer callback) reaches that reporter; `.catch(report)` would do the same. On blind set 10 about
 * 25 of 32 pointless reports were of this kind (an Electron mail client's stores and a wiki
 * server's boot-time cache warm-ups). Inside an async function an `await` routes the failure to
 * the callers, so those stay reported, as does everything in a package that installs no reporter
 * of its own (a library never counts on its host's).
 */

const RUN_CONTEXTS = path.join(FIXTURES_DIR, 'run-contexts');
/** A source file of the app whose `src/errors.js` (loaded by its entry, `src/main.js`) installs `process.on('unhandledRejection', ...)`. */
const APP_FILE = path.join(RUN_CONTEXTS, 'reporting-app', 'src', 'stores', 'drafts.js');
/** An internal plugin of that app (its own `package.json`, inside the app's folder, no workspaces). */
const PLUGIN_FILE = path.join(RUN_CONTEXTS, 'reporting-app', 'plugins', 'reminders', 'lib', 'store.js');
/** A test of that app: test folders are not the program. */
const APP_TEST_FILE = path.join(RUN_CONTEXTS, 'reporting-app', 'test', 'drafts.js');
/** A test named beside the code it tests (`*.test.js`), in the app's source folder. */
const APP_COLOCATED_TEST_FILE = path.join(RUN_CONTEXTS, 'reporting-app', 'src', 'stores', 'drafts.test.js');
/** The server of a repo whose root `package.json` only holds scripts; its client adds a window listener. */
const SPLIT_SERVER_FILE = path.join(RUN_CONTEXTS, 'split-stack', 'server', 'src', 'routes.js');
/** A library whose command (`bin/`) installs a reporter. */
const CLI_LIBRARY_FILE = path.join(RUN_CONTEXTS, 'cli-lib', 'lib', 'client.js');
/** A server whose reporter logs and exits. */
const EXITING_SERVER_FILE = path.join(RUN_CONTEXTS, 'exiting-server', 'src', 'jobs.js');
/** A workspace app whose `errors.js` adds a window `unhandledrejection` listener. */
const WORKSPACE_APP_FILE = path.join(RUN_CONTEXTS, 'reporting-monorepo', 'apps', 'desk', 'src', 'panel.js');
/** A library of the same workspace: the app's reporter is not its own. */
const WORKSPACE_LIBRARY_FILE = path.join(RUN_CONTEXTS, 'reporting-monorepo', 'packages', 'sync', 'src', 'queue.js');
/** A desktop app whose `src/main/monitoring.js` sets up Sentry's Electron SDK with its defaults. */
const TRACKED_APP_FILE = path.join(RUN_CONTEXTS, 'tracked-desktop-app', 'src', 'windows', 'menu.js');
/** A desktop app that sets up the same SDK without its default integrations (no rejection handler). */
const UNTRACKED_APP_FILE = path.join(RUN_CONTEXTS, 'untracked-desktop-app', 'src', 'windows', 'menu.js');
/** A library whose only handler is in its test setup (and one commented out in its source). */
const TEST_SETUP_LIBRARY_FILE = path.join(RUN_CONTEXTS, 'test-reporter-lib', 'src', 'queue.js');

const storeListener = `export class DraftStore {
  constructor(database) {
    this.database = database;
    database.onChange(() => {
      this.refreshCounts();
    });
  }
  async refreshCounts() {
    this.counts = await this.database.count('drafts');
  }
}`;

const actionHandler = `export function onSnooze(threads, date) {
  moveToSnoozed(threads, date).then(() => markUnread(threads));
}
async function moveToSnoozed(threads, date) {
  await fetch('/snooze', { method: 'POST', body: JSON.stringify({ threads, date }) });
}
function markUnread(threads) {}`;

const warmsCacheAtBoot = `export function init(settings) {
  this.strategies = {};
  reloadGroups();
  return this;
}
async function reloadGroups() {
  const groups = await fetch('/groups');
  return groups.json();
}`;

const timerCallback = `export function scheduleRefresh(store) {
  setTimeout(() => {
    store.refresh();
  }, 500);
}`;

const forgottenAwait = `export async function openDraft(id) {
  const draft = await loadDraft(id);
  showWindow(draft);
}
async function loadDraft(id) {
  const response = await fetch('/drafts/' + id);
  return response.json();
}
async function showWindow(draft) {
  await fetch('/windows', { method: 'POST', body: draft.id });
}`;

const guardedInTry = `export class Kernel {
  boot() {
    try {
      this.postBoot();
    } catch (error) {
      this.log(error);
      process.exit(1);
    }
  }
  async postBoot() {
    await fetch('/boot');
  }
  log(error) {}
}`;

const conditionCall = `export function onClick(user) {
  if (isAllowed(user)) open(user);
}
async function isAllowed(user) {
  const response = await fetch('/allowed/' + user.id);
  return response.ok;
}
function open(user) {}`;

/** A `.then` callback: returning the promise hands it to the chain's own `.catch`. */
const thenCallback = `export function openThread(id) {
  return loadThread(id)
    .then((thread) => {
      markSeen(thread);
      return thread;
    })
    .catch(showError);
}
async function loadThread(id) {
  const response = await fetch('/threads/' + id);
  return response.json();
}
async function markSeen(thread) {
  await fetch('/seen/' + thread.id, { method: 'POST' });
}
function showError(error) {}`;

/** A `forEach` callback of an async function: `await Promise.all(list.map(...))` is the fix. */
const forEachInAsync = `export async function archiveAll(threads) {
  threads.forEach((thread) => {
    archive(thread);
  });
  return threads.length;
}
async function archive(thread) {
  await fetch('/archive/' + thread.id, { method: 'POST' });
}`;

/** A function that returns a value could return the promise with it. */
const returnsValue = `export function addLabel(thread, label) {
  syncLabels(thread);
  return thread.labels.concat(label);
}
async function syncLabels(thread) {
  await fetch('/labels/' + thread.id, { method: 'PUT' });
}`;

/** A request handler that answers before the save settles. */
const answersRequest = `export function mount(app, store) {
  app.put('/drafts/:id', (req, res) => {
    persist(store, req.body);
    res.sendStatus(204);
  });
}
async function persist(store, draft) {
  await store.write(draft);
}`;

/** A message consumer that acknowledges before the save settles. */
const acksMessage = `export function listen(queue, store) {
  queue.subscribe('drafts', (envelope) => {
    persist(store, envelope.body);
    queue.ack(envelope);
  });
}
async function persist(store, draft) {
  await store.write(draft);
}`;

/** A socket listener that answers through its acknowledgement callback before the save settles. */
const answersCallback = `export function register(socket, store) {
  socket.on('draft:save', (draft, callback) => {
    persist(store, draft);
    callback({ saved: true });
  });
}
async function persist(store, draft) {
  await store.write(draft);
}`;

/** An IPC listener whose chain sends the answer: on a rejection the window never gets one. */
const repliesInChain = `export function onDescribe(event, request) {
  loadSchema(request.url).then((schema) => {
    event.reply('schema:loaded', request.id, schema);
  });
}
async function loadSchema(url) {
  const response = await fetch(url);
  return response.json();
}`;

/**
 * An Electron app's main process (the file imports `BrowserWindow`, `Menu`, `ipcMain`, ... from
 * `electron`): Electron logs an unhandled rejection there as a warning and the app goes on, as
 * under a program's own reporter (blind set 11: a desktop app's menu items and IPC listeners that
 * open windows).
 */
const mainProcessMenu = (electronImport: string): string => `${electronImport}
export function buildMenu() {
  return Menu.buildFromTemplate([
    {
      label: 'New window',
      click: () => {
        openWindow({ focus: true });
      },
    },
  ]);
}
export async function openWindow(options) {
  const bounds = await readBounds();
  const win = new BrowserWindow(bounds);
  await win.loadFile('index.html');
  if (options.focus) win.focus();
}
async function readBounds() {
  const response = await fetch('app://settings/bounds');
  return response.json();
}`;

/** The same window opener, forgotten inside an async function of the main process: still reported. */
const mainProcessForgottenAwait = `import { BrowserWindow } from 'electron';
export async function restore(saved) {
  for (const bounds of saved) openWindow(bounds);
  return saved.length;
}
async function openWindow(bounds) {
  const win = new BrowserWindow(bounds);
  await win.loadFile('index.html');
}`;

const valid: ValidTestCase<Options>[] = [
  // a menu item's click handler in Electron's main process (import or destructured require)
  { code: mainProcessMenu("import { BrowserWindow, Menu } from 'electron';") },
  { code: mainProcessMenu("const { BrowserWindow, Menu } = require('electron');") },
  // a store listener, an action handler, a boot-time warm-up and a timer callback: nothing can
  // await them, and the app's reporter already reports a failure
  { code: storeListener, filename: APP_FILE },
  { code: actionHandler, filename: APP_FILE },
  { code: warmsCacheAtBoot, filename: APP_FILE },
  { code: timerCallback, filename: APP_FILE },
  // an internal plugin of the app is part of its program
  { code: storeListener, filename: PLUGIN_FILE },
  // a workspace app with a window `unhandledrejection` listener
  { code: actionHandler, filename: WORKSPACE_APP_FILE },
  // an app whose error tracker is set up with its defaults (`Sentry.init(...)`): the SDK installs
  // the rejection reporter, a menu action's dropped promise reaches it
  { code: actionHandler, filename: TRACKED_APP_FILE },
  { code: storeListener, filename: TRACKED_APP_FILE },
];

const storeListenerError = (filename: string): InvalidTestCase<MessageIds, Options> => ({
  code: storeListener,
  filename,
  errors: [
    {
      messageId: 'floating',
      line: 5,
      column: 7,
      suggestions: [{ messageId: 'suggestVoid', output: storeListener.replace('      this.refreshCounts();', '      void this.refreshCounts();') }],
    },
  ],
});

/** A promise dropped at line:column, whose only suggestion is `void`. */
function droppedAt(code: string, filename: string, line: number, column: number): InvalidTestCase<MessageIds, Options> {
  const lines = code.split('\n');
  const text = lines[line - 1] ?? '';
  lines[line - 1] = `${text.slice(0, column - 1)}void ${text.slice(column - 1)}`;
  return { code, filename, errors: [{ messageId: 'floating', line, column, suggestions: [{ messageId: 'suggestVoid', output: lines.join('\n') }] }] };
}

const invalid: InvalidTestCase<MessageIds, Options>[] = [
  // an endless loop started on purpose: the program's reporter would swallow an escaping error
  // and the loop would stop without a trace (without a reporter the process ends with the error)
  {
    code: "async function pollInbox() {\n  while (true) {\n    await fetchMail();\n    await sleep(5000);\n  }\n}\nexport async function start() {\n  pollInbox();\n}",
    filename: APP_FILE,
    errors: [{ messageId: 'floating', line: 8, column: 3, suggestions: [{ messageId: 'suggestAwait', output: "async function pollInbox() {\n  while (true) {\n    await fetchMail();\n    await sleep(5000);\n  }\n}\nexport async function start() {\n  await pollInbox();\n}" }, { messageId: 'suggestVoid', output: "async function pollInbox() {\n  while (true) {\n    await fetchMail();\n    await sleep(5000);\n  }\n}\nexport async function start() {\n  void pollInbox();\n}" }] }],
  },
  // inside an async function: awaiting routes the failure to the callers, the reporter does not
  {
    code: forgottenAwait,
    filename: APP_FILE,
    errors: [
      {
        messageId: 'floating',
        line: 3,
        column: 3,
        suggestions: [
          { messageId: 'suggestAwait', output: forgottenAwait.replace('  showWindow(draft);', '  await showWindow(draft);') },
          { messageId: 'suggestVoid', output: forgottenAwait.replace('  showWindow(draft);', '  void showWindow(draft);') },
        ],
      },
    ],
  },
  // inside a `try` whose `catch` was written for it: the rejection bypasses the catch
  {
    code: guardedInTry,
    filename: APP_FILE,
    errors: [{ messageId: 'floating', line: 4, column: 7, suggestions: [{ messageId: 'suggestVoid', output: guardedInTry.replace('      this.postBoot();', '      void this.postBoot();') }] }],
  },
  // a promise tested as a condition is a bug, not a dropped task
  {
    code: conditionCall,
    filename: APP_FILE,
    errors: [{ messageId: 'conditional', data: { name: 'isAllowed' }, line: 2, column: 7, suggestions: [] }],
  },
  // the option turns the silence off
  { ...storeListenerError(APP_FILE), options: [{ checkUnderGlobalHandler: true }] },
  // a library of the workspace: the app's reporter is not installed by the library itself
  storeListenerError(WORKSPACE_LIBRARY_FILE),
  // a handler in a test setup file, or commented out, installs nothing in the program
  storeListenerError(TEST_SETUP_LIBRARY_FILE),
  // a test of the app is not the app's program, nor is a test beside its source
  storeListenerError(APP_TEST_FILE),
  // (a drop outside a test's own callbacks is checked in test code only with checkTestCode)
  { ...storeListenerError(APP_COLOCATED_TEST_FILE), options: [{ checkTestCode: true }] },
  // the client's listener is not the server's, when the root package only holds their scripts
  storeListenerError(SPLIT_SERVER_FILE),
  // a library's command installs a reporter for the command, not for the programs that use the library
  storeListenerError(CLI_LIBRARY_FILE),
  // a reporter that exits: the dropped promise ends the program
  storeListenerError(EXITING_SERVER_FILE),
  // an error tracker set up without its default integrations installs no rejection reporter
  storeListenerError(UNTRACKED_APP_FILE),
  // a renderer module (only `ipcRenderer` from electron) is not the main process (with
  // `checkUiCode`: by default a window's module has a silence of its own, see the browser-host
  // tests); nor is a type-only import; in the main process the option turns the silence off
  {
    ...droppedAt(mainProcessMenu("import { ipcRenderer } from 'electron';\nconst { BrowserWindow, Menu } = window.shell;"), 'menu.js', 8, 9),
    options: [{ checkUiCode: true }],
  },
  droppedAt(mainProcessMenu("import type { BrowserWindow, Menu } from 'electron';"), 'menu.js', 7, 9),
  { ...droppedAt(mainProcessMenu("import { BrowserWindow, Menu } from 'electron';"), 'menu.js', 7, 9), options: [{ checkUnderGlobalHandler: true }] },
  // inside an async function of the main process: a forgotten `await`
  {
    code: mainProcessForgottenAwait,
    errors: [
      {
        messageId: 'floating',
        line: 3,
        column: 31,
        suggestions: [
          { messageId: 'suggestAwait', output: mainProcessForgottenAwait.replace(') openWindow(bounds);', ') await openWindow(bounds);') },
          { messageId: 'suggestVoid', output: mainProcessForgottenAwait.replace(') openWindow(bounds);', ') void openWindow(bounds);') },
        ],
      },
    ],
  },
  // under a reporter too, a chain whose callback sends the answer leaves the asker waiting
  {
    code: repliesInChain,
    filename: TRACKED_APP_FILE,
    errors: [{ messageId: 'floatingChain', data: { method: 'then' }, line: 2, column: 3, suggestions: [{ messageId: 'suggestVoid', output: repliesInChain.replace('  loadSchema(', '  void loadSchema(') }] }],
  },
  // under the tracker too, a forgotten `await` routes nothing to the callers
  { ...storeListenerError(TRACKED_APP_FILE), code: forgottenAwait, errors: [{ messageId: 'floating', line: 3, column: 3, suggestions: [
    { messageId: 'suggestAwait', output: forgottenAwait.replace('  showWindow(draft);', '  await showWindow(draft);') },
    { messageId: 'suggestVoid', output: forgottenAwait.replace('  showWindow(draft);', '  void showWindow(draft);') },
  ] }] },
  // a receiver exists: a `.then` callback, a `forEach` inside an async function, a function that
  // returns a value; or the code answers a request or acknowledges a message before the save settles
  droppedAt(thenCallback, APP_FILE, 4, 7),
  droppedAt(forEachInAsync, APP_FILE, 3, 5),
  droppedAt(returnsValue, APP_FILE, 2, 3),
  droppedAt(answersRequest, APP_FILE, 3, 5),
  droppedAt(acksMessage, APP_FILE, 3, 5),
  droppedAt(answersCallback, APP_FILE, 3, 5),
];

ruleTester.run<MessageIds, Options>('no-floating-promises (program with a rejection reporter)', rule as never, { valid, invalid });
