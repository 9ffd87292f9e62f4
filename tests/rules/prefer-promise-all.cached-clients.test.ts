import path from 'node:path';
import type { InvalidTestCase } from '@typescript-eslint/rule-tester';
import rule, { type MessageIds, type Options } from '../../src/rules/prefer-promise-all';
import { assertSuggestionsParse } from '../gather-suggestions-parse';
import { FIXTURES_DIR, ruleTester } from '../rule-tester';
import { gatheredPair } from './gathered-reports';

/**
 * A client that answers lookups from its own cache first: a chat bot's package depends on
 * discord.js (`run-contexts/chat-bot`), whose managers (`guild.members`, `client.channels`)
 * return a cached object from `fetch(id)` without asking the server. Such a fetch is not worth
 * gathering with the query beside it; a fetch with options (`force: true`), a query of many, or
 * the same code outside such a package still is.
 */
const botFile = path.join(FIXTURES_DIR, 'run-contexts', 'chat-bot', 'src', 'commands', 'transfer.js');
/** Outside any package: `members.fetch` is some object's request. */
const plainFile = path.join(FIXTURES_DIR, 'file.ts');

// @typescript-eslint/rule-tester pins its own copy of utils; the rule is the same object at run time.
const testedRule = rule as unknown as Parameters<typeof ruleTester.run<MessageIds, Options>>[1];

type Invalid = InvalidTestCase<MessageIds, Options>;

const transfer = `
export async function transfer(interaction, ticket, db) {
  const owner = await interaction.guild.members.fetch(ticket.ownerId);
  const target = await db.queue.findUnique({ where: { id: ticket.queueId } });
  return { owner, target };
}`;

const invalid: Invalid[] = [
  // the same member fetch outside a package of a cache-first client: an unknown request
  {
    filename: plainFile,
    code: transfer,
    errors: [
      gatheredPair(3, 17, `
export async function transfer(interaction, ticket, db) {
  const [owner, target] = await Promise.all([
    interaction.guild.members.fetch(ticket.ownerId),
    db.queue.findUnique({ where: { id: ticket.queueId } }),
  ]);
  return { owner, target };
}`),
    ],
  },
  // forced past the cache: a request to the server
  {
    filename: botFile,
    code: `
export async function refresh(guild, userId, db) {
  const member = await guild.members.fetch({ user: userId, force: true });
  const row = await db.member.findUnique({ where: { id: userId } });
  return { member, row };
}`,
    errors: [
      gatheredPair(3, 18, `
export async function refresh(guild, userId, db) {
  const [member, row] = await Promise.all([
    guild.members.fetch({ user: userId, force: true }),
    db.member.findUnique({ where: { id: userId } }),
  ]);
  return { member, row };
}`),
    ],
  },
  // a page of messages is always fetched from the server
  {
    filename: botFile,
    code: `
export async function archive(channel, db) {
  const recent = await channel.messages.fetch({ limit: 50 });
  const settings = await db.guild.findUnique({ where: { id: channel.guildId } });
  return { recent, settings };
}`,
    errors: [
      gatheredPair(3, 18, `
export async function archive(channel, db) {
  const [recent, settings] = await Promise.all([
    channel.messages.fetch({ limit: 50 }),
    db.guild.findUnique({ where: { id: channel.guildId } }),
  ]);
  return { recent, settings };
}`),
    ],
  },
  // another service's client inside the bot: its users.fetch is no discord.js manager's
  {
    filename: botFile,
    code: `
export async function profile(interaction, github, db) {
  const account = await github.users.fetch(interaction.options.getString('login'));
  const row = await db.profile.findUnique({ where: { id: interaction.user.id } });
  return { account, row };
}`,
    errors: [
      gatheredPair(3, 19, `
export async function profile(interaction, github, db) {
  const [account, row] = await Promise.all([
    github.users.fetch(interaction.options.getString('login')),
    db.profile.findUnique({ where: { id: interaction.user.id } }),
  ]);
  return { account, row };
}`),
    ],
  },
  // a message by a stored id: the message cache is small and empty after a restart, so a request
  {
    filename: botFile,
    code: `
export async function reopen(interaction, ticket, db) {
  const opening = await interaction.channel.messages.fetch(ticket.openingMessageId);
  const notes = await db.note.findMany({ where: { ticketId: ticket.id } });
  return { opening, notes };
}`,
    errors: [
      gatheredPair(3, 19, `
export async function reopen(interaction, ticket, db) {
  const [opening, notes] = await Promise.all([
    interaction.channel.messages.fetch(ticket.openingMessageId),
    db.note.findMany({ where: { ticketId: ticket.id } }),
  ]);
  return { opening, notes };
}`),
    ],
  },
  // forced past the cache, with a handler chained on: still a request to the server
  {
    filename: botFile,
    code: `
export async function onVoice(state, db) {
  const flag = await db.guildSetting.findUnique({ where: { id: state.guild.id } });
  const member = await state.guild.members.fetch({ user: state.id, force: true }).catch(() => null);
  return { flag, member };
}`,
    errors: [
      gatheredPair(3, 16, `
export async function onVoice(state, db) {
  const [flag, member] = await Promise.all([
    db.guildSetting.findUnique({ where: { id: state.guild.id } }),
    state.guild.members.fetch({ user: state.id, force: true }).catch(() => null),
  ]);
  return { flag, member };
}`),
    ],
  },
  // two counts of the bot's database beside each other: still reported
  {
    filename: botFile,
    code: `
export async function summary(guild) {
  const open = await prisma.ticket.count({ where: { guildId: guild.id, open: true } });
  const closed = await prisma.ticket.count({ where: { guildId: guild.id, open: false } });
  return { open, closed };
}`,
    errors: [
      gatheredPair(3, 16, `
export async function summary(guild) {
  const [open, closed] = await Promise.all([
    prisma.ticket.count({ where: { guildId: guild.id, open: true } }),
    prisma.ticket.count({ where: { guildId: guild.id, open: false } }),
  ]);
  return { open, closed };
}`),
    ],
  },
  // a handler that makes a request of its own (a direct message): the chain is a request
  {
    filename: botFile,
    code: `
export async function greet(interaction, db) {
  const row = await db.profile.findUnique({ where: { id: interaction.user.id } });
  const sent = await interaction.client.users.fetch(interaction.options.getString('target')).then((user) => user.send('welcome'));
  return { row, sent };
}`,
    errors: [
      gatheredPair(3, 15, `
export async function greet(interaction, db) {
  const [row, sent] = await Promise.all([
    db.profile.findUnique({ where: { id: interaction.user.id } }),
    interaction.client.users.fetch(interaction.options.getString('target')).then((user) => user.send('welcome')),
  ]);
  return { row, sent };
}`),
    ],
  },
];

ruleTester.run('prefer-promise-all', testedRule, {
  valid: [
    // a member fetched by id through a discord.js manager: mostly answered from its cache
    { filename: botFile, code: transfer },
    // a channel by id through the client's manager, beside a count
    {
      filename: botFile,
      code: `
export async function open(client, category) {
  const parent = await client.channels.fetch(category.channelId);
  const count = await prisma.ticket.count({ where: { categoryId: category.id } });
  return { parent, count };
}`,
    },
    // a user by id through the client a command reaches (this.client.users), beside a row
    {
      filename: botFile,
      code: `
export class Whois {
  async run(interaction, db) {
    const user = await this.client.users.fetch(interaction.options.getString('id'));
    const row = await db.profile.findUnique({ where: { id: interaction.user.id } });
    return { user, row };
  }
}`,
    },
    // a member by id with a handler for a missing one chained on: still answered from the cache
    {
      filename: botFile,
      code: `
export async function onVoice(state, db) {
  const flag = await db.guildSetting.findUnique({ where: { id: state.guild.id } });
  const member = await state.guild.members.fetch(state.id).catch(() => null);
  return { flag, member };
}`,
    },
    // a handler that only reads the fetched member: still the cached fetch
    {
      filename: botFile,
      code: `
export async function onJoin(state, db) {
  const flag = await db.guildSetting.findUnique({ where: { id: state.guild.id } });
  const nick = await state.guild.members.fetch(state.id).then((member) => member.nickname);
  return { flag, nick };
}`,
    },
    // a channel by id of an event's guild, handled the same way
    {
      filename: botFile,
      code: `
export async function onLeave(state, player, db) {
  const stays = await db.guildSetting.findUnique({ where: { id: state.guild.id } });
  const channel = await state.guild.channels.fetch(player.channelId).catch(() => null);
  return { stays, channel };
}`,
    },
  ],
  invalid,
});

assertSuggestionsParse('prefer-promise-all', invalid);
