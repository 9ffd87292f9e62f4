import type { Pool, PoolClient } from 'pg';

export interface OrderItemInput {
  sku: string;
  qty: number;
  priceCents: number;
}

export interface Order {
  id: string;
  customerId: string;
  status: 'pending' | 'paid' | 'shipped' | 'refunded';
  totalCents: number;
  createdAt: Date;
}

export class OrderRepository {
  constructor(private readonly pool: Pool) {}

  async findWithItems(id: string) {
    const orderResult = await this.pool.query<Order>('SELECT * FROM orders WHERE id = $1', [id]);
    const itemsResult = await this.pool.query('SELECT sku, qty, price_cents FROM order_items WHERE order_id = $1', [id]);
    const order = orderResult.rows[0];
    return order ? { ...order, items: itemsResult.rows } : null;
  }

  async create(customerId: string, items: OrderItemInput[]): Promise<Order> {
    const client: PoolClient = await this.pool.connect();
    try {
      await client.query('BEGIN');
      const total = items.reduce((sum, i) => sum + i.qty * i.priceCents, 0);
      const {
        rows: [order],
      } = await client.query<Order>(
        'INSERT INTO orders (customer_id, status, total_cents) VALUES ($1, $2, $3) RETURNING *',
        [customerId, 'pending', total],
      );
      for (const item of items) {
        await client.query('INSERT INTO order_items (order_id, sku, qty, price_cents) VALUES ($1, $2, $3, $4)', [
          order.id,
          item.sku,
          item.qty,
          item.priceCents,
        ]);
      }
      await client.query('COMMIT');
      return order;
    } catch (err) {
      await client.query('ROLLBACK');
      throw err;
    } finally {
      client.release();
    }
  }

  /** Keyset pagination; callers pass the last id they saw. */
  async listForCustomer(customerId: string, after?: string, limit = 50): Promise<{ orders: Order[]; next?: string }> {
    const { rows } = await this.pool.query<Order>(
      `SELECT * FROM orders WHERE customer_id = $1 AND ($2::uuid IS NULL OR id > $2) ORDER BY id LIMIT $3`,
      [customerId, after ?? null, limit + 1],
    );
    const hasMore = rows.length > limit;
    const orders = hasMore ? rows.slice(0, limit) : rows;
    return { orders, next: hasMore ? orders[orders.length - 1].id : undefined };
  }

  async *streamAllForCustomer(customerId: string): AsyncGenerator<Order> {
    let after: string | undefined;
    do {
      const page = await this.listForCustomer(customerId, after);
      yield* page.orders;
      after = page.next;
    } while (after);
  }

  async markShipped(ids: string[]): Promise<number> {
    const { rowCount } = await this.pool.query(
      `UPDATE orders SET status = 'shipped' WHERE id = ANY($1::uuid[]) AND status = 'paid'`,
      [ids],
    );
    return rowCount ?? 0;
  }
}
