#!/usr/bin/env node
'use strict';
// Applies pending SQL migrations in file-name order, each in its own transaction.

const fs = require('node:fs');
const path = require('node:path');
const { Pool } = require('pg');

const MIGRATIONS_DIR = path.join(__dirname, 'migrations');

async function ensureTable(client) {
  await client.query(`create table if not exists schema_migrations (
    name text primary key,
    applied_at timestamptz not null default now()
  )`);
}

async function applied(client) {
  const { rows } = await client.query('select name from schema_migrations');
  return new Set(rows.map((r) => r.name));
}

async function run() {
  const pool = new Pool({ connectionString: process.env.DATABASE_URL });
  const client = await pool.connect();
  try {
    // An advisory lock keeps two deploys from migrating at the same time.
    await client.query('select pg_advisory_lock(4242)');
    await ensureTable(client);
    const done = await applied(client);
    const names = fs.readdirSync(MIGRATIONS_DIR); // expect-strict: no-blocking-in-async
    const files = names.filter((f) => f.endsWith('.sql')).sort();

    for (const file of files) {
      if (done.has(file)) continue;
      const sql = fs.readFileSync(path.join(MIGRATIONS_DIR, file), 'utf8'); // expect-strict: no-blocking-in-async
      console.log(`applying ${file}`);
      await client.query('begin');
      try {
        await client.query(sql);
        await client.query('insert into schema_migrations (name) values ($1)', [file]);
        await client.query('commit');
      } catch (error) {
        await client.query('rollback');
        throw new Error(`${file}: ${error.message}`);
      }
    }
  } finally {
    await client.query('select pg_advisory_unlock(4242)').catch(() => undefined);
    client.release();
    await pool.end();
  }
}

run().then(
  () => console.log('migrations up to date'),
  (error) => {
    console.error(error);
    process.exitCode = 1;
  },
);
