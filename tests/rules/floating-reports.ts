import type { InvalidTestCase } from '@typescript-eslint/rule-tester';
import type { MessageIds, Options } from '../../src/rules/no-floating-promises';

/**
 * The one `no-floating-promises` report of the call dropped at `line`:`column` of `code` linted as
 * `filename`, with its suggestions: `await` first when the call is inside an async function
 * (`awaitable`), then `void`.
 */
export function dropped(code: string, filename: string, line: number, column: number, awaitable: boolean, options?: Options): InvalidTestCase<MessageIds, Options> {
  const lines = code.split('\n');
  const text = lines[line - 1] ?? '';
  const withPrefix = (prefix: string): string => {
    const copy = [...lines];
    copy[line - 1] = `${text.slice(0, column - 1)}${prefix}${text.slice(column - 1)}`;
    return copy.join('\n');
  };
  const suggestions = [
    ...(awaitable ? [{ messageId: 'suggestAwait' as const, output: withPrefix('await ') }] : []),
    { messageId: 'suggestVoid' as const, output: withPrefix('void ') },
  ];
  return { code, filename, ...(options ? { options } : {}), errors: [{ messageId: 'floating', line, column, suggestions }] };
}

/**
 * The one report of the statement at `line` of `code` (a call outside any async function), with its
 * `void` suggestion: the column is where the statement's text starts.
 */
export function floatingAt(code: string, line: number, extra: Partial<InvalidTestCase<MessageIds, Options>> = {}): InvalidTestCase<MessageIds, Options> {
  const lines = code.split('\n');
  const text = lines[line - 1] ?? '';
  const column = text.length - text.trimStart().length + 1;
  lines[line - 1] = `${text.slice(0, column - 1)}void ${text.slice(column - 1)}`;
  return { code, ...extra, errors: [{ messageId: 'floating', line, column, suggestions: [{ messageId: 'suggestVoid', output: lines.join('\n') }] }] };
}
