// A worker_threads worker: it exists to do synchronous CPU and disk work off the main thread.
import { parentPort, workerData } from 'node:worker_threads';
import { scryptSync, createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { gunzipSync } from 'node:zlib';

const { pepper } = workerData;

function digestFile(file) {
  const raw = readFileSync(file);
  const data = file.endsWith('.gz') ? gunzipSync(raw) : raw;
  return createHash('sha256').update(data).digest('hex');
}

parentPort.on('message', (task) => {
  try {
    switch (task.kind) {
      case 'password':
        parentPort.postMessage({ id: task.id, hash: scryptSync(task.password, task.salt + pepper, 64).toString('hex') });
        break;
      case 'file':
        parentPort.postMessage({ id: task.id, digest: digestFile(task.file) });
        break;
      default:
        parentPort.postMessage({ id: task.id, error: `unknown task ${task.kind}` });
    }
  } catch (error) {
    parentPort.postMessage({ id: task.id, error: String(error) });
  }
});
