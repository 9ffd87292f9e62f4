import { Pool, type PoolClient } from 'pg';
import Redis from 'ioredis';

export const pool = new Pool({ connectionString: process.env.DATABASE_URL, max: 20 });
export const redis = new Redis(process.env.REDIS_URL);

export interface Account {
  id: string;
  email: string;
  plan: 'free' | 'team' | 'enterprise';
  suspended: boolean;
}

export async function findAccount(id: string): Promise<Account | undefined> {
  const { rows } = await pool.query<Account>('select * from accounts where id = $1', [id]);
  return rows[0];
}

export async function listInvoices(accountId: string, limit = 20) {
  const { rows } = await pool.query('select * from invoices where account_id = $1 order by issued_at desc limit $2', [
    accountId,
    limit,
  ]);
  return rows;
}

export async function countSeats(accountId: string): Promise<number> {
  const { rows } = await pool.query<{ n: string }>('select count(*) as n from seats where account_id = $1', [accountId]);
  return Number(rows[0]?.n ?? 0);
}

export async function usageThisMonth(accountId: string) {
  const { rows } = await pool.query('select metric, sum(amount) as total from usage where account_id = $1 and ts > date_trunc($2, now()) group by metric', [
    accountId,
    'month',
  ]);
  return rows;
}

/**
 * Runs `work` inside one transaction on one checked-out client. The steps are ordered by
 * design: begin, work, commit or rollback, release.
 */
export async function withTransaction<T>(work: (client: PoolClient) => Promise<T>): Promise<T> {
  const client = await pool.connect();
  try {
    await client.query('begin');
    const result = await work(client);
    await client.query('commit');
    return result;
  } catch (error) {
    await client.query('rollback');
    throw error;
  } finally {
    client.release();
  }
}

export async function closeAll(): Promise<void> {
  // Drain the pool before quitting the cache: in-flight queries may still populate it.
  await pool.end();
  await redis.quit();
}
