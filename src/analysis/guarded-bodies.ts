/**
 * Whether a function declared in another module catches every error of its own body, read from
 * that module's source text: the untyped and the typed path of "can a dropped promise of this
 * imported function reject?" (`FileEffects.cannotReject`).
 *
 * The shapes recognised: the fire-and-forget helper written to be dropped, an `async` function
 * whose body is nothing but `try { ... } catch { ... }` statements (after, at most, declarations that
 * cannot throw: literals, plain names, `Date.now()`), where no `catch` or `finally`
 * block contains `throw`, `await` or `emit('error', ...)` (a handler that logs, counts or sets a
 * flag) and no block returns a call unawaited; and an `async`
 * function in name only, whose body awaits, throws, returns and yields nothing. Anything the
 * scanner cannot follow for sure (an expression body, other statements beside the `try`, a comment
 * or string it cannot close) answers "may reject": the rules then report as before.
 *
 * Text, not a parse: the other module is not parsed by the host, and parsing it here would cost a
 * second parse per imported module. The scanner skips strings, template literals (with `${}`),
 * and comments, so braces inside them do not count; a brace inside a regular expression literal
 * can mislead it, which only ever makes it answer "may reject" or, in a body that is already one
 * `try`, look one statement further.
 */

import { CANNOT_THROW_CALLS, CANNOT_THROW_CONSTRUCTORS } from '../catalog/effects';

/** Where the text after `index` (whitespace and comments skipped) continues, or -1 in an open comment. */
export function skipTrivia(text: string, index: number): number {
  let at = index;
  while (at < text.length) {
    const char = text[at];
    if (char === ' ' || char === '\t' || char === '\n' || char === '\r' || char === '\uFEFF') {
      at += 1;
    } else if (text.startsWith('//', at)) {
      const end = text.indexOf('\n', at);
      if (end === -1) return text.length;
      at = end + 1;
    } else if (text.startsWith('/*', at)) {
      const end = text.indexOf('*/', at + 2);
      if (end === -1) return -1;
      at = end + 2;
    } else {
      return at;
    }
  }
  return at;
}

/** The index just past a string starting at `index` (its quote), or -1 if it does not close on its line. */
function skipString(text: string, index: number): number {
  const quote = text[index];
  for (let at = index + 1; at < text.length; at += 1) {
    const char = text[at];
    if (char === '\\') at += 1;
    else if (char === quote) return at + 1;
    else if (char === '\n') return -1;
  }
  return -1;
}

/** The index just past a template literal starting at `index` (its backtick), or -1. */
function skipTemplate(text: string, index: number): number {
  for (let at = index + 1; at < text.length; at += 1) {
    const char = text[at];
    if (char === '\\') at += 1;
    else if (char === '`') return at + 1;
    else if (char === '$' && text[at + 1] === '{') {
      const end = closingIndex(text, at + 1);
      if (end === -1) return -1;
      at = end;
    }
  }
  return -1;
}

/**
 * The index of the bracket closing the one at `open` (`{`, `(` or `[`), skipping strings,
 * templates and comments, or -1 when it does not close.
 */
export function closingIndex(text: string, open: number): number {
  const stack: string[] = [];
  for (let at = open; at < text.length; at += 1) {
    const char = text[at];
    if (char === '{' || char === '(' || char === '[') {
      stack.push(char === '{' ? '}' : char === '(' ? ')' : ']');
    } else if (char === '}' || char === ')' || char === ']') {
      if (stack.pop() !== char) return -1;
      if (stack.length === 0) return at;
    } else if (char === '"' || char === "'") {
      const end = skipString(text, at);
      if (end === -1) return -1;
      at = end - 1;
    } else if (char === '`') {
      const end = skipTemplate(text, at);
      if (end === -1) return -1;
      at = end - 1;
    } else if (char === '/' && (text[at + 1] === '/' || text[at + 1] === '*')) {
      const end = skipTrivia(text, at);
      if (end === -1) return -1;
      at = end - 1;
    }
  }
  return -1;
}

/** `word` at `index`, not followed by an identifier character. */
function keywordAt(text: string, index: number, word: string): boolean {
  return text.startsWith(word, index) && !/[\w$]/.test(text[index + word.length] ?? '');
}

/**
 * A handler block's text (between its braces) that cannot make the function reject: no `throw`,
 * no `await`, no `emit('error', ...)` (an emitter with no `'error'` listener throws it), and no
 * `return` of a value that may be a rejecting promise (`handsOnPromise`).
 */
function isQuietHandler(block: string): boolean {
  return !/\b(?:throw|await)\b/.test(block) && !EMITS_ERROR.test(block) && !handsOnPromise(block);
}

/** `emit('error', ...)`: thrown synchronously by an `EventEmitter` that has no `'error'` listener. */
const EMITS_ERROR = /\bemit\s*\(\s*(['"`])error\1/;

/**
 * True when `block` (a `try` block's or a handler's text) holds a `return` of something other than
 * nothing, `await ...`, or a value that cannot be a promise call (`safeExpressionEnd`: a literal, a
 * plain name): `try { return this.pull(); }` hands the caller a promise whose rejection the `catch`
 * never sees, as does `catch (e) { return retryLater(); }`. A `return` inside a nested function
 * counts too (text, not a parse): that only ever keeps the report.
 */
function handsOnPromise(block: string): boolean {
  for (const match of block.matchAll(/(?<![\w$.])return(?![\w$])/g)) {
    const at = skipTrivia(block, match.index + 'return'.length);
    if (at === -1) return true;
    if (at >= block.length || block[at] === ';' || block[at] === '}') continue;
    if (keywordAt(block, at, 'await')) continue;
    const end = safeExpressionEnd(block, at);
    const after = end === -1 ? -1 : skipTrivia(block, end);
    if (after === -1 || !(after >= block.length || block[after] === ';' || block[after] === '}' || block.slice(end, after).includes('\n'))) return true;
  }
  return false;
}

/** Words that cannot stand as a plain value read in a safe prefix (they act, or start something else). */
const NOT_A_VALUE = new Set(['await', 'yield', 'typeof', 'void', 'delete', 'function', 'class', 'async', 'throw', 'import', 'super', 'new', 'in', 'instanceof', 'try', 'const', 'let', 'var']);

const IDENTIFIER = /[A-Za-z_$][\w$]*/y;
const NUMBER = /-?(?:\d[\w.]*|\.\d[\w]*)/y;

/** The identifier starting exactly at `index`, or null. */
function identifierAt(text: string, index: number): string | null {
  IDENTIFIER.lastIndex = index;
  return IDENTIFIER.exec(text)?.[0] ?? null;
}

/**
 * For `skipSafePrefix`: the index just past an expression starting at `index` that cannot throw,
 * or -1. Accepted: string, number and `${}`-free template literals; a plain name (no member
 * access: the value may be undefined); `!` of one; a no-argument call of `CANNOT_THROW_CALLS` or
 * `new` of `CANNOT_THROW_CONSTRUCTORS`; array literals (no spread) and object literals (plain
 * keys, no spread, no methods) of those; and those joined by `||`, `&&`, `??`, or in parentheses.
 * Anything else (a call of another function, a member read, an operator that may convert an
 * object, `await`) answers -1. Each character is read once.
 */
function safeExpressionEnd(text: string, index: number): number {
  let at = safeOperandEnd(text, index);
  for (;;) {
    if (at === -1) return -1;
    const next = skipTrivia(text, at);
    if (next === -1) return -1;
    const operator = text.slice(next, next + 2);
    if ((operator !== '||' && operator !== '&&' && operator !== '??') || text[next + 2] === '=') return at;
    at = safeOperandEnd(text, skipTrivia(text, next + 2));
  }
}

/** One operand of `safeExpressionEnd`. */
function safeOperandEnd(text: string, index: number): number {
  if (index === -1) return -1;
  const char = text[index];
  if (char === '"' || char === "'") return skipString(text, index);
  if (char === '`') {
    const end = skipTemplate(text, index);
    return end !== -1 && !text.slice(index, end).includes('${') ? end : -1;
  }
  if (char === '!') return safeOperandEnd(text, skipTrivia(text, index + 1));
  if (char === '(') {
    const end = safeExpressionEnd(text, skipTrivia(text, index + 1));
    const close = end === -1 ? -1 : skipTrivia(text, end);
    return close !== -1 && text[close] === ')' ? close + 1 : -1;
  }
  if (char === '[' || char === '{') return safeLiteralEnd(text, index);
  NUMBER.lastIndex = index;
  const number = NUMBER.exec(text);
  if (number) return index + number[0].length;
  const name = identifierAt(text, index);
  if (name === null) return -1;
  let at = index + name.length;
  if (name === 'new') {
    const start = skipTrivia(text, at);
    const constructor = start === -1 ? null : identifierAt(text, start);
    if (constructor === null || !CANNOT_THROW_CONSTRUCTORS.has(constructor)) return -1;
    at = skipTrivia(text, start + constructor.length);
    if (at !== -1 && text[at] === '<') {
      // Type arguments: `new Map<string, number[]>()`.
      let angles = 0;
      for (; at < text.length; at += 1) {
        if (text[at] === '<') angles += 1;
        else if (text[at] === '>' && --angles === 0) break;
        else if ('(){};='.includes(text[at] ?? '')) return -1;
      }
      at = skipTrivia(text, at + 1);
    }
    return at !== -1 && text[at] === '(' && text[skipTrivia(text, at + 1)] === ')' ? skipTrivia(text, at + 1) + 1 : -1;
  }
  if (NOT_A_VALUE.has(name)) return -1;
  let path = name;
  while (text[at] === '.') {
    const member = identifierAt(text, at + 1);
    if (member === null) return -1;
    path += `.${member}`;
    at += 1 + member.length;
  }
  if (text[at] === '(') {
    const close = skipTrivia(text, at + 1);
    return CANNOT_THROW_CALLS.has(path) && close !== -1 && text[close] === ')' ? close + 1 : -1;
  }
  return path === name ? at : -1;
}

/** For `safeOperandEnd`: an array or object literal at `index` whose parts cannot throw, or -1. */
function safeLiteralEnd(text: string, index: number): number {
  const closer = text[index] === '[' ? ']' : '}';
  let at = skipTrivia(text, index + 1);
  while (at !== -1 && text[at] !== closer) {
    if (closer === '}') {
      // A key: a name (shorthand `{ id }` too), a string or a number; then `: value`.
      const key = text[at] === '"' || text[at] === "'" ? skipString(text, at) : at + (identifierAt(text, at)?.length ?? 0);
      if (key === -1 || key === at) return -1;
      const shorthand = identifierAt(text, at) !== null;
      at = skipTrivia(text, key);
      if (at !== -1 && text[at] === ':') at = safeExpressionEnd(text, skipTrivia(text, at + 1));
      else if (!shorthand || (at !== -1 && text[at] !== ',' && text[at] !== '}')) return -1;
    } else {
      at = safeExpressionEnd(text, at);
    }
    at = at === -1 ? -1 : skipTrivia(text, at);
    if (at !== -1 && text[at] === ',') at = skipTrivia(text, at + 1);
    else if (at !== -1 && text[at] !== closer) return -1;
  }
  return at === -1 ? -1 : at + 1;
}

/** `try`, `const`, `let` or `var` at `index`: where a statement of a safe prefix may end without `;`. */
function statementStartsAt(text: string, index: number): boolean {
  return ['try', 'const', 'let', 'var'].some((word) => keywordAt(text, index, word));
}

/**
 * For `isCatchAllBody`: the index of the first statement after the declarations starting at
 * `index` that cannot throw (`const started = Date.now(); let result;`): `const`, `let` or `var`
 * of plain names, each with an optional one-line type annotation and an initializer that
 * `safeExpressionEnd` accepts. `index` itself when no declaration starts there; -1 when one does
 * and is not of that kind (a destructuring, a call of another function, a member read, `await`).
 */
function skipSafePrefix(text: string, index: number): number {
  let at = index;
  while (at !== -1 && (keywordAt(text, at, 'const') || keywordAt(text, at, 'let') || keywordAt(text, at, 'var'))) {
    at = skipTrivia(text, at + (text[at] === 'c' ? 5 : 3));
    for (;;) {
      const name = at === -1 ? null : identifierAt(text, at);
      if (name === null || NOT_A_VALUE.has(name)) return -1;
      let end = at + name.length;
      at = skipTrivia(text, end);
      if (at !== -1 && text[at] === ':') {
        // A type annotation on its line: up to `=`, `,`, `;` or the line's end outside angle brackets.
        let angles = 0;
        for (at += 1; at < text.length; at += 1) {
          const char = text[at];
          if (char === '<') angles += 1;
          else if (char === '>' && text[at - 1] !== '=') angles -= 1;
          else if (char === '{' || char === '(') return -1;
          else if (angles === 0 && ((char === '=' && text[at + 1] !== '>') || char === ',' || char === ';' || char === '\n')) break;
        }
        end = at;
      }
      if (at !== -1 && text[at] === '=') end = safeExpressionEnd(text, skipTrivia(text, at + 1));
      const after = at === -1 || end === -1 ? -1 : skipTrivia(text, end);
      if (after === -1) return -1;
      if (text[after] === ',') {
        at = skipTrivia(text, after + 1);
        continue;
      }
      if (text[after] === ';') at = skipTrivia(text, after + 1);
      else if (statementStartsAt(text, after) && text.slice(end, after).includes('\n')) at = after;
      else return -1;
      break;
    }
  }
  return at;
}

/**
 * True when the block whose `{` is at `open` holds only `try`/`catch` statements whose handlers
 * neither throw nor await (see the module comment). A directive prologue (`'use strict';`) and
 * declarations that cannot throw (`skipSafePrefix`: `const started = Date.now(); let result;`) are
 * allowed before them.
 */
export function isCatchAllBody(text: string, open: number): boolean {
  if (text[open] !== '{') return false;
  const close = closingIndex(text, open);
  if (close === -1) return false;
  let at = skipTrivia(text, open + 1);
  while (at !== -1 && (text[at] === "'" || text[at] === '"')) {
    // A directive: `'use strict';`.
    const end = skipString(text, at);
    if (end === -1) return false;
    at = skipTrivia(text, end);
    if (at !== -1 && text[at] === ';') at = skipTrivia(text, at + 1);
  }
  // Declarations that cannot throw before the first `try` (`const started = Date.now();`).
  at = at === -1 ? -1 : skipSafePrefix(text, at);
  let statements = 0;
  while (at !== -1 && at < close) {
    if (!keywordAt(text, at, 'try')) return false;
    const tryOpen = skipTrivia(text, at + 3);
    if (tryOpen === -1 || text[tryOpen] !== '{') return false;
    const tryClose = closingIndex(text, tryOpen);
    if (tryClose === -1 || handsOnPromise(text.slice(tryOpen + 1, tryClose))) return false;
    at = skipTrivia(text, tryClose + 1);
    if (at === -1 || !keywordAt(text, at, 'catch')) return false;
    at = skipTrivia(text, at + 5);
    if (at !== -1 && text[at] === '(') {
      const paramClose = closingIndex(text, at);
      if (paramClose === -1) return false;
      at = skipTrivia(text, paramClose + 1);
    }
    if (at === -1 || text[at] !== '{') return false;
    const catchClose = closingIndex(text, at);
    if (catchClose === -1 || !isQuietHandler(text.slice(at + 1, catchClose))) return false;
    at = skipTrivia(text, catchClose + 1);
    if (at !== -1 && keywordAt(text, at, 'finally')) {
      const finallyOpen = skipTrivia(text, at + 7);
      if (finallyOpen === -1 || text[finallyOpen] !== '{') return false;
      const finallyClose = closingIndex(text, finallyOpen);
      if (finallyClose === -1 || !isQuietHandler(text.slice(finallyOpen + 1, finallyClose))) return false;
      at = skipTrivia(text, finallyClose + 1);
    }
    statements += 1;
  }
  return at === close && statements > 0;
}

/**
 * True when the block whose `{` is at `open` holds statements but none of the words `await`,
 * `throw`, `return`, `yield` (anywhere in its text, strings, comments and nested functions
 * included): an `async` function that is async in name only, running synchronous calls
 * (`export async function reject(key) { select('old', key); }`). Its promise can only reject by a
 * synchronous throw of those calls, which the effect summaries take not to happen (a bug, not a
 * lost asynchronous failure), as they do for the same function written in the calling file. An
 * empty body is a stub and answers false.
 */
export function isSyncOnlyBody(text: string, open: number): boolean {
  if (text[open] !== '{') return false;
  const close = closingIndex(text, open);
  if (close === -1) return false;
  const start = skipTrivia(text, open + 1);
  if (start === -1 || start >= close) return false;
  return !/\b(?:await|throw|return|yield)\b/.test(text.slice(open + 1, close));
}

/** `isCatchAllBody` or `isSyncOnlyBody`: the body of an `async` function whose promise cannot reject. */
function cannotRejectBody(text: string, open: number): boolean {
  return isCatchAllBody(text, open) || isSyncOnlyBody(text, open);
}

/**
 * The index of the `{` opening the body of the function whose parameter list opens at `paren`:
 * skips the parameters, a return type annotation (`: Promise<{ id: string }>`, braces inside
 * angle brackets belong to the type) and an arrow. -1 for an expression body or anything else.
 */
export function bodyOpenAfterParameters(text: string, paren: number): number {
  if (text[paren] !== '(') return -1;
  const paramClose = closingIndex(text, paren);
  if (paramClose === -1) return -1;
  let at = skipTrivia(text, paramClose + 1);
  if (at !== -1 && text[at] === ':') {
    let angles = 0;
    for (at += 1; at < text.length; at += 1) {
      const char = text[at];
      if (char === '<') angles += 1;
      else if (char === '>' && text[at - 1] !== '=') angles -= 1;
      else if (char === '{' || char === '(' || char === '[') {
        if (angles === 0 && char === '{') break;
        const end = closingIndex(text, at);
        if (end === -1) return -1;
        at = end;
      } else if (angles === 0 && char === '=' && text[at + 1] === '>') break;
      else if (char === ';') return -1;
    }
  }
  at = skipTrivia(text, at);
  if (at !== -1 && text.startsWith('=>', at)) at = skipTrivia(text, at + 2);
  return at !== -1 && text[at] === '{' ? at : -1;
}

/**
 * The names a module exports as `async` functions whose promise cannot reject: the body catches
 * every error (see `isCatchAllBody`) or awaits, throws and returns nothing (`isSyncOnlyBody`): `export async function f(...) {...}`, `export const f = async (...) => {...}`
 * / `= async function (...) {...}`, `exports.f = async ...`, and `export default async function`
 * (as `default`). A name declared more than once (overloads, redeclarations) is left out.
 */
export function catchAllAsyncExports(text: string): ReadonlySet<string> {
  const names = new Set<string>();
  const seen = new Map<string, number>();
  const pattern =
    /^[ \t]*(?:export\s+(?:default\s+(async)\s+function\b\s*[\w$]*|async\s+function\s+([\w$]+)|(?:const|let|var)\s+([\w$]+)\s*(?::[^=\n]+)?=\s*async\s*(?:function\b\s*[\w$]*)?)|(?:module\.)?exports\.([\w$]+)\s*=\s*async\s*(?:function\b\s*[\w$]*)?)\s*(?:<[^>()]*>)?\s*\(/gm;
  for (const match of text.matchAll(pattern)) {
    const name = match[1] ? 'default' : (match[2] ?? match[3] ?? match[4]);
    if (!name) continue;
    seen.set(name, (seen.get(name) ?? 0) + 1);
    const paren = match.index + match[0].length - 1;
    const open = bodyOpenAfterParameters(text, paren);
    if (open !== -1 && cannotRejectBody(text, open)) names.add(name);
  }
  for (const [name, count] of seen) if (count > 1) names.delete(name);
  return names;
}

/**
 * The names a module exports as plain or `async` functions whose one result is a promise that only
 * ever resolves (an `async` function adopts the promise it returns, `export async function
 * asPromise(event) { return new Promise((resolve) => ...) }`): the body is `return new
 * Promise((resolve) => ...)` (or an arrow's expression body is
 * that `new Promise(...)`), and the executor declares no `reject`, or one named for being unused
 * (`_`, `_reject`). Only a synchronous throw of the executor could reject it. Not a delay (an
 * executor that mentions `setTimeout`): waiting is its whole point, and a dropped one is a
 * forgotten `await`. The same shape a function of the calling file is judged by
 * (`FileEffects.isResolveOnlyPromise`). A name declared more than once is left out.
 */
export function resolveOnlyPromiseExports(text: string): ReadonlySet<string> {
  return promiseReturningExports(text, 'resolve-only');
}

/**
 * The names a module exports as plain functions whose one result is a delay: `return new
 * Promise((resolve) => setTimeout(...))` (or an arrow's expression body that is one), the executor
 * declaring only `resolve` (or a second parameter named for being unused) and calling nothing but
 * `setTimeout` and its `resolve` (`export function sleep(ms, value) { return new Promise((resolve)
 * => setTimeout(() => resolve(value), ms)); }`). A delay only waits and resolves: awaited inside a
 * function it rejects nothing (`FileEffects.isDelay`), though a dropped one is still a forgotten
 * `await`. A name declared more than once is left out.
 */
export function delayExports(text: string): ReadonlySet<string> {
  return promiseReturningExports(text, 'delay');
}

/** The exports of `resolveOnlyPromiseExports` (`shape` 'resolve-only') or of `delayExports` ('delay'). */
function promiseReturningExports(text: string, shape: PromiseShape): ReadonlySet<string> {
  const names = new Set<string>();
  const seen = new Map<string, number>();
  // Groups: 1 `export default`, 2 `export function name`, 3 `export const name =`, 4
  // `module.exports =`, 5 `exports.name =` (also `module.exports.name =`), 6 the bare parameter of
  // an arrow (`ms => ...`; otherwise the match ends at the parameter list's `(`).
  const pattern =
    /^[ \t]*(?:export\s+(?:(default\s+)(?:async\s+)?(?:function\b\s*[\w$]*)?|(?:async\s+)?function\s+([\w$]+)|(?:const|let|var)\s+([\w$]+)\s*(?::[^=\n]+)?=\s*(?:async\s+)?(?:function\b\s*[\w$]*)?)|(module\.exports\s*=)\s*(?:async\s+)?(?:function\b\s*[\w$]*)?|(?:module\.)?exports\.([\w$]+)\s*=\s*(?:async\s+)?(?:function\b\s*[\w$]*)?)(?:\s*(?:<[^>()]*>)?\s*\(|\s*([\w$]+)\s*=>)/gm;
  for (const match of text.matchAll(pattern)) {
    // `export default (ms) => ...` is `default`; `module.exports = (ms) => ...`, the module itself
    // (called through a whole `require`), is `module.exports`.
    const name = match[1] ? 'default' : match[4] ? 'module.exports' : (match[2] ?? match[3] ?? match[5]);
    if (!name) continue;
    seen.set(name, (seen.get(name) ?? 0) + 1);
    const end = match.index + match[0].length;
    // An arrow with one bare parameter (`ms => new Promise(...)`): its body follows the `=>`.
    if (match[6] ? arrowBodyReturnsResolveOnlyPromise(text, end, shape) : returnsResolveOnlyPromise(text, end - 1, shape)) names.add(name);
  }
  for (const [name, count] of seen) if (count > 1) names.delete(name);
  return names;
}

/** A `new Promise` that only resolves and starts no timer, or a delay (see `delayExports`). */
type PromiseShape = 'resolve-only' | 'delay';

/** For `promiseReturningExports`: the function whose parameters open at `paren` returns only a `new Promise` of that shape. */
function returnsResolveOnlyPromise(text: string, paren: number, shape: PromiseShape): boolean {
  const paramClose = closingIndex(text, paren);
  if (paramClose === -1) return false;
  const open = bodyOpenAfterParameters(text, paren);
  if (open !== -1) return bodyReturnsResolveOnlyPromise(text, open, shape);
  // An arrow with an expression body: `(x) => new Promise(...)`.
  let at = skipTrivia(text, paramClose + 1);
  if (at === -1 || !text.startsWith('=>', at)) return false;
  at = skipTrivia(text, at + 2);
  return at !== -1 && isResolveOnlyPromiseAt(text, at, -1, shape);
}

/** The body of an arrow starting after its `=>` at `from` returns only a `new Promise` of that shape. */
function arrowBodyReturnsResolveOnlyPromise(text: string, from: number, shape: PromiseShape): boolean {
  const at = skipTrivia(text, from);
  if (at === -1) return false;
  return text[at] === '{' ? bodyReturnsResolveOnlyPromise(text, at, shape) : isResolveOnlyPromiseAt(text, at, -1, shape);
}

/** The block body opening at `open` (`{`) is one `return` of a resolve-only `new Promise` (see `resolveOnlyPromiseExports`). */
function bodyReturnsResolveOnlyPromise(text: string, open: number, shape: PromiseShape = 'resolve-only'): boolean {
  if (text[open] !== '{') return false;
  const close = closingIndex(text, open);
  let at = skipTrivia(text, open + 1);
  if (at === -1 || !keywordAt(text, at, 'return')) return false;
  at = skipTrivia(text, at + 'return'.length);
  return at !== -1 && isResolveOnlyPromiseAt(text, at, close, shape);
}

/**
 * `new Promise(executor)` starts at `at`, with an executor declaring only `resolve` (or a second
 * parameter named for being unused) and no timer (`shape` 'resolve-only'), or a timer and no call
 * but `setTimeout` and `resolve` (`shape` 'delay'); when `close` is not -1, nothing but a `;`
 * follows it before `close` (the end of the body).
 */
function isResolveOnlyPromiseAt(text: string, start: number, close: number, shape: PromiseShape = 'resolve-only'): boolean {
  let at = start;
  if (!keywordAt(text, at, 'new')) return false;
  at = skipTrivia(text, at + 3);
  if (at === -1 || !keywordAt(text, at, 'Promise')) return false;
  at = skipTrivia(text, at + 'Promise'.length);
  if (at !== -1 && text[at] === '<') {
    const typeEnd = text.indexOf('>', at);
    at = typeEnd === -1 ? -1 : skipTrivia(text, typeEnd + 1);
  }
  if (at === -1 || text[at] !== '(') return false;
  const callClose = closingIndex(text, at);
  if (callClose === -1) return false;
  const executor = text.slice(at + 1, callClose);
  if (/\bsetTimeout\b/.test(executor) !== (shape === 'delay')) return false;
  const params = /^\s*(?:async\s+)?(?:function\b\s*[\w$]*\s*)?\(([^()]*)\)/.exec(executor) ?? /^\s*([\w$]+)\s*=>/.exec(executor);
  if (!params || /\basync\b/.test(executor.slice(0, params[0].length))) return false;
  const declared = (params[1] ?? '').split(',').map((param) => param.replace(/:[^,]*$/, '').trim()).filter((param) => param !== '');
  if (declared.length === 0 || declared.length > 2 || !/^[\w$]+$/.test(declared[0] ?? '')) return false;
  if (declared.length === 2 && !/^_[\w$]*$/.test(declared[1] ?? '')) return false;
  // A synchronous read or parse (`resolve(JSON.parse(fs.readFileSync(file)))`) throws on a missing
  // or corrupt file, which rejects the promise.
  if (/\w+Sync\s*\(|\bJSON\s*\.\s*parse\s*\(/.test(executor)) return false;
  if (shape === 'delay') {
    // The executor calls nothing but the timer and `resolve` (arrow and function headers aside).
    const body = executor.slice(params[0].length);
    for (const called of body.matchAll(/([\w$]+)\s*\(/g)) {
      if (called[1] !== 'setTimeout' && called[1] !== declared[0] && called[1] !== 'function') return false;
    }
  }
  if (close === -1) return true;
  // Nothing after the return statement but its `;`.
  let after = skipTrivia(text, callClose + 1);
  if (after !== -1 && text[after] === ';') after = skipTrivia(text, after + 1);
  return after === close;
}

/**
 * The names a module exports as functions whose promise cannot reject: `catchAllAsyncExports`
 * (async, catching everything or async in name only) and `resolveOnlyPromiseExports`.
 */
export function cannotRejectExports(text: string): ReadonlySet<string> {
  return new Set([...catchAllAsyncExports(text), ...resolveOnlyPromiseExports(text)]);
}

/** The part of a TypeScript declaration node this module reads (no `typescript` import needed). */
export interface DeclarationLike {
  readonly pos: number;
  readonly end: number;
  readonly body?: { readonly pos: number; readonly end: number } | undefined;
  readonly modifiers?: readonly { readonly pos: number; readonly end: number }[] | undefined;
  /** A variable's initializer: `const send = async () => {...}` declares `send`. */
  readonly initializer?: DeclarationLike | undefined;
  getSourceFile(): { readonly text: string; readonly isDeclarationFile: boolean };
}

/**
 * Typed path: true when a function declaration the checker resolved a call to (in any file of the
 * program) is `async` and its block body catches every error (see `isCatchAllBody`) or is async
 * in name only (`isSyncOnlyBody`), or (plain or `async`) its one result is a resolve-only
 * `new Promise` (the shape `resolveOnlyPromiseExports` reads untyped). Reads only
 * positions and the file's text, so it needs no `typescript` module and no syntax-kind numbers.
 */
export function declarationCatchesAll(declared: DeclarationLike): boolean {
  const declaration = declared.initializer ?? declared;
  const body = declaration.body;
  if (!body) return false;
  const file = declaration.getSourceFile();
  if (file.isDeclarationFile) return false;
  const text = file.text;
  const open = skipTrivia(text, body.pos);
  if (open === -1) return false;
  // Plain or async: one `return` of a resolve-only `new Promise` (an event turned into a promise).
  if (bodyReturnsResolveOnlyPromise(text, open) || (text[open] !== '{' && isResolveOnlyPromiseAt(text, open, -1))) return true;
  const isAsync = declaration.modifiers?.some((modifier) => text.slice(modifier.pos, modifier.end).trim() === 'async') ?? false;
  return isAsync && cannotRejectBody(text, open);
}

/**
 * The names a module exports as plain functions that are a delay unless they are handed an abort
 * signal, with the index of that parameter: the body's first `return` is inside `if (!signal)`,
 * a test of one of its parameters (`function sleep(ms, signal) { if (!signal) { return new
 * Promise((resolve) => setTimeout(resolve, ms)); } return new Promise((resolve, reject) => ...)
 * }`), and returns a delay (the shape of `delayExports`). A call that passes no argument at that
 * index (`sleep(500)`) only waits and resolves. Only statements without a `return` may come before
 * the test; a plain function's synchronous throw there is no rejection. Read from `export function
 * f(...)`, `export default function f(...)` and a `function f(...)` exported by
 * `export default f` or `export { f }` / `export { f as g }`. A name declared more than once is
 * left out.
 */
export function signalledDelayExports(text: string): ReadonlyMap<string, number> {
  const declared = new Map<string, number>();
  const counts = new Map<string, number>();
  const exported = new Map<string, string>();
  const heads = /^[ \t]*(export\s+(?:default\s+)?)?function\s+([\w$]+)\s*(?:<[^>()]*>)?\s*\(/gm;
  for (const match of text.matchAll(heads)) {
    const name = match[2] as string;
    counts.set(name, (counts.get(name) ?? 0) + 1);
    declared.set(name, match.index + match[0].length - 1);
    if (match[1] !== undefined) exported.set(/default/.test(match[1]) ? 'default' : name, name);
  }
  for (const match of text.matchAll(/^[ \t]*export\s+default\s+([\w$]+)\s*;?[ \t]*$/gm)) exported.set('default', match[1] as string);
  for (const match of text.matchAll(/^[ \t]*export\s*\{([^}]*)\}/gm)) {
    for (const part of (match[1] as string).split(',')) {
      const names = /^\s*([\w$]+)(?:\s+as\s+([\w$]+))?\s*$/.exec(part);
      if (names) exported.set(names[2] ?? (names[1] as string), names[1] as string);
    }
  }
  const limits = new Map<string, number>();
  for (const [name, local] of exported) {
    const paren = declared.get(local);
    if (paren === undefined || counts.get(local) !== 1) continue;
    const index = signalIndexOfDelay(text, paren);
    if (index !== -1) limits.set(name, index);
  }
  return limits;
}

/** For `signalledDelayExports`: the index of the parameter whose absence makes the function opening its parameters at `paren` a delay, or -1. */
function signalIndexOfDelay(text: string, paren: number): number {
  const paramClose = closingIndex(text, paren);
  const open = bodyOpenAfterParameters(text, paren);
  if (paramClose === -1 || open === -1) return -1;
  const params = text
    .slice(paren + 1, paramClose)
    .split(',')
    .map((param) => /^\s*([\w$]+)/.exec(param)?.[1] ?? '');
  const close = closingIndex(text, open);
  if (close === -1) return -1;
  const test = /\bif\s*\(\s*!\s*([\w$]+)\s*\)\s*/g;
  test.lastIndex = open;
  const match = test.exec(text);
  if (!match || match.index > close) return -1;
  const index = params.indexOf(match[1] as string);
  if (index === -1 || /\breturn\b/.test(text.slice(open + 1, match.index))) return -1;
  let at = match.index + match[0].length;
  let blockClose = -1;
  if (text[at] === '{') {
    blockClose = closingIndex(text, at);
    at = skipTrivia(text, at + 1);
  }
  if (at === -1 || !keywordAt(text, at, 'return')) return -1;
  at = skipTrivia(text, at + 'return'.length);
  if (at === -1) return -1;
  return isResolveOnlyPromiseAt(text, at, blockClose, 'delay') ? index : -1;
}

/**
 * Typed path, for a callee the checker declares in a `.d.ts`: `text` is the JavaScript compiled
 * beside that file (`lib/gauges.d.ts` and `lib/gauges.js`, the code a package runs). True when it
 * defines the callee once, `async`, with a body that catches every error (`isCatchAllBody`) or is
 * async in name only (`isSyncOnlyBody`): with `owner`, the method `name` of the one `class owner`
 * (`async refresh() { try { ... } catch (e) { log.warn(e); } }`); without, the one `function name`.
 * A second definition of the name anywhere in the class (an object literal's method, a getter, an
 * assignment `this.name = ...`) or the file, a method the scanner cannot read (a default parameter with a call, down-levelled
 * `__awaiter` code without `async`) answers false: the rules report as before.
 */
export function compiledCatchesAll(text: string, owner: string | null, name: string): boolean {
  const word = name.replaceAll('$', '\\$');
  if (owner === null) {
    const definitions = [...text.matchAll(new RegExp(`(?:^|[^\\w$.])(async\\s+)?function\\s*\\*?\\s*${word}\\s*\\(`, 'g'))];
    const [only] = definitions;
    if (definitions.length !== 1 || !only?.[1] || !atTopLevel(text, only.index)) return false;
    const open = bodyOpenAfterParameters(text, only.index + only[0].length - 1);
    return open !== -1 && compiledCannotReject(text, open);
  }
  const classes = [...text.matchAll(new RegExp(`(?:^|[^\\w$.])class\\s+${owner.replaceAll('$', '\\$')}(?![\\w$])[^{]*\\{`, 'g'))];
  const [declared] = classes;
  if (classes.length !== 1 || !declared) return false;
  const classOpen = declared.index + declared[0].length - 1;
  const classClose = closingIndex(text, classOpen);
  if (classClose === -1) return false;
  const body = text.slice(classOpen, classClose);
  // Every member-like use of the name at the start of a line or after `{`, `}`, `;` or a comment's
  // `*/`: its one definition, or a call written as a statement (a second use: not read).
  const members = [...body.matchAll(new RegExp(`(?:[{};/]|\\n)\\s*(?:static\\s+)?(async\\s+)?(?:[gs]et\\s+)?${word}\\s*\\(`, 'g'))];
  const [member] = members;
  // An assignment to the name anywhere in the file (`this.refresh = ...` inside the class,
  // `Metrics.prototype.refresh = ...` after it) may replace the method that runs.
  if (members.length !== 1 || !member?.[1] || new RegExp(`\\.${word}\\s*=(?!=)`).test(text)) return false;
  const open = bodyOpenAfterParameters(text, classOpen + member.index + member[0].length - 1);
  return open !== -1 && compiledCannotReject(text, open);
}

/**
 * `cannotRejectBody` for a package's compiled code, which the reader of the calling project does
 * not see: a body async in name only counts only when it makes no blocking call (`writeFileSync(`)
 * and parses no JSON, whose throws (a full disk, a missing or corrupt file) are failures, not bugs,
 * and reject the dropped promise.
 */
function compiledCannotReject(text: string, open: number): boolean {
  if (isCatchAllBody(text, open)) return true;
  const close = closingIndex(text, open);
  return close !== -1 && !/\w+Sync\s*\(|\bJSON\s*\.\s*parse\b/.test(text.slice(open, close)) && isSyncOnlyBody(text, open);
}

/**
 * True when `index` lies outside every bracket of `text` (a top-level function, not one nested in
 * another function that a same-named export may not be); false also when the scanner cannot close a
 * bracket before it.
 */
function atTopLevel(text: string, index: number): boolean {
  for (let at = 0; at < index; at += 1) {
    const char = text[at];
    if (char === '{' || char === '(' || char === '[') {
      const close = closingIndex(text, at);
      if (close === -1 || close > index) return false;
      at = close;
    } else if (char === '"' || char === "'" || char === '`') {
      const end = char === '`' ? skipTemplate(text, at) : skipString(text, at);
      if (end === -1) return false;
      at = end - 1;
    } else if (char === '/' && (text[at + 1] === '/' || text[at + 1] === '*')) {
      const end = skipTrivia(text, at);
      if (end === -1) return false;
      at = end - 1;
    }
  }
  return true;
}
