import { ruleTester } from '../rule-tester';
import { commonjs, fsError, IN_EXPORTED, REPLACEMENT, testedRule, twin, type Invalid } from './no-blocking-in-async.errors';

/** Every sync API with an exact `node:fs/promises` twin gets the suggestion; the argument list is kept. */
const TWINS: [sync: string, promise: string, args: string][] = [
  ['accessSync', 'access', "p, fs.constants.R_OK"],
  ['appendFileSync', 'appendFile', "p, 'line\\n'"],
  ['chmodSync', 'chmod', 'p, 0o644'],
  ['copyFileSync', 'copyFile', "p, 'b'"],
  ['lstatSync', 'lstat', 'p'],
  ['mkdirSync', 'mkdir', 'p, { recursive: true }'],
  ['readdirSync', 'readdir', 'p, { withFileTypes: true }'],
  ['readFileSync', 'readFile', "p, 'utf8'"],
  ['readlinkSync', 'readlink', 'p'],
  ['realpathSync', 'realpath', 'p'],
  ['renameSync', 'rename', "p, 'b'"],
  ['rmdirSync', 'rmdir', 'p'],
  ['rmSync', 'rm', 'p, { recursive: true, force: true }'],
  ['statSync', 'stat', 'p, { bigint: true }'],
  ['symlinkSync', 'symlink', "p, 'link'"],
  ['unlinkSync', 'unlink', 'p'],
  ['writeFileSync', 'writeFile', "p, 'data'"],
];

const twinCases: Invalid[] = TWINS.map(([sync, promise, args]) => ({
  code: `import fs from 'fs';
async function f(p) { fs.${sync}(${args}); }`,
  errors: [
    fsError(`fs.${sync}`, `'await ${promise}()' from 'node:fs/promises'`, 2, 23, [
      twin(
        promise,
        `import fs from 'fs';
import { ${promise} } from 'node:fs/promises';
async function f(p) { await ${promise}(${args}); }`,
      ),
    ]),
  ],
}));

ruleTester.run('no-blocking-in-async suggestions', testedRule, {
  valid: [],
  invalid: [
    // one case per exact twin
    ...twinCases,

    // the promises import: added after the last import, or reused
    {
      code: `import { join } from 'node:path';
import { readFileSync } from 'node:fs';
export async function load(dir) {
  return readFileSync(join(dir, 'a.json'), 'utf8');
}`,
      errors: [
        fsError('fs.readFileSync', REPLACEMENT.readFile, 4, 10, [
          twin(
            'readFile',
            `import { join } from 'node:path';
import { readFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
export async function load(dir) {
  return await readFile(join(dir, 'a.json'), 'utf8');
}`,
          ),
        ], IN_EXPORTED),
      ],
    },
    {
      code: `import fs from 'fs';
import { readFile } from 'fs/promises';
async function f(p) { fs.writeFileSync(p, await readFile(p)); }`,
      errors: [
        fsError('fs.writeFileSync', REPLACEMENT.writeFile, 3, 23, [
          twin(
            'writeFile',
            `import fs from 'fs';
import { readFile, writeFile } from 'fs/promises';
async function f(p) { await writeFile(p, await readFile(p)); }`,
          ),
        ]),
      ],
    },
    {
      code: `import fs from 'fs';
import { readFile as read } from 'node:fs/promises';
async function f(p) { return fs.readFileSync(p); }`,
      errors: [
        fsError('fs.readFileSync', REPLACEMENT.readFile, 3, 30, [
          twin(
            'readFile',
            `import fs from 'fs';
import { readFile as read } from 'node:fs/promises';
async function f(p) { return await read(p); }`,
          ),
        ]),
      ],
    },
    {
      code: `import fs from 'fs';
import * as fsp from 'node:fs/promises';
async function f(p) { return fs.statSync(p); }`,
      errors: [
        fsError('fs.statSync', REPLACEMENT.stat, 3, 30, [
          twin(
            'stat',
            `import fs from 'fs';
import * as fsp from 'node:fs/promises';
async function f(p) { return await fsp.stat(p); }`,
          ),
        ]),
      ],
    },
    {
      code: `import fs from 'fs';
import fsp from 'fs/promises';
async function f(p) { return fs.statSync(p); }`,
      errors: [
        fsError('fs.statSync', REPLACEMENT.stat, 3, 30, [
          twin(
            'stat',
            `import fs from 'fs';
import fsp from 'fs/promises';
async function f(p) { return await fsp.stat(p); }`,
          ),
        ]),
      ],
    },

    // CommonJS: a require is added after the last top-level require, or reused
    {
      code: `'use strict';
const fs = require('fs');
const path = require('path');
module.exports = async function load(p) { return fs.readFileSync(p, 'utf8'); };`,
      languageOptions: commonjs(),
      errors: [
        fsError('fs.readFileSync', REPLACEMENT.readFile, 4, 50, [
          twin(
            'readFile',
            `'use strict';
const fs = require('fs');
const path = require('path');
const { readFile } = require('node:fs/promises');
module.exports = async function load(p) { return await readFile(p, 'utf8'); };`,
          ),
        ], IN_EXPORTED),
      ],
    },
    {
      code: `'use strict';
async function load(p) { return require('fs').readFileSync(p); }`,
      languageOptions: commonjs(),
      errors: [
        fsError('fs.readFileSync', REPLACEMENT.readFile, 2, 33, [
          twin(
            'readFile',
            `'use strict';
const { readFile } = require('node:fs/promises');
async function load(p) { return await readFile(p); }`,
          ),
        ]),
      ],
    },
    {
      code: `const fs = require('fs');
const { readFile } = require('fs/promises');
async function f(p) { return fs.readFileSync(p); }`,
      languageOptions: commonjs(),
      errors: [
        fsError('fs.readFileSync', REPLACEMENT.readFile, 3, 30, [
          twin(
            'readFile',
            `const fs = require('fs');
const { readFile } = require('fs/promises');
async function f(p) { return await readFile(p); }`,
          ),
        ]),
      ],
    },
    {
      code: `const fs = require('fs');
const fsp = require('node:fs/promises');
async function f(p) { return fs.readdirSync(p); }`,
      languageOptions: commonjs(),
      errors: [
        fsError('fs.readdirSync', "'await readdir()' from 'node:fs/promises'", 3, 30, [
          twin(
            'readdir',
            `const fs = require('fs');
const fsp = require('node:fs/promises');
async function f(p) { return await fsp.readdir(p); }`,
          ),
        ]),
      ],
    },

    // parentheses where await would bind differently
    {
      code: `import fs from 'fs';
async function f(p) {
  const text = fs.readFileSync(p).toString();
  const size = fs.statSync(p).size;
  const data = JSON.parse(fs.readFileSync(p, 'utf8')) + fs.readFileSync(p, 'utf8');
}`,
      errors: [
        fsError('fs.readFileSync', REPLACEMENT.readFile, 3, 16, [
          twin(
            'readFile',
            `import fs from 'fs';
import { readFile } from 'node:fs/promises';
async function f(p) {
  const text = (await readFile(p)).toString();
  const size = fs.statSync(p).size;
  const data = JSON.parse(fs.readFileSync(p, 'utf8')) + fs.readFileSync(p, 'utf8');
}`,
          ),
        ]),
        fsError('fs.statSync', REPLACEMENT.stat, 4, 16, [
          twin(
            'stat',
            `import fs from 'fs';
import { stat } from 'node:fs/promises';
async function f(p) {
  const text = fs.readFileSync(p).toString();
  const size = (await stat(p)).size;
  const data = JSON.parse(fs.readFileSync(p, 'utf8')) + fs.readFileSync(p, 'utf8');
}`,
          ),
        ]),
        fsError('fs.readFileSync', REPLACEMENT.readFile, 5, 27, [
          twin(
            'readFile',
            `import fs from 'fs';
import { readFile } from 'node:fs/promises';
async function f(p) {
  const text = fs.readFileSync(p).toString();
  const size = fs.statSync(p).size;
  const data = JSON.parse(await readFile(p, 'utf8')) + fs.readFileSync(p, 'utf8');
}`,
          ),
        ]),
        fsError('fs.readFileSync', REPLACEMENT.readFile, 5, 57, [
          twin(
            'readFile',
            `import fs from 'fs';
import { readFile } from 'node:fs/promises';
async function f(p) {
  const text = fs.readFileSync(p).toString();
  const size = fs.statSync(p).size;
  const data = JSON.parse(fs.readFileSync(p, 'utf8')) + await readFile(p, 'utf8');
}`,
          ),
        ]),
      ],
    },
    // a statement starting with the parenthesized await after a line without semicolon
    {
      code: `import fs from 'fs'
async function f(p) {
  const lines = []
  fs.readFileSync(p, 'utf8').split('\\n').forEach((line) => lines.push(line))
}`,
      errors: [
        fsError('fs.readFileSync', REPLACEMENT.readFile, 4, 3, [
          twin(
            'readFile',
            `import fs from 'fs'
import { readFile } from 'node:fs/promises';
async function f(p) {
  const lines = []
  ;(await readFile(p, 'utf8')).split('\\n').forEach((line) => lines.push(line))
}`,
          ),
        ]),
      ],
    },
    {
      code: `import { readFileSync } from 'fs';
async function f(p: string) { return readFileSync(p, 'utf8')!; }`,
      errors: [
        fsError('fs.readFileSync', REPLACEMENT.readFile, 2, 38, [
          twin(
            'readFile',
            `import { readFileSync } from 'fs';
import { readFile } from 'node:fs/promises';
async function f(p: string) { return (await readFile(p, 'utf8'))!; }`,
          ),
        ]),
      ],
    },
    {
      code: `import { readFileSync } from 'fs';
export default async function (p) { return readFileSync(p); }`,
      errors: [
        fsError('fs.readFileSync', REPLACEMENT.readFile, 2, 44, [
          twin(
            'readFile',
            `import { readFileSync } from 'fs';
import { readFile } from 'node:fs/promises';
export default async function (p) { return await readFile(p); }`,
          ),
        ], IN_EXPORTED),
      ],
    },

    // no suggestion: the twin's name is taken
    {
      code: `import fs from 'fs';
const readFile = (p) => p;
async function f(p) { return fs.readFileSync(p); }`,
      errors: [fsError('fs.readFileSync', REPLACEMENT.readFile, 3, 30)],
    },
    {
      code: `import fs from 'fs';
async function f(p, readFile) { return fs.readFileSync(p); }`,
      errors: [fsError('fs.readFileSync', REPLACEMENT.readFile, 2, 40)],
    },

    // no suggestion: await is not valid or would not be awaited by the async function here
    {
      code: `import fs from 'fs';
async function f(files) { return files.map((file) => fs.readFileSync(file)); }`,
      errors: [fsError('fs.readFileSync', REPLACEMENT.readFile, 2, 54)],
    },
    {
      code: `import fs from 'fs';
async function f(config = fs.readFileSync('c')) { return config; }`,
      errors: [fsError('fs.readFileSync', REPLACEMENT.readFile, 2, 27)],
    },

    // no suggestion: the twin would not behave the same
    {
      code: `import fs from 'fs';
async function f(p, opts) {
  fs.readFileSync(0, 'utf8');
  fs.statSync(p, { throwIfNoEntry: false });
  fs.statSync(p, opts);
  fs.readFileSync?.(p);
  fs.readFileSync(...[p]);
}`,
      errors: [
        fsError('fs.readFileSync', REPLACEMENT.readFile, 3, 3),
        fsError('fs.statSync', REPLACEMENT.stat, 4, 3),
        fsError('fs.statSync', REPLACEMENT.stat, 5, 3),
        fsError('fs.readFileSync', REPLACEMENT.readFile, 6, 3),
        fsError('fs.readFileSync', REPLACEMENT.readFile, 7, 3),
      ],
    },
    // no suggestion: fs-extra and graceful-fs have their own promise APIs
    {
      code: `import fse from 'fs-extra';
async function f(p) { return fse.readFileSync(p); }`,
      errors: [fsError('fs-extra.readFileSync', REPLACEMENT.fsExtra, 2, 30)],
    },
  ],
});
