import path from 'node:path';
import type { InvalidTestCase, ValidTestCase } from '@typescript-eslint/rule-tester';
import rule, { type MessageIds, type Options } from '../../src/rules/no-floating-promises';
import { FIXTURES_DIR, ruleTester } from '../rule-tester';

/**
 * A poll step that re-runs itself: `const step = async () => { await pause(ms); try { ... } catch
 * (e) { fail(e) } step() }`, started once inside a `new Promise` executor. The pause is a timer of
 * another module exported as the module itself (`module.exports = ms => new Promise(...)`, called
 * through a whole `require`) or as its default export (`export default (ms) => ...`): it only
 * waits and resolves. Every error of the work is caught, and the re-run has the step's own answer
 * (the summary assumes it cannot reject while deciding it), so neither dropped step loses an error.
 * A pause that may reject (aborted through a signal) keeps both reported.
 */

const FILE = path.join(FIXTURES_DIR, 'run-contexts', 'polling-helper', 'lib', 'until.js');

/** A helper that polls `probe` every `gap` ms until it answers, waiting with `pause` from `importLine`. */
function poller(importLine: string, wait: string): string {
  return `${importLine}

module.exports = (probe, gap = 100) => {
  let settled = false

  const step = async (resolve, reject) => {
    if (settled) return
    await ${wait}
    try {
      const answer = await probe()
      if (answer) {
        settled = true
        return resolve(answer)
      }
      step(resolve, reject)
    } catch (problem) {
      settled = true
      reject(problem)
    }
  }

  return new Promise((resolve, reject) => {
    step(resolve, reject)
  })
}`;
}

const WHOLE_REQUIRE = poller("const pause = require('./pause')", 'pause(gap)');
const DEFAULT_IMPORT = poller("import pause from './nap'", 'pause(gap)');
const ABORTABLE = poller("const pause = require('./abortable-pause')", 'pause(gap, signal)');

const valid: ValidTestCase<Options>[] = [
  // the pause is the module itself, required whole: it only resolves
  { code: WHOLE_REQUIRE, filename: FILE },
  // the pause is a module's default export
  { code: DEFAULT_IMPORT, filename: FILE },
];

const invalid: InvalidTestCase<MessageIds, Options>[] = [
  // a pause that may reject (aborted): the re-run and the first step may both reject
  {
    code: ABORTABLE,
    filename: FILE,
    errors: [
      { messageId: 'floating', line: 15, column: 7, suggestions: [
        { messageId: 'suggestAwait', output: ABORTABLE.replace('      step(resolve, reject)\n    } catch', '      await step(resolve, reject)\n    } catch') },
        { messageId: 'suggestVoid', output: ABORTABLE.replace('      step(resolve, reject)\n    } catch', '      void step(resolve, reject)\n    } catch') },
      ] },
      { messageId: 'floating', line: 23, column: 5, suggestions: [
        { messageId: 'suggestVoid', output: ABORTABLE.replace('    step(resolve, reject)\n  })', '    void step(resolve, reject)\n  })') },
      ] },
    ],
  },
];

// @typescript-eslint/rule-tester pins its own copy of utils; the rule is the same object at run time.
const testedRule = rule as unknown as Parameters<typeof ruleTester.run<MessageIds, Options>>[1];

ruleTester.run('no-floating-promises (a poll step that re-runs itself after a timer)', testedRule, { valid, invalid });
