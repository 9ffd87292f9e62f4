import path from 'node:path';
import { NON_PROGRAM_FOLDERS, TEST_FILE_NAME } from '../catalog/run-contexts';
import { visitProgramSources } from './rejection-reporters';
import { readTextImports } from './source-imports';
import { programRootOf } from './where-it-runs';

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
 * (`w.on('error', ...)`, also `once`/`addListener`/`addEventListener`), and names the worker's
 * file in a string (`path.resolve(__dirname, 'worker.mjs')`, `new URL('./worker.js',
 * import.meta.url)`; a string with a script extension, compared by base name). Once per program root per process;
 * false for a file outside the program's own folders and when the program is too large to read.
 */
export function parentHandlesWorkerErrors(filename: string): boolean {
  if (!path.isAbsolute(filename) || TEST_FILE_NAME.test(path.basename(filename))) return false;
  const root = programRootOf(filename);
  if (root === null) return false;
  const relative = path.relative(root.dir, path.dirname(filename));
  if (relative.split(path.sep).some((folder) => NON_PROGRAM_FOLDERS.has(folder))) return false;
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
 * The base names (see `scriptStem`) of the strings of `text` that name a script (`'worker.mjs'`,
 * `'./jobs/resize.js'`) when the file starts a `Worker` of
 * `worker_threads` whose `'error'` event it listens for (see `parentHandlesWorkerErrors`); else none.
 */
function watchedWorkerFiles(text: string): readonly string[] {
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
  const watched = [...text.matchAll(started)].some((match) => {
    const name = escape(match[1] as string);
    return new RegExp(`(?<![\\w$])${name}\\s*\\.\\s*(?:on|once|addListener|prependListener|addEventListener)\\s*\\(\\s*['"\`]error['"\`]`).test(text);
  });
  if (!watched) return [];
  return [...text.matchAll(STRING)].flatMap((match) => (SCRIPT_EXTENSION.test(match[2] as string) ? [scriptStem(match[2] as string)] : []));
}

function escape(name: string): string {
  return name.replace(/\$/g, '\\$');
}
