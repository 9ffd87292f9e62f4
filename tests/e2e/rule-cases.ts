/**
 * The untyped cases of the rule tests (`tests/rules/*.test.ts`, not `*.typed.test.ts`), as data, so
 * `oxlint.test.ts` can lint every construct a rule's tests cover through oxlint and through ESLint.
 *
 * Run as a script (`node --import tsx tests/e2e/rule-cases.ts <out.json>`), in its own process: the
 * test files are loaded with `RuleTester#run` replaced by a recorder, so no case runs; the process exits
 * as soon as the files are loaded, before `node:test` starts the suites they declare.
 */
import { readdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { RuleTester } from '@typescript-eslint/rule-tester';

/** One case, in a form both hosts can lint: a module (default), CommonJS, or a script. */
export interface RuleCase {
  rule: string;
  kind: 'valid' | 'invalid';
  code: string;
  options: unknown[];
  sourceType: 'module' | 'commonjs' | 'script';
  globals: Record<string, 'readonly' | 'writable'>;
  /** For a case linted as a file of `tests/fixtures` (it imports its neighbours): that file's name. */
  fixture: string | null;
}

const FIXTURES_DIR = path.join(__dirname, '..', 'fixtures');

interface TestCase {
  code: string;
  options?: unknown[];
  filename?: string;
  settings?: unknown;
  languageOptions?: {
    sourceType?: 'module' | 'commonjs' | 'script';
    globals?: Record<string, 'readonly' | 'writable'>;
    parserOptions?: { sourceType?: 'module' | 'script' };
  };
}

/**
 * The case as a `RuleCase`, or null when it cannot be replayed the same way in both hosts: a case with
 * `settings` (oxlint's `overrides` take none) or a `filename` outside `tests/fixtures` (the modules it
 * reads beside that path are not there to copy).
 */
function toRuleCase(rule: string, kind: RuleCase['kind'], test: string | TestCase): RuleCase | null {
  const item = typeof test === 'string' ? { code: test } : test;
  if (item.settings !== undefined) return null;
  const fixture = item.filename === undefined ? null : path.relative(FIXTURES_DIR, item.filename);
  if (fixture !== null && (fixture.startsWith('..') || path.isAbsolute(fixture))) return null;
  const sourceType = item.languageOptions?.sourceType ?? item.languageOptions?.parserOptions?.sourceType ?? 'module';
  return { rule, kind, code: item.code, options: item.options ?? [], sourceType, globals: item.languageOptions?.globals ?? {}, fixture };
}

if (require.main === module) {
  const out = process.argv[2];
  if (!out) throw new Error('usage: rule-cases.ts <out.json>');
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const { typedRuleTester } = require('../rule-tester') as { typedRuleTester: RuleTester };
  const cases: RuleCase[] = [];
  RuleTester.prototype.run = function record(this: RuleTester, name: string, _rule: unknown, tests: { valid: (string | TestCase)[]; invalid: TestCase[] }) {
    if (this === typedRuleTester) return;
    // Suite names start with the rule name: 'no-floating-promises (untyped, across modules)'.
    const rule = name.split(' ')[0] ?? name;
    for (const test of tests.valid) cases.push(...[toRuleCase(rule, 'valid', test)].filter((c) => c !== null));
    for (const test of tests.invalid) cases.push(...[toRuleCase(rule, 'invalid', test)].filter((c) => c !== null));
  } as never;
  const rulesDir = path.join(__dirname, '..', 'rules');
  for (const file of readdirSync(rulesDir).sort()) {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    if (file.endsWith('.test.ts') && !file.endsWith('.typed.test.ts')) require(path.join(rulesDir, file));
  }
  writeFileSync(out, JSON.stringify(cases));
  process.exit(0);
}
