import { Pool } from 'pg';
import Redis from 'ioredis';

export async function connectDatabase(url: string): Promise<{ pool: Pool; ready: boolean }> {
  const pool = new Pool({ connectionString: url });
  await pool.query('select 1');
  return { pool, ready: true };
}

export async function connectCache(url: string): Promise<{ redis: Redis; ready: boolean }> {
  const redis = new Redis(url);
  await redis.get('__ping__');
  return { redis, ready: true };
}
