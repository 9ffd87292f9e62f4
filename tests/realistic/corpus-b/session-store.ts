import type { Redis } from 'ioredis';
import { randomUUID } from 'node:crypto';

export interface Session {
  id: string;
  userId: string;
  createdAt: number;
  data: Record<string, unknown>;
}

const TTL_SECONDS = 60 * 60 * 24 * 14;

export class RedisSessionStore {
  constructor(private readonly redis: Redis, private readonly prefix = 'sess:') {}

  private key(id: string) {
    return `${this.prefix}${id}`;
  }

  async create(userId: string, data: Record<string, unknown> = {}): Promise<Session> {
    const session: Session = { id: randomUUID(), userId, createdAt: Date.now(), data };
    await this.redis
      .multi()
      .set(this.key(session.id), JSON.stringify(session), 'EX', TTL_SECONDS)
      .sadd(`user-sessions:${userId}`, session.id)
      .exec();
    return session;
  }

  async get(id: string): Promise<Session | null> {
    const raw = await this.redis.get(this.key(id));
    if (!raw) return null;
    // Sliding expiration; failures here must not break the request.
    this.redis.expire(this.key(id), TTL_SECONDS).catch(() => undefined);
    return JSON.parse(raw) as Session;
  }

  async touch(id: string) {
    const ttl = await this.redis.ttl(this.key(id));
    const exists = await this.redis.exists(this.key(id));
    return exists === 1 && ttl > 0;
  }

  async destroyAllForUser(userId: string) {
    const ids = await this.redis.smembers(`user-sessions:${userId}`);
    if (ids.length === 0) return 0;
    await this.redis.del(...ids.map((id) => this.key(id)));
    await this.redis.del(`user-sessions:${userId}`);
    return ids.length;
  }

  async rotate(oldId: string): Promise<Session | null> {
    const old = await this.get(oldId);
    if (!old) return null;
    const fresh = await this.create(old.userId, old.data);
    await this.redis.del(this.key(oldId));
    return fresh;
  }

  async countActive(userIds: string[]) {
    const pipeline = this.redis.pipeline();
    userIds.forEach((id) => pipeline.scard(`user-sessions:${id}`));
    const res = (await pipeline.exec()) ?? [];
    return res.reduce((sum, [, n]) => sum + Number(n ?? 0), 0);
  }
}
