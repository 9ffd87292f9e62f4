import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { AST_NODE_TYPES, type TSESTree } from '@typescript-eslint/utils';
import { busyWaitLoop } from '../../src/analysis/busy-wait';
import { runOnCode } from './run-on-code';

/** Treats every `clock()` call as a clock read; returns the lines of the busy-wait loops found. */
function loops(code: string): number[] {
  return runOnCode<number>(code, (_context, collect) => ({
    CallExpression(node: TSESTree.CallExpression) {
      if (node.callee.type !== AST_NODE_TYPES.Identifier || node.callee.name !== 'clock') return;
      const loop = busyWaitLoop(node);
      if (loop) collect(loop.loc.start.line);
    },
  }));
}

describe('busyWaitLoop', () => {
  it('finds loops that spin until a clock passes a deadline', () => {
    assert.deepEqual(
      loops(`
        while (clock() < end) {}
        while (clock() - start < ms);
        do { n++; } while (end >= clock());
        for (;;) { if (clock() > end) break; }
        while (now < end) { now = clock(); }
      `),
      [2, 3, 4, 5, 6],
    );
  });

  it('ignores loops that work, await, wait on something else, or do not compare', () => {
    assert.deepEqual(
      loops(`
        async function f() { while (clock() < end) { await tick(); } }
        while (clock() < end) { work(); }
        while (clock() !== end) {}
        while (clock()) {}
        if (clock() < end) {}
        while (ready()) { if (clock() > end) break; }
        while (true) { if (clock() > end) break; work(); }
        while (other < end) { now = clock(); }
        while (clock() < end) { x = new Thing(); }
      `),
      [],
    );
  });
});
