import path from 'node:path';
import type { InvalidTestCase, ValidTestCase } from '@typescript-eslint/rule-tester';
import rule, { type MessageIds, type Options } from '../../src/rules/no-floating-promises';
import { FIXTURES_DIR, ruleTester } from '../rule-tester';
import { floatingAt } from './floating-reports';

/**
 * An entry call at the module's top level (`runService(async (settings) => ...)`) whose rejection
 * reaches a handler of the process's `'unhandledRejection'` event installed before the promise can
 * reject: earlier at the top level, or among the called function's first statements (before its
 * first `await`; also through a helper of its module called there). The handler is the program's
 * designed way out of a failed start (on blind set 15: a job scheduler's three entry modules all
 * go through one helper whose handler logs and exits), so the rejection is not lost. A handler
 * installed after the callee's first `await`, or after the call, does not count; neither does a
 * call inside a function. A handler of `'uncaughtException'` counts the same: since Node 15 a
 * rejection nobody handles is raised as an uncaught exception (on blind set 18: a chat bot's
 * login-then-serve chain under a handler that logs both kinds and goes on) when it logs what it
 * receives: one that ignores every error, or only exits, loses the failure.
 */

const filename = path.join(FIXTURES_DIR, 'file.ts');

const sameFileHelper = `async function launch(port) {
  process.on('unhandledRejection', (reason) => {
    console.error(reason);
    process.exit(1);
  });
  await fetch(\`http://localhost:\${port}/ready\`);
}
`;

/** A start-up of this file that may fail. */
const serve = `async function serve(port) {
  await fetch(\`http://localhost:\${port}/ready\`);
}
`;

const valid: ValidTestCase<Options>[] = [
  // the helper of another module installs the handler first
  { filename, code: "import { runService } from './run-service';\nrunService(async () => ({ stop: async () => {} }));" },
  // ... through a function of its module that it calls first
  { filename, code: "import { runWatched } from './run-service';\nrunWatched(async () => {});" },
  // a helper of this file
  { code: `${sameFileHelper}launch(8080);` },
  // the handler installed earlier at the top level
  {
    code: `${serve}process.on('unhandledRejection', (reason) => {
  console.error(reason);
  process.exit(1);
});
serve(8080);`,
  },
  // also inside a top-level \`if\`
  { code: `${sameFileHelper}if (process.env.START) launch(8080);` },
  // a handler of uncaught exceptions that logs and goes on: since Node 15 a rejection nobody
  // handles is raised as an uncaught exception, so the start-up chain's failure reaches it
  {
    code: `${serve}process.on('uncaughtException', (error, origin) => {
  console.error(origin, error);
});
serve(8080).then(() => console.log('listening'));`,
  },
  // ... also a logger handed to it by reference
  { code: `${serve}process.on('uncaughtException', console.error);\nserve(8080);` },
  // ... and one that logs and exits: the start fails fast, as designed
  { code: `${serve}process.on('uncaughtException', (error) => {\n  console.error(error);\n  process.exit(1);\n});\nserve(8080);` },
];


const invalid: InvalidTestCase<MessageIds, Options>[] = [
  // the handler is installed only after the helper's first await
  floatingAt("import { runLate } from './run-service';\nrunLate(async () => {});", 2, { filename }),
  // no handler anywhere
  floatingAt(`${serve}serve(8080);`, 4),
  // the handler comes after the call
  floatingAt(`${serve}serve(8080);\nprocess.on('unhandledRejection', () => process.exit(1));`, 4),
  // a handler of another event
  floatingAt(`${serve}process.on('exit', () => console.log('bye'));\nserve(8080);`, 5),
  // an uncaught-exception handler that ignores every error: the failure disappears without a trace
  floatingAt(`${serve}process.on('uncaughtException', () => {});\nserve(8080);`, 5),
  // ... or only exits: nothing says why (without the handler Node would print the error)
  floatingAt(`${serve}process.on('uncaughtException', () => process.exit(1));\nserve(8080);`, 5),
  // an uncaught-exception handler installed only after the call
  floatingAt(`${serve}serve(8080);\nprocess.on('uncaughtException', (error) => console.error(error));`, 4),
  // a local named \`process\` is not the process
  floatingAt(`${serve}const process = { on() {} };\nprocess.on('unhandledRejection', () => {});\nserve(8080);`, 6),
  // not at the top level: inside a function
  floatingAt(`${sameFileHelper}export function boot() {\n  launch(8080);\n}`, 9),
  // the same helper at the top level, with the strict option
  floatingAt(`${sameFileHelper}launch(8080);`, 8, { options: [{ checkUnderGlobalHandler: true }] }),
  // the strict option reports it anyway
  floatingAt("import { runService } from './run-service';\nrunService(async () => ({ stop: async () => {} }));", 2, { filename, options: [{ checkUnderGlobalHandler: true }] }),
];

ruleTester.run<MessageIds, Options>('no-floating-promises (an entry call whose rejection reaches the process handler)', rule as never, { valid, invalid });
