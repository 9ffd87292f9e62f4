import path from 'node:path';
import type { InvalidTestCase, ValidTestCase } from '@typescript-eslint/rule-tester';
import rule, { type MessageIds, type Options } from '../../src/rules/no-floating-promises';
import { FIXTURES_DIR, ruleTester } from '../rule-tester';

/**
 * Browser-run code that imports no UI framework: a browser extension's background, content and
 * popup scripts (its package keeps a WebExtension manifest, or the file calls the browser's
 * extension API itself), and the modules of
 * an Electron window (they import `ipcRenderer`, `contextBridge`, ...). A rejection nobody handles
 * there is logged to a console and nothing ends. On the judged real code of the spent sets, two
 * extensions gave 49 such reports (31 wrong, 18 pointless, and the one worth changing a wrapper
 * that never settles); an Electron window's store 5 pointless. As for an editor extension, only
 * the drops that cost more than the log line are still reported (`costsMoreThanHostLog`).
 */

const EXTENSION = path.join(FIXTURES_DIR, 'run-contexts', 'browser-extension');
/** A background script below the folder of the extension's `src/manifest.json`. */
const WORKER_FILE = path.join(EXTENSION, 'src', 'background', 'worker.ts');
const POPUP_FILE = path.join(EXTENSION, 'src', 'popup', 'index.ts');
/** The extension's own build script: Node code beside the manifest's folder. */
const BUILD_SCRIPT = path.join(EXTENSION, 'scripts', 'bundle.ts');
/** An extension whose `manifest.json` sits at the package root. */
const ROOT_BACKGROUND_FILE = path.join(FIXTURES_DIR, 'run-contexts', 'extension-at-root', 'background.js');
/** A web app whose `public/manifest.json` is a web app manifest (no `manifest_version`). */
const WEB_APP_FILE = path.join(FIXTURES_DIR, 'run-contexts', 'web-app', 'src', 'sync.ts');
/**
 * A content script of an extension whose base `manifest/manifest.json` has no `manifest_version`:
 * the build merges a per-browser part into it. Its `manifest/` folder holds data files only.
 */
const MERGED_CONTENT_FILE = path.join(FIXTURES_DIR, 'run-contexts', 'extension-merged-manifest', 'src', 'content', 'drafts.ts');
/** Any module of a package that is no extension (an Electron app's window modules live in one). */
const APP_FILE = path.join(FIXTURES_DIR, 'run-contexts', 'library', 'src', 'store.ts');

const badgeOnInstall = `async function refreshBadge() {
  const response = await fetch('https://example.test/count');
  const { count } = await response.json();
  await chrome.action.setBadgeText({ text: String(count) });
}

chrome.runtime.onInstalled.addListener(() => {
  refreshBadge();
});`;

const popupLoad = `async function showSavedNotes(list) {
  const { notes } = await chrome.storage.local.get('notes');
  list.textContent = notes.join('\\n');
}

export function start(list) {
  showSavedNotes(list);
}`;

const windowStore = `import { ipcRenderer } from 'electron';

export class UpdateStore {
  constructor() {
    ipcRenderer.on('update-ready', () => {
      this.checkForUpdates();
    });
  }
  async checkForUpdates() {
    this.available = await ipcRenderer.invoke('check-updates');
  }
}`;

const tabsWrapper = `export function activeTabs() {
  return new Promise((resolve) => {
    chrome.tabs.query({ active: true }).then((tabs) => {
      resolve(tabs);
    });
  });
}`;

const guardedSave = `async function saveNote(note) {
  await chrome.storage.sync.set({ [note.id]: note });
}

export function onSave(note, status) {
  try {
    saveNote(note);
  } catch (error) {
    status.textContent = 'Could not save';
  }
}`;

const conditionNotAwaited = `async function isBlocked(url) {
  const { blocked } = await chrome.storage.local.get('blocked');
  return blocked.includes(url);
}

export function onNavigate(details) {
  if (isBlocked(details.url)) chrome.tabs.update(details.tabId, { url: 'about:blank' });
}`;

const mainProcessShell = windowStore.replace('import { ipcRenderer } from', 'import { ipcRenderer, shell } from').replace("ipcRenderer.invoke('check-updates')", "shell.trashItem('/tmp/update')");

const sharedModule = `import { shell } from 'electron';

export function watchDownloads(events) {
  events.on('done', (paths) => {
    trashAll(paths);
  });
}

async function trashAll(paths) {
  for (const file of paths) await shell.trashItem(file);
}`;

/** A native-messaging host kept in the extension's package: a Node process the browser starts. */
const messagingHost = `const { writeFile } = require('node:fs/promises');

async function remember(request) {
  await writeFile(request.path, request.text);
}

process.stdin.on('data', (chunk) => {
  remember(JSON.parse(String(chunk)));
});`;

/** A companion server in the same package, reading no file: its server framework says Node. */
const companionServer = `import express from 'express';

const app = express();
async function forward(body) {
  await fetch('https://example.test/sync', { method: 'POST', body });
}
app.post('/sync', (req, res) => {
  forward(req.body);
  res.sendStatus(202);
});`;

/** A content script tells its background script what the page did, and waits for no answer. */
const contentMessage = `import { currentVideoId } from './page';

async function reportWatched(videoId) {
  await chrome.runtime.sendMessage({ type: 'watched', videoId });
}

export function onVideoEnded() {
  reportWatched(currentVideoId());
}`;

/** A module that sends a draft to a server: it says nothing of where it runs. */
const draftSync = `async function pushDraft(draft) {
  await fetch('/api/drafts', { method: 'POST', body: JSON.stringify(draft) });
}

export function onIdle(draft) {
  pushDraft(draft);
}`;

/** Automation code whose `browser` is its own variable (a driven browser), not the extension API. */
const drivenBrowser = `import { launch } from './driver';

async function closeTabs(browser) {
  for (const tab of await browser.tabs.list()) await tab.close();
}

export function reset() {
  const browser = launch();
  closeTabs(browser);
}`;

/** A note saved from a content script's async handler: the request is dropped, then the user is told it worked. */
const saveThenToast = `export async function onSave(note: string) {
  fetch('/api/notes', { method: 'POST', body: note });
  showToast('Saved');
}`;

/** The same drop through a function named for the save, or through a helper of the file that POSTs. */
const namedSave = `async function saveNote(note) {
  await notesDatabase.setItem(note.id, note);
}

export async function onSave(note) {
  saveNote(note);
  closeEditor();
}`;

const helperPosts = `async function pushNote(note) {
  await fetch('/api/notes', { method: 'PUT', body: JSON.stringify(note) });
}

export async function onSave(note) {
  pushNote(note);
  showToast('Saved');
}`;

const windowSave = `import { ipcRenderer } from 'electron';

export async function onSave(note: string) {
  fetch('/api/notes', { method: 'POST', body: note });
  ipcRenderer.send('saved');
}`;

/** A save whose success step is chained on: its failure is lost as the plain call's is. */
const chainedSave = `async function saveNote(note) {
  await notesDatabase.setItem(note.id, note);
}

export async function onSave(note) {
  saveNote(note).then(() => showToast('Saved'));
}`;

/** Telemetry beacons dropped in an async handler: through a helper named for it, or posted to a stats endpoint. */
const telemetryBeacons = `function track(name) {
  return fetch('https://example.test/e', { method: 'POST', body: name });
}
function notify(name) {
  return fetch(\`https://stats.example.test/\${name}\`, { method: 'POST' });
}

export async function onOpen(panel) {
  track('opened');
  notify('opened');
  fetch('/api/analytics', { method: 'POST', body: 'opened' });
  panel.focus();
}`;

/**
 * User writes whose helper or URL has a word that also names telemetry (a song added to a
 * playlist, a time entry, a player's stats): a name or a path segment is no evidence of a beacon.
 */
const userWritesNamedLikeTelemetry = `async function addTrack(entry) {
  await fetch('/api/playlists/1/items', { method: 'POST', body: JSON.stringify(entry) });
}
async function trackTime(entry) {
  await fetch('/api/entries', { method: 'POST', body: JSON.stringify(entry) });
}
async function saveStats(stats) {
  await statsStore.setItem('me', stats);
}

export async function onSave(entry, stats) {
  addTrack(entry);
  trackTime(entry);
  saveStats(stats);
  fetch('/api/player/stats', { method: 'PUT', body: JSON.stringify(stats) });
  fetch('/api/tracks', { method: 'POST', body: JSON.stringify(entry) });
  fetch('/api/health/metrics', { method: 'POST', body: JSON.stringify(stats) });
  showToast('Saved');
}`;

/** An async handler that starts reads, messages and settings storage without waiting. */
const asyncReadsAndSettings = `export async function onOpen(panel) {
  fetch('/api/notes').then((response) => response.json()).then(render);
  chrome.runtime.sendMessage({ type: 'opened' });
  chrome.storage.local.set({ lastOpened: Date.now() });
  panel.focus();
}`;

/** A web page's module that greets the companion extension by its id: pages may call that too. */
const pageToExtension = `const EXTENSION_ID = 'abcdefghijklmnopabcdefghijklmnop';

async function loadDrafts(list) {
  const response = await fetch('/api/drafts');
  list.replaceChildren(...(await response.json()));
}

export function connectCompanion(list) {
  chrome.runtime.sendMessage(EXTENSION_ID, { type: 'hello' }, (reply) => list.setAttribute('data-companion', reply.version));
  loadDrafts(list);
}`;

/** A Node check of the extension's popup: the function handed to the driven page reads the extension API. */
const drivenPopupCheck = `import puppeteer from 'puppeteer';

async function readSetting(page) {
  return page.evaluate(() => chrome.storage.local.get('theme'));
}

export function check(page) {
  readSetting(page);
}`;

/**
 * A helper of the background script whose body calls a `put` (`store.put(key, value, ttl)`):
 * dropped bare, the call's value is not the helper's, so nothing the helper's promise carries is a
 * write request; awaited, it is one, and a caller that drops the helper loses that write.
 */
const helperWithPut = (put: string): string => `async function openInstaller(url, tab) {
  ${put};
  await openTab(installerPage(url), tab);
}
async function onNavigate(tab) {
  openInstaller(tab.url, tab);
}`;

/**
 * An async helper of the background script whose only throw sits behind an option flag: a call
 * that sets the flag skips it (`{ url, local: true }`), one that leaves it out can reach it.
 */
const flaggedThrow = (call: string): string => `async function openInstaller({ url, local, checked }, tab) {
  if (!local) {
    const source = await download(url);
    if (!checked && !looksLikeScript(source)) {
      throw new Error('not a script: ' + url);
    }
    remember(url, source);
  }
  await openTab(installerPage(url), tab);
}
async function onNavigate(tab, url) {
  ${call};
}`;

/** The helper's `if (!local)` reads a block's own `local`, not the option of the same name. */
const shadowedFlag = `async function openInstaller({ url, local }, tab) {
  {
    const local = isLocalUrl(url);
    if (!local) {
      throw new Error('not a local script: ' + url);
    }
  }
  await openTab(installerPage(url), tab);
}
async function onNavigate(tab, url) {
  openInstaller({ url, local: true }, tab);
}`;

const valid: ValidTestCase<Options>[] = [
  // the call sets the flag that skips the helper's only throw: what is left fails as any other
  // browser call does, into the extension's console
  { code: flaggedThrow('openInstaller({ url, local: true }, tab)'), filename: WORKER_FILE },
  { code: flaggedThrow("openInstaller({ url, checked: true, source: 'page' }, tab)"), filename: WORKER_FILE },
  // the helper's put is a bare statement: an in-memory store's, or a dropped request of its own
  // (reported there); the helper's promise carries no write
  { code: helperWithPut('store.put(url, source, 3000)'), filename: WORKER_FILE },
  { code: helperWithPut('this.pageCache.delete(url)'), filename: WORKER_FILE },
  // reads, messages to the extension's other scripts and a stored setting dropped in an async
  // handler: a failure costs a console line
  { code: asyncReadsAndSettings, filename: MERGED_CONTENT_FILE },
  // telemetry beacons dropped in an async handler: nothing the user made is lost
  { code: telemetryBeacons, filename: MERGED_CONTENT_FILE },
  // a background script starts its work from a browser event: a failure reaches the extension's console
  { code: badgeOnInstall, filename: WORKER_FILE },
  // a popup script shows saved data without waiting
  { code: popupLoad, filename: POPUP_FILE },
  // the manifest at the package root speaks for the whole package
  { code: badgeOnInstall, filename: ROOT_BACKGROUND_FILE },
  // a base manifest without `manifest_version` (the build merges the per-browser part) still makes
  // an extension; kept in a folder of data files only, it speaks for the whole package
  { code: draftSync, filename: MERGED_CONTENT_FILE },
  { code: contentMessage, filename: MERGED_CONTENT_FILE },
  // a content script calls the browser's extension API itself: an extension's script, wherever its manifest is
  { code: contentMessage, filename: APP_FILE },
  { code: contentMessage.replace("import { currentVideoId } from './page';", "import browser from 'webextension-polyfill';\nimport { currentVideoId } from './page';").replace('chrome.runtime', 'browser.runtime'), filename: APP_FILE },
  // a module of an Electron window (it imports `ipcRenderer`)
  { code: windowStore, filename: APP_FILE },
  // ... also when it imports a module both processes have (`shell`), beside the renderer's own
  { code: mainProcessShell, filename: APP_FILE },
];

const reportedAt = (code: string, line: number, column: number, statement: string): InvalidTestCase<MessageIds, Options>['errors'][number] => ({
  messageId: 'floating',
  line,
  column,
  suggestions: [{ messageId: 'suggestVoid', output: code.replace(statement, `void ${statement}`) }],
});

/** `reportedAt` inside an async function: `await` is offered first. */
const savedAt = (code: string, line: number, column: number, statement: string): InvalidTestCase<MessageIds, Options>['errors'][number] => ({
  messageId: 'floating',
  line,
  column,
  suggestions: [
    { messageId: 'suggestAwait', output: code.replace(statement, `await ${statement}`) },
    { messageId: 'suggestVoid', output: code.replace(statement, `void ${statement}`) },
  ],
});

const invalid: InvalidTestCase<MessageIds, Options>[] = [
  // the helper's throw is reachable for this call (no flag skips it): a forgotten await of a throwing helper
  {
    code: flaggedThrow('openInstaller({ url }, tab)'),
    filename: WORKER_FILE,
    errors: [savedAt(flaggedThrow('openInstaller({ url }, tab)'), 12, 3, 'openInstaller({ url }, tab)')],
  },
  // ...and for a flag the call sets from a variable, or an options object spread from elsewhere
  {
    code: flaggedThrow('openInstaller({ url, local: isFile }, tab)'),
    filename: WORKER_FILE,
    errors: [savedAt(flaggedThrow('openInstaller({ url, local: isFile }, tab)'), 12, 3, 'openInstaller({ url, local: isFile }, tab)')],
  },
  {
    code: flaggedThrow('openInstaller({ ...defaults, url, checked: false }, tab)'),
    filename: WORKER_FILE,
    errors: [savedAt(flaggedThrow('openInstaller({ ...defaults, url, checked: false }, tab)'), 12, 3, 'openInstaller({ ...defaults, url, checked: false }, tab)')],
  },
  // a flag the helper shadows with a variable of its own: the throw is under that one, which the call does not set
  {
    code: shadowedFlag,
    filename: WORKER_FILE,
    errors: [savedAt(shadowedFlag, 11, 3, 'openInstaller({ url, local: true }, tab)')],
  },
  // the helper awaits its put (a client's write request): dropping the helper loses the write
  {
    code: helperWithPut('await api.put(url, source)'),
    filename: WORKER_FILE,
    errors: [savedAt(helperWithPut('await api.put(url, source)'), 6, 3, 'openInstaller(tab.url, tab)')],
  },
  // ...and one it returns
  {
    code: helperWithPut('return api.put(url, source)'),
    filename: WORKER_FILE,
    errors: [savedAt(helperWithPut('return api.put(url, source)'), 6, 3, 'openInstaller(tab.url, tab)')],
  },
  // ...and a bare post of a client whose promise the file cannot see: no report inside the helper
  // says it is lost, so the caller's drop is the one report of the user's write
  {
    code: helperWithPut("api.post('/installs', { url })"),
    filename: WORKER_FILE,
    errors: [savedAt(helperWithPut("api.post('/installs', { url })"), 6, 3, 'openInstaller(tab.url, tab)')],
  },
  // the extension's build script runs in Node, not in the browser
  { code: popupLoad, filename: BUILD_SCRIPT, errors: [reportedAt(popupLoad, 7, 3, 'showSavedNotes(list);')] },
  // Node code kept in an extension's package: it loads a module no browser has, or a server framework
  {
    code: messagingHost,
    filename: path.join(FIXTURES_DIR, 'run-contexts', 'extension-at-root', 'native-host', 'host.js'),
    errors: [reportedAt(messagingHost, 8, 3, 'remember(JSON.parse(String(chunk)));')],
  },
  {
    code: companionServer,
    filename: path.join(FIXTURES_DIR, 'run-contexts', 'extension-at-root', 'server', 'index.js'),
    errors: [reportedAt(companionServer, 8, 3, 'forward(req.body);')],
  },
  // a web app manifest (`background_color`, no key only an extension has) makes no extension
  { code: draftSync, filename: WEB_APP_FILE, errors: [reportedAt(draftSync, 6, 3, 'pushDraft(draft);')] },
  // a variable named `browser` is not the extension API
  { code: drivenBrowser, filename: APP_FILE, errors: [reportedAt(drivenBrowser, 9, 3, 'closeTabs(browser);')] },
  // a module that imports nothing of Electron's window side (`shell` exists in both processes) is not taken for one
  { code: sharedModule, filename: APP_FILE, errors: [reportedAt(sharedModule, 5, 5, 'trashAll(paths);')] },
  // `checkUiCode` (strict) reports browser-run code too
  { code: popupLoad, filename: POPUP_FILE, options: [{ checkUiCode: true }], errors: [reportedAt(popupLoad, 7, 3, 'showSavedNotes(list);')] },
  { code: windowStore, filename: APP_FILE, options: [{ checkUiCode: true }], errors: [reportedAt(windowStore, 6, 7, 'this.checkForUpdates();')] },
  // a wrapper whose promise settles only in the chain's callback: on a rejection it never settles
  {
    code: tabsWrapper,
    filename: WORKER_FILE,
    errors: [
      {
        messageId: 'floatingChain',
        data: { method: 'then' },
        line: 3,
        column: 5,
        suggestions: [{ messageId: 'suggestVoid', output: tabsWrapper.replace('    chrome.tabs', '    void chrome.tabs') }],
      },
    ],
  },
  // inside a `try` whose `catch` was meant for it: the failure never reaches the `catch`
  { code: guardedSave, filename: POPUP_FILE, errors: [reportedAt(guardedSave, 7, 5, 'saveNote(note);')] },
  // a user's save dropped in an async handler: the success message shows before the write is done, and its failure reaches only the console
  { code: saveThenToast, filename: MERGED_CONTENT_FILE, errors: [savedAt(saveThenToast, 2, 3, "fetch('/api/notes'")] },
  { code: namedSave, filename: MERGED_CONTENT_FILE, errors: [savedAt(namedSave, 6, 3, 'saveNote(note);')] },
  { code: helperPosts, filename: MERGED_CONTENT_FILE, errors: [savedAt(helperPosts, 6, 3, 'pushNote(note);')] },
  // ... also with its success step chained on
  {
    code: chainedSave,
    filename: MERGED_CONTENT_FILE,
    errors: [
      {
        messageId: 'floatingChain',
        data: { method: 'then' },
        line: 6,
        column: 3,
        suggestions: [
          { messageId: 'suggestAwait', output: chainedSave.replace('  saveNote(note).then', '  await saveNote(note).then') },
          { messageId: 'suggestVoid', output: chainedSave.replace('  saveNote(note).then', '  void saveNote(note).then') },
        ],
      },
    ],
  },
  // ... also when a word of the helper's name or of the URL's path names telemetry elsewhere
  {
    code: userWritesNamedLikeTelemetry,
    filename: MERGED_CONTENT_FILE,
    errors: [
      savedAt(userWritesNamedLikeTelemetry, 12, 3, 'addTrack(entry);'),
      savedAt(userWritesNamedLikeTelemetry, 13, 3, 'trackTime(entry);'),
      savedAt(userWritesNamedLikeTelemetry, 14, 3, 'saveStats(stats);'),
      savedAt(userWritesNamedLikeTelemetry, 15, 3, "fetch('/api/player/stats'"),
      savedAt(userWritesNamedLikeTelemetry, 16, 3, "fetch('/api/tracks'"),
      savedAt(userWritesNamedLikeTelemetry, 17, 3, "fetch('/api/health/metrics'"),
    ],
  },
  // ... in an Electron window's module too
  { code: windowSave, filename: APP_FILE, errors: [savedAt(windowSave, 4, 3, "fetch('/api/notes'")] },
  // a page's call to an extension named by its id (a 32-letter id, or a name that says so) makes no extension script
  { code: pageToExtension, filename: APP_FILE, errors: [reportedAt(pageToExtension, 10, 3, 'loadDrafts(list);')] },
  {
    code: pageToExtension.replace("'abcdefghijklmnopabcdefghijklmnop'", 'process.env.COMPANION_ID').replace(/EXTENSION_ID/g, 'companionExtensionId'),
    filename: APP_FILE,
    errors: [reportedAt(pageToExtension.replace("'abcdefghijklmnopabcdefghijklmnop'", 'process.env.COMPANION_ID').replace(/EXTENSION_ID/g, 'companionExtensionId'), 10, 3, 'loadDrafts(list);')],
  },
  // a program that drives a browser runs in Node, also inside an extension's package; the
  // function it hands the page to run is no extension script of its own
  { code: drivenPopupCheck, filename: path.join(FIXTURES_DIR, 'run-contexts', 'extension-at-root', 'tools', 'check-popup.js'), errors: [reportedAt(drivenPopupCheck, 8, 3, 'readSetting(page);')] },
  {
    code: drivenPopupCheck.replace("import puppeteer from 'puppeteer';", "import { openPage } from './pages';"),
    filename: APP_FILE,
    errors: [reportedAt(drivenPopupCheck.replace("import puppeteer from 'puppeteer';", "import { openPage } from './pages';"), 8, 3, 'readSetting(page);')],
  },
  // an async function tested as a condition: the promise is always truthy
  { code: conditionNotAwaited, filename: WORKER_FILE, errors: [{ messageId: 'conditional', data: { name: 'isBlocked' }, line: 7, column: 7 }] },
];

ruleTester.run<MessageIds, Options>('no-floating-promises (browser extensions and Electron windows)', rule as never, { valid, invalid });
