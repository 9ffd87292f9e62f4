import path from 'node:path';
import type { InvalidTestCase, ValidTestCase } from '@typescript-eslint/rule-tester';
import rule, { type MessageIds, type Options } from '../../src/rules/no-floating-promises';
import { FIXTURES_DIR, ruleTester } from '../rule-tester';

/**
 * The entry-named module a package's start script runs (`"start": "node dist/index.js"` for
 * `src/index.ts`), exporting nothing: its top level is the program's start, and a rejection there ends the program
 * with the error printed, as a failed start should. Also inside a top-level `try` whose `catch`
 * only logs or exits: had it caught the rejection, the program would have ended all the same.
 * Still reported: the same start in another module of the package (a module a start script runs
 * that is not named like an entry: see `no-floating-promises.effects.test.ts`), in a start module that exports
 * something (others import it), and in a `try` whose `catch` recovers (starts something else).
 */

const BOT = path.join(FIXTURES_DIR, 'run-contexts', 'started-bot', 'src');
const ENTRY = path.join(BOT, 'index.ts');
const HELPER = path.join(BOT, 'boot.ts');
// a package whose `main` is the module, with no start script: others may load it
const MAIN_ONLY = path.join(FIXTURES_DIR, 'run-contexts', 'main-only-bot', 'src', 'index.ts');
// a server's start module (the package depends on express)
const SERVER = path.join(FIXTURES_DIR, 'run-contexts', 'started-server', 'src', 'server.ts');

const PLAIN = `import { startShards } from './shards';

const log = console;
startShards(log);
`;

function guarded(handler: string, tail = ''): string {
  return `import { startShards } from './shards';

const log = console;
try {
  log.info('starting');
  startShards(log);
} catch (error) {
${handler}
}
${tail}`;
}

const LOGS = guarded("  log.error('start failed', error);");
const EXITS = guarded("  console.error(error);\n  process.exit(1);");
const RECOVERS = guarded("  log.error('start failed', error);\n  startShards({ info() {} });");

/** Work started after the program's start: its rejection later ends a program that is running. */
const AFTER_LISTEN = `import { createApp } from './app';
import { startShards } from './shards';

const app = createApp();
app.listen(3000);
startShards(console);
`;
const AFTER_START = `import { startShards } from './shards';

startShards(console);
startShards({ info() {} });
`;
/** A bot that logs in, then starts a job of its own: the login (no promise the untyped rule knows) is the start. */
function afterLogin(login: string): string {
  return `import { Client } from 'discord.js';
import { startShards } from './shards';

const client = new Client({ intents: [] });
${login}
startShards(console);
`;
}
const AFTER_LOGIN = afterLogin('client.login(process.env.TOKEN);');
const AFTER_AWAITED_LOGIN = afterLogin('await client.login(process.env.TOKEN);');
/** Setup of its own before the start: a same-file helper and globals. */
const BANNER = `import { startShards } from './shards';

function printBanner(): void {
  process.stdout.write('bot\\n');
}

console.clear();
printBanner();
startShards(console);
`;
/** A log line of the program's own logger before the start: a log call starts nothing. */
const LOGGED_FIRST = `import { Logger } from './logger';
import { startShards } from './shards';

const logger = new Logger();
logger.info('starting shards');
startShards(logger);
`;
const SERVER_JOBS = `import express from 'express';
import { rebuildSearchIndex } from './search';

const app = express();
app.listen(Number(process.env.PORT ?? 3000));
rebuildSearchIndex();
`;
const SERVER_JOBS_FIRST = `import express from 'express';
import { rebuildSearchIndex } from './search';

rebuildSearchIndex();
express().listen(3000);
`;
const SERVER_JOBS_CALLED = `import express from 'express';
import { rebuildSearchIndex } from './search';

function startBackgroundJobs() {
  rebuildSearchIndex();
}

express().listen(3000);
startBackgroundJobs();
`;

const valid: ValidTestCase<Options>[] = [
  { code: PLAIN, filename: ENTRY },
  { code: LOGS, filename: ENTRY },
  { code: EXITS, filename: ENTRY },
  { code: BANNER, filename: ENTRY },
  { code: LOGGED_FIRST, filename: ENTRY },
];

const invalid: InvalidTestCase<MessageIds, Options>[] = [
  // not the module the start script runs
  { code: PLAIN, filename: HELPER, errors: [{ messageId: 'floating', line: 4, suggestions: [{ messageId: 'suggestVoid', output: PLAIN.replace('startShards(log);', 'void startShards(log);') }] }] },
  { code: LOGS, filename: HELPER, errors: [{ messageId: 'floating', line: 6, suggestions: [{ messageId: 'suggestVoid', output: LOGS.replace('  startShards(log);', '  void startShards(log);') }] }] },
  // a start module that others import a value from
  {
    code: guarded("  log.error('start failed', error);", 'export const started = true;\n'),
    filename: ENTRY,
    errors: [{ messageId: 'floating', line: 6, suggestions: [{ messageId: 'suggestVoid', output: guarded("  log.error('start failed', error);", 'export const started = true;\n').replace('  startShards(log);', '  void startShards(log);') }] }],
  },
  // only the package's main names it: a module other programs may load, not a start script's
  { code: PLAIN, filename: MAIN_ONLY, errors: [{ messageId: 'floating', line: 4, suggestions: [{ messageId: 'suggestVoid', output: PLAIN.replace('startShards(log);', 'void startShards(log);') }] }] },
  // work started after the program serves (a listen call before it) or after its start (an earlier drop)
  { code: AFTER_LISTEN, filename: ENTRY, errors: [{ messageId: 'floating', line: 6, suggestions: [{ messageId: 'suggestVoid', output: AFTER_LISTEN.replace('startShards(console);', 'void startShards(console);') }] }] },
  { code: AFTER_START, filename: ENTRY, errors: [{ messageId: 'floating', line: 4, suggestions: [{ messageId: 'suggestVoid', output: AFTER_START.replace('startShards({', 'void startShards({') }] }] },
  // after a call of another module's value (an untyped login is no known promise, but it is the start)
  { code: AFTER_LOGIN, filename: ENTRY, errors: [{ messageId: 'floating', line: 6, suggestions: [{ messageId: 'suggestVoid', output: AFTER_LOGIN.replace('startShards(console);', 'void startShards(console);') }] }] },
  { code: AFTER_AWAITED_LOGIN, filename: ENTRY, errors: [{ messageId: 'floating', line: 6, suggestions: [{ messageId: 'suggestVoid', output: AFTER_AWAITED_LOGIN.replace('startShards(console);', 'void startShards(console);') }] }] },
  // a server's background work (the package depends on a server framework), before or after the listen call, also through a function only the top level calls
  { code: SERVER_JOBS, filename: SERVER, errors: [{ messageId: 'floating', line: 6, suggestions: [{ messageId: 'suggestVoid', output: SERVER_JOBS.replace('rebuildSearchIndex();', 'void rebuildSearchIndex();') }] }] },
  { code: SERVER_JOBS_FIRST, filename: SERVER, errors: [{ messageId: 'floating', line: 4, suggestions: [{ messageId: 'suggestVoid', output: SERVER_JOBS_FIRST.replace('rebuildSearchIndex();', 'void rebuildSearchIndex();') }] }] },
  { code: SERVER_JOBS_CALLED, filename: SERVER, errors: [{ messageId: 'floating', line: 5, suggestions: [{ messageId: 'suggestVoid', output: SERVER_JOBS_CALLED.replace('  rebuildSearchIndex();', '  void rebuildSearchIndex();') }] }] },
  // an empty catch means to go on after a failure
  { code: guarded(''), filename: ENTRY, errors: [{ messageId: 'floating', line: 6, suggestions: [{ messageId: 'suggestVoid', output: guarded('').replace('  startShards(log);', '  void startShards(log);') }] }] },
  // the catch recovers: the author meant to handle the failure here
  {
    code: RECOVERS,
    filename: ENTRY,
    errors: [
      { messageId: 'floating', line: 6, suggestions: [{ messageId: 'suggestVoid', output: RECOVERS.replace('  startShards(log);', '  void startShards(log);') }] },
      { messageId: 'floating', line: 9, suggestions: [{ messageId: 'suggestVoid', output: RECOVERS.replace('  startShards({ info() {} });', '  void startShards({ info() {} });') }] },
    ],
  },
];

// @typescript-eslint/rule-tester pins its own copy of utils; the rule is the same object at run time.
const testedRule = rule as unknown as Parameters<typeof ruleTester.run<MessageIds, Options>>[1];

ruleTester.run('no-floating-promises (the module a start script runs)', testedRule, { valid, invalid });
