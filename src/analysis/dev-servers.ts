import { type TSESLint, type TSESTree } from '@typescript-eslint/utils';
import { AST_NODE_TYPES } from '../util/ast-node-types';
import { skipTransparent, staticMemberName, variableOfIdentifier } from '../util/ast';
import { DEV_SERVER_FACTORIES, DEV_SERVER_HOOKS, DEV_SERVER_OPTIONS_HOOKS } from '../catalog/run-contexts';
import { isFunctionNode, nearestFunction } from './async-context';
import { importedCallee } from './imports';
import { someNodeInSameFunction } from './walk';

/**
 * True when `call` registers a handler (`x.use(fn)`, `x.get('/', fn)`, `x.on('change', fn)`) on the
 * development server of a bundler, which serves one developer's browser while they work:
 * - on a part of the dev server itself (`vite.middlewares.use(...)`, `devServer.app.get(...)`);
 * - or on an app that mounts the dev server's middlewares (`app.use(vite.middlewares)` in the
 *   function that registers the handler: Vite in middleware mode inside an Express app).
 * A dev server is, by its API: what Vite's `createServer` returns, a `new WebpackDevServer(...)`
 * (`DEV_SERVER_FACTORIES`), the parameter a hook receives it as (`DEV_SERVER_HOOKS`: Vite's
 * `configureServer(server)`, webpack-dev-server's `setupMiddlewares(middlewares, devServer)`), and
 * the `app` of webpack-dev-server's `before(app)`/`after(app)` in a `devServer` options object.
 * Vite's `preview` server, which serves a production build, is none.
 */
export function registersOnDevServer(call: TSESTree.Node, sourceCode: Readonly<TSESLint.SourceCode>): boolean {
  if (call.type !== AST_NODE_TYPES.CallExpression) return false;
  const callee = skipTransparent(call.callee);
  if (callee.type !== AST_NODE_TYPES.MemberExpression) return false;
  const receiver = skipTransparent(callee.object);
  return isDevServerPart(receiver, sourceCode) || mountsDevServer(receiver, call, sourceCode);
}

/** `vite`, `vite.middlewares`, `devServer.app`: a member chain that starts at a dev server. */
function isDevServerPart(node: TSESTree.Node, sourceCode: Readonly<TSESLint.SourceCode>): boolean {
  let current = skipTransparent(node);
  while (current.type === AST_NODE_TYPES.MemberExpression) current = skipTransparent(current.object);
  if (current.type !== AST_NODE_TYPES.Identifier) return false;
  const variable = variableOfIdentifier(sourceCode, current);
  const definition = variable?.defs.length === 1 ? variable.defs[0] : undefined;
  if (definition?.type === 'Variable' && definition.node.init) return createsDevServer(definition.node.init, sourceCode);
  if (definition?.type !== 'Parameter' || !isFunctionNode(definition.node)) return false;
  const fn = definition.node;
  const index = fn.params.findIndex((param) => param.type === AST_NODE_TYPES.Identifier && param.name === current.name);
  const hook = hookNameOf(fn);
  if (hook === null || index < 0) return false;
  if (DEV_SERVER_HOOKS.get(hook) === index) return true;
  return DEV_SERVER_OPTIONS_HOOKS.has(hook) && index === 0 && inDevServerOptions(fn);
}

/** `await createServer(...)` of Vite, `new WebpackDevServer(...)`: a call of a `DEV_SERVER_FACTORIES` API. */
function createsDevServer(init: TSESTree.Node, sourceCode: Readonly<TSESLint.SourceCode>): boolean {
  let value = skipTransparent(init);
  if (value.type === AST_NODE_TYPES.AwaitExpression) value = skipTransparent(value.argument);
  if (value.type !== AST_NODE_TYPES.CallExpression && value.type !== AST_NODE_TYPES.NewExpression) return false;
  const found = importedCallee(value.callee, (identifier) => variableOfIdentifier(sourceCode, identifier));
  if (!found) return false;
  // `const WebpackDevServer = require('webpack-dev-server')`: the whole module is the factory.
  const name = found.name === '*' ? 'default' : found.name;
  return DEV_SERVER_FACTORIES.get(found.module.replace(/^node:/, ''))?.includes(name) ?? false;
}

/** The key a function is the value of, as an object property or a method (`configureServer(server) {}`). */
function hookNameOf(fn: TSESTree.Node): string | null {
  const holder = fn.parent;
  if (holder?.type !== AST_NODE_TYPES.Property && holder?.type !== AST_NODE_TYPES.MethodDefinition) return null;
  if (holder.computed) return null;
  return holder.key.type === AST_NODE_TYPES.Identifier ? holder.key.name : null;
}

/** True when the hook `fn` is a property of the object of a `devServer: { ... }` property. */
function inDevServerOptions(fn: TSESTree.Node): boolean {
  const object = fn.parent?.parent;
  const property = object?.type === AST_NODE_TYPES.ObjectExpression ? object.parent : undefined;
  return (
    property?.type === AST_NODE_TYPES.Property &&
    !property.computed &&
    property.key.type === AST_NODE_TYPES.Identifier &&
    property.key.name === 'devServer'
  );
}

/**
 * True when `receiver` is a binding on which the file calls `receiver.use(part)` with a part of a
 * dev server (`app.use(vite.middlewares)`), in the function that makes `call`, on every path of it:
 * an app that mounts the dev server only in development (`if (!isProduction) app.use(vite.middlewares)`,
 * or `if (isProduction) return app;` before the mount) also serves production with the same routes.
 * The mount may come before or after `call`: either way the app is the dev server's.
 */
function mountsDevServer(receiver: TSESTree.Node, call: TSESTree.Node, sourceCode: Readonly<TSESLint.SourceCode>): boolean {
  if (receiver.type !== AST_NODE_TYPES.Identifier) return false;
  const variable = variableOfIdentifier(sourceCode, receiver);
  if (!variable) return false;
  return variable.references.some((reference) => {
    const member = reference.identifier.parent;
    if (member?.type !== AST_NODE_TYPES.MemberExpression || member.object !== reference.identifier || staticMemberName(member) !== 'use') return false;
    const use = member.parent;
    if (use?.type !== AST_NODE_TYPES.CallExpression || use.callee !== member || use === call) return false;
    if (nearestFunction(use) !== nearestFunction(call) || isConditional(use, sourceCode)) return false;
    return use.arguments.some((argument) => argument.type === AST_NODE_TYPES.MemberExpression && isDevServerPart(argument, sourceCode));
  });
}

/**
 * True when `node` runs only on some paths of its function: in a branch of an `if`, `?:`,
 * `&&`/`||`/`??`, a `switch` case, a `catch` or a loop, or after a statement that may `return`
 * (`if (isProduction) return app;`). A `throw` before it is no such path: it ends the set-up, and
 * nothing is served then.
 */
function isConditional(node: TSESTree.Node, sourceCode: Readonly<TSESLint.SourceCode>): boolean {
  for (let child = node, parent = node.parent; parent && !isFunctionNode(parent); child = parent, parent = parent.parent) {
    if (returnsBefore(child, parent, sourceCode)) return true;
    switch (parent.type) {
      case AST_NODE_TYPES.IfStatement:
      case AST_NODE_TYPES.ConditionalExpression:
        if (parent.test !== child) return true;
        break;
      case AST_NODE_TYPES.LogicalExpression:
        if (parent.right === child) return true;
        break;
      case AST_NODE_TYPES.SwitchCase:
      case AST_NODE_TYPES.CatchClause:
      case AST_NODE_TYPES.WhileStatement:
      case AST_NODE_TYPES.DoWhileStatement:
      case AST_NODE_TYPES.ForStatement:
      case AST_NODE_TYPES.ForInStatement:
      case AST_NODE_TYPES.ForOfStatement:
        return true;
      default:
        break;
    }
  }
  return false;
}

/**
 * True when a statement before `child` in the statement list of `parent` holds a `return` of the
 * same function (not of a function declared there).
 */
function returnsBefore(child: TSESTree.Node, parent: TSESTree.Node, sourceCode: Readonly<TSESLint.SourceCode>): boolean {
  const list: readonly TSESTree.Node[] =
    parent.type === AST_NODE_TYPES.BlockStatement || parent.type === AST_NODE_TYPES.StaticBlock
      ? parent.body
      : parent.type === AST_NODE_TYPES.SwitchCase
        ? parent.consequent
        : [];
  const index = list.indexOf(child);
  return list
    .slice(0, Math.max(index, 0))
    .some(
      (statement) =>
        !isFunctionNode(statement) &&
        someNodeInSameFunction(statement, sourceCode.visitorKeys, (inner) => inner.type === AST_NODE_TYPES.ReturnStatement),
    );
}
