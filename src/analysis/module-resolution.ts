import { readdirSync, readFileSync, statSync } from 'node:fs';
import { isBuiltin } from 'node:module';
import path from 'node:path';
import { perFile } from './per-file';
import { readManifest } from './manifests';
import { RECHECK_MS, recentStats, withOldestRead } from './recent-stats';

/**
 * Which file a relative module specifier (`./db`, `../lib/index.js`) names, as Node and
 * TypeScript resolve it: the exact file, TypeScript's source for a `.js`-family specifier
 * (`./db.js` names `./db.ts`), the specifier with each source extension, then the folder's `index`
 * file. Several rules ask it for every relative import of every linted file; the candidates a
 * directory does not hold are ruled out by its listing (`listingOf`), kept for the process, so a
 * specifier costs one `stat` of its directory and one of the file found instead of one per
 * candidate tried, and those `stat`s are the ones `recentStats` keeps for a moment (its freshness
 * rule: a file added, removed or changed is seen by lints that start `RECHECK_MS` after).
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
  const stats = recentStats(candidate);
  return stats?.isFile() ? stats : null;
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
  // Nearly every name is ASCII without capitals: it is its own folded form (no regular expression,
  // no new string; resolution folds each candidate a listing does not hold exactly).
  let capitals = false;
  for (let index = 0; index < name.length; index += 1) {
    const code = name.charCodeAt(index);
    if (code >= 128) return name.normalize('NFC').toLowerCase();
    if (code >= 65 && code <= 90) capitals = true;
  }
  return capitals ? name.toLowerCase() : name;
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
 * The entry names of `dir` (its stats as `recentStats` has them, a `readdir` when it changed; none
 * when it is no directory or cannot be read), or null when they cannot be known: the listing failed.
 * Null means "try every candidate", never "no file". A directory that changed too recently to keep
 * (`SETTLED_MS`) is listed afresh for this question and not kept: the names read now are as current
 * as a `stat` of each candidate would be, and the caller may hold them only as long as it would hold
 * those `stat`s (`RelativeModules`: one linted file).
 */
function listingOf(dir: string): Listing | null {
  const stats = recentStats(dir);
  if (!stats?.isDirectory()) return NO_ENTRIES;
  const mtimeMs = stats.mtimeMs;
  const known = listings.get(dir);
  if (known?.mtimeMs === mtimeMs) return known;
  // Listed after the `stat`: an entry changed in between is in the names and moves the time.
  const settled = Date.now() - mtimeMs >= SETTLED_MS;
  if (!settled) listings.delete(dir);
  let names: string[];
  try {
    names = readdirSync(dir);
  } catch {
    return null;
  }
  const listing: Listing = { mtimeMs, names: new Set(names), folded: new Set(names.map(foldName)) };
  if (settled) listings.set(dir, listing);
  return listing;
}

/**
 * The listing of `dir` kept by `listingOf` while it is current (the directory's modification time,
 * as `recentStats` has it, is the one it was read at), else null: nothing is read but that `stat`.
 */
function keptListingOf(dir: string): Listing | null {
  const known = listings.get(dir);
  if (!known) return null;
  return recentStats(dir)?.mtimeMs === known.mtimeMs ? known : null;
}

/** Is there an entry (a file, a folder, a link) at `file`? False also when it cannot be read. */
function entryExists(file: string): boolean {
  try {
    return statSync(file, { throwIfNoEntry: false }) !== undefined;
  } catch {
    return false;
  }
}

/**
 * The stats of `candidate` (named `name` in its directory) when it is a file. The directory's
 * listing (or null: not known) only rules out a name it does not hold, in any case or normalization; a name it holds is checked with
 * a `stat`, as without a listing (a link, a folder named like a file).
 */
function foundIn(listing: Listing | null, candidate: string, name: string): FileStats | null {
  if (listing && !holds(listing, name)) return null;
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
  const tryFile = (listing: Listing | null, file: string, name: string): ResolvedModule | null => {
    const stats = foundIn(listing, file, name);
    return stats ? { file, stats } : null;
  };
  const baseName = path.basename(base);
  if (SOURCE_EXTENSIONS.includes(extension)) {
    // The exact file first, without the listing: one `stat`, as many as the listing would cost.
    const exact = tryFile(null, base, baseName);
    if (exact) return exact;
    const alternatives = TS_FOR_JS[extension];
    if (!alternatives) return null;
    const listing = listingOf(path.dirname(base));
    const stem = baseName.slice(0, -extension.length);
    for (const ts of alternatives) {
      const candidate = tryFile(listing, base.slice(0, -extension.length) + ts, stem + ts);
      if (candidate) return candidate;
    }
    return null;
  }
  const parent = listingOf(path.dirname(base));
  for (const ext of SOURCE_EXTENSIONS) {
    const candidate = tryFile(parent, base + ext, baseName + ext);
    if (candidate) return candidate;
  }
  // `index` files live in the folder the specifier names (none when the parent has no such name).
  if (parent && !holds(parent, baseName)) return null;
  const folder = listingOf(base);
  for (const ext of SOURCE_EXTENSIONS) {
    const candidate = tryFile(folder, path.join(base, `index${ext}`), `index${ext}`);
    if (candidate) return candidate;
  }
  return null;
}

/** A resolution and the time of the oldest `stat` it rests on (`withOldestRead`). */
interface RecentResolution {
  readonly found: ResolvedModule | null;
  readonly oldest: number;
}

/**
 * Resolutions for the whole process, by the path a relative specifier leads to (by importer
 * directory and specifier for an alias): the files of a project import the same modules (`../db`,
 * `./utils`), and a resolution depends only on that path (on the importer's directory). Kept under `recentStats`' freshness rule: an entry is used only until `RECHECK_MS`
 * after the oldest `stat` it was derived from, so a file added or removed is seen by the lints that
 * start `RECHECK_MS` after the change, as without it. A settled exception to "no module-level
 * state" (see CONTRIBUTING); each `--concurrency` worker has its own map.
 */
const recentResolutions = new Map<string, RecentResolution>();

/** Entries beyond this are dropped all at once (a long editor session over a very large tree). */
const MAX_RESOLUTIONS = 50_000;

/** `resolve()`'s answer for `specifier` from `importer`'s directory, from `recentResolutions` while it may be kept. */
function recentResolution(importer: string, specifier: string, resolve: () => ResolvedModule | null): ResolvedModule | null {
  if (!path.isAbsolute(importer)) return resolve();
  const dir = path.dirname(importer);
  // A relative specifier names the same file from every folder it leads from (`./db` in `lib/`, `../lib/db` in `bin/`).
  const key = specifier.startsWith('./') || specifier.startsWith('../') ? path.resolve(dir, specifier) : `${dir}\0${specifier}`;
  const known = recentResolutions.get(key);
  if (known && Date.now() - known.oldest < RECHECK_MS) return known.found;
  const { value, oldest } = withOldestRead(resolve);
  if (recentResolutions.size >= MAX_RESOLUTIONS) recentResolutions.clear();
  recentResolutions.set(key, { found: value, oldest });
  return value;
}

/**
 * The modules of the project one linted file imports (relative, or through a path alias: see
 * `resolveProjectModule`), resolved from it: each specifier once for the file, however many analyses ask about it (the promise
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

  /**
   * The file of the project `specifier` names from the linted file, with its stats: relative, a
   * path alias or a `#` import (see `resolveProjectModule`); null for a package.
   */
  resolve(specifier: string): ResolvedModule | null {
    let found = this.resolved.get(specifier);
    if (found === undefined) {
      found = namesNoProjectFile(this.importer, specifier) ? null : recentResolution(this.importer, specifier, () => resolveProjectWith(this.importer, specifier, this.listing));
      this.resolved.set(specifier, found);
    }
    return found;
  }

  private readonly workspaceResolved = new Map<string, ResolvedModule | null>();

  /**
   * The source file a bare specifier names when the package is one of the linted file's own
   * workspace (see `resolveWorkspaceModule`), once per specifier for the file. Only the analyses
   * that read what a called function does ask it (`FileEffects`); a package's exports are never
   * inferred to return promises this way.
   */
  resolveWorkspace(specifier: string): ResolvedModule | null {
    let found = this.workspaceResolved.get(specifier);
    if (found === undefined) {
      found = resolveWorkspaceModule(this.importer, specifier);
      this.workspaceResolved.set(specifier, found);
    }
    return found;
  }
}

/** The linted file's `RelativeModules` (see there), shared by every rule of the plugin. */
export const getRelativeModules = perFile((context) => new RelativeModules(context.filename));

/**
 * A workspace (monorepo) root's packages by name: the folders its `package.json` `workspaces`
 * (an array, or `{ packages }`) or its `pnpm-workspace.yaml` `packages:` list name, as plain
 * folders or as `folder/*` (`folder/**` is read as `folder/*`); negated entries are skipped.
 */
interface Workspace {
  readonly packages: ReadonlyMap<string, string>;
}

/**
 * Per directory: the workspace it is the root of (null: none). Read once per directory per process,
 * like `package.json` files elsewhere (see `where-it-runs.ts`); a workspace whose packages change
 * during one long editor session is seen at the next start.
 */
const workspaceRoots = new Map<string, Workspace | null>();

/** The folder patterns a workspace root declares, or null when `dir` is no workspace root. */
function workspacePatterns(dir: string): string[] | null {
  const declared = readManifest(dir)?.['workspaces'];
  const list = Array.isArray(declared) ? declared : declared && typeof declared === 'object' ? (declared as Record<string, unknown>)['packages'] : undefined;
  if (Array.isArray(list)) return list.filter((entry): entry is string => typeof entry === 'string');
  // no manifest or no `workspaces` list: try pnpm's file
  let yaml: string;
  try {
    yaml = readFileSync(path.join(dir, 'pnpm-workspace.yaml'), 'utf8');
  } catch {
    return null;
  }
  const patterns: string[] = [];
  let inPackages = false;
  for (const line of yaml.split(/\r?\n/)) {
    if (/^packages\s*:/.test(line)) inPackages = true;
    else if (/^\S/.test(line)) inPackages = false;
    else if (inPackages) {
      const entry = /^\s*-\s*['"]?([^'"#]+?)['"]?\s*(?:#.*)?$/.exec(line)?.[1];
      if (entry) patterns.push(entry);
    }
  }
  return patterns;
}

/** The workspace whose root is `dir` (see `Workspace`), or null. */
function workspaceAt(dir: string): Workspace | null {
  const known = workspaceRoots.get(dir);
  if (known !== undefined) return known;
  const patterns = workspacePatterns(dir);
  let workspace: Workspace | null = null;
  if (patterns !== null) {
    const packages = new Map<string, string>();
    for (const pattern of patterns) {
      if (pattern.startsWith('!')) continue;
      const wild = /^(.*?)\/\*\*?$/.exec(pattern.replace(/^\.\//, ''));
      const folders: string[] = [];
      if (wild?.[1] !== undefined) {
        const parent = path.join(dir, wild[1]);
        try {
          for (const entry of readdirSync(parent, { withFileTypes: true })) if (entry.isDirectory()) folders.push(path.join(parent, entry.name));
        } catch {
          continue;
        }
      } else if (!pattern.includes('*')) folders.push(path.join(dir, pattern));
      for (const folder of folders) {
        // A folder without a readable manifest is no package.
        const name = readManifest(folder)?.['name'];
        if (typeof name === 'string' && !packages.has(name)) packages.set(name, folder);
      }
    }
    workspace = { packages };
  }
  workspaceRoots.set(dir, workspace);
  return workspace;
}

/**
 * The folder of the package named `name` in the workspace whose root is the nearest above `dir`
 * (see `Workspace`), or null when no workspace root is above it or the package is not one of its.
 */
export function workspacePackageDir(dir: string, name: string): string | null {
  for (let current = dir; ; current = path.dirname(current)) {
    if (path.basename(current) === 'node_modules') return null;
    const workspace = workspaceAt(current);
    if (workspace) return workspace.packages.get(name) ?? null;
    if (path.dirname(current) === current) return null;
  }
}

/** The leaves of an `exports` condition object (or the string itself), source conditions first. */
function exportTargets(value: unknown): string[] {
  if (typeof value === 'string') return [value];
  if (Array.isArray(value)) return value.flatMap(exportTargets);
  if (!value || typeof value !== 'object') return [];
  const targets = Object.values(value as Record<string, unknown>).flatMap(exportTargets);
  // A condition pointing at TypeScript source (tshy's source dialect, a `source` condition) first.
  return [...targets.filter((target) => /\.[cm]?tsx?$/.test(target) && !/\.d\.[cm]?ts$/.test(target)), ...targets];
}

/** Format folders a build writes below its output folder: `dist/esm/x.js`, `dist/commonjs/x.js`. */
const FORMAT_FOLDERS: ReadonlySet<string> = new Set(['esm', 'cjs', 'commonjs', 'es', 'mjs', 'module', 'browser', 'node']);

/**
 * The source file a package target names (`./src/v3/index.ts`, or `./dist/esm/v3/index.js` read
 * as `src/v3/index` in the source extensions): the built output of a workspace package is
 * usually absent from a checkout, its source is there.
 */
function sourceOfTarget(packageDir: string, target: string): ResolvedModule | null {
  if (/\.d\.[cm]?ts$/.test(target) || target.includes('*')) return null;
  const relative = target.replace(/^\.\//, '');
  const importer = path.join(packageDir, 'package.json');
  const direct = resolveRelativeModule(importer, `./${relative}`);
  if (direct && /\.[cm]?tsx?$/.test(direct.file)) return direct;
  const parts = relative.split('/');
  if (parts.length > 1 && BUILD_OUTPUT_FOLDERS.has(parts[0] ?? '')) {
    parts.shift();
    if (parts.length > 1 && FORMAT_FOLDERS.has(parts[0] ?? '')) parts.shift();
    const stem = parts.join('/').replace(/\.[cm]?js$/, '');
    return resolveRelativeModule(importer, `./src/${stem}`) ?? direct;
  }
  return direct;
}

/** Folders a package's build writes to (`dist/index.js` is built from `src/index.ts`). */
const BUILD_OUTPUT_FOLDERS: ReadonlySet<string> = new Set(['dist', 'lib', 'build', 'out']);

/** The package a bare specifier names: `@scope/name` of `@scope/name/sub`, `lowdb` of `lowdb/node`, without `node:`. */
export function packageNameOf(specifier: string): string {
  const bare = specifier.startsWith('node:') ? specifier.slice('node:'.length) : specifier;
  const parts = bare.split('/');
  return bare.startsWith('@') ? parts.slice(0, 2).join('/') : (parts[0] ?? bare);
}

/**
 * The source file a bare specifier (`@acme/core`, `@acme/core/v3`) names when the package is one
 * of the linted file's own workspace (found from the nearest workspace root above the file, see
 * `Workspace`): the target its `exports` give the subpath (a TypeScript-source condition first;
 * a built `dist/...` target mapped back to `src/...`), else its `main`/`module`, else
 * `src/<subpath>`. Null when no workspace root is above the file, the package is not one of its
 * packages, or no source file is found. Like a relative import, it lets the analyses read what a
 * function of the same repository does. A path alias of the project (`@/db`, see
 * `resolveAliasedModule`) names the repository's own code too, and is tried first.
 */
export function resolveWorkspaceModule(importer: string, specifier: string): ResolvedModule | null {
  if (specifier.startsWith('.') || specifier.startsWith('node:') || !path.isAbsolute(importer)) return null;
  const aliased = resolveAliasedModule(importer, specifier);
  if (aliased) return aliased;
  const segments = specifier.split('/');
  const nameLength = specifier.startsWith('@') ? 2 : 1;
  if (segments.length < nameLength) return null;
  const name = segments.slice(0, nameLength).join('/');
  const subpath = segments.slice(nameLength).join('/');
  const packageDir = workspacePackageDir(path.dirname(importer), name);
  if (packageDir === null) return null;
  const manifest = readManifest(packageDir);
  if (!manifest) return null;
  const key = subpath === '' ? '.' : `./${subpath}`;
  const exportsField = manifest['exports'];
  const targets: string[] = [];
  if (typeof exportsField === 'string' || Array.isArray(exportsField)) {
    if (key === '.') targets.push(...exportTargets(exportsField));
  } else if (exportsField && typeof exportsField === 'object') {
    const record = exportsField as Record<string, unknown>;
    const keyed = Object.keys(record).some((entry) => entry.startsWith('.'));
    if (keyed) targets.push(...exportTargets(record[key]));
    else if (key === '.') targets.push(...exportTargets(record));
  }
  // tshy keeps the source of each export beside the built ones.
  const tshy = manifest['tshy'];
  const tshyExports = tshy && typeof tshy === 'object' ? (tshy as Record<string, unknown>)['exports'] : undefined;
  if (tshyExports && typeof tshyExports === 'object') targets.unshift(...exportTargets((tshyExports as Record<string, unknown>)[key]));
  if (key === '.') for (const field of ['source', 'module', 'main']) if (typeof manifest[field] === 'string') targets.push(manifest[field]);
  if (exportsField === undefined && subpath !== '') targets.push(`./src/${subpath}`, `./${subpath}`);
  for (const target of targets) {
    const found = sourceOfTarget(packageDir, target);
    if (found) return found;
  }
  return null;
}

/** A project's path aliases: `compilerOptions.paths` of a tsconfig/jsconfig, with the folder they resolve from. */
interface PathAliases {
  readonly base: string;
  readonly entries: ReadonlyArray<{ readonly exact: boolean; readonly prefix: string; readonly suffix: string; readonly targets: readonly string[] }>;
}

/**
 * Per directory: the path aliases of the nearest tsconfig.json/jsconfig.json at or above it that
 * declares some (null: none). A settled exception to "no module-level state", like the manifests:
 * each config is read once per process (a config edited during one long editor session is seen at
 * the next start); each `--concurrency` worker has its own map.
 */
const aliasesByDir = new Map<string, PathAliases | null>();

/** JSON with comments and trailing commas (tsconfig's dialect), parsed; null when it is not an object. */
function parseConfigText(text: string): Record<string, unknown> | null {
  const stripped = text
    .replace(/("(?:[^"\\]|\\.)*")|\/\*[\s\S]*?\*\/|\/\/[^\n]*/g, (match, string: string | undefined) => string ?? '')
    .replace(/,(\s*[}\]])/g, '$1');
  try {
    const value: unknown = JSON.parse(stripped);
    return value !== null && typeof value === 'object' && !Array.isArray(value) ? (value as Record<string, unknown>) : null;
  } catch {
    return null;
  }
}

/** A config file's `compilerOptions`, or null when it cannot be read or has none. */
function compilerOptionsOf(file: string): { readonly options: Record<string, unknown>; readonly config: Record<string, unknown> } | null {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch {
    return null;
  }
  const config = parseConfigText(text);
  if (!config) return null;
  const options = config['compilerOptions'];
  return { config, options: options !== null && typeof options === 'object' && !Array.isArray(options) ? (options as Record<string, unknown>) : {} };
}

/**
 * The config files a config `extends` that are files of the project (`./tsconfig.base.json`,
 * `../tsconfig.json`; a package's shared config such as `@tsconfig/node20` is not read), nearest
 * last as TypeScript applies them.
 */
function extendedConfigs(dir: string, config: Record<string, unknown>): string[] {
  const declared = config['extends'];
  const list = typeof declared === 'string' ? [declared] : Array.isArray(declared) ? declared.filter((entry): entry is string => typeof entry === 'string') : [];
  return list.filter((entry) => entry.startsWith('./') || entry.startsWith('../')).map((entry) => path.resolve(dir, entry.endsWith('.json') ? entry : `${entry}.json`));
}

/**
 * The path aliases `dir`'s own tsconfig.json or jsconfig.json declares: null when it has such a
 * config that declares none, undefined when it has no config (the one above governs). `paths` and
 * `baseUrl` may come from a config it extends (one level, project files only: `extendedConfigs`);
 * the config's own win. Targets resolve from `baseUrl` (from the config that sets it), else from
 * the folder of the config that declares `paths`, as TypeScript does.
 */
function aliasesDeclaredIn(dir: string): PathAliases | null | undefined {
  // Each directory above every linted file is asked once per process. A listing already kept for
  // the directory rules out a config it does not hold; without one, a `stat` of each name does (two
  // `stat`s cost less than listing a folder that relative specifiers may never look in).
  const listing = keptListingOf(dir);
  for (const name of CONFIG_NAMES) {
    if (listing ? !holds(listing, name) : !entryExists(path.join(dir, name))) continue;
    const own = compilerOptionsOf(path.join(dir, name));
    if (!own) continue;
    let paths: { value: unknown; dir: string } | null = own.options['paths'] !== undefined ? { value: own.options['paths'], dir } : null;
    let baseUrl: { value: unknown; dir: string } | null = own.options['baseUrl'] !== undefined ? { value: own.options['baseUrl'], dir } : null;
    for (const file of extendedConfigs(dir, own.config).reverse()) {
      if (paths && baseUrl) break;
      const inherited = compilerOptionsOf(file);
      if (!inherited) continue;
      const from = path.dirname(file);
      if (!paths && inherited.options['paths'] !== undefined) paths = { value: inherited.options['paths'], dir: from };
      if (!baseUrl && inherited.options['baseUrl'] !== undefined) baseUrl = { value: inherited.options['baseUrl'], dir: from };
    }
    if (!paths || paths.value === null || typeof paths.value !== 'object') return null;
    const base = baseUrl && typeof baseUrl.value === 'string' ? path.resolve(baseUrl.dir, baseUrl.value) : paths.dir;
    const entries = Object.entries(paths.value as Record<string, unknown>).flatMap(([pattern, targets]) => {
      const star = pattern.indexOf('*');
      if (!Array.isArray(targets) || pattern.indexOf('*', star + 1) !== -1) return [];
      const strings = targets.filter((target): target is string => typeof target === 'string');
      return [{ exact: star === -1, prefix: star === -1 ? pattern : pattern.slice(0, star), suffix: star === -1 ? '' : pattern.slice(star + 1), targets: star === -1 ? strings.map((target) => target.replace('*', '')) : strings }];
    });
    // The most specific pattern first, as TypeScript picks one: an exact name, then the longest prefix.
    entries.sort((a, b) => Number(b.exact) - Number(a.exact) || b.prefix.length - a.prefix.length);
    return entries.length > 0 ? { base, entries } : null;
  }
  // No config in `dir`: the one above governs its files.
  return undefined;
}

/** The project configs that may declare path aliases, in the order TypeScript's tools pick them. */
const CONFIG_NAMES = ['tsconfig.json', 'jsconfig.json'];

/** The path aliases in force for a file of `dir`: its nearest tsconfig/jsconfig's, cached per directory. */
function aliasesFor(dir: string): PathAliases | null {
  const known = aliasesByDir.get(dir);
  if (known !== undefined) return known;
  const parent = path.dirname(dir);
  const own = aliasesDeclaredIn(dir);
  // The nearest config governs, also when it declares no aliases.
  const aliases = own !== undefined ? own : (parent === dir || path.basename(dir) === 'node_modules' ? null : aliasesFor(parent));
  aliasesByDir.set(dir, aliases);
  return aliases;
}

/** The files (absolute, without the extension search) a path alias maps `specifier` to, best first. */
function aliasTargets(aliases: PathAliases, specifier: string): string[] {
  // Only the most specific matching pattern's targets are tried (entries are sorted so), as TypeScript does.
  for (const { exact, prefix, suffix, targets } of aliases.entries) {
    if (exact ? prefix !== specifier : !(specifier.startsWith(prefix) && specifier.endsWith(suffix) && specifier.length >= prefix.length + suffix.length)) continue;
    const rest = exact ? '' : specifier.slice(prefix.length, specifier.length - suffix.length);
    // A target in node_modules is a package (`"*": ["node_modules/*"]`), never the project's own code.
    return targets.map((target) => path.resolve(aliases.base, target.replace('*', rest))).filter((file) => !file.split(path.sep).includes('node_modules'));
  }
  return [];
}

/** Per directory: the folder of the nearest `package.json` at or above it (null: none). */
const packageDirByDir = new Map<string, string | null>();

/** The folder of the nearest `package.json` at or above `dir`, cached per directory. */
function packageDirOf(dir: string): string | null {
  const known = packageDirByDir.get(dir);
  if (known !== undefined) return known;
  const parent = path.dirname(dir);
  const found = readManifest(dir) ? dir : parent === dir || path.basename(dir) === 'node_modules' ? null : packageDirOf(parent);
  packageDirByDir.set(dir, found);
  return found;
}

/**
 * The source file a `#` specifier names through the `imports` field of the nearest package.json
 * (`"#lib/*": "./src/lib/*.js"`, condition objects read as `exportTargets` reads them), or null.
 */
function resolvePackageImport(dir: string, specifier: string): ResolvedModule | null {
  const packageDir = packageDirOf(dir);
  const imports = packageDir === null ? undefined : readManifest(packageDir)?.['imports'];
  if (packageDir === null || imports === null || typeof imports !== 'object' || Array.isArray(imports)) return null;
  for (const [pattern, value] of Object.entries(imports as Record<string, unknown>)) {
    const star = pattern.indexOf('*');
    const prefix = star === -1 ? pattern : pattern.slice(0, star);
    const suffix = star === -1 ? '' : pattern.slice(star + 1);
    let rest: string;
    if (star === -1) {
      if (pattern !== specifier) continue;
      rest = '';
    } else if (specifier.startsWith(prefix) && specifier.endsWith(suffix) && specifier.length >= prefix.length + suffix.length) rest = specifier.slice(prefix.length, specifier.length - suffix.length);
    else continue;
    for (const target of exportTargets(value)) {
      // A target that names a package (`"#dep": "some-package"`) is not the project's own code.
      if (!target.startsWith('./')) continue;
      const found = sourceOfTarget(packageDir, target.split('*').join(rest));
      if (found) return found;
    }
  }
  return null;
}

/**
 * True when `specifier` may name a file of the project through an alias (`mayBeAliased`), or names
 * one relatively: the syntactic test before `resolveProjectModule` reads any config.
 */
export function mayNameProjectModule(specifier: string): boolean {
  return specifier.startsWith('./') || specifier.startsWith('../') || mayBeAliased(specifier);
}

/**
 * True when `specifier` may name a file of the project through an alias: not relative, not
 * absolute, not a Node module (`node:fs`, `fs/promises`), not a URL-like scheme (`virtual:x`).
 * A syntactic test, asked before any config is read.
 */
function mayBeAliased(specifier: string): boolean {
  if (specifier === '' || specifier.startsWith('.') || specifier.startsWith('/') || /^[a-z][\w+.-]*:/i.test(specifier)) return false;
  return !isBuiltin(specifier);
}

/**
 * True when `resolveProjectWith` answers null for `specifier` from `importer` without reading the
 * file system: a package or Node module that no path alias of the importer's folder maps
 * (`aliasesFor`, read once per folder per process) and that is no `#` import. Most specifiers of
 * a file are such packages; they then skip the resolutions kept for a moment (`recentResolution`).
 */
function namesNoProjectFile(importer: string, specifier: string): boolean {
  if (specifier.startsWith('./') || specifier.startsWith('../')) return false;
  if (!mayBeAliased(specifier) || !path.isAbsolute(importer)) return true;
  if (specifier.startsWith('#')) return false;
  const aliases = aliasesFor(path.dirname(importer));
  return aliases === null || aliasTargets(aliases, specifier).length === 0;
}

/**
 * `resolveProjectModule`, reading each directory's entry names with `listing`: a relative
 * specifier as `resolveWith` reads it; an alias as the relative specifier of each file it maps to.
 */
function resolveProjectWith(importer: string, specifier: string, listing: (dir: string) => Listing | null): ResolvedModule | null {
  if (specifier.startsWith('./') || specifier.startsWith('../')) return resolveWith(importer, specifier, listing);
  if (!mayBeAliased(specifier) || !path.isAbsolute(importer)) return null;
  const dir = path.dirname(importer);
  const aliases = aliasesFor(dir);
  if (aliases) {
    for (const file of aliasTargets(aliases, specifier)) {
      let relative = path.relative(dir, file).split(path.sep).join('/');
      if (!relative.startsWith('../')) relative = `./${relative}`;
      const found = resolveWith(importer, relative, listing);
      if (found) return found;
    }
  }
  return specifier.startsWith('#') ? resolvePackageImport(dir, specifier) : null;
}

/**
 * The file of the project a module specifier names from the file `importer` (absolute), with its
 * stats, or null (a package, a Node module, no such file). The one way the cross-module readings
 * follow an import of the project's own code:
 * - a relative specifier (`./db`, `../lib/index.js`), as `resolveRelativeModule` resolves it;
 * - a path alias of the nearest tsconfig.json/jsconfig.json that declares `compilerOptions.paths`
 *   (`@/queries/report`, `~/lib/api`; `paths`/`baseUrl` also from a project config it `extends`),
 *   resolved like the relative specifier of the file it maps to;
 * - a `#` subpath of the nearest package.json's `imports` (`#lib/db`).
 * A bare specifier costs a lookup of its directory's aliases, read once per directory per process
 * (`aliasesFor`); relative and Node-module specifiers read no config.
 */
export function resolveProjectModule(importer: string, specifier: string): ResolvedModule | null {
  return resolveProjectWith(importer, specifier, listingOf);
}

/**
 * The project file a path-alias or `#` specifier names (see `resolveProjectModule`); null for a
 * relative specifier, a package, or no match. Also tried first by `resolveWorkspaceModule`.
 */
export function resolveAliasedModule(importer: string, specifier: string): ResolvedModule | null {
  if (!mayBeAliased(specifier)) return null;
  return resolveProjectWith(importer, specifier, listingOf);
}
