import type { IncomingMessage, ServerResponse } from 'node:http';
import { readFileSync } from 'node:fs';
import { getUser } from '../db/users.js';
import { getOrders, getRecommendations } from '../db/orders.js';
import { pool } from '../db/pool.js';

/** GET /users/:id/orders: the user's orders page, rendered from a template. */
export async function handleOrdersPage(req: IncomingMessage, res: ServerResponse, id: string): Promise<void> {
  const template = readFileSync(new URL('../../templates/orders.html', import.meta.url), 'utf8'); // ⚠️ async-pitfalls/no-blocking-in-async

  const user = await getUser(id); // ⚠️ async-pitfalls/prefer-promise-all
  const orders = await getOrders(id);
  const recommendations = await getRecommendations(id);

  recordPageView(req, user.id); // ⚠️ async-pitfalls/no-floating-promises

  const html = template
    .replace('{{email}}', user.email)
    .replace('{{orders}}', orders.map((order) => `<li>${order.id}: ${order.totalCents / 100}</li>`).join(''))
    .replace('{{recommendations}}', recommendations.join(', '));
  res.writeHead(200, { 'content-type': 'text/html' });
  res.end(html);
}

async function recordPageView(req: IncomingMessage, userId: string): Promise<void> {
  await pool.query('INSERT INTO page_views (user_id, path, user_agent) VALUES ($1, $2, $3)', [
    userId,
    req.url ?? '/',
    req.headers['user-agent'] ?? '',
  ]);
}
