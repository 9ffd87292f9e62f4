import type { TSESLint, TSESTree } from '@typescript-eslint/utils';
import { perFile } from './per-file';

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
  private readonly text: string;

  constructor(private readonly sourceCode: Readonly<TSESLint.SourceCode>) {
    this.text = sourceCode.text;
  }

  /** The distinct string literal texts of the file (see `someString`), read on the first question. */
  private strings: readonly string[] | null = null;

  /**
   * Does some string literal of the file (a `'...'`/`"..."` token, or a template literal without
   * substitutions) satisfy `test`? `test` sees the literal's text between its quotes, escapes
   * unresolved. Module specifiers of imports, `require()` and `import()` are such literals, so
   * this is a superset test for "may this file load module X". The tokens are read once per file;
   * each question after that looks at the distinct literal texts only.
   */
  someString(test: (value: string) => boolean): boolean {
    this.strings ??= this.readStrings();
    for (const value of this.strings) {
      if (test(value)) return true;
    }
    return false;
  }

  private readStrings(): readonly string[] {
    const found = new Set<string>();
    for (const token of this.sourceCode.ast.tokens) {
      const type = token.type;
      if (type !== 'String' && type !== 'Template') continue;
      const value = token.value;
      if (type === 'String' || (value.length >= 2 && value.startsWith('`') && value.endsWith('`'))) found.add(value.slice(1, -1));
    }
    return [...found];
  }

  /**
   * Does some string literal of the file equal one of `values`, or start with one of `prefixes`?
   * A literal with a backslash (an escape that may spell anything) counts as a match.
   */
  anyStringMayBe(values: ReadonlySet<string>, prefixes: readonly string[] = []): boolean {
    return this.someString(
      (value) => value.includes('\\') || values.has(value) || prefixes.some((prefix) => value.startsWith(prefix)),
    );
  }

  /** Does `word` occur anywhere in the file's text? */
  has(word: string): boolean {
    return this.offsetsOf(word).length > 0;
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

  private offsetsOf(word: string): readonly number[] {
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
