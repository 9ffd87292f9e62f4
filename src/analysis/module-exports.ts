import { readFileSync } from 'node:fs';
import type { FileStats, ResolvedModule } from './module-resolution';
import { recentStats } from './recent-stats';

/** Files larger than this are not scanned (generated bundles). */
const MAX_FILE_BYTES = 512 * 1024;

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

/** What has been read from one local module, and the file's size and modification time then. */
interface ModuleFacts {
  readonly size: number;
  readonly mtimeMs: number;
  readonly text: string | null;
  asyncExports?: ReadonlySet<string> | null;
  derived: Map<string, unknown>;
}

/**
 * Per module path, for the whole process: what was read from it. Thousands of linted files import
 * the same few local modules (a 79 KB `utils` module of one repository was read and scanned 105
 * times when this lived per linted file). A settled exception to "no module-level state" (see
 * CONTRIBUTING): an entry is used only while the file's size and modification time are unchanged,
 * so a module edited during a long editor session is read again; each `--concurrency` worker has
 * its own map.
 */
const moduleFacts = new Map<string, ModuleFacts>();

/** What has been read from `file` (see `moduleFacts`); `known` its stats when the caller has just read them. */
function factsOf(file: string, known?: FileStats): ModuleFacts | null {
  const stats: FileStats | null = known ?? recentStats(file);
  if (!stats) return null;
  const read = moduleFacts.get(file);
  if (read && read.size === stats.size && read.mtimeMs === stats.mtimeMs) return read;
  let text: string | null = null;
  if (stats.size <= MAX_FILE_BYTES) {
    try {
      text = readFileSync(file, 'utf8');
    } catch {
      text = null;
    }
  }
  const facts: ModuleFacts = { size: stats.size, mtimeMs: stats.mtimeMs, text, derived: new Map() };
  moduleFacts.set(file, facts);
  return facts;
}

/**
 * `derive(text)` of a local module's text, computed once per version of the file for the process
 * (see `moduleFacts`); `key` names the question; `known`: the file's stats, when the caller has just
 * read them. Null when the module cannot be read.
 */
export function fromModuleText<T>(file: string, key: string, derive: (text: string) => T, known?: FileStats): T | null {
  const facts = factsOf(file, known);
  if (!facts || facts.text === null) return null;
  if (facts.derived.has(key)) return facts.derived.get(key) as T;
  const value = derive(facts.text);
  facts.derived.set(key, value);
  return value;
}

/**
 * The names a local module exports as promise-returning functions (see `EXPORT_PATTERNS`;
 * `default` for a default export), found by scanning its text without parsing it. Null when the
 * module cannot be read. A name exported as several overloads is never returned (one overload that
 * returns a promise says nothing about the others). Used by untyped mode only; typed mode asks the
 * checker.
 */
export function readAsyncExports(file: string): ReadonlySet<string> | null {
  return fromModuleText(file, 'asyncExports', scanAsyncExports);
}

/**
 * `readAsyncExports` of a module a relative specifier resolved to (`RelativeModules.resolve`); null
 * when it cannot be read. The stats the resolution read are the ones the module's facts are
 * checked against.
 */
export function readResolvedAsyncExports(resolved: ResolvedModule): ReadonlySet<string> | null {
  return fromModuleText(resolved.file, 'asyncExports', scanAsyncExports, resolved.stats);
}

function scanAsyncExports(text: string): ReadonlySet<string> {
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
