/**
 * The lint corpus shared by `npm run bench` and the robustness tests: JS/TS files shipped in
 * installed packages (real code no one here wrote, present offline after `npm ci`) plus the
 * generated files of `generate-corpus.ts`.
 *
 * A corpus file has a repository-relative-looking `path` whose extension and folder decide how it
 * is parsed (see `corpus-config.ts`): `packages/<name>@<version>/...` for package files,
 * `generated/...` for generated ones.
 */
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';

export const REPO_ROOT = path.resolve(__dirname, '..');
const NODE_MODULES = path.join(REPO_ROOT, 'node_modules');

/** How ESLint parses a JS file: `.cjs` and `.js` of a CommonJS package are `commonjs`. */
export type SourceType = 'module' | 'commonjs';

export interface CorpusFile {
  /** Relative path, `/`-separated; the extension picks the parser. */
  path: string;
  text: string;
  /** For `.js` files: the `type` of the package they ship in. Other extensions decide by themselves. */
  sourceType: SourceType;
  /** `packages/<name>@<version>` for package files, `generated` for generated ones. */
  group: string;
  /** Why the file is left out of typed runs, when it is (TypeScript cannot take it into a program). */
  untypedOnly?: string;
}

/**
 * Where the bench looks for package code, relative to `node_modules`. `*` matches one folder
 * name (scoped packages). Roots that are not installed are skipped, so a dependency bump never
 * breaks the bench; the report lists what was really linted.
 */
export const PACKAGE_ROOTS: readonly string[] = [
  'eslint/lib',
  '@eslint/*/dist',
  '@typescript-eslint/*/dist',
  'typescript/lib/typescript.js',
  'espree/dist',
  'esquery/dist',
  'eslint-plugin-eslint-plugin/dist',
  // TypeScript sources (ajv ships its `.ts` next to the compiled `.js`), nested under another package.
  'eslint-doc-generator/node_modules/ajv/lib',
];

const CODE_FILE = /\.(?:[cm]?js|jsx|[cm]?ts|tsx)$/;
const DECLARATION_FILE = /\.d\.[cm]?ts$/;

function expandRoot(root: string): string[] {
  const parts = root.split('/');
  let candidates = [NODE_MODULES];
  for (const part of parts) {
    const next: string[] = [];
    for (const base of candidates) {
      if (part === '*') {
        if (!existsSync(base)) continue;
        for (const entry of readdirSync(base).sort()) next.push(path.join(base, entry));
      } else {
        next.push(path.join(base, part));
      }
    }
    candidates = next;
  }
  return candidates.filter((candidate) => existsSync(candidate));
}

function walk(dir: string, out: string[]): void {
  for (const entry of readdirSync(dir, { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name))) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) {
      if (entry.name !== 'node_modules') walk(full, out);
    } else if (CODE_FILE.test(entry.name) && !DECLARATION_FILE.test(entry.name)) {
      out.push(full);
    }
  }
}

interface PackageInfo {
  dir: string;
  name: string;
  version: string;
}

function readManifest(dir: string): { name?: string; version?: string; type?: string } | undefined {
  const manifest = path.join(dir, 'package.json');
  return existsSync(manifest) ? (JSON.parse(readFileSync(manifest, 'utf8')) as { name?: string }) : undefined;
}

/** The package a file ships in: the nearest `package.json` with a `name`. */
function owningPackage(file: string): PackageInfo {
  for (let dir = path.dirname(file); ; dir = path.dirname(dir)) {
    const pkg = readManifest(dir);
    // Nested `package.json` files that only set `type` (e.g. `dist/esm/package.json`) are not the package.
    if (pkg?.name) return { dir, name: pkg.name, version: pkg.version ?? '0.0.0' };
    if (path.dirname(dir) === dir) throw new Error(`no package.json above ${file}`);
  }
}

/** ESM builds shipped as `.js` in CommonJS packages for bundlers, by their conventional names. */
const ESM_BUILD = /(?:\.esm(?:\.min)?\.js$|\/esm\/)/;

/**
 * How Node (or, for ESM builds in CommonJS packages such as `esquery.esm.js`, the bundlers they
 * are for) loads a file: by extension, else the nearest `package.json` `type`.
 */
function sourceTypeOf(file: string): SourceType {
  if (/\.c[jt]s$/.test(file)) return 'commonjs';
  if (/\.m[jt]s$/.test(file) || !file.endsWith('.js')) return 'module';
  if (ESM_BUILD.test(file.split(path.sep).join('/'))) return 'module';
  for (let dir = path.dirname(file); ; dir = path.dirname(dir)) {
    const pkg = readManifest(dir);
    if (pkg) return pkg.type === 'module' ? 'module' : 'commonjs';
    if (path.dirname(dir) === dir) return 'commonjs';
  }
}

/** Every JS/TS file (not declaration files) under `PACKAGE_ROOTS`, in a stable order. */
export function collectPackageFiles(roots: readonly string[] = PACKAGE_ROOTS): CorpusFile[] {
  const files: CorpusFile[] = [];
  const seen = new Set<string>();
  for (const root of roots) {
    for (const found of expandRoot(root)) {
      const paths: string[] = [];
      if (statSync(found).isDirectory()) walk(found, paths);
      else paths.push(found);
      for (const file of paths) {
        if (seen.has(file)) continue;
        seen.add(file);
        const pkg = owningPackage(file);
        const group = `packages/${pkg.name}@${pkg.version}`;
        files.push({
          path: `${group}/${path.relative(pkg.dir, file).split(path.sep).join('/')}`,
          text: readFileSync(file, 'utf8'),
          sourceType: sourceTypeOf(file),
          group,
          ...(file.endsWith('.min.js') ? { untypedOnly: 'TypeScript leaves `*.min.js` files out of a program' } : {}),
        });
      }
    }
  }
  return files;
}

/**
 * A deterministic sample: the `count` files with the smallest hash of their path among those of
 * at most `maxLines` lines. The same installed packages always give the same sample, and the
 * sample spreads over all packages instead of taking the first folder.
 */
export function sampleFiles(files: readonly CorpusFile[], count: number, maxLines: number): CorpusFile[] {
  const hash = (file: CorpusFile) => createHash('sha1').update(file.path).digest('hex');
  return files
    .filter((file) => lineCount(file.text) <= maxLines)
    .map((file) => ({ file, key: hash(file) }))
    .sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0))
    .slice(0, count)
    .map(({ file }) => file)
    .sort((a, b) => a.path.localeCompare(b.path));
}

export function lineCount(text: string): number {
  if (text === '') return 0;
  let lines = 1;
  for (let index = text.indexOf('\n'); index !== -1; index = text.indexOf('\n', index + 1)) lines++;
  return lines;
}

/** The `sourceType` most `.js` files of each group have (`module` for groups without `.js` files). */
export function jsSourceTypeByGroup(files: readonly CorpusFile[]): Map<string, SourceType> {
  const counts = new Map<string, number>();
  for (const file of files) {
    const delta = !file.path.endsWith('.js') ? 0 : file.sourceType === 'commonjs' ? 1 : -1;
    counts.set(file.group, (counts.get(file.group) ?? 0) + delta);
  }
  return new Map([...counts].map(([group, count]) => [group, count > 0 ? 'commonjs' : 'module']));
}

/**
 * Writes the corpus under `dir` (emptied first) with what typed linting needs: a `package.json`
 * per group carrying its module type, and a `tsconfig.json` that includes every file (`allowJs`,
 * no `checkJs`: the program only serves type queries).
 */
export function writeCorpus(dir: string, files: readonly CorpusFile[]): void {
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  for (const file of files) {
    const target = path.join(dir, ...file.path.split('/'));
    mkdirSync(path.dirname(target), { recursive: true });
    writeFileSync(target, file.text);
  }
  for (const [group, type] of jsSourceTypeByGroup(files)) {
    writeFileSync(path.join(dir, group, 'package.json'), `${JSON.stringify({ private: true, type })}\n`);
  }
  const tsconfig = {
    compilerOptions: {
      target: 'ES2022',
      module: 'nodenext',
      moduleResolution: 'nodenext',
      lib: ['ES2023', 'DOM', 'esnext.disposable'],
      types: ['node'],
      typeRoots: [path.join(NODE_MODULES, '@types')],
      jsx: 'preserve',
      allowJs: true,
      checkJs: false,
      strict: true,
      noEmit: true,
      skipLibCheck: true,
      experimentalDecorators: false,
    },
    include: ['**/*'],
  };
  writeFileSync(path.join(dir, 'tsconfig.json'), `${JSON.stringify(tsconfig, null, 2)}\n`);
}
