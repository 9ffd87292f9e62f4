import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { AST_NODE_TYPES, type TSESTree } from '@typescript-eslint/utils';
import { isFunctionNode } from '../../src/analysis/async-context';
import { getSourceWords } from '../../src/analysis/source-words';
import { lookUpInSameFunction, nodeStartingAt, someNodeInSameFunction } from '../../src/analysis/walk';
import { runOnCode } from './run-on-code';

/**
 * For the first function of `code`: the lines of the `return` statements `nodeStartingAt` finds
 * from the offsets of the word `return`, and the lines a full walk (`someNodeInSameFunction`) finds.
 * Also asserts that the standalone words (`wordOccurrences`) looked up with `lookUpInSameFunction`,
 * skipping every nested function or class body it meets, find the same lines.
 */
function returnLines(code: string): { found: number[]; walked: number[] } {
  const [result] = runOnCode<{ found: number[]; walked: number[] }>(code, (context, collect) => {
    let done = false;
    const visit = (node: TSESTree.Node): void => {
      if (done || !isFunctionNode(node)) return;
      done = true;
      const { sourceCode } = context;
      const found: number[] = [];
      for (const offset of getSourceWords(context).occurrences('return', node.body.range[0], node.body.range[1])) {
        const statement = nodeStartingAt(node.body, offset, AST_NODE_TYPES.ReturnStatement, sourceCode.visitorKeys);
        if (statement) found.push(statement.loc.start.line);
      }
      const walked: number[] = [];
      someNodeInSameFunction(node.body, sourceCode.visitorKeys, (inner) => {
        if (inner.type === AST_NODE_TYPES.ReturnStatement) walked.push(inner.loc.start.line);
        return false;
      });
      const skipping: number[] = [];
      let skipUntil = -1;
      for (const offset of getSourceWords(context).wordOccurrences('return', node.body.range[0], node.body.range[1])) {
        if (offset < skipUntil) continue;
        const lookup = lookUpInSameFunction(node.body, offset, AST_NODE_TYPES.ReturnStatement, sourceCode.visitorKeys);
        if (lookup.kind === 'nested') skipUntil = lookup.boundary.range[1];
        if (lookup.kind === 'found') skipping.push(lookup.node.loc.start.line);
      }
      assert.deepEqual(skipping, walked);
      collect({ found, walked });
    };
    return { FunctionDeclaration: visit, FunctionExpression: visit, ArrowFunctionExpression: visit };
  });
  assert.ok(result);
  return result;
}

describe('nodeStartingAt', () => {
  it('finds the returns of the function itself, in source order', () => {
    const code = [
      'function f(items) {',
      '  if (!items) return null;',
      '  for (const item of items) {',
      '    switch (item.kind) {',
      '      case 1: return load(item);',
      '      default: try { return item; } finally { done(); }',
      '    }',
      '  }',
      '  return [, , items];',
      '}',
    ].join('\n');
    assert.deepEqual(returnLines(code), { found: [2, 5, 6, 9], walked: [2, 5, 6, 9] });
  });

  it('skips the word in comments, strings, longer names, nested functions and classes', () => {
    const code = [
      'function f(returned) {',
      '  // return early',
      "  log('return', `return ${returned}`);",
      '  items.map((item) => { return item; });',
      '  class Local { run() { return 1; } }',
      '  const g = function () { return 2; };',
      '  return returned;',
      '}',
    ].join('\n');
    assert.deepEqual(returnLines(code), { found: [7], walked: [7] });
  });

  it('finds the own returns between and after nested functions that have many', () => {
    const code = [
      'function f(a) {',
      '  const g = () => { if (a) return 1; const h = () => { return 2; }; return h; };',
      '  if (a) { isReturn = $return; return g; }',
      '  [1].map(function (x) { return x; }).forEach((y) => { return; }); return (a, f);',
      '}',
    ].join('\n');
    assert.deepEqual(returnLines(code), { found: [3, 4], walked: [3, 4] });
  });
});
