'use strict';

const Redis = require('ioredis');
const { EventEmitter } = require('events');

class Cache extends EventEmitter {
  constructor(url, { ttl = 300, prefix = 'c:' } = {}) {
    super();
    this.redis = new Redis(url, { lazyConnect: false, maxRetriesPerRequest: 2 });
    this.ttl = ttl;
    this.prefix = prefix;
    this.inflight = new Map();
  }

  key(k) {
    return this.prefix + k;
  }

  async get(k) {
    const raw = await this.redis.get(this.key(k));
    return raw == null ? undefined : JSON.parse(raw);
  }

  async set(k, value, ttl = this.ttl) {
    await this.redis.set(this.key(k), JSON.stringify(value), 'EX', ttl);
  }

  // Single-flight: concurrent misses for the same key share one loader call.
  async wrap(k, loader, ttl) {
    const hit = await this.get(k);
    if (hit !== undefined) return hit;
    if (this.inflight.has(k)) return this.inflight.get(k);
    const p = loader()
      .then(async (value) => {
        await this.set(k, value, ttl);
        return value;
      })
      .finally(() => this.inflight.delete(k));
    this.inflight.set(k, p);
    return p;
  }

  // Stale-while-revalidate: serve the old value and refresh in the background.
  async getOrRefresh(k, loader, ttl = this.ttl) {
    const entry = await this.get(k);
    if (entry && entry.expiresAt > Date.now()) return entry.value;
    if (entry) {
      void this.refresh(k, loader, ttl);
      return entry.value;
    }
    return this.refresh(k, loader, ttl);
  }

  async refresh(k, loader, ttl) {
    try {
      const value = await loader();
      await this.set(k, { value, expiresAt: Date.now() + ttl * 1000 }, ttl * 2);
      return value;
    } catch (err) {
      this.emit('error', err);
      throw err;
    }
  }

  invalidate(k) {
    this.redis.del(this.key(k)).then(() => this.emit('invalidated', k)); // expect: no-floating-promises
  }

  invalidateMany(keys) {
    return Promise.all(keys.map((k) => this.redis.del(this.key(k))));
  }

  warm(entries) {
    for (const [k, v] of entries) {
      this.set(k, v).catch((err) => this.emit('error', err));
    }
  }

  close() {
    this.redis.quit(); // expect-typed: no-floating-promises
  }
}

module.exports = { Cache };
