import path from 'node:path';
import type { InvalidTestCase, ValidTestCase } from '@typescript-eslint/rule-tester';
import rule, { type MessageIds, type Options } from '../../src/rules/no-floating-promises';
import { FIXTURES_DIR, ruleTester } from '../rule-tester';
import { dropped } from './floating-reports';

/**
 * An async function of a program whose process-wide `unhandledRejection` handler logs and goes on
 * (`WhereItRuns.underProgramThatLogsRejections`, `programLogsRejections`), where the handler is
 * installed by a module other than the package's entry: a launcher `app.js` that loads the
 * module which installs it, or, when no entry of the package is among the sources, any module of
 * the program. A drop there loses the wait and a log line the handler writes anyway; only a drop
 * that costs more is reported (`costsMoreThanHostLog`, a request or job served, a `catch` meant
 * for the drop, a teardown its caller awaits before exiting). On the spent sets, a chat bridge
 * written this way gave about twenty pointless reports (events mirrored from one network to the
 * other, membership syncs, status updates) beside four worth changing, which stay reported here.
 */

const LAUNCHED = path.join(FIXTURES_DIR, 'run-contexts', 'launched-bridge');
/** A module of the bridge whose launcher (`app.js`) loads the module that installs a handler that logs. */
const RELAY_FILE = path.join(LAUNCHED, 'src', 'relay', 'events.ts');
/** A module of the bridge's second process, started on its own from `src/pool/index.ts`, which installs nothing. */
const POOL_FILE = path.join(LAUNCHED, 'src', 'pool', 'connections.ts');
/** A module of a program whose launcher is not among its sources; `src/main.ts` installs a handler that logs. */
const UNLAUNCHED_FILE = path.join(FIXTURES_DIR, 'run-contexts', 'unlaunched-bridge', 'src', 'relay', 'events.ts');
/** A module of a worker with no entry in view, whose only handler is in a root `jest.setup.ts` (a test set-up file). */
const JEST_SETUP_FILE = path.join(FIXTURES_DIR, 'run-contexts', 'jest-setup-worker', 'src', 'orders.ts');
/** The same, with the handler in a `test-utils/` folder. */
const TEST_UTILS_FILE = path.join(FIXTURES_DIR, 'run-contexts', 'test-utils-worker', 'src', 'orders.ts');
/** A module of an Express service whose entry loads `./setup`, which installs a handler that logs. */
const SERVED_FILE = path.join(FIXTURES_DIR, 'run-contexts', 'served-setup', 'src', 'orders', 'service.ts');
/** A module of a bullmq worker whose entry loads `./setup`, which installs a handler that logs. */
const QUEUED_FILE = path.join(FIXTURES_DIR, 'run-contexts', 'queued-setup', 'src', 'orders', 'service.ts');
/** A module of a server whose only handler logs and exits on every rejection. */
const EXITING_FILE = path.join(FIXTURES_DIR, 'run-contexts', 'always-exit-bot', 'src', 'commands', 'ban.ts');

/** An event handler that mirrors an event to the other network without waiting for it. */
const mirroredEvent = `export class Relay {
  async onKick(event) {
    const rooms = await this.store.roomsFor(event.roomId);
    for (const room of rooms) {
      this.kickRemote(room, event.target);
    }
  }

  async kickRemote(room, target) {
    await this.network.kick(room.channel, target);
  }
}`;

/** A step of a `try` that guards awaited work, whose `catch` only logs. */
const sideStepInLoggedTry = `export async function pingSelf(store, client, log) {
  try {
    const room = await client.createRoom();
    storeRoom(store, room);
    await client.ping(room.id);
  } catch (error) {
    log.error('cannot reach ourselves', error);
  }
}

async function storeRoom(store, room) {
  await store.setItem('internal', room.id);
}`;

/** The same step as the only statement of its own \`try\`: the \`catch\` was written for it. */
const aloneInLoggedTry = `export async function pingSelf(store, room, log) {
  try {
    storeRoom(store, room);
  } catch (error) {
    log.error('cannot store the room', error);
  }
}

async function storeRoom(store, room) {
  await store.setItem('internal', room.id);
}`;

/** A command whose \`catch\` turns the failure into a notice for the user. */
const noticeInCatch = `export async function runCommand(client, args) {
  try {
    const connection = await client.connect();
    sendRaw(connection, args);
    await connection.flush();
  } catch (error) {
    return { notice: String(error) };
  }
  return undefined;
}

async function sendRaw(connection, args) {
  await connection.write(args.join(' '));
}`;

/** A teardown that its caller awaits before the process exits. */
const teardown = `export class Bridge {
  async kill() {
    this.state = 'killed';
    this.quitAllClients();
    await Promise.allSettled([this.store.close(), this.server.close()]);
  }

  async quitAllClients() {
    await Promise.all(this.clients.map((client) => client.quit()));
  }
}`;

/** A teardown named \`disconnect\`: its caller awaits it, then exits. */
const disconnectTeardown = `export class Bridge {
  async disconnect() {
    this.quitAllClients();
    await this.store.close();
  }

  async quitAllClients() {
    await Promise.all(this.clients.map((client) => client.quit()));
  }
}`;

/** Transfers that end with a commit their callers think is done. */
const transferCommit = `export async function transfer(from, to, amount) {
  await debit(from, amount);
  await credit(to, amount);
  commit();
}

async function commit() {
  await db.query('COMMIT');
}`;

/** A service helper that an Express route (or a job handler) of another module awaits before it answers 201. */
const routeHelper = `export async function placeOrder(order) {
  insertOrder(order);
  await sendMail(order.email, 'Thanks');
}

async function insertOrder(order) {
  await db.orders.insert(order);
}`;

/** An async function that reads, after the drop, what the dropped call was to update. */
const readsWhatItUpdates = `let games = [];

export async function refresh() {
  syncLibrary();
  const list = games.map((game) => game.title);
  await saveTitles(list);
}

async function syncLibrary() {
  games = await fetchGames();
}`;

/** A call whose callback settles a \`new Promise\` wrapper (\`timer\`: a line the wrapper also runs, such as a timer that rejects it). */
const callbackWrapper = (timer: string | null): string => `export class Client {
  async names(channel) {
    return new Promise((resolve, reject) => {${timer === null ? '' : `\n      ${timer}`}
      this.sendNames(channel, (names) => resolve(names));
    });
  }

  async sendNames(channel, done) {
    await this.socket.write('NAMES ' + channel);
    this.pending.set(channel, done);
  }
}`;

/** A command whose other path returns its closing call; the last path drops it. */
const forgetsSiblingReturn = `export async function requestClose(ticket, interaction) {
  await interaction.deferReply();
  if (ticket.closed) {
    return closeNow(ticket.id);
  }
  askToClose(ticket, interaction);
}

async function closeNow(id) {
  await db.tickets.close(id);
}

async function askToClose(ticket, interaction) {
  await interaction.followUp('Close ' + ticket.id + '?');
}`;

/** A restart that throws on a bad name; a case drops the start it ends with. */
const restartWithThrow = `export const servers = {
  async restart(name) {
    switch (name) {
      case 'http':
        await this.stopHttp();
        this.startHttp();
        break;
      default:
        throw new Error('unknown server ' + name);
    }
  },
  async stopHttp() {
    await this.http.close();
  },
  async startHttp() {
    await this.http.listen(80);
  },
};`;

const valid: ValidTestCase<Options>[] = [
  // the launcher loads the module whose handler logs: a failed kick is a line in the log
  { code: mirroredEvent, filename: RELAY_FILE },
  // no launcher among the sources: the program's own module installs the handler
  { code: mirroredEvent, filename: UNLAUNCHED_FILE },
  // the `catch` guards the awaited calls; for the side step it would only write the log line
  { code: sideStepInLoggedTry, filename: RELAY_FILE },
  // a wrapper with a timer of its own settles whether the call fails or not
  { code: callbackWrapper("setTimeout(() => reject(new Error('no answer')), 5000);"), filename: RELAY_FILE },
];

const invalid: InvalidTestCase<MessageIds, Options>[] = [
  // the second process of the package runs under its own entry, which installs nothing
  dropped(mirroredEvent, POOL_FILE, 5, 7, true),
  // a handler that logs and exits on every path is Node's default crash
  dropped(mirroredEvent, EXITING_FILE, 5, 7, true),
  // a `try` around the drop alone was meant to catch its failure
  dropped(aloneInLoggedTry, RELAY_FILE, 3, 5, true),
  // a `catch` that tells the user: the drop's failure never reaches them
  dropped(noticeInCatch, RELAY_FILE, 4, 5, true),
  // a teardown resolves before the clients have quit, and its caller exits
  dropped(teardown, RELAY_FILE, 4, 5, true),
  // the lines after the drop read what it has not written yet
  dropped(readsWhatItUpdates, RELAY_FILE, 4, 3, true),
  // the last step of a function whose other paths return a call or throw: its callers await it
  // and handle what it reports, and the dropped step escapes them
  dropped(forgetsSiblingReturn, RELAY_FILE, 6, 3, true),
  dropped(restartWithThrow, RELAY_FILE, 6, 9, true),
  // without a timer, a failed call leaves the wrapper unsettled and its caller waiting for good
  dropped(callbackWrapper(null), RELAY_FILE, 4, 7, false),
  // a timer that only logs, or a socket's idle timeout (an event), settles nothing
  dropped(callbackWrapper("setTimeout(() => this.log.warn('still waiting for ' + channel), 5000);"), RELAY_FILE, 5, 7, false),
  dropped(callbackWrapper('this.socket.setTimeout(5000);'), RELAY_FILE, 5, 7, false),
  // a handler installed by a test set-up file never runs in production
  dropped(mirroredEvent, JEST_SETUP_FILE, 5, 7, true),
  dropped(mirroredEvent, TEST_UTILS_FILE, 5, 7, true),
  // a teardown named `disconnect` is awaited before the process exits
  dropped(disconnectTeardown, RELAY_FILE, 3, 5, true),
  // a package that serves requests: the route answers before the INSERT or the COMMIT is done
  dropped(routeHelper, SERVED_FILE, 2, 3, true),
  dropped(transferCommit, SERVED_FILE, 4, 3, true),
  // a package that consumes a job queue: the job is marked done before the INSERT is
  dropped(routeHelper, QUEUED_FILE, 2, 3, true),
  // the option reports under the handler too
  { ...dropped(mirroredEvent, RELAY_FILE, 5, 7, true), options: [{ checkUnderGlobalHandler: true }] },
];

// @typescript-eslint/rule-tester pins its own copy of utils; the rule is the same object at run time.
const testedRule = rule as unknown as Parameters<typeof ruleTester.run<MessageIds, Options>>[1];

ruleTester.run('no-floating-promises (an async function under a program handler that logs)', testedRule, { valid, invalid });
