import type { InvalidTestCase } from '@typescript-eslint/rule-tester';
import { withoutEvidenceGate } from './loop-evidence-gate';
import rule, { type MessageIds, type Options } from '../../src/rules/prefer-promise-all-in-loop';
import { assertSuggestionsParse } from '../gather-suggestions-parse';
import { ruleTester } from '../rule-tester';

/**
 * Clean-ups: every iteration removes what its item names (a call named for removing), and besides
 * at most looks up what it removes (the answer kept in a binding) or writes the record that pointed
 * at it. Deletions are rare, a reviewer asks for one bulk delete rather than `Promise.all`, and in
 * order a failure stops the clean-up where it is. A loop that fetches or computes per item besides,
 * or whose lookup's answer is not kept, is still reported.
 */
type Invalid = InvalidTestCase<MessageIds, Options>;

const invalid: Invalid[] = [
  // control: a lookup per item with no removal
  {
    code: `
export async function ownersOf(registry, pkg, names) {
  const found = [];
  for (const name of names) {
    const owner = await registry.findOwner(pkg.id, name);
    if (owner) found.push(owner);
  }
  return found;
}`,
    errors: [{ messageId: 'awaitInLoop', line: 5, column: 19, suggestions: [] }],
  },
  // control: besides the removal, each iteration fetches from another service
  {
    code: `
export async function archiveAll(storage, api, items) {
  for (const item of items) {
    const copy = await api.download(item.url);
    await storage.removeDraft(item.id, copy.etag);
  }
}`,
    errors: [
      {
        messageId: 'awaitInLoop',
        line: 4,
        column: 18,
        suggestions: [
          {
            messageId: 'useGatherMap',
            output: `
export async function archiveAll(storage, api, items) {
  await Promise.all(Array.from(items, async (item) => {
    const copy = await api.download(item.url);
    await storage.removeDraft(item.id, copy.etag);
  }));
}`,
          },
        ],
      },
    ],
  },
  // control: a lookup whose answer is not kept is other work, not finding what to remove
  {
    code: `
export async function expire(service, sessions) {
  for (const session of sessions) {
    await service.getAudit(session.id).then(report);
    await service.deleteSession(session.id);
  }
}`,
    errors: [
      {
        messageId: 'awaitInLoop',
        line: 4,
        column: 5,
        suggestions: [
          {
            messageId: 'useGatherMap',
            output: `
export async function expire(service, sessions) {
  await Promise.all(Array.from(sessions, async (session) => {
    await service.getAudit(session.id).then(report);
    await service.deleteSession(session.id);
  }));
}`,
          },
        ],
      },
    ],
  },
  // control: an HTTP client's DELETE per item is a round trip each, not the program's own clean-up
  {
    code: `
export async function dropRemote(api, ids) {
  for (const id of ids) {
    await api.delete(\`/todos/\${id}\`);
  }
}`,
    errors: [
      {
        messageId: 'awaitInLoop',
        line: 4,
        column: 5,
        suggestions: [
          {
            messageId: 'useGatherMap',
            output: `
export async function dropRemote(api, ids) {
  await Promise.all(Array.from(ids, async (id) => {
    await api.delete(\`/todos/\${id}\`);
  }));
}`,
          },
        ],
      },
    ],
  },
];

ruleTester.run<MessageIds, Options>('prefer-promise-all-in-loop (clean-ups)', withoutEvidenceGate(rule as never), {
  valid: [
    // the versions that disappeared from the source: each is looked up, then removed
    `
export class Mirror {
  async dropVanished(pkg, known, upstream) {
    for (const version of known) {
      if (!(version in upstream)) {
        const record = await this.versions.findVersion(pkg.id, version);
        if (record) await this.publisher.removeVersion(pkg, record);
      }
    }
  }
}`,
    // each item's files removed, then the row that pointed at them cleared
    `
import { prisma } from './db';
export async function clearPreserved(links) {
  for (const link of links) {
    await removeStoredFiles(link.id);
    await prisma.link.update({ where: { id: link.id }, data: { pdf: null, image: null } });
  }
}`,
    // two removals per item
    `
export class Profiles {
  async prune(profiles) {
    for (const { id, symbol } of profiles) {
      await this.prices.deleteMany({ symbol });
      await this.profiles.deleteById(id);
    }
  }
}`,
    // removing the connections a registry holds, through a same-file helper named for it
    `
export async function dropAll(registry) {
  for (const entry of registry.values()) {
    if (entry.client) await removeClient(entry.client);
  }
}
async function removeClient(client) {
  await client.close();
  log('closed', client.name);
}`,
  ],
  invalid,
});

assertSuggestionsParse('prefer-promise-all-in-loop', invalid);
