import { AST_NODE_TYPES, ASTUtils, type TSESLint, type TSESTree } from '@typescript-eslint/utils';
import type * as ts from 'typescript';
import { type FunctionNode, getAwaitableFunction, isFunctionNode, nearestFunction } from '../analysis/async-context';
import { chainMethodName, checkerQuery, getPromiseAnalysis, hasRejectionHandler, isVoidReturningFunctionType, mayContainPromises, mayHoldPromise, someOverloadTakesPromiseFunction, typeRulesOutThenable } from '../analysis/promises';
import { forEachChild } from '../analysis/dependencies';
import { getFileEffects } from '../analysis/effects';
import { loadTypeScript } from '../analysis/imports';
import { forwardsToPromiseSink, ownsCallbackOutcome } from '../analysis/forwarded-callbacks';
import { lookUpInSameFunction, someNodeBelow, someNodeInSameFunction } from '../analysis/walk';
import { disablesRuleOn } from '../util/disable-comments';
import {
  AWAITING_VOID_CALLBACK_METHODS,
  type CallbackUse,
  EVENT_LISTENER_METHODS,
  EVENT_TARGET_LISTENER_METHODS,
  ELECTRON_WINDOW_EVENTS,
  EVENT_UNLISTEN_METHODS,
  PROMISE_IGNORING_METHODS,
  REPLYING_EVENTS,
  SHUTDOWN_EVENTS,
} from '../catalog/promise-callbacks';
import { isTeardownCall, skipTransparent, staticMemberName, variableOfIdentifier } from '../util/ast';
import { getSourceWords } from '../analysis/source-words';
import { getWhereItRuns } from '../analysis/where-it-runs';
import { registersIpcMainListener } from '../analysis/editor-host';
import { handlerSiteOf, onlyEndsHandlerAfter } from '../analysis/event-handlers';
import { createRule } from '../util/create-rule';
import { DEFERRING_GLOBALS } from '../catalog/run-contexts';

export type Options = [
  {
    checksVoidReturn?: boolean;
    allowEventListeners?: boolean;
    checkTestCode?: boolean;
  },
];
export type MessageIds =
  | 'ignoredCallback'
  | 'predicateCallback'
  | 'comparatorCallback'
  | 'mapDropped'
  | 'ignoredPromiseCallback'
  | 'mapDroppedPromiseCallback'
  | 'accumulatorNotAwaited'
  | 'promiseExecutor'
  | 'redundantPromiseExecutor'
  | 'voidReturn'
  | 'voidOverride'
  | 'suggestForOf'
  | 'suggestPromiseAll';

/** Parameter type annotations whose values are never functions (`x: string`, `xs: T[]`, `kind: 'a'`). */
const SETTLED_PARAMETER_TYPES: ReadonlySet<AST_NODE_TYPES> = new Set([
  AST_NODE_TYPES.TSBooleanKeyword,
  AST_NODE_TYPES.TSNumberKeyword,
  AST_NODE_TYPES.TSStringKeyword,
  AST_NODE_TYPES.TSBigIntKeyword,
  AST_NODE_TYPES.TSSymbolKeyword,
  AST_NODE_TYPES.TSUndefinedKeyword,
  AST_NODE_TYPES.TSNullKeyword,
  AST_NODE_TYPES.TSLiteralType,
  AST_NODE_TYPES.TSArrayType,
  AST_NODE_TYPES.TSTupleType,
  AST_NODE_TYPES.TSTemplateLiteralType,
]);

/** `Array.from(...)`, `Object.keys(...)`: calls whose result is always a real array. */
const ARRAY_FACTORIES: ReadonlyMap<string, ReadonlySet<string>> = new Map([
  ['Array', new Set(['from', 'of'])],
  ['Object', new Set(['keys', 'values', 'entries', 'getOwnPropertyNames'])],
]);

/** Names through which a DOM `message` listener answers the sender: the event's `source` window or `ports`, or `postMessage`. */
const MESSAGE_ANSWER_NAMES: ReadonlySet<string> = new Set(['source', 'ports', 'postMessage']);

/** The DOM event whose listener may leave the sender without an answer (see `answersMessageEvent`). */
const MESSAGE_EVENT: ReadonlySet<string> = new Set(['message']);

export default createRule<Options, MessageIds>({
  name: 'no-misused-async-callback',
  meta: {
    type: 'problem',
    docs: {
      description: 'Disallow async callbacks where the caller ignores or misreads the returned promise',
      recommended: 'recommended',
      strictOptions: [{ checkTestCode: true }],
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
              'Typed mode only: accept async `addEventListener` listeners, listeners of the process\'s shutdown events (`SIGTERM`, `exit`, ...), and, in browser UI code, any emitter\'s listener and callbacks handed to `void`-typed parameters (a keyboard shortcut, a debounce, a timer). Elsewhere a Node emitter\'s async listener that can reject is reported either way.',
          },
          checkTestCode: {
            type: 'boolean',
            description:
              'Also report an async `Promise` executor in test code (a `*.test.*`/`*.spec.*` file, a `__tests__/` folder, a file that imports a test framework or calls `describe`/`it` at its top level), where the runner reports the lost rejection as a failure and the test that awaits the wrapper times out. Other callbacks (an async `describe` body, `forEach(async ...)`) are reported in test code either way. On in `strict`.',
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
      ignoredPromiseCallback:
        "Callback passed to '{{method}}()' returns a promise, which '{{method}}()' ignores: the loop does not wait for it and its rejection is lost. Use a `for...of` loop with `await`, or `await Promise.all(items.map(...))`.",
      mapDroppedPromiseCallback:
        "The promises returned by the callback of '{{method}}()' are dropped: nobody waits for them and their rejections are lost. Await them with `await Promise.all(...)`, or return them.",
      mapDropped:
        "The promises created by '{{method}}()' with an async callback are dropped: nobody waits for them and their rejections are lost. Await them with `await Promise.all(...)`, or return them.",
      accumulatorNotAwaited:
        "Async callback passed to '{{method}}()' uses the accumulator '{{name}}' without awaiting it: from the second call on it is the previous call's promise. Write `const value = await {{name}};` first, or use a `for...of` loop.",
      promiseExecutor:
        'Async Promise executor: an exception thrown in it does not reject the promise, and a promise inside usually does not need the wrapper. Make the executor synchronous, or drop `new Promise` and use the async function directly.',
      redundantPromiseExecutor:
        'Async Promise executor that settles the promise on every error: nothing is lost, but the wrapper is redundant, since an async function already returns a promise that settles the same way. Drop `new Promise` and return the result from an async function.',
      voidReturn:
        "Promise-returning function passed where a function returning void is expected: '{{callee}}' ignores the promise, so a rejection is unhandled. Handle errors inside the function (try/catch), or pass a synchronous wrapper that handles the promise.",
      voidOverride:
        "Async method '{{name}}' overrides a method of '{{base}}' that returns void: its caller ignores the promise, so a rejection is unhandled and the caller does not wait for it (a stream hook stalls with no error). Catch errors inside the method and report them the way the base class expects (its callback, `this.destroy(error)`), or keep the override synchronous.",
      suggestForOf:
        'Rewrite as `for...of` with `await`: the iterations run one after another, and a rejection propagates.',
      suggestPromiseAll:
        'Rewrite as `await Promise.all(....map(...))`: the iterations still run concurrently, and the function waits for all of them.',
    },
  },
  defaultOptions: [{ checksVoidReturn: true, allowEventListeners: true, checkTestCode: false }],
  create(context, [options]) {
    const checksVoidReturn = options.checksVoidReturn ?? true;
    const allowEventListeners = options.allowEventListeners ?? true;
    const checkTestCode = options.checkTestCode ?? false;
    const sourceCode = context.sourceCode;
    // No async callback, promise or promise-returning function can be in this file.
    if (!mayContainPromises(context)) return {};
    const promises = getPromiseAnalysis(context);
    const services = promises.services;
    const effects = getFileEffects(context);
    const words = getSourceWords(context);

    /** The function a callback argument is: itself, or the local function it names (else null). */
    function callbackFunction(node: TSESTree.Node): FunctionNode | null {
      const value = skipTransparent(node);
      if (isFunctionNode(value)) return value;
      if (value.type !== AST_NODE_TYPES.Identifier && value.type !== AST_NODE_TYPES.MemberExpression) return null;
      return promises.resolveCallee(value);
    }

    /**
     * True unless the callback is known to be a plain function: an arrow or function written
     * there, or a local function it names, that is not `async`. A reference resolved elsewhere
     * (an import found async by its module's text, or by the checker) counts as async.
     */
    function isDeclaredAsync(node: TSESTree.Node): boolean {
      const value = skipTransparent(node);
      const fn = callbackFunction(node);
      if (fn) return fn.async;
      return !isFunctionNode(value);
    }

    /**
     * True when the callback's promise cannot reject (see `EffectSummary.canReject`: a body that
     * catches everything, a returned chain that ends in `.catch`): a caller that ignores it loses
     * no error.
     */
    function cannotReject(node: TSESTree.Node): boolean {
      const fn = callbackFunction(node);
      return fn !== null && !effects.summaryOfFunction(fn).canReject;
    }

    /**
     * True when the function around `call` reads, after the call, a variable the callback assigns
     * or fills (`left = left.filter(...)`, `results.push(x)`, `seen.add(id)`): it reads it before
     * the callbacks have run past their first `await`, whether or not they can reject. Only reads
     * in that same function count (not a later callback's).
     */
    function readsCallbackResultsEarly(call: TSESTree.CallExpression, callback: TSESTree.Node): boolean {
      const fn = callbackFunction(callback);
      const own = fn === null ? null : sourceCode.scopeManager?.acquire(fn);
      if (fn === null || !own) return false;
      const outer = nearestFunction(call);
      const written = new Set<TSESLint.Scope.Variable>();
      const collect = (scope: TSESLint.Scope.Scope): void => {
        for (const reference of scope.references) {
          const variable = reference.resolved;
          if (!variable || isWithin(variable.scope.block, fn)) continue;
          if (reference.isWrite() || (reference.identifier.type === AST_NODE_TYPES.Identifier && fillsInPlace(reference.identifier))) written.add(variable);
        }
        for (const child of scope.childScopes) collect(child);
      };
      collect(own);
      for (const variable of written) {
        for (const reference of variable.references) {
          if (reference.identifier.range[0] <= call.range[1] || !reference.isRead()) continue;
          if (nearestFunction(reference.identifier) === outer) return true;
        }
      }
      return false;
    }

    /**
     * `const handleMarkAsRead = () => { rooms.forEach((id) => markAsRead(id)); close(); }` used only
     * as `onClick={handleMarkAsRead}`, or `contents.on('did-finish-load', () => { sheets.forEach(async
     * (css) => { await contents.insertCSS(css); }); })`: a `forEach` whose value is dropped in a
     * synchronous event handler whose caller ignores what it returns (`handlerSiteOf`). Nobody could
     * wait for the batch there, and nothing in the handler does: it returns no value, reads nothing
     * the callbacks assign after the loop (`readsCallbackResultsEarly`) and starts no promise after
     * it (a `refresh()` that would read the data before the writes end). An `async` callback (the
     * author may have believed the loop waits for it) must also await once at most (`awaitsTwice`:
     * items interleave) and be followed by nothing but what ends the handler (`onlyEndsHandlerAfter`:
     * another batch, `closeMenu()`), not by a `toast('Saved')` told before any save ended; a plain
     * callback that hands back one call's promise is the same call dropped per item. The loop is a deliberate
     * fire-and-forget; what is left is each callback's rejection, judged as `no-floating-promises`
     * judges the same call dropped there: silent in browser UI code (not its tests, not a terminal
     * UI) outside a `try` with a `catch`; in a listener of an Electron window's event
     * (`ELECTRON_WINDOW_EVENTS`: only the main process has such objects, and Electron logs a lost
     * rejection there, also in an app that ships a server of its own); and where the host logs a
     * lost rejection (`WhereItRuns.logsRejectionsFor`) outside an `ipcMain` listener (its window
     * waits for an answer).
     */
    function firesBatchFromHandler(call: TSESTree.CallExpression, callback: TSESTree.Node): boolean {
      const fn = nearestFunction(call);
      if (!fn || !(call.parent.type === AST_NODE_TYPES.ExpressionStatement || fn.body === call)) return false;
      const site = handlerSiteOf(fn, sourceCode);
      if (!site || insideTry(call, fn)) return false;
      if (fn.body.type === AST_NODE_TYPES.BlockStatement && bodyContains(fn.body, (node) => node.type === AST_NODE_TYPES.ReturnStatement && node.argument !== null)) return false;
      if (readsCallbackResultsEarly(call, callback)) return false;
      if (isDeclaredAsync(callback) && (awaitsTwice(callback) || !onlyEndsHandlerAfter(call.parent, fn, sourceCode))) return false;
      if (bodyContains(fn.body, (node) => node.type === AST_NODE_TYPES.CallExpression && node.range[0] > call.range[1] && promises.isPromise(node))) return false;
      const where = getWhereItRuns(context);
      if (where.isTestCode()) return false;
      if (where.runsInUi()) return !where.rendersInTerminal();
      if (site.kind === 'listener' && namesEventIn(site.call.arguments[0], ELECTRON_WINDOW_EVENTS)) return true;
      return where.logsRejectionsFor(fn) && !(site.kind === 'listener' && registersIpcMainListener(site.call));
    }

    /**
     * An async callback that awaits twice or more (`const list = await load(); list.push(id); await
     * save(list)`): its items interleave between the awaits, each reading what another is about to
     * overwrite, which is what the author of a `forEach` did not expect. Counts awaits as written: an
     * awaited read then an unawaited write, or one await in a loop, passes (a documented miss).
     */
    function awaitsTwice(callback: TSESTree.Node): boolean {
      const fn = callbackFunction(callback);
      if (!fn) return false;
      let awaits = 0;
      return bodyContains(fn.body, (node) => (node.type === AST_NODE_TYPES.AwaitExpression || (node.type === AST_NODE_TYPES.ForOfStatement && node.await)) && ++awaits > 1);
    }

    function isGlobal(name: string, node: TSESTree.Node): boolean {
      const variable = ASTUtils.findVariable(sourceCode.getScope(node), name);
      return !variable || variable.defs.length === 0;
    }

    /**
     * True when `call`, in `executor`'s own body, cannot throw: a global timer handed a function
     * written there or one of the executor's own parameters (`setTimeout(resolve, ms)`,
     * `setImmediate(() => resolve(x))`; a timer handed anything else throws). The timer's callback
     * runs later, outside the executor; the calls in the timer's other arguments are judged on their own.
     */
    function schedulesOnly(executor: FunctionNode, call: TSESTree.CallExpression): boolean {
      const callee = skipTransparent(call.callee);
      if (callee.type !== AST_NODE_TYPES.Identifier) return false;
      const [job] = call.arguments;
      if (!DEFERRING_GLOBALS.has(callee.name) || !isGlobal(callee.name, call) || !job) return false;
      const handed = skipTransparent(job);
      if (isFunctionNode(handed)) return true;
      return handed.type === AST_NODE_TYPES.Identifier && executor.params.some((param) => param.type === AST_NODE_TYPES.Identifier && param.name === handed.name);
    }

    /** An async function, or (typed: by type; untyped: by its returns) a function returning a promise. */
    function isAsyncCallback(node: TSESTree.Node): boolean {
      const value = skipTransparent(node);
      if (isFunctionNode(value) && value.async) return !value.generator;
      // A non-async function returns a promise only through a returned value that can hold one.
      if (isFunctionNode(value) && !mayReturnPromise(value)) return false;
      if (!isFunctionNode(value) && !services) {
        // Untyped: a named function reference is resolved through scope; anything else is unknown.
        if (value.type !== AST_NODE_TYPES.Identifier && value.type !== AST_NODE_TYPES.MemberExpression) return false;
      }
      if (namesSyncFunction(value)) return false;
      return promises.returnsPromise(value as TSESTree.Expression);
    }

    /**
     * Typed: a name (also imported) whose declaration is a `const` initialised with a function
     * that is not async and whose own inferred return type proves it holds no thenable (not `any`,
     * `unknown` or a type parameter):
     * `const clearCookies: Middleware = (req, res, next) => { ...; next(); }` where `Middleware`
     * allows `Promise<void> | void`. The annotation allows a promise; the function never makes one.
     * A function whose body returns a call's promise (`(req, res) => handle(req, res)`) is inferred
     * to return it and stays judged.
     */
    function namesSyncFunction(value: TSESTree.Node): boolean {
      if (!services || value.type !== AST_NODE_TYPES.Identifier) return false;
      return checkerQuery(false, () => {
        const typescript = loadTypeScript();
        const checker = services.checker;
        let symbol = checker.getSymbolAtLocation(services.esTreeNodeToTSNodeMap.get(value));
        if (symbol && symbol.flags & typescript.SymbolFlags.Alias) symbol = checker.getAliasedSymbol(symbol);
        const declaration = symbol?.valueDeclaration;
        if (!declaration || !typescript.isVariableDeclaration(declaration) || !declaration.initializer) return false;
        // Only a `const` keeps its initialiser: a `let` may be replaced later (also by its module).
        if ((typescript.getCombinedNodeFlags(declaration) & typescript.NodeFlags.Const) === 0) return false;
        const initializer = declaration.initializer;
        if (!typescript.isArrowFunction(initializer) && !typescript.isFunctionExpression(initializer)) return false;
        if (initializer.asteriskToken || initializer.modifiers?.some((modifier) => modifier.kind === typescript.SyntaxKind.AsyncKeyword)) return false;
        const returned = checker.getSignatureFromDeclaration(initializer)?.getReturnType();
        return returned !== undefined && typeRulesOutThenable(checker, returned);
      });
    }

    /**
     * Streams and async iterator helpers (`readable.forEach(async ...)`) await their callbacks.
     * Typed: the call returns a promise or an async iterable. Untyped (or typed `any`): its result is awaited,
     * chained with `.then`/`.toArray()`, or iterated with `for await`.
     */
    function callerAwaitsCallbacks(call: TSESTree.CallExpression): boolean {
      // Typed with a known type; a call typed `any` (an unresolved stream library) is judged by syntax.
      if (services && promises.hasKnownType(call)) {
        if (promises.isPromise(call)) return true;
        const tsNode = services.esTreeNodeToTSNodeMap.get(call);
        return checkerQuery(false, () =>
          services.checker
            .getTypeAtLocation(tsNode)
            .getProperties()
            .some((property) => String(property.escapedName).startsWith('__@asyncIterator')),
        );
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

    /**
     * Whether a callback's promise can matter to `use` at all, decided before asking whether it
     * returns one (in typed mode a checker query): always for `ignored` (`forEach`); for `mapped`
     * only when the array is dropped (`isDropped`); for predicates, comparators and reducers only
     * when the callback is meant as async (`isDeclaredAsync`), as the reports below require.
     */
    function callbackPromiseMatters(use: CallbackUse, call: TSESTree.CallExpression, callback: TSESTree.Node): boolean {
      if (use === 'ignored') return true;
      if (use === 'mapped') return isDropped(call);
      return isDeclaredAsync(callback);
    }

    /**
     * `this.filter(...)` inside a class that declares a member named `filter` itself (a method, a
     * field, an accessor): the call goes to the class's own method (a framework's middleware
     * filter that accepts async predicates), not to `Array.prototype.filter`. Only `this` in the
     * class's own methods (and arrows within them); a class that inherits its `filter` from
     * another is not known here and stays judged by the method's name.
     */
    function callsOwnMethod(callee: TSESTree.MemberExpression, method: string): boolean {
      if (skipTransparent(callee.object).type !== AST_NODE_TYPES.ThisExpression) return false;
      for (let node: TSESTree.Node | undefined = callee.parent; node; node = node.parent) {
        if (node.type === AST_NODE_TYPES.ClassBody) {
          return node.body.some(
            (member) =>
              (member.type === AST_NODE_TYPES.MethodDefinition || member.type === AST_NODE_TYPES.PropertyDefinition) &&
              !member.static &&
              !member.computed &&
              member.key.type === AST_NODE_TYPES.Identifier &&
              member.key.name === method,
          );
        }
        // `this` in a non-arrow function that is not the class's method is another object.
        if ((node.type === AST_NODE_TYPES.FunctionDeclaration || node.type === AST_NODE_TYPES.FunctionExpression) && node.parent?.type !== AST_NODE_TYPES.MethodDefinition) return false;
      }
      return false;
    }

    /** Is the receiver certainly an array (so `for...of` visits what `forEach` visits)? */
    function isKnownArray(receiver: TSESTree.Expression, depth = 0): boolean {
      const node = skipTransparent(receiver);
      if (services && promises.hasKnownType(node)) {
        const checker = services.checker;
        return checkerQuery(false, () => {
          const type = checker.getTypeAtLocation(services.esTreeNodeToTSNodeMap.get(node));
          const parts: readonly ts.Type[] = type.isUnion() ? type.types : [type];
          return parts.every((part) => checker.isArrayType(part) || checker.isTupleType(part));
        });
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
      // `const tasks = keys.map(async ...)` read only for `tasks.length`: the promises are still dropped.
      return variable.references.every(
        (reference) =>
          reference.identifier === declarator.id ||
          (reference.identifier.parent.type === AST_NODE_TYPES.MemberExpression &&
            reference.identifier.parent.object === reference.identifier &&
            staticMemberName(reference.identifier.parent) === 'length' &&
            !(reference.identifier.parent.parent.type === AST_NODE_TYPES.AssignmentExpression && reference.identifier.parent.parent.left === reference.identifier.parent)),
      );
    }

    function calleeName(callee: TSESTree.Node): string {
      const text = sourceCode.getText(callee);
      return text.length <= 40 && !text.includes('\n') ? text : 'the callee';
    }

    /**
     * A function that already handles its rejection, which is exactly what the message asks for,
     * so handing it to a caller that ignores the promise loses nothing: its effect summary says it
     * cannot reject (`EffectSummary.canReject`, the question `no-floating-promises` asks too): the
     * `app.get('/', async (req, res, next) => { try {...} catch (e) { next(e); } })` shape, or
     * `() => save().catch(log)`.
     */
    function handlesOwnRejection(node: TSESTree.Node): boolean {
      if (!isFunctionNode(node)) return false;
      // An empty body (a listener stub) has nothing to reject with.
      if (node.body.type === AST_NODE_TYPES.BlockStatement && node.body.body.length === 0) return true;
      return !effects.summaryOfFunction(node).canReject && !(node.async && doesUnguardedIo(node));
    }

    /**
     * An async function that does file-system or child-process work (`readFileSync(path)`,
     * `execSync(cmd)`, by the effect catalog) outside a `try`: a synchronous call throws on an
     * ordinary failure (a missing file, a failed command), which inside an async function is a
     * rejection; an asynchronous one not awaited there rejects unhandled. Unlike an unexpected
     * throw of other synchronous code, this fails in ordinary operation.
     */
    function doesUnguardedIo(fn: FunctionNode): boolean {
      if (fn.body.type !== AST_NODE_TYPES.BlockStatement) return false;
      return bodyContains(fn.body, (inner) => {
        if (inner.type !== AST_NODE_TYPES.CallExpression) return false;
        const effect = effects.apiEffect(inner);
        return (effect === 'fileRead' || effect === 'fileWrite' || effect === 'process') && !insideTry(inner, fn);
      });
    }

    /** Is `node` inside the block of a `try` with a `catch`, within `fn`? */
    function insideTry(node: TSESTree.Node, fn: FunctionNode): boolean {
      for (let child = node, parent = node.parent; parent && parent !== fn; child = parent, parent = parent.parent) {
        if (parent.type === AST_NODE_TYPES.TryStatement && parent.block === child && parent.handler) return true;
      }
      return false;
    }

    /**
     * True when the listener `fn` of a DOM `message` event added on `target` may answer whoever sent
     * the message: it names the event's `source` or `ports`, posts a message (`postMessage`), calls
     * a method of its own target (`socket.send(answer)` in `socket`'s listener), or hands the whole
     * event to a call (`reply(event, answer)`). Without any of them the sender gets no reply to
     * miss, whatever happens to the listener's promise.
     */
    function answersMessageEvent(fn: FunctionNode, target: TSESTree.Node): boolean {
      const targetText = sourceCode.getText(target);
      const eventParameter = fn.params[0]?.type === AST_NODE_TYPES.Identifier ? fn.params[0].name : null;
      return someNodeBelow(fn.body, sourceCode.visitorKeys, (node) => {
        if (node.type === AST_NODE_TYPES.Identifier) return MESSAGE_ANSWER_NAMES.has(node.name);
        if (node.type !== AST_NODE_TYPES.CallExpression) return false;
        if (node.callee.type === AST_NODE_TYPES.MemberExpression && sourceCode.getText(node.callee.object) === targetText) return true;
        return eventParameter !== null && node.arguments.some((argument) => argument.type === AST_NODE_TYPES.Identifier && argument.name === eventParameter);
      });
    }

    /**
     * An event name written as a string literal that `events` holds: `SHUTDOWN_EVENTS` (`'SIGTERM'`,
     * `'exit'`), `ELECTRON_WINDOW_EVENTS` (`'did-finish-load'`), `REPLYING_EVENTS` (`'request'`).
     */
    function namesEventIn(event: TSESTree.Node | undefined, events: ReadonlySet<string>): boolean {
      return event?.type === AST_NODE_TYPES.Literal && typeof event.value === 'string' && events.has(event.value);
    }

    /**
     * Typed mode: `async _read()` in `class Source extends Readable`: an async method overriding a
     * base-class method whose type returns `void` (every call signature), when the method can
     * reject (see `handlesOwnRejection`). Base classes only: `implements` declares a shape, and
     * frameworks that call such hooks (Angular's `ngOnInit`) vary in what they do with a promise.
     */
    function checkVoidOverride(method: TSESTree.MethodDefinition): void {
      if (!services || !checksVoidReturn) return;
      const fn = method.value;
      if (method.kind !== 'method' || method.static || method.computed || !fn.async || fn.generator) return;
      if (method.key.type !== AST_NODE_TYPES.Identifier) return;
      const classNode = method.parent.parent;
      if (!classNode.superClass || handlesOwnRejection(fn)) return;
      const checker = services.checker;
      const classType = checker.getTypeAtLocation(services.esTreeNodeToTSNodeMap.get(classNode));
      if (!classType.isClassOrInterface()) return;
      const name = method.key.name;
      for (const base of checker.getBaseTypes(classType)) {
        const property = base.getProperty(name);
        if (!property) continue;
        if (!isVoidReturningFunctionType(checker.getTypeOfSymbol(property))) return;
        const baseName = base.getSymbol()?.getName() ?? 'the base class';
        if (statesIntent(method)) return;
        context.report({ node: method.key, messageId: 'voidOverride', data: { name, base: baseName } });
        return;
      }
    }

    /**
     * Cheap evidence, before any contextual-type query, that an argument may be a function that
     * returns a promise: an async function; a non-async function with a returned value that can
     * hold a promise (a call, `new`, a variable, a member, a branch of those); an identifier or
     * member whose own type returns a promise (its type needs no resolution of the enclosing call).
     */
    function mayReturnPromise(value: TSESTree.Node): boolean {
      if (isFunctionNode(value)) {
        if (value.generator) return false;
        if (value.async) return true;
        if (value.body.type !== AST_NODE_TYPES.BlockStatement) return mayHoldPromise(value.body);
        // The block's own `return` statements, found from the offsets of the word (a block without
        // it returns nothing) without walking the body; those of nested functions are skipped.
        const body = value.body;
        let skipUntil = -1;
        for (const offset of words.wordOccurrences('return', body.range[0], body.range[1])) {
          if (offset < skipUntil) continue;
          const lookup = lookUpInSameFunction(body, offset, AST_NODE_TYPES.ReturnStatement, sourceCode.visitorKeys);
          if (lookup.kind === 'nested') skipUntil = lookup.boundary.range[1];
          if (lookup.kind === 'found' && lookup.node.type === AST_NODE_TYPES.ReturnStatement && lookup.node.argument && mayHoldPromise(lookup.node.argument)) {
            return true;
          }
        }
        return false;
      }
      if (value.type !== AST_NODE_TYPES.Identifier && value.type !== AST_NODE_TYPES.MemberExpression) return false;
      if (!mayNameFunction(value)) return false;
      return promises.returnsPromise(value);
    }

    /**
     * Typed mode, before the checker is asked about a named argument (`run(task)`, `run(this.task)`):
     * can the name hold a function at all? A function of this file that scope analysis resolves
     * (`promises.resolveCallee`) is judged by its syntax inside `returnsPromise`; otherwise only
     * an import, a variable holding a wrapped function (`wrapsFunction`), and a parameter
     * declared with a type other than a primitive, array or literal are worth the query. Members
     * of other objects (`run(config.onDone)`), globals, and variables holding a literal, an object
     * or the result of another call are not: asking the checker for the type of every such argument of every call was
     * most of the rule's typed cost, for callbacks that are rarely written that way.
     */
    /**
     * A variable's initializer that makes a function of another one: `fn.bind(this)`, or a call
     * handed a function literal or a name (`debounce(async () => ...)`, `promisify(readFile)`).
     * Other calls (`require('x')`, `load(path)`) make data far more often than functions.
     */
    function wrapsFunction(init: TSESTree.Node): boolean {
      if (init.type !== AST_NODE_TYPES.CallExpression) return false;
      const callee = skipTransparent(init.callee);
      if (callee.type === AST_NODE_TYPES.MemberExpression && staticMemberName(callee) === 'bind') return true;
      return init.arguments.some((argument) => {
        const value = skipTransparent(argument);
        return isFunctionNode(value) || value.type === AST_NODE_TYPES.Identifier || value.type === AST_NODE_TYPES.MemberExpression;
      });
    }

    function mayNameFunction(value: TSESTree.Identifier | TSESTree.MemberExpression): boolean {
      if (promises.resolveCallee(value)) return true;
      if (value.type === AST_NODE_TYPES.MemberExpression) return false;
      const variable = variableOfIdentifier(sourceCode, value);
      const definition = variable?.defs.length === 1 ? variable.defs[0] : undefined;
      if (!definition) return false;
      switch (definition.type) {
        case 'ImportBinding':
          return true;
        case 'Variable': {
          const init = definition.node.init ? skipTransparent(definition.node.init) : null;
          return definition.node.id.type === AST_NODE_TYPES.Identifier && init !== null && wrapsFunction(init);
        }
        case 'Parameter': {
          const annotation = definition.name.typeAnnotation?.typeAnnotation;
          return annotation !== undefined && !SETTLED_PARAMETER_TYPES.has(annotation.type);
        }
        default:
          return false;
      }
    }

    /**
     * Hooks passed in an options object (`new Readable({ async read() {...} })`): an async method
     * or function property whose contextual type returns `void`, and which can reject. Only
     * syntactically async values are asked about, so ordinary option objects cost no query.
     */
    function checkOptionHooks(call: TSESTree.CallExpression | TSESTree.NewExpression, options: TSESTree.ObjectExpression): void {
      if (!services || getWhereItRuns(context).inEditorExtension()) return;
      let optionsType: ts.Type | null | undefined;
      for (const property of options.properties) {
        if (property.type !== AST_NODE_TYPES.Property || property.computed) continue;
        const value = skipTransparent(property.value);
        if (!isFunctionNode(value) || !value.async || value.generator || handlesOwnRejection(value)) continue;
        const key = property.key.type === AST_NODE_TYPES.Identifier ? property.key.name : null;
        if (key === null) continue;
        // The object's contextual type, once: a method has no contextual type of its own.
        optionsType ??= services.checker.getContextualType(services.esTreeNodeToTSNodeMap.get(options) as ts.Expression) ?? null;
        const hook = optionsType ? services.checker.getNonNullableType(optionsType).getProperty(key) : undefined;
        if (!hook) continue;
        const contextual = services.checker.getNonNullableType(services.checker.getTypeOfSymbol(hook));
        if (!isVoidReturningFunctionType(contextual)) continue;
        reportVoidReturn(call, property.key);
      }
    }

    /**
     * `() => disposables.dispose()` handed to an event: a function that is not async whose one
     * result is a teardown of the disposable idiom (`isTeardownCall`), which no caller waits for
     * (the same call `no-floating-promises` leaves alone in a function that is not async).
     */
    function returnsTeardown(node: TSESTree.Node): boolean {
      return isFunctionNode(node) && !node.async && node.body.type !== AST_NODE_TYPES.BlockStatement && isTeardownCall(node.body);
    }

    /**
     * Typed mode: typescript-eslint's `no-misused-promises` is disabled for the line where `node`
     * starts (`// eslint-disable-next-line @typescript-eslint/no-misused-promises` above an async
     * handler; oxlint's `typescript/no-misused-promises` alike): the author saw that this promise is ignored, and kept it. Respected as the loop rule
     * respects a disabled `no-await-in-loop`.
     */
    function statesIntent(node: TSESTree.Node): boolean {
      const lines = [node.loc.start.line];
      return disablesRuleOn(context, '@typescript-eslint/no-misused-promises', lines) || disablesRuleOn(context, 'typescript/no-misused-promises', lines);
    }

    /** Reports a promise-returning function where `call` expects one returning `void`, unless the author stated the intent (`statesIntent`). */
    function reportVoidReturn(call: TSESTree.CallExpression | TSESTree.NewExpression, node: TSESTree.Node): void {
      if (statesIntent(call) || statesIntent(node)) return;
      context.report({ node, messageId: 'voidReturn', data: { callee: calleeName(call.callee) } });
    }

    /** Typed mode: promise-returning arguments for parameters typed as returning `void`. */
    function checkVoidReturnArguments(call: TSESTree.CallExpression | TSESTree.NewExpression, skip: TSESTree.Node | null): void {
      if (!services || !checksVoidReturn) return;
      const callee = skipTransparent(call.callee);
      let replyingListener = false;
      const methodName = callee.type === AST_NODE_TYPES.MemberExpression ? staticMemberName(callee) : null;
      if (callee.type === AST_NODE_TYPES.MemberExpression) {
        const name = methodName;
        if (name !== null && (AWAITING_VOID_CALLBACK_METHODS.has(name) || EVENT_UNLISTEN_METHODS.has(name))) return;
        if (name !== null && EVENT_LISTENER_METHODS.has(name)) {
          replyingListener = namesEventIn(call.arguments[0], REPLYING_EVENTS) && promises.hasKnownType(callee.object);
          // A Node emitter's listener that can reject is checked like any void callback below; in
          // browser UI code (a socket's `on('event', async ...)`) a rejection reaches the console,
          // as for `addEventListener`.
          if (allowEventListeners && !replyingListener && (EVENT_TARGET_LISTENER_METHODS.has(name) || namesEventIn(call.arguments[0], SHUTDOWN_EVENTS) || getWhereItRuns(context).runsInUi())) return;
        }
      }
      // Array-method and promise-chain callbacks are judged by the method's own use of them
      // (`PROMISE_IGNORING_METHODS`) or take any return value (`then`/`catch`): no checker query.
      const firstJudged = methodName !== null && (PROMISE_IGNORING_METHODS.has(methodName) || methodName === 'then' || methodName === 'catch');
      for (const argument of call.arguments) {
        if (argument === skip || (firstJudged && argument === call.arguments[0])) continue;
        const options = skipTransparent(argument);
        if (options.type === AST_NODE_TYPES.ObjectExpression) {
          checkOptionHooks(call, options);
          continue;
        }
        if (!mayReturnPromise(skipTransparent(argument))) continue;
        const value = skipTransparent(argument);
        // A listener for a request or a message (see `REPLYING_EVENTS`): DOM listener types return
        // `any`, so the parameter's declared return type decides only when it asks for a promise.
        const own = callbackFunction(value) ?? value;
        if (replyingListener && argument === call.arguments[1]) {
          if (!isAsyncCallback(value) || handlesOwnRejection(own) || promises.expectsPromiseReturn(value as TSESTree.Expression)) {
            continue;
          }
          // A page's `message` listener (`addEventListener`) that never answers the sender (see
          // `answersMessageEvent`), where the host logs a rejection: a window's listener like any other.
          if (
            methodName === 'addEventListener' &&
            callee.type === AST_NODE_TYPES.MemberExpression &&
            namesEventIn(call.arguments[0], MESSAGE_EVENT) &&
            isFunctionNode(own) &&
            !answersMessageEvent(own, callee.object) &&
            getWhereItRuns(context).logsRejectionsFor(own)
          ) {
            continue;
          }
          reportVoidReturn(call, argument);
          continue;
        }
        // Code whose host logs a rejection and goes on (`WhereItRuns.hostLogsRejections`: an editor
        // extension, a browser extension, an Electron app's windows and main process), as for a
        // promise dropped there (see no-floating-promises); a listener that must reply is judged above.
        // An async `ipcMain.on`/`once`/`handle` listener stays judged: the window that sent the
        // message gets no word of its failure (as no-floating-promises keeps drops inside one).
        if (getWhereItRuns(context).logsRejectionsFor(isFunctionNode(own) ? own : null) && !registersIpcMainListener(call)) continue;
        // Browser UI code (`WhereItRuns.runsInUi`, as no-floating-promises reads it): a keyboard
        // shortcut, a debounced check or a timer of a page starts an async action as a click handler
        // does, and a rejection reaches the console. The same callback written with braces
        // (`useHotkey('o', () => { newChat(); })`) drops the promise as a statement, which
        // no-floating-promises leaves alone there unless `checkUiCode` is on; reporting the arrow
        // that returns it would be stricter than that for the same code. `allowEventListeners: false`
        // reports them, as it does a UI emitter's listeners. Test code of a UI project is not a
        // page: a runner given an async `describe` body collects no test defined after its await;
        // nor is a terminal UI (Ink), whose Node process ends on an unhandled rejection.
        // A helper of the program that acts on the callback's outcome (runs it in a `try`, or goes
        // on with its own work right after calling it: `ownsCallbackOutcome`) is not a click
        // handler's host: judged below.
        if (
          allowEventListeners &&
          getWhereItRuns(context).runsInUi() &&
          !getWhereItRuns(context).isTestCode() &&
          !getWhereItRuns(context).rendersInTerminal() &&
          !(isAsyncCallback(value) && !handlesOwnRejection(own) && ownsCallbackOutcome(services.checker, services.esTreeNodeToTSNodeMap.get(call) as ts.CallExpression | ts.NewExpression, call.arguments.indexOf(argument)))
        ) {
          continue;
        }
        // Then the parameter's type (this resolves the enclosing call's signature).
        const tsNode = services.esTreeNodeToTSNodeMap.get(argument) as ts.Expression;
        const contextual = services.checker.getContextualType(tsNode);
        if (!contextual || !isVoidReturningFunctionType(contextual)) continue;
        if (!isAsyncCallback(value) || handlesOwnRejection(own) || returnsTeardown(own)) continue;
        // A parameter declared `() => void | Promise<void>` handed on: its own declaration already
        // says its promise may be ignored.
        if (promises.declaresIgnorablePromise(value)) continue;
        const index = call.arguments.indexOf(argument);
        if (someOverloadTakesPromiseFunction(services.checker, services.esTreeNodeToTSNodeMap.get(call.callee), index)) continue;
        // A wrapper of this program that types the callback `() => void` but only hands it to an
        // API that takes (and awaits) any return value: the `void` is the wrapper's, not the API's.
        if (forwardsToPromiseSink(services.checker, services.esTreeNodeToTSNodeMap.get(call) as ts.CallExpression | ts.NewExpression, index)) continue;
        reportVoidReturn(call, argument);
      }
    }

    /**
     * `checkVoidReturnArguments` for one call, under `checkerQuery`; null where it has nothing to do
     * (without types, or without `checksVoidReturn`), so untyped runs make no closure per call.
     */
    const checkVoidReturns =
      services && checksVoidReturn
        ? (call: TSESTree.CallExpression | TSESTree.NewExpression, skip: TSESTree.Node | null): void =>
            checkerQuery(undefined, () => checkVoidReturnArguments(call, skip))
        : null;

    return {
      CallExpression(call) {
        const callee = skipTransparent(call.callee);
        if (callee.type !== AST_NODE_TYPES.MemberExpression) {
          // Only a method call can be one of PROMISE_IGNORING_METHODS; the rest is typed mode's.
          checkVoidReturns?.(call, null);
          return;
        }
        const method = callee.type === AST_NODE_TYPES.MemberExpression ? staticMemberName(callee) : null;
        const use = method !== null ? PROMISE_IGNORING_METHODS.get(method) : undefined;
        const callback = call.arguments[0];
        if (
          use === undefined ||
          method === null ||
          callee.type !== AST_NODE_TYPES.MemberExpression ||
          !callback ||
          callback.type === AST_NODE_TYPES.SpreadElement ||
          !callbackPromiseMatters(use, call, callback) ||
          !isAsyncCallback(callback)
        ) {
          checkVoidReturns?.(call, null);
          return;
        }
        // Typed: a callee whose parameter type allows a promise return is built for async callbacks.
        if (callerAwaitsCallbacks(call) || promises.expectsPromiseReturn(callback)) return;
        // `this.filter(async (ctx) => ...)` in a class that defines its own `filter`: not an array's.
        if (callsOwnMethod(callee, method)) return;
        const data = { method };
        const declaredAsync = isDeclaredAsync(callback);
        // A sync callback that returns a promise is only misread by predicates and comparators
        // when it is meant as async; untyped, say nothing about those.
        if (!declaredAsync && use !== 'ignored' && use !== 'mapped') {
          checkVoidReturnArguments(call, callback);
          return;
        }
        // ... unless the function reads what the callbacks assign right after the loop.
        if ((use === 'ignored' || use === 'mapped') && cannotReject(callback) && !(use === 'ignored' && readsCallbackResultsEarly(call, callback))) {
          checkVoidReturnArguments(call, callback);
          return;
        }
        // `writers.forEach((w) => w.write(line))`: a callback that is not `async` and only hands
        // back the promise of the call it makes is a fire-and-forget per item, as the same call
        // dropped as a statement; where the host logs a lost rejection (see
        // `WhereItRuns.hostLogsRejections`) that costs a log line, unless the function reads what the
        // callbacks assign right after the loop. An `async` callback with awaits in it is the
        // misreading of `forEach` that the rule is for: still reported there.
        if (use === 'ignored' && !declaredAsync && !readsCallbackResultsEarly(call, callback) && getWhereItRuns(context).logsRejectionsFor(nearestFunction(call))) {
          checkVoidReturnArguments(call, callback);
          return;
        }
        // `onClick={() => { rooms.forEach(async (id) => { await markAsRead(id); }); close(); }}`:
        // a batch fired and forgotten from an event handler that could not wait (see
        // `firesBatchFromHandler`), where a lost rejection is only logged.
        if (use === 'ignored' && firesBatchFromHandler(call, callback)) {
          checkVoidReturnArguments(call, callback);
          return;
        }
        switch (use) {
          case 'ignored':
            context.report({
              node: callback,
              messageId: declaredAsync ? 'ignoredCallback' : 'ignoredPromiseCallback',
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
              context.report({
                node: callback,
                messageId: declaredAsync ? 'mapDropped' : 'mapDroppedPromiseCallback',
                data,
                suggest: mapSuggestions(call),
              });
            }
            break;
          case 'accumulator': {
            const fn = skipTransparent(callback);
            const name = isFunctionNode(fn) ? misusedAccumulator(fn) : null;
            if (name !== null) context.report({ node: callback, messageId: 'accumulatorNotAwaited', data: { method, name } });
            break;
          }
        }
        checkVoidReturns?.(call, callback);
      },

      ...(services && checksVoidReturn ? { MethodDefinition: (method: TSESTree.MethodDefinition) => checkerQuery(undefined, () => checkVoidOverride(method)) } : {}),

      NewExpression(node) {
        // Only an `async` executor: a sync executor that returns a promise
        // (`new Promise((resolve) => load().then(resolve))`) is an ordinary adapter.
        const executor = node.arguments[0] ? skipTransparent(node.arguments[0]) : undefined;
        if (node.callee.type === AST_NODE_TYPES.Identifier && node.callee.name === 'Promise' && isGlobal('Promise', node)) {
          // An executor that awaits nothing is reported still: its `async` only hides sync throws.
          // An executor on a line where the core `no-async-promise-executor` is disabled was kept on
          // purpose: the author saw exactly this pattern and decided.
          // In test code the runner reports the lost rejection and the test awaiting the wrapper
          // times out: the failure is seen (`checkTestCode` reports it there too).
          if (
            executor &&
            isFunctionNode(executor) &&
            executor.async &&
            !disablesRuleOn(context, 'no-async-promise-executor', [node.loc.start.line, executor.loc.start.line]) &&
            (checkTestCode || !getWhereItRuns(context).isTestCode())
          ) {
            const awaits = someNodeInSameFunction(executor.body, sourceCode.visitorKeys, (inner) => inner.type === AST_NODE_TYPES.AwaitExpression);
            const keys = sourceCode.visitorKeys;
            const canReject = effects.summaryOfFunction(executor).canReject;
            if (onlyCleanupMayReject(executor, keys)) {
              // `try { ... } catch (e) { reject(e) } finally { await cleanup() }`: every error of the
              // work reaches `reject`; only the cleanup could fail unseen. The message would be false.
            } else if (!awaits && !hasOwnWork(executor, keys, (call) => schedulesOnly(executor, call))) {
              // `new Promise(async (r) => (finish = r))`, `new Promise(async (resolve) =>
              // setTimeout(resolve, ms))`: nothing in it can throw; the `async` is harmless and the
              // message would be false.
            } else if (!canReject && awaits && !settlesOnlyInline(executor, keys) && (!catchesErrors(executor, keys) || retriesUntilSettled(executor, keys))) {
              // `new Promise(async (resolve) => { while (!ready) await delay(500); send(msg);
              // port.once('reply', resolve); })`: nothing it awaits can fail (no error is even
              // caught), and it settles from a callback (or hands `resolve` on), so the wrapper is
              // needed; what is left is the synchronous calls between the awaits, which the rules
              // take not to throw. An executor that catches an error and settles nothing would hang;
              // one that retries until it has settled, beside a timer that settles it the other way
              // (`retriesUntilSettled`), does not.
            } else if (!awaits && !canReject && !hasUnguardedWork(executor, keys) && everyCatchSettles(executor, keys)) {
              // Nothing is awaited, and a synchronous throw of its work reaches `reject`: the
              // message (a throw does not reject) would be false. Settled from a callback
              // (`try { api.run(args, (err, out) => ...) } catch (e) { reject(e) }`), the wrapper
              // adapts a callback API and the `async` changes nothing: silent. Settled inline, the
              // wrapper is what is left.
              if (settlesOnlyInline(executor, keys)) context.report({ node: executor, messageId: 'redundantPromiseExecutor' });
            } else if (canReject || !awaits || (hasUnguardedWork(executor, keys) && !(settlesOnlyInline(executor, keys) && onlySyncPrefixUnguarded(executor, keys)))) {
              context.report({ node: executor, messageId: 'promiseExecutor' });
            } else if (settlesOnlyInline(executor, keys) && !awaitsAfterSettling(executor, keys)) {
              // Every exception settles the promise (`catch (e) { reject(e) }`, or a fallback
              // `resolve`), so nothing is lost; what is left is a wrapper the async function makes
              // redundant. When it settles from a callback (an event, a timer), the wrapper is
              // needed: silent. So it is when the executor settles early and keeps working
              // (`resolve(); await finishLater();`): an async function would settle only at its end.
              context.report({ node: executor, messageId: 'redundantPromiseExecutor' });
            }
          }
          // The executor's return value is ignored, and a sync executor returning a handled
          // chain is an ordinary adapter: no void-return check here.
          return;
        }
        checkVoidReturns?.(node, null);
      },
    };
  },
});

/** True when `node` is `container` or lies inside it. */
function isWithin(node: TSESTree.Node, container: TSESTree.Node): boolean {
  return node.range[0] >= container.range[0] && node.range[1] <= container.range[1];
}

/** Methods that fill a collection in place (`results.push(x)`, `seen.add(id)`, `byId.set(k, v)`). */
const FILLING_METHODS: ReadonlySet<string> = new Set(['push', 'unshift', 'splice', 'add', 'set']);

/** True when `identifier` is the collection of a filling call (`results.push(x)`) or the object of an assigned member (`totals.count = n`). */
function fillsInPlace(identifier: TSESTree.Identifier): boolean {
  const member = identifier.parent;
  if (member?.type !== AST_NODE_TYPES.MemberExpression || member.object !== identifier) return false;
  const use = member.parent;
  if (use?.type === AST_NODE_TYPES.CallExpression && use.callee === member) return FILLING_METHODS.has(staticMemberName(member) ?? '');
  return use?.type === AST_NODE_TYPES.AssignmentExpression && use.left === member;
}

/**
 * True when an executor only calls its `resolve`/`reject` parameters directly in its own body,
 * never from a nested function nor hands them on (an event listener, a timer callback): then it
 * settles exactly when its async body does, and `new Promise` adds nothing.
 */
function settlesOnlyInline(executor: FunctionNode, visitorKeys: TSESLint.SourceCode['visitorKeys']): boolean {
  const settlers = new Set(executor.params.flatMap((param) => (param.type === AST_NODE_TYPES.Identifier ? [param.name] : [])));
  if (settlers.size === 0) return false;
  let fromCallback = false;
  const visit = (node: TSESTree.Node, nested: boolean): void => {
    if (fromCallback) return;
    // `resolve(x)` in the body settles inline; any other use (inside a nested function, passed as
    // a listener `conn.on('end', resolve)`, stored) may settle later.
    if (node.type === AST_NODE_TYPES.Identifier && settlers.has(node.name)) {
      const call = node.parent;
      if (nested || call.type !== AST_NODE_TYPES.CallExpression || call.callee !== node) fromCallback = true;
    }
    forEachChild(node, visitorKeys, (child) => visit(child, nested || isFunctionNode(child)));
  };
  visit(executor.body, false);
  return !fromCallback;
}

/**
 * True when an executor does work outside a `try` with a `catch`: a statement with a call or
 * `new` other than settling its own promise (`resolve(x)`) or an assertion. In an executor, such a
 * synchronous throw is not a lost rejection but a promise that never settles, exactly what the
 * rule's message says, so it counts here although `EffectSummary.canReject` (which judges a dropped
 * promise) takes synchronous calls for safe. A statement that hands its chain's rejection to the
 * executor's `reject` (`await tx.run(work).catch(reject)`) is guarded. Only `statements` are
 * looked at (default: the whole body).
 */
function hasUnguardedWork(
  executor: FunctionNode,
  visitorKeys: TSESLint.SourceCode['visitorKeys'],
  statements: readonly TSESTree.Node[] = executor.body.type === AST_NODE_TYPES.BlockStatement ? executor.body.body : [executor.body],
): boolean {
  const settlers = new Set(executor.params.flatMap((param) => (param.type === AST_NODE_TYPES.Identifier ? [param.name] : [])));
  const isWork = (node: TSESTree.Node): boolean => {
    if (node.type === AST_NODE_TYPES.NewExpression || node.type === AST_NODE_TYPES.TaggedTemplateExpression) return true;
    if (node.type !== AST_NODE_TYPES.CallExpression) return false;
    const callee = skipTransparent(node.callee);
    return !(callee.type === AST_NODE_TYPES.Identifier && (settlers.has(callee.name) || callee.name === 'assert' || callee.name === 'invariant'));
  };
  const reject = executor.params[1]?.type === AST_NODE_TYPES.Identifier ? executor.params[1].name : null;
  return statements.some(
    (statement) =>
      !(statement.type === AST_NODE_TYPES.TryStatement && statement.handler) &&
      !(reject !== null && catchesInto(statement, reject)) &&
      someNodeInSameFunction(statement, visitorKeys, isWork),
  );
}

/**
 * True when every `catch` among the executor's top-level statements calls one of its settling
 * parameters (`catch (e) { reject(e) }`), and there is at least one: an error caught there
 * settles the promise instead of leaving it pending.
 */
function everyCatchSettles(executor: FunctionNode, visitorKeys: TSESLint.SourceCode['visitorKeys']): boolean {
  const body = executor.body;
  if (body.type !== AST_NODE_TYPES.BlockStatement) return false;
  const settlers = new Set(executor.params.flatMap((param) => (param.type === AST_NODE_TYPES.Identifier ? [param.name] : [])));
  const handlers = body.body.flatMap((statement) => (statement.type === AST_NODE_TYPES.TryStatement && statement.handler ? [statement.handler] : []));
  return (
    handlers.length > 0 &&
    handlers.every((handler) =>
      someNodeInSameFunction(handler.body, visitorKeys, (node) => node.type === AST_NODE_TYPES.CallExpression && node.callee.type === AST_NODE_TYPES.Identifier && settlers.has(node.callee.name)),
    )
  );
}

/**
 * True when the executor catches an error anywhere in its own body: a `try` with a `catch`, or a
 * chain with a rejection handler (`.catch(log)`, `.then(f, onError)`). Its "cannot reject" then
 * means "a failure is swallowed", not "nothing can fail".
 */
function catchesErrors(executor: FunctionNode, visitorKeys: TSESLint.SourceCode['visitorKeys']): boolean {
  return someNodeInSameFunction(
    executor.body,
    visitorKeys,
    (node) =>
      (node.type === AST_NODE_TYPES.TryStatement && node.handler !== null) ||
      (node.type === AST_NODE_TYPES.CallExpression && chainMethodName(node) !== null && hasRejectionHandler(node)),
  );
}

/**
 * True when the executor retries until it has settled, with a timer that settles it the other way:
 * every error it catches (see `catchesErrors`: a `try` with a `catch`, a chain with a rejection
 * handler) is caught inside a `while`/`do`/`for` loop whose test reads a flag the executor sets
 * beside a call of a settling parameter (`while (!settled) { try { await knock(port); resolve(true);
 * settled = true; } catch {} }`), and a timer callback of the executor settles it too
 * (`setTimeout(() => { settled = true; resolve(false); }, limit)`). Such a loop ends only once the
 * promise is settled. A loop over a finite list (`for (const url of mirrors)`, a counted `for`)
 * is no retry: when every attempt fails it ends and the promise stays pending; nor is a `catch`
 * outside any loop, even one that settles (judged by the executor's unguarded work, see
 * `hasUnguardedWork`).
 */
function retriesUntilSettled(executor: FunctionNode, visitorKeys: TSESLint.SourceCode['visitorKeys']): boolean {
  const settlers = new Set(executor.params.flatMap((param) => (param.type === AST_NODE_TYPES.Identifier ? [param.name] : [])));
  if (settlers.size === 0) return false;
  const settles = (statement: TSESTree.Statement): boolean => {
    const expression = statement.type === AST_NODE_TYPES.ExpressionStatement ? skipTransparent(statement.expression) : null;
    return expression?.type === AST_NODE_TYPES.CallExpression && expression.callee.type === AST_NODE_TYPES.Identifier && settlers.has(expression.callee.name);
  };
  // The names a statement list sets beside a settle call (`resolve(true); settled = true;`), in
  // the executor and in its nested callbacks (the timer's).
  const flags = new Set<string>();
  let timerSettles = false;
  const visit = (node: TSESTree.Node): void => {
    if (node.type === AST_NODE_TYPES.BlockStatement && node.body.some(settles)) {
      for (const statement of node.body) {
        const expression = statement.type === AST_NODE_TYPES.ExpressionStatement ? skipTransparent(statement.expression) : null;
        if (expression?.type === AST_NODE_TYPES.AssignmentExpression && expression.left.type === AST_NODE_TYPES.Identifier) flags.add(expression.left.name);
      }
    }
    if (node.type === AST_NODE_TYPES.CallExpression && node.callee.type === AST_NODE_TYPES.Identifier && (node.callee.name === 'setTimeout' || node.callee.name === 'setInterval')) {
      const callback = node.arguments[0];
      if (callback && isFunctionNode(callback) && callback.body.type === AST_NODE_TYPES.BlockStatement && callback.body.body.some(settles)) timerSettles = true;
      if (callback && isFunctionNode(callback) && callback.body.type !== AST_NODE_TYPES.BlockStatement) {
        const body = skipTransparent(callback.body);
        if (body.type === AST_NODE_TYPES.CallExpression && body.callee.type === AST_NODE_TYPES.Identifier && settlers.has(body.callee.name)) timerSettles = true;
      }
    }
    forEachChild(node, visitorKeys, visit);
  };
  visit(executor.body);
  if (!timerSettles || flags.size === 0) return false;
  const retryLoop = (node: TSESTree.Node): boolean => {
    for (let parent = node.parent; parent && parent !== executor; parent = parent.parent) {
      if (isFunctionNode(parent)) return false;
      if (parent.type !== AST_NODE_TYPES.WhileStatement && parent.type !== AST_NODE_TYPES.DoWhileStatement && parent.type !== AST_NODE_TYPES.ForStatement) continue;
      const test = parent.test;
      if (test && someNodeInSameFunction(test, visitorKeys, (inner) => inner.type === AST_NODE_TYPES.Identifier && flags.has(inner.name))) return true;
    }
    return false;
  };
  return !someNodeInSameFunction(
    executor.body,
    visitorKeys,
    (node) =>
      ((node.type === AST_NODE_TYPES.TryStatement && node.handler !== null) || (node.type === AST_NODE_TYPES.CallExpression && chainMethodName(node) !== null && hasRejectionHandler(node))) &&
      !retryLoop(node),
  );
}

/** `[await] work().catch(reject)` as a statement: the chain hands its rejection to the executor's `reject`. */
function catchesInto(statement: TSESTree.Node, reject: string): boolean {
  if (statement.type !== AST_NODE_TYPES.ExpressionStatement) return false;
  let expression = skipTransparent(statement.expression);
  if (expression.type === AST_NODE_TYPES.AwaitExpression) expression = skipTransparent(expression.argument);
  if (expression.type !== AST_NODE_TYPES.CallExpression) return false;
  const callee = skipTransparent(expression.callee);
  const [handler] = expression.arguments;
  return (
    callee.type === AST_NODE_TYPES.MemberExpression &&
    staticMemberName(callee) === 'catch' &&
    handler?.type === AST_NODE_TYPES.Identifier &&
    handler.name === reject
  );
}

/**
 * True when the executor awaits something after a call of one of its settling parameters that
 * does not end the executor, in source order (`resolve(); if (late) await finishLater();`): the
 * promise settles before the executor's work is done, which an async function returning its
 * result could not do. A settling call that returns (`return resolve(x)`, `resolve(x); return;`)
 * ends the work.
 */
function awaitsAfterSettling(executor: FunctionNode, visitorKeys: TSESLint.SourceCode['visitorKeys']): boolean {
  const settlers = new Set(executor.params.flatMap((param) => (param.type === AST_NODE_TYPES.Identifier ? [param.name] : [])));
  const endsExecutor = (call: TSESTree.CallExpression): boolean => {
    const statement = call.parent;
    if (statement.type === AST_NODE_TYPES.ReturnStatement) return true;
    if (statement.type !== AST_NODE_TYPES.ExpressionStatement) return false;
    const list = statement.parent.type === AST_NODE_TYPES.BlockStatement ? statement.parent.body : null;
    const next = list ? list[list.indexOf(statement) + 1] : undefined;
    return next?.type === AST_NODE_TYPES.ReturnStatement;
  };
  let settledAt = Infinity;
  someNodeInSameFunction(executor.body, visitorKeys, (node) => {
    if (node.type === AST_NODE_TYPES.CallExpression && node.callee.type === AST_NODE_TYPES.Identifier && settlers.has(node.callee.name) && !endsExecutor(node)) {
      settledAt = Math.min(settledAt, node.range[1]);
    }
    return false;
  });
  return (
    settledAt !== Infinity &&
    someNodeInSameFunction(executor.body, visitorKeys, (node) => node.type === AST_NODE_TYPES.AwaitExpression && node.range[0] > settledAt)
  );
}

/**
 * True when the executor's own body calls, constructs, tags a template or throws: something that
 * could throw. A call `cannotThrow` accepts (a global timer handed a function) is not counted.
 */
function hasOwnWork(executor: FunctionNode, visitorKeys: TSESLint.SourceCode['visitorKeys'], cannotThrow: (call: TSESTree.CallExpression) => boolean = () => false): boolean {
  return someNodeInSameFunction(
    executor.body,
    visitorKeys,
    (node) =>
      (node.type === AST_NODE_TYPES.CallExpression && !cannotThrow(node)) ||
      node.type === AST_NODE_TYPES.NewExpression ||
      node.type === AST_NODE_TYPES.TaggedTemplateExpression ||
      node.type === AST_NODE_TYPES.ThrowStatement,
  );
}

/**
 * True when the only statements of an executor that do work outside a `try` (`hasUnguardedWork`)
 * come before its first `await`: a synchronous prefix (`const name = row.name; if (!keep(name))
 * return resolve(''); count += 1;`) ahead of awaited work whose errors all reach the promise. The
 * prefix is taken not to throw (as `EffectSummary.canReject` takes synchronous calls), so the
 * executor is a redundant wrapper, not one that loses the errors of its awaited work.
 */
function onlySyncPrefixUnguarded(executor: FunctionNode, visitorKeys: TSESLint.SourceCode['visitorKeys']): boolean {
  const body = executor.body;
  if (body.type !== AST_NODE_TYPES.BlockStatement) return false;
  const isAwait = (node: TSESTree.Node): boolean => node.type === AST_NODE_TYPES.AwaitExpression || (node.type === AST_NODE_TYPES.ForOfStatement && node.await);
  const first = body.body.findIndex((statement) => someNodeInSameFunction(statement, visitorKeys, isAwait));
  if (first === -1) return false;
  return !hasUnguardedWork(executor, visitorKeys, body.body.slice(first));
}

/**
 * True when an executor's body is one `try` whose `catch` neither throws nor awaits, with a
 * `finally` that awaits: the work's errors all reach the `catch` (the executor's `reject`, a log),
 * and what could still reject is the cleanup in `finally`. Not reported: the rule's message (a
 * throw does not reject the promise) would be false for the work, and a reviewer does not rewrite
 * a wrapper over its cleanup step.
 */
function onlyCleanupMayReject(executor: FunctionNode, visitorKeys: TSESLint.SourceCode['visitorKeys']): boolean {
  const body = executor.body;
  if (body.type !== AST_NODE_TYPES.BlockStatement || body.body.length !== 1) return false;
  const [statement] = body.body;
  if (statement?.type !== AST_NODE_TYPES.TryStatement || !statement.handler || !statement.finalizer) return false;
  const risky = (node: TSESTree.Node): boolean => node.type === AST_NODE_TYPES.ThrowStatement || node.type === AST_NODE_TYPES.AwaitExpression;
  return !someNodeInSameFunction(statement.handler.body, visitorKeys, risky);
}

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
