import type { ServerResponse } from 'node:http';
import { getUser } from '../db/users.js';
import { getOrders } from '../db/orders.js';

/** GET /users/:id/summary: the user's e-mail and order total, as JSON. */
export async function handleOrderSummary(res: ServerResponse, id: string): Promise<void> {
  // Both queries run together, and each has a handler from the start (Promise.all's).
  const [orders, user] = await Promise.all([getOrders(id), getUser(id)]);

  const totalCents = orders.reduce((sum, order) => sum + order.totalCents, 0);
  res.writeHead(200, { 'content-type': 'application/json' });
  res.end(JSON.stringify({ email: user.email, totalCents }));
}
