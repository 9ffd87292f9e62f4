import type { ApiSource } from '../analysis/imports';

/**
 * Why a call blocks: decides the message. `other` is for in-house APIs added through options or
 * settings, whose reason the plugin cannot know.
 */
export type BlockingCategory = 'fileSystem' | 'process' | 'crypto' | 'compression' | 'sleep' | 'syncXhr' | 'other';

/**
 * The promise-based twin of a `node:fs` sync API, when calling it with the same arguments and
 * awaiting it gives the same result or the same error (checked against the Node.js `fs` docs).
 * Only these get a suggestion; the import comes from `node:fs/promises`.
 */
export interface PromiseTwin {
  /** The export of `node:fs/promises`. */
  readonly name: string;
}

/** One group of blocking APIs of one module or global. */
export interface BlockingApiGroup {
  readonly source: ApiSource;
  readonly category: BlockingCategory;
  /**
   * Property paths below the module or global (`'sync'`, `'realpathSync.native'`); `''` is the
   * module's own export, called directly (`require('sync-request')(...)`).
   */
  readonly names: readonly string[];
  /** What to use instead, for the message: per name, or one text for the whole group. */
  readonly replacement?: string | Readonly<Record<string, string>>;
  /** Exact promise twins (suggestions), per name. */
  readonly twins?: Readonly<Record<string, PromiseTwin>>;
}

/**
 * `fs` APIs that take a file descriptor and are not reported when it is stdout or stderr
 * (`1`, `2`, `process.stdout.fd`, `process.stderr.fd`): writing to the terminal this way is what
 * `console.log` does too, and nobody would replace it with a promise.
 */
export const STDIO_FD_APIS: ReadonlySet<string> = new Set(['writeSync', 'writevSync', 'fsyncSync', 'fdatasyncSync']);

/** Every synchronous API of `node:fs`: each waits on the disk with the thread held. */
const FS_SYNC_NAMES = [
  'accessSync',
  'appendFileSync',
  'chmodSync',
  'chownSync',
  'closeSync',
  'copyFileSync',
  'cpSync',
  'existsSync',
  'fchmodSync',
  'fchownSync',
  'fdatasyncSync',
  'fstatSync',
  'fsyncSync',
  'ftruncateSync',
  'futimesSync',
  'globSync',
  'lchmodSync',
  'lchownSync',
  'linkSync',
  'lstatSync',
  'lutimesSync',
  'mkdirSync',
  'mkdtempSync',
  'openSync',
  'opendirSync',
  'readdirSync',
  'readFileSync',
  'readlinkSync',
  'readSync',
  'readvSync',
  'realpathSync',
  'realpathSync.native',
  'renameSync',
  'rmdirSync',
  'rmSync',
  'statfsSync',
  'statSync',
  'symlinkSync',
  'truncateSync',
  'unlinkSync',
  'utimesSync',
  'writeFileSync',
  'writeSync',
  'writevSync',
] as const;

/**
 * The sync APIs whose `node:fs/promises` twin takes the same arguments and settles with the same
 * value or error. Left out on purpose: `existsSync` (returns false where `access` rejects),
 * `readSync`/`writeSync`/`openSync` and other descriptor APIs (the promise API works on
 * `FileHandle`s, not numbers), `cpSync`/`opendirSync`/`mkdtempSync` (kept out until checked
 * case by case), `realpathSync.native` (a different resolver than `realpath`).
 */
const FS_TWINS: Readonly<Record<string, PromiseTwin>> = {
  accessSync: { name: 'access' },
  appendFileSync: { name: 'appendFile' },
  chmodSync: { name: 'chmod' },
  copyFileSync: { name: 'copyFile' },
  lstatSync: { name: 'lstat' },
  mkdirSync: { name: 'mkdir' },
  readdirSync: { name: 'readdir' },
  readFileSync: { name: 'readFile' },
  readlinkSync: { name: 'readlink' },
  realpathSync: { name: 'realpath' },
  renameSync: { name: 'rename' },
  rmdirSync: { name: 'rmdir' },
  rmSync: { name: 'rm' },
  statSync: { name: 'stat' },
  symlinkSync: { name: 'symlink' },
  unlinkSync: { name: 'unlink' },
  writeFileSync: { name: 'writeFile' },
};

/** Message replacements for every fs name: the twin when there is one, else the general advice. */
function fsReplacements(): Record<string, string> {
  const replacements: Record<string, string> = {};
  for (const name of FS_SYNC_NAMES) {
    const twin = FS_TWINS[name];
    replacements[name] = twin
      ? `'await ${twin.name}()' from 'node:fs/promises'`
      : name === 'existsSync'
        ? `'await access()' from 'node:fs/promises' in a try/catch, or just attempt the operation`
        : `the promise API of 'node:fs/promises'`;
  }
  return replacements;
}

/** `fs-extra` adds its own sync helpers to the whole `fs` API (it re-exports `fs`). */
const FS_EXTRA_SYNC_NAMES = [
  'copySync',
  'createFileSync',
  'createLinkSync',
  'createSymlinkSync',
  'emptyDirSync',
  'emptydirSync',
  'ensureDirSync',
  'ensureFileSync',
  'ensureLinkSync',
  'ensureSymlinkSync',
  'mkdirpSync',
  'mkdirsSync',
  'moveSync',
  'outputFileSync',
  'outputJSONSync',
  'outputJsonSync',
  'pathExistsSync',
  'readJSONSync',
  'readJsonSync',
  'removeSync',
  'writeJSONSync',
  'writeJsonSync',
] as const;

/**
 * The `fs` sync APIs whose work is bounded by one path: a few system calls on it (`stat`, `mkdir`,
 * `unlink`, `rename`), one folder's entries (`readdirSync`), or one text file's content
 * (`readFileSync`, `writeFileSync`, `appendFileSync`, only when the call shows text: see
 * `CONTENT_READ_FS_APIS`). Left out: `cpSync` and `globSync`, which walk a tree, and `copyFileSync`,
 * `readSync`/`writeSync` and their vector forms, whose cost grows with a file of any size (a
 * recording, an installer). `rmSync`, `rmdirSync`, `readdirSync` and `opendirSync` walk a tree with
 * `{ recursive: true }`, which the rule checks at the call (`mkdirSync`'s `recursive` only creates
 * the missing parents of one path).
 */
const FS_ONE_PATH_NAMES: readonly string[] = FS_SYNC_NAMES.filter(
  (name) => !['cpSync', 'globSync', 'copyFileSync', 'readSync', 'writeSync', 'readvSync', 'writevSync'].includes(name),
);

/**
 * The APIs of `ONE_PATH_FS_APIS` that read or write a whole file of any size (a checksum of an
 * installer, a rendered video): bounded only when the call shows text (an encoding, a parsed or
 * `toString()`-ed result, data that is a string or JSON), which a settings, version or style file
 * is. JSON helpers (`readJsonSync`, `outputJsonSync`, `jsonfile`) are text by nature.
 */
export const CONTENT_READ_FS_APIS: ReadonlySet<string> = new Set(['fs', 'graceful-fs', 'fs-extra'].map((module) => `${module}.readFileSync`));

/** See `CONTENT_READ_FS_APIS`: the data (second argument) must be text. */
export const CONTENT_WRITE_FS_APIS: ReadonlySet<string> = new Set([
  ...['fs', 'graceful-fs', 'fs-extra'].flatMap((module) => [`${module}.writeFileSync`, `${module}.appendFileSync`]),
  'fs-extra.outputFileSync',
  'write-file-atomic.sync',
]);

/** `fs-extra`'s own helpers bounded by one path; `copySync`, `moveSync`, `removeSync` and `emptyDirSync` walk a tree. */
const FS_EXTRA_ONE_PATH_NAMES: readonly string[] = FS_EXTRA_SYNC_NAMES.filter(
  (name) => !['copySync', 'moveSync', 'removeSync', 'emptyDirSync', 'emptydirSync'].includes(name),
);

/**
 * File-system APIs (as the rule names them: `fs.readFileSync`, `fs-extra.outputJsonSync`) whose
 * cost is bounded by one path, see `FS_ONE_PATH_NAMES`. A desktop app's own tasks started together
 * make only the other blocking calls worth a report (`no-blocking-in-async`, "A desktop app").
 */
export const ONE_PATH_FS_APIS: ReadonlySet<string> = new Set([
  ...['fs', 'graceful-fs', 'fs-extra'].flatMap((module) => FS_ONE_PATH_NAMES.map((name) => `${module}.${name}`)),
  ...FS_EXTRA_ONE_PATH_NAMES.map((name) => `fs-extra.${name}`),
  'jsonfile.readFileSync',
  'jsonfile.writeFileSync',
  'write-file-atomic.sync',
  'mkdirp.sync',
  'mkdirp.mkdirpSync',
  'mkdirp.mkdirp.sync',
]);

/** The APIs of `ONE_PATH_FS_APIS` that walk a tree when their options say `recursive` (`rmSync(dir, { recursive: true })`). */
export const RECURSIVE_OPTION_FS_NAMES: ReadonlySet<string> = new Set(['rmSync', 'rmdirSync', 'readdirSync', 'opendirSync']);

/** Deno's synchronous runtime APIs (file system and process): they block Deno's event loop the same way. */
const DENO_SYNC_NAMES = [
  'chmodSync',
  'chownSync',
  'copyFileSync',
  'createSync',
  'fdatasyncSync',
  'fstatSync',
  'fsyncSync',
  'ftruncateSync',
  'linkSync',
  'lstatSync',
  'makeTempDirSync',
  'makeTempFileSync',
  'mkdirSync',
  'openSync',
  'readDirSync',
  'readFileSync',
  'readLinkSync',
  'readTextFileSync',
  'realPathSync',
  'removeSync',
  'renameSync',
  'statSync',
  'symlinkSync',
  'truncateSync',
  'utimeSync',
  'writeFileSync',
  'writeTextFileSync',
] as const;

/**
 * The catalog. Each group says why its APIs block; the rule resolves them through imports
 * (`src/analysis/imports.ts`), so a local function that shares a name is never matched.
 */
export const BLOCKING_API_GROUPS: readonly BlockingApiGroup[] = [
  // File system: Node's own sync API; `fs-extra` and `graceful-fs` re-export it unchanged.
  {
    source: { module: 'fs' },
    category: 'fileSystem',
    names: FS_SYNC_NAMES,
    replacement: fsReplacements(),
    twins: FS_TWINS,
  },
  { source: { module: 'graceful-fs' }, category: 'fileSystem', names: FS_SYNC_NAMES, replacement: fsReplacements() },
  {
    source: { module: 'fs-extra' },
    category: 'fileSystem',
    names: [...FS_SYNC_NAMES, ...FS_EXTRA_SYNC_NAMES],
    replacement: "the promise API of 'fs-extra' (its methods return promises without a callback)",
  },
  // File system: glob libraries walk directories synchronously in their sync APIs.
  {
    source: { module: 'glob' },
    category: 'fileSystem',
    names: ['sync', 'globSync', 'glob.sync', 'globSync.sync'],
    replacement: "'await glob()'",
  },
  {
    source: { module: 'fast-glob' },
    category: 'fileSystem',
    names: ['sync', 'globSync'],
    replacement: "'await fg()' (fast-glob's promise API)",
  },
  {
    source: { module: 'globby' },
    category: 'fileSystem',
    names: ['sync', 'globbySync', 'globby.sync'],
    replacement: "'await globby()'",
  },
  {
    source: { module: 'tinyglobby' },
    category: 'fileSystem',
    names: ['globSync'],
    replacement: "'await glob()' from 'tinyglobby'",
  },
  // File system: popular helpers whose sync variants do recursive file-system work.
  {
    source: { module: 'rimraf' },
    category: 'fileSystem',
    names: ['sync', 'rimrafSync', 'rimraf.sync'],
    replacement: "'await rm(p, { recursive: true, force: true })' from 'node:fs/promises'",
  },
  {
    source: { module: 'mkdirp' },
    category: 'fileSystem',
    names: ['sync', 'mkdirpSync', 'mkdirp.sync'],
    replacement: "'await mkdir(p, { recursive: true })' from 'node:fs/promises'",
  },
  {
    source: { module: 'del' },
    category: 'fileSystem',
    names: ['sync', 'deleteSync'],
    replacement: "'await deleteAsync()'",
  },
  {
    source: { module: 'jsonfile' },
    category: 'fileSystem',
    names: ['readFileSync', 'writeFileSync'],
    replacement: "the promise API of 'jsonfile' ('await readFile()', 'writeFile()')",
  },
  {
    source: { module: 'write-file-atomic' },
    category: 'fileSystem',
    names: ['sync'],
    replacement: "'await writeFileAtomic()'",
  },
  {
    source: { module: 'find-up' },
    category: 'fileSystem',
    names: ['sync', 'findUpSync'],
    replacement: "'await findUp()'",
  },
  // File system: Deno's *Sync runtime APIs.
  {
    source: { global: 'Deno' },
    category: 'fileSystem',
    names: DENO_SYNC_NAMES,
    replacement: "the matching Deno API without 'Sync' (it returns a promise)",
  },
  // Process: a synchronous child process holds the thread until the child exits.
  {
    source: { module: 'child_process' },
    category: 'process',
    names: ['execSync', 'execFileSync', 'spawnSync'],
    replacement: "'execFile' or 'spawn' (e.g. 'promisify(execFile)' from 'node:util')",
  },
  {
    source: { module: 'execa' },
    category: 'process',
    names: ['execaSync', 'execaCommandSync', 'sync', 'commandSync', 'execa.sync', 'execa.commandSync', '$sync', '$.sync'],
    replacement: "'await execa()' (execa's promise API)",
  },
  {
    source: { module: 'cross-spawn' },
    category: 'process',
    names: ['sync'],
    replacement: "'spawn()' from 'cross-spawn' with its 'close' event",
  },
  { source: { global: 'Bun' }, category: 'process', names: ['spawnSync'], replacement: "'Bun.spawn()'" },
  // Process: reading a terminal answer synchronously stops everything until the user types.
  {
    source: { module: 'readline-sync' },
    category: 'process',
    names: [
      'question',
      'questionEMail',
      'questionFloat',
      'questionInt',
      'questionNewPassword',
      'questionPath',
      'prompt',
      'promptCL',
      'promptCLLoop',
      'promptLoop',
      'promptSimShell',
      'keyIn',
      'keyInPause',
      'keyInSelect',
      'keyInYN',
      'keyInYNStrict',
    ],
    replacement: "'question()' from 'node:readline/promises'",
  },
  // Crypto: key derivation and key generation are deliberately slow (tens to hundreds of ms).
  {
    source: { module: 'crypto' },
    category: 'crypto',
    names: [
      'pbkdf2Sync',
      'scryptSync',
      'generateKeyPairSync',
      'generateKeySync',
      'generatePrimeSync',
      'checkPrimeSync',
      'hkdfSync',
      'randomFillSync',
    ],
    replacement: {
      pbkdf2Sync: "'promisify(crypto.pbkdf2)'",
      scryptSync: "'promisify(crypto.scrypt)'",
      generateKeyPairSync: "'promisify(crypto.generateKeyPair)'",
      generateKeySync: "'promisify(crypto.generateKey)'",
      generatePrimeSync: "'promisify(crypto.generatePrime)'",
      checkPrimeSync: "'promisify(crypto.checkPrime)'",
      hkdfSync: "'promisify(crypto.hkdf)'",
      randomFillSync: "'promisify(crypto.randomFill)'",
    },
  },
  // Crypto: bcrypt's sync hashing is the slow part by design (cost factor).
  {
    source: { module: 'bcrypt' },
    category: 'crypto',
    names: ['hashSync', 'compareSync', 'genSaltSync'],
    replacement: "the promise API ('await bcrypt.hash()', 'compare()', 'genSalt()')",
  },
  {
    source: { module: 'bcryptjs' },
    category: 'crypto',
    names: ['hashSync', 'compareSync', 'genSaltSync'],
    replacement: "the promise API ('await bcrypt.hash()', 'compare()', 'genSalt()')",
  },
  // Compression: every zlib *Sync compresses the whole buffer on the main thread.
  {
    source: { module: 'zlib' },
    category: 'compression',
    names: [
      'brotliCompressSync',
      'brotliDecompressSync',
      'deflateRawSync',
      'deflateSync',
      'gunzipSync',
      'gzipSync',
      'inflateRawSync',
      'inflateSync',
      'unzipSync',
      'zstdCompressSync',
      'zstdDecompressSync',
    ],
    replacement: "the callback API through 'promisify' (e.g. 'promisify(zlib.gzip)')",
  },
  {
    source: { global: 'Bun' },
    category: 'compression',
    names: ['gzipSync', 'gunzipSync', 'deflateSync', 'inflateSync'],
    replacement: "'node:zlib' callback APIs through 'promisify'",
  },
  // Sleep: these park the whole thread for a time.
  {
    source: { global: 'Atomics' },
    category: 'sleep',
    names: ['wait'],
    replacement: "'await Atomics.waitAsync(...).value'",
  },
  {
    source: { global: 'Bun' },
    category: 'sleep',
    names: ['sleepSync'],
    replacement: "'await Bun.sleep()'",
  },
  // Sleep: deasync spins a nested event loop until its condition holds.
  {
    source: { module: 'deasync' },
    category: 'sleep',
    names: ['sleep', 'loopWhile'],
    replacement: "'await' on a promise ('setTimeout' from 'node:timers/promises' for a delay)",
  },
  // Sync XHR over HTTP in Node: sync-request runs the request in a child process and waits.
  {
    source: { module: 'sync-request' },
    category: 'syncXhr',
    names: [''],
    replacement: "'await fetch()'",
  },
];

/** Constructors of objects whose `open(method, url, false)` makes a synchronous request. */
export const SYNC_XHR_CONSTRUCTORS: readonly ApiSource[] = [{ global: 'XMLHttpRequest' }];

/** Replacement text of the non-call blocking patterns, for the messages. */
export const PATTERN_REPLACEMENTS = {
  busyWait: "'await setTimeout(ms)' from 'node:timers/promises'",
  syncXhr: "'await fetch()' or an asynchronous XMLHttpRequest",
} as const;

/**
 * Clock reads: a loop whose condition compares one of these with a deadline and whose body does
 * no work is a busy-wait sleep.
 */
export const CLOCK_APIS: readonly { source: ApiSource; names: readonly string[] }[] = [
  { source: { global: 'Date' }, names: ['now'] },
  { source: { global: 'performance' }, names: ['now'] },
  { source: { module: 'perf_hooks' }, names: ['performance.now'] },
  { source: { global: 'process' }, names: ['hrtime', 'hrtime.bigint'] },
  { source: { module: 'process' }, names: ['hrtime', 'hrtime.bigint'] },
];

/** Constructors whose instance is a clock read: `new Date()` (compared directly, or via `getTime()`). */
export const CLOCK_CONSTRUCTORS: readonly ApiSource[] = [{ global: 'Date' }];

/** The fallback advice when an entry has no replacement of its own. */
export const CATEGORY_REPLACEMENTS: Readonly<Record<BlockingCategory, string>> = {
  fileSystem: 'the promise-based API',
  process: "an asynchronous child process API ('execFile' or 'spawn')",
  crypto: 'the callback API through promisify',
  compression: "the callback API through 'promisify'",
  sleep: "'await' on a timer ('setTimeout' from 'node:timers/promises')",
  syncXhr: "'await fetch()'",
  other: 'an asynchronous alternative',
};

/**
 * Test-framework functions whose callback is a test or a hook. An async test that reads a fixture
 * with `readFileSync` blocks nobody who is waiting (a runner runs one test of a file at a time), and
 * reviewers do not ask to change it: such callbacks are skipped unless `checkTestCallbacks` is on.
 * Resolved like the blocking APIs: as globals (Jest, Mocha, Vitest globals) or imports.
 */
const TEST_FUNCTIONS = ['it', 'test', 'before', 'after', 'beforeAll', 'afterAll', 'beforeEach', 'afterEach'] as const;
const TEST_MODIFIERS = ['only', 'skip'] as const;
const TEST_NAMES: readonly string[] = TEST_FUNCTIONS.flatMap((name) => [name, ...TEST_MODIFIERS.map((modifier) => `${name}.${modifier}`)]);

export const TEST_CALLBACK_APIS: readonly { source: ApiSource; names: readonly string[] }[] = [
  ...TEST_FUNCTIONS.map((name) => ({ source: { global: name }, names: ['', ...TEST_MODIFIERS] })),
  ...['vitest', '@jest/globals', 'bun:test', 'mocha', 'node:test'].map((module) => ({ source: { module }, names: TEST_NAMES })),
  { source: { module: 'node:test' }, names: [''] },
];
