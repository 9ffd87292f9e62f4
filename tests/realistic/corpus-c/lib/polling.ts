import { setTimeout as sleep } from 'node:timers/promises';
import { createInterface } from 'node:readline';
import { createReadStream } from 'node:fs';

/** Polls a job's status until it finishes or the deadline passes. */
export async function waitForJob(statusUrl: string, timeoutMs = 60_000): Promise<'done' | 'failed'> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    const response = await fetch(statusUrl);
    const { state } = (await response.json()) as { state: string };
    if (state === 'done' || state === 'failed') return state;
    await sleep(1000);
  }
  throw new Error(`job at ${statusUrl} did not finish in ${timeoutMs} ms`);
}

/** Calls `fn` until it succeeds, with exponential backoff between attempts. */
export async function withRetry<T>(fn: () => Promise<T>, attempts = 4): Promise<T> {
  let lastError: unknown;
  for (let attempt = 0; attempt < attempts; attempt++) {
    try {
      return await fn();
    } catch (error) {
      lastError = error;
      await sleep(100 * 2 ** attempt);
    }
  }
  throw lastError;
}

/** Streams a large NDJSON file and sends its records in batches of `size`, in file order. */
export async function forEachBatch<T>(file: string, size: number, handle: (batch: T[]) => Promise<void>): Promise<number> {
  const lines = createInterface({ input: createReadStream(file), crlfDelay: Infinity });
  let batch: T[] = [];
  let total = 0;
  for await (const line of lines) {
    if (!line.trim()) continue;
    batch.push(JSON.parse(line) as T);
    if (batch.length === size) {
      await handle(batch);
      total += batch.length;
      batch = [];
    }
  }
  if (batch.length > 0) {
    await handle(batch);
    total += batch.length;
  }
  return total;
}

/** Walks a paginated API: each page's cursor comes from the previous page. */
export async function allPages<T>(url: string): Promise<T[]> {
  const items: T[] = [];
  let next: string | null = url;
  while (next) {
    const response = await fetch(next);
    const page = (await response.json()) as { items: T[]; next: string | null };
    items.push(...page.items);
    next = page.next;
  }
  return items;
}
