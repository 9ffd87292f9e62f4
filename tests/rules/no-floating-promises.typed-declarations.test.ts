import type { InvalidTestCase, ValidTestCase } from '@typescript-eslint/rule-tester';
import rule, { type MessageIds, type Options } from '../../src/rules/no-floating-promises';
import { typedRuleTester } from '../rule-tester';

// @typescript-eslint/rule-tester pins its own copy of utils; the rule is the same object at run time.
const testedRule = rule as unknown as Parameters<typeof typedRuleTester.run<MessageIds, Options>>[1];

/**
 * Typed: a call the checker resolves to a function of the project's own source in another file is
 * judged by that function's body, with the same "can it reject?" summary a function of the linted
 * file gets. `tests/fixtures/deferred-patch.ts` applies a change on the next turn of the event
 * loop and resolves (also through a wrapper handed the job): its promise cannot reject, whatever
 * the change throws (that is an uncaught exception of the timer). The receiver comes from a factory, or is a field built from the class:
 * either way, the checker names the method.
 */
const fromFactory = `import { deferredCache } from './deferred-patch';
const names = deferredCache<string[]>();
export async function add(name: string, save: (all: string[]) => Promise<void>): Promise<void> {
  await save([name]);
  names.update((all) => [...(all ?? []), name]);
}`;

const fromField = `import { DeferredCache } from './deferred-patch';
export class Roster {
  private readonly names = new DeferredCache<string[]>();
  async rename(from: string, to: string): Promise<void> {
    this.names.update((all) => (all ?? []).map((name) => (name === from ? to : name)));
  }
  async clear(): Promise<void> {
    this.names.replace([]);
  }
}`;

/** The same cache's `refresh`: it returns the loader's promise, which can reject. */
const refreshes = `import { deferredCache } from './deferred-patch';
const names = deferredCache<string[]>();
export async function reload(load: () => Promise<string[]>): Promise<void> {
  names.refresh(load);
}`;

/** A method the checker finds on `Outbox`, which a subclass of its folder overrides with a post that can reject. */
const overridden = `import { outbox } from './outbox';
const box = outbox();
export async function greet(name: string): Promise<void> {
  box.send(\`hello \${name}\`);
}`;

/**
 * Electron's calls that report their outcome as the resolved value (the Electron docs:
 * `shell.openPath` resolves with an error message, `systemPreferences.askForMediaAccess` with
 * `false` when access is denied). Declared in `tests/fixtures/electron.d.ts`.
 */
const statusCalls = `import { shell, systemPreferences } from 'electron';
export async function openFolder(folder: string): Promise<void> {
  shell.openPath(folder);
}
export async function askDevices(): Promise<void> {
  systemPreferences.askForMediaAccess('camera');
  systemPreferences.askForMediaAccess('microphone');
}`;

/** `shell.trashItem` rejects when the item cannot be moved to the trash. */
const trashes = `import { shell } from 'electron';
export async function discard(file: string): Promise<void> {
  shell.trashItem(file);
}`;

const valid: ValidTestCase<Options>[] = [fromFactory, fromField, statusCalls].map((code) => ({ filename: 'file.ts', code }));

/** The statement at `line` (in an async function) reported as floating, with its `await` and `void` suggestions. */
function floatingAt(code: string, line: number, options?: Options): InvalidTestCase<MessageIds, Options> {
  const text = code.split('\n')[line - 1] ?? '';
  const column = text.length - text.trimStart().length + 1;
  const prefixed = (word: string): string => {
    const lines = code.split('\n');
    lines[line - 1] = `${text.slice(0, column - 1)}${word} ${text.slice(column - 1)}`;
    return lines.join('\n');
  };
  return {
    filename: 'file.ts',
    code,
    ...(options ? { options } : {}),
    errors: [{ messageId: 'floating', line, column, suggestions: [{ messageId: 'suggestAwait', output: prefixed('await') }, { messageId: 'suggestVoid', output: prefixed('void') }] }],
  };
}

const invalid: InvalidTestCase<MessageIds, Options>[] = [
  // a method of the same class that can reject is still reported
  floatingAt(refreshes, 4),
  // the declared class's method cannot reject, but a subclass's override may be what runs
  floatingAt(overridden, 4),
  // an Electron call that rejects on failure is still reported
  floatingAt(trashes, 3),
  // checkCannotReject (strict) still marks the deferred update
  floatingAt(fromFactory, 5, [{ checkCannotReject: true }]),
];

typedRuleTester.run('no-floating-promises (typed: declarations in other files, status-resolving platform calls)', testedRule, { valid, invalid });
