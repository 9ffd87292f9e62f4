import { AST_NODE_TYPES, type TSESTree } from '@typescript-eslint/utils';
import { INLINE_CALLBACK_METHODS } from '../catalog/inline-callbacks';
import { staticMemberName } from '../util/ast';

/** Any node that starts a function body. */
export type FunctionNode =
  | TSESTree.ArrowFunctionExpression
  | TSESTree.FunctionDeclaration
  | TSESTree.FunctionExpression;

/**
 * Where a node's code runs when the program executes it:
 * - `function`: as part of this function's own execution (inline callbacks looked through);
 * - `top-level`: while the module itself is evaluated;
 * - `class-initializer`: in a class field initializer or static block (runs at construction
 *   or class definition, not as part of any enclosing function's body).
 */
export type ExecutionContext =
  | { kind: 'function'; node: FunctionNode }
  | { kind: 'top-level'; node: TSESTree.Program }
  | { kind: 'class-initializer'; node: TSESTree.Node };

export function isFunctionNode(node: TSESTree.Node): node is FunctionNode {
  return (
    node.type === AST_NODE_TYPES.ArrowFunctionExpression ||
    node.type === AST_NODE_TYPES.FunctionDeclaration ||
    node.type === AST_NODE_TYPES.FunctionExpression
  );
}

/** Skips TS-only wrappers and `(fn)` so `(fn as X)()` is seen as a call of `fn`. */
function skipTransparentParents(node: TSESTree.Node): TSESTree.Node {
  let current = node;
  while (
    current.parent &&
    (current.parent.type === AST_NODE_TYPES.TSAsExpression ||
      current.parent.type === AST_NODE_TYPES.TSNonNullExpression ||
      current.parent.type === AST_NODE_TYPES.TSSatisfiesExpression ||
      current.parent.type === AST_NODE_TYPES.TSTypeAssertion)
  ) {
    current = current.parent;
  }
  return current;
}


/**
 * True when `fn` runs synchronously, right where it is written, before the surrounding
 * expression completes:
 * - an IIFE, `(() => {})()`, also through `.call(...)` / `.apply(...)`;
 * - the callback of a method that invokes it before returning (`arr.map(cb)`,
 *   `arr.forEach(cb)`, ... see `INLINE_CALLBACK_METHODS`; the receiver is not type-checked,
 *   because `Map`/`Set`/typed-array methods of those names run their callbacks inline too);
 * - the executor of `new Promise(executor)`, which the constructor calls synchronously.
 * Callbacks handed to anything else (timers, event emitters, `.then`) run later.
 */
export function isInlineCallback(fn: FunctionNode): boolean {
  if (fn.type === AST_NODE_TYPES.FunctionDeclaration) return false;
  const self = skipTransparentParents(fn);
  const parent = self.parent;
  if (!parent) return false;

  if (parent.type === AST_NODE_TYPES.CallExpression) {
    if (parent.callee === self) return true;
    const callee = parent.callee;
    if (callee.type !== AST_NODE_TYPES.MemberExpression || parent.arguments[0] !== self) return false;
    const name = staticMemberName(callee);
    return name !== null && INLINE_CALLBACK_METHODS.has(name);
  }
  if (parent.type === AST_NODE_TYPES.MemberExpression && parent.object === self) {
    // (function () {}).call(this) / .apply(this, args)
    const name = staticMemberName(parent);
    const call = parent.parent;
    return (
      (name === 'call' || name === 'apply') &&
      call.type === AST_NODE_TYPES.CallExpression &&
      call.callee === parent
    );
  }
  if (parent.type === AST_NODE_TYPES.NewExpression) {
    return (
      parent.callee.type === AST_NODE_TYPES.Identifier &&
      parent.callee.name === 'Promise' &&
      parent.arguments[0] === self
    );
  }
  return false;
}

/**
 * The context whose execution runs `node`. Walks up to the nearest function, but looks through
 * synchronous inline callbacks (see `isInlineCallback`): code in `items.forEach(x => ...)` runs as
 * part of the function that calls `forEach`. An `async` function is never looked through: its body
 * is its own asynchronous execution.
 * Cost: one walk up the ancestors, bounded by the nesting depth.
 */
export function getExecutionContext(node: TSESTree.Node): ExecutionContext {
  let child: TSESTree.Node = node;
  for (let current = node.parent; current; child = current, current = current.parent) {
    if (isFunctionNode(current)) {
      if (current.async || !isInlineCallback(current)) return { kind: 'function', node: current };
      continue;
    }
    switch (current.type) {
      case AST_NODE_TYPES.StaticBlock:
        return { kind: 'class-initializer', node: current };
      case AST_NODE_TYPES.PropertyDefinition:
      case AST_NODE_TYPES.AccessorProperty:
        if (current.value === child) return { kind: 'class-initializer', node: current };
        break;
      case AST_NODE_TYPES.Program:
        return { kind: 'top-level', node: current };
      default:
        break;
    }
  }
  throw new Error('getExecutionContext: node is not attached to a Program');
}

/** The async function whose own execution runs `node`, or null (sync function, top level, initializer). */
export function getEnclosingAsyncFunction(node: TSESTree.Node): FunctionNode | null {
  const context = getExecutionContext(node);
  return context.kind === 'function' && context.node.async ? context.node : null;
}

/** The nearest function around `node` (async or not), or null at a module's top level. */
export function nearestFunction(node: TSESTree.Node): FunctionNode | null {
  for (let current = node.parent; current; current = current.parent) {
    if (isFunctionNode(current)) return current;
  }
  return null;
}

/**
 * The async function in which `await` may be written at `node`: the nearest enclosing function,
 * when it is async and no class field initializer or static block lies in between. Unlike
 * `getEnclosingAsyncFunction`, inline callbacks are not looked through: in
 * `async () => items.forEach((x) => { HERE })` an `await` at HERE is a syntax error.
 */
export function getAwaitableFunction(node: TSESTree.Node): FunctionNode | null {
  let child: TSESTree.Node = node;
  for (let current = node.parent; current; child = current, current = current.parent) {
    if (isFunctionNode(current)) return current.async ? current : null;
    if (current.type === AST_NODE_TYPES.StaticBlock) return null;
    if (
      (current.type === AST_NODE_TYPES.PropertyDefinition || current.type === AST_NODE_TYPES.AccessorProperty) &&
      current.value === child
    ) {
      return null;
    }
  }
  return null;
}
