import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { ApiCatalogIndex, type ApiEntry, getModuleLoads } from '../../src/analysis/imports';
import { runOnCode } from './run-on-code';

const catalog: ApiEntry<string>[] = [
  { source: { module: 'fs' }, path: ['readFileSync'], use: 'call', info: 'fs.readFileSync' },
  { source: { module: 'sync-request' }, path: [], use: 'call', info: 'sync-request' },
  { source: { global: 'Atomics' }, path: ['wait'], use: 'call', info: 'Atomics.wait' },
  { source: { global: 'Bun' }, path: ['sleepSync'], use: 'call', info: 'Bun.sleepSync' },
  { source: { global: 'XMLHttpRequest' }, path: [], use: 'construct', info: 'XMLHttpRequest' },
];

function found(code: string, options?: Parameters<typeof runOnCode>[2]): string[] {
  const index = new ApiCatalogIndex(catalog);
  return runOnCode<string>(
    code,
    (context, collect) => ({
      Program() {
        for (const reference of index.references(context.sourceCode)) {
          collect(`${reference.info}@${reference.node.loc.start.line}`);
        }
      },
    }),
    options,
  ).sort();
}

describe('ApiCatalogIndex', () => {
  // ES module forms
  it('resolves default, namespace, named, aliased and node: imports', () => {
    assert.deepEqual(
      found(`
        import fs from 'fs';
        import * as ns from 'node:fs';
        import { readFileSync, readFileSync as read } from 'fs';
        fs.readFileSync('a');
        ns.readFileSync('b');
        readFileSync('c');
        read('d');
      `),
      ['fs.readFileSync@5', 'fs.readFileSync@6', 'fs.readFileSync@7', 'fs.readFileSync@8'],
    );
  });

  it('follows re-bound aliases and a callable default export', () => {
    assert.deepEqual(
      found(`
        import fs from 'fs';
        import request from 'sync-request';
        const { readFileSync: load } = fs;
        load('a');
        request('GET', 'https://example.com');
      `),
      ['fs.readFileSync@5', 'sync-request@6'],
    );
  });

  // require() forms
  it('resolves require() without a declared require global', () => {
    assert.deepEqual(
      found(`
        const fs = require('fs');
        const { readFileSync } = require('node:fs');
        fs.readFileSync('a');
        readFileSync('b');
        require('fs').readFileSync('c');
      `),
      ['fs.readFileSync@4', 'fs.readFileSync@5', 'fs.readFileSync@6'],
    );
  });

  it('resolves require() when require is a declared global', () => {
    assert.deepEqual(
      found(`const fs = require('fs'); fs.readFileSync('a');`, {
        sourceType: 'commonjs',
        globals: { require: 'readonly' },
      }),
      ['fs.readFileSync@1'],
    );
  });

  it('resolves TypeScript import-equals', () => {
    assert.deepEqual(found(`import fs = require('fs');\nfs.readFileSync('a');`), ['fs.readFileSync@2']);
  });

  // globals, declared or not
  it('finds globals and constructors', () => {
    assert.deepEqual(
      found(`Atomics.wait(view, 0, 0);\nBun.sleepSync(10);\nnew XMLHttpRequest();`),
      ['Atomics.wait@1', 'Bun.sleepSync@2', 'XMLHttpRequest@3'],
    );
  });

  // names alone never match
  it('ignores local functions and shadowed modules that share an API name', () => {
    assert.deepEqual(
      found(`
        function readFileSync(p: string) { return p; }
        readFileSync('a');
        import { promises as fs } from 'fs';
        fs.readFile('b');
        function f(require: (m: string) => any) { require('fs').readFileSync('c'); }
        const Atomics = { wait() {} };
        Atomics.wait();
      `),
      [],
    );
  });
});

describe('getModuleLoads: require calls through a local variable named require', () => {
  const loads = (code: string, options?: Parameters<typeof runOnCode>[2]) =>
    runOnCode<{ bindings: string[]; specifiers: string[] }>(
      code,
      (context, collect) => ({
        Program() {
          const moduleLoads = getModuleLoads(context);
          collect({ bindings: [...moduleLoads.relativeBindings].sort(), specifiers: [...moduleLoads.specifiers].sort() });
        },
      }),
      options,
    )[0];

  it('reads a require taken by shorthand destructuring (the property key and value are separate identifiers)', () => {
    const found = loads("const { require } = makeLoader(); const db = require('./db');");
    assert.deepEqual(found, { bindings: ['db'], specifiers: ['./db'] });
  });

  it('reads a require that a wrapper function receives by shorthand destructuring, with a default', () => {
    const found = loads("export function wrap({ require = fallback }) { const cache = require('./cache'); return cache; }");
    assert.deepEqual(found, { bindings: ['cache'], specifiers: ['./cache'] });
  });

  it('reads a require declared by the nearest declaring node: an arrow parameter inside an initializer, a method parameter, a catch binding', () => {
    const found = loads(
      "const load = (require) => { const a = require('./a'); return a; }; class Loader { get(require) { const b = require('./b'); return b; } } try { go(); } catch ({ require }) { const c = require('./c'); }",
    );
    assert.deepEqual(found, { bindings: ['a', 'b', 'c'], specifiers: ['./a', './b', './c'] });
  });

  it('reads a require declared by createRequire and a wrapper parameter', () => {
    const found = loads("import { createRequire } from 'node:module'; const require = createRequire(import.meta.url); const a = require('./a'); function load(require) { return require('./b'); }");
    assert.deepEqual(found, { bindings: ['a'], specifiers: ['./a', './b', 'node:module'] });
  });
});
