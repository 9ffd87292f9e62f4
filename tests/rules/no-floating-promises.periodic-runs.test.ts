import type { InvalidTestCase, ValidTestCase } from '@typescript-eslint/rule-tester';
import rule, { type MessageIds, type Options } from '../../src/rules/no-floating-promises';
import { ruleTester } from '../rule-tester';
import { floatingAt } from './floating-reports';

/**
 * The first run of a periodic task: a call of a function that the same block also hands to
 * `setInterval`, to be run again the same way (blind set 18: a scraper's queue poll started at
 * once and then every few seconds, a CLI's progress printout, a bot's rotating status). Every
 * later run's promise is dropped by the timer by design; the first run is dropped the same way and
 * is no worse. Whatever the task's failures need is a change inside the task. Still reported: a
 * first run the interval does not repeat the same way (the interval handles its runs' rejections,
 * or runs another function), a task handed to a `setTimeout` once, and a first run followed by
 * other code than the interval (that code may need the first run done).
 */

/** A poller class whose `poll` may reject; `start` is the body under test. */
const poller = (start: string): string => `class Poller {
  async poll() {
    const job = await this.queue.next();
    await this.run(job);
  }
  start(ms) {
${start}
  }
}`;

/** A progress printout that may reject; `body` follows it. */
const printout = (body: string): string => `async function printProgress(project) {
  const done = await project.count();
  console.log(done);
}
function watch(project, seconds) {
${body}
}`;

const valid: ValidTestCase<Options>[] = [
  // the bound method, the timer kept on the object
  poller('    this.poll();\n    this.timer = setInterval(this.poll.bind(this), ms);'),
  // the method by reference, bound once in the constructor
  `class Poller {
  constructor(queue) {
    this.queue = queue;
    this.poll = this.poll.bind(this);
  }
  async poll() {
    await this.queue.next();
  }
  restart(ms) {
    clearInterval(this.timer);
    this.poll();
    this.timer = setInterval(this.poll, ms);
  }
}`,
  // bound, and the interval written first
  poller('    this.timer = setInterval(this.poll.bind(this), ms);\n    this.poll();'),
  // an arrow that makes the same call
  poller('    this.poll();\n    setInterval(() => this.poll(), ms);'),
  // the interval passes the same arguments
  printout('  printProgress(project);\n  const timer = setInterval(printProgress, seconds * 1000, project);'),
  // the interval only when there is more than one status to rotate
  printout('  printProgress(project);\n  if (seconds > 0) setInterval(() => printProgress(project), seconds * 1000);'),
].map((code) => ({ code }));


/** A cache's first load, refreshed every minute, then served. */
const firstLoad = `async function loadPrices() {
  cache.prices = await api.getPrices();
}
async function main() {
  loadPrices();
  setInterval(loadPrices, 60_000);
  app.get('/prices', (req, res) => res.json(cache.prices));
  await app.listen(3000);
}`;

const invalid: InvalidTestCase<MessageIds, Options>[] = [
  // the interval handles its runs' rejections: the first run is the one that loses them
  floatingAt(poller('    this.poll();\n    setInterval(() => this.poll().catch(console.error), ms);'), 7),
  // the interval repeats another function
  floatingAt(poller('    this.poll();\n    setInterval(this.flush, ms);'), 7),
  // other arguments than the interval passes
  floatingAt(printout('  printProgress(project);\n  setInterval(printProgress, seconds * 1000, other);'), 6),
  // a one-off timer is no periodic task
  floatingAt(poller('    this.poll();\n    setTimeout(this.poll, ms);'), 7),
  // the interval in another block (a callback): not the same task's schedule
  floatingAt(poller('    this.poll();\n    this.events.once("ready", () => { setInterval(this.poll, ms); });'), 7),
  // a local named `setInterval` is not the timer
  floatingAt(printout('  const setInterval = (fn) => fn;\n  printProgress(project);\n  setInterval(printProgress, 1000, project);'), 7),
  // the code after the first run needs it done (a first load, then served): awaiting it is the fix
  {
    code: firstLoad,
    errors: [
      {
        messageId: 'floating',
        line: 5,
        column: 3,
        suggestions: [
          { messageId: 'suggestAwait', output: firstLoad.replace('  loadPrices();', '  await loadPrices();') },
          { messageId: 'suggestVoid', output: firstLoad.replace('  loadPrices();', '  void loadPrices();') },
        ],
      },
    ],
  },
  // ... or may leave before the interval is set: the first run is then the only one
  floatingAt(printout('  printProgress(project);\n  if (!seconds) return;\n  setInterval(printProgress, seconds * 1000, project);'), 6),
  // a callback with braces: the rule reports its call too, so the first run is no better off than it
  {
    code: poller('    this.poll();\n    setInterval(() => { this.poll(); }, ms);'),
    errors: [
      { messageId: 'floating', line: 7, column: 5, suggestions: [{ messageId: 'suggestVoid', output: poller('    void this.poll();\n    setInterval(() => { this.poll(); }, ms);') }] },
      { messageId: 'floating', line: 8, column: 25, suggestions: [{ messageId: 'suggestVoid', output: poller('    this.poll();\n    setInterval(() => { void this.poll(); }, ms);') }] },
    ],
  },
  // the strict option reports the first run anyway
  floatingAt(poller('    this.poll();\n    setInterval(this.poll, ms);'), 7, { options: [{ checkCannotReject: true }] }),
];

ruleTester.run<MessageIds, Options>('no-floating-promises (the first run of a periodic task)', rule as never, { valid, invalid });
