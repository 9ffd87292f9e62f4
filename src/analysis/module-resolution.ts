import { readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { perFile } from './per-file';

/**
 * Which file a relative module specifier (`./db`, `../lib/index.js`) names, as Node and
 * TypeScript resolve it: the exact file, TypeScript's source for a `.js`-family specifier
 * (`./db.js` names `./db.ts`), the specifier with each source extension, then the folder's `index`
 * file. Several rules ask it for every relative import of every linted file; the candidates a
 * directory does not hold are ruled out by its listing (`listingOf`), kept for the process, so a
 * specifier costs one `stat` of its directory and one of the file found instead of one per
 * candidate tried.
 */

const SOURCE_EXTENSIONS = ['.ts', '.tsx', '.mts', '.cts', '.js', '.jsx', '.mjs', '.cjs'];

/** `./db.js` in TypeScript's node16 resolution names `./db.ts`. */
const TS_FOR_JS: Readonly<Record<string, readonly string[]>> = {
  '.js': ['.ts', '.tsx'],
  '.jsx': ['.tsx'],
  '.mjs': ['.mts'],
  '.cjs': ['.cts'],
};

/** The size and modification time of a file, compared to know whether it changed. */
export interface FileStats {
  readonly size: number;
  readonly mtimeMs: number;
}

/** A file a relative specifier names, with its stats when it was found. */
export interface ResolvedModule {
  readonly file: string;
  readonly stats: FileStats;
}

/** The stats of `candidate` when it is a file (not a folder), else null. */
function fileStats(candidate: string): FileStats | null {
  try {
    const stats = statSync(candidate, { throwIfNoEntry: false });
    return stats?.isFile() ? stats : null;
  } catch {
    return null;
  }
}

/**
 * How long (ms) a directory must have been unchanged when it was listed for the listing to be
 * kept. A directory's modification time moves when an entry is added, removed or renamed, but only
 * in steps of the file system's clock (1 s on HFS+, 2 s on FAT, a few ms of the kernel's coarse
 * clock elsewhere): a listing read within one step of a change could miss a second change of the
 * same step, which would leave the modification time as it was.
 */
const SETTLED_MS = 2000;

/** A directory's entry names, as read when its modification time was `mtimeMs`. */
interface Listing {
  readonly mtimeMs: number;
  readonly names: ReadonlySet<string>;
  /** The names folded (`foldName`), for file systems that ignore case or Unicode normalization. */
  readonly folded: ReadonlySet<string>;
}

/** A name as a case- and normalization-insensitive file system compares it. */
function foldName(name: string): string {
  // eslint-disable-next-line no-control-regex -- ASCII names (nearly all) need no normalization
  return (/[^\u0000-\u007f]/.test(name) ? name.normalize('NFC') : name).toLowerCase();
}

/**
 * Directory listings read so far, by absolute path, for the whole process. A settled exception to
 * "no module-level state" (see CONTRIBUTING): an entry is used only while the directory's
 * modification time is the one it was read at (a file added, removed or renamed there since is
 * seen at the next lint), and only when the directory had been unchanged for `SETTLED_MS` when it
 * was read. Each `--concurrency` worker has its own map.
 */
const listings = new Map<string, Listing>();

/** The listing of a path that is no directory: nothing can be found below it. */
const NO_ENTRIES: Listing = { mtimeMs: Number.NaN, names: new Set(), folded: new Set() };

/**
 * The entry names of `dir` (a `stat` of it each call, a `readdir` when it changed; none when it is
 * no directory), or null when they cannot be known for sure: the `stat` or the listing failed, or
 * the directory changed too recently to keep (`SETTLED_MS`). Null means "try every candidate",
 * never "no file".
 */
function listingOf(dir: string): Listing | null {
  let mtimeMs: number;
  try {
    const stats = statSync(dir, { throwIfNoEntry: false });
    if (!stats?.isDirectory()) return NO_ENTRIES;
    mtimeMs = stats.mtimeMs;
  } catch {
    return null;
  }
  const known = listings.get(dir);
  if (known?.mtimeMs === mtimeMs) return known;
  // Listed after the `stat`: an entry changed in between is in the names and moves the time.
  if (Date.now() - mtimeMs < SETTLED_MS) {
    listings.delete(dir);
    return null;
  }
  let names: string[];
  try {
    names = readdirSync(dir);
  } catch {
    return null;
  }
  const listing: Listing = { mtimeMs, names: new Set(names), folded: new Set(names.map(foldName)) };
  listings.set(dir, listing);
  return listing;
}

/**
 * The stats of `candidate` when it is a file. The directory's listing (or null: not known) only
 * rules out a name it does not hold, in any case or normalization; a name it holds is checked with
 * a `stat`, as without a listing (a link, a folder named like a file).
 */
function foundIn(listing: Listing | null, candidate: string): FileStats | null {
  if (listing && !holds(listing, path.basename(candidate))) return null;
  return fileStats(candidate);
}

/** May the directory listed hold an entry `name` (exactly, or as a case- or normalization-insensitive file system finds it)? */
function holds(listing: Listing, name: string): boolean {
  return listing.names.has(name) || (listing.folded.size > 0 && listing.folded.has(foldName(name)));
}

/**
 * The file a relative specifier names from the file `importer` (absolute), with its stats; null
 * for a package specifier, a relative importer, or no such file. Tried in order: the exact file
 * when the specifier has a source extension, then TypeScript's sources for a `.js`-family one
 * (`TS_FOR_JS`); otherwise the specifier with each of `SOURCE_EXTENSIONS`, then `index` with each
 * inside the folder it names.
 */
export function resolveRelativeModule(importer: string, specifier: string): ResolvedModule | null {
  return resolveWith(importer, specifier, listingOf);
}

/** `resolveRelativeModule`, reading each directory's entry names with `listing` (`listingOf`'s contract). */
function resolveWith(importer: string, specifier: string, listingOf: (dir: string) => Listing | null): ResolvedModule | null {
  if (!specifier.startsWith('./') && !specifier.startsWith('../')) return null;
  if (!path.isAbsolute(importer)) return null;
  const base = path.resolve(path.dirname(importer), specifier);
  const extension = path.extname(base);
  const tryFile = (listing: Listing | null, file: string): ResolvedModule | null => {
    const stats = foundIn(listing, file);
    return stats ? { file, stats } : null;
  };
  if (SOURCE_EXTENSIONS.includes(extension)) {
    // The exact file first, without the listing: one `stat`, as many as the listing would cost.
    const exact = tryFile(null, base);
    if (exact) return exact;
    const alternatives = TS_FOR_JS[extension];
    if (!alternatives) return null;
    const listing = listingOf(path.dirname(base));
    for (const ts of alternatives) {
      const candidate = tryFile(listing, base.slice(0, -extension.length) + ts);
      if (candidate) return candidate;
    }
    return null;
  }
  const parent = listingOf(path.dirname(base));
  for (const ext of SOURCE_EXTENSIONS) {
    const candidate = tryFile(parent, base + ext);
    if (candidate) return candidate;
  }
  // `index` files live in the folder the specifier names (none when the parent has no such name).
  if (parent && !holds(parent, path.basename(base))) return null;
  const folder = listingOf(base);
  for (const ext of SOURCE_EXTENSIONS) {
    const candidate = tryFile(folder, path.join(base, `index${ext}`));
    if (candidate) return candidate;
  }
  return null;
}

/**
 * The relative modules one linted file imports, resolved as `resolveRelativeModule` resolves them
 * from it: each specifier once for the file, however many analyses ask about it (the promise
 * inference, the effect summaries), and each directory's listing checked against its modification
 * time (one `stat`) once for the file, not once per specifier that looks in it (`./es5`,
 * `./base-config`, `./es2015` of one folder). A file added, removed or renamed while one file is
 * linted is seen from the next linted file on.
 */
export class RelativeModules {
  private readonly resolved = new Map<string, ResolvedModule | null>();
  private readonly listings = new Map<string, Listing | null>();
  private readonly listing = (dir: string): Listing | null => {
    let known = this.listings.get(dir);
    if (known === undefined) {
      known = listingOf(dir);
      this.listings.set(dir, known);
    }
    return known;
  };

  constructor(private readonly importer: string) {}

  /** The file `specifier` names from the linted file, with its stats (see `resolveRelativeModule`). */
  resolve(specifier: string): ResolvedModule | null {
    let found = this.resolved.get(specifier);
    if (found === undefined) {
      found = resolveWith(this.importer, specifier, this.listing);
      this.resolved.set(specifier, found);
    }
    return found;
  }
}

/** The linted file's `RelativeModules` (see there), shared by every rule of the plugin. */
export const getRelativeModules = perFile((context) => new RelativeModules(context.filename));
