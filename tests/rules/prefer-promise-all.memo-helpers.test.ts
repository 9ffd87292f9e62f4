import path from 'node:path';
import type { InvalidTestCase } from '@typescript-eslint/rule-tester';
import rule, { type MessageIds, type Options } from '../../src/rules/prefer-promise-all';
import { assertSuggestionsParse } from '../gather-suggestions-parse';
import { FIXTURES_DIR, ruleTester } from '../rule-tester';
import { gatheredPair } from './gathered-reports';

/**
 * A helper of another module whose only waits are calls of a memo of its own module (a map of
 * kept promises filled on a miss), then work in memory: after the first call per key it waits for
 * nothing, like the memo itself (`fixtures/memo-helpers/templates.ts`). A helper that also asks a
 * server, or whose loader is asked every time, still waits.
 */
const filename = path.join(FIXTURES_DIR, 'memo-helpers', 'worker.ts');

// @typescript-eslint/rule-tester pins its own copy of utils; the rule is the same object at run time.
const testedRule = rule as unknown as Parameters<typeof ruleTester.run<MessageIds, Options>>[1];

type Invalid = InvalidTestCase<MessageIds, Options>;

const invalid: Invalid[] = [
  // the loader behind the helper asks the server every time
  {
    filename,
    code: `import { fillInHosted } from './templates';
import { blockedAmong } from './audience';
export async function prepare(to: string[], values: Record<string, string>) {
  const html = await fillInHosted('welcome', values);
  const blocked = await blockedAmong(to);
  return { html, blocked };
}`,
    errors: [
      gatheredPair(4, 16, `import { fillInHosted } from './templates';
import { blockedAmong } from './audience';
export async function prepare(to: string[], values: Record<string, string>) {
  const [html, blocked] = await Promise.all([fillInHosted('welcome', values), blockedAmong(to)]);
  return { html, blocked };
}`),
    ],
  },
  // the kept template, then a request for the signature: the helper waits on the server
  {
    filename,
    code: `import { fillInSigned } from './templates';
import { blockedAmong } from './audience';
export async function prepare(to: string[], account: string) {
  const html = await fillInSigned('welcome', account);
  const blocked = await blockedAmong(to);
  return { html, blocked };
}`,
    errors: [
      gatheredPair(4, 16, `import { fillInSigned } from './templates';
import { blockedAmong } from './audience';
export async function prepare(to: string[], account: string) {
  const [html, blocked] = await Promise.all([fillInSigned('welcome', account), blockedAmong(to)]);
  return { html, blocked };
}`),
    ],
  },
  // the kept template is handed to a request the helper returns: it waits on the server
  {
    filename,
    code: `import { fillInPosted } from './templates';
import { blockedAmong } from './audience';
export async function prepare(to: string[], account: string) {
  const draft = await fillInPosted('welcome', account);
  const blocked = await blockedAmong(to);
  return { draft, blocked };
}`,
    errors: [
      gatheredPair(4, 17, `import { fillInPosted } from './templates';
import { blockedAmong } from './audience';
export async function prepare(to: string[], account: string) {
  const [draft, blocked] = await Promise.all([fillInPosted('welcome', account), blockedAmong(to)]);
  return { draft, blocked };
}`),
    ],
  },
  // the kept value is a connection pool: the query the helper returns is a request every time
  {
    filename,
    code: `import { findMember, listNotes } from './pools';
export async function profile(tenant: string, id: string) {
  const member = await findMember(tenant, id);
  const notes = await listNotes(tenant, id);
  return { member, notes };
}`,
    errors: [
      gatheredPair(3, 18, `import { findMember, listNotes } from './pools';
export async function profile(tenant: string, id: string) {
  const [member, notes] = await Promise.all([findMember(tenant, id), listNotes(tenant, id)]);
  return { member, notes };
}`),
    ],
  },
  // the same query started under a name, then returned
  {
    filename,
    code: `import { countNotes } from './pools';
import { blockedAmong } from './audience';
export async function summary(tenant: string, to: string[]) {
  const count = await countNotes(tenant, to[0]!);
  const blocked = await blockedAmong(to);
  return { count, blocked };
}`,
    errors: [
      gatheredPair(4, 17, `import { countNotes } from './pools';
import { blockedAmong } from './audience';
export async function summary(tenant: string, to: string[]) {
  const [count, blocked] = await Promise.all([countNotes(tenant, to[0]!), blockedAmong(to)]);
  return { count, blocked };
}`),
    ],
  },
];

ruleTester.run('prefer-promise-all', testedRule, {
  valid: [
    // the helper fills in a kept template: nothing to overlap with the request beside it
    {
      filename,
      code: `import { fillIn } from './templates';
import { blockedAmong } from './audience';
export async function prepare(to: string[], values: Record<string, string>) {
  const html = await fillIn('welcome', values);
  const blocked = await blockedAmong(to);
  return { html, blocked };
}`,
    },
  ],
  invalid,
});

assertSuggestionsParse('prefer-promise-all', invalid);
