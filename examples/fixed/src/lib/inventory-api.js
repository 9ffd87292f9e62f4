import { setTimeout as sleep } from 'node:timers/promises';

const BASE_URL = process.env.INVENTORY_API ?? 'http://localhost:8080';

/** Fetches one inventory item from the warehouse API, retrying server errors with backoff. */
export async function fetchItem(sku, { retries = 3 } = {}) {
  for (let attempt = 1; ; attempt += 1) {
    const response = await fetch(`${BASE_URL}/items/${encodeURIComponent(sku)}`);
    if (response.ok) return response.json();
    if (attempt >= retries || response.status < 500) {
      throw new Error(`inventory API answered ${response.status} for ${sku}`);
    }
    await sleep(100 * 2 ** attempt);
  }
}

/** Every stocked SKU, following the API's pagination cursor. */
export async function listSkus() {
  const skus = [];
  let cursor = '';
  do {
    const response = await fetch(`${BASE_URL}/items?fields=sku&cursor=${cursor}`);
    const page = await response.json();
    skus.push(...page.items.map((item) => item.sku));
    cursor = page.next ?? '';
  } while (cursor);
  return skus;
}
