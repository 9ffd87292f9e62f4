import { Pool } from 'pg';
import Redis from 'ioredis';
import { setTimeout as sleep } from 'node:timers/promises';

const pool = new Pool({ connectionString: process.env.DATABASE_URL });
const redis = new Redis(process.env.REDIS_URL);

interface OutboxRow {
  id: number;
  topic: string;
  payload: string;
}

/**
 * Transactional outbox relay: claims a batch with `for update skip locked`, publishes the rows
 * in id order (consumers rely on per-topic order), marks them sent, commits. One connection,
 * one transaction per batch.
 */
async function relayBatch(limit: number): Promise<number> {
  const client = await pool.connect();
  try {
    await client.query('begin');
    const { rows } = await client.query<OutboxRow>(
      'select id, topic, payload from outbox where sent_at is null order by id limit $1 for update skip locked',
      [limit],
    );
    for (const row of rows) {
      await redis.publish(row.topic, row.payload);
    }
    if (rows.length > 0) {
      await client.query('update outbox set sent_at = now() where id = any($1)', [rows.map((r) => r.id)]);
    }
    await client.query('commit');
    return rows.length;
  } catch (error) {
    await client.query('rollback');
    throw error;
  } finally {
    client.release();
  }
}

export async function runRelay(signal: AbortSignal): Promise<void> {
  while (!signal.aborted) {
    let relayed = 0;
    try {
      relayed = await relayBatch(100);
    } catch (error) {
      console.error('outbox relay failed', error);
    }
    if (relayed === 0) await sleep(500);
  }
}
