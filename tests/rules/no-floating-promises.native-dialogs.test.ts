import type { InvalidTestCase, ValidTestCase } from '@typescript-eslint/rule-tester';
import rule, { type MessageIds, type Options } from '../../src/rules/no-floating-promises';
import { ruleTester } from '../rule-tester';

/**
 * Electron's native dialogs (`dialog.showMessageBox`, `showOpenDialog`, `showSaveDialog` of the
 * main process, also `remote.dialog` and `@electron/remote`) resolve with the clicked button or
 * the chosen paths and never reject. The `.then((result) => ...)` an app hangs on one is the
 * dialog's answer handler, and an async function whose only await is one (then synchronous window
 * handling) cannot reject either: on blind set 11 three such reports were judged wrong. Next to
 * each, the look-alike that can still reject.
 */

const restartPrompt = `import { app, dialog } from 'electron';
export function onDownloaded(updater) {
  dialog.showMessageBox({ buttons: ['Restart', 'Later'], message: 'Update ready' }).then((answer) => {
    if (answer.response === 0) updater.quitAndInstall();
  });
}`;

const requiredDialog = `const { dialog } = require('electron');
exports.pickCertificate = function (win, names, choose) {
  dialog.showMessageBox(win, { buttons: names }).then((result) => {
    choose(names[result.response]);
  });
};`;

const remoteDialog = `import { remote } from 'electron';
export function askFolder(onPicked) {
  remote.dialog.showOpenDialog({ properties: ['openDirectory'] }).then(({ canceled, filePaths }) => {
    if (!canceled) onPicked(filePaths[0]);
  });
}`;

const electronRemote = `import { dialog } from '@electron/remote';
export function askTarget(onPicked) {
  dialog.showSaveDialog({ defaultPath: 'export.json' }).then((result) => onPicked(result.filePath));
}`;

/** An async helper whose only await is the message box; the rest is synchronous window handling. */
const hungWindowModal = `import { BrowserWindow, dialog } from 'electron';
export function watch(win) {
  win.on('unresponsive', () => {
    askToReload();
  });
}
async function askToReload() {
  const { response } = await dialog.showMessageBox({ buttons: ['Wait', 'Reload'] });
  if (response !== 1) return;
  const focused = BrowserWindow.getFocusedWindow();
  focused?.reload();
}`;

/** The same helper that then writes the chosen file: that write can reject. */
const savesAfterDialog = `import { dialog } from 'electron';
import { writeFile } from 'node:fs/promises';
export function onExport(data) {
  exportTo(data);
}
async function exportTo(data) {
  const { filePath } = await dialog.showSaveDialog({});
  if (filePath) await writeFile(filePath, data);
}`;

/** A callback that returns a write: the chain adopts its rejection. */
const chainsWrite = `import { dialog } from 'electron';
import { writeFile } from 'node:fs/promises';
export function onExport(data) {
  dialog.showSaveDialog({}).then((result) => writeFile(result.filePath, data));
}`;

/**
 * These files import `dialog` from `electron`, so they run in the main process, where drops in
 * listeners are not reported anyway (see the global-handler tests). `checkUnderGlobalHandler`
 * turns that silence off here, so each case shows what the dialog's promise itself decides.
 */
const onlyCannotReject: Options = [{ checkUnderGlobalHandler: true }];

const valid: ValidTestCase<Options>[] = [restartPrompt, requiredDialog, remoteDialog, electronRemote, hungWindowModal].map((code) => ({ code, options: onlyCannotReject }));

/** A `.then` chain reported at `line`:`column`, with its `void` suggestion. */
function chainAt(code: string, line: number, column: number, options: Options = onlyCannotReject): InvalidTestCase<MessageIds, Options> {
  const lines = code.split('\n');
  const text = lines[line - 1] ?? '';
  lines[line - 1] = `${text.slice(0, column - 1)}void ${text.slice(column - 1)}`;
  return {
    code,
    options,
    errors: [{ messageId: 'floatingChain', data: { method: 'then' }, line, column, suggestions: [{ messageId: 'suggestVoid', output: lines.join('\n') }] }],
  };
}

const invalid: InvalidTestCase<MessageIds, Options>[] = [
  // work after the dialog can reject, awaited in the helper or returned from the callback
  {
    code: savesAfterDialog,
    options: onlyCannotReject,
    errors: [{ messageId: 'floating', line: 4, column: 3, suggestions: [{ messageId: 'suggestVoid', output: savesAfterDialog.replace('  exportTo(data);', '  void exportTo(data);') }] }],
  },
  chainAt(chainsWrite, 4, 3),
  // checkCannotReject (strict) still marks them
  chainAt(restartPrompt, 3, 3, [{ checkCannotReject: true, checkUnderGlobalHandler: true }]),
];

ruleTester.run<MessageIds, Options>('no-floating-promises (Electron native dialogs)', rule as never, { valid, invalid });
