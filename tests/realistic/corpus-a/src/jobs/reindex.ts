import { setTimeout as sleep } from 'node:timers/promises';
import { unlink, writeFile } from 'node:fs/promises';
import { search } from '../integrations/search';
import { db } from '../db';
import { logger } from '../lib/logger';

export interface SearchClient {
  getAlias(alias: string): Promise<string[]>;
  updateAliases(actions: object[]): Promise<void>;
  deleteIndex(index: string): Promise<void>;
}

interface Doc {
  id: string;
  title: string;
  body: string;
  tags: string[];
  updatedAt: Date;
}

function chunk<T>(items: T[], size: number): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}

async function loadDocument(id: string): Promise<Doc> {
  const row = await db.one('SELECT id, title, body, tags, updated_at FROM documents WHERE id = $1', [id]);
  return { id: row.id, title: row.title, body: row.body, tags: row.tags, updatedAt: row.updated_at };
}

/** Reindexes a handful of documents after an edit. */
export async function reindexDocuments(ids: string[]): Promise<void> {
  for (const id of ids) {
    const doc = await loadDocument(id); // expect: prefer-promise-all-in-loop
    await search.index('documents', doc.id, doc);
  }
}

/** Full rebuild: bounded concurrency so the search cluster is not overwhelmed. */
export async function rebuildIndex(batchSize = 50): Promise<number> {
  const { rows } = await db.query('SELECT id FROM documents ORDER BY id');
  const ids: string[] = rows.map((r: { id: string }) => r.id);
  let done = 0;
  for (const batch of chunk(ids, batchSize)) {
    await Promise.all(batch.map(async (id) => search.index('documents', id, await loadDocument(id))));
    done += batch.length;
    logger.info({ done, total: ids.length }, 'reindex progress');
    await sleep(250);
  }
  return done;
}

export async function swapAlias(client: SearchClient, alias: string, newIndex: string): Promise<void> {
  const current = await client.getAlias(alias);
  await client.updateAliases([
    ...current.map((index: string) => ({ remove: { index, alias } })),
    { add: { index: newIndex, alias } },
  ]);
  for (const index of current) {
    client.deleteIndex(index); // expect-typed: no-floating-promises
  }
}

export async function dumpIndexStats(file: string): Promise<void> {
  const lockFile = `${file}.lock`;
  await writeFile(lockFile, String(process.pid), { flag: 'wx' });
  const stats = await search.stats('documents');
  await writeFile(file, JSON.stringify(stats, null, 2));
  unlink(lockFile); // expect: no-floating-promises
}
