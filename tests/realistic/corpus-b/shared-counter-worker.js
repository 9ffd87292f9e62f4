'use strict';
const { parentPort, workerData } = require('node:worker_threads');
const fs = require('node:fs');
const { randomFillSync } = require('node:crypto');

const shared = new Int32Array(workerData.sab);
const LOCK = 0;

function lock() {
  while (Atomics.compareExchange(shared, LOCK, 0, 1) !== 0) {
    Atomics.wait(shared, LOCK, 1);
  }
}

function unlock() {
  Atomics.store(shared, LOCK, 0);
  Atomics.notify(shared, LOCK, 1);
}

function spin(ms) {
  const until = Date.now() + ms;
  while (Date.now() < until) {
    // busy wait
  }
}

async function handleJob(job) {
  // Wait (up to 50ms) for the main thread to release the batch slot.
  Atomics.wait(shared, 2, 1, 50); // expect: no-blocking-in-async
  Atomics.add(shared, 1, job.weight);
  if (job.simulateLatency) {
    spin(job.simulateLatency); // expect: no-blocking-in-async
  }
  const nonce = Buffer.alloc(16);
  randomFillSync(nonce); // expect: no-blocking-in-async
  const started = Date.now();
  while (Date.now() - started < 5) {} // expect: no-blocking-in-async
  await fs.promises.appendFile(workerData.logFile, `${job.id} ${nonce.toString('hex')}\n`);
  return { id: job.id, total: shared[1] };
}

function resetCounter() {
  lock();
  try {
    shared[1] = 0;
  } finally {
    unlock();
  }
}

parentPort.on('message', (job) => {
  if (job.type === 'reset') {
    resetCounter();
    return;
  }
  handleJob(job).then(
    (res) => parentPort.postMessage({ ok: true, res }),
    (err) => parentPort.postMessage({ ok: false, error: String(err) }),
  );
});
