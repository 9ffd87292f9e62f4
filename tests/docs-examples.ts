import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, it } from 'node:test';
import { Linter } from 'eslint';
import * as tsParser from '@typescript-eslint/parser';
import type { TSESLint } from '@typescript-eslint/utils';

export interface DocsExample {
  section: 'Incorrect' | 'Correct';
  language: string;
  code: string;
  line: number;
}

const FENCE = /^```(\w+)?\s*$/;
const HEADING = /^(#{2,6})\s+(.*?)\s*$/;

/**
 * The code blocks of a rule's docs page, by the `## Incorrect` / `## Correct` section (or any
 * deeper heading inside it) they stand in. Blocks elsewhere (options, setup) are not examples.
 */
export function readDocsExamples(ruleName: string): DocsExample[] {
  const file = path.join(__dirname, '..', 'docs', 'rules', `${ruleName}.md`);
  const lines = readFileSync(file, 'utf8').split('\n');
  const examples: DocsExample[] = [];
  let section: DocsExample['section'] | null = null;
  let open: { language: string; start: number; body: string[] } | null = null;
  lines.forEach((line, index) => {
    const fence = FENCE.exec(line);
    if (open) {
      if (fence && !fence[1]) {
        if (section && ['js', 'javascript', 'ts', 'typescript', 'jsx', 'tsx'].includes(open.language)) {
          examples.push({ section, language: open.language, code: open.body.join('\n'), line: open.start });
        }
        open = null;
      } else {
        open.body.push(line);
      }
      return;
    }
    if (fence) {
      open = { language: fence[1] ?? '', start: index + 1, body: [] };
      return;
    }
    const heading = HEADING.exec(line);
    if (heading?.[1] === '##') {
      const title = heading[2] ?? '';
      section = /^incorrect\b/i.test(title) ? 'Incorrect' : /^correct\b/i.test(title) ? 'Correct' : null;
    }
  });
  return examples;
}

/**
 * Docs tests for one rule: every example on its page parses, each `Incorrect` example is
 * reported by the rule and each `Correct` one is not (default options, untyped mode).
 */
export function testDocsExamples(ruleName: string, rule: TSESLint.RuleModule<string, readonly unknown[]>): void {
  describe(`docs/rules/${ruleName}.md examples`, () => {
    const examples = readDocsExamples(ruleName);
    it('has incorrect and correct examples', () => {
      assert.ok(examples.some((example) => example.section === 'Incorrect'), 'no Incorrect example');
      assert.ok(examples.some((example) => example.section === 'Correct'), 'no Correct example');
    });
    for (const example of examples) {
      it(`${example.section} example at line ${example.line} is ${example.section === 'Incorrect' ? 'reported' : 'clean'}`, () => {
        const linter = new Linter({ configType: 'flat' });
        const tsx = example.language === 'tsx' || example.language === 'jsx';
        const messages = linter.verify(
          example.code,
          {
            // A pattern ending in `*` alone matches no file in a flat config: name the extensions.
            files: ['**/*.ts', '**/*.tsx'],
            languageOptions: {
              parser: tsParser as Linter.Parser,
              parserOptions: { ecmaFeatures: { jsx: tsx } },
              sourceType: 'module',
            },
            plugins: { 'async-pitfalls': { rules: { [ruleName]: rule as never } } },
            rules: { [`async-pitfalls/${ruleName}`]: 'error' },
          },
          tsx ? 'example.tsx' : 'example.ts',
        );
        const fatal = messages.find((message) => message.fatal);
        assert.equal(fatal, undefined, `example does not parse: ${fatal?.message}`);
        const unexpected = messages.filter((message) => message.ruleId === null);
        assert.deepEqual(unexpected.map((message) => message.message), [], 'the example was not linted');
        const reported = messages.filter((message) => message.ruleId === `async-pitfalls/${ruleName}`);
        if (example.section === 'Incorrect') assert.ok(reported.length > 0, `not reported:\n${example.code}`);
        else assert.deepEqual(reported.map((message) => `${message.line}: ${message.message}`), []);
      });
    }
  });
}
