import { EventEmitter } from 'node:events';
import Redis from 'ioredis';

interface Notification {
  userId: string;
  channel: 'email' | 'push' | 'sms';
  title: string;
  body: string;
}

interface Preferences {
  muted: boolean;
  channels: Notification['channel'][];
  quietHours?: [number, number];
}

const PREFS_URL = process.env.PREFS_URL ?? 'http://prefs.internal';
const PUSH_URL = process.env.PUSH_URL ?? 'http://push.internal';

export class NotificationService extends EventEmitter {
  private readonly redis = new Redis(process.env.REDIS_URL);

  private async preferences(userId: string): Promise<Preferences> {
    const response = await fetch(`${PREFS_URL}/users/${userId}`);
    if (!response.ok) throw new Error(`prefs ${userId}: ${response.status}`);
    return (await response.json()) as Preferences;
  }

  private async deviceTokens(userId: string): Promise<string[]> {
    const response = await fetch(`${PUSH_URL}/users/${userId}/devices`);
    if (!response.ok) throw new Error(`devices ${userId}: ${response.status}`);
    return (await response.json()) as string[];
  }

  private async rateLimited(userId: string): Promise<boolean> {
    const count = await this.redis.incr(`notif:${userId}:${new Date().getUTCHours()}`);
    return count > 20;
  }

  async send(notification: Notification): Promise<'sent' | 'muted' | 'limited'> {
    const tokens = this.deviceTokens(notification.userId); // expect: no-late-promise-handling
    const prefs = await this.preferences(notification.userId);
    if (prefs.muted || !prefs.channels.includes(notification.channel)) return 'muted';
    if (await this.rateLimited(notification.userId)) return 'limited';
    await this.deliver(notification, await tokens);
    return 'sent';
  }

  async sendUrgent(userId: string, title: string, body: string): Promise<void> {
    const prefs = await this.preferences(userId); // expect: prefer-promise-all
    const tokens = await this.deviceTokens(userId);
    if (!prefs.muted) await this.deliver({ userId, channel: 'push', title, body }, tokens);
  }

  private async deliver(notification: Notification, tokens: string[]): Promise<void> {
    const response = await fetch(`${PUSH_URL}/send`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ tokens, title: notification.title, body: notification.body }),
    });
    if (!response.ok) throw new Error(`push: ${response.status}`);
    this.emit('delivered', notification);
  }

  broadcast(notifications: Notification[]): void {
    notifications.forEach(async (n) => { // expect: no-misused-async-callback
      await this.send(n);
    });
  }

  async broadcastAndWait(notifications: Notification[]): Promise<PromiseSettledResult<string>[]> {
    return Promise.allSettled(notifications.map(async (n) => this.send(n)));
  }
}
