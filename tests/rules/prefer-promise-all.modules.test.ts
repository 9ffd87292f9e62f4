import path from 'node:path';
import type { InvalidTestCase } from '@typescript-eslint/rule-tester';
import rule, { type MessageIds, type Options } from '../../src/rules/prefer-promise-all';
import { assertSuggestionsParse } from '../gather-suggestions-parse';
import { FIXTURES_DIR, ruleTester } from '../rule-tester';

/**
 * Cases decided by what a function of a relative module does, read from that module's text
 * (`analysis/module-functions.ts`, fixtures `local-helpers.ts` and its barrel): untyped mode lints
 * these as a file beside the fixtures.
 */
const filename = path.join(FIXTURES_DIR, 'file.ts');

// @typescript-eslint/rule-tester pins its own copy of utils; the rule is the same object at run time.
const testedRule = rule as unknown as Parameters<typeof ruleTester.run<MessageIds, Options>>[1];

type Invalid = InvalidTestCase<MessageIds, Options>;

const invalid: Invalid[] = [
  // two calls of a helper whose body fetches: a real wait each
  {
    filename,
    code: `import { loadForecast } from './local-helpers';
export async function compare() {
  const north = await loadForecast('tromso');
  const south = await loadForecast('malaga');
  return [north, south];
}`,
    errors: [
      {
        messageId: 'sequentialAwaits',
        data: { count: 2 },
        line: 3,
        column: 17,
        suggestions: [
          {
            messageId: 'useGather',
            data: { count: 2 },
            output: `import { loadForecast } from './local-helpers';
export async function compare() {
  const [north, south] = await Promise.all([loadForecast('tromso'), loadForecast('malaga')]);
  return [north, south];
}`,
          },
        ],
      },
    ],
  },
  // an await of a call with type arguments (`await queryRows<Row>(sql)`) is a call, not a value
  {
    filename,
    code: `import { countOrders, loadForecast } from './local-helpers';
export async function overview(customer, city) {
  const orders = await countOrders(customer);
  const forecast = await loadForecast(city);
  return { orders, forecast };
}`,
    errors: [
      {
        messageId: 'sequentialAwaits',
        data: { count: 2 },
        line: 3,
        column: 18,
        suggestions: [
          {
            messageId: 'useGather',
            data: { count: 2 },
            output: `import { countOrders, loadForecast } from './local-helpers';
export async function overview(customer, city) {
  const [orders, forecast] = await Promise.all([countOrders(customer), loadForecast(city)]);
  return { orders, forecast };
}`,
          },
        ],
      },
    ],
  },
  // a module that cannot be read says nothing: the helper is assumed to wait, as before
  {
    filename,
    code: `import { makeBadgeLabel } from './not-there';
import { loadAccount } from './accounts';
export async function badge(id) {
  const label = await makeBadgeLabel('vip', 4);
  const account = await loadAccount(id);
  return { label, account };
}`,
    errors: [
      {
        messageId: 'sequentialAwaits',
        data: { count: 2 },
        line: 4,
        column: 17,
        suggestions: [
          {
            messageId: 'useGather',
            data: { count: 2 },
            output: `import { makeBadgeLabel } from './not-there';
import { loadAccount } from './accounts';
export async function badge(id) {
  const [label, account] = await Promise.all([makeBadgeLabel('vip', 4), loadAccount(id)]);
  return { label, account };
}`,
          },
        ],
      },
    ],
  },
];

ruleTester.run('prefer-promise-all (untyped, across modules)', testedRule, {
  valid: [
    // async in name only: the label is computed from memory, there is nothing to overlap
    {
      filename,
      code: `import { makeBadgeLabel } from './local-helpers';
import { loadAccount } from './accounts';
export async function badge(id) {
  const label = await makeBadgeLabel('vip', 4);
  const account = await loadAccount(id);
  return { label, account };
}`,
    },
    // the same helper through a barrel that re-exports it
    {
      filename,
      code: `import { makeBadgeLabel } from './local-helpers-barrel';
import { loadAccount } from './accounts';
export async function badge(id) {
  const label = await makeBadgeLabel('vip', 4);
  const account = await loadAccount(id);
  return { label, account };
}`,
    },
    // a helper that only awaits a promise its module made once (a memoised table)
    {
      filename,
      code: `import * as helpers from './local-helpers';
import { loadAccount } from './accounts';
export async function welcome(id, locale) {
  const account = await loadAccount(id);
  const greeting = await helpers.greetingFor(locale);
  return greeting + ' ' + account.name;
}`,
    },
    // a method of a class of another module, async in name only, reached through its singleton
    {
      filename,
      code: `import { Tokenizer } from './local-helpers';
import { searchIndex } from './search';
export async function search(text) {
  const words = await Tokenizer.shared().splitWords(text);
  const hits = await searchIndex(text);
  return { words, hits };
}`,
    },
  ],
  invalid,
});

assertSuggestionsParse('prefer-promise-all', invalid);
