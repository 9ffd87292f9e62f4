import { ASTUtils, type TSESLint, type TSESTree } from '@typescript-eslint/utils';
import { AST_NODE_TYPES } from '../util/ast-node-types';
import { isProcessExitCall, skipTransparent, staticMemberName } from '../util/ast';
import { type FunctionNode, isFunctionNode } from './async-context';
import type { FileEffects } from './effects';
import { chainMethodName } from './promises';
import { someNodeBelow, someNodeInSameFunction } from './walk';

/** `process` methods that register a listener for a process event. */
const PROCESS_LISTEN_METHODS: ReadonlySet<string> = new Set(['on', 'once', 'addListener', 'prependListener', 'prependOnceListener']);

/** A method named for tearing something down: `stop()`, `close()`, `killServer(pid)`, `dispose()`, `terminate()`. */
const TEARDOWN_NAME = /^(?:stop|close|kill|terminate|shutdown|shutDown|destroy|dispose|abort)(?:[A-Z_]|$)/;
/** `TEARDOWN_NAME`, and the names of a function that disconnects or cleans up before the process ends (`disconnect()`, `cleanup()`, `quit()`, `exit()`, `end()`, `gracefulExit()`). */
const TEARDOWN_FUNCTION_NAME = /^(?:(?:stop|close|kill|terminate|shutdown|shutDown|destroy|dispose|abort|disconnect|cleanup|cleanUp|quit|exit|end)(?:[A-Z_]|$)|graceful[A-Z])/;

/**
 * True when the dropped promise of `call` is part of a program's way out, where a reviewer would
 * not add an `await` or a handler:
 * - `process.on('SIGTERM', () => { shutdown(); })`: a listener of a termination signal (any
 *   `SIG...` event of the global `process`) that starts a function of this file which ends the
 *   process itself (`process.exit(...)` in its body, also in a callback or async IIFE there), or a
 *   `.then(callback)` chain whose callback ends it (`stop().then(() => process.exit(0))`): the
 *   shutdown decides the exit, and a rejection before it still ends the process with the error;
 * - a teardown (a method named `stop`, `close`, `kill...`, `terminate`, `dispose`, ...) dropped in a
 *   `finally` block, or in a `catch` (clause or `.catch(callback)`) that rethrows the caught error:
 *   the operation has already failed or finished, the error in flight is what is reported, and
 *   waiting for the teardown would only delay it.
 */
export function isOnTheWayOut(call: TSESTree.CallExpression, sourceCode: Readonly<TSESLint.SourceCode>, effects: FileEffects): boolean {
  return (startsExitFromSignal(call, sourceCode, effects) || tearsDownOnErrorPath(call, sourceCode));
}

/**
 * True when `fn` is named for a teardown (`TEARDOWN_FUNCTION_NAME`: a method `kill()`, `async
 * function shutdown()`, `const close = async () => ...`, `disconnect()`, `cleanup()`): its callers
 * await it to know the teardown is done, often right before the process exits.
 */
export function namedForTeardown(fn: FunctionNode): boolean {
  const holder = fn.parent;
  let name: string | null = null;
  if (fn.type === AST_NODE_TYPES.FunctionDeclaration) name = fn.id?.name ?? null;
  else if ((holder?.type === AST_NODE_TYPES.MethodDefinition || holder?.type === AST_NODE_TYPES.Property || holder?.type === AST_NODE_TYPES.PropertyDefinition) && !holder.computed && holder.key.type === AST_NODE_TYPES.Identifier) name = holder.key.name;
  else if (holder?.type === AST_NODE_TYPES.VariableDeclarator && holder.id.type === AST_NODE_TYPES.Identifier) name = holder.id.name;
  return name !== null && TEARDOWN_FUNCTION_NAME.test(name);
}

function startsExitFromSignal(call: TSESTree.CallExpression, sourceCode: Readonly<TSESLint.SourceCode>, effects: FileEffects): boolean {
  let fn: TSESTree.Node | undefined = call.parent;
  while (fn && !isFunctionNode(fn)) fn = fn.parent;
  const registration = fn?.parent;
  if (!fn || registration?.type !== AST_NODE_TYPES.CallExpression || registration.arguments[1] !== fn) return false;
  const [event] = registration.arguments;
  if (event?.type !== AST_NODE_TYPES.Literal || typeof event.value !== 'string' || !event.value.startsWith('SIG')) return false;
  const callee = skipTransparent(registration.callee);
  if (callee.type !== AST_NODE_TYPES.MemberExpression || !PROCESS_LISTEN_METHODS.has(staticMemberName(callee) ?? '')) return false;
  const object = skipTransparent(callee.object);
  if (object.type !== AST_NODE_TYPES.Identifier || object.name !== 'process') return false;
  const variable = ASTUtils.findVariable(sourceCode.getScope(object), object);
  if (variable && variable.defs.length > 0) return false;
  // `server.stop().then(() => process.exit(0))`: the chain's own callback ends the process.
  if (chainMethodName(call) === 'then' && call.arguments.some((argument) => isFunctionNode(argument) && someNodeBelow(argument.body, sourceCode.visitorKeys, isProcessExitCall))) return true;
  const shutdown = effects.calledFunction(call);
  return shutdown !== null && someNodeBelow(shutdown.body, sourceCode.visitorKeys, isProcessExitCall);
}

function tearsDownOnErrorPath(call: TSESTree.CallExpression, sourceCode: Readonly<TSESLint.SourceCode>): boolean {
  const callee = skipTransparent(call.callee);
  const name = callee.type === AST_NODE_TYPES.MemberExpression ? staticMemberName(callee) : callee.type === AST_NODE_TYPES.Identifier ? callee.name : null;
  if (name === null || !TEARDOWN_NAME.test(name)) return false;
  for (let child: TSESTree.Node = call, parent: TSESTree.Node | undefined = call.parent; parent; child = parent, parent = parent.parent) {
    if (parent.type === AST_NODE_TYPES.TryStatement && parent.finalizer === child) return true;
    if (parent.type === AST_NODE_TYPES.CatchClause) return rethrows(parent.body, parent.param, sourceCode);
    if (isFunctionNode(parent)) {
      const holder = parent.parent;
      const isCatchCallback =
        holder?.type === AST_NODE_TYPES.CallExpression &&
        holder.arguments[0] === parent &&
        skipTransparent(holder.callee).type === AST_NODE_TYPES.MemberExpression &&
        staticMemberName(skipTransparent(holder.callee) as TSESTree.MemberExpression) === 'catch';
      return isCatchCallback && rethrows(parent.body, parent.params[0] ?? null, sourceCode);
    }
  }
  return false;
}

/** Does `body` (its own code) `throw` the caught error named by `param`? */
function rethrows(body: TSESTree.Node, param: TSESTree.Node | null, sourceCode: Readonly<TSESLint.SourceCode>): boolean {
  if (param?.type !== AST_NODE_TYPES.Identifier) return false;
  const name = param.name;
  return someNodeInSameFunction(body, sourceCode.visitorKeys, (node) => {
    if (node.type !== AST_NODE_TYPES.ThrowStatement) return false;
    const thrown = skipTransparent(node.argument);
    return thrown.type === AST_NODE_TYPES.Identifier && thrown.name === name;
  });
}
