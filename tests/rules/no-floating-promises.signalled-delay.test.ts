import path from 'node:path';
import type { InvalidTestCase, ValidTestCase } from '@typescript-eslint/rule-tester';
import rule, { type MessageIds, type Options } from '../../src/rules/no-floating-promises';
import { FIXTURES_DIR, ruleTester } from '../rule-tester';

/**
 * A delay of another module that takes an optional abort signal (`sleep(ms, signal)`, whose body
 * returns a plain timer promise when no signal is given: `signalledDelayExports`): awaited without
 * the signal, it only waits and resolves. A listener loop that restarts itself from its `finally`
 * after such a back-off, with every error of its work caught and logged, cannot reject: its
 * restarts, dropped on purpose, lose nothing. Handed the signal, the delay may reject (aborted),
 * and the loop's promise with it.
 */

const FILE = path.join(FIXTURES_DIR, 'run-contexts', 'restarting-listener', 'src', 'pool.ts');

/** A pool that (re)starts its stream listener after a back-off that is or is not handed the signal. */
function restartingPool(backoff: string): string {
  return `import sleep from './sleep';

export class Pool {
  constructor(client) {
    this.client = client;
    this.subscribers = {};
  }

  async listen(attempt = 0) {
    if (attempt > 0) {
      this.client.log.info('retrying');
      await ${backoff};
    }
    try {
      for await (const event of this.client.stream()) this.dispatch(event);
    } catch (error) {
      this.client.log.error(String(error));
    } finally {
      if (Object.keys(this.subscribers).length > 0) {
        this.listen(attempt + 1);
      }
    }
  }

  dispatch(event) {
    this.subscribers[event.key]?.(event);
  }
}`;
}

const valid: ValidTestCase<Options>[] = [
  // the back-off is a plain timer: the restart cannot reject
  { code: restartingPool('sleep(attempt * 100)'), filename: FILE },
];

const invalid: InvalidTestCase<MessageIds, Options>[] = [
  // handed the abort signal, the back-off may reject, and the restarted listener with it
  {
    code: restartingPool('sleep(attempt * 100, this.signal)'),
    filename: FILE,
    errors: [
      {
        messageId: 'floating',
        line: 20,
        column: 9,
        suggestions: [
          { messageId: 'suggestAwait', output: restartingPool('sleep(attempt * 100, this.signal)').replace('        this.listen(attempt + 1);', '        await this.listen(attempt + 1);') },
          { messageId: 'suggestVoid', output: restartingPool('sleep(attempt * 100, this.signal)').replace('        this.listen(attempt + 1);', '        void this.listen(attempt + 1);') },
        ],
      },
    ],
  },
];

// @typescript-eslint/rule-tester pins its own copy of utils; the rule is the same object at run time.
const testedRule = rule as unknown as Parameters<typeof ruleTester.run<MessageIds, Options>>[1];

ruleTester.run('no-floating-promises (a delay that takes an optional abort signal)', testedRule, { valid, invalid });
