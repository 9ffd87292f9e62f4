import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { TSESTree } from '@typescript-eslint/utils';
import { collectAccesses, PathSet, possiblePaths, writesOutside } from '../../src/analysis/dependencies';
import { runOnCode } from './run-on-code';

/** Reads, writes and await count of the last statement of `code`. */
function accessesOf(code: string): { reads: string[]; writes: string[]; awaits: number } {
  const [result] = runOnCode<{ reads: string[]; writes: string[]; awaits: number }>(code, (context, collect) => ({
    Program(program: TSESTree.Program) {
      const statement = program.body[program.body.length - 1];
      if (!statement) return;
      const accesses = collectAccesses(statement, context.sourceCode.visitorKeys);
      collect({
        reads: [...new Set(accesses.reads)].sort(),
        writes: [...new Set(accesses.writes)].sort(),
        awaits: accesses.awaits.length,
      });
    },
  }));
  if (!result) throw new Error('no statement');
  return result;
}

describe('collectAccesses', () => {
  it('reads identifiers and member paths, writes declared names including destructured ones', () => {
    assert.deepEqual(accessesOf('const { a, b: [c], ...d } = load(user.id, opts);'), {
      reads: ['load', 'opts', 'user.id'],
      writes: ['a', 'c', 'd'],
      awaits: 0,
    });
  });

  it('reads a method call receiver as a whole, and computed members as their object', () => {
    assert.deepEqual(accessesOf('this.repo.find(items[i]);'), {
      reads: ['i', 'items', 'this.repo', 'this.repo.find'],
      writes: [],
      awaits: 0,
    });
  });

  it('writes assignment targets; compound assignments and updates also read them', () => {
    assert.deepEqual(accessesOf('state.total += price;'), {
      reads: ['price', 'state.total'],
      writes: ['state.total'],
      awaits: 0,
    });
    assert.deepEqual(accessesOf('a[k] = v;'), { reads: ['k', 'v'], writes: ['a'], awaits: 0 });
    assert.deepEqual(accessesOf('count++;'), { reads: ['count'], writes: ['count'], awaits: 0 });
  });

  it('treats collection mutators and Object.assign as writes of their target', () => {
    assert.deepEqual(accessesOf('list.push(x);'), { reads: ['list', 'list.push', 'x'], writes: ['list'], awaits: 0 });
    assert.deepEqual(accessesOf('Object.assign(flag ? a : b, x);'), {
      reads: ['Object', 'Object.assign', 'a', 'b', 'flag', 'x'],
      writes: ['a', 'b'],
      awaits: 0,
    });
  });

  it('walks closures but skips names they bind themselves, and does not count their awaits', () => {
    assert.deepEqual(accessesOf('retry(async (user) => { const t = token; await send(user, t); });'), {
      reads: ['retry', 'send', 'token'],
      writes: [],
      awaits: 0,
    });
  });

  it('counts awaits outside nested functions and skips type annotations', () => {
    assert.deepEqual(accessesOf('async function g() {}\nconst x: Foo<Bar> = await g2(await h());'), {
      reads: ['g2', 'h'],
      writes: ['x'],
      awaits: 2,
    });
  });
});

describe('PathSet', () => {
  it('overlaps when one path is a member prefix of the other', () => {
    const set = new PathSet();
    set.add('user');
    set.add('this.cache');
    assert.equal(set.overlaps('user.id'), true);
    assert.equal(set.overlaps('this'), true);
    assert.equal(set.overlaps('this.cache.x'), true);
    assert.equal(set.overlaps('this.other'), false);
    assert.equal(set.overlaps('users'), false);
    assert.equal(set.overlaps('username.x'), false);
  });
});

describe('possiblePaths', () => {
  it('follows conditional and logical branches', () => {
    const [paths] = runOnCode<string[]>('x = (a ? b.c : d) || e;', (_context, collect) => ({
      AssignmentExpression(node: TSESTree.AssignmentExpression) {
        collect(possiblePaths(node.right));
      },
    }));
    assert.deepEqual(paths, ['b.c', 'd', 'e']);
  });
});

describe('writesOutside', () => {
  function check(code: string): boolean[] {
    return runOnCode<boolean>(code, (context, collect) => ({
      FunctionDeclaration(node: TSESTree.FunctionDeclaration) {
        collect(writesOutside(node, context.sourceCode.visitorKeys));
      },
    }));
  }
  it('is true for functions that assign or mutate outer state', () => {
    assert.deepEqual(check('let n = 0; async function f() { n += 1; }'), [true]);
    assert.deepEqual(check('const seen = []; async function f(x) { seen.push(x); }'), [true]);
    assert.deepEqual(check('const all = {}; async function f(x) { Object.assign(all, await load(x)); }'), [true]);
  });
  it('is false for functions that only change their own locals', () => {
    assert.deepEqual(
      check('async function f(id) { const out = []; for (const x of await list(id)) { out.push(x); } let y; y = 1; return out; }'),
      [false],
    );
  });
});
