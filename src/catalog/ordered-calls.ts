/**
 * Calls whose order is the point of the code: running them together with `Promise.all`, or
 * turning a loop around them into concurrent iterations, would change what the program does.
 * Matched on the callee's own name (`sleep(...)`, `mutex.acquire()`, `db.$transaction(...)`),
 * because these are conventions across many libraries rather than one module's API. Each group
 * says why its calls are ordered.
 */
export const ORDERED_CALL_NAMES: ReadonlySet<string> = new Set([
  // Pacing: a delay exists to separate what comes before it from what comes after it
  // (`timers/promises` setTimeout/setImmediate, `util.promisify(setTimeout)`, p-* `delay`, ...).
  'sleep',
  'delay',
  'wait',
  'setTimeout',
  'setImmediate',
  'nextTick',
  'pause',
  'waitForTimeout',
  // Rate limiters: a limiter call waits for a token on purpose (bottleneck, rate-limiter-flexible, p-throttle).
  'throttle',
  'schedule',
  'removeTokens',
  'consume',
  // Locks and mutexes (async-mutex, redlock, proper-lockfile): acquire/release bracket a critical section.
  'acquire',
  'release',
  'lock',
  'unlock',
  'runExclusive',
  'waitForUnlock',
  // Transactions: begin, commit and rollback frame the statements between them.
  'begin',
  'beginTransaction',
  'startTransaction',
  'commit',
  'commitTransaction',
  'rollback',
  'abortTransaction',
  'transaction',
  '$transaction',
  'savepoint',
  // Connection and resource lifecycle: nothing can use a resource before it is opened or after it is closed.
  'connect',
  'disconnect',
  '$connect',
  '$disconnect',
  'close',
  'end',
  'destroy',
  'open',
  'init',
  'initialize',
  'start',
  'stop',
  'listen',
  'login',
  'logout',
  'authenticate',
  'migrate',
  'up',
  'down',
  'flush',
  'drain',
  // Child processes: commands usually share a working tree or lock files (`npm install`, `git pull`).
  'exec',
  'execa',
  'execFile',
  'execCommand',
  'spawn',
  // Writes to one version-control repository (VS Code's git API, simple-git, isomorphic-git): git
  // locks the repository's config, refs and worktrees, so a second write at once fails.
  'setConfig',
  'unsetConfig',
  'addConfig',
  'addRemote',
  'removeRemote',
  'createBranch',
  'deleteBranch',
  'deleteRef',
  'updateRef',
  'createTag',
  'deleteTag',
  'addWorktree',
  'removeWorktree',
  // Package installs: a package manager writes one shared folder and manifest per call.
  'install',
  'uninstall',
  // Interactive prompts: a person answers one question at a time (inquirer, prompts, readline).
  'prompt',
  'question',
  'confirm',
  // Reading the next piece of a sequence: iterators, readers, Koa/Express `next()` middleware.
  'next',
  'read',
  'readLine',
  // Browser automation steps that change page state or wait for it (Playwright, Puppeteer, Cypress).
  'goto',
  'click',
  'fill',
  'type',
  'press',
  'waitForSelector',
  'waitForNavigation',
  'waitForLoadState',
  'waitForURL',
  'waitForResponse',
  'waitForRequest',
  'waitForEvent',
  'waitForFunction',
  // Test runners: subtests (`await t.test(...)` in node:test, `await t.step(...)` in Deno) report
  // in order and share the parent's fixtures.
  'test',
  'subtest',
  // Extension hooks (WordPress-style filters and actions, Nuxt/unjs `callHook`): each hook's
  // listeners may change what the next one sees, and their order is the host's contract.
  'callHook',
  'fireHook',
  'runHook',
  'invokeHook',
  'triggerHook',
  'applyFilters',
  'doAction',
]);

/**
 * A receiver that is a plugin host's hook registry (`plugins.hooks.fire('filter:x', data)`,
 * tapable's `compiler.hooks.done.promise(stats)`, `this.pluginHooks.run(...)`): a member of the
 * callee's object chain named so. Listeners registered by extensions run there, with effects the
 * file cannot see, and the order of hooks is the host's documented contract.
 */
export const HOOK_REGISTRY_NAME = /^(?:hooks|[a-z][a-zA-Z0-9]*Hooks)$/;

/**
 * Name prefixes of calls that wait for a UI state (Playwright and WebdriverIO `waitForX`,
 * Testing Library `waitFor`) or poll until a condition holds (WebdriverIO's `waitUntil(fn)`):
 * each waits for what the previous step made appear, and is the precondition of the next.
 */
export const ORDERED_CALL_PREFIXES: readonly string[] = ['waitFor', 'waitUntil'];

/**
 * Lifecycle verbs that keep their meaning as one word of a longer name, first or last
 * (`connectDatabase`, `openBrowser`, `startServer`, `initCache`, `redisConnect`, `loginAdmin`):
 * start-up and shut-down steps run in turn, so a failure names the step that failed and nothing
 * uses a resource before it is ready. Matched as a whole camelCase word (`connectionCount`,
 * `startedAt` are not lifecycle steps: `connection`, `started` are other words). `open` and
 * `close` are also adjectives (`openTickets`, `closeMatches`): see `ORDERED_RESOURCE_NOUNS`.
 */
export const ORDERED_LIFECYCLE_VERBS: ReadonlySet<string> = new Set([
  'connect',
  'disconnect',
  'reconnect',
  'init',
  'initialize',
  'start',
  'stop',
  'shutdown',
  'login',
  'logout',
  'authenticate',
  'migrate',
  'bootstrap',
]);

/**
 * With `open`/`close` as a name's first word, the last words that make it a lifecycle step
 * (`openBrowser`, `closeDatabase`, `openConnection`), not an adjective (`openTickets`).
 */
export const ORDERED_RESOURCE_NOUNS: ReadonlySet<string> = new Set([
  'browser', 'page', 'database', 'db', 'connection', 'connections', 'client', 'pool', 'server', 'socket', 'session',
  'cache', 'redis', 'queue', 'broker', 'channel', 'store', 'storage', 'window', 'tab', 'context',
]);

/**
 * Testing Library's async queries (`findByRole`, `findAllByText`, ...): they wait for an element
 * to appear, usually after the previous step of a user flow. Listed by their full names, because
 * `findById`/`findByUser` of an ORM are ordinary reads.
 */
export const UI_QUERY_NAMES: ReadonlySet<string> = new Set(
  ['Role', 'LabelText', 'PlaceholderText', 'Text', 'DisplayValue', 'AltText', 'Title', 'TestId'].flatMap(
    (query) => [`findBy${query}`, `findAllBy${query}`],
  ),
);

/**
 * Methods that append to an ordered sink (a stream, a socket, a file, an event channel): calls in
 * a loop produce output in iteration order, which concurrent iterations would shuffle.
 */
export const ORDERED_SINK_METHODS: ReadonlySet<string> = new Set([
  'write',
  'writeln',
  'writeFile',
  'append',
  'appendFile',
  'send',
  'sendMessage',
  'emit',
  'enqueue',
  'publish',
  'pipe',
]);

/**
 * Receiver names that conventionally hold ONE stateful resource whose operations run in order:
 * a browser page, a database transaction or single connection, a socket or stream. Awaited calls
 * on such a receiver inside a loop are not reported: the resource serializes them anyway or the
 * order matters (`for (const url of urls) await page.goto(url)`).
 */
export const ORDERED_RECEIVER_NAMES: ReadonlySet<string> = new Set([
  'page',
  'frame',
  'browser',
  'tab',
  'tx',
  'trx',
  'transaction',
  'conn',
  'connection',
  'client',
  'session',
  'socket',
  'ws',
  'stream',
  'writer',
  'channel',
  'cursor',
  'reader',
  // A Redis MULTI block: its commands run in the order they were queued.
  'multi',
  'queue',
  'lock',
  'mutex',
  'semaphore',
]);

/**
 * Receiver names that conventionally hold one database or cache handle (`db.query(a)`,
 * `redis.get(k)`): a single connection serializes its commands or the statements' order matters,
 * and which one the name holds is not visible. Two calls on such a receiver are not gathered by
 * `prefer-promise-all`, even when it is imported (`import { db } from './db'`).
 */
export const SHARED_CONNECTION_NAMES: ReadonlySet<string> = new Set(['db', 'database', 'knex', 'redis', 'sql', 'mongo']);

/**
 * Methods that take out, walk or look up what a collection, map or task queue holds (`shift`,
 * `values`, `get`, `forEach`, `onIdle`): a call of one of them on a member of `this` uses what an
 * earlier step stored there (see `FileEffects.thisMembersReadBy`). A size check (`length`, `size`)
 * or a write (`push`, `add`, `set`) is none.
 */
export const STORED_VALUE_READERS: ReadonlySet<string> = new Set([
  'shift',
  'pop',
  'splice',
  'values',
  'entries',
  'keys',
  'get',
  'has',
  'onIdle',
  'onEmpty',
  'drain',
  'forEach',
  'map',
  'filter',
  'reduce',
  'find',
  'some',
  'every',
  'includes',
  'slice',
  'join',
]);

/**
 * Methods that change a collection in place. A loop whose body calls one on the collection it
 * iterates (`queue.push(...)` inside `for (const x of queue)`) feeds later iterations from
 * earlier ones, which is a dependency between iterations.
 */
export const COLLECTION_MUTATOR_METHODS: ReadonlySet<string> = new Set([
  'push',
  'unshift',
  'splice',
  'shift',
  'pop',
  'add',
  'set',
  'delete',
  'clear',
]);

/**
 * Verbs that start the names of calls which change something outside the program (a record, a
 * message, a payment): `createOrder`, `insertOne`, `save`, `sendEmail`, `chargeCard`. A write
 * written before or after another call often has an order the code does not show (do not charge
 * if creating the order failed; a read after a write expects to see it, a read before a write
 * expects not to), so `prefer-promise-all` never groups a write. A name matches when it is the verb itself or the
 * verb followed by a capital letter, digit or `_` (`update`, `updateMany`, not `updates`).
 */
export const WRITE_VERBS: readonly string[] = [
  'create',
  'insert',
  'update',
  'upsert',
  'delete',
  'remove',
  'destroy',
  'save',
  'store',
  'put',
  'post',
  'patch',
  'send',
  'charge',
  'refund',
  'pay',
  'transfer',
  'publish',
  'write',
  'set',
  'add',
  'register',
  'submit',
  'grant',
  'revoke',
  'approve',
  'cancel',
  'archive',
  'upload',
  'notify',
  'enqueue',
  'increment',
  'decrement',
  'reset',
  'mark',
  'execute',
  'exec',
  'run',
  'apply',
  'deploy',
  'invalidate',
  'persist',
  // File-system and package-manager verbs: links, copies and installs are read back by the next step.
  'link',
  'unlink',
  'install',
  'copy',
  'move',
  'rename',
  'prune',
  // Maintenance steps that store what a later read lists (`await lists.refresh(url)` then
  // `await lists.list()`), or drop entries a later read would see.
  'refresh',
  'sync',
  'reload',
  'rebuild',
  'reindex',
  'purge',
  'expire',
  'evict',
  'cleanup',
  // Soft deletes and their undo (`softDeleteOrders`, `restoreOrders`): a list that excludes
  // deleted rows must be read before the delete, and after the restore.
  'softDelete',
  'softRemove',
  'hardDelete',
  'restore',
];

/**
 * Words that name a maintenance step anywhere in a call's name (`checkPinExpiry`,
 * `runCleanup`, `topicsPurge`): the step drops or moves entries that a later read would list, so
 * it is a write unless the name starts as a read (`getExpiry`, `readCleanupLog`:
 * `READ_FIRST_WORDS`).
 */
export const MAINTENANCE_WORDS: ReadonlySet<string> = new Set(['expiry', 'expire', 'expired', 'expiration', 'cleanup', 'purge', 'prune', 'evict']);

/** First words of a call's name that only read, whatever follows (`getExpiry`, `listPurged`). */
export const READ_FIRST_WORDS: ReadonlySet<string> = new Set(['get', 'read', 'load', 'fetch', 'find', 'list', 'is', 'has', 'count', 'query', 'search', 'lookup', 'select', 'show', 'describe', 'format', 'parse', 'to']);

/**
 * A write hidden behind a getter-style name (`getOrCreatePartner`, `findOrCreate`,
 * `fetchOrInsert`): the record is created when it is missing.
 */
export const CREATE_WHEN_MISSING = /Or(?:Create|Insert|Add|Upsert|Set|Update|Register)(?:$|[A-Z0-9_])/;

/**
 * A lookup that throws when nothing is found (Prisma's `findFirstOrThrow`, `getGroupOrThrow`,
 * `loadTeamOrFail`): often the request's ownership or existence check.
 */
export const THROWING_LOOKUP = /Or(?:Throw|Fail|Reject|Error|404)$/;

/** HTTP methods that change something on the server (`fetch(url, { method: 'POST' })`). */
export const UNSAFE_HTTP_METHODS: ReadonlySet<string> = new Set(['post', 'put', 'patch', 'delete']);

/**
 * The first word of a function named for a write the user expects to last (`saveNote`,
 * `submitForm`, `persistSettings`, `upsertRow`, `deleteDraft`): its loss is a lost save or
 * delete. Not `update...`, `remove...` or `sync...`: in an editor or a window those name a view
 * refreshed, a listener or decoration taken away, a cache brought up to date as often as a write.
 */
export const USER_WRITE_WORDS: ReadonlySet<string> = new Set(['save', 'submit', 'persist', 'upsert', 'delete']);

/**
 * A rate limiter's receiver (`ratelimit(5, '1 m')`, `this.limiter`, `loginRateLimit`): its
 * `limit(key)` / `consume(key)` spends one of the key's tokens, a counted write.
 */
export const RATE_LIMITER_NAME = /rate_?limit|limiter/i;

/** Methods of a rate limiter that spend a token (`RATE_LIMITER_NAME`). */
export const RATE_LIMIT_METHODS: ReadonlySet<string> = new Set(['limit', 'consume', 'take', 'hit', 'penalty']);

/**
 * Methods that only compute a value from their receiver (array, string, map lookups). A loop
 * body may call them on state from outside the loop without making the iterations depend on
 * each other, unlike an unknown method (`hash.update(chunk)`, `zip.file(name, data)`), whose
 * effects accumulate in iteration order.
 */
export const PURE_METHODS: ReadonlySet<string> = new Set([
  'map',
  'filter',
  'find',
  'findIndex',
  'findLast',
  'findLastIndex',
  'some',
  'every',
  'reduce',
  'reduceRight',
  'flatMap',
  'flat',
  'includes',
  'indexOf',
  'lastIndexOf',
  'slice',
  'concat',
  'join',
  'at',
  'get',
  'has',
  'keys',
  'values',
  'entries',
  'toString',
  'toJSON',
  'trim',
  'split',
  'replace',
  'replaceAll',
  'startsWith',
  'endsWith',
  'toLowerCase',
  'toUpperCase',
  'padStart',
  'padEnd',
  'test',
  'match',
  'exec',
  'format',
  'resolve',
  'parse',
  'stringify',
  'hasOwnProperty',
  'propertyIsEnumerable',
  'charAt',
  'charCodeAt',
  'substring',
  'toFixed',
  'localeCompare',
  'normalize',
  'search',
  'matchAll',
]);

/** Receiver names of loggers: their calls in a loop only reorder log lines. */
export const LOGGER_NAMES: ReadonlySet<string> = new Set(['console', 'logger', 'log', 'debug']);

/** A logger's methods that write a line (`writesLogLine` in effects.ts); not `flush`, `close`, `end`. */
export const LOG_WRITE_METHODS: ReadonlySet<string> = new Set(['log', 'info', 'warn', 'warning', 'error', 'debug', 'trace', 'verbose', 'fatal', 'silly', 'notice', 'critical', 'success']);

/**
 * Colours a console logger prints a line in (`logger.green('connected')`): loggers that wrap a
 * terminal-colour library expose them beside the levels (`writesLogLine` in effects.ts, only on a
 * receiver named for a logger).
 */
export const LOG_COLOUR_METHODS: ReadonlySet<string> = new Set(['green', 'red', 'yellow', 'blue', 'cyan', 'magenta', 'gray', 'grey', 'white']);

/**
 * Words that name a list of steps run in order on purpose: migrations, middleware, hooks,
 * pipeline stages, commands, seeds, retries. A loop over such a list (`for (const migration of
 * migrations)`, `for (const step of pipeline.steps)`) or with such a loop variable is not
 * reported by `prefer-promise-all-in-loop`. Matched as the last word of a camelCase or snake_case
 * name, singular or plural (`pendingMigrations`, `beforeHooks`, `step`), not inside a word
 * (`webhooks`, `dispatch`).
 */
export const ORDERED_COLLECTION_WORDS: readonly string[] = [
  'step',
  'migration',
  'middleware',
  'hook',
  'stage',
  'phase',
  'plugin',
  'command',
  'seed',
  'seeder',
  'patch',
  'retry',
  'retries',
  'attempt',
  'pipeline',
  // User-supplied callbacks and listeners run in turn: a user's hook may expect the previous one done.
  'callback',
  'listener',
  'handler',
];

/**
 * First words of a method's name that change one object in place with what they are given
 * (`jar.setCookie(header)`): called on one shared object per item, the later call must win, and
 * an object with an asynchronous store interleaves read-modify-write.
 */
export const SHARED_OBJECT_SETTER_VERBS: ReadonlySet<string> = new Set(['set']);

/**
 * Packages that drive a git repository from JavaScript (isomorphic-git, simple-git, nodegit):
 * their calls read and write the repository's one index and worktree.
 */
export const GIT_LIBRARY_PACKAGES: ReadonlySet<string> = new Set(['isomorphic-git', 'simple-git', 'nodegit', 'dugite']);

/**
 * Git operations that rewrite the repository's index or worktree (`git add`, `git rm`, `git reset`,
 * `git checkout`, `git commit`, ...; isomorphic-git's `add`, `remove`, `resetIndex`, `checkout`,
 * `commit`): each one reads the index file, changes it and writes it back under a lock, so two at
 * once lose one's change or fail on the lock. Per item of a loop they must run one at a time.
 */
export const GIT_INDEX_WRITES: ReadonlySet<string> = new Set([
  'add', 'remove', 'rm', 'mv', 'reset', 'resetIndex', 'updateIndex', 'checkout', 'restore', 'commit', 'stash',
  'merge', 'rebase', 'cherryPick', 'cherry-pick', 'revert', 'apply', 'am', 'pull', 'clean', 'writeTree',
]);

/**
 * isomorphic-git's functions that talk to a remote repository over HTTP (`fetch`, `push`, `pull`,
 * `clone`, `getRemoteInfo`, `listServerRefs`, `fastForward`); its other functions read or write the
 * local repository through the `fs` they are handed.
 */
export const GIT_REMOTE_FUNCTIONS: ReadonlySet<string> = new Set(['fetch', 'push', 'pull', 'clone', 'getRemoteInfo', 'getRemoteInfo2', 'listServerRefs', 'fastForward']);
