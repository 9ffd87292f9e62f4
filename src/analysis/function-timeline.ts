import { AST_NODE_TYPES, type TSESLint, type TSESTree } from '@typescript-eslint/utils';
import { type FunctionNode, isFunctionNode } from './async-context';
import { forEachChild } from './dependencies';
import { perFile } from './per-file';
import { getSourceWords, type SourceWords } from './source-words';
import { isLoopStatement } from '../util/ast';

/** A function body, or the module itself (top-level `await`). */
export type TimelineOwner = FunctionNode | TSESTree.Program;

/**
 * Something that happens while one function runs, at a point in its source order:
 * - `suspension`: the function stops and lets other work run: `await x` (after `x` is evaluated),
 *   `for await (... of x)` (after `x` is evaluated), `yield` inside an async generator;
 * - `exit`: control leaves the function or jumps out of a statement: `return` (after its
 *   argument), `throw`, `break`, `continue`. `target` is the statement a `break`/`continue`
 *   leaves (the labelled statement, or the innermost loop / `switch`); `catcher` is the innermost
 *   `try` of the same function whose block holds a `throw` and that has a `catch` clause (the
 *   throw then lands there instead of leaving the function).
 *
 * `time` orders events: the source offset at which the event takes effect (the end of an
 * `await` expression, the end of the iterable of a `for await`, the end of an exit statement).
 * A reference at offset `t` happens before an event with `time > t`.
 */
export type TimelineEvent =
  | {
      kind: 'suspension';
      node: TSESTree.AwaitExpression | TSESTree.ForOfStatement | TSESTree.YieldExpression;
      time: number;
    }
  | {
      kind: 'exit';
      node: TSESTree.ReturnStatement | TSESTree.ThrowStatement | TSESTree.BreakStatement | TSESTree.ContinueStatement;
      target: TSESTree.Node | null;
      catcher: TSESTree.TryStatement | null;
      time: number;
    };

/** The suspensions and exits of one function's own code (nested functions and classes excluded), by `time`. */
export interface FunctionTimeline {
  readonly events: readonly TimelineEvent[];
  /** Index of the first event whose `time` is greater than `time` (`events.length` when none). */
  firstAfter(time: number): number;
}

/** TS nodes that hold a runtime expression; every other `TS*` node is a type and is not walked. */
const TS_VALUE_NODES: ReadonlySet<string> = new Set([
  AST_NODE_TYPES.TSAsExpression,
  AST_NODE_TYPES.TSNonNullExpression,
  AST_NODE_TYPES.TSSatisfiesExpression,
  AST_NODE_TYPES.TSTypeAssertion,
  AST_NODE_TYPES.TSInstantiationExpression,
]);

/**
 * The keyword of every event: an `await` expression or `for await` holds `await`, and so on. A
 * stretch of code where none of them starts holds no event, and the walk skips it.
 */
const EVENT_WORDS: readonly string[] = ['await', 'yield', 'return', 'throw', 'break', 'continue'];

/** Nodes of at most this many characters are walked without asking `EVENT_WORDS` first. */
const SKIP_CHECK_LENGTH = 48;

/** Mutable state of one walk: the statements a `break`/`continue` may leave, the enclosing `try` blocks. */
interface WalkState {
  readonly events: TimelineEvent[];
  readonly suspendsOnYield: boolean;
  /** Enclosing loops, `switch`es and labelled statements, innermost last. */
  readonly jumpTargets: TSESTree.Node[];
  /** Enclosing `try` blocks (with a `catch`) whose block is being walked, innermost last. */
  readonly catchers: TSESTree.TryStatement[];
}

/**
 * The timelines of a file's functions (see `TimelineEvent`). One walk per function, on first
 * question, that does not enter nested functions or class bodies, nor code where no event keyword
 * (`EVENT_WORDS`) starts: the cost is at most linear in the function's own code, and most
 * statements of a long function are passed over with one binary search each.
 */
export class FunctionTimelines {
  private readonly cache = new Map<TimelineOwner, FunctionTimeline>();

  constructor(
    private readonly visitorKeys: TSESLint.SourceCode.VisitorKeys,
    private readonly words: SourceWords,
  ) {}

  timelineOf(owner: TimelineOwner): FunctionTimeline {
    const cached = this.cache.get(owner);
    if (cached) return cached;
    const state: WalkState = {
      events: [],
      suspendsOnYield: owner.type !== AST_NODE_TYPES.Program && owner.async && owner.generator,
      jumpTargets: [],
      catchers: [],
    };
    if (owner.type === AST_NODE_TYPES.Program) {
      for (const statement of owner.body) this.walk(statement, state);
    } else {
      this.walk(owner.body, state);
    }
    // The walk emits events after their children, so the list is already sorted by end offset.
    const events = state.events;
    const timeline: FunctionTimeline = {
      events,
      firstAfter(time) {
        let low = 0;
        let high = events.length;
        while (low < high) {
          const middle = (low + high) >> 1;
          if ((events[middle] as TimelineEvent).time <= time) low = middle + 1;
          else high = middle;
        }
        return low;
      },
    };
    this.cache.set(owner, timeline);
    return timeline;
  }

  private walk(node: TSESTree.Node, state: WalkState): void {
    if (isFunctionNode(node) || node.type === AST_NODE_TYPES.ClassBody) return;
    if (node.type === AST_NODE_TYPES.Identifier || node.type === AST_NODE_TYPES.Literal) return;
    if (node.type.startsWith('TS') && !TS_VALUE_NODES.has(node.type)) return;
    // No event keyword starts inside the node: no event of its code either. Asked of nodes
    // longer than `SKIP_CHECK_LENGTH` only: a short one costs less to walk than to look up.
    if (node.range[1] - node.range[0] > SKIP_CHECK_LENGTH && !this.words.anyStartsBetween(EVENT_WORDS, node.range[0], node.range[1])) return;
    switch (node.type) {
      case AST_NODE_TYPES.ForOfStatement:
        this.walk(node.left, state);
        this.walk(node.right, state);
        if (node.await) state.events.push({ kind: 'suspension', node, time: node.right.range[1] });
        this.walkJumpTarget(node, node.body, state);
        return;
      case AST_NODE_TYPES.TryStatement:
        if (node.handler) state.catchers.push(node);
        this.walk(node.block, state);
        if (node.handler) state.catchers.pop();
        if (node.handler) this.walk(node.handler, state);
        if (node.finalizer) this.walk(node.finalizer, state);
        return;
      case AST_NODE_TYPES.LabeledStatement:
        this.walkJumpTarget(node, node.body, state);
        return;
      case AST_NODE_TYPES.SwitchStatement:
        this.walk(node.discriminant, state);
        state.jumpTargets.push(node);
        for (const switchCase of node.cases) this.walk(switchCase, state);
        state.jumpTargets.pop();
        return;
      default:
        break;
    }
    if (isLoopStatement(node)) {
      state.jumpTargets.push(node);
      forEachChild(node, this.visitorKeys, (child) => this.walk(child, state));
      state.jumpTargets.pop();
      return;
    }
    forEachChild(node, this.visitorKeys, (child) => this.walk(child, state));
    switch (node.type) {
      case AST_NODE_TYPES.AwaitExpression:
        state.events.push({ kind: 'suspension', node, time: node.range[1] });
        break;
      case AST_NODE_TYPES.YieldExpression:
        if (state.suspendsOnYield) state.events.push({ kind: 'suspension', node, time: node.range[1] });
        break;
      case AST_NODE_TYPES.ReturnStatement:
        state.events.push({ kind: 'exit', node, target: null, catcher: null, time: node.range[1] });
        break;
      case AST_NODE_TYPES.ThrowStatement:
        state.events.push({ kind: 'exit', node, target: null, catcher: state.catchers.at(-1) ?? null, time: node.range[1] });
        break;
      case AST_NODE_TYPES.BreakStatement:
      case AST_NODE_TYPES.ContinueStatement:
        state.events.push({ kind: 'exit', node, target: jumpTarget(node, state.jumpTargets), catcher: null, time: node.range[1] });
        break;
      default:
        break;
    }
  }

  private walkJumpTarget(target: TSESTree.Node, body: TSESTree.Node, state: WalkState): void {
    state.jumpTargets.push(target);
    this.walk(body, state);
    state.jumpTargets.pop();
  }
}

/** The statement a `break`/`continue` leaves: its label's statement, else the innermost loop (or `switch` for `break`). */
function jumpTarget(
  node: TSESTree.BreakStatement | TSESTree.ContinueStatement,
  targets: readonly TSESTree.Node[],
): TSESTree.Node | null {
  for (let index = targets.length - 1; index >= 0; index -= 1) {
    const target = targets[index] as TSESTree.Node;
    if (node.label) {
      if (target.type === AST_NODE_TYPES.LabeledStatement && target.label.name === node.label.name) return target;
      continue;
    }
    if (isLoopStatement(target)) return target;
    if (target.type === AST_NODE_TYPES.SwitchStatement && node.type === AST_NODE_TYPES.BreakStatement) return target;
  }
  return null;
}

/** The timelines of the file's functions, shared by every rule of the plugin (see `FunctionTimelines`). */
export const getFunctionTimelines = perFile((context) => new FunctionTimelines(context.sourceCode.visitorKeys, getSourceWords(context)));

/**
 * True when `a` and `b` sit in different arms of one branch, so no single run executes both:
 * the two arms of an `if` or `a ? b : c`, or two cases of a `switch` (fall-through ignored: two
 * cases count as exclusive). Cost: both nodes' depth.
 */
export function inExclusiveBranches(a: TSESTree.Node, b: TSESTree.Node): boolean {
  const childOnPathOfA = new Map<TSESTree.Node, TSESTree.Node>();
  for (let child: TSESTree.Node = a, parent = a.parent; parent; child = parent, parent = parent.parent) {
    childOnPathOfA.set(parent, child);
  }
  for (let child: TSESTree.Node = b, parent = b.parent; parent; child = parent, parent = parent.parent) {
    const fromA = childOnPathOfA.get(parent);
    if (fromA === undefined) continue;
    if (fromA === child) return false;
    switch (parent.type) {
      case AST_NODE_TYPES.IfStatement:
      case AST_NODE_TYPES.ConditionalExpression:
        return fromA !== parent.test && child !== parent.test;
      case AST_NODE_TYPES.SwitchStatement:
        return fromA.type === AST_NODE_TYPES.SwitchCase && child.type === AST_NODE_TYPES.SwitchCase;
      default:
        return false;
    }
  }
  return false;
}
