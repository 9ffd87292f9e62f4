import assert from 'node:assert/strict';
import path from 'node:path';
import { describe, it } from 'node:test';
import { installsReporter, installsSdkReporter, logsSomeRejections, programLogsRejections, programReportsRejections } from '../../src/analysis/rejection-reporters';

const RUN_CONTEXTS = path.join(__dirname, '..', 'fixtures', 'run-contexts');

describe('installsReporter', () => {
  it('finds a process or window reporter of unhandled rejections', () => {
    assert.equal(installsReporter("process.on('unhandledRejection', (reason) => log(reason));"), true);
    assert.equal(installsReporter('processWrapper.once("unhandledRejection", report);'), true);
    assert.equal(installsReporter("window.addEventListener('unhandledrejection', (event) => report(event.reason));"), true);
    assert.equal(installsReporter('window.onunhandledrejection = (event) => report(event.reason);'), true);
    assert.equal(installsReporter("import unhandled from 'electron-unhandled';\nunhandled();"), true);
    assert.equal(installsReporter("const log = require('electron-log');\nlog.catchErrors({ showDialog: false });"), true);
    // since Node 15 a rejection nobody handles reaches the uncaught-exception handler
    assert.equal(installsReporter("process.on('uncaughtException', (error, origin) => log.error(origin, error));"), true);
    assert.equal(installsReporter("process.on('uncaughtException', (error) => {\n  log(error);\n  process.exit(1);\n});"), false);
    // ... when it logs: one that ignores every error ("keep the bot alive") loses the rejection
    assert.equal(installsReporter("process.on('uncaughtException', () => {});"), false);
    assert.equal(installsReporter("process.on('uncaughtException', (error) => { restart(); });"), false);
    assert.equal(installsReporter("process.on('uncaughtException', console.error);"), true);
    assert.equal(installsReporter("function onCrash(error) {\n  logger.error(error);\n}\nprocess.on('uncaughtException', onCrash);"), true);
    assert.equal(installsReporter("function onCrash() {}\nprocess.on('uncaughtException', onCrash);"), false);
  });
  it('ignores comments, comparisons and other events', () => {
    assert.equal(installsReporter("// process.on('unhandledRejection', log);"), false);
    assert.equal(installsReporter("/*\n * process.on('unhandledRejection', log);\n */"), false);
    assert.equal(installsReporter("run(); // then process.on('unhandledRejection', log)"), false);
    assert.equal(installsReporter('if (window.onunhandledrejection == null) install();'), false);
    assert.equal(installsReporter("process.on('exit', log);"), false);
  });
  it('ignores statements inside a block comment or a string', () => {
    assert.equal(installsReporter("/*\nprocess.on('unhandledRejection', (reason) => {\n  log(reason);\n});\n*/\nstart();"), false);
    assert.equal(installsReporter("throw new Error(\"add process.on('unhandledRejection', handler) to your app\");"), false);
    assert.equal(installsReporter("const hint = `window.addEventListener('unhandledrejection', report)`;"), false);
    assert.equal(installsReporter("/* setup */ process.on('unhandledRejection', (reason) => log(reason));"), true);
  });
  it('does not count a handler that ends the program or rethrows', () => {
    assert.equal(installsReporter("process.on('unhandledRejection', (reason) => {\n  log(reason);\n  process.exit(1);\n});"), false);
    // a handler passed by name is read where this file declares it
    assert.equal(installsReporter("process.on('unhandledRejection', onFatal);\nfunction onFatal(error) {\n  log(error);\n  process.exit(1);\n}"), false);
    assert.equal(installsReporter("const onFatal = (error) => { log(error); throw error; };\nprocess.on('unhandledRejection', onFatal);"), false);
    assert.equal(installsReporter("process.on('unhandledRejection', report);\nfunction report(error) {\n  log(error);\n}"), true);
    assert.equal(installsReporter("process.on('unhandledRejection', (reason) => {\n  throw reason;\n});"), false);
    assert.equal(installsReporter("window.onunhandledrejection = (event) => { log(event.reason); };"), true);
    // the handler ends at its call's closing paren: a later exit is not part of it
    assert.equal(installsReporter("process.on('unhandledRejection', (reason) => log(')', reason));\nprocess.on('SIGTERM', () => process.exit(0));"), true);
  });
});

describe('installsSdkReporter', () => {
  it('counts an error tracker set up with its defaults', () => {
    assert.equal(installsSdkReporter("import * as Tracker from '@sentry/electron/main';\nexport function boot(base) {\n  Tracker.init({\n    ...base,\n    tracesSampleRate: 0.2,\n  });\n}"), true);
    assert.equal(installsSdkReporter("const Tracker = require('@sentry/node');\nTracker.init({ dsn: env.DSN });"), true);
    assert.equal(installsSdkReporter("import { init as setUpTracking } from '@sentry/node';\nsetUpTracking({ dsn });"), true);
    assert.equal(installsSdkReporter("import Bugsnag from '@bugsnag/node';\nBugsnag.start({ apiKey: key });"), true);
    // a browser SDK's page handler is not the Node code's reporter
    assert.equal(installsSdkReporter("import * as Tracker from '@sentry/react';\nTracker.init({ dsn });"), false);
    assert.equal(installsSdkReporter("import * as Tracker from '@sentry/electron/renderer';\nTracker.init({});"), false);
    // Rollbar reports rejections only when asked to
    assert.equal(installsSdkReporter("import Rollbar from 'rollbar';\nexport const rollbar = new Rollbar({ accessToken, captureUnhandledRejections: true });"), true);
    assert.equal(installsSdkReporter("import Rollbar from 'rollbar';\nexport const rollbar = new Rollbar({ accessToken, captureUncaught: true });"), false);
  });
  it('does not count a set-up whose options turn the rejection reporter off', () => {
    assert.equal(installsSdkReporter("import * as Tracker from '@sentry/node';\nTracker.init({ dsn, defaultIntegrations: false });"), false);
    assert.equal(installsSdkReporter("import * as Tracker from '@sentry/electron';\nTracker.init({ integrations: [Tracker.globalHandlersIntegration({ onunhandledrejection: false })] });"), false);
    assert.equal(installsSdkReporter("import * as Tracker from '@sentry/node';\nTracker.init({ integrations: (all) => all.filter((one) => one.name !== 'OnUnhandledRejection') });"), false);
    // strict mode raises the rejection again as an uncaught exception: the process ends
    assert.equal(installsSdkReporter("import * as Tracker from '@sentry/node';\nTracker.init({ integrations: [Tracker.onUnhandledRejectionIntegration({ mode: 'strict' })] });"), false);
    assert.equal(installsSdkReporter("import Bugsnag from '@bugsnag/node';\nBugsnag.start({ apiKey, enabledErrorTypes: { unhandledRejections: false } });"), false);
  });
  it('needs the set-up call, through the import, as code', () => {
    assert.equal(installsSdkReporter("import * as Tracker from '@sentry/node';\nexport const report = (error) => Tracker.captureException(error);"), false);
    assert.equal(installsSdkReporter("import type { NodeOptions } from '@sentry/node';\nTracker.init(options);"), false);
    assert.equal(installsSdkReporter("import * as Tracker from '@sentry/node';\n// Tracker.init({ dsn });"), false);
    // packages that install nothing: shared types, the bundler plugins
    assert.equal(installsSdkReporter("import * as Tracker from '@sentry/types';\nTracker.init({});"), false);
    assert.equal(installsSdkReporter("const tracker = require('./tracker');\ntracker.init({ dsn });"), false);
  });
  it('finds the SDK in every form of load the shared reader reads', () => {
    assert.equal(installsSdkReporter("import Tracker, { init } from '@sentry/node';\ninit({ dsn });"), true);
    assert.equal(installsSdkReporter("const Tracker = await import('@sentry/node');\nTracker.init({ dsn });"), true);
    assert.equal(installsSdkReporter("const { init: setUp } = await import('@sentry/node');\nsetUp({ dsn });"), true);
    assert.equal(installsSdkReporter("const init = require('@sentry/node').init;\ninit({ dsn });"), true);
    // a re-export binds nothing to call here
    assert.equal(installsSdkReporter("export { init } from '@sentry/node';\ninit({ dsn });"), false);
  });
});

describe('programReportsRejections', () => {
  it('answers for the program that installs one, and its internal plugins', () => {
    assert.equal(programReportsRejections(path.join(RUN_CONTEXTS, 'reporting-app', 'src', 'stores', 'drafts.js')), true);
    assert.equal(programReportsRejections(path.join(RUN_CONTEXTS, 'reporting-app', 'plugins', 'reminders', 'lib', 'store.js')), true);
    assert.equal(programReportsRejections(path.join(RUN_CONTEXTS, 'reporting-monorepo', 'apps', 'desk', 'src', 'panel.js')), true);
  });
  it('counts an error-tracking SDK the program sets up', () => {
    assert.equal(programReportsRejections(path.join(RUN_CONTEXTS, 'tracked-desktop-app', 'src', 'windows', 'menu.js')), true);
    assert.equal(programReportsRejections(path.join(RUN_CONTEXTS, 'untracked-desktop-app', 'src', 'windows', 'menu.js')), false);
  });
  it('does not lend it to workspace libraries, tests, or a test setup', () => {
    assert.equal(programReportsRejections(path.join(RUN_CONTEXTS, 'reporting-monorepo', 'packages', 'sync', 'src', 'queue.js')), false);
    assert.equal(programReportsRejections(path.join(RUN_CONTEXTS, 'reporting-monorepo', 'tools', 'release.js')), false);
    assert.equal(programReportsRejections(path.join(RUN_CONTEXTS, 'reporting-app', 'test', 'drafts.js')), false);
    assert.equal(programReportsRejections(path.join(RUN_CONTEXTS, 'test-reporter-lib', 'src', 'queue.js')), false);
    assert.equal(programReportsRejections('src/relative.js'), false);
  });
  it('does not count a co-located test file', () => {
    assert.equal(programReportsRejections(path.join(RUN_CONTEXTS, 'reporting-app', 'src', 'stores', 'drafts.test.js')), false);
  });
  it('does not widen to an outer package that is not the host of the inner one', () => {
    // the client's window listener is not the server's
    assert.equal(programReportsRejections(path.join(RUN_CONTEXTS, 'split-stack', 'client', 'src', 'app.js')), true);
    assert.equal(programReportsRejections(path.join(RUN_CONTEXTS, 'split-stack', 'server', 'src', 'routes.js')), false);
  });
  it('keeps a library apart from the reporter of its own command', () => {
    assert.equal(programReportsRejections(path.join(RUN_CONTEXTS, 'cli-lib', 'lib', 'client.js')), false);
    assert.equal(programReportsRejections(path.join(RUN_CONTEXTS, 'cli-lib', 'bin', 'commands.js')), true);
  });
  it('does not count a reporter that exits', () => {
    assert.equal(programReportsRejections(path.join(RUN_CONTEXTS, 'exiting-server', 'src', 'jobs.js')), false);
  });
});

describe('logsSomeRejections', () => {
  it('reads an uncaught-exception handler that logs and goes on as logging rejections (Node 15 and later raise them there)', () => {
    assert.equal(logsSomeRejections("process.on('uncaughtException', (error, origin) => {\n  logger.warn(origin);\n  logger.error(error);\n});"), true);
    assert.equal(logsSomeRejections("process.on('uncaughtException', (error) => {\n  console.error(error);\n  process.exit(1);\n});"), false);
    assert.equal(logsSomeRejections("process.on('exit', (code) => {\n  console.log(code);\n});"), false);
  });
  it('reads a handler written as an expression, passed by reference or declared as an arrow, not the next block of the file', () => {
    assert.equal(logsSomeRejections("process.on('unhandledRejection', (reason) => reportError(reason));\nstart();"), true);
    assert.equal(logsSomeRejections("process.on('unhandledRejection', reason => logger.warn(reason));"), true);
    assert.equal(logsSomeRejections("process.on('unhandledRejection', console.error);"), true);
    assert.equal(logsSomeRejections("const onRejection = (reason) => logger.error(reason);\nprocess.on('unhandledRejection', onRejection);"), true);
    // an expression that ends the process, or one that does not log, is no policy of going on
    assert.equal(logsSomeRejections("process.on('unhandledRejection', () => process.exit(1));\nfunction later() {\n  console.log('x');\n}"), false);
    assert.equal(logsSomeRejections("process.on('unhandledRejection', (reason) => restart(reason));\nif (debug) {\n  console.log('debug');\n}"), false);
    // the body after a destructured parameter or a parameter default, not the pattern's braces
    assert.equal(logsSomeRejections("process.on('unhandledRejection', ({ message }) => {\n  console.error(message);\n});"), true);
    assert.equal(logsSomeRejections("process.on('unhandledRejection', function (reason, options = { quiet: false }) {\n  process.exit(1);\n});"), false);
    assert.equal(logsSomeRejections("process.on('unhandledRejection', function (reason, options = { quiet: false }) {\n  console.error(reason);\n});"), true);
  });
  it('reads a handler passed by a name where the module declares it, whatever the name says', () => {
    // a crash reporter named like a logger that exits on every path is Node's own default
    assert.equal(logsSomeRejections("function reportCrash(err) {\n  console.error('fatal', err);\n  process.exit(1);\n}\nprocess.on('uncaughtException', reportCrash);"), false);
    assert.equal(logsSomeRejections("const fatalLog = (err) => { logger.fatal(err); process.exit(1); };\nprocess.on('unhandledRejection', fatalLog);"), false);
    // a handler that shuts down, kills its own process or closes its server ends the process
    assert.equal(logsSomeRejections("import { shutdown } from './lifecycle';\nprocess.on('unhandledRejection', (r) => {\n  logger.fatal(r);\n  shutdown(1);\n});"), false);
    assert.equal(logsSomeRejections("process.on('unhandledRejection', (r) => {\n  logger.error(r);\n  process.kill(process.pid, 'SIGTERM');\n});"), false);
    assert.equal(logsSomeRejections("process.on('unhandledRejection', (r) => {\n  logger.error(r);\n  process.exitCode = 1;\n  server.close();\n});"), false);
    // a name the module does not declare (imported) is not read
    assert.equal(logsSomeRejections("const { reportError } = require('./errors');\nprocess.on('unhandledRejection', reportError);"), false);
  });
  it('reads an expression body that calls a function of the module through that function, and only a log call as logging', () => {
    assert.equal(logsSomeRejections("function reportAndExit(err) {\n  console.error(err);\n  process.exit(1);\n}\nprocess.on('unhandledRejection', (err) => reportAndExit(err));"), false);
    assert.equal(logsSomeRejections("function note(err) {\n  console.warn(err);\n}\nprocess.on('unhandledRejection', (err) => note(err));"), true);
    // a log call inside a call that may end the process is not a policy of going on
    assert.equal(logsSomeRejections("process.on('unhandledRejection', (e) => crash(logger.error(e)));"), false);
    assert.equal(logsSomeRejections("process.on('unhandledRejection', (e) => logger.error(e) || process.exit(1));"), false);
  });
});

describe('programLogsRejections', () => {
  it('reads the module a launcher loads, and a second process under its own entry', () => {
    const bridge = path.join(RUN_CONTEXTS, 'launched-bridge');
    // app.js requires ./lib/main-module/start, read from src/main-module/start.ts, which installs a handler that logs
    assert.equal(programLogsRejections(path.join(bridge, 'src', 'relay', 'events.ts')), true);
    // src/pool/index.ts is started on its own and installs nothing
    assert.equal(programLogsRejections(path.join(bridge, 'src', 'pool', 'connections.ts')), false);
  });

  it('reads the program when no entry of the package is among its sources', () => {
    assert.equal(programLogsRejections(path.join(RUN_CONTEXTS, 'unlaunched-bridge', 'src', 'relay', 'events.ts')), true);
  });

  it('does not count a handler that exits on every path, nor test code', () => {
    assert.equal(programLogsRejections(path.join(RUN_CONTEXTS, 'always-exit-bot', 'src', 'commands', 'ban.ts')), false);
    assert.equal(programLogsRejections(path.join(RUN_CONTEXTS, 'unlaunched-bridge', 'src', 'relay', 'events.test.ts')), false);
  });

  it('does not count a handler that a test set-up file installs (a root jest.setup.ts, a test-utils/ folder)', () => {
    assert.equal(programLogsRejections(path.join(RUN_CONTEXTS, 'jest-setup-worker', 'src', 'orders.ts')), false);
    assert.equal(programLogsRejections(path.join(RUN_CONTEXTS, 'test-utils-worker', 'src', 'orders.ts')), false);
  });
});
