import { AST_NODE_TYPES, type TSESLint, type TSESTree } from '@typescript-eslint/utils';
import { CRITICAL_SECTION_CALL } from '../catalog/iteration-order';
import { lastWrittenName } from '../util/ast';
import { isFunctionNode } from './async-context';

/** The function is handed directly to a call named for a critical section or a transaction (`CRITICAL_SECTION_CALL`). */
function handedToOrderedCall(fn: TSESTree.Node): boolean {
  const holder = fn.parent;
  if (holder?.type !== AST_NODE_TYPES.CallExpression || holder.callee === fn) return false;
  const name = lastWrittenName(holder.callee);
  return name !== null && CRITICAL_SECTION_CALL.test(name);
}

/** Some function around `node` is handed to such a call. */
function insideOrderedCallback(node: TSESTree.Node): boolean {
  for (let current = node.parent; current; current = current.parent) {
    if (isFunctionNode(current) && handedToOrderedCall(current)) return true;
  }
  return false;
}

/**
 * True when `node` runs inside a callback that a critical section or a transaction runs
 * (`CRITICAL_SECTION_CALL`: `this.withTransaction(async () => ...)`, `mutex.runExclusive(fn)`,
 * `knex.transaction(async (trx) => ...)`): there the author asked for one thing at a time, and a
 * transaction's statements share its one connection. Also when a function around it is a local
 * `const` (`const addMissing = async (...) => { ... }`) every call of which sits inside such a
 * callback (one step: the helper is defined beside the transaction and called from it).
 */
export function runsInOrderedCallback(node: TSESTree.Node, sourceCode: Readonly<TSESLint.SourceCode>): boolean {
  for (let current = node.parent; current; current = current.parent) {
    if (!isFunctionNode(current)) continue;
    if (handedToOrderedCall(current)) return true;
    const declarator = current.parent;
    if (declarator?.type !== AST_NODE_TYPES.VariableDeclarator || declarator.init !== current || declarator.id.type !== AST_NODE_TYPES.Identifier) continue;
    const [variable] = sourceCode.getDeclaredVariables(declarator);
    const calls = (variable?.references ?? []).filter((reference) => reference.identifier !== declarator.id);
    if (
      calls.length > 0 &&
      calls.every((reference) => {
        const call = reference.identifier.parent;
        return call?.type === AST_NODE_TYPES.CallExpression && call.callee === reference.identifier && insideOrderedCallback(call);
      })
    ) {
      return true;
    }
  }
  return false;
}
