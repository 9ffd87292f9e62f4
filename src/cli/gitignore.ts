import { readFileSync } from 'node:fs';
import path from 'node:path';

/**
 * Turns the `.gitignore` in `dir` into flat-config `ignores` patterns (relative to `dir`, which is the
 * ESLint `cwd`). ESLint 9/10 core has no gitignore reader (it lives in `@eslint/compat`, which we do
 * not depend on), so this follows the same conversion:
 * - blank lines and `#` comments are skipped; `\#` and `\!` are literal;
 * - `!pattern` re-includes (kept as a negated pattern);
 * - a pattern with a `/` at its start or middle is anchored at `dir`; otherwise it matches at any
 *   depth (`**\/` is prefixed);
 * - a trailing `/` (directories only) is kept: flat-config `ignores` understand it.
 * Only the top-level `.gitignore` is read; nested ones and the global excludes file are not.
 * Returns [] when there is no `.gitignore`.
 */
export function readGitignorePatterns(dir: string): string[] {
  let text: string;
  try {
    text = readFileSync(path.join(dir, '.gitignore'), 'utf8');
  } catch {
    return [];
  }
  const patterns: string[] = [];
  for (const rawLine of text.split(/\r?\n/u)) {
    const converted = convertGitignoreLine(rawLine);
    if (converted !== undefined) patterns.push(converted);
  }
  return patterns;
}

/** One `.gitignore` line to one `ignores` pattern, or undefined for blank lines and comments. */
export function convertGitignoreLine(rawLine: string): string | undefined {
  // Trailing spaces are ignored unless escaped with a backslash.
  let line = rawLine.replace(/(?<!\\)\s+$/u, '');
  if (line === '' || line.startsWith('#')) return undefined;

  let negated = false;
  if (line.startsWith('!')) {
    negated = true;
    line = line.slice(1);
  } else if (line.startsWith('\\#') || line.startsWith('\\!')) {
    line = line.slice(1);
  }

  const directoryOnly = line.endsWith('/');
  const body = directoryOnly ? line.slice(0, -1) : line;
  if (body === '') return undefined;

  const anchored = body.includes('/');
  let pattern = body.startsWith('/') ? body.slice(1) : body;
  if (!anchored && !pattern.startsWith('**/')) pattern = `**/${pattern}`;
  if (directoryOnly) pattern += '/';
  return negated ? `!${pattern}` : pattern;
}
