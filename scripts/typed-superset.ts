/**
 * `node --test-only --import tsx scripts/typed-superset.ts [test-file-prefix]`
 *
 * Typed results must be a superset of untyped ones. This lints every case (valid and invalid) of
 * the untyped rule tests (`tests/rules/*.test.ts` but the typed ones, or those whose name starts
 * with the prefix, e.g. `no-floating-promises`) twice, without and with a program (the typed
 * tester's fixture project, as `tests/rules/typed-superset.typed.test.ts` does for the two main
 * test files), and prints each case whose typed reports miss an untyped one, or add one to a
 * valid case, then a table per test group. A missing report is a typed loss unless a type proves
 * the untyped guess wrong; an added one on a valid case is a typed-only report to judge.
 *
 * `--test-only` keeps the test files' own `it(...)` blocks from running; their `ruleTester.run`
 * calls are collected instead. Cases with a filename outside the fixture folder (other projects'
 * layouts) are counted as skipped, as are cases that do not parse untyped.
 */
import path from 'node:path';
import { readdirSync } from 'node:fs';
import * as parser from '@typescript-eslint/parser';
import type { RunTests } from '@typescript-eslint/rule-tester';
import { Linter } from 'eslint';
import { FIXTURES_DIR, ruleTester, typedRuleTester } from '../tests/rule-tester';

type Tests = RunTests<string, readonly unknown[]>;
interface Collected {
  file: string;
  name: string;
  rule: unknown;
  tests: Tests;
}
interface Case {
  code: string;
  options?: readonly unknown[];
  filename?: string;
  settings?: Record<string, unknown>;
}
interface Counts {
  cases: number;
  reports: number;
  missing: number;
  addedOnValid: number;
  skipped: number;
}

const collected: Collected[] = [];
let currentFile = '';
ruleTester.run = ((name: string, rule: unknown, tests: Tests) => {
  collected.push({ file: currentFile, name, rule, tests });
}) as typeof ruleTester.run;
typedRuleTester.run = (() => undefined) as typeof typedRuleTester.run;

const TYPED_PARSER_OPTIONS = { projectService: { allowDefaultProject: ['*.tsx'], defaultProject: 'tsconfig.json' }, tsconfigRootDir: FIXTURES_DIR };

/** The case's reports as `messageId@line:column`; a parse error or a crash as `fatal: ...`. */
function lint(linter: Linter, rule: unknown, item: Case, typed: boolean): string[] {
  const jsx = item.filename?.endsWith('x') === true || /<[A-Za-z][^>]*\/?>/.test(item.code);
  try {
    const messages = linter.verify(
      item.code,
      [
        {
          files: ['**/*.ts', '**/*.tsx'],
          languageOptions: {
            parser: parser as Linter.Parser,
            parserOptions: { ...(typed ? TYPED_PARSER_OPTIONS : {}), ecmaFeatures: { jsx: true } },
          },
          settings: item.settings ?? {},
          plugins: { t: { rules: { rule: rule as never } } },
          rules: { 't/rule': ['error', ...(item.options ?? [])] },
        },
      ],
      { filename: path.join(FIXTURES_DIR, jsx ? 'file.tsx' : 'file.ts') },
    );
    return messages.map((message) => (message.ruleId === 't/rule' ? `${message.messageId ?? '?'}@${message.line}:${message.column}` : `fatal: ${message.message}`));
  } catch (error) {
    return [`fatal: ${(error as Error).message.split('\n')[0] ?? ''}`];
  }
}

async function main(): Promise<void> {
  const prefix = process.argv[2] ?? '';
  const dir = path.join(__dirname, '..', 'tests', 'rules');
  const files = readdirSync(dir).filter((file) => file.endsWith('.test.ts') && !file.includes('typed') && file.startsWith(prefix));
  for (const file of files) {
    currentFile = file;
    await import(path.join(dir, file));
  }
  const linter = new Linter({ configType: 'flat', cwd: FIXTURES_DIR });
  const counts = new Map<string, Counts>();
  for (const { file, name, rule, tests } of collected) {
    const count = counts.get(name) ?? { cases: 0, reports: 0, missing: 0, addedOnValid: 0, skipped: 0 };
    counts.set(name, count);
    const valid = tests.valid.map((item) => (typeof item === 'string' ? { code: item } : item)) as Case[];
    const invalid = tests.invalid as unknown as Case[];
    for (const [kind, cases] of [['valid', valid], ['invalid', invalid]] as const) {
      cases.forEach((item, index) => {
        if (item.filename && !item.filename.startsWith(FIXTURES_DIR)) {
          count.skipped += 1;
          return;
        }
        const untyped = lint(linter, rule, item, false);
        if (untyped.some((message) => message.startsWith('fatal'))) {
          count.skipped += 1;
          return;
        }
        count.cases += 1;
        count.reports += untyped.length;
        const typed = lint(linter, rule, item, true);
        const missing = untyped.filter((message) => !typed.includes(message));
        const added = typed.filter((message) => !untyped.includes(message));
        count.missing += missing.length;
        if (kind === 'valid') count.addedOnValid += added.length;
        if (missing.length > 0 || (kind === 'valid' && added.length > 0) || typed.some((message) => message.startsWith('fatal'))) {
          console.log(`### ${name} (${file} ${kind}[${index}]) missing typed: [${missing.join(', ')}], added typed: [${added.join(', ')}]\n${item.code}\n`);
        }
      });
    }
  }
  console.log('| test group | cases | untyped reports | missing typed | added typed on valid | skipped |\n| --- | --: | --: | --: | --: | --: |');
  for (const [name, count] of counts) {
    console.log(`| ${name} | ${count.cases} | ${count.reports} | ${count.missing} | ${count.addedOnValid} | ${count.skipped} |`);
  }
}

main().then(
  () => process.exit(0),
  (error: unknown) => {
    console.error(error);
    process.exit(1);
  },
);
