import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { TSESTree } from '@typescript-eslint/utils';
import { getEnclosingAsyncFunction, getExecutionContext } from '../../src/analysis/async-context';
import { runOnCode } from './run-on-code';

/** The execution context of every call of `probe()`, as `kind` or `async:<line>` / `sync:<line>`. */
function contexts(code: string): string[] {
  return runOnCode<string>(code, (_context, collect) => ({
    'CallExpression[callee.name="probe"]'(node: TSESTree.CallExpression) {
      const context = getExecutionContext(node);
      if (context.kind !== 'function') return collect(context.kind);
      const label = getEnclosingAsyncFunction(node) ? 'async' : 'sync';
      collect(`${label}:${context.node.loc.start.line}`);
    },
  }));
}

describe('getExecutionContext', () => {
  it('sees the body, nested blocks and loops of an async function', () => {
    assert.deepEqual(
      contexts(`async function f() {\n  for (;;) { try { probe(); } catch { probe(); } }\n}`),
      ['async:1', 'async:1'],
    );
  });

  it('looks through inline callbacks, IIFEs and promise executors', () => {
    assert.deepEqual(
      contexts(`const f = async () => {
        items.forEach((x) => probe());
        items.map(function () { return probe(); });
        (() => probe())();
        (function () { probe(); }).call(this);
        new Promise((resolve) => resolve(probe()));
      };`),
      ['async:1', 'async:1', 'async:1', 'async:1', 'async:1'],
    );
  });

  it('stops at deferred callbacks, returned closures and async callbacks', () => {
    assert.deepEqual(
      contexts(`async function f() {
        setTimeout(() => probe(), 10);
        emitter.on('x', function () { probe(); });
        items.map(async (x) => probe());
        return () => probe();
      }`),
      ['sync:2', 'sync:3', 'async:4', 'sync:5'],
    );
  });

  it('tells top level and class initializers apart from functions', () => {
    assert.deepEqual(
      contexts(`probe();\nclass A { x = probe(); static { probe(); } async m() { probe(); } }`),
      ['top-level', 'class-initializer', 'class-initializer', 'async:2'],
    );
  });
});
