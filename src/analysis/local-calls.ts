import { AST_NODE_TYPES, type TSESLint, type TSESTree } from '@typescript-eslint/utils';
import { INLINE_CALLBACK_METHODS } from '../catalog/inline-callbacks';
import { variableOfIdentifier } from '../util/ast';
import { type ExecutionContext, type FunctionNode, getExecutionContext } from './async-context';
import { forEachChild } from './dependencies';

/** A function of the file that a call invokes, resolved by scope, with the name it is called by. */
export interface LocalFunction {
  readonly node: FunctionNode;
  readonly name: string;
}

/**
 * The name a call invokes synchronously, right there: its callee `name(...)`, the method name of
 * `this.name(...)` / `this.#name(...)` (a method of the class the call is written in, see
 * `resolveInvoked`), or a function passed by name to a method that calls its callback inline
 * (`items.map(parse)`, see `INLINE_CALLBACK_METHODS`); null for any other call.
 */
export function invokedIdentifier(call: TSESTree.CallExpression): InvokedName | null {
  const callee = call.callee;
  if (callee.type === AST_NODE_TYPES.Identifier) return callee;
  if (
    callee.type === AST_NODE_TYPES.MemberExpression &&
    !callee.computed &&
    callee.object.type === AST_NODE_TYPES.ThisExpression &&
    (callee.property.type === AST_NODE_TYPES.Identifier || callee.property.type === AST_NODE_TYPES.PrivateIdentifier)
  ) {
    return callee.property;
  }
  const callback = call.arguments[0];
  if (
    callee.type === AST_NODE_TYPES.MemberExpression &&
    !callee.computed &&
    callee.property.type === AST_NODE_TYPES.Identifier &&
    INLINE_CALLBACK_METHODS.has(callee.property.name) &&
    callback?.type === AST_NODE_TYPES.Identifier
  ) {
    return callback;
  }
  return null;
}

/** What `invokedIdentifier` returns: a called identifier, or the property of `this.name` / `this.#name`. */
export type InvokedName = TSESTree.Identifier | TSESTree.PrivateIdentifier;

/** The key a name is matched by: `name`, or `#name` for a private name. */
function nameKey(name: InvokedName): string {
  return name.type === AST_NODE_TYPES.PrivateIdentifier ? `#${name.name}` : name.name;
}

/** Resolutions already made for one file: functions by variable, methods by class body and key. */
export interface ResolutionCache {
  readonly variables: Map<TSESLint.Scope.Variable, LocalFunction | null>;
  readonly methods: Map<TSESTree.ClassBody, Map<string, LocalFunction | null>>;
}

export function newResolutionCache(): ResolutionCache {
  return { variables: new Map(), methods: new Map() };
}

/**
 * The function a name that `invokedIdentifier` returned invokes: a same-file function (see
 * `resolveLocalFunction`), or for `this.name(...)` the method of the class `this` is an instance
 * (or, in a static method, the constructor) of (see `resolveThisMethod`).
 */
export function resolveInvoked(
  invoked: InvokedName,
  sourceCode: Readonly<TSESLint.SourceCode>,
  cache: ResolutionCache,
): LocalFunction | null {
  const parent = invoked.parent;
  if (parent?.type === AST_NODE_TYPES.MemberExpression && parent.property === invoked) {
    return parent.object.type === AST_NODE_TYPES.ThisExpression ? resolveThisMethod(parent, cache) : null;
  }
  return invoked.type === AST_NODE_TYPES.Identifier ? resolveLocalFunction(invoked, sourceCode, cache.variables) : null;
}

/**
 * The class member that `this.name` (or `this.#name`) names, when the class body proves it: `this`
 * is the one of a method, constructor, accessor or field initializer of a class (arrow functions
 * in between keep it; any other function gives null), and that class declares exactly one member
 * of that name and the same `static`-ness with a body: a method (`hash(key) { ... }`) or a field
 * initialized with an arrow or function expression (`hash = (key) => ...`). Not async, not a
 * generator, not an accessor. A subclass in another file could override the method: the rule takes
 * the class's own definition, as a reader of the file does.
 */
function resolveThisMethod(member: TSESTree.MemberExpression, cache: ResolutionCache): LocalFunction | null {
  const property = member.property;
  if (property.type !== AST_NODE_TYPES.Identifier && property.type !== AST_NODE_TYPES.PrivateIdentifier) return null;
  let isStatic: boolean | null = null;
  let body: TSESTree.ClassBody | null = null;
  for (let current: TSESTree.Node | undefined = member.parent; current; current = current.parent) {
    if (current.type === AST_NODE_TYPES.ArrowFunctionExpression) continue;
    if (current.type === AST_NODE_TYPES.FunctionExpression) {
      const owner = current.parent;
      if (owner.type !== AST_NODE_TYPES.MethodDefinition || owner.value !== current) return null;
      isStatic = owner.static;
      body = owner.parent;
      break;
    }
    if (current.type === AST_NODE_TYPES.FunctionDeclaration) return null;
    if (current.type === AST_NODE_TYPES.PropertyDefinition) {
      isStatic = current.static;
      body = current.parent;
      break;
    }
    if (current.type === AST_NODE_TYPES.StaticBlock) {
      isStatic = true;
      body = current.parent;
      break;
    }
    if (current.type === AST_NODE_TYPES.ClassBody) return null;
  }
  if (!body || isStatic === null) return null;
  const key = `${isStatic ? 'static ' : ''}${nameKey(property)}`;
  let members = cache.methods.get(body);
  if (!members) {
    members = new Map();
    cache.methods.set(body, members);
  }
  let found = members.get(key);
  if (found === undefined) {
    found = classMethodOf(body, nameKey(property), isStatic);
    members.set(key, found);
  }
  return found;
}

/** The one member of `body` that `resolveThisMethod` accepts for `key` (`name` or `#name`), or null. */
function classMethodOf(body: TSESTree.ClassBody, key: string, isStatic: boolean): LocalFunction | null {
  let found: FunctionNode | null = null;
  for (const element of body.body) {
    if (
      (element.type !== AST_NODE_TYPES.MethodDefinition && element.type !== AST_NODE_TYPES.PropertyDefinition) ||
      element.computed ||
      element.static !== isStatic ||
      (element.key.type !== AST_NODE_TYPES.Identifier && element.key.type !== AST_NODE_TYPES.PrivateIdentifier) ||
      nameKey(element.key) !== key
    ) {
      continue;
    }
    if (element.type === AST_NODE_TYPES.MethodDefinition) {
      if (element.value.type === AST_NODE_TYPES.TSEmptyBodyFunctionExpression) continue; // an overload signature
      if (element.kind !== 'method' || found) return null;
      found = element.value;
    } else {
      const value = element.value;
      if (found || (value?.type !== AST_NODE_TYPES.ArrowFunctionExpression && value?.type !== AST_NODE_TYPES.FunctionExpression)) return null;
      found = value;
    }
  }
  if (!found || found.async || found.generator) return null;
  return { node: found, name: `this.${key}` };
}

/**
 * The function an identifier `name` that is called invokes, when scope analysis proves it: `name` is a
 * function declaration, or a `const` initialized with an arrow or function expression, and the
 * binding is never reassigned. Async functions and generators are not returned (calling them runs
 * nothing of their body synchronously, or runs it as its own async execution). Anything else
 * (parameters, imports, `let`, methods, `this.x()`) gives null: precision over reach.
 */
export function resolveLocalFunction(
  callee: TSESTree.Identifier,
  sourceCode: Readonly<TSESLint.SourceCode>,
  cache?: Map<TSESLint.Scope.Variable, LocalFunction | null>,
): LocalFunction | null {
  const variable = variableOfIdentifier(sourceCode, callee);
  if (!variable) return null;
  if (!cache) return localFunctionOf(variable);
  let found = cache.get(variable);
  if (found === undefined) {
    found = localFunctionOf(variable);
    cache.set(variable, found);
  }
  return found;
}

/**
 * The function `variable` names as `resolveLocalFunction` says. Scans the variable's references
 * once, so a caller that resolves many calls of one helper passes a cache keyed by variable.
 */
function localFunctionOf(variable: TSESLint.Scope.Variable): LocalFunction | null {
  if (variable.defs.length !== 1) return null;
  const definition = variable.defs[0];
  if (!definition) return null;
  let fn: TSESTree.Node | null = null;
  if (definition.type === 'FunctionName' && definition.node.type === AST_NODE_TYPES.FunctionDeclaration) {
    fn = definition.node;
  } else if (
    definition.type === 'Variable' &&
    definition.parent.kind === 'const' &&
    definition.node.id.type === AST_NODE_TYPES.Identifier
  ) {
    fn = definition.node.init;
  }
  if (
    !fn ||
    (fn.type !== AST_NODE_TYPES.FunctionDeclaration &&
      fn.type !== AST_NODE_TYPES.FunctionExpression &&
      fn.type !== AST_NODE_TYPES.ArrowFunctionExpression) ||
    fn.async ||
    fn.generator
  ) {
    return null;
  }
  const reassigned = variable.references.some((reference) => reference.isWrite() && !reference.init);
  return reassigned ? null : { node: fn, name: variable.name };
}

function contains(outer: TSESTree.Node, inner: TSESTree.Node): boolean {
  return outer.range[0] <= inner.range[0] && inner.range[1] <= outer.range[1];
}

/**
 * True when `node` runs every time `fn` runs, and its result is not cached outside `fn`:
 * - not in a branch between them: the consequent or alternate of an `if` or `?:`, the right side
 *   of `&&`/`||`/`??` or of `&&=`/`||=`/`??=`, a `switch` case, a `catch` clause (loops and `try`
 *   blocks count as running: `for (const f of files) readFileSync(f)`);
 * - not assigned to a variable declared outside `fn` (`cache = readFileSync(p)`): the lazy
 *   initialization of a module-level cache runs once, which callers reasonably accept.
 * A helper that blocks only on some path (`if (DEBUG) appendFileSync(...)`) or once is not
 * reported at its call sites: a reviewer could not say from the call that it blocks.
 */
export function isUnconditionalPart(
  node: TSESTree.Node,
  fn: FunctionNode,
  sourceCode: Readonly<TSESLint.SourceCode>,
): boolean {
  let child: TSESTree.Node = node;
  for (let parent = node.parent; parent && parent !== fn; child = parent, parent = parent.parent) {
    switch (parent.type) {
      case AST_NODE_TYPES.IfStatement:
      case AST_NODE_TYPES.ConditionalExpression:
        if (parent.test !== child) return false;
        break;
      case AST_NODE_TYPES.LogicalExpression:
        if (parent.right === child) return false;
        break;
      case AST_NODE_TYPES.SwitchCase:
      case AST_NODE_TYPES.CatchClause:
        if (parent.type === AST_NODE_TYPES.CatchClause || parent.test !== child) return false;
        break;
      case AST_NODE_TYPES.AssignmentExpression: {
        if (parent.right !== child) break;
        if (parent.operator === '&&=' || parent.operator === '||=' || parent.operator === '??=') return false;
        if (parent.left.type === AST_NODE_TYPES.Identifier) {
          const variable = variableOfIdentifier(sourceCode, parent.left);
          if (variable && !contains(fn, variable.scope.block)) return false;
        }
        break;
      }
      default:
        break;
    }
  }
  return true;
}

/**
 * A test that is true when a cache has no entry yet: `!x`, `!cache.has(k)`, `!cache.get(k)`,
 * `x === undefined`, `x == null`, `typeof x === 'undefined'` (and the same with the operands
 * swapped), where `x` is an identifier or a member expression.
 */
function isCacheMissTest(test: TSESTree.Expression): boolean {
  const isLookup = (node: TSESTree.Node): boolean =>
    node.type === AST_NODE_TYPES.Identifier ||
    node.type === AST_NODE_TYPES.MemberExpression ||
    (node.type === AST_NODE_TYPES.CallExpression &&
      node.callee.type === AST_NODE_TYPES.MemberExpression &&
      !node.callee.computed &&
      node.callee.property.type === AST_NODE_TYPES.Identifier &&
      (node.callee.property.name === 'has' || node.callee.property.name === 'get'));
  if (test.type === AST_NODE_TYPES.UnaryExpression && test.operator === '!') return isLookup(test.argument);
  if (test.type !== AST_NODE_TYPES.BinaryExpression || !['===', '==', '!==', '!='].includes(test.operator)) return false;
  const isEmpty = (node: TSESTree.Node): boolean =>
    (node.type === AST_NODE_TYPES.Identifier && node.name === 'undefined') ||
    (node.type === AST_NODE_TYPES.Literal && (node.value === null || node.value === 'undefined'));
  if (test.operator === '!==' || test.operator === '!=') return false;
  const [left, right] = [test.left, test.right];
  const lookupSide = isEmpty(right) ? left : isEmpty(left) ? right : null;
  if (!lookupSide) return false;
  return isLookup(lookupSide.type === AST_NODE_TYPES.UnaryExpression && lookupSide.operator === 'typeof' ? lookupSide.argument : lookupSide);
}

/**
 * True when `node` runs on the first call of `fn` and is then cached, so that later calls skip it:
 * the only branches between them are the consequent of an `if` whose test is a cache miss (see
 * `isCacheMissTest`), the right side of `??=`/`||=`, or of `??`/`||`; or it is assigned to a
 * variable declared outside `fn`. Everything else that `isUnconditionalPart` refuses (other
 * branches, `catch`, `switch` cases) still refuses. The first call blocks: callers pay once.
 */
export function isFirstCallPart(
  node: TSESTree.Node,
  fn: FunctionNode,
  sourceCode: Readonly<TSESLint.SourceCode>,
): boolean {
  let cached = false;
  let child: TSESTree.Node = node;
  for (let parent = node.parent; parent && parent !== fn; child = parent, parent = parent.parent) {
    switch (parent.type) {
      case AST_NODE_TYPES.IfStatement:
        if (parent.test === child) break;
        if (parent.consequent !== child || !isCacheMissTest(parent.test)) return false;
        cached = true;
        break;
      case AST_NODE_TYPES.ConditionalExpression:
        if (parent.test !== child) return false;
        break;
      case AST_NODE_TYPES.LogicalExpression:
        if (parent.right === child) {
          if (parent.operator === '&&') return false;
          cached = true;
        }
        break;
      case AST_NODE_TYPES.SwitchCase:
      case AST_NODE_TYPES.CatchClause:
        if (parent.type === AST_NODE_TYPES.CatchClause || parent.test !== child) return false;
        break;
      case AST_NODE_TYPES.AssignmentExpression: {
        if (parent.right !== child) break;
        if (parent.operator === '&&=') return false;
        if (parent.operator === '||=' || parent.operator === '??=') cached = true;
        if (parent.left.type === AST_NODE_TYPES.Identifier) {
          const variable = variableOfIdentifier(sourceCode, parent.left);
          if (variable && !contains(fn, variable.scope.block)) cached = true;
        }
        break;
      }
      default:
        break;
    }
  }
  return cached;
}

/**
 * What a test that is true while a step has not run yet looks up: a cache-miss test (see
 * `isCacheMissTest`) or a done flag compared with `false` (`ready === false`). The binding or
 * member itself (`x`, `this.loaded`), or, for `!cache.has(k)` / `!cache.get(k)`, the collection
 * (`cache`); null for another test.
 */
function cacheLookup(test: TSESTree.Expression): { readonly target: TSESTree.Node; readonly collection: boolean } | null {
  const isFalse = (node: TSESTree.Node): boolean => node.type === AST_NODE_TYPES.Literal && node.value === false;
  const flagTest =
    test.type === AST_NODE_TYPES.BinaryExpression &&
    (test.operator === '===' || test.operator === '==') &&
    (isFalse(test.left) || isFalse(test.right));
  if (!flagTest && !isCacheMissTest(test)) return null;
  let side: TSESTree.Node = test;
  if (test.type === AST_NODE_TYPES.UnaryExpression) side = test.argument;
  else if (test.type === AST_NODE_TYPES.BinaryExpression) {
    const constant = (node: TSESTree.Node): boolean =>
      (node.type === AST_NODE_TYPES.Identifier && node.name === 'undefined') || node.type === AST_NODE_TYPES.Literal;
    side = constant(test.right) ? test.left : test.right;
    if (side.type === AST_NODE_TYPES.UnaryExpression) side = side.argument;
  }
  if (side.type === AST_NODE_TYPES.CallExpression && side.callee.type === AST_NODE_TYPES.MemberExpression) {
    return { target: side.callee.object, collection: true };
  }
  return { target: side, collection: false };
}

/**
 * True when `target` (an identifier or a member chain) outlives one call of `fn`: its root is `this`
 * (a field of the instance), or a variable declared outside `fn` (module state, a closure).
 */
function outlivesCall(target: TSESTree.Node, fn: FunctionNode, sourceCode: Readonly<TSESLint.SourceCode>): boolean {
  let root = target;
  while (root.type === AST_NODE_TYPES.MemberExpression) root = root.object;
  if (root.type === AST_NODE_TYPES.ThisExpression) return target !== root;
  if (root.type !== AST_NODE_TYPES.Identifier) return false;
  const variable = variableOfIdentifier(sourceCode, root);
  return variable !== null && variable.defs.length > 0 && !contains(fn, variable.scope.block);
}

/** The source text of `node` without white space, to compare two mentions of one binding or member. */
function compactText(node: TSESTree.Node, sourceCode: Readonly<TSESLint.SourceCode>): string {
  return sourceCode.getText(node).replace(/\s+/g, '');
}

/**
 * True when `block` stores into what `lookup` looked up: assigns the binding or member (`loaded =
 * true`, `this.cache ??= ...`), or, for a collection, calls its `set`/`add` (`cache.set(k, v)`).
 */
function storesInto(
  block: TSESTree.Node,
  lookup: { readonly target: TSESTree.Node; readonly collection: boolean },
  sourceCode: Readonly<TSESLint.SourceCode>,
): boolean {
  const text = compactText(lookup.target, sourceCode);
  const pending: TSESTree.Node[] = [block];
  for (let node = pending.pop(); node; node = pending.pop()) {
    if (!lookup.collection && node.type === AST_NODE_TYPES.AssignmentExpression && compactText(node.left, sourceCode) === text) return true;
    if (
      lookup.collection &&
      node.type === AST_NODE_TYPES.CallExpression &&
      node.callee.type === AST_NODE_TYPES.MemberExpression &&
      !node.callee.computed &&
      node.callee.property.type === AST_NODE_TYPES.Identifier &&
      (node.callee.property.name === 'set' || node.callee.property.name === 'add') &&
      compactText(node.callee.object, sourceCode) === text
    ) {
      return true;
    }
    forEachChild(node, sourceCode.visitorKeys, (child) => pending.push(child));
  }
  return false;
}

/**
 * True when an `if` statement that returns when `target` is already set (`if (cache) return
 * cache;`, `if (cache !== undefined) return cache;`, `if (cache != null) { return cache; }`).
 */
function returnsWhenSet(statement: TSESTree.Statement, text: string, sourceCode: Readonly<TSESLint.SourceCode>): boolean {
  if (statement.type !== AST_NODE_TYPES.IfStatement || statement.alternate) return false;
  const consequent = statement.consequent;
  const last = consequent.type === AST_NODE_TYPES.BlockStatement ? consequent.body[consequent.body.length - 1] : consequent;
  if (last?.type !== AST_NODE_TYPES.ReturnStatement) return false;
  const test = statement.test;
  if (compactText(test, sourceCode) === text) return true;
  if (test.type !== AST_NODE_TYPES.BinaryExpression || (test.operator !== '!==' && test.operator !== '!=')) return false;
  const empty = (node: TSESTree.Node): boolean =>
    (node.type === AST_NODE_TYPES.Identifier && node.name === 'undefined') || (node.type === AST_NODE_TYPES.Literal && node.value === null);
  const side = empty(test.right) ? test.left : empty(test.left) ? test.right : null;
  return side !== null && compactText(side, sourceCode) === text;
}

/**
 * True when `node` runs once per process (or per instance, or per cache key), not on every call of
 * `fn`: a memoised, one-time step whose cost callers pay once. The shapes, where the binding or
 * member outlives the call (see `outlivesCall`: module state, a closure, `this.x`):
 * - a done flag or cache checked and filled around it: `node` is in the consequent of an `if` whose
 *   test is a cache miss on it (`!loaded`, `loaded === false`, `cache === undefined`,
 *   `!cache.has(k)`, see `cacheLookup`), and that consequent stores into it (`loaded = true`, `cache.set(k, v)`);
 * - a lazy assignment: the right side of `cache ??= ...` / `cache ||= ...`, or of `cache ??
 *   (cache = ...)` / `cache || (cache = ...)`;
 * - an early return: the right side of `cache = ...` in a statement of `fn`'s body that follows
 *   `if (cache) return ...` (or `!== undefined` / `!= null`).
 * Stricter than `isFirstCallPart`, which only says that a helper fills a cache on some call.
 */
export function isOneTimePart(node: TSESTree.Node, fn: FunctionNode, sourceCode: Readonly<TSESLint.SourceCode>): boolean {
  let child: TSESTree.Node = node;
  for (let parent = node.parent; parent && parent !== fn; child = parent, parent = parent.parent) {
    if (parent.type === AST_NODE_TYPES.IfStatement && parent.consequent === child) {
      const lookup = cacheLookup(parent.test);
      if (lookup && outlivesCall(lookup.target, fn, sourceCode) && storesInto(child, lookup, sourceCode)) return true;
    } else if (parent.type === AST_NODE_TYPES.AssignmentExpression && parent.right === child && outlivesCall(parent.left, fn, sourceCode)) {
      if (parent.operator === '??=' || parent.operator === '||=') return true;
      if (parent.operator !== '=') continue;
      const text = compactText(parent.left, sourceCode);
      const guard = parent.parent;
      if (
        guard.type === AST_NODE_TYPES.LogicalExpression &&
        guard.right === parent &&
        (guard.operator === '??' || guard.operator === '||') &&
        compactText(guard.left, sourceCode) === text
      ) {
        return true;
      }
      const body = fn.body.type === AST_NODE_TYPES.BlockStatement ? fn.body.body : [];
      const statement = body.find((candidate) => contains(candidate, parent));
      if (statement && body.slice(0, body.indexOf(statement)).some((earlier) => returnsWhenSet(earlier, text, sourceCode))) return true;
    }
  }
  return false;
}

/** How a helper reaches a blocking operation: through `next` helpers, ending in `operation`. */
export interface BlockingChain<Op> {
  readonly helpers: readonly LocalFunction[];
  readonly operation: Op;
}

interface Summary<Op> {
  depth: number;
  /** The helper called next, or null when this function performs `operation` itself. */
  next: LocalFunction | null;
  operation: Op;
}

/** A call of a blocking helper from code that `callsOfBlockingHelpers`' `where` accepts. */
export interface BlockingHelperCall<Op, W> {
  /** The name invoked: the callee of `helper()`, `helper` in `this.helper()` or in `items.map(helper)`. */
  readonly invoked: InvokedName;
  readonly target: LocalFunction;
  readonly chain: BlockingChain<Op>;
  /** What `where` said about the code that makes the call. */
  readonly where: W;
}

/**
 * The key a function can be called by in this file: a declaration's name, the variable it
 * initializes, or the name of the class method or field it is (`name`, `#name`, for `this.name()`).
 */
function bindingName(fn: FunctionNode): string | null {
  if (fn.type === AST_NODE_TYPES.FunctionDeclaration) return fn.id?.name ?? null;
  const parent = fn.parent;
  if (parent.type === AST_NODE_TYPES.VariableDeclarator && parent.init === fn && parent.id.type === AST_NODE_TYPES.Identifier) {
    return parent.id.name;
  }
  if (
    (parent.type === AST_NODE_TYPES.MethodDefinition || parent.type === AST_NODE_TYPES.PropertyDefinition) &&
    parent.value === fn &&
    !parent.computed &&
    (parent.key.type === AST_NODE_TYPES.Identifier || parent.key.type === AST_NODE_TYPES.PrivateIdentifier)
  ) {
    return nameKey(parent.key);
  }
  return null;
}

/**
 * Which synchronous functions of a file perform a blocking operation as part of their own
 * execution, directly or through other such functions of the file, up to `maxDepth` helpers deep,
 * and where they are called from. A helper is a same-file function called by name, or a method of
 * the class the call is written in, called as `this.name()` (see `resolveInvoked`).
 *
 * Fed once per file (`addOperation` for each operation whose execution context is a sync
 * function), then asked once (`callsOfBlockingHelpers`). The search runs backwards from the
 * operations, one level of helpers at a time: only calls by the name of a function that blocks are
 * looked at (a name test per call of the file, then a scope lookup for the few that match), so the
 * file's other calls cost nothing and a function that reaches no blocking operation is never
 * resolved. A function's summary is the one the forward definition gives: its own first operation
 * in the source, else its first call in the file's order (as `calls` lists them) of a helper one
 * level closer to an operation.
 */
export class BlockingHelperSummaries<Op extends { readonly node: TSESTree.Node }> {
  private readonly operations = new Map<FunctionNode, Op>();

  constructor(private readonly maxDepth: number) {}

  /** `operation` runs as part of `fn`'s own execution; the first one in the source is kept. */
  addOperation(fn: FunctionNode, operation: Op): void {
    if (fn.async || fn.generator) return;
    const known = this.operations.get(fn);
    if (!known || operation.node.range[0] < known.node.range[0]) this.operations.set(fn, operation);
  }

  get hasOperations(): boolean {
    return this.operations.size > 0;
  }

  /**
   * Every call among `calls` (the file's calls, in the file's order) of a function that blocks
   * (see the class comment), made where `where` returns non-null for the call's execution context,
   * with the chain of helpers from the called function to its operation; in the order of `calls`.
   * A call where `where` returns null and that runs unconditionally (`isUnconditionalPart`) in a
   * synchronous function makes that function a helper one level up.
   */
  callsOfBlockingHelpers<W>(
    calls: readonly TSESTree.CallExpression[],
    sourceCode: Readonly<TSESLint.SourceCode>,
    where: (execution: ExecutionContext) => W | null,
  ): BlockingHelperCall<Op, W>[] {
    const summaries = new Map<FunctionNode, Summary<Op>>();
    for (const [fn, operation] of this.operations) summaries.set(fn, { depth: 1, next: null, operation });
    const resolved = newResolutionCache();
    const found: { order: number; invoked: InvokedName; target: LocalFunction; where: W }[] = [];
    let level: FunctionNode[] = [...this.operations.keys()];
    for (let depth = 1; depth <= this.maxDepth && level.length > 0; depth++) {
      const names = new Set<string>();
      for (const fn of level) {
        const name = bindingName(fn);
        if (name !== null) names.add(name);
      }
      if (names.size === 0) break;
      /** The target, when `invoked` calls a function summarised at this depth. */
      const targetAtDepth = (invoked: InvokedName): LocalFunction | null => {
        const target = resolveInvoked(invoked, sourceCode, resolved);
        return target && summaries.get(target.node)?.depth === depth ? target : null;
      };
      const edges: { caller: FunctionNode; target: LocalFunction }[] = [];
      for (let order = 0; order < calls.length; order++) {
        const call = calls[order];
        const invoked = call ? invokedIdentifier(call) : null;
        if (!invoked || !names.has(nameKey(invoked))) continue;
        const execution = getExecutionContext(invoked);
        const at = where(execution);
        if (at !== null) {
          const target = targetAtDepth(invoked);
          if (target) found.push({ order, invoked, target, where: at });
          continue;
        }
        if (
          depth === this.maxDepth ||
          execution.kind !== 'function' ||
          execution.node.async ||
          execution.node.generator ||
          summaries.has(execution.node) ||
          !isUnconditionalPart(invoked, execution.node, sourceCode)
        ) {
          continue;
        }
        const target = targetAtDepth(invoked);
        if (target) edges.push({ caller: execution.node, target });
      }
      const next: FunctionNode[] = [];
      for (const { caller, target } of edges) {
        const reached = summaries.get(target.node);
        if (summaries.has(caller) || !reached) continue;
        summaries.set(caller, { depth: depth + 1, next: target, operation: reached.operation });
        next.push(caller);
      }
      level = next;
    }
    found.sort((a, b) => a.order - b.order);
    const result: BlockingHelperCall<Op, W>[] = [];
    for (const { invoked, target, where: at } of found) {
      const chain = chainFrom(summaries, target);
      if (chain) result.push({ invoked, target, chain, where: at });
    }
    return result;
  }
}

/** The chain of helpers from `target` to a blocking operation, or null. */
function chainFrom<Op>(summaries: ReadonlyMap<FunctionNode, Summary<Op>>, target: LocalFunction): BlockingChain<Op> | null {
  const helpers: LocalFunction[] = [target];
  let summary = summaries.get(target.node);
  if (!summary) return null;
  while (summary.next) {
    helpers.push(summary.next);
    const following = summaries.get(summary.next.node);
    if (!following) return null;
    summary = following;
  }
  return { helpers, operation: summary.operation };
}
