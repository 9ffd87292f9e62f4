import { AST_NODE_TYPES, type TSESLint, type TSESTree } from '@typescript-eslint/utils';
import { INLINE_CALLBACK_METHODS } from '../catalog/inline-callbacks';
import { variableOfIdentifier } from '../util/ast';
import type { FunctionNode } from './async-context';

/** A function of the file that a call invokes, resolved by scope, with the name it is called by. */
export interface LocalFunction {
  readonly node: FunctionNode;
  readonly name: string;
}

/**
 * The identifiers a call runs synchronously, right there: its callee `name(...)`, and a function
 * passed by name to a method that calls its callback inline (`items.map(parse)`, see
 * `INLINE_CALLBACK_METHODS`).
 */
export function invokedIdentifiers(call: TSESTree.CallExpression): TSESTree.Identifier[] {
  if (call.callee.type === AST_NODE_TYPES.Identifier) return [call.callee];
  const callee = call.callee;
  const callback = call.arguments[0];
  if (
    callee.type === AST_NODE_TYPES.MemberExpression &&
    !callee.computed &&
    callee.property.type === AST_NODE_TYPES.Identifier &&
    INLINE_CALLBACK_METHODS.has(callee.property.name) &&
    callback?.type === AST_NODE_TYPES.Identifier
  ) {
    return [callback];
  }
  return [];
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

/** A recorded call: `target` known, or still to be `resolve`d (see `addLazyCall`). */
interface CallEdge {
  readonly caller: FunctionNode;
  target: LocalFunction | null;
  resolve: (() => LocalFunction | null) | null;
}

interface Summary<Op> {
  depth: number;
  /** The helper called next, or null when this function performs `operation` itself. */
  next: LocalFunction | null;
  operation: Op;
}

/**
 * Which synchronous functions of a file perform a blocking operation as part of their own
 * execution, directly or through other such functions of the file, up to `maxDepth` helpers deep.
 * Fed once per file (`addOperation` for each operation whose execution context is a sync
 * function, `addCall` for each resolved call), then asked per call site. Each function's summary
 * is computed once, in `maxDepth` passes over the recorded calls: linear in the file's size.
 */
export class BlockingHelperSummaries<Op extends { readonly node: TSESTree.Node }> {
  private readonly operations = new Map<FunctionNode, Op>();
  /** Calls whose target is known, in the order they were recorded per caller. */
  private readonly calls: CallEdge[] = [];
  /** Every recorded call by caller, resolved or not. */
  private readonly callsByCaller = new Map<FunctionNode, CallEdge[]>();
  /** Callers whose calls are all resolved, with every function they reach. */
  private readonly expanded = new Set<FunctionNode>();
  private summaries: Map<FunctionNode, Summary<Op>> | null = null;

  constructor(private readonly maxDepth: number) {}

  /** `operation` runs as part of `fn`'s own execution; the first one in the source is kept. */
  addOperation(fn: FunctionNode, operation: Op): void {
    if (fn.async || fn.generator) return;
    const known = this.operations.get(fn);
    if (!known || operation.node.range[0] < known.node.range[0]) this.operations.set(fn, operation);
  }

  /** `caller` (a sync function) calls `target` as part of its own execution. */
  addCall(caller: FunctionNode, target: LocalFunction): void {
    if (caller.async || caller.generator) return;
    const edge: CallEdge = { caller, target, resolve: null };
    this.summaries = null;
    this.calls.push(edge);
    this.byCaller(caller).push(edge);
  }

  /**
   * Like `addCall`, with the target resolved (`resolve`, e.g. a scope lookup) only when a chain
   * through `caller` is asked for: a file whose async functions call no helper resolves nothing.
   * The answers are the same as with `addCall`: a caller's calls are resolved all at once, in the
   * order they were recorded, before any summary that depends on them is computed.
   */
  addLazyCall(caller: FunctionNode, resolve: () => LocalFunction | null): void {
    if (caller.async || caller.generator) return;
    this.byCaller(caller).push({ caller, target: null, resolve });
  }

  private byCaller(caller: FunctionNode): CallEdge[] {
    let edges = this.callsByCaller.get(caller);
    if (!edges) {
      edges = [];
      this.callsByCaller.set(caller, edges);
    }
    return edges;
  }

  /** Resolves the lazy calls of `root` and of every function it reaches. */
  private expand(root: FunctionNode): void {
    const stack = [root];
    for (let fn = stack.pop(); fn; fn = stack.pop()) {
      if (this.expanded.has(fn)) continue;
      this.expanded.add(fn);
      for (const edge of this.callsByCaller.get(fn) ?? []) {
        if (edge.resolve) {
          edge.target = edge.resolve();
          edge.resolve = null;
          if (edge.target) {
            this.calls.push(edge);
            this.summaries = null;
          }
        }
        if (edge.target) stack.push(edge.target.node);
      }
    }
  }

  get hasOperations(): boolean {
    return this.operations.size > 0;
  }

  /** The chain of helpers from `target` to a blocking operation, or null. */
  chainFrom(target: LocalFunction): BlockingChain<Op> | null {
    this.expand(target.node);
    const summaries = this.compute();
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

  private compute(): Map<FunctionNode, Summary<Op>> {
    if (this.summaries) return this.summaries;
    const summaries = new Map<FunctionNode, Summary<Op>>();
    for (const [fn, operation] of this.operations) summaries.set(fn, { depth: 1, next: null, operation });
    for (let depth = 2; depth <= this.maxDepth; depth++) {
      for (const { caller, target } of this.calls) {
        if (!target || summaries.has(caller)) continue;
        const reached = summaries.get(target.node);
        if (reached && reached.depth < depth) {
          summaries.set(caller, { depth, next: target, operation: reached.operation });
        }
      }
    }
    this.summaries = summaries;
    return summaries;
  }
}
