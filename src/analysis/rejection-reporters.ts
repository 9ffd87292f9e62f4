import { readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import {
  BUILD_FOLDERS,
  NON_PROGRAM_FOLDERS,
  REJECTION_REPORTER,
  REJECTION_REPORTER_HINT,
  REPORTING_SDK_HINT,
  REPORTING_SDKS,
  type ReportingSdk,
  TEST_FILE_NAME,
  TEST_FOLDERS,
  TEST_FRAMEWORK_MODULES,
  TEST_SETUP_FILE,
  TEST_SUPPORT_FOLDER,
} from '../catalog/run-contexts';
import { readManifest } from './manifests';
import { MAX_FILE_BYTES, ownProgramOf, SKIPPED_FILE, SOURCE_FILE, visitProgramSources } from './program-sources';
import { readTextImports, type TextBinding } from './source-imports';
import { isBinFile, type PackageInfo, programRootOf } from './where-it-runs';

/**
 * Does the program a file belongs to install its own reporter of unhandled rejections
 * (`process.on('unhandledRejection', report)`, `window.addEventListener('unhandledrejection',
 * ...)`, `window.onunhandledrejection = ...`, an Electron app's equivalent: see
 * `REJECTION_REPORTER`), or set up an error-tracking SDK that installs one (`Sentry.init(...)`,
 * `Bugsnag.start(...)`: see `REPORTING_SDKS` and `installsSdkReporter`)? In such a program a
 * promise dropped where nothing could await it (a UI action handler, a store listener, a
 * constructor, a timer callback) is reported by that handler already; the only fix a reviewer could ask for, `.catch(report)`, does what it does.
 *
 * The program: `programRootOf` in `where-it-runs.ts` (the nearest `package.json`, widened to the
 * next outer package only when the inner one is a plugin whose `engines` name it). A sibling
 * package, a workspace member or a full-stack repo's client is a program of its own: a library
 * never counts on the handler of the app that hosts it, only on one it installs itself. In a
 * package that exports a library (`main`/`module`/`exports`) and also has a `bin`, a reporter in
 * its `bin` targets or `bin/` folder counts only for those files: the library runs inside other
 * people's programs.
 *
 * Evidence: the text of the program's own source files (`.js`, `.ts` and their variants, not
 * declaration files, minified files or test files), below its folder, skipping
 * `NON_PROGRAM_FOLDERS` (installed, built, test, example, docs and script folders) and the folders
 * of packages inside it that are not its plugins. A statement inside a comment or a string does
 * not count, nor does a handler that ends the program (`process.exit`, a rethrow: see
 * `installsReporter`), where a dropped promise crashes the program. A linted file that is itself
 * in a skipped folder (a test, a fixture, an example) or named as a test gets false.
 *
 * Cost: once per program root per process (each `--concurrency` worker has its own cache, as
 * `package.json` reads do in `where-it-runs.ts`); at most `MAX_FILES` files and `MAX_BYTES` bytes
 * read (see `program-sources.ts`), each file first tested with a cheap hint; a program too large to scan within those bounds
 * answers false (the rule keeps reporting).
 */
export function programReportsRejections(filename: string): boolean {
  const root = ownProgramOf(filename);
  if (root === null) return false;
  let answer = reportsByRoot.get(root.dir);
  if (answer === undefined) {
    answer = scanForReporter(root);
    reportsByRoot.set(root.dir, answer);
  }
  // A library that also ships a command: the command's reporter is not installed where the
  // library runs (inside other people's programs).
  if (root.library && root.bins.length > 0 && !isBinFile(filename, root)) return answer.inLibrary;
  return answer.inLibrary || answer.inBin;
}

/** Where a program scan found a reporter: in its `bin` targets or `bin/` folder, or elsewhere. */
interface Found {
  inLibrary: boolean;
  inBin: boolean;
}

/** `scanForReporter`'s answer per program root. */
const reportsByRoot = new Map<string, Found>();

/** True when a source file of the program `root` installs a rejection reporter (see `programReportsRejections`). */
function scanForReporter(root: PackageInfo): Found {
  const found: Found = { inLibrary: false, inBin: false };
  const splitsBin = root.library && root.bins.length > 0;
  const complete = visitProgramSources(
    root,
    (file) => !(splitsBin && isBinFile(file, root) ? found.inBin : found.inLibrary),
    (file, text) => {
      if (!((REJECTION_REPORTER_HINT.test(text) && installsReporter(text)) || (REPORTING_SDK_HINT.test(text) && installsSdkReporter(text)))) return false;
      if (splitsBin && isBinFile(file, root)) found.inBin = true;
      else found.inLibrary = true;
      return found.inLibrary;
    },
  );
  return complete ? found : { inLibrary: false, inBin: false };
}

/**
 * A `REJECTION_REPORTER` statement in `text` that is code (not inside a comment or a string: one
 * linear pass marks where code lies) and whose handler does not end the program. A handler that
 * calls `process.exit`/`exit(` or rethrows (`throw`) makes a dropped promise crash the program,
 * which is worth fixing; a handler passed by name is taken as a reporter. A handler of
 * `'uncaughtException'` counts only when it logs (`handlerLogs`): it is mostly installed to keep
 * the program alive, and one that ignores what it gets loses the rejection without a trace.
 */
export function installsReporter(text: string): boolean {
  const pattern = new RegExp(REJECTION_REPORTER.source, 'g');
  const starts = codeStarts(text);
  for (const match of text.matchAll(pattern)) {
    if (!isCode(starts, match.index)) continue;
    const handler = handlerText(text, match.index + match[0].length);
    const named = namedHandlerText(text, handler);
    if (ENDS_PROGRAM.test(handler) || ENDS_PROGRAM.test(named)) continue;
    // an uncaught-exception handler that ignores what it gets (`() => {}`, "keep the bot alive") loses the rejection
    if (match[0].includes('uncaughtException') && !handlerLogs(handler.replace(/^\s*,/, '')) && !handlerLogs(named)) continue;
    return true;
  }
  return false;
}

/**
 * A set-up call of an error-tracking SDK of `REPORTING_SDKS` in `text` that installs its
 * unhandled-rejection reporter: the SDK loaded as code, not inside a comment or a string (an
 * import, `require` or awaited `import()` that binds a name: see `TextImport`), and called through
 * that binding (`Sentry.init(...)` for `import * as Sentry`, a default import, `const Sentry =
 * require(...)` or `await import(...)`; `init(...)` or its local name for a named import;
 * `new Rollbar(...)`), with arguments that neither turn the reporter off (`ReportingSdk.off`), lack
 * an option it needs (`ReportingSdk.on`), nor end the program (`process.exit`, a `throw`, as for a
 * handler: see `installsReporter`). Options passed by name (`Sentry.init(options)`) are not read:
 * the SDK's defaults are taken. A type-only import counts for nothing.
 */
export function installsSdkReporter(text: string): boolean {
  let starts: number[] | null = null;
  for (const load of readTextImports(text)) {
    if (load.kind === 're-export' || load.bindings.length === 0) continue;
    const sdk = REPORTING_SDKS.find((candidate) => candidate.module.test(load.specifier));
    if (!sdk) continue;
    starts ??= codeStarts(text);
    if (!isCode(starts, load.index)) continue;
    for (const call of text.matchAll(setUpCall(load.bindings, sdk))) {
      if (!isCode(starts, call.index)) continue;
      const options = handlerText(text, call.index + call[0].length);
      if (sdk.off.test(options) || ENDS_PROGRAM.test(options) || (sdk.on && !sdk.on.test(options))) continue;
      return true;
    }
  }
  return false;
}

/**
 * The set-up calls of `sdk` through the bindings a load of it declares: `X.init(` / `new X(` for a
 * namespace, default or whole-module binding `X`, `local(` for a name imported as `local`
 * (`{ init }`, `{ init as local }`, `{ init: local }`). Matches end at the `(`.
 */
function setUpCall(bindings: readonly TextBinding[], sdk: ReportingSdk): RegExp {
  const whole: string[] = [];
  const named: string[] = [];
  for (const binding of bindings) {
    if (binding.imported === '*' || binding.imported === 'default') whole.push(binding.name);
    else if (sdk.setUp.includes(binding.imported)) named.push(binding.name);
  }
  const escape = (name: string): string => name.replace(/\$/g, '\\$');
  const methods = sdk.setUp.filter((method) => method !== 'new').join('|');
  const forms = [
    ...whole.map((name) => `(?<![\\w$.])${escape(name)}\\s*\\.\\s*(?:${methods})\\s*\\(`),
    ...(sdk.setUp.includes('new') ? whole.map((name) => `\\bnew\\s+${escape(name)}\\s*\\(`) : []),
    ...named.map((name) => `(?<![\\w$.])(?<!function\\s+)${escape(name)}\\s*\\(`),
  ];
  return new RegExp(forms.length > 0 ? forms.join('|') : '(?!)', 'g');
}

/**
 * The text of the same file's declaration of a handler passed by name
 * (`process.on('unhandledRejection', onFatal)` and `function onFatal(error) {...}` or
 * `const onFatal = (error) => {...}`), or '' when the handler is inline or declared elsewhere.
 */
function namedHandlerText(text: string, handler: string): string {
  const name = /^\s*,\s*([A-Za-z_$][\w$]*)\s*$/.exec(handler)?.[1] ?? /^\s*=\s*([A-Za-z_$][\w$]*)\s*$/.exec(handler)?.[1];
  if (name === undefined) return '';
  const escaped = name.replace(/\$/g, '\\$');
  const declaration = new RegExp(`\\bfunction\\s+${escaped}\\s*(?=\\()|\\b(?:const|let|var)\\s+${escaped}\\s*=`).exec(text);
  return declaration ? handlerText(text, declaration.index + declaration[0].length) : '';
}

/** A handler body that ends the process or rethrows. */
const ENDS_PROGRAM = /\bexit\s*\(|\bthrow\b/;
/** The longest handler text looked at. */
const MAX_HANDLER_CHARS = 4_000;

/**
 * The text after a reporter's match up to the end of its call's argument list (the `)` that
 * closes the paren left open by the match) or, for an assignment, the end of its statement (`;`
 * or a line end outside brackets); strings and comments are skipped.
 */
function handlerText(text: string, from: number): string {
  let depth = 0;
  const end = Math.min(text.length, from + MAX_HANDLER_CHARS);
  for (let index = from; index < end; index += 1) {
    const skipped = skipNonCode(text, index);
    if (skipped !== index) {
      index = skipped - 1;
      continue;
    }
    const char = text[index];
    if (char === '(' || char === '{' || char === '[') depth += 1;
    else if (char === ')' || char === '}' || char === ']') {
      depth -= 1;
      if (depth < 0) return text.slice(from, index);
    } else if (depth === 0 && (char === ';' || (char === '\n' && index > from && text.slice(from, index).trim() !== '' && !/[=>,(]\s*$/.test(text.slice(from, index))))) {
      return text.slice(from, index);
    }
  }
  return text.slice(from, end);
}

/**
 * When `index` opens a comment or a string (`//`, `/*`, a quote, a template), the index just
 * after it ends; otherwise `index`. A template's `${...}` is not parsed (read as part of it).
 */
function skipNonCode(text: string, index: number): number {
  const char = text[index];
  if (char === '/' && text[index + 1] === '/') {
    const end = text.indexOf('\n', index);
    return end === -1 ? text.length : end;
  }
  if (char === '/' && text[index + 1] === '*') {
    const end = text.indexOf('*/', index + 2);
    return end === -1 ? text.length : end + 2;
  }
  if (char === "'" || char === '"' || char === '`') {
    for (let at = index + 1; at < text.length; at += 1) {
      const next = text[at];
      if (next === '\\') at += 1;
      else if (next === char) return at + 1;
      else if (next === '\n' && char !== '`') return at;
    }
    return text.length;
  }
  return index;
}

/**
 * The spans of `text` that are code, as sorted [start, end) pairs flattened into one array: one
 * linear pass that skips comments and strings (see `skipNonCode`).
 */
function codeStarts(text: string): number[] {
  const spans: number[] = [];
  let start = 0;
  for (let index = 0; index < text.length; index += 1) {
    const char = text[index];
    if (char !== '/' && char !== "'" && char !== '"' && char !== '`') continue;
    const skipped = skipNonCode(text, index);
    if (skipped === index) continue;
    spans.push(start, index);
    start = skipped;
    index = skipped - 1;
  }
  spans.push(start, text.length);
  return spans;
}

/** True when `index` lies in a code span of `spans` (see `codeStarts`). */
function isCode(spans: readonly number[], index: number): boolean {
  let low = 0;
  let high = spans.length / 2 - 1;
  while (low <= high) {
    const middle = (low + high) >> 1;
    const start = spans[middle * 2] as number;
    const end = spans[middle * 2 + 1] as number;
    if (index < start) high = middle - 1;
    else if (index >= end) low = middle + 1;
    else return true;
  }
  return false;
}

/**
 * Does the program entry that `filename` runs under install a process-wide handler of unhandled
 * rejections that logs, at least the errors it recognises (`process.on('unhandledRejection',
 * handler)` in the entry module itself, the handler written there: see `logsSomeRejections`)?
 * Such a program has a policy for rejections nobody handles: the errors its author expects (a
 * chat API's errors, known recoverable errors) are logged and the process goes on; the others end
 * it, by design, as a fail-fast program ends on a state it does not know. A promise dropped
 * anywhere in that program reaches that policy: the drop loses the wait, nothing else. A handler
 * that exits on every path (`console.error(e); process.exit(1)`) is Node's own default and
 * decides nothing here: a drop there still takes the whole process down.
 *
 * The entries of the package the file belongs to (`programRootOf`): its `main`, its `bin` targets,
 * and the modules its start scripts run with `node` (`scripts.start`, `start:prod`, `serve`,
 * `dev`...), each read from its source when it names a build output (`dist/api/index.js` is
 * `src/api/index.ts`). A file runs under the entry whose folder holds it most closely (a package
 * that starts a bot from `src/index.ts` and an API from `src/api/index.ts` runs `src/api/` files
 * under the second); every entry of that folder must install such a handler. So a library (whose
 * `main` installs nothing: its users' process policy applies), a library's command (its library
 * entry sits beside or above it) and a workspace's shared package (a package of its own) answer
 * false, as do test code and files of `NON_PROGRAM_FOLDERS` or of a `scripts/` folder (programs
 * of their own).
 *
 * Cost: one manifest read (cached) and a few entry files read once per package per process; the
 * file's own answer is a few path comparisons.
 */
export function entryLogsRejections(filename: string): boolean {
  const closest = closestEntries(filename);
  return closest !== null && closest.length > 0 && closest.every((entry) => entry.logs);
}

/**
 * Does the process that runs `filename` log the rejections nobody handles and go on, by a handler
 * of its own program? `entryLogsRejections` when the file runs under an entry its package names
 * (that entry's module or a module it loads, one step, installs the handler). A file under no
 * entry the package names (a package whose `main` or start script is absent from the tree, or
 * names none) reads the program's own sources instead: a `process.on('unhandledRejection', ...)`
 * handler that logs (`logsSomeRejections`) installed by any of its modules (a `main.ts` that the
 * missing launcher loads). A file under an entry that installs none (a second process the package
 * starts on its own, `node dist/pool.js`) answers false, as do test code, `NON_PROGRAM_FOLDERS`
 * and `scripts/` (programs of their own), and a library's modules when only its `bin` code installs
 * the handler. The scan is read once per program root per process, within `visitProgramSources`'
 * bounds (a program too large answers false).
 */
export function programLogsRejections(filename: string): boolean {
  const closest = closestEntries(filename);
  if (closest === null) return false;
  if (closest.length > 0) return closest.every((entry) => entry.loadsLogger);
  const root = ownProgramOf(filename);
  if (root === null) return false;
  let answer = logsByRoot.get(root.dir);
  if (answer === undefined) {
    answer = scanForLoggingHandler(root);
    logsByRoot.set(root.dir, answer);
  }
  if (root.library && root.bins.length > 0 && !isBinFile(filename, root)) return answer.inLibrary;
  return answer.inLibrary || answer.inBin;
}

/** `scanForLoggingHandler`'s answer per program root. */
const logsByRoot = new Map<string, Found>();

/**
 * Where the sources of the program `root` install a process handler that logs (see
 * `programLogsRejections`). Test set-up code is no module of the running program, so its handler
 * is not counted (`isTestSetup`).
 */
function scanForLoggingHandler(root: PackageInfo): Found {
  const found: Found = { inLibrary: false, inBin: false };
  const splitsBin = root.library && root.bins.length > 0;
  const setupFiles = configuredTestSetupFiles(root.dir);
  const complete = visitProgramSources(
    root,
    (file) => !(splitsBin && isBinFile(file, root) ? found.inBin : found.inLibrary) && !inOneShotFolder(root.dir, file) && !isTestSetup(root.dir, file, setupFiles),
    (file, text) => {
      if (!REJECTION_REPORTER_HINT.test(text) || !logsSomeRejections(text)) return false;
      if (readTextImports(text).some((load) => TEST_FRAMEWORK_MODULES.has(load.specifier))) return false;
      if (splitsBin && isBinFile(file, root)) found.inBin = true;
      else found.inLibrary = true;
      return found.inLibrary;
    },
  );
  return complete ? found : { inLibrary: false, inBin: false };
}

/**
 * True when `file` of the package at `dir` is test set-up code that the program scan skips (the
 * handler of a test set-up file never runs in production): named as a set-up file
 * (`TEST_SETUP_FILE`: `jest.setup.ts`, `setupTests.ts`), named by the package's `jest` config
 * (`setupFiles`), or below a folder of tests or test helpers (`TEST_FOLDERS`,
 * `TEST_SUPPORT_FOLDER`: `test-utils/`, or a plain `testing/`). A module importing a test
 * framework is skipped where the scan reads its text.
 */
function isTestSetup(dir: string, file: string, setupFiles: ReadonlySet<string>): boolean {
  if (TEST_SETUP_FILE.test(path.basename(file)) || setupFiles.has(file)) return true;
  return path
    .relative(dir, path.dirname(file))
    .split(path.sep)
    .some((folder) => folder === 'testing' || TEST_FOLDERS.has(folder) || TEST_SUPPORT_FOLDER.test(folder));
}

/** The absolute paths of the set-up files the `jest` config of `dir`'s `package.json` names (`setupFiles`, `setupFilesAfterEnv`). */
function configuredTestSetupFiles(dir: string): ReadonlySet<string> {
  const files = new Set<string>();
  let jest: unknown;
  try {
    jest = (JSON.parse(readSmallSource(path.join(dir, 'package.json')) || '{}') as { jest?: unknown }).jest;
  } catch {
    return files;
  }
  if (typeof jest !== 'object' || jest === null) return files;
  for (const key of ['setupFiles', 'setupFilesAfterEnv']) {
    const list = (jest as Record<string, unknown>)[key];
    if (!Array.isArray(list)) continue;
    for (const entry of list) if (typeof entry === 'string') files.add(path.resolve(dir, entry.replace('<rootDir>', '.')));
  }
  return files;
}

/** True when `file` lies in a `scripts/` folder of the package at `dir` (a program of its own). */
function inOneShotFolder(dir: string, file: string): boolean {
  return path.relative(dir, path.dirname(file)).split(path.sep).some((folder) => ONE_SHOT_FOLDERS.has(folder));
}

/**
 * The entries of `filename`'s package whose folder holds it most closely (see
 * `entryLogsRejections`): empty when no entry's folder holds it; null when the file runs as no
 * program's module (a relative path, test code, `NON_PROGRAM_FOLDERS`, `scripts/`, no package).
 */
function closestEntries(filename: string): Entry[] | null {
  if (!path.isAbsolute(filename) || TEST_FILE_NAME.test(path.basename(filename))) return null;
  const root = programRootOf(filename);
  if (root === null) return null;
  const relative = path.relative(root.dir, path.dirname(filename));
  if (relative.startsWith('..') || relative.split(path.sep).some((folder) => NON_PROGRAM_FOLDERS.has(folder) || ONE_SHOT_FOLDERS.has(folder))) return null;
  let entries = entriesByRoot.get(root.dir);
  if (entries === undefined) {
    entries = readEntries(root.dir);
    entriesByRoot.set(root.dir, entries);
  }
  const dir = path.dirname(filename);
  let closest: Entry[] = [];
  let closestDepth = -1;
  for (const entry of entries) {
    const within = path.relative(entry.dir, dir);
    if (within.startsWith('..') || path.isAbsolute(within)) continue;
    const depth = entry.dir.split(path.sep).length;
    if (depth > closestDepth) {
      closest = [entry];
      closestDepth = depth;
    } else if (depth === closestDepth) closest.push(entry);
  }
  return closest;
}

/** Folders of scripts that run as programs of their own (`scripts/seed.ts`), not under the package's entry. */
const ONE_SHOT_FOLDERS: ReadonlySet<string> = new Set(['script', 'scripts']);

/** A program entry of a package: the folder of its source module, and whether that module installs a handler that logs (see `entryLogsRejections`). */
interface Entry {
  readonly dir: string;
  readonly logs: boolean;
  /** `logs`, or a module the entry loads (one step) installs such a handler (see `programLogsRejections`). */
  readonly loadsLogger: boolean;
}

/** `readEntries` answers per package directory. */
const entriesByRoot = new Map<string, readonly Entry[]>();

/** Scripts that start the program (`start`, `start:prod`, `start-bot-prod`, `serve`, `dev`), not its tooling. */
const START_SCRIPT = /^(?:start|serve|dev)(?:$|[-:_])/;
/** A module a start script hands to `node` (`node --flag dist/index.js`): the first `.js`-like argument. */
const NODE_MODULE_ARGUMENT = /(?:^|[\s;&|])node\s+(?:-[^\s]+\s+)*([^\s;&|'"]+\.[cm]?[jt]s)\b/;
/** Source extensions tried for an entry named without its own (`bin/cli`) or for a build output's source. */
const SOURCE_EXTENSIONS: readonly string[] = ['.ts', '.mts', '.cts', '.tsx', '.js', '.mjs', '.cjs'];

/** The entries of the package in `dir` (see `entryLogsRejections`), each read once. */
function readEntries(dir: string): Entry[] {
  const record = readManifest(dir);
  if (!record) return [];
  const named: string[] = [];
  if (typeof record['main'] === 'string') named.push(record['main']);
  const bin = record['bin'];
  if (typeof bin === 'string') named.push(bin);
  else if (bin && typeof bin === 'object') for (const target of Object.values(bin)) if (typeof target === 'string') named.push(target);
  const scripts = record['scripts'];
  if (scripts && typeof scripts === 'object') {
    for (const [name, command] of Object.entries(scripts as Record<string, unknown>)) {
      if (typeof command !== 'string' || !START_SCRIPT.test(name)) continue;
      const module = NODE_MODULE_ARGUMENT.exec(command)?.[1];
      if (module !== undefined) named.push(module);
    }
  }
  const seen = new Set<string>();
  const entries: Entry[] = [];
  for (const target of named) {
    const source = entrySource(dir, target);
    if (source === null || seen.has(source)) continue;
    seen.add(source);
    const text = readSmallSource(source);
    const logs = REJECTION_REPORTER_HINT.test(text) && logsSomeRejections(text);
    entries.push({ dir: path.dirname(source), logs, loadsLogger: logs || loadsLoggingModule(dir, source, text) });
  }
  return entries;
}

/** The text of a source file within `MAX_FILE_BYTES`; empty when it is larger or unreadable. */
function readSmallSource(file: string): string {
  try {
    return statSync(file).size <= MAX_FILE_BYTES ? readFileSync(file, 'utf8') : '';
  } catch {
    return '';
  }
}

/**
 * True when the entry module `entry` (its `text`) of the package in `dir` loads a module of the
 * package, one step, that installs a process handler that logs (`logsSomeRejections`): a
 * launcher `app.js` that requires `./lib/main` (read from its source, `src/main.ts`, as for an
 * entry: `entrySource`), whose top level installs the handler before the program runs.
 */
function loadsLoggingModule(dir: string, entry: string, text: string): boolean {
  for (const load of readTextImports(text)) {
    if (load.kind === 'dynamic' || !load.specifier.startsWith('.')) continue;
    const source = entrySource(dir, path.relative(dir, path.resolve(path.dirname(entry), load.specifier)));
    if (source === null || source === entry) continue;
    const loaded = readSmallSource(source);
    if (REJECTION_REPORTER_HINT.test(loaded) && logsSomeRejections(loaded)) return true;
  }
  return false;
}

/**
 * The source file of an entry a manifest names: the file itself when it exists as a source file,
 * else its source below `src/` when it names a build output (`dist/index.js` is `src/index.ts`),
 * trying `SOURCE_EXTENSIONS`; null when none exists.
 */
function entrySource(dir: string, target: string): string | null {
  const resolved = path.resolve(dir, target);
  const relative = path.relative(dir, resolved);
  if (relative.startsWith('..') || path.isAbsolute(relative)) return null;
  const bare = resolved.slice(0, resolved.length - path.extname(resolved).length);
  const candidates = [resolved, ...SOURCE_EXTENSIONS.map((extension) => bare + extension)];
  const parts = relative.split(path.sep);
  if (parts.length > 1 && BUILD_FOLDERS.has(parts[0] as string)) {
    const inSource = path.join(dir, 'src', ...parts.slice(1));
    const bareSource = inSource.slice(0, inSource.length - path.extname(inSource).length);
    candidates.push(...SOURCE_EXTENSIONS.map((extension) => bareSource + extension));
  }
  for (const candidate of candidates) {
    if (!SOURCE_FILE.test(candidate) || SKIPPED_FILE.test(candidate)) continue;
    try {
      if (statSync(candidate).isFile()) return candidate;
    } catch {
      // not there
    }
  }
  return null;
}

/**
 * A `process.on('unhandledRejection', ...)` (also `once`, `addListener`, `prependListener`) call,
 * up to its handler; also `'uncaughtException'`, whose handler receives a rejection nobody handles
 * since Node 15 (raised as an uncaught exception when no `'unhandledRejection'` handler is set).
 */
const PROCESS_REJECTION_HANDLER = /\bprocess\s*\.\s*(?:on|once|addListener|prependListener)\s*\(\s*['"`](?:unhandledRejection|uncaughtException)['"`]\s*,/g;
/** A call that writes a log line: `console.*`, a logger's method, a `log(...)`/`logError(...)` helper. */
const LOG_CALL = /\bconsole\s*\.\s*\w+\s*\(|\blog(?:ger)?\s*\.\s*\w+\s*\(|\b\w*[lL]og(?:Error|Warning|Warn)?\s*\(|\breport\w*\s*\(/;
/** A logger handed over by reference (`console.error`, `logger.warn`, `logError`, `reportCrash`). */
const LOG_REFERENCE = /^\s*(?:console\s*\.\s*\w+|\w*log(?:ger)?\s*\.\s*\w+|\w*[lL]og(?:Error|Warning|Warn)?|report\w*)\s*$/;

/**
 * True when a handler's text (a function, or a logger passed by reference) writes what it
 * receives to a log: a `LOG_CALL` in it, or it is a `LOG_REFERENCE`.
 */
export function handlerLogs(text: string): boolean {
  return LOG_CALL.test(text) || LOG_REFERENCE.test(text);
}

/**
 * A statement that ends the process or rethrows: `process.exit(...)`, `throw`, a call that shuts
 * down or exits (`shutdown(1)`, `gracefulShutdown()`, `gracefulExit()`), `process.kill(...)` (a
 * signal to itself), or a `close()` call (`server.close()`: with nothing left open, the process ends).
 */
const ENDS_PROCESS = /\b(?:\w*[sS]hut[dD]own|\w+Exit|exit)\s*\(|\bthrow\b|\bprocess\s*\.\s*kill\s*\(|\.\s*close\s*\(/g;

/**
 * True when `text` (an entry module) installs a process `unhandledRejection` handler written in
 * the same module (inline, or a function or arrow declared there under the name it passes) that
 * logs and does not end the process on every path: no `process.exit(...)` or `throw` at the top
 * level of its body. It logs every rejection and goes on, or logs the errors it recognises and
 * exits on the others (an exit inside an `if`, an `else` or a `switch`). The handler's own text is
 * read however it is written: a block body; an expression body that is one log call and neither
 * exits nor throws (`(reason) => logger.warn(reason)`), or one call of a function the module
 * declares, read through it; a logger's method passed by reference (`console.error`); a name the
 * module declares, read where it is declared whatever it is called (`reportCrash` may exit). A
 * handler imported from elsewhere is not read (false).
 */
export function logsSomeRejections(text: string): boolean {
  const starts = codeStarts(text);
  for (const match of text.matchAll(PROCESS_REJECTION_HANDLER)) {
    if (!isCode(starts, match.index)) continue;
    const after = match.index + match[0].length;
    const handler = handlerText(text, after);
    // A name is read where the module declares it, whatever it is called (`reportCrash` may exit).
    const name = /^\s*([A-Za-z_$][\w$]*)\s*$/.exec(handler)?.[1];
    if (name !== undefined ? declaredHandlerLogs(text, name, true) : MEMBER_LOGGER.test(handler) || inlineHandlerLogs(text, after, handler, true)) {
      return true;
    }
  }
  return false;
}

/** A logger's method handed over by reference: `console.error`, `logger.warn`, `log.info`. */
const MEMBER_LOGGER = /^\s*(?:console|\w*[lL]og(?:ger)?)\s*\.\s*\w+\s*$/;

/** The callee of a call that starts an expression (`logger.warn(`, `reportAndExit(`), its name and where its arguments open. */
const LEADING_CALL = /^\s*([A-Za-z_$][\w$]*(?:\s*\.\s*[A-Za-z_$][\w$]*)*)\s*\(/;

/**
 * An inline handler (`handler` is its text, starting at `at`) that logs and goes on: a block body
 * (`(reason) => { ... }`, `function (reason) { ... }`) read as `bodyLogs` reads it, or an
 * expression body that is one call (`expressionLogs`). `follow`: a call of a function the module
 * declares may be read once more (one level, no cycles).
 */
function inlineHandlerLogs(text: string, at: number, handler: string, follow: boolean): boolean {
  const arrow = /^\s*(?:async\s*)?(?:\([^()]*\)|[A-Za-z_$][\w$]*)\s*=>\s*/.exec(handler);
  if (arrow && !handler.startsWith('{', arrow[0].length)) return expressionLogs(text, at + arrow[0].length, handler.slice(arrow[0].length), follow);
  let open = arrow ? arrow[0].length : -1;
  const fn = arrow ? null : /^\s*(?:async\s+)?function\b[^(]*\(/.exec(handler);
  // The body opens after the parameter list, whose defaults and patterns may hold braces of their own.
  if (fn) open = handler.indexOf('{', fn[0].length + handlerText(text, at + fn[0].length).length);
  return open !== -1 && bodyLogs(blockText(text, at + open));
}

/**
 * An arrow's expression body (`expression`, starting at `at`) that logs and goes on: it is one call
 * (nothing after its argument list), that call writes a log line (`logger.warn(reason)`), or calls
 * a function the module declares whose body does (read with `declaredHandlerLogs`: a
 * `reportAndExit(reason)` that exits is no policy of going on), and its arguments neither exit nor
 * throw. A log call inside another call (`shutdown(log(e))`) is not read as logging.
 */
function expressionLogs(text: string, at: number, expression: string, follow: boolean): boolean {
  const call = LEADING_CALL.exec(expression);
  if (!call) return false;
  const args = handlerText(text, at + call[0].length);
  const rest = expression.slice(call[0].length + args.length + 1);
  if (!/^\s*;?\s*$/.test(rest) || ENDS_PROGRAM.test(args)) return false;
  const callee = (call[1] as string).replace(/\s+/g, '');
  if (!callee.includes('.') && declaresFunction(text, callee)) return follow && declaredHandlerLogs(text, callee, false);
  return LOG_CALL.test(`${callee}(`);
}

/** Does `text` declare `name` as a function or a `const`/`let`/`var`? */
function declaresFunction(text: string, name: string): boolean {
  return declarationOf(text, name) !== null;
}

/** The declaration of `name` in `text` (`function name(`, `const name =`), or null. */
function declarationOf(text: string, name: string): RegExpExecArray | null {
  const escaped = name.replace(/\$/g, '\\$');
  return new RegExp(`\\bfunction\\s+${escaped}\\s*\\(|\\b(?:const|let|var)\\s+${escaped}\\s*=`).exec(text);
}

/** The function or arrow declared in `text` under `name` (the handler passed by name) logs and goes on; false when it is not declared there. */
function declaredHandlerLogs(text: string, name: string, follow: boolean): boolean {
  const declaration = declarationOf(text, name);
  if (!declaration) return false;
  if (declaration[0].startsWith('function')) {
    const open = text.indexOf('{', declaration.index);
    return open !== -1 && bodyLogs(blockText(text, open));
  }
  const at = declaration.index + declaration[0].length;
  return inlineHandlerLogs(text, at, handlerText(text, at), follow);
}

/** A handler's block body that writes a log line and does not end the process on every path (`endsOnEveryPath`). */
function bodyLogs(body: string | null): boolean {
  return body !== null && LOG_CALL.test(body) && !endsOnEveryPath(body);
}

/** The text of the block that opens at `open` (a `{`), its braces included, strings and comments skipped; null when it does not close within `MAX_BLOCK_CHARS`. */
function blockText(text: string, open: number): string | null {
  let depth = 0;
  const end = Math.min(text.length, open + MAX_BLOCK_CHARS);
  for (let index = open; index < end; index += 1) {
    const skipped = skipNonCode(text, index);
    if (skipped !== index) {
      index = skipped - 1;
      continue;
    }
    const char = text[index];
    if (char === '{') depth += 1;
    else if (char === '}') {
      depth -= 1;
      if (depth === 0) return text.slice(open, index + 1);
    }
  }
  return null;
}

/** The longest handler body read. */
const MAX_BLOCK_CHARS = 20_000;

/**
 * True when `body` (a block, braces included) exits or throws at its own top level, outside every
 * nested block, and no `return` before it leaves the handler first (`if (known) { log; return; }
 * process.exit(1);` goes on for the errors it knows).
 */
function endsOnEveryPath(body: string): boolean {
  const starts = codeStarts(body);
  for (const match of body.matchAll(ENDS_PROCESS)) {
    if (!isCode(starts, match.index)) continue;
    let depth = 0;
    for (let index = 0; index < match.index; index += 1) {
      const skipped = skipNonCode(body, index);
      if (skipped !== index) {
        index = skipped - 1;
        continue;
      }
      const char = body[index];
      if (char === '{' || char === '(' || char === '[') depth += 1;
      else if (char === '}' || char === ')' || char === ']') depth -= 1;
    }
    if (depth === 1 && !/\b(?:if|else)\b[^;{]*$/.test(body.slice(Math.max(0, match.index - 200), match.index)) && !returnsBefore(body, starts, match.index)) return true;
  }
  return false;
}

/** True when a `return` in code (not in a string or comment) comes before `end` in `body`. */
function returnsBefore(body: string, starts: readonly number[], end: number): boolean {
  for (const match of body.slice(0, end).matchAll(/\breturn\b/g)) if (isCode(starts, match.index)) return true;
  return false;
}
