import path from 'node:path';
import { AST_NODE_TYPES } from '../util/ast-node-types';
import {
  BROWSER_AUTOMATION_PACKAGES,
  NAMED_TEST_FOLDER,
  PLAIN_TEST_FOLDERS,
  TEST_DATA_FOLDERS,
  TEST_FOLDERS,
  TEST_FRAMEWORK_MODULES,
  TEST_HELPER_SUBFOLDERS,
  TEST_RUN_SETUP_NAMES,
  TYPE_TEST_FILE_NAME,
  TYPE_TEST_MODULES,
} from '../catalog/run-contexts';
import { type AnyRuleContext, perFile } from './per-file';
import { recentStats } from './recent-stats';
import { packageAt, type PackageInfo } from './where-it-runs';

/**
 * Why a file exists only for its project's tests although the test-code reading
 * (`WhereItRuns.isTestCode`, shared by every rule) leaves it out, or null:
 * - `fixture-module`: a module in a fixture or data folder (`TEST_DATA_FOLDERS`) inside a folder of tests
 *   (`PLAIN_TEST_FOLDERS`, `TEST_FOLDERS`) of its package, where the fixture folder is no project
 *   of its own (no `package.json` nor `tsconfig.json` from the fixture folder down to the file):
 *   the modules a test loads by path (a queue's processor that fails on purpose, a worker the
 *   tests start). A fixture that is a project of its own stands for the application under test
 *   and is judged as one (as `isTestCode` reads it);
 * - `helper-folder`: a module of a helpers folder right below a plain test folder
 *   (`TEST_HELPER_SUBFOLDERS`: `test/support/`, `spec/helpers/`): a server the tests call, the
 *   bundle step of a browser test page;
 * - `run-setup`: a file that uses a test runner's names for a run's set-up as code
 *   (`TEST_RUN_SETUP_NAMES`: `exports.mochaHooks = {...}`, `fixtures.mochaGlobalSetup()`): the
 *   run's hooks, or a launcher that sets the run up and starts the runner;
 * - `test-app`: a module of a package made for tests: its name says so (a word `test`, `tests` or
 *   `e2e`: `desktop-test`, `e2e-app`), it depends on a test runner or a browser driver
 *   (`TEST_FRAMEWORK_MODULES`, `BROWSER_AUTOMATION_PACKAGES`, `jest`, a `@wdio/` package) and it
 *   exports no library (an Electron app's `main` aside): the app those tests drive.
 * - `type-test`: a type test, which the compiler checks and nothing runs: named so
 *   (`TYPE_TEST_FILE_NAME`: `index.test-d.ts`) or importing a type-assertion library
 *   (`TYPE_TEST_MODULES`: `tsd`, `expect-type`).
 * A folder of tests here is a plain one (`PLAIN_TEST_FOLDERS`), one of `TEST_FOLDERS`, or, right
 * below the package, one named with a word besides `test` (`NAMED_TEST_FOLDER`: `test-tap/`,
 * `integration-tests/`).
 * A rejection lost there fails or confuses a test run at worst; no user of the project meets it.
 */
export type TestHarnessEvidence = 'fixture-module' | 'helper-folder' | 'run-setup' | 'test-app' | 'type-test';

/** One answer per file (see `TestHarnessEvidence`), computed on the first question. */
export const getTestHarness = perFile((context) => new TestHarness(context));

export class TestHarness {
  private answer: TestHarnessEvidence | null | undefined;

  constructor(private readonly context: AnyRuleContext) {}

  /** Why the file exists only for the tests (see `TestHarnessEvidence`), or null. */
  evidence(): TestHarnessEvidence | null {
    if (this.answer === undefined) this.answer = this.find();
    return this.answer;
  }

  private find(): TestHarnessEvidence | null {
    const filename = this.context.filename;
    if (this.usesRunSetupNames()) return 'run-setup';
    if (TYPE_TEST_FILE_NAME.test(path.basename(filename)) || this.importsTypeTestLibrary()) return 'type-test';
    if (!path.isAbsolute(filename)) return null;
    const info = nearestPackageOf(filename);
    if (!info) return null;
    const folders = path.relative(info.dir, path.dirname(filename)).split(/[\\/]/);
    // A folder named with a word besides `test` counts right below the package only (an app's
    // `src/ab-test/` feature is no folder of tests).
    const plain = (folder: string, index: number): boolean => PLAIN_TEST_FOLDERS.has(folder) || (index === 0 && NAMED_TEST_FOLDER.test(folder));
    const testFolder = folders.findIndex((folder, index) => plain(folder, index) || TEST_FOLDERS.has(folder));
    if (testFolder !== -1) {
      const next = folders[testFolder + 1];
      if (next !== undefined && plain(folders[testFolder] ?? '', testFolder) && TEST_HELPER_SUBFOLDERS.has(next)) return 'helper-folder';
      const fixture = folders.findIndex((folder, index) => index > testFolder && TEST_DATA_FOLDERS.has(folder));
      if (fixture !== -1 && !holdsProjectFile(info.dir, folders, fixture)) return 'fixture-module';
    }
    return isTestApp(info) ? 'test-app' : null;
  }

  /** An `import` declaration of a module of `TYPE_TEST_MODULES` (type tests are ES modules). */
  private importsTypeTestLibrary(): boolean {
    return this.context.sourceCode.ast.body.some((statement) => statement.type === AST_NODE_TYPES.ImportDeclaration && TYPE_TEST_MODULES.has(statement.source.value));
  }

  /** A name of `TEST_RUN_SETUP_NAMES` as an identifier of the code (not in a comment or a string). */
  private usesRunSetupNames(): boolean {
    const { sourceCode } = this.context;
    if (!sourceCode.text.includes('mocha')) return false;
    return sourceCode.ast.tokens.some((token) => token.type === 'Identifier' && TEST_RUN_SETUP_NAMES.has(token.value));
  }
}

/** The nearest `package.json` above an absolute file path (through `packageAt`'s cache), or null. */
function nearestPackageOf(filename: string): PackageInfo | null {
  for (let dir = path.dirname(filename); ; dir = path.dirname(dir)) {
    const info = packageAt(dir);
    if (info) return info;
    if (path.dirname(dir) === dir || path.basename(dir) === 'node_modules') return null;
  }
}

/** A `tsconfig.json` in the fixture folder `folders[fixture]` (below `base`) or a folder below it on the way to the file: a project of its own. */
function holdsProjectFile(base: string, folders: readonly string[], fixture: number): boolean {
  for (let index = fixture; index < folders.length; index += 1) {
    if (recentStats(path.join(base, ...folders.slice(0, index + 1), 'tsconfig.json'))) return true;
  }
  return false;
}

/** A word of a package name that says it is made for tests. */
const TEST_NAME_WORD = /^(?:test|tests|e2e)$/;

/**
 * The package's name says test (`desktop-test`), it depends on a test runner or a browser driver,
 * and it is an app: no library (`main`, `module`, `exports`) unless an Electron app's (whose `main`
 * is its main process). A published test helper (`widget-test-utils`) runs in its users' tests, and
 * what it drops is theirs to lose.
 */
function isTestApp(info: PackageInfo): boolean {
  if (info.library && !info.electronApp) return false;
  if (info.name === null || !info.name.split(/[-_/@.]/).some((word) => TEST_NAME_WORD.test(word))) return false;
  return info.dependencies.some(
    (dependency) => TEST_FRAMEWORK_MODULES.has(dependency) || BROWSER_AUTOMATION_PACKAGES.has(dependency) || dependency === 'jest' || dependency.startsWith('@wdio/'),
  );
}
