// Browser offline queue: mutations made while offline are replayed in order when back online.
const STORAGE_KEY = 'pending-mutations';

function readQueue() {
  try {
    return JSON.parse(localStorage.getItem(STORAGE_KEY) ?? '[]');
  } catch {
    return [];
  }
}

function writeQueue(queue) {
  localStorage.setItem(STORAGE_KEY, JSON.stringify(queue));
}

export function enqueue(mutation) {
  const queue = readQueue();
  queue.push({ ...mutation, queuedAt: Date.now() });
  writeQueue(queue);
}

async function send(mutation) {
  const response = await fetch(mutation.url, {
    method: mutation.method,
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(mutation.body),
  });
  if (response.status >= 500) throw new Error(`server error ${response.status}`);
  return response.ok;
}

let flushing = null;

/** Replays the queue one mutation at a time: a later edit may depend on an earlier create. */
export function flush() {
  flushing ??= (async () => {
    const queue = readQueue();
    while (queue.length > 0) {
      const accepted = await send(queue[0]);
      if (!accepted) console.warn('server rejected a queued mutation', queue[0]);
      queue.shift();
      writeQueue(queue);
    }
  })().finally(() => {
    flushing = null;
  });
  return flushing;
}

export function startAutoFlush(notify) {
  const tryFlush = () => {
    if (!navigator.onLine) return;
    flush().catch((error) => notify(`Sync failed, will retry: ${error.message}`));
  };
  window.addEventListener('online', tryFlush);
  document.addEventListener('visibilitychange', () => {
    if (document.visibilityState === 'visible') tryFlush();
  });
  tryFlush();
}

export async function saveOrQueue(mutation) {
  if (!navigator.onLine) {
    enqueue(mutation);
    return 'queued';
  }
  try {
    await send(mutation);
    return 'sent';
  } catch {
    enqueue(mutation);
    return 'queued';
  }
}
