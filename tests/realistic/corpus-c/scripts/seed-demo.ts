#!/usr/bin/env node
// Seeds a local database with demo data. Run by hand: `npm run seed`.
import { readFileSync } from 'node:fs';
import knex from 'knex';

const db = knex({ client: 'pg', connection: process.env.DATABASE_URL ?? 'postgres://localhost/demo' });

interface DemoData {
  users: Array<{ id: string; email: string }>;
  projects: Array<{ id: string; ownerId: string; name: string }>;
  tasks: Array<{ id: string; projectId: string; title: string }>;
}

async function seedTable(table: string, rows: object[]): Promise<number> {
  if (rows.length === 0) return 0;
  await db(table).insert(rows).onConflict('id').ignore();
  return rows.length;
}

async function main(): Promise<void> {
  const data: DemoData = JSON.parse(readFileSync(new URL('./demo-data.json', import.meta.url), 'utf8')); // expect-strict: no-blocking-in-async
  // Foreign keys: users before projects before tasks.
  const users = await seedTable('users', data.users);
  const projects = await seedTable('projects', data.projects);
  const tasks = await seedTable('tasks', data.tasks);
  console.log(`seeded ${users} users, ${projects} projects, ${tasks} tasks`);

  const counts = [];
  for (const table of ['users', 'projects', 'tasks']) {
    counts.push(await db(table).count({ n: '*' }).first());
  }
  console.table(counts);
}

main()
  .catch((error) => {
    console.error(error);
    process.exitCode = 1;
  })
  .finally(() => db.destroy());
