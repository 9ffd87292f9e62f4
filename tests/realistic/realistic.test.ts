/**
 * Two corpora of realistic code (an orders service; a mix of NestJS, Next.js, Lambda and CLI code),
 * written and labelled by reviewers who had not seen the rules' implementation. Each reported line
 * carries a marker; the test asserts that the rules report exactly those lines, without types:
 * - `// expect: <rule>`: must be reported;
 * - `// expect-typed: <rule>`: needs type information to know; untyped it may or may not be reported;
 * - `// known-noise: <rule>`: a report we do not want but accept for now (each one is explained in
 *   the corpus README), so that any other false positive fails this test.
 * Labels the lead changed after review are listed in the corpus READMEs ("Adjudication").
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, it } from 'node:test';
import { ESLint, type Linter } from 'eslint';
import * as tsParser from '@typescript-eslint/parser';
import plugin from '../../src/index';

const MARKER = /\/\/ (expect|expect-typed|known-noise): ([a-z-]+)/g;

interface Labels {
  required: Set<string>;
  tolerated: Set<string>;
}

function labelsOf(file: string, relative: string): Labels {
  const labels: Labels = { required: new Set(), tolerated: new Set() };
  readFileSync(file, 'utf8')
    .split('\n')
    .forEach((line, index) => {
      for (const [, kind, rule] of line.matchAll(MARKER)) {
        const key = `${relative}:${index + 1} async-pitfalls/${rule}`;
        (kind === 'expect' ? labels.required : labels.tolerated).add(key);
      }
    });
  return labels;
}

async function check(corpus: string): Promise<void> {
  const cwd = path.join(__dirname, corpus);
  const eslint = new ESLint({
    cwd,
    overrideConfigFile: true,
    ignore: false,
    overrideConfig: [
      { files: ['**/*.ts'], languageOptions: { parser: tsParser as Linter.Parser } },
      { files: ['**/*.cjs'], languageOptions: { sourceType: 'commonjs' } },
      plugin.configs.all as unknown as Linter.Config,
      // The corpora were labelled for the plain convention, a report for every blocking call in every
      // async function: no-blocking-in-async's `strict` option. With default options it leaves out
      // the scripts, CLI commands and the worker labelled here (tests/rules/no-blocking-in-async.contexts.test.ts).
      { rules: { 'async-pitfalls/no-blocking-in-async': ['error', { reportIn: 'all' }] } },
    ],
  });
  const results = await eslint.lintFiles(['**/*.{js,mjs,cjs,ts}']);
  const unexpected: string[] = [];
  const missing: string[] = [];
  for (const result of results) {
    const relative = path.relative(cwd, result.filePath);
    const labels = labelsOf(result.filePath, relative);
    const fatal = result.messages.find((message) => message.fatal);
    assert.equal(fatal, undefined, `${relative}: ${fatal?.message}`);
    const reported = new Set(result.messages.map((message) => `${relative}:${message.line} ${message.ruleId}`));
    for (const key of reported) if (!labels.required.has(key) && !labels.tolerated.has(key)) unexpected.push(key);
    for (const key of labels.required) if (!reported.has(key)) missing.push(key);
  }
  assert.deepEqual({ unexpected, missing }, { unexpected: [], missing: [] });
}

describe('realistic code, labelled blind', () => {
  it('corpus-a: reports exactly the labelled lines', () => check('corpus-a'));
  it('corpus-b: reports exactly the labelled lines', () => check('corpus-b'));
});
