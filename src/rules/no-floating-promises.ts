import { ASTUtils, type TSESLint, type TSESTree } from '@typescript-eslint/utils';
import { AST_NODE_TYPES } from '../util/ast-node-types';
import { type FunctionNode, getAwaitableFunction, getEnclosingAsyncFunction, getExecutionContext, isFunctionNode, isInlineCallback } from '../analysis/async-context';
import { getFileEffects, writesLogLine } from '../analysis/effects';
import { getSourceWords } from '../analysis/source-words';
import { getWhereItRuns } from '../analysis/where-it-runs';
import { getImportSource } from '../analysis/imports';
import { callsElectronApi, isEditorHostThenable } from '../analysis/host-thenables';
import { callWritesFileOrStartsProcess, chainAnswersRequest, costsMoreThanHostLog, registersIpcMainListener } from '../analysis/editor-host';
import { isOnTheWayOut, namedForTeardown } from '../analysis/shutdown-paths';
import { firstRunOfInterval } from '../analysis/periodic-runs';
import { programReportsRejections } from '../analysis/rejection-reporters';
import { parentHandlesWorkerErrors } from '../analysis/worker-parents';
import { isIsolatingEmitterMethod, isolatesListeners } from '../analysis/listener-dispatch';
import { looksUpThenGuards } from '../analysis/self-handled';
import { getTestHarness } from '../analysis/test-harness';
import { importsMobileRuntime } from '../analysis/mobile-app';
import {
  chainMethodName,
  getPromiseAnalysis,
  hasRejectionHandler,
  mayContainPromises,
} from '../analysis/promises';
import { someNodeBelow, someNodeInSameFunction } from '../analysis/walk';
import { NON_PROMISE_THEN_ROOTS } from '../catalog/promise-apis';
import { calleeChainRoot, declaredVariableNamed, isProcessExitCall, isTeardownCall, skipTransparent, staticMemberName, variableOfIdentifier } from '../util/ast';
import { plainCommentText } from '../util/comment-text';
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
    checkCannotReject?: boolean;
    checkUiCode?: boolean;
    checkUnderGlobalHandler?: boolean;
    checkTestCode?: boolean;
  },
];
export type MessageIds =
  | 'floating'
  | 'floatingNoVoid'
  | 'floatingChain'
  | 'dangling'
  | 'floatingArray'
  | 'conditional'
  | 'suggestAwait'
  | 'suggestAwaitAll'
  | 'suggestVoid';

/** node:test's `test`/`it`/`describe`/`suite` return promises that the test runner itself awaits. */
const DEFAULT_ALLOW_LIST: AllowedCall[] = [
  { name: 'test', module: 'node:test' },
  { name: 'it', module: 'node:test' },
  { name: 'describe', module: 'node:test' },
  { name: 'suite', module: 'node:test' },
];

/** A function named for writing a log line: `log(...)`, `logError(...)`, `logWarning(...)`. */
const LOG_HELPER = /^log(?:Error|Warn|Warning|Info|Debug)?$/;

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
  AST_NODE_TYPES.ArrayExpression,
  AST_NODE_TYPES.CallExpression,
  AST_NODE_TYPES.ConditionalExpression,
  AST_NODE_TYPES.Identifier,
  AST_NODE_TYPES.NewExpression,
  AST_NODE_TYPES.SequenceExpression,
]);

/**
 * Comment words that say a promise is left alone on purpose. `no await` counts only at the start of a
 * comment (`// no await: refreshed in the background`), not inside a note about a bug (`// BUG: no await`).
 */
const DELIBERATE_COMMENT =
  /fire[- ]and[- ]forget|\b(?:no need to|(?:do )?not need to|don'?t need to|not|don'?t|do not|never|without) (?:await|wait)|\bnot awaited\b|^\s*no await\b|\bintentional(?:ly)?\b|\bdeliberate(?:ly)?\b|\bon purpose\b|\bignor(?:e|es|ed|ing) (?:(?:the|this|that|its|their|returned|resulting) ){0,2}(?:result|promise)s?\b|\b(?:uncaught|unhandled)\b|(?:eslint|oxlint)-disable[^\n]*(?:no-floating-promises|catch-or-return)|\bShould not (?:error|reject|throw)\b/i;

/**
 * Method names for a state of an object's life: `closed()`, `stopped()`, `finished()` hand out a
 * promise the object keeps for that event (see `listensToHeldPromise`). Not `ready()`: in servers it
 * is the start-up itself (`app.ready()` loads plugins and can reject).
 */
const LIFECYCLE_STATE = /^(?:closed|stopped|finished|done|ended|exited|terminated|settled|idle|disconnected|completed)$/;

/** Assignments that store their right side only when the field is unset or falsy (`??=`, `||=`, `&&=`). */
const LOGICAL_ASSIGNMENT: ReadonlySet<string> = new Set(['??=', '||=', '&&=']);

/** The first parameter of a Node-style callback: `err`, `error`, `e`, `er`, `_err`. */
const ERROR_PARAMETER = /^_?(?:err|error|e|er)$/i;
/**
 * The same, spelled out (`err`, `error`): for a callback written before other arguments, where a
 * short `e` is as often an element or entry (`eachLimit(items, (e, i) => upload(e, i), 4)`).
 */
const SPELLED_ERROR_PARAMETER = /^_?(?:err|error)$/i;

/** A variable named for a Node-style callback. */
const CALLBACK_NAME = /^(?:callback|cb|done)$/i;

/** An error handler in an options object: `onError`, `onerror`, `on_error`, `onFailure`. */
const ERROR_OPTION = /^on_?(?:error|fail(?:ure)?)$/i;

/** A `.listen(...)` call in a statement's text: a server that starts serving (`app.listen(3000)`). */
const STARTS_LISTENING = /\.\s*listen\s*\(/;

/**
 * A synchronous function written in place, with at least `minParams` parameters, the first named
 * for an error (`(err, value) => ...`): a Node-style callback.
 */
function isErrorFirstCallbackWritten(argument: TSESTree.Node, minParams: number, errorName = ERROR_PARAMETER): boolean {
  if (!isFunctionNode(argument) || argument.async || argument.params.length < minParams) return false;
  const [first] = argument.params;
  return first?.type === AST_NODE_TYPES.Identifier && errorName.test(first.name);
}

/** Code that runs in a function written with the return type `void` (`stop(): void { ... }`). */
function declaredVoid(execution: ReturnType<typeof getExecutionContext>): boolean {
  if (execution.kind !== 'function' || execution.node.async) return false;
  return execution.node.returnType?.typeAnnotation.type === AST_NODE_TYPES.TSVoidKeyword;
}

/** Is `name` the global (not declared or imported in the file) at `node`? */
function isGlobalAt(sourceCode: Readonly<TSESLint.SourceCode>, name: string, node: TSESTree.Node): boolean {
  const variable = ASTUtils.findVariable(sourceCode.getScope(node), name);
  return !variable || variable.defs.length === 0;
}

function stripNodePrefix(specifier: string): string {
  return specifier.startsWith('node:') ? specifier.slice('node:'.length) : specifier;
}

/**
 * A part of a statement's value that may be an unhandled promise (see `floatingParts` in the rule):
 * it is one unless `survives` is given and answers false (the promise cannot reject).
 */
interface FloatingPart {
  node: TSESTree.Node;
  survives: (() => boolean) | null;
}

/** Is `part` an unhandled promise (its `survives` absent or true)? */
function partSurvives(part: FloatingPart): boolean {
  return part.survives === null || part.survives();
}

/**
 * No part, no call: the one empty answer of `floatingParts` and `conditionCalls`, which most
 * statements and tests give, so they allocate nothing (garbage collection pauses in a large file are
 * charged to whichever rule allocates; never mutated).
 */
const NO_PARTS: readonly FloatingPart[] = Object.freeze([]);
const NO_CALLS: readonly TSESTree.CallExpression[] = Object.freeze([]);

/** `first` then `second`, without a copy when either is empty. */
function joined<T>(first: readonly T[], second: readonly T[]): readonly T[] {
  if (first.length === 0) return second;
  if (second.length === 0) return first;
  return [...first, ...second];
}

/** The statements of a block, a `switch` case or the program, or null for any other node. */
function statementListOf(node: TSESTree.Node): readonly TSESTree.Node[] | null {
  if (node.type === AST_NODE_TYPES.BlockStatement || node.type === AST_NODE_TYPES.Program || node.type === AST_NODE_TYPES.StaticBlock) return node.body;
  if (node.type === AST_NODE_TYPES.SwitchCase) return node.consequent;
  return null;
}

/** `compute`, asked at most once: later calls return the first answer. */
function once(compute: () => boolean): () => boolean {
  let answer: boolean | undefined;
  return () => (answer ??= compute());
}

/** Parameters through which a handler answers a request (`res.send(...)`, `reply.code(...)`). */
const ANSWER_PARAMETERS: ReadonlySet<string> = new Set(['res', 'reply', 'response']);
/** Methods that settle a message of a queue or a stream (`channel.ack(message)`, `consumer.commit()`). */
const ACKNOWLEDGING_METHODS: ReadonlySet<string> = new Set(['ack', 'nack', 'commit']);
/** Parameters that are the caller's reply when called (`socket.on(event, (data, callback) => { ...; callback({ ok: true }) })`). */
const ANSWER_CALLBACKS: ReadonlySet<string> = new Set(['callback', 'cb', 'ack', 'respond', 'reply', 'done']);

/** `x.then(onFulfilled)` or `x.finally(onSettled)` with a function written or named as its first argument. */
function endsInCallbackChain(call: TSESTree.CallExpression): boolean {
  const method = chainMethodName(call);
  if (method !== 'then' && method !== 'finally') return false;
  const first = call.arguments[0];
  return first !== undefined && (isFunctionNode(skipTransparent(first)) || first.type === AST_NODE_TYPES.Identifier);
}

export default createRule<Options, MessageIds>({
  name: 'no-floating-promises',
  meta: {
    type: 'problem',
    docs: {
      description: 'Require promises to be awaited, returned or handled',
      recommended: 'recommended',
      strictOptions: [{ checkCannotReject: true, checkUiCode: true, checkUnderGlobalHandler: true, checkTestCode: true }],
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
          checkCannotReject: {
            type: 'boolean',
            description:
              'Also report promises that cannot reject (the called function catches everything, the chain ends in `.catch`, `Promise.allSettled`, `Promise.resolve().then(...)` deferrals), an object\'s own work started in its constructor (`this.connect()`) and, without types, a `.then(callback)` listener on a promise an object holds (`session.closed.then(...)`, `iter.closed().then(...)`), for teams that want every promise marked. On in `strict`.',
          },
          checkUiCode: {
            type: 'boolean',
            description:
              "Also report promises dropped in browser UI code (JSX, `.vue` and `.svelte` files, `'use client'` modules, files that import React, Vue, Svelte, Solid, Preact, Angular or jQuery, the modules of a React Native or Expo app (files that import `react-native`, a `react-native-*` or `@react-native-*` package, `expo` or an `expo-*` module), `composables/`, `renderer/` and `components/` folders, AMD modules, page scripts of `public/` and `static/` folders, and the modules of a web front end without a server of its own that read `window` or `navigator`, build a `zustand` store or import its components), where a rejection only reaches the console, in editor extensions (a package whose `package.json` has `engines.vscode`), whose host logs it, in browser extensions (a package with a WebExtension `manifest.json`) and Electron windows (modules that import `ipcRenderer` or `contextBridge`, and the page modules of an Electron app's package), whose rejections reach a console, and in the main-process modules of an Electron app known from its package (a package with `electron`, a packager such as `electron-builder` and a `main`; modules that import nothing from `electron`), where Electron logs them; there a dropped gather, a chain whose callback settles a `new Promise`, resets the field it starts from or answers a request, a drop in a `.map` callback that `Promise.all` waits for, and, in an async function, a forgotten `await` of a same-file async function that throws, of an imported file write or process start, of work the next lines read back from the file system, in an async function that awaits nothing and returns a value, or (typed) of another package's API are reported anyway. On in `strict`.",
          },
          checkUnderGlobalHandler: {
            type: 'boolean',
            description:
              "Also report promises dropped in a non-async function (an action handler, a listener, a constructor, a timer callback) of a program that installs its own process-wide or window-wide unhandled-rejection reporter (`process.on('unhandledRejection', ...)` or `'uncaughtException'`, `window.addEventListener('unhandledrejection', ...)`, `window.onunhandledrejection = ...`, `electron-unhandled`, an error-tracking SDK set up with its defaults: `Sentry.init(...)`, `Bugsnag.start(...)`), in an Electron app's main process (Electron logs such a rejection and goes on), and in a `worker_threads` worker whose parent listens for the worker's `'error'` event (which receives such a rejection) with a listener that hands the error on, not one that only logs, where nothing could await them and the reporter already does what a `.catch(report)` would; in an Electron app's main process under such a reporter, also a start-up chain at the top level and a drop in a `.then` callback; also promises dropped in an async function of a program whose process-wide `unhandledRejection` handler, installed by a module other than its entry (one the entry loads, or any module when no entry is among the sources), logs and goes on, where the drop costs no more than that log line; also a top-level call whose rejection reaches a `process.on('unhandledRejection', ...)` handler (or an `'uncaughtException'` one that logs) installed before it (earlier at the top level, or first thing in the called function, such as a shared entry helper that logs and exits). On in `strict`.",
          },
          checkTestCode: {
            type: 'boolean',
            description:
              'Also report, in test code (a `*.test.*`/`*.spec.*` file, a `__tests__/` folder, a file that imports a test framework or calls `describe`/`it` at its top level), a dropped `.then(callback)` or `.finally(callback)` chain, whose callbacks do the test\'s work while the runner (Jest, Vitest, Mocha, Jasmine, ava, node:test) reports a rejection as a failure, and a drop that is no step of a promise-style test (outside the callbacks of `it`/`test` and the set-up hooks, nested in another function inside one, or in a test that ends by calling its `done` parameter). Also any drop in code that exists only for the tests (a fixture module a test loads, a test folder\'s `support/` or `helpers/` module, a test run\'s set-up or launcher, the app a test drives). A call dropped as a step of a promise-style test is reported either way. On in `strict`.',
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
      floatingArray:
        'This array of promises is dropped: nobody waits for them and their rejections are lost. Await them with `await Promise.all([...])`, or return them.',
      conditional:
        "'{{name}}()' returns a promise, and a promise is always truthy: this condition does not wait for the result. Add `await` (the result is what the condition meant to test).",
      suggestAwaitAll: 'Wrap in `await Promise.all(...)`: the function waits for every promise, and a rejection propagates.',
      suggestAwait: "Add 'await': the function waits for the promise and its rejection propagates to the caller.",
      suggestVoid: "Add 'void': mark the promise as intentionally not awaited (a rejection is still unhandled).",
    },
  },
  defaultOptions: [{ ignoreVoid: true, ignoreIIFE: false, allowList: DEFAULT_ALLOW_LIST, checkCannotReject: false, checkUiCode: false, checkUnderGlobalHandler: false, checkTestCode: false }],
  create(context, [options]) {
    const ignoreVoid = options.ignoreVoid ?? true;
    const ignoreIIFE = options.ignoreIIFE ?? false;
    const allowList = options.allowList ?? DEFAULT_ALLOW_LIST;
    const checkCannotReject = options.checkCannotReject ?? false;
    const checkUiCode = options.checkUiCode ?? false;
    const checkUnderGlobalHandler = options.checkUnderGlobalHandler ?? false;
    const sourceCode = context.sourceCode;
    // Nothing can be a promise or a promise chain in this file: no listener at all.
    if (!mayContainPromises(context)) return {};
    const checkTestCode = options.checkTestCode ?? false;
    const promises = getPromiseAnalysis(context);

    const effects = getFileEffects(context);

    /**
     * True when the promise of `expression` cannot reject, so dropping it loses no error (see
     * `FileEffects.valueCanReject`: a call whose summary says so, a chain ending in `.catch`,
     * `Promise.allSettled(...)`, a `Promise.resolve().then(() => emit('ready'))` deferral, a
     * variable holding a handled chain); typed, also a call of a helper of another file that guards
     * every error this call can cause (`FileEffects.guardsEveryErrorTyped`, asked only here).
     */
    function cannotReject(expression: TSESTree.Node): boolean {
      return (
        !passesIgnoredCallback(expression) &&
        (!effects.valueCanReject(expression) || effects.guardsEveryErrorTyped(skipTransparent(expression)) || callsLookupThenGuard(expression))
      );
    }

    /**
     * A call of a same-file async function that does its work under its own `try`/`catch` (or
     * through helpers that cannot reject) and, outside it, only looks records up
     * (`looksUpThenGuards`: a notifier that reads the rows it is about, then makes its guarded call
     * to another service). Its author handled the failure that happens in practice.
     */
    function callsLookupThenGuard(expression: TSESTree.Node): boolean {
      const call = skipTransparent(expression);
      if (call.type !== AST_NODE_TYPES.CallExpression) return false;
      const fn = effects.calledFunction(call);
      if (fn === null) return false;
      let answer = lookupThenGuardFunctions.get(fn);
      if (answer === undefined) {
        answer = looksUpThenGuardsHere(fn);
        lookupThenGuardFunctions.set(fn, answer);
      }
      return answer;
    }

    /** Per called function, `looksUpThenGuards`' answer: its body is walked once, however many drops call it. */
    const lookupThenGuardFunctions = new Map<FunctionNode, boolean>();

    function looksUpThenGuardsHere(fn: FunctionNode): boolean {
      // A guarded helper is a same-file async function whose promise cannot reject (not this one again).
      const guardedHelper = (inner: TSESTree.CallExpression): boolean => {
        const helper = effects.calledFunction(inner);
        return helper !== null && helper !== fn && helper.async && !effects.valueCanReject(inner);
      };
      const throwsSync = (inner: TSESTree.CallExpression): boolean => {
        const helper = effects.calledFunction(inner);
        return helper !== null && !helper.async && throwsOwn(helper.body);
      };
      return looksUpThenGuards(fn, sourceCode.visitorKeys, { guarded: guardedHelper, throwsSync });
    }

    /**
     * A call of a same-file function that passes a function beyond the parameters it declares
     * (`confirmInstall(id, (ok) => ...)` where `confirmInstall(id)` returns a promise): the author
     * expected a callback API, the callback never runs, and only the dropped promise says so.
     * Reported even when the promise cannot reject.
     */
    function passesIgnoredCallback(expression: TSESTree.Node): boolean {
      const call = skipTransparent(expression);
      if (call.type !== AST_NODE_TYPES.CallExpression) return false;
      const fn = effects.calledFunction(call);
      if (!fn || fn.params.some((param) => param.type === AST_NODE_TYPES.RestElement)) return false;
      return call.arguments.slice(fn.params.length).some((argument) => isFunctionNode(skipTransparent(argument))) && !getSourceWords(context).within('arguments', fn);
    }

    /**
     * A comment on the statement's line or the three lines above says the promise is left alone on
     * purpose (`// fire and forget`, `// no need to await`, another linter's floating-promise
     * rule disabled): the author decided.
     */
    function saysDeliberate(statement: TSESTree.Node): boolean {
      const lines = deliberateCommentLines();
      const line = statement.loc.start.line;
      return (
        lines.starts.has(line) ||
        lines.starts.has(statement.loc.end.line) ||
        lines.ends.has(line - 1) ||
        lines.ends.has(line - 2) ||
        lines.ends.has(line - 3)
      );
    }
    let deliberateLines: { starts: ReadonlySet<number>; ends: ReadonlySet<number> } | null = null;
    /** The lines where the file's deliberate comments (see `saysDeliberate`) start and end, read once. */
    function deliberateCommentLines(): { starts: ReadonlySet<number>; ends: ReadonlySet<number> } {
      if (deliberateLines) return deliberateLines;
      const starts = new Set<number>();
      const ends = new Set<number>();
      for (const comment of sourceCode.getAllComments()) {
        if (!DELIBERATE_COMMENT.test(plainCommentText(comment.value))) continue;
        starts.add(comment.loc.start.line);
        ends.add(comment.loc.end.line);
      }
      deliberateLines = { starts, ends };
      return deliberateLines;
    }
    const isGlobal = (name: string, node: TSESTree.Node): boolean => isGlobalAt(sourceCode, name, node);
    /**
     * A module of a React Native app (`importsMobileRuntime`): read as UI code, where a lost
     * rejection is a warning in a debug build and the app goes on. One answer per file.
     */
    const inMobileApp = once(() => importsMobileRuntime(sourceCode));
    /** `programReportsRejections` of this file: one answer per file, asked by statements that reach it. */
    const programReportsRejectionsHere = once(() => programReportsRejections(context.filename));
    /**
     * In the code of a `worker_threads` worker, an unhandled rejection ends the worker and reaches
     * the parent as the `Worker`'s `'error'` event: where the program's parent listens for it
     * (`parentHandlesWorkerErrors`), that listener is the worker's reporter. One answer per file.
     */
    const parentHearsWorkerErrorsHere = once(() => getWhereItRuns(context).isWorkerFile() && parentHandlesWorkerErrors(context.filename));

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

    /** Can this call's promise reject? Asked at most once, only when the listener needs it (null: `checkCannotReject`, never asked). */
    function mayRejectOf(node: TSESTree.CallExpression): (() => boolean) | null {
      return checkCannotReject ? null : once(() => !cannotReject(node));
    }

    /**
     * The parts of a statement's value that may be unhandled promises (see the docs page), in order,
     * each with the question that still decides it: `survives` (when given) asks whether the part's
     * promise can reject, through `cannotReject` and the effect summaries, the costliest question of
     * this rule. The parts that are unhandled promises are exactly those whose `survives` is absent
     * or answers true; the listener asks it last, only for a statement that every cheaper filter
     * would report.
     */
    function floatingParts(expression: TSESTree.Node): readonly FloatingPart[] {
      const node = skipTransparent(expression);
      switch (node.type) {
        case AST_NODE_TYPES.SequenceExpression:
          return node.expressions.flatMap(floatingParts);
        case AST_NODE_TYPES.ConditionalExpression:
          return joined(floatingParts(node.consequent), floatingParts(node.alternate));
        case AST_NODE_TYPES.LogicalExpression:
          return joined(floatingParts(node.left), floatingParts(node.right));
        case AST_NODE_TYPES.UnaryExpression:
          if (node.operator !== 'void' || ignoreVoid) return NO_PARTS;
          return promises.isPromise(node.argument) ? [{ node, survives: null }] : NO_PARTS;
        case AST_NODE_TYPES.CallExpression: {
          if (ignoreIIFE && isFunctionNode(skipTransparent(node.callee))) return NO_PARTS;
          const method = chainMethodName(node);
          if (method !== null) {
            if (hasRejectionHandler(node)) return NO_PARTS;
            const callee = skipTransparent(node.callee) as TSESTree.MemberExpression;
            // `p.catch(handle).then(render)`: the chain's rejections are handled; only `render`
            // itself could still throw, which is not the lost task this rule is about.
            if (method === 'then' && hasHandledLink(callee.object)) return NO_PARTS;
            // `.finally(f)` and `.catch()` pass the receiver's rejection through: judge the receiver.
            if (method !== 'then') {
              const mayReject = mayRejectOf(node);
              const inner = floatingParts(callee.object);
              // `settled.finally(cleanup)` where `settled` holds `Promise.allSettled(...)`: nothing to
              // lose. The receiver's parts stand only while this call's promise may reject.
              const parts: FloatingPart[] = mayReject
                ? inner.map((part) => ({ node: part.node, survives: once(() => partSurvives(part) && mayReject()) }))
                : [...inner];
              // Untyped, `x().finally(cleanup)` is itself the evidence of a thenable; typed, it still
              // counts where the checker knows nothing about the receiver (`any`: an unresolved
              // import, a package without types). Not on a property of another object
              // (`fork.exited.finally(cleanup)`): a lifecycle promise an object exposes, built
              // elsewhere, is often one that only ever resolves. Only where no part of the receiver
              // stands.
              if (method === 'finally' && !promises.hasKnownType(callee.object) && !isOtherObjectsProperty(callee.object) && !hasHandledLink(callee.object) && isThenWithCallback(node)) {
                const receiverStands = once(() => inner.some(partSurvives));
                parts.push({ node, survives: once(() => !receiverStands() && (mayReject === null || mayReject())) });
              }
              return parts;
            }
          }
          // Untyped evidence of a thenable; typed, it still counts where the checker knows nothing
          // about the receiver (`any`: an unresolved import, a package without types).
          if (method === 'then' && isThenWithCallback(node) && !promises.hasKnownType(callee(node))) {
            return [{ node, survives: mayRejectOf(node) }];
          }
          // The handled-chain, cannot-reject and allow-list tests only for promises: they cost more.
          if (!promises.isPromise(node) || returnsHandledChain(node)) return NO_PARTS;
          // `self.exec()` re-running a method that returns the promise its object keeps.
          if (promises.returnsStoredPromise(node)) return NO_PARTS;
          // `builder.where(...)`: a lazy query builder configured through a name the code keeps.
          if (promises.continuesHeldBuilder(node)) return NO_PARTS;
          // `onAbort?.()` in a sync function, the parameter declared `() => void | Promise<void>`:
          // the author declared that the hook's promise is not waited for. Inside an async function
          // the same call is a forgotten `await` of a hook that may be async.
          if (!getAwaitableFunction(node) && promises.declaresIgnorablePromise(node.callee)) return NO_PARTS;
          // `this.disposables.dispose()` in a sync function: a teardown its callers cannot wait for.
          if (!getAwaitableFunction(node) && isTeardownCall(node)) return NO_PARTS;
          // `vscode.commands.executeCommand(...)` from a command or event handler: a request to the
          // editor, whose host logs a failure and goes on (typed: VS Code's `Thenable`).
          if (method === null && promises.services && !getAwaitableFunction(node) && isEditorHostThenable(promises.services, node)) return NO_PARTS;
          // `win.loadURL(url)`, `shell.openExternal(url)` from a sync function of an Electron app
          // (a window's set-up, a menu item, a link handler): a request to Electron, which logs a
          // failure and goes on (typed: declared by Electron or an IPC wrapper of its types); not
          // in an `ipcMain` listener, whose window gets no word of the failure.
          if (
            method === null &&
            promises.services &&
            !getAwaitableFunction(node) &&
            getWhereItRuns(context).hostItselfLogsRejections() &&
            !insideIpcMainListener(node) &&
            callsElectronApi(promises.services, node)
          ) {
            return NO_PARTS;
          }
          if (isAllowListed(node)) return NO_PARTS;
          // `this.logger.info(...)` whose logger may be async (`void | Promise<void>`): a log line
          // is written without waiting for it by design; what a failure loses is the line itself.
          if (writesLogLine(node)) return NO_PARTS;
          const mayReject = mayRejectOf(node);
          return [{ node, survives: mayReject && (() => mayReject() || throwsIntoGuardedRejection(node)) }];
        }
        case AST_NODE_TYPES.NewExpression:
          if (!promises.isPromise(node)) return NO_PARTS;
          if (checkCannotReject) return [{ node, survives: null }];
          return [
            {
              node,
              survives: () =>
                // `new Promise((resolve) => { saved = resolve; })`: built to hand out its resolver; it
                // cannot reject (see `FileEffects.capturesResolverOnly`).
                // Inside an async function it is a forgotten `return`/`await` of the promise instead.
                !(!getAwaitableFunction(node) && effects.capturesResolverOnly(node)) &&
                // `terminate(id): void { new Promise((resolve, reject) => { ...; this.request(id, resolve, reject); }); }`:
                // a wrapper that cannot reject (its `reject` unused or only kept, `FileEffects.valueCanReject`)
                // dropped in a function declared to return nothing: no forgotten `return`, no lost error.
                !(declaredVoid(getExecutionContext(node)) && !effects.valueCanReject(node)),
            },
          ];
        case AST_NODE_TYPES.Identifier:
        case AST_NODE_TYPES.MemberExpression:
          return promises.isPromise(node) ? [{ node, survives: null }] : NO_PARTS;
        case AST_NODE_TYPES.ArrayExpression:
          return isPromiseArray(node) ? [{ node, survives: null }] : NO_PARTS;
        default:
          return NO_PARTS;
      }
    }

    /** `[save(a), save(b)]`: an array literal with a promise element (spreads are not judged). */
    function isPromiseArray(node: TSESTree.ArrayExpression): boolean {
      return node.elements.some(
        (element) => element !== null && element.type !== AST_NODE_TYPES.SpreadElement && promises.isPromise(element),
      );
    }

    /** `fork.promise`, `child.exited`: a non-computed property read of an object other than `this`. */
    function isOtherObjectsProperty(expression: TSESTree.Node): boolean {
      const node = skipTransparent(expression);
      return node.type === AST_NODE_TYPES.MemberExpression && !node.computed && skipTransparent(node.object).type !== AST_NODE_TYPES.ThisExpression;
    }

    /** The receiver of a method call (`x` in `x.then(...)`), else the callee itself. */
    function callee(call: TSESTree.CallExpression): TSESTree.Node {
      const target = skipTransparent(call.callee);
      return target.type === AST_NODE_TYPES.MemberExpression ? target.object : target;
    }

    /**
     * The direct calls in a condition whose value is a promise: `if (isAllowed(user))`,
     * `!isAllowed(user)`, `a && isAllowed(user)`. A promise is always truthy, so the condition
     * never sees the result: a forgotten `await`. Only direct calls: a variable or property that
     * caches a promise (`if (pending) return pending`) is tested for presence on purpose.
     */
    function conditionCalls(test: TSESTree.Node): readonly TSESTree.CallExpression[] {
      const node = skipTransparent(test);
      switch (node.type) {
        case AST_NODE_TYPES.UnaryExpression:
          return node.operator === '!' ? conditionCalls(node.argument) : NO_CALLS;
        case AST_NODE_TYPES.LogicalExpression:
          return joined(conditionCalls(node.left), conditionCalls(node.right));
        case AST_NODE_TYPES.CallExpression:
          // A chain (`p.then(...)`) as a condition is no forgotten await of a call.
          if (chainMethodName(node) !== null) return NO_CALLS;
          // `Promise | undefined` (a getter of a cached promise) is tested for presence.
          return promises.isAlwaysPromise(node) ? [node] : NO_CALLS;
        default:
          return NO_CALLS;
      }
    }

    function checkCondition(test: TSESTree.Node | null | undefined): void {
      if (!test) return;
      for (const call of conditionCalls(test)) {
        const suggest: TSESLint.SuggestionReportDescriptor<MessageIds>[] = getAwaitableFunction(call)
          ? [{ messageId: 'suggestAwait', fix: (fixer) => fixer.replaceText(call, `(await ${sourceCode.getText(call)})`) }]
          : [];
        const target = skipTransparent(call.callee);
        const name = sourceCode.getText(target);
        context.report({
          node: call,
          messageId: 'conditional',
          data: { name: name.length <= 40 && !name.includes('\n') ? name : 'this call' },
          suggest,
        });
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
      if (!callback) return false;
      // `run(args).then(print)` as a statement of the module: a named callback on a call chain.
      const namedAtTopLevel =
        callback.type === AST_NODE_TYPES.Identifier &&
        skipTransparent((skipTransparent(call.callee) as TSESTree.MemberExpression).object).type === AST_NODE_TYPES.CallExpression &&
        call.parent.type === AST_NODE_TYPES.ExpressionStatement &&
        call.parent.parent.type === AST_NODE_TYPES.Program;
      if (!isFunctionNode(callback) && !namedAtTopLevel) return false;
      let root: TSESTree.Node = skipTransparent(call.callee);
      while (root.type === AST_NODE_TYPES.MemberExpression || root.type === AST_NODE_TYPES.CallExpression) {
        root = skipTransparent(root.type === AST_NODE_TYPES.MemberExpression ? root.object : root.callee);
      }
      return !(root.type === AST_NODE_TYPES.Identifier && NON_PROMISE_THEN_ROOTS.has(root.name));
    }

    /**
     * A statement of the module's top level, also inside a top-level `if` (`if (require.main ===
     * module) main();`) and any branch of its `else if` chain (a command dispatch:
     * `if (cmd === 'run') run(args); else if (...) ...`).
     */
    function isTopLevel(statement: TSESTree.Node): boolean {
      let parent = statement.parent;
      if (parent?.type === AST_NODE_TYPES.BlockStatement) parent = parent.parent;
      while (parent?.type === AST_NODE_TYPES.IfStatement && parent.parent.type === AST_NODE_TYPES.IfStatement && parent.parent.alternate === parent) parent = parent.parent;
      if (parent?.type === AST_NODE_TYPES.IfStatement) parent = parent.parent;
      return parent?.type === AST_NODE_TYPES.Program;
    }

    /**
     * `try { printBanner(); start(); } catch (error) { log.error(error); }` at the module's top
     * level: a statement of the block of a top-level `try` (see `isTopLevel`) whose `catch` only
     * reports (it has statements, each a log call, see `writesLogLine`, or `process.exit(...)`).
     * The failure is reported either way: by that `catch`'s logger, or by Node with the stack and
     * exit code 1 (the rejection bypasses the logger; a `catch` that only logs would let the
     * program end with exit code 0, where its start has left nothing to run). A `catch` that does
     * anything else (starts a fallback) is meant to handle this failure.
     */
    function inTopLevelTryThatOnlyReports(statement: TSESTree.Node): boolean {
      const block = statement.parent;
      const tryStatement = block?.parent;
      if (block?.type !== AST_NODE_TYPES.BlockStatement || tryStatement?.type !== AST_NODE_TYPES.TryStatement || tryStatement.block !== block) return false;
      if (!tryStatement.handler || tryStatement.finalizer || !isTopLevel(tryStatement)) return false;
      const handling = tryStatement.handler.body.body;
      // An empty `catch` means to go on after a failure; the dropped rejection ends the program instead.
      return handling.length > 0 && handling.every((inner) => inner.type === AST_NODE_TYPES.ExpressionStatement && inner.expression.type === AST_NODE_TYPES.CallExpression && (writesLogLine(inner.expression) || isProcessExit(inner.expression)));
    }

    /**
     * True when `statement` (top-level, see `statementIsExcused`) is the start of the module a start
     * script runs (`WhereItRuns.isStartedModule`): no statement before it drops a promise, starts
     * listening (`app.listen(3000)`, `const server = app.listen(3000)`) or calls another module's
     * value (`callsOtherModule`: `client.login(token)`, which the untyped rule may not know as a
     * promise). Work started after the program's start runs beside a live program, which its later
     * rejection would end: reported.
     */
    function startsStartedModule(statement: TSESTree.Node): boolean {
      if (!getWhereItRuns(context).isStartedModule()) return false;
      for (let node: TSESTree.Node = statement; node.parent; node = node.parent) {
        const list = node.parent.type === AST_NODE_TYPES.Program || node.parent.type === AST_NODE_TYPES.BlockStatement ? (node.parent.body as TSESTree.Node[]) : null;
        const earlier = list ? list.slice(0, list.indexOf(node)) : [];
        for (const before of earlier) {
          if (before.type === AST_NODE_TYPES.ExpressionStatement && floatingParts(before.expression).length > 0) return false;
          if ((before.type === AST_NODE_TYPES.ExpressionStatement || before.type === AST_NODE_TYPES.VariableDeclaration) && STARTS_LISTENING.test(sourceCode.getText(before))) return false;
          if (callsOtherModule(before)) return false;
        }
      }
      return true;
    }

    /**
     * `client.login(token);`, `await bot.launch();`, `dotenv.config();`: an expression statement
     * that calls (awaited or not) a member or a function of a binding that is imported or holds a
     * value made elsewhere (`const client = new Client(...)`, `const app = createApp()`). Not a
     * global's (`console.clear()`), a same-file function's (`printBanner()`) nor a log line
     * (`logger.info('starting')`, see `writesLogLine`).
     */
    function callsOtherModule(statement: TSESTree.Node): boolean {
      if (statement.type !== AST_NODE_TYPES.ExpressionStatement) return false;
      let expression = skipTransparent(statement.expression);
      if (expression.type === AST_NODE_TYPES.AwaitExpression) expression = skipTransparent(expression.argument);
      // A log line (`logger.info('starting')`) starts nothing.
      if (expression.type !== AST_NODE_TYPES.CallExpression || writesLogLine(expression)) return false;
      const root = calleeChainRoot(expression.callee);
      const variable = root ? variableOfIdentifier(sourceCode, root) : null;
      if (!variable || variable.defs.length === 0) return false;
      if (getImportSource(variable)) return true;
      const declarator = variable.defs[0]?.node;
      let init = declarator?.type === AST_NODE_TYPES.VariableDeclarator && declarator.init ? skipTransparent(declarator.init) : null;
      if (init?.type === AST_NODE_TYPES.AwaitExpression) init = skipTransparent(init.argument);
      return init?.type === AST_NODE_TYPES.NewExpression || init?.type === AST_NODE_TYPES.CallExpression;
    }

    /** `process.exit(...)` of the global `process`. */
    function isProcessExit(call: TSESTree.CallExpression): boolean {
      return isProcessExitCall(call) && isGlobal('process', call);
    }

    /** A statement of a case of a `switch` at the module's top level (`case 'add': add(args);`), also in the case's block. */
    function inTopLevelSwitch(statement: TSESTree.Node): boolean {
      let parent = statement.parent;
      if (parent?.type === AST_NODE_TYPES.BlockStatement) parent = parent.parent;
      return parent?.type === AST_NODE_TYPES.SwitchCase && parent.parent.parent.type === AST_NODE_TYPES.Program;
    }

    /**
     * Nothing of the command runs after `statement`: it is the last statement of its case, block,
     * `if` branch and function body or program, up to the function body or the program, with only a
     * `break` (leaving its `switch`), a bare `return` or hoisted function declarations after it. A
     * case or function going on after the drop (`syncAll(); process.exit(0);`, `migrate();
     * db.close();`) ends or undoes the command before the work is done, and no error is shown.
     */
    function endsItsCommand(statement: TSESTree.Node): boolean {
      let current = statement;
      for (let parent = current.parent; parent; parent = current.parent) {
        if (parent.type === AST_NODE_TYPES.IfStatement) {
          current = parent;
          continue;
        }
        const list: readonly TSESTree.Node[] | null =
          parent.type === AST_NODE_TYPES.SwitchCase ? parent.consequent : parent.type === AST_NODE_TYPES.BlockStatement || parent.type === AST_NODE_TYPES.Program ? parent.body : null;
        if (!list) return false;
        const rest = list.slice(list.indexOf(current) + 1);
        if (!rest.every((next) => isBreakOrReturn(next) || next.type === AST_NODE_TYPES.EmptyStatement || next.type === AST_NODE_TYPES.FunctionDeclaration)) return false;
        if (parent.type === AST_NODE_TYPES.Program || isFunctionNode(parent.parent)) return true;
        const exit = rest.find(isBreakOrReturn);
        if (exit?.type === AST_NODE_TYPES.ReturnStatement) return true;
        if (exit || parent.type === AST_NODE_TYPES.SwitchCase) {
          // A `break` leaves the `switch`; with none, only the last case goes on after the `switch`.
          const switchCase = parent.type === AST_NODE_TYPES.SwitchCase ? parent : parent.parent;
          if (switchCase?.type !== AST_NODE_TYPES.SwitchCase) return false;
          if (!exit && switchCase.parent.cases.at(-1) !== switchCase) return false;
          current = switchCase.parent;
          continue;
        }
        current = parent;
      }
      return false;
    }

    /** An unlabelled `break` or a `return` without a value. */
    function isBreakOrReturn(statement: TSESTree.Node): boolean {
      return (statement.type === AST_NODE_TYPES.BreakStatement && !statement.label) || (statement.type === AST_NODE_TYPES.ReturnStatement && !statement.argument);
    }

    /**
     * `const add = (names) => { (async () => { ... })(); };` dispatched from a top-level
     * `switch (cmd) { case 'add': add(args); }`: a statement of the own body of a plain function
     * (not async, not a generator) declared at the module's top level, not exported, and called
     * only by top-level statements (`isTopLevel`, `inTopLevelSwitch`), each a bare call that ends its
     * command (`endsItsCommand`, as the drop must end the function's). The drop runs as part of the
     * entry call, and nothing but the top level could receive its promise, so it is the entry
     * call's own rejection.
     */
    function runsAsTopLevelCall(statement: TSESTree.Node): boolean {
      const fn = statement.parent?.type === AST_NODE_TYPES.BlockStatement ? statement.parent.parent : null;
      if (!fn || !isFunctionNode(fn) || fn.async || fn.generator) return false;
      let binding: TSESTree.Node | null = null;
      if (fn.type === AST_NODE_TYPES.FunctionDeclaration && fn.parent.type === AST_NODE_TYPES.Program) binding = fn;
      const declarator = fn.parent;
      if (
        declarator.type === AST_NODE_TYPES.VariableDeclarator &&
        declarator.init === fn &&
        declarator.id.type === AST_NODE_TYPES.Identifier &&
        declarator.parent.parent.type === AST_NODE_TYPES.Program
      ) {
        binding = declarator;
      }
      if (!binding) return false;
      const variable = sourceCode.getDeclaredVariables(binding)[0];
      const calls = variable?.references.filter((reference) => !reference.init) ?? [];
      return (
        calls.length > 0 &&
        calls.every((reference) => {
          const call = reference.identifier.parent;
          return call.type === AST_NODE_TYPES.CallExpression && call.callee === reference.identifier && call.parent.type === AST_NODE_TYPES.ExpressionStatement && (isTopLevel(call.parent) || inTopLevelSwitch(call.parent)) && endsItsCommand(call.parent);
        })
      );
    }

    /**
     * Typed mode: `try { release(); } catch (e) { log(e); }` where `release` is an async function
     * of this file that makes a synchronous call outside a `try` (or `catch`) of its own
     * (`client.off(...)`, `return releaseClient()`). The author's `catch` is meant for that call's throw, yet inside an
     * async function the throw rejects the dropped promise instead. The effect summary takes such
     * calls for safe (a type proves they return no promise), so this is the one place they count.
     * Untyped, the same calls are already unknown promises that may reject.
     */
    function throwsIntoGuardedRejection(call: TSESTree.CallExpression): boolean {
      if (!promises.typed || !insideGuardedTry(call)) return false;
      const fn = effects.calledFunction(call);
      if (!fn?.async || fn.body.type !== AST_NODE_TYPES.BlockStatement) return false;
      // An emitter's dispatch (and its `on`/`off`) is written never to fail a caller.
      if (isolatesListeners(fn, sourceCode.visitorKeys) || isIsolatingEmitterMethod(fn, sourceCode.visitorKeys)) return false;
      return someNodeInSameFunction(
        fn.body,
        sourceCode.visitorKeys,
        (inner) => inner.type === AST_NODE_TYPES.CallExpression && inner.parent.type !== AST_NODE_TYPES.AwaitExpression && !guardedWithin(inner, fn),
      );
    }

    /** Is `node` inside the block of a `try` with a `catch`, or inside a `catch` (handling an error), within `fn`? */
    function guardedWithin(node: TSESTree.Node, fn: TSESTree.Node): boolean {
      for (let child = node, parent = node.parent; parent && parent !== fn; child = parent, parent = parent.parent) {
        if (parent.type === AST_NODE_TYPES.TryStatement && parent.block === child && parent.handler) return true;
        if (parent.type === AST_NODE_TYPES.CatchClause) return true;
      }
      return false;
    }

    /**
     * `constructor() { ...; if (options.autoConnect) this.connect(); }`: a statement of a class
     * constructor's own body (also inside its `if`s) that calls a method of the object being
     * built. A constructor cannot return the promise, so starting the object's own background work
     * there (connect, scan, watch, warm a cache) is a design choice, and its outcome is usually
     * kept in the object's state; reviewers do not change these. Inside a `try` whose `catch`
     * handles errors the author meant to handle this one too: still reported.
     */
    function startsOwnWorkInConstructor(statement: TSESTree.ExpressionStatement, part: TSESTree.Node): boolean {
      if (part !== skipTransparent(statement.expression) || part.type !== AST_NODE_TYPES.CallExpression) return false;
      const target = skipTransparent(part.callee);
      if (target.type !== AST_NODE_TYPES.MemberExpression || skipTransparent(target.object).type !== AST_NODE_TYPES.ThisExpression) return false;
      let node: TSESTree.Node = statement.parent;
      while (node.type === AST_NODE_TYPES.BlockStatement || node.type === AST_NODE_TYPES.IfStatement) {
        const parent = node.parent;
        if (!parent) return false;
        if (node.type === AST_NODE_TYPES.BlockStatement && isFunctionNode(parent)) {
          return parent.parent.type === AST_NODE_TYPES.MethodDefinition && parent.parent.kind === 'constructor';
        }
        node = parent;
      }
      return false;
    }

    /**
     * A value a class stores in a field (see `effects.assignedFieldValues`) that starts work which
     * may reject: a call or `new` (not a resolve-only `new Promise`), also as a branch of
     * `a ? b : c` or `a || b` (`this.pending = url ? fetch(url) : null`) and as the right side of
     * a logical assignment (`this.loading ??= fetch(url)`, whose recorded value is the field itself).
     */
    function isStartedWork(value: TSESTree.Node): boolean {
      const node = skipTransparent(value);
      switch (node.type) {
        case AST_NODE_TYPES.CallExpression:
        case AST_NODE_TYPES.NewExpression:
          return effects.valueCanReject(node);
        case AST_NODE_TYPES.ConditionalExpression:
          return isStartedWork(node.consequent) || isStartedWork(node.alternate);
        case AST_NODE_TYPES.LogicalExpression:
          return isStartedWork(node.left) || isStartedWork(node.right);
        case AST_NODE_TYPES.MemberExpression: {
          const parent = node.parent;
          return parent.type === AST_NODE_TYPES.AssignmentExpression && parent.left === node && LOGICAL_ASSIGNMENT.has(parent.operator) && isStartedWork(parent.right);
        }
        default:
          return false;
      }
    }

    /**
     * `this.program.stopped.then((result) => this.onExit(result))`, `iter.closed().then(cleanup)`:
     * a `.then(callback)` chain (no rejection handler, no other link) whose root is a promise an
     * object holds: a property read (`session.closed`, `deferred.promise`, `this.ready`), or a
     * call without arguments of a method named for a state (`closed()`, `stopped()`, `done()`,
     * `finished()`, `ready()`, ...), which hands out such a promise. The statement starts no
     * work; it registers a listener for an event of the object's life, and whoever made that
     * promise owns its failure. Such promises (closed, exited, stopped) are usually settled with
     * the reason as their value and never reject: reviewers do not change these. A call with
     * arguments, or any other call (`load().then(show)`), is new work and is still reported.
     * Typed, only where the checker knows nothing of the held promise (`any`: an untyped
     * parameter, a package without types), which is judged as without types; a held promise the
     * checker types is its to judge.
     */
    function listensToHeldPromise(call: TSESTree.CallExpression): boolean {
      let root: TSESTree.Node = call;
      for (let links = 0; links < 8; links += 1) {
        const node = skipTransparent(root);
        if (node.type !== AST_NODE_TYPES.CallExpression || chainMethodName(node) !== 'then') break;
        if (!node.arguments.some((argument) => isFunctionNode(skipTransparent(argument)))) return false;
        root = (skipTransparent(node.callee) as TSESTree.MemberExpression).object;
      }
      const receiver = skipTransparent(root);
      if (receiver === call) return false;
      if (promises.typed && promises.hasKnownType(receiver)) return false;
      // `this.exited` that the class itself fills with new work (`this.exited = fetch(url)`) is
      // that work's promise, not only a state of the object's life.
      if (receiver.type === AST_NODE_TYPES.MemberExpression) {
        return !receiver.computed && !effects.assignedFieldValues(receiver).some((value) => isStartedWork(value));
      }
      if (receiver.type !== AST_NODE_TYPES.CallExpression || receiver.arguments.length > 0) return false;
      const target = skipTransparent(receiver.callee);
      const name = target.type === AST_NODE_TYPES.MemberExpression ? staticMemberName(target) : null;
      return name !== null && LIFECYCLE_STATE.test(name);
    }

    /**
     * True when `statement` runs once, when the program starts: at the module's top level (see
     * `isTopLevel`) or directly in a start-up routine of the module (`WhereItRuns.startUpRoutine`:
     * `init()`, `bootstrap()`, `start()` taking no item of work).
     */
    function startsWithTheProgram(statement: TSESTree.Node): boolean {
      if (isTopLevel(statement)) return true;
      const execution = getExecutionContext(statement);
      return execution.kind === 'function' && getWhereItRuns(context).startUpRoutine(execution.node) !== null;
    }

    /**
     * True when nothing could receive the promise dropped at `statement`: no enclosing function,
     * looking through inline callbacks (`forEach`, `map`, an IIFE), is async, and none of the
     * functions from the nearest one out to the one that runs it is a callback whose value is
     * consumed (see `valueIsConsumed`); or it runs in a class field initializer or static block.
     * The module's top level is not one (an ES module may await there; an entry script's
     * rejection already ends the program).
     */
    function runsWhereNothingAwaits(statement: TSESTree.Node): boolean {
      if (getEnclosingAsyncFunction(statement)) return false;
      const execution = getExecutionContext(statement);
      if (execution.kind === 'class-initializer') return true;
      if (execution.kind !== 'function') return false;
      for (let parent = statement.parent; parent; parent = parent.parent) {
        if (!isFunctionNode(parent)) continue;
        if (valueIsConsumed(parent)) return false;
        if (parent === execution.node) return true;
      }
      return true;
    }

    /**
     * A function whose value someone receives, so it could hand the promise on: a `.then`/`.catch`/
     * `.finally` callback, an inline callback (`map`, `reduce`, ...) whose call's result is used,
     * or a function that returns a value (`return this` and a bare `return` are none).
     */
    function valueIsConsumed(fn: FunctionNode): boolean {
      let self: TSESTree.Node = fn;
      while (self.parent && (self.parent.type === AST_NODE_TYPES.TSAsExpression || self.parent.type === AST_NODE_TYPES.TSNonNullExpression)) self = self.parent;
      const call = self.parent;
      if (call?.type === AST_NODE_TYPES.CallExpression && call.arguments.includes(self as TSESTree.CallExpressionArgument) && call.callee.type === AST_NODE_TYPES.MemberExpression) {
        const method = staticMemberName(call.callee);
        if (method === 'then' || method === 'catch' || method === 'finally') return true;
        if (method !== null && method !== 'forEach' && isInlineCallback(fn) && call.parent?.type !== AST_NODE_TYPES.ExpressionStatement) return true;
      }
      if (fn.body.type !== AST_NODE_TYPES.BlockStatement) return true;
      return someNodeInSameFunction(fn.body, sourceCode.visitorKeys, (node) => node.type === AST_NODE_TYPES.ReturnStatement && node.argument !== null && node.argument.type !== AST_NODE_TYPES.ThisExpression);
    }

    /**
     * True when the code at `statement` serves a request or a job: `getWhereItRuns` gives strong
     * `request-handler`/`queue-consumer` evidence for it, or the function that runs it answers
     * someone (calls a method of its `res`/`reply`/`response` parameter, or `ack`/`nack`/`commit`).
     */
    function servesRequestOrJob(statement: TSESTree.Node): boolean {
      const execution = getExecutionContext(statement);
      if (execution.kind !== 'function') return false;
      const fn = execution.node;
      const answering = new Set(fn.params.flatMap((param) => (param.type === AST_NODE_TYPES.Identifier && ANSWER_PARAMETERS.has(param.name) ? [param.name] : [])));
      const replying = new Set(fn.params.flatMap((param) => (param.type === AST_NODE_TYPES.Identifier && ANSWER_CALLBACKS.has(param.name) ? [param.name] : [])));
      const answers = someNodeInSameFunction(fn.body, sourceCode.visitorKeys, (node) => {
        if (node.type !== AST_NODE_TYPES.CallExpression) return false;
        if (node.callee.type === AST_NODE_TYPES.Identifier) return replying.has(node.callee.name);
        if (node.callee.type !== AST_NODE_TYPES.MemberExpression) return false;
        const method = staticMemberName(node.callee);
        if (method !== null && ACKNOWLEDGING_METHODS.has(method)) return true;
        let object: TSESTree.Node = node.callee.object;
        while (object.type === AST_NODE_TYPES.MemberExpression || object.type === AST_NODE_TYPES.CallExpression) object = object.type === AST_NODE_TYPES.CallExpression ? object.callee : object.object;
        return object.type === AST_NODE_TYPES.Identifier && answering.has(object.name);
      });
      if (answers) return true;
      const where = getWhereItRuns(context).ofFunction(fn);
      return where.kind === 'concurrent' && (where.evidence.kind === 'request-handler' || where.evidence.kind === 'queue-consumer');
    }

    /**
     * In an Electron main process without a reporter of its own, Electron's warning goes to a
     * stderr nobody sees in a packaged app: only drops whose loss costs nothing more are silent
     * there (a window opened from a menu or an app event). True, so still reported: a statement
     * inside an `ipcMain.on`/`once`/`handle` listener (the renderer asked for work and gets no
     * word of its failure), or a dropped call (or a chain's head) whose effect summary writes a
     * file or starts a process (the user's data may be lost without a trace).
     */
    function costsMoreThanElectronLog(statement: TSESTree.Node, part: TSESTree.Node): boolean {
      if (insideIpcMainListener(statement)) return true;
      let head = skipTransparent(part);
      while (head.type === AST_NODE_TYPES.CallExpression && chainMethodName(head) !== null) head = skipTransparent((skipTransparent(head.callee) as TSESTree.MemberExpression).object);
      return head.type === AST_NODE_TYPES.CallExpression && callWritesFileOrStartsProcess(head, effects);
    }

    /** True when `statement` lies in a listener registered with `ipcMain.on`/`once`/`handle`/`handleOnce` (at any depth). */
    function insideIpcMainListener(statement: TSESTree.Node): boolean {
      for (let node: TSESTree.Node | undefined = statement.parent; node; node = node.parent) {
        if (!isFunctionNode(node)) continue;
        const call = node.parent;
        if (call?.type !== AST_NODE_TYPES.CallExpression || !call.arguments.includes(node as TSESTree.CallExpressionArgument)) continue;
        if (registersIpcMainListener(call)) return true;
      }
      return false;
    }

    /**
     * The host-log reading below applies to `statement` of this file: the file's host logs a lost
     * rejection (`WhereItRuns.hostLogsRejections`), and, in a module that imports Electron's
     * main-process API (the app's wiring, judged above as under a program's own reporter), only
     * inside an async function's own body outside an `ipcMain` listener: a start-up chain at the
     * top level, a drop in a synchronous listener, menu item or `.then` callback, and a drop in an
     * IPC listener keep the reading above.
     */
    function hostLogsRejectionAt(statement: TSESTree.Node): boolean {
      const where = getWhereItRuns(context);
      if (!where.hostLogsRejections()) return false;
      // Under the program's own policy only, a drop in code that serves a request or a job costs
      // the answer (see `WhereItRuns.logsRejectionsFor`).
      if (!where.hostItselfLogsRejections() && servesRequestOrJob(statement)) return false;
      return !where.runsInElectronMain() || (getAwaitableFunction(statement) !== null && !insideIpcMainListener(statement));
    }

    /** True when `statement` lies in the block of a `try` with a `catch`, within its own function. */
    function insideGuardedTry(statement: TSESTree.Node): boolean {
      for (let child = statement, parent = statement.parent; parent && !isFunctionNode(parent); child = parent, parent = parent.parent) {
        if (parent.type === AST_NODE_TYPES.TryStatement && parent.block === child && parent.handler) return true;
      }
      return false;
    }

    /**
     * True when every `try` (with a `catch`) around `statement` within its own function has a
     * `catch` that only writes log lines (`log.warn(...)`, `logError(...)`), and a block that holds
     * other statements than the one the drop is in: the `catch` was written for that other work,
     * and for the drop it would write the line a host that logs lost rejections writes anyway. A
     * `try` around the drop alone, or a `catch` that answers, retries or tells the user
     * (`return notice(err)`), is meant for the drop's failure: still reported.
     */
    function sideStepOfTryThatOnlyLogs(statement: TSESTree.Node): boolean {
      for (let child = statement, parent = statement.parent; parent && !isFunctionNode(parent); child = parent, parent = parent.parent) {
        if (parent.type !== AST_NODE_TYPES.TryStatement || parent.block !== child || !parent.handler) continue;
        const handling = parent.handler.body.body;
        if (handling.length === 0 || !handling.every(isLogStatement)) return false;
        if (parent.block.body.length < 2) return false;
      }
      return true;
    }

    /**
     * True when, in every `try` (with a `catch`) around `statement` within its own function, an
     * earlier statement of the `try` block waits for other work (`await save(form); refresh();`)
     * and the `catch` never reads the error it is given: it shows a fixed message about that
     * awaited step ("could not save"), written for it, and the drop is a follow-up started once the
     * step succeeded. Asked in UI code only, where such a follow-up's rejection reaches the console
     * as any other dropped action's does. A drop alone in its `try`, or before the first `await`
     * there, and a `catch` that reports the error it is given (`alerts.error(e)`: whatever failed
     * in the block) are meant for the drop too: reported.
     */
    function followsAwaitedStepInTry(statement: TSESTree.Node): boolean {
      for (let child = statement, parent = statement.parent; parent && !isFunctionNode(parent); child = parent, parent = parent.parent) {
        if (parent.type !== AST_NODE_TYPES.BlockStatement || !parent.parent || parent.parent.type !== AST_NODE_TYPES.TryStatement) continue;
        const guard = parent.parent;
        if (guard.block !== parent || !guard.handler) continue;
        if (readsCaughtError(guard.handler)) return false;
        const awaiting = firstAwaitingStatement(parent);
        if (!awaiting || awaiting.range[0] >= child.range[0]) return false;
      }
      return true;
    }

    /** The first statement of `block` that holds an `await` of its function (nested functions left out), or null; once per block. */
    function firstAwaitingStatement(block: TSESTree.BlockStatement): TSESTree.Statement | null {
      let found = firstAwaiting.get(block);
      if (found === undefined) {
        found = block.body.find((statement) => someNodeInSameFunction(statement, sourceCode.visitorKeys, (inner) => inner.type === AST_NODE_TYPES.AwaitExpression)) ?? null;
        firstAwaiting.set(block, found);
      }
      return found;
    }

    /** Per `try` block, `firstAwaitingStatement`: a long block is read once, however many drops it holds. */
    const firstAwaiting = new Map<TSESTree.BlockStatement, TSESTree.Statement | null>();

    /** A `catch (e) { ... }` whose body reads `e` (a `catch` without a parameter reads nothing). */
    function readsCaughtError(handler: TSESTree.CatchClause): boolean {
      if (!handler.param) return false;
      return sourceCode.getDeclaredVariables(handler).some((variable) => variable.references.length > 0);
    }

    /** `log.warn(...)`, `req.log.error(...)` (effects' `writesLogLine`), or a call of a log helper (`logError(...)`, `logWarning(...)`), as a statement. */
    function isLogStatement(statement: TSESTree.Statement): boolean {
      if (statement.type !== AST_NODE_TYPES.ExpressionStatement) return false;
      const call = skipTransparent(statement.expression);
      if (call.type !== AST_NODE_TYPES.CallExpression) return false;
      const callee = skipTransparent(call.callee);
      return writesLogLine(call) || (callee.type === AST_NODE_TYPES.Identifier && LOG_HELPER.test(callee.name));
    }

    /**
     * True when `statement` lies in a `new Promise(...)` executor (at any depth below its async
     * function) whose body sets no timer that settles it: the dropped call (`client.names(channel,
     * (names) => resolve(names))`) may be what settles the wrapper, and on its rejection the
     * wrapper never settles. A wrapper whose own timer settles it (`setTimeout(() => reject(...),
     * 5000)`: `settlingTimer`) settles either way.
     */
    function inExecutorWithoutOwnTimer(statement: TSESTree.Node): boolean {
      for (let node = statement.parent; node; node = node.parent) {
        if (!isFunctionNode(node)) continue;
        if (node.async) return false;
        const holder = node.parent;
        const isExecutor = holder?.type === AST_NODE_TYPES.NewExpression && holder.arguments[0] === node && holder.callee.type === AST_NODE_TYPES.Identifier && holder.callee.name === 'Promise';
        if (!isExecutor) continue;
        const settlers = new Set(node.params.flatMap((param) => (param.type === AST_NODE_TYPES.Identifier ? [param.name] : [])));
        if (!someNodeBelow(node.body, sourceCode.visitorKeys, (inner) => inner.type === AST_NODE_TYPES.CallExpression && settlingTimer(inner, settlers))) return true;
      }
      return false;
    }

    /**
     * True when `call` is a plain timer (`setTimeout(...)`, `timers.setTimeout(...)`; not a
     * socket's `setTimeout(ms)`, which only emits an event) whose callback settles the wrapper:
     * it is one of the executor's `settlers` (`setTimeout(reject, 5000)`) or calls one.
     */
    function settlingTimer(call: TSESTree.CallExpression, settlers: ReadonlySet<string>): boolean {
      const callee = skipTransparent(call.callee);
      const plain =
        (callee.type === AST_NODE_TYPES.Identifier && callee.name === 'setTimeout') ||
        (callee.type === AST_NODE_TYPES.MemberExpression && staticMemberName(callee) === 'setTimeout' && callee.object.type === AST_NODE_TYPES.Identifier && /^(?:timers|globalThis|window)$/.test(callee.object.name));
      const callback = call.arguments[0];
      if (!plain || callback === undefined) return false;
      const settles = (node: TSESTree.Node): boolean => node.type === AST_NODE_TYPES.Identifier && settlers.has(node.name);
      if (settles(callback)) return true;
      return isFunctionNode(callback) && someNodeBelow(callback.body, sourceCode.visitorKeys, (inner) => inner.type === AST_NODE_TYPES.CallExpression && settles(skipTransparent(inner.callee)));
    }

    /**
     * True when `statement` is the last step of its async function (nothing but `break` or a bare
     * `return` after it, through `if` and `switch`), and on its other paths the function hands
     * its caller a result or a failure: it returns a call's promise (`return this.finallyClose(id)`,
     * `return await reply(...)`) or throws outside every `try` with a `catch`. Its callers await
     * it and handle what it reports; the dropped last step's failure escapes them, and it resolves
     * before the step is done: the `return` its sibling paths have is missing.
     */
    function lastStepOfReportingFunction(statement: TSESTree.Node): boolean {
      const fn = getAwaitableFunction(statement);
      if (fn === null || fn.body.type !== AST_NODE_TYPES.BlockStatement) return false;
      for (let node: TSESTree.Node = statement; node !== fn.body; node = node.parent as TSESTree.Node) {
        const parent = node.parent;
        if (!parent) return false;
        const list = parent.type === AST_NODE_TYPES.BlockStatement ? parent.body : parent.type === AST_NODE_TYPES.SwitchCase ? parent.consequent : null;
        if (list !== null) {
          const after = list.slice(list.indexOf(node as TSESTree.Statement) + 1);
          if (!after.every((next) => next.type === AST_NODE_TYPES.BreakStatement || (next.type === AST_NODE_TYPES.ReturnStatement && next.argument === null))) return false;
        } else if (parent.type !== AST_NODE_TYPES.IfStatement && parent.type !== AST_NODE_TYPES.SwitchStatement) {
          return false;
        }
      }
      return someNodeInSameFunction(fn.body, sourceCode.visitorKeys, (inner) => {
        if (inner.type === AST_NODE_TYPES.ThrowStatement) return !insideGuardedTry(inner);
        if (inner.type !== AST_NODE_TYPES.ReturnStatement || inner.argument === null) return false;
        let value = skipTransparent(inner.argument);
        if (value.type === AST_NODE_TYPES.AwaitExpression) value = skipTransparent(value.argument);
        return value.type === AST_NODE_TYPES.CallExpression;
      });
    }

    /** True when `statement` runs in an async function named for a teardown (`kill()`, `close()`, `shutdown()`; see `namedForTeardown`). */
    function inTeardown(statement: TSESTree.Node): boolean {
      const fn = getEnclosingAsyncFunction(statement);
      return fn !== null && namedForTeardown(fn);
    }

    /**
     * `Object.assign(pending, { cancel })`: the call answers with its first argument, a value held in
     * a binding or member. Nothing new is dropped; whether that promise is handled is decided where
     * the binding is used (a fresh `Object.assign(request(), ...)` is still reported).
     */
    function decoratesHeldValue(call: TSESTree.CallExpression): boolean {
      const callee = skipTransparent(call.callee);
      if (callee.type !== AST_NODE_TYPES.MemberExpression || staticMemberName(callee) !== 'assign') return false;
      const object = skipTransparent(callee.object);
      if (object.type !== AST_NODE_TYPES.Identifier || object.name !== 'Object' || !isGlobalAt(sourceCode, 'Object', object)) return false;
      const target = call.arguments[0] ? skipTransparent(call.arguments[0]) : null;
      return target?.type === AST_NODE_TYPES.Identifier || target?.type === AST_NODE_TYPES.MemberExpression;
    }

    function wrap(expression: TSESTree.Expression): string {
      const text = sourceCode.getText(expression);
      return NO_PARENS_NEEDED.has(expression.type) ? text : `(${text})`;
    }

    /**
     * A call whose last argument is a Node-style callback: written there, its first parameter named
     * for the error (`client.get(key, (err, value) => ...)`), or a variable named `callback`, `cb` or
     * `done`; typed, also any argument the checker types as a function taking an error first (a
     * wrapped callback, `timeout((err, reply) => ..., ms)`): an API that takes both styles hands a
     * failure to the callback and handles its own promise; dropping the promise loses nothing.
     */
    function handsErrorToCallback(call: TSESTree.CallExpression): boolean {
      // `hooks.callFirst(name, context, (err, results) => ..., predicate)`: a callback written before
      // the trailing options, taking an error and a result (a one-parameter `(err) => ...` there
      // may be a predicate on errors, as a retry helper takes; a short `(e, i)` there is as often an
      // element and its index).
      if (call.arguments.slice(0, -1).some((argument) => isErrorFirstCallbackWritten(argument, 2, SPELLED_ERROR_PARAMETER))) return true;
      const callback = call.arguments[call.arguments.length - 1];
      // A callback handed on by name (`asCallback(promise, callback)`, `client.get(key, cb)`).
      if (callback?.type === AST_NODE_TYPES.Identifier) return CALLBACK_NAME.test(callback.name) || promises.isErrorFirstCallback(callback);
      // Typed: a wrapped callback (`timeout((err, reply) => ..., ms)`) typed as taking an error first.
      if (callback && !isFunctionNode(callback)) return promises.isErrorFirstCallback(callback);
      return callback !== undefined && isErrorFirstCallbackWritten(callback, 1);
    }

    /**
     * `streamEvents(url, { onerror(err) { report(err); } })`, `api.chat({ messages, onError(error)
     * { show(error); } })`: an options object written at the call holds an error handler
     * (`ERROR_OPTION`) written in place that reads the error it is handed. The API reports its
     * failures to that handler and the caller chose it: a rejection of the dropped promise carries
     * an error already handed on, and costs at most a second console line. Not a handler that
     * ignores its error (`onError() { stop(); }`) or one passed by name. A handler that throws (to
     * stop a retry loop) rejects the dropped promise itself: that counts only where the host logs
     * a lost rejection (page code, see `hostLogsRejectionAt`); elsewhere it may end the process. A
     * callee of the program is not taken on trust: its body must hand every failure to the option
     * (`routesFailuresTo`); a declared or library callee is.
     */
    function handsErrorToOption(call: TSESTree.CallExpression, statement: TSESTree.Node): boolean {
      let hostLogs: boolean | undefined;
      const rejectionIsLogged = (): boolean => (hostLogs ??= getWhereItRuns(context).runsInUi() || hostLogsRejectionAt(statement));
      return call.arguments.some((argument) => {
        const options = skipTransparent(argument);
        if (options.type !== AST_NODE_TYPES.ObjectExpression) return false;
        return options.properties.some((property) => {
          if (property.type !== AST_NODE_TYPES.Property || property.computed) return false;
          const key = property.key.type === AST_NODE_TYPES.Identifier ? property.key.name : property.key.type === AST_NODE_TYPES.Literal ? String(property.key.value) : '';
          const handler = skipTransparent(property.value as TSESTree.Expression);
          if (!ERROR_OPTION.test(key) || !isFunctionNode(handler)) return false;
          const [param] = handler.params;
          if (param?.type !== AST_NODE_TYPES.Identifier) return false;
          const variable = sourceCode.getDeclaredVariables(handler).find((candidate) => candidate.name === param.name);
          if ((variable?.references.length ?? 0) === 0) return false;
          if (throwsOwn(handler.body) && !rejectionIsLogged()) return false;
          const callees = effects.programCallees(call);
          return callees === null || callees.every(({ fn }) => routesFailuresTo(fn, key, rejectionIsLogged));
        });
      });
    }

    /** True when `node` holds a `throw` of its own function (not of a function nested in it). */
    function throwsOwn(node: TSESTree.Node): boolean {
      return someNodeInSameFunction(node, sourceCode.visitorKeys, (inner) => inner.type === AST_NODE_TYPES.ThrowStatement);
    }

    /**
     * True when `fn`, a function of the program taking an error option `name`, hands it every
     * failure: it is async, and each of its own `await`s, `for await` loops, returned calls and
     * `throw`s lies in the block of a `try` whose `catch` calls the option (`onError(error)`,
     * `options.onError?.(error)`); a rethrow in that `catch` only where `rethrowIsLogged`. `const
     * answer = await post(body); if (!answer.ok) onError(...); await markSent(id);` hands on only
     * a bad answer: the failed write still rejects.
     */
    function routesFailuresTo(fn: FunctionNode, name: string, rethrowIsLogged: () => boolean): boolean {
      if (!fn.async || fn.body.type !== AST_NODE_TYPES.BlockStatement) return false;
      const callsOption = (node: TSESTree.Node): boolean =>
        someNodeInSameFunction(node, sourceCode.visitorKeys, (inner) => {
          if (inner.type !== AST_NODE_TYPES.CallExpression) return false;
          const callee = skipTransparent(inner.callee);
          return callee.type === AST_NODE_TYPES.Identifier ? callee.name === name : callee.type === AST_NODE_TYPES.MemberExpression && staticMemberName(callee) === name;
        });
      const handedOn = (node: TSESTree.Node): boolean => {
        for (let child = node, parent = node.parent; parent && parent !== fn; child = parent, parent = parent.parent) {
          if (parent.type === AST_NODE_TYPES.TryStatement && parent.block === child && parent.handler && callsOption(parent.handler.body)) return true;
          // A rethrow after handing the error on (`catch (e) { onError(e); throw e; }`).
          if (parent.type === AST_NODE_TYPES.CatchClause && node.type === AST_NODE_TYPES.ThrowStatement && callsOption(parent.body) && rethrowIsLogged()) return true;
        }
        return false;
      };
      return !someNodeInSameFunction(fn.body, sourceCode.visitorKeys, (node) => {
        const fails =
          node.type === AST_NODE_TYPES.AwaitExpression ||
          node.type === AST_NODE_TYPES.ThrowStatement ||
          (node.type === AST_NODE_TYPES.ForOfStatement && node.await) ||
          (node.type === AST_NODE_TYPES.ReturnStatement && node.argument !== null && skipTransparent(node.argument).type === AST_NODE_TYPES.CallExpression);
        return fails && !handedOn(node);
      });
    }

    /**
     * `addUser(user, () => modal.hide())` where `addUser(user, cb)` is an async function of this
     * file that calls its `cb` parameter when it is done: the function offers both styles and the
     * caller chose the callback, so the dropped promise is not where it waits.
     */
    function passesCompletionCallback(call: TSESTree.CallExpression): boolean {
      const fn = effects.calledFunction(call);
      if (!fn) return false;
      return call.arguments.some((argument, index) => {
        const param = fn.params[index];
        if (!isFunctionNode(skipTransparent(argument)) || param?.type !== AST_NODE_TYPES.Identifier) return false;
        const variable = sourceCode.getDeclaredVariables(fn).find((candidate) => candidate.name === param.name);
        return (
          variable?.references.some((reference) => {
            const parent = reference.identifier.parent;
            return parent.type === AST_NODE_TYPES.CallExpression && parent.callee === reference.identifier;
          }) ?? false
        );
      });
    }

    /**
     * `send(request).then();`: a chain whose last link is a `.then()` without arguments. It looks
     * like a handling and handles nothing; reported even where a lost rejection only reaches a
     * console (UI code).
     */
    function endsInEmptyThen(statement: TSESTree.ExpressionStatement): boolean {
      const call = skipTransparent(statement.expression);
      return call.type === AST_NODE_TYPES.CallExpression && call.arguments.length === 0 && chainMethodName(call) === 'then';
    }

    /**
     * A statement after `statement` in its function's own body (or the program), at any level of
     * the blocks that hold it, calls `process.exit(...)`: the program ends there whether or not the
     * dropped work is done, and its failure is never printed.
     */
    function exitsLaterInFunction(statement: TSESTree.Node): boolean {
      if (!getSourceWords(context).has('exit')) return false;
      for (let current: TSESTree.Node = statement; current.parent && !isFunctionNode(current); current = current.parent) {
        const list = statementListOf(current.parent);
        if (!list) continue;
        const exiting = lastExitingStatement(list);
        if (exiting && exiting.range[0] > current.range[0]) return true;
      }
      return false;
    }

    /** The last statement of `list` that calls `process.exit(...)` at any depth, or null; once per list. */
    function lastExitingStatement(list: readonly TSESTree.Node[]): TSESTree.Node | null {
      let found = lastExiting.get(list);
      if (found === undefined) {
        found = list.findLast((candidate) => someNodeBelow(candidate, sourceCode.visitorKeys, isProcessExitCall)) ?? null;
        lastExiting.set(list, found);
      }
      return found;
    }

    /** Per statement list, `lastExitingStatement`: a long list is read once, however many drops it holds. */
    const lastExiting = new Map<readonly TSESTree.Node[], TSESTree.Node | null>();

    /**
     * The filters of the `ExpressionStatement` listener that look at the statement alone, not at its
     * floating parts: a deliberate comment; browser UI code and a React Native app's modules
     * (`inMobileApp`) outside a guarded `try` (an event handler
     * or effect starting an async action is its ordinary shape, and a rejection reaches the console,
     * not the end of a process; inside a `try` whose `catch` handles errors the author meant to
     * handle this one too, unless the drop follows an awaited step of that `try`:
     * `followsAwaitedStepInTry`); a top-level statement of a program whose unhandled rejection ends it, and
     * where the file installs no handler of its own, a case of a top-level `switch` or the work of
     * a plain function only the top level calls (`runsAsTopLevelCall`), when nothing runs after the
     * drop (`endsItsCommand`).
     * True: the statement is never reported.
     */
    function statementIsExcused(statement: TSESTree.ExpressionStatement): boolean {
      return (
        saysDeliberate(statement) ||
        (!checkUiCode &&
          (getWhereItRuns(context).runsInUi() || inMobileApp()) &&
          (!insideGuardedTry(statement) || followsAwaitedStepInTry(statement)) &&
          !endsInEmptyThen(statement)) ||
        // A maintainer's one-shot script, or any program run by hand once (an example, an admin
        // script, a task runner, a build-time plugin: `WhereItRuns.oneShotProgram`): a rejection
        // anywhere in it ends the run with the error printed and a non-zero exit code, as such a
        // program should fail; not inside a `try` meant to handle it, not where the program
        // installs a handler of its own (one that only logs lets it end with exit code 0), not
        // where the function exits after the drop.
        // Also a command of a command-line tool that ends the run itself (`WhereItRuns.endsRunAround`).
        ((getWhereItRuns(context).isMaintainerScript() || getWhereItRuns(context).oneShotProgram() !== null || getWhereItRuns(context).endsRunAround(statement)) &&
          !insideGuardedTry(statement) &&
          !getSourceWords(context).has('unhandledRejection') &&
          !getSourceWords(context).has('uncaughtException') &&
          !exitsLaterInFunction(statement)) ||
        ((isTopLevel(statement) || inTopLevelTryThatOnlyReports(statement)) && (getWhereItRuns(context).topLevelRejectionEndsProgram() || startsStartedModule(statement))) ||
        // A case of a top-level `switch`, or the work of a function only the top level calls; not
        // in a file that installs a handler of its own: one that only logs lets the command end
        // with exit code 0, and the rule cannot tell it from one that exits. (A top-level `try` that
        // only logs is another matter: the drop's rejection escapes that `catch` and still ends the
        // program, see `inTopLevelTryThatOnlyReports`.)
        ((inTopLevelSwitch(statement) || runsAsTopLevelCall(statement)) &&
          endsItsCommand(statement) &&
          !getSourceWords(context).has('unhandledRejection') &&
          !getSourceWords(context).has('uncaughtException') &&
          getWhereItRuns(context).topLevelRejectionEndsProgram())
      );
    }

    return {
      ExpressionStatement(statement) {
        if (statement.directive !== undefined && statement.directive !== null) return;
        const parts = floatingParts(statement.expression);
        if (parts.length === 0) return;
        if (statementIsExcused(statement)) return;
        // The first part that is an unhandled promise is the one judged and reported. With one
        // candidate, whether it can reject is asked last, after every other filter; with several,
        // the candidates are asked in order until one stands.
        let first: TSESTree.Node;
        let lastQuestion: (() => boolean) | null = null;
        if (parts.length === 1 && parts[0]) {
          first = parts[0].node;
          lastQuestion = parts[0].survives;
        } else {
          const standing = parts.find(partSurvives);
          if (!standing) return;
          first = standing.node;
        }
        if (first.type === AST_NODE_TYPES.CallExpression && decoratesHeldValue(first)) return;
        // Test code: a chain whose callbacks do the test's work (`save().then(() => { check();
        // done(); })`) hands a rejection to the runner, which fails the run. A call dropped as a
        // step of a promise-style test is still reported: the test goes on (or ends) without
        // waiting for it, so what it checks next may not see its effect, or its own assertion
        // never runs. Anywhere else in a test file (a helper of the file, a listener or an async
        // IIFE inside a test, a test that ends by calling `done`) the test's end does not wait on
        // the drop either way, and the runner reports a rejection as a failure.
        if (
          !checkTestCode &&
          getWhereItRuns(context).isTestCode() &&
          ((first.type === AST_NODE_TYPES.CallExpression && endsInCallbackChain(first)) || !getWhereItRuns(context).isPromiseTestStep(statement))
        ) {
          return;
        }
        // A module that exists only for the tests though it is no test file (`TestHarness`: a
        // fixture module a test loads, a helpers folder of a test folder, a test run's set-up or
        // launcher, the app a test drives): a lost rejection there fails a test run at worst.
        if (!checkTestCode && getTestHarness(context).evidence() !== null) return;
        if (first.type === AST_NODE_TYPES.CallExpression && (handsErrorToCallback(first) || handsErrorToOption(first, statement) || passesCompletionCallback(first))) return;
        // Code whose host logs a lost rejection and goes on (`WhereItRuns.hostLogsRejections`: an
        // editor extension, a browser extension's scripts, an Electron window's modules, an
        // Electron app's main process; in a module that imports its main-process API, inside an
        // async function's own body, see `hostLogsRejectionAt`): still reported where the drop
        // costs more than that (see `costsMoreThanHostLog`). Asked before the effect questions below:
        // whether the host logs is one answer per file, so most files pass this test at no cost.
        if (
          !checkUiCode &&
          hostLogsRejectionAt(statement) &&
          (!insideGuardedTry(statement) || sideStepOfTryThatOnlyLogs(statement)) &&
          !costsMoreThanHostLog(first, sourceCode, effects, promises.services ?? null)
        ) {
          return;
        }
        // A shutdown started from a signal listener, a teardown in `finally` or a rethrowing `catch`.
        if (!checkCannotReject && first.type === AST_NODE_TYPES.CallExpression && first === skipTransparent(statement.expression) && isOnTheWayOut(first, sourceCode, effects)) return;
        if (!checkCannotReject && startsOwnWorkInConstructor(statement, first)) return;
        // `tick(); setInterval(tick, ms);`: the first run of a task the same block hands to
        // `setInterval`, whose every later run is dropped the same way (see `firstRunOfInterval`).
        if (!checkCannotReject && first.type === AST_NODE_TYPES.CallExpression && first === skipTransparent(statement.expression) && firstRunOfInterval(first, statement, sourceCode)) return;
        // A loop that never returns started with the program (a worker's polling loop, from the
        // module's top level or its start-up routine): awaiting it would stop the start for good,
        // and where no reporter of the program swallows rejections, an error escaping it ends the
        // process with the error printed, as a failed start should. Not one started per
        // connection, request or message: a rejection there takes the server down for everyone.
        if (
          !checkCannotReject &&
          first.type === AST_NODE_TYPES.CallExpression &&
          first === skipTransparent(statement.expression) &&
          startsWithTheProgram(statement) &&
          effects.startsEndlessLoop(first) &&
          !programReportsRejectionsHere()
        ) {
          return;
        }
        if (!checkCannotReject && first.type === AST_NODE_TYPES.CallExpression && listensToHeldPromise(first)) return;
        // `main();` at the module's top level where the program's process-wide handler of
        // unhandled rejections is installed before it can reject (earlier at the top level, or
        // first thing in the called function: a shared entry helper that logs the reason and
        // exits). The rejection reaches that handler: it is the designed way out, not lost.
        if (
          !checkUnderGlobalHandler &&
          first.type === AST_NODE_TYPES.CallExpression &&
          first === skipTransparent(statement.expression) &&
          isTopLevel(statement) &&
          effects.rejectionReachesProcessHandler(first, statement)
        ) {
          return;
        }
        // An async function's drop in a program whose process handler logs a lost rejection and
        // goes on (`WhereItRuns.underProgramThatLogsRejections`: installed by the entry, a module
        // it loads, or, with no entry in view, any module of the program): the host-log reading
        // above, for the same reason. Still reported where the drop costs more than the log line
        // (`costsMoreThanHostLog`), where it serves a request or a job, in a `try` whose `catch`
        // does more than log or was written around the drop alone, in a teardown (`kill()`,
        // `close()`: its caller awaits it and then exits), as the last step of a function that
        // hands its caller a result or a failure on its other paths, in a `new Promise` executor that sets
        // no timer of its own (the drop may be what settles the wrapper, which then never
        // settles), and where it starts an endless loop (the handler logs its error, and the loop
        // has stopped for good). Without the checker's reading of
        // another package's API (`callsPackageApi`): under Node every library is another package,
        // so where a call is declared says nothing of what its loss costs, and the typed reading
        // keeps the untyped one's silences. The program's answer is asked first: it is kept per
        // file (the program scan per program root), and most programs install no such handler, so
        // their drops skip the scans of the function below.
        if (
          !checkUnderGlobalHandler &&
          getEnclosingAsyncFunction(statement) !== null &&
          // the host or the entry's own policy is read above, under `checkUiCode`
          !getWhereItRuns(context).hostLogsRejections() &&
          getWhereItRuns(context).underProgramThatLogsRejections() &&
          (!insideGuardedTry(statement) || sideStepOfTryThatOnlyLogs(statement)) &&
          !servesRequestOrJob(statement) &&
          !chainAnswersRequest(first, sourceCode) &&
          !inTeardown(statement) &&
          !lastStepOfReportingFunction(statement) &&
          !inExecutorWithoutOwnTimer(statement) &&
          !(first.type === AST_NODE_TYPES.CallExpression && effects.startsEndlessLoop(first)) &&
          !costsMoreThanHostLog(first, sourceCode, effects, null, getEnclosingAsyncFunction)
        ) {
          return;
        }
        // Can the promise reject at all (see `floatingParts`)? Asked after every filter above and
        // before the two below. Every filter only silences, so their order changes no answer; this
        // one costs the most where it answers that the promise can reject (the effect summaries of
        // the called functions, other modules parsed for them). The two filters below read the
        // program's own reporter (`programReportsRejections`: the program's source files, once per
        // program root), which costs more again in a program where no dropped promise can reject.
        if (lastQuestion && !lastQuestion()) return;
        // A program that installs its own unhandled-rejection reporter (one that does not end the
        // program), an Electron app's main process (Electron logs such a rejection and goes on), or
        // a worker thread whose parent listens for its `'error'` event: where nothing can receive the promise (see `runsWhereNothingAwaits`; not a
        // `try` meant to handle it, not test code, not code that serves a request or a job, not a
        // chain whose callback sends the answer: `event.reply(...)`) the reporter already does
        // what a `.catch(report)` would. The program's reporter is asked last of this filter:
        // whether the program installs one reads the program's source files
        // (`programReportsRejections`, once per program root), which a program none of whose
        // statements would be reported never needs.
        if (
          !checkUnderGlobalHandler &&
          runsWhereNothingAwaits(statement) &&
          !insideGuardedTry(statement) &&
          !getWhereItRuns(context).isTestCode() &&
          !servesRequestOrJob(statement) &&
          !chainAnswersRequest(first, sourceCode) &&
          ((getWhereItRuns(context).runsInElectronMain() && !costsMoreThanElectronLog(statement, first)) || programReportsRejectionsHere() || parentHearsWorkerErrorsHere())
        ) {
          return;
        }
        // The main process of an Electron app whose program installs its own reporter of
        // unhandled rejections (`electron-unhandled` set up by the entry, `process.on(
        // 'unhandledRejection', ...)`): also a start-up chain at the top level
        // (`app.whenReady().then(...)`) and a drop in a `.then` callback, which the reading above
        // leaves out (a callback that could have returned the promise), and in a main-process
        // module no static import links to the entry (a plugin loaded through a bundler's virtual
        // module). The reporter receives the rejection, and the app goes on. Not in a `try` meant to
        // handle it, not in code that serves a request, a job or an `ipcMain` listener (the window
        // waits for an answer), not in a `new Promise` executor that sets no timer (the drop may be
        // what settles the wrapper), not where the drop writes a file or starts a process.
        if (
          !checkUnderGlobalHandler &&
          (getWhereItRuns(context).runsInElectronMain() || getWhereItRuns(context).inElectronAppMain()) &&
          !insideGuardedTry(statement) &&
          !servesRequestOrJob(statement) &&
          !chainAnswersRequest(first, sourceCode) &&
          !inExecutorWithoutOwnTimer(statement) &&
          !costsMoreThanElectronLog(statement, first) &&
          programReportsRejectionsHere()
        ) {
          return;
        }
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
        if (first.type === AST_NODE_TYPES.ArrayExpression) {
          const all: TSESLint.SuggestionReportDescriptor<MessageIds>[] =
            single && getAwaitableFunction(statement) && isGlobal('Promise', statement)
              ? [{ messageId: 'suggestAwaitAll', fix: (fixer) => fixer.replaceText(expression, `await Promise.all(${sourceCode.getText(expression)})`) }]
              : [];
          context.report({ node: expression, messageId: 'floatingArray', suggest: all });
          return;
        }
        if (chain === 'then' && first === skipTransparent(expression)) {
          context.report({ node: expression, messageId: 'floatingChain', data: { method: chain }, suggest });
        } else {
          context.report({ node: expression, messageId: ignoreVoid ? 'floating' : 'floatingNoVoid', suggest });
        }
      },

      IfStatement: (node) => checkCondition(node.test),
      WhileStatement: (node) => checkCondition(node.test),
      DoWhileStatement: (node) => checkCondition(node.test),
      ForStatement: (node) => checkCondition(node.test),
      ConditionalExpression: (node) => checkCondition(node.test),

      VariableDeclarator(declarator) {
        if (declarator.id.type !== AST_NODE_TYPES.Identifier || !declarator.init) return;
        // Untyped, only these expressions can be promises; skip the scope work for the rest.
        const init = skipTransparent(declarator.init);
        if (!promises.typed && !UNTYPED_PROMISE_EXPRESSIONS.has(init.type)) return;
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
        const variable = declaredVariableNamed(sourceCode, declarator, name);
        if (!variable || variable.scope.type === 'global') return;
        // Any read may await, return, pass or chain it: only a promise nobody ever reads is reported.
        // (Loops, not closures: this runs for every declarator of the file.)
        for (const reference of variable.references) if (reference.identifier !== declarator.id) return;
        if (init.type === AST_NODE_TYPES.ArrayExpression ? !isPromiseArray(init) : !promises.isPromise(declarator.init)) return;
        context.report({ node: declarator.id, messageId: 'dangling', data: { name } });
      },
    };
  },
});
