import type { InvalidTestCase } from '@typescript-eslint/rule-tester';
import rule, { type MessageIds, type Options } from '../../src/rules/prefer-promise-all';
import { assertSuggestionsParse } from '../gather-suggestions-parse';
import { ruleTester } from '../rule-tester';
import { gatheredPair } from './gathered-reports';

/**
 * Groups whose sequential form keeps something `Promise.all` would lose or change: a result kept
 * when a later call fails inside a `try` whose `catch` carries on.
 */

type Invalid = InvalidTestCase<MessageIds, Options>;

const invalid: Invalid[] = [
  // the catch always rethrows: nothing assigned before the failure is used afterwards
  {
    code: `
async function describe(store, name) {
  const info = {};
  try {
    info.record = await fetchRecord(name);
    info.revision = await fetchRevision(name);
  } catch (error) {
    throw new LookupError(name, error);
  }
  return info;
}`,
    options: [{ requireEvidence: false }],
    errors: [{ messageId: 'sequentialAwaits', data: { count: 2 }, line: 5, column: 19, suggestions: [] }],
  },
  // declarations inside the try end with it: a failure keeps nothing either way
  {
    code: `
async function describe(store, name) {
  try {
    const record = await fetchRecord(name);
    const revision = await fetchRevision(name);
    return { record, revision };
  } catch {
    return null;
  }
}`,
    options: [{ requireEvidence: false }],
    errors: [
      gatheredPair(4, 20, `
async function describe(store, name) {
  try {
    const [record, revision] = await Promise.all([fetchRecord(name), fetchRevision(name)]);
    return { record, revision };
  } catch {
    return null;
  }
}`),
    ],
  },
];

ruleTester.run<MessageIds, Options>('prefer-promise-all (partial results)', rule as never, {
  valid: [
    // a missing revision must not erase the record found before it: the catch carries on for a
    // "not found" and the caller tells "no record" from "no revision"
    `async function describe(name, revisionId) {
      const info = { record: undefined, revision: undefined };
      try {
        info.record = await fetchRecord(name);
        info.revision = await fetchRevision(name, revisionId);
      } catch (error) {
        if (error.status !== 404) throw error;
      }
      return info;
    }`,
    // the same with variables declared before the try
    `async function describe(name) {
      let record;
      let revision;
      try {
        record = await fetchRecord(name);
        revision = await fetchRevision(name);
      } catch (error) {
        log.warn('partial description', error);
      }
      return { record, revision };
    }`,
  ],
  invalid,
});

assertSuggestionsParse('prefer-promise-all', invalid);
