#!/usr/bin/env node
/**
 * `async-pitfalls [paths...]`: lint a project with this plugin and no configuration, through ESLint's
 * Node API (so globbing, ignores, parsing and formatting are ESLint's). See `async-pitfalls --help`.
 */
import { ESLint } from 'eslint';
import plugin from './index';
import { HELP, parseCliArgs, UsageError, type CliOptions } from './cli/args';
import { loadFormatter } from './cli/formatter';
import { buildLintConfig, JS_FILES, MISSING_TYPESCRIPT, TS_FILES } from './cli/lint-config';
import { countingParser, Progress } from './cli/progress';
import { keepOwnMessages } from './cli/results';

/** Exit codes: 0 clean, 1 findings (errors, or warnings over --max-warnings), 2 usage/config error. */
export const EXIT_CLEAN = 0;
export const EXIT_FINDINGS = 1;
export const EXIT_USAGE = 2;

/** Runs the CLI and returns its exit code; writes the report to stdout and diagnostics to stderr. */
export async function run(argv: readonly string[]): Promise<number> {
  let options: CliOptions;
  try {
    options = parseCliArgs(argv);
  } catch (error) {
    return reportFailure(error, true);
  }
  if (options.help) {
    process.stdout.write(`${HELP}\n`);
    return EXIT_CLEAN;
  }
  if (options.version) {
    process.stdout.write(`${plugin.meta.version}\n`);
    return EXIT_CLEAN;
  }
  try {
    return await lint(options);
  } catch (error) {
    return reportFailure(error, false);
  }
}

async function lint(options: CliOptions): Promise<number> {
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
    // Count in parallel; the progress line shows the total once this resolves.
    void countFiles(cwd, overrideConfig, options.paths).then(
      (total) => progress.setTotal(total),
      () => undefined,
    );
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

/** One clear line on stderr, never a stack trace (set ASYNC_PITFALLS_DEBUG=1 to see one). */
function reportFailure(error: unknown, showHelpHint: boolean): number {
  const message = error instanceof Error ? error.message : String(error);
  process.stderr.write(`async-pitfalls: ${message.trim()}\n`);
  if (showHelpHint) process.stderr.write('Run `async-pitfalls --help` for usage.\n');
  if (process.env.ASYNC_PITFALLS_DEBUG && error instanceof Error && error.stack) {
    process.stderr.write(`${error.stack}\n`);
  }
  return EXIT_USAGE;
}

if (require.main === module) {
  void run(process.argv.slice(2)).then((code) => {
    process.exitCode = code;
  });
}
