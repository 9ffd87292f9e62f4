'use strict';
/* global describe, it, before, after */
const assert = require('node:assert/strict');
const fs = require('node:fs');
const path = require('node:path');
const request = require('supertest');
const { Pool } = require('pg');

const app = require('../api/express-app').default;

const pool = new Pool({ connectionString: process.env.TEST_DATABASE_URL });
const seedSql = fs.readFileSync(path.join(__dirname, 'fixtures', 'accounts.sql'), 'utf8');

describe('accounts API', function () {
  before(async function () {
    await pool.query('truncate accounts, invoices, seats cascade');
    await pool.query(seedSql);
  });

  after(async function () {
    await pool.end();
  });

  it('returns the dashboard', async function () {
    const res = await request(app).get('/accounts/acc-1/dashboard').expect(200);
    assert.equal(res.body.account.id, 'acc-1');
    assert.equal(res.body.invoices.length, 3);
  });

  it('404s for unknown accounts', function () {
    return request(app).get('/accounts/nope/dashboard').expect(404);
  });

  it('serves terms in each locale', async function () {
    for (const lang of ['en', 'de', 'fr']) {
      const expected = fs.readFileSync(path.join(__dirname, '..', 'api', 'legal', `terms.${lang}.md`), 'utf8');
      const res = await request(app).get(`/legal/terms?lang=${lang}`).expect(200);
      assert.equal(res.text, expected);
    }
  });

  it('suspends an account', async function () {
    await request(app).post('/accounts/acc-2/suspend').expect(204);
    const { rows } = await pool.query('select suspended from accounts where id = $1', ['acc-2']);
    assert.equal(rows[0].suspended, true);
  });

  it('queues the welcome mail', async function () {
    request(app).post('/accounts/acc-1/welcome').expect(202); // expect-typed: no-floating-promises
    const { rows } = await pool.query('select count(*) as n from account_events where account_id = $1', ['acc-1']);
    assert.ok(Number(rows[0].n) >= 0);
  });
});
