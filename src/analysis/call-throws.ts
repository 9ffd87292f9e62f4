/**
 * Typed mode: can a function of the program, called with the arguments one call passes, reject?
 * The question behind a dropped call of a helper that guards its own work,
 *
 * ```ts
 * async post(line: string | any): Promise<any> {
 *   const html = line.replace(/&/g, '&amp;');   // before the guard: throws unless `line` is a string
 *   try { await this.room.send(html); } catch (error) { console.warn(error); }
 * }
 * ```
 *
 * called as `this.output.post('restarted')` in another file. The body outside the guard is judged
 * with the types of the arguments at that call (`post('restarted')`: a string, so `replace` cannot
 * throw; `post(error)`: an `Error`, which has no `replace`, so the promise rejects with a
 * `TypeError`). The text scanner of `guarded-bodies.ts` only accepts declarations that cannot
 * throw before the guard whatever they are handed; this reads the declaration's syntax tree from
 * the program, so it runs only in typed mode, and only for a call a rule is about to report.
 *
 * What "cannot throw" accepts is deliberately small (see `ThrowJudge`): literals, names, reads of
 * members of a value whose type is neither nullable nor `any`/`unknown`, operators that do not
 * convert with user code beyond `toString`, the string and array methods of the catalog on a
 * receiver the types prove a string or an array, a few global tests (`Array.isArray`), and calls of
 * plain (not `async`) functions of the program whose bodies pass the same test with the arguments
 * they are handed (at most `MAX_CALL_DEPTH` deep, `NODE_BUDGET` nodes in all). `try` statements
 * whose `catch` neither throws nor awaits are the guard, wherever they stand; an `await` or any
 * other construct outside one answers "may reject", and so does a `return` of a value that may be
 * a promise (typed so, or `any`/`unknown`) without `await`, inside a guard or not: the function
 * adopts it, and the guard never sees its rejection.
 */

import type * as ts from 'typescript';
import { ARRAY_READS_THAT_CANNOT_THROW, CANNOT_THROW_CALLS, CANNOT_THROW_CONSTRUCTORS, CANNOT_THROW_TESTS, STRING_METHODS_THAT_CANNOT_THROW } from '../catalog/effects';
import { loadTypeScript } from './imports';

/** How many plain functions deep a call before the guard is followed (`format(line)` -> `escape(text)`). */
const MAX_CALL_DEPTH = 3;

/** At most this many syntax nodes are judged for one call. */
const NODE_BUDGET = 800;

/** `ts.TypeFlags` the judge reads; written out so untyped mode never loads `typescript`. */
const FLAGS = {
  any: 1,
  unknown: 2,
  stringLike: 4 | 128 | 134217728 | 268435456,
  nullish: 32768 | 65536 | 16384,
  symbolLike: 4096 | 8192,
  bigIntLike: 64 | 2048,
} as const;

type FunctionWithBody = ts.FunctionDeclaration | ts.MethodDeclaration | ts.FunctionExpression | ts.ArrowFunction;

/** The value each parameter of the judged function holds for this call: the type of its argument. */
type Frame = { readonly parameters: ReadonlyMap<ts.Symbol, ts.Type>; readonly depth: number };

/**
 * True when `declaration` (the one declaration of the signature `call` resolves to: a function, a
 * method, or a variable initialised with a function) is an `async` function with a block body in a
 * source file of the program (not a `.d.ts`) that holds at least one `try` statement, and nothing in that body outside a `try` whose
 * `catch` neither throws nor awaits can throw for the arguments of `call` (see the module comment).
 * False on anything it cannot follow, a spread argument, or the node budget spent.
 */
export function guardsEveryErrorFor(checker: ts.TypeChecker, call: ts.CallExpression, declaration: ts.Declaration): boolean {
  const typescript = loadTypeScript();
  const fn = functionOf(typescript, declaration);
  if (!fn || !fn.body || !typescript.isBlock(fn.body) || fn.asteriskToken || fn.getSourceFile().isDeclarationFile) return false;
  if (!fn.modifiers?.some((modifier) => modifier.kind === typescript.SyntaxKind.AsyncKeyword)) return false;
  // A helper that guards its work: at least one `try` of its own (an empty body is a stub, and a
  // body without one is `guarded-bodies.ts`'s "async in name only").
  if (!fn.body.statements.some((statement) => typescript.isTryStatement(statement))) return false;
  const judge = new ThrowJudge(checker, typescript);
  const frame = judge.bind(fn, call.arguments, null, 0);
  return frame !== null && judge.blockCannotThrow(fn.body, frame, true);
}

function functionOf(typescript: typeof ts, declaration: ts.Node): FunctionWithBody | null {
  const node = typescript.isVariableDeclaration(declaration) && declaration.initializer ? skipOuter(typescript, declaration.initializer) : declaration;
  if (typescript.isFunctionDeclaration(node) || typescript.isMethodDeclaration(node) || typescript.isFunctionExpression(node) || typescript.isArrowFunction(node)) return node;
  return null;
}

function skipOuter(typescript: typeof ts, node: ts.Expression): ts.Expression {
  let current = node;
  while (
    typescript.isParenthesizedExpression(current) ||
    typescript.isAsExpression(current) ||
    typescript.isNonNullExpression(current) ||
    typescript.isSatisfiesExpression(current) ||
    typescript.isTypeAssertionExpression(current)
  ) {
    current = current.expression;
  }
  return current;
}

/** Judges statements and expressions of one call's functions; holds the node budget. */
class ThrowJudge {
  private budget = NODE_BUDGET;

  constructor(
    private readonly checker: ts.TypeChecker,
    private readonly typescript: typeof ts,
  ) {}

  /**
   * The frame of `fn` called with `args` (their types read in `caller`'s frame, or from the checker
   * at the outermost call): each plain-named parameter that the body never assigns holds its
   * argument's type; a missing argument leaves the declared type (with its default). Null for a
   * spread argument.
   */
  bind(fn: FunctionWithBody, args: readonly ts.Expression[], caller: Frame | null, depth: number): Frame | null {
    const K = this.typescript.SyntaxKind;
    if (args.some((argument) => argument.kind === K.SpreadElement)) return null;
    const parameters = new Map<ts.Symbol, ts.Type>();
    const assigned = fn.body ? assignedNames(this.typescript, fn.body) : new Set<string>();
    fn.parameters.forEach((parameter, index) => {
      const argument = args[index];
      if (!argument || parameter.dotDotDotToken || !this.typescript.isIdentifier(parameter.name) || assigned.has(parameter.name.text)) return;
      const symbol = this.checker.getSymbolAtLocation(parameter.name);
      if (symbol) parameters.set(symbol, this.typeOf(argument, caller));
    });
    return { parameters, depth };
  }

  /** The type `node` holds: its parameter's argument type when it names a bound parameter, else the checker's. */
  private typeOf(node: ts.Expression, frame: Frame | null): ts.Type {
    const value = skipOuter(this.typescript, node);
    if (frame && this.typescript.isIdentifier(value)) {
      const symbol = this.checker.getSymbolAtLocation(value);
      const bound = symbol ? frame.parameters.get(symbol) : undefined;
      if (bound) return bound;
    }
    return this.checker.getTypeAtLocation(value);
  }

  private spend(): boolean {
    this.budget -= 1;
    return this.budget >= 0;
  }

  /** Every statement of `block` cannot throw; `asyncBody`: the body of the async function judged (a `return` there may hand out a promise). */
  blockCannotThrow(block: ts.Block, frame: Frame, asyncBody: boolean): boolean {
    return block.statements.every((statement) => this.statementCannotThrow(statement, frame, asyncBody));
  }

  private statementCannotThrow(statement: ts.Statement, frame: Frame, asyncBody: boolean): boolean {
    if (!this.spend()) return false;
    const typescript = this.typescript;
    if (typescript.isTryStatement(statement)) return this.isGuard(statement, asyncBody);
    if (typescript.isBlock(statement)) return this.blockCannotThrow(statement, frame, asyncBody);
    if (typescript.isEmptyStatement(statement)) return true;
    if (typescript.isExpressionStatement(statement)) return this.cannotThrow(statement.expression, frame);
    if (typescript.isReturnStatement(statement)) {
      return !statement.expression || (this.cannotThrow(statement.expression, frame) && !(asyncBody && this.mayBeThenable(statement.expression, frame)));
    }
    if (typescript.isIfStatement(statement)) {
      return (
        this.cannotThrow(statement.expression, frame) &&
        this.statementCannotThrow(statement.thenStatement, frame, asyncBody) &&
        (!statement.elseStatement || this.statementCannotThrow(statement.elseStatement, frame, asyncBody))
      );
    }
    if (typescript.isVariableStatement(statement)) {
      return statement.declarationList.declarations.every(
        (declaration) => typescript.isIdentifier(declaration.name) && (!declaration.initializer || this.cannotThrow(declaration.initializer, frame)),
      );
    }
    return false;
  }

  /**
   * A `try` with a `catch` and a `finally` (if any) that neither throw nor await: whatever its block
   * throws stays inside. In an async body, a `return` of the block (outside nested functions) must
   * return an awaited value or one that cannot throw: a returned promise rejects past the guard.
   */
  private isGuard(statement: ts.TryStatement, asyncBody: boolean): boolean {
    const clause = statement.catchClause;
    if (!clause || !this.isQuiet(clause.block) || (statement.finallyBlock && !this.isQuiet(statement.finallyBlock))) return false;
    if (!asyncBody) return true;
    const typescript = this.typescript;
    let escapes = false;
    const visit = (node: ts.Node): void => {
      if (escapes || typescript.isFunctionLike(node) || typescript.isClassLike(node)) return;
      if (typescript.isReturnStatement(node) && node.expression && !typescript.isAwaitExpression(skipOuter(typescript, node.expression))) {
        if (this.mayBeThenable(node.expression, null)) escapes = true;
        return;
      }
      typescript.forEachChild(node, visit);
    };
    visit(statement.tryBlock);
    return !escapes;
  }

  /** The value of `node` may be a promise an async function adopts: its type is `any`, `unknown`, or has a part with a `then`. */
  private mayBeThenable(node: ts.Expression, frame: Frame | null): boolean {
    const type = this.typeOf(node, frame);
    if (this.hasFlag(type, FLAGS.any | FLAGS.unknown)) return true;
    const parts = type.isUnion() ? type.types : [type];
    return parts.some((part) => this.checker.getApparentType(part).getProperty('then') !== undefined);
  }

  /** A handler block with no `throw`, `await` or `yield` anywhere in it (nested functions included). */
  private isQuiet(block: ts.Block): boolean {
    const typescript = this.typescript;
    const visit = (node: ts.Node): boolean =>
      !(typescript.isThrowStatement(node) || typescript.isAwaitExpression(node) || typescript.isYieldExpression(node)) && typescript.forEachChild(node, (child) => (visit(child) ? undefined : true)) === undefined;
    return visit(block);
  }

  /** Evaluating `node` cannot throw (see the module comment). */
  cannotThrow(node: ts.Expression, frame: Frame): boolean {
    if (!this.spend()) return false;
    const typescript = this.typescript;
    const K = typescript.SyntaxKind;
    const value = skipOuter(typescript, node);
    switch (value.kind) {
      case K.StringLiteral:
      case K.NumericLiteral:
      case K.NoSubstitutionTemplateLiteral:
      case K.RegularExpressionLiteral:
      case K.TrueKeyword:
      case K.FalseKeyword:
      case K.NullKeyword:
      case K.ThisKeyword:
      case K.Identifier:
      case K.ArrowFunction:
      case K.FunctionExpression:
        return true;
    }
    if (typescript.isTemplateExpression(value)) {
      return value.templateSpans.every((span) => this.cannotThrow(span.expression, frame) && !this.hasFlag(this.typeOf(span.expression, frame), FLAGS.symbolLike));
    }
    if (typescript.isPrefixUnaryExpression(value) || typescript.isPostfixUnaryExpression(value)) {
      const increments = value.operator === K.PlusPlusToken || value.operator === K.MinusMinusToken;
      if (increments) return typescript.isIdentifier(value.operand);
      return this.cannotThrow(value.operand, frame) && !this.hasFlag(this.typeOf(value.operand, frame), FLAGS.symbolLike | FLAGS.bigIntLike);
    }
    if (typescript.isTypeOfExpression(value) || typescript.isVoidExpression(value)) return this.cannotThrow(value.expression, frame);
    if (typescript.isConditionalExpression(value)) {
      return this.cannotThrow(value.condition, frame) && this.cannotThrow(value.whenTrue, frame) && this.cannotThrow(value.whenFalse, frame);
    }
    if (typescript.isBinaryExpression(value)) return this.binaryCannotThrow(value, frame);
    if (typescript.isArrayLiteralExpression(value)) {
      return value.elements.every((element) =>
        typescript.isSpreadElement(element) ? this.cannotThrow(element.expression, frame) && this.isSpreadable(this.typeOf(element.expression, frame)) : this.cannotThrow(element, frame),
      );
    }
    if (typescript.isObjectLiteralExpression(value)) {
      return value.properties.every((property) => {
        if (typescript.isPropertyAssignment(property)) {
          return (!typescript.isComputedPropertyName(property.name) || this.cannotThrow(property.name.expression, frame)) && this.cannotThrow(property.initializer, frame);
        }
        if (typescript.isSpreadAssignment(property)) return this.cannotThrow(property.expression, frame);
        return typescript.isShorthandPropertyAssignment(property) || typescript.isMethodDeclaration(property) || typescript.isAccessor(property);
      });
    }
    if (typescript.isPropertyAccessExpression(value)) {
      return this.cannotThrow(value.expression, frame) && (value.expression.kind === K.ThisKeyword || this.isReadable(value.expression, frame, value.questionDotToken !== undefined));
    }
    if (typescript.isElementAccessExpression(value)) {
      return (
        this.cannotThrow(value.expression, frame) &&
        this.cannotThrow(value.argumentExpression, frame) &&
        this.isReadable(value.expression, frame, value.questionDotToken !== undefined)
      );
    }
    if (typescript.isCallExpression(value)) return this.callCannotThrow(value, frame);
    if (typescript.isNewExpression(value)) return this.constructionCannotThrow(value, frame);
    return false;
  }

  private binaryCannotThrow(value: ts.BinaryExpression, frame: Frame): boolean {
    const K = this.typescript.SyntaxKind;
    const operator = value.operatorToken.kind;
    if (operator === K.InKeyword || operator === K.InstanceOfKeyword) return false;
    if (operator >= K.FirstAssignment && operator <= K.LastAssignment) {
      // Only a local name is written (a member may be a setter, or frozen).
      return this.typescript.isIdentifier(skipOuter(this.typescript, value.left)) && this.cannotThrow(value.right, frame);
    }
    if (!this.cannotThrow(value.left, frame) || !this.cannotThrow(value.right, frame)) return false;
    const logical = operator === K.AmpersandAmpersandToken || operator === K.BarBarToken || operator === K.QuestionQuestionToken || operator === K.CommaToken;
    const compares = operator === K.EqualsEqualsEqualsToken || operator === K.ExclamationEqualsEqualsToken;
    if (logical || compares) return true;
    // Arithmetic and other comparisons convert: a symbol, or a BigInt mixed with a number, throws.
    return ![value.left, value.right].some((operand) => this.hasFlag(this.typeOf(operand, frame), FLAGS.symbolLike | FLAGS.bigIntLike));
  }

  /** Reading a member of `object` cannot throw: its type (for this call) is known, and not nullable unless the read is optional. */
  private isReadable(object: ts.Expression, frame: Frame, optional: boolean): boolean {
    const type = this.typeOf(object, frame);
    if (this.hasFlag(type, FLAGS.any | FLAGS.unknown)) return false;
    return optional || !this.hasFlag(type, FLAGS.nullish);
  }

  /** A value `...spread` into an array: an array, a tuple or a string, for every part of its type. */
  private isSpreadable(type: ts.Type): boolean {
    const parts = type.isUnion() ? type.types : [type];
    return parts.every((part) => this.checker.isArrayType(part) || this.checker.isTupleType(part) || this.isString(part));
  }

  private isString(type: ts.Type): boolean {
    const parts = type.isUnion() ? type.types : [type];
    return parts.length > 0 && parts.every((part) => (part.flags & FLAGS.stringLike) !== 0);
  }

  private isArray(type: ts.Type): boolean {
    const parts = type.isUnion() ? type.types : [type];
    return parts.length > 0 && parts.every((part) => this.checker.isArrayType(part) || this.checker.isTupleType(part));
  }

  /** Some part of `type` (a union's members, or the type itself) has one of `flags`. */
  private hasFlag(type: ts.Type, flags: number): boolean {
    if (type.flags & flags) return true;
    return type.isUnion() && type.types.some((part) => (part.flags & flags) !== 0);
  }

  private callCannotThrow(call: ts.CallExpression, frame: Frame): boolean {
    const typescript = this.typescript;
    if (call.arguments.some((argument) => typescript.isSpreadElement(argument) || !this.cannotThrow(argument, frame))) return false;
    const callee = skipOuter(typescript, call.expression);
    const path = staticPath(typescript, callee);
    if (path !== null && (CANNOT_THROW_TESTS.has(path) || (CANNOT_THROW_CALLS.has(path) && call.arguments.length === 0)) && this.isGlobalCall(callee)) return true;
    if (typescript.isPropertyAccessExpression(callee) && typescript.isIdentifier(callee.name) && this.cannotThrow(callee.expression, frame)) {
      const method = callee.name.text;
      const receiver = this.typeOf(callee.expression, frame);
      if (this.isString(receiver) && STRING_METHODS_THAT_CANNOT_THROW.has(method)) return this.callbacksCannotThrow(call, frame);
      if (this.isArray(receiver) && ARRAY_READS_THAT_CANNOT_THROW.has(method)) return true;
    }
    return this.programFunctionCannotThrow(call, frame);
  }

  /** Every function passed to `call` (`text.replace(/[<>]/g, (c) => table[c])`) runs without throwing, its parameters as the checker types them. */
  private callbacksCannotThrow(call: ts.CallExpression, frame: Frame): boolean {
    const typescript = this.typescript;
    return call.arguments.every((argument) => {
      const fn = skipOuter(typescript, argument);
      if (!typescript.isArrowFunction(fn) && !typescript.isFunctionExpression(fn)) return true;
      if (fn.modifiers?.some((modifier) => modifier.kind === typescript.SyntaxKind.AsyncKeyword) || fn.asteriskToken) return false;
      const inner: Frame = { parameters: frame.parameters, depth: frame.depth + 1 };
      if (inner.depth > MAX_CALL_DEPTH) return false;
      return typescript.isBlock(fn.body) ? this.blockCannotThrow(fn.body, inner, false) : this.cannotThrow(fn.body, inner);
    });
  }

  /**
   * A call of a plain function or method of the program (one declaration with a body, not in a
   * `.d.ts`, neither `async` nor a generator) whose body cannot throw with these arguments.
   */
  private programFunctionCannotThrow(call: ts.CallExpression, frame: Frame): boolean {
    const typescript = this.typescript;
    if (frame.depth + 1 > MAX_CALL_DEPTH) return false;
    const declaration = this.checker.getResolvedSignature(call)?.getDeclaration();
    const fn = declaration ? functionOf(typescript, declaration) : null;
    if (!fn || !fn.body || fn.asteriskToken || fn.getSourceFile().isDeclarationFile) return false;
    if (fn.modifiers?.some((modifier) => modifier.kind === typescript.SyntaxKind.AsyncKeyword)) return false;
    const inner = this.bind(fn, call.arguments, frame, frame.depth + 1);
    if (!inner) return false;
    return typescript.isBlock(fn.body) ? this.blockCannotThrow(fn.body, inner, false) : this.cannotThrow(fn.body, inner);
  }

  /** `new Date(...)`, `new Set(array)`, `new Map()`: a global constructor of the catalog, with arguments it cannot reject. */
  private constructionCannotThrow(construction: ts.NewExpression, frame: Frame): boolean {
    const typescript = this.typescript;
    const callee = skipOuter(typescript, construction.expression);
    if (!typescript.isIdentifier(callee) || !CANNOT_THROW_CONSTRUCTORS.has(callee.text) || !this.isGlobalCall(callee)) return false;
    const args = construction.arguments ?? [];
    if (args.length === 0) return true;
    if (args.some((argument) => typescript.isSpreadElement(argument) || !this.cannotThrow(argument, frame))) return false;
    if (callee.text === 'Date') return true;
    return (callee.text === 'Set' || callee.text === 'WeakSet') && args.length === 1 && args[0] !== undefined && this.isArray(this.typeOf(args[0], frame));
  }

  /** The root name of `callee` is declared only in a library file (a global, not a local of the same name). */
  private isGlobalCall(callee: ts.Expression): boolean {
    let root: ts.Expression = callee;
    while (this.typescript.isPropertyAccessExpression(root)) root = root.expression;
    const symbol = this.typescript.isIdentifier(root) ? this.checker.getSymbolAtLocation(root) : undefined;
    const declarations = symbol?.declarations ?? [];
    return declarations.length > 0 && declarations.every((declaration) => declaration.getSourceFile().isDeclarationFile);
  }
}

/** `Array.isArray` for `Array.isArray(x)`'s callee: names joined by dots, or null for anything else. */
function staticPath(typescript: typeof ts, callee: ts.Expression): string | null {
  if (typescript.isIdentifier(callee)) return callee.text;
  if (typescript.isPropertyAccessExpression(callee) && typescript.isIdentifier(callee.name)) {
    const object = staticPath(typescript, callee.expression);
    return object === null ? null : `${object}.${callee.name.text}`;
  }
  return null;
}

/** The names a body assigns (`x = ...`, `x += ...`, `x++`), nested functions included. */
function assignedNames(typescript: typeof ts, body: ts.Node): ReadonlySet<string> {
  const K = typescript.SyntaxKind;
  const names = new Set<string>();
  const visit = (node: ts.Node): void => {
    if (typescript.isBinaryExpression(node) && node.operatorToken.kind >= K.FirstAssignment && node.operatorToken.kind <= K.LastAssignment) {
      const target = skipOuter(typescript, node.left);
      if (typescript.isIdentifier(target)) names.add(target.text);
      // A destructuring assignment writes its names too: treat every name in it as written.
      else if (typescript.isArrayLiteralExpression(target) || typescript.isObjectLiteralExpression(target)) collectNames(typescript, target, names);
    } else if ((typescript.isPrefixUnaryExpression(node) || typescript.isPostfixUnaryExpression(node)) && typescript.isIdentifier(node.operand)) {
      if (node.operator === K.PlusPlusToken || node.operator === K.MinusMinusToken) names.add(node.operand.text);
    }
    typescript.forEachChild(node, visit);
  };
  visit(body);
  return names;
}

function collectNames(typescript: typeof ts, node: ts.Node, names: Set<string>): void {
  if (typescript.isIdentifier(node)) names.add(node.text);
  typescript.forEachChild(node, (child) => collectNames(typescript, child, names));
}

/**
 * True when what runs for a call of `declaration` may be another body: an instance method (not
 * static, not `private` nor `#private`) of a class that has no name, or whose name follows
 * `extends` in a source file of the program (`class Loud extends RoomLog`, `extends logs.RoomLog`;
 * read as text, so a mention in a comment also counts). `known` caches the answer per class name
 * for the linted file.
 */
export function mayBeExtended(program: ts.Program, declaration: ts.Declaration, known: Map<string, boolean>): boolean {
  const typescript = loadTypeScript();
  if (!typescript.isMethodDeclaration(declaration)) return false;
  const modifiers = typescript.getCombinedModifierFlags(declaration);
  if (modifiers & (typescript.ModifierFlags.Static | typescript.ModifierFlags.Private) || typescript.isPrivateIdentifier(declaration.name)) return false;
  const owner = declaration.parent;
  if (!typescript.isClassLike(owner) || !owner.name) return typescript.isClassLike(owner);
  const name = owner.name.text;
  let answer = known.get(name);
  if (answer === undefined) {
    const pattern = new RegExp(`\\bextends\\s+(?:[\\w$]+\\.)*${name.replace(/\$/g, '\\$')}(?![\\w$])`);
    answer = program.getSourceFiles().some((file) => !file.isDeclarationFile && file.text.includes(name) && pattern.test(file.text));
    known.set(name, answer);
  }
  return answer;
}
