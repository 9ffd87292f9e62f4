import { test, describe, before, after, beforeEach } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { createServer } from '../src/server.js';
import { resetDb, seedOrders } from './helpers/db.js';

const fixture = JSON.parse(readFileSync(new URL('./fixtures/orders.json', import.meta.url), 'utf8'));

describe('orders API', () => {
  let server;
  let baseUrl;

  before(async () => {
    server = createServer();
    await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
    baseUrl = `http://127.0.0.1:${server.address().port}`;
  });

  after(() => new Promise((resolve) => server.close(resolve)));

  beforeEach(async () => {
    await resetDb();
    await seedOrders(fixture);
  });

  test('lists orders', async () => {
    const res = await fetch(`${baseUrl}/orders`);
    assert.equal(res.status, 200);
    const body = await res.json();
    assert.equal(body.length, fixture.length);
  });

  test('creates then fetches an order', async () => {
    const created = await fetch(`${baseUrl}/orders`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ items: [{ sku: 'SKU-1', qty: 2 }] }),
    });
    const { id } = await created.json();
    const res = await fetch(`${baseUrl}/orders/${id}`);
    assert.equal(res.status, 200);
    assert.deepEqual((await res.json()).items, [{ sku: 'SKU-1', qty: 2 }]);
  });

  test('rejects invalid payloads', async (t) => {
    for (const payload of [{}, { items: [] }, { items: [{ sku: '' }] }]) {
      await t.test(JSON.stringify(payload), async () => {
        const res = await fetch(`${baseUrl}/orders`, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify(payload),
        });
        assert.equal(res.status, 400);
      });
    }
  });

  test('concurrent order creation gets unique numbers', async () => {
    const responses = await Promise.all(
      Array.from({ length: 5 }, () =>
        fetch(`${baseUrl}/orders`, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({ items: [{ sku: 'SKU-2', qty: 1 }] }),
        }),
      ),
    );
    const numbers = await Promise.all(responses.map((r) => r.json().then((b) => b.number)));
    assert.equal(new Set(numbers).size, 5);
  });
});
