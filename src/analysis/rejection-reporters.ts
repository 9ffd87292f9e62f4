import { type Dirent, readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { NON_PROGRAM_FOLDERS, REJECTION_REPORTER, REJECTION_REPORTER_HINT, TEST_FILE_NAME } from '../catalog/run-contexts';

/**
 * Does the program a file belongs to install its own reporter of unhandled rejections
 * (`process.on('unhandledRejection', report)`, `window.addEventListener('unhandledrejection',
 * ...)`, `window.onunhandledrejection = ...`, an Electron app's equivalent: see
 * `REJECTION_REPORTER`)? In such a program a promise dropped where nothing could await it (a UI
 * action handler, a store listener, a constructor, a timer callback) is reported by that handler
 * already; the only fix a reviewer could ask for, `.catch(report)`, does what it does.
 *
 * The program: the nearest `package.json` above the file; a package nested in the folder of an
 * outer package that is not a workspace root (no `workspaces` field, no `pnpm-workspace.yaml`,
 * `lerna.json` or `rush.json` beside it) and not below one of its `NON_PROGRAM_FOLDERS` is part of
 * the outer program (an app's internal plugins). Workspace members of a monorepo are programs of
 * their own: a library never counts on the handler of the app that hosts it, only on one it
 * installs itself.
 *
 * Evidence: the text of the program's own source files (`.js`, `.ts` and their variants, not
 * declaration files, minified files or test files), below its folder, skipping
 * `NON_PROGRAM_FOLDERS` (installed, built, test, example, docs and script folders) and, in a
 * workspace root, the folders of its member packages. A match on a line that starts as a comment
 * (`//`, `/*`, `*`), or after `//` on its line, does not count. A file that is itself in a
 * skipped folder (a test, a fixture, an example) gets false: its program is not the one scanned.
 *
 * Cost: once per program root per process (each `--concurrency` worker has its own cache, as
 * `package.json` reads do in `where-it-runs.ts`); at most `MAX_FILES` files and `MAX_BYTES` bytes
 * read, each file first tested with a cheap hint; a program too large to scan within those bounds
 * answers false (the rule keeps reporting).
 */
export function programReportsRejections(filename: string): boolean {
  if (!path.isAbsolute(filename)) return false;
  const folder = path.dirname(filename);
  let root = rootByDir.get(folder);
  if (root === undefined) {
    root = programRoot(filename);
    rootByDir.set(folder, root);
  }
  if (root === null) return false;
  const relative = path.relative(root.dir, path.dirname(filename));
  if (relative.split(path.sep).some((folder) => NON_PROGRAM_FOLDERS.has(folder))) return false;
  let answer = reportsByRoot.get(root.dir);
  if (answer === undefined) {
    answer = scanForReporter(root);
    reportsByRoot.set(root.dir, answer);
  }
  return answer;
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
const WORKSPACE_FILES = ['pnpm-workspace.yaml', 'lerna.json', 'rush.json'];

interface Manifest {
  readonly dir: string;
  /** The package declares workspaces (or a workspace tool's file lies beside it). */
  readonly workspaceRoot: boolean;
}

/** `package.json` files looked up so far, by folder (null: none there). Per process, as in `where-it-runs.ts`. */
const manifestByDir = new Map<string, Manifest | null>();
/** `programRoot`'s answer per folder of a linted file. */
const rootByDir = new Map<string, Manifest | null>();
/** `scanForReporter`'s answer per program root. */
const reportsByRoot = new Map<string, boolean>();

function manifestAt(dir: string): Manifest | null {
  const known = manifestByDir.get(dir);
  if (known !== undefined) return known;
  let manifest: Manifest | null = null;
  try {
    const json: unknown = JSON.parse(readFileSync(path.join(dir, 'package.json'), 'utf8'));
    const record = json && typeof json === 'object' ? (json as Record<string, unknown>) : {};
    const workspaceRoot = record['workspaces'] !== undefined || WORKSPACE_FILES.some((file) => exists(path.join(dir, file)));
    manifest = { dir, workspaceRoot };
  } catch {
    manifest = null;
  }
  manifestByDir.set(dir, manifest);
  return manifest;
}

function exists(file: string): boolean {
  try {
    statSync(file);
    return true;
  } catch {
    return false;
  }
}

/** The nearest `package.json` above `filename`, widened to outer packages as `programReportsRejections` says. */
function programRoot(filename: string): Manifest | null {
  let root: Manifest | null = null;
  for (let dir = path.dirname(filename); ; dir = path.dirname(dir)) {
    if (path.basename(dir) === 'node_modules') return root;
    const manifest = manifestAt(dir);
    if (manifest) {
      if (root === null) {
        root = manifest;
      } else {
        // An outer package: the inner one is part of it unless the outer is a workspace root or
        // the inner lies in a folder that is not the outer's program.
        const between = path.relative(manifest.dir, root.dir).split(path.sep);
        if (manifest.workspaceRoot || between.some((folder) => NON_PROGRAM_FOLDERS.has(folder))) return root;
        root = manifest;
      }
    }
    if (path.dirname(dir) === dir) return root;
  }
}

/** True when a source file of the program `root` installs a rejection reporter (see `programReportsRejections`). */
function scanForReporter(root: Manifest): boolean {
  const folders = [root.dir];
  let files = 0;
  let bytes = 0;
  let listed = 0;
  while (folders.length > 0) {
    const dir = folders.pop() as string;
    if ((listed += 1) > MAX_FOLDERS) return false;
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
        if (root.workspaceRoot && exists(path.join(child, 'package.json'))) continue;
        folders.push(child);
        continue;
      }
      if (!entry.isFile() || !SOURCE_FILE.test(name) || SKIPPED_FILE.test(name) || TEST_FILE_NAME.test(name)) continue;
      if ((files += 1) > MAX_FILES) return false;
      let text: string;
      try {
        const file = path.join(dir, name);
        if (statSync(file).size > MAX_FILE_BYTES) continue;
        text = readFileSync(file, 'utf8');
      } catch {
        continue;
      }
      if ((bytes += text.length) > MAX_BYTES) return false;
      if (REJECTION_REPORTER_HINT.test(text) && installsReporter(text)) return true;
    }
  }
  return false;
}

/** A `REJECTION_REPORTER` statement in `text` that is not commented out (see `programReportsRejections`). */
export function installsReporter(text: string): boolean {
  const pattern = new RegExp(REJECTION_REPORTER.source, 'g');
  for (const match of text.matchAll(pattern)) {
    const lineStart = text.lastIndexOf('\n', match.index) + 1;
    const before = text.slice(lineStart, match.index);
    if (/^\s*(?:\/\/|\/\*|\*)/.test(before) || before.includes('//')) continue;
    return true;
  }
  return false;
}
