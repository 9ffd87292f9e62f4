import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { AST_NODE_TYPES, type TSESTree } from '@typescript-eslint/utils';
import { getExecutionContext } from '../../src/analysis/async-context';
import { BlockingHelperSummaries, invokedIdentifier } from '../../src/analysis/local-calls';
import { getSourceWords } from '../../src/analysis/source-words';
import { runOnCode } from './run-on-code';

/**
 * Treats every call of a global `block()` as a blocking operation and the top level as where calls
 * are reported; returns, for each top-level call statement `name()` / `xs.map(name)`, the chain
 * from the function it calls, or `name: none`.
 */
function chains(code: string, maxDepth = 3): string[] {
  return runOnCode<string>(code, (context, collect) => {
    const calls: TSESTree.CallExpression[] = [];
    return {
      CallExpression: (node) => void calls.push(node),
      'Program:exit'(program: TSESTree.Program) {
        const summaries = new BlockingHelperSummaries<{ node: TSESTree.Node; name: string }>(maxDepth);
        for (const call of calls) {
          const execution = getExecutionContext(call);
          if (call.callee.type === AST_NODE_TYPES.Identifier && call.callee.name === 'block' && execution.kind === 'function') {
            summaries.addOperation(execution.node, { node: call, name: 'block' });
          }
        }
        const found = summaries.callsOfBlockingHelpers(context.sourceCode, getSourceWords(context), (execution) => (execution.kind === 'top-level' ? 'top' : null));
        for (const statement of program.body) {
          if (statement.type !== AST_NODE_TYPES.ExpressionStatement || statement.expression.type !== AST_NODE_TYPES.CallExpression) continue;
          const invoked = invokedIdentifier(statement.expression);
          if (!invoked) continue;
          const call = found.find((candidate) => candidate.invoked === invoked);
          collect(call ? [...call.chain.helpers.map((helper) => helper.name), call.chain.operation.name].join(' > ') : `${invoked.name}: none`);
        }
      },
    };
  });
}

describe('BlockingHelperSummaries', () => {
  it('resolves calls by scope: a local binding that shadows a helper\'s name is not the helper', () => {
    assert.deepEqual(
      chains(`
        function d() { block(); }
        function c() { d(); }
        function shadow() { const d = () => 0; d(); }
        { const c = () => 0; c(); }
        c(); shadow();
      `),
      ['c > d > block', 'shadow: none'],
    );
  });

  it('takes a function\'s own first operation, else its first call in the file of a helper one level closer', () => {
    assert.deepEqual(
      chains(`
        function far() { near2(); }
        function near2() { near1(); }
        function near1() { block(); }
        function both() { far(); near1(); }
        function own() { near1(); block(); }
        both(); own();
      `),
      ['both > near1 > block', 'own > block'],
    );
  });

  it('follows helpers up to the depth bound', () => {
    const code = `
      function d() { block(); }
      function c() { d(); }
      const b = () => c();
      const a = function () { b(); };
      d(); c(); b(); a();
    `;
    assert.deepEqual(chains(code), ['d > block', 'c > d > block', 'b > c > d > block', 'a: none']);
    assert.deepEqual(chains(code, 4), ['d > block', 'c > d > block', 'b > c > d > block', 'a > b > c > d > block']);
  });

  it('ignores deferred callbacks, generators, async and reassigned helpers', () => {
    assert.deepEqual(
      chains(`
        function later() { setTimeout(() => block()); }
        function* gen() { block(); }
        async function asyncHelper() { block(); }
        let reassigned = () => block(); reassigned = () => 0;
        function declared() { block(); } declared = () => 0;
        later(); gen(); asyncHelper(); reassigned(); declared();
      `),
      ['later: none', 'gen: none', 'asyncHelper: none', 'reassigned: none', 'declared: none'],
    );
  });

  it('sees inline callbacks and functions passed to inline callback methods', () => {
    assert.deepEqual(
      chains(`
        function one(x) { block(x); }
        function all(xs) { xs.forEach((x) => one(x)); }
        function each(xs) { xs.map(one); }
        function deferred(p) { p.then(one); }
        all(); each(); deferred();
      `),
      ['all > one > block', 'each > one > block', 'deferred: none'],
    );
  });

  it('terminates on recursion', () => {
    assert.deepEqual(
      chains(`
        function ping(n) { return n && pong(n - 1); }
        function pong(n) { return n && ping(n - 1); }
        function walk(n) { if (n) walk(n - 1); else block(); }
        ping(); walk();
      `),
      ['ping: none', 'walk > block'],
    );
  });

  it('follows this.name() to the method or function-valued field of the class the call is written in', () => {
    const found = runOnCode<string>(
      `
        class A {
          static make() { block(); }
          #field = () => block();
          viaField() { return this.#field(); }
          sync() { block(); }
          get prop() { block(); }
          async run() { this.sync(); this.viaField(); this.prop(); this.make(); other.sync(); }
          static async build() { this.make(); this.sync(); }
        }
        class B { sync() { return 0; } async run() { this.sync(); } }
      `,
      (context, collect) => {
        const calls: TSESTree.CallExpression[] = [];
        return {
          CallExpression: (node) => void calls.push(node),
          'Program:exit'() {
            const summaries = new BlockingHelperSummaries<{ node: TSESTree.Node; name: string }>(3);
            for (const call of calls) {
              const execution = getExecutionContext(call);
              if (call.callee.type === AST_NODE_TYPES.Identifier && call.callee.name === 'block' && execution.kind === 'function') {
                summaries.addOperation(execution.node, { node: call, name: 'block' });
              }
            }
            const where = (execution: ReturnType<typeof getExecutionContext>): string | null =>
              execution.kind === 'function' && execution.node.async ? 'async' : null;
            for (const call of summaries.callsOfBlockingHelpers(context.sourceCode, getSourceWords(context), where)) {
              collect(`${call.invoked.loc.start.line}: ${[...call.chain.helpers.map((helper) => helper.name), call.chain.operation.name].join(' > ')}`);
            }
          },
        };
      },
    );
    assert.deepEqual(found, ['8: this.sync > block', '8: this.viaField > this.#field > block', '9: this.make > block']);
  });
});
