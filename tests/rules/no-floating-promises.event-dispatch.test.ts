import type { InvalidTestCase, ValidTestCase } from '@typescript-eslint/rule-tester';
import rule, { type MessageIds, type Options } from '../../src/rules/no-floating-promises';
import { ruleTester } from '../rule-tester';

/**
 * A library's own async event API: an `emit` that calls every listener inside a `try` whose
 * `catch` keeps the failure, and the `on`/`once`/`off` methods beside it. Dropping their promises
 * is how such an emitter is used (blind set 8: 15 reports, all judged pointless); the effect
 * summaries say they cannot reject (`analysis/listener-dispatch.ts`).
 */

const emitter = (dispatch: string, use: string): string => `export class Feed {
  async lookup(event) {
    return this.subs.get(await this.resolveTag(event));
  }
  async resolveTag(event) {
    const response = await fetch('/tags/' + event);
    return response.text();
  }
  async emit(event, ...args) {
    const sub = await this.lookup(event);
    if (!sub) return false;
${dispatch}
    return true;
  }
  async once(event, listener) {
    const sub = await this.lookup(event);
    sub.listeners.push({ listener, once: true });
  }
  async off(event) {
    const sub = await this.lookup(event);
    this.subs.delete(sub.tag);
  }
  update(value) {
${use}
  }
}`;

const filterDispatch = `    sub.listeners = sub.listeners.filter(({ listener, once }) => {
      try {
        listener.call(this, ...args);
      } catch (error) {}
      return !once;
    });`;

const loopDispatch = `    for (const listener of sub.listeners) {
      try {
        listener(...args);
      } catch (error) {
        console.error(error);
      }
    }`;

const unguardedDispatch = `    for (const listener of sub.listeners) listener(...args);`;

const rethrowingDispatch = `    for (const listener of sub.listeners) {
      try {
        listener(...args);
      } catch (error) {
        throw new Error('listener failed', { cause: error });
      }
    }`;

const valid: (string | ValidTestCase<Options>)[] = [
  // the dispatch keeps each listener's failure to itself: the emit and the registration calls beside it
  { code: emitter(filterDispatch, `    this.emit('debug', { value });\n    this.once('block', () => {});\n    this.off('block');`) },
  { code: emitter(loopDispatch, `    this.emit('change', value);`) },
];

const emitReport = (code: string): InvalidTestCase<MessageIds, Options>['errors'][number] => ({
  messageId: 'floating',
  line: code.split('\n').findIndex((line) => line.includes("this.emit('change'")) + 1,
  column: 5,
  suggestions: [{ messageId: 'suggestVoid', output: code.replace("    this.emit('change'", "    void this.emit('change'") }],
});

const unguarded = emitter(unguardedDispatch, `    this.emit('change', value);\n    this.off('block');`);
const rethrowing = emitter(rethrowingDispatch, `    this.emit('change', value);`);
// A plain function (no class with an event API) that runs hooks in turn, each failure kept, after
// loading them: the load is awaited outside the try, so its failure rejects the dropped promise.
const hookRunner = `const fs = require('fs');
async function loadHooks(dir) {
  const names = await fs.promises.readdir(dir);
  return names.map((name) => require(dir + '/' + name));
}
async function runHooks(dir, event) {
  const hooks = await loadHooks(dir);
  for (const hook of hooks) {
    try {
      await hook(event);
    } catch (error) {
      console.error(error);
    }
  }
}
exports.onSave = function onSave(event) {
  runHooks('./hooks', event);
};`;
const guardedHookRunner = hookRunner.replace(
  '  const hooks = await loadHooks(dir);\n',
  '  let hooks = [];\n  try {\n    hooks = await loadHooks(dir);\n  } catch (error) {\n    console.error(error);\n  }\n',
);
valid.push(
  // the same runner with its load inside a try with a catch: nothing outside the isolating try can reject
  { code: guardedHookRunner },
);

const invalid: InvalidTestCase<MessageIds, Options>[] = [
  // outside an emitter class, an awaited load before the isolating loop can still reject
  {
    code: hookRunner,
    errors: [
      {
        messageId: 'floating',
        line: 17,
        column: 3,
        suggestions: [{ messageId: 'suggestVoid', output: hookRunner.replace("  runHooks('./hooks'", "  void runHooks('./hooks'") }],
      },
    ],
  },
  // a listener's failure rejects the emit; nothing marks the emitter's other methods either
  {
    code: unguarded,
    errors: [
      emitReport(unguarded),
      {
        messageId: 'floating',
        line: unguarded.split('\n').findIndex((line) => line.includes("this.off('block')")) + 1,
        column: 5,
        suggestions: [{ messageId: 'suggestVoid', output: unguarded.replace("    this.off('block')", "    void this.off('block')") }],
      },
    ],
  },
  // a catch that rethrows keeps nothing
  { code: rethrowing, errors: [emitReport(rethrowing)] },
  // checkCannotReject (strict) marks every dropped promise
  {
    code: emitter(loopDispatch, `    this.emit('change', value);`),
    options: [{ checkCannotReject: true }],
    errors: [emitReport(emitter(loopDispatch, `    this.emit('change', value);`))],
  },
];

ruleTester.run<MessageIds, Options>('no-floating-promises (event dispatch)', rule as never, { valid, invalid });
