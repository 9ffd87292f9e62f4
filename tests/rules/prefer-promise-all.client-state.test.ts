import path from 'node:path';
import type { InvalidTestCase } from '@typescript-eslint/rule-tester';
import rule, { type MessageIds, type Options } from '../../src/rules/prefer-promise-all';
import { assertSuggestionsParse } from '../gather-suggestions-parse';
import { FIXTURES_DIR, ruleTester } from '../rule-tester';
import { gatheredPair } from './gathered-reports';

/**
 * Calls on one client object that another module exports (fixtures `client-state/`): a method that
 * stores state on the object (a token kept for the headers of later requests, through a method of
 * the class or a setter the class inherits from a library's client), then a method that reads it.
 * No variable links the two awaits; the object does, so the later call waits for the earlier one.
 * Two calls on the same client that change nothing on it are still gathered.
 */
const command = path.join(FIXTURES_DIR, 'client-state', 'login.ts');

// @typescript-eslint/rule-tester pins its own copy of utils; the rule is the same object at run time.
const testedRule = rule as unknown as Parameters<typeof ruleTester.run<MessageIds, Options>>[1];

type Invalid = InvalidTestCase<MessageIds, Options>;

const invalid: Invalid[] = [
  // two reads on the shared client, neither stores anything on it: gathered
  {
    filename: command,
    code: `import { accounts } from './accounts';
export async function overview() {
  const user = await accounts.currentUser();
  const teams = await accounts.listTeams();
  return { user, teams };
}`,
    options: [{ requireEvidence: false }],
    errors: [
      gatheredPair(3, 16, `import { accounts } from './accounts';
export async function overview() {
  const [user, teams] = await Promise.all([accounts.currentUser(), accounts.listTeams()]);
  return { user, teams };
}`),
    ],
  },
  // the sign-in ends a group of its own: the two reads after it are gathered
  {
    filename: command,
    code: `import { accounts } from './accounts';
export async function start(ticket: string) {
  const token = await accounts.exchangeTicket(ticket);
  const user = await accounts.currentUser();
  const teams = await accounts.listTeams();
  return { token, user, teams };
}`,
    options: [{ requireEvidence: false }],
    errors: [
      gatheredPair(4, 16, `import { accounts } from './accounts';
export async function start(ticket: string) {
  const token = await accounts.exchangeTicket(ticket);
  const [user, teams] = await Promise.all([accounts.currentUser(), accounts.listTeams()]);
  return { token, user, teams };
}`),
    ],
  },
  // the same helper not handed the client: nothing it does can change it
  {
    code: `export class LoginCommand {
  constructor(private readonly session: { client: { whoAmI(): Promise<{ id: string }> } }) {}
  async run(ticket: string) {
    const token = await requestToken({ ticket });
    const me = await this.session.client.whoAmI();
    return { token, me };
  }
}
declare function requestToken(options: object): Promise<string>;`,
    options: [{ requireEvidence: false }],
    errors: [
      gatheredPair(4, 19, `export class LoginCommand {
  constructor(private readonly session: { client: { whoAmI(): Promise<{ id: string }> } }) {}
  async run(ticket: string) {
    const [token, me] = await Promise.all([requestToken({ ticket }), this.session.client.whoAmI()]);
    return { token, me };
  }
}
declare function requestToken(options: object): Promise<string>;`),
    ],
  },
  // handed only a value read from the client (its base URL), the helper cannot change the client
  {
    code: `export class Status {
  constructor(private readonly client: { base: string; health(): Promise<string> }) {}
  async check() {
    const dns = await resolveHost(this.client.base);
    const health = await this.client.health();
    return { dns, health };
  }
}
declare function resolveHost(url: string): Promise<string>;`,
    options: [{ requireEvidence: false }],
    errors: [
      gatheredPair(4, 17, `export class Status {
  constructor(private readonly client: { base: string; health(): Promise<string> }) {}
  async check() {
    const [dns, health] = await Promise.all([resolveHost(this.client.base), this.client.health()]);
    return { dns, health };
  }
}
declare function resolveHost(url: string): Promise<string>;`),
    ],
  },
];

ruleTester.run('prefer-promise-all (state kept on a client of another module)', testedRule, {
  valid: [
    // the token the exchange stores is sent by the next request
    {
      filename: command,
      code: `import { accounts } from './accounts';
export async function whoAmI(ticket: string) {
  const token = await accounts.exchangeTicket(ticket);
  const user = await accounts.currentUser();
  return { token, user };
}`,
      options: [{ requireEvidence: false }],
    },
    // the same through the default export of a library client's subclass and its inherited setter
    {
      filename: command,
      code: `import portal from './portal';
export async function connect(code: string) {
  const token = await portal.signIn(code);
  const me = await portal.profile();
  return { token, me };
}`,
      options: [{ requireEvidence: false }],
    },
    // a helper handed the client (here inside an options object) may sign it in: the call made on
    // the client afterwards waits for it
    {
      code: `export class LoginCommand {
  constructor(private readonly session: { client: { whoAmI(): Promise<{ id: string }> } }) {}
  async run(ticket: string) {
    const token = await requestToken({ client: this.session.client, ticket });
    const me = await this.session.client.whoAmI();
    return { token, me };
  }
}
declare function requestToken(options: object): Promise<string>;`,
      options: [{ requireEvidence: false }],
    },
  ],
  invalid,
});

assertSuggestionsParse('prefer-promise-all', invalid);
