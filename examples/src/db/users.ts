import { pool } from './pool.js';

export interface User {
  id: string;
  email: string;
  accountId: string;
}

export async function getUser(id: string): Promise<User> {
  const { rows } = await pool.query<User>('SELECT id, email, account_id AS "accountId" FROM users WHERE id = $1', [id]);
  if (rows.length === 0) throw new Error(`user ${id} not found`);
  return rows[0] as User;
}
