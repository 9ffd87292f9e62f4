'use strict';

const { Pool } = require('pg');

const pool = new Pool({ connectionString: process.env.CATALOG_DB });
const SEARCH_URL = process.env.SEARCH_URL || 'http://search:9200';
const PRICING_URL = process.env.PRICING_URL || 'http://pricing:8080';

async function getJson(url, init) {
  const response = await fetch(url, init);
  if (!response.ok) throw new Error(`${init?.method ?? 'GET'} ${url}: ${response.status}`);
  return response.json();
}

exports.catalogDb = {
  async bySku(sku) {
    const { rows } = await pool.query('select * from products where sku = $1', [sku]);
    return rows[0];
  },
  async featured() {
    const { rows } = await pool.query('select * from products where featured order by rank limit 12');
    return rows;
  },
  async everything() {
    const { rows } = await pool.query('select sku, name, category from products');
    return rows;
  },
};

exports.searchIndex = {
  query: (q, { limit }) => getJson(`${SEARCH_URL}/products/_search?q=${encodeURIComponent(q)}&size=${limit}`).then((r) => r.hits),
  upsert: (product) =>
    getJson(`${SEARCH_URL}/products/_doc/${product.sku}`, {
      method: 'PUT',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(product),
    }),
};

exports.priceService = {
  quote: (sku, currency) => getJson(`${PRICING_URL}/quote/${sku}?currency=${currency}`),
  quoteMany: (skus, currency) =>
    getJson(`${PRICING_URL}/quote`, { method: 'POST', body: JSON.stringify({ skus, currency }) }),
};
