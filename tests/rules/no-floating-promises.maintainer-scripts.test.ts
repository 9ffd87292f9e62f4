import path from 'node:path';
import type { InvalidTestCase, ValidTestCase } from '@typescript-eslint/rule-tester';
import rule, { type MessageIds, type Options } from '../../src/rules/no-floating-promises';
import { FIXTURES_DIR, ruleTester } from '../rule-tester';

/**
 * One-shot programs a package's maintainers run (`WhereItRuns.isMaintainerScript`): a module of
 * its `scripts/` folder, or of a tool folder right below its root (`devtools/`, `tools/`), that
 * exports nothing. A rejection nobody handles ends such a run with the error printed and exit code
 * 1, which is how a release or code-generation script should fail. On the judged fresh
 * repositories of session 25, five such reports (a top-level `main().then(...)`, a write inside a
 * `.then` callback of the script's `main`, a write left at the end of a helper) were all pointless.
 * Still reported: inside a `try` whose `catch` is meant for it, before a `process.exit(...)` of
 * the same function (the run ends before the work is done), in a script that installs its own
 * rejection handler, in a module that exports (other code loads it) unless it runs its own work
 * only as the main module (`require.main === module`: a script whose steps the folder's other
 * scripts borrow, such as a docs build with a watch mode), and in a `tools/` folder
 * deeper in the package (an application's own tools).
 */

const REPO = path.join(FIXTURES_DIR, 'run-contexts', 'tooling-repo');
const DEVTOOLS_FILE = path.join(REPO, 'devtools', 'pin-versions.ts');
const SCRIPT_FILE = path.join(REPO, 'scripts', 'release-notes.mjs');
/** A `tools/` folder inside the package's sources: part of the program, not a maintainer's tool. */
const SOURCE_TOOLS_FILE = path.join(REPO, 'src', 'tools', 'pin-versions.ts');

const pinVersions = `import { readManifest, writeManifest } from './manifest';

async function main() {
  const manifest = await readManifest();
  manifest.version = manifest.version.replace('-dev', '');
  await writeManifest(manifest);
}

main().then(() => {});`;

const releaseNotes = `import fs from 'node:fs/promises';

async function collect(tag) {
  const response = await fetch(\`https://example.test/notes/\${tag}\`);
  return response.json();
}

async function main() {
  Promise.all([collect('stable'), collect('beta')])
    .then(([stable, beta]) => {
      fs.writeFile('NOTES.json', JSON.stringify({ stable, beta }));
    })
    .catch(() => {
      fs.writeFile('NOTES.json', '{}');
    });
}

main();`;

const changelog = `const fs = require('node:fs/promises');

function prepend(text, entry) {
  const marker = '<!-- entries -->';
  const at = text.indexOf(marker) + marker.length;
  fs.writeFile('CHANGELOG.md', text.slice(0, at) + entry + text.slice(at));
}

(async () => {
  const text = await fs.readFile('CHANGELOG.md', 'utf8');
  await prepend(text, '\\n- next release\\n');
})();`;

const exitsAfter = `const fs = require('node:fs/promises');

function finish(report) {
  fs.writeFile('report.json', JSON.stringify(report));
  process.exit(0);
}

finish({ ok: true });`;

const guarded = `const fs = require('node:fs/promises');

function save(report) {
  try {
    fs.writeFile('report.json', JSON.stringify(report));
  } catch (error) {
    fs.writeFile('report.failed', String(error));
  }
}

save({ ok: true });`;

const ownHandler = `const fs = require('node:fs/promises');

process.on('unhandledRejection', (reason) => console.warn(reason));

function save(report) {
  fs.writeFile('report.json', JSON.stringify(report));
}

save({ ok: true });`;

const exported = `import fs from 'node:fs/promises';

export function save(report) {
  fs.writeFile('report.json', JSON.stringify(report));
}`;

/** A docs script whose steps other scripts of the folder load; it runs itself only as the main module, or (`guard` false) always. */
function docsScript(guard: boolean): string {
  return `const fs = require('node:fs');

async function render(page) {
  const text = await fs.promises.readFile(page, 'utf8');
  await fs.promises.writeFile(page.replace('.md', '.html'), text);
}

function watch(pages) {
  for (const page of pages) {
    fs.watchFile(page, () => {
      render(page);
    });
  }
}

exports.watch = watch;

${guard ? 'if (require.main === module) ' : ''}watch(['index.md']);`;
}

const valid: ValidTestCase<Options>[] = [
  // a script that lends its steps to the folder's other scripts and runs itself only as the main module
  { code: docsScript(true), filename: SCRIPT_FILE },
  // a top-level chain of a maintainer's tool
  { code: pinVersions, filename: DEVTOOLS_FILE },
  // a write inside a `.then` callback of the script's own `main`
  { code: releaseNotes, filename: SCRIPT_FILE },
  // a write left at the end of a helper the script awaits
  { code: changelog, filename: SCRIPT_FILE },
];

/** The report of `statement` in a function that is not async. */
function error(code: string, line: number, column: number, statement: string, messageId: MessageIds = 'floating'): InvalidTestCase<MessageIds, Options>['errors'][number] {
  return {
    messageId,
    ...(messageId === 'floatingChain' ? { data: { method: 'then' } } : {}),
    line,
    column,
    suggestions: [{ messageId: 'suggestVoid', output: code.replace(statement, `void ${statement}`) }],
  };
}

const write = "fs.writeFile('report.json', JSON.stringify(report))";

const invalid: InvalidTestCase<MessageIds, Options>[] = [
  // the run ends before the write is done, and its failure is never printed
  { code: exitsAfter, filename: SCRIPT_FILE, errors: [error(exitsAfter, 4, 3, write)] },
  // the `catch` was written for this write's failure
  { code: guarded, filename: SCRIPT_FILE, errors: [error(guarded, 5, 5, write)] },
  // a handler of its own that only warns lets the script end with exit code 0
  { code: ownHandler, filename: SCRIPT_FILE, errors: [error(ownHandler, 6, 3, write)] },
  // a module that exports is loaded by other code
  { code: exported, filename: DEVTOOLS_FILE, errors: [error(exported, 4, 3, write)] },
  // a module of `scripts/` that exports and runs whenever it is loaded: other code's module
  {
    code: docsScript(false),
    filename: SCRIPT_FILE,
    errors: [{ messageId: 'floating', line: 11, column: 7, suggestions: [{ messageId: 'suggestVoid', output: docsScript(false).replace('render(page);', 'void render(page);') }] }],
  },
  // an application's `src/tools/` folder is part of the program
  { code: pinVersions, filename: SOURCE_TOOLS_FILE, errors: [error(pinVersions, 9, 1, 'main().then(() => {})', 'floatingChain')] },
];

// @typescript-eslint/rule-tester pins its own copy of utils; the rule is the same object at run time.
const testedRule = rule as unknown as Parameters<typeof ruleTester.run<MessageIds, Options>>[1];

ruleTester.run('no-floating-promises (maintainer scripts)', testedRule, { valid, invalid });
