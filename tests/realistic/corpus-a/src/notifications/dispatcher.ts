export type Channel = 'email' | 'sms' | 'push';

export interface Notification {
  userId: string;
  channel: Channel;
  title: string;
  body: string;
}

export interface RedisLike {
  rpush(key: string, value: string): Promise<number>;
  llen(key: string): Promise<number>;
}

export interface PreferenceStore {
  isEnabled(userId: string, channel: Channel): Promise<boolean>;
}

class OutboxQueue {
  constructor(private readonly redis: RedisLike, private readonly key = 'notifications:outbox') {}

  async publish(n: Notification): Promise<void> {
    await this.redis.rpush(this.key, JSON.stringify({ ...n, enqueuedAt: Date.now() }));
  }

  async size(): Promise<number> {
    return this.redis.llen(this.key);
  }
}

async function logAudit(event: string, data: unknown): Promise<void> {
  await fetch(process.env.AUDIT_URL ?? 'http://audit.internal/events', {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ event, data, at: new Date().toISOString() }),
  });
}

export class Dispatcher {
  private readonly outbox: OutboxQueue;
  private readonly pending = new Set<Promise<void>>();

  constructor(redis: RedisLike, private readonly prefs: PreferenceStore) {
    this.outbox = new OutboxQueue(redis);
  }

  async notify(n: Notification): Promise<boolean> {
    const allowed = await this.prefs.isEnabled(n.userId, n.channel);
    if (!allowed) {
      logAudit('notification.suppressed', { userId: n.userId, channel: n.channel }); // expect: no-floating-promises
      return false;
    }
    this.outbox.publish(n); // expect-typed: no-floating-promises
    return true;
  }

  async broadcast(userIds: string[], title: string, body: string): Promise<number> {
    const sent = await Promise.all(userIds.map((userId) => this.notify({ userId, channel: 'push', title, body })));
    return sent.filter(Boolean).length;
  }

  async pingWebhook(url: string): Promise<void> {
    fetch(url, { method: 'POST', body: '{}' }); // expect: no-floating-promises
  }

  scheduleReminder(userId: string, delayMs: number): void {
    const timer = setTimeout(() => {
      void this.notify({ userId, channel: 'email', title: 'Reminder', body: 'You have unfinished tasks.' });
    }, delayMs);
    timer.unref();
  }

  track(n: Notification): void {
    const p = this.outbox.publish(n);
    this.pending.add(p);
    p.catch(() => undefined).then(() => this.pending.delete(p));
  }

  queueSize(): Promise<number> {
    return this.outbox.size();
  }

  async flush(): Promise<void> {
    await Promise.allSettled([...this.pending]);
  }
}
