import type { TSESLint, TSESTree } from '@typescript-eslint/utils';
import { AST_NODE_TYPES } from '../util/ast-node-types';
import { perFile } from './per-file';
import { deepestNodeAt } from './walk';

/**
 * Where a word occurs in a file's text, for rules to skip work where nothing can match.
 *
 * The answers are a cheap superset of the syntax: every `await` expression has the characters
 * `await` inside its range, every async function the characters `async`. A word that occurs in a
 * comment, a string or a longer identifier (`awaiting`) also counts, so a "no" is exact (the
 * construct cannot be there) and a "yes" only means "look".
 *
 * Offsets are computed on the first question about a word (one `indexOf` scan of the text) and
 * kept for the file; each question after that is a binary search.
 */
export class SourceWords {
  private readonly offsets = new Map<string, readonly number[]>();
  /** `has` answers for words whose offsets were not listed. */
  private readonly present = new Map<string, boolean>();
  private readonly text: string;

  constructor(private readonly sourceCode: Readonly<TSESLint.SourceCode>) {
    this.text = sourceCode.text;
  }

  /**
   * The distinct string literal texts of the file (see `someString`), whether one of them has a
   * backslash, and the answers given per prefix; read on the first question.
   */
  private strings: { readonly values: ReadonlySet<string>; readonly escaped: boolean; readonly prefixes: Map<string, boolean> } | null =
    null;

  /**
   * Does some string literal of the file (a `'...'`/`"..."` token, or a template literal without
   * substitutions) satisfy `test`? `test` sees the literal's text between its quotes, escapes
   * unresolved. Module specifiers of imports, `require()` and `import()` are such literals, so
   * this is a superset test for "may this file load module X". The tokens are read once per file;
   * each question after that looks at the distinct literal texts only.
   */
  someString(test: (value: string) => boolean): boolean {
    for (const value of this.stringLiterals().values) {
      if (test(value)) return true;
    }
    return false;
  }

  /**
   * Does some string literal of the file equal one of `values`, or start with one of `prefixes`?
   * A literal with a backslash (an escape that may spell anything) counts as a match. Answered
   * from the file's distinct literal texts (`values` looked up in them, each prefix answered once
   * per file).
   */
  anyStringMayBe(values: ReadonlySet<string>, prefixes: readonly string[] = []): boolean {
    const strings = this.stringLiterals();
    if (strings.escaped) return true;
    if (values.size <= strings.values.size) {
      for (const value of values) if (strings.values.has(value)) return true;
    } else {
      for (const value of strings.values) if (values.has(value)) return true;
    }
    for (const prefix of prefixes) {
      let found = strings.prefixes.get(prefix);
      if (found === undefined) {
        found = false;
        for (const value of strings.values) {
          if (value.startsWith(prefix)) {
            found = true;
            break;
          }
        }
        strings.prefixes.set(prefix, found);
      }
      if (found) return true;
    }
    return false;
  }

  private stringLiterals(): { readonly values: ReadonlySet<string>; readonly escaped: boolean; readonly prefixes: Map<string, boolean> } {
    if (this.strings) return this.strings;
    const values = new Set<string>();
    let escaped = false;
    for (const token of this.sourceCode.ast.tokens) {
      const type = token.type;
      if (type !== 'String' && type !== 'Template') continue;
      const value = token.value;
      if (type === 'Template' && !(value.length >= 2 && value.startsWith('`') && value.endsWith('`'))) continue;
      const text = value.slice(1, -1);
      if (text.includes('\\')) escaped = true;
      values.add(text);
    }
    this.strings = { values, escaped, prefixes: new Map() };
    return this.strings;
  }

  /** Does `word` occur anywhere in the file's text? */
  has(word: string): boolean {
    const offsets = this.offsets.get(word);
    if (offsets) return offsets.length > 0;
    // One `indexOf` that stops at the first occurrence; the offsets are listed only when asked for.
    let found = this.present.get(word);
    if (found === undefined) {
      found = this.text.includes(word);
      this.present.set(word, found);
    }
    return found;
  }

  /** `inCode` answers, by word. */
  private readonly codePresent = new Map<string, boolean>();

  /**
   * Does `word` stand alone (see `wordOccurrences`) somewhere outside the file's comments? A
   * keyword, or an identifier of exactly that name written without escapes, always does, so a
   * "no" is exact for the construct (a `.then(...)` chain, a `Promise` reference); a word in a
   * string, template, regular expression or JSX text still counts. Stops at the first such
   * occurrence; each occurrence is placed among the comments by a binary search.
   */
  inCode(word: string): boolean {
    let found = this.codePresent.get(word);
    if (found !== undefined) return found;
    found = false;
    // The empty word stands nowhere (and `indexOf` would never move past it).
    if (word === '') return false;
    const text = this.text;
    const comments = this.sourceCode.getAllComments();
    for (let index = text.indexOf(word); index !== -1; index = text.indexOf(word, index + word.length)) {
      if (isAsciiWordCode(text.charCodeAt(index - 1)) || isAsciiWordCode(text.charCodeAt(index + word.length))) continue;
      if (!insideSomeRange(comments, index)) {
        found = true;
        break;
      }
    }
    this.codePresent.set(word, found);
    return found;
  }

  /** `escapesAnIdentifier` answer, on the first question. */
  private escapedIdentifier: boolean | undefined;

  /**
   * Is some identifier (or private name) of the file written with a `\u` escape (`\u0061pi`,
   * `requ\u0069re`)? Such a name is not found by its word, so a reading by words must then ask
   * the tree. One scan for `\u`, a lookup in the tree per occurrence (most are in strings).
   */
  escapesAnIdentifier(): boolean {
    if (this.escapedIdentifier !== undefined) return this.escapedIdentifier;
    const ast = this.sourceCode.ast;
    this.escapedIdentifier = false;
    for (const offset of this.occurrences('\\u', ast.range[0], ast.range[1])) {
      const node = deepestNodeAt(ast, offset, this.sourceCode.visitorKeys);
      if (node?.type === AST_NODE_TYPES.Identifier || node?.type === AST_NODE_TYPES.PrivateIdentifier) {
        this.escapedIdentifier = true;
        break;
      }
    }
    return this.escapedIdentifier;
  }

  /** Does `word` occur entirely inside `node`'s source range? */
  within(word: string, node: TSESTree.Node): boolean {
    return this.between(word, node.range[0], node.range[1]);
  }

  /** Does `word` occur entirely inside the text between offsets `start` and `end`? */
  between(word: string, start: number, end: number): boolean {
    const offsets = this.offsetsOf(word);
    const first = offsets[firstAtOrAfter(offsets, start)];
    return first !== undefined && first + word.length <= end;
  }

  /** `anyStartsBetween` lists: the offsets of a list of words, merged and ascending, by the words joined. */
  private readonly mergedOffsets = new Map<string, readonly number[]>();

  /**
   * Does one of `words` start at an offset from `start` up to (not including) `end`? A superset of
   * "occurs entirely between": a word that starts in the stretch but runs past `end` counts too.
   * The words' offsets are merged into one list on the first question for that list of words, so
   * each question after that is one binary search, however many words there are.
   */
  anyStartsBetween(words: readonly string[], start: number, end: number): boolean {
    const key = words.join('\0');
    let offsets = this.mergedOffsets.get(key);
    if (!offsets) {
      const merged: number[] = [];
      for (const word of words) for (const offset of this.offsetsOf(word)) merged.push(offset);
      merged.sort((a, b) => a - b);
      offsets = merged;
      this.mergedOffsets.set(key, offsets);
    }
    const first = offsets[firstAtOrAfter(offsets, start)];
    return first !== undefined && first < end;
  }

  /**
   * The offsets, ascending, where `word` occurs entirely inside the text between `start` and
   * `end` (in code, comments, strings and longer words alike).
   */
  *occurrences(word: string, start: number, end: number): Generator<number> {
    const offsets = this.offsetsOf(word);
    for (let index = firstAtOrAfter(offsets, start); index < offsets.length; index += 1) {
      const offset = offsets[index] ?? end;
      if (offset + word.length > end) return;
      yield offset;
    }
  }

  /**
   * Like `occurrences`, but only where `word` stands alone: the characters before and after it are
   * not ASCII letters, digits, `_` or `$`. A keyword or an identifier of exactly that name always
   * stands alone, so this is still a superset of where the construct can start (`return` in
   * `returnType` or `isReturn` is left out; `return` in a comment or string is not).
   */
  *wordOccurrences(word: string, start: number, end: number): Generator<number> {
    const text = this.text;
    for (const offset of this.occurrences(word, start, end)) {
      if (isAsciiWordCode(text.charCodeAt(offset - 1)) || isAsciiWordCode(text.charCodeAt(offset + word.length))) continue;
      yield offset;
    }
  }

  private offsetsOf(word: string): readonly number[] {
    // The empty word would match at every offset (and `indexOf` would never move past it).
    if (word === '') return [];
    let found = this.offsets.get(word);
    if (!found) {
      const list: number[] = [];
      for (let index = this.text.indexOf(word); index !== -1; index = this.text.indexOf(word, index + word.length)) {
        list.push(index);
      }
      found = list;
      this.offsets.set(word, found);
    }
    return found;
  }
}

/** Is this UTF-16 code an ASCII letter, digit, `_` or `$` (NaN, outside the text, is not)? */
function isAsciiWordCode(code: number): boolean {
  return (
    (code >= 97 && code <= 122) || (code >= 65 && code <= 90) || (code >= 48 && code <= 57) || code === 95 || code === 36
  );
}

/** Is `offset` inside one of `ranges` (ascending, not overlapping)? */
function insideSomeRange(ranges: readonly { readonly range: readonly [number, number] }[], offset: number): boolean {
  let low = 0;
  let high = ranges.length;
  while (low < high) {
    const middle = (low + high) >>> 1;
    const range = ranges[middle]?.range;
    if (!range) return false;
    if (range[1] <= offset) low = middle + 1;
    else if (range[0] > offset) high = middle;
    else return true;
  }
  return false;
}

/** The index of the first of the ascending `offsets` that is at least `start` (`offsets.length` when none is). */
function firstAtOrAfter(offsets: readonly number[], start: number): number {
  let low = 0;
  let high = offsets.length;
  while (low < high) {
    const middle = (low + high) >>> 1;
    if ((offsets[middle] ?? 0) < start) low = middle + 1;
    else high = middle;
  }
  return low;
}

/** The file's `SourceWords` (see there), shared by every rule of the plugin. */
export const getSourceWords = perFile((context) => new SourceWords(context.sourceCode));
