import path from 'node:path';
import type { InvalidTestCase, ValidTestCase } from '@typescript-eslint/rule-tester';
import rule, { type MessageIds, type Options } from '../../src/rules/no-floating-promises';
import { FIXTURES_DIR, ruleTester, typedRuleTester } from '../rule-tester';

// @typescript-eslint/rule-tester pins its own copy of utils; the rule is the same object at run time.
const testedRule = rule as unknown as Parameters<typeof typedRuleTester.run<MessageIds, Options>>[1];

/** A file of the fixture program, under this repository's package.json (its `dependencies` are "installed with" it). */
const FILE = path.join(FIXTURES_DIR, 'file.ts');

/**
 * A lazily loaded converter: an async function that awaits `import()` of a package the program
 * depends on, then returns what a synchronous function of it answers (the checker knows it is no
 * promise). `directive` makes the file page code (`'use client'`) or leaves it a server module.
 */
function lazyConverter(directive: string): string {
  return `${directive}let converted = false;
export function preview(text: string) {
  const convert = async (value: any) => {
    const { ASTUtils } = await import('@typescript-eslint/utils');
    return ASTUtils.isIdentifier(value);
  };
  try {
    convert(text).then((done) => {
      converted = done;
    });
  } catch (error) {
    console.error(error);
  }
}`;
}

const PAGE_CONVERTER = lazyConverter("'use client';\n");
const pageConverterReport: InvalidTestCase<MessageIds, Options> = {
  filename: FILE,
  code: PAGE_CONVERTER,
  errors: [{ messageId: 'floatingChain', line: 9, column: 5, suggestions: [{ messageId: 'suggestVoid', output: PAGE_CONVERTER.replace('convert(text)', 'void convert(text)') }] }],
};

const valid: ValidTestCase<Options>[] = [
  // page code loads a package by `import()` as a chunk it fetches when the call runs: the
  // converter's promise can reject (below); a server module's dependency is installed with it, and
  // the checker knows the call after it returns no promise: nothing left to reject
  { filename: FILE, code: lazyConverter('') },
];

const invalid: InvalidTestCase<MessageIds, Options>[] = [
  // typed is at least as strict as untyped: the lazily loaded chunk of page code may fail to load
  pageConverterReport,
];

typedRuleTester.run('no-floating-promises (typed: lazy chunks of page code)', testedRule, { valid, invalid });
ruleTester.run('no-floating-promises (untyped: the lazy chunk of page code)', testedRule, { valid: [], invalid: [pageConverterReport] });
