/**
 * Crash-freedom and fix safety of every rule, over the robustness corpus (package sample,
 * generated edge cases and pitfalls, docs examples): with default and with strictest options
 * untyped, and with the strictest options typed on a smaller sample.
 */
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { lineCount, REPO_ROOT, writeCorpus, type CorpusFile } from '../../scripts/corpus';
import { pluginRuleIds, pluginRules, type OptionsLevel } from '../../scripts/corpus-config';
import { robustnessCorpus } from './corpus';
import { checkFixSafety, formatFixProblems, lintCorpus, type FixSafetyReport, type LintRun } from './lint-corpus';

/** Each rule with suggestions must have at least this many applied in the untyped default run. */
const MIN_SUGGESTIONS_PER_RULE = 5;
/**
 * Fix candidates tried per file and rule: generated files stay under the untyped limit, big
 * package files are capped; typed re-linting updates the program each time, so it tries fewer.
 */
const FIX_LIMIT_PER_FILE_AND_RULE = { untyped: 30, typed: 6 };

const corpus = robustnessCorpus();
const ruleIds = pluginRuleIds();
const reports: Array<{ name: string; files: CorpusFile[]; run: LintRun; fixes: FixSafetyReport }> = [];

function formatCounts(name: string, files: readonly CorpusFile[], run: LintRun, fixes: FixSafetyReport): string {
  const lines = [
    `${name}: ${files.length} files, ${files.reduce((sum, file) => sum + lineCount(file.text), 0)} lines, ` +
      `${run.crashes.length} crashes, ${run.parseErrors.length} parse errors, ${fixes.problems.length} fix problems`,
  ];
  for (const ruleId of ruleIds) {
    const reported = run.files.reduce((sum, { messages }) => sum + messages.filter((m) => m.ruleId === ruleId).length, 0);
    const applied = fixes.applied.get(ruleId) ?? { fixes: 0, suggestions: 0 };
    lines.push(`  ${ruleId}: ${reported} reports, ${applied.suggestions} suggestions and ${applied.fixes} fixes applied`);
  }
  return lines.join('\n');
}

// Typed mode runs once, with the strictest options (they report at least what the defaults do):
// building and re-checking a program costs most of this test's time.
const modes: Array<{ level: OptionsLevel; typed: boolean }> = [
  { level: 'default', typed: false },
  { level: 'strict', typed: false },
  { level: 'strict', typed: true },
];

for (const mode of modes) {
  const name = `${mode.typed ? 'typed' : 'untyped'}, ${mode.level} options`;
  describe(name, () => {
    const files = mode.typed ? corpus.typed : corpus.untyped;
    let typedDir: string | undefined;
    let run: LintRun;
    let fixes: FixSafetyReport;

    before(async () => {
      if (mode.typed) {
        mkdirSync(path.join(REPO_ROOT, '.bench'), { recursive: true });
        typedDir = mkdtempSync(path.join(REPO_ROOT, '.bench', 'robustness-'));
        writeCorpus(typedDir, files);
      }
      run = await lintCorpus(files, { level: mode.level, typedDir });
      fixes = await checkFixSafety(run, FIX_LIMIT_PER_FILE_AND_RULE[mode.typed ? 'typed' : 'untyped']);
      reports.push({ name, files, run, fixes });
    });

    after(() => {
      if (typedDir) rmSync(typedDir, { recursive: true, force: true });
    });

    it('no rule throws', (t) => {
      t.diagnostic(formatCounts(name, files, run, fixes));
      assert.ok(
        run.crashes.length === 0,
        run.crashes.slice(0, 5).map((crash) => `--- ${crash.path}\n${crash.error}`).join('\n'),
      );
    });

    it('every generated file parses (the edge cases really reach the rules)', (t) => {
      for (const error of run.parseErrors) t.diagnostic(`parse error (not linted): ${error.path} ${error.message}`);
      assert.deepEqual(
        run.parseErrors.filter((error) => error.path.startsWith('generated/')),
        [],
      );
    });

    it('every fix and suggestion output parses, and is not offered again on its own output', () => {
      assert.ok(fixes.problems.length === 0, formatFixProblems(fixes.problems));
    });
  });
}

describe('the corpus exercises every rule', () => {
  it(`applies at least ${MIN_SUGGESTIONS_PER_RULE} suggestions of each rule with suggestions, and a fix of each fixable rule`, () => {
    // The strict options report at least what the defaults do (blocking calls in scripts too),
    // so they exercise the most suggestions.
    const untypedStrict = reports.find((report) => report.name === 'untyped, strict options');
    assert.ok(untypedStrict, 'the untyped strict run did not complete');
    const missing: string[] = [];
    for (const [name, rule] of Object.entries(pluginRules())) {
      const applied = untypedStrict.fixes.applied.get(`async-pitfalls/${name}`) ?? { fixes: 0, suggestions: 0 };
      if (rule.meta?.hasSuggestions && applied.suggestions < MIN_SUGGESTIONS_PER_RULE) {
        missing.push(`${name}: ${applied.suggestions} suggestions applied`);
      }
      if (rule.meta?.fixable && applied.fixes < 1) missing.push(`${name}: no fix applied`);
    }
    assert.deepEqual(missing, []);
  });
});
