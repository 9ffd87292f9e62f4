import { builtinModules } from 'node:module';
import path from 'node:path';
import { AST_NODE_TYPES, type TSESLint, type TSESTree } from '@typescript-eslint/utils';
import {
  BROWSER_BUNDLE_TYPES,
  BUILD_FOLDERS,
  BUILD_HOOKS,
  BUILD_TOOL_PACKAGES,
  BUILD_TOOL_PLUGIN_NAME,
  CLI_LIBRARIES,
  CONCURRENT_QUEUE_MODULES,
  CONFIG_PACKAGE_NAME,
  DESKTOP_APP_PACKAGES,
  ELECTRON_APP_PACKAGERS,
  ELECTRON_MAIN_PROCESS_APIS,
  ELECTRON_RENDERER_PROCESS_APIS,
  DEFERRING_GLOBALS,
  ENTRY_FILE_NAMES,
  BROWSER_AUTOMATION_PACKAGES,
  EXTENSION_API_GLOBALS,
  EXTENSION_ID_LITERAL,
  EXTENSION_ID_NAME,
  EXTERNAL_RUNTIME_METHODS,
  PAGE_EVALUATE_METHODS,
  EXTENSION_API_MODULES,
  EXTENSION_API_NAMESPACES,
  EVENT_METHODS,
  FIXTURE_FOLDERS,
  IN_PROCESS_CACHE_PACKAGES,
  CACHE_FIRST_CLIENT_PACKAGES,
  LIMITER_MODULES,
  MAIN_MODULE_PATH,
  MIGRATION_FOLDERS,
  EDITOR_ACTIVATION_HOOKS,
  DATABASE_SCRIPT_NAME,
  LIFECYCLE_HOOK_KEY,
  START_SCRIPT_NAME,
  START_STEP_VARIANT_NAME,
  FUNCTION_HOST_MODULES,
  NETLIFY_FUNCTIONS_PATH,
  NODE_ONLY_MODULES,
  NON_PROGRAM_FOLDERS,
  SEED_FOLDERS,
  SEED_STEPS,
  MIGRATION_STEPS,
  ONE_SHOT_TASK_NAMES,
  PER_ITEM_METHODS,
  PROMISE_CHAIN_METHODS,
  PROMISE_COMBINATORS,
  QUEUE_HANDLER_PROPERTIES,
  QUEUE_METHODS,
  QUEUE_WORKER_MODULES,
  REQUEST_HANDLER_EXPORTS,
  ROUTE_METHODS,
  NETWORK_CACHE_PACKAGES,
  NETWORK_DATABASE_PACKAGES,
  SCRIPT_FILE_PATH,
  SEPARATE_NODE_PROGRAM,
  SQLITE_DRIVER_PACKAGES,
  SCRIPT_FOLDERS,
  MAINTAINER_TOOL_FOLDERS,
  HAND_RUN_FOLDERS,
  EXAMPLE_FOLDER,
  BUILD_TIME_MODULES,
  WEB_FRONT_END_PACKAGES,
  SERVER_RENDERING_PACKAGES,
  CLIENT_STORE_MODULES,
  SCRIPT_ONLY_MODULES,
  UI_FILE_EXTENSIONS,
  STATIC_ASSET_FOLDERS,
  UI_FOLDERS,
  UI_FRAMEWORK_MODULES,
  SEQUENTIAL_LIMITER_METHODS,
  SERVER_FACTORIES,
  SERVER_FRAMEWORK_PACKAGES,
  SERVER_MODULES,
  STARTUP_EVENTS,
  STARTUP_HOOKS,
  STARTUP_ROUTINE_NAME,
  STARTUP_ROUTINE_PARAMETERS,
  TEST_FILE_NAME,
  TEST_FOLDER_FILE_NAME,
  TEST_REGISTRATION_CALL,
  PLAIN_TEST_FOLDERS,
  TEST_FOLDERS,
  TEST_FRAMEWORK_MODULES,
  TEST_SUPPORT_FOLDER,
  TOOL_CONFIG_NAMES,
  WORKER_MODULE_NAME,
} from '../catalog/run-contexts';
import { MIGRATION_FUNCTION_WORDS, NETWORK_CALL_ROOTS } from '../catalog/effects';
import { RECORD_CLIENT_PACKAGES, TEST_CALLBACK_CALL } from '../catalog/iteration-order';
import { callChainRoot, calleeChainRoot, compactText, functionNameOf, hasOption, isNothing, isProcessExitCall, isTrueLiteral, isTransparentWrapper, requiredModule, returnsWhenFilled, skipTransparent, staticMemberName, variableOfIdentifier } from '../util/ast';
import { type FunctionNode, getExecutionContext, isFunctionNode, isInlineCallback, nearestFunction } from './async-context';
import { getImportSource } from './imports';
import { forEachChild } from './dependencies';
import { someNodeInSameFunction } from './walk';
import { browserExtensionFolders, functionHostsAt, holdsCode, readManifest } from './manifests';
import { entryLogsRejections, programLogsRejections } from './rejection-reporters';
import { packageNameOf, workspacePackageDir } from './module-resolution';
import { type AnyRuleContext, perFile } from './per-file';

/**
 * Why a function runs while other work of the same process waits for the event loop. `strong`
 * evidence (the function is started beside other tasks, or serves requests) holds even in a
 * script; `weak` evidence (exported, an event listener, a deferred callback) only says that the
 * callers are not known, and gives way to script evidence.
 * - `gathered`: its promise is an element or argument of `Promise.all`/`allSettled`/`race`/`any`;
 * - `per-item`: it is the async callback of `items.map`/`forEach`/... (one call per item, none awaited in between);
 * - `limiter`: it is handed to a concurrency limiter (`p-limit`, `p-map`, `p-queue`, caolan `async`...);
 * - `not-awaited`: it is called and its promise is not awaited at once (dropped inside an async
 *   function, stored in a variable, pushed to an array, started twice at the top level);
 * - `request-handler`: an HTTP handler (`http.createServer(fn)`, `app.get('/path', fn)`,
 *   `app.use(fn)`, an exported `GET`/`loader`/...); `via` names how it is registered;
 * - `queue-consumer`: a job or message handler of a queue client;
 * - `event-handler`: a listener registered with `on`/`once`/`addEventListener`/`subscribe`;
 * - `deferred`: a callback of `setTimeout`/`setInterval`/`setImmediate`/`queueMicrotask`;
 * - `exported`: exported from a module that is not a script, so its callers are unknown.
 */
export type ConcurrencyEvidence =
  | { readonly kind: 'gathered'; readonly api: string }
  | { readonly kind: 'per-item'; readonly method: string }
  | { readonly kind: 'limiter'; readonly module: string }
  | { readonly kind: 'not-awaited' }
  | { readonly kind: 'request-handler'; readonly via: string }
  | { readonly kind: 'queue-consumer'; readonly via: string }
  | { readonly kind: 'event-handler'; readonly via: string }
  | { readonly kind: 'deferred'; readonly via: string }
  | { readonly kind: 'exported' };

/** Evidence that a function runs once per request, job or event (not once with the program). */
const PER_EVENT_EVIDENCE: ReadonlySet<ConcurrencyEvidence['kind']> = new Set(['request-handler', 'queue-consumer', 'event-handler']);

/**
 * Why a function runs alone, with nothing else of the process waiting on the event loop:
 * - `script`: its file is a one-shot program (see `ScriptEvidence`);
 * - `one-shot`: its file is a program run by hand, once (see `OneShotEvidence`), and no strong
 *   evidence says it serves requests or jobs;
 * - `main`: it is started once at the top level (`main()`, `main().catch(...)`, an async IIFE,
 *   a top-level `await`), or only awaited, one call after another, by such a function;
 * - `cli-command`: it is the handler of a command registered with a command-line library
 *   (`module` names it; see `CLI_LIBRARIES`), or only awaited by one;
 * - `build-hook`: it is an object or class method named like a hook that a bundler or framework
 *   calls once per build (`adapt`, `writeBundle`, ... see `BUILD_HOOKS`), or only awaited by one;
 * - `migration`: it is a step (`up`, `down`) that a module in a `migrations/` folder exports (an
 *   exported function, a property of the exported object, a method of a class of the file), or
 *   `seed`, `up` or `down` of a module in a `seeds/` or `seeders/` folder, or only awaited by one:
 *   a migration or seed runner runs one step at a time (see `WhereItRuns.isRunnerStep`);
 * - `startup-event`: it is a listener of an event that fires once when a client or server has
 *   started (`client.on('ready', fn)`, see `STARTUP_EVENTS`), or only called by one;
 * - `start-up`: it is a routine a program runs once when it starts (see `WhereItRuns.startUpRoutine`:
 *   named `init`, `bootstrap`, `setupRoutes`, `refreshProvidersFromDisk`..., handed no item of
 *   work, and not a loop that runs for the life of the process), or only awaited by one; `routine`
 *   names that routine. Its own name outweighs weak concurrency evidence (exported, an event
 *   listener, a deferred callback: who calls it is not known, what it is for is said); strong
 *   evidence (it serves requests or jobs, it is started beside other tasks) still wins;
 * - `tool-config`: its file configures a build or development tool (`vite.config.ts`, see
 *   `WhereItRuns.isToolConfig`): its code runs in one developer's build or dev server, where a
 *   middleware serves one person's browser; only tasks started together make it concurrent;
 * - `build-tool-plugin`: its file belongs to a plugin package of a build tool (`tool`: `vite` for
 *   `vite-plugin-pwa`, see `PackageInfo.buildToolPlugin`) and is no module the package exports
 *   under a subpath of its own (`./server`): its code runs in one developer's build or dev server;
 *   only tasks started together, or a request listener, make it concurrent;
 * - `config-package`: its file belongs to a package named for configuration (`jest-config`,
 *   `@scope/config`, see `CONFIG_PACKAGE_NAME`) and nothing in the file starts it beside other
 *   work: a program loads its configuration once, at start-up, before it does anything else;
 * - `desktop-app`: its file belongs to a package that depends on a desktop-app shell (Electron, see
 *   `DESKTOP_APP_PACKAGES`) and nothing stronger says it serves concurrent requests: one person's
 *   app, whose main process reads and writes that person's local files (settings, a collection
 *   folder); a synchronous call there costs that one user milliseconds;
 * - `editor-extension`: its file belongs to an editor extension (the nearest `package.json` declares
 *   `engines.vscode`) and nothing says it serves requests or jobs or is started together with other
 *   tasks (`Promise.all`, `.map(async ...)`, a limiter): one person's editor, whose extension host
 *   runs that person's commands, tool installs and debug sessions on their own machine. A command
 *   that starts its work without waiting for it is the ordinary shape of such code, so a promise
 *   left un-awaited there is no evidence of concurrency;
 * - `test-code`: its file is test code (see `WhereItRuns.isTestCode`): a test runner runs it, one
 *   test after another, in a process that serves nobody; this holds even for tasks the test starts
 *   together;
 * - `function-host`: its file is deployed as a function of a platform that hands each instance one
 *   event at a time (`platform`: AWS Lambda, Netlify Functions, Vercel functions whose
 *   `vercel.json` turns fluid compute off; see `WhereItRuns.functionHost`), and nothing stronger says it serves concurrent work
 *   (a route of a server, tasks started together): while it runs, nothing else of its process waits.
 */
export type AloneEvidence =
  | { readonly kind: 'script'; readonly script: ScriptEvidence }
  | { readonly kind: 'one-shot'; readonly program: OneShotEvidence }
  | { readonly kind: 'main' }
  | { readonly kind: 'cli-command'; readonly module: string }
  | { readonly kind: 'build-hook'; readonly hook: string }
  | { readonly kind: 'migration'; readonly step: string }
  | { readonly kind: 'startup-event'; readonly via: string }
  | { readonly kind: 'start-up'; readonly routine: string }
  | { readonly kind: 'tool-config' }
  | { readonly kind: 'build-tool-plugin'; readonly tool: string }
  | { readonly kind: 'config-package' }
  | { readonly kind: 'desktop-app' }
  | { readonly kind: 'editor-extension' }
  | { readonly kind: 'test-code' }
  | { readonly kind: 'function-host'; readonly platform: string };

/**
 * Why a whole file is a one-shot program:
 * - `shebang`: it starts with `#!`;
 * - `bin`: it is a `bin` target of the nearest `package.json` (or its source, `src/x.ts` for
 *   `dist/x.js`);
 * - `cli-package`: the nearest `package.json` has a `bin` and no `main`, `module` or `exports`
 *   other than its `bin` targets: the package is a command-line program, not a library;
 * - `script-folder`: it lies in a `scripts/`, `bin/`, `cmd/`, `commands/` or `cli/` folder below
 *   the package, or the package's own folder has one of these names (`SCRIPT_FOLDERS`); a file
 *   with no `package.json` above it (a project that keeps its manifest elsewhere) counts its
 *   folders below the lint root (the working directory);
 * - `script-import`: it imports a CLI library, an argument parser or a terminal prompt library
 *   (`SCRIPT_ONLY_MODULES`);
 * - `starts-main`: its top level starts an async function of the file (`main()`,
 *   `main().catch(...)`, `void main()`, `await main()`, an async IIFE), directly or inside a
 *   top-level `if` (`if (require.main === module) main()`): importing such a module would run it,
 *   so it is a program, not a library;
 * - `cli-plugin`: it defines a plugin of a command-line tool that runs the plugin's steps as the
 *   tool's lifecycle events (a Serverless Framework plugin: a class whose constructor sets
 *   `this.hooks` to an object keyed by events such as `'before:deploy:deploy'`); see
 *   `WhereItRuns.definesCommandPlugin`. It says where the plugin's functions run
 *   (`no-blocking-in-async`) and nothing else: the tool loads the module, so it is no program of
 *   its own for a top-level rejection (`topLevelRejectionEndsProgram`), no one-shot program for
 *   `prefer-promise-all` and no migration's shape;
 * - `bin-package`: the nearest `package.json` has a `bin` (and also exports a library): its
 *   modules are a command-line tool's code first (a build tool, a test runner, a package
 *   manager); only strong evidence (see `ConcurrencyEvidence`) says they run
 *   concurrently, and not `not-awaited` (a step started without waiting is one person's run going
 *   on) unless the package depends on a server framework or the file imports one or creates a
 *   server (a server started from the command line, see `WhereItRuns.servesRequests`).
 */
export type ScriptEvidence =
  | 'shebang'
  | 'bin'
  | 'cli-package'
  | 'script-folder'
  | 'script-import'
  | 'starts-main'
  | 'cli-plugin'
  | 'bin-package';

/**
 * Why a file is a program someone runs by hand, once, and that then exits: nobody waits on it but
 * the person who started it, and nobody tunes it (see `WhereItRuns.oneShotProgram`):
 * - `example`: it lies in a folder of examples (`Example/bot.ts`, `examples/upload.js`) below its
 *   package: a demonstration of the library beside it, even when it runs for a while (a sample
 *   bot), written to be read, not deployed;
 * - `hand-run-folder`: it lies in a `scripts/` or `bin/` folder right below its package (or its
 *   package is kept in one: `bin/package.json` of an application's admin scripts) or in a
 *   maintainer's tool folder there (`MAINTAINER_TOOL_FOLDERS`), exports nothing (a module that
 *   exports is loaded by other code), is no `bin` target of its package (a command published to
 *   users, whose latency they wait for), and starts nothing that keeps running
 *   (`WhereItRuns.keepsRunning`);
 * - `task-runner`: it lies right in its package's folder, starts with `#!` or is named by a script
 *   of the `package.json` (`"docs": "./tasks.js docs"`), is no `bin` target, `main` nor start
 *   script file, and starts nothing that keeps running: the maintainers' task runner;
 * - `build-time`: it imports an API that exists only while a build tool prepares the app
 *   (`BUILD_TIME_MODULES`: an Expo config plugin): it runs once per build.
 */
export type OneShotEvidence = 'example' | 'hand-run-folder' | 'task-runner' | 'build-time';

/**
 * Where a function runs, as far as this file shows:
 * - `concurrent`: while other work of the same process waits for the event loop; `evidence`
 *   says why, `node` is where the evidence is (the `Promise.all` call, the `app.get` call, the
 *   export), `caller` names the same-file function that awaits (or returns) this one when the
 *   evidence was found through callers (`''` when that caller is anonymous), or is null;
 * - `alone`: the process runs nothing else meanwhile (a one-shot script or command);
 * - `once`: it runs once per process (per instance for a member): every call of it in the file
 *   stores its promise in a cache that outlives the caller, and only when that cache is empty
 *   (`probe ??= detect()`, `if (!this.ready) this.ready = this.init()`, see
 *   `WhereItRuns.isMemoisingStore`); `node` is one such store. Later callers share the promise;
 * - `worker-thread`: in a worker, whose thread or process exists to run such work: a
 *   `worker_threads` worker, or a module a worker pool loads and calls one task at a time
 *   (see `WhereItRuns.isWorkerModule`);
 * - `unknown`: no evidence either way.
 */
export type RunContext =
  | {
      readonly kind: 'concurrent';
      readonly evidence: ConcurrencyEvidence;
      readonly node: TSESTree.Node;
      readonly caller: string | null;
    }
  | { readonly kind: 'alone'; readonly evidence: AloneEvidence }
  | { readonly kind: 'once'; readonly node: TSESTree.Node }
  | { readonly kind: 'worker-thread' }
  | { readonly kind: 'unknown' };

/** A write to the terminal: `process.stdout.write(`, `process.stderr.write(`, `console.log(`, `console.info(`. */
const TERMINAL_WRITE = /\bprocess\s*\.\s*std(?:out|err)\s*\.\s*write\s*\(|\bconsole\s*\.\s*(?:log|info)\s*\(/;

/** How many same-file callers deep evidence is followed (`handler -> load -> parse`). */
const MAX_CALLER_DEPTH = 6;

const UNKNOWN: RunContext = { kind: 'unknown' };
const TEST_CODE: RunContext = { kind: 'alone', evidence: { kind: 'test-code' } };
const WORKER: RunContext = { kind: 'worker-thread' };

const STRONG_EVIDENCE: ReadonlySet<ConcurrencyEvidence['kind']> = new Set([
  'gathered',
  'per-item',
  'limiter',
  'not-awaited',
  'request-handler',
  'queue-consumer',
]);

/**
 * True when `fn` is a test or one of its set-up hooks: it is passed to `it`/`test` or a hook
 * (`TEST_CALLBACK_CALL`), also through a modifier or a table (`it.only(...)`, `test.skip(...)`,
 * `it.each(table)(...)`).
 */
function isTestCallback(fn: TSESTree.Node): boolean {
  const holder: TSESTree.Node | undefined = fn.parent;
  if (holder?.type !== AST_NODE_TYPES.CallExpression || holder.callee === fn) return false;
  let callee = skipTransparent(holder.callee);
  if (callee.type === AST_NODE_TYPES.CallExpression) callee = skipTransparent(callee.callee);
  while (callee.type === AST_NODE_TYPES.MemberExpression) callee = skipTransparent(callee.object);
  return callee.type === AST_NODE_TYPES.Identifier && TEST_CALLBACK_CALL.has(callee.name);
}

/**
 * True when `node` runs inside a test or one of its set-up hooks (`isTestCallback`) at any depth.
 * Only the node's ancestors are read.
 */
export function insideTestCallback(node: TSESTree.Node): boolean {
  for (let current: TSESTree.Node | undefined = node.parent; current; current = current.parent) {
    if (isFunctionNode(current) && isTestCallback(current)) return true;
  }
  return false;
}

/** True when `context` says the function runs once per request, job or event (`PER_EVENT_EVIDENCE`). */
export function runsPerEvent(context: RunContext | null): boolean {
  return context?.kind === 'concurrent' && PER_EVENT_EVIDENCE.has(context.evidence.kind);
}

/** True when the evidence holds even in a script (see `ConcurrencyEvidence`). */
export function isStrongEvidence(evidence: ConcurrencyEvidence): boolean {
  return STRONG_EVIDENCE.has(evidence.kind);
}

/** What a `package.json` says about the files below it. */
export interface PackageInfo {
  readonly dir: string;
  /** Its `name`, or null. */
  readonly name: string | null;
  /** Absolute paths of its `bin` targets. */
  readonly bins: readonly string[];
  /**
   * Absolute paths of the files that its database scripts run: the scripts whose name is a seed or
   * migrate step (`DATABASE_SCRIPT_NAME`: `seed`, `db:seed`, `migrate:latest`, not `start:migrate`
   * nor `dev:seed`) and Prisma's `prisma.seed` command, each file a command names by a JavaScript
   * or TypeScript extension (`tsx src/db/seed.ts`, `node -r dotenv/config ./scripts/migrate.js`).
   */
  readonly databaseScripts: readonly string[];
  /**
   * Absolute paths of the files that start the application: its `main`, and each file that a
   * script named for starting it (`START_SCRIPT_NAME`: `start`, `dev`, `serve`, `prod`, `preview`..., with any `:variant`, `-variant`) names;
   * of a variant named for a seed or migrate step (`prod:seed`, `start:migrate`), only the files it
   * runs after the step.
   * A file listed here is no seed program even when a database script names it too
   * (`"migrate:deploy": "prisma migrate deploy && node dist/server.js"`).
   */
  readonly startFiles: readonly string[];
  /** The `startFiles` that a start script names (not its `main` alone: other programs may load that). */
  readonly startScriptFiles: readonly string[];
  /** Absolute paths of the files any of its scripts names (`"docs": "./tasks.js docs"`, `"build": "node build.mjs"`). */
  readonly taskFiles: readonly string[];
  /** The absolute path of its `main`, or null. */
  readonly mainFile: string | null;
  /**
   * It has a `bin` and no library entry besides it: no `main`, `module` or `exports`, or each of
   * them names a `bin` target (`"bin": "./dist/index.js"` with `"exports": { ".": "./dist/index.js" }`:
   * the export is the command itself, as a CLI built with tshy or tsup publishes it) and it
   * depends on no server framework (`SERVER_FRAMEWORK_PACKAGES`: a server published to start with
   * `npx notes-server` is no one-shot command).
   */
  readonly cliOnly: boolean;
  /**
   * Its dependencies (`dependencies`, `devDependencies`, `optionalDependencies`) include an SQLite
   * driver (`SQLITE_DRIVER_PACKAGES`) and no client of a networked database (`NETWORK_DATABASE_PACKAGES`).
   */
  readonly sqliteOnly: boolean;
  /** Its dependencies include a client of a networked database (`NETWORK_DATABASE_PACKAGES`). */
  readonly networkDatabase: boolean;
  /** The names of its dependencies (`dependencies`, `devDependencies`, `optionalDependencies`). */
  readonly dependencies: readonly string[];
  /**
   * Its dependencies include an in-process cache library (`IN_PROCESS_CACHE_PACKAGES`: node-cache)
   * and no client of a cache outside the process (`NETWORK_CACHE_PACKAGES`, or any package whose
   * name says Redis, Valkey, KeyDB or Memcached: `ioredis`, `@redis/client`, `iovalkey`): the
   * package's cache answers from memory.
   */
  readonly inProcessCacheOnly: boolean;
  /** Its dependencies include a desktop-app shell (`DESKTOP_APP_PACKAGES`: Electron): a desktop app's package. */
  readonly desktopApp: boolean;
  /**
   * It is an Electron app that people install: `electron` among its dependencies (of any kind),
   * a `main` (the script Electron starts in its main process), and a packager of apps among its
   * dependencies (`ELECTRON_APP_PACKAGERS`, any `@electron-forge/` package) or a `productName`
   * (the installed app's name, which only packagers read). A library that supports Electron
   * (tested against it, packaging nothing) is not one.
   */
  readonly electronApp: boolean;
  /**
   * It declares the editor host it runs in (`engines.vscode`, which VS Code requires of every
   * extension): its code runs inside VS Code's extension host, which catches an unhandled rejection
   * and logs it; no process ends.
   */
  readonly editorExtension: boolean;
  /**
   * Its `engines` name a host program other than a JavaScript runtime or package manager
   * (`engines.mailspring`, `engines.atom`): a plugin that its host app loads, so it runs where that
   * app runs.
   */
  readonly hostPlugin: boolean;
  /** The keys of its `engines` (for a host plugin, the names of the apps that load it). */
  readonly hosts: ReadonlySet<string>;
  /** It exports a library: it has a `main`, `module` or `exports`. */
  readonly library: boolean;
  /**
   * The build tool the package is a plugin of, or null: its name says so (`vite-plugin-pwa`,
   * `@rollup/plugin-json`, `copy-webpack-plugin`, see `BUILD_TOOL_PLUGIN_NAME`) and the tool's
   * package is among its dependencies or peer dependencies (`BUILD_TOOL_PACKAGES`).
   */
  readonly buildToolPlugin: string | null;
  /**
   * Absolute paths of the files its `exports` names under a subpath other than the root and
   * `./package.json` (`"./server": "./dist/server.js"`; no patterns with `*`).
   */
  readonly subpathEntries: readonly string[];
  /**
   * The names under its `dependencies`: installed with the package wherever it is installed
   * (unlike `devDependencies`, `optionalDependencies` and peers, which may be missing at run time).
   */
  readonly installedWith: ReadonlySet<string>;
}

/**
 * Globals of a page (a browser tab, an Electron window). Node has none of them but `navigator`
 * (since Node 21, so Electron's main process since Electron 35); a main-process module that reads
 * it is read as a window's, whose host logs a lost rejection as the main process's does.
 */
const PAGE_GLOBALS: ReadonlySet<string> = new Set(['window', 'document', 'localStorage', 'sessionStorage', 'navigator', 'location', 'requestAnimationFrame']);

/** Node's built-in modules, without the `node:` prefix. */
const BUILTIN_MODULES: ReadonlySet<string> = new Set(builtinModules);

/** The names of a manifest's `dependencies`, `devDependencies` and `optionalDependencies`. */
function dependencyNames(record: Record<string, unknown>): string[] {
  return ['dependencies', 'devDependencies', 'optionalDependencies'].flatMap((key) => {
    const value = record[key];
    return value && typeof value === 'object' ? Object.keys(value) : [];
  });
}

/** `engines` keys that name a runtime or a package manager, not a host app that loads the package. */
const RUNTIME_ENGINES: ReadonlySet<string> = new Set(['node', 'npm', 'yarn', 'pnpm', 'bun', 'deno', 'vscode']);

/** Packages whose version the manifest pins or expects from its host: `resolutions`, `overrides`, `peerDependencies`. */
function pinnedNames(record: Record<string, unknown>): string[] {
  return ['resolutions', 'overrides', 'peerDependencies'].flatMap((key) => {
    const value = record[key];
    return value && typeof value === 'object' ? Object.keys(value) : [];
  });
}

/**
 * `package.json` files read so far, by directory (null: no `package.json` there). Read once per
 * directory per process (ESLint lints thousands of files below the same few package roots); like
 * the per-file cache, each `--concurrency` worker thread has its own.
 */
const packageByDir = new Map<string, PackageInfo | null>();

function readPackage(dir: string): PackageInfo | null {
  const known = packageByDir.get(dir);
  if (known !== undefined) return known;
  let info: PackageInfo | null = null;
  const record = readManifest(dir);
  try {
    if (record) {
      const bin = record['bin'];
      const targets = typeof bin === 'string' ? [bin] : bin && typeof bin === 'object' ? Object.values(bin) : [];
      const bins = targets.filter((target): target is string => typeof target === 'string').map((target) => path.resolve(dir, target));
      const required = record['dependencies'];
      const installedWith = new Set(required && typeof required === 'object' ? Object.keys(required) : []);
      const entries = libraryEntries(record, dir);
      // Its only entries are its `bin` targets, and it is not a server started by name (`npx notes-server`).
      const cliOnly =
        bins.length > 0 &&
        (entries.length === 0 ||
          (entries.every((entry) => bins.some((bin) => withoutExtension(bin) === withoutExtension(entry))) &&
            ![...installedWith].some((dependency) => SERVER_FRAMEWORK_PACKAGES.has(dependency))));
      const name = typeof record['name'] === 'string' ? record['name'] : null;
      const dependencies = dependencyNames(record);
      const networkDatabase = dependencies.some((dependency) => NETWORK_DATABASE_PACKAGES.has(dependency));
      const sqliteOnly = dependencies.some((dependency) => SQLITE_DRIVER_PACKAGES.has(dependency)) && !networkDatabase;
      // An app whose shell comes from a parent workspace often only pins its version here.
      const desktopApp = [...dependencies, ...pinnedNames(record)].some((dependency) => DESKTOP_APP_PACKAGES.has(dependency));
      const engines = record['engines'];
      const editorExtension = engines !== null && typeof engines === 'object' && typeof (engines as Record<string, unknown>)['vscode'] === 'string';
      const hostPlugin = engines !== null && typeof engines === 'object' && Object.keys(engines).some((host) => !RUNTIME_ENGINES.has(host));
      const inProcessCacheOnly =
        dependencies.some((dependency) => IN_PROCESS_CACHE_PACKAGES.has(dependency)) &&
        !dependencies.some((dependency) => NETWORK_CACHE_PACKAGES.has(dependency) || /redis|valkey|keydb|memcache/i.test(dependency));
      const hosts = new Set(engines !== null && typeof engines === 'object' ? Object.keys(engines) : []);
      const library = 'main' in record || 'module' in record || 'exports' in record;
      const electronApp =
        dependencies.some((dependency) => DESKTOP_APP_PACKAGES.has(dependency)) &&
        typeof record['main'] === 'string' &&
        (typeof record['productName'] === 'string' || dependencies.some((dependency) => ELECTRON_APP_PACKAGERS.has(dependency) || dependency.startsWith('@electron-forge/')));
      const plugin = name === null ? null : BUILD_TOOL_PLUGIN_NAME.exec(name);
      const tool = plugin ? BUILD_TOOL_PACKAGES.get(plugin[1] ?? plugin[2] ?? plugin[3] ?? '') : undefined;
      const buildToolPlugin = tool !== undefined && [...dependencies, ...pinnedNames(record)].includes(tool) ? tool : null;
      const startScriptFiles = scriptFiles(record, dir, START_SCRIPT_NAME, null, afterStep);
      info = { dir, name, bins, taskFiles: scriptFiles(record, dir, /(?:)/, null), databaseScripts: scriptFiles(record, dir, DATABASE_SCRIPT_NAME, 'seed'), startScriptFiles, startFiles: [...startScriptFiles, ...(typeof record['main'] === 'string' ? [path.resolve(dir, record['main'])] : [])], mainFile: typeof record['main'] === 'string' ? path.resolve(dir, record['main']) : null, cliOnly, sqliteOnly, networkDatabase, dependencies, inProcessCacheOnly, desktopApp, electronApp, editorExtension, hostPlugin, hosts, library, buildToolPlugin, subpathEntries: subpathEntries(record, dir), installedWith };
    }
  } catch {
    info = null;
  }
  packageByDir.set(dir, info);
  return info;
}

/**
 * A file a package script's command names: a relative path with a JavaScript or TypeScript
 * extension. Not one handed to a tool as its configuration (`webpack serve --config
 * webpack.dev.js`, `-c rollup.config.js`): the tool runs, the file only configures it.
 */
const SCRIPT_COMMAND_FILE = /(?:^|[\s=])(?<!(?:--config|--configFile|--config-file|\s-c)[\s=]+)(?:\.\/)?((?:[\w@.-]+\/)*[\w@.-]+\.[cm]?[jt]sx?)(?=$|[\s;&|)])/g;

/**
 * The files that the package's scripts whose name matches `scriptName` run (see
 * `PackageInfo.databaseScripts` and `startFiles`), with the command of `prisma.<prismaKey>` too.
 */
function scriptFiles(
  record: Record<string, unknown>,
  dir: string,
  scriptName: RegExp,
  prismaKey: string | null,
  commandOf: (name: string, command: string) => string = (_name, command) => command,
): string[] {
  const commands: string[] = [];
  const scripts = record['scripts'];
  if (scripts && typeof scripts === 'object') {
    for (const [name, command] of Object.entries(scripts as Record<string, unknown>)) {
      if (scriptName.test(name) && typeof command === 'string') commands.push(commandOf(name, command));
    }
  }
  const prisma = record['prisma'];
  const seed = prismaKey !== null && prisma && typeof prisma === 'object' ? (prisma as Record<string, unknown>)[prismaKey] : undefined;
  if (typeof seed === 'string') commands.push(seed);
  return commands.flatMap((command) => [...command.matchAll(SCRIPT_COMMAND_FILE)].flatMap((match) => (match[1] ? [path.resolve(dir, match[1])] : [])));
}

/**
 * What a start script runs of the application: all of its command, but for a variant named for a
 * seed or migrate step (`START_STEP_VARIANT_NAME`) only what follows the step's `&&`: `"prod:seed":
 * "node dist/seed.js"` starts nothing, `"start:migrate": "knex migrate:latest && node server.js"`
 * starts `server.js`.
 */
function afterStep(name: string, command: string): string {
  if (!START_STEP_VARIANT_NAME.test(name)) return command;
  const step = command.indexOf('&&');
  return step === -1 ? '' : command.slice(step + 2);
}

/**
 * The absolute paths a manifest names as its library's entries: `main`, `module`, and every
 * target of `exports` (through its conditions), except `./package.json` and type declarations.
 */
function libraryEntries(record: Record<string, unknown>, dir: string): string[] {
  const entries: string[] = [];
  const collect = (value: unknown): void => {
    if (typeof value === 'string') {
      if (!/\.d\.[cm]?ts$/.test(value) && !/(?:^|\/)package\.json$/.test(value)) entries.push(path.resolve(dir, value));
    } else if (value && typeof value === 'object') for (const inner of Object.values(value as Record<string, unknown>)) collect(inner);
  };
  for (const field of ['main', 'module', 'exports']) collect(record[field]);
  return entries;
}

/**
 * The files `exports` names under a subpath other than `.` and `./package.json` (see
 * `PackageInfo.subpathEntries`). Patterns (`"./server/*"`) are skipped: the files they match keep
 * the build-tool-plugin evidence; rare in plugin packages, which export named subpaths.
 */
function subpathEntries(record: Record<string, unknown>, dir: string): string[] {
  const exports = record['exports'];
  if (!exports || typeof exports !== 'object' || Array.isArray(exports)) return [];
  const subpaths = Object.entries(exports as Record<string, unknown>).filter(([key]) => key.startsWith('./') && key !== './package.json' && !key.includes('*'));
  return subpaths.flatMap(([, value]) => libraryEntries({ exports: value }, dir)).filter((entry) => !entry.includes('*'));
}

/** A test of whether the module is the program's main module: `require.main === module`, `import.meta.main`. */
const RUNS_AS_MAIN = /\brequire\.main\s*===?\s*module\b|\bmodule\s*===?\s*require\.main\b|\bimport\.meta\.main\b/;

/** The nearest `package.json` above an absolute file path, or null. */
function nearestPackage(filename: string): PackageInfo | null {
  for (let dir = path.dirname(filename); ; dir = path.dirname(dir)) {
    const info = readPackage(dir);
    if (info) return info;
    if (path.dirname(dir) === dir || path.basename(dir) === 'node_modules') return null;
  }
}

/** A specifier that names an npm package (`stripe`, `@aws-sdk/client-s3/dist`), not a path alias (`@/lib`, `~/db`, `#db`). */
const NPM_PACKAGE_SPECIFIER = /^(?:@[a-z0-9][\w.-]*\/)?[a-z0-9][\w.-]*(?:\/|$)/i;

/**
 * True when a package keeps its data through a package of its own workspace whose only database is
 * one SQLite file (an app's `@acme/db` that depends on better-sqlite3, and the models built on it):
 * the package depends on no client of a networked database itself, one of its workspace
 * dependencies is SQLite-only (`PackageInfo.sqliteOnly`), and none of them depends on a networked
 * database client. Its queries then run on that one local connection, one at a time, as in a
 * package that depends on the driver directly.
 */
function storesThroughSqliteWorkspacePackage(info: PackageInfo): boolean {
  const known = throughSqliteWorkspaceByPackage.get(info);
  if (known !== undefined) return known;
  const answer = readsThroughSqliteWorkspacePackage(info);
  throughSqliteWorkspaceByPackage.set(info, answer);
  return answer;
}

/**
 * `storesThroughSqliteWorkspacePackage` per package read so far (a package's answer, not a file's:
 * asked by every file below it), beside `packageByDir`.
 */
const throughSqliteWorkspaceByPackage = new WeakMap<PackageInfo, boolean>();

function readsThroughSqliteWorkspacePackage(info: PackageInfo): boolean {
  if (info.networkDatabase) return false;
  const members = info.dependencies.flatMap((dependency) => {
    const dir = workspacePackageDir(info.dir, dependency);
    const member = dir === null ? null : readPackage(dir);
    return member ? [member] : [];
  });
  return members.some((member) => member.sqliteOnly) && !members.some((member) => member.networkDatabase);
}

/** The `package.json` in `dir` itself (cached as `nearestPackage` reads), or null. */
export function packageAt(dir: string): PackageInfo | null {
  return readPackage(dir);
}

/**
 * The package whose program an absolute file belongs to: the nearest `package.json` above it,
 * widened to the next outer package only when the nearest is a plugin of that one (its `engines`
 * name the outer package, or the outer one is a desktop app: `PackageInfo.hostPlugin`, as
 * `WhereItRuns.inDesktopApp` decides). A sibling or a member package is a program of its own.
 */
export function programRootOf(filename: string): PackageInfo | null {
  const info = nearestPackage(filename);
  if (!info?.hostPlugin) return info;
  const outer = nearestPackage(info.dir);
  return outer && ((outer.name !== null && info.hosts.has(outer.name)) || outer.desktopApp) ? outer : info;
}

/** True when `filename` is one of `info`'s `bin` targets (or its source) or lies in its `bin/` folder. */
export function isBinFile(filename: string, info: PackageInfo): boolean {
  if (path.relative(info.dir, filename).split(path.sep)[0] === 'bin') return true;
  return info.bins.some((target) => isBinTarget(filename, target, info.dir));
}

function withoutExtension(file: string): string {
  return file.slice(0, file.length - path.extname(file).length);
}

/** True when `node` is a statement or a declaration (`const server = ...`). */
function isStatementNode(node: TSESTree.Node): boolean {
  return node.type.endsWith('Statement') || node.type.endsWith('Declaration');
}

/** The statement list `node` is an item of, or null. */
function statementListOf(node: TSESTree.Node): readonly TSESTree.Node[] | null {
  const parent = node.parent;
  if (!parent) return null;
  if (parent.type === AST_NODE_TYPES.BlockStatement || parent.type === AST_NODE_TYPES.Program || parent.type === AST_NODE_TYPES.StaticBlock) {
    return (parent.body as readonly TSESTree.Node[]).includes(node) ? parent.body : null;
  }
  return parent.type === AST_NODE_TYPES.SwitchCase && parent.consequent.includes(node as TSESTree.Statement) ? parent.consequent : null;
}

/**
 * True when `statement` may leave its function on `node`'s path: a `return` or `throw` of its own
 * code holds `node` or comes after it (a guard clause `if (cmd === 'read') return readFileSync(...)`,
 * whose path never reaches what follows the statement). A `catch` that does not hold `node` is no
 * such path: it runs only when the `try` failed, and `node`'s path goes on when it succeeds
 * (`try { key = readFileSync(...) } catch { return process.exit(1) }` before the server).
 */
function leavesAfter(statement: TSESTree.Node, node: TSESTree.Node, visitorKeys: TSESLint.SourceCode.VisitorKeys): boolean {
  return someNodeInSameFunction(
    statement,
    visitorKeys,
    (inner) =>
      (inner.type === AST_NODE_TYPES.ReturnStatement || inner.type === AST_NODE_TYPES.ThrowStatement) &&
      inner.range[1] >= node.range[1] &&
      !inCatchWithout(inner, node, statement),
  );
}

/** True when `inner` sits in a `catch` clause inside `statement` that does not hold `node`. */
function inCatchWithout(inner: TSESTree.Node, node: TSESTree.Node, statement: TSESTree.Node): boolean {
  for (let at = inner.parent; at && at !== statement; at = at.parent) {
    if (at.type === AST_NODE_TYPES.CatchClause && !(at.range[0] <= node.range[0] && node.range[1] <= at.range[1])) return true;
  }
  return false;
}

/** True when `filename` is `target`, or the source of a built target (`src/cli.ts` for `dist/cli.js`). */
function isBinTarget(filename: string, target: string, packageDir: string): boolean {
  if (withoutExtension(filename) === withoutExtension(target)) return true;
  const relative = path.relative(packageDir, target).split(path.sep);
  const first = relative[0];
  if (relative.length < 2 || first === undefined || !BUILD_FOLDERS.has(first)) return false;
  return withoutExtension(filename) === withoutExtension(path.join(packageDir, 'src', ...relative.slice(1)));
}

/** The module specifier without a `node:` prefix. */
function bareModule(module: string): string {
  return module.startsWith('node:') ? module.slice(5) : module;
}

/** The package a module specifier names (`@playwright/test` for `@playwright/test/reporter`, `puppeteer` for `puppeteer/lib`). */
function packageOfSpecifier(module: string): string {
  const parts = module.split('/');
  return module.startsWith('@') ? parts.slice(0, 2).join('/') : (parts[0] ?? module);
}

/**
 * `chrome.runtime.sendMessage(EXTENSION_ID, message)` / `connect(extensionId)`: the call a web
 * page makes to an extension that lets it (`EXTERNAL_RUNTIME_METHODS`, an extension id first,
 * `EXTENSION_ID_NAME`, `EXTENSION_ID_LITERAL`). `member` is the namespace's member read
 * (`chrome.runtime.sendMessage`), `namespace` its namespace.
 */
function callsExtensionFromPage(namespace: string, member: TSESTree.MemberExpression): boolean {
  const method = staticMemberName(member);
  const call = member.parent;
  if (namespace !== 'runtime' || method === null || !EXTERNAL_RUNTIME_METHODS.has(method)) return false;
  if (call.type !== AST_NODE_TYPES.CallExpression || call.callee !== member) return false;
  const first = call.arguments[0] ? skipTransparent(call.arguments[0]) : null;
  if (first?.type === AST_NODE_TYPES.Literal) return typeof first.value === 'string' && EXTENSION_ID_LITERAL.test(first.value);
  const name = first?.type === AST_NODE_TYPES.Identifier ? first.name : first?.type === AST_NODE_TYPES.MemberExpression ? staticMemberName(first) : null;
  return name !== null && EXTENSION_ID_NAME.test(name);
}

/**
 * `node` lies in a function handed to a driven page to run there (`page.evaluate(() => ...)`,
 * `driver.executeScript(fn)`, `PAGE_EVALUATE_METHODS`): the calling program is not that page.
 */
function insidePageEvaluatedFunction(node: TSESTree.Node): boolean {
  for (let current: TSESTree.Node | undefined = node.parent; current; current = current.parent) {
    if (!isFunctionNode(current)) continue;
    let site: TSESTree.Node = current;
    while (site.parent && isTransparentWrapper(site.parent)) site = site.parent;
    const call = site.parent;
    if (call?.type !== AST_NODE_TYPES.CallExpression || !call.arguments.includes(site as TSESTree.CallExpressionArgument)) continue;
    const callee = skipTransparent(call.callee);
    const method = callee.type === AST_NODE_TYPES.MemberExpression ? staticMemberName(callee) : null;
    if (method !== null && PAGE_EVALUATE_METHODS.has(method)) return true;
  }
  return false;
}

/** Skips TS-only wrappers and chain wrappers upward: the node that stands for `node`'s value in its parent. */
function valueSite(node: TSESTree.Node): TSESTree.Node {
  let current = node;
  while (current.parent && isTransparentWrapper(current.parent)) current = current.parent;
  return current;
}

/** `module.exports`, `exports`, `module.exports.x`, `exports.x`. */
function isExportsTarget(node: TSESTree.Node): boolean {
  if (node.type === AST_NODE_TYPES.Identifier) return node.name === 'exports';
  if (node.type !== AST_NODE_TYPES.MemberExpression) return false;
  const object = node.object;
  if (object.type === AST_NODE_TYPES.Identifier) {
    return object.name === 'exports' || (object.name === 'module' && staticMemberName(node) === 'exports');
  }
  return isExportsTarget(object);
}

/** A path argument of a route registration: a string, a template or a regular expression. */
function isRoutePath(node: TSESTree.Node | undefined): boolean {
  if (!node) return false;
  if (node.type === AST_NODE_TYPES.TemplateLiteral) return true;
  if (node.type === AST_NODE_TYPES.ArrayExpression) return node.elements.some((element) => element !== null && isRoutePath(element));
  return node.type === AST_NODE_TYPES.Literal && (typeof node.value === 'string' || 'regex' in node);
}

/** What one use of a function says about where it runs, before the uses are combined. */
type Fact =
  | { readonly kind: 'context'; readonly context: RunContext }
  | { readonly kind: 'top-level-start'; readonly node: TSESTree.Node };

/** What happens to the promise of a call: see `WhereItRuns.promiseFate`. */
type PromiseFate =
  | { readonly kind: 'awaited'; readonly node: TSESTree.Node }
  | { readonly kind: 'memoised'; readonly node: TSESTree.Node }
  | { readonly kind: 'dropped'; readonly node: TSESTree.Node }
  | { readonly kind: 'gathered'; readonly api: string; readonly node: TSESTree.Node }
  | { readonly kind: 'per-item'; readonly method: string; readonly node: TSESTree.Node }
  | { readonly kind: 'stored'; readonly node: TSESTree.Node };

/**
 * Where the functions of one file run (see `RunContext`), computed lazily per function and cached.
 *
 * A function's own evidence comes from how the file reaches it: the call it is a callback of
 * (`Promise.all`, `.map`, a limiter, a route, an emitter, a CLI `.action`), what happens to the
 * promise of each call of it (awaited, dropped, gathered, stored), its export, or the class it is a
 * method of (a CLI command class). A function that is only awaited or returned by same-file
 * functions runs where they run (followed up to `MAX_CALLER_DEPTH` callers; a cycle gives no
 * evidence). The uses are combined in this order: strong concurrency evidence (any use); the
 * worker-thread file or a worker message handler; a start-up routine by its own name (see
 * `startUpRoutine`); alone when every use says alone; a script file;
 * weak concurrency evidence; otherwise unknown.
 */
export class WhereItRuns {
  private readonly sourceCode: Readonly<TSESLint.SourceCode>;
  private readonly filename: string;
  /** The lint root (working directory), for a file with no `package.json` above it. */
  private readonly cwd: string;
  private readonly cache = new Map<FunctionNode, RunContext>();
  /** Per class body: its `this.x` member expressions by `static`-ness and key (see `collectThisMembers`). */
  private readonly thisMembers = new Map<TSESTree.ClassBody, Map<string, TSESTree.MemberExpression[]>>();
  private readonly inProgress = new Set<FunctionNode>();
  private fileModules: ReadonlySet<string> | null = null;
  private scriptEvidence: ScriptEvidence | null | undefined;
  private workerFile: boolean | undefined;
  private workerModule: boolean | undefined;
  /** Per synchronous twin (see `syncTwinOf`): the callees of the calls written in it, as compact text. */
  private readonly twinCallees = new Map<FunctionNode, ReadonlySet<string>>();
  /** Per function: the server factory calls of its own code (see `serverFactoryCalls`). */
  private readonly factoryCalls = new Map<FunctionNode, readonly TSESTree.CallExpression[]>();
  private serverFile: boolean | undefined;
  private uiFile: boolean | undefined;
  private electronImports: ReadonlySet<string> | undefined;
  private browserExtension: boolean | undefined;
  private electronAppCode: 'main' | 'window' | null | undefined;
  private entryLogs: boolean | undefined;
  private programLogs: boolean | undefined;
  private testCode: boolean | undefined;
  private migrationFolder: boolean | undefined;
  private oneShotTask: boolean | undefined;
  private functionPlatform: string | null | undefined;
  private oneShot: OneShotEvidence | null | undefined;

  constructor(context: AnyRuleContext) {
    this.sourceCode = context.sourceCode;
    this.filename = context.filename;
    this.cwd = context.cwd;
  }

  /** Where the code of `node` runs: the run context of the function that executes it (see `getExecutionContext`). */
  ofNode(node: TSESTree.Node): RunContext {
    const execution = getExecutionContext(node);
    if (execution.kind === 'function') return this.ofFunction(execution.node);
    if (execution.kind === 'top-level') {
      const script = this.script();
      return script ? { kind: 'alone', evidence: { kind: 'script', script } } : { kind: 'alone', evidence: { kind: 'main' } };
    }
    return UNKNOWN;
  }

  /**
   * The start-up routine the code at `node` runs in (see `startUpRoutine`: its function's own name,
   * or the routine that alone awaits it), or null: code a program runs once, before it serves
   * anything, where overlapping a few waits saves nothing anyone waits for.
   */
  startUpRoutineOf(node: TSESTree.Node): string | null {
    const context = this.ofNode(node);
    return context.kind === 'alone' && context.evidence.kind === 'start-up' ? context.evidence.routine : null;
  }

  /** Where `fn` runs (see the class comment). */
  ofFunction(fn: FunctionNode): RunContext {
    return this.classify(fn, 0);
  }

  /**
   * True when the file is a program's entry module: it starts an async function of its own at the
   * top level (`starts-main`), exports nothing (nothing imports it for a value) and is named like
   * an entry (`ENTRY_FILE_NAMES`: `main.ts` starting `bootstrap()`, a worker process's `worker.ts`
   * starting `init()`). A rejection of that start ends the process with the error printed, as a
   * failed start should.
   */
  isProgramEntry(): boolean {
    const name = path.basename(this.filename).replace(/\.[^.]*$/, '');
    return ENTRY_FILE_NAMES.has(name) && this.script() === 'starts-main' && this.exportsNothing();
  }

  /**
   * True when the file is a one-shot task's program (a seed or migration program): it starts an
   * async function of its own at the top level (as `starts-main` says), exports nothing, and is
   * named for such a task (`ONE_SHOT_TASK_NAMES`: `prisma/seed.ts`, `db/migrate.ts`), sits in a
   * folder of migrations or seed data (`MIGRATION_FOLDERS` but the singular `migration/`,
   * `SEED_FOLDERS`: `db/seeds/users.ts`), or is run by a package script whose name is a seed or
   * migrate step and is not also one that starts the application (`PackageInfo.databaseScripts`,
   * `startFiles`). It runs once, by hand or from a package script; a rejection of its start ends it
   * with the error printed, as a failed task should, and the order of its steps is its plan. A seed
   * module that exports a function (demo data seeded per sign-up) is no such program.
   */
  isOneShotTask(): boolean {
    if (this.oneShotTask !== undefined) return this.oneShotTask;
    const name = path.basename(this.filename).replace(/\.[^.]*$/, '');
    const folders = path.dirname(this.filename).split(/[\\/]/);
    const placed =
      ONE_SHOT_TASK_NAMES.has(name) ||
      folders.some((folder) => (MIGRATION_FOLDERS.has(folder) && folder !== 'migration') || SEED_FOLDERS.has(folder)) ||
      this.runByDatabaseScript();
    this.oneShotTask = placed && this.exportsNothing() && this.startsMain();
    return this.oneShotTask;
  }

  /** True when a database script of the package runs the file and no start script (nor `main`) names it (see `PackageInfo.databaseScripts`). */
  private runByDatabaseScript(): boolean {
    if (!path.isAbsolute(this.filename)) return false;
    const info = nearestPackage(this.filename);
    if (!info || info.databaseScripts.length === 0) return false;
    const names = (target: string): boolean => isBinTarget(this.filename, target, info.dir);
    return info.databaseScripts.some(names) && !info.startFiles.some(names);
  }

  /** No `export` declaration, no `export =`, no assignment to `module.exports` / `exports` at the top level. Read once per file. */
  private exportsNothing(): boolean {
    this.exportsNone ??= this.findExportsNothing();
    return this.exportsNone;
  }

  /** `exportsNothing`: a walk of the top level, asked per drop by `isProgramEntry` and `isStartedModule`. */
  private exportsNone: boolean | undefined;

  private findExportsNothing(): boolean {
    return this.sourceCode.ast.body.every((statement) => {
      if (
        statement.type === AST_NODE_TYPES.ExportNamedDeclaration ||
        statement.type === AST_NODE_TYPES.ExportDefaultDeclaration ||
        statement.type === AST_NODE_TYPES.ExportAllDeclaration ||
        statement.type === AST_NODE_TYPES.TSExportAssignment
      ) {
        return false;
      }
      if (statement.type !== AST_NODE_TYPES.ExpressionStatement) return true;
      const expression = statement.expression;
      return expression.type !== AST_NODE_TYPES.AssignmentExpression || !isExportsTarget(expression.left);
    });
  }

  /**
   * True when the file configures a build or development tool: its name is `<tool>.config.<ext>`
   * or `<tool>.config.<variant>.<ext>` for a tool of `TOOL_CONFIG_NAMES` (`vite.config.ts`,
   * `vitest.config.mts`, `webpack.config.prod.js`), the file such tools load into the developer's
   * build or dev server.
   */
  isToolConfig(): boolean {
    const match = /^([\w-]+)\.config(?:\.[\w-]+)?\.[cm]?[jt]s$/.exec(path.basename(this.filename));
    return match?.[1] !== undefined && TOOL_CONFIG_NAMES.has(match[1]);
  }

  /**
   * True when a top-level class of the file (or the one it exports) sets, in its constructor,
   * `this.hooks` to an object with a key naming a lifecycle event (`'after:deploy:deploy': ...`,
   * a string with a `:`), and something says the tool is the Serverless Framework: a hook key
   * that runs before or after a step of a command (`before:deploy:deploy`, `LIFECYCLE_HOOK_KEY`), the constructor's
   * first parameter named `serverless`, or a read of `this.serverless`. That is the shape of a
   * Serverless Framework plugin, whose steps the `serverless` command runs one after another, once
   * per command. A `:` alone is no such evidence: an event bus or a chat server keys its hooks by
   * events such as `'message:send'`, each run per message.
   */
  private definesCommandPlugin(): boolean {
    if (!this.sourceCode.text.includes('hooks')) return false;
    return this.sourceCode.ast.body.some((statement) => {
      const declared =
        statement.type === AST_NODE_TYPES.ExportNamedDeclaration || statement.type === AST_NODE_TYPES.ExportDefaultDeclaration ? statement.declaration : statement;
      if (declared?.type !== AST_NODE_TYPES.ClassDeclaration) return false;
      const constructor = declared.body.body.find(
        (member): member is TSESTree.MethodDefinition => member.type === AST_NODE_TYPES.MethodDefinition && member.kind === 'constructor',
      );
      if (!constructor) return false;
      // The Serverless Framework hands the plugin itself to the constructor (`constructor(serverless, options)`),
      // and the plugin reads it back as `this.serverless`.
      const first = constructor.value.params[0];
      const handedTool =
        (first?.type === AST_NODE_TYPES.Identifier && first.name === 'serverless') || /\bthis\s*\.\s*serverless\b/.test(this.sourceCode.getText(declared));
      return (
        constructor.value.body?.body.some((step) => {
          if (step.type !== AST_NODE_TYPES.ExpressionStatement || step.expression.type !== AST_NODE_TYPES.AssignmentExpression) return false;
          const { left, right } = step.expression;
          if (
            left.type !== AST_NODE_TYPES.MemberExpression ||
            left.object.type !== AST_NODE_TYPES.ThisExpression ||
            staticMemberName(left) !== 'hooks' ||
            right.type !== AST_NODE_TYPES.ObjectExpression
          ) {
            return false;
          }
          const keys = right.properties.flatMap((property) =>
            property.type === AST_NODE_TYPES.Property && property.key.type === AST_NODE_TYPES.Literal && typeof property.key.value === 'string' ? [property.key.value] : [],
          );
          return keys.some((key) => key.includes(':')) && (handedTool || keys.some((key) => LIFECYCLE_HOOK_KEY.test(key)));
        }) === true
      );
    });
  }

  /**
   * The platform the file is deployed to as a function that takes one event at a time per
   * instance, or null (see `AloneEvidence`'s `function-host`):
   * - it imports the platform's function types or helpers (`FUNCTION_HOST_MODULES`:
   *   `import type { Handler } from 'aws-lambda'`);
   * - it lies in a Netlify site's conventional functions folder (`netlify/functions/`);
   * - a deployment manifest in its folder or a folder above it, up to its package's folder (up to
   *   the lint root when it has no `package.json` above it), declares such functions
   *   (`functionHostsAt`: a `serverless.yml` for AWS, a SAM template: every module of the project;
   *   a `netlify.toml` functions folder, a `vercel.json`'s `api/` with `"fluid": false`: the files below that folder).
   * Asked only when no other evidence decides where a function runs; the manifests of a folder are
   * read once per process.
   */
  functionHost(): string | null {
    if (this.functionPlatform !== undefined) return this.functionPlatform;
    this.functionPlatform = this.findFunctionHost();
    return this.functionPlatform;
  }

  private findFunctionHost(): string | null {
    for (const module of this.modules()) {
      const platform = FUNCTION_HOST_MODULES.get(module);
      if (platform) return platform;
    }
    if (!path.isAbsolute(this.filename)) return null;
    const folders = path.dirname(this.filename).split(/[\\/]/);
    const [first, second] = NETLIFY_FUNCTIONS_PATH;
    if (folders.some((folder, index) => folder === first && folders[index + 1] === second)) return 'netlify';
    const stop = nearestPackage(this.filename)?.dir ?? (path.isAbsolute(this.cwd) && path.parse(this.cwd).root !== this.cwd ? this.cwd : null);
    if (stop === null) return null;
    for (let dir = path.dirname(this.filename); ; dir = path.dirname(dir)) {
      const relative = path.relative(stop, dir);
      if (relative.startsWith('..') || path.isAbsolute(relative)) return null;
      for (const host of functionHostsAt(dir)) {
        if (host.folder === null) return host.platform;
        const below = path.relative(host.folder, this.filename);
        if (!below.startsWith('..') && !path.isAbsolute(below)) return host.platform;
      }
      if (dir === stop) return null;
    }
  }

  /**
   * True when `name` is a step that a migration or seed runner calls, one module at a time, before
   * the application serves: `up`/`down` (`MIGRATION_STEPS`) in a module below a migrations folder
   * (`MIGRATION_FOLDERS`), or `up`/`down`/`seed` (`SEED_STEPS`: knex's seed files, sequelize's
   * seeders) below a seeds folder (`SEED_FOLDERS`).
   */
  private isRunnerStep(name: string): boolean {
    const folders = path.dirname(this.filename).split(/[\\/]/);
    if (MIGRATION_STEPS.has(name) && folders.some((folder) => MIGRATION_FOLDERS.has(folder))) return true;
    return (MIGRATION_STEPS.has(name) || SEED_STEPS.has(name)) && folders.some((folder) => SEED_FOLDERS.has(folder));
  }

  /**
   * True when `node` is one-time data migration code: the file sits in a migrations or seeds
   * folder (`MIGRATION_FOLDERS`, `SEED_FOLDERS`: `database/migrations/rollback.ts`,
   * `database/seeders/users.ts`; in a singular `migration/` folder only when shaped like one,
   * `isMigrationShaped`: `scripts/migration/v2/index.js`), it is a one-shot task's program
   * (`isOneShotTask`: `prisma/seed.ts`, a seed program a seed step of the package scripts runs,
   * each starting its own work and exporting nothing), or a function around `node` is named for migrating
   * (`MIGRATION_FUNCTION_WORDS` as its first word: `migrateNewStatusPage`). Such code runs once per
   * deploy or per environment: the order of its steps is the plan, and nobody waits on it.
   */
  runsInMigration(node: TSESTree.Node): boolean {
    if (this.migrationFolder === undefined) {
      const folders = path.dirname(this.filename).split(/[\\/]/);
      // `migrations/`, `seeds/`, `seeders/` hold migrations (and their runner); a singular
      // `migration/` is as often a product feature (importing from another service), so its files
      // count only when shaped like a migration.
      this.migrationFolder =
        folders.some((folder) => (MIGRATION_FOLDERS.has(folder) && folder !== 'migration') || SEED_FOLDERS.has(folder)) ||
        (folders.includes('migration') && this.isMigrationShaped()) ||
        this.isOneShotTask();
    }
    if (this.migrationFolder) return true;
    for (let current: TSESTree.Node | undefined = node.parent; current; current = current.parent) {
      if (!isFunctionNode(current)) continue;
      const name = functionNameOf(current);
      const first = name?.replace(/^[_$#]+/, '').split(/(?=[A-Z])|_/)[0]?.toLowerCase();
      if (first !== undefined && MIGRATION_FUNCTION_WORDS.has(first)) return true;
    }
    return false;
  }

  /**
   * True when the file is shaped like a migration or seed, not only placed in a folder of that name
   * (a product's `features/migration/importBoards.js` imports boards per request): its name starts
   * with a timestamp, a sequence number or a version (`20240101120000-add-tags.js`, `001_init.ts`,
   * `v2.6.1`, `v3`, also as its folder: `migration/v2.6.1/index.js`), it exports an `up` or `down` step
   * (`export async function up`, `exports.up =`, `module.exports = { up, down }`, a class with an
   * `up` method, `MIGRATION_STEPS`), or it is a one-shot program (`script()`: a migration script
   * run by hand).
   */
  private isMigrationShaped(): boolean {
    const base = path.basename(this.filename).replace(/\.[^.]*$/, '');
    const named = (name: string): boolean => /^(?:\d{3,}|v\d+(?:\.\d+)*|\d+\.\d+)/.test(name);
    if (named(base) || (base === 'index' && named(path.basename(path.dirname(this.filename))))) return true;
    const script = this.script();
    if (script !== null && script !== 'cli-plugin') return true;
    const isStep = (key: TSESTree.Node | null | undefined): boolean =>
      key?.type === AST_NODE_TYPES.Identifier && MIGRATION_STEPS.has(key.name);
    return this.sourceCode.ast.body.some((statement) => {
      const declared = statement.type === AST_NODE_TYPES.ExportNamedDeclaration || statement.type === AST_NODE_TYPES.ExportDefaultDeclaration ? statement.declaration : statement;
      if (!declared) return statement.type === AST_NODE_TYPES.ExportNamedDeclaration && statement.specifiers.some((specifier) => isStep(specifier.exported));
      if (declared.type === AST_NODE_TYPES.FunctionDeclaration) return isStep(declared.id);
      if (declared.type === AST_NODE_TYPES.VariableDeclaration) return declared.declarations.some((declarator) => isStep(declarator.id));
      if (declared.type === AST_NODE_TYPES.ClassDeclaration || declared.type === AST_NODE_TYPES.ClassExpression) {
        return declared.body.body.some((member) => member.type === AST_NODE_TYPES.MethodDefinition && !member.computed && isStep(member.key));
      }
      if (declared.type === AST_NODE_TYPES.ObjectExpression) {
        return declared.properties.some((property) => property.type === AST_NODE_TYPES.Property && !property.computed && isStep(property.key));
      }
      // `exports.up = ...`, `module.exports = { up, down }`, `module.exports.up = ...`.
      if (declared.type === AST_NODE_TYPES.ExpressionStatement && declared.expression.type === AST_NODE_TYPES.AssignmentExpression) {
        const { left, right } = declared.expression;
        if (left.type === AST_NODE_TYPES.MemberExpression && !left.computed && isStep(left.property)) return true;
        if (right.type === AST_NODE_TYPES.ObjectExpression) {
          return right.properties.some((property) => property.type === AST_NODE_TYPES.Property && !property.computed && isStep(property.key));
        }
      }
      return false;
    });
  }

  /**
   * True when the file is a one-shot program its package's maintainers run (a release, a
   * code-generation or a clean-up script): it lies in the package's `scripts/` folder or in a
   * maintainer's tool folder right below its root (`MAINTAINER_TOOL_FOLDERS`: `devtools/`,
   * `tools/`), with script evidence (`script()`; not a `bin` target), it exports nothing
   * (no other module loads it) or runs its own work only as the main module (`require.main ===
   * module`, `import.meta.main`: a script that lends its steps to the folder's other scripts), starts no server (imports no server framework, calls no
   * `createServer(...)` nor `.listen(...)`: a development server kept there runs for a while) and
   * is no test code. A rejection nobody handles ends such a program with the error
   * printed and a non-zero exit code, which is how it should fail.
   */
  isMaintainerScript(): boolean {
    this.maintainerScript ??= this.findMaintainerScript();
    return this.maintainerScript;
  }

  /** `isMaintainerScript`, read once per file (a rule asks it for every drop). */
  private maintainerScript: boolean | undefined;

  private findMaintainerScript(): boolean {
    // Any script evidence but a `bin` target (a command published to users): a package that is a
    // command-line tool keeps its release scripts in `scripts/` too.
    const script = this.script();
    if (script === null || script === 'bin' || !path.isAbsolute(this.filename)) return false;
    const info = nearestPackage(this.filename);
    if (!info) return false;
    const first = path.relative(info.dir, this.filename).split(/[\\/]/)[0] ?? '';
    if (first !== 'scripts' && !MAINTAINER_TOOL_FOLDERS.has(first)) return false;
    if ((!this.exportsNothing() && !RUNS_AS_MAIN.test(this.sourceCode.text)) || this.isTestCode()) return false;
    // Its own server, by the file alone (the package's dependencies are the application's).
    return ![...this.modules()].some((module) => SERVER_FRAMEWORK_PACKAGES.has(module)) && !/\bcreate(?:Secure)?Server\s*\(|\.listen\s*\(/.test(this.sourceCode.text);
  }

  /** Why this file is a one-shot program, or null (see `ScriptEvidence`). */
  script(): ScriptEvidence | null {
    if (this.scriptEvidence !== undefined) return this.scriptEvidence;
    this.scriptEvidence = this.findScriptEvidence();
    return this.scriptEvidence;
  }

  /**
   * True when the file is the code of a `worker_threads` worker: it imports `worker_threads`,
   * mentions `parentPort` or `workerData`, and neither `isMainThread` nor `new Worker` (a file that
   * does is, or may be, the main thread too).
   */
  isWorkerFile(): boolean {
    if (this.workerFile !== undefined) return this.workerFile;
    const text = this.sourceCode.text;
    this.workerFile =
      this.modules().has('worker_threads') &&
      /\b(?:parentPort|workerData)\b/.test(text) &&
      !/\bisMainThread\b/.test(text) &&
      !/\bnew\s+Worker\b/.test(text);
    return this.workerFile;
  }

  /**
   * True when the file is a module that a worker pool loads into each of its workers and calls by
   * exported name, one task at a time per worker: its name says so (`worker.ts`, `testWorker.ts`,
   * `hash.worker.js`, see `WORKER_MODULE_NAME`), and it imports no `worker_threads` (see
   * `isWorkerFile` for those), no queue library whose workers run several jobs at once
   * (`CONCURRENT_QUEUE_MODULES`), and creates no `new Worker` itself (the pool's side).
   */
  isWorkerModule(): boolean {
    if (this.workerModule !== undefined) return this.workerModule;
    const name = path.basename(this.filename).replace(/\.[^.]*$/, '');
    const modules = this.modules();
    this.workerModule =
      WORKER_MODULE_NAME.test(name) &&
      !modules.has('worker_threads') &&
      ![...modules].some((module) => CONCURRENT_QUEUE_MODULES.has(module)) &&
      !/\bnew\s+Worker\b/.test(this.sourceCode.text);
    return this.workerModule;
  }

  /**
   * The synchronous twin of `fn`, or null: when `fn` is named `xAsync`, a function `x` that is
   * neither async nor a generator, declared beside it: a method (or arrow-valued field) of the
   * same class with the same `static`-ness, or a function declared (or a `const` bound to a
   * function) in the same statement list. The file offers one API both ways (`transform` and
   * `transformAsync`), the async one for callers that must await something else.
   */
  syncTwinOf(fn: FunctionNode): FunctionNode | null {
    const name = functionNameOf(fn) ?? '';
    if (!name.endsWith('Async') || name.length === 'Async'.length) return null;
    const twinName = name.slice(0, -'Async'.length);
    const isTwin = (candidate: TSESTree.Node | null | undefined): candidate is FunctionNode =>
      !!candidate && isFunctionNode(candidate) && !candidate.async && !candidate.generator;
    const member = valueSite(fn).parent;
    if (member?.type === AST_NODE_TYPES.MethodDefinition || member?.type === AST_NODE_TYPES.PropertyDefinition) {
      for (const element of member.parent.body) {
        if (
          (element.type === AST_NODE_TYPES.MethodDefinition || element.type === AST_NODE_TYPES.PropertyDefinition) &&
          element.static === member.static &&
          !element.computed &&
          element.key.type === AST_NODE_TYPES.Identifier &&
          element.key.name === twinName &&
          isTwin(element.value)
        ) {
          return element.value;
        }
      }
      return null;
    }
    // a function of a statement list: the list that holds its declaration (through an `export`)
    let statement: TSESTree.Node = fn.type === AST_NODE_TYPES.FunctionDeclaration ? fn : (member?.parent ?? fn);
    if (statement.parent?.type === AST_NODE_TYPES.ExportNamedDeclaration) statement = statement.parent;
    const list = statement.parent;
    if (list?.type !== AST_NODE_TYPES.Program && list?.type !== AST_NODE_TYPES.BlockStatement) return null;
    for (const candidate of list.body) {
      const declaration = candidate.type === AST_NODE_TYPES.ExportNamedDeclaration ? candidate.declaration : candidate;
      if (declaration?.type === AST_NODE_TYPES.FunctionDeclaration && declaration.id?.name === twinName && isTwin(declaration)) return declaration;
      if (declaration?.type === AST_NODE_TYPES.VariableDeclaration && declaration.kind === 'const') {
        for (const declarator of declaration.declarations) {
          const init = declarator.init ? skipTransparent(declarator.init) : null;
          if (declarator.id.type === AST_NODE_TYPES.Identifier && declarator.id.name === twinName && isTwin(init)) return init;
        }
      }
    }
    return null;
  }

  /**
   * True when `fn` is the async twin of a synchronous function (see `syncTwinOf`) and the call at
   * `node` (a call, or the name a call invokes: `helper` in `helper()` or `this.helper()`) is one
   * the twin makes too, by the same callee (`readCacheFile(...)`, `this.buildResult(...)`,
   * `fs.readFileSync(...)`): a step both variants share. Keeping it synchronous in the async
   * variant is a choice the API makes once; changing it means a second, asynchronous copy of the
   * shared helper.
   */
  sharesStepWithSyncTwin(fn: FunctionNode, node: TSESTree.Node): boolean {
    const twin = this.syncTwinOf(fn);
    if (!twin) return false;
    let callee: TSESTree.Node = node.type === AST_NODE_TYPES.CallExpression ? node.callee : node;
    if (callee.parent?.type === AST_NODE_TYPES.MemberExpression && callee.parent.property === callee) callee = callee.parent;
    let callees = this.twinCallees.get(twin);
    if (!callees) {
      const found = new Set<string>();
      const visit = (current: TSESTree.Node): void => {
        if (current.type === AST_NODE_TYPES.CallExpression) found.add(compactText(current.callee, this.sourceCode));
        forEachChild(current, this.sourceCode.visitorKeys, visit);
      };
      visit(twin.body);
      callees = found;
      this.twinCallees.set(twin, callees);
    }
    return callees.has(compactText(callee, this.sourceCode));
  }

  /**
   * True when `fn`'s own code (not a callback it defines) creates a server right after `node` on
   * the same path (`https.createServer(tlsOptions, app)`, `http2.createSecureServer(...)`: a
   * factory of `SERVER_FACTORIES` of an imported `SERVER_MODULES` module): the factory call holds
   * `node` (its own arguments run before the server exists), or its statement follows, in the same
   * statement list, a statement that holds `node` and whose path through `node` goes on (no
   * `return` or `throw` there holds `node` or follows it, outside a `catch` that does not hold it,
   * see `leavesAfter`). `fn` then starts that server, and `node` runs before it exists, while nothing of it serves yet (the TLS key and certificate read for it,
   * once). A call after the server is created, in its request listener, or in a branch that
   * creates none (`if (msg.type === 'read') ...` beside `if (msg.type === 'serve') ...`) runs
   * while a server serves.
   */
  startsServerAfter(node: TSESTree.Node, fn: FunctionNode): boolean {
    return this.serverFactoryCalls(fn).some((call) => {
      if (call === node) return false;
      if (call.range[0] <= node.range[0] && node.range[1] <= call.range[1]) return true;
      // the statement that holds the call must itself be an item of a list (not the sole
      // statement of an `if` without braces, which runs in that branch only)
      let statement: TSESTree.Node = call;
      while (statement.parent && !isStatementNode(statement) && !isFunctionNode(statement)) statement = statement.parent;
      const list = statementListOf(statement);
      if (!list) return false;
      const index = list.indexOf(statement as TSESTree.Statement);
      return list.slice(0, index).some((earlier) => earlier.range[0] <= node.range[0] && node.range[1] <= earlier.range[1] && !leavesAfter(earlier, node, this.sourceCode.visitorKeys));
    });
  }

  /**
   * True when the file's package is a server or the file creates one: the package depends on a
   * server framework (`SERVER_FRAMEWORK_PACKAGES`), the file imports one, or it calls a factory of
   * `SERVER_FACTORIES` of an imported `SERVER_MODULES` module (`http.createServer(...)`).
   */
  private servesRequests(): boolean {
    if (this.serverFile !== undefined) return this.serverFile;
    const installed = path.isAbsolute(this.filename) ? [...(nearestPackage(this.filename)?.installedWith ?? [])] : [];
    let serves = installed.some((dependency) => SERVER_FRAMEWORK_PACKAGES.has(dependency)) || [...this.modules()].some((module) => SERVER_FRAMEWORK_PACKAGES.has(module));
    for (const match of serves ? [] : this.sourceCode.text.matchAll(/\bcreate(?:Secure)?Server\b/g)) {
      const name = this.sourceCode.getNodeByRangeIndex(match.index);
      const callee = name?.parent?.type === AST_NODE_TYPES.MemberExpression && name.parent.property === name ? name.parent : name;
      if (callee?.parent?.type !== AST_NODE_TYPES.CallExpression || callee.parent.callee !== callee) continue;
      if (this.isServerFactoryCall(callee.parent)) {
        serves = true;
        break;
      }
    }
    this.serverFile = serves;
    return serves;
  }

  /** The server factory calls of `fn`'s own code (see `startsServerAfter`), once per function. */
  private serverFactoryCalls(fn: FunctionNode): readonly TSESTree.CallExpression[] {
    const known = this.factoryCalls.get(fn);
    if (known) return known;
    const calls: TSESTree.CallExpression[] = [];
    if (fn.body !== null && /\bcreate(?:Secure)?Server\b/.test(this.sourceCode.getText(fn.body))) {
      someNodeInSameFunction(fn.body, this.sourceCode.visitorKeys, (candidate) => {
        if (candidate.type === AST_NODE_TYPES.CallExpression && this.isServerFactoryCall(candidate)) calls.push(candidate);
        return false;
      });
    }
    this.factoryCalls.set(fn, calls);
    return calls;
  }

  /** `http.createServer(...)`, `createSecureServer(...)`: a factory of `SERVER_FACTORIES` of an imported `SERVER_MODULES` module. */
  private isServerFactoryCall(call: TSESTree.CallExpression): boolean {
    const callee = skipTransparent(call.callee);
    const name = callee.type === AST_NODE_TYPES.Identifier ? callee.name : callee.type === AST_NODE_TYPES.MemberExpression ? staticMemberName(callee) : null;
    const root = name !== null && SERVER_FACTORIES.has(name) ? this.rootImport(callee) : null;
    return root !== null && SERVER_MODULES.has(root.module);
  }

  /**
   * True when `node` lies in one branch of an `if`/`else` (or `?:`) of `fn` whose other branch
   * writes to the terminal (`process.stdout.write(...)`, `process.stderr.write(...)`,
   * `console.log(...)`, `console.info(...)`): the program's output goes to a file or to the
   * terminal, as a command-line tool's result does (`if (outputFile) writeFileSync(outputFile,
   * json); else process.stdout.write(json);`). It runs once, at the end of the run.
   */
  isTerminalOutputAlternative(node: TSESTree.Node, fn: FunctionNode): boolean {
    let child: TSESTree.Node = node;
    for (let parent = node.parent; parent && parent !== fn; child = parent, parent = parent.parent) {
      if (parent.type !== AST_NODE_TYPES.IfStatement && parent.type !== AST_NODE_TYPES.ConditionalExpression) continue;
      const other = parent.consequent === child ? parent.alternate : parent.alternate === child ? parent.consequent : null;
      if (other && TERMINAL_WRITE.test(this.sourceCode.getText(other))) return true;
    }
    return false;
  }

  /**
   * True when the nearest `package.json` above the file depends on a desktop-app shell
   * (`DESKTOP_APP_PACKAGES`), or is a plugin of its host app (`PackageInfo.hostPlugin`) nested in
   * the folder of a package that does (an Electron app's internal packages).
   */
  inDesktopApp(): boolean {
    if (!path.isAbsolute(this.filename)) return false;
    const info = nearestPackage(this.filename);
    if (!info?.hostPlugin || info.desktopApp) return info?.desktopApp === true;
    return nearestPackage(info.dir)?.desktopApp === true;
  }

  /**
   * True when the program the file belongs to (`programRootOf`) is an Electron app by its package
   * (`PackageInfo.electronApp`: a packager or a product name, and a `main` script), not merely a
   * package that depends on Electron (a library tested against it, which runs in its callers').
   */
  inElectronAppPackage(): boolean {
    return path.isAbsolute(this.filename) && programRootOf(this.filename)?.electronApp === true;
  }

  /**
   * True when the nearest `package.json` above the file is an editor extension's (`engines.vscode`):
   * the file runs in VS Code's extension host, where a dropped promise's rejection is caught and
   * logged by the host (no process ends), and commands and event handlers that start async work
   * without waiting are the ordinary shape of the code, as in browser UI code.
   */
  inEditorExtension(): boolean {
    return path.isAbsolute(this.filename) && nearestPackage(this.filename)?.editorExtension === true;
  }

  /**
   * True when a module loaded at run time by this specifier (`await import('got')`) is always there:
   * a Node built-in (`fs`, `node:fs`), or a package (`got`, `@scope/name/sub`) that the nearest
   * `package.json` above the file lists under `dependencies`, installed wherever the package is.
   * Such a load rejects only in a broken installation, not the lost failure a dropped promise
   * stands for. A relative module (its top-level code may throw), a dev, optional or peer dependency
   * (it may be missing), any package not declared, and any package loaded from UI code (`runsInUi`:
   * the bundler splits what `import()` loads into a chunk the browser fetches when the call runs,
   * and a failed fetch rejects): false.
   */
  alwaysLoads(specifier: string): boolean {
    if (specifier.startsWith('node:')) return BUILTIN_MODULES.has(specifier.slice('node:'.length));
    if (BUILTIN_MODULES.has(specifier)) return true;
    if (specifier.startsWith('.') || specifier.startsWith('/') || !path.isAbsolute(this.filename) || this.runsInUi()) return false;
    const name = packageNameOf(specifier);
    return name !== '' && nearestPackage(this.filename)?.installedWith.has(name) === true;
  }

  /**
   * True when the nearest `package.json` above the file lists the package `name` among its
   * `dependencies`, `devDependencies` or `optionalDependencies` (`nuxt`, whose build auto-imports
   * Vue's functions into the application's modules): what the project builds with. Whether the
   * package is there at run time (`dependencies` only) is `alwaysLoads`' and `rendersInTerminal`'s
   * question (`PackageInfo.installedWith`).
   */
  listsDependency(name: string): boolean {
    const info = path.isAbsolute(this.filename) ? nearestPackage(this.filename) : null;
    return info?.dependencies.includes(name) ?? false;
  }

  /**
   * True when the nearest `package.json` above the file installs Ink (`ink` under its
   * `dependencies`): React components that a Node process renders to a terminal, where an
   * unhandled rejection ends the process rather than adding a line to a page's console.
   * `runsInUi` still counts their JSX and React imports (what a dropped promise costs there is
   * the same); a rule that excuses a callback because a page logs its rejection asks this too.
   */
  rendersInTerminal(): boolean {
    const info = path.isAbsolute(this.filename) ? nearestPackage(this.filename) : null;
    return info?.installedWith.has('ink') ?? false;
  }

  /**
   * The build tool whose plugin package the file belongs to (`PackageInfo.buildToolPlugin`), or
   * null; also null for a module the package exports under a subpath of its own
   * (`PackageInfo.subpathEntries`: `vite-plugin-ssr/server`), a runtime that applications import
   * and run per request, not the plugin's build-time code.
   */
  buildToolPlugin(): string | null {
    const info = path.isAbsolute(this.filename) ? nearestPackage(this.filename) : null;
    if (!info?.buildToolPlugin || info.subpathEntries.some((entry) => isBinTarget(this.filename, entry, info.dir))) return null;
    return info.buildToolPlugin;
  }

  /** True when the nearest `package.json` above the file names a configuration package (`CONFIG_PACKAGE_NAME`). */
  inConfigPackage(): boolean {
    const name = path.isAbsolute(this.filename) ? nearestPackage(this.filename)?.name : null;
    return typeof name === 'string' && CONFIG_PACKAGE_NAME.test(name);
  }

  /**
   * True when the file is test code, by its name or place or by what it imports:
   * - named as a test (`TEST_FILE_NAME`: `orders.test.ts`, `user.spec.js`);
   * - below a folder of tests (`TEST_FOLDERS`: `__tests__/`, `__mocks__/`; not a plain `tests/`) or of test helpers
   *   (`TEST_SUPPORT_FOLDER`: `test-utils/`, `e2e-utils/`) of its package (the folders below the
   *   nearest `package.json`, or the whole path when there is none or it is relative), unless it
   *   lies in a fixture folder inside it (`FIXTURE_FOLDERS`: a sample project stands for the
   *   application under test);
   * - below a plain folder of tests (`PLAIN_TEST_FOLDERS`: `test/`, `spec/`), outside a fixture folder,
   *   when its name says so in that folder's conventions (`TEST_FOLDER_FILE_NAME`: `query-tests.js`,
   *   `login_test.js`, `test-utils.ts`) or it registers tests at any depth (`TEST_REGISTRATION_CALL`:
   *   `describe('...'`, `suite.test('...'`);
   * - importing a test runner, assertion or mocking library (`TEST_FRAMEWORK_MODULES`), or calling
   *   a global `describe`/`it`/`test` at its top level.
   */
  isTestCode(): boolean {
    if (this.testCode !== undefined) return this.testCode;
    this.testCode = this.findTestEvidence();
    return this.testCode;
  }

  private findTestEvidence(): boolean {
    if (TEST_FILE_NAME.test(path.basename(this.filename))) return true;
    // Every piece of evidence is enough by itself: the file's own imports and top-level calls are
    // read first, and the package's manifest only when they say nothing and a folder of the path
    // may be one of tests.
    if (this.importsOrCallsTestFramework()) return true;
    if (!this.pathMayNameTestFolder()) return false;
    const info = path.isAbsolute(this.filename) ? nearestPackage(this.filename) : null;
    const base = info?.dir ?? (path.isAbsolute(this.filename) ? path.parse(this.filename).root : '');
    const folders = path.relative(base, path.dirname(this.filename)).split(/[\\/]/);
    const testFolder = folders.findIndex((folder) => TEST_FOLDERS.has(folder) || TEST_SUPPORT_FOLDER.test(folder));
    if (testFolder !== -1 && !folders.slice(testFolder + 1).some((folder) => FIXTURE_FOLDERS.has(folder))) return true;
    // A plain test folder (`test/`, `tests/`, `spec/`) holds labelled samples, benchmarks and example
    // servers too: there the file must say it is a test by its name or by registering tests.
    const plainFolder = folders.findIndex((folder) => PLAIN_TEST_FOLDERS.has(folder));
    if (
      plainFolder !== -1 &&
      !folders.slice(plainFolder + 1).some((folder) => FIXTURE_FOLDERS.has(folder)) &&
      (TEST_FOLDER_FILE_NAME.test(path.basename(this.filename)) || TEST_REGISTRATION_CALL.test(this.sourceCode.text))
    ) {
      return true;
    }
    return false;
  }

  /**
   * False when no folder of the file's absolute path is a folder of tests, of test helpers or a
   * plain test folder: the folders below its package (which `findTestEvidence` reads after
   * finding the package's `package.json`) are some of those, so none of them is either, and the
   * manifest need not be looked for. True (look) for a relative path.
   */
  private pathMayNameTestFolder(): boolean {
    if (!path.isAbsolute(this.filename)) return true;
    return path
      .dirname(this.filename)
      .split(/[\\/]/)
      .some((folder) => TEST_FOLDERS.has(folder) || TEST_SUPPORT_FOLDER.test(folder) || PLAIN_TEST_FOLDERS.has(folder));
  }

  /** Imports a test runner, assertion or mocking library, or calls a global `describe`/`it`/`test` at its top level. */
  private importsOrCallsTestFramework(): boolean {
    for (const module of this.modules()) if (TEST_FRAMEWORK_MODULES.has(module)) return true;
    return this.sourceCode.ast.body.some((statement) => {
      if (statement.type !== AST_NODE_TYPES.ExpressionStatement || statement.expression.type !== AST_NODE_TYPES.CallExpression) return false;
      const callee = statement.expression.callee;
      return (
        callee.type === AST_NODE_TYPES.Identifier &&
        (callee.name === 'describe' || callee.name === 'it' || callee.name === 'test') &&
        !variableOfIdentifier(this.sourceCode, callee)?.defs.length
      );
    });
  }

  private findScriptEvidence(): ScriptEvidence | null {
    if (this.sourceCode.text.startsWith('#!')) return 'shebang';
    if (path.isAbsolute(this.filename)) {
      const info = nearestPackage(this.filename);
      if (info) {
        if (info.bins.some((target) => isBinTarget(this.filename, target, info.dir))) return 'bin';
        if (info.cliOnly) return 'cli-package';
        // the package's own folder counts too: a package kept in `commands/` is a CLI's commands
        const folders = [path.basename(info.dir), ...path.relative(info.dir, path.dirname(this.filename)).split(path.sep)];
        if (folders.some((folder) => SCRIPT_FOLDERS.has(folder))) return 'script-folder';
        // a maintainer's tool right below the package root (`devtools/bump.ts`), run by itself
        if (MAINTAINER_TOOL_FOLDERS.has(folders[1] ?? '') && this.exportsNothing()) return 'script-folder';
      } else if (path.isAbsolute(this.cwd) && path.parse(this.cwd).root !== this.cwd) {
        // No manifest above the file (kept in another folder and copied into place at install):
        // its folders below the lint root say what it is (not when the root is the file system's).
        const relative = path.relative(this.cwd, path.dirname(this.filename));
        const inside = relative === '' || (!relative.startsWith('..') && !path.isAbsolute(relative));
        if (inside && relative.split(path.sep).some((folder) => SCRIPT_FOLDERS.has(folder))) return 'script-folder';
      }
    }
    for (const module of this.modules()) if (SCRIPT_ONLY_MODULES.has(module)) return 'script-import';
    if (this.startsMain()) return 'starts-main';
    if (this.definesCommandPlugin()) return 'cli-plugin';
    return path.isAbsolute(this.filename) && (nearestPackage(this.filename)?.bins.length ?? 0) > 0 ? 'bin-package' : null;
  }

  /** True when a top-level statement (or one in a top-level `if`) starts an async function of the file. */
  private startsMain(): boolean {
    const statements: TSESTree.Node[] = [...this.sourceCode.ast.body];
    for (const statement of this.sourceCode.ast.body) {
      if (statement.type !== AST_NODE_TYPES.IfStatement) continue;
      const consequent = statement.consequent;
      statements.push(...(consequent.type === AST_NODE_TYPES.BlockStatement ? consequent.body : [consequent]));
    }
    return statements.some((statement) => {
      if (statement.type !== AST_NODE_TYPES.ExpressionStatement) return false;
      let expression = skipTransparent(statement.expression);
      for (;;) {
        if (expression.type === AST_NODE_TYPES.UnaryExpression || expression.type === AST_NODE_TYPES.AwaitExpression) {
          expression = skipTransparent(expression.argument);
        } else if (
          expression.type === AST_NODE_TYPES.CallExpression &&
          expression.callee.type === AST_NODE_TYPES.MemberExpression &&
          PROMISE_CHAIN_METHODS.has(staticMemberName(expression.callee) ?? '')
        ) {
          expression = skipTransparent(expression.callee.object);
        } else {
          break;
        }
      }
      if (expression.type !== AST_NODE_TYPES.CallExpression) return false;
      const callee = skipTransparent(expression.callee);
      if (callee.type === AST_NODE_TYPES.ArrowFunctionExpression || callee.type === AST_NODE_TYPES.FunctionExpression) return callee.async;
      if (callee.type !== AST_NODE_TYPES.Identifier) return false;
      const definition = variableOfIdentifier(this.sourceCode, callee)?.defs[0];
      if (definition?.node.type === AST_NODE_TYPES.FunctionDeclaration) return definition.node.async;
      const init = definition?.node.type === AST_NODE_TYPES.VariableDeclarator && definition.node.init ? skipTransparent(definition.node.init) : null;
      return (init?.type === AST_NODE_TYPES.ArrowFunctionExpression || init?.type === AST_NODE_TYPES.FunctionExpression) && init.async;
    });
  }

  /**
   * True when a rejection at the file's top level ends a program that wants it to (the error is
   * printed and the process fails): a script by its path (`SCRIPT_FILE_PATH`: `bin/`, `scripts/`,
   * `examples/`, `bench/`, `cli.*`, ...) or by `script()` evidence (a shebang, a `bin` target, a
   * CLI-only package, a script folder, a CLI library imported), and a program's entry module that
   * starts its own async function at the top level: `isProgramEntry` (a server's `main.ts`
   * starting `bootstrap()`), a one-shot task's program (`isOneShotTask`: `prisma/seed.ts`), any `main.*` module, or one of a package with a `bin` (the tool's
   * entry). Not any other module that starts an async function of its own at the top level
   * (`starts-main`): a start on import is what a floating-promise rule may report; nor a library
   * module of a package that also has a `bin` (`bin-package`).
   */
  topLevelRejectionEndsProgram(): boolean {
    const filename = this.filename.replace(/\\/g, '/');
    if (SCRIPT_FILE_PATH.test(filename)) return true;
    const script = this.script();
    if (script === 'starts-main') return this.isProgramEntry() || this.isOneShotTask() || this.inPackageWithBin() || MAIN_MODULE_PATH.test(filename);
    // A command-line plugin's module is loaded by the tool, not run as a program of its own.
    return script !== null && script !== 'bin-package' && script !== 'cli-plugin';
  }

  /**
   * True when the file is the entry module a start script of its package runs: named like an entry
   * (`ENTRY_FILE_NAMES`: `index`, `main`, `server`, ...), named by a start script of the nearest
   * `package.json` (`"start": "node dist/index.js"` for `src/index.ts`, see
   * `PackageInfo.startScriptFiles`; not its `main` alone, which other programs may load), and
   * exporting nothing (nothing imports it for a value). Its top-level start (which one, the rule
   * decides) then ends the program when it fails, as `isProgramEntry`'s does, whatever it calls.
   * Not in a program that serves requests (`servesRequests`: work it starts at the top level may
   * run in the background of a live server), a desktop app (Electron logs a rejection of its main
   * process and goes on) nor UI code.
   */
  isStartedModule(): boolean {
    if (!path.isAbsolute(this.filename) || !ENTRY_FILE_NAMES.has(path.basename(this.filename).replace(/\.[^.]*$/, ''))) return false;
    const info = nearestPackage(this.filename);
    if (!info || info.desktopApp || info.electronApp) return false;
    return info.startScriptFiles.some((target) => isBinTarget(this.filename, target, info.dir)) && this.exportsNothing() && !this.servesRequests() && !this.runsInUi();
  }

  /**
   * True when the nearest `package.json` above the file says its data lives in one local SQLite
   * database (`PackageInfo.sqliteOnly`): its queries run one at a time on that connection.
   */
  storesInOneSqliteDatabase(): boolean {
    if (!path.isAbsolute(this.filename)) return false;
    const info = nearestPackage(this.filename);
    return info !== null && (info.sqliteOnly || storesThroughSqliteWorkspacePackage(info));
  }

  /**
   * True when the package keeps its data in one local SQLite database
   * (`storesInOneSqliteDatabase`) and none of `calls` leaves it: none reaches the network
   * (`fetch(url)`, a root of `NETWORK_CALL_ROOTS`) or a client of another npm package
   * (`callsAnotherPackage`). Such calls queue on that one connection, so gathering them overlaps
   * nothing.
   */
  onlyQueriesTheSqliteDatabase(calls: readonly (TSESTree.CallExpression | TSESTree.NewExpression)[]): boolean {
    return this.storesInOneSqliteDatabase() && !calls.some((call) => NETWORK_CALL_ROOTS.has(callChainRoot(call) ?? '') || this.callsAnotherPackage(call));
  }

  /**
   * True when `call`'s chain (`stripe.invoices.list(...)`) starts at a client of another npm
   * package: a binding imported from it, or a module-level `const` made from such an import
   * (`const stripe = new Stripe(key)`, `const ai = createClient(url)`). Another package is one named
   * by a bare package specifier that is not a member of the file's workspace, a Node built-in, an
   * SQLite driver (`SQLITE_DRIVER_PACKAGES`) or a query builder (`RECORD_CLIENT_PACKAGES`): a
   * payments, mail or AI SDK whose calls go to its service, not to the package's SQLite database.
   */
  callsAnotherPackage(call: TSESTree.CallExpression | TSESTree.NewExpression): boolean {
    if (!path.isAbsolute(this.filename)) return false;
    let root = calleeChainRoot(call.callee);
    // One step through a module-level client made from an import: `new Stripe(key)`, `createClient(url)`.
    for (let step = 0; root !== null && step < 2; step += 1) {
      const variable = variableOfIdentifier(this.sourceCode, root);
      if (!variable) return false;
      const source = getImportSource(variable);
      if (source) return this.isAnotherPackage(source.module);
      const def = variable.defs.length === 1 ? variable.defs[0] : undefined;
      if (def?.type !== 'Variable' || def.parent.kind !== 'const' || variable.scope.type !== 'module' || !def.node.init) return false;
      const init = skipTransparent(def.node.init);
      root = init.type === AST_NODE_TYPES.NewExpression || init.type === AST_NODE_TYPES.CallExpression ? calleeChainRoot(init.callee) : null;
    }
    return false;
  }

  private isAnotherPackage(specifier: string): boolean {
    if (!NPM_PACKAGE_SPECIFIER.test(specifier) || specifier.startsWith('node:')) return false;
    const name = packageNameOf(specifier);
    if (builtinModules.includes(name) || SQLITE_DRIVER_PACKAGES.has(name) || RECORD_CLIENT_PACKAGES.has(name)) return false;
    return workspacePackageDir(path.dirname(this.filename), name) === null;
  }

  /**
   * True when the nearest `package.json` above the file says its cache lives in the process
   * (`PackageInfo.inProcessCacheOnly`: node-cache, and no Redis or Memcached client): a `get` on
   * its cache answers from memory.
   */
  cachesInProcess(): boolean {
    return path.isAbsolute(this.filename) && (nearestPackage(this.filename)?.inProcessCacheOnly ?? false);
  }

  /**
   * True when the nearest `package.json` above the file lists, under `dependencies`, a client
   * whose managers answer `fetch(id)` from their cache first (`CACHE_FIRST_CLIENT_PACKAGES`:
   * discord.js).
   */
  usesCacheFirstClient(): boolean {
    if (!path.isAbsolute(this.filename)) return false;
    const installed = nearestPackage(this.filename)?.installedWith;
    return installed !== undefined && [...CACHE_FIRST_CLIENT_PACKAGES].some((name) => installed.has(name));
  }

  /** True when the nearest `package.json` above the file has a `bin`: the package is (also) a command-line tool. */
  inPackageWithBin(): boolean {
    return path.isAbsolute(this.filename) && (nearestPackage(this.filename)?.bins.length ?? 0) > 0;
  }

  /**
   * True when the file runs in an Electron app's main process: at its top level it imports (or
   * destructures from `require('electron')`) an export that exists only there
   * (`ELECTRON_MAIN_PROCESS_APIS`: `app`, `BrowserWindow`, `Menu`, `ipcMain`, `dialog`, ...; not a
   * type-only import). Electron logs an unhandled rejection of that process as a warning and the
   * app goes on. Answered from the file's top-level statements, once per file.
   */
  runsInElectronMain(): boolean {
    return [...this.electronNames()].some((name) => ELECTRON_MAIN_PROCESS_APIS.has(name));
  }

  /**
   * True when the file runs in a window of an Electron app (its page or its preload script): at its
   * top level it imports an export of `electron` that exists only there
   * (`ELECTRON_RENDERER_PROCESS_APIS`: `ipcRenderer`, `webFrame`, `contextBridge`, `webUtils`) and
   * none that exists only in the main process (`runsInElectronMain`). A rejection nobody handles
   * there reaches the window's developer console, as in a browser page; no process ends.
   */
  runsInElectronRenderer(): boolean {
    const names = [...this.electronNames()];
    return names.some((name) => ELECTRON_RENDERER_PROCESS_APIS.has(name)) && !names.some((name) => ELECTRON_MAIN_PROCESS_APIS.has(name));
  }

  /**
   * The names the file's top-level statements import from `electron` as values (`import {
   * ipcRenderer } from 'electron'`, `const { app } = require('electron')`; not type-only imports),
   * read once per file.
   */
  private electronNames(): ReadonlySet<string> {
    if (this.electronImports !== undefined) return this.electronImports;
    const names = new Set<string>();
    const isElectronRequire = (init: TSESTree.Node | null): boolean => {
      const call = init ? skipTransparent(init) : null;
      return (
        call?.type === AST_NODE_TYPES.CallExpression &&
        call.callee.type === AST_NODE_TYPES.Identifier &&
        call.callee.name === 'require' &&
        call.arguments[0]?.type === AST_NODE_TYPES.Literal &&
        call.arguments[0].value === 'electron'
      );
    };
    for (const statement of this.sourceCode.ast.body) {
      if (statement.type === AST_NODE_TYPES.ImportDeclaration) {
        if (statement.source.value !== 'electron' || statement.importKind === 'type') continue;
        for (const specifier of statement.specifiers) {
          if (specifier.type !== AST_NODE_TYPES.ImportSpecifier || specifier.importKind === 'type') continue;
          names.add(specifier.imported.type === AST_NODE_TYPES.Identifier ? specifier.imported.name : specifier.imported.value);
        }
      } else if (statement.type === AST_NODE_TYPES.VariableDeclaration) {
        for (const declarator of statement.declarations) {
          if (declarator.id.type !== AST_NODE_TYPES.ObjectPattern || !isElectronRequire(declarator.init)) continue;
          for (const property of declarator.id.properties) {
            if (property.type === AST_NODE_TYPES.Property && !property.computed && property.key.type === AST_NODE_TYPES.Identifier) names.add(property.key.name);
          }
        }
      }
    }
    this.electronImports = names;
    return names;
  }

  /**
   * True when the file runs in a host that logs an unhandled rejection and goes on, outside UI code
   * (`runsInUi`, which a rule reads on its own): an editor extension (`inEditorExtension`), a browser
   * extension's scripts (`inBrowserExtension`), an Electron window's modules
   * (`runsInElectronRenderer`, or known from its package: `inElectronAppWindow`), an Electron app's main process: a module that imports its
   * main-process API (`runsInElectronMain`) or any other main-process module of an Electron app's
   * package (`inElectronAppMain`: a launcher's download or log module). A dropped promise there
   * costs a log line unless what it drops costs more (see `costsMoreThanHostLog`). The rules that
   * judge lost rejections by their host ask this one question. The cheap per-file readings are
   * asked first, the file system last.
   */
  hostLogsRejections(): boolean {
    return this.hostItselfLogsRejections() || this.underEntryThatLogsRejections();
  }

  /**
   * `hostLogsRejections` without the program's own policy (`underEntryThatLogsRejections`): the
   * host (an editor, a browser, Electron) logs a lost rejection whatever code runs there.
   */
  hostItselfLogsRejections(): boolean {
    return this.inEditorExtension() || this.runsInElectronRenderer() || this.runsInElectronMain() || this.inBrowserExtension() || this.electronAppCodeKind() !== null;
  }

  /**
   * `hostLogsRejections` for code run by `fn` (null: the module's top level): under the program's
   * own policy only (`underEntryThatLogsRejections`), not where `fn` serves a request or a job
   * (`ofFunction` gives `request-handler` or `queue-consumer` evidence): a drop there costs the
   * answer (the client is told the work is done before it ran, and never hears of its failure),
   * not a log line.
   */
  logsRejectionsFor(fn: FunctionNode | null): boolean {
    if (this.hostItselfLogsRejections()) return true;
    if (!this.underEntryThatLogsRejections()) return false;
    if (fn === null) return true;
    const where = this.ofFunction(fn);
    return !(where.kind === 'concurrent' && (where.evidence.kind === 'request-handler' || where.evidence.kind === 'queue-consumer'));
  }

  /**
   * True when the file is part of a program whose entry module installs a process-wide
   * `unhandledRejection` handler that logs the errors it recognises and goes on (see
   * `entryLogsRejections`: a bot that logs its chat API's errors and exits on unknown ones), and
   * the file is none of the code that runs outside that process: build tooling, a script
   * (`script()`: a shebang, a script folder), test code, a worker thread's module (a worker's
   * rejections go to its `Worker` object, not to the handler). The file system is read last, once
   * per package.
   */
  underEntryThatLogsRejections(): boolean {
    if (this.entryLogs !== undefined) return this.entryLogs;
    this.entryLogs = false;
    if (this.isToolConfig() || this.isTestCode() || this.isWorkerFile() || this.isWorkerModule()) return false;
    // A script of its own (a shebang, a `scripts/` folder) runs as another program; a command of
    // a command-line program (`commands/`, `cli/`) runs in that program, under its entry.
    if (this.script() === 'shebang') return false;
    this.entryLogs = entryLogsRejections(this.filename);
    return this.entryLogs;
  }

  /**
   * `underEntryThatLogsRejections` widened to the program's other modules (`programLogsRejections`):
   * the entry, or a module it loads, installs a process handler that logs and goes on; or, for a
   * file under no entry its package names, any module of the program does (a `main.ts` whose
   * launcher is not among the sources). The same code is excluded: build tooling, a shebang
   * script, test code, a worker thread's module; also a package that serves requests
   * (`servesRequests`: a server framework among its dependencies, or the file imports one or
   * creates a server) or consumes a job queue (`CONCURRENT_QUEUE_MODULES` among its
   * dependencies: bullmq, pg-boss, kafkajs), where a dropped step of a service helper that a route
   * or a job handler of another module awaits (`insertOrder(order)`) is lost to a client already
   * answered, or a job already marked done. Read once per file, the program's sources once per
   * package.
   */
  underProgramThatLogsRejections(): boolean {
    if (this.programLogs !== undefined) return this.programLogs;
    this.programLogs = false;
    if (this.isToolConfig() || this.isTestCode() || this.isWorkerFile() || this.isWorkerModule()) return false;
    if (this.script() === 'shebang' || this.servesRequests()) return false;
    const dependencies = path.isAbsolute(this.filename) ? (nearestPackage(this.filename)?.dependencies ?? []) : [];
    if (dependencies.some((dependency) => CONCURRENT_QUEUE_MODULES.has(dependency))) return false;
    this.programLogs = programLogsRejections(this.filename);
    return this.programLogs;
  }

  /**
   * True when the file is main-process code of an Electron app by its package, though it imports
   * nothing of Electron itself (a launcher's download, install or log module that its main script
   * imports): the package the file belongs to (`programRootOf`) is an Electron app
   * (`PackageInfo.electronApp`), and the file is none of the app's other kinds of code:
   * - a window's module (`runsInUi`, `runsInElectronRenderer`, `inElectronAppWindow`; their hosts
   *   log rejections too);
   * - a Node program that runs beside the main process (`SEPARATE_NODE_PROGRAM`: a forked child or
   *   utility process, a program with its own `unhandledRejection` handler; a `worker_threads`
   *   worker, `isWorkerFile`/`isWorkerModule`; a server built on a framework,
   *   `SERVER_FRAMEWORK_PACKAGES`);
   * - build tooling, scripts and tests (`isToolConfig`, `SCRIPT_FILE_PATH`, a shebang, a `bin`
   *   target or a script folder by `script()`, `isTestCode`, a file under one of the app's
   *   `NON_PROGRAM_FOLDERS` such as `e2e/`, a module that imports a browser automation package),
   *   which plain Node runs.
   * Electron runs its main process with unhandled rejections in warning mode: a lost rejection
   * there is a line in the log, and the app goes on. The manifest is read once per package
   * directory; the file's own readings are cheap and asked first.
   */
  inElectronAppMain(): boolean {
    return this.electronAppCodeKind() === 'main';
  }

  /**
   * True when the file is a window's module of an Electron app by its package, though it imports
   * nothing of `electron` itself (a page script that reaches the main process through an IPC
   * wrapper package): the package is an Electron app (`PackageInfo.electronApp`), the file is none
   * of the code that runs outside the app's processes (as for `inElectronAppMain`), nor a UI
   * framework's module (`runsInUi`, which the rules read on their own), and it reads a global
   * that only a page has (`readsPageGlobals`: `document`, `window`). Electron's main process has
   * no page globals, so such a module runs in a window, where a rejection nobody handles reaches
   * the window's developer console; no process ends. (A module of the app with no page global,
   * such as a preload script that imports an IPC wrapper's `ipcRenderer`, is read as main-process
   * code, whose host logs a lost rejection too.)
   */
  inElectronAppWindow(): boolean {
    return this.electronAppCodeKind() === 'window';
  }

  /** Which of an Electron app's processes runs the file, known from its package (see `inElectronAppMain`, `inElectronAppWindow`); read once per file. */
  private electronAppCodeKind(): 'main' | 'window' | null {
    if (this.electronAppCode !== undefined) return this.electronAppCode;
    this.electronAppCode = this.findElectronAppCode();
    return this.electronAppCode;
  }

  private findElectronAppCode(): 'main' | 'window' | null {
    if (!path.isAbsolute(this.filename)) return null;
    const root = programRootOf(this.filename);
    if (root?.electronApp !== true) return null;
    // An app that ships a server (a framework among its runtime dependencies) may run it as a
    // process of its own; so does a module kept in a `server/` folder.
    if ([...root.installedWith].some((dependency) => SERVER_FRAMEWORK_PACKAGES.has(dependency))) return null;
    const folders = path.relative(root.dir, this.filename).split(/[\\/]/).slice(0, -1);
    if (folders.includes('server')) return null;
    // The app's tests, examples and scripts (`NON_PROGRAM_FOLDERS`: an `e2e/` helper that hands the
    // page a function reading `window`) and a module that drives the app through a browser
    // automation package (`BROWSER_AUTOMATION_PACKAGES`: Playwright's `_electron`) run under Node.
    if (folders.some((folder) => NON_PROGRAM_FOLDERS.has(folder))) return null;
    if (SCRIPT_FILE_PATH.test(path.relative(root.dir, this.filename).replace(/\\/g, '/')) || SEPARATE_NODE_PROGRAM.test(this.sourceCode.text)) return null;
    if (this.isToolConfig() || this.isTestCode() || this.isWorkerFile() || this.isWorkerModule()) return null;
    const script = this.script();
    if (script === 'shebang' || script === 'bin' || script === 'script-folder' || script === 'cli-package') return null;
    for (const module of this.modules()) if (SERVER_FRAMEWORK_PACKAGES.has(module) || BROWSER_AUTOMATION_PACKAGES.has(packageOfSpecifier(module))) return null;
    if (this.runsInUi() || this.runsInElectronRenderer()) return null;
    // A module that imports the main process's API is judged by `runsInElectronMain`, whatever it reads.
    if (this.runsInElectronMain()) return 'main';
    return this.readsPageGlobals() ? 'window' : 'main';
  }

  /**
   * True when the file reads a global that only a page has (`PAGE_GLOBALS`: `window`, `document`,
   * `localStorage`, ...), as a global: not a variable of that name (`const window = new
   * BrowserWindow()` in a main-process module). Electron's main process has none of them, so such
   * a module runs in a window. Read from the scope analysis ESLint already did.
   */
  private readsPageGlobals(): boolean {
    const globalScope = this.sourceCode.scopeManager?.globalScope;
    if (!globalScope) return false;
    // A global the configuration declares is a variable without definitions that its references
    // resolve to; one it does not declare stays among the unresolved references.
    for (const name of PAGE_GLOBALS) {
      const variable = globalScope.set.get(name);
      if (variable && variable.defs.length === 0 && variable.references.length > 0) return true;
    }
    return globalScope.through.some((reference) => PAGE_GLOBALS.has(reference.identifier.name) && (globalScope.set.get(reference.identifier.name)?.defs.length ?? 0) === 0);
  }

  /**
   * True when the file is part of a browser extension: the nearest `package.json` above it (or the
   * next one out, for an extension kept in a workspace's member package) has a WebExtension
   * manifest (`manifest.json` with a key only an extension's manifest has, see
   * `browserExtensionFolders`), and the file lies in the folder that holds it (`src/` for
   * `src/manifest.json`; the whole package when the manifest sits at its root, in a static folder,
   * `STATIC_ASSET_FOLDERS`, that a bundler copies as it is, or in a folder of data files only,
   * `holdsCode`: a `manifest/` folder whose parts the build merges); or, whatever the manifest,
   * the file calls the extension API of the browser itself (`callsExtensionApi`: a content
   * script's `chrome.runtime.sendMessage(...)`). Not the package's build tooling: a tool's configuration (`isToolConfig`), a
   * script by its place or shebang (`script()`: `shebang`, `bin`, `script-folder`), test code; nor
   * Node code kept beside the extension (a native-messaging host, a companion server): a file that
   * imports a Node module no browser has (`NODE_ONLY_MODULES`: `fs`, `child_process`, `http`...),
   * a server framework (`SERVER_FRAMEWORK_PACKAGES`) or a package that drives a browser
   * (`BROWSER_AUTOMATION_PACKAGES`: puppeteer, playwright), or reads `process.stdin`.
   * Its background, content and popup scripts run in the browser, where a rejection nobody handles
   * reaches the extension's console; no process ends. Read from the file system once per package.
   */
  inBrowserExtension(): boolean {
    if (this.browserExtension !== undefined) return this.browserExtension;
    this.browserExtension = this.findBrowserExtension();
    return this.browserExtension;
  }

  private findBrowserExtension(): boolean {
    if (!path.isAbsolute(this.filename)) return false;
    const nearest = nearestPackage(this.filename);
    if (!nearest) return this.callsExtensionApi() && this.runsInBrowser();
    const within = (folder: string): boolean => {
      const relative = path.relative(folder, this.filename);
      return relative !== '' && !relative.startsWith('..') && !path.isAbsolute(relative);
    };
    // A manifest at the package's root or in its static folder speaks for the whole package;
    // one in a source folder (`src/manifest.json`) for that folder.
    // A folder of data files only (`manifest/`, the base manifest beside its per-browser parts) is
    // no source folder either.
    const sourceFolder = (folder: string, dir: string): string => (folder !== dir && (STATIC_ASSET_FOLDERS.has(path.basename(folder)) || !holdsCode(folder)) ? dir : folder);
    const outer = nearestPackage(nearest.dir);
    const inExtension =
      browserExtensionFolders(nearest.dir).some((folder) => within(sourceFolder(folder, nearest.dir))) ||
      // The next package out speaks only through a source folder of its own that holds this
      // package (a library vendored into `src/`), never for a sibling package beside its manifest.
      (outer !== null && browserExtensionFolders(outer.dir).some((folder) => sourceFolder(folder, outer.dir) !== outer.dir && within(folder)));
    return (inExtension || this.callsExtensionApi()) && this.runsInBrowser();
  }

  /**
   * True when the file calls a browser's extension API itself: it imports a package that stands
   * for it (`EXTENSION_API_MODULES`: `webextension-polyfill`), or reads a member of a namespace of
   * `EXTENSION_API_NAMESPACES` of the global `chrome` or `browser` (`EXTENSION_API_GLOBALS`; not a
   * variable of that name declared or imported in the file). Only an extension's scripts have that
   * API. Not a read inside a function handed to a driven page (`page.evaluate(() => ...)`, see
   * `insidePageEvaluatedFunction`), nor a web page's call to an extension it names by id
   * (`chrome.runtime.sendMessage(EXTENSION_ID, message)`, see `callsExtensionFromPage`). Read from
   * the scope analysis ESLint already did, after a word test of the text.
   */
  private callsExtensionApi(): boolean {
    for (const module of this.modules()) if (EXTENSION_API_MODULES.has(module)) return true;
    const text = this.sourceCode.text;
    if (!text.includes('chrome') && !text.includes('browser')) return false;
    const globalScope = this.sourceCode.scopeManager?.globalScope;
    if (!globalScope) return false;
    const readsNamespace = (identifier: TSESTree.Identifier | TSESTree.JSXIdentifier): boolean => {
      const parent = identifier.parent;
      if (parent.type !== AST_NODE_TYPES.MemberExpression || parent.object !== identifier) return false;
      const name = staticMemberName(parent);
      // `chrome.runtime.sendMessage`: a member of the namespace is read (not `browser.action(...)`,
      // a test driver's own method of that name).
      const outer = parent.parent;
      if (name === null || !EXTENSION_API_NAMESPACES.has(name) || outer.type !== AST_NODE_TYPES.MemberExpression || outer.object !== parent) return false;
      return !callsExtensionFromPage(name, outer) && !insidePageEvaluatedFunction(identifier);
    };
    for (const name of EXTENSION_API_GLOBALS) {
      const variable = globalScope.set.get(name);
      if (variable && variable.defs.length === 0 && variable.references.some((reference) => readsNamespace(reference.identifier))) return true;
    }
    return globalScope.through.some((reference) => EXTENSION_API_GLOBALS.has(reference.identifier.name) && (globalScope.set.get(reference.identifier.name)?.defs.length ?? 0) === 0 && readsNamespace(reference.identifier));
  }

  /**
   * For `inBrowserExtension`, a file of an extension's package: not its build tooling nor Node
   * code kept beside it (see there).
   */
  private runsInBrowser(): boolean {
    if (this.isToolConfig() || this.isTestCode()) return false;
    const script = this.script();
    if (script === 'shebang' || script === 'bin' || script === 'script-folder') return false;
    // Node code kept in the extension's package (a native-messaging host the browser starts, a
    // companion server): it loads a module no browser has, or serves requests, or reads stdin.
    // A program that drives a browser (a test or a check of the extension, `BROWSER_AUTOMATION_PACKAGES`) is Node code too.
    for (const module of this.modules()) {
      if (NODE_ONLY_MODULES.has(module) || SERVER_FRAMEWORK_PACKAGES.has(module) || BROWSER_AUTOMATION_PACKAGES.has(packageOfSpecifier(module))) return false;
    }
    return !/\bprocess\s*\.\s*stdin\b/.test(this.sourceCode.text);
  }

  /**
   * True when the file is part of a browser application's user interface: a `.tsx`/`.jsx` file
   * with JSX in it, a `.vue` or `.svelte` file, a `'use client'` module, a file that imports a UI framework
   * (`UI_FRAMEWORK_MODULES`: React, Vue, Svelte, Solid, Preact, Angular, Nuxt's auto-imports), or a
   * file in a UI folder of its package (`UI_FOLDERS`: `composables/`, `renderer/`, `components/`),
   * an AMD module (`define([...], function (...) { ... })`: only a browser's module loader runs
   * those), or a script of a static folder (`STATIC_ASSET_FOLDERS`: `public/`, `static/`) that works
   * on the page (`document.`, `window.`, jQuery's `$(`), and a classic script that works on the
   * page (`isClassicScript`: no module system at all), and a browser module of a web front end
   * (`isBrowserModuleOfWebApp`: a store or page helper that reads `window` or builds a `zustand`
   * store, in a Next.js app without a server of its own). A `'use server'` module (server actions) is not. There a dropped promise's rejection reaches
   * the browser console (no process ends), and an event handler or effect that starts an async
   * action without waiting is the ordinary shape of UI code.
   */
  runsInUi(): boolean {
    if (this.uiFile !== undefined) return this.uiFile;
    this.uiFile = this.findUiEvidence();
    return this.uiFile;
  }

  private findUiEvidence(): boolean {
    const directives = this.sourceCode.ast.body.flatMap((statement) =>
      statement.type === AST_NODE_TYPES.ExpressionStatement && typeof statement.directive === 'string' ? [statement.directive] : [],
    );
    if (directives.includes('use server')) return false;
    if (directives.includes('use client')) return true;
    const extension = path.extname(this.filename);
    // `.vue`/`.svelte` are components; a `.tsx`/`.jsx` file is one when it holds JSX.
    if (UI_FILE_EXTENSIONS.has(extension) && (!extension.endsWith('sx') || this.sourceCode.ast.tokens.some((token) => token.type === 'JSXIdentifier'))) {
      return true;
    }
    for (const module of this.modules()) {
      if (UI_FRAMEWORK_MODULES.some((name) => (name.endsWith('/') ? module.startsWith(name) : module === name))) return true;
    }
    if (this.sourceCode.ast.body.some((statement) => this.isAmdDefine(statement))) return true;
    if (this.compiledForPage()) return true;
    // Below the nearest package (the whole path when there is none, or when it is relative).
    const info = path.isAbsolute(this.filename) ? nearestPackage(this.filename) : null;
    const folders = path.relative(info?.dir ?? path.parse(this.filename).root, path.dirname(this.filename)).split(/[\\/]/);
    if (folders.some((folder) => UI_FOLDERS.has(folder))) return true;
    const worksOnPage = /\b(?:document|window)\.|(?:^|[^\w$.])\$\(/m.test(this.sourceCode.text);
    if (folders.some((folder) => STATIC_ASSET_FOLDERS.has(folder)) && worksOnPage) return true;
    if (worksOnPage && this.isClassicScript()) return true;
    return info !== null && this.isBrowserModuleOfWebApp(info, folders);
  }

  /**
   * A module of a web front end's browser half that imports no UI framework and lies in no UI
   * folder (a store, an audio or streaming helper of a Next.js app's `app/utils/`):
   * - its package (`info`) renders pages in the browser (`WEB_FRONT_END_PACKAGES` among its
   *   dependencies) and runs no server of its own: no `bin`, no `main`, no file a start script
   *   names (`next start` names none), no server framework among its dependencies but the one that
   *   serves its pages (`next`, `nuxt`), not an
   *   Electron app (`electronApp`, judged by its own readings);
   * - the module works in the browser: the package is a single-page app (no framework that
   *   renders on a server, `SERVER_RENDERING_PACKAGES`: all its own modules run in the page), or
   *   it reads a global only a page has (`readsPageGlobals`:
   *   `window.AudioContext`, `navigator.userAgent`, a `typeof window === 'undefined'` guard that
   *   skips the server's render), builds a client store (`CLIENT_STORE_MODULES`: `zustand`), or
   *   imports a module of the package's UI folders (`UI_FOLDERS`: `../components/toast`);
   * - it is none of the package's Node code: no Node built-in or Node-only module, no server
   *   framework nor `next/server` (a route handler, a middleware), not under an `api/` or `server/` folder (route handlers), not build tooling, a
   *   script (a module of a `scripts/` folder that exports something is the app's own) or test code.
   * Imports of UI folders count relative (`../components/toast`) and from the source root a
   * bundler resolves bare names against (`components/toast`, a first segment that names no dependency).
   * A rejection nobody handles there reaches the browser console, as in a component.
   */
  private isBrowserModuleOfWebApp(info: PackageInfo, folders: readonly string[]): boolean {
    if (!info.dependencies.some((dependency) => WEB_FRONT_END_PACKAGES.has(dependency))) return false;
    if (info.bins.length > 0 || info.mainFile !== null || info.startScriptFiles.length > 0 || info.electronApp) return false;
    // `next` and `nuxt` serve the pages they render; any other server framework is the package's own server.
    const ownServer = (name: string): boolean => SERVER_FRAMEWORK_PACKAGES.has(name) && !WEB_FRONT_END_PACKAGES.has(name);
    if (info.dependencies.some(ownServer)) return false;
    if (folders.some((folder) => folder === 'api' || folder === 'server')) return false;
    const modules = this.modules();
    for (const module of modules) {
      if (BUILTIN_MODULES.has(module) || NODE_ONLY_MODULES.has(module) || ownServer(module) || module === 'next/server') return false;
    }
    if (this.isToolConfig() || this.isTestCode()) return false;
    // A script (a build step, a maintainer's tool) is Node code; a module of the app's own
    // `src/scripts/` folder is no script when it exports what the app imports.
    const script = this.script();
    if (script !== null && !(script === 'script-folder' && !this.exportsNothing())) return false;
    // A single-page app (no framework that renders on a server): every module of its own that
    // loads nothing of Node's runs in the page.
    if (!info.dependencies.some((dependency) => SERVER_RENDERING_PACKAGES.has(dependency))) return true;
    if (this.readsPageGlobals()) return true;
    for (const module of modules) {
      if (CLIENT_STORE_MODULES.some((name) => (name.endsWith('/') ? module.startsWith(name) : module === name))) return true;
      // Relative (`../components/toast`), or from the source root a bundler resolves bare names
      // against (`components/toast` with `baseUrl: "src"`): a first segment no dependency is named
      // (never a scoped package's `@scope/components`).
      if ((module.startsWith('.') || (!module.startsWith('@') && !info.dependencies.includes(module.split('/')[0] ?? ''))) && module.split('/').some((segment) => UI_FOLDERS.has(segment))) return true;
    }
    return false;
  }

  /**
   * Typed evidence: the file's program is compiled as a page bundle, by its compiler options: a
   * DOM `lib`, a `types` list without Node's types, and a bundler's client types
   * (`BROWSER_BUNDLE_TYPES`: `vite/client`). The options are the project's own statement of where
   * its code runs; no checker query. False untyped and when `types` is not listed (every
   * installed `@types` package, Node's included, is then in scope).
   */
  private compiledForPage(): boolean {
    const options = this.sourceCode.parserServices?.program?.getCompilerOptions();
    const types = options?.types;
    if (!types || types.some((name) => name === 'node' || name.startsWith('node/'))) return false;
    if (!types.some((name) => BROWSER_BUNDLE_TYPES.has(name))) return false;
    return options.lib?.some((lib) => /(?:^|[\\/.])dom(?:\.|$)/i.test(lib)) ?? false;
  }

  /**
   * A classic script: no module system of any kind (no `import`/`export`, no `require(...)`, no
   * `module.exports`/`exports.x =`, no `process.`): the page loads it with a `<script>` tag (or a
   * build concatenates it); Node code reaches for at least one of those.
   */
  private isClassicScript(): boolean {
    const body = this.sourceCode.ast.body;
    if (body.some((statement) => statement.type === AST_NODE_TYPES.ImportDeclaration || statement.type === AST_NODE_TYPES.ExportNamedDeclaration || statement.type === AST_NODE_TYPES.ExportDefaultDeclaration || statement.type === AST_NODE_TYPES.ExportAllDeclaration)) {
      return false;
    }
    return !/\brequire\s*\(|\bmodule\.exports\b|\bexports\.[\w$]+\s*=|\bprocess\.|\bimport\s*\(/.test(this.sourceCode.text);
  }

  /** A top-level AMD module definition: `define(function ...)`, `define([deps], function ...)`, `define('name', [deps], function ...)`, with the global `define`. */
  private isAmdDefine(statement: TSESTree.ProgramStatement): boolean {
    if (statement.type !== AST_NODE_TYPES.ExpressionStatement) return false;
    const call = statement.expression;
    if (call.type !== AST_NODE_TYPES.CallExpression || call.callee.type !== AST_NODE_TYPES.Identifier || call.callee.name !== 'define') return false;
    const factory = call.arguments[call.arguments.length - 1];
    if (factory?.type !== AST_NODE_TYPES.FunctionExpression && factory?.type !== AST_NODE_TYPES.ArrowFunctionExpression) return false;
    return (variableOfIdentifier(this.sourceCode, call.callee)?.defs.length ?? 0) === 0;
  }

  /** The modules the file imports or requires at its top level, without `node:`. */
  private modules(): ReadonlySet<string> {
    if (this.fileModules) return this.fileModules;
    const modules = new Set<string>();
    const addRequire = (init: TSESTree.Node | null | undefined): void => {
      let current = init ? skipTransparent(init) : null;
      while (current?.type === AST_NODE_TYPES.MemberExpression) current = skipTransparent(current.object);
      const module = requiredModule(current);
      if (module !== null) modules.add(bareModule(module));
    };
    for (const statement of this.sourceCode.ast.body) {
      if (statement.type === AST_NODE_TYPES.ImportDeclaration) modules.add(bareModule(statement.source.value));
      else if (statement.type === AST_NODE_TYPES.VariableDeclaration) for (const declarator of statement.declarations) addRequire(declarator.init);
      else if (statement.type === AST_NODE_TYPES.TSImportEqualsDeclaration && statement.moduleReference.type === AST_NODE_TYPES.TSExternalModuleReference) {
        const expression = statement.moduleReference.expression;
        if (expression.type === AST_NODE_TYPES.Literal && typeof expression.value === 'string') modules.add(bareModule(expression.value));
      } else if (statement.type === AST_NODE_TYPES.ExpressionStatement) addRequire(statement.expression);
    }
    this.fileModules = modules;
    return modules;
  }

  private classify(fn: FunctionNode, depth: number): RunContext {
    const known = this.cache.get(fn);
    if (known) return known;
    if (depth > MAX_CALLER_DEPTH || this.inProgress.has(fn)) return UNKNOWN;
    this.inProgress.add(fn);
    let result: RunContext;
    try {
      result = this.combine(this.facts(fn, depth), this.startUpRoutine(fn));
    } finally {
      this.inProgress.delete(fn);
    }
    if (depth === 0 || result.kind !== 'unknown') this.cache.set(fn, result);
    return result;
  }

  /**
   * The name of `fn` when it is a routine a program runs once when it starts, or null (an editor
   * extension's activation is one whatever it is handed, see `isEditorActivation`):
   * - it is named like one (`STARTUP_ROUTINE_NAME`: `init`, `bootstrap`, `setupRoutes`, `start`,
   *   `onModuleInit`, `refreshProvidersFromDisk`);
   * - it is handed no item of work: no parameters, or only the program or its settings
   *   (`STARTUP_ROUTINE_PARAMETERS`: `init(app)`, `bootstrap(options)`) or an object of options
   *   (`init({ activate } = {})`); `initPayment(order)` is per-item work whatever its name;
   * - it does not run for the life of the process: no `while`/`do` loop and no `for (;;)` in its
   *   own body (a worker's `start()` that takes job after job is its serving loop, not start-up);
   * - it is the program's: not in UI code (`runsInUi`: a page load, a component's mount is when a
   *   person waits), not declared inside another function (an effect's `init`);
   * - not an instance method (`new Session(req.user)` then `await session.init()` is per-request
   *   set-up), unless the name is a framework's start-up hook (`STARTUP_HOOKS`: `onModuleInit`);
   *   a `static` method or a function of the module is the program's.
   */
  startUpRoutine(fn: FunctionNode): string | null {
    const name = functionNameOf(fn);
    if (name === null) return null;
    if (EDITOR_ACTIVATION_HOOKS.has(name) && this.isEditorActivation(fn)) return this.calledPerEvent(fn) ? null : name;
    if (!STARTUP_ROUTINE_NAME.test(name)) return null;
    if (takesItem(fn.params) || !fn.body || loopsForever(fn.body, this.sourceCode.visitorKeys)) return null;
    // A page's or a component's start-up is when a person waits (a page load, every mount of a
    // component); an `init` declared inside another function starts that function's work, not the
    // program's.
    if (this.runsInUi() || nearestFunction(fn) !== null) return null;
    // `new Session(req.user)` then `await session.init()`: an object made per request, per user or
    // per upload finishes its set-up there, whatever its constructor takes. An instance method is
    // start-up only as a framework's start-up hook (`onModuleInit`), which it calls once.
    const member = valueSite(fn).parent;
    if (
      (member?.type === AST_NODE_TYPES.MethodDefinition || member?.type === AST_NODE_TYPES.PropertyDefinition) &&
      !member.static &&
      !STARTUP_HOOKS.has(name)
    ) {
      return null;
    }
    if (this.calledPerEvent(fn)) return null;
    return name;
  }

  /**
   * True when `fn` is an editor extension's activation (`EDITOR_ACTIVATION_HOOKS`): the file
   * belongs to an editor extension (`inEditorExtension`), `fn` is a function of the module (not a
   * method, not declared inside another function) that runs no loop for the life of the process,
   * and it is the one the editor calls: its one parameter is the extension's context (typed
   * `ExtensionContext`, or untyped and named `context` in a file that imports `vscode`), or it is exported from the module the package's
   * `main` names (`./out/extension.js`, whose source is `src/extension.ts`). A module-level
   * `activate(account)` of another file of the extension activates an item, per command.
   */
  private isEditorActivation(fn: FunctionNode): boolean {
    const holder = valueSite(fn).parent;
    if (holder?.type === AST_NODE_TYPES.MethodDefinition || holder?.type === AST_NODE_TYPES.PropertyDefinition) return false;
    if (nearestFunction(fn) !== null || fn.body === null || loopsForever(fn.body, this.sourceCode.visitorKeys) || !this.inEditorExtension()) return false;
    if (fn.params.length === 1 && fn.params[0] !== undefined && isExtensionContextParameter(fn.params[0], this.sourceCode)) return true;
    if (fn.params.length > 1 || !path.isAbsolute(this.filename)) return false;
    const info = programRootOf(this.filename);
    return info?.mainFile != null && isBinTarget(this.filename, info.mainFile, info.dir) && /\bexports?\b/.test(this.sourceCode.text) && isExportedActivation(holder, this.sourceCode);
  }

  /**
   * True when a call of `fn` in this file sits in a callback that runs per request, event or job
   * (`wss.on('connection', () => start())`): a routine named `start` is then started once per
   * event, not once with the program. Only a module function is asked (methods were ruled out).
   */
  private calledPerEvent(fn: FunctionNode): boolean {
    const site = valueSite(fn);
    const declarator = site.parent?.type === AST_NODE_TYPES.VariableDeclarator && site.parent.init === site ? site.parent : null;
    const variable =
      fn.type === AST_NODE_TYPES.FunctionDeclaration ? this.declaredVariable(fn) : declarator ? this.declaredVariable(declarator) : null;
    if (!variable) return false;
    return variable.references.some((reference) => {
      const call = valueSite(reference.identifier).parent;
      if (call?.type !== AST_NODE_TYPES.CallExpression || call.callee !== valueSite(reference.identifier)) return false;
      for (let caller = nearestFunction(call); caller; caller = nearestFunction(caller)) {
        const handedTo = valueSite(caller).parent;
        if (caller === fn || handedTo?.type !== AST_NODE_TYPES.CallExpression || handedTo.callee === valueSite(caller)) continue;
        // `db.once('open', () => init())`: a listener that runs a single time starts the routine once.
        if (listensOnce(handedTo)) continue;
        const fact = this.callbackFact(handedTo, valueSite(caller), 1);
        if (fact.kind === 'context' && fact.context.kind === 'concurrent' && PER_EVENT_EVIDENCE.has(fact.context.evidence.kind)) return true;
      }
      return false;
    });
  }

  private combine(facts: readonly Fact[], startUpRoutine: string | null = null): RunContext {
    if (this.isTestCode()) return TEST_CODE;
    const contexts: RunContext[] = [];
    let topLevelStart: TSESTree.Node | null = null;
    for (const fact of facts) {
      if (fact.kind === 'context') {
        contexts.push(fact.context);
      } else if (topLevelStart) {
        // started twice at the top level: both run at the same time
        contexts.push({ kind: 'concurrent', evidence: { kind: 'not-awaited' }, node: fact.node, caller: null });
      } else {
        topLevelStart = fact.node;
        contexts.push({ kind: 'alone', evidence: { kind: 'main' } });
      }
    }
    const toolConfig = this.isToolConfig();
    const buildToolPlugin = this.buildToolPlugin();
    const editorExtension = this.inEditorExtension();
    // A command-line tool's library (`bin-package`: a test runner, a build tool) starts a step
    // without waiting for it as an editor extension's command does: one person's run, where a
    // short synchronous step costs a moment of that run and nobody else waits.
    // Not so for a server started from the command line (`npx json-server`): a task started
    // without waiting runs beside its requests.
    // A program run by hand once (`oneShotProgram`) likewise: a task it starts without waiting is
    // its own run going on, with nothing else of the process to serve.
    const oneShot = this.oneShotProgram();
    const oneUserProgram = editorExtension || oneShot !== null || (this.script() === 'bin-package' && !this.servesRequests());
    const strong = contexts.find(
      (context) =>
        context.kind === 'concurrent' &&
        isStrongEvidence(context.evidence) &&
        !(toolConfig && context.evidence.kind === 'request-handler') &&
        !(oneUserProgram && context.evidence.kind === 'not-awaited'),
    );
    if (strong) return strong;
    if (this.isWorkerFile() || this.isWorkerModule() || contexts.some((context) => context.kind === 'worker-thread')) return WORKER;
    if (startUpRoutine !== null) return { kind: 'alone', evidence: { kind: 'start-up', routine: startUpRoutine } };
    const first = contexts[0];
    if (first?.kind === 'alone' && contexts.every((context) => context.kind === 'alone')) return first;
    const once = contexts.find((context) => context.kind === 'once');
    if (once && contexts.every((context) => context.kind === 'once' || context.kind === 'alone')) return once;
    const script = this.script();
    if (script) return { kind: 'alone', evidence: { kind: 'script', script } };
    if (oneShot !== null) return { kind: 'alone', evidence: { kind: 'one-shot', program: oneShot } };
    if (toolConfig) return { kind: 'alone', evidence: { kind: 'tool-config' } };
    if (buildToolPlugin !== null) return { kind: 'alone', evidence: { kind: 'build-tool-plugin', tool: buildToolPlugin } };
    if (this.inConfigPackage()) return { kind: 'alone', evidence: { kind: 'config-package' } };
    if (this.inDesktopApp()) return { kind: 'alone', evidence: { kind: 'desktop-app' } };
    if (editorExtension) return { kind: 'alone', evidence: { kind: 'editor-extension' } };
    const platform = this.functionHost();
    if (platform !== null) return { kind: 'alone', evidence: { kind: 'function-host', platform } };
    return contexts.find((context) => context.kind === 'concurrent') ?? UNKNOWN;
  }

  /** The facts of every way the file reaches `fn`. */
  private facts(fn: FunctionNode, depth: number): Fact[] {
    if (!fn.async && isInlineCallback(fn)) {
      // a synchronous inline callback runs as part of the function that calls it
      return [this.enclosingFact(fn, depth)];
    }
    const site = valueSite(fn);
    const parent = site.parent;
    if (!parent) return [];
    if (fn.type === AST_NODE_TYPES.FunctionDeclaration) {
      const facts = this.variableFacts(this.declaredVariable(fn), depth);
      if (parent.type === AST_NODE_TYPES.ExportNamedDeclaration || parent.type === AST_NODE_TYPES.ExportDefaultDeclaration) {
        facts.push(this.exportFact(fn.id?.name ?? 'default', fn));
      }
      return facts;
    }
    switch (parent.type) {
      case AST_NODE_TYPES.VariableDeclarator: {
        if (parent.init !== site || parent.id.type !== AST_NODE_TYPES.Identifier) return [];
        const facts = this.variableFacts(this.declaredVariable(parent), depth);
        const declaration = parent.parent;
        if (declaration.parent?.type === AST_NODE_TYPES.ExportNamedDeclaration) facts.push(this.exportFact(parent.id.name, parent));
        return facts;
      }
      case AST_NODE_TYPES.CallExpression:
        if (parent.callee === site) return [this.fateFact(this.promiseFate(parent), depth)];
        return [this.callbackFact(parent, site, depth)];
      case AST_NODE_TYPES.NewExpression:
        return [this.constructorArgumentFact(parent, site, depth)];
      case AST_NODE_TYPES.ExportDefaultDeclaration:
        return [this.exportFact('default', parent)];
      case AST_NODE_TYPES.AssignmentExpression:
        return parent.right === site && isExportsTarget(parent.left) ? [this.exportFact(this.exportedName(parent.left), parent)] : [];
      case AST_NODE_TYPES.Property:
        return this.propertyFacts(parent);
      case AST_NODE_TYPES.MethodDefinition:
        return this.methodFacts(parent, depth);
      default:
        return [];
    }
  }

  private exportedName(target: TSESTree.Node): string {
    return target.type === AST_NODE_TYPES.MemberExpression ? (staticMemberName(target) ?? '') : '';
  }

  private declaredVariable(node: TSESTree.FunctionDeclaration | TSESTree.VariableDeclarator): TSESLint.Scope.Variable | null {
    const name = node.id?.type === AST_NODE_TYPES.Identifier ? node.id.name : null;
    return this.sourceCode.getDeclaredVariables(node).find((variable) => variable.name === name) ?? null;
  }

  /** An export: a request handler when its name is one that frameworks call per request, otherwise callers unknown. */
  private exportFact(name: string, node: TSESTree.Node, via = `export ${name}`): Fact {
    if (this.isRunnerStep(name)) {
      return { kind: 'context', context: { kind: 'alone', evidence: { kind: 'migration', step: name } } };
    }
    const evidence: ConcurrencyEvidence = REQUEST_HANDLER_EXPORTS.has(name)
      ? { kind: 'request-handler', via }
      : { kind: 'exported' };
    return { kind: 'context', context: { kind: 'concurrent', evidence, node, caller: null } };
  }

  /** The facts of every reference to a function's binding, other than its declaration. */
  private variableFacts(variable: TSESLint.Scope.Variable | null, depth: number): Fact[] {
    if (!variable) return [];
    const facts: Fact[] = [];
    for (const reference of variable.references) {
      if (reference.init) continue;
      if (reference.isWrite()) return [{ kind: 'context', context: UNKNOWN }];
      const site = valueSite(reference.identifier);
      const parent = site.parent;
      if (!parent) continue;
      if (parent.type === AST_NODE_TYPES.CallExpression && parent.callee === site) {
        facts.push(this.fateFact(this.promiseFate(parent), depth));
      } else if (parent.type === AST_NODE_TYPES.CallExpression) {
        facts.push(this.callbackFact(parent, site, depth));
      } else if (parent.type === AST_NODE_TYPES.NewExpression) {
        facts.push(this.constructorArgumentFact(parent, site, depth));
      } else if (parent.type === AST_NODE_TYPES.ExportSpecifier) {
        const exported = parent.exported;
        facts.push(this.exportFact(exported.type === AST_NODE_TYPES.Identifier ? exported.name : exported.value, parent));
      } else if (parent.type === AST_NODE_TYPES.ExportDefaultDeclaration) {
        facts.push(this.exportFact('default', parent));
      } else if (parent.type === AST_NODE_TYPES.AssignmentExpression && parent.right === site && isExportsTarget(parent.left)) {
        facts.push(this.exportFact(this.exportedName(parent.left), parent));
      } else if (parent.type === AST_NODE_TYPES.Property && parent.value === site) {
        facts.push(...this.propertyFacts(parent));
      } else {
        facts.push({ kind: 'context', context: UNKNOWN });
      }
    }
    return facts;
  }

  /**
   * What happens to the promise of `call` (a call of the function classified): followed through
   * `.then`/`.catch`/`.finally` chains and `void`:
   * - `awaited`: awaited, or returned from the function that calls it (its caller waits for it);
   * - `gathered`: an element or argument of a `Promise` combinator;
   * - `dropped`: an expression statement (fire-and-forget);
   * - `memoised`: stored in a cache that outlives the caller, only when it is empty (see
   *   `isMemoisingStore`): started once, shared by every later call;
   * - `stored`: anything else (assigned, passed, pushed): started now, awaited later if at all.
   */
  private promiseFate(call: TSESTree.CallExpression): PromiseFate {
    let expression: TSESTree.Node = valueSite(call);
    for (;;) {
      const parent = expression.parent;
      if (!parent) return { kind: 'stored', node: expression };
      if (parent.type === AST_NODE_TYPES.MemberExpression && parent.object === expression) {
        const name = staticMemberName(parent);
        const chained = valueSite(parent).parent;
        if (name && PROMISE_CHAIN_METHODS.has(name) && chained?.type === AST_NODE_TYPES.CallExpression && chained.callee === valueSite(parent)) {
          expression = valueSite(chained);
          continue;
        }
        return { kind: 'stored', node: expression };
      }
      switch (parent.type) {
        case AST_NODE_TYPES.UnaryExpression:
          return parent.operator === 'void' ? { kind: 'dropped', node: parent } : { kind: 'stored', node: expression };
        case AST_NODE_TYPES.AwaitExpression:
          return { kind: 'awaited', node: parent };
        case AST_NODE_TYPES.ReturnStatement:
          return this.returnedFate(parent);
        case AST_NODE_TYPES.ArrowFunctionExpression:
          return parent.body === expression ? this.returnedFate(expression) : { kind: 'stored', node: expression };
        case AST_NODE_TYPES.ExpressionStatement:
          return { kind: 'dropped', node: parent };
        case AST_NODE_TYPES.AssignmentExpression:
          return parent.right === expression && this.isMemoisingStore(parent)
            ? { kind: 'memoised', node: parent }
            : { kind: 'stored', node: expression };
        case AST_NODE_TYPES.ArrayExpression: {
          const combinator = valueSite(parent).parent;
          const api = combinator?.type === AST_NODE_TYPES.CallExpression ? this.combinatorName(combinator) : null;
          return api ? { kind: 'gathered', api, node: combinator ?? parent } : { kind: 'stored', node: expression };
        }
        case AST_NODE_TYPES.CallExpression: {
          const api = this.combinatorName(parent);
          return api ? { kind: 'gathered', api, node: parent } : { kind: 'stored', node: expression };
        }
        default:
          return { kind: 'stored', node: expression };
      }
    }
  }

  /**
   * The fate of a promise returned at `node`: one per item when the returning function is the
   * synchronous callback of `.map`/`.flatMap`/... (`items.map((x) => work(x))` starts every call
   * before any is awaited), otherwise awaited by the function's caller.
   */
  private returnedFate(node: TSESTree.Node): PromiseFate {
    let fn: TSESTree.Node | undefined = node;
    while (fn && fn.type !== AST_NODE_TYPES.ArrowFunctionExpression && fn.type !== AST_NODE_TYPES.FunctionExpression && fn.type !== AST_NODE_TYPES.FunctionDeclaration) {
      fn = fn.parent;
    }
    if (fn && (fn.type === AST_NODE_TYPES.ArrowFunctionExpression || fn.type === AST_NODE_TYPES.FunctionExpression) && !fn.async) {
      const call = valueSite(fn).parent;
      const callee = call?.type === AST_NODE_TYPES.CallExpression ? skipTransparent(call.callee) : null;
      const method = callee?.type === AST_NODE_TYPES.MemberExpression ? staticMemberName(callee) : null;
      if (call?.type === AST_NODE_TYPES.CallExpression && method && PER_ITEM_METHODS.has(method) && call.arguments[0] === valueSite(fn)) {
        return { kind: 'per-item', method, node: call };
      }
    }
    return { kind: 'awaited', node };
  }

  /**
   * True when `assignment` stores a value into a cache that outlives the function it is written in
   * (a member of `this`, or a binding declared outside that function: module state, a closure),
   * and only while the cache is empty, so the stored call runs once:
   * - `cache ??= start()`, `cache ||= start()`;
   * - `cache ?? (cache = start())`, `cache || (cache = start())`;
   * - `if (!cache) cache = start()` (also `cache === undefined`, `cache == null`,
   *   `typeof cache === 'undefined'`), the assignment in the `if`'s consequent;
   * - `cache = start()` in a statement of the function's body after `if (cache) return ...`
   *   (also `!== undefined`, `!= null`).
   * A cache keyed per value (`cache.get(k) ?? ...`, `map[k] ??= ...`) is not this: its target must
   * be a binding or a non-computed member chain.
   */
  isMemoisingStore(assignment: TSESTree.AssignmentExpression): boolean {
    const target = assignment.left;
    const execution = getExecutionContext(assignment);
    if (execution.kind !== 'function' || !this.outlivesFunction(target, execution.node)) return false;
    if (assignment.operator === '??=' || assignment.operator === '||=') return true;
    if (assignment.operator !== '=') return false;
    const text = compactText(target, this.sourceCode);
    const site = valueSite(assignment);
    const guard = site.parent;
    if (guard?.type === AST_NODE_TYPES.LogicalExpression && guard.right === site && (guard.operator === '??' || guard.operator === '||')) {
      return compactText(guard.left, this.sourceCode) === text;
    }
    // the `if` whose consequent holds the assignment's statement, directly or as a block
    const statement = guard?.type === AST_NODE_TYPES.ExpressionStatement ? guard : null;
    const holder = statement?.parent?.type === AST_NODE_TYPES.BlockStatement ? statement.parent : statement;
    const branch = holder?.parent;
    if (branch?.type === AST_NODE_TYPES.IfStatement && branch.consequent === holder && isEmptyTest(branch.test, text, this.sourceCode)) return true;
    const fn = execution.node;
    const body = fn.body.type === AST_NODE_TYPES.BlockStatement ? fn.body.body : [];
    const index = body.findIndex((candidate) => candidate.range[0] <= assignment.range[0] && assignment.range[1] <= candidate.range[1]);
    return index > 0 && body.slice(0, index).some((earlier) => returnsWhenFilled(earlier, text, this.sourceCode));
  }

  /** True when `target` is `this.a.b` (non-computed) or a binding declared outside `fn`. */
  private outlivesFunction(target: TSESTree.Node, fn: FunctionNode): boolean {
    let root = target;
    while (root.type === AST_NODE_TYPES.MemberExpression) {
      if (root.computed) return false;
      root = root.object;
    }
    if (root.type === AST_NODE_TYPES.ThisExpression) return target !== root;
    if (root.type !== AST_NODE_TYPES.Identifier) return false;
    const variable = variableOfIdentifier(this.sourceCode, root);
    const block = variable?.defs.length ? variable.scope.block : null;
    return block !== null && block !== undefined && !(fn.range[0] <= block.range[0] && block.range[1] <= fn.range[1]);
  }

  /** `Promise.all` for a call of a `Promise` combinator on the global `Promise`, or null. */
  private combinatorName(call: TSESTree.CallExpression): string | null {
    const callee = skipTransparent(call.callee);
    if (callee.type !== AST_NODE_TYPES.MemberExpression || callee.object.type !== AST_NODE_TYPES.Identifier) return null;
    if (callee.object.name !== 'Promise') return null;
    const name = staticMemberName(callee);
    if (!name || !PROMISE_COMBINATORS.has(name)) return null;
    const variable = variableOfIdentifier(this.sourceCode, callee.object);
    return variable && variable.defs.length > 0 ? null : `Promise.${name}`;
  }

  private fateFact(fate: PromiseFate, depth: number): Fact {
    switch (fate.kind) {
      case 'gathered':
        return { kind: 'context', context: { kind: 'concurrent', evidence: { kind: 'gathered', api: fate.api }, node: fate.node, caller: null } };
      case 'per-item':
        return { kind: 'context', context: { kind: 'concurrent', evidence: { kind: 'per-item', method: fate.method }, node: fate.node, caller: null } };
      case 'stored':
        return { kind: 'context', context: { kind: 'concurrent', evidence: { kind: 'not-awaited' }, node: fate.node, caller: null } };
      case 'memoised':
        return { kind: 'context', context: { kind: 'once', node: fate.node } };
      case 'awaited':
        return this.enclosingFact(fate.node, depth);
      case 'dropped': {
        const execution = getExecutionContext(fate.node);
        if (execution.kind === 'top-level') return { kind: 'top-level-start', node: fate.node };
        if (execution.kind === 'function' && !execution.node.async) return this.enclosingFact(fate.node, depth);
        return { kind: 'context', context: { kind: 'concurrent', evidence: { kind: 'not-awaited' }, node: fate.node, caller: null } };
      }
    }
  }

  /** The fact of running where the code at `node` runs: the enclosing function's context, named as the caller. */
  private enclosingFact(node: TSESTree.Node, depth: number): Fact {
    const execution = getExecutionContext(node);
    if (execution.kind === 'top-level') return { kind: 'context', context: { kind: 'alone', evidence: { kind: 'main' } } };
    if (execution.kind !== 'function') return { kind: 'context', context: UNKNOWN };
    const context = this.classify(execution.node, depth + 1);
    if (context.kind !== 'concurrent') return { kind: 'context', context };
    return { kind: 'context', context: { ...context, caller: functionNameOf(execution.node) ?? '' } };
  }

  /** The import a callee chain starts from (`app` in `app.get`, `pLimit` in `pLimit(2)`), following one `const x = f()`/`new F()`. */
  private rootImport(expression: TSESTree.Node): { module: string; imported: string; created: boolean } | null {
    let current = skipTransparent(expression);
    while (current.type === AST_NODE_TYPES.MemberExpression) current = skipTransparent(current.object);
    if (current.type === AST_NODE_TYPES.CallExpression && current.callee.type === AST_NODE_TYPES.Identifier && current.callee.name === 'require') {
      const argument = current.arguments[0];
      return argument?.type === AST_NODE_TYPES.Literal && typeof argument.value === 'string'
        ? { module: bareModule(argument.value), imported: '*', created: false }
        : null;
    }
    if (current.type !== AST_NODE_TYPES.Identifier) return null;
    const variable = variableOfIdentifier(this.sourceCode, current);
    if (!variable) return null;
    const imported = getImportSource(variable);
    if (imported) return { module: bareModule(imported.module), imported: imported.imported, created: false };
    const definition = variable.defs.length === 1 ? variable.defs[0] : undefined;
    if (definition?.type !== 'Variable' || !definition.node.init) return null;
    const init = skipTransparent(definition.node.init);
    if (init.type !== AST_NODE_TYPES.CallExpression && init.type !== AST_NODE_TYPES.NewExpression) return null;
    const callee = skipTransparent(init.callee);
    if (callee.type !== AST_NODE_TYPES.Identifier) return null;
    const creator = variableOfIdentifier(this.sourceCode, callee);
    const source = creator ? getImportSource(creator) : null;
    return source ? { module: bareModule(source.module), imported: source.imported, created: true } : null;
  }

  /** The CLI library imported by this file that registers handlers with `method`, or null. */
  private cliLibraryFor(match: (library: (typeof CLI_LIBRARIES)[number]) => boolean): string | null {
    const modules = this.modules();
    for (const library of CLI_LIBRARIES) {
      if (!match(library)) continue;
      const module = library.modules.find((name) => modules.has(name));
      if (module) return module;
    }
    return null;
  }

  /** What being the argument `argument` of `call` says about where the function runs. */
  private callbackFact(call: TSESTree.CallExpression, argument: TSESTree.Node, depth: number): Fact {
    const concurrent = (evidence: ConcurrencyEvidence): Fact => ({
      kind: 'context',
      context: { kind: 'concurrent', evidence, node: call, caller: null },
    });
    const callee = skipTransparent(call.callee);
    const root = this.rootImport(callee);
    const name = callee.type === AST_NODE_TYPES.MemberExpression ? staticMemberName(callee) : callee.type === AST_NODE_TYPES.Identifier ? callee.name : null;
    if (root && LIMITER_MODULES.has(root.module) && !(name && SEQUENTIAL_LIMITER_METHODS.has(name))) {
      return concurrent({ kind: 'limiter', module: root.module });
    }
    if (root && SERVER_MODULES.has(root.module) && name && SERVER_FACTORIES.has(name)) {
      return concurrent({ kind: 'request-handler', via: `${root.module}.${name}` });
    }
    if (callee.type === AST_NODE_TYPES.Identifier) {
      if (DEFERRING_GLOBALS.has(callee.name) && !variableOfIdentifier(this.sourceCode, callee)?.defs.length) {
        return concurrent({ kind: 'deferred', via: callee.name });
      }
      return { kind: 'context', context: UNKNOWN };
    }
    if (callee.type !== AST_NODE_TYPES.MemberExpression || !name) return { kind: 'context', context: UNKNOWN };
    if (PROMISE_CHAIN_METHODS.has(name)) return this.fateFact(this.promiseFate(call), depth);
    if (root?.module === 'worker_threads' && EVENT_METHODS.has(name)) return { kind: 'context', context: WORKER };
    const isLast = call.arguments[call.arguments.length - 1] === argument;
    const cli = isLast ? this.cliLibraryFor((library) => library.methods.includes(name)) : null;
    if (cli) return { kind: 'context', context: { kind: 'alone', evidence: { kind: 'cli-command', module: cli } } };
    if (PER_ITEM_METHODS.has(name) && call.arguments[0] === argument) return concurrent({ kind: 'per-item', method: name });
    if (ROUTE_METHODS.has(name) && (name === 'use' || isRoutePath(call.arguments[0]))) {
      return concurrent({ kind: 'request-handler', via: `.${name}()` });
    }
    if (QUEUE_METHODS.has(name)) return concurrent({ kind: 'queue-consumer', via: `.${name}()` });
    if (EVENT_METHODS.has(name)) {
      const event = call.arguments[0];
      const label = event?.type === AST_NODE_TYPES.Literal && typeof event.value === 'string' ? `'${event.value}'` : '';
      if (event?.type === AST_NODE_TYPES.Literal && typeof event.value === 'string' && STARTUP_EVENTS.has(event.value)) {
        return { kind: 'context', context: { kind: 'alone', evidence: { kind: 'startup-event', via: `.${name}(${label})` } } };
      }
      return concurrent({ kind: 'event-handler', via: `.${name}(${label})` });
    }
    return { kind: 'context', context: UNKNOWN };
  }

  /** `new Worker(queue, fn)` of a queue library; `new Promise(executor)` runs where it is written. */
  private constructorArgumentFact(construct: TSESTree.NewExpression, argument: TSESTree.Node, depth: number): Fact {
    const root = this.rootImport(construct.callee);
    if (root && QUEUE_WORKER_MODULES.has(root.module)) {
      return { kind: 'context', context: { kind: 'concurrent', evidence: { kind: 'queue-consumer', via: `new ${root.imported}()` }, node: construct, caller: null } };
    }
    if (construct.callee.type === AST_NODE_TYPES.Identifier && construct.callee.name === 'Promise' && construct.arguments[0] === argument) {
      return this.enclosingFact(construct, depth);
    }
    return { kind: 'context', context: UNKNOWN };
  }

  /** A function that is the value of an object property: a CLI handler, a queue handler, or an exported member. */
  private propertyFacts(property: TSESTree.Property): Fact[] {
    const key = property.computed ? null : property.key.type === AST_NODE_TYPES.Identifier ? property.key.name : null;
    const object = valueSite(property.parent);
    const holder = object.parent;
    if (!key || !holder) return [];
    if (BUILD_HOOKS.has(key)) return [{ kind: 'context', context: { kind: 'alone', evidence: { kind: 'build-hook', hook: key } } }];
    if (holder.type === AST_NODE_TYPES.CallExpression || holder.type === AST_NODE_TYPES.NewExpression) {
      const cli = this.cliLibraryFor((library) => library.properties.includes(key));
      if (cli) return [{ kind: 'context', context: { kind: 'alone', evidence: { kind: 'cli-command', module: cli } } }];
      if (QUEUE_HANDLER_PROPERTIES.has(key)) {
        return [{ kind: 'context', context: { kind: 'concurrent', evidence: { kind: 'queue-consumer', via: key }, node: property, caller: null } }];
      }
      return [];
    }
    const exported =
      holder.type === AST_NODE_TYPES.ExportDefaultDeclaration ||
      (holder.type === AST_NODE_TYPES.AssignmentExpression && holder.right === object && isExportsTarget(holder.left));
    if (!exported) return [];
    // yargs command modules export `{ command, describe, handler }`
    const cli = this.cliLibraryFor((library) => library.properties.includes(key));
    if (cli) return [{ kind: 'context', context: { kind: 'alone', evidence: { kind: 'cli-command', module: cli } } }];
    // `export default { async fetch(request) {} }`: Cloudflare Workers, Bun and Deno servers
    return [key === 'fetch' ? this.exportFact('GET', property, 'export { fetch }') : this.exportFact(key, property)];
  }

  /**
   * A class method: a CLI command class's handler, a migration step, a private method (where the
   * class's own `this.name(...)` calls run it), or a method of an exported class (callers unknown).
   */
  private methodFacts(method: TSESTree.MethodDefinition, depth: number): Fact[] {
    const body = method.parent;
    const declaration = body.parent;
    if (
      declaration.type !== AST_NODE_TYPES.ClassDeclaration &&
      declaration.type !== AST_NODE_TYPES.ClassExpression
    ) {
      return [];
    }
    const name = method.key.type === AST_NODE_TYPES.Identifier && !method.computed ? method.key.name : null;
    if (name && BUILD_HOOKS.has(name)) return [{ kind: 'context', context: { kind: 'alone', evidence: { kind: 'build-hook', hook: name } } }];
    if (name && !method.static && this.isRunnerStep(name)) {
      return [{ kind: 'context', context: { kind: 'alone', evidence: { kind: 'migration', step: name } } }];
    }
    if (name && declaration.superClass) {
      const root = this.rootImport(declaration.superClass);
      const library = root ? CLI_LIBRARIES.find((candidate) => candidate.modules.includes(root.module)) : undefined;
      if (root && library?.classMethods.includes(name)) {
        return [{ kind: 'context', context: { kind: 'alone', evidence: { kind: 'cli-command', module: root.module } } }];
      }
    }
    if (method.accessibility === 'private' || method.key.type === AST_NODE_TYPES.PrivateIdentifier) {
      // callers are the class's own methods, through `this.name(...)`
      const key = method.key.type === AST_NODE_TYPES.PrivateIdentifier ? `#${method.key.name}` : name;
      return key === null ? [] : this.thisCallFacts(body, key, method.static, depth);
    }
    const holder = declaration.parent;
    const exported =
      holder?.type === AST_NODE_TYPES.ExportNamedDeclaration ||
      holder?.type === AST_NODE_TYPES.ExportDefaultDeclaration ||
      (holder?.type === AST_NODE_TYPES.AssignmentExpression && isExportsTarget(holder.left));
    if (exported || (declaration.id && this.isExportedBinding(declaration))) {
      return [{ kind: 'context', context: { kind: 'concurrent', evidence: { kind: 'exported' }, node: declaration, caller: null } }];
    }
    return [];
  }

  /**
   * The facts of the uses of `this.<key>` (`key` is `name` or `#name`) in the methods and field
   * initializers of the class (`static` ones for a static member): a call's fate as for any call,
   * anything else (passed, stored, bound) no evidence. No use: no evidence.
   */
  private thisCallFacts(body: TSESTree.ClassBody, key: string, isStatic: boolean, depth: number): Fact[] {
    let uses = this.thisMembers.get(body);
    if (!uses) {
      uses = collectThisMembers(body, this.sourceCode.visitorKeys);
      this.thisMembers.set(body, uses);
    }
    const facts: Fact[] = [];
    for (const member of uses.get(`${isStatic ? 'static ' : ''}${key}`) ?? []) {
      const site = valueSite(member);
      const call = site.parent;
      facts.push(
        call?.type === AST_NODE_TYPES.CallExpression && call.callee === site
          ? this.fateFact(this.promiseFate(call), depth)
          : { kind: 'context', context: UNKNOWN },
      );
    }
    return facts;
  }

  /** True when a class declaration's binding is exported later (`export { A }`, `module.exports = A`). */
  private isExportedBinding(declaration: TSESTree.ClassDeclaration | TSESTree.ClassExpression): boolean {
    const variable = this.sourceCode.getDeclaredVariables(declaration).find((candidate) => candidate.name === declaration.id?.name);
    return (
      variable?.references.some((reference) => {
        const parent = valueSite(reference.identifier).parent;
        return (
          parent?.type === AST_NODE_TYPES.ExportSpecifier ||
          parent?.type === AST_NODE_TYPES.ExportDefaultDeclaration ||
          (parent?.type === AST_NODE_TYPES.AssignmentExpression && isExportsTarget(parent.left)) ||
          (parent?.type === AST_NODE_TYPES.Property && parent.parent.parent?.type === AST_NODE_TYPES.AssignmentExpression && isExportsTarget(parent.parent.parent.left))
        );
      }) ?? false
    );
  }

  /**
   * Why the file is a program someone runs by hand, once, and that then exits (see
   * `OneShotEvidence`), or null; never for test code. Narrower than `script()`: a module of a
   * published command-line tool (`bin-package`, `cli-package`) or one that starts its own `main()`
   * is no such program, since its users wait for it. Read once per file.
   */
  oneShotProgram(): OneShotEvidence | null {
    if (this.oneShot !== undefined) return this.oneShot;
    this.oneShot = path.isAbsolute(this.filename) && !this.isTestCode() ? this.findOneShotEvidence() : null;
    return this.oneShot;
  }

  private findOneShotEvidence(): OneShotEvidence | null {
    for (const module of this.modules()) if (BUILD_TIME_MODULES.has(module)) return 'build-time';
    const info = nearestPackage(this.filename);
    const base = info?.dir ?? (path.isAbsolute(this.cwd) && path.parse(this.cwd).root !== this.cwd ? this.cwd : null);
    if (base === null) return null;
    const relative = path.relative(base, path.dirname(this.filename));
    if (relative.startsWith('..') || path.isAbsolute(relative)) return null;
    const folders = relative === '' ? [] : relative.split(/[\\/]/);
    if (folders.some((folder) => EXAMPLE_FOLDER.test(folder))) return 'example';
    if (!info || info.bins.some((target) => isBinTarget(this.filename, target, info.dir))) return null;
    // These folders also hold modules the programs load (and a build script's exports may be any
    // code's): only a module that exports nothing is a program of its own.
    const handRunFolder =
      HAND_RUN_FOLDERS.has(folders[0] ?? '') || HAND_RUN_FOLDERS.has(path.basename(info.dir)) || MAINTAINER_TOOL_FOLDERS.has(folders[0] ?? '');
    if (handRunFolder) return this.exportsNothing() && !this.keepsRunning() ? 'hand-run-folder' : null;
    if (folders.length > 0 || info.startFiles.some((target) => isBinTarget(this.filename, target, info.dir))) return null;
    const named = this.sourceCode.text.startsWith('#!') || info.taskFiles.some((target) => isBinTarget(this.filename, target, info.dir));
    return named && !this.keepsRunning() ? 'task-runner' : null;
  }

  /**
   * True when `node` is one of the steps of a promise-style test: the nearest function around it is
   * the test's (or hook's) own callback (`isTestCallback`), and that callback does not call one of
   * its parameters (a `done` callback, which ends a callback-style test). Code nested in another
   * function inside the test (an event listener, a timer, an async IIFE) is no step: the test does
   * not wait for it either way, and a callback-style test ends when `done` is called, whatever its
   * dropped promises do. node:test's context parameter (`(t) => ...`) is not called, so such a test
   * stays promise-style. Whether a callback calls a parameter is read once per callback.
   */
  isPromiseTestStep(node: TSESTree.Node): boolean {
    let fn: TSESTree.Node | undefined = node.parent;
    while (fn && !isFunctionNode(fn)) fn = fn.parent;
    if (!fn || !isTestCallback(fn)) return false;
    let promiseStyle = this.promiseStyleTests.get(fn);
    if (promiseStyle === undefined) {
      promiseStyle = !this.sourceCode.getDeclaredVariables(fn).some((variable) =>
        variable.references.some((reference) => reference.identifier.parent?.type === AST_NODE_TYPES.CallExpression && reference.identifier.parent.callee === reference.identifier),
      );
      this.promiseStyleTests.set(fn, promiseStyle);
    }
    return promiseStyle;
  }

  /** Per test callback, whether it calls none of its parameters (`isPromiseTestStep`). */
  private readonly promiseStyleTests = new Map<TSESTree.Node, boolean>();

  /**
   * True when `node` runs in a command of a command-line program that ends the run itself: the
   * nearest `package.json` has a `bin`, the file is no test code and starts nothing that keeps
   * running (`keepsRunning`), and a function around `node` (at any depth) calls, in its own code,
   * `process.exit(...)` or an exit helper (`exit(code)`, `this.exitCli(code)`): when done or on a
   * failure, that command ends the program. A library module never ends its host's process, so
   * such a function is a command's flow, where a rejection ends the run with the error printed too.
   */
  endsRunAround(node: TSESTree.Node): boolean {
    this.commandMayEndRun ??= this.sourceCode.text.includes('exit') && this.inPackageWithBin() && !this.isTestCode() && !this.keepsRunning();
    if (!this.commandMayEndRun) return false;
    for (let fn = nearestFunction(node); fn; fn = nearestFunction(fn)) {
      let ends = this.functionsEndingRun.get(fn);
      if (ends === undefined) {
        ends = someNodeInSameFunction(fn.body, this.sourceCode.visitorKeys, endsTheRun);
        this.functionsEndingRun.set(fn, ends);
      }
      if (ends) return true;
    }
    return false;
  }

  /** Per function, whether its own code ends the run (`endsRunAround`): each body is walked once, however many drops it holds. */
  private readonly functionsEndingRun = new Map<TSESTree.Node, boolean>();

  /**
   * Whether the file's own conditions of `endsRunAround` hold (the word `exit`, a package with a
   * bin, no test code, nothing that keeps running), read once per file: each is a scan of the
   * whole text or a look-up by path, once per drop before, quadratic in a long file without `exit`.
   */
  private commandMayEndRun: boolean | undefined;

  /**
   * True when the file, by its own code, starts something that keeps the process running: it
   * imports a server framework or a queue worker (`SERVER_FRAMEWORK_PACKAGES`,
   * `QUEUE_WORKER_MODULES`), or calls `createServer(`, `.listen(` or `setInterval(`. (The
   * package's dependencies are not asked: they are the application's, not its scripts'.)
   */
  keepsRunning(): boolean {
    for (const module of this.modules()) if (SERVER_FRAMEWORK_PACKAGES.has(module) || QUEUE_WORKER_MODULES.has(module)) return true;
    return /\bcreate(?:Secure)?Server\s*\(|\.listen\s*\(|\bsetInterval\s*\(/.test(this.sourceCode.text);
  }
}

/** `process.exit(code)`, or a call of a function or method named `exit` or `exit<Something>` (`this.exitCli(1)`). */
function endsTheRun(node: TSESTree.Node): boolean {
  if (node.type !== AST_NODE_TYPES.CallExpression) return false;
  const callee = skipTransparent(node.callee);
  const name = callee.type === AST_NODE_TYPES.Identifier ? callee.name : callee.type === AST_NODE_TYPES.MemberExpression ? staticMemberName(callee) : null;
  return (name !== null && /^exit(?:[A-Z]\w*)?$/.test(name)) || isProcessExitCall(node);
}

/**
 * The `this.name` / `this.#name` member expressions of a class body whose `this` is the class's
 * (in its methods, accessors and field initializers, through arrow functions; not in nested
 * functions or classes), keyed `name` / `#name`, or `static name` in static members.
 */
function collectThisMembers(body: TSESTree.ClassBody, visitorKeys: TSESLint.SourceCode.VisitorKeys): Map<string, TSESTree.MemberExpression[]> {
  const found = new Map<string, TSESTree.MemberExpression[]>();
  const visit = (node: TSESTree.Node, prefix: string): void => {
    if (
      node.type === AST_NODE_TYPES.FunctionExpression ||
      node.type === AST_NODE_TYPES.FunctionDeclaration ||
      node.type === AST_NODE_TYPES.ClassDeclaration ||
      node.type === AST_NODE_TYPES.ClassExpression
    ) {
      return;
    }
    if (
      node.type === AST_NODE_TYPES.MemberExpression &&
      node.object.type === AST_NODE_TYPES.ThisExpression &&
      !node.computed &&
      (node.property.type === AST_NODE_TYPES.Identifier || node.property.type === AST_NODE_TYPES.PrivateIdentifier)
    ) {
      const key = `${prefix}${node.property.type === AST_NODE_TYPES.PrivateIdentifier ? '#' : ''}${node.property.name}`;
      const list = found.get(key);
      if (list) list.push(node);
      else found.set(key, [node]);
    }
    forEachChild(node, visitorKeys, (child) => visit(child, prefix));
  };
  for (const element of body.body) {
    const prefix = 'static' in element && element.static ? 'static ' : '';
    if (element.type === AST_NODE_TYPES.MethodDefinition) {
      if (element.value.body) visit(element.value.body, prefix);
    } else if (element.type === AST_NODE_TYPES.PropertyDefinition) {
      if (element.value) visit(element.value, prefix);
    } else if (element.type === AST_NODE_TYPES.StaticBlock) {
      for (const statement of element.body) visit(statement, 'static ');
    }
  }
  return found;
}

/**
 * True when parameters hand a function an item of work: any parameter other than an object of
 * options (`{ activate } = {}`) or one named for the program or its settings
 * (`STARTUP_ROUTINE_PARAMETERS`: `app`, `server`, `options`, `config`...). A TypeScript parameter
 * property (`constructor(private readonly db: Db)`) is judged by its name.
 */
function takesItem(params: readonly TSESTree.Parameter[]): boolean {
  return params.some((param) => {
    const inner = param.type === AST_NODE_TYPES.TSParameterProperty ? param.parameter : param;
    const pattern = inner.type === AST_NODE_TYPES.AssignmentPattern ? inner.left : inner;
    if (pattern.type === AST_NODE_TYPES.ObjectPattern) return false;
    return pattern.type !== AST_NODE_TYPES.Identifier || !STARTUP_ROUTINE_PARAMETERS.has(pattern.name);
  });
}

/** `x.once(event, f)`, `x.prependOnceListener(event, f)`, `x.addEventListener(event, f, { once: true })`: `f` runs one time. */
function listensOnce(call: TSESTree.CallExpression): boolean {
  const callee = skipTransparent(call.callee);
  const method = callee.type === AST_NODE_TYPES.MemberExpression ? staticMemberName(callee) : null;
  if (method === 'once' || method === 'prependOnceListener') return true;
  return method === 'addEventListener' && hasOption(call.arguments[2], 'once', isTrueLiteral);
}

/**
 * True when `body` (not the functions nested in it) holds a loop that runs until something stops
 * it: a `while` or `do ... while` loop, or a `for` loop without a test (`for (;;)`).
 */
function loopsForever(body: TSESTree.Node, visitorKeys: TSESLint.SourceCode.VisitorKeys): boolean {
  let found = false;
  const visit = (node: TSESTree.Node): void => {
    if (found || isFunctionNode(node)) return;
    if (
      node.type === AST_NODE_TYPES.WhileStatement ||
      node.type === AST_NODE_TYPES.DoWhileStatement ||
      (node.type === AST_NODE_TYPES.ForStatement && node.test === null)
    ) {
      found = true;
      return;
    }
    forEachChild(node, visitorKeys, visit);
  };
  forEachChild(body, visitorKeys, visit);
  return found;
}

/**
 * True when `test` is true while the binding or member written `text` is empty: `!x`,
 * `x === undefined`, `x == null`, `typeof x === 'undefined'` (operands either way round).
 */
function isEmptyTest(test: TSESTree.Expression, text: string, sourceCode: Readonly<TSESLint.SourceCode>): boolean {
  if (test.type === AST_NODE_TYPES.UnaryExpression && test.operator === '!') return compactText(test.argument, sourceCode) === text;
  if (test.type !== AST_NODE_TYPES.BinaryExpression || (test.operator !== '===' && test.operator !== '==')) return false;
  const isUndefinedString = (node: TSESTree.Node): boolean => node.type === AST_NODE_TYPES.Literal && node.value === 'undefined';
  for (const [side, other] of [[test.left, test.right], [test.right, test.left]] as const) {
    if (isNothing(other) && compactText(side, sourceCode) === text) return true;
    if (isUndefinedString(other) && side.type === AST_NODE_TYPES.UnaryExpression && side.operator === 'typeof') {
      return compactText(side.argument, sourceCode) === text;
    }
  }
  return false;
}


/** Where the functions of this file run: one `WhereItRuns` per file, shared by every rule. */
export const getWhereItRuns = perFile((context) => new WhereItRuns(context));

/**
 * True when a parameter is an editor extension's context: typed `ExtensionContext`
 * (`vscode.ExtensionContext`), or untyped and named `context` in a file that uses the editor's API
 * (it imports or requires `vscode`). A `context` typed as something else (`ItemContext`), or in a
 * module that never touches the editor's API, is an item's.
 */
function isExtensionContextParameter(param: TSESTree.Parameter, sourceCode: Readonly<TSESLint.SourceCode>): boolean {
  if (param.type !== AST_NODE_TYPES.Identifier) return false;
  if (param.typeAnnotation !== undefined) return /\bExtensionContext\b/.test(sourceCode.getText(param.typeAnnotation));
  return param.name === 'context' && importsEditorApi(sourceCode);
}

/**
 * True when a top-level statement of the file loads VS Code's extension API: `import ... from
 * 'vscode'` (not `import type`), or a declaration initialised with `require('vscode')` (also
 * destructured, or a member of it).
 */
function importsEditorApi(sourceCode: Readonly<TSESLint.SourceCode>): boolean {
  const isVscode = (node: TSESTree.Node | null | undefined): boolean =>
    node?.type === AST_NODE_TYPES.Literal && node.value === 'vscode';
  return sourceCode.ast.body.some((statement) => {
    if (statement.type === AST_NODE_TYPES.ImportDeclaration) return statement.importKind !== 'type' && isVscode(statement.source);
    if (statement.type !== AST_NODE_TYPES.VariableDeclaration) return false;
    return statement.declarations.some((declarator) => {
      let init = declarator.init;
      while (init?.type === AST_NODE_TYPES.MemberExpression) init = init.object;
      return init?.type === AST_NODE_TYPES.CallExpression && init.callee.type === AST_NODE_TYPES.Identifier && init.callee.name === 'require' && isVscode(init.arguments[0]);
    });
  });
}

/**
 * True when the function held by `holder` (see `valueSite`) is exported as `activate`: `export
 * function activate`, `export const activate = ...`, `exports.activate = ...`, or named in
 * `export { activate }` / `module.exports = { activate }`.
 */
function isExportedActivation(holder: TSESTree.Node | undefined, sourceCode: Readonly<TSESLint.SourceCode>): boolean {
  if (holder?.type === AST_NODE_TYPES.ExportNamedDeclaration || holder?.type === AST_NODE_TYPES.ExportDefaultDeclaration) return true;
  if (holder?.type === AST_NODE_TYPES.VariableDeclarator && holder.parent?.parent?.type === AST_NODE_TYPES.ExportNamedDeclaration) return true;
  if (holder?.type === AST_NODE_TYPES.AssignmentExpression && isExportsTarget(holder.left)) return true;
  return /\bexport\s*\{[^}]*\bactivate\b|\bmodule\.exports\s*=\s*\{[^}]*\bactivate\b/.test(sourceCode.text);
}
