import type { InvalidTestCase } from '@typescript-eslint/rule-tester';
import rule, { type MessageIds, type Options } from '../../src/rules/prefer-promise-all';
import { assertSuggestionsParse } from '../gather-suggestions-parse';
import { ruleTester } from '../rule-tester';
import { gatheredPair } from './gathered-reports';

/**
 * With `checkExpressionStatements`, a bare `await` statement joins a group. One whose call can
 * only matter by throwing is a guard, and what follows may rely on it having passed: a check by
 * name whose result is unused (`await checkSignedIn();`), or a function of this file that returns
 * nothing, only reads, and throws. A check whose result is kept, and a function that throws on
 * bad input and then writes, are members like any other call.
 */

type Invalid = InvalidTestCase<MessageIds, Options>;

const options: Options = [{ requireEvidence: false, checkExpressionStatements: true }];

const invalid: Invalid[] = [
  // a check whose result is kept is a probe: its answer is a value, not a refusal
  {
    code: `
async function f(db) {
  const healthy = await checkDatabase(db);
  const version = await fetchVersion();
  return { healthy, version };
}`,
    options,
    errors: [
      gatheredPair(3, 19, `
async function f(db) {
  const [healthy, version] = await Promise.all([checkDatabase(db), fetchVersion()]);
  return { healthy, version };
}`),
    ],
  },
  // throws on bad input, then writes: work, not a guard
  {
    code: `
async function touch(id) {
  if (!id) throw new Error('id');
  await db.items.update({ where: { id }, data: { seen: true } });
}
async function f(id) {
  await touch(id);
  const other = await fetchOther(id);
  return other;
}`,
    options,
    errors: [
      gatheredPair(7, 3, `
async function touch(id) {
  if (!id) throw new Error('id');
  await db.items.update({ where: { id }, data: { seen: true } });
}
async function f(id) {
  const [, other] = await Promise.all([touch(id), fetchOther(id)]);
  return other;
}`),
    ],
  },
];

ruleTester.run<MessageIds, Options>('prefer-promise-all (guard statements)', rule as never, {
  valid: [
    // a check awaited for its throw alone
    {
      code: `async function showProfile(api) {
        await checkSignedIn();
        const profile = await api.getProfile();
        return profile;
      }`,
      options,
    },
    // a helper of this file that reads, then throws or returns nothing
    {
      code: `async function mustOwn(user, id) {
        const doc = await api.findDocument(id);
        if (doc.owner !== user.id) throw new Error('forbidden');
      }
      async function documentBody(user, id) {
        await mustOwn(user, id);
        const body = await api.getDocumentBody(id);
        return body;
      }`,
      options,
    },
  ],
  invalid,
});

assertSuggestionsParse('prefer-promise-all', invalid);
