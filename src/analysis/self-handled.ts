/**
 * Promises a function watches itself: the variable that holds one gets a rejection handler in the
 * very next statement after it is filled (`const done = drain(); done.then(finish, fail); return
 * done;`), so whoever drops what the function returns loses no error. Read from the code only: a
 * handler on one branch, a `.then(f)` without a rejection handler, a handler that does not report
 * the failure (`() => {}`, cleanup only, a rethrow: `reportsFailure`), or a variable filled twice
 * does not count.
 */
import { AST_NODE_TYPES, type TSESLint, type TSESTree } from '@typescript-eslint/utils';
import { isNothing, skipTransparent, staticMemberName, variableOfIdentifier } from '../util/ast';
import { RECORD_LOOKUP_NAME } from '../catalog/record-lookups';
import { type FunctionNode, isFunctionNode } from './async-context';
import { forEachChild } from './dependencies';
import { writesLogLine } from './effects';
import { chainMethodName, hasRejectionHandler } from './promises';
import { someNodeInSameFunction } from './walk';

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
 * fail)` (also after `void`): a chain rooted at `variable` with a link whose rejection handler
 * reports the failure (`reportsFailure`).
 */
export function handlesRejectionOf(expression: TSESTree.Node, variable: TSESLint.Scope.Variable, sourceCode: Readonly<TSESLint.SourceCode>): boolean {
  let node = skipTransparent(expression);
  if (node.type === AST_NODE_TYPES.UnaryExpression && node.operator === 'void') node = skipTransparent(node.argument);
  let handled = false;
  while (node.type === AST_NODE_TYPES.CallExpression && chainMethodName(node) !== null) {
    if (hasRejectionHandler(node) && reportsFailure(rejectionHandlerOf(node), sourceCode)) handled = true;
    node = skipTransparent((skipTransparent(node.callee) as TSESTree.MemberExpression).object);
  }
  const root = wrappedByResolve(node, sourceCode) ?? node;
  return handled && root.type === AST_NODE_TYPES.Identifier && variableOfIdentifier(sourceCode, root) === variable;
}

/** The rejection handler of a `.then(ok, fail)` / `.catch(fail)` link. */
function rejectionHandlerOf(link: TSESTree.CallExpression): TSESTree.Node | undefined {
  return chainMethodName(link) === 'catch' ? link.arguments[0] : link.arguments[1];
}

/** How many same-file functions `reportsFailure` follows from one handler. */
const MAX_HANDLER_DEPTH = 3;

/**
 * True when a rejection handler reports the failure it is given, so the promise it watches loses
 * nothing when dropped: a logger passed by reference (`console.error`, `logger.warn`: effects'
 * `writesLogLine`), or a function (inline, or declared in this file under the name passed) whose
 * own code writes a log line, emits `'error'`, hands the failure to a `reject` (a deferred's or an
 * executor's: whoever watches that promise gets it), hands the caught error to a call made for its
 * effect (`handsOnCaught`: a logger of the project's own, an error callback) or calls a same-file
 * function that does; and
 * that never rethrows (`throw`, `return Promise.reject(...)`: the failure moves to the promise the
 * link derives, which nobody watches). `() => {}`, a cleanup-only handler and a handler this file
 * cannot read (imported, a parameter, declared without a body) report nothing.
 */
export function reportsFailure(handler: TSESTree.Node | undefined, sourceCode: Readonly<TSESLint.SourceCode>, depth = 0): boolean {
  if (!handler || depth > MAX_HANDLER_DEPTH) return false;
  const node = skipTransparent(handler);
  if (node.type === AST_NODE_TYPES.MemberExpression) return writesLogLine(asCall(node));
  const fn = node.type === AST_NODE_TYPES.Identifier ? sameFileFunction(node, sourceCode) : isFunctionNode(node) ? node : null;
  if (!fn) return false;
  const keys = sourceCode.visitorKeys;
  const rethrows = someNodeInSameFunction(fn.body, keys, (inner) => inner.type === AST_NODE_TYPES.ThrowStatement || (inner.type === AST_NODE_TYPES.ReturnStatement && inner.argument !== null && wrappedByRejectOf(skipTransparent(inner.argument), sourceCode)));
  if (rethrows) return false;
  const caught = caughtVariable(fn, sourceCode);
  return someNodeInSameFunction(
    fn.body,
    keys,
    (inner) => inner.type === AST_NODE_TYPES.CallExpression && (reportsBy(inner, sourceCode, depth) || (caught !== null && handsOnCaught(inner, caught))),
  );
}

/** The variable of a handler's first parameter (`(error) => ...`), or null. */
function caughtVariable(fn: FunctionNode, sourceCode: Readonly<TSESLint.SourceCode>): TSESLint.Scope.Variable | null {
  const [parameter] = fn.params;
  if (parameter?.type !== AST_NODE_TYPES.Identifier) return null;
  return sourceCode.getDeclaredVariables(fn).find((variable) => variable.name === parameter.name) ?? null;
}

/**
 * A call made for its effect (a statement, or awaited as one) that is handed the caught error or
 * something made from it (`client.log(LEVEL_ERROR, 'write failed: ' + inspect(error))`,
 * `onError(error)`, `setStatus({ error })`): the failure goes somewhere a person or the caller can
 * see it, whatever the function is named. A call whose result is only kept (`String(error)`) is not.
 */
function handsOnCaught(call: TSESTree.CallExpression, caught: TSESLint.Scope.Variable): boolean {
  let statement: TSESTree.Node = call;
  while (statement.parent?.type === AST_NODE_TYPES.AwaitExpression || statement.parent?.type === AST_NODE_TYPES.ChainExpression) statement = statement.parent;
  if (statement.parent?.type !== AST_NODE_TYPES.ExpressionStatement) return false;
  return call.arguments.some((argument) =>
    caught.references.some((reference) => argument.range[0] <= reference.identifier.range[0] && reference.identifier.range[1] <= argument.range[1]),
  );
}

/** A call that reports a failure: a log line, `emit('error', ...)`, a `reject(...)`, or a same-file function that reports. */
function reportsBy(call: TSESTree.CallExpression, sourceCode: Readonly<TSESLint.SourceCode>, depth: number): boolean {
  if (writesLogLine(call)) return true;
  const callee = skipTransparent(call.callee);
  const name = callee.type === AST_NODE_TYPES.Identifier ? callee.name : callee.type === AST_NODE_TYPES.MemberExpression ? staticMemberName(callee) : null;
  if (name === 'reject') return true;
  const [event] = call.arguments;
  if (name === 'emit' && event?.type === AST_NODE_TYPES.Literal && event.value === 'error') return true;
  return callee.type === AST_NODE_TYPES.Identifier && reportsFailure(callee, sourceCode, depth + 1);
}

/** A call-shaped stand-in so a logger passed by reference (`console.error`) is read as the call it will be. */
function asCall(callee: TSESTree.MemberExpression): TSESTree.CallExpression {
  return { type: AST_NODE_TYPES.CallExpression, callee, arguments: [], optional: false, typeArguments: undefined } as unknown as TSESTree.CallExpression;
}

/** The function a name declares in this file (`function fail() {}`, `const fail = (e) => ...`), else null. */
function sameFileFunction(name: TSESTree.Identifier, sourceCode: Readonly<TSESLint.SourceCode>): FunctionNode | null {
  const variable = variableOfIdentifier(sourceCode, name);
  const definition = variable?.defs.length === 1 ? variable.defs[0] : undefined;
  if (definition?.type === 'FunctionName' && isFunctionNode(definition.node)) return definition.node;
  if (definition?.type !== 'Variable' || definition.node.id.type !== AST_NODE_TYPES.Identifier || definition.parent.kind !== 'const') return null;
  const init = definition.node.init ? skipTransparent(definition.node.init) : null;
  return init && isFunctionNode(init) ? init : null;
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

/**
 * True when `fn`, an async function, does its work under its own guard and, outside that guard,
 * only looks records up to decide what to do: a notifier that reads the rows it is about, then
 * makes its call to another service inside a `try` whose `catch` logs.
 * - The guard: a `try` whose block waits for something (an `await`) and whose `catch` does
 *   something (is not empty) and never `throw`s; or a call, as a statement, of a function whose
 *   promise cannot reject (`calls.guarded`: a helper that catches everything itself). At least one.
 * - Outside every such `try` (its `catch` and `finally` included): each `await` is the initial value
 *   of a declared variable and waits for a method named for a look-up of records
 *   (`const rows = await repo.find(...)`, `RECORD_LOOKUP_NAME`), and there is no `throw`, no
 *   `for await` and no awaited write or other wait.
 * - At least one such look-up (with none, whether the function can reject is the effects' question).
 * - Outside the guard, no call of a synchronous function that `throw`s (`calls.throwsSync`).
 * - Nowhere a `return` of a call (`return load()` escapes a `try` too) and no `yield`.
 * The author guarded the step that fails in practice (the request to another service); a look-up
 * of the program's own records before it fails only when that store is down, which the program's
 * other paths meet and report first. A write outside the guard (`await repo.save(row)`), an
 * `await` of anything else, a `throw` of its own (an assertion helper that refuses on purpose)
 * or no guard at all: false. Nested functions are not read.
 */
export function looksUpThenGuards(fn: FunctionNode, visitorKeys: TSESLint.SourceCode.VisitorKeys, calls: LookupThenGuardCalls): boolean {
  if (!fn.async || fn.generator || fn.body.type !== AST_NODE_TYPES.BlockStatement) return false;
  let guards = 0;
  let lookups = 0;
  let escapes = false;
  const visit = (node: TSESTree.Node, guarded: boolean): void => {
    if (escapes || (node !== fn.body && isFunctionNode(node))) return;
    switch (node.type) {
      case AST_NODE_TYPES.TryStatement: {
        const handler = node.handler;
        const guarding =
          handler !== null &&
          handler.body.body.length > 0 &&
          !someNodeInSameFunction(handler.body, visitorKeys, (inner) => inner.type === AST_NODE_TYPES.ThrowStatement);
        if (guarding && someNodeInSameFunction(node.block, visitorKeys, (inner) => inner.type === AST_NODE_TYPES.AwaitExpression)) guards += 1;
        visit(node.block, guarded || guarding);
        if (handler) visit(handler.body, guarded);
        if (node.finalizer) visit(node.finalizer, guarded);
        return;
      }
      case AST_NODE_TYPES.ReturnStatement:
        if (node.argument && isCallOrNew(skipTransparent(node.argument))) escapes = true;
        break;
      case AST_NODE_TYPES.YieldExpression:
        escapes = true;
        return;
      case AST_NODE_TYPES.ThrowStatement:
        if (!guarded) escapes = true;
        return;
      case AST_NODE_TYPES.ForOfStatement:
        if (node.await && !guarded) escapes = true;
        break;
      case AST_NODE_TYPES.AwaitExpression:
        if (guarded) break;
        if (isKeptLookup(node)) lookups += 1;
        else escapes = true;
        break;
      case AST_NODE_TYPES.CallExpression:
        if (!guarded && calls.throwsSync(node)) escapes = true;
        break;
      case AST_NODE_TYPES.ExpressionStatement: {
        const call = skipTransparent(node.expression);
        if (call.type === AST_NODE_TYPES.CallExpression && calls.guarded(call)) guards += 1;
        break;
      }
      default:
        break;
    }
    forEachChild(node, visitorKeys, (child) => visit(child, guarded));
  };
  visit(fn.body, false);
  return !escapes && guards > 0 && lookups > 0;
}

/** What `looksUpThenGuards` asks of the calls it meets (the rule answers from the file's effects). */
export interface LookupThenGuardCalls {
  /** A call whose promise cannot reject, of an async function that guards itself: a guard when made as a statement. */
  guarded: (call: TSESTree.CallExpression) => boolean;
  /** A call of a synchronous function that `throw`s: outside the guard, it rejects the function's promise. */
  throwsSync: (call: TSESTree.CallExpression) => boolean;
}

function isCallOrNew(node: TSESTree.Node): boolean {
  return node.type === AST_NODE_TYPES.CallExpression || node.type === AST_NODE_TYPES.NewExpression;
}

/** `const rows = await repo.findBy(...)`: an awaited look-up of records (`RECORD_LOOKUP_NAME`) whose result is kept in a declared variable. */
function isKeptLookup(node: TSESTree.AwaitExpression): boolean {
  if (node.parent.type !== AST_NODE_TYPES.VariableDeclarator || node.parent.init !== node) return false;
  const call = skipTransparent(node.argument);
  if (call.type !== AST_NODE_TYPES.CallExpression) return false;
  const callee = skipTransparent(call.callee);
  if (callee.type !== AST_NODE_TYPES.MemberExpression) return false;
  const name = staticMemberName(callee);
  return name !== null && RECORD_LOOKUP_NAME.test(name);
}
