import type { InvalidTestCase } from '@typescript-eslint/rule-tester';
import rule, { type MessageIds, type Options } from '../../src/rules/prefer-promise-all';
import { assertSuggestionsParse } from '../gather-suggestions-parse';
import { ruleTester } from '../rule-tester';
import { gatheredPair } from './gathered-reports';

/**
 * A measurement around a call: a read, the call, and the same read again right after
 * (`before = await count(q)`, `await importLinks(html)`, `after = await count(q)`). The first read
 * is the "before" of what the call changes; gathering it with the call would race them. The
 * members before the first read, and a group whose next statement reads something else, are
 * still reported.
 */

// @typescript-eslint/rule-tester pins its own copy of utils; the rule is the same object at run time.
const testedRule = rule as unknown as Parameters<typeof ruleTester.run<MessageIds, Options>>[1];

type Invalid = InvalidTestCase<MessageIds, Options>;

const invalid: Invalid[] = [
  // no second reading after the call: the count and the import are independent as written
  {
    code: `
export async function importAll(userId, html) {
  const existing = await prisma.link.count({ where: { ownerId: userId } });
  const result = await importLinks(userId, html);
  return { existing, result };
}`,
    errors: [
      gatheredPair(3, 20, `
export async function importAll(userId, html) {
  const [existing, result] = await Promise.all([
    prisma.link.count({ where: { ownerId: userId } }),
    importLinks(userId, html),
  ]);
  return { existing, result };
}`),
    ],
  },
  // the settings read before the measured count is still gathered with it (and only it: the import
  // and the count right after it are a measurement too)
  {
    code: `
export async function importAndCount(userId, html) {
  const settings = await prisma.settings.findUnique({ where: { userId } });
  const before = await prisma.link.count({ where: { ownerId: userId } });
  const result = await importLinks(userId, html, settings);
  const after = await prisma.link.count({ where: { ownerId: userId } });
  return { added: after - before, result };
}`,
    errors: [
      gatheredPair(3, 20, `
export async function importAndCount(userId, html) {
  const [settings, before] = await Promise.all([
    prisma.settings.findUnique({ where: { userId } }),
    prisma.link.count({ where: { ownerId: userId } }),
  ]);
  const result = await importLinks(userId, html, settings);
  const after = await prisma.link.count({ where: { ownerId: userId } });
  return { added: after - before, result };
}`),
    ],
  },
  // the same read again after reads only: nothing between them can change what it reads, so no
  // measurement; the first two reads are gathered as without the re-read
  {
    code: `
export async function profile(id, userId) {
  const user = await prisma.user.findUnique({ where: { id } });
  const posts = await prisma.post.findMany({ where: { userId } });
  const again = await prisma.user.findUnique({ where: { id } });
  return { user, posts, again };
}`,
    errors: [
      gatheredPair(3, 16, `
export async function profile(id, userId) {
  const [user, posts] = await Promise.all([
    prisma.user.findUnique({ where: { id } }),
    prisma.post.findMany({ where: { userId } }),
  ]);
  const again = await prisma.user.findUnique({ where: { id } });
  return { user, posts, again };
}`),
    ],
  },
];

ruleTester.run('prefer-promise-all (a measurement around a call)', testedRule, {
  valid: [
    // the same count before and after the import: the difference is what the import added
    `export async function importAndCount(userId, html) {
      const before = await prisma.link.count({ where: { ownerId: userId } });
      const result = await importLinks(userId, html);
      const after = await prisma.link.count({ where: { ownerId: userId } });
      return { added: after - before, result };
    }`,
    // a pacing call between requests: each request waits for its token, none is gathered
    `export async function pull(limiter, api, id) {
      await limiter.removeTokens(1);
      const issues = await api.listIssues(id);
      await limiter.removeTokens(1);
      return issues;
    }`,
  ],
  invalid,
});

assertSuggestionsParse('prefer-promise-all', invalid);
