import type { Knex } from 'knex';
import { CustomerRepository, OrderRepository, ShipmentRepository, db, type Order } from './repositories';
import { EventBus } from './event-bus';

function Injectable(): ClassDecorator {
  return () => undefined;
}

export class OrderNotFound extends Error {}

@Injectable()
export class OrderService {
  constructor(
    private readonly orders: OrderRepository,
    private readonly customers: CustomerRepository,
    private readonly shipments: ShipmentRepository,
    private readonly events: EventBus,
  ) {}

  /** Everything the order page shows. */
  async orderPage(orderId: string) {
    const order = await this.orders.findById(orderId);
    if (!order) throw new OrderNotFound(orderId);
    const customer = await this.customers.findById(order.customerId); // expect: prefer-promise-all
    const shipments = await this.shipments.forOrder(order.id);
    return { order, customer, shipments };
  }

  async customerOverview(customerId: string) {
    const customer = await this.customers.findById(customerId); // expect-typed: prefer-promise-all
    const points = await this.customers.loyaltyPoints(customerId);
    return { customer, points };
  }

  async invoicesFor(orderIds: string[]) {
    const pages: Array<{ orderId: string; pdfUrl: string }> = [];
    for (const orderId of orderIds) {
      const response = await fetch(`${process.env.BILLING_URL}/orders/${orderId}/invoice`); // expect: prefer-promise-all-in-loop
      if (!response.ok) continue;
      pages.push({ orderId, pdfUrl: (await response.json()).url });
    }
    return pages;
  }

  async ship(orderId: string, carrier: string): Promise<string> {
    const shipmentId = await db.transaction(async (trx: Knex) => {
      const order = await this.orders.findById(orderId);
      if (!order || order.status !== 'placed') throw new OrderNotFound(orderId);
      const id = await this.shipments.create(order.id, carrier, trx);
      await this.orders.updateStatus(order.id, 'shipped', trx);
      return id;
    });
    this.events.emit('order.shipped', { orderId, shipmentId }); // expect-typed: no-floating-promises
    return shipmentId;
  }

  async cancelAll(customerId: string): Promise<number> {
    const open = (await this.orders.listForCustomer(customerId)).filter((o: Order) => o.status === 'placed');
    await db.transaction(async (trx: Knex) => {
      for (const order of open) {
        await this.orders.updateStatus(order.id, 'cancelled', trx);
      }
    });
    await this.events.emit('orders.cancelled', { customerId, count: open.length });
    return open.length;
  }
}
