import rule, { type MessageIds, type Options } from '../../src/rules/prefer-promise-all-in-loop';
import { assertSuggestionsParse } from '../gather-suggestions-parse';
import { ruleTester } from '../rule-tester';
import { withoutEvidenceGate } from './loop-evidence-gate';

/**
 * Loops whose order is part of what they do, though no name says so: a list of steps where each
 * item says which operation to run, rows added under one parent record (shown in the order they
 * were added), and the same resource opened for each item with the item's work done inside it.
 * Loops that only look like them stay reported.
 */

// @typescript-eslint/rule-tester pins its own copy of utils; the rule is the same object at run time.
const testedRule = rule as unknown as Parameters<typeof ruleTester.run<MessageIds, Options>>[1];

const invalid = [
  // two kinds only, compared on the item: a per-item fetch or a per-item read, independent
  {
    code: `
async function sizes(entries) {
  const out = [];
  for (const entry of entries) {
    if (entry.kind === 'remote') out.push(await headRequest(entry.url));
    else out.push(await statFile(entry.path));
  }
  return out;
}`,
    errors: [{ messageId: 'awaitInLoop' as const, line: 5, column: 43, suggestions: [] }],
  },
  // a create per item whose parent comes from the item: one child under each parent
  {
    code: `
async function welcomeAll(teams) {
  for (const team of teams) {
    await createAnnouncement({ teamId: team.id, body: 'Welcome' });
  }
}`,
    errors: [
      {
        messageId: 'awaitInLoop' as const,
        line: 4,
        column: 5,
        suggestions: [
          {
            messageId: 'useGatherMap' as const,
            output: `
async function welcomeAll(teams) {
  await Promise.all(Array.from(teams, async (team) => {
    await createAnnouncement({ teamId: team.id, body: 'Welcome' });
  }));
}`,
          },
        ],
      },
    ],
  },
  // an image per item: each iteration opens its own
  {
    code: `
async function copyKeys(partition, keys) {
  for (const key of keys) {
    await diskImage.mount(key.imagePath, partition, async (volume) => {
      await volume.writeFile('/keys/' + key.name, key.body);
    });
  }
}`,
    errors: [
      {
        messageId: 'awaitInLoop' as const,
        line: 4,
        column: 5,
        suggestions: [
          {
            messageId: 'useGatherMap' as const,
            output: `
async function copyKeys(partition, keys) {
  await Promise.all(Array.from(keys, async (key) => {
    await diskImage.mount(key.imagePath, partition, async (volume) => {
      await volume.writeFile('/keys/' + key.name, key.body);
    });
  }));
}`,
          },
        ],
      },
    ],
  },
];

ruleTester.run('prefer-promise-all-in-loop (steps, children of one record, one resource)', withoutEvidenceGate(testedRule), {
  valid: [
    // each configured action names its operation: a small program, run in the order written
    `
async function runTrigger(bot, trigger, values) {
  for (const action of trigger.actions) {
    if (action.type === 'grant_badge') {
      await grantBadgeAction(bot, action, values);
    } else if (action.type === 'announce') {
      await announceAction(bot, action, values);
    } else if (action.type === 'revoke_badge') {
      await revokeBadgeAction(bot, action, values);
    }
  }
}`,
    // the same as a switch on the item's field
    `
async function replay(operations, store) {
  for (const op of operations) {
    switch (op.kind) {
      case 'upload':
        await uploadObject(store, op);
        break;
      case 'copy':
        await copyObject(store, op);
        break;
      case 'purge':
        await purgeObject(store, op);
        break;
    }
  }
}`,
    // a note per line under one case (a create named for the child row), positional id
    `
async function importCase(cases, source) {
  const created = await cases.open(source.fields);
  for (const note of source.notes) {
    await cases.createNote(created.id, note);
  }
}`,
    // comments added under one ticket, by position: they are listed in the order they were added
    `
async function importTicket(tickets, source) {
  const created = await tickets.create(source.fields);
  for (const comment of source.comments) {
    await tickets.addComment(created.id, comment);
  }
}`,
    // the same with the parent's id in an options object
    `
async function recordEscalation(ctx, issue, lines) {
  for (const line of lines) {
    await insertLogEntry(ctx, { issueId: issue.id, text: line });
  }
}`,
    // one disk image opened for every file written into it
    `
async function copyKeys(imagePath, partition, keys) {
  for (const key of keys) {
    await diskImage.mount(imagePath, partition, async (volume) => {
      await volume.writeFile('/keys/' + key.name, key.body);
    });
  }
}`,
  ],
  invalid,
});

assertSuggestionsParse('prefer-promise-all-in-loop steps-and-children suggestions', invalid);
