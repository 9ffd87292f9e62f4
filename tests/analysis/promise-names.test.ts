import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { collectPromiseNames } from '../../src/analysis/promise-names';
import { getSourceWords } from '../../src/analysis/source-words';
import { runOnCode } from './run-on-code';

/**
 * The promise names of `code` (sorted), with the calls of `catalogCalls` (by callee name) as the
 * catalog's calls and `relative` as the names bound from relative modules; null when not collected.
 */
function promiseNames(code: string, options: { catalogCalls?: string[]; relative?: string[]; maxScans?: number } = {}): string[] | null {
  const [result] = runOnCode<string[] | null>(code, (context, collect) => ({
    'Program:exit'(program) {
      const calls: import('@typescript-eslint/utils').TSESTree.Node[] = [];
      const visit = (node: import('@typescript-eslint/utils').TSESTree.Node): void => {
        if ((node.type === 'CallExpression' || node.type === 'NewExpression') && node.callee.type === 'Identifier' && options.catalogCalls?.includes(node.callee.name)) calls.push(node);
        for (const key of context.sourceCode.visitorKeys[node.type] ?? []) {
          const value = (node as unknown as Record<string, unknown>)[key];
          for (const child of Array.isArray(value) ? value : [value]) {
            if (child && typeof child === 'object' && 'type' in child) visit(child as never);
          }
        }
      };
      visit(program);
      const names = collectPromiseNames(
        context.sourceCode,
        getSourceWords(context),
        { calls, names: options.relative ?? [] },
        { maxNames: 100, maxScans: options.maxScans ?? 100 },
      );
      collect(names === null ? null : [...names.names].sort());
    },
  }));
  assert.ok(result !== undefined);
  return result;
}

describe('collectPromiseNames', () => {
  // what takes a name: async functions, and what returns or holds their results
  it('names async functions, methods and fields, and the functions that return their calls', () => {
    const code = [
      'async function load() {}',
      'const save = async () => {};',
      'class Store { async get() {} put = async () => {}; sync() { return 1; } }',
      'function wrap() { return load(); }',
      'const outer = () => wrap();',
      'function calls() { load(); return 1; }',
      'function passes() { return log(save()); }',
      'const pending = cond ? save() : null;',
    ].join('\n');
    assert.deepEqual(promiseNames(code), ['get', 'load', 'outer', 'pending', 'put', 'save', 'wrap']);
  });

  it('follows members, chains, receivers, awaits, IIFEs and wrappers', () => {
    const code = [
      'const api = { async fetchOne() {}, list() { return this.fetchOne().then(render); } };',
      'function viaIife() { return (async () => 1)(); }',
      'const memo = useCallback(async () => {}, []);',
      'const handle = await openIt();',
      'function fromReceiver() { return handle.close(); }',
      'function otherHandle(handle) { return handle.close(); }',
    ].join('\n');
    // `otherHandle` reads its own parameter, another binding than the variable `handle`.
    assert.deepEqual(promiseNames(code, { catalogCalls: ['openIt'] }), ['fetchOne', 'fromReceiver', 'handle', 'list', 'memo', 'viaIife']);
  });

  it('starts from catalog calls and names bound from relative modules', () => {
    const code = [
      "import { db } from './db';",
      'const timer = delay(10);',
      'function later() { return timer; }',
      'function useDb() { return db.query(); }',
      'function plain() { return other.query(); }',
      'function shadowed(db) { return db.query(); }',
    ].join('\n');
    // Every variable named `db` is followed, the parameter of `shadowed` too (a superset).
    assert.deepEqual(promiseNames(code, { catalogCalls: ['delay'], relative: ['db'] }), ['db', 'later', 'shadowed', 'timer', 'useDb']);
  });

  it('lists the functions a promise may be returned from: async ones, and those returning a flow', () => {
    const [result] = runOnCode<string[] | null>(
      [
        'async function load() {}',
        'function wrap() { return load(); }',
        'function calls() { load(); return 1; }',
        'const outer = () => wrap();',
        '(function () { return 1; })();',
        'const api = { list() { return this.load(); }, size() { return 0; }, async load() {} };',
      ].join('\n'),
      (context, collect) => ({
        'Program:exit'() {
          const found = collectPromiseNames(context.sourceCode, getSourceWords(context), { calls: [], names: [] }, { maxNames: 100, maxScans: 100 });
          const text = (node: import('@typescript-eslint/utils').TSESTree.Node) => context.sourceCode.getText(node).slice(0, 24);
          collect(found === null ? null : [...found.functions].map(text).sort());
        },
      }),
    );
    assert.deepEqual(result, ['() => wrap()', '() { return this.load();', '() {}', 'async function load() {}', 'function wrap() { return']);
  });

  it('is empty without any evidence of promises', () => {
    assert.deepEqual(promiseNames('function f() { return g(); }\nconst x = f();\n// async\nconst s = "async";'), []);
  });

  // when the names are not collected
  it('gives up on an identifier written with an escape, not on an escape in a string', () => {
    assert.equal(promiseNames('async function \\u0061pi() {}\napi();'), null);
    assert.deepEqual(promiseNames('async function api() {}\nconst s = "\\u0061";'), ['api']);
  });

  it('gives up past its budget of key scans', () => {
    assert.equal(promiseNames('class A { async a() {} b() { return this.a(); } }', { maxScans: 1 }), null);
  });

  // a chat command table keyed by the empty string (the command typed with no name): the empty
  // word occurs at every offset, so its occurrences cannot be followed; this used to loop until
  // the process ran out of memory
  it("gives up on an async method or key named by the empty string ('')", () => {
    assert.equal(promiseNames("const commands = { async ''(target) { await reply(target); }, help() {} };\ncommands['']('x');"), null);
    assert.equal(promiseNames("class Commands { async ''() {} }"), null);
  });
});
