import { AST_NODE_TYPES, type TSESTree } from '@typescript-eslint/utils';

// Busy-wait sleeps: loops that spin on a clock until a deadline. The rule finds the clock reads
// through imports (`Date.now`, `performance.now`, `process.hrtime`, `new Date()`) and asks here
// whether a read makes its loop a busy-wait.

export type LoopNode = TSESTree.WhileStatement | TSESTree.DoWhileStatement | TSESTree.ForStatement;

const RELATIONAL = new Set(['<', '<=', '>', '>=']);

/** The loop a statement is the body of, or the only other statement of. */
function loopOf(statement: TSESTree.Node, only: boolean): LoopNode | null {
  let body: TSESTree.Node = statement;
  if (statement.parent?.type === AST_NODE_TYPES.BlockStatement) {
    if (only && statement.parent.body.length !== 1) return null;
    body = statement.parent;
  }
  const loop = body.parent;
  return loop && isLoop(loop) && loop.body === body ? loop : null;
}

function isLoop(node: TSESTree.Node): node is LoopNode {
  return (
    node.type === AST_NODE_TYPES.WhileStatement ||
    node.type === AST_NODE_TYPES.DoWhileStatement ||
    node.type === AST_NODE_TYPES.ForStatement
  );
}

/** `name`, or arithmetic on it (`now - start`). */
function isArithmeticOf(node: TSESTree.Node, name: string): boolean {
  if (node.type === AST_NODE_TYPES.Identifier) return node.name === name;
  return (
    node.type === AST_NODE_TYPES.BinaryExpression &&
    ['-', '+', '*', '/'].includes(node.operator) &&
    (isArithmeticOf(node.left, name) || isArithmeticOf(node.right, name))
  );
}

function isBreak(node: TSESTree.Statement): boolean {
  if (node.type === AST_NODE_TYPES.BlockStatement) return node.body.length === 1 && node.body[0] !== undefined && isBreak(node.body[0]);
  return node.type === AST_NODE_TYPES.BreakStatement && node.label === null;
}

/**
 * The loop a clock read makes a busy-wait, or null. The read (possibly inside arithmetic, a member
 * access, `.getTime()`, unary `+`) must be one side of a `<`/`<=`/`>`/`>=` comparison with a
 * deadline, and the loop must only spin (see `isSpinBody`):
 * - the comparison is (alone or in `&&`/`||`) the loop's condition: `while (Date.now() < end) {}`;
 * - or it is the condition of `if (...) break;`, the only statement of a `while (true)` / `for (;;)`;
 * - or the read is assigned to the variable the loop condition compares:
 *   `while (now < end) { now = Date.now(); }`.
 * A loop that does work until a time budget runs out is not a sleep and is not returned.
 */
export function busyWaitLoop(clock: TSESTree.Node): LoopNode | null {
  let child: TSESTree.Node = clock;
  let compared = false;
  let parent: TSESTree.Node | undefined = clock.parent;
  walk: for (; parent; child = parent, parent = parent.parent) {
    switch (parent.type) {
      case AST_NODE_TYPES.BinaryExpression:
        if (RELATIONAL.has(parent.operator)) {
          if (compared) return null;
          compared = true;
        } else if (!['-', '+', '*', '/'].includes(parent.operator)) {
          return null;
        }
        continue;
      case AST_NODE_TYPES.MemberExpression:
      case AST_NODE_TYPES.ChainExpression:
      case AST_NODE_TYPES.TSAsExpression:
      case AST_NODE_TYPES.TSNonNullExpression:
        // process.hrtime()[0], new Date().getTime()
        continue;
      case AST_NODE_TYPES.CallExpression:
        // Number(process.hrtime.bigint()), new Date().getTime(); any other call of the read is unknown
        if (parent.callee === child && !isTimeValueRead(child)) return null;
        continue;
      case AST_NODE_TYPES.UnaryExpression:
        // +new Date()
        if (parent.operator !== '+') return null;
        continue;
      case AST_NODE_TYPES.LogicalExpression:
        if (!compared) return null;
        continue;
      default:
        break walk;
    }
  }
  if (!parent) return null;
  if (isLoop(parent)) return compared && parent.test === child && isSpinBody(parent.body, null) ? parent : null;
  if (parent.type === AST_NODE_TYPES.IfStatement) {
    if (!compared || parent.test !== child || parent.alternate || !isBreak(parent.consequent)) return null;
    const loop = loopOf(parent, true);
    const forever = loop?.test == null || (loop.test.type === AST_NODE_TYPES.Literal && loop.test.value === true);
    return loop && forever ? loop : null;
  }
  if (
    parent.type === AST_NODE_TYPES.AssignmentExpression &&
    !compared &&
    parent.operator === '=' &&
    parent.right === child &&
    parent.left.type === AST_NODE_TYPES.Identifier &&
    parent.parent.type === AST_NODE_TYPES.ExpressionStatement
  ) {
    const name = parent.left.name;
    const statement = parent.parent;
    const loop = loopOf(statement, false);
    const test = loop?.test;
    const comparesVariable =
      test?.type === AST_NODE_TYPES.BinaryExpression &&
      RELATIONAL.has(test.operator) &&
      [test.left, test.right].some((side) => isArithmeticOf(side, name));
    return loop && comparesVariable && isSpinBody(loop.body, statement) ? loop : null;
  }
  return null;
}

/** `<date>.getTime` / `<date>.valueOf`: reading the time of a `new Date()`. */
function isTimeValueRead(callee: TSESTree.Node): boolean {
  return (
    callee.type === AST_NODE_TYPES.MemberExpression &&
    !callee.computed &&
    callee.property.type === AST_NODE_TYPES.Identifier &&
    (callee.property.name === 'getTime' || callee.property.name === 'valueOf')
  );
}

const SPIN_BODY_BUDGET = 40;

/**
 * True when a loop body does nothing but spin: empty, or only updates and assignments of
 * variables and constants (`spins++`, `x = y + 1`), with no call, `new`, `await` or `yield`, in at
 * most `SPIN_BODY_BUDGET` nodes. `clockUpdate` is the one statement that may read the clock.
 */
function isSpinBody(body: TSESTree.Statement, clockUpdate: TSESTree.Node | null): boolean {
  let budget = SPIN_BODY_BUDGET;
  const stack: TSESTree.Node[] = [body];
  while (stack.length > 0) {
    const node = stack.pop();
    if (!node) break;
    if (node === clockUpdate) continue;
    if (--budget < 0) return false;
    switch (node.type) {
      case AST_NODE_TYPES.BlockStatement:
        stack.push(...node.body);
        break;
      case AST_NODE_TYPES.EmptyStatement:
      case AST_NODE_TYPES.Identifier:
      case AST_NODE_TYPES.Literal:
      case AST_NODE_TYPES.ContinueStatement:
        break;
      case AST_NODE_TYPES.ExpressionStatement:
        stack.push(node.expression);
        break;
      case AST_NODE_TYPES.UpdateExpression:
        stack.push(node.argument);
        break;
      case AST_NODE_TYPES.AssignmentExpression:
      case AST_NODE_TYPES.BinaryExpression:
        stack.push(node.left, node.right);
        break;
      case AST_NODE_TYPES.UnaryExpression:
        stack.push(node.argument);
        break;
      default:
        return false;
    }
  }
  return true;
}
