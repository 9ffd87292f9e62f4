import path from 'node:path';
import type { InvalidTestCase } from '@typescript-eslint/rule-tester';
import rule, { type MessageIds, type Options } from '../../src/rules/prefer-promise-all';
import { assertSuggestionsParse } from '../gather-suggestions-parse';
import { FIXTURES_DIR, ruleTester } from '../rule-tester';
import { gatheredPair } from './gathered-reports';

/**
 * A lookup that answers from a cache it checks first (a chat client's member cache, a collection
 * named as a cache) waits for nothing on almost every call: gathering it with another call saves
 * nothing. Read from this file's functions and from a relative module's text
 * (`fixtures/seventeen/roster.ts`). A lookup that only writes the cache, an optional input with a
 * remote fallback, and a map of fixed overrides stay real work.
 */
const command = path.join(FIXTURES_DIR, 'seventeen', 'command.ts');

// @typescript-eslint/rule-tester pins its own copy of utils; the rule is the same object at run time.
const testedRule = rule as unknown as Parameters<typeof ruleTester.run<MessageIds, Options>>[1];

const invalid: Array<InvalidTestCase<MessageIds, Options>> = [
  // a helper that fills the cache after every request never answers from it: two real requests
  {
    filename: command,
    code: `import { requestMember } from './roster';
export async function compareRoles(server, db, id) {
  const first = await requestMember(server, id);
  const second = await db.ranks.findFirst({ where: { id } });
  return first.rank - second.rank;
}`,
    errors: [
      gatheredPair(3, 17, `import { requestMember } from './roster';
export async function compareRoles(server, db, id) {
  const [first, second] = await Promise.all([
    requestMember(server, id),
    db.ranks.findFirst({ where: { id } }),
  ]);
  return first.rank - second.rank;
}`),
    ],
  },
  // a lookup whose early return is not the cached value (it returns a new default): a request each time
  {
    code: `
async function loadTeam(id) {
  if (teams.has(id)) return createEmptyTeam(id);
  return api.get('/teams/' + id);
}
async function pair(a, b) {
  const left = await loadTeam(a);
  const right = await loadTeam(b);
  return [left, right];
}`,
    errors: [gatheredPair(7, 16, `
async function loadTeam(id) {
  if (teams.has(id)) return createEmptyTeam(id);
  return api.get('/teams/' + id);
}
async function pair(a, b) {
  const [left, right] = await Promise.all([loadTeam(a), loadTeam(b)]);
  return [left, right];
}`)],
  },
  // an optional input with a remote fallback keeps nothing: each call without it is a request
  {
    code: `
async function clientFor(options, id) {
  return options.client || connectTo(id);
}
async function both(options, a, b) {
  const first = await clientFor(options, a);
  const second = await clientFor(options, b);
  return [first, second];
}`,
    options: [{ requireEvidence: false }],
    errors: [gatheredPair(6, 17, `
async function clientFor(options, id) {
  return options.client || connectTo(id);
}
async function both(options, a, b) {
  const [first, second] = await Promise.all([clientFor(options, a), clientFor(options, b)]);
  return [first, second];
}`)],
  },
  // a map of fixed overrides asked before a request is no cache: a key without an override is fetched every time
  {
    code: `
async function priceOf(sku) {
  if (overrides.has(sku)) return overrides.get(sku);
  return pricing.quote(sku);
}
async function basket(a, b) {
  const left = await priceOf(a);
  const right = await priceOf(b);
  return left + right;
}`,
    options: [{ requireEvidence: false }],
    errors: [gatheredPair(7, 16, `
async function priceOf(sku) {
  if (overrides.has(sku)) return overrides.get(sku);
  return pricing.quote(sku);
}
async function basket(a, b) {
  const [left, right] = await Promise.all([priceOf(a), priceOf(b)]);
  return left + right;
}`)],
  },
];

ruleTester.run('prefer-promise-all (cache-first lookups)', testedRule, {
  valid: [
    // the moderator (the post's member, else a request) and the target, looked up through a member
    // cache of another module: only one of them can wait
    {
      filename: command,
      code: `import { authorOf, findMember } from './roster';
export async function kick(post, server, target) {
  const moderator = await authorOf(post);
  const member = await findMember(server, target);
  if (!moderator || !member) return;
  return { moderator, member };
}`,
    },
    // a database read beside a cache-first member lookup: only the read waits
    {
      filename: command,
      code: `import { findMember } from './roster';
export async function alerts(db, server, userId) {
  const rows = await db.alerts.findMany({ where: { userId } });
  const member = await findMember(server, userId);
  return { rows, member };
}`,
    },
    // the same shapes in this file: an input check that returns nothing, a counted cache hit, the
    // returned lookup with a fallback
    `
async function channelOf(guild, value) {
  const id = parseId(value);
  if (!id) return null;
  if (guild.channels.cache.has(id)) {
    hits += 1;
    return guild.channels.cache.get(id) ?? null;
  }
  return guild.channels.fetch(id);
}
async function route(guild, from, to) {
  const source = await channelOf(guild, from);
  const target = await channelOf(guild, to);
  return [source, target];
}`,
  ],
  invalid,
});

assertSuggestionsParse('prefer-promise-all cache-first suggestions', invalid);
