#!/usr/bin/env node
// Seeds a development database with deterministic fake data.
import { faker } from '@faker-js/faker';
import pg from 'pg';

faker.seed(42);

const client = new pg.Client({ connectionString: process.env.DATABASE_URL ?? 'postgres://localhost/acme_dev' });
await client.connect();

async function insertReturningId(sql, params) {
  const { rows } = await client.query(`${sql} RETURNING id`, params);
  return rows[0].id;
}

try {
  await client.query('BEGIN');
  await client.query('TRUNCATE orgs, users, projects RESTART IDENTITY CASCADE');

  const orgIds = [];
  for (let i = 0; i < 5; i++) {
    orgIds.push(await insertReturningId('INSERT INTO orgs (name) VALUES ($1)', [faker.company.name()]));
  }

  const userIds = [];
  for (const orgId of orgIds) {
    for (let j = 0; j < 10; j++) {
      const email = faker.internet.email().toLowerCase();
      userIds.push(
        await insertReturningId('INSERT INTO users (org_id, email, name) VALUES ($1, $2, $3)', [
          orgId,
          email,
          faker.person.fullName(),
        ]),
      );
    }
  }

  for (const ownerId of userIds.filter((_, idx) => idx % 3 === 0)) {
    await client.query('INSERT INTO projects (owner_id, name, created_at) VALUES ($1, $2, $3)', [
      ownerId,
      faker.commerce.productName(),
      faker.date.past({ years: 2 }),
    ]);
  }

  await client.query('COMMIT');
  console.log(`seeded ${orgIds.length} orgs, ${userIds.length} users`);
} catch (err) {
  await client.query('ROLLBACK');
  console.error('seeding failed:', err);
  process.exitCode = 1;
} finally {
  await client.end();
}
