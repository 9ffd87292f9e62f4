import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { parse } from '@typescript-eslint/parser';
import type { TSESTree } from '@typescript-eslint/utils';
import { promiseCombinatorOf } from '../../src/util/ast';

/** The combinator `promiseCombinatorOf` reads from the callee of the one call statement of `code`. */
function combinatorOf(code: string): string | null {
  const [statement] = parse(code).body;
  assert.equal(statement?.type, 'ExpressionStatement');
  const call = (statement as TSESTree.ExpressionStatement).expression;
  assert.equal(call.type, 'CallExpression');
  return promiseCombinatorOf((call as TSESTree.CallExpression).callee);
}

describe('promiseCombinatorOf', () => {
  it('names the four combinators of Promise, written plainly or through wrappers', () => {
    assert.equal(combinatorOf('Promise.all([a(), b()]);'), 'all');
    assert.equal(combinatorOf('Promise.allSettled(list);'), 'allSettled');
    assert.equal(combinatorOf("Promise['race']([a, b]);"), 'race');
    assert.equal(combinatorOf('(Promise as PromiseConstructor).any(list);'), 'any');
  });

  it('is null for other statics, other receivers and computed names', () => {
    assert.equal(combinatorOf('Promise.resolve(1);'), null);
    assert.equal(combinatorOf('Bluebird.all(list);'), null);
    assert.equal(combinatorOf('Promise[method](list);'), null);
    assert.equal(combinatorOf('all(list);'), null);
  });
});
