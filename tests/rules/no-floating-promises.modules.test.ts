import path from 'node:path';
import rule, { type MessageIds, type Options } from '../../src/rules/no-floating-promises';
import { FIXTURES_DIR, ruleTester } from '../rule-tester';

// @typescript-eslint/rule-tester pins its own copy of utils; the rule is the same object at run time.
const testedRule = rule as unknown as Parameters<typeof ruleTester.run<MessageIds, Options>>[1];

/** Untyped mode reads relative modules' text for async exports: lint as a file beside the fixtures. */
const filename = path.join(FIXTURES_DIR, 'file.ts');

/** A class whose `start()` drops `run()`, which awaits `job.pending` through the helper `helper` of `./result-tuples`. */
const tupleRunner = (helper: string): string => `import { ${helper} } from './result-tuples';
export class Runner {
  start(job) {
    this.run(job);
  }
  async run(job) {
    const [error] = await ${helper}(job.pending);
    if (error) this.report(error);
  }
  report(error) {}
}`;

/**
 * A polling loop that reschedules itself from `finally`; its `catch` hands the error to the
 * emitter's listener and waits before the next round through a helper of `./pauses` (blind set
 * 11: a job-queue worker). With a delay there, the loop cannot reject.
 */
const pollingLoop = (wait: string): string => `import { EventEmitter } from 'node:events';
import { ${wait} } from './pauses';
export class Poller extends EventEmitter {
  constructor(source) {
    super();
    this.source = source;
    this.signal = new AbortController().signal;
  }
  async round() {
    try {
      const item = await this.source.next();
      if (item) this.emit('item', item);
    } catch (error) {
      this.emit('error', error);
      await ${wait}(1000, this.signal);
    } finally {
      this.round();
    }
  }
  start() {
    this.round();
    return this;
  }
}`;

ruleTester.run('no-floating-promises (untyped, across modules)', testedRule, {
  valid: [
    // sync exports, async generators, unresolvable or package modules
    { filename, code: "import { syncValue } from './promise-api';\nsyncValue();" },
    { filename, code: "import { untyped } from './promise-api';\nuntyped();" },
    { filename, code: "const { jobNames, stream } = require('./promise-jobs.cjs');\njobNames();\nstream();" },
    { filename, code: "import { saveUser } from './missing';\nsaveUser('a');" },
    { filename, code: "import { saveUser } from 'promise-api';\nsaveUser('a');" },
    // a loop that never returns, started on purpose by a worker's boot
    { filename, code: "import { drainForever } from './polling-loops';\nexport async function boot() {\n  await migrate();\n  drainForever(1000);\n}" },
    // handled
    { filename, code: "import { saveUser } from './promise-api';\nexport async function f() { await saveUser('a'); }" },
    // without a real file name nothing can be read
    { code: "import { saveUser } from './promise-api';\nsaveUser('a');" },
    // the imported helper catches every error of its body: a dropped promise of it loses nothing
    { filename, code: "import { notifyQuietly, pingQuietly } from './notify';\nexport async function f() { notifyQuietly('saved'); pingQuietly(); }" },
    { filename, code: "import * as notify from './notify';\nexport function f() { notify.notifyQuietly('saved'); }" },
    // ...also after declarations that cannot throw (`const startedAt = Date.now();`)
    { filename, code: "import { notifyTimed } from './notify';\nexport async function f() { notifyTimed('saved'); }" },
    // the imported helper is async in name only: it awaits, throws and returns nothing
    { filename, code: "import { markSeen } from './notify';\nexport function onOpen(id) { markSeen(id); }" },
    // the imported helper returns a promise whose executor never rejects: its .then cannot lose an error
    { filename, code: "import { whenIdle } from './notify';\nexport function drain(queue, report) { whenIdle(queue).then(() => report('idle')); }" },
    // a method whose only unguarded await goes to an imported helper that settles with an
    // `[error, value]` tuple (it awaits its argument inside `try` and returns the error in `catch`):
    // known by the helper's definition, whatever its name
    { filename, code: tupleRunner('settleAsTuple') },
    // a self-rescheduling loop whose `catch` waits through an imported delay: it cannot reject
    { filename, code: pollingLoop('pause') },
  ],
  invalid: [
    // ...but a loop with a way out resolves, and its caller may need to wait for it
    {
      filename,
      code: "import { drainUntilEmpty } from './polling-loops';\nexport async function boot() {\n  drainUntilEmpty();\n}",
      errors: [
        {
          messageId: 'floating',
          line: 3,
          suggestions: [
            { messageId: 'suggestAwait', output: "import { drainUntilEmpty } from './polling-loops';\nexport async function boot() {\n  await drainUntilEmpty();\n}" },
            { messageId: 'suggestVoid', output: "import { drainUntilEmpty } from './polling-loops';\nexport async function boot() {\n  void drainUntilEmpty();\n}" },
          ],
        },
      ],
    },
    // ...not when the wait in its `catch` can reject (an abort signal rejects it)
    {
      filename,
      code: pollingLoop('pauseUnlessAborted'),
      errors: [
        {
          messageId: 'floating',
          line: 17,
          column: 7,
          suggestions: [
            { messageId: 'suggestAwait', output: pollingLoop('pauseUnlessAborted').replace('      this.round();', '      await this.round();') },
            { messageId: 'suggestVoid', output: pollingLoop('pauseUnlessAborted').replace('      this.round();', '      void this.round();') },
          ],
        },
        { messageId: 'floating', line: 21, column: 5, suggestions: [{ messageId: 'suggestVoid', output: pollingLoop('pauseUnlessAborted').replace('    this.round();\n    return', '    void this.round();\n    return') }] },
      ],
    },
    // ...not when the helper rethrows what it cannot classify
    {
      filename,
      code: tupleRunner('settleKnown'),
      errors: [
        {
          messageId: 'floating',
          line: 4,
          column: 5,
          suggestions: [{ messageId: 'suggestVoid', output: tupleRunner('settleKnown').replace('    this.run(job);', '    void this.run(job);') }],
        },
      ],
    },
    {
      filename,
      code: "import { saveUser } from './promise-api.js';\nexport async function register() {\n  saveUser('a');\n}",
      errors: [
        {
          messageId: 'floating',
          line: 3,
          column: 3,
          suggestions: [
            { messageId: 'suggestAwait', output: "import { saveUser } from './promise-api.js';\nexport async function register() {\n  await saveUser('a');\n}" },
            { messageId: 'suggestVoid', output: "import { saveUser } from './promise-api.js';\nexport async function register() {\n  void saveUser('a');\n}" },
          ],
        },
      ],
    },
    // ...unless it rethrows from its handler
    {
      filename,
      code: "import { notifyLoudly } from './notify';\nexport async function f() { notifyLoudly('saved'); }",
      errors: [
        {
          messageId: 'floating',
          line: 2,
          column: 29,
          suggestions: [
            { messageId: 'suggestAwait', output: "import { notifyLoudly } from './notify';\nexport async function f() { await notifyLoudly('saved'); }" },
            { messageId: 'suggestVoid', output: "import { notifyLoudly } from './notify';\nexport async function f() { void notifyLoudly('saved'); }" },
          ],
        },
      ],
    },
    // ...nor after a statement before its try that may throw (a member read of its argument)
    {
      filename,
      code: "import { notifyNamed } from './notify';\nexport async function f() { notifyNamed({ name: 'a' }); }",
      errors: [
        {
          messageId: 'floating',
          line: 2,
          column: 29,
          suggestions: [
            { messageId: 'suggestAwait', output: "import { notifyNamed } from './notify';\nexport async function f() { await notifyNamed({ name: 'a' }); }" },
            { messageId: 'suggestVoid', output: "import { notifyNamed } from './notify';\nexport async function f() { void notifyNamed({ name: 'a' }); }" },
          ],
        },
      ],
    },
    // strict's checkCannotReject marks every promise, also one that cannot reject
    {
      filename,
      options: [{ checkCannotReject: true }],
      code: "import { notifyQuietly } from './notify';\nexport async function f() { notifyQuietly('saved'); }",
      errors: [
        {
          messageId: 'floating',
          line: 2,
          column: 29,
          suggestions: [
            { messageId: 'suggestAwait', output: "import { notifyQuietly } from './notify';\nexport async function f() { await notifyQuietly('saved'); }" },
            { messageId: 'suggestVoid', output: "import { notifyQuietly } from './notify';\nexport async function f() { void notifyQuietly('saved'); }" },
          ],
        },
      ],
    },
    {
      filename,
      code: "import * as api from './promise-api';\napi.loadLater();",
      errors: [{ messageId: 'floating', line: 2, column: 1, suggestions: [{ messageId: 'suggestVoid', output: "import * as api from './promise-api';\nvoid api.loadLater();" }] }],
    },
    {
      filename,
      code: "const jobs = require('./promise-jobs.cjs');\nconst { stopJob } = require('./promise-jobs.cjs');\njobs.runJob('a');\nstopJob();",
      errors: [
        { messageId: 'floating', line: 3, column: 1, suggestions: [{ messageId: 'suggestVoid', output: "const jobs = require('./promise-jobs.cjs');\nconst { stopJob } = require('./promise-jobs.cjs');\nvoid jobs.runJob('a');\nstopJob();" }] },
        { messageId: 'floating', line: 4, column: 1, suggestions: [{ messageId: 'suggestVoid', output: "const jobs = require('./promise-jobs.cjs');\nconst { stopJob } = require('./promise-jobs.cjs');\njobs.runJob('a');\nvoid stopJob();" }] },
      ],
    },
    {
      filename,
      code: "import { saveUser } from './promise-api';\nfunction f() {\n  const saving = saveUser('a');\n}",
      errors: [{ messageId: 'dangling', data: { name: 'saving' }, line: 3, column: 9 }],
    },
  ],
});
