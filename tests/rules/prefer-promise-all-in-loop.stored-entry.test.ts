import path from 'node:path';
import type { InvalidTestCase } from '@typescript-eslint/rule-tester';
import { withoutEvidenceGate } from './loop-evidence-gate';
import rule, { type MessageIds, type Options } from '../../src/rules/prefer-promise-all-in-loop';
import { assertSuggestionsParse } from '../gather-suggestions-parse';
import { FIXTURES_DIR, ruleTester } from '../rule-tester';

/**
 * A called function that reads one entry of a store, waits, and writes the entry back (a queue or
 * a list kept under one key, read synchronously): iterations run together would each read the old
 * list, and the last write would drop the others' entries. Read from the callee's declaration, in
 * another module (`fixtures/sixteen/job-queue.js`) or in this file.
 */
const filename = path.join(FIXTURES_DIR, 'sixteen', 'file.js');

type Invalid = InvalidTestCase<MessageIds, Options>;

const invalid: Invalid[] = [
  // control: the same module's function that only sends each job out
  {
    filename,
    code: `import { announce } from './job-queue.js';
export async function announceAll(jobs) {
  for (const job of jobs) {
    await announce(job);
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
            output: `import { announce } from './job-queue.js';
export async function announceAll(jobs) {
  await Promise.all(Array.from(jobs, async (job) => {
    await announce(job);
  }));
}`,
          },
        ],
      },
    ],
  },
];

ruleTester.run('prefer-promise-all-in-loop (a stored entry read, awaited, written back)', withoutEvidenceGate(rule) as unknown as Parameters<typeof ruleTester.run<MessageIds, Options>>[1], {
  valid: [
    // another module's function keeps a list under one key: each call reads it, waits, writes it back
    {
      filename,
      code: `import { addPending } from './job-queue.js';
export async function addAll(jobs) {
  for (const job of jobs) {
    await addPending({ ...job, addedAt: Date.now() });
  }
}`,
    },
  ],
  invalid,
});

assertSuggestionsParse('prefer-promise-all-in-loop', invalid);
