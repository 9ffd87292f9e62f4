import { readFileSync, statSync } from 'node:fs';
import path from 'node:path';

/** Files larger than this are not scanned (generated bundles). */
const MAX_FILE_BYTES = 512 * 1024;

const SOURCE_EXTENSIONS = ['.ts', '.tsx', '.mts', '.cts', '.js', '.jsx', '.mjs', '.cjs'];

/** `./db.js` in TypeScript's node16 resolution names `./db.ts`. */
const TS_FOR_JS: Readonly<Record<string, readonly string[]>> = {
  '.js': ['.ts', '.tsx'],
  '.jsx': ['.tsx'],
  '.mjs': ['.mts'],
  '.cjs': ['.cts'],
};

const IDENTIFIER = String.raw`[A-Za-z_$][\w$]*`;

/**
 * Export forms that declare a promise-returning function, unambiguous in the text (sticky: each is
 * tried only at the line starts `exportLineStarts` finds, see `matchesAt`):
 * `export async function f`, `export const f = async (...) =>` / `async function`,
 * `export default async function`, TypeScript `export [declare] function f(...): Promise<...>`,
 * and CommonJS `exports.f = async ...` / `module.exports.f = async ...`.
 * Async generators (`async function*`) are not promise-returning and are not matched.
 */
const EXPORT_PATTERNS: readonly RegExp[] = [
  new RegExp(String.raw`^[ \t]*export\s+async\s+function\s+(${IDENTIFIER})`, 'my'),
  new RegExp(
    String.raw`^[ \t]*export\s+(?:const|let|var)\s+(${IDENTIFIER})\s*(?::[^=\n]+)?=\s*async\s*(?:\(|function\b(?!\s*\*)|${IDENTIFIER}\s*=>)`,
    'my',
  ),
  new RegExp(String.raw`^[ \t]*export\s+(default)\s+async\s+function\b(?!\s*\*)`, 'my'),
  new RegExp(
    String.raw`^[ \t]*export\s+(?:declare\s+)?function\s+(${IDENTIFIER})\s*(?:<[^>()]*>)?\s*\([^()]*\)\s*:\s*Promise<`,
    'my',
  ),
  new RegExp(
    String.raw`^[ \t]*(?:module\.)?exports\.(${IDENTIFIER})\s*=\s*async\s*(?:\(|function\b(?!\s*\*)|${IDENTIFIER}\s*=>)`,
    'my',
  ),
];

/** Every `export [declare] [async] function NAME` declaration or overload signature. */
const FUNCTION_DECLARATION = new RegExp(String.raw`^[ \t]*export\s+(?:declare\s+)?(?:async\s+)?function\s+(${IDENTIFIER})\b`, 'my');

/** A character after which `^` matches in a multiline regular expression. */
function isLineTerminator(char: string | undefined): boolean {
  return char === '\n' || char === '\r' || char === '\u2028' || char === '\u2029';
}

/**
 * The offsets, ascending, of every line whose text after its leading spaces and tabs starts with
 * `export` or `module.export`: the only places where one of `EXPORT_PATTERNS` or
 * `FUNCTION_DECLARATION` can match. Found with `indexOf`, so no pattern is tried at every offset of
 * the file.
 */
function exportLineStarts(text: string): number[] {
  const starts: number[] = [];
  for (let index = text.indexOf('export'); index !== -1; index = text.indexOf('export', index + 1)) {
    let start = index >= 7 && text.startsWith('module.', index - 7) ? index - 7 : index;
    while (start > 0 && (text[start - 1] === ' ' || text[start - 1] === '\t')) start -= 1;
    if (start > 0 && !isLineTerminator(text[start - 1])) continue;
    if (starts.at(-1) !== start) starts.push(start);
  }
  return starts;
}

/**
 * The matches of a sticky multiline `pattern` tried at each of `starts` (ascending), skipping a
 * start inside the previous match: exactly what `text.matchAll` with the pattern made global finds
 * when every match of the pattern begins at one of `starts`.
 */
function matchesAt(text: string, pattern: RegExp, starts: readonly number[]): RegExpExecArray[] {
  const matches: RegExpExecArray[] = [];
  let end = 0;
  for (const start of starts) {
    if (start < end) continue;
    pattern.lastIndex = start;
    const match = pattern.exec(text);
    if (match) {
      matches.push(match);
      end = pattern.lastIndex;
    }
  }
  return matches;
}

function isFile(candidate: string): boolean {
  try {
    return statSync(candidate, { throwIfNoEntry: false })?.isFile() ?? false;
  } catch {
    return false;
  }
}

/** The file a relative specifier names, as Node and TypeScript resolve it, or null. */
export function resolveRelativeModule(importer: string, specifier: string): string | null {
  if (!specifier.startsWith('./') && !specifier.startsWith('../')) return null;
  if (!path.isAbsolute(importer)) return null;
  const base = path.resolve(path.dirname(importer), specifier);
  const extension = path.extname(base);
  if (SOURCE_EXTENSIONS.includes(extension)) {
    if (isFile(base)) return base;
    for (const ts of TS_FOR_JS[extension] ?? []) {
      const candidate = base.slice(0, -extension.length) + ts;
      if (isFile(candidate)) return candidate;
    }
    return null;
  }
  for (const ext of SOURCE_EXTENSIONS) if (isFile(base + ext)) return base + ext;
  for (const ext of SOURCE_EXTENSIONS) {
    const candidate = path.join(base, `index${ext}`);
    if (isFile(candidate)) return candidate;
  }
  return null;
}

/** The text of a local module, or null when it cannot be read or is too large to scan (a bundle). */
export function readModuleText(file: string): string | null {
  try {
    if (statSync(file).size > MAX_FILE_BYTES) return null;
    return readFileSync(file, 'utf8');
  } catch {
    return null;
  }
}

/**
 * The names a local module exports as promise-returning functions (see `EXPORT_PATTERNS`;
 * `default` for a default export), found by scanning its text without parsing it. Null when the
 * module cannot be read. A name exported as several overloads is never returned (one overload that
 * returns a promise says nothing about the others). Used by untyped mode only; typed mode asks the
 * checker.
 */
export function readAsyncExports(file: string): ReadonlySet<string> | null {
  const text = readModuleText(file);
  if (text === null) return null;
  const names = new Set<string>();
  if (!text.includes('async') && !text.includes('Promise<')) return names;
  const starts = exportLineStarts(text);
  for (const pattern of EXPORT_PATTERNS) {
    for (const match of matchesAt(text, pattern, starts)) {
      if (match[1]) names.add(match[1]);
    }
  }
  // Overloads: `export function f(a: string): Promise<T>;` next to `export function f(a: number): T;`.
  // The text alone cannot say which signature a call picks, so a name declared more than once as
  // an exported function is never decided from one of its declarations: it is left out.
  const declarations = new Map<string, number>();
  for (const match of matchesAt(text, FUNCTION_DECLARATION, starts)) {
    const name = match[1];
    if (name) declarations.set(name, (declarations.get(name) ?? 0) + 1);
  }
  for (const [name, count] of declarations) if (count > 1) names.delete(name);
  return names;
}
