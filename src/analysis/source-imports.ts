/**
 * The modules another file's source text loads, read from its text without parsing the file: the
 * one reader of import lines for every analysis that looks into a module it does not lint
 * (`module-functions.ts` follows a function into its imports, `rejection-reporters.ts` finds an
 * error-tracking SDK's set-up). Read once per version of a file (`textImportsOf`, kept with the
 * file's text by `module-exports.ts`: a file edited between two lint runs of one process is read
 * again).
 */
import { fromModuleText } from './module-exports';
import type { ResolvedModule } from './module-resolution';

/** One name a load binds (see `TextImport.bindings`). */
export interface TextBinding {
  /**
   * The name in the file that was read: the local name an import, `require` or `import()`
   * destructuring binds (`z` of `import { y as z }`); for a re-export, the name the file exports
   * (`b` of `export { a as b } from 'm'`).
   */
  readonly name: string;
  /**
   * What the name is of the loaded module: the name of one of its exports (`default` for a default
   * import, `y` of `import { y as z }`, `a` of `const { a: b } = require('m')`, `b` of
   * `const a = require('m').b`), or `*` for the module object itself (`import * as ns`,
   * `const m = require('m')`, `const m = await import('m')`, `import m = require('m')`,
   * `export * as ns from 'm'`).
   */
  readonly imported: string;
}

/**
 * One module load written in a text:
 * - `import`: an import declaration, `import x, { y as z } from 'm'`, `import * as ns from 'm'`,
 *   `import 'm'` (no bindings). A type-only declaration (`import type ...`) is no load and is not
 *   listed; a type-only name inside the braces (`import { type A, b }`) is left out of the bindings,
 *   and the declaration is listed even when every name is one (a compiler may keep it). With
 *   `TextImportOptions.types`, type-only declarations and names are listed like the others;
 * - `re-export`: `export { a, b as c } from 'm'`, `export * from 'm'` (`all`), `export * as ns
 *   from 'm'`; `export type ... from` is not listed;
 * - `require`: a `require('m')` call, with bindings when it initializes a declaration
 *   (`const a = require('m')`, `const { a, b: c } = require('m')`, `const a = require('m').b`,
 *   TypeScript's `import a = require('m')`);
 * - `dynamic`: an `import('m')` expression, with bindings when it is awaited to initialize a
 *   declaration (`const m = await import('m')`, `const { a } = await import('m')`).
 * Only string specifiers in `'` or `"` quotes, on one line, are read. Comments between the tokens
 * are skipped; a load written inside a comment or a string is listed as well (`index` lets a
 * reader that cares place it, see `rejection-reporters.ts`).
 */
export interface TextImport {
  readonly kind: 'import' | 're-export' | 'require' | 'dynamic';
  readonly specifier: string;
  /** The offset of the keyword the load starts with (`import`, `export` or `require`). */
  readonly index: number;
  /** The names it binds, in source order (see `TextBinding`); empty when it binds none. */
  readonly bindings: readonly TextBinding[];
  /** `export * from 'm'`: every export of `m` but its default is re-exported (`bindings` is empty). */
  readonly all: boolean;
}

/** How a text is read (see `readTextImports`). */
export interface TextImportOptions {
  /**
   * List type-only loads too: `import type ...`, `import { type A }`, `export type { A } from`
   * (a reader that looks for the class or interface a value is declared as follows them; a
   * reader of what runs does not).
   */
  readonly types?: boolean;
}

/**
 * The imports of a module (see `TextImport`), in source order, read once per version of its file
 * (`fromModuleText`); null when the file cannot be read. `resolved.stats` when the caller has them.
 */
export function textImportsOf(resolved: Pick<ResolvedModule, 'file'> & Partial<ResolvedModule>, options: TextImportOptions = {}): readonly TextImport[] | null {
  return options.types === true
    ? fromModuleText(resolved.file, 'textImportsWithTypes', (text) => readTextImports(text, options), resolved.stats)
    : fromModuleText(resolved.file, 'textImports', readTextImports, resolved.stats);
}

/** A keyword that can start a load (`TextImport`), standing alone. */
const LOAD_KEYWORD = /(?<![\w$])(?:import|export|require)(?![\w$])/g;

/** The loads written in `text` (see `TextImport`, `TextImportOptions`), in source order. Not cached: see `textImportsOf`. */
export function readTextImports(text: string, options: TextImportOptions = {}): readonly TextImport[] {
  const types = options.types === true;
  const loads: TextImport[] = [];
  if (!text.includes('import') && !text.includes('require') && !text.includes('export')) return loads;
  for (const match of text.matchAll(LOAD_KEYWORD)) {
    const index = match.index;
    const keyword = match[0];
    const load =
      keyword === 'import' ? readImport(text, index, types) : keyword === 'export' ? readReExport(text, index, types) : readRequire(text, index);
    if (load) loads.push(load);
  }
  return loads;
}

/** The index of the first character at or after `from` that is neither white space nor inside a comment. */
function skipSpace(text: string, from: number): number {
  let index = from;
  while (index < text.length) {
    const code = text.charCodeAt(index);
    if (code === 32 || (code >= 9 && code <= 13) || code === 0xa0 || code === 0xfeff || code === 0x2028 || code === 0x2029) {
      index += 1;
    } else if (code === 47 && text.charCodeAt(index + 1) === 47) {
      const end = text.indexOf('\n', index);
      index = end === -1 ? text.length : end + 1;
    } else if (code === 47 && text.charCodeAt(index + 1) === 42) {
      const end = text.indexOf('*/', index + 2);
      index = end === -1 ? text.length : end + 2;
    } else {
      return index;
    }
  }
  return index;
}

const IDENTIFIER = /[A-Za-z_$\u0080-\uffff][\w$\u0080-\uffff]*/y;

/** The identifier at `index`, or null. */
function identifierAt(text: string, index: number): string | null {
  IDENTIFIER.lastIndex = index;
  return IDENTIFIER.exec(text)?.[0] ?? null;
}

/** The value of the `'...'` or `"..."` string at `index` (on one line), with the index after it; null when there is none. */
function stringAt(text: string, index: number): { value: string; end: number } | null {
  const quote = text[index];
  if (quote !== "'" && quote !== '"') return null;
  for (let at = index + 1; at < text.length; at += 1) {
    const char = text[at];
    if (char === quote) return at === index + 1 ? null : { value: text.slice(index + 1, at), end: at + 1 };
    if (char === '\n' || char === '\r' || char === '\\') return null;
  }
  return null;
}

/** A token of an import or export clause: a name, or a string (`'a-b' as ab`), with the index after it. */
function nameAt(text: string, index: number): { name: string; end: number } | null {
  const identifier = identifierAt(text, index);
  if (identifier !== null) return { name: identifier, end: index + identifier.length };
  const string = stringAt(text, index);
  return string ? { name: string.value, end: string.end } : null;
}

/** `from 'm'` at `index` (after spaces): the specifier, or null. */
function fromClauseAt(text: string, index: number): string | null {
  const at = skipSpace(text, index);
  if (identifierAt(text, at) !== 'from') return null;
  return stringAt(text, skipSpace(text, at + 4))?.value ?? null;
}

/**
 * The braces of an import or export clause at `index` (`{ a, b as c, type d, 'e-f' as ef }`): each
 * entry's name in the other module and its name here, type-only entries left out, with the index
 * after the `}`; null when the braces are not such a list.
 */
function namedListAt(text: string, index: number, types = false): { entries: { other: string; here: string }[]; end: number } | null {
  const entries: { other: string; here: string }[] = [];
  let at = skipSpace(text, index + 1);
  while (text[at] !== '}') {
    let first = nameAt(text, at);
    if (!first) return null;
    at = skipSpace(text, first.end);
    let typeOnly = false;
    // `type d` / `type d as e`: a type-only entry; `type`, `type as t`, `type,` name a binding `type`.
    if (first.name === 'type' && text[at] !== ',' && text[at] !== '}' && identifierAt(text, at) !== 'as') {
      typeOnly = true;
      first = nameAt(text, at);
      if (!first) return null;
      at = skipSpace(text, first.end);
    } else if (first.name === 'type' && identifierAt(text, at) === 'as') {
      // `type as t` names `type`; `type as as t` (a type-only `as`) is too rare to read.
      const after = skipSpace(text, at + 2);
      if (text[after] === ',' || text[after] === '}') return null;
    }
    let here = first.name;
    if (identifierAt(text, at) === 'as') {
      const local = nameAt(text, skipSpace(text, at + 2));
      if (!local) return null;
      here = local.name;
      at = skipSpace(text, local.end);
    }
    if (!typeOnly || types) entries.push({ other: first.name, here });
    if (text[at] === ',') at = skipSpace(text, at + 1);
    else if (text[at] !== '}') return null;
  }
  return { entries, end: at + 1 };
}

/** An import declaration, or an `import('m')` expression, at `index` (the `import` keyword); type-only ones with `types`. */
function readImport(text: string, index: number, types: boolean): TextImport | null {
  let at = skipSpace(text, index + 6);
  const next = text[at];
  if (next === '(') return readCall(text, index, at, 'dynamic');
  const side = stringAt(text, at);
  if (side) return { kind: 'import', specifier: side.value, index, bindings: [], all: false };
  const bindings: TextBinding[] = [];
  let word = identifierAt(text, at);
  if (word === 'type') {
    // `import type X from`, `import type { A } from`, `import type * as T from`: types only. A
    // default import named `type` is followed by `from` or `,`.
    const after = skipSpace(text, at + 4);
    const following = identifierAt(text, after);
    if (text[after] === '{' || text[after] === '*' || (following !== null && following !== 'from')) {
      if (!types) return null;
      at = after;
      word = following !== null ? following : null;
    }
  }
  if (word !== null) {
    at = skipSpace(text, at + word.length);
    // `import a = require('m')`: read at its `require`.
    if (text[at] === '=') return null;
    bindings.push({ name: word, imported: 'default' });
    if (text[at] !== ',') {
      const specifier = fromClauseAt(text, at);
      return specifier === null ? null : { kind: 'import', specifier, index, bindings, all: false };
    }
    at = skipSpace(text, at + 1);
  }
  if (text[at] === '*') {
    at = skipSpace(text, at + 1);
    if (identifierAt(text, at) !== 'as') return null;
    at = skipSpace(text, at + 2);
    word = identifierAt(text, at);
    if (word === null) return null;
    bindings.push({ name: word, imported: '*' });
    at += word.length;
  } else if (text[at] === '{') {
    const list = namedListAt(text, at, types);
    if (!list) return null;
    for (const entry of list.entries) bindings.push({ name: entry.here, imported: entry.other });
    at = list.end;
  } else {
    return null;
  }
  const specifier = fromClauseAt(text, at);
  return specifier === null ? null : { kind: 'import', specifier, index, bindings, all: false };
}

/** `export * from 'm'`, `export * as ns from 'm'` or `export { a as b } from 'm'` at `index` (the `export` keyword); type-only ones with `types`. */
function readReExport(text: string, index: number, types: boolean): TextImport | null {
  let at = skipSpace(text, index + 6);
  if (identifierAt(text, at) === 'type') {
    const after = skipSpace(text, at + 4);
    if (text[after] === '{' || text[after] === '*') {
      if (!types) return null;
      at = after;
    }
  }
  if (text[at] === '*') {
    at = skipSpace(text, at + 1);
    if (identifierAt(text, at) !== 'as') {
      const specifier = fromClauseAt(text, at);
      return specifier === null ? null : { kind: 're-export', specifier, index, bindings: [], all: true };
    }
    const name = nameAt(text, skipSpace(text, at + 2));
    const specifier = name ? fromClauseAt(text, name.end) : null;
    return name && specifier !== null ? { kind: 're-export', specifier, index, bindings: [{ name: name.name, imported: '*' }], all: false } : null;
  }
  if (text[at] !== '{') return null;
  const list = namedListAt(text, at, types);
  const specifier = list ? fromClauseAt(text, list.end) : null;
  if (!list || specifier === null) return null;
  return { kind: 're-export', specifier, index, bindings: list.entries.map((entry) => ({ name: entry.here, imported: entry.other })), all: false };
}

/** A `require('m')` call at `index` (the `require` keyword). */
function readRequire(text: string, index: number): TextImport | null {
  const at = skipSpace(text, index + 7);
  return text[at] === '(' ? readCall(text, index, at, 'require') : null;
}

/** How far before a `require`/`import` call its declaration is looked for (`const { a, b } = `). */
const DECLARATION_REACH = 400;

/**
 * The declaration a load call initializes, ending just before it: `const a = `, `let { a, b: c } = `,
 * `import a = ` (`require` only), with `await ` before an `import()`.
 */
const REQUIRE_DECLARATION = /(?:(?<![\w$])(?:const|let|var)\s+([\w$]+|\{[^{}]*\})|(?<![\w$])import\s+([\w$]+))\s*=\s*$/;
const DYNAMIC_DECLARATION = /(?<![\w$])(?:const|let|var)\s+([\w$]+|\{[^{}]*\})\s*=\s*await\s+$/;

/** The call of `require` or `import` whose `(` is at `open`, with the bindings of the declaration it initializes. */
function readCall(text: string, index: number, open: number, kind: 'require' | 'dynamic'): TextImport | null {
  const string = stringAt(text, skipSpace(text, open + 1));
  if (!string) return null;
  const close = skipSpace(text, string.end);
  // `import('m', { with: ... })` takes options after a comma.
  if (text[close] !== ')' && !(kind === 'dynamic' && text[close] === ',')) return null;
  const load = { kind, specifier: string.value, index, all: false };
  const before = text.slice(Math.max(0, index - DECLARATION_REACH), index);
  const declaration = (kind === 'require' ? REQUIRE_DECLARATION : DYNAMIC_DECLARATION).exec(before);
  const pattern = declaration?.[1] ?? declaration?.[2];
  if (pattern === undefined) return { ...load, bindings: [] };
  // `require('m').b`: the declaration takes one export.
  let member: string | null = null;
  if (kind === 'require' && text[close] === ')') {
    const dot = skipSpace(text, close + 1);
    if (text[dot] === '.') member = identifierAt(text, skipSpace(text, dot + 1));
  }
  if (!pattern.startsWith('{')) return { ...load, bindings: [{ name: pattern, imported: member ?? '*' }] };
  // A destructured member (`const { a } = require('m').b`) names no export of `m`.
  return { ...load, bindings: member === null ? destructuredNames(pattern) : [] };
}

/** The names an object pattern without nesting binds (`{ a, b: c, d = 1, ...rest }`), each with the key it takes; a rest element is left out. */
function destructuredNames(pattern: string): TextBinding[] {
  const bindings: TextBinding[] = [];
  for (const part of pattern.slice(1, -1).split(',')) {
    const entry = part.replace(/\/\*[\s\S]*?\*\/|\/\/[^\n]*/g, '').trim();
    if (entry === '' || entry.startsWith('...')) continue;
    const parsed = /^([\w$]+|'[^']*'|"[^"]*")\s*(?::\s*([\w$]+))?\s*(?:=[\s\S]*)?$/.exec(entry);
    if (!parsed?.[1]) continue;
    const key = parsed[1].replace(/^['"]|['"]$/g, '');
    bindings.push({ name: parsed[2] ?? key, imported: key });
  }
  return bindings;
}
