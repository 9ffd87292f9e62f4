import path from 'node:path';
import type { InvalidTestCase } from '@typescript-eslint/rule-tester';
import { withoutEvidenceGate } from './loop-evidence-gate';
import rule, { type MessageIds, type Options } from '../../src/rules/prefer-promise-all-in-loop';
import { assertSuggestionsParse } from '../gather-suggestions-parse';
import { FIXTURES_DIR, ruleTester } from '../rule-tester';

/**
 * Loops whose iterations share one git index, ask the person running the command, or wait only on
 * a database kept in the process (fixtures `embedded-store/`: a desktop app's NeDB wrapper and its
 * model modules; `cli/`: a command-line tool's helpers that ask when no flag answers).
 */
const app = path.join(FIXTURES_DIR, 'embedded-store', 'screen.ts');
const cli = path.join(FIXTURES_DIR, 'embedded-store', 'cli', 'command.ts');

// @typescript-eslint/rule-tester pins its own copy of utils; the rule is the same object at run time.
const testedRule = rule as unknown as Parameters<typeof ruleTester.run<MessageIds, Options>>[1];

type Invalid = InvalidTestCase<MessageIds, Options>;

const invalid: Invalid[] = [
  // one request to the sharing service per note: real waits, worth overlapping
  {
    filename: app,
    code: `import { fetchSharedWith } from './sharing';
export async function membersOf(notes: { _id: string }[]) {
  const members = [];
  for (const note of notes) {
    members.push(await fetchSharedWith(note._id));
  }
  return members;
}`,
    errors: [{ messageId: 'awaitInLoop', line: 5, column: 18 }],
  },
  // a git library's question to each remote: no index is written, and it waits on the network
  {
    code: `import * as git from 'isomorphic-git';
export async function remoteHeads(http: object, urls: string[]) {
  for (const url of urls) {
    console.log(await git.getRemoteInfo({ http, url }));
  }
}`,
    errors: [{ messageId: 'awaitInLoop', line: 4, column: 17 }],
  },
];

ruleTester.run('prefer-promise-all-in-loop (shared index, questions, local stores)', withoutEvidenceGate(testedRule), {
  valid: [
    // each iteration stages one path: the writes share the repository's one index file
    {
      code: `import * as git from 'isomorphic-git';
export async function stage(dir: string, fs: object, paths: string[]) {
  for (const filepath of paths) {
    await git.add({ fs, dir, filepath });
  }
}`,
    },
    // the same through the git command, by a helper of the project
    {
      code: `import { shell } from './shell';
export async function discard(paths: string[]) {
  for (const file of paths) {
    await shell(\`git checkout HEAD -- \${file}\`);
  }
}`,
    },
    // a per-item step of another module that asks when no option answers: one question at a time
    {
      filename: cli,
      code: `import { resolveOwnerAsync } from './credentials';
export async function owners(apps: { owner?: string }[]) {
  const found = [];
  for (const app of apps) {
    found.push(await resolveOwnerAsync(app));
  }
  return found;
}`,
    },
    // one lookup per note in the app's embedded store: memory, nothing to overlap
    {
      filename: app,
      code: `import * as models from './models';
export async function tagsOf(notes: { _id: string }[]) {
  const tags = [];
  for (const note of notes) {
    tags.push(await models.tag.findByNote(note._id));
  }
  return tags;
}`,
    },
  ],
  invalid,
});

assertSuggestionsParse('prefer-promise-all-in-loop', invalid);
