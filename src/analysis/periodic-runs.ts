import path from 'node:path';
import { ASTUtils, type TSESLint, type TSESTree } from '@typescript-eslint/utils';
import { AST_NODE_TYPES } from '../util/ast-node-types';
import { isLoopStatement, lastWrittenName, skipTransparent } from '../util/ast';
import { SCHEDULE_DATA_KEY, SCHEDULE_DECORATOR_NAME, SCHEDULE_FOLDER, SCHEDULED_JOB_NAME } from '../catalog/iteration-order';
import { isFunctionNode } from './async-context';
import { getImportSource, isRelativeSpecifier } from './imports';
import { someNodeInSameFunction } from './walk';

/**
 * True when `call`, the whole expression of `statement`, is the first run of a periodic task: a
 * statement of the same block (as the only statement after it, or before it when nothing follows
 * it; also as the only statement of an `if` without `else`) hands the same function to the global
 * `setInterval` to repeat it the same way: `tick(); setInterval(tick, ms);`,
 * `this.poll(); this.timer = setInterval(this.poll.bind(this), ms);`,
 * `report(project); setInterval(report, ms, project);`, `update(); setInterval(() => update(), ms);`.
 * Every later run's promise is dropped by the timer, by design (an expression-bodied callback's
 * call is not reported); the first run, dropped the same way, is no worse, and whatever the
 * task's failures need is a change inside the task, not at this one call. Code after the first run
 * other than the interval may need it done (a first load, then the server that reads it), so
 * then it is reported; so is a callback with braces (whose call the rule reports too). A method
 * handed over by reference (`setInterval(this.poll, ms)`) matches: classes that do so bind their
 * methods in the constructor.
 */
export function firstRunOfInterval(call: TSESTree.CallExpression, statement: TSESTree.Statement, sourceCode: Readonly<TSESLint.SourceCode>): boolean {
  const parent = statement.parent;
  const siblings = parent?.type === AST_NODE_TYPES.BlockStatement || parent?.type === AST_NODE_TYPES.Program ? parent.body : null;
  if (!siblings) return false;
  // Only the last two statements of a block can be a first run: found from the end, so a drop in a
  // long block costs no search of it.
  const last = siblings.length - 1;
  const index = siblings[last] === statement ? last : siblings[last - 1] === statement ? last - 1 : -1;
  if (index === -1) return false;
  const after = siblings.slice(index + 1);
  const intervals = (after.length === 1 ? after : siblings.slice(0, index)).flatMap((sibling) => {
    const interval = intervalCallOf(sibling);
    return interval && isGlobalSetInterval(interval, sourceCode) ? [interval] : [];
  });
  if (intervals.length === 0) return false;
  const callee = skipTransparent(call.callee);
  if (callee.type !== AST_NODE_TYPES.Identifier && callee.type !== AST_NODE_TYPES.MemberExpression) return false;
  const calleeText = sourceCode.getText(callee);
  const argumentTexts = call.arguments.map((argument) => sourceCode.getText(argument));
  const callText = sourceCode.getText(call);
  return intervals.some((interval) => {
    const task = interval.arguments[0] ? skipTransparent(interval.arguments[0]) : null;
    if (!task) return false;
    if (isFunctionNode(task)) return task.params.length === 0 && onlyCallText(task, sourceCode) === callText;
    // `setInterval(tick, ms, ...args)` runs `tick(...args)`.
    const target = boundTarget(task);
    const extra = interval.arguments.slice(2).map((argument) => sourceCode.getText(argument));
    return sourceCode.getText(target) === calleeText && extra.length === argumentTexts.length && extra.every((text, position) => text === argumentTexts[position]);
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

/** A call of the global `setInterval` (one not declared or imported in the file), shared by the rules that read periodic work. */
export function isGlobalSetInterval(call: TSESTree.CallExpression, sourceCode: Readonly<TSESLint.SourceCode>): boolean {
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

/**
 * The text of the call an expression-bodied callback makes (`() => tick()`, `() => void tick()`);
 * null otherwise. A body with braces is left out: the rule reports the call dropped in it.
 */
function onlyCallText(fn: TSESTree.FunctionLike, sourceCode: Readonly<TSESLint.SourceCode>): string | null {
  const body = fn.body;
  if (!body || body.type === AST_NODE_TYPES.BlockStatement) return null;
  let expression: TSESTree.Node = skipTransparent(body);
  if (expression.type === AST_NODE_TYPES.UnaryExpression && expression.operator === 'void') expression = skipTransparent(expression.argument);
  return expression.type === AST_NODE_TYPES.CallExpression ? sourceCode.getText(expression) : null;
}

/**
 * Names of a pause an imported function may have (`import delay from 'delay'`, `import { sleep }
 * from '@acme/utils'`): a package's text is not read, so its name is what tells. A member call
 * named so (`channel.wait()`, `player.pause()`) is no pause by its name alone.
 */
const PAUSE_NAMES: ReadonlySet<string> = new Set(['sleep', 'delay', 'wait', 'setTimeout', 'pause']);

/** Per endless loop: whether it paces a worker (`isPacedLoop`). Made per file by the rule. */
export type PacedLoopCache = Map<TSESTree.Node, boolean>;

/**
 * True when `node` runs in a worker that paces itself: inside an endless loop (`while (true)`,
 * `do ... while (true)`, `for (;;)`) of its own function that never ends (no `return`, `throw`
 * or `break` leaves it) and whose body awaits a pause as one of its own statements
 * (`await wait(ms);`: a delay `isDelay` accepts, or an imported function of a package named for
 * one), or in a function of this file (a declaration or a `const`, not exported) that is called,
 * and only called, from such a loop. Nobody waits on a round of such a loop, and the pause says
 * the author spreads its work over time: a background sync over users, a poller. A retry loop (left
 * by `return` or `throw`, its backoff in a `catch`) and a paginated crawl (left by `break` at the
 * last page) are awaited by their callers, and are no such worker.
 */
export function runsInPacedLoop(
  node: TSESTree.Node,
  sourceCode: Readonly<TSESLint.SourceCode>,
  isDelay: (expression: TSESTree.Node) => boolean,
  cache: PacedLoopCache = new Map(),
): boolean {
  if (insidePacedLoop(node, sourceCode, isDelay, cache)) return true;
  let fn: TSESTree.Node | undefined = node.parent;
  while (fn && !isFunctionNode(fn)) fn = fn.parent;
  if (!fn) return false;
  const holder = fn.parent;
  const name =
    fn.type === AST_NODE_TYPES.FunctionDeclaration
      ? fn.id
      : holder?.type === AST_NODE_TYPES.VariableDeclarator && holder.init === fn && holder.parent.kind === 'const' && holder.id.type === AST_NODE_TYPES.Identifier
        ? holder.id
        : null;
  // Exported: another module may call it where someone waits.
  const declaration = fn.type === AST_NODE_TYPES.FunctionDeclaration ? fn : holder?.parent;
  if (!name || declaration?.parent?.type === AST_NODE_TYPES.ExportNamedDeclaration || declaration?.parent?.type === AST_NODE_TYPES.ExportDefaultDeclaration) return false;
  const variable = ASTUtils.findVariable(sourceCode.getScope(name), name.name);
  const uses = variable?.references.filter((reference) => reference.identifier !== name) ?? [];
  return (
    uses.length > 0 &&
    uses.every((reference) => {
      const call = reference.identifier.parent;
      return call?.type === AST_NODE_TYPES.CallExpression && call.callee === reference.identifier && insidePacedLoop(call, sourceCode, isDelay, cache);
    })
  );
}

/** `node` sits in a paced endless loop of its own function (see `runsInPacedLoop`). */
function insidePacedLoop(node: TSESTree.Node, sourceCode: Readonly<TSESLint.SourceCode>, isDelay: (expression: TSESTree.Node) => boolean, cache: PacedLoopCache): boolean {
  for (let current = node.parent; current && !isFunctionNode(current); current = current.parent) {
    const endless =
      current.type === AST_NODE_TYPES.WhileStatement || current.type === AST_NODE_TYPES.DoWhileStatement
        ? current.test.type === AST_NODE_TYPES.Literal && current.test.value === true
        : current.type === AST_NODE_TYPES.ForStatement && current.test === null;
    if (!endless || !isLoopStatement(current)) continue;
    let paced = cache.get(current);
    if (paced === undefined) {
      paced = isPacedLoop(current, sourceCode, isDelay);
      cache.set(current, paced);
    }
    if (paced) return true;
  }
  return false;
}

/** The endless `loop` awaits a pause as a statement of its own body and nothing in it leaves it. */
function isPacedLoop(loop: TSESTree.Node & { body: TSESTree.Statement }, sourceCode: Readonly<TSESLint.SourceCode>, isDelay: (expression: TSESTree.Node) => boolean): boolean {
  const statements = loop.body.type === AST_NODE_TYPES.BlockStatement ? loop.body.body : [loop.body];
  if (!statements.some((statement) => isPause(statement, sourceCode, isDelay))) return false;
  return !someNodeInSameFunction(loop.body, sourceCode.visitorKeys, (node) => leavesLoop(node, loop));
}

/** `await sleep(ms);` as a statement: a delay `isDelay` accepts, or an imported function of a package named for one (`PAUSE_NAMES`). */
function isPause(statement: TSESTree.Statement, sourceCode: Readonly<TSESLint.SourceCode>, isDelay: (expression: TSESTree.Node) => boolean): boolean {
  if (statement.type !== AST_NODE_TYPES.ExpressionStatement) return false;
  const expression = skipTransparent(statement.expression);
  if (expression.type !== AST_NODE_TYPES.AwaitExpression) return false;
  const awaited = skipTransparent(expression.argument);
  if (isDelay(awaited)) return true;
  if (awaited.type !== AST_NODE_TYPES.CallExpression) return false;
  const callee = skipTransparent(awaited.callee);
  if (callee.type !== AST_NODE_TYPES.Identifier || !PAUSE_NAMES.has(callee.name)) return false;
  const variable = ASTUtils.findVariable(sourceCode.getScope(callee), callee.name);
  const source = variable ? getImportSource(variable) : null;
  return source !== null && !isRelativeSpecifier(source.module);
}

/**
 * `node` (outside nested functions) ends the endless `loop`: a `return` or `throw`, a `break` of
 * the loop itself (not of a loop or `switch` inside it), or a labelled `break`/`continue` whose
 * label is not inside the loop's body.
 */
function leavesLoop(node: TSESTree.Node, loop: TSESTree.Node): boolean {
  if (node.type === AST_NODE_TYPES.ReturnStatement || node.type === AST_NODE_TYPES.ThrowStatement) return true;
  if (node.type !== AST_NODE_TYPES.BreakStatement && node.type !== AST_NODE_TYPES.ContinueStatement) return false;
  for (let current: TSESTree.Node | undefined = node.parent; current && current !== loop; current = current.parent) {
    if (node.label) {
      if (current.type === AST_NODE_TYPES.LabeledStatement && current.label.name === node.label.name) return false;
    } else if (isLoopStatement(current) || (node.type === AST_NODE_TYPES.BreakStatement && current.type === AST_NODE_TYPES.SwitchStatement)) {
      return false;
    }
  }
  if (node.type === AST_NODE_TYPES.BreakStatement) return true;
  // `continue rounds` of the loop's own label starts its next round.
  return node.label !== null && !(loop.parent?.type === AST_NODE_TYPES.LabeledStatement && loop.parent.label.name === node.label.name);
}

/**
 * True when `node` is part of a scheduled job, which runs on a timer with nobody waiting for it:
 * - the file's path below the working directory names one (`SCHEDULED_JOB_NAME`: `api/cron/route.ts`,
 *   `digest-cron.ts`), or one of its folders is a folder of jobs (`SCHEDULE_FOLDER`: `app/schedule/`);
 * - an enclosing function, method, variable or class, or that class's superclass, is named for
 *   one (`runTrialEmailCron`, `extends CronTask`);
 * - an enclosing class carries a scheduling decorator (`SCHEDULE_DECORATOR_NAME`: `@Schedule({
 *   ... })` on the class whose `subscribe()` the framework runs), or a decorator whose argument
 *   holds a job's timing (`SCHEDULE_DATA_KEY`: `scheduleData: { cron: '0 3 * * *' }`). A method
 *   decorator (`@Cron(...)`) is not read (see `SCHEDULE_DECORATOR_NAME`).
 * Only the file and the node's ancestors are read.
 */
export function runsOnSchedule(node: TSESTree.Node, context: Readonly<TSESLint.RuleContext<string, readonly unknown[]>>): boolean {
  const relative = path.relative(context.cwd, context.filename);
  const outside = relative.startsWith('..') || path.isAbsolute(relative);
  if (SCHEDULED_JOB_NAME.test(outside ? path.basename(context.filename) : relative)) return true;
  if (!outside && path.dirname(relative).split(/[\\/]/).some((folder) => SCHEDULE_FOLDER.test(folder))) return true;
  for (let current: TSESTree.Node | undefined = node.parent; current; current = current.parent) {
    const names: Array<TSESTree.Node | null | undefined> = [];
    let decorators: readonly TSESTree.Decorator[] = [];
    if (current.type === AST_NODE_TYPES.FunctionDeclaration || current.type === AST_NODE_TYPES.FunctionExpression) names.push(current.id);
    if (current.type === AST_NODE_TYPES.MethodDefinition || current.type === AST_NODE_TYPES.Property) names.push(current.key);
    if (current.type === AST_NODE_TYPES.VariableDeclarator) names.push(current.id);
    if (current.type === AST_NODE_TYPES.ClassDeclaration || current.type === AST_NODE_TYPES.ClassExpression) {
      names.push(current.id, current.superClass);
      // Under espree a node has no `decorators` list at all.
      decorators = (current.decorators as typeof decorators | undefined) ?? [];
    }
    for (const name of names) {
      const text = name ? lastWrittenName(name) : null;
      if (text !== null && SCHEDULED_JOB_NAME.test(text)) return true;
    }
    if (decorators.some(schedulesJob)) return true;
  }
  return false;
}

/** A class decorator named for scheduling (`@Schedule(...)`), or one handed a job's timing in an object literal. */
function schedulesJob(decorator: TSESTree.Decorator): boolean {
  const expression = skipTransparent(decorator.expression);
  const name = lastWrittenName(expression);
  if (name !== null && SCHEDULE_DECORATOR_NAME.test(name)) return true;
  return expression.type === AST_NODE_TYPES.CallExpression && expression.arguments.some((argument) => holdsScheduleData(argument, 0));
}

/** An object literal (nested at most three deep) with a key that holds a job's timing (`SCHEDULE_DATA_KEY`). */
function holdsScheduleData(node: TSESTree.Node, depth: number): boolean {
  const value = skipTransparent(node);
  if (value.type !== AST_NODE_TYPES.ObjectExpression || depth > 3) return false;
  return value.properties.some((property) => {
    if (property.type !== AST_NODE_TYPES.Property) return false;
    const key = property.computed ? null : property.key.type === AST_NODE_TYPES.Identifier ? property.key.name : property.key.type === AST_NODE_TYPES.Literal ? String(property.key.value) : null;
    return (key !== null && SCHEDULE_DATA_KEY.test(key)) || holdsScheduleData(property.value, depth + 1);
  });
}
