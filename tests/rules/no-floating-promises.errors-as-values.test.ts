import rule, { type MessageIds, type Options } from '../../src/rules/no-floating-promises';
import { ruleTester, typedRuleTester } from '../rule-tester';

/**
 * Service methods that cannot reject, called without `await` from another class (blind16's API
 * backend, typed): a method that publishes on an in-memory pub/sub bus (graphql-subscriptions'
 * `PubSub`, made in a start-up hook rather than the constructor), and a method whose whole body is
 * a `try`/`catch` that answers with an `Either` value. Dropping either loses no error. Next to
 * each, the look-alike that can still reject: a bus that may be a networked one, and a `try` that
 * returns the unawaited promise of a read.
 */

// @typescript-eslint/rule-tester pins its own copy of utils; the rule is the same object at run time.
const testedRule = rule as unknown as Parameters<typeof typedRuleTester.run<MessageIds, Options>>[1];

const BROADCASTS = "import { Broadcasts, SwitchedBroadcasts } from './broadcasts';\n";
const ACCOUNTS = "import { Accounts } from './accounts';\n";

typedRuleTester.run('no-floating-promises (typed, services that answer with values)', testedRule, {
  valid: [
    // an injected service whose publish only hands the payload to an in-memory bus
    { filename: 'file.ts', code: `${BROADCASTS}export class Boards {\n  constructor(private readonly broadcasts: Broadcasts) {}\n  rename(id: string, title: string): void {\n    this.broadcasts.announce('board/' + id, { title });\n  }\n}` },
    // ...also once per item of a list
    { filename: 'file.ts', code: `${BROADCASTS}export class Boards {\n  constructor(private readonly broadcasts: Broadcasts) {}\n  archive(ids: string[]): void {\n    ids.forEach((id) => this.broadcasts.announce('board/' + id, { archived: true }));\n  }\n}` },
    // an injected service whose method catches every failure and answers with an Either
    { filename: 'file.ts', code: `${ACCOUNTS}export class SeenTracker {\n  constructor(private readonly accounts: Accounts) {}\n  after(id: string): void {\n    this.accounts.markSeen(id);\n  }\n}` },
  ],
  invalid: [
    // a bus that production swaps for a networked one: its publish is a round trip that can fail
    {
      filename: 'file.ts',
      code: `${BROADCASTS}export class Boards {\n  constructor(private readonly broadcasts: SwitchedBroadcasts) {}\n  rename(id: string, title: string): void {\n    this.broadcasts.announce('board/' + id, { title });\n  }\n}`,
      errors: [
        {
          messageId: 'floating',
          line: 5,
          suggestions: [
            { messageId: 'suggestVoid', output: `${BROADCASTS}export class Boards {\n  constructor(private readonly broadcasts: SwitchedBroadcasts) {}\n  rename(id: string, title: string): void {\n    void this.broadcasts.announce('board/' + id, { title });\n  }\n}` },
          ],
        },
      ],
    },
    // a read returned unawaited from inside the `try`: the `catch` never sees its rejection
    {
      filename: 'file.ts',
      code: `${ACCOUNTS}export class SeenTracker {\n  constructor(private readonly accounts: Accounts) {}\n  after(id: string): void {\n    this.accounts.lookUp(id);\n  }\n}`,
      errors: [
        {
          messageId: 'floating',
          line: 5,
          suggestions: [{ messageId: 'suggestVoid', output: `${ACCOUNTS}export class SeenTracker {\n  constructor(private readonly accounts: Accounts) {}\n  after(id: string): void {\n    void this.accounts.lookUp(id);\n  }\n}` }],
        },
      ],
    },
  ],
});

/** The same service written in the file that uses it (untyped). */
const bus = `import { PubSub } from 'graphql-subscriptions';
export class Notices {
  onModuleInit() {
    this.bus = new PubSub();
  }
  async publish(topic, payload) {
    await this.bus.publish(topic, payload);
  }
  saved(id) {
    this.publish('saved', { id });
  }
}`;

const guarded = `import * as E from 'fp-ts/Either';
async function markSeen(table, id) {
  try {
    await table.touch(id);
    return E.right(true);
  } catch (error) {
    return E.left('unknown account');
  }
}
export function seen(table, id) {
  markSeen(table, id);
}`;

ruleTester.run<MessageIds, Options>('no-floating-promises (services that answer with values)', rule as never, {
  valid: [
    { code: bus },
    // a bus made once at module level
    { code: "import { PubSub } from 'graphql-subscriptions';\nconst events = new PubSub();\nexport async function emitSaved(id) {\n  await events.publish('saved', { id });\n}\nexport function saved(id) {\n  emitSaved(id);\n}" },
    { code: guarded },
  ],
  invalid: [
    // a bus of another library, which talks to a server
    {
      code: bus.replace("import { PubSub } from 'graphql-subscriptions';", "import { PubSub } from 'graphql-remote-bus';"),
      errors: [
        {
          messageId: 'floating',
          line: 10,
          suggestions: [{ messageId: 'suggestVoid', output: bus.replace("import { PubSub } from 'graphql-subscriptions';", "import { PubSub } from 'graphql-remote-bus';").replace("    this.publish('saved'", "    void this.publish('saved'") }],
        },
      ],
    },
    // a combinator hands back what its callback returns: here the promise of a write, which the
    // catch returns unawaited
    {
      code: guarded.replace("    return E.left('unknown account');", '    return E.match(() => table.note(id), () => table.note(id))(E.left(error));'),
      errors: [
        {
          messageId: 'floating',
          line: 11,
          suggestions: [
            {
              messageId: 'suggestVoid',
              output: guarded.replace("    return E.left('unknown account');", '    return E.match(() => table.note(id), () => table.note(id))(E.left(error));').replace('  markSeen(table, id);', '  void markSeen(table, id);'),
            },
          ],
        },
      ],
    },
  ],
});
