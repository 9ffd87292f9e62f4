/**
 * What a function of a relative module does, read from that module's text without parsing it
 * (untyped mode; the text is cached per version of the file by `module-exports.ts`). Only a
 * negative answer is given ("waits on nothing"), and only when the declaration is found and its
 * whole body says so; anything unclear answers false, so callers keep assuming real work.
 */
import { fromModuleText } from './module-exports';
import { resolveRelativeModule, type ResolvedModule } from './module-resolution';
import { VALUE_METHODS } from '../catalog/effects';
import { bodyOpenAfterParameters, closingIndex, skipTrivia } from './guarded-bodies';

/** `export * from './x'` / `export { a, b as c } from './x'` at a line start. */
const RE_EXPORT = /^[ \t]*export\s+(?:\*|\{([^}]*)\})\s*from\s*['"]([^'"]+)['"]/gm;

/** `export * from './x'` and `export { a, b } from './x'` of a module's text: the specifier and the names (null: all). */
type ReExports = ReadonlyArray<{ readonly names: ReadonlySet<string> | null; readonly module: string }>;

function scanReExports(text: string): ReExports {
  const reExports: Array<{ names: ReadonlySet<string> | null; module: string }> = [];
  if (!text.includes('from')) return reExports;
  for (const match of text.matchAll(RE_EXPORT)) {
    const [, list, specifier] = match;
    if (specifier === undefined) continue;
    const names = list === undefined ? null : new Set(list.split(',').map((part) => part.trim().split(/\s+as\s+/).at(-1) ?? '').filter(Boolean));
    reExports.push({ names, module: specifier });
  }
  return reExports;
}

/** How far `export ... from` chains are followed (a barrel `index.ts` re-exporting a module is one). */
const MAX_RE_EXPORT_HOPS = 2;
/** The longest function body read from a module's text. */
const MAX_BODY_CHARS = 20_000;

/**
 * The text of the body of a top-level function or method named `name` in a module's text: the
 * first declaration found (`function name(`, `name = async (...) =>`, `name = function (`,
 * `async name(...) {` of a class or object), past its parameters and return type
 * (`bodyOpenAfterParameters`), from its `{` to the matching `}` (`closingIndex`: strings, templates
 * and comments skipped; at most `MAX_BODY_CHARS` when it does not close), or an arrow's
 * expression to the end of its line. Null when no declaration is found or its shape is not one of
 * these.
 */
function functionBodyText(text: string, name: string): string | null {
  const escaped = name.replace(/[$]/g, '\\$');
  const declaration = new RegExp(
    String.raw`\bfunction\s*\*?\s*${escaped}\s*(?=[<(])|(?:^|[\s,{;])${escaped}\s*(?::[^=;\n]*)?=\s*(?:async\b\s*)?(?:function\b[^(]*)?(?=[(\w$])|^[ \t]*(?:(?:public|private|protected|static|async|override)\s+)*${escaped}\s*(?=\()`,
    'm',
  );
  const match = declaration.exec(text);
  if (!match) return null;
  let index = match.index + match[0].length;
  // Type parameters, then the parameter list (or one bare arrow parameter).
  if (text[index] === '<') index = skipTypeParameters(text, index);
  if (index < 0) return null;
  let open: number;
  if (text[index] === '(') {
    open = bodyOpenAfterParameters(text, index);
    if (open === -1) return arrowExpressionText(text, index);
  } else {
    // `name = async value => ...`: one bare parameter, then the arrow.
    const bare = /^[\w$]+\s*=>\s*/.exec(text.slice(index, index + 200));
    if (!bare) return null;
    open = index + bare[0].length;
    if (text[open] !== '{') return lineFrom(text, open);
  }
  let close = closingIndex(text, open);
  // `(): { id: string } {`: the first braces were an object type; the body follows.
  const next = close === -1 ? -1 : skipTrivia(text, close + 1);
  if (next !== -1 && text[next] === '{') {
    open = next;
    close = closingIndex(text, open);
  }
  return text.slice(open, close === -1 ? Math.min(text.length, open + MAX_BODY_CHARS) : close + 1);
}

/** The text from `index` to the end of its line: an arrow's expression body. */
function lineFrom(text: string, index: number): string {
  const end = text.indexOf('\n', index);
  return text.slice(index, end === -1 ? undefined : end);
}

/**
 * The expression body of an arrow whose parameters open at `paren` (`(x) => x.id`,
 * `(x): string => x.name`), to the end of its line; null when no `=>` follows the parameters and
 * a return type on the same line.
 */
function arrowExpressionText(text: string, paren: number): string | null {
  const paramClose = closingIndex(text, paren);
  if (paramClose === -1) return null;
  const rest = /^\s*(?::[^;{\n]*?)?=>\s*/.exec(text.slice(paramClose + 1, paramClose + 1 + 2000));
  return rest ? lineFrom(text, paramClose + 1 + rest[0].length) : null;
}

/** The index just past the `>` closing the type parameters whose `<` is at `open` (`=>` inside does not close), or -1. */
function skipTypeParameters(text: string, open: number): number {
  let depth = 0;
  const limit = Math.min(text.length, open + MAX_BODY_CHARS);
  for (let index = open; index < limit; index += 1) {
    const char = text[index];
    if (char === '<') depth += 1;
    else if (char === '>' && text[index - 1] !== '=') {
      depth -= 1;
      if (depth === 0) return index + 1;
    }
  }
  return -1;
}

/** `export default async function (...)` / `export default function name(...)`: the default export's body. */
const DEFAULT_FUNCTION = /^[ \t]*export\s+default\s+(?:async\s+)?function\b[^(]*\(/m;

/**
 * The body text of the declaration of `name` (`default` included) in a module's own text (see
 * `functionBodyText`), or null when the module declares none.
 */
function ownBodyText(text: string, name: string): string | null {
  if (name !== 'default') return functionBodyText(text, name);
  const match = DEFAULT_FUNCTION.exec(text);
  const open = match ? text.indexOf('{', match.index + match[0].length) : -1;
  return open === -1 ? null : functionBodyText(`function f() ${text.slice(open)}`, 'f');
}

/**
 * `bodyWaitsOnNothing` of the first declaration of `name` found in a module or, when it declares
 * none, in the modules it re-exports from (`export ... from`, at most `MAX_RE_EXPORT_HOPS` deep,
 * in order); null when none is found or a module cannot be read. Each module's own answer is kept
 * with that module's text (one per version of the file); the re-exports are resolved again at
 * every question, so an edit of a re-exported module is seen although the barrel is unchanged.
 */
function exportedVerdict(resolved: ResolvedModule, name: string, hops = 0): boolean | null {
  const { file, stats } = resolved;
  const own = fromModuleText(file, `waitsOnNothing:${name}`, (text) => {
    const body = ownBodyText(text, name);
    return body === null ? 'none' : bodyWaitsOnNothing(body);
  }, stats);
  if (own === null) return null;
  if (own !== 'none') return own;
  if (hops >= MAX_RE_EXPORT_HOPS) return null;
  for (const reExport of fromModuleText(file, 'reExports', scanReExports, stats) ?? []) {
    if (reExport.names !== null && !reExport.names.has(name)) continue;
    const next = resolveRelativeModule(file, reExport.module);
    const found = next ? exportedVerdict(next, name, hops + 1) : null;
    if (found !== null) return found;
  }
  return null;
}

/**
 * An `await` of a value at hand: a name or a member chain that ends its expression (`await ready;`,
 * `(await this.loaded)`, `await table as T`), never called, indexed or given type arguments.
 */
const VALUE_AWAIT = /^[\w$]+(?:\??\.[\w$]+)*(?=[ \t]*(?:[;,)\]}\r\n]|$|as\b))/;
/** The expression of each `return` (to the end of its statement or line). */
const RETURN_EXPRESSION = /\breturn\b([^;\n]*)/g;
/** Called names in a text: `join` in `parts.join('-')`, `String` in `String(n)`. */
const CALLED_NAME = /([\w$]+)\s*\(/g;
/** Functions that compute from memory, besides `VALUE_METHODS`: conversions and `Math`/`Array`/`Object` helpers. */
const VALUE_FUNCTIONS: ReadonlySet<string> = new Set(['String', 'Number', 'Boolean', 'floor', 'ceil', 'round', 'random', 'min', 'max', 'abs', 'keys', 'values', 'entries', 'from', 'isArray', 'map', 'filter']);

/**
 * True when a `return` of the body hands on something that may be a promise: a `new` object, or a
 * call of anything but a value method or function (`parts.join('-')`, `String(n)`: see
 * `VALUE_METHODS`, `VALUE_FUNCTIONS`).
 */
function returnsCall(body: string): boolean {
  for (const match of body.matchAll(RETURN_EXPRESSION)) {
    const expression = match[1] ?? '';
    if (/^\s*new\b/.test(expression)) return true;
    for (const called of expression.matchAll(CALLED_NAME)) {
      const name = called[1] ?? '';
      if (!VALUE_METHODS.has(name) && !VALUE_FUNCTIONS.has(name)) return true;
    }
  }
  return false;
}

/**
 * True when the function `name` of a relative module (`resolved`) waits on nothing, read
 * from the body of its declaration in the module's text (see `functionBodyText`): it awaits no
 * call (only values at hand: `await ready`, `await instancesPromise`), chains no `.then`, returns
 * nothing called or constructed, yields nothing, and creates no `new Promise`. An `async` helper
 * that computes (a random string, an id, a parsed query) or reads a memoised promise of its
 * module is such a function. A body that cannot be found, or an arrow whose expression calls
 * anything, gives false.
 */
export function moduleFunctionWaitsOnNothing(resolved: ResolvedModule, name: string): boolean {
  return exportedVerdict(resolved, name) ?? false;
}

function bodyWaitsOnNothing(body: string): boolean {
  if (!body.trimStart().startsWith('{')) return false;
  if (/\.then\s*\(|\byield\b|\bnew\s+Promise\b/.test(body) || returnsCall(body)) return false;
  for (let index = body.indexOf('await'); index !== -1; index = body.indexOf('await', index + 5)) {
    const before = body[index - 1];
    if (before !== undefined && /[\w$]/.test(before)) continue;
    const after = body.slice(index + 5);
    if (!/^\s/.test(after)) continue;
    if (!VALUE_AWAIT.test(after.trimStart())) return false;
  }
  return true;
}
