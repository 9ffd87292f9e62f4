import { Linter } from 'eslint';
import * as tsParser from '@typescript-eslint/parser';
import type { TSESLint } from '@typescript-eslint/utils';

/**
 * Runs `visit` as a throwaway rule over `code` and returns what it collected: how analysis
 * modules are tested on real scope analysis without a rule around them.
 */
export function runOnCode<R>(
  code: string,
  visit: (context: Readonly<TSESLint.RuleContext<string, []>>, collect: (value: R) => void) => TSESLint.RuleListener,
  options: { sourceType?: 'module' | 'commonjs' | 'script'; globals?: Record<string, 'readonly'>; filename?: string; cwd?: string; parser?: Linter.Parser } = {},
): R[] {
  const collected: R[] = [];
  const rule: TSESLint.RuleModule<string, []> = {
    defaultOptions: [],
    meta: { type: 'problem', messages: {}, schema: [] },
    create: (context) => visit(context, (value) => collected.push(value)),
  };
  const linter = new Linter({ configType: 'flat', ...(options.cwd ? { cwd: options.cwd } : {}) });
  const messages = linter.verify(code, {
    files: ['**/*.ts'],
    languageOptions: {
      parser: options.parser ?? (tsParser as Linter.Parser),
      sourceType: options.sourceType ?? 'module',
      globals: options.globals ?? {},
    },
    plugins: { test: { rules: { probe: rule as never } } },
    rules: { 'test/probe': 'error' },
  }, options.filename ?? 'file.ts');
  const fatal = messages.find((message) => message.fatal);
  if (fatal) throw new Error(fatal.message);
  return collected;
}
