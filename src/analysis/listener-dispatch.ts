import type * as ts from 'typescript';
import type { TSESLint, TSESTree } from '@typescript-eslint/utils';
import { AST_NODE_TYPES } from '../util/ast-node-types';
import { skipTransparent, staticMemberName } from '../util/ast';
import { type FunctionNode, isFunctionNode } from './async-context';
import { forEachChild, patternNames } from './dependencies';
import { loadTypeScript } from './imports';
import { someNodeInSameFunction } from './walk';

/** Array methods that call their callback once per element. */
const ITERATION_METHODS: ReadonlySet<string> = new Set(['forEach', 'filter', 'map', 'some', 'every', 'flatMap', 'reduce']);

/**
 * The methods of an event API besides the dispatch itself: registering, removing and counting
 * listeners (`on`, `once`, `off`, `addListener`, `removeListener`, `removeAllListeners`,
 * `listenerCount`, `listeners`).
 */
const EVENT_API_METHODS: ReadonlySet<string> = new Set([
  'on',
  'once',
  'off',
  'addListener',
  'removeListener',
  'removeAllListeners',
  'listenerCount',
  'listeners',
]);

/**
 * True when `fn` dispatches to listeners and keeps each listener's failure to itself: somewhere in
 * its body (the callbacks it hands to array iteration methods included) a loop or an iteration
 * callback calls a value the iteration hands it (the loop variable, a parameter of the callback,
 * also destructured: `listener(...)`, `listener.call(this, ...)`, `listener.apply(...)`) inside a
 * `try` whose `catch` does not rethrow. That is an event emitter's dispatch (`emit(event, ...args)`
 * calling every registered listener): it is written so that no listener can fail its caller, and
 * its own bookkeeping around the loop (finding the subscription) is not work a caller waits on, so
 * a dropped promise of it loses no failure anyone would handle. That bookkeeping may `await` only
 * in a method of a class with an event API (`on`, `off`, ...: see `EVENT_API_METHODS`); anywhere
 * else an own `await` outside every `try` with a `catch` (`const hooks = await loadHooks(dir);`
 * before the loop) is work that can reject the caller's promise, and the answer is false.
 */
export function isolatesListeners(fn: FunctionNode, visitorKeys: TSESLint.SourceCode.VisitorKeys): boolean {
  let found = false;
  /** Names bound by the loops and iteration callbacks around the node being visited. */
  const bound: string[] = [];
  const visit = (node: TSESTree.Node, inIteration: boolean): void => {
    if (found) return;
    if (node !== fn && isFunctionNode(node)) {
      // Only a callback handed to an iteration method runs here, once per element.
      if (!isIterationCallback(node)) return;
      const names = node.params.flatMap((param) => patternNames(param));
      bound.push(...names);
      visit(node.body, true);
      bound.splice(bound.length - names.length, names.length);
      return;
    }
    if (node.type === AST_NODE_TYPES.ForOfStatement || node.type === AST_NODE_TYPES.ForInStatement) {
      const left = node.left.type === AST_NODE_TYPES.VariableDeclaration ? node.left.declarations.flatMap((declarator) => patternNames(declarator.id)) : patternNames(node.left);
      bound.push(...left);
      visit(node.body, true);
      bound.splice(bound.length - left.length, left.length);
      return;
    }
    if (node.type === AST_NODE_TYPES.TryStatement && inIteration && node.handler && !containsThrow(node.handler.body, visitorKeys)) {
      if (callsBound(node.block, bound, visitorKeys)) {
        found = true;
        return;
      }
    }
    forEachChild(node, visitorKeys, (child) => visit(child, inIteration || node.type === AST_NODE_TYPES.ForStatement || node.type === AST_NODE_TYPES.WhileStatement));
  };
  visit(fn.body, false);
  return found && (isEmitterClassMethod(fn) || !awaitsOutsideCatchingTry(fn.body, visitorKeys));
}

/**
 * True when `fn` is a method named for an event API (`on`, `once`, `off`, `removeAllListeners`,
 * see `EVENT_API_METHODS`) of a class that also has a method dispatching to listeners that keeps
 * their failures to itself (`isolatesListeners`): an emitter whose async event API registers and
 * removes listeners in memory. Its callers treat it as an emitter's `on`/`off`, which cannot fail.
 */
export function isIsolatingEmitterMethod(fn: FunctionNode, visitorKeys: TSESLint.SourceCode.VisitorKeys): boolean {
  const method = fn.parent;
  if (method?.type !== AST_NODE_TYPES.MethodDefinition || method.value !== fn) return false;
  const name = method.key.type === AST_NODE_TYPES.Identifier && !method.computed ? method.key.name : null;
  if (name === null || !EVENT_API_METHODS.has(name)) return false;
  return method.parent.body.some(
    (member) =>
      member !== method &&
      member.type === AST_NODE_TYPES.MethodDefinition &&
      member.value.type === AST_NODE_TYPES.FunctionExpression &&
      isolatesListeners(member.value, visitorKeys),
  );
}

/** `fn` is a method of a class that also has an event-API method (`on`, `once`, `off`, ...). */
function isEmitterClassMethod(fn: FunctionNode): boolean {
  const method = fn.parent;
  if (method?.type !== AST_NODE_TYPES.MethodDefinition || method.value !== fn) return false;
  return method.parent.body.some(
    (member) =>
      member.type === AST_NODE_TYPES.MethodDefinition && !member.computed && member.key.type === AST_NODE_TYPES.Identifier && EVENT_API_METHODS.has(member.key.name),
  );
}

/** Does `body` (its own code) `await` (also `for await`) outside the block of every `try` with a `catch`? */
function awaitsOutsideCatchingTry(body: TSESTree.Node, visitorKeys: TSESLint.SourceCode.VisitorKeys): boolean {
  let found = false;
  const visit = (node: TSESTree.Node): void => {
    if (found || (node !== body && isFunctionNode(node))) return;
    if (node.type === AST_NODE_TYPES.AwaitExpression || (node.type === AST_NODE_TYPES.ForOfStatement && node.await)) {
      found = true;
      return;
    }
    if (node.type === AST_NODE_TYPES.TryStatement && node.handler) {
      // The guarded block's awaits are caught; its handler and finalizer are not.
      visit(node.handler);
      if (node.finalizer) visit(node.finalizer);
      return;
    }
    forEachChild(node, visitorKeys, visit);
  };
  visit(body);
  return found;
}

/** A function passed as an argument to an array iteration method (`listeners.forEach((l) => ...)`). */
function isIterationCallback(fn: FunctionNode): boolean {
  const call = fn.parent;
  if (call?.type !== AST_NODE_TYPES.CallExpression || !call.arguments.includes(fn as TSESTree.CallExpressionArgument)) return false;
  const callee = skipTransparent(call.callee);
  const name = callee.type === AST_NODE_TYPES.MemberExpression ? staticMemberName(callee) : null;
  return name !== null && ITERATION_METHODS.has(name);
}

/** Does `block` (its own code) call one of `names`, directly or through `.call`/`.apply`? */
function callsBound(block: TSESTree.Node, names: readonly string[], visitorKeys: TSESLint.SourceCode.VisitorKeys): boolean {
  if (names.length === 0) return false;
  return someNodeInSameFunction(block, visitorKeys, (node) => {
    if (node.type !== AST_NODE_TYPES.CallExpression) return false;
    let callee = skipTransparent(node.callee);
    if (callee.type === AST_NODE_TYPES.MemberExpression && (staticMemberName(callee) === 'call' || staticMemberName(callee) === 'apply')) {
      callee = skipTransparent(callee.object);
    }
    return callee.type === AST_NODE_TYPES.Identifier && names.includes(callee.name);
  });
}

function containsThrow(block: TSESTree.Node, visitorKeys: TSESLint.SourceCode.VisitorKeys): boolean {
  return someNodeInSameFunction(block, visitorKeys, (node) => node.type === AST_NODE_TYPES.ThrowStatement);
}


/**
 * Typed path of `isolatesListeners` and `isIsolatingEmitterMethod`, across modules: `declaration`
 * (the one declaration the checker resolved a call to) is an `async` function or method with a
 * body in a source file of the program (not a declaration file) that dispatches to listeners and
 * keeps their failures to itself, or an event-API method (`on`, `once`, `off`, ...) of a class that
 * has such a dispatch. Walks TypeScript's own syntax tree of that file (loaded only in typed mode).
 */
export function declarationIsolatesListeners(declaration: ts.Declaration): boolean {
  const tsModule = loadTypeScript();
  if (!tsModule.isFunctionLike(declaration) || declaration.getSourceFile().isDeclarationFile) return false;
  if (!isAsyncDeclaration(tsModule, declaration)) return false;
  if (tsIsolatesListeners(tsModule, declaration) && (tsIsEmitterClassMethod(tsModule, declaration) || !tsAwaitsOutsideCatchingTry(tsModule, declaration))) return true;
  if (!tsModule.isMethodDeclaration(declaration) || !tsModule.isIdentifier(declaration.name) || !EVENT_API_METHODS.has(declaration.name.text)) return false;
  const owner = declaration.parent;
  return (
    tsModule.isClassLike(owner) &&
    owner.members.some((member) => member !== declaration && tsModule.isMethodDeclaration(member) && tsIsolatesListeners(tsModule, member))
  );
}

/** `isEmitterClassMethod` on TypeScript's syntax tree. */
function tsIsEmitterClassMethod(tsModule: typeof ts, declaration: ts.SignatureDeclaration): boolean {
  const owner = declaration.parent;
  return (
    tsModule.isMethodDeclaration(declaration) &&
    tsModule.isClassLike(owner) &&
    owner.members.some((member) => tsModule.isMethodDeclaration(member) && tsModule.isIdentifier(member.name) && EVENT_API_METHODS.has(member.name.text))
  );
}

/** `awaitsOutsideCatchingTry` on TypeScript's syntax tree (the declaration's own body). */
function tsAwaitsOutsideCatchingTry(tsModule: typeof ts, declaration: ts.SignatureDeclaration): boolean {
  const body = 'body' in declaration ? (declaration.body as ts.Node | undefined) : undefined;
  if (!body) return false;
  const visit = (node: ts.Node): boolean => {
    if (node !== body && tsModule.isFunctionLike(node)) return false;
    if (tsModule.isAwaitExpression(node) || (tsModule.isForOfStatement(node) && node.awaitModifier !== undefined)) return true;
    if (tsModule.isTryStatement(node) && node.catchClause) return visit(node.catchClause) || (node.finallyBlock !== undefined && visit(node.finallyBlock));
    return tsModule.forEachChild(node, (child) => (visit(child) ? true : undefined)) ?? false;
  };
  return visit(body);
}

function isAsyncDeclaration(tsModule: typeof ts, declaration: ts.SignatureDeclaration): boolean {
  const modifiers = tsModule.canHaveModifiers(declaration) ? tsModule.getModifiers(declaration) : undefined;
  return modifiers?.some((modifier) => modifier.kind === tsModule.SyntaxKind.AsyncKeyword) ?? false;
}

function tsIsolatesListeners(tsModule: typeof ts, fn: ts.SignatureDeclaration): boolean {
  const body = 'body' in fn ? (fn.body as ts.Node | undefined) : undefined;
  if (!body) return false;
  const bound: string[] = [];
  const visit = (node: ts.Node, inIteration: boolean): boolean => {
    if (tsModule.isFunctionLike(node)) {
      const parent = node.parent;
      const iterates =
        tsModule.isCallExpression(parent) &&
        parent.arguments.some((argument) => argument === node) &&
        tsModule.isPropertyAccessExpression(parent.expression) &&
        ITERATION_METHODS.has(parent.expression.name.text);
      const inner = 'body' in node ? (node.body as ts.Node | undefined) : undefined;
      if (!iterates || !inner) return false;
      const names = node.parameters.flatMap((parameter) => tsBoundNames(tsModule, parameter.name));
      bound.push(...names);
      const found = visit(inner, true);
      bound.splice(bound.length - names.length, names.length);
      return found;
    }
    if (tsModule.isForOfStatement(node) || tsModule.isForInStatement(node)) {
      const initializer = node.initializer;
      const names = tsModule.isVariableDeclarationList(initializer)
        ? initializer.declarations.flatMap((declaration) => tsBoundNames(tsModule, declaration.name))
        : [];
      bound.push(...names);
      const found = visit(node.statement, true);
      bound.splice(bound.length - names.length, names.length);
      return found;
    }
    if (tsModule.isTryStatement(node) && inIteration && node.catchClause && !tsContainsOwn(tsModule, node.catchClause.block, (inner) => tsModule.isThrowStatement(inner))) {
      const names = [...bound];
      const callsListener = tsContainsOwn(tsModule, node.tryBlock, (inner) => {
        if (!tsModule.isCallExpression(inner)) return false;
        let callee: ts.Expression = inner.expression;
        if (tsModule.isPropertyAccessExpression(callee) && (callee.name.text === 'call' || callee.name.text === 'apply')) callee = callee.expression;
        return tsModule.isIdentifier(callee) && names.includes(callee.text);
      });
      if (callsListener) return true;
    }
    const loops = inIteration || tsModule.isForStatement(node) || tsModule.isWhileStatement(node) || tsModule.isDoStatement(node);
    return tsModule.forEachChild(node, (child) => (visit(child, loops) ? true : undefined)) ?? false;
  };
  return visit(body, false);
}

function tsBoundNames(tsModule: typeof ts, name: ts.BindingName): string[] {
  if (tsModule.isIdentifier(name)) return [name.text];
  return name.elements.flatMap((element) => (tsModule.isBindingElement(element) ? tsBoundNames(tsModule, element.name) : []));
}

/** `test` holds for `root` or a node below it outside nested functions. */
function tsContainsOwn(tsModule: typeof ts, root: ts.Node, test: (node: ts.Node) => boolean): boolean {
  const visit = (node: ts.Node): boolean => {
    if (test(node)) return true;
    if (node !== root && tsModule.isFunctionLike(node)) return false;
    return tsModule.forEachChild(node, (child) => (visit(child) ? true : undefined)) ?? false;
  };
  return visit(root);
}
