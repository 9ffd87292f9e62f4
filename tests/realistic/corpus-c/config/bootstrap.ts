import { readFileSync, existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { createServer } from 'node:http';
import { fetchSecrets } from './secrets';
import { connectDatabase, connectCache } from './connections';

interface AppConfig {
  port: number;
  databaseUrl: string;
  redisUrl: string;
  features: Record<string, boolean>;
}

function readJson<T>(file: string): T {
  return JSON.parse(readFileSync(file, 'utf8'));
}

async function loadConfig(env: string): Promise<AppConfig> {
  const base = readJson<Partial<AppConfig>>(path.join('config', 'default.json')); // expect-strict: no-blocking-in-async
  const overridesFile = path.join('config', `${env}.json`);
  const overrides = existsSync(overridesFile) ? readJson<Partial<AppConfig>>(overridesFile) : {}; // expect-strict: no-blocking-in-async
  const secrets = await fetchSecrets(env);
  const features = JSON.parse(await readFile(path.join('config', 'features.json'), 'utf8'));
  return { port: 8080, ...base, ...overrides, ...secrets, features } as AppConfig;
}

async function bootstrap(): Promise<void> {
  const config = await loadConfig(process.env.NODE_ENV ?? 'development');
  // Start-up: connect one backend after the other, so a failure names the backend that failed.
  const db = await connectDatabase(config.databaseUrl);
  const cache = await connectCache(config.redisUrl);
  const server = createServer((req, res) => {
    res.setHeader('content-type', 'application/json');
    res.end(JSON.stringify({ ok: true, db: db.ready, cache: cache.ready }));
  });
  server.listen(config.port, () => console.log(`listening on ${config.port}`));
}

bootstrap().catch((error) => {
  console.error('start-up failed', error);
  process.exit(1);
});
