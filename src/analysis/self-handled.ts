/**
 * Promises a function watches itself: the variable that holds one gets a rejection handler in the
 * very next statement after it is filled (`const done = drain(); done.then(finish, fail); return
 * done;`), so whoever drops what the function returns loses no error. Read from the code only: a
 * handler on one branch, a `.then(f)` without a rejection handler, or a variable filled twice
 * does not count.
 */
import { AST_NODE_TYPES, type TSESLint, type TSESTree } from '@typescript-eslint/utils';
import { isNothing, skipTransparent, staticMemberName, variableOfIdentifier } from '../util/ast';
import { isFunctionNode } from './async-context';
import { chainMethodName, hasRejectionHandler } from './promises';

/**
 * True when `value` reads a variable that holds only one promise, given a rejection handler right
 * where it is filled: its one write (a declaration's initialiser or a plain `=`; a declaration
 * that starts it empty, `let closing = null`, is no write) is a statement of a block whose next
 * statement attaches the handler (`handlesRejectionOf`). Any code that reads the variable, on
 * any path and in any function, reads a promise already watched.
 */
export function handledWhereFilled(value: TSESTree.Node, sourceCode: Readonly<TSESLint.SourceCode>): boolean {
  const node = skipTransparent(value);
  if (node.type !== AST_NODE_TYPES.Identifier) return false;
  const variable = variableOfIdentifier(sourceCode, node);
  const definition = variable?.defs.length === 1 ? variable.defs[0] : undefined;
  if (!variable || definition?.type !== 'Variable') return false;
  const fills = variable.references.filter((reference) => reference.isWrite() && !(reference.identifier === definition.name && isEmptyStart(definition.node.init)));
  const [fill] = fills;
  if (fills.length !== 1 || !fill) return false;
  const statement = fill.identifier.type === AST_NODE_TYPES.Identifier ? fillingStatement(fill.identifier) : null;
  if (!statement) return false;
  const block = statement.parent;
  const body = block && 'body' in block && Array.isArray(block.body) ? (block.body as TSESTree.Node[]) : null;
  const next = body ? body[body.indexOf(statement) + 1] : undefined;
  return next?.type === AST_NODE_TYPES.ExpressionStatement && handlesRejectionOf(next.expression, variable, sourceCode);
}

/** `let closing = null`, `let closing;`, `let closing = undefined`: declared empty, filled later. */
function isEmptyStart(init: TSESTree.Expression | null | undefined): boolean {
  return !init || isNothing(init);
}

/** The statement that fills the variable at `target`: `const p = run();` or `p = run();`; null for any other write. */
function fillingStatement(target: TSESTree.Identifier): TSESTree.Node | null {
  const parent = target.parent;
  if (parent?.type === AST_NODE_TYPES.VariableDeclarator && parent.id === target) return parent.parent;
  if (parent?.type !== AST_NODE_TYPES.AssignmentExpression || parent.operator !== '=' || parent.left !== target) return null;
  return parent.parent?.type === AST_NODE_TYPES.ExpressionStatement ? parent.parent : null;
}

/**
 * `p.then(done, fail)`, `p.catch(log)`, `p.finally(f).catch(log)`, `Promise.resolve(p).then(ok,
 * fail)` (also after `void`): a chain rooted at `variable` with a link that handles rejections.
 */
export function handlesRejectionOf(expression: TSESTree.Node, variable: TSESLint.Scope.Variable, sourceCode: Readonly<TSESLint.SourceCode>): boolean {
  let node = skipTransparent(expression);
  if (node.type === AST_NODE_TYPES.UnaryExpression && node.operator === 'void') node = skipTransparent(node.argument);
  let handled = false;
  while (node.type === AST_NODE_TYPES.CallExpression && chainMethodName(node) !== null) {
    if (hasRejectionHandler(node)) handled = true;
    node = skipTransparent((skipTransparent(node.callee) as TSESTree.MemberExpression).object);
  }
  const root = wrappedByResolve(node, sourceCode) ?? node;
  return handled && root.type === AST_NODE_TYPES.Identifier && variableOfIdentifier(sourceCode, root) === variable;
}

/** The argument of `Promise.resolve(x)` with the global `Promise`, else null. */
export function wrappedByResolve(node: TSESTree.Node, sourceCode: Readonly<TSESLint.SourceCode>): TSESTree.Node | null {
  return globalPromiseArgument(node, 'resolve', sourceCode);
}

/** True for `Promise.reject(x)` with the global `Promise`. */
export function wrappedByRejectOf(node: TSESTree.Node, sourceCode: Readonly<TSESLint.SourceCode>): boolean {
  return globalPromiseArgument(node, 'reject', sourceCode) !== null;
}

/** The one argument of `Promise.<method>(x)` with the global `Promise`, else null. */
function globalPromiseArgument(node: TSESTree.Node, method: string, sourceCode: Readonly<TSESLint.SourceCode>): TSESTree.Node | null {
  if (node.type !== AST_NODE_TYPES.CallExpression || node.arguments.length !== 1) return null;
  const callee = skipTransparent(node.callee);
  if (callee.type !== AST_NODE_TYPES.MemberExpression || staticMemberName(callee) !== method) return null;
  const object = skipTransparent(callee.object);
  if (object.type !== AST_NODE_TYPES.Identifier || object.name !== 'Promise') return null;
  const promise = variableOfIdentifier(sourceCode, object);
  const [argument] = node.arguments;
  return (!promise || promise.defs.length === 0) && argument && argument.type !== AST_NODE_TYPES.SpreadElement ? skipTransparent(argument) : null;
}

/**
 * `throw new Error('already stopped')` as a function's whole body: a callback written only to turn
 * the chain it is given to into a refusal (`.then(() => { throw new Error('...'); })`).
 */
export function onlyRefuses(callback: TSESTree.Node): boolean {
  if (!isFunctionNode(callback) || callback.body.type !== AST_NODE_TYPES.BlockStatement) return false;
  const [only] = callback.body.body;
  return callback.body.body.length === 1 && only?.type === AST_NODE_TYPES.ThrowStatement && skipTransparent(only.argument).type === AST_NODE_TYPES.NewExpression;
}
