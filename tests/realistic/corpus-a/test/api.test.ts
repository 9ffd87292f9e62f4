import { describe, it, before, after, beforeEach } from 'node:test';
import assert from 'node:assert/strict';
import request from 'supertest';
import { buildApp } from '../src/app';
import { migrate, truncateAll, pool } from './helpers/db';

describe('accounts API', () => {
  let app: Awaited<ReturnType<typeof buildApp>>;

  before(async () => {
    await migrate();
    app = await buildApp({ logger: false });
    await app.ready();
  });

  after(async () => {
    await app.close();
    await pool.end();
  });

  beforeEach(async () => {
    await truncateAll();
  });

  it('signs up, logs in and reads the profile', async () => {
    const agent = request.agent(app.server);
    const signup = await agent.post('/signup').send({ email: 'a@example.com', password: 'correct horse battery' });
    assert.equal(signup.status, 201);

    const login = await agent.post('/login').send({ email: 'a@example.com', password: 'correct horse battery' });
    const me = await agent.get('/me');
    assert.equal(login.status, 200);
    assert.equal(me.body.email, 'a@example.com');
  });

  it('keeps items in creation order', async () => {
    for (const name of ['alpha', 'beta', 'gamma']) {
      const res = await request(app.server).post('/items').send({ name });
      assert.equal(res.status, 201);
    }
    const list = await request(app.server).get('/items');
    assert.deepEqual(
      list.body.map((i: { name: string }) => i.name),
      ['alpha', 'beta', 'gamma'],
    );
  });

  it('returns 404 for unknown items', async () => {
    const res = await request(app.server).get('/items/00000000-0000-0000-0000-000000000000');
    assert.equal(res.status, 404);
  });

  it('handles concurrent updates with optimistic locking', async () => {
    const created = await request(app.server).post('/items').send({ name: 'race' });
    const { id, version } = created.body;
    const results = await Promise.all([
      request(app.server).patch(`/items/${id}`).send({ name: 'one', version }),
      request(app.server).patch(`/items/${id}`).send({ name: 'two', version }),
    ]);
    const statuses = results.map((r) => r.status).sort();
    assert.deepEqual(statuses, [200, 409]);
  });
});
