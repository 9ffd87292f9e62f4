/**
 * Names that tell why the iterations of a loop run one at a time on purpose, or why running them
 * together would gain nothing. Matched on names, because these are conventions across many
 * libraries rather than one module's API. Used by `prefer-promise-all-in-loop` and by
 * `analysis/location-writes.ts`.
 */

/**
 * A function or method named as a write (its first camelCase word): `setConfig`, `storeLocation`,
 * `saveEntry`, `applyOptimization`, `restoreLocalConfig`, `unsetKey`, `writeSetting`.
 */
export const WRITE_CALL_NAME =
  /^[_#]*(?:set|store|save|write|apply|restore|unset|update|put|persist|remove|delete|append|record|register|add)(?:[A-Z0-9_]\w*)?$/;

/**
 * A name for one place on disk that a write goes into: a path, a file, a working directory
 * (`repoPath`, `configFile`, `repo.path`, `uri.fsPath`, `cwd`). Not a directory named as such
 * (`outDir`): a write per item into a directory usually makes one file per item.
 */
export const LOCATION_NAME = /^(?:path|file|filename|filePath|cwd|fsPath|location)$|[a-z0-9](?:Path|File|FileName|Filename)$/;

/**
 * Literal arguments of a command that changes a configuration file (`git config --unset k`,
 * `git config --global --add k v`, `npm config set k v`): every call rewrites the same file,
 * which the tool locks while it writes.
 */
export const CONFIG_COMMAND_WORDS: ReadonlySet<string> = new Set(['config']);
export const CONFIG_WRITE_FLAGS: ReadonlySet<string> = new Set([
  '--unset',
  '--unset-all',
  '--add',
  '--replace-all',
  '--remove-section',
  '--rename-section',
  'set',
  'unset',
  'delete',
]);

/**
 * A callee that runs the function it is given inside a critical section or a transaction (one
 * of its camelCase words): `mutex.runExclusive(fn)`, `devicesMutex.mutex(fn)`, `withLock(fn)`,
 * `keys.transaction(fn)`, `runSerially(fn)`. The author asked for one-at-a-time there.
 */
export const CRITICAL_SECTION_CALL =
  /^[$_]?(?:lock|locked|mutex|exclusive|synchronized|transaction|serial|serially)(?:[A-Z]\w*)?$|[a-z0-9](?:Lock|Locked|Mutex|Exclusive|Exclusively|Synchronized|Transaction|Serial|Serially)(?:[A-Z]\w*)?$/;

/**
 * A receiver named as a queue of work (`queue`, `this.saveQueue`, `state.jobQueue`) and the
 * methods that hand it a task (`queue.add(fn)`, `enqueue(fn)`, `push(fn)`, `schedule(fn)`): such a
 * queue runs its tasks one after another (or a few at a time) and waits for what each returns
 * before it starts the next. A task that drops its work instead of returning it leaves the queue.
 */
export const QUEUE_RECEIVER = /^_?(?:queue|[a-zA-Z0-9]*Queue)$/;
export const QUEUE_TASK_METHODS: ReadonlySet<string> = new Set(['add', 'enqueue', 'push', 'schedule', 'run', 'addTask']);

/**
 * A callee that runs the function it is given in the background, after the response has been
 * sent (`waitUntil(promise)` of serverless platforms, `ctx.waitUntil(...)`): nobody waits for it.
 */
export const BACKGROUND_CALL = /^waitUntil$/;

/** The receiver of a cache (`cache`, `userDevicesCache`, `this.msgCache`): its last name. */
export const CACHE_RECEIVER = /^_?(?:cache|[a-zA-Z0-9]*Cache)$/;

/** Methods of a cache object (node-cache, lru-cache, keyv and their look-alikes). */
export const CACHE_METHODS: ReadonlySet<string> = new Set(['get', 'set', 'del', 'delete', 'has', 'peek', 'ttl', 'take', 'mget', 'mset']);

/**
 * A bulk write: one statement for many rows or entries (`updateMany`, `createMany`,
 * `bulkCreate`, `deleteLinksBatch`, `bulkWrite`, `mset`). Reads (`findMany`) are not: a read per
 * item is still worth overlapping.
 */
export const BULK_CALL_NAME =
  /^[_#]*(?:(?:create|update|delete|upsert|insert|remove)Many|bulk(?:Create|Update|Delete|Upsert|Insert|Write|Save|Remove)\w*|(?:create|update|delete|upsert|insert|remove|write|save|set|put)\w*Batch|mset|bulkWrite)$/;

/**
 * A function that splits a list into groups or batches (`groupBy`, `Object.groupBy`,
 * `partition`, `chunk`, `chunkByStringLength`, `splitEvery`): a loop over its result runs one
 * group at a time, each iteration already a batch.
 */
export const GROUPING_CALL_NAME = /^(?:groupBy|partition|chunk|chunks|splitEvery|batch|batches|inChunks|inBatches)$|^(?:chunk|batch|group)(?:ed|By|Into)?[A-Z]\w*$/;

/**
 * A name for a list of batches or chunks, or for one of them (`chunks`, `linkBatches`,
 * `nodesChunk`, `batch`): a loop over them runs a batch at a time, on purpose.
 */
export const BATCH_NAME = /^(?:chunk|chunks|batch|batches|splitEvery)$|[a-z0-9](?:Chunk|Chunks|Batch|Batches)$/;

/**
 * A function or method that opens or shows something to the person at the screen, one after
 * another (`openChanges`, `showTextDocument`, `revealInExplorer`): the order is what they see.
 * Streams and handles opened for reading are not (`openReadStream`, `openSync`).
 */
export const SHOWS_TO_USER_NAME = /^(?:open|show|reveal|focus)(?!(?:Read|Write)?Stream\b|Sync\b|Connection\b|Db\b|Database\b|Pool\b|Socket\b)[A-Z]\w*$/;

/**
 * A call named for running a build (`executeBuild(config, server, files, match)`, `runBuild(t)`,
 * `build()`, `rebuild(pkg)`, `buildPackage(dir)`, `compileProject(p)`, `bundleApp(a)`): builds
 * share a work directory, output folders and caches, each one keeps the cores busy, and one may
 * need another's output; build tools run them one at a time or in dependency order. Matched on
 * the name because the builder usually lives in another module. A verb on something else
 * (`buildUrl`, `buildRequest`, `buildQuery`) is not a build, nor is compiling one file
 * (`compile(file)`).
 */
export const BUILD_RUN_NAME =
  /^_?(?:(?:execute|run|start|do|perform|trigger)Builds?|build|rebuild|(?:build|rebuild|compile|bundle)(?:Package|Project|App|Workspace|Target|Entry|Entrypoint|Module|Site|Image|Binary|Bundle|Builder|Step)s?)$/;

/**
 * A call that ends a sequence a person may cancel (`checkCancelled()`, `throwIfCancelled()`,
 * `signal.throwIfAborted()`, `token.throwIfCancellationRequested()`): made before each step, it
 * lets the person stop between steps; gathered, every step would start before any check runs.
 */
export const CANCELLATION_CHECK_NAME = /^(?:check|throwIf|assertNot|ensureNot|bailIf)(?:Cancel(?:l?ed)?|Aborted|CancellationRequested)$/;

/**
 * Calls that ask the file system whether a path exists (`fs.existsSync(p)`, `pathExists(p)`,
 * `access(p)`). Handed to a name picker (`uniqueName(base, (n) => existsSync(join(dir, n)))`), they
 * choose a file name no earlier file took: the names the earlier iterations wrote.
 */
export const EXISTENCE_CHECK_NAMES: ReadonlySet<string> = new Set(['existsSync', 'exists', 'pathExists', 'pathExistsSync', 'access', 'accessSync']);

/**
 * Names of a flag that says whether a call may ask the person at the terminal
 * (`options.nonInteractive`, `{ interactive: true }`, `isInteractive`, `noPrompt`): a call handed
 * one asks questions unless told not to, and a person answers one question at a time.
 */
export const INTERACTIVITY_FLAG_NAME = /^(?:non|is|allow)?[iI]nteractive$|^(?:no|skip|disable)Prompts?$/;

/** A callee name that starts a child process (`exec`, `shell.exec`, `execa`, `spawn`, `execFile`). */
export const PROCESS_CALL_NAME = /^(?:exec|execa|execaCommand|execFile|execSync|execFileSync|spawn|spawnSync|fork)$/;

/** Functions of test runners that take a test or a setup step as a callback (Jest, Vitest, Mocha, node:test). */
export const TEST_CALLBACK_CALL: ReadonlySet<string> = new Set([
  'it',
  'test',
  'beforeEach',
  'beforeAll',
  'afterEach',
  'afterAll',
  'before',
  'after',
]);

/**
 * A name that says the code is a scheduled job (`run-trial-email-cron.ts`, an `api/cron/` folder,
 * `class RollupTask extends CronTask`, `runDigestCron()`): it runs in the background on a timer,
 * where nobody waits for it and the work is often paced on purpose.
 */
export const SCHEDULED_JOB_NAME = /(?:^|[^a-zA-Z])crons?(?![a-z])|Crons?(?![a-z])/;

/**
 * Class decorators that register the class as a scheduled job: tegg/egg's `@Schedule({ type,
 * scheduleData })` on a class whose `subscribe()` the framework calls on a timer. Nobody waits for
 * a run; the job's pace is the timer's. Method decorators (NestJS's `@Cron(...)`) are not read:
 * the reviewers' corpus labels a daily report's independent reads inside one worth gathering.
 */
export const SCHEDULE_DECORATOR_NAME = /^(?:Schedule|Scheduled)$/;

/** A folder of scheduled jobs (`app/schedule/`, `src/schedules/`): each module there runs on a timer. */
export const SCHEDULE_FOLDER = /^(?:schedules?|scheduled)$/;

/** A key of a class decorator's argument that holds a job's timing (`@Job({ scheduleData: { cron: '0 * * * *' } })`). */
export const SCHEDULE_DATA_KEY = /^(?:cron|cronTime|crontab)$/;

/**
 * Methods that run one SQL statement or query text on a connection (`db.query(sql)`,
 * `sql.unsafe(text)`, `client.execute(stmt)`, `db.run(stmt)`, `db.exec(ddl)`).
 */
export const STATEMENT_RUN_METHODS: ReadonlySet<string> = new Set(['query', 'execute', 'exec', 'run', 'unsafe', 'raw', 'none', 'batch']);

/**
 * Names of lists of SQL statements or queries, and of their items (`statementsToExecute`, `stmt`,
 * `dStmnt`, `sqls`, `queries`, `ddl`): a schema push or migration runs them in order on one
 * connection (a table is created before it is altered).
 */
export const STATEMENT_LIST_NAME = /statement|stmn?t|(?:^|[^a-z])sqls?(?:$|[^a-z])|quer(?:y|ies)|ddl/i;

/**
 * Option names that hand a call one transaction or database session (`{ session }`,
 * `{ transaction: t }`, `{ tx }`): every iteration's call runs inside it, one operation at a time.
 */
export const TRANSACTION_OPTION_NAMES: ReadonlySet<string> = new Set(['session', 'transaction', 'tx', 'trx', 'txn', 'dbSession', 'mongoSession']);

/** Names of a record's identity in a write's options (`update({ id: doc.id, data })`) or as its first argument (`docId`). */
export const RECORD_ID_NAME = /^(?:_?id|ID)$|[a-z0-9](?:Id|ID)$/;

/**
 * Methods that register something with an application or server (`app.use(mw)`,
 * `server.load(appFn)`, `fastify.register(plugin)`): the order of registration is the order
 * requests meet them.
 */
export const REGISTRATION_METHODS: ReadonlySet<string> = new Set(['use', 'load', 'register', 'mount', 'plugin']);

/** Receivers that are an application, server or container (`REGISTRATION_METHODS` are called on them). */
export const APPLICATION_RECEIVER = /^(?:app|application|server|fastify|router|instance|host|container|registry|kernel|bot|probot)$|[a-z0-9](?:App|Server|Router|Registry|Container)$/;

/**
 * First words of a function's name that say it computes a value from what it is given
 * (`buildQuery`, `parseParams`, `sanitizeJoinQuery`, `normalizeOptions`, `formatRow`): such a
 * function is `async` for a rare nested step at most; a loop of them has nothing to overlap.
 */
export const COMPUTATION_FIRST_WORDS: ReadonlySet<string> = new Set([
  'build',
  'parse',
  'sanitize',
  'normalize',
  'transform',
  'format',
  'serialize',
  'compute',
  'convert',
  'traverse',
]);

/** An argument named like a client or connection (`client`, `apiClient`, `db`, `conn`, `http`): the callee may do I/O with it. */
export const CLIENT_ARGUMENT_NAME = /^(?:client|api|http|db|conn|connection|pool|session|fetch|fetcher|request|axios|sdk)$|[a-z0-9](?:Client|Api|Http|Db|Conn|Connection|Pool|Session|Fetch|Sdk)$/;

/** Methods of HTTP clients that send a change (`axios.post(url, body)`, `got.put`, `ky.patch`). */
export const HTTP_SEND_METHODS: ReadonlySet<string> = new Set(['post', 'put', 'patch']);

/**
 * A call named for making a folder that later items go into (`mkdir`, `mkdirp`, `makeDirectory`,
 * `createFolder`, `ensureDir`; not any write: `putObject`, `savePost`): made for each ancestor of a path in turn (see
 * `prefer-promise-all-in-loop`, ancestor paths), a deeper one needs its parent first.
 */
export const MAKES_PLACE_NAME = /^[_#]*(?:mkdirp?|mkdirs|mkpath|(?:make|create|ensure|add)(?:Dir|Directory|Folder|Path|Collection)\w*)$/;

/**
 * Methods that change rows or documents of a database through an ORM, a query builder or a driver
 * (`prisma.link.update(...)`, `Model.query().patch(values).where(...)`, `collection.insertOne(doc)`,
 * `repo.save(entity)`): one write of records. A loop whose iterations only write records (see
 * `prefer-promise-all-in-loop`'s `writesRecordsOnly`) is left in order.
 */
export const RECORD_WRITE_METHODS: ReadonlySet<string> = new Set([
  'create',
  'insert',
  'insertOne',
  'update',
  'updateOne',
  'updateById',
  'upsert',
  'delete',
  'deleteOne',
  'deleteById',
  'destroy',
  'patch',
  'patchAndFetchById',
  'save',
  'remove',
  'increment',
  'decrement',
  'relate',
  'unrelate',
  'replaceOne',
  'findOneAndUpdate',
  'findOneAndDelete',
  'findByIdAndUpdate',
  'findByIdAndDelete',
]);

/**
 * The name of a call that looks a record up and creates it when it is missing, in one call
 * (`upsert`, `findOrCreate`, `firstOrCreate`, `getOrCreate`); with `NESTED_FIND_OR_CREATE_KEYS`,
 * `FIND_NAME` and `CREATE_NAME`: see `prefer-promise-all-in-loop`'s `findsOrCreatesIn`.
 */
export const FIND_OR_CREATE_NAME = /^(?:connectOrCreate|upsert|findOrCreate|firstOrCreate|getOrCreate|findOneOrCreate|createIfNotExists|findOrInsert)$/;

/** Keys of nested writes that find or create the related record (`{ tags: { connectOrCreate: [...] } }`). */
export const NESTED_FIND_OR_CREATE_KEYS: ReadonlySet<string> = new Set(['connectOrCreate', 'upsert']);

/** A lookup named for finding a record (`findFirst`, `findOne`, `findUnique`, `findBy...`, `exists`): the first half of find-then-create. */
export const FIND_NAME = /^(?:find\w*|exists)$/;

/** A create of a record (`create`, `insert`, `insertOne`, `save`): the second half of find-then-create. */
export const CREATE_NAME = /^(?:create|insert|insertOne|save)$/;

/**
 * A function or method named for adding one row under a parent (its first camelCase word):
 * `createNote`, `insertComment`, `addLine`, `appendEntry`. With the parent's id the same in every
 * iteration, the rows are that record's children, which are listed in the order they were added.
 */
export const CHILD_CREATE_NAME = /^[_#]*(?:create|insert|add|append)[A-Z]\w*$/;

/**
 * Calls that list what is there (`globSync(pattern)`, `fg.sync(...)`, `readdirSync(dir)`,
 * `walkSync(root)`, `listFiles(dir)`, `findFiles(glob)`, `scanDirectory(dir)`): a list as long as the
 * data makes it.
 */
export const LISTING_CALL_NAME = /^(?:glob|globby|fg|fastGlob|readdir|walk|scan|list|find|query|fetch|search|ls)(?:[A-Z0-9_]\w*)?$|^(?:sync|[a-z]\w*(?:Files|Entries|Dir|Directory|Glob|Paths))$/;

/** ORM and query-builder packages whose client writes records (besides the drivers of `NETWORK_DATABASE_PACKAGES`). */
export const RECORD_CLIENT_PACKAGES: ReadonlySet<string> = new Set(['knex', 'objection', 'sequelize', 'typeorm', '@mikro-orm/core', 'drizzle-orm', 'kysely', '@prisma/client', 'mongoose', 'bookshelf']);

/**
 * First words of a function or method named for removing what it is handed (`removeRelease`,
 * `deleteById`, `_removeStoredCopy`, `destroy`, `unlink`, `del`): a loop whose iterations remove
 * (and at most look up what they remove, or write records) is a clean-up; see
 * `prefer-promise-all-in-loop`'s `removesPerItem`.
 */
export const REMOVAL_FIRST_WORDS: ReadonlySet<string> = new Set(['remove', 'delete', 'destroy', 'unpublish', 'unlink', 'rm', 'del', 'evict', 'revoke']);

/** First words of a lookup whose answer a clean-up keeps to find what it removes (`findPackageVersion`, `getUser`). */
export const LOOKUP_FIRST_WORDS: ReadonlySet<string> = new Set(['find', 'get', 'load', 'lookup', 'fetch', 'read', 'query']);
