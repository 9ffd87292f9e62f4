'use strict';

const fs = require('fs');

/** Blocking sleep for the synchronous CLI paths (config migration prompts). */
function sleepSync(ms) {
  Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms);
}

async function waitForFile(file, { timeoutMs = 5000, intervalMs = 50 } = {}) {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    try {
      await fs.promises.access(file);
      return true;
    } catch {
      // not there yet
    }
    await new Promise((resolve) => setTimeout(resolve, intervalMs));
  }
  return false;
}

const heldLocks = new Set();
process.on('exit', () => {
  for (const release of heldLocks) release();
});

async function acquireLockFile(lockPath, { retries = 20 } = {}) {
  for (let attempt = 0; attempt < retries; attempt++) {
    try {
      const fd = await fs.promises.open(lockPath, 'wx');
      await fd.writeFile(String(process.pid));
      await fd.close();
      const release = () => {
        heldLocks.delete(release);
        try {
          fs.unlinkSync(lockPath);
        } catch {
          // already gone
        }
      };
      heldLocks.add(release);
      return release;
    } catch (err) {
      if (err.code !== 'EEXIST') throw err;
      const started = Date.now();
      while (Date.now() - started < 25 * (attempt + 1)) { /* back off */ } // expect: no-blocking-in-async
    }
  }
  throw new Error(`could not acquire ${lockPath} after ${retries} attempts`);
}

/**
 * Reads the result a worker thread wrote into shared memory. The worker
 * stores 1 in slot 0 once the payload in slot 1 is ready.
 */
async function readSharedResult(shared, timeoutMs = 1000) {
  const view = new Int32Array(shared);
  const status = Atomics.wait(view, 0, 0, timeoutMs); // expect: no-blocking-in-async
  if (status === 'timed-out') throw new Error('worker did not respond in time');
  return Atomics.load(view, 1);
}

function measure(label, fn) {
  const start = process.hrtime.bigint();
  const result = fn();
  const ms = Number(process.hrtime.bigint() - start) / 1e6;
  if (process.env.DEBUG_TIMING) console.error(`${label}: ${ms.toFixed(1)}ms`);
  return result;
}

module.exports = { sleepSync, waitForFile, acquireLockFile, readSharedResult, measure };
