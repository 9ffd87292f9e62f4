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
 * the program, so it runs only in typed mode, and only for a dropped call `no-floating-promises` is
 * about to report (`FileEffects.guardsEveryErrorTyped`; no effect summary asks it).
 *
 * What "cannot throw" accepts is deliberately small (see `ThrowJudge`): literals, names, reads of
 * members of a value whose type is neither nullable nor `any`/`unknown` and that is not an index
 * read that may miss (`lines[0]` without `noUncheckedIndexedAccess`), operators that convert only
 * values typed neither `any`/`unknown` nor symbol, the string and array methods of the catalog on
 * a receiver the types prove a string or an array, a few global tests (`Array.isArray`), and calls
 * of plain (not `async`) functions of the program whose bodies pass the same test with the
 * arguments they are handed (at most `MAX_CALL_DEPTH` deep, `NODE_BUDGET` nodes in all).
 * Parameters' defaults and destructuring run in the body and are judged too. `try` statements
 * whose `catch` (and `finally`) hand nothing on (`isQuiet`: no throw, await, return of a possible
 * promise, or call that may throw) are the guard, wherever they stand; an `await` or any other
 * construct outside one answers "may reject", and so does a `return` of a value that may be a
 * promise (typed so, or `any`/`unknown`) without `await`, inside a guard or not: the function
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
export function guardsEveryErrorFor(program: ts.Program, call: ts.CallExpression, declaration: ts.Declaration): boolean {
  const checker = program.getTypeChecker();
  const typescript = loadTypeScript();
  const fn = functionOf(typescript, declaration);
  if (!fn || !fn.body || !typescript.isBlock(fn.body) || fn.asteriskToken || fn.getSourceFile().isDeclarationFile) return false;
  if (!fn.modifiers?.some((modifier) => modifier.kind === typescript.SyntaxKind.AsyncKeyword)) return false;
  // A helper that guards its work: at least one `try` of its own (an empty body is a stub, and a
  // body without one is `guarded-bodies.ts`'s "async in name only").
  if (!fn.body.statements.some((statement) => typescript.isTryStatement(statement))) return false;
  const judge = new ThrowJudge(checker, typescript, program.getCompilerOptions().noUncheckedIndexedAccess === true);
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
    /** `noUncheckedIndexedAccess`: an index read's type already holds `undefined` when it may miss. */
    private readonly indexReadsTyped: boolean,
  ) {}

  /**
   * The frame of `fn` called with `args` (their types read in `caller`'s frame, or from the checker
   * at the outermost call): each plain-named parameter that the body never assigns holds its
   * argument's type; a missing argument leaves the declared type (with its default). Null for a
   * spread argument, and for a parameter whose binding may throw inside the function: a default
   * that is not `cannotThrow` (`stamp = this.stampOf(line)` runs in the function's body), or a
   * destructured parameter (`{ text }: Line`) whose argument may be `any`, `unknown` or nullable,
   * holds a default, or nests another pattern.
   */
  bind(fn: FunctionWithBody, args: readonly ts.Expression[], caller: Frame | null, depth: number): Frame | null {
    const typescript = this.typescript;
    const K = typescript.SyntaxKind;
    if (args.some((argument) => argument.kind === K.SpreadElement)) return null;
    const parameters = new Map<ts.Symbol, ts.Type>();
    const frame: Frame = { parameters, depth };
    const assigned = fn.body ? assignedNames(typescript, fn.body) : new Set<string>();
    for (const [index, parameter] of fn.parameters.entries()) {
      const argument = args[index];
      const type = argument ? this.typeOf(argument, caller) : this.checker.getTypeAtLocation(parameter);
      if (parameter.initializer && !this.cannotThrow(parameter.initializer, frame)) return null;
      if (!typescript.isIdentifier(parameter.name)) {
        if (parameter.dotDotDotToken || this.hasFlag(type, FLAGS.any | FLAGS.unknown | FLAGS.nullish)) return null;
        if (typescript.isArrayBindingPattern(parameter.name) && !this.isArray(type)) return null;
        const plain = (parameter.name.elements as readonly ts.Node[]).every(
          (element) => typescript.isOmittedExpression(element) || (typescript.isBindingElement(element) && typescript.isIdentifier(element.name) && !element.initializer && !element.dotDotDotToken),
        );
        if (!plain) return null;
        continue;
      }
      if (!argument || parameter.dotDotDotToken || assigned.has(parameter.name.text)) continue;
      const symbol = this.checker.getSymbolAtLocation(parameter.name);
      if (symbol) parameters.set(symbol, type);
    }
    return frame;
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
    if (typescript.isTryStatement(statement)) return this.isGuard(statement, frame, asyncBody);
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
   * A `try` with a `catch` and a `finally` (if any) that are quiet (`isQuiet`): whatever its block
   * throws stays inside. In an async body, a `return` of the block (outside nested functions) must
   * return an awaited value or one that cannot throw: a returned promise rejects past the guard.
   */
  private isGuard(statement: ts.TryStatement, frame: Frame, asyncBody: boolean): boolean {
    const clause = statement.catchClause;
    if (!clause || !this.isQuiet(clause.block, frame) || (statement.finallyBlock && !this.isQuiet(statement.finallyBlock, frame))) return false;
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

  /**
   * A `catch` or `finally` block that hands nothing on: no `throw`, `await` or `yield` anywhere in
   * it (nested functions included); no `return` of a value that may be a promise (`return
   * this.retryLater(line)`: the function adopts it, and its rejection); and every call outside
   * nested functions either `cannotThrow` or is a global `console` method handed arguments that
   * cannot throw (`console.warn('not sent', error)`). `this.fallback.write(error.message)` may
   * throw, and its throw rejects the function.
   */
  private isQuiet(block: ts.Block, frame: Frame): boolean {
    const typescript = this.typescript;
    const quiet = (node: ts.Node): boolean =>
      !(typescript.isThrowStatement(node) || typescript.isAwaitExpression(node) || typescript.isYieldExpression(node)) && typescript.forEachChild(node, (child) => (quiet(child) ? undefined : true)) === undefined;
    if (!quiet(block)) return false;
    let hands = false;
    const visit = (node: ts.Node): void => {
      if (hands || typescript.isFunctionLike(node) || typescript.isClassLike(node)) return;
      if (typescript.isReturnStatement(node) && node.expression && this.mayBeThenable(node.expression, frame)) hands = true;
      else if ((typescript.isCallExpression(node) && !this.isConsoleCall(node, frame) && !this.cannotThrow(node, frame)) || typescript.isNewExpression(node)) hands = true;
      else typescript.forEachChild(node, visit);
    };
    visit(block);
    return !hands;
  }

  /** `console.warn('not sent', error)`: the global console, handed arguments that cannot throw. */
  private isConsoleCall(call: ts.CallExpression, frame: Frame): boolean {
    const callee = skipOuter(this.typescript, call.expression);
    const path = staticPath(this.typescript, callee);
    return path !== null && /^console\.\w+$/.test(path) && this.isGlobalCall(callee) && call.arguments.every((argument) => !this.typescript.isSpreadElement(argument) && this.cannotThrow(argument, frame));
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
      // A symbol throws; so may a value typed `any` or `unknown` (a symbol, an object without `toString`).
      return value.templateSpans.every((span) => this.cannotThrow(span.expression, frame) && !this.hasFlag(this.typeOf(span.expression, frame), FLAGS.symbolLike | FLAGS.any | FLAGS.unknown));
    }
    if (typescript.isPrefixUnaryExpression(value) || typescript.isPostfixUnaryExpression(value)) {
      const increments = value.operator === K.PlusPlusToken || value.operator === K.MinusMinusToken;
      if (increments) return typescript.isIdentifier(value.operand);
      return this.cannotThrow(value.operand, frame) && !this.hasFlag(this.typeOf(value.operand, frame), FLAGS.symbolLike | FLAGS.bigIntLike | FLAGS.any | FLAGS.unknown);
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
    // Arithmetic and other comparisons convert: a symbol, or a BigInt mixed with a number, throws,
    // and a value typed `any` or `unknown` may be either.
    return ![value.left, value.right].some((operand) => this.hasFlag(this.typeOf(operand, frame), FLAGS.symbolLike | FLAGS.bigIntLike | FLAGS.any | FLAGS.unknown));
  }

  /**
   * Reading a member of `object` cannot throw: its type (for this call) is known, and not nullable
   * unless the read is optional, nor an index read that may miss (`mayMiss`).
   */
  private isReadable(object: ts.Expression, frame: Frame, optional: boolean): boolean {
    const type = this.typeOf(object, frame);
    if (this.hasFlag(type, FLAGS.any | FLAGS.unknown)) return false;
    return optional || (!this.hasFlag(type, FLAGS.nullish) && !this.mayMiss(object, frame));
  }

  /**
   * `lines[0]`, `text.split(' ')[1]`: an index read whose value may be `undefined` though its type
   * does not say so (the program does not turn on `noUncheckedIndexedAccess`), or a variable
   * initialised with one (`const first = lines[0]`). Not a tuple read at
   * an index inside it, nor a read of a declared, required property by its literal name.
   */
  private mayMiss(node: ts.Expression, frame: Frame, depth = 0): boolean {
    const typescript = this.typescript;
    const value = skipOuter(typescript, node);
    if (this.indexReadsTyped) return false;
    // `const first = lines[0]; first.trim()`: a local that holds such a read may miss as well.
    if (typescript.isIdentifier(value) && depth < 3) {
      const declaration = this.checker.getSymbolAtLocation(value)?.valueDeclaration;
      return declaration !== undefined && typescript.isVariableDeclaration(declaration) && declaration.initializer !== undefined && this.mayMiss(declaration.initializer, frame, depth + 1);
    }
    if (!typescript.isElementAccessExpression(value)) return false;
    const index = skipOuter(typescript, value.argumentExpression);
    const object = this.typeOf(value.expression, frame);
    if (typescript.isNumericLiteral(index) && this.checker.isTupleType(object)) {
      const target = (object as ts.TypeReference).target as ts.TupleType;
      return Number(index.text) >= target.minLength;
    }
    if (typescript.isStringLiteral(index) || typescript.isNoSubstitutionTemplateLiteral(index)) {
      const property = this.checker.getApparentType(object).getProperty(index.text);
      return !property || (property.flags & typescript.SymbolFlags.Optional) !== 0;
    }
    return true;
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
    // `lines[0].trim()`: the element may be missing, and the call then throws.
    if (typescript.isPropertyAccessExpression(callee) && !callee.questionDotToken && this.mayMiss(callee.expression, frame)) return false;
    if (typescript.isPropertyAccessExpression(callee) && typescript.isIdentifier(callee.name) && this.cannotThrow(callee.expression, frame)) {
      const method = callee.name.text;
      const receiver = this.typeOf(callee.expression, frame);
      if (this.isString(receiver) && STRING_METHODS_THAT_CANNOT_THROW.has(method)) return this.argumentsArePlain(call, frame, method) && this.callbacksCannotThrow(call, frame);
      if (this.isArray(receiver) && ARRAY_READS_THAT_CANNOT_THROW.has(method)) return this.argumentsArePlain(call, frame, method) && (method !== 'join' || this.elementsConvert(receiver));
    }
    return this.programFunctionCannotThrow(call, frame);
  }

  /**
   * The arguments of a catalogued string or array method are typed neither `any`/`unknown` nor a
   * symbol (`slice(key)` with a symbol throws), and `includes`/`startsWith`/`endsWith` are not
   * handed a regular expression (they throw for one).
   */
  private argumentsArePlain(call: ts.CallExpression, frame: Frame, method: string): boolean {
    const searches = method === 'includes' || method === 'startsWith' || method === 'endsWith';
    return call.arguments.every((argument) => {
      const type = this.typeOf(argument, frame);
      if (this.hasFlag(type, FLAGS.any | FLAGS.unknown | FLAGS.symbolLike)) return false;
      const parts = type.isUnion() ? type.types : [type];
      return !searches || !parts.some((part) => this.checker.getApparentType(part).getProperty('exec') !== undefined);
    });
  }

  /** `lines.join('\n')` calls each element's `toString`: every array part's elements are strings, numbers or booleans (maybe nullish). */
  private elementsConvert(receiver: ts.Type): boolean {
    const parts = receiver.isUnion() ? receiver.types : [receiver];
    return parts.every((part) =>
      this.checker.getTypeArguments(part as ts.TypeReference).every((element) => {
        const members = element.isUnion() ? element.types : [element];
        return members.every((member) => (member.flags & (FLAGS.stringLike | FLAGS.nullish | 8 | 256 | 16 | 512)) !== 0);
      }),
    );
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
 * static, not `private` nor `#private`) of a class that has no name, or whose name a heritage
 * clause of a source file of the program mentions (`heritageNames`).
 */
export function mayBeExtended(program: ts.Program, declaration: ts.Declaration): boolean {
  const typescript = loadTypeScript();
  if (!typescript.isMethodDeclaration(declaration)) return false;
  const modifiers = typescript.getCombinedModifierFlags(declaration);
  if (modifiers & (typescript.ModifierFlags.Static | typescript.ModifierFlags.Private) || typescript.isPrivateIdentifier(declaration.name)) return false;
  const owner = declaration.parent;
  if (!typescript.isClassLike(owner) || !owner.name) return typescript.isClassLike(owner);
  return heritageNames(program).has(owner.name.text);
}

/**
 * True when the member a call goes through (`commands.runNamed(...)`, `presence.refresh()`) is a
 * property of an object literal that set-up code may replace, as the untyped reading of other
 * modules takes it (`propertyFunction` in other-modules.ts): a property holding a function under
 * another name or an arrow (`{ runNamed: runLogged }`: a plug-in point with a default), or a
 * method or shorthand property whose name a statement of its file assigns (`presence.refresh =
 * next`; read as text, as `heritageNames` reads clauses: a name too many only keeps a report). The
 * checker names the literal's function; what runs may be another, so its body proves nothing.
 */
export function mayBeReplaced(checker: ts.TypeChecker, callee: ts.Node): boolean {
  const typescript = loadTypeScript();
  if (!typescript.isPropertyAccessExpression(callee)) return false;
  const name = callee.name.text;
  for (const declaration of checker.getSymbolAtLocation(callee.name)?.declarations ?? []) {
    if (!typescript.isObjectLiteralExpression(declaration.parent)) continue;
    if (typescript.isPropertyAssignment(declaration)) return true;
    if (!typescript.isShorthandPropertyAssignment(declaration) && !typescript.isMethodDeclaration(declaration)) continue;
    if (new RegExp(`\\.\\s*${name.replace(/\$/g, '\\$')}\\s*=(?![=>])`).test(declaration.getSourceFile().text)) return true;
  }
  return false;
}

/** `heritageNames`' answer per program: one scan of the program's text however many files are linted. */
const heritageByProgram = new WeakMap<ts.Program, ReadonlySet<string>>();

/**
 * Every name a heritage clause of a source file (not a `.d.ts`) of `program` mentions: what
 * follows `extends` or `implements` up to the next `{` (`class Loud extends logs.RoomLog`,
 * `class FileLog implements ConsoleLog, Closable`, `class Timed extends Stamped(ConsoleLog)`).
 * Read as text, so a clause in a comment, a type parameter's constraint or an interface also
 * counts: a name too many only keeps a report.
 */
function heritageNames(program: ts.Program): ReadonlySet<string> {
  let names = heritageByProgram.get(program);
  if (names === undefined) {
    const found = new Set<string>();
    const clause = /\b(?:extends|implements)\s([^{;]{0,400})/g;
    for (const file of program.getSourceFiles()) {
      if (file.isDeclarationFile) continue;
      for (const match of file.text.matchAll(clause)) {
        for (const name of (match[1] ?? '').matchAll(/[A-Za-z_$][\w$]*/g)) found.add(name[0]);
      }
    }
    names = found;
    heritageByProgram.set(program, names);
  }
  return names;
}
