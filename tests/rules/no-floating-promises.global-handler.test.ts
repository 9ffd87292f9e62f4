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
/** A source file of the app whose `src/main.js` installs `process.on('unhandledRejection', ...)`. */
const APP_FILE = path.join(RUN_CONTEXTS, 'reporting-app', 'src', 'stores', 'drafts.js');
/** An internal plugin of that app (its own `package.json`, inside the app's folder, no workspaces). */
const PLUGIN_FILE = path.join(RUN_CONTEXTS, 'reporting-app', 'plugins', 'reminders', 'lib', 'store.js');
/** A test of that app: test folders are not the program. */
const APP_TEST_FILE = path.join(RUN_CONTEXTS, 'reporting-app', 'test', 'drafts.js');
/** A workspace app whose `errors.js` adds a window `unhandledrejection` listener. */
const WORKSPACE_APP_FILE = path.join(RUN_CONTEXTS, 'reporting-monorepo', 'apps', 'desk', 'src', 'panel.js');
/** A library of the same workspace: the app's reporter is not its own. */
const WORKSPACE_LIBRARY_FILE = path.join(RUN_CONTEXTS, 'reporting-monorepo', 'packages', 'sync', 'src', 'queue.js');
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

const valid: ValidTestCase<Options>[] = [
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

const invalid: InvalidTestCase<MessageIds, Options>[] = [
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
  // a test of the app is not the app's program
  storeListenerError(APP_TEST_FILE),
];

ruleTester.run<MessageIds, Options>('no-floating-promises (program with a rejection reporter)', rule as never, { valid, invalid });
