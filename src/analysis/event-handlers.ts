import { AST_NODE_TYPES, type TSESLint, type TSESTree } from '@typescript-eslint/utils';
import { EVENT_LISTENER_METHODS } from '../catalog/promise-callbacks';
import { skipTransparent, staticMemberName, variableOfIdentifier } from '../util/ast';
import { type FunctionNode, isFunctionNode } from './async-context';

/** A JSX attribute that hands the page an event handler: `onClick`, `onSelect`, `onKeyDown`. */
const HANDLER_ATTRIBUTE = /^on[A-Z]/;

/**
 * Where an event source keeps a synchronous handler whose result nobody reads: the call that
 * registers it as a listener (`zone.addEventListener('drop', fn)`, `contents.on('did-finish-load',
 * fn)`, see `EVENT_LISTENER_METHODS`), or the JSX attribute that hands it to an element
 * (`onClick={fn}`, `kind: 'jsx'`). Null when `fn` is not known to be such a handler.
 */
export type HandlerSite = { kind: 'listener'; call: TSESTree.CallExpression } | { kind: 'jsx'; attribute: TSESTree.JSXAttribute };

/**
 * The place where the synchronous function `fn` is handed to an event source that calls it and
 * ignores what it returns (see `HandlerSite`), read from syntax:
 * - `fn` written there: a listener argument, or the value of an `on*` JSX attribute;
 * - `fn` kept in a `const` (also through React's `useCallback(fn, deps)`, matched by name) or
 *   declared as a function, not exported, whose every other reference is such a place (`const
 *   handleMarkAsRead = () => {...}` used only as `onClick={handleMarkAsRead}`): the first of them. A name read anywhere else (called, passed
 *   to a helper, exported) may have a caller that reads its result.
 * Async functions and generators are never such handlers here: an async one could wait itself.
 */
export function handlerSiteOf(fn: FunctionNode, sourceCode: Readonly<TSESLint.SourceCode>): HandlerSite | null {
  if (fn.async || fn.generator) return null;
  const direct = siteOfValue(fn);
  if (direct) return direct;
  const name = heldName(fn);
  if (!name) return null;
  const variable = variableOfIdentifier(sourceCode, name);
  if (!variable || variable.defs.length !== 1) return null;
  let first: HandlerSite | null = null;
  for (const reference of variable.references) {
    if (reference.identifier === name) continue;
    if (reference.isWrite()) return null;
    const site = siteOfValue(reference.identifier);
    if (!site) return null;
    first ??= site;
  }
  return first;
}

/**
 * The name a handler is kept under: `const name = fn`, `const name = useCallback(fn, deps)` (the
 * hook matched by name), `function name() {}`. Null when the declaration is exported
 * (`export function run() {}`): other modules may call it and read its result.
 */
function heldName(fn: FunctionNode): TSESTree.Identifier | null {
  if (fn.type === AST_NODE_TYPES.FunctionDeclaration) return isExported(fn) ? null : (fn.id ?? null);
  let value: TSESTree.Node = fn;
  while (value.parent && (value.parent.type === AST_NODE_TYPES.TSAsExpression || value.parent.type === AST_NODE_TYPES.TSSatisfiesExpression)) value = value.parent;
  const parent = value.parent;
  if (parent?.type === AST_NODE_TYPES.CallExpression && parent.arguments[0] === value) {
    const callee = skipTransparent(parent.callee);
    const hook = callee.type === AST_NODE_TYPES.Identifier ? callee.name : callee.type === AST_NODE_TYPES.MemberExpression ? staticMemberName(callee) : null;
    if (hook !== 'useCallback') return null;
    value = parent;
  }
  const declarator = value.parent;
  if (declarator?.type !== AST_NODE_TYPES.VariableDeclarator || declarator.init !== value || declarator.id.type !== AST_NODE_TYPES.Identifier) return null;
  return declarator.parent.kind === 'const' && !isExported(declarator.parent) ? declarator.id : null;
}

/** `export function ...`, `export default function ...`, `export const ...`. */
function isExported(declaration: TSESTree.Node): boolean {
  const parent = declaration.parent;
  return parent?.type === AST_NODE_TYPES.ExportNamedDeclaration || parent?.type === AST_NODE_TYPES.ExportDefaultDeclaration;
}

/** `value` (a function, or a name of one) is a listener argument or an `on*` JSX attribute's value. */
function siteOfValue(value: TSESTree.Node): HandlerSite | null {
  let node: TSESTree.Node = value;
  while (node.parent && (node.parent.type === AST_NODE_TYPES.TSAsExpression || node.parent.type === AST_NODE_TYPES.TSNonNullExpression)) node = node.parent;
  const parent = node.parent;
  if (!parent) return null;
  if (parent.type === AST_NODE_TYPES.JSXExpressionContainer) {
    const attribute = parent.parent;
    if (attribute.type !== AST_NODE_TYPES.JSXAttribute || attribute.name.type !== AST_NODE_TYPES.JSXIdentifier) return null;
    return HANDLER_ATTRIBUTE.test(attribute.name.name) ? { kind: 'jsx', attribute } : null;
  }
  if (parent.type !== AST_NODE_TYPES.CallExpression || parent.callee === node || !parent.arguments.includes(node as TSESTree.CallExpressionArgument)) return null;
  const callee = skipTransparent(parent.callee);
  if (callee.type !== AST_NODE_TYPES.MemberExpression) return null;
  const method = staticMemberName(callee);
  // The listener follows the event name: `on('event', listener)`.
  if (method === null || !EVENT_LISTENER_METHODS.has(method) || parent.arguments[0] === node) return null;
  return isFunctionNode(value) || value.type === AST_NODE_TYPES.Identifier ? { kind: 'listener', call: parent } : null;
}

/**
 * Does the handler `fn` do nothing after `statement` (a batch loop it fires) but what only ends the
 * handler's own work: another batch loop (`files.forEach(...)`, the next batch of the same load
 * listener), or a call with no arguments of a parameter of the handler or of a function around it
 * (`closeMenu()`, `props.onClose()`: the component was handed it to close itself). Anything else
 * (`toast.success('Saved')`, `setDone(true)`, `win.webContents.send('ready')`) may tell someone the
 * batch is done before it is. False when the statement sits in a loop of the handler, which runs
 * again after it. The walk stops at the handler (also when the loop is its expression body, whose
 * parent is the handler itself): what follows the handler is not the handler's.
 */
export function onlyEndsHandlerAfter(statement: TSESTree.Node, fn: FunctionNode, sourceCode: Readonly<TSESLint.SourceCode>): boolean {
  const after: TSESTree.Node[] = [];
  for (let child = statement, parent = statement.parent; parent && child !== fn.body && child !== fn; child = parent, parent = parent.parent) {
    if (parent.type === AST_NODE_TYPES.BlockStatement) after.push(...parent.body.slice(parent.body.indexOf(child as TSESTree.Statement) + 1));
    else if (parent.type === AST_NODE_TYPES.SwitchCase) after.push(...parent.consequent.slice(parent.consequent.indexOf(child as TSESTree.Statement) + 1));
    else if (parent.type === AST_NODE_TYPES.TryStatement && parent.block === child && parent.finalizer) after.push(...parent.finalizer.body);
    else if (LOOPS.has(parent.type)) return false;
  }
  return after.every((next) => endsHandler(next, sourceCode));
}

const LOOPS: ReadonlySet<AST_NODE_TYPES> = new Set([
  AST_NODE_TYPES.ForStatement,
  AST_NODE_TYPES.ForInStatement,
  AST_NODE_TYPES.ForOfStatement,
  AST_NODE_TYPES.WhileStatement,
  AST_NODE_TYPES.DoWhileStatement,
]);

/** `files.forEach(...)` or `closeMenu()` / `props.onClose()` of a parameter, as a statement (see `onlyEndsHandlerAfter`). */
function endsHandler(statement: TSESTree.Node, sourceCode: Readonly<TSESLint.SourceCode>): boolean {
  if (statement.type !== AST_NODE_TYPES.ExpressionStatement) return false;
  const call = skipTransparent(statement.expression);
  if (call.type !== AST_NODE_TYPES.CallExpression) return false;
  const callee = skipTransparent(call.callee);
  if (callee.type === AST_NODE_TYPES.MemberExpression && staticMemberName(callee) === 'forEach') return true;
  if (call.arguments.length !== 0) return false;
  const owner = callee.type === AST_NODE_TYPES.MemberExpression && !callee.computed ? skipTransparent(callee.object) : callee;
  if (owner.type !== AST_NODE_TYPES.Identifier) return false;
  return variableOfIdentifier(sourceCode, owner)?.defs.some((definition) => definition.type === 'Parameter') ?? false;
}
