import path from 'node:path';
import type { InvalidTestCase } from '@typescript-eslint/rule-tester';
import rule, { type MessageIds, type Options } from '../../src/rules/prefer-promise-all';
import { assertSuggestionsParse } from '../gather-suggestions-parse';
import { FIXTURES_DIR, ruleTester } from '../rule-tester';
import { gatheredGroup, gatheredPair } from './gathered-reports';

/**
 * Groups where nothing remote waits, or where a person answers (fixtures `embedded-store/`: a
 * desktop app's NeDB wrapper, its model modules and a barrel; `cli/`: a command-line tool's
 * helpers that ask a question when no flag or variable answers). Asked last, only for a group
 * about to be reported.
 */
const app = path.join(FIXTURES_DIR, 'embedded-store', 'screen.ts');
const cli = path.join(FIXTURES_DIR, 'embedded-store', 'cli', 'command.ts');
/** Beside `returned-client/`: helpers that return a Redis client's promise, or build a value. */
const routes = path.join(FIXTURES_DIR, 'returned-client', 'routes.ts');

// @typescript-eslint/rule-tester pins its own copy of utils; the rule is the same object at run time.
const testedRule = rule as unknown as Parameters<typeof ruleTester.run<MessageIds, Options>>[1];

type Invalid = InvalidTestCase<MessageIds, Options>;

const invalid: Invalid[] = [
  // each call handed the working directory but named for a request: a helper that finds the
  // lockfile in the folder, then asks the registry, still waits on the network
  {
    code: `
async function healthReport() {
  const outdated = await fetchOutdatedFromRegistry({ cwd: process.cwd() });
  const advisories = await fetchSecurityAdvisories(process.cwd());
  return { outdated, advisories };
}`,
    options: [{ requireEvidence: false }],
    errors: [
      gatheredPair(3, 20, `
async function healthReport() {
  const [outdated, advisories] = await Promise.all([
    fetchOutdatedFromRegistry({ cwd: process.cwd() }),
    fetchSecurityAdvisories(process.cwd()),
  ]);
  return { outdated, advisories };
}`),
    ],
  },
  // the project's manifest beside a request to the registry: the request still overlaps
  {
    code: `
async function bundle(format) {
  const manifest = await readManifest(process.cwd());
  const latest = await fetchLatestVersion(format);
  return { manifest, latest };
}`,
    options: [{ requireEvidence: false }],
    errors: [
      gatheredPair(3, 20, `
async function bundle(format) {
  const [manifest, latest] = await Promise.all([
    readManifest(process.cwd()),
    fetchLatestVersion(format),
  ]);
  return { manifest, latest };
}`),
    ],
  },
  // a store read beside one request: still a pair the reviewers' corpora label (a local wait beside a remote one)
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
      gatheredPair(4, 16, `import * as models from './models';
import { fetchSharedWith } from './sharing';
export async function openNote(id: string) {
  const [note, members] = await Promise.all([models.note.getById(id), fetchSharedWith(id)]);
  return { note, members };
}`),
    ],
  },
  // a store read beside two requests to the sharing service: the requests' waits overlap
  {
    filename: app,
    code: `import * as models from './models';
import { fetchComments, fetchSharedWith } from './sharing';
export async function openNote(id: string) {
  const note = await models.note.getById(id);
  const members = await fetchSharedWith(id);
  const comments = await fetchComments(id);
  return { note, members, comments };
}`,
    errors: [
      gatheredGroup(3, 4, 16, `import * as models from './models';
import { fetchComments, fetchSharedWith } from './sharing';
export async function openNote(id: string) {
  const [note, members, comments] = await Promise.all([
    models.note.getById(id),
    fetchSharedWith(id),
    fetchComments(id),
  ]);
  return { note, members, comments };
}`),
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
      gatheredPair(3, 20, `import { fetchBuildsAsync, fetchReleasesAsync } from './credentials';
export async function status(api: { get(path: string): Promise<unknown> }, app: string) {
  const [releases, builds] = await Promise.all([
    fetchReleasesAsync(api, app),
    fetchBuildsAsync(api, app),
  ]);
  return { releases, builds };
}`),
    ],
  },
  // two requests to remotes beside a local git read: the requests' waits overlap
  {
    code: `import * as git from 'isomorphic-git';
export async function compare(fs: object, dir: string, url: string, mirror: string) {
  const branch = await git.currentBranch({ fs, dir });
  const origin = await git.getRemoteInfo({ url });
  const backup = await git.getRemoteInfo({ url: mirror });
  return { branch, origin, backup };
}`,
    options: [{ requireEvidence: false }],
    errors: [
      gatheredGroup(3, 3, 18, `import * as git from 'isomorphic-git';
export async function compare(fs: object, dir: string, url: string, mirror: string) {
  const [branch, origin, backup] = await Promise.all([
    git.currentBranch({ fs, dir }),
    git.getRemoteInfo({ url }),
    git.getRemoteInfo({ url: mirror }),
  ]);
  return { branch, origin, backup };
}`),
    ],
  },
  // two reads of different tables: still gathered
  {
    code: `import { listPayments, listRefunds } from './payments';
export async function ledger(ids: string[]) {
  const payments = await listPayments(ids);
  const refunds = await listRefunds(ids);
  return { payments, refunds };
}`,
    options: [{ requireEvidence: false }],
    errors: [
      gatheredPair(3, 20, `import { listPayments, listRefunds } from './payments';
export async function ledger(ids: string[]) {
  const [payments, refunds] = await Promise.all([listPayments(ids), listRefunds(ids)]);
  return { payments, refunds };
}`),
    ],
  },
  // a module with a local SQLite cache and the GitHub client: its package says nothing local
  {
    filename: app,
    code: `import { getOpenIssues, getRepo } from './issues';
export async function dashboard(owner: string, name: string) {
  const repo = await getRepo(owner, name);
  const issues = await getOpenIssues(owner, name);
  return { repo, issues };
}`,
    errors: [
      gatheredPair(3, 16, `import { getOpenIssues, getRepo } from './issues';
export async function dashboard(owner: string, name: string) {
  const [repo, issues] = await Promise.all([getRepo(owner, name), getOpenIssues(owner, name)]);
  return { repo, issues };
}`),
    ],
  },
  // a step that may ask ends the group there: the two requests after it are still gathered
  {
    filename: cli,
    code: `import { fetchBuildsAsync, fetchReleasesAsync, resolveOwnerAsync } from './credentials';
export async function overview(api: { get(path: string): Promise<unknown> }, app: string) {
  const owner = await resolveOwnerAsync({});
  const releases = await fetchReleasesAsync(api, app);
  const builds = await fetchBuildsAsync(api, app);
  return { owner, releases, builds };
}`,
    errors: [
      gatheredPair(4, 20, `import { fetchBuildsAsync, fetchReleasesAsync, resolveOwnerAsync } from './credentials';
export async function overview(api: { get(path: string): Promise<unknown> }, app: string) {
  const owner = await resolveOwnerAsync({});
  const [releases, builds] = await Promise.all([
    fetchReleasesAsync(api, app),
    fetchBuildsAsync(api, app),
  ]);
  return { owner, releases, builds };
}`),
    ],
  },
  // the switch written as the literal that turns asking off: the call will not ask
  {
    filename: cli,
    code: `import { fetchBuildsAsync } from './credentials';
export async function ciStatus(loadProject: (o: object) => Promise<unknown>, api: { get(path: string): Promise<unknown> }, app: string) {
  const project = await loadProject({ app, nonInteractive: true });
  const builds = await fetchBuildsAsync(api, app);
  return { project, builds };
}`,
    errors: [
      gatheredPair(3, 19, `import { fetchBuildsAsync } from './credentials';
export async function ciStatus(loadProject: (o: object) => Promise<unknown>, api: { get(path: string): Promise<unknown> }, app: string) {
  const [project, builds] = await Promise.all([
    loadProject({ app, nonInteractive: true }),
    fetchBuildsAsync(api, app),
  ]);
  return { project, builds };
}`),
    ],
  },
  // a helper returning \`redis.keys(...)\` unawaited hands back the round trip: a real wait
  {
    filename: routes,
    code: `import { listSessionKeys } from './sessions';
import { loadProfile } from './profiles';
export async function dashboard(userId: string) {
  const sessions = await listSessionKeys(userId);
  const profile = await loadProfile(userId);
  return { sessions, profile };
}`,
    errors: [
      gatheredPair(4, 20, `import { listSessionKeys } from './sessions';
import { loadProfile } from './profiles';
export async function dashboard(userId: string) {
  const [sessions, profile] = await Promise.all([listSessionKeys(userId), loadProfile(userId)]);
  return { sessions, profile };
}`),
    ],
  },
];

ruleTester.run('prefer-promise-all (local work and questions)', testedRule, {
  valid: [
    // each call handed the working directory itself: the project's manifest and its dependency
    // list, read from the folder on this machine (a local read each)
    `async function bundle(format) {
      const manifest = await readManifest(process.cwd());
      const external = await listRuntimeDependencies(process.cwd());
      return { manifest, external, format };
    }`,
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
    // helpers that return a value library's answer (lodash's \`_.filter\`): computed in place, not a client's round trip
    {
      filename: routes,
      code: `import { activeUsers, teamNames } from './select';
export async function overview(users: Array<{ active: boolean }>, teams: Array<{ name: string }>) {
  const active = await activeUsers(users);
  const names = await teamNames(teams);
  return { active, names };
}`,
    },
    // a helper that joins values at hand waits on nothing (a local array's \`join\`)
    {
      filename: routes,
      code: `import { sessionKey } from './sessions';
import { loadProfile } from './profiles';
export async function profileFor(userId: string, device: string) {
  const key = await sessionKey(userId, device);
  const profile = await loadProfile(userId);
  return { key, profile };
}`,
    },
    // two reads of the local repository through isomorphic-git (the `fs` it is handed)
    {
      code: `import * as git from 'isomorphic-git';
export class Workspace {
  constructor(private readonly options: { fs: object; dir: string }) {}
  async currentBranch() {
    return git.currentBranch({ ...this.options });
  }
  async branchPicker() {
    const current = await this.currentBranch();
    const branches = await git.listBranches({ ...this.options });
    return { current, branches };
  }
}`,
    },
    // a list of rows, then a soft delete of the same rows: the list excludes deleted rows
    {
      code: `import { listPayments, softDeletePayments } from './payments';
export async function removePayments(ids: string[]) {
  const payments = await listPayments(ids);
  const removed = await softDeletePayments(ids);
  return { payments, removed };
}`,
    },
    // three bundled JSON files read through a toolkit's file-system object: small local reads
    `import { ToolkitFsExtra } from '@acme/toolkit-utils';
export async function loadCatalog(paths) {
  const entries = await ToolkitFsExtra.readJSON(paths.entries);
  const bindings = await ToolkitFsExtra.readJSON(paths.bindings);
  const strings = await ToolkitFsExtra.readJSON(paths.strings);
  return { entries, bindings, strings };
}`,
  ],
  invalid: [
    ...invalid,
    // a toolkit's file-system object beside a download: the download still waits on the network
    {
      code: `import { ToolkitFsExtra } from '@acme/toolkit-utils';
export async function refreshCatalog(paths, feedUrl) {
  const local = await ToolkitFsExtra.readJSON(paths.entries);
  const remote = await fetch(feedUrl);
  return { local, remote };
}`,
      errors: [
        gatheredPair(3, 17, `import { ToolkitFsExtra } from '@acme/toolkit-utils';
export async function refreshCatalog(paths, feedUrl) {
  const [local, remote] = await Promise.all([
    ToolkitFsExtra.readJSON(paths.entries),
    fetch(feedUrl),
  ]);
  return { local, remote };
}`),
      ],
    },
  ],
});

assertSuggestionsParse('prefer-promise-all', invalid);
