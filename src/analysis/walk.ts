import { type TSESLint, type TSESTree } from '@typescript-eslint/utils';
import { AST_NODE_TYPES } from '../util/ast-node-types';
import { isFunctionNode } from './async-context';

/**
 * True when `test` holds for `root` or a node below it that runs in the same function: nested
 * functions and class bodies are not entered (their code runs in another execution). Visits each
 * node at most once; stops at the first match.
 */
export function someNodeInSameFunction(
  root: TSESTree.Node,
  visitorKeys: TSESLint.SourceCode.VisitorKeys,
  test: (node: TSESTree.Node) => boolean,
): boolean {
  const visit = (node: TSESTree.Node): boolean => {
    if (test(node)) return true;
    if (node !== root && (isFunctionNode(node) || node.type === AST_NODE_TYPES.ClassBody)) return false;
    const keys = visitorKeys[node.type];
    if (!keys) return false;
    for (const key of keys) {
      const value = (node as unknown as Record<string, unknown>)[key];
      if (Array.isArray(value)) {
        for (const child of value as unknown[]) {
          if (isNode(child) && visit(child)) return true;
        }
      } else if (isNode(value) && visit(value)) {
        return true;
      }
    }
    return false;
  };
  return visit(root);
}

/**
 * True when `test` holds for `root` or any node below it, nested functions included (an async
 * IIFE, a `.then` callback: code the function starts, wherever it runs). Stops at the first match.
 */
export function someNodeBelow(root: TSESTree.Node, visitorKeys: TSESLint.SourceCode.VisitorKeys, test: (node: TSESTree.Node) => boolean): boolean {
  if (test(root)) return true;
  for (const key of visitorKeys[root.type] ?? []) {
    const value = (root as unknown as Record<string, unknown>)[key];
    if (Array.isArray(value)) {
      for (const child of value as unknown[]) {
        if (isNode(child) && someNodeBelow(child, visitorKeys, test)) return true;
      }
    } else if (isNode(value) && someNodeBelow(value, visitorKeys, test)) {
      return true;
    }
  }
  return false;
}

function isNode(value: unknown): value is TSESTree.Node {
  return typeof value === 'object' && value !== null && 'type' in value;
}

/**
 * The node of type `type` that starts exactly at `offset` and runs in the same function as `root`
 * (a node `someNodeInSameFunction(root, ...)` would visit), or null when there is none: the offset
 * is in a comment, a string, a longer word, another kind of node, or a nested function or class
 * body. Found by descending from `root` into the one child whose range holds `offset` (a binary
 * search in long child lists), so the cost is the node's depth, not the size of `root`: with the
 * offsets of a keyword (`SourceWords.occurrences`), it finds every `return` of a function without
 * walking its body.
 */
export function nodeStartingAt(
  root: TSESTree.Node,
  offset: number,
  type: AST_NODE_TYPES,
  visitorKeys: TSESLint.SourceCode.VisitorKeys,
): TSESTree.Node | null {
  const found = descendTo(root, offset, type, visitorKeys, true);
  return found.kind === 'found' ? found.node : null;
}

/**
 * Where the descent of `nodeStartingAt(root, offset, type, ...)` ends:
 * - `found`: the node of type `type` starting exactly at `offset`, in the same function as `root`;
 * - `nested`: `offset` lies inside a function or class body nested in `root` (`boundary`), so no
 *   node of that function's own code starts there, nor at any other offset inside `boundary`'s
 *   range: a caller going through the offsets of a word in order can skip to `boundary.range[1]`;
 * - `none`: nothing of type `type` starts at `offset` in `root`'s own code (a comment, a string, a
 *   longer word, another kind of node).
 */
export type SameFunctionLookup =
  | { kind: 'found'; node: TSESTree.Node }
  | { kind: 'nested'; boundary: TSESTree.Node }
  | { kind: 'none' };

/** `nodeStartingAt`, also saying which nested function or class body stopped it (see `SameFunctionLookup`). */
export function lookUpInSameFunction(
  root: TSESTree.Node,
  offset: number,
  type: AST_NODE_TYPES,
  visitorKeys: TSESLint.SourceCode.VisitorKeys,
): SameFunctionLookup {
  return descendTo(root, offset, type, visitorKeys, true);
}

/**
 * Like `nodeStartingAt`, but anywhere below `root`: nested functions and class bodies are entered
 * too. With the offsets of a word (`SourceWords.occurrences`), it finds every `require` identifier
 * of a file without walking it.
 */
export function nodeStartingAtAnyDepth(
  root: TSESTree.Node,
  offset: number,
  type: AST_NODE_TYPES,
  visitorKeys: TSESLint.SourceCode.VisitorKeys,
): TSESTree.Node | null {
  const found = descendTo(root, offset, type, visitorKeys, false);
  return found.kind === 'found' ? found.node : null;
}

const NONE: SameFunctionLookup = { kind: 'none' };

function descendTo(
  root: TSESTree.Node,
  offset: number,
  type: AST_NODE_TYPES,
  visitorKeys: TSESLint.SourceCode.VisitorKeys,
  sameFunction: boolean,
): SameFunctionLookup {
  let node: TSESTree.Node | null = root;
  while (node && node.range[0] <= offset && offset < node.range[1]) {
    if (node.range[0] === offset && node.type === type) return { kind: 'found', node };
    if (sameFunction && node !== root && (isFunctionNode(node) || node.type === AST_NODE_TYPES.ClassBody)) return { kind: 'nested', boundary: node };
    node = childHolding(node, offset, visitorKeys);
  }
  return NONE;
}

/**
 * The deepest node below `root` (nested functions included) whose range holds `offset`, `root`
 * itself when no child does, or null when `root` does not hold it. Found by descending into the one
 * child that holds the offset, so the cost is the node's depth, not the size of `root`.
 */
export function deepestNodeAt(root: TSESTree.Node, offset: number, visitorKeys: TSESLint.SourceCode.VisitorKeys): TSESTree.Node | null {
  if (offset < root.range[0] || offset >= root.range[1]) return null;
  let node = root;
  for (let child = childHolding(node, offset, visitorKeys); child; child = childHolding(node, offset, visitorKeys)) node = child;
  return node;
}

/** The child of `node` whose range holds `offset`, or null. */
export function childHolding(node: TSESTree.Node, offset: number, visitorKeys: TSESLint.SourceCode.VisitorKeys): TSESTree.Node | null {
  for (const key of visitorKeys[node.type] ?? []) {
    const value = (node as unknown as Record<string, unknown>)[key];
    if (Array.isArray(value)) {
      const child = elementHolding(value as unknown[], offset);
      if (child) return child;
    } else if (isNode(value) && value.range[0] <= offset && offset < value.range[1]) {
      return value;
    }
  }
  return null;
}

/** The node of a list in source order (holes and non-nodes allowed) whose range holds `offset`, or null. */
function elementHolding(list: readonly unknown[], offset: number): TSESTree.Node | null {
  // Binary search for the last element starting at or before `offset`, stepping over holes.
  let low = 0;
  let high = list.length - 1;
  let found: TSESTree.Node | null = null;
  while (low <= high) {
    const middle = (low + high) >>> 1;
    let probe = middle;
    while (probe >= low && !isNode(list[probe])) probe -= 1;
    const element = list[probe];
    if (probe < low || !isNode(element)) {
      low = middle + 1;
      continue;
    }
    if (element.range[0] <= offset) {
      found = element;
      low = middle + 1;
    } else {
      high = probe - 1;
    }
  }
  return found && offset < found.range[1] ? found : null;
}
