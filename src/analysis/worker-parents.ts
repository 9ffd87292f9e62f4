import path from 'node:path';
import { ownProgramOf, visitProgramSources } from './program-sources';
import { readTextImports } from './source-imports';

/**
 * Does the program that `filename` (the code of a `worker_threads` worker, see
 * `WhereItRuns.isWorkerFile`) belongs to start it as a `Worker` and listen for the worker's
 * `'error'` event? In a worker, an unhandled rejection ends the worker and Node hands the error to
 * the parent as the `Worker` object's `'error'` event: where the parent listens for it, the
 * rejection reaches code written for it, as a process-wide reporter's would. (Where nothing
 * listens, the parent's process crashes with the error, as a main-thread rejection would end it:
 * no evidence then.)
 *
 * Evidence: a source file of the same program (see `programReportsRejections` for which files
 * count) that imports `Worker` from `worker_threads`, assigns a `new Worker(...)` to a name
 * (`const w = new Worker(...)`, `this.thread = new Worker(...)`) that it listens on for `'error'`
 * (`w.on('error', ...)`, also `once`/`addListener`/`addEventListener`) with a listener that hands
 * the error on (not one that only logs, see `handsErrorOn`), and names the worker's file in that
 * call's first argument (see `watchedWorkerFiles`; a string with a script extension, compared by
 * base name). Once per program root per process;
 * false for a file outside the program's own folders and when the program is too large to read.
 */
export function parentHandlesWorkerErrors(filename: string): boolean {
  const root = ownProgramOf(filename);
  if (root === null) return false;
  let stems = watchedWorkersByRoot.get(root.dir);
  if (stems === undefined) {
    const found = new Set<string>();
    const complete = visitProgramSources(
      root,
      () => true,
      (_file, text) => {
        for (const stem of watchedWorkerFiles(text)) found.add(stem);
        return false;
      },
    );
    stems = complete ? found : new Set();
    watchedWorkersByRoot.set(root.dir, stems);
  }
  return stems.has(scriptStem(filename));
}

/** `parentHandlesWorkerErrors`' base names of watched worker files per program root. */
const watchedWorkersByRoot = new Map<string, ReadonlySet<string>>();

const WORKER_THREADS = /^(?:node:)?worker_threads$/;
const SCRIPT_EXTENSION = /\.[cm]?[jt]sx?$/;
/** A string on one line, in any quotes. */
const STRING = /(['"`])([^'"`\n]{1,300})\1/g;

/** `worker` of `/src/worker.mts` or of `'./worker.mjs'`. */
function scriptStem(file: string): string {
  return path.basename(file).replace(SCRIPT_EXTENSION, '');
}

/**
 * The base names (see `scriptStem`) of the worker files that `text` starts as a `Worker` of
 * `worker_threads` and hands the errors of on (see `parentHandlesWorkerErrors`): for each
 * `name = new Worker(file, ...)` whose `'error'` event the file listens for on `name` with a
 * listener that hands the error on (`handsErrorOn`), the strings with a script extension in the
 * call's first argument (`path.join(__dirname, 'resize.js')`, `new URL('./resize.js',
 * import.meta.url)`), or in the initializer of a name that argument reads (`const file =
 * path.join(__dirname, 'resize.js')`). Another `Worker` of the same file, whose errors nothing
 * hears, names no file here.
 */
export function watchedWorkerFiles(text: string): readonly string[] {
  if (!text.includes('worker_threads') || !text.includes('error')) return [];
  const constructors: string[] = [];
  for (const load of readTextImports(text)) {
    if (!WORKER_THREADS.test(load.specifier)) continue;
    for (const binding of load.bindings) {
      if (binding.imported === 'Worker') constructors.push(escape(binding.name));
      else if (binding.imported === '*') constructors.push(`${escape(binding.name)}\\s*\\.\\s*Worker`);
    }
  }
  if (constructors.length === 0) return [];
  const started = new RegExp(`([\\w$]+)\\s*=\\s*new\\s+(?:${constructors.join('|')})\\s*\\(`, 'g');
  const stems: string[] = [];
  for (const match of text.matchAll(started)) {
    const listens = new RegExp(`(?<![\\w$])${escape(match[1] as string)}\\s*\\.\\s*(?:on|once|addListener|prependListener|addEventListener)\\s*\\(\\s*(['"\`])error\\1\\s*,`, 'g');
    if (![...text.matchAll(listens)].some((listener) => handsErrorOn(argumentAt(text, listener.index + listener[0].length)))) continue;
    const file = argumentAt(text, match.index + match[0].length);
    const read = /^[\w$]+$/.test(file.trim()) ? new RegExp(`(?:const|let|var)\\s+${escape(file.trim())}\\s*=([^;\\n]+)`).exec(text)?.[1] : undefined;
    stems.push(...scriptStrings(read ?? file));
  }
  return stems;
}

/** The base names of the strings of `text` that name a script (`'./jobs/resize.js'`). */
function scriptStrings(text: string): string[] {
  return [...text.matchAll(STRING)].flatMap((match) => (SCRIPT_EXTENSION.test(match[2] as string) ? [scriptStem(match[2] as string)] : []));
}

/**
 * The text of the call argument starting at `from`, up to the `,` or `)` that ends it (brackets
 * and one-line strings skipped); the rest of the text when nothing ends it.
 */
function argumentAt(text: string, from: number): string {
  let depth = 0;
  for (let at = from; at < text.length; at += 1) {
    const char = text[at] as string;
    if (char === "'" || char === '"' || char === '`') {
      const close = text.indexOf(char, at + 1);
      if (close === -1) break;
      at = close;
    } else if (char === '(' || char === '[' || char === '{') depth += 1;
    else if (char === ')' || char === ']' || char === '}') {
      if (depth === 0) return text.slice(from, at);
      depth -= 1;
    } else if (char === ',' && depth === 0) return text.slice(from, at);
  }
  return text.slice(from);
}

/**
 * A callee that logs or reports an error and hands it to nothing that recovers: a member of
 * `console`, a logger (`logger.child`, `this.log.error`), a log level or report method on any
 * receiver (`app.log.error`, `req.log.warn`, `Sentry.captureException`, `bugsnag.notify`), or a
 * function named so (`logError`, `reportFailure`, `debug`).
 */
function isLogCallee(callee: string): boolean {
  const segments = callee.split(/\s*\.\s*/);
  const last = segments[segments.length - 1] as string;
  if (segments.length === 1) return LOG_FUNCTION.test(last);
  return segments.slice(0, -1).some((segment) => LOGGER.test(segment)) || LOG_METHOD.test(last);
}
const LOGGER = /^(?:console|logger|log|debug)$/;
const LOG_METHOD = /^(?:error|warn|warning|info|debug|log|fatal|trace|verbose|captureException|captureError|captureMessage|notify)$/;
const LOG_FUNCTION = /^(?:log|report|debug|warn|captureException|captureError|captureMessage)(?:[A-Z_][\w$]*)?$/;
/** A call in listener text: its callee (a name or a member chain), not a declaration's or `new`'s. */
const CALL = /(?<![\w$.]|new\s+|function\s*)((?:[\w$]+\s*\.\s*)*[\w$]+)\s*\(/g;
/** Words followed by `(` that call nothing. */
const NOT_CALLS = new Set(['if', 'for', 'while', 'switch', 'catch', 'function', 'async', 'return', 'typeof', 'await', 'void']);

/**
 * True when an `'error'` listener (its text, `listener`) hands the error on: a function passed by
 * name (`reject`, `this.onError`, not `console.error`), or an inline function that makes a call
 * other than a log line's or an error report's (`onFailure(error, i)`, `this.emit('error',
 * error)`, a restart, `process.exit(1)`; see `isLogCallee`). A
 * listener that only logs is no reporter for a long-lived worker: the thread is gone and the jobs
 * sent to it never settle, where the fix is a `.catch` that posts the failure back. (A call the
 * text does not show as one, `this.logger?.error(e)`, counts as none: the report stays.)
 */
function handsErrorOn(listener: string): boolean {
  const reference = listener.trim();
  if (/^[\w$]+(?:\s*\.\s*[\w$]+)*$/.test(reference)) return !isLogCallee(reference);
  // Strings first, then the log calls with their arguments (`console.error('failed', String(e))`).
  let code = reference.replace(/(['"`])(?:\\.|(?!\1)[^\\\n])*\1/g, "''");
  for (let match = findLogCall(code); match !== -1; match = findLogCall(code)) {
    const open = code.indexOf('(', match);
    code = code.slice(0, match) + code.slice(open + 1 + argumentsLength(code, open + 1) + 1);
  }
  return [...code.matchAll(CALL)].some((call) => !NOT_CALLS.has((call[1] as string).replace(/\s+/g, '')));
}

/** Where the first log call of `code` starts (see `isLogCallee`), or -1. */
function findLogCall(code: string): number {
  for (const call of code.matchAll(CALL)) if (isLogCallee(call[1] as string)) return call.index;
  return -1;
}

/** The length of the argument list starting at `from` (after its `(`), up to its `)`. */
function argumentsLength(code: string, from: number): number {
  let depth = 0;
  for (let at = from; at < code.length; at += 1) {
    const char = code[at];
    if (char === '(' || char === '[' || char === '{') depth += 1;
    else if (char === ')' || char === ']' || char === '}') {
      if (depth === 0) return at - from;
      depth -= 1;
    }
  }
  return code.length - from;
}

function escape(name: string): string {
  return name.replace(/\$/g, '\\$');
}
