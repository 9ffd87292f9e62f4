import type { InvalidTestCase, ValidTestCase } from '@typescript-eslint/rule-tester';
import rule, { type MessageIds, type Options } from '../../src/rules/no-floating-promises';
import { ruleTester } from '../rule-tester';

/**
 * A guarded task whose `catch` records the failure: it awaits a write handed a part of the caught
 * error (`err.code`, `err.message`, in a fallback, a template or an object literal), as it may
 * hand the error itself (`await report(err)`, already counted as handling it). That write is the
 * error's handling; a failure of it is a second failure while reporting the first, not work the
 * caller of the task waits for (blind set 18: a scraper's detached re-run of its guarded step, whose
 * `catch` writes the failed status of the queue entry; judged pointless). Still reported: a `catch`
 * that awaits new work the error is not handed to (a retry, a release), also when the error only
 * decides whether to do it, and a retry handed what the error carries besides its description
 * (`err.config`, the failed request).
 */

/** A runner whose `runOnce` is guarded; `recover` is the body of its `catch`; `start` drops a run. */
const runner = (recover: string): string => `export class Runner {
  async runOnce(job) {
    try {
      await job.work();
    } catch (err) {
      console.error(err);
${recover}
    }
  }
  start(job) {
    this.runOnce(job);
  }
}`;

const valid: ValidTestCase<Options>[] = [
  // the error's code, with a fallback
  runner("      await this.store.markFailed(job.id, err.code || 'RUN_FAILED');"),
  // the error's message in the row written
  runner("      await this.store.update(job.id, { status: 'failed', reason: err.message });"),
  // the error's message in a template
  runner('      await this.audit.write(`run ${job.id} failed: ${err.message}`);'),
  // the error itself (counted before too)
  runner('      await this.store.markFailed(job.id, err);'),
].map((code) => ({ code }));

/** The dropped run (line 11) of a runner whose `catch` is `recover`, reported, with its `void` suggestion. */
function droppedRun(recover: string): InvalidTestCase<MessageIds, Options> {
  const code = runner(recover);
  const output = code.replace('    this.runOnce(job);', '    void this.runOnce(job);');
  return { code, errors: [{ messageId: 'floating', line: 11, column: 5, suggestions: [{ messageId: 'suggestVoid', output }] }] };
}

const invalid: InvalidTestCase<MessageIds, Options>[] = [
  // a retry: new work the error is not handed to
  droppedRun('      await job.work();'),
  // a release of the job's lease
  droppedRun('      await this.store.release(job.id);'),
  // the error only decides whether to reset
  droppedRun("      if (err.code === 'STALE') await this.store.reset(job.id);"),
  // a retry of the failed request, handed the request the error carries: new work, not a record
  droppedRun('      await this.client.request(err.config);'),
  // ... also a field of it
  droppedRun('      await this.client.get(err.config.url);'),
  // a value computed from the error by a call of a package is not the error's data
  droppedRun('      await this.store.markFailed(job.id, classify(err).next);'),
];

ruleTester.run<MessageIds, Options>('no-floating-promises (a catch that records the failure)', rule as never, { valid, invalid });
