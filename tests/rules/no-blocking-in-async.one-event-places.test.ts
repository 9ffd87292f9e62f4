import path from 'node:path';
import { FIXTURES_DIR, ruleTester } from '../rule-tester';
import { error, fsError, IN_EXPORTED, REPLACEMENT, testedRule, twin } from './no-blocking-in-async.errors';

// Code that runs while nothing else of its process waits, by where it is deployed or how it is
// started (analysis/where-it-runs.ts: `function-host`, a seed program, a command-line plugin),
// and the neighbours that stay reported.
const CONTEXTS = path.join(FIXTURES_DIR, 'run-contexts');
const IN_PER_ITEM = 'inside this async function, which .map() runs once per item, all at the same time';

ruleTester.run('no-blocking-in-async in one-event functions and seed programs', testedRule, {
  valid: [
    // a handler of a Serverless Framework service for AWS: Lambda hands each instance one event at
    // a time, so a synchronous convert step between two uploads holds up nobody else
    {
      code: `import { spawnSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
export const toGif = async (event) => {
  for (const record of event.Records) {
    const source = await download(record.key);
    writeFileSync('/tmp/in', source);
    spawnSync('/opt/ffmpeg/ffmpeg', ['-i', '/tmp/in', '/tmp/out.gif']);
    await upload(record.key + '.gif', readFileSync('/tmp/out.gif'));
  }
};`,
      filename: path.join(CONTEXTS, 'lambda-service', 'src', 'handler.ts'),
    },
    // a file written against Lambda's handler types, wherever it lies
    {
      code: `import type { Handler } from 'aws-lambda';
import { readFileSync } from 'node:fs';
export const handler: Handler = async (event) => {
  const template = readFileSync('./templates/receipt.html', 'utf8');
  return send(event.to, template.replace('{{total}}', event.total));
};`,
      filename: 'src/receipts/send-receipt.ts',
    },
    // a Netlify function (its conventional folder)
    {
      code: `import { readFileSync } from 'node:fs';
export async function handler(event) { return { statusCode: 200, body: readFileSync('./data/prices.json', 'utf8') + await stamp() }; }`,
      filename: path.join(CONTEXTS, 'service', 'netlify', 'functions', 'prices.ts'),
    },
    // a seed program that the package's `db:seed` script runs: it starts its own work and exports
    // nothing, so nothing else of its process waits
    {
      code: `import { readFileSync } from 'node:fs';
async function loadDemoData() {
  const products = JSON.parse(readFileSync('./demo/products.json', 'utf8'));
  await db.product.createMany({ data: products });
}
loadDemoData();`,
      filename: path.join(CONTEXTS, 'seeded-app', 'src', 'fixtures', 'load-demo-data.ts'),
    },
    // a plugin of a command-line tool: the `serverless` command runs its hooked steps once per command
    {
      code: `const { spawnSync } = require('node:child_process');
class SyncToBucket {
  constructor(serverless) {
    this.serverless = serverless;
    this.hooks = { 'syncToS3:sync': this.sync.bind(this) };
  }
  async sync() {
    const bucket = await this.bucketName();
    spawnSync('aws', ['s3', 'sync', 'app/', 's3://' + bucket]);
  }
}
module.exports = SyncToBucket;`,
      filename: path.join(CONTEXTS, 'service', 'plugins', 'sync-to-bucket', 'index.ts'),
      languageOptions: { parserOptions: { sourceType: 'script' } },
    },
  ],
  invalid: [
    // work a Lambda handler starts together still blocks itself
    {
      code: `import { execSync } from 'node:child_process';
export const toGif = async (event) => Promise.all(event.Records.map(async (record) => execSync('convert ' + record.key)));`,
      filename: path.join(CONTEXTS, 'lambda-service', 'src', 'handler.ts'),
      errors: [error('blockingProcess', 'child_process.execSync', REPLACEMENT.childProcess, 2, 87, [], IN_PER_ITEM)],
    },
    // a platform whose instances serve several requests at once (Azure Functions) stays reported
    {
      code: `import { execSync } from 'node:child_process';
export async function resize(event) { execSync('convert ' + event.key); await upload(event.key); }`,
      filename: path.join(CONTEXTS, 'azure-service', 'src', 'handler.ts'),
      errors: [error('blockingProcess', 'child_process.execSync', REPLACEMENT.childProcess, 2, 39, [], IN_EXPORTED)],
    },
    // a seed module that exports its seeding (demo data per sign-up, called from a route): its
    // name and place say nothing about who calls it
    {
      code: `import { readFileSync } from 'node:fs';
export async function seedWorkspace(db, workspaceId) {
  const template = JSON.parse(readFileSync('demo.json', 'utf8'));
  await db.insert({ ...template, workspaceId });
}`,
      filename: path.join(CONTEXTS, 'service', 'src', 'db', 'seed.ts'),
      errors: [
        fsError('fs.readFileSync', REPLACEMENT.readFile, 3, 31, [
          twin('readFile', `import { readFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
export async function seedWorkspace(db, workspaceId) {
  const template = JSON.parse(await readFile('demo.json', 'utf8'));
  await db.insert({ ...template, workspaceId });
}`),
        ], IN_EXPORTED),
      ],
    },
    // a module that a script runs after migrating (`start:migrate`) is the application, not the step
    {
      code: `import { execSync } from 'node:child_process';
export async function exportOrders(db) { execSync('pg_dump orders'); await db.close(); }`,
      filename: path.join(CONTEXTS, 'seeded-app', 'src', 'reports.ts'),
      errors: [error('blockingProcess', 'child_process.execSync', REPLACEMENT.childProcess, 2, 42, [], IN_EXPORTED)],
    },
    // a server's hooks keyed by events (`'message:send'`) are no command-line plugin's lifecycle:
    // each runs per message
    {
      code: `import { readFileSync } from 'node:fs';
export class ChatServer {
  constructor(io) { this.hooks = { 'message:send': (m) => this.onSend(m) }; }
  async onSend(m) { const template = readFileSync('reply.txt', 'utf8'); await this.io.emit('reply', template + m.text); }
}`,
      filename: path.join(CONTEXTS, 'service', 'src', 'chat.ts'),
      errors: [
        fsError('fs.readFileSync', REPLACEMENT.readFile, 4, 38, [
          twin('readFile', `import { readFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
export class ChatServer {
  constructor(io) { this.hooks = { 'message:send': (m) => this.onSend(m) }; }
  async onSend(m) { const template = await readFile('reply.txt', 'utf8'); await this.io.emit('reply', template + m.text); }
}`),
        ], IN_EXPORTED),
      ],
    },
    // so does the application that the package's `start` script runs beside its seed script
    {
      code: `import { execSync } from 'node:child_process';
export async function exportOrders(db) { execSync('pg_dump orders'); await db.close(); }`,
      filename: path.join(CONTEXTS, 'seeded-app', 'src', 'orders.ts'),
      errors: [error('blockingProcess', 'child_process.execSync', REPLACEMENT.childProcess, 2, 42, [], IN_EXPORTED)],
    },
  ],
});
