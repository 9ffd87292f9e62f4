import type { IncomingMessage, ServerResponse } from 'node:http';
import { readFileSync } from 'node:fs';
import { getUser } from '../db/users.js';
import { getOrders, getRecommendations } from '../db/orders.js';
import { pool } from '../db/pool.js';

// Read once at start-up, before the server accepts requests: blocking here delays nobody.
const template = readFileSync(new URL('../../templates/orders.html', import.meta.url), 'utf8');

/** GET /users/:id/orders: the user's orders page, rendered from a template. */
export async function handleOrdersPage(req: IncomingMessage, res: ServerResponse, id: string): Promise<void> {
  const [user, orders, recommendations] = await Promise.all([getUser(id), getOrders(id), getRecommendations(id)]);

  // A page view is best-effort: log a failure, never fail the page for it.
  recordPageView(req, user.id).catch((error: unknown) => console.warn('page view not recorded', error));

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
