import type { InvalidTestCase } from '@typescript-eslint/rule-tester';
import rule, { type MessageIds, type Options } from '../../src/rules/prefer-promise-all';
import { assertSuggestionsParse } from '../gather-suggestions-parse';
import { ruleTester } from '../rule-tester';
import { gatheredPair } from './gathered-reports';

/**
 * A periodic progress line: a function handed to `setInterval` that only reads a few numbers and
 * logs them. Nothing waits for a tick, so gathering its reads saves no one time. The same reads
 * in a function that answers a caller, or a timer callback that keeps or returns what it reads,
 * are still reported.
 */

// @typescript-eslint/rule-tester pins its own copy of utils; the rule is the same object at run time.
const testedRule = rule as unknown as Parameters<typeof ruleTester.run<MessageIds, Options>>[1];

type Invalid = InvalidTestCase<MessageIds, Options>;

const invalid: Invalid[] = [
  // the same reads answering a request: the caller waits for both
  {
    code: `
app.get('/progress', async (req, res) => {
  const done = await jobs.countDone();
  const total = await jobs.countAll();
  res.json({ done, total });
});`,
    errors: [
      gatheredPair(3, 16, `
app.get('/progress', async (req, res) => {
  const [done, total] = await Promise.all([jobs.countDone(), jobs.countAll()]);
  res.json({ done, total });
});`),
    ],
  },
  // a timer callback that keeps what it reads for others: not only a log line
  {
    code: `
let latest;
setInterval(async () => {
  const done = await jobs.countDone();
  const total = await jobs.countAll();
  latest = { done, total };
  console.log(done, total);
}, 5000);`,
    options: [{ requireEvidence: false }],
    errors: [
      { messageId: 'sequentialAwaits', data: { count: 2 }, line: 4, column: 16, suggestions: [] },
    ],
  },
  // a printer of the file that a route awaits and no timer runs
  {
    code: `
const printProgress = async () => {
  const done = await jobs.countDone();
  const total = await jobs.countAll();
  console.log(done + ' / ' + total);
};
app.post('/run', async (req, res) => { await printProgress(); res.end(); });`,
    errors: [
      gatheredPair(3, 16, `
const printProgress = async () => {
  const [done, total] = await Promise.all([jobs.countDone(), jobs.countAll()]);
  console.log(done + ' / ' + total);
};
app.post('/run', async (req, res) => { await printProgress(); res.end(); });`),
    ],
  },
  // a printer a timer runs and a route also awaits: that caller waits for both reads
  {
    code: `
const printProgress = async () => {
  const done = await jobs.countDone();
  const total = await jobs.countAll();
  console.log(done + ' / ' + total);
};
setInterval(printProgress, 5000);
app.post('/run', async (req, res) => { await printProgress(); res.end(); });`,
    errors: [
      gatheredPair(3, 16, `
const printProgress = async () => {
  const [done, total] = await Promise.all([jobs.countDone(), jobs.countAll()]);
  console.log(done + ' / ' + total);
};
setInterval(printProgress, 5000);
app.post('/run', async (req, res) => { await printProgress(); res.end(); });`),
    ],
  },
];

ruleTester.run('prefer-promise-all', testedRule, {
  valid: [
    // a progress printer handed to setInterval by its name (and run once at once)
    `export function watch(crawler, seconds) {
      const printProgress = async (project) => {
        const done = await project.results.count();
        const queued = await project.queue.count();
        const percent = Math.round((done / queued) * 100);
        console.log(\`progress: \${done} / \${queued} (\${percent}%)\`);
      };
      crawler.once('first-result', (project) => {
        printProgress(project);
        setInterval(printProgress, seconds * 1000, project);
      });
    }`,
    // an inline timer callback that logs two counts
    `setInterval(async () => {
      const active = await sessions.countActive();
      const waiting = await queue.countWaiting();
      logger.info('active %d, waiting %d', active, waiting);
    }, 60000);`,
  ],
  invalid,
});

assertSuggestionsParse('prefer-promise-all', invalid);
