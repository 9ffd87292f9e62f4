import path from 'node:path';
import type { InvalidTestCase, ValidTestCase } from '@typescript-eslint/rule-tester';
import rule, { type MessageIds, type Options } from '../../src/rules/no-floating-promises';
import { FIXTURES_DIR, ruleTester, typedRuleTester } from '../rule-tester';
import { dropped } from './floating-reports';

/**
 * The main process of a packaged Electron app, read from its package rather than from the file's
 * own imports (`WhereItRuns.inElectronAppMain`): the package's manifest names `electron`, a packager
 * (`electron-builder`) and a `main` script, and the module is none of the app's other code (a
 * window's module, a child program, build scripts, tests). Electron logs a rejection nobody
 * handles there and the app goes on; the back-end modules its main script imports (installers,
 * downloads, log writers) mostly never import `electron` themselves. On the spent sets, a game
 * launcher's back end gave 22 untyped and 50 more typed pointless reports of that kind (shortcut
 * creation after an install, background downloads, fixed links opened, log writes). What costs
 * more than the log line is still reported (`costsMoreThanHostLog`).
 */

const APP = path.join(FIXTURES_DIR, 'run-contexts', 'packaged-desktop-app');
/** A back-end module of the app: it imports nothing from `electron`. */
const BACKEND_FILE = path.join(APP, 'src', 'main', 'installer.ts');
/** A module of the app that works on a page (`document`): it runs in a window. */
const WINDOW_FILE = path.join(APP, 'src', 'main', 'progress-view.ts');
/** The app's release script, which plain Node runs. */
const SCRIPT_FILE = path.join(APP, 'scripts', 'publish.ts');
/** A plain Node package: no Electron. */
const NODE_FILE = path.join(FIXTURES_DIR, 'run-contexts', 'service', 'src', 'installer.ts');

/** A launcher installs a game, then adds a desktop shortcut without waiting, and reports done. */
const shortcutAfterInstall = `import { writeFile } from 'node:fs/promises';
import { runSetup } from './setup';

export async function install(game) {
  await runSetup(game.id);
  addShortcut(game);
  return { status: 'done' };
}

async function addShortcut(game) {
  await writeFile(game.shortcutPath, '[Desktop Entry]\\nName=' + game.title);
}`;

/** A listener that opens a fixed page in the browser and moves on. */
const opensLink = `import { launchBrowser } from './links';

export function registerHelpLinks(listen) {
  listen('open-help', () => {
    openInBrowser('https://example.test/help');
  });
}

async function openInBrowser(url) {
  await launchBrowser(url);
}`;

/** A module whose own child program reads its work from the parent process. */
const childProgram = `process.on('message', (job) => {
  unpack(job.archive);
});

async function unpack(archive) {
  const response = await fetch(archive);
  return response.arrayBuffer();
}`;

/** An async method that awaits nothing: its callers' `await refresh()` ends before the sync. */
const staleCatalog = `import { readFileSync } from 'node:fs';
import { runTool } from './tools';

export class Catalog {
  async refresh() {
    this.sync();
    this.load();
    return this.games;
  }
  async sync() {
    await runTool(['catalog', 'sync']);
  }
  load() {
    this.games = JSON.parse(readFileSync('catalog.json', 'utf8'));
  }
}`;

/** A missing `await` after which the function lists the files the dropped compiler writes. */
const listsBeforeBuild = `import { readdirSync } from 'node:fs';
import { execa } from 'execa';

export async function rebuild(dir) {
  await clean(dir);
  compile(dir);
  return readdirSync(dir);
}

async function compile(dir) {
  await execa('tsc', ['--outDir', dir]);
}

async function clean(dir) {
  await execa('rm', ['-rf', dir]);
}`;

/** The promises a gather waits for are the callbacks' return values: here, nothing. */
const gatherWaitsForNothing = `import { promises as fs } from 'node:fs';

export async function writeAll(files) {
  await Promise.all(files.map((file) => {
    fs.writeFile(file.path, file.text);
  }));
  return files.length;
}`;

/** A module that imports Electron's main-process API: a log line sent without waiting, inside an async function. */
const logThenQuit = `import { app } from 'electron';
import { sendLog } from './log-sink';

export async function quitAfterSaving(state) {
  await state.save();
  writeLog('state saved');
  app.quit();
}

async function writeLog(line) {
  await sendLog(line);
}`;

/** A route of a local server: a request's note saved without waiting, the request answered. */
const savesNoteRoute = `import { writeFile } from 'node:fs/promises';

export function mount(app) {
  app.post('/notes', (req, res) => {
    saveNote(req.body);
    res.status(201).end();
  });
}

async function saveNote(note) {
  await writeFile('/var/notes/' + note.id + '.json', JSON.stringify(note));
}`;
/**
 * A window's module of the app (it works on the page) that reaches the main process through an
 * IPC wrapper package, not `electron` itself: a menu click and a page event fire their actions.
 */
const pageActions = `import { ipcRenderer as ipc } from 'tiny-ipc';

async function pickTheme(name) {
  document.body.dataset.theme = name;
  await ipc.callMain('theme-changed', name);
}

export function wireMenu(menu) {
  menu.querySelector('.dark').addEventListener('click', () => {
    pickTheme('dark');
  });
}

document.addEventListener('visibilitychange', () => {
  pickTheme(document.hidden ? 'dim' : 'light');
});`;

/** The same app's preload half: it imports only the wrapper's window side, no page global. */
const preloadBridge = `import { ipcRenderer as ipc } from 'tiny-ipc';

export function notifyReady() {
  announce();
}

async function announce() {
  await ipc.callMain('window-ready');
}`;

/** A window's wrapper around a reply: the outer promise waits for a chain with no rejection handler. */
const askMainWithTimeout = `import { ipcRenderer as ipc } from 'tiny-ipc';

export function askMain(channel) {
  return new Promise((resolve) => {
    ipc.callMain(channel).then((answer) => resolve(answer));
    setTimeout(() => resolve(null), 5000);
  });
}

export const zoom = window.devicePixelRatio;`;

/** A window's module that settles a deferred the rest of the page waits for, from a chain: on a rejection it never settles. */
const settlesReadyDeferred = `import { ipcRenderer as ipc } from 'tiny-ipc';

let markReady;
export const ready = new Promise((resolve) => {
  markReady = resolve;
});

window.addEventListener('DOMContentLoaded', () => {
  ipc.callMain('get-config').then((config) => {
    document.body.dataset.theme = config.theme;
    markReady(config);
  });
});`;

/** The same chain calling a settler that is reassigned elsewhere (a callback slot, not a deferred's own settler). */
const callsReassignedHook = `import { ipcRenderer as ipc } from 'tiny-ipc';

let onConfig;
export const ready = new Promise((resolve) => {
  onConfig = resolve;
});
export function watchConfig(listener) {
  onConfig = listener;
}

window.addEventListener('DOMContentLoaded', () => {
  ipc.callMain('get-config').then((config) => {
    onConfig(config);
  });
});`;

/** A window's refresh that forgets to await the load whose result the next line shows. */
const rendersBeforeLoad = `import { ipcRenderer as ipc } from 'tiny-ipc';

let notes = [];

async function loadNotes() {
  notes = await ipc.callMain('list-notes');
}

function renderList(items) {
  document.querySelector('#list').textContent = items.map((item) => item.title).join(', ');
}

export async function refresh() {
  loadNotes();
  renderList(notes);
}`;

/** A window's outbox pump: a busy flag set before the pump starts and reset only after its awaits. */
const outboxPump = `const outbox = [];
let sending = false;

async function drain() {
  while (outbox.length > 0) {
    await window.api.send(outbox[0]);
    outbox.shift();
  }
  sending = false;
}

export function enqueue(message) {
  outbox.push(message);
  if (!sending) {
    sending = true;
    drain();
  }
}`;

/** A window's async action that forgets to await a same-file step which reports failure by throwing. */
const forgetsThrowingStep = `import { ipcRenderer as ipc } from 'tiny-ipc';

async function applyZoom(level) {
  const applied = await ipc.callMain('set-zoom', level);
  if (!applied) throw new Error('zoom refused');
  document.body.style.zoom = String(level);
}

export async function zoomIn(level) {
  applyZoom(level + 1);
  return level + 1;
}`;

/**
 * A helper of the app's end-to-end tests (Node, driving the app through Playwright): it reads the
 * page's globals only inside the function the page runs, and starts a storage reset without
 * waiting, so the test may start before the reset.
 */
const e2eLaunch = `import { _electron as electron } from 'playwright';

async function resetStorage(page) {
  await page.evaluate(() => window.localStorage.clear());
}

export async function launchApp() {
  const app = await electron.launch({ args: ['.'] });
  const page = await app.firstWindow();
  resetStorage(page);
  return { app, page };
}`;
/** The app's end-to-end folders, and a module outside them that drives the app through Playwright. */
const E2E_FILE = path.join(APP, 'e2e', 'helpers.ts');
const TEST_E2E_FILE = path.join(APP, 'test', 'e2e', 'launch.ts');
const DRIVER_FILE = path.join(APP, 'src', 'smoke', 'launch.ts');

/** An Electron app whose runtime dependencies include a server framework: its server runs as a process of its own. */
const SERVER_APP_FILE = path.join(FIXTURES_DIR, 'run-contexts', 'desktop-app-with-server', 'src', 'routes', 'notes.ts');
/** A module in the packaged app's `server/` folder: a program of its own, started beside the app. */
const SERVER_FOLDER_FILE = path.join(APP, 'server', 'routes.ts');

const valid: ValidTestCase<Options>[] = [
  // the back end of a packaged Electron app: a failed shortcut or link is a warning in the log
  { code: shortcutAfterInstall, filename: BACKEND_FILE },
  { code: opensLink, filename: BACKEND_FILE },
  // a main-process module (it imports \`app\`) reads its async functions' bodies the same way
  { code: logThenQuit },
  // a module of the app that works on the page runs in a window: a page action fired from a menu
  // or a page event, whose failure reaches the window's console, as in a browser page
  { code: `${opensLink}\n\nexport const title = document.title;`, filename: WINDOW_FILE },
  { code: pageActions, filename: WINDOW_FILE },
  // a chain that calls a variable the page also sets to other callbacks: no deferred's own settler
  { code: callsReassignedHook, filename: WINDOW_FILE },
  // the same pump resetting its flag in a \`finally\`: a rejection frees it
  {
    code: outboxPump.replace('  while (outbox.length > 0) {\n    await window.api.send(outbox[0]);\n    outbox.shift();\n  }\n  sending = false;', '  try {\n    while (outbox.length > 0) {\n      await window.api.send(outbox[0]);\n      outbox.shift();\n    }\n  } finally {\n    sending = false;\n  }'),
    filename: WINDOW_FILE,
  },
  // the same forgotten load when the refresh reads nothing it sets afterwards (it shows a spinner)
  { code: rendersBeforeLoad.replace('  renderList(notes);', "  document.body.classList.add('loading');"), filename: WINDOW_FILE },
  // a module of the app with no page global (a preload half that imports an IPC wrapper's
  // \`ipcRenderer\`) is read as main-process code, whose host logs a lost rejection too
  { code: preloadBridge, filename: BACKEND_FILE },
];

const invalid: InvalidTestCase<MessageIds, Options>[] = [
  // the same code in a plain Node package: nothing logs the rejection for it
  dropped(shortcutAfterInstall, NODE_FILE, 6, 3, true),
  dropped(opensLink, NODE_FILE, 5, 5, false),
  // the same page actions outside an Electron app's package: nothing says a window runs them
  { ...dropped(pageActions, NODE_FILE, 10, 5, false), errors: [...dropped(pageActions, NODE_FILE, 10, 5, false).errors, ...dropped(pageActions, NODE_FILE, 15, 3, false).errors] },
  // still reported in a window: a chain that must settle the promise that waits for it ...
  {
    code: askMainWithTimeout,
    filename: WINDOW_FILE,
    errors: [
      {
        messageId: 'floatingChain',
        data: { method: 'then' },
        line: 5,
        column: 5,
        suggestions: [{ messageId: 'suggestVoid', output: askMainWithTimeout.replace('    ipc.callMain(channel)', '    void ipc.callMain(channel)') }],
      },
    ],
  },
  // ... also when the promise is a deferred kept in a variable that only its executor assigns ...
  {
    code: settlesReadyDeferred,
    filename: WINDOW_FILE,
    errors: [
      {
        messageId: 'floatingChain',
        data: { method: 'then' },
        line: 9,
        column: 3,
        suggestions: [{ messageId: 'suggestVoid', output: settlesReadyDeferred.replace("  ipc.callMain('get-config')", "  void ipc.callMain('get-config')") }],
      },
    ],
  },
  // ... a forgotten await of a same-file step whose awaited result the next lines read ...
  dropped(rendersBeforeLoad, WINDOW_FILE, 14, 3, true),
  // ... a pump started after setting a busy flag that it resets only after its awaits: one
  // rejection leaves the flag set and the outbox stuck for good ...
  dropped(outboxPump, WINDOW_FILE, 16, 5, false),
  // ... and a forgotten await of a same-file step that throws: the action reports done first
  dropped(forgetsThrowingStep, WINDOW_FILE, 10, 3, true),
  // the app's release script and a child program it starts run under plain Node
  dropped(opensLink, SCRIPT_FILE, 5, 5, false),
  dropped(childProgram, BACKEND_FILE, 2, 3, false),
  // the app's local server, a process of its own: a rejection there is unhandled (Node ends the
  // server), so a route's dropped save is reported as in any server; known by a server framework
  // among the app's runtime dependencies, or by the module's \`server/\` folder
  dropped(savesNoteRoute, SERVER_APP_FILE, 5, 5, false),
  dropped(savesNoteRoute, SERVER_FOLDER_FILE, 5, 5, false),
  // the app's end-to-end helpers run under plain Node, whether or not they hand the page a
  // function that reads \`window\`: known by their folder, or by a browser-driving import
  dropped(e2eLaunch, E2E_FILE, 10, 3, true),
  dropped(e2eLaunch, TEST_E2E_FILE, 10, 3, true),
  dropped(e2eLaunch.replace('() => window.localStorage.clear()', "'localStorage.clear()'"), E2E_FILE, 10, 3, true),
  dropped(e2eLaunch, DRIVER_FILE, 10, 3, true),
  // the option reports the app's main process too
  { ...dropped(shortcutAfterInstall, BACKEND_FILE, 6, 3, true), options: [{ checkUiCode: true }] },
  // still reported in the app: an async method that awaits none of the work it starts ...
  dropped(staleCatalog, BACKEND_FILE, 6, 5, true),
  // ... the next lines read what the dropped work writes (stale data) ...
  dropped(listsBeforeBuild, BACKEND_FILE, 6, 3, true),
  // ... and a gather that waits for callbacks which return before their write
  dropped(gatherWaitsForNothing, BACKEND_FILE, 5, 5, false),
];

// @typescript-eslint/rule-tester pins its own copy of utils; the rule is the same object at run time.
const testedRule = rule as unknown as Parameters<typeof ruleTester.run<MessageIds, Options>>[1];

ruleTester.run('no-floating-promises (Electron app main process)', testedRule, { valid, invalid });

/**
 * Typed: a request to Electron itself (declared in Electron's declaration file, or a method of an
 * IPC wrapper whose types extend Electron's) is the host's API, not "another package's": Electron
 * logs its failure and goes on. Untyped knows none of these calls as promises; typed reports them
 * only where they cost more than that log line. The fixture's program holds `links.ts` and the
 * declarations of `electron` and an IPC wrapper (`types/`).
 */
const TYPED_FILE = path.join(APP, 'src', 'main', 'links.ts');

/** The main window built and returned, its page loaded and outside links opened in the browser. */
const buildsWindow = `import { BrowserWindow, shell } from 'electron';

export function createWindow(url: string): BrowserWindow {
  const win = new BrowserWindow({ width: 900 });
  win.loadURL(url);
  win.webContents.setWindowOpenHandler((details) => {
    shell.openExternal(details.url);
    return { action: 'deny' };
  });
  return win;
}`;

/** Styles injected and the window told of a setting, inside an async set-up step of the main process. */
const stylesWindow = `import { BrowserWindow } from 'electron';
import { ipcMain as ipc } from 'tiny-ipc';

export async function styleWindow(win: BrowserWindow, css: string, dark: boolean): Promise<void> {
  await win.loadURL('app://index.html');
  win.webContents.insertCSS(css);
  ipc.callWindow(win, 'set-theme', dark);
}`;

/** The same step through a generic wrapper interface (its channels typed) that extends Electron's \`IpcMain\`. */
const stylesWindowTyped = `import { BrowserWindow } from 'electron';
import { typedIpcMain } from 'tiny-ipc';

export async function styleWindow(win: BrowserWindow, dark: boolean): Promise<void> {
  await win.loadURL('app://index.html');
  typedIpcMain.callWindowOn(win, 'set-theme', dark);
}`;

/** A window's module: an unread count sent to the main process from an async page step. */
const sendsUnread = `import { ipcRenderer as ipc } from 'tiny-ipc';

export async function reportUnread(): Promise<void> {
  const badges = document.querySelectorAll('.unread');
  ipc.callMain('unread', badges.length);
}`;

/** In the same main-process step, a call of the wrapper package's own API (not Electron's): a forgotten await. */
const syncsAfterStyling = `import { BrowserWindow } from 'electron';
import { syncSettings } from 'tiny-ipc';

export async function styleWindow(win: BrowserWindow, css: string): Promise<void> {
  await win.webContents.insertCSS(css);
  syncSettings();
}`;

/** In the function that builds the window, a crash report of the app's own declared helper. */
const uploadsWhileBuilding = `import { BrowserWindow } from 'electron';
declare function uploadCrashReports(): Promise<void>;

export function createWindow(url: string): BrowserWindow {
  const win = new BrowserWindow({ width: 900 });
  uploadCrashReports();
  void win.loadURL(url);
  return win;
}`;

/**
 * Electron's own requests whose order the next statements rely on: the app relaunched before its
 * storage is cleared, a window loaded before the proxy is set, a setting sent to a page that has
 * not loaded yet.
 */
const clearsThenRelaunches = `import { app, session } from 'electron';

export async function resetApp(): Promise<void> {
  session.defaultSession.clearStorageData();
  app.relaunch();
  app.exit(0);
}`;
const proxyThenLoad = `import { BrowserWindow, session } from 'electron';

export async function openWithProxy(url: string, proxyRules: string): Promise<BrowserWindow> {
  session.defaultSession.setProxy({ proxyRules });
  const win = new BrowserWindow({ width: 600 });
  await win.loadURL(url);
  return win;
}`;
const loadThenSend = `import { BrowserWindow } from 'electron';

export async function openPreferences(settings: object): Promise<BrowserWindow> {
  const win = new BrowserWindow({ width: 600 });
  win.loadURL('app://prefs.html');
  win.webContents.send('settings', settings);
  return win;
}`;

/** A link opened from an \`ipcMain\` listener that tells the window it is done: the window gets no word of a failure. */
const opensLinkForWindow = `import { ipcMain, shell } from 'electron';

ipcMain.on('open-link', (event, url) => {
  shell.openExternal(String(url));
  event.reply('opened', url);
});`;

typedRuleTester.run('no-floating-promises (typed, Electron app)', testedRule, {
  valid: [
    // Electron's own requests from sync functions that return a value (the window, the link decision)
    { code: buildsWindow, filename: TYPED_FILE },
    // ... and inside an async function, also through an IPC wrapper built on Electron's interfaces
    { code: stylesWindow, filename: TYPED_FILE },
    { code: stylesWindowTyped, filename: TYPED_FILE },
    { code: sendsUnread, filename: TYPED_FILE },
  ],
  invalid: [
    // another package's API (not Electron's, nor built on its interfaces), inside an async function
    dropped(syncsAfterStyling, TYPED_FILE, 6, 3, true),
    // a promise of the app's own declared helper, dropped where the built window is returned
    dropped(uploadsWhileBuilding, TYPED_FILE, 6, 3, false),
    // Electron's own request, when a later statement of the block quits, relaunches, loads or
    // sends to the window (\`ELECTRON_ORDERED_STEPS\`): the order the next lines rely on
    dropped(clearsThenRelaunches, TYPED_FILE, 4, 3, true),
    dropped(proxyThenLoad, TYPED_FILE, 4, 3, true),
    dropped(loadThenSend, TYPED_FILE, 5, 3, true),
    // Electron's request from a sync function, inside an \`ipcMain\` listener
    dropped(opensLinkForWindow, TYPED_FILE, 4, 3, false),
  ],
});
