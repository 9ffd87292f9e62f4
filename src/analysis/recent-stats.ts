import { statSync, type Stats } from 'node:fs';

/**
 * The file-system stats the cross-module readings ask for (does `./db.ts` exist, has `utils.ts`
 * changed since it was read, has a folder gained a file), read at most once per `RECHECK_MS` per
 * path and process.
 *
 * Why: every linted file that imports `./utils` asked for the same stats again, and a `stat` costs
 * tens of microseconds where system calls are slow (a virtual machine, a container file system):
 * one `stat` per import per linted file was the largest part of deciding, for a file without any
 * promise word, whether an imported helper can return a promise. A lint run reads the same modules
 * hundreds of times within a second.
 *
 * Freshness rule: a change to another file (an edit, a file added or removed) is seen by every lint
 * that starts `RECHECK_MS` or more after the change. A lint that starts sooner may still use what
 * the file was before (the linted file itself is always read as it is: only other modules are
 * cached). An editor re-lints a file on its next change anyway, and an import of the changed
 * module makes no other file stale for longer than `RECHECK_MS`. A settled exception to "no
 * module-level state" (see CONTRIBUTING); each `--concurrency` worker has its own map.
 */
export const RECHECK_MS = 1000;

/** What a `stat` of a path said (null: nothing there, or it could not be read) and when it was asked. */
interface Checked {
  readonly stats: Stats | null;
  readonly at: number;
}

const checked = new Map<string, Checked>();

/** Entries beyond this are dropped all at once (a long editor session over a very large tree). */
const MAX_ENTRIES = 50_000;

/**
 * `statSync(file)`, or null when nothing is there or it cannot be read, as the file system said at
 * most `RECHECK_MS` ago (see the freshness rule above).
 */
export function recentStats(file: string): Stats | null {
  const now = Date.now();
  const known = checked.get(file);
  if (known && now - known.at < RECHECK_MS) {
    if (known.at < oldestRead) oldestRead = known.at;
    return known.stats;
  }
  let stats: Stats | null;
  try {
    stats = statSync(file, { throwIfNoEntry: false }) ?? null;
  } catch {
    stats = null;
  }
  if (checked.size >= MAX_ENTRIES) checked.clear();
  checked.set(file, { stats, at: now });
  return stats;
}

/** While `withOldestRead` runs: the earliest time a `stat` it was answered with was asked. */
let oldestRead = Number.POSITIVE_INFINITY;

/**
 * Runs `compute` and says when the oldest `stat` it was answered with was asked (now when it asked
 * none): an answer derived from those `stat`s may be kept until `RECHECK_MS` after that time
 * without breaking the freshness rule (`RelativeModules.resolve` keeps resolutions that way).
 */
export function withOldestRead<T>(compute: () => T): { readonly value: T; readonly oldest: number } {
  const outer = oldestRead;
  oldestRead = Date.now();
  try {
    const value = compute();
    return { value, oldest: oldestRead };
  } finally {
    oldestRead = Math.min(outer, oldestRead);
  }
}
