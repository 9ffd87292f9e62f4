import type { InvalidTestCase, ValidTestCase } from '@typescript-eslint/rule-tester';
import rule, { type MessageIds, type Options } from '../../src/rules/no-floating-promises';
import { ruleTester } from '../rule-tester';
import { dropped } from './floating-reports';

/**
 * A script's command dispatch. A top-level statement of a script is its entry call: a rejection
 * there ends the process with the error printed, which is what a script wants. The same holds for
 * a `switch` over the command at the top level, and for the work of a plain function that only the
 * top-level statements call (`const add = () => { (async () => { ... })(); }` dispatched from a
 * `switch`): nothing could receive that promise but the top level itself. On a real plugin
 * manager's command script both of its subcommands were reported this way, and neither is worth
 * changing. Still reported: a dispatcher that something else calls too (a watcher, an export), a
 * file that is no script, and a switch case or dispatcher in a script that installs its own
 * handler for rejections (one that only logs lets the command end with exit code 0).
 */

const SCRIPT = 'src/bin/packages.ts';

/** A plugin manager's command script: each subcommand is a plain function that starts its work. */
const dispatcher = (use: string, extra = ''): string => `async function fetchPackage(name: string) { await registry.download(name); }
async function saveList() { await store.write(installed); }
const add = (names: string[]) => {
  (async () => {
    for (const name of names) await fetchPackage(name);
    await saveList();
  })();
};
${extra}switch (process.argv[2]) {
  case 'add':
    ${use};
    break;
  default:
    console.error('usage: packages add <name>');
    process.exit(1);
}`;

const valid: ValidTestCase<Options>[] = [
  // a switch over the command at the script's top level: each case's call is the entry call
  {
    code: 'async function serve(port: number) { await server.listen(port); }\nswitch (process.argv[2]) {\n  case "serve":\n    serve(8080);\n    break;\n  case "version": {\n    console.log("1.0.0");\n    break;\n  }\n}',
    filename: SCRIPT,
  },
  // ...also in a block of its case
  { code: 'async function serve(port: number) { await server.listen(port); }\nswitch (process.argv[2]) {\n  case "serve": {\n    serve(8080);\n    break;\n  }\n}', filename: SCRIPT },
  // the work of a plain function that only the top-level dispatch calls
  { code: dispatcher("add(process.argv.slice(3))"), filename: SCRIPT },
  // ...a function declaration called from a top-level if
  {
    code: 'async function removeAll(names: string[]) { for (const name of names) await store.remove(name); }\nfunction remove(names: string[]) {\n  removeAll(names);\n}\nif (process.argv[2] === "rm") remove(process.argv.slice(3));',
    filename: SCRIPT,
  },
  // ...the drop as the function's last statement, after a log line: nothing runs after the work
  {
    code: 'async function uploadAll(dir: string) { await bucket.upload(dir); }\nfunction deploy(dir: string) {\n  console.log("deploying", dir);\n  uploadAll(dir);\n}\ndeploy(process.argv[2]);',
    filename: SCRIPT,
  },
];

const invalid: InvalidTestCase<MessageIds, Options>[] = [
  // the same dispatcher called from a watcher too: that call's rejection is no entry's
  dropped(dispatcher("add(process.argv.slice(3))", "watcher.on('change', () => add(['local']));\n"), SCRIPT, 4, 3, false),
  // a dispatcher the module exports: others may call it
  dropped(dispatcher("add(process.argv.slice(3))").replace('const add =', 'export const add ='), SCRIPT, 4, 3, false),
  // a module that is no script: its top level is no entry
  dropped(dispatcher("add(process.argv.slice(3))"), 'src/packages.ts', 4, 3, false),
  // a script that installs its own handler: one that only logs ends the command with exit code 0
  dropped(dispatcher("add(process.argv.slice(3))", "process.on('unhandledRejection', (err) => console.error(err));\n"), SCRIPT, 4, 3, false),
  // a switch over the command in a script whose handler only logs: a failed build exits 0
  dropped(
    "process.on('unhandledRejection', (reason) => console.error(reason));\nasync function build() { await compile(); }\nswitch (process.argv[2]) {\n  case 'build':\n    build();\n    break;\n}",
    SCRIPT,
    5,
    5,
    false,
  ),
  // a drop nested in the dispatcher's own callback runs later, not as part of the entry call
  dropped(
    'async function sync() { await store.pull(); }\nconst watch = () => {\n  setInterval(() => {\n    sync();\n  }, 1000);\n};\nswitch (process.argv[2]) {\n  case "watch":\n    watch();\n    break;\n}',
    SCRIPT,
    4,
    5,
    false,
  ),
  // a case that exits after the drop: the command ends with code 0 before the sync is done, its failure unseen
  dropped(
    "async function syncAll() { await remote.push(); }\nswitch (process.argv[2]) {\n  case 'sync':\n    syncAll();\n    process.exit(0);\n  default:\n    console.log('usage: tool sync');\n}",
    SCRIPT,
    4,
    5,
    false,
  ),
  // a case whose next statement depends on the work: the connection closes under the migration
  dropped(
    "async function migrate() { await db.query('ALTER TABLE users ADD COLUMN age int'); }\nswitch (process.argv[2]) {\n  case 'migrate':\n    migrate();\n    db.close();\n    break;\n}",
    SCRIPT,
    4,
    5,
    false,
  ),
  // a dispatched function that records the work as done before it is: a failed upload leaves a wrong marker
  dropped(
    "async function uploadAll(dir: string) { await bucket.upload(dir); }\nfunction deploy(dir: string) {\n  uploadAll(dir);\n  writeFileSync('.last-deploy', String(Date.now()));\n}\ndeploy(process.argv[2]);",
    SCRIPT,
    3,
    3,
    false,
  ),
  // ...or whose top-level call is followed by an exit: the script ends before the upload does
  dropped(
    "async function uploadAll(dir: string) { await bucket.upload(dir); }\nfunction deploy(dir: string) {\n  uploadAll(dir);\n}\ndeploy(process.argv[2]);\nprocess.exit(0);",
    SCRIPT,
    3,
    3,
    false,
  ),
];

// @typescript-eslint/rule-tester pins its own copy of utils; the rule is the same object at run time.
const testedRule = rule as unknown as Parameters<typeof ruleTester.run<MessageIds, Options>>[1];

ruleTester.run('no-floating-promises (a script command dispatch)', testedRule, { valid, invalid });
