import { AST_NODE_TYPES, ASTUtils, type TSESLint, type TSESTree } from '@typescript-eslint/utils';
import type * as ts from 'typescript';
import { type FunctionNode, getAwaitableFunction, isFunctionNode } from '../analysis/async-context';
import {
  getPromiseAnalysis,
  isVoidReturningFunctionType,
} from '../analysis/promises';
import { someNodeInSameFunction } from '../analysis/walk';
import {
  AWAITING_VOID_CALLBACK_METHODS,
  EVENT_LISTENER_METHODS,
  PROMISE_IGNORING_METHODS,
} from '../catalog/promise-callbacks';
import { skipTransparent, staticMemberName, variableOfIdentifier } from '../util/ast';
import { createRule } from '../util/create-rule';

export type Options = [
  {
    checksVoidReturn?: boolean;
    allowEventListeners?: boolean;
  },
];
export type MessageIds =
  | 'ignoredCallback'
  | 'predicateCallback'
  | 'comparatorCallback'
  | 'mapDropped'
  | 'accumulatorNotAwaited'
  | 'promiseExecutor'
  | 'voidReturn'
  | 'suggestForOf'
  | 'suggestPromiseAll';

/** `Array.from(...)`, `Object.keys(...)`: calls whose result is always a real array. */
const ARRAY_FACTORIES: ReadonlyMap<string, ReadonlySet<string>> = new Map([
  ['Array', new Set(['from', 'of'])],
  ['Object', new Set(['keys', 'values', 'entries', 'getOwnPropertyNames'])],
]);

export default createRule<Options, MessageIds>({
  name: 'no-misused-async-callback',
  meta: {
    type: 'problem',
    docs: {
      description: 'Disallow async callbacks where the caller ignores or misreads the returned promise',
      recommended: 'recommended',
    },
    hasSuggestions: true,
    schema: [
      {
        type: 'object',
        properties: {
          checksVoidReturn: {
            type: 'boolean',
            description:
              'Typed mode only: report promise-returning functions passed as arguments whose parameter type returns `void`.',
          },
          allowEventListeners: {
            type: 'boolean',
            description:
              'Typed mode only: accept async listeners passed to `on`, `once`, `addListener`, `addEventListener` and the like.',
          },
        },
        additionalProperties: false,
      },
    ],
    messages: {
      ignoredCallback:
        "Async callback passed to '{{method}}()': it ignores the returned promise, so the loop does not wait for the callbacks and their rejections are lost. Use a `for...of` loop with `await`, or `await Promise.all(items.map(...))`.",
      predicateCallback:
        "Async callback passed to '{{method}}()': it tests the returned value for truthiness, and a promise is always truthy, so the test always passes. Compute the results first (`await Promise.all(...)`), then call '{{method}}()' with a synchronous callback.",
      comparatorCallback:
        "Async comparator passed to '{{method}}()': a promise is not a number, so the order is undefined. Compute the sort keys first, then sort with a synchronous comparator.",
      mapDropped:
        "The promises created by '{{method}}()' with an async callback are dropped: nobody waits for them and their rejections are lost. Await them with `await Promise.all(...)`, or return them.",
      accumulatorNotAwaited:
        "Async callback passed to '{{method}}()' uses the accumulator '{{name}}' without awaiting it: from the second call on it is the previous call's promise. Write `const value = await {{name}};` first, or use a `for...of` loop.",
      promiseExecutor:
        'Async Promise executor: an exception thrown in it does not reject the promise, and a promise inside usually does not need the wrapper. Make the executor synchronous, or drop `new Promise` and use the async function directly.',
      voidReturn:
        "Promise-returning function passed where a function returning void is expected: '{{callee}}' ignores the promise, so a rejection is unhandled. Handle errors inside the function (try/catch), or pass a synchronous wrapper that handles the promise.",
      suggestForOf:
        'Rewrite as `for...of` with `await`: the iterations run one after another, and a rejection propagates.',
      suggestPromiseAll:
        'Rewrite as `await Promise.all(....map(...))`: the iterations still run concurrently, and the function waits for all of them.',
    },
  },
  defaultOptions: [{ checksVoidReturn: true, allowEventListeners: true }],
  create(context, [options]) {
    const checksVoidReturn = options.checksVoidReturn ?? true;
    const allowEventListeners = options.allowEventListeners ?? true;
    const sourceCode = context.sourceCode;
    const promises = getPromiseAnalysis(context);
    // No async callback, promise or promise-returning function can be in this file.
    if (!promises.mayContainPromises()) return {};
    const services = promises.services;

    function isGlobal(name: string, node: TSESTree.Node): boolean {
      const variable = ASTUtils.findVariable(sourceCode.getScope(node), name);
      return !variable || variable.defs.length === 0;
    }

    /** An async function, or (typed: by type; untyped: by its returns) a function returning a promise. */
    function isAsyncCallback(node: TSESTree.Node): boolean {
      const value = skipTransparent(node);
      if (isFunctionNode(value) && value.async) return !value.generator;
      if (!isFunctionNode(value) && !services) {
        // Untyped: a named function reference is resolved through scope; anything else is unknown.
        if (value.type !== AST_NODE_TYPES.Identifier && value.type !== AST_NODE_TYPES.MemberExpression) return false;
      }
      return promises.returnsPromise(value as TSESTree.Expression);
    }

    /**
     * Streams and async iterator helpers (`readable.forEach(async ...)`) await their callbacks.
     * Typed: the call returns a promise or an async iterable. Untyped: its result is awaited,
     * chained with `.then`/`.toArray()`, or iterated with `for await`.
     */
    function callerAwaitsCallbacks(call: TSESTree.CallExpression): boolean {
      if (services) {
        const tsNode = services.esTreeNodeToTSNodeMap.get(call);
        const type = services.checker.getTypeAtLocation(tsNode);
        if (promises.isPromise(call)) return true;
        return type.getProperties().some((property) => String(property.escapedName).startsWith('__@asyncIterator'));
      }
      let child: TSESTree.Node = call;
      let parent = call.parent;
      while (
        parent.type === AST_NODE_TYPES.ChainExpression ||
        parent.type === AST_NODE_TYPES.TSAsExpression ||
        parent.type === AST_NODE_TYPES.TSNonNullExpression
      ) {
        child = parent;
        parent = parent.parent;
      }
      if (parent.type === AST_NODE_TYPES.AwaitExpression) return true;
      if (parent.type === AST_NODE_TYPES.ForOfStatement && parent.await && parent.right === child) return true;
      if (parent.type === AST_NODE_TYPES.MemberExpression && parent.object === child) {
        const name = staticMemberName(parent);
        return name === 'then' || name === 'catch' || name === 'finally' || name === 'toArray';
      }
      return false;
    }

    /** Is the receiver certainly an array (so `for...of` visits what `forEach` visits)? */
    function isKnownArray(receiver: TSESTree.Expression, depth = 0): boolean {
      const node = skipTransparent(receiver);
      if (services) {
        const checker = services.checker;
        const type = checker.getTypeAtLocation(services.esTreeNodeToTSNodeMap.get(node));
        const parts: readonly ts.Type[] = type.isUnion() ? type.types : [type];
        return parts.every((part) => checker.isArrayType(part) || checker.isTupleType(part));
      }
      if (node.type === AST_NODE_TYPES.ArrayExpression) return true;
      if (node.type === AST_NODE_TYPES.CallExpression) {
        const callee = skipTransparent(node.callee);
        if (callee.type !== AST_NODE_TYPES.MemberExpression) return false;
        const name = staticMemberName(callee);
        const object = skipTransparent(callee.object);
        if (name === 'split' && object.type === AST_NODE_TYPES.Literal && typeof object.value === 'string') return true;
        if (object.type !== AST_NODE_TYPES.Identifier || name === null) return false;
        return (ARRAY_FACTORIES.get(object.name)?.has(name) ?? false) && isGlobal(object.name, object);
      }
      if (node.type === AST_NODE_TYPES.Identifier && depth < 2) {
        const variable = variableOfIdentifier(sourceCode, node);
        const def = variable?.defs.length === 1 ? variable.defs[0] : undefined;
        if (def?.type !== 'Variable' || def.parent.kind !== 'const' || !def.node.init) return false;
        if (def.node.id.type !== AST_NODE_TYPES.Identifier) return false;
        return isKnownArray(def.node.init, depth + 1);
      }
      return false;
    }

    function bodyContains(body: TSESTree.Node, test: (node: TSESTree.Node) => boolean): boolean {
      return someNodeInSameFunction(body, sourceCode.visitorKeys, test);
    }

    function boundNames(pattern: TSESTree.Node): string[] {
      const names: string[] = [];
      bodyContains(pattern, (node) => {
        if (node.type === AST_NODE_TYPES.Identifier) names.push(node.name);
        return false;
      });
      return names;
    }

    function forEachSuggestions(
      call: TSESTree.CallExpression,
      callee: TSESTree.MemberExpression,
      callback: TSESTree.Node,
    ): TSESLint.SuggestionReportDescriptor<MessageIds>[] {
      const statement = call.parent;
      if (
        statement.type !== AST_NODE_TYPES.ExpressionStatement ||
        callee.computed ||
        callee.optional ||
        !getAwaitableFunction(statement) ||
        !isKnownArray(callee.object)
      ) {
        return [];
      }
      const receiver = skipTransparent(callee.object);
      const receiverText = sourceCode.getText(callee.object);
      const suggestions: TSESLint.SuggestionReportDescriptor<MessageIds>[] = [];
      const fn = skipTransparent(callback);
      const param = isFunctionNode(fn) ? fn.params[0] : undefined;
      if (
        fn.type === AST_NODE_TYPES.ArrowFunctionExpression &&
        fn.async &&
        call.arguments.length === 1 &&
        fn.params.length === 1 &&
        param &&
        (param.type === AST_NODE_TYPES.Identifier ||
          param.type === AST_NODE_TYPES.ObjectPattern ||
          param.type === AST_NODE_TYPES.ArrayPattern) &&
        !param.typeAnnotation
      ) {
        const names = new Set(boundNames(param));
        const receiverShadowed = bodyContains(
          receiver,
          (node) => node.type === AST_NODE_TYPES.Identifier && names.has(node.name),
        );
        const body = fn.body;
        const changesMeaning =
          body.type === AST_NODE_TYPES.BlockStatement &&
          bodyContains(
            body,
            (node) =>
              node.type === AST_NODE_TYPES.ReturnStatement ||
              (node.type === AST_NODE_TYPES.VariableDeclaration && node.kind === 'var'),
          );
        if (!receiverShadowed && !changesMeaning) {
          const head = `for (const ${sourceCode.getText(param)} of ${receiver.type === AST_NODE_TYPES.SequenceExpression ? `(${receiverText})` : receiverText})`;
          let loopBody: string;
          if (body.type === AST_NODE_TYPES.BlockStatement) {
            loopBody = sourceCode.getText(body);
          } else {
            const inner = skipTransparent(body);
            const text = sourceCode.getText(body);
            loopBody =
              inner.type === AST_NODE_TYPES.AwaitExpression
                ? `${text};`
                : `await ${inner === body && isSimpleOperand(body) ? text : `(${text})`};`;
          }
          suggestions.push({
            messageId: 'suggestForOf',
            fix: (fixer) => fixer.replaceText(statement, `${head} ${loopBody}`),
          });
        }
      }
      if (isGlobal('Promise', call)) {
        const text = sourceCode.text;
        const mapped = `${text.slice(call.range[0], callee.property.range[0])}map${text.slice(callee.property.range[1], call.range[1])}`;
        suggestions.push({
          messageId: 'suggestPromiseAll',
          fix: (fixer) => fixer.replaceText(call, `await Promise.all(${mapped})`),
        });
      }
      return suggestions;
    }

    function mapSuggestions(call: TSESTree.CallExpression): TSESLint.SuggestionReportDescriptor<MessageIds>[] {
      const statement = call.parent;
      if (
        statement.type !== AST_NODE_TYPES.ExpressionStatement ||
        !getAwaitableFunction(statement) ||
        !isGlobal('Promise', call)
      ) {
        return [];
      }
      return [
        {
          messageId: 'suggestPromiseAll',
          fix: (fixer) => fixer.replaceText(call, `await Promise.all(${sourceCode.getText(call)})`),
        },
      ];
    }

    /**
     * An async reducer is broken when it uses the accumulator as a value (`acc.push(x)`,
     * `acc[key] = v`, `{ ...acc }`, `acc + n`) and never awaits it: from the second call on the
     * accumulator is the previous call's promise. Awaiting it, chaining on it or passing it on
     * are taken as deliberate.
     */
    function misusedAccumulator(callback: FunctionNode): string | null {
      const param = callback.params[0];
      if (param?.type !== AST_NODE_TYPES.Identifier) return null;
      const variable = sourceCode.getDeclaredVariables(callback).find((v) => v.name === param.name);
      if (!variable) return null;
      let usedAsValue = false;
      for (const reference of variable.references) {
        let child: TSESTree.Node = reference.identifier;
        let parent = child.parent;
        while (parent && (parent.type === AST_NODE_TYPES.TSAsExpression || parent.type === AST_NODE_TYPES.TSNonNullExpression)) {
          child = parent;
          parent = parent.parent;
        }
        if (!parent) continue;
        if (parent.type === AST_NODE_TYPES.AwaitExpression) return null;
        if (
          (parent.type === AST_NODE_TYPES.CallExpression || parent.type === AST_NODE_TYPES.NewExpression) &&
          parent.callee !== child
        ) {
          return null;
        }
        if (parent.type === AST_NODE_TYPES.MemberExpression && parent.object === child) {
          const name = staticMemberName(parent);
          if (name === 'then' || name === 'catch' || name === 'finally') return null;
          usedAsValue = true;
        } else if (
          parent.type === AST_NODE_TYPES.SpreadElement ||
          (parent.type === AST_NODE_TYPES.BinaryExpression && parent.operator !== 'instanceof')
        ) {
          usedAsValue = true;
        }
      }
      return usedAsValue ? param.name : null;
    }

    /**
     * The array of promises is dropped: the value of an expression statement, or the initializer
     * of a local variable that is never read.
     */
    function isDropped(call: TSESTree.CallExpression): boolean {
      const usage = promises.usageOf(call);
      if (usage.kind === 'dropped') return true;
      if (usage.kind !== 'assigned' || usage.node.type !== AST_NODE_TYPES.VariableDeclarator) return false;
      const declarator = usage.node;
      if (declarator.id.type !== AST_NODE_TYPES.Identifier || declarator.id.name.startsWith('_')) return false;
      const holder = declarator.parent.parent;
      if (holder.type === AST_NODE_TYPES.ExportNamedDeclaration) return false;
      const variable = sourceCode.getDeclaredVariables(declarator).find((v) => v.name === (declarator.id as TSESTree.Identifier).name);
      if (!variable || variable.scope.type === 'global') return false;
      return variable.references.every((reference) => reference.identifier === declarator.id);
    }

    function calleeName(callee: TSESTree.Node): string {
      const text = sourceCode.getText(callee);
      return text.length <= 40 && !text.includes('\n') ? text : 'the callee';
    }

    /**
     * An async function whose whole body is `try { ... } catch { ... }`, with no `throw` or
     * `await` in the catch block, does not reject: handing it to a caller that ignores the
     * promise loses nothing (`app.get('/', async (req, res, next) => { try {...} catch (e) { next(e); } })`).
     */
    function catchesEverything(node: TSESTree.Node): boolean {
      if (!isFunctionNode(node) || !node.async || node.body.type !== AST_NODE_TYPES.BlockStatement) return false;
      const [only, ...rest] = node.body.body;
      if (rest.length > 0 || only?.type !== AST_NODE_TYPES.TryStatement || !only.handler) return false;
      if (only.finalizer) return false;
      return !bodyContains(
        only.handler.body,
        (inner) => inner.type === AST_NODE_TYPES.ThrowStatement || inner.type === AST_NODE_TYPES.AwaitExpression,
      );
    }

    /** Typed mode: promise-returning arguments for parameters typed as returning `void`. */
    function checkVoidReturnArguments(call: TSESTree.CallExpression | TSESTree.NewExpression, skip: TSESTree.Node | null): void {
      if (!services || !checksVoidReturn) return;
      const callee = skipTransparent(call.callee);
      if (callee.type === AST_NODE_TYPES.MemberExpression) {
        const name = staticMemberName(callee);
        if (name !== null && AWAITING_VOID_CALLBACK_METHODS.has(name)) return;
        if (allowEventListeners && name !== null && EVENT_LISTENER_METHODS.has(name)) return;
      }
      for (const argument of call.arguments) {
        if (argument === skip) continue;
        const value = skipTransparent(argument);
        if (
          !isFunctionNode(value) &&
          value.type !== AST_NODE_TYPES.Identifier &&
          value.type !== AST_NODE_TYPES.MemberExpression
        ) {
          continue;
        }
        // A sync function is never promise-returning when it is not async and has no expression
        // body or `return`; skip the type queries for it.
        if (isFunctionNode(value) && !value.async && value.body.type === AST_NODE_TYPES.BlockStatement &&
          !bodyContains(value.body, (node) => node.type === AST_NODE_TYPES.ReturnStatement)) {
          continue;
        }
        // The parameter's type first: the checker has resolved the call's signature already, and a
        // void-returning parameter is rare, so most arguments cost one query.
        const tsNode = services.esTreeNodeToTSNodeMap.get(argument) as ts.Expression;
        const contextual = services.checker.getContextualType(tsNode);
        if (!contextual || !isVoidReturningFunctionType(contextual)) continue;
        if (!isAsyncCallback(value) || catchesEverything(value)) continue;
        context.report({ node: argument, messageId: 'voidReturn', data: { callee: calleeName(call.callee) } });
      }
    }

    return {
      CallExpression(call) {
        const callee = skipTransparent(call.callee);
        const method = callee.type === AST_NODE_TYPES.MemberExpression ? staticMemberName(callee) : null;
        const use = method !== null ? PROMISE_IGNORING_METHODS.get(method) : undefined;
        const callback = call.arguments[0];
        if (
          use === undefined ||
          method === null ||
          callee.type !== AST_NODE_TYPES.MemberExpression ||
          !callback ||
          callback.type === AST_NODE_TYPES.SpreadElement ||
          !isAsyncCallback(callback)
        ) {
          checkVoidReturnArguments(call, null);
          return;
        }
        // Typed: a callee whose parameter type allows a promise return is built for async callbacks.
        if (callerAwaitsCallbacks(call) || promises.expectsPromiseReturn(callback)) return;
        const data = { method };
        switch (use) {
          case 'ignored':
            context.report({
              node: callback,
              messageId: 'ignoredCallback',
              data,
              suggest: forEachSuggestions(call, callee, callback),
            });
            break;
          case 'predicate':
            context.report({ node: callback, messageId: 'predicateCallback', data });
            break;
          case 'comparator':
            context.report({ node: callback, messageId: 'comparatorCallback', data });
            break;
          case 'mapped':
            if (isDropped(call)) {
              context.report({ node: callback, messageId: 'mapDropped', data, suggest: mapSuggestions(call) });
            }
            break;
          case 'accumulator': {
            const fn = skipTransparent(callback);
            const name = isFunctionNode(fn) ? misusedAccumulator(fn) : null;
            if (name !== null) context.report({ node: callback, messageId: 'accumulatorNotAwaited', data: { method, name } });
            break;
          }
        }
        checkVoidReturnArguments(call, callback);
      },

      NewExpression(node) {
        // Only an `async` executor: a sync executor that returns a promise
        // (`new Promise((resolve) => load().then(resolve))`) is an ordinary adapter.
        const executor = node.arguments[0] ? skipTransparent(node.arguments[0]) : undefined;
        if (node.callee.type === AST_NODE_TYPES.Identifier && node.callee.name === 'Promise' && isGlobal('Promise', node)) {
          if (executor && isFunctionNode(executor) && executor.async) {
            context.report({ node: executor, messageId: 'promiseExecutor' });
          }
          // The executor's return value is ignored, and a sync executor returning a handled
          // chain is an ordinary adapter: no void-return check here.
          return;
        }
        checkVoidReturnArguments(node, null);
      },
    };
  },
});

/** Expressions that can follow `await` without parentheses. */
function isSimpleOperand(node: TSESTree.Node): boolean {
  return (
    node.type === AST_NODE_TYPES.CallExpression ||
    node.type === AST_NODE_TYPES.NewExpression ||
    node.type === AST_NODE_TYPES.Identifier ||
    node.type === AST_NODE_TYPES.MemberExpression ||
    node.type === AST_NODE_TYPES.ChainExpression
  );
}
