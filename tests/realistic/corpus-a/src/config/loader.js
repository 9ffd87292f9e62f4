import fs from 'node:fs';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import os from 'node:os';
import YAML from 'yaml';

const CONFIG_DIRS = [process.cwd(), path.join(os.homedir(), '.acme'), '/etc/acme'];

const DEFAULTS = {
  port: 8080,
  logLevel: 'info',
  database: { url: 'postgres://localhost/acme', poolSize: 10 },
};

function findConfigFile(name = 'acme.yaml') {
  for (const dir of CONFIG_DIRS) {
    const candidate = path.join(dir, name);
    if (fs.existsSync(candidate)) return candidate;
  }
  return null;
}

function applyEnv(config) {
  const merged = { ...DEFAULTS, ...config, database: { ...DEFAULTS.database, ...config.database } };
  if (process.env.PORT) merged.port = Number(process.env.PORT);
  if (process.env.LOG_LEVEL) merged.logLevel = process.env.LOG_LEVEL;
  if (process.env.DATABASE_URL) merged.database.url = process.env.DATABASE_URL;
  return Object.freeze(merged);
}

/** Used by the CLI, which needs config before anything async can run. */
export function loadConfigSync() {
  const file = findConfigFile();
  const raw = file ? YAML.parse(fs.readFileSync(file, 'utf8')) : {};
  return applyEnv(raw ?? {});
}

async function loadSecrets(file) {
  if (!file) return {};
  try {
    return JSON.parse(await fs.promises.readFile(file, 'utf8'));
  } catch (err) {
    if (err.code === 'ENOENT') return {};
    throw err;
  }
}

export async function loadConfig() {
  const file = findConfigFile(); // expect: no-blocking-in-async
  const raw = file ? YAML.parse(await readFile(file, 'utf8')) ?? {} : {};
  const secrets = await loadSecrets(raw.secretsFile);
  return applyEnv({ ...raw, ...secrets });
}

/** Re-reads the config file (debounced) whenever it changes on disk. */
export async function watchConfig(onChange) {
  const file = findConfigFile(); // expect: no-blocking-in-async
  if (!file) return () => {};
  let timer;
  const watcher = fs.watch(file, () => {
    clearTimeout(timer);
    timer = setTimeout(() => {
      try {
        onChange(applyEnv(YAML.parse(fs.readFileSync(file, 'utf8')) ?? {}));
      } catch (err) {
        console.error(`ignoring invalid config change in ${file}: ${err.message}`);
      }
    }, 100);
  });
  return () => {
    clearTimeout(timer);
    watcher.close();
  };
}
