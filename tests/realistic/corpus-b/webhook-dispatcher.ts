import { createHmac } from 'node:crypto';
import { setTimeout as sleep } from 'node:timers/promises';
import type { PrismaClient } from '@prisma/client';

interface Endpoint {
  id: string;
  url: string;
  secret: string;
}

interface WebhookEvent {
  id: string;
  type: string;
  payload: unknown;
}

function sign(secret: string, body: string) {
  return createHmac('sha256', secret).update(body).digest('hex');
}

async function deliver(endpoint: Endpoint, event: WebhookEvent) {
  const body = JSON.stringify(event);
  const res = await fetch(endpoint.url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-signature': sign(endpoint.secret, body) },
    body,
    signal: AbortSignal.timeout(10_000),
  });
  return { endpointId: endpoint.id, status: res.status };
}

export class WebhookDispatcher {
  constructor(private readonly prisma: PrismaClient) {}

  async dispatch(event: WebhookEvent) {
    const endpoints = await this.prisma.webhookEndpoint.findMany({ where: { events: { has: event.type } } });
    const results = [];
    for (const endpoint of endpoints) {
      const result = await deliver(endpoint, event); // expect: prefer-promise-all-in-loop
      results.push(result);
    }
    await this.prisma.webhookDelivery.createMany({ data: results.map((r) => ({ ...r, eventId: event.id })) });
    return results;
  }

  async deliverWithBackoff(endpoint: Endpoint, event: WebhookEvent) {
    for (let attempt = 1; attempt <= 5; attempt++) {
      const { status } = await deliver(endpoint, event);
      if (status < 500) return status;
      await sleep(attempt * 1000);
    }
    throw new Error(`endpoint ${endpoint.id} kept failing`);
  }

  async firstHealthy(endpoints: Endpoint[], ping: WebhookEvent) {
    for (const endpoint of endpoints) {
      const { status } = await deliver(endpoint, ping);
      if (status === 200) return endpoint;
    }
    return null;
  }

  async replay(eventIds: string[]) {
    const events = await this.prisma.webhookEvent.findMany({ where: { id: { in: eventIds } } });
    const checked = await Promise.all(
      events.map(async (e) => ({ id: e.id, exists: await this.prisma.webhookDelivery.count({ where: { eventId: e.id } }) })),
    );
    const missing = checked.filter((c) => c.exists === 0).map((c) => c.id);
    events
      .filter((e) => missing.includes(e.id))
      .forEach(async (e) => { // expect: no-misused-async-callback
        await this.dispatch(e as WebhookEvent);
      });
    return missing.length;
  }
}
