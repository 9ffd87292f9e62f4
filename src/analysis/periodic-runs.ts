import { ASTUtils, type TSESLint, type TSESTree } from '@typescript-eslint/utils';
import { AST_NODE_TYPES } from '../util/ast-node-types';
import { skipTransparent } from '../util/ast';
import { isFunctionNode } from './async-context';

/**
 * True when `call`, the whole expression of `statement`, is the first run of a periodic task: a
 * statement of the same block (before or after it; also as the only statement of an `if` without
 * `else`) hands the same function to the global `setInterval` to repeat it the same way:
 * `tick(); setInterval(tick, ms);`, `this.poll(); this.timer = setInterval(this.poll, ms);`,
 * `report(project); setInterval(report, ms, project);`, `update(); setInterval(() => update(), ms);`.
 * Every later run's promise is dropped by the timer, by design; the first run, dropped the same
 * way, is no worse than those, and whatever the task's failures need is a change inside the task,
 * not at this one call.
 */
export function firstRunOfInterval(call: TSESTree.CallExpression, statement: TSESTree.Statement, sourceCode: Readonly<TSESLint.SourceCode>): boolean {
  const parent = statement.parent;
  const siblings = parent?.type === AST_NODE_TYPES.BlockStatement || parent?.type === AST_NODE_TYPES.Program ? parent.body : null;
  if (!siblings) return false;
  const callee = skipTransparent(call.callee);
  if (callee.type !== AST_NODE_TYPES.Identifier && callee.type !== AST_NODE_TYPES.MemberExpression) return false;
  const calleeText = sourceCode.getText(callee);
  const argumentTexts = call.arguments.map((argument) => sourceCode.getText(argument));
  const callText = sourceCode.getText(call);
  return siblings.some((sibling) => {
    if (sibling === statement) return false;
    const interval = intervalCallOf(sibling);
    if (!interval || !isGlobalSetInterval(interval, sourceCode)) return false;
    const task = interval.arguments[0] ? skipTransparent(interval.arguments[0]) : null;
    if (!task) return false;
    if (isFunctionNode(task)) return task.params.length === 0 && onlyCallText(task, sourceCode) === callText;
    // `setInterval(tick, ms, ...args)` runs `tick(...args)`.
    const extra = interval.arguments.slice(2).map((argument) => sourceCode.getText(argument));
    return sourceCode.getText(boundTarget(task)) === calleeText && extra.length === argumentTexts.length && extra.every((text, index) => text === argumentTexts[index]);
  });
}

/** The `setInterval(...)` call `statement` consists of: as an expression, assigned, declared, or the only statement of an `if` without `else`. */
function intervalCallOf(statement: TSESTree.Statement): TSESTree.CallExpression | null {
  let expression: TSESTree.Node | null = null;
  if (statement.type === AST_NODE_TYPES.IfStatement && !statement.alternate) return intervalCallOf(statement.consequent);
  if (statement.type === AST_NODE_TYPES.BlockStatement && statement.body.length === 1 && statement.body[0]) return intervalCallOf(statement.body[0]);
  if (statement.type === AST_NODE_TYPES.ExpressionStatement) {
    expression = skipTransparent(statement.expression);
    if (expression.type === AST_NODE_TYPES.AssignmentExpression) expression = skipTransparent(expression.right);
  } else if (statement.type === AST_NODE_TYPES.VariableDeclaration && statement.declarations.length === 1) {
    const init = statement.declarations[0]?.init;
    expression = init ? skipTransparent(init) : null;
  }
  return expression?.type === AST_NODE_TYPES.CallExpression ? expression : null;
}

/** `setInterval` not declared or imported in the file. */
function isGlobalSetInterval(call: TSESTree.CallExpression, sourceCode: Readonly<TSESLint.SourceCode>): boolean {
  const callee = skipTransparent(call.callee);
  if (callee.type !== AST_NODE_TYPES.Identifier || callee.name !== 'setInterval') return false;
  const variable = ASTUtils.findVariable(sourceCode.getScope(callee), 'setInterval');
  return !variable || variable.defs.length === 0;
}

/** `this.tick.bind(this)` is `this.tick`. */
function boundTarget(task: TSESTree.Node): TSESTree.Node {
  if (task.type !== AST_NODE_TYPES.CallExpression || task.callee.type !== AST_NODE_TYPES.MemberExpression) return task;
  const method = task.callee.property;
  return !task.callee.computed && method.type === AST_NODE_TYPES.Identifier && method.name === 'bind' ? skipTransparent(task.callee.object) : task;
}

/** The text of the one call a callback makes: `() => tick()`, `function () { tick(); }`; null otherwise. */
function onlyCallText(fn: TSESTree.FunctionLike, sourceCode: Readonly<TSESLint.SourceCode>): string | null {
  const body = fn.body;
  if (!body) return null;
  let expression: TSESTree.Node | null = null;
  if (body.type !== AST_NODE_TYPES.BlockStatement) expression = body;
  else if (body.body.length === 1 && body.body[0]?.type === AST_NODE_TYPES.ExpressionStatement) expression = body.body[0].expression;
  if (!expression) return null;
  expression = skipTransparent(expression);
  if (expression.type === AST_NODE_TYPES.UnaryExpression && expression.operator === 'void') expression = skipTransparent(expression.argument);
  return expression.type === AST_NODE_TYPES.CallExpression ? sourceCode.getText(expression) : null;
}
