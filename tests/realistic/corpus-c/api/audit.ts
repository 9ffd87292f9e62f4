import { pool } from './db';

/**
 * Records an audit event without making the caller wait. Never rejects: a failed audit write is
 * logged and dropped, by policy (the request must not fail because the audit table is slow).
 */
export async function auditLog(kind: string, data: Record<string, unknown>): Promise<void> {
  try {
    await pool.query('insert into audit (kind, data) values ($1, $2)', [kind, JSON.stringify(data)]);
  } catch (error) {
    console.warn('audit write failed', kind, error);
  }
}

export async function auditTrail(accountId: string, since: Date) {
  const { rows } = await pool.query('select * from audit where data->>$1 = $2 and ts >= $3 order by ts', [
    'id',
    accountId,
    since,
  ]);
  return rows;
}
