import type { InvalidTestCase } from '@typescript-eslint/rule-tester';
import rule, { type MessageIds, type Options } from '../../src/rules/prefer-promise-all-in-loop';
import { assertSuggestionsParse } from '../gather-suggestions-parse';
import { ruleTester } from '../rule-tester';

/**
 * A loop whose every `await` is a call of the file-system API works on a few local files
 * (scaffolding, clean-up, start-up checks): gathering saves milliseconds. Measured on six judged
 * sets of real code (session 7): 13 such reports pointless, 1 worth. A loop that also awaits
 * other work, or reaches the files through a helper of its own, is judged as usual.
 */
const invalid: InvalidTestCase<MessageIds, Options>[] = [
  // a file read, then an upload of it: the upload is real work per item
  {
    code: `import { readFile } from 'node:fs/promises';
export async function publish(files) {
  for (const file of files) {
    const body = await readFile(file);
    await upload(file, body);
  }
}`,
    errors: [{ messageId: 'awaitInLoop', line: 4, column: 18, suggestions: [{ messageId: 'useGatherMap', output: `import { readFile } from 'node:fs/promises';
export async function publish(files) {
  await Promise.all(Array.from(files, async (file) => {
    const body = await readFile(file);
    await upload(file, body);
  }));
}` }] }],
  },
  // a helper of this file that reads and parses each file: judged by what the helper does
  {
    code: `import { readFile } from 'node:fs/promises';
async function loadJson(file) { return JSON.parse(await readFile(file, 'utf8')); }
export async function loadAll(files) {
  const all = [];
  for (const file of files) all.push(await loadJson(file));
  return all;
}`,
    // no rewrite is offered for a push written on the loop's line
    errors: [{ messageId: 'awaitInLoop', line: 5, column: 38, suggestions: [] }],
  },
];

ruleTester.run<MessageIds, Options>('prefer-promise-all-in-loop (local files only)', rule as never, {
  valid: [
    // one directory made per item, through a default import of node:fs/promises
    `import fs from 'node:fs/promises';
    export async function ensureDirs(dirs) {
      for (const dir of dirs) await fs.mkdir(dir, { recursive: true });
    }`,
    // fs.promises of a required 'fs', with the result collected
    `const fs = require('fs');
    async function sizes(files) {
      const out = [];
      for (const file of files) {
        const info = await fs.promises.stat(file);
        out.push(info.size);
      }
      return out;
    }`,
    // two awaits per item, both of fs-extra (named imports)
    `import { copy, remove } from 'fs-extra';
    export async function install(assets) {
      for (const asset of assets) {
        await remove(asset.target);
        await copy(asset.source, asset.target);
      }
    }`,
  ],
  invalid,
});

assertSuggestionsParse('prefer-promise-all-in-loop', invalid);
