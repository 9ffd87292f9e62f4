import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { TSESTree } from '@typescript-eslint/utils';
import { getOrderingComments, saysOrderMatters } from '../../src/analysis/ordering-comments';
import { disablesRuleOn } from '../../src/util/disable-comments';
import { runOnCode } from './run-on-code';

/** For each statement of the program: [line, before, trailing, the core no-await-in-loop disabled there (`disablesRuleOn`)]. */
function statements(code: string): Array<[number, boolean, boolean, boolean]> {
  return runOnCode<[number, boolean, boolean, boolean]>(code, (context, collect) => ({
    Program(program: TSESTree.Program) {
      const comments = getOrderingComments(context);
      for (const statement of program.body) {
        const line = statement.loc.start.line;
        collect([line, comments.before(statement), comments.trailing(statement), disablesRuleOn(context, 'no-await-in-loop', [line])]);
      }
    },
  }));
}

describe('saysOrderMatters', () => {
  it('reads ordering reasons in their many phrasings', () => {
    for (const text of [
      ' run these one at a time',
      ' keep the original order of the events',
      ' foreign keys: owners first',
      ' schools before classes before pupils',
      ' the schema must be created before the rows',
      ' this must come first',
      ' attach each store one after the other',
      ' avoid concurrent writes to the same file',
      " settings writes can't be parallelized: the tool locks its config file",
      ' the installs cannot run in parallel',
    ]) {
      assert.equal(saysOrderMatters(text), true, text);
    }
  });

  it('is not fooled by comments that only describe the calls', () => {
    for (const text of [' load the profile and the settings', ' fetch before rendering', ' the key of the row', ' TODO: retry', ' can be parallelized later']) {
      assert.equal(saysOrderMatters(text), false, text);
    }
  });
});

describe('OrderingComments', () => {
  it('reads the comment before a statement and the one after it on its line', () => {
    assert.deepEqual(
      statements(`
// in order: the second reads what the first wrote
a();
b(); // must come first
c(); // fetched for the header
`),
      [
        [3, true, false, false],
        [4, false, true, false],
        [5, false, false, false],
      ],
    );
  });

  it('finds a comment next to a statement however it is spaced: trailing blanks of a line comment, blank lines, a block comment with no space', () => {
    const code = [
      '// one at a time   ',
      '',
      'a();',
      '/* in order */b();\t',
      'c();/* must come first */',
      '// one at a time',
      'd(); e();',
    ].join('\n');
    assert.deepEqual(statements(code), [
      [3, true, false, false],
      [4, true, false, false],
      [5, false, true, false],
      [7, true, false, false],
      [7, false, false, false],
    ]);
  });

  it('knows the lines that opt out of the core no-await-in-loop', () => {
    assert.deepEqual(
      statements(`
a(); // eslint-disable-line no-await-in-loop
// eslint-disable-next-line no-await-in-loop -- one at a time
b();
c(); // eslint-disable-line no-console
/* eslint-disable no-await-in-loop */
d();
`).map(([line, , , optsOut]) => [line, optsOut]),
      [
        [2, true],
        [4, true],
        [5, false],
        [7, true],
      ],
    );
  });
});

describe('OrderingComments.notesCached', () => {
  /** For each statement of the program: [line, a comment by it says the call is cached]. */
  function notes(code: string): Array<[number, boolean]> {
    return runOnCode<[number, boolean]>(code, (context, collect) => ({
      Program(program: TSESTree.Program) {
        const comments = getOrderingComments(context);
        for (const statement of program.body) collect([statement.loc.start.line, comments.notesCached(statement)]);
      },
    }));
  }

  it('reads a note that the call answers from memory, before the call or after it on its last line', () => {
    const code = [
      '// a memoised lookup: the first caller pays',
      'const a = await config();',
      'const b = await options(); // served from the cache after the first read',
      'const c = await session({',
      '  place: 1,',
      '}); // makes no further requests when asked again',
      '// makes no network request: the token is kept in memory',
      'const d = await token();',
    ].join('\n');
    assert.deepEqual(notes(code), [
      [2, true],
      [3, true],
      [4, true],
      [8, true],
    ]);
  });

  it('is not fooled by a cache that is absent, wished for, written by the call, or named bare', () => {
    const code = [
      '// not cached: asks each time',
      'const a = await config();',
      'const b = await options(); // TODO should be cached',
      '// fetch the profile and cache it for the menu',
      'const c = await profile();',
      'const d = await other(); // no retries: a failed request is not sent again',
      'more(); // cached',
      'const e = await last();',
    ].join('\n');
    assert.deepEqual(notes(code), [
      [2, false],
      [3, false],
      [5, false],
      [6, false],
      [7, false],
      [8, false],
    ]);
  });
});
