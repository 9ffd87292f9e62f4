import { type TSESLint, type TSESTree } from '@typescript-eslint/utils';
import { AST_NODE_TYPES } from '../util/ast-node-types';
import { staticMemberName, variableOfIdentifier } from '../util/ast';
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

/** Array methods that take one element out of a list: a lookup that loads one module, not a folder. */
const PICKS_ONE: ReadonlySet<string> = new Set(['find', 'findLast', 'at', 'pop', 'shift']);

/**
 * A value the flow follows: the listing, or a list made from it (`item: false`), or one name taken
 * from it in an iteration (`item: true`: the variable of a `for...of`, an inline callback's
 * parameter, `files[i]` in an index loop) and any value built from that name.
 */
interface Flow {
  readonly node: TSESTree.Node;
  readonly item: boolean;
}

/**
 * True when the value of `node` (a synchronous file-system call made by `fn`, such as
 * `readdirSync(dir)`) reaches the argument of a `require()` that `fn` runs itself (not a callback
 * it defers) as one name of an iteration over it, so that every listed module loads: the variable
 * of a `for...of`/`for...in` over it, the parameter of an inline callback over it
 * (`files.forEach((file) => ...)`), `files[i]` with `i` the index of a `for` loop; followed
 * through the bindings the listing is stored in (`const files = ...`, also after a method chain
 * such as `.filter(...)`), and any expression built from a name (`path.join(dir, file)`, any other
 * call built from it, a template, `dir + '/' + file`), up to `MAX_FLOW_STEPS` values. No flow:
 * one name picked from the listing (`.find(...)`, `.filter(...)[0]`, `.at(-1)`: a lookup, which
 * loads one module but lists the folder each time), and a test on it
 * (`files.includes(lang) ? lang : 'en'`), which decides which module loads but does not name it.
 *
 * Such a function loads a folder of modules: `require` reads and compiles each file synchronously
 * anyway, so an asynchronous listing gains nothing. `import()` is no such sink: it loads
 * asynchronously, so the listing stays the one blocking step of the function.
 */
export function feedsRequire(node: TSESTree.Node, fn: FunctionNode, sourceCode: Readonly<TSESLint.SourceCode>): boolean {
  const pending: Flow[] = [{ node, item: false }];
  const seen = { lists: new Set<TSESTree.Node>(), items: new Set<TSESTree.Node>() };
  const follow = (variables: readonly TSESLint.Scope.Variable[], item: boolean): void => {
    for (const variable of variables) {
      for (const reference of variable.references) {
        if (reference.isRead()) pending.push({ node: reference.identifier, item });
      }
    }
  };
  const followParameter = (callback: TSESTree.Node | undefined): void => {
    if (!callback || !isFunctionNode(callback) || !isInlineCallback(callback) || callback.async) return;
    const first = callback.params[0];
    if (first) follow(sourceCode.getDeclaredVariables(callback).filter((variable) => patternNames(first).includes(variable.name)), true);
  };
  for (let steps = 0; pending.length > 0 && steps < MAX_FLOW_STEPS; steps++) {
    const flow = pending.pop();
    const visited = flow?.item ? seen.items : seen.lists;
    if (!flow || visited.has(flow.node)) continue;
    visited.add(flow.node);
    let item = flow.item;
    let child: TSESTree.Node = flow.node;
    for (let parent = child.parent; parent; child = parent, parent = parent.parent) {
      if (parent.type === AST_NODE_TYPES.CallExpression) {
        if (parent.callee === child) break;
        if (isRequireCall(parent)) {
          const execution = getExecutionContext(parent);
          if (item && execution.kind === 'function' && execution.node === fn) return true;
          break;
        }
        continue; // `path.join(dir, file)`: a value built from the argument
      }
      if (parent.type === AST_NODE_TYPES.MemberExpression) {
        if (parent.object !== child) break;
        if (!item && picksOne(parent, sourceCode)) break;
        if (parent.computed) {
          item = true; // `files[i]` in an index loop, or a part of a name (`file.split('.')[0]`)
          continue;
        }
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
        follow(sourceCode.getDeclaredVariables(parent), item);
      } else if ((parent.type === AST_NODE_TYPES.ForOfStatement || parent.type === AST_NODE_TYPES.ForInStatement) && parent.right === child) {
        follow(sourceCode.getDeclaredVariables(parent.left), true);
      }
      break;
    }
  }
  return false;
}

/**
 * True when `member` takes one element out of a list: `list.find(...)`, `.at(-1)`, `.pop()`, or
 * `list[k]` for any `k` but the index of an enclosing loop (`for (let i = 0; ...)`, `for (const i in list)`).
 */
function picksOne(member: TSESTree.MemberExpression, sourceCode: Readonly<TSESLint.SourceCode>): boolean {
  if (member.computed) return !isLoopIndex(member.property, sourceCode);
  const name = staticMemberName(member);
  return name !== null && PICKS_ONE.has(name) && member.parent.type === AST_NODE_TYPES.CallExpression && member.parent.callee === member;
}

/** True when `node` is a variable declared by a `for` loop's init or a `for...in`'s left side. */
function isLoopIndex(node: TSESTree.Node, sourceCode: Readonly<TSESLint.SourceCode>): boolean {
  if (node.type !== AST_NODE_TYPES.Identifier) return false;
  const definition = variableOfIdentifier(sourceCode, node)?.defs[0];
  const declaration = definition?.type === 'Variable' ? definition.parent : undefined;
  const loop = declaration?.parent;
  return (
    (loop?.type === AST_NODE_TYPES.ForStatement && loop.init === declaration) ||
    (loop?.type === AST_NODE_TYPES.ForInStatement && loop.left === declaration)
  );
}
