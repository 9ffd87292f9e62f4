import type { ESLint } from 'eslint';
import { UsageError } from './args';

/** The formatter's signature as `@microsoft/eslint-formatter-sarif` exports it (ESLint's classic API). */
type FormatterFunction = (results: ESLint.LintResult[], data: ESLint.LintResultData) => string;

/**
 * Loads a formatter by name: `sarif` is `@microsoft/eslint-formatter-sarif`, a dependency of this
 * package (so it resolves from here, not from the user's project); any other name goes to ESLint's
 * `loadFormatter` (built-ins such as `stylish` and `json`, `eslint-formatter-*` packages, or a path).
 */
export async function loadFormatter(eslint: ESLint, name: string, cwd: string): Promise<ESLint.LoadedFormatter> {
  if (name === 'sarif') {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const format = require('@microsoft/eslint-formatter-sarif') as FormatterFunction;
    // ESLint's own loaded formatters receive `cwd` and `rulesMeta` from ESLint; this one gets them here.
    return {
      format: (results, resultsMeta) =>
        format(results, { ...resultsMeta, cwd, rulesMeta: eslint.getRulesMetaForResults(results) }),
    };
  }
  try {
    return await eslint.loadFormatter(name);
  } catch (error) {
    const detail = error instanceof Error ? error.message.split('\n')[0] : String(error);
    throw new UsageError(`Cannot load formatter '${name}': ${detail}`);
  }
}
