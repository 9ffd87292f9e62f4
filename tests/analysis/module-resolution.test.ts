import assert from 'node:assert/strict';
import fs, { mkdirSync, renameSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { scratchDir } from '../scratch-dir';
import path from 'node:path';
import { describe, it, mock } from 'node:test';
import { RelativeModules, resolveRelativeModule } from '../../src/analysis/module-resolution';
import { RECHECK_MS } from '../../src/analysis/recent-stats';
import { laterLints } from './later-lints';

/** A temporary tree with `files`; every folder's modification time set `ageMs` back, as in a checkout that has settled. */
function withFiles(files: Record<string, string>, ageMs = 60_000): string {
  const root = scratchDir('module-resolution');
  for (const [name, text] of Object.entries(files)) {
    mkdirSync(path.dirname(path.join(root, name)), { recursive: true });
    writeFileSync(path.join(root, name), text);
  }
  ageFolders(root, ageMs);
  return root;
}

function ageFolders(root: string, ageMs: number): void {
  const time = new Date(Date.now() - ageMs);
  for (const entry of fs.readdirSync(root, { recursive: true, withFileTypes: true })) {
    if (entry.isDirectory()) utimesSync(path.join(entry.parentPath, entry.name), time, time);
  }
  utimesSync(root, time, time);
}

function resolved(importer: string, specifier: string): string | null {
  return resolveRelativeModule(importer, specifier)?.file ?? null;
}

// what the specifier names
describe('resolveRelativeModule', () => {
  it('resolves extensions, .js to .ts, and index files; not packages or relative importers', () => {
    const root = withFiles({ 'src/db.ts': '', 'src/lib/index.js': '', 'src/util.mjs': '', 'src/main.ts': '', 'src/dir.ts/x.ts': '' });
    const importer = path.join(root, 'src', 'main.ts');
    assert.equal(resolved(importer, './db'), path.join(root, 'src', 'db.ts'));
    assert.equal(resolved(importer, './db.js'), path.join(root, 'src', 'db.ts'));
    assert.equal(resolved(importer, './lib'), path.join(root, 'src', 'lib', 'index.js'));
    assert.equal(resolved(importer, '../src/lib/'), path.join(root, 'src', 'lib', 'index.js'));
    assert.equal(resolved(importer, './util.mjs'), path.join(root, 'src', 'util.mjs'));
    assert.equal(resolved(importer, './nothing'), null);
    assert.equal(resolved(importer, './missing/deeper'), null);
    assert.equal(resolved(importer, './dir.ts'), null, 'a folder named like a file is no module');
    assert.equal(resolved(importer, 'db'), null);
    assert.equal(resolved('file.ts', './db'), null);
  });

  it('gives the found file with its size and modification time', () => {
    const root = withFiles({ 'a.ts': 'export {};\n', 'main.ts': '' });
    const found = resolveRelativeModule(path.join(root, 'main.ts'), './a');
    assert.equal(found?.file, path.join(root, 'a.ts'));
    assert.equal(found?.stats.size, 11);
  });
});

// files that change between lints of one process (an editor session): seen by the lints that start
// `RECHECK_MS` after the change (see recent-stats.ts)
describe('resolveRelativeModule: files changed between lints', () => {
  it('sees a file added, a better candidate added, and a file removed', (t) => {
    const later = laterLints(t);
    const root = withFiles({ 'main.ts': '', 'db.js': '' });
    const importer = path.join(root, 'main.ts');
    assert.equal(resolved(importer, './db'), path.join(root, 'db.js'));
    assert.equal(resolved(importer, './cache'), null);
    writeFileSync(path.join(root, 'cache.ts'), '');
    later();
    assert.equal(resolved(importer, './cache'), path.join(root, 'cache.ts'));
    writeFileSync(path.join(root, 'db.ts'), '');
    later();
    assert.equal(resolved(importer, './db'), path.join(root, 'db.ts'));
    assert.equal(resolved(importer, './db.js'), path.join(root, 'db.js'));
    rmSync(path.join(root, 'db.ts'));
    rmSync(path.join(root, 'db.js'));
    later();
    assert.equal(resolved(importer, './db'), null);
  });

  it('sees a folder with an index file made, and a file renamed', (t) => {
    const later = laterLints(t);
    const root = withFiles({ 'main.ts': '', 'old.ts': '' });
    const importer = path.join(root, 'main.ts');
    assert.equal(resolved(importer, './lib'), null);
    mkdirSync(path.join(root, 'lib'));
    later();
    assert.equal(resolved(importer, './lib'), null);
    writeFileSync(path.join(root, 'lib', 'index.ts'), '');
    later();
    assert.equal(resolved(importer, './lib'), path.join(root, 'lib', 'index.ts'));
    assert.equal(resolved(importer, './old'), path.join(root, 'old.ts'));
    renameSync(path.join(root, 'old.ts'), path.join(root, 'new.ts'));
    later();
    assert.equal(resolved(importer, './old'), null);
    assert.equal(resolved(importer, './new'), path.join(root, 'new.ts'));
  });

  it('may miss a change for RECHECK_MS: a lint that starts sooner still sees the file as it was', (t) => {
    laterLints(t);
    const root = withFiles({ 'main.ts': '', 'db.js': '' });
    const importer = path.join(root, 'main.ts');
    assert.equal(resolved(importer, './db'), path.join(root, 'db.js'));
    rmSync(path.join(root, 'db.js'));
    assert.equal(resolved(importer, './db'), path.join(root, 'db.js'));
    t.mock.timers.tick(RECHECK_MS - 1);
    assert.equal(resolved(importer, './db'), path.join(root, 'db.js'));
    t.mock.timers.tick(1);
    assert.equal(resolved(importer, './db'), null);
  });

  it('keeps no listing of a folder changed moments before: a second change of the same clock step is seen', (t) => {
    const later = laterLints(t);
    const root = withFiles({ 'main.ts': '' }, 100);
    const importer = path.join(root, 'main.ts');
    const step = fs.statSync(root).mtime;
    assert.equal(resolved(importer, './late'), null);
    // A file added without moving the folder's time, as a coarse file-system clock would leave it.
    writeFileSync(path.join(root, 'late.ts'), '');
    utimesSync(root, step, step);
    later();
    assert.equal(resolved(importer, './late'), path.join(root, 'late.ts'));
  });
});

// what it costs
describe('resolveRelativeModule: cost', () => {
  it('asks the file system nothing again within RECHECK_MS', (t) => {
    laterLints(t);
    const root = withFiles({ 'main.ts': '', 'db.js': '', 'lib/index.js': '' });
    const importer = path.join(root, 'main.ts');
    resolved(importer, './db');
    resolved(importer, './lib');
    const stat = mock.method(fs, 'statSync');
    const readdir = mock.method(fs, 'readdirSync');
    try {
      assert.equal(resolved(importer, './db'), path.join(root, 'db.js'));
      assert.equal(resolved(importer, './lib'), path.join(root, 'lib', 'index.js'));
      assert.equal(resolved(importer, './nothing'), null);
      assert.equal(stat.mock.callCount() + readdir.mock.callCount(), 0);
    } finally {
      stat.mock.restore();
      readdir.mock.restore();
    }
  });

  it('asks the file system once for each folder and once for the file found, once the folders are listed', (t) => {
    const later = laterLints(t);
    const root = withFiles({ 'main.ts': '', 'db.js': '', 'lib/index.js': '' });
    const importer = path.join(root, 'main.ts');
    resolved(importer, './db');
    resolved(importer, './lib');
    later();
    const stat = mock.method(fs, 'statSync');
    const readdir = mock.method(fs, 'readdirSync');
    try {
      assert.equal(resolved(importer, './db'), path.join(root, 'db.js'));
      assert.equal(stat.mock.callCount(), 2);
      assert.equal(resolved(importer, './lib'), path.join(root, 'lib', 'index.js'));
      // The root folder's stats of the first question are still fresh: `lib` and its index file.
      assert.equal(stat.mock.callCount(), 4);
      assert.equal(resolved(importer, './nothing'), null);
      assert.equal(stat.mock.callCount(), 4);
      assert.equal(readdir.mock.callCount(), 0);
    } finally {
      stat.mock.restore();
      readdir.mock.restore();
    }
  });
});

// one resolution for the files of a project that import the same module (`RelativeModules`: one per linted file)
describe('RelativeModules: resolutions shared by the linted files', () => {
  const resolvedFor = (importer: string, specifier: string) => new RelativeModules(importer).resolve(specifier)?.file ?? null;

  it('resolves a module named from several folders once, asking the file system nothing for the later files', (t) => {
    laterLints(t);
    const root = withFiles({ 'lib/a.ts': '', 'lib/db.ts': '', 'bin/cli.ts': '' });
    assert.equal(resolvedFor(path.join(root, 'lib', 'a.ts'), './db'), path.join(root, 'lib', 'db.ts'));
    const stat = mock.method(fs, 'statSync');
    const readdir = mock.method(fs, 'readdirSync');
    try {
      assert.equal(resolvedFor(path.join(root, 'bin', 'cli.ts'), '../lib/db'), path.join(root, 'lib', 'db.ts'));
      assert.equal(stat.mock.callCount() + readdir.mock.callCount(), 0);
    } finally {
      stat.mock.restore();
      readdir.mock.restore();
    }
  });

  it('keeps a resolution only until RECHECK_MS after the oldest stat it rests on', (t) => {
    laterLints(t);
    const root = withFiles({ 'a.ts': '', 'b.ts': '', 'db.js': '' });
    // The module's stats are read now, by another question of the process.
    assert.equal(resolved(path.join(root, 'a.ts'), './db'), path.join(root, 'db.js'));
    t.mock.timers.tick(RECHECK_MS - 100);
    // A linted file resolves it from those stats, then the module goes.
    assert.equal(resolvedFor(path.join(root, 'a.ts'), './db'), path.join(root, 'db.js'));
    rmSync(path.join(root, 'db.js'));
    t.mock.timers.tick(99);
    assert.equal(resolvedFor(path.join(root, 'b.ts'), './db'), path.join(root, 'db.js'), 'a lint that starts sooner may still see it');
    t.mock.timers.tick(1);
    assert.equal(resolvedFor(path.join(root, 'b.ts'), './db'), null, 'RECHECK_MS after the stat, every lint sees it gone');
  });

  it('sees a module added for a specifier resolved to nothing before, from the lints RECHECK_MS later', (t) => {
    const later = laterLints(t);
    const root = withFiles({ 'a.ts': '', 'b.ts': '' });
    assert.equal(resolvedFor(path.join(root, 'a.ts'), './cache'), null);
    writeFileSync(path.join(root, 'cache.ts'), '');
    later();
    assert.equal(resolvedFor(path.join(root, 'b.ts'), './cache'), path.join(root, 'cache.ts'));
  });
});
