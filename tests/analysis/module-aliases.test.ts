import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, it } from 'node:test';
import { resolveAliasedModule } from '../../src/analysis/module-resolution';

/** A temporary project with `files`. */
function project(files: Record<string, string>): string {
  const root = mkdtempSync(path.join(tmpdir(), 'module-aliases-'));
  for (const [name, text] of Object.entries(files)) {
    mkdirSync(path.dirname(path.join(root, name)), { recursive: true });
    writeFileSync(path.join(root, name), text);
  }
  return root;
}

describe('resolveAliasedModule', () => {
  it('follows a wildcard alias of the nearest tsconfig (comments and trailing commas allowed)', () => {
    const root = project({
      'tsconfig.json': '{\n  // the app\'s aliases\n  "compilerOptions": { "baseUrl": ".", "paths": { "@/*": ["./src/*"], }, },\n}',
      'src/queries/report.ts': '',
      'src/app/api/route.ts': '',
    });
    const importer = path.join(root, 'src', 'app', 'api', 'route.ts');
    assert.equal(resolveAliasedModule(importer, '@/queries/report')?.file, path.join(root, 'src', 'queries', 'report.ts'));
    assert.equal(resolveAliasedModule(importer, '@/queries/missing'), null);
  });

  it('follows a jsconfig alias with a suffix-free exact entry and a second target', () => {
    const root = project({
      'jsconfig.json': '{ "compilerOptions": { "paths": { "~/*": ["./app/*", "./shared/*"], "db": ["./shared/db/index.js"] } } }',
      'shared/lib/api.js': '',
      'shared/db/index.js': '',
      'app/page.js': '',
    });
    const importer = path.join(root, 'app', 'page.js');
    assert.equal(resolveAliasedModule(importer, '~/lib/api')?.file, path.join(root, 'shared', 'lib', 'api.js'));
    assert.equal(resolveAliasedModule(importer, 'db')?.file, path.join(root, 'shared', 'db', 'index.js'));
  });

  it('leaves relative specifiers, packages and projects without aliases alone', () => {
    const root = project({ 'tsconfig.json': '{ "compilerOptions": { "strict": true } }', 'src/a.ts': '', 'src/b.ts': '' });
    const importer = path.join(root, 'src', 'a.ts');
    assert.equal(resolveAliasedModule(importer, './b'), null);
    assert.equal(resolveAliasedModule(importer, 'pg'), null);
    assert.equal(resolveAliasedModule(importer, '@/b'), null);
  });
});
