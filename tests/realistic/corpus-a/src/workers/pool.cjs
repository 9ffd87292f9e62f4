'use strict';

const { Worker } = require('worker_threads');
const os = require('os');
const { EventEmitter } = require('events');

class WorkerPool extends EventEmitter {
  constructor(script, size = os.availableParallelism ? os.availableParallelism() : os.cpus().length) {
    super();
    this.script = script;
    this.size = size;
    this.idle = [];
    this.queue = [];
    this.active = new Map();
    this.workers = new Set();
    this.closing = false;
    for (let i = 0; i < size; i++) this.spawn();
  }

  spawn() {
    const worker = new Worker(this.script);
    worker.on('message', (msg) => this.settle(worker, null, msg));
    worker.on('error', (err) => this.settle(worker, err));
    worker.on('exit', (code) => {
      this.workers.delete(worker);
      this.idle = this.idle.filter((w) => w !== worker);
      if (code !== 0 && !this.closing) this.spawn();
    });
    this.workers.add(worker);
    this.idle.push(worker);
    this.dispatch();
  }

  run(task) {
    return new Promise((resolve, reject) => {
      this.queue.push({ task, resolve, reject });
      this.dispatch();
    });
  }

  dispatch() {
    while (this.idle.length > 0 && this.queue.length > 0) {
      const worker = this.idle.shift();
      const job = this.queue.shift();
      this.active.set(worker, job);
      worker.postMessage(job.task);
    }
  }

  settle(worker, err, result) {
    const job = this.active.get(worker);
    if (!job) return;
    this.active.delete(worker);
    if (err) job.reject(err);
    else job.resolve(result);
    if (!this.closing) {
      this.idle.push(worker);
      this.dispatch();
    }
  }

  close() {
    this.closing = true;
    return new Promise(async (resolve, reject) => { // expect: no-misused-async-callback
      try {
        await Promise.all([...this.workers].map((w) => w.terminate()));
        this.emit('closed');
        resolve();
      } catch (err) {
        reject(err);
      }
    });
  }
}

async function runAll(pool, tasks) {
  return Promise.all(tasks.map((t) => pool.run(t)));
}

module.exports = { WorkerPool, runAll };
