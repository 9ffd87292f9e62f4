import { AST_NODE_TYPES, type TSESLint, type TSESTree } from '@typescript-eslint/utils';
import { INLINE_CALLBACK_METHODS } from '../catalog/inline-callbacks';
import { variableOfIdentifier } from '../util/ast';
import { type ExecutionContext, type FunctionNode, getExecutionContext } from './async-context';

/** A function of the file that a call invokes, resolved by scope, with the name it is called by. */
export interface LocalFunction {
  readonly node: FunctionNode;
  readonly name: string;
}

/**
 * The identifier a call runs synchronously, right there: its callee `name(...)`, or a function
 * passed by name to a method that calls its callback inline (`items.map(parse)`, see
 * `INLINE_CALLBACK_METHODS`); null for any other call.
 */
export function invokedIdentifier(call: TSESTree.CallExpression): TSESTree.Identifier | null {
  const callee = call.callee;
  if (callee.type === AST_NODE_TYPES.Identifier) return callee;
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
  /** The identifier invoked: the callee of `helper()`, or `helper` in `items.map(helper)`. */
  readonly invoked: TSESTree.Identifier;
  readonly target: LocalFunction;
  readonly chain: BlockingChain<Op>;
  /** What `where` said about the code that makes the call. */
  readonly where: W;
}

/**
 * The variable a function can be called by in this file: a function declaration's name, or the
 * variable its declarator initializes (`const f = () => {}`); null otherwise.
 */
function bindingOf(fn: FunctionNode, sourceCode: Readonly<TSESLint.SourceCode>): TSESLint.Scope.Variable | null {
  let declaring: TSESTree.Node = fn;
  let name: string;
  if (fn.type === AST_NODE_TYPES.FunctionDeclaration) {
    if (!fn.id) return null;
    name = fn.id.name;
  } else {
    const parent = fn.parent;
    if (parent.type !== AST_NODE_TYPES.VariableDeclarator || parent.init !== fn || parent.id.type !== AST_NODE_TYPES.Identifier) return null;
    declaring = parent;
    name = parent.id.name;
  }
  return sourceCode.getDeclaredVariables(declaring).find((variable) => variable.name === name) ?? null;
}

/** The call that runs `identifier` synchronously right there (see `invokedIdentifier`), or null. */
function callInvoking(identifier: TSESTree.Identifier): TSESTree.CallExpression | null {
  const parent = identifier.parent;
  return parent.type === AST_NODE_TYPES.CallExpression && invokedIdentifier(parent) === identifier ? parent : null;
}

/** Source order of calls, an outer call before the calls inside it: the order a traversal meets them. */
function inTraversalOrder(a: TSESTree.Node, b: TSESTree.Node): number {
  return a.range[0] - b.range[0] || b.range[1] - a.range[1];
}

/**
 * Which synchronous functions of a file perform a blocking operation as part of their own
 * execution, directly or through other such functions of the file, up to `maxDepth` helpers deep,
 * and where they are called from.
 *
 * Fed once per file (`addOperation` for each operation whose execution context is a sync
 * function), then asked once (`callsOfBlockingHelpers`). The search runs backwards from the
 * operations, one level of helpers at a time, through the references of each blocking function's
 * binding (scope analysis already lists them): the file's other calls cost nothing, and a function
 * that reaches no blocking operation is never looked at. A function's summary is the one the
 * forward definition gives: its own first operation in the source, else its first call, in the
 * file's order, of a helper one level closer to an operation.
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
   * one level up. Calls are resolved by scope (`resolveLocalFunction`).
   */
  callsOfBlockingHelpers<W>(
    sourceCode: Readonly<TSESLint.SourceCode>,
    where: (execution: ExecutionContext) => W | null,
  ): BlockingHelperCall<Op, W>[] {
    const summaries = new Map<FunctionNode, Summary<Op>>();
    for (const [fn, operation] of this.operations) summaries.set(fn, { depth: 1, next: null, operation });
    const resolved = new Map<TSESLint.Scope.Variable, LocalFunction | null>();
    const found: { call: TSESTree.CallExpression; invoked: TSESTree.Identifier; target: LocalFunction; where: W }[] = [];
    let level: FunctionNode[] = [...this.operations.keys()];
    for (let depth = 1; depth <= this.maxDepth && level.length > 0; depth++) {
      const edges: { call: TSESTree.CallExpression; caller: FunctionNode; target: LocalFunction }[] = [];
      for (const fn of level) {
        for (const reference of bindingOf(fn, sourceCode)?.references ?? []) {
          const invoked = reference.identifier;
          if (invoked.type !== AST_NODE_TYPES.Identifier) continue;
          const call = callInvoking(invoked);
          if (!call) continue;
          const execution = getExecutionContext(invoked);
          const at = where(execution);
          const isEdge =
            at === null &&
            depth < this.maxDepth &&
            execution.kind === 'function' &&
            !execution.node.async &&
            !execution.node.generator &&
            !summaries.has(execution.node) &&
            isUnconditionalPart(invoked, execution.node, sourceCode);
          if (at === null && !isEdge) continue;
          const target = resolveLocalFunction(invoked, sourceCode, resolved);
          if (!target || summaries.get(target.node)?.depth !== depth) continue;
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
