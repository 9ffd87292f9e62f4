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
 * `MAX_FORWARD_DEPTH` deep). Any other read (a call `run()`, a store `this.run = run` or `{ run }`, a return)
 * is a use whose result the wrapper itself may drop: false. False too on any checker failure, a
 * body larger than `FORWARD_NODE_BUDGET` nodes, or a parameter never read.
 */
export function forwardsToPromiseSink(checker: ts.TypeChecker, call: ts.CallExpression | ts.NewExpression, index: number): boolean {
  return checkerQuery(false, () => forwardsAt(checker, loadTypeScript(), call, index, 0));
}

function forwardsAt(checker: ts.TypeChecker, typescript: typeof ts, call: ts.CallExpression | ts.NewExpression, index: number, depth: number): boolean {
  if (depth >= MAX_FORWARD_DEPTH) return false;
  const signature = checker.getResolvedSignature(call);
  const declaration = signature?.getDeclaration() as ts.SignatureDeclaration | undefined;
  if (!declaration || !isForwardingFunction(typescript, declaration) || !declaration.body) return false;
  if (declaration.getSourceFile().isDeclarationFile) return false;
  const parameter = declaration.parameters[index];
  if (!parameter || parameter.dotDotDotToken || !typescript.isIdentifier(parameter.name)) return false;
  const name = parameter.name;
  const symbol = checker.getSymbolAtLocation(name);
  if (!symbol) return false;
  let budget = FORWARD_NODE_BUDGET;
  let reads = 0;
  let forwardsOnly = true;
  const visit = (node: ts.Node): void => {
    if (!forwardsOnly) return;
    if (--budget < 0) {
      forwardsOnly = false;
      return;
    }
    if (typescript.isIdentifier(node) && node !== name && node.text === name.text && readSymbol(checker, typescript, node) === symbol) {
      reads += 1;
      if (!isHandedToPromiseSink(checker, typescript, node, depth)) forwardsOnly = false;
      return;
    }
    typescript.forEachChild(node, visit);
  };
  visit(declaration.body);
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
