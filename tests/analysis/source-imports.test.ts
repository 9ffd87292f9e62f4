import assert from 'node:assert/strict';
import { utimesSync, writeFileSync } from 'node:fs';
import { scratchDir } from '../scratch-dir';
import path from 'node:path';
import { describe, it } from 'node:test';
import { resolveRelativeModule } from '../../src/analysis/module-resolution';
import { readTextImports, textImportsOf, type TextImport } from '../../src/analysis/source-imports';
import { laterLints } from './later-lints';

/** Each load as `kind specifier: name=imported, ...` (`all` for `export *`), for short assertions. */
function loads(text: string): string[] {
  return readTextImports(text).map(describeLoad);
}

function describeLoad(load: TextImport): string {
  const bindings = load.bindings.map((binding) => `${binding.name}=${binding.imported}`).join(', ');
  return `${load.kind} ${load.specifier}${load.all ? ' all' : ''}${bindings ? `: ${bindings}` : ''}`;
}

describe('readTextImports: import declarations', () => {
  it('reads a default import beside named ones, aliases included', () => {
    assert.deepEqual(loads("import x, { y as z } from 'm';"), ['import m: x=default, z=y']);
    assert.deepEqual(loads("import x, { y } from 'z'"), ['import z: x=default, y=y']);
    assert.deepEqual(loads('import {a,b as c}from"m"'), ['import m: a=a, c=b']);
  });

  it('reads namespace imports, alone and after a default one', () => {
    assert.deepEqual(loads("import * as ns from 'm';"), ['import m: ns=*']);
    assert.deepEqual(loads("import x, * as ns from 'm';"), ['import m: x=default, ns=*']);
  });

  it('lists a side-effect import without bindings', () => {
    assert.deepEqual(loads("import './setup';"), ['import ./setup']);
  });

  it('reads a clause over several lines, with comments between its tokens', () => {
    assert.deepEqual(loads("import {\n  a, // first\n  /* the second */ b as c,\n} from\n  'm';"), ['import m: a=a, c=b']);
  });

  it('ignores type-only imports and leaves type-only names out', () => {
    assert.deepEqual(loads("import type { A } from 'm';\nimport type B from 'n';\nimport type * as T from 'o';"), []);
    assert.deepEqual(loads("import { type A, b } from 'm';"), ['import m: b=b']);
    // a compiler may keep a declaration whose every name is a type: still a load, with no binding
    assert.deepEqual(loads("import { type A } from 'm';"), ['import m']);
    // a default import named `type` is a value
    assert.deepEqual(loads("import type from 'm';"), ['import m: type=default']);
  });

  it('reads no load from `import.meta` or an unfinished clause', () => {
    assert.deepEqual(loads('const here = import.meta.url;'), []);
    assert.deepEqual(loads("import { a } 'm';"), []);
  });
});

describe('readTextImports: re-exports', () => {
  it('reads named re-exports with their exported names', () => {
    assert.deepEqual(loads("export { a, b as c } from './x';"), ['re-export ./x: a=a, c=b']);
  });

  it('reads `export *` and `export * as`', () => {
    assert.deepEqual(loads("export * from './x';"), ['re-export ./x all']);
    assert.deepEqual(loads("export * as helpers from './x';"), ['re-export ./x: helpers=*']);
  });

  it('ignores type-only re-exports and a local export list', () => {
    assert.deepEqual(loads("export type { A } from './x';\nexport { a, b };\nexport const c = 1;"), []);
  });
});

describe('readTextImports: require and import()', () => {
  it('reads a required module bound whole, destructured, or one member of it', () => {
    assert.deepEqual(loads("const a = require('m');"), ['require m: a=*']);
    assert.deepEqual(loads("const { a, b: c, d = 1, ...rest } = require('m');"), ['require m: a=a, c=b, d=d']);
    assert.deepEqual(loads("var join = require('path').join;"), ['require path: join=join']);
    assert.deepEqual(loads("import fs = require('fs');"), ['require fs: fs=*']);
  });

  it('lists a require that binds nothing', () => {
    assert.deepEqual(loads("require('./setup');\nmodule.exports = require('./impl');"), ['require ./setup', 'require ./impl']);
  });

  it('reads an awaited import() bound whole or destructured, and one not awaited without bindings', () => {
    assert.deepEqual(loads("const m = await import('m');"), ['dynamic m: m=*']);
    assert.deepEqual(loads("const { a, default: b } = await import('m');"), ['dynamic m: a=a, b=default']);
    assert.deepEqual(loads("const pending = import('m');"), ['dynamic m']);
  });

  it('reads only string specifiers', () => {
    assert.deepEqual(loads('const a = require(name);\nconst b = await import(`./${name}`);'), []);
  });

  it('keeps source order across forms', () => {
    assert.deepEqual(loads("const a = require('a');\nimport b from 'b';\nexport * from 'c';"), ['require a: a=*', 'import b: b=default', 're-export c all']);
  });
});

describe('textImportsOf', () => {
  it('reads a module once per version of its file', (t) => {
    const later = laterLints(t);
    const root = scratchDir('source-imports');
    const file = path.join(root, 'db.ts');
    writeFileSync(file, "import { a } from './a';\n");
    const old = new Date(Date.now() - 60_000);
    utimesSync(file, old, old);
    utimesSync(root, old, old);
    const first = resolveRelativeModule(path.join(root, 'main.ts'), './db');
    assert.ok(first);
    assert.deepEqual(textImportsOf(first)?.map(describeLoad), ['import ./a: a=a']);
    assert.equal(textImportsOf(first), textImportsOf(first));
    // edited between two runs of one process: read again
    writeFileSync(file, "import b, { a } from './a';\n");
    later();
    const second = resolveRelativeModule(path.join(root, 'main.ts'), './db');
    assert.ok(second);
    assert.deepEqual(textImportsOf(second)?.map(describeLoad), ['import ./a: b=default, a=a']);
  });
});

describe('readTextImports: type-only loads with the types option', () => {
  const typed = (text: string): string[] => readTextImports(text, { types: true }).map(describeLoad);

  it('lists type-only declarations and names like the others', () => {
    assert.deepEqual(typed("import type { Cache } from './cache';"), ['import ./cache: Cache=Cache']);
    assert.deepEqual(typed("import type Store from './store';"), ['import ./store: Store=default']);
    assert.deepEqual(typed("import type * as T from './types';"), ['import ./types: T=*']);
    assert.deepEqual(typed("import { type Cache, MemoryCache as M } from './cache';"), ['import ./cache: Cache=Cache, M=MemoryCache']);
    assert.deepEqual(typed("export type { Cache as C } from './cache';"), ['re-export ./cache: C=Cache']);
  });

  it('still leaves them out without it, and reads a default import named type either way', () => {
    assert.deepEqual(loads("import type { Cache } from './cache';\nexport type { Cache } from './cache';"), []);
    assert.deepEqual(typed("import type from './kind';"), ['import ./kind: type=default']);
  });
});
