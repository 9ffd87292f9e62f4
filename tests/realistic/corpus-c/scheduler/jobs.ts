import { setTimeout as sleep } from 'node:timers/promises';
import { Pool } from 'pg';
import { gzipSync } from 'node:zlib';
import { writeFile } from 'node:fs/promises';
import { notifyOps } from './ops';

const pool = new Pool({ connectionString: process.env.DATABASE_URL });

interface Schedule {
  name: string;
  everyMs: number;
  run: () => Promise<void>;
}

let stopping = false;

async function purgeExpiredSessions(): Promise<void> {
  const { rowCount } = await pool.query('delete from sessions where expires_at < now()');
  console.log(`purged ${rowCount} sessions`);
}

async function refreshMaterializedViews(): Promise<void> {
  // Views depend on each other: refresh in dependency order.
  await pool.query('refresh materialized view concurrently daily_revenue');
  await pool.query('refresh materialized view concurrently monthly_revenue');
}

async function snapshotMetrics(): Promise<void> {
  const { rows } = await pool.query('select * from metrics where ts > now() - interval \'1 hour\'');
  const packed = gzipSync(JSON.stringify(rows)); // expect: no-blocking-in-async
  await writeFile(`/var/backups/metrics-${Date.now()}.json.gz`, packed);
}

async function loop(schedule: Schedule): Promise<void> {
  while (!stopping) {
    const started = Date.now();
    try {
      await schedule.run();
    } catch (error) {
      await notifyOps(`${schedule.name} failed: ${(error as Error).message}`);
    }
    await sleep(Math.max(0, schedule.everyMs - (Date.now() - started)));
  }
}

const schedules: Schedule[] = [
  { name: 'purge-sessions', everyMs: 5 * 60_000, run: purgeExpiredSessions },
  { name: 'refresh-views', everyMs: 15 * 60_000, run: refreshMaterializedViews },
  { name: 'snapshot-metrics', everyMs: 60 * 60_000, run: snapshotMetrics },
];

export function startScheduler(): Promise<void[]> {
  return Promise.all(schedules.map((schedule) => loop(schedule)));
}

export function startHeartbeat(): NodeJS.Timeout {
  return setInterval(async () => { // expect-typed: no-misused-async-callback
    await pool.query('insert into heartbeats (service, ts) values ($1, now())', ['scheduler']);
  }, 30_000);
}

export function startLagProbe(): NodeJS.Timeout {
  return setInterval(async () => {
    try {
      const { rows } = await pool.query('select now() - pg_last_xact_replay_timestamp() as lag');
      if (rows[0]?.lag > 60) await notifyOps(`replica lag ${rows[0].lag}s`);
    } catch (error) {
      console.warn('lag probe failed', error);
    }
  }, 60_000);
}

process.once('SIGTERM', () => {
  stopping = true;
  pool.end().catch((error) => console.warn('pool did not close cleanly', error));
});
