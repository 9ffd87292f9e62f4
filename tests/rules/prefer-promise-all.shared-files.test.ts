import path from 'node:path';
import type { InvalidTestCase } from '@typescript-eslint/rule-tester';
import rule, { type MessageIds, type Options } from '../../src/rules/prefer-promise-all';
import { assertSuggestionsParse } from '../gather-suggestions-parse';
import { FIXTURES_DIR, ruleTester } from '../rule-tester';
import { gatheredPair } from './gathered-reports';

/**
 * Two awaited functions of one relative module that touch the same file by a path the module
 * names (`analysis/module-functions.ts`, `moduleFunctionFixedFiles`; fixture
 * `account-files/session.ts`): the first writes it, the second reads it, so they stay apart.
 */
const filename = path.join(FIXTURES_DIR, 'account-files', 'file.ts');

// @typescript-eslint/rule-tester pins its own copy of utils; the rule is the same object at run time.
const testedRule = rule as unknown as Parameters<typeof ruleTester.run<MessageIds, Options>>[1];

const invalid: InvalidTestCase<MessageIds, Options>[] = [
  // the project is remembered in a file of its own: the session file is not written
  {
    filename,
    code: `import { openProject, readSession } from './session';
export async function start(project) {
  const page = await openProject(project);
  const session = await readSession();
  return { page, session };
}`,
    errors: [
      gatheredPair(3, 16, `import { openProject, readSession } from './session';
export async function start(project) {
  const [page, session] = await Promise.all([openProject(project), readSession()]);
  return { page, session };
}`),
    ],
  },
  // paths handed as arguments are not the module's own: two different reports
  {
    filename,
    code: `import { fetchReport, fetchSummary } from './session';
export async function sync(project, summaryFile, reportFile) {
  const summary = await fetchSummary(summaryFile, project);
  const report = await fetchReport(reportFile, project);
  return { summary, report };
}`,
    errors: [
      gatheredPair(3, 19, `import { fetchReport, fetchSummary } from './session';
export async function sync(project, summaryFile, reportFile) {
  const [summary, report] = await Promise.all([
    fetchSummary(summaryFile, project),
    fetchReport(reportFile, project),
  ]);
  return { summary, report };
}`),
    ],
  },
  // a callback's parameter names whatever file each call hands it, not a file of the module
  {
    filename,
    code: `import { checkToken, readProfile } from './profile';
export async function load(token) {
  const valid = await checkToken(token);
  const profile = await readProfile();
  return { valid, profile };
}`,
    errors: [
      gatheredPair(3, 17, `import { checkToken, readProfile } from './profile';
export async function load(token) {
  const [valid, profile] = await Promise.all([checkToken(token), readProfile()]);
  return { valid, profile };
}`),
    ],
  },
  // two reads of one file of the module (a name it imports) do not wait on each other
  {
    filename,
    code: `import { readSettings, settingsVersion } from './profile';
export async function show() {
  const settings = await readSettings();
  const version = await settingsVersion();
  return { settings, version };
}`,
    errors: [
      gatheredPair(3, 20, `import { readSettings, settingsVersion } from './profile';
export async function show() {
  const [settings, version] = await Promise.all([readSettings(), settingsVersion()]);
  return { settings, version };
}`),
    ],
  },
];

ruleTester.run('prefer-promise-all with files that other modules write and read', testedRule, {
  valid: [
    // the login check rewrites the session file, then the session is read from it
    {
      filename,
      code: `import { readSession, getAccountClient } from './session';
export async function login(token) {
  const valid = await getAccountClient(token);
  const session = await readSession();
  return valid ? session.id : null;
}`,
    },
    // the other way round: reading it while it is rewritten sees it before or after
    {
      filename,
      code: `import { readSession, getAccountClient } from './session';
export async function relogin(token) {
  const before = await readSession();
  const valid = await getAccountClient(token);
  return { before, valid };
}`,
    },
  ],
  invalid,
});

assertSuggestionsParse('prefer-promise-all', invalid);
