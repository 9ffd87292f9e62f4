import type { ApiEntry, ApiSource } from '../analysis/imports';

/**
 * Module and global APIs that always return a promise. Untyped mode uses this to know that
 * `readFile(path)` from `fs/promises` is a promise without a type checker. Every entry is
 * resolved through imports (`ApiCatalogIndex`), never by its bare name.
 *
 * Only functions that return a promise on every call are listed: async iterators
 * (`fs/promises` `watch`, `timers/promises` `setInterval`) and objects (`readline/promises`
 * `createInterface`) are not promises.
 */
const FS_PROMISES = [
  'access',
  'appendFile',
  'chmod',
  'chown',
  'copyFile',
  'cp',
  'lchown',
  'link',
  'lstat',
  'lutimes',
  'mkdir',
  'mkdtemp',
  'open',
  'opendir',
  'readFile',
  'readdir',
  'readlink',
  'realpath',
  'rename',
  'rm',
  'rmdir',
  'stat',
  'statfs',
  'symlink',
  'truncate',
  'unlink',
  'utimes',
  'writeFile',
];

const DNS_PROMISES = [
  'lookup',
  'lookupService',
  'resolve',
  'resolve4',
  'resolve6',
  'resolveAny',
  'resolveCaa',
  'resolveCname',
  'resolveMx',
  'resolveNaptr',
  'resolveNs',
  'resolvePtr',
  'resolveSoa',
  'resolveSrv',
  'resolveTxt',
  'reverse',
];

/** `crypto.subtle` (Web Crypto): every method returns a promise. */
const SUBTLE = [
  'decrypt',
  'deriveBits',
  'deriveKey',
  'digest',
  'encrypt',
  'exportKey',
  'generateKey',
  'importKey',
  'sign',
  'unwrapKey',
  'verify',
  'wrapKey',
];

/** fs-extra's own async helpers (beside the `fs` functions it re-exports promisified). */
const FS_EXTRA_PROMISES = [
  'copy',
  'createFile',
  'createLink',
  'createSymlink',
  'emptyDir',
  'emptydir',
  'ensureDir',
  'ensureFile',
  'ensureLink',
  'ensureSymlink',
  'mkdirp',
  'mkdirs',
  'move',
  'outputFile',
  'outputJSON',
  'outputJson',
  'pathExists',
  'readJSON',
  'readJson',
  'remove',
  'writeJSON',
  'writeJson',
];

function calls(source: ApiSource, prefix: readonly string[], names: readonly string[]): ApiEntry<null>[] {
  return names.map((name) => ({ source, path: [...prefix, name], use: 'call', info: null }));
}

const HTTP_METHODS = ['delete', 'get', 'head', 'options', 'patch', 'post', 'put'];

/**
 * Widely used npm packages whose module-level functions always return a promise (instances and
 * builders, such as `axios.create()` or query builders, are not resolvable without types).
 */
const NPM_PROMISE_APIS: readonly ApiEntry<null>[] = [
  { source: { module: 'axios' }, path: [], use: 'call', info: null },
  ...calls({ module: 'axios' }, [], [...HTTP_METHODS, 'request', 'postForm', 'putForm', 'patchForm']),
  { source: { module: 'node-fetch' }, path: [], use: 'call', info: null },
  ...calls({ module: 'undici' }, [], ['fetch', 'request']),
  { source: { module: 'got' }, path: [], use: 'call', info: null },
  ...calls({ module: 'got' }, [], HTTP_METHODS),
  { source: { module: 'ky' }, path: [], use: 'call', info: null },
  ...calls({ module: 'ky' }, [], HTTP_METHODS),
  ...calls({ module: 'mongoose' }, [], ['connect']),
  ...calls({ module: 'puppeteer' }, [], ['launch', 'connect']),
  ...calls({ module: 'inquirer' }, [], ['prompt']),
  // fs-extra returns a promise from each async function when no callback is passed (a call given
  // one hands its error to the callback, which the rules read as handled).
  ...calls({ module: 'fs-extra' }, [], [...FS_EXTRA_PROMISES, ...FS_PROMISES]),
  { source: { module: 'delay' }, path: [], use: 'call', info: null },
];

/** Every catalogued promise-returning API. */
export const PROMISE_APIS: readonly ApiEntry<null>[] = [
  // The global fetch (Node 18+, browsers); a local `fetch` binding is not this.
  { source: { global: 'fetch' }, path: [], use: 'call', info: null },
  { source: { global: 'Promise' }, path: [], use: 'construct', info: null },
  // Promise.withResolvers() returns an object, not a promise.
  ...calls({ global: 'Promise' }, [], ['all', 'allSettled', 'any', 'race', 'reject', 'resolve', 'try']),
  ...calls({ module: 'fs/promises' }, [], FS_PROMISES),
  ...calls({ module: 'fs' }, ['promises'], FS_PROMISES),
  ...calls({ module: 'timers/promises' }, [], ['setTimeout', 'setImmediate']),
  ...calls({ module: 'timers/promises' }, ['scheduler'], ['wait', 'yield']),
  ...calls({ module: 'timers' }, ['promises'], ['setTimeout', 'setImmediate']),
  ...calls({ module: 'stream/promises' }, [], ['pipeline', 'finished']),
  ...calls({ module: 'stream' }, ['promises'], ['pipeline', 'finished']),
  ...calls({ module: 'dns/promises' }, [], DNS_PROMISES),
  ...calls({ module: 'dns' }, ['promises'], DNS_PROMISES),
  // events.once(emitter, name) resolves with the event's arguments.
  ...calls({ module: 'events' }, [], ['once']),
  ...calls({ module: 'events' }, ['EventEmitter'], ['once']),
  ...calls({ global: 'crypto' }, ['subtle'], SUBTLE),
  ...calls({ module: 'crypto' }, ['subtle'], SUBTLE),
  ...calls({ module: 'crypto' }, ['webcrypto', 'subtle'], SUBTLE),
  ...NPM_PROMISE_APIS,
];

/**
 * APIs that turn a callback-style function into a promise-returning one: a call of the function
 * `util.promisify(fn)` returns is a promise.
 */
export const PROMISIFY_APIS: readonly ApiEntry<null>[] = [
  { source: { module: 'util' }, path: ['promisify'], use: 'call', info: null },
];

/** What a factory API returns: an object whose listed methods return promises. */
export interface PromiseObjectInfo {
  /** The factory returns a promise of the object (`await open(path)`). */
  readonly awaited: boolean;
  readonly methods: readonly string[];
}

/** `FileHandle` (from `fs/promises` `open`): every I/O method returns a promise. */
const FILE_HANDLE = [
  'appendFile',
  'chmod',
  'chown',
  'close',
  'datasync',
  'read',
  'readFile',
  'readv',
  'stat',
  'sync',
  'truncate',
  'utimes',
  'write',
  'writeFile',
  'writev',
];

/**
 * APIs that create an object whose methods return promises, so untyped mode knows that
 * `const rl = createInterface(...)` (from `readline/promises`) makes `rl.question(...)` a promise,
 * and `const handle = await open(path)` makes `handle.close()` one.
 */
export const PROMISE_OBJECT_APIS: readonly ApiEntry<PromiseObjectInfo>[] = [
  {
    source: { module: 'readline/promises' },
    path: ['createInterface'],
    use: 'call',
    info: { awaited: false, methods: ['question'] },
  },
  { source: { module: 'fs/promises' }, path: ['open'], use: 'call', info: { awaited: true, methods: FILE_HANDLE } },
  { source: { module: 'fs' }, path: ['promises', 'open'], use: 'call', info: { awaited: true, methods: FILE_HANDLE } },
];

/**
 * Wrappers that return the function they are given (memoized): `useCallback(async () => ...)`
 * from React is as async as its argument.
 */
export const FUNCTION_WRAPPER_APIS: readonly ApiEntry<null>[] = [
  { source: { module: 'react' }, path: ['useCallback'], use: 'call', info: null },
  { source: { module: 'preact/hooks' }, path: ['useCallback'], use: 'call', info: null },
];

/**
 * Roots of call chains whose `.then(callback)` is not a promise's: Cypress commands
 * (`cy.get('button').then(($el) => ...)`) are queued, and their `.then` returns another command.
 * `no-floating-promises` otherwise takes `x.then(callback)` as a sign that `x` is a thenable.
 */
export const NON_PROMISE_THEN_ROOTS: ReadonlySet<string> = new Set(['cy', 'Cypress']);

/**
 * Methods of the disposable idiom: `dispose()` tears an object down (VS Code's and Monaco's
 * `IDisposable`, disposable lists that dispose their items). The contract's callers declare it
 * `dispose(): void` and cannot wait for it, so an implementation that is async by accident of its
 * items is fired and forgotten by design. `no-floating-promises` leaves such a call dropped in a
 * function that is not async alone (inside an async function it stays a forgotten `await`).
 */
export const TEARDOWN_METHODS: ReadonlySet<string> = new Set(['dispose']);

/**
 * The helpers TypeScript (and `tslib`) emit into compiled JavaScript that return no promise:
 * module plumbing (`__createBinding(exports, m, k)`, `__exportStar`, `__setModuleDefault`),
 * decorators, spreads, private fields. Names starting with `__` are TypeScript's own. Typed mode
 * answers a call of one without asking the checker, which infers each helper's type from its
 * `(this && this.__x) || function ...` initializer at some cost per file. Not `__awaiter`,
 * `__asyncGenerator`, `__asyncValues`, `__asyncDelegator` or `__disposeResources`: they return
 * promises or async iterators.
 */
export const TYPESCRIPT_EMIT_HELPERS: ReadonlySet<string> = new Set([
  '__addDisposableResource',
  '__assign',
  '__classPrivateFieldGet',
  '__classPrivateFieldIn',
  '__classPrivateFieldSet',
  '__createBinding',
  '__decorate',
  '__esDecorate',
  '__exportStar',
  '__extends',
  '__generator',
  '__importDefault',
  '__importStar',
  '__makeTemplateObject',
  '__metadata',
  '__param',
  '__propKey',
  '__read',
  '__rest',
  '__rewriteRelativeImportExtension',
  '__runInitializers',
  '__setFunctionName',
  '__setModuleDefault',
  '__spread',
  '__spreadArray',
  '__spreadArrays',
  '__values',
]);

/**
 * The declaration file of VS Code's extension API (`vscode.d.ts` as the `vscode-dts` tool writes it
 * into a project, its proposed-API companions, or `@types/vscode`): its `Thenable<T>` is the
 * promise every editor API call returns (`isEditorHostThenable` in `analysis/host-thenables.ts`).
 */
export const EDITOR_HOST_DECLARATION_FILE = /(?:^|[\\/])(?:vscode(?:\.proposed\.[\w.]+)?\.d\.ts|@types[\\/]vscode[\\/][^\\/]*\.d\.ts)$/;

/**
 * The declaration file of Electron's own API (`electron/electron.d.ts`): the host of an Electron
 * app's processes, whose requests (`win.loadURL(url)`, `webContents.insertCSS(css)`,
 * `shell.openExternal(url)`) that host logs when they fail (`callsPackageApi` in
 * `analysis/host-thenables.ts`).
 */
export const ELECTRON_DECLARATION_FILE = /(?:^|[\\/])electron[\\/]electron\.d\.ts$/;

/**
 * Methods of Electron's API whose call relies on what an earlier request of the same block did
 * (`app.relaunch()`/`exit`/`quit` after `session.clearStorageData()`, `win.loadURL(url)` after
 * `session.setProxy(config)`, `webContents.send(channel)` after `win.loadURL(url)`): an Electron
 * request dropped before one of them is no mere log line (`precedesOrderedElectronStep` in
 * `analysis/host-thenables.ts`).
 */
export const ELECTRON_ORDERED_STEPS: ReadonlySet<string> = new Set(['exit', 'quit', 'relaunch', 'loadURL', 'loadFile', 'reload', 'send']);

/**
 * Names of a query builder (`builder`, `countBuilder`, `queryBuilder`, `qb`, `knex`): knex,
 * Objection and TypeORM builders are thenables that start their query only when awaited or
 * `.then`-ed, so a builder made early and awaited later was not running meanwhile. Untyped, a
 * value held under such a name, or a method chain on one (`builder.clone().count('id')`), is
 * taken for a lazy builder; typed mode reads the type instead.
 */
export const LAZY_BUILDER_NAME = /(?:^|[a-z_$])(?:[bB]uilder|[qQ][bB])$|^(?:knex|qb|builder)$/;
