import type { InvalidTestCase } from '@typescript-eslint/rule-tester';
import rule, { type MessageIds, type Options } from '../../src/rules/prefer-promise-all';
import { assertSuggestionsParse } from '../gather-suggestions-parse';
import { ruleTester } from '../rule-tester';
import { gatheredPair } from './gathered-reports';

/**
 * Scheduled jobs: code a timer runs, with nobody waiting for a run, so gathering its reads saves
 * no one time. Told by a scheduling decorator on the class (`@Schedule(...)`, whose `subscribe()`
 * the framework calls), by a class decorator handed a job's timing, by a folder of jobs, or by a
 * name (`...Cron`). The same reads in a class without such evidence are reported, and so are
 * those of a method under a scheduling method decorator (`@Cron(...)`), as the reviewers' corpus
 * labels them.
 */

type Invalid = InvalidTestCase<MessageIds, Options>;

const invalid: Invalid[] = [
  // the same reads on a plain service: a caller may be waiting
  {
    code: `
export class Totals {
  async refresh() {
    const users = await this.users.count();
    const orders = await this.orders.count();
    await this.cache.set('totals', { users, orders });
  }
}`,
    options: [{ requireEvidence: false }],
    errors: [
      gatheredPair(4, 19, `
export class Totals {
  async refresh() {
    const [users, orders] = await Promise.all([this.users.count(), this.orders.count()]);
    await this.cache.set('totals', { users, orders });
  }
}`),
    ],
  },
  // a method decorator is not read, even a scheduling one: the reviewers' corpus labels a cron
  // method's independent reads worth gathering
  {
    code: `
export class Digest {
  @Cron('0 6 * * *')
  async send() {
    const subscribers = await this.subscribers.active();
    const posts = await this.posts.sinceYesterday();
    await this.mailer.sendDigest(subscribers, posts);
  }
}`,
    options: [{ requireEvidence: false }],
    errors: [
      gatheredPair(5, 25, `
export class Digest {
  @Cron('0 6 * * *')
  async send() {
    const [subscribers, posts] = await Promise.all([
      this.subscribers.active(),
      this.posts.sinceYesterday(),
    ]);
    await this.mailer.sendDigest(subscribers, posts);
  }
}`),
    ],
  },
  // a decorator with an object argument that holds no timing (a request-scoped service)
  {
    code: `
@Injectable({ scope: 'request', options: { retries: 2 } })
export class Totals {
  async refresh() {
    const users = await this.users.count();
    const orders = await this.orders.count();
    return { users, orders };
  }
}`,
    options: [{ requireEvidence: false }],
    errors: [
      gatheredPair(5, 19, `
@Injectable({ scope: 'request', options: { retries: 2 } })
export class Totals {
  async refresh() {
    const [users, orders] = await Promise.all([this.users.count(), this.orders.count()]);
    return { users, orders };
  }
}`),
    ],
  },
];

ruleTester.run<MessageIds, Options>('prefer-promise-all (scheduled jobs)', rule as never, {
  valid: [
    // a class the framework runs on an interval (its `subscribe()` is the job)
    {
      code: `@Schedule({ type: 'worker', scheduleData: { interval: 60000 } })
      export class RefreshTotals {
        async subscribe() {
          const users = await this.users.count();
          const orders = await this.orders.count();
          await this.cache.set('totals', { users, orders });
        }
      }`,
      options: [{ requireEvidence: false }],
    },
    // a decorator of any name handed a job's timing
    {
      code: `@Task({ every: { cron: '*/10 * * * *' } })
      export class SyncRates {
        async run() {
          const usd = await this.usdFeed.latest();
          const eur = await this.eurFeed.latest();
          await this.store.save({ usd, eur });
        }
      }`,
      options: [{ requireEvidence: false }],
    },
    // a module in a folder of jobs
    {
      code: `export class RefreshTotals {
        async subscribe() {
          const users = await this.users.count();
          const orders = await this.orders.count();
          await this.cache.set('totals', { users, orders });
        }
      }`,
      filename: 'app/schedule/RefreshTotals.ts',
      options: [{ requireEvidence: false }],
    },
  ],
  invalid,
});

assertSuggestionsParse('prefer-promise-all', invalid);
