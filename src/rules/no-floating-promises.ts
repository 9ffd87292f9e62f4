import { AST_NODE_TYPES, type TSESLint, type TSESTree } from '@typescript-eslint/utils';
import { getAwaitableFunction, isFunctionNode } from '../analysis/async-context';
import { getImportSource } from '../analysis/imports';
import {
  chainMethodName,
  getPromiseAnalysis,
  hasRejectionHandler,
} from '../analysis/promises';
import { someNodeInSameFunction } from '../analysis/walk';
import { NON_PROMISE_THEN_ROOTS } from '../catalog/promise-apis';
import { skipTransparent, staticMemberName, variableOfIdentifier } from '../util/ast';
import { createRule } from '../util/create-rule';

/**
 * A call known to handle its own promise. `module` given: the callee is imported from that
 * module (`node:` prefix optional) as `name` (named import or destructured `require`), or is a
 * default/namespace import called as `name` or used as `ns.name`. `module` omitted: the callee
 * is a global named `name` (not declared or imported in the file). Trailing members are looked
 * through, so `it` also matches `it.only(...)` and `describe.skip(...)`.
 */
export interface AllowedCall {
  name: string;
  module?: string;
}

export type Options = [
  {
    ignoreVoid?: boolean;
    ignoreIIFE?: boolean;
    allowList?: AllowedCall[];
  },
];
export type MessageIds =
  | 'floating'
  | 'floatingNoVoid'
  | 'floatingChain'
  | 'dangling'
  | 'suggestAwait'
  | 'suggestVoid';

/** node:test's `test`/`it`/`describe`/`suite` return promises that the test runner itself awaits. */
const DEFAULT_ALLOW_LIST: AllowedCall[] = [
  { name: 'test', module: 'node:test' },
  { name: 'it', module: 'node:test' },
  { name: 'describe', module: 'node:test' },
  { name: 'suite', module: 'node:test' },
];

/** Expression types that can follow `await`/`void` without parentheses. */
const NO_PARENS_NEEDED: ReadonlySet<AST_NODE_TYPES> = new Set([
  AST_NODE_TYPES.AwaitExpression,
  AST_NODE_TYPES.CallExpression,
  AST_NODE_TYPES.ChainExpression,
  AST_NODE_TYPES.Identifier,
  AST_NODE_TYPES.MemberExpression,
  AST_NODE_TYPES.NewExpression,
  AST_NODE_TYPES.TSNonNullExpression,
  AST_NODE_TYPES.TaggedTemplateExpression,
  AST_NODE_TYPES.ThisExpression,
]);

/** The expression types untyped `isPromise` can answer `true` for. */
const UNTYPED_PROMISE_EXPRESSIONS: ReadonlySet<AST_NODE_TYPES> = new Set([
  AST_NODE_TYPES.CallExpression,
  AST_NODE_TYPES.ConditionalExpression,
  AST_NODE_TYPES.Identifier,
  AST_NODE_TYPES.NewExpression,
  AST_NODE_TYPES.SequenceExpression,
]);

function stripNodePrefix(specifier: string): string {
  return specifier.startsWith('node:') ? specifier.slice('node:'.length) : specifier;
}

export default createRule<Options, MessageIds>({
  name: 'no-floating-promises',
  meta: {
    type: 'problem',
    docs: {
      description: 'Require promises to be awaited, returned or handled',
      recommended: 'recommended',
    },
    hasSuggestions: true,
    schema: [
      {
        type: 'object',
        properties: {
          ignoreVoid: {
            type: 'boolean',
            description: 'Accept `void promise` as an explicit "fire and forget" marker.',
          },
          ignoreIIFE: {
            type: 'boolean',
            description: 'Accept immediately invoked async functions, `(async () => { ... })();`.',
          },
          allowList: {
            type: 'array',
            description:
              'Calls that handle their own promise, by name and import source. Replaces the default list (node:test `test`, `it`, `describe`, `suite`).',
            items: {
              type: 'object',
              properties: {
                name: {
                  type: 'string',
                  description: 'The exported name (or the global name when `module` is omitted).',
                },
                module: {
                  type: 'string',
                  description: 'The module the callee is imported from; omit for a global.',
                },
              },
              required: ['name'],
              additionalProperties: false,
            },
          },
        },
        additionalProperties: false,
      },
    ],
    messages: {
      floating:
        'This promise is not awaited, returned or handled: its rejection is lost and the code after it does not wait for it. Await it, return it, add a rejection handler with `.catch(handler)`, or mark it with `void` if fire-and-forget is intended.',
      floatingNoVoid:
        'This promise is not awaited, returned or handled: its rejection is lost and the code after it does not wait for it. Await it, return it, or add a rejection handler with `.catch(handler)`.',
      floatingChain:
        "The promise from '.{{method}}()' has no rejection handler: a rejection anywhere in the chain is lost. Add `.catch(handler)`, pass a rejection handler to `.then()`, or await it.",
      dangling:
        "The promise stored in '{{name}}' is never awaited, returned or handled: its rejection is lost and nobody waits for it. Await '{{name}}', return it, or pass it to the code that waits for it.",
      suggestAwait: "Add 'await': the function waits for the promise and its rejection propagates to the caller.",
      suggestVoid: "Add 'void': mark the promise as intentionally not awaited (a rejection is still unhandled).",
    },
  },
  defaultOptions: [{ ignoreVoid: true, ignoreIIFE: false, allowList: DEFAULT_ALLOW_LIST }],
  create(context, [options]) {
    const ignoreVoid = options.ignoreVoid ?? true;
    const ignoreIIFE = options.ignoreIIFE ?? false;
    const allowList = options.allowList ?? DEFAULT_ALLOW_LIST;
    const sourceCode = context.sourceCode;
    const promises = getPromiseAnalysis(context);
    // Nothing can be a promise or a promise chain in this file: no listener at all.
    if (!promises.mayContainPromises()) return {};

    function isAllowListed(call: TSESTree.CallExpression): boolean {
      if (allowList.length === 0) return false;
      let root = skipTransparent(call.callee);
      const members: string[] = [];
      while (root.type === AST_NODE_TYPES.MemberExpression) {
        const name = staticMemberName(root);
        if (name === null) return false;
        members.unshift(name);
        root = skipTransparent(root.object);
      }
      if (root.type !== AST_NODE_TYPES.Identifier) return false;
      const variable = variableOfIdentifier(sourceCode, root);
      const isGlobal = !variable || variable.defs.length === 0;
      const imported = variable && !isGlobal ? getImportSource(variable) : null;
      return allowList.some((entry) => {
        if (entry.module === undefined) return isGlobal && root.name === entry.name;
        if (!imported || stripNodePrefix(imported.module) !== stripNodePrefix(entry.module)) return false;
        if (imported.imported === entry.name) return true;
        return (
          (imported.imported === 'default' || imported.imported === '*') &&
          (root.name === entry.name || members[0] === entry.name)
        );
      });
    }

    /** The parts of a statement's value that are unhandled promises (see the docs page). */
    function floatingParts(expression: TSESTree.Node): TSESTree.Node[] {
      const node = skipTransparent(expression);
      switch (node.type) {
        case AST_NODE_TYPES.SequenceExpression:
          return node.expressions.flatMap(floatingParts);
        case AST_NODE_TYPES.ConditionalExpression:
          return [...floatingParts(node.consequent), ...floatingParts(node.alternate)];
        case AST_NODE_TYPES.LogicalExpression:
          return [...floatingParts(node.left), ...floatingParts(node.right)];
        case AST_NODE_TYPES.UnaryExpression:
          if (node.operator !== 'void' || ignoreVoid) return [];
          return promises.isPromise(node.argument) ? [node] : [];
        case AST_NODE_TYPES.CallExpression: {
          if (ignoreIIFE && isFunctionNode(skipTransparent(node.callee))) return [];
          const method = chainMethodName(node);
          if (method !== null) {
            if (hasRejectionHandler(node)) return [];
            const callee = skipTransparent(node.callee) as TSESTree.MemberExpression;
            // `p.catch(handle).then(render)`: the chain's rejections are handled; only `render`
            // itself could still throw, which is not the lost task this rule is about.
            if (method === 'then' && hasHandledLink(callee.object)) return [];
            // `.finally(f)` and `.catch()` pass the receiver's rejection through: judge the receiver.
            if (method !== 'then') return floatingParts(callee.object);
          }
          if (method === 'then' && !promises.typed && isThenWithCallback(node)) return [node];
          // The handled-chain and allow-list tests only for promises: they cost more than the test.
          if (!promises.isPromise(node) || (!promises.typed && returnsHandledChain(node))) return [];
          return isAllowListed(node) ? [] : [node];
        }
        case AST_NODE_TYPES.NewExpression:
        case AST_NODE_TYPES.Identifier:
        case AST_NODE_TYPES.MemberExpression:
          return promises.isPromise(node) ? [node] : [];
        default:
          return [];
      }
    }

    /** True when an earlier link of a promise chain handles rejections (`p.catch(handle)...`). */
    function hasHandledLink(expression: TSESTree.Node): boolean {
      let current = skipTransparent(expression);
      while (current.type === AST_NODE_TYPES.CallExpression && chainMethodName(current) !== null) {
        if (hasRejectionHandler(current)) return true;
        current = skipTransparent((skipTransparent(current.callee) as TSESTree.MemberExpression).object);
      }
      return false;
    }

    /**
     * `const tick = () => warmAll().catch(report); tick();`: without types, a call of a local
     * non-async function whose only result is a chain that already handles rejections loses no
     * error, so it is not reported (the checker, in typed mode, still sees a promise).
     */
    function returnsHandledChain(call: TSESTree.CallExpression): boolean {
      const fn = promises.resolveCallee(skipTransparent(call.callee) as TSESTree.Expression);
      if (!fn || fn.async) return false;
      let result: TSESTree.Node | null = null;
      if (fn.body.type !== AST_NODE_TYPES.BlockStatement) {
        result = fn.body;
      } else {
        const last = fn.body.body.at(-1);
        if (last?.type !== AST_NODE_TYPES.ReturnStatement || !last.argument) return false;
        const returns = fn.body.body.filter((statement) =>
          someNodeInSameFunction(statement, sourceCode.visitorKeys, (node) => node.type === AST_NODE_TYPES.ReturnStatement),
        );
        if (returns.length !== 1) return false;
        result = last.argument;
      }
      const chain = skipTransparent(result);
      return chain.type === AST_NODE_TYPES.CallExpression && chainMethodName(chain) !== null && hasRejectionHandler(chain);
    }

    /**
     * Untyped evidence that a receiver is a thenable: `x.then((value) => ...)` with a callback and
     * no rejection handler. Whatever `x` is (a client's promise, a query builder, a supertest
     * request), the chain's rejection is lost. Cypress chains (`cy.get(...).then(...)`) are the
     * one common non-promise `.then`; they are left alone.
     */
    function isThenWithCallback(call: TSESTree.CallExpression): boolean {
      if (call.arguments.length !== 1) return false;
      const [callback] = call.arguments;
      if (!callback || !isFunctionNode(callback)) return false;
      let root: TSESTree.Node = skipTransparent(call.callee);
      while (root.type === AST_NODE_TYPES.MemberExpression || root.type === AST_NODE_TYPES.CallExpression) {
        root = skipTransparent(root.type === AST_NODE_TYPES.MemberExpression ? root.object : root.callee);
      }
      return !(root.type === AST_NODE_TYPES.Identifier && NON_PROMISE_THEN_ROOTS.has(root.name));
    }

    function wrap(expression: TSESTree.Expression): string {
      const text = sourceCode.getText(expression);
      return NO_PARENS_NEEDED.has(expression.type) ? text : `(${text})`;
    }

    return {
      ExpressionStatement(statement) {
        if (statement.directive !== undefined && statement.directive !== null) return;
        const parts = floatingParts(statement.expression);
        const first = parts[0];
        if (!first) return;
        const expression = statement.expression;
        const single = skipTransparent(expression).type !== AST_NODE_TYPES.SequenceExpression;
        const voided = first.type === AST_NODE_TYPES.UnaryExpression;
        const chain = first.type === AST_NODE_TYPES.CallExpression ? chainMethodName(first) : null;
        const suggest: TSESLint.SuggestionReportDescriptor<MessageIds>[] = [];
        if (single && !voided) {
          if (getAwaitableFunction(statement)) {
            suggest.push({
              messageId: 'suggestAwait',
              fix: (fixer) => fixer.replaceText(expression, `await ${wrap(expression)}`),
            });
          }
          if (ignoreVoid) {
            suggest.push({
              messageId: 'suggestVoid',
              fix: (fixer) => fixer.replaceText(expression, `void ${wrap(expression)}`),
            });
          }
        }
        if (chain === 'then' && first === skipTransparent(expression)) {
          context.report({ node: expression, messageId: 'floatingChain', data: { method: chain }, suggest });
        } else {
          context.report({ node: expression, messageId: ignoreVoid ? 'floating' : 'floatingNoVoid', suggest });
        }
      },

      VariableDeclarator(declarator) {
        if (declarator.id.type !== AST_NODE_TYPES.Identifier || !declarator.init) return;
        // Untyped, only these expressions can be promises; skip the scope work for the rest.
        if (!promises.typed && !UNTYPED_PROMISE_EXPRESSIONS.has(skipTransparent(declarator.init).type)) return;
        const name = declarator.id.name;
        if (name.startsWith('_')) return;
        const declaration = declarator.parent;
        const holder = declaration.parent;
        if (
          declaration.kind === 'using' ||
          declaration.kind === 'await using' ||
          holder.type === AST_NODE_TYPES.ExportNamedDeclaration ||
          holder.type === AST_NODE_TYPES.ForStatement ||
          holder.type === AST_NODE_TYPES.ForInStatement ||
          holder.type === AST_NODE_TYPES.ForOfStatement
        ) {
          return;
        }
        const variable = sourceCode.getDeclaredVariables(declarator).find((v) => v.name === name);
        if (!variable || variable.scope.type === 'global') return;
        // Any read may await, return, pass or chain it: only a promise nobody ever reads is reported.
        const others = variable.references.filter((reference) => reference.identifier !== declarator.id);
        if (others.length > 0) return;
        if (!promises.isPromise(declarator.init)) return;
        context.report({ node: declarator.id, messageId: 'dangling', data: { name } });
      },
    };
  },
});
