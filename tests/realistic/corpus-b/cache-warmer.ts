import { writeFile, mkdir } from 'node:fs/promises';
import path from 'node:path';
import type { Redis } from 'ioredis';

interface Catalog {
  categories: { id: string; slug: string }[];
}

async function fetchJson<T>(url: string): Promise<T> {
  const res = await fetch(url);
  if (!res.ok) throw new Error(`${url}: ${res.status}`);
  return (await res.json()) as T;
}

async function warmCategory(redis: Redis, baseUrl: string, slug: string) {
  const data = await fetchJson<unknown[]>(`${baseUrl}/categories/${slug}/products`);
  await redis.set(`cat:${slug}`, JSON.stringify(data), 'EX', 300);
}

export async function warmAll(redis: Redis, baseUrl: string, snapshotDir: string) {
  const catalog = await fetchJson<Catalog>(`${baseUrl}/catalog`);

  Promise.all(catalog.categories.map((c) => warmCategory(redis, baseUrl, c.slug))); // expect: no-floating-promises

  mkdir(snapshotDir, { recursive: true }); // expect: no-floating-promises
  const snapshot = writeFile(path.join(snapshotDir, 'catalog.json'), JSON.stringify(catalog)); // expect: no-floating-promises

  const homepage = fetchJson(`${baseUrl}/homepage`);
  const featured = fetchJson(`${baseUrl}/featured`); // expect: no-late-promise-handling
  await redis.set('homepage', JSON.stringify(await homepage));
  await redis.set('featured', JSON.stringify(await featured));

  fetch(`${baseUrl}/internal/cache-warmed`, { method: 'POST' }).then((r) => r.ok); // expect: no-floating-promises

  return catalog.categories.length;
}

export function scheduleWarm(redis: Redis, baseUrl: string, dir: string) {
  const tick = () =>
    warmAll(redis, baseUrl, dir).catch((err) => console.error('cache warm failed', err));
  tick();
  return setInterval(tick, 5 * 60_000);
}

export async function warmWithDelay(redis: Redis, baseUrl: string, slugs: string[], delayMs: number) {
  new Promise((resolve) => setTimeout(resolve, delayMs)); // expect: no-floating-promises
  const jobs = { first: warmCategory(redis, baseUrl, slugs[0]) };
  await jobs.first;
  return slugs.length;
}
