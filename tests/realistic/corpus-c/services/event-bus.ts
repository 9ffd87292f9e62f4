import Redis from 'ioredis';

type Payload = Record<string, unknown>;

/** Publishes domain events to Redis; handlers in other processes subscribe to them. */
export class EventBus {
  private readonly redis = new Redis(process.env.REDIS_URL);
  private readonly local = new Map<string, Array<(payload: Payload) => void>>();

  async emit(name: string, payload: Payload): Promise<void> {
    for (const handler of this.local.get(name) ?? []) handler(payload);
    await this.redis.publish(`events:${name}`, JSON.stringify({ name, payload, at: Date.now() }));
  }

  subscribeLocal(name: string, handler: (payload: Payload) => void): void {
    const list = this.local.get(name) ?? [];
    list.push(handler);
    this.local.set(name, list);
  }
}
