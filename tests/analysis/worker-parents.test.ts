import assert from 'node:assert/strict';
import path from 'node:path';
import { describe, it } from 'node:test';
import { parentHandlesWorkerErrors, watchedWorkerFiles } from '../../src/analysis/worker-parents';

const RUN_CONTEXTS = path.join(__dirname, '..', 'fixtures', 'run-contexts');

describe('parentHandlesWorkerErrors', () => {
  it('is true for a worker file the program starts and whose error event it listens for', () => {
    assert.equal(parentHandlesWorkerErrors(path.join(RUN_CONTEXTS, 'thread-pool', 'src', 'resize-worker.mts')), true);
    assert.equal(parentHandlesWorkerErrors(path.join(RUN_CONTEXTS, 'thread-pool', 'src', 'resize-worker.js')), true);
    assert.equal(parentHandlesWorkerErrors(path.join(RUN_CONTEXTS, 'thread-pool-mixed', 'src', 'thumb-worker.js')), true);
  });

  it('is false for a worker nobody listens to, or one the program does not name', () => {
    assert.equal(parentHandlesWorkerErrors(path.join(RUN_CONTEXTS, 'thread-pool-unwatched', 'src', 'resize-worker.mts')), false);
    assert.equal(parentHandlesWorkerErrors(path.join(RUN_CONTEXTS, 'thread-pool', 'src', 'thumb-worker.mts')), false);
    assert.equal(parentHandlesWorkerErrors('resize-worker.mts'), false);
  });

  it('is false for a second worker of a parent that listens to another one, and for a listener that only logs', () => {
    assert.equal(parentHandlesWorkerErrors(path.join(RUN_CONTEXTS, 'thread-pool-mixed', 'src', 'search-worker.js')), false);
    assert.equal(parentHandlesWorkerErrors(path.join(RUN_CONTEXTS, 'thread-pool-logged', 'src', 'thumb-worker.js')), false);
  });
});

describe('watchedWorkerFiles', () => {
  const parent = (body: string): string => `import path from 'node:path';\nimport { Worker } from 'node:worker_threads';\nimport { fail } from './failures.js';\n${body}\n`;

  it('takes the file from the watched Worker call, from a const it reads, or from a URL there', () => {
    assert.deepEqual(watchedWorkerFiles(parent("const w = new Worker(path.resolve(__dirname, 'jobs/resize.mjs'), { env: { MODE: 'x.js' } });\nw.on('error', fail);")), ['resize']);
    assert.deepEqual(watchedWorkerFiles(parent("const file = path.join(__dirname, 'scan.js');\nconst w = new Worker(file);\nw.once('error', (e) => fail(e));")), ['scan']);
    assert.deepEqual(watchedWorkerFiles(parent("const w = new Worker(new URL('./hash.js', import.meta.url));\nw.on('error', (e) => { this.emit('error', e); });")), ['hash']);
  });

  it('takes nothing from another Worker of the same file, nor from the imports', () => {
    assert.deepEqual(watchedWorkerFiles(parent("const a = new Worker('./a.js');\na.on('error', fail);\nconst b = new Worker('./b.js');\nb.on('exit', fail);")), ['a']);
  });

  it('takes nothing when the listener only logs', () => {
    assert.deepEqual(watchedWorkerFiles(parent("const w = new Worker('./a.js');\nw.on('error', (e) => console.error('worker failed', String(e)));")), []);
    assert.deepEqual(watchedWorkerFiles(parent("const w = new Worker('./a.js');\nw.on('error', console.error);")), []);
    assert.deepEqual(watchedWorkerFiles(parent("const w = new Worker('./a.js');\nw.on('error', (e) => {\n  logger.error({ err: e }, 'worker failed');\n});")), []);
    assert.deepEqual(watchedWorkerFiles(parent("const w = new Worker('./a.js');\nw.on('error', (error) => {\n  app.log.error({ err: error }, 'failed');\n  Sentry.captureException(error);\n});")), []);
    assert.deepEqual(watchedWorkerFiles(parent("const w = new Worker('./a.js');\nw.on('error', (e) => { logError(e); req.log.warn(String(e)); });")), []);
    assert.deepEqual(watchedWorkerFiles(parent("const w = new Worker('./a.js');\nw.on('error', fastify.log.error);")), []);
  });

  it('counts a listener that hands the error on: a callback, a method, a rejection', () => {
    assert.deepEqual(watchedWorkerFiles(parent("const w = new Worker('./a.js');\nw.on('error', (error) => {\n  this.handleError(error, w);\n});")), ['a']);
    assert.deepEqual(watchedWorkerFiles(parent("const w = new Worker('./a.js');\nw.on('error', reject);")), ['a']);
    assert.deepEqual(watchedWorkerFiles(parent("const w = new Worker('./a.js');\nw.on('error', (e) => { console.error(e); restart(); });")), ['a']);
    assert.deepEqual(watchedWorkerFiles(parent("const w = new Worker('./a.js');\nw.on('error', (e) => { app.log.error(e); process.exit(1); });")), ['a']);
  });
});
