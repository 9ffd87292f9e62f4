import { parseArgs } from 'node:util';
import type { ConfigName } from '../configs';

/** A problem with how the CLI was called or configured: printed as one clear line, exit code 2. */
export class UsageError extends Error {
  override name = 'UsageError';
}

/** What the command line asked for, validated. */
export interface CliOptions {
  paths: string[];
  format: string;
  typed: boolean;
  config: ConfigName;
  maxWarnings: number | undefined;
  quiet: boolean;
  help: boolean;
  version: boolean;
}

const CONFIG_NAMES: readonly ConfigName[] = ['recommended', 'strict', 'all'];

export const HELP = `Usage: async-pitfalls [options] [paths...]

Lint JavaScript and TypeScript files for async/await pitfalls with zero configuration.
Paths default to the current directory. Files: .js .mjs .cjs .jsx .ts .mts .cts .tsx;
ESLint's default ignores (node_modules, .git) and ./.gitignore apply.

Options:
  --config <name>      recommended (default), strict or all
  --typed              use type information (typescript-eslint projectService; needs typescript
                       and a tsconfig.json covering the TypeScript files)
  --format <name>      any ESLint formatter (stylish, json, json-with-metadata, html, a package
                       or a path), or sarif; default stylish
  --max-warnings <n>   exit 1 when there are more than n warnings
  --quiet              report errors only
  -h, --help           show this help
  -v, --version        show the version

Exit codes: 0 no findings, 1 findings at error level (or more warnings than --max-warnings),
2 usage or configuration error.`;

/** Parses `argv` (without node and the script) into options; throws `UsageError` on anything invalid. */
export function parseCliArgs(argv: readonly string[]): CliOptions {
  let parsed;
  try {
    parsed = parseArgs({
      args: [...argv],
      allowPositionals: true,
      strict: true,
      options: {
        format: { type: 'string', short: 'f' },
        typed: { type: 'boolean' },
        config: { type: 'string', short: 'c' },
        'max-warnings': { type: 'string' },
        quiet: { type: 'boolean' },
        help: { type: 'boolean', short: 'h' },
        version: { type: 'boolean', short: 'v' },
      },
    });
  } catch (error) {
    // parseArgs' messages are already user-facing ("Unknown option '--foo'").
    throw new UsageError(error instanceof Error ? error.message : String(error));
  }
  const { values, positionals } = parsed;

  const config = values.config ?? 'recommended';
  if (!CONFIG_NAMES.includes(config as ConfigName)) {
    throw new UsageError(`Unknown config '${config}': use one of ${CONFIG_NAMES.join(', ')}.`);
  }

  let maxWarnings: number | undefined;
  const rawMax = values['max-warnings'];
  if (rawMax !== undefined) {
    if (!/^\d+$/.test(rawMax)) {
      throw new UsageError(`--max-warnings expects a whole number >= 0, got '${rawMax}'.`);
    }
    maxWarnings = Number(rawMax);
  }

  const format = values.format ?? 'stylish';
  if (format === '') throw new UsageError('--format expects a formatter name.');

  return {
    paths: positionals.length > 0 ? positionals : ['.'],
    format,
    typed: values.typed ?? false,
    config: config as ConfigName,
    maxWarnings,
    quiet: values.quiet ?? false,
    help: values.help ?? false,
    version: values.version ?? false,
  };
}
