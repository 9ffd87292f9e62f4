import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { AST_NODE_TYPES, type TSESTree } from '@typescript-eslint/utils';
import { getExecutionContext } from '../../src/analysis/async-context';
import { BlockingHelperSummaries, invokedIdentifiers, resolveLocalFunction } from '../../src/analysis/local-calls';
import { runOnCode } from './run-on-code';

/** Treats every call of a global `block()` as a blocking operation; returns the chain from each `probe(x)` argument. */
function chains(code: string, maxDepth = 3, lazy = false, resolved: string[] = []): string[] {
  return runOnCode<string>(code, (context, collect) => {
    const calls: TSESTree.CallExpression[] = [];
    return {
      CallExpression: (node) => void calls.push(node),
      'Program:exit'() {
        const summaries = new BlockingHelperSummaries<{ node: TSESTree.Node; name: string }>(maxDepth);
        for (const call of calls) {
          const execution = getExecutionContext(call);
          if (call.callee.type === AST_NODE_TYPES.Identifier && call.callee.name === 'block' && execution.kind === 'function') {
            summaries.addOperation(execution.node, { node: call, name: 'block' });
          }
        }
        const probes: TSESTree.Identifier[] = [];
        for (const call of calls) {
          if (call.callee.type === AST_NODE_TYPES.Identifier && call.callee.name === 'probe') {
            const argument = call.arguments[0];
            if (argument?.type === AST_NODE_TYPES.Identifier) probes.push(argument);
            continue;
          }
          for (const invoked of invokedIdentifiers(call)) {
            const execution = getExecutionContext(invoked);
            if (execution.kind !== 'function') continue;
            if (lazy) {
              summaries.addLazyCall(execution.node, () => {
                resolved.push(invoked.name);
                return resolveLocalFunction(invoked, context.sourceCode);
              });
              continue;
            }
            const target = resolveLocalFunction(invoked, context.sourceCode);
            if (target) summaries.addCall(execution.node, target);
          }
        }
        for (const probe of probes) {
          const target = resolveLocalFunction(probe, context.sourceCode);
          const chain = target && summaries.chainFrom(target);
          collect(chain ? [...chain.helpers.map((helper) => helper.name), chain.operation.name].join(' > ') : `${probe.name}: none`);
        }
      },
    };
  });
}

describe('BlockingHelperSummaries', () => {
  it('lazy calls: the same chains, resolved only for callers a chain reaches', () => {
    const code = `
      function d() { block(); }
      function c() { d(); }
      const b = () => c();
      const a = function () { b(); };
      function unrelated() { other(); }
      function other() { block(); }
      probe(c); probe(b); probe(a);
    `;
    const resolved: string[] = [];
    assert.deepEqual(chains(code, 3, true, resolved), chains(code, 3));
    assert.deepEqual(chains(code, 3, true), ['c > d > block', 'b > c > d > block', 'a: none']);
    // The calls in c, b, a and d are resolved; the call in `unrelated` is never asked about.
    assert.deepEqual(resolved.sort(), ['b', 'block', 'c', 'd']);
  });

  it('follows helpers up to the depth bound', () => {
    const code = `
      function d() { block(); }
      function c() { d(); }
      const b = () => c();
      const a = function () { b(); };
      probe(d); probe(c); probe(b); probe(a);
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
        probe(later); probe(gen); probe(asyncHelper); probe(reassigned); probe(declared);
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
        probe(all); probe(each); probe(deferred);
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
        probe(ping); probe(walk);
      `),
      ['ping: none', 'walk > block'],
    );
  });
});
