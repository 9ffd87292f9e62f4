import { EventEmitter } from 'node:events';
import { setTimeout as delay } from 'node:timers/promises';
import { ChatClient } from './chat-client.js';
import { loadGuildSettings, saveGuildSettings } from './settings.js';

const client = new ChatClient({ token: process.env.BOT_TOKEN, intents: ['guilds', 'messages'] });
const bus = new EventEmitter();
const cooldowns = new Map();

async function reply(message, text) {
  try {
    await message.channel.send(text);
  } catch (error) {
    console.warn('could not reply in', message.channel.id, error.message);
  }
}

async function announceRelease(version, guilds) {
  const channels = [];
  for (const guild of guilds) {
    const settings = await loadGuildSettings(guild.id); // expect: prefer-promise-all-in-loop
    if (!settings.announcements) continue;
    const channel = guild.channels.get(settings.announcements);
    if (channel) channels.push(channel);
  }
  const results = await Promise.allSettled(channels.map((channel) => channel.send(`Version ${version} is out!`)));
  return results.filter((r) => r.status === 'rejected').length;
}

async function handleCommand(message, [name, ...args]) {
  switch (name) {
    case 'ping':
      return reply(message, 'pong');
    case 'prefix': {
      const settings = await loadGuildSettings(message.guildId);
      settings.prefix = args[0] ?? '!';
      await saveGuildSettings(message.guildId, settings);
      return reply(message, `prefix is now ${settings.prefix}`);
    }
    case 'countdown': {
      // One message per second, in order: the delay is the point.
      for (let n = Number(args[0] ?? 3); n > 0; n--) {
        await message.channel.send(String(n));
        await delay(1000);
      }
      return reply(message, 'go!');
    }
    case 'purge': {
      const recent = await message.channel.fetchMessages({ limit: 50 });
      recent.filter(async (m) => m.author.id === message.author.id).forEach((m) => m.delete()); // expect: no-misused-async-callback
      return reply(message, 'done');
    }
    default:
      return reply(message, `unknown command ${name}`);
  }
}

client.on('messageCreate', async (message) => {
  if (message.author.bot || !message.content.startsWith('!')) return;
  const last = cooldowns.get(message.author.id) ?? 0;
  if (Date.now() - last < 1500) return;
  cooldowns.set(message.author.id, Date.now());
  try {
    await handleCommand(message, message.content.slice(1).trim().split(/\s+/));
  } catch (error) {
    console.error('command failed', error);
    reply(message, 'something went wrong');
  }
});

client.on('ready', () => {
  console.log(`logged in as ${client.user.tag}`);
  announceRelease(process.env.BOT_VERSION, client.guilds.values()); // expect: no-floating-promises
});

bus.on('shutdown', () => client.destroy());

client.login().catch((error) => {
  console.error('login failed', error);
  process.exit(1);
});
