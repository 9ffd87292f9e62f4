import { ASTUtils, type TSESLint, type TSESTree } from '@typescript-eslint/utils';
import { AST_NODE_TYPES } from './ast-node-types';
import { TEARDOWN_METHODS } from '../catalog/promise-apis';

/**
 * Wrappers that do not change an expression's runtime value: `x as T`, `x!`, `<T>x`,
 * `x satisfies T`, `f<T>` and the `a?.b` chain wrapper.
 */
export type TransparentWrapper =
  | TSESTree.TSAsExpression
  | TSESTree.TSNonNullExpression
  | TSESTree.TSSatisfiesExpression
  | TSESTree.TSTypeAssertion
  | TSESTree.TSInstantiationExpression
  | TSESTree.ChainExpression;

/** True when `node` is a `TransparentWrapper`: its value is its `expression`'s. */
export function isTransparentWrapper(node: TSESTree.Node): node is TransparentWrapper {
  switch (node.type) {
    case AST_NODE_TYPES.TSAsExpression:
    case AST_NODE_TYPES.TSNonNullExpression:
    case AST_NODE_TYPES.TSSatisfiesExpression:
    case AST_NODE_TYPES.TSTypeAssertion:
    case AST_NODE_TYPES.TSInstantiationExpression:
    case AST_NODE_TYPES.ChainExpression:
      return true;
    default:
      return false;
  }
}

/** Skips every `TransparentWrapper` around an expression. */
export function skipTransparent(node: TSESTree.Node): TSESTree.Node {
  let current = node;
  while (isTransparentWrapper(current)) current = current.expression;
  return current;
}

/**
 * The name a function is known by in its file: its own (`function migrateDown`), the variable,
 * property, field or method key it is the value of (`const load = async () => {}`,
 * `{ save() {} }`, `#flush = () => {}`), or the last name of what it is assigned to
 * (`Database.migrate = async function () {}`); null for an anonymous or computed one.
 */
export function functionNameOf(fn: TSESTree.Node): string | null {
  if ((fn.type === AST_NODE_TYPES.FunctionDeclaration || fn.type === AST_NODE_TYPES.FunctionExpression) && fn.id) return fn.id.name;
  let site = fn;
  while (site.parent && isTransparentWrapper(site.parent)) site = site.parent;
  const parent = site.parent;
  if (!parent) return null;
  if (parent.type === AST_NODE_TYPES.VariableDeclarator) return parent.id.type === AST_NODE_TYPES.Identifier ? parent.id.name : null;
  if (parent.type === AST_NODE_TYPES.MethodDefinition || parent.type === AST_NODE_TYPES.Property || parent.type === AST_NODE_TYPES.PropertyDefinition) {
    return parent.computed || parent.value !== site ? null : writtenName(parent.key);
  }
  if (parent.type === AST_NODE_TYPES.AssignmentExpression && parent.right === site) return writtenName(parent.left);
  return null;
}

/**
 * `process.exit(code)` written out: a call of the member `exit` of a name `process` (parentheses
 * and TypeScript wrappers skipped). Syntax only: whether `process` is the global is the caller's
 * question.
 */
export function isProcessExitCall(node: TSESTree.Node): node is TSESTree.CallExpression {
  if (node.type !== AST_NODE_TYPES.CallExpression) return false;
  const callee = skipTransparent(node.callee);
  if (callee.type !== AST_NODE_TYPES.MemberExpression || staticMemberName(callee) !== 'exit') return false;
  const object = skipTransparent(callee.object);
  return object.type === AST_NODE_TYPES.Identifier && object.name === 'process';
}

/**
 * The module a `require('m')` call names (`'m'`), or null for any other node: a call of the name
 * `require` whose first argument is a string literal. Syntax only: whether `require` is the
 * module system's is the caller's question.
 */
export function requiredModule(node: TSESTree.Node | null | undefined): string | null {
  if (node?.type !== AST_NODE_TYPES.CallExpression || node.callee.type !== AST_NODE_TYPES.Identifier || node.callee.name !== 'require') return null;
  const [argument] = node.arguments;
  return argument?.type === AST_NODE_TYPES.Literal && typeof argument.value === 'string' ? argument.value : null;
}

/** The static name of `a.b` / `a['b']`, or null when the property is computed from a value. */
export function staticMemberName(node: TSESTree.MemberExpression): string | null {
  if (!node.computed && node.property.type === AST_NODE_TYPES.Identifier) return node.property.name;
  if (node.computed && node.property.type === AST_NODE_TYPES.Literal && typeof node.property.value === 'string') {
    return node.property.value;
  }
  return null;
}

/** `list.dispose()`: a call of a method of the disposable idiom (see `TEARDOWN_METHODS`). */
export function isTeardownCall(node: TSESTree.Node): boolean {
  const call = skipTransparent(node);
  if (call.type !== AST_NODE_TYPES.CallExpression) return false;
  const target = skipTransparent(call.callee);
  if (target.type !== AST_NODE_TYPES.MemberExpression) return false;
  const name = staticMemberName(target);
  return name !== null && TEARDOWN_METHODS.has(name);
}

/** The `Promise` statics that settle one promise from several: each handles every promise it is given. */
export type PromiseCombinator = 'all' | 'allSettled' | 'race' | 'any';

const PROMISE_COMBINATORS: ReadonlySet<string> = new Set<PromiseCombinator>(['all', 'allSettled', 'race', 'any']);

/**
 * The combinator a callee names when it is `Promise.all`, `Promise.allSettled`, `Promise.race` or
 * `Promise.any` (also `Promise['all']`, through transparent wrappers), else null. Syntax only:
 * whether `Promise` is the global one is the caller's question.
 */
export function promiseCombinatorOf(callee: TSESTree.Node): PromiseCombinator | null {
  const member = skipTransparent(callee);
  if (member.type !== AST_NODE_TYPES.MemberExpression) return null;
  const object = skipTransparent(member.object);
  if (object.type !== AST_NODE_TYPES.Identifier || object.name !== 'Promise') return null;
  const name = staticMemberName(member);
  return name !== null && PROMISE_COMBINATORS.has(name) ? (name as PromiseCombinator) : null;
}

/**
 * The name a value is written with: an identifier's own, or the last property of a member chain
 * (`path` in `repo.path`, `b` in `a['b']`, `conn` in `this.#conn`); null when computed or another
 * kind of expression.
 */
export function writtenName(node: TSESTree.Node): string | null {
  const current = skipTransparent(node);
  if (current.type === AST_NODE_TYPES.Identifier) return current.name;
  if (current.type !== AST_NODE_TYPES.MemberExpression) return null;
  return current.property.type === AST_NODE_TYPES.PrivateIdentifier ? current.property.name : staticMemberName(current);
}

/**
 * The variable an identifier refers to, from the innermost scope at the identifier. Looks it up by
 * name: eslint-utils' `findVariable(scope, node)` first scans the scope's child scopes to place the
 * node, which costs one step per block of a function and made rules quadratic on long functions.
 */
export function variableOfIdentifier(
  sourceCode: Readonly<TSESLint.SourceCode>,
  identifier: TSESTree.Identifier,
): TSESLint.Scope.Variable | null {
  return ASTUtils.findVariable(sourceCode.getScope(identifier), identifier.name);
}

/**
 * The variable named `name` that `node` declares (`sourceCode.getDeclaredVariables(node)`), or
 * null. A loop, not `find` with a closure: rules ask it for every declarator of a file.
 */
export function declaredVariableNamed(
  sourceCode: Readonly<TSESLint.SourceCode>,
  node: TSESTree.Node,
  name: string,
): TSESLint.Scope.Variable | null {
  for (const variable of sourceCode.getDeclaredVariables(node)) if (variable.name === name) return variable;
  return null;
}

/** A `for`, `for...in`, `for...of`, `while` or `do...while` statement. */
export function isLoopStatement(
  node: TSESTree.Node,
): node is
  | TSESTree.ForStatement
  | TSESTree.ForInStatement
  | TSESTree.ForOfStatement
  | TSESTree.WhileStatement
  | TSESTree.DoWhileStatement {
  return (
    node.type === AST_NODE_TYPES.ForStatement ||
    node.type === AST_NODE_TYPES.ForInStatement ||
    node.type === AST_NODE_TYPES.ForOfStatement ||
    node.type === AST_NODE_TYPES.WhileStatement ||
    node.type === AST_NODE_TYPES.DoWhileStatement
  );
}

/** The source text of `node` without white space, to compare two mentions of one binding or member. */
export function compactText(node: TSESTree.Node, sourceCode: Readonly<TSESLint.SourceCode>): string {
  return sourceCode.getText(node).replace(/\s+/g, '');
}

/** `undefined` or `null`. */
export function isNothing(node: TSESTree.Node): boolean {
  return (node.type === AST_NODE_TYPES.Identifier && node.name === 'undefined') || (node.type === AST_NODE_TYPES.Literal && node.value === null);
}

/**
 * True when `statement` is an `if` without `else` that returns when the binding or member written
 * `text` is filled: `if (x) return x;`, `if (x !== undefined) { return x; }`, `if (x != null) return ...`.
 */
export function returnsWhenFilled(statement: TSESTree.Statement, text: string, sourceCode: Readonly<TSESLint.SourceCode>): boolean {
  if (statement.type !== AST_NODE_TYPES.IfStatement || statement.alternate) return false;
  const consequent = statement.consequent;
  const last = consequent.type === AST_NODE_TYPES.BlockStatement ? consequent.body[consequent.body.length - 1] : consequent;
  if (last?.type !== AST_NODE_TYPES.ReturnStatement) return false;
  const test = statement.test;
  if (compactText(test, sourceCode) === text) return true;
  if (test.type !== AST_NODE_TYPES.BinaryExpression || (test.operator !== '!==' && test.operator !== '!=')) return false;
  const side = isNothing(test.right) ? test.left : isNothing(test.left) ? test.right : null;
  return side !== null && compactText(side, sourceCode) === text;
}

/**
 * The static member path of a callee and the identifier it starts from: `browser.tabs.query` is
 * `{ root: browser, names: ['tabs', 'query'] }`; null when a member is computed or the path does not
 * start from an identifier (`f().x`, `this.x`).
 */
export function staticMemberPath(callee: TSESTree.Node): { root: TSESTree.Identifier; names: string[] } | null {
  const names: string[] = [];
  let current: TSESTree.Node = skipTransparent(callee);
  while (current.type === AST_NODE_TYPES.MemberExpression) {
    const name = staticMemberName(current);
    if (name === null) return null;
    names.unshift(name);
    current = skipTransparent(current.object);
  }
  return current.type === AST_NODE_TYPES.Identifier ? { root: current, names } : null;
}

/**
 * The name a value or call ends with, through calls: `migrations` in `this.config.migrations`,
 * `getSteps` in `getSteps()`, `transaction` in `knex.transaction`; null when it ends in a
 * computed member or another kind of expression (see `writtenName`).
 */
export function lastWrittenName(node: TSESTree.Node): string | null {
  const current = skipTransparent(node);
  return current.type === AST_NODE_TYPES.CallExpression ? lastWrittenName(current.callee) : writtenName(current);
}

/**
 * The name a call chain starts from when it is an identifier: `hook` in `hook(ctx)`, `step` in
 * `step.run()`, `axios` in `axios.get(u).then(f)`; null for `this`, a literal or anything else.
 */
export function callChainRoot(call: TSESTree.CallExpression | TSESTree.NewExpression): string | null {
  return calleeChainRoot(call.callee)?.name ?? null;
}

/** The identifier a callee's chain starts from (`stripe` of `stripe.invoices.list`), as `callChainRoot` reads it; null for anything else. */
export function calleeChainRoot(callee: TSESTree.Node): TSESTree.Identifier | null {
  let current = callee;
  for (;;) {
    current = skipTransparent(current);
    if (current.type === AST_NODE_TYPES.MemberExpression) current = current.object;
    else if (current.type === AST_NODE_TYPES.CallExpression) current = current.callee;
    else return current.type === AST_NODE_TYPES.Identifier ? current : null;
  }
}

/**
 * The class whose instance `this` is at `node`: the nearest enclosing class declaration or
 * expression, or null when a plain `function` (not a method or a field's value) comes first,
 * where `this` is not the instance.
 */
export function enclosingClass(node: TSESTree.Node): TSESTree.ClassDeclaration | TSESTree.ClassExpression | null {
  for (let current = node.parent; current; current = current.parent) {
    if (current.type === AST_NODE_TYPES.ClassDeclaration || current.type === AST_NODE_TYPES.ClassExpression) return current;
    if (
      (current.type === AST_NODE_TYPES.FunctionDeclaration || current.type === AST_NODE_TYPES.FunctionExpression) &&
      current.parent?.type !== AST_NODE_TYPES.MethodDefinition &&
      current.parent?.type !== AST_NODE_TYPES.PropertyDefinition
    ) {
      return null;
    }
  }
  return null;
}

/**
 * True when `node` is an object literal with a plain `name: value` property (an identifier key,
 * not computed) whose value passes `test`: `{ once: true }`, `{ recursive: true }`, `{ method: 'POST' }`.
 * A pattern as `name` matches any of several spellings of one option (`/^(?:cache|cached)$/`).
 */
export function hasOption(node: TSESTree.Node | undefined, name: string | RegExp, test: (value: TSESTree.Node) => boolean): boolean {
  const object = node ? skipTransparent(node) : null;
  return (
    object?.type === AST_NODE_TYPES.ObjectExpression &&
    object.properties.some(
      (property) =>
        property.type === AST_NODE_TYPES.Property &&
        !property.computed &&
        property.key.type === AST_NODE_TYPES.Identifier &&
        (typeof name === 'string' ? property.key.name === name : name.test(property.key.name)) &&
        test(property.value),
    )
  );
}

/** `true` written as a literal. */
export function isTrueLiteral(node: TSESTree.Node): boolean {
  return node.type === AST_NODE_TYPES.Literal && node.value === true;
}
