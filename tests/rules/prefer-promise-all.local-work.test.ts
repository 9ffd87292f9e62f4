import path from 'node:path';
import type { InvalidTestCase } from '@typescript-eslint/rule-tester';
import rule, { type MessageIds, type Options } from '../../src/rules/prefer-promise-all';
import { assertSuggestionsParse } from '../gather-suggestions-parse';
import { FIXTURES_DIR, ruleTester } from '../rule-tester';

/**
 * Groups where nothing remote waits, or where a person answers (fixtures `embedded-store/`: a
 * desktop app's NeDB wrapper, its model modules and a barrel; `cli/`: a command-line tool's
 * helpers that ask a question when no flag or variable answers). Asked last, only for a group
 * about to be reported.
 */
const app = path.join(FIXTURES_DIR, 'embedded-store', 'screen.ts');
const cli = path.join(FIXTURES_DIR, 'embedded-store', 'cli', 'command.ts');

// @typescript-eslint/rule-tester pins its own copy of utils; the rule is the same object at run time.
const testedRule = rule as unknown as Parameters<typeof ruleTester.run<MessageIds, Options>>[1];

type Invalid = InvalidTestCase<MessageIds, Options>;

const invalid: Invalid[] = [
  // a store read beside a request to the sharing service: the request's wait is worth overlapping
  {
    filename: app,
    code: `import * as models from './models';
import { fetchSharedWith } from './sharing';
export async function openNote(id: string) {
  const note = await models.note.getById(id);
  const members = await fetchSharedWith(id);
  return { note, members };
}`,
    errors: [
      {
        messageId: 'sequentialAwaits',
        data: { count: 2 },
        line: 4,
        column: 16,
        suggestions: [
          {
            messageId: 'useGather',
            data: { count: 2 },
            output: `import * as models from './models';
import { fetchSharedWith } from './sharing';
export async function openNote(id: string) {
  const [note, members] = await Promise.all([models.note.getById(id), fetchSharedWith(id)]);
  return { note, members };
}`,
          },
        ],
      },
    ],
  },
  // two requests of a command's API, with no question asked on the way: still gathered
  {
    filename: cli,
    code: `import { fetchBuildsAsync, fetchReleasesAsync } from './credentials';
export async function status(api: { get(path: string): Promise<unknown> }, app: string) {
  const releases = await fetchReleasesAsync(api, app);
  const builds = await fetchBuildsAsync(api, app);
  return { releases, builds };
}`,
    errors: [
      {
        messageId: 'sequentialAwaits',
        data: { count: 2 },
        line: 3,
        column: 20,
        suggestions: [
          {
            messageId: 'useGather',
            data: { count: 2 },
            output: `import { fetchBuildsAsync, fetchReleasesAsync } from './credentials';
export async function status(api: { get(path: string): Promise<unknown> }, app: string) {
  const [releases, builds] = await Promise.all([
    fetchReleasesAsync(api, app),
    fetchBuildsAsync(api, app),
  ]);
  return { releases, builds };
}`,
          },
        ],
      },
    ],
  },
];

ruleTester.run('prefer-promise-all (local work and questions)', testedRule, {
  valid: [
    // two reads of the app's embedded store through its model modules (a namespace the barrel
    // re-exports, `export * as tag`, and `export const note = _note`): lookups in memory
    {
      filename: app,
      code: `import * as models from './models';
export async function notePanel(id: string) {
  const note = await models.note.getById(id);
  const tags = await models.tag.findByNote(id);
  return { note, tags };
}`,
    },
    // the store wrapper itself, imported by name, beside a model read
    {
      filename: app,
      code: `import { database } from './store';
import { findByFolder } from './models/note';
export async function folderView(folderId: string) {
  const folder = await database.findOne('folder', { _id: folderId });
  const notes = await findByFolder(folderId);
  return { folder, notes };
}`,
    },
    // a route action parsing the request it was handed, then reading the store: both local
    {
      filename: app,
      code: `import * as models from './models';
export async function renameAction({ request, params }: { request: Request; params: { id: string } }) {
  const patch = await request.json();
  const note = await models.note.getById(params.id);
  return { ...note, ...patch };
}`,
    },
    // a read, then a save dialog the person answers: nothing to overlap with a person
    {
      filename: app,
      code: `import * as models from './models';
export async function exportNote(id: string) {
  const note = await models.note.getById(id);
  const { filePath } = await window.dialog.showSaveDialog({ title: 'Export note' });
  return { note, filePath };
}`,
    },
    // two steps of another module that each may ask a question (a key path, an owner account),
    // two and three functions deep: the person answers one question at a time
    {
      filename: cli,
      code: `import { resolveKeyAsync, resolveOwnerAsync } from './credentials';
export async function sign(options: { keyPath?: string; owner?: string }) {
  const key = await resolveKeyAsync(options);
  const owner = await resolveOwnerAsync(options);
  return { key, owner };
}`,
    },
    // steps handed the command's non-interactive switch: they ask when it is off
    {
      filename: cli,
      code: `export async function connect(command: { loadContext(o: object): Promise<object> }, pickRegion: (flag: string | undefined, nonInteractive: boolean) => Promise<string>, flags: { region?: string; 'non-interactive': boolean }) {
  const context = await command.loadContext({ nonInteractive: flags['non-interactive'] });
  const region = await pickRegion(flags.region, flags['non-interactive']);
  return { context, region };
}`,
    },
  ],
  invalid,
});

assertSuggestionsParse('prefer-promise-all', invalid);
