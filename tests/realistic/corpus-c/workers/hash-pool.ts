import { Worker } from 'node:worker_threads';
import { cpus } from 'node:os';
import path from 'node:path';

type Task = { kind: 'password'; password: string; salt: string } | { kind: 'file'; file: string };
type Pending = { resolve: (value: string) => void; reject: (error: Error) => void };

/** Round-robin pool of hash workers; each task gets an id and its promise settles on the reply. */
export class HashPool {
  private readonly workers: Worker[] = [];
  private readonly pending = new Map<number, Pending>();
  private nextId = 1;
  private turn = 0;

  constructor(size = Math.max(1, cpus().length - 1), pepper = process.env.PEPPER ?? '') {
    for (let i = 0; i < size; i++) {
      const worker = new Worker(path.join(__dirname, 'hash-worker.mjs'), { workerData: { pepper } });
      worker.on('message', (msg: { id: number; hash?: string; digest?: string; error?: string }) => {
        const waiting = this.pending.get(msg.id);
        if (!waiting) return;
        this.pending.delete(msg.id);
        if (msg.error) waiting.reject(new Error(msg.error));
        else waiting.resolve(msg.hash ?? msg.digest ?? '');
      });
      this.workers.push(worker);
    }
  }

  run(task: Task): Promise<string> {
    const id = this.nextId++;
    const worker = this.workers[this.turn++ % this.workers.length];
    return new Promise((resolve, reject) => {
      this.pending.set(id, { resolve, reject });
      worker.postMessage({ ...task, id });
    });
  }

  async digestAll(files: string[]): Promise<Map<string, string>> {
    const digests = await Promise.all(files.map((file) => this.run({ kind: 'file', file })));
    return new Map(files.map((file, i) => [file, digests[i]]));
  }

  async destroy(): Promise<void> {
    await Promise.all(this.workers.map((w) => w.terminate()));
  }
}
