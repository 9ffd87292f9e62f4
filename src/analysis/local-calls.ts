import { AST_NODE_TYPES, type TSESLint, type TSESTree } from '@typescript-eslint/utils';
import { INLINE_CALLBACK_METHODS } from '../catalog/inline-callbacks';
import { compactText, returnsWhenFilled, skipTransparent, variableOfIdentifier } from '../util/ast';
import { type ExecutionContext, type FunctionNode, getExecutionContext } from './async-context';
import { forEachChild } from './dependencies';
import type { SourceWords } from './source-words';
import { childHolding } from './walk';

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
 * Where `child` sits in `parent`, as far as it decides whether `child` runs when `parent` does:
 * - `runs`: whenever `parent` runs (a test, a loop body, a `try` block, the left side of `&&`, ...);
 * - `if-branch`: the consequent or the alternate of `parent`, an `if` statement;
 * - `branch`: an arm of a `?:`, the body of a `switch` case, a `catch` clause;
 * - `logical-right`: the right side of `parent`, a `&&`, `||` or `??` expression;
 * - `assigned`: the right side of `parent`, an assignment (any operator).
 * The one step of the ancestor walks of `isUnconditionalPart`, `isFirstCallPart` and `isOneTimePart`.
 */
type Position =
  | { readonly kind: 'runs' }
  | { readonly kind: 'branch' }
  | { readonly kind: 'if-branch'; readonly statement: TSESTree.IfStatement }
  | { readonly kind: 'logical-right'; readonly expression: TSESTree.LogicalExpression }
  | { readonly kind: 'assigned'; readonly assignment: TSESTree.AssignmentExpression };

const RUNS: Position = { kind: 'runs' };
const BRANCH: Position = { kind: 'branch' };

function positionIn(parent: TSESTree.Node, child: TSESTree.Node): Position {
  switch (parent.type) {
    case AST_NODE_TYPES.IfStatement:
      return parent.test === child ? RUNS : { kind: 'if-branch', statement: parent };
    case AST_NODE_TYPES.ConditionalExpression:
    case AST_NODE_TYPES.SwitchCase:
      return parent.test === child ? RUNS : BRANCH;
    case AST_NODE_TYPES.CatchClause:
      return BRANCH;
    case AST_NODE_TYPES.LogicalExpression:
      return parent.right === child ? { kind: 'logical-right', expression: parent } : RUNS;
    case AST_NODE_TYPES.AssignmentExpression:
      return parent.right === child ? { kind: 'assigned', assignment: parent } : RUNS;
    default:
      return RUNS;
  }
}

/** True when `assignment` stores into a variable declared outside `fn` (`cache = ...`): a cache fill. */
function assignsOuterVariable(
  assignment: TSESTree.AssignmentExpression,
  fn: FunctionNode,
  sourceCode: Readonly<TSESLint.SourceCode>,
): boolean {
  if (assignment.left.type !== AST_NODE_TYPES.Identifier) return false;
  const variable = variableOfIdentifier(sourceCode, assignment.left);
  return variable !== null && !contains(fn, variable.scope.block);
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
    const position = positionIn(parent, child);
    if (position.kind === 'runs') continue;
    if (position.kind !== 'assigned') return false;
    const operator = position.assignment.operator;
    if (operator === '&&=' || operator === '||=' || operator === '??=' || assignsOuterVariable(position.assignment, fn, sourceCode)) return false;
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
    const position = positionIn(parent, child);
    switch (position.kind) {
      case 'runs':
        break;
      case 'branch':
        return false;
      case 'if-branch':
        if (position.statement.consequent !== child || !isCacheMissTest(position.statement.test)) return false;
        cached = true;
        break;
      case 'logical-right':
        if (position.expression.operator === '&&') return false;
        cached = true;
        break;
      case 'assigned': {
        const operator = position.assignment.operator;
        if (operator === '&&=') return false;
        if (operator === '||=' || operator === '??=' || assignsOuterVariable(position.assignment, fn, sourceCode)) cached = true;
        break;
      }
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
 * True when `node` runs once per process (or per instance, or per cache key), not on every call of
 * `fn`: a memoised, one-time step whose cost callers pay once. The shapes, where the binding or
 * member outlives the call (see `outlivesCall`: module state, a closure, `this.x`):
 * - a done flag or cache checked and filled around it: `node` is in the consequent of an `if` whose
 *   test is a cache miss on it (`!loaded`, `loaded === false`, `cache === undefined`,
 *   `!cache.has(k)`, see `cacheLookup`), and that consequent stores into it (`loaded = true`, `cache.set(k, v)`);
 * - a done flag set by its block: `node` is in the block `{ ...; flag = true; }` of `if (!flag)`
 *   (TypeScript wrappers allowed: `!this.ready!`), a statement of the block sets it to `true`, and
 *   the flag is a member of any object (`!Probe.checked`, `!state.ready`: the object is taken to be
 *   shared, as `this` is) or a binding that outlives the call;
 * - a lazy assignment: the right side of `cache ??= ...` / `cache ||= ...`, or of `cache ??
 *   (cache = ...)` / `cache || (cache = ...)`;
 * - an early return: the right side of `cache = ...` in a statement of `fn`'s body that follows
 *   `if (cache) return ...` (or `!== undefined` / `!= null`).
 * Stricter than `isFirstCallPart`, which only says that a helper fills a cache on some call.
 */
export function isOneTimePart(node: TSESTree.Node, fn: FunctionNode, sourceCode: Readonly<TSESLint.SourceCode>): boolean {
  let child: TSESTree.Node = node;
  for (let parent = node.parent; parent && parent !== fn; child = parent, parent = parent.parent) {
    const position = positionIn(parent, child);
    if (position.kind === 'if-branch') {
      const statement = position.statement;
      if (statement.consequent !== child) continue;
      const lookup = cacheLookup(statement.test);
      if (lookup && outlivesCall(lookup.target, fn, sourceCode) && storesInto(child, lookup, sourceCode)) return true;
      if (setsDoneFlag(statement, fn, sourceCode)) return true;
    } else if (position.kind === 'assigned') {
      const assignment = position.assignment;
      if (!outlivesCall(assignment.left, fn, sourceCode)) continue;
      if (assignment.operator === '??=' || assignment.operator === '||=') return true;
      if (assignment.operator !== '=') continue;
      const text = compactText(assignment.left, sourceCode);
      const guard = assignment.parent;
      if (
        guard.type === AST_NODE_TYPES.LogicalExpression &&
        guard.right === assignment &&
        (guard.operator === '??' || guard.operator === '||') &&
        compactText(guard.left, sourceCode) === text
      ) {
        return true;
      }
      const body = fn.body.type === AST_NODE_TYPES.BlockStatement ? fn.body.body : [];
      const statement = body.find((candidate) => contains(candidate, assignment));
      if (statement && body.slice(0, body.indexOf(statement)).some((earlier) => returnsWhenFilled(earlier, text, sourceCode))) return true;
    }
  }
  return false;
}

/**
 * True for `if (!flag) { ...; flag = true; }` (see `isOneTimePart`): the consequent is a block, the
 * test is `!` of an identifier or member (TypeScript wrappers skipped), a statement of the block
 * assigns `true` to the same text, and the flag is a member, or a binding declared outside `fn`.
 */
function setsDoneFlag(statement: TSESTree.IfStatement, fn: FunctionNode, sourceCode: Readonly<TSESLint.SourceCode>): boolean {
  const block = statement.consequent;
  if (block.type !== AST_NODE_TYPES.BlockStatement) return false;
  const test = skipTransparent(statement.test);
  if (test.type !== AST_NODE_TYPES.UnaryExpression || test.operator !== '!') return false;
  const flag = skipTransparent(test.argument);
  if (flag.type !== AST_NODE_TYPES.Identifier && flag.type !== AST_NODE_TYPES.MemberExpression) return false;
  const flagText = sourceCode.getText(flag);
  const setsFlag = block.body.some(
    (child) =>
      child.type === AST_NODE_TYPES.ExpressionStatement &&
      child.expression.type === AST_NODE_TYPES.AssignmentExpression &&
      child.expression.operator === '=' &&
      child.expression.right.type === AST_NODE_TYPES.Literal &&
      child.expression.right.value === true &&
      sourceCode.getText(child.expression.left) === flagText,
  );
  return setsFlag && (flag.type === AST_NODE_TYPES.MemberExpression || outlivesCall(flag, fn, sourceCode));
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

/** The call that `invokedIdentifier` says invokes `name` right there, or null. */
function callInvoking(name: InvokedName): TSESTree.CallExpression | null {
  let call: TSESTree.Node | undefined = name.parent;
  if (call?.type === AST_NODE_TYPES.MemberExpression && call.property === name) call = call.parent;
  return call?.type === AST_NODE_TYPES.CallExpression && invokedIdentifier(call) === name ? call : null;
}

/**
 * The deepest node under `root` (or `root` itself) whose range holds `offset`: one descent into the
 * child that holds it at each level (see `childHolding`), not a walk.
 */
export function deepestNodeAt(root: TSESTree.Node, offset: number, visitorKeys: TSESLint.SourceCode.VisitorKeys): TSESTree.Node {
  let node = root;
  for (let child = childHolding(node, offset, visitorKeys); child; child = childHolding(node, offset, visitorKeys)) node = child;
  return node;
}

/**
 * The names in the file that invoke `fn` right there (see `invokedIdentifier`), when `fn` can be
 * called by a name: for a function declaration, or a function a `const`/`let`/`var` declarator
 * initializes, the references of that binding (scope analysis lists them); for a class method or
 * a field initialized with a function (`name`, `#name`), the `this.name` / `this.#name` members
 * written in that class's body (found at the occurrences of the word in the body's text). Each
 * still to be resolved (`resolveInvoked`): a reassigned binding, or `this.name` in a nested class,
 * may call something else. The file's other calls are never looked at.
 */
function* namesInvoking(fn: FunctionNode, sourceCode: Readonly<TSESLint.SourceCode>, words: SourceWords): Generator<InvokedName> {
  const parent = fn.parent;
  let declared: TSESTree.Identifier | null = null;
  let declaring: TSESTree.Node = fn;
  if (fn.type === AST_NODE_TYPES.FunctionDeclaration) {
    declared = fn.id;
  } else if (parent.type === AST_NODE_TYPES.VariableDeclarator && parent.init === fn && parent.id.type === AST_NODE_TYPES.Identifier) {
    declared = parent.id;
    declaring = parent;
  }
  if (declared) {
    const identifier = declared;
    const variable = sourceCode.getDeclaredVariables(declaring).find((candidate) => candidate.identifiers.includes(identifier));
    for (const reference of variable?.references ?? []) {
      const name = reference.identifier;
      if (name.type === AST_NODE_TYPES.Identifier && callInvoking(name)) yield name;
    }
    return;
  }
  if (
    (parent.type !== AST_NODE_TYPES.MethodDefinition && parent.type !== AST_NODE_TYPES.PropertyDefinition) ||
    parent.value !== fn ||
    parent.computed ||
    (parent.key.type !== AST_NODE_TYPES.Identifier && parent.key.type !== AST_NODE_TYPES.PrivateIdentifier)
  ) {
    return;
  }
  const key = nameKey(parent.key);
  const body = parent.parent;
  for (const offset of words.occurrences(key, body.range[0], body.range[1])) {
    const name = deepestNodeAt(body, offset, sourceCode.visitorKeys);
    if (
      (name.type === AST_NODE_TYPES.Identifier || name.type === AST_NODE_TYPES.PrivateIdentifier) &&
      name.range[0] === offset &&
      name.parent?.type === AST_NODE_TYPES.MemberExpression &&
      name.parent.object.type === AST_NODE_TYPES.ThisExpression &&
      callInvoking(name)
    ) {
      yield name;
    }
  }
}

/** Source order of calls, an outer call before the calls inside it: the order a traversal meets them. */
function inTraversalOrder(a: TSESTree.Node, b: TSESTree.Node): number {
  return a.range[0] - b.range[0] || b.range[1] - a.range[1];
}

/**
 * Which synchronous functions of a file perform a blocking operation as part of their own
 * execution, directly or through other such functions of the file, up to `maxDepth` helpers deep,
 * and where they are called from. A helper is a same-file function called by name, or a method of
 * the class the call is written in, called as `this.name()` (see `resolveInvoked`).
 *
 * Fed once per file (`addOperation` for each operation whose execution context is a sync
 * function), then asked once (`callsOfBlockingHelpers`). The search runs backwards from the
 * operations, one level of helpers at a time, through the names that may invoke each function of
 * the level (see `namesInvoking`: the references of its binding, or the `this.name` members of its
 * class): the file's other calls cost nothing, and a function that reaches no blocking operation
 * is never looked at. A function's summary is the one the forward definition gives: its own first
 * operation in the source, else its first call, in the file's order, of a helper one level closer
 * to an operation.
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
   * Every call of a function that blocks (see the class comment), made where `where` returns
   * non-null for the call's execution context, with the chain of helpers from the called function
   * to its operation; in the file's order. A call where `where` returns null and that runs
   * unconditionally (`isUnconditionalPart`) in a synchronous function makes that function a helper
   * one level up. `words` are the file's (`getSourceWords`).
   */
  callsOfBlockingHelpers<W>(
    sourceCode: Readonly<TSESLint.SourceCode>,
    words: SourceWords,
    where: (execution: ExecutionContext) => W | null,
  ): BlockingHelperCall<Op, W>[] {
    const summaries = new Map<FunctionNode, Summary<Op>>();
    for (const [fn, operation] of this.operations) summaries.set(fn, { depth: 1, next: null, operation });
    const resolved = newResolutionCache();
    const found: { call: TSESTree.CallExpression; invoked: InvokedName; target: LocalFunction; where: W }[] = [];
    let level: FunctionNode[] = [...this.operations.keys()];
    for (let depth = 1; depth <= this.maxDepth && level.length > 0; depth++) {
      const edges: { call: TSESTree.CallExpression; caller: FunctionNode; target: LocalFunction }[] = [];
      for (const fn of level) {
        for (const invoked of namesInvoking(fn, sourceCode, words)) {
          const execution = getExecutionContext(invoked);
          const at = where(execution);
          if (
            at === null &&
            (depth === this.maxDepth ||
              execution.kind !== 'function' ||
              execution.node.async ||
              execution.node.generator ||
              summaries.has(execution.node) ||
              !isUnconditionalPart(invoked, execution.node, sourceCode))
          ) {
            continue;
          }
          const target = resolveInvoked(invoked, sourceCode, resolved);
          const call = callInvoking(invoked);
          if (target?.node !== fn || !call) continue;
          if (at !== null) found.push({ call, invoked, target, where: at });
          else if (execution.kind === 'function') edges.push({ call, caller: execution.node, target });
        }
      }
      edges.sort((a, b) => inTraversalOrder(a.call, b.call));
      const next: FunctionNode[] = [];
      for (const { caller, target } of edges) {
        const reached = summaries.get(target.node);
        if (summaries.has(caller) || !reached) continue;
        summaries.set(caller, { depth: depth + 1, next: target, operation: reached.operation });
        next.push(caller);
      }
      level = next;
    }
    found.sort((a, b) => inTraversalOrder(a.call, b.call));
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
