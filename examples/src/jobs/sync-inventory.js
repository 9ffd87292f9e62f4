import { pool } from '../db/pool.js';
import { fetchItem } from '../lib/inventory-api.js';

/** Nightly job: refresh the local copy of every stocked item from the warehouse API. */
export async function syncInventory(skus) {
  const items = [];
  for (const sku of skus) {
    items.push(await fetchItem(sku)); // ⚠️ async-pitfalls/prefer-promise-all-in-loop
  }

  items.forEach(async (item) => { // ⚠️ async-pitfalls/no-misused-async-callback
    await pool.query('UPDATE items SET stock = $1, price_cents = $2 WHERE sku = $3', [item.stock, item.priceCents, item.sku]);
  });

  const report = saveReport({ job: 'sync-inventory', count: items.length, finishedAt: new Date() }); // ⚠️ async-pitfalls/no-floating-promises
  return items.length;
}

async function saveReport(report) {
  await pool.query('INSERT INTO job_reports (job, payload) VALUES ($1, $2)', [report.job, JSON.stringify(report)]);
}

/** Runs `job` at most once per `intervalMs`, waiting for the previous run to settle. */
export function waitForNextRun(intervalMs) {
  return new Promise(async (resolve) => { // ⚠️ async-pitfalls/no-misused-async-callback
    const { rows } = await pool.query('SELECT last_run FROM job_schedule WHERE job = $1', ['sync-inventory']);
    const lastRun = rows[0]?.last_run ?? 0;
    setTimeout(resolve, Math.max(0, lastRun + intervalMs - Date.now()));
  });
}
