import type { InvalidTestCase } from '@typescript-eslint/rule-tester';
import rule, { type MessageIds, type Options } from '../../src/rules/prefer-promise-all';
import { assertSuggestionsParse } from '../gather-suggestions-parse';
import path from 'node:path';
import { FIXTURES_DIR, ruleTester } from '../rule-tester';
import { gatheredPair } from './gathered-reports';

/** Beside `embedded-store/desktop/`: a model module whose reads go to the app's NeDB wrapper (over IPC from a window). */
const screen = path.join(FIXTURES_DIR, 'embedded-store', 'desktop', 'screen.ts');

/**
 * Groups that wait on nothing worth gathering: the branch that fills a cache on a miss (it runs
 * once per cache lifetime), the bodies of responses this function already awaited, and two reads
 * of an app's embedded store through model functions that only call its wrapper (while other
 * functions of the model module use a web service or an unknown package). Groups that only look
 * like them stay reported.
 */

// @typescript-eslint/rule-tester pins its own copy of utils; the rule is the same object at run time.
const testedRule = rule as unknown as Parameters<typeof ruleTester.run<MessageIds, Options>>[1];

const invalid: Array<InvalidTestCase<MessageIds, Options>> = [
  // a branch on a missing row that does not fill any cache: it runs on every miss
  {
    code: `
async function profile(userId) {
  let row = await sessions.get(userId);
  if (!row) {
    const account = await db.account.findUnique({ where: { userId } });
    const plan = await billing.planOf(userId);
    row = { account, plan };
  }
  return row;
}`,
    errors: [
      {
        messageId: 'sequentialAwaits',
        data: { count: 2 },
        line: 5,
        column: 21,
        suggestions: [],
      },
    ],
  },
  // the tested name comes from a query, not a cache read: the branch is the ordinary path
  {
    code: `
async function ensureTeam(slug) {
  let team = await db.team.findFirst({ where: { slug } });
  if (!team) {
    const owner = await directory.lookup(slug);
    const quota = await limits.forPlan('free');
    team = await db.team.create({ data: { slug, owner, quota } });
    cache.set(slug, team);
  }
  return team;
}`,
    options: [{ requireEvidence: false }],
    errors: [
      gatheredPair(5, 19, `
async function ensureTeam(slug) {
  let team = await db.team.findFirst({ where: { slug } });
  if (!team) {
    const [owner, quota] = await Promise.all([directory.lookup(slug), limits.forPlan('free')]);
    team = await db.team.create({ data: { slug, owner, quota } });
    cache.set(slug, team);
  }
  return team;
}`),
    ],
  },
  // the body of a received response beside a new request: the request still waits on the network
  {
    code: `
async function summary(api) {
  const response = await fetch(api + '/totals');
  const totals = await response.json();
  const trend = await fetch(api + '/trend');
  return { totals, trend };
}`,
    errors: [
      gatheredPair(4, 18, `
async function summary(api) {
  const response = await fetch(api + '/totals');
  const [totals, trend] = await Promise.all([response.json(), fetch(api + '/trend')]);
  return { totals, trend };
}`),
    ],
  },
  // a store read beside a function of the same model module that asks a web service
  {
    filename: screen,
    code: `import * as workspace from './workspace';
export async function open(id: string, text: string) {
  const current = await workspace.getById(id);
  const hints = await workspace.suggest(text);
  return { current, hints };
}`,
    errors: [
      gatheredPair(3, 19, `import * as workspace from './workspace';
export async function open(id: string, text: string) {
  const [current, hints] = await Promise.all([workspace.getById(id), workspace.suggest(text)]);
  return { current, hints };
}`),
    ],
  },
  // a branch that only sets a response header: nothing is cached, it runs on every miss
  {
    code: `
async function profilePage(req, res) {
  let profile = await profiles.get(req.params.login);
  if (!profile) {
    const user = await github.users.getByUsername(req.params.login);
    const repos = await github.repos.listForUser(req.params.login);
    profile = { user, repos };
    res.set('X-Profile-Source', 'github');
  }
  res.json(profile);
}`,
    errors: [{ messageId: 'sequentialAwaits', data: { count: 2 }, line: 5, column: 18, suggestions: [] }],
  },
];

ruleTester.run('prefer-promise-all (cache misses, received bodies)', testedRule, {
  valid: [
    // statistics computed on a cache miss and kept for an hour: the pair runs once an hour
    `
async function categoryStats(categoryId) {
  let stats = await store.get('stats:' + categoryId);
  if (!stats) {
    const times = await averageTimes(categoryId);
    const rating = await averageRating(categoryId);
    stats = { times, rating };
    store.set('stats:' + categoryId, stats, 3600000);
  }
  return stats;
}`,
    // the same with a condition beside the miss test, and a local storage cache
    `
async function openingMessage(category, needsStats) {
  let cached = await localCache.getItem(category.id);
  if (needsStats && !cached) {
    const closed = await tickets.closedIn(category.id);
    const feedback = await ratings.of(category.id);
    cached = { closed, feedback };
    await localCache.setItem(category.id, cached);
  }
  return render(category, cached);
}`,
    // two bodies of responses that were both awaited already: the round trips are over
    `
async function usage(base, headers) {
  const [used, subscription] = await Promise.all([fetch(base + '/usage', { headers }), fetch(base + '/subscription', { headers })]);
  if (!used.ok || !subscription.ok) throw new Error('usage query failed');
  const usageBody = await used.json();
  const subscriptionBody = await subscription.json();
  return { usageBody, subscriptionBody };
}`,
    // two reads through model functions whose bodies only call the app's store wrapper
    {
      filename: screen,
      code: `import * as workspace from './workspace';
export async function open(id: string) {
  const current = await workspace.getById(id);
  const meta = await workspace.getMeta(id);
  return { current, meta };
}`,
    },
  ],
  invalid,
});

assertSuggestionsParse('prefer-promise-all cache-and-bodies suggestions', invalid);
