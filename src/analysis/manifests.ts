import { type Dirent, readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';

/**
 * `package.json` files read so far, by directory (null: none there, or not a JSON object). Every
 * analysis that reads manifests (where code runs, workspace packages) asks here, so each file is
 * read and parsed once per process; like the per-file caches, each `--concurrency` worker thread
 * has its own. A manifest edited during one long editor session is seen at the next start.
 */
const manifestByDir = new Map<string, Readonly<Record<string, unknown>> | null>();

/** The parsed `package.json` of `dir`, or null when there is none or it is not a JSON object. */
export function readManifest(dir: string): Readonly<Record<string, unknown>> | null {
  const known = manifestByDir.get(dir);
  if (known !== undefined) return known;
  let manifest: Record<string, unknown> | null = null;
  try {
    const json: unknown = JSON.parse(readFileSync(path.join(dir, 'package.json'), 'utf8'));
    if (json && typeof json === 'object' && !Array.isArray(json)) manifest = json as Record<string, unknown>;
  } catch {
    // no manifest, or not JSON
  }
  manifestByDir.set(dir, manifest);
  return manifest;
}

/**
 * The names a browser extension's manifest is kept under: `manifest.json`, which browsers read, or
 * a YAML source that the build turns into it (`manifest.yml`).
 */
const EXTENSION_MANIFEST_NAMES: readonly string[] = ['manifest.json', 'manifest.yml', 'manifest.yaml'];

/**
 * The keys that make a `manifest.json` a WebExtension's: `manifest_version`, which every manifest a
 * browser loads has, or a key only an extension declares (its content scripts, background page or
 * worker, toolbar button, options page, host permissions, resources pages may load). A base
 * manifest that the build merges with a per-browser part (`chrome-manifest-extra.json` holding the
 * `manifest_version`) has only the latter. A web app manifest, also named `manifest.json` (a PWA's
 * `public/manifest.json`: `name`, `icons`, `start_url`, `background_color`), has none of them.
 */
const EXTENSION_MANIFEST_KEY =
  /(?:^|[{,\s])["']?(?:manifest_version|content_scripts|background|browser_action|page_action|options_ui|options_page|host_permissions|web_accessible_resources)["']?\s*:/m;

/** A manifest larger than this is no hand-written extension manifest (and is not read). */
const MAX_MANIFEST_BYTES = 256 * 1024;

/** Folders below a package that never hold its extension's source manifest. */
const SKIPPED_FOLDERS: ReadonlySet<string> = new Set(['node_modules', 'dist', 'build', 'out', 'coverage']);

/** `browserExtensionFolders` answers so far, by package directory. */
const extensionFoldersByDir = new Map<string, readonly string[]>();

/**
 * The folders of the package in `dir` that hold a browser extension's manifest (a
 * `manifest.json`, or its YAML source, with a key only an extension's manifest has, see
 * `EXTENSION_MANIFEST_KEY` and `EXTENSION_MANIFEST_NAMES`): `dir` itself, or any folder directly below it (`src/`, `public/`,
 * `extension/`; not `node_modules/` nor a build output folder). Empty when the package is no
 * browser extension. Read once per directory per process: one listing of `dir`, then one `stat`
 * per candidate name.
 */
export function browserExtensionFolders(dir: string): readonly string[] {
  const known = extensionFoldersByDir.get(dir);
  if (known !== undefined) return known;
  const folders: string[] = [];
  if (holdsExtensionManifest(dir)) folders.push(dir);
  let entries: Dirent[] = [];
  try {
    entries = readdirSync(dir, { withFileTypes: true });
  } catch {
    // not a readable directory
  }
  for (const entry of entries) {
    if (!entry.isDirectory() || entry.name.startsWith('.') || SKIPPED_FOLDERS.has(entry.name)) continue;
    const folder = path.join(dir, entry.name);
    if (holdsExtensionManifest(folder)) folders.push(folder);
  }
  extensionFoldersByDir.set(dir, folders);
  return folders;
}

/** True when `folder` holds a WebExtension manifest (see `browserExtensionFolders`). */
function holdsExtensionManifest(folder: string): boolean {
  for (const name of EXTENSION_MANIFEST_NAMES) {
    const file = path.join(folder, name);
    try {
      const stats = statSync(file);
      if (stats.isFile() && stats.size <= MAX_MANIFEST_BYTES && EXTENSION_MANIFEST_KEY.test(readFileSync(file, 'utf8'))) return true;
    } catch {
      // no such file
    }
  }
  return false;
}

/** File name endings of code a folder may hold (see `holdsCode`). */
const CODE_FILE = /\.(?:[cm]?[jt]sx?|vue|svelte)$/;

/** `holdsCode` answers so far, by folder. */
const holdsCodeByFolder = new Map<string, boolean>();

/**
 * True when `folder` holds code: a script or component file directly in it, or any folder below it
 * (not looked into). False for a folder of data files only, such as a `manifest/` folder that
 * keeps an extension's base manifest and its per-browser parts beside the source folders: such a
 * folder is no source folder of its own, and its manifest speaks for the whole package. Read once
 * per folder per process: one listing.
 */
export function holdsCode(folder: string): boolean {
  const known = holdsCodeByFolder.get(folder);
  if (known !== undefined) return known;
  let answer = true;
  try {
    answer = readdirSync(folder, { withFileTypes: true }).some((entry) => entry.isDirectory() || CODE_FILE.test(entry.name));
  } catch {
    // not a readable directory: assume it holds code (its manifest speaks for itself only)
  }
  holdsCodeByFolder.set(folder, answer);
  return answer;
}
