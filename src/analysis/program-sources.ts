import { type Dirent, readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { NON_PROGRAM_FOLDERS, TEST_FILE_NAME } from '../catalog/run-contexts';
import { type PackageInfo, packageAt, programRootOf } from './where-it-runs';

// One walk over a program's own source files, shared by the analyses that look for evidence
// elsewhere in the program (a rejection reporter, a worker's parent): which files count and the
// bounds of one scan live here once.

/** The most source files one program scan reads. */
const MAX_FILES = 5_000;
/** The most bytes one program scan reads. */
const MAX_BYTES = 40_000_000;
/** The most folders one program scan lists. */
const MAX_FOLDERS = 5_000;
/** A larger file is skipped (generated or bundled code). */
export const MAX_FILE_BYTES = 1_000_000;

/** A JavaScript or TypeScript source file. */
export const SOURCE_FILE = /\.[cm]?[jt]sx?$/;
/** A declaration or minified file: not the program's own code. */
export const SKIPPED_FILE = /\.d\.[cm]?ts$|\.min\.[cm]?js$/;

/**
 * The program whose own source `filename` is (`programRootOf`), or null for a relative path, a
 * test file, and a file below one of the root's `NON_PROGRAM_FOLDERS`: the files the program scans
 * of this module skip, so evidence found there speaks for none of them.
 */
export function ownProgramOf(filename: string): PackageInfo | null {
  if (!path.isAbsolute(filename) || TEST_FILE_NAME.test(path.basename(filename))) return null;
  const root = programRootOf(filename);
  if (root === null) return null;
  const relative = path.relative(root.dir, path.dirname(filename));
  return relative.split(path.sep).some((folder) => NON_PROGRAM_FOLDERS.has(folder)) ? null : root;
}

/**
 * Hands `visit` the text of each source file of the program `root` that `wants` (see
 * `programReportsRejections` for which files and folders count), until `visit` answers true.
 * False when the program is too large to read within `MAX_FILES`, `MAX_BYTES` and `MAX_FOLDERS`
 * (what was visited does not count then).
 */
export function visitProgramSources(root: PackageInfo, wants: (file: string) => boolean, visit: (file: string, text: string) => boolean): boolean {
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
        // A package of its own inside this one (a workspace member, a sibling app) is another
        // program, unless it is a plugin of this one (see `programRootOf`).
        if (packageAt(child) && programRootOf(path.join(child, 'package.json'))?.dir !== root.dir) continue;
        folders.push(child);
        continue;
      }
      if (!entry.isFile() || !SOURCE_FILE.test(name) || SKIPPED_FILE.test(name) || TEST_FILE_NAME.test(name)) continue;
      if ((files += 1) > MAX_FILES) return false;
      const file = path.join(dir, name);
      if (!wants(file)) continue;
      let text: string;
      try {
        if (statSync(file).size > MAX_FILE_BYTES) continue;
        text = readFileSync(file, 'utf8');
      } catch {
        continue;
      }
      if ((bytes += text.length) > MAX_BYTES) return false;
      if (visit(file, text)) return true;
    }
  }
  return true;
}
