const BASE_URL = process.env.INVENTORY_API ?? 'http://localhost:8080';

/** Fetches one inventory item from the warehouse API. */
export async function fetchItem(sku) {
  const response = await fetch(`${BASE_URL}/items/${encodeURIComponent(sku)}`);
  if (!response.ok) throw new Error(`inventory API answered ${response.status} for ${sku}`);
  return response.json();
}
