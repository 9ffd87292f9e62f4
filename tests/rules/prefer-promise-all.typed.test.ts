import rule, { type MessageIds, type Options } from '../../src/rules/prefer-promise-all';
import { typedRuleTester } from '../rule-tester';
import { gatheredPair } from './gathered-reports';

// With type information, an `await` of a call that returns no promise waits for nothing.
// The rule tester bundles its own copy of @typescript-eslint/utils; the cast bridges the two identical types.
typedRuleTester.run<MessageIds, Options>('prefer-promise-all (typed)', rule as never, {
  valid: [
    // a repository on one checked-out connection: its queries run in turn
    {
      code: `
import type { LockedMemberStore } from './pooled-repositories';
export class Profiles {
  constructor(private readonly members: LockedMemberStore) {}
  async page(id: string) {
    const member = await this.members.byId(id);
    const badges = await this.members.badges(id);
    return { member, badges };
  }
}`,
      filename: 'file.ts',
    },
    {
      code: `
declare function getA(): number;
declare function getB(): Promise<number>;
export async function f() {
  const a = await getA();
  const b = await getB();
  return a + b;
}`,
      filename: 'file.ts',
    },
    // a method of a class of another file (reached through a field's type) that checks its input,
    // then answers from the sessions it keeps: after the first call it waits for nothing
    {
      code: `
import { loadForecast, type SessionKeeper } from './local-helpers';
export class Panel {
  constructor(private readonly sessions: SessionKeeper) {}
  async show(user: string, city: string) {
    const session = await this.sessions.sessionFor(user);
    const forecast = await loadForecast(city);
    return { session, forecast };
  }
}`,
      filename: 'file.ts',
    },
  ],
  invalid: [
    // its neighbour method fetches every time: still gathered
    {
      code: `
import { loadForecast, type SessionKeeper } from './local-helpers';
export class Panel {
  constructor(private readonly sessions: SessionKeeper) {}
  async show(user: string, city: string) {
    const past = await this.sessions.history(user);
    const forecast = await loadForecast(city);
    return { past, forecast };
  }
}`,
      filename: 'file.ts',
      options: [{ requireEvidence: false }],
      errors: [
        gatheredPair(6, 18, `
import { loadForecast, type SessionKeeper } from './local-helpers';
export class Panel {
  constructor(private readonly sessions: SessionKeeper) {}
  async show(user: string, city: string) {
    const [past, forecast] = await Promise.all([this.sessions.history(user), loadForecast(city)]);
    return { past, forecast };
  }
}`),
      ],
    },
    // a method of another file awaits its client with the chain broken over lines
    // (`await client` / `.get(url)`): a round trip, not an await of a value at hand
    {
      code: `
import { CatalogPages } from './catalog-pages';
import { loadForecast } from './local-helpers';
export async function show(pages: CatalogPages, id: string, city: string) {
  const page = await pages.page(id);
  const forecast = await loadForecast(city);
  return { page, forecast };
}`,
      filename: 'file.ts',
      options: [{ requireEvidence: false }],
      errors: [
        gatheredPair(5, 16, `
import { CatalogPages } from './catalog-pages';
import { loadForecast } from './local-helpers';
export async function show(pages: CatalogPages, id: string, city: string) {
  const [page, forecast] = await Promise.all([pages.page(id), loadForecast(city)]);
  return { page, forecast };
}`),
      ],
    },
    // two reads through one repository whose class (in another file) queries through a pool
    {
      code: `
import type { MemberStore } from './pooled-repositories';
export class Profiles {
  constructor(private readonly members: MemberStore) {}
  async page(id: string) {
    const member = await this.members.byId(id);
    const badges = await this.members.badges(id);
    return { member, badges };
  }
}`,
      filename: 'file.ts',
      options: [{ requireEvidence: false }],
      errors: [
        gatheredPair(6, 20, `
import type { MemberStore } from './pooled-repositories';
export class Profiles {
  constructor(private readonly members: MemberStore) {}
  async page(id: string) {
    const [member, badges] = await Promise.all([this.members.byId(id), this.members.badges(id)]);
    return { member, badges };
  }
}`),
      ],
    },
    {
      code: `
declare function getA(): Promise<number>;
declare function getB(): Promise<string> | undefined;
export async function f() {
  const a = await getA();
  const b = await getB();
  return [a, b];
}`,
      filename: 'file.ts',
      options: [{ requireEvidence: false }],
      errors: [
        gatheredPair(5, 13, `
declare function getA(): Promise<number>;
declare function getB(): Promise<string> | undefined;
export async function f() {
  const [a, b] = await Promise.all([getA(), getB()]);
  return [a, b];
}`),
      ],
    },
    {
      code: `
declare function load(id: string): any;
declare function other(): Promise<void>;
export async function f() {
  const a = await load('x');
  const b = await other();
  return [a, b];
}`,
      filename: 'file.ts',
      options: [{ requireEvidence: false }],
      errors: [
        gatheredPair(5, 13, `
declare function load(id: string): any;
declare function other(): Promise<void>;
export async function f() {
  const [a, b] = await Promise.all([load('x'), other()]);
  return [a, b];
}`),
      ],
    },
  ],
});
