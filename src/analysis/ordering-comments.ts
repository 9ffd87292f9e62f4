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
    const before = this.sourceCode.getCommentsBefore(node).some((comment) => {
      const previous = this.sourceCode.getTokenBefore(comment);
      return !(previous && previous.loc.end.line === comment.loc.start.line) && CACHED_CALL_NOTE.test(plainCommentText(comment.value));
    });
    return (
      before ||
      this.sourceCode.getCommentsAfter(node).some((comment) => comment.loc.start.line === node.loc.end.line && CACHED_CALL_NOTE.test(plainCommentText(comment.value)))
    );
  }

  private says(text: string, orMentions: RegExp | undefined): boolean {
    return saysOrderMatters(text) || (orMentions !== undefined && orMentions.test(text));
  }

}

/** The ordering comments of the linted file (see `OrderingComments`), shared by the rules. */
export const getOrderingComments = perFile((context) => new OrderingComments(context.sourceCode));
