/**
 * What well-known APIs do to the world outside the program, for effect summaries
 * (`analysis/effects.ts`). Each list says why its calls matter: a call that writes a file must
 * finish before a call that reads files starts; a prompt waits for a person, one question at a
 * time; a child process may share a working tree, a port or a container name with the next one.
 */

/**
 * Modules whose exports are the file-system API (Node's own, and the drop-in wrappers that
 * re-export it). A call of one of their functions reads or writes files.
 */
export const FILE_SYSTEM_MODULES: ReadonlySet<string> = new Set([
  'fs',
  'node:fs',
  'fs/promises',
  'node:fs/promises',
  'fs-extra',
  'graceful-fs',
  'mz/fs',
]);

/**
 * File-system functions that create, change or remove files and directories (with or without the
 * `Sync` suffix, which is stripped before the lookup). A later read of the file system may depend
 * on them: the write must be done first.
 */
export const FILE_WRITE_FUNCTIONS: ReadonlySet<string> = new Set([
  'writeFile',
  'appendFile',
  'mkdir',
  'mkdtemp',
  'rm',
  'rmdir',
  'unlink',
  'rename',
  'copyFile',
  'cp',
  'symlink',
  'link',
  'truncate',
  'chmod',
  'chown',
  'utimes',
  'createWriteStream',
  // fs-extra
  'outputFile',
  'outputJson',
  'outputJSON',
  'writeJson',
  'writeJSON',
  'ensureDir',
  'ensureFile',
  'ensureLink',
  'ensureSymlink',
  'mkdirp',
  'mkdirs',
  'remove',
  'move',
  'copy',
  'emptyDir',
]);

/** File-system functions that read files or directories (`Sync` suffix stripped). */
export const FILE_READ_FUNCTIONS: ReadonlySet<string> = new Set([
  'readFile',
  'readdir',
  'stat',
  'lstat',
  'access',
  'exists',
  'readlink',
  'realpath',
  'opendir',
  'createReadStream',
  'open',
  // fs-extra
  'readJson',
  'readJSON',
  'pathExists',
]);

/**
 * Modules that start child processes, with the functions that do. A process may hold a lock
 * file, a port or a container name that the next one needs.
 */
export const PROCESS_MODULES: ReadonlyMap<string, ReadonlySet<string> | 'all'> = new Map<string, ReadonlySet<string> | 'all'>([
  ['child_process', new Set(['exec', 'execSync', 'execFile', 'execFileSync', 'spawn', 'spawnSync', 'fork'])],
  ['node:child_process', new Set(['exec', 'execSync', 'execFile', 'execFileSync', 'spawn', 'spawnSync', 'fork'])],
  ['execa', 'all'],
  ['cross-spawn', 'all'],
  // tinyexec's `x('git', ['fetch', ...])` / `exec(...)`, nano-spawn, Expo's and changesets' spawn helpers.
  ['tinyexec', 'all'],
  ['nano-spawn', 'all'],
  ['@expo/spawn-async', 'all'],
  ['spawndamnit', 'all'],
  ['zx', new Set(['$'])],
]);

/**
 * A package of a project's own that wraps child processes, by its name: the last part is
 * `child-process` or `child_process` (`@lerna/child-process`, `@scope/child_process`). Its
 * functions named as Node's (`PROCESS_WRAPPER_FUNCTIONS`: `exec`, `spawn`, `execSync`) start a
 * process as `child_process`'s do.
 */
export const PROCESS_WRAPPER_MODULE = /(?:^|\/)child[-_]process$/;

/** The functions of a `PROCESS_WRAPPER_MODULE` that start a process. */
export const PROCESS_WRAPPER_FUNCTIONS: ReadonlySet<string> = new Set([
  'exec', 'execSync', 'execFile', 'execFileSync', 'spawn', 'spawnSync', 'spawnStreaming', 'fork',
]);

/**
 * Methods of a key-value store that read one entry by its key (`await storage.getItem(key)`,
 * `await redis.get(key)`), and that write one (`STORE_WRITE_METHODS`): a function that reads a
 * fixed entry and writes it back keeps a count or a total there (`EffectSummary.updatesStoredEntry`).
 */
export const STORE_READ_METHODS: ReadonlySet<string> = new Set(['getItem', 'get']);
export const STORE_WRITE_METHODS: ReadonlySet<string> = new Set(['setItem', 'set']);

/**
 * Package managers, by the command a process is started with (`spawn('npm', ['install', dep])`,
 * `` exec(`yarn add ${name}`) ``, `runProcess('pnpm', ['remove', x])`). With one of
 * `PACKAGE_INSTALL_SUBCOMMANDS` they change one install folder: one `node_modules` (or
 * site-packages), one manifest, one lockfile. Two installs into the same folder at once overwrite
 * each other's manifest and lockfile (npm takes no lock for it), so installs run one at a time.
 */
export const PACKAGE_MANAGER_COMMANDS: ReadonlySet<string> = new Set(['npm', 'yarn', 'pnpm', 'bun', 'pip', 'pip3', 'gem', 'composer']);

/** The subcommands of `PACKAGE_MANAGER_COMMANDS` that install, update or remove packages. */
export const PACKAGE_INSTALL_SUBCOMMANDS: ReadonlySet<string> = new Set([
  'install',
  'i',
  'ci',
  'add',
  'uninstall',
  'un',
  'remove',
  'rm',
  'update',
  'upgrade',
  'link',
]);

/**
 * A call named for installing or removing something into the program's environment
 * (`installExtension(name)`, `uninstallDriver(name)`, `installDependencies(dir)`, `reinstall()`).
 * The only evidence when the installer lives in another module: installs of packages, drivers or
 * plugins go into one shared home (one folder, one manifest of what is installed) and are run one
 * at a time by every package manager; an install that registers a hook or a plugin takes effect
 * in the order of the calls too.
 */
export const PACKAGE_INSTALL_NAME = /^_?(?:un|re)?install(?:[A-Z]\w*)?$/;

/**
 * Methods that switch the state of a connection that every later statement on it runs under:
 * its current keyspace, database, schema or catalog (`connection.changeKeyspace(ks)`,
 * `client.useDatabase(name)`, `conn.setSchema(s)`, `redis.select(db)` is not here: `select` names
 * too many other things). Two callers switching one connection at once run each other's
 * statements in the wrong keyspace. Not mongoose's `connection.useDb(name)`: it returns another
 * connection object for that database and leaves the one it is called on as it was.
 */
export const SESSION_SWITCH_METHOD = /^(?!useDb$)(?:change|switch|set|use|select)(?:Keyspace|Database|Db|DB|Schema|Catalog|SearchPath)$/;

/**
 * Modules whose calls ask a person a question (inquirer, prompts, enquirer, clack,
 * `@inquirer/*`, readline-sync): a person answers one question at a time, in the order asked.
 */
export const PROMPT_MODULES: ReadonlySet<string> = new Set([
  'inquirer',
  'prompts',
  'enquirer',
  '@clack/prompts',
  '@inquirer/prompts',
  '@inquirer/input',
  '@inquirer/confirm',
  '@inquirer/select',
  '@inquirer/password',
  '@inquirer/checkbox',
  'readline-sync',
  // npm's `read` package: `read({ prompt, silent })` asks on the terminal.
  'read',
]);

/**
 * A relative import whose file is named for asking the user (`./prompt`, `../utils/prompts.js`,
 * `./read-user-info`, `./ask`, `./questions`): a project's own prompt helpers. Across files and
 * without types their bodies are out of sight, and the file name is the best evidence left;
 * every call of its exports is taken to ask a person (one question at a time).
 */
export const PROMPT_MODULE_FILE = /(?:^|[/\\])(?:[\w-]*[-_])?(?:prompts?|read-?user-?info|user-?input|ask|questions?|inquir\w*)(?:\.[cm]?[jt]sx?)?$/i;

/**
 * Names of functions that load environment variables into `process.env` (`loadEnv()`,
 * `loadEnvironmentVars()`, `loadDotenv(dir)`, `applyEnvFile(path)`): the convention of config
 * loaders. Whatever runs after one may read what it set, so it is ordered with what follows.
 */
export const ENV_LOADER_NAME = /^(?:load|apply|read|init|setup|populate)(?:Dot)?Env(?:ironment)?(?:Vars?|Variables|File|Files)?$/i;

/**
 * Function and method names that load and evaluate a module at run time (`require(path)`,
 * `dynamicImport(file)`, `importModule(url)`): the module's top-level code runs, reading files and
 * often `process.env` (a config file), so it depends on an earlier environment or file write.
 * `import` is the method of a module runner (`runner.import(url)`); `requireOrImport` is mocha's.
 */
export const MODULE_LOADER_NAMES: ReadonlySet<string> = new Set([
  'require',
  'dynamicImport',
  'importModule',
  'requireModule',
  'importFresh',
  'import',
  'requireOrImport',
]);

/**
 * Methods that evaluate source text as the module of a file (`compiler.execute(code, filename)`,
 * `compiler.compile(code, filename)` of a test runner that runs the test file, Node's
 * `module._compile(content, filename)`, `vm` runs): see `CODE_TEXT_NAME` and `FILE_NAME_NAME` for
 * the arguments that make it one. Like a module load, the file's top-level code runs (registering
 * tests, fixtures, plugins into the runner's state) in the order of the calls.
 */
export const CODE_EVALUATION_METHODS: ReadonlySet<string> = new Set([
  'execute',
  'evaluate',
  'compile',
  '_compile',
  'runInThisContext',
  'runInContext',
  'runInNewContext',
]);

/** An argument that holds a module's source text: `code`, `compiledCode`, `source`, `content`, `src`, `script`. */
export const CODE_TEXT_NAME = /^(?:code|source|src|content|script|[a-z]\w*(?:Code|Source|Script))$/;

/** An argument (or a member of one: `info.filename`) that names the file a source text comes from. */
export const FILE_NAME_NAME = /^(?:file|filename|fileName|filePath|filepath|path|[a-z]\w*(?:File|FileName|Filename|FilePath))$/;

/**
 * Method names that ask a person on an interactive interface, whatever the receiver:
 * readline's `rl.question(...)` (callback or promise form), inquirer's `inquirer.prompt([...])`.
 */
export const PROMPT_METHODS: ReadonlySet<string> = new Set(['question', 'prompt']);

/**
 * The kinds of question of prompt libraries (`@inquirer/prompts`, clack, enquirer, a CLI's own
 * `client.input.text(...)`): called with an options object that has the `message` to show
 * (`select({ message: 'Region:', choices })`), such a call asks a person.
 */
export const PROMPT_KIND_NAMES: ReadonlySet<string> = new Set([
  'input', 'text', 'select', 'confirm', 'checkbox', 'multiselect', 'password', 'number', 'editor',
  'expand', 'rawlist', 'search', 'autocomplete', 'toggle', 'list',
]);

/**
 * Methods that open a window a person answers (Electron's `dialog.showSaveDialog(...)`,
 * `showOpenDialog`, `showMessageBox`, through any receiver: `window.dialog.showOpenDialog(...)` of a
 * preload bridge), and an editor's input box or picker (`window.showInputBox(...)`,
 * `context.ui.showQuickPick(items)`, `tree.pickNode(kind)`, `showWorkspaceFolderPick()`):
 * the call waits for the person, who answers one window at a time; work beside it saves nothing
 * the person would notice.
 */
export const USER_DIALOG_METHOD = /^show(?:Save|Open|Message|Error|Input)?(?:Dialog|Box)$|^show\w*Pick(?:er)?$/;

/**
 * Names of a switch that says whether a command may ask the person running it (`nonInteractive`,
 * `non-interactive`, `interactive`, `noPrompt`): a call handed one, as an argument or a member of
 * an options object (`getContext(cmd, { nonInteractive: false })`), asks when it is off and it has
 * to (a login, a pick among several accounts or regions).
 */
export const INTERACTIVE_SWITCH_NAME = /^(?:non-?interactive|interactive|no-?prompts?|is-?interactive)$/i;

/**
 * Packages that keep a database inside the process (in memory, in a local file or in the
 * browser's IndexedDB): NeDB and its forks (an embedded document store, a subset of MongoDB's API
 * held in memory and appended to one file), LokiJS (in memory), lowdb (one JSON file), LevelDB
 * bindings (`level`, `classic-level`: a local directory), SQLite drivers (`SQLITE_DRIVER_PACKAGES`),
 * PGlite (Postgres compiled to WASM, in the process), Dexie and idb-keyval (IndexedDB), and
 * key-value files of desktop apps (electron-store, node-persist). A read of one is a lookup in
 * memory or on the local disk: sub-millisecond, nothing a network round trip would hide.
 */
export const EMBEDDED_STORE_PACKAGES: ReadonlySet<string> = new Set([
  'nedb',
  '@seald-io/nedb',
  'nedb-promises',
  '@nedb/core',
  'nedb-core',
  'lokijs',
  'lowdb',
  'level',
  'classic-level',
  'leveldown',
  'levelup',
  'memory-level',
  'browser-level',
  '@electric-sql/pglite',
  'dexie',
  'idb',
  'idb-keyval',
  'localforage',
  'electron-store',
  'node-persist',
  'sqlite3',
  'better-sqlite3',
  'sqlite',
  'sql.js',
  '@journeyapps/sqlcipher',
  '@sqlite.org/sqlite-wasm',
]);

/**
 * Packages that compute values in the process and reach nothing outside it, besides Node's own
 * modules of the disk and of values (see `moduleReadsOnlyEmbeddedStore`): ids (`uuid`, `nanoid`),
 * data helpers (`lodash`, `deep-equal`, `clone`), dates (`date-fns`, `dayjs`, `moment`),
 * validation (`zod`, `yup`, `joi`), the GraphQL parser (`graphql`), and Electron (its IPC to the
 * app's own main process stays on the machine). A module that imports any other package may
 * talk to a service, whatever its name says.
 */
export const LOCAL_VALUE_PACKAGES: ReadonlySet<string> = new Set([
  'uuid', 'nanoid', 'lodash', 'lodash-es', 'deep-equal', 'fast-deep-equal', 'clone', 'rfdc', 'date-fns', 'dayjs', 'moment',
  'zod', 'yup', 'joi', 'graphql', 'electron', 'json-order', 'mime-types', 'tslib', 'immer', 'deepmerge', 'escape-string-regexp',
]);

/** A project's own prompt helper, by its name: `askConfirm`, `askList`, `promptForVersion`. */
export const PROMPT_NAME = /^(?:ask|prompt)[A-Z]\w*$/;

/**
 * The text of a question shown to a person: a word, then `?`, then at most a colon or spaces
 * (`'Publish these packages?'`, `` `Remove ${name}? ` ``). An SQL placeholder (`'... id = ?'`) is not one.
 */
export const QUESTION_TEXT = /[A-Za-z]\?\s*:?\s*$/;

/** Method names that take a lock (async-mutex, redlock, proper-lockfile): the holder runs alone. */
export const LOCK_METHODS: ReadonlySet<string> = new Set(['acquire', 'lock', 'runExclusive', 'waitForUnlock']);

/**
 * Calls whose promise holds a value the caller already has, or can compute without I/O:
 * `Promise.resolve(x)`, and the request accessors of Next.js (`cookies()`, `headers()`,
 * `draftMode()` from `next/headers` read the current request; they are async only so the
 * framework can defer rendering), and the UI frameworks' "after the next render" promises
 * (`nextTick()` of Vue, `tick()` of Svelte). Awaiting one of them waits for nothing real, and
 * they never reject; but not Vue's `nextTick(fn)`, the update's `.then(fn)`, which rejects when
 * `fn` does.
 */
export const MEMORY_PROMISE_IMPORTS: ReadonlyMap<string, ReadonlySet<string>> = new Map([
  ['next/headers', new Set(['cookies', 'headers', 'draftMode'])],
  // The next DOM update flush of Vue (and Nuxt's auto-import modules) and Svelte: nothing to fail.
  ['vue', new Set(['nextTick'])],
  ['#imports', new Set(['nextTick'])],
  ['#app', new Set(['nextTick'])],
  ['svelte', new Set(['tick'])],
]);

/**
 * Built-in modules whose functions compute a value from their arguments, synchronously, touching
 * nothing outside the process: path manipulation (`path.basename(p)`, `join`, `relative`),
 * URL and query-string conversion (`fileURLToPath(u)`, `querystring.stringify(q)`). A call of one
 * returns no promise: an `async` helper that only returns such a value waits on nothing. With
 * and without the `node:` prefix; `os` is left out (`os.cpus()` is cheap, but a host probe).
 */
export const SYNC_VALUE_MODULES: ReadonlySet<string> = new Set(
  ['path', 'path/posix', 'path/win32', 'url', 'querystring'].flatMap((name) => [name, `node:${name}`]),
);

/**
 * Value constructors (and tests) of the functional result types, by module: libraries whose
 * functions return errors as values (`Either`, `Result`, `Option`/`Maybe`) instead of throwing or
 * rejecting. `E.right(user)`, `E.left(NOT_FOUND)`, `ok(value)`, `Just(x)` build a plain object in
 * place: no promise. An async function that returns one from inside its `try` and from its
 * `catch` (`try { await db.update(row); return E.right(true); } catch { return E.left(FAILED); }`)
 * cannot reject. Only the constructors and tests, not the combinators (`E.match(onLeft, onRight)`
 * hands back what its callbacks return, which may be a promise).
 */
export const RESULT_VALUE_CONSTRUCTORS: ReadonlyMap<string, ReadonlySet<string>> = new Map([
  ...['fp-ts/Either', 'fp-ts/lib/Either'].map((module) => [module, new Set(['left', 'right', 'of', 'isLeft', 'isRight'])] as const),
  ...['fp-ts/Option', 'fp-ts/lib/Option'].map((module) => [module, new Set(['some', 'of', 'isSome', 'isNone'])] as const),
  ['neverthrow', new Set(['ok', 'err'])],
  ['purify-ts/Either', new Set(['Left', 'Right'])],
  ['purify-ts/Maybe', new Set(['Just'])],
  ['purify-ts', new Set(['Left', 'Right', 'Just'])],
]);

/**
 * Built-in modules whose every function answers synchronously about the host (`os.arch()`,
 * `os.platform()`, `os.homedir()`): a call returns no promise, so an `async` helper that only
 * returns such a value waits on nothing (`module-functions`' reading of another module's
 * declaration). Kept apart from `SYNC_VALUE_MODULES`: a probe of the host is no value computed
 * from the arguments.
 */
export const SYNC_HOST_MODULES: ReadonlySet<string> = new Set(['os', 'node:os']);

/**
 * Constructors whose object starts working as it is made (a thread, a connection, a listening
 * server): `new Worker(file)`, `new WebSocket(url)`, an ioredis client (`new Redis(url)`, which
 * connects unless told `lazyConnect`). Listeners registered on one may fire while the function
 * that made it waits, even before the function touches it again.
 */
export const SELF_STARTING_CONSTRUCTORS: ReadonlySet<string> = new Set([
  'Worker',
  'SharedWorker',
  'WebSocket',
  'WebSocketServer',
  'EventSource',
  'Redis',
  'IORedis',
]);

/**
 * Promise APIs of a module that never reject, by the module and the member path below its export
 * (`vscode` `window.showErrorMessage(...)`): a dropped promise of one loses no error. VS Code's
 * message popups resolve with the item the user clicked, or `undefined` when the popup is
 * dismissed; the `.then((choice) => ...)` that extensions hang on them is the popup's click
 * handler, not a task whose failure someone must see. Electron's native dialogs
 * (`dialog.showMessageBox`, `showOpenDialog`, `showSaveDialog`, `showCertificateTrustDialog` of the
 * main process, also reached as `remote.dialog` or through `@electron/remote`) resolve with the
 * clicked button or the chosen paths (`canceled: true` when dismissed); bad options throw
 * synchronously, before any promise exists. Electron's platform calls that report their outcome
 * as the resolved value (`ELECTRON_STATUS_CALLS`) are such promises too.
 */
const ELECTRON_DIALOGS: readonly string[] = ['showMessageBox', 'showOpenDialog', 'showSaveDialog', 'showCertificateTrustDialog'];
/**
 * Electron calls whose promise settles with a status instead of rejecting, as the Electron API
 * docs say: `shell.openPath(path)` resolves with an error message (`''` on success);
 * `systemPreferences.askForMediaAccess(type)` resolves `true` when access is granted and `false`
 * when it is denied (it rejects only for a media type other than `'microphone'` / `'camera'`, a
 * programming error).
 */
const ELECTRON_STATUS_CALLS: readonly (readonly string[])[] = [
  ['shell', 'openPath'],
  ['systemPreferences', 'askForMediaAccess'],
];
export const NEVER_REJECTING_APIS: ReadonlyMap<string, readonly (readonly string[])[]> = new Map([
  [
    'vscode',
    [
      ['window', 'showInformationMessage'],
      ['window', 'showWarningMessage'],
      ['window', 'showErrorMessage'],
    ],
  ],
  [
    'electron',
    [
      ...ELECTRON_DIALOGS.map((name) => ['dialog', name]),
      ...ELECTRON_DIALOGS.map((name) => ['remote', 'dialog', name]),
      ...ELECTRON_STATUS_CALLS,
      ...ELECTRON_STATUS_CALLS.map((path) => ['remote', ...path]),
    ],
  ],
  ['@electron/remote', [...ELECTRON_DIALOGS.map((name) => ['dialog', name]), ...ELECTRON_STATUS_CALLS]],
]);

/**
 * Cache revalidations of a data-fetching hook library, by module and the name of the callee's
 * declared type (a type alias, an interface, or the property a function type is declared on), with
 * the index of the argument that carries new data. SWR's `mutate` (bound: `KeyedMutator`, data
 * first; global or from `useSWRConfig()`: `ScopedMutator`, key then data) and `useSWRInfinite`'s
 * `setSize`, called without data or with plain data, only start a revalidation: SWR runs the
 * fetcher inside its own `try` and stores a failure in the hook's `error` state, which the page
 * renders; the promise only resolves. With a promise or a function as the data, `mutate` awaits
 * it and rethrows its failure: still judged.
 */
export const CACHE_REVALIDATIONS: ReadonlyMap<string, ReadonlyMap<string, number>> = new Map([
  [
    'swr',
    new Map([
      ['KeyedMutator', 0],
      ['ScopedMutator', 1],
      ['setSize', -1],
    ]),
  ],
]);

/**
 * In-memory publish/subscribe classes, by module and exported class name, with the methods whose
 * promise only resolves. graphql-subscriptions' `PubSub` (re-exported by Apollo Server 2's
 * packages) hands a published payload to its subscribers through an event emitter of the same
 * process and then resolves: nothing waits on a network or a disk, and its subscribers are the
 * library's own iterators, which only queue the payload. A dropped `publish(...)` of one loses no
 * error (`FileEffects.publishesInMemory`). Its networked siblings (a Redis or Postgres `PubSub`
 * from other packages) are not here: their `publish` is a round trip that can fail.
 */
export const IN_MEMORY_PUBSUB_CLASSES: ReadonlyMap<string, ReadonlyMap<string, ReadonlySet<string>>> = new Map(
  ['graphql-subscriptions', 'apollo-server', 'apollo-server-express'].map((module) => [module, new Map([['PubSub', new Set(['publish'])]])]),
);

/** Every method name of `IN_MEMORY_PUBSUB_CLASSES`: the cheap test asked before the receiver's values. */
export const IN_MEMORY_PUBSUB_METHODS: ReadonlySet<string> = new Set([...IN_MEMORY_PUBSUB_CLASSES.values()].flatMap((classes) => [...classes.values()].flatMap((methods) => [...methods])));

/**
 * Modules whose default export turns one event of an emitter into a promise
 * (`promisifyEvent(socket, 'drain')`) that rejects only when that event is `'error'`: for any
 * other event name, written as a string, the promise only resolves (it settles when the event
 * fires; an error of the emitter leaves it pending, it does not reject it). Node's `events.once`
 * is not one: it rejects when the emitter emits `'error'` while waiting.
 */
export const ERROR_EVENT_ONLY_PROMISIFIERS: ReadonlySet<string> = new Set(['promisify-event']);

/**
 * Modules whose `config()` writes `process.env` (dotenv and its expanders): a later reader of the
 * environment depends on it.
 */
export const ENV_LOADER_MODULES: ReadonlySet<string> = new Set(['dotenv', 'dotenv-flow', 'dotenv-expand', '@dotenvx/dotenvx']);

/**
 * Class names (the class's own or its superclass's, last camelCase word) of objects that ARE one
 * ordered resource: a connection, query runner, session, transaction, driver handle, socket. Their
 * methods act through one channel, so calls on `this` inside such a class run in order. `Client`
 * is not in the list: an HTTP client class is usually stateless, and its own calls may overlap.
 */
export const ORDERED_RESOURCE_CLASS_WORDS: readonly string[] = [
  'Connection',
  'QueryRunner',
  'Runner',
  'Session',
  'Transaction',
  'Driver',
  'Database',
  'Db',
  'Socket',
  'Cursor',
  'Channel',
  // The parts of an ORM that work through one connection or transaction: a unit of work and its
  // persister write entities in commit order; a schema generator/builder/helper/migrator runs DDL
  // statements one after another on one connection.
  'Persister',
  'UnitOfWork',
  'SchemaGenerator',
  'SchemaBuilder',
  'SchemaHelper',
  'Migrator',
];

/**
 * Receiver names (a local, parameter or `this` field: `runner`, `queryRunner`, `this.queryRunner`,
 * `em`, `entityManager`, `manager`, `driver`, `this.queryInterface`) that hold one ORM connection
 * handle: its query runner, its entity manager, its driver or its query interface. Calls through
 * one (also down a chain: `em.getLoader().load(x)`) run on the same connection, in order.
 */
export const ORDERED_RESOURCE_HANDLE_NAME = /^(?:em|uow|entityManager|manager|driver|queryInterface|unitOfWork|runner|\w*QueryRunner|queryRunner)$/;

/**
 * Constructors and factory methods whose result is one ordered resource: a field initialized
 * from one (`this.db = new Database(file)`, `this.runner = connection.createQueryRunner()`,
 * `this.manager = runner.manager`) makes calls through that field run in order.
 */
export const ORDERED_RESOURCE_FACTORIES: ReadonlySet<string> = new Set([
  'Database',
  'createConnection',
  'getConnection',
  'createQueryRunner',
  'connect',
  'createClient',
  'startSession',
  'transaction',
  'manager',
  'getEntityManager',
  'createEntityManager',
  'fork',
]);

/**
 * Names that hold a database transaction. A call that is handed one (`await step(trx)`) is part of
 * the transaction, whose statements run in order on one connection.
 */
export const TRANSACTION_NAMES: ReadonlySet<string> = new Set(['tx', 'trx', 'transaction', 'txn']);

/**
 * Name prefixes of file-system metadata lookups (`lstat`, `stat`, `realpath`, `exists`,
 * `pathExists`, `readlink`, and helpers named after them such as `realpathIfExists`). Two of them
 * on a local disk take microseconds each: gathering them is correct but not worth a change.
 */
export const FILE_METADATA_PREFIXES: readonly string[] = [
  'stat',
  'lstat',
  'realpath',
  'getRealPath',
  'exists',
  'pathExists',
  'readlink',
  'access',
  'isFile',
  'isDirectory',
  // The same lookups behind a project's own `fs` wrapper (`fsExists(marker)`, `fsStat(p)`).
  'fsExists',
  'fsStat',
  'fsLstat',
  'fileExists',
  'dirExists',
  'directoryExists',
];

/**
 * Words with which code says a loop is sequential on purpose, in their many phrasings:
 * "sequential on purpose", "one at a time", "in order", "order matters", "must not be written
 * concurrently", "avoid concurrent queries on the same client", "consumers rely on delivery order",
 * "do not run in parallel", "these can't be parallelized", "to avoid a race", "keep the original order", "in the order they came",
 * "connect one backend after the other", "foreign keys" (parents are inserted before children),
 * "must come first", "must be created before", "users before projects before tasks".
 */
export const SEQUENTIAL_INTENT =
  /\b(?:sequential(?:ly)?|serial(?:ly|ized?)?|one (?:at a time|(?:\w+ )?after (?:the )?(?:other|another)|by one)|foreign[- ]keys?|must (?:come|run|happen|go|exist|be (?:done|created|written|inserted|ready))\b[^.\n]{0,20}\b(?:first|before)|\w+ before \w+ before \w+|in (?:order|turn|sequence)|order matters|(?:delivery|insertion|execution|registration) order|rely on (?:the )?order|(?:not|never|avoid|cannot|can'?t|won'?t|shouldn'?t|mustn'?t)\b[^.\n]{0,40}\b(?:concurrent(?:ly)?|parallel(?:i[sz]e[ds]?|i[sz]able)?|at the same time|simultaneous(?:ly)?)|(?:keep|preserve|maintain)s?\b[^.\n]{0,30}\border|in the (?:same |original |given )?order|same (?:client|connection|session|socket)|race condition|to avoid (?:a )?race)\b/i;

/**
 * Words with which code says the call beside it answers from memory, so there is nothing to
 * overlap: "returns the cached token", "served from the cache", "reads from the in-memory cache",
 * "a memoised lookup", "no extra requests when it is called again", "makes no network request".
 * A bare "cached" (what the call will do with its answer, "cached in storage afterwards"), a
 * negated or wished-for cache ("not cached", "should be cached") and "already loaded" (often about
 * something else) do not count.
 */
export const CACHED_CALL_NOTE =
  /\b(?:(?:returns?|returning|serves?|served|answers?|answered|reads?|comes?|gets?|uses?) (?:\w+ ){0,2}(?:from (?:the |a |its |an )?(?:in-memory |local )?cache\b|cached (?:value|result|copy|token|session|config|instance|answer|response|promise|data)s?\b)|(?<!\bnot |n't |should be |could be |to be )memoi[sz]ed (?:lookup|call|function|getter|helper|resolver|value|result)s?\b|(?:does not|doesn'?t|won'?t|will not|never|no|makes no)\b[^.\n:;,]{0,20}\b(?:(?:extra|additional|further|new|more|another)\s+)?(?:(?:api|network|http|remote|server|db|database)\s+)?(?:calls?|requests?|round[- ]?trips?)\b[^.\n]{0,60}\b(?:repeated(?:ly)?|again|twice|second time)|\b(?:makes? no|without(?: a| any)?)\s+(?:(?:extra|additional)\s+)?(?:network|api|http|remote) (?:calls?|requests?|round[- ]?trips?))/i;

/**
 * Names of awaited methods that produce ordered output: a log line, an element of a document, an
 * event to reporters (`out.log(...)`, `this.writeElement(...)`, `reporter.onTestEnd(t)`,
 * `printSummary`), events dispatched to listeners (`dispatchEvent`, `handleDispose`). `send*` is not here: `sendEmail(user)` per user is independent work. Called per iteration, concurrent iterations would interleave the output.
 */
export const ORDERED_OUTPUT_NAME =
  /^[_#]*(?:log|print|write[A-Z]\w*|emit[A-Z]?\w*|report[A-Z]\w*|on[A-Z]\w*|dispatch(?:[A-Z]\w*)?|handle[A-Z]\w*|[a-z]\w*Log)$/;

/**
 * A function that shows progress in the terminal while it runs the action it is handed
 * (`await logAsync(() => upload(file), { pending: 'Uploading', success: 'Uploaded' })`,
 * `withSpinner(label, task)`, `spinnerAsync(...)`, `withProgress(...)`): it starts a spinner or a
 * progress line, waits for the action, then replaces the line with the outcome. Two running at
 * once draw over each other's line.
 */
export const PROGRESS_WRAPPER_NAME = /^(?:logAsync|spinner|spinnerAsync|withSpinner|withProgress|showProgress|withLogging)$/;

/** A receiver that is a terminal spinner (`spinner.succeed()`, `this.spinner.start(text)`, `loadingSpinner.fail()`). */
export const SPINNER_NAME = /^(?:spinner|[a-z]\w*Spinner)$/;

/**
 * Methods named as an event that happened, told to reporters or listeners in turn
 * (`await run.enqueued(project, file)`, `await hooks.collected(files)`): listeners expect the
 * events of one file before the next file's.
 */
export const EVENT_NOTICE_NAME =
  /^[_#]*(?:enqueued|queued|collected|updated|started|finished|completed|ended|failed|passed|skipped|changed|ready)$/;

/**
 * Schema changes (DDL) named as such: a verb then a schema object (`addColumn`, `dropTable`,
 * `createSearchIndex`, `removeConstraint`). Foreign keys and the shared table make their order
 * matter, and drivers usually run them on one connection.
 */
export const SCHEMA_CHANGE_NAME =
  /^(?:add|drop|remove|create|alter|rename|change|truncate|clear)(?:[A-Z]\w*)?(?:Table|Column|Index|Constraint|Schema|ForeignKey|Database|View|Sequence|Collection)s?$/;

/**
 * Called functions that fill in members of the objects they are given (`populate(docs, path)`,
 * `this.populateField(meta, entities, hint)`, `hydrate(rows)`, `this.expandProperty({ items,
 * expand })`: a relation fetched and attached to each object): called per iteration with the same
 * objects, the iterations write the same members, and a nested expansion reads what the expansion
 * of its parent attached.
 */
export const ARGUMENT_FILLER_NAME = /^[_#]*(?:populate|hydrate|expand)(?:[A-Z]\w*)?$/;

/**
 * Keys of an options object that carry the objects a filler fills in (`{ items, expand }`,
 * `{ docs: rows }`): see `ARGUMENT_FILLER_NAME`.
 */
export const FILLED_OBJECTS_KEY = /^(?:items|docs|documents|rows|entities|records|results|data|nodes|objects|models)$/;

/**
 * Names of calls that run one unit of a runner in turn: a suite, a test, a file of tests, a
 * lifecycle script or hook (`runSuite`, `runTests`, `runLifecycleHook`, `runScripts`).
 */
export const ORDERED_RUN_NAME = /^(?:run|execute|invoke)\w*(?:Suite|Test|File|Script|Lifecycle|Hook)s?$/;

/**
 * Methods that run a statement on a connection. A class that defines one of them and one of
 * `CONNECTION_LIFECYCLE_METHODS` is itself a connection or query runner, whatever its name.
 */
export const STATEMENT_METHODS: ReadonlySet<string> = new Set(['query', 'execute', 'exec', 'raw', 'run']);

/** Methods that manage a connection's transaction or life (see `STATEMENT_METHODS`). */
export const CONNECTION_LIFECYCLE_METHODS: ReadonlySet<string> = new Set([
  'startTransaction',
  'beginTransaction',
  'commitTransaction',
  'rollbackTransaction',
  'release',
  'connect',
]);

/**
 * Methods of strings, numbers and arrays that compute a value from memory (`name.trim()`,
 * `parts.join('/')`). Lookups that a repository or client also names (`find`, `get`, `has`) are
 * not here: on an unknown receiver they may be queries.
 */
export const VALUE_METHODS: ReadonlySet<string> = new Set([
  'toUpperCase',
  'toLowerCase',
  'trim',
  'trimStart',
  'trimEnd',
  'split',
  'join',
  'slice',
  'substring',
  'padStart',
  'padEnd',
  'replace',
  'replaceAll',
  'startsWith',
  'endsWith',
  'toFixed',
  'toString',
  'toISOString',
  'stringify',
  'localeCompare',
  'charAt',
  'indexOf',
  'includes',
]);

/**
 * An iterated expression that says its order was chosen (`commitOrder`, `getOrderedTables()`,
 * `sortedFiles`, `list.reverse()`, `list.toReversed()`, `reversed`, `list.sort(...)`): a loop over
 * it runs in that order on purpose (a rollback undoes steps last to first).
 */
export const ORDERED_ITERABLE =
  /[oO]rder(?:ed)?\b|[a-z]Order|\b[sS]orted|[a-z]Sorted|\.reverse\(\)|\.toReversed\(\)|\b[rR]eversed\b|[a-z]Reversed\b|\.sort\(|\.toSorted\(/;

/** Receivers and methods that read the clock to measure elapsed time (a benchmark reads them in a loop). */
export const CLOCK_READS: ReadonlyMap<string, ReadonlySet<string>> = new Map([
  ['Date', new Set(['now'])],
  ['performance', new Set(['now', 'mark', 'measure'])],
  ['process', new Set(['hrtime'])],
  ['console', new Set(['time', 'timeEnd'])],
]);

/**
 * Built-in constructors that make a value in memory (`new Uint8Array(buffer)`, `new TextEncoder()`,
 * `new Map()`, `new URL(href)`): the object is no promise and waits for nothing.
 */
export const BUILT_IN_VALUE_CONSTRUCTORS: ReadonlySet<string> = new Set([
  'Uint8Array', 'Uint8ClampedArray', 'Uint16Array', 'Uint32Array', 'Int8Array', 'Int16Array', 'Int32Array',
  'Float32Array', 'Float64Array', 'BigInt64Array', 'BigUint64Array', 'ArrayBuffer', 'DataView',
  'TextEncoder', 'TextDecoder', 'Map', 'Set', 'WeakMap', 'WeakSet', 'Date', 'URL', 'URLSearchParams', 'RegExp', 'Error', 'Array', 'Object',
]);

/**
 * WebCrypto operations (`crypto.subtle.digest(...)`, `subtle.sign(...)` of `const { subtle } =
 * await import('uncrypto')`) that hash, sign or check a small input, or import or export a key: CPU
 * work of microseconds behind a promise, no I/O. Two of them awaited in turn (two HMACs of a
 * handshake, a key digest beside a request) have nothing to overlap. Key generation and key
 * derivation (`generateKey`, `deriveBits`: PBKDF2 with many iterations) are left out: they may
 * take long enough that running them beside other work matters.
 */
export const WEB_CRYPTO_QUICK_METHODS: ReadonlySet<string> = new Set(['digest', 'sign', 'verify', 'importKey', 'exportKey', 'encrypt', 'decrypt']);

/** Synchronous functions of the global `crypto` (WebCrypto) that compute a value in place: `crypto.getRandomValues(buffer)`. */
export const SYNC_CRYPTO_FUNCTIONS: ReadonlySet<string> = new Set(['getRandomValues', 'randomUUID']);

/** Built-in collections whose methods compute from memory (a lookup in one waits for nothing). */
export const IN_MEMORY_COLLECTIONS: ReadonlySet<string> = new Set(['Map', 'Set', 'WeakMap', 'WeakSet', 'Array', 'Object']);

/** The keyed built-in collections: no method of theirs waits for anything or returns a promise of its own. */
export const KEYED_COLLECTIONS: ReadonlySet<string> = new Set(['Map', 'Set', 'WeakMap', 'WeakSet']);

/**
 * Methods of the keyed collections that answer with the collection itself, a boolean or nothing,
 * never with a value stored in it (`get` may hand out a stored promise): a call of one is no promise.
 */
export const COLLECTION_STATUS_METHODS: ReadonlySet<string> = new Set(['set', 'add', 'delete', 'has', 'clear']);

/**
 * Methods named for work on values in memory: `await sequencer.sort(files)` calls a pluggable
 * strategy whose default is an `async` method that only sorts; `await nip19.decode(key)` decodes a
 * string; `await adapter.getHeaders()` reads the request's headers. Awaiting one waits for
 * nothing real.
 */
export const MEMORY_METHODS: ReadonlySet<string> = new Set(['sort', 'decode', 'encode', 'getHeaders', 'getCookies']);

/**
 * Getters of a framework's memoised instance (`getPayload({ config })`, `Foo.getInstance()`): the
 * first call builds it, every later one answers with the same object. Beside real I/O there is
 * nothing to overlap. (A class's getter named after the class, `Calculator.getCalculator(id)`,
 * is one too: see `FileEffects.apiEffect`.)
 */
export const SINGLETON_GETTER_NAMES: ReadonlySet<string> = new Set(['getPayload', 'getInstance', 'getSingleton']);

/**
 * Getters named for a memoised instance by their shape: `getInstance`-like (`getI18nInstance()`,
 * `getDbInstance()`) and the instance of an i18n library (`getI18n(lang)`, `getTranslator()`),
 * built once per process or language and then handed out from memory.
 */
export const MEMOISED_INSTANCE_GETTER = /^get(?:[A-Z]\w*)?Instance$|^get(?:I18n|Intl|Translator)(?:[A-Z]\w*)?$/;

/**
 * A lookup of request-scoped state that the adapter itself holds (`getSession(this, req)`,
 * `getTransaction(this, req)`): called with `this` and the request, it reads
 * `this.sessions[req.transactionID]`, a map in memory.
 */
export const REQUEST_STATE_GETTER = /^get(?:Session|Transaction|Tx|Trx|TransactionId|TransactionID)$/;

/** Argument names of the request whose state `REQUEST_STATE_GETTER` looks up. */
export const REQUEST_ARGUMENT_NAMES: ReadonlySet<string> = new Set(['req', 'request', 'ctx', 'context']);

/**
 * The name a module gives its file-system object, when it is not Node's own module: `fse`,
 * `fsExtra`, `fsp`, a toolkit's `AzExtFsExtra` or `workspaceFs`. Its methods named like `fs`'s
 * (`readFile`, `readJSON`, `pathExists`, `writeFile`) read or write the local disk.
 */
export const FILE_SYSTEM_OBJECT_NAME = /^(?:fse|fsp|fsExtra|fsPromises)$|[a-z]Fs(?:Extra|Promises|Utils)?$/;

/**
 * A plain function (not a method) of another module named for reading the local disk: a read verb
 * (`read`, `load`, `stat`, `glob`...) then, optionally, a name that says file or folder (the
 * `thing` group: `readWantedLockfile`, `loadJsonFile`, `readFileOrUndefined`). Without the
 * `thing`, the first argument must be a path (`LOCAL_PATH_ARGUMENT`): `readLedger(workspaceDir)`.
 */
export const LOCAL_FILE_HELPER_NAME =
  /^(?:read|load|stat|lstat|realpath|glob|exists|pathExists)(?=$|[A-Z])(?:\w*?(?<thing>File|Dir|Directory|Folder|Json|JSON|Yaml|Toml|Lockfile|Manifest))?\w*$/;

/** An argument named like a local path: `dir`, `cwd`, `filePath`, `lockfileDir`, `workspaceRoot`. */
export const LOCAL_PATH_ARGUMENT =
  /^(?:dir|dirname|path|file|filename|filepath|folder|cwd|root|rootDir)$|[a-z0-9](?:Dir|Path|File|Folder|Root|Cwd|Dirname|Filename)$/;

/**
 * A call named like a check that refuses a request: a validation or an assertion verb
 * (`validateInput`, `verifyToken`, `assertOwner`, `authorize`, `authenticateUser`, `requireAuth`),
 * a permission question (`canEdit`), a lookup of the caller's access (`getOperationAccess`,
 * `checkFilterAccess`), or a call of an authentication hook (`callOnAuth(room, options)`,
 * `runOnAuthenticate(...)`, which rejects an unauthorised client). Work that follows it waits for
 * its answer: starting that work beside it would run it (and its side effects) for a refused or
 * invalid request. (`check` alone is not one: `checkDatabase(db)` is a health probe.)
 */
export const GUARD_CALL_NAME =
  /^_?(?:assert|validate|verify|authori[sz]e|authenticate)(?:[A-Z]\w*)?$|^_?require[A-Z]\w*$|^_?(?:can|may)[A-Z]\w*$|(?:Access|Authori[sz]ation)$|On(?:Auth|Authenticate|Authori[sz]e)$/;

/**
 * Reads of the signed-in user or session: `auth()`, `getServerSession(options)`, `getSession()`,
 * `currentUser()`; also a `get...` method of an object named `auth` (`supabase.auth.getUser()`,
 * `auth.api.getSession(...)`, `AUTH_OBJECT_NAME`). A function that throws when such a read finds
 * no one authenticates the request, whatever the function is called.
 */
export const SIGNED_IN_READ_NAME = /^(?:auth|getServerSession|getServerAuthSession|getSession|currentUser|getCurrentUser)$/;

/** The object whose `get...` methods read the signed-in user: see `SIGNED_IN_READ_NAME`. */
export const AUTH_OBJECT_NAME = /^auth$/;

/**
 * Reads of `SIGNED_IN_READ_NAME` (and `auth.get...` methods) that a store or an admin SDK also
 * names for a lookup by id (`getSession(roomId)` of a game, firebase-admin's `auth.getUser(uid)`):
 * they read the caller's sign-in only when handed nothing, an options object
 * (`auth.api.getSession({ headers })`) or the request itself (`SIGNED_IN_REQUEST`,
 * `SIGNED_IN_REQUEST_PART`).
 */
export const KEYED_SESSION_READ_NAME = /^getSession$/;

/**
 * Methods that end a query of one row (`.single()` of supabase, prisma's `findUnique`/`findFirst`,
 * `findOne`/`findById`/`findByPk` of mongoose and sequelize): a sign-in helper that looks up only
 * the signed-in member's own row (`getServerProfile()`) still returns the caller's identity.
 */
export const ONE_ROW_READ = /^(?:single|maybeSingle|findUnique|findUniqueOrThrow|findFirst|findFirstOrThrow|findOne|findById|findByPk)$/;

/** The request handed whole to a session read (`getSession(req)`). */
export const SIGNED_IN_REQUEST = /^(?:req|request)$/;

/** Names in an argument that say a session read is of the request's cookies (`request.headers.get('Cookie')`, `cookies()`). */
export const SIGNED_IN_REQUEST_PART = /^(?:headers|cookies?)$/i;

/**
 * A check awaited for its throw alone (`await checkLoggedIn();`, `await checkQuota(team);` as a
 * statement, its result unused): it can matter only by refusing what follows. A `check...` call
 * whose result is kept (`const healthy = await checkDatabase(db)`) is a probe, not one.
 */
export const UNUSED_CHECK_NAME = /^_?check[A-Z]\w*$/;

/**
 * A step that makes a precondition hold before the work that needs it (`ensureApiEnabled`,
 * `ensure`, `check` of an `ensure...` module: `ensureServiceAgentRole`, `cloudBuildEnabled`): an
 * API switched on, a role granted. A gather of such steps is a phase of its own; what follows may
 * call the API it enabled.
 */
export const PRECONDITION_STEP_NAME = /^_?ensure(?:[A-Z]\w*)?$|^_?check$|Enabled$/;

/**
 * A step named for finalising what earlier steps registered (`finalizeSchema()`, `registry.finalize()`,
 * `_finalise()`): it seals module or registry state that the steps before it fill (plugins
 * registering their config schemas, routes added to a router), so it must run after them.
 */
export const FINALIZING_STEP_NAME = /^_?finali[sz]e(?:[A-Z]\w*)?$/;

/**
 * A function named for benchmarking the machine (`getBenchmarkIndex`, `runBenchmark`): what runs
 * beside it changes what it measures (see `EffectSummary.benchmarks` for the same-file evidence).
 */
export const BENCHMARK_NAME = /(?:^|[a-z_])[bB]enchmark(?:$|[A-Z_])/;

/**
 * Type names of database handles that hand each query to a pool of connections (knex's `Knex`,
 * pg's and mysql2's `Pool`, `PrismaClient`, `Sequelize`, TypeORM's `DataSource`, `MongoClient`,
 * `Kysely`): two queries through one are independent, they may run on two connections at once.
 */
export const POOL_TYPE_NAMES: ReadonlySet<string> = new Set([
  'Knex',
  'Pool',
  'PrismaClient',
  'Sequelize',
  'DataSource',
  'MongoClient',
  'Kysely',
]);

/**
 * Type names of one connection, whose queries run one at a time in order (pg's `Client` and
 * `PoolClient`, mysql2's `PoolConnection`, a `Connection`, a `QueryRunner`, a transaction, a session).
 */
export const SINGLE_CONNECTION_TYPE_NAME = /^(?:Client|PoolClient)$|(?:Connection|QueryRunner|Transaction|Session|EntityManager)$/;

/**
 * A configuration value read by its literal key (`await setting('theme')`,
 * `getSetting('smtpHost')`, `getConfigValue('x')`): settings stores cache their values, so the
 * read almost never waits; gathering it with another call is correct but not worth a change.
 */
export const SETTING_READER_NAME = /^(?:get)?[sS]etting$|^getConfigValue$|^getOption$/;

/**
 * Translation lookups (`translator.translate('[[email:invite]]', lang)`, `i18n.t('key')`,
 * `intl.formatMessage(...)`): the language files are loaded once and kept in memory, so the
 * lookup almost never waits.
 */
export const TRANSLATION_METHODS: ReadonlySet<string> = new Set(['translate', 'formatMessage']);

/** A settings store read through its `get` (`await Settings.get('nscd')`, `this.settings.get('theme')`). */
export const SETTINGS_RECEIVER = /^_?(?:settings?|Settings?|[a-z]\w*Settings)$/;

/**
 * The first camelCase word of a function's name that marks one-time schema or data migration code
 * (`migrateDown`, `migrateNewStatusPage`, `runMigrations`' steps are named `migrate*`): it runs once
 * per deploy, where the order of its steps is the plan and latency does not matter.
 */
export const MIGRATION_FUNCTION_WORDS: ReadonlySet<string> = new Set(['migrate', 'migration', 'migrations']);

/**
 * Names of a function that sends a request (`fetchOutdatedFromRegistry`, `downloadTarball`,
 * `requestToken`, `uploadArtifact`, `publishRelease`): handed the project folder, it still finds
 * what to ask for there and then waits on a service.
 */
export const REQUEST_FUNCTION_NAME = /^(?:fetch|download|request|upload|publish)(?:[A-Z0-9_]|$)/;

/** Roots of a call chain that reach the network: `fetch(url)`, `axios.get(url)`, `got(url).json()`. */
export const NETWORK_CALL_ROOTS: ReadonlySet<string> = new Set(['fetch', 'axios', 'got', 'ky', 'superagent', 'request', 'undici', 'http', 'https']);

/**
 * Modules (without a `node:` prefix) whose import makes a module reach outside its process: the file
 * system (`FILE_SYSTEM_MODULES`), child processes (`PROCESS_MODULES`), and the network and other
 * threads or processes listed here. A module importing none of them computes from what it is given,
 * as far as its own text shows.
 */
export const OUTSIDE_WORLD_MODULES: ReadonlySet<string> = new Set([
  ...[...FILE_SYSTEM_MODULES, ...PROCESS_MODULES.keys()].filter((name) => !name.startsWith('node:')),
  ...[...NETWORK_CALL_ROOTS].filter((name) => name !== 'fetch'),
  'http2', 'net', 'tls', 'dgram', 'dns', 'readline', 'worker_threads', 'cluster', 'node-fetch', 'cross-fetch', 'ws',
]);

/**
 * Methods that run a statement on an SQLite handle (sqlite3, sqlite, better-sqlite3): `db.run(sql)`,
 * `db.exec(sql)`, `db.all(q)`, `db.get(q)`, `db.each(q, cb)`, `db.prepare(sql)`.
 */
export const SQLITE_STATEMENT_METHODS: ReadonlySet<string> = new Set(['run', 'exec', 'all', 'get', 'each', 'prepare']);

/**
 * The loader or constructor of a PDF document held in memory (pdf-lib's `PDFDocument.load(bytes)`,
 * `PDFDocument.create()`, a project's `PDF.load(...)` wrapper), matched on the callee's text: what
 * is drawn into such a document is CPU work on one object, in the order it is drawn.
 */
export const IN_MEMORY_DOCUMENT_FACTORY = /^(?:PDFDocument|PDF|Pdf|PdfDocument|PDFDoc)\.(?:load|create)$/;

/**
 * A function or method named for reading what a cache holds (`getCachedLicense()`,
 * `cachedSettings()`, `readCachedToken()`): it answers from memory once the cache is filled.
 */
export const CACHED_READ_NAME = /^(?:getCached|readCached|cached)[A-Z]\w*$/;

/**
 * Global calls, with no arguments, that cannot throw: clocks and random numbers, what a function
 * typically computes before its `try` (`const started = Date.now();`). A declaration initialised
 * with one of them may stand before an async function's catch-all `try` without making its
 * promise one that can reject (`guarded-bodies.ts`, read as text: a local shadowing `Date` is
 * not seen, and would have to throw on a call to matter).
 */
export const CANNOT_THROW_CALLS: ReadonlySet<string> = new Set([
  'Date.now',
  'performance.now',
  'Math.random',
  'process.hrtime',
  'process.hrtime.bigint',
  'process.uptime',
]);

/**
 * Methods of a string that cannot throw when the receiver is a string and their arguments are
 * plain values (`message.replace(/</g, '&lt;')`, `text.trim().slice(0, 200)`): the formatting an
 * async function does before its `try` (`call-throws.ts`, typed, where the checker proves the
 * receiver a string for the call being judged). Left out: `replaceAll` (a regular expression
 * without the `g` flag throws), `repeat` and `normalize` (a bad count or form throws), `match` and
 * `search` (a string argument becomes a regular expression that may not compile). The judge also
 * requires arguments typed neither `any`/`unknown` nor a symbol, and no regular expression for
 * `includes`/`startsWith`/`endsWith` (they throw for one).
 */
export const STRING_METHODS_THAT_CANNOT_THROW: ReadonlySet<string> = new Set([
  'at',
  'charAt',
  'charCodeAt',
  'concat',
  'endsWith',
  'includes',
  'indexOf',
  'lastIndexOf',
  'padEnd',
  'padStart',
  'replace',
  'slice',
  'split',
  'startsWith',
  'substr',
  'substring',
  'toLowerCase',
  'toString',
  'toUpperCase',
  'trim',
  'trimEnd',
  'trimStart',
  'valueOf',
]);

/**
 * Methods of an array that read it and cannot throw on an array receiver given plain values
 * (`ids.includes(id)`, `lines.join('\n')`): no callback runs, nothing is written. For
 * `call-throws.ts`, as `STRING_METHODS_THAT_CANNOT_THROW` (its arguments checked the same way;
 * `join` only on elements typed strings, numbers or booleans: it converts each one).
 */
export const ARRAY_READS_THAT_CANNOT_THROW: ReadonlySet<string> = new Set(['at', 'concat', 'includes', 'indexOf', 'join', 'lastIndexOf', 'slice']);

/**
 * Global functions that convert or test any value without throwing (`Array.isArray(ids)`,
 * `String(count)`), for `call-throws.ts`. Not `Number` (a symbol throws) nor `JSON.stringify`
 * (a cycle or a `BigInt` throws).
 */
export const CANNOT_THROW_TESTS: ReadonlySet<string> = new Set(['Array.isArray', 'Boolean', 'Number.isFinite', 'Number.isInteger', 'Number.isNaN', 'Object.is']);

/** Global constructors that cannot throw when given no arguments: `new Date()`, `new Map()`. */
export const CANNOT_THROW_CONSTRUCTORS: ReadonlySet<string> = new Set(['Date', 'Map', 'Set', 'WeakMap', 'WeakSet', 'Array', 'Object', 'AbortController']);

/**
 * Callback-style collection libraries whose each-loops return a promise when no final callback is
 * passed (`async.each(items, (item, done) => ...)`): it rejects only when an iteratee hands an
 * error to its callback.
 */
export const CALLBACK_COLLECTION_MODULES: ReadonlySet<string> = new Set(['async', 'neo-async', 'async/each', 'async/eachSeries', 'async/eachLimit']);

/** The each-loops of `CALLBACK_COLLECTION_MODULES`: their iteratee is the last argument. */
export const CALLBACK_EACH_METHODS: ReadonlySet<string> = new Set([
  'each',
  'eachSeries',
  'eachLimit',
  'eachOf',
  'eachOfSeries',
  'eachOfLimit',
  'forEach',
  'forEachSeries',
  'forEachLimit',
  'forEachOf',
  'forEachOfSeries',
  'forEachOfLimit',
]);

/**
 * Methods that hand an error to an object's own error channel (`stream.destroy(err)`,
 * `upload.abort(err)` of a stream, `STREAM_CLASS_NAME`; `this.emit('error', err)` is recognised by its event name): a `catch`
 * that returns one (`catch (err) { return this.destroy(err); }`) has forwarded the failure to the
 * stream's `'error'` listeners, and returns the stream, no promise (`effects.ts`, `mayRejectIn`).
 */
export const ERROR_CHANNEL_METHODS: ReadonlySet<string> = new Set(['destroy', 'abort']);

/**
 * The written name of a stream class, whose instances report failures through `destroy(err)` /
 * `abort(err)` (`ERROR_CHANNEL_METHODS`) and `'error'` events: Node's streams and sockets, and
 * classes named so (`UploadStream`). A `destroy`/`abort` of any other receiver (an emitter has
 * neither) may be async work.
 */
export const STREAM_CLASS_NAME = /(?:^|[a-z])(?:Stream|Readable|Writable|Duplex|Transform|PassThrough|Socket)$|^(?:Stream|Readable|Writable|Duplex|Transform|PassThrough)$/;

/** The written name of an emitter class (`EventEmitter`, `JobEmitter`): it reports failures only as `'error'` events. */
export const EMITTER_CLASS_NAME = /(?:^|[a-z])(?:Emitter|EventEmitter)$|^EventEmitter$/;
