import path from 'node:path';
import type { InvalidTestCase } from '@typescript-eslint/rule-tester';
import rule, { type MessageIds, type Options } from '../../src/rules/prefer-promise-all';
import { assertSuggestionsParse } from '../gather-suggestions-parse';
import { FIXTURES_DIR, ruleTester } from '../rule-tester';
import { gatheredPair } from './gathered-reports';

/**
 * A browser extension's calls to its own browser (tabs, windows, the extension's storage), and an
 * editor extension's reads of its workspace, are messages to a process on the same machine,
 * answered in about a millisecond: two of them, or
 * one beside a helper that only makes such calls, have nothing worth overlapping. A request to a
 * server beside them is still reported, and so is the same code outside an extension, where
 * `browser` is not the browser's API.
 */
const background = path.join(FIXTURES_DIR, 'run-contexts', 'browser-extension', 'src', 'background', 'sessions.js');
const server = path.join(FIXTURES_DIR, 'file.ts');
const editorExtension = path.join(FIXTURES_DIR, 'run-contexts', 'editor-extension', 'src', 'extension.ts');

// @typescript-eslint/rule-tester pins its own copy of utils; the rule is the same object at run time.
const testedRule = rule as unknown as Parameters<typeof ruleTester.run<MessageIds, Options>>[1];

const invalid: Array<InvalidTestCase<MessageIds, Options>> = [
  // the same reads in a command of the editor extension run each time the person asks: still reported
  {
    code: `import { readProjectSettings, findToolVersion } from './settings';
export async function refresh(folder) {
  const settings = await readProjectSettings(folder);
  const version = await findToolVersion(folder);
  return [settings, version];
}`,
    filename: editorExtension,
    options: [{ requireEvidence: false }],
    errors: [
      gatheredPair(
        3,
        20,
        `import { readProjectSettings, findToolVersion } from './settings';
export async function refresh(folder) {
  const [settings, version] = await Promise.all([
    readProjectSettings(folder),
    findToolVersion(folder),
  ]);
  return [settings, version];
}`,
      ),
    ],
  },
  // a module-level activate of another file of the extension, handed an item (an account) and run
  // from a command per click: no activation of the extension, still reported
  {
    code: `import { commands } from 'vscode';
import { readSecret, fetchProfile } from './accounts-api';
export async function activate(account) {
  const token = await readSecret(account.id);
  const profile = await fetchProfile(account.id);
  return [token, profile];
}
commands.registerCommand('accounts.activate', (account) => activate(account));`,
    filename: path.join(FIXTURES_DIR, 'run-contexts', 'editor-extension', 'src', 'views', 'accounts.ts'),
    errors: [
      gatheredPair(
        4,
        17,
        `import { commands } from 'vscode';
import { readSecret, fetchProfile } from './accounts-api';
export async function activate(account) {
  const [token, profile] = await Promise.all([readSecret(account.id), fetchProfile(account.id)]);
  return [token, profile];
}
commands.registerCommand('accounts.activate', (account) => activate(account));`,
      ),
    ],
  },
  // the open windows beside a request to the sync server: the request is a real round trip
  {
    filename: background,
    code: `export async function syncNow(api) {
  const windows = await browser.windows.getAll({ populate: true });
  const remote = await fetch(api + '/sessions');
  return { windows, remote };
}`,
    errors: [
      gatheredPair(2, 19, `export async function syncNow(api) {
  const [windows, remote] = await Promise.all([
    browser.windows.getAll({ populate: true }),
    fetch(api + '/sessions'),
  ]);
  return { windows, remote };
}`),
    ],
  },
  // outside an extension, a `chrome` global is someone else's object (a remote automation client)
  {
    filename: server,
    code: `export async function pages(id: string) {
  const windows = await chrome.windows.getAll();
  const tabs = await chrome.tabs.query({ windowId: id });
  return { windows, tabs };
}`,
    options: [{ requireEvidence: false }],
    errors: [
      gatheredPair(2, 19, `export async function pages(id: string) {
  const [windows, tabs] = await Promise.all([
    chrome.windows.getAll(),
    chrome.tabs.query({ windowId: id }),
  ]);
  return { windows, tabs };
}`),
    ],
  },
  // a search of the whole workspace is no small read (and the workspace may be remote)
  {
    filename: server,
    code: `import { workspace } from 'vscode';
export async function sources() {
  const scripts = await workspace.findFiles('**/*.ts');
  const styles = await workspace.findFiles('**/*.css');
  return { scripts, styles };
}`,
    options: [{ requireEvidence: false }],
    errors: [
      gatheredPair(3, 19, `import { workspace } from 'vscode';
export async function sources() {
  const [scripts, styles] = await Promise.all([
    workspace.findFiles('**/*.ts'),
    workspace.findFiles('**/*.css'),
  ]);
  return { scripts, styles };
}`),
    ],
  },
];

ruleTester.run('prefer-promise-all (browser extension host calls)', testedRule, {
  valid: [
    // an editor extension's activation: the editor runs it once per window, before the extension
    // serves anything; a few reads there cost the person nothing they wait for
    {
      code: `import { readProjectSettings, findToolVersion } from './settings';
export async function activate(context) {
  const settings = await readProjectSettings(context.extensionPath);
  const version = await findToolVersion(context.globalStorageUri.fsPath);
  context.subscriptions.push(register(settings, version));
}`,
      filename: editorExtension,
    },
    // two calls to the browser: the windows, then the saved sessions in the extension's storage
    {
      filename: background,
      code: `export async function restoreLast() {
  const windows = await browser.windows.getAll();
  const saved = await chrome.storage.local.get('lastSession');
  return { windows, saved };
}`,
    },
    // helpers of this file that only talk to the browser (session storage, the focused window)
    {
      filename: background,
      code: `const focusedWindow = async () => (await browser.storage.session.get('focused')).focused;
const trackedWindows = async () => {
  const stored = await browser.storage.session.get('tracked');
  return stored.tracked || [];
};
export async function onWindowCreated(win) {
  const focused = await focusedWindow();
  const tracked = await trackedWindows();
  return tracked.includes(focused) ? win : null;
}`,
    },
    // the same through the promise-based polyfill's import
    {
      filename: background,
      code: `import browser from 'webextension-polyfill';
const pinnedIds = async () => (await browser.storage.local.get('pinned')).pinned || [];
const openTabs = async () => browser.tabs.query({ currentWindow: true });
export async function currentTabs() {
  const pinned = await pinnedIds();
  const tabs = await openTabs();
  return tabs.filter((tab) => pinned.includes(tab.id));
}`,
    },
    // an editor extension opening two local documents side by side
    {
      filename: server,
      code: `import { Uri, window, workspace } from 'vscode';
export async function showPair(first: string, second: string) {
  const left = await workspace.openTextDocument(Uri.file(first));
  const right = await workspace.openTextDocument(Uri.file(second));
  await window.showTextDocument(left, { viewColumn: 1 });
  await window.showTextDocument(right, { viewColumn: 2 });
}`,
    },
  ],
  invalid,
});

assertSuggestionsParse('prefer-promise-all extension-host suggestions', invalid);
