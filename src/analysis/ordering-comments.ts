import type { TSESLint, TSESTree } from '@typescript-eslint/utils';
import { CACHED_CALL_NOTE, SEQUENTIAL_INTENT } from '../catalog/effects';
import { plainCommentText } from '../util/comment-text';
import { perFile } from './per-file';

/**
 * True when a comment's text gives a reason for running things in turn (`SEQUENTIAL_INTENT`:
 * "in order", "one at a time", "foreign keys: users before projects", "must come first",
 * "avoid concurrent queries on the same client", "one backend after the other").
 */
export function saysOrderMatters(text: string): boolean {
  return SEQUENTIAL_INTENT.test(plainCommentText(text));
}

/**
 * What the comments of one file say about running code in turn, for the two rules that suggest
 * running awaits together (`prefer-promise-all`, `prefer-promise-all-in-loop`). A comment next to
 * the awaits that gives an ordering reason, or an existing opt-out of the core `no-await-in-loop`
 * rule, is the author's decision: a suggestion to gather would undo it.
 *
 * The opt-outs are collected on the first question (one pass over the file's comments); the other
 * answers read only the comments next to the nodes asked about.
 */

/**
 * The index of the first of `comments` (in file order) for which `isBefore` is false, found by
 * binary search: `isBefore` must hold for a prefix of the list and fail for the rest.
 */
function firstNotBefore(comments: readonly TSESTree.Comment[], isBefore: (comment: TSESTree.Comment) => boolean): number {
  let low = 0;
  let high = comments.length;
  while (low < high) {
    const middle = (low + high) >>> 1;
    if (isBefore(comments[middle] as TSESTree.Comment)) low = middle + 1;
    else high = middle;
  }
  return low;
}

export class OrderingComments {
  /** Lines that carry (or are named by) a `no-await-in-loop` line disable; null until asked. */

  constructor(private readonly sourceCode: Readonly<TSESLint.SourceCode>) {}

  /**
   * True when a comment right before `node` (only whitespace between them) gives an ordering
   * reason (`saysOrderMatters`), or, with `orMentions`, matches that pattern too (a note that
   * names `Promise.all`, saying why it is not used). A comment that trails the code before it on
   * its line (`a(); // must come first`) is that code's, not `node`'s.
   */
  before(node: TSESTree.Node, orMentions?: RegExp): boolean {
    if (!this.mayHaveCommentBefore(node)) return false;
    return this.sourceCode.getCommentsBefore(node).some((comment) => {
      const previous = this.sourceCode.getTokenBefore(comment);
      if (previous && previous.loc.end.line === comment.loc.start.line) return false;
      return this.says(comment.value, orMentions);
    });
  }

  /** True when a comment inside `node` gives an ordering reason. */
  inside(node: TSESTree.Node): boolean {
    return this.sourceCode.getCommentsInside(node).some((comment) => saysOrderMatters(comment.value));
  }

  /**
   * True when a comment after `node` on its last line (`await a(); // must come first`) gives an
   * ordering reason.
   */
  trailing(node: TSESTree.Node): boolean {
    if (!this.mayHaveCommentAfter(node)) return false;
    return this.sourceCode
      .getCommentsAfter(node)
      .some((comment) => comment.loc.start.line === node.loc.end.line && saysOrderMatters(comment.value));
  }

  /**
   * True when a comment right before `node` (on lines of its own) or after it on its last line
   * says the call there answers from memory (`CACHED_CALL_NOTE`: "cached", "does not make extra
   * requests when called again", "makes no network request"): the author's word that there is no
   * wait worth overlapping.
   */
  notesCached(node: TSESTree.Node): boolean {
    const before = this.mayHaveCommentBefore(node) && this.sourceCode.getCommentsBefore(node).some((comment) => {
      const previous = this.sourceCode.getTokenBefore(comment);
      return !(previous && previous.loc.end.line === comment.loc.start.line) && CACHED_CALL_NOTE.test(plainCommentText(comment.value));
    });
    return (
      before ||
      (this.mayHaveCommentAfter(node) &&
        this.sourceCode.getCommentsAfter(node).some((comment) => comment.loc.start.line === node.loc.end.line && CACHED_CALL_NOTE.test(plainCommentText(comment.value))))
    );
  }

  /**
   * Can a comment be next to `node` (before it, or after it), with only whitespace between them?
   * The token store's `getCommentsBefore`/`getCommentsAfter` build cursors for every node asked
   * about, and most nodes have no comment next to them: the nearest comment on that side, found by a
   * binary search of the file's comments (ordered, not overlapping), is next to the node only when
   * nothing but whitespace lies between them (any other character is part of a token).
   */
  private mayHaveCommentBefore(node: TSESTree.Node): boolean {
    const comments = this.sourceCode.getAllComments();
    const offset = node.range[0];
    // The last comment that ends at or before the node starts.
    const comment = comments[firstNotBefore(comments, (each) => each.range[1] <= offset) - 1];
    return comment !== undefined && this.blankBetween(comment.range[1], offset);
  }

  private mayHaveCommentAfter(node: TSESTree.Node): boolean {
    const comments = this.sourceCode.getAllComments();
    const offset = node.range[1];
    // The first comment that starts at or after the node ends.
    const comment = comments[firstNotBefore(comments, (each) => each.range[0] < offset)];
    return comment !== undefined && this.blankBetween(offset, comment.range[0]);
  }

  /** Is the text between offsets `start` and `end` whitespace only (read from `end` back, up to the first other character)? */
  private blankBetween(start: number, end: number): boolean {
    const text = this.sourceCode.text;
    for (let index = end - 1; index >= start; index -= 1) {
      if (!isWhitespace(text.charCodeAt(index))) return false;
    }
    return true;
  }

  private says(text: string, orMentions: RegExp | undefined): boolean {
    return saysOrderMatters(text) || (orMentions !== undefined && orMentions.test(text));
  }

}

/** JavaScript's whitespace and line terminators (what `\s` matches), by UTF-16 code. */
function isWhitespace(code: number): boolean {
  if (code === 32 || (code >= 9 && code <= 13)) return true;
  return code >= 128 && WHITESPACE.test(String.fromCharCode(code));
}

const WHITESPACE = /^\s$/;

/** The ordering comments of the linted file (see `OrderingComments`), shared by the rules. */
export const getOrderingComments = perFile((context) => new OrderingComments(context.sourceCode));
