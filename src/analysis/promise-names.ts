import type { TSESLint, TSESTree } from '@typescript-eslint/utils';
import { AST_NODE_TYPES } from '../util/ast-node-types';
import { isTransparentWrapper } from '../util/ast';
import { isFunctionNode, nearestFunction } from './async-context';
import type { SourceWords } from './source-words';
import { deepestNodeAt } from './walk';

/** What `collectPromiseNames` finds. */
export interface PromiseNames {
  /** The names through which a promise can reach a call or a variable of the file. */
  readonly names: ReadonlySet<string>;
  /**
   * Every function whose call may return a promise by the inference: the async ones, and each
   * non-async function that a value which may be a promise is returned from (`return p`, `=> p`).
   * A non-async function outside it has no `return` whose value the inference can take for a promise.
   */
  readonly functions: ReadonlySet<TSESTree.Node>;
}

/**
 * Where the untyped promise inference of `promises.ts` may find a promise, named: the file's
 * evidence of promises (`seeds`) and every name through which that evidence can reach a call or a
 * variable. A callee or variable written with a name outside the set is no promise by that
 * inference, so it needs no scope lookup and no look at the function it names.
 *
 * The names are those of the bindings the inference resolves (`resolveCallee`, `constantInit`):
 * - a function declaration's name, a variable's name (`const f = ...`, `const p = ...`);
 * - a method, class field or object property's key (`this.save()`, `api.save()`, `C.load()`).
 *
 * A binding gets in when a value that may be a promise, or a function that may return one, can
 * flow into it, following the inference's own steps:
 * - the evidence: a call the promise catalogs list (`seeds.calls`: `fetch(...)`, `new Promise`,
 *   `promisify(...)`, `useCallback(...)`, `createInterface()`), every async function, and every
 *   reference of a variable named like a binding from a relative module (`seeds.names`);
 * - a value flows to the call it is the callee of (`f()`, `obj.m()`, also `obj` in `obj.m()`), the
 *   chain it is the receiver of (`p.then(...)`), the branch or last operand it is (`a ? p : q`,
 *   `(x, p)`), the `await` of it, through `as`/`!`/`?.` wrappers; into the variable it initializes
 *   (`const p = ...`), and, returned (`return p`, `=> p`), into the function that returns it;
 * - a function that may return a promise flows into the name it is declared or initialized with,
 *   the key it is the value of, the call it is the callee of (`(async () => ...)()`) and the call it
 *   is the first argument of (`useCallback(async () => ...)`);
 * - a variable's name is followed to its references (scope analysis); a key's name to every
 *   standalone occurrence of the word in the text (`SourceWords.wordOccurrences`), each looked up in
 *   the tree: a member (`x.save`, `x['save']`, `this.#save`) or reference there flows on.
 * Every route the inference can take from a promise to a call or variable is one of these steps,
 * so a name outside the set cannot name a promise-returning function or a promise variable. The
 * set is a superset (a flow into an argument or a test is not followed, but one into a call's
 * receiver is, whatever the method).
 *
 * The same steps also give the functions a promise can be returned from (`PromiseNames.functions`).
 *
 * Null when the set would cost more than it saves (more than `maxNames` names, or key lookups
 * scanning the text more than `maxScans` times over), or when an identifier is written with a `\u` escape
 * (it would not be found by its word), or when a key the flow reaches is the empty string (its
 * word occurs everywhere).
 */
export function collectPromiseNames(
  sourceCode: Readonly<TSESLint.SourceCode>,
  words: SourceWords,
  seeds: { readonly calls: Iterable<TSESTree.Node>; readonly names: Iterable<string> },
  limits: { readonly maxNames: number; readonly maxScans: number },
): PromiseNames | null {
  const ast = sourceCode.ast;
  // A name written with an escape (`\u0061pi`) would not be found by its word.
  if (words.escapesAnIdentifier()) return null;
  const names = new Set<string>();
  /** Key names whose occurrences are still to be followed, and variables whose references are. */
  const keyQueue: string[] = [];
  const variableQueue: TSESLint.Scope.Variable[] = [];
  const seenVariables = new Set<TSESLint.Scope.Variable>();
  const seenKeys = new Set<string>();
  const seenValues = new Set<TSESTree.Node>();
  const seenFunctions = new Set<TSESTree.Node>();
  let scans = 0;
  let overflow = false;

  const addName = (name: string): void => {
    names.add(name);
    if (names.size > limits.maxNames) overflow = true;
  };

  const addKey = (key: TSESTree.Node, computed: boolean): void => {
    if (computed && key.type !== AST_NODE_TYPES.Literal) return;
    const name =
      key.type === AST_NODE_TYPES.Identifier || key.type === AST_NODE_TYPES.PrivateIdentifier
        ? key.name
        : key.type === AST_NODE_TYPES.Literal
          ? String(key.value)
          : null;
    if (name === null) return;
    // A key named '' (`async ''() {}`, a command table's nameless command) cannot be followed by
    // its word, which occurs everywhere: give up, as past the budget.
    if (name === '') {
      overflow = true;
      return;
    }
    addName(name);
    if (!seenKeys.has(name)) {
      seenKeys.add(name);
      keyQueue.push(name);
    }
  };

  /** A variable binding (declared by `node`, named `id`) takes the flow: its name, then its references. */
  const addVariable = (node: TSESTree.Node, id: TSESTree.Identifier): void => {
    addName(id.name);
    for (const variable of sourceCode.getDeclaredVariables(node)) {
      if (variable.name !== id.name || seenVariables.has(variable)) continue;
      seenVariables.add(variable);
      variableQueue.push(variable);
    }
  };

  /** `fn` may return a promise: follow the function value to the bindings and calls it reaches. */
  const functionFlows = (fn: TSESTree.Node): void => {
    if (seenFunctions.has(fn)) return;
    seenFunctions.add(fn);
    if (fn.type === AST_NODE_TYPES.FunctionDeclaration) {
      if (fn.id) addVariable(fn, fn.id);
      return;
    }
    let value: TSESTree.Node = fn;
    for (let parent = value.parent; parent; value = parent, parent = parent.parent) {
      if (isTransparentWrapper(parent)) continue;
      switch (parent.type) {
        case AST_NODE_TYPES.CallExpression:
          // `(async () => ...)()` calls it; `useCallback(async () => ..., deps)` wraps it.
          if (parent.callee === value) return valueFlows(parent);
          if (parent.arguments[0] === value) continue;
          return;
        case AST_NODE_TYPES.VariableDeclarator:
          if (parent.init === value && parent.id.type === AST_NODE_TYPES.Identifier) addVariable(parent, parent.id);
          return;
        case AST_NODE_TYPES.Property:
        case AST_NODE_TYPES.MethodDefinition:
        case AST_NODE_TYPES.PropertyDefinition:
        case AST_NODE_TYPES.AccessorProperty:
        case AST_NODE_TYPES.TSAbstractMethodDefinition:
          if (parent.value === value) addKey(parent.key, parent.computed);
          return;
        default:
          return;
      }
    }
  };

  /** `node`'s value may be a promise (or, for a receiver, an object with promise methods): follow it. */
  const valueFlows = (node: TSESTree.Node): void => {
    let value = node;
    for (let parent = value.parent; parent; value = parent, parent = parent.parent) {
      if (seenValues.has(value)) return;
      seenValues.add(value);
      if (isTransparentWrapper(parent)) continue;
      switch (parent.type) {
        case AST_NODE_TYPES.AwaitExpression:
          continue;
        case AST_NODE_TYPES.CallExpression:
          if (parent.callee === value) continue;
          return;
        case AST_NODE_TYPES.MemberExpression: {
          // A receiver: `p.then(f)` is a chain, `rl.question()` a method of a promise object.
          const call = parent.parent;
          if (parent.object === value && call.type === AST_NODE_TYPES.CallExpression && call.callee === parent) {
            value = parent;
            parent = call;
            continue;
          }
          return;
        }
        case AST_NODE_TYPES.ConditionalExpression:
          if (parent.test === value) return;
          continue;
        case AST_NODE_TYPES.SequenceExpression:
          if (parent.expressions.at(-1) !== value) return;
          continue;
        case AST_NODE_TYPES.VariableDeclarator:
          if (parent.init === value && parent.id.type === AST_NODE_TYPES.Identifier) addVariable(parent, parent.id);
          return;
        case AST_NODE_TYPES.ReturnStatement: {
          const fn = nearestFunction(parent);
          if (fn) functionFlows(fn);
          return;
        }
        case AST_NODE_TYPES.ArrowFunctionExpression:
          if (parent.body === value) functionFlows(parent);
          return;
        default:
          return;
      }
    }
  };

  /** A use of a name at `node` (a reference, or a member's property): what it names flows on. */
  const useFlows = (node: TSESTree.Node): void => {
    const parent = node.parent;
    if (parent?.type === AST_NODE_TYPES.MemberExpression && parent.property === node) {
      valueFlows(parent);
      return;
    }
    valueFlows(node);
  };

  for (const call of seeds.calls) valueFlows(call);
  // The names bound from relative modules are followed to the references of every variable so
  // named (one pass over the scopes); without a scope manager, to every occurrence of the word.
  const seedNames = new Set(seeds.names);
  const scopes = sourceCode.scopeManager?.scopes;
  for (const name of seedNames) addName(name);
  if (seedNames.size > 0 && Array.isArray(scopes) && scopes.length > 0) {
    const follow = (variable: TSESLint.Scope.Variable | undefined): void => {
      if (!variable || seenVariables.has(variable)) return;
      seenVariables.add(variable);
      variableQueue.push(variable);
    };
    for (const scope of scopes) {
      // A scope's names are a map: a scope with more variables than there are seeds (the global
      // scope, with the library's hundreds of globals) is asked for the seeds, the others listed.
      if (seedNames.size < scope.variables.length) {
        for (const name of seedNames) follow(scope.set.get(name));
      } else {
        for (const variable of scope.variables) if (seedNames.has(variable.name)) follow(variable);
      }
    }
  } else {
    for (const name of seedNames) {
      if (seenKeys.has(name)) continue;
      seenKeys.add(name);
      keyQueue.push(name);
    }
  }
  const text = ast.range[1];
  for (const offset of words.wordOccurrences('async', ast.range[0], text)) {
    const node = deepestNodeAt(ast, offset, sourceCode.visitorKeys);
    if (!node) continue;
    if (isFunctionNode(node) && node.async) functionFlows(node);
    else if (
      (node.type === AST_NODE_TYPES.MethodDefinition ||
        node.type === AST_NODE_TYPES.Property ||
        node.type === AST_NODE_TYPES.TSAbstractMethodDefinition) &&
      isFunctionNode(node.value) &&
      node.value.async
    ) {
      functionFlows(node.value);
    }
  }
  while (!overflow && (variableQueue.length > 0 || keyQueue.length > 0)) {
    const variable = variableQueue.pop();
    if (variable) {
      const declared = new Set(variable.identifiers);
      for (const reference of variable.references) {
        if (!declared.has(reference.identifier as TSESTree.Identifier)) useFlows(reference.identifier as TSESTree.Node);
      }
      continue;
    }
    const key = keyQueue.pop();
    if (key === undefined) break;
    scans += 1;
    if (scans > limits.maxScans) {
      overflow = true;
      break;
    }
    for (const offset of words.wordOccurrences(key, ast.range[0], text)) {
      const node = deepestNodeAt(ast, offset, sourceCode.visitorKeys);
      if (
        node &&
        (node.type === AST_NODE_TYPES.Identifier || node.type === AST_NODE_TYPES.PrivateIdentifier || node.type === AST_NODE_TYPES.Literal)
      ) {
        useFlows(node);
      }
    }
  }
  return overflow ? null : { names, functions: seenFunctions };
}

