'use strict';

const Koa = require('koa');
const Router = require('@koa/router');
const zlib = require('node:zlib');
const { readFile } = require('node:fs/promises');
const { catalogDb, searchIndex, priceService } = require('./catalog-clients.cjs');

const app = new Koa();
const router = new Router();

let featured = null;

async function featuredProducts() {
  // Memoised: the first caller fills it, everyone else gets the cached array.
  if (!featured) featured = await catalogDb.featured();
  return featured;
}

app.use(async (ctx, next) => {
  const started = Date.now();
  await next();
  ctx.set('x-response-time', `${Date.now() - started}ms`);
});

router.get('/products/:sku', async (ctx) => {
  const product = await catalogDb.bySku(ctx.params.sku); // expect: prefer-promise-all
  const price = await priceService.quote(ctx.params.sku, ctx.query.currency || 'EUR');
  if (!product) ctx.throw(404, 'unknown sku');
  ctx.body = { ...product, price };
});

router.get('/home', async (ctx) => {
  const products = await featuredProducts();
  const banner = await readFile(`${__dirname}/banners/current.json`, 'utf8');
  ctx.body = { products, banner: JSON.parse(banner) };
});

router.get('/search', async (ctx) => {
  const hits = await searchIndex.query(ctx.query.q, { limit: 50 });
  const skus = hits.map((h) => h.sku);
  const prices = await priceService.quoteMany(skus, 'EUR');
  ctx.body = hits.map((h, i) => ({ ...h, price: prices[i] }));
});

router.get('/catalog.json.gz', async (ctx) => {
  const all = await catalogDb.everything();
  ctx.set('content-encoding', 'gzip');
  ctx.body = zlib.gzipSync(JSON.stringify(all), { level: 9 }); // expect: no-blocking-in-async
});

router.post('/products/:sku/reindex', async (ctx) => {
  const product = await catalogDb.bySku(ctx.params.sku);
  if (!product) ctx.throw(404);
  searchIndex.upsert(product).catch((error) => console.error('reindex failed', product.sku, error));
  ctx.status = 202;
});

app.use(router.routes());

module.exports = { app, featuredProducts };
