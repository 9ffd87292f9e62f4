import { type TSESLint, type TSESTree } from '@typescript-eslint/utils';
import { AST_NODE_TYPES } from '../util/ast-node-types';
import type * as ts from 'typescript';
import { type FunctionNode, isFunctionNode } from './async-context';
import type { TimelineOwner } from './function-timeline';
import { chainMethodName, getValueUsage, hasRejectionHandler } from './promises';
import { promiseCombinatorOf, skipTransparent, staticMemberName, variableOfIdentifier, writtenName } from '../util/ast';
import { SELF_STARTING_CONSTRUCTORS } from '../catalog/effects';

/** Calls that run their callback at once, once per element, and return the results as an array. */
const ARRAY_MAPPERS: ReadonlySet<string> = new Set(['map']);

/** `ts.TypeFlags.Any | Unknown | TypeParameter`: types that say nothing about promise-ness. */
const TYPE_FLAGS_UNKNOWN = 1 | 2 | 262144;

/**
 * The first thing the function does with a promise binding after starting it:
 * - `awaited`: `await p` (also through `p.then(f)` / `p.finally(f)` chains);
 * - `handled`: `p.catch(h)`, `p.then(ok, fail)`;
 * - `combined`: an element of `Promise.all/allSettled/race/any([...])`, or the array itself;
 * - `returned`: `return p` (the caller handles it);
 * - `iterated`: `for (const x of p)` / `for await (const x of p)` over an array of promises, with
 *   `awaited` the `await x` inside the loop (`null` for `for await`, which awaits itself);
 * - `dropped`: the value of an expression statement or `void`: nobody handles it there
 *   (`no-floating-promises` reports what is lost);
 * - `escaped`: anything else (passed to an unknown function, stored, assigned, read in a nested
 *   function...): where it goes, someone else may handle it, at a time this function does not show.
 * `reference` is the identifier of the use.
 */
export type FirstUse =
  | { kind: 'awaited' | 'handled' | 'combined' | 'returned' | 'dropped' | 'escaped'; reference: TSESTree.Identifier }
  | {
      kind: 'iterated';
      reference: TSESTree.Identifier;
      loop: TSESTree.ForOfStatement;
      awaited: TSESTree.AwaitExpression | null;
    };

/** The function (or module) whose own code runs `node`: the nearest enclosing function, else the program. */
export function ownerOf(node: TSESTree.Node): TimelineOwner {
  for (let current = node.parent; current; current = current.parent) {
    if (isFunctionNode(current)) return current;
    if (current.type === AST_NODE_TYPES.Program) return current;
  }
  throw new Error('ownerOf: node is not attached to a Program');
}

/** True when the call is `Promise.all/allSettled/race/any(...)` on the global `Promise`. */
export function isPromiseCombinatorCall(
  call: TSESTree.CallExpression | TSESTree.NewExpression,
  sourceCode: Readonly<TSESLint.SourceCode>,
): boolean {
  if (call.type !== AST_NODE_TYPES.CallExpression || promiseCombinatorOf(call.callee) === null) return false;
  const object = skipTransparent((skipTransparent(call.callee) as TSESTree.MemberExpression).object) as TSESTree.Identifier;
  const variable = variableOfIdentifier(sourceCode, object);
  return variable === null || variable.defs.length === 0;
}

/**
 * What the function first does with the binding whose reference is `identifier` (see `FirstUse`).
 * A use inside a nested function is `escaped`: it runs at some other time.
 */
export function classifyUse(
  identifier: TSESTree.Identifier,
  owner: TimelineOwner,
  sourceCode: Readonly<TSESLint.SourceCode>,
): FirstUse {
  if (ownerOf(identifier) !== owner) return { kind: 'escaped', reference: identifier };
  const parent = identifier.parent;
  if (parent.type === AST_NODE_TYPES.ForOfStatement && parent.right === identifier) {
    return { kind: 'iterated', reference: identifier, loop: parent, awaited: parent.await ? null : awaitOfLoopValue(parent, sourceCode) };
  }
  const usage = getValueUsage(identifier);
  switch (usage.kind) {
    case 'awaited':
      return { kind: 'awaited', reference: identifier };
    case 'handled':
      return { kind: 'handled', reference: identifier };
    case 'returned':
      return { kind: 'returned', reference: identifier };
    case 'passed':
      return { kind: isPromiseCombinatorCall(usage.call, sourceCode) ? 'combined' : 'escaped', reference: identifier };
    case 'dropped':
    case 'voided':
      return { kind: 'dropped', reference: identifier };
    default:
      return { kind: 'escaped', reference: identifier };
  }
}

/** In `for (const x of list) { ... await x ... }`, the first `await x` of the loop's own code, or null. */
function awaitOfLoopValue(loop: TSESTree.ForOfStatement, sourceCode: Readonly<TSESLint.SourceCode>): TSESTree.AwaitExpression | null {
  const left = loop.left;
  if (left.type !== AST_NODE_TYPES.VariableDeclaration) return null;
  const declarator = left.declarations[0];
  if (left.declarations.length !== 1 || declarator?.id.type !== AST_NODE_TYPES.Identifier) return null;
  const variable = sourceCode.getDeclaredVariables(declarator).find((v) => v.name === (declarator.id as TSESTree.Identifier).name);
  const owner = ownerOf(loop);
  for (const reference of variable?.references ?? []) {
    if (reference.identifier === declarator.id) continue;
    const identifier = reference.identifier as TSESTree.Identifier;
    if (ownerOf(identifier) !== owner) continue;
    const usage = getValueUsage(identifier);
    if (usage.kind === 'awaited') return usage.node;
  }
  return null;
}

/**
 * True when a started promise cannot reject while this function waits, as far as its code shows:
 * - `Promise.resolve()` of nothing or of a literal (a thenable argument could still reject);
 * - `new Promise(executor)` whose executor has no `reject` parameter, never reads it, or only
 *   stores it for other code to call (a "deferred": when, and whether, it rejects is decided by
 *   other code, which this rule cannot follow): assigned (`rejectLater = reject`), or kept in a
 *   record of pending requests (`pending.set(id, { resolve, reject })`, `queue.push({ reject })`,
 *   `this.waiters[id] = { resolve, reject }`: see `storesSettler`). An executor that throws
 *   synchronously rejects the promise at once, before any window: not this rule's concern.
 * `isGlobal` tells whether an identifier is the built-in global of that name.
 */
export function cannotReject(
  expression: TSESTree.Node,
  isGlobal: (identifier: TSESTree.Identifier) => boolean,
  sourceCode: Readonly<TSESLint.SourceCode>,
): boolean {
  const node = skipTransparent(expression);
  if (node.type === AST_NODE_TYPES.CallExpression) {
    const callee = skipTransparent(node.callee);
    if (
      callee.type !== AST_NODE_TYPES.MemberExpression ||
      staticMemberName(callee) !== 'resolve' ||
      callee.object.type !== AST_NODE_TYPES.Identifier ||
      callee.object.name !== 'Promise' ||
      !isGlobal(callee.object)
    ) {
      return false;
    }
    const argument = node.arguments[0];
    return argument === undefined || argument.type === AST_NODE_TYPES.Literal || argument.type === AST_NODE_TYPES.TemplateLiteral;
  }
  if (node.type !== AST_NODE_TYPES.NewExpression) return false;
  if (node.callee.type !== AST_NODE_TYPES.Identifier || node.callee.name !== 'Promise' || !isGlobal(node.callee)) return false;
  const executor = node.arguments[0];
  if (!executor || !isFunctionNode(executor)) return false;
  const rejectParam = executor.params[1];
  if (!rejectParam) return executor.params.length <= 1;
  if (rejectParam.type !== AST_NODE_TYPES.Identifier) return false;
  const variable = sourceCode.getDeclaredVariables(executor).find((v) => v.name === rejectParam.name);
  if (!variable) return false;
  return variable.references.every((reference) => storesSettler(reference.identifier));
}

/** Methods that keep what they are handed in a collection: `pending.set(id, entry)`, `queue.push(entry)`. */
const STORING_METHODS: ReadonlySet<string> = new Set(['set', 'push', 'unshift', 'add']);

/**
 * True when a reference to an executor's `reject` only stores it for other code to call:
 * `rejectLater = reject`; `pending.set(id, reject)`; or a property of an object literal that is
 * assigned (`this.waiters[id] = { resolve, reject }`) or handed to a storing method
 * (`callbacks.set(payload.id, { payload, resolve, reject })`, `queue.push({ reject })`).
 */
function storesSettler(identifier: TSESTree.Node): boolean {
  const parent = identifier.parent;
  if (!parent) return false;
  if (parent.type === AST_NODE_TYPES.AssignmentExpression) return parent.right === identifier && parent.operator === '=';
  let stored: TSESTree.Node = identifier;
  if (parent.type === AST_NODE_TYPES.Property && parent.value === identifier && parent.parent.type === AST_NODE_TYPES.ObjectExpression) {
    stored = parent.parent;
    const holder = stored.parent;
    if (holder?.type === AST_NODE_TYPES.AssignmentExpression && holder.right === stored && holder.operator === '=') return true;
  }
  const call = stored.parent;
  if (call?.type !== AST_NODE_TYPES.CallExpression || !call.arguments.includes(stored as TSESTree.CallExpressionArgument)) return false;
  const callee = skipTransparent(call.callee);
  return callee.type === AST_NODE_TYPES.MemberExpression && STORING_METHODS.has(staticMemberName(callee) ?? '');
}

/** Methods that register a listener: `stream.once('error', reject)`, `socket.addEventListener('close', h)`. */
const LISTENER_METHODS: ReadonlySet<string> = new Set(['on', 'once', 'addListener', 'prependListener', 'prependOnceListener', 'addEventListener']);

/**
 * For `new Promise(executor)` (the global `Promise`, a synchronous executor) whose every statement
 * registers a listener on an object that this function itself made with `new` as a `const`
 * (`const archive = new ZipArchive(opts); ... archive.once('error', reject)`), not one that starts
 * working as it is made (`SELF_STARTING_CONSTRUCTORS`: a worker, a socket): the position from
 * which those objects can settle it, the start of the first use of one of them in this function's
 * own code after the promise (`archive.pipe(out)`: the work starts there); `Infinity` when nothing
 * uses them again. Uses inside nested functions (the listeners themselves, a stream's `write`
 * option) run later and do not count. Null when the promise is not of that shape, or an object is
 * used before the promise is made (it may already be working). Until that position the objects
 * are idle: nothing can reject the promise while the function waits before it.
 */
export function idleSettlersFrom(expression: TSESTree.Node, owner: TimelineOwner, sourceCode: Readonly<TSESLint.SourceCode>, isGlobal: (identifier: TSESTree.Identifier) => boolean): number | null {
  const node = skipTransparent(expression);
  if (node.type !== AST_NODE_TYPES.NewExpression || node.callee.type !== AST_NODE_TYPES.Identifier || node.callee.name !== 'Promise' || !isGlobal(node.callee)) return null;
  const executor = node.arguments[0];
  if (!executor || !isFunctionNode(executor) || executor.async || executor.body.type !== AST_NODE_TYPES.BlockStatement || executor.body.body.length === 0) return null;
  const emitters = new Set<TSESLint.Scope.Variable>();
  for (const statement of executor.body.body) {
    const call = statement.type === AST_NODE_TYPES.ExpressionStatement ? skipTransparent(statement.expression) : null;
    if (call?.type !== AST_NODE_TYPES.CallExpression) return null;
    const callee = skipTransparent(call.callee);
    if (callee.type !== AST_NODE_TYPES.MemberExpression || !LISTENER_METHODS.has(staticMemberName(callee) ?? '')) return null;
    const receiver = skipTransparent(callee.object);
    const variable = receiver.type === AST_NODE_TYPES.Identifier ? variableOfIdentifier(sourceCode, receiver) : null;
    const definition = variable?.defs.length === 1 ? variable.defs[0] : undefined;
    if (!variable || definition?.type !== 'Variable' || definition.parent.kind !== 'const' || !definition.node.init) return null;
    const init = skipTransparent(definition.node.init);
    if (init.type !== AST_NODE_TYPES.NewExpression || SELF_STARTING_CONSTRUCTORS.has(writtenName(init.callee) ?? '')) return null;
    if (ownerOf(definition.node) !== owner) return null;
    emitters.add(variable);
  }
  let from = Infinity;
  for (const variable of emitters) {
    for (const reference of variable.references) {
      const identifier = reference.identifier;
      if (reference.init || ownerOf(identifier) !== owner) continue;
      if (identifier.range[0] > executor.range[0] && identifier.range[1] < executor.range[1]) continue;
      // Used before the promise is made: it may be working already.
      if (identifier.range[0] < node.range[0]) return null;
      from = Math.min(from, identifier.range[0]);
    }
  }
  return from;
}

/**
 * True when the start expression already has a rejection handler somewhere in its chain
 * (`f().catch(h)`, `f().then(ok, fail)`, `f().catch(h).then(g)`).
 */
export function hasHandlerInChain(expression: TSESTree.Node): boolean {
  let current = skipTransparent(expression);
  while (current.type === AST_NODE_TYPES.CallExpression && chainMethodName(current) !== null) {
    if (hasRejectionHandler(current)) return true;
    current = skipTransparent((skipTransparent(current.callee) as TSESTree.MemberExpression).object);
  }
  return false;
}

/**
 * When `init` builds an array of started promises, the expression that produces each element:
 * `list.map(callback)` / `Array.from(list, callback)` (the callback), `[f(), g()]` (null: the
 * elements are the calls themselves). Undefined for anything else.
 */
export function arrayOfStarts(init: TSESTree.Node): { callback: FunctionNode | TSESTree.Identifier | null } | undefined {
  const node = skipTransparent(init);
  if (node.type === AST_NODE_TYPES.ArrayExpression) {
    if (node.elements.length < 2) return undefined;
    const allCalls = node.elements.every((element) => {
      const value = element ? skipTransparent(element) : null;
      return value !== null && (value.type === AST_NODE_TYPES.CallExpression || value.type === AST_NODE_TYPES.NewExpression);
    });
    return allCalls ? { callback: null } : undefined;
  }
  if (node.type !== AST_NODE_TYPES.CallExpression) return undefined;
  const callee = skipTransparent(node.callee);
  if (callee.type !== AST_NODE_TYPES.MemberExpression) return undefined;
  const name = staticMemberName(callee);
  let callback: TSESTree.Node | undefined;
  if (name !== null && ARRAY_MAPPERS.has(name)) callback = node.arguments[0];
  else if (
    name === 'from' &&
    callee.object.type === AST_NODE_TYPES.Identifier &&
    callee.object.name === 'Array' &&
    node.arguments.length >= 2
  ) {
    callback = node.arguments[1];
  }
  if (!callback) return undefined;
  const value = skipTransparent(callback);
  if (isFunctionNode(value) || value.type === AST_NODE_TYPES.Identifier) return { callback: value };
  return undefined;
}

/**
 * Typed answer to "is this an eagerly started promise": `promise` when some part of its type is
 * the built-in `Promise` (or an array of it, for `elementOf`), `other` when the type is known
 * and is not (a lazy thenable such as a query builder runs only when `then` is called, so it
 * cannot reject before it is awaited), `unknown` for `any`, `unknown`, type parameters, or
 * without types.
 */
export function typedPromiseKind(
  node: TSESTree.Node,
  services: { checker: ts.TypeChecker; esTreeNodeToTSNodeMap: { get(node: TSESTree.Node): ts.Node } } | null,
  elementOf = false,
): 'promise' | 'other' | 'unknown' {
  if (!services) return 'unknown';
  const tsNode = services.esTreeNodeToTSNodeMap.get(node);
  let type = services.checker.getTypeAtLocation(tsNode);
  if (elementOf) {
    const element = services.checker.getIndexTypeOfType(type, 1 /* ts.IndexKind.Number */);
    if (!element) return type.flags & TYPE_FLAGS_UNKNOWN ? 'unknown' : 'other';
    type = element;
  }
  const parts = type.isUnion() ? type.types : [type];
  let unknown = false;
  for (const part of parts) {
    if (part.flags & TYPE_FLAGS_UNKNOWN) {
      unknown = true;
      continue;
    }
    const symbol = part.getSymbol();
    if (symbol?.getName() === 'Promise') return 'promise';
  }
  return unknown ? 'unknown' : 'other';
}
