import type { InvalidTestCase } from '@typescript-eslint/rule-tester';
import rule, { type MessageIds, type Options } from '../../src/rules/no-floating-promises';
import { ruleTester } from '../rule-tester';

/**
 * Dropped promises whose loss a reviewer would not change, found on real code (session 6), and
 * the look-alikes next to them that still lose a failure someone must see.
 */

type Invalid = InvalidTestCase<MessageIds, Options>;

const popup = `import * as vscode from 'vscode';
export function warnMissingKey(name) {
  vscode.window.showWarningMessage(\`No key for \${name}\`, 'Open settings').then((picked) => {
    if (picked === 'Open settings') vscode.commands.executeCommand('workbench.action.openSettings');
  });
}`;

const invalid: Invalid[] = [
  // an editor API that opens a file can fail (the file is gone): its chain still loses that
  {
    code: `import * as vscode from 'vscode';
export function reveal(uri, line) {
  vscode.workspace.openTextDocument(uri).then((doc) => focusLine(doc, line));
}`,
    errors: [
      {
        messageId: 'floatingChain',
        data: { method: 'then' },
        line: 3,
        column: 3,
        suggestions: [
          {
            messageId: 'suggestVoid',
            output: `import * as vscode from 'vscode';
export function reveal(uri, line) {
  void vscode.workspace.openTextDocument(uri).then((doc) => focusLine(doc, line));
}`,
          },
        ],
      },
    ],
  },
  // a popup's click handler that starts async work of its own can reject the chain
  {
    code: `import { window } from 'vscode';
export function offerReload(store) {
  window.showInformationMessage('Settings changed', 'Reload').then(async (picked) => {
    if (picked) await store.reload();
  });
}`,
    errors: [
      {
        messageId: 'floatingChain',
        data: { method: 'then' },
        line: 3,
        column: 3,
        suggestions: [
          {
            messageId: 'suggestVoid',
            output: `import { window } from 'vscode';
export function offerReload(store) {
  void window.showInformationMessage('Settings changed', 'Reload').then(async (picked) => {
    if (picked) await store.reload();
  });
}`,
          },
        ],
      },
    ],
  },
  // checkCannotReject (strict) still marks the popup's promise
  {
    code: popup,
    options: [{ checkCannotReject: true }],
    errors: [
      {
        messageId: 'floatingChain',
        data: { method: 'then' },
        line: 3,
        column: 3,
        suggestions: [{ messageId: 'suggestVoid', output: popup.replace('  vscode.window.show', '  void vscode.window.show') }],
      },
    ],
  },
  // a `window` that is not the editor's (a page's, a local object) says nothing about rejections
  {
    code: `const window = makeShell();
export function warn(text) {
  window.showErrorMessage(text).then((picked) => log(picked));
}`,
    errors: [
      {
        messageId: 'floatingChain',
        data: { method: 'then' },
        line: 3,
        column: 3,
        suggestions: [
          {
            messageId: 'suggestVoid',
            output: `const window = makeShell();
export function warn(text) {
  void window.showErrorMessage(text).then((picked) => log(picked));
}`,
          },
        ],
      },
    ],
  },
  // a comment about ignoring something else is no statement about the promise
  {
    code: `async function notify(hooks, event) { await hooks.run(event); }
export function onSaved(hooks, event) {
  // ignore whitespace-only changes
  notify(hooks, event);
}`,
    errors: [
      {
        messageId: 'floating',
        line: 4,
        column: 3,
        suggestions: [
          {
            messageId: 'suggestVoid',
            output: `async function notify(hooks, event) { await hooks.run(event); }
export function onSaved(hooks, event) {
  // ignore whitespace-only changes
  void notify(hooks, event);
}`,
          },
        ],
      },
    ],
  },
  // a question dropped without handling its answer is a forgotten await
  {
    code: `import inquirer from 'inquirer';
export async function setup() {
  inquirer.prompt([{ type: 'confirm', name: 'ok', message: 'Continue?' }]);
  await install();
}`,
    errors: [
      {
        messageId: 'floating',
        line: 3,
        column: 3,
        suggestions: [
          {
            messageId: 'suggestAwait',
            output: `import inquirer from 'inquirer';
export async function setup() {
  await inquirer.prompt([{ type: 'confirm', name: 'ok', message: 'Continue?' }]);
  await install();
}`,
          },
          {
            messageId: 'suggestVoid',
            output: `import inquirer from 'inquirer';
export async function setup() {
  void inquirer.prompt([{ type: 'confirm', name: 'ok', message: 'Continue?' }]);
  await install();
}`,
          },
        ],
      },
    ],
  },
  // in a constructor, another object's work, or the object's own work started from a listener
  {
    code: `import { mkdir } from 'node:fs/promises';
class Store {
  constructor(db) {
    mkdir(db.dir);
    db.on('reset', () => {
      this.reload();
    });
  }
  async reload() { this.rows = await this.db.all(); }
}`,
    errors: [
      {
        messageId: 'floating',
        line: 4,
        column: 5,
        suggestions: [{ messageId: 'suggestVoid', output: 'import { mkdir } from \'node:fs/promises\';\nclass Store {\n  constructor(db) {\n    void mkdir(db.dir);\n    db.on(\'reset\', () => {\n      this.reload();\n    });\n  }\n  async reload() { this.rows = await this.db.all(); }\n}' }],
      },
      {
        messageId: 'floating',
        line: 6,
        column: 7,
        suggestions: [{ messageId: 'suggestVoid', output: 'import { mkdir } from \'node:fs/promises\';\nclass Store {\n  constructor(db) {\n    mkdir(db.dir);\n    db.on(\'reset\', () => {\n      void this.reload();\n    });\n  }\n  async reload() { this.rows = await this.db.all(); }\n}' }],
      },
    ],
  },
  // checkCannotReject (strict) marks the constructor's start-up too
  {
    code: `class Queue {
  constructor() {
    this.connect();
  }
  async connect() { this.client = await open(); }
}`,
    options: [{ checkCannotReject: true }],
    errors: [
      {
        messageId: 'floating',
        line: 3,
        column: 5,
        suggestions: [{ messageId: 'suggestVoid', output: 'class Queue {\n  constructor() {\n    void this.connect();\n  }\n  async connect() { this.client = await open(); }\n}' }],
      },
    ],
  },
  // a helper whose state guard the caller does not check: its throw rejects the promise
  {
    code: `class Job {
  stop() { if (this.state !== 'running') throw new Error('not running'); this.state = 'stopping'; }
  async finish(work) {
    try { this.result = await work(); } catch (err) { this.error = err; } finally { this.stop(); }
  }
  start(work) { this.finish(work); }
}`,
    errors: [
      {
        messageId: 'floating',
        line: 6,
        column: 17,
        suggestions: [
          {
            messageId: 'suggestVoid',
            output: `class Job {
  stop() { if (this.state !== 'running') throw new Error('not running'); this.state = 'stopping'; }
  async finish(work) {
    try { this.result = await work(); } catch (err) { this.error = err; } finally { this.stop(); }
  }
  start(work) { void this.finish(work); }
}`,
          },
        ],
      },
    ],
  },
];

ruleTester.run<MessageIds, Options>('no-floating-promises (nothing to lose)', rule as never, {
  valid: [
    // an editor popup resolves with the clicked item or undefined: it never rejects, and the
    // `.then` is its click handler
    popup,
    `import { window, env, Uri } from 'vscode';
export function explainFailure(error) {
  window.showErrorMessage(error.message, 'Docs').then((picked) => {
    if (picked === 'Docs') env.openExternal(Uri.parse('https://example.com/help'));
  });
}`,
    `import * as vscode from 'vscode';
export function done() {
  vscode.window.showInformationMessage('Index rebuilt').then(() => undefined);
}`,
    // a body that catches everything and, in its finally, calls a helper only in the state the
    // helper's guard demands: the guard's throw is for other callers
    `class Job {
  stop() { if (this.state !== 'running') throw new Error('not running'); this.state = 'stopping'; }
  async finish(work) {
    try { this.result = await work(); } catch (err) { this.error = err; } finally { if (this.state === 'running') this.stop(); }
  }
  start(work) { this.finish(work); }
}`,
    // a person's answer handled in .then: the question rejects only when the person aborts it
    `import inquirer from 'inquirer';
export function confirmWithin(ms) {
  return new Promise((resolve) => {
    const question = inquirer.prompt({ type: 'confirm', name: 'ok', message: 'Run it?' });
    setTimeout(() => { question.ui.close(); resolve(false); }, ms);
    question.then((answer) => {
      resolve(answer.ok);
    });
  });
}`,
    // a constructor starting the object's own background work: it cannot return the promise
    `class Queue {
  constructor(settings) {
    this.settings = settings;
    if (settings.autoConnect) {
      this.connect();
    }
    this.scan();
  }
  async connect() { this.client = await open(this.settings); }
  async scan() { this.items = await list(); }
}`,
    // a poll inside a promise executor: its body catches everything and hands the error to the
    // executor's reject; returning the executor's resolve(...) waits on nothing
    `class Deployment {
  whenLive(chain) {
    return new Promise((resolve, reject) => {
      const probe = async () => {
        try {
          const code = await this.fetchCode();
          if (code) return resolve(this);
          chain.once('block', probe);
        } catch (error) {
          reject(error);
        }
      };
      probe();
    });
  }
}`,
    // a comment that says the promise is ignored on purpose
    `async function runHooks(hooks, name, data) { for (const hook of hooks) await hook(name, data); }
export async function store(item, hooks) {
  await item.save();
  // ignore promise here: only telling plugins that the item was stored
  runHooks(hooks, 'stored', { item });
}`,
    `async function announce(peers, msg) { await peers.broadcast(msg); }
export function onJoin(peers, msg) {
  announce(peers, msg); // ignoring the returned promise, peers retry on their own
}`,
  ],
  invalid,
});
