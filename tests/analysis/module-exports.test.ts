import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, it } from 'node:test';
import { readAsyncExports, resolveRelativeModule } from '../../src/analysis/module-exports';

function withFiles(files: Record<string, string>): string {
  const root = mkdtempSync(path.join(tmpdir(), 'module-exports-'));
  for (const [name, text] of Object.entries(files)) {
    mkdirSync(path.dirname(path.join(root, name)), { recursive: true });
    writeFileSync(path.join(root, name), text);
  }
  return root;
}

describe('readAsyncExports', () => {
  it('finds async and Promise-typed exports, not generators or sync functions', () => {
    const root = withFiles({
      'a.ts': [
        'export async function load() {}',
        'export const save = async (x: number) => x;',
        'export const remove: Handler = async function () {};',
        'export const stream = async function* () {};',
        'export async function* pages() {}',
        'export function later(ms: number): Promise<void> { return new Promise((r) => setTimeout(r, ms)); }',
        'export declare function fetchAll<T>(url: string): Promise<T[]>;',
        'export function sync() { return 1; }',
        'export default async function main() {}',
        '// export async function commented() {}',
        'const inner = async () => {};',
      ].join('\n'),
      'b.cjs': 'exports.run = async () => {};\nmodule.exports.stop = async function () {};\nexports.list = () => [];\n',
    });
    assert.deepEqual([...(readAsyncExports(path.join(root, 'a.ts')) ?? [])].sort(), ['default', 'fetchAll', 'later', 'load', 'remove', 'save']);
    assert.deepEqual([...(readAsyncExports(path.join(root, 'b.cjs')) ?? [])].sort(), ['run', 'stop']);
    assert.equal(readAsyncExports(path.join(root, 'missing.ts')), null);
  });
});

describe('readAsyncExports: overloads', () => {
  it('never decides from one overload of several', () => {
    const root = withFiles({
      'c.ts': [
        'export function define(config: string): Promise<string>;',
        'export function define(config: object): object;',
        'export function define(config: unknown) { return config; }',
        'export async function single() {}',
      ].join('\n'),
    });
    assert.deepEqual([...(readAsyncExports(path.join(root, 'c.ts')) ?? [])].sort(), ['single']);
  });
});

describe('resolveRelativeModule', () => {
  it('resolves extensions, .js to .ts, and index files; not packages or relative importers', () => {
    const root = withFiles({ 'src/db.ts': '', 'src/lib/index.js': '', 'src/util.mjs': '', 'src/main.ts': '' });
    const importer = path.join(root, 'src', 'main.ts');
    assert.equal(resolveRelativeModule(importer, './db'), path.join(root, 'src', 'db.ts'));
    assert.equal(resolveRelativeModule(importer, './db.js'), path.join(root, 'src', 'db.ts'));
    assert.equal(resolveRelativeModule(importer, './lib'), path.join(root, 'src', 'lib', 'index.js'));
    assert.equal(resolveRelativeModule(importer, './util.mjs'), path.join(root, 'src', 'util.mjs'));
    assert.equal(resolveRelativeModule(importer, './nothing'), null);
    assert.equal(resolveRelativeModule(importer, 'db'), null);
    assert.equal(resolveRelativeModule('file.ts', './db'), null);
  });
});
