import { Pool } from 'pg';

const pool = new Pool({ connectionString: process.env.DATABASE_URL });

interface Entry<T> {
  value: T;
  expires: number;
}

/**
 * In-memory cache with single flight: concurrent misses for one key share one load, and the
 * load's rejection is handled by whoever awaits it (every caller gets the same promise).
 */
export class SingleFlightCache<T> {
  private readonly values = new Map<string, Entry<T>>();
  private readonly inflight = new Map<string, Promise<T>>();

  constructor(private readonly ttlMs: number) {}

  get(key: string, load: () => Promise<T>): Promise<T> {
    const hit = this.values.get(key);
    if (hit && hit.expires > Date.now()) return Promise.resolve(hit.value);
    const pending = this.inflight.get(key);
    if (pending) return pending;
    const started = load()
      .then((value) => {
        this.values.set(key, { value, expires: Date.now() + this.ttlMs });
        return value;
      })
      .finally(() => this.inflight.delete(key));
    this.inflight.set(key, started);
    return started;
  }

  invalidate(key: string): void {
    this.values.delete(key);
  }
}

const plans = new SingleFlightCache<Array<{ id: string; cents: number }>>(5 * 60_000);
const flags = new SingleFlightCache<Record<string, boolean>>(30_000);

export async function pricingPage(orgId: string) {
  // Both values are served from memory almost always: nothing worth overlapping.
  const planList = await plans.get('all', async () => (await pool.query('select id, cents from plans')).rows);
  const featureFlags = await flags.get(orgId, async () => (await pool.query('select flags from orgs where id = $1', [orgId])).rows[0]?.flags ?? {});
  return { plans: planList, showAnnual: featureFlags['annual-billing'] === true };
}

export async function changePlan(orgId: string, planId: string): Promise<void> {
  await pool.query('update orgs set plan_id = $2 where id = $1', [orgId, planId]);
  flags.invalidate(orgId);
}
