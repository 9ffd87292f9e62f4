import assert from 'node:assert/strict';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { scratchDir } from '../scratch-dir';
import path from 'node:path';
import { describe, it } from 'node:test';
import { Linter } from 'eslint';
import * as tsParser from '@typescript-eslint/parser';
import rule from '../../src/rules/no-floating-promises';
import { laterLints } from './later-lints';

/** The lines no-floating-promises reports in `code`, linted as `file` (one Linter run, as an editor's re-lint). */
function reportedLines(file: string, code: string): number[] {
  const linter = new Linter({ configType: 'flat', cwd: path.dirname(file) });
  return linter
    .verify(code, { files: ['**/*.ts'], languageOptions: { parser: tsParser as Linter.Parser }, plugins: { p: { rules: { 'no-floating-promises': rule as never } } }, rules: { 'p/no-floating-promises': 'error' } }, file)
    .map((message) => message.line);
}

describe('other modules: the classes behind an interface are asked again when the folder changes', () => {
  it('reports a chain once a remote implementation is added beside the in-memory one', (t) => {
    const later = laterLints(t);
    const root = scratchDir('other-modules');
    const stores = path.join(root, 'stores');
    mkdirSync(stores);
    writeFileSync(path.join(stores, 'store.ts'), 'export interface Counter {\n  count(): Promise<number>;\n}\n');
    writeFileSync(path.join(stores, 'memory.ts'), "import type { Counter } from './store';\nexport class MemoryCounter implements Counter {\n  private n = 0;\n  async count(): Promise<number> {\n    return this.n;\n  }\n}\n");
    // the counter a panel gets is declared by a function's return type: any class of the folder
    writeFileSync(path.join(stores, 'pick.ts'), "import type { Counter } from './store';\ndeclare const chosen: Counter;\nexport function currentCounter(): Counter {\n  return chosen;\n}\n");
    const file = path.join(root, 'panel.ts');
    const code = "import { currentCounter } from './stores/pick';\nexport class Panel {\n  show(): void {\n    currentCounter().count().then((n) => console.log(n));\n  }\n}\n";
    assert.deepEqual(reportedLines(file, code), []);
    // an editor session goes on: a Redis-backed implementation is added to the folder
    writeFileSync(path.join(stores, 'redis.ts'), "import type { Counter } from './store';\nimport { createClient } from 'redis';\nexport class RedisCounter implements Counter {\n  private client = createClient();\n  async count(): Promise<number> {\n    return Number(await this.client.get('n'));\n  }\n}\n");
    later();
    assert.deepEqual(reportedLines(file, code), [4]);
  });
});

describe('other modules: JavaScript modules of the folder are read without TypeScript', () => {
  it('follows a JavaScript subclass beside an unrelated class (espree classes have no implements list)', () => {
    const root = scratchDir('other-modules-js');
    const stores = path.join(root, 'stores');
    mkdirSync(stores);
    writeFileSync(path.join(stores, 'counter.ts'), 'export class Counter {\n  protected n = 0;\n  async count(): Promise<number> {\n    return this.n;\n  }\n}\n');
    writeFileSync(path.join(stores, 'pick.ts'), "import type { Counter } from './counter';\ndeclare const chosen: Counter;\nexport function currentCounter(): Counter {\n  return chosen;\n}\n");
    const subclass = (body: string) =>
      `import { Counter } from './counter';\nclass Tally {\n  constructor() {\n    this.total = 0;\n  }\n}\nexport class ShownCounter extends Counter {\n  async count() {\n    ${body}\n  }\n}\nexport const tally = new Tally();\n`;
    const file = path.join(root, 'panel.ts');
    const code = "import { currentCounter } from './stores/pick';\nexport class Panel {\n  show(): void {\n    currentCounter().count().then((n) => console.log(n));\n  }\n}\n";
    writeFileSync(path.join(stores, 'shown.js'), subclass('return this.n + 1;'));
    assert.deepEqual(reportedLines(file, code), []);
    // the JavaScript subclass now waits on the network: the chain can reject
    const other = path.join(root, 'other-root');
    mkdirSync(other);
    const remote = path.join(other, 'stores');
    mkdirSync(remote);
    for (const name of ['counter.ts', 'pick.ts']) writeFileSync(path.join(remote, name), readFileSync(path.join(stores, name), 'utf8'));
    writeFileSync(path.join(remote, 'shown.js'), subclass("const response = await fetch('/count');\n    return Number(await response.text());"));
    assert.deepEqual(reportedLines(path.join(other, 'panel.ts'), code), [4]);
  });
});
