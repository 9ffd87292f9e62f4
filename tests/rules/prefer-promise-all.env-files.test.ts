import path from 'node:path';
import type { InvalidTestCase } from '@typescript-eslint/rule-tester';
import rule, { type MessageIds, type Options } from '../../src/rules/prefer-promise-all';
import { assertSuggestionsParse } from '../gather-suggestions-parse';
import { FIXTURES_DIR, ruleTester } from '../rule-tester';
import { gatheredPair } from './gathered-reports';

/**
 * Helpers of another module that load the project's env files (fixtures `env-files/`): the
 * helper called merges what a function of a second module parses with dotenv from `.env` files
 * read off the disk. A few small local files: no member of a group, and the group ends there, as
 * for other calls that wait on nothing worth overlapping. A helper that reads an env file and then
 * asks a server (`loadSecrets`) is still a member.
 */
const command = path.join(FIXTURES_DIR, 'env-files', 'command.ts');

// @typescript-eslint/rule-tester pins its own copy of utils; the rule is the same object at run time.
const testedRule = rule as unknown as Parameters<typeof ruleTester.run<MessageIds, Options>>[1];

type Invalid = InvalidTestCase<MessageIds, Options>;

const invalid: Invalid[] = [
  // an env file read for a secret's name, then a request for the secret, beside another request
  {
    filename: command,
    code: `import { loadSecrets } from './settings';
import { fetchSiteInfo } from './remote';
export async function serve(api: { get(path: string): Promise<unknown> }, root: string, id: string) {
  const secrets = await loadSecrets({ root });
  const site = await fetchSiteInfo(api, id);
  return { secrets, site };
}`,
    errors: [
      gatheredPair(4, 19, `import { loadSecrets } from './settings';
import { fetchSiteInfo } from './remote';
export async function serve(api: { get(path: string): Promise<unknown> }, root: string, id: string) {
  const [secrets, site] = await Promise.all([loadSecrets({ root }), fetchSiteInfo(api, id)]);
  return { secrets, site };
}`),
    ],
  },
  // the env files merged first: the two requests after them are still gathered
  {
    filename: command,
    code: `import { mergeEnvFiles } from './settings';
import { fetchAccounts, fetchSiteInfo } from './remote';
export async function dev(api: { get(path: string): Promise<unknown> }, root: string, id: string) {
  let env = {};
  env = await mergeEnvFiles({ env, root });
  const site = await fetchSiteInfo(api, id);
  const accounts = await fetchAccounts(api);
  return { env, site, accounts };
}`,
    errors: [
      gatheredPair(6, 16, `import { mergeEnvFiles } from './settings';
import { fetchAccounts, fetchSiteInfo } from './remote';
export async function dev(api: { get(path: string): Promise<unknown> }, root: string, id: string) {
  let env = {};
  env = await mergeEnvFiles({ env, root });
  const [site, accounts] = await Promise.all([fetchSiteInfo(api, id), fetchAccounts(api)]);
  return { env, site, accounts };
}`),
    ],
  },
];

ruleTester.run('prefer-promise-all (env files of other modules)', testedRule, {
  valid: [
    // the env files merged into the command's environment, then one request
    {
      filename: command,
      code: `import { mergeEnvFiles } from './settings';
import { fetchSiteInfo } from './remote';
export async function dev(api: { get(path: string): Promise<unknown> }, root: string, id: string) {
  let env = {};
  env = await mergeEnvFiles({ env, root });
  const site = await fetchSiteInfo(api, id);
  return { env, site };
}`,
    },
    // the same through a whole-module import
    {
      filename: command,
      code: `import * as settings from './settings';
import { fetchSiteInfo } from './remote';
export async function serve(api: { get(path: string): Promise<unknown> }, root: string, id: string) {
  const env = await settings.mergeEnvFiles({ env: {}, root });
  const site = await fetchSiteInfo(api, id);
  return { env, site };
}`,
    },
  ],
  invalid,
});

assertSuggestionsParse('prefer-promise-all', invalid);
