import { type TSESLint, type TSESTree } from '@typescript-eslint/utils';
import { AST_NODE_TYPES } from '../util/ast-node-types';
import { staticMemberName } from '../util/ast';
import { type FunctionNode, getExecutionContext, isFunctionNode, isInlineCallback } from './async-context';
import { patternNames } from './dependencies';
import { isRequireCall } from './promise-twin-fix';

/** How many values (expressions and bindings) `feedsRequire` follows before it gives up. */
const MAX_FLOW_STEPS = 200;

/**
 * Wrappers and operators whose value is built from their operand: the name read from a folder stays
 * in it (a `+` concatenation, a branch of `?:`; not a comparison or a condition's test).
 */
const CARRIES_VALUE: ReadonlySet<string> = new Set([
  AST_NODE_TYPES.TemplateLiteral,
  AST_NODE_TYPES.BinaryExpression,
  AST_NODE_TYPES.LogicalExpression,
  AST_NODE_TYPES.ConditionalExpression,
  AST_NODE_TYPES.ArrayExpression,
  AST_NODE_TYPES.SpreadElement,
  AST_NODE_TYPES.AwaitExpression,
  AST_NODE_TYPES.ChainExpression,
  AST_NODE_TYPES.TSAsExpression,
  AST_NODE_TYPES.TSNonNullExpression,
  AST_NODE_TYPES.TSSatisfiesExpression,
  AST_NODE_TYPES.TSTypeAssertion,
]);

/**
 * True when the value of `node` (a synchronous file-system call made by `fn`, such as
 * `readdirSync(dir)`) reaches the argument of a `require()` that `fn` runs itself (not a callback
 * it defers): directly, through the bindings it is stored in (`const files = ...`, also after a
 * method chain such as `.filter(...)`), the variable of a `for...of`/`for...in` over it, the
 * parameter of an inline callback over it (`files.forEach((file) => ...)`), and any expression
 * built from those (`path.join(dir, file)`, a template, `dir + '/' + file`), up to
 * `MAX_FLOW_STEPS` values. A test on the listing (`files.includes(lang) ? lang : 'en'`) decides
 * which module loads but does not name it: no flow.
 *
 * Such a function loads a folder of modules: `require` reads and compiles each file synchronously
 * anyway, so an asynchronous listing gains nothing. `import()` is no such sink: it loads
 * asynchronously, so the listing stays the one blocking step of the function.
 */
export function feedsRequire(node: TSESTree.Node, fn: FunctionNode, sourceCode: Readonly<TSESLint.SourceCode>): boolean {
  const pending: TSESTree.Node[] = [node];
  const seen = new Set<TSESTree.Node>();
  const follow = (variables: readonly TSESLint.Scope.Variable[]): void => {
    for (const variable of variables) {
      for (const reference of variable.references) {
        if (reference.isRead()) pending.push(reference.identifier);
      }
    }
  };
  const followParameter = (callback: TSESTree.Node | undefined): void => {
    if (!callback || !isFunctionNode(callback) || !isInlineCallback(callback) || callback.async) return;
    const first = callback.params[0];
    if (first) follow(sourceCode.getDeclaredVariables(callback).filter((variable) => patternNames(first).includes(variable.name)));
  };
  for (let steps = 0; pending.length > 0 && steps < MAX_FLOW_STEPS; steps++) {
    const start = pending.pop();
    if (!start || seen.has(start)) continue;
    seen.add(start);
    let child: TSESTree.Node = start;
    for (let parent = child.parent; parent; child = parent, parent = parent.parent) {
      if (parent.type === AST_NODE_TYPES.CallExpression) {
        if (parent.callee === child) break;
        if (isRequireCall(parent)) {
          const execution = getExecutionContext(parent);
          if (execution.kind === 'function' && execution.node === fn) return true;
          break;
        }
        continue; // `path.join(dir, file)`: a value built from the argument
      }
      if (parent.type === AST_NODE_TYPES.MemberExpression) {
        if (parent.object !== child) break;
        const call = parent.parent;
        // `files.forEach((file) => ...)`, `files.filter(...).map(...)`: the items go to the callback
        if (call?.type === AST_NODE_TYPES.CallExpression && call.callee === parent && staticMemberName(parent) !== null) {
          followParameter(call.arguments[0]);
          child = parent;
          parent = call;
        }
        continue;
      }
      // a comparison or a condition's test yields a boolean, not the name read from the folder
      if (parent.type === AST_NODE_TYPES.BinaryExpression && parent.operator !== '+') break;
      if (parent.type === AST_NODE_TYPES.ConditionalExpression && parent.test === child) break;
      if (CARRIES_VALUE.has(parent.type)) continue;
      if (parent.type === AST_NODE_TYPES.VariableDeclarator && parent.init === child) {
        follow(sourceCode.getDeclaredVariables(parent));
      } else if ((parent.type === AST_NODE_TYPES.ForOfStatement || parent.type === AST_NODE_TYPES.ForInStatement) && parent.right === child) {
        follow(sourceCode.getDeclaredVariables(parent.left));
      }
      break;
    }
  }
  return false;
}
