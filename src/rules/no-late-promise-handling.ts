import { AST_NODE_TYPES, type TSESLint, type TSESTree } from '@typescript-eslint/utils';
import {
  type FunctionTimeline,
  getFunctionTimelines,
  inExclusiveBranches,
  type TimelineEvent,
  type TimelineOwner,
} from '../analysis/function-timeline';
import {
  arrayOfStarts,
  cannotReject,
  classifyUse,
  type FirstUse,
  hasHandlerInChain,
  idleSettlersFrom,
  isPromiseCombinatorCall,
  ownerOf,
  typedPromiseKind,
} from '../analysis/promise-bindings';
import { isFunctionNode } from '../analysis/async-context';
import { getFileEffects } from '../analysis/effects';
import { chainMethodName, getPromiseAnalysis, getValueUsage, mayContainPromises } from '../analysis/promises';
import { isLoopStatement, promiseCombinatorOf, skipTransparent, variableOfIdentifier } from '../util/ast';
import { LAZY_BUILDER_NAME } from '../catalog/promise-apis';
import { getSourceWords } from '../analysis/source-words';
import { getWhereItRuns } from '../analysis/where-it-runs';
import { createRule } from '../util/create-rule';

export type Options = [
  {
    /** Also report a promise that a `return`, `throw`, `break` or `continue` leaves behind unhandled. */
    reportAbandoned?: boolean;
    /** Also report in browser UI code and where the host only logs an unhandled rejection (editor and browser extensions, Electron apps). */
    checkUiCode?: boolean;
    /** Also report in test code, where the test runner turns an unhandled rejection into a failure. */
    checkTestCode?: boolean;
  },
];
export type MessageIds = 'lateHandling' | 'abandoned' | 'oneByOne' | 'suggestGather' | 'suggestCatch' | 'suggestAll';

/** The keywords of the suspensions of a function (see `TimelineEvent`), and with them those of its exits. */
const SUSPENSION_WORDS: readonly string[] = ['await', 'yield'];
const WINDOW_WORDS: readonly string[] = [...SUSPENSION_WORDS, 'return', 'throw', 'break', 'continue'];

/** Methods that register a listener for an object's messages: `child.on('message', h)`, `port.addEventListener('message', h)`. */
const MESSAGE_LISTENER_METHODS: ReadonlySet<string> = new Set(['on', 'once', 'addListener', 'addEventListener']);

/** Methods that send an object a message it answers: `child.send(request)`, `worker.postMessage(request)`. */
const SEND_METHODS: ReadonlySet<string> = new Set(['send', 'postMessage']);

/** The name of a non-computed member (`child.send` → `send`), or null. */
function staticName(member: TSESTree.MemberExpression): string | null {
  return !member.computed && member.property.type === AST_NODE_TYPES.Identifier ? member.property.name : null;
}

/** How many events of a window are checked before the rule gives up (stays silent). */
const MAX_WINDOW_EVENTS = 64;

/** One promise (or array of promises) started and kept in a binding. */
interface Start {
  /** The binding's name. */
  name: string;
  /** The binding's identifier in the declaration. */
  id: TSESTree.Identifier;
  /** The expression that starts the promise (reported). */
  expression: TSESTree.Expression;
  declarator: TSESTree.VariableDeclarator;
  /** `array`: the binding holds an array of started promises. */
  shape: 'single' | 'array';
}

/** What opens the window between a start and its first handling. */
type Window =
  | { kind: 'suspension'; event: Extract<TimelineEvent, { kind: 'suspension' }> }
  | { kind: 'exit'; event: Extract<TimelineEvent, { kind: 'exit' }> };

function exitWord(node: TSESTree.Node): string {
  switch (node.type) {
    case AST_NODE_TYPES.ReturnStatement:
      return 'return';
    case AST_NODE_TYPES.ThrowStatement:
      return 'throw';
    case AST_NODE_TYPES.BreakStatement:
      return 'break';
    default:
      return 'continue';
  }
}

/** A call or `new` (`f()`, `new Promise(...)`), or `c ? f() : g()` with a call on both sides. */
function isStartExpression(node: TSESTree.Node): boolean {
  const value = skipTransparent(node);
  if (value.type === AST_NODE_TYPES.ConditionalExpression) return isStartExpression(value.consequent) && isStartExpression(value.alternate);
  return value.type === AST_NODE_TYPES.CallExpression || value.type === AST_NODE_TYPES.NewExpression;
}

/** `import('./hooks/prerun')`, `import('../util')`: a dynamic import of a relative path written as a string. */
function isLocalModuleImport(node: TSESTree.Node): boolean {
  if (node.type !== AST_NODE_TYPES.ImportExpression) return false;
  const source = node.source;
  const specifier =
    source.type === AST_NODE_TYPES.Literal
      ? source.value
      : source.type === AST_NODE_TYPES.TemplateLiteral && source.expressions.length === 0
        ? source.quasis[0]?.value.cooked
        : null;
  return typeof specifier === 'string' && (specifier.startsWith('./') || specifier.startsWith('../'));
}

function contains(outer: TSESTree.Node, inner: TSESTree.Node): boolean {
  return outer.range[0] <= inner.range[0] && inner.range[1] <= outer.range[1];
}

export default createRule<Options, MessageIds>({
  name: 'no-late-promise-handling',
  meta: {
    type: 'problem',
    docs: {
      description: 'Disallow starting a promise and handling it only after another await, when its rejection would go unhandled',
      recommended: 'recommended',
      strictOptions: [{ reportAbandoned: true, checkUiCode: true, checkTestCode: true }],
    },
    hasSuggestions: true,
    schema: [
      {
        type: 'object',
        properties: {
          reportAbandoned: {
            type: 'boolean',
            description:
              'Also report a promise that an early `return`, `throw`, `break` or `continue` leaves unhandled between its start and its handling.',
          },
          checkUiCode: {
            type: 'boolean',
            description:
              "Also report in browser UI code and where the host logs a lost rejection (editor and browser extensions, Electron windows, an Electron app's main process, as `no-floating-promises` reads them), where a rejection while the function waits only reaches a console or a log, and the later handler still sees it. On in `strict`.",
          },
          checkTestCode: {
            type: 'boolean',
            description:
              'Also report in test code (a `*.test.*`/`*.spec.*` file, a `__tests__/` folder, a file that imports a test framework or calls `describe`/`it` at its top level), where Jest, Vitest, Mocha, Jasmine and node:test report an unhandled rejection as a failure of the run. On in `strict`.',
          },
        },
        additionalProperties: false,
      },
    ],
    messages: {
      lateHandling:
        "'{{name}}' is started here but nothing handles it before line {{handledLine}}: if it rejects while the function waits at line {{line}}, the rejection is unhandled (a Node 15+ process ends; a browser or editor host only logs it). Await it together with the other work (Promise.all), or attach a handler right after starting it.",
      abandoned:
        "'{{name}}' is started here, but the '{{exit}}' at line {{line}} leaves before it is handled: if it rejects, nothing handles the rejection (a Node 15+ process ends; a browser or editor host only logs it). Start it after that point, or attach a handler right after starting it.",
      oneByOne:
        "The promises in '{{name}}' are awaited one by one (line {{line}}): if a later one rejects while an earlier one is awaited, its rejection is unhandled (a Node 15+ process ends; a browser or editor host only logs it). Await them together with `Promise.all({{name}})`.",
      suggestGather: 'Start and await both together with `Promise.all`.',
      suggestCatch: "Attach a handler right after the start (`{{name}}.catch(() => {})`): the error still surfaces at the later await.",
      suggestAll: 'Await all of them with `Promise.all({{name}})` before the loop.',
    },
  },
  defaultOptions: [{ reportAbandoned: true, checkUiCode: false, checkTestCode: false }],
  create(context, [options]) {
    const reportAbandoned = options.reportAbandoned ?? true;
    const sourceCode = context.sourceCode;
    const sourceWords = getSourceWords(context);
    // Promises are checked in code that can suspend (`canSuspend`): async functions (the text has
    // `async`) and the top level of a module.
    if (!sourceWords.has('async') && sourceCode.ast.sourceType !== 'module') return {};
    // A start is a promise by the inference or by its use (`await p`, `p.catch(h)`): neither can be
    // where nothing can be a promise and no `await` or `catch` is written (a module's top level).
    if (!mayContainPromises(context) && !sourceWords.has('await') && !sourceWords.has('catch')) return {};
    // Browser UI code and code whose host logs a lost rejection (`WhereItRuns.hostLogsRejections`:
    // editor and browser extensions, an Electron app's windows and main process): a rejection
    // during the window is logged by the page or the host, and the later handler still receives
    // it. A log line is all it costs. Asked
    // (once per file) only when a start is about to be reported (`reportUnlessLogged`): most
    // starts never are, and the UI evidence reads the file's package and imports.
    const checkUiCode = options.checkUiCode ?? false;
    // Test code: the runner (Jest, Vitest, Mocha 8+, Jasmine, node:test) reports an unhandled
    // rejection as a failure, so the window loses nothing; `const seen = waitForEvent(); await
    // trigger(); await seen;` is how tests are written.
    if (!(options.checkTestCode ?? false) && getWhereItRuns(context).isTestCode()) return {};
    let skipsFile: boolean | undefined;
    // A program's own policy (`WhereItRuns.logsRejectionsFor`) is asked per function: a request
    // or job handler there still loses its answer.
    const runsWhereLateHandlingIsLogged = (owner: TSESTree.Node): boolean => {
      if (skipsFile === undefined) {
        const where = getWhereItRuns(context);
        // A program run by hand, once (`WhereItRuns.oneShotProgram`): a rejection during the window
        // ends it with the error printed, in front of the person who started it.
        skipsFile = !checkUiCode && (where.runsInUi() || where.hostItselfLogsRejections() || where.oneShotProgram() !== null);
      }
      if (skipsFile || checkUiCode) return skipsFile;
      return getWhereItRuns(context).logsRejectionsFor(isFunctionNode(owner) ? owner : null);
    };
    /** Reports the start of a function `owner` unless a lost rejection is only logged there (`runsWhereLateHandlingIsLogged`). */
    const reportUnlessLogged = (owner: TSESTree.Node, descriptor: TSESLint.ReportDescriptor<MessageIds>): void => {
      if (!runsWhereLateHandlingIsLogged(owner)) context.report(descriptor);
    };
    const promises = getPromiseAnalysis(context);
    const effects = getFileEffects(context);
    const timelines = getFunctionTimelines(context);

    const isGlobal = (identifier: TSESTree.Identifier): boolean => {
      const variable = variableOfIdentifier(sourceCode, identifier);
      return variable === null || variable.defs.length === 0;
    };

    /** Is the owner a place that can suspend: an async function, or a module (top-level await)? */
    function canSuspend(owner: TimelineOwner): boolean {
      return owner.type === AST_NODE_TYPES.Program ? owner.sourceType === 'module' : owner.async;
    }

    /** The promise starts a declarator keeps (see `Start`). */
    function startsOf(declarator: TSESTree.VariableDeclarator): Start[] {
      const init = declarator.init;
      if (!init) return [];
      const id = declarator.id;
      if (id.type === AST_NODE_TYPES.Identifier) {
        if (arrayOfStarts(init)) return [{ name: id.name, id, expression: init, declarator, shape: 'array' }];
        return isStartExpression(init) ? [{ name: id.name, id, expression: init, declarator, shape: 'single' }] : [];
      }
      // `const [a, b] = [f(), g()]`: each name keeps the promise at its position.
      const value = skipTransparent(init);
      if (id.type !== AST_NODE_TYPES.ArrayPattern || value.type !== AST_NODE_TYPES.ArrayExpression) return [];
      const found: Start[] = [];
      id.elements.forEach((element, index) => {
        const started = value.elements[index];
        if (element?.type !== AST_NODE_TYPES.Identifier || !started || started.type === AST_NODE_TYPES.SpreadElement) return;
        const call = skipTransparent(started);
        if (call.type !== AST_NODE_TYPES.CallExpression && call.type !== AST_NODE_TYPES.NewExpression) return;
        found.push({ name: element.name, id: element, expression: started, declarator, shape: 'single' });
      });
      return found;
    }

    /**
     * The first use of a binding after its declaration, and whether some use anywhere handles it
     * (shows that it is a promise); null when it is reassigned or never read.
     */
    function firstUseOf(start: Start, owner: TimelineOwner): { use: FirstUse; handledSomewhere: boolean } | null {
      const variable = sourceCode.getDeclaredVariables(start.declarator).find((v) => v.name === start.name);
      if (!variable) return null;
      let first: TSESTree.Identifier | null = null;
      for (const reference of variable.references) {
        if (reference.identifier === start.id) continue;
        // Reassigned: which promise a later read sees depends on the path.
        if (reference.isWrite()) return null;
        const identifier = reference.identifier as TSESTree.Identifier;
        if (first === null || identifier.range[0] < first.range[0]) first = identifier;
      }
      if (!first) return null;
      const use = classifyUse(first, owner, sourceCode);
      const handledSomewhere =
        use.kind === 'escaped' &&
        variable.references.some((reference) => {
          const kind = getValueUsage(reference.identifier).kind;
          return kind === 'awaited' || kind === 'handled';
        });
      return { use, handledSomewhere };
    }

    /**
     * `cannotReject`, also for a call whose effect summary says it cannot reject (see
     * `EffectSummary.canReject`: an async helper whose body catches everything), through one
     * level of same-file helper (`const delay = (ms) => new Promise((r) => setTimeout(r, ms))`: a
     * non-async function whose every `return` cannot reject) and through
     * `Promise.all/allSettled/race/any([...])` of such promises; a delay (`FileEffects.isDelay`).
     * Also true for a promise whose maker already put a rejection handler on it
     * (`FileEffects.returnsHandledPromise`): it may reject, but never unhandled while held.
     */
    function neverRejects(expression: TSESTree.Node, depth: number): boolean {
      if (cannotReject(expression, isGlobal, sourceCode)) return true;
      if (depth > 1) return false;
      const node = skipTransparent(expression);
      // `creative ? Promise.resolve() : waitOnce(bot, 'experience')`: either branch.
      if (node.type === AST_NODE_TYPES.ConditionalExpression) return neverRejects(node.consequent, depth + 1) && neverRejects(node.alternate, depth + 1);
      if (node.type !== AST_NODE_TYPES.CallExpression) return false;
      if (effects.isUnsignalledTimer(node)) return true;
      // `const pause = sleep(1500); await work(); await pause;`: a delay (a timer promise of this
      // file or of a module it imports, see `FileEffects.isDelay`) only resolves.
      if (effects.isDelay(node)) return true;
      // `docs.map(async (doc) => { try { ... } catch (e) { errors.push(e) } })`: no element rejects.
      if (effects.mappedCanReject(node) === false) return true;
      const argument = node.arguments[0];
      // A call whose effect summary cannot reject (an async helper wholly inside try/catch).
      if (effects.summaryOf(node)?.canReject === false || effects.importedCannotReject(node)) return true;
      // `const xp = waitFor(bot, 'experience')` where the helper put its own `.catch` on the promise it returns.
      if (effects.returnsHandledPromise(node)) return true;
      // `asPromise(picker.onDidAccept).then(() => picker.selectedItems[0])`: handlers that do not
      // throw, chained on a promise that cannot reject (`FileEffects.valueCanReject`).
      if (chainMethodName(node) !== null && !effects.valueCanReject(node)) return true;
      // `Promise.allSettled([...])` settles with every outcome as a value: it never rejects.
      if (isPromiseCombinatorCall(node, sourceCode) && promiseCombinatorOf(node.callee) === 'allSettled') return true;
      if (isPromiseCombinatorCall(node, sourceCode)) {
        return (
          argument?.type === AST_NODE_TYPES.ArrayExpression &&
          argument.elements.length > 0 &&
          argument.elements.every((element) => element !== null && element.type !== AST_NODE_TYPES.SpreadElement && neverRejects(element, depth + 1))
        );
      }
      const fn = promises.resolveCallee(node.callee as TSESTree.Expression);
      if (!fn || fn.async || fn.generator) return false;
      if (fn.body.type !== AST_NODE_TYPES.BlockStatement) return neverRejects(fn.body, depth + 1);
      const statements = fn.body.body;
      // Only the simple shape: optional guards that return, then a final return.
      return (
        statements.length > 0 &&
        statements.every((statement) => {
          if (statement.type === AST_NODE_TYPES.ReturnStatement) return statement.argument !== null && neverRejects(statement.argument, depth + 1);
          if (statement.type !== AST_NODE_TYPES.IfStatement || statement.alternate) return false;
          const consequent = statement.consequent;
          const returned =
            consequent.type === AST_NODE_TYPES.BlockStatement && consequent.body.length === 1 ? consequent.body[0] : consequent;
          return returned?.type === AST_NODE_TYPES.ReturnStatement && returned.argument !== null && neverRejects(returned.argument, depth + 1);
        }) &&
        statements.at(-1)?.type === AST_NODE_TYPES.ReturnStatement
      );
    }

    /**
     * Is the start a promise that can reject? Typed: its type is the built-in `Promise` (lazy
     * thenables are left alone); `any` or no types: the promise analysis, or the first use
     * itself (`await p`, `p.catch(h)`, `Promise.all([p])` show that `p` is a promise).
     */
    function isRejectablePromise(start: Start, use: FirstUse, handledSomewhere: boolean): boolean {
      // The cheap question first: most starts are no promise at all.
      return isPromiseStart(start, use, handledSomewhere) && !neverRejects(start.expression, 0) && !hasHandlerInChain(start.expression);
    }

    /** Is the start a promise (see `isRejectablePromise`), whether or not it can reject? */
    function isPromiseStart(start: Start, use: FirstUse, handledSomewhere: boolean): boolean {
      if (start.shape === 'array') {
        const typed = typedPromiseKind(start.expression, promises.services, true);
        if (typed !== 'unknown') return typed === 'promise';
        if (use.kind === 'iterated' || use.kind === 'combined') return true;
        const shape = arrayOfStarts(start.expression);
        return shape?.callback ? promises.returnsPromise(shape.callback as TSESTree.Expression) : false;
      }
      const typed = typedPromiseKind(start.expression, promises.services);
      if (typed !== 'unknown') return typed === 'promise';
      if (isLazyBuilder(start)) return false;
      if (use.kind === 'awaited' || use.kind === 'handled' || use.kind === 'combined' || handledSomewhere) return true;
      return promises.isPromise(start.expression);
    }

    /**
     * Untyped: the start is a query builder by its names (`LAZY_BUILDER_NAME`): the binding
     * (`const countBuilder = ...`) or the root of its method chain (`builder.clone().count('id')`)
     * is named like one. A builder starts nothing until it is awaited, so nothing can reject early.
     * A chain that ends in `.then`/`.catch`/`.finally` has started its query, and is not one.
     */
    function isLazyBuilder(start: Start): boolean {
      const expression = skipTransparent(start.expression);
      if (expression.type !== AST_NODE_TYPES.CallExpression) return false;
      const callee = skipTransparent(expression.callee);
      if (chainMethodName(expression) !== null) return false;
      if (LAZY_BUILDER_NAME.test(start.name)) return true;
      let root: TSESTree.Node = callee;
      while (root.type === AST_NODE_TYPES.MemberExpression || root.type === AST_NODE_TYPES.CallExpression) {
        root = skipTransparent(root.type === AST_NODE_TYPES.MemberExpression ? root.object : root.callee);
      }
      return root !== callee && root.type === AST_NODE_TYPES.Identifier && LAZY_BUILDER_NAME.test(root.name);
    }

    /**
     * For `new Promise(executor)` (the global `Promise`, a synchronous executor) whose statements
     * only declare handler functions and register them for the `'message'` event of one object
     * named by an identifier (`child.on('message', onReply)`, `port.addEventListener('message', h)`),
     * when the first use of that object after the promise, in this function, sends it a message
     * (`child.send(request, done)`, `port.postMessage(request)`, also inside a promise executor
     * wrapped around the send): the position after that send, or after the `await` that waits for
     * it. A message listener settles the promise only when the object answers, and it answers the
     * message it is sent; nothing else (no `'error'` or `'exit'` listener) can settle it before.
     * Null for any other shape.
     */
    function repliesOnlyAfterSend(expression: TSESTree.Node, owner: TimelineOwner): number | null {
      const node = skipTransparent(expression);
      if (node.type !== AST_NODE_TYPES.NewExpression || node.callee.type !== AST_NODE_TYPES.Identifier || node.callee.name !== 'Promise' || !isGlobal(node.callee)) return null;
      const executor = node.arguments[0];
      if (!executor || !isFunctionNode(executor) || executor.async || executor.body.type !== AST_NODE_TYPES.BlockStatement) return null;
      let target: TSESLint.Scope.Variable | null = null;
      for (const statement of executor.body.body) {
        if (statement.type === AST_NODE_TYPES.FunctionDeclaration) continue;
        if (
          statement.type === AST_NODE_TYPES.VariableDeclaration &&
          statement.declarations.every((declarator) => declarator.init != null && isFunctionNode(skipTransparent(declarator.init)))
        ) {
          continue;
        }
        const call = statement.type === AST_NODE_TYPES.ExpressionStatement ? skipTransparent(statement.expression) : null;
        if (call?.type !== AST_NODE_TYPES.CallExpression) return null;
        const callee = skipTransparent(call.callee);
        if (callee.type !== AST_NODE_TYPES.MemberExpression || !MESSAGE_LISTENER_METHODS.has(staticName(callee) ?? '')) return null;
        const event = call.arguments[0];
        if (event?.type !== AST_NODE_TYPES.Literal || event.value !== 'message') return null;
        const receiver = skipTransparent(callee.object);
        const variable = receiver.type === AST_NODE_TYPES.Identifier ? variableOfIdentifier(sourceCode, receiver) : null;
        if (!variable || (target !== null && target !== variable)) return null;
        target = variable;
      }
      if (target === null) return null;
      let first: TSESTree.Identifier | null = null;
      for (const reference of target.references) {
        const identifier = reference.identifier as TSESTree.Identifier;
        if (identifier.range[0] < node.range[1]) continue;
        if (first === null || identifier.range[0] < first.range[0]) first = identifier;
      }
      const member = first?.parent;
      if (member?.type !== AST_NODE_TYPES.MemberExpression || member.object !== first || !SEND_METHODS.has(staticName(member) ?? '')) return null;
      const send = member.parent;
      if (send?.type !== AST_NODE_TYPES.CallExpression || send.callee !== member) return null;
      // The send runs in this function's own code, or in the executor of a promise it awaits there.
      let end = send.range[1];
      for (let current: TSESTree.Node | undefined = send.parent; current && current !== owner; current = current.parent) {
        if (current.type === AST_NODE_TYPES.AwaitExpression) end = current.range[1];
        if (isFunctionNode(current)) {
          const made: TSESTree.Node | undefined = current.parent;
          if (made?.type !== AST_NODE_TYPES.NewExpression || made.arguments[0] !== current || current.async) return null;
        }
      }
      return end;
    }

    /** Does this suspension let other work run long enough for a rejection to be reported? */
    function suspendsForReal(event: Extract<TimelineEvent, { kind: 'suspension' }>): boolean {
      const node = event.node;
      if (node.type !== AST_NODE_TYPES.AwaitExpression) return true;
      const operand = skipTransparent(node.argument);
      // `await null`, `await 0`: one microtask, before Node looks for unhandled rejections.
      if (operand.type === AST_NODE_TYPES.Literal || operand.type === AST_NODE_TYPES.TemplateLiteral) return false;
      // `await import('./hooks')`: a module of this program, by a relative path written out. It is
      // almost always loaded already (its siblings import it, or an earlier step did), and else
      // read from the local disk: no wait in which other work settles and rejects.
      if (isLocalModuleImport(operand)) return false;
      if (cannotReject(operand, isGlobal, sourceCode) && operand.type === AST_NODE_TYPES.CallExpression) return false;
      if (promises.services) {
        const typed = typedPromiseKind(operand, promises.services);
        if (typed === 'other' && !promises.isPromise(operand as TSESTree.Expression)) return false;
      }
      return true;
    }

    /** Does this exit leave the start's scope with the promise still unhandled? */
    function exitAbandons(event: Extract<TimelineEvent, { kind: 'exit' }>, start: Start): boolean {
      switch (event.node.type) {
        case AST_NODE_TYPES.ReturnStatement:
          return true;
        case AST_NODE_TYPES.ThrowStatement:
          // Caught by a `try` that began after the start: the function goes on in its `catch`.
          return event.catcher === null || contains(event.catcher.block, start.declarator);
        default:
          return event.target !== null && contains(event.target, start.declarator);
      }
    }

    /**
     * False when `findWindow` cannot find a window: the text between the end of the start's
     * declarator and the handling has no `await` or `yield` (the keyword of every suspension), nor,
     * with `exits`, `return`, `throw`, `break` or `continue`. An event `findWindow` counts ends in
     * that stretch and starts in it too (a statement or expression of the owner's own code that
     * began before the declarator would hold it, and a binding declared inside an expression is
     * not visible after it), so its keyword is there. Words in comments or longer names only make
     * this say true.
     */
    function mayOpenWindow(start: Start, handling: TSESTree.Node, exits: boolean): boolean {
      const from = start.declarator.range[1];
      const until = handling.range[0];
      const words = exits ? WINDOW_WORDS : SUSPENSION_WORDS;
      return words.some((word) => sourceWords.between(word, from, until));
    }

    /**
     * The first event between the start (or `from`, a later position) and its first handling that
     * opens a window, if any.
     */
    function findWindow(start: Start, handling: TSESTree.Node, timeline: FunctionTimeline, exits: boolean, from = start.declarator.range[1]): Window | null {
      const until = handling.range[0];
      let checked = 0;
      for (let index = timeline.firstAfter(from); index < timeline.events.length; index += 1) {
        const event = timeline.events[index] as TimelineEvent;
        if (event.time >= until) return null;
        if (event.time <= from) continue;
        checked += 1;
        if (checked > MAX_WINDOW_EVENTS) return null;
        if (inExclusiveBranches(event.node, handling)) continue;
        if (event.kind === 'suspension') {
          if (suspendsForReal(event)) return { kind: 'suspension', event };
        } else if (exits && exitAbandons(event, start)) {
          return { kind: 'exit', event };
        }
      }
      return null;
    }

    // ---- suggestions ----

    /** The statement holding a declaration, when it stands directly in a statement list. */
    function listStatement(node: TSESTree.Node): TSESTree.Statement | null {
      const parent = node.parent;
      if (
        parent &&
        (parent.type === AST_NODE_TYPES.BlockStatement ||
          parent.type === AST_NODE_TYPES.Program ||
          parent.type === AST_NODE_TYPES.StaticBlock)
      ) {
        return node as TSESTree.Statement;
      }
      if (parent?.type === AST_NODE_TYPES.SwitchCase && parent.consequent.includes(node as TSESTree.Statement)) {
        return node as TSESTree.Statement;
      }
      return null;
    }

    function siblingsOf(statement: TSESTree.Statement): readonly TSESTree.Node[] {
      const parent = statement.parent;
      if (!parent) return [];
      if (parent.type === AST_NODE_TYPES.SwitchCase) return parent.consequent;
      if (parent.type === AST_NODE_TYPES.BlockStatement || parent.type === AST_NODE_TYPES.Program || parent.type === AST_NODE_TYPES.StaticBlock) {
        return parent.body;
      }
      return [];
    }

    function indentOf(node: TSESTree.Node): string {
      const line = sourceCode.lines[node.loc.start.line - 1] ?? '';
      return /^\s*/.exec(line)?.[0] ?? '';
    }

    /** The range removing a statement that stands alone on its lines, with its indentation and line break. */
    function wholeLinesRange(statement: TSESTree.Node): TSESTree.Range {
      const text = sourceCode.text;
      let begin = statement.range[0];
      while (begin > 0 && (text[begin - 1] === ' ' || text[begin - 1] === '\t')) begin -= 1;
      let end = statement.range[1];
      while (end < text.length && (text[end] === ' ' || text[end] === '\t')) end += 1;
      const alone = (begin === 0 || text[begin - 1] === '\n') && (end === text.length || text[end] === '\n' || text[end] === '\r');
      if (!alone) return statement.range;
      if (text[end] === '\r') end += 1;
      if (text[end] === '\n') end += 1;
      return [begin, end];
    }

    /** `const x = await e;` or `await e;`: the binding pattern text (or null) and the awaited expression. */
    function awaitStatementParts(
      statement: TSESTree.Node,
    ): { pattern: TSESTree.Node | null; operand: TSESTree.Expression; await: TSESTree.AwaitExpression } | null {
      if (statement.type === AST_NODE_TYPES.ExpressionStatement) {
        return statement.expression.type === AST_NODE_TYPES.AwaitExpression
          ? { pattern: null, operand: statement.expression.argument, await: statement.expression }
          : null;
      }
      if (statement.type !== AST_NODE_TYPES.VariableDeclaration || statement.kind !== 'const' || statement.declarations.length !== 1) {
        return null;
      }
      const declarator = statement.declarations[0];
      if (!declarator?.init || declarator.init.type !== AST_NODE_TYPES.AwaitExpression) return null;
      if (declarator.id.type !== AST_NODE_TYPES.Identifier && declarator.id.type !== AST_NODE_TYPES.ObjectPattern && declarator.id.type !== AST_NODE_TYPES.ArrayPattern) {
        return null;
      }
      if (declarator.id.type === AST_NODE_TYPES.Identifier && declarator.id.typeAnnotation) return null;
      return { pattern: declarator.id, operand: declarator.init.argument, await: declarator.init };
    }

    /**
     * `const p = X; const u = await Y; ... const o = await p;` → `const [o, u] = await
     * Promise.all([X, Y]);` in place of the second statement (start order kept), when: the
     * three are statements of one list, the first two side by side, the first a `const` of `p`
     * alone whose only use is the third, the window is that second statement's await, and both
     * operands fit on one line.
     */
    function gatherFix(start: Start, use: FirstUse, window: Window): TSESLint.ReportFixFunction | null {
      if (start.shape !== 'single' || use.kind !== 'awaited' || window.kind !== 'suspension') return null;
      const declaration = start.declarator.parent;
      if (
        declaration.type !== AST_NODE_TYPES.VariableDeclaration ||
        declaration.kind !== 'const' ||
        declaration.declarations.length !== 1 ||
        start.id !== start.declarator.id ||
        start.id.typeAnnotation ||
        !listStatement(declaration)
      ) {
        return null;
      }
      const siblings = siblingsOf(declaration);
      const index = siblings.indexOf(declaration);
      const second = siblings[index + 1];
      const secondParts = second ? awaitStatementParts(second) : null;
      if (!second || !secondParts || secondParts.await !== window.event.node) return null;
      const third = siblings.slice(index + 2).find((statement) => contains(statement, use.reference));
      const thirdParts = third ? awaitStatementParts(third) : null;
      if (!third || !thirdParts || skipTransparent(thirdParts.operand) !== use.reference) return null;
      const variable = sourceCode.getDeclaredVariables(start.declarator)[0];
      if (!variable || variable.references.filter((reference) => reference.identifier !== start.id).length !== 1) return null;
      const startText = sourceCode.getText(start.expression);
      const otherText = sourceCode.getText(secondParts.operand);
      // Multi-line operands (an inline executor, a long literal) make an unreadable one-liner.
      if (startText.includes('\n') || otherText.includes('\n')) return null;
      const names = [thirdParts.pattern, secondParts.pattern];
      const lastNamed = names[1] ? 2 : names[0] ? 1 : 0;
      const patternText = names
        .slice(0, lastNamed)
        .map((pattern) => (pattern ? sourceCode.getText(pattern) : ''))
        .join(', ');
      const call = `await Promise.all([${startText}, ${otherText}])`;
      const replacement = lastNamed === 0 ? `${call};` : `const [${patternText}] = ${call};`;
      return (fixer) => [
        fixer.removeRange(wholeLinesRange(declaration)),
        fixer.replaceText(second, replacement),
        fixer.removeRange(wholeLinesRange(third)),
      ];
    }

    /** `p.catch(() => {});` on its own line right after the declaration. */
    function catchFix(start: Start): TSESLint.ReportFixFunction | null {
      const declaration = start.declarator.parent;
      if (start.shape !== 'single' || declaration.type !== AST_NODE_TYPES.VariableDeclaration || !listStatement(declaration)) {
        return null;
      }
      return (fixer) => fixer.insertTextAfter(declaration, `\n${indentOf(declaration)}${start.name}.catch(() => {});`);
    }

    /** `await Promise.all(pending);` on its own line before a loop that awaits the elements one by one. */
    function allFix(start: Start, loop: TSESTree.Statement): TSESLint.ReportFixFunction | null {
      if (!listStatement(loop)) return null;
      return (fixer) => fixer.insertTextBefore(loop, `await Promise.all(${start.name});\n${indentOf(loop)}`);
    }

    /**
     * `for (let i = 0; i < pending.length; i++) await pending[i];` (or `for (const [i, p] of
     * pending.entries()) await p`, see `awaitedElementOfLoop`): an array of promises awaited one
     * by one in a loop, when the array's first use is in that loop and nothing suspends before it.
     */
    function checkIndexedLoop(start: Start, first: TSESTree.Identifier, owner: TimelineOwner): void {
      const variable = sourceCode.getDeclaredVariables(start.declarator).find((v) => v.name === start.name);
      let awaited: TSESTree.AwaitExpression | null = null;
      for (const reference of variable?.references ?? []) {
        const parent = reference.identifier.parent;
        if (parent?.type === AST_NODE_TYPES.MemberExpression && parent.computed && parent.object === reference.identifier) {
          const usage = getValueUsage(parent);
          if (usage.kind === 'awaited' && ownerOf(usage.node) === owner) {
            awaited = usage.node;
            break;
          }
        }
        if (reference.identifier.type === AST_NODE_TYPES.Identifier) awaited = awaitedElementOfLoop(reference.identifier, owner);
        if (awaited) break;
      }
      if (!awaited) return;
      let loop: TSESTree.Node | null = null;
      for (let current: TSESTree.Node | undefined = awaited.parent; current && current !== owner; current = current.parent) {
        if (isLoopStatement(current)) {
          loop = current;
          break;
        }
      }
      if (!loop || !contains(loop, first) || loop.range[0] < start.declarator.range[1]) return;
      // The `await` of an element shows the elements are promises, unless the checker knows better.
      if (typedPromiseKind(start.expression, promises.services, true) === 'other') return;
      const all = allFix(start, loop as TSESTree.Statement);
      reportUnlessLogged(owner, {
        node: start.expression,
        messageId: 'oneByOne',
        data: { name: start.name, line: awaited.loc.start.line },
        suggest: all ? [{ messageId: 'suggestAll', data: { name: start.name }, fix: all }] : [],
      });
    }

    /**
     * `for (const p of pending) await p;`, `for (const [i, p] of pending.entries()) ... await p`
     * (also `.values()`): the `await` of the loop's element binding, when `array` is what the
     * loop iterates; null otherwise.
     */
    function awaitedElementOfLoop(array: TSESTree.Identifier, owner: TimelineOwner): TSESTree.AwaitExpression | null {
      let iterated: TSESTree.Node = array;
      let element: 'item' | 'entry' = 'item';
      const parent = array.parent;
      if (parent?.type === AST_NODE_TYPES.MemberExpression && parent.object === array && parent.parent?.type === AST_NODE_TYPES.CallExpression && parent.parent.callee === parent) {
        const method = !parent.computed && parent.property.type === AST_NODE_TYPES.Identifier ? parent.property.name : null;
        if (method !== 'entries' && method !== 'values') return null;
        iterated = parent.parent;
        element = method === 'entries' ? 'entry' : 'item';
      }
      const loop = iterated.parent;
      if (loop?.type !== AST_NODE_TYPES.ForOfStatement || loop.right !== iterated || loop.await) return null;
      const left = loop.left;
      if (left.type !== AST_NODE_TYPES.VariableDeclaration) return null;
      const pattern = left.declarations[0]?.id;
      const binding =
        element === 'item'
          ? pattern
          : pattern?.type === AST_NODE_TYPES.ArrayPattern
            ? pattern.elements[1]
            : undefined;
      if (binding?.type !== AST_NODE_TYPES.Identifier) return null;
      const elementVariable = sourceCode.getDeclaredVariables(left).find((v) => v.name === binding.name);
      for (const reference of elementVariable?.references ?? []) {
        const usage = getValueUsage(reference.identifier);
        if (usage.kind === 'awaited' && ownerOf(usage.node) === owner) return usage.node;
      }
      return null;
    }

    function check(start: Start, owner: TimelineOwner): void {
      const found = firstUseOf(start, owner);
      if (!found) return;
      const { use, handledSomewhere } = found;
      // Dropped: no-floating-promises' report. Escaped: only a window before it is certain.
      if (use.kind === 'escaped' && start.shape === 'array') {
        checkIndexedLoop(start, use.reference, owner);
        return;
      }
      if (use.kind === 'dropped') return;
      if (start.shape === 'array' && use.kind !== 'combined' && use.kind !== 'iterated') return;
      if (start.shape === 'single' && use.kind === 'iterated') return;
      if (use.kind === 'iterated' && !use.loop.await && use.awaited === null) return;
      const exits = reportAbandoned && use.kind !== 'escaped';
      // Without a window only a loop over the promises is reported: ask the costlier question after the cheap one.
      const windowPossible = mayOpenWindow(start, use.reference, exits);
      if (!windowPossible && use.kind !== 'iterated') return;
      // Whether the start is a promise that can reject reads other modules: asked only once a
      // window (or a loop over the promises) is found.
      let window = windowPossible ? findWindow(start, use.reference, timelines.timelineOf(owner), exits) : null;
      // `new Promise((resolve, reject) => { archive.once('error', reject); ... })` on objects this
      // function made and starts only later (`archive.pipe(out)`): nothing can settle it before
      // then, so only a window after that first use counts.
      if (window && start.shape === 'single') {
        const idleUntil = idleSettlersFrom(start.expression, owner, sourceCode, isGlobal);
        if (idleUntil !== null) {
          window = idleUntil >= use.reference.range[0] ? null : findWindow(start, use.reference, timelines.timelineOf(owner), exits, idleUntil);
          if (!window && use.kind !== 'iterated') return;
        }
      }
      // `const reply = new Promise((resolve, reject) => child.on('message', ...)); await send(child,
      // request); await reply;`: a waiter for the answer to a message the function sends next.
      // The answer (or the error it reports) can only come after the request was sent, so only a
      // window after the wait for that send counts.
      if (window && start.shape === 'single') {
        const answerableFrom = repliesOnlyAfterSend(start.expression, owner);
        if (answerableFrom !== null) {
          window = answerableFrom >= use.reference.range[0] ? null : findWindow(start, use.reference, timelines.timelineOf(owner), exits, answerableFrom);
          if (!window && use.kind !== 'iterated') return;
        }
      }
      if (!window && use.kind !== 'iterated') return;
      if (!isRejectablePromise(start, use, handledSomewhere)) return;
      const reportNode = start.expression;
      if (window) {
        const suggest: TSESLint.SuggestionReportDescriptor<MessageIds>[] = [];
        const gather = gatherFix(start, use, window);
        if (gather) suggest.push({ messageId: 'suggestGather', fix: gather });
        const attach = catchFix(start);
        if (attach) suggest.push({ messageId: 'suggestCatch', data: { name: start.name }, fix: attach });
        const line = window.event.node.loc.start.line;
        if (window.kind === 'suspension') {
          reportUnlessLogged(owner, {
            node: reportNode,
            messageId: 'lateHandling',
            data: { name: start.name, line, handledLine: use.reference.loc.start.line },
            suggest,
          });
        } else {
          reportUnlessLogged(owner, {
            node: reportNode,
            messageId: 'abandoned',
            data: { name: start.name, line, exit: exitWord(window.event.node) },
            suggest,
          });
        }
        return;
      }
      if (use.kind !== 'iterated') return;
      const opener = use.loop.await ? use.loop : use.awaited;
      if (!opener) return;
      const all = allFix(start, use.loop);
      reportUnlessLogged(owner, {
        node: reportNode,
        messageId: 'oneByOne',
        data: { name: start.name, line: opener.loc.start.line },
        suggest: all ? [{ messageId: 'suggestAll', data: { name: start.name }, fix: all }] : [],
      });
    }

    return {
      VariableDeclarator(declarator) {
        if (!declarator.init) return;
        const declaration = declarator.parent;
        if (declaration.kind === 'using' || declaration.kind === 'await using') return;
        // Most declarators are in functions that cannot suspend: a look at the enclosing
        // function first, before the starts are built.
        const owner = ownerOf(declarator);
        if (!canSuspend(owner)) return;
        const starts = startsOf(declarator);
        if (starts.length === 0) return;
        for (const start of starts) check(start, owner);
      },
    };
  },
});
