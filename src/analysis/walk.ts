import { AST_NODE_TYPES, type TSESLint, type TSESTree } from '@typescript-eslint/utils';
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

function isNode(value: unknown): value is TSESTree.Node {
  return typeof value === 'object' && value !== null && 'type' in value;
}
