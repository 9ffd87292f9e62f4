/**
 * Lints a corpus with the plugin's rules and records what must never happen: a rule throwing
 * (crash), and a fix or suggestion whose output does not parse or is offered again on its own
 * output (not idempotent).
 */
import { ESLint, type Linter } from 'eslint';
import type { CorpusFile } from '../../scripts/corpus';
import { corpusConfig, pluginRuleEntries, pluginRuleIds, type OptionsLevel } from '../../scripts/corpus-config';

export interface LintRun {
  eslint: ESLint;
  files: Array<{ file: CorpusFile; messages: Linter.LintMessage[] }>;
  /** Files a rule threw on, with ESLint's error (it names the rule and the line). */
  crashes: Array<{ path: string; error: string }>;
  /** Files the parser rejected: the corpus must keep these at zero for generated files. */
  parseErrors: Array<{ path: string; message: string }>;
}

export interface LintSetup {
  level: OptionsLevel;
  /** Folder of the written corpus and its `tsconfig.json` for typed mode (files must be on disk there). */
  typedDir?: string;
}

export function createLinter(files: readonly CorpusFile[], setup: LintSetup): ESLint {
  return new ESLint({
    cwd: setup.typedDir,
    overrideConfigFile: true,
    overrideConfig: corpusConfig(files, { rules: pluginRuleEntries(setup.level), tsconfigRootDir: setup.typedDir }),
  });
}

function errorText(error: unknown): string {
  // The stack starts with the message, which ESLint extends with the file, line and rule.
  const text = error instanceof Error ? (error.stack ?? error.message) : String(error);
  return text.split('\n').slice(0, 12).join('\n');
}

/** Lints every file once; a rule throwing is recorded, never rethrown, so one run reports every crash. */
export async function lintCorpus(files: readonly CorpusFile[], setup: LintSetup): Promise<LintRun> {
  const eslint = createLinter(files, setup);
  const run: LintRun = { eslint, files: [], crashes: [], parseErrors: [] };
  for (const file of files) {
    try {
      const [result] = await eslint.lintText(file.text, { filePath: file.path });
      const messages = result?.messages ?? [];
      const fatal = messages.find((message) => message.fatal);
      if (fatal) run.parseErrors.push({ path: file.path, message: `${fatal.line}:${fatal.column} ${fatal.message}` });
      else run.files.push({ file, messages });
    } catch (error) {
      run.crashes.push({ path: file.path, error: errorText(error) });
    }
  }
  return run;
}

export interface FixProblem {
  ruleId: string;
  path: string;
  kind: 'crash' | 'unparsable' | 'repeated';
  /** Where the fix applies and what it writes, to reproduce by hand. */
  line: number;
  column: number;
  fixText: string;
  detail: string;
  /** The source around the fix, after applying it. */
  excerpt: string;
}

export interface FixSafetyReport {
  /** Fixes and suggestions applied, by rule id. */
  applied: Map<string, { fixes: number; suggestions: number }>;
  problems: FixProblem[];
}

const BOM = '\uFEFF';

interface Candidate {
  ruleId: string;
  kind: 'fix' | 'suggestion';
  fix: Linter.LintMessage['fix'] & object;
  line: number;
  column: number;
}

function candidatesOf(messages: readonly Linter.LintMessage[], ruleIds: ReadonlySet<string>): Candidate[] {
  const candidates: Candidate[] = [];
  for (const message of messages) {
    if (!message.ruleId || !ruleIds.has(message.ruleId)) continue;
    const at = { ruleId: message.ruleId, line: message.line, column: message.column };
    if (message.fix) candidates.push({ ...at, kind: 'fix', fix: message.fix });
    for (const suggestion of message.suggestions ?? []) candidates.push({ ...at, kind: 'suggestion', fix: suggestion.fix });
  }
  return candidates;
}

function excerptAround(text: string, start: number, length: number): string {
  const from = text.lastIndexOf('\n', Math.max(0, start - 120)) + 1;
  let to = text.indexOf('\n', Math.min(text.length, start + length + 120));
  if (to === -1) to = text.length;
  return text.slice(from, to);
}

/**
 * Applies every fix and suggestion of our rules in `run`, one at a time, to the file's text
 * (`text.slice(0, range[0]) + fix.text + text.slice(range[1])`), re-lints the output with the
 * same parser and config, and records a problem when the output does not parse, a rule throws on
 * it, or the same rule offers the same fix again (same text, starting at either edge of the span
 * the first fix wrote).
 * `limitPerFile` caps the candidates tried per file and rule (the first ones, deterministically)
 * so a package file with hundreds of reports does not dominate the run.
 */
export async function checkFixSafety(run: LintRun, limitPerFile = Number.POSITIVE_INFINITY): Promise<FixSafetyReport> {
  const ruleIds = new Set(pluginRuleIds());
  const report: FixSafetyReport = { applied: new Map(), problems: [] };
  for (const { file, messages } of run.files) {
    const perRule = new Map<string, number>();
    for (const candidate of candidatesOf(messages, ruleIds)) {
      const tried = perRule.get(candidate.ruleId) ?? 0;
      if (tried >= limitPerFile) continue;
      perRule.set(candidate.ruleId, tried + 1);
      const { range, text } = candidate.fix;
      // Ranges index the text without its BOM, as ESLint's own fixer applies them.
      const bom = file.text.startsWith(BOM) ? BOM : '';
      const source = file.text.slice(bom.length);
      const output = bom + source.slice(0, range[0]) + text + source.slice(range[1]);
      const counts = report.applied.get(candidate.ruleId) ?? { fixes: 0, suggestions: 0 };
      if (candidate.kind === 'fix') counts.fixes++;
      else counts.suggestions++;
      report.applied.set(candidate.ruleId, counts);
      const problem = (kind: FixProblem['kind'], detail: string): FixProblem => ({
        ruleId: candidate.ruleId,
        path: file.path,
        kind,
        line: candidate.line,
        column: candidate.column,
        fixText: text,
        detail,
        excerpt: excerptAround(output, bom.length + range[0], text.length),
      });
      let relinted: Linter.LintMessage[];
      try {
        const [result] = await run.eslint.lintText(output, { filePath: file.path });
        relinted = result?.messages ?? [];
      } catch (error) {
        report.problems.push(problem('crash', errorText(error)));
        continue;
      }
      const fatal = relinted.find((message) => message.fatal);
      if (fatal) {
        report.problems.push(problem('unparsable', `${fatal.line}:${fatal.column} ${fatal.message}`));
        continue;
      }
      // The fixed span now runs from `range[0]` to `end`: the same fix at either edge is the same
      // fix again (an insertion before a node moves the node to `end`).
      const end = range[0] + text.length;
      const again = candidatesOf(relinted, new Set([candidate.ruleId])).find(
        (next) => (next.fix.range[0] === range[0] || next.fix.range[0] === end) && next.fix.text === text,
      );
      if (again) report.problems.push(problem('repeated', `offered again at ${again.line}:${again.column}`));
    }
  }
  return report;
}

/** A readable summary of fix problems for an assertion message: counts, then the first few in full. */
export function formatFixProblems(problems: readonly FixProblem[], shown = 5): string {
  const counts = new Map<string, number>();
  for (const problem of problems) {
    const key = `${problem.ruleId} ${problem.kind}`;
    counts.set(key, (counts.get(key) ?? 0) + 1);
  }
  const lines = [...counts].map(([key, count]) => `${count} x ${key}`);
  for (const problem of problems.slice(0, shown)) {
    lines.push(
      `--- ${problem.ruleId} (${problem.kind}) ${problem.path}:${problem.line}:${problem.column}`,
      `fix text: ${JSON.stringify(problem.fixText)}`,
      `detail: ${problem.detail}`,
      `output around the fix:\n${problem.excerpt}`,
    );
  }
  return lines.join('\n');
}
