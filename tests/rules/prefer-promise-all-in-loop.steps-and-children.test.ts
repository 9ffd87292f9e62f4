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
  // a create per item that names another record from the item: one link per follower, independent
  {
    code: `
async function notifyFollowers(post, followers) {
  for (const follower of followers) {
    await createNotification({ postId: post.id, userId: follower.id });
  }
}`,
    errors: [{ messageId: 'awaitInLoop' as const, line: 4, column: 5, suggestions: [{ messageId: 'useGatherMap' as const, output: `
async function notifyFollowers(post, followers) {
  await Promise.all(Array.from(followers, async (follower) => {
    await createNotification({ postId: post.id, userId: follower.id });
  }));
}` }] }],
  },
  // three kinds, but each branch sends its own request: no shared target, the channels are independent
  {
    code: `
async function alertUser(channels, text) {
  for (const channel of channels) {
    if (channel.kind === 'email') {
      await fetch('https://mail.invalid/send', { method: 'POST', body: channel.address + text });
    } else if (channel.kind === 'sms') {
      await fetch('https://sms.invalid/send', { method: 'POST', body: channel.address + text });
    } else if (channel.kind === 'push') {
      await fetch('https://push.invalid/send', { method: 'POST', body: channel.address + text });
    }
  }
}`,
    errors: [{ messageId: 'awaitInLoop' as const, line: 5, column: 7, suggestions: [{ messageId: 'useGatherMap' as const, output: `
async function alertUser(channels, text) {
  await Promise.all(Array.from(channels, async (channel) => {
    if (channel.kind === 'email') {
      await fetch('https://mail.invalid/send', { method: 'POST', body: channel.address + text });
    } else if (channel.kind === 'sms') {
      await fetch('https://sms.invalid/send', { method: 'POST', body: channel.address + text });
    } else if (channel.kind === 'push') {
      await fetch('https://push.invalid/send', { method: 'POST', body: channel.address + text });
    }
  }));
}` }] }],
  },
  // a pool hands each call its own connection
  {
    code: `
async function loadOwners(pool, ids) {
  for (const id of ids) {
    await withConnection(pool, async (conn) => {
      await conn.query('select * from owners where id = $1', [id]);
    });
  }
}`,
    errors: [{ messageId: 'awaitInLoop' as const, line: 4, column: 5, suggestions: [{ messageId: 'useGatherMap' as const, output: `
async function loadOwners(pool, ids) {
  await Promise.all(Array.from(ids, async (id) => {
    await withConnection(pool, async (conn) => {
      await conn.query('select * from owners where id = $1', [id]);
    });
  }));
}` }] }],
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
