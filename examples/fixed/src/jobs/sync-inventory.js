import { pool } from '../db/pool.js';
import { fetchItem } from '../lib/inventory-api.js';

/** Nightly job: refresh the local copy of every stocked item from the warehouse API. */
export async function syncInventory(skus) {
  // A few hundred SKUs: all requests at once is fine; for thousands, bound it with p-limit.
  const items = await Promise.all(skus.map((sku) => fetchItem(sku)));

  await Promise.all(
    items.map((item) =>
      pool.query('UPDATE items SET stock = $1, price_cents = $2 WHERE sku = $3', [item.stock, item.priceCents, item.sku]),
    ),
  );

  await saveReport({ job: 'sync-inventory', count: items.length, finishedAt: new Date() });
  return items.length;
}

async function saveReport(report) {
  await pool.query('INSERT INTO job_reports (job, payload) VALUES ($1, $2)', [report.job, JSON.stringify(report)]);
}

/** Runs `job` at most once per `intervalMs`, waiting for the previous run to settle. */
export async function waitForNextRun(intervalMs) {
  const { rows } = await pool.query('SELECT last_run FROM job_schedule WHERE job = $1', ['sync-inventory']);
  const lastRun = rows[0]?.last_run ?? 0;
  await new Promise((resolve) => setTimeout(resolve, Math.max(0, lastRun + intervalMs - Date.now())));
}
