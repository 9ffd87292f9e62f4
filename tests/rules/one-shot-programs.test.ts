import path from 'node:path';
import type { TSESLint } from '@typescript-eslint/utils';
import blockingRule from '../../src/rules/no-blocking-in-async';
import floatingRule from '../../src/rules/no-floating-promises';
import lateRule from '../../src/rules/no-late-promise-handling';
import gatherRule from '../../src/rules/prefer-promise-all';
import loopRule from '../../src/rules/prefer-promise-all-in-loop';
import { FIXTURES_DIR, ruleTester } from '../rule-tester';
import { fsError, REPLACEMENT, twin } from './no-blocking-in-async.errors';

/**
 * Programs someone runs by hand, once, and that then exit (`WhereItRuns.oneShotProgram`): an
 * example beside a library (any case of `examples/`), an application's admin or maintainer script
 * that exports nothing in `scripts/` or `bin/` (also when `bin/` is a package of its own), the
 * maintainers' task runner at the package root (a shebang, or a file a package script names), and
 * a build-time plugin (it imports Expo's config-plugin API). A blocking read, a loop of requests in series, two awaits in a
 * row, a promise handled late or dropped cost the one person who started the run a moment, or end
 * it with the error printed: no reviewer changes them. So does a promise dropped in a command of a
 * package with a `bin` that ends the run itself (a function around it calls `process.exit` or an
 * exit helper). On the held-out repositories of session 25,
 * all twelve such reports were pointless.
 *
 * Still reported: the same code in the application's own modules; a published command (`bin`
 * target) and the modules of a `cli/` or `commands/` folder, whose users wait for them; a file of
 * `bin/` or `scripts/` that keeps running (it listens, serves, or repeats on an interval); for
 * `prefer-promise-all-in-loop`, a loop that uploads each file it reads (CI waits on every transfer
 * of a release script in turn); a module
 * that exports something in one of those folders (other code loads it); a floating promise before a
 * `process.exit(...)` (the run ends before the work is done).
 */

const APP = path.join(FIXTURES_DIR, 'run-contexts', 'hand-run-app');
const ADMIN = path.join(FIXTURES_DIR, 'run-contexts', 'admin-scripts', 'bin');
const at = (...parts: string[]): string => path.join(APP, ...parts);

/** Files that are programs run by hand. */
const HAND_RUN = {
  example: at('Example', 'demo-bot.ts'),
  examples: at('examples', 'upload', 'index.ts'),
  scripts: at('scripts', 'reindex.ts'),
  bin: at('bin', 'repair-notes.ts'),
  adminPackage: path.join(ADMIN, 'repair.ts'),
  adminPackageSub: path.join(ADMIN, 'plugins', 'stale.ts'),
  taskRunner: at('tasks.js'),
};

/** A build-time plugin: known by the API it imports, not by its place. */
const BUILD_PLUGIN = at('plugins', 'with-network-config.js');
const BUILD_API = "require('@expo/config-plugins');\n";

/** Neighbours that are not. */
const APPLICATION = at('src', 'lib', 'sync.ts');
const PUBLISHED_COMMAND = at('cli', 'notes.js');
const COMMAND_FOLDER = at('cli', 'export.ts');
const START_FILE = at('preview.js');

// `rule-tester` pins its own copy of utils; the rules are the same objects at run time.
type AnyRule = Parameters<typeof ruleTester.run>[1];
const asTested = (rule: unknown): AnyRule => rule as AnyRule;

/** The one error an invalid case expects, with its one suggestion's output. */
function oneError(messageId: string, line: number, column: number, suggestion: string, output: string): TSESLint.TestCaseError<string>[] {
  return [{ messageId, line, column, suggestions: [{ messageId: suggestion, output }] }];
}

// ---------------------------------------------------------------------------------------------
// no-blocking-in-async: a command's read run through an async IIFE that two cases of a dispatcher
// start (taken for two tasks at once elsewhere).
const listInstalled = `import fs from 'node:fs';

const list = () => {
  const walk = async () => {
    const text = fs.readFileSync('installed.json', 'utf8');
    console.log(text);
  };
  (async () => {
    await walk();
  })();
};

switch (process.argv[2]) {
  case 'ls':
    list();
    break;
  case 'list':
    list();
    break;
}`;

const configPlugin = `const { withDangerousMod } = require('@expo/config-plugins');
const fs = require('fs');

module.exports = function withNetworkConfig(config) {
  return withDangerousMod(config, [
    'android',
    async (c) => {
      fs.mkdirSync(c.modRequest.platformProjectRoot, { recursive: true });
      return c;
    },
  ]);
};`;

const listening = `${listInstalled}\nrequire('node:http').createServer(() => {}).listen(8080);`;

const STARTED_TWICE = 'inside this async function, awaited in code that is started without await and runs beside other work';

/** The report of the read in `code`, with the suggestion that swaps in `readFile`. */
function blockingError(code: string): ReturnType<typeof fsError> {
  const output = code
    .replace("import fs from 'node:fs';", "import fs from 'node:fs';\nimport { readFile } from 'node:fs/promises';")
    .replace("fs.readFileSync('installed.json', 'utf8')", "await readFile('installed.json', 'utf8')");
  return fsError('fs.readFileSync', REPLACEMENT.readFile, 5, 18, [twin('readFile', output)], STARTED_TWICE);
}

const blockingCases = ([name, file]: [string, string]) => ({ name: `blocking: ${name}`, code: listInstalled, filename: file });

ruleTester.run('no-blocking-in-async (one-shot programs)', asTested(blockingRule), {
  valid: [
    ...Object.entries(HAND_RUN).map(blockingCases),
    { code: configPlugin, filename: BUILD_PLUGIN },
  ],
  invalid: [
    { code: listInstalled, filename: APPLICATION, errors: [blockingError(listInstalled)] },
    // a file of `bin/` that keeps running: a server started from the command line
    { code: listening, filename: HAND_RUN.bin, errors: [blockingError(listening)] },
  ],
});

// ---------------------------------------------------------------------------------------------
// prefer-promise-all-in-loop: a request per item in series.
const deleteAll = `async function main(apiKey) {
  const response = await fetch('http://localhost:9001/api/groups?apikey=' + apiKey);
  const groups = await response.json();
  for (const group of groups) {
    await fetch('http://localhost:9001/api/groups/' + group.id + '?apikey=' + apiKey, { method: 'DELETE' });
  }
}

main(process.env.API_KEY);`;

const repeating = `${deleteAll}\nsetInterval(() => main(process.env.API_KEY), 60_000);`;

const uploadEach = `import { readFile } from 'node:fs/promises';

async function upload(file) {
  const body = await readFile(file);
  await fetch('https://artifacts.example/upload/' + file, { method: 'PUT', body });
}

async function main(files) {
  for (const file of files) {
    await upload(file);
  }
}

main(process.argv.slice(2));`;

/** The report of the loop in `code`, with the suggestion that maps the items to a `Promise.all`. */
function loopError(code: string): TSESLint.TestCaseError<string>[] {
  const output = code
    .replace('  for (const group of groups) {\n', '  await Promise.all(Array.from(groups, async (group) => {\n')
    .replace("{ method: 'DELETE' });\n  }\n", "{ method: 'DELETE' });\n  }));\n");
  return oneError('awaitInLoop', 5, 5, 'useGatherMap', output);
}

ruleTester.run('prefer-promise-all-in-loop (one-shot programs)', asTested(loopRule), {
  valid: Object.entries(HAND_RUN).map(([name, file]) => ({ name: `loop: ${name}`, code: deleteAll, filename: file })).concat({ name: 'loop: build plugin', code: BUILD_API + deleteAll, filename: BUILD_PLUGIN }),
  invalid: [
    { code: deleteAll, filename: APPLICATION, errors: loopError(deleteAll) },
    // a published command: its users wait for it
    { code: deleteAll, filename: PUBLISHED_COMMAND, errors: loopError(deleteAll) },
    // a command of a `cli/` folder of the product
    { code: deleteAll, filename: COMMAND_FOLDER, errors: loopError(deleteAll) },
    // a root file a start script runs
    { code: deleteAll, filename: START_FILE, errors: loopError(deleteAll) },
    // a script that repeats on an interval keeps running
    { code: repeating, filename: HAND_RUN.scripts, errors: loopError(repeating) },
    // a release script that uploads each file it reads: every transfer waits for the one before
    {
      code: uploadEach,
      filename: HAND_RUN.scripts,
      errors: oneError(
        'awaitInLoop',
        10,
        5,
        'useGatherMap',
        uploadEach.replace('  for (const file of files) {\n    await upload(file);\n  }', '  await Promise.all(Array.from(files, async (file) => {\n    await upload(file);\n  }));'),
      ),
    },
    // a module of `scripts/` that exports: other code loads it
    { code: `export ${deleteAll}`, filename: HAND_RUN.scripts, errors: loopError(`export ${deleteAll}`) },
  ],
});

// ---------------------------------------------------------------------------------------------
// prefer-promise-all: two independent requests in a row.
const twoReads = `async function report(user) {
  const profile = await fetch('https://accounts.example/users/' + user);
  const quota = await fetch('https://quota.example/users/' + user);
  console.log(await profile.json(), await quota.json());
}

report(process.argv[2]);`;

ruleTester.run('prefer-promise-all (one-shot programs)', asTested(gatherRule), {
  valid: Object.entries(HAND_RUN).map(([name, file]) => ({ name: `gather: ${name}`, code: twoReads, filename: file })).concat({ name: 'gather: build plugin', code: BUILD_API + twoReads, filename: BUILD_PLUGIN }),
  invalid: [
    {
      code: twoReads,
      filename: APPLICATION,
      errors: [
        {
          messageId: 'sequentialAwaits',
          data: { count: 2 },
          line: 2,
          column: 19,
          suggestions: [
            {
              messageId: 'useGather',
              output: `async function report(user) {
  const [profile, quota] = await Promise.all([
    fetch('https://accounts.example/users/' + user),
    fetch('https://quota.example/users/' + user),
  ]);
  console.log(await profile.json(), await quota.json());
}

report(process.argv[2]);`,
            },
          ],
        },
      ],
    },
  ],
});

// ---------------------------------------------------------------------------------------------
// no-late-promise-handling: a request started, then another awaited before it is.
const lateRead = `async function main() {
  const settings = fetch('https://config.example/settings');
  const token = await fetch('https://auth.example/token');
  console.log(await token.text(), await settings);
}

main();`;

ruleTester.run('no-late-promise-handling (one-shot programs)', asTested(lateRule), {
  valid: Object.entries(HAND_RUN).map(([name, file]) => ({ name: `late: ${name}`, code: lateRead, filename: file })).concat({ name: 'late: build plugin', code: BUILD_API + lateRead, filename: BUILD_PLUGIN }),
  invalid: [
    {
      code: lateRead,
      filename: APPLICATION,
      errors: [
        {
          messageId: 'lateHandling',
          data: { name: 'settings', line: 3, handledLine: 4 },
          line: 2,
          column: 20,
          suggestions: [
            {
              messageId: 'suggestCatch',
              data: { name: 'settings' },
              output: lateRead.replace("fetch('https://config.example/settings');\n", "fetch('https://config.example/settings');\n  settings.catch(() => {});\n"),
            },
          ],
        },
      ],
    },
  ],
});

// ---------------------------------------------------------------------------------------------
// no-floating-promises: a reconnect dropped in a listener, and the top-level start.
const demoBot = `async function start() {
  const socket = await connect();
  socket.on('close', (reason) => {
    if (reason !== 'logged-out') start();
  });
  return socket;
}

start();`;

const exitsAfter = `const fs = require('node:fs/promises');

function finish(report) {
  fs.writeFile('report.json', JSON.stringify(report));
  process.exit(0);
}

finish({ ok: true });`;

const exportedBot = `export ${demoBot.replace('\n\nstart();', '')}`;

ruleTester.run('no-floating-promises (one-shot programs)', asTested(floatingRule), {
  valid: Object.entries(HAND_RUN).map(([name, file]) => ({ name: `floating: ${name}`, code: demoBot, filename: file })).concat({ name: 'floating: build plugin', code: BUILD_API + demoBot, filename: BUILD_PLUGIN }),
  invalid: [
    // a library module of the application: its listener's restart fails unseen
    { code: exportedBot, filename: APPLICATION, errors: oneError('floating', 4, 34, 'suggestVoid', exportedBot.replace('logged-out\') start()', 'logged-out\') void start()')) },
    // the run ends before the write is done, and its failure is never printed
    {
      code: exitsAfter,
      filename: HAND_RUN.example,
      errors: oneError('floating', 4, 3, 'suggestVoid', exitsAfter.replace('  fs.writeFile(', '  void fs.writeFile(')),
    },
  ],
});

// ---------------------------------------------------------------------------------------------
// no-floating-promises in a command of a package with a `bin` that ends the run itself.
const COMMAND_MODULE = at('lib', 'commands', 'login.js');

const login = `export function login(api) {
  api.authorize((error, token) => {
    if (error) {
      console.error(error.message);
      return process.exit(1);
    }
    api.fetchUser(token).then((user) => console.log('signed in as ' + user.name));
  });
}`;

/** The same command, which leaves the ending of the run to its caller. */
const loginReturns = login.replace('      return process.exit(1);\n', '      return;\n');
/** The same command in a module that also keeps a server running. */
const loginListens = `${login}\nrequire('node:http').createServer(() => {}).listen(8080);`;

/** The report of the dropped `.then` chain in `code`. */
function chainError(code: string): TSESLint.TestCaseError<string>[] {
  return [
    {
      messageId: 'floatingChain',
      data: { method: 'then' },
      line: 7,
      column: 5,
      suggestions: [{ messageId: 'suggestVoid', output: code.replace('    api.fetchUser(token)', '    void api.fetchUser(token)') }],
    },
  ];
}

ruleTester.run('no-floating-promises (a command that ends the run)', asTested(floatingRule), {
  valid: [
    { code: login, filename: COMMAND_MODULE },
    // an exit helper of the tool (`this.exitCli(code)`) ends the run as well
    { code: login.replace('process.exit(1)', 'api.exitCli(1)'), filename: COMMAND_MODULE },
  ],
  invalid: [
    { code: loginReturns, filename: COMMAND_MODULE, errors: chainError(loginReturns) },
    { code: loginListens, filename: COMMAND_MODULE, errors: chainError(loginListens) },
    // a package without a `bin`: a service's function that exits on one failure is no command
    { code: login, filename: path.join(FIXTURES_DIR, 'run-contexts', 'service', 'src', 'login.js'), errors: chainError(login) },
  ],
});
