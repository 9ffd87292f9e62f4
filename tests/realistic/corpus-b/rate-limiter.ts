import type { Redis } from 'ioredis';
import { setTimeout as sleep } from 'node:timers/promises';

const SLIDING_WINDOW_LUA = `
local key = KEYS[1]
local now = tonumber(ARGV[1])
local window = tonumber(ARGV[2])
local limit = tonumber(ARGV[3])
redis.call('ZREMRANGEBYSCORE', key, 0, now - window)
local count = redis.call('ZCARD', key)
if count < limit then
  redis.call('ZADD', key, now, now .. '-' .. math.random())
  redis.call('PEXPIRE', key, window)
  return 1
end
return 0`;

export class SlidingWindowLimiter {
  constructor(
    private readonly redis: Redis,
    private readonly limit: number,
    private readonly windowMs: number,
  ) {}

  async tryAcquire(key: string): Promise<boolean> {
    const ok = await this.redis.eval(SLIDING_WINDOW_LUA, 1, `rl:${key}`, Date.now(), this.windowMs, this.limit);
    return ok === 1;
  }

  async acquire(key: string, maxWaitMs = 5000): Promise<void> {
    const deadline = Date.now() + maxWaitMs;
    while (Date.now() < deadline) {
      if (await this.tryAcquire(key)) return;
      await sleep(50);
    }
    throw new Error(`rate limit wait exceeded for ${key}`);
  }

  async usage(keys: string[]) {
    const now = Date.now();
    const pipeline = this.redis.pipeline();
    for (const key of keys) {
      pipeline.zcount(`rl:${key}`, now - this.windowMs, now);
    }
    const res = await pipeline.exec();
    return keys.map((k, i) => ({ key: k, used: Number(res?.[i]?.[1] ?? 0) }));
  }
}

// Calls an API at most `perSecond` times per second, in submission order.
export async function paced<T, R>(items: T[], perSecond: number, fn: (item: T) => Promise<R>) {
  const gap = 1000 / perSecond;
  const out: R[] = [];
  for (const item of items) {
    const started = Date.now();
    out.push(await fn(item));
    const elapsed = Date.now() - started;
    if (elapsed < gap) await sleep(gap - elapsed);
  }
  return out;
}
