import { RuleTester } from '@typescript-eslint/rule-tester';
import { FIXTURES_DIR } from '../rule-tester';
import { error, fsError, helperError, IN_EXPORTED, REPLACEMENT, testedRule, twin } from './no-blocking-in-async.errors';

// The shared `typedRuleTester` lists `*.ts` in `allowDefaultProject` although the fixture tsconfig
// already includes `*.ts`, which the project service rejects ("was included by allowDefaultProject
// but also was found in the project service"). Until it is fixed there, this file uses the
// fixture project directly.
const typedRuleTester = new RuleTester({
  languageOptions: {
    parserOptions: { projectService: { defaultProject: 'tsconfig.json' }, tsconfigRootDir: FIXTURES_DIR },
  },
});

// Typed mode: calls resolved by the declaration of what they call, through the project's
// re-exports (tests/fixtures/blocking-reexports.ts, tests/fixtures/blocking-barrel.ts).
typedRuleTester.run('no-blocking-in-async typed', testedRule, {
  valid: [
    {
      filename: 'file.ts',
      code: `import { readText, existsSync } from './blocking-reexports';
async function f() { await readText('a'); existsSync('b'); }`,
    },
    {
      filename: 'file.ts',
      code: `import { io } from './blocking-barrel';
async function f() { await io.readText('a'); }`,
    },
    // still only inside async functions
    {
      filename: 'file.ts',
      code: `import { readFileSync } from './blocking-reexports';
function f() { return readFileSync('a'); }`,
    },
    {
      filename: 'file.ts',
      code: `import fs from 'fs';
async function f() { await fs.promises.readFile('a'); }`,
    },
    // wrappers that block only on a branch, once, later, asynchronously, or not at all
    {
      filename: 'file.ts',
      code: `import { maybeRead, cachedConfig, later, readJsonAsync, pure } from './blocking-wrappers';
async function f() { maybeRead('a', false); cachedConfig(); later('b'); await readJsonAsync('c'); pure('d'); }`,
    },
    // a wrapper called outside an async function
    {
      filename: 'file.ts',
      code: `import { readJson } from './blocking-wrappers';
export const config = readJson('config.json');`,
    },
  ],
  invalid: [
    // the untyped resolution still works in typed mode
    {
      filename: 'file.ts',
      code: `import { existsSync } from 'fs';
async function f() { return existsSync('a'); }`,
      errors: [fsError('fs.existsSync', REPLACEMENT.existsSync, 2, 29)],
    },
    // re-exported (and renamed) through a project module
    {
      filename: 'file.ts',
      code: `import { readFileSync, stat } from './blocking-reexports';
async function f(p: string) { return stat(p).size + readFileSync(p, 'utf8').length; }`,
      errors: [
        // no suggestion: \`stat\` is already bound (to the re-exported statSync)
        fsError('fs.statSync', REPLACEMENT.stat, 2, 38),
        fsError('fs.readFileSync', REPLACEMENT.readFile, 2, 53, [
          twin(
            'readFile',
            `import { readFileSync, stat } from './blocking-reexports';
import { readFile } from 'node:fs/promises';
async function f(p: string) { return stat(p).size + (await readFile(p, 'utf8')).length; }`,
          ),
        ]),
      ],
    },
    // export * and an alias bound to the API
    {
      filename: 'file.ts',
      code: `import * as io from './blocking-reexports';
async function f() { io.execSync('ls'); return io.read('a'); }`,
      errors: [
        error('blockingProcess', 'child_process.execSync', REPLACEMENT.childProcess, 2, 22),
        fsError('fs.readFileSync', REPLACEMENT.readFile, 2, 48, [
          twin(
            'readFile',
            `import * as io from './blocking-reexports';
import { readFile } from 'node:fs/promises';
async function f() { io.execSync('ls'); return await readFile('a'); }`,
          ),
        ]),
      ],
    },
    // import-equals of the re-exporting module
    {
      filename: 'file.ts',
      code: `import io = require('./blocking-reexports');
async function f() { return io.readFileSync('a'); }`,
      errors: [
        fsError('fs.readFileSync', REPLACEMENT.readFile, 2, 29, [
          twin(
            'readFile',
            `import io = require('./blocking-reexports');
import { readFile } from 'node:fs/promises';
async function f() { return await readFile('a'); }`,
          ),
        ]),
      ],
    },
    // wrappers written in another project file
    {
      filename: 'file.ts',
      code: `import { readJson, gitHead } from './blocking-wrappers';
import * as wrappers from './blocking-wrappers';
export async function info() { return { config: readJson('c.json'), head: gitHead(), again: wrappers.readJson('d') }; }`,
      errors: [
        helperError('readJson', 'readJson() -> fs.readFileSync', REPLACEMENT.readFile, 3, 49, IN_EXPORTED),
        helperError('gitHead', 'gitHead() -> child_process.execSync', REPLACEMENT.childProcess, 3, 75, IN_EXPORTED),
        helperError('readJson', 'readJson() -> fs.readFileSync', REPLACEMENT.readFile, 3, 93, IN_EXPORTED),
      ],
    },
    // a same-file helper calling a wrapper of another file
    {
      filename: 'file.ts',
      code: `import { readJson } from './blocking-wrappers';
function load() { return readJson('config.json'); }
export async function main() { return load(); }`,
      errors: [helperError('load', 'load() -> readJson() -> fs.readFileSync', REPLACEMENT.readFile, 3, 39, IN_EXPORTED)],
    },
    // two hops
    {
      filename: 'file.ts',
      code: `import { io } from './blocking-barrel';
async function f() { io.spawnSync('ls'); }`,
      errors: [error('blockingProcess', 'child_process.spawnSync', REPLACEMENT.childProcess, 2, 22)],
    },
    // a blocking helper of the file that calls a re-exported API
    {
      filename: 'file.ts',
      code: `import { read } from './blocking-reexports';
function load() { return read('config.json', 'utf8'); }
export async function main() { return load(); }`,
      errors: [
        helperError('load', 'load() -> fs.readFileSync', REPLACEMENT.readFile, 3, 39, IN_EXPORTED),
      ],
    },
  ],
});
