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

/**
 * What a folder's deployment manifest says about the code of the project it sits in, when that
 * code runs as functions that take one event at a time per instance:
 * - `aws-lambda`: a Serverless Framework service for AWS (`serverless.yml` or `serverless.yaml`
 *   whose provider is `aws`) or an AWS SAM template (`template.yaml`/`template.yml` declaring an
 *   `AWS::Serverless::Function`). Lambda hands each instance one event at a time, so every module
 *   of such a project runs with nothing else of its process waiting;
 * - `netlify`: a `netlify.toml` that names a functions folder (`directory = "..."` under
 *   `[functions]`, or `functions = "..."` under `[build]`); `folder` is that folder's absolute path,
 *   and only files below it are the site's functions (Netlify runs them on AWS Lambda);
 * - `vercel`: a `vercel.json` that turns fluid compute off (`"fluid": false`); `folder` is its
 *   `api/` folder, whose files Vercel deploys one function each. Fluid compute, where one instance
 *   takes several invocations at once, is on by default for new projects and is set in the
 *   dashboard, so a `vercel.json` that does not say `"fluid": false` says nothing.
 * Other platforms (Cloudflare Workers, Deno Deploy, Google Cloud Run functions, Azure Functions)
 * serve several requests at once in one instance, and are not listed.
 */
export interface FunctionHost {
  readonly platform: 'aws-lambda' | 'netlify' | 'vercel';
  /** The folder whose files are the functions, or null when every module of the project is one. */
  readonly folder: string | null;
}

/** A deployment manifest larger than this is not read (hand-written manifests are a few kB). */
const MAX_DEPLOY_MANIFEST_BYTES = 512 * 1024;

/** `functionHostsAt` answers so far, by directory. */
const functionHostsByDir = new Map<string, readonly FunctionHost[]>();

/** The text of `dir/name`, or null when there is none, it is not a file, or it is too large. */
function readSmallFile(dir: string, name: string): string | null {
  const file = path.join(dir, name);
  try {
    if (statSync(file).size > MAX_DEPLOY_MANIFEST_BYTES) return null;
    return readFileSync(file, 'utf8');
  } catch {
    return null;
  }
}

/**
 * The function hosts that the deployment manifests of `dir` declare (see `FunctionHost`), read
 * from the manifest texts (a line-level reading of the YAML and TOML keys named there, not a full
 * parser: a manifest this reading does not understand declares nothing). Read once per directory
 * per process, like `readManifest`: one listing of `dir`, then the few manifests it holds.
 */
export function functionHostsAt(dir: string): readonly FunctionHost[] {
  const known = functionHostsByDir.get(dir);
  if (known !== undefined) return known;
  let names: ReadonlySet<string> = new Set();
  try {
    names = new Set(readdirSync(dir));
  } catch {
    // not a readable directory
  }
  const hosts: FunctionHost[] = [];
  for (const name of ['serverless.yml', 'serverless.yaml']) {
    const text = names.has(name) ? readSmallFile(dir, name) : null;
    // `provider: aws` or `provider:\n  name: aws`
    if (text && /^provider:[ \t]*(?:['"]?aws\b|(?:#.*)?\r?\n(?:[ \t]+.*\r?\n|[ \t]*\r?\n)*?[ \t]+name:[ \t]*['"]?aws\b)/m.test(text)) hosts.push({ platform: 'aws-lambda', folder: null });
  }
  for (const name of ['template.yaml', 'template.yml']) {
    const text = names.has(name) ? readSmallFile(dir, name) : null;
    if (text && /\bType:\s*['"]?AWS::Serverless::Function\b/.test(text)) hosts.push({ platform: 'aws-lambda', folder: null });
  }
  const netlify = names.has('netlify.toml') ? readSmallFile(dir, 'netlify.toml') : null;
  if (netlify) {
    const folder = tomlFolder(netlify, 'functions', 'directory') ?? tomlFolder(netlify, 'build', 'functions');
    if (folder) hosts.push({ platform: 'netlify', folder: path.resolve(dir, folder) });
  }
  const vercel = names.has('vercel.json') ? readSmallFile(dir, 'vercel.json') : null;
  if (vercel !== null && /"fluid"\s*:\s*false\b/.test(vercel)) hosts.push({ platform: 'vercel', folder: path.join(dir, 'api') });
  functionHostsByDir.set(dir, hosts);
  return hosts;
}

/** The string value of `key` in the `[table]` of a TOML text (`[functions]` then `directory = "x"`), or null. */
function tomlFolder(text: string, table: string, key: string): string | null {
  let current = '';
  for (const line of text.split('\n')) {
    const header = /^\s*\[([^\]]+)\]\s*(?:#.*)?$/.exec(line);
    if (header?.[1] !== undefined) {
      current = header[1].trim();
      continue;
    }
    const entry = /^\s*([\w-]+)\s*=\s*["']([^"']+)["']/.exec(line);
    if (current === table && entry?.[1] === key && entry[2] !== undefined) return entry[2];
  }
  return null;
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
