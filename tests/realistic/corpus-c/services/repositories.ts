import knex, { type Knex } from 'knex';

export interface Order {
  id: string;
  customerId: string;
  status: 'draft' | 'placed' | 'shipped' | 'cancelled';
  totalCents: number;
}

export interface Customer {
  id: string;
  name: string;
  tier: 'standard' | 'gold';
}

export const db: Knex = knex({ client: 'pg', connection: process.env.DATABASE_URL });

export class OrderRepository {
  constructor(private readonly conn: Knex = db) {}

  async findById(id: string): Promise<Order | undefined> {
    return this.conn('orders').where({ id }).first();
  }

  async listForCustomer(customerId: string): Promise<Order[]> {
    return this.conn('orders').where({ customer_id: customerId }).orderBy('created_at', 'desc');
  }

  async updateStatus(id: string, status: Order['status'], trx?: Knex): Promise<void> {
    await (trx ?? this.conn)('orders').where({ id }).update({ status });
  }
}

export class CustomerRepository {
  constructor(private readonly conn: Knex = db) {}

  async findById(id: string): Promise<Customer | undefined> {
    return this.conn('customers').where({ id }).first();
  }

  async loyaltyPoints(id: string): Promise<number> {
    const row = await this.conn('loyalty').where({ customer_id: id }).sum({ points: 'points' }).first();
    return Number(row?.points ?? 0);
  }
}

export class ShipmentRepository {
  constructor(private readonly conn: Knex = db) {}

  async forOrder(orderId: string) {
    return this.conn('shipments').where({ order_id: orderId });
  }

  async create(orderId: string, carrier: string, trx?: Knex): Promise<string> {
    const [row] = await (trx ?? this.conn)('shipments').insert({ order_id: orderId, carrier }).returning('id');
    return row.id;
  }
}
