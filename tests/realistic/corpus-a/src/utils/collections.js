import { stat, access, utimes } from 'node:fs/promises';
import { constants } from 'node:fs';

export function chunk(items, size) {
  const out = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}

export function groupBy(items, keyFn) {
  return items.reduce((acc, item) => {
    const k = keyFn(item);
    (acc[k] ??= []).push(item);
    return acc;
  }, {});
}

/** Correct async filter: resolve all predicates, then filter. */
export async function filterAsync(items, predicate) {
  const flags = await Promise.all(items.map(predicate));
  return items.filter((_, i) => flags[i]);
}

export async function existingPaths(paths) {
  return paths.filter(async (p) => { // expect: no-misused-async-callback
    try {
      await access(p, constants.F_OK);
      return true;
    } catch {
      return false;
    }
  });
}

export async function anyStale(files, maxAgeMs) {
  const now = Date.now();
  return files.some(async (f) => now - (await stat(f)).mtimeMs > maxAgeMs); // expect: no-misused-async-callback
}

export async function newestFirst(files) {
  const stats = await Promise.all(files.map(async (f) => ({ f, mtime: (await stat(f)).mtimeMs })));
  return stats.sort((a, b) => b.mtime - a.mtime).map((s) => s.f);
}

export async function sortBySize(files) {
  return [...files].sort(async (a, b) => (await stat(a)).size - (await stat(b)).size); // expect: no-misused-async-callback
}

export async function touchAll(files) {
  const now = new Date();
  files.map(async (f) => { // expect: no-misused-async-callback
    await utimes(f, now, now);
  });
}

export async function mapLimit(items, limit, fn) {
  const results = new Array(items.length);
  let next = 0;
  const workers = Array.from({ length: Math.min(limit, items.length) }, async () => {
    while (next < items.length) {
      const i = next++;
      results[i] = await fn(items[i], i);
    }
  });
  await Promise.all(workers);
  return results;
}
