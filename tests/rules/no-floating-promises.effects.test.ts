import type { InvalidTestCase } from '@typescript-eslint/rule-tester';
import rule, { type MessageIds, type Options } from '../../src/rules/no-floating-promises';
import { ruleTester } from '../rule-tester';

/** Promises that cannot reject, deliberate fire-and-forget, scripts, and the chains that still lose a rejection. */

type Invalid = InvalidTestCase<MessageIds, Options>;

const catchesAll = `async function report(event) {
  try {
    await send(event);
  } catch (error) {
    console.error(error);
  }
}
`;

const invalid: Invalid[] = [
  // checkCannotReject (the strict config) marks every promise, even one that cannot reject
  {
    code: `${catchesAll}function onClick(event) {\n  report(event);\n}`,
    options: [{ checkCannotReject: true }],
    errors: [{ messageId: 'floating', line: 9, column: 3, suggestions: [{ messageId: 'suggestVoid', output: `${catchesAll}function onClick(event) {\n  void report(event);\n}` }] }],
  },
  // a guarded body that still rethrows can reject
  {
    code: 'async function save(x) {\n  try { await put(x); } catch (e) { log(e); throw e; }\n}\nfunction f(x) {\n  save(x);\n}',
    errors: [{ messageId: 'floating', line: 5, column: 3, suggestions: [{ messageId: 'suggestVoid', output: 'async function save(x) {\n  try { await put(x); } catch (e) { log(e); throw e; }\n}\nfunction f(x) {\n  void save(x);\n}' }] }],
  },
  // .finally(cb) passes the rejection on
  {
    code: 'function f() {\n  loadData().finally(() => setLoading(false));\n}',
    errors: [{ messageId: 'floating', line: 2, column: 3, suggestions: [{ messageId: 'suggestVoid', output: 'function f() {\n  void loadData().finally(() => setLoading(false));\n}' }] }],
  },
  // .then(namedFn) on a call chain at the module's top level
  {
    code: 'import { build } from "./build";\nbuild(options).then(print);',
    errors: [{ messageId: 'floatingChain', data: { method: 'then' }, line: 2, column: 1, suggestions: [{ messageId: 'suggestVoid', output: 'import { build } from "./build";\nvoid build(options).then(print);' }] }],
  },
  // a comment that names the rule is not a statement of intent; only a disable directive is
  {
    code: 'async function save(x) { await put(x); }\nfunction f(x) {\n  save(x); // see no-floating-promises\n}',
    errors: [{ messageId: 'floating', line: 3, column: 3, suggestions: [{ messageId: 'suggestVoid', output: 'async function save(x) { await put(x); }\nfunction f(x) {\n  void save(x); // see no-floating-promises\n}' }] }],
  },
  // a module that starts its own async function at the top level is not a script on that account
  {
    code: 'async function init() { await connect(); }\ninit();',
    errors: [{ messageId: 'floating', line: 2, column: 1, suggestions: [{ messageId: 'suggestVoid', output: 'async function init() { await connect(); }\nvoid init();' }] }],
  },
  // ...nor is an entry-named module that exports something: importing it starts the work
  {
    code: 'export const app = createApp();\nasync function start() { await app.listen(3000); }\nstart();',
    filename: 'src/server.ts',
    errors: [{ messageId: 'floating', line: 3, column: 1, suggestions: [{ messageId: 'suggestVoid', output: 'export const app = createApp();\nasync function start() { await app.listen(3000); }\nvoid start();' }] }],
  },
  {
    code: 'async function start() { await listen(3000); }\nstart();\nmodule.exports = { stop };',
    filename: 'src/server.js',
    errors: [{ messageId: 'floating', line: 2, column: 1, suggestions: [{ messageId: 'suggestVoid', output: 'async function start() { await listen(3000); }\nvoid start();\nmodule.exports = { stop };' }] }],
  },
  // a comment that says nothing about intent
  {
    code: 'async function save(x) { await put(x); }\nfunction f(x) {\n  // save the draft\n  save(x);\n}',
    errors: [{ messageId: 'floating', line: 4, column: 3, suggestions: [{ messageId: 'suggestVoid', output: 'async function save(x) { await put(x); }\nfunction f(x) {\n  // save the draft\n  void save(x);\n}' }] }],
  },
];

ruleTester.run<MessageIds, Options>('no-floating-promises (effects)', rule as never, {
  valid: [
    // the called function catches everything: a dropped promise loses no error
    `${catchesAll}function onClick(event) {\n  report(event);\n}`,
    // an async IIFE whose body catches everything
    `(async () => {\n  try { await build(); } catch (e) { console.error(e); process.exitCode = 1; }\n})();`,
    // a send-and-log-failure helper: its chain ends in .catch
    `const notify = (message) => post('/hook', message).catch((e) => log.warn(e));\nfunction f(m) {\n  notify(m);\n}`,
    // Promise.allSettled never rejects; a deferral to the next tick
    `function f(tasks) {\n  Promise.allSettled(tasks).then((results) => record(results));\n}`,
    `class Emitter {\n  start() {\n    Promise.resolve().then(() => this.emit('ready'));\n  }\n}`,
    // a rejection already handled through a variable
    `function f(x) {\n  const p = load(x).catch(handle);\n  p.then(render);\n}`,
    // a comment says the promise is left alone on purpose
    `async function save(x) { await put(x); }\nfunction f(x) {\n  // fire and forget: the queue retries on its own\n  save(x);\n}`,
    `async function save(x) { await put(x); }\nfunction f(x) {\n  save(x); // no need to await, errors are picked up by the process listeners\n}`,
    // a script's entry call at the top level: Node prints the rejection and exits with 1
    { code: `#!/usr/bin/env node\nasync function main() { await run(); }\nmain();`, filename: 'tool.ts' },
    { code: `async function main() { await run(); }\nmain();`, filename: 'scripts/generate.ts' },
    { code: `import { build } from "./build";\nbuild(options).then(print);`, filename: 'bin/cli.ts' },
    `async function add(x) { await put(x); }\nfunction f(items) {\n  // queued synchronously, so we do not need to await each call\n  for (const item of items) {\n    add(item);\n  }\n}`,
    { code: 'async function main() { await run(); }\nmain();', filename: 'src/bin.ts' },
    // a file that imports a CLI library is a command-line program (see where-it-runs)
    { code: 'import { program } from "commander";\nasync function main() { await run(); }\nmain();', filename: 'src/tool.ts' },
    // a program's entry module: named like one, starts its own async function, exports nothing
    { code: 'import { NestFactory } from "@nestjs/core";\nasync function bootstrap() {\n  const app = await NestFactory.create(AppModule);\n  await app.listen(3000);\n}\nbootstrap();', filename: 'src/main.ts' },
    { code: 'const { Client } = require("discord.js");\nconst client = new Client();\nasync function start() { await client.login(token); }\nstart();', filename: 'bot/index.js' },
    { code: 'resolve({ name: "x" }).then(print);', filename: 'packages/resolver/example.js' },
    // the handled chain's .finally
    'async function f() { await g(); }\nf().catch(() => {}).finally(() => {});',
  ],
  invalid,
});
