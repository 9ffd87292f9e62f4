import rule, { type MessageIds, type Options } from '../../src/rules/no-floating-promises';
import path from 'node:path';
import { FIXTURES_DIR, ruleTester, typedRuleTester } from '../rule-tester';
import { floatingAt } from './floating-reports';

/**
 * A function that is not async and watches the promise it returns: a rejection handler attached
 * right where the variable holding it is filled. Dropping what it returns loses nothing.
 */

/** A drain started once, its variable given a rejection handler that logs in the next statement. */
const watchedDrain = `function onStopFailed(error) { console.error('stop failed', error); }
async function drainAll(jobs) {
  for (const job of jobs) await job.finish();
}
function stop(jobs) {
  const drained = drainAll(jobs);
  drained.then(onStopped, onStopFailed);
  return drained;
}
`;

// @typescript-eslint/rule-tester pins its own copy of utils; the rule is the same object at run time.
const testedRule = rule as unknown as Parameters<typeof typedRuleTester.run<MessageIds, Options>>[1];

/** A file beside `tests/fixtures/watched-drain.ts`, whose one drain watches what it returns and one does not. */
const beside = path.join(FIXTURES_DIR, 'file.ts');
const importedStop = (name: string): string => `import { ${name} } from './watched-drain';\nexport function onSignal(jobs: []): void {\n  ${name}(jobs).then(() => console.log('stopped'));\n}`;

ruleTester.run('no-floating-promises (self-handled returns)', testedRule, {
  valid: [
    // the callee watches the promise it returns
    { code: `${watchedDrain}export function onSignal(jobs) {\n  stop(jobs);\n}` },
    // `.catch(h)` after a `.finally(f)` link also sees the promise's rejection
    { code: `${watchedDrain.replace('drained.then(onStopped, onStopFailed)', 'drained.finally(log).catch(onStopFailed)')}export function onSignal(jobs) {\n  stop(jobs);\n}` },
    // the same in another module of the project
    { filename: beside, code: importedStop('stopWatched') },
    // a logger passed by reference reports the failure
    { code: `${watchedDrain.replace('drained.then(onStopped, onStopFailed)', 'drained.catch(console.error)')}export function onSignal(jobs) {\n  stop(jobs);\n}` },
    // a handler that hands the failure to a deferred's `reject`: whoever watches that promise gets it
    { code: `${watchedDrain.replace('drained.then(onStopped, onStopFailed)', 'drained.then(onStopped, (error) => finished.reject(error))')}export function onSignal(jobs) {\n  stop(jobs);\n}` },
    // a handler that hands the caught error to the project's own logger, whatever its method is called
    { code: `${watchedDrain.replace('drained.then(onStopped, onStopFailed)', "drained.catch((error) => {\n    client.diagnostics.record(LEVEL_ERROR, 'stop failed: ' + describe(error));\n  })")}export function onSignal(jobs) {\n  stop(jobs);\n}` },
  ],
  invalid: [
    // `.then(done)` alone handles no rejection
    floatingAt(`${watchedDrain.replace('drained.then(onStopped, onStopFailed)', 'void drained.then(onStopped)')}export function onSignal(jobs) {\n  stop(jobs);\n}`, 11),
    // a handler that logs and rethrows moves the failure to the promise `.catch` derives, which nobody watches
    floatingAt(`${watchedDrain.replace('drained.then(onStopped, onStopFailed)', "drained.catch((error) => { console.error('stop failed'); throw error; })")}export function onSignal(jobs) {\n  stop(jobs);\n}`, 11),
    // the same with a named handler of this file
    floatingAt(`${watchedDrain.replace("{ console.error('stop failed', error); }", "{ console.error('stop failed', error); throw error; }")}export function onSignal(jobs) {\n  stop(jobs);\n}`, 11),
    // a handler that swallows the failure: only the caller could report it, and it drops the call
    floatingAt(`${watchedDrain.replace('drained.then(onStopped, onStopFailed)', 'drained.catch(() => {})')}export function onSignal(jobs) {\n  stop(jobs);\n}`, 11),
    // a handler that only keeps a text of the error hands it to no one
    floatingAt(`${watchedDrain.replace('drained.then(onStopped, onStopFailed)', 'drained.catch((error) => { lastFailure = String(error); })')}export function onSignal(jobs) {\n  stop(jobs);\n}`, 11),
    // a handler that only cleans up reports nothing either
    floatingAt(`${watchedDrain.replace('drained.then(onStopped, onStopFailed)', 'drained.then(() => { pending -= 1; }, () => { pending -= 1; })')}export function onSignal(jobs) {\n  stop(jobs);\n}`, 11),
    // a handler this file cannot read (not declared here) is not evidence
    floatingAt(`${watchedDrain.replace('drained.then(onStopped, onStopFailed)', 'drained.catch(onFailure)')}export function onSignal(jobs) {\n  stop(jobs);\n}`, 11),
    // the handler only on one branch
    floatingAt(`${watchedDrain.replace('drained.then(onStopped, onStopFailed);', 'if (verbose) drained.catch(onStopFailed);')}export function onSignal(jobs) {\n  stop(jobs);\n}`, 11),
    { filename: beside, code: importedStop('stopUnwatched'), errors: [{ messageId: 'floatingChain', line: 3, suggestions: [{ messageId: 'suggestVoid', output: importedStop('stopUnwatched').replace('  stopUnwatched(jobs)', '  void stopUnwatched(jobs)') }] }] },
    // a promise made around a chain that never reaches `reject` is not watched: its inner chain's failure hangs the caller
    {
      code: `${watchedDrain}export function stopLater(jobs) {\n  return new Promise((resolve, reject) => {\n    drainAll(jobs).then(() => resolve());\n  });\n}`,
      errors: [{ messageId: 'floatingChain', line: 12, suggestions: [{ messageId: 'suggestVoid', output: `${watchedDrain}export function stopLater(jobs) {\n  return new Promise((resolve, reject) => {\n    void drainAll(jobs).then(() => resolve());\n  });\n}` }] }],
    },
    // an async function hands back a new promise that adopts the watched one's rejection
    floatingAt(`${watchedDrain.replace('function stop(jobs) {', 'async function stop(jobs) {').replace('return drained;', 'await drained;')}export function onSignal(jobs) {\n  stop(jobs);\n}`, 11),
  ],
});

/** The same pool written in TypeScript, its type declaring the promise the untyped reading cannot see. */
const typedPool = `declare function log(text: string): void;
declare function onStopped(): void;
function onStopFailed(error: unknown): void { console.error('stop failed', error); }
declare const state: { stopping: boolean; killing: boolean };
interface Job { finish(): Promise<void> }
interface Pool { stop(jobs: Job[]): Promise<void> }
let stopping: Promise<void> | null = null;
let killing: Promise<void> | null = null;
async function drainAll(jobs: Job[]): Promise<void> {
  for (const job of jobs) await job.finish();
}
export const pool: Pool = {
  stop(jobs) {
    if (state.stopping) {
      log('stop called twice');
      return stopping!;
    }
    if (state.killing) {
      return Promise.resolve(killing).then(() => {
        throw new Error('already killing');
      });
    }
    state.stopping = true;
    stopping = drainAll(jobs);
    Promise.resolve(stopping).then(onStopped, onStopFailed);
    return stopping;
  },
};
`;

/** Storage writes that may be synchronous, gathered by a helper that watches the gathered promise. */
const loggedWrites = `interface Storage { set(key: string, value: string): void | Promise<void> }
interface Client { logger: { record(level: number, text: string): void } }
declare const LEVEL_ERROR: number;
declare function describe(error: unknown): string;
function gatheredWrites(client: Client, writes: (void | Promise<void>)[]): void | Promise<void> {
  const pending = writes.filter((write): write is Promise<void> => write instanceof Promise);
  if (pending.length === 0) return;
  const written = Promise.all(pending).then(() => {});
  written.catch((error) => {
    client.logger.record(LEVEL_ERROR, 'saving failed: ' + describe(error));
  });
  return written;
}
export class Device {
  constructor(private client: Client, private storage: Storage, private id: string) {}
  persist(): void | Promise<void> {
    return gatheredWrites(this.client, [this.storage.set('id', this.id)]);
  }
  forget(): void {
    gatheredWrites(this.client, [this.storage.set('id', '')]);
    this.persist();
  }
}
`;

typedRuleTester.run('no-floating-promises (self-handled returns, typed)', testedRule, {
  valid: [
    // a closure variable filled once and watched there; the guard refusing a second kind of
    // shutdown is misuse, like a guard's `throw` in an async function
    { filename: 'file.ts', code: `${typedPool}export function onFatal(jobs: Job[]): void {\n  pool.stop(jobs);\n}` },
    // the same pool handed out by a function of this file that builds it: its type names only the interface
    { filename: 'file.ts', code: `${typedPool.replace('export const pool: Pool = {', 'function makePool(): Pool {\n  const made: Pool = {').replace(/\n};\n$/, '\n  };\n  return made;\n}\n')}export function onFatal(jobs: Job[]): void {\n  const pool = makePool();\n  pool.stop(jobs);\n}` },
    // writes to a storage that may or may not be asynchronous, gathered and watched by a handler that
    // hands the error to the client's own logger: dropping what the helper (or its caller) returns loses nothing
    { filename: 'file.ts', code: loggedWrites },
  ],
  invalid: [
    // without a rejection handler where it is filled, the dropped shutdown loses its failure
    { filename: 'file.ts', ...floatingAt(`${typedPool.replace('Promise.resolve(stopping).then(onStopped, onStopFailed)', 'Promise.resolve(stopping).then(onStopped)')}export function onFatal(jobs: Job[]): void {\n  pool.stop(jobs);\n}`, 30) },
    // filled a second time: the second promise is not the watched one
    { filename: 'file.ts', ...floatingAt(`${typedPool.replace('    return stopping;\n  },', '    stopping = drainAll(jobs.slice(1));\n    return stopping;\n  },')}export function onFatal(jobs: Job[]): void {\n  pool.stop(jobs);\n}`, 31) },
    // a refusal after other work is the function's answer, not a guard's
    { filename: 'file.ts', ...floatingAt(`${typedPool.replace('    if (state.killing) {', "    log('stopping');\n    if (state.killing) {")}export function onFatal(jobs: Job[]): void {\n  pool.stop(jobs);\n}`, 31) },
  ],
});
