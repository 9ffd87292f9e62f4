import assert from 'node:assert/strict';
import { mkdirSync, writeFileSync } from 'node:fs';
import { scratchDir } from '../scratch-dir';
import path from 'node:path';
import { describe, it } from 'node:test';
import { readAsyncExports } from '../../src/analysis/module-exports';

function withFiles(files: Record<string, string>): string {
  const root = scratchDir('module-exports');
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
