import type * as ts from 'typescript';
import { loadTypeScript } from './imports';
import { checkerQuery } from './promises';

/** How many forwarding functions deep `forwardsToPromiseSink` follows a callback (`a(fn)` -> `b(fn)` -> sink). */
const MAX_FORWARD_DEPTH = 3;

/** At most this many nodes of a forwarding function's body are visited. */
const FORWARD_NODE_BUDGET = 400;

/** `ts.TypeFlags.Any | ts.TypeFlags.Unknown`; written out so untyped mode never loads `typescript`. */
const TYPE_FLAGS_ANY_OR_UNKNOWN = 1 | 2;

type ForwardingFunction = ts.FunctionDeclaration | ts.FunctionExpression | ts.ArrowFunction | ts.MethodDeclaration;

/**
 * The function the program itself declares for `call` (the resolved signature's declaration: a
 * function or method with a body, outside declaration files) and its parameter at `index` when
 * that is a plain name, with the name's symbol; null otherwise (a library's declaration, a rest or
 * destructured parameter).
 */
function ownCallbackParameter(
  checker: ts.TypeChecker,
  typescript: typeof ts,
  call: ts.CallExpression | ts.NewExpression,
  index: number,
): { declaration: ts.SignatureDeclaration; body: ts.Node; name: ts.Identifier; symbol: ts.Symbol } | null {
  const declaration = checker.getResolvedSignature(call)?.getDeclaration() as ts.SignatureDeclaration | undefined;
  if (!declaration || !isForwardingFunction(typescript, declaration) || !declaration.body) return null;
  if (declaration.getSourceFile().isDeclarationFile) return null;
  const parameter = declaration.parameters[index];
  if (!parameter || parameter.dotDotDotToken || !typescript.isIdentifier(parameter.name)) return null;
  const symbol = checker.getSymbolAtLocation(parameter.name);
  return symbol ? { declaration, body: declaration.body, name: parameter.name, symbol } : null;
}

/**
 * Typed mode: is the function passed at argument `index` of `call` only handed on, by a function
 * the program itself declares, to a sink that accepts a promise from it? Answers the question
 * "does a `() => void` parameter type mean the promise is ignored?" for a local typed wrapper:
 *
 * ```ts
 * const registerCommand = (ns: typeof commands, id: CommandId, run: () => void) => ns.registerCommand(id, run);
 * ```
 *
 * Here `run` is typed `void` for the wrapper's callers, but the API it goes to takes
 * `(...args: any[]) => any` and awaits the result, so an async `run` loses nothing.
 *
 * True when the resolved signature's declaration is a function or method with a body in a source
 * file that is not a declaration file (`.d.ts`), its parameter at `index` is a plain name (not
 * rest, not destructured), and every read of that name in the body (nested functions included) is
 * an argument of a call whose parameter type at that position is a function type every call
 * signature of which returns `any`, `unknown` or a thenable (`Thenable<T>`, `Promise<T>`,
 * `T | Promise<T>`), or an argument of another such forwarding function (at most
 * `MAX_FORWARD_DEPTH` deep), or a call of it whose promise the function itself keeps
 * (`isCalledForResult`: `await run(item)`, `return run(item)`, `run(item).catch(report)`): the
 * wrapper typed its parameter `void`, yet waits for it, so an async `run` loses nothing. Any other
 * read (a call `run()` left as a statement, a store `this.run = run` or `{ run }`, a return of the
 * function itself, any use of `arguments`) is a use whose result the wrapper itself may drop: false. False too on any checker failure, a
 * body larger than `FORWARD_NODE_BUDGET` nodes, or a parameter never read.
 */
export function forwardsToPromiseSink(checker: ts.TypeChecker, call: ts.CallExpression | ts.NewExpression, index: number): boolean {
  return checkerQuery(false, () => forwardsAt(checker, loadTypeScript(), call, index, 0));
}

function forwardsAt(checker: ts.TypeChecker, typescript: typeof ts, call: ts.CallExpression | ts.NewExpression, index: number, depth: number): boolean {
  if (depth >= MAX_FORWARD_DEPTH) return false;
  const callee = ownCallbackParameter(checker, typescript, call, index);
  if (!callee) return false;
  const { declaration, body, name, symbol } = callee;
  let budget = FORWARD_NODE_BUDGET;
  let reads = 0;
  let forwardsOnly = true;
  const visit = (node: ts.Node): void => {
    if (!forwardsOnly) return;
    if (--budget < 0) {
      forwardsOnly = false;
      return;
    }
    // `later(...arguments)` hands the callback on without naming it: not a read this walk can judge.
    if (typescript.isIdentifier(node) && node.text === 'arguments') {
      forwardsOnly = false;
      return;
    }
    if (typescript.isIdentifier(node) && node !== name && node.text === name.text && readSymbol(checker, typescript, node) === symbol) {
      reads += 1;
      if (!isHandedToPromiseSink(checker, typescript, node, depth) && !isCalledForResult(checker, typescript, node, declaration)) forwardsOnly = false;
      return;
    }
    typescript.forEachChild(node, visit);
  };
  visit(body);
  return forwardsOnly && reads > 0;
}

/**
 * The symbol whose value the identifier `node` reads: for the name of a shorthand property
 * (`{ run }`) the variable it stores, not the property it declares.
 */
function readSymbol(checker: ts.TypeChecker, typescript: typeof ts, node: ts.Identifier): ts.Symbol | undefined {
  if (typescript.isShorthandPropertyAssignment(node.parent) && node.parent.name === node) return checker.getShorthandAssignmentValueSymbol(node.parent);
  return checker.getSymbolAtLocation(node);
}

function isForwardingFunction(typescript: typeof ts, node: ts.Node): node is ForwardingFunction {
  return typescript.isFunctionDeclaration(node) || typescript.isFunctionExpression(node) || typescript.isArrowFunction(node) || typescript.isMethodDeclaration(node);
}

/** Is this read of a callback parameter an argument of a call that accepts a promise from it (see `forwardsToPromiseSink`)? */
function isHandedToPromiseSink(checker: ts.TypeChecker, typescript: typeof ts, read: ts.Identifier, depth: number): boolean {
  let value: ts.Node = read;
  while (typescript.isParenthesizedExpression(value.parent) || typescript.isAsExpression(value.parent) || typescript.isNonNullExpression(value.parent)) value = value.parent;
  const call = value.parent;
  if (!(typescript.isCallExpression(call) || typescript.isNewExpression(call)) || !call.arguments) return false;
  const position = call.arguments.indexOf(value as ts.Expression);
  if (position === -1) return false;
  const contextual = checker.getContextualType(value as ts.Expression);
  if (contextual && acceptsPromiseReturn(checker, contextual)) return true;
  return forwardsAt(checker, typescript, call, position, depth + 1);
}

/**
 * Is this read of a callback parameter the callee of a call whose result `owner` keeps: the call
 * (through parentheses, `Promise.resolve(...)`, or a `const` whose every read is kept the same way)
 * is awaited by `owner` itself (not by a nested function, whose own promise may be dropped),
 * returned by it when its return type lets its callers see a promise (`any`, `unknown` or a
 * thenable: a helper typed `void` that returns it hands the promise to callers who cannot tell),
 * or is the receiver of `.catch(handler)` / `.then(onFulfilled, onRejected)`.
 */
function isCalledForResult(checker: ts.TypeChecker, typescript: typeof ts, read: ts.Identifier, owner: ts.SignatureDeclaration): boolean {
  let callee: ts.Node = read;
  while (typescript.isParenthesizedExpression(callee.parent) || typescript.isNonNullExpression(callee.parent)) callee = callee.parent;
  const call = callee.parent;
  return typescript.isCallExpression(call) && call.expression === callee && isKept(checker, typescript, call, owner, 0);
}

/** `handler` is a function written in place whose own body (not a nested function's) has a `throw`. */
function rethrows(typescript: typeof ts, handler: ts.Expression): boolean {
  if (!typescript.isArrowFunction(handler) && !typescript.isFunctionExpression(handler)) return false;
  let found = false;
  const visit = (node: ts.Node): void => {
    if (found || (node !== handler && typescript.isFunctionLike(node))) return;
    if (typescript.isThrowStatement(node)) found = true;
    else typescript.forEachChild(node, visit);
  };
  visit(handler);
  return found;
}

/** For `isCalledForResult`: what happens to `value` keeps its promise (see there); `depth` bounds the `const` hops. */
function isKept(checker: ts.TypeChecker, typescript: typeof ts, value: ts.Expression, owner: ts.SignatureDeclaration, depth: number): boolean {
  let node: ts.Node = value;
  while (typescript.isParenthesizedExpression(node.parent) || typescript.isAsExpression(node.parent) || typescript.isNonNullExpression(node.parent)) node = node.parent;
  const parent = node.parent;
  if (typescript.isAwaitExpression(parent)) return enclosingFunction(typescript, parent) === owner;
  // Returned: the helper's callers get the promise only when its own type says they do.
  if (typescript.isReturnStatement(parent)) return enclosingFunction(typescript, parent) === owner && returnsThenable(checker, owner);
  if (typescript.isArrowFunction(parent) && parent.body === node) return parent === owner && returnsThenable(checker, owner);
  if (typescript.isPropertyAccessExpression(parent) && parent.expression === node && typescript.isCallExpression(parent.parent) && parent.parent.expression === parent) {
    const method = parent.name.text;
    const handler = method === 'catch' ? parent.parent.arguments[0] : method === 'then' && parent.parent.arguments.length >= 2 ? parent.parent.arguments[1] : undefined;
    if (!handler) return false;
    // `visit(x).catch((error) => { throw error; })`: the rejection goes on, into the chain's promise.
    return !rethrows(typescript, handler) || (depth < 3 && isKept(checker, typescript, parent.parent, owner, depth + 1));
  }
  // `await Promise.resolve(run(item))`: the wrapper lets `run` return a value or a promise.
  if (typescript.isCallExpression(parent) && parent.arguments.length === 1 && parent.arguments[0] === node) {
    const callee = parent.expression;
    if (typescript.isPropertyAccessExpression(callee) && typescript.isIdentifier(callee.expression) && callee.expression.text === 'Promise' && callee.name.text === 'resolve') {
      return isKept(checker, typescript, parent, owner, depth);
    }
  }
  // `const result = run(item); ... await result;`
  if (depth < 2 && typescript.isVariableDeclaration(parent) && parent.initializer === node && typescript.isIdentifier(parent.name) && typescript.isVariableDeclarationList(parent.parent) && parent.parent.flags & typescript.NodeFlags.Const) {
    const symbol = checker.getSymbolAtLocation(parent.name);
    const scope = enclosingFunction(typescript, parent);
    if (!symbol || !scope?.body) return false;
    const name = parent.name.text;
    let reads = 0;
    let kept = true;
    const visit = (inner: ts.Node): void => {
      if (!kept) return;
      if (typescript.isIdentifier(inner) && inner !== parent.name && inner.text === name && checker.getSymbolAtLocation(inner) === symbol) {
        reads += 1;
        if (!isKept(checker, typescript, inner, owner, depth + 1)) kept = false;
        return;
      }
      typescript.forEachChild(inner, visit);
    };
    visit(scope.body);
    return kept && reads > 0;
  }
  return false;
}

/** The declared or inferred return type of `fn` is `any`, `unknown` or has a thenable part (see `acceptsPromiseReturn`). */
function returnsThenable(checker: ts.TypeChecker, fn: ts.SignatureDeclaration): boolean {
  const signature = checker.getSignatureFromDeclaration(fn);
  if (!signature) return false;
  const returned = checker.getReturnTypeOfSignature(signature);
  if (returned.flags & TYPE_FLAGS_ANY_OR_UNKNOWN) return true;
  const parts = returned.isUnion() ? returned.types : [returned];
  return parts.some((part) => checker.getApparentType(part).getProperty('then') !== undefined);
}

/** The function whose own body `node` is in (not counting class bodies), or undefined. */
function enclosingFunction(typescript: typeof ts, node: ts.Node): ts.FunctionLikeDeclaration | undefined {
  for (let current = node.parent; current; current = current.parent) {
    if (
      typescript.isFunctionDeclaration(current) ||
      typescript.isFunctionExpression(current) ||
      typescript.isArrowFunction(current) ||
      typescript.isMethodDeclaration(current) ||
      typescript.isConstructorDeclaration(current) ||
      typescript.isAccessor(current)
    ) {
      return current;
    }
  }
  return undefined;
}

/** A function type every call signature of which returns `any`, `unknown` or something with a part that is thenable. */
function acceptsPromiseReturn(checker: ts.TypeChecker, type: ts.Type): boolean {
  const parts = type.isUnion() ? type.types : [type];
  let signatures = 0;
  for (const part of parts) {
    for (const signature of part.getCallSignatures()) {
      signatures += 1;
      const returned = signature.getReturnType();
      if (returned.flags & TYPE_FLAGS_ANY_OR_UNKNOWN) continue;
      const returnedParts = returned.isUnion() ? returned.types : [returned];
      if (!returnedParts.some((candidate) => checker.getApparentType(candidate).getProperty('then') !== undefined)) return false;
    }
  }
  return signatures > 0;
}

/**
 * Typed mode: does the function the program itself declares for `call` (the resolved signature's
 * declaration: a function or method with a body, outside declaration files) act on the outcome
 * of the callback passed at argument `index`? True when its parameter there is a plain name that
 * the body calls inside the `try` block of a `try` with a `catch` or `finally`, in the same
 * function as the call (`try { run(); } catch (error) { showToast(error); }`): an async callback's
 * rejection escapes that `catch`, and the `finally` runs before its work ends; or calls it as a
 * statement of its own body with more work after it (`run(); setLoading(false);`). A `try` around a
 * function that calls it later (a listener, a timer) guards only the registration. False for a
 * library's declaration, a parameter only handed on, on any checker failure, or past
 * `FORWARD_NODE_BUDGET` nodes.
 */
export function ownsCallbackOutcome(checker: ts.TypeChecker, call: ts.CallExpression | ts.NewExpression, index: number): boolean {
  return checkerQuery(false, () => ownsOutcomeAt(checker, loadTypeScript(), call, index));
}

function ownsOutcomeAt(checker: ts.TypeChecker, typescript: typeof ts, call: ts.CallExpression | ts.NewExpression, index: number): boolean {
  const callee = ownCallbackParameter(checker, typescript, call, index);
  if (!callee) return false;
  const { declaration, body, name, symbol } = callee;
  let budget = FORWARD_NODE_BUDGET;
  let owns = false;
  const visit = (node: ts.Node): void => {
    if (owns || --budget < 0) return;
    if (typescript.isIdentifier(node) && node !== name && node.text === name.text && checker.getSymbolAtLocation(node) === symbol) {
      owns = isGuardedCall(typescript, node) || isCallFollowedByWork(typescript, node, declaration);
      return;
    }
    typescript.forEachChild(node, visit);
  };
  visit(body);
  return owns;
}

/**
 * For `ownsCallbackOutcome`: is `read` the callee of a call made as a statement of `fn`'s own body
 * (not in a function it hands on) with another statement after it in the same block
 * (`setLoading(true); run(); setLoading(false);`)? The statements after it run before an async
 * callback's work ends.
 */
function isCallFollowedByWork(typescript: typeof ts, read: ts.Identifier, fn: ts.SignatureDeclaration): boolean {
  const call = read.parent;
  if (!typescript.isCallExpression(call) || call.expression !== read) return false;
  const statement = call.parent;
  if (!typescript.isExpressionStatement(statement) || !typescript.isBlock(statement.parent)) return false;
  let owner: ts.Node | undefined = statement.parent;
  while (owner && !typescript.isFunctionLike(owner)) owner = owner.parent;
  if (owner !== fn) return false;
  const siblings = statement.parent.statements;
  return siblings.indexOf(statement) < siblings.length - 1;
}

/** For `ownsCallbackOutcome`: is `read` the callee of a call inside a guarding `try` block of the call's own function? */
function isGuardedCall(typescript: typeof ts, read: ts.Identifier): boolean {
  let callee: ts.Node = read;
  while (typescript.isParenthesizedExpression(callee.parent) || typescript.isNonNullExpression(callee.parent)) callee = callee.parent;
  const call = callee.parent;
  if (!typescript.isCallExpression(call) || call.expression !== callee) return false;
  for (let child: ts.Node = call, current = call.parent; current && !typescript.isFunctionLike(current); child = current, current = current.parent) {
    if (typescript.isTryStatement(current) && current.tryBlock === child && (current.catchClause !== undefined || current.finallyBlock !== undefined)) return true;
  }
  return false;
}
