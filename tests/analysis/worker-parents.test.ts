import assert from 'node:assert/strict';
import path from 'node:path';
import { describe, it } from 'node:test';
import { parentHandlesWorkerErrors } from '../../src/analysis/worker-parents';

const RUN_CONTEXTS = path.join(__dirname, '..', 'fixtures', 'run-contexts');

describe('parentHandlesWorkerErrors', () => {
  it('is true for a worker file the program starts and whose error event it listens for', () => {
    assert.equal(parentHandlesWorkerErrors(path.join(RUN_CONTEXTS, 'thread-pool', 'src', 'resize-worker.mts')), true);
    assert.equal(parentHandlesWorkerErrors(path.join(RUN_CONTEXTS, 'thread-pool', 'src', 'resize-worker.js')), true);
  });

  it('is false for a worker nobody listens to, or one the program does not name', () => {
    assert.equal(parentHandlesWorkerErrors(path.join(RUN_CONTEXTS, 'thread-pool-unwatched', 'src', 'resize-worker.mts')), false);
    assert.equal(parentHandlesWorkerErrors(path.join(RUN_CONTEXTS, 'thread-pool', 'src', 'thumb-worker.mts')), false);
    assert.equal(parentHandlesWorkerErrors('resize-worker.mts'), false);
  });
});
