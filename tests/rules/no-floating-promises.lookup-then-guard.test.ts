import rule, { type MessageIds, type Options } from '../../src/rules/no-floating-promises';
import { ruleTester, typedRuleTester } from '../rule-tester';
import { dropped, floatingAt } from './floating-reports';

/**
 * A dropped call of an async function of the file that does its work under its own guard and,
 * outside it, only looks records up: a notifier reads the rows the change is about, then makes
 * its request to another service inside a `try` whose `catch` logs. Its author handled the failure
 * that happens in practice; the look-ups fail only when the program's own store is down. A write,
 * another wait or a `throw` of its own outside the guard, or no guard at all, is still reported.
 */

// @typescript-eslint/rule-tester pins its own copy of utils; the rule is the same object at run time.
const testedRule = rule as unknown as Parameters<typeof typedRuleTester.run<MessageIds, Options>>[1];

/** A store hook of a tracker: `onChange` (not async) tells the watchers of a ticket that it closed. */
const tracker = (lookup: string, guarded: string, after = ''): string => `import { openTable } from './store';
import { chat } from './chat';
import log from './log';

export class TicketHooks {
  private async tellWatchers(ticket) {
    const watchers = openTable('watchers');
${lookup}
    if (rows.length === 0) return;
${guarded}
${after}  }

  onChange(ticket): void {
    this.tellWatchers(ticket);
  }
}
`;

const findRows = '    const rows = await watchers.findBy({ ticket: ticket.id });';
const guardedPost = `    try {
      const summary = await chat.summarise(ticket.id);
      rows.forEach((row) => chat.post(row.user, summary));
    } catch (error) {
      log.warn('could not tell the watchers', { ticket: ticket.id, reason: error.message });
    }`;

/** The same, where the look-up and the guarded request are in two methods: the first only reads, then hands on. */
const twoSteps = (guardCatch: string): string => `import { openTable } from './store';
import { chat } from './chat';
import log from './log';

export class TicketHooks {
  private async post(ticket, kind) {
    try {
      const summary = await chat.summarise(ticket.id);
      await chat.post(ticket.owner, kind + ': ' + summary);
    } catch (error) {
${guardCatch}
    }
  }

  async announce(ticket) {
    const owner = await openTable('users').findOne({ id: ticket.owner });
    if (!owner) {
      log.warn('no owner', ticket.id);
      return;
    }
    this.post(ticket, 'closed');
  }

  async afterSave(ticket) {
    this.announce(ticket);
  }
}
`;

/** The report of the hook's drop of `tellWatchers`. */
const dropAt = (code: string) => floatingAt(code, code.split('\n').findIndex((line) => line.includes('this.tellWatchers(ticket);')) + 1);

ruleTester.run('no-floating-promises (looks records up, then works under its own guard)', testedRule, {
  valid: [
    // look-up, then the request to the other service in a try whose catch logs
    { code: tracker(findRows.replace('watchers.findBy', 'watchers.withDeleted().find'), guardedPost) },
    { code: tracker(findRows, guardedPost) },
    // a look-up per item of a loop before the guard
    {
      code: tracker(
        `    const rows = [];\n    for (const id of ticket.links) {\n      const linked = await watchers.findMany({ ticket: id });\n      rows.push(...linked);\n    }`,
        guardedPost,
      ),
    },
    // the guarded work in a helper that catches everything itself
    { code: twoSteps("      log.error('post failed', error);") },
  ],
  invalid: [
    // a write outside the guard: its failure is the caller's to see
    dropAt(tracker(findRows, guardedPost, '    await watchers.save({ ticket: ticket.id, told: true });\n')),
    // a look-up that refuses an absent row rejects on ordinary input
    dropAt(tracker(findRows.replace('findBy', 'findOneByOrFail'), guardedPost)),
    // an awaited request that is no look-up of records, before the guard
    dropAt(tracker(findRows.replace('watchers.findBy', 'chat.members'), guardedPost)),
    // a throw of its own outside the guard: a check that refuses on purpose
    dropAt(tracker(findRows, guardedPost.replace('    try {', "    if (!ticket.closed) throw new Error('ticket still open');\n    try {"))),
    // a synchronous check that throws, outside the guard
    dropAt(tracker(`${findRows}\n    const requireOpen = (item) => {\n      if (!item.open) throw new Error('closed');\n    };\n    requireOpen(ticket);`, guardedPost)),
    // a catch that rethrows is no guard
    dropAt(tracker(findRows, guardedPost.replace("log.warn('could not tell the watchers', { ticket: ticket.id, reason: error.message });", 'throw error;'))),
    // no guard at all: the look-up is all the function does before its synchronous work
    dropAt(tracker(findRows, '    rows.forEach((row) => chat.post(row.user, ticket.id));')),
    // a helper whose catch rethrows: nothing is guarded (its own drop is reported too)
    {
      ...dropped(twoSteps('      throw error;'), 'file.ts', 25, 5, true),
      errors: [...dropped(twoSteps('      throw error;'), 'file.ts', 21, 5, true).errors, ...dropped(twoSteps('      throw error;'), 'file.ts', 25, 5, true).errors],
    },
  ],
});
