import path from 'node:path';
import type { InvalidTestCase, ValidTestCase } from '@typescript-eslint/rule-tester';
import rule, { type MessageIds, type Options } from '../../src/rules/no-floating-promises';
import { FIXTURES_DIR, ruleTester } from '../rule-tester';
import { dropped } from './floating-reports';

/**
 * A program whose entry module installs its own policy for rejections nobody handles
 * (`WhereItRuns.underEntryThatLogsRejections`, `entryLogsRejections`): the handler logs the errors
 * the author expects and goes on, and ends the process on the others. Every promise the program
 * drops reaches that policy, so a drop loses the wait and nothing else; only drops that cost more
 * than a log line are reported (`costsMoreThanHostLog`). On the spent sets, a chat bot written to
 * this policy gave about a hundred pointless reports (commands that call their implementation as
 * their last statement, replies, cache and clean-up calls).
 *
 * The entry is found from the package: `main`, `bin`, and the modules its start scripts hand to
 * `node` (a build output is read from its source). A file runs under the entry whose folder holds
 * it most closely. A handler that exits on every path is Node's default crash and excuses nothing;
 * a library's modules run under their users'
 * policy, not under a handler of its command. Under the policy, a drop in code that serves a
 * request or a job is still reported: it costs the answer.
 */

const BOT = path.join(FIXTURES_DIR, 'run-contexts', 'policy-bot');
/** A command of the bot: its entry (`src/index.ts`, started by `npm start`) logs chat errors and exits on the rest. */
const COMMAND_FILE = path.join(BOT, 'src', 'commands', 'ban.ts');
/** A module of the bot's admin API, started from `src/admin/index.ts`, whose handler always exits. */
const ADMIN_FILE = path.join(BOT, 'src', 'admin', 'routes.ts');
/** A one-shot script kept in the bot's package. */
const SCRIPT_FILE = path.join(BOT, 'scripts', 'seed.ts');
/** A command of a bot whose only handler logs and exits on every rejection. */
const EXITING_FILE = path.join(FIXTURES_DIR, 'run-contexts', 'always-exit-bot', 'src', 'commands', 'ban.ts');
/** A command of a bot whose handler returns early for the errors it knows and exits after them. */
const EARLY_RETURN_FILE = path.join(FIXTURES_DIR, 'run-contexts', 'early-return-bot', 'src', 'commands', 'ban.ts');
/** A module of a server whose entry's handler logs every rejection and goes on. */
const LOG_ONLY_FILE = path.join(FIXTURES_DIR, 'run-contexts', 'log-only-server', 'src', 'routes', 'ban.ts');
/** A module of the bot that serves the bot's web dashboard. */
const ROUTE_FILE = path.join(BOT, 'src', 'web', 'orders.ts');
/** A module of a library whose command-line entry (and only it) installs a handler that logs. */
const LIBRARY_FILE = path.join(FIXTURES_DIR, 'run-contexts', 'lib-with-command', 'src', 'run.ts');

/** A command that hands its work to an implementation as its last statement, without waiting. */
const delegatingCommand = `export const banCommand = {
  async run({ message, args }) {
    if (!args.user) return;
    banMember(message, args.user);
  },
};

async function banMember(message, user) {
  await message.guild.members.ban(user.id);
  await message.reply('banned ' + user.name);
}`;

/** An event that queues a task whose block body starts the checks without returning them. */
const queuedTask = `export function onJoin(state, member) {
  state.queue.add(() => {
    state.recent.push(member.id);
    runChecks(state, member);
  });
}

async function runChecks(state, member) {
  await state.rules.check(member);
}`;

/** A route that answers before its write ran: the client is told the order is stored. */
const answersBeforeWrite = `export async function createOrder(req, res) {
  const order = { id: req.body.id };
  saveOrder(order);
  res.status(201).json(order);
}

async function saveOrder(order) {
  await db.query('insert into orders (id) values ($1)', [order.id]);
}`;

const valid: ValidTestCase<Options>[] = [
  // under the bot's own policy: a failed ban is logged as a chat error, an unknown one ends the bot
  { code: delegatingCommand, filename: COMMAND_FILE },
  // a handler that logs every rejection and goes on is the plainest policy of all
  { code: delegatingCommand, filename: LOG_ONLY_FILE },
  // the same policy written as an early return for the known errors, then the exit (the docs' example)
  { code: delegatingCommand, filename: EARLY_RETURN_FILE },
];

const invalid: InvalidTestCase<MessageIds, Options>[] = [
  // the admin API's entry exits on every rejection: a dropped call there takes the API down
  dropped(delegatingCommand, ADMIN_FILE, 4, 5, true),
  // a handler that logs and exits on every path is Node's default, not a policy
  dropped(delegatingCommand, EXITING_FILE, 4, 5, true),
  // a script of the bot's package runs as a program of its own
  dropped(delegatingCommand, SCRIPT_FILE, 4, 5, true),
  // under the policy, a drop in code that answers a request costs the answer, not a log line
  dropped(answersBeforeWrite, ROUTE_FILE, 3, 3, true),
  // a library runs under its users' policy, whatever its command installs
  dropped(delegatingCommand, LIBRARY_FILE, 4, 5, true),
  // still reported under the policy: a queued task that drops its work leaves the queue, which
  // waits for what each task returns before it starts the next
  dropped(queuedTask, COMMAND_FILE, 4, 5, false),
  // the option reports under the policy too
  { ...dropped(delegatingCommand, COMMAND_FILE, 4, 5, true), options: [{ checkUiCode: true }] },
];

// @typescript-eslint/rule-tester pins its own copy of utils; the rule is the same object at run time.
const testedRule = rule as unknown as Parameters<typeof ruleTester.run<MessageIds, Options>>[1];

ruleTester.run('no-floating-promises (a program entry with its own rejection policy)', testedRule, { valid, invalid });
