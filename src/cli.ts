#!/usr/bin/env node
/**
 * `async-pitfalls [paths...]`: lint a project with this plugin and no configuration, through ESLint's
 * Node API (so globbing, ignores, parsing and formatting are ESLint's). See `async-pitfalls --help`.
 * ESLint and the rules load only once the arguments are valid, so usage errors, --help and --version
 * answer at once.
 */
import { HELP, parseCliArgs, type CliOptions } from './cli/args';

/** Exit code for usage and configuration errors (0 and 1 come from the lint run). */
const EXIT_USAGE = 2;

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
    return 0;
  }
  if (options.version) {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    process.stdout.write(`${(require('../package.json') as { version: string }).version}\n`);
    return 0;
  }
  try {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const { lint } = require('./cli/lint') as typeof import('./cli/lint');
    return await lint(options);
  } catch (error) {
    return reportFailure(error, false);
  }
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
