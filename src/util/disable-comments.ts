import type { TSESLint } from '@typescript-eslint/utils';
import { type AnyRuleContext, perFile } from '../analysis/per-file';

/** Where directive comments of one file turn a rule off: from a block `eslint-disable` on, and single lines (oxlint's `oxlint-disable` spellings alike). */
interface Disabled {
  /** The first line of a block `/* eslint-disable rule *\/` (Infinity when there is none). */
  readonly fromLine: number;
  /** Lines turned off by `eslint-disable-line` (its own line) or `eslint-disable-next-line` (the line after it). */
  readonly lines: ReadonlySet<number>;
}

/**
 * The directive comments of one file, read once per rule name asked about (one pass over the
 * comments), so that a question per node costs a set lookup instead of a pass over the comments.
 */
class DisableDirectives {
  private readonly byRule = new Map<string, Disabled | null>();

  constructor(private readonly sourceCode: Readonly<TSESLint.SourceCode>) {}

  /** See `disablesRuleOn`. */
  disables(rule: string, lines: readonly number[]): boolean {
    if (lines.length === 0) return false;
    let disabled = this.byRule.get(rule);
    if (disabled === undefined) {
      disabled = this.read(rule);
      this.byRule.set(rule, disabled);
    }
    if (!disabled) return false;
    const { fromLine, lines: single } = disabled;
    return fromLine <= Math.min(...lines) || lines.some((line) => single.has(line));
  }

  private read(rule: string): Disabled | null {
    if (!this.sourceCode.text.includes(rule)) return null;
    const named = new RegExp(String.raw`(?:^|[\s,])(?:eslint\/)?${rule.replace(/[-/]/g, (char) => `\\${char}`)}(?=$|[\s,])`, 'm');
    let fromLine = Infinity;
    const lines = new Set<number>();
    for (const comment of this.sourceCode.getAllComments()) {
      const match = /^\s*(?:eslint|oxlint)-(disable(?:-next-line|-line)?)\s+([^\n]*?)(?:\s--\s[^\n]*)?$/.exec(comment.value);
      if (!match?.[1] || match[2] === undefined || !named.test(match[2])) continue;
      if (match[1] === 'disable') fromLine = Math.min(fromLine, comment.loc.start.line);
      else lines.add(match[1] === 'disable-next-line' ? comment.loc.end.line + 1 : comment.loc.start.line);
    }
    return fromLine === Infinity && lines.size === 0 ? null : { fromLine, lines };
  }
}

const getDisableDirectives = perFile((context) => new DisableDirectives(context.sourceCode));

/**
 * True when a directive comment turns `rule` off for one of `lines`: `// eslint-disable-line rule`
 * on the line, `// eslint-disable-next-line rule` on the line above, or a block
 * `/* eslint-disable rule *\/` before it; oxlint's `oxlint-disable...` spellings count alike. Rule
 * names are matched as whole words, plugin prefixes included (`no-async-promise-executor` matches
 * the core rule only, also written `eslint/no-async-promise-executor` as oxlint names it). Used by
 * rules that honour a neighbouring rule's disable as a statement of intent (the author saw the
 * pattern and kept it).
 * The file's comments are read once per rule name (shared by the plugin's rules, see `perFile`).
 */
export function disablesRuleOn(context: AnyRuleContext, rule: string, lines: readonly number[]): boolean {
  return getDisableDirectives(context).disables(rule, lines);
}
