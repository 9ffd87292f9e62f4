import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { getAwaitableFunction } from '../../src/analysis/async-context';
import { runOnCode } from './run-on-code';

/** For each `mark()` call: may `await` be written there? */
function awaitable(code: string): string[] {
  return runOnCode<string>(code, (_context, collect) => ({
    CallExpression(node) {
      if (node.callee.type === 'Identifier' && node.callee.name === 'mark') {
        collect(`${node.loc.start.line}: ${getAwaitableFunction(node) ? 'await' : 'no await'}`);
      }
    },
  }));
}

describe('getAwaitableFunction', () => {
  it('is the nearest function when it is async, not an outer one through inline callbacks', () => {
    assert.deepEqual(
      awaitable(`
        async function a() { mark(); }
        async function b(items) { items.forEach((x) => { mark(); }); }
        function c() { mark(); }
        const d = async () => mark();
        async function e() { class K { field = mark(); static { mark(); } } }
        mark();
      `),
      ['2: await', '3: no await', '4: no await', '5: await', '6: no await', '6: no await', '7: no await'],
    );
  });
});
