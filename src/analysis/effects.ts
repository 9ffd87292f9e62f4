import path from 'node:path';
import { createRequire } from 'node:module';
import { AST_NODE_TYPES, type TSESLint, type TSESTree } from '@typescript-eslint/utils';
import type * as ts from 'typescript';
import {
  BUILT_IN_VALUE_CONSTRUCTORS,
  CACHED_READ_NAME,
  CLOCK_READS,
  CODE_EVALUATION_METHODS,
  CODE_TEXT_NAME,
  FILE_NAME_NAME,
  CONNECTION_LIFECYCLE_METHODS,
  ENV_LOADER_MODULES,
  ENV_LOADER_NAME,
  GUARD_CALL_NAME,
  ONE_ROW_READ,
  SIGNED_IN_READ_NAME,
  AUTH_OBJECT_NAME,
  KEYED_SESSION_READ_NAME,
  SIGNED_IN_REQUEST,
  SIGNED_IN_REQUEST_PART,
  FILE_READ_FUNCTIONS,
  FILE_SYSTEM_MODULES,
  FILE_SYSTEM_OBJECT_NAME,
  FILE_WRITE_FUNCTIONS,
  LOCK_METHODS,
  FINALIZING_STEP_NAME,
  MEMORY_PROMISE_IMPORTS,
  SYNC_VALUE_MODULES,
  RESULT_VALUE_CONSTRUCTORS,
  NEVER_REJECTING_APIS,
  CACHE_REVALIDATIONS,
  ERROR_EVENT_ONLY_PROMISIFIERS,
  MODULE_LOADER_NAMES,
  ORDERED_RESOURCE_CLASS_WORDS,
  ORDERED_RESOURCE_FACTORIES,
  ORDERED_RESOURCE_HANDLE_NAME,
  IN_MEMORY_COLLECTIONS,
  IN_MEMORY_PUBSUB_CLASSES,
  IN_MEMORY_PUBSUB_METHODS,
  KEYED_COLLECTIONS,
  COLLECTION_STATUS_METHODS,
  LOCAL_FILE_HELPER_NAME,
  LOCAL_PATH_ARGUMENT,
  MEMORY_METHODS,
  REQUEST_ARGUMENT_NAMES,
  REQUEST_STATE_GETTER,
  MEMOISED_INSTANCE_GETTER,
  SINGLETON_GETTER_NAMES,
  PACKAGE_INSTALL_NAME,
  PACKAGE_INSTALL_SUBCOMMANDS,
  PACKAGE_MANAGER_COMMANDS,
  PROCESS_MODULES,
  PROCESS_WRAPPER_FUNCTIONS,
  PROCESS_WRAPPER_MODULE,
  STORE_READ_METHODS,
  STORE_WRITE_METHODS,
  PROMPT_KIND_NAMES,
  SESSION_SWITCH_METHOD,
  PROMPT_METHODS,
  USER_DIALOG_METHOD,
  POOL_TYPE_NAMES,
  PROMPT_NAME,
  QUESTION_TEXT,
  SINGLE_CONNECTION_TYPE_NAME,
  PROMPT_MODULE_FILE,
  PROMPT_MODULES,
  PROGRESS_WRAPPER_NAME,
  SPINNER_NAME,
  SQLITE_STATEMENT_METHODS,
  STATEMENT_METHODS,
  TRANSACTION_NAMES,
  VALUE_METHODS,
  WEB_CRYPTO_QUICK_METHODS,
  CALLBACK_COLLECTION_MODULES,
  CALLBACK_EACH_METHODS,
  ERROR_CHANNEL_METHODS,
  STREAM_CLASS_NAME,
  EMITTER_CLASS_NAME,
} from '../catalog/effects';
import { COLLECTION_MUTATOR_METHODS, GIT_INDEX_WRITES, STORED_VALUE_READERS, GIT_REMOTE_FUNCTIONS, LOG_COLOUR_METHODS, LOG_WRITE_METHODS, LOGGER_NAMES, PURE_METHODS } from '../catalog/ordered-calls';
import { EXTENSION_API_GLOBALS, EXTENSION_API_MODULES, SQLITE_DRIVER_PACKAGES } from '../catalog/run-contexts';
import { REMOTE_CLIENT_NAME } from '../catalog/iteration-evidence';
import { enclosingClass, isNothing, isProcessExitCall, isTransparentWrapper, type PromiseCombinator, promiseCombinatorOf, requiredModule, skipTransparent, staticMemberName, staticMemberPath, variableOfIdentifier, writtenName } from '../util/ast';
import { getTypedServices } from '../util/typed-services';
import { type FunctionNode, isFunctionNode } from './async-context';
import { accessPathOf, assignmentTargets, forEachChild, rootOf } from './dependencies';
import { guardsEveryErrorFor, mayBeExtended, mayBeReplaced } from './call-throws';
import { handledWhereFilled, onlyRefuses, wrappedByRejectOf, wrappedByResolve } from './self-handled';
import { cannotRejectExports, compiledCatchesAll, declarationCatchesAll, type DeclarationLike, delayExports, signalledDelayExports } from './guarded-bodies';
import { declarationIsolatesListeners, isIsolatingEmitterMethod, isolatesListeners } from './listener-dispatch';
import { getImportSource, importedCallee, loadTypeScript } from './imports';
import { handlerLogs } from './rejection-reporters';
import { runsCallbackForResult } from './type-runners';
import { fromModuleText } from './module-exports';
import { getRelativeModules, resolveProjectModule, type ResolvedModule } from './module-resolution';
import { textImportsOf } from './source-imports';
import { calleesElsewhere, type FoundFunction, functionWithBodyAt, functionWithBodyIn, overridesOf, ownModule } from './other-modules';
import {
  bodyWaitsOnNothing,
  declaredFunctionBody,
  declaredFunctionParts,
  fromModuleFunction,
  type FunctionParts,
  moduleExportIsMemoisedComputation,
  moduleFunctionCachesOnArgument,
  moduleFunctionFinalizes,
  bodyRewritesStoredEntry,
  moduleFunctionRewritesStoredEntry,
  moduleFunctionRunsCommand,
  moduleFunctionWaitsOnNothing,
  moduleFunctionRunsForever,
  bodyRunsForever,
  moduleFunctionMayPrompt,
  moduleFunctionLoadsEnvFiles,
  moduleReadsOnlyEmbeddedStore,
  moduleFunctionReadsOnlyEmbeddedStore,
  namespaceExportModule,
  moduleFunctionWrittenParameters,
  moduleFunctionFixedFiles,
  type FixedFiles,
  instanceMethodState,
  type InstanceMethodState,
  bodyReturnsHandledPromise,
  moduleFunctionReturnsHandledPromise,
} from './module-functions';
import { type AnyRuleContext, perFile } from './per-file';
import { someNodeBelow, someNodeInSameFunction } from './walk';
import { getWhereItRuns } from './where-it-runs';
import { chainMethodName, checkerQuery, getPromiseAnalysis, hasRejectionHandler, type PromiseAnalysis } from './promises';

/** `ts.TypeFlags.Any | ts.TypeFlags.Unknown`, written out so untyped mode never loads `typescript`. */
const TYPE_FLAGS_ANY_OR_UNKNOWN = 3;

/** Is `node` declared inside `declare module '<name>' { ... }` or a subpath's (a package's types written in the program)? */
function insideAmbientModule(node: ts.Node, name: string): boolean {
  for (let parent = node.parent; parent; parent = parent.parent) {
    const moduleName = (parent as { name?: ts.Node }).name;
    if ('body' in parent && moduleName && /^['"]/.test(moduleName.getText()) && isModuleOrSubpath((moduleName as { text?: unknown }).text, name)) return true;
  }
  return false;
}

/** `swr` or a subpath of it (`swr/infinite`). */
function isModuleOrSubpath(specifier: unknown, name: string): boolean {
  return typeof specifier === 'string' && (specifier === name || specifier.startsWith(`${name}/`));
}

/** A call or `new` whose callee an effect summary describes. */
export type EffectCall = TSESTree.CallExpression | TSESTree.NewExpression;

/**
 * Something outside the called function that it changes:
 * - `argument`: a member of its `index`-th argument, or the argument mutated in place
 *   (`req.tx = trx`, `seen.add(key)`, `Object.assign(options, defaults)`);
 * - `this`: a member of the receiver (`this.cache = ...`, `this.items.push(x)`); `member` is the
 *   first member written, or null for `this` itself;
 * - `outer`: a binding declared outside the function (module state, a closure variable);
 * - `env`: `process.env` (assigned, or loaded by dotenv's `config()`);
 * - `file`: the file system (a write, `mkdir`, `rm`, a rename...); `argument` is the index of the
 *   called function's argument that the path is computed from, or null when the path does not
 *   come from an argument (a fixed file, the same for every call).
 */
export type WriteTarget =
  | { readonly kind: 'argument'; readonly index: number }
  | { readonly kind: 'this'; readonly member: string | null }
  | { readonly kind: 'outer' }
  | { readonly kind: 'env' }
  | { readonly kind: 'file'; readonly argument: number | null };

/**
 * What a called function does, as far as the evidence reaches. Rules switch on the fields.
 *
 * - `waits`: what the promise of a call waits for.
 *   - `memory`: nothing real: the function is not async and returns no promise of real work, or
 *     every `await` and `return` in it is of a value already at hand (a variable or field, a
 *     cached promise), `Promise.resolve(...)`, a request accessor (`MEMORY_PROMISE_IMPORTS`), a
 *     function of a built-in module that computes a value in place (`SYNC_VALUE_MODULES`:
 *     `path.basename(p)`), a result value of a functional library (`RESULT_VALUE_CONSTRUCTORS`:
 *     `E.right(user)`), or a
 *     call whose own summary waits on memory;
 *   - `cached`: the function answers from a value it keeps once it has one (see
 *     `servesCachedValue`: `if (this.client) return this.client;` first, a cache hit returned
 *     as `Promise.resolve(hit.value)` after a lookup, a memoised promise filled on a miss), or
 *     awaits only such calls and memory: after the first call it waits for nothing;
 *   - `files`: only the local file system (an `fs` call, a helper of this file that waits on nothing
 *     else, or a helper named for reading a local file and given a path, `LOCAL_FILE_HELPER_NAME`),
 *     or a browser extension's own browser (`browser.tabs.query()`, `chrome.storage.local.get()`,
 *     see `callsExtensionHost`), or an editor's workspace read (`workspace.openTextDocument(uri)`,
 *     see `readsEditorWorkspace`): a wait of microseconds to a few milliseconds, nothing worth
 *     overlapping on its own;
 *   - `io`: anything else (a call the summary cannot see into is assumed to wait on real I/O).
 * - `canReject`: false when a dropped promise of the call loses no error:
 *   - an async function whose statements are each a `try` whose `catch` does not rethrow (and
 *     awaits nothing that may reject), or contain no call, `new`, `await` or `throw` at all;
 *   - a non-async function whose every returned value is a chain ending in a rejection handler
 *     (`.catch(h)`, `.then(f, h)`), `Promise.allSettled(...)`, `Promise.resolve(...)`, a value that
 *     is not a call, or a call whose own summary cannot reject (a sync throw is not a rejection).
 * - `writes`: what it changes outside itself (see `WriteTarget`), its callees' writes included
 *   (an argument passed on to a callee that writes it counts as written).
 * - `readsFiles` / `readsEnv`: it reads the file system / `process.env`; loading a module at run
 *   time (`import(file)` of a computed path, `MODULE_LOADER_NAMES`) does both. A call named as an
 *   environment loader (`ENV_LOADER_NAME`, `loadEnv()`) writes `process.env` and reads files. A
 *   module loader also registers the module under the name it is given (a module graph, a
 *   require cache): that counts as a write of its first argument, so a later lookup by the same
 *   name waits for it.
 * - `startsProcess`: it starts a child process (`PROCESS_MODULES`, or a project's own wrapper
 *   package of them, `PROCESS_WRAPPER_MODULE`).
 * - `prompts`: it asks a person a question (`PROMPT_MODULES`, `PROMPT_METHODS`, functions of
 *   other modules named for asking (`PROMPT_NAME`: `askConfirm`) or given the text of a question
 *   (`QUESTION_TEXT`), and the exports of
 *   a relative import whose file is named for prompting, `PROMPT_MODULE_FILE`).
 * - `locks`: it takes a lock (`LOCK_METHODS`).
 * - `benchmarks`, `startsServer`, `loadsModule`, `checks`: see their fields.
 *
 * Evidence: untyped, the called function must be declared in this file and resolved by scope
 * (`promises.resolveCallee`: functions, `const` arrows, `this.method()` in the same class,
 * methods of `const` objects and of local classes); its own calls are followed the same way up
 * to `MAX_DEPTH` functions deep. Catalogued APIs (file system, child processes, prompts, dotenv)
 * are recognised through imports. A function that is its own callee (recursion) contributes
 * nothing more. With type information, the same holds for functions declared in this file; across
 * modules only "catches every error" is known (`importedCannotReject`).
 */
export interface EffectSummary {
  readonly waits: 'memory' | 'cached' | 'files' | 'io';
  readonly canReject: boolean;
  readonly writes: readonly WriteTarget[];
  readonly readsFiles: boolean;
  readonly readsEnv: boolean;
  readonly startsProcess: boolean;
  readonly prompts: boolean;
  readonly locks: boolean;
  /**
   * It benchmarks: it reads the clock (`Date.now()`, `performance.now()`, `process.hrtime()`)
   * inside a loop (`while (Date.now() < deadline) await run()`), so other work running beside it
   * would change what it measures. A single latency stamp around one call does not count.
   */
  readonly benchmarks: boolean;
  /**
   * It loads and evaluates a module at run time (`MODULE_LOADER_NAMES`, `import(file)` of a
   * computed path): the module's top-level code runs (registering tests, plugins, globals) in the
   * order of the loads.
   */
  readonly loadsModule: boolean;
  /**
   * It awaits a check before its work: a call named like a validation or an access check
   * (`GUARD_CALL_NAME`: `await checkAccess(...)`, `await validateInput(x)`), whose rejection
   * refuses the request. Work started beside it would run for a refused request.
   */
  readonly checks: boolean;
  /** It starts a server or listener (`server.listen(...)`, `createServer(...)`): later network calls may connect to it. */
  readonly startsServer: boolean;
  /**
   * It installs or removes packages (see `FileEffects.installsPackages`), itself or through a
   * function it calls: into one shared folder and manifest, one install at a time.
   */
  readonly installsPackages: boolean;
  /**
   * It switches a connection's keyspace, database or schema (`SESSION_SWITCH_METHOD`:
   * `await connection.changeKeyspace(ks)`), itself or through a function it calls: statements
   * sent on that connection afterwards run under the new state.
   */
  readonly switchesSession: boolean;
  /**
   * It writes a group of log lines around a pause of its own: a log call (a method other than
   * `debug`/`trace` of a receiver named `LOGGER_NAMES`, `console.log`, `this.log.info`) before
   * one of its own `await`s and another after it (`log.info('Fixing X'); await fix(); log.info('Fixed')`).
   * Calls run beside each other would interleave their groups of lines. Its own body only.
   * A terminal spinner counts as such a group (`SPINNER_NAME`: `spinner.start()`, an await,
   * `spinner.succeed()`), and so does an awaited progress wrapper that draws a line while the
   * action it is handed runs (`PROGRESS_WRAPPER_NAME`: `await logAsync(() => upload(f), messages)`).
   */
  readonly logsAroundPause: boolean;
  /**
   * It finalises state that earlier steps register: it calls a step named so
   * (`FINALIZING_STEP_NAME`: `await finalizeSchema()`), itself or through a function of this file,
   * or a function of a relative module whose declaration calls one (`FileEffects.finalizesElsewhere`:
   * `getParser()` of `./parser`, which finalises the schema that loading extensions filled). It
   * reads whatever the calls before it registered in module state, so it runs after them.
   */
  readonly finalizes: boolean;
  /**
   * The entries of a key-value store it reads under a key that does not come from its arguments,
   * waiting for the answer (`await this.storage.getItem(SIZE_KEY)`, `await store.get('total')`),
   * itself or through a function it calls; each as the store's text and the key's text
   * (`STORE_READ_METHODS`). See `updatesStoredEntry`.
   */
  readonly storedEntriesRead: readonly string[];
  /**
   * It reads one fixed entry of a store and writes back a value computed from what it read (a
   * count or a total kept in the store: `const size = await storage.getItem(SIZE_KEY); await
   * storage.setItem(SIZE_KEY, String(size - n))`; the read may be a helper's, `const size = await
   * this.currentSize()` where `currentSize` reads that entry), itself or through the functions it
   * calls. The read value must be held in a `const` that the written value reads: a memo filled
   * when the entry is missing (`if (!token) await store.set(KEY, await fetchToken())`) updates
   * nothing. Two calls running at once both read the old value and one update is lost.
   */
  readonly updatesStoredEntry: boolean;
  /**
   * The positions of its parameters that it calls and waits for (`await logic(ctx)`) or hands to
   * a call it waits for (`await this.runMiddleware(ctx, logic)`), in its own body. When the
   * caller hands it a function there (its own callback), each call runs that code and waits for it.
   */
  readonly parametersAwaitedThrough: readonly number[];
}

/** `ts.SymbolFlags.Class`; written out so untyped mode never loads `typescript`. */
const SYMBOL_FLAGS_CLASS = 1 << 5;

/** Calls that undo a transaction: `rollback()`, `rollbackTransaction(tx)`, `abortTransaction()`, `killTransaction(req)`. */
const ROLLBACK_NAME = /^(?:rollback(?:Transaction|Tx)?|(?:abort|kill|cancel)(?:Transaction|Tx))$/i;

/** The promise-based timers module: its timers reject only through an abort signal. */
const TIMER_PROMISE_MODULES: ReadonlySet<string> = new Set(['timers/promises', 'node:timers/promises']);
/** Modules whose `promisify` turns a Node-style callback API into a promise as `util.promisify` does. */
const PROMISIFY_MODULES: ReadonlySet<string> = new Set(['util', 'node:util', 'es6-promisify', '@google-cloud/promisify']);
/** Node's own `util`: its `promisify` reads a function's custom promise form (`setTimeout`'s is the one of `timers/promises`). */
const UTIL_MODULES: ReadonlySet<string> = new Set(['util', 'node:util']);

/** How many modules deep one "can it reject?" question follows calls into other modules (`cannotRejectElsewhere`). */
const MAX_CROSSINGS = 4;
/** How many modules deep the question being answered is now. */
let crossings = 0;

/** Is `node` written in an async function (the nearest function around it is async)? False at a module's top level. */
function inAsyncFunction(node: TSESTree.Node): boolean {
  for (let current = node.parent; current; current = current.parent) {
    if (isFunctionNode(current)) return current.async;
  }
  return false;
}

/** How many functions deep a summary follows local calls (the caller is depth 1). */
const MAX_DEPTH = 4;

const IO: EffectSummary = {
  waits: 'io',
  canReject: true,
  writes: [],
  readsFiles: false,
  readsEnv: false,
  startsProcess: false,
  prompts: false,
  locks: false,
  benchmarks: false,
  startsServer: false,
  loadsModule: false,
  checks: false,
  installsPackages: false,
  switchesSession: false,
  logsAroundPause: false,
  finalizes: false,
  storedEntriesRead: [],
  updatesStoredEntry: false,
  parametersAwaitedThrough: [],
};

/** A catalogued API call's effect, from its import (or a readline-like method name). */
type ApiEffect = 'fileWrite' | 'fileRead' | 'process' | 'prompt' | 'lock' | 'memory' | 'compute' | 'cachedRead' | 'envLoad' | 'moduleLoad' | 'hostCall' | null;

/**
 * Reads of the editor's workspace by the VS Code API (below `workspace.`): a document the editor
 * opens. Not `findFiles` (a search of the whole workspace) nor `workspace.fs` (remote in a remote
 * or virtual workspace).
 */
const EDITOR_WORKSPACE_READS: ReadonlySet<string> = new Set(['openTextDocument']);

/** The last camelCase word of a class name is an ordered-resource word (`PostgresConnection`). */
const ORDERED_CLASS = new RegExp(`(?:^|[a-z0-9])(?:${ORDERED_RESOURCE_CLASS_WORDS.join('|')})$`);

/**
 * Effect summaries of the called functions of one file (see `EffectSummary`). Lazy: a function is
 * summarised when a rule first asks about a call of it, once per file.
 */
export class FileEffects {
  private readonly promises: PromiseAnalysis;
  private readonly sourceCode: Readonly<TSESLint.SourceCode>;
  /** Each function's summary with the depth it was computed at (a shallower one saw further). */
  private readonly summaries = new Map<FunctionNode, { summary: EffectSummary; depth: number }>();
  private readonly thisReads = new Map<FunctionNode, ReadonlySet<string> | 'all'>();
  /** `authenticates` of a function of this file, by its node: a helper awaited from many places is read once. */
  private readonly refusesAnonymous = new Map<FunctionNode, boolean>();
  private readonly inProgress = new Set<FunctionNode>();
  /** Per class: each `this` field and the values the class assigns to it (see `fieldValues`). */
  private readonly classFieldValues = new Map<TSESTree.Node, ReadonlyMap<string, readonly TSESTree.Node[]>>();
  private readonly classResources = new Map<TSESTree.Node, boolean>();
  private readonly context: AnyRuleContext;
  /** Per class declaration (typed): does it reach the database only through a pool (`usesPool`)? */
  private readonly poolClasses = new Map<ts.Node, boolean>();
  /** Per relative specifier: the exports of that module that catch every error (null: unreadable). */
  private readonly catchAllExports = new Map<string, ReadonlySet<string> | null>();
  /** `delayExports` of each relative module a call of this file imports from, by specifier. */
  private readonly delayExportsByModule = new Map<string, ReadonlySet<string> | null>();
  /** `signalledDelayExports` per imported module specifier (null: not resolved or not read). */
  private readonly signalledDelaysByModule = new Map<string, ReadonlyMap<string, number> | null>();
  /** Per relative specifier and name: `waitsOnNothingElsewhere`'s answer. */
  private readonly idleImports = new Map<string, boolean>();
  /** Per relative specifier and name: `reachesRemoteElsewhere`'s answer. */
  private readonly remoteImports = new Map<string, boolean | null>();
  /** Per local function: for each parameter, the first method its body calls on it (`ctx.request(...)`: `request`), or null. */
  private readonly parameterMethods = new Map<FunctionNode, readonly (string | null)[]>();

  /** Per local function and returned property (`''`: the value itself): `returnsFromArguments`'s answer. */
  private readonly argumentResults = new Map<FunctionNode, Map<string, boolean>>();

  /** Typed: per declaration the checker resolved a call to, `declarationIsolatesListeners`'s answer. */
  private readonly isolatingDeclarations = new Map<object, boolean>();

  constructor(context: AnyRuleContext) {
    this.context = context;
    this.sourceCode = context.sourceCode;
    this.promises = getPromiseAnalysis(context);
  }

  /**
   * True when the call invokes a function of another module that is `async` and catches every
   * error of its own body, or is async in name only (see `guarded-bodies.ts`), so a dropped
   * promise of it loses nothing. Typed: the one declaration of the callee's signature, wherever
   * the checker finds it (overloads: false). Untyped: `f()` / `ns.f()` imported from a relative
   * module whose text exports `f` so, or as a plain function returning a resolve-only
   * `new Promise((resolve) => ...)` (`resolveOnlyPromiseExports`; untyped only).
   * Same-file functions are `summaryOf`'s (`canReject`).
   */
  importedCannotReject(call: EffectCall): boolean {
    const services = getTypedServices(this.context);
    if (services) return typedCatchesAll(services, call.callee, this.isolatingDeclarations);
    const imported = importedCallee(call.callee, (identifier) => variableOfIdentifier(this.sourceCode, identifier));
    if (!imported) return false;
    let names = this.catchAllExports.get(imported.module);
    if (names === undefined) {
      const resolved = getRelativeModules(this.context).resolve(imported.module);
      names = resolved ? fromModuleText(resolved.file, 'cannotRejectExports', cannotRejectExports, resolved.stats) : null;
      this.catchAllExports.set(imported.module, names);
    }
    if (names?.has(imported.name)) return true;
    // `sleep(500)` of a delay that takes an optional abort signal it is not handed.
    let signalled = this.signalledDelaysByModule.get(imported.module);
    if (signalled === undefined) {
      const resolved = getRelativeModules(this.context).resolve(imported.module);
      signalled = resolved ? fromModuleText(resolved.file, 'signalledDelayExports', signalledDelayExports, resolved.stats) : null;
      this.signalledDelaysByModule.set(imported.module, signalled);
    }
    const index = signalled?.get(imported.name);
    return index !== undefined && call.arguments.length <= index && !call.arguments.some((argument) => argument.type === AST_NODE_TYPES.SpreadElement);
  }

  /**
   * Typed: a call of an `async` function or method of the program, declared outside this file
   * (same-file functions are `summaryOf`'s), that, for the arguments this call passes, cannot
   * throw outside its own quiet `try`/`catch` (`guardsEveryErrorFor`: `this.output.post('restarted')`
   * where `post` escapes its text line and posts it inside a guard that logs a failure). Not a
   * method that a class of the program may override (`mayBeExtended`): the checker names the
   * declared class's method, a subclass's may be what runs; nor a property of an object literal
   * that set-up code may replace (`mayBeReplaced`: `commands.runNamed`). Not part of any effect summary: only
   * `no-floating-promises` asks it, for a dropped call it is about to report.
   */
  guardsEveryErrorTyped(call: TSESTree.Node): boolean {
    const services = getTypedServices(this.context);
    if (!services || call.type !== AST_NODE_TYPES.CallExpression || this.calledFunction(call) !== null) return false;
    return checkerQuery(false, () => {
      const node = services.esTreeNodeToTSNodeMap.get(call) as ts.CallExpression;
      const checker = services.program.getTypeChecker();
      const declaration = checker.getResolvedSignature(node)?.getDeclaration();
      if (!declaration || mayBeReplaced(checker, node.expression) || !guardsEveryErrorFor(services.program, node, declaration)) return false;
      return !mayBeExtended(services.program, declaration);
    });
  }

  /**
   * Typed: `await tracer.trace('renew', async (span) => { try {...} catch (e) { emit(e) } })`: a call
   * of a runner declared to settle with what the one function written in its arguments returns
   * (`runsCallbackForResult`: `trace<T>(run: () => Promise<T>): Promise<T>`), when that function
   * cannot reject. The author made the callback the boundary of its errors; a failure of the runner
   * itself (tracing, a span) is not visible here and not the lost task a rule reports. False untyped.
   */
  private runsCatchingCallback(call: EffectCall, depth: number): boolean {
    const services = getTypedServices(this.context);
    if (!services || call.type !== AST_NODE_TYPES.CallExpression || depth > MAX_DEPTH) return false;
    const functions = call.arguments.filter((argument) => isFunctionNode(argument));
    const [run] = functions;
    if (functions.length !== 1 || !run || !isFunctionNode(run) || this.inProgress.has(run)) return false;
    if (this.summarise(run, depth + 1).canReject) return false;
    return runsCallbackForResult(services, call, call.arguments.indexOf(run));
  }

  /**
   * True when `expression` is a delay: a promise that only waits and then resolves. Recognised:
   * `new Promise((resolve) => setTimeout(resolve, ms))` (the global `Promise`, an executor that
   * only starts a timer); `setTimeout(ms)` / `setImmediate()` of `timers/promises` under any
   * local name, without an options object that may carry an abort `signal` (an object literal
   * without `signal` counts as none); a call of a non-async function of this file whose only
   * result is such a delay (`const sleep = (ms) => new Promise((r) => setTimeout(r, ms))`), or of
   * a function a relative module exports so (`import { sleep } from './utils'`: `delayExports`,
   * read from the module's text once per file, typed or not; `signalledDelayExports` when the
   * call passes no abort signal); a `const` initialised with one of those (`holdsDelay`).
   * A delay cannot reject, but a dropped one is a forgotten `await`, so `valueCanReject` keeps
   * answering "may reject" for the delay itself; an `await` of one inside a summarised function
   * rejects nothing (see `mayRejectIn`).
   */
  isDelay(expression: TSESTree.Node): boolean {
    const node = skipTransparent(expression);
    if (node.type === AST_NODE_TYPES.Identifier) return this.holdsDelay(node);
    if (node.type === AST_NODE_TYPES.NewExpression) return this.isDelayPromise(node);
    if (node.type !== AST_NODE_TYPES.CallExpression) return false;
    if (this.isUnsignalledTimer(node) || this.isPromisifiedTimer(node)) return true;
    const fn = this.calledFunction(node);
    if (!fn) return this.isImportedDelay(node);
    if (fn.async) return false;
    let result: TSESTree.Node | null = null;
    if (fn.body.type !== AST_NODE_TYPES.BlockStatement) result = fn.body;
    else if (fn.body.body.length === 1 && fn.body.body[0]?.type === AST_NODE_TYPES.ReturnStatement) result = fn.body.body[0].argument;
    const value = result ? skipTransparent(result) : null;
    return value?.type === AST_NODE_TYPES.NewExpression && this.isDelayPromise(value);
  }

  /**
   * `warmUp.then(() => { timeout = short; })` where `const warmUp = new Promise((resolve) =>
   * setTimeout(resolve, ms))`: a `const` (one definition, a plain name) whose initializer is a
   * delay (not another name: one step).
   */
  private holdsDelay(name: TSESTree.Identifier): boolean {
    const variable = variableOfIdentifier(this.sourceCode, name);
    const definition = variable?.defs.length === 1 ? variable.defs[0] : undefined;
    if (definition?.type !== 'Variable' || definition.parent.kind !== 'const' || definition.node.id.type !== AST_NODE_TYPES.Identifier || !definition.node.init) return false;
    const init = skipTransparent(definition.node.init);
    return init.type !== AST_NODE_TYPES.Identifier && this.isDelay(init);
  }

  /** `sleep(ms)` / `utils.sleep(ms)` imported from a module of the project (relative or aliased) that exports `sleep` as a delay (`delayExports`). */
  private isImportedDelay(call: TSESTree.CallExpression): boolean {
    const imported = importedCallee(call.callee, (identifier) => variableOfIdentifier(this.sourceCode, identifier)) ?? this.wholeModuleCalled(call);
    if (!imported) return false;
    let names = this.delayExportsByModule.get(imported.module);
    if (names === undefined) {
      const resolved = getRelativeModules(this.context).resolve(imported.module);
      names = resolved ? fromModuleText(resolved.file, 'delayExports', delayExports, resolved.stats) : null;
      this.delayExportsByModule.set(imported.module, names);
    }
    if (!names) return false;
    // A default import of a module that assigns `module.exports` gets that value.
    return names.has(imported.name) || (imported.name === 'default' && names.has('module.exports'));
  }

  /**
   * `pause(ms)` where `const pause = require('./pause')`: a call of a whole module, which is the
   * module's `module.exports` (a module that exports a function so). Also `import * as pause from
   * './pause'`, which TypeScript without `esModuleInterop` compiles to that same `require`, so the
   * call works there (an ES namespace cannot be called: no call to match elsewhere). Null for any
   * other callee.
   */
  private wholeModuleCalled(call: TSESTree.CallExpression): { module: string; name: string } | null {
    const callee = skipTransparent(call.callee);
    if (callee.type !== AST_NODE_TYPES.Identifier) return null;
    const variable = variableOfIdentifier(this.sourceCode, callee);
    const source = variable ? getImportSource(variable) : null;
    return source?.imported === '*' ? { module: source.module, name: 'module.exports' } : null;
  }

  /** `new Promise((resolve) => setTimeout(resolve, ms))` with the global `Promise`. */
  private isDelayPromise(node: TSESTree.NewExpression): boolean {
    const callee = skipTransparent(node.callee);
    if (callee.type !== AST_NODE_TYPES.Identifier || callee.name !== 'Promise' || !this.isGlobal(callee)) return false;
    const executor = node.arguments[0] ? skipTransparent(node.arguments[0]) : null;
    return executor !== null && isFunctionNode(executor) && !executor.async && isDelayExecutor(executor);
  }

  /**
   * `promisify(process.nextTick)()`, `promisify(setImmediate)()`, `promisify(setTimeout)(ms)`, with
   * the `promisify` of `util` or of a package that copies it (`PROMISIFY_MODULES`), also a `const`
   * holding one (`const nextTick = promisify(process.nextTick)`): the global timer calls back with
   * no error, so the promise only resolves, a tick or `ms` later. Only where the call's arguments
   * keep it so: `util` hands `setTimeout` / `setImmediate` to the timers of `timers/promises`, which
   * reject through an options object's abort `signal` (`hasNoSignalOptions`); a copy does not, and
   * calls `setTimeout(50, callback)`, which throws, so only `nextTick()` / `setImmediate()` with no
   * arguments are delays there; `nextTick(x)` calls `nextTick(x, callback)`, which throws too.
   */
  private isPromisifiedTimer(call: TSESTree.CallExpression): boolean {
    let made = skipTransparent(call.callee);
    if (made.type === AST_NODE_TYPES.Identifier) {
      const variable = variableOfIdentifier(this.sourceCode, made);
      const definition = variable?.defs.length === 1 ? variable.defs[0] : undefined;
      if (definition?.type !== 'Variable' || definition.parent.kind !== 'const' || !definition.node.init) return false;
      made = skipTransparent(definition.node.init);
    }
    if (made.type !== AST_NODE_TYPES.CallExpression || made.arguments.length !== 1) return false;
    const imported = importedCallee(made.callee, (identifier) => variableOfIdentifier(this.sourceCode, identifier));
    if (!imported || imported.name !== 'promisify' || !PROMISIFY_MODULES.has(imported.module)) return false;
    const timer = this.promisifiedTimerName(made.arguments[0] as TSESTree.Node);
    if (timer === null) return false;
    if (timer === 'nextTick' || !UTIL_MODULES.has(imported.module)) return timer !== 'setTimeout' && call.arguments.length === 0;
    return hasNoSignalOptions(call, timer === 'setTimeout' ? 2 : 1);
  }

  /** `setTimeout` / `setImmediate` (globals) or `process.nextTick` (of the global `process`): its name; else null. */
  private promisifiedTimerName(argument: TSESTree.Node): 'setTimeout' | 'setImmediate' | 'nextTick' | null {
    const timer = skipTransparent(argument);
    if (timer.type === AST_NODE_TYPES.Identifier) return (timer.name === 'setTimeout' || timer.name === 'setImmediate') && this.isGlobal(timer) ? timer.name : null;
    if (timer.type !== AST_NODE_TYPES.MemberExpression || staticMemberName(timer) !== 'nextTick') return null;
    const owner = skipTransparent(timer.object);
    return owner.type === AST_NODE_TYPES.Identifier && owner.name === 'process' && this.isGlobal(owner) ? 'nextTick' : null;
  }

  /**
   * `setTimeout(ms)` / `setImmediate()` of `timers/promises` (any local name: `sleep(250)`)
   * without an options object that may carry an abort `signal`: the timer only resolves.
   */
  isUnsignalledTimer(call: TSESTree.CallExpression): boolean {
    const imported = importedCallee(call.callee, (identifier) => variableOfIdentifier(this.sourceCode, identifier));
    if (!imported || !TIMER_PROMISE_MODULES.has(imported.module)) return false;
    const optionsIndex = imported.name === 'setTimeout' ? 2 : imported.name === 'setImmediate' ? 1 : -1;
    return optionsIndex !== -1 && hasNoSignalOptions(call, optionsIndex);
  }

  /**
   * The members of `this` whose stored value the method a call of this file invokes uses in its
   * own body, including arrow functions inside it, which share its `this` (see `usesStoredValue`:
   * `for (const item of this.pending)`, `this.queue.shift()`, `this.tasks.onIdle()`,
   * `this.cache.get(key)`, `[...this.items]`): the other half of a write summary's `this` members,
   * so that `await this.scan()` (filling `this.pending`) then `await this.process()` (draining it)
   * are seen to depend on each other. Bookkeeping reads are none: a counter's value, a size check
   * (`this.log.length > 100`), a value handed to a logging call (`console.debug(this.calls)`).
   * - `'all'`: it hands `this` itself on (`register(this)`, `const self = this`), or reads it
   *   by a computed key: any member may be read;
   * - null: the called function is not resolved in this file (then nothing is known).
   * A nested `function` or class has a `this` of its own and is not read.
   */
  thisMembersReadBy(call: EffectCall): ReadonlySet<string> | 'all' | null {
    const fn = this.calledFunction(call);
    if (!fn?.body) return null;
    const known = this.thisReads.get(fn);
    if (known !== undefined) return known;
    const members = new Set<string>();
    let all = false;
    const visit = (node: TSESTree.Node): void => {
      if (all) return;
      if (
        node.type === AST_NODE_TYPES.FunctionExpression ||
        node.type === AST_NODE_TYPES.FunctionDeclaration ||
        node.type === AST_NODE_TYPES.ClassBody
      ) {
        return;
      }
      if (node.type === AST_NODE_TYPES.ThisExpression) {
        const parent = node.parent;
        const name = parent?.type === AST_NODE_TYPES.MemberExpression && parent.object === node ? staticMemberName(parent) : null;
        if (name === null) all = true;
        else if (parent?.type === AST_NODE_TYPES.MemberExpression && usesStoredValue(parent)) members.add(name);
        return;
      }
      forEachChild(node, this.sourceCode.visitorKeys, visit);
    };
    forEachChild(fn.body, this.sourceCode.visitorKeys, visit);
    const result = all ? 'all' : members;
    this.thisReads.set(fn, result);
    return result;
  }

  /** The function of this file a call invokes, when scope analysis proves which (else null). */
  /**
   * True when the called function (of this file, or a function a relative module declares, see
   * `bodyReturnsHandledPromise`) returns a promise on which it has itself put a rejection handler
   * (`job.promise.catch(() => {}).finally(cleanup); return job.promise`): held by the caller while
   * it awaits something else, its rejection is never unhandled.
   */
  returnsHandledPromise(call: EffectCall): boolean {
    const fn = this.calledFunction(call);
    if (fn) return fn.body.type === AST_NODE_TYPES.BlockStatement && bodyReturnsHandledPromise(this.sourceCode.text.slice(fn.body.range[0], fn.body.range[1]), this.sourceCode.text);
    if (call.type === AST_NODE_TYPES.NewExpression) return false;
    const imported = importedCallee(call.callee, (identifier) => variableOfIdentifier(this.sourceCode, identifier));
    const resolved = imported ? getRelativeModules(this.context).resolve(imported.module) : null;
    return imported !== null && resolved !== null && moduleFunctionReturnsHandledPromise(resolved, imported.name);
  }

  calledFunction(call: EffectCall): FunctionNode | null {
    if (call.type === AST_NODE_TYPES.NewExpression) return null;
    const callee = skipTransparent(call.callee);
    if (isFunctionNode(callee)) return callee;
    if (callee.type !== AST_NODE_TYPES.Identifier && callee.type !== AST_NODE_TYPES.MemberExpression) return null;
    return this.promises.resolveCallee(callee);
  }

  /**
   * True when what the called function of this file returns (`property` null), or the property
   * `property` of the object it returns, is computed from its parameters alone: every `return`
   * of its own body gives an object literal with that property (or, for null, any value) whose
   * value reads only parameters, literals, `const` locals computed so, and pure arithmetic
   * (`Math.round(timestamp / 1000)`, `String(id)`, `parseInt(x, 10)`), never an awaited or
   * fetched value. `const { tasks, rTimestamp } = await delayedAt(timestamp)`: `rTimestamp` is a
   * function of the argument, so a store keyed by it is keyed by the item. False when the
   * function is not found or any return is something else.
   */
  returnsFromArguments(call: EffectCall, property: string | null): boolean {
    const fn = this.calledFunction(call);
    if (!fn) return false;
    let perFunction = this.argumentResults.get(fn);
    if (!perFunction) this.argumentResults.set(fn, (perFunction = new Map()));
    const key = property ?? '';
    let answer = perFunction.get(key);
    if (answer === undefined) {
      answer = computedFromParameters(fn, property, this.sourceCode.visitorKeys);
      perFunction.set(key, answer);
    }
    return answer;
  }

  /**
   * What the function a call invokes does (see `EffectSummary`), or null when neither the file
   * nor the API catalogue says (an import from another module, a parameter, a method of an
   * unknown object).
   */
  summaryOf(call: EffectCall): EffectSummary | null {
    return this.summaryAt(call, 1);
  }

  /**
   * True when the call installs or removes packages: its arguments name a package manager's
   * install command (`runProcess('npm', ['install', dep])`, see `namesPackageInstall`), it is named
   * for installing (`PACKAGE_INSTALL_NAME`: `installExtension(name, args, config)`, wherever it is
   * defined), or the function of this file it invokes does one of these (`EffectSummary.installsPackages`).
   */
  installsPackages(call: EffectCall): boolean {
    const callee = skipTransparent(call.callee);
    const name =
      callee.type === AST_NODE_TYPES.Identifier ? callee.name : callee.type === AST_NODE_TYPES.MemberExpression ? staticMemberName(callee) : null;
    if (name !== null && PACKAGE_INSTALL_NAME.test(name)) return true;
    return namesPackageInstall(call) || this.summaryOf(call)?.installsPackages === true;
  }

  /**
   * True when the call switches a connection's keyspace, database or schema
   * (`SESSION_SWITCH_METHOD`: `client.useDatabase(name)`), or the function of this file it invokes
   * does, itself or through its own calls (`EffectSummary.switchesSession`: a helper that borrows
   * a connection and changes its keyspace before preparing statements on it).
   */
  switchesSession(call: EffectCall): boolean {
    const callee = skipTransparent(call.callee);
    const method = callee.type === AST_NODE_TYPES.MemberExpression ? staticMemberName(callee) : null;
    if (method !== null && SESSION_SWITCH_METHOD.test(method)) return true;
    return this.summaryOf(call)?.switchesSession === true;
  }

  /**
   * True when the call invokes a function of a relative module that waits on nothing, by the text
   * of its declaration there (`moduleFunctionWaitsOnNothing`: no awaited call, no `.then`, no
   * returned call): `makeLabel()` imported from `./labels`, `helpers.greetingFor(l)` of a namespace
   * import, `Tokenizer.shared().splitWords(s)` where the module of `Tokenizer` declares `splitWords`
   * so. The function is looked up by the name called: the imported name for a direct call, the
   * last member for a method. False for this file's functions (see `summaryOf`), for other
   * packages and for modules that cannot be read. Typed: the declaration the checker resolves the
   * callee to (`typedDeclaration`), in any file of the program, methods of typed receivers included.
   */
  waitsOnNothingElsewhere(call: EffectCall): boolean {
    const declared = this.typedDeclaration(call);
    if (declared) return this.typedAnswer(declared, 'waitsOnNothing', () => bodyWaitsOnNothing(declared.parts.body, declared.text, declared.file));
    const target = this.relativeModuleFunction(call);
    if (target === null) return false;
    const key = `${target.module}\0${target.name}`;
    let answer = this.idleImports.get(key);
    if (answer === undefined) {
      answer = target.file !== null && moduleFunctionWaitsOnNothing(target.file, target.name);
      this.idleImports.set(key, answer);
    }
    return answer;
  }

  /**
   * True when `identifier` is bound to an import of a relative module (or a package of the
   * workspace) whose own imports include a package that `isRemote` accepts: a data-access module
   * (`const User = require('../models/User')` where that module requires `mongoose`; a service
   * module over `axios`; `../lib/database` over `pg`). Its exports are how this file reaches that
   * service. Read once per version of the module (`textImportsOf`).
   */
  importsFromRemoteModule(identifier: TSESTree.Identifier, isRemote: (specifier: string) => boolean): boolean {
    const imported = this.importedBinding(identifier);
    if (imported === null || imported.file === null) return false;
    return (textImportsOf(imported.file) ?? []).some((load) => load.kind !== 're-export' && isRemote(load.specifier));
  }

  /**
   * True when the call is a method of an object a module of the project makes from a client of a
   * remote service (`db.one(sql)` with `db` imported from `./db`, which declares `export const db =
   * pgp(url)`), or invokes a function of a module of the project (relative or aliased, see
   * `relativeModuleFunction`) whose body, by the text of its declaration there, calls the global
   * `fetch` or uses a name that the declaring module (past an index's re-exports) imports from a
   * client package of a remote service or from a module of the project over one (`isRemote`:
   * `pool.query(...)` with `pool` from `pg`, `s3.send(...)`, `const { rawQuery } = prisma;`:
   * `bodyUsesRemote`). That body and at most `MAX_SAME_MODULE_CALLEES` functions of the same
   * module it calls are read; false when the declaration is not found.
   */
  reachesRemoteElsewhere(call: EffectCall, isRemote: (specifier: string) => boolean): boolean {
    return this.remoteWaitElsewhere(call, isRemote) ?? false;
  }

  /**
   * `reachesRemoteElsewhere`'s answer, or null when the called function's declaration is not found
   * (a package's function, an export made by a call that is not a wrapped function: `withRetry(load)`,
   * `client.get.bind(client)`): then its body says nothing, and the caller asks what else it knows.
   * A body wrapped in a call (`export const getPost = cache(async (id) => db.post.findUnique(...))`)
   * is that function's own.
   */
  remoteWaitElsewhere(call: EffectCall, isRemote: (specifier: string) => boolean): boolean | null {
    const target = this.relativeModuleFunction(call);
    if (target === null || target.file === null) return null;
    // `db.one(sql)` with `db` imported from a module that makes it from a remote client (`export const db = pgp(url)`).
    let root: TSESTree.Node = skipTransparent(call.callee);
    while (root.type === AST_NODE_TYPES.MemberExpression || root.type === AST_NODE_TYPES.CallExpression) {
      root = skipTransparent(root.type === AST_NODE_TYPES.MemberExpression ? root.object : root.callee);
    }
    if (root !== skipTransparent(call.callee) && root.type === AST_NODE_TYPES.Identifier) {
      const imported = this.importedBinding(root)?.source.imported;
      if (imported !== undefined && remoteNamesOf(target.file, isRemote).includes(imported)) return true;
    }
    const key = `${target.module}\0${target.name}`;
    let answer = this.remoteImports.get(key);
    if (answer === undefined) {
      const file = target.file;
      answer = fromModuleFunction(
        file,
        target.name,
        'reachesRemote',
        ({ body }, text, declaring) => {
          // The names of the module that declares the function (past an index's `export * from`),
          // and the project's clients it imports by their name (`import { pool } from './pool'`).
          const names = [...remoteNamesOf(declaring, isRemote), ...clientNamesImportedBy(declaring)];
          if (bodyUsesRemote(body, names)) return true;
          // One step into the functions of that module the body calls (`getUTM` dispatching to its
          // own `relationalQuery` / `clickhouseQuery`), a few at most.
          let read = 0;
          for (const match of body.matchAll(/(?<![\w$.])([A-Za-z_$][\w$]*)\s*\(/g)) {
            const callee = match[1];
            if (callee === undefined || callee === target.name || names.includes(callee) || read >= MAX_SAME_MODULE_CALLEES) continue;
            const inner = declaredFunctionBody(text, callee);
            if (inner === null) continue;
            read += 1;
            if (bodyUsesRemote(inner, names)) return true;
          }
          return false;
        },
        { throughWrapper: true },
      );
      this.remoteImports.set(key, answer);
    }
    return answer;
  }

  /**
   * True when the call starts a function that never returns once started (`bodyRunsForever`: its
   * body ends in `while (true) { ... }` / `for (;;) { ... }` with no `break` or `return`): an
   * `async` function of this file, the declaration the checker resolves the callee to (typed), or
   * a function of a relative module by its text. A worker's polling loop is such a function: its
   * promise settles only by rejecting, and awaiting it would stop the caller for good.
   */
  startsEndlessLoop(call: EffectCall): boolean {
    const fn = this.calledFunction(call);
    if (fn) return fn.async && fn.body.type === AST_NODE_TYPES.BlockStatement && bodyRunsForever(this.sourceCode.getText(fn.body));
    const declared = this.typedDeclaration(call);
    if (declared) return bodyRunsForever(declared.parts.body);
    const target = this.relativeModuleFunction(call);
    return target?.file != null && moduleFunctionRunsForever(target.file, target.name);
  }

  /**
   * Typed: the one declaration with a body the checker resolves the call's callee to, in a file of
   * the program that is not a declaration file (a function or method of any module, `this.store.load()`
   * of a field's class as well as an import): its parameter list and body text, and its file's
   * text. Null when there is none (several signatures, a `.d.ts`, no body); undefined in untyped
   * mode or for a function of this file (`summaryOf` knows those). Without one, the questions fall
   * back to reading a relative module's text, as untyped.
   */
  private typedDeclaration(call: EffectCall): TypedDeclaration | null | undefined {
    const services = getTypedServices(this.context);
    if (!services || call.type !== AST_NODE_TYPES.CallExpression || this.calledFunction(call) !== null) return undefined;
    return checkerQuery(null, () => {
      const checker = services.program.getTypeChecker();
      const signatures = checker.getTypeAtLocation(services.esTreeNodeToTSNodeMap.get(call.callee)).getCallSignatures();
      const declaration = signatures.length === 1 ? (signatures[0]?.getDeclaration() as unknown as TypedFunctionLike | undefined) : undefined;
      if (declaration === undefined) return null;
      const known = this.typedDeclarations.get(declaration);
      if (known !== undefined) return known;
      const found = declarationParts(declaration);
      this.typedDeclarations.set(declaration, found);
      return found;
    });
  }

  /** `derive` of a typed declaration, computed once per declaration and question in this file. */
  private typedAnswer(declared: TypedDeclaration, question: string, derive: () => boolean): boolean {
    let answers = this.typedAnswers.get(declared);
    if (!answers) {
      answers = new Map();
      this.typedAnswers.set(declared, answers);
    }
    let answer = answers.get(question);
    if (answer === undefined) {
      answer = derive();
      answers.set(question, answer);
    }
    return answer;
  }

  /** Typed: per declaration the checker resolved a call to, `declarationParts`' answer. */
  private readonly typedDeclarations = new Map<object, TypedDeclaration | null>();
  /** Typed: per declaration, the answers of the questions asked of its text. */
  private readonly typedAnswers = new Map<TypedDeclaration, Map<string, boolean>>();

  /**
   * True when the call invokes a function of a relative module whose declaration there calls a
   * step named for finalising (`moduleFunctionFinalizes`: `export async function getParser() {
   * await finalizeSchema(); ... }`), found as `waitsOnNothingElsewhere` finds it; the call itself
   * named so (`registry.finalize()`) counts too. False otherwise.
   */
  finalizesElsewhere(call: EffectCall): boolean {
    const name = writtenName(call.callee);
    if (name !== null && FINALIZING_STEP_NAME.test(name)) return true;
    const target = this.relativeModuleFunction(call);
    return target?.file ? moduleFunctionFinalizes(target.file, target.name) : false;
  }

  /**
   * True when the call invokes a function of a relative module or a workspace package whose
   * declaration there runs a command (`moduleFunctionRunsCommand`: a program's name and an argument
   * list handed to a call, `shell.cmdinfo('git', ['rev-parse'])`), found as
   * `waitsOnNothingElsewhere` finds it. False otherwise.
   */
  runsCommandElsewhere(call: EffectCall): boolean {
    const target = this.relativeModuleFunction(call);
    return target?.file ? moduleFunctionRunsCommand(target.file, target.name) : false;
  }

  /**
   * True when the called function reads one fixed entry of a store, awaits, and writes that entry
   * back (`bodyRewritesStoredEntry`: `const queue = store.get('queue', [])`, an await, then
   * `store.set('queue', queue)`), by the text of its declaration: a function of this file, one
   * of a relative module or a workspace package (found as `waitsOnNothingElsewhere` finds it),
   * or typed, the declaration the checker resolves the call to. Calls of it running at once lose
   * each other's updates.
   */
  rewritesStoredEntry(call: EffectCall): boolean {
    const fn = this.calledFunction(call);
    if (fn) return fn.body !== null && fn.body !== undefined && bodyRewritesStoredEntry(this.sourceCode.getText(fn.body));
    const declared = this.typedDeclaration(call);
    if (declared) return this.typedAnswer(declared, 'rewritesStoredEntry', () => bodyRewritesStoredEntry(declared.parts.body));
    const target = this.relativeModuleFunction(call);
    return target?.file ? moduleFunctionRewritesStoredEntry(target.file, target.name) : false;
  }

  /**
   * The positions of the arguments whose members the called function of a relative module
   * assigns, by the text of its declaration there (`moduleFunctionWrittenParameters`: a caching
   * fetcher keeping its result on the object it is handed, `i.version = await fetchVersion(i.ref)`).
   * The function is found as `waitsOnNothingElsewhere` finds it; empty otherwise.
   */
  argumentsWrittenElsewhere(call: EffectCall): readonly number[] {
    const target = this.relativeModuleFunction(call);
    return target?.file ? moduleFunctionWrittenParameters(target.file, target.name) : [];
  }

  /**
   * The files the called function of a relative module writes and reads by a path its module
   * names (`moduleFunctionFixedFiles`: `writeFileSync(AUTH_FILE_PATH(), ...)` in a login helper,
   * `readFile(AUTH_FILE_PATH())` in the helper that reads the signed-in user), found as
   * `waitsOnNothingElsewhere` finds it; empty otherwise. Two calls of one module's functions that
   * name the same path touch the same file.
   */
  fixedFilesElsewhere(call: EffectCall): FixedFiles {
    const target = this.relativeModuleFunction(call);
    return target?.file ? moduleFunctionFixedFiles(target.file, target.name) : { writes: [], reads: [] };
  }

  /**
   * True when the called function of a relative module answers from a value it keeps once it has
   * one, by its declaration there (`servesCachedValue`'s shapes, read from the declaration parsed
   * on its own: validation, then `if (kept) return kept;`, or a memoised promise), found as
   * `waitsOnNothingElsewhere` finds it: `shelves.openShelf(id)` of a module that keeps loaded
   * shelves in a map, `currentRate()` answering from a module variable; also a helper whose only
   * waits are calls of such a memo of its module (`declarationAwaitsOnlyModuleMemos`: `fillIn(name,
   * values)` awaiting the kept template, then replacing in memory). After its first call it waits for
   * nothing. Typed: the declaration the checker resolves the callee to (`typedDeclaration`), in any
   * file of the program.
   */
  servesCacheElsewhere(call: EffectCall): boolean {
    const visitorKeys = this.sourceCode.visitorKeys;
    const parse = this.declarationParser();
    const declared = this.typedDeclaration(call);
    const serves = (parts: FunctionParts, text: string): boolean =>
      declarationServesCachedValue(parts, parse, visitorKeys) || declarationAwaitsOnlyModuleMemos(parts, text, parse, visitorKeys);
    if (declared) return this.typedAnswer(declared, 'servesCache', () => serves(declared.parts, declared.text));
    const target = this.relativeModuleFunction(call);
    if (target?.file == null) return false;
    return fromModuleFunction(target.file, target.name, 'servesCache', serves) ?? false;
  }

  /**
   * True when the called function, of this file (scope analysis) or of a relative module (its
   * declaration there, found as `waitsOnNothingElsewhere` finds it without types: the same answer
   * typed, so typed reports stay a superset), authenticates the request (`bodyRefusesAnonymous`:
   * it reads the signed-in user or session and throws when there is none): `getServerProfile()` of
   * the app's session helpers. What follows it waits for it, as after `requireUser()`.
   */
  authenticates(call: EffectCall): boolean {
    const own = this.calledFunction(call);
    if (own) {
      let known = this.refusesAnonymous.get(own);
      if (known === undefined) {
        known = own.body.type === AST_NODE_TYPES.BlockStatement && bodyRefusesAnonymous(own.body, this.sourceCode.visitorKeys);
        this.refusesAnonymous.set(own, known);
      }
      return known;
    }
    const target = this.relativeModuleFunction(call);
    if (target?.file == null) return false;
    const parse = this.declarationParser();
    const visitorKeys = this.sourceCode.visitorKeys;
    return fromModuleFunction(target.file, target.name, 'refusesAnonymous', (parts) => declarationRefusesAnonymous(parts, parse, visitorKeys)) ?? false;
  }

  /**
   * A function that parses a module's text without a project: first with the parser the host uses
   * for this file (under ESLint, espree for JavaScript: it loads nothing new, so a
   * JavaScript-only project needs no `typescript`); where that parser is typescript-eslint's (or the
   * CLI's wrapper of it), is missing or throws (a TypeScript declaration read from a JavaScript file;
   * oxlint, whose `parse` is not implemented), typescript-estree's `parse`, loaded at that moment
   * when `typescript` is installed: the tree typescript-eslint's parser gives, without the scope
   * analysis it also runs, which a declaration read here does not use. It throws when neither
   * parses the text.
   */
  private declarationParser(): ParseText {
    const host = (this.context as { languageOptions?: { parser?: TextParser } }).languageOptions?.parser;
    const ownParse = host && !isTypeScriptEslintParser(host) ? host : null;
    return (text) => {
      if (ownParse) {
        try {
          return parseWith(ownParse, text);
        } catch {
          // try typescript-estree's below
        }
      }
      return parseWith(typeScriptTreeParser(), text);
    };
  }

  /**
   * True when the called function of a relative module is a caching fetcher on the object it is
   * handed (`moduleFunctionCachesOnArgument`: `if (!spec.version) spec.version = await ...;
   * return spec.version;`), found as `waitsOnNothingElsewhere` finds it.
   */
  cachesOnArgumentElsewhere(call: EffectCall): boolean {
    const target = this.relativeModuleFunction(call);
    return target?.file ? moduleFunctionCachesOnArgument(target.file, target.name) : false;
  }

  /**
   * True when the call invokes a function of a module whose data lives in a database kept inside
   * the process (`moduleReadsOnlyEmbeddedStore`: the module, or one it imports, imports NeDB,
   * LokiJS, lowdb, LevelDB, SQLite, PGlite..., and none of them imports a network client, a child
   * process or `fetch`): `models.request.getById(id)` of a barrel that re-exports `./request` as
   * the namespace `request` (`namespaceExportModule`), `database.find(type, query)` of the app's
   * store wrapper. Such a call waits on memory or the local disk. Untyped reading of the module's
   * text, once per module and linted file; false for this file's functions and installed packages.
   */
  waitsOnEmbeddedStore(call: EffectCall): boolean {
    const target = this.importedCallModule(call);
    if (target === null) return false;
    let answer = this.storeModules.get(target.file);
    if (answer === undefined) {
      answer = moduleReadsOnlyEmbeddedStore(target);
      this.storeModules.set(target.file, answer);
    }
    if (answer) return true;
    // The one function called, when the module also holds functions that reach further
    // (`moduleFunctionReadsOnlyEmbeddedStore`: `models.project.getById(id)` whose body only calls
    // the app's NeDB wrapper).
    const callee = call.type === AST_NODE_TYPES.CallExpression ? skipTransparent(call.callee) : null;
    const name = callee?.type === AST_NODE_TYPES.MemberExpression ? staticMemberName(callee) : target.imported;
    return name !== null && name !== '*' && moduleFunctionReadsOnlyEmbeddedStore(target, name);
  }

  /** Per module file: `moduleReadsOnlyEmbeddedStore`'s answer for this linted file. */
  private readonly storeModules = new Map<string, boolean>();

  /**
   * True when the call invokes a function of another module that may ask a person
   * (`moduleFunctionMayPrompt`: its declaration, or a function it calls a few levels deep in its
   * module or its relative imports, calls a prompt helper, a prompt package or a dialog), found as
   * `importedCallModule` finds it. False for this file's functions (`summaryOf` knows those).
   */
  mayPromptElsewhere(call: EffectCall): boolean {
    return this.askImportedFunction(call, this.promptingImports, moduleFunctionMayPrompt);
  }

  /**
   * `question` of the function of another module the call invokes (found as `importedCallModule`
   * finds it: an imported name, or a member of a whole-module import), kept in `answers` per module
   * file and function name; false when the call invokes none.
   */
  private askImportedFunction(call: EffectCall, answers: Map<string, boolean>, question: (module: ResolvedModule, name: string) => boolean): boolean {
    if (call.type !== AST_NODE_TYPES.CallExpression) return false;
    const target = this.importedCallModule(call);
    const callee = skipTransparent(call.callee);
    const name = callee.type === AST_NODE_TYPES.Identifier ? (target?.imported ?? null) : callee.type === AST_NODE_TYPES.MemberExpression ? staticMemberName(callee) : null;
    if (target === null || name === null || name === '*') return false;
    const key = `${target.file}\0${name}`;
    let answer = answers.get(key);
    if (answer === undefined) {
      answer = question(target, name);
      answers.set(key, answer);
    }
    return answer;
  }

  /**
   * True when the call invokes a function of another module that loads the project's env files
   * (`moduleFunctionLoadsEnvFiles`: its declaration, or a function it calls a few levels deep,
   * parses them with dotenv, and none reaches the network), found as `importedCallModule` finds it:
   * a few small local files. False for this file's functions.
   */
  loadsEnvFilesElsewhere(call: EffectCall): boolean {
    return this.askImportedFunction(call, this.envLoadingImports, moduleFunctionLoadsEnvFiles);
  }

  /** Per module file and function name: `moduleFunctionLoadsEnvFiles`'s answer for this linted file. */
  private readonly envLoadingImports = new Map<string, boolean>();

  /**
   * For `api.method(...)` where `api` is an object another module of the project exports (`export
   * const api = new ApiClient()`, its class declared there or imported from a project module):
   * the imported name as the receiver's key, and what the method changes and reads on that object
   * (`instanceMethodState`: `getAccessToken` storing the token its later requests send). Null for
   * any other call, or when the object's class is not found.
   */
  importedInstanceState(call: EffectCall): (InstanceMethodState & { readonly receiver: string }) | null {
    if (call.type !== AST_NODE_TYPES.CallExpression) return null;
    const callee = skipTransparent(call.callee);
    if (callee.type !== AST_NODE_TYPES.MemberExpression) return null;
    const method = staticMemberName(callee);
    const root = skipTransparent(callee.object);
    if (method === null || root.type !== AST_NODE_TYPES.Identifier) return null;
    const imported = this.importedBinding(root);
    if (imported === null || imported.file === null || imported.source.imported === '*') return null;
    const state = instanceMethodState(imported.file, imported.source.imported, method);
    return state === null ? null : { ...state, receiver: root.name };
  }

  /** Per module file and function name: `moduleFunctionMayPrompt`'s answer for this linted file. */
  private readonly promptingImports = new Map<string, boolean>();

  /**
   * The module whose function a call of an import invokes, by the member names written from the
   * imported binding to the call: `f()` of `import { f } from './m'` and `ns.f()` of a namespace
   * import are functions of `./m`; `models.request.getById()` and `request.getById()` (with
   * `request` a namespace that `./m` re-exports: `namespaceExportModule`) of the re-exported
   * module. Relative modules and packages of the linted file's workspace only; null for a chain
   * through a call (`Thing.shared().f()`), this file's functions and installed packages.
   */
  private importedCallModule(call: EffectCall): (ResolvedModule & { imported: string }) | null {
    if (call.type !== AST_NODE_TYPES.CallExpression || this.calledFunction(call) !== null) return null;
    const members: string[] = [];
    let root: TSESTree.Node = skipTransparent(call.callee);
    while (root.type === AST_NODE_TYPES.MemberExpression) {
      const member = staticMemberName(root);
      if (member === null) return null;
      members.unshift(member);
      root = skipTransparent(root.object);
    }
    if (root.type !== AST_NODE_TYPES.Identifier) return null;
    const imported = this.importedBinding(root);
    if (imported === null || imported.file === null) return null;
    const { source, file } = imported;
    const namespace = source.imported === '*' ? (members.length >= 2 ? members[0] : undefined) : source.imported === 'default' ? undefined : source.imported;
    const inner = namespace === undefined ? null : namespaceExportModule(file, namespace);
    return { ...(inner ?? file), imported: source.imported };
  }

  /**
   * The relative module and function name a call of another module invokes: `f()` imported from
   * a relative module (the imported name), `ns.f()` / `Thing.shared().f()` rooted at such an
   * import (the last member); the same for an import of a package of the linted file's own
   * workspace, whose source is found from its manifest (`RelativeModules.resolveWorkspace`:
   * `import { stringifyIO } from '@acme/core/v3'` in a monorepo holding `packages/core`). Null for
   * this file's functions, installed packages and unnamed callees.
   */
  private relativeModuleFunction(call: EffectCall): { module: string; name: string; file: ResolvedModule | null } | null {
    if (call.type !== AST_NODE_TYPES.CallExpression || this.calledFunction(call) !== null) return null;
    const callee = skipTransparent(call.callee);
    let root: TSESTree.Node = callee;
    for (let steps = 0; steps < 20; steps += 1) {
      if (root.type === AST_NODE_TYPES.MemberExpression) root = skipTransparent(root.object);
      else if (root.type === AST_NODE_TYPES.CallExpression) root = skipTransparent(root.callee);
      else break;
    }
    if (root.type !== AST_NODE_TYPES.Identifier) return null;
    const imported = this.importedBinding(root);
    if (imported === null) return null;
    const { source, file } = imported;
    const name = callee === root ? source.imported : callee.type === AST_NODE_TYPES.MemberExpression ? staticMemberName(callee) : null;
    if (name === null || name === '*') return null;
    // An unresolved relative module is still named; a package not of the workspace is not.
    if (!source.module.startsWith('.') && file === null) return null;
    return { module: source.module, name, file };
  }

  /**
   * The import an identifier is bound to and the source file of its module: a relative module
   * (`file` null when it cannot be resolved), or a package of the linted file's own workspace
   * (`RelativeModules.resolveWorkspace`: `@acme/core/v3` in a monorepo holding `packages/core`;
   * `file` null for an installed package). Null when the identifier is no import.
   */
  private importedBinding(identifier: TSESTree.Identifier): { source: NonNullable<ReturnType<typeof getImportSource>>; file: ResolvedModule | null } | null {
    const variable = variableOfIdentifier(this.sourceCode, identifier);
    const source = variable ? (getImportSource(variable) ?? lazyImportSource(variable)) : null;
    if (!source) return null;
    const modules = getRelativeModules(this.context);
    return { source, file: modules.resolve(source.module) ?? (source.module.startsWith('.') ? null : modules.resolveWorkspace(source.module)) };
  }

  /**
   * True when the call requests a memoised in-memory computation of a relative module
   * (`moduleExportIsMemoisedComputation`: a class of that module wrapped by a caching factory
   * that adds the method, in a module importing nothing that reaches outside the process):
   * - `RoutePlan.request(input, context)`, `RoutePlan` imported from a relative module;
   * - `requestQuietly(RoutePlan, input)`: a function of this file handed such an import, whose
   *   body calls the same method on the parameter receiving it (`Derived.request(value, context)`).
   * Each request computes from data in memory (once per input): nothing waits on the outside
   * world, so gathering two of them overlaps nothing.
   */
  requestsMemoisedComputation(call: EffectCall): boolean {
    if (call.type !== AST_NODE_TYPES.CallExpression) return false;
    const callee = skipTransparent(call.callee);
    if (callee.type === AST_NODE_TYPES.MemberExpression) {
      const method = staticMemberName(callee);
      const receiver = skipTransparent(callee.object);
      return method !== null && receiver.type === AST_NODE_TYPES.Identifier && this.isMemoisedComputation(receiver, method);
    }
    const fn = this.calledFunction(call);
    if (!fn) return false;
    const methods = this.parameterMethodsOf(fn);
    return call.arguments.some((argument, index) => {
      const method = methods[index];
      return argument.type === AST_NODE_TYPES.Identifier && method != null && this.isMemoisedComputation(argument, method);
    });
  }

  /** `parameterMethods` of `fn`, read from its body's text once per function. */
  private parameterMethodsOf(fn: FunctionNode): readonly (string | null)[] {
    let methods = this.parameterMethods.get(fn);
    if (methods === undefined) {
      const body = this.sourceCode.getText(fn.body);
      methods = fn.params.map((parameter) => {
        if (parameter.type !== AST_NODE_TYPES.Identifier) return null;
        const escaped = parameter.name.replace(/[$]/g, '\\$');
        return new RegExp(String.raw`(?<![\w$.])${escaped}\s*\.\s*([\w$]+)\s*\(`).exec(body)?.[1] ?? null;
      });
      this.parameterMethods.set(fn, methods);
    }
    return methods;
  }

  /**
   * Does `identifier` name a parameter of a function around it (the `resolve` of a `new Promise`
   * executor seen from a nested arrow, a Node-style `done`)? Calling one returns nothing to wait for.
   */
  namesParameter(identifier: TSESTree.Identifier): boolean {
    return variableOfIdentifier(this.sourceCode, identifier)?.defs[0]?.type === 'Parameter';
  }

  /** `requestsMemoisedComputation`'s question for one imported name and method, cached per import. */
  private isMemoisedComputation(identifier: TSESTree.Identifier, method: string): boolean {
    const variable = variableOfIdentifier(this.sourceCode, identifier);
    const source = variable ? getImportSource(variable) : null;
    if (!source || source.imported === '*') return false;
    const key = `memo\0${source.module}\0${source.imported}\0${method}`;
    let answer = this.idleImports.get(key);
    if (answer === undefined) {
      const resolved = getRelativeModules(this.context).resolve(source.module);
      answer = resolved !== null && moduleExportIsMemoisedComputation(resolved, source.imported, method);
      this.idleImports.set(key, answer);
    }
    return answer;
  }

  /**
   * True when the call runs a statement (`SQLITE_STATEMENT_METHODS`: `db.run(sql)`, `this.db.all(q)`)
   * on what is an SQLite handle by the evidence of this file: the file imports an SQLite driver
   * (`SQLITE_DRIVER_PACKAGES`), or the receiver is a local made by a producer named for SQLite
   * (`const db = await SqliteDb.get()`). An SQLite database is one file behind one connection: its
   * statements queue one after another, whatever the caller gathers.
   */
  runsOnSqliteHandle(call: EffectCall): boolean {
    const callee = skipTransparent(call.callee);
    if (callee.type !== AST_NODE_TYPES.MemberExpression || !SQLITE_STATEMENT_METHODS.has(staticMemberName(callee) ?? '')) return false;
    if (this.importsSqliteDriver()) return true;
    const receiver = skipTransparent(callee.object);
    if (receiver.type !== AST_NODE_TYPES.Identifier) return false;
    const definition = variableOfIdentifier(this.sourceCode, receiver)?.defs[0];
    if (definition?.type !== 'Variable' || !definition.node.init) return false;
    let init = skipTransparent(definition.node.init);
    if (init.type === AST_NODE_TYPES.AwaitExpression) init = skipTransparent(init.argument);
    if (init.type !== AST_NODE_TYPES.CallExpression && init.type !== AST_NODE_TYPES.NewExpression) return false;
    return /sqlite/i.test(this.sourceCode.getText(init.callee));
  }

  private sqliteImport: boolean | undefined;

  /** True when a top-level import or `require` of this file names an SQLite driver (`SQLITE_DRIVER_PACKAGES`). */
  private importsSqliteDriver(): boolean {
    this.sqliteImport ??= this.sourceCode.ast.body.some((statement) => {
      if (statement.type === AST_NODE_TYPES.ImportDeclaration) return SQLITE_DRIVER_PACKAGES.has(statement.source.value);
      if (statement.type !== AST_NODE_TYPES.VariableDeclaration) return false;
      return statement.declarations.some((declarator) => {
        const module = requiredModule(declarator.init ? skipTransparent(declarator.init) : null);
        return module !== null && SQLITE_DRIVER_PACKAGES.has(module);
      });
    });
    return this.sqliteImport;
  }

  /** The summary of a function of this file (see `EffectSummary`). */
  summaryOfFunction(fn: FunctionNode): EffectSummary {
    return this.summarise(fn, 1);
  }

  /**
   * True when the call is handed a database transaction, so it runs on the transaction's one
   * connection, in the transaction's order. The transaction is:
   * - a name that holds one (`TRANSACTION_NAMES`: `trx`, `transaction`; also the last name of a
   *   member, `ctx.state.transaction`), or a parameter of a callback handed to a call named for
   *   transactions (`sequelize.transaction(async (t) => ...)`, `prisma.$transaction(async (db) => ...)`);
   * - passed directly, as a property of an object literal (`{ transaction }`, `{ ...opts, transaction: t }`),
   *   or through a `const` of this function made from such a literal or from a call given one
   *   (`const ctx = createContext({ user, transaction })`).
   */
  handsTransaction(call: EffectCall): boolean {
    return call.arguments.some((argument) => this.holdsTransaction(argument, 2));
  }

  private holdsTransaction(node: TSESTree.Node, depth: number): boolean {
    const value = skipTransparent(node);
    switch (value.type) {
      case AST_NODE_TYPES.Identifier:
        if (TRANSACTION_NAMES.has(value.name) || this.isTransactionCallbackParameter(value)) return true;
        if (depth > 0) {
          const variable = variableOfIdentifier(this.sourceCode, value);
          const definition = variable?.defs.length === 1 ? variable.defs[0] : undefined;
          if (definition?.type === 'Variable' && definition.parent.kind === 'const' && definition.node.init) {
            const init = skipTransparent(definition.node.init);
            if (init.type === AST_NODE_TYPES.ObjectExpression) return this.holdsTransaction(init, depth - 1);
            if (init.type === AST_NODE_TYPES.CallExpression || init.type === AST_NODE_TYPES.AwaitExpression) {
              const inner = init.type === AST_NODE_TYPES.AwaitExpression ? skipTransparent(init.argument) : init;
              return inner.type === AST_NODE_TYPES.CallExpression && inner.arguments.some((argument) => skipTransparent(argument).type === AST_NODE_TYPES.ObjectExpression && this.holdsTransaction(argument, depth - 1));
            }
          }
        }
        return false;
      case AST_NODE_TYPES.MemberExpression: {
        const name = staticMemberName(value);
        return name !== null && TRANSACTION_NAMES.has(name);
      }
      case AST_NODE_TYPES.ObjectExpression:
        return value.properties.some((property) =>
          property.type === AST_NODE_TYPES.Property
            ? (!property.computed && property.key.type === AST_NODE_TYPES.Identifier && TRANSACTION_NAMES.has(property.key.name)) ||
              this.holdsTransaction(property.value, depth)
            : false,
        );
      default:
        return false;
    }
  }

  /** `t` in `sequelize.transaction(async (t) => ...)`: a parameter of a callback handed to a call named for transactions. */
  private isTransactionCallbackParameter(identifier: TSESTree.Identifier): boolean {
    const variable = variableOfIdentifier(this.sourceCode, identifier);
    const definition = variable?.defs.length === 1 ? variable.defs[0] : undefined;
    if (definition?.type !== 'Parameter') return false;
    const fn = definition.node;
    const parent = fn.parent;
    if (!isFunctionNode(fn) || parent?.type !== AST_NODE_TYPES.CallExpression || !parent.arguments.includes(fn as TSESTree.CallExpressionArgument)) return false;
    const callee = skipTransparent(parent.callee);
    const name = callee.type === AST_NODE_TYPES.Identifier ? callee.name : callee.type === AST_NODE_TYPES.MemberExpression ? staticMemberName(callee) : null;
    return name !== null && /transaction/i.test(name);
  }

  /**
   * True when the call's receiver is an instance of a class of the program's own source (a
   * repository, a data-access service) that reaches the database through a pool: one of its
   * properties is typed as a pooled handle (`POOL_TYPE_NAMES`: `Knex`, `Pool`, `PrismaClient`)
   * and none as one connection (`SINGLE_CONNECTION_TYPE_NAME`: `PoolClient`, `Connection`,
   * `Transaction`). Two reads through it may run at once, on two connections of the pool.
   * Typed only (the class is usually declared in another file, and only the checker's types name
   * the handle); false untyped, for classes of declaration files (a library's own client), and for
   * `this.x()` (the class's own members: effect summaries decide those).
   */
  receiverUsesPool(call: EffectCall): boolean {
    const services = getTypedServices(this.context);
    const callee = skipTransparent(call.callee);
    // `this.x()` inside the class itself: its own methods' summaries decide, not this question.
    if (!services || callee.type !== AST_NODE_TYPES.MemberExpression || skipTransparent(callee.object).type === AST_NODE_TYPES.ThisExpression) return false;
    return checkerQuery(false, () => {
      const checker = services.program.getTypeChecker();
      const type = checker.getTypeAtLocation(services.esTreeNodeToTSNodeMap.get(callee.object));
      const symbol = type.getSymbol();
      const declaration = symbol?.getDeclarations()?.[0];
      if (!symbol || !declaration || declaration.getSourceFile().isDeclarationFile || (symbol.flags & SYMBOL_FLAGS_CLASS) === 0) return false;
      let known = this.poolClasses.get(declaration);
      if (known === undefined) {
        let pooled = false;
        let single = false;
        for (const property of checker.getPropertiesOfType(type)) {
          const propertyType = checker.getTypeOfSymbol(property);
          const name = (propertyType.aliasSymbol ?? propertyType.getSymbol())?.getName();
          if (name === undefined) continue;
          if (SINGLE_CONNECTION_TYPE_NAME.test(name)) single = true;
          else if (POOL_TYPE_NAMES.has(name)) pooled = true;
        }
        known = pooled && !single;
        this.poolClasses.set(declaration, known);
      }
      return known;
    });
  }

  /**
   * True when the call is a method of an instance of a class of this file that holds no
   * connection, so each call does its own I/O (a REST client that calls `fetch` per request):
   * the receiver is not one ordered resource, whatever its name (`client.request(path)`).
   * - the receiver is a name or a `this` field whose declaration says the class: a type
   *   annotation (`client: RestClient`, a constructor parameter property) or `new RestClient(...)`;
   * - the class is not a connection (`isOrderedReceiver`'s resource class), and no field of it is
   *   named like one ordered resource (`connectionFieldName`) or made by a connection factory
   *   (`ORDERED_RESOURCE_FACTORIES`);
   * - the called method is the class's own, and its summary writes nothing to `this`, takes no
   *   lock, starts no process and asks no person.
   * Untyped and typed alike (the evidence is this file's syntax).
   */
  isStatelessClientCall(call: EffectCall): boolean {
    const callee = skipTransparent(call.callee);
    if (callee.type !== AST_NODE_TYPES.MemberExpression) return false;
    const name = staticMemberName(callee);
    const classNode = this.declaredClassOf(skipTransparent(callee.object));
    if (name === null || !classNode || this.isResourceClass(classNode) || holdsConnection(classNode)) return false;
    const method = classNode.body.body.find(
      (member): member is TSESTree.MethodDefinition =>
        member.type === AST_NODE_TYPES.MethodDefinition && !member.static && member.kind === 'method' && keyName(member) === name,
    );
    if (!method || method.value.type !== AST_NODE_TYPES.FunctionExpression) return false;
    const summary = this.summarise(method.value, 1);
    return !summary.writes.some((write) => write.kind === 'this') && !summary.locks && !summary.startsProcess && !summary.prompts;
  }

  /** The class of this file that a receiver's declaration names (see `isStatelessClientCall`), or null. */
  private declaredClassOf(receiver: TSESTree.Node): TSESTree.ClassDeclaration | TSESTree.ClassExpression | null {
    let annotation: TSESTree.TypeNode | undefined;
    let init: TSESTree.Node | null | undefined;
    if (receiver.type === AST_NODE_TYPES.Identifier) {
      const definition = variableOfIdentifier(this.sourceCode, receiver)?.defs[0];
      if (definition?.type === 'Parameter' && definition.name.type === AST_NODE_TYPES.Identifier) {
        annotation = definition.name.typeAnnotation?.typeAnnotation;
      } else if (definition?.type === 'Variable' && definition.node.id.type === AST_NODE_TYPES.Identifier) {
        annotation = definition.node.id.typeAnnotation?.typeAnnotation;
        init = definition.node.init;
      }
    } else if (receiver.type === AST_NODE_TYPES.MemberExpression && skipTransparent(receiver.object).type === AST_NODE_TYPES.ThisExpression) {
      const field = staticMemberName(receiver);
      const owner = enclosingClass(receiver);
      if (field === null || !owner) return null;
      for (const member of owner.body.body) {
        if (member.type === AST_NODE_TYPES.PropertyDefinition && keyName(member) === field) {
          annotation = member.typeAnnotation?.typeAnnotation;
          init = member.value;
        }
        if (member.type === AST_NODE_TYPES.MethodDefinition && member.kind === 'constructor') {
          for (const param of member.value.params) {
            if (param.type === AST_NODE_TYPES.TSParameterProperty && param.parameter.type === AST_NODE_TYPES.Identifier && param.parameter.name === field) {
              annotation = param.parameter.typeAnnotation?.typeAnnotation;
            }
          }
        }
      }
    } else {
      return null;
    }
    let className: TSESTree.Identifier | null = null;
    if (annotation?.type === AST_NODE_TYPES.TSTypeReference && annotation.typeName.type === AST_NODE_TYPES.Identifier) className = annotation.typeName;
    const made = init ? skipTransparent(init) : null;
    if (!className && made?.type === AST_NODE_TYPES.NewExpression && made.callee.type === AST_NODE_TYPES.Identifier) className = made.callee;
    if (!className) return null;
    const definition = variableOfIdentifier(this.sourceCode, className)?.defs[0];
    const node: TSESTree.Node | undefined = definition?.type === 'ClassName' ? definition.node : undefined;
    return node?.type === AST_NODE_TYPES.ClassDeclaration || node?.type === AST_NODE_TYPES.ClassExpression ? node : null;
  }

  /** True when `new X(...)` makes a built-in value (`BUILT_IN_VALUE_CONSTRUCTORS`: `new Uint8Array(b)`) of the global `X`. */
  makesBuiltInValue(node: TSESTree.NewExpression): boolean {
    const callee = skipTransparent(node.callee);
    return callee.type === AST_NODE_TYPES.Identifier && BUILT_IN_VALUE_CONSTRUCTORS.has(callee.name) && this.isGlobal(callee);
  }

  /**
   * True when `new X(...)` makes an object of a class declared in this file that has no `then`
   * member (no thenable): awaiting or returning it from an async function waits for nothing.
   */
  makesPlainObject(node: TSESTree.NewExpression): boolean {
    const callee = skipTransparent(node.callee);
    if (callee.type !== AST_NODE_TYPES.Identifier) return false;
    const definition = variableOfIdentifier(this.sourceCode, callee)?.defs[0];
    const declared: TSESTree.Node | undefined = definition?.type === 'ClassName' ? definition.node : undefined;
    if (declared?.type !== AST_NODE_TYPES.ClassDeclaration && declared?.type !== AST_NODE_TYPES.ClassExpression) return false;
    // A superclass of another module may be a thenable (a query builder).
    if (declared.superClass) return false;
    return !declared.body.body.some(
      (member) => (member.type === AST_NODE_TYPES.MethodDefinition || member.type === AST_NODE_TYPES.PropertyDefinition) && keyName(member) === 'then',
    );
  }

  /**
   * True when the call's receiver is one ordered resource, whose operations run one at a time
   * and in order (see `ORDERED_RESOURCE_CLASS_WORDS`, `ORDERED_RESOURCE_FACTORIES`):
   * - `this.x(...)` or `this.field.x(...)` inside a class that is itself a connection, query
   *   runner, session, transaction, database handle (by its name or its superclass's name);
   * - `this.field.x(...)` where the class assigns `field` from a connection factory or member
   *   (`new Database(file)`, `connection.createQueryRunner()`, `runner.manager`);
   * - a receiver chain (`em.getLoader().load(x)`, `this.queryRunner.manager.save(x)`) that starts
   *   at a name holding an ORM connection handle (`ORDERED_RESOURCE_HANDLE_NAME`), or at a local
   *   made by a connection factory (`const runner = source.createQueryRunner()`).
   * False when the evidence says nothing (not "independent": only "not known to be one").
   */
  isOrderedReceiver(call: EffectCall): boolean {
    const callee = skipTransparent(call.callee);
    if (callee.type !== AST_NODE_TYPES.MemberExpression) return false;
    const object = skipTransparent(callee.object);
    const classNode = enclosingClass(call);
    if (object.type === AST_NODE_TYPES.ThisExpression) return classNode !== null && this.isResourceClass(classNode);
    const head = receiverHead(object);
    if (head === null) return false;
    if (head.kind === 'this') {
      if (ORDERED_RESOURCE_HANDLE_NAME.test(head.field)) return true;
      if (!classNode) return false;
      // Directly on a field of a resource class (`this.pool.query()` inside a connection).
      if (head.direct && this.isResourceClass(classNode)) return true;
      return fieldFromResource(classNode, head.field);
    }
    if (ORDERED_RESOURCE_HANDLE_NAME.test(head.identifier.name)) return true;
    // `const runner = this.createQueryRunner()`, `const em = orm.em.fork()`: a local made by a factory.
    const variable = variableOfIdentifier(this.sourceCode, head.identifier);
    const definition = variable?.defs.length === 1 ? variable.defs[0] : undefined;
    if (definition?.type !== 'Variable' || !definition.node.init) return false;
    const name = producerName(definition.node.init);
    return name !== null && ORDERED_RESOURCE_FACTORIES.has(name);
  }

/**
   * True for `this.name(...)` inside a class that extends another class, when neither the class
   * nor a same-file ancestor defines `name`: the method is inherited from a class out of sight
   * (another file), so nothing is known of what it waits for (often nothing: a mapping helper
   * marked `async`). Rules that need real I/O to report stay silent on such a call.
   */
  isUnseenInheritedMethod(call: EffectCall): boolean {
    const callee = skipTransparent(call.callee);
    if (callee.type !== AST_NODE_TYPES.MemberExpression || skipTransparent(callee.object).type !== AST_NODE_TYPES.ThisExpression) return false;
    const name = staticMemberName(callee);
    let classNode = enclosingClass(call);
    if (name === null || !classNode?.superClass || this.calledFunction(call) !== null) return false;
    for (let depth = 0; classNode && depth < MAX_DEPTH; depth += 1) {
      if (classNode.body.body.some((member) => (member.type === AST_NODE_TYPES.MethodDefinition || member.type === AST_NODE_TYPES.PropertyDefinition) && !member.computed && member.key.type === AST_NODE_TYPES.Identifier && member.key.name === name)) {
        return false;
      }
      // A same-file root class that lacks the method: it is not inherited from anywhere out of sight.
      if (!classNode.superClass) return false;
      const superClass = skipTransparent(classNode.superClass);
      if (superClass.type !== AST_NODE_TYPES.Identifier) return true;
      const definition: TSESLint.Scope.Definition | undefined = variableOfIdentifier(this.sourceCode, superClass)?.defs[0];
      // The base class is imported or global: out of sight.
      if (definition?.type !== 'ClassName') return true;
      const next: TSESTree.Node = definition.node;
      classNode = next.type === AST_NODE_TYPES.ClassDeclaration || next.type === AST_NODE_TYPES.ClassExpression ? next : null;
    }
    return false;
  }

  private isResourceClass(classNode: TSESTree.ClassDeclaration | TSESTree.ClassExpression): boolean {
    let known = this.classResources.get(classNode);
    if (known === undefined) {
      // A class that runs statements and manages a transaction or its connection's life is one.
      const methods = new Set<string>();
      for (const member of classNode.body.body) {
        if (member.type === AST_NODE_TYPES.MethodDefinition && member.key.type === AST_NODE_TYPES.Identifier) methods.add(member.key.name);
      }
      const runsStatements = [...STATEMENT_METHODS].some((name) => methods.has(name));
      const ownsConnection = [...CONNECTION_LIFECYCLE_METHODS].some((name) => methods.has(name));
      const names: string[] = [];
      if (classNode.id) names.push(classNode.id.name);
      const superClass = classNode.superClass ? skipTransparent(classNode.superClass) : null;
      if (superClass?.type === AST_NODE_TYPES.Identifier) names.push(superClass.name);
      if (superClass?.type === AST_NODE_TYPES.MemberExpression) {
        const name = staticMemberName(superClass);
        if (name !== null) names.push(name);
      }
      known = (runsStatements && ownsConnection) || names.some((name) => ORDERED_CLASS.test(name));
      this.classResources.set(classNode, known);
    }
    return known;
  }

  private summaryAt(call: EffectCall, depth: number): EffectSummary | null {
    const api = this.apiEffect(call);
    if (api !== null) return apiSummary(api, call);
    // `Promise.resolve(load())` adopts the promise of the call it holds: what that call does.
    const adopted = adoptedCall(call);
    if (adopted !== null && this.isGlobal(adopted.promise)) return depth <= MAX_DEPTH ? this.summaryAt(adopted.call, depth + 1) : null;
    if (call.type === AST_NODE_TYPES.CallExpression && this.promiseCombinator(call) !== null) {
      return depth <= MAX_DEPTH && this.gathersOnlyMemory(call, depth) ? { ...IO, waits: 'memory', canReject: this.callCanReject(call, depth) } : null;
    }
    const fn = this.calledFunction(call);
    if (!fn || depth > MAX_DEPTH || this.inProgress.has(fn)) return null;
    return this.summarise(fn, depth);
  }

  /**
   * @internal For `FunctionWalk`: `decide()` for `fn`'s lazily decided `canReject`, with `fn` marked in
   * progress meanwhile (a recursive call has the function's own answer); asked again while it
   * decides, a call of `fn` answers "cannot reject" there, as a recursive call does.
   */
  deciding(fn: FunctionNode, decide: () => boolean): boolean {
    if (this.deciding_.has(fn)) return false;
    const added = !this.inProgress.has(fn);
    this.deciding_.add(fn);
    if (added) this.inProgress.add(fn);
    try {
      return decide();
    } finally {
      this.deciding_.delete(fn);
      if (added) this.inProgress.delete(fn);
    }
  }

  private readonly deciding_ = new Set<FunctionNode>();

  /**
   * Asked only after `fn`'s summary says its promise can reject: can it still, for this `call`,
   * whose literal arguments decide some of `fn`'s branches? `this.setMetadata(meta, false)` where
   * the only await sits under `if (persist && ...)`: with `false` given, that branch never runs.
   * Known are the parameters (plain names, never assigned in `fn`) given a literal (`true`,
   * `false`, `null`, `undefined`, a number or string), or left out (their literal default, else
   * `undefined`); and the properties of an options object given as an object literal
   * (`download({ url, ignoreFailure: true })`), read through a destructured parameter
   * (`{ url, ignoreFailure }`, also `const { ignoreFailure } = options` in the body) or as a
   * member of the parameter (`options.ignoreFailure`): a property written there as a literal has
   * that value, one left out of a literal without a spread is `undefined` (or its default), any
   * other is unknown (`knownParameters`). A test decided by them and literals alone (`persist`,
   * `!skip`, `a && b`, `a || b`, `val != null`, `mode === 'dry'`, `options.force`:
   * `decidedTruth`) leaves only its live branch to `mayRejectIn`, and an `if` decided to return
   * ends its block there. Only for an async function with a block body that is what runs (not a
   * method a subclass of its folder overrides: `mayBeOverridden`); a spread argument or no known
   * parameter: true (the summary stands). With `preconditionsReject`, a `throw` that guards
   * the function's input counts as a rejection too (for a function of another module, where the
   * caller's input may be what it refuses: `FileEffects.cannotRejectElsewhere`). Once per
   * function, set of known values and flag.
   */
  canRejectWithArguments(fn: FunctionNode, call: TSESTree.CallExpression, preconditionsReject = false): boolean {
    if (!fn.async || fn.body.type !== AST_NODE_TYPES.BlockStatement || this.inProgress.has(fn)) return true;
    const known = this.knownParameters(fn, call);
    if (known === null || this.mayBeOverridden(fn)) return true;
    const key = `${preconditionsReject ? 'strict;' : ''}${knownKey(known)}`;
    let answers = this.argumentAnswers.get(fn);
    if (!answers) this.argumentAnswers.set(fn, (answers = new Map()));
    let answer = answers.get(key);
    if (answer === undefined) {
      answer = this.deciding(fn, () => new FunctionWalk(this, fn, 1).rejectsWith(known, preconditionsReject));
      answers.set(key, answer);
    }
    return answer;
  }

  /**
   * True when what runs for a call of `fn` may be another body than `fn`'s: `fn` is an instance
   * method (not static, not `#private` nor TypeScript `private`) of a class that a class of this
   * file or of its folder extends and overrides it in (`overridesOf`), or whose folder is not read. The arguments
   * of a call then decide branches of a body that may not be the one that runs
   * (`this.write(rows, { preview: true })` while a subclass's `write` uploads). Cached per function.
   */
  private mayBeOverridden(fn: FunctionNode): boolean {
    const member = fn.parent;
    if (member?.type !== AST_NODE_TYPES.MethodDefinition || member.kind !== 'method' || member.static) return false;
    if (member.key.type === AST_NODE_TYPES.PrivateIdentifier || member.accessibility === 'private') return false;
    let answer = this.overridable.get(fn);
    if (answer === undefined) {
      const classNode = member.parent.parent;
      const name = member.computed ? null : writtenName(member.key);
      // A subclass written in this file (its text may be an editor's, not the folder's).
      const className = classNode.id?.name;
      const overriddenHere =
        className !== undefined &&
        someNodeBelow(this.sourceCode.ast, this.sourceCode.visitorKeys, (node) => {
          if ((node.type !== AST_NODE_TYPES.ClassDeclaration && node.type !== AST_NODE_TYPES.ClassExpression) || node === classNode) return false;
          const parent = node.superClass ? skipTransparent(node.superClass) : null;
          return parent?.type === AST_NODE_TYPES.Identifier && parent.name === className && node.body.body.some((element) => element.type === AST_NODE_TYPES.MethodDefinition && !element.static && !element.computed && writtenName(element.key) === name);
        });
      const found = overriddenHere ? null : overridesOf({ module: ownModule(this.context), fn });
      answer = overriddenHere || found === null || found.length > 1;
      this.overridable.set(fn, answer);
    }
    return answer;
  }

  /** Per method, `mayBeOverridden`'s answer. */
  private readonly overridable = new Map<FunctionNode, boolean>();

  /** Per function, `canRejectWithArguments`' answers by the known values of its parameters. */
  private readonly argumentAnswers = new Map<FunctionNode, Map<string, boolean>>();

  /** The value of each parameter (and options property) of `fn` that `call` decides (see `canRejectWithArguments`), or null when none. */
  private knownParameters(fn: FunctionNode, call: TSESTree.CallExpression): KnownParameters | null {
    const known: KnownParameters = { values: new Map(), objects: new Map() };
    const declared = this.sourceCode.getDeclaredVariables(fn);
    const unwritten = (name: string): TSESLint.Scope.Variable | null => {
      const variable = declared.find((candidate) => candidate.name === name);
      return variable && !variable.references.some((reference) => reference.isWrite() && !reference.init) ? variable : null;
    };
    // A TypeScript `this` parameter takes no argument.
    const params = fn.params[0]?.type === AST_NODE_TYPES.Identifier && fn.params[0].name === 'this' ? fn.params.slice(1) : fn.params;
    for (const [index, param] of params.entries()) {
      if (call.arguments.slice(0, index + 1).some((argument) => argument.type === AST_NODE_TYPES.SpreadElement)) break;
      const target = param.type === AST_NODE_TYPES.AssignmentPattern ? param.left : param;
      const given = call.arguments[index];
      const leftOut = !given || isUndefinedValue(given);
      // `{ url, ignoreFailure }` or `options` given `{ url, ignoreFailure: true }` (or left out, with an object literal default).
      const literal = leftOut ? (param.type === AST_NODE_TYPES.AssignmentPattern ? skipTransparent(param.right) : null) : skipTransparent(given);
      const object = literal?.type === AST_NODE_TYPES.ObjectExpression ? objectLiteralValues(literal) : null;
      if (target.type === AST_NODE_TYPES.ObjectPattern) {
        if (object) this.addDestructured(target, object, unwritten, known);
        continue;
      }
      if (target.type !== AST_NODE_TYPES.Identifier) continue;
      if (object) {
        const variable = unwritten(target.name);
        if (variable && this.readsOnlyMembers(variable)) {
          known.objects.set(variable, object);
          // `const { ignoreFailure } = options;` in the body reads the same properties.
          for (const reference of variable.references) {
            const declarator = reference.identifier.parent;
            if (declarator?.type === AST_NODE_TYPES.VariableDeclarator && declarator.init === reference.identifier && declarator.id.type === AST_NODE_TYPES.ObjectPattern && declarator.parent.kind === 'const') {
              this.addDestructured(declarator.id, object, (name) => this.sourceCode.getDeclaredVariables(declarator).find((candidate) => candidate.name === name) ?? null, known);
            }
          }
        }
        continue;
      }
      // Left out, or `undefined` given: the default applies (none: `undefined`).
      const value = leftOut ? (param.type === AST_NODE_TYPES.AssignmentPattern ? literalValue(param.right) : { value: undefined }) : literalValue(given);
      if (value === null) continue;
      const variable = unwritten(target.name) ?? settledFirst(fn, declared.find((candidate) => candidate.name === target.name));
      if (variable) known.values.set(variable, value.value);
    }
    return known.values.size > 0 || known.objects.size > 0 ? known : null;
  }

  /**
   * For `knownParameters`: the names a destructuring pattern (`{ url, ignoreFailure = false }`)
   * binds from `object`'s known properties, each with the value the object gives it (a property
   * left out: its default, else `undefined`). Nested patterns, computed keys and names assigned
   * later are left unknown.
   */
  private addDestructured(
    pattern: TSESTree.ObjectPattern,
    object: KnownObject,
    variableOf: (name: string) => TSESLint.Scope.Variable | null,
    known: KnownParameters,
  ): void {
    for (const property of pattern.properties) {
      if (property.type !== AST_NODE_TYPES.Property || property.computed) continue;
      const key = writtenName(property.key);
      const binding = property.value.type === AST_NODE_TYPES.AssignmentPattern ? property.value.left : property.value;
      if (key === null || binding.type !== AST_NODE_TYPES.Identifier) continue;
      const value = knownProperty(object, key);
      if (value === null) continue;
      const resolved = value.value === undefined && property.value.type === AST_NODE_TYPES.AssignmentPattern ? literalValue(property.value.right) : value;
      if (resolved === null) continue;
      const variable = variableOf(binding.name);
      if (variable && !variable.references.some((reference) => reference.isWrite() && !reference.init)) known.values.set(variable, resolved.value);
    }
  }

  /**
   * True when `fn` never changes a property of the object its parameter `variable` holds: no
   * `options.x = ...`, `options.x++` or `delete options.x` (also in its nested functions). A call
   * it is handed to is not read.
   */
  private readsOnlyMembers(variable: TSESLint.Scope.Variable): boolean {
    return variable.references.every((reference) => {
      const member = reference.identifier.parent;
      if (member?.type !== AST_NODE_TYPES.MemberExpression || member.object !== reference.identifier) return true;
      let use: TSESTree.Node = member;
      while (use.parent && isTransparentWrapper(use.parent)) use = use.parent;
      const parent = use.parent;
      if (parent?.type === AST_NODE_TYPES.AssignmentExpression && parent.left === use) return false;
      if (parent?.type === AST_NODE_TYPES.UpdateExpression) return false;
      return !(parent?.type === AST_NODE_TYPES.UnaryExpression && parent.operator === 'delete');
    });
  }

  /**
   * True when a rejection of `call`'s promise reaches a handler of the process's
   * `'unhandledRejection'` event (or a logging `'uncaughtException'` one, which receives it since
   * Node 15: see `installsRejectionHandler`) that is installed before the promise can reject: a statement of
   * the module's top level before the one holding `call` (`process.on('unhandledRejection', ...)`,
   * also `once`, `addListener`, `prependListener`), or one of the called function's own first
   * statements, before its first `await` (`runCli(async (config) => {...})` where `runCli` installs
   * a handler that logs the reason and exits, then awaits the start-up); also one level down, in
   * a function of the callee's module that those first statements call. The callee is a function
   * of this file or of another module (`calleesElsewhere`; typed, the one the checker resolves):
   * with several candidates, each must install it. What the handler does is its author's choice
   * (log, exit, report): the rejection is not lost. Asked only for a report about to be made;
   * cached per function.
   */
  rejectionReachesProcessHandler(call: TSESTree.CallExpression, statement: TSESTree.Node): boolean {
    const program = this.sourceCode.ast;
    let topLevel: TSESTree.Node = statement;
    while (topLevel.parent && topLevel.parent !== program) topLevel = topLevel.parent;
    if (topLevel.parent === program) {
      const index = program.body.indexOf(topLevel as TSESTree.ProgramStatement);
      if (program.body.slice(0, index).some((before) => installsRejectionHandler(before, this.sourceCode))) return true;
    }
    const own = this.calledFunction(call);
    if (own !== null) return this.installsHandlerFirst(own, 0);
    if (crossings >= MAX_CROSSINGS) return false;
    const found = calleesElsewhere(ownModule(this.context), call);
    const callees = found && found.length > 0 ? found : this.typedCalleeElsewhere(call);
    return callees !== null && callees.length > 0 && callees.every(({ module, fn }) => getFileEffects(module.context).installsHandlerFirst(fn, 0));
  }

  /**
   * @internal For `rejectionReachesProcessHandler`: does `fn` (a function of this file) install an
   * `'unhandledRejection'` (or logging `'uncaughtException'`) handler among its first statements, before any `await` (at `depth` 0
   * also through a call of a function of this file there)?
   */
  installsHandlerFirst(fn: FunctionNode, depth: number): boolean {
    const key = depth === 0 ? fn : null;
    const known = key ? this.handlerFirst.get(key) : undefined;
    if (known !== undefined) return known;
    let answer = false;
    if (fn.body.type === AST_NODE_TYPES.BlockStatement) {
      for (const statement of fn.body.body) {
        if (installsRejectionHandler(statement, this.sourceCode)) {
          answer = true;
          break;
        }
        const expression = statement.type === AST_NODE_TYPES.ExpressionStatement ? skipTransparent(statement.expression) : null;
        const helper = depth === 0 && expression?.type === AST_NODE_TYPES.CallExpression ? this.calledFunction(expression) : null;
        if (helper && helper !== fn && this.installsHandlerFirst(helper, 1)) {
          answer = true;
          break;
        }
        if (containsAwait(statement, this.sourceCode.visitorKeys)) break;
      }
    }
    if (key) this.handlerFirst.set(key, answer);
    return answer;
  }

  /** Per function, `installsHandlerFirst`'s answer. */
  private readonly handlerFirst = new Map<FunctionNode, boolean>();

  /**
   * Can a `for await` over `iterable` reject (is a step of the iteration a promise that may
   * reject)? False only for a call of an async generator function of this file
   * (`async *buffered() { while (await this.nextChunk()) yield this.take(); }`, `this.buffered()`),
   * or an object of a class of this file whose `async *[Symbol.asyncIterator]()` is one
   * (`localChannelIterator`), whose own body cannot reject: what it reads lies in memory, and each step waits on nothing
   * that fails. Anything else (a stream, a socket, another module's iterator) may.
   */
  iterationCanReject(iterable: TSESTree.Node, depth: number): boolean {
    const node = skipTransparent(iterable);
    let fn: FunctionNode | null;
    if (node.type === AST_NODE_TYPES.CallExpression) fn = this.calledFunction(node);
    else if (node.type === AST_NODE_TYPES.Identifier || node.type === AST_NODE_TYPES.MemberExpression) fn = this.localChannelIterator(node);
    else return true;
    if (!fn || !fn.async || !fn.generator || depth > MAX_DEPTH) return true;
    if (this.inProgress.has(fn)) return false;
    return this.summarise(fn, depth + 1).canReject;
  }

  /**
   * The `async *[Symbol.asyncIterator]()` method of the class of this file that every value of
   * `held` is a `new` of: a `const` initialised so, or a `this` field that every assignment of its
   * class gives such a value (`assignedFieldValues`): an in-memory channel the file defines
   * (`inbox = new Mailbox()`, iterated by `for await (const job of this.inbox)`). Null otherwise.
   */
  private localChannelIterator(held: TSESTree.Identifier | TSESTree.MemberExpression): FunctionNode | null {
    let values: readonly TSESTree.Node[] = [];
    if (held.type === AST_NODE_TYPES.MemberExpression) values = this.assignedFieldValues(held);
    else {
      const definitions = variableOfIdentifier(this.sourceCode, held)?.defs;
      const only = definitions?.length === 1 ? definitions[0] : undefined;
      if (only?.type === 'Variable' && only.parent.kind === 'const' && only.node.init) values = [only.node.init];
    }
    let iterator: FunctionNode | null = null;
    for (const value of values) {
      const created = skipTransparent(value);
      if (created.type !== AST_NODE_TYPES.NewExpression || created.callee.type !== AST_NODE_TYPES.Identifier) return null;
      const definition = variableOfIdentifier(this.sourceCode, created.callee)?.defs[0];
      if (definition?.type !== 'ClassName' || (definition.node.type !== AST_NODE_TYPES.ClassDeclaration && definition.node.type !== AST_NODE_TYPES.ClassExpression)) return null;
      const method = definition.node.body.body.find(
        (member) =>
          member.type === AST_NODE_TYPES.MethodDefinition &&
          member.computed &&
          member.key.type === AST_NODE_TYPES.MemberExpression &&
          member.key.object.type === AST_NODE_TYPES.Identifier &&
          member.key.object.name === 'Symbol' &&
          staticMemberName(member.key) === 'asyncIterator',
      );
      if (method?.type !== AST_NODE_TYPES.MethodDefinition || method.value.type !== AST_NODE_TYPES.FunctionExpression || (iterator !== null && iterator !== method.value)) return null;
      iterator = method.value;
    }
    return iterator;
  }

  /**
   * Can the value an async generator yields reject the step that yields it? Only a promise
   * (`yield load(id)`, by `PromiseAnalysis.isPromise`) that can reject; a value taken from memory
   * (`yield chunk`, `yield this.pending.shift()`) is handed on as it is.
   */
  yieldedCanReject(value: TSESTree.Expression, depth: number): boolean {
    return this.promises.isPromise(value) && this.valueCanReject(value, depth);
  }

  /** Can the promise of a call of `fn` (a function of this file) reject? Its summary's `canReject`; false while `fn` is being decided (recursion). */
  functionCanReject(fn: FunctionNode): boolean {
    if (this.inProgress.has(fn)) return false;
    return this.summarise(fn, 1).canReject;
  }

  /**
   * The functions of the program `call` runs: one of this file (`calledFunction`), or those found
   * in other modules (`calleesElsewhere`; typed, the one the checker resolves). Null when none has
   * a body in the program: a callee that is only declared (an abstract method, an interface
   * member, a declaration file) or one of an installed package.
   */
  programCallees(call: TSESTree.CallExpression): readonly FoundFunction[] | null {
    const own = this.calledFunction(call);
    if (own !== null) return [{ module: ownModule(this.context), fn: own }];
    const found = calleesElsewhere(ownModule(this.context), call);
    const callees = found && found.length > 0 ? found : this.typedCalleeElsewhere(call);
    return callees && callees.length > 0 ? callees : null;
  }

  /**
   * True when `call` runs functions of other modules, or methods found through the class or
   * interface its receiver is declared as (`calleesElsewhere`: `super.list(id)`,
   * `this.server.adapter.members(id)` with every class behind the adapter's interface), and none
   * of them can reject (each judged by its own module's summaries). Asked last, only when nothing
   * in this file decided; at most `MAX_CROSSINGS` modules deep.
   */
  private cannotRejectElsewhere(call: EffectCall): boolean {
    if (call.type !== AST_NODE_TYPES.CallExpression || crossings >= MAX_CROSSINGS) return false;
    const found = calleesElsewhere(ownModule(this.context), call);
    const callees = found && found.length > 0 ? found : this.typedCalleeElsewhere(call);
    if (!callees || callees.length === 0) return false;
    crossings += 1;
    try {
      // An async function of another module that `throw`s at all (also a guard on its arguments,
      // which this file's summaries take for a misuse bug) rejects by design: its caller's input
      // may be what it refuses. Unless every `throw` sits on a branch this call's literal
      // arguments rule out (`download({ url, ignoreFailure: true })` where each `catch` throws
      // only `if (!ignoreFailure)`).
      return callees.every(({ module, fn }) => {
        const effects = getFileEffects(module.context);
        if (fn.async && containsOwn(fn.body, module.context.sourceCode.visitorKeys, (inner) => inner.type === AST_NODE_TYPES.ThrowStatement)) return !effects.canRejectWithArguments(fn, call, true);
        return !effects.functionCanReject(fn) || !effects.canRejectWithArguments(fn, call);
      });
    } finally {
      crossings -= 1;
    }
  }

  /**
   * Typed: the function the checker resolves the call's callee to when the receiver reading of
   * `calleesElsewhere` finds none (a receiver returned by a factory, a field declared with a
   * generic class, a chain through typed values): the one call signature's declaration with a
   * body, in a source file of the project (not a declaration file, not `node_modules`), parsed as
   * `calleesElsewhere` parses modules (`functionWithBodyAt`); for an instance method, with the
   * overrides of the classes of its folder that extend its class (`overridesOf`). Null for a
   * property of an object literal that set-up code may replace (`mayBeReplaced`: `{ runNamed:
   * runLogged }`, a method its module assigns), which `calleesElsewhere` leaves unknown too. A function of
   * this file the checker names is this file's own (`calledFunction` did not resolve it by scope). Null untyped, for
   * several signatures, or when nothing is found. Cached per declaration.
   */
  private typedCalleeElsewhere(call: TSESTree.CallExpression): readonly FoundFunction[] | null {
    const services = getTypedServices(this.context);
    if (!services || this.calledFunction(call) !== null) return null;
    return checkerQuery(null, () => {
      const checker = services.program.getTypeChecker();
      const callee = services.esTreeNodeToTSNodeMap.get(call.callee);
      const signatures = checker.getTypeAtLocation(callee).getCallSignatures();
      const declared = signatures.length === 1 ? (signatures[0]?.getDeclaration() as unknown as TypedFunctionLike | undefined) : undefined;
      // A member set-up code may replace (`commands.runNamed`): the declaration is not what runs.
      if (!declared || mayBeReplaced(checker, callee)) return null;
      const known = this.typedCallees.get(declared);
      if (known !== undefined) return known;
      const declaration = declared.initializer ?? declared;
      const file = declaration.getSourceFile();
      const body = declaration.body as ({ getStart?: () => number } & TypedFunctionLike['body']) | undefined;
      let found: FoundFunction | null = null;
      if (body?.getStart && !file.isDeclarationFile && !/[\\/]node_modules[\\/]/.test(file.fileName)) {
        const start = body.getStart();
        found = path.resolve(file.fileName) === path.resolve(this.context.filename) ? functionWithBodyIn(ownModule(this.context), start) : functionWithBodyAt(file.fileName, start, this.context);
      }
      // A method of a class: its subclasses' overrides in the folder may be what runs.
      const callees = found && overridesOf(found);
      this.typedCallees.set(declared, callees);
      return callees;
    });
  }

  /** Typed: per declaration the checker resolved a call to, the function `typedCalleeElsewhere` found for it. */
  private readonly typedCallees = new Map<object, readonly FoundFunction[] | null>();

  private summarise(fn: FunctionNode, depth: number): EffectSummary {
    // Computed at most once per depth: a summary from nearer the caller followed more helpers.
    const known = this.summaries.get(fn);
    if (known && known.depth <= depth) return known.summary;
    this.inProgress.add(fn);
    const summary = new FunctionWalk(this, fn, depth).summary();
    this.inProgress.delete(fn);
    this.summaries.set(fn, { summary, depth });
    return summary;
  }

  /**
   * Can the promise that `expression` evaluates to reject? The one question behind
   * `EffectSummary.canReject`, asked of a value (what a rule drops, what a function awaits or
   * returns). False, "dropping it loses no error", for:
   * - a chain whose last link handles rejections (`.catch(h)`, `.then(f, h)`) with a handler that
   *   does not `throw`, and `.then(f)` / `.finally(f)` links on such a promise whose callbacks do
   *   not `throw` (`Promise.resolve().then(() => emit('ready'))`); `.finally(f)` whose callback
   *   ends the process (`process.exit(0)`): no rejection is ever seen;
   * - a recursive call of the function being summarised: it has the function's own answer;
   * - `Promise.allSettled(...)`; `Promise.resolve(v)` of a value that is not a call; a
   *   `new Promise(executor)` whose synchronous executor never uses a `reject` (`isResolveOnlyPromise`),
   *   and a `this` field that its class fills only with such promises (`this.exited.then(...)`);
   *   `Promise.all` / `race` / `any` of an array literal whose every element cannot reject (a
   *   spread `...items.map(fn)` counts as the promises `fn` makes, as below), or of
   *   `items.map(fn)` where `fn` (written there or a function of this file) is async and cannot
   *   reject. Over `items.map(fn)` with a synchronous or unknown `fn`, even `allSettled` can when
   *   written in an async function: `fn` runs while the list is built, and a throw there rejects
   *   that function (elsewhere the throw is synchronous: no promise rejects);
   * - a call whose effect summary cannot reject (`summaryOf`); a catalogued API that never
   *   rejects (`NEVER_REJECTING_APIS`: VS Code's message popups, Electron's native dialogs), the
   *   browser's `customElements.whenDefined(name)` (`isCustomElementWait`), or
   *   a promisified event other than `'error'` (`isResolveOnlyEventPromise`); `.then(f)` on a question to a
   *   person (`isPromptValue`: `inquirer.prompt(q).then((answer) => ...)`);
   * - a `const` initialised with such a promise (`const p = load().catch(log)`, `const ready = new
   *   Promise((resolve) => ...)`), `a ? b : c` when
   *   both branches cannot reject, `await x` when `x` cannot;
   * - a literal, template, object or array (not a promise at all).
   * True for anything else: an unknown call, a variable or member (it may hold any promise).
   */
  valueCanReject(expression: TSESTree.Node, depth = 1): boolean {
    const node = skipTransparent(expression);
    if (depth > MAX_DEPTH + 2) return true;
    switch (node.type) {
      case AST_NODE_TYPES.Literal:
      case AST_NODE_TYPES.TemplateLiteral:
      case AST_NODE_TYPES.ObjectExpression:
      case AST_NODE_TYPES.ArrayExpression:
      case AST_NODE_TYPES.BinaryExpression:
      case AST_NODE_TYPES.UnaryExpression:
      case AST_NODE_TYPES.ArrowFunctionExpression:
      case AST_NODE_TYPES.FunctionExpression:
        return false;
      case AST_NODE_TYPES.AwaitExpression:
        return this.valueCanReject(node.argument, depth + 1);
      case AST_NODE_TYPES.ConditionalExpression:
        return this.valueCanReject(node.consequent, depth + 1) || this.valueCanReject(node.alternate, depth + 1);
      case AST_NODE_TYPES.LogicalExpression:
        return this.valueCanReject(node.left, depth + 1) || this.valueCanReject(node.right, depth + 1);
      case AST_NODE_TYPES.Identifier: {
        const variable = variableOfIdentifier(this.sourceCode, node);
        const definition = variable?.defs.length === 1 ? variable.defs[0] : undefined;
        if (definition?.type !== 'Variable' || definition.parent.kind !== 'const' || !definition.node.init) return true;
        const init = skipTransparent(definition.node.init);
        // `const ready = new Promise((resolve) => { this.onReady = resolve; }); await ready;`
        if (init.type === AST_NODE_TYPES.NewExpression) return !this.isResolveOnlyPromise(init, depth + 1);
        // `const { promise, resolve } = Promise.withResolvers()`: a deferred whose `reject` is not
        // taken, from the global `Promise` or a same-file helper that hands out no `reject`.
        if (definition.node.id.type === AST_NODE_TYPES.ObjectPattern && init.type === AST_NODE_TYPES.CallExpression && takesResolveOnly(definition.node.id, node.name) && this.makesDeferred(init)) return false;
        // A part taken out of the call's value is not the value: whether it can reject is unknown.
        if (definition.node.id.type !== AST_NODE_TYPES.Identifier) return true;
        return init.type !== AST_NODE_TYPES.CallExpression || this.valueCanReject(init, depth + 1);
      }
      case AST_NODE_TYPES.CallExpression:
        return this.callCanReject(node, depth);
      case AST_NODE_TYPES.MemberExpression: {
        // `navigator.serviceWorker.ready`: the browser's promise of the active registration.
        if (this.isServiceWorkerReady(node)) return false;
        // `this.exited.then(...)`: a field the class only ever fills with resolve-only promises.
        if (skipTransparent(node.object).type !== AST_NODE_TYPES.ThisExpression) return true;
        const name = staticMemberName(node);
        const classNode = enclosingClass(node);
        const values = name !== null && classNode ? this.inheritedFieldValues(classNode, name) : undefined;
        return !values || values.some((value) => value.type !== AST_NODE_TYPES.NewExpression || !this.isResolveOnlyPromise(value));
      }
      case AST_NODE_TYPES.NewExpression:
        if (this.isResolveOnlyPromise(node, depth)) return false;
        return this.summaryAt(node, depth)?.canReject ?? true;
      // `(await import('got')).default`: a Node built-in or a package installed with this one.
      case AST_NODE_TYPES.ImportExpression: {
        const source = skipTransparent(node.source);
        return !(source.type === AST_NODE_TYPES.Literal && typeof source.value === 'string' && getWhereItRuns(this.context).alwaysLoads(source.value));
      }
      default:
        return true;
    }
  }

  /**
   * The values this file's classes assign to the `this` field that `member` (`this.exited`,
   * `this.#exited`) reads: the enclosing class's own assignments and those of the classes of this
   * file it extends (see `inheritedFieldValues`). Empty when `member` is not a named field of
   * `this` inside a class, or when no class of that chain assigns it.
   */
  assignedFieldValues(member: TSESTree.MemberExpression): readonly TSESTree.Node[] {
    if (skipTransparent(member.object).type !== AST_NODE_TYPES.ThisExpression) return [];
    const name = fieldName(member);
    const classNode = enclosingClass(member);
    return (name !== null && classNode ? this.inheritedFieldValues(classNode, name) : undefined) ?? [];
  }

  /**
   * The values assigned to the `this` field `name` by the class and by the classes of this file
   * it extends (`class Child extends Base`, `Base` declared here: the field `Child` reads may be
   * the one `Base`'s constructor fills). Undefined when no class of that chain assigns it.
   */
  private inheritedFieldValues(classNode: TSESTree.ClassDeclaration | TSESTree.ClassExpression, name: string): readonly TSESTree.Node[] | undefined {
    let all: TSESTree.Node[] | undefined;
    let current: TSESTree.ClassDeclaration | TSESTree.ClassExpression | null = classNode;
    for (let level = 0; current && level < MAX_DEPTH; level += 1) {
      const values = this.fieldValues(current).get(name);
      if (values) all = [...(all ?? []), ...values];
      current = this.sameFileSuperClass(current);
    }
    return all;
  }

  /** The class of this file that `classNode` extends by name (`extends Base`), else null. */
  private sameFileSuperClass(classNode: TSESTree.ClassDeclaration | TSESTree.ClassExpression): TSESTree.ClassDeclaration | TSESTree.ClassExpression | null {
    const superClass = classNode.superClass ? skipTransparent(classNode.superClass) : null;
    if (superClass?.type !== AST_NODE_TYPES.Identifier) return null;
    const definition = variableOfIdentifier(this.sourceCode, superClass)?.defs[0];
    if (definition?.type === 'ClassName' && (definition.node.type === AST_NODE_TYPES.ClassDeclaration || definition.node.type === AST_NODE_TYPES.ClassExpression)) return definition.node;
    if (definition?.type === 'Variable' && definition.node.init) {
      const init = skipTransparent(definition.node.init);
      if (init.type === AST_NODE_TYPES.ClassExpression) return init;
    }
    return null;
  }

  /**
   * The values a class assigns to its `this` fields (by `fieldName`: `#x` for a private one),
   * anywhere in its body (methods, nested
   * callbacks, initialisers), read once per class; a field assigned through anything but a plain
   * `=` (`??=`, a destructuring) gets the field itself as a value, which no caller takes as known.
   */
  private fieldValues(classNode: TSESTree.ClassDeclaration | TSESTree.ClassExpression): ReadonlyMap<string, readonly TSESTree.Node[]> {
    const known = this.classFieldValues.get(classNode);
    if (known) return known;
    const values = new Map<string, TSESTree.Node[]>();
    const add = (name: string | null, value: TSESTree.Node): void => {
      if (name !== null) values.set(name, [...(values.get(name) ?? []), value]);
    };
    const visit = (node: TSESTree.Node): void => {
      if (node.type === AST_NODE_TYPES.PropertyDefinition && !node.static && node.value) {
        add(node.key.type === AST_NODE_TYPES.PrivateIdentifier ? `#${node.key.name}` : keyName(node), skipTransparent(node.value));
      }
      if (node.type === AST_NODE_TYPES.AssignmentExpression) {
        for (const target of assignmentTargets(node.left)) {
          if (target.type === AST_NODE_TYPES.MemberExpression && skipTransparent(target.object).type === AST_NODE_TYPES.ThisExpression) {
            add(fieldName(target), node.operator === '=' && target === node.left ? skipTransparent(node.right) : target);
          }
        }
      }
      forEachChild(node, this.sourceCode.visitorKeys, visit);
    };
    visit(classNode.body);
    this.classFieldValues.set(classNode, values);
    return values;
  }

  /**
   * `Promise.withResolvers()` (the global `Promise`), or a call of a same-file helper whose every
   * returned object literal has no `reject` (and no spread) and whose every `new Promise` executor
   * leaves its `reject` parameter unused: a deferred nobody else can reject. A pending-request
   * table's `map.get(id)` or any other call is not one.
   */
  private makesDeferred(call: TSESTree.CallExpression): boolean {
    const callee = skipTransparent(call.callee);
    if (callee.type === AST_NODE_TYPES.MemberExpression) {
      const object = skipTransparent(callee.object);
      return staticMemberName(callee) === 'withResolvers' && object.type === AST_NODE_TYPES.Identifier && object.name === 'Promise' && this.isGlobal(object);
    }
    if (callee.type !== AST_NODE_TYPES.Identifier) return false;
    const definition = variableOfIdentifier(this.sourceCode, callee)?.defs;
    if (definition?.length !== 1) return false;
    const declared = definition[0];
    const helper =
      declared?.type === 'FunctionName' ? declared.node : declared?.type === 'Variable' && declared.node.init ? skipTransparent(declared.node.init) : null;
    if (!helper || !isFunctionNode(helper) || helper.async) return false;
    const returned: TSESTree.Node[] = [];
    let promises = true;
    if (helper.body.type !== AST_NODE_TYPES.BlockStatement) returned.push(skipTransparent(helper.body));
    someNodeBelow(helper.body, this.sourceCode.visitorKeys, (inner) => {
      if (inner.type === AST_NODE_TYPES.ReturnStatement && inner.argument) returned.push(skipTransparent(inner.argument));
      if (inner.type === AST_NODE_TYPES.NewExpression) {
        const executor = inner.arguments[0] ? skipTransparent(inner.arguments[0]) : null;
        const reject = executor && isFunctionNode(executor) ? executor.params[1] : undefined;
        if (reject !== undefined && (reject.type !== AST_NODE_TYPES.Identifier || this.sourceCode.getDeclaredVariables(executor as FunctionNode).some((variable) => variable.name === reject.name && variable.references.length > 0))) promises = false;
      }
      return false;
    });
    return (
      promises &&
      returned.length > 0 &&
      returned.every(
        (value) =>
          value.type === AST_NODE_TYPES.ObjectExpression &&
          value.properties.every((property) => property.type === AST_NODE_TYPES.Property && !property.computed && !(property.key.type === AST_NODE_TYPES.Identifier && property.key.name === 'reject')),
      )
    );
  }

  /**
   * `new Promise(executor)` whose synchronous executor never rejects: it takes only `resolve`
   * and makes no call that fails on bad input (`callsFailingApi`: `JSON.parse`, `readFileSync`)
   * (`new Promise((resolve) => emitter.once('exit', resolve))`), or never uses its `reject`, or hands it only to `.catch` of a value that cannot reject
   * (`forwardsRejectionOfSafeValue`). Only a
   * synchronous throw of the executor itself could still reject it. Not a delay
   * (`new Promise((resolve) => setTimeout(resolve, ms))`): waiting is its whole point, so a dropped
   * one is a forgotten `await`, and rules keep treating it as any other promise.
   */
  private isResolveOnlyPromise(node: TSESTree.NewExpression, depth = 1): boolean {
    const callee = skipTransparent(node.callee);
    if (callee.type !== AST_NODE_TYPES.Identifier || callee.name !== 'Promise' || !this.isGlobal(callee)) return false;
    const executor = node.arguments[0] ? skipTransparent(node.arguments[0]) : null;
    if (!executor || !isFunctionNode(executor) || executor.async || isDelayExecutor(executor)) return false;
    if (callsFailingApi(executor.body, this.sourceCode.visitorKeys)) return false;
    const reject = executor.params[1];
    if (reject === undefined) return true;
    if (reject.type !== AST_NODE_TYPES.Identifier) return false;
    return this.sourceCode
      .getDeclaredVariables(executor)
      .every(
        (variable) =>
          variable.name !== reject.name ||
          variable.references.every((reference) => this.forwardsRejectionOfSafeValue(reference.identifier, depth) || this.keepsRejectUncalled(reference.identifier)),
      );
  }

  /**
   * `reject` (a promise executor's) only kept, never called: stored under a name no call of this
   * file uses (`this.pending.set(id, { resolve, reject })`, `this.fail = reject`, with no
   * `x.reject(...)` / `reject(...)` / `fail(...)` call anywhere in the file: a request table that
   * only ever settles through `resolve`), or handed to a function of this file whose parameter
   * there is only stored so (`this.sendRequest(id, resolve, reject)`). A subclass in another file
   * that calls the stored function is not seen.
   */
  private keepsRejectUncalled(reference: TSESTree.Identifier | TSESTree.JSXIdentifier): boolean {
    if (reference.type !== AST_NODE_TYPES.Identifier) return false;
    const key = storedUnder(reference);
    if (key !== null) return this.storedPrivately(reference) && !this.fileCallsName(key);
    const call = reference.parent;
    if (call?.type !== AST_NODE_TYPES.CallExpression || !call.arguments.includes(reference)) return false;
    const fn = this.calledFunction(call);
    const param = fn?.params[call.arguments.indexOf(reference)];
    if (!fn || param?.type !== AST_NODE_TYPES.Identifier) return false;
    const variable = this.sourceCode.getDeclaredVariables(fn).find((candidate) => candidate.name === param.name);
    if (!variable || variable.references.length === 0) return false;
    return variable.references.every((inner) => {
      const name = inner.identifier.type === AST_NODE_TYPES.Identifier ? storedUnder(inner.identifier) : null;
      return name !== null && inner.identifier.type === AST_NODE_TYPES.Identifier && this.storedPrivately(inner.identifier) && !this.fileCallsName(name);
    });
  }

  /**
   * True when what `value` is stored into (see `storedUnder`) no other file can reach, so a call
   * of the stored function would be in this file: a module variable that is not exported and only
   * used through its members (`pending.set(id, { resolve, reject })`, `pending[id] = {...}`), or a
   * private field of the class (`this.#waiting`, TypeScript `private waiting`). A table exported
   * or a public or protected field may be settled by another module (the one that receives the
   * replies, a subclass that fails every waiter on close).
   */
  private storedPrivately(value: TSESTree.Identifier): boolean {
    const parent = value.parent;
    let container: TSESTree.Node | null = null;
    if (parent?.type === AST_NODE_TYPES.Property && parent.parent.type === AST_NODE_TYPES.ObjectExpression) {
      const object = parent.parent;
      const holder = object.parent;
      if (holder?.type === AST_NODE_TYPES.CallExpression && holder.arguments.includes(object) && holder.callee.type === AST_NODE_TYPES.MemberExpression) container = holder.callee.object;
      else if (holder?.type === AST_NODE_TYPES.AssignmentExpression && holder.right === object && holder.left.type === AST_NODE_TYPES.MemberExpression) container = holder.left.object;
    } else if (parent?.type === AST_NODE_TYPES.AssignmentExpression && parent.left.type === AST_NODE_TYPES.MemberExpression) {
      container = parent.left;
    }
    if (container === null) return false;
    container = skipTransparent(container);
    if (container.type === AST_NODE_TYPES.MemberExpression && skipTransparent(container.object).type === AST_NODE_TYPES.ThisExpression) {
      if (container.property.type === AST_NODE_TYPES.PrivateIdentifier) return true;
      const name = staticMemberName(container);
      return name !== null && isPrivateField(container, name);
    }
    if (container.type !== AST_NODE_TYPES.Identifier) return false;
    const variable = variableOfIdentifier(this.sourceCode, container);
    if (!variable || (variable.scope.type !== 'module' && variable.scope.type !== 'global')) return false;
    const definition = variable.defs[0];
    if (definition?.type !== 'Variable' || definition.parent.parent?.type === AST_NODE_TYPES.ExportNamedDeclaration) return false;
    // Only read through its members: never exported by name, returned or handed to a call.
    return variable.references.every((reference) => reference.init === true || (reference.identifier.parent?.type === AST_NODE_TYPES.MemberExpression && reference.identifier.parent.object === reference.identifier));
  }

  /** Per name: does any call of this file call a function by that name (`name(...)`, `x.name(...)`, `x.name.call(...)`)? */
  private readonly calledNames = new Map<string, boolean>();

  private fileCallsName(name: string): boolean {
    let known = this.calledNames.get(name);
    if (known === undefined) {
      known = someNodeBelow(this.sourceCode.ast, this.sourceCode.visitorKeys, (node) => {
        if (node.type !== AST_NODE_TYPES.CallExpression) return false;
        let callee = skipTransparent(node.callee);
        if (callee.type === AST_NODE_TYPES.MemberExpression && ['call', 'apply'].includes(staticMemberName(callee) ?? '')) callee = skipTransparent(callee.object);
        return writtenName(callee) === name;
      });
      this.calledNames.set(name, known);
    }
    return known;
  }

  /**
   * `new Promise((resolve) => { this.release = resolve; })`: a promise built only to hand its
   * `resolve` out. The executor is synchronous, takes no `reject` (or never uses it), and its
   * every statement stores `resolve` (`saved = resolve;`, `this.done = resolve;`; also the
   * arrow `(resolve) => (saved = resolve)`): it calls nothing, so it cannot throw, and nobody can
   * reject the promise. Dropped as a statement, such a promise is the resolver's holder, not a
   * task: whoever calls the stored `resolve` settles it, and no error can be lost. Not a
   * promise whose executor stores `reject` as well (`this.fail = reject`: a later call rejects a
   * promise nobody handles) or calls anything (`emitter.once('exit', resolve)`: a dropped one is a
   * forgotten `return`).
   */
  capturesResolverOnly(node: TSESTree.NewExpression): boolean {
    const callee = skipTransparent(node.callee);
    if (callee.type !== AST_NODE_TYPES.Identifier || callee.name !== 'Promise' || !this.isGlobal(callee)) return false;
    const executor = node.arguments[0] ? skipTransparent(node.arguments[0]) : null;
    if (!executor || !isFunctionNode(executor) || executor.async || executor.generator) return false;
    const [resolve, reject] = executor.params;
    if (resolve?.type !== AST_NODE_TYPES.Identifier) return false;
    if (reject !== undefined && (reject.type !== AST_NODE_TYPES.Identifier || this.sourceCode.getDeclaredVariables(executor).some((variable) => variable.name === reject.name && variable.references.length > 0))) return false;
    const stores = (statement: TSESTree.Node): boolean => {
      const expression = skipTransparent(statement.type === AST_NODE_TYPES.ExpressionStatement ? statement.expression : statement);
      if (expression.type !== AST_NODE_TYPES.AssignmentExpression || expression.operator !== '=') return false;
      const value = skipTransparent(expression.right);
      const target = expression.left;
      const plainTarget = target.type === AST_NODE_TYPES.Identifier || (target.type === AST_NODE_TYPES.MemberExpression && !target.computed);
      return plainTarget && value.type === AST_NODE_TYPES.Identifier && value.name === resolve.name;
    };
    if (executor.body.type !== AST_NODE_TYPES.BlockStatement) return stores(executor.body);
    return executor.body.body.length > 0 && executor.body.body.every((statement) => statement.type === AST_NODE_TYPES.ExpressionStatement && stores(statement));
  }

  /**
   * `(async () => { ... })().catch(reject)` inside an executor: `reject` handed only to `.catch` of
   * a value that cannot reject (`valueCanReject`), so it is never called. Any other use of it may.
   */
  private forwardsRejectionOfSafeValue(reject: TSESTree.Node, depth: number): boolean {
    const call = reject.parent;
    if (call?.type !== AST_NODE_TYPES.CallExpression || call.arguments.length !== 1 || call.arguments[0] !== reject || chainMethodName(call) !== 'catch') return false;
    return !this.valueCanReject((skipTransparent(call.callee) as TSESTree.MemberExpression).object, depth + 1);
  }

  /**
   * Can the `.then(f)` / `.finally(f)` callback `fn` reject the chain it is linked into? When it
   * `throw`s; when it is async and its summary can reject (`.then(async () => { await save() })`);
   * when it is an arrow whose value is a promise that can reject (`.then(() => save())`: the chain
   * adopts it). A sync callback returning something else (`() => emit('ready')`) counts as not
   * rejecting: the next-tick deferral whose only failure would be a synchronous bug, unless it
   * hands a result to an error-first continuation its enclosing function was given
   * (`middleware(res, next) { limiter.take(res).then(() => next(null, res)) }`): the caller's next
   * step then runs inside the chain, and whatever that code throws rejects it. A bare completion
   * signal (`done()`, `done(null)`) or a notification (`report('idle')`) hands on no work.
   */
  private callbackRejects(fn: FunctionNode, depth: number): boolean {
    if (containsOwn(fn.body, this.sourceCode.visitorKeys, (inner) => inner.type === AST_NODE_TYPES.ThrowStatement || this.callsHandedFunction(inner, fn))) return true;
    if (depth > MAX_DEPTH || this.inProgress.has(fn)) return false;
    if (fn.async) return this.summarise(fn, depth + 1).canReject;
    return fn.body.type !== AST_NODE_TYPES.BlockStatement && this.promises.isPromise(fn.body) && this.valueCanReject(fn.body, depth + 1);
  }

  /**
   * `next(null, res)` inside `callback`, where `next` is a parameter of the nearest function
   * around `callback` that is not itself a function handed to a call (a method or function that
   * received its caller's continuation).
   */
  private callsHandedFunction(node: TSESTree.Node, callback: FunctionNode): boolean {
    if (node.type !== AST_NODE_TYPES.CallExpression) return false;
    const callee = skipTransparent(node.callee);
    if (callee.type !== AST_NODE_TYPES.Identifier) return false;
    let outer: TSESTree.Node | undefined = callback.parent;
    while (outer && !(isFunctionNode(outer) && outer.parent?.type !== AST_NODE_TYPES.CallExpression && outer.parent?.type !== AST_NODE_TYPES.NewExpression)) outer = outer.parent;
    if (!outer) return false;
    // `next(null, res)`: an error-first continuation handed a result. Not `done()` / `done(null)` (a
    // completion signal) nor `report('idle')` (a notification).
    const [first, ...rest] = node.arguments;
    if (!first || !isNothing(first) || rest.length === 0) return false;
    const definition = variableOfIdentifier(this.sourceCode, callee)?.defs[0];
    return definition?.type === 'Parameter' && definition.node === outer;
  }

  private callCanReject(call: TSESTree.CallExpression, depth: number): boolean {
    const method = chainMethodName(call);
    if (method !== null) {
      if (hasRejectionHandler(call)) return handlerRethrows(call, this.sourceCode.visitorKeys);
      if (method === 'catch') return true;
      // `cleanup().finally(() => process.exit(0))`: the process ends before a rejection is seen.
      if (method === 'finally' && call.arguments[0] && isFunctionNode(call.arguments[0]) && exitsProcess(call.arguments[0])) return false;
      if (call.arguments.some((argument) => isFunctionNode(argument) && this.callbackRejects(argument, depth))) return true;
      const receiver = (skipTransparent(call.callee) as TSESTree.MemberExpression).object;
      // `prompt.then((answer) => resolve(answer.ok))`: the person's answer, handled.
      if (method === 'then' && this.isPromptValue(receiver)) return false;
      // `sleep(ms).then(() => { timedOut = true; })`, `import('pkg').then((m) => m.default)`: the
      // delay or the load of an installed module settles anyway, but what a callback returns is
      // adopted by the chain, and a call whose promise the untyped check above cannot see
      // (`() => api.refresh()`, `({ default: got }) => got.post(url)`) may still reject.
      const settlesAnyway = this.isDelay(receiver) || skipTransparent(receiver).type === AST_NODE_TYPES.ImportExpression;
      if (settlesAnyway && !call.arguments.every((argument) => isFunctionNode(argument) && returnsNoCall(argument, this.sourceCode.visitorKeys))) return true;
      if (call.arguments.every((argument) => isFunctionNode(argument)) && this.isDelay(receiver)) return false;
      return this.valueCanReject(receiver, depth + 1);
    }
    // `await pending.shift()`: an element of a local array of promises that cannot reject.
    const taken = takenElementOf(call);
    if (taken !== null) return this.collectedCanReject(taken, depth);
    const combinator = this.promiseCombinator(call);
    if (combinator === null) {
      // A recursive call (`catch (e) { log(e); return this.poll(); }`) has the function's own
      // answer, which the rest of its body decides.
      const fn = this.calledFunction(call);
      if (fn !== null && this.inProgress.has(fn) && this.apiEffect(call) === null) return false;
      // `vscode.window.showErrorMessage(...)`: a catalogued promise that never rejects.
      if (fn === null && (this.isNeverRejectingApi(call) || this.isResolveOnlyEventPromise(call) || this.awaitsEventOfOwnEmitter(call) || this.isCustomElementWait(call) || this.publishesInMemory(call) || this.revalidatesCache(call))) return false;
      // `this.entries.set(key, value)` on a `Map` field: no promise at all.
      if (fn === null && this.updatesCollectionField(call)) return false;
      // `async.each(items, (item, done) => { ...; done(); })`: no iteratee hands on an error.
      if (fn === null && this.isErrorlessEach(call)) return false;
      // An async function of another module whose whole body catches everything (`importedCannotReject`).
      const summary = this.summaryAt(call, depth);
      if (summary) return summary.canReject && (fn === null || this.canRejectWithArguments(fn, call));
      return !(this.importedCannotReject(call) || this.runsCatchingCallback(call, depth) || this.cannotRejectElsewhere(call));
    }
    const [list] = call.arguments;
    const items = list ? skipTransparent(list) : null;
    // `Promise.all(items.map(fn))`: each element is a promise of `fn`.
    const mapper = items ? this.mappedFunction(items) : null;
    if (mapper !== null) {
      // An async mapper turns its throws into its promise's rejection: allSettled keeps them. A
      // synchronous one throws while the list is built, before the combinator is called: that
      // rejects only an async function the call is written in; anywhere else the throw leaves
      // the call synchronously, and allSettled's own promise is never rejected.
      if (combinator === 'allSettled' && ((mapper !== 'unknown' && mapper.async) || !inAsyncFunction(call))) return false;
      return this.mapperCanReject(mapper, depth);
    }
    if (combinator === 'allSettled') return false;
    if (items?.type === AST_NODE_TYPES.ArrayExpression) {
      return items.elements.some((element) => {
        if (element === null) return true;
        if (element.type !== AST_NODE_TYPES.SpreadElement) return this.valueCanReject(element, depth + 1);
        // `[...shards.map(online), online(primary)]`: the spread gathers the promises `fn` makes,
        // as passing the mapped list whole would.
        const spread = this.mappedFunction(skipTransparent(element.argument));
        return spread === null || this.mapperCanReject(spread, depth);
      });
    }
    if (items?.type === AST_NODE_TYPES.Identifier) return this.collectedCanReject(items, depth);
    return true;
  }

  /**
   * True when `value` is the promise of a question to a person (`apiEffect` says `prompt`:
   * `inquirer.prompt(...)`, readline's `rl.question(...)`, a project's `./prompts` helper), called
   * there or held by a `const` initialised with the call. Its `.then((answer) => ...)` handles the
   * answer; the prompt rejects only when the person aborts it (Ctrl+C, a closed terminal), which
   * ends the command-line program anyway. A dropped prompt without `.then` is a forgotten `await`
   * and is not judged here.
   */
  private isPromptValue(value: TSESTree.Node): boolean {
    let node = skipTransparent(value);
    if (node.type === AST_NODE_TYPES.Identifier) {
      const variable = variableOfIdentifier(this.sourceCode, node);
      const definition = variable?.defs.length === 1 ? variable.defs[0] : undefined;
      if (definition?.type !== 'Variable' || definition.parent.kind !== 'const' || !definition.node.init) return false;
      node = skipTransparent(definition.node.init);
    }
    return node.type === AST_NODE_TYPES.CallExpression && this.apiEffect(node) === 'prompt';
  }

  /**
   * True when `call` is a catalogued API whose promise never rejects (`NEVER_REJECTING_APIS`),
   * resolved through the import of the member chain's root: `vscode.window.showErrorMessage(m)`
   * with `vscode` a namespace or default import of `vscode`, `window.showErrorMessage(m)` with
   * `window` imported from it by name. A local or global `window` is not it.
   */
  private isNeverRejectingApi(call: TSESTree.CallExpression): boolean {
    const members: string[] = [];
    let root: TSESTree.Node = skipTransparent(call.callee);
    while (root.type === AST_NODE_TYPES.MemberExpression) {
      const name = staticMemberName(root);
      if (name === null) return false;
      members.unshift(name);
      root = skipTransparent(root.object);
    }
    if (root.type !== AST_NODE_TYPES.Identifier || members.length === 0) return false;
    const variable = variableOfIdentifier(this.sourceCode, root);
    const source = variable ? getImportSource(variable) : null;
    const paths = source ? NEVER_REJECTING_APIS.get(source.module) : undefined;
    if (!source || !paths) return false;
    const path = source.imported === '*' || source.imported === 'default' ? members : [source.imported, ...members];
    return paths.some((known) => known.length === path.length && known.every((name, index) => name === path[index]));
  }

  /**
   * Typed: `call` revalidates a data-fetching hook's cache (`CACHE_REVALIDATIONS`: SWR's `mutate`
   * or `setSize`) without data that may reject: the checker's type of the callee is declared in
   * that package's folder under a catalogued name (a function type literal is named by the
   * property it is declared on), and the data argument, if any, is known to be neither callable
   * nor thenable (`any` is not known). Such a promise only resolves.
   */
  private revalidatesCache(call: TSESTree.CallExpression): boolean {
    const services = getTypedServices(this.context);
    if (!services) return false;
    return checkerQuery(false, () => {
      const checker = services.program.getTypeChecker();
      const type = checker.getTypeAtLocation(services.esTreeNodeToTSNodeMap.get(call.callee));
      const symbol = type.aliasSymbol ?? type.getSymbol();
      const declaration = symbol?.getDeclarations()?.[0];
      if (!symbol || !declaration) return false;
      const named = symbol.getName() === '__type' ? declaration.parent : declaration;
      const name = (named as { name?: { text?: unknown } } | undefined)?.name?.text;
      if (typeof name !== 'string') return false;
      const file = declaration.getSourceFile().fileName.replaceAll('\\', '/');
      for (const [module, names] of CACHE_REVALIDATIONS) {
        const dataIndex = names.get(name);
        if (dataIndex === undefined || !(file.includes(`/node_modules/${module}/`) || insideAmbientModule(declaration, module))) continue;
        if (call.arguments.some((argument) => argument.type === AST_NODE_TYPES.SpreadElement)) return false;
        const data = dataIndex >= 0 ? call.arguments[dataIndex] : undefined;
        if (data === undefined) return true;
        const dataType = checker.getTypeAtLocation(services.esTreeNodeToTSNodeMap.get(data));
        const parts = dataType.isUnion() ? dataType.types : [dataType];
        return parts.every((part) => !(part.flags & TYPE_FLAGS_ANY_OR_UNKNOWN) && checker.getApparentType(part).getCallSignatures().length === 0 && !part.getProperty('then'));
      }
      return false;
    });
  }

  /**
   * True when `call` publishes on an in-memory pub/sub object (`IN_MEMORY_PUBSUB_CLASSES`:
   * `this.pubsub.publish(topic, payload)` with graphql-subscriptions' `PubSub`), whose promise only
   * resolves. The receiver is known to be one when every value it is given is `new C()` of such a
   * class, `C` imported from its module (also renamed: `import { PubSub as LocalPubSub }`, or
   * `new gql.PubSub()` on a namespace import): a `this` field, by every assignment of the class
   * and of the classes of this file it extends (a constructor, a field initialiser, or a lifecycle
   * method such as `onModuleInit()`: `assignedFieldValues`), or a `const`. A field also given any
   * other value (a Redis-backed `PubSub`, a parameter, `null`) is not known.
   */
  private publishesInMemory(call: TSESTree.CallExpression): boolean {
    const callee = skipTransparent(call.callee);
    if (callee.type !== AST_NODE_TYPES.MemberExpression) return false;
    const method = staticMemberName(callee);
    if (method === null || !IN_MEMORY_PUBSUB_METHODS.has(method)) return false;
    const receiver = skipTransparent(callee.object);
    let values: readonly TSESTree.Node[] = [];
    if (receiver.type === AST_NODE_TYPES.MemberExpression) values = this.assignedFieldValues(receiver);
    else if (receiver.type === AST_NODE_TYPES.Identifier) {
      const definition = variableOfIdentifier(this.sourceCode, receiver)?.defs;
      const only = definition?.length === 1 ? definition[0] : undefined;
      if (only?.type === 'Variable' && only.parent.kind === 'const' && only.node.init) values = [skipTransparent(only.node.init)];
    }
    return (
      values.length > 0 &&
      values.every((value) => {
        if (value.type !== AST_NODE_TYPES.NewExpression) return false;
        const made = importedCallee(value.callee, (identifier) => variableOfIdentifier(this.sourceCode, identifier));
        return made !== null && IN_MEMORY_PUBSUB_CLASSES.get(made.module)?.get(made.name)?.has(method) === true;
      })
    );
  }

  /**
   * `navigator.serviceWorker.ready` of the browser's global `navigator` (also through `window.`,
   * `self.` or `globalThis.`): the promise settles with the active service-worker registration
   * once there is one, and never rejects (the Service Workers specification's `ready`).
   */
  private isServiceWorkerReady(member: TSESTree.MemberExpression): boolean {
    if (staticMemberName(member) !== 'ready') return false;
    const container = skipTransparent(member.object);
    if (container.type !== AST_NODE_TYPES.MemberExpression || staticMemberName(container) !== 'serviceWorker') return false;
    return this.isBrowserGlobal(container.object, 'navigator');
  }

  /**
   * True when `node` is the browser's global `name`: the global identifier (not declared or
   * imported in the file), or `window.name`, `self.name`, `globalThis.name` of a global root.
   */
  private isBrowserGlobal(node: TSESTree.Node, name: string): boolean {
    const value = skipTransparent(node);
    if (value.type === AST_NODE_TYPES.Identifier) return value.name === name && this.isGlobal(value);
    if (value.type !== AST_NODE_TYPES.MemberExpression || staticMemberName(value) !== name) return false;
    const root = skipTransparent(value.object);
    return root.type === AST_NODE_TYPES.Identifier && ['window', 'self', 'globalThis'].includes(root.name) && this.isGlobal(root);
  }

  /**
   * `customElements.whenDefined(name)` of the browser's global registry (also through `window.`,
   * `self.` or `globalThis.`): it settles when the element is defined and rejects only for a name
   * that is not a valid custom-element name, a programming error no handler would recover from.
   */
  private isCustomElementWait(call: TSESTree.CallExpression): boolean {
    const callee = skipTransparent(call.callee);
    if (callee.type !== AST_NODE_TYPES.MemberExpression || staticMemberName(callee) !== 'whenDefined') return false;
    return this.isBrowserGlobal(callee.object, 'customElements');
  }

  /**
   * `promisifyEvent(socket, 'drain')` with the default export of a module of
   * `ERROR_EVENT_ONLY_PROMISIFIERS` (any local name, imported or required) and an event name
   * written as a string other than `'error'`: the promise only resolves. A computed event name may
   * be `'error'`, and counts as one that rejects.
   */
  private isResolveOnlyEventPromise(call: TSESTree.CallExpression): boolean {
    const callee = skipTransparent(call.callee);
    const event = call.arguments[1] ? skipTransparent(call.arguments[1]) : null;
    if (callee.type !== AST_NODE_TYPES.Identifier || event?.type !== AST_NODE_TYPES.Literal || typeof event.value !== 'string' || event.value === 'error') return false;
    const variable = variableOfIdentifier(this.sourceCode, callee);
    const source = variable ? getImportSource(variable) : null;
    return source !== null && ERROR_EVENT_ONLY_PROMISIFIERS.has(source.module) && (source.imported === 'default' || source.imported === '*');
  }

  /**
   * `events.once(channel, 'worker-lost')` of Node's `events` module (`import { once } from
   * 'node:events'` or the module's default or namespace import), with an event name written as a
   * string other than `'error'` and no options (no `signal` to abort it), on an emitter of this
   * module: a `const`/`let` of the file (not a parameter, not an import), in a file that creates
   * its emitters (`new EventEmitter()`, `new events.EventEmitter()`) and never emits `'error'` on
   * one of that name (`channel.emit('error', ...)`). Such a promise rejects only when the emitter
   * emits `'error'`, which only this module could do, so it only resolves.
   */
  private awaitsEventOfOwnEmitter(call: TSESTree.CallExpression): boolean {
    if (call.arguments.length !== 2) return false;
    const [target, event] = call.arguments.map((argument) => skipTransparent(argument));
    if (event?.type !== AST_NODE_TYPES.Literal || typeof event.value !== 'string' || event.value === 'error') return false;
    if (target?.type !== AST_NODE_TYPES.Identifier) return false;
    const callee = skipTransparent(call.callee);
    const named = callee.type === AST_NODE_TYPES.Identifier ? callee : callee.type === AST_NODE_TYPES.MemberExpression && staticMemberName(callee) === 'once' ? skipTransparent(callee.object) : null;
    if (named?.type !== AST_NODE_TYPES.Identifier) return false;
    const namedVariable = variableOfIdentifier(this.sourceCode, named);
    const source = namedVariable ? getImportSource(namedVariable) : null;
    if (!source || (source.module !== 'events' && source.module !== 'node:events')) return false;
    if (callee.type === AST_NODE_TYPES.Identifier ? source.imported !== 'once' : source.imported !== 'default' && source.imported !== '*') return false;
    const definition = variableOfIdentifier(this.sourceCode, target)?.defs[0];
    if (definition?.type !== 'Variable' || definition.parent.kind === 'var') return false;
    const text = this.sourceCode.text;
    if (!/\bnew\s+(?:[\w$]+\s*\.\s*)?EventEmitter\s*\(/.test(text)) return false;
    const emitsError = new RegExp(`(?:^|[^\\w$.])${target.name.replace(/\$/g, '\\$')}\\s*\\.\\s*emit\\s*\\(\\s*['"\`]error['"\`]`);
    return !emitsError.test(text);
  }

  /**
   * `async.each(items, (item, done) => { ...; done(); })` without a final callback, the library
   * (`CALLBACK_COLLECTION_MODULES`) imported or required under any name: the promise it returns
   * rejects only when an iteratee calls its callback with an error. True when the iteratee is a
   * non-async function written there whose callback parameter (its last) is only ever called, with
   * no argument or a `null`/`undefined` first one (also inside its nested callbacks:
   * `save(x).then(() => done())`), never handed on.
   */
  private isErrorlessEach(call: TSESTree.CallExpression): boolean {
    const callee = skipTransparent(call.callee);
    if (callee.type !== AST_NODE_TYPES.MemberExpression || !CALLBACK_EACH_METHODS.has(staticMemberName(callee) ?? '')) return false;
    const library = skipTransparent(callee.object);
    if (library.type !== AST_NODE_TYPES.Identifier) return false;
    const variable = variableOfIdentifier(this.sourceCode, library);
    const source = variable ? getImportSource(variable) : null;
    if (!source || !CALLBACK_COLLECTION_MODULES.has(source.module) || (source.imported !== 'default' && source.imported !== '*')) return false;
    const iteratee = call.arguments.at(-1);
    if (!iteratee || !isFunctionNode(iteratee) || iteratee.async || iteratee.params.length < 2) return false;
    const done = iteratee.params.at(-1);
    if (done?.type !== AST_NODE_TYPES.Identifier) return false;
    const declared = this.sourceCode.getDeclaredVariables(iteratee).find((candidate) => candidate.name === done.name);
    if (!declared || declared.references.length === 0) return false;
    return declared.references.every((reference) => {
      const use = reference.identifier;
      const parent = use.parent;
      if (parent?.type !== AST_NODE_TYPES.CallExpression || parent.callee !== use) return false;
      const [first] = parent.arguments;
      return first === undefined || isNothing(first);
    });
  }

  /**
   * `this.entries.set(key, value)`: a method that answers with the collection, a boolean or nothing
   * (`COLLECTION_STATUS_METHODS`: `set`, `add`, `delete`, `has`, `clear`) called on a `this` field
   * that every assignment of its class (and of the classes of this file it extends) fills with a
   * new `Map`, `Set`, `WeakMap` or `WeakSet`: the value is no promise, so it rejects nothing (an
   * in-memory store whose async methods only update such a field). Not `get`: a collection may
   * hold promises.
   */
  private updatesCollectionField(call: TSESTree.CallExpression): boolean {
    const callee = skipTransparent(call.callee);
    if (callee.type !== AST_NODE_TYPES.MemberExpression || !COLLECTION_STATUS_METHODS.has(staticMemberName(callee) ?? '')) return false;
    const field = skipTransparent(callee.object);
    if (field.type !== AST_NODE_TYPES.MemberExpression) return false;
    const values = this.assignedFieldValues(field);
    return (
      values.length > 0 &&
      values.every((value) => {
        const made = skipTransparent(value);
        if (made.type !== AST_NODE_TYPES.NewExpression) return false;
        const constructor = skipTransparent(made.callee);
        return constructor.type === AST_NODE_TYPES.Identifier && KEYED_COLLECTIONS.has(constructor.name) && this.isGlobal(constructor);
      })
    );
  }

  /**
   * For `Promise.all(promises)` and `await promises.shift()`: false when `promises` is a local
   * array declared with a literal whose every element, and every argument ever `push`ed into it,
   * cannot reject (`promises.push(install(m).catch(() => retry.push(m)))`). Reading its `length`
   * and taking elements out (`shift()`, `pop()`) add nothing. Any other use of the array (passed
   * on, reassigned, spread, written by index) answers true: something else may add to it.
   */
  private collectedCanReject(list: TSESTree.Identifier, depth: number): boolean {
    const variable = variableOfIdentifier(this.sourceCode, list);
    const definition = variable?.defs.length === 1 ? variable.defs[0] : undefined;
    if (!variable || definition?.type !== 'Variable' || definition.node.id.type !== AST_NODE_TYPES.Identifier || !definition.node.init) return true;
    const init = skipTransparent(definition.node.init);
    if (init.type !== AST_NODE_TYPES.ArrayExpression) return true;
    if (init.elements.some((element) => element === null || element.type === AST_NODE_TYPES.SpreadElement || this.valueCanReject(element, depth + 1))) return true;
    return variable.references.some((reference) => {
      const identifier = reference.identifier;
      if (identifier === definition.node.id) return false;
      if (reference.isWrite()) return true;
      const parent = identifier.parent;
      // `Promise.all(promises)` itself, and `promises.length`.
      if (parent.type === AST_NODE_TYPES.CallExpression && parent.arguments[0] === identifier && this.promiseCombinator(parent) !== null) return false;
      if (parent.type !== AST_NODE_TYPES.MemberExpression || parent.object !== identifier) return true;
      const member = staticMemberName(parent);
      if (member === 'length') return false;
      const call = parent.parent;
      // `await promises.shift()`: an element taken out, no new one added.
      if ((member === 'shift' || member === 'pop') && call.type === AST_NODE_TYPES.CallExpression && call.callee === parent && call.arguments.length === 0) return false;
      if (member !== 'push' || call.type !== AST_NODE_TYPES.CallExpression || call.callee !== parent) return true;
      return call.arguments.some((argument) => argument.type === AST_NODE_TYPES.SpreadElement || this.valueCanReject(argument, depth + 1));
    });
  }

  /**
   * For `items.map(fn)`: can one of the promises it makes reject? An async `fn` (written there or
   * a function of this file) answers with its summary; a synchronous one with what it returns
   * (`(n) => send(n).catch(log)`: no; a value that is not a promise, `peer.send(msg)`, may be a
   * throw inside the caller's async function, so "may"). Null when `call` is not such a `.map`.
   */
  mappedCanReject(call: TSESTree.Node): boolean | null {
    const mapper = this.mappedFunction(skipTransparent(call));
    return mapper === null ? null : this.mapperCanReject(mapper, 1);
  }

  private mapperCanReject(mapper: FunctionNode | 'unknown', depth: number): boolean {
    if (mapper === 'unknown') return true;
    return depth > MAX_DEPTH || this.inProgress.has(mapper) || this.summarise(mapper, depth + 1).canReject;
  }

  /**
   * For `list.map(fn)`: the function `fn` is (written there, or a function of this file), or
   * `'unknown'` when it cannot be resolved; null when `node` is not a `.map(...)` call.
   */
  private mappedFunction(node: TSESTree.Node): FunctionNode | 'unknown' | null {
    if (node.type !== AST_NODE_TYPES.CallExpression || chainMethodName(node) !== null) return null;
    const callee = skipTransparent(node.callee);
    const [callback] = node.arguments;
    if (callee.type !== AST_NODE_TYPES.MemberExpression || staticMemberName(callee) !== 'map' || !callback) return null;
    const value = skipTransparent(callback);
    if (isFunctionNode(value)) return value;
    const fn = value.type === AST_NODE_TYPES.Identifier || value.type === AST_NODE_TYPES.MemberExpression ? this.promises.resolveCallee(value) : null;
    return fn ?? 'unknown';
  }

  /**
   * For `Promise.all(list)` (any combinator of the global `Promise`): true when every promise it
   * gathers waits on memory (`EffectSummary.waits`), so the gather waits on nothing real:
   * `Promise.all(files.map(async (file) => ({ path: file.path })))`, an async mapper (written there
   * or a function of this file) whose summary waits on memory; an array literal of calls that each
   * wait on memory; `a.map(f) || []` when both sides do. Anything else (a value that may hold a
   * started promise, an unknown mapper or call) answers false.
   */
  private gathersOnlyMemory(call: TSESTree.CallExpression, depth: number): boolean {
    const [list] = call.arguments;
    const waitsOnMemory = (node: TSESTree.Node): boolean => {
      const value = skipTransparent(node);
      if (value.type === AST_NODE_TYPES.LogicalExpression) return waitsOnMemory(value.left) && waitsOnMemory(value.right);
      if (value.type === AST_NODE_TYPES.ArrayExpression) {
        return value.elements.every((element) => {
          if (element === null || element.type === AST_NODE_TYPES.SpreadElement) return false;
          const item = skipTransparent(element);
          return (item.type === AST_NODE_TYPES.CallExpression || item.type === AST_NODE_TYPES.NewExpression) && this.summaryAt(item, depth + 1)?.waits === 'memory';
        });
      }
      const mapper = this.mappedFunction(value);
      if (mapper === null || mapper === 'unknown' || depth > MAX_DEPTH || this.inProgress.has(mapper)) return false;
      return this.summarise(mapper, depth + 1).waits === 'memory';
    };
    return list !== undefined && waitsOnMemory(list);
  }

  /** `all`, `allSettled`, `race` or `any` for a call of that method on the global `Promise`, else null. */
  private promiseCombinator(call: TSESTree.CallExpression): PromiseCombinator | null {
    const combinator = promiseCombinatorOf(call.callee);
    if (combinator === null) return null;
    const object = skipTransparent((skipTransparent(call.callee) as TSESTree.MemberExpression).object) as TSESTree.Identifier;
    return this.isGlobal(object) ? combinator : null;
  }

  /** Typed mode: the checker knows `node`'s type and it is not a promise. False untyped. */
  isKnownNonPromise(node: TSESTree.Node): boolean {
    return this.promises.typed && this.promises.hasKnownType(node) && !this.promises.isPromise(node as TSESTree.Expression);
  }

  /** @internal For `FunctionWalk`: the summary of a call made inside a function at `depth`. */
  calleeSummary(call: EffectCall, depth: number): EffectSummary | null {
    return this.summaryAt(call, depth + 1);
  }

  /** @internal The catalogued effect of a call, resolved through its import. */
  apiEffect(call: EffectCall): ApiEffect {
    const callee = skipTransparent(call.callee);
    let root: TSESTree.Node = callee;
    let member: string | null = null;
    if (callee.type === AST_NODE_TYPES.MemberExpression) {
      member = staticMemberName(callee);
      root = skipTransparent(callee.object);
      // `fs.promises.readFile(...)`
      if (root.type === AST_NODE_TYPES.MemberExpression && staticMemberName(root) === 'promises') {
        root = skipTransparent(root.object);
      }
    }
    if (
      member === 'resolve' &&
      root.type === AST_NODE_TYPES.Identifier &&
      root.name === 'Promise' &&
      this.isGlobal(root)
    ) {
      // `Promise.resolve(value)` holds the value; `Promise.resolve(load())` adopts the call's promise.
      const [value] = call.arguments;
      const held = value ? skipTransparent(value) : null;
      return held === null || (held.type !== AST_NODE_TYPES.CallExpression && held.type !== AST_NODE_TYPES.NewExpression && held.type !== AST_NODE_TYPES.AwaitExpression)
        ? 'memory'
        : null;
    }
    // `crypto.subtle.digest(...)`, `subtle.sign(...)`: a quick WebCrypto operation, CPU work behind
    // a promise (which rejects on a bad algorithm or key).
    if (member !== null && WEB_CRYPTO_QUICK_METHODS.has(member) && (root.type === AST_NODE_TYPES.Identifier ? root.name === 'subtle' : root.type === AST_NODE_TYPES.MemberExpression && staticMemberName(root) === 'subtle')) {
      return 'compute';
    }
    // Named for what it does, wherever it is defined: an environment loader (`loadEnv()`), a
    // module loader (`fs.dynamicImport(file)`, `require(path)` of a computed path).
    const calledName = member ?? (root.type === AST_NODE_TYPES.Identifier ? root.name : null);
    if (calledName !== null && ENV_LOADER_NAME.test(calledName)) return 'envLoad';
    if (calledName !== null && MODULE_LOADER_NAMES.has(calledName) && call.arguments[0]?.type !== AST_NODE_TYPES.Literal) return 'moduleLoad';
    // `compiler.execute(compiledCode, filename)`: a file's source evaluated as its module.
    if (member !== null && CODE_EVALUATION_METHODS.has(member) && evaluatesFileSource(call)) return 'moduleLoad';
    // `await sequencer.sort(files)`: a method named for in-memory work (`MEMORY_METHODS`), async in name only.
    if (member !== null && MEMORY_METHODS.has(member)) return 'memory';
    // `await getPayload({ config })`: a memoised framework instance (`SINGLETON_GETTER_NAMES`);
    // `await getSession(this, req)`: the request's state held by the adapter (`REQUEST_STATE_GETTER`).
    if (calledName !== null && this.calledFunction(call) === null) {
      if (SINGLETON_GETTER_NAMES.has(calledName) || MEMOISED_INSTANCE_GETTER.test(calledName)) return 'memory';
      // `await license.getCachedLicense()`: named for a read of what a cache holds.
      if (CACHED_READ_NAME.test(calledName)) return 'cachedRead';
      // `UptimeCalculator.getUptimeCalculator(id)`, `Logger.getLogger(name)`: a class's getter of
      // its own (per-key memoised) instance.
      if (member !== null && root.type === AST_NODE_TYPES.Identifier && member === `get${root.name}`) return 'memory';
      if (REQUEST_STATE_GETTER.test(calledName) && looksUpRequestState(call)) return 'memory';
    }
    // `cli.askConfirm('Publish now?')`: a function of another module named for asking
    // (`PROMPT_NAME`), or given a question to show (`QUESTION_TEXT`).
    if (calledName !== null && (PROMPT_NAME.test(calledName) || asksQuestion(call)) && this.calledFunction(call) === null) return 'prompt';
    // `browser.tabs.query({})`, `chrome.storage.session.get(key)` in a browser extension: a message
    // to the browser on the same machine (tabs, windows, the extension's storage), answered in
    // about a millisecond. Not `browser.runtime.sendNativeMessage` or anything else that leaves it.
    if (this.callsExtensionHost(call) || this.readsEditorWorkspace(call)) return 'hostCall';
    if (root.type !== AST_NODE_TYPES.Identifier) {
      const dialog = member !== null && USER_DIALOG_METHOD.test(member) && root.type !== AST_NODE_TYPES.ThisExpression && this.calledFunction(call) === null;
      return member !== null && (PROMPT_METHODS.has(member) || dialog) ? 'prompt' : member !== null && LOCK_METHODS.has(member) ? 'lock' : null;
    }
    const variable = variableOfIdentifier(this.sourceCode, root);
    const source = variable ? getImportSource(variable) : null;
    // `const execFileAsync = promisify(execFile)`: the promisified function starts a process too.
    if (!source && member === null && variable && this.promisifiesProcessFunction(variable)) return 'process';
    // `nextTick()` declared nowhere in a Nuxt application: Nuxt auto-imports Vue's (see
    // `MEMORY_PROMISE_IMPORTS`), the promise of the next DOM update. Not `nextTick(fn)`: that is
    // the update's `.then(fn)`, which rejects when `fn` throws or returns a promise that rejects.
    const bareCall = call.arguments.length === 0;
    if (!source && member === null && bareCall && root.name === 'nextTick' && (variable?.defs.length ?? 0) === 0 && getWhereItRuns(this.context).listsDependency('nuxt')) return 'memory';
    if (source) {
      // The project's own prompt helpers, by their file's name (`PROMPT_MODULE_FILE`).
      if (PROMPT_MODULE_FILE.test(source.module) && (source.module.startsWith('.') || getRelativeModules(this.context).resolve(source.module) !== null)) return 'prompt';
      const module = source.module;
      // `import { promises as fs } from 'node:fs'`: `fs.writeFile(...)` names the function, as through the namespace.
      const throughNamespace = source.imported === '*' || source.imported === 'default' || (source.imported === 'promises' && FILE_SYSTEM_MODULES.has(module));
      const name = throughNamespace ? (member ?? source.imported) : source.imported;
      if (FILE_SYSTEM_MODULES.has(module)) {
        const bare = name.endsWith('Sync') ? name.slice(0, -'Sync'.length) : name;
        if (FILE_WRITE_FUNCTIONS.has(bare)) return 'fileWrite';
        if (FILE_READ_FUNCTIONS.has(bare)) return 'fileRead';
        return null;
      }
      // `AzExtFsExtra.readJSON(p)`, `fsExtra.pathExists(dir)`: a package's file-system object
      // (`FILE_SYSTEM_OBJECT_NAME`), its methods named like `fs`'s.
      if (member !== null && FILE_SYSTEM_OBJECT_NAME.test(root.name)) {
        const bare = member.endsWith('Sync') ? member.slice(0, -'Sync'.length) : member;
        if (FILE_WRITE_FUNCTIONS.has(bare)) return 'fileWrite';
        if (FILE_READ_FUNCTIONS.has(bare) || LOCAL_FILE_HELPER_NAME.test(bare)) return 'fileRead';
      }
      // isomorphic-git works on the repository through the `fs` it is handed: a local read, or a
      // write of the index or worktree (`GIT_INDEX_WRITES`), unless it talks to a remote.
      if (module === 'isomorphic-git' && !GIT_REMOTE_FUNCTIONS.has(name)) return GIT_INDEX_WRITES.has(name) ? 'fileWrite' : 'fileRead';
      const processFunctions = PROCESS_MODULES.get(module);
      if (processFunctions === 'all' || processFunctions?.has(name)) return 'process';
      // `childProcess.exec('git', ['am'])` through the project's own wrapper package.
      if (PROCESS_WRAPPER_MODULE.test(module) && PROCESS_WRAPPER_FUNCTIONS.has(name)) return 'process';
      if (PROMPT_MODULES.has(module) || (module.startsWith('@inquirer/') && member === null)) return 'prompt';
      if (ENV_LOADER_MODULES.has(module) && (name === 'config' || name === 'default' || name === 'expand')) return 'envLoad';
      if (MEMORY_PROMISE_IMPORTS.get(module)?.has(name) && (bareCall || name !== 'nextTick')) return 'memory';
      // `path.basename(p)`, `fileURLToPath(u)`: a value computed in place, no promise.
      if (SYNC_VALUE_MODULES.has(module)) return 'memory';
      // `E.right(user)`, `ok(value)`: an error-as-value result built in place, no promise.
      if (RESULT_VALUE_CONSTRUCTORS.get(module)?.has(name)) return 'memory';
      if ((module === 'readline' || module === 'node:readline' || module === 'readline/promises') && member === 'question') {
        return 'prompt';
      }
    }
    // `dialog.showOpenDialog(...)`: a window the person answers (`USER_DIALOG_METHOD`); not a
    // method of an object or class this file makes (`const dialog = { showMessageBox: ... }`),
    // whose body says what it does.
    if (member !== null && (PROMPT_METHODS.has(member) || (USER_DIALOG_METHOD.test(member) && this.calledFunction(call) === null && !madeInThisFile(variable)))) return 'prompt';
    if (member !== null && LOCK_METHODS.has(member)) return 'lock';
    // `readWantedLockfile(lockfileDir)`, `readFileOrUndefined(p)`: a function of another module,
    // named for reading a local file and given a path; only when this file does not define it.
    if (member === null && this.calledFunction(call) === null && isLocalFileHelperCall(root.name, call)) return 'fileRead';
    return null;
  }

  /**
   * True when a variable is a `const` made by `promisify(f)` (`util.promisify` too) of a function
   * imported from a child-process module (`PROCESS_MODULES`: `promisify(execFile)`).
   */
  private promisifiesProcessFunction(variable: NonNullable<ReturnType<typeof variableOfIdentifier>>): boolean {
    const definition = variable.defs.length === 1 ? variable.defs[0] : undefined;
    if (definition?.type !== 'Variable' || definition.parent.kind !== 'const' || !definition.node.init) return false;
    const init = skipTransparent(definition.node.init);
    if (init.type !== AST_NODE_TYPES.CallExpression || writtenName(init.callee) !== 'promisify') return false;
    const [wrapped] = init.arguments;
    const value = wrapped ? skipTransparent(wrapped) : null;
    if (value?.type !== AST_NODE_TYPES.Identifier) return false;
    const wrappedVariable = variableOfIdentifier(this.sourceCode, value);
    const source = wrappedVariable ? getImportSource(wrappedVariable) : null;
    if (!source) return false;
    const functions = PROCESS_MODULES.get(source.module);
    return functions === 'all' || (functions?.has(source.imported) ?? false);
  }

  /**
   * True when `call` is a method of the WebExtension API reached through an undeclared global
   * (`EXTENSION_API_GLOBALS`: `browser.windows.getAll()`, `chrome.tabs.query(q)`) or the polyfill's
   * import (`EXTENSION_API_MODULES`), one member deep or more, in a file of a browser extension (`WhereItRuns.inBrowserExtension`). Native messaging
   * (`runtime.sendNativeMessage`, `runtime.connectNative`) and the identity flow
   * (`identity.launchWebAuthFlow`, `identity.getAuthToken`) talk to another program or a server:
   * excluded.
   */
  private callsExtensionHost(call: EffectCall): boolean {
    const member = staticMemberPath(call.callee);
    if (member === null || member.names.length < 2) return false;
    const { root: current, names } = member;
    if (names[0] === 'identity' || names.some((name) => /native/i.test(name))) return false;
    const variable = variableOfIdentifier(this.sourceCode, current);
    const source = variable ? getImportSource(variable) : null;
    const api = source ? EXTENSION_API_MODULES.has(source.module) : EXTENSION_API_GLOBALS.has(current.name) && this.isGlobal(current);
    return api && getWhereItRuns(this.context).inBrowserExtension();
  }

  /**
   * True when `call` reads the editor's workspace through the VS Code API imported from `vscode`
   * (`EDITOR_WORKSPACE_READS`: `workspace.openTextDocument(uri)`, also as
   * `vscode.workspace.openTextDocument(uri)`): the editor opens a document for the extension.
   */
  private readsEditorWorkspace(call: EffectCall): boolean {
    const member = staticMemberPath(call.callee);
    if (member === null || member.names.length === 0) return false;
    const { root: current, names } = member;
    const variable = variableOfIdentifier(this.sourceCode, current);
    const source = variable ? getImportSource(variable) : null;
    if (source?.module !== 'vscode') return false;
    const path = source.imported === '*' || source.imported === 'default' ? names : [source.imported, ...names];
    return path[0] === 'workspace' && EDITOR_WORKSPACE_READS.has(path.slice(1).join('.'));
  }

  private isGlobal(identifier: TSESTree.Identifier): boolean {
    const variable = variableOfIdentifier(this.sourceCode, identifier);
    return !variable || variable.defs.length === 0;
  }

  /** @internal */
  get source(): Readonly<TSESLint.SourceCode> {
    return this.sourceCode;
  }
}

/**
 * `importedCannotReject`'s typed path: the callee's only call signature is declared catching
 * everything, and the call does not go through a member set-up code may replace (`mayBeReplaced`).
 */
function typedCatchesAll(
  services: NonNullable<ReturnType<typeof getTypedServices>>,
  callee: TSESTree.Node,
  isolatingDeclarations: Map<object, boolean>,
): boolean {
  return checkerQuery(false, () => {
    const checker = services.program.getTypeChecker();
    const tsCallee = services.esTreeNodeToTSNodeMap.get(callee);
    const signatures = checker.getTypeAtLocation(tsCallee).getCallSignatures();
    const declaration = signatures.length === 1 ? signatures[0]?.getDeclaration() : undefined;
    // A JSDoc signature has no body; `declarationCatchesAll` says false for anything without one.
    // A member set-up code may replace (`commands.runNamed`): the declaration is not what runs.
    if (declaration === undefined || mayBeReplaced(checker, tsCallee)) return false;
    if (declarationCatchesAll(declaration as unknown as DeclarationLike)) return true;
    if (compiledBesideCatchesAll(declaration) && !mayBeExtended(services.program, declaration as ts.Declaration)) return true;
    let isolates = isolatingDeclarations.get(declaration);
    if (isolates === undefined) {
      isolates = declarationIsolatesListeners(declaration);
      isolatingDeclarations.set(declaration, isolates);
    }
    return isolates;
  });
}

/**
 * True when `body` (a promise executor's) calls, in its own synchronous run, `JSON.parse` or a
 * blocking `...Sync` API (`fs.readFileSync`): a missing or corrupt file throws there, a failure
 * rather than a bug, and the throw rejects the promise. Callbacks it registers are not entered.
 */
function callsFailingApi(body: TSESTree.Node, visitorKeys: TSESLint.SourceCode.VisitorKeys): boolean {
  return someNodeInSameFunction(body, visitorKeys, (node) => {
    if (node.type !== AST_NODE_TYPES.CallExpression) return false;
    const callee = skipTransparent(node.callee);
    const name = callee.type === AST_NODE_TYPES.Identifier ? callee.name : callee.type === AST_NODE_TYPES.MemberExpression && callee.property.type === AST_NODE_TYPES.Identifier ? callee.property.name : null;
    if (name === null) return false;
    if (/^[a-z]\w*Sync$/.test(name)) return true;
    return name === 'parse' && callee.type === AST_NODE_TYPES.MemberExpression && callee.object.type === AST_NODE_TYPES.Identifier && callee.object.name === 'JSON';
  });
}

/** `.d.ts` (also `.d.mts`, `.d.cts`) and the extension of the JavaScript compiled beside it. */
const DECLARATION_FILE = /\.d\.([mc]?)ts$/;

/**
 * True when `declaration`, a function or a class's method in a `.d.ts`, is defined in the
 * JavaScript file beside it (what a compiled package runs) as an `async` body that catches every
 * error (`compiledCatchesAll`): `metrics.refresh()` of a library whose `refresh` wraps its
 * collectors in a `try` that logs. Read once per file version and name (`fromModuleText`).
 */
function compiledBesideCatchesAll(declaration: ts.SignatureDeclaration): boolean {
  const typescript = loadTypeScript();
  const file = declaration.getSourceFile();
  const extension = DECLARATION_FILE.exec(file.fileName);
  if (!file.isDeclarationFile || !extension || !declaration.name || !typescript.isIdentifier(declaration.name)) return false;
  const name = declaration.name.text;
  let owner: string | null = null;
  if (typescript.isMethodDeclaration(declaration)) {
    if (!typescript.isClassDeclaration(declaration.parent) || !declaration.parent.name) return false;
    owner = declaration.parent.name.text;
  } else if (!typescript.isFunctionDeclaration(declaration)) return false;
  const compiled = file.fileName.replace(DECLARATION_FILE, `.${extension[1] ?? ''}js`);
  return fromModuleText(compiled, `compiledCatchesAll:${owner ?? ''}.${name}`, (text) => compiledCatchesAll(text, owner, name)) === true;
}

function apiSummary(effect: Exclude<ApiEffect, null>, call: EffectCall): EffectSummary {
  switch (effect) {
    case 'memory':
      return { ...IO, waits: 'memory', canReject: false };
    // CPU work behind a promise that rejects on bad input (`crypto.subtle.digest('SHA-3', data)`).
    case 'compute':
      return { ...IO, waits: 'memory' };
    case 'cachedRead':
      return { ...IO, waits: 'cached' };
    case 'fileWrite':
      return { ...IO, waits: 'files', writes: [{ kind: 'file', argument: call.arguments.length > 0 ? 0 : null }] };
    case 'fileRead':
      return { ...IO, waits: 'files', readsFiles: true };
    case 'process':
      return { ...IO, startsProcess: true };
    case 'prompt':
      return { ...IO, prompts: true };
    case 'lock':
      return { ...IO, locks: true };
    case 'envLoad':
      return { ...IO, writes: [{ kind: 'env' }], readsFiles: true };
    case 'moduleLoad':
      return { ...IO, readsFiles: true, readsEnv: true, loadsModule: true, writes: call.arguments.length > 0 ? [{ kind: 'argument', index: 0 }] : [] };
    // A browser extension's call to its browser, an editor extension's read of its workspace:
    // local, like a small file read.
    case 'hostCall':
      return { ...IO, waits: 'files' };
  }
}

/**
 * The names of the `this` members a condition reads (`this.state !== 'RUNNING'`: `state`), or
 * null when it reads anything else that could change its answer: a call, `new`, an `await`, a
 * variable (globals such as `undefined` aside).
 */
function thisMembersRead(test: TSESTree.Node, visitorKeys: TSESLint.SourceCode['visitorKeys']): Set<string> | null {
  const names = new Set<string>();
  let other = false;
  const visit = (node: TSESTree.Node): void => {
    if (other) return;
    if (node.type === AST_NODE_TYPES.CallExpression || node.type === AST_NODE_TYPES.NewExpression || node.type === AST_NODE_TYPES.AwaitExpression) {
      other = true;
      return;
    }
    if (node.type === AST_NODE_TYPES.MemberExpression && !node.computed && skipTransparent(node.object).type === AST_NODE_TYPES.ThisExpression) {
      const name = staticMemberName(node);
      if (name === null) other = true;
      else names.add(name);
      return;
    }
    if (node.type === AST_NODE_TYPES.Identifier && node.name !== 'undefined') {
      other = true;
      return;
    }
    forEachChild(node, visitorKeys, visit);
  };
  visit(test);
  return other ? null : names;
}


/**
 * Where a receiver chain starts: `this.queryRunner` (`field`, `direct` when the call's receiver is
 * that field itself) for `this.queryRunner.manager.save(x)`, or the identifier `em` for
 * `em.getLoader().load(x)`; null for anything else (a literal, a call of a bare function).
 */
function receiverHead(
  node: TSESTree.Node,
): { readonly kind: 'this'; readonly field: string; readonly direct: boolean } | { readonly kind: 'name'; readonly identifier: TSESTree.Identifier } | null {
  let current = skipTransparent(node);
  let direct = true;
  for (let steps = 0; steps < 16; steps += 1) {
    if (current.type === AST_NODE_TYPES.Identifier) return { kind: 'name', identifier: current };
    if (current.type === AST_NODE_TYPES.CallExpression) {
      current = skipTransparent(current.callee);
      direct = false;
      continue;
    }
    if (current.type !== AST_NODE_TYPES.MemberExpression) return null;
    const inner = skipTransparent(current.object);
    if (inner.type === AST_NODE_TYPES.ThisExpression) {
      // A private field (`this.#driver`) is named without its `#`.
      const field = current.property.type === AST_NODE_TYPES.PrivateIdentifier ? current.property.name : staticMemberName(current);
      return field === null ? null : { kind: 'this', field, direct };
    }
    current = inner;
    direct = false;
  }
  return null;
}

/** The name an expression ends with: `Database` in `new sqlite.Database(f)`, `manager` in `runner.manager`. */
function producerName(node: TSESTree.Node): string | null {
  const current = skipTransparent(node);
  if (current.type === AST_NODE_TYPES.AwaitExpression) return producerName(current.argument);
  if (current.type === AST_NODE_TYPES.NewExpression || current.type === AST_NODE_TYPES.CallExpression) return producerName(current.callee);
  if (current.type === AST_NODE_TYPES.Identifier) return current.name;
  if (current.type === AST_NODE_TYPES.MemberExpression) return staticMemberName(current);
  return null;
}

/**
 * True when some field of the class is named like one ordered resource (`conn`, `socket`,
 * `session`, `ORDERED_RESOURCE_HANDLE_NAME`) or is made by a connection factory
 * (`ORDERED_RESOURCE_FACTORIES`): its methods may share that one connection.
 */
function holdsConnection(classNode: TSESTree.ClassDeclaration | TSESTree.ClassExpression): boolean {
  const fields = new Set<string>();
  for (const member of classNode.body.body) {
    if (member.type === AST_NODE_TYPES.PropertyDefinition) {
      const name = keyName(member);
      if (name !== null) fields.add(name);
    }
    if (member.type === AST_NODE_TYPES.MethodDefinition && member.kind === 'constructor') {
      for (const param of member.value.params) {
        if (param.type === AST_NODE_TYPES.TSParameterProperty && param.parameter.type === AST_NODE_TYPES.Identifier) fields.add(param.parameter.name);
      }
      for (const statement of member.value.body?.body ?? []) {
        const expression = statement.type === AST_NODE_TYPES.ExpressionStatement ? statement.expression : null;
        if (expression?.type === AST_NODE_TYPES.AssignmentExpression && expression.left.type === AST_NODE_TYPES.MemberExpression && expression.left.object.type === AST_NODE_TYPES.ThisExpression) {
          const name = staticMemberName(expression.left);
          if (name !== null) fields.add(name);
        }
      }
    }
  }
  for (const field of fields) {
    if (CONNECTION_FIELD_NAME.test(field) || ORDERED_RESOURCE_HANDLE_NAME.test(field) || fieldFromResource(classNode, field)) return true;
  }
  return false;
}

/** The name of a class member as written (`request`, `#conn` as `conn`), or null when computed. */
/** The field `this.x` names: `x`, `#x` for a private field (`this.#x`), null when computed from a value. */
function fieldName(member: TSESTree.MemberExpression): string | null {
  return member.property.type === AST_NODE_TYPES.PrivateIdentifier ? `#${member.property.name}` : staticMemberName(member);
}

function keyName(member: TSESTree.MethodDefinition | TSESTree.PropertyDefinition): string | null {
  if (member.computed) return null;
  if (member.key.type === AST_NODE_TYPES.Identifier || member.key.type === AST_NODE_TYPES.PrivateIdentifier) return member.key.name;
  return null;
}

/** A field named for one connection: `conn`, `connection`, `socket`, `session`, `client`, `db`, `pool`, `#driver`. */
const CONNECTION_FIELD_NAME = /^(?:conn|connection|socket|ws|session|client|db|database|pool|knex|redis|channel|stream|tx|trx|transaction|page|browser)$/i;

/** True when the class gives `field` a value from an ordered-resource factory (see `isOrderedReceiver`). */
function fieldFromResource(classNode: TSESTree.ClassDeclaration | TSESTree.ClassExpression, field: string): boolean {
  for (const member of classNode.body.body) {
    if (
      member.type === AST_NODE_TYPES.PropertyDefinition &&
      !member.computed &&
      member.key.type === AST_NODE_TYPES.Identifier &&
      member.key.name === field &&
      member.value
    ) {
      const name = producerName(member.value);
      if (name !== null && ORDERED_RESOURCE_FACTORIES.has(name)) return true;
    }
    if (member.type !== AST_NODE_TYPES.MethodDefinition || member.value.body === null) continue;
    for (const statement of member.value.body.body) {
      if (statement.type !== AST_NODE_TYPES.ExpressionStatement) continue;
      const expression = statement.expression;
      if (
        expression.type === AST_NODE_TYPES.AssignmentExpression &&
        expression.left.type === AST_NODE_TYPES.MemberExpression &&
        expression.left.object.type === AST_NODE_TYPES.ThisExpression &&
        staticMemberName(expression.left) === field
      ) {
        const name = producerName(expression.right);
        if (name !== null && ORDERED_RESOURCE_FACTORIES.has(name)) return true;
      }
    }
  }
  return false;
}

/** A call, `new` or `await` anywhere in `node`: a value that may be a promise the untyped check cannot see. */
function isCallLike(node: TSESTree.Node): boolean {
  return (
    node.type === AST_NODE_TYPES.CallExpression ||
    node.type === AST_NODE_TYPES.NewExpression ||
    node.type === AST_NODE_TYPES.AwaitExpression ||
    node.type === AST_NODE_TYPES.ImportExpression ||
    node.type === AST_NODE_TYPES.TaggedTemplateExpression
  );
}

/**
 * True when the synchronous callback `fn` returns no call's result: an expression body without a
 * call (`(m) => m.default`), or a block whose `return`s give none (`() => { done = true; }`). A
 * chain can then adopt no promise from it.
 */
function returnsNoCall(fn: FunctionNode, visitorKeys: TSESLint.SourceCode['visitorKeys']): boolean {
  if (fn.async) return false;
  if (fn.body.type !== AST_NODE_TYPES.BlockStatement) return !someNodeBelow(fn.body, visitorKeys, isCallLike);
  return !containsOwn(
    fn.body,
    visitorKeys,
    (node) => node.type === AST_NODE_TYPES.ReturnStatement && node.argument !== null && someNodeBelow(node.argument, visitorKeys, isCallLike),
  );
}

/** True when a node, outside nested functions, contains one of the given node types. */
function containsOwn(node: TSESTree.Node, visitorKeys: TSESLint.SourceCode['visitorKeys'], test: (node: TSESTree.Node) => boolean): boolean {
  let found = false;
  const visit = (current: TSESTree.Node): void => {
    if (found) return;
    if (test(current)) {
      found = true;
      return;
    }
    if (current !== node && isFunctionNode(current)) return;
    forEachChild(current, visitorKeys, visit);
  };
  visit(node);
  return found;
}

/** A method named for reading: a call of it switches no setting (`get`, `getWindowHandle`, `readConfig`, `listTabs`). */
const READER_METHOD = /^(?:get|read|list|fetch|find|load|is|has|exists|count|stat|query|select)(?:$|[A-Z])/;

/**
 * The first member on a chain rooted at `this` (`browser` in `this.browser.timeouts().set`), or
 * null when the chain does not start at `this`.
 */
function firstMemberOfThis(callee: TSESTree.MemberExpression): string | null {
  let node: TSESTree.Node = callee;
  let first: string | null = null;
  for (let steps = 0; steps < 20; steps += 1) {
    if (node.type === AST_NODE_TYPES.MemberExpression) {
      first = staticMemberName(node);
      node = skipTransparent(node.object);
    } else if (node.type === AST_NODE_TYPES.CallExpression) {
      node = skipTransparent(node.callee);
    } else break;
  }
  return node.type === AST_NODE_TYPES.ThisExpression ? first : null;
}

/**
 * The call's own arguments name a package manager's install command (`PACKAGE_MANAGER_COMMANDS`
 * then `PACKAGE_INSTALL_SUBCOMMANDS`): `('npm', ['install', dep, '--prefix', dir])`,
 * `` (`npm install ${dep}`) ``, `('yarn add left-pad')`, whatever function starts the process.
 * Reads the first word of each of the first three arguments (an array: its first element). Not
 * a `new` expression (`new Error('npm install failed')`) nor a call of a logger's method
 * (`console.log('  npm install')`, the next steps a scaffolding tool prints): text about an
 * install, not one.
 */
function namesPackageInstall(call: EffectCall): boolean {
  if (call.type === AST_NODE_TYPES.NewExpression || callsLogger(call)) return false;
  const words: string[] = [];
  const take = (node: TSESTree.Node | null | undefined): void => {
    if (!node) return;
    const value = skipTransparent(node);
    let text: string | null = null;
    if (value.type === AST_NODE_TYPES.Literal && typeof value.value === 'string') text = value.value;
    else if (value.type === AST_NODE_TYPES.TemplateLiteral) text = value.quasis[0]?.value.cooked ?? null;
    else if (value.type === AST_NODE_TYPES.ArrayExpression) {
      const [first] = value.elements;
      if (first && first.type !== AST_NODE_TYPES.SpreadElement) take(first);
      return;
    }
    if (text === null) return;
    words.push(...text.trim().split(/\s+/).slice(0, 2).filter(Boolean));
  };
  for (const argument of call.arguments.slice(0, 3)) {
    if (words.length >= 2) break;
    take(argument);
  }
  const [command, subcommand] = words;
  return command !== undefined && subcommand !== undefined && PACKAGE_MANAGER_COMMANDS.has(command) && PACKAGE_INSTALL_SUBCOMMANDS.has(subcommand);
}

/** A call of any method of a receiver whose last name is one of `LOGGER_NAMES` (`console.warn(...)`, `this.logger.debug(...)`). */
function callsLogger(call: EffectCall): boolean {
  const callee = skipTransparent(call.callee);
  if (callee.type !== AST_NODE_TYPES.MemberExpression) return false;
  const receiver = skipTransparent(callee.object);
  const name =
    receiver.type === AST_NODE_TYPES.Identifier ? receiver.name : receiver.type === AST_NODE_TYPES.MemberExpression ? staticMemberName(receiver) : null;
  return name !== null && LOGGER_NAMES.has(name);
}

/**
 * A log line written: a line-writing method (`LOG_WRITE_METHODS`: `info`, `warn`, `error`,
 * `debug`...; or `logInfo`, `logWarning`...; or a colour a console logger prints in,
 * `LOG_COLOUR_METHODS`: `logger.green(text)`; not `flush`, `close` or `end`), or a level chosen at
 * run time (`logger[level](text)`, a computed member that is no literal), of a logger: a receiver
 * whose last name, leading underscores aside (`this._logger`), is one of `LOGGER_NAMES` or ends in
 * `Logger` or `LogWriter` (`logger.info(...)`, `this.log.warn(...)`,
 * `this.requestLogger.error(...)`, `logWriter.logError(...)`), or a logger made by the call that
 * is the receiver (`config.logger('init').warn(...)`, `getLogger('db').error(...)`: a callee so
 * named); or a `write...` method of a log writer (`logWriter.writeString(text)`). An async
 * logger's promise is dropped by design: what its loss costs is the line itself.
 */
export function writesLogLine(call: EffectCall): boolean {
  const callee = skipTransparent(call.callee);
  if (callee.type !== AST_NODE_TYPES.MemberExpression) return false;
  const method = staticMemberName(callee);
  // `logger[level](text)`: the level is chosen at run time; any of a logger's levels writes a line.
  const levelChosen = method === null && callee.computed && callee.property.type !== AST_NODE_TYPES.Literal;
  if (method === null && !levelChosen) return false;
  const name = loggerReceiverName(skipTransparent(callee.object));
  if (name === null) return false;
  // `logWriter.writeString(text)`: a writer of log lines writing one
  if (method !== null && /^write/.test(method) && /(?:^l|L)ogWriter$/.test(name)) return true;
  const writesLine = method === null || LOG_WRITE_METHODS.has(method) || LEVELLED_LOG_METHOD.test(method) || LOG_COLOUR_METHODS.has(method);
  return writesLine && (LOGGER_NAMES.has(name) || LOGGER_NAME_END.test(name));
}

/**
 * The name a logger receiver goes by for `writesLogLine`: an identifier's or a member's last name
 * without leading underscores (`_logger`, `this.__log`); for a call, the name of what it makes
 * when the callee is named for a logger (`config.logger('init')`, `getLogger('db')`,
 * `createRequestLogger()`: `logger` or a name ending in `Logger`), else null; null otherwise.
 */
function loggerReceiverName(receiver: TSESTree.Node): string | null {
  if (receiver.type === AST_NODE_TYPES.CallExpression) {
    const maker = skipTransparent(receiver.callee);
    const made = maker.type === AST_NODE_TYPES.Identifier ? maker.name : maker.type === AST_NODE_TYPES.MemberExpression ? staticMemberName(maker) : null;
    return made !== null && (made === 'logger' || LOGGER_NAME_END.test(made)) ? made : null;
  }
  const name = receiver.type === AST_NODE_TYPES.Identifier ? receiver.name : receiver.type === AST_NODE_TYPES.MemberExpression ? staticMemberName(receiver) : null;
  return name === null ? null : name.replace(/^_+/, '');
}

/** `logInfo`, `logWarning`, `logError`...: a logger's method named for its level. */
const LEVELLED_LOG_METHOD = /^log(?:Info|Warn|Warning|Error|Debug|Trace|Verbose|Fatal|Notice|Critical)$/;
/**
 * A receiver named for a logger: `appLogger`, `logWriter`, `heroicLogWriter`. Not a bare `...Log`
 * (`auditLog`, `activityLog`): such records are often rows an app keeps in its database.
 */
const LOGGER_NAME_END = /(?:^log|[a-z_]Log)(?:ger|Writer)$/;

/**
 * True when a call is handed a module's source text and the name of its file (`CODE_TEXT_NAME`,
 * `FILE_NAME_NAME`: `execute(compiledCode, filename)`, `compile(code, info.filename)`,
 * `runInThisContext(source, { filename })`), by the names of its arguments.
 */
function evaluatesFileSource(call: EffectCall): boolean {
  let code = false;
  let file = false;
  for (const argument of call.arguments) {
    const value = skipTransparent(argument);
    if (value.type === AST_NODE_TYPES.ObjectExpression) {
      if (value.properties.some((property) => property.type === AST_NODE_TYPES.Property && !property.computed && property.key.type === AST_NODE_TYPES.Identifier && FILE_NAME_NAME.test(property.key.name))) file = true;
      continue;
    }
    const name = writtenName(value);
    if (name === null) continue;
    if (CODE_TEXT_NAME.test(name)) code = true;
    else if (FILE_NAME_NAME.test(name)) file = true;
  }
  return code && file;
}

/**
 * A call that shows a terminal spinner or progress line: a method of a receiver named as a spinner
 * (`SPINNER_NAME`: `spinner.succeed(text)`), the call that makes one (`const spinner =
 * ora(text).start()`), or a progress wrapper handed the action it shows
 * (`PROGRESS_WRAPPER_NAME`: `logAsync(() => upload(file), messages)`).
 */
export function showsProgress(call: EffectCall): boolean {
  // `const spinner = ora(text).start()`: the spinner starts where it is made.
  const holder = call.parent;
  if (holder?.type === AST_NODE_TYPES.VariableDeclarator && holder.init === call && holder.id.type === AST_NODE_TYPES.Identifier && SPINNER_NAME.test(holder.id.name)) return true;
  const callee = skipTransparent(call.callee);
  if (callee.type === AST_NODE_TYPES.MemberExpression) {
    const receiver = writtenName(skipTransparent(callee.object));
    if (receiver !== null && SPINNER_NAME.test(receiver)) return true;
  }
  const name = writtenName(callee);
  return name !== null && PROGRESS_WRAPPER_NAME.test(name) && call.arguments.some((argument) => isFunctionNode(skipTransparent(argument)));
}

function isLogCall(call: EffectCall): boolean {
  const callee = skipTransparent(call.callee);
  if (callee.type !== AST_NODE_TYPES.MemberExpression) return false;
  const method = staticMemberName(callee);
  if (method === null || method === 'debug' || method === 'trace' || method === 'verbose') return false;
  const receiver = skipTransparent(callee.object);
  const name =
    receiver.type === AST_NODE_TYPES.Identifier
      ? receiver.name
      : receiver.type === AST_NODE_TYPES.MemberExpression
        ? staticMemberName(receiver)
        : null;
  return name !== null && LOGGER_NAMES.has(name);
}

/** Globals whose functions compute a value from their arguments alone (`Math.round(x)`, `JSON.parse(text)`). */
const PURE_GLOBAL_NAMESPACES: ReadonlySet<string> = new Set(['Math', 'Number', 'String', 'JSON']);
const PURE_GLOBAL_FUNCTIONS: ReadonlySet<string> = new Set(['Number', 'String', 'parseInt', 'parseFloat']);

/** How deep `computedFromParameters` follows a value through `const` locals and operators. */
const PARAMETER_VALUE_DEPTH = 8;

/** See `FileEffects.returnsFromArguments`. */
function computedFromParameters(fn: FunctionNode, property: string | null, visitorKeys: TSESLint.SourceCode['visitorKeys']): boolean {
  const params = new Set<string>();
  for (const param of fn.params) {
    const target = param.type === AST_NODE_TYPES.AssignmentPattern ? param.left : param;
    if (target.type === AST_NODE_TYPES.Identifier) params.add(target.name);
  }
  // The function's own `const` locals and its returned values (nested functions aside).
  const locals = new Map<string, TSESTree.Node>();
  const returned: TSESTree.Node[] = [];
  let open = true;
  if (fn.body.type !== AST_NODE_TYPES.BlockStatement) returned.push(fn.body);
  const collect = (node: TSESTree.Node): void => {
    if (node !== fn.body && isFunctionNode(node)) return;
    if (node.type === AST_NODE_TYPES.ReturnStatement) {
      if (node.argument) returned.push(node.argument);
      else open = false;
    }
    if (node.type === AST_NODE_TYPES.VariableDeclaration && node.kind === 'const') {
      for (const declarator of node.declarations) {
        if (declarator.id.type === AST_NODE_TYPES.Identifier && declarator.init) locals.set(declarator.id.name, declarator.init);
      }
    }
    forEachChild(node, visitorKeys, collect);
  };
  collect(fn.body);
  if (!open || returned.length === 0) return false;
  const pure = (node: TSESTree.Node, depth: number): boolean => {
    if (depth > PARAMETER_VALUE_DEPTH) return false;
    const value = skipTransparent(node);
    switch (value.type) {
      case AST_NODE_TYPES.Literal:
        return true;
      case AST_NODE_TYPES.Identifier: {
        if (params.has(value.name)) return true;
        const init = locals.get(value.name);
        return init !== undefined && pure(init, depth + 1);
      }
      case AST_NODE_TYPES.MemberExpression:
        return pure(value.object, depth + 1) && (!value.computed || pure(value.property, depth + 1));
      case AST_NODE_TYPES.TemplateLiteral:
        return value.expressions.every((expression) => pure(expression, depth + 1));
      case AST_NODE_TYPES.BinaryExpression:
      case AST_NODE_TYPES.LogicalExpression:
        return value.left.type !== AST_NODE_TYPES.PrivateIdentifier && pure(value.left, depth + 1) && pure(value.right, depth + 1);
      case AST_NODE_TYPES.UnaryExpression:
        return value.operator !== 'delete' && pure(value.argument, depth + 1);
      case AST_NODE_TYPES.ConditionalExpression:
        return pure(value.test, depth + 1) && pure(value.consequent, depth + 1) && pure(value.alternate, depth + 1);
      case AST_NODE_TYPES.CallExpression: {
        const callee = skipTransparent(value.callee);
        const named =
          (callee.type === AST_NODE_TYPES.Identifier && PURE_GLOBAL_FUNCTIONS.has(callee.name) && !params.has(callee.name) && !locals.has(callee.name)) ||
          (callee.type === AST_NODE_TYPES.MemberExpression &&
            !callee.computed &&
            callee.object.type === AST_NODE_TYPES.Identifier &&
            PURE_GLOBAL_NAMESPACES.has(callee.object.name) &&
            !params.has(callee.object.name) &&
            !locals.has(callee.object.name));
        return named && value.arguments.every((argument) => argument.type !== AST_NODE_TYPES.SpreadElement && pure(argument, depth + 1));
      }
      default:
        return false;
    }
  };
  return returned.every((node) => {
    const value = skipTransparent(node);
    if (property === null) return pure(value, 0);
    if (value.type !== AST_NODE_TYPES.ObjectExpression) return false;
    const found = value.properties.find(
      (entry): entry is TSESTree.Property => entry.type === AST_NODE_TYPES.Property && !entry.computed && writtenName(entry.key) === property,
    );
    return found !== undefined && pure(found.value, 0);
  });
}

/** One walk over a function's body, collecting what `EffectSummary` needs. */
class FunctionWalk {
  private readonly writes: WriteTarget[] = [];
  private readonly writeKeys = new Set<string>();
  private readsFiles = false;
  private readsEnv = false;
  private startsProcess = false;
  private prompts = false;
  private locks = false;
  private benchmarks = false;
  private loadsModule = false;
  private checks = false;
  private startsServer = false;
  private installsPackages = false;
  private switchesSession = false;
  /** Start offsets of the function's own awaits and log calls (see `EffectSummary.logsAroundPause`). */
  private readonly ownAwaits: number[] = [];
  private readonly ownLogs: number[] = [];
  private finalizes = false;
  /** See `EffectSummary.storedEntriesRead` / `updatesStoredEntry`. */
  private readonly entriesRead = new Set<string>();
  /** Per `const` of the function: the stored entries its value was read from. */
  private readonly entryHolders = new Map<string, ReadonlySet<string>>();
  private updatesEntry = false;
  private readonly awaitedParameters = new Set<number>();
  private readonly params = new Map<string, number>();
  /** Awaited or returned values at the function's own level. */
  private readonly results: TSESTree.Node[] = [];

  constructor(
    private readonly effects: FileEffects,
    private readonly fn: FunctionNode,
    private readonly depth: number,
  ) {
    fn.params.forEach((param, index) => {
      const target = param.type === AST_NODE_TYPES.AssignmentPattern ? param.left : param;
      if (target.type === AST_NODE_TYPES.Identifier) this.params.set(target.name, index);
      if (target.type === AST_NODE_TYPES.TSParameterProperty && target.parameter.type === AST_NODE_TYPES.Identifier) {
        this.params.set(target.parameter.name, index);
      }
    });
  }

  summary(): EffectSummary {
    const body = this.fn.body;
    if (body.type !== AST_NODE_TYPES.BlockStatement) this.results.push(body);
    this.walk(body, true);
    this.recordSettingToggle();
    // `canReject` is decided when first asked (most summaries are asked only what they wait on or
    // write): its question may read other modules (`FileEffects.cannotRejectElsewhere`).
    const { effects, fn } = this;
    const decide = (): boolean => this.canReject();
    let canReject: boolean | undefined;
    return {
      waits: this.waits(),
      get canReject(): boolean {
        if (canReject === undefined) canReject = effects.deciding(fn, decide);
        return canReject;
      },
      writes: this.writes,
      readsFiles: this.readsFiles,
      readsEnv: this.readsEnv,
      startsProcess: this.startsProcess,
      prompts: this.prompts,
      locks: this.locks,
      benchmarks: this.benchmarks,
      loadsModule: this.loadsModule,
      checks: this.checks,
      startsServer: this.startsServer,
      installsPackages: this.installsPackages,
      switchesSession: this.switchesSession,
      logsAroundPause: this.logsAroundPause(),
      finalizes: this.finalizes,
      storedEntriesRead: [...this.entriesRead],
      updatesStoredEntry: this.updatesEntry,
      parametersAwaitedThrough: [...this.awaitedParameters],
    };
  }

  /** See `EffectSummary.parametersAwaitedThrough`: `await logic(ctx)`, `await run(ctx, logic)`. */
  private recordAwaitedParameters(awaited: TSESTree.Node): void {
    const call = skipTransparent(awaited);
    if (call.type !== AST_NODE_TYPES.CallExpression) return;
    for (const node of [call.callee, ...call.arguments]) {
      const value = skipTransparent(node);
      const index = value.type === AST_NODE_TYPES.Identifier ? this.params.get(value.name) : undefined;
      if (index !== undefined) this.awaitedParameters.add(index);
    }
  }

  /**
   * Records a read or write of one fixed entry of a store (see `EffectSummary.storedEntriesRead`
   * and `updatesStoredEntry`): a `STORE_READ_METHODS` call whose promise the function awaits, or
   * a `STORE_WRITE_METHODS` call, on a receiver and with a key (first argument) that read none of
   * the function's parameters. `entries` are what a called helper read (its summary), for a call
   * that is not a store call itself.
   */
  private recordStoredEntry(call: EffectCall, callee: TSESTree.Node, method: string | null, entries: readonly string[]): void {
    const entry = method !== null && callee.type === AST_NODE_TYPES.MemberExpression ? this.fixedEntry(call, callee) : null;
    if (entry !== null && STORE_WRITE_METHODS.has(method ?? '')) {
      const value = call.arguments[1];
      if (value && this.readsHolderOf(value, entry)) this.updatesEntry = true;
      return;
    }
    const read = entry !== null && STORE_READ_METHODS.has(method ?? '') ? [entry] : entries;
    if (read.length === 0 || call.parent.type !== AST_NODE_TYPES.AwaitExpression) return;
    for (const name of read) this.entriesRead.add(name);
    // `const size = Number(await storage.getItem(KEY))`: the `const` holds what was read.
    let holder: TSESTree.Node = call.parent;
    for (let steps = 0; steps < 4 && holder.parent; steps += 1) {
      const parent: TSESTree.Node = holder.parent;
      if (parent.type === AST_NODE_TYPES.VariableDeclarator && parent.init === holder) {
        if (parent.id.type === AST_NODE_TYPES.Identifier && parent.parent.kind === 'const') this.entryHolders.set(parent.id.name, new Set(read));
        return;
      }
      const passesOn =
        (parent.type === AST_NODE_TYPES.CallExpression && parent.arguments.includes(holder as TSESTree.CallExpressionArgument)) ||
        (parent.type === AST_NODE_TYPES.MemberExpression && parent.object === holder) ||
        parent.type === AST_NODE_TYPES.TSAsExpression ||
        parent.type === AST_NODE_TYPES.TSNonNullExpression;
      if (!passesOn) return;
      holder = parent;
    }
  }

  /** The store and key of a store call as one text (`storage\0SIZE_KEY`), or null when either reads a parameter. */
  private fixedEntry(call: EffectCall, callee: TSESTree.MemberExpression): string | null {
    const [key] = call.arguments;
    if (!key || key.type === AST_NODE_TYPES.SpreadElement || this.paramReadBy(key) !== null || this.paramReadBy(callee.object) !== null) return null;
    const source = this.effects.source;
    return `${source.getText(callee.object)}\0${source.getText(key)}`;
  }

  /** True when `value` reads a `const` holding what was read from `entry` (`String(size - n)`). */
  private readsHolderOf(value: TSESTree.Node, entry: string): boolean {
    if (this.entryHolders.size === 0) return false;
    let found = false;
    const visit = (node: TSESTree.Node): void => {
      if (found || isFunctionNode(node)) return;
      if (node.type === AST_NODE_TYPES.Identifier && this.entryHolders.get(node.name)?.has(entry)) {
        found = true;
        return;
      }
      forEachChild(node, this.visitorKeys, visit);
    };
    visit(value);
    return found;
  }


  /** See `EffectSummary.logsAroundPause`. */
  private logsAroundPause(): boolean {
    if (this.ownLogs.length < 2) return false;
    const first = Math.min(...this.ownLogs);
    const last = Math.max(...this.ownLogs);
    return this.ownAwaits.some((start) => first < start && start < last);
  }

  private get visitorKeys(): TSESLint.SourceCode['visitorKeys'] {
    return this.effects.source.visitorKeys;
  }

  /**
   * A setting of `this`'s resource switched around the function's work: the same method reached
   * through `this` awaited before and after another awaited call, with other arguments
   * (`await this.browser.timeouts().implicitlyWait(ms); const found = await find(); await
   * this.browser.timeouts().implicitlyWait(0)`). The setting is the resource's, shared by every
   * caller: two such calls running at once reset each other's setting midway. Recorded as a write
   * of `this` (the first member on the way). Methods named for reading (`READER_METHOD`) are not
   * switches.
   */
  private recordSettingToggle(): void {
    const seen = new Map<string, { arguments: string; index: number }>();
    for (const [index, result] of this.results.entries()) {
      const value = skipTransparent(result);
      if (result.parent?.type !== AST_NODE_TYPES.AwaitExpression || value.type !== AST_NODE_TYPES.CallExpression) continue;
      const callee = skipTransparent(value.callee);
      if (callee.type !== AST_NODE_TYPES.MemberExpression || READER_METHOD.test(staticMemberName(callee) ?? '')) continue;
      const member = firstMemberOfThis(callee);
      if (member === null) continue;
      const text = this.effects.source.getText(callee);
      const argumentsText = value.arguments.map((argument) => this.effects.source.getText(argument)).join(',');
      const earlier = seen.get(text);
      if (earlier && earlier.index < index - 1 && earlier.arguments !== argumentsText) {
        this.addWrite({ kind: 'this', member });
        return;
      }
      if (!earlier) seen.set(text, { arguments: argumentsText, index });
    }
  }

  private walk(node: TSESTree.Node, own: boolean): void {
    switch (node.type) {
      case AST_NODE_TYPES.AwaitExpression:
        if (own) {
          this.results.push(node.argument);
          this.ownAwaits.push(node.range[0]);
          this.recordAwaitedParameters(node.argument);
        }
        break;
      case AST_NODE_TYPES.ReturnStatement:
        if (own && node.argument) this.results.push(node.argument);
        break;
      case AST_NODE_TYPES.AssignmentExpression:
        // A memo filled once (`cache ??= load()`, `if (!this.rates) this.rates = ...`) is not state
        // that callers share: every call after the first reads the same value.
        if (!isMemoFill(node, this.fn)) for (const target of assignmentTargets(node.left)) this.recordWrite(target, false);
        break;
      case AST_NODE_TYPES.UpdateExpression:
        this.recordWrite(node.argument, false);
        break;
      case AST_NODE_TYPES.UnaryExpression:
        if (node.operator === 'delete') this.recordWrite(node.argument, false);
        break;
      case AST_NODE_TYPES.MemberExpression:
        if (isProcessEnv(node)) this.readsEnv = true;
        break;
      case AST_NODE_TYPES.ImportExpression:
        // `import(file)` of a computed path evaluates a module (a config file): it reads files and
        // whatever `process.env` its top-level code reads.
        if (node.source.type !== AST_NODE_TYPES.Literal) {
          this.readsFiles = true;
          this.readsEnv = true;
          this.loadsModule = true;
        }
        break;
      case AST_NODE_TYPES.CallExpression:
      case AST_NODE_TYPES.NewExpression:
        this.recordCall(node);
        if (own && isLogCall(node)) this.ownLogs.push(node.range[0]);
        // A spinner started before a pause and settled after it, or a progress wrapper awaited
        // around its action (`await logAsync(() => upload(file), messages)`): output around a pause.
        if (own && showsProgress(node)) {
          this.ownLogs.push(node.range[0]);
          // The line is drawn before the `await` starts and settled when the action ends.
          if (node.parent?.type === AST_NODE_TYPES.AwaitExpression) {
            this.ownLogs.push(node.parent.range[0] - 1, node.range[1]);
          }
        }
        break;
      default:
        break;
    }
    const nestedOwn = own && !(node !== this.fn.body && isFunctionNode(node));
    forEachChild(node, this.visitorKeys, (child) => this.walk(child, nestedOwn));
  }

  private recordCall(call: EffectCall): void {
    const callee = skipTransparent(call.callee);
    const method = callee.type === AST_NODE_TYPES.MemberExpression ? staticMemberName(callee) : null;
    // In-place mutation of a receiver (`seen.add(k)`, `this.items.push(x)`) or `Object.assign(target, ...)`.
    if (callee.type === AST_NODE_TYPES.MemberExpression && method !== null) {
      const object = skipTransparent(callee.object);
      if (object.type === AST_NODE_TYPES.Identifier && object.name === 'Object' && method === 'assign' && call.arguments[0]) {
        this.recordWrite(call.arguments[0], true);
      } else if (COLLECTION_MUTATOR_METHODS.has(method)) {
        this.recordWrite(object, true);
      }
    }
    if (isClockRead(callee) && insideLoop(call, this.fn)) this.benchmarks = true;
    const calledName = method ?? (callee.type === AST_NODE_TYPES.Identifier ? callee.name : null);
    if (calledName !== null && call.parent.type === AST_NODE_TYPES.AwaitExpression && GUARD_CALL_NAME.test(calledName)) this.checks = true;
    if (method === 'listen' || (callee.type === AST_NODE_TYPES.Identifier && callee.name === 'createServer') || method === 'createServer') {
      this.startsServer = true;
    }
    if (namesPackageInstall(call) || (calledName !== null && PACKAGE_INSTALL_NAME.test(calledName))) this.installsPackages = true;
    if (method !== null && SESSION_SWITCH_METHOD.test(method)) this.switchesSession = true;
    if (calledName !== null && FINALIZING_STEP_NAME.test(calledName)) this.finalizes = true;
    const summary = this.effects.calleeSummary(call, this.depth);
    this.recordStoredEntry(call, callee, method, summary?.storedEntriesRead ?? []);
    if (!summary) {
      if (!this.finalizes && this.effects.finalizesElsewhere(call)) this.finalizes = true;
      return;
    }
    if (summary.installsPackages) this.installsPackages = true;
    if (summary.switchesSession) this.switchesSession = true;
    if (summary.finalizes) this.finalizes = true;
    if (summary.benchmarks) this.benchmarks = true;
    if (summary.loadsModule) this.loadsModule = true;
    if (summary.checks) this.checks = true;
    if (summary.startsServer) this.startsServer = true;
    if (summary.readsFiles) this.readsFiles = true;
    if (summary.readsEnv) this.readsEnv = true;
    if (summary.startsProcess) this.startsProcess = true;
    if (summary.prompts) this.prompts = true;
    if (summary.locks) this.locks = true;
    if (summary.updatesStoredEntry) this.updatesEntry = true;
    for (const write of summary.writes) {
      if (write.kind === 'argument') {
        const argument = call.arguments[write.index];
        if (argument) this.recordWrite(argument, true);
      } else if (write.kind === 'file') {
        const argument = write.argument === null ? undefined : call.arguments[write.argument];
        this.addWrite({ kind: 'file', argument: argument ? this.paramReadBy(argument) : null });
      } else if (write.kind === 'this') {
        // A method of the same object (`this.save()`) writes our `this`; another object's is its own.
        const object = callee.type === AST_NODE_TYPES.MemberExpression ? skipTransparent(callee.object) : null;
        if (object?.type === AST_NODE_TYPES.ThisExpression) this.addWrite(write);
        else if (object) this.recordWrite(object, true);
      } else {
        this.addWrite(write);
      }
    }
  }

  /** The index of the parameter an expression is computed from (`path.join(dir, name)` → `dir`'s), or null. */
  private paramReadBy(node: TSESTree.Node): number | null {
    let found: number | null = null;
    const visit = (current: TSESTree.Node): void => {
      if (found !== null) return;
      if (current.type === AST_NODE_TYPES.Identifier) {
        const index = this.params.get(current.name);
        if (index !== undefined) {
          found = index;
          return;
        }
      }
      if (current.type === AST_NODE_TYPES.MemberExpression && !current.computed) {
        visit(current.object);
        return;
      }
      forEachChild(current, this.visitorKeys, visit);
    };
    visit(node);
    return found;
  }

  /**
   * Records a write to `target`. `mutated`: the target itself is changed in place (`x.push()`),
   * not assigned, so a bare parameter or outer name counts.
   */
  private recordWrite(target: TSESTree.Node, mutated: boolean): void {
    const node = skipTransparent(target);
    if (node.type === AST_NODE_TYPES.ThisExpression) {
      this.addWrite({ kind: 'this', member: null });
      return;
    }
    if (node.type === AST_NODE_TYPES.MemberExpression && isProcessEnv(node.object)) {
      this.addWrite({ kind: 'env' });
      return;
    }
    if (node.type === AST_NODE_TYPES.MemberExpression && isProcessEnv(node)) {
      this.addWrite({ kind: 'env' });
      return;
    }
    const path = accessPathOf(node);
    if (path === null) return;
    const root = rootOf(path);
    const member = path.length > root.length;
    if (root === 'this') {
      const rest = path.slice('this.'.length);
      this.addWrite({ kind: 'this', member: rest.length > 0 ? (rest.split('.')[0] ?? null) : null });
      return;
    }
    if (!member && !mutated) {
      // `x = ...`: a local or a parameter rebinds nothing outside; an outer name is outer state.
      if (this.params.has(root) || this.declaredInside(node)) return;
      this.addWrite({ kind: 'outer' });
      return;
    }
    const index = this.params.get(root);
    if (index !== undefined) {
      this.addWrite({ kind: 'argument', index });
      return;
    }
    if (this.declaredInside(node)) return;
    this.addWrite({ kind: 'outer' });
  }

  /** True when the root identifier of `node` is declared inside the function (or is a parameter). */
  private declaredInside(node: TSESTree.Node): boolean {
    let current = node;
    while (current.type === AST_NODE_TYPES.MemberExpression) current = skipTransparent(current.object);
    if (current.type !== AST_NODE_TYPES.Identifier) return true;
    const variable = variableOfIdentifier(this.effects.source, current);
    if (!variable) return false;
    const block = variable.scope.block;
    return this.fn.range[0] <= block.range[0] && block.range[1] <= this.fn.range[1];
  }

  private addWrite(write: WriteTarget): void {
    const key = JSON.stringify(write);
    if (this.writeKeys.has(key)) return;
    this.writeKeys.add(key);
    this.writes.push(write);
  }

  private waits(): EffectSummary['waits'] {
    if (this.startsProcess || this.startsServer || this.prompts || this.locks) return 'io';
    const body = this.fn.body;
    if (body.type === AST_NODE_TYPES.BlockStatement && servesCachedValue(body, this.visitorKeys)) return 'cached';
    if (body.type !== AST_NODE_TYPES.BlockStatement && memoisedExpression(body)) return 'cached';
    let waits: EffectSummary['waits'] = this.readsFiles || this.writes.some((write) => write.kind === 'file') ? 'files' : 'memory';
    for (const value of this.results) waits = widerWait(waits, this.valueWait(value));
    return waits;
  }

  /**
   * What a value's promise (if any) waits for: `memory` for what is already at hand, `cached`
   * for a call of a function that answers from memory after its first call (`renderTemplate`
   * awaiting a memoised template load).
   */
  private valueWait(value: TSESTree.Node): EffectSummary['waits'] {
    const node = skipTransparent(value);
    switch (node.type) {
      case AST_NODE_TYPES.Identifier: {
        // `const p = fetch(u); return p;`: a local holds what its initializer made.
        const init = this.localInit(node);
        return init === null || init === value ? 'memory' : this.valueWait(init);
      }
      case AST_NODE_TYPES.MemberExpression:
      case AST_NODE_TYPES.Literal:
      case AST_NODE_TYPES.TemplateLiteral:
      case AST_NODE_TYPES.ObjectExpression:
      case AST_NODE_TYPES.ArrayExpression:
      case AST_NODE_TYPES.BinaryExpression:
      case AST_NODE_TYPES.UnaryExpression:
      case AST_NODE_TYPES.ThisExpression:
        return 'memory';
      case AST_NODE_TYPES.ConditionalExpression:
        return widerWait(this.valueWait(node.consequent), this.valueWait(node.alternate));
      case AST_NODE_TYPES.LogicalExpression:
        return widerWait(this.valueWait(node.left), this.valueWait(node.right));
      case AST_NODE_TYPES.AwaitExpression:
        return this.valueWait(node.argument);
      // `await import('./serializer')`: the module cache answers every load after the first.
      case AST_NODE_TYPES.ImportExpression:
        return node.source.type === AST_NODE_TYPES.Literal ? 'cached' : 'io';
      case AST_NODE_TYPES.CallExpression:
      case AST_NODE_TYPES.NewExpression: {
        if (this.isInMemoryCollectionRead(node) || isValueMethodCall(node) || this.isPureGlobalCall(node)) return 'memory';
        // `return new Option(path, label)`: an object of a class of this file that is no thenable;
        // `return new Uint8Array(signature)`: a built-in value (`BUILT_IN_VALUE_CONSTRUCTORS`).
        if (node.type === AST_NODE_TYPES.NewExpression && (this.effects.makesPlainObject(node) || this.effects.makesBuiltInValue(node))) return 'memory';
        const summary = this.effects.calleeSummary(node, this.depth);
        if (summary) return summary.waits;
        // A function of another module that answers from what it keeps, or waits on nothing.
        if (this.effects.servesCacheElsewhere(node)) return 'cached';
        return this.effects.waitsOnNothingElsewhere(node) ? 'memory' : 'io';
      }
      default:
        return 'io';
    }
  }

  /**
   * `Math.min(...quantities)`, `JSON.parse(text)`, `parseInt(s, 10)`: a function of a global that
   * computes a value from its arguments alone (`PURE_GLOBAL_NAMESPACES`, `PURE_GLOBAL_FUNCTIONS`),
   * not shadowed here. It returns no promise; what its arguments awaited is counted on its own.
   */
  private isPureGlobalCall(node: EffectCall): boolean {
    if (node.type !== AST_NODE_TYPES.CallExpression) return false;
    const callee = skipTransparent(node.callee);
    let root: TSESTree.Node | null = null;
    if (callee.type === AST_NODE_TYPES.Identifier && PURE_GLOBAL_FUNCTIONS.has(callee.name)) root = callee;
    if (callee.type === AST_NODE_TYPES.MemberExpression) {
      const object = skipTransparent(callee.object);
      if (object.type === AST_NODE_TYPES.Identifier && PURE_GLOBAL_NAMESPACES.has(object.name)) root = object;
    }
    if (root?.type !== AST_NODE_TYPES.Identifier) return false;
    const variable = variableOfIdentifier(this.effects.source, root);
    return !variable || variable.defs.length === 0;
  }

  /**
   * `table.get(key)` where `table` is a `const` made here as an in-memory collection
   * (`new Map()`, `new Set()`, `[]`, `{}`): a lookup that waits for nothing.
   */
  private isInMemoryCollectionRead(call: EffectCall): boolean {
    const callee = skipTransparent(call.callee);
    if (callee.type !== AST_NODE_TYPES.MemberExpression) return false;
    const method = staticMemberName(callee);
    const object = skipTransparent(callee.object);
    if (method === null || !PURE_METHODS.has(method) || object.type !== AST_NODE_TYPES.Identifier) return false;
    const variable = variableOfIdentifier(this.effects.source, object);
    const definition = variable?.defs.length === 1 ? variable.defs[0] : undefined;
    if (definition?.type !== 'Variable' || definition.parent.kind !== 'const' || !definition.node.init) return false;
    const init = skipTransparent(definition.node.init);
    if (init.type === AST_NODE_TYPES.ArrayExpression || init.type === AST_NODE_TYPES.ObjectExpression) return true;
    return (
      init.type === AST_NODE_TYPES.NewExpression &&
      init.callee.type === AST_NODE_TYPES.Identifier &&
      IN_MEMORY_COLLECTIONS.has(init.callee.name)
    );
  }

  /** The initializer of a variable declared once inside the function, or null. */
  private localInit(identifier: TSESTree.Identifier): TSESTree.Node | null {
    const variable = variableOfIdentifier(this.effects.source, identifier);
    const definition = variable?.defs.length === 1 ? variable.defs[0] : undefined;
    if (definition?.type !== 'Variable' || !definition.node.init) return null;
    const init = definition.node.init;
    return this.fn.range[0] <= init.range[0] && init.range[1] <= this.fn.range[1] ? init : null;
  }

  private canReject(): boolean {
    const fn = this.fn;
    const body = fn.body;
    if (!fn.async) {
      // A sync throw is not a rejection: only the returned promises count. Not one the function
      // watches itself (`handledWhereFilled`: `const p = run(); p.then(done, fail); return p;`),
      // nor a guard's refusal (`refusesMisuse`).
      return this.results.some((value) => !handledWhereFilled(value, this.effects.source) && !this.refusesMisuse(value) && this.effects.valueCanReject(value, this.depth));
    }
    if (body.type !== AST_NODE_TYPES.BlockStatement) return this.returnedCanReject(body) || this.mayRejectIn(body);
    // An empty body is a stub still to be written (or a placeholder): no evidence either way.
    if (body.body.length === 0) return true;
    // An event emitter's dispatch that keeps each listener's failure to itself, and the
    // registration methods beside it (`listener-dispatch.ts`): written never to fail a caller.
    if (isolatesListeners(fn, this.visitorKeys) || isIsolatingEmitterMethod(fn, this.visitorKeys)) return false;
    return this.mayRejectIn(body);
  }

  /**
   * `mayRejectIn` of the body with the parameters and options properties in `known` fixed to these
   * literal values (see `FileEffects.canRejectWithArguments`): a branch their values rule out is
   * not visited. With `preconditionsReject`, a guard's `throw` (`isPreconditionThrow`) counts.
   */
  rejectsWith(known: KnownParameters, preconditionsReject = false): boolean {
    // `page = await page` with a literal given: awaiting a value that is no promise gives it back.
    const settled = (awaited: TSESTree.Node): boolean => {
      const value = skipTransparent(awaited);
      if (value.type !== AST_NODE_TYPES.Identifier) return false;
      const variable = variableOfIdentifier(this.effects.source, value);
      return variable !== null && known.values.has(variable);
    };
    const decide = (test: TSESTree.Node): boolean | null =>
      decidedTruth(test, (read) => {
        if (read.type === AST_NODE_TYPES.Identifier) {
          const variable = variableOfIdentifier(this.effects.source, read);
          return variable && known.values.has(variable) ? { value: known.values.get(variable) } : null;
        }
        const object = skipTransparent(read.object);
        const name = staticMemberName(read);
        if (object.type !== AST_NODE_TYPES.Identifier || name === null) return null;
        const variable = variableOfIdentifier(this.effects.source, object);
        const given = variable ? known.objects.get(variable) : undefined;
        return given ? knownProperty(given, name) : null;
      });
    return this.mayRejectIn(this.fn.body, decide, preconditionsReject, settled);
  }

  /**
   * True when running `node` (a statement or expression of this async function, nested functions
   * excepted) may reject the function's promise: a `throw` or `for await` outside a guarding
   * `try`, an `await` of a promise that can reject (`FileEffects.valueCanReject`; a delay only waits,
   * `isDelay`), a returned
   * promise that can reject (also inside a `try`: `return load()` is not caught there, only
   * `return await load()` is), a `catch` that rethrows or awaits new work that may reject (awaiting
   * a call that is handed the caught error or data read from it, `await report(error)`,
   * `await markFailed(id, error.code)`, is handling it: see `handsOnError`), a `finally`
   * that may reject, or a call (outside a `catch`) of a same-file synchronous helper that itself
   * `throw`s. Other synchronous calls are assumed not
   * to throw: a failing `clearTimeout(t)` or `assert(x)` is a bug whichever way it surfaces, not
   * the lost asynchronous failure a dropped promise stands for.
   * With `decide` (`rejectsWith`), a test it decides leaves only its live branch to visit, and an
   * `await` of a value `settled` knows (a parameter given a literal) waits for nothing.
   */
  private mayRejectIn(
    node: TSESTree.Node,
    decide?: (test: TSESTree.Node) => boolean | null,
    preconditionsReject = false,
    settled?: (awaited: TSESTree.Node) => boolean,
  ): boolean {
    let found = false;
    /** The names of the caught errors of the `catch` clauses around the node being visited. */
    const caught: string[] = [];
    const visit = (current: TSESTree.Node, guarded: boolean): void => {
      if (found) return;
      if (current !== this.fn.body && isFunctionNode(current)) return;
      if (decide) {
        switch (current.type) {
          case AST_NODE_TYPES.IfStatement:
          case AST_NODE_TYPES.ConditionalExpression: {
            const truth = decide(current.test);
            if (truth === null) break;
            visit(current.test, guarded);
            const live = truth ? current.consequent : current.alternate;
            if (live) visit(live, guarded);
            return;
          }
          case AST_NODE_TYPES.LogicalExpression: {
            const left = current.operator === '??' ? null : decide(current.left);
            if (left === null || left !== (current.operator === '||')) break;
            visit(current.left, guarded);
            return;
          }
          case AST_NODE_TYPES.BlockStatement:
            // `if (skip) return;` decided to return: the rest of the block never runs.
            for (const statement of current.body) {
              visit(statement, guarded);
              if (statement.type === AST_NODE_TYPES.IfStatement && returnsOnDecidedBranch(statement, decide)) return;
            }
            return;
          default:
            break;
        }
      }
      switch (current.type) {
        case AST_NODE_TYPES.ThrowStatement:
          if (!guarded && (preconditionsReject || !this.isPreconditionThrow(current))) found = true;
          break;
        case AST_NODE_TYPES.ForOfStatement:
          // `for await (const chunk of this.buffered())`: an async generator of this file that
          // cannot reject reads memory only (see `FileEffects.iterationCanReject`).
          if (current.await && !guarded && this.effects.iterationCanReject(current.right, this.depth)) found = true;
          break;
        case AST_NODE_TYPES.YieldExpression:
          // An async generator waits for what it yields (`yield load(id)`), and for every step of
          // what it delegates to (`yield* pages()`).
          if (!guarded && this.fn.async && this.fn.generator && current.argument) {
            if (current.delegate ? this.effects.iterationCanReject(current.argument, this.depth) : this.effects.yieldedCanReject(current.argument, this.depth)) found = true;
          }
          break;
        case AST_NODE_TYPES.AwaitExpression:
          if (
            !guarded &&
            !(settled?.(current.argument) ?? false) &&
            !handsOnError(current.argument, caught) &&
            !(caught.length > 0 && isRollback(current.argument)) &&
            !this.effects.isDelay(current.argument) &&
            this.effects.valueCanReject(current.argument, this.depth)
          ) {
            found = true;
          }
          break;
        case AST_NODE_TYPES.ReturnStatement:
          // `catch (err) { return this.destroy(err); }`: the failure goes to the stream's error channel.
          if (current.argument && !forwardsCaughtError(current.argument, caught, this.effects.source) && this.returnedCanReject(current.argument)) found = true;
          break;
        case AST_NODE_TYPES.CallExpression:
          // Inside a `catch`, a call hands the error on (`this.emit('error', err)`): that is handling it.
          if (!guarded && caught.length === 0 && this.callsThrowingHelper(current)) found = true;
          break;
        case AST_NODE_TYPES.TryStatement: {
          const handler = current.handler;
          visit(current.block, guarded || handler !== null);
          if (handler) {
            // With `decide`, the visit of the handler below finds a `throw` on a branch left live.
            if (!decide && !guarded && containsOwn(handler.body, this.visitorKeys, (inner) => inner.type === AST_NODE_TYPES.ThrowStatement)) found = true;
            const param = handler.param?.type === AST_NODE_TYPES.Identifier ? handler.param.name : null;
            if (param !== null) caught.push(param);
            visit(handler.body, guarded);
            if (param !== null) caught.pop();
          }
          if (current.finalizer) visit(current.finalizer, guarded);
          return;
        }
        default:
          break;
      }
      forEachChild(current, this.visitorKeys, (child) => visit(child, guarded));
    };
    visit(node, false);
    return found;
  }

  /**
   * A value returned by an async function that can reject its promise: a call or `new` whose
   * promise can reject (`return load(id)`, caught by no `try`). `return await x` is judged as an
   * `await`; a returned variable, member or literal is taken for the value it usually is, and so is
   * a call of a parameter (`return done(err)`, a Node-style callback).
   */
  private returnedCanReject(value: TSESTree.Node): boolean {
    const node = skipTransparent(value);
    // Typed: a returned value the checker knows is no promise (`return socket.close()` inside a
    // `try`) rejects nothing; a synchronous throw there is the `try`'s.
    if (this.effects.isKnownNonPromise(node)) return false;
    switch (node.type) {
      case AST_NODE_TYPES.CallExpression: {
        // `return done(err)`, `return resolve(value)`: a callback parameter, this function's or an
        // enclosing one's (a promise executor's), returns nothing to wait for.
        const callee = skipTransparent(node.callee);
        if (callee.type === AST_NODE_TYPES.Identifier && (this.params.has(callee.name) || this.effects.namesParameter(callee))) return false;
        return !isValueMethodCall(node) && this.effects.valueCanReject(node, this.depth);
      }
      case AST_NODE_TYPES.NewExpression:
        return this.effects.valueCanReject(node, this.depth);
      case AST_NODE_TYPES.ConditionalExpression:
        return this.returnedCanReject(node.consequent) || this.returnedCanReject(node.alternate);
      case AST_NODE_TYPES.LogicalExpression:
        return this.returnedCanReject(node.left) || this.returnedCanReject(node.right);
      default:
        return false;
    }
  }

  /**
   * `if (!this.listener) throw new Error('not started');` as a statement of the function's own
   * body, before anything is awaited: a guard on the function's state or arguments (its test
   * calls, awaits and constructs nothing) that throws when the function is misused. Like a
   * failing `assert(x)`, that is a bug whichever way it surfaces, not the lost asynchronous
   * failure a dropped promise stands for, so it does not make the function's promise one that
   * can reject (the `try`/`catch` after it decides).
   */
  private isPreconditionThrow(node: TSESTree.ThrowStatement): boolean {
    let guard: TSESTree.Node = node.parent;
    if (guard.type === AST_NODE_TYPES.BlockStatement && guard.body.length === 1) guard = guard.parent;
    if (guard.type !== AST_NODE_TYPES.IfStatement || guard.alternate) return false;
    const body = this.fn.body;
    if (body.type !== AST_NODE_TYPES.BlockStatement || guard.parent !== body) return false;
    const keys = this.visitorKeys;
    const acts = (inner: TSESTree.Node): boolean =>
      inner.type === AST_NODE_TYPES.CallExpression || inner.type === AST_NODE_TYPES.NewExpression || inner.type === AST_NODE_TYPES.AwaitExpression;
    if (containsOwn(guard.test, keys, acts)) return false;
    const index = body.body.indexOf(guard);
    return body.body.slice(0, index).every((statement) => !containsOwn(statement, keys, (inner) => inner.type === AST_NODE_TYPES.AwaitExpression));
  }

  /**
   * The promise-returning form of `isPreconditionThrow`, in a function that is not async: `value`
   * is returned by a guard `if` among the guards that open the body (its test calls, awaits and
   * constructs nothing; an `else` or any other statement before it ends the guards) and only
   * refuses: `Promise.reject(new Error('closed'))`, or `.then(() => { throw new Error('...'); })`
   * on a promise the function watches itself (`handledWhereFilled`) or one that cannot reject.
   * Misuse (`shutdown()` called while already shutting down), a bug whichever way it surfaces.
   */
  private refusesMisuse(value: TSESTree.Node): boolean {
    const returned = value.parent;
    if (returned?.type !== AST_NODE_TYPES.ReturnStatement) return false;
    const guard = returned.parent?.type === AST_NODE_TYPES.BlockStatement ? returned.parent.parent : returned.parent;
    const body = this.fn.body;
    if (guard?.type !== AST_NODE_TYPES.IfStatement || guard.alternate || body.type !== AST_NODE_TYPES.BlockStatement || guard.parent !== body) return false;
    const index = body.body.indexOf(guard);
    if (!body.body.slice(0, index).every((statement) => statement.type === AST_NODE_TYPES.IfStatement && !statement.alternate)) return false;
    const acts = (inner: TSESTree.Node): boolean =>
      inner.type === AST_NODE_TYPES.CallExpression || inner.type === AST_NODE_TYPES.NewExpression || inner.type === AST_NODE_TYPES.AwaitExpression;
    if (containsOwn(guard.test, this.visitorKeys, acts)) return false;
    const node = skipTransparent(value);
    if (node.type !== AST_NODE_TYPES.CallExpression) return false;
    const [first] = node.arguments;
    if (wrappedByRejectOf(node, this.effects.source)) return first !== undefined && skipTransparent(first).type === AST_NODE_TYPES.NewExpression;
    if (chainMethodName(node) !== 'then' || node.arguments.length !== 1 || !first || !onlyRefuses(first)) return false;
    const receiver = skipTransparent((skipTransparent(node.callee) as TSESTree.MemberExpression).object);
    const held = wrappedByResolve(receiver, this.effects.source) ?? receiver;
    return handledWhereFilled(held, this.effects.source) || !this.effects.valueCanReject(receiver, this.depth);
  }

  /**
   * `validate(input)` where `validate` is a non-async function of this file with a `throw` of its
   * own. Not a throw that guards the helper's own state when the caller has just checked that
   * state: `if (this.state === 'RUNNING') this.shutdown()` where `shutdown()` starts with
   * `if (this.state !== 'RUNNING') throw ...` (`checkedStateGuard`).
   */
  private callsThrowingHelper(call: TSESTree.CallExpression): boolean {
    const helper = this.effects.calledFunction(call);
    if (!helper || helper.async || helper === this.fn) return false;
    const throws: TSESTree.ThrowStatement[] = [];
    containsOwn(helper.body, this.visitorKeys, (inner) => {
      if (inner.type === AST_NODE_TYPES.ThrowStatement) throws.push(inner);
      return false;
    });
    return throws.some((statement) => !this.checkedStateGuard(statement, helper, call));
  }

  /**
   * True when `statement` is a guard statement of `helper`'s body (`if (this.state !== 'RUNNING')
   * throw ...`, its test reading only members of `this` and calling nothing) and `call` sits in
   * the branch of an `if` of this function whose test reads one of the same members of `this`:
   * the caller checked the state the guard demands, so the throw is for other callers' misuse.
   */
  private checkedStateGuard(statement: TSESTree.ThrowStatement, helper: FunctionNode, call: TSESTree.CallExpression): boolean {
    let guard: TSESTree.Node = statement.parent;
    if (guard.type === AST_NODE_TYPES.BlockStatement && guard.body.length === 1) guard = guard.parent;
    if (guard.type !== AST_NODE_TYPES.IfStatement || guard.alternate || guard.parent !== helper.body) return false;
    const guarded = thisMembersRead(guard.test, this.visitorKeys);
    if (guarded === null || guarded.size === 0) return false;
    for (let child: TSESTree.Node = call, parent: TSESTree.Node | undefined = call.parent; parent && child !== this.fn; child = parent, parent = parent.parent) {
      if (parent.type !== AST_NODE_TYPES.IfStatement || parent.consequent !== child) continue;
      const checked = thisMembersRead(parent.test, this.visitorKeys);
      if (checked && [...checked].some((name) => guarded.has(name))) return true;
    }
    return false;
  }
}

/**
 * The name `value` is kept under when it is stored, not used: `{ reject }` / `{ fail: reject }`
 * (a property of an object literal) or `this.fail = reject` / `state.fail = reject`; else null.
 */
/** True when the class enclosing `member` (a `this.name` expression) declares `name` as a TypeScript `private` field or constructor parameter property. */
function isPrivateField(member: TSESTree.Node, name: string): boolean {
  let node: TSESTree.Node | undefined = member.parent;
  while (node && node.type !== AST_NODE_TYPES.ClassBody) node = node.parent;
  if (!node) return false;
  return node.body.some((element) => {
    if (element.type === AST_NODE_TYPES.PropertyDefinition) return !element.computed && element.key.type === AST_NODE_TYPES.Identifier && element.key.name === name && element.accessibility === 'private';
    if (element.type !== AST_NODE_TYPES.MethodDefinition || element.kind !== 'constructor') return false;
    return element.value.params.some((param) => {
      if (param.type !== AST_NODE_TYPES.TSParameterProperty || param.accessibility !== 'private') return false;
      const target = param.parameter.type === AST_NODE_TYPES.AssignmentPattern ? param.parameter.left : param.parameter;
      return target.type === AST_NODE_TYPES.Identifier && target.name === name;
    });
  });
}

function storedUnder(value: TSESTree.Identifier): string | null {
  const parent = value.parent;
  if (parent?.type === AST_NODE_TYPES.Property && parent.value === value && !parent.computed && parent.parent.type === AST_NODE_TYPES.ObjectExpression) return writtenName(parent.key);
  if (parent?.type === AST_NODE_TYPES.AssignmentExpression && parent.operator === '=' && parent.right === value && parent.left.type === AST_NODE_TYPES.MemberExpression) return writtenName(parent.left);
  return null;
}

/** A callback whose own statements end the process (`() => process.exit(0)`, `() => { log(); process.exit(1); }`). */
function exitsProcess(fn: FunctionNode): boolean {
  const statements: TSESTree.Node[] = fn.body.type === AST_NODE_TYPES.BlockStatement ? fn.body.body : [fn.body];
  return statements.some((statement) => isProcessExitCall(skipTransparent(statement.type === AST_NODE_TYPES.ExpressionStatement ? statement.expression : statement)));
}

/**
 * `await killTransaction(req)`, `await tx.rollback()`: undoing a transaction in a `catch`. The
 * error being handled is the work's; a failing rollback is the database's own failure, which the
 * connection reports, not the lost result of the work.
 */
function isRollback(value: TSESTree.Node): boolean {
  const call = skipTransparent(value);
  if (call.type !== AST_NODE_TYPES.CallExpression) return false;
  const name = writtenName(call.callee);
  return name !== null && ROLLBACK_NAME.test(name);
}

/**
 * `this.destroy(err)` in a stream's own method, `upload.abort(err)` of a stream the file builds
 * (`ERROR_CHANNEL_METHODS` on a receiver `isStreamReceiver` knows), `this.emit('error', err)` or
 * `emit('error', err)` of a stream or emitter the file builds: a
 * method call that hands one of the `caught` errors to its receiver's own error channel. Such a
 * call returns its receiver or a flag, never a promise of new work. Not the same method of
 * another object: a database transaction's `tx.abort(err)` or a pool's `destroy()` are async
 * work that may fail in turn.
 */
function forwardsCaughtError(value: TSESTree.Node, caught: readonly string[], source: Readonly<TSESLint.SourceCode>): boolean {
  const call = skipTransparent(value);
  if (call.type !== AST_NODE_TYPES.CallExpression || caught.length === 0) return false;
  const callee = skipTransparent(call.callee);
  if (callee.type !== AST_NODE_TYPES.MemberExpression) return false;
  const method = staticMemberName(callee);
  if (method === null) return false;
  const [first] = call.arguments;
  const errorEvent = method === 'emit' && first?.type === AST_NODE_TYPES.Literal && first.value === 'error';
  if (!errorEvent && !ERROR_CHANNEL_METHODS.has(method)) return false;
  const handsCaught = call.arguments.some((argument) => {
    const handed = skipTransparent(argument);
    return handed.type === AST_NODE_TYPES.Identifier && caught.includes(handed.name);
  });
  if (!handsCaught) return false;
  const receiver = skipTransparent(callee.object);
  if (errorEvent) return receiver.type === AST_NODE_TYPES.ThisExpression || isStreamReceiver(receiver, source, true);
  return isStreamReceiver(receiver, source, false);
}

/**
 * `this` in a method of a class that extends a stream (`class Upload extends Writable`), or a
 * variable the file initialises with `new` of one (`const out = new PassThrough()`):
 * `STREAM_CLASS_NAME` on the class's written name; with `emitters`, an emitter class
 * (`EMITTER_CLASS_NAME`) too.
 */
function isStreamReceiver(receiver: TSESTree.Node, source: Readonly<TSESLint.SourceCode>, emitters: boolean): boolean {
  let constructed: TSESTree.Node | null | undefined = null;
  if (receiver.type === AST_NODE_TYPES.ThisExpression) {
    constructed = enclosingClass(receiver)?.superClass;
  } else if (receiver.type === AST_NODE_TYPES.Identifier) {
    const definition = variableOfIdentifier(source, receiver)?.defs[0]?.node;
    const init = definition?.type === AST_NODE_TYPES.VariableDeclarator && definition.init ? skipTransparent(definition.init) : null;
    constructed = init?.type === AST_NODE_TYPES.NewExpression ? init.callee : null;
  }
  const name = constructed ? writtenName(skipTransparent(constructed)) : null;
  return name !== null && (STREAM_CLASS_NAME.test(name) || (emitters && EMITTER_CLASS_NAME.test(name)));
}

/**
 * `report(error)` / `this.log.error('failed', error)`: a call handed one of the `caught` errors, or
 * a part of one that records the failure (`markFailed(id, err.code || 'FAILED')`, `{ reason:
 * err.message }`, `` `failed: ${err.message}` ``): the call is the error's handling, and its own
 * failure is a second one while reporting the first (see `carriesCaughtError`).
 */
function handsOnError(value: TSESTree.Node, caught: readonly string[]): boolean {
  const call = skipTransparent(value);
  if (call.type !== AST_NODE_TYPES.CallExpression || caught.length === 0) return false;
  return call.arguments.some((argument) => argument.type !== AST_NODE_TYPES.SpreadElement && carriesCaughtError(argument, caught));
}

/** The fields of an error that describe the failure (`err.message`, `err.code`, `err.response.status`). */
const ERROR_DESCRIPTION_FIELDS: ReadonlySet<string> = new Set(['message', 'code', 'name', 'stack', 'status', 'statusCode', 'statusText', 'reason', 'errno', 'description', 'detail', 'details']);

/**
 * True when `value` is one of the `caught` errors or data read from it: the error, a property
 * chain on it that ends in a field describing the failure (`err.response.status`,
 * `ERROR_DESCRIPTION_FIELDS`; not `err.config`, the request a retry is handed), a fallback or choice with such an operand (`err.code ||
 * 'FAILED'`), a template with such a part, or an object literal with such a property value. A
 * value computed from the error by a call (`classify(err).next`) is not its data.
 */
function carriesCaughtError(value: TSESTree.Node, caught: readonly string[]): boolean {
  const node = skipTransparent(value);
  switch (node.type) {
    case AST_NODE_TYPES.Identifier:
      return caught.includes(node.name);
    case AST_NODE_TYPES.MemberExpression: {
      // `err.config`, the failed request a retry is handed, is no description of the failure.
      if (!ERROR_DESCRIPTION_FIELDS.has(staticMemberName(node) ?? '')) return false;
      let object: TSESTree.Node = skipTransparent(node.object);
      while (object.type === AST_NODE_TYPES.MemberExpression) object = skipTransparent(object.object);
      return object.type === AST_NODE_TYPES.Identifier && caught.includes(object.name);
    }
    case AST_NODE_TYPES.LogicalExpression:
      return carriesCaughtError(node.left, caught) || carriesCaughtError(node.right, caught);
    case AST_NODE_TYPES.ConditionalExpression:
      return carriesCaughtError(node.consequent, caught) || carriesCaughtError(node.alternate, caught);
    case AST_NODE_TYPES.TemplateLiteral:
      return node.expressions.some((expression) => carriesCaughtError(expression, caught));
    case AST_NODE_TYPES.ObjectExpression:
      return node.properties.some((property) => property.type === AST_NODE_TYPES.Property && carriesCaughtError(property.value, caught));
    default:
      return false;
  }
}

/** `.catch((e) => { throw e })`: the handler rethrows, so the chain still rejects. */
function handlerRethrows(call: TSESTree.CallExpression, visitorKeys: TSESLint.SourceCode['visitorKeys']): boolean {
  const handler = chainMethodName(call) === 'catch' ? call.arguments[0] : call.arguments[1];
  if (!handler || !isFunctionNode(handler)) return false;
  return containsOwn(handler.body, visitorKeys, (node) => node.type === AST_NODE_TYPES.ThrowStatement);
}

/** `Date.now`, `performance.now`, `process.hrtime(.bigint)`, `console.time`/`timeEnd`. */
function isClockRead(callee: TSESTree.Node): boolean {
  let node = skipTransparent(callee);
  if (node.type !== AST_NODE_TYPES.MemberExpression) return false;
  let method = staticMemberName(node);
  if (method === 'bigint') {
    node = skipTransparent(node.object);
    if (node.type !== AST_NODE_TYPES.MemberExpression) return false;
    method = staticMemberName(node);
  }
  const object = skipTransparent(node.object);
  if (object.type !== AST_NODE_TYPES.Identifier || method === null) return false;
  return CLOCK_READS.get(object.name)?.has(method) ?? false;
}

/** True when `node` is inside a loop (its test, update or body) of `fn` itself. */
function insideLoop(node: TSESTree.Node, fn: FunctionNode): boolean {
  for (let current = node.parent; current && current !== fn; current = current.parent) {
    switch (current.type) {
      case AST_NODE_TYPES.WhileStatement:
      case AST_NODE_TYPES.DoWhileStatement:
      case AST_NODE_TYPES.ForStatement:
      case AST_NODE_TYPES.ForOfStatement:
      case AST_NODE_TYPES.ForInStatement:
        return true;
      default:
        if (isFunctionNode(current)) return false;
    }
  }
  return false;
}

/**
 * The first argument is the text of a question (`QUESTION_TEXT`): `'Publish these packages?'`; or
 * the callee is named for a kind of question (`PROMPT_KIND_NAMES`) and handed an options object
 * with a `message` written as text (`client.input.text({ message: 'Rule name:' })`).
 */
function asksQuestion(call: EffectCall): boolean {
  const first = call.arguments[0] ? skipTransparent(call.arguments[0]) : null;
  if (first?.type === AST_NODE_TYPES.ObjectExpression) {
    const callee = skipTransparent(call.callee);
    const name = callee.type === AST_NODE_TYPES.Identifier ? callee.name : callee.type === AST_NODE_TYPES.MemberExpression ? staticMemberName(callee) : null;
    return name !== null && PROMPT_KIND_NAMES.has(name) && first.properties.some(isMessageText);
  }
  if (first?.type === AST_NODE_TYPES.Literal) return typeof first.value === 'string' && QUESTION_TEXT.test(first.value);
  if (first?.type === AST_NODE_TYPES.TemplateLiteral) {
    const tail = first.quasis.at(-1);
    return tail !== undefined && QUESTION_TEXT.test(tail.value.cooked ?? tail.value.raw);
  }
  return false;
}

/** `message: 'Rule name:'` (or a template): the text an options object asks a prompt to show. */
function isMessageText(property: TSESTree.ObjectLiteralElement): boolean {
  if (property.type !== AST_NODE_TYPES.Property || property.computed || property.key.type !== AST_NODE_TYPES.Identifier || property.key.name !== 'message') return false;
  const value = skipTransparent(property.value as TSESTree.Expression);
  return (value.type === AST_NODE_TYPES.Literal && typeof value.value === 'string') || value.type === AST_NODE_TYPES.TemplateLiteral;
}

/** `getSession(this, req)`: handed `this` and a request (`REQUEST_ARGUMENT_NAMES`), nothing else. */
function looksUpRequestState(call: EffectCall): boolean {
  const handed = call.arguments.map((argument) => skipTransparent(argument));
  return (
    handed.some((argument) => argument.type === AST_NODE_TYPES.ThisExpression) &&
    handed.some((argument) => argument.type === AST_NODE_TYPES.Identifier && REQUEST_ARGUMENT_NAMES.has(argument.name))
  );
}

/** The longer of two waits: `io` over `files` over `cached` over `memory`. */
function widerWait(a: EffectSummary['waits'], b: EffectSummary['waits']): EffectSummary['waits'] {
  if (a === 'io' || b === 'io') return 'io';
  if (a === 'files' || b === 'files') return 'files';
  return a === 'cached' || b === 'cached' ? 'cached' : 'memory';
}

/**
 * `readWantedLockfile(lockfileDir)`, `readFileOrUndefined(file)`: a plain function named for
 * reading from the local disk (`LOCAL_FILE_HELPER_NAME`) whose first argument is a path (named
 * like one, `LOCAL_PATH_ARGUMENT`, or a string literal with a slash or a file extension), or whose
 * own name says file or folder.
 */
function isLocalFileHelperCall(name: string, call: EffectCall): boolean {
  const match = LOCAL_FILE_HELPER_NAME.exec(name);
  if (!match) return false;
  if (match.groups?.['thing'] !== undefined) return true;
  const first = call.arguments[0];
  if (!first) return false;
  const node = skipTransparent(first);
  if (node.type === AST_NODE_TYPES.Literal) return typeof node.value === 'string' && /[/\\]|\.[a-z]{2,5}$/i.test(node.value);
  const last =
    node.type === AST_NODE_TYPES.Identifier ? node.name : node.type === AST_NODE_TYPES.MemberExpression ? staticMemberName(node) : null;
  return last !== null && LOCAL_PATH_ARGUMENT.test(last);
}

/** `name.toUpperCase()`, `parts.join('/')`, `JSON.stringify(x)`: a string, number or array method (`VALUE_METHODS`). */
function isValueMethodCall(call: EffectCall): boolean {
  const callee = skipTransparent(call.callee);
  if (callee.type !== AST_NODE_TYPES.MemberExpression) return false;
  const method = staticMemberName(callee);
  return method !== null && VALUE_METHODS.has(method);
}

/** `process.env` itself. */
function isProcessEnv(node: TSESTree.Node): boolean {
  const current = skipTransparent(node);
  return (
    current.type === AST_NODE_TYPES.MemberExpression &&
    staticMemberName(current) === 'env' &&
    skipTransparent(current.object).type === AST_NODE_TYPES.Identifier &&
    (skipTransparent(current.object) as TSESTree.Identifier).name === 'process'
  );
}

/** How many leading statements `servesCachedValue` reads before it gives up. */
const MAX_CACHE_PREAMBLE = 4;

/** The one statement of a branch (`return x;` or `{ return x; }`), or null. */
function onlyStatement(branch: TSESTree.Statement): TSESTree.Statement | null {
  if (branch.type !== AST_NODE_TYPES.BlockStatement) return branch;
  return branch.body.length === 1 ? (branch.body[0] ?? null) : null;
}

/**
 * A read of memory that may hold a kept value: a member (`this.client`, `cache[key]`) or a
 * lookup in a collection (`this.values.get(key)`, `memo.get(id)`, `cache.peek(k)`), no `await`.
 */
function isMemoryLookup(node: TSESTree.Node): boolean {
  const value = skipTransparent(node);
  if (value.type === AST_NODE_TYPES.MemberExpression) return accessPathOf(value) !== null;
  if (value.type !== AST_NODE_TYPES.CallExpression) return false;
  const callee = skipTransparent(value.callee);
  if (callee.type !== AST_NODE_TYPES.MemberExpression) return false;
  const method = staticMemberName(callee);
  return (method === 'get' || method === 'peek') && accessPathOf(skipTransparent(callee.object)) !== null;
}

/**
 * The path a returned value keeps: `hit.value` for `Promise.resolve(hit.value)`, `this.client` for
 * `this.client`; null for anything that does work (a call other than `Promise.resolve` of a path).
 */
function keptPath(node: TSESTree.Node): string | null {
  const value = skipTransparent(node);
  if (value.type === AST_NODE_TYPES.Identifier || value.type === AST_NODE_TYPES.MemberExpression) return accessPathOf(value);
  if (value.type !== AST_NODE_TYPES.CallExpression || value.arguments.length !== 1 || !value.arguments[0]) return null;
  const callee = skipTransparent(value.callee);
  if (
    callee.type !== AST_NODE_TYPES.MemberExpression ||
    staticMemberName(callee) !== 'resolve' ||
    skipTransparent(callee.object).type !== AST_NODE_TYPES.Identifier ||
    (skipTransparent(callee.object) as TSESTree.Identifier).name !== 'Promise'
  ) {
    return null;
  }
  const held = skipTransparent(value.arguments[0]);
  return held.type === AST_NODE_TYPES.Identifier || held.type === AST_NODE_TYPES.MemberExpression ? accessPathOf(held) : null;
}

/** True when `path` is `prefix` or a member of it (`hit.value` of `hit`). */
function isWithin(path: string, prefix: string): boolean {
  return path === prefix || path.startsWith(`${prefix}.`) || path.startsWith(`${prefix}[`);
}

/** Every access path read in `node` (identifiers and member chains, outermost only: `user.banned`, not `user`). */
function pathsIn(node: TSESTree.Node, visitorKeys: TSESLint.SourceCode['visitorKeys']): string[] {
  const paths: string[] = [];
  const visit = (current: TSESTree.Node): void => {
    if (current.type === AST_NODE_TYPES.Identifier || current.type === AST_NODE_TYPES.MemberExpression) {
      const path = accessPathOf(current);
      if (path !== null) {
        paths.push(path);
        return;
      }
    }
    forEachChild(current, visitorKeys, visit);
  };
  visit(node);
  return paths;
}

/**
 * True when a function answers from memory once it has the value (`EffectSummary.waits` is
 * `cached`), by one of the shapes of a memo or a cache:
 * - a cache hit returned early: up to `MAX_CACHE_PREAMBLE` leading statements that only look a
 *   value up (`const hit = this.values.get(key);`), validate the input (`isPreambleStep`: `if
 *   (!isValidId(id)) throw ...`, a declaration or call without `await`), then `if (test) return
 *   kept;` where `kept` is a looked-up name (or a member of it) that the test reads, a name or
 *   member the test reads as it is (`if (this.client) return this.client;`), or `Promise.resolve`
 *   of one (`if (hit && hit.expires > now) return Promise.resolve(hit.value);`); the return may
 *   sit one `if` deeper in the hit's branch (`if (kept) { if (kept.isValid()) return kept; ... }`);
 * - a memoised promise filled on a miss: `let p = memo.get(key); if (!p) { p = load(key);
 *   memo.set(key, p); } return p;` (also with `this.p`, `p == null`, `p === undefined`): the `if`
 *   tests the returned path for absence and assigns it;
 * - `return this.p ??= load()`, `return this.p || (this.p = load())`.
 */
function servesCachedValue(body: TSESTree.BlockStatement, visitorKeys: TSESLint.SourceCode['visitorKeys']): boolean {
  const statements = body.body;
  const last = statements.at(-1);
  if (last?.type === AST_NODE_TYPES.ReturnStatement && last.argument && memoisedExpression(last.argument)) return true;
  const lookedUp = new Set<string>();
  for (const statement of statements.slice(0, MAX_CACHE_PREAMBLE + 1)) {
    if (statement.type === AST_NODE_TYPES.VariableDeclaration) {
      for (const declarator of statement.declarations) {
        if (declarator.id.type === AST_NODE_TYPES.Identifier && declarator.init && isMemoryLookup(declarator.init)) {
          lookedUp.add(declarator.id.name);
        } else if (!isPreambleStep(declarator, visitorKeys)) {
          return false;
        }
      }
      continue;
    }
    if (statement.type !== AST_NODE_TYPES.IfStatement || statement.alternate) {
      if (isPreambleStep(statement, visitorKeys)) continue;
      return false;
    }
    if (returnsCacheHit(statement, lookedUp, [], visitorKeys)) return true;
    // `if (!p) { p = load(); memo.set(key, p); } return p;`
    if (last?.type === AST_NODE_TYPES.ReturnStatement && last.argument && fillsOnMiss(statement, last.argument, lookedUp)) return true;
    if (isInputGuard(statement, visitorKeys) || returnsNothingEarly(statement, visitorKeys)) continue;
    return false;
  }
  return false;
}

/**
 * `if (!id) return null;`, `if (typeof value !== 'string') return;`: a test of the input that
 * returns a constant (nothing, `null`, `undefined`, a literal) and waits for nothing.
 */
function returnsNothingEarly(statement: TSESTree.IfStatement, visitorKeys: TSESLint.SourceCode['visitorKeys']): boolean {
  if (statement.alternate || containsAwait(statement.test, visitorKeys)) return false;
  const returned = onlyStatement(statement.consequent);
  if (returned?.type !== AST_NODE_TYPES.ReturnStatement) return false;
  if (!returned.argument) return true;
  const value = skipTransparent(returned.argument);
  return value.type === AST_NODE_TYPES.Literal || (value.type === AST_NODE_TYPES.Identifier && value.name === 'undefined');
}

/**
 * `if (test) return kept;` (or `if (test) { if (inner) return kept; ... }`, one level deeper)
 * where `kept` is what a test reads (see `servesCachedValue`); `outerTests` are the paths the
 * tests around it read.
 */
function returnsCacheHit(
  statement: TSESTree.IfStatement,
  lookedUp: ReadonlySet<string>,
  outerTests: readonly string[],
  visitorKeys: TSESLint.SourceCode['visitorKeys'],
): boolean {
  if (statement.alternate || containsAwait(statement.test, visitorKeys)) return false;
  const tested = [...outerTests, ...pathsIn(statement.test, visitorKeys)];
  const returned = hitReturn(statement.consequent, visitorKeys);
  if (returned?.type === AST_NODE_TYPES.ReturnStatement && returned.argument) {
    // `if (members.cache.has(id)) return members.cache.get(id) || null;`: the collection the test
    // asked, when it is named as a cache (`CACHE_COLLECTION_NAME`); a map of fixed overrides is not one.
    const lookup = collectionLookedUp(returned.argument);
    if (lookup !== null) return CACHE_COLLECTION_NAME.test(lookup.split('.').at(-1) ?? '') && tested.some((path) => isWithin(path, lookup));
    const kept = keptPath(returned.argument);
    if (kept === null) return false;
    const root = rootOf(kept);
    // A looked-up name: the test reads it; anything else (`if (this.client) return this.client;`):
    // the test reads exactly what is returned.
    return lookedUp.has(root) ? tested.some((path) => isWithin(path, root)) : tested.includes(kept);
  }
  if (outerTests.length > 0 || statement.consequent.type !== AST_NODE_TYPES.BlockStatement) return false;
  const [first] = statement.consequent.body;
  return first?.type === AST_NODE_TYPES.IfStatement && returnsCacheHit(first, lookedUp, tested, visitorKeys);
}

/** The last name of a collection kept as a cache: `cache`, `memberCache`, `_cached`. */
const CACHE_COLLECTION_NAME = /^[_$#]*(?:cache|cached|[\w$]*Cache)$/;

/**
 * The return of a cache hit's branch: its only statement, or its last after steps that wait for
 * nothing (`if (hit) { countHit('users'); return hit; }`); null otherwise.
 */
function hitReturn(branch: TSESTree.Statement, visitorKeys: TSESLint.SourceCode['visitorKeys']): TSESTree.Statement | null {
  if (branch.type !== AST_NODE_TYPES.BlockStatement) return branch;
  const last = branch.body.at(-1);
  if (last?.type !== AST_NODE_TYPES.ReturnStatement) return onlyStatement(branch);
  return branch.body.slice(0, -1).every((step) => step.type === AST_NODE_TYPES.ExpressionStatement && isPreambleStep(step, visitorKeys)) ? last : null;
}

/**
 * The collection a returned lookup reads (`members.get(id)`, also `members.get(id) || null` or
 * `?? fallback` with a literal or name as the fallback): `members`; null for anything else.
 */
function collectionLookedUp(node: TSESTree.Node): string | null {
  let value = skipTransparent(node);
  if (value.type === AST_NODE_TYPES.LogicalExpression && value.operator !== '&&') {
    const fallback = skipTransparent(value.right);
    if (fallback.type !== AST_NODE_TYPES.Literal && fallback.type !== AST_NODE_TYPES.Identifier) return null;
    value = skipTransparent(value.left);
  }
  if (value.type !== AST_NODE_TYPES.CallExpression || !isMemoryLookup(value)) return null;
  const callee = skipTransparent(value.callee);
  return callee.type === AST_NODE_TYPES.MemberExpression ? accessPathOf(skipTransparent(callee.object)) : null;
}

/**
 * A statement before a cache lookup that does no waiting: a declaration or an expression without
 * `await` (`const region = options.region ?? defaultRegion();`, `assertConfigured(config);`), or a function
 * declared there.
 */
function isPreambleStep(node: TSESTree.Node, visitorKeys: TSESLint.SourceCode['visitorKeys']): boolean {
  if (node.type === AST_NODE_TYPES.FunctionDeclaration) return !node.async;
  if (node.type !== AST_NODE_TYPES.VariableDeclarator && node.type !== AST_NODE_TYPES.ExpressionStatement) return false;
  const value = node.type === AST_NODE_TYPES.VariableDeclarator ? node.init : node.expression;
  if (value === null) return true;
  const inner = skipTransparent(value);
  // `const report = (message) => ...`: a function made, not run.
  if (isFunctionNode(inner)) return !inner.async;
  return !containsAwait(value, visitorKeys);
}

/**
 * `if (!isValidId(id)) throw new Error(...)`, also nested (`if (text != null) { if (bad) throw
 * ...; }`): a check of the input that throws and waits for nothing.
 */
function isInputGuard(statement: TSESTree.Statement, visitorKeys: TSESLint.SourceCode['visitorKeys']): boolean {
  if (statement.type === AST_NODE_TYPES.ThrowStatement) return !containsAwait(statement, visitorKeys);
  if (statement.type !== AST_NODE_TYPES.IfStatement || containsAwait(statement.test, visitorKeys)) return false;
  const branches = [statement.consequent, statement.alternate].filter((branch): branch is TSESTree.Statement => branch !== null);
  return branches.every((branch) => {
    const inner = branch.type === AST_NODE_TYPES.BlockStatement ? branch.body : [branch];
    return inner.length > 0 && inner.every((nested) => isInputGuard(nested, visitorKeys));
  });
}

/** True when an `await` (or `yield`) is in `node`, outside the functions it makes. */
function containsAwait(node: TSESTree.Node, visitorKeys: TSESLint.SourceCode['visitorKeys']): boolean {
  return containsOwn(node, visitorKeys, (current) => current.type === AST_NODE_TYPES.AwaitExpression || current.type === AST_NODE_TYPES.YieldExpression);
}

/** What `FileEffects.typedDeclaration` reads of a declaration: its parts and its file's text. */
interface TypedDeclaration {
  readonly parts: FunctionParts;
  readonly text: string;
  /** The path of the file it is declared in. */
  readonly file: string;
}

/** A function-like declaration of the checker, by positions only (no `typescript` module needed). */
interface TypedFunctionLike {
  readonly pos: number;
  readonly end: number;
  readonly body?: { readonly pos: number; readonly end: number } | undefined;
  readonly parameters?: { readonly pos: number; readonly end: number } | undefined;
  /** A variable's initializer: `const load = async () => {...}` declares `load`. */
  readonly initializer?: TypedFunctionLike | undefined;
  getSourceFile(): { readonly text: string; readonly isDeclarationFile: boolean; readonly fileName: string };
}

/**
 * The parameter list and block body text of a declaration the checker found, or null for one
 * without a block body, in a declaration file, or in an installed package (`node_modules`).
 */
function declarationParts(declared: TypedFunctionLike): TypedDeclaration | null {
  const declaration = declared.initializer ?? declared;
  const body = declaration.body;
  const parameters = declaration.parameters;
  if (!body || !parameters) return null;
  const file = declaration.getSourceFile();
  if (file.isDeclarationFile || /[\\/]node_modules[\\/]/.test(file.fileName)) return null;
  const text = file.text;
  const bodyText = text.slice(body.pos, body.end).trimStart();
  if (!bodyText.startsWith('{')) return null;
  return { parts: { parameters: text.slice(parameters.pos, parameters.end), body: bodyText }, text, file: file.fileName };
}

/** `Promise.resolve(load())`: the call whose promise it adopts and the `Promise` named, else null. */
function adoptedCall(call: EffectCall): { call: TSESTree.CallExpression; promise: TSESTree.Identifier } | null {
  if (call.type !== AST_NODE_TYPES.CallExpression || call.arguments.length !== 1) return null;
  const callee = skipTransparent(call.callee);
  if (callee.type !== AST_NODE_TYPES.MemberExpression || staticMemberName(callee) !== 'resolve') return null;
  const object = skipTransparent(callee.object);
  if (object.type !== AST_NODE_TYPES.Identifier || object.name !== 'Promise') return null;
  const [held] = call.arguments;
  const value = held ? skipTransparent(held) : null;
  return value?.type === AST_NODE_TYPES.CallExpression ? { call: value, promise: object } : null;
}

/** Parses a module's text (see `FileEffects.declarationParser`). */
type ParseText = (text: string) => TSESTree.Program;

/** What `FileEffects.declarationParser` uses of an ESLint parser object. */
interface TextParser {
  meta?: { name?: string };
  parse?: (text: string, options: object) => TSESTree.Program;
  parseForESLint?: (text: string, options: object) => { ast: TSESTree.Program };
}

/** Names of typescript-eslint's parser and of the CLI's wrapper of it (`cli/lint-config.ts`). */
const TYPESCRIPT_ESLINT_PARSERS: ReadonlySet<string> = new Set(['typescript-eslint/parser', 'async-pitfalls/lazy-typescript-parser']);

function isTypeScriptEslintParser(parser: TextParser): boolean {
  const name = parser.meta?.name;
  return name !== undefined && TYPESCRIPT_ESLINT_PARSERS.has(name);
}

let typeScriptTree: TextParser | undefined;

/** typescript-estree's `parse`, from typescript-eslint's parser's own dependencies (loaded on first use). */
function typeScriptTreeParser(): TextParser {
  if (!typeScriptTree) {
    const fromParser = createRequire(require.resolve('@typescript-eslint/parser'));
    const estree = fromParser('@typescript-eslint/typescript-estree') as { parse: (text: string, options: object) => TSESTree.Program };
    typeScriptTree = { parse: (text, options) => estree.parse(text, options) };
  }
  return typeScriptTree;
}

/** The program of `text` parsed as a module by an ESLint parser object (`parse`, or `parseForESLint`'s `ast`). */
function parseWith(parser: TextParser, text: string): TSESTree.Program {
  const options = { ecmaVersion: 'latest', sourceType: 'module', range: true, loc: true, comment: false };
  if (typeof parser.parse === 'function') return parser.parse(text, options);
  if (typeof parser.parseForESLint === 'function') return parser.parseForESLint(text, options).ast;
  throw new Error('not a parser');
}

/** The longest declaration `declarationServesCachedValue` parses. */
const MAX_PARSED_DECLARATION = 8_000;

/**
 * A function declaration read from another module's text: its parameters and block body parsed on
 * their own as one function (`FileEffects.declarationParser`); null for anything that does not
 * parse, an expression body or a longer text than `MAX_PARSED_DECLARATION`.
 */
function parsedDeclaration(parts: FunctionParts, parse: ParseText): TSESTree.FunctionDeclaration | null {
  let parsed = parsedDeclarations.get(parts);
  if (parsed === undefined) {
    parsed = parseDeclaration(parts, parse);
    parsedDeclarations.set(parts, parsed);
  }
  return parsed;
}

/**
 * Per declaration found in another module's text (`functionParts` keeps one object per text and
 * name): its parse, which several questions read (serves a cache, refuses the anonymous, awaits
 * only module memos). Every parser gives the same tree for the same text, so the first asker's is kept.
 */
const parsedDeclarations = new WeakMap<FunctionParts, TSESTree.FunctionDeclaration | null>();

function parseDeclaration(parts: FunctionParts, parse: ParseText): TSESTree.FunctionDeclaration | null {
  if (!parts.body.trimStart().startsWith('{') || parts.body.length > MAX_PARSED_DECLARATION) return null;
  try {
    const [declaration] = parse(`async function declared(${parts.parameters ?? ''}) ${parts.body}`).body;
    return declaration?.type === AST_NODE_TYPES.FunctionDeclaration ? declaration : null;
  } catch {
    return null;
  }
}

/**
 * `servesCachedValue` of a function declaration read from another module's text: its parameters
 * and block body parsed on their own as one function (`FileEffects.declarationParser`; anything
 * that does not parse, an expression body or a longer text answers false).
 */
function declarationServesCachedValue(parts: FunctionParts, parse: ParseText, visitorKeys: TSESLint.SourceCode['visitorKeys']): boolean {
  const declaration = parsedDeclaration(parts, parse);
  return declaration !== null && servesCachedValue(declaration.body, visitorKeys);
}

/**
 * True when a declaration (parsed on its own) reads the signed-in user or session into a name
 * (`const user = (await client.auth.getUser()).data.user`, `const session = await auth()`,
 * `SIGNED_IN_READ_NAME`) and throws when that name, or a member of it, holds nothing
 * (`if (!user) throw ...`, `if (!session?.user) { throw ... }`). Returning null for a visitor
 * refuses no one; a throw on another name (a missing row) checks no sign-in.
 */
function declarationRefusesAnonymous(parts: FunctionParts, parse: ParseText, visitorKeys: TSESLint.SourceCode['visitorKeys']): boolean {
  const declaration = parsedDeclaration(parts, parse);
  return declaration !== null && bodyRefusesAnonymous(declaration.body, visitorKeys);
}

/**
 * `declarationRefusesAnonymous` of a function body: its own statements, not nested functions (a
 * throw in a callback run later, `events.on('expired', () => { ... })`, refuses nothing now).
 */
function bodyRefusesAnonymous(body: TSESTree.BlockStatement, visitorKeys: TSESLint.SourceCode['visitorKeys']): boolean {
  const signedIn = new Set<string>();
  const checked: TSESTree.IfStatement[] = [];
  someNodeInSameFunction(body, visitorKeys, (node) => {
    if (node.type === AST_NODE_TYPES.VariableDeclarator && node.init && node.id.type === AST_NODE_TYPES.Identifier && readsSignedIn(node.init, visitorKeys)) {
      signedIn.add(node.id.name);
    }
    if (node.type === AST_NODE_TYPES.IfStatement) checked.push(node);
    return false;
  });
  const refuses = checked.some((branch) => {
    const tested = absenceTested(branch.test);
    const root = tested?.split(/[.?]/)[0];
    return root !== undefined && signedIn.has(root) && throwsAtTop(branch.consequent);
  });
  return refuses && loadsOnlyIdentity(body, signedIn, visitorKeys);
}

/**
 * True when a sign-in helper's own body loads nothing but the caller's identity (a heuristic read
 * of what it awaits and returns): each query besides the session read is one row keyed by the
 * signed-in name (`.eq('user_id', user.id).single()`, `findUnique({ where: { id: session.user.id } })`:
 * `ONE_ROW_READ`), so its purpose is the check. One that goes on to load a list of other data
 * (`return db.invoice.findMany(...)`) checks the session as a preamble to a page load: the reads
 * beside it may still overlap it.
 */
function loadsOnlyIdentity(body: TSESTree.BlockStatement, signedIn: ReadonlySet<string>, visitorKeys: TSESLint.SourceCode['visitorKeys']): boolean {
  const keyedRow = (value: TSESTree.Node): boolean =>
    isOneRowRead(value) && someNodeBelow(value, visitorKeys, (node) => node.type === AST_NODE_TYPES.Identifier && signedIn.has(node.name));
  return !someNodeInSameFunction(body, visitorKeys, (node) => {
    if (node.type === AST_NODE_TYPES.AwaitExpression) {
      const value = skipTransparent(node.argument);
      if (isSignedInRead(node, visitorKeys)) return false;
      if (value.type === AST_NODE_TYPES.CallExpression && value.callee.type === AST_NODE_TYPES.Identifier && SIGNED_IN_REQUEST_PART.test(value.callee.name)) return false;
      return !keyedRow(value);
    }
    if (node.type !== AST_NODE_TYPES.ReturnStatement || !node.argument) return false;
    const value = skipTransparent(node.argument);
    // a local call on what was read (`addKeys(profile)`) is no query; a method chain may be one
    return value.type === AST_NODE_TYPES.CallExpression && value.callee.type === AST_NODE_TYPES.MemberExpression && !keyedRow(value);
  });
}

/** True when the value is a call chain with a one-row step (`ONE_ROW_READ`) anywhere along it. */
function isOneRowRead(value: TSESTree.Node): boolean {
  let link: TSESTree.Node = skipTransparent(value);
  while (link.type === AST_NODE_TYPES.CallExpression) {
    const callee = skipTransparent(link.callee);
    if (callee.type !== AST_NODE_TYPES.MemberExpression) return false;
    if (ONE_ROW_READ.test(staticMemberName(callee) ?? '')) return true;
    link = skipTransparent(callee.object);
  }
  return false;
}

/**
 * True when the value awaits a read of the signed-in user or session (`SIGNED_IN_READ_NAME`),
 * directly or through a member of its answer. A read also named for a lookup by id
 * (`KEYED_SESSION_READ_NAME`, `auth.getUser(uid)`) counts only when handed nothing but the request
 * (`readsOfRequest`).
 */
function readsSignedIn(value: TSESTree.Node, visitorKeys: TSESLint.SourceCode['visitorKeys']): boolean {
  return someNodeBelow(value, visitorKeys, (node) => node.type === AST_NODE_TYPES.AwaitExpression && isSignedInRead(node, visitorKeys));
}

/** `readsSignedIn` of one await: its call is the read itself. */
function isSignedInRead(node: TSESTree.AwaitExpression, visitorKeys: TSESLint.SourceCode['visitorKeys']): boolean {
  const call = skipTransparent(node.argument);
  if (call.type !== AST_NODE_TYPES.CallExpression) return false;
  const callee = skipTransparent(call.callee);
  const name = callee.type === AST_NODE_TYPES.Identifier ? callee.name : callee.type === AST_NODE_TYPES.MemberExpression ? (staticMemberName(callee) ?? '') : '';
  if (SIGNED_IN_READ_NAME.test(name)) return !KEYED_SESSION_READ_NAME.test(name) || readsOfRequest(call, visitorKeys);
  if (callee.type !== AST_NODE_TYPES.MemberExpression) return false;
  const holder = skipTransparent(callee.object);
  const holderName = holder.type === AST_NODE_TYPES.Identifier ? holder.name : holder.type === AST_NODE_TYPES.MemberExpression ? staticMemberName(holder) : null;
  return /^get[A-Z]/.test(name) && holderName !== null && AUTH_OBJECT_NAME.test(holderName) && readsOfRequest(call, visitorKeys);
}

/**
 * True when a session read is handed nothing, an options object (`{ headers }`, `{ req }`), the
 * request (`req`: `SIGNED_IN_REQUEST`) or its cookies (`request.headers.get('Cookie')`:
 * `SIGNED_IN_REQUEST_PART`): the caller's sign-in, not a lookup by an id (`getSession(roomId)`,
 * `auth.getUser(uid)`, `getSession(req.params.room)`).
 */
function readsOfRequest(call: TSESTree.CallExpression, visitorKeys: TSESLint.SourceCode['visitorKeys']): boolean {
  return call.arguments.every(
    (argument) =>
      argument.type === AST_NODE_TYPES.ObjectExpression ||
      (argument.type === AST_NODE_TYPES.Identifier && SIGNED_IN_REQUEST.test(argument.name)) ||
      someNodeBelow(argument, visitorKeys, (node) => {
        if (node.type === AST_NODE_TYPES.Identifier) return SIGNED_IN_REQUEST_PART.test(node.name);
        return node.type === AST_NODE_TYPES.Literal && typeof node.value === 'string' && SIGNED_IN_REQUEST_PART.test(node.value);
      }),
  );
}

/** True when the branch is a `throw`, or a block holding one among its own statements. */
function throwsAtTop(branch: TSESTree.Statement): boolean {
  if (branch.type === AST_NODE_TYPES.ThrowStatement) return true;
  return branch.type === AST_NODE_TYPES.BlockStatement && branch.body.some((statement) => statement.type === AST_NODE_TYPES.ThrowStatement);
}

/**
 * True when a declaration (parsed on its own) waits only on memos of its module: every `await`
 * is a call of a function the module's `text` declares with a memo shape
 * (`declarationServesCachedValue`: `let p = kept.get(name); if (!p) { ... } return p;`), there is
 * at least one, no `.then` or `for await`, and a returned call computes in memory on a value one
 * of those awaits gave: every method of its chain is a string or array method (`VALUE_METHODS`:
 * `return text.replace(...)`), as `fillIn(name, values)` awaiting the kept template. The kept
 * value may be a client (a pool per tenant): a returned call of any other method
 * (`return pool.query(sql)`), of anything else (`return client.get(id)`), a `new` (a promise) or a
 * name bound to a call not awaited (`const rows = pool.query(sql); return rows;`) may wait, so the
 * answer is false.
 */
function declarationAwaitsOnlyModuleMemos(parts: FunctionParts, text: string, parse: ParseText, visitorKeys: TSESLint.SourceCode['visitorKeys']): boolean {
  const declaration = parsedDeclaration(parts, parse);
  if (declaration === null) return false;
  const awaited: TSESTree.AwaitExpression[] = [];
  const returned: TSESTree.Node[] = [];
  // Names declared from an await (`const text = await loadTemplate(name)`); a parse on its own has no parents.
  const fromAwait = new Map<TSESTree.AwaitExpression, string>();
  // Names bound to a call or `new` not awaited: maybe a pending request.
  const started = new Set<string>();
  const waitsOtherwise = someNodeBelow(declaration.body, visitorKeys, (node) => {
    if (node.type === AST_NODE_TYPES.AwaitExpression) awaited.push(node);
    if (node.type === AST_NODE_TYPES.VariableDeclarator && node.id.type === AST_NODE_TYPES.Identifier && node.init) {
      const init = skipTransparent(node.init);
      if (init.type === AST_NODE_TYPES.AwaitExpression) fromAwait.set(init, node.id.name);
      else if (init.type === AST_NODE_TYPES.CallExpression || init.type === AST_NODE_TYPES.NewExpression) started.add(node.id.name);
    }
    if (node.type === AST_NODE_TYPES.ReturnStatement && node.argument) returned.push(skipTransparent(node.argument));
    return (node.type === AST_NODE_TYPES.MemberExpression && staticMemberName(node) === 'then') || (node.type === AST_NODE_TYPES.ForOfStatement && node.await);
  });
  if (waitsOtherwise || awaited.length === 0) return false;
  const memoValues = new Set<string>();
  for (const wait of awaited) {
    const call = skipTransparent(wait.argument);
    if (call.type !== AST_NODE_TYPES.CallExpression || call.callee.type !== AST_NODE_TYPES.Identifier) return false;
    const memo = declaredFunctionParts(text, call.callee.name);
    if (memo === null || !declarationServesCachedValue(memo, parse, visitorKeys)) return false;
    const name = fromAwait.get(wait);
    if (name !== undefined) memoValues.add(name);
  }
  return returned.every((value) => {
    if (value.type === AST_NODE_TYPES.NewExpression) return false;
    if (value.type === AST_NODE_TYPES.Identifier) return !started.has(value.name);
    if (value.type !== AST_NODE_TYPES.CallExpression) return true;
    return computesOnValue(value, memoValues);
  });
}

/** `text.replace(a, b).trim()`: a chain of `VALUE_METHODS` calls on one of the named values. */
function computesOnValue(call: TSESTree.CallExpression, values: ReadonlySet<string>): boolean {
  let node: TSESTree.Node = call;
  for (;;) {
    node = skipTransparent(node);
    if (node.type === AST_NODE_TYPES.Identifier) return values.has(node.name);
    if (node.type !== AST_NODE_TYPES.CallExpression) return false;
    const callee = skipTransparent(node.callee);
    if (callee.type !== AST_NODE_TYPES.MemberExpression || !VALUE_METHODS.has(staticMemberName(callee) ?? '')) return false;
    node = callee.object;
  }
}

/** `!p`, `p == null`, `p === undefined`: the test says `p` holds nothing yet; `p`'s path, else null. */
function absenceTested(test: TSESTree.Expression): string | null {
  const node = skipTransparent(test);
  if (node.type === AST_NODE_TYPES.UnaryExpression && node.operator === '!') return accessPathOf(skipTransparent(node.argument));
  if (node.type === AST_NODE_TYPES.BinaryExpression && ['==', '===', '!=', '!=='].includes(node.operator) && node.operator.startsWith('=')) {
    const empty = (side: TSESTree.Node): boolean => {
      const value = skipTransparent(side);
      return (value.type === AST_NODE_TYPES.Literal && value.value === null) || (value.type === AST_NODE_TYPES.Identifier && value.name === 'undefined');
    };
    if (empty(node.right)) return accessPathOf(skipTransparent(node.left as TSESTree.Node));
    if (empty(node.left)) return accessPathOf(skipTransparent(node.right));
  }
  return null;
}

/**
 * `if (!p) { ...; p = load(); ... }` then `return p;` (or a lookup in it: `return p.get(k) ?? d;`),
 * where `p` was looked up or is a member.
 */
function fillsOnMiss(statement: TSESTree.IfStatement, returnedNode: TSESTree.Node, lookedUp: ReadonlySet<string>): boolean {
  const returned = absenceTested(statement.test);
  if (returned === null || !returnsFrom(returnedNode, returned)) return false;
  if (!lookedUp.has(returned) && !returned.includes('.')) return false;
  const branch = statement.consequent.type === AST_NODE_TYPES.BlockStatement ? statement.consequent.body : [statement.consequent];
  return branch.some((inner) => {
    if (inner.type !== AST_NODE_TYPES.ExpressionStatement) return false;
    const expression = skipTransparent(inner.expression);
    return expression.type === AST_NODE_TYPES.AssignmentExpression && accessPathOf(expression.left) === returned;
  });
}

/** The returned value is `path` itself, `Promise.resolve` of it, a lookup in it (`path.get(k)`), or one of these `?? fallback`. */
function returnsFrom(node: TSESTree.Node, path: string): boolean {
  const value = skipTransparent(node);
  if (value.type === AST_NODE_TYPES.LogicalExpression && value.operator !== '&&') {
    const fallback = skipTransparent(value.right);
    return returnsFrom(value.left, path) && (fallback.type === AST_NODE_TYPES.Literal || fallback.type === AST_NODE_TYPES.Identifier);
  }
  if (keptPath(value) === path) return true;
  if (value.type === AST_NODE_TYPES.MemberExpression && value.computed) return accessPathOf(skipTransparent(value.object)) === path;
  if (!isMemoryLookup(value) || value.type !== AST_NODE_TYPES.CallExpression) return false;
  const callee = skipTransparent(value.callee);
  return callee.type === AST_NODE_TYPES.MemberExpression && accessPathOf(skipTransparent(callee.object)) === path;
}

/**
 * `p ??= load()`, `p ||= load()`, or `p = load()` inside `if (!p) { ... }` (also `p == null`):
 * an assignment that fills a kept value only while it is empty (see `absenceTested`).
 */
function isMemoFill(assignment: TSESTree.AssignmentExpression, fn: FunctionNode): boolean {
  if (assignment.operator === '??=' || assignment.operator === '||=') return accessPathOf(assignment.left) !== null;
  if (assignment.operator !== '=') return false;
  const target = accessPathOf(assignment.left);
  if (target === null) return false;
  let child: TSESTree.Node = assignment;
  let current: TSESTree.Node | undefined = assignment.parent;
  while (current && current !== fn) {
    if (current.type === AST_NODE_TYPES.IfStatement && current.consequent === child) return absenceTested(current.test) === target;
    if (isFunctionNode(current)) return false;
    child = current;
    current = current.parent;
  }
  return false;
}

/** `this.p ??= load()`, `this.p || (this.p = load())`, `p ?? (p = load())`: a kept value, made once. */
function memoisedExpression(node: TSESTree.Node): boolean {
  const value = skipTransparent(node);
  if (value.type === AST_NODE_TYPES.AssignmentExpression && (value.operator === '??=' || value.operator === '||=')) {
    return accessPathOf(value.left) !== null;
  }
  if (value.type !== AST_NODE_TYPES.LogicalExpression || value.operator === '&&') return false;
  const kept = accessPathOf(skipTransparent(value.left));
  const right = skipTransparent(value.right);
  return kept !== null && right.type === AST_NODE_TYPES.AssignmentExpression && right.operator === '=' && accessPathOf(right.left) === kept;
}

/**
 * The effect summaries of the linted file's called functions (see `EffectSummary`), shared by
 * every rule of the plugin for the file.
 */
/**
 * How a binding is loaded by an awaited dynamic import of a fixed module, the way command-line
 * tools load a command's helpers late: `const { getTopLevel } = await import('../lib/git')` (the
 * exported name), `const git = await import('../lib/git')` (`*`). Null for anything else.
 */
function lazyImportSource(variable: TSESLint.Scope.Variable): { module: string; imported: string } | null {
  const def = variable.defs.length === 1 ? variable.defs[0] : undefined;
  if (def?.type !== 'Variable' || !def.node.init) return null;
  const init = skipTransparent(def.node.init);
  const loaded = init.type === AST_NODE_TYPES.AwaitExpression ? skipTransparent(init.argument) : null;
  if (loaded?.type !== AST_NODE_TYPES.ImportExpression || loaded.source.type !== AST_NODE_TYPES.Literal || typeof loaded.source.value !== 'string') return null;
  const module = loaded.source.value;
  const id = def.node.id;
  if (id.type === AST_NODE_TYPES.Identifier) return { module, imported: '*' };
  if (id.type !== AST_NODE_TYPES.ObjectPattern) return null;
  for (const property of id.properties) {
    if (property.type !== AST_NODE_TYPES.Property || property.computed || property.key.type !== AST_NODE_TYPES.Identifier) continue;
    const value = property.value.type === AST_NODE_TYPES.AssignmentPattern ? property.value.left : property.value;
    if (value === def.name) return { module, imported: property.key.name };
  }
  return null;
}

export const getFileEffects = perFile((context) => new FileEffects(context));

/**
 * An executor that only starts a timer whose callback only settles the promise
 * (`(resolve) => setTimeout(resolve, ms)`, `(r) => { setTimeout(() => r(), ms); }`): a delay, a
 * pause whose waiting is its whole point. Not a timer whose callback does work before it resolves
 * (`(resolve) => setTimeout(() => { apply(change); resolve(); }, 0)`, also through a wrapper
 * handed the job: `setTimeout(action(() => { ... }), 0)`): that defers a job to a
 * later turn, and what the job throws is an uncaught exception of the timer, never a rejection of
 * the promise (such a promise only resolves, see `FileEffects.isResolveOnlyPromise`).
 */
function isDelayExecutor(executor: FunctionNode): boolean {
  const body = executor.body;
  const statement = body.type === AST_NODE_TYPES.BlockStatement ? (body.body.length === 1 ? body.body[0] : undefined) : body;
  const expression = statement?.type === AST_NODE_TYPES.ExpressionStatement ? statement.expression : statement;
  if (expression?.type !== AST_NODE_TYPES.CallExpression) return false;
  const timer = skipTransparent(expression.callee);
  if (timer.type !== AST_NODE_TYPES.Identifier || (timer.name !== 'setTimeout' && timer.name !== 'setImmediate')) return false;
  const callback = expression.arguments[0] ? skipTransparent(expression.arguments[0]) : null;
  if (callback === null) return true;
  if (isFunctionNode(callback)) return onlySettles(callback);
  // `setTimeout(action(() => { apply(); resolve(); }), 0)`: a wrapper handed the job is the job.
  if (callback.type === AST_NODE_TYPES.CallExpression) return !callback.arguments.some((argument) => isFunctionNode(argument) && !onlySettles(argument));
  return true;
}

/** A timer callback whose body is one call of a plain name (`() => resolve()`, `() => { done(value); }`), or nothing. */
function onlySettles(callback: FunctionNode): boolean {
  const body = callback.body;
  const statements = body.type === AST_NODE_TYPES.BlockStatement ? body.body : [body];
  if (statements.length === 0) return true;
  if (statements.length !== 1) return false;
  const [only] = statements;
  const expression = only?.type === AST_NODE_TYPES.ExpressionStatement ? only.expression : only;
  return expression?.type === AST_NODE_TYPES.CallExpression && skipTransparent(expression.callee).type === AST_NODE_TYPES.Identifier;
}

/** `list.shift()` / `list.pop()` without arguments on a plain name: the `list` it takes an element of, else null. */
function takenElementOf(call: TSESTree.CallExpression): TSESTree.Identifier | null {
  if (call.arguments.length > 0) return null;
  const callee = skipTransparent(call.callee);
  if (callee.type !== AST_NODE_TYPES.MemberExpression) return null;
  const method = staticMemberName(callee);
  const list = skipTransparent(callee.object);
  return (method === 'shift' || method === 'pop') && list.type === AST_NODE_TYPES.Identifier ? list : null;
}

/**
 * `{ promise, resolve }` (also renamed, `{ promise: ready, resolve: open }`) destructured from a
 * deferred, with `name` bound to its `promise`: the code holds only the means to resolve it. No
 * `reject`, no rest element (which would keep `reject`), and `resolve` taken: a pattern without it
 * is not a deferred's.
 */
function takesResolveOnly(pattern: TSESTree.ObjectPattern, name: string): boolean {
  let holdsPromise = false;
  let holdsResolve = false;
  for (const property of pattern.properties) {
    if (property.type !== AST_NODE_TYPES.Property || property.computed) return false;
    const key = property.key.type === AST_NODE_TYPES.Identifier ? property.key.name : null;
    if (key === 'reject' || key === null) return false;
    const value = property.value;
    if (key === 'promise') holdsPromise = value.type === AST_NODE_TYPES.Identifier && value.name === name;
    if (key === 'resolve') holdsResolve = true;
  }
  return holdsPromise && holdsResolve;
}

/**
 * True when a binding holds an object or class this file makes (`const dialog = { ... }`,
 * `const panel = new Panel()`, `class Dialogs {}`): what its methods do is written here, not in a
 * host API of the same name.
 */
function madeInThisFile(variable: TSESLint.Scope.Variable | null): boolean {
  return (
    variable !== null &&
    variable.defs.some(
      (definition) =>
        definition.type === 'ClassName' ||
        (definition.type === 'Variable' &&
          definition.node.type === AST_NODE_TYPES.VariableDeclarator &&
          definition.node.init !== null &&
          [AST_NODE_TYPES.ObjectExpression, AST_NODE_TYPES.NewExpression, AST_NODE_TYPES.ClassExpression].includes(skipTransparent(definition.node.init).type)),
    )
  );
}

/** How many functions of its own module a function's body calls are read by `reachesRemoteElsewhere`. */
const MAX_SAME_MODULE_CALLEES = 4;

/**
 * True when a function body (text) calls the global `fetch`, or uses one of `names` (a module's
 * remote clients, `remoteNamesOf`): calls it or a member of it (`pool.query(`, `prisma.user`),
 * reads the client into locals (`const { rawQuery } = prisma;`), or awaits or returns a query
 * written as its tagged template (`await sql\`select ...\``, an arrow's `sql\`...\``: the
 * `sql` of `@vercel/postgres`, or one made by `postgres(url)`; a fragment built for another
 * query, `db.execute(sql\`...\`)`, is not awaited itself).
 */
function bodyUsesRemote(body: string, names: readonly string[]): boolean {
  if (/(?<![\w$.])fetch\s*\(/.test(body)) return true;
  return names.some((name) => {
    const escaped = name.replace(/[$]/g, '\\$');
    return new RegExp(`(?<![\\w$.])${escaped}\\s*[.(]|=\\s*${escaped}\\s*(?:[;\\n]|$)|(?:^\\s*|\\b(?:await|return)\\s+)${escaped}\\s*\``).test(body);
  });
}

/**
 * The names a module binds to a client of a remote service: what it imports from a package that
 * `isRemote` accepts (`Pool` of `pg`), and its top-level variables made from those
 * (`const pool = new Pool(...)`, `const s3 = new S3Client({})`), read from its text once per version.
 */
function remoteNamesOf(file: ResolvedModule, isRemote: (specifier: string) => boolean): readonly string[] {
  return (
    fromModuleText(file.file, 'remoteNames', (text) => {
      // Also one relative hop further: `const { db } = require('../db')` where `../db` imports a
      // remote package (a route's service module over the project's database module).
      const imported = (textImportsOf(file) ?? [])
        .filter((load) => isRemote(load.specifier) || (load.kind !== 're-export' && importsRemotePackage(file.file, load.specifier, isRemote)))
        .flatMap((load) => load.bindings.map((binding) => binding.name));
      const names = [...imported];
      for (const name of imported) {
        const made = new RegExp(`^(?:export\\s+)?(?:const|let|var)\\s+([\\w$]+)\\s*(?::[^=\\n]*)?=\\s*(?:await\\s+)?(?:new\\s+)?${name.replace(/[$]/g, '\\$')}\\b`, 'gm');
        for (const match of text.matchAll(made)) if (match[1]) names.push(match[1]);
      }
      return names;
    }, file.stats) ?? []
  );
}

/**
 * The names a module imports from the project's own modules (relative, `@/`, `~/` or `#` specifiers)
 * that name a client of a remote service (`REMOTE_CLIENT_NAME`: `pool`, `db`, `prisma`, `apiClient`):
 * `import { pool } from './pool'` makes `pool.query(sql)` a query, whatever the pool module wraps.
 */
function clientNamesImportedBy(file: ResolvedModule): readonly string[] {
  return (textImportsOf(file) ?? [])
    .filter((load) => load.kind !== 're-export' && /^(?:\.|@\/|~\/|#)/.test(load.specifier))
    .flatMap((load) => load.bindings.map((binding) => binding.name))
    .filter((name) => REMOTE_CLIENT_NAME.test(name));
}

/** True when the module of the project `specifier` names from `importer` (relative or aliased) imports a package that `isRemote` accepts (its own imports only). */
function importsRemotePackage(importer: string, specifier: string, isRemote: (specifier: string) => boolean): boolean {
  const resolved = resolveProjectModule(importer, specifier);
  return resolved !== null && (textImportsOf(resolved) ?? []).some((load) => load.kind !== 're-export' && isRemote(load.specifier));
}

/** A value a literal argument or default gives a parameter. */
type KnownValue = string | number | boolean | null | undefined;

/**
 * The properties of an options object given as an object literal: each property written there,
 * with its literal value or null (not a literal); `open` when a spread may add others
 * (`{ ...defaults, force: true }`: only properties after the last spread are known).
 */
interface KnownObject {
  readonly properties: ReadonlyMap<string, { value: KnownValue } | null>;
  readonly open: boolean;
}

/** What a call's arguments decide of a function's parameters (see `FileEffects.canRejectWithArguments`). */
interface KnownParameters {
  /** Plain parameters, and names destructured from an options object. */
  readonly values: Map<TSESLint.Scope.Variable, KnownValue>;
  /** Parameters holding an options object given as a literal, read as `options.name`. */
  readonly objects: Map<TSESLint.Scope.Variable, KnownObject>;
}

/** The properties of an object literal (see `KnownObject`). */
function objectLiteralValues(object: TSESTree.ObjectExpression): KnownObject {
  const properties = new Map<string, { value: KnownValue } | null>();
  let open = false;
  for (const property of object.properties) {
    if (property.type === AST_NODE_TYPES.SpreadElement) {
      // A spread may set any property: what was written before it is no longer known.
      properties.clear();
      open = true;
      continue;
    }
    const key = property.computed ? null : property.key.type === AST_NODE_TYPES.Literal ? String(property.key.value) : writtenName(property.key);
    if (key === null) {
      properties.clear();
      open = true;
      continue;
    }
    properties.set(key, property.kind === 'init' && !property.method ? literalValue(property.value) : null);
  }
  return { properties, open };
}

/** The value `object` gives the property `name`: written as a literal, left out of a literal without a spread (`undefined`), else null. */
function knownProperty(object: KnownObject, name: string): { value: KnownValue } | null {
  if (object.properties.has(name)) return object.properties.get(name) ?? null;
  return object.open ? null : { value: undefined };
}

/**
 * `variable` (a parameter of `fn`) when its only assignment is `fn`'s first statement and settles
 * it in place, `page = await page;` (a page or a promise of one): given a literal, the parameter
 * holds that literal after it, as before. Else null.
 */
function settledFirst(fn: FunctionNode, variable: TSESLint.Scope.Variable | undefined): TSESLint.Scope.Variable | null {
  const first = fn.body.type === AST_NODE_TYPES.BlockStatement ? fn.body.body[0] : undefined;
  if (!variable || first?.type !== AST_NODE_TYPES.ExpressionStatement) return null;
  const assignment = first.expression;
  if (assignment.type !== AST_NODE_TYPES.AssignmentExpression || assignment.operator !== '=' || assignment.left.type !== AST_NODE_TYPES.Identifier) return null;
  const awaited = assignment.right.type === AST_NODE_TYPES.AwaitExpression ? skipTransparent(assignment.right.argument) : null;
  if (awaited?.type !== AST_NODE_TYPES.Identifier || awaited.name !== variable.name || assignment.left.name !== variable.name) return null;
  const writes = variable.references.filter((reference) => reference.isWrite() && !reference.init);
  return writes.length === 1 && writes[0]?.identifier === assignment.left ? variable : null;
}

/** A cache key for a set of known parameters. */
function knownKey(known: KnownParameters): string {
  const values = [...known.values].map(([variable, value]) => `${variable.name}:${typeof value}:${String(value)}`);
  const objects = [...known.objects].map(
    ([variable, object]) => `${variable.name}{${[...object.properties].map(([name, given]) => `${name}:${given ? `${typeof given.value}:${String(given.value)}` : '?'}`).join(',')}${object.open ? ',...' : ''}}`,
  );
  return [...values, ...objects].join(',');
}

/**
 * The value of a literal argument or default (`false`, `0`, `''`, `null`, `true`, a number or
 * string; `undefined` and `void 0`), or null for anything else (a regular expression, a name, a call).
 */
function literalValue(value: TSESTree.Node): { value: KnownValue } | null {
  const node = skipTransparent(value);
  if (node.type === AST_NODE_TYPES.Literal) return 'regex' in node || 'bigint' in node ? null : { value: node.value as KnownValue };
  if (isUndefinedValue(node)) return { value: undefined };
  return null;
}

/** `undefined` (the global name) or `void 0`. */
function isUndefinedValue(value: TSESTree.Node): boolean {
  const node = skipTransparent(value);
  return (node.type === AST_NODE_TYPES.Identifier && node.name === 'undefined') || (node.type === AST_NODE_TYPES.UnaryExpression && node.operator === 'void' && node.argument.type === AST_NODE_TYPES.Literal);
}

/**
 * The truth value of a condition decided by known names and literals alone (`persist`, `!skip`,
 * `a && b`, `a || b`, `val != null`, `mode === 'dry'`; each name's value from `valueOf`, null when
 * not known), or null when it is not decided.
 */
function decidedTruth(test: TSESTree.Node, valueOf: (read: TSESTree.Identifier | TSESTree.MemberExpression) => { value: KnownValue } | null): boolean | null {
  const node = skipTransparent(test);
  switch (node.type) {
    case AST_NODE_TYPES.Identifier:
    case AST_NODE_TYPES.MemberExpression: {
      const known = valueOf(node);
      return known ? Boolean(known.value) : null;
    }
    case AST_NODE_TYPES.UnaryExpression: {
      if (node.operator !== '!') return null;
      const inner = decidedTruth(node.argument, valueOf);
      return inner === null ? null : !inner;
    }
    case AST_NODE_TYPES.LogicalExpression: {
      if (node.operator === '??') return null;
      const left = decidedTruth(node.left, valueOf);
      const right = decidedTruth(node.right, valueOf);
      // `a && b` is falsy when either is, truthy when both are; `a || b` the other way round.
      const absorbing = node.operator === '||';
      if (left === absorbing || right === absorbing) return absorbing;
      return left !== null && right !== null ? !absorbing : null;
    }
    case AST_NODE_TYPES.BinaryExpression: {
      if (node.operator !== '===' && node.operator !== '!==' && node.operator !== '==' && node.operator !== '!=') return null;
      const operand = (side: TSESTree.Node): { value: KnownValue } | null => {
        const inner = skipTransparent(side);
        if ((inner.type === AST_NODE_TYPES.Identifier && inner.name !== 'undefined') || inner.type === AST_NODE_TYPES.MemberExpression) return valueOf(inner);
        return literalValue(inner);
      };
      const left = operand(node.left);
      const right = operand(node.right);
      if (!left || !right) return null;
      const loose = node.operator === '==' || node.operator === '!=';
      const equal = loose ? left.value == right.value : left.value === right.value;
      return node.operator.startsWith('!') ? !equal : equal;
    }
    default:
      return null;
  }
}

/** `if (skip) return;` (or a block ending in `return`) whose test `decide` says runs that branch. */
function returnsOnDecidedBranch(statement: TSESTree.IfStatement, decide: (test: TSESTree.Node) => boolean | null): boolean {
  const truth = decide(statement.test);
  if (truth === null) return false;
  const live = truth ? statement.consequent : statement.alternate;
  if (!live) return false;
  const last = live.type === AST_NODE_TYPES.BlockStatement ? live.body.at(-1) : live;
  return last?.type === AST_NODE_TYPES.ReturnStatement;
}

/** The methods of `process` that add a listener of an event. */
const LISTENER_METHODS = new Set(['on', 'once', 'addListener', 'prependListener', 'prependOnceListener']);

/**
 * The process events whose handler receives a rejection nobody handles: `'unhandledRejection'`,
 * and `'uncaughtException'` (since Node 15 such a rejection is raised as an uncaught exception
 * when no `'unhandledRejection'` handler is set; its `origin` argument says so).
 */
const PROCESS_REJECTION_EVENTS = new Set(['unhandledRejection', 'uncaughtException']);

/**
 * `process.on('unhandledRejection', handler)` (or `'uncaughtException'`: `PROCESS_REJECTION_EVENTS`; any method of `LISTENER_METHODS`) as a statement,
 * on the global `process` (not a local of that name) or one imported from `process` /
 * `node:process`.
 */
function installsRejectionHandler(statement: TSESTree.Node, sourceCode: Readonly<TSESLint.SourceCode>): boolean {
  if (statement.type !== AST_NODE_TYPES.ExpressionStatement) return false;
  const call = skipTransparent(statement.expression);
  if (call.type !== AST_NODE_TYPES.CallExpression) return false;
  const callee = skipTransparent(call.callee);
  const event = call.arguments[0];
  if (callee.type !== AST_NODE_TYPES.MemberExpression || !LISTENER_METHODS.has(staticMemberName(callee) ?? '')) return false;
  if (event?.type !== AST_NODE_TYPES.Literal || !PROCESS_REJECTION_EVENTS.has(String(event.value)) || call.arguments.length < 2) return false;
  if (event.value === 'uncaughtException' && !uncaughtHandlerLogs(call.arguments[1], sourceCode)) return false;
  const owner = skipTransparent(callee.object);
  if (owner.type !== AST_NODE_TYPES.Identifier || owner.name !== 'process') return false;
  const variable = variableOfIdentifier(sourceCode, owner);
  if (!variable || variable.defs.length === 0) return true;
  const source = getImportSource(variable);
  return source !== null && (source.module === 'process' || source.module === 'node:process');
}

/**
 * An `'uncaughtException'` handler (`handler`, the listener argument) that logs what it gets
 * (`handlerLogs`): inline, a logger by reference, or a function of this file passed by name. One
 * that ignores every error (`() => {}`) or only exits loses a rejection without a trace.
 */
function uncaughtHandlerLogs(handler: TSESTree.Node | undefined, sourceCode: Readonly<TSESLint.SourceCode>): boolean {
  const node = handler ? skipTransparent(handler) : null;
  if (!node) return false;
  if (node.type === AST_NODE_TYPES.Identifier) {
    const definition = variableOfIdentifier(sourceCode, node)?.defs[0]?.node;
    const fn = definition?.type === AST_NODE_TYPES.VariableDeclarator ? definition.init : definition;
    if (fn && isFunctionNode(fn)) return handlerLogs(sourceCode.getText(fn));
  }
  return handlerLogs(sourceCode.getText(node));
}

/**
 * True when a read of a member of `this` (`member`: `this.x`, or the start of `this.x.y`) may use
 * the value stored there: any read, but a counter's bookkeeping (`this.calls++`, `this.total +=
 * n`), a size check (`length`, `size`), a method that neither drains nor looks up (a method of
 * the member not in `STORED_VALUE_READERS` is judged by that list: `this.queue.shift()` uses it,
 * `this.log.push(x)` adds to it), and a value handed to a logging call (`console.debug('calls',
 * this.calls)`, `writesLogLine`). A read copied into a local (`const names = this.pending`) or
 * handed to another call (`send(JSON.stringify(this.pending))`) uses it.
 */
function usesStoredValue(member: TSESTree.MemberExpression): boolean {
  let node: TSESTree.Node = member;
  for (let outer = node.parent; outer?.type === AST_NODE_TYPES.MemberExpression && outer.object === node; outer = node.parent) {
    if (outer.computed) return true;
    const name = staticMemberName(outer);
    if (outer.parent?.type === AST_NODE_TYPES.CallExpression && outer.parent.callee === outer) return name !== null && STORED_VALUE_READERS.has(name);
    if (name === 'length' || name === 'size') return false;
    node = outer;
  }
  const parent = node.parent;
  if (!parent) return false;
  switch (parent.type) {
    case AST_NODE_TYPES.UpdateExpression:
      return false;
    case AST_NODE_TYPES.AssignmentExpression:
      // `this.total += n` updates a count; `x = this.pending` copies what was stored.
      return parent.left !== node;
    case AST_NODE_TYPES.CallExpression:
    case AST_NODE_TYPES.NewExpression:
      return parent.callee !== node && !writesLogLine(parent);
    default:
      return true;
  }
}

/**
 * A promise-based timer call (`setTimeout(ms, value, options)`, `setImmediate(value, options)`)
 * with no options object at `optionsIndex`, or one written out without a `signal`: nothing can
 * abort it, so it only resolves.
 */
function hasNoSignalOptions(call: TSESTree.CallExpression, optionsIndex: number): boolean {
  const options = call.arguments[optionsIndex];
  if (options === undefined) return true;
  const value = skipTransparent(options);
  return (
    value.type === AST_NODE_TYPES.ObjectExpression &&
    value.properties.every(
      (property) =>
        property.type === AST_NODE_TYPES.Property &&
        !property.computed &&
        !(property.key.type === AST_NODE_TYPES.Identifier && property.key.name === 'signal'),
    )
  );
}
