import { createHmac } from 'node:crypto';
import { setTimeout as sleep } from 'node:timers/promises';
import { Pool } from 'pg';

const pool = new Pool({ connectionString: process.env.DATABASE_URL });

interface Subscription {
  id: string;
  url: string;
  secret: string;
  events: string[];
}

interface Delivery {
  subscriptionId: string;
  status: number | 'error';
  attempts: number;
}

function sign(secret: string, body: string): string {
  return createHmac('sha256', secret).update(body).digest('hex');
}

async function subscriptionsFor(event: string): Promise<Subscription[]> {
  const { rows } = await pool.query<Subscription>('select * from webhook_subscriptions where $1 = any(events) and active', [event]);
  return rows;
}

/** Posts one delivery with retries and backoff; the attempts of one subscription are sequential. */
async function deliver(sub: Subscription, body: string): Promise<Delivery> {
  for (let attempt = 1; attempt <= 5; attempt++) {
    try {
      const response = await fetch(sub.url, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'x-signature': sign(sub.secret, body) },
        body,
        signal: AbortSignal.timeout(10_000),
      });
      if (response.status < 500) return { subscriptionId: sub.id, status: response.status, attempts: attempt };
    } catch {
      // network error: retry below
    }
    await sleep(2 ** attempt * 250);
  }
  return { subscriptionId: sub.id, status: 'error', attempts: 5 };
}

async function recordDeliveries(event: string, deliveries: Delivery[]): Promise<void> {
  await pool.query('insert into webhook_deliveries (event, results) values ($1, $2)', [event, JSON.stringify(deliveries)]);
}

export async function dispatch(event: string, payload: unknown): Promise<Delivery[]> {
  const body = JSON.stringify({ event, payload, sentAt: new Date().toISOString() });
  const subs = await subscriptionsFor(event);
  const deliveries: Delivery[] = [];
  for (const sub of subs) {
    deliveries.push(await deliver(sub, body)); // expect: prefer-promise-all-in-loop
  }
  await recordDeliveries(event, deliveries);
  return deliveries;
}

/** For callers that must not wait: logs and swallows every failure. */
export function dispatchInBackground(event: string, payload: unknown): void {
  dispatch(event, payload).catch((error) => console.error(`webhook dispatch for ${event} failed`, error));
}

export async function replayFailed(since: Date): Promise<number> {
  const { rows } = await pool.query<{ event: string; payload: unknown }>(
    'select event, payload from webhook_deliveries where failed and created_at > $1 order by created_at',
    [since],
  );
  // Replays keep the original order: receivers apply events in the order they were emitted.
  for (const row of rows) {
    await dispatch(row.event, row.payload);
  }
  return rows.length;
}
