import type { TestCaseError } from '@typescript-eslint/rule-tester';
import type { MessageIds } from '../../src/rules/prefer-promise-all';

/**
 * The `prefer-promise-all` report of `count` sequential awaits whose first await is at
 * `line`:`column`, with its one suggestion: the code gathered into `Promise.all` (`output`).
 */
export function gatheredGroup(count: number, line: number, column: number, output: string): TestCaseError<MessageIds> {
  return { messageId: 'sequentialAwaits', data: { count }, line, column, suggestions: [{ messageId: 'useGather', data: { count }, output }] };
}

/** `gatheredGroup` of two awaits, the common report. */
export function gatheredPair(line: number, column: number, output: string): TestCaseError<MessageIds> {
  return gatheredGroup(2, line, column, output);
}
