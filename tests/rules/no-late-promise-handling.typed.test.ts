import rule, { type MessageIds, type Options } from '../../src/rules/no-late-promise-handling';
import { typedRuleTester } from '../rule-tester';

// @typescript-eslint/rule-tester pins its own copy of utils; the rule is the same object at run time.
const testedRule = rule as unknown as Parameters<typeof typedRuleTester.run<MessageIds, Options>>[1];

const DECLARATIONS = `
declare function fetchOrders(id: string): Promise<string[]>;
declare function fetchUser(id: string): Promise<{ name: string }>;
declare function readCount(): number;
declare function untyped(): any;
interface QueryBuilder<T> { where(x: string): QueryBuilder<T>; then<R>(ok: (value: T) => R, fail?: (error: unknown) => R): Promise<R>; }
declare function query(table: string): QueryBuilder<string[]>;
`;

typedRuleTester.run<MessageIds, Options>('no-late-promise-handling (typed)', testedRule, {
  valid: [
    // a value that is no promise: awaiting it later is harmless
    {
      filename: 'file.ts',
      code: `${DECLARATIONS}export async function f(id: string) { const count = readCount(); const user = await fetchUser(id); await count; return user; }`,
    },
    // a lazy thenable (a query builder) runs only when awaited: it cannot reject before
    {
      filename: 'file.ts',
      code: `${DECLARATIONS}export async function f(id: string) { const rows = query('orders').where(id); const user = await fetchUser(id); return [user, await rows]; }`,
    },
    // an await of a value that is no promise resumes before Node looks for unhandled rejections
    {
      filename: 'file.ts',
      code: `${DECLARATIONS}export async function f(id: string) { const orders = fetchOrders(id); const n = await readCount(); return [n, await orders]; }`,
    },
    // an event turned into a promise that only resolves, by an async helper of another module
    // (the checker finds its declaration), with a handler chained on that does not throw
    {
      filename: 'file.ts',
      code: `import { nextValueOf } from './local-helpers';
export async function pick(picker: { onDidAccept: (l: (v: void) => void) => { dispose(): void }; selected: string }, load: () => Promise<string[]>) {
  const accepted = nextValueOf<void>(picker.onDidAccept).then(() => picker.selected);
  const items = await load();
  return [items, await accepted];
}`,
    },
    // handled before the other await
    {
      filename: 'file.ts',
      code: `${DECLARATIONS}export async function f(id: string) { const orders = fetchOrders(id); orders.catch(() => {}); const user = await fetchUser(id); return [user, await orders]; }`,
    },
  ],
  invalid: [
    // the checker says Promise: no need for the later handling to show it
    {
      filename: 'file.ts',
      code: `${DECLARATIONS}export async function f(id: string) {
  const orders = fetchOrders(id);
  const user = await fetchUser(id);
  track(orders, user);
}
declare function track(...values: unknown[]): void;`,
      errors: [
        {
          messageId: 'lateHandling',
          data: { name: 'orders', line: 10, handledLine: 11 },
          line: 9,
          column: 18,
          suggestions: [
            {
              messageId: 'suggestCatch',
              data: { name: 'orders' },
              output: `${DECLARATIONS}export async function f(id: string) {
  const orders = fetchOrders(id);
  orders.catch(() => {});
  const user = await fetchUser(id);
  track(orders, user);
}
declare function track(...values: unknown[]): void;`,
            },
          ],
        },
      ],
    },
    // \`any\` says nothing: the later await shows it is a promise
    {
      filename: 'file.ts',
      code: `${DECLARATIONS}export async function f(id: string) {
  const data = untyped();
  const user = await fetchUser(id);
  return [user, await data];
}`,
      errors: [
        {
          messageId: 'lateHandling',
          data: { name: 'data', line: 10, handledLine: 11 },
          line: 9,
          column: 16,
          suggestions: [
            {
              messageId: 'suggestCatch',
              data: { name: 'data' },
              output: `${DECLARATIONS}export async function f(id: string) {
  const data = untyped();
  data.catch(() => {});
  const user = await fetchUser(id);
  return [user, await data];
}`,
            },
          ],
        },
      ],
    },
    // arrays typed Promise<T>[] awaited one by one
    {
      filename: 'file.ts',
      code: `${DECLARATIONS}export async function f(ids: string[]) {
  const pending = ids.map((id) => fetchOrders(id));
  for (const p of pending) console.log(await p);
}`,
      errors: [
        {
          messageId: 'oneByOne',
          data: { name: 'pending', line: 10 },
          line: 9,
          column: 19,
          suggestions: [
            {
              messageId: 'suggestAll',
              data: { name: 'pending' },
              output: `${DECLARATIONS}export async function f(ids: string[]) {
  const pending = ids.map((id) => fetchOrders(id));
  await Promise.all(pending);
  for (const p of pending) console.log(await p);
}`,
            },
          ],
        },
      ],
    },
  ],
});
