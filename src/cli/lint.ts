import { ESLint } from 'eslint';
import { UsageError, type CliOptions } from './args';
import { loadFormatter } from './formatter';
import { buildLintConfig, JS_FILES, MISSING_TYPESCRIPT, TS_FILES } from './lint-config';
import { countingParser, Progress } from './progress';
import { keepOwnMessages } from './results';

/** Exit codes of a lint run: 0 clean, 1 findings (errors, or warnings over --max-warnings). */
const EXIT_CLEAN = 0;
const EXIT_FINDINGS = 1;

/**
 * Lints `options.paths` from the current directory and writes the formatted report to stdout.
 * Returns the exit code; throws `UsageError` (or ESLint's own errors) for usage and config problems.
 */
export async function lint(options: CliOptions): Promise<number> {
  const cwd = process.cwd();
  const overrideConfig = buildLintConfig({ config: options.config, typed: options.typed, cwd });
  const progress = process.stderr.isTTY ? new Progress(process.stderr) : undefined;
  if (progress) {
    overrideConfig.push({
      files: [...JS_FILES, ...TS_FILES],
      plugins: { 'async-pitfalls-cli': progress.plugin() },
      rules: { 'async-pitfalls-cli/count': 'error' },
    });
  }

  const eslint = new ESLint({ cwd, overrideConfigFile: true, overrideConfig });
  // The formatter is loaded first so a bad --format fails before any linting work.
  const formatter = await loadFormatter(eslint, options.format, cwd);

  if (progress) {
    // Counted first: run side by side, the count's file reads queue behind the lint's and the total
    // would arrive at the very end. Costs reading each file once more, on a terminal only.
    progress.setTotal(await countFiles(cwd, overrideConfig, options.paths));
  }
  let results: ESLint.LintResult[];
  try {
    results = keepOwnMessages(await eslint.lintFiles(options.paths));
  } finally {
    progress?.clear();
  }

  const missingTypeScript = results.filter((result) =>
    result.messages.some((message) => message.fatal && message.message.includes(MISSING_TYPESCRIPT)),
  );
  if (missingTypeScript.length > 0) {
    throw new UsageError(
      `${missingTypeScript.length} TypeScript file(s) found (e.g. ${missingTypeScript[0]?.filePath}), ` +
        'but the "typescript" package is not installed: install it (npm i -D typescript) or pass only JavaScript paths.',
    );
  }

  const errorCount = results.reduce((sum, result) => sum + result.errorCount, 0);
  const warningCount = results.reduce((sum, result) => sum + result.warningCount, 0);
  const maxWarningsExceeded = options.maxWarnings !== undefined && warningCount > options.maxWarnings;
  const shown = options.quiet ? ESLint.getErrorResults(results) : results;

  const output = await formatter.format(
    shown,
    maxWarningsExceeded && options.maxWarnings !== undefined
      ? { maxWarningsExceeded: { maxWarnings: options.maxWarnings, foundWarnings: warningCount } }
      : {},
  );
  if (output) process.stdout.write(output.endsWith('\n') ? output : `${output}\n`);
  if (maxWarningsExceeded) {
    process.stderr.write(
      `async-pitfalls: ${warningCount} warning(s) found, more than --max-warnings ${options.maxWarnings}.\n`,
    );
  }
  return errorCount > 0 || maxWarningsExceeded ? EXIT_FINDINGS : EXIT_CLEAN;
}

/** How many files ESLint will lint for `paths`: same config, a do-nothing parser and no rules. */
async function countFiles(cwd: string, config: ReturnType<typeof buildLintConfig>, paths: string[]): Promise<number> {
  const counter = new ESLint({
    cwd,
    overrideConfigFile: true,
    overrideConfig: [
      ...config.filter((entry) => entry.ignores && !entry.files),
      ...config.filter((entry) => entry.files).map((entry) => ({ files: entry.files })),
      { files: [...JS_FILES, ...TS_FILES], languageOptions: { parser: countingParser } },
    ],
  });
  const results = await counter.lintFiles(paths);
  return results.length;
}
