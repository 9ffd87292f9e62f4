import { readFile, writeFile, mkdir } from 'node:fs/promises';
import path from 'node:path';

const dir = process.env.BOT_DATA ?? './data/guilds';

export async function loadGuildSettings(guildId) {
  try {
    return JSON.parse(await readFile(path.join(dir, `${guildId}.json`), 'utf8'));
  } catch {
    return { prefix: '!', announcements: null };
  }
}

export async function saveGuildSettings(guildId, settings) {
  await mkdir(dir, { recursive: true });
  await writeFile(path.join(dir, `${guildId}.json`), JSON.stringify(settings, null, 2));
}
