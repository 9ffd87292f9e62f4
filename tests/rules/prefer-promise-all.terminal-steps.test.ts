import path from 'node:path';
import type { InvalidTestCase } from '@typescript-eslint/rule-tester';
import rule, { type MessageIds, type Options } from '../../src/rules/prefer-promise-all';
import { assertSuggestionsParse } from '../gather-suggestions-parse';
import { FIXTURES_DIR, ruleTester } from '../rule-tester';
import { gatheredPair } from './gathered-reports';

/**
 * Steps of a command-line tool that use the terminal one module away (fixtures `terminal-steps/`):
 * a sign-in helper that asks through readline's `question` (in a local helper handed the
 * interface) when no saved session answers, and a settings helper that asks through the project's
 * own picker module, called as a member of a whole-module import; default exports written as an
 * arrow or exported by a local name; prompts written with the answers' type on the call
 * (`deploy-settings.ts`). A person answers one question
 * at a time: such a step ends the group as a direct prompt does. Helpers that read lines of a
 * file through readline, or only send requests, are still gathered.
 */
const command = path.join(FIXTURES_DIR, 'terminal-steps', 'command.ts');

// @typescript-eslint/rule-tester pins its own copy of utils; the rule is the same object at run time.
const testedRule = rule as unknown as Parameters<typeof ruleTester.run<MessageIds, Options>>[1];

type Invalid = InvalidTestCase<MessageIds, Options>;

const invalid: Invalid[] = [
  // readline without a question (a file read line by line) beside a request: still gathered
  {
    filename: command,
    code: `import { countEntriesAsync } from './lines';
import { fetchProjectsAsync } from './remote';
export async function summary(api: { get(path: string): Promise<unknown> }) {
  const entries = await countEntriesAsync('journal.log');
  const projects = await fetchProjectsAsync(api);
  return { entries, projects };
}`,
    errors: [
      gatheredPair(4, 19, `import { countEntriesAsync } from './lines';
import { fetchProjectsAsync } from './remote';
export async function summary(api: { get(path: string): Promise<unknown> }) {
  const [entries, projects] = await Promise.all([
    countEntriesAsync('journal.log'),
    fetchProjectsAsync(api),
  ]);
  return { entries, projects };
}`),
    ],
  },
  // the questions asked first end the group there: the two requests after them are still gathered
  {
    filename: command,
    code: `import { chooseBuildOptionsAsync } from './build-options';
import { fetchProjectsAsync, fetchRegionsAsync } from './remote';
export async function plan(api: { get(path: string): Promise<unknown> }) {
  const options = await chooseBuildOptionsAsync({});
  const projects = await fetchProjectsAsync(api);
  const regions = await fetchRegionsAsync(api);
  return { options, projects, regions };
}`,
    errors: [
      gatheredPair(5, 20, `import { chooseBuildOptionsAsync } from './build-options';
import { fetchProjectsAsync, fetchRegionsAsync } from './remote';
export async function plan(api: { get(path: string): Promise<unknown> }) {
  const options = await chooseBuildOptionsAsync({});
  const [projects, regions] = await Promise.all([fetchProjectsAsync(api), fetchRegionsAsync(api)]);
  return { options, projects, regions };
}`),
    ],
  },
  // a call whose answer's type is written on it (`api.get<{ dir: string }>(path)`) is no question: still gathered
  {
    filename: command,
    code: `import { fetchSiteSettings } from './deploy-settings';
import { fetchProjectsAsync } from './remote';
export async function overview(api: { get<T>(path: string): Promise<T> }) {
  const settings = await fetchSiteSettings(api);
  const projects = await fetchProjectsAsync(api);
  return { settings, projects };
}`,
    errors: [
      gatheredPair(4, 20, `import { fetchSiteSettings } from './deploy-settings';
import { fetchProjectsAsync } from './remote';
export async function overview(api: { get<T>(path: string): Promise<T> }) {
  const [settings, projects] = await Promise.all([fetchSiteSettings(api), fetchProjectsAsync(api)]);
  return { settings, projects };
}`),
    ],
  },
];

ruleTester.run('prefer-promise-all (terminal steps of other modules)', testedRule, {
  valid: [
    // a sign-in that may ask on the terminal through readline, then a request
    {
      filename: command,
      code: `import { signInAsync } from './session';
import { fetchProjectsAsync } from './remote';
export async function projects(api: { get(path: string): Promise<unknown>; post(path: string, body: object): Promise<string> }) {
  const session = await signInAsync(api);
  const list = await fetchProjectsAsync(api);
  return { session, list };
}`,
    },
    // the sign-in, then the build's settings asked through the project's picker
    {
      filename: command,
      code: `import { signInAsync } from './session';
import { chooseBuildOptionsAsync } from './build-options';
export async function build(api: { get(path: string): Promise<unknown>; post(path: string, body: object): Promise<string> }) {
  const session = await signInAsync(api);
  const options = await chooseBuildOptionsAsync({ target: process.env.TARGET });
  return { session, options };
}`,
    },
    // default exports: an arrow written after \`export default\`, and a function exported by its local name
    {
      filename: command,
      code: `import confirmPublish from './confirm-publish';
import releaseChannel from './release-channel';
import { fetchProjectsAsync } from './remote';
export async function publish(api: { get(path: string): Promise<unknown> }, flags: { channel?: string }) {
  const approved = await confirmPublish({});
  const channel = await releaseChannel(flags.channel);
  const projects = await fetchProjectsAsync(api);
  return { approved, channel, projects };
}`,
    },
    // the same helpers through a whole-module import of each
    {
      filename: command,
      code: `import * as session from './session';
import * as settings from './build-options';
export async function release(api: { get(path: string): Promise<unknown>; post(path: string, body: object): Promise<string> }) {
  const token = await session.signInAsync(api);
  const options = await settings.chooseBuildOptionsAsync({});
  return { token, options };
}`,
    },
    // prompts written with the answers' type on the call (\`inquirer.prompt<{ dir: string }>([...])\`,
    // also over lines, or with parentheses inside the type): the settings step asks
    {
      filename: command,
      code: `import { targetDetails } from './deploy-settings';
import { fetchProjectsAsync } from './remote';
export async function deploy(api: { get(path: string): Promise<unknown> }) {
  const projects = await fetchProjectsAsync(api);
  const settings = await targetDetails({ branch: 'main' });
  return { projects, settings };
}`,
    },
    {
      filename: command,
      code: `import { preferredFormat } from './deploy-settings';
import { fetchProjectsAsync, fetchRegionsAsync } from './remote';
export async function listAll(api: { get(path: string): Promise<unknown> }) {
  const projects = await fetchProjectsAsync(api);
  const format = await preferredFormat();
  const regions = await fetchRegionsAsync(api);
  return { projects, format, regions };
}`,
    },
  ],
  invalid,
});

assertSuggestionsParse('prefer-promise-all', invalid);
