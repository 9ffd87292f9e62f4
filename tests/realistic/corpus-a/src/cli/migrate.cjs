#!/usr/bin/env node
'use strict';

const fs = require('fs/promises');
const path = require('path');
const { Client } = require('pg');

const MIGRATIONS_DIR = path.resolve(__dirname, '../../migrations/sql');

async function ensureTable(client) {
  await client.query(`CREATE TABLE IF NOT EXISTS schema_migrations (
    name text PRIMARY KEY,
    applied_at timestamptz NOT NULL DEFAULT now()
  )`);
}

async function getApplied(client) {
  const { rows } = await client.query('SELECT name FROM schema_migrations ORDER BY name');
  return new Set(rows.map((r) => r.name));
}

async function listMigrationFiles(dir) {
  const names = await fs.readdir(dir);
  return names.filter((n) => n.endsWith('.sql')).sort();
}

async function runMigration(client, name) {
  const sql = await fs.readFile(path.join(MIGRATIONS_DIR, name), 'utf8');
  await client.query('BEGIN');
  try {
    await client.query(sql);
    await client.query('INSERT INTO schema_migrations (name) VALUES ($1)', [name]);
    await client.query('COMMIT');
  } catch (err) {
    await client.query('ROLLBACK');
    throw new Error(`migration ${name} failed: ${err.message}`, { cause: err });
  }
}

async function main() {
  const dryRun = process.argv.includes('--dry-run');
  const client = new Client({ connectionString: process.env.DATABASE_URL });
  await client.connect();
  try {
    await ensureTable(client);
    const [applied, files] = await Promise.all([getApplied(client), listMigrationFiles(MIGRATIONS_DIR)]);
    const pending = files.filter((f) => !applied.has(f));
    if (pending.length === 0) {
      console.log('database is up to date');
      return;
    }
    // Migrations must run strictly in order: each one may depend on the previous schema.
    for (const name of pending) {
      console.log(`${dryRun ? '[dry-run] would apply' : 'applying'} ${name}`);
      if (!dryRun) await runMigration(client, name);
    }
  } finally {
    await client.end();
  }
}

main().catch((err) => {
  console.error(err.message);
  process.exitCode = 1;
});
