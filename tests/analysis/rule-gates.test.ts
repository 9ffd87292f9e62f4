/**
 * Every rule starts by asking whether it can find anything in the file (`source-words.ts`,
 * `mayContainPromises`) and returns no listener when not. A gate must never hide a
 * report: these cases reach each rule's construct without the word its gate looks for first.
 */
import assert from 'node:assert/strict';
import path from 'node:path';
import { describe, it } from 'node:test';
import type { TSESTree } from '@typescript-eslint/utils';
import { getTextModuleLoads } from '../../src/analysis/imports';
import { mayContainPromises } from '../../src/analysis/promises';
import { getSourceWords } from '../../src/analysis/source-words';
import blocking from '../../src/rules/no-blocking-in-async';
import floating from '../../src/rules/no-floating-promises';
import late from '../../src/rules/no-late-promise-handling';
import misused from '../../src/rules/no-misused-async-callback';
import { FIXTURES_DIR, ruleTester } from '../rule-tester';
import { runOnCode } from './run-on-code';

// @typescript-eslint/rule-tester pins its own copy of utils; the rules are the same objects at run time.
type AnyRule = Parameters<typeof ruleTester.run>[1];

/** Relative modules are read from disk: lint as a file beside the fixtures. */
const filename = path.join(FIXTURES_DIR, 'file.ts');

describe('SourceWords', () => {
  const words = (code: string, word: string) =>
    runOnCode<string>(code, (context, collect) => ({
      'Program:exit'(program: TSESTree.Program) {
        const source = getSourceWords(context);
        collect(`has ${String(source.has(word))}`);
        for (const statement of program.body) collect(`${statement.range[0]}: ${String(source.within(word, statement))}`);
      },
    }));

  it('finds a word in the whole file and inside a node range only when it fits there entirely', () => {
    assert.deepEqual(words('a();\nasync function f() { await g(); }\nb();', 'await'), ['has true', '0: false', '5: true', '39: false']);
    assert.deepEqual(words('a(); b();', 'await'), ['has false', '0: false', '5: false']);
  });

  it('finds the empty word standing nowhere in code, and ends', () => {
    const inCode = (code: string) =>
      runOnCode<string>(code, (context, collect) => ({
        'Program:exit'() {
          collect(String(getSourceWords(context).inCode('')));
        },
      }));
    assert.deepEqual(inCode("const table = { async ''() {} };"), ['false']);
  });

  it('counts comments and longer identifiers (a yes only means look)', () => {
    assert.deepEqual(words('// await later\nawaiting();', 'await'), ['has true', '15: true']);
  });

  it('reads string literals and plain template literals as possible module specifiers', () => {
    const strings = (code: string) =>
      runOnCode<string>(code, (context, collect) => ({
        'Program:exit'() {
          const source = getSourceWords(context);
          collect(String(source.anyStringMayBe(new Set(['fs/promises']), ['./'])));
        },
      }));
    assert.deepEqual(strings("import x from 'fs/promises';"), ['true']);
    assert.deepEqual(strings('const x = require(`fs/promises`);'), ['true']);
    assert.deepEqual(strings("const x = require('./db');"), ['true']);
    assert.deepEqual(strings("const x = require('fs'); const y = `a${1}b`;"), ['false']);
  });
});

describe('mayContainPromises (untyped)', () => {
  const may = (code: string) =>
    runOnCode<string>(
      code,
      (context, collect) => ({
        'Program:exit'() {
          collect(String(mayContainPromises(context)));
        },
      }),
      { filename },
    );

  it('is false only without async, then, promise globals and promise modules', () => {
    assert.deepEqual(may("const fs = require('fs'); fs.readFileSync('x');"), ['true']);
    assert.deepEqual(may("const path = require('path'); path.join('a');"), ['false']);
    assert.deepEqual(may('items.forEach((item) => print(item));'), ['false']);
  });

  it('reads the words outside comments only', () => {
    assert.deepEqual(may('// then, finally, async and a Promise\nprint(item);'), ['false']);
    assert.deepEqual(may('/** @returns {Promise<void>} */\nfunction f() { return g(); }'), ['false']);
    assert.deepEqual(may('const authenticated = asynchronous(thenable);'), ['false']);
    assert.deepEqual(may("print('then');"), ['true']);
  });

  it('is true for each kind of evidence', () => {
    assert.deepEqual(may('async function f() {}'), ['true']);
    assert.deepEqual(may('x.then(f);'), ['true']);
    assert.deepEqual(may('fetch(url);'), ['true']);
    assert.deepEqual(may('crypto.subtle.digest(a, b);'), ['true']);
    assert.deepEqual(may("import { once } from 'node:events';"), ['true']);
    assert.deepEqual(may("import { saveUser } from './promise-api';"), ['true']);
    assert.deepEqual(may("const { saveUser } = require('./promise-api');\nsaveUser('a');"), ['true']);
  });

  it('counts a relative module a value is bound from only when it exports a promise-returning function', () => {
    // Where nothing else can be a promise, the modules are read (as a call of one would be read):
    // one that exports any promise-returning function keeps the gate open, whatever name is called.
    assert.deepEqual(may("import { syncValue } from './promise-api';\nsyncValue();"), ['true']);
    assert.deepEqual(may("const api = require('./promise-api');\napi.anything();"), ['true']);
    // Modules of synchronous helpers, or none found: no call of the file can return a promise.
    assert.deepEqual(may("import { makeBadgeLabel } from './local-helpers-barrel';\nmakeBadgeLabel('a', 1);"), ['false']);
    assert.deepEqual(may("const helpers = require('./missing-module');\nhelpers.save();"), ['false']);
    // Loaded for its side effects only: no name is bound from it.
    assert.deepEqual(may("import './promise-api';\nrun();"), ['false']);
    // Only types are bound from it, and no value reads them.
    assert.deepEqual(may("import type { Options } from './promise-api';\nconst options: Options = {};"), ['false']);
  });
});

describe('mayContainPromises (untyped): the modules read from the text', () => {
  const may = (code: string) =>
    runOnCode<string>(code, (context, collect) => ({
      'Program:exit'() {
        collect(String(mayContainPromises(context)));
      },
    }), { filename });
  const byText = (code: string) =>
    runOnCode<string>(code, (context, collect) => ({
      'Program:exit'() {
        const loads = getTextModuleLoads(context);
        collect(loads ? `${[...loads.specifiers].join(' ')} | ${[...loads.projectSources].join(' ')}` : 'ask the tree');
      },
    }));

  it('reads quoted require and import() specifiers, and the declarations that bind a value', () => {
    assert.deepEqual(byText("import a from './a';\nimport './b';\nexport * from './c';\nconst d = require ( \"./d\" );\nload(import('./e'));"), [
      './a ./b ./c ./d ./e | ./a ./d',
    ]);
    // No call starts at these words.
    assert.deepEqual(byText("const r = require.resolve('x'); const m = import.meta.url; const o = { require: 1, import: 2 };"), [' | ']);
  });

  it('asks the tree when the text cannot tell which module a call loads', () => {
    assert.deepEqual(byText('const m = require(name);'), ['ask the tree']);
    assert.deepEqual(byText('const m = import(`./${name}`);'), ['ask the tree']);
    assert.deepEqual(byText("const m = (require)('./a');"), ['ask the tree']);
    assert.deepEqual(byText("const m = require /* why */ ('./a');"), ['ask the tree']);
    assert.deepEqual(byText("const m = require?.('./a');"), ['ask the tree']);
    assert.deepEqual(byText("const m = requ\\u0069re('./a');"), ['ask the tree']);
    // An escape in a string only is no escaped name.
    assert.deepEqual(byText("const m = require('./a'); const arrow = '\\u2192';"), ['./a | ./a']);
  });

  it('keeps the gate open for every load the tree reading counts', () => {
    assert.deepEqual(may("const m = (require)('node:events');"), ['true']);
    assert.deepEqual(may("const m = require /* why */ ('fs/promises');"), ['true']);
    assert.deepEqual(may("const api = require ('./promise-api');\napi.anything();"), ['true']);
    assert.deepEqual(may('const m = require(name);'), ['true']);
    // A word that starts no call loads nothing.
    assert.deepEqual(may("const o = { require: 'fs/promises' };\nprint(o.require);"), ['false']);
    assert.deepEqual(may("const path = require.resolve('./promise-api');\nprint(path);"), ['false']);
  });
});

ruleTester.run('no-floating-promises: reported without async, then or Promise in the file', floating as unknown as AnyRule, {
  valid: [
    "const path = require('path');\npath.join('a', 'b');",
    // A value is bound from a relative module, but the module's text exports no promise-returning
    // function under the called name (or none at all, or no module is found): nothing is a promise.
    { code: "import { syncValue } from './promise-api';\nsyncValue();", filename },
    { code: "import { makeBadgeLabel } from './local-helpers-barrel';\nmakeBadgeLabel('a', 1);", filename },
    { code: "const helpers = require('./missing-module');\nhelpers.save();", filename },
  ],
  invalid: [
    // a promise API resolved through an import
    ["import { readFile } from 'fs/promises';\n", "readFile('a')"],
    ["const { once } = require('node:events');\n", "once(emitter, 'ready')"],
    ["const fs = require('fs');\n", "fs.promises.readFile('a')"],
    // a global promise API
    ['', 'crypto.subtle.digest(algorithm, data)'],
    // an async function of a relative module (read from its file)
    ["import { saveUser } from './promise-api';\n", "saveUser('a')", filename],
    // the same export reached through require(), in a file with no other evidence of promises:
    // the gate reads the module before closing
    ["const api = require('./promise-api');\n", "api.saveUser('a')", filename],
    ["const { saveUser } = require('./promise-api');\n", "saveUser('a')", filename],
  ].map(([head = '', call = '', file]) => ({
    ...(file ? { filename: file } : {}),
    code: `${head}${call};`,
    errors: [
      {
        messageId: 'floating',
        line: head ? 2 : 1,
        column: 1,
        suggestions: [{ messageId: 'suggestVoid', output: `${head}void ${call};` }],
      },
    ],
  })) as never,
});

ruleTester.run('no-misused-async-callback: reported without async, then or Promise in the file', misused as unknown as AnyRule, {
  valid: ['const print = (item) => log(item);\nitems.forEach(print);'],
  invalid: [
    {
      code: "import { readFile } from 'fs/promises';\nconst load = (file) => readFile(file);\nfiles.forEach(load);",
      errors: [
        {
          messageId: 'ignoredPromiseCallback',
          data: { method: 'forEach' },
          line: 3,
          column: 15,
          // at the top level nothing can await the loop: no suggestion
          suggestions: [],
        },
      ],
    },
  ] as never,
});

ruleTester.run('no-blocking-in-async: top-level await without async in the file', blocking as unknown as AnyRule, {
  valid: [
    // without checkTopLevelAwait, a module with top-level await is not checked
    "import fs from 'fs';\nawait load();\nfs.readFileSync('a');",
  ],
  invalid: [
    {
      code: "import fs from 'fs';\nawait load();\nfs.readFileSync('a');",
      options: [{ checkTopLevelAwait: true }],
      errors: [
        {
          messageId: 'blockingFileSystem',
          line: 3,
          column: 1,
          suggestions: [
            {
              messageId: 'useAsyncTwin',
              data: { twin: 'readFile' },
              output: "import fs from 'fs';\nimport { readFile } from 'node:fs/promises';\nawait load();\nawait readFile('a');",
            },
          ],
        },
      ],
    },
  ] as never,
});

ruleTester.run('no-late-promise-handling: reported without async, then or Promise in the file', late as unknown as AnyRule, {
  valid: [
    // Nothing can be a promise, and nothing is awaited or caught: no start to check.
    "import { syncValue } from './promise-api';\nconst value = syncValue();\nprint(value);",
  ],
  invalid: [
    {
      // A module's top level suspends at its own `await`; the promise is known from its module.
      code: "import { saveUser, syncValue } from './promise-api';\nconst saved = saveUser('a');\nawait syncValue();\nawait saved;",
      filename,
      errors: [
        {
          messageId: 'lateHandling',
          line: 2,
          suggestions: [
            { messageId: 'suggestGather', output: "import { saveUser, syncValue } from './promise-api';\nawait Promise.all([saveUser('a'), syncValue()]);\n" },
            { messageId: 'suggestCatch', output: "import { saveUser, syncValue } from './promise-api';\nconst saved = saveUser('a');\nsaved.catch(() => {});\nawait syncValue();\nawait saved;" },
          ],
        },
      ],
    },
    {
      // Nothing names a promise, but the later `await` shows the start is one.
      code: 'const loaded = load();\nawait other();\nawait loaded;',
      errors: [
        {
          messageId: 'lateHandling',
          line: 1,
          suggestions: [
            { messageId: 'suggestGather', output: 'await Promise.all([load(), other()]);\n' },
            { messageId: 'suggestCatch', output: 'const loaded = load();\nloaded.catch(() => {});\nawait other();\nawait loaded;' },
          ],
        },
      ],
    },
  ] as never,
});
