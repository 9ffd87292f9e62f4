import path from 'node:path';
import rule, { type MessageIds, type Options } from '../../src/rules/no-misused-async-callback';
import { FIXTURES_DIR, ruleTester, typedRuleTester } from '../rule-tester';

/**
 * Callbacks in the main process of a packaged Electron app, known from its package
 * (`WhereItRuns.inElectronAppMain`, see no-floating-promises.electron-app): Electron logs a
 * rejection nobody handles there. A callback that only hands back the promise of the call it
 * makes (`writers.forEach((w) => w.write(line))`) and an async listener handed to a `void`-typed
 * parameter (an IPC registration helper opening a fixed link) cost a log line there, as the same
 * promise dropped as a statement. An `async` callback that awaits its work inside `forEach` is the
 * misreading the rule is for (the function goes on, or reports done, before the work ends) and is
 * still reported.
 */

const APP = path.join(FIXTURES_DIR, 'run-contexts', 'packaged-desktop-app');
const BACKEND_FILE = path.join(APP, 'src', 'main', 'log-writers.ts');
const NODE_FILE = path.join(FIXTURES_DIR, 'run-contexts', 'service', 'src', 'log-writers.ts');

/** Every log file gets the line; nobody waits for the appends. */
const appendToEach = `import { appendFile } from 'node:fs/promises';

export function logToAll(paths, line) {
  paths.forEach((file) => appendLine(file, line));
}

async function appendLine(file, line) {
  await appendFile(file, line + '\\n');
}`;

/** Registry edits per library, then "done" before any edit has finished. */
const editsThenDone = `import { runTool } from './tools';

export function applyOverrides(libraries) {
  libraries.forEach(async (library) => {
    await runTool(['reg', 'add', library]);
  });
  return 'applied';
}`;

/** A module of a bot whose entry module logs the errors it recognises and exits on the others (its own rejection policy). */
const POLICY_BOT_FILE = path.join(FIXTURES_DIR, 'run-contexts', 'policy-bot', 'src', 'commands', 'log-writers.ts');

/** A dashboard route of that bot that appends a line per file and answers at once. */
const appendThenAnswer = `import { appendFile } from 'node:fs/promises';

export function mount(app) {
  app.post('/notes', (req, res) => {
    req.body.paths.forEach((file) => appendLine(file, req.body.line));
    res.status(201).end();
  });
}

async function appendLine(file, line) {
  await appendFile(file, line + '\\n');
}`;

// @typescript-eslint/rule-tester pins its own copy of utils; the rule is the same object at run time.
const testedRule = rule as unknown as Parameters<typeof ruleTester.run<MessageIds, Options>>[1];

ruleTester.run('no-misused-async-callback (Electron app main process)', testedRule, {
  valid: [
    // the app's back end: a failed append is a warning in the app's log
    { code: appendToEach, filename: BACKEND_FILE },
    // a program whose entry module sets its own rejection policy: the rejection reaches it
    { code: appendToEach, filename: POLICY_BOT_FILE },
  ],
  invalid: [
    // the same loop in a plain Node package: each append's rejection is unhandled
    {
      code: appendToEach,
      filename: NODE_FILE,
      errors: [{ messageId: 'ignoredPromiseCallback', data: { method: 'forEach' }, line: 4, column: 17, suggestions: [] }],
    },
    // under that policy, a request handler answers before the appends ran
    {
      code: appendThenAnswer,
      filename: POLICY_BOT_FILE,
      errors: [{ messageId: 'ignoredPromiseCallback', data: { method: 'forEach' }, line: 5, column: 28, suggestions: [] }],
    },
    // an awaiting async callback in the app: the function reports done before the edits end
    {
      code: editsThenDone,
      filename: BACKEND_FILE,
      errors: [{ messageId: 'ignoredCallback', data: { method: 'forEach' }, line: 4, column: 21, suggestions: [] }],
    },
  ],
});

/** A typed main-process module of the packaged app (the fixture's program holds it). */
const TYPED_BACKEND_FILE = path.join(APP, 'src', 'main', 'links.ts');
const registersLink = (file: string): { filename: string; code: string } => ({
  filename: file,
  code: "declare function onRendererMessage(channel: string, listener: () => void): void;\ndeclare function openInBrowser(url: string): Promise<void>;\nexport function registerLinks(): void {\n  onRendererMessage('open-docs', async () => {\n    await openInBrowser('https://example.test/docs');\n  });\n}",
});

typedRuleTester.run('no-misused-async-callback (typed, Electron app main process)', testedRule, {
  valid: [
    // an async listener handed to a `void`-typed registration helper in the app's main process
    registersLink(TYPED_BACKEND_FILE),
  ],
  invalid: [
    // the same listener in a program of its own: its rejection is unhandled
    { ...registersLink('file.ts'), errors: [{ messageId: 'voidReturn', line: 4, column: 34 }] },
    // an async listener of a window's messages that must reply: if the write fails, the window
    // waits for its answer for ever (no-floating-promises keeps drops inside such listeners too)
    {
      filename: TYPED_BACKEND_FILE,
      code: "declare const ipcMain: { on(channel: string, listener: (event: { reply(channel: string, value: string): void }, path: string) => void): void };\ndeclare function writeNote(path: string): Promise<void>;\nexport function registerSave(): void {\n  ipcMain.on('save-note', async (event, path) => {\n    await writeNote(path);\n    event.reply('note-saved', path);\n  });\n}",
      errors: [{ messageId: 'voidReturn', line: 4, column: 27 }],
    },
  ],
});

/** A window's module of the app: page messages forwarded to the main process; nothing answers the page. */
const forwardsPageMessages = `import { ipcRenderer as ipc } from 'tiny-ipc';

window.addEventListener('message', async ({ data }) => {
  if (data.type === 'badge') {
    await ipc.callMain('badge', data.count);
  }
});`;

/** The same listener answering the frame that asked, through the event's source. */
const answersPageMessages = `import { ipcRenderer as ipc } from 'tiny-ipc';

window.addEventListener('message', async (event) => {
  const answer = await ipc.callMain('lookup', event.data);
  (event.source as Window).postMessage({ answer }, '*');
});`;

/** A WebSocket client of the window that answers the server through the socket itself. */
const answersThroughSocket = `import { ipcRenderer as ipc } from 'tiny-ipc';

const socket = new WebSocket('ws://localhost:7070');
socket.addEventListener('message', async (event) => {
  const request = JSON.parse(String(event.data));
  const result = await ipc.callMain(request.method, request.params);
  socket.send(JSON.stringify({ id: request.id, result }));
});`;

/** A listener that answers through a same-file helper it hands the whole event. */
const answersThroughHelper = `import { ipcRenderer as ipc } from 'tiny-ipc';

function reply(event: MessageEvent, value: unknown): void {
  (event.source as Window).postMessage(value, '*');
}

window.addEventListener('message', async (event) => {
  const answer = await ipc.callMain('lookup', event.data);
  reply(event, answer);
});`;

/** Another replying event than \`message\` on an event target: its listener is read as one that must answer. */
const forwardsRequests = `import { ipcRenderer as ipc } from 'tiny-ipc';

declare const channel: EventTarget;
channel.addEventListener('request', async (event) => {
  await ipc.callMain('log', event.type);
});`;

typedRuleTester.run('no-misused-async-callback (typed, Electron app window)', testedRule, {
  valid: [
    // a page's message listener that cannot reply, in a window whose console gets the rejection
    { code: forwardsPageMessages, filename: TYPED_BACKEND_FILE },
  ],
  invalid: [
    // one that answers the sender: on a rejection the frame waits for its answer for ever
    { code: answersPageMessages, filename: TYPED_BACKEND_FILE, errors: [{ messageId: 'voidReturn', line: 3, column: 36 }] },
    // the listener that cannot reply, outside a host that logs: the rejection is unhandled
    { code: forwardsPageMessages, filename: 'file.ts', errors: [{ messageId: 'voidReturn', line: 3, column: 36 }] },
    // one that answers through its own target (the socket) or a helper handed the whole event
    { code: answersThroughSocket, filename: TYPED_BACKEND_FILE, errors: [{ messageId: 'voidReturn', line: 4, column: 36 }] },
    { code: answersThroughHelper, filename: TYPED_BACKEND_FILE, errors: [{ messageId: 'voidReturn', line: 7, column: 36 }] },
    // only a \`message\` listener is read for an answer; a \`request\` listener is judged as before
    { code: forwardsRequests, filename: TYPED_BACKEND_FILE, errors: [{ messageId: 'voidReturn', line: 4, column: 37 }] },
  ],
});
