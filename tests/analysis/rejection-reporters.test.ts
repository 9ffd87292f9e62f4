import assert from 'node:assert/strict';
import path from 'node:path';
import { describe, it } from 'node:test';
import { installsReporter, programReportsRejections } from '../../src/analysis/rejection-reporters';

const RUN_CONTEXTS = path.join(__dirname, '..', 'fixtures', 'run-contexts');

describe('installsReporter', () => {
  it('finds a process or window reporter of unhandled rejections', () => {
    assert.equal(installsReporter("process.on('unhandledRejection', (reason) => log(reason));"), true);
    assert.equal(installsReporter('processWrapper.once("unhandledRejection", report);'), true);
    assert.equal(installsReporter("window.addEventListener('unhandledrejection', (event) => report(event.reason));"), true);
    assert.equal(installsReporter('window.onunhandledrejection = (event) => report(event.reason);'), true);
    assert.equal(installsReporter("import unhandled from 'electron-unhandled';\nunhandled();"), true);
    assert.equal(installsReporter("const log = require('electron-log');\nlog.catchErrors({ showDialog: false });"), true);
  });
  it('ignores comments, comparisons and other events', () => {
    assert.equal(installsReporter("// process.on('unhandledRejection', log);"), false);
    assert.equal(installsReporter("/*\n * process.on('unhandledRejection', log);\n */"), false);
    assert.equal(installsReporter("run(); // then process.on('unhandledRejection', log)"), false);
    assert.equal(installsReporter('if (window.onunhandledrejection == null) install();'), false);
    assert.equal(installsReporter("process.on('uncaughtException', log);"), false);
  });
});

describe('programReportsRejections', () => {
  it('answers for the program that installs one, and its internal plugins', () => {
    assert.equal(programReportsRejections(path.join(RUN_CONTEXTS, 'reporting-app', 'src', 'stores', 'drafts.js')), true);
    assert.equal(programReportsRejections(path.join(RUN_CONTEXTS, 'reporting-app', 'plugins', 'reminders', 'lib', 'store.js')), true);
    assert.equal(programReportsRejections(path.join(RUN_CONTEXTS, 'reporting-monorepo', 'apps', 'desk', 'src', 'panel.js')), true);
  });
  it('does not lend it to workspace libraries, tests, or a test setup', () => {
    assert.equal(programReportsRejections(path.join(RUN_CONTEXTS, 'reporting-monorepo', 'packages', 'sync', 'src', 'queue.js')), false);
    assert.equal(programReportsRejections(path.join(RUN_CONTEXTS, 'reporting-monorepo', 'tools', 'release.js')), false);
    assert.equal(programReportsRejections(path.join(RUN_CONTEXTS, 'reporting-app', 'test', 'drafts.js')), false);
    assert.equal(programReportsRejections(path.join(RUN_CONTEXTS, 'test-reporter-lib', 'src', 'queue.js')), false);
    assert.equal(programReportsRejections('src/relative.js'), false);
  });
});
