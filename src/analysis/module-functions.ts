/**
 * What a function of a relative module does, read from that module's text without parsing it
 * (untyped mode; the text is cached per version of the file by `module-exports.ts`). Only a
 * negative answer is given ("waits on nothing"), and only when the declaration is found and its
 * whole body says so; anything unclear answers false, so callers keep assuming real work.
 */
import { builtinModules } from 'node:module';
import { recentStats } from './recent-stats';
import { fromModuleText } from './module-exports';
import { packageNameOf, resolveAliasedModule, resolveProjectModule, resolveWorkspaceModule, type ResolvedModule } from './module-resolution';
import {
  BUILT_IN_VALUE_CONSTRUCTORS,
  EMBEDDED_STORE_PACKAGES,
  ENV_LOADER_MODULES,
  LOCAL_VALUE_PACKAGES,
  FINALIZING_STEP_NAME,
  NETWORK_CALL_ROOTS,
  OUTSIDE_WORLD_MODULES,
  PROCESS_MODULES,
  PROMPT_MODULES,
  USER_DIALOG_METHOD,
  SYNC_CRYPTO_FUNCTIONS,
  SYNC_HOST_MODULES,
  SYNC_VALUE_MODULES,
  VALUE_METHODS,
  WEB_CRYPTO_QUICK_METHODS,
} from '../catalog/effects';
import { NETWORK_CACHE_PACKAGES, NETWORK_DATABASE_PACKAGES } from '../catalog/run-contexts';
import { REMOTE_PACKAGE_SCOPES, REMOTE_PACKAGES } from '../catalog/iteration-evidence';
import { bodyOpenAfterParameters, closingIndex, skipTrivia } from './guarded-bodies';
import { readTextImports, textImportsOf, type TextImport } from './source-imports';

/**
 * A module's text with the loads written in it (`readTextImports`), read on the first question:
 * through `textImportsOf` (once per version of the file) when the text is a module's as
 * `module-exports.ts` keeps it, else from the text itself.
 */
interface ModuleSource {
  readonly text: string;
  imports(): readonly TextImport[];
  /**
   * True when `specifier` names a module of the project from this one: a relative specifier, or a
   * path alias or `#` import that resolves to a file (`resolveAliasedModule`; false when the module's
   * file is not known).
   */
  isProjectModule(specifier: string): boolean;
}

/** A module's text and imports; `file` (default: `module`'s) is where its aliases resolve from. */
function moduleSource(text: string, module: ResolvedModule | null, file: string | null = module?.file ?? null): ModuleSource {
  let imports: readonly TextImport[] | null = null;
  return {
    text,
    imports: () => (imports ??= (module ? textImportsOf(module) : null) ?? readTextImports(text)),
    isProjectModule: (specifier) => specifier.startsWith('./') || specifier.startsWith('../') || (file !== null && resolveAliasedModule(file, specifier) !== null),
  };
}

/** How far `export ... from` chains are followed (a barrel `index.ts` re-exporting a module is one). */
const MAX_RE_EXPORT_HOPS = 2;
/** The longest function body read from a module's text. */
const MAX_BODY_CHARS = 20_000;

/**
 * The text of the body of a top-level function or method named `name` in a module's text: the
 * first declaration found (`function name(`, `name = async (...) =>`, `exports.name = async (...) =>`, `name = function (`,
 * `async name(...) {` of a class or object), past its parameters and return type
 * (`bodyOpenAfterParameters`), from its `{` to the matching `}` (`closingIndex`: strings, templates
 * and comments skipped; at most `MAX_BODY_CHARS` when it does not close), or an arrow's
 * expression to the end of its line. Null when no declaration is found or its shape is not one of
 * these.
 */
function functionBodyText(text: string, name: string): string | null {
  return functionParts(text, name)?.body ?? null;
}

/**
 * `functionBodyText`'s declaration, with the text of its parameter list (without the parentheses;
 * null for one bare arrow parameter, which is then `bare`).
 */
function functionParts(text: string, name: string, throughWrapper = false): FunctionParts | null {
  let byName = partsByText.get(text);
  if (!byName) {
    if (partsByText.size >= MAX_TEXTS_WITH_PARTS) partsByText.clear();
    byName = new Map();
    partsByText.set(text, byName);
  }
  const key = throughWrapper ? `${name}\0wrapped` : name;
  let parts = byName.get(key);
  if (parts === undefined) {
    parts = scanFunctionParts(text, name, throughWrapper);
    byName.set(key, parts);
  }
  return parts;
}

/**
 * `functionParts` answers by text, then by name. Several questions about one module (does it serve
 * a cache, write its arguments, wait, prompt, authenticate...) look for the same declaration, and
 * each look is a regular-expression scan of the whole text. An answer depends on the text alone, so
 * it is kept with it (a text read again after an edit is another key). A settled exception to "no
 * module-level state" (see CONTRIBUTING): each `--concurrency` worker has its own map.
 */
const partsByText = new Map<string, Map<string, FunctionParts | null>>();

/** Texts beyond this are dropped all at once (a long editor session over a very large tree). */
const MAX_TEXTS_WITH_PARTS = 2000;

/** `functionParts`, computed: the declaration of `name` found by one scan of `text`. */
function scanFunctionParts(text: string, name: string, throughWrapper: boolean): FunctionParts | null {
  // Every form below writes the name itself: a text without it (a barrel that re-exports the
  // declaration with `export *`) is answered without a scan of every offset.
  if (!text.includes(name)) return null;
  const escaped = name.replace(/[$]/g, '\\$');
  const declaration = new RegExp(
    String.raw`\bfunction\s*\*?\s*${escaped}\s*(?=[<(])|(?:^|[\s,{;]|\bexports\.)${escaped}\s*(?::[^=;\n]*)?=\s*(?:async\b\s*)?(?:function\b[^(]*)?(?=[(\w$])|^[ \t]*(?:(?:public|private|protected|static|async|override)\s+)*${escaped}\s*(?=\()`,
    'm',
  );
  const match = declaration.exec(text);
  if (!match) return null;
  let index = match.index + match[0].length;
  // `name = cache(async (id) => ...)`: with `throughWrapper`, the function handed to the wrapper.
  if (throughWrapper && text[index] !== '(') index += WRAPPED_FUNCTION.exec(text.slice(index, index + 200))?.[0].length ?? 0;
  // Type parameters, then the parameter list (or one bare arrow parameter).
  if (text[index] === '<') index = skipTypeParameters(text, index);
  if (index < 0) return null;
  let open: number;
  let parameters: string | null;
  if (text[index] === '(') {
    const paramClose = closingIndex(text, index);
    parameters = paramClose === -1 ? null : text.slice(index + 1, paramClose);
    open = bodyOpenAfterParameters(text, index);
    if (open === -1) {
      const expression = arrowExpressionText(text, index);
      return expression === null ? null : { parameters, body: expression };
    }
  } else {
    // `name = async value => ...`: one bare parameter, then the arrow.
    const bare = /^([\w$]+)\s*=>\s*/.exec(text.slice(index, index + 200));
    if (!bare) return null;
    parameters = bare[1] ?? null;
    open = index + bare[0].length;
    if (text[open] !== '{') return { parameters, body: lineFrom(text, open) };
  }
  let close = closingIndex(text, open);
  // `(): { id: string } {`: the first braces were an object type; the body follows.
  const next = close === -1 ? -1 : skipTrivia(text, close + 1);
  if (next !== -1 && text[next] === '{') {
    open = next;
    close = closingIndex(text, open);
  }
  return { parameters, body: text.slice(open, close === -1 ? Math.min(text.length, open + MAX_BODY_CHARS) : close + 1) };
}

/**
 * A call handed a function written in place, up to that function's parameters: `cache(async `,
 * `withRetry(function (`, `memoize(id => `; not `withRetry(load)`, whose body is elsewhere.
 */
const WRAPPED_FUNCTION = /^[\w$.]+\s*\(\s*(?:async\b\s*)?(?:function\b[^(]*)?(?=\(|[\w$]+\s*=>)/;

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

/** A function declaration's parameter list (without the parentheses; null when not read) and body text. */
export interface FunctionParts {
  readonly parameters: string | null;
  readonly body: string;
}

/** `functionParts` of the declaration of `name` (`default`: its body only) in a module's own text, or null. */
function ownFunctionParts(text: string, name: string, throughWrapper = false): FunctionParts | null {
  if (name !== 'default') return functionParts(text, name, throughWrapper);
  const match = DEFAULT_FUNCTION.exec(text);
  const open = match ? text.indexOf('{', match.index + match[0].length) : -1;
  const body = open === -1 ? null : functionBodyText(`function f() ${text.slice(open)}`, 'f');
  return body === null ? null : { parameters: null, body };
}

/** What `fromExportedDeclaration` keeps with one module: `derive` of its own declaration, or that it has none. */
type OwnAnswer<T> = { readonly declared: false } | { readonly declared: true; readonly value: T };

/**
 * `derive` of the first declaration of `name` (`default` included) found in a module or, when it
 * declares none, in the modules it re-exports it from (`export * from`, `export { a as name } from`: followed as `a`; at most
 * `MAX_RE_EXPORT_HOPS` deep, in order); null when none is found or a module cannot be read. Each
 * module's own answer is kept with its text, under `key` (one per version of the file); the
 * re-exports are resolved and asked again at every question, so an edit of a re-exported module,
 * or one added later, is seen while the barrel is unchanged.
 */
function fromExportedDeclaration<T>(
  resolved: ResolvedModule,
  name: string,
  key: string,
  derive: (parts: FunctionParts, text: string, module: ResolvedModule) => T,
  hops = 0,
  throughWrapper = false,
): T | null {
  const { file, stats } = resolved;
  const own = fromModuleText(
    file,
    `${key}:${name}`,
    (text): OwnAnswer<T> => {
      const parts = ownFunctionParts(text, name, throughWrapper);
      return parts === null ? { declared: false } : { declared: true, value: derive(parts, text, resolved) };
    },
    stats,
  );
  if (own === null) return null;
  if (own.declared) return own.value;
  if (hops >= MAX_RE_EXPORT_HOPS) return null;
  for (const load of textImportsOf(resolved) ?? []) {
    if (load.kind !== 're-export') continue;
    // `export * from './x'` passes on every name but `default`; `export { a as b } from './x'` is `a` of `./x`.
    const there = load.all ? (name === 'default' ? null : name) : (load.bindings.find((binding) => binding.name === name && binding.imported !== '*')?.imported ?? null);
    if (there === null) continue;
    const next = resolveProjectModule(file, load.specifier);
    const found = next ? fromExportedDeclaration(next, there, key, derive, hops + 1, throughWrapper) : null;
    if (found !== null) return found;
  }
  return null;
}

/**
 * `derive` of the declaration of the function `name` (`default` included) of a module (its
 * parameter list and body text, see `functionParts`), found as `fromExportedDeclaration` finds it
 * and kept with the module's text under `key`; null when no declaration is found. For questions
 * whose answer reads the declaration whole (`FileEffects.servesCacheElsewhere` parses it).
 * `derive` also gets the text and file of the module that declares it (past a barrel's re-exports).
 * `throughWrapper` also takes the function a declaration hands to a call (`const getPost =
 * cache(async (id) => ...)`) for the declared one: for questions about what the function reaches.
 */
export function fromModuleFunction<T>(
  resolved: ResolvedModule,
  name: string,
  key: string,
  derive: (parts: FunctionParts, text: string, module: ResolvedModule) => T,
  { throughWrapper = false }: { readonly throughWrapper?: boolean } = {},
): T | null {
  return fromExportedDeclaration(resolved, name, key, derive, 0, throughWrapper);
}

/** The parameters and body of the function `name` declared in a module's `text` (exported or not: `functionParts`), or null. */
export function declaredFunctionParts(text: string, name: string): FunctionParts | null {
  return functionParts(text, name);
}

/** The body text of the function `name` declared in a module's `text` (exported or not: `functionBodyText`), or null. */
export function declaredFunctionBody(text: string, name: string): string | null {
  return functionBodyText(text, name);
}

/**
 * True when the function body `body` (text, braces included) ends by returning a promise on which
 * it has itself put a rejection handler: its last statement is `return <name or member>` and an
 * earlier part of the body chains `.catch(` on that same name (`task.promise.catch(() =>
 * {}).finally(cleanup); return task.promise;`); or its last statement returns a call of another
 * function declared in the module's `text` whose body does so (`return waitWithCleanup(emitter,
 * event)`; `depth` such steps). The promise may still reject for its caller, but never unhandled:
 * a caller that holds it while it awaits something else loses no error.
 */
export function bodyReturnsHandledPromise(body: string, text: string, depth = 1): boolean {
  // The body's last `return`, read to the body's end: it must be the last statement.
  let start = -1;
  for (const found of body.matchAll(/\breturn\b/g)) start = found.index;
  if (start === -1) return false;
  // A call's arguments hold no `;`: a `return helper(a); }); }` that ends a nested callback is no result of the body.
  const last = /^return\s+([\w$]+(?:\s*\.\s*[\w$]+)*)\s*(\([^;]*\))?\s*;?\s*\}\s*$/.exec(body.slice(start));
  if (!last?.[1]) return false;
  const returned = last[1].replace(/\s+/g, '');
  if (last[2] !== undefined) {
    // `return helper(...)`: a function of the same module, one step at a time.
    if (depth <= 0 || returned.includes('.')) return false;
    const inner = declaredFunctionBody(text, returned);
    return inner !== null && inner !== body && bodyReturnsHandledPromise(inner, text, depth - 1);
  }
  const escaped = returned.replace(/[$.]/g, (character) => `\\${character}`).replace(/\\\./g, '\\s*\\.\\s*');
  return new RegExp(`(?:^|[^\\w$.])${escaped}\\s*\\.\\s*catch\\s*\\(`).test(body.slice(0, start));
}

/** `bodyReturnsHandledPromise` of the function `name` of a relative module (`resolved`), kept with the module's text. */
export function moduleFunctionReturnsHandledPromise(resolved: ResolvedModule, name: string): boolean {
  return fromModuleFunction(resolved, name, 'returnsHandledPromise', (parts, text) => bodyReturnsHandledPromise(parts.body, text)) ?? false;
}

/** The body text of `name` (`default` included) in a module, followed through `export ... from` (see `fromExportedDeclaration`). */
function exportedBodyText(resolved: ResolvedModule, name: string): string | null {
  return fromExportedDeclaration(resolved, name, 'body', (parts) => parts.body);
}

/**
 * The positions of the parameters whose members the function `name` of a relative module
 * (`file`, resolved) assigns, read from its declaration's text (`functionParts`): `i.version =
 * await fetchVersion(i.ref)` writes a member of its parameter `i`. A caching fetcher that keeps
 * its result on the object it is handed is such a function: a later call handed the same object
 * may read what it stored. Simple parameter names only (a destructured or defaulted parameter
 * keeps its position but is not followed); empty when the declaration is not found.
 */
export function moduleFunctionWrittenParameters(resolved: ResolvedModule, name: string): readonly number[] {
  return (
    fromExportedDeclaration(resolved, name, 'writtenParameters', ({ parameters, body }) => {
      if (parameters === null) return [];
      const written: number[] = [];
      splitParameters(parameters).forEach((parameter, index) => {
        const simple = /^(?:(?:public|private|protected|readonly)\s+)*([\w$]+)\s*[?]?\s*(?::|=|$)/.exec(parameter.trim());
        const parameterName = simple?.[1];
        if (parameterName === undefined) return;
        const escaped = parameterName.replace(/[$]/g, '\\$');
        if (new RegExp(String.raw`(?<![\w$.])${escaped}\s*(?:\.\s*[\w$]+|\[[^\]\n]+\])+\s*(?:[-+*/%&|^]|\?\?|&&|\|\|)?=(?![=>])`).test(body)) {
          written.push(index);
        }
      });
      return written;
    }) ?? []
  );
}

/**
 * True when the function `name` of a relative module (`file`, resolved) is a caching fetcher on
 * the object it is handed, read from its declaration's text: it fills a member of a parameter only
 * when missing and returns it (`if (!spec.version) { spec.version = await fetchVersion(spec.ref); }
 * return spec.version;`, or `spec.version ??= await ...; return spec.version;`). Once an earlier
 * step has asked for the same object, it answers from memory.
 */
export function moduleFunctionCachesOnArgument(resolved: ResolvedModule, name: string): boolean {
  return (
    fromExportedDeclaration(resolved, name, 'cachesOnArgument', ({ parameters, body }) => {
      if (parameters === null) return false;
      return splitParameters(parameters).some((parameter) => {
        const parameterName = /^(?:(?:public|private|protected|readonly)\s+)*([\w$]+)/.exec(parameter.trim())?.[1];
        if (parameterName === undefined) return false;
        const p = parameterName.replace(/[$]/g, '\\$');
        for (const match of body.matchAll(new RegExp(String.raw`return\s+(?:await\s+)?${p}\.([\w$]+)\s*[;}\n]`, 'g'))) {
          const member = (match[1] ?? '').replace(/[$]/g, '\\$');
          const missing = new RegExp(String.raw`if\s*\(\s*!\s*${p}\.${member}\s*\)|(?<![\w$.])${p}\.${member}\s*\?\?=`);
          if (missing.test(body)) return true;
        }
        return false;
      });
    }) ?? false
  );
}

/**
 * True when the declaration of the function `name` of a relative module (`resolved`) calls a step
 * named for finalising (`FINALIZING_STEP_NAME`: `await finalizeSchema();`, `registry.finalize()`)
 * in its own text: it seals state that earlier steps registered. False when not found.
 */
export function moduleFunctionFinalizes(resolved: ResolvedModule, name: string): boolean {
  return (
    fromExportedDeclaration(resolved, name, 'finalizes', ({ body }) => {
      if (!/finali[sz]e/.test(body)) return false;
      for (const called of body.matchAll(CALLED_NAME)) if (FINALIZING_STEP_NAME.test(called[2] ?? '')) return true;
      return false;
    }) ?? false
  );
}

/**
 * A read of one fixed entry of a store, by its text: a `get`/`getItem` call (`STORE_READ_METHODS`)
 * on a receiver written as a name or a chain of names, whose first argument is a string literal
 * or a constant's name (`downloads.get('queue', [])`, `this.storage.getItem(SIZE_KEY)`).
 */
const FIXED_ENTRY_READ = /([\w$]+(?:\s*\.\s*[\w$]+)*)\s*\.\s*(?:get|getItem)\s*\(\s*('[^'\n]*'|"[^"\n]*"|`[^`$\n]*`|[A-Z][A-Z0-9_]*\b)/g;

/**
 * True when a function body's text reads one fixed entry of a store (`FIXED_ENTRY_READ`) into a
 * `const`, then awaits, then writes the same entry of the same store with a value that reads that
 * `const` (`set`/`setItem` on the same receiver with the same key: `const queue = store.get('queue',
 * []); ... await lookUp(item); ... store.set('queue', queue)`): a read-modify-write across a
 * pause, whether the read itself waits or not. A memo filled when missing (`let token =
 * cache.get(KEY); if (!token) { token = await login(); cache.set(KEY, token); }`) is none. Two calls running at once both read the old value, and the later write drops what the
 * other added.
 */
export function bodyRewritesStoredEntry(body: string): boolean {
  if (!/\b(?:set|setItem)\s*\(/.test(body) || !/\bawait\b/.test(body)) return false;
  for (const read of body.matchAll(FIXED_ENTRY_READ)) {
    const receiver = (read[1] ?? '').replace(/\s+/g, '');
    const key = read[2] ?? '';
    // The read is held in a `const` (`const queue = store.get('queue', [])`): a `let` filled again
    // when missing (`let token = cache.get(KEY); if (!token) token = await login();`) is a memo.
    const holder = /\bconst\s+([\w$]+)\s*(?::[^=;\n]*)?=\s*$/.exec(body.slice(Math.max(0, (read.index ?? 0) - 200), read.index ?? 0))?.[1];
    if (holder === undefined) continue;
    const pause = body.slice((read.index ?? 0) + read[0].length).search(/\bawait\b/);
    if (pause === -1) continue;
    const after = body.slice((read.index ?? 0) + read[0].length + pause);
    const escape = (text: string): string => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
    const receiverPattern = receiver.split('.').map(escape).join('\\s*\\.\\s*');
    // The value written back is computed from what was read (`store.set('queue', queue)`, `n + 1`).
    const written = new RegExp(String.raw`(?<![\w$.])${receiverPattern}\s*\.\s*(?:set|setItem)\s*\(\s*${escape(key)}\s*,([^\n]*)`).exec(after)?.[1];
    if (written !== undefined && new RegExp(String.raw`(?<![\w$.])${escape(holder)}\b`).test(written)) return true;
  }
  return false;
}

/** `bodyRewritesStoredEntry` of the declaration of the function `name` of a module (`resolved`); false when not found. */
export function moduleFunctionRewritesStoredEntry(resolved: ResolvedModule, name: string): boolean {
  return fromExportedDeclaration(resolved, name, 'rewritesStoredEntry', ({ body }) => bodyRewritesStoredEntry(body)) ?? false;
}

/**
 * A command line handed to a call, by its text: a program's name as a string literal, then an
 * array literal of its arguments (`shell.cmdinfo('git', ['--version'])`, `spawn('tar', [...])`,
 * `execa('npm', ['install'])`), the shape every process helper takes.
 */
const COMMAND_LINE_CALL = /[\w$]\s*\(\s*(['"`])[\w.@/-]+\1\s*,\s*\[/;

/**
 * True when the declaration of the function `name` of a module (`resolved`) runs a command, by its
 * own text (`COMMAND_LINE_CALL`): `isGitInstalled({ shell })` whose body asks
 * `shell.cmdinfo('git', ['--version'])`. False when not found.
 */
export function moduleFunctionRunsCommand(resolved: ResolvedModule, name: string): boolean {
  return fromExportedDeclaration(resolved, name, 'runsCommand', ({ body }) => COMMAND_LINE_CALL.test(body)) ?? false;
}

/** A file write by a fixed path: the call, and its first argument when that is a name or a call of one without arguments (`AUTH_FILE()`). */
const FIXED_FILE_WRITE = /(?<![\w$])(?:writeFileSync|writeFile|appendFileSync|appendFile|outputFileSync|outputFile|writeJsonSync|writeJson|writeJSONSync|writeJSON|outputJsonSync|outputJson)\s*\(\s*([\w$]+(?:\s*\(\s*\))?)\s*[,)]/g;

/** A file read by a fixed path (see `FIXED_FILE_WRITE`). */
const FIXED_FILE_READ = /(?<![\w$])(?:readFileSync|readFile|readJsonSync|readJson|readJSONSync|readJSON)\s*\(\s*([\w$]+(?:\s*\(\s*\))?)\s*[,)]/g;

/** The files a function writes and reads by a path its module names (see `moduleFunctionFixedFiles`). */
export interface FixedFiles {
  readonly writes: readonly string[];
  readonly reads: readonly string[];
}

/**
 * The files the function `name` of a module (`resolved`) writes and reads in its own text by a
 * path that a name of its module holds: the first argument of a file write (`writeFileSync`,
 * `writeFile`, `appendFile`, `outputJson`, ...) or read (`readFileSync`, `readFile`, `readJson`)
 * that is a name, or a call of one without arguments (`writeFileSync(AUTH_FILE_PATH(), json)`),
 * that the module declares at its top level (`const AUTH_FILE = ...`, `function AUTH_FILE_PATH(`,
 * on a line of its own, not indented) or imports, and that is no parameter of the function. A
 * callback's parameter (`(file) => writeFileSync(file, ...)`) or a local names whatever file each
 * call is handed. Each is given as `<declaring module>\0<the name as written>`, so two functions of
 * one module that name the same path meet; a function of another module, even one naming a constant
 * of the same name, does not. Empty when the declaration is not found.
 */
export function moduleFunctionFixedFiles(resolved: ResolvedModule, name: string): FixedFiles {
  return (
    fromExportedDeclaration(resolved, name, 'fixedFiles', ({ parameters, body }, text, module) => {
      const own = new Set(
        splitParameters(parameters ?? '')
          .map((parameter) => /^(?:\.\.\.)?(?:(?:public|private|protected|readonly)\s+)*([\w$]+)/.exec(parameter.trim())?.[1])
          .filter((parameter): parameter is string => parameter !== undefined),
      );
      const imported = new Set((textImportsOf(module) ?? []).flatMap((load) => (load.kind === 're-export' ? [] : load.bindings.map((binding) => binding.name))));
      const heldByModule = (root: string): boolean =>
        imported.has(root) ||
        new RegExp(String.raw`^(?:export\s+)?(?:(?:const|let|var)\s+|(?:async\s+)?function\s*\*?\s*)${root.replace(/[$]/g, '\\$')}(?![\w$])`, 'm').test(text);
      const paths = (pattern: RegExp): string[] => {
        const found = new Set<string>();
        for (const match of body.matchAll(pattern)) {
          const path = (match[1] ?? '').replace(/\s+/g, '');
          const root = /^[\w$]+/.exec(path)?.[0] ?? '';
          if (!own.has(root) && heldByModule(root)) found.add(`${module.file}\0${path}`);
        }
        return [...found];
      };
      return { writes: paths(FIXED_FILE_WRITE), reads: paths(FIXED_FILE_READ) };
    }) ?? { writes: [], reads: [] }
  );
}

/** A parameter list's text split at its top-level commas (type arguments, defaults and patterns kept whole). */
function splitParameters(list: string): string[] {
  const parts: string[] = [];
  let depth = 0;
  let start = 0;
  for (let index = 0; index < list.length; index += 1) {
    const char = list[index];
    if (char === '(' || char === '[' || char === '{' || char === '<') depth += 1;
    else if ((char === ')' || char === ']' || char === '}' || char === '>') && list[index - 1] !== '=') depth -= 1;
    else if (char === ',' && depth === 0) {
      parts.push(list.slice(start, index));
      start = index + 1;
    }
  }
  if (list.slice(start).trim() !== '') parts.push(list.slice(start));
  return parts;
}

/**
 * An `await` of a value at hand: a name or a member chain that ends its expression (`await ready;`,
 * `(await this.loaded)`, `await table as T`), never called, indexed or given type arguments.
 * A line break ends it only when the next line does not go on with the chain: `await client` then
 * `.get(url)` on the next line (how formatters break long chains) is a call of the client.
 */
const VALUE_AWAIT = /^[\w$]+(?:\??\.[\w$]+)*(?=[ \t]*(?:[;,)\]}]|$|as\b|\r?\n(?!\s*(?:\??\.|[([`<]))))/;
/** The expression of each `return` (to the end of its statement or line). */
const RETURN_EXPRESSION = /\breturn\b([^;\n]*)/g;
/** Called names in a text, with the name before a `.` when there is one: `parts` and `join` in `parts.join('-')`, `String` in `String(n)`. */
const CALLED_NAME = /(?:([\w$]+)\s*\.\s*)?([\w$]+)\s*\(/g;
/**
 * A call handed the text of a question as its first argument, a string or template on one line
 * ending in a word and `?` (`hux.confirm('Enable review apps?')`, `` ask(`Remove ${name}?`) ``).
 */
const QUESTION_CALL = /[\w$]\s*\(\s*(?:'[^'\n]*[A-Za-z]\?\s*'|"[^"\n]*[A-Za-z]\?\s*"|`[^`\n]*[A-Za-z]\?\s*`)\s*[,)]/;
/**
 * Calls with type arguments, with the name before a `.` when there is one (as `CALLED_NAME`):
 * `tree` and `pickNode` in `tree.pickNode<T>(kind)`, `inquirer` and `prompt` in
 * `inquirer.prompt<{ token: string }>([...])`. The type arguments may span lines and hold one level
 * of parentheses or angle brackets (`<{ mode: (typeof modes)[number] }>`, `<Array<string>>`).
 */
const TYPED_CALLED_NAME = /(?:([\w$]+)\s*\.\s*)?([\w$]+)\s*<(?:[^<>()]|\([^()]*\)|<[^<>()]*>)*>\s*\(/g;
/** Functions that compute from memory, besides `VALUE_METHODS`: conversions and `Math`/`Array`/`Object` helpers. */
const VALUE_FUNCTIONS: ReadonlySet<string> = new Set(['String', 'Number', 'Boolean', 'floor', 'ceil', 'round', 'random', 'min', 'max', 'abs', 'keys', 'values', 'entries', 'from', 'isArray', 'map', 'filter']);

/**
 * The local names a module's text binds to a built-in module that computes values in place
 * (`SYNC_VALUE_MODULES`) or answers about the host synchronously (`SYNC_HOST_MODULES`: `os`): `path` of `import path from 'node:path'`, `pathLib` of `import * as
 * pathLib from 'path'`, `basename` of `import { basename } from 'path'` (an alias's local name),
 * and the same through `require` and an awaited `import()` (see `TextImport`).
 */
function valueModuleNamesOf(source: ModuleSource): ReadonlySet<string> {
  const names = new Set<string>();
  const text = source.text;
  if (!text.includes('path') && !text.includes('url') && !text.includes('querystring') && !text.includes('os')) return names;
  for (const load of source.imports()) {
    if (load.kind === 're-export' || (!SYNC_VALUE_MODULES.has(load.specifier) && !SYNC_HOST_MODULES.has(load.specifier))) continue;
    for (const binding of load.bindings) names.add(binding.name);
  }
  return names;
}

/**
 * True when the function `name` of a module (`resolved`: a relative module, or a source file of a
 * package of the same workspace) waits on nothing, read from the body of its declaration in the
 * module's text (see `functionBodyText`, `ownWait`): every `await` and `return` of it is of a
 * value at hand (`await ready`), a module loaded by a fixed name (`await import('uncrypto')`: the
 * module cache answers), a quick WebCrypto operation (`await subtle.digest('SHA-256', bytes)`,
 * `WEB_CRYPTO_QUICK_METHODS`), a value computed in place (`parts.join('-')`, `new Uint8Array(b)`,
 * `Promise.resolve(crypto.getRandomValues(b))`), or a call of a function that waits on nothing in
 * turn: one the same module declares, or one it imports from a relative module or a workspace
 * package (`return await digestKey(parts.join('-'))`), followed at most `MAX_WAIT_DEPTH` functions
 * deep. An `async` helper that serialises, hashes or builds a value is such a function. A body
 * that cannot be found, an arrow whose expression calls anything, a `.then`, a `yield`, a `new
 * Promise`, or any other awaited or returned call gives false.
 */
export function moduleFunctionWaitsOnNothing(resolved: ResolvedModule, name: string): boolean {
  return followedWaitsOnNothing(resolved, name, 0, new Set([`${resolved.file}\0${name}`]));
}

/** `while (true) {` / `while (1) {` / `for (;;) {`: the head of a loop with no exit condition. */
const ENDLESS_LOOP_HEAD = /\b(?:while\s*\(\s*(?:true|1)\s*\)|for\s*\(\s*;\s*;\s*\))\s*\{/;

/** Where a nested function's block body opens: `=> {` or `function name(...) {`. */
const NESTED_FUNCTION_OPEN = /=>\s*\{|\bfunction\b[^{};]*\{/g;

/** `text` without the block bodies of the functions written inside it (their `return`s are their own). */
function withoutNestedFunctionBodies(text: string): string {
  let kept = '';
  let from = 0;
  NESTED_FUNCTION_OPEN.lastIndex = 0;
  for (let match = NESTED_FUNCTION_OPEN.exec(text); match; match = NESTED_FUNCTION_OPEN.exec(text)) {
    if (match.index < from) continue;
    const open = match.index + match[0].length - 1;
    const close = closingIndex(text, open);
    if (close === -1) return kept + text.slice(from);
    kept += text.slice(from, open + 1);
    from = close;
    NESTED_FUNCTION_OPEN.lastIndex = close;
  }
  return kept + text.slice(from);
}

/**
 * True when a function body's text (from its `{` to its `}`) ends in a loop with no exit
 * condition (`ENDLESS_LOOP_HEAD`) that contains no `break` and no `return` of its own (those of
 * functions written inside it do not count): once it reaches the loop the function never returns
 * (a polling worker's loop), so its promise settles only by rejecting. An early `return` before the
 * loop (`if (!enabled) return;`) leaves that true for every call that gets to it.
 */
export function bodyRunsForever(body: string): boolean {
  const head = ENDLESS_LOOP_HEAD.exec(body);
  if (!head) return false;
  const open = head.index + head[0].length - 1;
  const close = closingIndex(body, open);
  if (close === -1) return false;
  if (/\b(?:break|return)\b/.test(withoutNestedFunctionBodies(body.slice(open + 1, close)))) return false;
  return /^\s*\}?\s*$/.test(body.slice(close + 1));
}

/** True when the function `name` of a relative module runs forever once started (`bodyRunsForever` of its declaration's text). */
export function moduleFunctionRunsForever(resolved: ResolvedModule, name: string): boolean {
  return fromExportedDeclaration(resolved, name, 'runsForever', (parts) => bodyRunsForever(parts.body)) === true;
}

/**
 * `moduleFunctionWaitsOnNothing`'s reading of one declaration: its body text and the text of the
 * module it is in (for the names that module binds and imports), and that module's file when
 * known (to follow its imports; null: only its own declarations are followed). Typed mode hands it
 * the declaration the checker found.
 */
export function bodyWaitsOnNothing(body: string | null, text: string, file: string | null = null): boolean {
  const source = moduleSource(text, null, file);
  const own = ownWait(body, source);
  if (own.kind === 'io') return false;
  // The file's real stats, so its text is the one `module-exports.ts` keeps (one `stat`, then cache hits).
  let module: ResolvedModule | null = null;
  const stats = file === null ? null : recentStats(file);
  if (file !== null && stats) module = { file, stats };
  const seen = new Set<string>();
  return own.callees.every((callee) => calleeWaitsOnNothing(callee, module, source, 1, seen));
}

/** How many functions deep `moduleFunctionWaitsOnNothing` follows the calls a body awaits or returns. */
const MAX_WAIT_DEPTH = 4;

/**
 * A function a body awaits or returns the result of, to be read in turn: `local`, declared in the
 * same module; `import`, a binding the module imports (`name` as that module exports it:
 * `default` for a default import).
 */
type Callee = { readonly kind: 'local'; readonly name: string } | { readonly kind: 'import'; readonly specifier: string; readonly name: string };

/** What one declaration's own text says it waits on: maybe real work (`io`), or nothing but what its `callees` wait on. */
type OwnWait = { readonly kind: 'io' } | { readonly kind: 'callees'; readonly callees: readonly Callee[] };

const OWN_IO: OwnWait = { kind: 'io' };

/** `followedWaitsOnNothing` of one callee of a body read from `module` (null: its file is unknown; `source` is its text). */
function calleeWaitsOnNothing(callee: Callee, module: ResolvedModule | null, source: ModuleSource, depth: number, seen: Set<string>): boolean {
  if (depth > MAX_WAIT_DEPTH) return false;
  if (callee.kind === 'local') {
    if (module === null) {
      // Only this text: its own declaration, without following its imports.
      const parts = ownFunctionParts(source.text, callee.name);
      const own = ownWait(parts?.body ?? null, source);
      if (own.kind === 'io' || seen.has(`\0${callee.name}`)) return own.kind !== 'io';
      seen.add(`\0${callee.name}`);
      return own.callees.every((next) => next.kind === 'local' && calleeWaitsOnNothing(next, null, source, depth + 1, seen));
    }
    const key = `${module.file}\0${callee.name}`;
    if (seen.has(key)) return true;
    seen.add(key);
    return followedWaitsOnNothing(module, callee.name, depth, seen);
  }
  if (module === null) return false;
  const target = resolveProjectModule(module.file, callee.specifier) ?? resolveWorkspaceModule(module.file, callee.specifier);
  if (target === null) return false;
  const key = `${target.file}\0${callee.name}`;
  if (seen.has(key)) return true;
  seen.add(key);
  return followedWaitsOnNothing(target, callee.name, depth, seen);
}

/**
 * True when the declaration of `name` found from `resolved` (through `export ... from` too) waits
 * on nothing by its own text, and so does each function it awaits or returns the result of (a
 * recursion contributes nothing more: `seen`).
 */
function followedWaitsOnNothing(resolved: ResolvedModule, name: string, depth: number, seen: Set<string>): boolean {
  const found = fromExportedDeclaration(resolved, name, 'ownWait', (parts, text, module) => {
    const source = moduleSource(text, module);
    return { own: ownWait(parts.body, source, parts.parameters), module, source };
  });
  if (found === null || found.own.kind === 'io') return false;
  return found.own.callees.every((callee) => calleeWaitsOnNothing(callee, found.module, found.source, depth + 1, seen));
}

/** `await import('uncrypto')`: a module loaded by a fixed name; after the first load the module cache answers. */
const FIXED_IMPORT = /^import\s*\(\s*(['"`])[^'"`]+\1\s*\)/;

/** The callee of an awaited call: a name, or a chain of names (`crypto.subtle.digest`), with optional type arguments, up to its `(`. */
const AWAITED_CALL = /^((?:[\w$]+\s*\??\.\s*)*)([\w$]+)\s*(?:<[^<>()]*>\s*)?\(/;

/**
 * What one called name in an awaited or returned expression is: `value`, computed in place (a
 * value method or function, a built-in constructor, a function of a built-in value module,
 * `Promise.resolve`, a quick WebCrypto operation, `crypto.getRandomValues`); `follow`, a plain
 * function name whose declaration decides; `io` otherwise (a method of some object).
 */
function calledKind(object: string | undefined, name: string, valueModuleNames: ReadonlySet<string>, awaited: boolean): 'value' | 'follow' | 'io' {
  if (object === undefined) {
    if (valueModuleNames.has(name)) return 'value';
    // `Math.random().toString(36)`: a value method on a computed value has no name before its `.`.
    if (!awaited && (VALUE_FUNCTIONS.has(name) || VALUE_METHODS.has(name) || BUILT_IN_VALUE_CONSTRUCTORS.has(name))) return 'value';
    return 'follow';
  }
  if (valueModuleNames.has(object)) return 'value';
  // A method name alone says nothing of its receiver when the call is awaited or its promise
  // kept (`await redis.keys(pattern)`, `await socket.join(room)`): only returned values.
  if (!awaited && (VALUE_METHODS.has(name) || VALUE_FUNCTIONS.has(name))) return 'value';
  if (object === 'Promise' && name === 'resolve') return 'value';
  if (object === 'subtle' && WEB_CRYPTO_QUICK_METHODS.has(name)) return 'value';
  if (object === 'crypto' && SYNC_CRYPTO_FUNCTIONS.has(name)) return 'value';
  return 'io';
}

/**
 * What a declaration's own body waits on, by its text (see `moduleFunctionWaitsOnNothing`): `io`
 * when something it awaits or returns may be real work; otherwise the plain functions it awaits
 * or returns the result of, each found as a declaration of the module's text or one of its
 * imports (a name that is neither, or a parameter of the declaration, is `io`).
 */
function ownWait(body: string | null, source: ModuleSource, parameters: string | null = null): OwnWait {
  if (body === null || !body.trimStart().startsWith('{')) return OWN_IO;
  if (/\.then\s*\(|\byield\b|\bnew\s+Promise\b/.test(body)) return OWN_IO;
  const valueModuleNames = valueModuleNamesOf(source);
  const followed = new Set<string>();
  // Methods of an imported class or namespace (`Crypto.sha256`), read in the module they come from.
  const memberCallees: Callee[] = [];
  /** False when the called name is neither computed in place nor a function to follow. */
  const consider = (object: string | undefined, name: string, awaited = false): boolean => {
    let kind = calledKind(object, name, valueModuleNames, awaited);
    // `return redis.keys(pattern)`: a value method's name on an imported client says nothing; the
    // async function adopts the promise of its round trip. A client is an object imported from a
    // module of the project (`./redis-client`) or from a database or cache package; an object of
    // any other package (lodash's `_.filter`, ramda's `R.keys`) computes the value in place.
    if (kind === 'value' && object !== undefined && !valueModuleNames.has(object) && (VALUE_METHODS.has(name) || VALUE_FUNCTIONS.has(name))) {
      const imported = importedBinding(source, object) ?? namespaceImportOf(source, object);
      const specifier = imported?.specifier;
      if (specifier !== undefined && (source.isProjectModule(specifier) || NETWORK_DATABASE_PACKAGES.has(packageNameOf(specifier)) || NETWORK_CACHE_PACKAGES.has(packageNameOf(specifier)))) kind = 'io';
    }
    if (kind === 'follow') followed.add(name);
    if (kind === 'io' && object !== undefined) {
      // `this.toHex(bytes)`: a method the same text declares (the class's own helper), read in turn.
      if (object === 'this' && ownFunctionParts(source.text, name) !== null) {
        followed.add(name);
        return true;
      }
      // `Crypto.sha256(json)`, `hashes.digest(s)`: a static method of a class, or a function of a
      // namespace, that the module imports from the project's own code: its declaration there decides.
      const imported = importedBinding(source, object) ?? namespaceImportOf(source, object);
      if (imported !== null && source.isProjectModule(imported.specifier)) {
        memberCallees.push({ kind: 'import', specifier: imported.specifier, name });
        return true;
      }
    }
    return kind !== 'io';
  };
  /** False when a local `name` holds a promise a call made (`pending = readFile(p)`) that is not computed in place. */
  const heldCallsOk = (name: string): boolean => {
    const escaped = name.replace(/[$]/g, '\\$');
    const assigned = new RegExp(String.raw`(?<![\w$.])${escaped}\s*(?::[^=;\n]*)?=(?![=>])\s*(?!await\b)((?:[\w$]+\s*\??\.\s*)*)([\w$]+)\s*(?:<[^<>()]*>\s*)?\(`, 'g');
    for (const held of body.matchAll(assigned)) {
      const chain = (held[1] ?? '').split('.').map((part) => part.replace(/[\s?]/g, '')).filter(Boolean);
      if (!consider(chain.at(-1), held[2] ?? '', true)) return false;
    }
    return true;
  };
  for (const match of body.matchAll(RETURN_EXPRESSION)) {
    const expression = match[1] ?? '';
    const returnedName = /^\s*([\w$]+)\s*$/.exec(expression)?.[1];
    if (returnedName !== undefined && !heldCallsOk(returnedName)) return OWN_IO;
    // `return handlers[kind]()`, `return make(a)(b)`: a function picked at run time (a member by a
    // computed key, what a call returns) runs; what it waits on is not read here.
    if (/[\])]\s*(?:\?\.\s*)?\(/.test(expression)) return OWN_IO;
    const created = /^\s*new\s+([\w$]+)/.exec(expression);
    if (/^\s*new\b/.test(expression) && !BUILT_IN_VALUE_CONSTRUCTORS.has(created?.[1] ?? '')) return OWN_IO;
    for (const called of expression.matchAll(CALLED_NAME)) if (!consider(called[1], called[2] ?? '')) return OWN_IO;
  }
  for (let index = body.indexOf('await'); index !== -1; index = body.indexOf('await', index + 5)) {
    const before = body[index - 1];
    if (before !== undefined && /[\w$]/.test(before)) continue;
    const after = body.slice(index + 5);
    if (!/^\s/.test(after)) continue;
    const awaited = after.trimStart();
    if (VALUE_AWAIT.test(awaited)) {
      // `await pending` of a local a call filled (`pending = fetchRates()`): that call's wait.
      const awaitedName = /^[\w$]+(?![\w$]*\s*\??\.)/.exec(awaited)?.[0];
      if (awaitedName !== undefined && !heldCallsOk(awaitedName)) return OWN_IO;
      continue;
    }
    if (FIXED_IMPORT.test(awaited)) continue;
    const call = AWAITED_CALL.exec(awaited);
    if (!call) return OWN_IO;
    const chain = (call[1] ?? '').split('.').map((part) => part.replace(/[\s?]/g, '')).filter(Boolean);
    const name = call[2] ?? '';
    // The call must be the whole awaited expression (`await hash(x);`, not `await hash(x).then(f)`);
    // a comment may follow it on its line (`await digest(b) // hash it`), or a line break that no
    // `.`, `(`, `[` or `?` on the next line carries on (a statement ended without a semicolon).
    const close = closingIndex(awaited, call[0].length - 1);
    const rest = close === -1 ? '' : awaited.slice(close + 1).replace(/^[ \t]+/, '');
    if (close === -1 || !/^(?:[;,)\]}]|$|as\b|\/[/*]|\r?\n(?!\s*[.([?]))/.test(rest)) return OWN_IO;
    if (!consider(chain.at(-1), name, true)) return OWN_IO;
    // `await Promise.resolve(x)`: what it holds is computed now.
    if (chain.at(-1) === 'Promise') {
      for (const called of awaited.slice(call[0].length, close).matchAll(CALLED_NAME)) if (!consider(called[1], called[2] ?? '')) return OWN_IO;
    }
  }
  const parameterNames = new Set((parameters ?? '').match(/[\w$]+/g) ?? []);
  const callees: Callee[] = [];
  for (const name of followed) {
    if (parameterNames.has(name)) return OWN_IO;
    if (ownFunctionParts(source.text, name) !== null) {
      callees.push({ kind: 'local', name });
      continue;
    }
    const imported = importedBinding(source, name);
    if (imported === null) return OWN_IO;
    callees.push({ kind: 'import', ...imported });
  }
  return { kind: 'callees', callees: [...callees, ...memberCallees] };
}

/**
 * The module a module's text imports the local `name` from, and the name that module exports it
 * as: `import { digest } from './crypto'`, `import { sha as digest } from '@acme/core'`,
 * `import digest from './digest'` (`default`), `const { digest } = require('./crypto')`,
 * `const digest = require('./crypto').digest`, `const { digest } = await import('./crypto')` (see
 * `TextImport`; type-only imports are none). Null when `name` is not imported so, or is bound to
 * a whole module (`import * as digest`, `const digest = require('./digest')`).
 */
function importedBinding(source: ModuleSource, name: string): { specifier: string; name: string } | null {
  for (const load of source.imports()) {
    if (load.kind === 're-export') continue;
    const binding = load.bindings.find((candidate) => candidate.name === name);
    if (binding && binding.imported !== '*') return { specifier: load.specifier, name: binding.imported };
  }
  return null;
}

/** A call of the global `fetch` in a module's text. */
const FETCH_CALL = /(?<![\w$.])fetch\s*\(/;

/**
 * Does a module's text load a module that reaches outside the process (`OUTSIDE_WORLD_MODULES`,
 * `node:` forms included: any `TextImport` of one), or call the global `fetch`?
 */
function reachesOutsideWorld(source: ModuleSource): boolean {
  return (
    source.imports().some((load) => OUTSIDE_WORLD_MODULES.has(load.specifier.startsWith('node:') ? load.specifier.slice(5) : load.specifier)) ||
    FETCH_CALL.test(source.text)
  );
}

/**
 * `const Local = factory(SomeClass, ...)` (also `let`/`var`, and `export const`): the factory's
 * name and the class handed to it.
 */
function factoryWrapping(text: string, local: string): { factory: string; wrapped: string } | null {
  const escaped = local.replace(/[$]/g, '\\$');
  const match = new RegExp(String.raw`(?:^|[\s;])(?:export\s+)?(?:const|let|var)\s+${escaped}\s*=\s*([\w$]+)\s*\(\s*([\w$]+)\s*[,)]`, 'm').exec(text);
  return match?.[1] && match[2] ? { factory: match[1], wrapped: match[2] } : null;
}

/** The local name a module exports as `exported`: `export { Local as exported }`, or `exported` itself. */
function localNameOfExport(text: string, exported: string): string {
  for (const match of text.matchAll(/\bexport\s*\{([^}]*)\}(?!\s*from)/g)) {
    for (const part of (match[1] ?? '').split(',')) {
      const [local, alias] = part.trim().split(/\s+as\s+/);
      if (local && (alias ?? local) === exported) return local;
    }
  }
  return exported;
}

/**
 * The relative module (`./x`, `../x`) a module's text imports the local `name` from by an import
 * declaration, and the name that module exports it as (`import { name } from './x'`,
 * `import { a as name } from './x'`: `a`; `import name from './x'`: `default`), or null.
 */
function relativeImportOf(source: ModuleSource, name: string): { specifier: string; name: string } | null {
  for (const load of source.imports()) {
    if (load.kind !== 'import' || !source.isProjectModule(load.specifier)) continue;
    const binding = load.bindings.find((candidate) => candidate.name === name && candidate.imported !== '*');
    if (binding) return { specifier: load.specifier, name: binding.imported };
  }
  return null;
}

/**
 * True when the body of a factory memoises what it hands out under `method`: it defines `method`,
 * looks a result up (`.get(`) and returns it when found, and stores a new one (`.set(`), in a map
 * named for caching or memoising.
 */
function memoisesMethod(body: string, method: string): boolean {
  const escaped = method.replace(/[$]/g, '\\$');
  return (
    new RegExp(String.raw`\b${escaped}\b`).test(body) &&
    /\b\w*(?:[cC]ache|[mM]emo)\w*\s*\.\s*get\s*\(/.test(body) &&
    /\b\w*(?:[cC]ache|[mM]emo)\w*\s*\.\s*set\s*\(/.test(body) &&
    /\breturn\b/.test(body)
  );
}

/**
 * True when `exported` of the module `file` (resolved) is a memoised in-memory computation whose
 * `method` hands out its cached result: in the module's text, the export is a class of the same
 * module wrapped by a factory (`const PlanComputed = memoiseDerivation(Plan, ['route']);
 * export { PlanComputed as Plan }`) that does not declare `method` itself; the factory (declared
 * there or imported from a relative module) defines `method` and keeps results in a cache map
 * (`memoisesMethod`); and the module imports nothing that reaches outside the process
 * (`reachesOutsideWorld`). Such a request computes from data in memory, once per input: two of
 * them awaited in turn run on the one thread either way. Anything not found answers false.
 */
export function moduleExportIsMemoisedComputation(resolved: ResolvedModule, exported: string, method: string): boolean {
  // Kept with this module's version: only what its own text says. A factory imported from another
  // module is read again at each question (its answer is kept with that module's version), so an
  // edit of the factory's module is seen in an editor session while this one is unchanged.
  const own = fromModuleText(resolved.file, `memoisedComputation:${exported}.${method}`, (text): MemoisingFactory => {
    const source = moduleSource(text, resolved);
    if (reachesOutsideWorld(source)) return { kind: 'none' };
    const wrapping = factoryWrapping(text, localNameOfExport(text, exported));
    if (wrapping === null) return { kind: 'none' };
    const classBody = classBodyText(text, wrapping.wrapped);
    if (classBody === null || functionBodyText(classBody, method) !== null) return { kind: 'none' };
    const factoryBody = functionBodyText(text, wrapping.factory);
    if (factoryBody !== null) return { kind: 'local', memoises: memoisesMethod(factoryBody, method) };
    const imported = relativeImportOf(source, wrapping.factory);
    return imported === null ? { kind: 'none' } : { kind: 'imported', specifier: imported.specifier, factory: imported.name };
  }, resolved.stats);
  if (own === null || own.kind === 'none') return false;
  if (own.kind === 'local') return own.memoises;
  const factoryModule = resolveProjectModule(resolved.file, own.specifier);
  const factoryBody = factoryModule === null ? null : exportedBodyText(factoryModule, own.factory);
  return factoryBody !== null && memoisesMethod(factoryBody, method);
}

/** What a module's own text says of a class export wrapped by a factory (`moduleExportIsMemoisedComputation`). */
type MemoisingFactory =
  | { kind: 'none' }
  | { kind: 'local'; memoises: boolean }
  | { kind: 'imported'; specifier: string; factory: string };

/** The text of `class name ... { ... }` in a module's text (from its `{` to the matching `}`), or null. */
function classBodyText(text: string, name: string): string | null {
  const escaped = name.replace(/[$]/g, '\\$');
  const match = new RegExp(String.raw`\bclass\s+${escaped}\b[^{]*\{`).exec(text);
  if (!match) return null;
  const open = match.index + match[0].length - 1;
  const close = closingIndex(text, open);
  return close === -1 ? null : text.slice(open, close + 1);
}

/** What `moduleReadsOnlyEmbeddedStore` reads of the modules one module loads at run time (every `TextImport` of its text). */
interface StoreImports {
  /** It imports an embedded store package (`EMBEDDED_STORE_PACKAGES`). */
  readonly embedded: boolean;
  /**
   * It may reach past the process and the local disk: it imports a network or child process
   * module (`REMOTE_MODULES`), or any package that is neither an embedded store nor known to
   * compute in place (`LOCAL_VALUE_PACKAGES`, Node's modules of the disk and of values), or it
   * calls the global `fetch`.
   */
  readonly remote: boolean;
  /** The relative specifiers it imports. */
  readonly relative: readonly string[];
}

const REMOTE_MODULES: ReadonlySet<string> = new Set([
  ...[...NETWORK_CALL_ROOTS].filter((name) => name !== 'fetch'),
  ...[...PROCESS_MODULES.keys()].map(packageNameOf),
  ...NETWORK_DATABASE_PACKAGES,
  ...NETWORK_CACHE_PACKAGES,
  'http2', 'net', 'tls', 'dgram', 'dns', 'node-fetch', 'cross-fetch', 'ws', 'undici', 'ofetch', 'isomorphic-fetch',
]);

/** Node's built-in modules that reach nothing past the machine (not `http`, `net`, `child_process`...: `REMOTE_MODULES`). */
const LOCAL_BUILTIN_MODULES: ReadonlySet<string> = new Set(builtinModules.map(packageNameOf).filter((name) => !REMOTE_MODULES.has(name)));

/** `StoreImports` of a module, once per version of its file; null when it cannot be read. */
function storeImportsOf(resolved: ResolvedModule): StoreImports | null {
  return fromModuleText(resolved.file, 'storeImports', (text) => scanStoreImports(moduleSource(text, resolved)), resolved.stats);
}

function scanStoreImports(source: ModuleSource): StoreImports {
  let embedded = false;
  let remote = FETCH_CALL.test(source.text);
  let electron = false;
  const relative: string[] = [];
  for (const load of source.imports()) {
    const specifier = load.specifier;
    if (source.isProjectModule(specifier)) {
      relative.push(specifier);
      continue;
    }
    const name = packageNameOf(specifier);
    if (EMBEDDED_STORE_PACKAGES.has(name)) embedded = true;
    else if (name === 'electron') electron = true;
    // Positive evidence only: a Node module of the disk or of values, or a package known to
    // compute in place; any other package may be a client of some service (`@octokit/rest`, `stripe`).
    else if (REMOTE_MODULES.has(name) || !(LOCAL_BUILTIN_MODULES.has(name) || LOCAL_VALUE_PACKAGES.has(name) || name.startsWith('lodash.'))) remote = true;
  }
  // An Electron app's store wrapper imports `electron` for the IPC that reaches the store from a
  // window (the renderer asks the main process, which holds the store's file): local. Elsewhere
  // `electron` may be its `net` or `session`, so it is local only beside the store itself.
  if (electron && !embedded) remote = true;
  return { embedded, remote, relative };
}

/**
 * True when the functions of a module (`resolved`) wait only on a database kept inside the
 * process, by the loads of its text (`TextImport`: imports, re-exports, `require`, `import()`) and
 * of the relative modules it loads (one step): it or one
 * of them imports an embedded store package (`EMBEDDED_STORE_PACKAGES`: NeDB, LokiJS, lowdb,
 * LevelDB, SQLite, PGlite...), and none of them imports anything that reaches past the process and
 * the local disk (`StoreImports.remote`: a network client, a child process, `fetch`). A model
 * module of a desktop app (`export function getById(id) { return db.get(type, id); }` with `db`
 * imported from the app's NeDB wrapper) is such a module: its reads are lookups in memory or on the
 * local disk. Anything not read answers false.
 */
export function moduleReadsOnlyEmbeddedStore(resolved: ResolvedModule): boolean {
  const own = storeImportsOf(resolved);
  if (own === null || own.remote) return false;
  let embedded = own.embedded;
  for (const specifier of own.relative) {
    const next = resolveProjectModule(resolved.file, specifier);
    const imports = next === null ? null : storeImportsOf(next);
    if (imports === null) continue;
    if (imports.remote) return false;
    if (imports.embedded) embedded = true;
  }
  return embedded;
}

/** Globals and keywords that a body may call without importing them (`JSON.parse(x)`, `if (...)`). */
const NOT_IMPORTED_CALLS: ReadonlySet<string> = new Set([
  'if', 'for', 'while', 'switch', 'catch', 'return', 'await', 'typeof', 'function', 'new', 'void',
  'Promise', 'Object', 'Array', 'JSON', 'String', 'Number', 'Boolean', 'Math', 'Date', 'Symbol', 'Error', 'Map', 'Set',
  'parseInt', 'parseFloat', 'isNaN', 'encodeURIComponent', 'decodeURIComponent', 'structuredClone',
]);

/**
 * True when the function `name` of a module (`resolved`) waits only on a database kept inside
 * the process, by its declaration's text: every call in its body is rooted at a binding imported
 * from a relative module whose own imports reach nothing past the process and the local disk
 * (`scanStoreImports`), or at a name of its own module when that module is the store wrapper
 * itself (it imports the store and nothing that reaches further); at least one of these modules
 * imports an embedded store
 * (`EMBEDDED_STORE_PACKAGES`); and the body does not call `fetch`. A model module's `export
 * function getById(id) { return db.get(type, id); }` with `db` from the app's NeDB wrapper is such
 * a function even when the model module also imports an unrelated package for its other
 * functions (a fuzzy matcher): `moduleReadsOnlyEmbeddedStore` reads the whole module, this reads
 * the one function. A call of anything else (a local function, a package, a global not in
 * `NOT_IMPORTED_CALLS`) answers false.
 */
export function moduleFunctionReadsOnlyEmbeddedStore(resolved: ResolvedModule, name: string): boolean {
  // The relative specifiers the body's calls are rooted at, with the module that declares the
  // function (a barrel's re-export is followed); null when a call is rooted elsewhere.
  const found = fromExportedDeclaration(resolved, name, 'storeCallRoots', (parts, text, module): { module: ResolvedModule; specifiers: string[]; local: boolean } | null => {
    if (FETCH_CALL.test(parts.body)) return null;
    const specifiers = new Set<string>();
    const source = moduleSource(text, module);
    let local = false;
    for (const match of parts.body.matchAll(/(?<![\w$.])([A-Za-z_$][\w$]*)\s*(?:\??\.\s*[\w$]+\s*)*(?:<[^<>()]*>)?\s*\(/g)) {
      const root = match[1];
      if (root === undefined || NOT_IMPORTED_CALLS.has(root)) continue;
      const imported = importedBinding(source, root) ?? namespaceImportOf(source, root);
      if (imported === null) local = true;
      else if (!source.isProjectModule(imported.specifier)) return null;
      else specifiers.add(imported.specifier);
    }
    return { module, specifiers: [...specifiers], local };
  });
  if (found === null) return false;
  // Calls of the declaring module's own names: only in the store wrapper itself (its own imports
  // are the store and nothing that reaches further).
  let embedded = false;
  if (found.local) {
    const own = storeImportsOf(found.module);
    if (own === null || own.remote || !own.embedded) return false;
    embedded = true;
  }
  for (const specifier of found.specifiers) {
    const next = resolveProjectModule(found.module.file, specifier);
    const imports = next === null ? null : storeImportsOf(next);
    if (imports === null || imports.remote) return false;
    if (imports.embedded) embedded = true;
  }
  return embedded;
}

/**
 * The module that a module (`resolved`) exports as the namespace `name`: `export * as name from
 * './x'`, or `import * as X from './x'` then `export const name = X;` or `export { X as name }`
 * (a barrel of model modules: `models.request.getById(id)` calls `getById` of `./request`). Null
 * when `name` is not such an export or its module cannot be resolved.
 */
export function namespaceExportModule(resolved: ResolvedModule, name: string): ResolvedModule | null {
  // Only an identifier can name a namespace export (`formatters['c++']` cannot).
  if (!/^[A-Za-z_$][\w$]*$/.test(name)) return null;
  const specifier = fromModuleText(
    resolved.file,
    `namespaceExport:${name}`,
    (text): string | null => {
      if (!text.includes(name)) return null;
      const escaped = name.replace(/[$]/g, '\\$');
      const source = moduleSource(text, resolved);
      const imports = source.imports();
      /** The module of the project a whole-module binding (`*`) named `binding` of a load of `kind` is of. */
      const wholeModule = (kind: TextImport['kind'], binding: string): string | null =>
        imports.find((load) => load.kind === kind && source.isProjectModule(load.specifier) && load.bindings.some((candidate) => candidate.name === binding && candidate.imported === '*'))?.specifier ?? null;
      const direct = wholeModule('re-export', name);
      if (direct !== null) return direct;
      const local =
        new RegExp(String.raw`\bexport\s+const\s+${escaped}\s*=\s*([\w$]+)\s*[;\n]`).exec(text)?.[1] ??
        new RegExp(String.raw`\bexport\s*\{[^}]*?\b([\w$]+)\s+as\s+${escaped}\b[^}]*\}(?!\s*from)`).exec(text)?.[1] ??
        name;
      return wholeModule('import', local);
    },
    resolved.stats,
  );
  return specifier ? resolveProjectModule(resolved.file, specifier) : null;
}

/** How many functions deep `moduleFunctionMayPrompt` follows the calls of a declaration. */
const MAX_PROMPT_DEPTH = 4;
/** How many called functions of one declaration `moduleFunctionMayPrompt` follows. */
const MAX_PROMPT_CALLEES = 12;

/** Node's line reader, whose interface's `question(...)` asks on the terminal. */
const READLINE_MODULES: ReadonlySet<string> = new Set(['readline', 'node:readline', 'readline/promises', 'node:readline/promises']);
/** A call of a `question` method: readline's `rl.question(text, callback)` or its promise form. */
const READLINE_QUESTION = /\.\s*question\s*\(/;

/** What one declaration's text says of asking a person: it does (`asks`), or maybe through the functions it calls (`callees`). */
type OwnPrompt = { readonly asks: true } | { readonly asks: false; readonly callees: readonly Callee[] };

/**
 * What the body of one declaration says of prompting, by its text: it calls a binding imported
 * from a prompt package (`PROMPT_MODULES`: `prompts`, `inquirer`, `@inquirer/*`, clack), opens a
 * dialog or an editor's picker (`USER_DIALOG_METHOD`: `dialog.showOpenDialog`, also with type
 * arguments), hands a call the text of a question (`QUESTION_CALL`: `ux.confirm('Enable?')`), or
 * calls a `question` method in a module that loads readline (`rl.question('Email: ')`, also in a
 * helper handed the interface); otherwise the functions of its module and of its relative imports
 * that it calls (by name, or as members of a whole-module import: `ui.pick(...)`), to be read in turn. A name alone (`askModel`,
 * `session.prompt(text)`, an import of `./prompts`) is no evidence: LLM prompt templates and
 * question tables are named so too; the module is followed to what it calls.
 */
function ownPrompt(body: string, source: ModuleSource): OwnPrompt {
  const callees: Callee[] = [];
  const followed = new Set<string>();
  // `ux.confirm(\`Deploy ${branch} to staging?\`)`: a call handed the text of a question.
  if (QUESTION_CALL.test(body)) return { asks: true };
  // `rl.question('Email: ')` in a module that loads readline (also in a helper handed the interface).
  if (READLINE_QUESTION.test(body) && source.imports().some((load) => READLINE_MODULES.has(load.specifier))) return { asks: true };
  // Calls with type arguments too: `tree.pickNode<T>(kind, options)` (a dialog),
  // `inquirer.prompt<{ token: string }>([...])` (a prompt package).
  for (const called of [...body.matchAll(CALLED_NAME), ...body.matchAll(TYPED_CALLED_NAME)]) {
    const object = called[1];
    const name = called[2] ?? '';
    if (USER_DIALOG_METHOD.test(name)) return { asks: true };
    const binding = object ?? name;
    const named = importedBinding(source, binding);
    const imported = named ?? namespaceImportOf(source, binding);
    if (imported !== null) {
      const { specifier } = imported;
      if (PROMPT_MODULES.has(specifier) || specifier.startsWith('@inquirer/')) return { asks: true };
      // `askLogin()` imported by name, or `ui.pick(...)` on a whole-module import of a project
      // module (`import * as ui from './ui'`): that module's `pick` is read in turn.
      const follow = object === undefined ? imported : named === null ? { specifier, name } : null;
      if (follow !== null && source.isProjectModule(specifier) && !followed.has(binding + '.' + name) && callees.length < MAX_PROMPT_CALLEES) {
        followed.add(binding + '.' + name);
        callees.push({ kind: 'import', ...follow });
      }
      continue;
    }
    // A function of the same text, also a method called on `this` or on a local object of a class
    // the text declares (`this.promptForPipeline(...)`, `service.getPipeline(flags)`).
    if (!followed.has(name) && callees.length < MAX_PROMPT_CALLEES && ownFunctionParts(source.text, name) !== null) {
      followed.add(name);
      callees.push({ kind: 'local', name });
    }
  }
  return { asks: false, callees };
}

/**
 * The module a whole-module or default binding `name` of a module's text is of (`import * as name
 * from 'x'`, `import name from 'x'`, `const name = require('x')`, `const name = await import('x')`),
 * taken as its default export.
 */
function namespaceImportOf(source: ModuleSource, name: string): { specifier: string; name: string } | null {
  for (const load of source.imports()) {
    if (load.kind === 're-export') continue;
    if (load.bindings.some((binding) => binding.name === name && (binding.imported === '*' || binding.imported === 'default'))) return { specifier: load.specifier, name: 'default' };
  }
  return null;
}

/** `export default async (options) => ...` / `export default async options => ...`: the arrow's start, past `export default`. */
const DEFAULT_ARROW = /^[ \t]*export\s+default\s+(?=(?:async\s+)?(?:\([^)]*\)|[\w$]+)\s*(?::[^=;\n]*)?=>)/m;
/** `export default name;` at the end of a module: the local name. */
const DEFAULT_NAME = /^[ \t]*export\s+default\s+([\w$]+)\s*;?\s*$/m;

/**
 * `ownPrompt` of a default export that `fromExportedDeclaration` does not find: an arrow written
 * after `export default`, or a function declared under a local name and exported by that name
 * (`const collect = async () => ...; export default collect`). Only for the prompt reading.
 */
function defaultExportPrompt(resolved: ResolvedModule): { own: OwnPrompt; module: ResolvedModule } | null {
  const own = fromModuleText(
    resolved.file,
    'ownPrompt:default-export',
    (text): OwnPrompt | null => {
      const arrow = DEFAULT_ARROW.exec(text);
      let parts: FunctionParts | null = null;
      if (arrow) parts = functionParts(`const defaultExport = ${text.slice(arrow.index + arrow[0].length)}`, 'defaultExport');
      else {
        const local = DEFAULT_NAME.exec(text)?.[1];
        if (local !== undefined && local !== 'class' && local !== 'function') parts = functionParts(text, local);
      }
      return parts === null ? null : ownPrompt(parts.body, moduleSource(text, resolved));
    },
    resolved.stats,
  );
  return own === null || own === undefined ? null : { own, module: resolved };
}

/**
 * True when the function `name` of a module (`resolved`: a relative module, or a source file of a
 * package of the same workspace) may ask a person, by the text of its declaration (`ownPrompt`),
 * following the functions it calls in its own module and its relative imports up to
 * `MAX_PROMPT_DEPTH` functions deep: `resolveApiKeyAsync(options)` whose helper asks for a key
 * path through the project's `promptAsync`, which calls the `prompts` package, when no option or
 * variable gives one. A command-line
 * step that resolves a value from flags, the environment or, failing those, a question is such a
 * function. False when not found.
 */
export function moduleFunctionMayPrompt(resolved: ResolvedModule, name: string): boolean {
  return followedMayPrompt(resolved, name, 1, new Set([`${resolved.file}\0${name}`]));
}

function followedMayPrompt(resolved: ResolvedModule, name: string, depth: number, seen: Set<string>): boolean {
  const found =
    fromExportedDeclaration(resolved, name, 'ownPrompt', (parts, text, module) => ({ own: ownPrompt(parts.body, moduleSource(text, module)), module })) ??
    (name === 'default' ? defaultExportPrompt(resolved) : null);
  if (found === null) return false;
  if (found.own.asks) return true;
  if (depth >= MAX_PROMPT_DEPTH) return false;
  for (const callee of found.own.callees) {
    const target = callee.kind === 'local' ? found.module : resolveProjectModule(found.module.file, callee.specifier);
    if (target === null) continue;
    const key = `${target.file}\0${callee.name}`;
    if (seen.has(key)) continue;
    seen.add(key);
    if (followedMayPrompt(target, callee.name, depth + 1, seen)) return true;
  }
  return false;
}

/** How many functions deep `moduleFunctionLoadsEnvFiles` follows the calls of a declaration. */
const MAX_ENV_DEPTH = 4;

/** What one declaration's text says of loading env files: it parses them, it reaches the network, and the functions it calls. */
interface OwnEnvLoad {
  readonly parses: boolean;
  readonly reachesNetwork: boolean;
  readonly callees: readonly Callee[];
}

/**
 * What the body of one declaration says of loading the project's env files, by its text: it calls
 * a binding imported from an env-file package (`ENV_LOADER_MODULES`: `dotenv.parse(content)`), or
 * it reaches the network (a call of `fetch`, `axios` or another `NETWORK_CALL_ROOTS` name, or of a
 * binding imported from a client package: `REMOTE_PACKAGES`); and the functions of its module and
 * of its relative imports that it calls, to be read in turn.
 */
function ownEnvLoad(body: string, source: ModuleSource): OwnEnvLoad {
  const callees: Callee[] = [];
  const followed = new Set<string>();
  let parses = false;
  for (const called of body.matchAll(CALLED_NAME)) {
    const object = called[1];
    const name = called[2] ?? '';
    const binding = object ?? name;
    if (object === undefined && NETWORK_CALL_ROOTS.has(name)) return { parses, reachesNetwork: true, callees };
    const named = importedBinding(source, binding);
    const imported = named ?? namespaceImportOf(source, binding);
    if (imported !== null) {
      const { specifier } = imported;
      const packageName = packageNameOf(specifier);
      if (ENV_LOADER_MODULES.has(packageName)) parses = true;
      else if (NETWORK_CALL_ROOTS.has(packageName) || REMOTE_PACKAGES.has(packageName) || REMOTE_PACKAGE_SCOPES.test(specifier)) return { parses, reachesNetwork: true, callees };
      const follow = object === undefined ? imported : named === null ? { specifier, name } : null;
      if (follow !== null && source.isProjectModule(specifier) && !followed.has(binding + '.' + name) && callees.length < MAX_PROMPT_CALLEES) {
        followed.add(binding + '.' + name);
        callees.push({ kind: 'import', ...follow });
      }
      continue;
    }
    if (!followed.has(name) && callees.length < MAX_PROMPT_CALLEES && ownFunctionParts(source.text, name) !== null) {
      followed.add(name);
      callees.push({ kind: 'local', name });
    }
  }
  return { parses, reachesNetwork: false, callees };
}

/**
 * True when the function `name` of a module (a relative module, or a source file of a package of
 * the same workspace) loads the project's env files: its declaration, or a function it calls in
 * its module or its relative imports (up to `MAX_ENV_DEPTH` functions deep), parses them with an
 * env-file package (`dotenv.parse(await readFile(file))`), and none of the declarations read on
 * the way reaches the network (`ownEnvLoad`). `env = await readEnvFiles({ env, project })` of a
 * command's helper module reads a few small local files: milliseconds, nothing a gather with a
 * request would save. False when not found, or when a declaration on the way asks a server
 * (a helper that reads the `.env` file and then fetches the secrets it names).
 */
export function moduleFunctionLoadsEnvFiles(resolved: ResolvedModule, name: string): boolean {
  let parses = false;
  const visit = (module: ResolvedModule, called: string, depth: number, seen: Set<string>): boolean => {
    const found = fromExportedDeclaration(module, called, 'ownEnvLoad', (parts, text, declaredIn) => ({ own: ownEnvLoad(parts.body, moduleSource(text, declaredIn)), module: declaredIn }));
    if (found === null) return true;
    if (found.own.reachesNetwork) return false;
    if (found.own.parses) parses = true;
    if (depth >= MAX_ENV_DEPTH) return true;
    for (const callee of found.own.callees) {
      const target = callee.kind === 'local' ? found.module : resolveProjectModule(found.module.file, callee.specifier);
      if (target === null) continue;
      const key = `${target.file}\0${callee.name}`;
      if (seen.has(key)) continue;
      seen.add(key);
      if (!visit(target, callee.name, depth + 1, seen)) return false;
    }
    return true;
  };
  return visit(resolved, name, 1, new Set([`${resolved.file}\0${name}`])) && parses;
}

/**
 * What a method of an object kept in module state changes and reads on that object, by the text
 * of its class (`instanceMethodState`): the members of `this` it assigns (the first member of the
 * chain: `this.token = t`, `this.http.defaults.headers.Authorization = ...` writes `token`, `http`;
 * `*` for a call of a setter the class does not declare, as an inherited client's
 * `this.setAccessToken(t)`), and the members it reads (`*` when the method is not declared there:
 * inherited, it may read any). Methods of the class it calls on `this` count, up to
 * `MAX_STATE_DEPTH` deep.
 */
export interface InstanceMethodState {
  readonly writes: readonly string[];
  readonly reads: readonly string[];
}

/** How many methods deep `instanceMethodState` follows `this.method(...)` calls. */
const MAX_STATE_DEPTH = 3;

/** An assignment to a member of `this` (not `==`, `=>`, `++`): the first member's name. */
const THIS_MEMBER_WRITE = /\bthis\s*\.\s*([\w$]+)(?:\s*\.\s*[\w$]+|\s*\[[^\]\n]*\])*\s*(?:\?\?|\|\||&&)?=(?![=>])/g;
/** A read of a member of `this`: its name. */
const THIS_MEMBER = /\bthis\s*\.\s*([\w$]+)/g;
/** A method called on `this`: its name. */
const THIS_CALL = /\bthis\s*\.\s*([\w$]+)\s*\(/g;
/** A setter-like method called on a member chain of `this` (`this.setToken(t)`, `this.http.setHeader(...)`): its name. */
const THIS_SETTER_CALL = /\bthis(?:\s*\.\s*[\w$]+)*\s*\.\s*(set[A-Z][\w$]*)\s*\(/g;

/**
 * The class of the object a module exports as `exported`, by its text: `export const api = new
 * ApiClient(...)`, `const api = new ApiClient(); export { api }` / `export default api`,
 * `export default new ApiClient()`; the class declared in the same text, or imported from a
 * project module. Null when none is found.
 */
function exportedInstanceClass(resolved: ResolvedModule, exported: string): string | null {
  const found = fromModuleText(
    resolved.file,
    `instanceClass:${exported}`,
    (text): { kind: 'local'; body: string } | { kind: 'imported'; specifier: string; name: string } | null => {
      let className: string | undefined;
      if (exported === 'default') {
        className = /\bexport\s+default\s+new\s+([\w$]+)\s*[<(]/.exec(text)?.[1];
        const local = className === undefined ? /\bexport\s+default\s+([\w$]+)\s*;?\s*$/m.exec(text)?.[1] : undefined;
        if (local !== undefined) className = instanceClassOf(text, local);
      } else {
        className = instanceClassOf(text, localNameOfExport(text, exported));
      }
      if (className === undefined) return null;
      const body = classBodyText(text, className);
      if (body !== null) return { kind: 'local', body };
      const imported = relativeImportOf(moduleSource(text, resolved), className);
      return imported === null ? null : { kind: 'imported', ...imported };
    },
    resolved.stats,
  );
  if (found === null || found === undefined) return null;
  if (found.kind === 'local') return found.body;
  const module = resolveProjectModule(resolved.file, found.specifier);
  if (module === null) return null;
  return fromModuleText(
    module.file,
    `classBody:${found.name}`,
    (text) => (found.name === 'default' ? defaultClassBodyText(text) : classBodyText(text, localNameOfExport(text, found.name))),
    module.stats,
  );
}

/** The class a `const`/`let`/`var` named `local` is made from (`const api = new ApiClient(...)`), or undefined. */
function instanceClassOf(text: string, local: string): string | undefined {
  const escaped = local.replace(/[$]/g, '\\$');
  return new RegExp(String.raw`\b(?:const|let|var)\s+${escaped}\s*(?::[^=;\n]*)?=\s*new\s+([\w$]+)\s*[<(]`).exec(text)?.[1];
}

/** The text of `export default class ... { ... }` in a module's text, or null. */
function defaultClassBodyText(text: string): string | null {
  const match = /\bexport\s+default\s+class\b[^{]*\{/.exec(text);
  if (!match) return null;
  const open = match.index + match[0].length - 1;
  const close = closingIndex(text, open);
  return close === -1 ? null : text.slice(open, close + 1);
}

/**
 * `InstanceMethodState` of `method` called on the object a module (`resolved`) exports as
 * `exported` (see `exportedInstanceClass`); null when its class is not found.
 */
export function instanceMethodState(resolved: ResolvedModule, exported: string, method: string): InstanceMethodState | null {
  const classBody = exportedInstanceClass(resolved, exported);
  if (classBody === null) return null;
  const writes = new Set<string>();
  const reads = new Set<string>();
  const visit = (name: string, depth: number, seen: Set<string>): void => {
    const body = functionBodyText(classBody, name);
    if (body === null) {
      reads.add('*');
      return;
    }
    for (const match of body.matchAll(THIS_MEMBER_WRITE)) {
      const member = match[1];
      if (member === undefined) continue;
      writes.add(member);
      // `this.token = t` through the class's `set token(value)`, which may change any member.
      if (new RegExp(String.raw`\bset\s+${member.replace(/[$]/g, '\\$')}\s*\(`).test(classBody)) writes.add('*');
    }
    for (const match of body.matchAll(THIS_MEMBER)) if (match[1]) reads.add(match[1]);
    for (const match of body.matchAll(THIS_SETTER_CALL)) {
      if (match[1] && functionBodyText(classBody, match[1]) === null) writes.add('*');
    }
    if (depth >= MAX_STATE_DEPTH) return;
    for (const match of body.matchAll(THIS_CALL)) {
      const callee = match[1];
      if (callee === undefined || seen.has(callee) || functionBodyText(classBody, callee) === null) continue;
      seen.add(callee);
      visit(callee, depth + 1, seen);
    }
  };
  visit(method, 1, new Set([method]));
  return { writes: [...writes], reads: [...reads] };
}
