import { pool } from '../db/pool.js';

/** Reserves stock for an order in one transaction; throws when an item is short. */
export async function reserveStock(orderId: string, lines: { sku: string; quantity: number }[]): Promise<void> {
  const client = await pool.connect();
  try {
    await client.query('BEGIN');
    for (const line of lines) {
      const { rows } = await client.query<{ stock: number }>('SELECT stock FROM items WHERE sku = $1 FOR UPDATE', [line.sku]);
      const stock = rows[0]?.stock ?? 0;
      if (stock < line.quantity) throw new Error(`order ${orderId}: only ${stock} of ${line.sku} left`);
      await client.query('UPDATE items SET stock = stock - $1 WHERE sku = $2', [line.quantity, line.sku]);
    }
    await client.query('INSERT INTO reservations (order_id) VALUES ($1)', [orderId]);
    await client.query('COMMIT');
  } catch (error) {
    await client.query('ROLLBACK');
    throw error;
  } finally {
    client.release();
  }
}
