import type { Request, Response, NextFunction } from 'express';
import Redis from 'ioredis';

const redis = new Redis(process.env.REDIS_URL);

interface LimitOptions {
  windowSeconds: number;
  max: number;
  keyOf?: (req: Request) => string;
}

/**
 * Fixed-window limiter. The increment must come before the expiry (the key must exist), and
 * the expiry is set only by the request that created the window.
 */
export function rateLimit({ windowSeconds, max, keyOf = (req) => req.headers['x-forwarded-for'] ?? 'anon' }: LimitOptions) {
  return (req: Request, res: Response, next: NextFunction): void => {
    const key = `rl:${keyOf(req)}:${Math.floor(Date.now() / 1000 / windowSeconds)}`;
    hit(key, windowSeconds)
      .then((count) => {
        res.set('x-ratelimit-remaining', String(Math.max(0, max - count)));
        if (count > max) res.status(429).send({ error: 'too many requests' });
        else next();
      })
      .catch(next);
  };
}

async function hit(key: string, windowSeconds: number): Promise<number> {
  const count = await redis.incr(key);
  if (count === 1) await redis.expire(key, windowSeconds);
  return count;
}

/** Two-level limit: the per-user window is only consulted when the global one allows. */
export async function allowExport(userId: string): Promise<boolean> {
  const global = await hit('export:global', 60);
  if (global > 500) return false;
  const perUser = await hit(`export:${userId}`, 3600);
  return perUser <= 10;
}

export async function resetLimits(keys: string[]): Promise<number> {
  if (keys.length === 0) return 0;
  return redis.del(...keys);
}

export async function limiterStatus(userId: string) {
  const windowKey = Math.floor(Date.now() / 1000 / 3600);
  const raw = await redis.get(`export:${userId}:${windowKey}`);
  const used = Number(raw ?? 0);
  return { used, remaining: Math.max(0, 10 - used) };
}
