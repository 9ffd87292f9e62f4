import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { AST_NODE_TYPES, type TSESTree } from '@typescript-eslint/utils';
import { checkerQuery, getPromiseAnalysis, getValueUsage } from '../../src/analysis/promises';
import { runOnCode } from './run-on-code';

/** `isPromise` of every expression statement's expression, as `line: text → boolean`. */
function promiseStatements(code: string, options: Parameters<typeof runOnCode>[2] = {}): string[] {
  return runOnCode<string>(code, (context, collect) => {
    const promises = getPromiseAnalysis(context);
    return {
      ExpressionStatement(node) {
        collect(`${node.loc.start.line}: ${context.sourceCode.getText(node.expression)} → ${promises.isPromise(node.expression)}`);
      },
    };
  }, options);
}

/** The usage kind of every `p()` call's value. */
function usages(code: string): string[] {
  return runOnCode<string>(code, (context, collect) => ({
    CallExpression(node: TSESTree.CallExpression) {
      if (node.callee.type === AST_NODE_TYPES.Identifier && node.callee.name === 'p') {
        collect(`${node.loc.start.line}: ${getValueUsage(node).kind}`);
      }
    },
  }));
}

describe('isPromise (untyped)', () => {
  it('knows functions declared async in the file, however they are declared', () => {
    assert.deepEqual(
      promiseStatements(`
        async function a() {}
        const b = async () => {};
        const c = async function () {};
        let d = async () => {};
        a();
        b();
        c();
        d();
      `),
      ['6: a() → true', '7: b() → true', '8: c() → true', '9: d() → true'],
    );
  });

  it('does not know reassigned, generator, or unknown functions', () => {
    assert.deepEqual(
      promiseStatements(`
        let a = async () => {};
        a = () => 1;
        async function* g() {}
        a();
        g();
        save();
        api.load();
      `),
      ['3: a = () => 1 → false', '5: a() → false', '6: g() → false', '7: save() → false', '8: api.load() → false'],
    );
  });

  it('follows functions whose every return is a promise, to a bounded depth, through recursion', () => {
    assert.deepEqual(
      promiseStatements(`
        async function base() {}
        function one() { return base(); }
        function two(x) { if (x) return one(); return base().then(() => 1); }
        function some(x) { if (x) return base(); return 1; }
        function loop(x) { return loop(x); }
        const arrow = () => two(1);
        one();
        two();
        some();
        loop();
        arrow();
      `),
      ['8: one() → true', '9: two() → true', '10: some() → false', '11: loop() → false', '12: arrow() → true'],
    );
  });

  it('knows global and imported promise APIs, not local look-alikes', () => {
    assert.deepEqual(
      promiseStatements(`
        import { readFile } from 'node:fs/promises';
        import { once } from 'node:events';
        fetch('/x');
        new Promise(() => {});
        Promise.resolve(1);
        Promise.withResolvers();
        readFile('a');
        once(emitter, 'ready');
        { const fetch = () => 1; fetch('/y'); }
      `),
      [
        "4: fetch('/x') → true",
        '5: new Promise(() => {}) → true',
        '6: Promise.resolve(1) → true',
        '7: Promise.withResolvers() → false',
        "8: readFile('a') → true",
        "9: once(emitter, 'ready') → true",
        "10: fetch('/y') → false",
      ],
    );
  });

  it('resolves methods of this class, object literals, instances of local classes and static methods', () => {
    assert.deepEqual(
      promiseStatements(`
        class A {
          async m() {}
          static async s() {}
          n() { this.m(); this.s(); }
        }
        const o = { async m() {}, n: async () => {} };
        const a = new A();
        a.m();
        A.s();
        o.m();
        o.n();
        a.n();
      `),
      ['5: this.m() → true', '5: this.s() → false', '9: a.m() → true', '10: A.s() → true', '11: o.m() → true', '12: o.n() → true', '13: a.n() → false'],
    );
  });
});

describe('isPromise (untyped): private methods', () => {
  it('resolves this.#m() to the private method', () => {
    assert.deepEqual(
      promiseStatements(`
        class A {
          async #save() {}
          #sync() {}
          run() { this.#save(); this.#sync(); }
        }
      `),
      ['5: this.#save() → true', '5: this.#sync() → false'],
    );
  });
});

describe('isPromise (untyped): inheritance and promisify', () => {
  it('looks up methods in superclasses declared in the file', () => {
    assert.deepEqual(
      promiseStatements(`
        class Base { async save() {} load() {} }
        class Child extends Base { run() { this.save(); this.load(); } }
        class Other extends Imported { run() { this.save(); } }
        new Child().save();
        const child = new Child();
        child.save();
      `),
      ['3: this.save() → true', '3: this.load() → false', '4: this.save() → false', '5: new Child().save() → true', '7: child.save() → true'],
    );
  });

  it('knows functions made by util.promisify', () => {
    assert.deepEqual(
      promiseStatements(`
        import { promisify } from 'node:util';
        import util from 'util';
        import { readFile } from 'fs';
        const read = promisify(readFile);
        const sleep = util.promisify(setTimeout);
        const other = wrap(readFile);
        read('a');
        sleep(10);
        other('a');
      `),
      ["8: read('a') → true", '9: sleep(10) → true', "10: other('a') → false"],
    );
  });
});

describe('isPromise (untyped): objects with promise methods', () => {
  it('knows readline/promises interfaces and fs/promises file handles', () => {
    assert.deepEqual(
      promiseStatements(`
        import { createInterface } from 'node:readline/promises';
        import { open } from 'node:fs/promises';
        import * as classic from 'node:readline';
        const rl = createInterface({ input: process.stdin });
        const old = classic.createInterface({ input: process.stdin });
        async function f() {
          const handle = await open('a');
          const pending = open('b');
          rl.question('name?');
          old.question('name?', (answer) => answer);
          handle.close();
          pending.close();
          rl.close();
        }
      `),
      ["10: rl.question('name?') → true", "11: old.question('name?', (answer) => answer) → false", '12: handle.close() → true', '13: pending.close() → false', '14: rl.close() → false'],
    );
  });
});

describe('isPromise (untyped): npm packages', () => {
  it('knows module-level functions of well-known promise libraries, not their instances', () => {
    assert.deepEqual(
      promiseStatements(`
        import axios from 'axios';
        import fetch from 'node-fetch';
        const got = require('got');
        axios.get('/a');
        axios({ url: '/b' });
        fetch('/c');
        got.post('/d');
        const api = axios.create();
        api.get('/e');
      `),
      ["5: axios.get('/a') → true", "6: axios({ url: '/b' }) → true", "7: fetch('/c') → true", "8: got.post('/d') → true", "10: api.get('/e') → false"],
    );
  });
});

// Each case asks about the call that needs the catalogs' tracker or the member index first, before
// any other question of the file: a shortcut taken before the promise names are read must keep these.
describe('isPromise (untyped): the first question of a file', () => {
  it('a member name the file writes only after a dot names no function of the file', () => {
    assert.deepEqual(promiseStatements('helpers.isReady(x);\nthis.render();'), ['1: helpers.isReady(x) → false', '2: this.render() → false']);
  });

  it('a member declared as a key, also through a string with escapes, is resolved', () => {
    assert.deepEqual(
      promiseStatements(`api.save();
        const api = { 'sa\\x76e': async () => {} };`),
      ['1: api.save() → true'],
    );
    assert.deepEqual(
      promiseStatements(`api.save();
        const api = { s\\u0061ve: async () => {} };`),
      ['1: api.save() → true'],
    );
  });

  it('catalog aliases reached through a default value, an assignment or a global object are promises', () => {
    assert.deepEqual(promiseStatements('function run(f = fetch) { f("/a"); }', { globals: { fetch: 'readonly' } }), ['1: f("/a") → true']);
    assert.deepEqual(promiseStatements('function run(f) { f = fetch; f("/a"); }', { globals: { fetch: 'readonly' } }), [
      '1: f = fetch → false',
      '1: f("/a") → true',
    ]);
    assert.deepEqual(promiseStatements('const { get = fetch } = require("./client");\nget("/a");', { globals: { fetch: 'readonly' } }), [
      '2: get("/a") → true',
    ]);
    assert.deepEqual(promiseStatements('window.fetch("/a");', { globals: { fetch: 'readonly', window: 'readonly' } }), [
      '1: window.fetch("/a") → true',
    ]);
  });

  it('parameters, globals and bindings of modules without promise APIs are no promises; a catalog module is asked', () => {
    assert.deepEqual(
      promiseStatements(`import get from 'node-fetch';
        get('/a');
        import { pick } from 'lodash';
        pick(a);
        const read = require('./io').read;
        read();
        setTimeout(run);
        function run(done) { done(); }`),
      ["2: get('/a') → true", '4: pick(a) → false', '6: read() → false', '7: setTimeout(run) → false', '8: done() → false'],
    );
  });

  it('a function declaration is judged by its returns', () => {
    assert.deepEqual(
      promiseStatements(`load();
        check(2);
        function load() { return fetch('/a'); }
        function check(x) { return x > 1; }`, { globals: { fetch: 'readonly' } }),
      ['1: load() → true', '2: check(2) → false'],
    );
    assert.deepEqual(promiseStatements('check(2);\nfunction check(x) { return x > 1; }'), ['1: check(2) → false']);
  });

  it('a function called in place, or named like an async method elsewhere, is judged by its own returns', () => {
    assert.deepEqual(
      promiseStatements(
        [
          "(function () { return fetch('/a'); })();",
          "(() => { function inner() { return fetch('/b'); } inner(); return 1; })();",
          "(() => fetch('/c'))();",
          'run();',
          'function run() { return 1; }',
          'const job = { async run() {} };',
          'job.run();',
        ].join('\n'),
        { globals: { fetch: 'readonly' } },
      ),
      [
        "1: (function () { return fetch('/a'); })() → true",
        "2: (() => { function inner() { return fetch('/b'); } inner(); return 1; })() → false",
        '2: inner() → true',
        "3: (() => fetch('/c'))() → true",
        '4: run() → false',
        '7: job.run() → true',
      ],
    );
  });
});

describe('getValueUsage', () => {
  it('tells awaited, returned, yielded, voided and dropped values apart', () => {
    assert.deepEqual(
      usages(`
        async function f() { await p(); }
        function g() { return p(); }
        const h = () => p();
        function* i() { yield p(); }
        void p();
        p();
        (p(), 1);
      `),
      ['2: awaited', '3: returned', '4: returned', '5: yielded', '6: voided', '7: dropped', '8: dropped'],
    );
  });

  it('follows chains, containers and branches to the usage of the whole', () => {
    assert.deepEqual(
      usages(`
        p().then(ok);
        p().then(ok, fail);
        p().catch(fail);
        p().catch();
        async function f() { await p().finally(done); }
        Promise.all([p(), p()]);
        x ? p() : null;
        const v = p();
        obj.pending = p();
        if (p()) {}
        \`\${p()}\`;
      `),
      [
        '2: dropped',
        '3: handled',
        '4: handled',
        '5: dropped',
        '6: awaited',
        '7: passed',
        '7: passed',
        '8: dropped',
        '9: assigned',
        '10: stored',
        '11: other',
        '12: other',
      ],
    );
  });
});

describe('checkerQuery', () => {
  it('answers the query when the checker succeeds', () => {
    assert.equal(checkerQuery(false, () => true), true);
  });

  it('answers the fallback when the checker overflows the stack', () => {
    const overflow = (depth: number): number => overflow(depth + 1) + 1;
    assert.equal(checkerQuery('fallback', () => String(overflow(0))), 'fallback');
  });

  it('rethrows any other error', () => {
    assert.throws(() => checkerQuery(null, () => { throw new TypeError('bug'); }), TypeError);
  });
});
