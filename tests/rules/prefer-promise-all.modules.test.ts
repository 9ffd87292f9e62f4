import path from 'node:path';
import type { InvalidTestCase } from '@typescript-eslint/rule-tester';
import rule, { type MessageIds, type Options } from '../../src/rules/prefer-promise-all';
import { assertSuggestionsParse } from '../gather-suggestions-parse';
import { FIXTURES_DIR, ruleTester } from '../rule-tester';
import { gatheredPair } from './gathered-reports';

/**
 * Cases decided by what a function of a relative module does, read from that module's text
 * (`analysis/module-functions.ts`, fixtures `local-helpers.ts` and its barrel): untyped mode lints
 * these as a file beside the fixtures.
 */
const filename = path.join(FIXTURES_DIR, 'file.ts');
/** Beside the memoised derivations of `fixtures/derived/` (JavaScript modules). */
const derivedFilename = path.join(FIXTURES_DIR, 'derived', 'file.js');
/** Beside the CommonJS helpers of `fixtures/commonjs/` (`exports.name = async (...) => ...`). */
const commonjsFilename = path.join(FIXTURES_DIR, 'commonjs', 'file.js');

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
      gatheredPair(3, 17, `import { loadForecast } from './local-helpers';
export async function compare() {
  const [north, south] = await Promise.all([loadForecast('tromso'), loadForecast('malaga')]);
  return [north, south];
}`),
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
      gatheredPair(3, 18, `import { countOrders, loadForecast } from './local-helpers';
export async function overview(customer, city) {
  const [orders, forecast] = await Promise.all([countOrders(customer), loadForecast(city)]);
  return { orders, forecast };
}`),
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
    options: [{ requireEvidence: false }],
    errors: [
      gatheredPair(4, 17, `import { makeBadgeLabel } from './not-there';
import { loadAccount } from './accounts';
export async function badge(id) {
  const [label, account] = await Promise.all([makeBadgeLabel('vip', 4), loadAccount(id)]);
  return { label, account };
}`),
    ],
  },
  // a function of another module that records something on the spec, beside a call not handed it
  {
    filename,
    code: `import { loadForecast, describeRelease } from './local-helpers';
export async function ship(spec, city) {
  const described = await describeRelease(spec);
  const forecast = await loadForecast(city);
  return { described, forecast };
}`,
    errors: [
      gatheredPair(3, 21, `import { loadForecast, describeRelease } from './local-helpers';
export async function ship(spec, city) {
  const [described, forecast] = await Promise.all([describeRelease(spec), loadForecast(city)]);
  return { described, forecast };
}`),
    ],
  },
  // memoised derivations: a class whose module reaches the network is still real work
  {
    filename: derivedFilename,
    code: `import { LiveDelays } from './live-delays.js';
import { loadForecast } from '../local-helpers';
export async function board(line, city, context) {
  const delays = await LiveDelays.request({ line }, context);
  const forecast = await loadForecast(city);
  return { delays, forecast };
}`,
    errors: [
      gatheredPair(4, 18, `import { LiveDelays } from './live-delays.js';
import { loadForecast } from '../local-helpers';
export async function board(line, city, context) {
  const [delays, forecast] = await Promise.all([
    LiveDelays.request({ line }, context),
    loadForecast(city),
  ]);
  return { delays, forecast };
}`),
    ],
  },
  // a class that declares the called method itself: the factory's cache is not the one asked
  {
    filename: derivedFilename,
    code: `import { StopNames } from './stop-names.js';
import { loadForecast } from '../local-helpers';
export async function board(stops, city) {
  const names = await StopNames.request(stops);
  const forecast = await loadForecast(city);
  return { names, forecast };
}`,
    errors: [
      gatheredPair(4, 17, `import { StopNames } from './stop-names.js';
import { loadForecast } from '../local-helpers';
export async function board(stops, city) {
  const [names, forecast] = await Promise.all([StopNames.request(stops), loadForecast(city)]);
  return { names, forecast };
}`),
    ],
  },
  // a helper of another module that checks its input and then fetches every time keeps nothing:
  // its neighbour that keeps what it loaded is not a reason to stay quiet
  {
    filename,
    code: `import { fetchBoard, loadForecast } from './local-helpers';
export async function wall(id, city) {
  const board = await fetchBoard(id);
  const forecast = await loadForecast(city);
  return { board, forecast };
}`,
    errors: [
      gatheredPair(3, 17, `import { fetchBoard, loadForecast } from './local-helpers';
export async function wall(id, city) {
  const [board, forecast] = await Promise.all([fetchBoard(id), loadForecast(city)]);
  return { board, forecast };
}`),
    ],
  },
  // a CommonJS helper (`exports.name = async (...) => ...`) that loads every time
  {
    filename: commonjsFilename,
    code: `const shelves = require('./shelves');
async function overview(a, b) {
  const first = await shelves.listBooks(a);
  const second = await shelves.listBooks(b);
  return [first, second];
}`,
    errors: [
      gatheredPair(3, 17, `const shelves = require('./shelves');
async function overview(a, b) {
  const [first, second] = await Promise.all([shelves.listBooks(a), shelves.listBooks(b)]);
  return [first, second];
}`),
    ],
  },
  // the same helper of this file when what it awaits fetches every time: a real wait
  {
    filename,
    code: `import { fetchBoard, loadForecast } from './local-helpers';
class Tile {
  constructor(board, size) { this.board = board; this.size = size; }
}
async function tileFor(id) {
  const board = await fetchBoard(id);
  return new Tile(board, 2);
}
export async function wall(id, city) {
  const tile = await Promise.resolve(tileFor(id));
  const forecast = await loadForecast(city);
  return { tile, forecast };
}`,
    errors: [gatheredPair(10, 16, `import { fetchBoard, loadForecast } from './local-helpers';
class Tile {
  constructor(board, size) { this.board = board; this.size = size; }
}
async function tileFor(id) {
  const board = await fetchBoard(id);
  return new Tile(board, 2);
}
export async function wall(id, city) {
  const [tile, forecast] = await Promise.all([Promise.resolve(tileFor(id)), loadForecast(city)]);
  return { tile, forecast };
}`)],
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
    // a function of another module records something on the object it is handed: the next call
    // handed the same object may read what it stored
    {
      filename,
      code: `import { rankRelease, describeRelease } from './local-helpers';
export async function ship(spec) {
  const described = await describeRelease(spec);
  const rank = await rankRelease(spec);
  return { described, rank };
}`,
    },
    // a caching fetcher of another module (fills a field of the object it is handed when missing,
    // and returns it): usually filled by an earlier step, nothing worth overlapping
    {
      filename,
      code: `import { loadForecast, releaseNotes } from './local-helpers';
export async function page(spec, city) {
  const notes = await releaseNotes(spec);
  const forecast = await loadForecast(city);
  return { notes, forecast };
}`,
    },
    {
      filename,
      code: `import { loadForecast, releaseChecksum } from './local-helpers';
export async function page(spec, city) {
  const forecast = await loadForecast(city);
  const checksum = await releaseChecksum(spec);
  return { checksum, forecast };
}`,
    },
    // memoised derivations of data in memory (a class wrapped by a caching factory that adds
    // `request`): each is computed once per input on the one thread, nothing to overlap
    {
      filename: derivedFilename,
      code: `import { RoutePlan } from './route-plan.js';
import { FareTable } from './fare-table.js';
export async function journey(input, context) {
  const plan = await RoutePlan.request(input, context);
  const fares = await FareTable.request(input, context);
  return plan.map((leg) => ({ ...leg, fare: fares.get(leg.stop.zone) }));
}`,
    },
    // the same requests through a helper of this file that is handed the derivation
    {
      filename: derivedFilename,
      code: `import { RoutePlan } from './route-plan.js';
import { FareTable } from './fare-table.js';
export async function journey(input, context) {
  const requestQuietly = (Derived, value) => Derived.request(value, context).catch(() => undefined);
  const plan = await requestQuietly(RoutePlan, input);
  const fares = await requestQuietly(FareTable, input);
  return { plan, fares };
}`,
    },
    // a helper of another module that checks its input, then answers from what it keeps (a map
    // of loaded boards; a module variable, checked one `if` deeper): after the first call it
    // waits for nothing
    {
      filename,
      code: `import { loadForecast, openBoard } from './local-helpers';
export async function wall(id, city) {
  const board = await openBoard(id);
  const forecast = await loadForecast(city);
  return { board, forecast };
}`,
    },
    {
      filename,
      code: `import * as helpers from './local-helpers';
export async function about(city) {
  const forecast = await helpers.loadForecast(city);
  const version = await helpers.currentRate();
  return { forecast, version };
}`,
    },
    // a helper of this file that awaits only such a memo of another module and returns an object
    // of a class of this file (no thenable), adopted through Promise.resolve: nothing to overlap
    {
      filename,
      code: `import { loadForecast, openBoard } from './local-helpers';
class Tile {
  constructor(board, size) { this.board = board; this.size = size; }
}
async function tileFor(id) {
  const board = await openBoard(id);
  return new Tile(board, 2);
}
export async function wall(id, city) {
  const tile = await Promise.resolve(tileFor(id));
  const forecast = await loadForecast(city);
  return { tile, forecast };
}`,
    },
    // the same through a CommonJS module (`exports.openShelf = async (id) => ...`) loaded with require()
    {
      filename: commonjsFilename,
      code: `const shelves = require('./shelves');
async function overview(id) {
  const shelf = await shelves.openShelf(id);
  const books = await shelves.listBooks(id);
  return { shelf, books };
}`,
    },
  ],
  invalid,
});

assertSuggestionsParse('prefer-promise-all', invalid);
