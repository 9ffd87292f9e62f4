import { pool } from './pool.js';

export interface Order {
  id: string;
  userId: string;
  totalCents: number;
}

export async function getOrders(userId: string): Promise<Order[]> {
  const { rows } = await pool.query<Order>('SELECT id, user_id AS "userId", total_cents AS "totalCents" FROM orders WHERE user_id = $1', [userId]);
  return rows;
}

export async function getRecommendations(userId: string): Promise<string[]> {
  const { rows } = await pool.query<{ sku: string }>('SELECT sku FROM recommendations WHERE user_id = $1 LIMIT 5', [userId]);
  return rows.map((row) => row.sku);
}
