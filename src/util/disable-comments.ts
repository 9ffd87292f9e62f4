import type { TSESLint } from '@typescript-eslint/utils';

/**
 * True when a directive comment turns `rule` off for one of `lines`: `// eslint-disable-line rule`
 * on the line, `// eslint-disable-next-line rule` on the line above, or a block
 * `/* eslint-disable rule *\/` before it; oxlint's `oxlint-disable...` spellings count alike. Rule
 * names are matched as whole words, plugin prefixes included (`no-async-promise-executor` matches
 * the core rule only, also written `eslint/no-async-promise-executor` as oxlint names it). Used by rules that honour a
 * neighbouring rule's disable as a statement of intent (the author saw the pattern and kept it).
 */
export function disablesRuleOn(sourceCode: Readonly<TSESLint.SourceCode>, rule: string, lines: readonly number[]): boolean {
  if (lines.length === 0 || !sourceCode.text.includes(rule)) return false;
  const named = new RegExp(String.raw`(?:^|[\s,])(?:eslint\/)?${rule.replace(/[-/]/g, (char) => `\\${char}`)}(?=$|[\s,])`, 'm');
  const first = Math.min(...lines);
  return sourceCode.getAllComments().some((comment) => {
    const match = /^\s*(?:eslint|oxlint)-(disable(?:-next-line|-line)?)\s+([^\n]*?)(?:\s--\s[^\n]*)?$/.exec(comment.value);
    if (!match?.[1] || match[2] === undefined || !named.test(match[2])) return false;
    if (match[1] === 'disable') return comment.loc.start.line <= first;
    const line = match[1] === 'disable-next-line' ? comment.loc.end.line + 1 : comment.loc.start.line;
    return lines.includes(line);
  });
}
