import { type Dirent, readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { NON_PROGRAM_FOLDERS, REJECTION_REPORTER, REJECTION_REPORTER_HINT, REPORTING_SDK_HINT, REPORTING_SDKS, type ReportingSdk, TEST_FILE_NAME } from '../catalog/run-contexts';
import { readTextImports, type TextBinding } from './source-imports';
import { isBinFile, type PackageInfo, packageAt, programRootOf } from './where-it-runs';

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
 * read, each file first tested with a cheap hint; a program too large to scan within those bounds
 * answers false (the rule keeps reporting).
 */
export function programReportsRejections(filename: string): boolean {
  if (!path.isAbsolute(filename) || TEST_FILE_NAME.test(path.basename(filename))) return false;
  const root = programRootOf(filename);
  if (root === null) return false;
  const relative = path.relative(root.dir, path.dirname(filename));
  if (relative.split(path.sep).some((folder) => NON_PROGRAM_FOLDERS.has(folder))) return false;
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

/** The most source files one program scan reads. */
const MAX_FILES = 5_000;
/** The most bytes one program scan reads. */
const MAX_BYTES = 40_000_000;
/** The most folders one program scan lists. */
const MAX_FOLDERS = 5_000;
/** A larger file is skipped (generated or bundled code). */
const MAX_FILE_BYTES = 1_000_000;

const SOURCE_FILE = /\.[cm]?[jt]sx?$/;
const SKIPPED_FILE = /\.d\.[cm]?ts$|\.min\.[cm]?js$/;
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
  const none: Found = { inLibrary: false, inBin: false };
  const splitsBin = root.library && root.bins.length > 0;
  const folders = [root.dir];
  let files = 0;
  let bytes = 0;
  let listed = 0;
  while (folders.length > 0) {
    const dir = folders.pop() as string;
    if ((listed += 1) > MAX_FOLDERS) return none;
    let entries: Dirent[];
    try {
      entries = readdirSync(dir, { withFileTypes: true });
    } catch {
      continue;
    }
    for (const entry of entries) {
      const name = entry.name;
      if (entry.isDirectory()) {
        if (name.startsWith('.') || NON_PROGRAM_FOLDERS.has(name)) continue;
        const child = path.join(dir, name);
        // A package of its own inside this one (a workspace member, a sibling app) is another
        // program, unless it is a plugin of this one (see `programRootOf`).
        if (packageAt(child) && programRootOf(path.join(child, 'package.json'))?.dir !== root.dir) continue;
        folders.push(child);
        continue;
      }
      if (!entry.isFile() || !SOURCE_FILE.test(name) || SKIPPED_FILE.test(name) || TEST_FILE_NAME.test(name)) continue;
      if ((files += 1) > MAX_FILES) return none;
      const file = path.join(dir, name);
      const inBin = splitsBin && isBinFile(file, root);
      if (inBin ? found.inBin : found.inLibrary) continue;
      let text: string;
      try {
        if (statSync(file).size > MAX_FILE_BYTES) continue;
        text = readFileSync(file, 'utf8');
      } catch {
        continue;
      }
      if ((bytes += text.length) > MAX_BYTES) return none;
      if ((REJECTION_REPORTER_HINT.test(text) && installsReporter(text)) || (REPORTING_SDK_HINT.test(text) && installsSdkReporter(text))) {
        if (inBin) found.inBin = true;
        else found.inLibrary = true;
        if (found.inLibrary) return found;
      }
    }
  }
  return found;
}

/**
 * A `REJECTION_REPORTER` statement in `text` that is code (not inside a comment or a string: one
 * linear pass marks where code lies) and whose handler does not end the program. A handler that
 * calls `process.exit`/`exit(` or rethrows (`throw`) makes a dropped promise crash the program,
 * which is worth fixing; a handler passed by name is taken as a reporter.
 */
export function installsReporter(text: string): boolean {
  const pattern = new RegExp(REJECTION_REPORTER.source, 'g');
  const starts = codeStarts(text);
  for (const match of text.matchAll(pattern)) {
    if (!isCode(starts, match.index)) continue;
    const handler = handlerText(text, match.index + match[0].length);
    if (ENDS_PROGRAM.test(handler) || ENDS_PROGRAM.test(namedHandlerText(text, handler))) continue;
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
