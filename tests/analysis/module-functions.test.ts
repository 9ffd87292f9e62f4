import assert from 'node:assert/strict';
import { readdirSync, utimesSync, writeFileSync } from 'node:fs';
import { scratchDir } from '../scratch-dir';
import path from 'node:path';
import { describe, it } from 'node:test';
import {
  bodyRewritesStoredEntry,
  bodyRunsForever,
  moduleExportIsMemoisedComputation,
  moduleFunctionFinalizes,
  moduleFunctionFixedFiles,
  moduleFunctionWaitsOnNothing,
} from '../../src/analysis/module-functions';
import { resolveRelativeModule } from '../../src/analysis/module-resolution';
import { laterLints } from './later-lints';

/** A temporary folder with `files`, its files and itself dated a minute back (a settled checkout). */
function withFiles(files: Record<string, string>): string {
  const root = scratchDir('module-functions');
  for (const [name, text] of Object.entries(files)) writeFileSync(path.join(root, name), text);
  backdate(root);
  return root;
}

function backdate(root: string): void {
  const time = new Date(Date.now() - 60_000);
  for (const name of readdirSync(root)) utimesSync(path.join(root, name), time, time);
  utimesSync(root, time, time);
}

function waitsOnNothing(root: string, specifier: string, name: string): boolean {
  const resolved = resolveRelativeModule(path.join(root, 'main.ts'), specifier);
  assert.ok(resolved, `${specifier} resolves`);
  return moduleFunctionWaitsOnNothing(resolved, name);
}

// through a barrel module (`export ... from`)
describe('moduleFunctionWaitsOnNothing: re-exports', () => {
  it('reads the declaration in the module re-exported from, and sees it edited while the barrel is unchanged', (t) => {
    const later = laterLints(t);
    const root = withFiles({
      'main.ts': '',
      'index.ts': "export { makeId } from './ids';\nexport * from './labels';\n",
      'ids.ts': 'export async function makeId() {\n  return Math.random().toString(36);\n}\n',
      'labels.ts': 'export async function label(id: string) {\n  return `#${id}`;\n}\n',
    });
    assert.equal(waitsOnNothing(root, './index', 'makeId'), true);
    assert.equal(waitsOnNothing(root, './index', 'label'), true);
    assert.equal(waitsOnNothing(root, './index', 'missing'), false);
    writeFileSync(path.join(root, 'ids.ts'), 'export async function makeId() {\n  return await fetchId();\n}\n');
    later();
    assert.equal(waitsOnNothing(root, './index', 'makeId'), false);
    assert.equal(waitsOnNothing(root, './ids', 'makeId'), false);
    assert.equal(waitsOnNothing(root, './index', 'label'), true);
  });

  it('follows a re-export to a module added after the first question', (t) => {
    const later = laterLints(t);
    const root = withFiles({ 'main.ts': '', 'index.ts': "export * from './late';\n" });
    assert.equal(waitsOnNothing(root, './index', 'later'), false);
    writeFileSync(path.join(root, 'late.ts'), 'export async function later() {\n  return 1;\n}\n');
    later();
    assert.equal(waitsOnNothing(root, './index', 'later'), true);
  });
});

// a class wrapped by a caching factory of another module
describe('moduleExportIsMemoisedComputation: a factory of another module', () => {
  const memoising = [
    'export function memoise(Derivation) {',
    '  const request = (input, context) => {',
    '    const known = context.cache.get(input);',
    '    if (known) return known;',
    '    const pending = Derivation.derive(input, context);',
    '    context.cache.set(input, pending);',
    '    return pending;',
    '  };',
    '  return Object.assign(Derivation, { request });',
    '}',
    '',
  ].join('\n');
  const plain = 'export function memoise(Derivation) {\n  const request = (input, context) => Derivation.derive(input, context);\n  return Object.assign(Derivation, { request });\n}\n';

  it('sees the factory module edited while the module of the class is unchanged', (t) => {
    const later = laterLints(t);
    const root = withFiles({
      'main.ts': '',
      'factory.js': memoising,
      'totals.js': "import { memoise } from './factory.js';\nclass Totals {\n  static async derive(input) {\n    return input.rows.length;\n  }\n}\nconst TotalsDerived = memoise(Totals);\nexport { TotalsDerived as Totals };\n",
    });
    const resolved = resolveRelativeModule(path.join(root, 'main.ts'), './totals.js');
    assert.ok(resolved);
    assert.equal(moduleExportIsMemoisedComputation(resolved, 'Totals', 'request'), true);
    writeFileSync(path.join(root, 'factory.js'), plain);
    later();
    assert.equal(moduleExportIsMemoisedComputation(resolved, 'Totals', 'request'), false);
  });
});

// a value computed by a built-in module in place (`path`, `url`, `querystring`)
describe('moduleFunctionWaitsOnNothing: values of built-in modules', () => {
  it('reads a returned path or URL computation as a value, by how the module imports it', () => {
    const root = withFiles({
      'main.ts': '',
      'names.ts': [
        "import * as paths from 'node:path';",
        "import { fileURLToPath as toPath } from 'url';",
        "const qs = require('querystring');",
        'export async function title(doc) {\n  return paths.basename(doc.location);\n}',
        'export async function local(u) {\n  return toPath(u);\n}',
        'export async function query(q) {\n  return qs.stringify(q);\n}',
        'export async function remote(doc) {\n  return store.basename(doc.location);\n}',
      ].join('\n'),
    });
    assert.equal(waitsOnNothing(root, './names', 'title'), true);
    assert.equal(waitsOnNothing(root, './names', 'local'), true);
    assert.equal(waitsOnNothing(root, './names', 'query'), true);
    assert.equal(waitsOnNothing(root, './names', 'remote'), false);
  });
});

describe('moduleFunctionWaitsOnNothing: a chain broken over lines', () => {
  it('reads `await client` followed by `.get(url)` on the next line as a call of the client, and a name alone on its line as a value', () => {
    const root = withFiles({
      'main.ts': '',
      'client.ts': 'export const http = makeClient();',
      'pages.ts': [
        "import { http } from './client';",
        'export async function page(id) {\n  const response = await http\n    .get(`/pages/${id}`)\n    .catch(() => null);\n  return response;\n}',
        'export async function ready(state) {\n  const value = await state.loaded\n  return value;\n}',
      ].join('\n'),
    });
    assert.equal(waitsOnNothing(root, './pages', 'page'), false);
    assert.equal(waitsOnNothing(root, './pages', 'ready'), true);
  });
});

describe('moduleFunctionFinalizes', () => {
  it('says whether a declaration calls a step named for finalising', () => {
    const root = withFiles({
      'main.ts': '',
      'parser.ts': [
        'export async function getParser() {\n  await finalizeSchema();\n  return new Parser();\n}',
        'export async function openRouter(app) {\n  return app.router.finalize();\n}',
        'export async function readSchema() {\n  return loadSchema(); // finalized later\n}',
      ].join('\n'),
    });
    const resolved = resolveRelativeModule(path.join(root, 'main.ts'), './parser');
    assert.ok(resolved);
    assert.equal(moduleFunctionFinalizes(resolved, 'getParser'), true);
    assert.equal(moduleFunctionFinalizes(resolved, 'openRouter'), true);
    assert.equal(moduleFunctionFinalizes(resolved, 'readSchema'), false);
    assert.equal(moduleFunctionFinalizes(resolved, 'missing'), false);
  });
});

// CommonJS exports (`exports.name = async (...) => ...`)
describe('moduleFunctionWaitsOnNothing: CommonJS exports', () => {
  it('finds a function assigned to exports by its name', () => {
    const root = withFiles({
      'main.ts': '',
      'ids.js': "exports.makeId = async (size) => {\n  return Math.random().toString(36).slice(0, size);\n};\nexports.loadId = async (key) => {\n  return await fetchId(key);\n};\n",
    });
    assert.equal(waitsOnNothing(root, './ids', 'makeId'), true);
    assert.equal(waitsOnNothing(root, './ids', 'loadId'), false);
  });
});

// every form of import the shared reader (`source-imports.ts`) reads leads to the helper's module
describe('moduleFunctionWaitsOnNothing: a helper imported in each form', () => {
  const helper = 'export async function digest(value) {\n  return value.split(",").join("-");\n}\n';
  const caller = (load: string, call = 'digest') => `${load}\nexport async function key(value) {\n  return await ${call}(value);\n}\n`;

  it('follows a named import written beside a default one, an alias, a required or awaited import', () => {
    for (const [load, call] of [
      ["import hashing, { digest } from './crypto';"],
      ["import { digest as hash } from './crypto';", 'hash'],
      ["const { digest } = require('./crypto');"],
      ["const hash = require('./crypto').digest;", 'hash'],
      ["const { digest: hash } = await import('./crypto');", 'hash'],
    ] as const) {
      const root = withFiles({ 'main.ts': '', 'crypto.ts': helper, 'keys.ts': caller(load, call) });
      assert.equal(waitsOnNothing(root, './keys', 'key'), true, load);
    }
  });

  it('does not follow a type-only import, or a whole module called as a function', () => {
    for (const [load, call] of [
      ["import type { digest } from './crypto';"],
      ["import * as hash from './crypto';", 'hash'],
      ["const hash = require('./crypto');", 'hash'],
    ] as const) {
      const root = withFiles({ 'main.ts': '', 'crypto.ts': helper, 'keys.ts': caller(load, call) });
      assert.equal(waitsOnNothing(root, './keys', 'key'), false, load);
    }
  });

  it('follows a renamed re-export to the name its module declares', () => {
    const root = withFiles({ 'main.ts': '', 'crypto.ts': helper, 'index.ts': "export { digest as hash } from './crypto';\n" });
    assert.equal(waitsOnNothing(root, './index', 'hash'), true);
    assert.equal(waitsOnNothing(root, './index', 'digest'), false);
  });
});

describe('bodyRunsForever: a loop with no way out', () => {
  it('is true for an endless loop at the end of the body, also after an early return and with callbacks returning inside it', () => {
    assert.equal(bodyRunsForever('{ while (true) { await poll(); await sleep(10); } }'), true);
    assert.equal(bodyRunsForever('{ if (!enabled()) return;\n  for (;;) { await tick(); } }'), true);
    assert.equal(
      bodyRunsForever('{ while (true) { const batch = await take(); await Promise.all(batch.map(async (item) => { try { return await tag(item); } catch { return null; } })); } }'),
      true,
    );
    assert.equal(bodyRunsForever('{ while (1) { await Promise.all(jobs.map(function (job) { return run(job); })); } }'), true);
  });

  it('is false when the loop can end or code follows it', () => {
    assert.equal(bodyRunsForever('{ while (true) { const job = await next(); if (!job) break; } }'), false);
    assert.equal(bodyRunsForever('{ for (;;) { const job = await next(); if (job) return job; } }'), false);
    assert.equal(bodyRunsForever('{ while (true) { await a(); }\n  await b(); }'), false);
    assert.equal(bodyRunsForever('{ while (this.running) { await a(); } }'), false);
  });
});

describe('moduleFunctionWaitsOnNothing: class helpers, imported classes, statements without semicolons', () => {
  it('follows `this.helper(...)`, a static method of an imported class and `os`, and still sees an awaited call that goes on at the next line', () => {
    const root = withFiles({
      'main.ts': '',
      'hashes.ts': [
        'export default class Hashes {',
        '  static async ofText(text) {',
        "    const digest = await crypto.subtle.digest('SHA-256', text) // in memory",
        '    const encoded = this.hex(digest)',
        '    return encoded',
        '  }',
        '  static hex(bytes) {',
        "    return Array.from(new Uint8Array(bytes)).join('')",
        '  }',
        '  static async ofPage(url) {',
        '    const page = await this.download(url)',
        '    return page',
        '  }',
        '  static async download(url) {',
        '    return fetch(url)',
        '  }',
        '}',
      ].join('\n'),
      'labels.ts': [
        "import Hashes from './hashes';",
        "import os from 'node:os';",
        'export async function labelOf(text) {\n  const hash = await Hashes.ofText(text)\n  return hash\n}',
        'export async function pageLabel(url) {\n  const hash = await Hashes.ofPage(url)\n  return hash\n}',
        'export async function hostKind() {\n  const kind = os.arch()\n  return kind\n}',
        'export async function chained(url) {\n  const body = await Hashes.ofText(url)\n    .then((hash) => hash)\n  return body\n}',
      ].join('\n'),
    });
    assert.equal(waitsOnNothing(root, './labels', 'labelOf'), true);
    assert.equal(waitsOnNothing(root, './labels', 'pageLabel'), false);
    assert.equal(waitsOnNothing(root, './labels', 'hostKind'), true);
    assert.equal(waitsOnNothing(root, './labels', 'chained'), false);
  });
});

describe('bodyRewritesStoredEntry', () => {
  it('is true for a fixed entry read, then an await, then the same entry written back', () => {
    assert.equal(bodyRewritesStoredEntry("{ const q = store.get('queue', []); q.push(await size(x)); store.set('queue', q); }"), true);
    assert.equal(bodyRewritesStoredEntry('{ const n = this.storage.getItem(TOTAL); await send(n); this.storage.setItem(TOTAL, n + 1); }'), true);
  });
  it('is false without a pause between, for another entry, or another store', () => {
    assert.equal(bodyRewritesStoredEntry("{ const q = store.get('queue', []); q.push(x); store.set('queue', q); await flush(); }"), false);
    assert.equal(bodyRewritesStoredEntry("{ const q = store.get('queue', []); await size(x); store.set('done', q); }"), false);
    assert.equal(bodyRewritesStoredEntry("{ const q = store.get('queue', []); await size(x); backup.set('queue', q); }"), false);
    assert.equal(bodyRewritesStoredEntry('{ const q = store.get(key); await size(x); store.set(key, q); }'), false);
  });
});

describe('bodyRewritesStoredEntry: a memo filled when missing', () => {
  it('is false when the value read is a `let` filled again, not the list it read', () => {
    assert.equal(bodyRewritesStoredEntry("{ let token = cache.get('crmToken'); if (!token) { token = await login(); cache.set('crmToken', token); } await send(token); }"), false);
  });
});

describe('moduleFunctionFixedFiles', () => {
  it('names the files a function writes and reads by a path its module holds, not by a parameter or a local', () => {
    const root = withFiles({
      'main.ts': '',
      'store.ts': [
        "const STATE = () => join(home, 'state.json');",
        'const LOG = join(home, "log.txt");',
        'export async function save(data) {',
        '  await check(data);',
        '  writeFileSync(STATE(), JSON.stringify(data));',
        "  appendFileSync(LOG, 'saved');",
        '}',
        'export const load = async () => {',
        "  const text = await readFile(STATE( ), 'utf8');",
        '  return JSON.parse(text);',
        '};',
        'export async function copy(target, data) {',
        '  const backup = target + ".bak";',
        '  writeFileSync(target, data);',
        '  writeFileSync(backup, data);',
        "  return readFileSync(LOG, 'utf8');",
        '}',
        '',
      ].join('\n'),
    });
    const resolved = resolveRelativeModule(path.join(root, 'main.ts'), './store');
    assert.ok(resolved);
    const file = (name: string): string => `${resolved.file}\0${name}`;
    assert.deepEqual(moduleFunctionFixedFiles(resolved, 'save'), { writes: [file('STATE()'), file('LOG')], reads: [] });
    assert.deepEqual(moduleFunctionFixedFiles(resolved, 'load'), { writes: [], reads: [file('STATE()')] });
    assert.deepEqual(moduleFunctionFixedFiles(resolved, 'copy'), { writes: [], reads: [file('LOG')] });
    assert.deepEqual(moduleFunctionFixedFiles(resolved, 'missing'), { writes: [], reads: [] });
  });

  it('takes only names the module declares at its top level or imports, also in code without semicolons', () => {
    const root = withFiles({
      'main.ts': '',
      'sync.ts': [
        "import { SETTINGS } from './paths'",
        "const STATE = '/var/lib/acme/state.json'",
        'export async function sync(items) {',
        "  const response = await fetch('https://api.example.com/items')",
        '  for (const item of items) validate(item)',
        '  writeFileSync(STATE, await response.text())',
        "  ['a.log'].forEach((file) => writeFileSync(file, 'synced'))",
        "  items.forEach(({ path }) => appendFileSync(path, 'synced'))",
        "  return readFileSync(SETTINGS, 'utf8')",
        '}',
        '',
      ].join('\n'),
    });
    const resolved = resolveRelativeModule(path.join(root, 'main.ts'), './sync');
    assert.ok(resolved);
    const file = (name: string): string => `${resolved.file}\0${name}`;
    assert.deepEqual(moduleFunctionFixedFiles(resolved, 'sync'), { writes: [file('STATE')], reads: [file('SETTINGS')] });
  });
});
