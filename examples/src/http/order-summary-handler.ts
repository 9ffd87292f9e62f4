import type { ServerResponse } from 'node:http';
import { getUser } from '../db/users.js';
import { getOrders } from '../db/orders.js';

/** GET /users/:id/summary: the user's e-mail and order total, as JSON. */
export async function handleOrderSummary(res: ServerResponse, id: string): Promise<void> {
  // "Start early": if the orders query fails while the user lookup is still running, its
  // rejection has no handler yet and Node terminates the process.
  const ordersPromise = getOrders(id); // ⚠️ async-pitfalls/no-late-promise-handling
  const user = await getUser(id);
  const orders = await ordersPromise;

  const totalCents = orders.reduce((sum, order) => sum + order.totalCents, 0);
  res.writeHead(200, { 'content-type': 'application/json' });
  res.end(JSON.stringify({ email: user.email, totalCents }));
}
